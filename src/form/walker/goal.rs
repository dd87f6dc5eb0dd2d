//! The goal block: expected and achieved texts, laid across (two columns
//! under a header, or each after its label) or downwards; the adjusted goal
//! in force; a deviation column beside it is the form's problems.

use super::super::RawGoal;
use super::super::labels::{self, Column, Section};
use super::{Row, Walker, append, content};
use crate::lexical::text::non_empty;

impl Walker {
    pub(super) fn goal_row(&mut self, row: &Row<'_>, skip: usize) {
        let goal = self.form.goal.get_or_insert_with(RawGoal::default);
        let col_of = |c: Column, h: &[(usize, Column)]| h.iter().find(|x| x.1 == c).map(|x| x.0);
        if let (Some(e), Some(a)) = (
            col_of(Column::Expected, &self.header),
            col_of(Column::Achieved, &self.header),
        ) {
            let first_col = e.min(a);
            if self.goal_below
                && row.slots.iter().any(|s| {
                    s.starts_here
                        && s.cell.col + row.shift < first_col
                        && !s.cell.text.trim().is_empty()
                })
            {
                // A row labelled left of the goal columns (`2.项目实施内容及
                // 过程概述 | …`) is no goal: its label and value are a pair.
                self.section = None;
                self.goal_below = false;
                self.pairs(&row.slots[skip.min(row.slots.len())..]);
                return;
            }
            // A goal over several rows (目标1, 目标2 …) keeps them all; the
            // adjusted goal (全年（调整）绩效目标) is the one in force when filled.
            let adjusted =
                col_of(Column::TargetAdjusted, &self.header).and_then(|c| non_empty(row.at(c)));
            if adjusted.is_some() {
                // The initial goal, superseded by the adjusted one.
                self.consumed.push(row.at(e).to_string());
            }
            append(
                &mut goal.expected,
                adjusted.or_else(|| non_empty(row.at(e))),
            );
            append(&mut goal.achieved, non_empty(row.at(a)));
            // A deviation analysis beside the goal is the form's problems.
            if let Some(n) = col_of(Column::Note, &self.header) {
                append(&mut self.form.problems, non_empty(row.at(n)));
            }
            return;
        }
        // Texts in order, each marked by a goal column label standing before
        // it in the row (`年度总体目标 | … | 实际完成情况 | …`).
        let (mut expected, mut achieved, mut marked) = (None, None, None);
        for s in content(&row.slots, skip) {
            let Some(text) = non_empty(&s.cell.text) else {
                continue;
            };
            match labels::column(Section::Goal, &text) {
                Some(c) => marked = Some(c),
                None => match marked.take() {
                    Some(Column::Expected) => expected = Some(text),
                    Some(_) => achieved = Some(text),
                    None if expected.is_none() => expected = Some(text),
                    None => achieved = achieved.or(Some(text)),
                },
            }
        }
        // One text under a stated goal is what came of it.
        // (A row with a goal label of its own — 年度绩效目标2 — states a goal.)
        let own_label = content(&row.slots, skip).len() < row.slots.len() - skip;
        if !own_label && goal.expected.is_some() && goal.achieved.is_none() && achieved.is_none() {
            (expected, achieved) = (None, expected);
        }
        append(&mut goal.expected, expected);
        append(&mut goal.achieved, achieved);
    }
}
