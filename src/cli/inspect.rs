//! `jixiao tables`, `jixiao text`, `jixiao schema`: looking inside.

use std::io::{self, Write};
use std::path::Path;

use super::ExitStatus;
use crate::error::FileError;
use crate::pipeline;
use crate::record::Record;
use crate::table::Block;

fn load(file: &Path) -> Result<Vec<Block>, FileError> {
    let bytes = std::fs::read(file)
        .map_err(|e| FileError::new(crate::error::ErrorCode::Unreadable, e.to_string()))?;
    pipeline::catch(|| pipeline::blocks(&file.to_string_lossy(), &bytes).map(|(_, b)| b))
}

fn report(file: &Path, e: &FileError) -> ExitStatus {
    eprintln!("jixiao: {}: {e}", file.display());
    ExitStatus::Failure
}

/// Every table's grid, as a JSON array.
pub fn tables(file: &Path) -> io::Result<ExitStatus> {
    let blocks = match load(file) {
        Ok(b) => b,
        Err(e) => return Ok(report(file, &e)),
    };
    let grids: Vec<_> = blocks
        .into_iter()
        .filter_map(|b| match b {
            Block::Table(g) => Some(g),
            Block::Text { .. } => None,
        })
        .collect();
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &grids)?;
    writeln!(out)?;
    Ok(ExitStatus::Success)
}

/// The text in reading order: text lines, and table rows with cells
/// separated by tabs.
pub fn text(file: &Path) -> io::Result<ExitStatus> {
    let blocks = match load(file) {
        Ok(b) => b,
        Err(e) => return Ok(report(file, &e)),
    };
    let mut out = io::stdout().lock();
    for block in blocks {
        match block {
            Block::Text { text, .. } => writeln!(out, "{text}")?,
            Block::Table(g) => {
                for r in 0..g.rows {
                    let cells: Vec<&str> = g
                        .row(r)
                        .iter()
                        .map(|s| {
                            if s.starts_here {
                                s.cell.text.as_str()
                            } else {
                                ""
                            }
                        })
                        .collect();
                    writeln!(out, "{}", cells.join("\t"))?;
                }
            }
        }
    }
    Ok(ExitStatus::Success)
}

/// The JSON Schema of the record, generated from the types.
pub fn schema() -> io::Result<ExitStatus> {
    let schema = schemars::schema_for!(Record);
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &schema)?;
    writeln!(out)?;
    Ok(ExitStatus::Success)
}
