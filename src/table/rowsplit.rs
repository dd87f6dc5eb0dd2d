//! Rows without rules inside a ruled table: a ruled row whose columns all show
//! the same separated lines is split at those lines, each new cell keeping its
//! own lines.
//!
//! A split needs evidence in every column (a wrapped multi-line cell is never
//! split):
//! - at least two columns of the row hold text, every cell covering the row is
//!   one row high, and each non-empty cell has two or more lines;
//! - a cut is a baseline at which EVERY non-empty cell starts a line (within the
//!   line tolerance); a continuation line of one cell that no other column
//!   matches is no cut and stays in its sub-row;
//! - the line before a cut ends short in at least half of the cells: the next
//!   line's first word (one glyph for CJK) would have fitted before the cell's
//!   right border, so those columns did not merely wrap there (a narrow column
//!   whose entries would not fit side by side gives no evidence either way);
//! - the sub-rows are spaced like rows, not like lines of a paragraph: their
//!   pitch is at least 0.8 × the height of the table's ruled single-line rows
//!   (the median), or, when the table has none, at least `MIN_PITCH_EM` × the
//!   font size (a paragraph's leading is 1.0–1.5 em).

use super::lattice::RawTable;
use super::settings::TableSettings;
use super::text::{Line, group_lines, is_cjk, size_of};
use super::types::Glyph;

/// Without ruled single-line rows to compare with, sub-rows must be at least this
/// many ems apart.
const MIN_PITCH_EM: f32 = 1.7;
/// Sub-row pitch against the table's ruled single-line row height.
const MIN_PITCH_SHARE: f32 = 0.8;

/// Split the unruled rows of `t`; `buckets[k]` holds the glyph indices of cell
/// `k` and is kept aligned with `t.cells`.
pub(crate) fn split_rows(
    t: &mut RawTable,
    buckets: &mut Vec<Vec<usize>>,
    glyphs: &[Glyph],
    s: &TableSettings,
) {
    if t.ncols() < 2 || t.nrows == 0 || t.ys.len() != t.nrows + 1 {
        return;
    }
    let reference = ruled_row_height(t, buckets, glyphs, s);
    let mut changed = false;
    for r in (0..t.nrows).rev() {
        if let Some((cuts, bounds)) = row_cuts(t, buckets, glyphs, r, reference, s) {
            apply(t, buckets, glyphs, r, &cuts, &bounds, s);
            changed = true;
        }
    }
    if changed {
        let mut order: Vec<usize> = (0..t.cells.len()).collect();
        order.sort_by_key(|&k| (t.cells[k].r0, t.cells[k].c0));
        t.cells = order.iter().map(|&k| t.cells[k].clone()).collect();
        *buckets = order
            .iter()
            .map(|&k| std::mem::take(&mut buckets[k]))
            .collect();
    }
}

/// Cells covering row `r` (indices), or None when one of them spans rows.
fn row_cells(t: &RawTable, r: usize) -> Option<Vec<usize>> {
    let ks: Vec<usize> = (0..t.cells.len())
        .filter(|&k| t.cells[k].r0 <= r && r < t.cells[k].r1)
        .collect();
    ks.iter()
        .all(|&k| t.cells[k].r1 == t.cells[k].r0 + 1)
        .then_some(ks)
}

fn lines_of<'a>(bucket: &[usize], glyphs: &'a [Glyph], s: &TableSettings) -> Vec<Line<'a>> {
    let gs: Vec<&Glyph> = bucket
        .iter()
        .map(|&i| &glyphs[i])
        .filter(|g| !g.text.trim().is_empty())
        .collect();
    group_lines(&gs, s)
}

/// Median height of the table's ruled rows whose non-empty cells all hold one line.
fn ruled_row_height(
    t: &RawTable,
    buckets: &[Vec<usize>],
    glyphs: &[Glyph],
    s: &TableSettings,
) -> Option<f32> {
    let mut hs: Vec<f32> = (0..t.nrows)
        .filter(|&r| {
            let Some(ks) = row_cells(t, r) else {
                return false;
            };
            let counts: Vec<usize> = ks
                .iter()
                .map(|&k| lines_of(&buckets[k], glyphs, s).len())
                .filter(|&n| n > 0)
                .collect();
            !counts.is_empty() && counts.iter().all(|&n| n == 1)
        })
        .map(|r| t.ys[r + 1] - t.ys[r])
        .filter(|h| h.is_finite() && *h > 0.0)
        .collect();
    if hs.is_empty() {
        return None;
    }
    hs.sort_by(f32::total_cmp);
    Some(hs[hs.len() / 2])
}

/// Width of the first word of a line (its first glyph when that is CJK).
fn first_word(line: &Line) -> f32 {
    let Some(first) = line.glyphs.first() else {
        return 0.0;
    };
    if first.text.chars().next().is_some_and(is_cjk) {
        return first.bbox.x1 - first.bbox.x0;
    }
    let sz = size_of(first);
    let mut end = first.bbox.x1;
    for g in &line.glyphs[1..] {
        if g.text.trim().is_empty() || g.bbox.x0 - end > 0.2 * sz || g.text.chars().any(is_cjk) {
            break;
        }
        end = g.bbox.x1;
    }
    end - first.bbox.x0
}

/// The cut baselines of row `r` and the y of each new boundary, or None.
fn row_cuts(
    t: &RawTable,
    buckets: &[Vec<usize>],
    glyphs: &[Glyph],
    r: usize,
    reference: Option<f32>,
    s: &TableSettings,
) -> Option<(Vec<f32>, Vec<f32>)> {
    let ks = row_cells(t, r)?;
    let cells: Vec<(usize, Vec<Line>)> = ks
        .iter()
        .map(|&k| (k, lines_of(&buckets[k], glyphs, s)))
        .filter(|(_, ls)| !ls.is_empty())
        .collect();
    if cells.len() < 2 || cells.iter().any(|(_, ls)| ls.len() < 2) {
        return None;
    }
    let size = cells
        .iter()
        .flat_map(|(_, ls)| ls.iter().map(|l| l.size))
        .fold(0.0f32, f32::max);
    let tol = s.line_tolerance * size;
    let (_, first) = &cells[0];
    let mut cuts = Vec::new();
    let mut bounds = Vec::new();
    for cand in &first[1..] {
        let b = cand.baseline;
        let mut ok = true;
        let mut short = 0;
        let (mut above, mut below) = (f32::NEG_INFINITY, f32::INFINITY);
        for (k, ls) in &cells {
            let Some(at) = ls.iter().position(|l| (l.baseline - b).abs() <= tol) else {
                ok = false;
                break;
            };
            if at == 0 {
                ok = false;
                break;
            }
            let (prev, next) = (&ls[at - 1], &ls[at]);
            let right = t.xs[t.cells[*k].c1];
            // The line before ends short: the next line's first word fitted.
            if right - prev.x1() >= first_word(next) + 0.6 * next.size {
                short += 1;
            }
            above = above.max(prev.baseline + 0.12 * prev.size);
            below = below.min(next.top());
        }
        if ok && 2 * short >= cells.len() {
            cuts.push(b);
            bounds.push((above + below) / 2.0);
        }
    }
    if cuts.is_empty() {
        return None;
    }
    // Sub-rows spaced like rows.
    let first_base = cells
        .iter()
        .map(|(_, ls)| ls[0].baseline)
        .fold(f32::INFINITY, f32::min);
    let mut pitch = f32::INFINITY;
    let mut prev = first_base;
    for &b in &cuts {
        pitch = pitch.min(b - prev);
        prev = b;
    }
    let need = match reference {
        Some(h) => MIN_PITCH_SHARE * h,
        None => MIN_PITCH_EM * size,
    };
    (pitch >= need && bounds.iter().all(|y| *y > t.ys[r] && *y < t.ys[r + 1]))
        .then_some((cuts, bounds))
}

fn apply(
    t: &mut RawTable,
    buckets: &mut Vec<Vec<usize>>,
    glyphs: &[Glyph],
    r: usize,
    cuts: &[f32],
    bounds: &[f32],
    s: &TableSettings,
) {
    let k = cuts.len();
    for (i, &y) in bounds.iter().enumerate() {
        t.ys.insert(r + 1 + i, y);
        if t.h_closed.len() > r + 1 {
            t.h_closed.insert(r + 1 + i, 0.0);
        }
    }
    t.nrows += k;
    let n = t.cells.len();
    for ci in 0..n {
        let cell = &mut t.cells[ci];
        if cell.r0 > r {
            cell.r0 += k;
            cell.r1 += k;
            continue;
        }
        if cell.r0 != r {
            continue;
        }
        // Glyphs to sub-rows by baseline.
        let mut parts: Vec<Vec<usize>> = vec![Vec::new(); k + 1];
        for &gi in &buckets[ci] {
            let g = &glyphs[gi];
            let tol = s.line_tolerance * size_of(g);
            let sub = cuts.iter().filter(|&&b| g.baseline >= b - tol).count();
            parts[sub].push(gi);
        }
        let mut parts = parts.into_iter();
        buckets[ci] = parts.next().unwrap_or_default();
        let base = t.cells[ci].clone();
        for (j, p) in parts.enumerate() {
            let mut c = base.clone();
            c.r0 = r + 1 + j;
            c.r1 = r + 2 + j;
            t.cells.push(c);
            buckets.push(p);
        }
    }
}
