#!/usr/bin/env bash
# Rebuild every sample PDF under samples/pdf/ and every fixture under tests/expected/pdf/.
# usage: bash samples/make/make_all.sh        (from anywhere; see README.md for what it needs)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PDF="$ROOT/samples/pdf"
EXP="$ROOT/tests/expected/pdf"
export SOURCE_DATE_EPOCH=1646092800   # 2022-03-01T00:00:00Z
export PYTHONHASHSEED=0
export PYTHONDONTWRITEBYTECODE=1
BUILD="$(mktemp -d)"
trap 'rm -rf "$BUILD"' EXIT
mkdir -p "$PDF" "$EXP"
cd "$HERE"

soffice_pdf() {  # soffice_pdf IN OUTDIR
  soffice -env:UserInstallation="file://$BUILD/lo_profile" --headless \
    --convert-to pdf --outdir "$2" "$1" >/dev/null 2>&1
}

echo "== seed_reportlab.pdf"
python3 make_reportlab.py "$PDF/seed_reportlab.pdf"

echo "== seed_gbk.pdf, seed_gbk_embedded.pdf (+ UCS-2 twin for the expected text)"
python3 make_gbk.py gbk "$PDF/seed_gbk.pdf"
python3 make_gbk.py gbk_embedded "$PDF/seed_gbk_embedded.pdf"
python3 make_gbk.py winansi "$PDF/seed_gbk_winansi.pdf"
python3 make_gbk.py winansi_embedded "$PDF/seed_gbk_winansi_embedded.pdf"
python3 make_gbk.py ucs2 "$BUILD/seed_gbk.twin.pdf"

echo "== seed_docx.pdf"
python3 make_docx.py "$BUILD/seed_docx.docx"
soffice_pdf "$BUILD/seed_docx.docx" "$BUILD"
python3 normalize_pdf.py "$BUILD/seed_docx.pdf" "$PDF/seed_docx.pdf"

echo "== seed_docx_shaded.pdf (cell shading, no borders: the grid is drawn by fills only)"
python3 make_docx_shaded.py "$BUILD/seed_docx.docx" "$BUILD/seed_docx_shaded.docx"
soffice_pdf "$BUILD/seed_docx_shaded.docx" "$BUILD"
python3 normalize_pdf.py "$BUILD/seed_docx_shaded.pdf" "$PDF/seed_docx_shaded.pdf"

echo "== seed_xlsx.pdf"
python3 make_xlsx.py "$BUILD/seed_xlsx.xlsx"
soffice_pdf "$BUILD/seed_xlsx.xlsx" "$BUILD"
python3 normalize_pdf.py "$BUILD/seed_xlsx.pdf" "$PDF/seed_xlsx.pdf"

echo "== seed_fpdf2.pdf"
python3 make_fpdf2.py "$PDF/seed_fpdf2.pdf"

echo "== rotate90.pdf"
python3 make_rotate90.py "$PDF/rotate90.pdf"

echo "== scan.pdf"
python3 make_scan.py "$PDF/seed_reportlab.pdf" "$BUILD/scan.pdf"
python3 normalize_pdf.py "$BUILD/scan.pdf" "$PDF/scan.pdf"

echo "== project forms and volumes (make_projects.sh)"
bash "$HERE/make_projects.sh"

echo "== expected files"
python3 make_expected.py "$PDF" "$EXP" \
  seed_gbk.pdf="$BUILD/seed_gbk.twin.pdf" seed_gbk_embedded.pdf="$BUILD/seed_gbk.twin.pdf" \
  seed_gbk_winansi.pdf="$BUILD/seed_gbk.twin.pdf" seed_gbk_winansi_embedded.pdf="$BUILD/seed_gbk.twin.pdf"

echo "== project_yuan_gbk.pdf: text fixtures from its UCS-2 twin (poppler shows GBK ASCII full-width)"
python3 make_project_gbk.py ucs2 "$BUILD/project_yuan_gbk.twin.pdf"
mkdir -p "$BUILD/yuan_only" && cp "$PDF/project_yuan_gbk.pdf" "$BUILD/yuan_only/"
python3 make_expected.py "$BUILD/yuan_only" "$EXP" project_yuan_gbk.pdf="$BUILD/project_yuan_gbk.twin.pdf"

ls -l "$PDF"
