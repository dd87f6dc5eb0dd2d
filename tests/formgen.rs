//! The committed slice of the formgen corpus (tests/data/formgen/, every
//! template family of SPEC §Forms): jixiao must give the generator's truth
//! exactly — every field the held-out scorer reads, and the warnings that
//! say a record is doubtful (template text left in a cell). Each family
//! here was read wrongly before issue #9 (first-run figures in
//! samples/make/FORMGEN_RESULTS.md).

use std::collections::BTreeMap;
use std::fs;

use jixiao::pipeline::{self, Options};
use serde_json::Value;

mod common;

fn dir() -> std::path::PathBuf {
    common::root().join("tests/data/formgen")
}

/// Truth records by file, in form order.
fn truth() -> BTreeMap<String, Vec<Value>> {
    truth_in(&dir())
}

/// Truth records of the slice in `dir`, by file, in form order.
fn truth_in(dir: &std::path::Path) -> BTreeMap<String, Vec<Value>> {
    let mut by_file: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for line in fs::read_to_string(dir.join("truth.jsonl")).unwrap().lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        let path = v["source"]["path"].as_str().unwrap().to_string();
        by_file.entry(path).or_default().push(v);
    }
    by_file
}

/// Compare `want` with `got` (null and absent are the same; numbers within
/// half a cent), collecting the paths that differ.
fn diff(path: &str, want: &Value, got: &Value, out: &mut Vec<String>) {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => {
            for (k, wv) in w {
                diff(
                    &format!("{path}.{k}"),
                    wv,
                    g.get(k).unwrap_or(&Value::Null),
                    out,
                );
            }
            // A field the truth lacks must be absent or null (funds keys).
            for (k, gv) in g {
                if !w.contains_key(k) && !gv.is_null() && path.ends_with(".funds") {
                    out.push(format!("{path}.{k}: unexpected {gv}"));
                }
            }
        }
        (Value::Array(w), Value::Array(g)) => {
            if w.len() != g.len() {
                out.push(format!("{path}: {} items, got {}", w.len(), g.len()));
            }
            for (i, (wv, gv)) in w.iter().zip(g).enumerate() {
                diff(&format!("{path}[{i}]"), wv, gv, out);
            }
        }
        (Value::Number(w), Value::Number(g))
            if (w.as_f64().unwrap() - g.as_f64().unwrap()).abs() > 0.005 =>
        {
            out.push(format!("{path}: want {w}, got {g}"));
        }
        (Value::Number(_), Value::Number(_)) => {}
        (w, g) if w != g => out.push(format!("{path}: want {w}, got {g}")),
        _ => {}
    }
}

const FIELDS: &[&str] = &[
    "form",
    "title",
    "year",
    "department",
    "project",
    "implementer",
    "unit",
    "funds",
    "fund_sources",
    "goal",
    "indicators",
    "tasks",
    "total_score",
    "grade",
    "problems",
    "improvements",
];

/// Warning codes the truth states (the generator knows them).
const STATED: &[&str] = &[
    "template_text",
    "funds_inconsistent",
    "task_indicator_count_mismatch",
];

#[test]
fn every_family_of_the_generated_slice_is_read_exactly() {
    let truth = truth();
    assert_eq!(truth.len(), 30);
    check_slice(&dir(), &truth);
}

/// The layouts of the second real-forms audit, as the generator renders them
/// with random content (`samples/make/formgen_slice_real2.py`).
#[test]
fn the_second_audit_layouts_of_the_generated_slice_are_read_exactly() {
    let dir = common::root().join("tests/data/formgen_real2");
    let truth = truth_in(&dir);
    assert_eq!(truth.len(), 11);
    check_slice(&dir, &truth);
}

fn check_slice(dir: &std::path::Path, truth: &BTreeMap<String, Vec<Value>>) {
    let mut failures = Vec::new();
    for (file, want) in truth {
        let bytes = fs::read(dir.join(file)).unwrap();
        let got: Vec<Value> = pipeline::extract_bytes(file, &bytes, Options::default())
            .unwrap()
            .iter()
            .map(|r| serde_json::to_value(r).unwrap())
            .collect();
        if got.len() != want.len() {
            failures.push(format!("{file}: {} forms, got {}", want.len(), got.len()));
            continue;
        }
        for (i, (w, g)) in want.iter().zip(&got).enumerate() {
            let mut out = Vec::new();
            for f in FIELDS {
                diff(f, &w[*f], &g[*f], &mut out);
            }
            let codes = |r: &Value| -> Vec<String> {
                let mut c: Vec<String> = r["warnings"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x["code"].as_str().unwrap().to_string())
                    .filter(|c| STATED.contains(&c.as_str()))
                    .collect();
                c.sort();
                c.dedup();
                c
            };
            if codes(w) != codes(g) {
                out.push(format!("warnings: want {:?}, got {:?}", codes(w), codes(g)));
            }
            // Nothing silently wrong: no report of unmapped cells on these forms.
            let noisy: Vec<&Value> = g["warnings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|x| x["code"] == "cells_unmapped")
                .collect();
            if !noisy.is_empty() {
                out.push(format!("cells_unmapped: {noisy:?}"));
            }
            failures.extend(out.into_iter().map(|o| format!("{file}#{i} {o}")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
