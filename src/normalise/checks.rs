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
