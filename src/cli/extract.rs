//! `jixiao extract`: every input in parallel, records streamed out in input
//! order through a bounded reorder buffer, so memory does not grow with the
//! number of files and the output is the same whatever the thread count.

use std::collections::BTreeMap;
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::state::State;
use super::{ExitStatus, ExtractArgs, worker};
use crate::error::{ErrorCode, ErrorLine, FileError};
use crate::output::Output;
use crate::output::csv::CsvOut;
use crate::output::money;
use crate::output::xlsx::XlsxOut;
use crate::pipeline;
use crate::record::Record;

/// One input: where to read it, and the path to report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    /// The path as given (lossy where it is not UTF-8).
    pub shown: String,
    /// Why a directory could not be walked here (no permission, a loop):
    /// the input's error line says so, and nothing under it is lost silently.
    pub walk_error: Option<String>,
}

impl Input {
    fn new(path: PathBuf) -> Self {
        Self {
            shown: path.to_string_lossy().into_owned(),
            path,
            walk_error: None,
        }
    }
}

/// File endings read when walking a directory (any case). `.doc`/`.wps`
/// are taken so that they get an `unsupported_format` line saying how to
/// convert them; a directory's other files are counted as skipped.
const EXTENSIONS: &[&str] = &[
    "pdf", "txt", "tsv", "html", "htm", "shtml", "docx", "docm", "xlsx", "xlsm", "xls", "ods",
    "et", "doc", "wps",
];

/// The inputs of a run, and how many files in its folders were passed over.
#[derive(Debug, Default)]
pub struct Expanded {
    pub inputs: Vec<Input>,
    /// Files in the folders walked whose ending jixiao does not read, or that
    /// `--glob`/`--exclude` left out.
    pub skipped: usize,
}

/// Which files of a folder are inputs: a known ending, and the patterns.
#[derive(Debug, Default)]
pub struct Select {
    pub include: Option<globset::GlobSet>,
    pub exclude: Option<globset::GlobSet>,
}

impl Select {
    /// Build from `--glob` and `--exclude` patterns (`*` crosses folders).
    ///
    /// # Errors
    /// A pattern is not a glob.
    pub fn new(include: &[String], exclude: &[String]) -> io::Result<Self> {
        let set = |patterns: &[String]| -> io::Result<Option<globset::GlobSet>> {
            if patterns.is_empty() {
                return Ok(None);
            }
            let mut b = globset::GlobSetBuilder::new();
            for p in patterns {
                let glob = globset::GlobBuilder::new(p)
                    .literal_separator(false)
                    .build()
                    .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e.to_string()))?;
                b.add(glob);
            }
            b.build()
                .map(Some)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e.to_string()))
        };
        Ok(Self {
            include: set(include)?,
            exclude: set(exclude)?,
        })
    }

    fn takes(&self, path: &Path) -> bool {
        has_extension(path)
            && self.include.as_ref().is_none_or(|g| g.is_match(path))
            && !self.exclude.as_ref().is_some_and(|g| g.is_match(path))
    }
}

/// Expand the command-line paths: `-` reads paths from stdin (one per line,
/// any bytes, a UTF-8 BOM skipped), directories are walked recursively in
/// sorted path order, files are taken as given. Also gives how many files
/// the walked directories held that are of no format jixiao reads (skipped,
/// not errors).
///
/// # Errors
/// Reading stdin failed.
pub fn expand(paths: &[PathBuf], select: &Select) -> io::Result<Expanded> {
    let mut out = Expanded::default();
    for p in paths {
        if p.as_os_str() == "-" {
            for (n, line) in io::stdin().lock().split(b'\n').enumerate() {
                let mut line = line?;
                if n == 0 && line.starts_with(b"\xEF\xBB\xBF") {
                    line.drain(..3);
                }
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                if !line.is_empty() {
                    add(&path_from_bytes(line), select, &mut out);
                }
            }
        } else {
            add(p, select, &mut out);
        }
    }
    Ok(out)
}

/// A path from the bytes of a line (file names need not be UTF-8).
#[cfg(unix)]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

fn add(path: &Path, select: &Select, out: &mut Expanded) {
    if !path.is_dir() {
        out.inputs.push(Input::new(path.to_path_buf()));
        return;
    }
    let mut found: Vec<Input> = Vec::new();
    for entry in walkdir::WalkDir::new(path).follow_links(true) {
        match entry {
            Ok(e) if e.file_type().is_file() && select.takes(e.path()) => {
                found.push(Input::new(e.into_path()));
            }
            Ok(e) if e.file_type().is_file() => out.skipped += 1,
            Ok(_) => {}
            // A folder that cannot be listed, a loop, a dangling link: still
            // an input, with its error line, instead of vanishing.
            Err(e) => {
                let Some(p) = e.path() else { continue };
                let is_dir =
                    e.io_error().is_some_and(|_| p.is_dir()) || e.loop_ancestor().is_some();
                if is_dir || has_extension(p) {
                    let mut input = Input::new(p.to_path_buf());
                    input.walk_error = Some(if is_dir {
                        format!("cannot read this folder: {e}")
                    } else {
                        format!("cannot read: {e}")
                    });
                    found.push(input);
                }
            }
        }
    }
    found.sort_by(|a, b| a.path.cmp(&b.path));
    out.inputs.extend(found);
}

/// Whether `shown` falls in shard `k` of `n` (1-based): the first 8 bytes
/// of the SHA-256 of the path's bytes, modulo `n`. The same path always
/// lands in the same shard, whatever machine or run.
#[must_use]
pub fn in_shard(shown: &str, (k, n): (u32, u32)) -> bool {
    use sha2::{Digest, Sha256};
    let h = Sha256::digest(shown.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&h[..8]);
    u64::from_be_bytes(first) % u64::from(n) == u64::from(k - 1)
}

fn has_extension(f: &Path) -> bool {
    f.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// On SIGINT, SIGTERM or SIGHUP, remove the temporary output files and exit
/// with 128 + the signal's number, as a shell reports a killed command. The
/// outputs of an earlier run stay whole; the workers see their parent gone
/// and stop.
///
/// # Errors
/// The handlers cannot be installed.
fn clean_up_on_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            crate::output::remove_pending();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// Refuse `-o`, `--errors` and the `--csv` files naming one file twice.
///
/// # Errors
/// Two of them end in the same file.
fn refuse_shared_outputs(args: &ExtractArgs) -> io::Result<()> {
    let mut targets: Vec<(&str, PathBuf)> = Vec::new();
    targets.extend(args.output.iter().map(|o| ("-o", o.clone())));
    targets.extend(args.errors.iter().map(|e| ("--errors", e.clone())));
    if let Some(dir) = &args.csv {
        targets.extend(crate::output::csv::FILES.map(|f| ("--csv", dir.join(f))));
    }
    targets.extend(args.xlsx.iter().map(|x| ("--xlsx", x.clone())));
    targets.extend(args.report.iter().map(|x| ("--report", x.clone())));
    targets.extend(args.state.iter().map(|x| ("--state", x.clone())));
    for (i, (flag_a, a)) in targets.iter().enumerate() {
        for (flag_b, b) in &targets[i + 1..] {
            if same_file(a, b) {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!(
                        "{flag_a} and {flag_b} both name {}: one would replace the other",
                        a.display()
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// Whether two output paths end in the same file (each is replaced whole
/// at the end, so the second would silently undo the first). Devices and
/// pipes, such as `/dev/null` twice, are fine.
fn same_file(a: &Path, b: &Path) -> bool {
    use crate::output::{Destination::Replace, destination};
    matches!((destination(a), destination(b)), (Ok(Replace(x)), Ok(Replace(y))) if x == y)
}

/// What a run counts, for the summary line and `--report`.
#[derive(Debug, Default, serde::Serialize)]
struct Tally {
    records: usize,
    records_by_form: BTreeMap<String, usize>,
    errors: usize,
    errors_by_code: BTreeMap<String, usize>,
    warnings: usize,
    warnings_by_code: BTreeMap<String, usize>,
}

impl Tally {
    fn record(&mut self, r: &Record) {
        self.count(r.form, r.warnings.iter().map(|w| w.code.as_str()));
    }

    fn brief(&mut self, r: &Brief) {
        self.count(r.form, r.warnings.iter().map(|w| w.code.as_str()));
    }

    fn count<'a>(&mut self, form: crate::record::FormKind, codes: impl Iterator<Item = &'a str>) {
        self.records += 1;
        let form = serde_json::to_value(form)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        *self.records_by_form.entry(form).or_default() += 1;
        for code in codes {
            self.warnings += 1;
            *self.warnings_by_code.entry(code.to_string()).or_default() += 1;
        }
    }

    fn error(&mut self, code: ErrorCode) {
        self.errors += 1;
        *self
            .errors_by_code
            .entry(code.as_str().to_string())
            .or_default() += 1;
    }
}

/// What one input gave: read in this run, or remembered by `--state`.
enum Got {
    Fresh(Result<Vec<Record>, FileError>),
    Known(super::state::Known),
}

/// The fields of a remembered record that the tally needs.
#[derive(serde::Deserialize)]
struct Brief {
    form: crate::record::FormKind,
    warnings: Vec<BriefWarning>,
}

#[derive(serde::Deserialize)]
struct BriefWarning {
    code: String,
}

/// The `--report` file.
#[derive(Debug, serde::Serialize)]
struct Report<'a> {
    version: &'static str,
    inputs: usize,
    skipped: usize,
    #[serde(flatten)]
    tally: &'a Tally,
    shard: Option<String>,
    state: Option<super::state::Counts>,
    seconds: f64,
}

/// Run the extraction.
///
/// # Errors
/// I/O errors of the outputs (per-file problems are error lines, not errors).
pub fn run(args: &ExtractArgs) -> io::Result<ExitStatus> {
    let started = Instant::now();
    clean_up_on_signals()?;
    refuse_shared_outputs(args)?;
    let select = Select::new(&args.glob, &args.exclude)?;
    let Expanded {
        mut inputs,
        skipped,
    } = expand(&args.paths, &select)?;
    if let Some(shard) = args.shard {
        inputs.retain(|i| in_shard(&i.shown, shard));
    }
    let mut records_out = Output::to(args.output.as_deref(), Output::stdout)?;
    let mut errors_out = Output::to(args.errors.as_deref(), Output::stderr)?;
    let mut csv_out = args
        .csv
        .as_deref()
        .map(|d| CsvOut::create(d, args.provenance))
        .transpose()?;
    let mut xlsx_out = args
        .xlsx
        .as_deref()
        .map(|f| XlsxOut::create(f, args.provenance))
        .transpose()?;
    let threads = args.threads.map_or_else(
        || std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        usize::from,
    );
    let threads_pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(io::Error::other)?;
    let options = args.limits.options(args.tables, args.provenance);
    let state = args
        .state
        .as_deref()
        .map(|p| State::open(p, options))
        .transpose()?;
    let pool = (!args.in_process).then(|| {
        worker::Pool::new(
            options,
            worker::Bounds {
                timeout: (args.timeout > 0).then(|| Duration::from_secs(args.timeout)),
                memory_mib: args.limits.memory_mib,
            },
        )
    });
    let progress = if io::stderr().is_terminal() {
        let pb =
            ProgressBar::with_draw_target(Some(inputs.len() as u64), ProgressDrawTarget::stderr());
        pb.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed} (eta {eta})")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        pb
    } else {
        ProgressBar::hidden()
    };

    let mut tally = Tally::default();
    let plain = args.money.is_none() && csv_out.is_none() && xlsx_out.is_none();
    let mut write = |input: &Input, got: Got| -> io::Result<()> {
        let result = match got {
            // Remembered records are written as the text they were written
            // as, unless an option needs them as records.
            Got::Known(Ok(raw)) if plain => {
                for r in &raw {
                    records_out.write_all(r.get().as_bytes())?;
                    records_out.write_all(b"\n")?;
                    if let Ok(brief) = serde_json::from_str::<Brief>(r.get()) {
                        tally.brief(&brief);
                    }
                }
                progress.inc(1);
                return Ok(());
            }
            Got::Known(Ok(raw)) => raw
                .iter()
                .map(|r| serde_json::from_str::<Record>(r.get()))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| {
                    FileError::new(
                        ErrorCode::Internal,
                        format!("--state holds a bad record: {e}"),
                    )
                }),
            Got::Known(Err(e)) => Err(e),
            Got::Fresh(result) => result,
        };
        match result {
            Ok(mut records) => {
                for (i, r) in records.iter_mut().enumerate() {
                    if let Some(unit) = args.money {
                        money::convert(r, unit);
                    }
                    records_out.json_line(r)?;
                    if let Some(c) = csv_out.as_mut() {
                        c.record(i, r)?;
                    }
                    if let Some(x) = xlsx_out.as_mut() {
                        x.record(i, r)?;
                    }
                    tally.record(r);
                }
            }
            Err(e) => {
                tally.error(e.code);
                let line = ErrorLine {
                    path: input.shown.clone(),
                    error: e.code,
                    message: e.message,
                };
                progress.suspend(|| errors_out.json_line(&line))?;
            }
        }
        progress.inc(1);
        Ok(())
    };
    let read = |input: &Input| match (&input.walk_error, &pool) {
        (Some(why), _) => Err(FileError::new(ErrorCode::Unreadable, why.clone())),
        (None, Some(p)) => p.extract(&input.path, &input.shown),
        (None, None) => pipeline::extract_file(&input.path, &input.shown, options),
    };
    let work = |input: &Input| {
        let Some(state) = &state else {
            return Got::Fresh(read(input));
        };
        if input.walk_error.is_none()
            && let Some(known) = state.reuse(&input.shown, &input.path)
        {
            return Got::Known(known);
        }
        let result = read(input);
        state.remember(&input.shown, &input.path, &result);
        Got::Fresh(result)
    };
    in_order(&threads_pool, &inputs, threads * 4, work, &mut write)?;
    progress.finish_and_clear();

    records_out.commit()?;
    errors_out.commit()?;
    if let Some(c) = csv_out {
        c.commit()?;
    }
    if let Some(x) = xlsx_out {
        x.commit()?;
    }
    let counts = match state {
        Some(s) => {
            let order: Vec<String> = inputs.iter().map(|i| i.shown.clone()).collect();
            Some(s.commit(&order)?)
        }
        None => None,
    };
    let seconds = started.elapsed().as_secs_f64();
    let incremental = counts.map_or_else(String::new, |c| {
        format!(
            " ({} new, {} changed, {} unchanged, {} gone)",
            c.new, c.changed, c.unchanged, c.gone
        )
    });
    eprintln!(
        "jixiao: {} files{incremental}, {} records, {} warnings, {} errors, {} skipped, {seconds:.2} s",
        inputs.len(),
        tally.records,
        tally.warnings,
        tally.errors,
        skipped,
    );
    if let Some(path) = &args.report {
        let report = Report {
            version: env!("CARGO_PKG_VERSION"),
            inputs: inputs.len(),
            skipped,
            tally: &tally,
            shard: args.shard.map(|(k, n)| format!("{k}/{n}")),
            state: counts,
            seconds,
        };
        let mut out = Output::file(path)?;
        serde_json::to_writer_pretty(&mut out, &report)?;
        out.write_all(b"\n")?;
        out.commit()?;
    }
    Ok(if tally.errors == 0 {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

/// Process `items` on `pool`, at most `window` at a time, and hand each
/// result to `sink` in the order of `items`.
fn in_order<T: Sync, R: Send>(
    pool: &rayon::ThreadPool,
    items: &[T],
    window: usize,
    work: impl Fn(&T) -> R + Sync,
    sink: &mut impl FnMut(&T, R) -> io::Result<()>,
) -> io::Result<()> {
    let window = window.max(1);
    let (done_tx, done_rx) = mpsc::channel::<(usize, R)>();
    let (slot_tx, slot_rx) = mpsc::sync_channel::<()>(window);
    let work = &work;
    std::thread::scope(move |threads| {
        // The feeder runs outside the pool, so blocking it never takes a
        // worker away: it waits once `window` items are in flight or waiting
        // to be written, and each written item frees one slot.
        threads.spawn(move || {
            pool.in_place_scope(|scope| {
                for (i, item) in items.iter().enumerate() {
                    if slot_tx.send(()).is_err() {
                        return; // the writer stopped
                    }
                    let done_tx = done_tx.clone();
                    scope.spawn(move |_| {
                        let _ = done_tx.send((i, work(item)));
                    });
                }
            });
        });
        let mut pending: BTreeMap<usize, R> = BTreeMap::new();
        let mut next = 0;
        while next < items.len() {
            let Ok((i, r)) = done_rx.recv() else { break };
            pending.insert(i, r);
            while let Some(r) = pending.remove(&next) {
                let written = sink(&items[next], r);
                next += 1;
                let _ = slot_rx.recv();
                if let Err(e) = written {
                    // The output failed (a full disk, a closed pipe): stop
                    // the feeder, which would otherwise wait for ever on a
                    // slot that nothing frees any more.
                    drop(slot_rx);
                    return Err(e);
                }
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order_with_a_small_window() {
        // One thread included: the feeder must never take the only worker.
        for threads in [1, 2, 3] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let items: Vec<u64> = (0..200).collect();
            let mut seen = Vec::new();
            in_order(
                &pool,
                &items,
                3,
                |&x| {
                    // Later items finish first now and then.
                    std::thread::sleep(std::time::Duration::from_micros((200 - x) % 7 * 50));
                    x * 2
                },
                &mut |&x, r| {
                    assert_eq!(r, x * 2);
                    seen.push(x);
                    Ok(())
                },
            )
            .unwrap();
            assert_eq!(seen, items);
        }
    }

    #[test]
    fn a_failing_sink_stops_the_run_instead_of_hanging() {
        // Many more items than the window: the feeder is waiting for a
        // slot when the sink fails.
        for threads in [1, 2] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let items: Vec<u64> = (0..100).collect();
            let mut written = 0;
            let got = in_order(&pool, &items, 2, |&x| x, &mut |_, _| {
                written += 1;
                if written == 3 {
                    Err(io::Error::other("disk full"))
                } else {
                    Ok(())
                }
            });
            assert_eq!(got.unwrap_err().to_string(), "disk full");
            assert_eq!(written, 3);
        }
    }

    #[test]
    fn directories_are_walked_in_sorted_order_by_extension() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("b")).unwrap();
        for f in [
            "b/z.TXT", "a.pdf", "c.tsv", "note.md", "b/a.txt", "d.HTM", "e.docx", "f.xls", "g.et",
            "h.doc", "i.png", "j.zip",
        ] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        let expanded = expand(&[d.to_path_buf()], &Select::default()).unwrap();
        assert_eq!(expanded.skipped, 3, "note.md, i.png, j.zip");
        let got: Vec<String> = expanded
            .inputs
            .into_iter()
            .map(|i| {
                i.path
                    .strip_prefix(d)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(
            got,
            vec![
                "a.pdf", "b/a.txt", "b/z.TXT", "c.tsv", "d.HTM", "e.docx", "f.xls", "g.et", "h.doc"
            ]
        );
    }
}
