//! Form field values and FreeText comments that have no appearance stream
//! (`/NeedAppearances`, or a producer that only wrote `/V` or `/Contents`): their
//! text is laid out here, left-aligned in the annotation's rectangle (a field's
//! single line centred vertically, other text from the top), so a filled form
//! gives its values.

use hayro_interpret::kurbo::{Affine, Point};
use hayro_syntax::object::{Array, Dict, Name, Rect as PRect, String as PString};

use super::{Glyph, Rect};

const HIDDEN: u32 = 1 << 1;
const NO_VIEW: u32 = 1 << 5;
/// Field flag (`/Ff`) of a password text field.
const PASSWORD: u32 = 1 << 13;

/// The dictionary holding a field attribute, inherited through `/Parent` (a few
/// levels at most).
fn holder<'a>(d: &Dict<'a>, key: &[u8]) -> Option<Dict<'a>> {
    let mut cur = d.clone();
    for _ in 0..8 {
        if cur.contains_key(key) {
            return Some(cur);
        }
        cur = cur.get::<Dict<'a>>(b"Parent")?;
    }
    None
}

/// A PDF text string: UTF-16BE with a BOM, UTF-8 with a BOM, else PDFDocEncoding
/// (read as Latin-1, which it equals for text).
fn text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// The font size of a `/DA` string (`/Helv 10 Tf 0 g`); None for 0 (auto) or none.
fn da_size(da: &[u8]) -> Option<f64> {
    let s = String::from_utf8_lossy(da);
    let toks: Vec<&str> = s.split_whitespace().collect();
    let i = toks.iter().position(|t| *t == "Tf")?;
    let v: f64 = toks.get(i.checked_sub(1)?)?.parse().ok()?;
    (v > 0.0 && v.is_finite()).then_some(v)
}

fn wide(c: char) -> bool {
    crate::lexical::text::is_cjk(c)
        || ('\u{3000}'..='\u{303F}').contains(&c)
        || ('\u{FF00}'..='\u{FFEF}').contains(&c)
}

/// Glyphs for the values of text and choice fields that have no appearance stream.
/// `initial` maps PDF user space to the upright page.
///
/// With `need_appearances` (the form's `/NeedAppearances true`: the viewer is to
/// build the appearances anew from the values, as poppler and pdf.js do) a text or
/// choice field's `/V` is laid out even when it has an appearance stream, which may
/// be stale (it shows what the field held before an edit); the device-space boxes
/// of those fields are returned too, so that the appearance's glyphs are dropped.
pub(crate) fn field_value_glyphs(
    page: &Dict<'_>,
    initial: Affine,
    max: usize,
    need_appearances: bool,
) -> (Vec<Glyph>, Vec<Rect>) {
    let mut out = Vec::new();
    let mut replaced = Vec::new();
    let Some(annots) = page.get::<Array<'_>>(b"Annots") else {
        return (out, replaced);
    };
    for a in annots.iter::<Dict<'_>>().take(max) {
        let subtype = a.get::<Name<'_>>(b"Subtype");
        let free_text = subtype.as_deref() == Some(b"FreeText".as_slice());
        let has_ap = a
            .get::<Dict<'_>>(b"AP")
            .is_some_and(|ap| ap.contains_key(b"N"));
        if !(free_text || subtype.as_deref() == Some(b"Widget".as_slice()))
            || a.get::<u32>(b"F").unwrap_or(0) & (HIDDEN | NO_VIEW) != 0
            || (has_ap && (free_text || !need_appearances))
        {
            continue;
        }
        let value = if free_text {
            // A FreeText comment without appearance: its /Contents, as poppler draws it.
            match a.get::<PString<'_>>(b"Contents") {
                Some(v) => text_string(v.as_bytes()),
                None => continue,
            }
        } else {
            let ft = holder(&a, b"FT").and_then(|d| d.get::<Name<'_>>(b"FT"));
            if !matches!(ft.as_deref(), Some(b"Tx" | b"Ch")) {
                continue;
            }
            // A password field's value is never shown (its appearance shows `*`s).
            let ff = holder(&a, b"Ff")
                .and_then(|d| d.get::<u32>(b"Ff"))
                .unwrap_or(0);
            if ft.as_deref() == Some(b"Tx".as_slice()) && ff & PASSWORD != 0 {
                continue;
            }
            let Some(vd) = holder(&a, b"V") else {
                continue;
            };
            match vd.get::<PString<'_>>(b"V") {
                Some(v) => text_string(v.as_bytes()),
                None => match vd.get::<Array<'_>>(b"V") {
                    Some(arr) => arr
                        .iter::<PString<'_>>()
                        .map(|s| text_string(s.as_bytes()))
                        .collect::<Vec<_>>()
                        .join(" "),
                    None => continue,
                },
            }
        };
        let Some(r) = a.get::<PRect>(b"Rect") else {
            continue;
        };
        let (x0, y0, x1, y1) = (
            r.x0.min(r.x1),
            r.y0.min(r.y1),
            r.x0.max(r.x1),
            r.y0.max(r.y1),
        );
        let h = y1 - y0;
        if !(h > 0.0 && x1 > x0) {
            continue;
        }
        if has_ap {
            let corners = [initial * Point::new(x0, y0), initial * Point::new(x1, y1)];
            replaced.push(Rect {
                x0: corners[0].x.min(corners[1].x) as f32,
                top: corners[0].y.min(corners[1].y) as f32,
                x1: corners[0].x.max(corners[1].x) as f32,
                bottom: corners[0].y.max(corners[1].y) as f32,
            });
        }
        let da = holder(&a, b"DA").and_then(|d| d.get::<PString<'_>>(b"DA"));
        let size = da
            .and_then(|d| da_size(d.as_bytes()))
            .unwrap_or((h * 0.7).clamp(4.0, 12.0));
        let lines: Vec<&str> = value
            .split(['\r', '\n'])
            .filter(|l| !l.trim().is_empty())
            .collect();
        let leading = size * 1.15;
        for (li, line) in lines.iter().enumerate() {
            // First line near the top when several, centred when one.
            let base = if lines.len() == 1 && !free_text {
                y0 + (h - size) / 2.0 + 0.22 * size
            } else {
                y1 - 2.0 - size * 0.88 - li as f64 * leading
            };
            let mut x = x0 + 2.0;
            for c in line.chars() {
                let adv = if wide(c) { size } else { 0.5 * size };
                let o = initial * Point::new(x, base);
                let e = initial * Point::new(x + adv, base);
                let up = initial * Point::new(x, base + size);
                let dev_size = (up - o).hypot();
                if c.is_control() || !o.x.is_finite() || !o.y.is_finite() {
                    x += adv;
                    continue;
                }
                let upright = e.x > o.x && (e.y - o.y).abs() < 1e-3;
                out.push(Glyph {
                    text: c.to_string(),
                    bbox: Rect {
                        x0: o.x.min(e.x) as f32,
                        top: (o.y - 0.88 * dev_size) as f32,
                        x1: o.x.max(e.x) as f32,
                        bottom: (o.y + 0.12 * dev_size) as f32,
                    },
                    baseline: o.y as f32,
                    size: dev_size as f32,
                    upright,
                    space: (0.25 * dev_size) as f32,
                });
                x += adv;
            }
        }
    }
    (out, replaced)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_sizes() {
        assert_eq!(text_string(b"\xFE\xFF\x7E\xE9\x00A"), "绩A");
        assert_eq!(text_string(b"abc"), "abc");
        assert_eq!(da_size(b"/Helv 10 Tf 0 g"), Some(10.0));
        assert_eq!(da_size(b"/Helv 0 Tf 0 g"), None);
    }
}
