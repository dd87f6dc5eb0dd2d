//! Word `.docx`/`.docm` → blocks, from `word/document.xml`.
//!
//! Paragraphs outside tables are text lines in document order (a `<w:br>`
//! inside one starts a new line). A table is a grid on the table grid's
//! columns: `w:gridBefore` skips columns, `w:gridSpan` spans them, and
//! `w:vMerge` (`restart`, then continue) spans rows. Paragraphs inside a
//! cell are its lines ([`HARD_BREAK`]). A table nested in a cell is read
//! into that cell's lines (a row per line), unless it holds the form's
//! labels and the outer table holds none: then the outer table only lays
//! the page out, and its cells' paragraphs become text lines around the
//! inner table's grid (the form is the innermost labelled table, as in
//! HTML). Page and section breaks need no mark: the recogniser starts a
//! new form at each form title, and a form whose tables run over a page
//! break stays one form. Deleted text (`w:delText`), field codes and the
//! fallback copy of drawings are not read; headers and footers are other
//! parts, not read.

use std::collections::HashMap;

use super::archive;
use super::grid::{self, Lines};
use super::xml::{Ev, Xml};
use crate::error::{ErrorCode, FileError};
use crate::form::labels::{self, Section};
use crate::table::{Block, Cell, Grid, HARD_BREAK};

/// Deepest nesting of tables read.
pub const MAX_TABLE_DEPTH: usize = 64;

/// The blocks of a Word document.
///
/// # Errors
/// `unreadable` for a broken or hostile document.
pub fn blocks(bytes: &[u8]) -> Result<Vec<Block>, FileError> {
    let mut zip = archive::open(bytes)?;
    let xml = archive::part(&mut zip, "word/document.xml", archive::MAX_PART_BYTES)?
        .ok_or_else(|| FileError::new(ErrorCode::Unreadable, "no word/document.xml"))?;
    let items = collect(&xml)?;
    let mut out = Vec::new();
    resolve(&items, &mut out)?;
    Ok(out)
}

#[derive(Debug)]
enum Item {
    Line(String),
    Table(Table),
}

#[derive(Debug, Default)]
struct Table {
    /// Cells at grid positions: (row, col, row span, col span, items).
    cells: Vec<(usize, usize, usize, usize, Vec<Item>)>,
    rows: usize,
    cols: usize,
}

/// A table being read.
#[derive(Debug, Default)]
struct Open {
    table: Table,
    /// Column of the next cell in the current row.
    col: usize,
    /// The open cell: (col, span, continues a vertical merge, items, text).
    cell: Option<(usize, usize, bool, Vec<Item>, Lines)>,
    /// Index in `cells` of the cell a vertical merge continues, by column.
    merging: HashMap<usize, usize>,
    grid_after: usize,
}

/// Text being collected outside any table.
#[derive(Debug, Default)]
struct Body {
    items: Vec<Item>,
    lines: Lines,
}

fn flush(items: &mut Vec<Item>, lines: &mut Lines) {
    for l in std::mem::take(lines).finish() {
        items.push(Item::Line(l));
    }
}

fn val(e: &Ev) -> Option<&str> {
    e.attr("val")
}

fn num(e: &Ev) -> usize {
    val(e)
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, 1000)
}

#[allow(clippy::too_many_lines)]
fn collect(xml: &[u8]) -> Result<Vec<Item>, FileError> {
    let mut x = Xml::new(xml, "word/document.xml");
    let mut body = Body::default();
    let mut tables: Vec<Open> = Vec::new();
    // Inside <w:t>: text counts.
    let mut in_text = false;
    // Depth of skipped subtrees (deleted text, field codes, fallbacks).
    let mut skip: Vec<String> = Vec::new();
    let mut depth_skip = 0usize;
    while let Some(e) = x.next_event()? {
        if depth_skip > 0 {
            match &e {
                Ev::Open { name, empty, .. } if !empty && Some(name) == skip.last() => {
                    depth_skip += 1;
                }
                Ev::Close(name) if Some(name) == skip.last() => {
                    depth_skip -= 1;
                    if depth_skip == 0 {
                        skip.pop();
                    }
                }
                _ => {}
            }
            continue;
        }
        // Where text goes: the open cell, or the body.
        macro_rules! lines {
            () => {
                match tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    Some(c) => &mut c.4,
                    None => &mut body.lines,
                }
            };
        }
        match &e {
            Ev::Open { name, empty, .. } => match name.as_str() {
                "delText" | "instrText" | "Fallback" | "moveFrom" | "del" if !empty => {
                    skip.push(name.clone());
                    depth_skip = 1;
                }
                "t" if !empty => in_text = true,
                "tab" | "ptab" => lines!().push(' '),
                "br" | "cr" => {
                    // A page break ends the line like a line break does.
                    lines!().hard_break();
                }
                "p" if !empty => lines!().hard_break(),
                "tbl" if !empty => {
                    if tables.len() >= MAX_TABLE_DEPTH {
                        return Err(FileError::new(
                            ErrorCode::Unreadable,
                            format!("tables nested more than {MAX_TABLE_DEPTH} deep"),
                        ));
                    }
                    match tables.last_mut().and_then(|t| t.cell.as_mut()) {
                        Some(c) => flush(&mut c.3, &mut c.4),
                        None => flush(&mut body.items, &mut body.lines),
                    }
                    tables.push(Open::default());
                }
                "tr" if !empty => {
                    if let Some(t) = tables.last_mut() {
                        t.col = 0;
                        t.grid_after = 0;
                        t.table.rows += 1;
                    }
                }
                "gridBefore" => {
                    if let Some(t) = tables.last_mut()
                        && t.cell.is_none()
                    {
                        t.col += num(&e);
                    }
                }
                "gridAfter" => {
                    if let Some(t) = tables.last_mut()
                        && t.cell.is_none()
                    {
                        t.grid_after = num(&e);
                    }
                }
                "tc" if !empty => {
                    if let Some(t) = tables.last_mut() {
                        t.cell = Some((t.col, 1, false, Vec::new(), Lines::default()));
                    }
                }
                "gridSpan" => {
                    if let Some(c) = tables.last_mut().and_then(|t| t.cell.as_mut()) {
                        c.1 = num(&e);
                    }
                }
                "vMerge" => {
                    if let Some(c) = tables.last_mut().and_then(|t| t.cell.as_mut()) {
                        c.2 = !matches!(val(&e), Some("restart"));
                    }
                }
                _ => {}
            },
            Ev::Text(t) => {
                if in_text {
                    lines!().push_str(t);
                }
            }
            Ev::Close(name) => match name.as_str() {
                "t" => in_text = false,
                "p" => lines!().hard_break(),
                "tc" => {
                    if let Some(t) = tables.last_mut()
                        && let Some((col, span, cont, mut items, mut lines)) = t.cell.take()
                    {
                        flush(&mut items, &mut lines);
                        let row = t.table.rows.saturating_sub(1);
                        let above = t.merging.get(&col).copied();
                        match above {
                            Some(i) if cont && t.table.cells[i].2 + t.table.cells[i].0 == row => {
                                // Continues the cell above: it spans one more row.
                                let c = &mut t.table.cells[i];
                                c.2 += 1;
                                c.4.extend(items);
                            }
                            _ => {
                                t.merging.insert(col, t.table.cells.len());
                                t.table.cells.push((row, col, 1, span, items));
                            }
                        }
                        t.col = col + span;
                        t.table.cols = t.table.cols.max(t.col);
                    }
                }
                "tr" => {
                    if let Some(t) = tables.last_mut() {
                        t.table.cols = t.table.cols.max(t.col + t.grid_after);
                    }
                }
                "tbl" => {
                    if let Some(t) = tables.pop() {
                        let item = Item::Table(t.table);
                        match tables.last_mut().and_then(|t| t.cell.as_mut()) {
                            Some(c) => {
                                flush(&mut c.3, &mut c.4);
                                c.3.push(item);
                            }
                            None => {
                                flush(&mut body.items, &mut body.lines);
                                body.items.push(item);
                            }
                        }
                    }
                }
                _ => {}
            },
        }
    }
    flush(&mut body.items, &mut body.lines);
    Ok(body.items)
}

fn is_label(text: &str) -> bool {
    let t = crate::table::joined_text(text);
    labels::label(&t).is_some()
        || [Section::Indicators, Section::Goal, Section::Tasks]
            .into_iter()
            .any(|s| labels::column(s, &t).is_some())
}

fn own_lines(items: &[Item]) -> String {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Line(l) => Some(l.as_str()),
            Item::Table(_) => None,
        })
        .collect::<Vec<_>>()
        .join(&HARD_BREAK.to_string())
}

fn is_labelled(t: &Table) -> bool {
    t.cells
        .iter()
        .filter(|c| is_label(&own_lines(&c.4)))
        .take(2)
        .count()
        >= 2
}

fn holds_labelled(items: &[Item]) -> bool {
    items.iter().any(|i| match i {
        Item::Table(t) => is_labelled(t) || t.cells.iter().any(|c| holds_labelled(&c.4)),
        Item::Line(_) => false,
    })
}

/// A cell's lines, nested tables a row per line.
fn cell_lines(items: &[Item], out: &mut Vec<String>) {
    for i in items {
        match i {
            Item::Line(l) => out.push(l.clone()),
            Item::Table(t) => {
                let mut rows: Vec<Vec<String>> = vec![Vec::new(); t.rows];
                for c in &t.cells {
                    let mut l = Vec::new();
                    cell_lines(&c.4, &mut l);
                    if let Some(r) = rows.get_mut(c.0) {
                        r.push(l.join(" "));
                    }
                }
                for r in rows {
                    let line = r
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ");
                    if !line.is_empty() {
                        out.push(line);
                    }
                }
            }
        }
    }
}

fn to_grid(t: &Table) -> Result<Grid, FileError> {
    let cells = t
        .cells
        .iter()
        .map(|(r, c, rs, cs, items)| {
            let mut lines = Vec::new();
            cell_lines(items, &mut lines);
            Cell {
                row: *r,
                col: *c,
                row_span: *rs,
                col_span: *cs,
                text: lines.join(&HARD_BREAK.to_string()),
                page: None,
                bbox: None,
            }
        })
        .collect();
    grid::grid(cells, t.rows, t.cols)
}

fn resolve(items: &[Item], out: &mut Vec<Block>) -> Result<(), FileError> {
    for i in items {
        match i {
            Item::Line(text) => out.push(Block::Text {
                page: None,
                text: text.clone(),
            }),
            Item::Table(t) => {
                if !is_labelled(t) && t.cells.iter().any(|c| holds_labelled(&c.4)) {
                    let mut cells: Vec<_> = t.cells.iter().collect();
                    cells.sort_by_key(|c| (c.0, c.1));
                    for c in cells {
                        resolve(&c.4, out)?;
                    }
                } else if t.rows > 0 && t.cols > 0 {
                    out.push(Block::Table(to_grid(t)?));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> Vec<Block> {
        let xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
        );
        let items = collect(xml.as_bytes()).unwrap();
        let mut out = Vec::new();
        resolve(&items, &mut out).unwrap();
        out
    }

    fn p(t: &str) -> String {
        format!("<w:p><w:r><w:t xml:space=\"preserve\">{t}</w:t></w:r></w:p>")
    }

    fn tc(props: &str, body: &str) -> String {
        format!("<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>")
    }

    #[test]
    fn grid_span_vmerge_grid_before_and_lines() {
        let row1 = format!(
            "<w:tr>{}{}</w:tr>",
            tc("<w:vMerge w:val=\"restart\"/>", &p("部门资金情况")),
            tc("<w:gridSpan w:val=\"2\"/>", &(p("甲") + &p("乙")))
        );
        let row2 = format!(
            "<w:tr>{}{}{}</w:tr>",
            tc("<w:vMerge/>", "<w:p/>"),
            tc("", &p("1")),
            tc(
                "",
                "<w:p><w:r><w:t>a</w:t><w:br/><w:t>b</w:t><w:delText>x</w:delText></w:r></w:p>"
            )
        );
        let row3 = format!(
            "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>{}</w:tr>",
            tc("", &p("2"))
        );
        let body = format!(
            "{}<w:tbl>{row1}{row2}{row3}</w:tbl>{}",
            p("标题"),
            p("填报人")
        );
        let b = doc(&body);
        assert_eq!(b.len(), 3);
        let Block::Table(g) = &b[1] else {
            panic!("{b:?}")
        };
        let got: Vec<_> = g
            .cells
            .iter()
            .map(|c| (c.row, c.col, c.row_span, c.col_span, c.text.as_str()))
            .collect();
        let ab = format!("a{HARD_BREAK}b");
        let jy = format!("甲{HARD_BREAK}乙");
        assert_eq!(
            got,
            vec![
                (0, 0, 2, 1, "部门资金情况"),
                (0, 1, 1, 2, jy.as_str()),
                (1, 1, 1, 1, "1"),
                (1, 2, 1, 1, ab.as_str()),
                (2, 0, 1, 1, ""),
                (2, 1, 1, 1, "2"),
                (2, 2, 1, 1, ""),
            ]
        );
    }

    #[test]
    fn a_layout_table_around_the_form_gives_text_lines() {
        let form = format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
            tc("", &p("部门名称")),
            tc("", &p("甲")),
            tc("", &p("实际支出数")),
            tc("", &p("1"))
        );
        let outer = format!(
            "<w:tbl><w:tr>{}</w:tr></w:tbl>",
            tc(
                "",
                &format!("{}{}{}", p("项目支出绩效自评表"), form, "<w:p/>")
            )
        );
        let b = doc(&outer);
        assert_eq!(b.len(), 2, "{b:?}");
        assert!(matches!(&b[0], Block::Text { text, .. } if text == "项目支出绩效自评表"));
        assert!(matches!(&b[1], Block::Table(g) if g.rows == 2 && g.cols == 2));
    }

    #[test]
    fn deep_nesting_is_refused() {
        let deep = "<w:tbl><w:tr><w:tc>".repeat(10_000);
        let xml = format!("<w:document><w:body>{deep}</w:body></w:document>");
        assert_eq!(
            collect(xml.as_bytes()).unwrap_err().code,
            ErrorCode::Unreadable
        );
    }
}
