"""Write tests/expected/pdf/NAME.{pdftotext.txt,chars.txt,pdfplumber.json,rulings.json,page.json}.

usage: python3 make_expected.py PDF_DIR EXPECTED_DIR [NAME.pdf=TWIN.pdf ...]

For a GBK-EUC-H file a TWIN pdf (same geometry, UniGB-UCS2-H text) may be given: its poppler
text is used for the two text files, because poppler maps GBK-EUC-H single-byte codes
(ASCII per SPEC.md) to full-width characters. pdfplumber (pdfminer) already decodes those
bytes as ASCII, so the JSON files come from the real file."""
import json
import os
import re
import subprocess
import sys

import pdfplumber


def r3(x):
    return round(float(x), 3)


def pdftotext(path, layout):
    args = ['pdftotext', '-enc', 'UTF-8'] + (['-layout'] if layout else []) + [path, '-']
    return subprocess.run(args, check=True, capture_output=True).stdout.decode('utf-8')


def chars_lines(text):
    pages = text.split('\f')
    if pages and pages[-1].strip() == '':
        pages = pages[:-1]
    return ''.join(re.sub(r'\s+', '', p) + '\n' for p in pages)


def rulings_of(page):
    out = []
    for ln in page.lines:
        out.append({'kind': 'line', 'x0': r3(ln['x0']), 'top': r3(ln['top']), 'x1': r3(ln['x1']),
                    'bottom': r3(ln['bottom']), 'linewidth': r3(ln.get('linewidth') or 0),
                    'stroke': bool(ln.get('stroke')), 'fill': bool(ln.get('fill'))})
    for rc in page.rects:
        out.append({'kind': 'rect', 'x0': r3(rc['x0']), 'top': r3(rc['top']), 'x1': r3(rc['x1']),
                    'bottom': r3(rc['bottom']), 'linewidth': r3(rc.get('linewidth') or 0),
                    'stroke': bool(rc.get('stroke')), 'fill': bool(rc.get('fill'))})
    out.sort(key=lambda d: (d['top'], d['x0'], d['bottom'], d['x1'], d['kind']))
    return out


def page_rulings(page):
    segs = []

    def h(y, a, b):
        segs.append({'orientation': 'Horizontal', 'pos': r3(y), 'start': r3(min(a, b)), 'end': r3(max(a, b))})

    def v(x, a, b):
        segs.append({'orientation': 'Vertical', 'pos': r3(x), 'start': r3(min(a, b)), 'end': r3(max(a, b))})

    for ln in page.lines:
        if abs(ln['top'] - ln['bottom']) < 1e-3 or abs(ln['top'] - ln['bottom']) < abs(ln['x1'] - ln['x0']) and abs(ln['top'] - ln['bottom']) < 2:
            h((ln['top'] + ln['bottom']) / 2, ln['x0'], ln['x1'])
        elif abs(ln['x1'] - ln['x0']) < 2:
            v((ln['x0'] + ln['x1']) / 2, ln['top'], ln['bottom'])
    for rc in page.rects:
        w, ht = rc['x1'] - rc['x0'], rc['bottom'] - rc['top']
        if ht < 2 and w >= ht:
            h((rc['top'] + rc['bottom']) / 2, rc['x0'], rc['x1'])
        elif w < 2:
            v((rc['x0'] + rc['x1']) / 2, rc['top'], rc['bottom'])
        else:
            h(rc['top'], rc['x0'], rc['x1'])
            h(rc['bottom'], rc['x0'], rc['x1'])
            v(rc['x0'], rc['top'], rc['bottom'])
            v(rc['x1'], rc['top'], rc['bottom'])
    segs.sort(key=lambda s: (s['orientation'], s['pos'], s['start'], s['end']))
    return segs


def glyphs_of(page):
    out = []
    for ch in page.chars:
        m = ch['matrix']
        # baseline: y of the glyph origin (text matrix x CTM, which pdfminer has already turned
        # by /Rotate), flipped to a top-left origin
        baseline = page.height - m[5]
        out.append({'text': ch['text'],
                    'bbox': {'x0': r3(ch['x0']), 'top': r3(ch['top']), 'x1': r3(ch['x1']), 'bottom': r3(ch['bottom'])},
                    'baseline': r3(baseline), 'size': r3(ch['size']), 'upright': bool(ch['upright'])})
    return out


def dump(obj, path):
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(obj, f, ensure_ascii=False, separators=(',', ':'))
        f.write('\n')


def one(pdf, outdir, twin=None):
    name = os.path.basename(pdf)[:-4]
    src = twin or pdf
    with open(os.path.join(outdir, name + '.pdftotext.txt'), 'w', encoding='utf-8') as f:
        f.write(pdftotext(src, True))
    with open(os.path.join(outdir, name + '.chars.txt'), 'w', encoding='utf-8') as f:
        # from the -layout text: non-layout pdftotext drops a hyphen that ends a line
        f.write(chars_lines(pdftotext(src, True)))
    tables, rulings, pages = [], [], []
    with pdfplumber.open(pdf) as doc:
        for i, p in enumerate(doc.pages):
            tables.append(p.extract_tables())
            rulings.append(rulings_of(p))
            pages.append({'number': i + 1, 'width': r3(p.width), 'height': r3(p.height),
                          'rotation': p.rotation, 'glyphs': glyphs_of(p), 'rulings': page_rulings(p)})
    dump(tables, os.path.join(outdir, name + '.pdfplumber.json'))
    dump(rulings, os.path.join(outdir, name + '.rulings.json'))
    dump(pages, os.path.join(outdir, name + '.page.json'))


def main():
    pdfdir, outdir = sys.argv[1], sys.argv[2]
    twins = dict(a.split('=', 1) for a in sys.argv[3:])
    os.makedirs(outdir, exist_ok=True)
    for fn in sorted(os.listdir(pdfdir)):
        if fn.endswith('.pdf'):
            one(os.path.join(pdfdir, fn), outdir, twins.get(fn))
            print('expected:', fn)


if __name__ == '__main__':
    main()
