"""spaces.pdf: word spaces in every font setup (issue #13).

A ruled two-column table (label | value) whose values are space-separated numbers set
in Helvetica, Times-Roman, an embedded TrueType subset (DejaVu Sans) and STSong-Light
(CID, UniGB-UCS2-H, not embedded), with explicit space characters, with spaces made
only by TJ offsets, with letter-spacing (Tc), word-spacing (Tw) and horizontal
scaling (Tz); CJK set letter-spaced must stay unspaced. Below it a borderless
three-column block with `2023 12 31`-style values. Expected cell texts are in
tests/pdf_page_handmade.rs (`spaces_*`), written from the strings below."""
import sys
from reportlab.pdfgen import canvas
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
pdfmetrics.registerFont(TTFont('DejaVu', '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'))

V = '100.00 95.00 2015 09'
# (label, how, font, size, value)
ROWS = [
    ('一', 'plain', 'Helvetica', 9, V),
    ('二', 'plain', 'Times-Roman', 9, V),
    ('三', 'plain', 'DejaVu', 9, V),
    ('四', 'plain', 'STSong-Light', 9, V),
    ('五', 'tj', 'Helvetica', 9, V),        # no space chars: [(100.00) -250 (95.00) ...] TJ
    ('六', 'tj', 'Times-Roman', 10, V),
    ('七', 'tc', 'Helvetica', 9, V),        # Tc 0.8: letter-spaced digits, explicit spaces
    ('八', 'tw', 'Helvetica', 9, V),        # Tw 2: wider word spaces
    ('九', 'tz', 'Helvetica', 9, V),        # Tz 80 + TJ offsets
    ('十', 'tc', 'STSong-Light', 9, '完成率达到预期'),  # letter-spaced CJK: no spaces
    ('十一', 'tjcjk', 'STSong-Light', 9, '2015 年 09 月'),
]

X0, X1, X2 = 60, 140, 400
TOP, RH = 780, 22


def main(out):
    c = canvas.Canvas(out, pagesize=(595, 842), invariant=1)
    c.setTitle('spaces')
    n = len(ROWS)
    c.setLineWidth(0.5)
    for i in range(n + 1):
        c.line(X0, TOP - i * RH, X2, TOP - i * RH)
    for x in (X0, X1, X2):
        c.line(x, TOP, x, TOP - n * RH)
    for i, (label, how, font, size, value) in enumerate(ROWS):
        y = TOP - i * RH - 15
        c.setFont('STSong-Light', 9)
        c.drawString(X0 + 4, y, '指标' + label)
        t = c.beginText(X1 + 4, y)
        t.setFont(font, size)
        if how == 'plain':
            t.textOut(value)
        elif how in ('tj', 'tjcjk'):
            words = value.split(' ')
            t.setFont(font, size)
            if font == 'STSong-Light':  # UniGB-UCS2-H: 2-byte UCS-2 codes
                enc = ['<%s>' % w.encode('utf-16-be').hex() for w in words]
            else:
                enc = ['(%s)' % w for w in words]
            parts = []
            for k, e in enumerate(enc):
                if k:
                    parts.append('-250')
                parts.append(e)
            t._code.append('[%s] TJ' % ' '.join(parts))
        elif how == 'tc':
            t.setCharSpace(0.8 if font == 'Helvetica' else 3)
            t.textOut(value)
            t.setCharSpace(0)
        elif how == 'tw':
            t.setWordSpace(2)
            t.textOut(value)
            t.setWordSpace(0)
        elif how == 'tz':
            t.setHorizScale(80)
            words = value.split(' ')
            t._code.append('[%s] TJ' % ' -300 '.join('(%s)' % w for w in words))
            t.setHorizScale(100)
        c.drawText(t)
    # Borderless block: three aligned columns, explicit spaces inside the values.
    y = TOP - n * RH - 60
    c.setFont('STSong-Light', 9)
    for k, (a, b, d) in enumerate([('开始日期', '2023 12 31', '100 200'),
                                   ('结束日期', '2024 01 15', '300 400'),
                                   ('检查日期', '2024 06 30', '500 600')]):
        yy = y - k * 16
        c.setFont('STSong-Light', 9)
        c.drawString(X0, yy, a)
        c.setFont('Helvetica', 9)
        c.drawString(X0 + 120, yy, b)
        c.drawString(X0 + 240, yy, d)
    c.showPage()
    c.save()


if __name__ == '__main__':
    main(sys.argv[1])
