//! The arithmetic a form implies, checked and never corrected.
//!
//! - annual budget = initial budget + adjustment, to the cent;
//! - execution rate ≈ actual / annual budget × 100;
//! - adjustment rate ≈ adjustment / initial budget × 100.
//!
//! A rate passes when it is within half a unit of its last shown decimal
//! (`96.68%` within 0.005).

use super::number::Shown;

/// The numbers a check reads, each as shown on the form.
#[derive(Debug, Clone, Copy, Default)]
pub struct FundNumbers {
    pub initial_budget: Option<Shown>,
    pub annual_budget: Option<Shown>,
    pub actual: Option<Shown>,
    pub adjustment: Option<Shown>,
    pub execution_rate: Option<Shown>,
    pub adjustment_rate: Option<Shown>,
}

/// A failed check: the fields involved (relative names) and what was found.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub fields: Vec<&'static str>,
    pub message: String,
}

const CENT: f64 = 0.005;

/// Run every check whose numbers are all present.
#[must_use]
pub fn check(n: &FundNumbers) -> Vec<Failure> {
    let mut out = Vec::new();
    if let (Some(a), Some(i), Some(d)) = (n.annual_budget, n.initial_budget, n.adjustment) {
        let sum = i.value + d.value;
        if (a.value - sum).abs() > CENT + 1e-9 {
            out.push(Failure {
                fields: vec!["annual_budget", "initial_budget", "adjustment"],
                message: format!(
                    "annual budget {} ≠ initial budget {} + adjustment {} = {}",
                    a.value,
                    i.value,
                    d.value,
                    round2(sum)
                ),
            });
        }
    }
    if let Some(f) = rate(
        n.execution_rate,
        n.actual,
        n.annual_budget,
        "execution_rate",
        ["actual", "annual_budget"],
    ) {
        out.push(f);
    }
    if let Some(f) = rate(
        n.adjustment_rate,
        n.adjustment,
        n.initial_budget,
        "adjustment_rate",
        ["adjustment", "initial_budget"],
    ) {
        out.push(f);
    }
    out
}

/// Check `rate ≈ num / den × 100` within half a unit of the rate's last decimal.
fn rate(
    rate: Option<Shown>,
    num: Option<Shown>,
    den: Option<Shown>,
    name: &'static str,
    parts: [&'static str; 2],
) -> Option<Failure> {
    let (r, n, d) = (rate?, num?, den?);
    if d.value == 0.0 {
        return None;
    }
    let computed = n.value / d.value * 100.0;
    let tolerance = 0.5 * 10f64.powi(-i32::try_from(r.decimals).unwrap_or(i32::MAX));
    ((r.value - computed).abs() > tolerance + 1e-9).then(|| Failure {
        fields: vec![name, parts[0], parts[1]],
        message: format!(
            "{name} {}% but {} / {} × 100 = {:.4}%",
            r.value, n.value, d.value, computed
        ),
    })
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Whether a form's text is garbled (SPEC `garbled_text`): it holds U+FFFD (a
/// glyph nobody could decode — never silently), or at least a fifth of its
/// characters are private-use code points or Latin-1/Latin Extended letters
/// (implausible in a Chinese form: GBK bytes read as Latin-1 give `È«ÊÀ`).
/// `texts` are the record's strings. Returns the warning message.
#[must_use]
pub fn garbled_text<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let (mut total, mut fffd, mut odd) = (0usize, 0usize, 0usize);
    for c in texts.into_iter().flat_map(str::chars) {
        if c.is_whitespace() {
            continue;
        }
        total += 1;
        match c {
            '\u{FFFD}' => fffd += 1,
            '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{10FFFF}' | '\u{C0}'..='\u{24F}' => {
                odd += 1;
            }
            _ => {}
        }
    }
    if total == 0 || (fffd == 0 && odd * 5 < total) {
        return None;
    }
    Some(format!(
        "{} of {total} characters undecodable (U+FFFD), {odd} private-use or implausible",
        fffd
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::number::parse_decimal;

    fn s(x: &str) -> Option<Shown> {
        parse_decimal(x)
    }

    fn seed() -> FundNumbers {
        FundNumbers {
            initial_budget: s("18847.80"),
            annual_budget: s("19206.99"),
            actual: s("18570.21"),
            adjustment: s("359.19"),
            execution_rate: s("96.68"),
            adjustment_rate: s("1.91"),
        }
    }

    #[test]
    fn garbled() {
        assert_eq!(garbled_text(["绩效自评表", "100.00"]), None);
        assert!(garbled_text(["绩效\u{FFFD}表"]).is_some(), "any U+FFFD");
        assert!(garbled_text(["È«ÊÀ½ç", "ab"]).is_some(), "mojibake");
        assert_eq!(
            garbled_text(["完成\u{F0FC}", "达到预期目标"]),
            None,
            "one symbol"
        );
        assert!(garbled_text(["\u{E001}\u{E002}\u{E003}", "ab"]).is_some());
    }

    #[test]
    fn seed_passes() {
        assert_eq!(check(&seed()), vec![]);
    }

    #[test]
    fn sum_must_hold_to_the_cent() {
        let mut n = seed();
        n.adjustment = s("359.18");
        let f = check(&n);
        // The adjustment rate 359.18 / 18847.80 = 1.9057% still rounds to 1.91.
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].fields,
            vec!["annual_budget", "initial_budget", "adjustment"]
        );
    }

    #[test]
    fn rate_tolerance_follows_shown_decimals() {
        let mut n = seed();
        n.execution_rate = s("96.69"); // computed 96.6846: off by 0.0054
        assert_eq!(check(&n)[0].fields[0], "execution_rate");
        n.execution_rate = s("96.7"); // one decimal: within 0.05
        assert!(check(&n).is_empty());
        n.execution_rate = s("97"); // no decimal: within 0.5
        assert!(check(&n).is_empty());
        n.execution_rate = s("98");
        assert_eq!(check(&n).len(), 1);
    }

    #[test]
    fn missing_numbers_skip_the_check() {
        let n = FundNumbers {
            execution_rate: s("50"),
            actual: s("1"),
            ..FundNumbers::default()
        };
        assert!(check(&n).is_empty());
    }
}

/// What the form stage saw that the record does not hold: cells no field
/// took, whether there was a funds block, the printed weight total.
#[derive(Debug, Clone, Default)]
pub struct Coverage {
    pub unmapped: Vec<String>,
    pub has_funds_block: bool,
    pub weight_total: Option<f64>,
}

fn warn(r: &mut crate::record::Record, code: &str, field: &str, message: String) {
    r.warnings.push(crate::record::Warning {
        code: code.to_string(),
        message,
        field: Some(field.to_string()),
    });
}

/// A cell that still holds the template's instruction
/// (`对照年度目标,说明相关任务目标的完成情况(100字以内)`).
#[must_use]
pub fn is_template_text(text: &str) -> bool {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"[(（]\s*\d+\s*字以[内下]\s*[)）]|^(请|对照|简要)?(填写|说明|概述|描述)")
            .expect("valid regex")
    });
    re.is_match(crate::form::labels::fold_traditional(text.trim()).as_str())
}

/// The form-level checks of SPEC §Rules: `template_text` (the field is
/// nulled), `cells_unmapped`, `funds_unmapped`, `weights_sum`, `scores_sum`,
/// `fund_sources_sum`.
pub fn form_checks(r: &mut crate::record::Record, c: &Coverage) {
    use super::codes;
    // Template instructions left in cells.
    let mut found = Vec::new();
    let mut check = |slot: &mut Option<String>, path: String| {
        if slot.as_deref().is_some_and(is_template_text) {
            found.push((path, slot.take().unwrap_or_default()));
        }
    };
    if let Some(g) = r.goal.as_mut() {
        check(&mut g.expected, "goal.expected".into());
        check(&mut g.achieved, "goal.achieved".into());
    }
    check(&mut r.problems, "problems".into());
    check(&mut r.improvements, "improvements".into());
    for (i, t) in r.tasks.iter_mut().enumerate() {
        check(&mut t.expected, format!("tasks[{i}].expected"));
        check(&mut t.achieved, format!("tasks[{i}].achieved"));
    }
    for (i, ind) in r.indicators.iter_mut().enumerate() {
        check(&mut ind.note, format!("indicators[{i}].note"));
    }
    for (path, text) in found {
        warn(
            r,
            codes::TEMPLATE_TEXT,
            &path,
            format!("the template's instruction is still in the cell: {text:?}"),
        );
    }
    if !c.unmapped.is_empty() {
        let quoted: Vec<String> = c
            .unmapped
            .iter()
            .take(5)
            .map(|t| format!("{t:?}"))
            .collect();
        let more = c.unmapped.len().saturating_sub(5);
        let tail = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        warn(
            r,
            codes::CELLS_UNMAPPED,
            "tables",
            format!(
                "{} cell(s) no field took: {}{tail}",
                c.unmapped.len(),
                quoted.join(", ")
            ),
        );
    }
    let f = &r.funds;
    let any_funds = [
        f.initial_budget,
        f.annual_budget,
        f.actual,
        f.adjustment,
        f.general_public_budget,
        f.execution_rate,
        f.adjustment_rate,
    ]
    .iter()
    .any(|v| matches!(v, Some(Some(_))))
        || r.fund_sources
            .iter()
            .any(|s| s.annual_budget.flatten().is_some() || s.actual.flatten().is_some());
    if c.has_funds_block && !any_funds {
        warn(
            r,
            codes::FUNDS_UNMAPPED,
            "funds",
            "the form has a funds block but no funds value was read".into(),
        );
    }
    let weights: Vec<f64> = r
        .indicators
        .iter()
        .filter_map(|i| i.weight.map(|w| w.0))
        .collect();
    if let Some(total) = c.weight_total
        && !weights.is_empty()
    {
        // The printed total may or may not count the funds block's weight.
        let own: f64 = weights.iter().sum();
        let sum = own + r.funds.weight.flatten().map_or(0.0, |w| w.0);
        if (sum - total).abs() > CENT + 1e-9 && (own - total).abs() > CENT + 1e-9 {
            warn(
                r,
                codes::WEIGHTS_SUM,
                "indicators",
                format!("weights add up to {sum} but the form prints {total}"),
            );
        }
    }
    let scores: Vec<f64> = r
        .indicators
        .iter()
        .filter_map(|i| i.score.map(|s| s.0))
        .collect();
    if let Some(total) = r.total_score
        && !scores.is_empty()
    {
        let own: f64 = scores.iter().sum();
        let sum = own + r.funds.score.flatten().map_or(0.0, |s| s.0);
        // Scores are shown to the cent: the sum may carry one cent of rounding per term.
        let tolerance = (0.01 * (scores.len() + 1) as f64).max(CENT) + 1e-9;
        if (sum - total.0).abs() > tolerance && (own - total.0).abs() > tolerance {
            warn(
                r,
                codes::SCORES_SUM,
                "total_score",
                format!("scores add up to {sum:.2} but total_score is {}", total.0),
            );
        }
    }
    if !r.fund_sources.is_empty() {
        type Get = fn(&crate::record::FundSource) -> Option<f64>;
        let cols: [(&str, Get, Option<f64>); 3] = [
            (
                "initial_budget",
                |s| s.initial_budget.flatten().map(|v| v.0),
                r.funds.initial_budget.flatten().map(|v| v.0),
            ),
            (
                "annual_budget",
                |s| s.annual_budget.flatten().map(|v| v.0),
                r.funds.annual_budget.flatten().map(|v| v.0),
            ),
            (
                "actual",
                |s| s.actual.flatten().map(|v| v.0),
                r.funds.actual.flatten().map(|v| v.0),
            ),
        ];
        let mut bad = Vec::new();
        for (name, get, total) in cols {
            let Some(total) = total else { continue };
            let parts: Vec<Option<f64>> = r.fund_sources.iter().map(get).collect();
            if parts.iter().all(Option::is_none) {
                continue;
            }
            let sum: f64 = parts.iter().flatten().sum();
            if (sum - total).abs() > CENT + 1e-9 {
                bad.push(format!("{name}: sources {sum:.2} vs total {total:.2}"));
            }
        }
        if !bad.is_empty() {
            warn(
                r,
                codes::FUND_SOURCES_SUM,
                "fund_sources",
                format!(
                    "the 其中 rows do not add up to the total row ({})",
                    bad.join("; ")
                ),
            );
        }
    }
}
