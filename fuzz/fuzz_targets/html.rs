//! HTML reader: charset detection, html5ever, the table/layout resolution,
//! then the whole pipeline with a `.html` name.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = jixiao::input::html::blocks(data);
    let _ = jixiao::pipeline::extract_bytes("fuzz.html", data, Default::default());
});
