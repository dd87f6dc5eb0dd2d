"""Word renditions of the seed form and the national project form (samples/office/):

  seed_python_docx.docx        python-docx: title and 单位 paragraphs, the tables with merged
                               cells (gridSpan / vMerge), the seed's space-separated lists as one
                               paragraph per item, an empty paragraph between the tables
  seed_libreoffice.docx        the same document opened and saved again by LibreOffice Writer
  project_national_python_docx.docx, project_national_libreoffice.docx: the same for the
                               national project form

Needs python-docx and LibreOffice (soffice) at generation time only.
  python3 make_docx_samples.py [OUTDIR]   (default samples/office)"""
import datetime
import pathlib
import shutil
import subprocess
import sys
import tempfile

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

import seed_form as S
import project_forms as P


def build(doc, tbl, list_cols=()):
    n = S.ncols(tbl)
    table = doc.add_table(rows=len(tbl), cols=n)
    table.style = 'Table Grid'
    for (r, c, rs, cs, text) in S.cells(tbl):
        cell = table.cell(r, c)
        parts = text.split(' ') if (r > 0 and c in list_cols and ' ' in text) else [text]
        cell.paragraphs[0].add_run(parts[0])
        for part in parts[1:]:
            cell.add_paragraph(part)
    for (r, c, rs, cs, text) in S.cells(tbl):
        if rs > 1 or cs > 1:
            table.cell(r, c).merge(table.cell(r + rs - 1, c + cs - 1))


def document(title, unit_line, tables, list_cols_of):
    doc = Document()
    doc.core_properties.created = doc.core_properties.modified = datetime.datetime(2022, 3, 1)
    doc.core_properties.author = 'jixiao samples'
    p = doc.add_paragraph(title)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if unit_line:
        doc.add_paragraph(unit_line)
    for i, (tbl, _) in enumerate(tables):
        if i:
            doc.add_paragraph('')
        build(doc, tbl, list_cols_of(i))
    return doc


def resave(src, outdir):
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp) / 'in'
        work.mkdir()
        shutil.copy(src, work / src.name)
        subprocess.run(['soffice', '--headless', '-env:UserInstallation=file://%s/profile' % tmp,
                        '--convert-to', 'docx:MS Word 2007 XML', '--outdir', tmp, str(work / src.name)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        dest = outdir / src.name.replace('python_docx', 'libreoffice')
        shutil.copy(pathlib.Path(tmp) / src.name, dest)
        return dest


def main(outdir):
    out = pathlib.Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    nat = P.FORMS['national']
    made = []
    for name, doc in [
        ('seed_python_docx.docx', document(S.TITLE, S.UNIT_LINE, S.TABLES, lambda i: (3, 4) if i == 1 else ())),
        ('project_national_python_docx.docx', document(nat.title, nat.unit_line, nat.tables, lambda i: ())),
    ]:
        path = out / name
        doc.save(path)
        made += [path, resave(path, out)]
    for m in made:
        print('wrote', m)


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent / 'office')
