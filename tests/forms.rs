//! Project forms and volumes against expected records that were derived by
//! hand from the generator's data (samples/make/project_forms.py), not from
//! jixiao: every field the expected file gives must match exactly; warnings
//! match by code and field.

mod common;

use common::assert_subset;

use serde_json::Value;

use jixiao::pipeline::{Options, extract_bytes};

fn records(sample: &str) -> Vec<Value> {
    let bytes = std::fs::read(common::root().join(sample)).expect("sample");
    extract_bytes(sample, &bytes, Options::default())
        .expect("records")
        .iter()
        .map(|r| serde_json::to_value(r).unwrap())
        .collect()
}

fn expected(name: &str) -> Value {
    let path = common::root().join(format!("tests/expected/forms/{name}.expected.json"));
    serde_json::from_str(&std::fs::read_to_string(&path).expect("expected file")).unwrap()
}

/// (code, field) of each warning in a JSON list.
fn code_and_field(warnings: &Value) -> Vec<(String, String)> {
    warnings
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["code"].as_str().unwrap().into(),
                w["field"].as_str().unwrap_or("").into(),
            )
        })
        .collect()
}

fn check_form(name: &str) {
    let mut want = expected(name);
    let sample = want["source"]["path"].as_str().unwrap().to_string();
    let got = records(&sample);
    assert_eq!(got.len(), 1, "{sample}: one form");
    let got = &got[0];
    let want_warnings = want.as_object_mut().unwrap().remove("warnings").unwrap();
    want["source"].as_object_mut().unwrap().remove("path");
    assert_subset(got, &want, &sample);
    let got_w = code_and_field(&got["warnings"]);
    let want_w = code_and_field(&want_warnings);
    assert_eq!(got_w.len(), want_w.len(), "{sample}: warnings {got_w:?}");
    for ((gc, gf), (wc, wf)) in got_w.iter().zip(&want_w) {
        assert_eq!(gc, wc, "{sample}");
        // A failed check names every field it read, the one stated first.
        assert!(
            gf == wf || gf.starts_with(&format!("{wf},")),
            "{sample}: {gf} vs {wf}"
        );
    }
}

#[test]
fn national_template_text() {
    check_form("project_national_2022");
}

#[test]
fn national_template_libreoffice_pdf() {
    check_form("project_national_docx");
}

#[test]
fn sichuan_split_targets_text() {
    check_form("project_sichuan");
}

#[test]
fn sichuan_split_targets_reportlab_pdf() {
    check_form("project_sichuan_reportlab");
}

#[test]
fn money_in_yuan_text() {
    check_form("project_yuan");
}

#[test]
fn money_in_yuan_gbk_pdf() {
    check_form("project_yuan_gbk");
}

fn check_volume(name: &str) {
    let want = expected(name);
    let got = records(&format!("samples/pdf/{name}.pdf"));
    let want = want.as_array().unwrap();
    assert_eq!(
        got.len(),
        want.len(),
        "{name}: one record per form, none for the prose page"
    );
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        let mut w = w.clone();
        let pages = w.as_object_mut().unwrap().remove("pages").unwrap();
        assert_eq!(g["source"]["pages"], pages, "{name}[{i}] pages");
        assert_subset(g, &w, &format!("{name}[{i}]"));
    }
    // The forms inside a volume are whole, not just named.
    assert_eq!(got[0]["indicators"].as_array().unwrap().len(), 15);
    assert_eq!(got[0]["tasks"].as_array().unwrap().len(), 4);
    assert_eq!(got[1]["form"], "unknown");
    assert!(
        got[1]["tables"].as_array().is_some_and(|t| !t.is_empty()),
        "unknown forms keep their grid"
    );
    for g in &got[2..] {
        assert!(g["indicators"].as_array().unwrap().len() >= 8);
        assert!(!g["fund_sources"].as_array().unwrap().is_empty());
    }
}

#[test]
fn volume_libreoffice() {
    check_volume("volume_docx");
}

#[test]
fn volume_reportlab() {
    check_volume("volume_reportlab");
}
