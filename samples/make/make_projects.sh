#!/usr/bin/env bash
# Rebuild the project-form and volume samples: samples/pdf/{project_*,volume_*}.pdf,
# samples/text/project_{national_2022,sichuan,yuan}.txt and tests/expected/forms/*.expected.json.
# usage: bash samples/make/make_projects.sh   (make_all.sh calls it; see README.md)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PDF="$ROOT/samples/pdf"
export SOURCE_DATE_EPOCH=1646092800   # 2022-03-01T00:00:00Z
export PYTHONHASHSEED=0
export PYTHONDONTWRITEBYTECODE=1
PBUILD="$(mktemp -d)"
trap 'rm -rf "$PBUILD"' EXIT
mkdir -p "$PDF"
cd "$HERE"

soffice_pdf() {  # soffice_pdf IN OUTDIR
  soffice -env:UserInstallation="file://$PBUILD/lo_profile" --headless \
    --convert-to pdf --outdir "$2" "$1" >/dev/null 2>&1
}

echo "== project_national_docx.pdf, volume_docx.pdf (python-docx -> LibreOffice)"
for which in national volume; do
  name=$([ "$which" = volume ] && echo volume_docx || echo project_national_docx)
  python3 make_project_docx.py "$which" "$PBUILD/$name.docx"
  soffice_pdf "$PBUILD/$name.docx" "$PBUILD"
  python3 normalize_pdf.py "$PBUILD/$name.pdf" "$PDF/$name.pdf"
done

echo "== project_sichuan_reportlab.pdf, volume_reportlab.pdf (reportlab)"
python3 make_project_reportlab.py sichuan "$PDF/project_sichuan_reportlab.pdf"
python3 make_project_reportlab.py volume "$PDF/volume_reportlab.pdf"

echo "== project_yuan_gbk.pdf (pdfmini, GBK-EUC-H)"
python3 make_project_gbk.py gbk "$PDF/project_yuan_gbk.pdf"

echo "== check wraps"
python3 check_project_pdfs.py "$PDF"/project_*.pdf | tail -1

echo "== text twins"
python3 make_project_text.py "$ROOT/samples/text"

echo "== expected records"
python3 make_project_expected.py "$ROOT/tests/expected/forms"
