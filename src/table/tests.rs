//! Synthetic end-to-end tests of `from_pages`.

use super::testutil::*;
use super::types::{Block, Cell, Glyph, Grid, Page, Ruling};
use super::{TableSettings, from_pages};

fn blocks(pages: &[Page]) -> Vec<Block> {
    from_pages(pages, &TableSettings::default())
}

fn grids(bs: &[Block]) -> Vec<&Grid> {
    bs.iter()
        .filter_map(|b| match b {
            Block::Table(g) => Some(g),
            _ => None,
        })
        .collect()
}

fn texts(bs: &[Block]) -> Vec<String> {
    bs.iter()
        .filter_map(|b| match b {
            Block::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

fn cell(g: &Grid, r: usize, c: usize) -> &Cell {
    g.cells
        .iter()
        .find(|k| r >= k.row && r < k.row + k.row_span && c >= k.col && c < k.col + k.col_span)
        .unwrap_or_else(|| panic!("no cell at {r},{c} in {g:#?}"))
}

/// A cell's text as SPEC gives it (marks removed, hard breaks joined).
fn t(g: &Grid, r: usize, c: usize) -> String {
    super::joined_text(&cell(g, r, c).text)
}

/// Every slot covered exactly once, cells sorted.
fn check_partition(g: &Grid) {
    let mut seen = vec![0u8; g.rows * g.cols];
    for k in &g.cells {
        assert!(k.row_span >= 1 && k.col_span >= 1);
        for r in k.row..k.row + k.row_span {
            for c in k.col..k.col + k.col_span {
                assert!(r < g.rows && c < g.cols, "cell outside grid: {k:?}");
                seen[r * g.cols + c] += 1;
            }
        }
    }
    assert!(
        seen.iter().all(|&n| n == 1),
        "slots not covered exactly once: {g:#?}"
    );
    let keys: Vec<_> = g.cells.iter().map(|k| (k.row, k.col)).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

const XS: [f32; 4] = [50.0, 150.0, 300.0, 450.0];

fn ys(n: usize, top: f32, h: f32) -> Vec<f32> {
    (0..=n).map(|i| top + h * i as f32).collect()
}

fn simple_page() -> Page {
    let spec = GridSpec::new(&XS, &ys(3, 100.0, 20.0));
    let mut gl = Vec::new();
    for r in 0..3 {
        for c in 0..3 {
            gl.extend(spec.text(r, c, 1, &format!("格{r}{c}")));
        }
    }
    page(1, gl, spec.rulings())
}

#[test]
fn simple_grid() {
    let bs = blocks(&[simple_page()]);
    let g = grids(&bs);
    assert_eq!(g.len(), 1);
    let g = g[0];
    check_partition(g);
    assert_eq!((g.rows, g.cols), (3, 3));
    assert_eq!(g.cells.len(), 9);
    assert_eq!(t(g, 2, 1), "格21");
    assert_eq!(g.pages, Some([1, 1]));
    assert_eq!(g.quality, Some(1.0));
    let b = g.bbox.unwrap();
    assert!((b[0] - 50.0).abs() < 0.5 && (b[3] - 160.0).abs() < 0.5);
}

#[test]
fn row_spanning_first_column() {
    let spec = GridSpec::new(&XS, &ys(16, 100.0, 20.0)).merge(1, 0, 15, 1);
    let mut gl = spec.text(0, 0, 1, "名称");
    gl.extend(spec.text(8, 0, 1, "年度关键指标"));
    for r in 0..16 {
        gl.extend(spec.text(r, 1, 1, &format!("指标{r}")));
        gl.extend(spec.text(r, 2, 1, "100%"));
    }
    let bs = blocks(&[page(1, gl, spec.rulings())]);
    let g = grids(&bs)[0];
    check_partition(g);
    assert_eq!((g.rows, g.cols), (16, 3));
    let k = cell(g, 5, 0);
    assert_eq!((k.row, k.row_span, k.col_span), (1, 15, 1));
    assert_eq!(k.text, "年度关键指标");
    assert_eq!(t(g, 15, 1), "指标15");
}

#[test]
fn column_spanning_cell_with_wrapped_text() {
    let spec = GridSpec::new(&XS, &ys(3, 100.0, 40.0)).merge(1, 1, 1, 2);
    let long =
        "持续学习贯彻习近平新时代中国特色社会主义思想，全面加大加强党建引领作用；提升永和公建配套";
    let mut gl = spec.text(1, 0, 1, "目标");
    gl.extend(spec.text(1, 1, 2, long));
    let bs = blocks(&[page(1, gl, spec.rulings())]);
    let g = grids(&bs)[0];
    check_partition(g);
    let k = cell(g, 1, 2);
    assert_eq!((k.row, k.col, k.row_span, k.col_span), (1, 1, 1, 2));
    assert_eq!(k.text.replace(super::text::LINE_BREAK, ""), long);
    assert_eq!(t(g, 1, 0), "目标");
}

#[test]
fn missing_outer_border() {
    let spec = GridSpec::new(&XS, &ys(3, 100.0, 20.0));
    let rulings: Vec<Ruling> = spec
        .rulings()
        .into_iter()
        .filter(|r| {
            !(matches!(r.orientation, super::types::Orientation::Vertical)
                && (r.pos == 50.0 || r.pos == 450.0))
        })
        .collect();
    let mut gl = Vec::new();
    for r in 0..3 {
        for c in 0..3 {
            gl.extend(spec.text(r, c, 1, &format!("v{r}{c}")));
        }
    }
    let bs = blocks(&[page(1, gl, rulings)]);
    let g = grids(&bs);
    assert_eq!(g.len(), 1, "{bs:#?}");
    let g = g[0];
    check_partition(g);
    assert_eq!((g.rows, g.cols), (3, 3));
    assert_eq!(t(g, 1, 0), "v10");
    assert_eq!(t(g, 2, 2), "v22");
    assert!(texts(&bs).is_empty());
}

#[test]
fn missing_top_and_bottom_border() {
    let spec = GridSpec::new(&XS, &ys(3, 100.0, 20.0));
    let rulings: Vec<Ruling> = spec
        .rulings()
        .into_iter()
        .filter(|r| {
            !(matches!(r.orientation, super::types::Orientation::Horizontal)
                && (r.pos == 100.0 || r.pos == 160.0))
        })
        .collect();
    let mut gl = Vec::new();
    for r in 0..3 {
        gl.extend(spec.text(r, 0, 1, &format!("r{r}")));
    }
    let bs = blocks(&[page(1, gl, rulings)]);
    let g = grids(&bs)[0];
    assert_eq!((g.rows, g.cols), (3, 3));
    assert_eq!(t(g, 0, 0), "r0");
    assert_eq!(t(g, 2, 0), "r2");
}

#[test]
fn double_lines_are_one_edge() {
    let p = simple_page();
    let mut rulings = p.rulings.clone();
    for r in &p.rulings {
        rulings.push(Ruling {
            pos: r.pos + 1.0,
            ..*r
        });
    }
    let bs = blocks(&[Page { rulings, ..p }]);
    let g = grids(&bs)[0];
    check_partition(g);
    assert_eq!((g.rows, g.cols, g.cells.len()), (3, 3, 9));
    assert_eq!(t(g, 1, 1), "格11");
}

#[test]
fn overshooting_and_undershooting_rulings() {
    let p = simple_page();
    let rulings: Vec<Ruling> = p
        .rulings
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let d = if i % 2 == 0 { 2.0 } else { -1.5 };
            Ruling {
                start: r.start - d,
                end: r.end + d * 0.5,
                pos: r.pos + if i % 3 == 0 { 0.4 } else { -0.3 },
                ..*r
            }
        })
        .collect();
    let bs = blocks(&[Page { rulings, ..p }]);
    let g = grids(&bs)[0];
    check_partition(g);
    assert_eq!((g.rows, g.cols, g.cells.len()), (3, 3, 9));
    assert_eq!(t(g, 2, 2), "格22");
    assert_eq!(g.quality, Some(1.0));
}

#[test]
fn thin_filled_rectangles_as_rulings() {
    // A filled-rect border (0.5pt thick) becomes its centre line, extended by half the
    // thickness at each end and drawn per cell side, with rounding noise.
    let p = simple_page();
    let rulings: Vec<Ruling> = p
        .rulings
        .iter()
        .enumerate()
        .map(|(i, r)| Ruling {
            start: r.start - 0.25,
            end: r.end + 0.25,
            pos: r.pos + 0.25 * (i % 2) as f32,
            ..*r
        })
        .collect();
    let bs = blocks(&[Page { rulings, ..p }]);
    let g = grids(&bs)[0];
    check_partition(g);
    assert_eq!((g.rows, g.cols, g.cells.len()), (3, 3, 9));
    assert_eq!(g.quality, Some(1.0));
}

#[test]
fn hanging_punctuation_belongs_to_left_cell() {
    let spec = GridSpec::new(&XS, &ys(2, 100.0, 30.0));
    // Left cell: text filling the cell up to the border, then "，" hanging past it.
    let mut gl = run("甲乙丙丁戊己庚辛", 52.0, 111.0, 12.0); // 52 + 96 = 148
    gl.push(glyph("，", 149.0, 161.0, 111.0, 12.0)); // centre 155 > border 150
    gl.extend(run("乙方", 153.0 + 10.0, 111.0, 12.0));
    // Hanging at the table's right edge.
    gl.extend(run("好好好好好好好好好好好好", 305.0, 141.0, 12.0)); // ends 449
    gl.push(glyph("。", 450.0, 462.0, 141.0, 12.0));
    let bs = blocks(&[page(1, gl, spec.rulings())]);
    let g = grids(&bs)[0];
    assert_eq!(t(g, 0, 0), "甲乙丙丁戊己庚辛，");
    assert_eq!(t(g, 0, 1), "乙方");
    assert_eq!(t(g, 1, 2), "好好好好好好好好好好好好。");
    assert!(texts(&bs).is_empty(), "{bs:?}");
}

#[test]
fn number_with_tiny_comma_and_cjk_latin_gap() {
    let spec = GridSpec::new(&XS, &ys(2, 100.0, 20.0));
    let mut gl = run("19", 152.0, 113.0, 10.0);
    gl.push(glyph(",", 162.0, 163.0, 113.0, 10.0));
    gl.extend(run("206.99", 164.5, 113.0, 10.0));
    gl.extend(run("≥80", 302.0, 113.0, 10.0));
    gl.extend(run("分/月", 302.0 + 20.0 + 3.5, 113.0, 10.0));
    gl.extend(run("82", 302.0, 133.0, 10.0));
    gl.extend(run("分", 312.0 + 3.0, 133.0, 10.0));
    let bs = blocks(&[page(1, gl, spec.rulings())]);
    let g = grids(&bs)[0];
    assert_eq!(t(g, 0, 1), "19,206.99");
    assert_eq!(t(g, 0, 2), "≥80分/月");
    assert_eq!(t(g, 1, 2), "82分");
}

#[test]
fn wrapped_latin_text_gets_one_space() {
    let spec = GridSpec::new(&[50.0, 150.0, 300.0, 374.0], &ys(1, 100.0, 60.0));
    let mut gl = run("Annual", 152.0, 112.0, 10.0);
    gl.extend(run("report", 152.0, 125.0, 10.0));
    gl.extend(run("2021年12月31日", 302.0, 112.0, 10.0));
    gl.extend(run("前", 302.0, 125.0, 10.0));
    let bs = blocks(&[page(1, gl, spec.rulings())]);
    let g = grids(&bs)[0];
    assert_eq!(t(g, 0, 1), "Annual report");
    assert_eq!(t(g, 0, 2), "2021年12月31日前");
}

#[test]
fn text_never_leaks_into_row_above() {
    // A glyph sitting right under a border (its box pokes above it) stays below.
    let spec = GridSpec::new(&XS, &ys(2, 100.0, 20.0));
    let mut gl = run("上", 52.0, 113.0, 10.0);
    gl.extend(run("下面", 52.0, 128.5, 10.0)); // top = 128.5 - 8.8 = 119.7 < border 120
    let bs = blocks(&[page(1, gl, spec.rulings())]);
    let g = grids(&bs)[0];
    assert_eq!(t(g, 0, 0), "上");
    assert_eq!(t(g, 1, 0), "下面");
}

#[test]
fn two_tables_and_text_in_reading_order() {
    let a = GridSpec::new(&XS, &ys(2, 120.0, 20.0));
    let b = GridSpec::new(&[50.0, 250.0, 450.0], &ys(3, 300.0, 20.0));
    let mut gl = run("绩效自评表（2021年度）", 200.0, 80.0, 14.0);
    gl.extend(run("单位：万元", 380.0, 110.0, 10.0));
    gl.extend(a.text(0, 0, 1, "甲"));
    gl.extend(run("中间说明", 50.0, 250.0, 10.0));
    gl.extend(b.text(2, 1, 1, "乙"));
    gl.extend(run("注：1.说明", 50.0, 400.0, 10.0));
    let mut rl = a.rulings();
    rl.extend(b.rulings());
    let bs = blocks(&[page(1, gl, rl)]);
    let kinds: Vec<String> = bs
        .iter()
        .map(|b| match b {
            Block::Text { text, .. } => text.clone(),
            Block::Table(g) => format!("T{}x{}", g.rows, g.cols),
        })
        .collect();
    assert_eq!(
        kinds,
        vec![
            "绩效自评表（2021年度）",
            "单位：万元",
            "T2x3",
            "中间说明",
            "T3x2",
            "注：1.说明"
        ]
    );
    assert!(matches!(bs[0], Block::Text { page: Some(1), .. }));
}

/// A table whose first page part runs to the bottom of page 1 and continues on page 2.
fn two_page_table(repeat_header: bool) -> Vec<Page> {
    let s1 = GridSpec::new(&XS, &ys(30, 100.0, 22.0)); // ends at 760
    let mut g1 = run("标题", 250.0, 80.0, 14.0);
    g1.extend(s1.text(0, 0, 1, "指标"));
    g1.extend(s1.text(0, 1, 1, "预期值"));
    g1.extend(s1.text(0, 2, 1, "实际值"));
    for r in 1..30 {
        g1.extend(s1.text(r, 0, 1, &format!("指标{r}")));
        g1.extend(s1.text(r, 1, 1, "100%"));
    }
    g1.extend(run("-1-", 290.0, 810.0, 9.0));
    let n2 = if repeat_header { 4 } else { 3 };
    let s2 = GridSpec::new(&XS, &ys(n2, 60.0, 22.0));
    let mut g2 = run("第 2 页 共 2 页", 260.0, 30.0, 9.0);
    let mut r0 = 0;
    if repeat_header {
        g2.extend(s2.text(0, 0, 1, "指标"));
        g2.extend(s2.text(0, 1, 1, "预期值"));
        g2.extend(s2.text(0, 2, 1, "实际值"));
        r0 = 1;
    }
    for (i, r) in (r0..n2).enumerate() {
        g2.extend(s2.text(r, 0, 1, &format!("指标{}", 30 + i)));
        g2.extend(s2.text(r, 1, 1, "5次"));
    }
    g2.extend(run("- 2 -", 290.0, 810.0, 9.0));
    vec![page(1, g1, s1.rulings()), page(2, g2, s2.rulings())]
}

#[test]
fn table_over_two_pages_with_repeated_header() {
    let bs = blocks(&two_page_table(true));
    assert_eq!(
        texts(&bs),
        vec!["标题"],
        "furniture must be dropped: {:?}",
        texts(&bs)
    );
    let g = grids(&bs);
    assert_eq!(g.len(), 1);
    let g = g[0];
    check_partition(g);
    assert_eq!(g.pages, Some([1, 2]));
    assert_eq!((g.rows, g.cols), (33, 3));
    assert_eq!(t(g, 30, 0), "指标30");
    assert_eq!(t(g, 32, 0), "指标32");
    assert_eq!(g.cells.iter().filter(|c| c.text == "预期值").count(), 1);
}

#[test]
fn table_over_two_pages_without_header() {
    let bs = blocks(&two_page_table(false));
    let g = grids(&bs);
    assert_eq!(g.len(), 1);
    let g = g[0];
    check_partition(g);
    assert_eq!(g.pages, Some([1, 2]));
    assert_eq!((g.rows, g.cols), (33, 3));
    assert_eq!(t(g, 30, 0), "指标30");
    assert_eq!(t(g, 30, 1), "5次");
}

#[test]
fn table_ending_mid_page_is_not_joined() {
    let mut pages = two_page_table(false);
    // Shorten page 1's table so it ends in the upper half, then add text below? No:
    // keep it the last item but high on the page.
    let s1 = GridSpec::new(&XS, &ys(5, 100.0, 22.0));
    let mut g1 = Vec::new();
    for r in 0..5 {
        g1.extend(s1.text(r, 0, 1, &format!("行{r}")));
    }
    pages[0] = page(1, g1, s1.rulings());
    let bs = blocks(&pages);
    assert_eq!(grids(&bs).len(), 2);
}

#[test]
fn different_columns_are_not_joined() {
    let mut pages = two_page_table(false);
    let s2 = GridSpec::new(&[50.0, 200.0, 450.0], &ys(3, 60.0, 22.0));
    pages[1] = page(2, s2.text(0, 0, 1, "别表"), s2.rulings());
    let bs = blocks(&pages);
    assert_eq!(grids(&bs).len(), 2);
}

/// Page 1: header + rows; the last row's first column holds a label, its second
/// column text continues on page 2 whose first row has an empty first column.
fn split_row_pages(bottom_ruling: bool, key_empty: bool) -> Vec<Page> {
    let mut y1 = ys(30, 100.0, 22.0);
    y1.push(800.0); // last row is tall: 760..800
    let s1 = GridSpec::new(&XS, &y1);
    let mut g1 = s1.text(0, 0, 1, "任务");
    for r in 1..30 {
        g1.extend(s1.text(r, 0, 1, &format!("任务{r}")));
        g1.extend(s1.text(r, 1, 1, "完成"));
    }
    g1.extend(s1.text(30, 0, 1, "创建平安计划"));
    // A line cut by the break fills its cell (14 glyphs of 10 pt in 146 pt).
    g1.extend(s1.text(30, 1, 1, "以改善环境为主要内容最大程度"));
    g1.extend(s1.text(30, 2, 1, "100%"));
    let mut r1 = s1.rulings();
    if !bottom_ruling {
        r1.retain(|r| {
            !(matches!(r.orientation, super::types::Orientation::Horizontal) && r.pos == 800.0)
        });
    }
    let s2 = GridSpec::new(&XS, &ys(2, 60.0, 30.0));
    let mut g2 = Vec::new();
    if !key_empty {
        g2.extend(s2.text(0, 0, 1, "下一任务"));
    }
    g2.extend(s2.text(0, 1, 1, "地预防和降低伤害"));
    g2.extend(s2.text(1, 0, 1, "存在问题"));
    g2.extend(s2.text(1, 1, 1, "一是"));
    vec![page(1, g1, r1), page(2, g2, s2.rulings())]
}

#[test]
fn row_split_across_page_break_is_joined() {
    let bs = blocks(&split_row_pages(true, true));
    let g = grids(&bs);
    assert_eq!(g.len(), 1);
    let g = g[0];
    check_partition(g);
    assert_eq!(g.rows, 32);
    assert_eq!(t(g, 30, 0), "创建平安计划");
    assert_eq!(t(g, 30, 1), "以改善环境为主要内容最大程度地预防和降低伤害");
    assert_eq!(t(g, 30, 2), "100%");
    assert_eq!(t(g, 31, 0), "存在问题");
}

#[test]
fn row_split_detected_by_missing_bottom_ruling() {
    let bs = blocks(&split_row_pages(false, false));
    let g = grids(&bs)[0];
    check_partition(g);
    assert_eq!(g.rows, 32);
    assert_eq!(t(g, 30, 0), "创建平安计划下一任务");
    assert_eq!(t(g, 30, 1), "以改善环境为主要内容最大程度地预防和降低伤害");
}

#[test]
fn new_row_after_page_break_is_not_joined() {
    let bs = blocks(&split_row_pages(true, false));
    let g = grids(&bs)[0];
    check_partition(g);
    assert_eq!(g.rows, 33);
    assert_eq!(t(g, 31, 0), "下一任务");
    assert_eq!(t(g, 30, 1), "以改善环境为主要内容最大程度");
}

#[test]
fn merged_label_continues_over_page_break() {
    // 年度关键指标 spans rows 1.. of page 1 and continues as an empty merged cell on page 2.
    let s1 = GridSpec::new(&XS, &ys(30, 100.0, 22.0)).merge(1, 0, 29, 1);
    let mut g1 = s1.text(0, 0, 1, "部门");
    g1.extend(s1.text(15, 0, 1, "年度关键指标"));
    for r in 0..30 {
        g1.extend(s1.text(r, 1, 1, &format!("指标{r}")));
    }
    let s2 = GridSpec::new(&XS, &ys(4, 60.0, 22.0)).merge(0, 0, 3, 1);
    let mut g2 = Vec::new();
    for r in 0..3 {
        g2.extend(s2.text(r, 1, 1, &format!("续{r}")));
    }
    g2.extend(s2.text(3, 0, 1, "存在问题"));
    let bs = blocks(&[page(1, g1, s1.rulings()), page(2, g2, s2.rulings())]);
    let g = grids(&bs)[0];
    check_partition(g);
    assert_eq!(g.rows, 34);
    let k = cell(g, 31, 0);
    assert_eq!(
        (k.row, k.row_span, k.text.as_str()),
        (1, 32, "年度关键指标")
    );
    assert_eq!(t(g, 30, 1), "续0");
    assert_eq!(t(g, 29, 1), "指标29");
    assert_eq!(t(g, 33, 0), "存在问题");
}

#[test]
fn merged_label_printed_on_the_next_page_only() {
    // A spreadsheet prints the merged label 产出指标 in the part on page 2 only:
    // page 1's part is an empty merged cell; the label covers both pages' rows.
    let s1 = GridSpec::new(&XS, &ys(30, 100.0, 22.0)).merge(27, 0, 3, 1);
    let mut g1 = s1.text(0, 0, 1, "部门");
    for r in 0..30 {
        g1.extend(s1.text(r, 1, 1, &format!("指标{r}")));
    }
    let s2 = GridSpec::new(&XS, &ys(4, 60.0, 22.0)).merge(0, 0, 3, 1);
    let mut g2 = s2.text(1, 0, 1, "产出指标");
    for r in 0..3 {
        g2.extend(s2.text(r, 1, 1, &format!("续{r}")));
    }
    g2.extend(s2.text(3, 0, 1, "存在问题"));
    let bs = blocks(&[page(1, g1, s1.rulings()), page(2, g2, s2.rulings())]);
    let g = grids(&bs)[0];
    check_partition(g);
    assert_eq!(g.rows, 34);
    let k = cell(g, 28, 0);
    assert_eq!((k.row, k.row_span, k.text.as_str()), (27, 6, "产出指标"));
    assert_eq!(t(g, 33, 0), "存在问题");
}

#[test]
fn three_page_table() {
    let mut pages = two_page_table(true);
    let s3 = GridSpec::new(&XS, &ys(2, 60.0, 22.0));
    let mut g3 = s3.text(0, 0, 1, "指标");
    g3.extend(s3.text(0, 1, 1, "预期值"));
    g3.extend(s3.text(0, 2, 1, "实际值"));
    g3.extend(s3.text(1, 0, 1, "最后"));
    // make page 2's table reach the bottom
    let s2 = GridSpec::new(&XS, &ys(32, 60.0, 22.0));
    let mut g2 = s2.text(0, 0, 1, "指标");
    g2.extend(s2.text(0, 1, 1, "预期值"));
    g2.extend(s2.text(0, 2, 1, "实际值"));
    for r in 1..32 {
        g2.extend(s2.text(r, 0, 1, &format!("二{r}")));
    }
    pages[1] = page(2, g2, s2.rulings());
    pages.push(page(3, g3, s3.rulings()));
    let bs = blocks(&pages);
    let g = grids(&bs);
    assert_eq!(g.len(), 1);
    assert_eq!(g[0].pages, Some([1, 3]));
    assert_eq!(g[0].rows, 30 + 31 + 1);
    assert_eq!(t(g[0], 61, 0), "最后");
}

#[test]
fn page_furniture_is_dropped() {
    let mut gl = run("第 1 页 共 3 页", 250.0, 820.0, 9.0);
    gl.extend(run("-1-", 290.0, 30.0, 9.0));
    gl.extend(run("12", 290.0, 835.0, 9.0));
    gl.extend(run("正文第7名", 50.0, 300.0, 10.0));
    gl.extend(run("2021", 50.0, 320.0, 10.0));
    let bs = blocks(&[page(1, gl, vec![])]);
    assert_eq!(texts(&bs), vec!["正文第7名", "2021"]);
}

#[test]
fn borderless_table_has_low_quality() {
    let mut gl = run("单位：万元", 50.0, 80.0, 10.0);
    let rows = [
        ("项目", "预算数", "执行数"),
        ("办公经费", "19,206.99", "18,570.21"),
        ("专项经费", "100", "96"),
        ("合计", "19,306.99", "18,666.21"),
    ];
    for (i, (a, b, c)) in rows.iter().enumerate() {
        let y = 120.0 + 16.0 * i as f32;
        gl.extend(run(a, 50.0, y, 10.0));
        gl.extend(run(b, 200.0, y, 10.0));
        gl.extend(run(c, 330.0, y, 10.0));
    }
    gl.extend(run("以上数据来自决算。", 50.0, 300.0, 10.0));
    let bs = blocks(&[page(1, gl, vec![])]);
    let g = grids(&bs);
    assert_eq!(g.len(), 1, "{bs:#?}");
    let g = g[0];
    check_partition(g);
    assert_eq!((g.rows, g.cols), (4, 3));
    assert_eq!(t(g, 1, 1), "19,206.99");
    assert_eq!(t(g, 3, 0), "合计");
    assert!(g.quality.unwrap() < 0.6);
    assert_eq!(texts(&bs), vec!["单位：万元", "以上数据来自决算。"]);
}

#[test]
fn prose_is_not_a_borderless_table() {
    let mut gl = Vec::new();
    for i in 0..6 {
        gl.extend(run(
            "一是进一步提升绩效指标设置的全面性、准确性，并根据部门职能",
            50.0,
            100.0 + 15.0 * i as f32,
            10.0,
        ));
    }
    let bs = blocks(&[page(1, gl, vec![])]);
    assert!(grids(&bs).is_empty());
    assert_eq!(texts(&bs).len(), 6);
}

#[test]
fn hostile_inputs_do_not_panic() {
    let nan = f32::NAN;
    let mut weird = glyph("x", nan, nan, nan, nan);
    weird.size = -1.0;
    let mut gl = vec![
        weird,
        glyph("", 1.0, 2.0, 3.0, 0.0),
        glyph("y", f32::INFINITY, 1.0, 5.0, 10.0),
    ];
    gl.extend(run("ok", 10.0, 20.0, 0.0));
    let rulings = vec![
        hr(nan, 0.0, 10.0),
        vr(5.0, nan, 1.0),
        hr(10.0, 5.0, 5.0),
        vr(0.0, 0.0, 0.0),
        hr(f32::INFINITY, 0.0, 1.0),
        hr(10.0, 100.0, -100.0),
        vr(0.0, 0.0, 100.0),
    ];
    let p = Page {
        number: 1,
        width: nan,
        height: nan,
        glyphs: gl,
        rulings,
    };
    let _ = blocks(&[p.clone(), p.clone()]);
    let _ = blocks(&[]);
    let _ = blocks(&[page(1, vec![], vec![])]);
    // A dense ruling mesh.
    let mut rl = Vec::new();
    for i in 0..400 {
        rl.push(hr(i as f32 * 2.0, 0.0, 800.0));
        rl.push(vr(i as f32 * 2.0, 0.0, 800.0));
    }
    let _ = blocks(&[page(1, vec![], rl)]);
    // A table of identical glyphs stacked on each other.
    let spec = GridSpec::new(&XS, &ys(2, 100.0, 20.0));
    let gl: Vec<Glyph> = (0..500)
        .flat_map(|_| run("重", 52.0, 113.0, 10.0))
        .collect();
    let bs = blocks(&[page(1, gl, spec.rulings())]);
    assert_eq!(t(grids(&bs)[0], 0, 0), "重");
}

#[test]
fn irregular_merge_stays_a_partition() {
    // An L-shaped region (missing borders forming an L) must still give a partition.
    let spec = GridSpec::new(&XS, &ys(3, 100.0, 20.0));
    let rulings: Vec<Ruling> = spec
        .rulings()
        .into_iter()
        .filter(|r| {
            !((matches!(r.orientation, super::types::Orientation::Vertical)
                && r.pos == 150.0
                && r.start == 100.0)
                || (matches!(r.orientation, super::types::Orientation::Horizontal)
                    && r.pos == 120.0
                    && r.start == 50.0))
        })
        .collect();
    let bs = blocks(&[page(1, vec![], rulings)]);
    let g = grids(&bs)[0];
    check_partition(g);
    assert!(g.quality.unwrap() < 1.0);
}

#[test]
fn running_header_and_footer_do_not_block_joining() {
    let mut pages = two_page_table(true);
    pages[0]
        .glyphs
        .extend(run("某某部门2021年度决算", 230.0, 825.0, 9.0));
    pages[1]
        .glyphs
        .extend(run("某某部门2021年度决算", 230.0, 45.0, 9.0));
    let bs = blocks(&pages);
    let g = grids(&bs);
    assert_eq!(g.len(), 1, "{:?}", texts(&bs));
    assert_eq!(g[0].pages, Some([1, 2]));
    assert_eq!(texts(&bs).len(), 3);
}

#[test]
fn text_after_table_blocks_joining() {
    let mut pages = two_page_table(false);
    pages[0]
        .glyphs
        .extend(run("填报说明：本表数据来自决算。", 50.0, 774.0, 10.0));
    let bs = blocks(&pages);
    assert_eq!(grids(&bs).len(), 2);
}

#[test]
fn overflowing_glyph_stays_in_its_cell() {
    // "5次" where 次 straddles the right border (centre past it), the next cell's
    // text starts after padding on another baseline.
    let spec = GridSpec::new(&XS, &ys(1, 100.0, 40.0));
    let mut gl = run("82分 10% 5", 303.0, 112.0, 9.0); // ends at 303 + 9*... fits
    let end = gl.last().map(|g| g.bbox.x1).unwrap_or(0.0);
    let shift = 446.0 - end;
    for g in &mut gl {
        g.bbox.x0 += shift;
        g.bbox.x1 += shift;
    }
    gl.push(glyph("次", 446.0, 455.0, 112.0, 9.0)); // centre 450.5 > border 450
    gl.extend(run("94%", 400.0, 124.0, 9.0));
    let bs = blocks(&[page(1, gl, spec.rulings())]);
    let g = grids(&bs)[0];
    assert_eq!(squash_ws(&t(g, 0, 2)), "82分10%5次94%");
    assert!(texts(&bs).is_empty());
}

fn squash_ws(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn off_page_glyphs_are_dropped() {
    let mut gl = run("年度关键指标", 50.0, -48.0, 9.0);
    gl.extend(run("正文", 50.0, 300.0, 10.0));
    gl.extend(run("右外", 700.0, 300.0, 10.0));
    let bs = blocks(&[page(1, gl, vec![])]);
    assert_eq!(texts(&bs), vec!["正文"]);
}

#[test]
fn repeated_two_row_header_is_dropped() {
    // Header = 2 rows where the first-row cell spans both rows in column 0.
    let s1 = GridSpec::new(&XS, &ys(30, 100.0, 22.0)).merge(0, 0, 2, 1);
    let s2 = GridSpec::new(&XS, &ys(4, 60.0, 22.0)).merge(0, 0, 2, 1);
    let head = |s: &GridSpec| {
        let mut g = s.text(0, 0, 1, "指标");
        g.extend(s.text(0, 1, 1, "目标"));
        g.extend(s.text(0, 2, 1, "完成"));
        g.extend(s.text(1, 1, 1, "年初"));
        g.extend(s.text(1, 2, 1, "全年"));
        g
    };
    let mut g1 = head(&s1);
    for r in 2..30 {
        g1.extend(s1.text(r, 0, 1, &format!("甲{r}")));
    }
    let mut g2 = head(&s2);
    for r in 2..4 {
        g2.extend(s2.text(r, 0, 1, &format!("乙{r}")));
    }
    let bs = blocks(&[page(1, g1, s1.rulings()), page(2, g2, s2.rulings())]);
    let g = grids(&bs);
    assert_eq!(g.len(), 1);
    assert_eq!(g[0].rows, 32);
    assert_eq!(t(g[0], 30, 0), "乙2");
    assert_eq!(g[0].cells.iter().filter(|c| c.text == "年初").count(), 1);
}

#[test]
fn continuation_with_fewer_column_boundaries() {
    // Page 1 has a column split (header), page 2 rows merge those columns.
    let s1 = GridSpec::new(&XS, &ys(30, 100.0, 22.0));
    let mut g1 = Vec::new();
    for r in 0..30 {
        g1.extend(s1.text(r, 0, 1, &format!("甲{r}")));
    }
    let s2 = GridSpec::new(&[50.0, 150.0, 450.0], &ys(2, 60.0, 22.0));
    let mut g2 = s2.text(0, 0, 1, "乙0");
    g2.extend(s2.text(0, 1, 1, "宽单元格"));
    g2.extend(s2.text(1, 0, 1, "乙1"));
    let bs = blocks(&[page(1, g1, s1.rulings()), page(2, g2, s2.rulings())]);
    let g = grids(&bs);
    assert_eq!(g.len(), 1);
    let g = g[0];
    check_partition(g);
    assert_eq!((g.rows, g.cols), (32, 3));
    let k = cell(g, 30, 1);
    assert_eq!((k.col, k.col_span, k.text.as_str()), (1, 2, "宽单元格"));
}

#[test]
fn deterministic_output() {
    let pages = two_page_table(true);
    assert_eq!(blocks(&pages), blocks(&pages));
}

/// Tiny deterministic PRNG for the randomized tests.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn f(&mut self, lo: f32, hi: f32) -> f32 {
        lo + (hi - lo) * (self.next() % 10_000) as f32 / 10_000.0
    }
    fn n(&mut self, k: u64) -> usize {
        (self.next() % k.max(1)) as usize
    }
}

#[test]
fn randomized_pages_always_give_partitions() {
    let rounds: usize = std::env::var("JIXIAO_FUZZ_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let seed: u64 = std::env::var("JIXIAO_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(42);
    let mut rng = Lcg(seed);
    for round in 0..rounds {
        let mut pages = Vec::new();
        for pn in 1..=1 + rng.n(3) {
            let ncol = 1 + rng.n(6);
            let nrow = 1 + rng.n(25);
            let mut xs = vec![rng.f(20.0, 80.0)];
            for _ in 0..ncol {
                let last = xs[xs.len() - 1];
                xs.push(last + rng.f(5.0, 120.0));
            }
            let top = rng.f(0.0, 300.0);
            let mut ys = vec![top];
            for _ in 0..nrow {
                let last = ys[ys.len() - 1];
                ys.push(last + rng.f(4.0, 40.0));
            }
            let mut spec = GridSpec::new(&xs, &ys);
            for _ in 0..rng.n(4) {
                let (r, c) = (rng.n(nrow as u64), rng.n(ncol as u64));
                let rs = 1 + rng.n((nrow - r) as u64);
                let cs = 1 + rng.n((ncol - c) as u64);
                spec = spec.merge(r, c, rs, cs);
            }
            let mut rulings: Vec<Ruling> = Vec::new();
            for r in spec.rulings() {
                if rng.n(10) != 0 {
                    let (dp, ds, de) = (rng.f(-1.0, 1.0), rng.f(-2.0, 3.0), rng.f(-2.0, 3.0));
                    rulings.push(Ruling {
                        pos: r.pos + dp,
                        start: r.start - ds,
                        end: r.end + de,
                        ..r
                    });
                }
            }
            if round % 7 == 0 {
                rulings.push(hr(f32::NAN, 0.0, 1.0));
            }
            let mut glyphs = Vec::new();
            for _ in 0..rng.n(200) {
                let t = ["中", "a", "1", "，", "%", " ", "。", ","][rng.n(8)];
                let x = rng.f(0.0, 700.0);
                let sz = rng.f(0.0, 16.0);
                glyphs.push(glyph(
                    t,
                    x,
                    x + sz * rng.f(0.0, 1.0),
                    rng.f(-20.0, 900.0),
                    sz,
                ));
            }
            pages.push(page(pn, glyphs, rulings));
        }
        for b in blocks(&pages) {
            if let Block::Table(g) = b {
                check_partition(&g);
                let q = g.quality.unwrap_or(-1.0);
                assert!((0.0..=1.0).contains(&q));
            }
        }
    }
}

#[test]
fn large_hostile_page_is_fast() {
    let mut rng = Lcg(7);
    let mut rulings = Vec::new();
    for _ in 0..10_000 {
        let (a, b) = (rng.f(0.0, 800.0), rng.f(0.0, 800.0));
        let o = if rng.n(2) == 0 { hr } else { vr };
        rulings.push(o(rng.f(0.0, 800.0), a.min(b), a.max(b)));
    }
    let glyphs: Vec<Glyph> = (0..20_000)
        .map(|_| {
            let x = rng.f(0.0, 800.0);
            glyph("字", x, x + 10.0, rng.f(0.0, 800.0), 10.0)
        })
        .collect();
    let t = std::time::Instant::now();
    let _ = blocks(&[page(1, glyphs, rulings)]);
    assert!(t.elapsed().as_secs_f32() < 20.0, "took {:?}", t.elapsed());
}

#[test]
fn same_template_forms_on_consecutive_pages_are_not_joined() {
    // Each form's table starts with a full-width title row inside the ruling.
    let mk = |n: usize, rows: usize, top: f32, name: &str| {
        let spec = GridSpec::new(&XS, &ys(rows, top, 22.0)).merge(0, 0, 1, 3);
        let mut g = spec.text(0, 0, 3, "项目支出绩效自评表");
        g.extend(spec.text(1, 0, 1, "项目名称"));
        g.extend(spec.text(1, 1, 1, name));
        for r in 2..rows {
            g.extend(spec.text(r, 0, 1, &format!("指标{r}")));
        }
        page(n, g, spec.rulings())
    };
    let bs = blocks(&[mk(1, 30, 100.0, "甲项目"), mk(2, 10, 60.0, "乙项目")]);
    let g = grids(&bs);
    assert_eq!(g.len(), 2);
    assert_eq!(g[1].pages, Some([2, 2]));
    assert_eq!(t(g[1], 1, 1), "乙项目");
}

#[test]
fn continuation_marker_does_not_block_joining() {
    let mut pages = two_page_table(true);
    pages[1].glyphs.extend(run("（续表）", 50.0, 55.0, 10.0));
    let bs = blocks(&pages);
    assert_eq!(grids(&bs).len(), 1);
    assert_eq!(texts(&bs), vec!["标题"]);
}

#[test]
fn borderless_wrapped_cell_and_single_label_row() {
    let mut gl = Vec::new();
    let y = |i: usize| 120.0 + 14.0 * i as f32;
    gl.extend(run("项目", 50.0, y(0), 10.0));
    gl.extend(run("说明", 200.0, y(0), 10.0));
    gl.extend(run("金额", 400.0, y(0), 10.0));
    gl.extend(run("办公经费", 50.0, y(1), 10.0));
    gl.extend(run("用于日常办公用品购置及设备", 200.0, y(1), 10.0));
    gl.extend(run("100", 400.0, y(1), 10.0));
    gl.extend(run("维护", 200.0, y(2), 10.0)); // wrapped line of the 说明 cell
    gl.extend(run("专项经费", 50.0, y(3), 10.0));
    gl.extend(run("会议", 200.0, y(3), 10.0));
    gl.extend(run("200", 400.0, y(3), 10.0));
    gl.extend(run("合计", 50.0, y(4), 10.0)); // a line with only a label
    let bs = blocks(&[page(1, gl, vec![])]);
    let g = grids(&bs);
    assert_eq!(g.len(), 1, "{bs:#?}");
    let g = g[0];
    check_partition(g);
    // The run ends at its last multi-column line: the lone 合计 stays text.
    assert_eq!(g.rows, 3, "{g:#?}");
    assert_eq!(texts(&bs), vec!["合计"]);
    assert_eq!(t(g, 1, 1), "用于日常办公用品购置及设备维护");
    assert_eq!(t(g, 2, 0), "专项经费");
}

#[test]
fn borderless_label_only_row_inside_is_its_own_row() {
    let mut gl = Vec::new();
    let y = |i: usize| 120.0 + 14.0 * i as f32;
    for (i, (a, b)) in [("甲", "1"), ("乙", "2")].iter().enumerate() {
        gl.extend(run(a, 50.0, y(i), 10.0));
        gl.extend(run(b, 300.0, y(i), 10.0));
    }
    gl.extend(run("其中", 50.0, y(2), 10.0));
    for (i, (a, b)) in [("丙", "3"), ("丁", "4")].iter().enumerate() {
        gl.extend(run(a, 50.0, y(3 + i), 10.0));
        gl.extend(run(b, 300.0, y(3 + i), 10.0));
    }
    let bs = blocks(&[page(1, gl, vec![])]);
    let g = grids(&bs)[0];
    assert_eq!(g.rows, 5);
    assert_eq!(t(g, 2, 0), "其中");
    assert_eq!(t(g, 2, 1), "");
}

#[test]
fn long_overshoot_does_not_add_columns() {
    // Every horizontal ruling overshoots 10pt left and right, verticals 10pt down.
    let p = simple_page();
    let rulings: Vec<Ruling> = p
        .rulings
        .iter()
        .map(|r| match r.orientation {
            super::types::Orientation::Horizontal => Ruling {
                start: r.start - 10.0,
                end: r.end + 10.0,
                ..*r
            },
            super::types::Orientation::Vertical => Ruling {
                end: r.end + 10.0,
                ..*r
            },
        })
        .collect();
    let bs = blocks(&[Page { rulings, ..p }]);
    let g = grids(&bs)[0];
    check_partition(g);
    assert_eq!((g.rows, g.cols, g.cells.len()), (3, 3, 9));
    assert_eq!(t(g, 2, 2), "格22");
    assert_eq!(g.quality, Some(1.0));
}

#[test]
fn overshooting_verticals_do_not_fake_a_split_row() {
    let mut pages = two_page_table(false);
    for r in &mut pages[0].rulings {
        if r.orientation == super::types::Orientation::Vertical {
            r.end += 10.0;
        }
    }
    for r in &mut pages[1].rulings {
        if r.orientation == super::types::Orientation::Vertical {
            r.start -= 10.0;
        }
    }
    let bs = blocks(&pages);
    let g = grids(&bs);
    assert_eq!(g.len(), 1);
    assert_eq!(g[0].rows, 33);
    assert_eq!(t(g[0], 29, 0), "指标29");
    assert_eq!(t(g[0], 30, 0), "指标30");
}

/// A header row (20pt, one line per cell) and one ruled body row 60pt high
/// holding, per column, the given lines at the given baselines (offsets from
/// the body row's top).
fn unruled_page(body: &[Vec<(&str, f32)>]) -> Page {
    let spec = GridSpec::new(&XS, &[100.0, 120.0, 180.0]);
    let mut gl = Vec::new();
    for c in 0..3 {
        gl.extend(spec.text(0, c, 1, &format!("列{c}")));
    }
    for (c, lines) in body.iter().enumerate() {
        for (s, off) in lines {
            gl.extend(run(s, XS[c] + 2.0, 120.0 + off, 10.0));
        }
    }
    page(1, gl, spec.rulings())
}

#[test]
fn unruled_rows_split_where_every_column_starts_a_line() {
    let col = |k: usize| vec![(["甲", "乙", "丙"][k], 11.0), ("二", 31.0), ("三", 51.0)];
    let bs = blocks(&[unruled_page(&[col(0), col(1), col(2)])]);
    let g = grids(&bs)[0];
    check_partition(g);
    assert_eq!((g.rows, g.cols), (4, 3), "{g:#?}");
    assert_eq!([t(g, 1, 0), t(g, 2, 1), t(g, 3, 2)], ["甲", "二", "三"]);
}

#[test]
fn unruled_rows_need_every_column() {
    // The second column holds one line only: its cell may be a label for the
    // three lines beside it; nothing is split.
    let many = vec![("甲", 11.0), ("二", 31.0), ("三", 51.0)];
    let bs = blocks(&[unruled_page(&[many.clone(), vec![("一行", 11.0)], many])]);
    let g = grids(&bs)[0];
    assert_eq!(g.rows, 2, "{g:#?}");
    assert_eq!(t(g, 1, 1), "一行");
}

#[test]
fn wrapped_cells_at_paragraph_leading_are_not_split() {
    // Every column wraps a long text at 13pt leading (the header's rows are
    // 20pt): no row split, each cell keeps its wrapped text.
    let spec = GridSpec::new(&XS, &[100.0, 120.0, 180.0]);
    let mut gl = Vec::new();
    for c in 0..3 {
        gl.extend(spec.text(0, c, 1, &format!("列{c}")));
        gl.extend(spec.text(1, c, 1, &"绩效目标完成情况良好资金使用规范".repeat(2)));
    }
    let bs = blocks(&[page(1, gl, spec.rulings())]);
    let g = grids(&bs)[0];
    assert_eq!(g.rows, 2, "{g:#?}");
    assert_eq!(t(g, 1, 2), "绩效目标完成情况良好资金使用规范".repeat(2));
}
