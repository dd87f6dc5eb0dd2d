//! Glyphs → lines → text, with the CJK-aware spacing rules.

use super::settings::TableSettings;
use super::types::Glyph;
pub(crate) use crate::normalise::text::is_cjk;

/// Characters that never take an inserted space next to them: CJK plus the symbols
/// Chinese text sets in CJK fonts (quotes, dashes, ≥, ℃ …).
pub(crate) fn is_tight(c: char) -> bool {
    is_cjk(c)
        || matches!(
            c,
            '“' | '”'
                | '‘'
                | '’'
                | '…'
                | '—'
                | '–'
                | '·'
                | '≥'
                | '≤'
                | '≠'
                | '±'
                | '×'
                | '÷'
                | '℃'
                | '°'
                | '●'
                | '■'
                | '□'
                | '√'
                | '※'
                | '→'
                | '←'
                | '▲'
                | '★'
                | '☆'
        )
}

fn is_ascii_punct_small(c: char) -> bool {
    matches!(c, ',' | '.' | ':' | ';' | '%' | '\'' | '"')
}

/// A glyph with sane numbers, or None (NaN / infinite coordinates).
pub(crate) fn sane(g: &Glyph) -> bool {
    let b = &g.bbox;
    b.x0.is_finite()
        && b.x1.is_finite()
        && b.top.is_finite()
        && b.bottom.is_finite()
        && g.baseline.is_finite()
}

/// Effective size of a glyph (falls back to its box height, then 10pt).
pub(crate) fn size_of(g: &Glyph) -> f32 {
    if g.size.is_finite() && g.size > 0.1 {
        g.size
    } else {
        let h = g.bbox.bottom - g.bbox.top;
        if h.is_finite() && h > 0.1 { h } else { 10.0 }
    }
}

/// The glyph's reference point for cell assignment: its horizontal centre and a
/// point 0.3 × size above the baseline (slightly below the em box centre, so a
/// glyph set tight under a border never counts for the row above).
pub(crate) fn centre(g: &Glyph) -> (f32, f32) {
    ((g.bbox.x0 + g.bbox.x1) / 2.0, g.baseline - 0.3 * size_of(g))
}

/// One visual line of glyphs.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    pub baseline: f32,
    pub size: f32,
    pub glyphs: Vec<&'a Glyph>,
}

impl Line<'_> {
    pub fn x0(&self) -> f32 {
        self.glyphs
            .iter()
            .map(|g| g.bbox.x0)
            .fold(f32::INFINITY, f32::min)
    }
    pub fn x1(&self) -> f32 {
        self.glyphs
            .iter()
            .map(|g| g.bbox.x1)
            .fold(f32::NEG_INFINITY, f32::max)
    }
    pub fn top(&self) -> f32 {
        self.baseline - 0.88 * self.size
    }
}

/// Group glyphs into lines by baseline (tolerance relative to font size, not box
/// overlap), lines top to bottom, glyphs left to right.
pub(crate) fn group_lines<'a>(glyphs: &[&'a Glyph], s: &TableSettings) -> Vec<Line<'a>> {
    let mut gs: Vec<&Glyph> = glyphs.iter().copied().filter(|g| sane(g)).collect();
    gs.sort_by(|a, b| {
        a.baseline
            .total_cmp(&b.baseline)
            .then(a.bbox.x0.total_cmp(&b.bbox.x0))
    });
    let mut lines: Vec<Line> = Vec::new();
    for g in gs {
        let sz = size_of(g);
        if let Some(l) = lines.last_mut()
            && (g.baseline - l.baseline).abs() <= s.line_tolerance * sz.max(l.size)
        {
            l.glyphs.push(g);
            continue;
        }
        lines.push(Line {
            baseline: g.baseline,
            size: sz,
            glyphs: vec![g],
        });
    }
    for l in &mut lines {
        l.glyphs.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
        // The line's baseline/size: the most common (median) of its glyphs.
        let mut bs: Vec<f32> = l.glyphs.iter().map(|g| g.baseline).collect();
        bs.sort_by(|a, b| a.total_cmp(b));
        l.baseline = bs[bs.len() / 2];
        let mut ss: Vec<f32> = l.glyphs.iter().map(|g| size_of(g)).collect();
        ss.sort_by(|a, b| a.total_cmp(b));
        l.size = ss[ss.len() / 2];
    }
    lines
}

/// Smallest and largest word-space threshold, as fractions of the em.
const MIN_SPACE_EM: f32 = 0.1;
const MAX_SPACE_EM: f32 = 0.3;
/// Without a known space width, a word space is taken as this fraction of the em
/// (the space of most text faces is 0.25–0.33 em).
const DEFAULT_SPACE_EM: f32 = 0.25;

/// The gap (points) between two glyphs above which a word space is inferred: half
/// the font's own space width (the space character's advance, carried by the page
/// model), else half of `DEFAULT_SPACE_EM`, kept within 0.1–0.3 em — as pdf.js
/// (0.1 em) and poppler (0.1 em word break) do, and pdfplumber's `x_tolerance`
/// (3 pt at 10–12 pt) roughly.
fn space_threshold(p: &Glyph, g: &Glyph, s: &TableSettings) -> f32 {
    let sz = size_of(g).max(size_of(p));
    let sp = [p.space, g.space]
        .into_iter()
        .filter(|w| w.is_finite() && *w > 0.0)
        .fold(0.0f32, f32::max);
    let sp = if sp > 0.0 { sp } else { DEFAULT_SPACE_EM * sz };
    (0.5 * sp).clamp(
        MIN_SPACE_EM * sz,
        (MAX_SPACE_EM * sz)
            .min(s.space_gap * sz)
            .max(MIN_SPACE_EM * sz),
    )
}

/// Letter-spacing of a line (`Tc`, distributed alignment): the median gap between
/// adjacent visible glyphs when the line has at least three such pairs; 0 when the
/// glyphs mostly touch. Word gaps are measured on top of it.
fn tracking(glyphs: &[&Glyph]) -> f32 {
    let vis: Vec<&&Glyph> = glyphs
        .iter()
        .filter(|g| !g.text.trim().is_empty())
        .collect();
    let mut gaps: Vec<f32> = vis
        .windows(2)
        .map(|w| (w[1].bbox.x0 - w[0].bbox.x1).max(0.0))
        .filter(|x| x.is_finite())
        .collect();
    if gaps.len() < 3 {
        return 0.0;
    }
    gaps.sort_by(|a, b| a.total_cmp(b));
    gaps[gaps.len() / 2]
}

/// Text of one line: explicit space glyphs kept (runs of them collapsed), a space
/// inferred where the gap between two glyphs exceeds the font's word-space threshold
/// (see [`space_threshold`]) on top of the line's letter-spacing, never between two
/// CJK characters (or CJK symbols) unless the gap is column-sized.
pub(crate) fn line_text(line: &Line, s: &TableSettings) -> String {
    let mut out = String::new();
    let mut prev: Option<&Glyph> = None;
    let track = tracking(&line.glyphs);
    for g in &line.glyphs {
        if g.text.is_empty() {
            continue;
        }
        if let Some(p) = prev {
            let sz = size_of(g).max(size_of(p));
            if p.text == g.text && (g.bbox.x0 - p.bbox.x0).abs() < s.duplicate_tolerance * sz {
                continue; // the same glyph drawn twice (fake bold / shadow)
            }
            let gap = g.bbox.x0 - p.bbox.x1;
            let a = out.chars().last().unwrap_or(' ');
            let b = g.text.chars().next().unwrap_or(' ');
            if !a.is_whitespace() && !b.is_whitespace() {
                // Tiny punctuation boxes: no space before `,.:;%` or inside a
                // number (`19,` `206`) unless the gap is wide.
                let punct =
                    is_ascii_punct_small(b) || (matches!(a, ',' | '.') && b.is_ascii_digit());
                let space = if gap > s.column_gap * sz {
                    true
                } else if punct && gap < s.punctuation_gap * sz {
                    false
                } else {
                    gap - track > space_threshold(p, g, s) && !is_tight(a) && !is_tight(b)
                };
                if space {
                    out.push(' ');
                }
            }
        }
        for c in g.text.chars() {
            if c.is_whitespace() {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            } else {
                out.push(c);
            }
        }
        prev = Some(g);
    }
    out.trim().to_string()
}

/// Join wrapped lines: nothing between CJK (or any non-word) characters, one space
/// between Latin letters/digits, after `.` before a Latin letter, and after ASCII
/// `,;:!?` before anything but a digit (`思想, 全面` — the producer dropped the
/// space at the break; `19,` + `206.99` stays one number).
pub(crate) fn join_wrapped(parts: &[String]) -> String {
    let mut out = String::new();
    for p in parts {
        let p = p.trim();
        if p.is_empty() {
            continue;
        }
        if let (Some(a), Some(b)) = (out.chars().last(), p.chars().next())
            && wrap_space(a, b)
        {
            out.push(' ');
        }
        out.push_str(p);
    }
    out
}

fn wrap_space(a: char, b: char) -> bool {
    let wordy = |c: char| c.is_alphanumeric() && !is_tight(c);
    (wordy(a) && wordy(b))
        || (a == '.' && b.is_alphabetic() && !is_tight(b))
        || (matches!(a, ',' | ';' | ':' | '!' | '?') && !b.is_ascii_digit() && !b.is_whitespace())
}

pub(crate) use super::grid::LINE_BREAK;

/// Text of a set of glyphs (one cell): lines in reading order, wrapped lines joined.
///
/// A line break keeps one space when the page model holds a space glyph at the end
/// of the line (or the start of the next), or when the break was deliberate: the
/// next line's first word would have fitted into the room left on the line (measured
/// against the rightmost line end of the cell) and one side of the break is a
/// digit, Latin letter or `%` — value lists like `3家 12次`, `193人 92%`. In a
/// cell of short space-separated tokens, a break before a digit/Latin letter or
/// after `%` keeps a space even when the line looks full (`3|家` stays `3家`). (Not
/// between CJK characters or brackets: kinsoku rules end lines short there.)
/// Otherwise the wrapped-line rule applies.
///
/// `cell` = the cell's left and right border: the room on a line is then measured
/// up to the right border minus the left padding (symmetric padding assumed).
pub(crate) fn block_text(glyphs: &[&Glyph], s: &TableSettings, cell: Option<(f32, f32)>) -> String {
    let lines = group_lines(glyphs, s);
    let mut right = lines
        .iter()
        .map(|l| l.x1())
        .fold(f32::NEG_INFINITY, f32::max);
    if let Some((cx0, cx1)) = cell {
        let left = lines.iter().map(|l| l.x0()).fold(f32::INFINITY, f32::min);
        let pad = left - cx0;
        if pad.is_finite() && pad >= 0.0 {
            right = right.max(cx1 - pad);
        }
    }
    let texts: Vec<String> = lines.iter().map(|l| line_text(l, s)).collect();
    // A value list (`2处 92% 3家 …`): several space-separated short tokens. Producers
    // wrap such cells at the spaces and often drop the space glyph.
    let tokens: Vec<&str> = texts
        .iter()
        .flat_map(|t| t.split(' '))
        .filter(|t| !t.is_empty())
        .collect();
    let list = tokens.len() >= 3
        && tokens.len() > texts.len()
        && tokens.iter().map(|t| t.chars().count()).sum::<usize>()
            <= s.list_token_len * tokens.len();
    let mut out = String::new();
    for (i, (l, t)) in lines.iter().zip(&texts).enumerate() {
        if t.is_empty() {
            continue;
        }
        if let (Some(a), Some(b)) = (out.chars().last(), t.chars().next()) {
            let prev = &lines[i - 1];
            let spaced = ends_with_space(prev) || starts_with_space(l);
            let deliberate = s.deliberate_break_space
                && ((list && (value_char(b) || a == '%'))
                    || ((value_char(a) || value_char(b))
                        && right - prev.x1() > first_word_width(l) + 0.25 * l.size));
            if spaced || deliberate || wrap_space(a, b) {
                out.push(' ');
            } else if is_cjk(a) && is_cjk(b) {
                // Joined with nothing, but the break is kept visible: in a
                // list of CJK names it may be the only separator a producer
                // left. The form stage removes it (see `crate::form`).
                out.push(LINE_BREAK);
            }
        }
        out.push_str(t);
    }
    out
}

fn value_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '%'
}

fn ends_with_space(l: &Line) -> bool {
    l.glyphs
        .iter()
        .rev()
        .find(|g| !g.text.is_empty())
        .is_some_and(|g| g.text.chars().all(char::is_whitespace))
}

fn starts_with_space(l: &Line) -> bool {
    l.glyphs
        .iter()
        .find(|g| !g.text.is_empty())
        .is_some_and(|g| g.text.chars().all(char::is_whitespace))
}

/// Width of the line's first word: its first CJK glyph, or its first run of
/// non-CJK, non-space glyphs.
fn first_word_width(l: &Line) -> f32 {
    let mut x0 = f32::NAN;
    let mut x1 = f32::NAN;
    for g in l.glyphs.iter().filter(|g| !g.text.trim().is_empty()) {
        let c = g.text.chars().next().unwrap_or(' ');
        if x0.is_nan() {
            x0 = g.bbox.x0;
            x1 = g.bbox.x1;
            if is_tight(c) {
                break;
            }
            continue;
        }
        if is_tight(c) || g.bbox.x0 - x1 > 0.2 * size_of(g) {
            break;
        }
        x1 = g.bbox.x1;
    }
    if x0.is_nan() { 0.0 } else { x1 - x0 }
}

/// Text with all whitespace removed (for comparisons).
pub(crate) fn squash(t: &str) -> String {
    t.chars().filter(|c| !c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use super::*;

    /// The cell text as the form stage reads it (wrap marks removed).
    fn text_of(gs: &[Glyph]) -> String {
        raw_text_of(gs).replace(LINE_BREAK, "")
    }

    fn raw_text_of(gs: &[Glyph]) -> String {
        let refs: Vec<&Glyph> = gs.iter().collect();
        block_text(&refs, &TableSettings::default(), None)
    }

    #[test]
    fn cjk_wrap_points_are_marked() {
        let mut gs = run("中文", 0.0, 50.0, 10.0);
        gs.extend(run("继续", 0.0, 62.0, 10.0));
        assert_eq!(raw_text_of(&gs), "中文\n继续");
        let mut gs = run("100", 0.0, 50.0, 10.0);
        gs.extend(run("万元", 0.0, 62.0, 10.0));
        assert_eq!(
            raw_text_of(&gs),
            "100万元",
            "only CJK-CJK breaks are marked"
        );
    }

    #[test]
    fn cjk_latin_gap_gets_no_space() {
        // "≥80" then a visible gap then "分/月" (Word leaves a gap at script changes).
        let mut gs = run("≥80", 100.0, 200.0, 10.0);
        gs.extend(run("分/月", 100.0 + 3.0 * 5.0 + 4.0, 200.0, 10.0));
        assert_eq!(text_of(&gs), "≥80分/月");
    }

    #[test]
    fn tiny_comma_does_not_split_number() {
        // The comma's box is narrow and the next digit starts a little after it.
        let mut gs = run("19", 0.0, 50.0, 10.0);
        gs.push(glyph(",", 10.0, 11.0, 50.0, 10.0));
        gs.extend(run("206.99", 13.0, 50.0, 10.0));
        assert_eq!(text_of(&gs), "19,206.99");
    }

    #[test]
    fn latin_words_get_spaces_and_wrapped_lines_join() {
        let mut gs = run("abc", 0.0, 50.0, 10.0);
        gs.extend(run("def", 15.0 + 5.0, 50.0, 10.0));
        gs.extend(run("gh", 0.0, 62.0, 10.0));
        assert_eq!(text_of(&gs), "abc def gh");
        let mut gs = run("中文", 0.0, 50.0, 10.0);
        gs.extend(run("继续", 0.0, 62.0, 10.0));
        assert_eq!(text_of(&gs), "中文继续");
        let mut gs = run("100", 0.0, 50.0, 10.0);
        gs.extend(run("万元", 0.0, 62.0, 10.0));
        assert_eq!(text_of(&gs), "100万元");
    }

    #[test]
    fn baseline_grouping_ignores_zero_ascent_boxes() {
        // LibreOffice-style: boxes with zero height; grouping must use baselines.
        let mut gs = run("上行", 0.0, 50.0, 10.0);
        gs.extend(run("下行", 0.0, 61.0, 10.0));
        for g in &mut gs {
            g.bbox.top = g.baseline;
            g.bbox.bottom = g.baseline;
        }
        assert_eq!(text_of(&gs), "上行下行");
        let lines = group_lines(&gs.iter().collect::<Vec<_>>(), &TableSettings::default());
        assert_eq!(lines.len(), 2);
    }

    #[test]
    fn full_width_is_kept_and_duplicates_dropped() {
        let mut gs = run("１００％", 0.0, 50.0, 10.0);
        let dup = gs[0].clone();
        gs.push(Glyph {
            bbox: super::super::types::Rect {
                x0: dup.bbox.x0 + 0.3,
                x1: dup.bbox.x1 + 0.3,
                ..dup.bbox
            },
            ..dup
        });
        assert_eq!(text_of(&gs), "１００％");
    }

    #[test]
    fn explicit_spaces_collapse() {
        let gs = run("a  b", 0.0, 50.0, 10.0);
        assert_eq!(text_of(&gs), "a b");
    }

    #[test]
    fn deliberate_and_spaced_breaks_keep_a_space() {
        // A list cell: "2处 92% 3家" then "12次" on the next line although "12" fitted.
        let mut gs = run("2处 92% 3家", 0.0, 50.0, 10.0);
        gs.extend(run("12次 14人", 0.0, 63.0, 10.0));
        gs.extend(run("193人 92% 30000", 0.0, 76.0, 10.0));
        gs.extend(run("5次", 0.0, 89.0, 10.0));
        assert_eq!(text_of(&gs), "2处 92% 3家 12次 14人 193人 92% 30000 5次");
        // Trailing space glyph at the line end.
        let mut gs = run("193人 ", 0.0, 50.0, 10.0);
        gs.extend(run("92%", 0.0, 63.0, 10.0));
        assert_eq!(text_of(&gs), "193人 92%");
        // A value list wrapped at spaces (dropped), lines nearly full.
        let mut gs = run("4次 300家", 0.0, 50.0, 10.0);
        gs.extend(run("2次 100%", 0.0, 63.0, 10.0));
        gs.extend(run("93% 100%", 0.0, 76.0, 10.0));
        assert_eq!(text_of(&gs), "4次 300家 2次 100% 93% 100%");
        let mut gs = run("2处 92% 3", 0.0, 50.0, 10.0);
        gs.extend(run("家 12次 5", 0.0, 63.0, 10.0));
        gs.extend(run("次", 0.0, 76.0, 10.0));
        assert_eq!(text_of(&gs), "2处 92% 3家 12次 5次");
        // A full CJK line wrapping mid-word: no space.
        let mut gs = run("持续学习贯彻习近平新时代", 0.0, 50.0, 10.0);
        gs.extend(run("中国特色社会主义思想", 0.0, 63.0, 10.0));
        assert_eq!(text_of(&gs), "持续学习贯彻习近平新时代中国特色社会主义思想");
        // Kinsoku: a line ending one char short before "，" pulled down a char.
        let mut gs = run("持续学习贯彻习近平新时", 0.0, 50.0, 10.0);
        gs.extend(run("代，中国特色社会主义思想", 0.0, 63.0, 10.0));
        gs.extend(run("持续学习贯彻习近平新时代", 0.0, 76.0, 10.0));
        assert_eq!(
            text_of(&gs),
            "持续学习贯彻习近平新时代，中国特色社会主义思想持续学习贯彻习近平新时代"
        );
        // A date wrapped because "31" did not fit: no space.
        let mut gs = run("完成时间2021年12月", 0.0, 50.0, 10.0);
        gs.extend(run("31日前", 0.0, 63.0, 10.0));
        assert_eq!(text_of(&gs), "完成时间2021年12月31日前");
    }

    #[test]
    fn kinsoku_short_line_gets_no_space() {
        // Two characters pushed down together with a closing quote + full stop.
        let mut gs = run("持续学习贯彻习近平新", 0.0, 50.0, 10.0);
        gs.extend(run("时代”。中国特色社会主", 0.0, 63.0, 10.0));
        gs.extend(run("义", 0.0, 76.0, 10.0));
        assert_eq!(text_of(&gs), "持续学习贯彻习近平新时代”。中国特色社会主义");
    }

    #[test]
    fn wrap_rules() {
        assert_eq!(join_wrapped(&["19,206.".into(), "99".into()]), "19,206.99");
        assert_eq!(join_wrapped(&["end.".into(), "Next".into()]), "end. Next");
        assert_eq!(
            join_wrapped(&["“两委”".into(), "换届".into()]),
            "“两委”换届"
        );
    }
}
