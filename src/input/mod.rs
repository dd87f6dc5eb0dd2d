//! Stage 1, input: which format a file is, and its bytes decoded.

pub mod text;

use crate::error::{ErrorCode, FileError};
use crate::record::Format;

/// Decide the format from the bytes, with the file name as a hint: a file
/// named `.pdf` must be a PDF; anything starting with `%PDF-` is one.
///
/// # Errors
/// `not_pdf` when a `.pdf` file does not hold a PDF (an HTML error page, say).
pub fn sniff(name: &str, bytes: &[u8]) -> Result<Format, FileError> {
    let head = &bytes[..bytes.len().min(1024)];
    let is_pdf = head.windows(5).any(|w| w == b"%PDF-");
    let named_pdf = name.to_ascii_lowercase().ends_with(".pdf");
    match (is_pdf, named_pdf) {
        (true, _) => Ok(Format::Pdf),
        (false, true) if crate::page::headerless_pdf(bytes) => Ok(Format::Pdf),
        (false, true) => Err(FileError::new(
            ErrorCode::NotPdf,
            if bytes.is_empty() {
                "empty file named .pdf".to_string()
            } else {
                "no %PDF- header in the first 1024 bytes".to_string()
            },
        )),
        (false, false) => Ok(Format::Text),
    }
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
}
