//! `--csv DIR`: the records as three flat tables that join on
//! (`path`, `form_index`): `forms.csv` (one row per form), `indicators.csv`
//! (one row per indicator) and `tasks.csv` (one row per task indicator).

use std::io;
use std::path::Path;

use crate::record::{Measure, Num, Record};

use super::Output;

/// Writers of the three tables.
pub struct CsvOut {
    forms: Table,
    indicators: Table,
    tasks: Table,
}

/// The files `--csv DIR` writes, which join on (`path`, `form_index`).
pub const FILES: [&str; 3] = ["forms.csv", "indicators.csv", "tasks.csv"];

struct Table(csv::Writer<Output>);

impl Table {
    fn new(dir: &Path, name: &str, header: &[&str]) -> io::Result<Self> {
        let mut writer = csv::Writer::from_writer(Output::file(&dir.join(name))?);
        writer.write_record(header)?;
        Ok(Self(writer))
    }

    fn row(&mut self, fields: &[String]) -> io::Result<()> {
        Ok(self.0.write_record(fields)?)
    }

    fn commit(self) -> io::Result<()> {
        self.0
            .into_inner()
            .map_err(|e| io::Error::other(e.to_string()))?
            .commit()
    }
}

fn num(n: Option<Num>) -> String {
    n.map(|n| serde_json::to_string(&n).unwrap_or_default())
        .unwrap_or_default()
}

fn opt(s: Option<&str>) -> String {
    s.unwrap_or_default().to_string()
}

fn measure(m: Option<&Measure>) -> [String; 4] {
    match m {
        Some(m) => [
            m.raw.clone(),
            m.op.map(|o| {
                serde_json::to_value(o)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default()
            })
            .unwrap_or_default(),
            num(m.value),
            opt(m.unit.as_deref()),
        ],
        None => Default::default(),
    }
}

impl CsvOut {
    /// Create `dir` and the three tables in it.
    ///
    /// # Errors
    /// The folder cannot be created or written.
    pub fn create(dir: &Path) -> io::Result<Self> {
        std::fs::create_dir_all(dir).map_err(|e| {
            let why = if dir.is_file() {
                "is a file, not a folder".to_string()
            } else {
                e.to_string()
            };
            io::Error::new(e.kind(), format!("--csv {}: {why}", dir.display()))
        })?;
        Ok(Self {
            forms: Table::new(
                dir,
                FILES[0],
                &[
                    "path",
                    "form_index",
                    "form",
                    "title",
                    "year",
                    "department",
                    "project",
                    "implementer",
                    "unit",
                    "initial_budget",
                    "annual_budget",
                    "actual",
                    "adjustment",
                    "execution_rate",
                    "total_score",
                    "grade",
                    "indicators",
                    "warnings",
                ],
            )?,
            indicators: Table::new(
                dir,
                FILES[1],
                &[
                    "path",
                    "form_index",
                    "index",
                    "level1",
                    "level2",
                    "name",
                    "target_raw",
                    "target_op",
                    "target_value",
                    "target_unit",
                    "actual_raw",
                    "actual_op",
                    "actual_value",
                    "actual_unit",
                    "weight",
                    "score",
                    "met",
                    "note",
                ],
            )?,
            tasks: Table::new(
                dir,
                FILES[2],
                &[
                    "path",
                    "form_index",
                    "task_index",
                    "task",
                    "funds",
                    "indicator",
                    "actual_raw",
                    "actual_value",
                    "actual_unit",
                ],
            )?,
        })
    }

    /// Add one record's rows.
    ///
    /// # Errors
    /// I/O errors.
    pub fn record(&mut self, form_index: usize, r: &Record) -> io::Result<()> {
        let fi = form_index.to_string();
        let flat = |o: Option<Option<Num>>| num(o.flatten());
        self.forms.row(&[
            r.source.path.clone(),
            fi.clone(),
            serde_json::to_value(r.form)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default(),
            opt(r.title.as_deref()),
            r.year.map(|y| y.to_string()).unwrap_or_default(),
            opt(r.department.as_deref()),
            opt(r.project.as_deref()),
            opt(r.implementer.as_deref()),
            opt(r.unit.as_deref()),
            flat(r.funds.initial_budget),
            flat(r.funds.annual_budget),
            flat(r.funds.actual),
            flat(r.funds.adjustment),
            flat(r.funds.execution_rate),
            num(r.total_score),
            opt(r.grade.as_deref()),
            r.indicators.len().to_string(),
            r.warnings.len().to_string(),
        ])?;
        for (i, ind) in r.indicators.iter().enumerate() {
            let [traw, top, tval, tunit] = measure(ind.target.as_ref());
            let [araw, aop, aval, aunit] = measure(ind.actual.as_ref());
            self.indicators.row(&[
                r.source.path.clone(),
                fi.clone(),
                i.to_string(),
                opt(ind.level1.as_deref()),
                opt(ind.level2.as_deref()),
                ind.name.clone(),
                traw,
                top,
                tval,
                tunit,
                araw,
                aop,
                aval,
                aunit,
                num(ind.weight),
                num(ind.score),
                ind.met.map(|m| m.to_string()).unwrap_or_default(),
                opt(ind.note.as_deref()),
            ])?;
        }
        for (ti, t) in r.tasks.iter().enumerate() {
            for ind in &t.indicators {
                let [araw, _, aval, aunit] = measure(Some(&ind.actual));
                self.tasks.row(&[
                    r.source.path.clone(),
                    fi.clone(),
                    ti.to_string(),
                    t.name.clone(),
                    num(t.funds),
                    ind.name.clone(),
                    araw,
                    aval,
                    aunit,
                ])?;
            }
        }
        Ok(())
    }

    /// Move the three files into place.
    ///
    /// # Errors
    /// I/O errors.
    pub fn commit(self) -> io::Result<()> {
        self.forms.commit()?;
        self.indicators.commit()?;
        self.tasks.commit()
    }
}
