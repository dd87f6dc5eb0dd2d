//! PDF reader + page model + table finder, then the whole pipeline with a
//! `.pdf` name. Any panic, hang or runaway allocation is a bug: the pipeline
//! must return `Ok` or a `FileError` for every input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(pages) = jixiao::page::read_pdf(data, &jixiao::page::Limits::default()) {
        let _ = jixiao::table::from_pages(&pages, &jixiao::table::TableSettings::default());
    }
    let _ = jixiao::pipeline::extract_bytes("fuzz.pdf", data, Default::default());
});
