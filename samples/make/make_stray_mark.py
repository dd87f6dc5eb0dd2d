"""stray_mark.pdf (issue #13): a stray `.` centred on a cell border. A ruled 3-column
table (reportlab, Helvetica and STSong-Light): in each value row a number is set
right-aligned in the middle column, ending a word space or more (3 pt, 4 pt) before the
border, and a `.` is drawn with its box centred on the border (a mark that belongs to
neither cell); the third row has a real hanging full stop (`已完成。`: the `。` follows
its text directly and overflows the border), which stays with its cell."""
import sys
from reportlab.pdfgen import canvas
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont

pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))


def main(out):
    c = canvas.Canvas(out, pagesize=(595, 842), invariant=1)
    c.setTitle('stray mark')
    top, rh, xs = 760, 24, (60, 160, 330, 460)
    rows = 4
    for i in range(rows + 1):
        c.line(xs[0], top - i * rh, xs[-1], top - i * rh)
    for x in xs:
        c.line(x, top, x, top - rows * rh)
    c.setFont('STSong-Light', 10)
    for i, t in enumerate(['项目名称', '预算金额', '执行金额', '备注']):
        c.drawString(xs[0] + 4, top - i * rh - 16, t)
    c.drawString(xs[1] + 4, top - 16, '办公软件采购')
    c.drawString(xs[2] + 4, top - 16, '一般')
    dot = pdfmetrics.stringWidth('.', 'Helvetica', 10)
    for i, (num, gap) in enumerate([('2,176,064', 3.0), ('1,950,000', 4.0)], start=1):
        y = top - i * rh - 16
        c.setFont('Helvetica', 10)
        w = pdfmetrics.stringWidth(num, 'Helvetica', 10)
        c.drawString(xs[2] - gap - w, y, num)
        c.drawString(xs[2] - dot / 2, y, '.')
        c.setFont('STSong-Light', 10)
        c.drawString(xs[2] + 4, y, '合计')
    # A real hanging full stop: the text fills the cell up to the border and `。`
    # follows it directly, overflowing the border.
    y = top - 3 * rh - 16
    c.setFont('STSong-Light', 10)
    text = '已完成'
    w = pdfmetrics.stringWidth(text, 'STSong-Light', 10)
    c.drawString(xs[2] - w - 1, y, text + '。')
    c.showPage()
    c.save()


if __name__ == '__main__':
    main(sys.argv[1])
