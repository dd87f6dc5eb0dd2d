//! Glyphs → lines → text, with the CJK-aware spacing rules.

use super::settings::TableSettings;
use super::types::Glyph;
pub(crate) use crate::lexical::text::is_cjk;

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

/// Join wrapped lines: nothing between CJK (or any non-word) characters or two
/// digits, one space between Latin letters/digits, after `.` before a Latin
/// letter, and after ASCII `,;:!?` before anything but a digit (`思想, 全面` — the producer dropped the
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

pub(crate) fn wrap_space(a: char, b: char) -> bool {
    let wordy = |c: char| c.is_alphanumeric() && !is_tight(c);
    // Not between two digits: a full line that ends inside a number (`不高于1` /
    // `2人`) was wrapped by an engine that breaks anywhere.
    (wordy(a) && wordy(b) && !(a.is_ascii_digit() && b.is_ascii_digit()))
        || (a == '.' && b.is_alphabetic() && !is_tight(b))
        || (matches!(a, ',' | ';' | ':' | '!' | '?') && !b.is_ascii_digit() && !b.is_whitespace())
}

pub(crate) use super::grid::{HARD_BREAK, LINE_BREAK};

/// Text of a set of glyphs (one cell): lines in reading order, each line break
/// either hard or a soft wrap.
///
/// A break is **hard** ([`HARD_BREAK`]) when the producer ended the line on
/// purpose: the line ends short of the cell's right edge where the next
/// line's first unit would have fitted (a one-per-line list, a new
/// paragraph, a space-separated list wrapped at a space), the vertical gap
/// is larger than the cell's line spacing (paragraph spacing), or the next
/// line starts with a bullet or an item number, or the item so far is one
/// complete measure (`193人`, `100%`, also wrapped as `193` / `人`) and the
/// next line starts another. The first unit is the first two CJK glyphs (a
/// word, for engines that break at dictionary words; one in a cell of short
/// space-separated tokens, wrapped at its spaces) or the first run of
/// non-CJK glyphs (with its unit: `12次`), with the punctuation that may not
/// start a line (`，。”）%`…) and an opening bracket before it, so a line
/// ended short by kinsoku is not taken for a hard break.
///
/// A hard break is preceded by a space where the joined text keeps one (the
/// rules below).
///
/// Otherwise the break is a soft wrap: one space when the page model holds a
/// space glyph at the end of the line (or the start of the next), or in a
/// cell of short space-separated tokens before a digit/Latin letter (when the
/// token before holds a digit: not in `第` / `7名`) or after `%` (value lists
/// wrapped at spaces whose space glyph was dropped), or when
/// the next line's first word would have fitted and one side is a digit,
/// Latin letter or `%` (`3家` / `12次`);
/// [`LINE_BREAK`] between two CJK characters, or between CJK text and a line
/// that is one complete measure (may be a dropped separator, the form stage
/// decides); else the wrapped-line rule.
///
/// `cell` = the cell's left and right border: the room on a line is then
/// measured up to the right border minus the left padding (symmetric padding
/// assumed); without it, up to the rightmost line end.
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
    let pitch = line_pitch(&lines);
    let mut out = String::new();
    for (i, (l, t)) in lines.iter().zip(&texts).enumerate() {
        if t.is_empty() {
            continue;
        }
        if let (Some(a), Some(b)) = (out.chars().last(), t.chars().next()) {
            let prev = &lines[i - 1];
            let spaced = ends_with_space(prev) || starts_with_space(l);
            let room = right - prev.x1();
            // In a list of short space-separated tokens the producer wraps at the
            // spaces: one CJK glyph of room is enough to tell.
            let short = room > first_unit_width(l, !list) + 0.25 * l.size;
            let gap = l.baseline - prev.baseline;
            let paragraph = match pitch {
                Some(p) => gap > 1.35 * p,
                None => gap > 2.5 * l.size.max(prev.size),
            };
            // The item so far: the text since the last separator.
            let item = out.rsplit([' ', HARD_BREAK]).next().unwrap_or("");
            let measures = is_measure(&item.replace(LINE_BREAK, ""), s) && starts_measure(t, s);
            // Inside an open quote or bracket a line is never ended on purpose
            // (engines breaking at dictionary words end it short: `“四标四` / `实”`).
            let open = |o: char, c: char| item.matches(o).count() > item.matches(c).count();
            let short = short && !(open('“', '”') || open('（', '）') || open('(', ')'));
            // A space at the break (kept in the joined text): a space glyph, a
            // value list, a deliberate break next to a digit/Latin letter/`%`.
            let space = spaced
                || (s.deliberate_break_space
                    && ((list
                        && ((value_char(b) && item.chars().any(|c| c.is_ascii_digit()))
                            || a == '%'))
                        || ((value_char(a) || value_char(b))
                            && room > first_word_width(l) + 0.25 * l.size)))
                || wrap_space(a, b);
            if s.hard_breaks && (short || paragraph || measures || starts_item(t)) {
                if space {
                    out.push(' ');
                }
                out.push(HARD_BREAK);
            } else if space {
                out.push(' ');
            } else if (is_tight(a) && is_tight(b))
                || (is_cjk(a) && is_measure(t, s) && starts_measure(t, s))
            {
                // Joined with nothing, but the break is kept visible: in a
                // list of CJK names it may be the only separator a producer
                // left (also before `“` or after `”`). The form stage removes
                // it (see `crate::form`). Likewise before a line that is one
                // complete measure after CJK text (`2022年12月31日前` / `199次`,
                // `按时完成` / `36元`: a one-per-line value list in a column
                // too narrow to show the line ended on purpose).
                out.push(LINE_BREAK);
            }
        }
        out.push_str(t);
    }
    out
}

/// A line that is one complete measure (`193人`, `100%`, `≥80分/月`, `第7名`):
/// short, no space, a digit in it, ending in a unit or `%` (not a digit, `.` or `,`
/// that a wrapped number could continue).
fn is_measure(t: &str, s: &TableSettings) -> bool {
    let n = t.chars().count();
    n <= s.list_token_len + 2
        && !t.contains(' ')
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars().last().is_some_and(|c| {
            !c.is_ascii_digit() && !matches!(c, '.' | ',' | '-' | '/' | '～' | '~')
        })
}

/// A line that starts with a measure: a digit, a comparison sign or `第`, short
/// and without a space (the next item of a one-per-line list of values, maybe
/// wrapped inside: `第` / `7名`).
fn starts_measure(t: &str, s: &TableSettings) -> bool {
    t.chars().next().is_some_and(|c| {
        c.is_ascii_digit() || matches!(c, '≥' | '≤' | '>' | '<' | '＞' | '＜' | '第')
    }) && !t.contains(' ')
        && t.chars().count() <= s.list_token_len + 2
}

/// The usual distance between consecutive baselines of a block: the smallest
/// of at least two distances (paragraph spacing only ever adds), or None.
fn line_pitch(lines: &[Line]) -> Option<f32> {
    let mut ds: Vec<f32> = lines
        .windows(2)
        .map(|w| w[1].baseline - w[0].baseline)
        .filter(|d| *d > 0.0)
        .collect();
    if ds.len() < 2 {
        return None;
    }
    ds.sort_by(f32::total_cmp);
    Some(ds[0])
}

/// A line that starts a list item: a bullet, `1.` / `1、` / `(1)` / `（一）` /
/// `一、` / a circled number.
fn starts_item(t: &str) -> bool {
    let cs: Vec<char> = t.chars().take(6).collect();
    let Some(&c0) = cs.first() else { return false };
    if matches!(
        c0,
        '•' | '●' | '▪' | '■' | '◆' | '○' | '◇' | '□' | '√' | '※'
    ) || ('①'..='⑳').contains(&c0)
    {
        return true;
    }
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    if matches!(c0, '(' | '（') {
        let n = cs[1..].iter().take_while(|c| numeral(**c)).count();
        return n > 0 && cs.get(1 + n).is_some_and(|c| matches!(c, ')' | '）'));
    }
    let n = cs.iter().take_while(|c| numeral(**c)).count();
    // `1.` not followed by a digit (`6.99` continues a number), `1、`, `一、`.
    n > 0
        && n < cs.len()
        && match cs[n] {
            '、' => true,
            '.' | '．' => cs
                .get(n + 1)
                .is_some_and(|c| !c.is_ascii_digit() && !c.is_whitespace()),
            _ => false,
        }
}

/// Characters a line may not start with (they stay with the character before).
fn no_line_start(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '”'
            | '’'
            | '）'
            | '》'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '…'
            | '%'
            | '％'
            | ','
            | '.'
            | ';'
            | ':'
            | ')'
            | '℃'
    )
}

/// Characters a line may not end with (they go down with the character after).
fn no_line_end(c: char) -> bool {
    matches!(c, '“' | '‘' | '（' | '《' | '「' | '『' | '【' | '〔' | '(')
}

/// Width of the line's first unit that a producer could have put on the line
/// before: its first word ([`first_word_width`]; a number with the unit
/// after it; two CJK characters when `cjk_word`) with an opening bracket
/// before it and the closing punctuation after it.
pub(crate) fn first_unit_width(l: &Line, cjk_word: bool) -> f32 {
    let gs: Vec<&&Glyph> = l
        .glyphs
        .iter()
        .filter(|g| !g.text.trim().is_empty())
        .collect();
    let Some(first) = gs.first() else { return 0.0 };
    let x0 = first.bbox.x0;
    let mut k = 0;
    while gs.get(k).is_some_and(|g| g.text.chars().all(no_line_end)) {
        k += 1;
    }
    let mut word_end = if k > 0 {
        gs.get(k).map_or(gs[k - 1].bbox.x1, |g| g.bbox.x1)
    } else {
        x0 + first_word_width(l)
    };
    // A number takes its unit with it (`7名`, `12次`: engines keep them together).
    if first.text.starts_with(|c: char| c.is_ascii_digit())
        && let Some(u) = gs.iter().find(|g| g.bbox.x0 >= word_end - 0.01)
        && u.text.chars().all(is_tight)
        && u.bbox.x0 - word_end < 0.2 * size_of(u)
    {
        word_end = u.bbox.x1;
    }
    // A CJK word: two characters (engines that break at dictionary words, like
    // LibreOffice's, leave up to a word's room; most words are two characters).
    if cjk_word
        && gs.get(k).is_some_and(|g| g.text.chars().all(is_cjk))
        && let Some(u) = gs.iter().find(|g| g.bbox.x0 >= word_end - 0.01)
        && u.text.chars().all(is_cjk)
        && u.bbox.x0 - word_end < 0.2 * size_of(u)
    {
        word_end = u.bbox.x1;
    }
    let mut x1 = word_end;
    for g in &gs {
        if g.bbox.x0 < word_end - 0.01 {
            continue;
        }
        if g.text.chars().all(no_line_start) && g.bbox.x0 - x1 < 0.2 * size_of(g) {
            x1 = g.bbox.x1;
        } else {
            break;
        }
    }
    x1 - x0
}

/// A cell's text on one page joined with its continuation on the next (a row
/// split by a page break): a hard break where the text before ends one
/// complete measure and the next starts another (`193人` / `92%`), the CJK wrap
/// mark between two CJK characters (it may be a list's only separator), else
/// the wrapped-line rule.
pub(crate) fn join_split(a: &str, b: &str, s: &TableSettings) -> String {
    let (a, b) = (a.trim_end(), b.trim_start());
    let (Some(x), Some(y)) = (a.chars().last(), b.chars().next()) else {
        return format!("{a}{b}");
    };
    let item = a.rsplit([' ', HARD_BREAK]).next().unwrap_or("");
    let first = b
        .split([HARD_BREAK, LINE_BREAK])
        .next()
        .unwrap_or("")
        .trim();
    let sep = if is_measure(&item.replace(LINE_BREAK, ""), s) && starts_measure(first, s) {
        HARD_BREAK.to_string()
    } else if is_tight(x) && is_tight(y) {
        LINE_BREAK.to_string()
    } else if wrap_space(x, y) {
        " ".to_string()
    } else {
        String::new()
    };
    format!("{a}{sep}{b}")
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
        super::super::joined_text(&raw_text_of(gs))
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

    /// The visual lines and whether each break is hard (`|` hard, `/` soft).
    fn marks(gs: &[Glyph], cell: Option<(f32, f32)>) -> String {
        let refs: Vec<&Glyph> = gs.iter().collect();
        block_text(&refs, &TableSettings::default(), cell)
            .replace(' ', "")
            .replace(HARD_BREAK, "|")
            .replace(LINE_BREAK, "/")
    }

    #[test]
    fn hard_breaks_are_told_from_soft_wraps() {
        // One name per line in a cell 120 wide: a name that wraps (full line) is
        // soft, a line ended short where the next name's first glyph fitted is hard.
        let cell = Some((0.0, 124.0));
        let mut gs = run("社区公建配套场地增加", 2.0, 50.0, 12.0); // full: 120
        gs.extend(run("数量", 2.0, 64.0, 12.0));
        gs.extend(run("群众满意度", 2.0, 78.0, 12.0));
        gs.extend(run("新培育社会组织数量", 2.0, 92.0, 12.0));
        assert_eq!(
            marks(&gs, cell),
            "社区公建配套场地增加/数量|群众满意度|新培育社会组织数量"
        );
        // Kinsoku: a line one glyph short before `代，` is a soft wrap.
        let mut gs = run("持续学习贯彻习近平新", 2.0, 50.0, 12.0);
        gs.extend(run("时，中国特色社会主义思", 2.0, 64.0, 12.0));
        assert_eq!(
            marks(&gs, cell),
            "持续学习贯彻习近平新/时，中国特色社会主义思"
        );
        // Two glyphs short but the next line starts with `“` + a character.
        let mut gs = run("加快实现老城市新活", 2.0, 50.0, 12.0);
        gs.extend(run("“四个出新出彩”", 2.0, 64.0, 12.0));
        assert_eq!(marks(&gs, cell), "加快实现老城市新活/“四个出新出彩”");
        // One value per line, each a complete measure, lines full in a narrow cell.
        let cell = Some((0.0, 17.0)); // room for 13: `100%` fits, `193人` does not
        let mut gs = run("100%", 2.0, 50.0, 6.0);
        gs.extend(run("93%", 2.0, 58.0, 6.0));
        gs.extend(run("193", 2.0, 66.0, 6.0));
        gs.extend(run("人", 2.0, 74.0, 6.0));
        gs.extend(run("92%", 2.0, 82.0, 6.0));
        gs.extend(run("第", 2.0, 90.0, 6.0));
        gs.extend(run("7名", 2.0, 98.0, 6.0));
        assert_eq!(marks(&gs, cell), "100%|93%|193人|92%|第7名");
        // A number wrapped inside stays one number.
        let mut gs = run("19,206.", 2.0, 50.0, 6.0);
        gs.extend(run("99", 2.0, 58.0, 6.0));
        assert_eq!(marks(&gs, Some((0.0, 25.0))), "19,206.99");
        // A space-separated list wrapped at a space: one CJK glyph of room is enough.
        let mut gs = run("按时完成 202场", 2.0, 50.0, 10.0);
        gs.extend(run("较好", 2.0, 63.0, 10.0));
        assert_eq!(marks(&gs, Some((0.0, 90.0))), "按时完成202场|较好");
        // Item starts and a paragraph gap.
        let cell = Some((0.0, 124.0));
        let mut gs = run("一是绩效指标规范性不够完", 2.0, 50.0, 10.0);
        gs.extend(run("善；二是重视程度不足。三", 2.0, 63.0, 10.0));
        gs.extend(run("是管理。", 2.0, 76.0, 10.0));
        gs.extend(run("1.加强部门预算绩效管理", 2.0, 89.0, 10.0));
        gs.extend(run("另起一段", 2.0, 110.0, 10.0));
        assert_eq!(
            marks(&gs, cell),
            "一是绩效指标规范性不够完/善；二是重视程度不足。三/是管理。|1.加强部门预算绩效管理|另起一段"
        );
    }

    #[test]
    fn split_rows_join_by_their_text() {
        let s = TableSettings::default();
        let hb = HARD_BREAK;
        assert_eq!(
            join_split(&format!("14人 {hb}193人"), "92% ", &s),
            format!("14人 {hb}193人{hb}92% ")
        );
        assert_eq!(
            join_split("巡逻频次", "越级省、市上访人数", &s),
            "巡逻频次\n越级省、市上访人数"
        );
        assert_eq!(join_split("19,206.", "99", &s), "19,206.99");
        assert_eq!(join_split("Annual", "report", &s), "Annual report");
    }

    #[test]
    fn wrap_rules() {
        assert_eq!(join_wrapped(&["19,206.".into(), "99".into()]), "19,206.99");
        assert_eq!(join_wrapped(&["end.".into(), "Next".into()]), "end. Next");
        assert_eq!(
            join_wrapped(&["不高于1".into(), "2人".into()]),
            "不高于12人"
        );
        assert_eq!(
            join_wrapped(&["“两委”".into(), "换届".into()]),
            "“两委”换届"
        );
    }
}
