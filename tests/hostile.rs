//! The hostile-input set (tests/data/hostile/, written by samples/make/make_hostile.py):
//! every file gives exactly its expected error code, or records, and the run over the set
//! exits 1 with the good files' records beside the errors.
//!
//! Five more files are built here, in a temp dir, too big to commit: `bomb_2gb.pdf`, a
//! page whose single /FlateDecode content stream inflates to 2,202,009,600 bytes (~2.1 MB
//! on disk even at zlib's best ratio); `bomb_lzw.pdf`, 300 MiB of zeros behind
//! /LZWDecode; `bomb_lzw_flate.pdf`, the 2 GB zlib stream again behind
//! [/LZWDecode /FlateDecode]; `page_100mb.html`, a 100 MB HTML page; `million_rows.xlsx`,
//! a sheet of 1,000,000 rows of distinct numbers. No assertion is about speed.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use common::{jixiao, json_lines, root};
use jixiao::pipeline::{self, Options};

const DIR: &str = "tests/data/hostile";

/// What one input must give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// At least one record (and no error line).
    Records,
    /// Exactly this error code (and no record).
    Error(&'static str),
}
use Expect::{Error, Records};

/// The good inputs run beside the hostile ones: the seed form's own samples (the
/// hostile PDFs, Word and Excel files are edits of the first three), each must give
/// records.
const GOOD: [&str; 5] = [
    "samples/pdf/seed_reportlab.pdf",
    "samples/text/000_5db012f121f01c6e.txt",
    "samples/html/seed_cms_utf8.html",
    "samples/office/seed_python_docx.docx",
    "samples/office/seed_openpyxl.xlsx",
];

/// File name -> expected outcome. Every file in tests/data/hostile must be listed.
const EXPECTED: &[(&str, Expect)] = &[
    // Not a PDF although named .pdf.
    ("empty.pdf", Error("not_pdf")),
    ("random.pdf", Error("not_pdf")),
    ("html.pdf", Error("not_pdf")),
    // Cut inside the font objects: no page, no xref, no trailer is left.
    ("truncated.pdf", Error("unreadable")),
    // Wrong xref offsets and startxref: must be reconstructed and read, as poppler does.
    ("broken_xref.pdf", Records),
    ("encrypted_password.pdf", Error("encrypted")),
    // Encrypted with an empty user password: opens without one, so it must be read.
    ("encrypted_empty_password.pdf", Records),
    // One image, no font, no text operator.
    ("scan.pdf", Error("no_text_layer")),
    // The two real pages are intact; the page tree also holds a /Pages node that is its
    // own kid and one whose kid is the root. poppler skips the loops and reads the pages.
    ("page_tree_cycle.pdf", Records),
    // 100,000-deep arrays in an object the catalog names and in page 1's content.
    // poppler skips the deep operand and reads the page; our interpreter would drop
    // the rest of the page after it, giving a silently incomplete form, so the page
    // is refused instead: a clean `unreadable`, never a wrong record.
    ("deep_nesting.pdf", Error("unreadable")),
    // /Filter [/FlateDecode /FlateDecode]: 5 KB -> 2 MB -> 2.2 GB. A decompression bomb:
    // rejected as `unreadable`, as the single-flate bomb is (page::Limits::max_stream_bytes).
    ("bomb_flate2x.pdf", Error("unreadable")),
    // The same twice-deflated stream as a drawn form XObject, as the ToUnicode CMap and as
    // the FontFile2 of the font of the page's text.
    ("bomb_flate2x_form.pdf", Error("unreadable")),
    ("bomb_flate2x_tounicode.pdf", Error("unreadable")),
    ("bomb_flate2x_fontfile.pdf", Error("unreadable")),
    // Prose in two fonts, no table, no ruling.
    ("no_table.pdf", Error("no_form_found")),
    // 300 pages (good.pdf's two pages 150 times, sharing content streams): an ordinary
    // document, read in well under a second, far within any per-file time limit and
    // below page::Limits::max_pages, so records (150 copies of the form today), not
    // `timeout`.
    ("pages_300.pdf", Records),
    // Not UTF-8, no BOM, not GB18030.
    ("undecodable.txt", Error("decode_failed")),
    // HTML and Office files (make_hostile.py `office()`).
    // Legacy binary Word/WPS: a message saying how to convert them.
    ("legacy.doc", Error("unsupported_format")),
    ("legacy.wps", Error("unsupported_format")),
    // A part inflating to 72 MiB at ~1000:1: a ZIP bomb, refused before any XML parser runs.
    ("zip_bomb.docx", Error("unreadable")),
    ("zip_bomb.xlsx", Error("unreadable")),
    // Billion laughs: a DTD in an Office part is refused (Office never writes one).
    ("entity_bomb.docx", Error("unreadable")),
    ("entity_bomb.xlsx", Error("unreadable")),
    // Tables nested 10,000 deep: refused past 64 levels, without recursion.
    ("nested_10000.html", Error("unreadable")),
    ("nested_10000.docx", Error("unreadable")),
    // A row with text repeated 1,048,576 times by number-rows-repeated (525 bytes on disk).
    ("million_rows.ods", Error("unreadable")),
    // Cut in half: no ZIP central directory.
    ("truncated.docx", Error("unreadable")),
];

/// Built in the temp dir by [`write_bombs`], passed as extra paths.
const BOMBS: [(&str, Expect); 5] = [
    ("bomb_2gb.pdf", Error("unreadable")),
    ("bomb_lzw.pdf", Error("unreadable")),
    ("bomb_lzw_flate.pdf", Error("unreadable")),
    // A 100 MB page (the seed page's table rows repeated): past the page limit.
    ("page_100mb.html", Error("unreadable")),
    // 1,000,000 rows of distinct numbers (~10:1, so no ZIP bomb): past the row limit.
    ("million_rows.xlsx", Error("unreadable")),
];

/// A 100 MB HTML page: the good page with its table rows repeated.
fn page_100mb() -> Vec<u8> {
    let good = fs::read(root().join(GOOD[2])).unwrap();
    let good = String::from_utf8(good).unwrap();
    let row = "<tr><td>重大项目实际完成率</td><td>100%</td><td>100%</td></tr>\n";
    let cut = good.find("</table>").unwrap();
    let mut page = good[..cut].to_string();
    while page.len() < 100_000_000 {
        page.push_str(row);
    }
    page.push_str(&good[cut..]);
    page.into_bytes()
}

/// An .xlsx whose one sheet has 1,000,000 rows, each a distinct number.
fn million_rows_xlsx() -> Vec<u8> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let mut sheet = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>",
    );
    for r in 1..=1_000_000u32 {
        sheet.push_str(&format!(
            "<row r=\"{r}\"><c r=\"A{r}\"><v>{}</v></c><c r=\"B{r}\"><v>{r}</v></c></row>",
            u64::from(r) * 7919 % 1_000_003
        ));
    }
    sheet.push_str("</sheetData></worksheet>");
    let parts = [
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>".to_string()),
        ("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>".to_string()),
        ("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".to_string()),
        ("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>".to_string()),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    for (name, data) in parts {
        w.start_file(name, opts).unwrap();
        w.write_all(data.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// Inflated size of the single-stream bomb: 2100 MiB, over 2 GB.
const BOMB_BYTES: u64 = 2100 << 20;

/// A zlib stream that inflates to `n` NUL bytes (`n` a multiple of 1 MiB), built without
/// compressing `n` bytes: a full flush ends a deflate block byte-aligned with an empty
/// window, so the block for 1 MiB of zeros can be repeated; then an empty final block and
/// the Adler-32 of `n` zeros (a = 1, b = n mod 65521).
fn zeros_zlib(n: u64) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    const CHUNK: usize = 1 << 20;
    assert_eq!(n % CHUNK as u64, 0);
    let zeros = vec![0u8; CHUNK];
    let mut c = Compress::new(Compression::best(), false);
    let mut block = Vec::with_capacity(CHUNK);
    c.compress_vec(&zeros, &mut block, FlushCompress::Full)
        .unwrap();
    assert_eq!(
        c.total_in(),
        CHUNK as u64,
        "one call compresses the whole chunk"
    );
    let count = usize::try_from(n / CHUNK as u64).unwrap();
    let mut out = Vec::with_capacity(block.len() * count + 8);
    out.extend_from_slice(&[0x78, 0xDA]);
    for _ in 0..count {
        out.extend_from_slice(&block);
    }
    out.extend_from_slice(&[0x03, 0x00]);
    let adler = (u32::try_from(n % 65521).unwrap() << 16) | 1;
    out.extend_from_slice(&adler.to_be_bytes());
    out
}

/// LZW codes as PDF writes them (MSB first, early change).
fn lzw(data: &[u8]) -> Vec<u8> {
    weezl::encode::Encoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8)
        .encode(data)
        .unwrap()
}

/// A one-page PDF whose content stream is `data` under `filter`.
fn bomb_pdf(filter: &str, data: &[u8]) -> Vec<u8> {
    let mut stream =
        format!("<< /Length {} /Filter {filter} >>\nstream\n", data.len()).into_bytes();
    stream.extend_from_slice(data);
    stream.extend_from_slice(b"\nendstream");
    let objs: [&[u8]; 4] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        &stream,
    ];
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objs.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objs.len() + 1
        )
        .as_bytes(),
    );
    out
}

#[test]
fn zeros_zlib_is_valid_zlib() {
    use std::io::Read;
    let z = zeros_zlib(3 << 20);
    let mut out = Vec::new();
    flate2::read::ZlibDecoder::new(&z[..])
        .read_to_end(&mut out)
        .unwrap();
    assert_eq!(out.len(), 3 << 20);
    assert!(out.iter().all(|&b| b == 0));
}

/// Every file of the set is in EXPECTED and every entry has its file.
fn files() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(root().join(DIR))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let mut listed: Vec<String> = EXPECTED.iter().map(|(n, _)| (*n).to_string()).collect();
    listed.sort();
    assert_eq!(names, listed, "tests/data/hostile and EXPECTED differ");
    names
}

/// Write [`BOMBS`] into `dir`, in that order (built once, for both tests).
fn write_bombs(dir: &Path) -> Vec<std::path::PathBuf> {
    static FILES: std::sync::OnceLock<[Vec<u8>; 5]> = std::sync::OnceLock::new();
    let files = FILES.get_or_init(|| {
        let flate = zeros_zlib(BOMB_BYTES);
        [
            bomb_pdf("/FlateDecode", &flate),
            bomb_pdf("/LZWDecode", &lzw(&vec![0u8; 300 << 20])),
            bomb_pdf("[/LZWDecode /FlateDecode]", &lzw(&flate)),
            page_100mb(),
            million_rows_xlsx(),
        ]
    });
    BOMBS
        .iter()
        .zip(files)
        .map(|((name, _), bytes)| {
            let path = dir.join(name);
            fs::write(&path, bytes).unwrap();
            path
        })
        .collect()
}

#[test]
fn lzw_bombs_are_small_and_decode_to_what_they_claim() {
    let small = lzw(&vec![0u8; 8 << 20]);
    assert!(small.len() < 16 << 10, "{}", small.len());
    let back = weezl::decode::Decoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8)
        .decode(&small)
        .unwrap();
    assert_eq!(back.len(), 8 << 20);
    assert!(back.iter().all(|&b| b == 0));
}

/// What a run gave for one input: its error codes and its number of records and forms.
#[derive(Debug, Default)]
struct Got {
    errors: Vec<String>,
    records: usize,
    forms: Vec<String>,
}

#[test]
fn hostile_set_gives_its_expected_codes_and_the_good_files_records() {
    files();
    let tmp = tempfile::tempdir().unwrap();
    let bombs = write_bombs(tmp.path());
    let bombs: Vec<&str> = bombs.iter().map(|b| b.to_str().unwrap()).collect();
    let r = tmp.path().join("r.jsonl");
    let e = tmp.path().join("e.jsonl");
    let mut args = vec!["extract", DIR];
    args.extend(&bombs);
    args.extend(GOOD);
    args.extend(["-o", r.to_str().unwrap(), "--errors", e.to_str().unwrap()]);
    let out = jixiao(&root(), &args, None);
    let stderr = String::from_utf8_lossy(&out.stderr);

    // Outcome per file name.
    let mut got: BTreeMap<String, Got> = BTreeMap::new();
    let name_of = |path: &str| {
        if let Some(i) = bombs.iter().position(|b| *b == path) {
            return BOMBS[i].0.to_string();
        }
        if GOOD.contains(&path) {
            return path.to_string();
        }
        path.strip_prefix(&format!("{DIR}/"))
            .unwrap_or_else(|| panic!("unexpected path {path:?}"))
            .to_string()
    };
    for line in json_lines(&fs::read(&e).unwrap_or_default()) {
        let path = line["path"].as_str().unwrap();
        assert!(
            !line["message"].as_str().unwrap_or_default().is_empty(),
            "error line without a message: {line}"
        );
        got.entry(name_of(path))
            .or_default()
            .errors
            .push(line["error"].as_str().unwrap().to_string());
    }
    for rec in json_lines(&fs::read(&r).unwrap_or_default()) {
        let g = got
            .entry(name_of(rec["source"]["path"].as_str().unwrap()))
            .or_default();
        g.records += 1;
        g.forms
            .push(rec["form"].as_str().unwrap_or("?").to_string());
    }

    let mut wrong = Vec::new();
    let good: Vec<(&str, Expect)> = GOOD.iter().map(|g| (*g, Records)).collect();
    for &(name, expect) in EXPECTED.iter().chain(&BOMBS).chain(&good) {
        let g = got.remove(name).unwrap_or_default();
        // A file read must be read as the form it holds (all hold the seed form), not as
        // some leftover table.
        let ok = match expect {
            Records => {
                g.errors.is_empty()
                    && g.records > 0
                    && g.forms.iter().all(|f| f == "department_overall")
            }
            Error(code) => g.records == 0 && g.errors == [code],
        };
        if !ok {
            wrong.push(format!(
                "{name}: expected {expect:?}, got errors {:?} and {} records (forms {:?})",
                g.errors, g.records, g.forms
            ));
        }
    }
    assert!(got.is_empty(), "outcomes for unknown inputs: {got:?}");
    assert!(
        wrong.is_empty(),
        "wrong outcomes:\n{}\nstderr: {stderr}",
        wrong.join("\n")
    );
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
}

/// The same expectations one file at a time through the library (no worker process, no
/// time limit: only the reader's own limits protect this).
#[test]
fn each_hostile_file_through_extract_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let bombs = write_bombs(tmp.path());
    let mut inputs: Vec<(String, std::path::PathBuf, Expect)> = files()
        .into_iter()
        .map(|n| {
            let expect = EXPECTED.iter().find(|(m, _)| *m == n).unwrap().1;
            (n.clone(), root().join(DIR).join(&n), expect)
        })
        .collect();
    for ((name, expect), path) in BOMBS.iter().zip(bombs) {
        inputs.push(((*name).to_string(), path, *expect));
    }
    for g in GOOD {
        inputs.push((g.to_string(), root().join(g), Records));
    }
    let mut wrong = Vec::new();
    for (name, path, expect) in inputs {
        let bytes = fs::read(&path).unwrap();
        let got = pipeline::catch(|| pipeline::extract_bytes(&name, &bytes, Options::default()));
        let ok = match (&got, expect) {
            (Ok(recs), Records) => {
                !recs.is_empty()
                    && recs
                        .iter()
                        .all(|r| serde_json::to_value(r).unwrap()["form"] == "department_overall")
            }
            (Err(e), Error(code)) => e.code.as_str() == code,
            _ => false,
        };
        if !ok {
            let shown = match &got {
                Ok(recs) => format!(
                    "{} records (forms {:?})",
                    recs.len(),
                    recs.iter()
                        .map(|r| serde_json::to_value(r).unwrap()["form"].clone())
                        .collect::<Vec<_>>()
                ),
                Err(e) => format!("{}: {}", e.code.as_str(), e.message),
            };
            wrong.push(format!("{name}: expected {expect:?}, got {shown}"));
        }
    }
    assert!(wrong.is_empty(), "wrong outcomes:\n{}", wrong.join("\n"));
}
