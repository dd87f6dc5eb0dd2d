//! The one dictionary of label synonyms.
//!
//! Every label the recogniser understands is listed here, once, as written
//! on published forms. Lookups go through [`key`], which folds away what
//! differs between provinces and years (full-width/half-width characters,
//! spaces and line breaks inside a label, colons, `其中：` prefixes, and
//! `（万元）`, `（A）`, `（B/A）`, `(50分)` suffixes), so a new variant is one
//! more line in a table below.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::lexical::text::squash;

/// A field of the funds block (total row, or a column of the project table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FundField {
    InitialBudget,
    AnnualBudget,
    Actual,
    Adjustment,
    GeneralPublicBudget,
    ExecutionRate,
    AdjustmentRate,
    Weight,
    Score,
}

/// What a label in the first column (or of a label/value pair) means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Label {
    /// 部门名称
    DepartmentName,
    /// 主管部门
    Department,
    /// 项目名称
    ProjectName,
    /// 实施单位
    Implementer,
    /// A section: the rows below (or beside) it belong to it.
    Section(Section),
    /// A funds value, as a label/value pair or a column header.
    Fund(FundField),
    /// The total row of a project funds table.
    FundsTotal,
    /// 总分
    TotalScore,
    /// 自评等级
    Grade,
    /// A header field the record has no key for (联系人, 填报日期): its value
    /// goes to `extra` under the label as written.
    Extra,
}

/// Sections of a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Funds,
    Goal,
    Indicators,
    Tasks,
    Problems,
    Improvements,
}

/// Column headers, which mean something within one section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Level1,
    Level2,
    Name,
    Target,
    Actual,
    Weight,
    Score,
    Note,
    /// Sign of a target split over columns (指标性质 / 计算符号).
    TargetOp,
    /// Unit of a target split over columns (度量单位 / 计量单位).
    TargetUnit,
    Expected,
    Achieved,
    TaskIndicators,
    TaskValues,
    TaskFunds,
    /// The adjusted target (调整指标值): in force over [`Column::Target`] when filled.
    TargetAdjusted,
    /// A rubric's explanation or scoring rule (指标解释, 评分标准): the indicator's `criteria`.
    Criteria,
    /// A column the form prints that no field holds and that is derived or
    /// bookkeeping (序号, 得分系数, 是否核心指标, 得分计算方法): its cells are consumed.
    Ignored,
}

/// Labels that stand in the first column or before a value.
const LABELS: &[(&str, Label)] = &[
    ("部门名称", Label::DepartmentName),
    ("部门(单位)名称", Label::DepartmentName),
    ("单位名称", Label::DepartmentName),
    // 湖南's department form: `预算部门、单位名称`.
    ("预算部门、单位名称", Label::DepartmentName),
    ("预算部门(单位)名称", Label::DepartmentName),
    ("预算单位", Label::DepartmentName),
    ("主管部门", Label::Department),
    // 部门 alone (金寨's department form) names the department.
    ("部门", Label::Department),
    ("主管单位", Label::Department),
    ("项目名称", Label::ProjectName),
    ("专项资金名称", Label::ProjectName),
    ("资金名称", Label::ProjectName),
    // Transfer-payment forms (中央引导地方科技发展资金…): `转移支付（项目）名称`.
    ("转移支付(项目)名称", Label::ProjectName),
    ("转移支付名称", Label::ProjectName),
    ("实施单位", Label::Implementer),
    ("项目实施单位", Label::Implementer),
    ("部门资金情况", Label::Section(Section::Funds)),
    ("年度预算执行情况", Label::Section(Section::Funds)),
    ("部门预算执行情况", Label::Section(Section::Funds)),
    ("预算执行情况", Label::Section(Section::Funds)),
    ("项目资金", Label::Section(Section::Funds)),
    ("资金情况", Label::Section(Section::Funds)),
    ("部门(单位)总体资金", Label::Section(Section::Funds)),
    ("年度预算申请", Label::Section(Section::Funds)),
    ("年度整体目标", Label::Section(Section::Goal)),
    ("年度总体目标", Label::Section(Section::Goal)),
    ("总体目标", Label::Section(Section::Goal)),
    ("年度主要目标", Label::Section(Section::Goal)),
    ("年度绩效目标", Label::Section(Section::Goal)),
    ("当年绩效目标", Label::Section(Section::Goal)),
    ("项目年度目标", Label::Section(Section::Goal)),
    // 湖北's department form: `年度目标1：（80分）`.
    ("年度目标", Label::Section(Section::Goal)),
    ("年度关键指标", Label::Section(Section::Indicators)),
    ("绩效指标", Label::Section(Section::Indicators)),
    ("年度绩效指标", Label::Section(Section::Indicators)),
    ("年度绩效指标完成情况", Label::Section(Section::Indicators)),
    ("主要任务", Label::Section(Section::Tasks)),
    ("存在问题", Label::Section(Section::Problems)),
    ("存在的问题", Label::Section(Section::Problems)),
    ("存在的问题及原因分析", Label::Section(Section::Problems)),
    ("存在问题及原因分析", Label::Section(Section::Problems)),
    (
        "偏差大或目标未完成原因分析",
        Label::Section(Section::Problems),
    ),
    (
        "改进措施及结果应用方案",
        Label::Section(Section::Improvements),
    ),
    ("改进措施", Label::Section(Section::Improvements)),
    ("整改措施", Label::Section(Section::Improvements)),
    ("下一步改进措施", Label::Section(Section::Improvements)),
    ("改进意见", Label::Section(Section::Improvements)),
    ("整体支出年度预算数", Label::Fund(FundField::AnnualBudget)),
    ("年度预算数", Label::Fund(FundField::AnnualBudget)),
    ("全年预算数", Label::Fund(FundField::AnnualBudget)),
    ("调整后预算数", Label::Fund(FundField::AnnualBudget)),
    ("调整预算数", Label::Fund(FundField::AnnualBudget)),
    ("全年(调整)预算数", Label::Fund(FundField::AnnualBudget)),
    // 湖北: 预算数（A） is the budget after adjustment.
    ("预算数", Label::Fund(FundField::AnnualBudget)),
    ("年初预算", Label::Fund(FundField::InitialBudget)),
    ("执行数", Label::Fund(FundField::Actual)),
    ("执行率权重", Label::Fund(FundField::Weight)),
    ("执行率得分", Label::Fund(FundField::Score)),
    ("整体支出年初预算数", Label::Fund(FundField::InitialBudget)),
    ("年初预算数", Label::Fund(FundField::InitialBudget)),
    ("实际支出数", Label::Fund(FundField::Actual)),
    ("全年执行数", Label::Fund(FundField::Actual)),
    ("预算执行数", Label::Fund(FundField::Actual)),
    ("年度调整额", Label::Fund(FundField::Adjustment)),
    ("一般公共预算", Label::Fund(FundField::GeneralPublicBudget)),
    ("预算完成率", Label::Fund(FundField::ExecutionRate)),
    ("执行率", Label::Fund(FundField::ExecutionRate)),
    ("预算执行率", Label::Fund(FundField::ExecutionRate)),
    ("预算调整率", Label::Fund(FundField::AdjustmentRate)),
    ("分值", Label::Fund(FundField::Weight)),
    ("权重", Label::Fund(FundField::Weight)),
    ("得分", Label::Fund(FundField::Score)),
    ("年度资金总额", Label::FundsTotal),
    ("资金总额", Label::FundsTotal),
    ("总额", Label::FundsTotal),
    ("年度财政资金总额", Label::FundsTotal),
    // 湖北's department form: `部门整体支出总额`.
    ("部门整体支出总额", Label::FundsTotal),
    ("总分", Label::TotalScore),
    ("自评总分", Label::TotalScore),
    ("自评得分", Label::TotalScore),
    // 合计: the total row of the funds block there, the total score below the indicators.
    ("合计", Label::TotalScore),
    ("自评等级", Label::Grade),
    ("联系人", Label::Extra),
    ("部门联系人", Label::Extra),
    ("联系电话", Label::Extra),
    ("财政处室", Label::Extra),
    ("填报日期", Label::Extra),
    ("填报人", Label::Extra),
    ("项目负责人", Label::Extra),
    ("项目类别", Label::Extra),
    ("项目属性", Label::Extra),
    ("项目类型", Label::Extra),
    // 评价结论 is a narrative (四川: the score and what the project achieved),
    // no grade: it goes to extra.
    ("评价结论", Label::Extra),
    ("评价等级", Label::Grade),
];

/// Column headers of the 年度关键指标 / 绩效指标 table.
const INDICATOR_COLUMNS: &[(&str, Column)] = &[
    ("一级指标", Column::Level1),
    ("二级指标", Column::Level2),
    // A header cell whose second line was lost (`一级` of `一级\n指标`).
    ("一级", Column::Level1),
    ("二级", Column::Level2),
    ("三级", Column::Name),
    ("三级指标", Column::Name),
    ("关键指标", Column::Name),
    ("指标名称", Column::Name),
    ("绩效指标", Column::Name),
    ("预期实现值", Column::Target),
    ("年度指标值", Column::Target),
    ("预期值", Column::Target),
    ("目标值", Column::Target),
    ("指标值", Column::Target),
    ("年度目标值", Column::Target),
    ("年初目标值", Column::Target),
    ("年初指标值", Column::Target),
    ("调整指标值", Column::TargetAdjusted),
    ("全年完成值", Column::Actual),
    ("指标完成情况", Column::Actual),
    ("实际完成值", Column::Actual),
    ("实际值", Column::Actual),
    ("全年实际值", Column::Actual),
    ("完成值", Column::Actual),
    ("实际完成情况", Column::Actual),
    ("分值", Column::Weight),
    ("权重", Column::Weight),
    ("参考分值", Column::Weight),
    ("指标分值", Column::Weight),
    ("指标权重", Column::Weight),
    ("得分", Column::Score),
    ("自评得分", Column::Score),
    ("指标得分", Column::Score),
    ("指标解释", Column::Criteria),
    ("评分标准", Column::Criteria),
    ("指标说明及评分标准", Column::Criteria),
    ("评分办法", Column::Criteria),
    ("序号", Column::Ignored),
    ("得分系数", Column::Ignored),
    ("是否核心指标", Column::Ignored),
    ("得分计算方法", Column::Ignored),
    ("偏差原因分析及改进措施", Column::Note),
    ("偏差原因分析", Column::Note),
    ("未完成原因分析", Column::Note),
    ("未完成原因及改进措施", Column::Note),
    ("未完成原因分析及改进措施", Column::Note),
    ("未完成原因及拟采取的改进措施", Column::Note),
    ("未完成原因和改进措施", Column::Note),
    ("未完成原因和拟采取的改进措施", Column::Note),
    ("偏差大或目标未完成原因分析", Column::Note),
    // A note split over columns, or a remarks column: each is a note.
    ("改进措施", Column::Note),
    ("备注", Column::Note),
    ("指标性质", Column::TargetOp),
    ("计算符号", Column::TargetOp),
    ("度量单位", Column::TargetUnit),
    ("计量单位", Column::TargetUnit),
];

/// Column headers of the 年度目标 block.
const GOAL_COLUMNS: &[(&str, Column)] = &[
    ("年度整体目标", Column::Expected),
    ("年度总体目标", Column::Expected),
    ("预期目标", Column::Expected),
    ("年初设定目标", Column::Expected),
    ("整体目标完成情况", Column::Achieved),
    ("实际完成情况", Column::Achieved),
    ("总体目标完成情况", Column::Achieved),
    ("年度总体目标完成情况综述", Column::Achieved),
    ("年度总体目标完成情况", Column::Achieved),
    ("目标完成情况", Column::Achieved),
    ("项目年度目标", Column::Expected),
    ("年度目标完成情况", Column::Achieved),
    ("年初绩效目标", Column::Expected),
    ("全年(调整)绩效目标", Column::TargetAdjusted),
    ("全年目标实际完成情况", Column::Achieved),
    // 专项资金 forms: `年初设定目标 | 全年实际完成情况`.
    ("全年实际完成情况", Column::Achieved),
    ("年度绩效目标", Column::Expected),
    // A deviation analysis beside the goal is the form's problems.
    ("偏差原因分析及改进措施", Column::Note),
];

/// Column headers of the 主要任务 table.
const TASK_COLUMNS: &[(&str, Column)] = &[
    ("主要任务", Column::Name),
    ("任务名称", Column::Name),
    ("预期目标", Column::Expected),
    ("目标完成情况", Column::Achieved),
    ("实际完成情况", Column::Achieved),
    ("关键指标", Column::TaskIndicators),
    ("指标完成情况", Column::TaskValues),
    ("任务涉及资金", Column::TaskFunds),
    ("涉及资金", Column::TaskFunds),
];

/// The fund-source labels of 其中 rows.
const FUND_SOURCES: &[(&str, crate::record::FundSourceKind)] = {
    use crate::record::FundSourceKind as K;
    &[
        ("当年财政拨款", K::Appropriation),
        ("本年财政拨款", K::Appropriation),
        ("财政资金", K::Appropriation),
        ("财政拨款", K::Appropriation),
        ("上年结转资金", K::CarriedOver),
        ("上年结转", K::CarriedOver),
        ("财政专户管理资金", K::SpecialAccount),
        ("单位资金", K::Unit),
        ("其他资金", K::Other),
    ]
};

/// Fold a label to its lookup key: NFKC, no white space, no `其中:` prefix,
/// no trailing colon, no unit/letter/weight suffix in brackets.
#[must_use]
pub fn key(label: &str) -> String {
    let mut k: String = squash(label).chars().map(simplified).collect();
    if let Some(rest) = k.strip_prefix("其中")
        && !rest.is_empty()
    {
        k = rest.trim_start_matches([':', '：']).to_string();
    }
    loop {
        let before = k.len();
        k = k.trim_end_matches([':', '：']).to_string();
        // A label that also asks for a code or a telephone number
        // (`主管部门及代码`, `项目负责人及电话`) names the same field.
        for tail in ["及代码", "及编码", "及电话", "及联系电话"] {
            if let Some(rest) = k.strip_suffix(tail)
                && !rest.is_empty()
            {
                k = rest.to_string();
            }
        }
        if let Some(open) = k.rfind('(')
            && k.ends_with(')')
            && is_suffix(&k[open + 1..k.len() - 1])
        {
            k.truncate(open);
        }
        // A unit suffix whose closing bracket was lost (`年度预算申请(万元`).
        if let Some(open) = k.rfind('(')
            && open > 0
            && matches!(&k[open + 1..], "万元" | "元")
        {
            k.truncate(open);
        }
        if k.len() == before {
            return k;
        }
    }
}

/// Bracketed suffixes that do not change what a label means.
fn is_suffix(inner: &str) -> bool {
    matches!(
        inner,
        "万元" | "元" | "%" | "百分比" | "分" | "盖章" | "签章" | "签字" | "公章"
    )
        // Column letters and formulas: (A), (B/A), (B/A×100%), (C=B/A).
        || (inner.chars().count() <= 12
            && inner.chars().any(|c| c.is_ascii_uppercase())
            && inner
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || "/*×%.+-=".contains(c)))
        // A scoring formula: (20分*执行率).
        || (inner.contains('分') && inner.contains(['*', '×']))
        || inner
            .strip_suffix('分')
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.'))
}

struct Dict {
    labels: HashMap<String, Label>,
    indicators: HashMap<String, Column>,
    goal: HashMap<String, Column>,
    tasks: HashMap<String, Column>,
    sources: HashMap<String, crate::record::FundSourceKind>,
}

fn dict() -> &'static Dict {
    static DICT: OnceLock<Dict> = OnceLock::new();
    DICT.get_or_init(|| {
        fn build<T: Copy>(entries: &[(&str, T)]) -> HashMap<String, T> {
            entries.iter().map(|(s, v)| (key(s), *v)).collect()
        }
        Dict {
            labels: build(LABELS),
            indicators: build(INDICATOR_COLUMNS),
            goal: build(GOAL_COLUMNS),
            tasks: build(TASK_COLUMNS),
            sources: build(FUND_SOURCES),
        }
    })
}

/// What a label means, if the dictionary knows it. A prefix naming the
/// level of government (`县级主管部门`) and a number after a label of a
/// numbered block (`年度绩效目标1`) do not change it.
#[must_use]
pub fn label(text: &str) -> Option<Label> {
    let labels = &dict().labels;
    let k = key(text);
    if let Some(l) = labels.get(&k) {
        return Some(*l);
    }
    let unprefixed = LEVEL_PREFIXES
        .iter()
        .find_map(|p| k.strip_prefix(p))
        .filter(|r| !r.is_empty());
    if let Some(l) = unprefixed.and_then(|r| labels.get(r)) {
        return Some(*l);
    }
    let unnumbered = k.trim_end_matches(|c: char| c.is_ascii_digit());
    match labels.get(unnumbered) {
        Some(l @ Label::Section(_)) if unnumbered.len() < k.len() => Some(*l),
        _ => None,
    }
}

/// Prefixes naming the level of government before a label.
const LEVEL_PREFIXES: &[&str] = &["省级", "市级", "县级", "区级", "乡级", "镇级", "本级"];

/// Traditional characters that occur in the dictionary's labels, folded to
/// simplified (mirrors of the pages in traditional characters exist). Only
/// label lookup folds; texts keep their characters.
const TRADITIONAL: &[(char, char)] = &[
    ('萬', '万'),
    ('項', '项'),
    ('資', '资'),
    ('預', '预'),
    ('執', '执'),
    ('實', '实'),
    ('際', '际'),
    ('績', '绩'),
    ('標', '标'),
    ('級', '级'),
    ('門', '门'),
    ('稱', '称'),
    ('單', '单'),
    ('評', '评'),
    ('總', '总'),
    ('體', '体'),
    ('務', '务'),
    ('問', '问'),
    ('題', '题'),
    ('進', '进'),
    ('調', '调'),
    ('額', '额'),
    ('設', '设'),
    ('達', '达'),
    ('況', '况'),
    ('滿', '满'),
    ('質', '质'),
    ('時', '时'),
    ('經', '经'),
    ('濟', '济'),
    ('會', '会'),
    ('態', '态'),
    ('續', '续'),
    ('響', '响'),
    ('對', '对'),
    ('財', '财'),
    ('撥', '拨'),
    ('結', '结'),
    ('轉', '转'),
    ('專', '专'),
    ('戶', '户'),
    ('發', '发'),
    ('劃', '划'),
    ('計', '计'),
    ('內', '内'),
    ('報', '报'),
    ('編', '编'),
    ('號', '号'),
    ('數', '数'),
    ('當', '当'),
    ('費', '费'),
    ('準', '准'),
    ('確', '确'),
    ('帶', '带'),
    ('動', '动'),
    ('眾', '众'),
    ('處', '处'),
    ('長', '长'),
    ('養', '养'),
    ('護', '护'),
    ('範', '范'),
    ('製', '制'),
    ('業', '业'),
    ('廣', '广'),
    ('電', '电'),
    ('遊', '游'),
    ('鄉', '乡'),
    ('鎮', '镇'),
    ('區', '区'),
    ('縣', '县'),
    ('應', '应'),
    ('與', '与'),
    ('為', '为'),
    ('據', '据'),
    ('擬', '拟'),
    ('說', '说'),
    ('負', '负'),
    ('責', '责'),
    ('話', '话'),
    ('請', '请'),
    ('値', '值'),
    ('兌', '兑'),
    ('現', '现'),
    ('決', '决'),
    ('產', '产'),
    ('來', '来'),
    ('權', '权'),
    ('餘', '余'),
    ('並', '并'),
    ('義', '义'),
    ('學', '学'),
    ('醫', '医'),
    ('衛', '卫'),
];

/// A text with the traditional characters of the labels folded to
/// simplified (for recognising labels and titles; texts keep theirs).
#[must_use]
pub fn fold_traditional(s: &str) -> String {
    s.chars().map(simplified).collect()
}

/// A traditional character of the labels folded to simplified.
fn simplified(c: char) -> char {
    static MAP: OnceLock<HashMap<char, char>> = OnceLock::new();
    let map = MAP.get_or_init(|| TRADITIONAL.iter().copied().collect());
    map.get(&c).copied().unwrap_or(c)
}

/// Column headers and row labels the form prints that hold no field and
/// whose cells are derived or bookkeeping.
const IGNORED: &[&str] = &[
    "资金来源",
    "原因",
    "得分计算方法",
    "序号",
    "得分系数",
    "是否核心指标",
    "其中",
];

#[cfg(test)]
mod known_tests {
    #[test]
    fn printed_columns_and_lone_qizhong_are_known() {
        assert!(super::is_known("其中："));
        assert!(super::is_known("得分计算方法"));
        assert!(super::is_known("實施單位（盖章）"));
        assert!(!super::is_known("养护绿地面积"));
    }
}

/// Whether the dictionary knows `text` as a label or a column header of any
/// section (or as a printed column that holds no field).
#[must_use]
pub fn is_known(text: &str) -> bool {
    let k = key(text);
    // `其中：` alone in a cell before a source's label folds to nothing.
    let k = if k.is_empty() {
        squash(text).trim_end_matches([':', '：']).to_string()
    } else {
        k
    };
    label(text).is_some()
        || [Section::Indicators, Section::Goal, Section::Tasks]
            .iter()
            .any(|&s| column(s, text).is_some())
        || IGNORED.contains(&k.as_str())
        || is_spending_type(text)
}

/// The indicator levels of the national framework (一级 / 二级指标): a cell
/// holding only one of them labels a level, even on a row with no indicator
/// (an empty 经济效益指标 row the form prints as a placeholder).
#[must_use]
pub fn is_level_label(text: &str) -> bool {
    const LEVELS: &[&str] = &[
        "产出指标",
        "效益指标",
        "满意度指标",
        "成本指标",
        "数量指标",
        "质量指标",
        "时效指标",
        "经济效益指标",
        "社会效益指标",
        "生态效益指标",
        "可持续影响指标",
        "服务对象满意度指标",
        "经济成本指标",
        "社会成本指标",
        "生态环境成本指标",
    ];
    LEVELS.contains(&key(text).as_str())
}

/// Rows of a funds block that split spending by type (基本支出 / 项目支出):
/// not sources of funds.
#[must_use]
pub fn is_spending_type(text: &str) -> bool {
    matches!(
        key(text).as_str(),
        "基本支出" | "项目支出" | "人员经费" | "公用经费"
    )
}

/// What a column header means within `section`.
#[must_use]
pub fn column(section: Section, text: &str) -> Option<Column> {
    let d = dict();
    let map = match section {
        Section::Indicators => &d.indicators,
        Section::Goal => &d.goal,
        Section::Tasks => &d.tasks,
        Section::Funds | Section::Problems | Section::Improvements => return None,
    };
    map.get(&key(text)).copied()
}

/// The kind of a 其中 row, from its label.
#[must_use]
pub fn fund_source(text: &str) -> Option<crate::record::FundSourceKind> {
    dict().sources.get(&key(text)).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_variants() {
        assert_eq!(key("部 门 名 称："), "部门名称");
        assert_eq!(key("部门\n名称:"), "部门名称");
        assert_eq!(key("其中: 一般公共预算"), "一般公共预算");
        assert_eq!(key("其中：当年财政拨款"), "当年财政拨款");
        assert_eq!(key("项目资金（万元）"), "项目资金");
        assert_eq!(key("全年预算数（A）"), "全年预算数");
        assert_eq!(key("执行率（B/A）"), "执行率");
        assert_eq!(key("执行率（B/A×100%）"), "执行率");
        assert_eq!(key("预算调整率(C=B/A)"), "预算调整率");
        assert_eq!(key("目标(2021年)"), "目标(2021年)", "not a formula");
        assert_eq!(key("产出指标(50分)"), "产出指标");
        assert_eq!(key("年度预算申请\n(万元"), "年度预算申请");
        assert_eq!(key("年度目标1:(80分)"), "年度目标1");
        assert_eq!(key("其中"), "其中");
        // A bracket that carries meaning is kept.
        assert_eq!(key("科普专项经费(本级)"), "科普专项经费(本级)");
    }

    #[test]
    fn labels_and_columns() {
        assert_eq!(label("部 门 名 称"), Some(Label::DepartmentName));
        assert_eq!(
            label("全年预算数（A）"),
            Some(Label::Fund(FundField::AnnualBudget))
        );
        assert_eq!(label("年度总体目标"), Some(Label::Section(Section::Goal)));
        assert_eq!(
            label("其中: 一般公共预算"),
            Some(Label::Fund(FundField::GeneralPublicBudget))
        );
        assert_eq!(label("公共服务中心工作效率等级"), None);
        assert_eq!(column(Section::Indicators, "预期值"), Some(Column::Target));
        assert_eq!(column(Section::Indicators, "关键指标"), Some(Column::Name));
        assert_eq!(
            column(Section::Tasks, "关键指标"),
            Some(Column::TaskIndicators)
        );
        assert_eq!(
            column(Section::Goal, "年度总体目标完成情况综述"),
            Some(Column::Achieved)
        );
        assert_eq!(column(Section::Funds, "预期值"), None);
        assert_eq!(
            fund_source("其中：本年财政拨款"),
            Some(crate::record::FundSourceKind::Appropriation)
        );
        assert_eq!(
            fund_source("上年结转资金："),
            Some(crate::record::FundSourceKind::CarriedOver)
        );
        assert_eq!(fund_source("社会资金"), None);
    }
}
