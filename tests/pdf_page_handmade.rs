//! Hand-made PDFs in tests/data/pdf/ (written by samples/make/make_pdf_testdata.py).

use jixiao::page::{Limits, Orientation, PdfError, page_text, read_pdf};

fn read(name: &str) -> Result<Vec<jixiao::page::Page>, PdfError> {
    let path = format!("{}/tests/data/pdf/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("testdata file");
    read_pdf(&bytes, &Limits::default())
}

fn text(name: &str) -> String {
    read(name).unwrap().iter().map(page_text).collect()
}

#[test]
fn predefined_cmaps_non_embedded() {
    // UniGB-UCS2-H, UniGB-UTF16-H, GBK-EUC-H, GBKp-EUC-H, GB-EUC-H (STSong-Light, no ToUnicode)
    let pages = read("cmaps.pdf").unwrap();
    let lines: Vec<String> = page_text(&pages[0])
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(""))
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len(), 5, "{lines:?}");
    for l in &lines {
        assert!(l.starts_with("绩效ABC123"), "{l}");
    }
    // Advances from /W (both forms) and /DW: CJK 1000, ASCII 500.
    let g = &pages[0].glyphs;
    assert_eq!(g[0].text, "绩");
    assert!((g[0].bbox.x1 - g[0].bbox.x0 - 12.0).abs() < 0.01);
    assert!((g[2].bbox.x1 - g[2].bbox.x0 - 6.0).abs() < 0.01);
}

#[test]
fn simple_fonts() {
    let t = text("simple.pdf");
    assert!(
        t.contains("café – € 100%") || t.contains("ca fé – € 100%"),
        "{t}"
    );
    assert!(t.contains("café–") || t.contains("café –"), "{t}"); // MacRoman
    assert!(t.contains("绩А€D"), "{t}"); // /Differences with uniXXXX and afii names
    assert!(t.contains("Hello 2021"), "{t}"); // non-embedded TrueType with /Widths
}

#[test]
fn rotation_and_cropbox() {
    // Text origin at user (110,720), size 10; CropBox [50 40 545 802]; a 0.5pt filled bar
    // at y=700 from x=100..300; a stroked line x=100, y=600..700.
    for (name, w, h, up) in [
        ("rot0.pdf", 495.0, 762.0, true),
        ("rot90.pdf", 762.0, 495.0, false),
        ("rot180.pdf", 495.0, 762.0, false),
        ("rot270.pdf", 762.0, 495.0, false),
    ] {
        let p = &read(name).unwrap()[0];
        assert!(
            (p.width - w).abs() < 0.01 && (p.height - h).abs() < 0.01,
            "{name}"
        );
        let a = &p.glyphs[0];
        assert_eq!(a.text, "A");
        assert_eq!(a.upright, up, "{name}");
        assert!((a.size - 10.0).abs() < 0.01);
        assert_eq!(p.rulings.len(), 2, "{name}");
    }
    let p = &read("rot0.pdf").unwrap()[0];
    let a = &p.glyphs[0];
    assert!((a.bbox.x0 - 60.0).abs() < 0.01 && (a.baseline - 82.0).abs() < 0.01);
    assert!((a.bbox.top - (82.0 - 8.8)).abs() < 0.01 && (a.bbox.bottom - 83.2).abs() < 0.01);
    let bar = p
        .rulings
        .iter()
        .find(|r| r.orientation == Orientation::Horizontal)
        .unwrap();
    assert!(
        (bar.pos - 101.75).abs() < 0.01
            && (bar.start - 50.0).abs() < 0.01
            && (bar.end - 250.0).abs() < 0.01
    );
    let p = &read("rot90.pdf").unwrap()[0];
    // /Rotate 90 (clockwise): X = y - y0, Y = x - x0.
    let a = &p.glyphs[0];
    assert!(
        (a.baseline - 60.0).abs() < 0.01 || (a.bbox.top - 60.0).abs() < 0.01,
        "{a:?}"
    );
    let bar = p
        .rulings
        .iter()
        .find(|r| r.orientation == Orientation::Vertical)
        .unwrap();
    assert!((bar.pos - 660.25).abs() < 0.01, "{bar:?}");
    let p = &read("rot180.pdf").unwrap()[0];
    let bar = p
        .rulings
        .iter()
        .find(|r| r.orientation == Orientation::Horizontal)
        .unwrap();
    assert!(
        (bar.pos - 660.25).abs() < 0.01 && (bar.start - 245.0).abs() < 0.01,
        "{bar:?}"
    );
    let p = &read("rot270.pdf").unwrap()[0];
    let bar = p
        .rulings
        .iter()
        .find(|r| r.orientation == Orientation::Vertical)
        .unwrap();
    assert!((bar.pos - 101.75).abs() < 0.01, "{bar:?}");
}

#[test]
fn errors() {
    assert!(matches!(read("not_pdf.html"), Err(PdfError::NotPdf(_))));
    assert!(matches!(
        read_pdf(b"", &Limits::default()),
        Err(PdfError::NotPdf(_))
    ));
    assert!(matches!(
        read("truncated.pdf"),
        Err(PdfError::Unreadable(_))
    ));
    assert!(matches!(read("garbage.pdf"), Err(PdfError::Unreadable(_))));
    assert!(matches!(
        read("enc_password.pdf"),
        Err(PdfError::Encrypted(_))
    ));
    // An empty user password just works (RC4-128 and AES-256).
    for name in ["enc_empty.pdf", "enc_aes256_empty.pdf"] {
        let t = text(name);
        assert!(t.contains("Hello 2021"), "{name}: {t}");
    }
}

#[test]
fn hostile_files_terminate() {
    for name in [
        "form_cycle.pdf",
        "form_fanout.pdf",
        "deep.pdf",
        "pages_cycle.pdf",
    ] {
        // Terminates (a hang would hang the test run) with a definite outcome.
        let r = read(name);
        assert!(
            matches!(r, Ok(_) | Err(PdfError::Unreadable(_))),
            "{name}: {r:?}"
        );
    }
    assert!(matches!(
        read("form_fanout.pdf"),
        Err(PdfError::Unreadable(_))
    ));
}

#[test]
fn max_pages() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/pdf/seed_docx.pdf");
    let bytes = std::fs::read(path).expect("sample");
    let limits = Limits {
        max_pages: 2,
        ..Limits::default()
    };
    let e = read_pdf(&bytes, &limits).unwrap_err();
    assert_eq!(
        e,
        PdfError::Unreadable("6 pages, over the limit of 2".into())
    );
    let six = Limits {
        max_pages: 6,
        ..Limits::default()
    };
    assert_eq!(read_pdf(&bytes, &six).unwrap().len(), 6);
}

#[test]
fn truncations_never_panic() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/pdf/seed_gbk_embedded.pdf"
    );
    let bytes = std::fs::read(path).expect("sample");
    let step = (bytes.len() / 97).max(1);
    for cut in (0..bytes.len()).step_by(step) {
        let _ = read_pdf(&bytes[..cut], &Limits::default());
    }
    // Flip bytes here and there.
    for i in (0..bytes.len()).step_by(step) {
        let mut b = bytes.clone();
        b[i] ^= 0x5A;
        let _ = read_pdf(&b, &Limits::default());
    }
}

/// Slow: `cargo test --release -- --ignored fuzz`. Mutates every sample many times.
#[test]
#[ignore]
fn fuzz_samples() {
    let dir =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/samples/pdf")).expect("samples");
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for e in dir.flatten() {
        let bytes = std::fs::read(e.path()).unwrap();
        for _ in 0..300 {
            let mut b = bytes.clone();
            for _ in 0..(next() % 8 + 1) {
                let i = (next() as usize) % b.len();
                b[i] = next() as u8;
            }
            let _ = read_pdf(&b, &Limits::default());
        }
    }
}

#[test]
fn decompression_bomb_is_rejected() {
    // 300 KB of Flate that inflates to 300 MB.
    assert!(matches!(read("bomb.pdf"), Err(PdfError::Unreadable(_))));
}

#[test]
fn identity_h_without_tounicode_uses_font_cmap() {
    // seed_fpdf2.pdf with its ToUnicode maps removed: Unicode comes from the embedded
    // TrueType's cmap table read backwards.
    let expected = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/expected/pdf/seed_fpdf2.chars.txt"
    );
    let exp = std::fs::read_to_string(expected).expect("expected text");
    let got: Vec<String> = read("fpdf2_no_tounicode.pdf")
        .unwrap()
        .iter()
        .map(|p| {
            page_text(p)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect()
        })
        .collect();
    let exp: Vec<&str> = exp.lines().collect();
    assert_eq!(got, exp);
}
