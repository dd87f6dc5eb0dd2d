"""project_yuan_gbk.pdf: the 上海-style project form (money in 元) with the hand-written PDF
writer (pdfmini.py) and make_gbk.py's fonts: text GBK-EUC-H encoded, non-embedded /SimSun
(CIDFontType0, Adobe-GB1), no ToUnicode; borders are thin filled rectangles.

  python3 make_project_gbk.py gbk  OUT.pdf  -> project_yuan_gbk.pdf
  python3 make_project_gbk.py ucs2 OUT.pdf  -> the UniGB-UCS2-H "twin" (same geometry), only
                                              to look at its text: poppler maps GBK-EUC-H
                                              single bytes (ASCII) to full-width characters"""
import sys
from pdfmini import Pdf, TableLayout, pstr, merge
from make_gbk import Font, make_font, width_of, PAGE_W, PAGE_H, MARGIN, SIZE, LEADING, PAD, RULE
import project_forms as P
from seed_form import cells


def build(variant, out, form):
    font = Font(variant)
    pdf = Pdf()
    catalog = pdf.reserve()
    pages = pdf.reserve()
    fontref = make_font(pdf, variant, font)
    width = PAGE_W - 2 * MARGIN
    layouts = [TableLayout(cells(t), rel, width, width_of, SIZE, LEADING, PAD, P.is_header)
               for t, rel in form.tables]
    page_streams, cur, rules = [], [b'0 g'], []
    top = PAGE_H - MARGIN

    def text(size):
        def cb(x, y, s):
            cur.append(b'BT /F1 %s Tf 1 0 0 1 %.2f %.2f Tm %s Tj ET' % (('%g' % size).encode(), x, y, font.hexstr(s)))
        return cb

    def rule(x0, y0, x1, y1):
        rules.append((round(x0, 2), round(y0, 2), round(x1, 2), round(y1, 2)))

    def flush():
        h = RULE / 2
        hs = merge(set((y0, x0, x1) for (x0, y0, x1, y1) in rules if y0 == y1))
        vs = merge(set((x0, y0, y1) for (x0, y0, x1, y1) in rules if y0 != y1))
        for (y, a, b) in sorted(hs, key=lambda t: (-t[0], t[1])):
            cur.append(b'%.2f %.2f %.2f %.2f re f' % (a - h, y - h, b - a + RULE, RULE))
        for (x, a, b) in vs:
            cur.append(b'%.2f %.2f %.2f %.2f re f' % (x - h, a - h, RULE, b - a + RULE))
        rules.clear()
        page_streams.append(list(cur))
        cur.clear()
        cur.append(b'0 g')

    tw = width_of(form.title, 14)
    text(14)((PAGE_W - tw) / 2, top - 14, form.title)
    top -= 30
    if form.unit_line:
        text(10)(MARGIN, top - 10, form.unit_line)
        top -= 16
    for lay in layouts:
        for (r0, r1) in lay.groups():
            h = sum(lay.rowh[r0:r1])
            if top - h < MARGIN:
                flush()
                top = PAGE_H - MARGIN
            top = lay.render(MARGIN, top, r0, r1, text(SIZE), rule)
        top -= 14
    flush()
    kids = []
    for ps in page_streams:
        content = pdf.add_stream(b'\n'.join(ps) + b'\n')
        kids.append(pdf.add({'Type': 'Page', 'Parent': pages, 'MediaBox': [0, 0, PAGE_W, PAGE_H],
                             'Resources': {'Font': {'F1': fontref}}, 'Contents': content}))
    pdf.set(pages, {'Type': 'Pages', 'Kids': kids, 'Count': len(kids)})
    pdf.set(catalog, {'Type': 'Catalog', 'Pages': pages})
    info = pdf.add({'Producer': pstr('jixiao samples/make/make_project_gbk.py'),
                    'Title': pstr('project form yuan (%s)' % variant)})
    pdf.write(out, catalog, info)


if __name__ == '__main__':
    if sys.argv[1] not in ('gbk', 'ucs2'):
        raise SystemExit('usage: make_project_gbk.py gbk|ucs2 OUT.pdf')
    build(sys.argv[1], sys.argv[2], P.FORMS['yuan'])
