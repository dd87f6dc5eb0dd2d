//! Reading cell text, below every stage that needs it: CJK classes and
//! squashing ([`text`]), numbers as forms print them ([`number`]) and the year
//! a title states ([`year_in`]). The table, form and normalise stages all use
//! these; nothing here depends on a stage, so data flows one way.

pub mod number;
pub mod text;

use std::sync::OnceLock;

use regex::Regex;

/// `2021年度`, `（2021年）`, `２０２１年` → 2021.
#[must_use]
pub fn year_in(text: &str) -> Option<i32> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"((?:19|20)\d{2})\s*年(\s*\d{1,2}\s*月)?").expect("valid regex")
    });
    // A date (`填报日期：2022年3月10日`) is when the form was filled in, not
    // the year it reports on.
    re.captures_iter(&text::nfkc(text))
        .find(|c| c.get(2).is_none())
        .and_then(|c| c[1].parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years() {
        assert_eq!(
            year_in("黄埔区广州开发区部门整体支出绩效自评表 (2021年度)"),
            Some(2021)
        );
        assert_eq!(year_in("项目支出绩效自评表（２０２２年）"), Some(2022));
        assert_eq!(year_in("（2020 年度）"), Some(2020));
        assert_eq!(year_in("部门整体支出绩效自评表"), None);
        assert_eq!(year_in("编号3021年"), None);
        assert_eq!(year_in("填报日期：2022年3月10日"), None);
        assert_eq!(year_in("填报日期：2022年3月10日 （2021年度）"), Some(2021));
    }
}
