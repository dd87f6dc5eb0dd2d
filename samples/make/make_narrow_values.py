"""narrow_values.pdf: one-per-line value lists in columns too narrow to show that a line
ended on purpose (found by the formgen PDF corpus, seed 5: fpdf2 and reportlab).

reportlab platypus tables (STSong-Light, not embedded), one indicator name or value per
paragraph line (`<br/>`). Table 1: the value column is exactly as wide as
`2022年12月31日前`, so that line fills the cell and `199次` follows on the next line
with no room to tell. Table 2: the value column leaves less room after `按时完成` than
`36元` needs. Expected cell texts are in tests/pdf_cell_lists.rs, written from the
strings below.

  python3 samples/make/make_narrow_values.py tests/data/pdf/narrow_values.pdf
"""
import sys
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle, Paragraph, Spacer

FONT, SIZE, PAD = 'STSong-Light', 9, 3
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
ST = ParagraphStyle('c', fontName=FONT, fontSize=SIZE, leading=SIZE * 1.3, wordWrap='CJK')

TABLES = [
    # (names, values, the value column fits exactly this line)
    (['验收合格率', '项目完成时间', '巡查次数'], ['94%', '2022年12月31日前', '199次'],
     '2022年12月31日前'),
    (['政策知晓率', '项目完成时间', '人均补助标准'], ['91%', '按时完成', '36元'], '按时完成3'),
]


def table(names, values, fit):
    w = pdfmetrics.stringWidth(fit, FONT, SIZE) + 2 * PAD + 0.5
    rows = [[Paragraph('关键指标', ST), Paragraph('指标完成情况', ST)],
            [Paragraph('<br/>'.join(names), ST), Paragraph('<br/>'.join(values), ST)]]
    t = Table(rows, colWidths=[90, w])
    t.setStyle(TableStyle([
        ('GRID', (0, 0), (-1, -1), 0.5, colors.black),
        ('VALIGN', (0, 0), (-1, -1), 'TOP'),
        ('LEFTPADDING', (0, 0), (-1, -1), PAD),
        ('RIGHTPADDING', (0, 0), (-1, -1), PAD),
    ]))
    return t


def main(out):
    doc = SimpleDocTemplate(out, pagesize=A4, invariant=1, title='narrow values')
    story = []
    for names, values, fit in TABLES:
        story += [table(names, values, fit), Spacer(1, 30)]
    doc.build(story)


if __name__ == '__main__':
    main(sys.argv[1])
