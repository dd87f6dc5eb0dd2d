//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (tests run with it as the working directory).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run the `jixiao` binary with `args` in `dir`, with `stdin` fed in.
pub fn jixiao(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    use std::io::Write;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_jixiao"));
    cmd.current_dir(dir).args(args);
    cmd.stdin(std::process::Stdio::piped());
    cmd.stdout(std::process::Stdio::piped());
    cmd.stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().expect("run jixiao");
    {
        let mut pipe = child.stdin.take().expect("stdin");
        if let Some(s) = stdin {
            pipe.write_all(s.as_bytes()).expect("write stdin");
        }
    }
    child.wait_with_output().expect("wait for jixiao")
}

/// Parse JSON Lines.
pub fn json_lines(bytes: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(bytes)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

/// Assert two JSON values are equal; on a difference, show the first line
/// where their pretty forms part.
pub fn assert_json_eq(got: &serde_json::Value, want: &serde_json::Value, what: &str) {
    if got == want {
        return;
    }
    let g = serde_json::to_string_pretty(got).unwrap();
    let w = serde_json::to_string_pretty(want).unwrap();
    let first = g
        .lines()
        .zip(w.lines())
        .position(|(a, b)| a != b)
        .unwrap_or(0);
    panic!(
        "{what}: differs at line {}:\n got: {}\nwant: {}",
        first + 1,
        g.lines().nth(first).unwrap_or(""),
        w.lines().nth(first).unwrap_or("")
    );
}

/// Make a named pipe at `path` (with the system's `mkfifo`).
pub fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(made.success(), "mkfifo {}", path.display());
}

/// Open one end of a named pipe without blocking: the reading end opens at
/// once; the writing end only when a reader is there (else an error).
pub fn open_pipe_end(path: &Path, write: bool) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    const O_NONBLOCK: i32 = 0o4000; // Linux
    std::fs::OpenOptions::new()
        .read(!write)
        .write(write)
        .custom_flags(O_NONBLOCK)
        .open(path)
}

/// Poll `done` every `every` until it holds or `tries` run out; whether it held.
pub fn wait_until(tries: u32, every: std::time::Duration, mut done: impl FnMut() -> bool) -> bool {
    for _ in 0..tries {
        if done() {
            return true;
        }
        std::thread::sleep(every);
    }
    done()
}

/// Every key of `want` is in `got` with an equal value (numbers compared as numbers).
pub fn assert_subset(got: &serde_json::Value, want: &serde_json::Value, path: &str) {
    match (got, want) {
        (serde_json::Value::Object(g), serde_json::Value::Object(w)) => {
            for (k, wv) in w {
                let gv = g.get(k).unwrap_or_else(|| panic!("{path}.{k}: missing"));
                assert_subset(gv, wv, &format!("{path}.{k}"));
            }
        }
        (serde_json::Value::Array(g), serde_json::Value::Array(w)) => {
            assert_eq!(g.len(), w.len(), "{path}: length");
            for (i, (gv, wv)) in g.iter().zip(w).enumerate() {
                assert_subset(gv, wv, &format!("{path}[{i}]"));
            }
        }
        (serde_json::Value::Number(g), serde_json::Value::Number(w)) => {
            assert!(
                (g.as_f64().unwrap() - w.as_f64().unwrap()).abs() < 1e-9,
                "{path}: {g} ≠ {w}"
            );
        }
        _ => assert_eq!(got, want, "{path}"),
    }
}

/// The grids of a sample file (path from the repository root) as
/// `jixiao tables` prints them: joined cell text (SPEC's cell-text rule).
pub fn grids(path: &str) -> Vec<jixiao::table::Grid> {
    use jixiao::pipeline::{Options, blocks};
    use jixiao::table::Block;
    let bytes = std::fs::read(root().join(path)).expect("sample file");
    let (_, bs) = blocks(path, &bytes, &Options::default()).expect("blocks");
    bs.into_iter()
        .filter_map(|b| match b {
            Block::Table(g) => Some(g.unwrapped()),
            Block::Text { .. } => None,
        })
        .collect()
}

/// Text with every white-space character removed.
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}
