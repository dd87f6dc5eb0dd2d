//! One-per-line lists in PDF cells whose lines fill the column, so the
//! geometry cannot tell a line ended on purpose from a soft wrap
//! (tests/data/pdf/narrow_values.pdf, samples/make/make_narrow_values.py),
//! and small type drawn upside down (tests/data/pdf/upside_small.pdf).

mod common;

use jixiao::pipeline::{Options, blocks};
use jixiao::table::{Block, Grid, HARD_BREAK, LINE_BREAK};

fn raw_grids(path: &str) -> Vec<Grid> {
    let bytes = std::fs::read(common::root().join(path)).expect("sample file");
    let (_, bs) = blocks(path, &bytes, &Options::default()).expect("blocks");
    bs.into_iter()
        .filter_map(|b| match b {
            Block::Table(g) => Some(g),
            Block::Text { .. } => None,
        })
        .collect()
}

/// A CJK line followed by a line that is one complete measure keeps the wrap
/// mark (the form stage splits there when the value count needs it); the
/// joined text is unchanged.
#[test]
fn a_measure_after_a_full_line_keeps_the_wrap_mark() {
    let gs = raw_grids("tests/data/pdf/narrow_values.pdf");
    assert_eq!(gs.len(), 2);
    let (h, l) = (HARD_BREAK, LINE_BREAK);
    let texts: Vec<Vec<String>> = gs
        .iter()
        .map(|g| g.cells.iter().map(|c| c.text.clone()).collect())
        .collect();
    assert_eq!(
        texts[0],
        [
            "关键指标".to_string(),
            "指标完成情况".to_string(),
            format!("验收合格率{h}项目完成时间{h}巡查次数"),
            format!("94% {h}2022年12月31日前{l}199次"),
        ]
    );
    assert_eq!(
        texts[1],
        [
            "关键指标".to_string(),
            format!("指标完成{l}情况"),
            format!("政策知晓率{h}项目完成时间{h}人均补助标准"),
            format!("91% {h}按时完成{l}36元"),
        ]
    );
    // Joined text: the mark is dropped.
    let g = gs[0].unwrapped();
    assert_eq!(g.cells[3].text, "94% 2022年12月31日前199次");
}

/// tests/data/pdf/upside_small.pdf (samples/make/make_upside_small.py): a
/// table in 6pt and 5pt type drawn upside down with no `/Rotate` reads in
/// rows, not turned by 90° (at small sizes the origin 0.12 em below a square
/// glyph box's top also lies near its top: the nearest position wins).
#[test]
fn small_type_upside_down_is_turned_by_180() {
    let gs: Vec<Grid> = raw_grids("tests/data/pdf/upside_small.pdf")
        .iter()
        .map(Grid::unwrapped)
        .collect();
    assert_eq!(gs.len(), 1);
    assert_eq!((gs[0].rows, gs[0].cols), (4, 2));
    let texts: Vec<&str> = gs[0].cells.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "项目名称",
            "东湖森林防火专项经费",
            "主管部门",
            "金山区城市管理局",
            "实施单位",
            "西河县应急管理局",
            "总分",
            "97.71"
        ]
    );
}
