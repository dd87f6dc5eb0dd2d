//! `extract --state FILE`: incremental runs over an archive.
//!
//! The state remembers, per input path, the file's size and modification
//! time, its SHA-256 (from its records) and its outcome (records or error
//! line). A rerun takes an input whose size and mtime are unchanged from the
//! state without reading it; changed and new inputs are read; inputs no
//! longer given are dropped from the state ("gone").
//!
//! Files: `FILE` (JSON Lines: a header line, then one entry per input),
//! replaced atomically at the end of a run (not at all when nothing
//! changed); and `FILE.journal`, to which each input read in this run has
//! its entry appended (and flushed) as soon as it is done. A run killed
//! even by SIGKILL leaves the journal behind; the next run folds it into
//! the state before it starts, so it redoes at most the inputs that were in
//! flight. Remembered records are kept as the JSON text they were written
//! as, and an unchanged input's records are written out as that text. A state written by another version of jixiao or with other
//! reading options is not used (everything is redone and it is replaced);
//! `--provenance` is such an option: a state written without it is not
//! reused by a run with it, nor the other way round (records with and
//! without provenance differ, and only one kind is stored).
//! `timeout` and `internal` outcomes are never remembered: they are retried.

use std::collections::HashMap;
use std::fs;
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

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

/// What an input gave: its records as JSON text (one record each), or its error.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Records(Vec<Box<RawValue>>),
    Error { code: ErrorCode, message: String },
}

/// One remembered input.
#[derive(Debug, Clone, Serialize, Deserialize)]
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
    /// This run's journal, opened at the first input read.
    journal: Mutex<Journal>,
    done: Mutex<HashMap<String, Entry>>,
    counts: Mutex<Counts>,
}

/// The journal file: not opened yet, open, or given up after a failed write
/// (which only costs a redo after a kill).
enum Journal {
    Closed,
    Open(fs::File),
    Failed,
}

/// An input's records from the state, as the JSON text they were written as.
pub type Known = Result<Vec<Box<RawValue>>, FileError>;

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
    /// Load the state at `path`. A journal a killed run left is folded into
    /// it first (and the state rewritten), so that a kill of this run too
    /// loses nothing.
    ///
    /// # Errors
    /// The folded state cannot be written.
    pub fn open(path: &Path, options: Options) -> io::Result<Self> {
        let header = Header {
            jixiao_state: 1,
            version: env!("CARGO_PKG_VERSION").to_string(),
            options,
        };
        let mut old = HashMap::new();
        read_entries(path, &header, &mut old);
        let journal = journal_path(path);
        if journal.exists() {
            read_entries(&journal, &header, &mut old);
            let mut paths: Vec<&String> = old.keys().collect();
            paths.sort();
            write_state(path, &header, paths.into_iter().filter_map(|p| old.get(p)))?;
            fs::remove_file(&journal)?;
        }
        Ok(Self {
            path: path.to_path_buf(),
            header,
            old,
            journal: Mutex::new(Journal::Closed),
            done: Mutex::new(HashMap::new()),
            counts: Mutex::new(Counts::default()),
        })
    }

    /// The remembered outcome of an input whose size and mtime are as
    /// remembered (the file is not read), counted as unchanged; otherwise
    /// None, counted as new or changed.
    pub fn reuse(&self, shown: &str, path: &Path) -> Option<Known> {
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
            Ok(records) => {
                let raw: Result<Vec<Box<RawValue>>, _> = records
                    .iter()
                    .map(|r| serde_json::to_string(r).and_then(RawValue::from_string))
                    .collect();
                match raw {
                    Ok(raw) => Outcome::Records(raw),
                    Err(_) => return,
                }
            }
            Err(e) if matches!(e.code, ErrorCode::Timeout | ErrorCode::Internal) => return,
            Err(e) => Outcome::Error {
                code: e.code,
                message: e.message.clone(),
            },
        };
        let Some((size, mtime_ns)) = stamp(path) else {
            return;
        };
        let sha256 = match result {
            Ok(r) => r.first().map(|r| r.source.sha256.clone()),
            Err(_) => None,
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
            if matches!(*journal, Journal::Closed) {
                *journal = match self.start_journal() {
                    Ok(f) => Journal::Open(f),
                    Err(_) => Journal::Failed,
                };
            }
            if let Journal::Open(f) = &mut *journal
                && writeln!(f, "{line}").and_then(|()| f.flush()).is_err()
            {
                *journal = Journal::Failed;
            }
        }
        self.done
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(shown.to_string(), entry);
    }

    fn start_journal(&self) -> io::Result<fs::File> {
        let mut f = fs::File::create(journal_path(&self.path))?;
        writeln!(f, "{}", serde_json::to_string(&self.header)?)?;
        Ok(f)
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
        let journal = self
            .journal
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let read_any = !matches!(journal, Journal::Closed);
        drop(journal);
        // Nothing read, nothing gone: the state on disk is already this run's.
        if read_any || counts.gone > 0 || counts.new + counts.changed > 0 {
            write_state(
                &self.path,
                &self.header,
                order.iter().filter_map(|p| done.get(p)),
            )?;
        }
        if read_any {
            let _ = fs::remove_file(journal_path(&self.path));
        }
        Ok(counts)
    }
}

/// Replace the state file atomically.
fn write_state<'a>(
    path: &Path,
    header: &Header,
    entries: impl Iterator<Item = &'a Entry>,
) -> io::Result<()> {
    let mut out = Output::file(path)?;
    writeln!(out, "{}", serde_json::to_string(header)?)?;
    for e in entries {
        writeln!(out, "{}", serde_json::to_string(e)?)?;
    }
    out.commit()
}
