//! ZIP containers (`.docx`, `.xlsx`, `.ods`): which format one is, and its
//! XML parts read within bounds.
//!
//! Every XML part is inflated through a counting reader before anything
//! parses it: a part that inflates past the limit, or past 100 times its
//! compressed size once it is large, is a ZIP bomb (`unreadable`). A part
//! that declares a DTD is refused too: Office and OpenDocument never write
//! one, and entity declarations are how XML bombs expand.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use crate::error::{ErrorCode, FileError};
use crate::record::Format;

/// Largest inflated size of one XML part. The sheet or document XML of a
/// form is well under a megabyte; past this the file is hostile.
pub const MAX_PART_BYTES: u64 = 64 << 20;

/// Inflated size from which a ratio over [`MAX_RATIO`] is a bomb.
const RATIO_FROM: u64 = 8 << 20;
const MAX_RATIO: u64 = 100;

fn unreadable(m: impl Into<String>) -> FileError {
    FileError::new(ErrorCode::Unreadable, m)
}

/// Which format a ZIP container holds, by its parts.
///
/// # Errors
/// `unreadable` for a broken archive (a truncated download); otherwise
/// `unsupported_format` saying why the archive is none jixiao reads.
pub fn container(bytes: &[u8], ext: &str) -> Result<Format, FileError> {
    let mut zip = open(bytes)?;
    let unsupported = |m: String| FileError::new(ErrorCode::UnsupportedFormat, m);
    let names: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .map(Into::into)
        .collect();
    let has = |n: &str| names.iter().any(|x| x == n);
    if has("word/document.xml") {
        return Ok(Format::Docx);
    }
    if has("xl/workbook.xml") {
        return Ok(Format::Xlsx);
    }
    let mut mimetype = String::new();
    if let Ok(f) = zip.by_name("mimetype") {
        let _ = f.take(200).read_to_string(&mut mimetype);
    }
    if mimetype.starts_with("application/vnd.oasis.opendocument.spreadsheet")
        || (mimetype.is_empty() && has("content.xml") && ext == "ods")
    {
        return Ok(Format::Ods);
    }
    if has("xl/workbook.bin") {
        return Err(unsupported("an Excel binary workbook (.xlsb) is not read: convert it first, e.g. `soffice --headless --convert-to xlsx FILE`".into()));
    }
    if mimetype.starts_with("application/vnd.oasis.opendocument.text") {
        return Err(unsupported("an OpenDocument text (.odt) is not read: convert it first, e.g. `soffice --headless --convert-to docx FILE`".into()));
    }
    Err(unsupported(format!(
        "a ZIP archive that is no Word (.docx) or Excel/OpenDocument workbook{}",
        if ext.is_empty() {
            String::new()
        } else {
            format!(" (.{ext})")
        }
    )))
}

/// Check every XML part of the archive (and the archive itself) within
/// bounds: inflated size, ratio, no DTD.
///
/// # Errors
/// `unreadable` naming the part.
pub fn check(bytes: &[u8], max_part: u64) -> Result<(), FileError> {
    let mut zip = open(bytes)?;
    for i in 0..zip.len() {
        let mut f = zip
            .by_index(i)
            .map_err(|e| unreadable(format!("a broken ZIP entry: {e}")))?;
        let name = f.name().map(|n| n.to_string()).unwrap_or_default();
        let lower = name.to_ascii_lowercase();
        if !(lower.ends_with(".xml") || lower.ends_with(".rels")) {
            continue;
        }
        let compressed = f.compressed_size().max(1);
        let mut head = Vec::new();
        let mut counted = 0u64;
        let mut buf = [0u8; 64 * 1024];
        loop {
            let n = f
                .read(&mut buf)
                .map_err(|e| unreadable(format!("{name}: cannot inflate: {e}")))?;
            if n == 0 {
                break;
            }
            if head.len() < 4096 {
                head.extend_from_slice(&buf[..n.min(4096 - head.len())]);
            }
            counted += n as u64;
            if counted > max_part {
                return Err(unreadable(format!(
                    "{name} inflates past {} MiB: a ZIP bomb",
                    max_part >> 20
                )));
            }
            if counted > RATIO_FROM && counted / compressed > MAX_RATIO {
                return Err(unreadable(format!(
                    "{name} inflates more than {MAX_RATIO} times its {compressed} bytes: a ZIP bomb"
                )));
            }
        }
        if has_dtd(&head) {
            return Err(unreadable(format!(
                "{name} declares a DTD (entity declarations can expand without bound); Office files never do"
            )));
        }
    }
    Ok(())
}

fn has_dtd(head: &[u8]) -> bool {
    head.windows(9)
        .any(|w| w.eq_ignore_ascii_case(b"<!DOCTYPE"))
}

/// Open an archive.
///
/// # Errors
/// `unreadable` when it is no ZIP archive.
pub fn open(bytes: &[u8]) -> Result<ZipArchive<Cursor<&[u8]>>, FileError> {
    ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| unreadable(format!("a broken ZIP archive: {e}")))
}

/// One part, inflated within `max` bytes; `None` when the archive lacks it.
///
/// # Errors
/// `unreadable` when it cannot be inflated or is past `max`.
pub fn part(
    zip: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
    max: u64,
) -> Result<Option<Vec<u8>>, FileError> {
    let f = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(unreadable(format!("{name}: {e}"))),
    };
    let mut out = Vec::new();
    f.take(max + 1)
        .read_to_end(&mut out)
        .map_err(|e| unreadable(format!("{name}: cannot inflate: {e}")))?;
    if out.len() as u64 > max {
        return Err(unreadable(format!(
            "{name} inflates past {} MiB: a ZIP bomb",
            max >> 20
        )));
    }
    Ok(Some(out))
}
