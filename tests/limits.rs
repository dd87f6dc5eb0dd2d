//! Per-file limits and what a killed run leaves behind.

mod common;

use std::fs;
use std::process::{Command, Stdio};

use common::{jixiao, json_lines, root};

const SEED: &str = "samples/text/000_5db012f121f01c6e.txt";

/// A named pipe nobody writes to: reading it blocks for ever, which makes
/// a file that never finishes, deterministically.
fn stuck_file(dir: &std::path::Path) -> std::path::PathBuf {
    let fifo = dir.join("stuck.txt");
    let ok = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo")
        .success();
    assert!(ok);
    fifo
}

#[test]
fn a_file_past_the_time_limit_is_timeout_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = stuck_file(dir.path());
    let seed = root().join(SEED);
    let out = jixiao(
        dir.path(),
        &[
            "extract",
            "--timeout",
            "1",
            "-j",
            "1",
            fifo.to_str().unwrap(),
            seed.to_str().unwrap(),
            "-o",
            "r.jsonl",
            "--errors",
            "e.jsonl",
        ],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let errors = json_lines(&fs::read(dir.path().join("e.jsonl")).unwrap());
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["error"], "timeout");
    assert_eq!(errors[0]["path"], fifo.to_str().unwrap());
    // With one thread, the next file ran in a fresh worker after the kill.
    let records = json_lines(&fs::read(dir.path().join("r.jsonl")).unwrap());
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["form"], "department_overall");
}

#[test]
fn a_worker_over_its_memory_ceiling_is_internal_and_the_run_goes_on() {
    // 1 MiB of address space: no worker can even start its work.
    let out = jixiao(&root(), &["extract", "--memory-mib", "1", SEED, SEED], None);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let (errors, summary): (Vec<&str>, Vec<&str>) =
        stderr.lines().partition(|l| l.starts_with('{'));
    assert_eq!(summary, vec![summary[0]]);
    assert!(
        summary[0].contains("2 files, 0 records, 2 errors"),
        "{stderr}"
    );
    let errors = json_lines(errors.join("\n").as_bytes());
    assert_eq!(errors.len(), 2, "one error line per input");
    for e in &errors {
        assert_eq!(e["error"], "internal");
        assert!(
            e["message"]
                .as_str()
                .unwrap()
                .contains("memory ceiling of 1 MiB"),
            "{e}"
        );
    }
}

#[test]
fn in_process_mode_gives_the_same_records() {
    let a = jixiao(&root(), &["extract", "samples"], None);
    let b = jixiao(&root(), &["extract", "--in-process", "samples"], None);
    assert!(!a.stdout.is_empty());
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn a_killed_run_leaves_the_previous_output_whole() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = stuck_file(dir.path());
    let target = dir.path().join("r.jsonl");
    fs::write(&target, "previous\n").unwrap();
    let seed = root().join(SEED);
    let mut child = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .current_dir(dir.path())
        .args(["extract", "-j", "1", "--timeout", "0"])
        .arg(&seed)
        .arg(&fifo)
        .args(["-o", "r.jsonl"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The seed is read first (one thread), then the worker opens the pipe
    // and waits on it for ever. Opening the pipe's writing end without
    // blocking succeeds only once that reader is there: the run is halfway.
    let writer = loop {
        use std::os::unix::fs::OpenOptionsExt;
        const O_NONBLOCK: i32 = 0o4000; // Linux
        match fs::OpenOptions::new()
            .write(true)
            .custom_flags(O_NONBLOCK)
            .open(&fifo)
        {
            Ok(w) => break w,
            Err(_) => std::thread::sleep(std::time::Duration::from_millis(20)),
        }
    };
    // The worker process holds the pipe open, stuck in its read (its open
    // returns just after ours succeeds, so wait for the descriptor).
    let mut worker = holders(&fifo);
    for _ in 0..150 {
        if !worker.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        worker = holders(&fifo);
    }
    assert_eq!(worker.len(), 1, "one worker reads the pipe: {worker:?}");
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(fs::read_to_string(&target).unwrap(), "previous\n");
    // The orphaned worker sees its parent gone and stops, though its read
    // never ends (waits up to 30 s; it takes about 0.2 s).
    let mut left = holders(&fifo);
    for _ in 0..150 {
        if left.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
        left = holders(&fifo);
    }
    assert!(left.is_empty(), "orphaned worker still running: {left:?}");
    // What was being written never took the output's name.
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().any(|n| n.starts_with(".jixiao-")), "{names:?}");
    drop(writer);
}

/// Other processes that hold `path` open (read off /proc).
fn holders(path: &std::path::Path) -> Vec<u32> {
    let me = std::process::id();
    let mut pids = Vec::new();
    for entry in fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        if pid == me {
            continue;
        }
        let Ok(fds) = fs::read_dir(entry.path().join("fd")) else {
            continue;
        };
        if fds
            .flatten()
            .any(|fd| fs::read_link(fd.path()).is_ok_and(|l| l == path))
        {
            pids.push(pid);
        }
    }
    pids
}
