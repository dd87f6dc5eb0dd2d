"""Workbook renditions of the seed form and the national project form (samples/office/):

  seed_openpyxl.xlsx     openpyxl: title merged across the table, 单位 line, the two tables with
                         merged cells; amounts and rates stored as NUMBERS with real number
                         formats (19206.99 as #,##0.00, 0.9668 as 0.00%, 1 as 0%), lists in
                         a cell as lines (line feeds); a hidden column and a hidden row of
                         notes; a second sheet holding only a note (no form)
  seed_libreoffice.xls   LibreOffice's conversion of seed_openpyxl.xlsx (BIFF8)
  seed_libreoffice.ods   LibreOffice's conversion of seed_openpyxl.xlsx
  project_national_openpyxl.xlsx, project_national_libreoffice.{xls,ods}: the same for the
                         national project form

Needs openpyxl and LibreOffice (soffice) at generation time only.
  python3 make_sheets.py [OUTDIR]   (default samples/office)"""
import datetime
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Side

import seed_form as S
import project_forms as P

THIN = Side(style='thin', color='000000')
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
NUM = re.compile(r'^-?\d{1,3}(,\d{3})+(\.\d+)?$|^-?\d+\.\d+$|^-?\d+$')
PCT = re.compile(r'^(\d+(?:\.(\d+))?)%$')


def value_and_format(text):
    """A cell's text as the value a spreadsheet user types and the format that shows it so."""
    if NUM.match(text):
        v = float(text.replace(',', ''))
        decimals = len(text.split('.')[1]) if '.' in text else 0
        fmt = ('#,##0' if ',' in text or v >= 1000 else '0') + ('.' + '0' * decimals if decimals else '')
        if fmt == '0' and abs(v) < 1000:
            fmt = 'General'
        return (int(v) if decimals == 0 else v), fmt
    m = PCT.match(text)
    if m:
        decimals = len(m.group(2) or '')
        return round(float(m.group(1)) / 100, decimals + 2), '0' + ('.' + '0' * decimals if decimals else '') + '%'
    return text, None


def put_table(ws, tbl, r0, list_cols=()):
    for (r, c, rs, cs, text) in S.cells(tbl):
        R, Cc = r0 + r, c + 1
        if r > 0 and c in list_cols and ' ' in text:
            value, fmt = text.replace(' ', '\n'), None
        else:
            value, fmt = value_and_format(text) if text else (None, None)
        cell = ws.cell(row=R, column=Cc, value=value)
        if fmt:
            cell.number_format = fmt
        cell.alignment = Alignment(wrap_text=True, vertical='center')
        for rr in range(R, R + rs):
            for cc in range(Cc, Cc + cs):
                ws.cell(row=rr, column=cc).border = BORDER
        if rs > 1 or cs > 1:
            ws.merge_cells(start_row=R, start_column=Cc, end_row=R + rs - 1, end_column=Cc + cs - 1)
    return r0 + len(tbl)


def workbook(title, unit_line, tables, sheet_title, list_cols_of):
    wb = Workbook()
    wb.properties.created = wb.properties.modified = datetime.datetime(2022, 3, 1)
    wb.properties.creator = 'jixiao samples'
    ws = wb.active
    ws.title = sheet_title
    width = max(S.ncols(t) for t, _ in tables)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws['A1'] = title
    row = 2
    if unit_line:
        ws.cell(row=2, column=1, value=unit_line)
        row = 3
    hidden_col = width + 2
    for i, (tbl, _) in enumerate(tables):
        end = put_table(ws, tbl, row, list_cols_of(i))
        # notes in a hidden column beside the table
        ws.cell(row=row, column=hidden_col, value='内部备注：勿公开')
        row = end
        if i + 1 < len(tables):
            ws.cell(row=row, column=1, value='（隐藏行：审核意见）')
            ws.row_dimensions[row].hidden = True
            row += 2
    ws.column_dimensions[ws.cell(row=1, column=hidden_col).column_letter].hidden = True
    note = wb.create_sheet('填报说明')
    note['A1'] = '本表金额单位为万元，数据来源于部门决算。'
    return wb


def convert(src, fmt, outdir):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(['soffice', '--headless', '-env:UserInstallation=file://%s/profile' % tmp,
                        '--convert-to', fmt, '--outdir', tmp, str(src)], check=True,
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        made = pathlib.Path(tmp) / (src.stem + '.' + fmt)
        dest = outdir / (src.stem.replace('openpyxl', 'libreoffice') + '.' + fmt)
        shutil.copy(made, dest)
        return dest


def main(outdir):
    out = pathlib.Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    seed = workbook(S.TITLE, S.UNIT_LINE, S.TABLES, '部门整体支出绩效自评表',
                    lambda i: (3, 4) if i == 1 else ())
    nat = P.FORMS['national']
    proj = workbook(nat.title, nat.unit_line, nat.tables, '项目支出绩效自评表', lambda i: ())
    made = []
    for name, wb in [('seed_openpyxl.xlsx', seed), ('project_national_openpyxl.xlsx', proj)]:
        path = out / name
        wb.save(path)
        made.append(path)
        for fmt in ('xls', 'ods'):
            made.append(convert(path, fmt, out))
    for m in made:
        print('wrote', m)


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent / 'office')
