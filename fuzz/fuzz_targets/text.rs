//! Text-dump reader: decoding (UTF-8 / UTF-16 / GB18030), the block splitter,
//! then the whole pipeline with a `.txt` name.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = jixiao::input::text::decode(data) {
        let _ = jixiao::table::textdump::blocks(&text);
    }
    let _ = jixiao::pipeline::extract_bytes("fuzz.txt", data, Default::default());
});
