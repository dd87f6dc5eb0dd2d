//! Grids however they are drawn (samples/make/make_grids.py): filled cell
//! backgrounds, white lines on a fill, a table nested in a cell, rows without
//! rules inside a ruled table, a table turned on an upright page. Each sample's
//! expected tables (samples/pdf/grid_*.expected.json) come from the generator's
//! own data; this test asserts the exact grids: the number of tables, their
//! rows and columns, every cell's spans and its text (white space removed),
//! and that each is read as a ruled table (quality 1).

mod common;

use common::{grids, squash};

fn expected(name: &str) -> Vec<Vec<Vec<String>>> {
    let path = common::root().join(format!("samples/pdf/grid_{name}.expected.json"));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("expected")).unwrap();
    serde_json::from_value(v["tables"].clone()).unwrap()
}

/// `(table, row, col, row_span, col_span)` of the spanning cells; every other
/// cell spans one slot.
fn check(name: &str, spans: &[(usize, usize, usize, usize, usize)]) {
    let want = expected(name);
    let got = grids(&format!("samples/pdf/grid_{name}.pdf"));
    assert_eq!(got.len(), want.len(), "{name}: tables {got:#?}");
    for (t, (g, rows)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g.rows, rows.len(), "{name} table {t}: rows {g:#?}");
        assert_eq!(g.cols, rows[0].len(), "{name} table {t}: cols {g:#?}");
        assert_eq!(g.quality, Some(1.0), "{name} table {t}: quality");
        let mut covered = vec![vec![false; g.cols]; g.rows];
        for c in &g.cells {
            let (rs, cs) = spans
                .iter()
                .find(|s| (s.0, s.1, s.2) == (t, c.row, c.col))
                .map_or((1, 1), |s| (s.3, s.4));
            assert_eq!(
                (c.row_span, c.col_span),
                (rs, cs),
                "{name} table {t}: spans of cell ({}, {})",
                c.row,
                c.col
            );
            assert_eq!(
                squash(&c.text),
                squash(&rows[c.row][c.col]),
                "{name} table {t}: text of cell ({}, {})",
                c.row,
                c.col
            );
            for row in covered.iter_mut().skip(c.row).take(c.row_span) {
                for slot in row.iter_mut().skip(c.col).take(c.col_span) {
                    assert!(!*slot, "{name} table {t}: cells overlap");
                    *slot = true;
                }
            }
        }
        assert!(
            covered.iter().flatten().all(|&c| c),
            "{name} table {t}: every slot has a cell"
        );
    }
}

#[test]
fn filled_cell_backgrounds_make_the_grid() {
    // Two header rows: 项目 spans both, 金额（万元） spans three columns.
    check("filled", &[(0, 0, 0, 2, 1), (0, 0, 1, 1, 3)]);
}

#[test]
fn white_lines_on_a_fill_make_the_grid() {
    // The last row's 合计 spans two columns (no white line inside it); the white
    // line across the white page below makes no table.
    let rows = expected("white_lines")[0].len();
    check("white_lines", &[(0, rows - 1, 0, 1, 2)]);
}

#[test]
fn nested_table_keeps_its_own_cells() {
    // Two grids: the outer one (its cell (1, 2) keeps only its own line) and
    // the inner one, after it.
    check("nested", &[]);
}

#[test]
fn unruled_rows_split_by_baselines_but_not_wrapped_cells() {
    // Header, three entries split out of one ruled row (the second one's first
    // column wrapped to two lines and stays one cell), a ruled row whose second
    // column wraps, a ruled row of two-line labels at paragraph leading.
    check("unruled_rows", &[]);
}

#[test]
fn table_turned_on_an_upright_page_reads_in_its_own_orientation() {
    check("rotated", &[]);
}
