#!/bin/sh
# Seed the fuzz corpora from the project's own samples and test data.
# Run from anywhere; writes fuzz/corpus/{pdf,text,html,office} (git-ignored).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
mkdir -p "$here/corpus/pdf" "$here/corpus/text"
for f in "$root"/samples/pdf/*.pdf "$root"/tests/data/pdf/*.pdf "$root"/tests/data/fuzz/*.pdf; do
    [ -f "$f" ] && cp "$f" "$here/corpus/pdf/"
done
for f in "$root"/samples/text/* "$root"/tests/data/fuzz/*.txt; do
    [ -f "$f" ] && cp "$f" "$here/corpus/text/"
done
mkdir -p "$here/corpus/html" "$here/corpus/office"
for f in "$root"/samples/html/*.html "$root"/tests/data/hostile/*.html; do
    [ -f "$f" ] && cp "$f" "$here/corpus/html/"
done
# office: the first byte picks the container name (0 docx, 1 xlsx, 2 ods, 3 xls).
for f in "$root"/samples/office/* "$root"/tests/data/hostile/*.docx "$root"/tests/data/hostile/*.xlsx "$root"/tests/data/hostile/*.ods; do
    [ -f "$f" ] || continue
    case "$f" in
        *.docx) b='\000' ;; *.xlsx) b='\001' ;; *.ods) b='\002' ;; *.xls) b='\003' ;; *) continue ;;
    esac
    { printf "$b"; cat "$f"; } > "$here/corpus/office/$(basename "$f")"
done
echo "pdf:  $(ls "$here/corpus/pdf" | wc -l) seeds"
echo "html: $(ls "$here/corpus/html" | wc -l) seeds"
echo "office: $(ls "$here/corpus/office" | wc -l) seeds"
echo "text: $(ls "$here/corpus/text" | wc -l) seeds"
