"""Independent renditions of the seed form (issue 10), written without the other sample
scripts: the seed text dump `samples/text/000_5db012f121f01c6e.txt` is read here
and laid out the way a person retyping it would (two tables, a normal 4-column
key-indicator block, task indicator lists either one per line or space-separated).

    python3 samples/make/indep_seed.py OUTDIR [reportlab_ttf reportlab_stsong fpdf2 writer calc]

    python3 samples/make/indep_seed.py --variants N OUTDIR [producers...]

Each producer writes OUTDIR/indep_<producer>.pdf (with --variants: indep_<producer>_v<k>.pdf
for k = 1..N, random task-table column widths and list style, seeded by k). The expected
record of every PDF is the seed's golden record (tests/golden/000_5db012f121f01c6e.txt.json)
minus `source`, written before jixiao ever ran on them.

Producers: reportlab platypus Table of Paragraphs with an embedded TrueType font (Droid Sans
Fallback for CJK, DejaVu Sans for Latin runs; lists space-separated, default word wrap) and
with STSong-Light (lists one per line, `<br/>`); fpdf2 multi_cell with Noto Sans CJK SC
(CFF, face 2 of the .ttc), own table drawing; python-docx (one paragraph per indicator) and
openpyxl (line feeds in cells, wrap text) converted by LibreOffice Writer/Calc.
Committed in samples/pdf/ (the variants named in tests/pdf_records.rs):

    python3 samples/make/indep_seed.py samples/pdf
    python3 samples/make/indep_seed.py --variants 1, samples/pdf reportlab_stsong
    python3 samples/make/indep_seed.py --variants 2, samples/pdf reportlab_ttf fpdf2
    python3 samples/make/indep_seed.py --variants 7, samples/pdf calc
    python3 samples/make/indep_seed.py samples/pdf writer_big
    for h in sideways sideways270 upside; do python3 samples/make/pdfgen.py --rotate $h \
        samples/pdf/indep_reportlab_stsong.pdf samples/pdf/indep_reportlab_stsong_$h.pdf; done
    python3 samples/make/pdfgen.py --concat samples/pdf/indep_volume3.pdf \
        samples/pdf/indep_reportlab_stsong{,_v1,_sideways}.pdf
"""
import datetime
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED = os.path.join(ROOT, 'samples/text/000_5db012f121f01c6e.txt')
TTF = '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf'  # CJK only, no ASCII
LATIN = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'
OTC = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'  # face 2 = SC (CFF outlines)


VAR = 0  # 0: the committed layout; n > 0: random task-table widths and list style, seed n


def task_widths(default):
    """Column widths (fractions) of the task table: the default, or random for VAR > 0."""
    if VAR == 0:
        return default
    import random
    r = random.Random(VAR)
    name, funds = r.uniform(0.09, 0.14), r.uniform(0.09, 0.13)
    ind, val = r.uniform(0.11, 0.27), r.uniform(0.06, 0.17)
    rest = 1 - name - funds - ind - val
    return (name, rest / 2, rest / 2, ind, val, funds)


def list_style(default):
    """'lines' (one indicator per line) or 'spaces' (space-separated, wrapping at spaces)."""
    if VAR == 0:
        return default
    import random
    return random.Random(VAR * 7 + 1).choice(['lines', 'spaces'])


def read_seed():
    lines = [l.rstrip('\n') for l in open(SEED, encoding='utf-8')]
    lines = [l for l in lines if l.strip()]
    title, unit = lines[0].strip(), lines[1].strip()
    rows = [l.split('\t') for l in lines[2:]]
    cut = next(i for i, r in enumerate(rows) if r[0] == '主要任务')
    t1, t2 = rows[:cut], rows[cut:]
    return title, unit, t1, t2


def table1(t1):
    """Table 1 as rows of (text, colspan, rowspan) on a 5-column grid; None = covered."""
    out = []
    dept = t1[0][2]
    out.append([('部门名称', 1, 1), (dept, 4, 1)])
    funds = [r for r in t1[1:5]]
    for i, r in enumerate(funds):
        row = [('部门资金情况', 1, 4)] if i == 0 else []
        cells = [c for c in r[1:] if True]
        while len(cells) < 4:
            cells.append('')
        if cells[2] == '' and cells[3] == '':
            row += [(cells[0], 1, 1), (cells[1], 1, 1), ('', 2, 1)]
        else:
            row += [(c, 1, 1) for c in cells[:4]]
        out.append(row)
    g = t1[5:7]
    out.append([('年度整体目标', 1, 2), (g[0][1], 2, 1), (g[0][3], 2, 1)])
    out.append([(g[1][1], 2, 1), (g[1][3], 2, 1)])
    kis = t1[7:]
    # the last key indicator is printed in the label column of the dump (a dump quirk)
    body = []
    for r in kis:
        cells = [c for c in r if c != '']
        if r[0] == '年度关键指标':
            cells = r[1:4]
        body.append(cells[:3])
    for i, c in enumerate(body):
        row = [('年度关键指标', 1, len(body))] if i == 0 else []
        row += [(c[0], 2, 1), (c[1], 1, 1), (c[2], 1, 1)]
        out.append(row)
    return out


def table2(t2):
    hdr = t2[0][:6]
    tasks = [r[:6] for r in t2[1:] if r[0] not in ('存在问题', '改进措施')]
    tail = [r for r in t2[1:] if r[0] in ('存在问题', '改进措施')]
    return hdr, tasks, tail


def flat(title, unit, t1, t2):
    return title, unit, table1(t1), table2(t2)


# ---------------------------------------------------------------- reportlab
def reportlab(out, font):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib import colors
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle, Paragraph, Spacer
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    if font == 'ttf':
        pdfmetrics.registerFont(TTFont('droid', TTF))
        pdfmetrics.registerFont(TTFont('dejavu', LATIN))
        fn = 'droid'
    else:
        pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
        fn = 'STSong-Light'
    title, unit, t1, t2 = read_seed()
    st = ParagraphStyle('c', fontName=fn, fontSize=8.5, leading=11, wordWrap='CJK')
    # space-separated lists wrap at the spaces (default word wrap)
    st_list = ParagraphStyle('l', fontName=fn, fontSize=8.5, leading=11)
    st_t = ParagraphStyle('t', fontName=fn, fontSize=13, leading=18, alignment=1)
    st_u = ParagraphStyle('u', fontName=fn, fontSize=9, leading=13)

    def esc(s):
        s = s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
        if font != 'ttf':
            return s
        # the CJK TrueType font has no Latin glyphs (nor ≥ “ ”): those runs in DejaVu Sans
        import re
        return re.sub(r'([\x21-\x7e≥“”]+)', r'<font name="dejavu">\1</font>', s)

    def grid(rows, ncols):
        data, spans, r = [], [], 0
        occupied = {}
        for row in rows:
            line = [''] * ncols
            c = 0
            for (text, cs, rs) in row:
                while occupied.get((r, c)):
                    c += 1
                line[c] = Paragraph(esc(text), st)
                if cs > 1 or rs > 1:
                    spans.append(('SPAN', (c, r), (c + cs - 1, r + rs - 1)))
                for dr in range(rs):
                    for dc in range(cs):
                        occupied[(r + dr, c + dc)] = True
                c += cs
            data.append(line)
            r += 1
        return data, spans

    rows1 = table1(t1)
    d1, s1 = grid(rows1, 5)
    W = A4[0] - 72
    tb1 = Table(d1, colWidths=[W * x for x in (0.14, 0.24, 0.2, 0.22, 0.2)])
    tb1.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, colors.black),
                             ('VALIGN', (0, 0), (-1, -1), 'MIDDLE')] + s1))
    hdr, tasks, tail = table2(t2)
    d2 = [[Paragraph(esc(h), st) for h in hdr]]
    for t in tasks:
        row = [Paragraph(esc(x), st) for x in t[:3]]
        if list_style('spaces' if font == 'ttf' else 'lines') == 'spaces':
            # space-separated lists in narrow columns: they wrap at the spaces
            row.append(Paragraph(esc(t[3]), st_list))
            row.append(Paragraph(esc(t[4]), st_list))
        else:
            # one indicator per line
            row.append(Paragraph('<br/>'.join(esc(x) for x in t[3].split(' ')), st))
            row.append(Paragraph('<br/>'.join(esc(x) for x in t[4].split(' ')), st))
        row.append(Paragraph(esc(t[5]), st))
        d2.append(row)
    s2 = []
    for t in tail:
        s2.append(('SPAN', (1, len(d2)), (5, len(d2))))
        d2.append([Paragraph(esc(t[0]), st), Paragraph(esc(t[1]), st), '', '', '', ''])
    widths = task_widths((0.13, 0.2, 0.2, 0.2, 0.13, 0.14) if font == 'ttf'
                         else (0.12, 0.22, 0.22, 0.2, 0.11, 0.13))
    tb2 = Table(d2, colWidths=[W * x for x in widths], repeatRows=1)
    tb2.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, colors.black),
                             ('VALIGN', (0, 0), (-1, -1), 'TOP')] + s2))
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=36, rightMargin=36, topMargin=40,
                            bottomMargin=40, invariant=1, title='seed', author='indep')
    doc.build([Paragraph(esc(title), st_t), Paragraph(esc(unit), st_u), tb1, Spacer(1, 14), tb2])


# ---------------------------------------------------------------- fpdf2
def fpdf2(out):
    from fpdf import FPDF
    title, unit, t1, t2 = read_seed()
    pdf = FPDF(unit='pt', format='A4')
    pdf.set_creation_date(datetime.datetime(2023, 5, 6, tzinfo=datetime.timezone.utc))
    pdf.set_margins(40, 40, 40)
    pdf.set_auto_page_break(False)
    pdf.add_font('cjk', '', OTC, collection_font_number=2)
    pdf.add_page()
    pdf.set_font('cjk', size=14)
    pdf.cell(0, 22, title, align='C', new_x='LMARGIN', new_y='NEXT')
    pdf.set_font('cjk', size=10)
    pdf.cell(0, 16, unit, new_x='LMARGIN', new_y='NEXT')
    pdf.set_font('cjk', size=8)
    W = pdf.w - 80
    LH = 10

    def lines_of(text, w):
        if not text:
            return ['']
        return pdf.multi_cell(w - 4, LH, text, dry_run=True, output='LINES')

    def draw_rows(rows, widths, ncols):
        """rows: list of list of (text, cs, rs); merged cells drawn after their rows."""
        occupied = {}
        placed = []
        for r, row in enumerate(rows):
            c = 0
            for (text, cs, rs) in row:
                while occupied.get((r, c)):
                    c += 1
                placed.append((r, c, cs, rs, text))
                for dr in range(rs):
                    for dc in range(cs):
                        occupied[(r + dr, c + dc)] = True
                c += cs
        heights = [0.0] * len(rows)
        for (r, c, cs, rs, text) in placed:
            if rs == 1:
                w = sum(widths[c:c + cs])
                heights[r] = max(heights[r], len(lines_of(text, w)) * LH + 6)
        for (r, c, cs, rs, text) in placed:
            if rs > 1:
                w = sum(widths[c:c + cs])
                need = len(lines_of(text, w)) * LH + 6
                have = sum(heights[r:r + rs])
                if need > have:
                    heights[r + rs - 1] += need - have
        top = pdf.get_y()
        page_rows = []
        y = top
        for r in range(len(rows)):
            if y + heights[r] > pdf.h - 40:
                page_rows.append(None)
                y = 40
            page_rows.append((r, y))
            y += heights[r]
        # simple: no merged cell crosses a page here (tables are laid out per page)
        ys = {}
        page = 0
        for item in page_rows:
            if item is None:
                page += 1
                continue
            ys[item[0]] = (page, item[1])
        start_page = pdf.page
        for (r, c, cs, rs, text) in placed:
            p, y0 = ys[r]
            h = sum(heights[r:r + rs])
            x = pdf.l_margin + sum(widths[:c])
            w = sum(widths[c:c + cs])
            while pdf.page < start_page + p:
                if pdf.page == len(pdf.pages):
                    pdf.add_page()
                else:
                    pdf.page += 1
            pdf.page = start_page + p
            pdf.rect(x, y0, w, h)
            pdf.set_xy(x + 2, y0 + 3)
            if text:
                pdf.multi_cell(w - 4, LH, text, new_x='LEFT', new_y='NEXT')
        last = max(ys.values())
        pdf.page = start_page + last[0]
        pdf.set_y(last[1] + heights[-1])

    rows1 = table1(t1)
    draw_rows(rows1, [W * x for x in (0.14, 0.24, 0.2, 0.22, 0.2)], 5)
    pdf.set_y(pdf.get_y() + 12)
    hdr, tasks, tail = table2(t2)
    rows2 = [[(h, 1, 1) for h in hdr]]
    sep = '\n' if list_style('spaces') == 'lines' else ' '
    for t in tasks:
        rows2.append([(x.replace(' ', sep) if c in (3, 4) else x, 1, 1) for c, x in enumerate(t)])
    for t in tail:
        rows2.append([(t[0], 1, 1), (t[1], 5, 1)])
    # the task table starts on a new page (it does not fit after table 1)
    pdf.add_page()
    pdf.set_y(40)
    draw_rows(rows2, [W * x for x in task_widths((0.12, 0.22, 0.22, 0.19, 0.12, 0.13))], 6)
    pdf.output(out)


# ---------------------------------------------------------------- Writer (python-docx)
def writer(out, size=9):
    import docx
    from docx.shared import Pt, Cm
    from docx.oxml.ns import qn
    title, unit, t1, t2 = read_seed()
    d = docx.Document()
    sec = d.sections[0]
    sec.left_margin = sec.right_margin = Cm(2)
    st = d.styles['Normal']
    st.font.size = Pt(size)
    st.font.name = 'Liberation Serif'
    st.element.rPr.rFonts.set(qn('w:eastAsia'), 'Noto Serif CJK SC')
    p = d.add_paragraph(title)
    p.alignment = 1
    d.add_paragraph(unit)

    def fill(cell, text, per_line=False):
        parts = text.split(' ') if per_line else [text]
        cell.paragraphs[0].text = parts[0]
        for x in parts[1:]:
            cell.add_paragraph(x)

    rows1 = table1(t1)
    tb = d.add_table(rows=len(rows1), cols=5)
    tb.style = 'Table Grid'
    occupied = {}
    for r, row in enumerate(rows1):
        c = 0
        for (text, cs, rs) in row:
            while occupied.get((r, c)):
                c += 1
            cell = tb.cell(r, c)
            if cs > 1 or rs > 1:
                cell = cell.merge(tb.cell(r + rs - 1, c + cs - 1))
            fill(cell, text)
            for dr in range(rs):
                for dc in range(cs):
                    occupied[(r + dr, c + dc)] = True
            c += cs
    d.add_paragraph('')
    hdr, tasks, tail = table2(t2)
    tb2 = d.add_table(rows=1 + len(tasks) + len(tail), cols=6)
    tb2.style = 'Table Grid'
    for c, h in enumerate(hdr):
        fill(tb2.cell(0, c), h)
    for r, t in enumerate(tasks, 1):
        for c, x in enumerate(t):
            fill(tb2.cell(r, c), x, per_line=c in (3, 4) and list_style('lines') == 'lines')
    for k, t in enumerate(tail):
        r = 1 + len(tasks) + k
        fill(tb2.cell(r, 0), t[0])
        cell = tb2.cell(r, 1).merge(tb2.cell(r, 5))
        fill(cell, t[1])
    widths = [Cm(17 * x) for x in task_widths((0.13, 0.2, 0.2, 0.21, 0.12, 0.14))]
    for row in tb2.rows:
        for c, w in enumerate(widths):
            row.cells[c].width = w
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'indep_writer.docx')
        d.save(src)
        soffice(src, out)


# ---------------------------------------------------------------- Calc (openpyxl)
def calc(out):
    import openpyxl
    from openpyxl.styles import Alignment, Border, Side, Font
    title, unit, t1, t2 = read_seed()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '自评表'
    thin = Side(style='thin')
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical='center')
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=6)
    ws.cell(1, 1, title).font = Font(size=14)
    ws.cell(1, 1).alignment = Alignment(horizontal='center')
    ws.cell(2, 1, unit)
    r0 = 3
    # table 1 on columns A..E (6th column kept empty), table 2 on A..F
    rows1 = table1(t1)
    occupied = {}
    for r, row in enumerate(rows1):
        c = 0
        for (text, cs, rs) in row:
            while occupied.get((r, c)):
                c += 1
            if cs > 1 or rs > 1:
                ws.merge_cells(start_row=r0 + r, start_column=1 + c, end_row=r0 + r + rs - 1,
                               end_column=1 + c + cs - 1)
            ws.cell(r0 + r, 1 + c, text)
            for dr in range(rs):
                for dc in range(cs):
                    occupied[(r, c)] = True
                    occupied[(r + dr, c + dc)] = True
                    ws.cell(r0 + r + dr, 1 + c + dc).border = border
                    ws.cell(r0 + r + dr, 1 + c + dc).alignment = wrap
            c += cs
    r0 += len(rows1) + 1
    hdr, tasks, tail = table2(t2)
    for c, h in enumerate(hdr):
        ws.cell(r0, 1 + c, h)
    for k, t in enumerate(tasks, 1):
        for c, x in enumerate(t):
            # line feeds inside the indicator cells: one indicator per line
            lf = list_style('lines') == 'lines'
            ws.cell(r0 + k, 1 + c, x.replace(' ', '\n') if c in (3, 4) and lf else x)
    for k, t in enumerate(tail):
        r = r0 + 1 + len(tasks) + k
        ws.cell(r, 1, t[0])
        ws.cell(r, 2, t[1])
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=6)
    for r in range(r0, r0 + 1 + len(tasks) + len(tail)):
        for c in range(1, 7):
            ws.cell(r, c).border = border
            ws.cell(r, c).alignment = wrap
    for col, w in zip('ABCDEF', [112 * x for x in task_widths((0.11, 0.2, 0.27, 0.21, 0.11, 0.1))]):
        ws.column_dimensions[col].width = w
    # row heights: enough for the wrapped text, generously (Calc keeps the heights of an
    # .xlsx and clips what does not fit; a CJK character is about 2.1 width units wide)
    for r in range(3, ws.max_row + 1):
        longest = 0
        for c in range(1, 7):
            v = ws.cell(r, c).value
            if not v:
                continue
            w = ws.column_dimensions['ABCDEF'[c - 1]].width
            lines = sum(-(-max(1, len(p)) * 23 // int(w * 10)) + (1 if len(p) * 2.3 > w * 0.8 else 0)
                        for p in str(v).split('\n'))
            longest = max(longest, lines)
        ws.row_dimensions[r].height = max(16, 15 * longest + 4)
    ws.page_setup.orientation = 'portrait'
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'indep_calc.xlsx')
        wb.save(src)
        soffice(src, out)


def soffice(src, out):
    outdir = os.path.dirname(src)
    # an own profile: another soffice running under the default profile would block this one
    profile = 'file://' + os.path.join(tempfile.gettempdir(), 'indep_seed_lo_profile')
    subprocess.run(['soffice', f'-env:UserInstallation={profile}', '--headless', '--convert-to',
                    'pdf', '--outdir', outdir, src], check=True, stdout=subprocess.DEVNULL)
    pdf = os.path.splitext(src)[0] + '.pdf'
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import normalize_pdf  # fixed dates and /ID: reproducible bytes
    normalize_pdf.main(pdf, out)


PRODUCERS = {
    'reportlab_ttf': lambda o: reportlab(o, 'ttf'),
    'reportlab_stsong': lambda o: reportlab(o, 'stsong'),
    'fpdf2': fpdf2,
    'writer': writer,
    # 14pt: rows and merged cells split across six pages, lists one per line
    'writer_big': lambda o: writer(o, 14),
    'calc': calc,
}

if __name__ == '__main__':
    args = sys.argv[1:]
    variants = [0]
    if args and args[0] == '--variants':
        # N (1..N) or a comma-separated list of variant numbers
        variants = ([int(x) for x in args[1].split(',') if x] if ',' in args[1]
                    else range(1, int(args[1]) + 1))
        args = args[2:]
    outdir = args[0]
    names = args[1:] or list(PRODUCERS)
    for v in variants:
        VAR = v
        for n in names:
            suffix = f'_v{v}' if v else ''
            PRODUCERS[n](os.path.join(outdir, f'indep_{n}{suffix}.pdf'))
            print('wrote', n, suffix)
