"""cid_fallbacks.pdf: Unicode fallbacks of composite (Type0 / CIDFontType2 / Identity-H)
fonts that hayro cannot map (issue #13; cases seen in pdf.js's regression corpus).
Four lines, one font each, none embedded (hand-written objects, pdfmini.py):

1. `Uvolnění 2024`: Adobe-Identity font with a `/CIDToGIDMap` stream and no ToUnicode;
   the CIDs are the Unicode scalars (the producer maps them to glyphs itself).
2. `Výbava na přání`: `/ToUnicode /Identity-H` (a name, not a stream): codes are Unicode.
3. `Hello world`: a ToUnicode stream whose header is malformed (`/Ordering (UC>)`,
   `/CMapName /Adobe-Identity-UC>`) but whose `bfchar` / `bfrange` entries are valid;
   the codes are glyph ids of the font (`H` = 0x2B), only the ToUnicode says the text.
4. four codes of an Adobe-Identity font without ToUnicode and without CIDToGIDMap
   stream: glyph ids of a font that is not there, so nothing can say the text.
"""
import sys
from pdfmini import Pdf, pstr

BAD_TOUNICODE = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo
<</Registry (Adobe)
/Ordering (UC>)
/Supplement 0
>> def
/CMapName /Adobe-Identity-UC> def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
7 beginbfchar
<0003> <0020>
<002B> <0048>
<0048> <0065>
<0052> <006F>
<005A> <0077>
<0055> <0072>
<0047> <0064>
endbfchar
1 beginbfrange
<004F> <004F> <006C>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


def cid_font(pdf, name, cid_to_gid=None, to_unicode=None):
    desc = pdf.add({'Type': 'FontDescriptor', 'FontName': name, 'Flags': 32,
                    'FontBBox': [-665, -325, 2000, 1006], 'ItalicAngle': 0, 'Ascent': 905,
                    'Descent': -212, 'CapHeight': 716, 'StemV': 80})
    d = {'Type': 'Font', 'Subtype': 'CIDFontType2', 'BaseFont': name,
         'CIDSystemInfo': {'Registry': pstr('Adobe'), 'Ordering': pstr('Identity'),
                           'Supplement': 0},
         'FontDescriptor': desc, 'DW': 600}
    if cid_to_gid is not None:
        d['CIDToGIDMap'] = cid_to_gid
    cid = pdf.add(d)
    f = {'Type': 'Font', 'Subtype': 'Type0', 'BaseFont': name, 'Encoding': 'Identity-H',
         'DescendantFonts': [cid]}
    if to_unicode is not None:
        f['ToUnicode'] = to_unicode
    return pdf.add(f)


def hexstr(codes):
    return b'<' + ''.join('%04X' % c for c in codes).encode() + b'>'


def build(out):
    pdf = Pdf()
    catalog, pages = pdf.reserve(), pdf.reserve()
    # A CIDToGIDMap stream: two bytes per CID (glyph id = CID - 29 for the ones used).
    gmap = bytearray(2 * 0x180)
    for cid in range(29, 0x180):
        gmap[2 * cid:2 * cid + 2] = (cid - 29).to_bytes(2, 'big')
    f1 = cid_font(pdf, 'ArialMT', cid_to_gid=pdf.add_stream(bytes(gmap)))
    f2 = cid_font(pdf, 'TimesNewRomanPS-BoldMT', to_unicode=b'/Identity-H')
    f3 = cid_font(pdf, 'NotoSans-Regular', to_unicode=pdf.add_stream(BAD_TOUNICODE))
    f4 = cid_font(pdf, 'Calibri')
    hello = [0x2B, 0x48, 0x4F, 0x4F, 0x52, 0x03, 0x5A, 0x52, 0x55, 0x4F, 0x47]
    lines = [
        (b'/F1', hexstr(ord(c) for c in 'Uvolnění 2024')),
        (b'/F2', hexstr(ord(c) for c in 'Výbava na přání')),
        (b'/F3', hexstr(hello)),
        (b'/F4', hexstr([0x1E, 0x1D, 0x05, 0x4C])),
    ]
    body = b''
    for i, (font, s) in enumerate(lines):
        body += b'BT %s 14 Tf 72 %d Td %s Tj ET\n' % (font, 760 - 30 * i, s)
    content = pdf.add_stream(body, compress=False)
    page = pdf.add({'Type': 'Page', 'Parent': pages, 'MediaBox': [0, 0, 595, 842],
                    'Resources': {'Font': {'F1': f1, 'F2': f2, 'F3': f3, 'F4': f4}},
                    'Contents': content})
    pdf.set(pages, {'Type': 'Pages', 'Kids': [page], 'Count': 1})
    pdf.set(catalog, {'Type': 'Catalog', 'Pages': pages})
    pdf.write(out, catalog)


if __name__ == '__main__':
    build(sys.argv[1])
