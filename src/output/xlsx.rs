//! `--xlsx FILE`: the flat tables of [`super::tables`] as one workbook, a
//! sheet per table, numbers as numbers. Sheets are written in
//! rust_xlsxwriter's constant-memory mode (rows go to temporary files as
//! they come), so memory stays flat however many records there are; the
//! workbook is saved through [`Output`], i.e. atomically.

use std::io;
use std::path::Path;

use rust_xlsxwriter::{Workbook, XlsxError};

use super::Output;
use super::tables::{Value, layout, rows_with};
use crate::record::Record;

/// The workbook being written, and the next row of each sheet.
pub struct XlsxOut {
    book: Workbook,
    next_row: Vec<u32>,
    target: std::path::PathBuf,
    provenance: bool,
}

fn err(e: XlsxError) -> io::Error {
    io::Error::other(format!("--xlsx: {e}"))
}

impl XlsxOut {
    /// Start the workbook (nothing is written to `target` until [`Self::commit`]).
    ///
    /// # Errors
    /// The target is a folder or its folder does not exist.
    pub fn create(target: &Path, provenance: bool) -> io::Result<Self> {
        super::destination(target)?;
        let mut book = Workbook::new();
        let layout = layout(provenance);
        for (table, columns) in &layout {
            let sheet = book.add_worksheet_with_constant_memory().map_err(err)?;
            sheet.set_name(*table).map_err(err)?;
            for (c, name) in columns.iter().enumerate() {
                sheet.write_string(0, col(c), *name).map_err(err)?;
            }
        }
        Ok(Self {
            book,
            next_row: vec![1; layout.len()],
            target: target.to_path_buf(),
            provenance,
        })
    }

    /// Add one record's rows.
    ///
    /// # Errors
    /// A sheet is full (Excel's 1,048,576 rows) or a temporary file fails.
    pub fn record(&mut self, form_index: usize, r: &Record) -> io::Result<()> {
        for (i, rows) in rows_with(form_index, r, self.provenance)
            .into_iter()
            .enumerate()
        {
            let sheet = self.book.worksheet_from_index(i).map_err(err)?;
            for row in rows {
                let n = self.next_row[i];
                for (c, v) in row.iter().enumerate() {
                    match v {
                        Value::Empty => {}
                        Value::Text(s) => {
                            sheet.write_string(n, col(c), s).map_err(err)?;
                        }
                        Value::Num(x) => {
                            sheet.write_number(n, col(c), *x).map_err(err)?;
                        }
                        Value::Bool(b) => {
                            sheet.write_boolean(n, col(c), *b).map_err(err)?;
                        }
                    }
                }
                self.next_row[i] += 1;
            }
        }
        Ok(())
    }

    /// Save the workbook into place.
    ///
    /// # Errors
    /// I/O errors.
    pub fn commit(mut self) -> io::Result<()> {
        let mut out = Output::file(&self.target)?;
        self.book.save_to_writer(&mut out).map_err(err)?;
        out.commit()
    }
}

#[allow(clippy::cast_possible_truncation)]
fn col(c: usize) -> u16 {
    c as u16
}
