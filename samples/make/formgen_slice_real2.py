#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""A slice of the formgen corpus holding the layouts of the second real-forms audit, for
tests/formgen.rs (tests/data/formgen_real2/): the first file of the corpus that shows each
marker below, its text dump and its truth (written by formgen from its own data).

  python3 samples/make/formgen_slice_real2.py [--seed 5] [--out tests/data/formgen_real2]
"""
import argparse
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import formgen  # noqa: E402

# marker text in the dump -> why the file is in the slice
MARKERS = [
    ('\n年度总体目标完成情况\t', 'a goal label that reads as a goal column'),
    ('指标1：/', 'a numbered place whose name is a slash'),
    ('未完成原因和改进措施', 'a note column headed 未完成原因和改进措施'),
    ('年度绩效目标1（40分）\t一级指标', "湖北's goal-block label on the indicator header row"),
    ('预算资金\t年初预算数', "重庆's 预算资金 sub-label"),
    ('预算部门、单位名称', "湖南's values inside label cells"),
    ('部门整体支出总额', "湖北's department form"),
    ('转移支付（项目）名称', 'a transfer-payment name label'),
    ('全年实际完成情况', 'an achieved-goal column 全年实际完成情况'),
    ('天以内', 'a target bounded after its unit'),
    ('（20XX年度）', 'a blank template year line'),
    ('(20  年度)', 'a blank template year line with spaces'),
    ('\n项目资金\t', 'a funds label with no unit, none stated elsewhere'),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, default=5)
    ap.add_argument('--n', type=int, default=300)
    ap.add_argument('--out', default='tests/data/formgen_real2')
    a = ap.parse_args()
    docs = formgen.generate(a.n, a.seed)
    picked = {}
    for marker, why in MARKERS:
        for doc in docs:
            if marker in formgen.render_text(doc):
                picked.setdefault(doc.name, (doc, []))[1].append(why)
                break
        else:
            print('no file shows', marker, file=sys.stderr)
    if os.path.isdir(a.out):
        shutil.rmtree(a.out)
    os.makedirs(a.out)
    with open(os.path.join(a.out, 'truth.jsonl'), 'w', encoding='utf-8') as tf:
        for name in sorted(picked):
            doc, whys = picked[name]
            with open(os.path.join(a.out, name), 'w', encoding='utf-8') as f:
                f.write(formgen.render_text(doc))
            for rec in formgen.truth_records(doc, name):
                tf.write(json.dumps(rec, ensure_ascii=False) + '\n')
    with open(os.path.join(a.out, 'README.md'), 'w', encoding='utf-8') as f:
        f.write(f'A slice of the formgen corpus (`python3 samples/make/formgen_slice_real2.py --seed {a.seed}`):\n'
                'the first file showing each layout of the second real-forms audit, with the truth the\n'
                'generator wrote from its own data. `tests/formgen.rs` checks that jixiao gives it exactly.\n\n')
        for name in sorted(picked):
            f.write(f'- `{name}`: ' + '; '.join(picked[name][1]) + '\n')
    print(len(picked), 'files')


if __name__ == '__main__':
    main()
