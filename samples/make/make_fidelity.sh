#!/usr/bin/env bash
# Rebuild the PDFs of tests/data/fidelity/ (issue #13: text fidelity); tests in
# tests/pdf_text_fidelity.rs. usage: bash samples/make/make_fidelity.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$HERE/../../tests/data/fidelity"
export SOURCE_DATE_EPOCH=1646092800 PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1
mkdir -p "$OUT"
cd "$HERE"
python3 make_spaces.py "$OUT/spaces.pdf"
python3 make_fakebold.py "$OUT/fakebold.pdf"
python3 make_annots.py filled "$OUT/annots_filled.pdf"
python3 make_annots.py values "$OUT/annots_values.pdf"
python3 make_annots.py only "$OUT/annots_only.pdf"
python3 make_annots.py stale "$OUT/annots_stale.pdf"
python3 make_enc_edge.py attachments "$OUT/enc_attachments_only.pdf"
python3 make_enc_edge.py noheader "$OUT/no_header.pdf"
python3 make_type3.py "$OUT/type3_codes.pdf"
python3 make_postnames.py "$OUT/post_names.pdf"
python3 make_cid_fallbacks.py "$OUT/cid_fallbacks.pdf"
python3 make_bad_cropbox.py "$OUT/bad_cropbox.pdf"
python3 make_stray_mark.py "$OUT/stray_mark.pdf"
ls -l "$OUT"
