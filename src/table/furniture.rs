//! Page furniture (page numbers, 第1页 共3页 …) recognition.

use super::settings::TableSettings;

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "〇零一二三四五六七八九十百".contains(c)
}

fn matches(text: &[char], pat: &[char]) -> bool {
    match pat.split_first() {
        None => text.is_empty(),
        Some(('#', rest)) => {
            let mut i = 0;
            while i < text.len() && is_digit(text[i]) {
                i += 1;
                if matches(&text[i..], rest) {
                    return true;
                }
            }
            false
        }
        Some((&p, rest)) => match text.split_first() {
            Some((&t, trest)) => t.to_lowercase().eq(p.to_lowercase()) && matches(trest, rest),
            None => false,
        },
    }
}

fn prep(t: &str) -> Vec<char> {
    t.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether a text line is page furniture. `in_margin`: the line lies in the top or
/// bottom margin band of its page.
pub(crate) fn is_furniture(text: &str, in_margin: bool, s: &TableSettings) -> bool {
    let t = prep(text);
    if t.is_empty() {
        return true;
    }
    let any = |ps: &[String]| ps.iter().any(|p| matches(&t, &prep(p)));
    any(&s.furniture_patterns) || (in_margin && any(&s.margin_furniture_patterns))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_patterns() {
        let s = TableSettings::default();
        for t in [
            "-1-",
            "- 2 -",
            "第1页",
            "共3页",
            "第 1 页 共 3 页",
            "第１页",
            "— 12 —",
            "Page 3 of 9",
        ] {
            assert!(is_furniture(t, false, &s), "{t}");
        }
        for t in ["单位: 万元", "第7名", "1", "2021", "-1-2", "100%"] {
            assert!(!is_furniture(t, false, &s), "{t}");
        }
        assert!(is_furniture("3", true, &s));
        assert!(!is_furniture("第7名", true, &s));
    }
}
