//! The indicator table: level columns carried down, placeholders and notes
//! skipped, the split target (sign | value | unit), the adjusted target, the
//! rubric's criteria.

use std::sync::OnceLock;

use regex::Regex;

use super::super::RawIndicator;
use super::super::labels::{self, Column};
use super::{Row, Walker};
use crate::lexical::text::{non_empty, squash};

impl Walker {
    /// The row's note columns, joined by line breaks.
    pub(super) fn notes(&self, row: &Row<'_>) -> Option<String> {
        let notes: Vec<String> = self
            .header
            .iter()
            .filter(|h| h.1 == Column::Note)
            .filter_map(|h| non_empty(row.at(h.0)))
            .collect();
        (!notes.is_empty()).then(|| notes.join("\n"))
    }

    /// A rubric's criteria columns joined with ` / `; `None` when the table
    /// has no such column.
    pub(super) fn criteria(&self, row: &Row<'_>) -> Option<String> {
        let cols: Vec<usize> = self
            .header
            .iter()
            .filter(|h| h.1 == Column::Criteria)
            .map(|h| h.0)
            .collect();
        (!cols.is_empty()).then(|| {
            cols.iter()
                .filter_map(|&c| non_empty(row.at(c)))
                .collect::<Vec<_>>()
                .join(" / ")
        })
    }

    pub(super) fn indicator_row(&mut self, row: &Row<'_>) {
        let get = |c: Option<usize>| c.map(|c| row.at(c)).and_then(non_empty);
        // Level columns carry down: a merged cell covers the rows below it,
        // an empty cell in a text dump means "as above".
        // A placeholder (`……`) in a level column sets no level.
        let level = |c: Option<usize>| {
            c.and_then(|c| non_empty(row.at(c)))
                .filter(|v| !is_placeholder(v))
        };
        if let Some(v) = level(self.col(Column::Level1)) {
            let v = strip_weight(&v);
            if self.level1.as_deref() != Some(v.as_str()) {
                self.level1 = Some(v);
                self.level2 = None;
            }
        }
        if let Some(v) = level(self.col(Column::Level2)) {
            self.level2 = Some(strip_weight(&v));
        }
        // A total row (`合计 | … | 100 | 97.5`) under the level columns ends
        // the table: the total score, no indicator.
        let first_text = row
            .slots
            .iter()
            .filter(|s| s.starts_here && s.cell.col + row.shift > 0)
            .find_map(|s| non_empty(&s.cell.text));
        if let Some(t) = first_text
            && labels::label(&t) == Some(super::super::labels::Label::TotalScore)
            && self
                .col(Column::Name)
                .is_some_and(|c| row.at(c).is_empty() || row.at(c) == t)
        {
            self.consumed.push(t);
            self.form.total_score = self
                .form
                .total_score
                .take()
                .or(get(self.col(Column::Score)));
            if let Some(w) = get(self.col(Column::Weight)) {
                self.form.weight_total = Some(w);
            }
            self.section = None;
            return;
        }
        let Some(name) = get(self.col(Column::Name)) else {
            // No indicator: a labelled row after the table (`备注 | …`,
            // `总分：95 | 自评等级：优`) keeps its pairs.
            // (A row whose first cell had to be shifted is no level row.)
            let sets_levels = [Column::Level1, Column::Level2]
                .iter()
                .any(|&c| self.col(c).is_some_and(|c| !row.at(c).is_empty()));
            if row.shift > 0 || !sets_levels {
                // Short cells here are a label and its value, not headings.
                self.label_pairs(&row.slots);
            }
            return;
        };
        if is_placeholder(&name) {
            return;
        }
        // A rubric prints the weight inside the label (`相关性(5分)`): the
        // name is the label without it, the weight is it when no column
        // gives one.
        let stripped = strip_weight(&name);
        let label_weight = (stripped != name && !stripped.is_empty())
            .then(|| super::funds::block_weight(&name))
            .flatten();
        let name = if label_weight.is_some() {
            stripped
        } else {
            name
        };
        self.form.recognised = true;
        for h in self.header.iter().filter(|h| h.1 == Column::Ignored) {
            self.consumed.push(row.at(h.0).to_string());
        }
        self.form.indicators.push(RawIndicator {
            level1: self.level1.clone(),
            level2: self.level2.clone(),
            name,
            target: get(self.col(Column::Target)).unwrap_or_default(),
            target_op: get(self.col(Column::TargetOp)),
            target_unit: get(self.col(Column::TargetUnit)),
            target_adjusted: get(self.col(Column::TargetAdjusted)),
            actual: get(self.col(Column::Actual)).unwrap_or_default(),
            weight: get(self.col(Column::Weight)).or(label_weight),
            score: get(self.col(Column::Score)),
            note: self.notes(row),
            criteria: self.criteria(row),
            scored_only: self.col(Column::Target).is_none() && self.col(Column::Actual).is_none(),
            at: self
                .col(Column::Name)
                .and_then(|c| row.cell(c))
                .map(|c| self.position(c)),
        });
    }
}

/// Rows that only hold a place: `指标2：`, `……`, printed notes `注：1.…`.
pub(in crate::form) fn is_placeholder(name: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        // `指标1：/`: a numbered place whose name is a dash or slash.
        Regex::new(r"^(指标\d*[:：]?[/／\-—]*|[.…。·\-—]+|注[:：].*)$").expect("valid regex")
    });
    re.is_match(&labels::fold_traditional(&squash(name)))
}

/// `产出指标(50分)` → `产出指标`.
pub(in crate::form) fn strip_weight(level: &str) -> String {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"\s*[(（]\s*\d+(\.\d+)?\s*分\s*[)）]\s*$").expect("valid regex")
    });
    re.replace(level, "").trim().to_string()
}
