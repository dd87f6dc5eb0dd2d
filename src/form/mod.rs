//! Stage 4, forms: grids and text lines → one [`RawForm`] per form, by label.
//!
//! Labels are looked up in one dictionary of synonyms ([`labels`]); a row's
//! meaning comes from its label and the header of its block, never from its
//! position alone. The output is still text: numbers, measures and checks
//! are the next stage's ([`crate::normalise`]).

mod coverage;
pub mod labels;
mod walker;

use indexmap::IndexMap;

use crate::record::FormKind;
use crate::table::{Block, Grid};
pub use labels::FundField;

/// Where a value was read (`extract --provenance`): the grid, as the
/// index of its table among the part's tables (0-based, in the order of
/// [`Block::Table`]s; the pipeline adds the tables of a workbook's earlier
/// sheets), and the cell's top-left slot, page and box (PDFs).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct At {
    pub table: usize,
    pub row: usize,
    pub col: usize,
    pub page: Option<usize>,
    pub bbox: Option<[f32; 4]>,
}

impl At {
    /// The position of `cell` in table `table`.
    #[must_use]
    pub fn of(table: usize, cell: &crate::table::Cell) -> Self {
        Self {
            table,
            row: cell.row,
            col: cell.col,
            page: cell.page,
            bbox: cell.bbox,
        }
    }
}

/// A form as recognised: every field as the cell text it came from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawForm {
    pub kind: Option<FormKind>,
    pub title: Option<String>,
    /// Text lines above the form's first table (title, 单位, year).
    pub header_lines: Vec<String>,
    pub unit: Option<String>,
    pub pages: Option<[usize; 2]>,
    pub department: Option<String>,
    pub project: Option<String>,
    pub implementer: Option<String>,
    /// Fields of the funds total, in form order, with their cell text.
    pub funds: Vec<(FundField, String)>,
    /// Where each entry of `funds` was read, in step with it (`None`: not
    /// from one cell).
    pub funds_at: Vec<Option<At>>,
    pub fund_sources: Vec<RawFundSource>,
    pub goal: Option<RawGoal>,
    pub indicators: Vec<RawIndicator>,
    pub tasks: Vec<RawTask>,
    pub total_score: Option<String>,
    pub grade: Option<String>,
    pub problems: Option<String>,
    pub improvements: Option<String>,
    pub extra: IndexMap<String, String>,
    pub tables: Vec<Grid>,
    /// Whether any label of the dictionary was seen.
    pub recognised: bool,
    /// Whether the form has a funds block (a section label or funds header).
    pub has_funds_block: bool,
    /// The weight total the form prints on its total row (`总分 | 100 | 96.5`).
    pub weight_total: Option<String>,
    /// Texts of non-empty cells of a recognised form that no field took.
    pub unmapped: Vec<String>,
}

impl RawForm {
    /// Add a funds value with where it was read: `funds` and `funds_at` move
    /// in step only through these methods.
    pub(crate) fn push_fund(&mut self, field: FundField, text: String, at: Option<At>) {
        self.funds.push((field, text));
        self.funds_at.push(at);
    }

    /// Replace the funds values, each with where it was read.
    pub(crate) fn set_funds(&mut self, values: Vec<(FundField, String)>, at: Vec<Option<At>>) {
        debug_assert_eq!(values.len(), at.len());
        self.funds = values;
        self.funds_at = at;
    }

    /// Drop every funds value and its position.
    pub(crate) fn clear_funds(&mut self) {
        self.funds.clear();
        self.funds_at.clear();
    }
}

/// A 其中 row of the funds block.
#[derive(Debug, Clone, PartialEq)]
pub struct RawFundSource {
    /// As written, without `其中：` and trailing colons.
    pub label: String,
    pub values: Vec<(FundField, String)>,
    /// Its label cell.
    pub at: Option<At>,
}

/// The 年度目标 block.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawGoal {
    pub expected: Option<String>,
    pub achieved: Option<String>,
}

/// One indicator row, as text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawIndicator {
    pub level1: Option<String>,
    pub level2: Option<String>,
    pub name: String,
    pub target: String,
    /// The sign column of a target split over columns (指标性质 / 计算符号).
    pub target_op: Option<String>,
    /// The unit column of a split target (度量单位 / 计量单位).
    pub target_unit: Option<String>,
    /// The adjusted target (调整指标值), in force over `target` when filled.
    pub target_adjusted: Option<String>,
    pub actual: String,
    pub weight: Option<String>,
    pub score: Option<String>,
    pub note: Option<String>,
    /// A rubric's explanation and scoring rule, joined with ` / `; `Some`
    /// (possibly empty) on rubric forms only.
    pub criteria: Option<String>,
    /// A scoring table with neither a target nor an actual column (得分表):
    /// it has nothing to decide `met` from, and nothing to warn of.
    pub scored_only: bool,
    /// Its name cell.
    pub at: Option<At>,
}

/// One 主要任务 row, as text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawTask {
    pub name: String,
    pub expected: Option<String>,
    pub achieved: Option<String>,
    pub indicator_names: String,
    pub indicator_values: String,
    pub funds: String,
    /// Its name cell.
    pub at: Option<At>,
}

/// A title without the attachment number some publications put before it
/// (`附件1：2021年度项目支出绩效自评表`).
#[must_use]
pub fn title_text(text: &str) -> &str {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"^\s*附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?\s*")
            .expect("valid regex")
    });
    let t = text.trim();
    re.find(t).map_or(t, |m| &t[m.end()..])
}

/// Whether a text line is a table's title: it names a 自评表 / 评价表, or
/// is a short line ending in 表 (`2021年度部门收支总表`), with no sentence
/// punctuation; a year in brackets may follow, an attachment number may
/// come first.
#[must_use]
pub fn is_title(text: &str) -> bool {
    let t = labels::fold_traditional(&crate::lexical::text::squash(title_text(text)));
    if t.chars().count() > 80 || t.contains([',', '。', ':', ';']) {
        return false;
    }
    let bare = match t.rfind('(') {
        Some(i) if t.ends_with(')') => &t[..i],
        _ => t.as_str(),
    };
    t.contains("自评表")
        || t.contains("评价表")
        || (bare.ends_with('表') && !bare.ends_with("下表") && bare.chars().count() >= 4)
}

/// Split a document's blocks into forms and recognise each. Forms with no
/// table are dropped (a prose page is no form).
#[must_use]
pub fn recognise(blocks: &[Block]) -> Vec<RawForm> {
    let mut forms = Vec::new();
    let mut current = walker::Walker::default();
    let mut table_index = 0;
    // Text held after the current form's own title came again: a title
    // repeated at the top of each printed page (a spreadsheet's print
    // titles), or the next form of a volume with the same title. The next
    // table tells which.
    let mut held: Vec<(Option<usize>, &str)> = Vec::new();
    for block in blocks {
        match block {
            Block::Text { page, text } => {
                if !held.is_empty() || (current.has_tables() && current.has_title(text)) {
                    held.push((*page, text));
                    continue;
                }
                if is_title(text) && current.has_tables() {
                    forms.push(std::mem::take(&mut current).finish());
                }
                current.text_line(*page, text);
            }
            Block::Table(grid) => {
                if current.has_tables() && current.starts_new_form(grid) {
                    forms.push(std::mem::take(&mut current).finish());
                    for (page, text) in held.drain(..) {
                        current.text_line(page, text);
                    }
                }
                // Otherwise the held lines were the page's furniture.
                held.clear();
                current.table_index = table_index;
                table_index += 1;
                current.table(grid);
            }
        }
    }
    forms.push(current.finish());
    forms.retain(|f| !f.tables.is_empty());
    forms
}

#[cfg(test)]
mod tests {
    use super::{is_title, title_text};

    #[test]
    fn titles() {
        assert!(is_title(
            "黄埔区广州开发区部门整体支出绩效自评表 (2021年度)"
        ));
        assert!(is_title("项目支出绩效自评表"));
        assert!(is_title("2021年度部门收支总表"));
        assert!(is_title("部门整体支出绩效评价表（2020年）"));
        assert!(!is_title("单位: 万元"));
        assert!(!is_title("详见下表"));
        assert!(!is_title("本部门按要求填报了自评表，结果如下。"));
        assert!(!is_title("附件2"));
        assert!(is_title("附件1：2021年度项目支出绩效自评表"));
        assert_eq!(
            title_text("附件1：2021年度项目支出绩效自评表"),
            "2021年度项目支出绩效自评表"
        );
        assert_eq!(title_text(" 项目支出绩效自评表 "), "项目支出绩效自评表");
    }

    fn table(first: &str, page: usize) -> crate::table::Block {
        let cell = |col: usize, text: &str| crate::table::Cell {
            row: 0,
            col,
            row_span: 1,
            col_span: 1,
            text: text.into(),
            page: None,
            bbox: None,
        };
        crate::table::Block::Table(crate::table::Grid {
            pages: Some([page, page]),
            bbox: None,
            rows: 1,
            cols: 2,
            cells: vec![cell(0, first), cell(1, "某某局")],
            quality: None,
        })
    }

    #[test]
    fn a_volume_of_equal_titles_splits_at_the_repeated_header_block() {
        use crate::table::Block;
        let title = |page| Block::Text {
            page: Some(page),
            text: "部门（单位）整体支出绩效自评表（2020年度）".into(),
        };
        // A label the dictionary does not know, once with a colon.
        let blocks = vec![
            title(1),
            table("部门（单位）名称", 1),
            title(2),
            table("部门（单位）名称：", 2),
            title(3),
            table("部门（单位）名称", 3),
        ];
        let forms = super::recognise(&blocks);
        assert_eq!(forms.len(), 3);
        assert_eq!(forms[1].pages, Some([2, 2]));
        // The title repeated above a table that continues the form is furniture.
        let blocks = vec![
            title(1),
            table("部门（单位）名称", 1),
            title(2),
            table("备注", 2),
        ];
        assert_eq!(super::recognise(&blocks).len(), 1);
    }
}
