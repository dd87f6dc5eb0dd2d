//! PDFs through the whole pipeline: every PDF rendition of the seed form
//! gives the seed's golden record (all but `source`), whatever the
//! producer, fonts, page breaks or orientation.

mod common;

use jixiao::error::ErrorCode;
use jixiao::pipeline::{Options, extract_bytes};

fn records(sample: &str) -> Result<Vec<serde_json::Value>, jixiao::error::FileError> {
    let bytes = std::fs::read(common::root().join(sample)).expect("sample");
    extract_bytes(sample, &bytes, Options::default()).map(|rs| {
        rs.iter()
            .map(|r| serde_json::to_value(r).unwrap())
            .collect()
    })
}

fn seed_golden() -> serde_json::Value {
    let text =
        std::fs::read_to_string(common::root().join("tests/golden/000_5db012f121f01c6e.txt.json"))
            .unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v[0].clone()
}

fn check_seed(sample: &str, pages: [u64; 2]) {
    let mut got = records(sample).expect("records");
    assert_eq!(got.len(), 1, "{sample}: one form");
    let mut got = got.remove(0);
    let source = got.as_object_mut().unwrap().remove("source").unwrap();
    assert_eq!(source["format"], "pdf");
    assert_eq!(source["pages"], serde_json::json!(pages), "{sample}");
    let mut want = seed_golden();
    want.as_object_mut().unwrap().remove("source");
    common::assert_json_eq(&got, &want, sample);
}

#[test]
fn reportlab_stsong_unigb_ucs2() {
    check_seed("samples/pdf/seed_reportlab.pdf", [1, 2]);
}

#[test]
fn hand_written_gbk_euc_filled_rect_borders() {
    check_seed("samples/pdf/seed_gbk.pdf", [1, 2]);
}

#[test]
fn gbk_euc_embedded_without_tounicode() {
    check_seed("samples/pdf/seed_gbk_embedded.pdf", [1, 2]);
}

#[test]
fn gbk_bytes_in_winansi_simple_font() {
    // /#CB#CE#CC#E5 (宋体 in GBK), TrueType, /WinAnsiEncoding, not embedded, no
    // ToUnicode, strings in GBK bytes (samples/make/make_gbk.py winansi).
    check_seed("samples/pdf/seed_gbk_winansi.pdf", [1, 2]);
}

#[test]
fn gbk_bytes_in_winansi_embedded_font() {
    // The same with a TrueType subset embedded (Unicode cmap only, no usable
    // byte -> glyph mapping): samples/make/make_gbk.py winansi_embedded.
    check_seed("samples/pdf/seed_gbk_winansi_embedded.pdf", [1, 2]);
}

#[test]
fn libreoffice_docx_six_pages_with_split_rows() {
    check_seed("samples/pdf/seed_docx.pdf", [1, 6]);
}

#[test]
fn libreoffice_xlsx_landscape() {
    check_seed("samples/pdf/seed_xlsx.pdf", [1, 3]);
}

#[test]
fn fpdf2_identity_h() {
    check_seed("samples/pdf/seed_fpdf2.pdf", [1, 2]);
}

#[test]
fn scan_has_no_text_layer() {
    let e = records("samples/pdf/scan.pdf").unwrap_err();
    assert_eq!(e.code, ErrorCode::NoTextLayer);
}
