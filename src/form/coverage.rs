//! The coverage rule (SPEC §Rules): every non-empty cell of a recognised
//! form's tables ends up in a field, is a label, a placeholder or a printed
//! note, or is reported. A cell counts as taken when its text is the text of
//! a field of the [`RawForm`] (or one of the texts a field joined), a label
//! or column header the dictionary knows, or one of the texts the walker
//! consumed without a field (derived columns such as 得分系数, 序号, rows
//! that split spending by type).

use std::collections::HashSet;

use super::RawForm;
use super::labels;
use crate::lexical::number::is_blank;
use crate::lexical::text::squash;

/// The texts of the form's non-empty cells that no field took, in table order.
#[must_use]
pub fn unmapped(form: &RawForm, consumed: &[String]) -> Vec<String> {
    let mut taken: HashSet<String> = HashSet::new();
    let mut take = |t: &str| {
        // Fields that ran over several cells joined them by line breaks or ` / `.
        taken.insert(squash(t));
        for part in t.split(['\n', '\u{2029}']).flat_map(|p| p.split(" / ")) {
            taken.insert(squash(part));
        }
    };
    let f = form;
    for t in [
        &f.title,
        &f.department,
        &f.project,
        &f.implementer,
        &f.total_score,
        &f.grade,
        &f.problems,
        &f.improvements,
        &f.unit,
        &f.weight_total,
    ]
    .into_iter()
    .flatten()
    {
        take(t);
    }
    f.header_lines.iter().for_each(|t| take(t));
    f.funds.iter().for_each(|(_, v)| take(v));
    for s in &f.fund_sources {
        take(&s.label);
        s.values.iter().for_each(|(_, v)| take(v));
    }
    if let Some(g) = &f.goal {
        g.expected.iter().chain(&g.achieved).for_each(|t| take(t));
    }
    for i in &f.indicators {
        for t in [
            &i.level1,
            &i.level2,
            &i.target_op,
            &i.target_unit,
            &i.target_adjusted,
            &i.weight,
            &i.score,
            &i.note,
            &i.criteria,
        ]
        .into_iter()
        .flatten()
        {
            take(t);
        }
        take(&i.name);
        take(&i.target);
        take(&i.actual);
    }
    for t in &f.tasks {
        for s in [&t.expected, &t.achieved].into_iter().flatten() {
            take(s);
        }
        for s in [&t.name, &t.indicator_names, &t.indicator_values, &t.funds] {
            take(s);
        }
    }
    for (k, v) in &f.extra {
        take(k);
        take(v);
    }
    consumed.iter().for_each(|t| take(t));
    let mut out = Vec::new();
    for grid in &f.tables {
        for cell in &grid.cells {
            let text = cell.text.trim();
            if is_blank(text) {
                continue;
            }
            let s = squash(text);
            if taken.contains(&s)
                || taken.contains(&squash(&super::walker::strip_weight(text)))
                || labels::is_known(text)
                || labels::is_level_label(&super::walker::strip_weight(text))
                || super::walker::is_placeholder(text)
                || is_pair(text, &taken)
            {
                continue;
            }
            out.push(text.to_string());
        }
    }
    out
}

/// `label：value` in one cell whose value a field took.
fn is_pair(text: &str, taken: &HashSet<String>) -> bool {
    text.split_once([':', '：'])
        .into_iter()
        .chain(text.rsplit_once([':', '：']))
        .any(|(_, v)| taken.contains(&squash(v)))
}
