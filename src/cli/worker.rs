//! Worker processes: each file is read in a child process (`jixiao worker`,
//! hidden), so that one file can be stopped when it runs past the time limit
//! and can never take more memory than its ceiling, whatever it holds.
//!
//! The parent keeps one worker per thread and reuses it from file to file.
//! Protocol, one JSON line each way: the parent writes a [`Request`], the
//! worker answers a [`Reply`]. A worker that runs past the time limit is
//! killed (`timeout`); one that dies (its memory ceiling, a crash) is
//! reported as `internal`; either way a fresh worker takes the next file.

use std::io::{self, BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::Mutex;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::ExitStatus;
use crate::error::{ErrorCode, FileError};
use crate::pipeline::{self, Options};
use crate::record::Record;

/// One file to read.
#[derive(Debug, Serialize, Deserialize)]
struct Request {
    /// As bytes: a file name need not be UTF-8 (GBK names from Windows).
    #[serde(with = "path_bytes")]
    path: PathBuf,
    shown: String,
}

/// A path through JSON as its bytes, whatever its encoding.
mod path_bytes {
    use std::path::{Path, PathBuf};

    use serde::{Deserialize, Deserializer, Serializer};

    #[cfg(unix)]
    pub fn serialize<S: Serializer>(path: &Path, s: S) -> Result<S::Ok, S::Error> {
        use std::os::unix::ffi::OsStrExt;
        s.serialize_bytes(path.as_os_str().as_bytes())
    }

    #[cfg(unix)]
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<PathBuf, D::Error> {
        use std::os::unix::ffi::OsStringExt;
        Ok(PathBuf::from(std::ffi::OsString::from_vec(
            Vec::<u8>::deserialize(d)?,
        )))
    }

    #[cfg(not(unix))]
    pub fn serialize<S: Serializer>(path: &Path, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&path.to_string_lossy())
    }

    #[cfg(not(unix))]
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<PathBuf, D::Error> {
        Ok(PathBuf::from(String::deserialize(d)?))
    }
}

/// What came of it.
#[derive(Debug, Serialize, Deserialize)]
enum Reply {
    Records(Vec<Record>),
    Error { code: ErrorCode, message: String },
}

/// Bounds on one file.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    /// Per-file time limit; `None` for no limit.
    pub timeout: Option<Duration>,
    /// Address-space ceiling of a worker, in MiB.
    pub memory_mib: u64,
}

/// The worker's side: set the memory ceiling, then answer requests from
/// stdin until it closes.
///
/// # Errors
/// I/O errors on the pipes.
pub fn serve(options: Options, memory_mib: u64) -> io::Result<ExitStatus> {
    watch_parent();
    let bytes = memory_mib.saturating_mul(1 << 20);
    rlimit::setrlimit(rlimit::Resource::AS, bytes, bytes)?;
    let stdin = io::stdin().lock();
    let mut stdout = io::stdout().lock();
    for line in stdin.lines() {
        let request: Request = serde_json::from_str(&line?).map_err(io::Error::other)?;
        let reply = match pipeline::extract_file(&request.path, &request.shown, options) {
            Ok(records) => Reply::Records(records),
            Err(e) => Reply::Error {
                code: e.code,
                message: e.message,
            },
        };
        serde_json::to_writer(&mut stdout, &reply)?;
        stdout.write_all(b"\n")?;
        stdout.flush()?;
    }
    Ok(ExitStatus::Success)
}

/// Stop this worker once its parent is gone (the run was killed), even when
/// it is stuck in a read that never ends: an orphan would otherwise live on.
fn watch_parent() {
    #[cfg(unix)]
    {
        let parent = std::os::unix::process::parent_id();
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(Duration::from_millis(200));
                if std::os::unix::process::parent_id() != parent {
                    std::process::exit(ORPHANED);
                }
            }
        });
    }
}

/// The exit code of a worker that outlived its parent (nobody reads it).
const ORPHANED: i32 = 3;

/// A running worker.
struct Worker {
    child: Child,
    stdin: ChildStdin,
    /// Lines from the worker's stdout; `None` when it closed.
    lines: Receiver<Option<String>>,
}

impl Worker {
    fn spawn(options: Options, memory_mib: u64) -> io::Result<Self> {
        let mut cmd = Command::new(std::env::current_exe()?);
        cmd.arg("worker")
            .arg("--memory-mib")
            .arg(memory_mib.to_string())
            .arg("--max-pages")
            .arg(options.max_pages.to_string())
            .arg("--max-stream-mib")
            .arg(options.max_stream_mib.to_string());
        if options.keep_tables {
            cmd.arg("--tables");
        }
        if options.provenance {
            cmd.arg("--provenance");
        }
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let stdin = child
            .stdin
            .take()
            .ok_or_else(|| io::Error::other("no worker stdin"))?;
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| io::Error::other("no worker stdout"))?;
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                match line {
                    Ok(l) => {
                        if tx.send(Some(l)).is_err() {
                            return;
                        }
                    }
                    Err(_) => break,
                }
            }
            let _ = tx.send(None);
        });
        Ok(Self {
            child,
            stdin,
            lines,
        })
    }

    fn kill(mut self) -> String {
        let _ = self.child.kill();
        match self.child.wait() {
            Ok(status) => status.to_string(),
            Err(e) => e.to_string(),
        }
    }
}

/// Workers shared by the threads of a run.
pub struct Pool {
    idle: Mutex<Vec<Worker>>,
    options: Options,
    bounds: Bounds,
}

impl Pool {
    #[must_use]
    pub fn new(options: Options, bounds: Bounds) -> Self {
        Self {
            idle: Mutex::new(Vec::new()),
            options,
            bounds,
        }
    }

    /// Read one file in a worker.
    ///
    /// # Errors
    /// The file's own error, `timeout`, or `internal` when the worker died.
    pub fn extract(&self, path: &std::path::Path, shown: &str) -> Result<Vec<Record>, FileError> {
        let idle = self.idle.lock().map(|mut v| v.pop()).unwrap_or(None);
        let mut worker = match idle {
            Some(w) => w,
            None => Worker::spawn(self.options, self.bounds.memory_mib).map_err(|e| {
                FileError::new(ErrorCode::Internal, format!("cannot start a worker: {e}"))
            })?,
        };
        let request = Request {
            path: path.to_path_buf(),
            shown: shown.to_string(),
        };
        let sent = serde_json::to_string(&request)
            .map_err(io::Error::other)
            .and_then(|mut line| {
                line.push('\n');
                worker.stdin.write_all(line.as_bytes())?;
                worker.stdin.flush()
            });
        if let Err(e) = sent {
            // A worker that dies before it takes the file (under a tiny
            // memory ceiling, say) closes its end first: same cause, same words.
            let status = worker.kill();
            return Err(FileError::new(
                ErrorCode::Internal,
                format!(
                    "the worker for this file died before it took the file ({status}: {e}); it may have hit the memory ceiling of {} MiB",
                    self.bounds.memory_mib
                ),
            ));
        }
        let answer = match self.bounds.timeout {
            Some(t) => worker.lines.recv_timeout(t),
            None => worker
                .lines
                .recv()
                .map_err(|_| RecvTimeoutError::Disconnected),
        };
        match answer {
            Ok(Some(line)) => {
                let reply: Reply = serde_json::from_str(&line).map_err(|e| {
                    FileError::new(ErrorCode::Internal, format!("unreadable worker reply: {e}"))
                })?;
                if let Ok(mut v) = self.idle.lock() {
                    v.push(worker);
                }
                match reply {
                    Reply::Records(r) => Ok(r),
                    Reply::Error { code, message } => Err(FileError { code, message }),
                }
            }
            Err(RecvTimeoutError::Timeout) => {
                worker.kill();
                Err(FileError::new(
                    ErrorCode::Timeout,
                    format!(
                        "stopped after the time limit of {} s",
                        self.bounds.timeout.map_or(0, |t| t.as_secs())
                    ),
                ))
            }
            Ok(None) | Err(RecvTimeoutError::Disconnected) => {
                let status = worker.kill();
                Err(FileError::new(
                    ErrorCode::Internal,
                    format!(
                        "the worker reading this file died ({status}); it may have hit the memory ceiling of {} MiB",
                        self.bounds.memory_mib
                    ),
                ))
            }
        }
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        if let Ok(mut v) = self.idle.lock() {
            for w in v.drain(..) {
                // Closing stdin ends the worker's loop; wait so no zombie stays.
                let Worker {
                    mut child, stdin, ..
                } = w;
                drop(stdin);
                let _ = child.wait();
            }
        }
    }
}
