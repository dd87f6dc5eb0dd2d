//! Numbers as forms write them: `19,206.99`, `１００％`, `96.68%`, `—`.

use super::text::squash;

/// A parsed number with the count of decimals shown, which the arithmetic
/// checks need (a rate passes within half a unit of its last decimal).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shown {
    pub value: f64,
    pub decimals: u32,
}

/// What a cell that should hold an amount or a rate holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    /// Empty, `-`, `—`, `／`: deliberately no value.
    Blank,
    Number(Shown),
    /// Something else (words): no value, and worth a warning.
    NotANumber,
}

/// Cells that mean "no value".
#[must_use]
pub fn is_blank(s: &str) -> bool {
    let t = squash(s);
    t.is_empty()
        || t.chars().all(|c| {
            matches!(
                c,
                '-' | '—' | '–' | '―' | '─' | '/' | '\\' | '无' | '.' | '…'
            )
        })
}

/// Parse a plain decimal with optional thousands separators: `-1,096.47`.
#[must_use]
pub fn parse_decimal(s: &str) -> Option<Shown> {
    let s = s.trim();
    // U+2212 MINUS SIGN, which NFKC leaves as it is, is a minus too.
    let (neg, digits) = match s.strip_prefix(['-', '+', '\u{2212}']) {
        Some(rest) => (!s.starts_with('+'), rest),
        None => (false, s),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let int_ok = !int.is_empty()
        && int.starts_with(|c: char| c.is_ascii_digit())
        && int.chars().all(|c| c.is_ascii_digit() || c == ',')
        && commas_ok(int);
    let frac_ok =
        frac.chars().all(|c| c.is_ascii_digit()) && !(digits.contains('.') && frac.is_empty());
    if !int_ok || !frac_ok {
        return None;
    }
    let plain: String = digits.chars().filter(|&c| c != ',').collect();
    let v: f64 = plain.parse().ok()?;
    #[allow(clippy::cast_possible_truncation)]
    Some(Shown {
        value: if neg { -v } else { v },
        decimals: frac.len() as u32,
    })
}

/// Thousands separators, when present, split the integer part in groups of three.
fn commas_ok(int: &str) -> bool {
    if !int.contains(',') {
        return true;
    }
    let groups: Vec<&str> = int.split(',').collect();
    !groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3)
}

/// Parse an amount or rate cell: `19,206.99`, `96.68%`, `１００％`, `18847.8万元`.
/// Percentages stay in percent.
#[must_use]
pub fn parse_amount(s: &str) -> Amount {
    if is_blank(s) {
        return Amount::Blank;
    }
    let t = squash(s);
    let t = t.strip_suffix('%').unwrap_or(&t);
    // Money in 万元 or 元, points (分值, 得分, 总分) in 分.
    let t = t
        .strip_suffix("万元")
        .or_else(|| t.strip_suffix('元'))
        .or_else(|| t.strip_suffix('分'))
        .unwrap_or(t);
    match parse_decimal(t) {
        Some(n) => Amount::Number(n),
        None => Amount::NotANumber,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Option<f64> {
        match parse_amount(s) {
            Amount::Number(n) => Some(n.value),
            _ => None,
        }
    }

    #[test]
    fn amounts() {
        assert_eq!(v("19,206.99"), Some(19206.99));
        assert_eq!(v("18,847.80"), Some(18847.8));
        assert_eq!(v("１００％"), Some(100.0));
        assert_eq!(v("96.68%"), Some(96.68));
        assert_eq!(v(" 1,096.47 "), Some(1096.47));
        assert_eq!(v("-3.5"), Some(-3.5));
        assert_eq!(v("\u{2212}50.00"), Some(-50.0));
        assert_eq!(v("－50"), Some(-50.0));
        assert_eq!(v("+2"), Some(2.0));
        assert_eq!(v("95.5分"), Some(95.5));
        assert_eq!(v("分"), None);
        assert_eq!(v("12万元"), Some(12.0));
        assert_eq!(
            parse_amount("18,847.80"),
            Amount::Number(Shown {
                value: 18847.8,
                decimals: 2
            })
        );
    }

    #[test]
    fn blanks_and_words() {
        for b in ["", " ", "-", "—", "——", "／", "/", "无"] {
            assert_eq!(parse_amount(b), Amount::Blank, "{b:?}");
        }
        assert_eq!(parse_amount("良好"), Amount::NotANumber);
        assert_eq!(parse_amount("1,23"), Amount::NotANumber);
        assert_eq!(parse_amount("12."), Amount::NotANumber);
        assert_eq!(parse_amount("1.2.3"), Amount::NotANumber);
    }
}
