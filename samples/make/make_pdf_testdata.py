"""Writes small hand-made PDFs into testdata/ for the font / geometry / robustness tests."""
import os, zlib

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'tests', 'data', 'pdf')
os.makedirs(OUT, exist_ok=True)


def write_pdf(path, objs, root=1, trailer_extra=b''):
    """objs: list of bytes (object bodies), numbered from 1."""
    out = bytearray(b'%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')
    offs = []
    for i, body in enumerate(objs, 1):
        offs.append(len(out))
        out += b'%d 0 obj\n' % i + body + b'\nendobj\n'
    x = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
    for o in offs:
        out += b'%010d 00000 n \n' % o
    out += b'trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, root, trailer_extra, x)
    with open(os.path.join(OUT, path), 'wb') as f:
        f.write(out)


def stream(data, extra=b''):
    return b'<< /Length %d %s>>\nstream\n' % (len(data), extra) + data + b'\nendstream'


def hexs(b):
    return b'<' + b.hex().encode() + b'>'


def cjk_font(encoding, name=b'STSong-Light'):
    return (b'<< /Type /Font /Subtype /Type0 /BaseFont /' + name + b' /Encoding /' + encoding +
            b' /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /' + name +
            b' /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >>'
            b' /FontDescriptor << /Type /FontDescriptor /FontName /' + name +
            b' /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120'
            b' /CapHeight 700 /StemV 80 >> /DW 1000 /W [1 95 500 814 939 500] >>] >>')


# --- predefined CMaps, non-embedded -------------------------------------------------
text = '绩效ABC123'
lines = [
    (b'UniGB-UCS2-H', text.encode('utf-16-be')),
    (b'UniGB-UTF16-H', (text + '\U00020000').encode('utf-16-be')),
    (b'GBK-EUC-H', text.encode('gbk')),
    (b'GBKp-EUC-H', text.encode('gbk')),
    (b'GB-EUC-H', text.encode('gb2312')),
]
content = b''
fonts = b''
objs = [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>', None]
for i, (enc, data) in enumerate(lines):
    objs.append(cjk_font(enc))
    fonts += b'/F%d %d 0 R ' % (i, len(objs))
    content += b'BT /F%d 12 Tf 72 %d Td %s Tj ET\n' % (i, 700 - 20 * i, hexs(data))
objs.append(stream(content))
objs[2] = (b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << ' + fonts +
           b'>> >> /Contents %d 0 R >>' % len(objs))
write_pdf('cmaps.pdf', objs)

# --- simple fonts: WinAnsi, MacRoman, Differences ------------------------------------
objs = [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>', None,
        b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
        b'<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /MacRomanEncoding >>',
        b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding'
        b' /BaseEncoding /WinAnsiEncoding /Differences [65 /uni7EE9 /afii10017 /Euro] >> >>',
        b'<< /Type /Font /Subtype /TrueType /BaseFont /SimSun /FirstChar 32 /LastChar 126'
        b' /Widths [' + b' '.join([b'500'] * 95) + b'] /Encoding /WinAnsiEncoding'
        b' /FontDescriptor << /Type /FontDescriptor /FontName /SimSun /Flags 32 /FontBBox [0 -141 1000 859]'
        b' /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 859 /StemV 80 >> >>']
content = (b'BT /F1 10 Tf 72 700 Td (caf\xe9 \x96 \x80 100%) Tj ET\n'
           b'BT /F2 10 Tf 72 680 Td (caf\x8e \xd0) Tj ET\n'
           b'BT /F3 10 Tf 72 660 Td (ABCD) Tj ET\n'
           b'BT /F4 10 Tf 72 640 Td (Hello 2021) Tj ET\n')
objs.append(stream(content))
objs[2] = (b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R'
           b' /F2 5 0 R /F3 6 0 R /F4 7 0 R >> >> /Contents 8 0 R >>')
write_pdf('simple.pdf', objs)


# --- rotation and CropBox offset --------------------------------------------------------
def rotated(name, rotate):
    objs = [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>', None,
            b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']
    # text at user (110, 720) size 10; a 0.5pt filled bar and a stroked line
    content = (b'BT /F1 10 Tf 110 720 Td (AB) Tj ET\n'
               b'100 700 200 0.5 re f\n'
               b'0.5 w 100 600 m 100 700 l S\n')
    objs.append(stream(content))
    objs[2] = (b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /CropBox [50 40 545 802]'
               b' /Rotate %d /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>' % rotate)
    write_pdf(name, objs)


for r in (0, 90, 180, 270):
    rotated('rot%d.pdf' % r, r)

# --- hostile: a form XObject that draws itself twice --------------------------------------
objs = [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X 4 0 R >> >>'
        b' /Contents 5 0 R >>',
        stream(b'q 0.9 0 0 0.9 0 0 cm /Y Do Q q 0.5 0 0 0.5 10 10 cm /Y Do Q 0 0 10 10 re f',
               b'/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources 7 0 R '),
        stream(b'/X Do'),
        stream(b'/X Do /X Do', b'/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources 8 0 R '),
        b'<< /XObject << /Y 6 0 R >> >>',
        b'<< /XObject << /X 4 0 R >> >>']
write_pdf('form_cycle.pdf', objs)

# --- hostile: deep nesting of arrays in the content and in an object -------------------------
deep = b'[' * 100000 + b']' * 100000
objs = [b'<< /Type /Catalog /Pages 2 0 R /Deep ' + deep + b' >>', b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
        stream(deep + b' 0 0 m 10 0 l S')]
write_pdf('deep.pdf', objs)

# --- hostile: pages tree that loops ----------------------------------------------------------
objs = [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>',
        b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
        stream(b'BT ET')]
write_pdf('pages_cycle.pdf', objs)

# --- not a PDF, truncated ---------------------------------------------------------------------
with open(os.path.join(OUT, 'not_pdf.html'), 'wb') as f:
    f.write(b'<!DOCTYPE html><html><body>404 Not Found</body></html>')
with open(os.path.join(OUT, 'cmaps.pdf'), 'rb') as f:
    data = f.read()
with open(os.path.join(OUT, 'truncated.pdf'), 'wb') as f:
    f.write(data[:200])
with open(os.path.join(OUT, 'garbage.pdf'), 'wb') as f:
    f.write(b'%PDF-1.4\n' + bytes(range(256)) * 20)

# --- encrypted: empty user password, and a real one ----------------------------------------
try:
    import pikepdf
    src = os.path.join(OUT, 'simple.pdf')
    with pikepdf.open(src) as p:
        p.save(os.path.join(OUT, 'enc_empty.pdf'), encryption=pikepdf.Encryption(user='', owner='owner', R=4))
    with pikepdf.open(src) as p:
        p.save(os.path.join(OUT, 'enc_aes256_empty.pdf'), encryption=pikepdf.Encryption(user='', owner='owner', R=6))
    with pikepdf.open(src) as p:
        p.save(os.path.join(OUT, 'enc_password.pdf'), encryption=pikepdf.Encryption(user='secret', owner='owner', R=4))
except ImportError:
    print('pikepdf missing: no encrypted samples')

# --- hostile: forms fanning out exponentially (each level draws the next twice) ---------------
levels = 40
objs = [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X 4 0 R >> >>'
        b' /Contents %d 0 R >>' % (4 + levels)]
for i in range(levels):
    n = 4 + i
    if i + 1 < levels:
        body = b'/X Do /X Do'
        res = b'/Resources << /XObject << /X %d 0 R >> >> ' % (n + 1)
    else:
        body = b'0 0 1 1 re f'
        res = b''
    objs.append(stream(body, b'/Type /XObject /Subtype /Form /BBox [0 0 595 842] ' + res))
objs.append(stream(b'/X Do'))
write_pdf('form_fanout.pdf', objs)

# --- hostile: a content stream that inflates to 300 MB (from ~300 KB) -----------------------
bomb = zlib.compress(b'0 0 m 1 0 l S\n' + b' ' * (300 << 20), 9)
objs = [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
        stream(bomb, b'/Filter /FlateDecode ')]
write_pdf('bomb.pdf', objs)

# --- derived from the project's samples: ToUnicode removed ------------------------------------
try:
    import pikepdf
    for src, dst in [('seed_fpdf2', 'fpdf2_no_tounicode'), ('seed_docx', 'docx_no_tounicode')]:
        path = '/work/main/samples/pdf/%s.pdf' % src
        if not os.path.exists(path):
            continue
        with pikepdf.open(path) as p:
            for page in p.pages:
                fonts = page.obj.get('/Resources', {}).get('/Font', {})
                for k in list(fonts.keys()):
                    f = fonts[k]
                    if '/ToUnicode' in f:
                        del f['/ToUnicode']
            p.save(os.path.join(OUT, dst + '.pdf'))
except ImportError:
    pass

# --- vertical writing: UniGB-UCS2-V ---------------------------------------------------------
objs = [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >>'
        b' /Contents 5 0 R >>',
        cjk_font(b'UniGB-UCS2-V'),
        stream(b'BT /F1 12 Tf 300 700 Td ' + hexs('绩效自评'.encode('utf-16-be')) + b' Tj ET')]
write_pdf('vertical.pdf', objs)
