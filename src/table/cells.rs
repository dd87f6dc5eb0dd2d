//! Glyph → cell assignment (centre rule + hanging punctuation) and cell text.

use super::lattice::RawTable;
use super::rowsplit::split_rows;
use super::settings::TableSettings;
use super::text::{block_text, centre, sane, size_of};
use super::types::Glyph;

/// Slot (row or column) index of `v` among sorted boundaries `bs`, if inside.
fn slot(bs: &[f32], v: f32) -> Option<usize> {
    let (first, last) = (*bs.first()?, *bs.last()?);
    if !(v >= first && v <= last) {
        return None;
    }
    let k = bs.partition_point(|&b| b <= v);
    Some(k.saturating_sub(1).min(bs.len() - 2))
}

/// Fill the cells' text of `tables` from `glyphs`; returns which glyphs were used.
pub(crate) fn fill_cells(
    tables: &mut [RawTable],
    glyphs: &[Glyph],
    s: &TableSettings,
) -> Vec<bool> {
    let mut used = vec![false; glyphs.len()];
    if tables.is_empty() {
        return used;
    }
    // slot → cell maps
    let maps: Vec<Vec<usize>> = tables
        .iter()
        .map(|t| {
            let nc = t.ncols();
            let mut m = vec![usize::MAX; t.nrows * nc];
            for (i, k) in t.cells.iter().enumerate() {
                for r in k.r0..k.r1 {
                    for c in k.c0..k.c1 {
                        if let Some(x) = m.get_mut(r * nc + c) {
                            *x = i;
                        }
                    }
                }
            }
            m
        })
        .collect();
    let mut buckets: Vec<Vec<Vec<usize>>> = tables
        .iter()
        .map(|t| vec![Vec::new(); t.cells.len()])
        .collect();
    let hanging = |g: &Glyph| {
        g.text.chars().count() == 1 && g.text.chars().all(|c| s.hanging_punctuation.contains(c))
    };
    // A glyph inside several tables (a ruled table drawn inside a cell of
    // another) goes to the innermost one that is a grid of at least two rows and
    // two columns: the nested table keeps its own cells and text, the outer cell
    // keeps the text around it. A box of one row or column inside a cell (a
    // framed or highlighted word) does not take the outer cell's text.
    let area = |tb: &RawTable| {
        let [x0, y0, x1, y1] = tb.bbox();
        let a = (x1 - x0) * (y1 - y0);
        if tb.nrows >= 2 && tb.ncols() >= 2 {
            a
        } else {
            f32::INFINITY
        }
    };
    let locate = |g: &Glyph| -> Option<(usize, usize, usize)> {
        let (cx, cy) = centre(g);
        tables
            .iter()
            .enumerate()
            .filter_map(|(t, tb)| Some((t, slot(&tb.ys, cy)?, slot(&tb.xs, cx)?)))
            .min_by(|a, b| area(&tables[a.0]).total_cmp(&area(&tables[b.0])))
    };
    // Glyphs that may belong to the cell left of their centre: hanging punctuation,
    // and glyphs straddling a vertical border (text overflowing its cell).
    let straddles = |g: &Glyph| {
        let (cx, cy) = centre(g);
        tables.iter().any(|tb| {
            slot(&tb.ys, cy).is_some()
                && tb
                    .xs
                    .iter()
                    .skip(1)
                    .any(|&b| g.bbox.x0 < b - 0.01 && cx > b && g.bbox.x0 > tb.xs[0])
        })
    };
    let mut punct: Vec<usize> = Vec::new();
    for (i, g) in glyphs.iter().enumerate() {
        if !sane(g) {
            used[i] = true; // unusable glyph: drop it everywhere
            continue;
        }
        if hanging(g) || straddles(g) {
            punct.push(i);
            continue;
        }
        if let Some((t, r, c)) = locate(g) {
            let k = maps[t][r * tables[t].ncols() + c];
            if k != usize::MAX {
                buckets[t][k].push(i);
                used[i] = true;
            }
        }
    }
    punct.sort_by(|&a, &b| glyphs[a].bbox.x0.total_cmp(&glyphs[b].bbox.x0));
    for i in punct {
        let g = &glyphs[i];
        let sz = size_of(g);
        let (cx, cy) = centre(g);
        let allowance = if hanging(g) {
            s.hanging_allowance * sz
        } else {
            0.0
        };
        // Tentative slot: the centre's, or "just past the right edge" of a table.
        let tentative = locate(g).or_else(|| {
            tables.iter().enumerate().find_map(|(t, tb)| {
                let r = slot(&tb.ys, cy)?;
                let right = *tb.xs.last()?;
                (cx > right && g.bbox.x0 - right <= allowance).then_some((t, r, tb.ncols()))
            })
        });
        let Some((t, r, c)) = tentative else { continue };
        let nc = tables[t].ncols();
        // A mark whose box is centred on a vertical ruling between two cells (within
        // a quarter of its width) lies in neither cell: it goes to the one whose text it is set
        // close against (within 0.1 × size, no word space between), else to neither
        // (a stray `.` on a border is no decimal point of the number before it).
        let width = (g.bbox.x1 - g.bbox.x0).abs();
        let on_border = (1..nc).find(|&j| {
            (cx - tables[t].xs[j]).abs() <= 0.25 * width.max(0.5)
                && maps[t][r * nc + j - 1] != maps[t][r * nc + j]
        });
        if hanging(g)
            && let Some(j) = on_border
        {
            let (left, right) = (maps[t][r * nc + j - 1], maps[t][r * nc + j]);
            let same_line = |o: &Glyph| (o.baseline - g.baseline).abs() <= s.line_tolerance * sz;
            let close = 0.1 * sz;
            let tight_left = left != usize::MAX
                && buckets[t][left].iter().any(|&k| {
                    let o = &glyphs[k];
                    same_line(o) && o.bbox.x1 >= g.bbox.x0 - close && o.bbox.x1 <= g.bbox.x1
                });
            let tight_right = right != usize::MAX
                && buckets[t][right].iter().any(|&k| {
                    let o = &glyphs[k];
                    same_line(o) && o.bbox.x0 <= g.bbox.x1 + close && o.bbox.x0 >= g.bbox.x0
                });
            used[i] = true;
            if tight_left {
                buckets[t][left].push(i);
            } else if tight_right && right != left {
                buckets[t][right].push(i);
            }
            continue;
        }
        let mut target = if c < nc {
            Some(maps[t][r * nc + c])
        } else {
            None
        };
        if c > 0 {
            let border = tables[t].xs[c];
            let left = maps[t][r * nc + c - 1];
            if left != usize::MAX
                && g.bbox.x0 - border <= allowance
                && left != target.unwrap_or(usize::MAX)
            {
                let adjacent = buckets[t][left].iter().any(|&j| {
                    let o = &glyphs[j];
                    (o.baseline - g.baseline).abs() <= s.line_tolerance * sz
                        && o.bbox.x1 >= g.bbox.x0 - s.hanging_adjacent_gap * sz
                        && o.bbox.x1 <= g.bbox.x0 + 0.2 * sz
                });
                // A mark that starts a line of its own cell (inside the cell,
                // text follows it closely on the same baseline, as producers
                // without kinsoku set `、` at a line start) stays there.
                let starts_line = g.bbox.x0 > border
                    && target.filter(|&k| k != usize::MAX).is_some_and(|k| {
                        buckets[t][k].iter().any(|&j| {
                            let o = &glyphs[j];
                            (o.baseline - g.baseline).abs() <= s.line_tolerance * sz
                                && o.bbox.x0 >= g.bbox.x1 - 0.2 * sz
                                && o.bbox.x0 <= g.bbox.x1 + 0.3 * sz
                        })
                    });
                if adjacent && !starts_line {
                    target = Some(left);
                }
            }
        }
        if let Some(k) = target.filter(|&k| k != usize::MAX) {
            buckets[t][k].push(i);
            used[i] = true;
        }
    }
    for (tb, bucket) in tables.iter_mut().zip(buckets.iter_mut()) {
        split_rows(tb, bucket, glyphs, s);
    }
    for (t, tb) in tables.iter_mut().enumerate() {
        let xs = tb.xs.clone();
        for (k, cell) in tb.cells.iter_mut().enumerate() {
            let gs: Vec<&Glyph> = buckets[t][k].iter().map(|&i| &glyphs[i]).collect();
            let bounds = (xs[cell.c0], xs[cell.c1]);
            cell.text = block_text(&gs, s, Some(bounds));
        }
    }
    used
}
