//! What calamine does not expose for `.xls` (BIFF8): each numeric cell's
//! number format, hidden rows and columns, and the cells' extent (checked
//! before calamine builds its dense range).
//!
//! Read from the workbook stream of the OLE2 container: FORMAT and XF
//! records in the globals, then per sheet (at its BOUNDSHEET8 offset) the
//! XF index of NUMBER, RK, MULRK and FORMULA cells, ROW's hidden flag and
//! COLINFO's hidden flag ([MS-XLS] 2.4).

use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};

use crate::error::{ErrorCode, FileError};

/// Per sheet: XF index by (row, col), hidden rows and columns.
#[derive(Debug, Default, Clone)]
pub struct SheetInfo {
    pub xf: HashMap<(u32, u32), u16>,
    pub hidden_rows: HashSet<u32>,
    pub hidden_cols: HashSet<u32>,
    pub max_row: u32,
    pub max_col: u32,
}

/// The number formats of a workbook.
#[derive(Debug, Default, Clone)]
pub struct Formats {
    /// Custom format codes by format id.
    pub codes: HashMap<u16, String>,
    /// Format id of each XF record, in order.
    pub xfs: Vec<u16>,
    /// Sheets by name.
    pub sheets: HashMap<String, SheetInfo>,
}

impl Formats {
    /// The format code of an XF index.
    #[must_use]
    pub fn code_of_xf(&self, xf: u16) -> Option<String> {
        let id = *self.xfs.get(usize::from(xf))?;
        if let Some(c) = self.codes.get(&id) {
            return Some(c.clone());
        }
        ssfmt::format_code_from_id(u32::from(id))
            .or_else(|| super::sheet::builtin_cn(u32::from(id)))
            .map(str::to_string)
    }
}

fn u16_at(d: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes([*d.get(i)?, *d.get(i + 1)?]))
}

fn u32_at(d: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes([
        *d.get(i)?,
        *d.get(i + 1)?,
        *d.get(i + 2)?,
        *d.get(i + 3)?,
    ]))
}

/// A BIFF8 string of `cch` characters at `d[i..]` after its flags byte.
fn chars(d: &[u8], i: usize, cch: usize) -> Option<String> {
    let high = d.get(i)? & 1 == 1;
    let s = i + 1;
    if high {
        let units: Vec<u16> = (0..cch).map_while(|k| u16_at(d, s + 2 * k)).collect();
        Some(String::from_utf16_lossy(&units))
    } else {
        Some(d.get(s..s + cch)?.iter().map(|&b| char::from(b)).collect())
    }
}

/// Records from `pos`: (type, data).
fn records(stream: &[u8], mut pos: usize) -> impl Iterator<Item = (u16, &[u8])> {
    std::iter::from_fn(move || {
        let kind = u16_at(stream, pos)?;
        let len = usize::from(u16_at(stream, pos + 2)?);
        let data = stream.get(pos + 4..pos + 4 + len)?;
        pos += 4 + len;
        Some((kind, data))
    })
}

/// Most numeric cells read from one sheet.
const MAX_CELLS: usize = 4_000_000;

/// Read the number formats and sheet facts of an `.xls`.
///
/// # Errors
/// `unreadable` when the container or stream is broken, or a sheet is
/// beyond the limits.
pub fn formats(bytes: &[u8]) -> Result<Formats, FileError> {
    let bad = |m: String| FileError::new(ErrorCode::Unreadable, m);
    let mut cf =
        cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|e| bad(format!("xls: {e}")))?;
    let mut stream = Vec::new();
    let name = if cf.is_stream("/Workbook") {
        "/Workbook"
    } else {
        "/Book"
    };
    cf.open_stream(name)
        .and_then(|mut s| s.read_to_end(&mut stream))
        .map_err(|e| bad(format!("xls: no workbook stream: {e}")))?;
    read_stream(&stream)
}

/// [`formats`] from the workbook stream itself.
fn read_stream(stream: &[u8]) -> Result<Formats, FileError> {
    let bad = |m: String| FileError::new(ErrorCode::Unreadable, m);
    let mut out = Formats::default();
    let mut sheets: Vec<(u32, String)> = Vec::new();
    for (kind, d) in records(stream, 0) {
        match kind {
            0x041E => {
                if let (Some(id), Some(cch)) = (u16_at(d, 0), u16_at(d, 2))
                    && let Some(code) = chars(d, 4, usize::from(cch))
                {
                    out.codes.insert(id, code);
                }
            }
            0x00E0 => out.xfs.push(u16_at(d, 2).unwrap_or(0)),
            0x0085 => {
                if let (Some(pos), Some(&cch)) = (u32_at(d, 0), d.get(6))
                    && let Some(name) = chars(d, 7, usize::from(cch))
                {
                    sheets.push((pos, name));
                }
            }
            0x000A => break,
            _ => {}
        }
    }
    for (pos, name) in sheets {
        let mut info = SheetInfo::default();
        let cell = |info: &mut SheetInfo, r: u16, c: u16, xf: Option<u16>| {
            let (r, c) = (u32::from(r), u32::from(c));
            info.max_row = info.max_row.max(r + 1);
            info.max_col = info.max_col.max(c + 1);
            if let Some(xf) = xf
                && info.xf.len() < MAX_CELLS
            {
                info.xf.insert((r, c), xf);
            }
        };
        for (kind, d) in records(stream, pos as usize).skip(1) {
            if kind == 0x000A {
                break; // the sheet's EOF (it holds no row or column to read)
            }
            let (Some(r), Some(c)) = (u16_at(d, 0), u16_at(d, 2)) else {
                continue;
            };
            match kind {
                0x0203 | 0x027E | 0x0006 => cell(&mut info, r, c, u16_at(d, 4)),
                0x00FD | 0x0204 | 0x0205 => cell(&mut info, r, c, None),
                0x00BD => {
                    let n = d.len().saturating_sub(6) / 6;
                    for k in 0..n {
                        let col = c.saturating_add(u16::try_from(k).unwrap_or(u16::MAX));
                        cell(&mut info, r, col, u16_at(d, 4 + 6 * k));
                    }
                }
                0x0208 if u16_at(d, 12).is_some_and(|g| g & 0x20 != 0) => {
                    info.hidden_rows.insert(u32::from(r));
                }
                0x007D if u16_at(d, 8).is_some_and(|g| g & 1 != 0) => {
                    info.hidden_cols.extend(u32::from(r)..=u32::from(c));
                }
                _ => {}
            }
        }
        if info.max_row as usize * info.max_col as usize > super::sheet::DENSE_LIMIT {
            return Err(bad(format!(
                "sheet {name} spans {} rows × {} columns, beyond the limit",
                info.max_row, info.max_col
            )));
        }
        out.sheets.insert(name, info);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three sheets whose cells sit at the same places with other formats:
    /// each sheet's records end at its own EOF, so a later sheet's formats
    /// never overwrite an earlier one's.
    #[test]
    fn each_sheet_keeps_its_own_formats() {
        let rec = |kind: u16, data: &[u8]| {
            let mut v = kind.to_le_bytes().to_vec();
            v.extend_from_slice(&u16::try_from(data.len()).unwrap().to_le_bytes());
            v.extend_from_slice(data);
            v
        };
        let rk = |xf: u16| {
            let mut d = vec![1, 0, 2, 0];
            d.extend_from_slice(&xf.to_le_bytes());
            d.extend_from_slice(&[0, 0, 0, 0]);
            rec(0x027E, &d)
        };
        let sheet = |xf: u16, hidden_row: bool| {
            let mut s = rec(0x0809, &[0; 16]);
            let mut row = vec![5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
            row.extend_from_slice(&(if hidden_row { 0x20u16 } else { 0 }).to_le_bytes());
            row.extend_from_slice(&[0, 0]);
            s.extend(rec(0x0208, &row));
            s.extend(rk(xf));
            s.extend(rec(0x000A, &[]));
            s
        };
        let mut globals = rec(0x0809, &[0; 16]);
        let mut fmt = 170u16.to_le_bytes().to_vec();
        fmt.extend_from_slice(&[4, 0, 0]);
        fmt.extend_from_slice(b"0.0%");
        globals.extend(rec(0x041E, &fmt));
        globals.extend(rec(0x00E0, &[0, 0, 170, 0]));
        globals.extend(rec(0x00E0, &[0, 0, 10, 0]));
        let names = ["A", "B"];
        let bound_len = 4 + 8 + 1;
        let start = globals.len() + names.len() * bound_len + 4;
        let bodies = [sheet(0, true), sheet(1, false)];
        let mut pos = start;
        for (name, body) in names.iter().zip(&bodies) {
            let mut d = u32::try_from(pos).unwrap().to_le_bytes().to_vec();
            d.extend_from_slice(&[0, 0, 1, 0]);
            d.extend_from_slice(name.as_bytes());
            globals.extend(rec(0x0085, &d));
            pos += body.len();
        }
        globals.extend(rec(0x000A, &[]));
        assert_eq!(globals.len(), start);
        let mut stream = globals;
        for b in &bodies {
            stream.extend_from_slice(b);
        }
        let f = read_stream(&stream).unwrap();
        let a = &f.sheets["A"];
        let b = &f.sheets["B"];
        assert_eq!(f.code_of_xf(a.xf[&(1, 2)]).as_deref(), Some("0.0%"));
        assert_eq!(f.code_of_xf(b.xf[&(1, 2)]).as_deref(), Some("0.00%"));
        assert!(a.hidden_rows.contains(&5));
        assert!(b.hidden_rows.is_empty());
    }
}
