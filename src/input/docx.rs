//! Word `.docx` → blocks.

use crate::error::{ErrorCode, FileError};
use crate::table::Block;

/// The blocks of a Word document.
///
/// # Errors
/// Not yet read.
pub fn blocks(_bytes: &[u8]) -> Result<Vec<Block>, FileError> {
    Err(FileError::new(
        ErrorCode::UnsupportedFormat,
        "reading Word documents is not implemented yet: convert to PDF",
    ))
}
