//! One page → its items (text lines outside tables, tables), top to bottom.

use super::borderless::find_borderless;
use super::cells::fill_cells;
use super::edges::build_edges;
use super::furniture::is_furniture;
use super::lattice::{RawTable, find_tables, trim_restored};
use super::settings::TableSettings;
use super::text::{centre, group_lines, line_text};
use super::types::{Glyph, Page};

#[derive(Debug, Clone)]
pub(crate) enum Item {
    /// `margin`: the line lies in the page's top or bottom margin band (running
    /// header/footer), or straddles a table's top or bottom border (a merged
    /// cell's label clipped by a page break, drawn on both pages); such lines
    /// do not separate a table from its continuation.
    Text {
        top: f32,
        text: String,
        margin: bool,
    },
    Table(RawTable),
}

impl Item {
    fn top(&self) -> f32 {
        match self {
            Item::Text { top, .. } => *top,
            Item::Table(t) => t.ys.first().copied().unwrap_or(0.0),
        }
    }
}

pub(crate) fn page_items(page: &Page, s: &TableSettings) -> Vec<Item> {
    let all = &page.glyphs[..page.glyphs.len().min(s.max_glyphs)];
    // Glyphs drawn outside the page (clipped away, e.g. Excel repeating a merged
    // cell's label above the page top) are invisible: drop them.
    let (w, h) = (page.width, page.height);
    let on_page = |g: &Glyph| {
        let (cx, cy) = centre(g);
        let m = s.offpage_margin;
        !(w.is_finite() && w > 0.0 && (cx < -m || cx > w + m))
            && !(h.is_finite() && h > 0.0 && (cy < -m || cy > h + m))
    };
    let visible: Vec<Glyph> = all.iter().filter(|g| on_page(g)).cloned().collect();
    let glyphs: &[Glyph] = &visible;
    let (h, v) = build_edges(&page.rulings, s);
    let mut tables = find_tables(&h, &v, page.number, s);
    let used = fill_cells(&mut tables, glyphs, s);
    tables.iter_mut().for_each(trim_restored);
    let rest: Vec<&Glyph> = glyphs
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(g, _)| g)
        .collect();
    let lines = group_lines(&rest, s);
    let hgt = if page.height.is_finite() && page.height > 0.0 {
        page.height
    } else {
        f32::INFINITY
    };
    let margin = s.furniture_margin * hgt;
    let lines: Vec<_> = lines
        .into_iter()
        .filter(|l| {
            let in_margin = hgt.is_finite() && (l.baseline < margin || l.baseline > hgt - margin);
            !is_furniture(&line_text(l, s), in_margin, s)
        })
        .collect();
    let (borderless, consumed) = find_borderless(&lines, page.number, s);
    let mut items: Vec<Item> = tables
        .into_iter()
        .chain(borderless)
        .map(Item::Table)
        .collect();
    let borders: Vec<f32> = items
        .iter()
        .filter_map(|it| match it {
            Item::Table(t) if t.quality > 0.5 => Some(t),
            _ => None,
        })
        .flat_map(|t| [t.ys.first().copied(), t.ys.last().copied()])
        .flatten()
        .collect();
    for (l, c) in lines.iter().zip(consumed) {
        if !c {
            let bottom = l.baseline + 0.12 * l.size;
            let straddles = borders.iter().any(|&y| l.top() < y && bottom > y);
            let margin =
                straddles || hgt.is_finite() && (l.baseline < margin || l.top() > hgt - margin);
            items.push(Item::Text {
                top: l.top(),
                text: line_text(l, s),
                margin,
            });
        }
    }
    items.sort_by(|a, b| a.top().total_cmp(&b.top()));
    items
}
