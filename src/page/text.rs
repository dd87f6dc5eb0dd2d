//! Debug rendering of a page as plain text, roughly like `pdftotext -layout`.

use super::{Glyph, Page};

fn is_wide(c: char) -> bool {
    let u = c as u32;
    (0x1100..=0x115F).contains(&u)
        || (0x2E80..=0xA4CF).contains(&u)
        || (0xAC00..=0xD7A3).contains(&u)
        || (0xF900..=0xFAFF).contains(&u)
        || (0xFE30..=0xFE4F).contains(&u)
        || (0xFF00..=0xFF60).contains(&u)
        || (0xFFE0..=0xFFE6).contains(&u)
        || (0x20000..=0x3FFFD).contains(&u)
}

fn display_width(s: &str) -> usize {
    s.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

/// Render the page text in reading order: lines grouped by baseline, glyphs placed
/// in columns by their x position (one column ~ half an em of the typical size).
pub fn page_text(page: &Page) -> String {
    let mut glyphs: Vec<&Glyph> = page.glyphs.iter().filter(|g| !g.text.is_empty()).collect();
    if glyphs.iter().all(|g| g.text.trim().is_empty()) {
        return String::new();
    }
    // Column pitch: median width per display column.
    let mut pitches: Vec<f32> = glyphs
        .iter()
        .filter(|g| !g.text.trim().is_empty())
        .map(|g| (g.bbox.x1 - g.bbox.x0) / display_width(&g.text).max(1) as f32)
        .filter(|p| *p > 0.1)
        .collect();
    pitches.sort_by(|a, b| a.total_cmp(b));
    let pitch = pitches
        .get(pitches.len() / 2)
        .copied()
        .unwrap_or(5.0)
        .max(1.0);
    let left = glyphs
        .iter()
        .filter(|g| !g.text.trim().is_empty())
        .map(|g| g.bbox.x0)
        .fold(f32::INFINITY, f32::min)
        .max(0.0);

    // Group into lines by the vertical centre of the glyph boxes.
    glyphs.sort_by(|a, b| {
        let ca = (a.bbox.top + a.bbox.bottom) / 2.0;
        let cb = (b.bbox.top + b.bbox.bottom) / 2.0;
        ca.total_cmp(&cb).then(a.bbox.x0.total_cmp(&b.bbox.x0))
    });
    let mut lines: Vec<Vec<&Glyph>> = Vec::new();
    let mut line_centre = f32::NEG_INFINITY;
    let mut line_h = 0.0f32;
    for g in glyphs {
        let c = (g.bbox.top + g.bbox.bottom) / 2.0;
        let h = (g.bbox.bottom - g.bbox.top).abs().max(1.0);
        if lines.is_empty() || c - line_centre > 0.45 * h.min(line_h) {
            lines.push(Vec::new());
            line_centre = c;
            line_h = h;
        }
        if let Some(l) = lines.last_mut() {
            l.push(g);
        }
    }

    let mut out = String::new();
    let mut prev_bottom: Option<f32> = None;
    for mut line in lines {
        line.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
        let top = line
            .iter()
            .map(|g| g.bbox.top)
            .fold(f32::INFINITY, f32::min);
        let bottom = line
            .iter()
            .map(|g| g.bbox.bottom)
            .fold(f32::NEG_INFINITY, f32::max);
        if let Some(pb) = prev_bottom {
            let h = (bottom - top).max(1.0);
            if top - pb > h * 1.2 {
                out.push('\n');
            }
        }
        prev_bottom = Some(bottom);
        let mut s = String::new();
        let mut col = 0usize;
        let mut prev_x1: Option<f32> = None;
        let mut space = false;
        for g in line {
            if g.text.trim().is_empty() {
                space = prev_x1.is_some();
                continue;
            }
            // A word space: an explicit space glyph, or a gap over half the font's
            // space width (0.125 em when unknown), as in the table stage.
            let word_gap = if g.space > 0.0 {
                (0.5 * g.space).clamp(0.1 * g.size, 0.3 * g.size)
            } else {
                0.125 * g.size
            };
            let adjacent = prev_x1.is_some_and(|px| g.bbox.x0 - px < g.size * 0.25);
            if adjacent
                && !s.ends_with(' ')
                && (space
                    || (prev_x1.is_some_and(|px| g.bbox.x0 - px > word_gap)
                        && !s.chars().last().is_some_and(is_wide)
                        && !g.text.chars().next().is_some_and(is_wide)))
            {
                s.push(' ');
                col += 1;
            }
            space = false;
            if !adjacent {
                let target = ((g.bbox.x0 - left).max(0.0) / pitch).round() as usize;
                if target > col {
                    s.extend(std::iter::repeat_n(' ', target - col));
                    col = target;
                } else if prev_x1.is_some() && !s.ends_with(' ') {
                    s.push(' ');
                    col += 1;
                }
            }
            s.push_str(&g.text);
            col += display_width(&g.text);
            prev_x1 = Some(g.bbox.x1);
        }
        out.push_str(s.trim_end());
        out.push('\n');
    }
    out
}
