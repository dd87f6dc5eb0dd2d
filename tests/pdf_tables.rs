//! `jixiao tables` on the PDF samples, through our own reader and table
//! stage: every cell of the seed form is recovered (exact text once white
//! space is removed), at least as many as pdfplumber's `extract_tables()`
//! finds (tests/expected/pdf/*.pdfplumber.json, made by samples/make/), and
//! each sample's grids equal its reviewed expected grids in
//! tests/expected/grids/ (`JIXIAO_BLESS=1` re-writes them).

mod common;

use common::{grids, squash};

use std::collections::HashMap;

use jixiao::table::Grid;

/// The seed's non-empty table cells, white space removed.
fn seed_cells() -> Vec<String> {
    let text =
        std::fs::read_to_string(common::root().join("samples/text/000_5db012f121f01c6e.txt"))
            .unwrap();
    text.lines()
        .filter(|l| l.contains('\t'))
        .flat_map(|l| l.split('\t'))
        .map(squash)
        .filter(|t| !t.is_empty())
        .collect()
}

/// How many of `wanted` (a multiset) are among `have`.
fn recalled(wanted: &[String], have: impl IntoIterator<Item = String>) -> usize {
    let mut pool: HashMap<String, usize> = HashMap::new();
    for h in have {
        *pool.entry(h).or_default() += 1;
    }
    wanted
        .iter()
        .filter(|w| {
            pool.get_mut(*w).is_some_and(|n| {
                let hit = *n > 0;
                *n = n.saturating_sub(1);
                hit
            })
        })
        .count()
}

fn plumber_cells(name: &str) -> Vec<String> {
    let path = common::root().join(format!("tests/expected/pdf/{name}.pdfplumber.json"));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut out = Vec::new();
    for page in v.as_array().unwrap() {
        for table in page.as_array().unwrap() {
            for row in table.as_array().unwrap() {
                for cell in row.as_array().unwrap() {
                    if let Some(t) = cell.as_str() {
                        out.push(squash(t));
                    }
                }
            }
        }
    }
    out
}

fn check(name: &str) {
    let sample = format!("samples/pdf/{name}.pdf");
    let gs = grids(&sample);
    let seed = seed_cells();
    let ours = recalled(
        &seed,
        gs.iter()
            .flat_map(|g| g.cells.iter().map(|c| squash(&c.text))),
    );
    let theirs = recalled(&seed, plumber_cells(name));
    println!(
        "{name}: seed cells recovered: jixiao {ours}/{n}, pdfplumber {theirs}/{n}",
        n = seed.len()
    );
    assert_eq!(ours, seed.len(), "{name}: every seed cell");
    assert!(ours >= theirs, "{name}");
    // The merged 年度关键指标 label spans its 16 indicator rows (header + 15).
    let label = gs
        .iter()
        .flat_map(|g| &g.cells)
        .find(|c| squash(&c.text) == "年度关键指标")
        .expect("label cell");
    assert_eq!(label.row_span, 16, "{name}");
    golden(name, &gs);
}

fn golden(name: &str, gs: &[Grid]) {
    let path = common::root().join(format!("tests/expected/grids/{name}.json"));
    if std::env::var_os("JIXIAO_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, serde_json::to_string_pretty(gs).unwrap() + "\n").unwrap();
        return;
    }
    let want: Vec<Grid> =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("expected grids")).unwrap();
    assert_eq!(gs.len(), want.len(), "{name}: table count");
    for (i, (g, w)) in gs.iter().zip(&want).enumerate() {
        assert_eq!(
            (g.rows, g.cols, g.pages),
            (w.rows, w.cols, w.pages),
            "{name} table {i}"
        );
        assert_eq!(g.cells.len(), w.cells.len(), "{name} table {i}: cells");
        // As the golden file holds them (a cell's page and box are not in
        // the JSON of grids).
        for (c, d) in g.cells.iter().zip(&w.cells) {
            assert_eq!(
                serde_json::to_value(c).unwrap(),
                serde_json::to_value(d).unwrap(),
                "{name} table {i}"
            );
        }
    }
}

#[test]
fn reportlab() {
    check("seed_reportlab");
}

#[test]
fn gbk() {
    check("seed_gbk");
}

#[test]
fn gbk_embedded() {
    check("seed_gbk_embedded");
}

#[test]
fn docx_over_six_pages() {
    check("seed_docx");
}

#[test]
fn xlsx_landscape() {
    check("seed_xlsx");
}

#[test]
fn fpdf2() {
    check("seed_fpdf2");
}
