//! The records as flat tables for spreadsheets, R and SQL: one table per
//! entity, joined on (`path`, `form_index`), every record field present and
//! no value repeated on child rows. `--csv DIR` and `--xlsx FILE` both
//! write these tables; the columns are documented in `docs/record.md`.

use crate::record::{Measure, Num, Provenance, Record};

/// A cell of a flat table: numbers stay numbers (for `--xlsx`), the rest is
/// text; `Empty` is a null or absent field.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Num(f64),
    Bool(bool),
}

impl Value {
    /// The value as CSV text (numbers as the JSON record writes them).
    #[must_use]
    pub fn to_csv(&self) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Text(s) => s.clone(),
            Self::Num(n) => serde_json::to_string(&Num(*n)).unwrap_or_default(),
            Self::Bool(b) => b.to_string(),
        }
    }
}

impl From<Option<Num>> for Value {
    fn from(n: Option<Num>) -> Self {
        n.map_or(Self::Empty, |n| Self::Num(n.0))
    }
}

impl From<Option<&str>> for Value {
    fn from(s: Option<&str>) -> Self {
        s.map_or(Self::Empty, |s| Self::Text(s.to_string()))
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Self::Text(s.to_string())
    }
}

impl From<usize> for Value {
    #[allow(clippy::cast_precision_loss)]
    fn from(n: usize) -> Self {
        Self::Num(n as f64)
    }
}

/// One flat table: its name (the CSV file's stem, the sheet's name) and its
/// columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table {
    pub name: &'static str,
    pub columns: &'static [&'static str],
}

/// The tables, in the order they are written.
pub const TABLES: [Table; 6] = [
    Table {
        name: "forms",
        columns: &[
            "path",
            "form_index",
            "sha256",
            "format",
            "sheet",
            "page_first",
            "page_last",
            "form",
            "title",
            "year",
            "department",
            "project",
            "implementer",
            "unit",
            "amounts_unit",
            "funds_initial_budget",
            "funds_annual_budget",
            "funds_actual",
            "funds_adjustment",
            "funds_general_public_budget",
            "funds_execution_rate",
            "funds_adjustment_rate",
            "funds_weight",
            "funds_score",
            "goal_expected",
            "goal_achieved",
            "total_score",
            "grade",
            "problems",
            "improvements",
            "extra",
            "fund_source_count",
            "indicator_count",
            "task_count",
            "warning_count",
            "warning_codes",
        ],
    },
    Table {
        name: "fund_sources",
        columns: &[
            "path",
            "form_index",
            "source_index",
            "source",
            "label",
            "initial_budget",
            "annual_budget",
            "actual",
            "execution_rate",
        ],
    },
    Table {
        name: "indicators",
        columns: &[
            "path",
            "form_index",
            "indicator_index",
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
            "criteria",
        ],
    },
    Table {
        name: "tasks",
        columns: &[
            "path",
            "form_index",
            "task_index",
            "name",
            "expected",
            "achieved",
            "funds",
            "indicator_count",
        ],
    },
    Table {
        name: "task_indicators",
        columns: &[
            "path",
            "form_index",
            "task_index",
            "indicator_index",
            "name",
            "actual_raw",
            "actual_op",
            "actual_value",
            "actual_unit",
        ],
    },
    Table {
        name: "warnings",
        columns: &[
            "path",
            "form_index",
            "warning_index",
            "code",
            "field",
            "message",
        ],
    },
];

/// With `extract --provenance`: the columns added at the end of the rows
/// of [`PROVENANCE_TABLES`] (where the row's name or label cell is).
pub const PROVENANCE_COLUMNS: [&str; 9] = [
    "prov_page",
    "prov_sheet",
    "prov_table",
    "prov_row",
    "prov_col",
    "prov_x0",
    "prov_top",
    "prov_x1",
    "prov_bottom",
];

/// The tables that get [`PROVENANCE_COLUMNS`] with `--provenance`.
pub const PROVENANCE_TABLES: [&str; 3] = ["fund_sources", "indicators", "tasks"];

/// With `extract --provenance`, one more table: where each funds value of
/// a record was read (one row per key of the record's `provenance`): these
/// key columns, then [`PROVENANCE_COLUMNS`].
pub const FUNDS_PROVENANCE: Table = Table {
    name: "funds_provenance",
    columns: &["path", "form_index", "field"],
};

/// The tables written (name and columns): [`TABLES`], and with
/// `provenance` their provenance columns and [`FUNDS_PROVENANCE`].
#[must_use]
pub fn layout(provenance: bool) -> Vec<(&'static str, Vec<&'static str>)> {
    let mut out: Vec<(&'static str, Vec<&'static str>)> = TABLES
        .iter()
        .map(|t| {
            let mut cols = t.columns.to_vec();
            if provenance && PROVENANCE_TABLES.contains(&t.name) {
                cols.extend(PROVENANCE_COLUMNS);
            }
            (t.name, cols)
        })
        .collect();
    if provenance {
        let mut cols = FUNDS_PROVENANCE.columns.to_vec();
        cols.extend(PROVENANCE_COLUMNS);
        out.push((FUNDS_PROVENANCE.name, cols));
    }
    out
}

/// The values of [`PROVENANCE_COLUMNS`] (all empty for no provenance).
fn provenance_values(p: Option<&Provenance>) -> Vec<Value> {
    let Some(p) = p else {
        return vec![Value::Empty; PROVENANCE_COLUMNS.len()];
    };
    let mut v = vec![
        p.page.map_or(Value::Empty, Value::from),
        p.sheet.as_deref().into(),
        p.table.into(),
        p.row.into(),
        p.col.into(),
    ];
    match p.bbox {
        Some(b) => v.extend(b.map(Value::Num)),
        None => v.extend([Value::Empty, Value::Empty, Value::Empty, Value::Empty]),
    }
    v
}

/// The rows one record adds to each table of [`layout`]: the rows of
/// [`rows`], with `provenance` the provenance columns on the rows of
/// [`PROVENANCE_TABLES`] and the rows of [`FUNDS_PROVENANCE`].
#[must_use]
pub fn rows_with(form_index: usize, r: &Record, provenance: bool) -> Vec<Vec<Vec<Value>>> {
    let mut tables: Vec<Vec<Vec<Value>>> = rows(form_index, r).into();
    if !provenance {
        return tables;
    }
    let names: Vec<Option<&Provenance>> = r
        .fund_sources
        .iter()
        .map(|s| s.provenance.as_ref())
        .collect();
    let inds: Vec<Option<&Provenance>> =
        r.indicators.iter().map(|s| s.provenance.as_ref()).collect();
    let tasks: Vec<Option<&Provenance>> = r.tasks.iter().map(|s| s.provenance.as_ref()).collect();
    for (t, at) in [(1, names), (2, inds), (3, tasks)] {
        for (row, p) in tables[t].iter_mut().zip(at) {
            row.extend(provenance_values(p));
        }
    }
    let funds = r
        .provenance
        .iter()
        .flatten()
        .map(|(field, p)| {
            let mut row = vec![
                Value::Text(r.source.path.clone()),
                form_index.into(),
                Value::Text(field.clone()),
            ];
            row.extend(provenance_values(Some(p)));
            row
        })
        .collect();
    tables.push(funds);
    tables
}

/// A serde enum's name as it is written in the record (`department_overall`, `>=`).
fn name_of<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(|s| Value::Text(s.to_string())))
        .unwrap_or(Value::Empty)
}

fn measure(m: Option<&Measure>) -> [Value; 4] {
    match m {
        Some(m) => [
            Value::Text(m.raw.clone()),
            m.op.as_ref().map_or(Value::Empty, name_of),
            m.value.into(),
            m.unit.as_deref().into(),
        ],
        None => [Value::Empty, Value::Empty, Value::Empty, Value::Empty],
    }
}

/// The rows one record adds to each table of [`TABLES`], in that order.
#[must_use]
pub fn rows(form_index: usize, r: &Record) -> [Vec<Vec<Value>>; 6] {
    let key = || vec![Value::Text(r.source.path.clone()), form_index.into()];
    let with_key = |rest: Vec<Value>| {
        let mut row = key();
        row.extend(rest);
        row
    };
    let f = &r.funds;
    let fund = |v: Option<Option<Num>>| Value::from(v.flatten());
    let pages = r.source.pages;
    let warning_codes: Vec<&str> = r.warnings.iter().map(|w| w.code.as_str()).collect();
    let forms = vec![with_key(vec![
        Value::Text(r.source.sha256.clone()),
        name_of(&r.source.format),
        r.source.sheet.as_deref().into(),
        pages.map_or(Value::Empty, |p| p[0].into()),
        pages.map_or(Value::Empty, |p| p[1].into()),
        name_of(&r.form),
        r.title.as_deref().into(),
        r.year.map_or(Value::Empty, |y| Value::Num(f64::from(y))),
        r.department.as_deref().into(),
        r.project.as_deref().into(),
        r.implementer.as_deref().into(),
        r.unit.as_deref().into(),
        r.amounts
            .as_ref()
            .map_or(Value::Empty, |a| a.unit.as_deref().into()),
        fund(f.initial_budget),
        fund(f.annual_budget),
        fund(f.actual),
        fund(f.adjustment),
        fund(f.general_public_budget),
        fund(f.execution_rate),
        fund(f.adjustment_rate),
        fund(f.weight),
        fund(f.score),
        r.goal.as_ref().and_then(|g| g.expected.as_deref()).into(),
        r.goal.as_ref().and_then(|g| g.achieved.as_deref()).into(),
        r.total_score.into(),
        r.grade.as_deref().into(),
        r.problems.as_deref().into(),
        r.improvements.as_deref().into(),
        if r.extra.is_empty() {
            Value::Empty
        } else {
            Value::Text(serde_json::to_string(&r.extra).unwrap_or_default())
        },
        r.fund_sources.len().into(),
        r.indicators.len().into(),
        r.tasks.len().into(),
        r.warnings.len().into(),
        if warning_codes.is_empty() {
            Value::Empty
        } else {
            Value::Text(warning_codes.join(";"))
        },
    ])];
    let sources = r
        .fund_sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            with_key(vec![
                i.into(),
                s.source.as_ref().map_or(Value::Empty, name_of),
                s.label.as_str().into(),
                fund(s.initial_budget),
                fund(s.annual_budget),
                fund(s.actual),
                fund(s.execution_rate),
            ])
        })
        .collect();
    let indicators = r
        .indicators
        .iter()
        .enumerate()
        .map(|(i, ind)| {
            let mut row = vec![
                i.into(),
                ind.level1.as_deref().into(),
                ind.level2.as_deref().into(),
                ind.name.as_str().into(),
            ];
            row.extend(measure(ind.target.as_ref()));
            row.extend(measure(ind.actual.as_ref()));
            row.extend([
                ind.weight.into(),
                ind.score.into(),
                ind.met.map_or(Value::Empty, Value::Bool),
                ind.note.as_deref().into(),
                ind.criteria.as_deref().into(),
            ]);
            with_key(row)
        })
        .collect();
    let tasks = r
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            with_key(vec![
                i.into(),
                t.name.as_str().into(),
                t.expected.as_deref().into(),
                t.achieved.as_deref().into(),
                t.funds.into(),
                t.indicators.len().into(),
            ])
        })
        .collect();
    let task_indicators = r
        .tasks
        .iter()
        .enumerate()
        .flat_map(|(ti, t)| {
            t.indicators.iter().enumerate().map(move |(i, ind)| {
                let mut row = vec![ti.into(), i.into(), ind.name.as_str().into()];
                row.extend(measure(Some(&ind.actual)));
                row
            })
        })
        .map(with_key)
        .collect();
    let warnings = r
        .warnings
        .iter()
        .enumerate()
        .map(|(i, w)| {
            with_key(vec![
                i.into(),
                w.code.as_str().into(),
                w.field.as_deref().into(),
                w.message.as_str().into(),
            ])
        })
        .collect();
    [forms, sources, indicators, tasks, task_indicators, warnings]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_has_its_table_s_width() {
        let json = include_str!("../../tests/golden/000_5db012f121f01c6e.txt.json");
        let r: Record = serde_json::from_str::<Vec<Record>>(json).unwrap().remove(0);
        let tables = rows(0, &r);
        for (t, rows) in TABLES.iter().zip(&tables) {
            for row in rows {
                assert_eq!(row.len(), t.columns.len(), "table {}", t.name);
            }
        }
        // The seed: 1 form, 15 indicators, 4 tasks with 9+6+4+9 indicators.
        let counts: Vec<usize> = tables.iter().map(Vec::len).collect();
        assert_eq!(counts, vec![1, 0, 15, 4, 28, r.warnings.len()]);
    }

    #[test]
    fn a_rubric_s_criteria_are_in_their_column() {
        let text = include_str!("../../tests/data/formgen/011_rubric.txt");
        let r = crate::pipeline::extract_bytes(
            "011_rubric.txt",
            text.as_bytes(),
            crate::pipeline::Options::default(),
        )
        .unwrap()
        .remove(0);
        let tables = rows(0, &r);
        let col = TABLES[2]
            .columns
            .iter()
            .position(|c| *c == "criteria")
            .unwrap();
        assert_eq!(
            tables[2][0][col],
            Value::Text("部门整体绩效目标是否符合规划 / 目标合理得满分，否则酌情扣分".into())
        );
    }
}
