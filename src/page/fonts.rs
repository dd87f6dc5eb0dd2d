//! Font bookkeeping that hayro does not expose per glyph: which composite (Type0)
//! fonts use a predefined CMap and lack a ToUnicode map, so that their character
//! codes can be decoded to Unicode here.
//!
//! hayro 0.9 only consults a predefined CMap for Unicode when the font program is
//! NOT embedded (and then maps GBK single-byte codes to full-width forms, like
//! poppler). For the encodings below we therefore decode the character code
//! ourselves whenever the font has no ToUnicode map.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use hayro_interpret::hayro_cmap::{self, BfString, CMap, CMapName};
use hayro_syntax::object::{Array, Dict, Name, ObjectIdentifier, Stream};

/// How the character codes of a font are turned into Unicode by us.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decoder {
    /// GBK-EUC-*, GBKp-EUC-*, GB-EUC-*: the code bytes are GBK (ASCII below 0x80).
    Gbk,
    /// GBK2K-*: the code bytes are GB 18030.
    Gb18030,
    /// Uni*-UCS2-*: the code is a UCS-2 code unit.
    Ucs2,
    /// Uni*-UTF16-*: one or two UTF-16 code units.
    Utf16,
    /// Uni*-UTF32-*: the code is a scalar value.
    Utf32,
    /// Uni*-UTF8-*: UTF-8 bytes.
    Utf8,
    /// B5pc-*, ETen-B5-*, HKscs-B5-*, ETenms-B5-*: Big5 bytes.
    Big5,
    /// 90ms-RKSJ-*, 90pv-RKSJ-*, 83pv-RKSJ-*, Add-RKSJ-*: Shift-JIS bytes.
    ShiftJis,
    /// KSC-EUC-*, KSCms-UHC-*, KSCpc-EUC-*: EUC-KR / UHC bytes.
    EucKr,
    /// Identity-H/V with a known Adobe character collection: CID -> Unicode
    /// through the collection's UCS2 CMap (for embedded fonts, which hayro skips).
    AdobeGb1,
    AdobeCns1,
    AdobeJapan1,
    AdobeKorea1,
}

impl Decoder {
    fn from_encoding_name(name: &str) -> Option<Self> {
        let n = name;
        if n.starts_with("GBK2K-") {
            Some(Self::Gb18030)
        } else if n.starts_with("GBK-EUC-")
            || n.starts_with("GBKp-EUC-")
            || n.starts_with("GB-EUC-")
            || n.starts_with("GBpc-EUC-")
            || n.starts_with("GBT-EUC-")
            || n.starts_with("GBTpc-EUC-")
        {
            Some(Self::Gbk)
        } else if n.starts_with("Uni") && n.contains("-UCS2-") {
            Some(Self::Ucs2)
        } else if n.starts_with("Uni") && n.contains("-UTF16-") {
            Some(Self::Utf16)
        } else if n.starts_with("Uni") && n.contains("-UTF32-") {
            Some(Self::Utf32)
        } else if n.starts_with("Uni") && n.contains("-UTF8-") {
            Some(Self::Utf8)
        } else if n.starts_with("B5pc-")
            || n.starts_with("ETen-B5-")
            || n.starts_with("ETenms-B5-")
            || n.starts_with("HKscs-B5-")
            || n.starts_with("B5-")
        {
            Some(Self::Big5)
        } else if n.contains("RKSJ-") {
            Some(Self::ShiftJis)
        } else if n.starts_with("KSC") {
            Some(Self::EucKr)
        } else {
            None
        }
    }

    fn from_ordering(ordering: &[u8]) -> Option<Self> {
        match ordering {
            b"GB1" => Some(Self::AdobeGb1),
            b"CNS1" => Some(Self::AdobeCns1),
            b"Japan1" => Some(Self::AdobeJapan1),
            b"Korea1" => Some(Self::AdobeKorea1),
            _ => None,
        }
    }
}

/// What we know about one Type0 font dictionary.
#[derive(Debug, Clone)]
struct Type0Info {
    decoder: Option<Decoder>,
    has_to_unicode: bool,
    embedded: bool,
    /// Used when hayro has no Unicode for a glyph (after `decoder`).
    fallback: Fallback,
}

/// Unicode for the codes of a Type0 font that hayro cannot map.
#[derive(Debug, Clone, Default)]
enum Fallback {
    #[default]
    None,
    /// The character code is the Unicode scalar: `/ToUnicode /Identity-H` (a name,
    /// not a stream), or an `Adobe-Identity` font that is not embedded and maps
    /// its CIDs to glyphs through a `/CIDToGIDMap` stream (its CIDs are then no
    /// glyph ids: producers that write one use Unicode as CID). pdf.js and
    /// poppler read both so.
    Identity,
    /// A ToUnicode stream hayro rejects (a malformed header, a stray `>`): its
    /// valid `bfchar` / `bfrange` entries, parsed leniently.
    Repaired(std::sync::Arc<CMap>),
}

/// All Type0 fonts of the scanned pages, by BaseFont name (subset prefix removed).
#[derive(Debug, Default)]
pub(crate) struct FontMap {
    by_name: HashMap<String, Vec<Type0Info>>,
    seen: HashSet<ObjectIdentifier>,
    /// Cap on the inflated size of a font program / ToUnicode stream.
    pub(crate) max_stream_bytes: u64,
    /// Set when a font stream is a decompression bomb.
    pub(crate) bomb: bool,
    /// Some simple font may hold GBK bytes (see [`gbk_suspect_simple_font`]).
    pub(crate) gbk_simple: bool,
    /// Names (as hayro reports them) of embedded simple fonts that may hold GBK.
    pub(crate) gbk_simple_embedded: HashSet<String>,
}

/// Whether a font name names a Chinese font: CJK characters in it (in GBK bytes, as
/// older Chinese producers write `/#CB#CE#CC#E5` for 宋体, or UTF-8), or a known
/// family spelled in Latin letters (SimSun, FangSong_GB2312, FZ… founder fonts …).
pub(crate) fn chinese_font_name(name: &[u8]) -> bool {
    let name = match name.iter().position(|&b| b == b'+') {
        Some(6) => &name[7..],
        _ => name,
    };
    if name.iter().any(|&b| b >= 0x80) {
        let cjk = |t: &str| t.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
        if let Ok(t) = std::str::from_utf8(name) {
            return cjk(t);
        }
        let (t, _, bad) = encoding_rs::GBK.decode(name);
        return !bad && cjk(&t);
    }
    let lower: String = name
        .iter()
        .filter(|b| b.is_ascii_alphanumeric())
        .map(|b| b.to_ascii_lowercase() as char)
        .collect();
    const FAMILIES: [&str; 22] = [
        "simsun",
        "simhei",
        "simkai",
        "simfang",
        "simli",
        "simyou",
        "kaiti",
        "fangsong",
        "stsong",
        "stheiti",
        "stkaiti",
        "stfangsong",
        "stzhongsong",
        "stxihei",
        "yahei",
        "gb2312",
        "songti",
        "heiti",
        "xiaobiaosong",
        "dengxian",
        "youyuan",
        "lishu",
    ];
    FAMILIES.iter().any(|f| lower.contains(f))
        || lower.starts_with("fz")
        || lower == "song"
        || lower == "hei"
        || lower == "kai"
}

/// Whether a simple font may hold GBK byte pairs: a TrueType / Type1 font named as
/// a Chinese font, without ToUnicode, declared with a single-byte base encoding
/// (WinAnsi, Standard, MacRoman or none) (pdf.js decodes such strings as GBK).
/// None when not; Some(None) when not embedded; Some(Some(name)) when embedded, with
/// the name hayro reports for it (subset prefix removed; `{non-ascii key}` for a
/// name in GBK bytes).
fn gbk_suspect_simple_font(font: &Dict<'_>) -> Option<Option<String>> {
    let simple = matches!(
        font.get::<Name<'_>>(b"Subtype").as_deref(),
        Some(b"TrueType" | b"Type1" | b"MMType1")
    );
    if !simple || font.contains_key(b"ToUnicode") {
        return None;
    }
    let single_byte = match font.get::<Name<'_>>(b"Encoding") {
        Some(e) => matches!(
            &*e,
            b"WinAnsiEncoding" | b"StandardEncoding" | b"MacRomanEncoding"
        ),
        None => !font.contains_key(b"Encoding"),
    };
    let embedded = font.get::<Dict<'_>>(b"FontDescriptor").is_some_and(|fd| {
        fd.contains_key(b"FontFile")
            || fd.contains_key(b"FontFile2")
            || fd.contains_key(b"FontFile3")
    });
    let name = font.get::<Name<'_>>(b"BaseFont")?;
    if !single_byte || !chinese_font_name(&name) {
        return None;
    }
    Some(embedded.then(|| strip_subset(name.as_str()).to_string()))
}

/// GBK byte pairs in the character codes of one run of a simple font: per code,
/// `Some(text)` for a lead byte (the pair's character), `Some("")` for its trail
/// byte, None to keep the code's own text. None for the whole run unless it holds a
/// high byte and every high byte is part of a valid pair.
pub(crate) fn gbk_pairs(codes: &[u32]) -> Option<Vec<Option<String>>> {
    if !codes.iter().any(|&c| (0x81..=0xFE).contains(&c)) || codes.iter().any(|&c| c > 0xFF) {
        return None;
    }
    let mut out = Vec::with_capacity(codes.len());
    let mut i = 0;
    while i < codes.len() {
        let c = codes[i];
        if c < 0x80 {
            out.push(None);
            i += 1;
            continue;
        }
        let t = *codes.get(i + 1)?;
        if !(0x81..=0xFE).contains(&c) || !(0x40..=0xFE).contains(&t) || t == 0x7F {
            return None;
        }
        let ch = decode_with(encoding_rs::GBK, &[c as u8, t as u8])?;
        out.push(Some(ch));
        out.push(Some(String::new()));
        i += 2;
    }
    Some(out)
}

fn font_streams<'a>(font: &Dict<'a>) -> Vec<Stream<'a>> {
    let mut out = Vec::new();
    let mut push_descriptor = |d: &Dict<'a>| {
        if let Some(fd) = d.get::<Dict<'a>>(b"FontDescriptor") {
            for k in [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"] {
                if let Some(s) = fd.get::<Stream<'a>>(k) {
                    out.push(s);
                }
            }
        }
    };
    push_descriptor(font);
    if let Some(a) = font.get::<Array<'a>>(b"DescendantFonts")
        && let Some(d) = a.iter::<Dict<'a>>().next()
    {
        push_descriptor(&d);
    }
    if let Some(s) = font.get::<Stream<'a>>(b"ToUnicode") {
        out.push(s);
    }
    out
}

/// Strip a `ABCDEF+` subset prefix.
pub(crate) fn strip_subset(name: &str) -> &str {
    match name.split_once('+') {
        Some((p, rest)) if p.len() == 6 => rest,
        _ => name,
    }
}

impl FontMap {
    /// Whether a font of this BaseFont name is a Type0 font.
    pub(crate) fn is_type0(&self, name: &str) -> bool {
        self.by_name.contains_key(strip_subset(name))
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.by_name.is_empty()
    }

    /// Whether some font may need an override even when hayro found Unicode
    /// (a GBK/GB-encoded font without ToUnicode).
    pub(crate) fn has_gbk(&self) -> bool {
        self.by_name.values().flatten().any(|i| {
            !i.has_to_unicode && matches!(i.decoder, Some(Decoder::Gbk | Decoder::Gb18030))
        })
    }

    /// Record a font dictionary (only Type0 fonts matter).
    pub(crate) fn add_font(&mut self, font: &Dict<'_>) {
        if let Some(id) = font.obj_id()
            && !self.seen.insert(id)
        {
            return;
        }
        if self.max_stream_bytes > 0
            && font_streams(font)
                .iter()
                .any(|s| super::guard::inflates_beyond(s, self.max_stream_bytes))
        {
            self.bomb = true;
        }
        if font.get::<Name<'_>>(b"Subtype").as_deref() != Some(b"Type0".as_slice()) {
            match gbk_suspect_simple_font(font) {
                Some(None) => self.gbk_simple = true,
                Some(Some(name)) => {
                    self.gbk_simple = true;
                    self.gbk_simple_embedded.insert(name);
                }
                None => {}
            }
            return;
        }
        let Some(base) = font.get::<Name<'_>>(b"BaseFont") else {
            return;
        };
        let base = strip_subset(base.as_str()).to_string();
        let has_to_unicode = font.contains_key(b"ToUnicode");
        let descendant = font
            .get::<Array<'_>>(b"DescendantFonts")
            .and_then(|a| a.iter::<Dict<'_>>().next());
        let descriptor = descendant
            .as_ref()
            .and_then(|d| d.get::<Dict<'_>>(b"FontDescriptor"));
        let embedded = descriptor.as_ref().is_some_and(|fd| {
            fd.contains_key(b"FontFile")
                || fd.contains_key(b"FontFile2")
                || fd.contains_key(b"FontFile3")
        });
        let decoder = if let Some(enc) = font.get::<Name<'_>>(b"Encoding") {
            let enc = enc.as_str();
            if enc == "Identity-H" || enc == "Identity-V" {
                descendant
                    .as_ref()
                    .and_then(|d| d.get::<Dict<'_>>(b"CIDSystemInfo"))
                    .and_then(|csi| {
                        let registry = csi.get::<hayro_syntax::object::String<'_>>(b"Registry")?;
                        let ordering = csi.get::<hayro_syntax::object::String<'_>>(b"Ordering")?;
                        if registry.as_bytes() == b"Adobe" {
                            Decoder::from_ordering(ordering.as_bytes())
                        } else {
                            None
                        }
                    })
            } else {
                Decoder::from_encoding_name(enc)
            }
        } else {
            None
        };
        let fallback = if let Some(n) = font.get::<Name<'_>>(b"ToUnicode") {
            if matches!(&*n, b"Identity-H" | b"Identity-V") {
                Fallback::Identity
            } else {
                Fallback::None
            }
        } else if let Some(s) = font.get::<Stream<'_>>(b"ToUnicode") {
            s.decoded()
                .ok()
                .and_then(|data| repaired_to_unicode(&data))
                .map_or(Fallback::None, |m| {
                    Fallback::Repaired(std::sync::Arc::new(m))
                })
        } else {
            let identity_collection = descendant
                .as_ref()
                .and_then(|d| d.get::<Dict<'_>>(b"CIDSystemInfo"))
                .and_then(|csi| csi.get::<hayro_syntax::object::String<'_>>(b"Ordering"))
                .is_some_and(|o| o.as_bytes() == b"Identity");
            let cid_to_gid_stream = descendant
                .as_ref()
                .is_some_and(|d| d.get::<Stream<'_>>(b"CIDToGIDMap").is_some());
            if identity_collection && cid_to_gid_stream && !embedded {
                Fallback::Identity
            } else {
                Fallback::None
            }
        };
        self.by_name.entry(base).or_default().push(Type0Info {
            decoder,
            has_to_unicode,
            embedded,
            fallback,
        });
    }

    /// Decide the text of a glyph of a Type0 font called `name`. `hayro` is what hayro
    /// found (None when it has no mapping). Returns None to keep hayro's answer.
    ///
    /// - hayro has no mapping (embedded font, no ToUnicode): decode the code through
    ///   the font's predefined CMap ourselves.
    /// - hayro maps a GBK/GB single-byte code (0x20..0x7E) to its full-width form
    ///   (through Adobe-GB1's half-width CIDs): the GBK bytes say ASCII, so ASCII.
    pub(crate) fn decode(
        &self,
        name: &str,
        embedded: bool,
        code: u32,
        hayro: Option<&str>,
    ) -> Option<String> {
        let infos = self.by_name.get(strip_subset(name))?;
        let same: Vec<&Type0Info> = infos.iter().filter(|i| i.embedded == embedded).collect();
        let matching: Vec<&Type0Info> = if same.is_empty() {
            infos.iter().collect()
        } else {
            same
        };
        match hayro {
            Some(t) => {
                let gbk = matching.iter().any(|i| {
                    !i.has_to_unicode && matches!(i.decoder, Some(Decoder::Gbk | Decoder::Gb18030))
                });
                if !gbk || !(0x20..=0x7E).contains(&code) {
                    return None;
                }
                let mut chars = t.chars();
                let (Some(c), None) = (chars.next(), chars.next()) else {
                    return None;
                };
                let ascii = char::from_u32(code)?;
                let fullwidth = if code == 0x20 {
                    '\u{3000}'
                } else {
                    char::from_u32(code + 0xFEE0)?
                };
                (c == fullwidth || c == ascii).then(|| ascii.to_string())
            }
            None => {
                if let Some(decoder) = matching
                    .iter()
                    .filter(|i| !i.has_to_unicode)
                    .find_map(|i| i.decoder)
                    && let Some(t) = decode_code(decoder, code)
                {
                    return Some(t);
                }
                matching.iter().find_map(|i| match &i.fallback {
                    Fallback::None => None,
                    Fallback::Identity => char::from_u32(code)
                        .filter(|c| !c.is_control() && *c != '\u{FFFF}' && *c != '\u{FFFE}')
                        .map(|c| c.to_string()),
                    Fallback::Repaired(map) => map
                        .lookup_bf_string(code)
                        .map(|bf| match bf {
                            BfString::Char(c) => c.to_string(),
                            BfString::String(s) => s,
                        })
                        .filter(|t| !t.chars().all(char::is_control)),
                })
            }
        }
    }
}

/// A ToUnicode CMap that hayro's parser rejects, read leniently: when the stream
/// does not parse as it is, its code space ranges and `bfchar` / `bfrange`
/// sections (the part that carries the mapping) are put into a minimal well-formed
/// CMap and parsed again; a section that still fails is left out. None when the
/// stream parses as it is (hayro has it) or nothing of it is usable.
fn repaired_to_unicode(data: &[u8]) -> Option<CMap> {
    if CMap::parse(data, hayro_cmap::load_embedded).is_some() {
        return None;
    }
    let text = String::from_utf8_lossy(data);
    let sections = |begin: &str, end: &str| -> Vec<String> {
        let mut out = Vec::new();
        let mut rest = text.as_ref();
        while let Some(b) = rest.find(begin) {
            let after = &rest[b + begin.len()..];
            let Some(e) = after.find(end) else {
                break;
            };
            out.push(after[..e].to_string());
            rest = &after[e + end.len()..];
        }
        out
    };
    let wrap = |body: &str| {
        format!(
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap \
             /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def \
             /CMapName /Repaired def /CMapType 2 def\n{body}\nendcmap \
             CMapName currentdict /CMap defineresource pop end end\n"
        )
    };
    let mut body = String::new();
    for cs in sections("begincodespacerange", "endcodespacerange") {
        body.push_str(&format!("1 begincodespacerange {cs} endcodespacerange\n"));
    }
    if body.is_empty() {
        body.push_str("1 begincodespacerange <0000> <FFFF> endcodespacerange\n");
    }
    let parses = |body: &str| CMap::parse(wrap(body).as_bytes(), hayro_cmap::load_embedded);
    let space = body.clone();
    let mut any = false;
    for (begin, end) in [("beginbfchar", "endbfchar"), ("beginbfrange", "endbfrange")] {
        for sec in sections(begin, end) {
            // The whole section, else its lines one by one (the entry count before
            // `begin…` is not needed by the parser).
            let part = format!("1 {begin} {sec} {end}\n");
            if parses(&format!("{space}{part}")).is_some() {
                body.push_str(&part);
                any = true;
                continue;
            }
            for line in sec.lines().filter(|l| !l.trim().is_empty()) {
                let part = format!("1 {begin} {line} {end}\n");
                if parses(&format!("{space}{part}")).is_some() {
                    body.push_str(&part);
                    any = true;
                }
            }
        }
    }
    if !any {
        return None;
    }
    parses(&body)
}

fn code_bytes(code: u32) -> Vec<u8> {
    if code <= 0xFF {
        vec![code as u8]
    } else if code <= 0xFFFF {
        vec![(code >> 8) as u8, code as u8]
    } else if code <= 0xFF_FFFF {
        vec![(code >> 16) as u8, (code >> 8) as u8, code as u8]
    } else {
        code.to_be_bytes().to_vec()
    }
}

fn decode_with(enc: &'static encoding_rs::Encoding, bytes: &[u8]) -> Option<String> {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors || text.is_empty() {
        None
    } else {
        Some(text.into_owned())
    }
}

fn collection_map(
    name: CMapName<'static>,
    slot: &'static OnceLock<Option<CMap>>,
) -> Option<&'static CMap> {
    slot.get_or_init(|| {
        let data = hayro_cmap::load_embedded(name)?;
        CMap::parse(data, hayro_cmap::load_embedded)
    })
    .as_ref()
}

fn lookup_collection(decoder: Decoder, cid: u32) -> Option<String> {
    static GB1: OnceLock<Option<CMap>> = OnceLock::new();
    static CNS1: OnceLock<Option<CMap>> = OnceLock::new();
    static JAPAN1: OnceLock<Option<CMap>> = OnceLock::new();
    static KOREA1: OnceLock<Option<CMap>> = OnceLock::new();
    let map = match decoder {
        Decoder::AdobeGb1 => collection_map(CMapName::AdobeGb1Ucs2, &GB1),
        Decoder::AdobeCns1 => collection_map(CMapName::AdobeCns1Ucs2, &CNS1),
        Decoder::AdobeJapan1 => collection_map(CMapName::AdobeJapan1Ucs2, &JAPAN1),
        Decoder::AdobeKorea1 => collection_map(CMapName::AdobeKorea1Ucs2, &KOREA1),
        _ => None,
    }?;
    if let Some(bf) = map.lookup_bf_string(cid) {
        return Some(match bf {
            BfString::Char(c) => c.to_string(),
            BfString::String(s) => s,
        });
    }
    for len in 1..=4 {
        if let Some(u) = map.lookup_cid_code(cid, len)
            && let Some(c) = char::from_u32(u)
        {
            return Some(c.to_string());
        }
    }
    None
}

/// Decode one character code with a decoder. None when the code is not valid.
pub(crate) fn decode_code(decoder: Decoder, code: u32) -> Option<String> {
    let text = match decoder {
        Decoder::Gbk => decode_with(encoding_rs::GBK, &code_bytes(code)),
        Decoder::Gb18030 => decode_with(encoding_rs::GB18030, &code_bytes(code)),
        Decoder::Big5 => decode_with(encoding_rs::BIG5, &code_bytes(code)),
        Decoder::ShiftJis => decode_with(encoding_rs::SHIFT_JIS, &code_bytes(code)),
        Decoder::EucKr => decode_with(encoding_rs::EUC_KR, &code_bytes(code)),
        Decoder::Utf8 => std::str::from_utf8(&code_bytes(code))
            .ok()
            .map(str::to_string),
        Decoder::Ucs2 | Decoder::Utf32 => char::from_u32(code).map(|c| c.to_string()),
        Decoder::Utf16 => {
            if code > 0xFFFF {
                let units = [(code >> 16) as u16, code as u16];
                String::from_utf16(&units).ok()
            } else {
                char::from_u32(code).map(|c| c.to_string())
            }
        }
        Decoder::AdobeGb1 | Decoder::AdobeCns1 | Decoder::AdobeJapan1 | Decoder::AdobeKorea1 => {
            lookup_collection(decoder, code)
        }
    }?;
    if text.chars().all(|c| c.is_control()) {
        return None;
    }
    Some(text)
}

/// Last resort for glyphs with no Unicode at all (embedded font without ToUnicode
/// and without a predefined CMap, e.g. Identity-H): the font program's own `cmap`
/// table read backwards (glyph id -> character), cached per font program.
#[derive(Default)]
pub(crate) struct ReverseCmaps(HashMap<u128, Option<HashMap<u32, char>>>);

impl ReverseCmaps {
    pub(crate) fn lookup(&mut self, key: u128, data: &[u8], gid: u32) -> Option<char> {
        self.0
            .entry(key)
            .or_insert_with(|| reverse_cmap(data))
            .as_ref()?
            .get(&gid)
            .copied()
    }
}

fn reverse_cmap(data: &[u8]) -> Option<HashMap<u32, char>> {
    use skrifa::MetadataProvider;
    let font = skrifa::FontRef::new(data).ok()?;
    let mut map = HashMap::new();
    for (cp, gid) in font.charmap().mappings() {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        // Private-use code points (symbol cmaps) say nothing about the text.
        if ('\u{E000}'..='\u{F8FF}').contains(&c) || c.is_control() {
            continue;
        }
        map.entry(gid.to_u32()).or_insert(c);
    }
    // Glyphs the cmap does not reach (subset fonts often have none): their names in
    // the `post` table (`uni7EE9`, `u1F600`, `A`, `zero` …), as poppler does.
    if let Ok(post) = skrifa::raw::TableProvider::post(&font) {
        for (gid, name) in post.glyph_names().take(1 << 16) {
            if let std::collections::hash_map::Entry::Vacant(e) = map.entry(gid.to_u32())
                && let Some(c) = glyph_name_char(name)
            {
                e.insert(c);
            }
        }
    }
    (!map.is_empty()).then_some(map)
}

/// The character a glyph name stands for: the Adobe Glyph List and ITC Zapf Dingbats
/// names, `uniXXXX`, `uXXXX`–`uXXXXXX` (skrifa's table, the one FreeType uses); a
/// suffix after `.` is ignored (`one.tf`). None for any other name, and for control
/// characters.
pub(crate) fn glyph_name_char(name: &str) -> Option<char> {
    skrifa::raw::ps::agl::name_to_char(name).filter(|c| !c.is_control())
}

/// Collect fonts reachable from a resource dictionary (through form XObjects too).
pub(crate) fn scan_resources(
    font_dict: &Dict<'_>,
    xobjs: &Dict<'_>,
    fonts: &mut FontMap,
    visited_forms: &mut HashSet<ObjectIdentifier>,
    depth: u32,
) {
    if depth > 16 {
        return;
    }
    {
        let keys: Vec<Name<'_>> = font_dict.keys().collect();
        for k in keys {
            if let Some(f) = font_dict.get::<Dict<'_>>(k.as_ref()) {
                fonts.add_font(&f);
            }
        }
    }
    {
        let keys: Vec<Name<'_>> = xobjs.keys().collect();
        for k in keys {
            let Some(s) = xobjs.get::<Stream<'_>>(k.as_ref()) else {
                continue;
            };
            if s.dict().get::<Name<'_>>(b"Subtype").as_deref() != Some(b"Form".as_slice()) {
                continue;
            }
            if !visited_forms.insert(s.obj_id()) {
                continue;
            }
            if let Some(r) = s.dict().get::<Dict<'_>>(b"Resources") {
                let f = r.get::<Dict<'_>>(b"Font").unwrap_or_default();
                let x = r.get::<Dict<'_>>(b"XObject").unwrap_or_default();
                scan_resources(&f, &x, fonts, visited_forms, depth + 1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_single_byte_is_ascii() {
        assert_eq!(decode_code(Decoder::Gbk, 0x41).as_deref(), Some("A"));
        assert_eq!(decode_code(Decoder::Gbk, 0x31).as_deref(), Some("1"));
        assert_eq!(decode_code(Decoder::Gbk, 0xBCA8).as_deref(), Some("绩"));
        assert_eq!(decode_code(Decoder::Ucs2, 0x7EE9).as_deref(), Some("绩"));
        assert_eq!(
            decode_code(Decoder::Utf16, 0xD840_DC00).as_deref(),
            Some("\u{20000}")
        );
        assert_eq!(decode_code(Decoder::Gbk, 0x00), None);
    }

    #[test]
    fn gbk_pairs_and_names() {
        let codes: Vec<u32> = b"\xc8\xab20\xca\xc0"
            .iter()
            .map(|&b| u32::from(b))
            .collect();
        let p = gbk_pairs(&codes).unwrap();
        assert_eq!(p[0].as_deref(), Some("全"));
        assert_eq!(p[1].as_deref(), Some(""));
        assert_eq!(p[2], None);
        assert_eq!(p[4].as_deref(), Some("世"));
        // Latin-1 text: a high byte followed by ASCII is not GBK.
        assert!(gbk_pairs(&[0x63, 0x61, 0x66, 0xE9, 0x20]).is_none());
        assert!(gbk_pairs(&[0x41, 0x42]).is_none());
        assert!(chinese_font_name(b"\xcb\xce\xcc\xe5"));
        assert!(chinese_font_name("仿宋_GB2312".as_bytes()));
        assert!(chinese_font_name(b"ABCDEF+FZXiaoBiaoSong-B05S"));
        assert!(chinese_font_name(b"FangSong_GB2312"));
        assert!(!chinese_font_name(b"Helvetica"));
        assert!(!chinese_font_name(b"TimesNewRomanPSMT"));
    }

    #[test]
    fn glyph_names() {
        assert_eq!(glyph_name_char("uni7EE9"), Some('绩'));
        assert_eq!(glyph_name_char("u1F600"), Some('\u{1F600}'));
        assert_eq!(glyph_name_char("zero.tf"), Some('0'));
        assert_eq!(glyph_name_char("A"), Some('A'));
        assert_eq!(glyph_name_char("glyph123"), None);
        // The full glyph list, not only ASCII names.
        assert_eq!(glyph_name_char("eacute"), Some('é'));
        assert_eq!(glyph_name_char("Euro"), Some('€'));
        assert_eq!(glyph_name_char("afii10017"), Some('А'));
        assert_eq!(glyph_name_char("a20"), Some('✔'));
        assert_eq!(glyph_name_char("g12"), None);
    }

    #[test]
    fn gb1_collection() {
        // CID 4074 is U+4E00 in Adobe-GB1.
        assert!(decode_code(Decoder::AdobeGb1, 4074).is_some());
    }
}
