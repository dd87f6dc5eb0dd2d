//! HTML, Word and Excel renditions (samples/html, samples/office, made by
//! samples/make/make_html.py, make_office.py): each rendition of the seed
//! form gives the seed's golden record (all fields but `source`), each
//! rendition of the national project form the fields its expected file
//! gives (derived from the generator's data, not from jixiao).

mod common;

use common::assert_subset;

use serde_json::Value;

use jixiao::pipeline::{Options, extract_bytes};

fn records(sample: &str) -> Vec<Value> {
    let bytes = std::fs::read(common::root().join(sample)).expect("sample");
    extract_bytes(sample, &bytes, Options::default())
        .unwrap_or_else(|e| panic!("{sample}: {e}"))
        .iter()
        .map(|r| serde_json::to_value(r).unwrap())
        .collect()
}

fn json(path: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(common::root().join(path)).unwrap()).unwrap()
}

/// The seed's record, all but `source`; the source's format and sheet.
fn check_seed(sample: &str, format: &str, sheet: Option<&str>) {
    let mut got = records(sample);
    assert_eq!(got.len(), 1, "{sample}: one form");
    let mut got = got.remove(0);
    let source = got.as_object_mut().unwrap().remove("source").unwrap();
    assert_eq!(source["format"], format, "{sample}");
    assert_eq!(
        source.get("sheet").and_then(Value::as_str),
        sheet,
        "{sample}"
    );
    let mut want = json("tests/golden/000_5db012f121f01c6e.txt.json")[0].clone();
    want.as_object_mut().unwrap().remove("source");
    common::assert_json_eq(&got, &want, sample);
}

/// The national project form: its expected record (all but `source` and
/// the warnings' wording).
fn check_project(sample: &str, format: &str) {
    let got = records(sample);
    assert_eq!(got.len(), 1, "{sample}: one form");
    let got = &got[0];
    assert_eq!(got["source"]["format"], format, "{sample}");
    let mut want = json("tests/expected/forms/project_national_2022.expected.json");
    let w = want.as_object_mut().unwrap();
    w.remove("source");
    let warnings = w.remove("warnings").unwrap();
    assert_subset(got, &want, sample);
    let codes = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|w| w["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(codes(&got["warnings"]), codes(&warnings), "{sample}");
}

#[test]
fn html_utf8_cms_page_with_layout_table() {
    check_seed("samples/html/seed_cms_utf8.html", "html", None);
}

#[test]
fn html_gbk_declared_gb2312() {
    check_seed("samples/html/seed_cms_gbk.html", "html", None);
}

#[test]
fn html_project_form_without_charset() {
    check_project("samples/html/project_national_cms.html", "html");
}

const SEED_SHEET: Option<&str> = Some("部门整体支出绩效自评表");

#[test]
fn xlsx_openpyxl_number_formats_hidden_row_and_column() {
    check_seed("samples/office/seed_openpyxl.xlsx", "xlsx", SEED_SHEET);
}

#[test]
fn xls_libreoffice_biff8_number_formats() {
    check_seed("samples/office/seed_libreoffice.xls", "xls", SEED_SHEET);
}

#[test]
fn ods_libreoffice_displayed_text() {
    check_seed("samples/office/seed_libreoffice.ods", "ods", SEED_SHEET);
}

#[test]
fn project_form_in_every_workbook_format() {
    check_project("samples/office/project_national_openpyxl.xlsx", "xlsx");
    check_project("samples/office/project_national_libreoffice.xls", "xls");
    check_project("samples/office/project_national_libreoffice.ods", "ods");
}

/// The percentages are stored as fractions and the amounts as numbers:
/// only the number format makes them read as the form prints them.
#[test]
fn cells_read_as_displayed_not_as_stored() {
    for sample in [
        "samples/office/seed_openpyxl.xlsx",
        "samples/office/seed_libreoffice.xls",
        "samples/office/seed_libreoffice.ods",
    ] {
        let bytes = std::fs::read(common::root().join(sample)).unwrap();
        let (_, blocks) = jixiao::pipeline::blocks(sample, &bytes, &Options::default()).unwrap();
        let cells: Vec<String> = blocks
            .iter()
            .filter_map(|b| match b {
                jixiao::table::Block::Table(g) => Some(g),
                jixiao::table::Block::Text { .. } => None,
            })
            .flat_map(|g| g.cells.iter().map(|c| c.text.clone()))
            .collect();
        for shown in [
            "19,206.99",
            "96.68%",
            "1.91%",
            "18,847.80",
            "1,096.47",
            "100%",
            "1",
        ] {
            assert!(cells.iter().any(|c| c == shown), "{sample}: {shown}");
        }
        assert!(
            !cells
                .iter()
                .any(|c| c.contains("内部备注") || c.contains("隐藏行")),
            "{sample}: hidden row and column are not read"
        );
    }
}

#[test]
fn docx_python_docx_grid_span_and_vmerge() {
    check_seed("samples/office/seed_python_docx.docx", "docx", None);
}

#[test]
fn docx_saved_by_libreoffice() {
    check_seed("samples/office/seed_libreoffice.docx", "docx", None);
}

#[test]
fn project_form_in_word() {
    check_project("samples/office/project_national_python_docx.docx", "docx");
    check_project("samples/office/project_national_libreoffice.docx", "docx");
}

/// A WPS `.et` or an `.xlsm` holding an `.xlsx` is read as one; a `.xls` or
/// `.doc` that is really a saved web page (common in exports) as HTML.
#[test]
fn containers_are_told_by_their_contents() {
    let read = |sample: &str, name: &str| {
        let bytes = std::fs::read(common::root().join(sample)).unwrap();
        let mut got = extract_bytes(name, &bytes, Options::default()).expect("records");
        assert_eq!(got.len(), 1, "{name}");
        let r = serde_json::to_value(got.remove(0)).unwrap();
        (
            r["source"]["format"].as_str().unwrap().to_string(),
            r["funds"]["execution_rate"].clone(),
        )
    };
    let rate = serde_json::json!(96.68);
    assert_eq!(
        read("samples/office/seed_openpyxl.xlsx", "a.et"),
        ("xlsx".into(), rate.clone())
    );
    assert_eq!(
        read("samples/office/seed_openpyxl.xlsx", "a.XLSM"),
        ("xlsx".into(), rate.clone())
    );
    assert_eq!(
        read("samples/office/seed_libreoffice.xls", "a.et"),
        ("xls".into(), rate.clone())
    );
    assert_eq!(
        read("samples/html/seed_cms_utf8.html", "a.xls"),
        ("html".into(), rate.clone())
    );
    assert_eq!(
        read("samples/html/seed_cms_gbk.html", "a.doc"),
        ("html".into(), rate.clone())
    );
    assert_eq!(
        read("samples/office/seed_python_docx.docx", "a.docm"),
        ("docx".into(), rate)
    );
}

/// A directory's files of no format jixiao reads are counted as skipped in
/// the summary, not errors: the run exits 0.
#[test]
fn other_files_in_a_directory_are_skipped_not_errors() {
    let dir = tempfile::tempdir().unwrap();
    for (from, to) in [
        ("samples/html/seed_cms_utf8.html", "a.html"),
        ("samples/office/seed_openpyxl.xlsx", "b.XLSX"),
    ] {
        std::fs::copy(common::root().join(from), dir.path().join(to)).unwrap();
    }
    std::fs::write(dir.path().join("logo.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    std::fs::write(dir.path().join("notes.md"), "# notes").unwrap();
    let out = common::jixiao(dir.path(), &["extract", "."], None);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("2 files, 2 records, 2 warnings, 0 errors, 2 skipped"),
        "{stderr}"
    );
    let records = common::json_lines(&out.stdout);
    assert_eq!(records[1]["source"]["sheet"], "部门整体支出绩效自评表");
    assert!(
        records[0]["source"].get("sheet").is_none(),
        "key present for workbooks only"
    );
}
