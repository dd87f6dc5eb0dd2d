//! The funds block: its header row of fund columns (a row-label column
//! headed by a fund label is no column of values), the total row (labelled
//! 年度资金总额 / 总额 / 合计, or with no label of its own), the 其中 rows, and
//! rows that split spending by type (基本支出 / 项目支出), which are no source.

use std::sync::OnceLock;

use regex::Regex;

use super::super::labels::{self, FundField, Label};
use super::super::{At, RawFundSource};
use super::{Row, Walker, content};
use crate::lexical::number::{Amount, parse_amount};
use crate::table::{Cell, Slot};

impl Walker {
    pub(super) fn funds_row(&mut self, row: &Row<'_>, skip: usize) {
        let content = content(&row.slots, skip);
        let fund_labels: Vec<(usize, FundField)> = content
            .iter()
            .filter_map(|s| match labels::label(&s.cell.text) {
                Some(Label::Fund(f)) => Some((s.cell.col, f)),
                // 湖南: `自评得分` heads the funds block's score column.
                Some(Label::TotalScore) if labels::key(&s.cell.text) == "自评得分" => {
                    Some((s.cell.col, FundField::Score))
                }
                _ => None,
            })
            .collect();
        let has_numbers = content
            .iter()
            .any(|s| matches!(parse_amount(&s.cell.text), Amount::Number(_)));
        if fund_labels.len() >= 2 && !has_numbers {
            self.form.has_funds_block = true;
            self.funds_ignored = content
                .iter()
                .filter(|s| {
                    labels::label(&s.cell.text).is_none()
                        && labels::is_known(&s.cell.text)
                        // A reason written there is reported, not dropped.
                        && labels::key(&s.cell.text) != "原因"
                })
                .map(|s| s.cell.col)
                .collect();
            // Words left of the first fund column (重庆: `预算资金`) label the
            // block's rows, no value.
            let first_fund_col = fund_labels.iter().map(|f| f.0).min().unwrap_or(0);
            self.consumed.extend(
                content
                    .iter()
                    .filter(|s| {
                        s.cell.col < first_fund_col && labels::label(&s.cell.text).is_none()
                    })
                    .map(|s| s.cell.text.clone()),
            );
            self.funds_header = fund_labels;
            self.form.recognised = true;
            return;
        }
        if self.funds_header.is_empty() {
            self.pairs(content);
            return;
        }
        // The row's label: its first text that is no number (`其中：` may
        // stand in a cell of its own before the source's label). A values
        // row with no label of its own is the total row.
        // Row labels stand left of the values (or in the leftmost headed
        // column): words further right (a 原因 column) label nothing.
        let first_value_col = self.funds_header.iter().map(|h| h.0).min().unwrap_or(0);
        if self.values_in_labels(content) {
            return;
        }
        // A label spanning down from the header row (重庆: `预算资金` beside
        // the column headers) names the block, not this row.
        let label_slot = content.iter().find(|s| {
            let t = s.cell.text.trim();
            s.starts_here
                && s.cell.col + row.shift <= first_value_col
                && matches!(parse_amount(t), Amount::NotANumber)
                && !source_label(t).is_empty()
        });
        if let Some(l) = label_slot {
            // A header over the row labels (`年度预算数（万元）`, `资金来源`)
            // names no column of values.
            let c = l.cell.col + row.shift;
            self.funds_header.retain(|h| h.0 != c);
        }
        let values: Vec<(FundField, String)> = self
            .funds_header
            .iter()
            .map(|&(col, f)| (f, row.at(col).to_string()))
            .collect();
        let values_at: Vec<Option<At>> = self
            .funds_header
            .iter()
            .map(|&(col, _)| row.cell(col).map(|c| self.position(c)))
            .collect();
        for &c in &self.funds_ignored {
            self.consumed.push(row.at(c).to_string());
        }
        let Some(label_slot) = label_slot else {
            if self.form.funds.is_empty() {
                self.form.set_funds(values, values_at);
            }
            return;
        };
        let label_text = label_slot.cell.text.trim();
        if matches!(
            labels::label(label_text),
            Some(Label::FundsTotal | Label::TotalScore)
        ) {
            self.form.set_funds(values, values_at);
        } else if labels::is_spending_type(label_text)
            || (self.spending_split && labels::key(label_text) == "其他")
        {
            // 基本支出 / 项目支出 (and the 其他 after them) split spending by
            // type: no source of funds.
            self.spending_split = true;
            self.consumed.extend(values.into_iter().map(|v| v.1));
        } else {
            self.form.fund_sources.push(RawFundSource {
                label: source_label(label_text),
                values,
                at: Some(self.position(label_slot.cell)),
            });
        }
    }
}

impl Walker {
    /// A row of the funds block whose cells each hold a label and its value
    /// (湖南: `按收入性质分：2030.12 | 按支出性质分：1925.67`, `其中：一般公共预算：
    /// 1325.68 | 其中：基本支出：900.47`): a funds label takes its value, the
    /// other pairs (the split by income type or by spending type) go to
    /// `extra`. No fund source: these split the total, they are no 其中 rows.
    fn values_in_labels(&mut self, content: &[Slot<'_>]) -> bool {
        let cells: Vec<&Cell> = content
            .iter()
            .filter(|s| s.starts_here && !s.cell.text.trim().is_empty())
            .map(|s| s.cell)
            .collect();
        let pairs: Vec<(&str, &str, &Cell)> = cells
            .iter()
            .filter_map(|c| {
                let (l, v) = c.text.trim().rsplit_once([':', '：'])?;
                let v = v.trim();
                let words = matches!(parse_amount(l.trim()), Amount::NotANumber)
                    && !source_label(l).is_empty();
                (words && (v.is_empty() || matches!(parse_amount(v), Amount::Number(_))))
                    .then_some((l, v, *c))
            })
            .collect();
        // At least one value written inside its label, and nothing else on the row.
        if pairs.is_empty()
            || pairs.len() != cells.len()
            || (pairs.iter().all(|p| p.1.is_empty()) && !self.funds_values_in_labels)
        {
            return false;
        }
        self.funds_values_in_labels = true;
        for (l, v, cell) in pairs {
            match labels::label(l) {
                Some(Label::Fund(f)) if !self.form.funds.iter().any(|x| x.0 == f) => {
                    let at = self.position(cell);
                    self.form.push_fund(f, v.to_string(), Some(at));
                }
                _ => {
                    self.form
                        .extra
                        .entry(source_label(l))
                        .or_insert_with(|| v.to_string());
                }
            }
        }
        true
    }
}

/// The weight in a block's label: `预算执行情况（万元）（20分）` → `20`.
pub(super) fn block_weight(label: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE
        .get_or_init(|| Regex::new(r"[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]").expect("valid regex"));
    re.captures(label).map(|c| c[1].to_string())
}

/// A 其中 row's label as written, without `其中：` and trailing colons.
pub(super) fn source_label(text: &str) -> String {
    let t = text.trim();
    let t = t
        .strip_prefix("其中")
        .map_or(t, |r| r.trim_start_matches([':', '：', ' ']));
    t.trim_end_matches([':', '：', ' ']).to_string()
}
