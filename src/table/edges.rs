//! Rulings → snapped and joined edges, and the clustering helpers used for boundaries.

use super::settings::TableSettings;
use super::types::{Orientation, Ruling};

/// An axis-aligned edge: `pos` is y for a horizontal edge, x for a vertical one;
/// `start..end` runs along the other axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Edge {
    pub pos: f32,
    pub start: f32,
    pub end: f32,
}

impl Edge {
    pub fn len(&self) -> f32 {
        self.end - self.start
    }
}

/// Horizontal and vertical edges of a page after sanitising, snapping and joining.
pub(crate) fn build_edges(rulings: &[Ruling], s: &TableSettings) -> (Vec<Edge>, Vec<Edge>) {
    let mut h = Vec::new();
    let mut v = Vec::new();
    for r in rulings.iter().take(s.max_rulings) {
        if !(r.pos.is_finite() && r.start.is_finite() && r.end.is_finite()) {
            continue;
        }
        let (a, b) = if r.start <= r.end {
            (r.start, r.end)
        } else {
            (r.end, r.start)
        };
        let e = Edge {
            pos: r.pos,
            start: a,
            end: b,
        };
        match r.orientation {
            Orientation::Horizontal => h.push(e),
            Orientation::Vertical => v.push(e),
        }
    }
    (merge_edges(h, s), merge_edges(v, s))
}

/// Snap positions of parallel edges, join collinear overlapping/near segments, drop short ones.
fn merge_edges(mut edges: Vec<Edge>, s: &TableSettings) -> Vec<Edge> {
    if edges.is_empty() {
        return edges;
    }
    // Snap: cluster by position; every edge takes its cluster's mean position.
    edges.sort_by(|a, b| a.pos.total_cmp(&b.pos));
    let positions: Vec<f32> = edges.iter().map(|e| e.pos).collect();
    let groups = cluster_indices(&positions, s.snap_tolerance);
    let mut out = Vec::new();
    for g in groups {
        let mean = g.iter().map(|&i| positions[i]).sum::<f32>() / g.len() as f32;
        let mut segs: Vec<Edge> = g
            .iter()
            .map(|&i| Edge {
                pos: mean,
                ..edges[i]
            })
            .collect();
        segs.sort_by(|a, b| a.start.total_cmp(&b.start));
        let mut cur = segs[0];
        for e in segs.into_iter().skip(1) {
            if e.start <= cur.end + s.join_tolerance {
                cur.end = cur.end.max(e.end);
            } else {
                out.push(cur);
                cur = e;
            }
        }
        out.push(cur);
    }
    out.retain(|e| e.len() >= s.min_edge_length);
    out
}

/// Groups of indices into the SORTED `values`; a group grows while a value is within
/// `tol` of the group's first value.
pub(crate) fn cluster_indices(values: &[f32], tol: f32) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut first = f32::NAN;
    for (i, &v) in values.iter().enumerate() {
        if groups.is_empty() || v - first > tol {
            groups.push(vec![i]);
            first = v;
        } else if let Some(g) = groups.last_mut() {
            g.push(i);
        }
    }
    groups
}

/// Sorted, clustered distinct positions (cluster means).
pub(crate) fn cluster_positions(values: &[f32], tol: f32) -> Vec<f32> {
    let mut v: Vec<f32> = values.iter().copied().filter(|x| x.is_finite()).collect();
    v.sort_by(|a, b| a.total_cmp(b));
    cluster_indices(&v, tol)
        .into_iter()
        .map(|g| g.iter().map(|&i| v[i]).sum::<f32>() / g.len() as f32)
        .collect()
}

/// Length of `[a, b]` covered by the union of `edges` (clipped), edges given at one position.
pub(crate) fn coverage(edges: &[&Edge], a: f32, b: f32) -> f32 {
    let mut iv: Vec<(f32, f32)> = edges
        .iter()
        .map(|e| (e.start.max(a), e.end.min(b)))
        .filter(|(x, y)| y > x)
        .collect();
    iv.sort_by(|p, q| p.0.total_cmp(&q.0));
    let mut total = 0.0;
    let mut cur: Option<(f32, f32)> = None;
    for (x, y) in iv {
        match cur {
            Some((cx, cy)) if x <= cy => cur = Some((cx, cy.max(y))),
            Some((cx, cy)) => {
                total += cy - cx;
                cur = Some((x, y));
            }
            None => cur = Some((x, y)),
        }
    }
    if let Some((cx, cy)) = cur {
        total += cy - cx;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hr(pos: f32, a: f32, b: f32) -> Ruling {
        Ruling {
            orientation: Orientation::Horizontal,
            pos,
            start: a,
            end: b,
        }
    }

    #[test]
    fn double_lines_become_one_edge() {
        let s = TableSettings::default();
        let (h, v) = build_edges(&[hr(100.0, 0.0, 200.0), hr(101.0, 0.0, 200.0)], &s);
        assert_eq!(h.len(), 1);
        assert!(v.is_empty());
        assert!((h[0].pos - 100.5).abs() < 0.01);
    }

    #[test]
    fn collinear_segments_join() {
        let s = TableSettings::default();
        let (h, _) = build_edges(
            &[
                hr(10.0, 0.0, 50.0),
                hr(10.0, 52.0, 100.0),
                hr(10.0, 120.0, 130.0),
            ],
            &s,
        );
        assert_eq!(h.len(), 2);
        assert_eq!(h[0].start, 0.0);
        assert_eq!(h[0].end, 100.0);
    }

    #[test]
    fn garbage_rulings_are_dropped() {
        let s = TableSettings::default();
        let (h, v) = build_edges(
            &[
                hr(f32::NAN, 0.0, 10.0),
                hr(5.0, f32::INFINITY, 1.0),
                hr(5.0, 3.0, 3.0),
                Ruling {
                    orientation: Orientation::Vertical,
                    pos: 1.0,
                    start: 20.0,
                    end: 0.0,
                },
            ],
            &s,
        );
        assert!(h.is_empty());
        assert_eq!(v.len(), 1);
        assert_eq!((v[0].start, v[0].end), (0.0, 20.0));
    }

    #[test]
    fn coverage_unions_overlaps() {
        let a = Edge {
            pos: 0.0,
            start: 0.0,
            end: 5.0,
        };
        let b = Edge {
            pos: 0.0,
            start: 4.0,
            end: 8.0,
        };
        let c = Edge {
            pos: 0.0,
            start: 9.0,
            end: 20.0,
        };
        assert!((coverage(&[&a, &b, &c], 0.0, 10.0) - 9.0).abs() < 1e-4);
    }
}
