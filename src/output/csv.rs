//! `--csv DIR`: the records as the flat tables of [`super::tables`], one
//! CSV file each (`forms.csv`, `fund_sources.csv`, …), UTF-8 with a BOM so
//! that Excel shows the Chinese, RFC 4180 quoting by the csv crate.

use std::io::{self, Write};
use std::path::Path;

use crate::record::Record;

use super::Output;
use super::tables::{layout, rows_with};

/// The files `--csv DIR` writes, which join on (`path`, `form_index`)
/// (with `--provenance` also `funds_provenance.csv`).
pub const FILES: [&str; 7] = [
    "forms.csv",
    "fund_sources.csv",
    "indicators.csv",
    "tasks.csv",
    "task_indicators.csv",
    "warnings.csv",
    "funds_provenance.csv",
];

/// Writers of the tables, in the order of [`TABLES`].
pub struct CsvOut {
    tables: Vec<csv::Writer<Output>>,
    provenance: bool,
}

impl CsvOut {
    /// Create `dir` and the tables in it, each with its header row.
    ///
    /// # Errors
    /// The folder cannot be created or written.
    pub fn create(dir: &Path, provenance: bool) -> io::Result<Self> {
        std::fs::create_dir_all(dir).map_err(|e| {
            let why = if dir.is_file() {
                "is a file, not a folder".to_string()
            } else {
                e.to_string()
            };
            io::Error::new(e.kind(), format!("--csv {}: {why}", dir.display()))
        })?;
        let layout = layout(provenance);
        let mut tables = Vec::with_capacity(layout.len());
        for (name, columns) in layout {
            let mut out = Output::file(&dir.join(format!("{name}.csv")))?;
            out.write_all("\u{feff}".as_bytes())?;
            let mut w = csv::Writer::from_writer(out);
            w.write_record(columns)?;
            tables.push(w);
        }
        Ok(Self { tables, provenance })
    }

    /// Add one record's rows.
    ///
    /// # Errors
    /// I/O errors.
    pub fn record(&mut self, form_index: usize, r: &Record) -> io::Result<()> {
        for (w, rows) in self
            .tables
            .iter_mut()
            .zip(rows_with(form_index, r, self.provenance))
        {
            for row in rows {
                w.write_record(row.iter().map(super::tables::Value::to_csv))?;
            }
        }
        Ok(())
    }

    /// Move the files into place.
    ///
    /// # Errors
    /// I/O errors.
    pub fn commit(self) -> io::Result<()> {
        for w in self.tables {
            w.into_inner()
                .map_err(|e| io::Error::other(e.to_string()))?
                .commit()?;
        }
        Ok(())
    }
}
