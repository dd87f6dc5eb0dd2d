//! Stage 5, normalise: a [`RawForm`]'s texts → the typed [`Record`]:
//! numbers, measures, `met`, task indicator pairs, and the arithmetic checks,
//! with a warning wherever something cannot be decided.

pub mod checks;
pub mod measure;
pub mod met;
pub mod provenance;
pub use crate::lexical::{number, text, year_in};

use crate::form::{FundField, RawForm, RawIndicator, RawTask, labels};
use crate::record::{
    FormKind, FundSource, Funds, Goal, Indicator, Num, Record, SCHEMA, Source, Task, TaskIndicator,
    Warning,
};
use checks::FundNumbers;
use measure::parse_measure;
use number::{Amount, Shown, parse_amount};
use text::non_empty;

/// Warning codes.
pub mod codes {
    pub const MET_UNDETERMINED: &str = "met_undetermined";
    pub const TASK_INDICATOR_COUNT_MISMATCH: &str = "task_indicator_count_mismatch";
    pub const FUNDS_INCONSISTENT: &str = "funds_inconsistent";
    /// A cell that should hold a number holds words.
    pub const NOT_A_NUMBER: &str = "not_a_number";
    /// The form's text is mostly undecodable or implausible (or holds U+FFFD).
    pub const GARBLED_TEXT: &str = "garbled_text";
    pub const CELLS_UNMAPPED: &str = "cells_unmapped";
    pub const FUNDS_UNMAPPED: &str = "funds_unmapped";
    pub const WEIGHTS_SUM: &str = "weights_sum";
    pub const SCORES_SUM: &str = "scores_sum";
    pub const FUND_SOURCES_SUM: &str = "fund_sources_sum";
    pub const TEMPLATE_TEXT: &str = "template_text";
}

/// Build the record of one recognised form.
#[must_use]
pub fn to_record(raw: RawForm, source: Source, keep_tables: bool) -> Record {
    let mut warnings = Vec::new();
    let kind = raw.kind.unwrap_or(FormKind::Unknown);
    let (total, numbers) = funds(&raw.funds, "funds", &mut warnings);
    consistency(&numbers, "funds", &mut warnings);
    let fund_sources = raw
        .fund_sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let path = format!("fund_sources[{i}]");
            let (f, n) = funds(&s.values, &path, &mut warnings);
            consistency(&n, &path, &mut warnings);
            FundSource {
                source: labels::fund_source(&s.label),
                label: s.label.clone(),
                initial_budget: f.initial_budget,
                annual_budget: f.annual_budget,
                actual: f.actual,
                execution_rate: f.execution_rate,
                provenance: None,
            }
        })
        .collect();
    let indicators = raw
        .indicators
        .iter()
        .enumerate()
        .map(|(i, r)| indicator(i, r, &mut warnings))
        .collect();
    let known: Vec<&str> = raw.indicators.iter().map(|i| i.name.as_str()).collect();
    let tasks = raw
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| task(i, t, &known, &mut warnings))
        .collect();
    let year = raw
        .title
        .as_deref()
        .and_then(year_in)
        .or_else(|| raw.header_lines.iter().find_map(|l| year_in(l)));
    let keep_tables = keep_tables || kind == FormKind::Unknown;
    let coverage = checks::Coverage {
        unmapped: raw.unmapped.clone(),
        has_funds_block: raw.has_funds_block,
        weight_total: raw
            .weight_total
            .as_deref()
            .and_then(|w| match parse_amount(w) {
                Amount::Number(s) => Some(s.value),
                _ => None,
            }),
    };
    let mut record = Record {
        schema: SCHEMA.to_string(),
        source: Source {
            pages: raw.pages,
            ..source
        },
        form: kind,
        title: raw.title,
        year,
        department: raw.department,
        project: raw.project,
        implementer: raw.implementer,
        unit: raw.unit,
        amounts: None,
        funds: total,
        fund_sources,
        goal: raw.goal.map(|g| Goal {
            expected: g.expected,
            achieved: g.achieved,
        }),
        indicators,
        tasks,
        total_score: raw
            .total_score
            .as_deref()
            .and_then(|t| number(t, "total_score", &mut warnings)),
        grade: raw.grade,
        problems: raw.problems,
        improvements: raw.improvements,
        extra: raw.extra,
        tables: keep_tables.then_some(raw.tables),
        provenance: None,
        warnings,
    };
    if kind != FormKind::Unknown {
        checks::form_checks(&mut record, &coverage);
    }
    garbled(&mut record);
    record
}

/// SPEC `garbled_text`: the record's strings (all but `source` and `warnings`).
fn garbled(record: &mut Record) {
    fn strings<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a str>) {
        match v {
            serde_json::Value::String(s) => out.push(s),
            serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
            _ => {}
        }
    }
    let Ok(mut v) = serde_json::to_value(&*record) else {
        return;
    };
    if let Some(o) = v.as_object_mut() {
        o.remove("source");
        o.remove("warnings");
        o.remove("schema");
    }
    let mut texts = Vec::new();
    strings(&v, &mut texts);
    if let Some(message) = checks::garbled_text(texts) {
        record.warnings.push(Warning {
            code: codes::GARBLED_TEXT.into(),
            message,
            field: None,
        });
    }
}

/// A number cell: `None` when blank; `None` and a warning when words.
fn number(cell: &str, field: &str, warnings: &mut Vec<Warning>) -> Option<Num> {
    shown(cell, field, warnings).map(|s| Num(s.value))
}

fn shown(cell: &str, field: &str, warnings: &mut Vec<Warning>) -> Option<Shown> {
    match parse_amount(cell) {
        Amount::Number(s) => Some(s),
        Amount::Blank => None,
        Amount::NotANumber => {
            warnings.push(Warning {
                code: codes::NOT_A_NUMBER.into(),
                message: format!("expected a number, found {:?}", cell.trim()),
                field: Some(field.to_string()),
            });
            None
        }
    }
}

fn funds(
    values: &[(FundField, String)],
    path: &str,
    warnings: &mut Vec<Warning>,
) -> (Funds, FundNumbers) {
    let mut f = Funds::default();
    let mut n = FundNumbers::default();
    for (field, cell) in values {
        let (slot, name, num_slot) = match field {
            FundField::InitialBudget => (
                &mut f.initial_budget,
                "initial_budget",
                Some(&mut n.initial_budget),
            ),
            FundField::AnnualBudget => (
                &mut f.annual_budget,
                "annual_budget",
                Some(&mut n.annual_budget),
            ),
            FundField::Actual => (&mut f.actual, "actual", Some(&mut n.actual)),
            FundField::Adjustment => (&mut f.adjustment, "adjustment", Some(&mut n.adjustment)),
            FundField::GeneralPublicBudget => {
                (&mut f.general_public_budget, "general_public_budget", None)
            }
            FundField::ExecutionRate => (
                &mut f.execution_rate,
                "execution_rate",
                Some(&mut n.execution_rate),
            ),
            FundField::AdjustmentRate => (
                &mut f.adjustment_rate,
                "adjustment_rate",
                Some(&mut n.adjustment_rate),
            ),
            FundField::Weight => (&mut f.weight, "weight", None),
            FundField::Score => (&mut f.score, "score", None),
        };
        if slot.is_some() {
            continue; // the first occurrence wins
        }
        let s = shown(cell, &format!("{path}.{name}"), warnings);
        *slot = Some(s.map(|s| Num(s.value)));
        if let Some(ns) = num_slot {
            *ns = s;
        }
    }
    (f, n)
}

fn consistency(n: &FundNumbers, path: &str, warnings: &mut Vec<Warning>) {
    for failure in checks::check(n) {
        warnings.push(Warning {
            code: codes::FUNDS_INCONSISTENT.into(),
            message: failure.message,
            field: Some(
                failure
                    .fields
                    .iter()
                    .map(|f| format!("{path}.{f}"))
                    .collect::<Vec<_>>()
                    .join(","),
            ),
        });
    }
}

/// The target, assembled from its sign, value and unit columns when the
/// form splits it (`raw` = the three joined). A unit the value already ends
/// with is not added twice; a sign cell holding a word, not a comparison
/// (`正向`, `定性`), stays in `raw` but is no part of the number.
fn split_target(r: &RawIndicator) -> Option<crate::record::Measure> {
    // The adjusted target (调整指标值) is the one in force when filled.
    let target = r
        .target_adjusted
        .as_deref()
        .filter(|t| !number::is_blank(t))
        .unwrap_or(&r.target);
    if r.target_op.is_none() && r.target_unit.is_none() {
        return parse_measure(target);
    }
    let value = target.trim();
    if number::is_blank(value) {
        // A sign or a unit column with no value beside it states no target.
        return None;
    }
    let unit = r
        .target_unit
        .as_deref()
        .map(str::trim)
        .filter(|u| !value.ends_with(u))
        .unwrap_or("");
    let sign = r.target_op.as_deref().map_or("", str::trim);
    let raw = format!("{sign}{value}{unit}");
    if sign.is_empty() || measure::is_sign(sign) {
        return parse_measure(&raw);
    }
    // A nature word (定量, 正向) is in no Measure.
    parse_measure(&format!("{value}{unit}"))
}

fn indicator(i: usize, r: &RawIndicator, warnings: &mut Vec<Warning>) -> Indicator {
    let target = split_target(r);
    let mut actual = parse_measure(&r.actual);
    // A unit column is the unit of the row: a bare number under `%` is in %.
    if let (Some(a), Some(u)) = (actual.as_mut(), r.target_unit.as_deref())
        && a.value.is_some()
        && a.unit.is_none()
        && !number::is_blank(u)
    {
        a.unit = Some(text::nfkc(u.trim()));
    }
    let met = match met::decide(target.as_ref(), actual.as_ref()) {
        Ok(m) => Some(m),
        // A rubric has no target: nothing to decide, nothing to warn of.
        Err(_)
            if (r.criteria.is_some() || r.scored_only) && target.is_none() && actual.is_none() =>
        {
            None
        }
        Err(why) => {
            warnings.push(Warning {
                code: codes::MET_UNDETERMINED.into(),
                message: why,
                field: Some(format!("indicators[{i}].met")),
            });
            None
        }
    };
    Indicator {
        level1: r.level1.clone(),
        level2: r.level2.clone(),
        name: r.name.clone(),
        target,
        actual,
        weight: r
            .weight
            .as_deref()
            .and_then(|w| number(w, &format!("indicators[{i}].weight"), warnings)),
        score: r
            .score
            .as_deref()
            .and_then(|s| number(s, &format!("indicators[{i}].score"), warnings)),
        met,
        note: r.note.as_deref().and_then(non_empty),
        criteria: r.criteria.clone(),
        provenance: None,
    }
}

fn task(i: usize, t: &RawTask, known: &[&str], warnings: &mut Vec<Warning>) -> Task {
    let (names, values) = pair_lists(&t.indicator_names, &t.indicator_values, known);
    if names.len() != values.len() {
        warnings.push(Warning {
            code: codes::TASK_INDICATOR_COUNT_MISMATCH.into(),
            message: format!(
                "{} indicator names but {} values; paired the first {}",
                names.len(),
                values.len(),
                names.len().min(values.len())
            ),
            field: Some(format!("tasks[{i}].indicators")),
        });
    }
    // A value written `—` still holds its place: the pair is kept, its
    // measure only `raw` (a task indicator's `actual` is never null).
    let indicators = names
        .iter()
        .zip(&values)
        .map(|(n, v)| TaskIndicator {
            name: n.clone(),
            actual: parse_measure(v).unwrap_or_else(|| crate::record::Measure {
                raw: v.trim().to_string(),
                op: None,
                value: None,
                unit: None,
            }),
        })
        .collect();
    Task {
        name: t.name.clone(),
        expected: t.expected.clone(),
        achieved: t.achieved.clone(),
        funds: number(&t.funds, &format!("tasks[{i}].funds"), warnings),
        indicators,
        provenance: None,
    }
}

/// Endings of indicator names (`…次数`, `…完成率`, `…满意度`): a wrap mark
/// right after one is likely where a producer dropped a separating space.
const NAME_ENDINGS: &[char] = &[
    '数', '率', '度', '量', '次', '例', '名', '分', '值', '额', '标', '貌', '响', '性', '况',
];

/// Split a task's indicator names and values into items. Items are
/// separated by white space. Where there are fewer names than values, a wrap
/// mark ([`crate::table::LINE_BREAK`]) may stand for a space the producer
/// dropped: the marks most likely to be separators are split, as many as the
/// values need — a mark scores when the text before it ends like an
/// indicator name, and more when a side of it is a name the form's indicator
/// table lists; a mark followed by a piece shorter than three characters
/// (the tail of a word broken across lines), or preceded by one at the start
/// of an item (its head), never splits.
fn pair_lists(names: &str, values: &str, known: &[&str]) -> (Vec<String>, Vec<String>) {
    let mark = crate::table::LINE_BREAK;
    let tokens = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace() && c != mark)
            .map(|t| t.trim_matches(mark).to_string())
            .filter(|t| !t.is_empty())
            .collect()
    };
    let clean =
        |v: Vec<String>| -> Vec<String> { v.into_iter().map(|t| t.replace(mark, "")).collect() };
    let names = tokens(names);
    let raw_values = tokens(values);
    let mut values = clean(raw_values.clone());
    if values.len() < names.len() {
        // A wrap mark before a measure (`2022年12月31日前⏎199次`) may be the only
        // separator of a one-per-line value list in a narrow column: split
        // there when that gives exactly one value per name.
        let split: Vec<String> = raw_values
            .iter()
            .flat_map(|t| {
                let mut parts: Vec<String> = vec![String::new()];
                let mut chars = t.chars().peekable();
                while let Some(c) = chars.next() {
                    let measure_next = chars.peek().is_some_and(|n| {
                        n.is_ascii_digit() || matches!(n, '≥' | '≤' | '>' | '<' | '＞' | '＜')
                    });
                    if c == mark && measure_next {
                        parts.push(String::new());
                    } else if c != mark {
                        parts.last_mut().expect("one part").push(c);
                    }
                }
                parts.into_iter().filter(|p| !p.is_empty())
            })
            .collect();
        if split.len() == names.len() {
            values = split;
        } else {
            // Or after one (`509人次⏎良好`), when that gives one value per name.
            let split = split_after_measures(&raw_values, 2);
            if split.len() == names.len() {
                values = split;
            }
        }
    }
    let need = values.len().saturating_sub(names.len());
    let out = split_names(&names, need, known).unwrap_or_else(|| clean(names.clone()));
    // Counts agree but a value glues a measure to the next value at a wrap
    // (`209处⏎明显改善`): split it there when the names then split to the
    // same count by their own evidence; else leave both lists as they are.
    if out.len() == values.len() {
        let split = split_after_measures(&raw_values, 3);
        if split.len() > values.len()
            && let Some(n) = split_names(&names, split.len() - names.len(), known)
            && n.len() == split.len()
        {
            return (n, split);
        }
    }
    (out, values)
}

/// `names` with `need` more items split off at their likeliest wrap marks
/// (see [`pair_lists`]); `None` when no mark qualifies.
fn split_names(names: &[String], need: usize, known: &[&str]) -> Option<Vec<String>> {
    let mark = crate::table::LINE_BREAK;
    // Candidate marks: (score, token index, char index of the mark). In a
    // cell of one name per line, a mark between two names of four characters
    // or more, the first ending like a name, separates them whatever the
    // counts: a value missing must show as a mismatch, not as names glued.
    let mut candidates: Vec<(u32, usize, usize)> = Vec::new();
    let mut strong: Vec<(usize, usize)> = Vec::new();
    for (ti, t) in names.iter().enumerate() {
        let chars: Vec<char> = t.chars().collect();
        let marks: Vec<usize> = chars
            .iter()
            .enumerate()
            .filter(|&(_, &c)| c == mark)
            .map(|(i, _)| i)
            .collect();
        for (mi, &m) in marks.iter().enumerate() {
            let seg_start = if mi == 0 { 0 } else { marks[mi - 1] + 1 };
            let seg_end = marks.get(mi + 1).copied().unwrap_or(chars.len());
            let left: String = chars[seg_start..m].iter().collect();
            let right: String = chars[m + 1..seg_end].iter().collect();
            let bounds_before: Vec<usize> = std::iter::once(0)
                .chain(marks[..mi].iter().map(|x| x + 1))
                .collect();
            let bounds_after: Vec<usize> = marks[mi + 1..]
                .iter()
                .copied()
                .chain(std::iter::once(chars.len()))
                .collect();
            let text = |a: usize, b: usize| -> String {
                chars[a..b].iter().filter(|&&c| c != mark).collect()
            };
            let known_before = bounds_before
                .iter()
                .any(|&a| known.contains(&text(a, m).as_str()));
            let known_after = bounds_after
                .iter()
                .any(|&b| known.contains(&text(m + 1, b).as_str()));
            // A short piece after a mark is the tail of a word broken at the
            // line end: it stays with the text before it. A short piece at
            // the start of an item is the head of one.
            let short = |p: &str| p.chars().count() < 3 && !known.contains(&p);
            if short(&right) || (mi == 0 && short(&left)) {
                continue;
            }
            let ends_like_name = chars[m - 1..m].iter().any(|c| NAME_ENDINGS.contains(c));
            if ends_like_name && left.chars().count() >= 4 && right.chars().count() >= 4 {
                strong.push((ti, m));
            }
            let mut score = u32::from(ends_like_name);
            score += 2 * u32::from(known_before || known_after);
            if score > 0 {
                candidates.push((score, ti, m));
            }
        }
    }
    // Highest score first, then document order; keep `need` of them.
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    candidates.truncate(need);
    // Only where line breaks are the sole separator: names parted by spaces
    // wrap at their breaks (大件生活垃圾清运吨数⏎同比增加比例).
    if names.len() == 1 && strong.len() > candidates.len() {
        candidates = strong.into_iter().map(|(ti, m)| (1, ti, m)).collect();
    }
    if candidates.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    for (ti, t) in names.iter().enumerate() {
        let mut piece = String::new();
        for (ci, c) in t.chars().enumerate() {
            if c == mark {
                if candidates.iter().any(|&(_, a, b)| a == ti && b == ci) {
                    out.push(std::mem::take(&mut piece));
                }
            } else {
                piece.push(c);
            }
        }
        out.push(piece);
    }
    Some(out)
}

/// Value tokens split where a wrap mark follows one complete measure and a
/// word of `min_word` or more CJK characters follows the mark (`209处⏎明显改善`:
/// a space dropped at the wrap between two values of a space-separated list).
fn split_after_measures(raw: &[String], min_word: usize) -> Vec<String> {
    let mark = crate::table::LINE_BREAK;
    let complete = |p: &str| {
        let last = p.chars().last();
        p.chars().count() <= 10
            && p.chars().any(|c| c.is_ascii_digit())
            && p.starts_with(|c: char| {
                c.is_ascii_digit() || matches!(c, '≥' | '≤' | '>' | '<' | '＞' | '＜')
            })
            && last.is_some_and(|c| !c.is_ascii_digit() && !matches!(c, '.' | ',' | '-' | '/'))
    };
    let mut out = Vec::new();
    for t in raw {
        let parts: Vec<&str> = t.split(mark).collect();
        let mut cur = String::new();
        for (i, p) in parts.iter().enumerate() {
            let word = p.chars().count() >= min_word && p.chars().all(crate::lexical::text::is_cjk);
            if i > 0 && complete(&cur) && word {
                out.push(std::mem::take(&mut cur));
            }
            cur.push_str(p);
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_one_per_line_are_not_glued_to_hide_a_missing_value() {
        // Found in a LibreOffice PDF of a Word form: three names, one per
        // paragraph, two values. Gluing two names would hide the mismatch.
        let names = "受污染耕地安全利用率\n危险废物抽查企业数量\n医疗废物集中处置率";
        let (n, v) = pair_lists(names, "93% 138家", &[]);
        assert_eq!(
            n,
            [
                "受污染耕地安全利用率",
                "危险废物抽查企业数量",
                "医疗废物集中处置率"
            ]
        );
        assert_eq!(v.len(), 2);
        // Names parted by spaces keep a wrapped name whole.
        let (n, _) = pair_lists("精细化考评 大件生活垃圾清运吨数\n同比增加比例", "1 2", &[]);
        assert_eq!(n, ["精细化考评", "大件生活垃圾清运吨数同比增加比例"]);
    }

    #[test]
    fn a_wrap_mark_before_a_measure_splits_values_to_the_name_count() {
        // tests/data/pdf/narrow_values.pdf: a one-per-line value list in a
        // column too narrow to show `2022年12月31日前` ended on purpose.
        let names = "验收合格率\u{2029}项目完成时间\u{2029}巡查次数";
        let (n, v) = pair_lists(names, "94% \u{2029}2022年12月31日前\n199次", &[]);
        assert_eq!(n, ["验收合格率", "项目完成时间", "巡查次数"]);
        assert_eq!(v, ["94%", "2022年12月31日前", "199次"]);
        // Only when that gives one value per name: two names keep it whole.
        let (_, v) = pair_lists("验收合格率 项目完成时间", "94% 按时完成\n36元", &[]);
        assert_eq!(v, ["94%", "按时完成36元"]);
        // A mark between two CJK characters is not split for values.
        let (_, v) = pair_lists("甲指标 乙指标 丙指标", "94% 明显\n改善", &[]);
        assert_eq!(v, ["94%", "明显改善"]);
    }

    #[test]
    fn task_pairs_and_mismatch() {
        let mut w = Vec::new();
        let t = RawTask {
            name: "甲".into(),
            indicator_names: "A B C".into(),
            indicator_values: "1次 2%".into(),
            funds: "1,282.81".into(),
            ..RawTask::default()
        };
        let out = task(3, &t, &[], &mut w);
        assert_eq!(out.indicators.len(), 2);
        assert_eq!(out.indicators[1].name, "B");
        assert_eq!(out.indicators[1].actual.value, Some(Num(2.0)));
        assert_eq!(out.funds, Some(Num(1282.81)));
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].code, codes::TASK_INDICATOR_COUNT_MISMATCH);
        assert_eq!(w[0].field.as_deref(), Some("tasks[3].indicators"));
    }

    #[test]
    fn wrap_marks_split_where_names_end() {
        // As LibreOffice wraps the seed's first task: the spaces at two
        // breaks were dropped, other breaks fall inside words.
        let names = "社区公建配套场地增加\n数量 群众满意度 爱心午餐人次\n公众满意度\n走访企业次数 召开\n会议场次";
        let (n, v) = pair_lists(names, "2处 92% 193人 92% 300 5次", &[]);
        assert_eq!(
            n,
            [
                "社区公建配套场地增加数量",
                "群众满意度",
                "爱心午餐人次",
                "公众满意度",
                "走访企业次数",
                "召开会议场次"
            ]
        );
        assert_eq!(v.len(), 6);
    }

    #[test]
    fn a_measure_glued_to_the_next_value_splits_when_the_names_agree() {
        // pdfgen seed 5, 048 (Writer): space-separated lists in narrow columns,
        // the spaces at two wraps dropped; both lists come out with two items
        // where the form lists three. The value `209处⏎明显改善` is two (a
        // complete measure, then a word), the names split at the known name.
        let l = crate::table::LINE_BREAK;
        let names = format!("项目完成时间{l}新建改建设施{l}数量 项目完{l}成质量");
        let values = format!("已完成 209处{l}明显改善");
        let (n, v) = pair_lists(&names, &values, &["项目完成时间", "项目完成质量"]);
        assert_eq!(n, ["项目完成时间", "新建改建设施数量", "项目完成质量"]);
        assert_eq!(v, ["已完成", "209处", "明显改善"]);
        // Without evidence on the names side both lists stay as they are.
        let (n, v) = pair_lists(&names, &values, &[]);
        assert_eq!(n, ["项目完成时间新建改建设施数量", "项目完成质量"]);
        assert_eq!(v, ["已完成", "209处明显改善"]);
        // A qualifier after a measure is part of it.
        let (_, v) = pair_lists("甲指标 乙指标", &format!("95%{l}以上 2次"), &["甲指标"]);
        assert_eq!(v, ["95%以上", "2次"]);
        // pdfgen seed 23, vol015 (reportlab): three names, the value list
        // lost a space at a wrap after a measure; one value per name again.
        let (n, v) = pair_lists(
            "长效管护机制 培训人次 项目完成质量",
            &format!("合格 509人次{l}良好"),
            &[],
        );
        assert_eq!(n.len(), 3);
        assert_eq!(v, ["合格", "509人次", "良好"]);
        // Not when the count does not ask for it.
        let (_, v) = pair_lists("培训人次", &format!("509人次{l}良好"), &[]);
        assert_eq!(v, ["509人次良好"]);
    }

    #[test]
    fn known_names_decide_between_marks() {
        let names = "维护市容市貌\n文体中心升级改造完成\n率";
        let (n, _) = pair_lists(names, "95% 100%", &["文体中心升级改造完成率"]);
        assert_eq!(n, ["维护市容市貌", "文体中心升级改造完成率"]);
    }

    #[test]
    fn no_split_without_need_or_evidence() {
        let (n, _) = pair_lists("开展科普\n活动场次 居民满意度", "2次 93%", &[]);
        assert_eq!(n, ["开展科普活动场次", "居民满意度"]);
        // Counts cannot agree: wrapped lines are joined, the caller warns.
        let (n, v) = pair_lists("基层党建\n活动", "1 2", &[]);
        assert_eq!((n, v.len()), (vec!["基层党建活动".to_string()], 2));
    }

    #[test]
    fn split_target_columns_make_one_measure() {
        let mut w = Vec::new();
        let r = RawIndicator {
            name: "培训人次".into(),
            target: "500".into(),
            target_op: Some("≥".into()),
            target_unit: Some("人次".into()),
            actual: "520人次".into(),
            ..RawIndicator::default()
        };
        let i = indicator(0, &r, &mut w);
        let t = i.target.unwrap();
        assert_eq!(t.raw, "≥500人次");
        assert_eq!(
            (t.op, t.value, t.unit.as_deref()),
            (Some(crate::record::Op::Ge), Some(Num(500.0)), Some("人次"))
        );
        assert_eq!(i.met, Some(true));
        assert!(w.is_empty());
    }

    #[test]
    fn split_targets_with_a_repeated_unit_or_a_direction_word() {
        let target = |op: &str, value: &str, unit: &str| {
            split_target(&RawIndicator {
                target: value.into(),
                target_op: Some(op.into()),
                target_unit: Some(unit.into()),
                ..RawIndicator::default()
            })
            .unwrap()
        };
        // The unit column repeats the value's own unit: once is enough.
        let t = target("≥", "98%", "%");
        assert_eq!(t.raw, "≥98%");
        assert_eq!(
            (t.op, t.value, t.unit.as_deref()),
            (Some(crate::record::Op::Ge), Some(Num(98.0)), Some("%"))
        );
        // 正向 (higher is better) is no comparison the form writes: op null,
        // the number still read, the word in no Measure (SPEC).
        let t = target("正向", "100", "%");
        assert_eq!(t.raw, "100%");
        assert_eq!(
            (t.op, t.value, t.unit.as_deref()),
            (None, Some(Num(100.0)), Some("%"))
        );
        let t = target("＝", "100", "%");
        assert_eq!(
            (t.raw.as_str(), t.op, t.value),
            ("＝100%", None, Some(Num(100.0)))
        );
        let t = target("定性", "明显提升", "");
        assert_eq!((t.raw.as_str(), t.value), ("明显提升", None));
    }

    #[test]
    fn words_in_a_number_cell_warn() {
        let mut w = Vec::new();
        let (f, _) = funds(
            &[
                (FundField::Actual, "未执行".into()),
                (FundField::AnnualBudget, "—".into()),
            ],
            "funds",
            &mut w,
        );
        assert_eq!(f.actual, Some(None));
        assert_eq!(f.annual_budget, Some(None));
        assert_eq!(f.initial_budget, None);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].field.as_deref(), Some("funds.actual"));
    }
}
