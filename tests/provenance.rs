//! `extract --provenance`: every funds value, fund source, indicator and
//! task says where it was read (page or sheet, table, row, column, box).
//!
//! For each input format: exact positions of a few values (read off
//! `jixiao tables`), and for every position, the grid cell it names holds
//! the value's text. For the PDF renditions of the seed form: every box
//! holds the value's text in jixiao's own page model (the glyphs whose
//! centres lie inside the box).

mod common;

use common::{grids, squash};

use jixiao::pipeline::{Options, extract_bytes, pdf_pages};
use serde_json::{Value, json};

fn bytes(sample: &str) -> Vec<u8> {
    std::fs::read(common::root().join(sample)).expect("sample")
}

fn options() -> Options {
    Options {
        provenance: true,
        ..Options::default()
    }
}

/// The records with provenance, as JSON.
fn records(sample: &str) -> Vec<Value> {
    extract_bytes(sample, &bytes(sample), options())
        .expect("records")
        .iter()
        .map(|r| serde_json::to_value(r).unwrap())
        .collect()
}

/// The number a cell's text shows (`18,847.80`, `96.68%`), if any.
fn number_in(text: &str) -> Option<f64> {
    let t: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.' || *c == '-')
        .collect();
    t.parse().ok()
}

/// Every provenance of a record: (what, provenance, the value's text or
/// number).
fn positions(r: &Value) -> Vec<(String, Value, Value)> {
    let mut out = Vec::new();
    // A key for each non-null funds value, and for nothing else.
    let non_null: Vec<String> = r["funds"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, v)| !v.is_null())
        .map(|(k, _)| format!("funds.{k}"))
        .collect();
    let keys: Vec<String> = r["provenance"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    assert_eq!(keys, non_null, "{}", r["source"]["path"]);
    for (k, p) in r["provenance"].as_object().expect("record provenance") {
        let field = k.strip_prefix("funds.").expect("funds key");
        out.push((k.clone(), p.clone(), r["funds"][field].clone()));
    }
    for (list, name) in [
        ("fund_sources", "label"),
        ("indicators", "name"),
        ("tasks", "name"),
    ] {
        for (i, x) in r[list].as_array().unwrap().iter().enumerate() {
            out.push((
                format!("{list}[{i}]"),
                x["provenance"].clone(),
                x[name].clone(),
            ));
        }
    }
    out
}

/// Every position names a cell of `jixiao tables` (its top-left slot) that
/// holds the value: the name within the cell's text, or the number.
/// Returns the number of positions checked.
fn check_cells(sample: &str, format_has_pages: bool) -> usize {
    let grids = grids(sample);
    let mut n = 0;
    for r in records(sample) {
        for (what, p, value) in positions(&r) {
            assert!(p.is_object(), "{sample}: {what} has no provenance");
            let g = &grids[p["table"].as_u64().unwrap() as usize];
            let (row, col) = (
                p["row"].as_u64().unwrap() as usize,
                p["col"].as_u64().unwrap() as usize,
            );
            let cell = g
                .cells
                .iter()
                .find(|c| c.row == row && c.col == col)
                .unwrap_or_else(|| panic!("{sample}: {what}: no cell starts at {row},{col}"));
            match &value {
                Value::String(name) => assert!(
                    squash(&cell.text).contains(&squash(name)),
                    "{sample}: {what}: {name:?} not in cell {:?}",
                    cell.text
                ),
                Value::Number(v) => assert_eq!(
                    number_in(&cell.text),
                    v.as_f64(),
                    "{sample}: {what}: cell {:?}",
                    cell.text
                ),
                other => panic!("{sample}: {what}: value {other}"),
            }
            assert_eq!(p["page"].is_u64(), format_has_pages, "{sample}: {what}");
            assert_eq!(p["box"].is_array(), format_has_pages, "{sample}: {what}");
            // The form's own sheet (null for other formats).
            assert_eq!(
                p["sheet"].as_str(),
                r["source"]["sheet"].as_str(),
                "{sample}: {what}"
            );
            n += 1;
        }
    }
    n
}

#[test]
fn without_the_option_no_record_has_the_key() {
    for sample in [
        "samples/pdf/seed_reportlab.pdf",
        "samples/office/seed_openpyxl.xlsx",
    ] {
        for r in extract_bytes(sample, &bytes(sample), Options::default()).unwrap() {
            let text = serde_json::to_string(&r).unwrap();
            assert!(!text.contains("provenance"), "{sample}");
            assert!(!text.contains("\"box\""), "{sample}");
        }
    }
}

#[test]
fn pdf() {
    let sample = "samples/pdf/seed_reportlab.pdf";
    let r = &records(sample)[0];
    assert_eq!(
        r["provenance"]["funds.actual"],
        json!({"page": 1, "sheet": null, "table": 0, "row": 2, "col": 2,
               "box": [248.79, 122.52, 335.63, 140.52]})
    );
    assert_eq!(r["indicators"][1]["name"], "重大项目实际完成率");
    assert_eq!(
        r["indicators"][1]["provenance"],
        json!({"page": 1, "sheet": null, "table": 0, "row": 9, "col": 1,
               "box": [118.51, 308.52, 248.79, 326.52]})
    );
    // The task table runs over the page break: the second task is on page 2.
    assert_eq!(
        r["tasks"][1]["provenance"],
        json!({"page": 2, "sheet": null, "table": 1, "row": 2, "col": 0,
               "box": [42.52, 48.52, 103.75, 186.52]})
    );
    // Seven funds values, 15 indicators, 4 tasks.
    assert_eq!(check_cells(sample, true), 26);
}

#[test]
fn text() {
    check_seed_without_pages("samples/text/000_5db012f121f01c6e.txt", None);
}

#[test]
fn html() {
    check_seed_without_pages("samples/html/seed_cms_utf8.html", None);
}

#[test]
fn docx() {
    check_seed_without_pages("samples/office/seed_python_docx.docx", None);
}

#[test]
fn xlsx() {
    check_seed_without_pages(
        "samples/office/seed_openpyxl.xlsx",
        Some("部门整体支出绩效自评表"),
    );
}

/// The seed form in a format without pages: its second indicator's name
/// cell is row 9, column 1 of the first table (on `sheet` for workbooks), and
/// every one of its 26 positions names the cell holding its value.
fn check_seed_without_pages(sample: &str, sheet: Option<&str>) {
    let r = &records(sample)[0];
    assert_eq!(
        r["indicators"][1]["provenance"],
        json!({"page": null, "sheet": sheet, "table": 0, "row": 9, "col": 1, "box": null})
    );
    assert_eq!(check_cells(sample, false), 26);
}

#[test]
fn a_form_on_the_second_sheet_counts_the_first_sheet_s_table() {
    // samples/make/make_provenance_sheets.py: sheet 说明 holds a table of its
    // own, the form (project_national_openpyxl.xlsx) is on the second sheet.
    let sample = "samples/office/provenance_second_sheet.xlsx";
    let records = records(sample);
    let r = records
        .iter()
        .find(|r| r["form"] == "project")
        .expect("the project form");
    let at = |table, row, col| {
        json!({"page": null, "sheet": "项目支出绩效自评表", "table": table,
               "row": row, "col": col, "box": null})
    };
    // Rows and columns of the grid `jixiao tables` prints: the sheet's title
    // row is a text line, not a row of the grid (D12 → row 10, col 3).
    assert_eq!(r["indicators"][0]["name"], "新建高标准农田面积");
    assert_eq!(r["indicators"][0]["provenance"], at(1, 10, 3));
    assert_eq!(r["provenance"]["funds.actual"], at(1, 3, 4));
    assert_eq!(r["fund_sources"][0]["label"], "本年财政拨款");
    assert_eq!(r["fund_sources"][0]["provenance"], at(1, 4, 1));
    // 6 funds values (年初预算数, 全年预算数, 全年执行数, 执行率, 分值, 得分),
    // 3 fund sources, 10 indicators.
    assert_eq!(check_cells(sample, false), 6 + 3 + 10);
}

#[test]
fn xls_and_ods() {
    for sample in [
        "samples/office/seed_libreoffice.xls",
        "samples/office/seed_libreoffice.ods",
    ] {
        assert_eq!(check_cells(sample, false), 26, "{sample}");
    }
}

/// The PDF renditions of the seed form (tests/pdf_records.rs), the last
/// three drawn turned on the page (their boxes are mapped back onto the
/// page as drawn).
const SEED_PDFS: [&str; 21] = [
    "samples/pdf/seed_reportlab.pdf",
    "samples/pdf/seed_gbk.pdf",
    "samples/pdf/seed_gbk_embedded.pdf",
    "samples/pdf/seed_gbk_winansi.pdf",
    "samples/pdf/seed_gbk_winansi_embedded.pdf",
    "samples/pdf/seed_docx.pdf",
    "samples/pdf/seed_xlsx.pdf",
    "samples/pdf/seed_fpdf2.pdf",
    "samples/pdf/indep_writer.pdf",
    "samples/pdf/indep_writer_big.pdf",
    "samples/pdf/indep_calc.pdf",
    "samples/pdf/indep_calc_v7.pdf",
    "samples/pdf/indep_reportlab_ttf.pdf",
    "samples/pdf/indep_reportlab_ttf_v2.pdf",
    "samples/pdf/indep_reportlab_stsong.pdf",
    "samples/pdf/indep_reportlab_stsong_v1.pdf",
    "samples/pdf/indep_fpdf2.pdf",
    "samples/pdf/indep_fpdf2_v2.pdf",
    "samples/pdf/indep_reportlab_stsong_sideways.pdf",
    "samples/pdf/indep_reportlab_stsong_sideways270.pdf",
    "samples/pdf/indep_reportlab_stsong_upside.pdf",
];

/// The text of the glyphs of `page` whose centres lie inside `bbox`, in
/// the page model's order.
fn text_in_box(pages: &[jixiao::page::Page], page: usize, b: &[f64]) -> String {
    let p = pages.iter().find(|p| p.number == page).expect("page");
    p.glyphs
        .iter()
        .filter(|g| {
            let cx = f64::from(g.bbox.x0 + g.bbox.x1) / 2.0;
            let cy = f64::from(g.bbox.top + g.bbox.bottom) / 2.0;
            b[0] <= cx && cx <= b[2] && b[1] <= cy && cy <= b[3]
        })
        .map(|g| g.text.as_str())
        .collect()
}

#[test]
fn every_box_on_the_seed_pdfs_holds_its_value() {
    let mut checked = 0;
    for sample in SEED_PDFS {
        let pages = pdf_pages(&bytes(sample), &Options::default()).unwrap();
        for r in records(sample) {
            for (what, p, value) in positions(&r) {
                let b: Vec<f64> = p["box"]
                    .as_array()
                    .unwrap_or_else(|| panic!("{sample}: {what}: no box"))
                    .iter()
                    .map(|v| v.as_f64().unwrap())
                    .collect();
                let text = text_in_box(&pages, p["page"].as_u64().unwrap() as usize, &b);
                match &value {
                    Value::String(name) => assert!(
                        squash(&text).contains(&squash(name)),
                        "{sample}: {what}: {name:?} not in its box: {text:?}"
                    ),
                    Value::Number(v) => assert_eq!(
                        number_in(&text),
                        v.as_f64(),
                        "{sample}: {what}: box holds {text:?}"
                    ),
                    other => panic!("{sample}: {what}: value {other}"),
                }
                checked += 1;
            }
        }
    }
    // 21 renditions × (7 funds values + 15 indicators + 4 tasks).
    assert_eq!(checked, 21 * 26);
}

#[test]
fn the_cli_passes_it_through_workers_csv_and_state() {
    let dir = std::env::temp_dir().join(format!("jixiao-prov-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        common::root().join("samples/pdf/seed_reportlab.pdf"),
        dir.join("a.pdf"),
    )
    .unwrap();
    let run = |args: &[&str]| {
        let out = common::jixiao(&dir, args, None);
        assert!(out.status.success(), "{args:?}");
        common::json_lines(&out.stdout)
    };
    // Without the option, through a state: no provenance.
    let plain = run(&["extract", "a.pdf", "--state", "s"]);
    assert!(plain[0].get("provenance").is_none());
    // The state holds records without provenance: not reused for a run with it.
    let with = run(&[
        "extract",
        "a.pdf",
        "--state",
        "s",
        "--provenance",
        "--csv",
        "c",
    ]);
    assert_eq!(
        with[0]["indicators"][1]["provenance"]["box"],
        json!([118.51, 308.52, 248.79, 326.52])
    );
    // Reused by the next run with it: the same records.
    assert_eq!(
        run(&["extract", "a.pdf", "--state", "s", "--provenance"]),
        with
    );
    // And not by one without it.
    assert_eq!(run(&["extract", "a.pdf", "--state", "s"]), plain);
    let csv = std::fs::read_to_string(dir.join("c/indicators.csv")).unwrap();
    let line = csv.lines().nth(2).unwrap();
    assert!(
        line.ends_with(",1,,0,9,1,118.51,308.52,248.79,326.52"),
        "{line}"
    );
    let funds = std::fs::read_to_string(dir.join("c/funds_provenance.csv")).unwrap();
    assert!(
        funds.contains("a.pdf,0,funds.actual,1,,0,2,2,248.79,122.52,335.63,140.52\n"),
        "{funds}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every layout the recogniser knows keeps its positions: the generator's
/// slices and the hand-made real-form classes (湖南 writes funds values
/// inside their label cells: they too say where they were read).
#[test]
fn every_generated_and_real_class_layout() {
    let n: usize = ["tests/data/formgen_real2", "tests/data/real2"]
        .iter()
        .map(|dir| check_dir(dir, &["txt", "html"]).1)
        .sum();
    assert!(n > 250, "{n} positions checked");
}

/// [`check_cells`] over the files of `dir` with one of `exts`, in path order,
/// skipping the look-alikes that rightly give no form. Returns the number of
/// files and of positions checked.
fn check_dir(dir: &str, exts: &[&str]) -> (usize, usize) {
    let mut files: Vec<_> = std::fs::read_dir(common::root().join(dir))
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| exts.iter().any(|e| x == *e)))
        .collect();
    files.sort();
    let mut checked = 0;
    for f in &files {
        let rel = f.strip_prefix(common::root()).unwrap().to_str().unwrap();
        if extract_bytes(rel, &bytes(rel), options()).is_ok() {
            checked += check_cells(rel, false);
        }
    }
    (files.len(), checked)
}

#[test]
fn every_family_of_the_generated_forms_gets_every_position() {
    // tests/data/formgen: one text dump per family of samples/make/formgen.py.
    // Every non-null funds value, fund source, indicator and task has a
    // position naming a cell that holds it (a walker change that reads a
    // value without keeping its cell fails here).
    let (files, checked) = check_dir("tests/data/formgen", &["txt"]);
    assert_eq!(files, 30);
    // The non-null funds values, fund sources, indicators and tasks of
    // tests/data/formgen/truth.jsonl (the generator's own records).
    assert_eq!(checked, 466);
}
