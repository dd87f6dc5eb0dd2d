//! PDF text fidelity (issue #13): word spaces, fake bold, GBK bytes in WinAnsi
//! fonts, glyph fallbacks, encryption/header edge cases, form fields and
//! annotations. The PDFs are made by scripts in samples/make/ (see each test).

mod common;

use common::grids;

use jixiao::page::{Limits, PdfError, read_pdf};
use jixiao::pipeline::{Options, blocks};
use jixiao::table::{Block, Grid};

fn bytes(path: &str) -> Vec<u8> {
    std::fs::read(common::root().join(path)).expect("sample file")
}

fn cell_texts(g: &Grid) -> Vec<String> {
    g.cells.iter().map(|c| c.text.clone()).collect()
}

/// tests/data/fidelity/spaces.pdf (samples/make/make_spaces.py): a ruled table whose values
/// are `100.00 95.00 2015 09` in Helvetica, Times, embedded DejaVu Sans and
/// STSong-Light, with explicit spaces, with spaces made only by TJ offsets, with
/// Tc / Tw / Tz; letter-spaced CJK; then a borderless block.
#[test]
fn spaces_in_ruled_cells() {
    let gs = grids("tests/data/fidelity/spaces.pdf");
    assert_eq!(gs.len(), 2, "one ruled, one borderless table");
    let v = "100.00 95.00 2015 09";
    let mut want: Vec<String> = Vec::new();
    for (i, label) in ["一", "二", "三", "四", "五", "六", "七", "八", "九"]
        .iter()
        .enumerate()
    {
        let _ = i;
        want.push(format!("指标{label}"));
        want.push(v.to_string());
    }
    want.extend(["指标十", "完成率达到预期", "指标十一", "2015年09月"].map(String::from));
    assert_eq!(cell_texts(&gs[0]), want);
}

#[test]
fn spaces_in_borderless_rows() {
    let gs = grids("tests/data/fidelity/spaces.pdf");
    assert_eq!(
        cell_texts(&gs[1]),
        [
            "开始日期",
            "2023 12 31",
            "100 200",
            "结束日期",
            "2024 01 15",
            "300 400",
            "检查日期",
            "2024 06 30",
            "500 600"
        ]
    );
}

fn read(path: &str) -> Result<Vec<jixiao::page::Page>, PdfError> {
    read_pdf(&bytes(path), &Limits::default())
}

/// tests/data/fidelity/fakebold.pdf (samples/make/make_fakebold.py): labels drawn three
/// times 0.3 pt apart are one glyph each in the page model.
#[test]
fn fake_bold_is_drawn_once() {
    let pages = read("tests/data/fidelity/fakebold.pdf").unwrap();
    let text: String = pages[0].glyphs.iter().map(|g| g.text.as_str()).collect();
    assert_eq!(
        text.replace(' ', ""),
        "项目支出绩效自评表项目名称微软办公软件采购Total2,176,064"
    );
    let t = jixiao::page::page_text(&pages[0]);
    assert!(t.contains("项目支出绩效自评表"), "{t}");
    assert!(t.contains("项目名称") && t.contains("Total"), "{t}");
}

/// tests/data/fidelity/annots_filled.pdf (samples/make/make_annots.py filled): filled
/// form fields and a FreeText comment are cell text; hidden and no-view ones are not.
#[test]
fn form_fields_and_free_text_are_page_text() {
    let gs = grids("tests/data/fidelity/annots_filled.pdf");
    assert_eq!(gs.len(), 1);
    assert_eq!(cell_texts(&gs[0]), ANNOTS_FORM_CELLS);
    let pages = read("tests/data/fidelity/annots_filled.pdf").unwrap();
    let all: String = pages[0].glyphs.iter().map(|g| g.text.as_str()).collect();
    assert!(!all.contains("隐藏") && !all.contains("不显示"), "{all}");
    // Widget borders are no rulings: only the table's own 4 + 3 lines.
    assert_eq!(pages[0].rulings.len(), 7);
}

/// tests/data/fidelity/annots_only.pdf: the only text is a FreeText annotation.
#[test]
fn annotation_only_text_is_a_text_layer() {
    let path = "tests/data/fidelity/annots_only.pdf";
    let (_, bs) = blocks(path, &bytes(path), &Options::default()).expect("not no_text_layer");
    let text: String = bs
        .iter()
        .map(|b| match b {
            Block::Text { text, .. } => text.clone(),
            Block::Table(g) => cell_texts(g).concat(),
        })
        .collect();
    assert_eq!(text, "自评得分 95");
}

fn page_text_of(path: &str) -> String {
    read(path)
        .unwrap()
        .iter()
        .map(jixiao::page::page_text)
        .collect()
}

/// samples/make/make_enc_edge.py: attachments-only encryption (/StmF /StrF /Identity,
/// /EFF with /EFOpen, no password authenticates) opens; a file without its `%PDF-`
/// header is read (through the whole pipeline's format sniffing too).
#[test]
fn attachments_only_encryption_and_missing_header() {
    for f in ["enc_attachments_only.pdf", "no_header.pdf"] {
        let path = format!("tests/data/fidelity/{f}");
        assert_eq!(page_text_of(&path), "Hello 2021\n绩效自评\n", "{f}");
        let (_, bs) = blocks(&path, &bytes(&path), &Options::default()).expect(f);
        assert!(!bs.is_empty(), "{f}");
    }
    // Random bytes without a header stay not_pdf.
    assert!(matches!(
        read_pdf(b"1 0 x\nrandom", &Limits::default()),
        Err(PdfError::NotPdf(_))
    ));
}

fn warning_codes(r: &serde_json::Value) -> Vec<String> {
    r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap().to_string())
        .collect()
}

/// SPEC `garbled_text`: a record holding U+FFFD (here the seed with two glyphs
/// undecodable) is kept with the warning; the seed itself has none.
#[test]
fn garbled_text_warning() {
    let seed =
        std::fs::read_to_string(common::root().join("samples/text/000_5db012f121f01c6e.txt"))
            .unwrap();
    let rec = |text: &str| {
        let rs = jixiao::pipeline::extract_bytes("seed.txt", text.as_bytes(), Options::default())
            .expect("records");
        assert_eq!(rs.len(), 1);
        serde_json::to_value(&rs[0]).unwrap()
    };
    assert!(!warning_codes(&rec(&seed)).contains(&"garbled_text".to_string()));
    let broken = seed.replacen("永和街道", "永\u{FFFD}\u{FFFD}道", 1);
    let r = rec(&broken);
    assert!(r["department"].as_str().unwrap().contains('\u{FFFD}'));
    assert!(
        warning_codes(&r).contains(&"garbled_text".to_string()),
        "{r}"
    );
}

/// tests/data/fidelity/type3_codes.pdf (samples/make/make_type3.py): Type3 glyph names
/// outside the glyph list read as their character codes, as poppler and mupdf do.
#[test]
fn unmapped_type3_glyphs_fall_back_to_codes() {
    assert_eq!(
        page_text_of("tests/data/fidelity/type3_codes.pdf"),
        "ABC 1\n绩\n"
    );
}

/// The cells of the small form make_annots.py writes, values read from its fields.
const ANNOTS_FORM_CELLS: [&str; 6] = [
    "项目名称",
    "智慧社区建设",
    "预算执行",
    "100.00 95.00",
    "备注",
    "审核意见：同意",
];

/// tests/data/fidelity/annots_values.pdf (make_annots.py values): fields holding only
/// `/V` (no appearance stream, /NeedAppearances) still give their values in place,
/// and a FreeText comment with only `/Contents` its text.
#[test]
fn field_values_without_appearance() {
    let pages = read("tests/data/fidelity/annots_values.pdf").unwrap();
    let t = jixiao::page::page_text(&pages[0]);
    assert!(t.contains("评审意见：通过"), "{t}");
    assert!(!t.contains("隐藏") && !t.contains("不显示"), "{t}");
    let gs = grids("tests/data/fidelity/annots_values.pdf");
    assert_eq!(gs.len(), 1);
    assert_eq!(cell_texts(&gs[0]), ANNOTS_FORM_CELLS);
}

/// tests/data/fidelity/post_names.pdf (samples/make/make_postnames.py): an embedded
/// subset without `cmap`, Identity-H, no ToUnicode: the `post` glyph names give the
/// text (before: U+FFFD; poppler gives nothing).
#[test]
fn post_table_glyph_names() {
    assert_eq!(page_text_of("tests/data/fidelity/post_names.pdf"), "AB12\n");
}

/// tests/data/fidelity/cid_fallbacks.pdf (samples/make/make_cid_fallbacks.py): composite
/// fonts, none embedded, that hayro cannot map. An Adobe-Identity font with a
/// CIDToGIDMap stream uses Unicode as CIDs; `/ToUnicode /Identity-H` (a name) says the
/// codes are Unicode; a ToUnicode with a malformed header keeps its valid entries (as
/// poppler and pdf.js read them; before: all U+FFFD). Glyph ids of a font that is not
/// there stay U+FFFD (nothing can say them).
#[test]
fn composite_font_fallbacks() {
    assert_eq!(
        page_text_of("tests/data/fidelity/cid_fallbacks.pdf"),
        "Uvolnění 2024\nVýbava na přání\nHello world\n\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\n"
    );
}

/// tests/data/fidelity/annots_stale.pdf (make_annots.py stale): with /NeedAppearances
/// the fields' values are laid out from `/V`, not from their stale appearance streams
/// (which show 智慧城市建设 and 90.00 80.00), as poppler and pdf.js do (before: the
/// stale text; pdf.js corpus bug1844583, bug1796741). A password field's value is
/// never laid out: its appearance (`*********`) stays (pdf.js corpus issue19389).
#[test]
fn need_appearances_uses_field_values() {
    let pages = read("tests/data/fidelity/annots_stale.pdf").unwrap();
    let t = jixiao::page::page_text(&pages[0]);
    assert!(t.contains("*********") && !t.contains("secret"), "{t}");
    let gs = grids("tests/data/fidelity/annots_stale.pdf");
    assert_eq!(gs.len(), 1);
    assert_eq!(cell_texts(&gs[0]), ANNOTS_FORM_CELLS);
}

/// tests/data/fidelity/bad_cropbox.pdf (samples/make/make_bad_cropbox.py): a crop box
/// that does not meet the media box is ignored (the media box is the page, as pdf.js
/// and poppler show it; before: `no_text_layer`, everything placed off the page).
#[test]
fn crop_box_outside_media_box() {
    assert_eq!(
        page_text_of("tests/data/fidelity/bad_cropbox.pdf"),
        "Budget 2024 total 95.00\n"
    );
}

/// tests/data/fidelity/stray_mark.pdf (samples/make/make_stray_mark.py): a `.` whose box
/// is centred on a cell border, a word space or more after the number on its left,
/// belongs to neither cell (before: `2,176,064.`); a full stop set against its text and
/// overflowing the border stays with it.
#[test]
fn stray_mark_on_a_border() {
    let gs = grids("tests/data/fidelity/stray_mark.pdf");
    assert_eq!(gs.len(), 1);
    assert_eq!(
        cell_texts(&gs[0]),
        [
            "项目名称",
            "办公软件采购",
            "一般",
            "预算金额",
            "2,176,064",
            "合计",
            "执行金额",
            "1,950,000",
            "合计",
            "备注",
            "已完成。",
            ""
        ]
    );
}
