//! The command line: exit codes, error lines, ordering, atomic output.

mod common;

use std::fs;

use common::{jixiao, json_lines, mkfifo, open_pipe_end, root};

const SEED: &str = "samples/text/000_5db012f121f01c6e.txt";

/// A folder with the seed, a file with no form, an unreadable file (a
/// dangling link) and an HTML page named .pdf.
fn mixed_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::copy(root().join(SEED), d.join("a_seed.txt")).unwrap();
    fs::copy(
        root().join("samples/text/no_form.txt"),
        d.join("b_no_form.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink(d.join("missing"), d.join("c_broken.txt")).unwrap();
    fs::write(d.join("d_page.pdf"), "<html><body>404</body></html>").unwrap();
    dir
}

#[test]
fn bad_files_get_error_lines_and_the_rest_still_records() {
    let dir = mixed_dir();
    let out = jixiao(
        dir.path(),
        &["extract", ".", "-o", "r.jsonl", "--errors", "e.jsonl"],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = json_lines(&fs::read(dir.path().join("r.jsonl")).unwrap());
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["source"]["path"], "./a_seed.txt");
    let errors = json_lines(&fs::read(dir.path().join("e.jsonl")).unwrap());
    let got: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| (e["path"].as_str().unwrap(), e["error"].as_str().unwrap()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("./b_no_form.txt", "no_form_found"),
            ("./c_broken.txt", "unreadable"),
            ("./d_page.pdf", "not_pdf"),
        ]
    );
    assert!(
        errors
            .iter()
            .all(|e| !e["message"].as_str().unwrap().is_empty())
    );
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(
        summary.contains("4 files, 1 records, 1 warnings, 3 errors, 0 skipped"),
        "{summary}"
    );
}

#[test]
fn all_good_inputs_exit_zero_and_records_go_to_stdout() {
    let out = jixiao(
        &root(),
        &["extract", SEED, "samples/text/project_national.txt"],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let records = json_lines(&out.stdout);
    let forms: Vec<&str> = records
        .iter()
        .map(|r| r["form"].as_str().unwrap())
        .collect();
    assert_eq!(forms, vec!["department_overall", "project"]);
}

#[test]
fn keys_come_in_spec_order() {
    let out = jixiao(&root(), &["extract", SEED], None);
    let line = String::from_utf8(out.stdout).unwrap();
    let keys = [
        "\"schema\"",
        "\"source\"",
        "\"form\"",
        "\"title\"",
        "\"year\"",
        "\"department\"",
        "\"project\"",
        "\"implementer\"",
        "\"unit\"",
        "\"funds\"",
        "\"fund_sources\"",
        "\"goal\"",
        "\"indicators\"",
        "\"tasks\"",
        "\"total_score\"",
        "\"grade\"",
        "\"problems\"",
        "\"improvements\"",
        "\"extra\"",
        "\"warnings\"",
    ];
    let pos: Vec<usize> = keys
        .iter()
        .map(|k| line.find(k).unwrap_or_else(|| panic!("{k}")))
        .collect();
    assert!(pos.windows(2).all(|w| w[0] < w[1]), "{pos:?}");
    assert!(!line.contains("\"tables\""), "tables only with --tables");
    assert!(
        line.contains("\"value\":100,"),
        "whole numbers print as integers"
    );
}

#[test]
fn tables_flag_adds_grids() {
    let out = jixiao(&root(), &["extract", "--tables", SEED], None);
    let r = &json_lines(&out.stdout)[0];
    let tables = r["tables"].as_array().unwrap();
    assert_eq!(tables.len(), 2);
    assert_eq!(
        (tables[0]["rows"].as_u64(), tables[0]["cols"].as_u64()),
        (Some(23), Some(5))
    );
}

#[test]
fn output_is_byte_identical_across_thread_counts() {
    let one = jixiao(&root(), &["extract", "-j", "1", "samples"], None);
    let two = jixiao(&root(), &["extract", "-j", "2", "samples"], None);
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, two.stdout);
    let again = jixiao(&root(), &["extract", "-j", "2", "samples"], None);
    assert_eq!(two.stdout, again.stdout);
}

#[test]
fn paths_from_stdin() {
    let out = jixiao(
        &root(),
        &["extract", "-"],
        Some("samples/text/project_national.txt\nsamples/text/dept_yuan_bom_crlf.txt\n"),
    );
    assert_eq!(out.status.code(), Some(0));
    let paths: Vec<String> = json_lines(&out.stdout)
        .iter()
        .map(|r| r["source"]["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        paths,
        vec![
            "samples/text/project_national.txt",
            "samples/text/dept_yuan_bom_crlf.txt"
        ]
    );
}

#[test]
fn usage_errors_exit_two() {
    assert_eq!(jixiao(&root(), &["extract"], None).status.code(), Some(2));
    assert_eq!(
        jixiao(&root(), &["extract", "-j", "0", SEED], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        jixiao(&root(), &["frobnicate"], None).status.code(),
        Some(2)
    );
    // A limit of 0 would fail every file: refused up front.
    for limit in ["--max-pages", "--max-stream-mib", "--memory-mib"] {
        let out = jixiao(&root(), &["extract", limit, "0", SEED], None);
        assert_eq!(out.status.code(), Some(2), "{limit}");
        assert!(out.stdout.is_empty(), "{limit}");
    }
}

#[test]
fn outputs_that_collide_or_name_a_missing_folder_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    // -o into the --csv folder's forms.csv: one would replace the other.
    let forms = format!("{d}/forms.csv");
    let out = jixiao(&root(), &["extract", SEED, "-o", &forms, "--csv", d], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-o and --csv both name"));
    // `-o out/` names a folder, not a file called `out`.
    let out = jixiao(
        &root(),
        &["extract", SEED, "-o", &format!("{d}/out/")],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
}

#[test]
fn a_new_output_file_follows_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    for (umask, mode) in [("077", 0o600), ("022", 0o644)] {
        let target = dir.path().join(format!("r{umask}.jsonl"));
        let status = std::process::Command::new("sh")
            .current_dir(root())
            .arg("-c")
            .arg(format!(r#"umask {umask}; "$0" extract "$1" -o "$2""#))
            .arg(env!("CARGO_BIN_EXE_jixiao"))
            .arg(SEED)
            .arg(&target)
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(0));
        let got = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(got, mode, "umask {umask}");
    }
}

#[test]
fn output_into_a_missing_folder_is_an_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("no/such/dir/r.jsonl");
    let out = jixiao(
        &root(),
        &["extract", SEED, "-o", target.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(!target.exists());
}

#[test]
fn output_onto_a_folder_is_refused_before_any_file_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let out = jixiao(
        &root(),
        &["extract", SEED, "-o", dir.path().to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("is a folder"), "{stderr}");
    // Refused up front: no summary of files read, nothing written.
    assert!(!stderr.contains("records"), "{stderr}");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn records_and_errors_into_one_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("r.jsonl"), "previous\n").unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink("r.jsonl", dir.path().join("link.jsonl")).unwrap();
    for errors in ["./r.jsonl", "sub/../r.jsonl", "link.jsonl"] {
        let seed = root().join(SEED);
        let out = jixiao(
            dir.path(),
            &[
                "extract",
                seed.to_str().unwrap(),
                "-o",
                "r.jsonl",
                "--errors",
                errors,
            ],
            None,
        );
        assert_eq!(out.status.code(), Some(2), "{errors}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("one would replace the other"), "{stderr}");
        let kept = fs::read_to_string(dir.path().join("r.jsonl")).unwrap();
        assert_eq!(kept, "previous\n");
    }
}

#[test]
fn a_reader_that_stops_early_ends_the_run() {
    // `jixiao extract … | head -n 1`: more inputs than the run keeps in
    // flight, so the run is waiting to hand out the next one when its
    // output breaks. It used to wait for ever.
    use std::io::BufRead;
    let mut args = vec!["extract", "-j", "1"];
    args.extend([SEED; 40]);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .current_dir(root())
        .args(&args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    out.read_line(&mut first).unwrap();
    assert!(first.starts_with("{\"schema\":\"jixiao/1\""), "{first}");
    drop(out);
    let ended = common::wait_until(300, std::time::Duration::from_millis(200), || {
        child.try_wait().unwrap().is_some()
    });
    if !ended {
        child.kill().unwrap();
    }
    assert!(ended, "the run still waits 60 s after its reader left");
}

#[test]
fn output_to_dev_stdout_appends_to_the_file_the_shell_opened() {
    // `-o /dev/stdout >> log.jsonl` used to replace log.jsonl by rename.
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log.jsonl");
    fs::write(&log, "previous\n").unwrap();
    let status = std::process::Command::new("sh")
        .current_dir(root())
        .arg("-c")
        .arg(r#""$0" extract "$1" -o /dev/stdout >> "$2""#)
        .arg(env!("CARGO_BIN_EXE_jixiao"))
        .arg(SEED)
        .arg(&log)
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    let want = format!(
        "previous\n{}",
        String::from_utf8(seed_record_bytes()).unwrap()
    );
    assert!(
        fs::read_to_string(&log).unwrap() == want,
        "log.jsonl lost its first line or the record"
    );
}

#[test]
fn a_folder_that_cannot_be_walked_gets_an_error_line() {
    // A loop (tests run as root, so a folder without permissions would not
    // do): it used to vanish, with exit 0, since its name has no .txt.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir(d.join("a")).unwrap();
    fs::copy(root().join(SEED), d.join("a/seed.txt")).unwrap();
    std::os::unix::fs::symlink(d, d.join("a/loop")).unwrap();
    let errors_file = tempfile::NamedTempFile::new().unwrap();
    let out = jixiao(
        d,
        &[
            "extract",
            ".",
            "--errors",
            errors_file.path().to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let records = json_lines(&out.stdout);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["source"]["path"], "./a/seed.txt");
    let errors = json_lines(&fs::read(errors_file.path()).unwrap());
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["path"], "./a/loop");
    assert_eq!(errors[0]["error"], "unreadable");
    let message = errors[0]["message"].as_str().unwrap();
    assert!(message.starts_with("cannot read this folder"), "{message}");
}

#[test]
fn file_names_that_are_not_utf8_are_read() {
    // A GBK name (测试.txt) from a Windows archive: the worker could not be
    // sent its path (internal), stdin and the command line refused it.
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"\xb2\xe2\xca\xd4.txt");
    fs::copy(root().join(SEED), dir.path().join(name)).unwrap();
    let from_walk = jixiao(dir.path(), &["extract", "."], None);
    assert_eq!(from_walk.status.code(), Some(0), "{from_walk:?}");
    let records = json_lines(&from_walk.stdout);
    assert_eq!(records.len(), 1);
    // JSON holds text: the path is shown with U+FFFD for each bad byte.
    assert_eq!(
        records[0]["source"]["path"],
        "./\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}.txt"
    );
    let mut list = name.as_bytes().to_vec();
    list.extend(b"\nmissing.txt\n");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .current_dir(dir.path())
        .args(["extract", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), &list).unwrap();
    let from_stdin = child.wait_with_output().unwrap();
    assert_eq!(from_stdin.status.code(), Some(1));
    assert_eq!(
        json_lines(&from_stdin.stdout),
        records
            .iter()
            .map(|r| {
                let mut r = r.clone();
                r["source"]["path"] = "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}.txt".into();
                r
            })
            .collect::<Vec<_>>()
    );
    let from_args = std::process::Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .current_dir(dir.path())
        .arg("extract")
        .arg(name)
        .output()
        .unwrap();
    assert_eq!(from_args.status.code(), Some(0));
    assert_eq!(json_lines(&from_args.stdout).len(), 1);
}

/// The seed's record line, as `-o` to a plain file writes it.
fn seed_record_bytes() -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("r.jsonl");
    let out = jixiao(
        &root(),
        &["extract", SEED, "-o", target.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    fs::read(&target).unwrap()
}

#[test]
fn output_to_a_named_pipe_is_written_into_it_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.jsonl");
    mkfifo(&fifo);
    // A reader on the other end, as `-o >(gzip > r.gz)` or `-o /dev/stdout`
    // has. Opened without blocking, so that if the pipe were replaced by a
    // file the test reads nothing and fails rather than waiting for ever.
    let mut reader = open_pipe_end(&fifo, false).unwrap();
    let out = jixiao(
        &root(),
        &["extract", SEED, "-o", fifo.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    // The record (a few KiB) sits in the pipe's buffer; the writer is gone.
    let mut got = Vec::new();
    std::io::Read::read_to_end(&mut reader, &mut got).unwrap();
    assert_eq!(got, seed_record_bytes());
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
    // Nothing was left beside it.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn output_through_a_link_replaces_the_file_it_names_and_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.jsonl");
    fs::write(&real, "old\n").unwrap();
    fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("link.jsonl");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = jixiao(
        &root(),
        &["extract", SEED, "-o", link.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read(&real).unwrap(), seed_record_bytes());
    let mode = fs::metadata(&real).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

#[test]
fn csv_tables_join_on_path_and_form() {
    let dir = tempfile::tempdir().unwrap();
    let out = jixiao(
        &root(),
        &["extract", SEED, "--csv", dir.path().to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let forms = fs::read_to_string(dir.path().join("forms.csv")).unwrap();
    assert_eq!(forms.lines().count(), 2);
    // initial, annual, actual, adjustment, general public budget, execution rate.
    assert!(
        forms
            .lines()
            .nth(1)
            .unwrap()
            .contains(",18847.8,19206.99,18570.21,359.19,18211.58,96.68,")
    );
    let ind = fs::read_to_string(dir.path().join("indicators.csv")).unwrap();
    assert_eq!(ind.lines().count(), 16);
    let tasks = fs::read_to_string(dir.path().join("tasks.csv")).unwrap();
    assert_eq!(tasks.lines().count(), 1 + 4);
    let pairs = fs::read_to_string(dir.path().join("task_indicators.csv")).unwrap();
    assert_eq!(pairs.lines().count(), 1 + 9 + 6 + 4 + 9);
}

#[test]
fn schema_is_generated_json_schema() {
    let out = jixiao(&root(), &["schema"], None);
    assert_eq!(out.status.code(), Some(0));
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let props = s["properties"].as_object().unwrap();
    for k in [
        "schema",
        "source",
        "funds",
        "indicators",
        "tasks",
        "warnings",
    ] {
        assert!(props.contains_key(k), "{k}");
    }
    assert!(s.to_string().contains("department_overall"));
}

#[test]
fn tables_and_text_commands() {
    let out = jixiao(&root(), &["tables", SEED], None);
    assert_eq!(out.status.code(), Some(0));
    let grids: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cells = grids[0]["cells"].as_array().unwrap();
    let label = cells.iter().find(|c| c["text"] == "年度关键指标").unwrap();
    assert_eq!(
        label["row_span"], 15,
        "the merged label spans its 15 rows; the 16th lost its tab"
    );
    let out = jixiao(&root(), &["text", SEED], None);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("\n\n黄埔区广州开发区部门整体支出绩效自评表 (2021年度)\n\n单位: 万元\n")
    );
    let out = jixiao(&root(), &["text", "samples/pdf/seed_gbk.pdf"], None);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.matches('\u{c}').count(), 1, "two pages");
    assert!(
        text.contains("19,206.99"),
        "GBK single-byte codes are ASCII"
    );
    assert!(!text.contains('\u{FFFD}'));
    let out = jixiao(&root(), &["text", "samples/pdf/scan.pdf"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no_text_layer"));
}
