"""Project forms / the volume as Word documents (python-docx), converted to PDF by LibreOffice.

  python3 make_project_docx.py national OUT.docx   -> project_national_docx.pdf (1 form)
  python3 make_project_docx.py volume   OUT.docx   -> volume_docx.pdf (prose page, department
                                                    form, 部门收支总表, three project forms)

Fonts as make_docx.py (WenQuanYi Zen Hei + Liberation Serif), 9pt text (8pt for the department form), real merged cells
(gridSpan / vMerge), rows not split across pages (cantSplit); every form starts on a new page
(page_break_before on its title paragraph)."""
import datetime
import sys
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT, WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Cm
from make_docx import set_fonts, cell_margins
import project_forms as P
from seed_form import cells, ncols

SIZE = 9


def build_table(doc, tbl, rel, width_cm, size=SIZE):
    n = ncols(tbl)
    nr = max(r + rs for (r, c, rs, cs, t) in cells(tbl))
    table = doc.add_table(rows=nr, cols=n)
    table.style = 'Table Grid'
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    cell_margins(table, 70)
    tot = sum(rel)
    widths = [Cm(width_cm * x / tot) for x in rel]
    for i, col in enumerate(table.columns):
        col.width = widths[i]
    for row in table.rows:
        trPr = row._tr.get_or_add_trPr()
        cs_ = OxmlElement('w:cantSplit')
        cs_.set(qn('w:val'), 'true')
        trPr.append(cs_)
        for i, c in enumerate(row.cells):
            c.width = widths[i]
    for (r, c, rs, cs, text) in cells(tbl):
        cell = table.cell(r, c)
        p = cell.paragraphs[0]
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.space_before = Pt(0)
        p.paragraph_format.line_spacing = 1.0
        if P.is_header(text):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        set_fonts(p.add_run(text), size)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    for (r, c, rs, cs, text) in cells(tbl):
        if rs > 1 or cs > 1:
            table.cell(r, c).merge(table.cell(r + rs - 1, c + cs - 1))
    return table


def para(doc, text, size, bold=False, center=False, new_page=False, indent=False):
    p = doc.add_paragraph()
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.page_break_before = new_page
    p.paragraph_format.space_after = Pt(4)
    if indent:
        p.paragraph_format.first_line_indent = Pt(size * 2)
        p.paragraph_format.line_spacing = 1.5
    set_fonts(p.add_run(text), size, bold)
    return p


def add_form(doc, form, width, new_page):
    para(doc, form.title, 15, True, True, new_page)
    if form.unit_line:
        para(doc, form.unit_line, 10.5)
    for i, (tbl, rel) in enumerate(form.tables):
        if i:
            para(doc, '', 6)
        build_table(doc, tbl, rel, width, 8 if form is P.DEPARTMENT else SIZE)


def main(which, out):
    doc = Document()
    cp = doc.core_properties
    fixed = datetime.datetime(2022, 3, 1, 0, 0, 0)
    cp.created = cp.modified = cp.last_printed = fixed
    cp.author = cp.last_modified_by = 'jixiao samples'
    cp.title = 'project forms' if which != 'volume' else '部门决算'
    cp.revision = 1
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.left_margin = sec.right_margin = Cm(1.6)
    sec.top_margin = sec.bottom_margin = Cm(1.5)
    width = 21.0 - 3.2
    if which == 'national':
        add_form(doc, P.FORMS['national'], width, False)
    elif which == 'volume':
        first = True
        for kind, form in P.VOLUME:
            if kind == 'prose':
                para(doc, P.PROSE_HEADING, 22, True, True, False)
                para(doc, '', 12)
                for t in P.PROSE:
                    para(doc, t, 12, indent=True)
            else:
                add_form(doc, form, width, not first)
            first = False
    else:
        raise SystemExit('usage: make_project_docx.py national|volume OUT.docx')
    # a tiny closing paragraph (a table must be followed by one), so no blank page follows
    p = para(doc, '', 1)
    p.paragraph_format.space_after = Pt(0)
    doc.save(out)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
