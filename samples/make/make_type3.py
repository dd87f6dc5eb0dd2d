"""type3_codes.pdf: glyph fallbacks (issue #13) — a Type3 font whose glyph names are
not in the Adobe Glyph List (/Differences [65 /gA /gB /gC 49 /one_alt]), no ToUnicode:
poppler and mupdf read the character codes, so must we (`ABC 1`); a uniXXXX name
(/uni7EE9 at code 200) reads as its character (绩). Hand-written objects (pdfmini.py)."""
import sys
from pdfmini import Pdf


def build(out):
    pdf = Pdf()
    catalog, pages = pdf.reserve(), pdf.reserve()
    box = pdf.add_stream(b'600 0 0 0 500 700 d1 0 0 500 700 re f')
    space = pdf.add_stream(b'300 0 0 0 0 0 d1')
    t3 = pdf.add({'Type': 'Font', 'Subtype': 'Type3', 'FontBBox': [0, 0, 600, 700],
                  'FontMatrix': [0.001, 0, 0, 0.001, 0, 0], 'FirstChar': 32, 'LastChar': 200,
                  'Widths': [300] + [600] * 168,
                  'Encoding': {'Type': 'Encoding',
                               'Differences': [32, 'space', 49, 'one_alt', 65, 'gA', 'gB', 'gC',
                                               200, 'uni7EE9']},
                  'CharProcs': {'gA': box, 'gB': box, 'gC': box, 'one_alt': box, 'space': space,
                                'uni7EE9': box},
                  'Resources': {}})
    content = pdf.add_stream(b'BT /T 12 Tf 72 720 Td (ABC 1) Tj ET\nBT /T 12 Tf 72 700 Td <C8> Tj ET\n',
                             compress=False)
    page = pdf.add({'Type': 'Page', 'Parent': pages, 'MediaBox': [0, 0, 595, 842],
                    'Resources': {'Font': {'T': t3}}, 'Contents': content})
    pdf.set(pages, {'Type': 'Pages', 'Kids': [page], 'Count': 1})
    pdf.set(catalog, {'Type': 'Catalog', 'Pages': pages})
    pdf.write(out, catalog)


if __name__ == '__main__':
    build(sys.argv[1])
