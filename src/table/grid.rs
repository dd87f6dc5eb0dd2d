//! The grid: rows × columns of cells with spans. Text dumps and PDF pages
//! both end up here, so one form recogniser serves both.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One cell of a grid; a merged cell appears once, at its top-left slot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Cell {
    pub row: usize,
    pub col: usize,
    pub row_span: usize,
    pub col_span: usize,
    pub text: String,
    /// The 1-based page the cell is on (PDFs; the page of its first part
    /// when it runs over a page break). Kept out of the JSON of grids.
    #[serde(skip)]
    #[schemars(skip)]
    pub page: Option<usize>,
    /// The cell's box on that page `[x0, top, x1, bottom]` in points,
    /// top-left origin (PDFs only). Unlike [`Grid::bbox`], on the page as
    /// drawn when the page was turned upright for reading.
    #[serde(skip)]
    #[schemars(skip)]
    pub bbox: Option<[f32; 4]>,
}

/// A reconstructed table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Grid {
    /// First and last 1-based page the table occupies (None for text dumps).
    pub pages: Option<[usize; 2]>,
    /// Box on its first page `[x0, top, x1, bottom]` in points, top-left origin.
    pub bbox: Option<[f32; 4]>,
    pub rows: usize,
    pub cols: usize,
    /// Cells in row-major order of their top-left slot.
    pub cells: Vec<Cell>,
    /// Quality figure in 0..=1: 1 for a clean ruled table, lower for a weak
    /// borderless reconstruction. None for text dumps.
    pub quality: Option<f32>,
}

/// The document as the form recogniser sees it: text outside tables and
/// tables, in reading order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub enum Block {
    /// A line of text outside any table (title, `单位: 万元`, prose).
    Text { page: Option<usize>, text: String },
    /// A table.
    Table(Grid),
}

/// A row of a grid as the recogniser reads it: the cells that occupy the
/// row, left to right, each once, with whether it starts in this row.
#[derive(Debug, Clone, Copy)]
pub struct Slot<'g> {
    pub cell: &'g Cell,
    /// True when the cell's top-left slot is in this row (false: it spans
    /// down from a row above).
    pub starts_here: bool,
}

/// Marks, inside a cell's text, a wrap point where two CJK lines were joined
/// with nothing between them. In a list of CJK names it may be the only
/// separator a producer left, so the form stage can still split there;
/// [`Grid::unwrapped`] removes the marks (SPEC's cell-text rule).
pub const LINE_BREAK: char = '\n';

/// Marks, inside a cell's text, a hard line break: a new paragraph (`<p>`,
/// `<br>`, a Word paragraph, a spreadsheet line feed) or a PDF line that
/// ends short where the next line's first word would have fitted. Unlike a
/// wrap mark it always separates the items of a list (it is white space for
/// [`char::is_whitespace`], so splitting at white space splits there too).
/// [`Grid::unwrapped`] joins across it by SPEC's wrapped-line rule.
pub const HARD_BREAK: char = '\u{2029}';

/// A cell's text as SPEC gives it: wrap marks removed, hard breaks joined
/// with nothing where one side is a CJK character (or CJK punctuation) and
/// one space otherwise, and after ASCII `,;:!?` before anything but a digit
/// (the wrapped-line rule); a space written before the break is kept (a
/// PDF line ended short by a deliberate break in a value list: `3家 ⏎12次`).
#[must_use]
pub fn joined_text(text: &str) -> String {
    if !text.contains(LINE_BREAK) && !text.contains(HARD_BREAK) {
        return text.to_string();
    }
    let text = text.replace(LINE_BREAK, "");
    let mut out = String::with_capacity(text.len());
    // (part, whether a space stood before the break that ends it)
    let mut parts = text
        .split(HARD_BREAK)
        .map(|p| (p.trim(), p.ends_with(char::is_whitespace)))
        .filter(|(p, _)| !p.is_empty());
    let mut spaced = false;
    if let Some((first, sp)) = parts.next() {
        out.push_str(first);
        spaced = sp;
    }
    for (p, sp) in parts {
        let a = out.chars().last().unwrap_or(' ');
        let b = p.chars().next().unwrap_or(' ');
        let tight = crate::table::text::is_tight;
        if spaced || !(tight(a) || tight(b)) || crate::table::text::wrap_space(a, b) {
            out.push(' ');
        }
        out.push_str(p);
        spaced = sp;
    }
    out
}

impl Grid {
    /// The grid with wrap marks removed and hard breaks joined in every
    /// cell's text ([`joined_text`]).
    #[must_use]
    pub fn unwrapped(&self) -> Grid {
        let mut g = self.clone();
        for c in &mut g.cells {
            if c.text.contains(LINE_BREAK) || c.text.contains(HARD_BREAK) {
                c.text = joined_text(&c.text);
            }
        }
        g
    }

    /// The cells that occupy row `r`, left to right, each once.
    #[must_use]
    pub fn row(&self, r: usize) -> Vec<Slot<'_>> {
        let mut slots: Vec<Slot<'_>> = self
            .cells
            .iter()
            .filter(|c| c.row <= r && r < c.row + c.row_span.max(1))
            .map(|cell| Slot {
                cell,
                starts_here: cell.row == r,
            })
            .collect();
        slots.sort_by_key(|s| s.cell.col);
        slots
    }

    /// The cell covering slot (`r`, `c`), if any.
    #[must_use]
    pub fn at(&self, r: usize, c: usize) -> Option<&Cell> {
        self.cells.iter().find(|x| {
            x.row <= r
                && r < x.row + x.row_span.max(1)
                && x.col <= c
                && c < x.col + x.col_span.max(1)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(row: usize, col: usize, row_span: usize, col_span: usize, text: &str) -> Cell {
        Cell {
            row,
            col,
            row_span,
            col_span,
            text: text.into(),
            page: None,
            bbox: None,
        }
    }

    #[test]
    fn row_lists_spanning_cells_once() {
        let g = Grid {
            pages: None,
            bbox: None,
            rows: 2,
            cols: 3,
            cells: vec![
                cell(0, 0, 2, 1, "A"),
                cell(0, 1, 1, 2, "B"),
                cell(1, 1, 1, 1, "C"),
                cell(1, 2, 1, 1, "D"),
            ],
            quality: None,
        };
        let r1: Vec<(&str, bool)> = g
            .row(1)
            .iter()
            .map(|s| (s.cell.text.as_str(), s.starts_here))
            .collect();
        assert_eq!(r1, vec![("A", false), ("C", true), ("D", true)]);
        assert_eq!(g.at(0, 2).map(|c| c.text.as_str()), Some("B"));
        assert_eq!(g.at(1, 0).map(|c| c.text.as_str()), Some("A"));
        assert!(g.at(2, 0).is_none());
    }

    #[test]
    fn hard_breaks_join_by_the_wrap_rule() {
        let hb = HARD_BREAK;
        assert_eq!(
            joined_text(&format!("档案资料完整率{hb}群众满意度")),
            "档案资料完整率群众满意度"
        );
        assert_eq!(joined_text(&format!("193人{hb}92%")), "193人92%");
        assert_eq!(joined_text(&format!("90%{hb}100%")), "90% 100%");
        assert_eq!(
            joined_text(&format!("资金使用\n合规率{hb} 100 ")),
            "资金使用合规率100"
        );
        assert_eq!(joined_text(&format!("3家 {hb}12次")), "3家 12次");
        assert_eq!(joined_text(&format!("工程,{hb}以及")), "工程, 以及");
        assert_eq!(joined_text("no marks"), "no marks");
        assert!(
            hb.is_whitespace(),
            "list splitting at white space must split at hard breaks"
        );
    }
}
