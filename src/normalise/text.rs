//! Text helpers shared by the stages: NFKC folding, whitespace squashing,
//! and the SPEC.md rule for joining wrapped lines of a cell.

use unicode_normalization::UnicodeNormalization;

/// NFKC: full-width letters, digits and punctuation to their plain forms.
#[must_use]
pub fn nfkc(s: &str) -> String {
    s.nfkc().collect()
}

/// NFKC with every white-space character removed: the form in which two
/// texts are compared ("equal after normalisation").
#[must_use]
pub fn squash(s: &str) -> String {
    s.nfkc().filter(|c| !c.is_whitespace()).collect()
}

/// Whether `c` is a CJK ideograph or CJK/full-width punctuation: characters
/// between which a line break adds nothing.
#[must_use]
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF      // radicals
        | 0x3000..=0x303F    // CJK symbols and punctuation
        | 0x3040..=0x30FF    // kana
        | 0x3100..=0x31BF    // bopomofo
        | 0x3200..=0x33FF    // enclosed, compatibility
        | 0x3400..=0x4DBF    // extension A
        | 0x4E00..=0x9FFF    // unified ideographs
        | 0xF900..=0xFAFF    // compatibility ideographs
        | 0xFE30..=0xFE4F    // compatibility forms
        | 0xFF00..=0xFFEF    // half-width and full-width forms
        | 0x20000..=0x3FFFF  // extensions B and later
    ) || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

/// Join the lines of a wrapped cell: nothing between two lines when either
/// side of the break is CJK, one space otherwise (Latin letters or digits).
#[must_use]
pub fn join_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if let (Some(a), Some(b)) = (out.chars().last(), line.chars().next())
            && !is_cjk(a)
            && !is_cjk(b)
        {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// Trim and turn an empty cell into `None`.
#[must_use]
pub fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squash_folds_width_and_space() {
        assert_eq!(squash("部 门\n名 称："), "部门名称:");
        assert_eq!(squash("１００％"), "100%");
    }

    #[test]
    fn join_rule() {
        assert_eq!(
            join_lines(["提升永和公建", "配套，为承担"]),
            "提升永和公建配套，为承担"
        );
        assert_eq!(join_lines(["Annual", "budget 2021"]), "Annual budget 2021");
        assert_eq!(join_lines(["完成率", "100%"]), "完成率100%");
        assert_eq!(join_lines(["19,206.", "99"]), "19,206. 99");
        assert_eq!(join_lines([" ", "a", ""]), "a");
    }

    #[test]
    fn cjk_classes() {
        assert!(is_cjk('永'));
        assert!(is_cjk('，'));
        assert!(is_cjk('“'));
        assert!(!is_cjk('a'));
        assert!(!is_cjk('9'));
        assert!(!is_cjk('%'));
    }
}
