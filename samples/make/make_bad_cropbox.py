"""bad_cropbox.pdf (issue #13): a page whose /CropBox [600 800 1000 1000] does not meet its
/MediaBox [0 0 600 800] (as in pdf.js's boundingBox_invalid.pdf). Viewers (pdf.js) and
poppler then show the media box; the text `Budget 2024 total 95.00` is drawn inside it.
Hand-written objects (pdfmini.py)."""
import sys
from pdfmini import Pdf


def build(out):
    pdf = Pdf()
    catalog, pages = pdf.reserve(), pdf.reserve()
    helv = pdf.add({'Type': 'Font', 'Subtype': 'Type1', 'BaseFont': 'Helvetica',
                    'Encoding': 'WinAnsiEncoding'})
    content = pdf.add_stream(b'BT /H 14 Tf 72 700 Td (Budget 2024 total 95.00) Tj ET\n',
                             compress=False)
    page = pdf.add({'Type': 'Page', 'Parent': pages, 'MediaBox': [0, 0, 600, 800],
                    'CropBox': [600, 800, 1000, 1000],
                    'Resources': {'Font': {'H': helv}}, 'Contents': content})
    pdf.set(pages, {'Type': 'Pages', 'Kids': [page], 'Count': 1})
    pdf.set(catalog, {'Type': 'Catalog', 'Pages': pages})
    pdf.write(out, catalog)


if __name__ == '__main__':
    build(sys.argv[1])
