"""Form fields and annotations (issue #13), hand-written PDF objects (pdfmini.py).

  python3 make_annots.py filled OUT  -> a ruled 3x2 table; the label column is page text,
        the value cells are filled form fields (widget annotations with /V and an
        appearance stream: 智慧社区建设 in STSong-Light, 100.00 95.00 in Helvetica); a
        FreeText comment 审核意见：同意 with its appearance; a hidden FreeText (/F 2)
        隐藏文字 and a no-view one (/F 32) 不显示 that must not be read.
  python3 make_annots.py values OUT  -> the same, but the two fields carry only /V (no
        appearance stream; /NeedAppearances true), as some producers leave them, and a
        FreeText comment 评审意见：通过 below the table has only /Contents and /DA.
  python3 make_annots.py stale OUT   -> as `filled`, but /NeedAppearances true and the two
        fields' appearance streams are stale: they show 智慧城市建设 and 90.00 80.00 while
        /V holds 智慧社区建设 and 100.00 95.00 (what poppler and pdf.js show); below the
        table a password field (/Ff 8192) whose appearance shows ********* and whose /V
        is secret123 (never shown).
  python3 make_annots.py only OUT    -> a page whose only text is a FreeText annotation
        (自评得分 95); the page content draws a rectangle only."""
import sys
from pdfmini import Pdf, pstr

W, H = 595, 842


def ucs2(s):
    return b'<' + s.encode('utf-16-be').hex().upper().encode() + b'>'


def fonts(pdf):
    desc = pdf.add({'Type': 'FontDescriptor', 'FontName': 'STSong-Light', 'Flags': 6,
                    'FontBBox': [0, -141, 1000, 859], 'ItalicAngle': 0, 'Ascent': 859,
                    'Descent': -141, 'CapHeight': 683, 'StemV': 80})
    cid = pdf.add({'Type': 'Font', 'Subtype': 'CIDFontType0', 'BaseFont': 'STSong-Light',
                   'CIDSystemInfo': {'Registry': pstr('Adobe'), 'Ordering': pstr('GB1'),
                                     'Supplement': 2},
                   'FontDescriptor': desc, 'DW': 1000, 'W': [1, 95, 500]})
    song = pdf.add({'Type': 'Font', 'Subtype': 'Type0', 'BaseFont': 'STSong-Light',
                    'Encoding': 'UniGB-UCS2-H', 'DescendantFonts': [cid]})
    helv = pdf.add({'Type': 'Font', 'Subtype': 'Type1', 'BaseFont': 'Helvetica',
                    'Encoding': 'WinAnsiEncoding'})
    return {'S': song, 'H': helv}


def appearance(pdf, fonts_, w, h, font, text, size=10):
    tok = ucs2(text) if font == 'S' else pstr(text)
    body = b'/Tx BMC q BT /%s %d Tf 2 %.2f Td %s Tj ET Q EMC' % (
        font.encode(), size, (h - size) / 2 + 2, tok)
    return pdf.add_stream(body, {'Type': 'XObject', 'Subtype': 'Form', 'BBox': [0, 0, w, h],
                                 'Resources': {'Font': fonts_}})


def annot(pdf, fonts_, kind, rect, font, text, flags=4, field=None, ap=True, shown=None):
    x0, y0, x1, y1 = rect
    d = {'Type': 'Annot', 'Subtype': kind, 'Rect': list(rect), 'F': flags}
    if ap:
        d['AP'] = {'N': appearance(pdf, fonts_, x1 - x0, y1 - y0, font, shown or text)}
    if kind == 'Widget':
        d.update({'FT': 'Tx', 'T': pstr(field),
                  'V': (b'<FEFF' + ucs2(text)[1:]) if font == 'S' else pstr(text),
                  'DA': pstr('/%s 10 Tf 0 g' % font)})
    else:
        d['Contents'] = ucs2(text) if font == 'S' else pstr(text)
    return pdf.add(d)


def build(kind, out):
    pdf = Pdf()
    catalog, pages = pdf.reserve(), pdf.reserve()
    f = fonts(pdf)
    fonts_ = {'S': f['S'], 'H': f['H']}
    annots, fields = [], []
    if kind in ('filled', 'values', 'stale'):
        ap = kind != 'values'
        xs, ys = (60, 200, 480), (760, 730, 700, 670)
        ops = [b'0.5 w']
        for y in ys:
            ops.append(b'%d %d m %d %d l S' % (xs[0], y, xs[-1], y))
        for x in xs:
            ops.append(b'%d %d m %d %d l S' % (x, ys[0], x, ys[-1]))
        for (label, y) in (('项目名称', ys[0]), ('预算执行', ys[1]), ('备注', ys[2])):
            ops.append(b'BT /S 10 Tf %d %d Td %s Tj ET' % (xs[0] + 4, y - 20, ucs2(label)))
        content = b'\n'.join(ops)
        stale = kind == 'stale'
        w1 = annot(pdf, fonts_, 'Widget', (202, 732, 478, 758), 'S', '智慧社区建设', field='name',
                   ap=ap, shown='智慧城市建设' if stale else None)
        w2 = annot(pdf, fonts_, 'Widget', (202, 702, 478, 728), 'H', '100.00 95.00', field='exec',
                   ap=ap, shown='90.00 80.00' if stale else None)
        fr = annot(pdf, fonts_, 'FreeText', (202, 672, 478, 698), 'S', '审核意见：同意')
        hid = annot(pdf, fonts_, 'FreeText', (60, 600, 300, 630), 'S', '隐藏文字', flags=2)
        nov = annot(pdf, fonts_, 'FreeText', (60, 560, 300, 590), 'S', '不显示', flags=32)
        annots = [w1, w2, fr, hid, nov]
        if stale:
            pw = annot(pdf, fonts_, 'Widget', (60, 520, 300, 545), 'H', 'secret123', field='pw',
                       shown='*********')
            pdf.objs[pw.n - 1] = pdf.objs[pw.n - 1][:-2] + b'/Ff 8192 >>'
            annots.append(pw)
        if kind == 'values':
            annots.append(pdf.add({'Type': 'Annot', 'Subtype': 'FreeText', 'F': 4,
                                   'Rect': [60, 520, 300, 545],
                                   'Contents': b'<FEFF' + ucs2('评审意见：通过')[1:],
                                   'DA': pstr('/S 10 Tf 0 g')}))
        fields = [w1, w2]
    else:
        content = b'0.5 w 60 600 400 100 re S'
        annots = [annot(pdf, fonts_, 'FreeText', (80, 640, 400, 680), 'S', '自评得分 95')]
    c = pdf.add_stream(content + b'\n')
    page = pdf.add({'Type': 'Page', 'Parent': pages, 'MediaBox': [0, 0, W, H],
                    'Resources': {'Font': fonts_}, 'Contents': c, 'Annots': annots})
    pdf.set(pages, {'Type': 'Pages', 'Kids': [page], 'Count': 1})
    cat = {'Type': 'Catalog', 'Pages': pages}
    if fields:
        cat['AcroForm'] = {'Fields': fields, 'DA': pstr('/H 10 Tf 0 g')}
        if kind in ('values', 'stale'):
            cat['AcroForm']['NeedAppearances'] = True
    pdf.set(catalog, cat)
    pdf.write(out, catalog)


if __name__ == '__main__':
    build(sys.argv[1], sys.argv[2])
