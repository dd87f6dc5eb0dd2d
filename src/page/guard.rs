//! Protection against form XObjects that call themselves or fan out
//! exponentially (hayro bounds the nesting depth at 50, but a form drawn twice at
//! every level would still take 2^50 steps).

use std::collections::{HashMap, HashSet};

use std::io::Read;

use hayro_syntax::Filter;
use hayro_syntax::content::UntypedIter;
use hayro_syntax::object::{Array, Dict, Name, ObjectIdentifier, Stream};

/// Whether a Flate-compressed stream inflates to more than `cap` bytes (a
/// decompression bomb). Decodes in a streaming fashion with bounded memory; other
/// filters are not checked.
pub(crate) fn inflates_beyond(s: &Stream<'_>, cap: u64) -> bool {
    if s.filters().first() != Some(&Filter::FlateDecode) {
        return false;
    }
    let raw = s.raw_data();
    // Deflate expands at most about 1032:1, so a stream this small cannot
    // pass the cap: no need to inflate it just to measure it.
    if (raw.len() as u64).saturating_mul(1032) <= cap {
        return false;
    }
    let count = |r: &mut dyn Read| -> u64 {
        let mut buf = vec![0u8; 64 * 1024];
        let mut total = 0u64;
        while total <= cap {
            match r.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => total += n as u64,
            }
        }
        total
    };
    let n = count(&mut flate2::read::ZlibDecoder::new(&raw[..]));
    let n = if n == 0 {
        count(&mut flate2::read::DeflateDecoder::new(&raw[..]))
    } else {
        n
    };
    n > cap
}

/// Whether one of the page's content streams is a decompression bomb.
pub(crate) fn contents_beyond(page: &Dict<'_>, cap: u64) -> bool {
    if let Some(s) = page.get::<Stream<'_>>(b"Contents") {
        return inflates_beyond(&s, cap);
    }
    if let Some(a) = page.get::<Array<'_>>(b"Contents") {
        return a.iter::<Stream<'_>>().any(|s| inflates_beyond(&s, cap));
    }
    false
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

impl FormGuard {
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
