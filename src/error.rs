//! Per-file errors: every input that gives no record gives one of these,
//! with a code from SPEC.md.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Why an input gave no record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// No file at this path (a typo, a file removed since it was listed).
    NotFound,
    /// The file could not be read (a directory, permission, I/O), or is a
    /// PDF too broken to parse.
    Unreadable,
    /// Named or sniffed as PDF, but not a PDF.
    NotPdf,
    /// Encrypted with a password we do not have.
    Encrypted,
    /// A PDF with no text on any page (a scan).
    NoTextLayer,
    /// Readable, but holds no form or table.
    NoFormFound,
    /// A text file in no encoding we can decode, or a PDF we cannot parse.
    DecodeFailed,
    /// A format jixiao does not read (legacy binary Word/WPS, or unknown);
    /// the message says how to convert it.
    UnsupportedFormat,
    /// Took longer than the per-file time limit.
    Timeout,
    /// A bug: a caught panic.
    Internal,
}

impl ErrorCode {
    /// Every code, in the order of the documentation.
    pub const ALL: [ErrorCode; 10] = [
        Self::NotFound,
        Self::Unreadable,
        Self::NotPdf,
        Self::Encrypted,
        Self::NoTextLayer,
        Self::NoFormFound,
        Self::DecodeFailed,
        Self::UnsupportedFormat,
        Self::Timeout,
        Self::Internal,
    ];

    /// The code as written in the error report.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotFound => "not_found",
            Self::Unreadable => "unreadable",
            Self::NotPdf => "not_pdf",
            Self::Encrypted => "encrypted",
            Self::NoTextLayer => "no_text_layer",
            Self::NoFormFound => "no_form_found",
            Self::DecodeFailed => "decode_failed",
            Self::UnsupportedFormat => "unsupported_format",
            Self::Timeout => "timeout",
            Self::Internal => "internal",
        }
    }
}

/// An error for one input file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {message}", code.as_str())]
pub struct FileError {
    pub code: ErrorCode,
    pub message: String,
}

impl FileError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}

/// One line of the error report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ErrorLine {
    pub path: String,
    pub error: ErrorCode,
    pub message: String,
}
