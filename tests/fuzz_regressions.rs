//! Inputs found by fuzzing (`fuzz/`, see fuzz/README.md), each named after
//! what it exposed. Every one must come back from `extract_bytes` as `Ok` or
//! a `FileError`: no panic, no hang, no allocation past the limits.
//!
//! Dependencies are optimised in test builds (Cargo.toml), so even the input
//! that legitimately inflates 203 MB takes seconds, not minutes.

use std::path::PathBuf;

use jixiao::error::ErrorCode;
use jixiao::pipeline::{Options, extract_bytes};

fn run(name: &str) -> Result<usize, ErrorCode> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fuzz")
        .join(name);
    let bytes = std::fs::read(&path).expect("fuzz reproducer");
    extract_bytes(name, &bytes, Options::default())
        .map(|records| records.len())
        .map_err(|e| e.code)
}

/// fuzz `pdf`, timeout (libFuzzer, ASan, 20 s): bomb.pdf cut short so that its
/// content stream inflates to 203 MB, just under `Limits::max_stream_bytes`,
/// with a bad Adler-32. The guard lets it through (rightly); hayro then
/// inflates it twice (flate2 fails on the checksum at the very end, then its
/// own fallback inflater starts again). Bounded work, not a hang: deflate
/// cannot expand this little data past the cap.
#[test]
fn bomb_truncated_under_cap_bad_checksum() {
    assert_eq!(
        run("bomb_truncated_under_cap_bad_checksum.pdf"),
        Err(ErrorCode::NoTextLayer)
    );
}

/// fuzz `pdf`, timeout: bomb.pdf with bytes inside the compressed stream
/// overwritten from offset 214 654 on. flate2 stops at the damage, so
/// `guard::inflates_beyond` counts only the part before it; hayro's lenient
/// fallback inflater then decodes on through the damage. Here the total
/// stayed under the cap by luck; the guard now refuses a stream that could
/// pass the cap but that a strict inflater cannot read to its end.
#[test]
fn bomb_corrupted_midstream_lenient_inflate() {
    // The strict inflater stops at the damage: the stream is refused, not
    // measured short.
    assert_eq!(
        run("bomb_corrupted_midstream_lenient_inflate.pdf"),
        Err(ErrorCode::Unreadable)
    );
}

/// Derived from the timeout above (fuzz/make_flate_bomb_bypass.py): a 1 KB
/// PDF whose content stream is `[/FlateDecode /FlateDecode]` and whose outer
/// stage begins with a back-reference before any output. flate2 rejects it at
/// once, so the guard measures 0 bytes; hayro's lenient inflater skips the bad
/// reference and goes on to inflate 300 MB, past the 256 MiB cap.
#[test]
fn flate_bomb_behind_invalid_backref() {
    assert_eq!(
        run("flate_bomb_behind_invalid_backref.pdf"),
        Err(ErrorCode::Unreadable)
    );
}

/// Derived (fuzz/make_flate_bomb_bypass.py): a 2 KB PDF whose content stream
/// is `[/ASCIIHexDecode /FlateDecode /FlateDecode]`. The guard checks only
/// leading FlateDecode stages, so it checks nothing; the stream inflates to
/// 300 MB, past the 256 MiB cap.
#[test]
fn flate_bomb_behind_asciihex() {
    assert_eq!(
        run("flate_bomb_behind_asciihex.pdf"),
        Err(ErrorCode::Unreadable)
    );
}

/// Derived (fuzz/make_flate_bomb_bypass.py): a 1 KB PDF whose content stream
/// is `[/RunLengthDecode /FlateDecode /FlateDecode]`. The guard decodes only
/// ASCIIHex / ASCII85 prefixes, so with RunLength (or LZW) in front it checks
/// nothing; the stream inflates to 300 MB, past the 256 MiB cap.
#[test]
fn flate_bomb_behind_runlength() {
    assert_eq!(
        run("flate_bomb_behind_runlength.pdf"),
        Err(ErrorCode::Unreadable)
    );
}

/// fuzz `office`, timeout (libFuzzer, ASan, 24 s): a mutated `.xls` whose
/// sheet becomes one table of 65,534 rows × 9 columns; the recogniser's
/// pass over it grows with rows × cells. No form is that big: structured
/// tables past 5,000 rows or 100,000 slots are refused (`unreadable`).
#[test]
fn xls_65534_row_table() {
    assert_eq!(run("xls_65534_row_table.xls"), Err(ErrorCode::Unreadable));
}

/// fuzz `office`, crash: a mutated `.xls` on which calamine 0.38 panics
/// (a slice index past its record, xls.rs:633). The panic is caught in
/// `input::sheet` and the file is `unreadable`, not a crash.
#[test]
fn xls_calamine_index_panic() {
    assert_eq!(
        run("xls_calamine_index_panic.xls"),
        Err(ErrorCode::Unreadable)
    );
}
