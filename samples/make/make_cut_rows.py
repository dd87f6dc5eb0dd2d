"""cut_rows.pdf: rows cut by page breaks in a LibreOffice Writer table (issue 10).

python-docx writes one table: a header row, then 36 indicator rows in four groups, each
group's 一级指标 cell merged down over its rows; the 三级指标 column is narrow (names
wrap over two to three lines), so Writer (rows may break across pages, its default)
cuts some rows inside a name and draws both parts with full borders, the rest of the
row empty on the next page, and some page breaks fall between complete rows while a
merged group cell runs on. Converted by LibreOffice Writer (soffice --convert-to pdf).
The expected grid (one row per indicator, every name whole) is written in
tests/pdf_cut_rows.rs from the lists below.

Where the page break falls depends on the number of empty paragraphs before the table:
the script tries 0, 1, 2, ... and keeps the first file where the first row on page 2 has
a name piece but no value (a row cut inside its name: cut_rows.pdf) and the first where
it has both (a break between two complete rows, the group cell running on:
cut_rows_whole.pdf), checked with pdfplumber.

  python3 samples/make/make_cut_rows.py tests/data/pdf/
"""
import os
import shutil
import subprocess
import sys
import tempfile

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Pt, Cm

GROUPS = ['产出指标', '效益指标', '满意度指标', '成本指标']
NAMES = [
    '新建改建设施数量', '培训人次', '资助学生人数达标率', '巡查次数', '项目完成质量',
    '资金拨付及时率', '项目完成时间', '人均补助标准', '项目成本控制率',
    '政策知晓率', '群众满意度', '长效管护机制', '带动群众增收', '垃圾无害化处理率',
    '群众出行条件改善情况', '服务对象满意度', '社区公建配套场地增加数量', '爱心午餐人次',
    '公众满意度', '走访企业次数', '召开会议场次', '验收合格率', '档案资料完整率',
    '资金使用合规率', '受污染耕地安全利用率', '危险废物抽查企业数量', '医疗废物集中处置率',
    '文体中心升级改造完成率', '维护市容市貌', '开展科普活动场次', '居民满意度',
    '大件生活垃圾清运吨数', '精细化考评得分', '基层党建活动次数', '养护里程', '绩效目标完成率',
]
VALUES = [f'{90 + i % 10}%' if i % 3 else f'{10 + i}次' for i in range(len(NAMES))]
WEIGHTS = [str(5 + i % 7) for i in range(len(NAMES))]


def render(out, skip):
    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.top_margin = sec.bottom_margin = Cm(2)
    style = doc.styles['Normal']
    style.font.size = Pt(12)
    style.font.name = 'Liberation Serif'
    style.element.rPr.rFonts.set(qn('w:eastAsia'), 'Noto Sans CJK SC')
    for _ in range(skip):
        doc.add_paragraph('')
    doc.add_paragraph('指标完成情况表')
    t = doc.add_table(rows=1 + len(NAMES), cols=4)
    t.style = 'Table Grid'
    t.autofit = False
    widths = [Cm(3), Cm(1.7), Cm(3), Cm(2)]
    for gc, width in zip(t._tbl.tblGrid.findall(qn('w:gridCol')), widths):
        gc.set(qn('w:w'), str(int(width.twips)))
    for row in t.rows:
        for c, width in enumerate(widths):
            row.cells[c].width = width
    for c, h in enumerate(['一级指标', '三级指标', '指标值', '分值']):
        t.cell(0, c).text = h
    per = len(NAMES) // len(GROUPS)
    for g, name in enumerate(GROUPS):
        top, bottom = 1 + g * per, g * per + per
        cell = t.cell(top, 0).merge(t.cell(bottom, 0))
        cell.text = name
    for i, (n, v, w) in enumerate(zip(NAMES, VALUES, WEIGHTS)):
        t.cell(1 + i, 1).text = n
        t.cell(1 + i, 2).text = v
        t.cell(1 + i, 3).text = w
    tmp = tempfile.mkdtemp()
    try:
        src = os.path.join(tmp, 'cut_rows.docx')
        doc.save(src)
        prof = 'file://' + os.path.join(tmp, 'profile')
        subprocess.run(['soffice', f'-env:UserInstallation={prof}', '--headless',
                        '--convert-to', 'pdf', '--outdir', tmp, src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copy(os.path.join(tmp, 'cut_rows.pdf'), out)
    finally:
        shutil.rmtree(tmp)


def first_row_on_page2(path):
    import pdfplumber
    with pdfplumber.open(path) as pdf:
        if len(pdf.pages) < 2:
            return None
        rows = pdf.pages[1].extract_tables()[0]
        return rows[0]


def main(outdir):
    want = {'cut_rows.pdf': lambda r: bool(r[1]) and not r[2],
            'cut_rows_whole.pdf': lambda r: bool(r[1]) and bool(r[2]) and not r[0]}
    for skip in range(40):
        if not want:
            return
        tmp = os.path.join(tempfile.gettempdir(), f'cut_rows_{skip}.pdf')
        render(tmp, skip)
        row = first_row_on_page2(tmp)
        for name, ok in list(want.items()):
            if row and ok(row):
                shutil.copy(tmp, os.path.join(outdir, name))
                print(name, 'empty paragraphs:', skip, 'first row on page 2:', row)
                del want[name]
        os.remove(tmp)
    sys.exit(f'not found: {sorted(want)}')


if __name__ == '__main__':
    main(sys.argv[1])
