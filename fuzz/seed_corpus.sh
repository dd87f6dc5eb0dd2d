#!/bin/sh
# Seed the fuzz corpora from the project's own samples and test data.
# Run from anywhere; writes fuzz/corpus/{pdf,text} (git-ignored).
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
echo "pdf:  $(ls "$here/corpus/pdf" | wc -l) seeds"
echo "text: $(ls "$here/corpus/text" | wc -l) seeds"
