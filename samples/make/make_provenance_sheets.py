"""A workbook whose form is on its SECOND sheet, after a sheet holding a
small table of its own: `extract --provenance` counts tables over the whole
file (`table` 1 here) and names the form's sheet.

The form is the committed sample samples/office/project_national_openpyxl.xlsx
(its first sheet: values, number formats and merges copied cell by cell);
written by openpyxl.

Truth (0-based, the form starts at A1): indicator 0's name D12 -> row 11,
col 3; funds.actual E5 -> row 4, col 4; fund source 0's label B6 -> row 5,
col 1; all in table 1, sheet 项目支出绩效自评表.

    python3 samples/make/make_provenance_sheets.py
"""
import os

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SRC = os.path.join(ROOT, "samples/office/project_national_openpyxl.xlsx")
OUT = os.path.join(ROOT, "samples/office/provenance_second_sheet.xlsx")

src = openpyxl.load_workbook(SRC).worksheets[0]
wb = openpyxl.Workbook()
notes = wb.active
notes.title = "说明"
for row in [["序号", "说明"], ["1", "本工作簿第二张表为项目支出绩效自评表"], ["2", "金额单位为万元"]]:
    notes.append(row)
form = wb.create_sheet("项目支出绩效自评表")
for row in src.iter_rows():
    for c in row:
        if c.value is None:
            continue
        d = form.cell(row=c.row, column=c.column, value=c.value)
        d.number_format = c.number_format
for rng in src.merged_cells.ranges:
    form.merge_cells(str(rng))
wb.save(OUT)
print(OUT)
