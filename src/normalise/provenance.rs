//! `extract --provenance`: where each funds value, fund source, indicator
//! and task of a record was read (grid, cell, page, box), from the
//! positions the form walker keeps beside the text ([`crate::form::At`]).

use indexmap::IndexMap;

use crate::form::{At, FundField, RawForm};
use crate::record::{Funds, Num, Provenance, Record};

/// The positions of a recognised form, taken before it becomes a record.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Positions {
    /// Per funds field, the cell of its first occurrence (the one
    /// [`super::to_record`] reads).
    funds: Vec<(FundField, Option<At>)>,
    fund_sources: Vec<Option<At>>,
    indicators: Vec<Option<At>>,
    tasks: Vec<Option<At>>,
}

impl Positions {
    #[must_use]
    pub fn of(raw: &RawForm) -> Self {
        let mut funds: Vec<(FundField, Option<At>)> = Vec::new();
        // The walker keeps `funds_at` in step with `funds`; were it ever not,
        // no funds value gets a position rather than a wrong one.
        if raw.funds.len() == raw.funds_at.len() {
            for ((field, _), at) in raw.funds.iter().zip(&raw.funds_at) {
                if !funds.iter().any(|f| f.0 == *field) {
                    funds.push((*field, *at));
                }
            }
        }
        Self {
            funds,
            fund_sources: raw.fund_sources.iter().map(|s| s.at).collect(),
            indicators: raw.indicators.iter().map(|i| i.at).collect(),
            tasks: raw.tasks.iter().map(|t| t.at).collect(),
        }
    }
}

/// Put the positions into `record`: `sheet` is the workbook sheet the form
/// came from, `tables_before` the number of tables in the file before the
/// form's part (earlier sheets), so that `table` counts over the whole file
/// as `jixiao tables` does.
pub fn attach(record: &mut Record, at: &Positions, sheet: Option<&str>, tables_before: usize) {
    let prov = |a: &At| Provenance {
        page: a.page,
        sheet: sheet.map(str::to_string),
        table: tables_before + a.table,
        row: a.row,
        col: a.col,
        bbox: a
            .bbox
            .map(|b| b.map(|v| (f64::from(v) * 100.0).round() / 100.0)),
    };
    let mut funds = IndexMap::new();
    for (field, a) in &at.funds {
        if let (Some(a), Some(name)) = (a, present(&record.funds, *field)) {
            funds.insert(format!("funds.{name}"), prov(a));
        }
    }
    // Keys in the order of the record's funds fields.
    funds.sort_by_cached_key(|k, _| FIELDS.iter().position(|f| k[6..] == *f.1));
    record.provenance = Some(funds);
    for (s, a) in record.fund_sources.iter_mut().zip(&at.fund_sources) {
        s.provenance = a.as_ref().map(prov);
    }
    for (i, a) in record.indicators.iter_mut().zip(&at.indicators) {
        i.provenance = a.as_ref().map(prov);
    }
    for (t, a) in record.tasks.iter_mut().zip(&at.tasks) {
        t.provenance = a.as_ref().map(prov);
    }
}

/// Funds fields in record order, with their JSON names.
const FIELDS: [(FundField, &str); 9] = [
    (FundField::InitialBudget, "initial_budget"),
    (FundField::AnnualBudget, "annual_budget"),
    (FundField::Actual, "actual"),
    (FundField::Adjustment, "adjustment"),
    (FundField::GeneralPublicBudget, "general_public_budget"),
    (FundField::ExecutionRate, "execution_rate"),
    (FundField::AdjustmentRate, "adjustment_rate"),
    (FundField::Weight, "weight"),
    (FundField::Score, "score"),
];

/// The JSON name of `field` when the record holds a number for it.
fn present(f: &Funds, field: FundField) -> Option<&'static str> {
    let v: &Option<Option<Num>> = match field {
        FundField::InitialBudget => &f.initial_budget,
        FundField::AnnualBudget => &f.annual_budget,
        FundField::Actual => &f.actual,
        FundField::Adjustment => &f.adjustment,
        FundField::GeneralPublicBudget => &f.general_public_budget,
        FundField::ExecutionRate => &f.execution_rate,
        FundField::AdjustmentRate => &f.adjustment_rate,
        FundField::Weight => &f.weight,
        FundField::Score => &f.score,
    };
    matches!(v, Some(Some(_)))
        .then(|| FIELDS.iter().find(|x| x.0 == field).map(|x| x.1))
        .flatten()
}
