#!/usr/bin/env python3
"""pdfgen — formgen's forms (samples/make/formgen.py, the format-neutral grid generator with
truth) rendered to PDF by several producers, with volumes, page breaks and rotated pages.

  python3 samples/make/pdfgen.py --out DIR --n 120 --seed 1 [--producers reportlab_ttf,...]

writes DIR/<name>.pdf, DIR/truth.jsonl (formgen's truth, source.path = the PDF, source.pages
= the pages each form occupies) and DIR/tiers.json (path -> producer). Corpora stay out of
git (put them under target/). formgen.py must be importable (samples/make/ or --formgen DIR).

Each form is rendered on its own (starting on a new page) and the forms of a document are
concatenated with pikepdf, so every form's page range is known exactly. Documents:
  * formgen's documents (1-3 forms), and volumes: 3-6 forms of one family in one file,
    often with equal titles;
  * task/indicator cells given as lists of lines are rendered one line per paragraph
    (`<br/>`, Word paragraphs, spreadsheet line feeds, fpdf2 '\\n');
  * random column widths and font sizes, so long cells wrap and tables break across pages
    (Writer splits rows across pages; reportlab/fpdf2 move rows whole);
  * rotation (after rendering, pikepdf): /Rotate 90/180/270 with the content turned so the
    page still reads upright, or 'sideways'/'sideways270'/'upside': the content turned by
    90/270/180 degrees with no /Rotate (landscape content on a portrait MediaBox, ...).
    `pdfgen.py --rotate HOW IN.pdf OUT.pdf` turns one file;
    `pdfgen.py --concat OUT.pdf IN.pdf...` binds files into one volume.
Producers: reportlab_ttf (Droid Sans Fallback + DejaVu Sans, embedded TrueType),
reportlab_stsong (STSong-Light, not embedded), fpdf2 (Noto Sans CJK SC, CFF, own table
drawing via pdf.table), writer (python-docx -> soffice), calc (openpyxl -> soffice).
"""
import argparse
import copy
import json
import os
import random
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TTF = '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf'
LATIN = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'
OTC = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
PRODUCERS = ['reportlab_ttf', 'reportlab_stsong', 'fpdf2', 'writer', 'calc']


def lines_of(cell):
    return cell.text if isinstance(cell.text, list) else [cell.text]


def col_widths(fg, table, total, rng):
    """Column widths in points: formgen's, else by content length, randomised."""
    m = table.matrix()
    n = table.ncols
    if table.widths:
        w = list(table.widths)[:n] + [1] * max(0, n - len(table.widths))
    else:
        w = [1.0] * n
        for row in m:
            for c, e in enumerate(row):
                if e and e[2] == c and e[0].colspan == 1:
                    longest = max((len(x) for x in lines_of(e[0])), default=0)
                    w[c] = max(w[c], min(longest, 24) ** 0.7)
    w = [x * rng.uniform(0.8, 1.25) for x in w]
    s = sum(w)
    return [total * x / s for x in w]


# ---------------------------------------------------------------- reportlab
def render_reportlab(fg, form, out, rng, font):
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib import colors
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle, Paragraph, Spacer
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    if font == 'ttf':
        if 'droid' not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont('droid', TTF))
            pdfmetrics.registerFont(TTFont('dejavu', LATIN))
        fn = 'droid'
    else:
        if 'STSong-Light' not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
        fn = 'STSong-Light'
    size = rng.choice([7.5, 8, 8.5, 9, 10])
    cjk_wrap = rng.random() < 0.6
    st = ParagraphStyle('c', fontName=fn, fontSize=size, leading=size * 1.3,
                        wordWrap='CJK' if cjk_wrap else None)
    st_t = ParagraphStyle('t', fontName=fn, fontSize=14, leading=20, alignment=1)
    st_x = ParagraphStyle('x', fontName=fn, fontSize=10, leading=14)

    def esc(s):
        s = s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
        if font == 'ttf':
            s = re.sub(r'([\x21-\x7e≥≤“”‘’±×÷℃°―…]+)', r'<font name="dejavu">\1</font>', s)
        return s

    page = landscape(A4) if rng.random() < 0.25 else A4
    W = page[0] - 72
    story = []
    for b in form.blocks:
        if isinstance(b, fg.Text):
            story.append(Paragraph(esc(b.text), st_t if b is title_block(fg, form) else st_x))
            continue
        m = b.matrix()
        data = [[''] * b.ncols for _ in m]
        spans = []
        for r, row in enumerate(m):
            for c, e in enumerate(row):
                if e and e[1] == r and e[2] == c:
                    cell = e[0]
                    data[r][c] = Paragraph('<br/>'.join(esc(x) for x in lines_of(cell)), st)
                    if cell.rowspan > 1 or cell.colspan > 1:
                        spans.append(('SPAN', (c, r), (c + cell.colspan - 1, r + cell.rowspan - 1)))
        t = Table(data, colWidths=col_widths(fg, b, W, rng), repeatRows=0, splitByRow=1)
        t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, colors.black),
                               ('VALIGN', (0, 0), (-1, -1), rng.choice(['TOP', 'MIDDLE']))] + spans))
        story += [t, Spacer(1, 8)]
    doc = SimpleDocTemplate(out, pagesize=page, leftMargin=36, rightMargin=36, topMargin=36,
                            bottomMargin=36, invariant=1)
    doc.build(story)


def title_block(fg, form):
    for b in form.blocks:
        if isinstance(b, fg.Text) and form.truth.get('title') and b.text == form.truth['title']:
            return b
    return None


# ---------------------------------------------------------------- fpdf2
def render_fpdf2(fg, form, out, rng):
    from fpdf import FPDF
    from fpdf.enums import TableBordersLayout
    orient = 'L' if rng.random() < 0.25 else 'P'
    pdf = FPDF(orientation=orient, unit='pt', format='A4')
    pdf.set_margins(36, 36, 36)
    pdf.set_auto_page_break(True, 36)
    pdf.add_font('cjk', '', OTC, collection_font_number=2)
    pdf.add_page()
    size = rng.choice([7.5, 8, 9, 10])
    for b in form.blocks:
        if isinstance(b, fg.Text):
            big = b is title_block(fg, form)
            pdf.set_font('cjk', size=14 if big else 10)
            pdf.multi_cell(0, 20 if big else 14, b.text, align='C' if big else 'L',
                           new_x='LMARGIN', new_y='NEXT')
            continue
        pdf.set_font('cjk', size=size)
        W = pdf.w - 72
        widths = col_widths(fg, b, W, rng)
        m = b.matrix()
        with pdf.table(col_widths=widths, text_align='LEFT', line_height=size * 1.25, padding=2,
                       first_row_as_headings=False, borders_layout=TableBordersLayout.ALL,
                       width=W) as table:
            for r, row in enumerate(m):
                tr = table.row()
                for c, e in enumerate(row):
                    if e and e[1] == r and e[2] == c:
                        cell = e[0]
                        tr.cell('\n'.join(lines_of(cell)), colspan=cell.colspan, rowspan=cell.rowspan)
        pdf.ln(8)
    pdf.output(out)


# ---------------------------------------------------------------- Writer
def render_writer(fg, form, out, rng):
    import docx
    from docx.shared import Pt, Cm
    from docx.oxml.ns import qn
    d = docx.Document()
    sec = d.sections[0]
    sec.left_margin = sec.right_margin = Cm(2)
    if rng.random() < 0.25:
        from docx.enum.section import WD_ORIENT
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = sec.page_height, sec.page_width
    st = d.styles['Normal']
    st.font.size = Pt(rng.choice([9, 10, 10.5, 12]))
    st.font.name = 'Liberation Serif'
    st.element.rPr.rFonts.set(qn('w:eastAsia'), rng.choice(['Noto Serif CJK SC', 'Noto Sans CJK SC']))
    total = (sec.page_width - sec.left_margin - sec.right_margin) / 12700  # EMU -> pt
    for b in form.blocks:
        if isinstance(b, fg.Text):
            p = d.add_paragraph(b.text)
            if b is title_block(fg, form):
                p.alignment = 1
            continue
        m = b.matrix()
        t = d.add_table(rows=len(m), cols=b.ncols)
        t.style = 'Table Grid'
        widths = col_widths(fg, b, total, rng)
        for r, row in enumerate(m):
            for c, e in enumerate(row):
                t.cell(r, c).width = Pt(widths[c])
        for r, row in enumerate(m):
            for c, e in enumerate(row):
                if e and e[1] == r and e[2] == c:
                    cell = e[0]
                    x = t.cell(r, c)
                    if cell.rowspan > 1 or cell.colspan > 1:
                        x = x.merge(t.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
                    ls = lines_of(cell)
                    x.paragraphs[0].text = ls[0]
                    for extra in ls[1:]:
                        x.add_paragraph(extra)
        d.add_paragraph('')
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'f.docx')
        d.save(src)
        soffice(src, out)


# ---------------------------------------------------------------- Calc
def render_calc(fg, form, out, rng):
    import openpyxl
    from openpyxl.styles import Alignment, Border, Side, Font
    from openpyxl.utils import get_column_letter
    wb = openpyxl.Workbook()
    ws = wb.active
    thin = Side(style='thin')
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical='center')
    tables = [b for b in form.blocks if isinstance(b, fg.Table)]
    ncols = max(t.ncols for t in tables) if tables else 4
    widths = [10.0] * ncols
    for t in tables:
        for c, w in enumerate(col_widths(fg, t, 9 * t.ncols + 40, rng)):
            widths[c] = max(widths[c], w)
    for c, w in enumerate(widths):
        ws.column_dimensions[get_column_letter(c + 1)].width = w
    r0 = 1
    for b in form.blocks:
        if isinstance(b, fg.Text):
            ws.cell(r0, 1, b.text)
            if b is title_block(fg, form):
                ws.merge_cells(start_row=r0, start_column=1, end_row=r0, end_column=ncols)
                ws.cell(r0, 1).font = Font(size=14)
                ws.cell(r0, 1).alignment = Alignment(horizontal='center')
            r0 += 1
            continue
        m = b.matrix()
        for r, row in enumerate(m):
            for c, e in enumerate(row):
                ws.cell(r0 + r, 1 + c).border = border
                ws.cell(r0 + r, 1 + c).alignment = wrap
                if e and e[1] == r and e[2] == c:
                    cell = e[0]
                    ws.cell(r0 + r, 1 + c, '\n'.join(lines_of(cell)))
                    if cell.rowspan > 1 or cell.colspan > 1:
                        ws.merge_cells(start_row=r0 + r, start_column=1 + c,
                                       end_row=r0 + r + cell.rowspan - 1,
                                       end_column=1 + c + cell.colspan - 1)
        # heights: generous, from the longest cell of the row (single-row cells only)
        for r, row in enumerate(m):
            need = 1
            for c, e in enumerate(row):
                if e and e[1] == r and e[2] == c and e[0].rowspan == 1:
                    w = sum(widths[c:c + e[0].colspan])
                    n = sum(-(-max(1, len(x)) * 23 // int(w * 10)) + (1 if len(x) * 2.3 > w * 0.8 else 0)
                            for x in lines_of(e[0]))
                    need = max(need, n)
            ws.row_dimensions[r0 + r].height = max(16, 15 * need + 4)
        r0 += len(m) + 1
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = 'landscape' if rng.random() < 0.3 else 'portrait'
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'f.xlsx')
        wb.save(src)
        soffice(src, out)


def soffice(src, out):
    outdir = os.path.dirname(src)
    profile = 'file://' + os.path.join(tempfile.gettempdir(), 'pdfgen_lo_profile')
    subprocess.run(['soffice', f'-env:UserInstallation={profile}', '--headless', '--convert-to',
                    'pdf', '--outdir', outdir, src], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    os.replace(os.path.splitext(src)[0] + '.pdf', out)


# ---------------------------------------------------------------- rotation
def rotate(pdf, how):
    """Turn every page: /Rotate n with the content drawn turned by -n (reads upright), or
    'sideways' (content turned by 90 degrees on a portrait MediaBox, no /Rotate)."""
    import pikepdf
    for page in pdf.pages:
        x0, y0, x1, y1 = [float(v) for v in page.MediaBox]
        w, h = x1 - x0, y1 - y0
        angle = {'sideways': 90, 'sideways270': 270, 'upside': 180}.get(how, how)
        # content matrix taking the upright page into the turned MediaBox
        if angle == 90:
            cm, box = (0, -1, 1, 0, 0, w), [0, 0, h, w]
        elif angle == 180:
            cm, box = (-1, 0, 0, -1, w, h), [0, 0, w, h]
        else:
            cm, box = (0, 1, -1, 0, h, 0), [0, 0, h, w]
        pre = pikepdf.Stream(pdf, ('q %g %g %g %g %g %g cm 1 0 0 1 %g %g cm\n'
                                   % (*cm, -x0, -y0)).encode())
        post = pikepdf.Stream(pdf, b'\nQ')
        contents = page.obj.get('/Contents')
        arr = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
        page.obj.Contents = pikepdf.Array([pre] + arr + [post])
        page.MediaBox = pikepdf.Array(box)
        if '/CropBox' in page.obj:
            del page.obj['/CropBox']
        if isinstance(how, int):
            # /Rotate turns the view clockwise: the drawn content was turned the other way
            page.Rotate = {90: 270, 180: 180, 270: 90}[angle]


def rotate_file(src, dst, how):
    import pikepdf
    with pikepdf.open(src) as pdf:
        rotate(pdf, how)
        pdf.save(dst, deterministic_id=True)


# ---------------------------------------------------------------- driver
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', required=True)
    ap.add_argument('--n', type=int, default=60)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--producers', default=','.join(PRODUCERS))
    ap.add_argument('--formgen', default=HERE)
    a = ap.parse_args()
    sys.path.insert(0, a.formgen)
    import formgen as fg
    import pikepdf
    os.makedirs(a.out, exist_ok=True)
    producers = a.producers.split(',')
    rng = random.Random(a.seed)
    docs = fg.generate(a.n, a.seed)
    # volumes: 3-6 forms of one family in one file
    fams = sorted({d.family for d in docs if d.family not in ('lookalike', 'rubric')})
    vols = []
    for k in range(max(1, a.n // 6)):
        fam = rng.choice(fams)
        pool = [d for d in fg.generate(12, a.seed * 1000 + k) if d.family == fam] or \
               [fg.make_doc(rng, 0, fam) for _ in range(3)]
        forms = []
        while len(forms) < rng.randint(3, 6):
            forms.append(fg.make_form(rng, fam, 2022))
        title = forms[0].truth.get('title')
        for f in forms[1:]:  # equal titles: the same form type filled in for other projects
            for b in f.blocks:
                if isinstance(b, fg.Text) and b.text == f.truth.get('title') and title:
                    b.text = title
                    f.truth['title'] = title
        vols.append(fg.Doc(f'vol{k:03d}_{fam}', fam, forms))
    truth = open(os.path.join(a.out, 'truth.jsonl'), 'w', encoding='utf-8')
    # the same documents as text dumps (formgen's renderer): the form stage's own score on
    # them is the ceiling for the PDFs, the gap is the page and table stages'
    os.makedirs(os.path.join(a.out, 'text'), exist_ok=True)
    ttruth = open(os.path.join(a.out, 'text', 'truth.jsonl'), 'w', encoding='utf-8')
    tiers = {}
    for i, doc in enumerate(docs + vols):
        prod = producers[i % len(producers)]
        rot = rng.choice([None] * 14 + [90, 180, 270, 'sideways', 'sideways270', 'upside'])
        name = f'{os.path.splitext(doc.name)[0]}_{prod}' + (f'_r{rot}' if rot else '') + '.pdf'
        path = os.path.join(a.out, name)
        merged = pikepdf.Pdf.new()
        pages = []
        ok = True
        with tempfile.TemporaryDirectory() as tmp:
            for j, form in enumerate(doc.forms):
                one = os.path.join(tmp, f'{j}.pdf')
                frng = random.Random(hash((a.seed, i, j)) & 0xffffffff)
                try:
                    if prod == 'reportlab_ttf':
                        render_reportlab(fg, form, one, frng, 'ttf')
                    elif prod == 'reportlab_stsong':
                        render_reportlab(fg, form, one, frng, 'stsong')
                    elif prod == 'fpdf2':
                        render_fpdf2(fg, form, one, frng)
                    elif prod == 'writer':
                        render_writer(fg, form, one, frng)
                    else:
                        render_calc(fg, form, one, frng)
                except Exception as e:  # a layout the producer cannot make: skip the doc
                    print('skip', name, prod, type(e).__name__, str(e)[:80], file=sys.stderr)
                    ok = False
                    break
                src = pikepdf.open(one)
                first = len(merged.pages) + 1
                merged.pages.extend(src.pages)
                pages.append([first, len(merged.pages)])
            if not ok:
                continue
            if rot:
                rotate(merged, rot)
            merged.save(path, deterministic_id=True)
        tiers[name] = prod
        tname = os.path.splitext(name)[0] + '.txt'
        with open(os.path.join(a.out, 'text', tname), 'w', encoding='utf-8') as f:
            f.write(fg.render_text(doc))
        for form in doc.forms:
            rec = copy.deepcopy(form.truth)
            rec['source'] = {'path': tname, 'format': 'text'}
            ttruth.write(json.dumps(rec, ensure_ascii=False) + '\n')
        for form, pr in zip(doc.forms, pages):
            rec = copy.deepcopy(form.truth)
            rec['source'] = {'path': name, 'format': 'pdf', 'pages': pr}
            truth.write(json.dumps(rec, ensure_ascii=False) + '\n')
    truth.close()
    ttruth.close()
    with open(os.path.join(a.out, 'tiers.json'), 'w', encoding='utf-8') as f:
        json.dump(tiers, f, ensure_ascii=False, indent=0)
    with open(os.path.join(a.out, 'text', 'tiers.json'), 'w', encoding='utf-8') as f:
        json.dump({os.path.splitext(k)[0] + '.txt': v for k, v in tiers.items()}, f,
                  ensure_ascii=False, indent=0)


if __name__ == '__main__':
    if sys.argv[1:2] == ['--concat']:  # --concat OUT.pdf IN.pdf... (a volume)
        import pikepdf
        out = pikepdf.Pdf.new()
        for src in sys.argv[3:]:
            out.pages.extend(pikepdf.open(src).pages)
        out.save(sys.argv[2], deterministic_id=True)
    elif sys.argv[1:2] == ['--rotate']:  # --rotate HOW IN.pdf OUT.pdf
        how = sys.argv[2]
        rotate_file(sys.argv[3], sys.argv[4], int(how) if how.isdigit() else how)
    else:
        main()
