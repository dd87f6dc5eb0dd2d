//! Tests on real page models (pdfplumber-derived, tests/expected/pdf/*.page.json,
//! made by samples/make/) of the seed form rendered by several producers.
//! They test the table stage alone, independent of our PDF reader.

use super::text::squash;
use super::types::{Block, Grid, Page};
use super::{TableSettings, from_pages};
use std::collections::HashMap;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/expected/pdf");
const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/samples/text/000_5db012f121f01c6e.txt"
);

fn load(name: &str) -> Option<Vec<Page>> {
    let data = std::fs::read_to_string(format!("{DIR}/{name}.page.json")).ok()?;
    serde_json::from_str(&data).ok()
}

/// pdfplumber's extract_tables per page: pages → tables → rows → cells (null = merged).
type PlumberTables = Vec<Vec<Vec<Vec<Option<String>>>>>;

fn plumber(name: &str) -> Option<PlumberTables> {
    let data = std::fs::read_to_string(format!("{DIR}/{name}.pdfplumber.json")).ok()?;
    serde_json::from_str(&data).ok()
}

/// The seed's table cell texts (fields of tab-separated lines), whitespace removed.
fn seed_cells() -> Vec<String> {
    let data = std::fs::read_to_string(SEED).expect("seed sample");
    data.lines()
        .filter(|l| l.contains('\t'))
        .flat_map(|l| l.split('\t'))
        .map(squash)
        .filter(|t| !t.is_empty())
        .collect()
}

fn grids(bs: &[Block]) -> Vec<&Grid> {
    bs.iter()
        .filter_map(|b| match b {
            Block::Table(g) => Some(g),
            _ => None,
        })
        .collect()
}

/// Fraction of `wanted` found in `have` (multiset, whitespace-free exact match), and the misses.
fn recall(wanted: &[String], have: &[String]) -> (usize, usize, Vec<String>) {
    let mut pool: HashMap<&str, usize> = HashMap::new();
    for h in have {
        *pool.entry(h.as_str()).or_default() += 1;
    }
    let mut hit = 0;
    let mut miss = Vec::new();
    for w in wanted {
        match pool.get_mut(w.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                hit += 1;
            }
            _ => miss.push(w.clone()),
        }
    }
    (hit, wanted.len(), miss)
}

struct Report {
    seed: (usize, usize, Vec<String>),
    exact: (usize, usize),
    plumber_seed: (usize, usize),
    vs_plumber: (usize, usize),
}

fn check(name: &str) -> Option<(Vec<Block>, Report)> {
    let pages = load(name)?;
    let bs = from_pages(&pages, &TableSettings::default());
    let ours: Vec<String> = grids(&bs)
        .iter()
        .flat_map(|g| g.cells.iter().map(|c| squash(&c.text)))
        .filter(|t| !t.is_empty())
        .collect();
    let seed = seed_cells();
    let pl: Vec<String> = plumber(name)
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .flatten()
        .flatten()
        .flatten()
        .map(|t| squash(&t))
        .filter(|t| !t.is_empty())
        .collect();
    let s = recall(&seed, &ours);
    let exact_seed: Vec<String> = std::fs::read_to_string(SEED)
        .unwrap_or_default()
        .lines()
        .filter(|l| l.contains('\t'))
        .flat_map(|l| {
            l.split('\t')
                .map(|t| t.trim().to_string())
                .collect::<Vec<_>>()
        })
        .filter(|t| !t.is_empty())
        .collect();
    let exact_ours: Vec<String> = grids(&bs)
        .iter()
        .flat_map(|g| g.cells.iter().map(|c| super::joined_text(&c.text)))
        .filter(|t| !t.is_empty())
        .collect();
    let ex = recall(&exact_seed, &exact_ours);
    println!(
        "{name}: seed cells with exact text (spaces too): {}/{}; differing: {:?}",
        ex.0,
        ex.1,
        ex.2.iter()
            .map(|t| t.chars().take(30).collect::<String>())
            .collect::<Vec<_>>()
    );
    let ps = recall(&seed, &pl);
    let vp = recall(&pl, &ours);
    println!(
        "{name}: seed cells {}/{} (pdfplumber {}/{}), pdfplumber cells recalled {}/{} = {:.1}%",
        s.0,
        s.1,
        ps.0,
        ps.1,
        vp.0,
        vp.1,
        100.0 * vp.0 as f32 / vp.1.max(1) as f32
    );
    if !s.2.is_empty() && name.starts_with("seed") {
        println!("  missing seed cells: {:?}", s.2);
    }
    if !vp.2.is_empty() {
        println!(
            "  pdfplumber cells not matched: {:?}",
            vp.2.iter()
                .map(|t| t.chars().take(24).collect::<String>())
                .collect::<Vec<_>>()
        );
    }
    Some((
        bs,
        Report {
            seed: s,
            exact: (ex.0, ex.1),
            plumber_seed: (ps.0, ps.1),
            vs_plumber: (vp.0, vp.1),
        },
    ))
}

/// 年度关键指标 spans from the 关键指标 header row to the 居民幸福感满意度 row.
fn assert_key_indicator_span(name: &str, bs: &[Block]) {
    let g = grids(bs)
        .into_iter()
        .find(|g| g.cells.iter().any(|c| c.text == "年度关键指标"));
    let g = g.unwrap_or_else(|| panic!("{name}: no 年度关键指标 grid"));
    let label = g
        .cells
        .iter()
        .find(|c| c.text == "年度关键指标")
        .expect("label");
    let head = g
        .cells
        .iter()
        .find(|c| c.text == "关键指标")
        .expect("header");
    let last = g
        .cells
        .iter()
        .find(|c| squash(&c.text) == "居民幸福感满意度")
        .expect("last indicator");
    assert_eq!(label.row, head.row, "{name}");
    assert_eq!(
        label.row + label.row_span - 1,
        last.row,
        "{name}: 年度关键指标 must span all indicator rows"
    );
    assert_eq!(label.row_span, 16, "{name}");
}

fn run_fixture(name: &str) {
    let (bs, r) = check(name).unwrap_or_else(|| panic!("{name}: fixture missing"));
    assert_eq!(
        r.seed.0, r.seed.1,
        "{name}: seed cells missing: {:?}",
        r.seed.2
    );
    assert_key_indicator_span(name, &bs);
    // Exact text (spaces too) may differ only where a producer dropped the space
    // of a line break between two CJK words (ambiguous by construction).
    assert!(r.exact.0 + 5 >= r.exact.1, "{name}: exact {:?}", r.exact);
    let texts: Vec<&str> = bs
        .iter()
        .filter_map(|b| match b {
            Block::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        texts.len(),
        2,
        "{name}: only title and unit outside tables: {texts:?}"
    );
    assert!(texts[0].contains("部门整体支出绩效自评表"), "{name}");
    assert_eq!(squash(texts[1]), "单位:万元", "{name}");
    // Two tables: the main form and the 主要任务 table (the seed dump's blank line).
    let gs = grids(&bs);
    assert_eq!(gs.len(), 2, "{name}");
    assert_eq!(gs[1].rows, 7, "{name}: 主要任务 table rows");
    for g in gs {
        assert!(g.quality.unwrap_or(0.0) >= 0.9, "{name}");
    }
    assert!(
        r.seed.0 >= r.plumber_seed.0,
        "{name}: seed cells {:?} fewer than pdfplumber {:?}",
        r.seed,
        r.plumber_seed
    );
    let _ = r.vs_plumber;
}

#[test]
fn real_seed_reportlab() {
    run_fixture("seed_reportlab");
}

#[test]
fn real_seed_gbk() {
    run_fixture("seed_gbk");
}

#[test]
fn real_seed_gbk_embedded() {
    run_fixture("seed_gbk_embedded");
}

#[test]
fn real_seed_fpdf2() {
    run_fixture("seed_fpdf2");
}

#[test]
fn real_seed_xlsx() {
    run_fixture("seed_xlsx");
    if let Some(pages) = load("seed_xlsx") {
        let bs = from_pages(&pages, &TableSettings::default());
        let gs = grids(&bs);
        assert_eq!(gs[0].pages, Some([1, 2]));
        assert_eq!(gs[1].pages, Some([2, 3]));
    }
}

#[test]
fn real_seed_docx_split_rows_joined() {
    run_fixture("seed_docx");
    let Some(pages) = load("seed_docx") else {
        return;
    };
    let bs = from_pages(&pages, &TableSettings::default());
    let gs = grids(&bs);
    assert_eq!(gs[1].pages, Some([2, 6]));
    // Each 主要任务 row is split over a page break; each must be ONE row with the full text.
    let g = gs[1];
    let seed = std::fs::read_to_string(SEED).unwrap_or_default();
    for label in [
        "公共配套设施建设计划",
        "产业转型升级计划",
        "城乡社区管理及环境整治计划",
        "创建平安美丽永和计划",
    ] {
        let line = seed
            .lines()
            .find(|l| l.starts_with(label))
            .expect("seed row");
        let want: Vec<String> = line.split('\t').map(squash).collect();
        let row = g
            .cells
            .iter()
            .find(|c| squash(&c.text) == label)
            .expect("label cell")
            .row;
        let got: Vec<String> = g
            .cells
            .iter()
            .filter(|c| c.row == row)
            .map(|c| squash(&c.text))
            .collect();
        assert_eq!(got, want, "row {label}");
    }
    // Repeated header rows dropped.
    assert_eq!(g.cells.iter().filter(|c| c.text == "主要任务").count(), 1);
}

#[test]
fn real_rotate90_and_scan_do_not_panic() {
    for name in ["rotate90", "scan"] {
        if let Some(pages) = load(name) {
            let bs = from_pages(&pages, &TableSettings::default());
            if name == "scan" {
                assert!(bs.is_empty());
            } else {
                let _ = check(name);
                assert_eq!(grids(&bs).len(), 1);
            }
        }
    }
}
