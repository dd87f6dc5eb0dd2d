//! The hayro `Device` that records glyphs and rulings of one page.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use hayro_interpret::font::{Glyph as HGlyph, GlyphRun};
use hayro_interpret::hayro_cmap::{BfString, WritingMode};
use hayro_interpret::kurbo::{Affine, BezPath, PathEl, Point, Rect as KRect, Shape};
use hayro_interpret::{
    BlendMode, ClipPath, Device, DrawMode, DrawProps, Image, ImageDrawProps, Paint, SoftMask,
};

use super::fonts::{self, FontMap, ReverseCmaps};
use super::{Glyph, Orientation, Rect, Ruling};

/// Filled rectangles thinner than this (points) are rulings (their centre line).
const THIN_FILL: f64 = 2.0;
/// Stroked lines wider than this are not rulings (bars, highlights).
const MAX_STROKE_WIDTH: f64 = 6.0;
/// Tolerance for "axis-aligned".
const AXIS_EPS: f64 = 0.01;

pub(crate) struct Collector<'f> {
    pub(crate) fonts: &'f FontMap,
    /// Document-wide cache for the last-resort glyph id -> Unicode lookup.
    pub(crate) reverse: &'f mut ReverseCmaps,
    /// `fonts.has_gbk()`, computed once.
    pub(crate) has_gbk: bool,
    /// `fonts.gbk_simple`: some simple font may hold GBK byte pairs.
    pub(crate) gbk_simple: bool,
    pub(crate) blank_font: &'static [u8],
    pub(crate) glyphs: Vec<Glyph>,
    pub(crate) rulings: Vec<Ruling>,
    pub(crate) max_glyphs: usize,
    pub(crate) max_rulings: usize,
    /// (glyph count after the run, run length, first origin) of the last filled run,
    /// to drop the stroke pass of fill+stroke text.
    pub(crate) last_fill: Option<(usize, usize, (u64, u64))>,
    /// Device-space bounding boxes of the active clips (innermost last); the first
    /// entry is the page box. Glyphs whose centre lies outside are dropped, as
    /// pdftotext does (LibreOffice repeats merged-cell text and clips it away).
    pub(crate) clips: Vec<KRect>,
    /// Document-wide: advance of the space character (glyph units, 1000 per em) of
    /// each font seen drawing one, by font key (see [`font_key`]).
    pub(crate) spaces: &'f mut HashMap<u128, f64>,
    /// Drawing annotation appearances: keep their glyphs (field values, FreeText
    /// comments), not their paths (widget borders, icons are no table rulings).
    pub(crate) text_only: bool,
    /// Device-space boxes of coloured (not white, not thin) filled rectangles, in
    /// drawing order: cell backgrounds, shaded rows (see [`Collector::finish`]).
    pub(crate) fills: Vec<KRect>,
    /// White lines (stroked or thin fills) with the number of `fills` drawn before
    /// them: rulings only where they lie on a coloured fill.
    pub(crate) white: Vec<(Ruling, usize)>,
    /// Set while a white path is drawn: its rulings go to `white`.
    pub(crate) white_mode: bool,
}

/// At most this many coloured fills per page are turned into rulings (charts
/// and pictures drawn as thousands of boxes are no grid).
const MAX_FILLS: usize = 2_000;
/// Fills covering more than this share of the page are page backgrounds.
const BACKGROUND_SHARE: f64 = 0.5;
/// Gap (points) between two fills that still makes them side by side.
const FILL_GAP: f64 = 3.0;

/// A key for the font of an outline glyph that has font data (embedded, or a
/// named Type0 font); None for Type1 / standard fonts (hayro exposes no identity).
fn font_key(g: &HGlyph<'_>) -> Option<u128> {
    let HGlyph::Outline(o) = g else {
        return None;
    };
    let fd = o.font_data()?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    fd.postscript_name.hash(&mut h);
    Some(fd.cache_key ^ u128::from(h.finish()))
}

fn advance_of(g: &HGlyph<'_>) -> f64 {
    f64::from(match g {
        HGlyph::Outline(o) => o.advance_width().unwrap_or(0.0),
        HGlyph::Type3(t3) => t3.advance_width().unwrap_or(0.0),
    })
}

/// Drop glyphs drawn again at (nearly) the same place with the same text: fake bold
/// (a glyph repeated with a small offset), shadows, a run drawn twice. Like
/// pdfplumber's `dedupe_chars`: same text, same size (±10 %), origin within
/// `DUP_TOLERANCE` × size (at most 0.3 × the glyph's width and 2 pt) on both axes.
/// The first drawing is kept.
pub(crate) fn dedupe(glyphs: &mut Vec<Glyph>) {
    const DUP_TOLERANCE: f32 = 0.15;
    /// Glyphs compared with each one (in baseline order): bounds the work on a
    /// page with very long lines; fake bold copies lie within a line or two.
    const WINDOW: usize = 256;
    if glyphs.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..glyphs.len())
        .filter(|&i| {
            let g = &glyphs[i];
            !g.text.trim().is_empty() && g.bbox.x0.is_finite() && g.baseline.is_finite()
        })
        .collect();
    order.sort_unstable_by(|&a, &b| {
        glyphs[a]
            .baseline
            .total_cmp(&glyphs[b].baseline)
            .then(glyphs[a].bbox.x0.total_cmp(&glyphs[b].bbox.x0))
    });
    let mut keep = vec![true; glyphs.len()];
    for (k, &i) in order.iter().enumerate() {
        let g = &glyphs[i];
        // Also bounded by the glyph's own width and 2 pt: a Type3 font's size may
        // be far off its drawn size, and neighbours (`cc` in `Account`) are never
        // within a fraction of a glyph width.
        let width = (g.bbox.x1 - g.bbox.x0).abs();
        let tol = (DUP_TOLERANCE * g.size).min(0.3 * width).min(2.0);
        for &j in order[k + 1..].iter().take(WINDOW) {
            let o = &glyphs[j];
            if o.baseline - g.baseline > tol {
                break;
            }
            if (o.bbox.x0 - g.bbox.x0).abs() <= tol
                && o.text == g.text
                && (o.size - g.size).abs() <= 0.1 * g.size.max(o.size)
                && o.upright == g.upright
            {
                // The later drawing goes.
                keep[i.max(j)] = false;
            }
        }
    }
    let mut it = keep.iter();
    glyphs.retain(|_| *it.next().unwrap_or(&true));
}

fn bf_to_string(bf: BfString) -> String {
    match bf {
        BfString::Char(c) => c.to_string(),
        BfString::String(s) => s,
    }
}

fn is_invisible(paint: &Paint<'_>) -> bool {
    match paint {
        Paint::Color(c) => c.to_rgba().components()[3] < 0.01,
        Paint::Pattern(_) => false,
    }
}

/// White paint: invisible on a white page, a line on a coloured fill.
fn is_white(paint: &Paint<'_>) -> bool {
    match paint {
        Paint::Color(c) => {
            let [r, g, b, _] = c.to_rgba().components();
            r > 0.97 && g > 0.97 && b > 0.97
        }
        Paint::Pattern(_) => false,
    }
}

/// A single-byte character code read as WinAnsi text (None for control codes).
fn code_text(code: u32) -> Option<String> {
    let b = u8::try_from(code).ok()?;
    if b < 0x20 || b == 0x7F {
        return None;
    }
    let bytes = [b];
    let (t, _, bad) = encoding_rs::WINDOWS_1252.decode(&bytes);
    (!bad && !t.chars().any(char::is_control)).then(|| t.into_owned())
}

/// A Unicode noncharacter (U+FDD0..U+FDEF, U+xFFFE and U+xFFFF on every
/// plane): a broken ToUnicode entry, never text.
fn noncharacter(c: char) -> bool {
    let u = u32::from(c);
    (0xFDD0..=0xFDEF).contains(&u) || u & 0xFFFE == 0xFFFE
}

/// Clean the text of a glyph: drop control characters, map NBSP to space and
/// a noncharacter to U+FFFD (so it counts as unread text for `garbled_text`).
fn clean(text: String) -> String {
    if text
        .chars()
        .any(|c| c.is_control() || c == '\u{a0}' || noncharacter(c))
    {
        text.chars()
            .filter(|c| !c.is_control())
            .map(|c| match c {
                '\u{a0}' => ' ',
                c if noncharacter(c) => '\u{FFFD}',
                c => c,
            })
            .collect()
    } else {
        text
    }
}

impl Collector<'_> {
    fn glyph_text(&mut self, g: &HGlyph<'_>) -> String {
        let hayro = g.as_unicode().map(bf_to_string);
        if !self.fonts.is_empty()
            && (hayro.is_none() || self.has_gbk)
            && let HGlyph::Outline(o) = g
            && let Some(fd) = o.font_data()
            && let Some(name) = fd.postscript_name.as_deref()
        {
            let data: &[u8] = (*fd.data).as_ref();
            let embedded = data != self.blank_font;
            if let Some(t) = self
                .fonts
                .decode(name, embedded, g.char_code(), hayro.as_deref())
            {
                return t;
            }
        }
        if let Some(t) = hayro {
            return t;
        }
        if let HGlyph::Outline(o) = g
            && let Some(fd) = o.font_data()
        {
            let data: &[u8] = (*fd.data).as_ref();
            if data != self.blank_font
                && let Some(c) = self
                    .reverse
                    .lookup(fd.cache_key, data, o.glyph_id().to_u32())
            {
                return c.to_string();
            }
        }
        // Last resort, as poppler and mupdf: a simple font's (or Type3 font's) glyph
        // that has no Unicode through ToUnicode, the encoding, /Differences, the
        // glyph list or the font's cmap reads as its character code (WinAnsi).
        if self.simple_font(g)
            && let Some(t) = code_text(g.char_code())
        {
            return t;
        }
        "\u{FFFD}".to_string()
    }

    /// Whether a glyph comes from a simple font (single-byte codes): a Type3 font,
    /// a non-embedded simple font, or an embedded one that is no Type0 font.
    fn simple_font(&self, g: &HGlyph<'_>) -> bool {
        if g.char_code() > 0xFF {
            return false;
        }
        match g {
            HGlyph::Type3(_) => true,
            HGlyph::Outline(o) => match o.font_data() {
                None => true,
                Some(fd) => !fd
                    .postscript_name
                    .as_deref()
                    .is_some_and(|n| self.fonts.is_type0(n)),
            },
        }
    }

    fn push_ruling(&mut self, orientation: Orientation, pos: f64, a: f64, b: f64) {
        if self.rulings.len() >= self.max_rulings
            || !pos.is_finite()
            || !a.is_finite()
            || !b.is_finite()
        {
            return;
        }
        let (start, end) = if a <= b { (a, b) } else { (b, a) };
        let ruling = Ruling {
            orientation,
            pos: pos as f32,
            start: start as f32,
            end: end as f32,
        };
        if self.white_mode {
            self.white.push((ruling, self.fills.len()));
            return;
        }
        // Drop segments lying wholly outside the page.
        if let Some(page) = self.clips.first() {
            let (lo, hi, plo, phi) = match orientation {
                Orientation::Horizontal => (page.x0, page.x1, page.y0, page.y1),
                Orientation::Vertical => (page.y0, page.y1, page.x0, page.x1),
            };
            if end < lo - 1.0 || start > hi + 1.0 || pos < plo - 1.0 || pos > phi + 1.0 {
                return;
            }
        }
        self.rulings.push(ruling);
    }

    /// Rulings drawn by fills, once the page is drawn (call once per page):
    /// - a white line is a ruling where it lies on a coloured fill drawn before
    ///   it (white lines separating the cells of a coloured table); on the white
    ///   page it is nothing;
    /// - a coloured fill's top and bottom are row boundaries (cell backgrounds,
    ///   shaded rows); its left and right sides are column boundaries only where
    ///   the fill is a cell among cells: it meets another fill side by side on a
    ///   line where fills of another row meet too (a column boundary), or a
    ///   white vertical line divides it. A fill standing alone (a banner, a
    ///   highlighted paragraph, highlighted runs of text, shaded stripes without
    ///   columns) gives no columns, so it makes no table by itself.
    pub(crate) fn finish(&mut self) {
        let page = self.clips.first().copied();
        let area = page.map_or(f64::INFINITY, |p| p.area().abs());
        let fills: Vec<KRect> = if self.fills.len() <= MAX_FILLS {
            std::mem::take(&mut self.fills)
        } else {
            Vec::new()
        };
        let inside = |r: &KRect, x: f64, y: f64| {
            x > r.x0 + 0.1 && x < r.x1 - 0.1 && y > r.y0 + 0.1 && y < r.y1 - 0.1
        };
        let white = std::mem::take(&mut self.white);
        let mut white_v: Vec<Ruling> = Vec::new();
        for (w, before) in white {
            let mid = f64::from(w.start + w.end) / 2.0;
            let (x, y) = match w.orientation {
                Orientation::Horizontal => (mid, f64::from(w.pos)),
                Orientation::Vertical => (f64::from(w.pos), mid),
            };
            if fills[..before.min(fills.len())]
                .iter()
                .any(|f| inside(f, x, y))
            {
                if w.orientation == Orientation::Vertical {
                    white_v.push(w);
                }
                self.push_ruling(
                    w.orientation,
                    f64::from(w.pos),
                    f64::from(w.start),
                    f64::from(w.end),
                );
            }
        }
        let cells: Vec<&KRect> = fills
            .iter()
            .filter(|f| f.area() < BACKGROUND_SHARE * area)
            .collect();
        // Where two fills meet side by side: (x, index of the fill on the left).
        let mut meets: Vec<(f64, usize)> = Vec::new();
        for (i, f) in cells.iter().enumerate() {
            for g in &cells {
                let overlap = (f.y1.min(g.y1) - f.y0.max(g.y0)) / f.height().min(g.height());
                if overlap > 0.5 && (g.x0 - f.x1).abs() <= FILL_GAP {
                    meets.push(((f.x1 + g.x0) / 2.0, i));
                }
            }
        }
        // A meeting line is a column boundary when fills of two rows meet there
        // (highlighted runs of text meet at random places, a grid's cells line up).
        let confirmed = |x: f64, i: usize| {
            meets.iter().any(|&(y, j)| {
                (x - y).abs() <= FILL_GAP
                    && (cells[j].y0 - cells[i].y0).abs() > FILL_GAP
                    && (cells[j].y1 - cells[i].y1).abs() > FILL_GAP
            })
        };
        let mut grid = vec![false; cells.len()];
        for &(x, i) in &meets {
            if confirmed(x, i) {
                grid[i] = true;
                // The fill on the right of the line is a cell too.
                for (j, g) in cells.iter().enumerate() {
                    let overlap = (cells[i].y1.min(g.y1) - cells[i].y0.max(g.y0))
                        / cells[i].height().min(g.height());
                    if overlap > 0.5 && (g.x0 - x).abs() <= FILL_GAP {
                        grid[j] = true;
                    }
                }
            }
        }
        for (f, in_grid) in cells.iter().zip(grid) {
            self.push_ruling(Orientation::Horizontal, f.y0, f.x0, f.x1);
            self.push_ruling(Orientation::Horizontal, f.y1, f.x0, f.x1);
            let divided = white_v.iter().any(|w| {
                let p = f64::from(w.pos);
                p > f.x0 + FILL_GAP
                    && p < f.x1 - FILL_GAP
                    && f64::from(w.start) < f.y1
                    && f64::from(w.end) > f.y0
            });
            if in_grid || divided {
                self.push_ruling(Orientation::Vertical, f.x0, f.y0, f.y1);
                self.push_ruling(Orientation::Vertical, f.x1, f.y0, f.y1);
            }
        }
    }

    /// A straight segment in device space: keep it if horizontal or vertical.
    fn segment(&mut self, p: Point, q: Point) {
        let dx = (q.x - p.x).abs();
        let dy = (q.y - p.y).abs();
        if dx < 1e-6 && dy < 1e-6 {
            return;
        }
        if dy <= AXIS_EPS.max(dx * 1e-3) {
            self.push_ruling(Orientation::Horizontal, (p.y + q.y) / 2.0, p.x, q.x);
        } else if dx <= AXIS_EPS.max(dy * 1e-3) {
            self.push_ruling(Orientation::Vertical, (p.x + q.x) / 2.0, p.y, q.y);
        }
    }

    /// A device-space axis-aligned box that was filled: thin ones are rulings.
    fn thin_box(&mut self, r: KRect) {
        let (w, h) = (r.width().abs(), r.height().abs());
        if h < THIN_FILL && w >= h && w > 0.0 {
            self.push_ruling(Orientation::Horizontal, (r.y0 + r.y1) / 2.0, r.x0, r.x1);
        } else if w < THIN_FILL && h > w {
            self.push_ruling(Orientation::Vertical, (r.x0 + r.x1) / 2.0, r.y0, r.y1);
        } else if !self.white_mode && w.is_finite() && h.is_finite() && w > 0.0 {
            self.fills.push(r.abs());
        }
    }

    fn stroke_path(&mut self, path: &BezPath, t: Affine) {
        let mut start = Point::ZERO;
        let mut cur = Point::ZERO;
        for el in path.elements() {
            match *el {
                PathEl::MoveTo(p) => {
                    start = t * p;
                    cur = start;
                }
                PathEl::LineTo(p) => {
                    let q = t * p;
                    self.segment(cur, q);
                    cur = q;
                }
                PathEl::QuadTo(_, p) | PathEl::CurveTo(_, _, p) => cur = t * p,
                PathEl::ClosePath => {
                    self.segment(cur, start);
                    cur = start;
                }
            }
        }
    }

    /// Filled path: each sub-path made only of axis-aligned lines whose box is thin
    /// gives its centre line.
    fn fill_path(&mut self, path: &BezPath, t: Affine) {
        let mut pts: Vec<Point> = Vec::new();
        let mut straight = true;
        let flush = |this: &mut Self, pts: &mut Vec<Point>, straight: bool| {
            if straight && pts.len() >= 2 {
                let axis = pts.windows(2).all(|w| {
                    (w[0].x - w[1].x).abs() < AXIS_EPS || (w[0].y - w[1].y).abs() < AXIS_EPS
                });
                if axis {
                    let mut r = KRect::new(pts[0].x, pts[0].y, pts[0].x, pts[0].y);
                    for p in pts.iter() {
                        r = r.union_pt(*p);
                    }
                    this.thin_box(r);
                }
            }
            pts.clear();
        };
        for el in path.elements() {
            match *el {
                PathEl::MoveTo(p) => {
                    flush(self, &mut pts, straight);
                    straight = true;
                    pts.push(t * p);
                }
                PathEl::LineTo(p) => pts.push(t * p),
                PathEl::QuadTo(_, p) | PathEl::CurveTo(_, _, p) => {
                    straight = false;
                    pts.push(t * p);
                }
                PathEl::ClosePath => {}
            }
        }
        flush(self, &mut pts, straight);
    }
}

/// Whether an affine map keeps axis-aligned lines axis-aligned.
fn axis_preserving(t: Affine) -> bool {
    let [a, b, c, d, _, _] = t.as_coeffs();
    let s = a.abs().max(b.abs()).max(c.abs()).max(d.abs()).max(1e-12);
    (b.abs() / s < 1e-6 && c.abs() / s < 1e-6) || (a.abs() / s < 1e-6 && d.abs() / s < 1e-6)
}

/// Length of a user-space line width in device space (average of both axes).
fn device_width(t: Affine, w: f32) -> f64 {
    let [a, b, c, d, _, _] = t.as_coeffs();
    let sx = (a * a + b * b).sqrt();
    let sy = (c * c + d * d).sqrt();
    f64::from(w) * (sx + sy) / 2.0
}

impl<'a> Device<'a> for Collector<'_> {
    fn draw_path(&mut self, path: &BezPath, props: DrawProps<'a>, draw_mode: &DrawMode) {
        let t = props.transform;
        if self.text_only || !axis_preserving(t) || is_invisible(&props.paint) {
            return;
        }
        self.white_mode = is_white(&props.paint);
        match draw_mode {
            DrawMode::Stroke(s) => {
                if device_width(t, s.line_width) <= MAX_STROKE_WIDTH {
                    self.stroke_path(path, t);
                }
            }
            DrawMode::Fill(_) => self.fill_path(path, t),
            DrawMode::FillAndStroke(_, s) => {
                self.fill_path(path, t);
                if device_width(t, s.line_width) <= MAX_STROKE_WIDTH {
                    self.stroke_path(path, t);
                }
            }
            DrawMode::Invisible => {}
        }
    }

    fn draw_rect(&mut self, rect: &KRect, props: DrawProps<'a>, draw_mode: &DrawMode) {
        let t = props.transform;
        if self.text_only || !axis_preserving(t) || is_invisible(&props.paint) {
            return;
        }
        self.white_mode = is_white(&props.paint);
        let dev = t.transform_rect_bbox(*rect);
        let stroke = |this: &mut Self| {
            let (x0, x1, y0, y1) = (dev.x0, dev.x1, dev.y0, dev.y1);
            if dev.width() < 0.01 || dev.height() < 0.01 {
                // A degenerate rectangle stroked is a line.
                this.segment(Point::new(x0, y0), Point::new(x1, y1));
                return;
            }
            this.segment(Point::new(x0, y0), Point::new(x1, y0));
            this.segment(Point::new(x0, y1), Point::new(x1, y1));
            this.segment(Point::new(x0, y0), Point::new(x0, y1));
            this.segment(Point::new(x1, y0), Point::new(x1, y1));
        };
        match draw_mode {
            DrawMode::Stroke(s) => {
                if device_width(t, s.line_width) <= MAX_STROKE_WIDTH {
                    stroke(self);
                }
            }
            DrawMode::Fill(_) => self.thin_box(dev),
            DrawMode::FillAndStroke(_, s) => {
                if device_width(t, s.line_width) <= MAX_STROKE_WIDTH {
                    stroke(self);
                } else {
                    self.thin_box(dev);
                }
            }
            DrawMode::Invisible => {}
        }
    }

    fn push_clip_path(&mut self, clip: &ClipPath) {
        let bb = clip.path.bounding_box();
        let top = self.clips.last().copied().unwrap_or(bb);
        let r = top.intersect(bb);
        self.clips.push(if r.is_finite() { r } else { top });
    }

    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}

    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, props: DrawProps<'a>, mode: &DrawMode) {
        // Fill+stroke text is reported twice by hayro (fill, then stroke): keep one.
        let key = run.glyphs().first().map(|g| {
            let o = props.transform * g.transform() * Point::ZERO;
            (o.x.to_bits(), o.y.to_bits())
        });
        let Some(key) = key else {
            return;
        };
        if matches!(mode, DrawMode::Stroke(_))
            && self.last_fill == Some((self.glyphs.len(), run.glyphs().len(), key))
        {
            return;
        }
        let vertical = matches!(run.writing_mode(), WritingMode::Vertical);
        let mut texts: Vec<String> = run
            .glyphs()
            .iter()
            .take(self.max_glyphs.saturating_sub(self.glyphs.len()))
            .map(|pg| clean(self.glyph_text(pg)))
            .collect();
        // GBK byte pairs in a simple Chinese font declared WinAnsi (not embedded,
        // or embedded and named so in `FontMap::gbk_simple_embedded`): the lead
        // byte's glyph takes the character, the trail byte's glyph widens it
        // (marked by `trail`).
        let mut trail = vec![false; texts.len()];
        if self.gbk_simple
            && run.glyphs().iter().all(|pg| match &**pg {
                HGlyph::Outline(o) => o.font_data().is_none_or(|fd| {
                    fd.postscript_name
                        .as_deref()
                        .is_some_and(|n| self.fonts.gbk_simple_embedded.contains(n))
                }),
                HGlyph::Type3(_) => false,
            })
        {
            let codes: Vec<u32> = run.glyphs().iter().map(|pg| pg.char_code()).collect();
            if let Some(pairs) = fonts::gbk_pairs(&codes) {
                for (i, p) in pairs.into_iter().enumerate().take(texts.len()) {
                    match p {
                        Some(t) if t.is_empty() => trail[i] = true,
                        Some(t) => texts[i] = t,
                        None => {}
                    }
                }
            }
        }
        // Index of the glyph pushed for the last lead byte (None when dropped).
        let mut lead: Option<usize> = None;
        // The font's own space width: a space glyph drawn in this run, else one
        // drawn earlier in the same font.
        let fkey = run.glyphs().first().and_then(|pg| font_key(pg));
        let mut space_adv = run
            .glyphs()
            .iter()
            .zip(&texts)
            .find(|(_, t)| t.as_str() == " ")
            .map(|(pg, _)| advance_of(pg))
            .filter(|a| a.is_finite() && *a > 0.0);
        if let Some(k) = fkey {
            match space_adv {
                Some(a) => {
                    self.spaces.insert(k, a);
                }
                None => space_adv = self.spaces.get(&k).copied(),
            }
        }
        for ((pg, text), is_trail) in run.glyphs().iter().zip(texts).zip(trail) {
            if self.glyphs.len() >= self.max_glyphs {
                return;
            }
            let t = props.transform * pg.transform();
            if is_trail {
                if let Some(i) = lead.take()
                    && let Some(g) = self.glyphs.get_mut(i)
                {
                    let adv = advance_of(pg);
                    let x1 =
                        (t * Point::new(if adv.is_finite() { adv } else { 0.0 }, 0.0)).x as f32;
                    if g.upright && x1.is_finite() {
                        g.bbox.x1 = g.bbox.x1.max(x1);
                    }
                }
                continue;
            }
            lead = None;
            // Advance in glyph units (1000 per em).
            let adv = advance_of(pg);
            let adv = if vertical || !adv.is_finite() {
                1000.0
            } else {
                adv
            };
            if text.is_empty() {
                continue;
            }
            let origin = t * Point::ZERO;
            let up = t * Point::new(0.0, 1000.0) - origin;
            let right = t * Point::new(1000.0, 0.0) - origin;
            let size = up.hypot();
            if !size.is_finite() || !origin.x.is_finite() || !origin.y.is_finite() {
                continue;
            }
            // Upright: advance direction along +x, glyph "up" toward -y (top-left origin).
            let upright = right.x > 0.0
                && right.y.abs() <= right.x.abs() * 0.02
                && up.y < 0.0
                && up.x.abs() <= up.y.abs() * 0.3;
            let (x0, x1, top, bottom) = if upright {
                let x1 = (t * Point::new(adv, 0.0)).x;
                (
                    origin.x.min(x1),
                    origin.x.max(x1),
                    origin.y - 0.88 * size,
                    origin.y + 0.12 * size,
                )
            } else {
                let corners = [
                    t * Point::new(0.0, -120.0),
                    t * Point::new(adv, -120.0),
                    t * Point::new(0.0, 880.0),
                    t * Point::new(adv, 880.0),
                ];
                let mut r = KRect::new(corners[0].x, corners[0].y, corners[0].x, corners[0].y);
                for c in &corners[1..] {
                    r = r.union_pt(*c);
                }
                (r.x0, r.x1, r.y0, r.y1)
            };
            let centre = Point::new((x0 + x1) / 2.0, (top + bottom) / 2.0);
            if let Some(c) = self.clips.last()
                && !c.inflate(1.0, 1.0).contains(centre)
            {
                continue;
            }
            lead = Some(self.glyphs.len());
            self.glyphs.push(Glyph {
                text,
                bbox: Rect {
                    x0: x0 as f32,
                    top: top as f32,
                    x1: x1 as f32,
                    bottom: bottom as f32,
                },
                baseline: origin.y as f32,
                size: size as f32,
                upright,
                space: match space_adv {
                    Some(a) if upright && !vertical => {
                        ((t * Point::new(a, 0.0)).x - origin.x).abs() as f32
                    }
                    _ => 0.0,
                },
            });
        }
        if !matches!(mode, DrawMode::Stroke(_)) {
            self.last_fill = Some((self.glyphs.len(), run.glyphs().len(), key));
        }
    }

    fn draw_image(&mut self, _: Image<'a, '_>, _: ImageDrawProps<'a>) {}

    fn pop_clip(&mut self) {
        if self.clips.len() > 1 {
            self.clips.pop();
        }
    }

    fn pop_transparency_group(&mut self) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(t: &str, x0: f32, w: f32, baseline: f32, size: f32) -> Glyph {
        Glyph {
            text: t.into(),
            bbox: Rect {
                x0,
                top: baseline - 0.88 * size,
                x1: x0 + w,
                bottom: baseline + 0.12 * size,
            },
            baseline,
            size,
            upright: true,
            space: 0.0,
        }
    }

    #[test]
    fn noncharacters_read_as_unread_text() {
        // pdf.js corpus arial_unicode_ab_cidfont: a ToUnicode mapping to U+FFFF.
        assert_eq!(clean("a\u{FFFF}b".into()), "a\u{FFFD}b");
        assert_eq!(clean("\u{FDD0}\u{1FFFE}".into()), "\u{FFFD}\u{FFFD}");
        assert_eq!(clean("x\u{a0}\u{1}y".into()), "x y");
        // U+FFFD itself and ordinary text stay.
        assert_eq!(clean("\u{FFFD}全\u{FFFC}".into()), "\u{FFFD}全\u{FFFC}");
    }

    #[test]
    fn dedupe_fake_bold_not_neighbours() {
        // `cc` side by side stays, even when the size is far off the drawn width
        // (a Type3 font); a copy 0.3 pt off goes.
        let mut gs = vec![
            g("c", 10.0, 5.0, 50.0, 60.0),
            g("c", 15.0, 5.0, 50.0, 60.0),
            g("微", 30.0, 10.0, 50.0, 10.0),
            g("微", 30.3, 10.0, 50.3, 10.0),
        ];
        dedupe(&mut gs);
        let t: Vec<&str> = gs.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(t, ["c", "c", "微"]);
    }
}
