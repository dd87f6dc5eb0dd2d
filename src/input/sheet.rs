//! Workbooks (`.xlsx`, `.xls`, `.ods`) → one list of blocks per sheet.

use crate::error::{ErrorCode, FileError};
use crate::record::Format;
use crate::table::Block;

/// The blocks of every sheet, with the sheet's name.
///
/// # Errors
/// Not yet read.
pub fn sheets(_format: Format, _bytes: &[u8]) -> Result<Vec<(String, Vec<Block>)>, FileError> {
    Err(FileError::new(ErrorCode::UnsupportedFormat, "reading workbooks is not implemented yet: convert to PDF"))
}
