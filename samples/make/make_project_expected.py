"""Expected records (tests/expected/forms/NAME.expected.json) for the project forms and the
volumes, made from the data module project_forms.py (never from an extractor), following the
rules of shared/SPEC.md:

- numbers: commas dropped, `—` / empty -> null, percentages in percent; integral numbers are
  written as JSON integers (as in examples/seed.expected.json);
- Measure: raw as printed (a split 四川 target: 指标性质 + 指标值 + 度量单位 joined), op from
  ≥ ≤ ＞ ＜ (and their words; `=` and `定性` are no comparison, so op null), value/unit only
  for `[op] number [unit-without-digits]`, unit NFKC-normalised;
- met: computed by the SPEC rules AND written by hand in the data module; they must agree;
- warnings: `met_undetermined` (field indicators[i].met) and `funds_inconsistent` (field
  funds.execution_rate or fund_sources[i].execution_rate) as the rules give them.
Placeholder rows (`指标2：`) and the `注：` row are not indicators. Only the record keys that can
be derived by hand are written: no sha256, no `extra`, no `tables`; warnings carry code and
field (the message wording is free).

  python3 make_project_expected.py [OUTDIR]   (default tests/expected/forms)"""
import json
import pathlib
import re
import subprocess
import sys
import unicodedata
import project_forms as P

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent

# sample file -> (form key, format, pages)
SAMPLES = {
    'project_national_docx': ('national', 'samples/pdf/project_national_docx.pdf', 'pdf', [1, 1]),
    'project_sichuan_reportlab': ('sichuan', 'samples/pdf/project_sichuan_reportlab.pdf', 'pdf', [1, 1]),
    'project_yuan_gbk': ('yuan', 'samples/pdf/project_yuan_gbk.pdf', 'pdf', [1, 1]),
    'project_national_2022': ('national', 'samples/text/project_national_2022.txt', 'text', None),
    'project_sichuan': ('sichuan', 'samples/text/project_sichuan.txt', 'text', None),
    'project_yuan': ('yuan', 'samples/text/project_yuan.txt', 'text', None),
}

# the volumes: (kind, form) in P.VOLUME order -> pages; checked against pdftotext below
VOLUME_PAGES = [None, [2, 3], [4, 4], [5, 5], [6, 6], [7, 7]]
VOLUMES = ['volume_docx', 'volume_reportlab']

OPS = [('≥', '>='), ('＞＝', '>='), ('>=', '>='), ('不低于', '>='), ('不少于', '>='),
       ('≤', '<='), ('＜＝', '<='), ('<=', '<='), ('不高于', '<='), ('不超过', '<='),
       ('＞', '>'), ('>', '>'), ('高于', '>'), ('＜', '<'), ('<', '<'), ('低于', '<')]


def num(x):
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x


def number(cell):
    t = cell.strip()
    if t in ('', '-', '—', '／', '/'):
        return None
    t = unicodedata.normalize('NFKC', t).replace(',', '')
    if t.endswith('%'):
        t = t[:-1]
    return num(float(t))


def measure(raw):
    if raw.strip() == '':
        return None
    t = raw.strip()
    op = None
    for w, o in OPS:
        if t.startswith(w):
            op, t = o, t[len(w):].strip()
            break
    n = unicodedata.normalize('NFKC', t).replace(',', '')
    m = re.fullmatch(r'(\d+(?:\.\d+)?)\s*(\D*)', n)
    if m:
        unit = m.group(2).strip() or None
        return {'raw': raw, 'op': op, 'value': num(float(m.group(1))), 'unit': unit}
    return {'raw': raw, 'op': op, 'value': None, 'unit': None}


def met_of(tg, ac):
    """SPEC.md's met rule; None = undetermined (gets a warning)."""
    if tg is None or ac is None:
        return None
    tv, av = tg['value'], ac['value']
    if tv is not None and av is not None and tg['unit'] == ac['unit']:
        op = tg['op']
        if op == '>=':
            return av >= tv
        if op == '<=':
            return av <= tv
        if op == '>':
            return av > tv
        if op == '<':
            return av < tv
        return av == 0 if tv == 0 else av >= tv
    norm = lambda s: re.sub(r'\s+', '', unicodedata.normalize('NFKC', s))
    if tv is None and av is None and norm(tg['raw']) == norm(ac['raw']):
        return True
    return None


def rate_ok(stated_cell, actual, budget):
    """Within half a unit of the stated rate's last shown decimal."""
    if stated_cell in ('', '—') or budget in (None, 0) or actual is None:
        return True
    t = stated_cell.rstrip('%')
    decimals = len(t.split('.')[1]) if '.' in t else 0
    return abs(float(t) - actual / budget * 100) <= 0.5 * 10 ** -decimals + 1e-9


def level1(s):
    return re.sub(r'[（(]\s*\d+(\.\d+)?\s*分\s*[）)]$', '', s).strip()


def record(key):
    d = P.FORMS[key].data
    warnings = []
    ft = d['funds_total']
    if key == 'sichuan':   # label, initial, annual, actual, rate, weight, score
        init, annual, actual, rate, weight, score = ft[1:7]
    else:                  # label, initial, annual, actual, weight, rate, score
        init, annual, actual, weight, rate, score = ft[1:7]
    funds = {'initial_budget': number(init), 'annual_budget': number(annual), 'actual': number(actual),
             'execution_rate': number(rate), 'weight': number(weight), 'score': number(score)}
    if not rate_ok(rate, number(actual), number(annual)):
        warnings.append({'code': 'funds_inconsistent', 'field': 'funds.execution_rate'})
    sources = []
    src_map = {'当年财政拨款': 'appropriation', '本年财政拨款': 'appropriation', '财政资金': 'appropriation',
               '上年结转资金': 'carried_over', '财政专户管理资金': 'special_account', '单位资金': 'unit',
               '其他资金': 'other'}
    for i, row in enumerate(d['fund_sources']):
        label = re.sub(r'^其中[:：]', '', row[0]).rstrip(':：')
        s_rate = row[4] if key == 'sichuan' else row[5]
        sources.append({'source': src_map.get(label), 'label': label, 'initial_budget': number(row[1]),
                        'annual_budget': number(row[2]), 'actual': number(row[3]),
                        'execution_rate': number(s_rate)})
        if not rate_ok(s_rate, number(row[3]), number(row[2])):
            warnings.append({'code': 'funds_inconsistent', 'field': 'fund_sources[%d].execution_rate' % i})
    inds = []
    for ind in d['indicators']:
        if key == 'sichuan':
            l1, l2, name, sign, val, unit, act, w, sc, hand_met, note = ind
            if hand_met == 'placeholder':
                continue
            # SPEC: only a comparison (or `=`) joins raw; a nature word (定性, 正向) is in no Measure
            tg = measure((sign if sign in dict(OPS) or sign in ('=', '＝') else '') + val + unit)
            # split target: the three cells give op / value / unit directly
            tg['op'] = dict(OPS).get(sign)
            tg['value'] = number(val) if re.fullmatch(r'[\d.,]+', val) else None
            tg['unit'] = unicodedata.normalize('NFKC', unit) or None if tg['value'] is not None else None
        else:
            l1, l2, name, tgt, act, w, sc, hand_met, note = ind
            tg = measure(tgt)
        ac = measure(act)
        met = met_of(tg, ac)
        assert met == hand_met, (key, name, met, hand_met)
        if met is None:
            warnings.append({'code': 'met_undetermined', 'field': 'indicators[%d].met' % len(inds)})
        inds.append({'level1': level1(l1), 'level2': l2, 'name': name, 'target': tg, 'actual': ac,
                     'weight': number(w), 'score': number(sc), 'met': met, 'note': note or None})
    assert sum(i['weight'] for i in inds) + funds['weight'] == number(d['total'][1])
    assert abs(sum(i['score'] for i in inds) + funds['score'] - number(d['total'][2])) < 1e-9
    order = {'funds_inconsistent': 0, 'met_undetermined': 1}
    warnings.sort(key=lambda w: order[w['code']])
    return {
        'schema': 'jixiao/1',
        'form': 'project',
        'title': d['title'],
        'year': d['year'],
        'department': d['department'],
        'project': d['project'],
        'implementer': d['implementer'],
        'unit': d['unit'],
        'funds': funds,
        'fund_sources': sources,
        'goal': {'expected': d['goal_expected'], 'achieved': d['goal_achieved']},
        'indicators': inds,
        'tasks': [],
        'total_score': number(d['total'][2]),
        'grade': d['grade'][1],
        'problems': None,
        'improvements': None,
        'warnings': warnings,
    }


def volume(name):
    pdf = ROOT / 'samples' / 'pdf' / (name + '.pdf')
    text = subprocess.run(['pdftotext', '-enc', 'UTF-8', str(pdf), '-'], capture_output=True,
                          check=True).stdout.decode('utf-8')
    pages = [re.sub(r'\s+', '', p) for p in text.split('\f')]
    out = []
    for (kind, form), pg in zip(P.VOLUME, VOLUME_PAGES):
        if kind == 'prose':
            assert P.PROSE_HEADING in pages[0], name
            continue
        # each form starts on its page (title + a text only it has) and not earlier
        mark = re.sub(r'\s+', '', {P.DEPARTMENT: '广州市黄埔区人民政府永和街道办事处', P.SUMMARY: '本年收入合计'}.get(
            form) or form.data['project'])
        title = re.sub(r'\s+', '', form.title)
        assert title in pages[pg[0] - 1] and mark in ''.join(pages[pg[0] - 1:pg[1]]), (name, form.name, pg)
        assert mark not in ''.join(pages[:pg[0] - 1]) and mark not in ''.join(pages[pg[1]:]), (name, form.name, pg)
        if form is P.DEPARTMENT:
            r = {'form': 'department_overall', 'title': form.title, 'year': 2021,
                 'department': '广州市黄埔区人民政府永和街道办事处', 'project': None}
        elif form is P.SUMMARY:
            r = {'form': 'unknown', 'title': form.title, 'year': None, 'department': None, 'project': None}
        else:
            d = form.data
            r = {'form': 'project', 'title': d['title'], 'year': d['year'], 'department': d['department'],
                 'project': d['project']}
        r['pages'] = pg
        out.append(r)
    assert len([p for p in pages if p]) == VOLUME_PAGES[-1][1], (name, len(pages))
    return out


def write(path, obj):
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(obj, f, ensure_ascii=False, indent=2)
        f.write('\n')


def main(outdir):
    outdir = pathlib.Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    for name, (key, path, fmt, pages) in SAMPLES.items():
        r = record(key)
        r = dict(list(r.items())[:1] + [('source', {'path': path, 'format': fmt, 'pages': pages})]
                 + list(r.items())[1:])
        write(outdir / (name + '.expected.json'), r)
        print('wrote', outdir / (name + '.expected.json'), [w['code'] + ' ' + w['field'] for w in r['warnings']])
    for name in VOLUMES:
        write(outdir / (name + '.expected.json'), volume(name))
        print('wrote', outdir / (name + '.expected.json'))


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else ROOT / 'tests' / 'expected' / 'forms')
