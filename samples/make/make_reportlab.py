"""seed_reportlab.pdf: reportlab platypus Table (SPAN + GRID), Paragraph wrapping,
font STSong-Light as UnicodeCIDFont (UniGB-UCS2-H, not embedded)."""
import sys
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle, Paragraph, Spacer
from xml.sax.saxutils import escape
import seed_form as S

pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
F = 'STSong-Light'
body = ParagraphStyle('b', fontName=F, fontSize=9, leading=12, wordWrap='CJK')
title = ParagraphStyle('t', fontName=F, fontSize=14, leading=20, alignment=TA_CENTER)
unit = ParagraphStyle('u', fontName=F, fontSize=10, leading=14)


def table(tbl, rel, width):
    n = S.ncols(tbl)
    nrows = len(tbl)
    grid = [[''] * n for _ in range(nrows)]
    style = [('FONT', (0, 0), (-1, -1), F, 9), ('GRID', (0, 0), (-1, -1), 0.5, 'black'),
             ('VALIGN', (0, 0), (-1, -1), 'MIDDLE')]
    for (r, c, rs, cs, text) in S.cells(tbl):
        grid[r][c] = Paragraph(escape(text), body)
        if rs > 1 or cs > 1:
            style.append(('SPAN', (c, r), (c + cs - 1, r + rs - 1)))
    tot = sum(rel)
    t = Table(grid, colWidths=[width * x / tot for x in rel], style=TableStyle(style))
    return t


def main(out):
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=15 * mm, bottomMargin=15 * mm, invariant=1,
                            title='seed', author='jixiao samples', creator='jixiao samples')
    w = A4[0] - 30 * mm
    story = [Paragraph(escape(S.TITLE), title), Paragraph(escape(S.UNIT_LINE), unit), Spacer(1, 4)]
    story.append(table(S.TABLE1, S.TABLE1_COLS, w))
    story.append(Spacer(1, 10))
    story.append(table(S.TABLE2, S.TABLE2_COLS, w))
    doc.build(story)


if __name__ == '__main__':
    main(sys.argv[1])
