"""seed_docx_shaded.docx: seed_docx.docx (make_docx.py) with every table cell shaded
(a darker first row, alternating row shading) and every border removed, so the grid
is drawn by the cells' filled backgrounds only once LibreOffice renders it to PDF.
Rows are kept whole on a page (w:cantSplit): rows cut by a page break are another
matter (tests/pdf_records.rs has them with rules).

    python3 make_docx_shaded.py IN.docx OUT.docx
"""
import sys

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def main(src, out):
    d = Document(src)
    for t in d.tables:
        tbl_pr = t._tbl.tblPr
        for old in tbl_pr.findall(qn('w:tblBorders')):
            tbl_pr.remove(old)
        borders = OxmlElement('w:tblBorders')
        for side in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV'):
            e = OxmlElement(f'w:{side}')
            e.set(qn('w:val'), 'nil')
            borders.append(e)
        tbl_pr.append(borders)
        for i, row in enumerate(t.rows):
            tr_pr = row._tr.get_or_add_trPr()
            if tr_pr.find(qn('w:cantSplit')) is None:
                tr_pr.append(OxmlElement('w:cantSplit'))
            for cell in row.cells:
                tc_pr = cell._tc.get_or_add_tcPr()
                for old in tc_pr.findall(qn('w:tcBorders')) + tc_pr.findall(qn('w:shd')):
                    tc_pr.remove(old)
                shd = OxmlElement('w:shd')
                shd.set(qn('w:val'), 'clear')
                shd.set(qn('w:color'), 'auto')
                shd.set(qn('w:fill'), 'C6D9F1' if i == 0 else ('EEF3FA' if i % 2 else 'DCE6F2'))
                tc_pr.append(shd)
    d.save(out)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
