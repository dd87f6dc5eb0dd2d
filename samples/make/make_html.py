"""HTML renditions of the seed form and a project form, as a government CMS page saves them
(samples/html/): page chrome (header, menu, breadcrumb, share bar, related links, footer),
an article title and date line, then the form's title and 单位 line as <p>, its tables with
rowspan/colspan and one <p> per line inside a cell (the seed's space-separated lists), and
&nbsp; in empty cells. Texts come from seed_form.py / project_forms.py.

  seed_cms_utf8.html   UTF-8, <meta charset="utf-8">, the form in a layout table
  seed_cms_gbk.html    GB18030 bytes, <meta http-equiv ... charset=gb2312>, no layout table
  project_national_cms.html  the national project form, UTF-8, no <meta> charset

  python3 make_html.py [OUTDIR]   (default samples/html)"""
import html
import pathlib
import sys

import seed_form as S
import project_forms as P

# Cells whose space-separated parts are one line each (the seed's lists of names/values).
LIST_COLUMNS = {3, 4}


def cell_html(text, lines):
    if not text:
        return '&nbsp;'
    if lines:
        return ''.join('<p>%s</p>' % html.escape(p) for p in text.split(' '))
    return html.escape(text)


def table_html(rows, list_table=False, attrs='border="1" cellspacing="0" cellpadding="4"'):
    out = ['<table %s class="MsoNormalTable">' % attrs, '<tbody>']
    for (r, row) in enumerate(rows):
        out.append('<tr>')
        covered_col = 0
        for (text, cs, rs) in row:
            span = ''
            if cs > 1:
                span += ' colspan="%d"' % cs
            if rs > 1:
                span += ' rowspan="%d"' % rs
            out.append('  <td%s>%s</td>' % (span, cell_html(text, list_table and r > 0 and len(row) == 6 and row.index((text, cs, rs)) in LIST_COLUMNS)))
        out.append('</tr>')
    out.append('</tbody></table>')
    return '\n'.join(out)


CHROME_TOP = '''<div class="header"><div class="logo"><img src="/images/logo.png" alt="广州市黄埔区人民政府"></div>
<div class="search"><form action="/search"><input name="q"><button>搜索</button></form></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/czyjs/">财政预决算</a></div>
'''

CHROME_BOTTOM = '''<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/a.html">2021年度部门决算</a></li>
<li><a href="/b.html">2020年度部门整体支出绩效自评表</a></li></ul></div>
<div class="footer"><p>主办：广州市黄埔区人民政府办公室　承办：黄埔区政务服务数据管理局</p>
<p>网站标识码：4401120001　粤ICP备05000000号　<a href="/sitemap">网站地图</a></p></div>
'''


def page(title, head_meta, body_title, form_html):
    return '''<!DOCTYPE html>
<html lang="zh-CN">
<head>
%s
<title>%s - 广州市黄埔区人民政府门户网站</title>
<link rel="stylesheet" href="/css/main.css">
<script>var _hmt = _hmt || []; document.write("<table><tr><td>广告</td></tr></table>");</script>
<style>.nav li{float:left}</style>
</head>
<body>
%s<div class="content">
<h1 class="article-title">%s</h1>
<div class="info">发布日期：2022-09-15　来源：永和街道　浏览次数：<span id="hits">1024</span></div>
<div class="article-body">
%s
</div>
</div>
%s</body>
</html>
''' % (head_meta, html.escape(title), CHROME_TOP, html.escape(body_title), form_html, CHROME_BOTTOM)


def seed_body(layout):
    t1 = table_html(S.TABLE1)
    t2 = table_html(S.TABLE2, list_table=True)
    inner = ('<p align="center"><b><span style="font-size:16pt">%s</span></b></p>\n'
             '<p><span>%s</span></p>\n%s\n<p>&nbsp;</p>\n%s\n' % (html.escape(S.TITLE), html.escape(S.UNIT_LINE), t1, t2))
    if layout:
        return ('<table width="100%%" class="layout"><tr><td valign="top">\n%s</td></tr>'
                '<tr><td><a href="/print">【打印本页】</a> <a href="javascript:close()">【关闭窗口】</a></td></tr></table>' % inner)
    return inner


def project_body(form):
    parts = ['<p style="text-align:center">%s</p>' % html.escape(form.title)]
    if form.unit_line:
        parts.append('<p style="text-align:right">%s</p>' % html.escape(form.unit_line))
    for (tbl, _) in form.tables:
        parts.append(table_html(tbl))
    return '\n'.join(parts)


def main(outdir):
    out = pathlib.Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    art = '永和街道2021年度部门整体支出绩效自评报告'
    utf8 = page(art, '<meta charset="utf-8">', art, seed_body(True))
    (out / 'seed_cms_utf8.html').write_bytes(utf8.encode('utf-8'))
    gbk = page(art, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', art, seed_body(False))
    (out / 'seed_cms_gbk.html').write_bytes(gbk.encode('gb18030'))
    nat = P.FORMS['national']
    proj = page('2022年度项目支出绩效自评结果公开', '', '2022年度项目支出绩效自评结果公开', project_body(nat))
    (out / 'project_national_cms.html').write_bytes(proj.encode('utf-8'))
    for f in sorted(out.iterdir()):
        print('wrote', f)


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent / 'html')
