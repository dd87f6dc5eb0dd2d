//! Borderless fallback: text lines whose chunks line up in columns → a weak table.

use super::lattice::{RawCell, RawTable};
use super::settings::TableSettings;
use super::text::{Line, line_text, size_of};
use super::types::Glyph;

/// A horizontal run of glyphs on one line, separated from its neighbours by a wide gap.
struct Chunk {
    x0: f32,
    x1: f32,
    text: String,
}

fn chunks(line: &Line, s: &TableSettings) -> Vec<Chunk> {
    let mut out: Vec<Vec<&Glyph>> = Vec::new();
    // Space glyphs since the last visible glyph: kept inside a chunk (explicit word
    // spaces), dropped at a chunk boundary; they never decide the boundary.
    let mut spaces: Vec<&Glyph> = Vec::new();
    for g in &line.glyphs {
        if g.text.trim().is_empty() {
            if !out.is_empty() {
                spaces.push(g);
            }
            continue;
        }
        let new = match out.last().and_then(|c| c.last()) {
            Some(p) => g.bbox.x0 - p.bbox.x1 > s.borderless_gap * size_of(g).max(size_of(p)),
            None => true,
        };
        if new {
            out.push(vec![g]);
        } else if let Some(c) = out.last_mut() {
            c.append(&mut spaces);
            c.push(g);
        }
        spaces.clear();
    }
    out.into_iter()
        .map(|gs| {
            let l = Line {
                baseline: line.baseline,
                size: line.size,
                glyphs: gs,
            };
            Chunk {
                x0: l.x0(),
                x1: l.x1(),
                text: line_text(&l, s),
            }
        })
        .collect()
}

/// Borderless tables among `lines` (top to bottom); returns the tables and, per
/// line, whether it was consumed by one.
pub(crate) fn find_borderless(
    lines: &[Line],
    page: usize,
    s: &TableSettings,
) -> (Vec<RawTable>, Vec<bool>) {
    let mut used = vec![false; lines.len()];
    let mut tables = Vec::new();
    if !s.borderless || lines.len() < s.borderless_min_rows.max(1) {
        return (tables, used);
    }
    let ch: Vec<Vec<Chunk>> = lines.iter().map(|l| chunks(l, s)).collect();
    let mut i = 0;
    while i < lines.len() {
        if ch[i].len() < 2 {
            i += 1;
            continue;
        }
        // Extend the run while lines are close; it ends at its last multi-chunk line.
        let mut end = i; // inclusive, last multi-chunk line
        let mut j = i + 1;
        while j < lines.len() {
            let gap = lines[j].baseline - lines[j - 1].baseline;
            if gap > s.borderless_line_spacing * lines[j].size.max(lines[j - 1].size) {
                break;
            }
            if ch[j].len() >= 2 {
                end = j;
            }
            j += 1;
        }
        let multi = (i..=end).filter(|&k| ch[k].len() >= 2).count();
        if multi < s.borderless_min_rows {
            i = end + 1;
            continue;
        }
        if let Some(t) = build(lines, &ch, i, end, page, s) {
            for u in used.iter_mut().take(end + 1).skip(i) {
                *u = true;
            }
            tables.push(t);
        }
        i = end + 1;
    }
    (tables, used)
}

fn build(
    lines: &[Line],
    ch: &[Vec<Chunk>],
    a: usize,
    b: usize,
    page: usize,
    s: &TableSettings,
) -> Option<RawTable> {
    // Column intervals: union of the multi-chunk lines' chunk extents.
    let mut iv: Vec<(f32, f32)> = (a..=b)
        .filter(|&k| ch[k].len() >= 2)
        .flat_map(|k| ch[k].iter().map(|c| (c.x0, c.x1)))
        .collect();
    iv.sort_by(|p, q| p.0.total_cmp(&q.0));
    let mut cols: Vec<(f32, f32)> = Vec::new();
    for (x0, x1) in iv {
        match cols.last_mut() {
            Some(c) if x0 <= c.1 => c.1 = c.1.max(x1),
            _ => cols.push((x0, x1)),
        }
    }
    if cols.len() < s.borderless_min_cols {
        return None;
    }
    let nc = cols.len();
    let col_of = |x0: f32, x1: f32| -> (usize, usize) {
        let hit: Vec<usize> = (0..nc)
            .filter(|&c| x0 < cols[c].1 && x1 > cols[c].0)
            .collect();
        match (hit.first(), hit.last()) {
            (Some(&f), Some(&l)) => (f, l + 1),
            _ => {
                let c = cols.iter().rposition(|c| c.0 <= x0).unwrap_or(0);
                (c, c + 1)
            }
        }
    };
    // Row entries: (first column, end column, text, right end of the text).
    let mut rows: Vec<Vec<(usize, usize, String, f32)>> = Vec::new();
    let mut tops: Vec<f32> = Vec::new();
    for k in a..=b {
        let mut row: Vec<(usize, usize, String, f32)> = Vec::new();
        for c in &ch[k] {
            let (c0, c1) = col_of(c.x0, c.x1);
            match row.iter_mut().find(|e| e.0 < c1 && c0 < e.1) {
                Some(e) => {
                    e.0 = e.0.min(c0);
                    e.1 = e.1.max(c1);
                    e.2 = format!("{} {}", e.2, c.text);
                    e.3 = e.3.max(c.x1);
                }
                None => row.push((c0, c1, c.text.clone(), c.x1)),
            }
        }
        // A single chunk inside one column, under text in that column that reached
        // the column's right edge and is not tiny (≥ 4 chars): a wrapped line of
        // that cell. Otherwise a row of its own (e.g. a 其中 label row).
        let size = lines[k].size;
        if ch[k].len() == 1
            && row.len() == 1
            && row[0].1 - row[0].0 == 1
            && let Some(prev) = rows.last_mut()
            && let Some(e) = prev.iter_mut().find(|e| e.0 == row[0].0 && e.1 == row[0].1)
            && e.3 >= cols[e.1 - 1].1 - 1.5 * size
            && e.2.chars().count() >= 4
        {
            e.2 = super::text::join_wrapped(&[e.2.clone(), row[0].2.clone()]);
            e.3 = e.3.max(row[0].3);
            continue;
        }
        tops.push(lines[k].top());
        rows.push(row);
    }
    let mut cells = Vec::new();
    let mut filled = 0usize;
    for (r, row) in rows.iter().enumerate() {
        let mut c = 0;
        let mut sorted = row.clone();
        sorted.sort_by_key(|e| e.0);
        for (c0, c1, t, _) in sorted {
            while c < c0 {
                cells.push(RawCell {
                    r0: r,
                    r1: r + 1,
                    c0: c,
                    c1: c + 1,
                    text: String::new(),
                    at: None,
                });
                c += 1;
            }
            filled += c1 - c0;
            cells.push(RawCell {
                r0: r,
                r1: r + 1,
                c0,
                c1,
                text: t,
                at: None,
            });
            c = c1;
        }
        while c < nc {
            cells.push(RawCell {
                r0: r,
                r1: r + 1,
                c0: c,
                c1: c + 1,
                text: String::new(),
                at: None,
            });
            c += 1;
        }
    }
    let nrows = rows.len();
    let mut xs = vec![cols[0].0];
    for w in cols.windows(2) {
        xs.push((w[0].1 + w[1].0) / 2.0);
    }
    xs.push(cols[nc - 1].1);
    let bottom = lines[b].baseline + 0.12 * lines[b].size;
    let mut ys = tops;
    ys.push(bottom);
    let fill = filled as f32 / (nrows * nc).max(1) as f32;
    let quality = (s.borderless_quality * fill).clamp(0.05, s.borderless_quality);
    Some(RawTable {
        page,
        last_page: page,
        xs,
        ys,
        last_bottom: bottom,
        cells,
        quality,
        top_closed: 1.0,
        bottom_closed: 1.0,
        nrows,
        restored: [false; 4],
        h_closed: Vec::new(),
    })
}
