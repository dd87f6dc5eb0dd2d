"""fakebold.pdf: fake bold (issue #13) — labels drawn three times with small offsets
(0.3 pt right, 0.3 pt up), as Word/WPS do for a bold face the font lacks, in a ruled
table and in a heading; STSong-Light (UniGB-UCS2-H) and Helvetica."""
import sys
from reportlab.pdfgen import canvas
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont

pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))


def bold(c, x, y, text, font, size):
    c.setFont(font, size)
    for dx, dy in ((0, 0), (0.3, 0), (0, 0.3)):
        c.drawString(x + dx, y + dy, text)


def main(out):
    c = canvas.Canvas(out, pagesize=(595, 842), invariant=1)
    c.setTitle('fakebold')
    bold(c, 200, 780, '项目支出绩效自评表', 'STSong-Light', 16)
    top, rh, xs = 740, 24, (60, 200, 420)
    for i in range(3):
        c.line(xs[0], top - i * rh, xs[-1], top - i * rh)
    for x in xs:
        c.line(x, top, x, top - 2 * rh)
    bold(c, xs[0] + 4, top - 16, '项目名称', 'STSong-Light', 10)
    c.setFont('STSong-Light', 10)
    c.drawString(xs[1] + 4, top - 16, '微软办公软件采购')
    bold(c, xs[0] + 4, top - rh - 16, 'Total', 'Helvetica', 10)
    c.setFont('Helvetica', 10)
    c.drawString(xs[1] + 4, top - rh - 16, '2,176,064')
    c.showPage()
    c.save()


if __name__ == '__main__':
    main(sys.argv[1])
