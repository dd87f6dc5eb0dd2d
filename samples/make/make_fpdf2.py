"""seed_fpdf2.pdf: fpdf2 table (colspan/rowspan) with an embedded, subset TrueType CJK font
(fpdf2 writes it as Type0 / Identity-H / CIDFontType2 with ToUnicode).
Font: WenQuanYi Zen Hei (face 0 of wqy-zenhei.ttc, fonts-wqy-zenhei)."""
import datetime
import sys
from fpdf import FPDF
from fpdf.enums import TableBordersLayout
import seed_form as S

TTC = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc'


def main(out):
    pdf = FPDF(orientation='P', unit='pt', format='A4')
    pdf.set_creation_date(datetime.datetime(2022, 3, 1, tzinfo=datetime.timezone.utc))
    pdf.set_producer('jixiao samples/make/make_fpdf2.py')
    pdf.set_margins(36, 36, 36)
    pdf.set_auto_page_break(True, 36)
    pdf.add_font('zh', '', TTC, collection_font_number=0)
    pdf.add_page()
    pdf.set_font('zh', size=14)
    pdf.cell(0, 20, S.TITLE, align='C', new_x='LMARGIN', new_y='NEXT')
    pdf.set_font('zh', size=10)
    pdf.cell(0, 16, S.UNIT_LINE, new_x='LMARGIN', new_y='NEXT')
    pdf.set_font('zh', size=9)
    for k, (tbl, rel) in enumerate(S.TABLES):
        with pdf.table(col_widths=rel, text_align='LEFT', line_height=12, padding=3,
                       first_row_as_headings=False, borders_layout=TableBordersLayout.ALL,
                       v_align='MIDDLE') as table:
            for row in tbl:
                r = table.row()
                for (text, cs, rs) in row:
                    r.cell(text, colspan=cs, rowspan=rs, align='CENTER' if S.is_header(text) else 'LEFT')
        pdf.ln(10)
    pdf.output(out)


if __name__ == '__main__':
    main(sys.argv[1])
