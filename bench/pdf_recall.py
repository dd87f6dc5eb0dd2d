#!/usr/bin/env python3
"""Character recall of `jixiao text` against `pdftotext -layout` over a PDF corpus.

    python3 bench/pdf_recall.py jixiao  BINARY CORPUS_DIR OUT_DIR   # jixiao text of every PDF
    python3 bench/pdf_recall.py poppler CORPUS_DIR OUT_DIR          # pdftotext -layout of every PDF
    python3 bench/pdf_recall.py compare JIXIAO_DIR POPPLER_DIR REPORT.tsv

Each OUT_DIR gets NAME.txt (stdout) and NAME.code ("ok" or the error code). The corpus
is not in git. The one used for issue #13 is pdf.js's regression set (test/pdfs):
    fetch github:mozilla/pdf.js (a bare git dir REPO), then
    git --git-dir=REPO ls-tree -r -l HEAD test/pdfs | grep -i '\\.pdf$' |
      awk '$4 != "-" {print $3"\\t"$5}' | while IFS=$'\\t' read sha p; do
        git --git-dir=REPO cat-file blob $sha > /tmp/corpus/$(basename "$p"); done

Recall = sum over characters of min(count_jixiao, count_poppler) / count_poppler, white
space ignored, NFKC on both sides (full-width and half-width forms compare equal);
precision the same way round. Control and format characters (Unicode Cc, Cf) are
ignored on both sides: they are no text (pdftotext emits raw control codes for glyphs it
cannot map, and wraps right-to-left runs in U+202B/U+202C embedding marks). `compare` prints the error-code counts, the median recall
and the files under 90 % with the characters missed most.
"""
import collections
import concurrent.futures as cf
import os
import statistics
import subprocess
import sys
import unicodedata

JOBS = int(os.environ.get('JOBS', '2'))


def run_all(cmd_of, corpus, out):
    os.makedirs(out, exist_ok=True)
    files = sorted(f for f in os.listdir(corpus) if f.lower().endswith('.pdf'))

    def one(f):
        path = os.path.join(corpus, f)
        try:
            p = subprocess.run(cmd_of(path), capture_output=True, timeout=60)
            text = p.stdout.decode('utf-8', 'replace')
            if p.returncode == 0:
                code = 'ok'
            elif p.returncode < 0:
                code = 'signal%d' % -p.returncode
            else:
                err = p.stderr.decode('utf-8', 'replace').strip().splitlines()
                last = err[-1] if err else ''
                pre = 'jixiao: ' + path + ': '
                code = last[len(pre):].split(':', 1)[0] if last.startswith(pre) else 'error'
                code = code or 'error'
        except subprocess.TimeoutExpired:
            code, text = 'timeout', ''
        with open(os.path.join(out, f + '.txt'), 'w') as fh:
            fh.write(text)
        with open(os.path.join(out, f + '.code'), 'w') as fh:
            fh.write(code)

    with cf.ThreadPoolExecutor(JOBS) as ex:
        list(ex.map(one, files))


def chars(text):
    text = unicodedata.normalize('NFKC', text)
    return collections.Counter(
        c for c in text if not c.isspace() and unicodedata.category(c) not in ('Cc', 'Cf'))


def compare(jdir, pdir, report):
    names = sorted(f[:-5] for f in os.listdir(jdir) if f.endswith('.code'))
    rows = []
    for n in names:
        code = open(os.path.join(jdir, n + '.code')).read()
        jt = open(os.path.join(jdir, n + '.txt')).read()
        pcode = open(os.path.join(pdir, n + '.code')).read()
        pt = open(os.path.join(pdir, n + '.txt')).read()
        cp, cj = chars(pt), chars(jt)
        tot = sum(cp.values())
        if pcode != 'ok' or tot == 0:
            rows.append((n, code, 'poppler_' + ('empty' if pcode == 'ok' else 'error'), None, None, ''))
            continue
        hit = sum(min(v, cj[k]) for k, v in cp.items())
        m = sum(cj.values())
        prec = sum(min(v, cp[k]) for k, v in cj.items()) / m if m else None
        missing = collections.Counter({k: v - cj[k] for k, v in cp.items() if v > cj[k]})
        miss = ''.join(k for k, _ in missing.most_common(12))
        rows.append((n, code, 'ok', hit / tot, prec, miss))
    with open(report, 'w') as fh:
        fh.write('file\tjixiao\tpoppler\trecall\tprecision\tmost_missing\n')
        for n, code, pst, rec, prec, miss in rows:
            fh.write('%s\t%s\t%s\t%s\t%s\t%s\n' % (
                n, code, pst, '' if rec is None else '%.4f' % rec,
                '' if prec is None else '%.4f' % prec,
                miss.replace('\t', ' ').replace('\n', ' ')))
    print('files', len(rows))
    print('jixiao codes', dict(collections.Counter(r[1] for r in rows).most_common()))
    print('poppler', dict(collections.Counter(r[2] for r in rows).most_common()))
    recs = [r[3] for r in rows if r[3] is not None]
    print('compared %d  median recall %.4f  mean %.4f' % (
        len(recs), statistics.median(recs), statistics.mean(recs)))
    low = sorted((r for r in rows if r[3] is not None and r[3] < 0.9), key=lambda r: r[3])
    print('under 90%%: %d' % len(low))
    for r in low:
        print('  %-45s %-14s %.3f  missing %s' % (r[0], r[1], r[3], r[5]))


def main():
    mode = sys.argv[1]
    if mode == 'jixiao':
        binary = sys.argv[2]
        run_all(lambda p: [binary, 'text', p], sys.argv[3], sys.argv[4])
    elif mode == 'poppler':
        run_all(lambda p: ['pdftotext', '-layout', '-enc', 'UTF-8', p, '-'], sys.argv[2], sys.argv[3])
    elif mode == 'compare':
        compare(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main()
