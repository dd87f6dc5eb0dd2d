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
//!   (b) glyphs (producers that close both parts of a cut row with rules, like
//!   LibreOffice Writer): every one-row cell of B's first row that has text sits
//!   under a one-row cell of A's last row whose text is WRAPPED there — its last
//!   line leaves less room before the cell's right edge than B's first unit
//!   (word, or two CJK characters) needs, so the text went on because it did not
//!   fit, not because it ended ([`cut_evidence`]). A cell of B with text under an
//!   empty cell of A, or under a line that ended short in a cell of one paragraph,
//!   is a new row: two complete rows are never fused. Where B's text continues
//!   a list of several paragraphs (a line ended short is then no evidence) the
//!   key rule decides: in the "key" column (leftmost column whose A cell belongs
//!   to A's last row only), A's cell has text, B's top cell (one row high) is
//!   empty, and some other such column of B's first row has text — a new row
//!   would have its key filled. Without glyph geometry the key rule alone decides.
//!   The two rows then become one; their cells' texts are joined like wrapped lines.
//! * **Same template, new table**: not joined when both parts start with a
//!   full-width (title) row, or when the rows B repeats from A's top are only
//!   full-width title rows — one PDF holding many 项目支出绩效自评表 of one template.

use super::edges::cluster_positions;
use super::lattice::{RawCell, RawTable, merge_overlaps};
use super::settings::TableSettings;
use super::text::{
    HARD_BREAK, block_text, centre, first_unit_width, group_lines, join_split, join_wrapped, sane,
    squash,
};
use super::types::{Glyph, Page};

/// What the glyphs say about B's first row being the rest of A's last row, over
/// the one-row cells of B's first row that hold text and sit under a one-row
/// cell of A's last row (same left and right borders).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct CutEvidence {
    /// A's text is wrapped at the page break: B's first unit would not have fitted.
    pub wraps: usize,
    /// A's cell is empty: B's text is a new cell's.
    pub fresh: usize,
    /// A's last line ended short (B's first unit would have fitted), in a cell
    /// of one paragraph: B's text starts something new.
    pub short_plain: usize,
    /// A's last line ended short in a cell of several paragraphs (a list one
    /// item per line): B may be its next item or a new cell — no evidence.
    pub short_list: usize,
}

impl CutEvidence {
    fn any(&self) -> bool {
        self.wraps + self.fresh + self.short_plain + self.short_list > 0
    }
}

fn glyphs_in(page: &Page, x0: f32, x1: f32, y0: f32, y1: f32) -> Vec<&Glyph> {
    page.glyphs
        .iter()
        .filter(|g| {
            let (cx, cy) = centre(g);
            sane(g) && cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1
        })
        .collect()
}

/// Text of the glyphs between `x0` and `x1` whose boxes straddle the
/// horizontal border at `y` (a label clipped by a page break).
fn straddling_text(page: &Page, x0: f32, x1: f32, y: f32, s: &TableSettings) -> String {
    let gs: Vec<&Glyph> = page
        .glyphs
        .iter()
        .filter(|g| {
            let cx = (g.bbox.x0 + g.bbox.x1) / 2.0;
            sane(g) && cx > x0 && cx < x1 && g.bbox.top < y && g.bbox.bottom > y
        })
        .collect();
    block_text(&gs, s, Some((x0, x1))).trim().to_string()
}

/// Vertical centre of the glyphs in a box, and their size, if any.
fn text_centre(page: &Page, x0: f32, x1: f32, y0: f32, y1: f32) -> Option<(f32, f32)> {
    let gs = glyphs_in(page, x0, x1, y0, y1);
    let top = gs.iter().map(|g| g.bbox.top).fold(f32::INFINITY, f32::min);
    let bottom = gs
        .iter()
        .map(|g| g.bbox.bottom)
        .fold(f32::NEG_INFINITY, f32::max);
    let size = gs
        .iter()
        .map(|g| g.bbox.bottom - g.bbox.top)
        .fold(0.0, f32::max);
    (!gs.is_empty()).then_some(((top + bottom) / 2.0, size))
}

/// Where the texts of the other one-row cells of row `r` of `b` (its own
/// geometry on `page`) are centred vertically in the row (at least two, all
/// within a fifth of an em of the row's middle), the cell between `x0` and
/// `x1` over rows `r..r_end` has its text raised by half an em or more above
/// its middle: it is centred on a taller cell that runs up over the page
/// break (a spreadsheet's merged cell).
fn raised(page: &Page, b: &RawTable, r: usize, r_end: usize, x0: f32, x1: f32) -> bool {
    let (Some(&y0), Some(&y1), Some(&ye)) = (b.ys.get(r), b.ys.get(r + 1), b.ys.get(r_end)) else {
        return false;
    };
    let tol = 1.0;
    let Some((label, size)) = text_centre(page, x0 + tol, x1 - tol, y0, ye) else {
        return false;
    };
    let mid = (y0 + y1) / 2.0;
    let others: Vec<f32> = b
        .cells
        .iter()
        .filter(|c| c.r0 == r && c.r1 == r + 1 && !c.text.trim().is_empty())
        .filter(|c| (b.xs[c.c0] - x0).abs() > tol)
        .filter_map(|c| text_centre(page, b.xs[c.c0] + tol, b.xs[c.c1] - tol, y0, y1))
        .map(|(y, _)| y)
        .collect();
    others.len() >= 2
        && others.iter().all(|&y| (y - mid).abs() <= 0.2 * size)
        && label < (y0 + ye) / 2.0 - 0.5 * size
}

/// Text of the glyphs between `x0` and `x1` whose tops lie within three em
/// below the horizontal border at `y` (what a page draws under a table).
fn text_below(page: &Page, x0: f32, x1: f32, y: f32, s: &TableSettings) -> String {
    let gs: Vec<&Glyph> = page
        .glyphs
        .iter()
        .filter(|g| {
            let cx = (g.bbox.x0 + g.bbox.x1) / 2.0;
            let size = g.bbox.bottom - g.bbox.top;
            sane(g) && cx > x0 && cx < x1 && g.bbox.top >= y - 0.5 && g.bbox.top < y + 3.0 * size
        })
        .collect();
    block_text(&gs, s, Some((x0, x1))).trim().to_string()
}

/// Compare A's last row (`a`: the part of the table on page `prev`, its own
/// geometry) with B's first row after its `skip` repeated header rows (`b` on
/// page `next`, its own geometry), cell by cell.
fn cut_evidence(
    a: &RawTable,
    b: &RawTable,
    skip: usize,
    prev: &Page,
    next: &Page,
    s: &TableSettings,
) -> CutEvidence {
    let mut ev = CutEvidence::default();
    if a.nrows == 0 || b.nrows <= skip || a.ys.len() != a.nrows + 1 || b.ys.len() < skip + 2 {
        return ev;
    }
    let tol = s.column_match_tolerance;
    let la = a.nrows - 1;
    for bc in b.cells.iter().filter(|c| c.r0 == skip && c.r1 == skip + 1) {
        let (Some(&bx0), Some(&bx1)) = (b.xs.get(bc.c0), b.xs.get(bc.c1)) else {
            continue;
        };
        let Some(ac) = a.cells.iter().find(|c| {
            c.r1 == la + 1
                && a.xs.get(c.c0).is_some_and(|x| (x - bx0).abs() <= tol)
                && a.xs.get(c.c1).is_some_and(|x| (x - bx1).abs() <= tol)
        }) else {
            continue;
        };
        // A merged cell running over the break is the vertical rule's, and
        // so is a label clipped by the break.
        if ac.r0 < la
            || bc.text.trim().is_empty()
            || !straddling_text(next, bx0, bx1, b.ys[skip], s).is_empty()
        {
            continue;
        }
        if ac.text.trim().is_empty() {
            ev.fresh += 1;
            continue;
        }
        let (ax0, ax1) = (a.xs[ac.c0], a.xs[ac.c1]);
        let ag = glyphs_in(prev, ax0, ax1, a.ys[la], a.ys[la + 1]);
        let bg = glyphs_in(next, bx0, bx1, b.ys[skip], b.ys[skip + 1]);
        let (al, bl) = (group_lines(&ag, s), group_lines(&bg, s));
        let (Some(last), Some(first)) = (al.last(), bl.first()) else {
            continue;
        };
        // Room on A's last line: up to the right border minus the left padding
        // (symmetric padding), or the longest line's end.
        let left = al.iter().map(|l| l.x0()).fold(f32::INFINITY, f32::min);
        let pad = (left - ax0).max(0.0);
        let right = al
            .iter()
            .map(|l| l.x1())
            .fold(f32::NEG_INFINITY, f32::max)
            .max(ax1 - pad);
        // Wrapped: not even B's first glyph or word would have fitted (a tenth
        // of an em for the padding estimate). Ended short: its first unit with
        // the next CJK character (a word, for engines that break at dictionary
        // words) and a quarter em to spare would have. Between the two: unsure.
        let room = right - last.x1();
        let slack = 0.25 * first.size;
        if room < first_unit_width(first, false) + 0.1 * first.size {
            ev.wraps += 1;
        } else if room > first_unit_width(first, true) + slack {
            if ac.text.contains(HARD_BREAK) {
                ev.short_list += 1;
            } else {
                ev.short_plain += 1;
            }
        }
    }
    ev
}

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
///
/// `geo`: A's part on the page before (its own row geometry) and the two
/// pages, for the glyph evidence at the break ([`cut_evidence`]).
pub(crate) fn join(
    a: &mut RawTable,
    b: RawTable,
    geo: Option<(&RawTable, &Page, &Page)>,
    s: &TableSettings,
) -> Option<RawTable> {
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
    let mut skip = 0;
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
                skip = k;
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
    // B's cell holds a label clipped by the break (its glyphs straddle B's top
    // border), or the same label is drawn again just below A's bottom border
    // in those columns (outside the table, clipped away on A's page): the
    // cell above it on A's page is the same merged cell.
    let clipped = |c0: usize, c1: usize, rows: usize, label: &str| {
        geo.is_some_and(|(part, prev, next)| {
            let (x0, x1) = (a.xs[c0], a.xs[c1]);
            original
                .ys
                .get(skip)
                .is_some_and(|&y| !straddling_text(next, x0, x1, y, s).is_empty())
                || part
                    .ys
                    .last()
                    .is_some_and(|&y| squash(&text_below(prev, x0, x1, y, s)) == squash(label))
                || raised(next, &original, skip, skip + rows, x0, x1)
        })
    };
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
            && (ac.r0 < la || clipped(ac.c0, ac.c1, bc.r1, &bc.text))
            && bc.r0 == 0
        {
            // A merged cell whose label is printed on the next page only (a
            // spreadsheet centres it in the part that holds its middle), or
            // clipped by the break.
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
    let ev = geo.map(|(part, prev, next)| cut_evidence(part, &original, skip, prev, next, s));
    let split = ruled
        || match ev.filter(CutEvidence::any) {
            Some(e) => {
                e.fresh == 0 && e.short_plain == 0 && (e.wraps > 0 || (e.short_list > 0 && textual))
            }
            None => textual,
        };
    let off = if split { la } else { la + 1 };
    let mut consumed = vec![false; b.cells.len()];
    for &(ai, bi) in &vertical {
        a.cells[ai].r1 = a.cells[ai].r1.max(b.cells[bi].r1 + off);
        consumed[bi] = true;
    }
    for &(ai, bi) in &label_moves {
        a.cells[ai].text = b.cells[bi].text.clone();
    }
    // A merged cell empty on both sides whose label, centred on the break, is
    // clipped by it (a spreadsheet draws it on both pages): the glyphs that
    // straddle A's bottom border or B's top border in its columns are its text.
    if let Some((part, prev, next)) = geo {
        for &(ai, bi) in &vertical {
            let (ac, bc) = (&a.cells[ai], &b.cells[bi]);
            if !ac.text.trim().is_empty() || !bc.text.trim().is_empty() {
                continue;
            }
            let (x0, x1) = (a.xs[ac.c0], a.xs[ac.c1]);
            let mut text = part
                .ys
                .last()
                .map(|&y| straddling_text(prev, x0, x1, y, s))
                .unwrap_or_default();
            if text.is_empty() {
                text = original
                    .ys
                    .get(skip)
                    .map(|&y| straddling_text(next, x0, x1, y, s))
                    .unwrap_or_default();
            }
            a.cells[ai].text = text;
        }
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
