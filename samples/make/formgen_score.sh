#!/bin/sh
# Generate the formgen corpus, run jixiao, score it (field F1, entirely correct, and the
# precision of "no warning => correct" per family).
#   sh samples/make/formgen_score.sh [DIR=target/formgen] [N=300] [SEED=1] [SCORE=../shared/tools/score.py]
set -e
DIR=${1:-target/formgen}; N=${2:-300}; SEED=${3:-1}; SCORE=${4:-../shared/tools/score.py}
rm -rf "$DIR"; python3 samples/make/formgen.py --out "$DIR" --n "$N" --seed "$SEED"
cargo run -q --release -- extract "$DIR" -o "$DIR.pred.jsonl" --errors "$DIR.err.jsonl" || true
python3 "$SCORE" --truth "$DIR/truth.jsonl" --pred "$DIR.pred.jsonl" --errors "$DIR.err.jsonl" \
    --tiers "$DIR/tiers.json" --records-out "$DIR.rec.jsonl" | grep -v 'bad-input'
python3 - "$DIR.rec.jsonl" <<'PY'
import json, sys, collections
by = collections.defaultdict(lambda: [0, 0])
for line in open(sys.argv[1]):
    r = json.loads(line)
    if r.get('matched') and not r.get('pred_warnings'):
        for k in (r['tier'], 'overall'):
            by[k][0] += 1
            by[k][1] += bool(r['all_correct'])
print('no-warning records: correct / total (precision of "no warning => correct")')
for k in sorted(by, key=lambda k: (k == 'overall', k)):
    n, c = by[k]
    print(f'  {k:14s} {c:4d} / {n:4d}  {c / n if n else 0:.3f}')
PY
