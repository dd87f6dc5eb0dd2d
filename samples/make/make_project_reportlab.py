"""Project forms / the volume with reportlab (platypus Table with SPAN + GRID, Paragraph with
CJK wrapping), font STSong-Light as UnicodeCIDFont (UniGB-UCS2-H, not embedded), as
make_reportlab.py does for the seed.

  python3 make_project_reportlab.py sichuan OUT.pdf  -> project_sichuan_reportlab.pdf
  python3 make_project_reportlab.py volume  OUT.pdf  -> volume_reportlab.pdf (prose page,
                                                      department form, 部门收支总表, three
                                                      project forms; each on a new page)"""
import sys
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle, Paragraph, Spacer, PageBreak
from xml.sax.saxutils import escape
from make_reportlab import F, title, unit
import project_forms as P
from seed_form import cells, ncols

body = ParagraphStyle('pb', fontName=F, fontSize=8.5, leading=11, wordWrap='CJK')
head = ParagraphStyle('ph', parent=body, alignment=TA_CENTER)
heading = ParagraphStyle('h', fontName=F, fontSize=22, leading=30, alignment=TA_CENTER, spaceAfter=24)
prose = ParagraphStyle('p', fontName=F, fontSize=12, leading=22, firstLineIndent=24, wordWrap='CJK',
                       spaceAfter=6)


def table(tbl, rel, width):
    n = ncols(tbl)
    nrows = max(r + rs for (r, c, rs, cs, t) in cells(tbl))
    grid = [[''] * n for _ in range(nrows)]
    style = [('FONT', (0, 0), (-1, -1), F, 8.5), ('GRID', (0, 0), (-1, -1), 0.5, 'black'),
             ('VALIGN', (0, 0), (-1, -1), 'MIDDLE'),
             ('LEFTPADDING', (0, 0), (-1, -1), 3), ('RIGHTPADDING', (0, 0), (-1, -1), 3)]
    for (r, c, rs, cs, text) in cells(tbl):
        grid[r][c] = Paragraph(escape(text), head if P.is_header(text) else body)
        if rs > 1 or cs > 1:
            style.append(('SPAN', (c, r), (c + cs - 1, r + rs - 1)))
    tot = sum(rel)
    return Table(grid, colWidths=[width * x / tot for x in rel], style=TableStyle(style))


def form_story(form, width):
    story = [Paragraph(escape(form.title), title)]
    if form.unit_line:
        story.append(Paragraph(escape(form.unit_line), unit))
    story.append(Spacer(1, 4))
    for i, (tbl, rel) in enumerate(form.tables):
        if i:
            story.append(Spacer(1, 10))
        story.append(table(tbl, rel, width))
    return story


def main(which, out):
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=15 * mm, bottomMargin=15 * mm, invariant=1,
                            title=which, author='jixiao samples', creator='jixiao samples')
    w = A4[0] - 30 * mm
    story = []
    if which == 'sichuan':
        story = form_story(P.FORMS['sichuan'], w)
    elif which == 'volume':
        for kind, form in P.VOLUME:
            if story:
                story.append(PageBreak())
            if kind == 'prose':
                story.append(Spacer(1, 60))
                story.append(Paragraph(escape(P.PROSE_HEADING), heading))
                story += [Paragraph(escape(t), prose) for t in P.PROSE]
            else:
                story += form_story(form, w)
    else:
        raise SystemExit('usage: make_project_reportlab.py sichuan|volume OUT.pdf')
    doc.build(story)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
