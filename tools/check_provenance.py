#!/usr/bin/env python3
"""Check `jixiao extract --provenance` against the source, independently of
jixiao's own page model (a hand check; the tests need no poppler).

  python3 tools/check_provenance.py [--jixiao target/release/jixiao] FILE...

For every funds value, fund source, indicator and task of every record:
  * cells: its (table, row, col) names a cell of `jixiao tables FILE` (the
    cell's top-left slot) whose text holds the value (the name within the
    text; for a number, the number the text shows, or 100x for a
    spreadsheet's 0.9653 shown as 96.53);
  * boxes (PDFs, needs poppler-utils): the words of `pdftotext -bbox` whose
    centres lie inside its box on its page spell the value the same way
    (NFKC; GBK bytes poppler shows as Latin-1 in a WinAnsi font decoded).
Prints the counts and the first misses."""
import argparse
import html
import json
import re
import subprocess
import unicodedata


def number(text):
    t = re.sub(r"[^0-9.\-]", "", unicodedata.normalize("NFKC", text))
    try:
        return float(t)
    except ValueError:
        return None


def holds(text, value):
    if isinstance(value, str):
        return re.sub(r"\s", "", value) in re.sub(r"\s", "", unicodedata.normalize("NFKC", text)) \
            or re.sub(r"\s", "", value) in re.sub(r"\s", "", text)
    n = number(text)
    tol = 1e-6 * max(1.0, abs(value))
    return n is not None and (abs(n - value) < tol or abs(n * 100 - value) < tol)


def positions(r):
    out = [(k, p, r["funds"][k[len("funds."):]]) for k, p in (r.get("provenance") or {}).items()]
    for lst, key in (("fund_sources", "label"), ("indicators", "name"), ("tasks", "name")):
        out += [(f"{lst}[{i}]", x.get("provenance"), x[key]) for i, x in enumerate(r[lst])]
    return out


def pdf_words(pdf):
    xml = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True).stdout
    pages = []
    for pg in re.findall(r"<page[^>]*>(.*?)</page>", xml, re.S):
        pages.append([(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', pg)])
    return pages


def box_text(words, b):
    text = "".join(w[4] for w in words
                   if b[0] <= (w[0] + w[2]) / 2 <= b[2] and b[1] <= (w[1] + w[3]) / 2 <= b[3])
    try:
        text = text.encode("cp1252").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    return unicodedata.normalize("NFKC", text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jixiao", default="target/release/jixiao")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    counts = {"cells": [0, 0], "boxes": [0, 0]}
    misses = []
    files = 0
    for f in a.files:
        out = subprocess.run([a.jixiao, "extract", "--provenance", "--in-process", f],
                             capture_output=True, text=True).stdout
        records = [json.loads(l) for l in out.splitlines() if l.strip()]
        if not records:
            continue
        files += 1
        grids = json.loads(subprocess.run([a.jixiao, "tables", f], capture_output=True, text=True).stdout)
        pages = pdf_words(f) if f.lower().endswith(".pdf") else None
        for r in records:
            for what, p, value in positions(r):
                counts["cells"][1] += 1
                if not p:
                    misses.append((f, what, value, "no provenance"))
                    continue
                cell = next((c for c in grids[p["table"]]["cells"]
                             if c["row"] == p["row"] and c["col"] == p["col"]), None)
                ok = cell is not None and holds(cell["text"], value)
                counts["cells"][0] += ok
                if not ok:
                    misses.append((f, what, value, "cell", cell and cell["text"][:60]))
                if pages is not None:
                    counts["boxes"][1] += 1
                    t = box_text(pages[p["page"] - 1], p["box"]) if p.get("box") else ""
                    ok = holds(t, value)
                    counts["boxes"][0] += ok
                    if not ok:
                        misses.append((f, what, value, "box", t[:60]))
    print(f"{files} files: {counts['cells'][0]}/{counts['cells'][1]} positions name a cell holding "
          f"the value; {counts['boxes'][0]}/{counts['boxes'][1]} PDF boxes hold it per pdftotext -bbox")
    for m in misses[:20]:
        print("  ", m)


if __name__ == "__main__":
    main()
