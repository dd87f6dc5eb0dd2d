"""post_names.pdf: glyph fallbacks (issue #13) — an embedded TrueType subset
(DejaVu Sans: A, B, one, two; fontTools) with its `cmap` table removed
and `post` glyph names kept, as CIDFontType2 / Identity-H, CIDToGIDMap /Identity, no
ToUnicode: the codes are glyph ids, only the glyph names say the text (`AB12`).
Hand-written objects (pdfmini.py)."""
import io
import sys
from fontTools.ttLib import TTFont
from fontTools import subset
from pdfmini import Pdf, pstr

TTF = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'


def build(out):
    ft = TTFont(TTF)
    opts = subset.Options()
    opts.glyph_names = True
    opts.notdef_outline = True
    opts.name_IDs = []
    opts.layout_features = []
    opts.hinting = False
    sub = subset.Subsetter(opts)
    sub.populate(text='AB12')
    sub.subset(ft)
    order = ft.getGlyphOrder()
    del ft['cmap']
    ft['post'].formatType = 2.0
    buf = io.BytesIO()
    ft.save(buf)
    data = buf.getvalue()
    gids = [order.index(n) for n in ('A', 'B', 'one', 'two')]
    pdf = Pdf()
    catalog, pages = pdf.reserve(), pdf.reserve()
    ff = pdf.add_stream(data, {'Length1': len(data)})
    desc = pdf.add({'Type': 'FontDescriptor', 'FontName': 'JXAAAA+DejaVuSans', 'Flags': 4,
                    'FontBBox': [-1021, -463, 1793, 1232], 'ItalicAngle': 0, 'Ascent': 928,
                    'Descent': -236, 'CapHeight': 729, 'StemV': 80, 'FontFile2': ff})
    cid = pdf.add({'Type': 'Font', 'Subtype': 'CIDFontType2', 'BaseFont': 'JXAAAA+DejaVuSans',
                   'CIDSystemInfo': {'Registry': pstr('Adobe'), 'Ordering': pstr('Identity'),
                                     'Supplement': 0},
                   'FontDescriptor': desc, 'DW': 600, 'CIDToGIDMap': 'Identity'})
    f = pdf.add({'Type': 'Font', 'Subtype': 'Type0', 'BaseFont': 'JXAAAA+DejaVuSans',
                 'Encoding': 'Identity-H', 'DescendantFonts': [cid]})
    hexs = ''.join('%04X' % g for g in gids).encode()
    content = pdf.add_stream(b'BT /F 12 Tf 72 720 Td <' + hexs + b'> Tj ET\n', compress=False)
    page = pdf.add({'Type': 'Page', 'Parent': pages, 'MediaBox': [0, 0, 595, 842],
                    'Resources': {'Font': {'F': f}}, 'Contents': content})
    pdf.set(pages, {'Type': 'Pages', 'Kids': [page], 'Count': 1})
    pdf.set(catalog, {'Type': 'Catalog', 'Pages': pages})
    pdf.write(out, catalog)


if __name__ == '__main__':
    build(sys.argv[1])
