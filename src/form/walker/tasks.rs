//! The 主要任务 table of a department form.

use super::super::RawTask;
use super::super::labels::Column;
use super::indicators::is_placeholder;
use super::{Row, Walker};
use crate::lexical::text::non_empty;

impl Walker {
    pub(super) fn task_row(&mut self, row: &Row<'_>) {
        let get = |c: Option<usize>| c.map(|c| row.at(c)).and_then(non_empty);
        let Some(name) = get(self.col(Column::Name)) else {
            return;
        };
        if is_placeholder(&name) {
            return;
        }
        self.seen_department = true;
        self.form.tasks.push(RawTask {
            name,
            expected: get(self.col(Column::Expected)),
            achieved: get(self.col(Column::Achieved)),
            // Lists keep their wrap marks: a line break may be the only
            // separator between two names (see `normalise::task`).
            indicator_names: self
                .col(Column::TaskIndicators)
                .map(|c| row.at_raw(c).to_string())
                .unwrap_or_default(),
            indicator_values: self
                .col(Column::TaskValues)
                .map(|c| row.at_raw(c).to_string())
                .unwrap_or_default(),
            funds: get(self.col(Column::TaskFunds)).unwrap_or_default(),
            at: self
                .col(Column::Name)
                .and_then(|c| row.cell(c))
                .map(|c| self.position(c)),
        });
    }
}
