//! Rows cut by a page break in a LibreOffice Writer table, both parts drawn
//! with full borders (tests/data/pdf/cut_rows*.pdf, samples/make/make_cut_rows.py;
//! issue 10). In `cut_rows.pdf` the row `群众出行条件改善情况 | 94% | 5` is cut
//! inside its name (`群众出` on page 1, `行条件改善情况` and empty cells on
//! page 2); in `cut_rows_whole.pdf` the break falls between two complete rows
//! while the 效益指标 cell runs on. Both must give one row per indicator, every
//! name whole: a cut row joined, two complete rows never fused.

mod common;

use common::grids;

use jixiao::table::Grid;

const NAMES: [&str; 36] = [
    "新建改建设施数量",
    "培训人次",
    "资助学生人数达标率",
    "巡查次数",
    "项目完成质量",
    "资金拨付及时率",
    "项目完成时间",
    "人均补助标准",
    "项目成本控制率",
    "政策知晓率",
    "群众满意度",
    "长效管护机制",
    "带动群众增收",
    "垃圾无害化处理率",
    "群众出行条件改善情况",
    "服务对象满意度",
    "社区公建配套场地增加数量",
    "爱心午餐人次",
    "公众满意度",
    "走访企业次数",
    "召开会议场次",
    "验收合格率",
    "档案资料完整率",
    "资金使用合规率",
    "受污染耕地安全利用率",
    "危险废物抽查企业数量",
    "医疗废物集中处置率",
    "文体中心升级改造完成率",
    "维护市容市貌",
    "开展科普活动场次",
    "居民满意度",
    "大件生活垃圾清运吨数",
    "精细化考评得分",
    "基层党建活动次数",
    "养护里程",
    "绩效目标完成率",
];
const VALUES: [&str; 36] = [
    "10次", "91%", "92%", "13次", "94%", "95%", "16次", "97%", "98%", "19次", "90%", "91%", "22次",
    "93%", "94%", "25次", "96%", "97%", "28次", "99%", "90%", "31次", "92%", "93%", "34次", "95%",
    "96%", "37次", "98%", "99%", "40次", "91%", "92%", "43次", "94%", "95%",
];
const WEIGHTS: [&str; 36] = [
    "5", "6", "7", "8", "9", "10", "11", "5", "6", "7", "8", "9", "10", "11", "5", "6", "7", "8",
    "9", "10", "11", "5", "6", "7", "8", "9", "10", "11", "5", "6", "7", "8", "9", "10", "11", "5",
];

fn column(g: &Grid, col: usize) -> Vec<(usize, usize, String)> {
    g.cells
        .iter()
        .filter(|c| c.col == col && c.col_span == 1)
        .map(|c| (c.row, c.row_span, c.text.clone()))
        .collect()
}

fn check(path: &str) {
    let gs = grids(path);
    assert_eq!(gs.len(), 1, "{path}: one table over the pages");
    let g = &gs[0];
    assert_eq!((g.rows, g.cols), (37, 4), "{path}");
    for (col, want, head) in [
        (1, &NAMES, "三级指标"),
        (2, &VALUES, "指标值"),
        (3, &WEIGHTS, "分值"),
    ] {
        let mut expected = vec![(0, 1, head.to_string())];
        expected.extend(
            want.iter()
                .enumerate()
                .map(|(i, t)| (i + 1, 1, t.to_string())),
        );
        assert_eq!(column(g, col), expected, "{path}: column {col}");
    }
    // Each group cell covers its nine rows, on both sides of a break.
    assert_eq!(
        column(g, 0),
        [
            (0, 1, "一级指标".to_string()),
            (1, 9, "产出指标".to_string()),
            (10, 9, "效益指标".to_string()),
            (19, 9, "满意度指标".to_string()),
            (28, 9, "成本指标".to_string()),
        ],
        "{path}: group column"
    );
}

#[test]
fn a_row_cut_inside_its_name_is_joined() {
    check("tests/data/pdf/cut_rows.pdf");
}

#[test]
fn complete_rows_at_a_break_are_not_fused() {
    check("tests/data/pdf/cut_rows_whole.pdf");
}

/// tests/data/pdf/clipped_label.pdf (samples/make/make_clipped_label.py): a
/// Calc sheet whose merged 社会效益指标 cell is cut by the page break, its
/// centred label drawn on both pages and clipped, straddling the borders.
/// The label line does not separate the table from its continuation, and
/// the group cell keeps its label over its four rows on both pages.
#[test]
fn a_label_clipped_by_the_break_stays_with_its_merged_cell() {
    check_groups("tests/data/pdf/clipped_label.pdf");
}

/// tests/data/pdf/clipped_hidden.pdf (`make_clipped_label.py --hidden`): the
/// merged 社会效益指标 cell has one row on page 1 and three on page 2; its
/// label, centred on the whole cell, is clipped away on page 1 and drawn in
/// the page-2 part half a row above that part's middle, while the other
/// cells' texts are centred in their rows.
#[test]
fn a_label_centred_over_the_break_stays_with_its_merged_cell() {
    check_groups("tests/data/pdf/clipped_hidden.pdf");
}

fn check_groups(path: &str) {
    let gs = grids(path);
    assert_eq!(gs.len(), 1, "one table over the pages");
    let g = &gs[0];
    assert_eq!((g.rows, g.cols, g.pages), (33, 3, Some([1, 2])), "{path}");
    let groups = [
        "产出数量指标",
        "产出质量指标",
        "产出时效指标",
        "产出成本指标",
        "经济效益指标",
        "社会效益指标",
        "生态效益指标",
        "满意度指标",
    ];
    let mut want = vec![(0, 1, "分组".to_string())];
    want.extend(
        groups
            .iter()
            .enumerate()
            .map(|(i, t)| (1 + 4 * i, 4, t.to_string())),
    );
    assert_eq!(column(g, 0), want);
    let names: Vec<String> = column(g, 1).into_iter().map(|c| c.2).collect();
    assert_eq!(names.len(), 33);
    assert_eq!(
        names[21..25],
        ["社会指标1", "社会指标2", "社会指标3", "社会指标4"]
    );
}
