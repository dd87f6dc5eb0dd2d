//! Archive and nightly work: `--state`, `--shard`, `--report`, `--csv`,
//! `--xlsx`, `--money`, `--glob`/`--exclude`, `not_found`.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use common::{jixiao, json_lines, root};

/// A folder holding the ten text samples (one without a form), a PDF
/// sample and two files jixiao does not read.
fn archive() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("in");
    fs::create_dir_all(d.join("sub")).unwrap();
    for e in fs::read_dir(root().join("samples/text")).unwrap() {
        let p = e.unwrap().path();
        fs::copy(&p, d.join(p.file_name().unwrap())).unwrap();
    }
    fs::copy(
        root().join("samples/pdf/seed_gbk.pdf"),
        d.join("sub/seed_gbk.pdf"),
    )
    .unwrap();
    fs::write(d.join("notes.md"), "not an input").unwrap();
    fs::write(d.join("sub/photo.jpg"), [0xFF, 0xD8, 0xFF]).unwrap();
    dir
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    let out = jixiao(dir, args, None);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        stderr(&out)
    );
    out
}

#[test]
fn a_rerun_with_state_reuses_unchanged_inputs_and_redoes_changed_ones() {
    let dir = archive();
    let d = dir.path();
    let first = run(d, &["extract", "in", "-o", "r1.jsonl", "--state", "st"]);
    assert!(
        stderr(&first).contains("(11 new, 0 changed, 0 unchanged, 0 gone)"),
        "{}",
        stderr(&first)
    );
    assert!(!d.join("st.journal").exists(), "the journal is removed");
    let second = run(d, &["extract", "in", "-o", "r2.jsonl", "--state", "st"]);
    assert!(
        stderr(&second).contains("(0 new, 0 changed, 11 unchanged, 0 gone)"),
        "{}",
        stderr(&second)
    );
    assert_eq!(
        fs::read(d.join("r1.jsonl")).unwrap(),
        fs::read(d.join("r2.jsonl")).unwrap(),
        "reused records are the records"
    );

    // Change one file (a different size), delete another, add a third.
    let seed = d.join("in/000_5db012f121f01c6e.txt");
    let mut text = fs::read_to_string(&seed).unwrap();
    text = text.replace("19,206.99", "19,206.98");
    text.push('\n');
    fs::write(&seed, text).unwrap();
    fs::remove_file(d.join("in/project_yuan.txt")).unwrap();
    fs::copy(
        root().join("samples/text/project_national.txt"),
        d.join("in/zz_new.txt"),
    )
    .unwrap();
    let third = run(d, &["extract", "in", "-o", "r3.jsonl", "--state", "st"]);
    assert!(
        stderr(&third).contains("(1 new, 1 changed, 9 unchanged, 1 gone)"),
        "{}",
        stderr(&third)
    );
    let records = json_lines(&fs::read(d.join("r3.jsonl")).unwrap());
    let seed_record = records
        .iter()
        .find(|r| r["source"]["path"] == "in/000_5db012f121f01c6e.txt")
        .unwrap();
    assert_eq!(seed_record["funds"]["annual_budget"], 19206.98, "redone");
    assert!(
        records
            .iter()
            .all(|r| r["source"]["path"] != "in/project_yuan.txt"),
        "a deleted file's records are gone"
    );
}

#[test]
fn a_journal_left_by_a_killed_run_is_used() {
    let dir = archive();
    let d = dir.path();
    run(d, &["extract", "in", "-o", "r1.jsonl", "--state", "st"]);
    // What a run killed after finishing every file leaves: the journal, no state.
    fs::rename(d.join("st"), d.join("st.journal")).unwrap();
    let again = run(d, &["extract", "in", "-o", "r2.jsonl", "--state", "st"]);
    assert!(
        stderr(&again).contains("(0 new, 0 changed, 11 unchanged, 0 gone)"),
        "{}",
        stderr(&again)
    );
    // A journal cut in the middle of a line (killed while writing) loses that line only.
    let state = fs::read_to_string(d.join("st")).unwrap();
    let cut = &state[..state.len() - 40];
    fs::write(d.join("st.journal"), cut).unwrap();
    fs::remove_file(d.join("st")).unwrap();
    let after_cut = run(d, &["extract", "in", "-o", "r3.jsonl", "--state", "st"]);
    assert!(
        stderr(&after_cut).contains("(1 new, 0 changed, 10 unchanged, 0 gone)"),
        "{}",
        stderr(&after_cut)
    );
    assert_eq!(
        fs::read(d.join("r1.jsonl")).unwrap(),
        fs::read(d.join("r3.jsonl")).unwrap()
    );
}

#[test]
fn three_shards_hold_exactly_the_records_of_one_run() {
    let dir = archive();
    let d = dir.path();
    run(d, &["extract", "in", "-o", "all.jsonl"]);
    let mut whole: Vec<String> = fs::read_to_string(d.join("all.jsonl"))
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    let mut parts = Vec::new();
    let mut sizes = Vec::new();
    for k in 1..=3 {
        let out = format!("s{k}.jsonl");
        run(
            d,
            &["extract", "in", "-o", &out, "--shard", &format!("{k}/3")],
        );
        let lines: Vec<String> = fs::read_to_string(d.join(&out))
            .unwrap()
            .lines()
            .map(String::from)
            .collect();
        sizes.push(lines.len());
        parts.extend(lines);
    }
    whole.sort();
    parts.sort();
    assert_eq!(parts, whole);
    assert!(sizes.iter().filter(|&&n| n > 0).count() >= 2, "{sizes:?}");
    let bad = jixiao(d, &["extract", "in", "--shard", "4/3"], None);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn the_report_counts_inputs_skipped_records_errors_and_warnings() {
    let dir = archive();
    let d = dir.path();
    let out = run(
        d,
        &[
            "extract",
            "in",
            "missing.txt",
            "-o",
            "r.jsonl",
            "--errors",
            "e.jsonl",
            "--report",
            "report.json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value =
        serde_json::from_slice(&fs::read(d.join("report.json")).unwrap()).unwrap();
    let records = json_lines(&fs::read(d.join("r.jsonl")).unwrap());
    let mut by_form: BTreeMap<String, u64> = BTreeMap::new();
    let mut warnings = 0;
    for r in &records {
        *by_form
            .entry(r["form"].as_str().unwrap().to_string())
            .or_default() += 1;
        warnings += r["warnings"].as_array().unwrap().len();
    }
    assert_eq!(report["inputs"], 12, "10 text samples, a PDF, missing.txt");
    assert_eq!(report["skipped"], 2, "notes.md and photo.jpg");
    assert_eq!(report["records"], records.len());
    assert_eq!(report["records_by_form"], serde_json::json!(by_form));
    assert_eq!(report["warnings"], warnings);
    assert_eq!(report["errors"], 2);
    assert_eq!(
        report["errors_by_code"],
        serde_json::json!({"no_form_found": 1, "not_found": 1})
    );
    assert_eq!(report["version"], env!("CARGO_PKG_VERSION"));
    let errors = json_lines(&fs::read(d.join("e.jsonl")).unwrap());
    assert_eq!(errors.last().unwrap()["path"], "missing.txt");
    assert_eq!(errors.last().unwrap()["error"], "not_found");
    assert!(
        stderr(&out).contains(&format!("{warnings} warnings, 2 errors, 2 skipped")),
        "{}",
        stderr(&out)
    );
}

#[test]
fn glob_and_exclude_select_files_in_folders() {
    let dir = archive();
    let d = dir.path();
    run(
        d,
        &[
            "extract",
            "in",
            "-o",
            "r.jsonl",
            "--glob",
            "*.txt",
            "--exclude",
            "*no_form*",
            "--report",
            "rep.json",
        ],
    );
    let report: serde_json::Value =
        serde_json::from_slice(&fs::read(d.join("rep.json")).unwrap()).unwrap();
    assert_eq!(report["inputs"], 8, "9 .txt files less no_form.txt");
    assert_eq!(report["errors"], 0);
    assert_eq!(report["skipped"], 5);
}

/// Parse a CSV file the way a spreadsheet would: BOM first, RFC 4180.
fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = fs::read(path).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "{} has a BOM",
        path.display()
    );
    let mut r = csv::Reader::from_reader(&bytes[3..]);
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|x| x.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

#[test]
fn csv_tables_hold_every_entity_once_and_task_funds_add_up() {
    let dir = archive();
    let d = dir.path();
    run(d, &["extract", "in", "-o", "r.jsonl", "--csv", "csv"]);
    let records = json_lines(&fs::read(d.join("r.jsonl")).unwrap());
    let count = |f: &dyn Fn(&serde_json::Value) -> usize| records.iter().map(f).sum::<usize>();
    let len = |v: &serde_json::Value| v.as_array().map_or(0, Vec::len);
    let expect = [
        ("forms.csv", records.len()),
        ("fund_sources.csv", count(&|r| len(&r["fund_sources"]))),
        ("indicators.csv", count(&|r| len(&r["indicators"]))),
        ("tasks.csv", count(&|r| len(&r["tasks"]))),
        (
            "task_indicators.csv",
            count(&|r| {
                r["tasks"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|t| len(&t["indicators"]))
                    .sum()
            }),
        ),
        ("warnings.csv", count(&|r| len(&r["warnings"]))),
    ];
    for (file, n) in expect {
        let (header, rows) = read_csv(&d.join("csv").join(file));
        assert_eq!(rows.len(), n, "{file}");
        assert_eq!(&header[..2], ["path", "form_index"], "{file}");
    }
    // Summing task funds in tasks.csv gives the records' task funds.
    let (header, rows) = read_csv(&d.join("csv/tasks.csv"));
    let col = header.iter().position(|h| h == "funds").unwrap();
    let csv_sum: f64 = rows.iter().filter_map(|r| r[col].parse::<f64>().ok()).sum();
    let json_sum: f64 = records
        .iter()
        .flat_map(|r| r["tasks"].as_array().unwrap().iter())
        .filter_map(|t| t["funds"].as_f64())
        .sum();
    assert!(json_sum > 0.0);
    assert!((csv_sum - json_sum).abs() < 1e-6, "{csv_sum} vs {json_sum}");
    // The seed's row in forms.csv: Chinese intact, funds present.
    let (header, rows) = read_csv(&d.join("csv/forms.csv"));
    let seed = rows
        .iter()
        .find(|r| r[0] == "in/000_5db012f121f01c6e.txt")
        .unwrap();
    let get = |name: &str| &seed[header.iter().position(|h| h == name).unwrap()];
    assert_eq!(get("department"), "广州市黄埔区人民政府永和街道办事处");
    assert_eq!(get("funds_annual_budget"), "19206.99");
    assert_eq!(get("indicator_count"), "15");
    assert_eq!(get("warning_codes"), "met_undetermined");
}

#[test]
fn xlsx_holds_the_same_tables() {
    let dir = archive();
    let d = dir.path();
    run(d, &["extract", "in", "-o", "r.jsonl", "--xlsx", "t.xlsx"]);
    let bytes = fs::read(d.join("t.xlsx")).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"), "a zip container");
    // Six sheets, named after the tables (workbook.xml is stored deflated,
    // the part names in the zip directory are plain).
    for n in 1..=6 {
        let part = format!("xl/worksheets/sheet{n}.xml");
        assert!(
            bytes.windows(part.len()).any(|w| w == part.as_bytes()),
            "{part}"
        );
    }
    assert!(
        !bytes.windows(7).any(|w| w == b"sheet7."),
        "no seventh sheet"
    );
}

#[test]
fn money_option_makes_yuan_and_wan_forms_comparable() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let wan = fs::read_to_string(root().join("samples/text/000_5db012f121f01c6e.txt")).unwrap();
    assert!(wan.contains("单位: 万元"), "the seed is in 万元");
    // The same form printed in 元: every amount × 10,000.
    let yuan = wan
        .replace("万元", "元")
        .replace("19,206.99", "192,069,900.00")
        .replace("879.73", "8,797,300.00");
    fs::write(d.join("wan.txt"), &wan).unwrap();
    fs::write(d.join("yuan.txt"), &yuan).unwrap();
    run(
        d,
        &[
            "extract", "wan.txt", "yuan.txt", "-o", "r.jsonl", "--money", "万元",
        ],
    );
    let records = json_lines(&fs::read(d.join("r.jsonl")).unwrap());
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["unit"], "万元");
    assert_eq!(records[1]["unit"], "元", "unit stays as printed");
    assert_eq!(
        records[1]["amounts"],
        serde_json::json!({"unit": "万元", "converted_from": "元"})
    );
    assert_eq!(
        records[0]["amounts"],
        serde_json::json!({"unit": "万元", "converted_from": null})
    );
    assert_eq!(records[0]["funds"]["annual_budget"], 19206.99);
    assert_eq!(records[1]["funds"]["annual_budget"], 19206.99);
    assert_eq!(records[0]["tasks"][0]["funds"], 879.73);
    assert_eq!(records[1]["tasks"][0]["funds"], 879.73);
}

#[test]
fn a_run_killed_by_sigkill_redoes_only_the_inputs_in_flight() {
    let dir = archive();
    let d = dir.path();
    // An input that never finishes: a named pipe nobody writes to, given
    // last, so every other input is done while the run waits on it.
    common::mkfifo(&d.join("stuck.txt"));
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .current_dir(d)
        .args([
            "extract",
            "in",
            "stuck.txt",
            "-o",
            "r.jsonl",
            "--state",
            "st",
            "-j",
            "2",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let journal = d.join("st.journal");
    // The header and the 11 finished inputs.
    let written = common::wait_until(600, std::time::Duration::from_millis(50), || {
        fs::read_to_string(&journal).is_ok_and(|j| j.lines().count() == 12)
    });
    child.kill().unwrap(); // SIGKILL: no clean-up runs
    child.wait().unwrap();
    assert!(written, "the journal got every finished input");
    assert!(
        !d.join("st").exists(),
        "the state itself is written only at the end"
    );
    assert!(!d.join("r.jsonl").exists(), "no half output");
    let again = run(d, &["extract", "in", "-o", "r.jsonl", "--state", "st"]);
    assert!(
        stderr(&again).contains("(0 new, 0 changed, 11 unchanged, 0 gone)"),
        "{}",
        stderr(&again)
    );
    assert!(!journal.exists());
    assert_eq!(json_lines(&fs::read(d.join("r.jsonl")).unwrap()).len(), 10);
}
