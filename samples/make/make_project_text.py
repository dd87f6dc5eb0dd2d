"""Text-dump twins of the project forms (samples/text/), UTF-8, tab-separated like the seed:
one line per table row, a merged cell's text in its first row/column and empty cells for
the positions it covers (so lines that begin with a tab continue the merged first-column
cell). Title line and 单位 line first, as printed above the table.

  python3 make_project_text.py [OUTDIR]   (default samples/text)"""
import pathlib
import sys
import project_forms as P

NAMES = {'national': 'project_national_2022.txt', 'sichuan': 'project_sichuan.txt', 'yuan': 'project_yuan.txt'}


def dump(form):
    lines = [form.title] + ([form.unit_line] if form.unit_line else [])
    for tbl, _ in form.tables:
        lines += ['\t'.join(row) for row in P.grid(tbl)]
    return '\n'.join(lines) + '\n'


def main(outdir):
    out = pathlib.Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    for key, name in NAMES.items():
        (out / name).write_bytes(dump(P.FORMS[key]).encode('utf-8'))
        print('wrote', out / name)


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent / 'text')
