//! Header fields and other label/value pairs (`部门名称 | …`, `总分：95`,
//! values written inside label cells), the unit statement, and what a title
//! says about the form.

use std::sync::OnceLock;

use regex::Regex;

use super::super::labels::{self, Label, Section};
use super::super::title_text;
use super::{Walker, is_header_row};
use crate::lexical::number::{Amount, parse_amount};
use crate::lexical::text::{non_empty, squash};
use crate::table::Slot;

impl Walker {
    /// Label/value pairs across a row: a known label takes the first
    /// non-empty cell after it (before the next label); an unknown label
    /// followed by a value goes to `extra`.
    pub(super) fn pairs(&mut self, slots: &[Slot<'_>]) {
        if !is_header_row(slots) {
            self.label_pairs(slots);
        }
    }

    /// [`Self::pairs`] without the check for a row of headings.
    pub(super) fn label_pairs(&mut self, slots: &[Slot<'_>]) {
        let mut i = 0;
        while i < slots.len() {
            let text = slots[i].cell.text.trim();
            i += 1;
            if text.is_empty() {
                continue;
            }
            // `总分：95`, `自评等级：优`: label and value in one cell.
            if let Some((l, v)) = text
                .split_once([':', '：'])
                .filter(|(l, _)| labels::label(l).is_some())
                .or_else(|| text.rsplit_once([':', '：']))
                && let Some(label) = labels::label(l)
                && !matches!(label, Label::Section(_))
                && !v.trim().is_empty()
            {
                self.form.recognised = true;
                self.assign(label, v.trim().to_string());
                self.place_fund(label, slots[i - 1].cell);
                continue;
            }
            let known = labels::label(text);
            let mut value = String::new();
            let mut value_cell = None;
            while i < slots.len() {
                let t = slots[i].cell.text.trim();
                if labels::label(t).is_some() {
                    break;
                }
                i += 1;
                if !t.is_empty() {
                    value = t.to_string();
                    value_cell = Some(slots[i - 1].cell);
                    break;
                }
            }
            match known {
                Some(Label::Extra) => {
                    let key = text.trim_end_matches([':', '：']).trim_end();
                    self.form.extra.entry(key.to_string()).or_insert(value);
                }
                Some(l) => {
                    self.form.recognised = true;
                    self.assign(l, value);
                    if let Some(c) = value_cell {
                        self.place_fund(l, c);
                    }
                }
                None if !value.is_empty() && !matches!(parse_amount(text), Amount::Number(_)) => {
                    let key = text.trim_end_matches([':', '：']).trim_end();
                    self.form.extra.entry(key.to_string()).or_insert(value);
                }
                None => {}
            }
        }
    }

    pub(super) fn assign(&mut self, label: Label, value: String) {
        let v = non_empty(&value);
        let f = &mut self.form;
        match label {
            Label::DepartmentName => {
                self.seen_department = true;
                f.department = f.department.take().or(v);
            }
            Label::Department => f.department = f.department.take().or(v),
            Label::ProjectName => {
                self.seen_project = true;
                f.project = f.project.take().or(v);
            }
            Label::Implementer => f.implementer = f.implementer.take().or(v),
            Label::Fund(field) => {
                // The caller that knows the cell puts it in place of None.
                f.push_fund(field, value, None);
            }
            Label::FundsTotal => {}
            Label::TotalScore => f.total_score = f.total_score.take().or(v),
            Label::Grade => f.grade = f.grade.take().or(v),
            Label::Section(Section::Problems) => f.problems = f.problems.take().or(v),
            Label::Section(Section::Improvements) => f.improvements = f.improvements.take().or(v),
            Label::Section(_) | Label::Extra => {}
        }
    }

    /// After [`Self::assign`] of a funds value: the cell it was read from.
    fn place_fund(&mut self, label: Label, cell: &crate::table::Cell) {
        if matches!(label, Label::Fund(_)) {
            let at = self.position(cell);
            if let Some(last) = self.form.funds_at.last_mut() {
                *last = Some(at);
            }
        }
    }

    pub(super) fn unit_from_cells(&mut self, slots: &[Slot<'_>]) {
        if self.form.unit.is_some() {
            return;
        }
        for s in slots {
            let t = labels::fold_traditional(&squash(&s.cell.text));
            if is_unit_statement(&s.cell.text) {
                self.form.unit = unit_in(&s.cell.text);
                return;
            }
            if t.chars().count() <= 20 {
                // `（万元）`, or a label whose closing bracket was lost (`(万元`).
                if t.contains("(万元)") || t.ends_with("(万元") {
                    self.form.unit = Some("万元".into());
                    return;
                }
                if t.contains("(元)") || (t.ends_with("(元") && !t.ends_with("万(元")) {
                    self.form.unit = Some("元".into());
                    return;
                }
            }
        }
    }
}

/// A line that starts with a short label of its own (`填表人：张三`).
pub(super) fn has_own_label(text: &str) -> bool {
    text.split_once([':', '：'])
        .is_some_and(|(l, _)| (1..=6).contains(&l.trim().chars().count()))
}

/// A cell that only states the unit: `单位：万元`, `金额单位: 元`.
pub(super) fn is_unit_statement(text: &str) -> bool {
    let t = squash(text);
    t.chars().count() <= 8 && unit_in(&t).is_some()
}

/// `单位: 万元`, `金额单位：元` in a text line.
pub(super) fn unit_in(text: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    // The unit ends there: `填报单位：元氏县教育局` names no unit.
    let re = RE.get_or_init(|| {
        Regex::new(r"单位\s*[:：]\s*(万元|元)(?:$|[\s)）,，;；])").expect("valid regex")
    });
    re.captures(&labels::fold_traditional(text))
        .map(|c| c[1].to_string())
}

/// A title of a table published beside the self-evaluation forms: a
/// 绩效目标申报表 (targets only), a 基础数据表, a 收支总表 — a table whose title
/// names no 绩效 evaluation.
pub(super) fn is_look_alike(title: &str) -> bool {
    let t = title_text(title);
    let evaluates = t.contains("自评") || t.contains("评价") || t.contains("完成情况");
    t.contains("申报")
        || t.contains("基础数据")
        || (t.contains("绩效目标表") && !evaluates)
        || !(evaluates || t.contains("绩效"))
}
