//! The page stage: PDF bytes -> one [`Page`] per page, holding glyphs (Unicode +
//! box) and rulings, in points with a top-left origin, upright as a person sees
//! the page (CropBox offset and /Rotate applied).
//!
//! Built on hayro-syntax / hayro-interpret; no hayro type leaks out of this module.

mod device;
mod fields;
mod fonts;
mod guard;
mod text;

use std::collections::HashSet;
use std::sync::Arc;

use hayro_interpret::font::FontQuery;
use hayro_interpret::kurbo::{Affine, Rect as KRect};
use hayro_interpret::{
    Context, InterpreterCache, InterpreterSettings, RenderContent, interpret_page,
};
use hayro_syntax::{LoadPdfError, Pdf};

pub use text::page_text;

/// An axis-aligned rectangle.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Rect {
    pub x0: f32,
    pub top: f32,
    pub x1: f32,
    pub bottom: f32,
}

/// One drawn glyph.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Glyph {
    /// Unicode text of the glyph (usually one char; a ligature may give several).
    pub text: String,
    /// Box: x0..x1 = pen origin .. origin + advance width; top/bottom from the
    /// baseline and font size (top = baseline - 0.88*size, bottom = baseline + 0.12*size),
    /// NOT from font descriptor ascent/descent (LibreOffice writes 0 for both).
    pub bbox: Rect,
    /// Baseline y (top-left origin).
    pub baseline: f32,
    /// Effective font size in points (text matrix x CTM applied).
    pub size: f32,
    /// false when the glyph is rotated relative to the upright page (vertical text etc).
    pub upright: bool,
    /// Advance of a word space in this glyph's font at its size, in points (the
    /// font's own space character as drawn in the same font, without Tc/Tw), or 0
    /// when unknown (the table stage then uses a fraction of the em).
    #[serde(default)]
    pub space: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Orientation {
    Horizontal,
    Vertical,
}

/// An axis-aligned ruling segment: a stroked line, one side of a stroked rectangle,
/// or a thin filled rectangle (its centre line).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Ruling {
    pub orientation: Orientation,
    /// y for a horizontal ruling, x for a vertical one.
    pub pos: f32,
    /// Start and end along the other axis (start <= end).
    pub start: f32,
    pub end: f32,
}

/// One page, upright.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Page {
    /// 1-based page number in the file.
    pub number: usize,
    pub width: f32,
    pub height: f32,
    pub glyphs: Vec<Glyph>,
    pub rulings: Vec<Ruling>,
}

/// Bounds on the work done for one file.
#[derive(Debug, Clone)]
pub struct Limits {
    /// A file with more pages is `Unreadable` (never silently cut short).
    pub max_pages: usize,
    /// Glyphs kept per page; further glyphs on the page are dropped.
    pub max_glyphs_per_page: usize,
    /// Rulings kept per page; further rulings on the page are dropped.
    pub max_rulings_per_page: usize,
    /// Maximum number of form XObject invocations one form may expand to
    /// (self-referencing or exponentially nested forms). A page over the bound
    /// makes the file `Unreadable` instead of hanging.
    pub max_form_expansion: u64,
    /// Largest inflated size of one Flate stream (page content, form, font program,
    /// ToUnicode) before the file is rejected as a decompression bomb (`Unreadable`).
    pub max_stream_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_pages: 2000,
            max_glyphs_per_page: 200_000,
            max_rulings_per_page: 100_000,
            max_form_expansion: 10_000,
            max_stream_bytes: 256 << 20,
        }
    }
}

/// Why a PDF could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// The bytes are not a PDF at all (e.g. HTML).
    NotPdf(String),
    /// The file is encrypted and cannot be opened with an empty password.
    Encrypted(String),
    /// Malformed beyond repair (or hostile).
    Unreadable(String),
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PdfError::NotPdf(m) => write!(f, "not a PDF: {m}"),
            PdfError::Encrypted(m) => write!(f, "encrypted: {m}"),
            PdfError::Unreadable(m) => write!(f, "unreadable PDF: {m}"),
        }
    }
}

impl std::error::Error for PdfError {}

/// A minimal TrueType font (one empty `.notdef`, advance 0) given to hayro for every
/// font that is not embedded: we never render, and an advance of 0 keeps hayro from
/// rescaling glyph transforms to a substitute font's metrics.
static BLANK_FONT: &[u8] = include_bytes!("blank.ttf");

fn looks_like_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-") || starts_with_object(head)
}

/// A file without a `%PDF-` header that is otherwise a PDF (see
/// [`starts_with_object`]).
pub fn headerless_pdf(bytes: &[u8]) -> bool {
    starts_with_object(&bytes[..bytes.len().min(1024)])
}

/// A file without a `%PDF-` header that still begins (after a comment or white
/// space) with an indirect object `N G obj`: poppler and mupdf read such files.
fn starts_with_object(head: &[u8]) -> bool {
    let mut i = 0;
    // Skip white space and comment lines.
    loop {
        while i < head.len() && head[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < head.len() && head[i] == b'%' {
            while i < head.len() && head[i] != b'\n' && head[i] != b'\r' {
                i += 1;
            }
            continue;
        }
        break;
    }
    let rest = &head[i..];
    let mut parts = rest
        .split(|b| b.is_ascii_whitespace())
        .filter(|p| !p.is_empty());
    let num = |p: Option<&[u8]>| p.is_some_and(|p| p.iter().all(u8::is_ascii_digit));
    num(parts.next())
        && num(parts.next())
        && parts.next().is_some_and(|p| p.starts_with(b"obj"))
        && head.windows(6).any(|w| w == b"endobj")
}

/// Filters hayro-syntax decodes.
const KNOWN_FILTERS: [&[u8]; 19] = [
    b"FlateDecode",
    b"Fl",
    b"LZWDecode",
    b"LZW",
    b"ASCIIHexDecode",
    b"AHx",
    b"ASCII85Decode",
    b"A85",
    b"RunLengthDecode",
    b"RL",
    b"CCITTFaxDecode",
    b"CCF",
    b"DCTDecode",
    b"DCT",
    b"JBIG2Decode",
    b"JPXDecode",
    b"Crypt",
    b"Standard",
    b"Identity",
];

/// Stream filters named in the file (`/Filter /Name` or `/Filter [/A /B]`) that
/// hayro cannot decode, for the error message.
fn unknown_filters(bytes: &[u8]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let key = b"/Filter";
    let mut i = 0;
    while let Some(p) = bytes[i..].windows(key.len()).position(|w| w == key) {
        let mut j = i + p + key.len();
        let end = (j + 200).min(bytes.len());
        let mut in_array = false;
        while j < end {
            match bytes[j] {
                b' ' | b'\r' | b'\n' | b'\t' => j += 1,
                b'[' => {
                    in_array = true;
                    j += 1;
                }
                b'/' => {
                    let start = j + 1;
                    j = start;
                    while j < end && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'#') {
                        j += 1;
                    }
                    let name = &bytes[start..j];
                    if !name.is_empty() && !KNOWN_FILTERS.contains(&name) {
                        let n = String::from_utf8_lossy(name).into_owned();
                        if !out.contains(&n) && out.len() < 4 {
                            out.push(n);
                        }
                    }
                    if !in_array {
                        break;
                    }
                }
                _ => break,
            }
        }
        i += p + key.len();
    }
    out
}

/// An encryption whose strings and streams are not encrypted (`/StmF` and `/StrF`
/// both `/Identity`): only embedded files are (`/EFF`, often behind a password of
/// their own). The pages are plain, so the file is read with its `/Encrypt` entry
/// disabled (renamed in place, offsets unchanged).
fn identity_encryption_disabled(bytes: &[u8]) -> Option<Vec<u8>> {
    let name_is = |key: &[u8], val: &[u8]| {
        bytes.windows(key.len()).enumerate().any(|(i, w)| {
            w == key && {
                let rest = &bytes[i + key.len()..bytes.len().min(i + key.len() + 32)];
                let rest: Vec<u8> = rest
                    .iter()
                    .copied()
                    .skip_while(u8::is_ascii_whitespace)
                    .collect();
                rest.starts_with(val)
            }
        })
    };
    let stm = bytes.windows(5).any(|w| w == b"/StmF");
    if !stm || !name_is(b"/StmF", b"/Identity") || !name_is(b"/StrF", b"/Identity") {
        return None;
    }
    // Every /StmF and /StrF must say Identity (one encryption dictionary).
    let count = |k: &[u8]| bytes.windows(k.len()).filter(|w| *w == k).count();
    if count(b"/StmF") != 1 || count(b"/StrF") != 1 {
        return None;
    }
    let mut out = bytes.to_vec();
    let key = b"/Encrypt";
    let mut i = 0;
    let mut n = 0;
    while let Some(p) = out[i..].windows(key.len()).position(|w| w == key) {
        let at = i + p;
        let next = out.get(at + key.len()).copied().unwrap_or(b' ');
        if !next.is_ascii_alphanumeric() {
            out[at..at + key.len()].copy_from_slice(b"/JxNoEnc");
            n += 1;
        }
        i = at + key.len();
    }
    (n > 0).then_some(out)
}

/// Whether a trailer (or cross-reference stream) names an encryption dictionary: the
/// key `/Encrypt` (not `/EncryptMetadata`) followed by an indirect reference or a
/// dictionary. A file that says it is encrypted but cannot be parsed is reported
/// `encrypted`, not `unreadable`: the user's remedy is the same as for any protected
/// file (an unprotected copy), and the damage may well come from the encryption
/// (pdf.js corpus issue15893: an encrypted update appended with offsets of its own).
fn has_encrypt_entry(bytes: &[u8]) -> bool {
    let key = b"/Encrypt";
    let mut i = 0;
    while let Some(p) = bytes[i..].windows(key.len()).position(|w| w == key) {
        let at = i + p + key.len();
        i = at;
        if bytes.get(at).is_some_and(|b| b.is_ascii_alphanumeric()) {
            continue;
        }
        let rest: Vec<u8> = bytes[at..bytes.len().min(at + 40)]
            .iter()
            .copied()
            .skip_while(u8::is_ascii_whitespace)
            .collect();
        if rest.starts_with(b"<<") {
            return true;
        }
        let text = String::from_utf8_lossy(&rest);
        let mut toks = text.split_ascii_whitespace();
        let num = |t: Option<&str>| {
            t.is_some_and(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
        };
        if num(toks.next()) && num(toks.next()) && toks.next().is_some_and(|t| t.starts_with('R')) {
            return true;
        }
    }
    false
}

/// Interpreter settings drawing `content`: the page's content stream, or its
/// annotation appearances (form field values, FreeText comments: page text for
/// poppler and pdf.js too; hayro skips hidden and no-view annotations).
fn settings(content: RenderContent) -> InterpreterSettings {
    let blank: Arc<&'static [u8]> = Arc::new(BLANK_FONT);
    InterpreterSettings {
        font_resolver: Arc::new(move |_q: &FontQuery| Some((blank.clone() as _, 0))),
        render_content: content,
        ..InterpreterSettings::default()
    }
}

/// The page's size and the map from PDF user space to the upright page. hayro's,
/// except when the crop box does not meet the media box at all (an invalid crop
/// box): then the media box, as pdf.js does (hayro would place everything off a
/// blank A4 page).
fn page_frame(page: &hayro_syntax::page::Page<'_>) -> (f32, f32, Affine) {
    let media = page.media_box();
    let crop = page.intersected_crop_box();
    let empty = |r: &hayro_syntax::object::Rect| !(r.width().abs() > 0.5 && r.height().abs() > 0.5);
    if empty(&crop)
        && !empty(&media)
        && matches!(page.rotation(), hayro_syntax::page::Rotation::None)
    {
        let (x0, y1) = (media.x0.min(media.x1), media.y0.max(media.y1));
        let (w, h) = (media.width().abs() as f32, media.height().abs() as f32);
        return (w, h, Affine::new([1.0, 0.0, 0.0, -1.0, -x0, y1]));
    }
    let (w, h) = page.render_dimensions();
    (w, h, Affine::new(page.initial_transform(true).as_coeffs()))
}

/// Most annotations of one page drawn (a page with more draws none of them).
const MAX_ANNOTATIONS: usize = 5000;

/// Parse a PDF and build the page model of every page.
pub fn read_pdf(bytes: &[u8], limits: &Limits) -> Result<Vec<Page>, PdfError> {
    if !looks_like_pdf(bytes) {
        let what = if bytes.is_empty() {
            "empty file".to_string()
        } else {
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(16)]);
            format!("no %PDF- header (starts with {head:?})")
        };
        return Err(PdfError::NotPdf(what));
    }
    let pdf = match Pdf::new(bytes.to_vec()) {
        Ok(p) => p,
        Err(first) => {
            // Attachments-only encryption: read the plain pages.
            let retry = identity_encryption_disabled(bytes).and_then(|b| Pdf::new(b).ok());
            match (retry, first) {
                (Some(p), _) => p,
                (None, LoadPdfError::Decryption(e)) => {
                    return Err(PdfError::Encrypted(format!("{e:?}")));
                }
                (None, LoadPdfError::Invalid) if has_encrypt_entry(bytes) => {
                    return Err(PdfError::Encrypted(
                        "an /Encrypt dictionary is present but the file structure cannot be \
                         read (a damaged encrypted file)"
                            .into(),
                    ));
                }
                (None, LoadPdfError::Invalid) => {
                    let unknown = unknown_filters(bytes);
                    return Err(PdfError::Unreadable(if unknown.is_empty() {
                        "cannot parse the file structure".into()
                    } else {
                        format!(
                            "cannot parse the file structure (unsupported filter {})",
                            unknown.join(", ")
                        )
                    }));
                }
            }
        }
    };
    let pages = pdf.pages();
    if pages.is_empty() {
        return Err(PdfError::Unreadable("no pages".into()));
    }
    if pages.len() > limits.max_pages {
        return Err(PdfError::Unreadable(format!(
            "{} pages, over the limit of {}",
            pages.len(),
            limits.max_pages
        )));
    }
    let n = pages.len();

    // Fonts of the pages we read (for predefined-CMap decoding).
    let mut font_map = fonts::FontMap::default();
    font_map.max_stream_bytes = limits.max_stream_bytes;
    let mut visited = HashSet::new();
    for page in pages.iter().take(n) {
        let res = page.resources();
        fonts::scan_resources(&res.fonts, &res.x_objects, &mut font_map, &mut visited, 0);
        for ap in guard::annotation_appearances(page.raw(), MAX_ANNOTATIONS) {
            if let Some(r) = ap
                .dict()
                .get::<hayro_syntax::object::Dict<'_>>(b"Resources")
            {
                let f = r
                    .get::<hayro_syntax::object::Dict<'_>>(b"Font")
                    .unwrap_or_default();
                let x = r
                    .get::<hayro_syntax::object::Dict<'_>>(b"XObject")
                    .unwrap_or_default();
                fonts::scan_resources(&f, &x, &mut font_map, &mut visited, 0);
            }
        }
    }

    if font_map.bomb {
        return Err(PdfError::Unreadable(
            "a font stream decompresses beyond the limit".into(),
        ));
    }
    let annot_settings = settings(RenderContent::ANNOTATIONS);
    let settings = settings(RenderContent::PAGE);
    let cache = InterpreterCache::new();
    let mut guard = guard::FormGuard::default();
    guard.max_stream_bytes = limits.max_stream_bytes;
    let has_gbk = font_map.has_gbk();
    // The form asks the viewer to build field appearances from their values.
    let need_appearances = pdf
        .xref()
        .get::<hayro_syntax::object::Dict<'_>>(pdf.xref().root_id())
        .and_then(|c| c.get::<hayro_syntax::object::Dict<'_>>(b"AcroForm"))
        .and_then(|f| f.get::<bool>(b"NeedAppearances"))
        .unwrap_or(false);
    let mut reverse = fonts::ReverseCmaps::default();
    let mut spaces = std::collections::HashMap::new();
    let mut out = Vec::with_capacity(n);
    for (i, page) in pages.iter().take(n).enumerate() {
        if guard::contents_beyond(page.raw(), limits.max_stream_bytes) {
            return Err(PdfError::Unreadable(format!(
                "page {}: content stream decompresses beyond the limit",
                i + 1
            )));
        }
        if guard::contents_nested_beyond(page.raw(), guard::MAX_OPERAND_NESTING) {
            return Err(PdfError::Unreadable(format!(
                "page {}: operands nested deeper than {} levels",
                i + 1,
                guard::MAX_OPERAND_NESTING
            )));
        }
        if !guard.page_ok(&page.resources().x_objects, limits.max_form_expansion) {
            return Err(PdfError::Unreadable(format!(
                "page {}: form XObjects nest recursively or explode",
                i + 1
            )));
        }
        let (w, h, initial) = page_frame(page);
        let mut ctx = Context::new(
            initial,
            KRect::new(0.0, 0.0, f64::from(w), f64::from(h)),
            &cache,
            pdf.xref(),
            settings.clone(),
        );
        let mut dev = device::Collector {
            fonts: &font_map,
            has_gbk,
            gbk_simple: font_map.gbk_simple,
            reverse: &mut reverse,
            blank_font: BLANK_FONT,
            glyphs: Vec::new(),
            rulings: Vec::new(),
            max_glyphs: limits.max_glyphs_per_page,
            max_rulings: limits.max_rulings_per_page,
            last_fill: None,
            clips: vec![KRect::new(0.0, 0.0, f64::from(w), f64::from(h))],
            spaces: &mut spaces,
            text_only: false,
            fills: Vec::new(),
            white: Vec::new(),
            white_mode: false,
        };
        interpret_page(page, &mut ctx, &mut dev);
        dev.white_mode = false;
        dev.finish();
        let before_annotations = dev.glyphs.len();
        let aps = guard::annotation_appearances(page.raw(), MAX_ANNOTATIONS + 1);
        if !aps.is_empty()
            && aps.len() <= MAX_ANNOTATIONS
            && guard.appearances_ok(&aps, limits.max_form_expansion)
        {
            let mut actx = Context::new(
                initial,
                KRect::new(0.0, 0.0, f64::from(w), f64::from(h)),
                &cache,
                pdf.xref(),
                annot_settings.clone(),
            );
            dev.text_only = true;
            dev.clips.truncate(1);
            interpret_page(page, &mut actx, &mut dev);
        }
        let (values, replaced) =
            fields::field_value_glyphs(page.raw(), initial, MAX_ANNOTATIONS, need_appearances);
        if !replaced.is_empty() {
            // Stale appearances of fields whose value is laid out anew.
            let mut k = 0;
            dev.glyphs.retain(|g| {
                k += 1;
                let (cx, cy) = (
                    (g.bbox.x0 + g.bbox.x1) / 2.0,
                    (g.bbox.top + g.bbox.bottom) / 2.0,
                );
                k <= before_annotations
                    || !replaced
                        .iter()
                        .any(|r| cx >= r.x0 && cx <= r.x1 && cy >= r.top && cy <= r.bottom)
            });
        }
        let room = limits.max_glyphs_per_page.saturating_sub(dev.glyphs.len());
        dev.glyphs.extend(values.into_iter().take(room));
        device::dedupe(&mut dev.glyphs);
        out.push(Page {
            number: i + 1,
            width: w,
            height: h,
            glyphs: dev.glyphs,
            rulings: dev.rulings,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encrypt_entries() {
        assert!(has_encrypt_entry(
            b"trailer\n<<\n/Encrypt 6 0 R\n/Root 1 0 R>>"
        ));
        assert!(has_encrypt_entry(
            b"trailer <</Encrypt<</Filter/Standard>>>>"
        ));
        // The key of an encryption dictionary, not a trailer entry.
        assert!(!has_encrypt_entry(b"<</P -4 /EncryptMetadata true>>"));
        assert!(!has_encrypt_entry(b"(/Encrypt is a word) Tj"));
        // A damaged file that names an encryption dictionary is `encrypted`.
        let damaged = b"%PDF-1.7\n1 0 obj <</Type/Catalog>> endobj\ntrailer\n<</Encrypt 6 0 R/Root 1 0 R>>\n%%EOF\n";
        assert!(matches!(
            read_pdf(damaged, &Limits::default()),
            Err(PdfError::Encrypted(_))
        ));
    }

    #[test]
    fn unsupported_filters_are_named() {
        let f =
            b"1 0 obj <</Filter /BrotliDecode /Length 3>> 2 0 obj <</Filter [/FlateDecode /Foo]>>";
        assert_eq!(unknown_filters(f), ["BrotliDecode", "Foo"]);
        assert!(unknown_filters(b"<</Filter/FlateDecode>>").is_empty());
    }

    #[test]
    fn headerless() {
        assert!(headerless_pdf(b"%\xe2\xe3\n1 0 obj\n<<>>\nendobj\n"));
        assert!(!headerless_pdf(b"<html>1 0 obj endobj"));
        assert!(!headerless_pdf(b"1 0 obj"));
    }
}
