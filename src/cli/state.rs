//! `extract --state FILE`: incremental runs over an archive.
//!
//! The state remembers, per input path, the file's size and modification
//! time, its SHA-256 (from its records) and its outcome (records or error
//! line). A rerun takes an input whose size and mtime are unchanged from the
//! state without reading it; changed and new inputs are read; inputs no
//! longer given are dropped from the state ("gone").
//!
//! Files: `FILE` (JSON Lines: a header line, then one entry per input),
//! replaced atomically at the end of a run; and `FILE.journal`, to which
//! each finished input's entry is appended (and flushed) as soon as it is
//! done. A run killed even by SIGKILL leaves the journal behind; the next
//! run reads it after the state, so it redoes at most the inputs that were
//! in flight. A state written by another version of jixiao or with other
//! reading options is not used (everything is redone and it is replaced).
//! `timeout` and `internal` outcomes are never remembered: they are retried.

use std::collections::HashMap;
use std::fs;
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, FileError};
use crate::output::Output;
use crate::pipeline::Options;
use crate::record::Record;

/// The first line of a state file: what the outcomes depend on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Header {
    jixiao_state: u32,
    version: String,
    options: Options,
}

/// What an input gave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Records(Vec<Record>),
    Error { code: ErrorCode, message: String },
}

/// One remembered input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub path: String,
    pub size: u64,
    pub mtime_ns: u128,
    pub sha256: Option<String>,
    pub outcome: Outcome,
}

/// How the inputs of this run compare with the state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
    pub gone: usize,
}

/// Size and modification time of a file, without reading it.
fn stamp(path: &Path) -> Option<(u64, u128)> {
    let meta = fs::metadata(path).ok()?;
    let mtime = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some((meta.len(), mtime.as_nanos()))
}

/// The state of one run: what the last run left, and what this run learns.
pub struct State {
    path: PathBuf,
    header: Header,
    old: HashMap<String, Entry>,
    journal: Mutex<Option<fs::File>>,
    done: Mutex<HashMap<String, Entry>>,
    counts: Mutex<Counts>,
}

fn journal_path(path: &Path) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(".journal");
    PathBuf::from(p)
}

fn read_entries(path: &Path, header: &Header, into: &mut HashMap<String, Entry>) {
    let Ok(file) = fs::File::open(path) else {
        return;
    };
    let mut lines = io::BufReader::new(file).lines();
    let Some(Ok(first)) = lines.next() else {
        return;
    };
    if serde_json::from_str::<Header>(&first).ok().as_ref() != Some(header) {
        return;
    }
    // A line cut short by a kill is the last one; it and anything unreadable is skipped.
    for line in lines.map_while(Result::ok) {
        if let Ok(e) = serde_json::from_str::<Entry>(&line) {
            into.insert(e.path.clone(), e);
        }
    }
}

impl State {
    /// Load the state at `path` (and the journal a killed run left), and
    /// start this run's journal.
    ///
    /// # Errors
    /// The journal cannot be created.
    pub fn open(path: &Path, options: Options) -> io::Result<Self> {
        let header = Header {
            jixiao_state: 1,
            version: env!("CARGO_PKG_VERSION").to_string(),
            options,
        };
        let mut old = HashMap::new();
        read_entries(path, &header, &mut old);
        let journal = journal_path(path);
        read_entries(&journal, &header, &mut old);
        // Start the journal afresh with what is known so far, so that a kill
        // of this run loses nothing the last one had.
        let mut file = fs::File::create(&journal)
            .map_err(|e| io::Error::new(e.kind(), format!("--state {}: {e}", journal.display())))?;
        writeln!(file, "{}", serde_json::to_string(&header)?)?;
        for e in old.values() {
            writeln!(file, "{}", serde_json::to_string(e)?)?;
        }
        file.flush()?;
        Ok(Self {
            path: path.to_path_buf(),
            header,
            old,
            journal: Mutex::new(Some(file)),
            done: Mutex::new(HashMap::new()),
            counts: Mutex::new(Counts::default()),
        })
    }

    /// The remembered outcome of an input whose size and mtime are as
    /// remembered (the file is not read), counted as unchanged; otherwise
    /// None, counted as new or changed.
    pub fn reuse(&self, shown: &str, path: &Path) -> Option<Result<Vec<Record>, FileError>> {
        let old = self.old.get(shown);
        let now = stamp(path);
        let mut counts = self
            .counts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match (old, now) {
            (Some(e), Some((size, mtime))) if e.size == size && e.mtime_ns == mtime => {
                counts.unchanged += 1;
                drop(counts);
                self.done
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .insert(shown.to_string(), e.clone());
                Some(match &e.outcome {
                    Outcome::Records(r) => Ok(r.clone()),
                    Outcome::Error { code, message } => Err(FileError::new(*code, message.clone())),
                })
            }
            (Some(_), _) => {
                counts.changed += 1;
                None
            }
            (None, _) => {
                counts.new += 1;
                None
            }
        }
    }

    /// Remember what an input gave, in the journal at once.
    pub fn remember(&self, shown: &str, path: &Path, result: &Result<Vec<Record>, FileError>) {
        let outcome = match result {
            Ok(r) => Outcome::Records(r.clone()),
            Err(e) if matches!(e.code, ErrorCode::Timeout | ErrorCode::Internal) => return,
            Err(e) => Outcome::Error {
                code: e.code,
                message: e.message.clone(),
            },
        };
        let Some((size, mtime_ns)) = stamp(path) else {
            return;
        };
        let sha256 = match &outcome {
            Outcome::Records(r) => r.first().map(|r| r.source.sha256.clone()),
            Outcome::Error { .. } => None,
        };
        let entry = Entry {
            path: shown.to_string(),
            size,
            mtime_ns,
            sha256,
            outcome,
        };
        if let Ok(line) = serde_json::to_string(&entry) {
            let mut journal = self
                .journal
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if let Some(f) = journal.as_mut() {
                // A failed journal write only costs a redo after a kill.
                if writeln!(f, "{line}").and_then(|()| f.flush()).is_err() {
                    *journal = None;
                }
            }
        }
        self.done
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(shown.to_string(), entry);
    }

    /// Write the state of this run (the inputs it saw, in `order`) into
    /// place atomically and remove the journal. Returns the counts, `gone`
    /// being the remembered inputs this run did not see.
    ///
    /// # Errors
    /// The state cannot be written.
    pub fn commit(self, order: &[String]) -> io::Result<Counts> {
        let done = self
            .done
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut counts = self
            .counts
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let seen: std::collections::HashSet<&str> = order.iter().map(String::as_str).collect();
        counts.gone = self
            .old
            .keys()
            .filter(|k| !seen.contains(k.as_str()))
            .count();
        let mut out = Output::file(&self.path)?;
        writeln!(out, "{}", serde_json::to_string(&self.header)?)?;
        for shown in order {
            if let Some(e) = done.get(shown) {
                writeln!(out, "{}", serde_json::to_string(e)?)?;
            }
        }
        out.commit()?;
        drop(self.journal);
        let _ = fs::remove_file(journal_path(&self.path));
        Ok(counts)
    }
}
