//! One page → its items (text lines outside tables, tables), top to bottom.

use super::borderless::find_borderless;
use super::cells::fill_cells;
use super::edges::build_edges;
use super::furniture::is_furniture;
use super::lattice::{RawTable, find_tables, trim_restored};
use super::orient::turned_part;
use super::settings::TableSettings;
use super::text::{centre, group_lines, line_text};
use super::types::{Glyph, Orientation, Page};
use std::collections::HashSet;

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

/// Items of a page that may hold a table drawn turned (text at 90°/270° or upside
/// down on an upright page): the turned glyphs are read as a page of their own,
/// turned upright with the page's rulings; each ruled table found there whose
/// text spans at least two rows and two columns, and whose region holds more
/// turned than upright glyphs, is kept in its own orientation (its cells, rows
/// and columns as a reader turning the page sees them), and its glyphs and
/// rulings leave the upright page. Turned glyphs in no such table (a vertical
/// label in a merged cell, a stamp) stay where they were. The turned tables
/// follow the page's upright items.
pub(crate) fn page_items(page: &Page, s: &TableSettings) -> Vec<Item> {
    let Some(part) = turned_part(page) else {
        return upright_items(page, s);
    };
    let turned_tables: Vec<RawTable> = upright_items(&part.page, s)
        .into_iter()
        .filter_map(|it| match it {
            Item::Table(t) => Some(t),
            Item::Text { .. } => None,
        })
        .filter(|t| {
            let rows: HashSet<usize> = t
                .cells
                .iter()
                .filter(|c| !c.text.is_empty())
                .map(|c| c.r0)
                .collect();
            let cols: HashSet<usize> = t
                .cells
                .iter()
                .filter(|c| !c.text.is_empty())
                .map(|c| c.c0)
                .collect();
            rows.len() >= 2 && cols.len() >= 2
        })
        .collect();
    // Each table's region on the original page (x0, top, x1, bottom).
    let regions: Vec<[f32; 4]> = turned_tables
        .iter()
        .map(|t| {
            let [x0, y0, x1, y1] = t.bbox();
            let (ax, ay) = part.back(x0, y0);
            let (bx, by) = part.back(x1, y1);
            [ax.min(bx), ay.min(by), ax.max(bx), ay.max(by)]
        })
        .collect();
    let inside = |r: &[f32; 4], x: f32, y: f32| {
        x >= r[0] - 1.0 && x <= r[2] + 1.0 && y >= r[1] - 1.0 && y <= r[3] + 1.0
    };
    let member: HashSet<usize> = part.members.iter().copied().collect();
    let keep: Vec<bool> = regions
        .iter()
        .map(|r| {
            let (mut turned, mut upright) = (0usize, 0usize);
            for (i, g) in page.glyphs.iter().enumerate() {
                let (cx, cy) = (
                    (g.bbox.x0 + g.bbox.x1) / 2.0,
                    (g.bbox.top + g.bbox.bottom) / 2.0,
                );
                if g.text.trim().is_empty() || !inside(r, cx, cy) {
                    continue;
                }
                if member.contains(&i) {
                    turned += 1;
                } else {
                    upright += 1;
                }
            }
            turned > upright
        })
        .collect();
    if !keep.iter().any(|&k| k) {
        return upright_items(page, s);
    }
    let regions: Vec<[f32; 4]> = regions
        .into_iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(r, _)| r)
        .collect();
    let in_any = |x: f32, y: f32| regions.iter().any(|r| inside(r, x, y));
    let rest = Page {
        glyphs: page
            .glyphs
            .iter()
            .enumerate()
            .filter(|(i, g)| {
                !(member.contains(i)
                    && in_any(
                        (g.bbox.x0 + g.bbox.x1) / 2.0,
                        (g.bbox.top + g.bbox.bottom) / 2.0,
                    ))
            })
            .map(|(_, g)| g.clone())
            .collect(),
        rulings: page
            .rulings
            .iter()
            .filter(|r| {
                let (a, b) = match r.orientation {
                    Orientation::Horizontal => ((r.start, r.pos), (r.end, r.pos)),
                    Orientation::Vertical => ((r.pos, r.start), (r.pos, r.end)),
                };
                !(in_any(a.0, a.1) && in_any(b.0, b.1))
            })
            .copied()
            .collect(),
        ..page.clone()
    };
    let mut items = upright_items(&rest, s);
    items.extend(
        turned_tables
            .into_iter()
            .zip(keep)
            .filter(|(_, k)| *k)
            .map(|(t, _)| Item::Table(t)),
    );
    items
}

fn upright_items(page: &Page, s: &TableSettings) -> Vec<Item> {
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
        .map(|mut t| {
            t.place_cells();
            Item::Table(t)
        })
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
