//! Whether an indicator met its target, decided only where the form allows.

use crate::record::{Measure, Op};

use super::text::squash;

/// Decide `met`. `Err` carries why it cannot be decided; the caller turns it
/// into a `met_undetermined` warning. Never guesses.
///
/// # Errors
/// When the two values cannot be compared (units differ, words, a missing side).
pub fn decide(target: Option<&Measure>, actual: Option<&Measure>) -> Result<bool, String> {
    let (Some(t), Some(a)) = (target, actual) else {
        return Err(match (target, actual) {
            (None, None) => "neither target nor actual value given".to_string(),
            (None, Some(_)) => "no target value".to_string(),
            _ => "no actual value".to_string(),
        });
    };
    if let (Some(tv), Some(av)) = (t.value, a.value)
        && t.unit == a.unit
    {
        let (tv, av) = (tv.0, av.0);
        return Ok(match t.op {
            Some(Op::Ge) => av >= tv,
            Some(Op::Le) => av <= tv,
            Some(Op::Gt) => av > tv,
            Some(Op::Lt) => av < tv,
            None if tv == 0.0 => av == 0.0,
            None => av >= tv,
        });
    }
    if squash(&t.raw) == squash(&a.raw) {
        return Ok(true);
    }
    Err(format!("cannot compare {} with {}", t.raw, a.raw))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::measure::parse_measure;

    fn d(t: &str, a: &str) -> Result<bool, String> {
        decide(parse_measure(t).as_ref(), parse_measure(a).as_ref())
    }

    #[test]
    fn numeric_with_and_without_op() {
        assert_eq!(d("≥80分/月", "82分/月"), Ok(true));
        assert_eq!(d("≥90%", "85%"), Ok(false));
        assert_eq!(d("3处", "2处"), Ok(false));
        assert_eq!(d("5次", "5次"), Ok(true));
        assert_eq!(d("5次", "6次"), Ok(true));
        assert_eq!(d("≤5天", "6天"), Ok(false));
        assert_eq!(d("＜3", "2"), Ok(true));
        assert_eq!(d("＞3", "3"), Ok(false));
        assert_eq!(d("１００％", "100%"), Ok(true));
    }

    #[test]
    fn zero_target_means_nothing_may_happen() {
        assert_eq!(d("0次", "0次"), Ok(true));
        assert_eq!(d("0起", "1起"), Ok(false));
    }

    #[test]
    fn texts_equal_after_normalisation() {
        assert_eq!(d("良好", "良好"), Ok(true));
        assert_eq!(d("按时 完成", "按时完成"), Ok(true));
    }

    #[test]
    fn undetermined_cases() {
        assert_eq!(
            d("100%", "1"),
            Err("cannot compare 100% with 1".to_string())
        );
        assert!(d("良好", "优秀").is_err());
        assert!(d("≥80%", "80分").is_err());
        assert!(d("第1名", "第2名").is_err());
        assert!(d("100%", "").is_err());
        assert!(d("", "100%").is_err());
    }
}
