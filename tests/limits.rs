//! Per-file limits and what a killed run leaves behind.

mod common;

use std::fs;
use std::process::{Command, Stdio};

use common::{jixiao, json_lines, mkfifo, open_pipe_end, root, wait_until};

const MS_20: std::time::Duration = std::time::Duration::from_millis(20);

const SEED: &str = "samples/text/000_5db012f121f01c6e.txt";

/// A named pipe nobody writes to: reading it blocks for ever, which makes
/// a file that never finishes, deterministically.
fn stuck_file(dir: &std::path::Path) -> std::path::PathBuf {
    let fifo = dir.join("stuck.txt");
    mkfifo(&fifo);
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
        summary[0].contains("2 files, 0 records, 0 warnings, 2 errors"),
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

/// A run halfway: the seed is read (one thread), then the worker waits for
/// ever on a pipe. `target` held "previous" before the run.
struct Halfway {
    dir: tempfile::TempDir,
    fifo: std::path::PathBuf,
    target: std::path::PathBuf,
    child: std::process::Child,
    /// The pipe's writing end, kept open so the worker's read never ends.
    _writer: fs::File,
}

fn halfway_run() -> Halfway {
    let dir = tempfile::tempdir().unwrap();
    let fifo = stuck_file(dir.path());
    let target = dir.path().join("r.jsonl");
    fs::write(&target, "previous\n").unwrap();
    let seed = root().join(SEED);
    let child = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .current_dir(dir.path())
        .args(["extract", "-j", "1", "--timeout", "0"])
        .arg(&seed)
        .arg(&fifo)
        .args(["-o", "r.jsonl", "--errors", "e.jsonl"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Opening the pipe's writing end without blocking succeeds only once
    // the worker's read is there: the run is halfway.
    let mut writer = None;
    assert!(wait_until(1500, MS_20, || {
        writer = open_pipe_end(&fifo, true).ok();
        writer.is_some()
    }));
    // The worker process holds the pipe open, stuck in its read (its open
    // returns just after ours succeeds, so wait for the descriptor).
    let mut worker = Vec::new();
    wait_until(150, MS_20, || {
        worker = holders(&fifo);
        !worker.is_empty()
    });
    assert_eq!(worker.len(), 1, "one worker reads the pipe: {worker:?}");
    Halfway {
        dir,
        fifo,
        target,
        child,
        _writer: writer.unwrap(),
    }
}

impl Halfway {
    /// The names left in the run's folder, sorted.
    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// Assert the worker, orphaned, stops though its read never ends
    /// (waits up to 30 s; it takes about 0.2 s).
    fn assert_worker_gone(&self) {
        let mut left = Vec::new();
        wait_until(150, MS_20 * 10, || {
            left = holders(&self.fifo);
            left.is_empty()
        });
        assert!(left.is_empty(), "orphaned worker still running: {left:?}");
    }
}

#[test]
fn a_killed_run_leaves_the_previous_output_whole() {
    let mut run = halfway_run();
    run.child.kill().unwrap();
    run.child.wait().unwrap();
    assert_eq!(fs::read_to_string(&run.target).unwrap(), "previous\n");
    run.assert_worker_gone();
    // SIGKILL cannot be caught: what was being written stays as hidden
    // temporary files, and never took the output's name.
    let names = run.names();
    assert_eq!(names.len(), 4, "{names:?}");
    assert_eq!(names[2..], ["r.jsonl", "stuck.txt"]);
    assert!(names[..2].iter().all(|n| n.starts_with(".jixiao-")));
}

#[test]
fn a_run_stopped_by_sigterm_or_sigint_removes_its_temporary_files() {
    for (signal, code) in [("TERM", 143), ("INT", 130)] {
        let mut run = halfway_run();
        let sent = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(run.child.id().to_string())
            .status()
            .unwrap();
        assert!(sent.success());
        let status = run.child.wait().unwrap();
        assert_eq!(status.code(), Some(code), "SIG{signal}");
        assert_eq!(fs::read_to_string(&run.target).unwrap(), "previous\n");
        assert_eq!(run.names(), ["r.jsonl", "stuck.txt"]);
        run.assert_worker_gone();
    }
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
