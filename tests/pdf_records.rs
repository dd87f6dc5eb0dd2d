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
fn libreoffice_docx_grid_drawn_by_cell_shading_only() {
    // The same Word table with every cell shaded and no border at all
    // (samples/make/make_docx_shaded.py; rows kept whole on a page): the grid
    // comes from the fills.
    check_seed("samples/pdf/seed_docx_shaded.pdf", [1, 6]);
}

#[test]
fn libreoffice_xlsx_landscape() {
    check_seed("samples/pdf/seed_xlsx.pdf", [1, 3]);
}

#[test]
fn fpdf2_identity_h() {
    check_seed("samples/pdf/seed_fpdf2.pdf", [1, 2]);
}

// Independent renditions (samples/make/indep_seed.py): laid out from the seed
// text dump by another hand, task indicator lists one per line or
// space-separated and wrapping at the spaces; expected = the golden record.

#[test]
fn independent_writer_one_paragraph_per_indicator() {
    check_seed("samples/pdf/indep_writer.pdf", [1, 3]);
}

#[test]
fn independent_writer_rows_split_across_six_pages() {
    // 14pt: the task rows and their one-per-line lists break across pages
    // (`193人` on one page, `92%` on the next).
    check_seed("samples/pdf/indep_writer_big.pdf", [1, 6]);
}

#[test]
fn independent_calc_line_feeds_in_cells() {
    check_seed("samples/pdf/indep_calc.pdf", [1, 3]);
}

#[test]
fn independent_calc_narrow_value_column() {
    // `第` / `7名` wrapped inside a value; `、` set at a line start.
    check_seed("samples/pdf/indep_calc_v7.pdf", [1, 3]);
}

#[test]
fn independent_reportlab_ttf_space_separated_lists() {
    check_seed("samples/pdf/indep_reportlab_ttf.pdf", [1, 2]);
}

#[test]
fn independent_reportlab_ttf_values_wrapped_inside() {
    // `193` / `人` / `92%`: a value broken inside, the next value on its own line.
    check_seed("samples/pdf/indep_reportlab_ttf_v2.pdf", [1, 3]);
}

#[test]
fn independent_reportlab_stsong_one_per_line() {
    check_seed("samples/pdf/indep_reportlab_stsong.pdf", [1, 2]);
}

#[test]
fn independent_reportlab_stsong_one_per_line_narrow() {
    // `100%` / `93%` on their own full lines: each a complete measure.
    check_seed("samples/pdf/indep_reportlab_stsong_v1.pdf", [1, 2]);
}

#[test]
fn independent_fpdf2_multi_cell() {
    check_seed("samples/pdf/indep_fpdf2.pdf", [1, 2]);
}

#[test]
fn independent_fpdf2_one_per_line() {
    check_seed("samples/pdf/indep_fpdf2_v2.pdf", [1, 2]);
}

// The same PDF with its content turned and no /Rotate (samples/make/pdfgen.py
// --rotate): landscape content on a portrait MediaBox, both ways, and upside down.

#[test]
fn content_turned_90_without_rotate() {
    check_seed("samples/pdf/indep_reportlab_stsong_sideways.pdf", [1, 2]);
}

#[test]
fn content_turned_270_without_rotate() {
    check_seed("samples/pdf/indep_reportlab_stsong_sideways270.pdf", [1, 2]);
}

#[test]
fn content_upside_down_without_rotate() {
    check_seed("samples/pdf/indep_reportlab_stsong_upside.pdf", [1, 2]);
}

#[test]
fn volume_of_three_equal_forms() {
    // Three renditions bound into one file (pdfgen.py --concat): three records,
    // each the golden one, with its own pages.
    let got = records("samples/pdf/indep_volume3.pdf").expect("records");
    assert_eq!(got.len(), 3);
    let mut want = seed_golden();
    want.as_object_mut().unwrap().remove("source");
    for (k, mut r) in got.into_iter().enumerate() {
        let source = r.as_object_mut().unwrap().remove("source").unwrap();
        let first = 2 * k as u64 + 1;
        assert_eq!(source["pages"], serde_json::json!([first, first + 1]));
        common::assert_json_eq(&r, &want, "indep_volume3.pdf");
    }
}

#[test]
fn scan_has_no_text_layer() {
    let e = records("samples/pdf/scan.pdf").unwrap_err();
    assert_eq!(e.code, ErrorCode::NoTextLayer);
}
