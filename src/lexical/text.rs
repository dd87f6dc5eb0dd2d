//! Text helpers shared by the stages: NFKC folding, whitespace squashing,
//! and which characters are CJK. (Wrapped lines of a PDF cell are joined in
//! the table stage, `table::text`.)

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
    fn cjk_classes() {
        assert!(is_cjk('永'));
        assert!(is_cjk('，'));
        assert!(is_cjk('“'));
        assert!(!is_cjk('a'));
        assert!(!is_cjk('9'));
        assert!(!is_cjk('%'));
    }
}
