//! Synthetic page builders for tests.
#![allow(dead_code)]

use super::types::{Glyph, Orientation, Page, Rect, Ruling};

/// Advance width of a char at `size`: CJK full width, others half.
pub fn adv(c: char, size: f32) -> f32 {
    if super::text::is_tight(c) {
        size
    } else {
        0.5 * size
    }
}

pub fn glyph(t: &str, x0: f32, x1: f32, baseline: f32, size: f32) -> Glyph {
    Glyph {
        text: t.to_string(),
        bbox: Rect {
            x0,
            top: baseline - 0.88 * size,
            x1,
            bottom: baseline + 0.12 * size,
        },
        baseline,
        size,
        upright: true,
        space: 0.0,
    }
}

/// Glyphs of `text` starting at x, on `baseline`.
pub fn run(text: &str, x: f32, baseline: f32, size: f32) -> Vec<Glyph> {
    let mut out = Vec::new();
    let mut x = x;
    for c in text.chars() {
        let w = adv(c, size);
        out.push(glyph(&c.to_string(), x, x + w, baseline, size));
        x += w;
    }
    out
}

/// Text wrapped to `width`, lines `1.3 × size` apart, first baseline at `baseline`.
pub fn wrapped(text: &str, x: f32, baseline: f32, size: f32, width: f32) -> Vec<Glyph> {
    let mut out = Vec::new();
    let mut cx = x;
    let mut b = baseline;
    for c in text.chars() {
        let w = adv(c, size);
        if cx + w > x + width + 0.01 {
            cx = x;
            b += 1.3 * size;
        }
        out.push(glyph(&c.to_string(), cx, cx + w, b, size));
        cx += w;
    }
    out
}

pub fn hr(pos: f32, a: f32, b: f32) -> Ruling {
    Ruling {
        orientation: Orientation::Horizontal,
        pos,
        start: a,
        end: b,
    }
}
pub fn vr(pos: f32, a: f32, b: f32) -> Ruling {
    Ruling {
        orientation: Orientation::Vertical,
        pos,
        start: a,
        end: b,
    }
}

/// A ruled grid with boundaries `xs` × `ys`; `merges` = (row, col, row_span, col_span)
/// regions whose inner borders are not drawn. Borders are emitted per slot side
/// (many short collinear segments, as Word/LibreOffice draw them).
pub struct GridSpec {
    pub xs: Vec<f32>,
    pub ys: Vec<f32>,
    pub merges: Vec<(usize, usize, usize, usize)>,
}

impl GridSpec {
    pub fn new(xs: &[f32], ys: &[f32]) -> Self {
        GridSpec {
            xs: xs.to_vec(),
            ys: ys.to_vec(),
            merges: vec![],
        }
    }
    pub fn merge(mut self, r: usize, c: usize, rs: usize, cs: usize) -> Self {
        self.merges.push((r, c, rs, cs));
        self
    }
    fn region(&self, r: usize, c: usize) -> Option<usize> {
        self.merges
            .iter()
            .position(|&(mr, mc, rs, cs)| r >= mr && r < mr + rs && c >= mc && c < mc + cs)
    }
    fn same(&self, a: (usize, usize), b: (usize, usize)) -> bool {
        match (self.region(a.0, a.1), self.region(b.0, b.1)) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        }
    }
    pub fn rulings(&self) -> Vec<Ruling> {
        let (nr, nc) = (self.ys.len() - 1, self.xs.len() - 1);
        let mut out = Vec::new();
        for k in 0..=nr {
            for c in 0..nc {
                let inner = k > 0 && k < nr && self.same((k - 1, c), (k, c));
                if !inner {
                    out.push(hr(self.ys[k], self.xs[c], self.xs[c + 1]));
                }
            }
        }
        for k in 0..=nc {
            for r in 0..nr {
                let inner = k > 0 && k < nc && self.same((r, k - 1), (r, k));
                if !inner {
                    out.push(vr(self.xs[k], self.ys[r], self.ys[r + 1]));
                }
            }
        }
        out
    }
    /// Glyphs of `text` placed at the top-left of slot (r, c), wrapped to the cell
    /// width (`cs` columns wide), size 10.
    pub fn text(&self, r: usize, c: usize, cs: usize, text: &str) -> Vec<Glyph> {
        let x = self.xs[c] + 2.0;
        let w = self.xs[c + cs] - self.xs[c] - 4.0;
        wrapped(text, x, self.ys[r] + 11.0, 10.0, w)
    }
}

pub fn page(number: usize, glyphs: Vec<Glyph>, rulings: Vec<Ruling>) -> Page {
    Page {
        number,
        width: 595.0,
        height: 842.0,
        glyphs,
        rulings,
    }
}
