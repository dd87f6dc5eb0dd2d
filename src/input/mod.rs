//! Stage 1, input: which format a file is, and its bytes decoded.

pub mod archive;
pub mod biff;
pub mod docx;
pub mod grid;
pub mod html;
pub mod sheet;
pub mod text;
pub mod xml;

use crate::error::{ErrorCode, FileError};
use crate::record::Format;

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The file name's ending, lower case.
fn extension(name: &str) -> String {
    std::path::Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// Whether the bytes start like an HTML page (after a BOM and white space).
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = String::from_utf8_lossy(&head[start..]).to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && head.contains("<html")
}

fn unsupported(message: impl Into<String>) -> FileError {
    FileError::new(ErrorCode::UnsupportedFormat, message)
}

/// How to convert a legacy binary document.
const CONVERT_DOC: &str = "convert it first, e.g. `soffice --headless --convert-to docx FILE`";
const CONVERT_XLS: &str = "convert it first, e.g. `soffice --headless --convert-to xlsx FILE`";

/// Decide the format from the bytes, with the file name as a hint: a file
/// named `.pdf` must be a PDF; anything starting with `%PDF-` is one. ZIP
/// containers are told apart by their entries (a WPS `.et` may be an
/// `.xlsx` inside), OLE2 files by their name (`.xls`/`.et` are workbooks,
/// `.doc`/`.wps` legacy Word). A `.doc` that is really an HTML page (Word's
/// "save as web page") is read as HTML.
///
/// # Errors
/// `not_pdf` when a `.pdf` file does not hold a PDF (an HTML error page,
/// say); `unsupported_format` for legacy Word/WPS and other binary files.
pub fn sniff(name: &str, bytes: &[u8]) -> Result<Format, FileError> {
    let head = &bytes[..bytes.len().min(1024)];
    let ext = extension(name);
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Ok(Format::Pdf);
    }
    if ext == "pdf" && crate::page::headerless_pdf(bytes) {
        return Ok(Format::Pdf);
    }
    if ext == "pdf" {
        return Err(FileError::new(
            ErrorCode::NotPdf,
            if bytes.is_empty() {
                "empty file named .pdf".to_string()
            } else {
                "no %PDF- header in the first 1024 bytes".to_string()
            },
        ));
    }
    if bytes.starts_with(ZIP_MAGIC) {
        return archive::container(bytes, &ext);
    }
    if bytes.starts_with(OLE_MAGIC) {
        return match ext.as_str() {
            "xls" | "xlt" | "et" | "ett" => Ok(Format::Xls),
            "doc" | "wps" | "dot" | "wpt" => Err(unsupported(format!(
                "a legacy binary Word/WPS document (.{ext}) is not read: {CONVERT_DOC}"
            ))),
            _ => Err(unsupported(format!(
                "a legacy binary Office file (OLE2) is not read: {CONVERT_DOC} (or xlsx for a workbook)"
            ))),
        };
    }
    match ext.as_str() {
        "html" | "htm" | "shtml" | "xhtml" => return Ok(Format::Html),
        "txt" | "tsv" | "csv" => return Ok(Format::Text),
        "doc" | "wps" if looks_like_html(bytes) => return Ok(Format::Html),
        "doc" | "wps" => {
            return Err(unsupported(format!(
                "not a Word document jixiao reads (.{ext} holding no HTML): {CONVERT_DOC}"
            )));
        }
        "xls" | "et" | "xlsx" | "xlsm" | "ods" | "docx" | "docm" => {
            if looks_like_html(bytes) {
                return Ok(Format::Html);
            }
            return Err(unsupported(format!(
                "named .{ext} but neither a ZIP nor an OLE2 container: {CONVERT_XLS}"
            )));
        }
        _ => {}
    }
    if looks_like_html(bytes) {
        return Ok(Format::Html);
    }
    if head.contains(&0) {
        return Err(unsupported(format!(
            "a binary file of a format jixiao does not read{}",
            if ext.is_empty() {
                String::new()
            } else {
                format!(" (.{ext})")
            }
        )));
    }
    Ok(Format::Text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content_and_name() {
        assert_eq!(sniff("a.PDF", b"%PDF-1.7\n").unwrap(), Format::Pdf);
        assert_eq!(sniff("a.bin", b"\n%PDF-1.4").unwrap(), Format::Pdf);
        assert_eq!(
            sniff("a.txt", "部门名称\t甲".as_bytes()).unwrap(),
            Format::Text
        );
        assert_eq!(
            sniff("a.pdf", b"<html>").unwrap_err().code,
            ErrorCode::NotPdf
        );
        assert_eq!(sniff("a.pdf", b"").unwrap_err().code, ErrorCode::NotPdf);
    }

    #[test]
    fn sniffs_html_office_and_legacy_files() {
        assert_eq!(sniff("a.HTM", b"<p>x").unwrap(), Format::Html);
        assert_eq!(
            sniff("a", b"\n <!DOCTYPE html><html>").unwrap(),
            Format::Html
        );
        assert_eq!(sniff("a.doc", b"<html><body>").unwrap(), Format::Html);
        let ole = [OLE_MAGIC, &[0u8; 8][..]].concat();
        assert_eq!(sniff("a.xls", &ole).unwrap(), Format::Xls);
        assert_eq!(sniff("a.ET", &ole).unwrap(), Format::Xls);
        for name in ["a.doc", "a.wps", "a.bin"] {
            let e = sniff(name, &ole).unwrap_err();
            assert_eq!(e.code, ErrorCode::UnsupportedFormat);
            assert!(
                e.message.contains("soffice --headless --convert-to docx"),
                "{e}"
            );
        }
        assert_eq!(
            sniff("a.wps", b"{\\rtf1").unwrap_err().code,
            ErrorCode::UnsupportedFormat
        );
        assert_eq!(
            sniff("a.png", b"\x89PNG\r\n\x1a\n\0\0").unwrap_err().code,
            ErrorCode::UnsupportedFormat
        );
        assert_eq!(
            sniff("a.xlsx", b"PK\x03\x04 broken").unwrap_err().code,
            ErrorCode::Unreadable,
            "a truncated workbook is a broken file of a format jixiao reads"
        );
    }
}
