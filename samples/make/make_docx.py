"""seed_docx.docx: the seed form as a Word table (python-docx), to be converted by LibreOffice.

Long on purpose: A4 page, 14pt text, wide cell padding, so the form runs over >= 3 pages, and
rows may break across pages (Word/LibreOffice default: "allow row to break across pages").
The header row of the 主要任务 table is marked as a repeating header (w:tblHeader).
Fonts: WenQuanYi Zen Hei (east Asian) + Liberation Serif (Latin), both TrueType."""
import datetime
import sys
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT, WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Cm
import seed_form as S

CJK = 'WenQuanYi Zen Hei'
LATIN = 'Liberation Serif'
SIZE = 14


def set_fonts(run, size=SIZE, bold=False):
    run.font.size = Pt(size)
    run.font.name = LATIN
    run.bold = bold
    rpr = run._element.get_or_add_rPr()
    rf = rpr.find(qn('w:rFonts'))
    if rf is None:
        rf = OxmlElement('w:rFonts')
        rpr.insert(0, rf)
    for k in ('w:ascii', 'w:hAnsi', 'w:cs'):
        rf.set(qn(k), LATIN)
    rf.set(qn('w:eastAsia'), CJK)


def cell_margins(table, twips):
    tblPr = table._tbl.tblPr
    mar = OxmlElement('w:tblCellMar')
    for side in ('top', 'left', 'bottom', 'right'):
        e = OxmlElement('w:' + side)
        e.set(qn('w:w'), str(twips))
        e.set(qn('w:type'), 'dxa')
        mar.append(e)
    tblPr.append(mar)


def build_table(doc, tbl, rel, width_cm, header_repeat=False):
    n = S.ncols(tbl)
    table = doc.add_table(rows=len(tbl), cols=n)
    table.style = 'Table Grid'
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    cell_margins(table, 140)
    tot = sum(rel)
    widths = [Cm(width_cm * x / tot) for x in rel]
    for row in table.rows:
        for i, c in enumerate(row.cells):
            c.width = widths[i]
    # fill the origin cells first, then merge
    for (r, c, rs, cs, text) in S.cells(tbl):
        cell = table.cell(r, c)
        p = cell.paragraphs[0]
        if S.is_header(text):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(text)
        set_fonts(run)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    for (r, c, rs, cs, text) in S.cells(tbl):
        if rs > 1 or cs > 1:
            table.cell(r, c).merge(table.cell(r + rs - 1, c + cs - 1))
    if header_repeat:
        trPr = table.rows[0]._tr.get_or_add_trPr()
        h = OxmlElement('w:tblHeader')
        h.set(qn('w:val'), 'true')
        trPr.append(h)
    return table


def main(out):
    doc = Document()
    cp = doc.core_properties
    fixed = datetime.datetime(2022, 3, 1, 0, 0, 0)
    cp.created = cp.modified = cp.last_printed = fixed
    cp.author = cp.last_modified_by = 'jixiao samples'
    cp.title = 'seed form'
    cp.revision = 1
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)   # A4
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.left_margin = sec.right_margin = Cm(1.5)
    sec.top_margin = sec.bottom_margin = Cm(1.5)
    width = 21.0 - 3.0
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_fonts(p.add_run(S.TITLE), 16, True)
    p = doc.add_paragraph()
    set_fonts(p.add_run(S.UNIT_LINE))
    build_table(doc, S.TABLE1, S.TABLE1_COLS, width)
    p = doc.add_paragraph()
    set_fonts(p.add_run(''))
    build_table(doc, S.TABLE2, S.TABLE2_COLS, width, header_repeat=True)
    doc.save(out)


if __name__ == '__main__':
    main(sys.argv[1])
