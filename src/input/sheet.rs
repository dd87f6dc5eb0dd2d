//! Workbooks (`.xlsx`/`.xlsm`, `.xls`, `.ods`, and WPS `.et` holding one of
//! these) → one list of blocks per visible sheet, each cell AS DISPLAYED.
//!
//! - `.xlsx`: values, shared strings, number formats and merged ranges from
//!   `calamine`; numbers shown through their format code by `ssfmt`
//!   (`#,##0.00` → `19,206.99`, `0.00%` → `96.68%`, dates as the sheet
//!   shows them). Hidden rows and columns, and the cells' extent (checked
//!   before calamine builds its dense ranges), come from a scan of the sheet
//!   XML here.
//! - `.ods`: read here from `content.xml`, whose cells carry the displayed
//!   text itself (`<text:p>`), with spans, repeats and hidden rows/columns.
//! - `.xls`: calamine's values and merged ranges; BIFF number formats are
//!   read here from the workbook stream (see [`super::biff`]).
//!
//! A sheet becomes blocks like a text dump: runs of rows separated by empty
//! rows; in a run, leading and trailing rows of one cell (a title, `单位：
//! 万元`, 填报人) are text lines and the rest one grid with the merged
//! ranges as spans.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Cursor;

use calamine::{Data, Reader, SheetVisible, Xls, Xlsx};

use super::archive;
use super::grid::{self, Lines};
use super::xml::{Ev, Xml};
use crate::error::{ErrorCode, FileError};
use crate::record::Format;
use crate::table::{Block, Cell};

/// Most rows one sheet may hold: a form has a few hundred; a sheet past
/// this (a million-row export) is no form and refused.
pub const MAX_ROWS: u32 = 100_000;

/// Most slots of a sheet's extent: calamine builds a dense range over it.
pub const DENSE_LIMIT: usize = 4_000_000;

fn unreadable(m: impl Into<String>) -> FileError {
    FileError::new(ErrorCode::Unreadable, m)
}

/// A sheet as displayed text by position (0-based row, column).
#[derive(Debug, Default)]
pub struct Sheet {
    pub name: String,
    pub cells: BTreeMap<(u32, u32), String>,
    /// Merged ranges `(first row, first col, last row, last col)`, inclusive.
    pub merges: Vec<(u32, u32, u32, u32)>,
    pub hidden_rows: HashSet<u32>,
    pub hidden_cols: HashSet<u32>,
}

/// The blocks of every visible sheet, with the sheet's name.
///
/// # Errors
/// `unreadable` for a broken or hostile workbook.
pub fn sheets(format: Format, bytes: &[u8]) -> Result<Vec<(String, Vec<Block>)>, FileError> {
    // calamine can panic on a malformed workbook (an index past a record,
    // found by fuzzing): that is a broken file, not a bug of ours.
    let guarded = |f: fn(&[u8]) -> Result<Vec<Sheet>, FileError>| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(bytes))).unwrap_or_else(|_| {
            Err(unreadable(
                "the workbook is malformed (its reader stopped on an inconsistent record)",
            ))
        })
    };
    let sheets = match format {
        Format::Xlsx => guarded(xlsx)?,
        Format::Ods => ods(bytes)?,
        Format::Xls => guarded(xls)?,
        _ => return Err(unreadable("not a workbook")),
    };
    sheets
        .into_iter()
        .map(|s| Ok((s.name.clone(), to_blocks(&s)?)))
        .collect()
}

/// A cell's text: line feeds are hard breaks, each line trimmed.
fn cell_text(s: &str) -> String {
    let mut l = Lines::default();
    for line in s.split('\n') {
        // Inside a spreadsheet cell, white space is kept as typed except at
        // the ends of lines.
        let t = line.trim();
        if !t.is_empty() {
            l.push_str(&t.replace(char::is_whitespace, " ").replace("  ", " "));
        }
        l.hard_break();
    }
    l.cell_text()
}

/// A sheet → text lines and grids (see the module doc).
fn to_blocks(s: &Sheet) -> Result<Vec<Block>, FileError> {
    let visible = |r: u32, c: u32| !s.hidden_rows.contains(&r) && !s.hidden_cols.contains(&c);
    // Merges by top-left slot; slots covered by a merge (not its top-left).
    let mut merge_at: HashMap<(u32, u32), (u32, u32)> = HashMap::new();
    for &(r0, c0, r1, c1) in &s.merges {
        if r1.saturating_sub(r0) as usize * c1.saturating_sub(c0) as usize > DENSE_LIMIT {
            continue;
        }
        merge_at.insert((r0, c0), (r1, c1));
    }
    // Rows in use: those with a visible non-empty cell or a merge's top-left.
    let mut row_cells: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for (&(r, c), t) in &s.cells {
        if visible(r, c) && !t.is_empty() {
            row_cells.entry(r).or_default().push(c);
        }
    }
    for &(r, c) in merge_at.keys() {
        if visible(r, c) {
            let v = row_cells.entry(r).or_default();
            if !v.contains(&c) {
                v.push(c);
            }
        }
    }
    // Rows covered by a merge from above belong to the same run.
    let mut covered: HashSet<u32> = HashSet::new();
    for (&(r0, _), &(r1, _)) in &merge_at {
        if r1 > r0 && r1 - r0 <= MAX_ROWS {
            covered.extend(r0 + 1..=r1);
        }
    }
    let mut used: Vec<u32> = row_cells.keys().copied().collect();
    used.extend(covered.iter().filter(|r| !s.hidden_rows.contains(r)));
    used.sort_unstable();
    used.dedup();
    if used.len() > MAX_ROWS as usize {
        return Err(unreadable(format!(
            "sheet {} has {} rows in use, beyond the limit of {MAX_ROWS}",
            s.name,
            used.len()
        )));
    }
    // Runs of consecutive visible rows.
    let mut runs: Vec<Vec<u32>> = Vec::new();
    let mut prev: Option<u32> = None;
    for &r in &used {
        let gap = prev.is_none_or(|p| (p + 1..r).any(|x| !s.hidden_rows.contains(&x)));
        if gap {
            runs.push(Vec::new());
        }
        runs.last_mut().expect("a run").push(r);
        prev = Some(r);
    }
    // A one-cell row that is a form title (not covered by a merge from the
    // table above) starts the next form, even with no empty row before it.
    let is_title_row = |r: u32| {
        row_cells.get(&r).is_some_and(|cols| cols.len() == 1)
            && !covered.contains(&r)
            && s.cells
                .get(&(r, row_cells[&r][0]))
                .is_some_and(|t| crate::form::is_title(&crate::table::joined_text(t)))
    };
    let runs: Vec<Vec<u32>> = runs
        .into_iter()
        .flat_map(|run| {
            let mut parts: Vec<Vec<u32>> = vec![Vec::new()];
            for r in run {
                if is_title_row(r) && parts.last().is_some_and(|p| !p.is_empty()) {
                    parts.push(Vec::new());
                }
                parts.last_mut().expect("a part").push(r);
            }
            parts
        })
        .collect();
    let mut out = Vec::new();
    for run in runs {
        let width = |r: &u32| row_cells.get(r).map_or(0, Vec::len);
        let first = run.iter().position(|r| width(r) >= 2);
        let Some(first) = first else {
            for r in &run {
                text_row(s, *r, &row_cells, &mut out);
            }
            continue;
        };
        let last = run.iter().rposition(|r| width(r) >= 2).unwrap_or(first);
        // A trailing one-cell row that a merge from the table covers stays.
        let mut last = last;
        while last + 1 < run.len() && covered.contains(&run[last + 1]) {
            last += 1;
        }
        for r in &run[..first] {
            text_row(s, *r, &row_cells, &mut out);
        }
        out.push(Block::Table(grid_of(s, &run[first..=last], &merge_at)?));
        for r in &run[last + 1..] {
            text_row(s, *r, &row_cells, &mut out);
        }
    }
    Ok(out)
}

fn text_row(s: &Sheet, r: u32, row_cells: &BTreeMap<u32, Vec<u32>>, out: &mut Vec<Block>) {
    let Some(cols) = row_cells.get(&r) else {
        return;
    };
    let mut cols = cols.clone();
    cols.sort_unstable();
    let text = cols
        .iter()
        .filter_map(|c| s.cells.get(&(r, *c)))
        .map(|t| crate::table::joined_text(t))
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if !text.is_empty() {
        out.push(Block::Text { page: None, text });
    }
}

fn grid_of(
    s: &Sheet,
    rows: &[u32],
    merge_at: &HashMap<(u32, u32), (u32, u32)>,
) -> Result<crate::table::Grid, FileError> {
    let row_index: HashMap<u32, usize> = rows.iter().enumerate().map(|(i, r)| (*r, i)).collect();
    let (r_first, r_last) = (rows[0], rows[rows.len() - 1]);
    let in_rows = |r: u32| r >= r_first && r <= r_last;
    // Visible columns used by these rows.
    let mut cols: Vec<u32> = s
        .cells
        .iter()
        .filter(|((r, c), t)| {
            row_index.contains_key(r) && !t.is_empty() && !s.hidden_cols.contains(c)
        })
        .map(|((_, c), _)| *c)
        .collect();
    for (&(r0, c0), &(_, c1)) in merge_at {
        if row_index.contains_key(&r0) {
            cols.extend((c0..=c1).filter(|c| !s.hidden_cols.contains(c)));
        }
    }
    cols.sort_unstable();
    cols.dedup();
    let col_index: HashMap<u32, usize> = cols.iter().enumerate().map(|(i, c)| (*c, i)).collect();
    let mut cells = Vec::new();
    let mut place = |r: u32, c: u32, text: String| {
        let (Some(&ri), Some(&ci)) = (row_index.get(&r), col_index.get(&c)) else {
            return;
        };
        let (rs, cs) = match merge_at.get(&(r, c)) {
            Some(&(r1, c1)) => (
                rows.iter().filter(|x| **x >= r && **x <= r1).count(),
                cols.iter().filter(|x| **x >= c && **x <= c1).count(),
            ),
            None => (1, 1),
        };
        cells.push(Cell {
            row: ri,
            col: ci,
            row_span: rs.max(1),
            col_span: cs.max(1),
            text,
            page: None,
            bbox: None,
        });
    };
    for (&(r, c), t) in s.cells.range((r_first, 0)..=(r_last, u32::MAX)) {
        if in_rows(r) {
            place(r, c, t.clone());
        }
    }
    for &(r, c) in merge_at.keys() {
        if in_rows(r) && !s.cells.contains_key(&(r, c)) {
            place(r, c, String::new());
        }
    }
    grid::grid(cells, rows.len(), cols.len())
}

// ------------------------------------------------------------------ xlsx

/// Show a number through its format code, as the sheet displays it.
#[must_use]
pub fn display(value: f64, code: &str, is_1904: bool) -> String {
    let opts = ssfmt::FormatOptions {
        date_system: if is_1904 {
            ssfmt::DateSystem::Date1904
        } else {
            ssfmt::DateSystem::Date1900
        },
        ..ssfmt::FormatOptions::default()
    };
    let code = if code.trim().is_empty() {
        "General"
    } else {
        code
    };
    ssfmt::format(value, code, &opts)
        .or_else(|_| ssfmt::format(value, "General", &opts))
        .unwrap_or_else(|_| value.to_string())
        .trim()
        .to_string()
}

/// The format code of a built-in number format id that depends on the
/// locale: the Chinese (zh-CN) one, as Excel and WPS show it in China.
pub(crate) fn builtin_cn(id: u32) -> Option<&'static str> {
    Some(match id {
        27 | 36 | 50 | 57 => "yyyy\"年\"m\"月\"",
        28 | 29 | 54 | 56 | 58 => "m\"月\"d\"日\"",
        30 => "m-d-yy",
        31 | 52 | 53 => "yyyy\"年\"m\"月\"d\"日\"",
        32 => "h\"时\"mm\"分\"",
        33 | 55 => "h\"时\"mm\"分\"ss\"秒\"",
        _ => return None,
    })
}

fn data_text(d: &Data, code: Option<(&str, Option<u32>)>, is_1904: bool) -> String {
    let code = |default: &'static str| -> String {
        match code {
            Some((c, Some(id))) if c == "General" => builtin_cn(id).unwrap_or(c).to_string(),
            Some((c, _)) => c.to_string(),
            None => default.to_string(),
        }
    };
    match d {
        Data::Empty => String::new(),
        Data::String(s) => cell_text(s),
        Data::Float(f) => display(*f, &code("General"), is_1904),
        #[allow(clippy::cast_precision_loss)]
        Data::Int(i) => display(*i as f64, &code("General"), is_1904),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) => display(dt.as_f64(), &code("yyyy-mm-dd"), is_1904),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

/// Sheet XML paths by sheet name, from the workbook and its relationships.
fn sheet_paths(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
) -> Result<HashMap<String, String>, FileError> {
    let max = archive::MAX_PART_BYTES;
    let mut rels: HashMap<String, String> = HashMap::new();
    if let Some(bytes) = archive::part(zip, "xl/_rels/workbook.xml.rels", max)? {
        let mut x = Xml::new(&bytes, "workbook.xml.rels");
        while let Some(e) = x.next_event()? {
            if let (Some(id), Some(target)) = (e.attr("Id"), e.attr("Target")) {
                let path = match target.strip_prefix('/') {
                    Some(abs) => abs.to_string(),
                    None => format!("xl/{target}"),
                };
                rels.insert(id.to_string(), path);
            }
        }
    }
    let mut out = HashMap::new();
    if let Some(bytes) = archive::part(zip, "xl/workbook.xml", max)? {
        let mut x = Xml::new(&bytes, "workbook.xml");
        while let Some(e) = x.next_event()? {
            if matches!(&e, Ev::Open { name, .. } if name == "sheet")
                && let (Some(n), Some(id)) = (e.attr("name"), e.attr("id"))
                && let Some(p) = rels.get(id)
            {
                out.insert(n.to_string(), p.clone());
            }
        }
    }
    Ok(out)
}

/// `A1`-style reference → (row, col), 0-based.
fn cell_ref(r: &str) -> Option<(u32, u32)> {
    let letters = r.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let col = r[..letters].bytes().fold(0u32, |a, b| {
        a * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1)
    });
    let row: u32 = r[letters..].parse().ok()?;
    Some((row.checked_sub(1)?, col.checked_sub(1)?))
}

/// Hidden rows and columns of a sheet XML, and the extent of its cells.
fn scan_sheet(bytes: &[u8], name: &str, sheet: &mut Sheet) -> Result<(), FileError> {
    let mut x = Xml::new(bytes, name);
    let (mut rows, mut max_row, mut max_col) = (0u32, 0u32, 0u32);
    let mut row_no = 0u32;
    while let Some(e) = x.next_event()? {
        let Ev::Open { name: tag, .. } = &e else {
            continue;
        };
        let hidden = matches!(e.attr("hidden"), Some("1" | "true"));
        match tag.as_str() {
            "row" => {
                rows += 1;
                row_no = e
                    .attr("r")
                    .and_then(|r| r.parse::<u32>().ok())
                    .map_or(row_no + 1, |r| r);
                if hidden {
                    sheet.hidden_rows.insert(row_no.saturating_sub(1));
                }
                max_row = max_row.max(row_no);
                if rows > MAX_ROWS {
                    return Err(unreadable(format!(
                        "sheet {} has more than {MAX_ROWS} rows",
                        sheet.name
                    )));
                }
            }
            "c" => {
                if let Some((r, c)) = e.attr("r").and_then(cell_ref) {
                    max_row = max_row.max(r + 1);
                    max_col = max_col.max(c + 1);
                }
            }
            "col" if hidden => {
                let n = |k| e.attr(k).and_then(|v| v.parse::<u32>().ok());
                if let (Some(a), Some(b)) = (n("min"), n("max")) {
                    sheet
                        .hidden_cols
                        .extend(a.saturating_sub(1)..b.min(a + 16_384));
                }
            }
            _ => {}
        }
    }
    if max_row as usize * max_col as usize > DENSE_LIMIT || max_row > 4 * MAX_ROWS {
        return Err(unreadable(format!(
            "sheet {} spans {max_row} rows × {max_col} columns, beyond the limit",
            sheet.name
        )));
    }
    Ok(())
}

fn xlsx(bytes: &[u8]) -> Result<Vec<Sheet>, FileError> {
    let bad = |e: calamine::XlsxError| unreadable(format!("xlsx: {e}"));
    let mut zip = archive::open(bytes)?;
    let paths = sheet_paths(&mut zip)?;
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(bad)?;
    let is_1904 = wb.has_1904_epoch();
    let mut out = Vec::new();
    for name in visible_sheets(&wb) {
        let mut sheet = Sheet {
            name: name.clone(),
            ..Sheet::default()
        };
        // Checked before calamine builds the sheet's dense range.
        if let Some(path) = paths.get(&name)
            && let Some(xml) = archive::part(&mut zip, path, archive::MAX_PART_BYTES)?
        {
            scan_sheet(&xml, path, &mut sheet)?;
        }
        let range = wb.worksheet_range(&name).map_err(bad)?;
        let styles = wb.worksheet_style(&name).ok();
        put_cells(&mut sheet, &range, is_1904, |pos| {
            styles
                .as_ref()
                .and_then(|s| s.get(pos))
                .and_then(|s| s.number_format.as_ref())
                .map(|f| (f.format_code.clone(), f.format_id))
        });
        sheet.merges = merges(wb.merge_cells_by_sheet_name(&name).map_err(bad)?);
        out.push(sheet);
    }
    Ok(out)
}

/// The names of a workbook's visible sheets, in workbook order.
fn visible_sheets<RS, R: Reader<RS>>(wb: &R) -> Vec<String>
where
    RS: std::io::Read + std::io::Seek,
{
    wb.sheets_metadata()
        .iter()
        .filter(|m| m.visible == SheetVisible::Visible)
        .map(|m| m.name.clone())
        .collect()
}

/// A sheet's non-empty cells as displayed, each with the number format
/// `format` gives for its (absolute) position.
fn put_cells(
    sheet: &mut Sheet,
    range: &calamine::Range<Data>,
    is_1904: bool,
    format: impl Fn((u32, u32)) -> Option<(String, Option<u32>)>,
) {
    let Some((r0, c0)) = range.start() else {
        return;
    };
    for (r, c, d) in range.used_cells() {
        #[allow(clippy::cast_possible_truncation)]
        let pos = (r0 + r as u32, c0 + c as u32);
        let fmt = format(pos);
        let text = data_text(d, fmt.as_ref().map(|(c, id)| (c.as_str(), *id)), is_1904);
        if !text.is_empty() {
            sheet.cells.insert(pos, text);
        }
    }
}

/// Merged areas as (first row, first col, last row, last col).
fn merges(dims: Vec<calamine::Dimensions>) -> Vec<(u32, u32, u32, u32)> {
    dims.into_iter()
        .map(|d| (d.start.0, d.start.1, d.end.0, d.end.1))
        .collect()
}

// ------------------------------------------------------------------ xls

fn xls(bytes: &[u8]) -> Result<Vec<Sheet>, FileError> {
    let bad = |e: calamine::XlsError| unreadable(format!("xls: {e}"));
    // Read first: it checks the sheets' extent before calamine builds them.
    let formats = super::biff::formats(bytes)?;
    let mut wb: Xls<_> = Xls::new(Cursor::new(bytes)).map_err(bad)?;
    let is_1904 = wb.has_1904_epoch();
    let mut out = Vec::new();
    for name in visible_sheets(&wb) {
        let mut sheet = Sheet {
            name: name.clone(),
            ..Sheet::default()
        };
        let range = wb.worksheet_range(&name).map_err(bad)?;
        let info = formats.sheets.get(&name);
        if let Some(info) = info {
            sheet.hidden_rows.clone_from(&info.hidden_rows);
            sheet.hidden_cols.clone_from(&info.hidden_cols);
        }
        put_cells(&mut sheet, &range, is_1904, |pos| {
            info.and_then(|s| s.xf.get(&pos))
                .and_then(|xf| formats.code_of_xf(*xf))
                .map(|c| (c, None))
        });
        sheet.merges = merges(wb.merge_cells_by_sheet_name(&name).map_err(bad)?);
        out.push(sheet);
    }
    Ok(out)
}

// ------------------------------------------------------------------ ods

/// Cap on one repeat count that is materialised (a non-empty cell or row
/// repeated); empty repeats only advance the position.
const MAX_REPEAT: u32 = 1024;

fn ods(bytes: &[u8]) -> Result<Vec<Sheet>, FileError> {
    let mut zip = archive::open(bytes)?;
    let content = archive::part(&mut zip, "content.xml", archive::MAX_PART_BYTES)?
        .ok_or_else(|| unreadable("an OpenDocument file without content.xml"))?;
    let mut x = Xml::new(&content, "content.xml");
    let mut out: Vec<Sheet> = Vec::new();
    let mut row = 0u32;
    let mut col = 0u32;
    let mut row_repeat = 1u32;
    let mut row_hidden = false;
    let mut row_cells: Vec<(u32, String, u32, u32, u32)> = Vec::new();
    // The cell being read: (col, repeat, rows spanned, cols spanned, lines).
    let mut cell: Option<(u32, u32, u32, u32, Lines)> = None;
    let mut in_p = 0usize;
    let mut sheet: Option<Sheet> = None;
    // Inside a comment (office:annotation): its paragraphs are not the cell's.
    let mut in_note = 0usize;
    while let Some(e) = x.next_event()? {
        match &e {
            Ev::Open { name, empty, .. } if name == "annotation" => {
                if !*empty {
                    in_note += 1;
                }
                continue;
            }
            Ev::Close(name) if name == "annotation" => {
                in_note = in_note.saturating_sub(1);
                continue;
            }
            _ if in_note > 0 => continue,
            _ => {}
        }
        match &e {
            Ev::Open { name, empty, .. } => match name.as_str() {
                "table" => {
                    sheet = Some(Sheet {
                        name: e.attr("name").unwrap_or("").to_string(),
                        ..Sheet::default()
                    });
                    row = 0;
                    col = 0;
                }
                "table-column" => {
                    if let Some(s) = sheet.as_mut() {
                        let n = repeat(&e, "number-columns-repeated");
                        if matches!(e.attr("visibility"), Some("collapse" | "filter")) {
                            s.hidden_cols.extend(col..col.saturating_add(n.min(16_384)));
                        }
                        col = col.saturating_add(n);
                    }
                }
                "table-row" => {
                    row_repeat = repeat(&e, "number-rows-repeated");
                    row_hidden = matches!(e.attr("visibility"), Some("collapse" | "filter"));
                    col = 0;
                    row_cells.clear();
                    if *empty {
                        row = row.saturating_add(row_repeat);
                    }
                }
                "table-cell" | "covered-table-cell" => {
                    let n = repeat(&e, "number-columns-repeated");
                    let rs = repeat(&e, "number-rows-spanned");
                    let cs = repeat(&e, "number-columns-spanned");
                    let covered = name == "covered-table-cell";
                    if *empty || covered {
                        if !covered && (rs > 1 || cs > 1) {
                            row_cells.push((col, String::new(), 1, rs, cs));
                        }
                        col = col.saturating_add(n);
                    } else {
                        cell = Some((col, n, rs, cs, Lines::default()));
                    }
                }
                "p" | "h" => in_p += 1,
                "s" if in_p > 0 => {
                    if let Some(c) = cell.as_mut() {
                        for _ in 0..repeat(&e, "c").min(64) {
                            c.4.push(' ');
                        }
                    }
                }
                "tab" if in_p > 0 => {
                    if let Some(c) = cell.as_mut() {
                        c.4.push(' ');
                    }
                }
                "line-break" if in_p > 0 => {
                    if let Some(c) = cell.as_mut() {
                        c.4.hard_break();
                    }
                }
                _ => {}
            },
            Ev::Text(t) => {
                if in_p > 0
                    && let Some(c) = cell.as_mut()
                {
                    c.4.push_str(t);
                }
            }
            Ev::Close(name) => match name.as_str() {
                "p" | "h" => {
                    in_p = in_p.saturating_sub(1);
                    if let Some(c) = cell.as_mut() {
                        c.4.hard_break();
                    }
                }
                "table-cell" => {
                    if let Some((c, n, rs, cs, lines)) = cell.take() {
                        let text = lines.cell_text();
                        if !text.is_empty() || rs > 1 || cs > 1 {
                            row_cells.push((c, text, n, rs, cs));
                        }
                        col = c.saturating_add(n);
                    }
                }
                "table-row" => {
                    if let Some(s) = sheet.as_mut() {
                        if !row_cells.is_empty()
                            && (row_repeat > MAX_REPEAT
                                || row_cells
                                    .iter()
                                    .any(|c| c.2 > MAX_REPEAT && !c.1.is_empty()))
                        {
                            return Err(unreadable(format!(
                                "sheet {}: a row holding text repeated {row_repeat} times (or a cell across {MAX_REPEAT}+ columns), beyond the limit",
                                s.name
                            )));
                        }
                        let times = if row_cells.is_empty() { 0 } else { row_repeat };
                        for k in 0..times {
                            let r = row + k;
                            if row_hidden {
                                s.hidden_rows.insert(r);
                            }
                            for (c, text, n, rs, cs) in &row_cells {
                                for j in 0..(*n).min(MAX_REPEAT) {
                                    if !text.is_empty() {
                                        s.cells.insert((r, c + j), text.clone());
                                    }
                                    if *rs > 1 || *cs > 1 {
                                        s.merges.push((r, c + j, r + rs - 1, c + j + cs - 1));
                                    }
                                }
                            }
                        }
                        if s.cells.len() > MAX_ROWS as usize * 16
                            || row > 4 * MAX_ROWS && !row_cells.is_empty()
                        {
                            return Err(unreadable(format!(
                                "sheet {} is beyond the limit of {MAX_ROWS} rows",
                                s.name
                            )));
                        }
                    }
                    row = row.saturating_add(row_repeat);
                    row_cells.clear();
                }
                "table" => {
                    if let Some(s) = sheet.take() {
                        out.push(s);
                    }
                }
                _ => {}
            },
        }
    }
    Ok(out)
}

fn repeat(e: &Ev, key: &str) -> u32 {
    e.attr(key)
        .and_then(|v| v.trim().parse::<u32>().ok())
        .unwrap_or(1)
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_displayed() {
        assert_eq!(display(19206.99, "#,##0.00", false), "19,206.99");
        assert_eq!(display(0.9668, "0.00%", false), "96.68%");
        assert_eq!(display(0.0191, "0.00%", false), "1.91%");
        assert_eq!(display(18847.8, "#,##0.00", false), "18,847.80");
        assert_eq!(display(879.73, "General", false), "879.73");
        assert_eq!(display(100.0, "0", false), "100");
        assert_eq!(display(44562.0, "yyyy-mm-dd", false), "2022-01-01");
        assert_eq!(
            display(44562.0, "yyyy\"年\"m\"月\"d\"日\"", false),
            "2022年1月1日"
        );
        assert_eq!(display(0.1 + 0.2, "General", false), "0.3");
        // Excel's 会计专用 (accounting) format, common in Chinese workbooks.
        let acct = "_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * \"-\"??_ ;_ @_ ";
        assert_eq!(display(19206.99, acct, false), "19,206.99");
        assert_eq!(display(0.0, acct, false), "-");
        assert_eq!(display(-5.5, "#,##0.00;[Red]-#,##0.00", false), "-5.50");
    }

    #[test]
    fn cell_refs() {
        assert_eq!(cell_ref("A1"), Some((0, 0)));
        assert_eq!(cell_ref("AB12"), Some((11, 27)));
        assert_eq!(cell_ref("1A"), None);
    }

    #[test]
    fn title_rows_are_text_and_merges_spans() {
        let mut s = Sheet {
            name: "S".into(),
            ..Sheet::default()
        };
        for (r, c, t) in [
            (0, 0, "项目支出绩效自评表"),
            (1, 3, "单位：万元"),
            (2, 0, "部门名称"),
            (2, 1, "甲"),
            (3, 0, "资金"),
            (3, 1, "1"),
            (4, 1, "2"),
            (4, 9, "hidden"),
            (6, 0, "填报人：乙"),
        ] {
            s.cells.insert((r, c), t.to_string());
        }
        s.merges = vec![(0, 0, 0, 3), (2, 1, 2, 3), (3, 0, 4, 0)];
        s.hidden_cols.insert(9);
        let b = to_blocks(&s).unwrap();
        assert_eq!(b.len(), 4, "{b:?}");
        assert!(matches!(&b[0], Block::Text { text, .. } if text == "项目支出绩效自评表"));
        assert!(matches!(&b[1], Block::Text { text, .. } if text == "单位：万元"));
        let Block::Table(g) = &b[2] else { panic!() };
        assert_eq!((g.rows, g.cols), (3, 4));
        assert_eq!(g.cells[0].text, "部门名称");
        assert_eq!(g.at(2, 0).map(|c| c.row_span), Some(2));
        assert!(matches!(&b[3], Block::Text { text, .. } if text == "填报人：乙"));
        // The next form's title right under the table, no empty row between.
        s.cells.insert((5, 0), "2022年度项目支出绩效自评表".into());
        s.cells.insert((6, 0), "部门名称".into());
        s.cells.insert((6, 1), "丙".into());
        s.cells.insert((7, 0), "实际支出数".into());
        s.cells.insert((7, 1), "3".into());
        let b = to_blocks(&s).unwrap();
        let kinds: Vec<&str> = b
            .iter()
            .map(|b| match b {
                Block::Text { .. } => "text",
                Block::Table(_) => "table",
            })
            .collect();
        assert_eq!(kinds, ["text", "text", "table", "text", "table"], "{b:?}");
    }

    fn ods_of(body: &str) -> Vec<u8> {
        use std::io::Write;
        let content = format!(
            "<?xml version=\"1.0\"?><office:document-content xmlns:office=\"o\" xmlns:table=\"t\" xmlns:text=\"x\"><office:body><office:spreadsheet>{body}</office:spreadsheet></office:body></office:document-content>"
        );
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        w.start_file("mimetype", opts).unwrap();
        w.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
            .unwrap();
        w.start_file("content.xml", opts).unwrap();
        w.write_all(content.as_bytes()).unwrap();
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn ods_displayed_text_spans_repeats_hidden_and_notes() {
        let body = "<table:table table:name=\"表\">\
            <table:table-column table:number-columns-repeated=\"2\"/>\
            <table:table-column table:visibility=\"collapse\"/>\
            <table:table-row><table:table-cell table:number-columns-spanned=\"2\"><text:p>标题</text:p></table:table-cell><table:covered-table-cell/><table:table-cell><text:p>隐藏列</text:p></table:table-cell></table:table-row>\
            <table:table-row table:visibility=\"collapse\"><table:table-cell><text:p>隐藏行</text:p></table:table-cell></table:table-row>\
            <table:table-row><table:table-cell office:value=\"0.9668\"><office:annotation><text:p>批注</text:p></office:annotation><text:p>96.68%</text:p></table:table-cell><table:table-cell><text:p>a<text:line-break/>b<text:s text:c=\"2\"/>c</text:p></table:table-cell></table:table-row>\
            <table:table-row table:number-rows-repeated=\"1048570\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>\
            </table:table>";
        let sheets = ods(&ods_of(body)).unwrap();
        assert_eq!(sheets.len(), 1);
        let s = &sheets[0];
        assert_eq!(s.name, "表");
        assert_eq!(s.cells.get(&(0, 0)).map(String::as_str), Some("标题"));
        assert_eq!(s.cells.get(&(2, 0)).map(String::as_str), Some("96.68%"));
        let ab = format!("a{}b c", crate::table::HARD_BREAK);
        assert_eq!(s.cells.get(&(2, 1)), Some(&ab));
        assert_eq!(s.merges, vec![(0, 0, 0, 1)]);
        assert!(s.hidden_cols.contains(&2) && s.hidden_rows.contains(&1));
        let b = to_blocks(s).unwrap();
        let texts: Vec<String> = b
            .iter()
            .flat_map(|b| match b {
                Block::Text { text, .. } => vec![text.clone()],
                Block::Table(g) => g.cells.iter().map(|c| c.text.clone()).collect(),
            })
            .collect();
        assert!(
            !texts
                .iter()
                .any(|t| t.contains("隐藏") || t.contains("批注")),
            "{texts:?}"
        );
    }
}
