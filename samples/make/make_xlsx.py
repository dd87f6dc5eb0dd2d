"""seed_xlsx.xlsx: the seed form as a spreadsheet (openpyxl: merged cells, thin borders, wrap
text), landscape A4 fitted to the page width; converted to PDF by LibreOffice Calc.
Table 1 uses columns A-E, the 主要任务 table columns A-F, with an empty row between them.
Font: WenQuanYi Zen Hei 10pt."""
import datetime
import math
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Side, Font
from openpyxl.utils import get_column_letter
import seed_form as S

COLW = [14, 24, 26, 28, 14, 12]   # character units
FONT = Font(name='WenQuanYi Zen Hei', size=10)
THIN = Side(style='thin', color='000000')
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def text_units(s):
    return sum(1 if ord(c) < 0x80 else 2 for c in s)


def main(out):
    wb = Workbook()
    wb.properties.created = wb.properties.modified = datetime.datetime(2022, 3, 1)
    wb.properties.creator = 'jixiao samples'
    ws = wb.active
    ws.title = '部门整体支出绩效自评表'
    for i, w in enumerate(COLW):
        ws.column_dimensions[get_column_letter(i + 1)].width = w
    ws.merge_cells('A1:F1')
    ws['A1'] = S.TITLE
    ws['A1'].font = Font(name='WenQuanYi Zen Hei', size=14, bold=True)
    ws['A1'].alignment = Alignment(horizontal='center', vertical='center')
    ws.row_dimensions[1].height = 28
    ws['A2'] = S.UNIT_LINE
    ws['A2'].font = FONT
    r0 = 3
    for tbl, rel in S.TABLES:
        need = {}
        for (r, c, rs, cs, text) in S.cells(tbl):
            R, Cc = r0 + r, c + 1
            cell = ws.cell(row=R, column=Cc, value=text if text else None)
            cell.font = FONT
            cell.alignment = Alignment(wrap_text=True, vertical='center',
                                       horizontal='center' if S.is_header(text) else 'left')
            for rr in range(R, R + rs):
                for cc in range(Cc, Cc + cs):
                    ws.cell(row=rr, column=cc).border = BORDER
            if rs > 1 or cs > 1:
                ws.merge_cells(start_row=R, start_column=Cc, end_row=R + rs - 1, end_column=Cc + cs - 1)
            # row height for single-row cells: lines * 14pt (LibreOffice does not grow rows
            # for merged cells, so set explicit heights)
            if rs == 1:
                width = sum(COLW[Cc - 1:Cc - 1 + cs]) - 1
                lines = max(1, math.ceil(text_units(text) * 1.05 / width))
                need[R] = max(need.get(R, 1), lines)
        for R, lines in need.items():
            ws.row_dimensions[R].height = max(18, lines * 13.5 + 5)
        r0 += len(tbl) + 1
    ws.page_setup.orientation = 'landscape'
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_options.horizontalCentered = True
    wb.save(out)


if __name__ == '__main__':
    main(sys.argv[1])
