"""Writes the hostile-input test set into tests/data/hostile/ (used by tests/hostile.rs).

usage: python3 samples/make/make_hostile.py [--big-bomb DIR]

Deterministic: running it twice gives byte-identical files. Needs Python 3 and pikepdf
(for the encrypted files and the structural edits of good.pdf); everything else is stdlib.
The expected error code of every file is in tests/hostile.rs (table EXPECTED); the files:

  (The good inputs the run mixes in are the samples themselves, passed by tests/hostile.rs:
  samples/pdf/seed_reportlab.pdf, samples/text/000_5db012f121f01c6e.txt,
  samples/html/seed_cms_utf8.html, samples/office/seed_python_docx.docx and
  samples/office/seed_openpyxl.xlsx; "good.pdf" etc. below name those.)
  empty.pdf                     0 bytes                                            -> not_pdf
  random.pdf                    4 KiB of (seeded) random bytes                     -> not_pdf
  html.pdf                      an HTML error page saved as .pdf                   -> not_pdf
  truncated.pdf                 good.pdf cut inside its font objects: no page
                                object, no xref, no trailer survives               -> unreadable
  broken_xref.pdf               good.pdf with every xref offset wrong and
                                startxref pointing into the middle of an object
                                (poppler reconstructs it and reads it)             -> records
  encrypted_password.pdf        good.pdf, RC4-128, user password "secret"          -> encrypted
  encrypted_empty_password.pdf  good.pdf, RC4-128, empty user password (owner
                                password "owner"): opens without a password        -> records
  scan.pdf                      one page with only a greyscale image (ruled table
                                drawn in pixels), no font, no text operator        -> no_text_layer
  page_tree_cycle.pdf           good.pdf whose page tree also holds a /Pages node
                                that is its own kid (and a kid pointing back to
                                the root); its two real pages are intact
                                (poppler: "Loop in Pages tree", reads the pages)   -> records
  deep_nesting.pdf              good.pdf plus an array nested 100,000 deep in an
                                object the catalog refers to (/Deep) and as the
                                first operand of page 1's content (an extra content
                                stream in front of the real one)                   -> records
  bomb_flate2x.pdf              a page whose content stream is /FlateDecode twice:
                                3 KB on disk -> 2 MB after one inflate -> 2.2 GB
                                (2,202,009,600 NUL bytes) after the second         -> unreadable
  bomb_flate2x_form.pdf         the same twice-deflated 2.2 GB stream as a form XObject
                                the page draws                                     -> unreadable
  bomb_flate2x_tounicode.pdf    ... as the /ToUnicode CMap of the (Helvetica) font
                                of the page's only text                            -> unreadable
  bomb_flate2x_fontfile.pdf     ... as the /FontFile2 program of that font         -> unreadable
  no_table.pdf                  one page of prose (Helvetica + STSong-Light), no
                                table, no ruling                                   -> no_form_found
  pages_300.pdf                 300 pages = good.pdf's 2 pages x 150, every page
                                object sharing good.pdf's 2 content streams and
                                resources (so ~60 KB): 150 copies of the form      -> records
  undecodable.txt               bytes that are not UTF-8, have no BOM and are not
                                GB18030 (0xFF never occurs in it)                  -> decode_failed

HTML and Office files (`office()`; `--office-only` rewrites just these, no pikepdf needed):
  (good.html / good.docx / good.xlsx: samples/html/seed_cms_utf8.html,
                                samples/office/seed_python_docx.docx, seed_openpyxl.xlsx)
  legacy.doc, legacy.wps        an OLE2 header (legacy binary Word/WPS)            -> unsupported_format
  zip_bomb.docx                 word/document.xml inflating to 72 MiB of spaces
                                (~1000:1)                                          -> unreadable
  zip_bomb.xlsx                 good.xlsx whose sheet1.xml inflates to 72 MiB      -> unreadable
  entity_bomb.docx              document.xml with a billion-laughs DTD             -> unreadable
  entity_bomb.xlsx              good.xlsx whose sharedStrings.xml has that DTD     -> unreadable
  nested_10000.html             <table><tr><td> nested 10,000 deep                 -> unreadable
  nested_10000.docx             <w:tbl><w:tr><w:tc> nested 10,000 deep            -> unreadable
  million_rows.ods              a row with text repeated 1,048,576 times
                                (table:number-rows-repeated)                       -> unreadable
  truncated.docx                good.docx cut in half (no central directory)       -> unreadable
tests/hostile.rs builds two more in its temp dir, too big to commit: a 100 MB HTML page and
an .xlsx whose sheet has 1,000,000 rows of distinct numbers (compresses ~10:1, so no bomb).

The single-stream bomb (one /FlateDecode stream that inflates to over 2 GB) is ~2.1 MB even
at zlib's best ratio (~1030:1), so it is not committed: tests/hostile.rs builds the same
bytes in its temp dir (bomb_2gb.pdf, see `bomb_pdf` there). `--big-bomb DIR` writes it into
DIR for measuring by hand (`/usr/bin/time -v jixiao extract DIR/bomb_2gb.pdf`).
"""
import os
import random
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
OUT = os.path.join(ROOT, 'tests', 'data', 'hostile')
GOOD_PDF = os.path.join(ROOT, 'samples', 'pdf', 'seed_reportlab.pdf')

BOMB_BYTES = 2100 << 20         # inflated size of the bombs: 2,202,009,600 bytes, over 2 GB
BOMB_CHUNK = 1 << 20            # one self-contained deflate block per MiB of zeros


# --- a minimal PDF writer (as in make_pdf_testdata.py) --------------------------------------
def pdf_bytes(objs, root=1):
    """objs: object bodies (bytes), numbered from 1."""
    out = bytearray(b'%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')
    offs = []
    for i, body in enumerate(objs, 1):
        offs.append(len(out))
        out += b'%d 0 obj\n' % i + body + b'\nendobj\n'
    x = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
    for o in offs:
        out += b'%010d 00000 n \n' % o
    out += b'trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, root, x)
    return bytes(out)


def stream(data, extra=b''):
    return b'<< /Length %d %s>>\nstream\n' % (len(data), extra) + data + b'\nendstream'


def write(name, data):
    with open(os.path.join(OUT, name), 'wb') as f:
        f.write(data)


# --- the bomb: zlib stream of n NUL bytes built from one repeated deflate block -------------
def zeros_zlib(n, chunk=BOMB_CHUNK):
    """A zlib stream that inflates to n NUL bytes (n a multiple of chunk), built without
    compressing n bytes: a full flush ends each block byte-aligned with an empty window, so
    the block for `chunk` zeros can be repeated; then an empty final block and Adler-32."""
    assert n % chunk == 0
    c = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    block = c.compress(b'\0' * chunk) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(b'\0' * chunk) + c.flush(zlib.Z_FULL_FLUSH)
    assert block == again
    adler = ((n % 65521) << 16) | 1   # a = 1 + sum(bytes) = 1; b = n * a mod 65521
    return b'\x78\xda' + block * (n // chunk) + b'\x03\x00' + adler.to_bytes(4, 'big')


def bomb_pdf(content_stream_body):
    objs = [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
            b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
            content_stream_body]
    return pdf_bytes(objs)


def bomb_elsewhere_pdf(where, bomb_stream_body):
    """One page whose only text uses a font, or that draws a form XObject, with the bomb as
    the form's content, the font's ToUnicode or the font's FontFile2."""
    head = [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>']
    if where == 'form':
        res, content = b'/XObject << /X 5 0 R >>', b'/X Do'
        extra = [bomb_stream_body.replace(b'<< /Length', b'<< /Type /XObject /Subtype /Form'
                                          b' /BBox [0 0 595 842] /Length', 1)]
    else:
        res, content = b'/Font << /F1 5 0 R >>', b'BT /F1 12 Tf 72 700 Td (Hello) Tj ET'
        if where == 'tounicode':
            font = b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>'
        else:
            font = (b'<< /Type /Font /Subtype /TrueType /BaseFont /Bomb /FirstChar 32 /LastChar 126'
                    b' /Widths [' + b' '.join([b'500'] * 95) + b'] /FontDescriptor << /Type'
                    b' /FontDescriptor /FontName /Bomb /Flags 32 /FontBBox [0 0 1000 1000]'
                    b' /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80'
                    b' /FontFile2 6 0 R >> >>')
        extra = [font, bomb_stream_body]
    objs = head + [b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << ' + res +
                   b' >> /Contents 4 0 R >>', stream(content)] + extra
    return pdf_bytes(objs)


def self_check_zeros_zlib():
    n = 5 * (1 << 16)
    z = zeros_zlib(n, 1 << 16)
    assert zlib.decompress(z) == b'\0' * n


# --- files derived from good.pdf with pikepdf ----------------------------------------------
def save(pdf, name, **kw):
    import pikepdf
    pdf.save(os.path.join(OUT, name), static_id=True, object_stream_mode=pikepdf.ObjectStreamMode.disable,
             **kw)


def derived():
    import pikepdf
    # encrypted: RC4-128 (no random AES IVs, so the bytes are reproducible)
    with pikepdf.open(GOOD_PDF) as p:
        save(p, 'encrypted_password.pdf',
             encryption=pikepdf.Encryption(user='secret', owner='owner', R=4, aes=False, metadata=False))
    with pikepdf.open(GOOD_PDF) as p:
        save(p, 'encrypted_empty_password.pdf',
             encryption=pikepdf.Encryption(user='', owner='owner', R=4, aes=False, metadata=False))

    # page tree with cycles: a /Pages node that is its own kid, and one whose kid is the root
    with pikepdf.open(GOOD_PDF) as p:
        root = p.Root.Pages
        loop = p.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Pages, Count=0, Parent=root))
        loop.Kids = pikepdf.Array([loop])
        back = p.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Pages, Count=0, Parent=root,
                                                  Kids=pikepdf.Array([root])))
        kids = pikepdf.Array(list(root.Kids))
        kids.append(loop)
        kids.append(back)
        root.Kids = kids
        save(p, 'page_tree_cycle.pdf')

    # 100,000-deep array: in an object the catalog names, and first in page 1's content
    deep = b'[' * 100_000 + b']' * 100_000
    with pikepdf.open(GOOD_PDF) as p:
        p.Root.Deep = p.make_indirect(pikepdf.Stream(p, b'placeholder'))  # replaced below
        page = p.pages[0].obj
        page.Contents = pikepdf.Array([p.make_stream(deep + b' pop\n'), page.Contents])
        save(p, 'deep_nesting.pdf')
    # qpdf will not write a 100,000-deep array object itself: splice it in as a plain object
    path = os.path.join(OUT, 'deep_nesting.pdf')
    with open(path, 'rb') as f:
        data = f.read()
    data = splice_deep_object(data, deep)
    with open(path, 'wb') as f:
        f.write(data)

    # 300 pages sharing good.pdf's content streams and resources
    with pikepdf.open(GOOD_PDF) as p:
        root = p.Root.Pages
        src = [pg.obj for pg in p.pages]
        kids = []
        for _ in range(150):
            for s in src:
                d = pikepdf.Dictionary(Type=pikepdf.Name.Page, Parent=root, MediaBox=s.MediaBox,
                                       Resources=s.Resources, Contents=s.Contents)
                kids.append(p.make_indirect(d))
        root.Kids = pikepdf.Array(kids)
        root.Count = len(kids)
        save(p, 'pages_300.pdf')


def splice_deep_object(data, deep):
    """Replace the body of the catalog's /Deep object (a placeholder stream) by the deep array
    and rewrite the xref table (offsets after it move)."""
    import re
    m = re.search(rb'/Deep (\d+) 0 R', data)
    num = int(m.group(1))
    start = data.index(b'\n%d 0 obj\n' % num) + 1
    end = data.index(b'endobj', start) + len(b'endobj')
    data = data[:start] + b'%d 0 obj\n' % num + deep + b'\nendobj' + data[end:]
    return rebuild_xref(data)


def rebuild_xref(data):
    """Recompute the classic xref table of a file without object streams."""
    import re
    x = data.rindex(b'\nxref\n') + 1
    body = data[:x]
    offs = {}
    for m in re.finditer(rb'(?m)^(\d+) 0 obj\b', body):
        offs[int(m.group(1))] = m.start()
    size = max(offs) + 1
    table = bytearray(b'xref\n0 %d\n0000000000 65535 f \n' % size)
    for i in range(1, size):
        table += (b'%010d 00000 n \n' % offs[i]) if i in offs else b'0000000000 65535 f \n'
    tail = data[data.index(b'trailer', x):]
    tail = re.sub(rb'startxref\s+\d+', b'startxref\n%d' % x, tail)
    return body + bytes(table) + tail


def broken_xref():
    """good.pdf, rewritten by pikepdf (classic xref table), then every offset in the table
    shifted by 37 bytes and startxref pointing into the middle of an object."""
    import re
    import pikepdf
    with pikepdf.open(GOOD_PDF) as p:
        save(p, 'broken_xref.pdf')
    path = os.path.join(OUT, 'broken_xref.pdf')
    with open(path, 'rb') as f:
        data = f.read()
    x = data.rindex(b'\nxref\n') + 1
    t = data.index(b'trailer', x)

    def shift(m):
        return b'%010d %s n' % (int(m.group(1)) + 37, m.group(2))
    table = re.sub(rb'(\d{10}) (\d{5}) n', shift, data[x:t])
    tail = re.sub(rb'startxref\s+\d+', b'startxref\n%d' % (x // 2), data[t:])
    with open(path, 'wb') as f:
        f.write(data[:x] + table + tail)


# --- hand-made files ------------------------------------------------------------------------
def scan():
    """A4 page, one 8-bit greyscale image (a ruled table drawn in pixels, with blobs where
    text would be), no font and no text operator."""
    w, h = 420, 594
    rows = []
    for y in range(h):
        row = bytearray(b'\xf0' * w)
        if 60 <= y <= 540 and (y - 60) % 40 == 0:
            row[40:380] = b'\x10' * 340
        for x in (40, 140, 260, 380):
            if 60 <= y <= 540:
                row[x] = 0x10
        if 60 < y < 540 and 12 <= (y - 60) % 40 <= 26:
            for x0 in (50, 150, 270):
                row[x0:x0 + 70] = bytes(0x50 if (i // 3 + y) % 4 else 0xa0 for i in range(70))
        rows.append(bytes(row))
    img = zlib.compress(b''.join(rows), 9)
    objs = [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
            b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >>'
            b' /Contents 5 0 R >>',
            stream(img, b'/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray'
                        b' /BitsPerComponent 8 /Filter /FlateDecode ' % (w, h)),
            stream(b'q 595 0 0 842 0 0 cm /Im1 Do Q')]
    return pdf_bytes(objs)


def no_table():
    """One page of prose in Helvetica and in STSong-Light (UniGB-UCS2-H), no ruling."""
    font_cjk = (b'<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H'
                b' /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light'
                b' /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >>'
                b' /FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6'
                b' /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700'
                b' /StemV 80 >> /DW 1000 >>] >>')
    lines_cjk = ['二〇二一年度部门决算说明', '本部门严格执行预算，全年收支情况良好。',
                 '以下为文字说明，没有表格。']
    lines_lat = ['Annual report 2021. This page has prose only,', 'no table and no ruling.']
    content = b''
    y = 760
    for s in lines_cjk:
        content += b'BT /F2 12 Tf 72 %d Td <%s> Tj ET\n' % (y, s.encode('utf-16-be').hex().encode())
        y -= 24
    for s in lines_lat:
        content += b'BT /F1 11 Tf 72 %d Td (%s) Tj ET\n' % (y, s.encode('ascii'))
        y -= 18
    objs = [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
            b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R'
            b' /F2 5 0 R >> >> /Contents 6 0 R >>',
            b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
            font_cjk,
            stream(content)]
    return pdf_bytes(objs)


def undecodable():
    """Not UTF-8 (lone continuation bytes, 0xC0), no BOM, not GB18030 (0xFF is never valid
    there; 0x81 followed by 0x20 is not a GB18030 sequence), tab-separated like a dump."""
    rng = random.Random(20211231)
    out = bytearray()
    for _ in range(40):
        out += bytes(rng.choice([0x81, 0xA1, 0xC0, 0xFE]) for _ in range(6))
        out += b'\x20\xff\t'
        out += bytes(rng.randrange(0x80, 0xFF) for _ in range(5))
        out += b'\xff\r\n'
    return bytes(out)


W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol">' +
          ''.join('<!ENTITY lol%d "%s">' % (i, ('&lol%s;' % ('' if i == 1 else i - 1)) * 10) for i in range(1, 10)) +
          ']>')
FIXED = (2022, 3, 1, 0, 0, 0)


def zip_bytes(parts):
    """A ZIP archive of (name, bytes) with fixed dates, deflated at level 9."""
    import io
    import zipfile
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w') as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, FIXED)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data, compresslevel=9)
    return buf.getvalue()


def zip_parts(path):
    import zipfile
    with zipfile.ZipFile(path) as z:
        return [(n, z.read(n)) for n in z.namelist()]


def replaced(parts, name, data):
    return [(n, data if n == name else d) for n, d in parts]


def office():
    good_docx = os.path.join(ROOT, 'samples', 'office', 'seed_python_docx.docx')
    good_xlsx = os.path.join(ROOT, 'samples', 'office', 'seed_openpyxl.xlsx')
    ole = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504)
    write('legacy.doc', ole)
    write('legacy.wps', ole)
    docx = zip_parts(good_docx)
    xlsx = zip_parts(good_xlsx)
    spaces = b' ' * (72 << 20)
    head = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="%s"><w:body>' % W_NS).encode()
    write('zip_bomb.docx', zip_bytes(replaced(docx, 'word/document.xml', head + spaces + b'</w:body></w:document>')))
    sheet = [n for n, _ in xlsx if n.startswith('xl/worksheets/sheet')][0]
    data = dict(xlsx)[sheet]
    cut = data.index(b'<sheetData>')
    write('zip_bomb.xlsx', zip_bytes(replaced(xlsx, sheet, data[:cut] + spaces + data[cut:])))
    bomb_doc = ('<?xml version="1.0"?>' + LAUGHS + '<w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>' % W_NS).encode()
    write('entity_bomb.docx', zip_bytes(replaced(docx, 'word/document.xml', bomb_doc)))
    sst = dict(xlsx).get('xl/sharedStrings.xml')
    if sst is not None:
        i = sst.index(b'?>') + 2
        bomb_sst = sst[:i] + LAUGHS.encode() + sst[i:].replace(b'<t>', b'<t>&lol9;', 1)
        write('entity_bomb.xlsx', zip_bytes(replaced(xlsx, 'xl/sharedStrings.xml', bomb_sst)))
    else:  # openpyxl wrote inline strings: put the DTD in the sheet
        i = data.index(b'?>') + 2 if b'?>' in data else 0
        write('entity_bomb.xlsx', zip_bytes(replaced(xlsx, sheet, data[:i] + LAUGHS.encode() + data[i:])))
    write('nested_10000.html', b'<!DOCTYPE html><html><body>' + b'<table><tr><td>' * 10000 + b'deep</body></html>')
    write('nested_10000.docx', zip_bytes(replaced(docx, 'word/document.xml',
          head + b'<w:tbl><w:tr><w:tc>' * 10000 + b'</w:body></w:document>')))
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
               '<table:table table:name="Sheet1"><table:table-row table:number-rows-repeated="1048576">'
               '<table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>'
               '<table:table-cell office:value-type="string"><text:p>部门名称</text:p></table:table-cell>'
               '</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>')
    import io
    import zipfile
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w') as z:
        info = zipfile.ZipInfo('mimetype', FIXED)
        z.writestr(info, 'application/vnd.oasis.opendocument.spreadsheet')
        info = zipfile.ZipInfo('content.xml', FIXED)
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, content)
    write('million_rows.ods', buf.getvalue())
    with open(good_docx, 'rb') as f:
        d = f.read()
    write('truncated.docx', d[:len(d) // 2])


def main():
    if sys.argv[1:] == ['--office-only']:
        os.makedirs(OUT, exist_ok=True)
        office()
        return
    self_check_zeros_zlib()
    os.makedirs(OUT, exist_ok=True)
    write('empty.pdf', b'')
    write('random.pdf', random.Random(7).randbytes(4096))
    write('html.pdf', b'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>404 Not Found</title>'
                      b'</head>\n<body><h1>Not Found</h1><p>The requested URL /upload/2021/jxzp.pdf was not'
                      b' found on this server.</p></body></html>\n')
    with open(GOOD_PDF, 'rb') as f:
        good = f.read()
    # cut inside object 3 (the CID font): no page object, xref or trailer survives
    cut = good.index(b'/DescendantFonts')
    assert good.index(b'/Type /Page') > cut
    write('truncated.pdf', good[:cut])
    broken_xref()
    derived()
    write('scan.pdf', scan())
    write('no_table.pdf', no_table())
    inner = zeros_zlib(BOMB_BYTES)
    outer = zlib.compress(inner, 9)
    twice = stream(outer, b'/Filter [/FlateDecode /FlateDecode] ')
    write('bomb_flate2x.pdf', bomb_pdf(twice))
    for where in ('form', 'tounicode', 'fontfile'):
        write('bomb_flate2x_%s.pdf' % where, bomb_elsewhere_pdf(where, twice))
    write('undecodable.txt', undecodable())
    office()

    if len(sys.argv) == 3 and sys.argv[1] == '--big-bomb':
        os.makedirs(sys.argv[2], exist_ok=True)
        with open(os.path.join(sys.argv[2], 'bomb_2gb.pdf'), 'wb') as f:
            f.write(bomb_pdf(stream(inner, b'/Filter /FlateDecode ')))
    for name in sorted(os.listdir(OUT)):
        print('%8d  %s' % (os.path.getsize(os.path.join(OUT, name)), name))


if __name__ == '__main__':
    main()
