//! Protection against form XObjects that call themselves or fan out
//! exponentially (hayro bounds the nesting depth at 50, but a form drawn twice at
//! every level would still take 2^50 steps).

use std::collections::{HashMap, HashSet};

use std::io::Read;

use hayro_syntax::Filter;
use hayro_syntax::content::UntypedIter;
use hayro_syntax::object::{Array, Dict, Name, ObjectIdentifier, Stream};

/// Whether a Flate-compressed stream inflates to more than `cap` bytes (a
/// decompression bomb).
///
/// - A chain of Flate filters (`[/FlateDecode /FlateDecode]`) is followed
///   through every stage, since each multiplies.
/// - ASCIIHex / ASCII85 / RunLength / LZW stages in front of it are decoded
///   first; RunLength and LZW, which expand too, are bounded by the cap
///   themselves.
/// - A stream large enough to pass the cap that a strict inflater cannot
///   read to its end counts as a bomb too: the interpreter's lenient inflater
///   would go on past the damage, beyond what could be measured.
///
/// Decodes in a streaming fashion with bounded memory.
pub(crate) fn inflates_beyond(s: &Stream<'_>, cap: u64) -> bool {
    let filters = s.filters();
    let raw = s.raw_data();
    let mut data = std::borrow::Cow::Borrowed(raw.as_ref());
    let mut first = 0;
    let expands = |f: &Filter| {
        matches!(
            f,
            Filter::FlateDecode | Filter::LzwDecode | Filter::RunLengthDecode
        )
    };
    while let Some(f) = filters.get(first) {
        if !filters[first..].iter().any(expands) {
            return false;
        }
        // An expanding stage with none after it is only counted, not kept.
        let keep = filters[first + 1..].iter().any(expands);
        let decoded = match f {
            Filter::AsciiHexDecode => ascii_hex(&data),
            Filter::Ascii85Decode => ascii85(&data),
            Filter::RunLengthDecode => match run_length(&data, cap, keep) {
                Some(d) => d,
                None => return true,
            },
            Filter::LzwDecode => match lzw(&data, early_change(s.dict(), first), cap, keep) {
                Some(d) => d,
                None => return true,
            },
            _ => break,
        };
        data = std::borrow::Cow::Owned(decoded);
        first += 1;
    }
    let stages = filters[first..]
        .iter()
        .take_while(|f| **f == Filter::FlateDecode)
        .count();
    if stages == 0 {
        return false;
    }
    // Deflate expands at most about 1032:1 per stage, so a stream this small
    // cannot pass the cap: no need to inflate it just to measure it.
    let most = (0..stages).fold(data.len() as u64, |n, _| n.saturating_mul(1032));
    if most <= cap {
        return false;
    }
    // (bytes read, whether reading stopped on an error before the end)
    let count = |r: &mut dyn Read| -> (u64, bool) {
        let mut buf = vec![0u8; 64 * 1024];
        let mut total = 0u64;
        while total <= cap {
            match r.read(&mut buf) {
                Ok(0) => return (total, false),
                Ok(n) => total += n as u64,
                Err(_) => return (total, true),
            }
        }
        (total, false)
    };
    let (n, damaged) = if stages == 1 {
        // Measure with the input consumed known, so that a stream damaged near
        // its end is refused only if what is left of it could still pass the
        // cap. Some producers write raw deflate without the zlib header.
        let mut z = flate2::read::ZlibDecoder::new(&data[..]);
        let (mut n, mut damaged) = count(&mut z);
        let mut left = data.len() as u64 - z.total_in();
        if n == 0 {
            let mut d = flate2::read::DeflateDecoder::new(&data[..]);
            (n, damaged) = count(&mut d);
            left = data.len() as u64 - d.total_in();
        }
        (
            n,
            damaged && n.saturating_add(left.saturating_mul(1032)) > cap,
        )
    } else {
        let mut chain: Box<dyn Read + '_> = Box::new(&data[..]);
        for _ in 0..stages {
            chain = Box::new(flate2::read::ZlibDecoder::new(chain));
        }
        count(&mut chain)
    };
    n > cap || damaged
}

/// RunLengthDecode, or `None` when the output would pass `cap`. Without
/// `keep` the output is only counted (and an empty vector returned).
fn run_length(data: &[u8], cap: u64, keep: bool) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut total = 0u64;
    let mut i = 0;
    while let Some(&len) = data.get(i) {
        match len {
            128 => break,
            0..=127 => {
                let run = data.get(i + 1..i + 2 + usize::from(len))?;
                if keep {
                    out.extend_from_slice(run);
                }
                total += run.len() as u64;
                i += 2 + usize::from(len);
            }
            _ => {
                let b = *data.get(i + 1)?;
                let n = 257 - usize::from(len);
                if keep {
                    out.extend(std::iter::repeat_n(b, n));
                }
                total += n as u64;
                i += 2;
            }
        }
        if total > cap {
            return None;
        }
    }
    Some(out)
}

/// LZWDecode (codes MSB first, 8-bit symbols), or `None` when the output
/// would pass `cap`. Like the interpreter's decoder it stops at the end code
/// or at a bad code. Without `keep` the output is only counted.
fn lzw(data: &[u8], early_change: bool, cap: u64, keep: bool) -> Option<Vec<u8>> {
    use weezl::{BitOrder, LzwStatus, decode::Decoder};
    let mut decoder = if early_change {
        Decoder::with_tiff_size_switch(BitOrder::Msb, 8)
    } else {
        Decoder::new(BitOrder::Msb, 8)
    };
    let mut out = Vec::new();
    let mut total = 0u64;
    let mut buf = vec![0u8; 64 * 1024];
    let mut input = data;
    loop {
        let step = decoder.decode_bytes(input, &mut buf);
        input = &input[step.consumed_in..];
        if keep {
            out.extend_from_slice(&buf[..step.consumed_out]);
        }
        total += step.consumed_out as u64;
        if total > cap {
            return None;
        }
        match step.status {
            Ok(LzwStatus::Ok) => {}
            Ok(LzwStatus::NoProgress | LzwStatus::Done) | Err(_) => return Some(out),
        }
    }
}

/// `/EarlyChange` of the LZW filter at `stage` (default 1), found where the
/// interpreter finds it: a `/DecodeParms` dictionary for a single filter,
/// the stage's entry of a `/DecodeParms` array for an array of filters.
fn early_change(dict: &Dict<'_>, stage: usize) -> bool {
    let single = dict.get::<Name<'_>>(b"F").is_some() || dict.get::<Name<'_>>(b"Filter").is_some();
    let params = if single {
        dict.get::<Dict<'_>>(b"DP")
            .or_else(|| dict.get::<Dict<'_>>(b"DecodeParms"))
    } else {
        dict.get::<Array<'_>>(b"DP")
            .or_else(|| dict.get::<Array<'_>>(b"DecodeParms"))
            .and_then(|a| a.iter::<hayro_syntax::object::Object<'_>>().nth(stage))
            .and_then(hayro_syntax::object::Object::into_dict)
    };
    params
        .and_then(|p| p.get::<u8>(b"EarlyChange"))
        .is_none_or(|e| e != 0)
}

/// ASCIIHexDecode: hex digit pairs, white space ignored, `>` ends.
fn ascii_hex(data: &[u8]) -> Vec<u8> {
    let digits = data
        .iter()
        .take_while(|&&b| b != b'>')
        .filter_map(|&b| char::from(b).to_digit(16));
    let mut out = Vec::with_capacity(data.len() / 2);
    let mut high: Option<u32> = None;
    for d in digits {
        match high.take() {
            #[allow(clippy::cast_possible_truncation)]
            Some(h) => out.push((h * 16 + d) as u8),
            None => high = Some(d),
        }
    }
    if let Some(h) = high {
        #[allow(clippy::cast_possible_truncation)]
        out.push((h * 16) as u8);
    }
    out
}

/// ASCII85Decode: groups of five `!`..`u`, `z` for four zeros, `~>` ends.
fn ascii85(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut group = [0u8; 5];
    let mut len = 0;
    for &b in data {
        match b {
            b'~' => break,
            b'z' if len == 0 => out.extend_from_slice(&[0; 4]),
            b'!'..=b'u' => {
                group[len] = b - b'!';
                len += 1;
                if len == 5 {
                    let v = group.iter().fold(0u64, |v, &d| v * 85 + u64::from(d));
                    #[allow(clippy::cast_possible_truncation)]
                    out.extend_from_slice(&(v as u32).to_be_bytes());
                    len = 0;
                }
            }
            _ => {}
        }
    }
    if len > 1 {
        for slot in group.iter_mut().skip(len) {
            *slot = 84;
        }
        let v = group.iter().fold(0u64, |v, &d| v * 85 + u64::from(d));
        #[allow(clippy::cast_possible_truncation)]
        out.extend_from_slice(&(v as u32).to_be_bytes()[..len - 1]);
    }
    out
}

/// Deepest nesting of arrays and dictionaries allowed in a content stream.
/// Deeper operands make the interpreter drop the rest of the page, which
/// would give a silently incomplete page: such a page is refused instead.
pub(crate) const MAX_OPERAND_NESTING: usize = 256;

/// Whether a content stream nests arrays or dictionaries deeper than `max`.
/// Literal strings, hex strings and comments are skipped.
pub(crate) fn nested_beyond(data: &[u8], max: usize) -> bool {
    let mut depth = 0usize;
    let mut i = 0;
    while i < data.len() {
        match data[i] {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'(' => {
                let mut level = 1;
                i += 1;
                while i < data.len() && level > 0 {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => level += 1,
                        b')' => level -= 1,
                        _ => {}
                    }
                    i += 1;
                }
                continue;
            }
            b'<' if data.get(i + 1) == Some(&b'<') => {
                depth += 1;
                i += 1;
            }
            b'<' => {
                while i < data.len() && data[i] != b'>' {
                    i += 1;
                }
            }
            b'>' if data.get(i + 1) == Some(&b'>') => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b'[' => depth += 1,
            b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > max {
            return true;
        }
        i += 1;
    }
    false
}

/// The page's content streams (`/Contents` is one stream or an array).
fn content_streams<'a>(page: &Dict<'a>) -> Vec<Stream<'a>> {
    if let Some(s) = page.get::<Stream<'_>>(b"Contents") {
        return vec![s];
    }
    page.get::<Array<'_>>(b"Contents")
        .map(|a| a.iter::<Stream<'_>>().collect())
        .unwrap_or_default()
}

/// Whether one of the page's content streams is a decompression bomb.
pub(crate) fn contents_beyond(page: &Dict<'_>, cap: u64) -> bool {
    content_streams(page)
        .iter()
        .any(|s| inflates_beyond(s, cap))
}

/// Whether one of the page's content streams nests operands deeper than `max`.
pub(crate) fn contents_nested_beyond(page: &Dict<'_>, max: usize) -> bool {
    content_streams(page)
        .iter()
        .any(|s| s.decoded().is_ok_and(|d| nested_beyond(&d, max)))
}

#[derive(Default)]
pub(crate) struct FormGuard {
    /// Cap on the inflated size of one form stream.
    pub(crate) max_stream_bytes: u64,
    /// Set when a form stream was found to be a decompression bomb.
    pub(crate) bomb: bool,
    /// Expanded number of form invocations per form object.
    memo: HashMap<ObjectIdentifier, u64>,
}

/// Names used with the `Do` operator in a content stream.
fn do_names(data: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    if !data.windows(2).any(|w| w == b"Do") {
        return out;
    }
    let mut iter = UntypedIter::new(data);
    while let Some(instr) = iter.next() {
        if &**instr.operator == b"Do"
            && let Some(name) = instr.operands().last().and_then(|o| o.clone().into_name())
        {
            out.push(name.as_ref().to_vec());
        }
    }
    out
}

fn is_form(s: &Stream<'_>) -> bool {
    s.dict().get::<Name<'_>>(b"Subtype").as_deref() == Some(b"Form".as_slice())
}

/// The normal appearance streams of the annotations of a page (hidden and no-view
/// annotations left out), at most `max` of them.
pub(crate) fn annotation_appearances<'a>(page: &Dict<'a>, max: usize) -> Vec<Stream<'a>> {
    const HIDDEN: u32 = 1 << 1;
    const NO_VIEW: u32 = 1 << 5;
    let mut out = Vec::new();
    let Some(annots) = page.get::<Array<'a>>(b"Annots") else {
        return out;
    };
    for a in annots.iter::<Dict<'a>>().take(max) {
        if a.get::<u32>(b"F").unwrap_or(0) & (HIDDEN | NO_VIEW) != 0 {
            continue;
        }
        let Some(ap) = a.get::<Dict<'a>>(b"AP") else {
            continue;
        };
        if let Some(s) = ap.get::<Stream<'a>>(b"N") {
            out.push(s);
        } else if let Some(states) = ap.get::<Dict<'a>>(b"N") {
            let state = a
                .get::<Name<'a>>(b"AS")
                .and_then(|st| states.get::<Stream<'a>>(st.as_ref()))
                .or_else(|| states.get::<Stream<'a>>(b"Off"));
            out.extend(state);
        }
    }
    out
}

impl FormGuard {
    /// Whether the annotation appearances of a page are safe to draw: no stream is a
    /// decompression bomb or nests operands too deep, and the forms each draws stay
    /// within `limit` invocations.
    pub(crate) fn appearances_ok(&mut self, aps: &[Stream<'_>], limit: u64) -> bool {
        for s in aps {
            if inflates_beyond(s, self.max_stream_bytes)
                || s.decoded()
                    .is_ok_and(|d| nested_beyond(&d, MAX_OPERAND_NESTING))
            {
                return false;
            }
            let xobjs = s
                .dict()
                .get::<Dict<'_>>(b"Resources")
                .and_then(|r| r.get::<Dict<'_>>(b"XObject"))
                .unwrap_or_default();
            let mut stack = HashSet::new();
            if self.expansion(s, &xobjs, &mut stack, limit) > limit {
                return false;
            }
        }
        true
    }

    fn expansion(
        &mut self,
        form: &Stream<'_>,
        inherited_xobjs: &Dict<'_>,
        stack: &mut HashSet<ObjectIdentifier>,
        limit: u64,
    ) -> u64 {
        let id = form.obj_id();
        if let Some(v) = self.memo.get(&id) {
            return *v;
        }
        if stack.len() > 64 || !stack.insert(id) {
            // A form that (indirectly) draws itself.
            return limit.saturating_add(1);
        }
        if inflates_beyond(form, self.max_stream_bytes) {
            self.bomb = true;
            stack.remove(&id);
            return limit.saturating_add(1);
        }
        let names = match form.decoded() {
            Ok(data) => do_names(&data),
            Err(_) => Vec::new(),
        };
        let xobjs = match form.dict().get::<Dict<'_>>(b"Resources") {
            Some(res) => res.get::<Dict<'_>>(b"XObject").unwrap_or_default(),
            None => inherited_xobjs.clone(),
        };
        let mut total: u64 = 0;
        for n in names {
            total = total.saturating_add(1);
            if let Some(child) = xobjs.get::<Stream<'_>>(n.as_slice())
                && is_form(&child)
            {
                let e = self.expansion(&child, &xobjs, stack, limit);
                total = total.saturating_add(e);
            }
            if total > limit {
                break;
            }
        }
        stack.remove(&id);
        self.memo.insert(id, total);
        total
    }

    /// Whether the forms reachable from these page resources stay within `limit`
    /// invocations each.
    pub(crate) fn page_ok(&mut self, xobjs: &Dict<'_>, limit: u64) -> bool {
        let keys: Vec<Name<'_>> = xobjs.keys().collect();
        for k in keys {
            if let Some(s) = xobjs.get::<Stream<'_>>(k.as_ref())
                && is_form(&s)
            {
                let mut stack = HashSet::new();
                if self.expansion(&s, xobjs, &mut stack, limit) > limit {
                    return false;
                }
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::{ascii_hex, ascii85, lzw, nested_beyond, run_length};

    #[test]
    fn text_filters() {
        assert_eq!(ascii_hex(b"48 65 6c6C6f>ignored"), b"Hello");
        assert_eq!(ascii_hex(b"4"), [0x40]);
        assert_eq!(ascii85(b"87cURD]i,\"Ebo80~>"), b"Hello World!");
        assert_eq!(ascii85(b"z~>"), [0, 0, 0, 0]);
        assert_eq!(
            run_length(&[2, b'a', b'b', b'c', 254, b'x', 128], 100, true).unwrap(),
            b"abcxxx"
        );
        assert_eq!(
            run_length(&[129, 0, 129, 0], 200, true),
            None,
            "over the cap"
        );
        // Counted only: nothing kept, the cap still holds.
        assert_eq!(run_length(&[129, 0, 129, 0], 256, false), Some(vec![]));
        assert_eq!(run_length(&[129, 0, 129, 0], 255, false), None);
    }

    #[test]
    fn lzw_both_code_switches_and_the_cap() {
        use weezl::{BitOrder, encode::Encoder};
        let text = b"BT /F1 12 Tf (TOBEORNOTTOBEORTOBEORNOT) Tj ET ".repeat(50);
        let early = Encoder::with_tiff_size_switch(BitOrder::Msb, 8)
            .encode(&text)
            .unwrap();
        let late = Encoder::new(BitOrder::Msb, 8).encode(&text).unwrap();
        assert_ne!(early, late);
        assert_eq!(lzw(&early, true, 1 << 20, true).unwrap(), text);
        assert_eq!(lzw(&late, false, 1 << 20, true).unwrap(), text);
        // 1 MiB of zeros is about 1.5 KB of codes.
        let zeros = Encoder::with_tiff_size_switch(BitOrder::Msb, 8)
            .encode(&vec![0u8; 1 << 20])
            .unwrap();
        assert!(zeros.len() < 4096, "{}", zeros.len());
        assert_eq!(
            lzw(&zeros, true, 1 << 20, true).map(|d| d.len()),
            Some(1 << 20)
        );
        assert_eq!(lzw(&zeros, true, (1 << 20) - 1, true), None, "over the cap");
        assert_eq!(lzw(&zeros, true, 1 << 20, false), Some(vec![]), "counted");
        assert_eq!(lzw(&zeros, true, (1 << 20) - 1, false), None);
        // A bad code ends the output where it stands.
        assert_eq!(lzw(&[0xFF, 0xFF, 0xFF], true, 100, true), Some(vec![]));
    }

    #[test]
    fn nesting_depth() {
        assert!(!nested_beyond(b"BT [(a) -20 (b)] TJ ET", 2));
        assert!(nested_beyond(b"[[[1]]] pop", 2));
        assert!(!nested_beyond(b"<< /A << /B 1 >> >> BDC", 2));
        assert!(nested_beyond(b"<< /A << /B [1] >> >> BDC", 2));
        // Brackets inside strings and comments do not count.
        assert!(!nested_beyond(b"[(a\\) [[[) <5B5B5B>] % [[[[\n", 2));
        let deep = "[".repeat(100_000);
        assert!(nested_beyond(deep.as_bytes(), 256));
    }
}
