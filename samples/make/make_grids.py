#!/usr/bin/env python3
"""Small PDFs of grids drawn in other ways than stroked black rules, with their
expected grids written from the generator's own data (never from jixiao).

    python3 samples/make/make_grids.py [OUTDIR] [--seed N]

Writes OUTDIR/grid_<class>.pdf and OUTDIR/grid_<class>.expected.json
(default OUTDIR: samples/pdf). The expected file is
{"class": ..., "tables": [rows, ...]}: every table jixiao should find on the
page, in reading order (top to bottom), each a list of rows; a cell spanning
slots has its text at its top-left slot and "" in the others. Text is compared
with white space removed.

Classes (reportlab canvas, STSong-Light, not embedded):
- filled: every cell is its own coloured filled rectangle, adjacent fills make
  the grid (two darker header rows with a row-spanning and a column-spanning
  cell, set 0.5pt apart; alternating row shading; one empty cell); no
  stroked line. Below it, two lines of text highlighted in runs of two
  colours (touching fills that meet at different places): no table.
- white_lines: one coloured rectangle under the whole table, white lines on it
  separate rows and columns (none inside the last row's column-spanning
  "合计" cell); a white line also crosses the white page below the table
  (not a rule: no table there).
- nested: a ruled 3 x 3 table whose cell (1, 2) holds a line of text and a
  ruled table of its own (inset, not touching the outer rules): two grids, the
  outer cell keeps only its own line.
- unruled_rows: a ruled table whose first body row holds three entries set one
  row pitch apart without rules between them (one entry's second column wraps
  to two lines) -> split into three rows; a ruled row where one cell wraps ->
  not split; a ruled row where every column holds a two-line label set at
  paragraph leading -> not split.
- rotated: a ruled table drawn turned 90 degrees (text running up the page) on
  a portrait page, beside upright text that outnumbers it (the page itself is
  upright).
"""

import json
import os
import random
import sys

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
SIZE = 10
W, H = A4

WORDS = [
    "项目资金", "预算执行率", "群众满意度", "完成及时性", "资金到位率", "培训人次",
    "设备采购", "质量达标率", "覆盖人数", "成本控制", "档案资料", "工程验收",
    "社会效益", "生态效益", "可持续影响", "服务对象", "政策知晓率", "合规率",
]


def num(rng):
    return rng.choice([f"{rng.randint(1, 999)}", f"{rng.randint(50, 100)}%", f"{rng.randint(1, 99)}.{rng.randint(0, 9)}"])


def text_at(c, x, y, s, size=SIZE):
    c.setFont(FONT, size)
    c.drawString(x, y, s)


def top_y(y_top):
    """reportlab y of a top-left-origin y."""
    return H - y_top


def make_filled(c, rng):
    cols = [90, 110, 80, 120]
    nbody = rng.randint(3, 5)
    rh = 22
    x0, yt = 60, 120
    xs = [x0]
    for w in cols:
        xs.append(xs[-1] + w)
    # Two header rows: "项目" spans both, "金额（万元）" spans three columns.
    # (row, col, row_span, col_span, text)
    cells = [(0, 0, 2, 1, "项目"), (0, 1, 1, 3, "金额（万元）"),
             (1, 1, 1, 1, "年初预算"), (1, 2, 1, 1, "全年预算"), (1, 3, 1, 1, "执行数")]
    blank = (rng.randrange(nbody), rng.randrange(1, 4))
    for r in range(nbody):
        cells.append((r + 2, 0, 1, 1, rng.choice(WORDS)))
        for k in range(1, 4):
            cells.append((r + 2, k, 1, 1, "" if (r, k) == blank else num(rng)))
    nrows = nbody + 2
    rows = [["" for _ in cols] for _ in range(nrows)]
    text_at(c, x0, top_y(100), "表一 填色单元格")
    for r, k, rs, cs, t in cells:
        rows[r][k] = t
        if r < 2:
            c.setFillColorRGB(0.2, 0.35, 0.6)
        elif r % 2:
            c.setFillColorRGB(0.88, 0.92, 0.98)
        else:
            c.setFillColorRGB(0.78, 0.84, 0.94)
        # Each cell its own fill; header cells leave a 1pt white gap.
        gap = 0.5 if r < 2 else 0.0
        c.rect(xs[k] + gap, top_y(yt + (r + rs) * rh) + gap, xs[k + cs] - xs[k] - 2 * gap,
               rs * rh - 2 * gap, stroke=0, fill=1)
        c.setFillColorRGB(1, 1, 1) if r < 2 else c.setFillColorRGB(0, 0, 0)
        text_at(c, xs[k] + 4, top_y(yt + r * rh + 15), t)
    # Below: two lines of text highlighted in runs (touching fills of two
    # colours, meeting at different places on each line): no grid.
    yb = yt + nrows * rh + 50
    for i, (a, b) in enumerate([(140, 230), (95, 260)]):
        top = yb + i * 14
        for xa, xb, col in [(x0, x0 + a, (1, 1, 0.4)), (x0 + a, x0 + b, (0.6, 1, 0.6))]:
            c.setFillColorRGB(*col)
            c.rect(xa, top_y(top + 14), xb - xa, 14, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        text_at(c, x0 + 2, top_y(top + 11), "".join(rng.choice(WORDS) for _ in range(5)))
    c.setFillColorRGB(0, 0, 0)
    return [rows]


def make_white_lines(c, rng):
    cols = [100, 90, 90, 110]
    nrows = rng.randint(4, 6)
    rh = 24
    x0, yt = 60, 120
    rows = [["名称", "指标值", "实际值", "备注"]]
    for r in range(nrows - 2):
        rows.append([rng.choice(WORDS), num(rng), num(rng), rng.choice(WORDS)])
    # Last row: "合计" spans the first two columns, the remark is empty.
    rows.append(["合计", "", num(rng), ""])
    text_at(c, x0, top_y(100), "表二 底色上的白线")
    tw = sum(cols)
    c.setFillColorRGB(0.82, 0.9, 0.78)
    c.rect(x0, top_y(yt + nrows * rh), tw, nrows * rh, stroke=0, fill=1)
    c.setStrokeColorRGB(1, 1, 1)
    c.setLineWidth(1.5)
    for r in range(1, nrows):
        c.line(x0, top_y(yt + r * rh), x0 + tw, top_y(yt + r * rh))
    x = x0
    for i, w in enumerate(cols[:-1]):
        x += w
        # No white line inside the spanning "合计" cell.
        bottom = yt + (nrows - 1) * rh if i == 0 else yt + nrows * rh
        c.line(x, top_y(yt), x, top_y(bottom))
    c.setFillColorRGB(0, 0, 0)
    for r, row in enumerate(rows):
        x = x0
        for k, w in enumerate(cols):
            text_at(c, x + 4, top_y(yt + r * rh + 16), row[k])
            x += w
    # A white line on the white page, across a paragraph and a few words set
    # in columns: no rule, no table.
    yb = yt + nrows * rh + 60
    text_at(c, x0, top_y(yb), "说明：本表数据来源于年度决算，白线不是表格线。")
    c.setStrokeColorRGB(1, 1, 1)
    c.line(x0, top_y(yb + 8), x0 + tw, top_y(yb + 8))
    c.line(x0 + 150, top_y(yb - 20), x0 + 150, top_y(yb + 30))
    c.setStrokeColorRGB(0, 0, 0)
    return [rows]


def ruled(c, x0, yt, cols, rhs, width=0.6):
    """Stroke a full grid; returns the bottom y (top-left origin)."""
    c.setStrokeColorRGB(0, 0, 0)
    c.setLineWidth(width)
    tw = sum(cols)
    y = yt
    ys = [yt]
    for h in rhs:
        y += h
        ys.append(y)
    for yy in ys:
        c.line(x0, top_y(yy), x0 + tw, top_y(yy))
    x = x0
    for w in [0] + cols:
        x += w
        c.line(x, top_y(yt), x, top_y(ys[-1]))
    return ys


def make_nested(c, rng):
    cols = [90, 110, 230]
    rhs = [24, 110, 24]
    x0, yt = 60, 120
    text_at(c, x0, top_y(100), "表三 嵌套表格")
    ys = ruled(c, x0, yt, cols, rhs)
    outer = [
        ["序号", "项目", "明细"],
        ["1", rng.choice(WORDS), "明细如下："],
        ["2", rng.choice(WORDS), num(rng)],
    ]
    for r, row in enumerate(outer):
        x = x0
        for k, w in enumerate(cols):
            text_at(c, x + 4, top_y(ys[r] + 16), row[k])
            x += w
    # Inner table inside cell (1, 2): below its text line, inset 8pt.
    ix = x0 + cols[0] + cols[1] + 8
    icols = [110, 100]
    irh = [20, 20, 20, 20]
    iyt = ys[1] + 24
    iys = ruled(c, ix, iyt, icols, irh, width=0.5)
    inner = [["指标", "数值"]]
    for _ in irh[1:]:
        inner.append([rng.choice(WORDS), num(rng)])
    for r, row in enumerate(inner):
        x = ix
        for k, w in enumerate(icols):
            text_at(c, x + 4, top_y(iys[r] + 14), row[k])
            x += w
    return [outer, inner]


def make_unruled_rows(c, rng):
    cols = [120, 80, 80, 100]
    x0, yt = 60, 120
    rh = 22
    text_at(c, x0, top_y(100), "表四 无横线的行")
    tw = sum(cols)
    rows = [["三级指标", "指标值", "实际值", "得分"]]
    # Entries of the first body row: col 0 of entry 1 wraps to two lines.
    entries = []
    for e in range(3):
        entries.append([rng.choice(WORDS), num(rng), num(rng), str(rng.randint(1, 20))])
    long0 = "".join(rng.sample(WORDS, 3))  # wider than the column: wraps
    entries[1][0] = long0
    # Body row 1 (unruled entries); body row 2: col 1 wraps (one cell, not split);
    # body row 3: every column a two-line label at paragraph leading.
    wrap1 = "".join(rng.sample(WORDS, 2))
    row2 = [rng.choice(WORDS), wrap1, num(rng), str(rng.randint(1, 20))]
    labels = [("年初", "预算数"), ("全年", "预算数"), ("全年", "执行数"), ("分", "值")]
    # Layout: heights.
    ys = [yt, yt + rh]
    # body row 1 height: entries one row pitch apart; entry 1 has two lines.
    lead = 13
    y = yt + rh
    entry_tops = []
    for e in range(3):
        entry_tops.append(y)
        y += rh + (lead if e == 1 else 0)
    ys.append(y)
    ys.append(y + rh + lead)  # row 2: two lines in col 1
    ys.append(ys[-1] + rh + lead)  # row 3: two-line labels
    c.setLineWidth(0.6)
    for yy in ys:
        if yy in entry_tops[1:]:
            continue
        c.line(x0, top_y(yy), x0 + tw, top_y(yy))
    x = x0
    for w in [0] + cols:
        x += w
        c.line(x, top_y(ys[0]), x, top_y(ys[-1]))

    def put_lines(k, ytop, lines):
        x = x0 + sum(cols[:k])
        for i, s in enumerate(lines):
            text_at(c, x + 4, top_y(ytop + 15 + i * lead), s)

    def wrap(s, w):
        out, cur = [], ""
        for ch in s:
            if pdfmetrics.stringWidth(cur + ch, FONT, SIZE) > w - 8:
                out.append(cur)
                cur = ch
            else:
                cur += ch
        return out + [cur]

    for k in range(4):
        put_lines(k, ys[0], [rows[0][k]])
    for e, ent in enumerate(entries):
        for k in range(4):
            put_lines(k, entry_tops[e], wrap(ent[k], cols[k]))
    for k in range(4):
        put_lines(k, ys[2], wrap(row2[k], cols[k]))
    for k in range(4):
        put_lines(k, ys[3], list(labels[k]))
    assert len(wrap(long0, cols[0])) == 2 and len(wrap(wrap1, cols[1])) == 2
    rows += entries
    rows.append(row2)
    rows.append(["".join(p) for p in labels])
    return [rows]


def make_rotated(c, rng):
    text_at(c, 60, top_y(60), "表五 旋转的表格")
    # More upright text than the table holds: the page itself stays upright.
    para = "".join(rng.choice(WORDS) for _ in range(120))
    per = 40
    for i in range(0, len(para), per):
        text_at(c, 250, top_y(100 + (i // per) * 16), para[i:i + per][:20])
        text_at(c, 250, top_y(500 + (i // per) * 16), para[i:i + per][20:])
    cols = [110, 90, 90, 90, 110]
    nrows = rng.randint(5, 7)
    rh = 22
    rows = [["项目", "年初预算", "全年预算", "执行数", "执行率"]]
    for _ in range(nrows - 1):
        rows.append([rng.choice(WORDS)] + [num(rng) for _ in cols[1:]])
    # The table drawn turned 90 degrees counter-clockwise: text runs up.
    c.saveState()
    c.translate(120, 180)
    c.rotate(90)
    tw = sum(cols)
    c.setLineWidth(0.6)
    # In the turned frame: x to the right (up the page), y up (left on the page).
    for r in range(nrows + 1):
        c.line(0, -r * rh, tw, -r * rh)
    x = 0
    for w in [0] + cols:
        x += w
        c.line(x, 0, x, -nrows * rh)
    for r, row in enumerate(rows):
        x = 0
        for k, w in enumerate(cols):
            c.setFont(FONT, SIZE)
            c.drawString(x + 4, -r * rh - 15, row[k])
            x += w
    c.restoreState()
    return [rows]


MAKERS = {
    "filled": make_filled,
    "white_lines": make_white_lines,
    "nested": make_nested,
    "unruled_rows": make_unruled_rows,
    "rotated": make_rotated,
}


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    seed = 10
    if "--seed" in sys.argv:
        seed = int(sys.argv[sys.argv.index("--seed") + 1])
        args = [a for a in args if a != str(seed)]
    out = args[0] if args else os.path.join(os.path.dirname(__file__), "..", "pdf")
    os.makedirs(out, exist_ok=True)
    for i, (name, make) in enumerate(MAKERS.items()):
        rng = random.Random(seed * 100 + i)
        path = os.path.join(out, f"grid_{name}.pdf")
        c = canvas.Canvas(path, pagesize=A4, invariant=1)
        c.setTitle(f"grid {name}")
        tables = make(c, rng)
        c.showPage()
        c.save()
        cls = name.replace("_", " ")
        with open(os.path.join(out, f"grid_{name}.expected.json"), "w", encoding="utf-8") as f:
            json.dump({"class": cls, "tables": tables}, f, ensure_ascii=False, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
