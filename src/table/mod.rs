//! Stage 3, tables: grids with spans.
//!
//! Text dumps enter the pipeline here ([`textdump`]); PDF pages are turned
//! into the same [`Grid`]s by [`from_pages`], so one form recogniser serves
//! both.
//!
//! For PDF pages, per page (turned upright first when most of its text is
//! drawn turned, see `orient`):
//! 0. The page stage's rulings are stroked lines, rectangle outlines, thin
//!    filled rectangles, the top and bottom of coloured cell fills (their sides
//!    where fills of two rows meet on one line: a grid of filled cells), and
//!    white lines lying on a coloured fill; a white line on the white page is
//!    no ruling (see `page::device::Collector::finish`).
//! 1. `edges`: rulings sanitised (NaN, reversed, zero-length), parallel rulings
//!    within `snap_tolerance` snapped to one position (double lines, thin filled
//!    rectangles), collinear segments joined across gaps ≤ `join_tolerance`.
//! 2. `lattice`: edges that touch (within `intersection_tolerance`) form connected
//!    groups; per group, distinct x of vertical edges = column boundaries, distinct
//!    y of horizontal edges = row boundaries (a missing outer border is restored
//!    where perpendicular edges reach beyond it). Adjacent slots with no border
//!    between them (edge coverage < `edge_coverage`) are united; regions → cells
//!    with row/col spans (non-rectangular regions merged to a partition, quality
//!    lowered). Boundaries no cell uses are dropped.
//! 3. `cells`: a glyph goes to the cell holding its reference point (centre x,
//!    0.3 × size above the baseline); hanging punctuation just past a right border
//!    and glyphs straddling a border go to the left cell when they continue its
//!    text on the same line. A ruled table drawn inside a cell of another (not
//!    touching its rules) is a table of its own: a glyph inside both goes to the
//!    inner one (when it has two rows and two columns). The form stage sees the
//!    inner grid as its own `Block::Table` right after the outer one (blocks in
//!    order of their tops), and the outer cell holding only its own text around
//!    the inner table.
//!    `rowsplit`: a ruled row whose columns all start lines at the same
//!    baselines, spaced like the table's rows, is split there (rows without
//!    rules); a wrapped cell is never split.
//! 4. `text`: glyphs → lines by baseline (tolerance × font size) → text; spaces
//!    only for large gaps between non-CJK glyphs; wrapped lines joined with nothing
//!    between CJK, one space between Latin/digits (plus value-list rules).
//! 5. `furniture` drops page numbers etc.; `borderless` turns aligned text
//!    outside ruled tables into weak tables (quality ≤ 0.5); `layout` orders the
//!    page's text lines and tables top to bottom. A ruled table drawn turned on
//!    an upright page (its text at 90°/270°) is read from the turned glyphs in
//!    its own orientation and follows the page's upright items (see
//!    `layout::page_items`).
//!
//! Across pages, `pages` joins a table that continues on the next page
//! (geometry match, repeated header dropped, merged labels continued, split rows
//! joined) — see that module for the exact rules.

mod borderless;
mod cells;
mod edges;
mod furniture;
mod grid;
mod lattice;
mod layout;
mod orient;
mod pages;
mod rowsplit;
mod settings;
mod text;
pub mod textdump;

#[cfg(test)]
mod real_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod testutil;

pub use grid::{Block, Cell, Grid, HARD_BREAK, LINE_BREAK, Slot, joined_text};
pub use settings::TableSettings;

/// The types the table stage reads and writes, in one place for its modules.
mod types {
    #[cfg(test)]
    pub use super::grid::{Block, Cell, Grid};
    #[cfg(test)]
    pub use crate::page::Rect;
    pub use crate::page::{Glyph, Orientation, Page, Ruling};
}

use lattice::RawTable;
use layout::{Item, page_items};
use types::Page;

/// All pages of one document → blocks in reading order: text lines outside
/// tables, and tables, with tables continuing across pages joined into one grid.
#[must_use]
pub fn from_pages(pages: &[Page], settings: &TableSettings) -> Vec<Block> {
    enum Out {
        Text(usize, String, bool),
        Table(RawTable),
    }
    let mut out: Vec<Out> = Vec::new();
    // The part on its own page (own row geometry) of the table last pushed or joined.
    let mut last_part: Option<RawTable> = None;
    // Pages whose text is drawn turned are turned upright first.
    let owned: Vec<std::borrow::Cow<'_, Page>> = pages.iter().map(orient::upright).collect();
    let original: Vec<&Page> = pages.iter().collect();
    let pages: Vec<&Page> = owned.iter().map(AsRef::as_ref).collect();
    for (pi, &page) in pages.iter().enumerate() {
        let mut items = page_items(page, settings);
        if matches!(owned[pi], std::borrow::Cow::Owned(_)) {
            // A turned page: cell boxes go back onto the page as drawn
            // (the grid's own `bbox` stays in the upright frame).
            for item in &mut items {
                if let Item::Table(t) = item {
                    for c in &mut t.cells {
                        if let Some((_, b)) = &mut c.at {
                            *b = orient::on_original(original[pi], *b);
                        }
                    }
                }
            }
        }
        // The first item that is not a margin line (running header) may continue a table.
        let first = items
            .iter()
            .position(|it| !matches!(it, Item::Text { margin: true, .. }));
        for (ii, item) in items.into_iter().enumerate() {
            match item {
                Item::Text { text, margin, .. } => out.push(Out::Text(page.number, text, margin)),
                Item::Table(b) => {
                    // The last item before, skipping margin lines (footers, headers).
                    let last = out
                        .iter()
                        .rposition(|o| !matches!(o, Out::Text(_, _, true)));
                    let mut b = b;
                    if Some(ii) == first
                        && pi > 0
                        && let Some(k) = last
                        && let Out::Table(a) = &mut out[k]
                        && a.last_page == pages[pi - 1].number
                        && pages::continues(a, &b, pages[pi - 1], page, settings)
                    {
                        let geo = last_part
                            .as_ref()
                            .filter(|p| p.page == pages[pi - 1].number)
                            .map(|p| (p, pages[pi - 1], page));
                        let part = b.clone();
                        match pages::join(a, b, geo, settings) {
                            None => {
                                last_part = Some(part);
                                continue;
                            }
                            Some(back) => b = back,
                        }
                    }
                    last_part = Some(b.clone());
                    out.push(Out::Table(b));
                }
            }
        }
    }
    out.into_iter()
        .map(|o| match o {
            Out::Text(p, text, _) => Block::Text {
                page: Some(p),
                text,
            },
            Out::Table(t) => Block::Table(to_grid(t)),
        })
        .collect()
}

fn to_grid(t: RawTable) -> Grid {
    let mut cells: Vec<Cell> = t
        .cells
        .iter()
        .map(|c| Cell {
            row: c.r0,
            col: c.c0,
            row_span: c.r1 - c.r0,
            col_span: c.c1 - c.c0,
            text: c.text.clone(),
            page: c.at.map(|a| a.0),
            bbox: c.at.map(|a| a.1),
        })
        .collect();
    cells.sort_by_key(|c| (c.row, c.col));
    Grid {
        pages: Some([t.page, t.last_page]),
        bbox: Some(t.bbox()),
        rows: t.nrows,
        cols: t.ncols(),
        cells,
        quality: Some(t.quality),
    }
}
