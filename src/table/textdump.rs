//! Text dumps (tab-separated, like the seed) → blocks.
//!
//! A line with tabs is a table row, one cell per tab-separated field. A line
//! that begins with a tab continues the merged first-column cell above it
//! (the cell's `row_span` grows). A line without tabs is text outside any
//! table and ends the current table, as does a blank line. Rows that lost
//! their leading tab stay as written here; the form stage places them by the
//! header of their block, since only it knows which cells are labels.

use super::{Block, Cell, Grid};

/// Split decoded text into text lines and tables, in order.
#[must_use]
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for line in text.lines() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.contains('\t') {
            rows.push(line.split('\t').map(|c| c.trim().to_string()).collect());
            continue;
        }
        if !rows.is_empty() {
            out.push(Block::Table(grid(std::mem::take(&mut rows))));
        }
        let t = line.trim();
        if !t.is_empty() {
            out.push(Block::Text {
                page: None,
                text: t.to_string(),
            });
        }
    }
    if !rows.is_empty() {
        out.push(Block::Table(grid(rows)));
    }
    out
}

/// Build a grid from tab-separated rows: every slot gets a cell, except the
/// first column of a row that begins with a tab, which extends the cell above.
fn grid(mut rows: Vec<Vec<String>>) -> Grid {
    // Trailing empty fields carry no information beyond the column count.
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    for r in &mut rows {
        r.resize(cols, String::new());
    }
    let mut cells: Vec<Cell> = Vec::new();
    // Index in `cells` of the cell that currently covers column 0.
    let mut first_col: Option<usize> = None;
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if c == 0
                && text.is_empty()
                && let Some(i) = first_col
            {
                cells[i].row_span += 1;
                continue;
            }
            if c == 0 {
                first_col = Some(cells.len());
            }
            cells.push(Cell {
                row: r,
                col: c,
                row_span: 1,
                col_span: 1,
                text: text.clone(),
                page: None,
                bbox: None,
            });
        }
    }
    Grid {
        pages: None,
        bbox: None,
        rows: rows.len(),
        cols,
        cells,
        quality: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(b: &Block) -> &Grid {
        match b {
            Block::Table(g) => g,
            Block::Text { .. } => panic!("expected a table, got {b:?}"),
        }
    }

    #[test]
    fn text_lines_and_tables_in_order() {
        let b = blocks(
            "\r\n标题 (2021年度)\r\n\r\n单位: 万元\r\n甲\t乙\r\n丙\t丁\r\n\r\n戊\t己\t庚\r\n",
        );
        assert_eq!(b.len(), 4);
        assert_eq!(
            b[0],
            Block::Text {
                page: None,
                text: "标题 (2021年度)".into()
            }
        );
        let g = table(&b[2]);
        assert_eq!((g.rows, g.cols, g.cells.len()), (2, 2, 4));
        assert_eq!(g.cells[3].text, "丁");
        let g = table(&b[3]);
        assert_eq!((g.rows, g.cols), (1, 3));
    }

    #[test]
    fn leading_tab_extends_first_column() {
        let b = blocks("A\tx\ty\n\tu\tv\n\tw\n B\tz\n");
        let g = table(&b[0]);
        assert_eq!(g.cols, 3);
        let a = g.at(2, 0).unwrap();
        assert_eq!((a.text.as_str(), a.row_span), ("A", 3));
        // A short row is padded with empty cells.
        assert_eq!(g.at(2, 2).unwrap().text, "");
        let b = g.at(3, 0).unwrap();
        assert_eq!((b.text.as_str(), b.row, b.row_span), ("B", 3, 1));
        assert_eq!(g.cells.iter().filter(|c| c.col == 0).count(), 2);
    }

    #[test]
    fn first_row_with_leading_tab_gets_an_empty_cell() {
        let g = table(&blocks("\tx\n\ty\n")[0]).clone();
        let c = g.at(1, 0).unwrap();
        assert_eq!((c.text.as_str(), c.row_span), ("", 2));
    }
}
