//! The row walker: reads a form's grids row by row, keeps track of the
//! section it is in and of the header of the current block, and hands each
//! row to its block:
//!
//! - header fields and label/value pairs ([`fields`]): 部门名称, 项目名称, 主管部门,
//!   实施单位, 总分, 自评等级, values inside label cells, the unit, the title;
//! - the funds block ([`funds`]);
//! - the goal block ([`goal`]);
//! - the indicator table ([`indicators`]), including rubric tables;
//! - the task table ([`tasks`]);
//! - closing rows (存在问题 / 改进措施) and notes, in [`Walker::section_row`].
//!
//! This file is the driver: which block a row belongs to (its first cell's
//! label, the section a merged first column continues, a header row), the
//! block headers (two header rows merge), and the end of the form (kind,
//! look-alikes, the coverage rule).

mod fields;
mod funds;
mod goal;
mod indicators;
mod tasks;

use super::labels::{self, Column, FundField, Label, Section};
use super::{At, RawForm, RawGoal, is_title, title_text};
use crate::lexical::number::{Amount, parse_amount};
use crate::lexical::text::{non_empty, squash};
use crate::record::FormKind;
use crate::table::{Cell, Grid, Slot};
use fields::{has_own_label, is_look_alike, is_unit_statement, unit_in};
use funds::block_weight;
pub(in crate::form) use indicators::{is_placeholder, strip_weight};

/// Walks the blocks of one form.
#[derive(Default)]
pub(super) struct Walker {
    form: RawForm,
    section: Option<Section>,
    /// Column headers of the current block: (grid column, meaning).
    header: Vec<(usize, Column)>,
    /// Column headers of a project funds table.
    funds_header: Vec<(usize, FundField)>,
    level1: Option<String>,
    level2: Option<String>,
    seen_department: bool,
    seen_project: bool,
    /// A weight printed only in the funds block's label (`预算执行情况（20分）`).
    funds_block_weight: Option<String>,
    /// Texts taken without a field (derived columns, spending-type rows).
    consumed: Vec<String>,
    /// Columns of the funds header that hold no field (得分计算方法, 原因).
    funds_ignored: Vec<usize>,
    /// Whether the funds block splits spending by type (基本支出 / 项目支出).
    spending_split: bool,
    /// Whether the last row of the block was its header (a second header
    /// row right below splits columns of the first).
    header_fresh: bool,
    /// The goal block's header is a row of two goal labels with the values
    /// on the rows below (四川: 项目年度目标 | 年度目标完成情况); a row labelled
    /// left of those columns ends the block.
    goal_below: bool,
    /// Index of the table being walked among the part's tables (provenance).
    pub(super) table_index: usize,
    /// The cell `funds_block_weight` was read from.
    funds_block_weight_at: Option<At>,
    /// The funds block writes its values inside label cells (湖南): a later
    /// `label：` cell with no value is one more of those, no 其中 row.
    funds_values_in_labels: bool,
}

/// One row's cells with the column shift that places them (a row that lost
/// its leading tab is read one column to the right).
struct Row<'g> {
    slots: Vec<Slot<'g>>,
    shift: usize,
    /// The grid as the table stage gave it (wrap marks kept) and this row's index.
    raw: (&'g Grid, usize),
}

impl<'g> Row<'g> {
    /// A row read as the grid placed it (no column shift).
    fn unshifted(slots: Vec<Slot<'g>>, raw: (&'g Grid, usize)) -> Self {
        Row {
            slots,
            shift: 0,
            raw,
        }
    }

    /// Text of the cell that covers header column `col`, wrap marks kept.
    fn at_raw(&self, col: usize) -> &str {
        col.checked_sub(self.shift)
            .and_then(|c| self.raw.0.at(self.raw.1, c))
            .map_or("", |c| c.text.trim())
    }

    /// The cell that covers header column `col`.
    fn cell(&self, col: usize) -> Option<&Cell> {
        let col = col.checked_sub(self.shift)?;
        self.slots
            .iter()
            .find(|s| s.cell.col <= col && col < s.cell.col + s.cell.col_span.max(1))
            .map(|s| s.cell)
    }

    /// Text of the cell that covers header column `col`.
    fn at(&self, col: usize) -> &str {
        let Some(col) = col.checked_sub(self.shift) else {
            return "";
        };
        self.slots
            .iter()
            .find(|s| s.cell.col <= col && col < s.cell.col + s.cell.col_span.max(1))
            .map_or("", |s| s.cell.text.trim())
    }
}

impl Walker {
    pub(super) fn has_tables(&self) -> bool {
        !self.form.tables.is_empty()
    }

    /// Whether `text` is this form's own title again.
    pub(super) fn has_title(&self, text: &str) -> bool {
        self.form
            .title
            .as_deref()
            .is_some_and(|t| is_title(text) && squash(title_text(text)) == squash(t))
    }

    /// A table whose first row names a department or project when this form
    /// already has one, or whose first cell is this form's first cell again,
    /// starts the next form (volumes, with or without titles).
    pub(super) fn starts_new_form(&self, grid: &Grid) -> bool {
        let first = grid.row(0);
        let Some(s) = first.first() else { return false };
        // A spreadsheet export's title row (`2022年度项目支出绩效自评表` and
        // empty cells) starts the next form as a title line does.
        if let [only] = texts(&first).as_slice()
            && is_title(only)
        {
            return true;
        }
        // The form's own first cell again (`部门（单位）名称`): the header block
        // of the next form of a volume, whatever its label.
        let key = labels::key(&crate::table::joined_text(&s.cell.text));
        if s.starts_here
            && !key.is_empty()
            && self
                .form
                .tables
                .first()
                .and_then(|t| t.row(0).first().map(|f| labels::key(&f.cell.text)))
                == Some(key)
        {
            return true;
        }
        match labels::label(&s.cell.text) {
            Some(Label::DepartmentName) => self.seen_department || self.seen_project,
            Some(Label::ProjectName) => self.seen_project || self.seen_department,
            // A header field this form already holds (`主管部门` heads 重庆's form).
            Some(Label::Department) => self.form.department.is_some(),
            Some(Label::Implementer) => self.form.implementer.is_some(),
            _ => false,
        }
    }

    pub(super) fn text_line(&mut self, page: Option<usize>, text: &str) {
        let text = text.trim();
        if self.has_tables() {
            // Text after the tables (notes, signatures) is not a field.
            return;
        }
        if let Some(t) = self.form.title.as_mut()
            && is_year_line(text)
            && !t.contains('年')
        {
            // The year printed on a line of its own under the title
            // (`（2022年度）`) is part of the title, as in a one-line title
            // `…自评表 (2021年度)`.
            t.push_str(text);
            self.form.header_lines.push(text.to_string());
            return;
        }
        if is_title(text) && self.form.title.is_some() {
            // A notice line above (`…关于公开…自评表的说明`) named a form too:
            // the table's own heading is the line nearest to it.
            self.form.title = Some(title_text(text).to_string());
        } else if self.form.title.is_none() && is_title(text) {
            // What came before the title (a prose page, 附件2) is no part of the form.
            self.form.header_lines.clear();
            self.form.pages = None;
            self.form.unit = None;
            self.form.title = Some(title_text(text).to_string());
        }
        self.note_page(page);
        if self.form.unit.is_none() {
            self.form.unit = unit_in(text);
        }
        self.form.header_lines.push(text.to_string());
    }

    pub(super) fn table(&mut self, raw: &Grid) {
        if let Some([a, b]) = raw.pages {
            self.note_page(Some(a));
            self.note_page(Some(b));
        }
        let grid = raw.unwrapped();
        for r in 0..grid.rows {
            self.row(&grid, raw, r);
        }
        self.form.tables.push(grid);
    }

    fn note_page(&mut self, page: Option<usize>) {
        if let Some(p) = page {
            self.form.pages = Some(match self.form.pages {
                Some([a, b]) => [a.min(p), b.max(p)],
                None => [p, p],
            });
        }
    }

    pub(super) fn finish(mut self) -> RawForm {
        let title = self
            .form
            .title
            .as_deref()
            .map(|t| labels::fold_traditional(&squash(t)))
            .unwrap_or_default();
        if let Some(w) = self.funds_block_weight.take()
            && !self.form.funds.is_empty()
            && !self.form.funds.iter().any(|f| f.0 == FundField::Weight)
        {
            let at = self.funds_block_weight_at;
            self.form.push_fund(FundField::Weight, w, at);
        }
        if !title.is_empty() && is_look_alike(&title) {
            self.form.kind = Some(FormKind::Unknown);
            self.demote_to_extra();
            return self.form;
        }
        if self.form.indicators.is_empty()
            && self.form.tasks.is_empty()
            && self.form.goal.is_none()
            && !self.form.has_funds_block
            && self.form.department.is_none()
            && self.form.project.is_none()
            && self.form.implementer.is_none()
        {
            // Neither a funds block nor a goal nor indicators nor a header
            // field (a 基本概况 table of 联系人 / 人员编制 under a 部门整体
            // report's title): whatever the title says, no self-evaluation.
            self.form.kind = Some(FormKind::Unknown);
            self.demote_to_extra();
            return self.form;
        }
        let whole = title.contains("整体");
        let kind = if title.contains("项目支出")
            || (!whole && (title.contains("项目") || self.seen_project))
        {
            FormKind::Project
        } else if whole || self.seen_department {
            FormKind::DepartmentOverall
        } else {
            FormKind::Unknown
        };
        self.form.kind = Some(kind);
        if kind != FormKind::Unknown {
            self.form.unmapped = super::coverage::unmapped(&self.form, &self.consumed);
        }
        self.form
    }

    /// A look-alike table: its labelled fields go to `extra`, no field of
    /// a self-evaluation is filled.
    fn demote_to_extra(&mut self) {
        let f = &mut self.form;
        for (key, value) in [
            ("部门名称", f.department.take()),
            ("项目名称", f.project.take()),
            ("实施单位", f.implementer.take()),
            ("总分", f.total_score.take()),
            ("等级", f.grade.take()),
            ("存在问题", f.problems.take()),
            ("改进措施", f.improvements.take()),
        ] {
            if let Some(v) = value {
                f.extra.entry(key.to_string()).or_insert(v);
            }
        }
        if let Some(g) = f.goal.take() {
            for (key, v) in [("年度目标", g.expected), ("完成情况", g.achieved)] {
                if let Some(v) = v {
                    f.extra.entry(key.to_string()).or_insert(v);
                }
            }
        }
        f.clear_funds();
        f.fund_sources.clear();
        f.indicators.clear();
        f.tasks.clear();
    }

    fn row(&mut self, grid: &Grid, raw: &Grid, r: usize) {
        let slots = grid.row(r);
        let raw = (raw, r);
        if slots.iter().all(|s| s.cell.text.trim().is_empty()) {
            return;
        }
        self.unit_from_cells(&slots);
        // A spreadsheet export puts the title and `单位：万元` in rows of the
        // table: they are the form's furniture, not label/value pairs.
        let texts = texts(&slots);
        if let [only] = texts.as_slice()
            && self.form.tables.is_empty()
            && self.section.is_none()
            && !self.form.recognised
            && is_title(only)
        {
            // A title row inside the table is the form's own title: nearer
            // than a page heading above it (a CMS page's headline). Its cell
            // is the title's, also once a year row below extends the title.
            self.form.title = Some(title_text(only).to_string());
            self.form.header_lines.push((*only).to_string());
            return;
        }
        if texts
            .iter()
            .all(|t| self.form.title.as_deref() == Some(title_text(t)) || is_unit_statement(t))
        {
            return;
        }
        // A row of its own for the year (`（2021年度）`) before the sections.
        if let [only] = texts.as_slice()
            && self.section.is_none()
            && self.form.tables.is_empty()
            && is_year_line(only)
            && let Some(t) = self.form.title.as_mut()
            && !t.contains('年')
        {
            // Under a title row: part of the title.
            t.push_str(only);
            self.form.header_lines.push((*only).to_string());
            return;
        }
        if let [only] = texts.as_slice()
            && self.section.is_none()
            && only.chars().count() <= 12
            && crate::lexical::year_in(only).is_some()
        {
            self.form.header_lines.push((*only).to_string());
            return;
        }
        let first = slots[0];
        let first_label = if first.starts_here {
            labels::label(&first.cell.text)
        } else {
            None
        };
        // (A goal block's label before the header — 湖北's `年度绩效目标2（40分） |
        // 一级指标 | …` — starts the next block of the same table.)
        let goal_block = matches!(first_label, Some(Label::Section(Section::Goal)));
        if (goal_block || !matches!(self.section, Some(Section::Indicators | Section::Tasks)))
            && let Some(h) = header(Section::Indicators, &slots)
            && h.iter().any(|c| c.1 == Column::Name)
            && h.len() >= 3
        {
            // An indicator table without a section label of its own
            // (一级指标 | 二级指标 | 三级指标 | … as its first row, or under a
            // goal block's label, or with an empty first cell).
            self.form.recognised = true;
            self.enter(Section::Indicators);
            self.set_header(h);
            return;
        }
        if let Some(Label::Section(s)) = first_label
            && self.section == Some(s)
            && !self.header.is_empty()
            && matches!(s, Section::Indicators | Section::Tasks)
        {
            // The section's label cell again (repeated at the top of a new
            // page): the block goes on.
            let row = Row::unshifted(slots, raw);
            self.section_row(&row, 1);
            return;
        }
        if self.section == Some(Section::Funds)
            && !self.funds_header.is_empty()
            && matches!(first_label, Some(Label::FundsTotal | Label::TotalScore))
        {
            // The total row of a funds block without a section column.
            let row = Row::unshifted(slots, raw);
            self.funds_row(&row, 0);
            return;
        }
        if first.cell.col == 0 && !first.starts_here && self.section.is_some() {
            // The merged first column continues: same section.
            let row = Row::unshifted(slots, raw);
            self.section_row(&row, 1);
            return;
        }
        if let Some(Label::Section(section)) = first_label {
            self.form.recognised = true;
            self.enter(section);
            if section == Section::Funds {
                self.form.has_funds_block = true;
                self.funds_block_weight = block_weight(&first.cell.text);
                self.funds_block_weight_at = Some(self.position(first.cell));
            }
            let row = Row::unshifted(slots, raw);
            self.section_row(&row, 0);
            return;
        }
        if first_label.is_none()
            && first.starts_here
            && self.section != Some(Section::Funds)
            && is_funds_header(&slots[1..])
        {
            // A funds block found by its header row of budget columns under
            // a section label the dictionary does not hold (`预算资金(万元)`).
            self.form.recognised = true;
            self.enter(Section::Funds);
            self.form.has_funds_block = true;
            self.funds_block_weight = block_weight(&first.cell.text);
            self.funds_block_weight_at = Some(self.position(first.cell));
            self.consumed.push(first.cell.text.clone());
            let row = Row::unshifted(slots, raw);
            self.section_row(&row, 1);
            return;
        }
        if !matches!(first_label, Some(Label::Section(_)))
            && self.section != Some(Section::Goal)
            && let Some(h) = goal_header_row(&slots)
        {
            // A header row of two goal labels (四川: `项目基本情况 |
            // 1.项目年度目标完成情况 | 项目年度目标 | 年度目标完成情况`): the values
            // are on the row below; the cells before the labels name the block.
            self.form.recognised = true;
            self.enter(Section::Goal);
            let first_col = h.iter().map(|c| c.0).min().unwrap_or(0);
            self.consumed.extend(
                slots
                    .iter()
                    .filter(|s| s.cell.col < first_col)
                    .map(|s| s.cell.text.clone()),
            );
            self.set_header(h);
            self.goal_below = true;
            return;
        }
        if matches!(first_label, Some(Label::TotalScore))
            && self.section == Some(Section::Tasks)
            && labels::key(&first.cell.text) == "合计"
        {
            // The 合计 row of the 主要任务 table sums the tasks' funds: no
            // task and no score.
            self.consumed.extend(texts.iter().map(|t| (*t).to_string()));
            return;
        }
        if first_label == Some(Label::TotalScore)
            && let Some(c) = self.col(Column::Score)
        {
            // 总分 under the 分值 / 得分 columns of the indicator table: the
            // table ends there (a closing row below whose label the dictionary
            // does not hold is a pair, no indicator).
            let row = Row::unshifted(slots, raw);
            if self.section == Some(Section::Indicators) {
                self.section = None;
            }
            self.form.recognised = true;
            self.form.total_score = non_empty(row.at(c));
            if let Some(w) = self.col(Column::Weight) {
                self.form.weight_total = non_empty(row.at(w));
            }
            if self.form.total_score.is_none() {
                // A compressed row (`总分 | 100 | 96.5 | 自评等级 | 优`): the
                // last number before the next label is the score.
                let rest = &row.slots[1..];
                let end = rest
                    .iter()
                    .position(|s| labels::label(&s.cell.text).is_some())
                    .unwrap_or(rest.len());
                let numbers: Vec<&str> = rest[..end]
                    .iter()
                    .map(|s| s.cell.text.trim())
                    .filter(|t| matches!(parse_amount(t), Amount::Number(_)))
                    .collect();
                self.form.total_score = numbers.last().map(|t| (*t).to_string());
                // `总分 | 100 | 96.5`: the number before the score is the weight total.
                if let [w, _] = numbers.as_slice() {
                    self.form.weight_total = Some((*w).to_string());
                }
                self.pairs(&rest[end..]);
            }
            return;
        }
        // An indicator named like a funds label (预算执行率) on a row that
        // lost its leading tab is still a row of the indicator table.
        let lost_tab_indicator = matches!(first_label, Some(Label::Fund(_)))
            && self.section == Some(Section::Indicators)
            && self.lost_tab_shift(&first) == 1;
        if first_label.is_some() && !lost_tab_indicator {
            self.section = None;
            self.pairs(&slots);
            return;
        }
        match self.section {
            Some(s @ (Section::Indicators | Section::Tasks))
                if self.header.is_empty()
                    && let Some(h) = header(s, &slots) =>
            {
                // The header row under a section label that spans the row above.
                self.set_header(h);
            }
            Some(Section::Indicators | Section::Tasks) if !self.header.is_empty() => {
                let shift = self.lost_tab_shift(&first);
                let row = Row { slots, shift, raw };
                self.section_row(&row, 0);
            }
            Some(Section::Funds) => {
                let row = Row::unshifted(slots, raw);
                self.section_row(&row, 0);
            }
            // The goal laid out downwards: `总体目标完成情况 | …` under the
            // row of `年度总体目标 | …`.
            Some(Section::Goal)
                if let Some(c) = labels::column(Section::Goal, &first.cell.text)
                    && header(Section::Goal, &slots).is_none() =>
            {
                let text = slots[1..].iter().find_map(|s| non_empty(&s.cell.text));
                let goal = self.form.goal.get_or_insert_with(RawGoal::default);
                match c {
                    Column::Expected => append(&mut goal.expected, text),
                    _ => append(&mut goal.achieved, text),
                }
            }
            // A goal row that lost its leading tab (`目标2：… | | …`).
            Some(Section::Goal) => {
                let shift = self.lost_tab_shift(&first);
                let row = Row { slots, shift, raw };
                self.section_row(&row, 0);
            }
            // A line of 存在问题 / 改进措施 that lost its leading tab: one
            // text, no `label：` of its own, no printed note.
            Some(Section::Problems | Section::Improvements)
                if texts.len() == 1
                    && !is_placeholder(&first.cell.text)
                    && !has_own_label(&first.cell.text) =>
            {
                let row = Row::unshifted(slots, raw);
                self.section_row(&row, 0);
            }
            _ => {
                self.section = None;
                self.pairs(&slots);
            }
        }
    }

    /// 1 for a row that lost its leading tab: its first cell holds text in
    /// column 0 while the block's header starts to the right of it; else 0.
    fn lost_tab_shift(&self, first: &Slot<'_>) -> usize {
        let header_start = self.header.iter().map(|h| h.0).min().unwrap_or(0);
        usize::from(first.cell.col == 0 && !first.cell.text.trim().is_empty() && header_start > 0)
    }

    /// A header row. Right below another header row it splits columns of the
    /// first (丽江: 指标性质 | 指标值 | 度量单位 under 年度指标值): its columns
    /// replace the ones they split, the others stay.
    fn set_header(&mut self, h: Vec<(usize, Column)>) {
        if self.header_fresh && !self.header.is_empty() {
            self.header.retain(|(col, c)| {
                !h.iter()
                    .any(|(nc, n)| nc == col || (n == c && *n != Column::Note))
            });
            self.header.extend(h);
            self.header.sort_by_key(|h| h.0);
        } else {
            self.header = h;
        }
        self.header_fresh = true;
    }

    fn enter(&mut self, section: Section) {
        self.section = Some(section);
        self.header.clear();
        self.funds_header.clear();
        self.funds_ignored.clear();
        self.header_fresh = false;
        self.goal_below = false;
        self.funds_values_in_labels = false;
        self.level1 = None;
        self.level2 = None;
    }

    /// A row of the current section; `skip` leading slots are the section's
    /// own label column.
    fn section_row(&mut self, row: &Row<'_>, skip: usize) {
        let Some(section) = self.section else { return };
        match section {
            Section::Problems | Section::Improvements => {
                // `存在问题 | … | 改进措施 | …` on one row: each label takes the
                // text after it.
                let mut field = section;
                for s in &row.slots[skip..] {
                    let Some(text) = non_empty(&s.cell.text) else {
                        continue;
                    };
                    match labels::label(&text) {
                        Some(Label::Section(
                            next @ (Section::Problems | Section::Improvements),
                        )) => {
                            field = next;
                            self.section = Some(next);
                        }
                        _ if field == Section::Problems => {
                            append(&mut self.form.problems, Some(text));
                        }
                        _ => append(&mut self.form.improvements, Some(text)),
                    }
                }
            }
            Section::Funds => self.funds_row(row, skip),
            Section::Goal | Section::Indicators | Section::Tasks => {
                if let Some(h) = header(section, &row.slots) {
                    self.set_header(h);
                    return;
                }
                self.header_fresh = false;
                match section {
                    Section::Goal => self.goal_row(row, skip),
                    Section::Indicators => self.indicator_row(row),
                    _ => self.task_row(row),
                }
            }
        }
    }

    /// Where `cell` of the table being walked is (provenance).
    fn position(&self, cell: &Cell) -> At {
        At::of(self.table_index, cell)
    }

    fn col(&self, c: Column) -> Option<usize> {
        self.header.iter().find(|h| h.1 == c).map(|h| h.0)
    }
}

/// The non-empty texts of a row, trimmed, in column order.
fn texts<'g>(slots: &[Slot<'g>]) -> Vec<&'g str> {
    slots
        .iter()
        .map(|s| s.cell.text.trim())
        .filter(|t| !t.is_empty())
        .collect()
}

/// Add a row's text to a field that may run over several rows.
fn append(field: &mut Option<String>, text: Option<String>) {
    match (field.as_mut(), text) {
        (Some(prev), Some(t)) => {
            prev.push('\n');
            prev.push_str(&t);
        }
        (None, t) => *field = t,
        (Some(_), None) => {}
    }
}

/// A row's cells after its section label: `skip` label columns when the
/// label spans down from above, else the row's own first cell when it is a
/// section label ("部门资金情况", "项目资金（万元）").
fn content<'s, 'g>(slots: &'s [Slot<'g>], skip: usize) -> &'s [Slot<'g>] {
    let start = if skip == 0
        && slots
            .first()
            .is_some_and(|s| matches!(labels::label(&s.cell.text), Some(Label::Section(_))))
    {
        1
    } else {
        skip
    };
    &slots[start.min(slots.len())..]
}

/// A header row: at least two non-empty cells are column headers of
/// `section`, and they outnumber the other cells (a column the dictionary
/// does not know), none of which is a number. The section's own label does
/// not count. Where two cells give the same column, the rightmost wins (the
/// section label at the left repeats a column's name in some forms); only
/// note columns may be several (`偏差原因分析 | 改进措施`, `备注`).
fn header(section: Section, slots: &[Slot<'_>]) -> Option<Vec<(usize, Column)>> {
    let mut cols: Vec<(usize, Column)> = Vec::new();
    let (mut known, mut other) = (0, 0);
    // A cell spanning down from a row above (the section's label) heads no
    // column of this row.
    for s in slots.iter().filter(|s| s.starts_here) {
        let text = s.cell.text.trim();
        if text.is_empty() {
            continue;
        }
        if let Some(c) = labels::column(section, text) {
            known += 1;
            if !matches!(c, Column::Note | Column::Criteria | Column::Ignored) {
                cols.retain(|x| x.1 != c);
            }
            cols.push((s.cell.col, c));
        } else if labels::label(text) != Some(Label::Section(section)) {
            if !matches!(parse_amount(text), Amount::NotANumber) {
                return None;
            }
            other += 1;
        }
    }
    (cols.len() >= 2 && known > other).then_some(cols)
}

/// A line that is only the year in brackets: `（2022年度）`, `(2016年度)`.
fn is_year_line(text: &str) -> bool {
    let t = squash(text);
    let inner = t
        .strip_prefix(['(', '（'])
        .and_then(|r| r.strip_suffix([')', '）']));
    inner.is_some_and(|i| {
        let digits = i.strip_suffix("年度").or_else(|| i.strip_suffix('年'));
        // A template's blank year (`（20XX年度）`, `（  年度）`) is a year line too.
        digits.is_some_and(|d| {
            // `2022`, `20XX`, `20  ` (squashed to `20`), nothing at all.
            d.chars().count() <= 4 && d.chars().all(|c| c.is_ascii_digit() || "Xx*＊".contains(c))
        })
    })
}

/// A funds header row: at least two budget columns (年初预算数, 全年预算数,
/// 全年执行数, 执行率 …; 分值 and 得分 head indicator tables too and do not
/// count) and no number.
fn is_funds_header(slots: &[Slot<'_>]) -> bool {
    let budget = slots
        .iter()
        .filter(|s| {
            matches!(labels::label(&s.cell.text),
                Some(Label::Fund(f)) if !matches!(f, FundField::Weight | FundField::Score))
        })
        .count();
    budget >= 2
        && slots.iter().all(|s| {
            matches!(
                parse_amount(s.cell.text.trim()),
                Amount::NotANumber | Amount::Blank
            )
        })
}

/// A row holding an expected-goal and an achieved-goal column label, and no
/// number: the goal block's header, its values below. Only the goal labels
/// head columns.
fn goal_header_row(slots: &[Slot<'_>]) -> Option<Vec<(usize, Column)>> {
    let mut cols = Vec::new();
    for s in slots.iter().filter(|s| s.starts_here) {
        let text = s.cell.text.trim();
        if !matches!(parse_amount(text), Amount::NotANumber | Amount::Blank) {
            return None;
        }
        if let Some(c @ (Column::Expected | Column::Achieved)) = labels::column(Section::Goal, text)
        {
            cols.push((s.cell.col, c));
        }
    }
    // The block's own label in the first cell may itself read as a goal
    // column (`年度总体目标完成情况 | 预期目标 | 实际完成情况`): it labels the block.
    if cols.len() == 3
        && slots
            .first()
            .is_some_and(|f| f.starts_here && f.cell.col == cols[0].0)
    {
        cols.remove(0);
    }
    let has = |c: Column| cols.iter().filter(|x| x.1 == c).count() == 1;
    (cols.len() == 2 && has(Column::Expected) && has(Column::Achieved)).then_some(cols)
}

/// A row of column headings (`收入 | 决算数 | 支出 | 决算数`): short words,
/// no number, no label the dictionary knows. Its cells label columns, not
/// the cell beside them, so they are no label/value pairs.
fn is_header_row(slots: &[Slot<'_>]) -> bool {
    let texts = texts(slots);
    let short_words = texts.iter().all(|t| {
        t.chars().count() <= 6
            && labels::label(t).is_none()
            && matches!(parse_amount(t), Amount::NotANumber)
    });
    // Two short cells whose first ends with a colon are a label and its
    // value (`联系人： | 张三`); without the colon they read as headings
    // (`收入 | 支出`), and `--tables` still holds them.
    short_words
        && match texts.as_slice() {
            [] | [_] => false,
            [first, _] => !first.ends_with([':', '：']),
            _ => true,
        }
}

#[cfg(test)]
mod tests {
    use super::funds::source_label;
    use super::*;

    /// The `extra` of the one form in a tab-separated text dump.
    fn extra_of(text: &str) -> indexmap::IndexMap<String, String> {
        let forms = super::super::recognise(&crate::table::textdump::blocks(text));
        assert_eq!(forms.len(), 1);
        forms.into_iter().next().unwrap().extra
    }

    #[test]
    fn short_pairs_go_to_extra_only_when_labelled_with_a_colon() {
        let head = "项目支出绩效自评表\n项目名称\t社区服务\n主管部门\t民政局\t实施单位\t街道办\n";
        let extra = extra_of(&format!("{head}联系人：\t张三\n填报日期：\t2022年3月1日\n"));
        assert_eq!(
            extra.into_iter().collect::<Vec<_>>(),
            [
                ("联系人".to_string(), "张三".to_string()),
                ("填报日期".to_string(), "2022年3月1日".to_string()),
            ]
        );
        // Two short words without a colon are headings, not a pair.
        assert!(extra_of(&format!("{head}收入\t支出\n")).is_empty());
    }

    #[test]
    fn placeholders() {
        assert!(is_placeholder("指标2："));
        assert!(is_placeholder("指标1:"));
        assert!(is_placeholder("……"));
        assert!(is_placeholder("注：1.本表适用于…"));
        assert!(!is_placeholder("重点项目及时开工率"));
    }

    #[test]
    fn weight_suffix_and_source_labels() {
        assert_eq!(strip_weight("产出指标(50分)"), "产出指标");
        assert_eq!(strip_weight("效益指标（30 分）"), "效益指标");
        assert_eq!(strip_weight("满意度指标"), "满意度指标");
        assert_eq!(source_label("其中：当年财政拨款"), "当年财政拨款");
        assert_eq!(source_label("上年结转资金："), "上年结转资金");
    }

    #[test]
    fn year_lines_and_blank_template_years() {
        assert!(is_year_line("（2022年度）"));
        assert!(is_year_line("(20XX年度)"));
        assert!(is_year_line("（    年度）"));
        assert!(is_year_line("(20  年度)"));
        assert!(!is_year_line("（2022年度项目）"));
        assert!(!is_year_line("单位：万元"));
    }

    #[test]
    fn units() {
        assert_eq!(unit_in("单位: 万元").as_deref(), Some("万元"));
        assert_eq!(unit_in("金额单位：元").as_deref(), Some("元"));
        assert_eq!(unit_in("填报单位：某局"), None);
    }
}
