//! Stage 6, output: JSON Lines of records and of errors, CSV tables, all
//! written atomically (a temporary file beside the target, renamed into
//! place only when the run is complete), so a killed run never leaves half
//! a file. A run stopped by a signal it can catch removes its temporary
//! files ([`remove_pending`]); only SIGKILL leaves one behind.
//!
//! A target that is not a regular file (`/dev/null`, `/dev/stdout`, a named
//! pipe, a shell's `>(…)`) is written in place instead: renaming over it
//! would replace a device or a pipe with a plain file. A symbolic link is
//! followed, so the file it points to is replaced, not the link.

pub mod csv;
pub mod money;
pub mod tables;
pub mod xlsx;

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use serde::Serialize;
use tempfile::NamedTempFile;

/// Temporary files not yet moved into place. An entry whose file was
/// dropped unwritten stays listed; removing it again is harmless.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Remove every temporary file not yet moved into place (called when a run
/// is stopped by a signal). The previous outputs stay as they were.
pub fn remove_pending() {
    let mut pending = PENDING.lock().unwrap_or_else(PoisonError::into_inner);
    for path in pending.drain(..) {
        let _ = fs::remove_file(path);
    }
}

/// Where writing to an output path lands.
#[derive(Debug, PartialEq, Eq)]
pub enum Destination {
    /// An existing device or pipe, written in place.
    InPlace,
    /// This file (absolute, through any link), replaced whole at the end.
    Replace(PathBuf),
}

/// Resolve an output path.
///
/// # Errors
/// The path is a folder (refused now rather than at the end of a long run),
/// or its folder does not exist.
pub fn destination(target: &Path) -> io::Result<Destination> {
    // `/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1` name a descriptor, even
    // when it is open on a plain file (`-o /dev/stdout > r.jsonl`): that
    // file must be written through the descriptor, never replaced.
    if target.starts_with("/dev") || target.starts_with("/proc") {
        return Ok(Destination::InPlace);
    }
    match fs::metadata(target) {
        Ok(meta) if meta.is_dir() => Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            format!("{} is a folder", target.display()),
        )),
        Ok(meta) if !meta.is_file() => Ok(Destination::InPlace),
        Ok(_) => Ok(Destination::Replace(fs::canonicalize(target)?)),
        // A folder that does not exist yet (`-o out/`).
        Err(_) if target.as_os_str().as_encoded_bytes().ends_with(b"/") => Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("{} names a folder that does not exist", target.display()),
        )),
        // A missing file, or a dangling link, which is replaced like one.
        Err(_) => {
            let name = target.file_name().ok_or_else(|| {
                io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!("{} names no file", target.display()),
                )
            })?;
            let dir = match target.parent() {
                Some(d) if !d.as_os_str().is_empty() => d,
                _ => Path::new("."),
            };
            let dir = fs::canonicalize(dir)
                .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", dir.display())))?;
            Ok(Destination::Replace(dir.join(name)))
        }
    }
}

/// A destination: standard output/error, or a file replaced atomically.
pub enum Output {
    Stream(Box<dyn Write + Send>),
    File {
        tmp: BufWriter<NamedTempFile>,
        target: PathBuf,
    },
}

impl Output {
    /// A file at `target`, written to a temporary file in the same folder;
    /// an existing target that is not a regular file is written directly.
    ///
    /// # Errors
    /// The target is a folder, or its folder does not exist or is not
    /// writable.
    pub fn file(target: &Path) -> io::Result<Self> {
        let target = match destination(target)? {
            Destination::InPlace if target == Path::new("/dev/stdout") => return Ok(Self::stdout()),
            Destination::InPlace if target == Path::new("/dev/stderr") => return Ok(Self::stderr()),
            Destination::InPlace => {
                // Appending, so a file opened with `>>` keeps what it held.
                let sink = fs::OpenOptions::new().append(true).open(target)?;
                return Ok(Self::Stream(Box::new(BufWriter::new(sink))));
            }
            Destination::Replace(file) => file,
        };
        let dir = target.parent().unwrap_or(Path::new("/"));
        let mut builder = tempfile::Builder::new();
        builder.prefix(".jixiao-").suffix(".tmp");
        #[cfg(unix)]
        builder.permissions(new_file_mode());
        let tmp = builder.tempfile_in(dir)?;
        PENDING
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(tmp.path().to_path_buf());
        Ok(Self::File {
            tmp: BufWriter::new(tmp),
            target,
        })
    }

    /// Standard output (buffered).
    #[must_use]
    pub fn stdout() -> Self {
        Self::Stream(Box::new(BufWriter::new(io::stdout())))
    }

    /// Standard error (unbuffered, so lines interleave with progress).
    #[must_use]
    pub fn stderr() -> Self {
        Self::Stream(Box::new(io::stderr()))
    }

    /// `Some(path)` → a file; `None` → the given stream.
    ///
    /// # Errors
    /// As [`Output::file`].
    pub fn to(path: Option<&Path>, default: fn() -> Self) -> io::Result<Self> {
        path.map_or_else(|| Ok(default()), Self::file)
    }

    /// Write one value as a JSON line.
    ///
    /// # Errors
    /// I/O errors of the destination.
    pub fn json_line<T: Serialize>(&mut self, value: &T) -> io::Result<()> {
        serde_json::to_writer(&mut *self, value)?;
        self.write_all(b"\n")
    }

    /// Flush, and move a file into place.
    ///
    /// # Errors
    /// I/O errors of the flush or the rename.
    pub fn commit(self) -> io::Result<()> {
        match self {
            Self::Stream(mut w) => w.flush(),
            Self::File { tmp, target } => {
                let tmp = tmp.into_inner().map_err(io::IntoInnerError::into_error)?;
                tmp.as_file().sync_all()?;
                // Keep the mode of the file being replaced; a new file has
                // what a plain create gives (0666 less the umask).
                let mode = fs::metadata(&target).ok().map(|m| m.permissions());
                // Held across the rename, so a signal's clean-up runs wholly
                // before it or wholly after it.
                let mut pending = PENDING.lock().unwrap_or_else(PoisonError::into_inner);
                pending.retain(|p| p != tmp.path());
                tmp.persist(&target).map_err(|e| e.error)?;
                drop(pending);
                set_mode(&target, mode);
                Ok(())
            }
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Self::Stream(w) => w.write(buf),
            Self::File { tmp, .. } => tmp.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Self::Stream(w) => w.flush(),
            Self::File { tmp, .. } => tmp.flush(),
        }
    }
}

/// The mode asked for at creation (the umask then applies, as to any
/// plain create; tempfile's own default is 0600).
#[cfg(unix)]
fn new_file_mode() -> fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    fs::Permissions::from_mode(0o666)
}

fn set_mode(target: &Path, old: Option<fs::Permissions>) {
    if let Some(mode) = old {
        let _ = fs::set_permissions(target, mode);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_appears_only_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.jsonl");
        fs::write(&target, "old\n").unwrap();
        let mut out = Output::file(&target).unwrap();
        out.json_line(&serde_json::json!({"a": 1})).unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "old\n");
        out.commit().unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "{\"a\":1}\n");
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file left behind");
    }

    #[test]
    fn dropped_without_commit_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.jsonl");
        let mut out = Output::file(&target).unwrap();
        out.json_line(&1).unwrap();
        drop(out);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
