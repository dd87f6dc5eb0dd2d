//! One file through every stage: bytes → format → blocks → forms → records.
//!
//! Each stage is a module; this file only chains them and maps their
//! failures onto the error codes of SPEC.md. A panic anywhere in one file's
//! processing is caught here and becomes `internal`; it never ends the run.

use std::cell::RefCell;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::Once;

use sha2::{Digest, Sha256};

use crate::error::{ErrorCode, FileError};
use crate::record::{Format, Record, Source};
use crate::table::Block;
use crate::{form, input, normalise, page, table};

/// What the caller wants besides the records, and the bounds on one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Options {
    /// Include the reconstructed grids in every record.
    pub keep_tables: bool,
    /// A PDF with more pages is `unreadable`.
    pub max_pages: usize,
    /// Largest inflated size of one PDF stream, in MiB (decompression bombs).
    pub max_stream_mib: u64,
    /// Record where each value was read (`extract --provenance`). Absent
    /// from a state written before the option existed: read as false.
    #[serde(default)]
    pub provenance: bool,
}

impl Default for Options {
    fn default() -> Self {
        let limits = page::Limits::default();
        Self {
            keep_tables: false,
            max_pages: limits.max_pages,
            max_stream_mib: limits.max_stream_bytes >> 20,
            provenance: false,
        }
    }
}

/// The blocks of one part of a file: a workbook's sheet, or the whole file.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// The sheet's name (workbooks only).
    pub sheet: Option<String>,
    pub blocks: Vec<Block>,
}

/// The blocks (text lines and tables) of a file, whatever its format, a
/// workbook's sheets one after another.
///
/// # Errors
/// The file's format is wrong, or it cannot be decoded.
pub fn blocks(
    name: &str,
    bytes: &[u8],
    options: &Options,
) -> Result<(Format, Vec<Block>), FileError> {
    let (format, parts) = parts(name, bytes, options)?;
    Ok((format, parts.into_iter().flat_map(|p| p.blocks).collect()))
}

/// The blocks of a file in parts: one per sheet of a workbook, one for any
/// other file. Forms are recognised within a part.
///
/// # Errors
/// The file's format is wrong or unsupported, or it cannot be decoded.
pub fn parts(
    name: &str,
    bytes: &[u8],
    options: &Options,
) -> Result<(Format, Vec<Part>), FileError> {
    let whole = |blocks| {
        vec![Part {
            sheet: None,
            blocks,
        }]
    };
    let format = input::sniff(name, bytes)?;
    let max_part = options
        .max_stream_mib
        .saturating_mul(1 << 20)
        .min(input::archive::MAX_PART_BYTES);
    let parts = match format {
        Format::Text => {
            let text = input::text::decode(bytes)?;
            whole(table::textdump::blocks(&text))
        }
        Format::Pdf => {
            let pages = pdf_pages(bytes, options)?;
            whole(table::from_pages(&pages, &table::TableSettings::default()))
        }
        Format::Html => whole(input::html::blocks(bytes)?),
        Format::Docx => {
            input::archive::check(bytes, max_part)?;
            whole(input::docx::blocks(bytes)?)
        }
        Format::Xlsx | Format::Ods | Format::Xls => {
            if format != Format::Xls {
                input::archive::check(bytes, max_part)?;
            }
            input::sheet::sheets(format, bytes)?
                .into_iter()
                .map(|(sheet, blocks)| Part {
                    sheet: Some(sheet),
                    blocks,
                })
                .collect()
        }
    };
    Ok((format, parts))
}

/// The page models of a PDF.
///
/// # Errors
/// `not_pdf`, `encrypted`, `unreadable` from the reader; `no_text_layer`
/// when no page has any text.
pub fn pdf_pages(bytes: &[u8], options: &Options) -> Result<Vec<page::Page>, FileError> {
    let limits = page::Limits {
        max_pages: options.max_pages,
        max_stream_bytes: options.max_stream_mib.saturating_mul(1 << 20),
        ..page::Limits::default()
    };
    let pages = page::read_pdf(bytes, &limits).map_err(|e| match e {
        page::PdfError::NotPdf(m) => FileError::new(ErrorCode::NotPdf, m),
        page::PdfError::Encrypted(m) => FileError::new(ErrorCode::Encrypted, m),
        page::PdfError::Unreadable(m) => FileError::new(ErrorCode::Unreadable, m),
    })?;
    if pages.iter().all(|p| p.glyphs.is_empty()) {
        return Err(FileError::new(
            ErrorCode::NoTextLayer,
            format!("no text on any of {} pages (a scan?)", pages.len()),
        ));
    }
    Ok(pages)
}

/// Records of every form in a file's bytes.
///
/// # Errors
/// `no_form_found` when the file holds no table, and the errors of [`blocks`].
pub fn extract_bytes(path: &str, bytes: &[u8], options: Options) -> Result<Vec<Record>, FileError> {
    let (format, parts) = parts(path, bytes, &options)?;
    let sha256 = hex(&Sha256::digest(bytes));
    let mut records = Vec::new();
    // Tables of the earlier parts: provenance counts tables over the file.
    let mut tables_before = 0;
    for part in parts {
        for raw in form::recognise(&part.blocks) {
            let at = options
                .provenance
                .then(|| normalise::provenance::Positions::of(&raw));
            let source = Source {
                path: path.to_string(),
                sha256: sha256.clone(),
                format,
                pages: None,
                sheet: part.sheet.clone(),
            };
            let mut record = normalise::to_record(raw, source, options.keep_tables);
            if let Some(at) = at {
                normalise::provenance::attach(
                    &mut record,
                    &at,
                    part.sheet.as_deref(),
                    tables_before,
                );
            }
            records.push(record);
        }
        tables_before += part
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Table(_)))
            .count();
    }
    if records.is_empty() {
        return Err(FileError::new(
            ErrorCode::NoFormFound,
            "no table in the file, so no form",
        ));
    }
    Ok(records)
}

/// Read a file and extract its records; a panic becomes `internal`.
///
/// # Errors
/// `unreadable` when the file cannot be read, and the errors of [`extract_bytes`].
pub fn extract_file(path: &Path, shown: &str, options: Options) -> Result<Vec<Record>, FileError> {
    let bytes = read(path)?;
    catch(|| extract_bytes(shown, &bytes, options))
}

/// A file's bytes.
///
/// # Errors
/// `unreadable` with the I/O error.
pub fn read(path: &Path) -> Result<Vec<u8>, FileError> {
    std::fs::read(path).map_err(|e| {
        let code = if e.kind() == std::io::ErrorKind::NotFound {
            ErrorCode::NotFound
        } else {
            ErrorCode::Unreadable
        };
        FileError::new(code, e.to_string())
    })
}

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Run `f`, turning a panic into an `internal` error that carries the panic
/// message and location.
///
/// # Errors
/// Whatever `f` returns, or `internal` when it panicked.
pub fn catch<T>(f: impl FnOnce() -> Result<T, FileError>) -> Result<T, FileError> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let caught = LAST_PANIC.with(|p| p.borrow().is_some());
            if caught {
                LAST_PANIC.with(|p| *p.borrow_mut() = Some(info.to_string()));
            } else {
                default(info);
            }
        }));
    });
    // An empty string marks "inside catch": the hook records instead of printing.
    LAST_PANIC.with(|p| *p.borrow_mut() = Some(String::new()));
    let out = panic::catch_unwind(AssertUnwindSafe(f));
    let message = LAST_PANIC
        .with(|p| p.borrow_mut().take())
        .unwrap_or_default();
    out.unwrap_or_else(|_| {
        Err(FileError::new(
            ErrorCode::Internal,
            format!("panic: {}", message.replace('\n', " ")),
        ))
    })
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panics_become_internal_errors() {
        let e = catch::<()>(|| panic!("boom {}", 7)).unwrap_err();
        assert_eq!(e.code, ErrorCode::Internal);
        assert!(e.message.contains("boom 7"), "{}", e.message);
        assert_eq!(catch(|| Ok(3)).unwrap(), 3);
    }

    #[test]
    fn sha256_hex() {
        assert_eq!(
            hex(&Sha256::digest(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn prose_is_no_form() {
        let e = extract_bytes(
            "a.txt",
            "只有一段文字。\n没有表格。".as_bytes(),
            Options::default(),
        )
        .unwrap_err();
        assert_eq!(e.code, ErrorCode::NoFormFound);
    }
}
