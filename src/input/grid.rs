//! Shared by the structured formats (HTML, Word, spreadsheets): cell text
//! as lines, and cells placed by position into a [`Grid`] with every slot
//! covered, as the text-dump and PDF stages give it.

use crate::error::{ErrorCode, FileError};
use crate::table::{Cell, Grid, HARD_BREAK};

/// Most slots (rows × columns) one table may have. A form has a few
/// hundred; a table past this is hostile or no form, and refused instead of
/// filling memory (and instead of a recogniser pass that grows with rows ×
/// cells).
pub const MAX_SLOTS: usize = 100_000;

/// Most rows one table may have (a form has at most a few hundred).
pub const MAX_TABLE_ROWS: usize = 5_000;

/// Whether `c` is a CJK character (ideographs, kana, hangul, CJK and
/// full-width punctuation): a line break between two of them is no space.
#[must_use]
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7FF | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Text of one cell or one run of text outside tables, collected as lines
/// with HTML's white-space rule: runs of white space (and no-break spaces)
/// are one space, except that a line feed between two CJK characters is
/// nothing (CSS Text's segment-break rule); [`Lines::hard_break`] ends a line.
#[derive(Debug, Default, Clone)]
pub struct Lines {
    lines: Vec<String>,
    current: String,
    /// White space seen since the last character: `Some(true)` when it held a
    /// line feed.
    pending: Option<bool>,
}

impl Lines {
    /// Add text as the source has it.
    pub fn push_str(&mut self, text: &str) {
        for c in text.chars() {
            self.push(c);
        }
    }

    /// Add one character.
    pub fn push(&mut self, c: char) {
        if c.is_whitespace() && c != '\u{3000}' || c == '\u{a0}' {
            let newline = matches!(c, '\n' | '\r');
            self.pending = Some(self.pending.unwrap_or(false) || newline);
            return;
        }
        if c.is_control() || c == '\u{200b}' || c == '\u{feff}' {
            return;
        }
        if let Some(newline) = self.pending.take()
            && let Some(prev) = self.current.chars().last()
            && !(newline && is_cjk(prev) && is_cjk(c))
        {
            self.current.push(' ');
        }
        self.current.push(c);
    }

    /// End the current line (a `<p>`, `<br>`, a Word paragraph).
    pub fn hard_break(&mut self) {
        self.pending = None;
        let line = self.current.trim();
        if !line.is_empty() {
            self.lines.push(line.to_string());
        }
        self.current.clear();
    }

    /// Whether nothing but white space was added since the last break.
    #[must_use]
    pub fn current_is_empty(&self) -> bool {
        self.current.trim().is_empty()
    }

    /// The lines, the current one ended.
    #[must_use]
    pub fn finish(mut self) -> Vec<String> {
        self.hard_break();
        self.lines
    }

    /// The lines joined with [`HARD_BREAK`]: a cell's text.
    #[must_use]
    pub fn cell_text(self) -> String {
        self.finish().join(&HARD_BREAK.to_string())
    }
}

/// Build a grid from cells placed at their top-left slots; slots no cell
/// covers get empty cells (a short HTML row, a missing spreadsheet cell), so
/// every slot is covered exactly once. Overlapping cells are cut back (a
/// later cell is dropped where an earlier one covers its top-left slot, and
/// spans are shortened not to run into an earlier cell).
///
/// # Errors
/// `unreadable` when the table has more than [`MAX_SLOTS`] slots or
/// [`MAX_TABLE_ROWS`] rows: no form is that big.
pub fn grid(mut cells: Vec<Cell>, rows: usize, cols: usize) -> Result<Grid, FileError> {
    if rows.saturating_mul(cols) > MAX_SLOTS || rows > MAX_TABLE_ROWS {
        return Err(FileError::new(
            ErrorCode::Unreadable,
            format!(
                "a table of {rows} rows × {cols} columns is beyond the limits of \
                 {MAX_TABLE_ROWS} rows and {MAX_SLOTS} slots: no form is that big"
            ),
        ));
    }
    cells.sort_by_key(|c| (c.row, c.col));
    let mut taken = vec![false; rows * cols];
    let mut out: Vec<Cell> = Vec::with_capacity(cells.len());
    for mut c in cells {
        if c.row >= rows || c.col >= cols || taken[c.row * cols + c.col] {
            continue;
        }
        c.row_span = c.row_span.clamp(1, rows - c.row);
        c.col_span = c.col_span.clamp(1, cols - c.col);
        // Shorten the spans where they would run into an earlier cell.
        let mut cs = 1;
        while cs < c.col_span && !taken[c.row * cols + c.col + cs] {
            cs += 1;
        }
        c.col_span = cs;
        let mut rs = 1;
        while rs < c.row_span
            && (c.col..c.col + c.col_span).all(|x| !taken[(c.row + rs) * cols + x])
        {
            rs += 1;
        }
        c.row_span = rs;
        for r in c.row..c.row + c.row_span {
            for x in c.col..c.col + c.col_span {
                taken[r * cols + x] = true;
            }
        }
        out.push(c);
    }
    for r in 0..rows {
        for x in 0..cols {
            if !taken[r * cols + x] {
                out.push(Cell {
                    row: r,
                    col: x,
                    row_span: 1,
                    col_span: 1,
                    text: String::new(),
                    page: None,
                    bbox: None,
                });
            }
        }
    }
    out.sort_by_key(|c| (c.row, c.col));
    Ok(Grid {
        pages: None,
        bbox: None,
        rows,
        cols,
        cells: out,
        quality: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(parts: &[&str]) -> Vec<String> {
        let mut l = Lines::default();
        for p in parts {
            if *p == "|" {
                l.hard_break();
            } else {
                l.push_str(p);
            }
        }
        l.finish()
    }

    #[test]
    fn white_space_collapses_and_cjk_line_feeds_vanish() {
        assert_eq!(lines(&["  a \n\t b  "]), vec!["a b"]);
        assert_eq!(lines(&["持续学习\n   贯彻"]), vec!["持续学习贯彻"]);
        assert_eq!(lines(&["持续学习  贯彻"]), vec!["持续学习 贯彻"]);
        assert_eq!(lines(&["\u{a0}\u{a0}"]), Vec::<String>::new());
        assert_eq!(lines(&["甲", "|", " ", "|", "乙"]), vec!["甲", "乙"]);
    }

    #[test]
    fn uncovered_slots_get_empty_cells_and_overlaps_are_cut() {
        let c = |row, col, row_span, col_span, text: &str| Cell {
            row,
            col,
            row_span,
            col_span,
            text: text.into(),
            page: None,
            bbox: None,
        };
        let g = grid(
            vec![c(0, 0, 2, 2, "a"), c(1, 1, 1, 1, "x"), c(0, 2, 9, 1, "b")],
            2,
            3,
        )
        .unwrap();
        let got: Vec<_> = g
            .cells
            .iter()
            .map(|c| (c.row, c.col, c.row_span, c.col_span, c.text.as_str()))
            .collect();
        assert_eq!(got, vec![(0, 0, 2, 2, "a"), (0, 2, 2, 1, "b")]);
        let g = grid(vec![c(0, 1, 1, 1, "b")], 1, 2).unwrap();
        assert_eq!(g.cells.len(), 2);
        assert_eq!(g.cells[0].text, "");
        assert!(grid(vec![], 5000, 5000).is_err());
        assert!(grid(vec![], 5001, 1).is_err());
        assert!(grid(vec![], 5000, 20).is_ok());
    }
}
