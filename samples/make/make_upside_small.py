"""upside_small.pdf: a ruled table set in small type (6pt and 5pt STSong-Light) drawn upside
down on a portrait page with no /Rotate (as `pdfgen.py --rotate upside` does to a Calc page
scaled to fit): at these sizes a square CJK glyph's origin 0.12 em below its box's top lies
within the tolerance of "at the top" (turned 90°), found by the formgen PDF corpus seed 6
(a Calc form read as turned 90°). Expected cells in tests/pdf_cell_lists.rs, from ROWS.

  python3 samples/make/make_upside_small.py tests/data/pdf/upside_small.pdf
"""
import sys
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont

FONT = 'STSong-Light'
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
ROWS = [('项目名称', '东湖森林防火专项经费', 6),
        ('主管部门', '金山区城市管理局', 6),
        ('实施单位', '西河县应急管理局', 5),
        ('总分', '97.71', 5)]


def main(out):
    W, H = A4
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    c.translate(W, H)
    c.rotate(180)
    x0, xs, y, rh = 60, [60, 120, 260], H - 80, 12
    c.setLineWidth(0.5)
    for k, (a, b, size) in enumerate(ROWS):
        top = y - k * rh
        c.setFont(FONT, size)
        c.drawString(xs[0] + 3, top - rh + 3.5, a)
        c.drawString(xs[1] + 3, top - rh + 3.5, b)
    bottom = y - len(ROWS) * rh
    for k in range(len(ROWS) + 1):
        c.line(xs[0], y - k * rh, xs[-1], y - k * rh)
    for x in xs:
        c.line(x, y, x, bottom)
    c.showPage()
    c.save()


if __name__ == '__main__':
    main(sys.argv[1])
