//! Word and workbook readers (ZIP bounds, XML events, docx tables, xlsx via
//! calamine + number formats, ods, xls via calamine + BIFF formats). The
//! first byte picks the name, so one corpus reaches every container; the
//! rest is the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, file)) = data.split_first() else {
        return;
    };
    let name = match pick % 5 {
        0 => "fuzz.docx",
        1 => "fuzz.xlsx",
        2 => "fuzz.ods",
        3 => "fuzz.xls",
        _ => "fuzz.et",
    };
    let _ = jixiao::pipeline::extract_bytes(name, file, Default::default());
});
