//! Lattice tables: edges → connected groups → boundaries → slots → merged cells.

use super::edges::{Edge, cluster_positions, coverage};
use super::settings::TableSettings;

/// Largest number of slots (rows × cols) one ruled group may have (hostile input guard).
const MAX_SLOTS: usize = 250_000;

/// A cell in slot coordinates: rows r0..r1, columns c0..c1 (exclusive ends).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawCell {
    pub r0: usize,
    pub r1: usize,
    pub c0: usize,
    pub c1: usize,
    pub text: String,
    /// Page and box `[x0, top, x1, bottom]` of the cell, set once its
    /// table's geometry is final on its page ([`RawTable::place_cells`]);
    /// a cell joined across a page break keeps its first part's.
    pub at: Option<(usize, [f32; 4])>,
}

/// A table on one page before it becomes a [`super::types::Grid`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawTable {
    pub page: usize,
    pub last_page: usize,
    /// Column boundaries (cols + 1 values), page coordinates of the FIRST page.
    pub xs: Vec<f32>,
    /// Row boundaries (rows + 1 values) on the first page; after a cross-page join
    /// only `ys[0]` and the row count are meaningful.
    pub ys: Vec<f32>,
    /// Bottom of the table on its LAST page.
    pub last_bottom: f32,
    pub cells: Vec<RawCell>,
    pub quality: f32,
    /// Fraction of the top / bottom border that is drawn (1 = closed).
    pub top_closed: f32,
    pub bottom_closed: f32,
    /// Number of rows (ys may be stale after joining).
    pub nrows: usize,
    /// Outer boundaries restored where no ruling was drawn: left, right, top, bottom.
    pub restored: [bool; 4],
    /// Fraction drawn of each row boundary (aligned with `ys`, first page only).
    pub h_closed: Vec<f32>,
}

impl RawTable {
    pub fn ncols(&self) -> usize {
        self.xs.len().saturating_sub(1)
    }
    pub fn bbox(&self) -> [f32; 4] {
        [
            self.xs.first().copied().unwrap_or(0.0),
            self.ys.first().copied().unwrap_or(0.0),
            self.xs.last().copied().unwrap_or(0.0),
            self.ys.last().copied().unwrap_or(0.0),
        ]
    }
    /// Give every cell not yet placed its page and box from the table's
    /// boundaries (call while `xs`/`ys` are the page's own, before a join).
    pub fn place_cells(&mut self) {
        let (xs, ys, page) = (&self.xs, &self.ys, self.page);
        for c in &mut self.cells {
            if c.at.is_none()
                && let (Some(&x0), Some(&x1), Some(&y0), Some(&y1)) =
                    (xs.get(c.c0), xs.get(c.c1), ys.get(c.r0), ys.get(c.r1))
            {
                c.at = Some((page, [x0, y0, x1, y1]));
            }
        }
    }
    /// Index of the cell covering slot (r, c).
    pub fn cell_at(&self, r: usize, c: usize) -> Option<usize> {
        self.cells
            .iter()
            .position(|k| r >= k.r0 && r < k.r1 && c >= k.c0 && c < k.c1)
    }
}

/// Minimal union-find.
pub(crate) struct Dsu(Vec<usize>);

impl Dsu {
    pub fn new(n: usize) -> Self {
        Dsu((0..n).collect())
    }
    pub fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    pub fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// Ruled tables of one page (cells without text), top to bottom.
pub(crate) fn find_tables(h: &[Edge], v: &[Edge], page: usize, s: &TableSettings) -> Vec<RawTable> {
    let tol = s.intersection_tolerance;
    let n = h.len() + v.len();
    let mut dsu = Dsu::new(n);
    // Vertical edges sorted by x for a range scan per horizontal edge.
    let mut vi: Vec<usize> = (0..v.len()).collect();
    vi.sort_by(|&a, &b| v[a].pos.total_cmp(&v[b].pos));
    for (i, he) in h.iter().enumerate() {
        let lo = vi.partition_point(|&j| v[j].pos < he.start - tol);
        for &j in &vi[lo..] {
            let ve = &v[j];
            if ve.pos > he.end + tol {
                break;
            }
            if he.pos >= ve.start - tol && he.pos <= ve.end + tol {
                dsu.union(i, h.len() + j);
            }
        }
    }
    let mut comps: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    let mut root_of: Vec<Option<usize>> = vec![None; n];
    for i in 0..n {
        let r = dsu.find(i);
        let k = match root_of[r] {
            Some(k) => k,
            None => {
                comps.push((vec![], vec![]));
                root_of[r] = Some(comps.len() - 1);
                comps.len() - 1
            }
        };
        if i < h.len() {
            comps[k].0.push(i);
        } else {
            comps[k].1.push(i - h.len());
        }
    }
    let mut out: Vec<RawTable> = comps
        .into_iter()
        .filter(|(hs, vs)| !hs.is_empty() && !vs.is_empty())
        .filter_map(|(hs, vs)| {
            let hs: Vec<Edge> = hs.into_iter().map(|i| h[i]).collect();
            let vs: Vec<Edge> = vs.into_iter().map(|i| v[i]).collect();
            table_from_edges(&hs, &vs, page, s)
        })
        .collect();
    out.sort_by(|a, b| {
        a.ys[0]
            .total_cmp(&b.ys[0])
            .then(a.xs[0].total_cmp(&b.xs[0]))
    });
    out
}

fn table_from_edges(hs: &[Edge], vs: &[Edge], page: usize, s: &TableSettings) -> Option<RawTable> {
    let bt = s.boundary_tolerance;
    let mut xs = cluster_positions(&vs.iter().map(|e| e.pos).collect::<Vec<_>>(), bt);
    let mut ys = cluster_positions(&hs.iter().map(|e| e.pos).collect::<Vec<_>>(), bt);
    let fmin = |it: &mut dyn Iterator<Item = f32>| it.fold(f32::INFINITY, f32::min);
    let fmax = |it: &mut dyn Iterator<Item = f32>| it.fold(f32::NEG_INFINITY, f32::max);
    // Restore missing outer borders where the perpendicular edges reach beyond.
    let (hmin, hmax) = (
        fmin(&mut hs.iter().map(|e| e.start)),
        fmax(&mut hs.iter().map(|e| e.end)),
    );
    let (vmin, vmax) = (
        fmin(&mut vs.iter().map(|e| e.start)),
        fmax(&mut vs.iter().map(|e| e.end)),
    );
    let mut restored = [false; 4];
    if let (Some(&first), Some(&last)) = (xs.first(), xs.last()) {
        if first - hmin > s.outer_extension_min {
            xs.insert(0, hmin);
            restored[0] = true;
        }
        if hmax - last > s.outer_extension_min {
            xs.push(hmax);
            restored[1] = true;
        }
    }
    if let (Some(&first), Some(&last)) = (ys.first(), ys.last()) {
        if first - vmin > s.outer_extension_min {
            ys.insert(0, vmin);
            restored[2] = true;
        }
        if vmax - last > s.outer_extension_min {
            ys.push(vmax);
            restored[3] = true;
        }
    }
    if xs.len() < 2 || ys.len() < 2 {
        return None;
    }
    let (nr, nc) = (ys.len() - 1, xs.len() - 1);
    if nr.saturating_mul(nc) > MAX_SLOTS {
        return None;
    }
    let near = |edges: &[Edge], p: f32| -> Vec<Edge> {
        edges
            .iter()
            .filter(|e| (e.pos - p).abs() <= bt)
            .copied()
            .collect()
    };
    let present = |edges: &[Edge], a: f32, b: f32| -> bool {
        let refs: Vec<&Edge> = edges.iter().collect();
        coverage(&refs, a, b) >= s.edge_coverage * (b - a)
    };
    // vpres[k][r]: vertical border at xs[k] beside row r.
    let vpres: Vec<Vec<bool>> = xs
        .iter()
        .map(|&x| {
            let es = near(vs, x);
            (0..nr).map(|r| present(&es, ys[r], ys[r + 1])).collect()
        })
        .collect();
    let hpres: Vec<Vec<bool>> = ys
        .iter()
        .map(|&y| {
            let es = near(hs, y);
            (0..nc).map(|c| present(&es, xs[c], xs[c + 1])).collect()
        })
        .collect();
    let mut dsu = Dsu::new(nr * nc);
    for r in 0..nr {
        for c in 0..nc {
            if c + 1 < nc && !vpres[c + 1][r] {
                dsu.union(r * nc + c, r * nc + c + 1);
            }
            if r + 1 < nr && !hpres[r + 1][c] {
                dsu.union(r * nc + c, (r + 1) * nc + c);
            }
        }
    }
    // Regions → bounding rectangles.
    let mut rects: Vec<(usize, usize, usize, usize, usize)> = Vec::new(); // r0,r1,c0,c1,slots
    let mut idx_of: Vec<Option<usize>> = vec![None; nr * nc];
    for r in 0..nr {
        for c in 0..nc {
            let root = dsu.find(r * nc + c);
            match idx_of[root] {
                Some(k) => {
                    let q = &mut rects[k];
                    q.0 = q.0.min(r);
                    q.1 = q.1.max(r + 1);
                    q.2 = q.2.min(c);
                    q.3 = q.3.max(c + 1);
                    q.4 += 1;
                }
                None => {
                    idx_of[root] = Some(rects.len());
                    rects.push((r, r + 1, c, c + 1, 1));
                }
            }
        }
    }
    let mut irregular = rects
        .iter()
        .filter(|q| (q.1 - q.0) * (q.3 - q.2) != q.4)
        .count();
    // Non-rectangular regions: merge overlapping bounding boxes until none overlap.
    if irregular > 0 {
        let boxes: Vec<(usize, usize, usize, usize)> =
            rects.iter().map(|q| (q.0, q.1, q.2, q.3)).collect();
        let groups = merge_overlaps(&boxes, nr, nc)?;
        irregular += rects.len() - groups.len();
        rects = groups
            .iter()
            .map(|g| {
                g.iter().fold((usize::MAX, 0, usize::MAX, 0, 0), |a, &i| {
                    let q = rects[i];
                    (
                        a.0.min(q.0),
                        a.1.max(q.1),
                        a.2.min(q.2),
                        a.3.max(q.3),
                        a.4 + q.4,
                    )
                })
            })
            .collect();
    }
    let mut cells: Vec<RawCell> = rects
        .iter()
        .map(|q| RawCell {
            r0: q.0,
            r1: q.1,
            c0: q.2,
            c1: q.3,
            text: String::new(),
            at: None,
        })
        .collect();
    // Drop boundaries no cell uses (stray partial edges).
    let mut used_r = vec![false; nr + 1];
    let mut used_c = vec![false; nc + 1];
    for k in &cells {
        used_r[k.r0] = true;
        used_r[k.r1] = true;
        used_c[k.c0] = true;
        used_c[k.c1] = true;
    }
    let remap = |used: &[bool]| -> Vec<usize> {
        let mut m = Vec::with_capacity(used.len());
        let mut n = 0;
        for &u in used {
            m.push(n);
            if u {
                n += 1;
            }
        }
        m
    };
    let (mr, mc) = (remap(&used_r), remap(&used_c));
    for k in &mut cells {
        k.r0 = mr[k.r0];
        k.r1 = mr[k.r1];
        k.c0 = mc[k.c0];
        k.c1 = mc[k.c1];
    }
    let top_closed = frac(&hpres[0]);
    let bottom_closed = frac(&hpres[nr]);
    let xs: Vec<f32> = xs
        .iter()
        .zip(&used_c)
        .filter(|(_, u)| **u)
        .map(|(&x, _)| x)
        .collect();
    let h_closed: Vec<f32> = hpres
        .iter()
        .zip(&used_r)
        .filter(|(_, u)| **u)
        .map(|(h, _)| frac(h))
        .collect();
    let ys: Vec<f32> = ys
        .iter()
        .zip(&used_r)
        .filter(|(_, u)| **u)
        .map(|(&y, _)| y)
        .collect();
    if cells.len() < s.min_cells {
        return None;
    }
    cells.sort_by_key(|k| (k.r0, k.c0));
    let outer_missing = [top_closed, bottom_closed, frac(&vpres[0]), frac(&vpres[nc])]
        .iter()
        .filter(|&&f| f < 0.5)
        .count();
    let quality = (1.0 - 0.1 * irregular as f32 - 0.05 * outer_missing as f32).clamp(0.5, 1.0);
    let nrows = ys.len() - 1;
    let last_bottom = ys[nrows];
    Some(RawTable {
        page,
        last_page: page,
        xs,
        ys,
        last_bottom,
        cells,
        quality,
        top_closed,
        bottom_closed,
        nrows,
        restored,
        h_closed,
    })
}

/// Drop a restored outer column/row (see [`TableSettings::outer_extension_min`])
/// whose own cells are all empty: it came from overshooting rulings, not from a
/// missing border. Call after the cells got their text.
pub(crate) fn trim_restored(t: &mut RawTable) {
    // (is column?, at start?)
    for (k, (col, start)) in [(true, true), (true, false), (false, true), (false, false)]
        .into_iter()
        .enumerate()
    {
        if !t.restored[k] {
            continue;
        }
        let n = if col { t.ncols() } else { t.nrows };
        if n < 2 {
            continue;
        }
        let idx = if start { 0 } else { n - 1 };
        let span = |c: &RawCell| if col { (c.c0, c.c1) } else { (c.r0, c.r1) };
        let own_empty = t
            .cells
            .iter()
            .filter(|c| span(c) == (idx, idx + 1))
            .all(|c| c.text.is_empty());
        if !own_empty {
            continue;
        }
        t.cells.retain(|c| span(c) != (idx, idx + 1));
        for c in &mut t.cells {
            let (a, b) = if col {
                (&mut c.c0, &mut c.c1)
            } else {
                (&mut c.r0, &mut c.r1)
            };
            if start {
                *a = a.saturating_sub(1);
                *b -= 1;
            } else if *b == n {
                *b -= 1;
            }
        }
        let bs = if col { &mut t.xs } else { &mut t.ys };
        if start {
            bs.remove(0);
        } else {
            bs.pop();
        }
        if !col {
            t.nrows -= 1;
            t.last_bottom = t.ys.last().copied().unwrap_or(t.last_bottom);
            if start && !t.h_closed.is_empty() {
                t.h_closed.remove(0);
            } else {
                t.h_closed.pop();
            }
            t.top_closed = t.h_closed.first().copied().unwrap_or(t.top_closed);
            t.bottom_closed = t.h_closed.last().copied().unwrap_or(t.bottom_closed);
        }
        t.restored[k] = false;
        t.quality = (t.quality + 0.05).min(1.0);
    }
}

/// Groups of indices of `boxes` (r0, r1, c0, c1 in an nr × nc slot grid) whose
/// merged bounding boxes no longer overlap: overlapping boxes are united
/// repeatedly. None when the work would exceed a hostile-input bound.
pub(crate) fn merge_overlaps(
    boxes: &[(usize, usize, usize, usize)],
    nr: usize,
    nc: usize,
) -> Option<Vec<Vec<usize>>> {
    const MAX_WORK: usize = 20_000_000;
    let n = boxes.len();
    let mut dsu = Dsu::new(n);
    let mut work = 0usize;
    loop {
        let mut bb: Vec<Option<(usize, usize, usize, usize)>> = vec![None; n];
        for (i, b) in boxes.iter().enumerate() {
            let r = dsu.find(i);
            bb[r] = Some(match bb[r] {
                Some(a) => (a.0.min(b.0), a.1.max(b.1), a.2.min(b.2), a.3.max(b.3)),
                None => *b,
            });
        }
        let mut owner = vec![usize::MAX; nr * nc];
        let mut changed = false;
        for (r, b) in bb.iter().enumerate() {
            let Some(b) = b else { continue };
            work += (b.1 - b.0) * (b.3 - b.2);
            if work > MAX_WORK {
                return None;
            }
            for row in b.0..b.1.min(nr) {
                for col in b.2..b.3.min(nc) {
                    let o = &mut owner[row * nc + col];
                    if *o == usize::MAX {
                        *o = r;
                    } else if dsu.find(*o) != dsu.find(r) {
                        dsu.union(*o, r);
                        changed = true;
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut slot_of: Vec<Option<usize>> = vec![None; n];
    for i in 0..n {
        let r = dsu.find(i);
        match slot_of[r] {
            Some(k) => groups[k].push(i),
            None => {
                slot_of[r] = Some(groups.len());
                groups.push(vec![i]);
            }
        }
    }
    Some(groups)
}

fn frac(v: &[bool]) -> f32 {
    if v.is_empty() {
        return 0.0;
    }
    v.iter().filter(|&&b| b).count() as f32 / v.len() as f32
}
