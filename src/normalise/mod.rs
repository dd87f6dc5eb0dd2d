//! Stage 5, normalise: a [`RawForm`]'s texts → the typed [`Record`]:
//! numbers, measures, `met`, task indicator pairs, and the arithmetic checks,
//! with a warning wherever something cannot be decided.

pub mod checks;
pub mod measure;
pub mod met;
pub mod number;
pub mod text;

use std::sync::OnceLock;

use regex::Regex;

use crate::form::{FundField, RawForm, RawIndicator, RawTask, labels};
use crate::record::{
    FormKind, FundSource, Funds, Goal, Indicator, Measure, Num, Record, SCHEMA, Source, Task,
    TaskIndicator, Warning,
};
use checks::FundNumbers;
use measure::parse_measure;
use number::{Amount, Shown, parse_amount};
use text::non_empty;

/// Warning codes.
pub mod codes {
    pub const MET_UNDETERMINED: &str = "met_undetermined";
    pub const TASK_INDICATOR_COUNT_MISMATCH: &str = "task_indicator_count_mismatch";
    pub const FUNDS_INCONSISTENT: &str = "funds_inconsistent";
    /// A cell that should hold a number holds words.
    pub const NOT_A_NUMBER: &str = "not_a_number";
}

/// Build the record of one recognised form.
#[must_use]
pub fn to_record(raw: RawForm, source: Source, keep_tables: bool) -> Record {
    let mut warnings = Vec::new();
    let kind = raw.kind.unwrap_or(FormKind::Unknown);
    let (total, numbers) = funds(&raw.funds, "funds", &mut warnings);
    consistency(&numbers, "funds", &mut warnings);
    let fund_sources = raw
        .fund_sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let path = format!("fund_sources[{i}]");
            let (f, n) = funds(&s.values, &path, &mut warnings);
            consistency(&n, &path, &mut warnings);
            FundSource {
                source: labels::fund_source(&s.label),
                label: s.label.clone(),
                initial_budget: f.initial_budget,
                annual_budget: f.annual_budget,
                actual: f.actual,
                execution_rate: f.execution_rate,
            }
        })
        .collect();
    let indicators = raw
        .indicators
        .iter()
        .enumerate()
        .map(|(i, r)| indicator(i, r, &mut warnings))
        .collect();
    let tasks = raw
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| task(i, t, &mut warnings))
        .collect();
    let year = raw
        .title
        .as_deref()
        .and_then(year_in)
        .or_else(|| raw.header_lines.iter().find_map(|l| year_in(l)));
    let keep_tables = keep_tables || kind == FormKind::Unknown;
    Record {
        schema: SCHEMA.to_string(),
        source: Source {
            pages: raw.pages,
            ..source
        },
        form: kind,
        title: raw.title,
        year,
        department: raw.department,
        project: raw.project,
        implementer: raw.implementer,
        unit: raw.unit,
        funds: total,
        fund_sources,
        goal: raw.goal.map(|g| Goal {
            expected: g.expected,
            achieved: g.achieved,
        }),
        indicators,
        tasks,
        total_score: raw
            .total_score
            .as_deref()
            .and_then(|t| number(t, "total_score", &mut warnings)),
        grade: raw.grade,
        problems: raw.problems,
        improvements: raw.improvements,
        extra: raw.extra,
        tables: keep_tables.then_some(raw.tables),
        warnings,
    }
}

/// A number cell: `None` when blank; `None` and a warning when words.
fn number(cell: &str, field: &str, warnings: &mut Vec<Warning>) -> Option<Num> {
    shown(cell, field, warnings).map(|s| Num(s.value))
}

fn shown(cell: &str, field: &str, warnings: &mut Vec<Warning>) -> Option<Shown> {
    match parse_amount(cell) {
        Amount::Number(s) => Some(s),
        Amount::Blank => None,
        Amount::NotANumber => {
            warnings.push(Warning {
                code: codes::NOT_A_NUMBER.into(),
                message: format!("expected a number, found {:?}", cell.trim()),
                field: Some(field.to_string()),
            });
            None
        }
    }
}

fn funds(
    values: &[(FundField, String)],
    path: &str,
    warnings: &mut Vec<Warning>,
) -> (Funds, FundNumbers) {
    let mut f = Funds::default();
    let mut n = FundNumbers::default();
    for (field, cell) in values {
        let (slot, name, num_slot) = match field {
            FundField::InitialBudget => (
                &mut f.initial_budget,
                "initial_budget",
                Some(&mut n.initial_budget),
            ),
            FundField::AnnualBudget => (
                &mut f.annual_budget,
                "annual_budget",
                Some(&mut n.annual_budget),
            ),
            FundField::Actual => (&mut f.actual, "actual", Some(&mut n.actual)),
            FundField::Adjustment => (&mut f.adjustment, "adjustment", Some(&mut n.adjustment)),
            FundField::GeneralPublicBudget => {
                (&mut f.general_public_budget, "general_public_budget", None)
            }
            FundField::ExecutionRate => (
                &mut f.execution_rate,
                "execution_rate",
                Some(&mut n.execution_rate),
            ),
            FundField::AdjustmentRate => (
                &mut f.adjustment_rate,
                "adjustment_rate",
                Some(&mut n.adjustment_rate),
            ),
            FundField::Weight => (&mut f.weight, "weight", None),
            FundField::Score => (&mut f.score, "score", None),
        };
        if slot.is_some() {
            continue; // the first occurrence wins
        }
        let s = shown(cell, &format!("{path}.{name}"), warnings);
        *slot = Some(s.map(|s| Num(s.value)));
        if let Some(ns) = num_slot {
            *ns = s;
        }
    }
    (f, n)
}

fn consistency(n: &FundNumbers, path: &str, warnings: &mut Vec<Warning>) {
    for failure in checks::check(n) {
        warnings.push(Warning {
            code: codes::FUNDS_INCONSISTENT.into(),
            message: failure.message,
            field: Some(
                failure
                    .fields
                    .iter()
                    .map(|f| format!("{path}.{f}"))
                    .collect::<Vec<_>>()
                    .join(","),
            ),
        });
    }
}

fn indicator(i: usize, r: &RawIndicator, warnings: &mut Vec<Warning>) -> Indicator {
    let target_raw = match (&r.target_op, &r.target_unit) {
        (None, None) => r.target.clone(),
        (op, unit) => format!(
            "{}{}{}",
            op.as_deref().unwrap_or(""),
            r.target,
            unit.as_deref().unwrap_or("")
        ),
    };
    let target = parse_measure(&target_raw);
    let actual = parse_measure(&r.actual);
    let met = match met::decide(target.as_ref(), actual.as_ref()) {
        Ok(m) => Some(m),
        Err(why) => {
            warnings.push(Warning {
                code: codes::MET_UNDETERMINED.into(),
                message: why,
                field: Some(format!("indicators[{i}].met")),
            });
            None
        }
    };
    Indicator {
        level1: r.level1.clone(),
        level2: r.level2.clone(),
        name: r.name.clone(),
        target,
        actual,
        weight: r
            .weight
            .as_deref()
            .and_then(|w| number(w, &format!("indicators[{i}].weight"), warnings)),
        score: r
            .score
            .as_deref()
            .and_then(|s| number(s, &format!("indicators[{i}].score"), warnings)),
        met,
        note: r.note.as_deref().and_then(non_empty),
    }
}

fn task(i: usize, t: &RawTask, warnings: &mut Vec<Warning>) -> Task {
    let names: Vec<&str> = t.indicator_names.split_whitespace().collect();
    let values: Vec<&str> = t.indicator_values.split_whitespace().collect();
    if names.len() != values.len() {
        warnings.push(Warning {
            code: codes::TASK_INDICATOR_COUNT_MISMATCH.into(),
            message: format!(
                "{} indicator names but {} values; paired the first {}",
                names.len(),
                values.len(),
                names.len().min(values.len())
            ),
            field: Some(format!("tasks[{i}].indicators")),
        });
    }
    let indicators = names
        .iter()
        .zip(&values)
        .filter_map(|(n, v)| {
            parse_measure(v).map(|actual| TaskIndicator {
                name: (*n).to_string(),
                actual,
            })
        })
        .collect();
    Task {
        name: t.name.clone(),
        expected: t.expected.clone(),
        achieved: t.achieved.clone(),
        funds: number(&t.funds, &format!("tasks[{i}].funds"), warnings),
        indicators,
    }
}

/// `2021年度`, `（2021年）`, `２０２１年` → 2021.
#[must_use]
pub fn year_in(text: &str) -> Option<i32> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| Regex::new(r"((?:19|20)\d{2})\s*年").expect("valid regex"));
    re.captures(&text::nfkc(text))
        .and_then(|c| c[1].parse().ok())
}

/// A measure from a cell, for callers outside this stage.
#[must_use]
pub fn measure(cell: &str) -> Option<Measure> {
    parse_measure(cell)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years() {
        assert_eq!(
            year_in("黄埔区广州开发区部门整体支出绩效自评表 (2021年度)"),
            Some(2021)
        );
        assert_eq!(year_in("项目支出绩效自评表（２０２２年）"), Some(2022));
        assert_eq!(year_in("（2020 年度）"), Some(2020));
        assert_eq!(year_in("部门整体支出绩效自评表"), None);
        assert_eq!(year_in("编号3021年"), None);
    }

    #[test]
    fn task_pairs_and_mismatch() {
        let mut w = Vec::new();
        let t = RawTask {
            name: "甲".into(),
            indicator_names: "A B\nC".into(),
            indicator_values: "1次 2%".into(),
            funds: "1,282.81".into(),
            ..RawTask::default()
        };
        let out = task(3, &t, &mut w);
        assert_eq!(out.indicators.len(), 2);
        assert_eq!(out.indicators[1].name, "B");
        assert_eq!(out.indicators[1].actual.value, Some(Num(2.0)));
        assert_eq!(out.funds, Some(Num(1282.81)));
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].code, codes::TASK_INDICATOR_COUNT_MISMATCH);
        assert_eq!(w[0].field.as_deref(), Some("tasks[3].indicators"));
    }

    #[test]
    fn split_target_columns_make_one_measure() {
        let mut w = Vec::new();
        let r = RawIndicator {
            name: "培训人次".into(),
            target: "500".into(),
            target_op: Some("≥".into()),
            target_unit: Some("人次".into()),
            actual: "520人次".into(),
            ..RawIndicator::default()
        };
        let i = indicator(0, &r, &mut w);
        let t = i.target.unwrap();
        assert_eq!(t.raw, "≥500人次");
        assert_eq!(
            (t.op, t.value, t.unit.as_deref()),
            (Some(crate::record::Op::Ge), Some(Num(500.0)), Some("人次"))
        );
        assert_eq!(i.met, Some(true));
        assert!(w.is_empty());
    }

    #[test]
    fn words_in_a_number_cell_warn() {
        let mut w = Vec::new();
        let (f, _) = funds(
            &[
                (FundField::Actual, "未执行".into()),
                (FundField::AnnualBudget, "—".into()),
            ],
            "funds",
            &mut w,
        );
        assert_eq!(f.actual, Some(None));
        assert_eq!(f.annual_budget, Some(None));
        assert_eq!(f.initial_budget, None);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].field.as_deref(), Some("funds.actual"));
    }
}
