//! `jixiao extract`: every input in parallel, records streamed out in input
//! order through a bounded reorder buffer, so memory does not grow with the
//! number of files and the output is the same whatever the thread count.

use std::collections::BTreeMap;
use std::io::{self, BufRead, IsTerminal};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{ExitStatus, ExtractArgs, worker};
use crate::error::{ErrorCode, ErrorLine, FileError};
use crate::output::Output;
use crate::output::csv::CsvOut;
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

/// Expand the command-line paths: `-` reads paths from stdin (one per line,
/// any bytes, a UTF-8 BOM skipped), directories are walked recursively in
/// sorted path order, files are taken as given. Also gives how many files
/// the walked directories held that are of no format jixiao reads (skipped,
/// not errors).
///
/// # Errors
/// Reading stdin failed.
pub fn expand(paths: &[PathBuf]) -> io::Result<(Vec<Input>, usize)> {
    let mut out = Vec::new();
    let mut skipped = 0;
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
                    add(&path_from_bytes(line), &mut out, &mut skipped);
                }
            }
        } else {
            add(p, &mut out, &mut skipped);
        }
    }
    Ok((out, skipped))
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

fn add(path: &Path, out: &mut Vec<Input>, skipped: &mut usize) {
    if !path.is_dir() {
        out.push(Input::new(path.to_path_buf()));
        return;
    }
    let mut found: Vec<Input> = Vec::new();
    for entry in walkdir::WalkDir::new(path).follow_links(true) {
        match entry {
            Ok(e) if e.file_type().is_file() && has_extension(e.path()) => {
                found.push(Input::new(e.into_path()));
            }
            Ok(e) if e.file_type().is_file() => *skipped += 1,
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
    out.extend(found);
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

/// Run the extraction.
///
/// # Errors
/// I/O errors of the outputs (per-file problems are error lines, not errors).
pub fn run(args: &ExtractArgs) -> io::Result<ExitStatus> {
    let started = Instant::now();
    clean_up_on_signals()?;
    refuse_shared_outputs(args)?;
    let (inputs, skipped) = expand(&args.paths)?;
    let mut records_out = Output::to(args.output.as_deref(), Output::stdout)?;
    let mut errors_out = Output::to(args.errors.as_deref(), Output::stderr)?;
    let mut csv_out = args.csv.as_deref().map(CsvOut::create).transpose()?;
    let threads = args.threads.map_or_else(
        || std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        usize::from,
    );
    let threads_pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(io::Error::other)?;
    let options = args.limits.options(args.tables);
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

    let (mut n_records, mut n_errors) = (0usize, 0usize);
    let mut write = |input: &Input, result: Result<Vec<Record>, FileError>| -> io::Result<()> {
        match result {
            Ok(records) => {
                for (i, r) in records.iter().enumerate() {
                    records_out.json_line(r)?;
                    if let Some(c) = csv_out.as_mut() {
                        c.record(i, r)?;
                    }
                }
                n_records += records.len();
            }
            Err(e) => {
                n_errors += 1;
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
    let work = |input: &Input| match (&input.walk_error, &pool) {
        (Some(why), _) => Err(FileError::new(ErrorCode::Unreadable, why.clone())),
        (None, Some(p)) => p.extract(&input.path, &input.shown),
        (None, None) => pipeline::extract_file(&input.path, &input.shown, options),
    };
    in_order(&threads_pool, &inputs, threads * 4, work, &mut write)?;
    progress.finish_and_clear();

    records_out.commit()?;
    errors_out.commit()?;
    if let Some(c) = csv_out {
        c.commit()?;
    }
    eprintln!(
        "jixiao: {} files, {} records, {} errors, {}{:.2} s",
        inputs.len(),
        n_records,
        n_errors,
        if skipped > 0 {
            format!("{skipped} skipped (not a format jixiao reads), ")
        } else {
            String::new()
        },
        started.elapsed().as_secs_f64()
    );
    Ok(if n_errors == 0 {
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
        let (inputs, skipped) = expand(&[d.to_path_buf()]).unwrap();
        assert_eq!(skipped, 3, "note.md, i.png, j.zip");
        let got: Vec<String> = inputs
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
