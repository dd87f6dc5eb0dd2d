//! Targets and actual values: `≥80分/月` → op `>=`, value 80, unit `分/月`.

use crate::record::{Measure, Num, Op};

use super::number::{is_blank, parse_decimal};
use super::text::nfkc;

/// Comparison words as forms write them, after NFKC (so `＞＝` is `>=`),
/// longest first so that `>=` wins over `>`.
const OPS: &[(&str, Op)] = &[
    ("大于或等于", Op::Ge),
    ("小于或等于", Op::Le),
    ("大于等于", Op::Ge),
    ("小于等于", Op::Le),
    ("不低于", Op::Ge),
    ("不少于", Op::Ge),
    ("不高于", Op::Le),
    ("不超过", Op::Le),
    ("不多于", Op::Le),
    (">=", Op::Ge),
    ("=>", Op::Ge),
    ("<=", Op::Le),
    ("=<", Op::Le),
    ("≥", Op::Ge),
    ("≧", Op::Ge),
    ("⩾", Op::Ge),
    ("≤", Op::Le),
    ("≦", Op::Le),
    ("⩽", Op::Le),
    ("高于", Op::Gt),
    ("大于", Op::Gt),
    ("低于", Op::Lt),
    ("小于", Op::Lt),
    (">", Op::Gt),
    ("<", Op::Lt),
];

/// Whether a sign cell (指标性质 / 计算符号) states a comparison or an
/// equality (`≥`, `不低于`, `＝`), rather than a word such as `正向` or `定性`.
#[must_use]
pub fn is_sign(cell: &str) -> bool {
    let t = nfkc(cell.trim());
    let t = t.trim();
    t == "=" || OPS.iter().any(|(word, _)| t == *word)
}

/// Parse a target or actual cell. `None` for an empty or `—` cell.
///
/// `value` is parsed only when the cell is `[op] number [unit]` with a unit
/// that holds no digits; `unit` is NFKC-normalised; `raw` keeps the cell as
/// written (trimmed).
#[must_use]
pub fn parse_measure(cell: &str) -> Option<Measure> {
    let raw = cell.trim();
    // `无` (none) is blank as a number, but as a target or an actual value it
    // is a word the form writes (`无` achieved against `100%`).
    if is_blank(raw) && raw != "无" {
        return None;
    }
    let folded = nfkc(raw);
    let mut rest = folded.trim();
    let mut op = None;
    for (word, o) in OPS {
        if let Some(r) = rest.strip_prefix(word) {
            op = Some(*o);
            rest = r.trim_start();
            break;
        }
    }
    // `=100%` (指标性质 ＝): equality is no comparison op, but the value stands.
    if op.is_none()
        && let Some(r) = rest.strip_prefix('=')
    {
        rest = r.trim_start();
    }
    let (value, unit) = split_number(rest).map_or((None, None), |(v, u)| (Some(Num(v)), u));
    Some(Measure {
        raw: raw.to_string(),
        op,
        value,
        unit,
    })
}

/// `80分/月` → (80, Some("分/月")); `300` → (300, None); `第7名`, `2021年12月31日前` → None.
fn split_number(s: &str) -> Option<(f64, Option<String>)> {
    let end = s
        .char_indices()
        .find(|&(i, c)| {
            !(c.is_ascii_digit()
                || c == '.'
                || c == ','
                || (i == 0 && matches!(c, '-' | '+' | '\u{2212}')))
        })
        .map_or(s.len(), |(i, _)| i);
    let number = parse_decimal(&s[..end])?;
    let unit = s[end..].trim();
    if unit.chars().any(|c| c.is_numeric()) {
        return None;
    }
    // A year or a month with words after it (`2021年底前`, `2022年内`,
    // `10月底前`) is a date.
    let date = |range: std::ops::RangeInclusive<f64>, mark: char| {
        number.decimals == 0
            && range.contains(&number.value)
            && unit.starts_with(mark)
            && (mark == '年' || unit.chars().count() > 1)
    };
    if date(1900.0..=2100.0, '年') || date(1.0..=12.0, '月') {
        return None;
    }
    // A bound or an approximation written after the unit (`2天以内`,
    // `3日之前`, `50人左右`) is no unit: the cell is words, not a number.
    if ["以内", "之内", "以內", "之內", "以前", "之前", "左右"]
        .iter()
        .any(|w| unit.ends_with(w))
    {
        return None;
    }
    Some((number.value, (!unit.is_empty()).then(|| unit.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> (Option<Op>, Option<f64>, Option<String>) {
        let m = parse_measure(s).unwrap();
        (m.op, m.value.map(|n| n.0), m.unit)
    }

    #[test]
    fn ops_values_units() {
        assert_eq!(
            m("≥80分/月"),
            (Some(Op::Ge), Some(80.0), Some("分/月".into()))
        );
        assert_eq!(
            m("＞＝９０％"),
            (Some(Op::Ge), Some(90.0), Some("%".into()))
        );
        assert_eq!(m(">= 90%"), (Some(Op::Ge), Some(90.0), Some("%".into())));
        assert_eq!(m("不低于95%"), (Some(Op::Ge), Some(95.0), Some("%".into())));
        assert_eq!(m("不少于3次"), (Some(Op::Ge), Some(3.0), Some("次".into())));
        assert_eq!(m("≤5天"), (Some(Op::Le), Some(5.0), Some("天".into())));
        assert_eq!(
            m("不超过100万元"),
            (Some(Op::Le), Some(100.0), Some("万元".into()))
        );
        assert_eq!(m("不高于2%"), (Some(Op::Le), Some(2.0), Some("%".into())));
        assert_eq!(m("＞0"), (Some(Op::Gt), Some(0.0), None));
        assert_eq!(m("高于1"), (Some(Op::Gt), Some(1.0), None));
        assert_eq!(m("＜3"), (Some(Op::Lt), Some(3.0), None));
        assert_eq!(m("低于10%"), (Some(Op::Lt), Some(10.0), Some("%".into())));
        assert_eq!(m("14人次"), (None, Some(14.0), Some("人次".into())));
        assert_eq!(m("1,200人"), (None, Some(1200.0), Some("人".into())));
        assert_eq!(m("300"), (None, Some(300.0), None));
        assert_eq!(m("１００％"), (None, Some(100.0), Some("%".into())));
        assert_eq!(m("＝100%"), (None, Some(100.0), Some("%".into())));
        assert_eq!(m("2021年底前"), (None, None, None));
        assert_eq!(m("2022年内"), (None, None, None));
        assert_eq!(m("3年"), (None, Some(3.0), Some("年".into())));
        assert_eq!(m("10月底前"), (None, None, None));
        assert_eq!(m("12月前"), (None, None, None));
        assert_eq!(m("3月"), (None, Some(3.0), Some("月".into())));
        assert_eq!(
            m("≤\u{2212}5%"),
            (Some(Op::Le), Some(-5.0), Some("%".into()))
        );
    }

    #[test]
    fn raw_is_kept_as_written() {
        let x = parse_measure(" ＞＝９０％ ").unwrap();
        assert_eq!(x.raw, "＞＝９０％");
    }

    #[test]
    fn words_and_dates_have_no_value() {
        assert_eq!(m("良好"), (None, None, None));
        assert_eq!(m("第7名"), (None, None, None));
        assert_eq!(m("2021年12月31日前"), (None, None, None));
        assert_eq!(m("按时完成"), (None, None, None));
        assert_eq!(m("2天以内"), (None, None, None));
        assert_eq!(m("50人左右"), (None, None, None));
        assert_eq!(m("3天以內"), (None, None, None));
        assert_eq!(m("90%-100%"), (None, None, None));
        assert_eq!(m("≥良好"), (Some(Op::Ge), None, None));
        assert!(parse_measure("—").is_none());
        assert_eq!(m("无"), (None, None, None));
        assert_eq!(parse_measure(" 无 ").unwrap().raw, "无");
        assert!(parse_measure("  ").is_none());
    }
}
