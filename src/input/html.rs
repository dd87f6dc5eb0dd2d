//! HTML pages → blocks: `<table>`s become grids (rowspan/colspan), text
//! outside tables becomes text lines in reading order.
//!
//! Parsed by html5ever (through `scraper`), which repairs markup the way
//! browsers do. The DOM is walked without recursion (`traverse`), so a
//! page nested 10,000 deep costs no stack.
//!
//! Which tables are grids: a table whose own cells hold at least two labels
//! of the form dictionary (`部门名称`, `年度预算数`, `关键指标`…), or that
//! holds data (two rows or more of two filled cells or more, not chrome,
//! not mostly links: a form in traditional characters, a 收支总表). A table
//! around such a table is a layout table: its own cells' text becomes text
//! lines, in order, and the inner table a grid (the form is the innermost
//! labelled table; a labelled table around an unlabelled one is the form,
//! the inner table read into its cell). Other tables become text lines
//! (menus, a title in a one-cell table), except right after a grid with
//! nothing between, where such a table is the form's next table (a form
//! cut in two). Page chrome (`<nav>`, `<footer>`, `<aside>`, and
//! elements whose id or class names a menu, breadcrumb or footer) and lines
//! that are mostly link text give no text lines; a labelled table is never
//! chrome.

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use encoding_rs::{Encoding, GB18030, UTF_8};
use scraper::{Html, Node};

use super::grid::{self, Lines};
use crate::error::{ErrorCode, FileError};
use crate::form::labels::{self, Section};
use crate::table::{Block, Cell, HARD_BREAK};

/// Largest page read, in bytes. A form's page is well under a megabyte; a
/// bigger page is refused (`unreadable`) rather than parsed into a DOM many
/// times its size.
pub const MAX_BYTES: usize = 32 << 20;

/// Deepest nesting of tables read: layout tables go a few deep; past this
/// the page is hostile.
pub const MAX_TABLE_DEPTH: usize = 64;

/// Largest colspan and rowspan honoured (HTML's own limits).
const MAX_COLSPAN: usize = 1000;
const MAX_ROWSPAN: usize = 65534;

/// The blocks of an HTML page.
///
/// # Errors
/// `decode_failed` when the bytes decode in no encoding; `unreadable` for a
/// page past [`MAX_BYTES`], tables nested past [`MAX_TABLE_DEPTH`] or a
/// table past [`grid::MAX_SLOTS`].
pub fn blocks(bytes: &[u8]) -> Result<Vec<Block>, FileError> {
    if bytes.len() > MAX_BYTES {
        return Err(FileError::new(
            ErrorCode::Unreadable,
            format!(
                "an HTML page of {} MiB is beyond the limit of {} MiB",
                bytes.len() >> 20,
                MAX_BYTES >> 20
            ),
        ));
    }
    let text = decode(bytes)?;
    let doc = Html::parse_document(&text);
    let items = collect(&doc)?;
    let mut out = Vec::new();
    resolve(&items, &mut out)?;
    Ok(out)
}

/// Decode a page: a BOM decides; else bytes that are valid UTF-8 are UTF-8
/// (Chinese text in GBK is practically never valid UTF-8, while pages saved
/// as UTF-8 that still declare gb2312 are common); else a `<meta charset>`
/// or `<meta http-equiv content="…; charset=…">` in the first 4 KiB; else
/// GB18030 when the bytes are valid GB18030.
///
/// # Errors
/// `decode_failed` when no encoding decodes the page cleanly.
pub fn decode(bytes: &[u8]) -> Result<String, FileError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(text.into_owned());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    let declared = declared_charset(bytes);
    for enc in declared.into_iter().chain([GB18030]) {
        if let Some(text) = enc.decode_without_bom_handling_and_without_replacement(bytes) {
            return Ok(text.into_owned());
        }
    }
    // A few stray bytes (a cut multi-byte character in a footer) do not
    // make the page unreadable; the replacement characters stay visible.
    for enc in declared.into_iter().chain([UTF_8, GB18030]) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        let bad = text.chars().filter(|&c| c == '\u{fffd}').count();
        if bad <= 16 && bad * 1000 <= text.chars().count() {
            return Ok(text.into_owned());
        }
    }
    Err(FileError::new(
        ErrorCode::DecodeFailed,
        "the page is neither UTF-8 nor GB18030, and declares no charset that decodes it",
    ))
}

/// The charset a `<meta>` in the first 4 KiB declares.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(i) = rest.find("<meta") {
        let tag = &rest[i..];
        let end = tag.find('>').unwrap_or(tag.len());
        let tag_text = &tag[..end];
        if let Some(j) = tag_text.find("charset") {
            let value = tag_text[j + "charset".len()..]
                .trim_start()
                .strip_prefix('=')
                .unwrap_or("")
                .trim_start()
                .trim_start_matches(['"', '\'']);
            let label: String = value
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
                .collect();
            if let Some(enc) = Encoding::for_label(label.as_bytes()) {
                // HTML: a page that says UTF-16 in ASCII is not UTF-16.
                return Some(enc.output_encoding());
            }
        }
        rest = &tag[end..];
    }
    None
}

/// A line of text, or a table, in document order.
#[derive(Debug)]
enum Item {
    /// `chrome`: page chrome or mostly link text.
    Line {
        text: String,
        chrome: bool,
    },
    Table(Table),
}

#[derive(Debug, Default)]
struct Table {
    rows: Vec<Vec<TCell>>,
    caption: Vec<Item>,
    chrome: bool,
}

#[derive(Debug)]
struct TCell {
    row_span: usize,
    col_span: usize,
    items: Vec<Item>,
}

/// Text being collected: lines so far, and the current line's link share.
#[derive(Debug, Default)]
struct Ctx {
    items: Vec<Item>,
    acc: Lines,
    link_chars: usize,
    chars: usize,
}

impl Ctx {
    fn text(&mut self, text: &str, in_link: bool) {
        let n = text.chars().filter(|c| !c.is_whitespace()).count();
        self.chars += n;
        if in_link {
            self.link_chars += n;
        }
        self.acc.push_str(text);
    }

    fn flush(&mut self, chrome: bool) {
        let mostly_links = self.chars > 0 && self.link_chars * 2 >= self.chars;
        for text in std::mem::take(&mut self.acc).finish() {
            self.items.push(Item::Line {
                text,
                chrome: chrome || mostly_links,
            });
        }
        self.link_chars = 0;
        self.chars = 0;
    }

    fn finish(mut self, chrome: bool) -> Vec<Item> {
        self.flush(chrome);
        self.items
    }
}

/// A table being read.
#[derive(Debug)]
struct Open {
    table: Table,
    cell: Option<(usize, usize, Ctx)>,
    caption: Option<Ctx>,
    /// Text inside the table but in no cell (kept before the table).
    stray: Ctx,
}

impl Open {
    fn end_cell(&mut self, chrome: bool) {
        if let Some((row_span, col_span, ctx)) = self.cell.take() {
            if self.table.rows.is_empty() {
                self.table.rows.push(Vec::new());
            }
            let row = self.table.rows.last_mut().expect("a row");
            row.push(TCell {
                row_span,
                col_span,
                items: ctx.finish(chrome),
            });
        }
    }

    fn ctx(&mut self) -> &mut Ctx {
        if let Some((_, _, c)) = &mut self.cell {
            c
        } else if let Some(c) = &mut self.caption {
            c
        } else {
            &mut self.stray
        }
    }
}

const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "iframe", "object", "embed", "select",
    "button", "textarea", "svg", "math", "title",
];

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "center",
    "blockquote",
    "pre",
    "hr",
    "address",
    "figure",
    "figcaption",
    "form",
    "fieldset",
    "legend",
    "details",
    "summary",
    "body",
    "html",
];

fn is_hidden(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() {
        return true;
    }
    el.attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Whether an element is page chrome: a menu, breadcrumb trail, footer.
fn is_chrome(el: &scraper::node::Element, in_article: bool) -> bool {
    match el.name() {
        "nav" | "footer" | "aside" => return true,
        "header" if !in_article => return true,
        _ => {}
    }
    let names = [el.attr("id"), el.attr("class")];
    names.into_iter().flatten().any(|v| {
        v.split(|c: char| !c.is_ascii_alphanumeric()).any(|t| {
            let t = t.to_ascii_lowercase();
            ["nav", "menu", "breadcrumb", "footer", "copyright"]
                .iter()
                .any(|w| t.starts_with(w))
                || matches!(
                    t.as_str(),
                    "foot"
                        | "sidebar"
                        | "crumb"
                        | "crumbs"
                        | "position"
                        | "location"
                        | "dqwz"
                        | "share"
                        | "banner"
                        | "toolbar"
                        | "topbar"
                )
        })
    })
}

fn span(el: &scraper::node::Element, name: &str, zero_means_rest: bool, max: usize) -> usize {
    let digits: String = el
        .attr(name)
        .unwrap_or("")
        .trim()
        .chars()
        .take_while(char::is_ascii_digit)
        .take(9)
        .collect();
    match digits.parse::<usize>() {
        Ok(0) if zero_means_rest => max,
        Ok(0) | Err(_) => 1,
        Ok(n) => n.min(max),
    }
}

/// Walk the DOM into items.
fn collect(doc: &Html) -> Result<Vec<Item>, FileError> {
    let mut top = Ctx::default();
    let mut tables: Vec<Open> = Vec::new();
    let mut skip: Option<NodeId> = None;
    let mut chrome: Vec<NodeId> = Vec::new();
    let mut links = 0usize;
    let mut articles = 0usize;
    // Whether the innermost open table is chrome: a table inside chrome is.
    macro_rules! ctx {
        () => {
            match tables.last_mut() {
                Some(t) => t.ctx(),
                None => &mut top,
            }
        };
    }
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => {
                        let in_link = links > 0;
                        ctx!().text(t, in_link);
                    }
                    Node::Element(el) => {
                        let name = el.name();
                        if SKIPPED.contains(&name) || is_hidden(el) {
                            skip = Some(node.id());
                            continue;
                        }
                        let is_chrome_el = is_chrome(el, articles > 0);
                        let in_chrome = !chrome.is_empty();
                        if is_chrome_el || BLOCKS.contains(&name) || name == "br" {
                            ctx!().flush(in_chrome);
                        }
                        if is_chrome_el {
                            chrome.push(node.id());
                        }
                        let in_chrome = !chrome.is_empty();
                        match name {
                            "a" => links += 1,
                            "article" | "main" => articles += 1,
                            "table" => {
                                if tables.len() >= MAX_TABLE_DEPTH {
                                    return Err(FileError::new(
                                        ErrorCode::Unreadable,
                                        format!("tables nested more than {MAX_TABLE_DEPTH} deep"),
                                    ));
                                }
                                ctx!().flush(in_chrome);
                                tables.push(Open {
                                    table: Table {
                                        chrome: in_chrome,
                                        ..Table::default()
                                    },
                                    cell: None,
                                    caption: None,
                                    stray: Ctx::default(),
                                });
                            }
                            "tr" => {
                                if let Some(t) = tables.last_mut() {
                                    t.end_cell(in_chrome);
                                    t.table.rows.push(Vec::new());
                                }
                            }
                            "td" | "th" => {
                                if let Some(t) = tables.last_mut() {
                                    t.end_cell(in_chrome);
                                    let rs = span(el, "rowspan", true, MAX_ROWSPAN);
                                    let cs = span(el, "colspan", false, MAX_COLSPAN);
                                    t.cell = Some((rs, cs, Ctx::default()));
                                }
                            }
                            "caption" => {
                                if let Some(t) = tables.last_mut() {
                                    t.caption = Some(Ctx::default());
                                }
                            }
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skip {
                    if id == node.id() {
                        skip = None;
                    }
                    continue;
                }
                let Node::Element(el) = node.value() else {
                    continue;
                };
                let name = el.name();
                let in_chrome = !chrome.is_empty();
                match name {
                    "a" => links = links.saturating_sub(1),
                    "article" | "main" => articles = articles.saturating_sub(1),
                    "td" | "th" | "tr" => {
                        if let Some(t) = tables.last_mut() {
                            t.end_cell(in_chrome);
                        }
                    }
                    "caption" => {
                        if let Some(t) = tables.last_mut()
                            && let Some(c) = t.caption.take()
                        {
                            t.table.caption.extend(c.finish(in_chrome));
                        }
                    }
                    "table" => {
                        if let Some(mut t) = tables.pop() {
                            t.end_cell(in_chrome);
                            let stray = t.stray.finish(in_chrome);
                            let parent = ctx!();
                            parent.flush(in_chrome);
                            parent.items.extend(stray);
                            parent.items.push(Item::Table(t.table));
                        }
                    }
                    _ => {}
                }
                if BLOCKS.contains(&name) || name == "br" {
                    ctx!().flush(in_chrome);
                }
                if chrome.last() == Some(&node.id()) {
                    ctx!().flush(true);
                    chrome.pop();
                }
            }
        }
    }
    // Tables left open by a truncated page.
    while let Some(mut t) = tables.pop() {
        t.end_cell(false);
        let parent = ctx!();
        parent.flush(false);
        parent.items.push(Item::Table(t.table));
    }
    Ok(top.finish(false))
}

/// Whether a cell text is a label of the form dictionary.
fn is_label(text: &str) -> bool {
    let t = crate::table::joined_text(text);
    labels::label(&t).is_some()
        || [Section::Indicators, Section::Goal, Section::Tasks]
            .into_iter()
            .any(|s| labels::column(s, &t).is_some())
}

/// A cell's own lines (nested tables flattened: a row per line).
fn cell_lines(items: &[Item], out: &mut Vec<String>) {
    for item in items {
        match item {
            Item::Line { text, .. } => out.push(text.clone()),
            Item::Table(t) => {
                for row in &t.rows {
                    let line = row
                        .iter()
                        .map(|c| {
                            let mut l = Vec::new();
                            cell_lines(&c.items, &mut l);
                            l.join(" ")
                        })
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ");
                    if !line.is_empty() {
                        out.push(line);
                    }
                }
            }
        }
    }
}

fn own_text(cell: &TCell) -> String {
    let lines: Vec<&str> = cell
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Line { text, .. } => Some(text.as_str()),
            Item::Table(_) => None,
        })
        .collect();
    lines.join(&HARD_BREAK.to_string())
}

fn is_labelled(t: &Table) -> bool {
    let mut seen = std::collections::HashSet::new();
    for c in t.rows.iter().flatten() {
        let text = own_text(c);
        if !text.is_empty() && is_label(&text) {
            seen.insert(text);
            if seen.len() >= 2 {
                return true;
            }
        }
    }
    false
}

fn holds_labelled(items: &[Item]) -> bool {
    items.iter().any(|i| match i {
        Item::Table(t) => {
            is_labelled(t) || t.rows.iter().flatten().any(|c| holds_labelled(&c.items))
        }
        Item::Line { .. } => false,
    })
}

/// Whether a table holds data, even with no label the dictionary knows (a
/// form in traditional characters, a 收支总表): not chrome, two rows or
/// more with two filled cells or more, and not mostly links.
fn is_data(t: &Table) -> bool {
    if t.chrome {
        return false;
    }
    let (mut lines, mut links) = (0, 0);
    let mut rows = 0;
    for row in &t.rows {
        let filled = row
            .iter()
            .filter(|c| c.items.iter().any(|i| matches!(i, Item::Line { .. })))
            .count();
        if filled >= 2 {
            rows += 1;
        }
        for i in row.iter().flat_map(|c| c.items.iter()) {
            if let Item::Line { chrome, .. } = i {
                lines += 1;
                links += usize::from(*chrome);
            }
        }
    }
    rows >= 2 && links * 2 < lines
}

fn holds_data(items: &[Item]) -> bool {
    items.iter().any(|i| match i {
        Item::Table(t) => is_data(t) || t.rows.iter().flatten().any(|c| holds_data(&c.items)),
        Item::Line { .. } => false,
    })
}

/// Place a table's cells by HTML's table model.
fn to_grid(t: &Table) -> Result<crate::table::Grid, FileError> {
    let nrows = t.rows.len();
    let mut covered: Vec<usize> = Vec::new();
    let mut cells = Vec::new();
    let mut ncols = 0;
    for (r, row) in t.rows.iter().enumerate() {
        let mut c = 0;
        for cell in row {
            while c < covered.len() && covered[c] > r {
                c += 1;
            }
            let rs = cell.row_span.min(nrows - r);
            let cs = cell.col_span;
            if c + cs > grid::MAX_SLOTS / nrows.max(1) {
                return Err(FileError::new(
                    ErrorCode::Unreadable,
                    format!("a table of {nrows} rows and more than {} columns", c + cs),
                ));
            }
            if covered.len() < c + cs {
                covered.resize(c + cs, 0);
            }
            for x in &mut covered[c..c + cs] {
                *x = r + rs;
            }
            let mut lines = Vec::new();
            cell_lines(&cell.items, &mut lines);
            cells.push(Cell {
                row: r,
                col: c,
                row_span: rs,
                col_span: cs,
                text: lines.join(&HARD_BREAK.to_string()),
                page: None,
                bbox: None,
            });
            c += cs;
            ncols = ncols.max(c);
        }
    }
    grid::grid(cells, nrows, ncols)
}

fn text_line(out: &mut Vec<Block>, text: &str) {
    out.push(Block::Text {
        page: None,
        text: text.to_string(),
    });
}

/// Items → blocks, deciding which tables are forms (see the module doc).
fn resolve(items: &[Item], out: &mut Vec<Block>) -> Result<(), FileError> {
    for item in items {
        match item {
            Item::Line { text, chrome } => {
                if !chrome {
                    text_line(out, text);
                }
            }
            Item::Table(t) => {
                let nested = |f: fn(&[Item]) -> bool| t.rows.iter().flatten().any(|c| f(&c.items));
                let labelled = is_labelled(t);
                let layout = nested(holds_labelled) || (!labelled && nested(holds_data));
                if layout {
                    resolve(&t.caption, out)?;
                    for cell in t.rows.iter().flatten() {
                        resolve(&cell.items, out)?;
                    }
                    continue;
                }
                let follows_grid = matches!(out.last(), Some(Block::Table(_)));
                let g = to_grid(t)?;
                if labelled || is_data(t) || (follows_grid && !t.chrome && g.cols >= 2) {
                    resolve(&t.caption, out)?;
                    if g.rows > 0 {
                        out.push(Block::Table(g));
                    }
                    continue;
                }
                if t.chrome {
                    continue;
                }
                resolve(&t.caption, out)?;
                for row in &t.rows {
                    let line = row
                        .iter()
                        .flat_map(|c| c.items.iter())
                        .filter_map(|i| match i {
                            Item::Line {
                                text,
                                chrome: false,
                            } => Some(text.as_str()),
                            _ => None,
                        })
                        .collect::<Vec<_>>()
                        .join(" ");
                    if !line.is_empty() {
                        text_line(out, &line);
                    }
                    for c in row {
                        for i in &c.items {
                            if let Item::Table(_) = i {
                                resolve(std::slice::from_ref(i), out)?;
                            }
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::Grid;

    fn grids(html: &str) -> Vec<Grid> {
        blocks(html.as_bytes())
            .unwrap()
            .into_iter()
            .filter_map(|b| match b {
                Block::Table(g) => Some(g),
                Block::Text { .. } => None,
            })
            .collect()
    }

    fn texts(html: &str) -> Vec<String> {
        blocks(html.as_bytes())
            .unwrap()
            .into_iter()
            .filter_map(|b| match b {
                Block::Text { text, .. } => Some(text),
                Block::Table(_) => None,
            })
            .collect()
    }

    fn cells(g: &Grid) -> Vec<(usize, usize, usize, usize, String)> {
        g.cells
            .iter()
            .map(|c| (c.row, c.col, c.row_span, c.col_span, c.text.clone()))
            .collect()
    }

    const FORM: &str = "<table><tr><td>部门名称</td><td colspan=3>甲</td></tr>\
        <tr><td rowspan=9>部门资金情况</td><td>年度预算数</td><td>1<br>2</td><td><p>a</p><p>&nbsp;</p><p>b</p></td></tr>\
        <tr><td>实际支出数</td><td>&nbsp;</td></tr></table>";

    #[test]
    fn spans_breaks_and_spans_past_the_last_row() {
        let g = grids(FORM);
        assert_eq!(g.len(), 1);
        let hb = HARD_BREAK;
        assert_eq!(
            cells(&g[0]),
            vec![
                (0, 0, 1, 1, "部门名称".into()),
                (0, 1, 1, 3, "甲".into()),
                (1, 0, 2, 1, "部门资金情况".into()),
                (1, 1, 1, 1, "年度预算数".into()),
                (1, 2, 1, 1, format!("1{hb}2")),
                (1, 3, 1, 1, format!("a{hb}b")),
                (2, 1, 1, 1, "实际支出数".into()),
                (2, 2, 1, 1, String::new()),
                (2, 3, 1, 1, String::new()),
            ]
        );
    }

    #[test]
    fn layout_tables_chrome_and_text_around() {
        let page = format!(
            "<html><head><title>站名</title><script>var a='<table>';</script></head><body>\
             <div class=\"nav\"><a href=/>首页</a> <a href=/x>政务公开</a></div>\
             <ul><li><a href=/y>机构概况</a></li></ul>\
             <table class=layout><tr><td><h2>2021年度部门整体支出绩效自评表</h2>\
             <p>单位：万元</p>{FORM}<p>填报人：张三</p></td><td><a href=/z>相关链接</a></td></tr></table>\
             <div id=footer>版权所有 某某区人民政府</div></body></html>"
        );
        assert_eq!(grids(&page).len(), 1);
        assert_eq!(
            texts(&page),
            vec![
                "2021年度部门整体支出绩效自评表",
                "单位：万元",
                "填报人：张三"
            ]
        );
    }

    #[test]
    fn label_less_tables_are_text_unless_they_continue_a_form() {
        let page = format!(
            "<table><tr><td>2021年度项目支出绩效自评表</td></tr><tr><td>单位：</td><td>万元</td></tr></table>\
             {FORM}<table><tr><td>指标1</td><td>100%</td></tr></table>"
        );
        assert_eq!(
            texts(&page),
            vec!["2021年度项目支出绩效自评表", "单位： 万元"]
        );
        assert_eq!(grids(&page).len(), 2);
    }

    #[test]
    fn nested_tables_are_bounded() {
        let deep = "<table><tr><td>".repeat(10_000);
        let e = blocks(deep.as_bytes()).unwrap_err();
        assert_eq!(e.code, ErrorCode::Unreadable);
    }

    #[test]
    fn charset_from_meta_bom_or_detection() {
        let (gbk, _, _) = encoding_rs::GBK.encode("<p>部门名称</p>");
        let mut declared =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">".to_vec();
        declared.extend_from_slice(&gbk);
        assert!(decode(&declared).unwrap().contains("部门名称"));
        assert!(decode(&gbk).unwrap().contains("部门名称"));
        let mut utf8 = b"<meta charset=gbk>".to_vec();
        utf8.extend_from_slice("<p>部门名称</p>".as_bytes());
        assert!(
            decode(&utf8).unwrap().contains("部门名称"),
            "mislabelled UTF-8"
        );
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("部门".as_bytes());
        assert_eq!(decode(&bom).unwrap(), "部门");
    }
}
