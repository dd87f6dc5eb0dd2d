//! The record: one typed object per form, as SPEC.md gives it (`jixiao/1`).
//!
//! Field order here is the key order of the JSON output.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::table::Grid;

/// The schema tag every record carries.
pub const SCHEMA: &str = "jixiao/1";

/// A number as the form shows it. Serialised as an integer when it is whole
/// (`100`, not `100.0`), so that records read naturally in any JSON consumer.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Num(pub f64);

impl Serialize for Num {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v = self.0;
        // 2^53: beyond it, integers are no longer exact in f64.
        if v.is_finite() && v.fract() == 0.0 && v.abs() < 9_007_199_254_740_992.0 {
            #[allow(clippy::cast_possible_truncation)]
            s.serialize_i64(v as i64)
        } else {
            s.serialize_f64(v)
        }
    }
}

/// A key that is present gives `Some`, even when its value is `null`
/// (`Some(None)`); an absent key stays `None` through `#[serde(default)]`.
fn present<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

/// Where a record came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    /// The path as given on the command line (a directory's files joined onto it).
    pub path: String,
    /// SHA-256 of the file's bytes, lower-case hex.
    pub sha256: String,
    pub format: Format,
    /// First and last page of the form (PDF only).
    pub pages: Option<[usize; 2]>,
    /// The sheet the form is on (workbooks only: the key is absent otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
}

/// Input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Pdf,
    Text,
    Html,
    Docx,
    Xlsx,
    Xls,
    Ods,
}

/// Which template a form follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FormKind {
    /// 部门整体支出绩效自评表
    DepartmentOverall,
    /// 项目支出绩效自评表
    Project,
    /// A table that is neither.
    Unknown,
}

/// The total row of the funds block, in `unit`. An absent key means the form
/// lacks the field; `null` means its cell is empty or `—`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Funds {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub initial_budget: Option<Option<Num>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub annual_budget: Option<Option<Num>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub actual: Option<Option<Num>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub adjustment: Option<Option<Num>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub general_public_budget: Option<Option<Num>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub execution_rate: Option<Option<Num>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub adjustment_rate: Option<Option<Num>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub weight: Option<Option<Num>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub score: Option<Option<Num>>,
}

/// Kind of a 其中 row under the funds total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FundSourceKind {
    /// 当年财政拨款 / 本年财政拨款 / 财政资金
    Appropriation,
    /// 上年结转资金
    CarriedOver,
    /// 财政专户管理资金
    SpecialAccount,
    /// 单位资金
    Unit,
    /// 其他资金
    Other,
}

/// One 其中 row of the funds block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FundSource {
    pub source: Option<FundSourceKind>,
    /// The label as written, without `其中：` and trailing colons.
    pub label: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub initial_budget: Option<Option<Num>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub annual_budget: Option<Option<Num>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub actual: Option<Option<Num>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub execution_rate: Option<Option<Num>>,
    /// Present only with `extract --provenance`: where its label cell is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
}

/// 年度目标: what was expected and what was achieved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Goal {
    pub expected: Option<String>,
    pub achieved: Option<String>,
}

/// Comparison operator written before a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Op {
    #[serde(rename = ">=")]
    Ge,
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = "<")]
    Lt,
}

/// A target or an actual value: the cell as written, and what it says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Measure {
    /// The cell text as written (full-width stays full-width).
    pub raw: String,
    pub op: Option<Op>,
    pub value: Option<Num>,
    /// NFKC-normalised unit (`％` → `%`); null when there is none or no value.
    pub unit: Option<String>,
}

/// One performance indicator (绩效指标 / 关键指标 row).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Indicator {
    pub level1: Option<String>,
    pub level2: Option<String>,
    pub name: String,
    pub target: Option<Measure>,
    pub actual: Option<Measure>,
    pub weight: Option<Num>,
    pub score: Option<Num>,
    pub met: Option<bool>,
    pub note: Option<String>,
    /// A rubric's explanation and scoring rule joined with ` / `: the key is
    /// present on rubric forms only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criteria: Option<String>,
    /// Present only with `extract --provenance`: where its name cell is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
}

/// An indicator named in a 主要任务 row, paired with its value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskIndicator {
    pub name: String,
    pub actual: Measure,
}

/// One 主要任务 row of a department form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Task {
    pub name: String,
    pub expected: Option<String>,
    pub achieved: Option<String>,
    pub funds: Option<Num>,
    pub indicators: Vec<TaskIndicator>,
    /// Present only with `extract --provenance`: where its name cell is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
}

/// Something the form says that does not add up, or could not be decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Warning {
    pub code: String,
    pub message: String,
    /// Path of the field concerned, e.g. `indicators[8].met`.
    pub field: Option<String>,
}

/// The unit a record's amounts (funds, fund sources, task funds; not
/// rates, weights or scores) are written in after `extract --money`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Amounts {
    /// `万元` or `元`; null when the form states no unit, so its amounts
    /// could not be converted and stay as printed.
    pub unit: Option<String>,
    /// The unit the form printed (`unit`), when the amounts were converted
    /// from it; null when nothing was converted.
    pub converted_from: Option<String>,
}

/// One form, normalised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Record {
    pub schema: String,
    pub source: Source,
    pub form: FormKind,
    pub title: Option<String>,
    pub year: Option<i32>,
    /// 部门名称, or 主管部门 on a project form.
    pub department: Option<String>,
    /// 项目名称
    pub project: Option<String>,
    /// 实施单位
    pub implementer: Option<String>,
    /// Money unit as the form states it (`万元`, `元`).
    pub unit: Option<String>,
    /// Present only with `extract --money`: the unit every amount of this
    /// record is in, and the unit the form printed them in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amounts: Option<Amounts>,
    pub funds: Funds,
    pub fund_sources: Vec<FundSource>,
    pub goal: Option<Goal>,
    pub indicators: Vec<Indicator>,
    pub tasks: Vec<Task>,
    pub total_score: Option<Num>,
    pub grade: Option<String>,
    pub problems: Option<String>,
    pub improvements: Option<String>,
    /// Labelled fields not mapped above, in form order.
    pub extra: IndexMap<String, String>,
    /// The reconstructed grids (with `--tables`, and always on `unknown` forms).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tables: Option<Vec<Grid>>,
    /// Present only with `extract --provenance`: for each non-null value of
    /// `funds`, keyed `funds.<field>`, the cell it was read from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<IndexMap<String, Provenance>>,
    pub warnings: Vec<Warning>,
}

/// Where a value was read (`extract --provenance`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Provenance {
    /// 1-based page (PDFs; null for other formats).
    pub page: Option<usize>,
    /// The workbook sheet (XLSX, XLS, ODS; null for other formats).
    pub sheet: Option<String>,
    /// 0-based index of the grid among the file's tables, as `jixiao tables`
    /// lists them (the position in its JSON array).
    pub table: usize,
    /// 0-based row of the cell's top-left slot in that grid (a merged cell's
    /// first row), as `jixiao tables` gives it.
    pub row: usize,
    /// 0-based column of the cell's top-left slot.
    pub col: usize,
    /// The cell's box on the page `[x0, top, x1, bottom]` in points,
    /// top-left origin, like a grid's `bbox` (PDFs; null otherwise). On a
    /// page drawn turned, on the page as drawn (a grid's `bbox` is upright).
    /// (Rounded to 0.01 pt.)
    #[serde(rename = "box")]
    pub bbox: Option<[f64; 4]>,
}
