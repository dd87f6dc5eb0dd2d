//! `extract --money 万元|元`: amounts made comparable across forms printed
//! in 元 and in 万元. The record's `unit` stays as printed; `amounts` says
//! which unit its amounts are now in and what they were converted from.
//!
//! Amounts are the funds values (`initial_budget`, `annual_budget`,
//! `actual`, `adjustment`, `general_public_budget`), the fund sources'
//! budgets and actuals, and task funds. Rates, weights, scores and the
//! indicators' measures are not money of the form and stay as they are.

use crate::record::{Amounts, Num, Record, Warning};

/// The unit to convert to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyUnit {
    Wan,
    Yuan,
}

/// Warning: the form states no money unit, so its amounts were not converted.
pub const AMOUNTS_NOT_CONVERTED: &str = "amounts_not_converted";

impl MoneyUnit {
    /// Parse `万元`/`wan` or `元`/`yuan`.
    ///
    /// # Errors
    /// Any other word.
    pub fn parse(s: &str) -> Result<Self, String> {
        match s.trim() {
            "万元" | "wan" | "wanyuan" => Ok(Self::Wan),
            "元" | "yuan" => Ok(Self::Yuan),
            other => Err(format!("{other}: expected 万元 (wan) or 元 (yuan)")),
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Wan => "万元",
            Self::Yuan => "元",
        }
    }

    /// How many of this unit one `from` is (`元` → `万元`: 0.0001).
    fn factor_from(self, from: &str) -> Option<f64> {
        let from = match from.trim() {
            "万元" => Self::Wan,
            "元" => Self::Yuan,
            _ => return None,
        };
        Some(match (from, self) {
            (Self::Wan, Self::Yuan) => 10_000.0,
            (Self::Yuan, Self::Wan) => 0.0001,
            _ => 1.0,
        })
    }
}

/// Scale a number, rounded to 6 decimals so that `250000.00 元` gives
/// `25` 万元, not `25.000000000000004`.
fn scale(n: Num, factor: f64) -> Num {
    let v = n.0 * factor;
    Num((v * 1e6).round() / 1e6)
}

fn scale_field(field: &mut Option<Option<Num>>, factor: f64) {
    if let Some(Some(n)) = field {
        *n = scale(*n, factor);
    }
}

/// Convert the record's amounts to `to`.
pub fn convert(r: &mut Record, to: MoneyUnit) {
    let Some(factor) = r.unit.as_deref().and_then(|u| to.factor_from(u)) else {
        r.amounts = Some(Amounts {
            unit: None,
            converted_from: None,
        });
        r.warnings.push(Warning {
            code: AMOUNTS_NOT_CONVERTED.into(),
            message: format!(
                "the form states no money unit we know ({}), so its amounts are as printed, not in {}",
                r.unit.as_deref().unwrap_or("none"),
                to.label()
            ),
            field: Some("unit".into()),
        });
        return;
    };
    let converted = (factor - 1.0).abs() > f64::EPSILON;
    if converted {
        let f = &mut r.funds;
        for field in [
            &mut f.initial_budget,
            &mut f.annual_budget,
            &mut f.actual,
            &mut f.adjustment,
            &mut f.general_public_budget,
        ] {
            scale_field(field, factor);
        }
        for s in &mut r.fund_sources {
            for field in [&mut s.initial_budget, &mut s.annual_budget, &mut s.actual] {
                scale_field(field, factor);
            }
        }
        for t in &mut r.tasks {
            if let Some(n) = &mut t.funds {
                *n = scale(*n, factor);
            }
        }
    }
    r.amounts = Some(Amounts {
        unit: Some(to.label().into()),
        converted_from: converted.then(|| r.unit.clone()).flatten(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> Record {
        let json = include_str!("../../tests/golden/000_5db012f121f01c6e.txt.json");
        let mut records: Vec<Record> = serde_json::from_str(json).unwrap();
        records.remove(0)
    }

    #[test]
    fn a_yuan_form_and_a_wan_form_of_the_same_amounts_agree() {
        let wan = seed();
        assert_eq!(wan.unit.as_deref(), Some("万元"));
        // The same form printed in 元.
        let mut yuan = wan.clone();
        yuan.unit = Some("元".into());
        for field in [
            &mut yuan.funds.initial_budget,
            &mut yuan.funds.annual_budget,
            &mut yuan.funds.actual,
            &mut yuan.funds.adjustment,
            &mut yuan.funds.general_public_budget,
        ] {
            if let Some(Some(n)) = field {
                *n = Num((n.0 * 10_000.0 * 100.0).round() / 100.0);
            }
        }
        for t in &mut yuan.tasks {
            t.funds = t
                .funds
                .map(|n| Num((n.0 * 10_000.0 * 100.0).round() / 100.0));
        }
        let (mut a, mut b) = (wan.clone(), yuan);
        convert(&mut a, MoneyUnit::Wan);
        convert(&mut b, MoneyUnit::Wan);
        assert_eq!(a.funds, b.funds);
        assert_eq!(a.funds, wan.funds, "万元 to 万元 changes nothing");
        let funds = |r: &Record| r.tasks.iter().map(|t| t.funds).collect::<Vec<_>>();
        assert_eq!(funds(&a), funds(&b));
        assert_eq!(a.amounts.as_ref().unwrap().converted_from, None);
        assert_eq!(
            b.amounts.as_ref().unwrap().converted_from.as_deref(),
            Some("元")
        );
        // Rates are not money.
        assert_eq!(b.funds.execution_rate, wan.funds.execution_rate);
        // And back to 元: 19,206.99 万元 is 192,069,900 元.
        let mut c = wan.clone();
        convert(&mut c, MoneyUnit::Yuan);
        assert_eq!(c.funds.annual_budget, Some(Some(Num(192_069_900.0))));
        assert_eq!(c.unit.as_deref(), Some("万元"), "unit stays as printed");
    }

    #[test]
    fn a_form_without_a_unit_is_not_converted_and_says_so() {
        let mut r = seed();
        r.unit = None;
        let before = r.funds.clone();
        convert(&mut r, MoneyUnit::Wan);
        assert_eq!(r.funds, before);
        assert_eq!(r.amounts.as_ref().unwrap().unit, None);
        assert_eq!(r.warnings.last().unwrap().code, AMOUNTS_NOT_CONVERTED);
    }
}
