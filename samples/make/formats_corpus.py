#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Render formgen's randomised forms (samples/make/formgen.py: logical grids with their truth
records) as HTML pages, Word documents and workbooks, with randomised layout, and write the
truth per format for ../shared/tools/score.py. Truth comes from formgen's own data (the
source gets the format's path and, for workbooks, the sheet); jixiao's output is never read.

  python3 samples/make/formats_corpus.py --out target/formats_corpus --n 100 --seed 7 \
      [--formgen PATH] [--formats html,docx,xlsx,xls,ods]

writes OUT/FORMAT/NNN_family.EXT, OUT/FORMAT/truth.jsonl and OUT/FORMAT/tiers.json.

Layout choices per document (seeded):
  HTML  UTF-8 or GB18030 bytes; <meta charset>, http-equiv, or no declaration; CMS chrome
        (header, menu, breadcrumb, footer) or a bare page; a layout table around the form
        or not; a cell's lines as <p> each, as <br>-separated text, or as <div>s; empty
        cells as &nbsp; or nothing; titles as <p>, <h2> or <div align=center>.
  DOCX  python-docx; text blocks as paragraphs (title centred); a cell's lines as
        paragraphs; forms separated by a page break or an empty paragraph.
  XLSX  openpyxl; all forms on one sheet or one sheet per form; titles merged across the
        table's width or not; numbers stored as numbers with the number format that shows
        them as the form prints them (#,##0.00, 0.00%, 0); a cell's lines joined with line
        feeds; an empty row between blocks or not.
  XLS/ODS  LibreOffice's conversion of the XLSX files.
Needs python-docx, openpyxl and (for xls/ods) soffice, at generation time only."""
import argparse
import html
import importlib.util
import json
import os
import pathlib
import random
import re
import shutil
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent


def load_formgen(path):
    spec = importlib.util.spec_from_file_location('formgen', path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def lines_of(cell):
    return cell.text if isinstance(cell.text, list) else [cell.text]


# ------------------------------------------------------------------ HTML
CHROME_TOP = ('<div class="header"><img src="/logo.png" alt="人民政府门户网站"></div>\n'
              '<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>'
              '<li><a href="/hd/">互动交流</a></li></ul></div>\n'
              '<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 预决算公开</div>\n')
CHROME_BOTTOM = ('<div class="footer"><p>主办单位：人民政府办公室　网站标识码：5100000001</p>'
                 '<p><a href="/map">网站地图</a> | <a href="/contact">联系我们</a></p></div>\n')


def html_cell(cell, style, nbsp):
    ls = [html.escape(x) for x in lines_of(cell) if x != '']
    if not ls:
        return '&nbsp;' if nbsp else ''
    if len(ls) == 1:
        return ls[0]
    if style == 'p':
        return ''.join('<p>%s</p>' % x for x in ls)
    if style == 'div':
        return ''.join('<div>%s</div>' % x for x in ls)
    return '<br>'.join(ls)


def html_table(t, rng, style, nbsp):
    out = ['<table border="1" cellspacing="0" cellpadding="3" style="border-collapse:collapse">']
    if rng.random() < 0.5:
        out.append('<tbody>')
    for row in t.rows:
        out.append('<tr>')
        for c in row:
            attrs = ''
            if c.colspan > 1:
                attrs += ' colspan="%d"' % c.colspan
            if c.rowspan > 1:
                attrs += ' rowspan="%d"' % c.rowspan
            tag = 'td'
            out.append('<%s%s>%s</%s>' % (tag, attrs, html_cell(c, style, nbsp), tag))
        out.append('</tr>')
    out.append('</tbody></table>' if out[1] == '<tbody>' else '</table>')
    return '\n'.join(out)


def render_html(F, doc, rng):
    style = rng.choice(['p', 'br', 'div'])
    nbsp = rng.random() < 0.6
    parts = []
    for k, form in enumerate(doc.forms):
        if k:
            parts.append(rng.choice(['<p>&nbsp;</p>', '<hr>', '<br>']))
        for i, b in enumerate(form.blocks):
            if isinstance(b, F.Text):
                t = html.escape(b.text)
                if i == 0 or '表' in b.text:
                    parts.append(rng.choice(['<p align="center"><strong>%s</strong></p>', '<h2>%s</h2>',
                                             '<div style="text-align:center">%s</div>']) % t)
                else:
                    parts.append('<p>%s</p>' % t)
            else:
                parts.append(html_table(b, rng, style, nbsp))
    body = '\n'.join(parts)
    if rng.random() < 0.5:
        body = '<table width="100%%" class="layout"><tr><td>%s</td></tr></table>' % body
    chrome = rng.random() < 0.7
    enc = rng.choice(['utf-8', 'utf-8', 'gb18030'])
    decl = rng.choice(['meta', 'http-equiv', 'none'])
    label = 'utf-8' if enc == 'utf-8' else rng.choice(['gb2312', 'gbk'])
    meta = {'meta': '<meta charset="%s">' % label,
            'http-equiv': '<meta http-equiv="Content-Type" content="text/html; charset=%s">' % label,
            'none': ''}[decl]
    page = ('<!DOCTYPE html>\n<html><head>%s<title>绩效自评结果公开</title>'
            '<script>var x = "<table><tr><td>部门名称</td></tr></table>";</script></head><body>\n%s'
            '<div class="content"><h1>绩效自评结果公开</h1><div class="info">发布时间：2022-08-01</div>\n%s\n</div>\n%s'
            '</body></html>\n') % (meta, CHROME_TOP if chrome else '', body, CHROME_BOTTOM if chrome else '')
    return page.encode(enc)


# ------------------------------------------------------------------ DOCX
def render_docx(F, doc, rng, path):
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    d = Document()
    for k, form in enumerate(doc.forms):
        if k:
            if rng.random() < 0.6:
                d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            else:
                d.add_paragraph('')
        for i, b in enumerate(form.blocks):
            if isinstance(b, F.Text):
                p = d.add_paragraph(b.text)
                if i == 0:
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                continue
            m = b.matrix()
            table = d.add_table(rows=len(m), cols=b.ncols)
            table.style = 'Table Grid'
            origins = []
            for r, row in enumerate(b.rows):
                for c in row:
                    pass
            for r, mrow in enumerate(m):
                for cidx, slot in enumerate(mrow):
                    if slot is None:
                        continue
                    cell, r0, c0 = slot
                    if (r0, c0) == (r, cidx):
                        origins.append((r, cidx, cell))
            for (r, c, cell) in origins:
                tc = table.cell(r, c)
                ls = [x for x in lines_of(cell)]
                tc.paragraphs[0].add_run(ls[0] if ls else '')
                for x in ls[1:]:
                    tc.add_paragraph(x)
            for (r, c, cell) in origins:
                if cell.rowspan > 1 or cell.colspan > 1:
                    tc = table.cell(r, c)
                    tc.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
            if rng.random() < 0.3:
                d.add_paragraph('')
    d.save(path)


# ------------------------------------------------------------------ XLSX
NUM = re.compile(r'^-?(?:[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d{0,11}|0)(?:\.\d{1,6})?$')
PCT = re.compile(r'^((?:[1-9]\d{0,2}|0)(?:\.(\d{1,4}))?)%$')


def value_and_format(text):
    """A cell's text as the value a spreadsheet user types and the format that shows it so."""
    if NUM.match(text):
        v = float(text.replace(',', ''))
        decimals = len(text.split('.')[1]) if '.' in text else 0
        if ',' in text:
            fmt = '#,##0' + ('.' + '0' * decimals if decimals else '')
        elif decimals:
            fmt = '0.' + '0' * decimals
        else:
            fmt = '0'
        return (int(v) if decimals == 0 else v), fmt
    m = PCT.match(text)
    if m:
        decimals = len(m.group(2) or '')
        return round(float(m.group(1)) / 100, decimals + 2), '0' + ('.' + '0' * decimals if decimals else '') + '%'
    return text, None


def render_xlsx(F, doc, rng, path):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Side
    thin = Side(style='thin')
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wb = Workbook()
    per_form = len(doc.forms) > 1 and rng.random() < 0.5
    merge_titles = rng.random() < 0.6
    gap = rng.random() < 0.6
    sheets = []
    ws = wb.active
    ws.title = 'Sheet1'
    row = 1
    for k, form in enumerate(doc.forms):
        if per_form:
            if k:
                ws = wb.create_sheet('表%d' % (k + 1))
            else:
                ws.title = '表1'
            row = 1
        elif k:
            row += 1
        sheets.append(ws.title)
        width = max([b.ncols for b in form.blocks if isinstance(b, F.Table)] or [1])
        for b in form.blocks:
            if isinstance(b, F.Text):
                ws.cell(row=row, column=1, value=b.text)
                if merge_titles and width > 1 and '表' in b.text:
                    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
                row += 1
                continue
            m = b.matrix()
            for r, mrow in enumerate(m):
                for c, slot in enumerate(mrow):
                    if slot is None:
                        continue
                    cell, r0, c0 = slot
                    xc = ws.cell(row=row + r, column=c + 1)
                    xc.border = border
                    if (r0, c0) != (r, c):
                        continue
                    ls = [x for x in lines_of(cell) if x != '']
                    if len(ls) > 1:
                        xc.value = '\n'.join(ls)
                    elif ls:
                        v, fmt = value_and_format(ls[0])
                        xc.value = v
                        if fmt:
                            xc.number_format = fmt
                    xc.alignment = Alignment(wrap_text=True)
                    if cell.rowspan > 1 or cell.colspan > 1:
                        ws.merge_cells(start_row=row + r, start_column=c + 1,
                                       end_row=row + r + cell.rowspan - 1, end_column=c + cell.colspan)
            row += len(m)
            if gap:
                row += 1
    wb.save(path)
    return sheets


def convert(files, fmt, outdir):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(['soffice', '--headless', '-env:UserInstallation=file://%s/profile' % tmp,
                        '--convert-to', fmt, '--outdir', str(outdir)] + [str(f) for f in files],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


# ------------------------------------------------------------------ main
def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--out', required=True)
    ap.add_argument('--n', type=int, default=100)
    ap.add_argument('--seed', type=int, default=7)
    ap.add_argument('--formgen', default=str(HERE / 'formgen.py'))
    ap.add_argument('--formats', default='html,docx,xlsx,xls,ods')
    a = ap.parse_args()
    F = load_formgen(a.formgen)
    formats = a.formats.split(',')
    out = pathlib.Path(a.out)
    docs = F.generate(a.n, a.seed)
    rng = random.Random(a.seed * 7919 + 1)
    truths = {f: [] for f in formats}
    tiers = {f: {} for f in formats}
    xlsx_sheets = {}
    for f in formats:
        (out / f).mkdir(parents=True, exist_ok=True)
    need_xlsx = any(f in formats for f in ('xlsx', 'xls', 'ods'))
    xdir = out / 'xlsx'
    if need_xlsx:
        xdir.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        stem = doc.name.rsplit('.', 1)[0]
        if 'html' in formats:
            p = out / 'html' / (stem + '.html')
            p.write_bytes(render_html(F, doc, rng))
            tiers['html'][str(p)] = doc.family
            for form in doc.forms:
                truths['html'].append(dict(form.truth, source={'path': str(p), 'format': 'html'}))
        if 'docx' in formats:
            p = out / 'docx' / (stem + '.docx')
            render_docx(F, doc, rng, p)
            tiers['docx'][str(p)] = doc.family
            for form in doc.forms:
                truths['docx'].append(dict(form.truth, source={'path': str(p), 'format': 'docx'}))
        if need_xlsx:
            p = xdir / (stem + '.xlsx')
            xlsx_sheets[stem] = render_xlsx(F, doc, rng, p)
    for fmt in ('xlsx', 'xls', 'ods'):
        if fmt not in formats:
            continue
        if fmt != 'xlsx':
            convert(sorted(xdir.glob('*.xlsx')), fmt, out / fmt)
        for doc in docs:
            stem = doc.name.rsplit('.', 1)[0]
            p = out / fmt / (stem + '.' + fmt)
            tiers[fmt][str(p)] = doc.family
            for form, sheet in zip(doc.forms, xlsx_sheets[stem]):
                truths[fmt].append(dict(form.truth, source={'path': str(p), 'format': fmt, 'sheet': sheet}))
    for f in formats:
        with open(out / f / 'truth.jsonl', 'w', encoding='utf-8') as tf:
            for rec in truths[f]:
                tf.write(json.dumps(rec, ensure_ascii=False) + '\n')
        with open(out / f / 'tiers.json', 'w', encoding='utf-8') as tf:
            json.dump(tiers[f], tf, ensure_ascii=False, indent=0)
        print(f, len(tiers[f]), 'files', len(truths[f]), 'forms')


if __name__ == '__main__':
    main()
