//! `jixiao tables`, `jixiao text`, `jixiao schema`: looking inside.

use std::io::{self, Write};
use std::path::Path;

use super::ExitStatus;
use crate::error::FileError;
use crate::pipeline;
use crate::record::{Format, Record};
use crate::table::Block;

fn load(file: &Path) -> Result<Vec<Block>, FileError> {
    let bytes = pipeline::read(file)?;
    pipeline::catch(|| {
        pipeline::blocks(
            &file.to_string_lossy(),
            &bytes,
            &pipeline::Options::default(),
        )
        .map(|(_, b)| b)
    })
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
    let grids: Vec<serde_json::Value> = blocks
        .into_iter()
        .filter_map(|b| match b {
            Block::Table(g) => Some(with_lines(&g)),
            Block::Text { .. } => None,
        })
        .collect();
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &grids)?;
    writeln!(out)?;
    Ok(ExitStatus::Success)
}

/// A grid as JSON with SPEC's joined text per cell, plus each cell's
/// `lines`: its text split at hard breaks and soft wraps, and `hard`: for
/// each line after the first, whether the break before it is hard.
fn with_lines(g: &crate::table::Grid) -> serde_json::Value {
    use crate::table::{HARD_BREAK, LINE_BREAK};
    let mut v = serde_json::to_value(g.unwrapped()).unwrap_or_default();
    if let Some(cells) = v.get_mut("cells").and_then(|c| c.as_array_mut()) {
        for (cell, raw) in cells.iter_mut().zip(&g.cells) {
            let mut lines = vec![String::new()];
            let mut hard = Vec::new();
            for c in raw.text.chars() {
                if c == HARD_BREAK || c == LINE_BREAK {
                    lines.push(String::new());
                    hard.push(c == HARD_BREAK);
                } else if let Some(l) = lines.last_mut() {
                    l.push(c);
                }
            }
            cell["lines"] = serde_json::json!(lines);
            cell["hard"] = serde_json::json!(hard);
        }
    }
    v
}

/// The text in reading order: for a PDF, each page laid out like
/// `pdftotext -layout` (pages separated by a form feed); for a text dump,
/// the decoded text.
pub fn text(file: &Path) -> io::Result<ExitStatus> {
    let name = file.to_string_lossy();
    let result = pipeline::read(file).and_then(|bytes| {
        pipeline::catch(|| match crate::input::sniff(&name, &bytes)? {
            Format::Pdf => Ok(pipeline::pdf_pages(&bytes, &pipeline::Options::default())?
                .iter()
                .map(crate::page::page_text)
                .collect::<Vec<_>>()
                .join("\u{c}")),
            Format::Text => crate::input::text::decode(&bytes),
            _ => Ok(
                pipeline::blocks(&name, &bytes, &pipeline::Options::default())?
                    .1
                    .iter()
                    .flat_map(|b| match b {
                        Block::Text { text, .. } => vec![text.clone()],
                        Block::Table(g) => (0..g.rows)
                            .map(|r| {
                                g.row(r)
                                    .iter()
                                    .map(|s| {
                                        if s.starts_here {
                                            crate::table::joined_text(&s.cell.text)
                                        } else {
                                            String::new()
                                        }
                                    })
                                    .collect::<Vec<_>>()
                                    .join("\t")
                            })
                            .collect(),
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
        })
    });
    match result {
        Ok(text) => {
            let mut out = io::stdout().lock();
            out.write_all(text.as_bytes())?;
            if !text.ends_with('\n') {
                writeln!(out)?;
            }
            Ok(ExitStatus::Success)
        }
        Err(e) => Ok(report(file, &e)),
    }
}

/// The JSON Schema of the record, generated from the types.
pub fn schema() -> io::Result<ExitStatus> {
    let schema = schemars::schema_for!(Record);
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &schema)?;
    writeln!(out)?;
    Ok(ExitStatus::Success)
}
