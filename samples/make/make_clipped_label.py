"""clipped_label.pdf: a merged group cell whose label is cut by a page break in a
LibreOffice Calc PDF (issue 10).

openpyxl writes one sheet: a header row, then eight groups of four indicator rows; each
group's first column is one merged cell, its label centred vertically. Calc draws the
label on both pages, each part clipped at the page edge, so the label's glyphs straddle
the table's bottom border on one page and its top border on the next (both pages hold
the whole string). The script tries 0, 1, 2, ... empty rows above the table and keeps the
first file where a group label is drawn on both pages (checked with pdfplumber). The
expected grid (every group cell over its four rows with its label) is written in
tests/pdf_cut_rows.rs from the lists below.

  python3 samples/make/make_clipped_label.py tests/data/pdf/clipped_label.pdf
  python3 samples/make/make_clipped_label.py --hidden tests/data/pdf/clipped_hidden.pdf
"""
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl
from openpyxl.styles import Alignment, Border, Side

GROUPS = ['产出数量指标', '产出质量指标', '产出时效指标', '产出成本指标',
          '经济效益指标', '社会效益指标', '生态效益指标', '满意度指标']
NAMES = [f'{g[:2]}指标{k + 1}' for g in GROUPS for k in range(4)]


def render(out, skip):
    wb = openpyxl.Workbook()
    ws = wb.active
    thin = Side(style='thin')
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    centre = Alignment(wrap_text=True, vertical='center')
    top = 1 + skip
    rows = [['分组', '指标名称', '分值']]
    for i, n in enumerate(NAMES):
        rows.append([GROUPS[i // 4] if i % 4 == 0 else None, n, str(5 + i % 6)])
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            cell = ws.cell(row=top + r, column=1 + c, value=v)
            cell.border = border
            cell.alignment = centre
        ws.row_dimensions[top + r].height = 30
    for g in range(len(GROUPS)):
        r0 = top + 1 + 4 * g
        ws.merge_cells(start_row=r0, start_column=1, end_row=r0 + 3, end_column=1)
    for c, w in zip('ABC', [16, 20, 10]):
        ws.column_dimensions[c].width = w
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'clipped_label.xlsx')
        wb.save(src)
        prof = 'file://' + os.path.join(tmp, 'profile')
        subprocess.run(['soffice', f'-env:UserInstallation={prof}', '--headless',
                        '--convert-to', 'pdf', '--outdir', tmp, src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copy(os.path.join(tmp, 'clipped_label.pdf'), out)


def clipped(path):
    import pdfplumber
    with pdfplumber.open(path) as pdf:
        if len(pdf.pages) < 2:
            return None
        texts = [p.extract_text() or '' for p in pdf.pages[:2]]
    return [g for g in GROUPS if g in texts[0] and g in texts[1]]


def hidden(path):
    """Group labels drawn on page 1 wholly below the table's bottom rule (clipped
    away there) and inside the first row on page 2."""
    import pdfplumber
    with pdfplumber.open(path) as pdf:
        if len(pdf.pages) < 2:
            return []
        p1, p2 = pdf.pages[0], pdf.pages[1]
        bottom = max(e['top'] for e in p1.edges if e['orientation'] == 'h')
        top = min(e['top'] for e in p2.edges if e['orientation'] == 'h')
        out = []
        for g in GROUPS:
            w1 = [w for w in p1.extract_words() if w['text'] == g]
            w2 = [w for w in p2.extract_words() if w['text'] == g]
            if w1 and w2 and w1[0]['top'] > bottom and w2[0]['top'] > top:
                out.append(g)
        return out


def main(out, test=clipped):
    for skip in range(30):
        tmp = os.path.join(tempfile.gettempdir(), f'clipped_label_{skip}.pdf')
        render(tmp, skip)
        found = test(tmp)
        if found:
            shutil.copy(tmp, out)
            os.remove(tmp)
            print(out, 'empty rows:', skip, 'label:', found)
            return
        os.remove(tmp)
    sys.exit('no page break inside a group label')


if __name__ == '__main__':
    if sys.argv[1] == '--hidden':
        main(sys.argv[2], hidden)
    else:
        main(sys.argv[1])
