//! `docs/record.md` documents every warning code, error code and table
//! column the code can produce: a new one without its line fails here.

use std::fs;
use std::path::Path;

use jixiao::error::ErrorCode;
use jixiao::output::tables::TABLES;

fn doc() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/record.md")).unwrap()
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Warning codes in the source: string constants named like a code
/// (`pub const MET_UNDETERMINED: &str = "met_undetermined";`) and literal
/// codes (`code: "cells_unmapped"`).
fn warning_codes() -> Vec<String> {
    let consts = regex::Regex::new(r#"pub const [A-Z_]+: &str = "([a-z]+(?:_[a-z]+)+)";"#).unwrap();
    let literals = regex::Regex::new(r#"code: "([a-z]+(?:_[a-z]+)+)""#).unwrap();
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut codes: Vec<String> = files
        .iter()
        .flat_map(|f| {
            let text = fs::read_to_string(f).unwrap();
            consts
                .captures_iter(&text)
                .chain(literals.captures_iter(&text))
                .map(|c| c[1].to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

#[test]
fn every_warning_code_is_documented() {
    let doc = doc();
    let codes = warning_codes();
    for known in ["met_undetermined", "funds_inconsistent", "not_a_number"] {
        assert!(codes.iter().any(|c| c == known), "the scan finds {known}");
    }
    for code in &codes {
        assert!(
            doc.contains(&format!("| `{code}` |")),
            "docs/record.md lacks warning `{code}`"
        );
    }
}

#[test]
fn every_error_code_is_documented() {
    // ALL lists every variant: the schema generated from the enum says which there are.
    let schema = serde_json::to_value(schemars::schema_for!(ErrorCode)).unwrap();
    let mut from_schema: Vec<String> = schema["enum"]
        .as_array()
        .or_else(|| schema["oneOf"].as_array())
        .unwrap()
        .iter()
        .flat_map(|v| {
            v.as_str()
                .map(String::from)
                .or_else(|| v["const"].as_str().map(String::from))
                .or_else(|| v["enum"][0].as_str().map(String::from))
        })
        .collect();
    let mut listed: Vec<String> = ErrorCode::ALL
        .iter()
        .map(|c| c.as_str().to_string())
        .collect();
    from_schema.sort();
    listed.sort();
    assert_eq!(listed, from_schema, "ErrorCode::ALL is complete");
    let doc = doc();
    for code in ErrorCode::ALL {
        assert!(
            doc.contains(&format!("| `{}` |", code.as_str())),
            "docs/record.md lacks error `{}`",
            code.as_str()
        );
    }
}

#[test]
fn every_table_column_is_documented() {
    let doc = doc();
    assert_eq!(jixiao::output::tables::layout(false).len(), TABLES.len());
    // With --provenance: the provenance columns and the funds_provenance table.
    for (name, columns) in jixiao::output::tables::layout(true) {
        let own = TABLES
            .iter()
            .find(|t| t.name == name)
            .map_or(&columns[..], |t| t.columns);
        let extra = &columns[own.len()..];
        for c in extra {
            let after = &doc[doc.find("With `--provenance`, **fund_sources**").unwrap()..];
            assert!(
                after.contains(&format!("**{name}**")) && after.contains(&format!("`{c}`")),
                "table {name}: provenance column {c}"
            );
        }
        let start = doc
            .find(&format!("- **{name}**"))
            .unwrap_or_else(|| panic!("docs/record.md lacks table {name}"));
        let section = &doc[start..];
        let section = &section[..section[2..].find("\n- **").map_or(section.len(), |i| i + 2)];
        for c in own {
            assert!(
                section.contains(&format!("`{c}`")),
                "table {name}: column {c}"
            );
        }
    }
    for t in TABLES {
        let start = doc
            .find(&format!("- **{}**:", t.name))
            .unwrap_or_else(|| panic!("docs/record.md lacks table {}", t.name));
        let section = &doc[start..];
        let section = &section[..section[2..].find("\n- **").map_or(section.len(), |i| i + 2)];
        for c in t.columns {
            assert!(
                section.contains(&format!("`{c}`")),
                "table {}: column {c}",
                t.name
            );
        }
    }
}
