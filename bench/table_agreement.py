#!/usr/bin/env python3
"""Cell agreement of `jixiao tables` and pdfplumber `extract_tables()` against
the expected tables of camelot's and pdfplumber's own test suites, and of this
repo's generated grid samples (samples/pdf/grid_*.pdf), per case class.

Usage:
    python3 bench/table_agreement.py [--jixiao target/release/jixiao]
        [--camelot DIR] [--pdfplumber DIR] [--json OUT]

DIR defaults: /tmp/pdfgrid/camelot-dev+camelot and /tmp/pdfgrid/jsvine+pdfplumber,
each a checkout of the repository (only its tests/ folder is read). Get them with
    git --git-dir=<mirror> archive HEAD tests | tar -x -C DIR
(camelot: github.com/camelot-dev/camelot, pdfplumber: github.com/jsvine/pdfplumber;
both MIT; their files are not copied into this repo).

Metric (cell agreement). An expected table is a list of rows of strings; a cell
that is '' or None is not counted. Text is normalised by removing all white
space and lower-casing. A tool's table is laid out as a row × column array with
a spanning cell's text at its top-left slot (camelot's default `shift_text`)
and '' elsewhere. For each expected table, every table the tool finds on the
same page and every origin offset (dr, dc) in -3..3 is tried; the agreement of
that table is the share of expected non-empty cells whose normalised text
equals the tool's at (row + dr, col + dc); the best table and offset count.
A sparse expectation (a few cells, rows counted from the end with negative
indices) is scored the same way without offsets. A class's figure is the sum
of agreeing cells over the sum of expected cells (micro average).
"""

import argparse
import csv
import json
import os
import subprocess
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def norm(s):
    if s is None:
        return ""
    return "".join(str(s).split()).lower()


# ---------------------------------------------------------------------------
# Cases: (class, suite, pdf path, page (1-based), expected tables)
# An expected table is {"rows": [[...]]} or {"cells": [(r, c, text)]} (sparse).


def issue466_table(k):
    rows = [[f"T{k}-C{c}" for c in range(3)]]
    for r in range(3):
        rows.append(
            [f"T{k}-{r}{c}" + ("-last" if r == 2 else "") for c in range(3)]
        )
    return {"rows": rows}


# The inner table of camelot's tableception.pdf (a ruled table inside a
# "Comments" cell), transcribed from `pdftotext -layout`.
TABLECEPTION_INNER = [
    ["Name of village", "HI", "BI"],
    ["Kumbhkot", "61.11", "77.77"],
    ["Saatalkheri", "60.00", "65.00"],
    ["Lakhariya", "50.00", "61.11"],
    ["Zulmi", "54.16", "66.66"],
    ["Kola Ahiraan", "58.33", "70.83"],
    ["Islaampura", "55.00", "70.00"],
]


def suite_cases(camelot_dir, plumber_dir):
    cases = []
    if camelot_dir and os.path.isdir(camelot_dir):
        sys.path.insert(0, os.path.join(camelot_dir, "tests"))
        import data as cd  # camelot's tests/data.py: expected tables

        f = os.path.join(camelot_dir, "tests", "files")
        t = lambda rows: {"rows": rows}  # noqa: E731
        cases += [
            ("ruled", "camelot", os.path.join(f, "tabula/icdar2013-dataset/competition-dataset-us/us-030.pdf"), 2, [t(cd.data_lattice)]),
            ("ruled", "camelot", os.path.join(f, "twotables_2.pdf"), 1, [t(cd.data_lattice_two_tables_1), t(cd.data_lattice_two_tables_2)]),
            ("ruled", "camelot", os.path.join(f, "column_span_2.pdf"), 1, [t(cd.data_lattice_shift_text_left_top)]),
            ("ruled", "camelot", os.path.join(f, "tabula/arabic.pdf"), 1, [t(cd.data_arabic)]),
            ("filled", "camelot", os.path.join(f, "background_lines_1.pdf"), 1, [t(cd.data_lattice_process_background)]),
            ("nested", "camelot", os.path.join(f, "tableception.pdf"), 1, [t(TABLECEPTION_INNER)]),
            ("rotated", "camelot", os.path.join(f, "clockwise_table_1.pdf"), 1, [t(cd.data_lattice_table_rotated)]),
            ("rotated", "camelot", os.path.join(f, "anticlockwise_table_1.pdf"), 1, [t(cd.data_lattice_table_rotated)]),
        ]
        # docs/benchmark/lattice: camelot's published benchmark, its own output
        # (CSV) as the reference (the background_lines PDFs are grids drawn
        # with filled cells and white lines).
        bench = os.path.join(camelot_dir, "docs", "benchmark", "lattice")
        klass = {"background_lines_1": "filled", "background_lines_2": "filled", "rotated": "rotated"}
        if os.path.isdir(bench):
            for name in sorted(os.listdir(bench)):
                d = os.path.join(bench, name)
                pdf = os.path.join(d, name + ".pdf")
                csvs = sorted(x for x in os.listdir(d) if "-data-camelot-page-1-table-" in x)
                if os.path.exists(pdf) and csvs:
                    exp = [t(list(csv.reader(open(os.path.join(d, x), encoding="utf-8")))) for x in csvs]
                    cases.append((klass.get(name, "ruled"), "camelot-bench", pdf, 1, exp))
    if plumber_dir and os.path.isdir(plumber_dir):
        p = os.path.join(plumber_dir, "tests", "pdfs")
        cases += [
            # test_table.py::test_edges_strict: the last row.
            ("ruled", "pdfplumber", os.path.join(p, "issue-140-example.pdf"), 1,
             [{"cells": [(-1, c, v) for c, v in enumerate(["", "0085648100300", "CENTRAL KMA", "LILYS 55% DARK CHOC BAR", "415", "$ 0.61", "$ 253.15", "0.0000", ""])]}]),
            # test_table.py::test_table_curves: t[-2][-2] == "Uncommon".
            ("ruled", "pdfplumber", os.path.join(p, "table-curves-example.pdf"), 1, [{"cells": [(-2, -2, "Uncommon")]}]),
            # test_table.py::test_issue_466_mixed_strategy: four 4 x 3 tables,
            # T0 fully ruled, T1 without horizontal rules, T2 without vertical
            # rules, T3 "light" (rules only around the header).
            ("ruled", "pdfplumber", os.path.join(p, "issue-466-example.pdf"), 1, [issue466_table(0)]),
            ("unruled rows", "pdfplumber", os.path.join(p, "issue-466-example.pdf"), 1, [issue466_table(k) for k in (1, 2, 3)]),
        ]
    return cases


def own_cases():
    """This repo's generated grid samples: each has an `.expected.json` beside it
    ({"class": ..., "tables": [rows, ...]}) written by its generator."""
    out = []
    d = os.path.join(REPO, "samples", "pdf")
    for name in sorted(os.listdir(d)):
        if name.startswith("grid_") and name.endswith(".pdf"):
            exp = os.path.join(d, name[:-4] + ".expected.json")
            if os.path.exists(exp):
                e = json.load(open(exp, encoding="utf-8"))
                out.append((e["class"], "own", os.path.join(d, name), 1, [{"rows": r} for r in e["tables"]]))
    return out


# ---------------------------------------------------------------------------
# Tools


def jixiao_tables(exe, path):
    r = subprocess.run([exe, "tables", path], capture_output=True, text=True, timeout=300)
    if r.returncode != 0:
        return {}
    by_page = defaultdict(list)
    for g in json.loads(r.stdout or "[]"):
        arr = [["" for _ in range(g["cols"])] for _ in range(g["rows"])]
        for c in g["cells"]:
            if c["row"] < g["rows"] and c["col"] < g["cols"]:
                arr[c["row"]][c["col"]] = c.get("text") or ""
        page = (g.get("pages") or [1])[0]
        by_page[page].append(arr)
    return by_page


def plumber_tables(path, page):
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        if page > len(pdf.pages):
            return []
        return [[[c or "" for c in row] for row in t] for t in pdf.pages[page - 1].extract_tables()]


def score_rows(exp, arr):
    cells = [(r, c, v) for r, row in enumerate(exp) for c, v in enumerate(row) if norm(v)]
    best = 0
    for dr in range(-3, 4):
        for dc in range(-3, 4):
            n = 0
            for r, c, v in cells:
                rr, cc = r + dr, c + dc
                if 0 <= rr < len(arr) and 0 <= cc < len(arr[rr]) and norm(arr[rr][cc]) == norm(v):
                    n += 1
            best = max(best, n)
    return best, len(cells)


def score_sparse(cells, arr):
    n = 0
    total = 0
    for r, c, v in cells:
        if not norm(v):
            continue
        total += 1
        if arr and -len(arr) <= r < len(arr):
            row = arr[r]
            if -len(row) <= c < len(row) and norm(row[c]) == norm(v):
                n += 1
    return n, total


def score(expected, tables):
    got = total = 0
    for e in expected:
        best = 0
        t = 0
        for arr in tables or [[]]:
            n, t = score_rows(e["rows"], arr) if "rows" in e else score_sparse(e["cells"], arr)
            best = max(best, n)
        got += best
        total += t
    return got, total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jixiao", default=os.path.join(REPO, "target", "release", "jixiao"))
    ap.add_argument("--camelot", default="/tmp/pdfgrid/camelot-dev+camelot")
    ap.add_argument("--pdfplumber", default="/tmp/pdfgrid/jsvine+pdfplumber")
    ap.add_argument("--json", help="write per-case figures here")
    ap.add_argument("--no-own", action="store_true", help="skip samples/pdf/grid_*.pdf")
    a = ap.parse_args()
    cases = suite_cases(a.camelot, a.pdfplumber) + ([] if a.no_own else own_cases())
    per_class = defaultdict(lambda: [0, 0, 0])  # jixiao got, plumber got, total
    rows = []
    cache = {}
    for cls, suite, path, page, expected in cases:
        if path not in cache:
            cache[path] = jixiao_tables(a.jixiao, path)
        jg, total = score(expected, cache[path].get(page, []))
        pg, _ = score(expected, plumber_tables(path, page))
        key = (cls, suite)
        per_class[key][0] += jg
        per_class[key][1] += pg
        per_class[key][2] += total
        rows.append({"class": cls, "suite": suite, "file": os.path.basename(path), "page": page,
                     "cells": total, "jixiao": jg, "pdfplumber": pg})
        print(f"{cls:13} {suite:10} {os.path.basename(path):28} p{page}  cells {total:4}  jixiao {jg / max(total, 1):.3f}  pdfplumber {pg / max(total, 1):.3f}")
    print()
    print(f"{'class':13} {'suite':10} {'cells':>6} {'jixiao':>7} {'pdfplumber':>10}")
    for (cls, suite), (jg, pg, total) in sorted(per_class.items()):
        print(f"{cls:13} {suite:10} {total:6} {jg / max(total, 1):7.3f} {pg / max(total, 1):10.3f}")
    if a.json:
        json.dump(rows, open(a.json, "w"), indent=1)


if __name__ == "__main__":
    main()
