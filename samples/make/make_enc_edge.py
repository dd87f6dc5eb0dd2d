"""Encryption and header edge cases (issue #13), hand-written PDF objects (pdfmini.py).

  python3 make_enc_edge.py attachments OUT -> /Encrypt V5 R6 whose /StmF and /StrF are
        /Identity and whose /EFF crypt filter (/AuthEvent /EFOpen, AESV3) protects only
        embedded files; O/U/OE/UE/Perms are fixed pseudo-random bytes, so no password
        (the empty one included) authenticates. The page is plain text.
  python3 make_enc_edge.py noheader OUT    -> the same page without the `%PDF-1.5` header
        line (the file starts with a binary comment, then `1 0 obj`); xref offsets
        are those of the file with the header, i.e. wrong, as in real damaged files.
Both pages read `Hello 2021` (Helvetica) and 绩效自评 (STSong-Light, UniGB-UCS2-H)."""
import hashlib
import sys
from pdfmini import Pdf, pstr


def fixed(tag, n):
    out = b''
    i = 0
    while len(out) < n:
        out += hashlib.sha256(b'%s-%d' % (tag, i)).digest()
        i += 1
    return b'<' + out[:n].hex().encode() + b'>'


def build(kind, out):
    pdf = Pdf()
    catalog, pages = pdf.reserve(), pdf.reserve()
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
    cjk = '绩效自评'.encode('utf-16-be').hex().upper().encode()
    content = pdf.add_stream(b'BT /H 12 Tf 72 720 Td (Hello 2021) Tj ET\n'
                             b'BT /S 12 Tf 72 700 Td <' + cjk + b'> Tj ET\n', compress=False)
    page = pdf.add({'Type': 'Page', 'Parent': pages, 'MediaBox': [0, 0, 595, 842],
                    'Resources': {'Font': {'H': helv, 'S': song}}, 'Contents': content})
    pdf.set(pages, {'Type': 'Pages', 'Kids': [page], 'Count': 1})
    pdf.set(catalog, {'Type': 'Catalog', 'Pages': pages})
    if kind == 'attachments':
        enc = pdf.add({'Filter': 'Standard', 'V': 5, 'R': 6, 'Length': 256, 'P': -1028,
                       'CF': {'StdCF': {'AuthEvent': 'EFOpen', 'CFM': 'AESV3', 'Length': 32}},
                       'StmF': 'Identity', 'StrF': 'Identity', 'EFF': 'StdCF',
                       'O': fixed(b'O', 48), 'U': fixed(b'U', 48), 'OE': fixed(b'OE', 32),
                       'UE': fixed(b'UE', 32), 'Perms': fixed(b'Perms', 16)})
        pdf.write(out, catalog, trailer={'Encrypt': enc})
    else:
        pdf.write(out, catalog)
        data = open(out, 'rb').read()
        assert data.startswith(b'%PDF-1.5\n')
        open(out, 'wb').write(data[len(b'%PDF-1.5\n'):])


if __name__ == '__main__':
    build(sys.argv[1], sys.argv[2])
