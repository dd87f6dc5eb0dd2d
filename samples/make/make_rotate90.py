"""rotate90.pdf: a small page with /Rotate 90 holding the first rows of the seed form
(部门名称 and the 部门资金情况 block), hand-written with pdfmini.

The MediaBox is portrait (360 x 560 pt); the content is drawn through `0 1 -1 0 360 0 cm`,
so that after the viewer turns the page 90 degrees clockwise the table reads upright on a
560 x 360 landscape page. Font: STSong-Light, UniGB-UCS2-H, not embedded (like reportlab).
Borders: stroked line segments (`x y m x y l S`, 0.75 pt), one per maximal ruling."""
import sys
from pdfmini import Pdf, TableLayout, pstr, merge
import make_gbk as G
import seed_form as S

MB_W, MB_H = 360.0, 560.0           # MediaBox (unrotated)
W, H = MB_H, MB_W                   # the page as viewed
MARGIN = 30.0


def main(out):
    pdf = Pdf()
    catalog, pages = pdf.reserve(), pdf.reserve()
    font = G.Font('ucs2')
    fontref = G.make_font(pdf, 'ucs2', font)
    ops = [b'q 0 1 -1 0 %g 0 cm' % MB_W, b'0 g 0 G 0.75 w']
    rules = []

    def text(size):
        def cb(x, y, s):
            ops.append(b'BT /F1 %g Tf 1 0 0 1 %.2f %.2f Tm %s Tj ET' % (size, x, y, font.hexstr(s)))
        return cb

    def rule(x0, y0, x1, y1):
        rules.append((round(x0, 2), round(y0, 2), round(x1, 2), round(y1, 2)))

    top = H - MARGIN
    text(12)(MARGIN, top - 12, S.TITLE)
    top -= 22
    text(9)(MARGIN, top - 9, S.UNIT_LINE)
    top -= 14
    rows = S.TABLE1[:5]
    lay = TableLayout(S.cells(rows), S.TABLE1_COLS, W - 2 * MARGIN, G.width_of, 9, 12, 3, S.is_header)
    lay.render(MARGIN, top, 0, lay.nrows, text(9), rule)
    for (y, a, b) in merge(set((y0, x0, x1) for (x0, y0, x1, y1) in rules if y0 == y1)):
        ops.append(b'%.2f %.2f m %.2f %.2f l S' % (a, y, b, y))
    for (x, a, b) in merge(set((x0, y0, y1) for (x0, y0, x1, y1) in rules if y0 != y1)):
        ops.append(b'%.2f %.2f m %.2f %.2f l S' % (x, a, x, b))
    ops.append(b'Q')
    content = pdf.add_stream(b'\n'.join(ops) + b'\n')
    page = pdf.add({'Type': 'Page', 'Parent': pages, 'MediaBox': [0, 0, MB_W, MB_H], 'Rotate': 90,
                    'Resources': {'Font': {'F1': fontref}}, 'Contents': content})
    pdf.set(pages, {'Type': 'Pages', 'Kids': [page], 'Count': 1})
    pdf.set(catalog, {'Type': 'Catalog', 'Pages': pages})
    info = pdf.add({'Producer': pstr('jixiao samples/make/make_rotate90.py')})
    pdf.write(out, catalog, info)


if __name__ == '__main__':
    main(sys.argv[1])
