//! Joining tables that continue over consecutive pages.
//!
//! Rules (all tolerances in [`TableSettings`]):
//! * **Continuation**: table A is the last item on its page and ends below
//!   `continuation_bottom_frac` of the page height, table B is the first item on the
//!   next page (furniture already removed) and starts above `continuation_top_frac`,
//!   the outer left/right borders agree within `column_match_tolerance`, and one
//!   part's column boundaries are a subset of the other's. The joined grid uses the
//!   union of both parts' column boundaries.
//! * **Repeated header**: the largest k ≤ `max_header_rows` such that B's first k rows
//!   are cut cleanly (no cell spans row k) and hold the same cells (position, spans,
//!   whitespace-free text, at least one non-empty) as A's first k rows → dropped.
//! * **Vertical continuation** (a merged label such as 年度关键指标 running over the
//!   break): in a column where A's bottom cell and B's top cell have the same column
//!   range, B's is empty, and either of them spans several rows → one cell; or A's
//!   spans several rows and is empty while B's has text (the label printed only in
//!   the part on the next page) → one cell with B's text.
//! * **Split row**: B's first row is the rest of A's last row when either
//!   (a) rulings: A's bottom border is missing while its top border is drawn, or B's
//!   top border is missing while its bottom border is drawn; or
//!   (b) text: in the "key" column (leftmost column whose A cell belongs to A's last
//!   row only), A's cell has text, B's top cell (one row high) is empty, and some other
//!   such column of B's first row has text — a new row would have its key filled.
//!   The two rows then become one; their cells' texts are joined like wrapped lines.
//! * **Same template, new table**: not joined when both parts start with a
//!   full-width (title) row, or when the rows B repeats from A's top are only
//!   full-width title rows — one PDF holding many 项目支出绩效自评表 of one template.

use super::edges::cluster_positions;
use super::lattice::{RawCell, RawTable, merge_overlaps};
use super::settings::TableSettings;
use super::text::{join_split, join_wrapped, squash};
use super::types::Page;

/// Whether `b` (first item of `next`) continues `a` (last item of `prev`).
pub(crate) fn continues(
    a: &RawTable,
    b: &RawTable,
    prev: &Page,
    next: &Page,
    s: &TableSettings,
) -> bool {
    if !s.join_pages || a.xs.len() < 2 || b.xs.len() < 2 || b.ys.is_empty() {
        return false;
    }
    let ok_h = |h: f32| h.is_finite() && h > 0.0;
    if ok_h(prev.height) && a.last_bottom < s.continuation_bottom_frac * prev.height {
        return false;
    }
    if ok_h(next.height) && b.ys[0] > s.continuation_top_frac * next.height {
        return false;
    }
    let tol = s.column_match_tolerance;
    let (ax0, ax1) = (a.xs[0], a.xs[a.xs.len() - 1]);
    let (bx0, bx1) = (b.xs[0], b.xs[b.xs.len() - 1]);
    if (ax0 - bx0).abs() > tol || (ax1 - bx1).abs() > tol {
        return false;
    }
    let subset = |p: &[f32], q: &[f32]| p.iter().all(|x| q.iter().any(|y| (x - y).abs() <= tol));
    subset(&a.xs, &b.xs) || subset(&b.xs, &a.xs)
}

fn nearest(xs: &[f32], x: f32) -> usize {
    let mut best = 0;
    for (i, &v) in xs.iter().enumerate() {
        if (v - x).abs() < (xs[best] - x).abs() {
            best = i;
        }
    }
    best
}

fn remap_cols(t: &mut RawTable, unified: &[f32]) {
    let m: Vec<usize> = t.xs.iter().map(|&x| nearest(unified, x)).collect();
    for c in &mut t.cells {
        c.c0 = m[c.c0];
        c.c1 = m[c.c1].max(c.c0 + 1);
    }
    t.xs = unified.to_vec();
}

fn clean_cut(t: &RawTable, k: usize) -> bool {
    !t.cells.iter().any(|c| c.r0 < k && c.r1 > k)
}

fn head(t: &RawTable, k: usize) -> Vec<(usize, usize, usize, usize, String)> {
    let mut v: Vec<_> = t
        .cells
        .iter()
        .filter(|c| c.r1 <= k)
        .map(|c| (c.r0, c.r1, c.c0, c.c1, squash(&c.text)))
        .collect();
    v.sort();
    v
}

/// Whether row `r` of `t` is one cell spanning the full width (a title row).
fn full_width_row(t: &RawTable, r: usize) -> bool {
    let starts: Vec<&RawCell> = t.cells.iter().filter(|c| c.r0 <= r && c.r1 > r).collect();
    starts.len() == 1 && starts[0].c0 == 0 && starts[0].c1 == t.ncols()
}

/// Append `b` (geometrically continuing `a`) to `a` (→ None). Returns `b` back,
/// `a` untouched, when `b` rather starts a new table of the same template: its first
/// row is a full-width title row like `a`'s, or the rows it shares with `a`'s top
/// are only such title rows.
pub(crate) fn join(a: &mut RawTable, b: RawTable, s: &TableSettings) -> Option<RawTable> {
    if a.nrows > 0 && b.nrows > 0 && full_width_row(a, 0) && full_width_row(&b, 0) {
        return Some(b);
    }
    let original = b.clone();
    let mut b = b;
    let mut all: Vec<f32> = a.xs.clone();
    all.extend(&b.xs);
    let unified = cluster_positions(&all, s.column_match_tolerance);
    let a_before = a.clone();
    remap_cols(a, &unified);
    remap_cols(&mut b, &unified);

    // Repeated header.
    let kmax = s.max_header_rows.min(a.nrows).min(b.nrows);
    for k in (1..=kmax).rev() {
        if clean_cut(a, k) && clean_cut(&b, k) {
            let (ha, hb) = (head(a, k), head(&b, k));
            if ha == hb && ha.iter().any(|c| !c.4.is_empty()) {
                if (0..k).all(|r| full_width_row(a, r)) {
                    *a = a_before;
                    return Some(original);
                }
                b.cells.retain(|c| c.r0 >= k);
                for c in &mut b.cells {
                    c.r0 -= k;
                    c.r1 -= k;
                }
                b.nrows -= k;
                break;
            }
        }
    }
    a.last_page = b.last_page;
    a.last_bottom = b.last_bottom;
    a.quality = a.quality.min(b.quality);
    if b.nrows == 0 || a.nrows == 0 {
        a.bottom_closed = if b.nrows == 0 {
            a.bottom_closed
        } else {
            b.bottom_closed
        };
        let off = a.nrows;
        for mut c in b.cells {
            c.r0 += off;
            c.r1 += off;
            a.cells.push(c);
        }
        a.nrows += b.nrows;
        return None;
    }

    let la = a.nrows - 1;
    let nc = a.ncols();
    let mut vertical: Vec<(usize, usize)> = Vec::new(); // (a cell, b cell)
    let mut label_moves: Vec<(usize, usize)> = Vec::new(); // B's text goes to A's cell
    let mut key: Option<(usize, usize)> = None;
    let mut other_b_text = false;
    for c in 0..nc {
        let (Some(ai), Some(bi)) = (a.cell_at(la, c), b.cell_at(0, c)) else {
            continue;
        };
        let (ac, bc) = (&a.cells[ai], &b.cells[bi]);
        if ac.c0 != c {
            continue;
        }
        if ac.c0 == bc.c0 && ac.c1 == bc.c1 && bc.text.is_empty() && (ac.r0 < la || bc.r1 > 1) {
            vertical.push((ai, bi));
        } else if ac.c0 == bc.c0
            && ac.c1 == bc.c1
            && ac.text.is_empty()
            && !bc.text.is_empty()
            && ac.r0 < la
            && bc.r0 == 0
        {
            // A merged cell whose label is printed on the next page only (a
            // spreadsheet centres it in the part that holds its middle).
            vertical.push((ai, bi));
            label_moves.push((ai, bi));
        }
        if ac.r0 == la {
            if key.is_none() {
                key = Some((ai, bi));
            } else if bc.r0 == 0 && !bc.text.is_empty() {
                other_b_text = true;
            }
        }
    }
    let ruled = (a.bottom_closed < 0.5 && a.top_closed >= 0.5)
        || (b.top_closed < 0.5 && b.bottom_closed >= 0.5);
    let textual = key.is_some_and(|(ai, bi)| {
        !a.cells[ai].text.is_empty()
            && b.cells[bi].text.is_empty()
            && b.cells[bi].r1 == 1
            && other_b_text
    });
    let split = ruled || textual;
    let off = if split { la } else { la + 1 };
    let mut consumed = vec![false; b.cells.len()];
    for &(ai, bi) in &vertical {
        a.cells[ai].r1 = a.cells[ai].r1.max(b.cells[bi].r1 + off);
        consumed[bi] = true;
    }
    for &(ai, bi) in &label_moves {
        a.cells[ai].text = b.cells[bi].text.clone();
    }
    if split {
        for (bi, bc) in b.cells.iter().enumerate() {
            if consumed[bi] || bc.r0 != 0 {
                continue;
            }
            if let Some(ai) = a.cell_at(la, bc.c0)
                && a.cells[ai].c0 == bc.c0
                && a.cells[ai].c1 == bc.c1
            {
                let ac = &mut a.cells[ai];
                ac.r1 = ac.r1.max(bc.r1 + off);
                ac.text = join_split(&ac.text, &bc.text, s);
                consumed[bi] = true;
            }
        }
    }
    for (bi, mut c) in b.cells.into_iter().enumerate() {
        if !consumed[bi] {
            c.r0 += off;
            c.r1 += off;
            a.cells.push(c);
        }
    }
    a.nrows = a.cells.iter().map(|c| c.r1).max().unwrap_or(0);
    a.bottom_closed = b.bottom_closed;
    resolve_overlaps(&mut a.cells);
    None
}

/// Merge overlapping cells into their bounding rectangle until none overlap
/// (texts joined in reading order).
pub(crate) fn resolve_overlaps(cells: &mut Vec<RawCell>) {
    cells.sort_by_key(|c| (c.r0, c.c0));
    let nr = cells.iter().map(|c| c.r1).max().unwrap_or(0);
    let nc = cells.iter().map(|c| c.c1).max().unwrap_or(0);
    let boxes: Vec<_> = cells.iter().map(|c| (c.r0, c.r1, c.c0, c.c1)).collect();
    let Some(groups) = merge_overlaps(&boxes, nr, nc) else {
        return;
    };
    if groups.len() == cells.len() {
        return;
    }
    let mut out: Vec<RawCell> = groups
        .iter()
        .map(|g| {
            let mut it = g.iter().map(|&i| &cells[i]);
            let first = it.next().cloned().unwrap_or(RawCell {
                r0: 0,
                r1: 1,
                c0: 0,
                c1: 1,
                text: String::new(),
                at: None,
            });
            it.fold(first, |mut p, q| {
                p.r0 = p.r0.min(q.r0);
                p.r1 = p.r1.max(q.r1);
                p.c0 = p.c0.min(q.c0);
                p.c1 = p.c1.max(q.c1);
                p.text = join_wrapped(&[p.text.clone(), q.text.clone()]);
                // One box for the merged cell where its parts share a page.
                p.at = match (p.at, q.at) {
                    (Some((pp, a)), Some((qp, b))) if pp == qp => Some((
                        pp,
                        [
                            a[0].min(b[0]),
                            a[1].min(b[1]),
                            a[2].max(b[2]),
                            a[3].max(b[3]),
                        ],
                    )),
                    (a, b) => a.or(b),
                };
                p
            })
        })
        .collect();
    out.sort_by_key(|c| (c.r0, c.c0));
    *cells = out;
}
