"""Hand-written PDFs of the seed form with GBK-EUC-H encoded text, no ToUnicode.

  python3 make_gbk.py gbk          OUT   -> non-embedded /SimSun CIDFontType0, GBK-EUC-H
  python3 make_gbk.py gbk_embedded OUT   -> embedded TrueType subset (CIDFontType2 +
                                            CIDToGIDMap), GBK-EUC-H, still no ToUnicode
  python3 make_gbk.py winansi      OUT   -> simple TrueType font named 宋体 in GBK bytes
                                            (/#CB#CE#CC#E5), /WinAnsiEncoding, not embedded,
                                            no ToUnicode, strings in GBK bytes (older Chinese
                                            office/government PDFs); /Widths 500 per byte
  python3 make_gbk.py winansi_embedded OUT -> the same with a Droid Sans Fallback subset
                                            embedded as FontFile2 (a Unicode cmap only,
                                            so no usable byte -> glyph mapping)
  python3 make_gbk.py ucs2         OUT   -> "twin": identical geometry, STSong-Light with
                                            UniGB-UCS2-H; only used to produce the expected
                                            text of the two GBK files (poppler maps GBK-EUC-H
                                            single-byte codes to full-width characters)

Borders are thin filled rectangles (`x y w h re f`, 0.5pt), as Chinese typesetting systems do.
Glyph widths: every char > U+007E is 1000/1000 em, ASCII is 500 (monospaced half-width, as in
SimSun); /W uses both the `c [w ...]` and the `c_first c_last w` forms."""
import sys
from pdfmini import Pdf, Ref, TableLayout, pstr, merge
import seed_form as S

PAGE_W, PAGE_H = 595.0, 842.0
MARGIN = 42.0
SIZE, LEADING, PAD = 9.0, 12.0, 3.0
RULE = 0.5
TTF = '/usr/share/fonts/truetype/arphic/uming.ttc'   # AR PL UMing (fonts-arphic-uming)
TTF_INDEX = 1  # AR PL UMing CN in the collection (index checked at run time)


def width_units(ch):
    return 500 if ord(ch) < 0x80 else 1000


def width_of(s, size=SIZE):
    return sum(width_units(c) for c in s) * size / 1000.0


def half_width_w(first, last, digits_first):
    """/W array: array form for most half-width CIDs, range form for the ten digits."""
    a = [first, [500] * (digits_first - first), digits_first, digits_first + 9, 500,
         digits_first + 10, [500] * (last - digits_first - 9)]
    return a


class Font:
    def __init__(self, variant):
        self.variant = variant
        if variant == 'ucs2':
            self.enc = 'UniGB-UCS2-H'
        else:
            self.enc = 'GBK-EUC-H'

    def encode(self, s):
        if self.enc == 'GBK-EUC-H':
            return s.encode('gbk')
        return s.encode('utf-16-be')

    def hexstr(self, s):
        return b'<' + self.encode(s).hex().upper().encode() + b'>'


def build(variant, out, rotate=False):
    font = Font(variant)
    pdf = Pdf()
    catalog = pdf.reserve()
    pages = pdf.reserve()
    fontref = make_font(pdf, variant, font)

    # ---- lay out
    width = PAGE_W - 2 * MARGIN
    center = S.is_header
    layouts = [TableLayout(S.cells(t), rel, width, width_of, SIZE, LEADING, PAD, center) for t, rel in S.TABLES]
    page_streams = []
    cur = []
    top = PAGE_H - MARGIN

    def text(size):
        def cb(x, y, s):
            cur.append(b'BT /F1 %s Tf 1 0 0 1 %.2f %.2f Tm %s Tj ET' % (('%g' % size).encode(), x, y, font.hexstr(s)))
        return cb

    rules = []

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

    # title + unit line
    tw = width_of(S.TITLE, 14)
    text(14)((PAGE_W - tw) / 2, top - 14, S.TITLE)
    top -= 30
    text(10)(MARGIN, top - 10, S.UNIT_LINE)
    top -= 16
    cur.append(b'0 g')
    for li, lay in enumerate(layouts):
        for (r0, r1) in lay.groups():
            h = sum(lay.rowh[r0:r1])
            if top - h < MARGIN and cur:
                flush()
                top = PAGE_H - MARGIN
            if top - h < MARGIN:  # group taller than a page: split row by row
                for r in range(r0, r1):
                    if top - lay.rowh[r] < MARGIN:
                        flush()
                        top = PAGE_H - MARGIN
                    top = lay.render(MARGIN, top, r, r + 1, text(SIZE), rule)
            else:
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
    info = pdf.add({'Producer': pstr('jixiao samples/make/make_gbk.py'), 'Title': pstr('seed form (%s)' % variant)})
    pdf.write(out, catalog, info)


def used_chars():
    return sorted(set(S.all_text()) - {'\n'})


def make_font(pdf, variant, font):
    if variant in ('winansi', 'winansi_embedded'):
        name = b'/#CB#CE#CC#E5'  # 宋体 in GBK
        d = {'Type': 'FontDescriptor', 'FontName': name, 'Flags': 32,
             'FontBBox': [0, -141, 1000, 859], 'ItalicAngle': 0, 'Ascent': 859,
             'Descent': -141, 'CapHeight': 683, 'StemV': 80}
        if variant == 'winansi_embedded':
            d['FontFile2'] = subset_droid(pdf)
        desc = pdf.add(d)
        return pdf.add({'Type': 'Font', 'Subtype': 'TrueType', 'BaseFont': name,
                        'FirstChar': 32, 'LastChar': 255, 'Widths': [500] * 224,
                        'Encoding': 'WinAnsiEncoding', 'FontDescriptor': desc})
    if variant == 'ucs2':
        base = 'STSong-Light'
        w = half_width_w(1, 95, 17)  # UniGB-UCS2-H maps U+0020..U+007E to CIDs 1..95
    else:
        # GBK-EUC-H maps 0x21..0x7E to CIDs 814..907 and the space 0x20 to CID 7716
        w = half_width_w(814, 907, 829) + [7716, [500]]
        base = 'SimSun'
    desc = {'Type': 'FontDescriptor', 'FontName': base, 'Flags': 6,
            'FontBBox': [0, -141, 1000, 859], 'ItalicAngle': 0, 'Ascent': 859, 'Descent': -141,
            'CapHeight': 683, 'StemV': 80}
    cidfont = {'Type': 'Font', 'Subtype': 'CIDFontType0', 'BaseFont': base,
               'CIDSystemInfo': {'Registry': pstr('Adobe'), 'Ordering': pstr('GB1'), 'Supplement': 2},
               'FontDescriptor': None, 'DW': 1000, 'W': w}
    if variant == 'gbk_embedded':
        base, fontfile, cidtogid = subset_truetype(pdf)
        desc['FontName'] = base
        desc['FontFile2'] = fontfile
        cidfont['Subtype'] = 'CIDFontType2'
        cidfont['BaseFont'] = base
        cidfont['CIDToGIDMap'] = cidtogid
    cidfont['FontDescriptor'] = pdf.add(desc)
    d = pdf.add(cidfont)
    return pdf.add({'Type': 'Font', 'Subtype': 'Type0', 'BaseFont': base if variant == 'gbk_embedded' else base + '',
                    'Encoding': font.enc, 'DescendantFonts': [d]})


def subset_droid(pdf):
    """Droid Sans Fallback (TrueType) subset to the form's characters, as a FontFile2."""
    import io
    from fontTools.ttLib import TTFont
    from fontTools import subset
    ft = TTFont('/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf')
    opts = subset.Options()
    opts.notdef_outline = True
    opts.name_IDs = []
    opts.layout_features = []
    opts.hinting = False
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=[ord(c) for c in used_chars()])
    sub.subset(ft)
    buf = io.BytesIO()
    ft.save(buf, reorderTables=True)
    data = buf.getvalue()
    return pdf.add_stream(data, {'Length1': len(data)})


def subset_truetype(pdf):
    """Subset AR PL UMing CN to the form's characters; CIDToGIDMap maps Adobe-GB1 CIDs
    (as GBK-EUC-H gives them) to the subset's glyph ids."""
    import io
    from fontTools.ttLib import TTCollection
    from fontTools import subset
    from pdfminer.cmapdb import CMapDB
    coll = TTCollection(TTF)
    idx = TTF_INDEX
    for i, f in enumerate(coll.fonts):
        if 'CN' in f['name'].getDebugName(4):
            idx = i
    ft = coll.fonts[idx]
    chars = used_chars()
    opts = subset.Options()
    opts.retain_gids = False
    opts.notdef_outline = True
    opts.name_IDs = []
    opts.layout_features = []
    opts.hinting = False
    opts.glyph_names = True
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=[ord(c) for c in chars])
    sub.subset(ft)
    buf = io.BytesIO()
    ft.save(buf, reorderTables=True)
    data = buf.getvalue()
    cmap = ft.getBestCmap()
    order = ft.getGlyphOrder()
    gid = {n: i for i, n in enumerate(order)}
    gbk = CMapDB.get_cmap('GBK-EUC-H')
    m = {}
    for ch in chars:
        cids = list(gbk.decode(ch.encode('gbk')))
        assert len(cids) == 1, ch
        if ord(ch) in cmap:
            m[cids[0]] = gid[cmap[ord(ch)]]
    mx = max(m)
    arr = bytearray(2 * (mx + 1))
    for cid, g in m.items():
        arr[2 * cid] = g >> 8
        arr[2 * cid + 1] = g & 0xFF
    ff = pdf.add_stream(data, {'Length1': len(data)})
    c2g = pdf.add_stream(bytes(arr))
    return 'JXAAAA+ARPLUMingCN', ff, c2g


if __name__ == '__main__':
    build(sys.argv[1], sys.argv[2])
