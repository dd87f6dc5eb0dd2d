//! Pages whose text is drawn turned (landscape content on a portrait MediaBox
//! without `/Rotate`, or upside down): the page is turned so that most of its
//! text reads left to right, before any table is built.
//!
//! The page stage gives a turned glyph (`upright == false`) the bounding box of
//! its em box turned with it: `bottom - top` is its advance and `x1 - x0` its
//! size when it runs down or up the page. Where its origin sits in that box
//! tells the direction: a glyph running down the page (its "up" pointing right)
//! has its origin at the box's top, `0.12 × size` from its left side; one
//! running up has it at the bottom, `0.12 × size` from its right side; one
//! upside down runs right to left with its origin at the box's right side.

use super::types::{Glyph, Orientation, Page, Ruling};
use crate::page::Rect;
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Turn {
    /// Text runs down the page (content turned 90° clockwise).
    Down,
    /// Text runs up the page (content turned 90° counter-clockwise).
    Up,
    /// Text runs right to left, upside down.
    Upside,
}

fn turn_of(g: &Glyph) -> Option<Turn> {
    if g.upright || g.text.trim().is_empty() {
        return None;
    }
    let b = &g.bbox;
    let (w, h) = (b.x1 - b.x0, b.bottom - b.top);
    let s = g.size;
    if !(w.is_finite() && h.is_finite() && s > 0.0) {
        return None;
    }
    let near = |a: f32, b: f32| (a - b).abs() <= 0.05 * s + 0.5;
    // Where the origin sits: at the top (turned 90° clockwise, the advance
    // along y), at the bottom (counter-clockwise), or 0.12 em below the top
    // (upside down, "up" pointing down the page). A CJK glyph's box is square,
    // so the shape alone does not tell, and at small sizes (below ~7pt) the
    // tolerance spans 0.12 em: the nearest fitting position wins.
    let candidates = [
        (near(w, s), b.top, Turn::Down),
        (near(w, s), b.bottom, Turn::Up),
        (near(h, s), b.top + 0.12 * s, Turn::Upside),
    ];
    candidates
        .iter()
        .filter(|(shape, at, _)| *shape && near(g.baseline, *at))
        .min_by(|x, y| {
            (g.baseline - x.1)
                .abs()
                .total_cmp(&(g.baseline - y.1).abs())
        })
        .map(|c| c.2)
}

/// The page turned so that its text reads upright, or the page itself when
/// most of its glyphs already do (or no single turn accounts for most of them).
pub(crate) fn upright(page: &Page) -> Cow<'_, Page> {
    match turn_for(page) {
        Some(turn) => Cow::Owned(turned(page, turn)),
        None => Cow::Borrowed(page),
    }
}

/// A box `[x0, top, x1, bottom]` of the page [`upright`] made of `page`,
/// back on `page` as drawn (unchanged when the page was not turned).
pub(crate) fn on_original(page: &Page, b: [f32; 4]) -> [f32; 4] {
    let Some(turn) = turn_for(page) else {
        return b;
    };
    let (w, h) = (page.width, page.height);
    // The inverse of `map`.
    let back = |x: f32, y: f32| match turn {
        Turn::Down => (w - y, x),
        Turn::Up => (y, h - x),
        Turn::Upside => (w - x, h - y),
    };
    let (ax, ay) = back(b[0], b[1]);
    let (bx, by) = back(b[2], b[3]);
    [ax.min(bx), ay.min(by), ax.max(bx), ay.max(by)]
}

/// The turn that makes most of the page's text upright, if any.
fn turn_for(page: &Page) -> Option<Turn> {
    let visible = page
        .glyphs
        .iter()
        .filter(|g| !g.text.trim().is_empty())
        .count();
    if visible == 0 {
        return None;
    }
    let mut counts = [0usize; 3];
    for g in &page.glyphs {
        match turn_of(g) {
            Some(Turn::Down) => counts[0] += 1,
            Some(Turn::Up) => counts[1] += 1,
            Some(Turn::Upside) => counts[2] += 1,
            None => {}
        }
    }
    let (k, n) = counts
        .iter()
        .enumerate()
        .max_by_key(|(_, n)| **n)
        .map(|(k, n)| (k, *n))
        .unwrap_or((0, 0));
    if n * 5 < visible * 3 {
        return None;
    }
    Some([Turn::Down, Turn::Up, Turn::Upside][k])
}

fn turned(page: &Page, turn: Turn) -> Page {
    let (w, h) = (page.width, page.height);
    let glyphs = page
        .glyphs
        .iter()
        .map(|g| {
            if turn_of(g) != Some(turn) {
                // Text at another angle (a stamp, the page's own upright text):
                // its box moves with the page, it stays not upright.
                let c = corner_map(&g.bbox, turn, w, h);
                return Glyph {
                    bbox: c,
                    baseline: c.bottom - 0.12 * g.size,
                    upright: false,
                    ..g.clone()
                };
            }
            let b = &g.bbox;
            let s = g.size;
            // (start, end) along the text direction and the new baseline.
            let (x0, x1, base) = match turn {
                Turn::Down => (b.top, b.bottom, w - (b.x0 + 0.12 * s)),
                Turn::Up => (h - b.bottom, h - b.top, b.x1 - 0.12 * s),
                Turn::Upside => (w - b.x1, w - b.x0, h - g.baseline),
            };
            Glyph {
                text: g.text.clone(),
                bbox: Rect {
                    x0,
                    x1,
                    top: base - 0.88 * s,
                    bottom: base + 0.12 * s,
                },
                baseline: base,
                size: s,
                upright: true,
                space: g.space,
            }
        })
        .collect();
    let rulings = page
        .rulings
        .iter()
        .map(|r| turn_ruling(r, turn, w, h))
        .collect();
    let (nw, nh) = match turn {
        Turn::Down | Turn::Up => (h, w),
        Turn::Upside => (w, h),
    };
    Page {
        number: page.number,
        width: nw,
        height: nh,
        glyphs,
        rulings,
    }
}

/// A point of the old page in the turned page's coordinates.
fn map(x: f32, y: f32, turn: Turn, w: f32, h: f32) -> (f32, f32) {
    match turn {
        Turn::Down => (y, w - x),
        Turn::Up => (h - y, x),
        Turn::Upside => (w - x, h - y),
    }
}

fn corner_map(b: &Rect, turn: Turn, w: f32, h: f32) -> Rect {
    let (ax, ay) = map(b.x0, b.top, turn, w, h);
    let (bx, by) = map(b.x1, b.bottom, turn, w, h);
    Rect {
        x0: ax.min(bx),
        x1: ax.max(bx),
        top: ay.min(by),
        bottom: ay.max(by),
    }
}

fn turn_ruling(r: &Ruling, turn: Turn, w: f32, h: f32) -> Ruling {
    let (a, b) = match r.orientation {
        Orientation::Horizontal => (
            map(r.start, r.pos, turn, w, h),
            map(r.end, r.pos, turn, w, h),
        ),
        Orientation::Vertical => (
            map(r.pos, r.start, turn, w, h),
            map(r.pos, r.end, turn, w, h),
        ),
    };
    if (a.1 - b.1).abs() <= (a.0 - b.0).abs() {
        Ruling {
            orientation: Orientation::Horizontal,
            pos: (a.1 + b.1) / 2.0,
            start: a.0.min(b.0),
            end: a.0.max(b.0),
        }
    } else {
        Ruling {
            orientation: Orientation::Vertical,
            pos: (a.0 + b.0) / 2.0,
            start: a.1.min(b.1),
            end: a.1.max(b.1),
        }
    }
}

/// Fewest glyphs turned one way that may make a table of their own.
const MIN_TURNED: usize = 4;

/// The glyphs of an upright page drawn turned one way (a table set sideways on
/// an upright page): the most common turn among its not-upright glyphs.
pub(crate) struct TurnedPart {
    /// Those glyphs turned upright, with all the page's rulings turned alike.
    pub page: Page,
    /// Indices of those glyphs in the original page.
    pub members: Vec<usize>,
    turn: Turn,
    w: f32,
    h: f32,
}

impl TurnedPart {
    /// A point of the turned page in the original page's coordinates.
    pub fn back(&self, x: f32, y: f32) -> (f32, f32) {
        let (w, h) = (self.w, self.h);
        match self.turn {
            Turn::Down => (w - y, x),
            Turn::Up => (y, h - x),
            Turn::Upside => (w - x, h - y),
        }
    }
}

/// The turned part of `page`, when at least `MIN_TURNED` glyphs are drawn
/// turned the same way.
pub(crate) fn turned_part(page: &Page) -> Option<TurnedPart> {
    let mut counts = [0usize; 3];
    let turns: Vec<Option<Turn>> = page.glyphs.iter().map(turn_of).collect();
    for t in turns.iter().flatten() {
        counts[*t as usize] += 1;
    }
    let (k, &n) = counts.iter().enumerate().max_by_key(|(_, n)| **n)?;
    if n < MIN_TURNED {
        return None;
    }
    let turn = [Turn::Down, Turn::Up, Turn::Upside][k];
    let members: Vec<usize> = (0..page.glyphs.len())
        .filter(|&i| turns[i] == Some(turn))
        .collect();
    let only = Page {
        glyphs: members.iter().map(|&i| page.glyphs[i].clone()).collect(),
        ..page.clone()
    };
    Some(TurnedPart {
        page: turned(&only, turn),
        members,
        turn,
        w: page.width,
        h: page.height,
    })
}
