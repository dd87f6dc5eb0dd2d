#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""formgen — randomised 绩效自评表 forms of every family, as format-neutral logical grids,
with the truth record written from the generator's own data (never from jixiao's output).

  python3 samples/make/formgen.py --out DIR --n 300 --seed 1

writes DIR/NNN_family.txt (tab-separated text dumps, like the seed), DIR/truth.jsonl (one
SPEC.md record per form, in file order) and DIR/tiers.json (path -> family).

THE GRID MODEL (shared with the PDF/HTML/DOCX/XLSX renderers of other helpers)
  Doc(name, family, forms)           one output file; 1-3 forms
  Form(blocks, truth)                blocks in reading order; truth = the SPEC record (dict)
  block = Text(text)                 a line outside any table (title, 单位：万元, 报表编号：…,
                                     附件1, notice paragraph, signature line)
        | Table(rows, widths=None)   rows: list of rows; each row lists the cells that START
                                     in that row, left to right (HTML-like); a cell covered by
                                     a rowspan from above is NOT repeated in later rows.
  Cell(text, rowspan=1, colspan=1)   text: str, or list[str] of lines inside the cell (a hard
                                     line break / paragraph each); '' is an empty cell.
  Table.matrix() -> list[list[(Cell, origin_row, origin_col) | None]] gives the full grid.
  Every row of a Table covers the same number of columns (Table.ncols).

Text-dump rendering (render_text): one line per grid row, cells joined by TAB; a position
covered by a span (from the left or from above) is an empty field, so a merged first-column
cell continues with a leading tab; multi-line cells are joined by SPEC's wrap rule (nothing
between CJK characters, one space otherwise); blank line between blocks.

Families (tiers.json): national, sichuan, special, hubei, yinchuan (project forms);
dept_seed, dept_nolabel, guizhou, chongqing, hunan, tianjin, hubei_dept (department forms);
rubric; lookalike.

As a module:  import formgen; docs = formgen.generate(300, seed=1)  (deterministic);
formgen.render_text(doc) -> str; formgen.truth_records(doc, path, fmt) -> [record];
doc.family; form.blocks as above. Layout choices drawn per form: label variants (TEMPLATES.md
§1.5 and SPEC §Forms), column orders, a funds values row without its row label, merged or
repeated level cells, 元 or 万元, a two-row 丽江 header, the section cell repeated after a page
break, an indicator header with an empty first cell, placeholders (指标2：, ……), printed 注：
notes, template text left in a cell, unfilled actuals, 报表编号 / 附件 / notice lines above the
title, 县级/市级 prefixes, （盖章） suffixes, spaces inside labels, traditional-character mirrors;
from the second real-forms audit: a goal label that reads as a goal column (年度总体目标完成情况),
湖北's goal-block label on the indicator header row, 重庆's 预算资金 sub-label and unit-only rows,
湖南's values inside label cells two a row (自评得分, 预算部门、单位名称), 湖北's department form,
转移支付（项目）名称, 全年实际完成情况, 指标1：/ placeholders, targets bounded after the unit (3天以内),
blank template year lines (（20XX年度）).
Decisions where SPEC is silent: a year line under the title joins the title; 四川's 评价结论 is a narrative, no grade (it goes to extra); 湖北's lone 年度财政资金总额 row is the
funds total; a form with no unit statement anywhere has unit null.
"""
import argparse
import json
import os
import random
import unicodedata


# ------------------------------------------------------------------ grid model
class Cell:
    def __init__(self, text='', rowspan=1, colspan=1):
        self.text = text
        self.rowspan = rowspan
        self.colspan = colspan

    def joined(self):
        return join_lines(self.text) if isinstance(self.text, list) else self.text


class Text:
    def __init__(self, text):
        self.text = text


class Table:
    def __init__(self, rows, widths=None):
        self.rows = rows
        self.widths = widths

    @property
    def ncols(self):
        return max(len(r) for r in self.matrix()) if self.rows else 0

    def matrix(self):
        grid = {}
        for r, row in enumerate(self.rows):
            c = 0
            for cell in row:
                while (r, c) in grid:
                    c += 1
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        grid[(r + dr, c + dc)] = (cell, r, c)
                c += cell.colspan
        nrows = len(self.rows)
        ncols = max((c for (_, c) in grid), default=-1) + 1
        return [[grid.get((r, c)) for c in range(ncols)] for r in range(nrows)]


class Form:
    def __init__(self, blocks, truth):
        self.blocks = blocks
        self.truth = truth


class Doc:
    def __init__(self, name, family, forms):
        self.name = name
        self.family = family
        self.forms = forms


def is_cjk(ch):
    return ord(ch) > 0x2E80


def join_lines(lines):
    out = ''
    for ln in lines:
        ln = ln.strip()
        if not out:
            out = ln
        elif ln and (is_cjk(out[-1]) or is_cjk(ln[0])):
            out += ln
        elif ln:
            out += ' ' + ln
    return out


def render_text(doc):
    out = []
    for form in doc.forms:
        for b in form.blocks:
            if isinstance(b, Text):
                out.append(b.text)
            else:
                m = b.matrix()
                for r, row in enumerate(m):
                    fields = []
                    for c, slot in enumerate(row):
                        if slot is None:
                            fields.append('')
                            continue
                        cell, r0, c0 = slot
                        fields.append(cell.joined() if (r0 == r and c0 == c) else '')
                    out.append('\t'.join(fields))
            out.append('')
    return '\n'.join(out) + '\n'


# ------------------------------------------------------------------ helpers
def pad(row, width):
    """Give the last cell a colspan so the row covers `width` columns."""
    used = sum(c.colspan for c in row)
    if used < width:
        row[-1].colspan += width - used
    return row


def money(rng, lo, hi):
    return round(rng.uniform(lo, hi), 2)


def fmt_money(x, sep):
    return f'{x:,.2f}' if sep else f'{x:.2f}'


def rate(actual, budget):
    return round(actual / budget * 100, 2) if budget else 0.0


def measure(raw, op, value, unit):
    return {'raw': raw, 'op': op, 'value': value, 'unit': unit}


OPS = [('≥', '>='), ('≤', '<='), ('>', '>'), ('<', '<')]
OP_WORDS = {'>=': ['≥', '>=', '＞＝', '不低于'], '<=': ['≤', '<=', '不高于'], '>': ['>', '＞'], '<': ['<', '＜']}

DEPTS = ['区教育局', '县卫生健康局', '市民政局', '区农业农村局', '县交通运输局', '市文化广电旅游局',
         '区人力资源和社会保障局', '县水利局', '市生态环境局', '区城市管理局', '县自然资源局', '街道办事处',
         '县林业局', '市司法局', '区住房和城乡建设局', '县应急管理局']
PLACES = ['永和', '青山', '东湖', '南岭', '西河', '北塘', '长乐', '安平', '清溪', '白沙', '云台', '金山']
PROJECT_KINDS = ['农村公路养护经费', '学生资助专项资金', '基层医疗卫生机构运行补助', '城乡环境卫生整治经费',
                 '高标准农田建设项目', '社区养老服务补助', '文化惠民演出经费', '河道保洁经费',
                 '义务教育薄弱环节改善项目', '就业创业补贴', '森林防火专项经费', '公共法律服务经费',
                 '乡村振兴衔接资金项目', '饮水安全巩固提升工程', '残疾人康复救助资金']

# (level1, level2, name, unit, kind) kind: num (amount with unit), pct, qual, date
INDICATOR_POOL = [
    ('产出指标', '数量指标', '养护里程', '公里', 'num'),
    ('产出指标', '数量指标', '资助学生人数', '人', 'num'),
    ('产出指标', '数量指标', '开展活动场次', '场', 'num'),
    ('产出指标', '数量指标', '新建改建设施数量', '处', 'num'),
    ('产出指标', '数量指标', '培训人次', '人次', 'num'),
    ('产出指标', '数量指标', '巡查次数', '次', 'num'),
    ('产出指标', '质量指标', '验收合格率', '%', 'pct'),
    ('产出指标', '质量指标', '资金发放准确率', '%', 'pct'),
    ('产出指标', '质量指标', '项目完成质量', None, 'qual'),
    ('产出指标', '时效指标', '资金拨付及时率', '%', 'pct'),
    ('产出指标', '时效指标', '项目完成时间', None, 'date'),
    ('产出指标', '成本指标', '人均补助标准', '元', 'num'),
    ('产出指标', '成本指标', '项目成本控制率', '%', 'pct'),
    ('效益指标', '经济效益指标', '带动群众增收', '万元', 'num'),
    ('效益指标', '社会效益指标', '群众出行条件', None, 'qual'),
    ('效益指标', '社会效益指标', '政策知晓率', '%', 'pct'),
    ('效益指标', '生态效益指标', '垃圾无害化处理率', '%', 'pct'),
    ('效益指标', '可持续影响指标', '长效管护机制', None, 'qual'),
    ('满意度指标', '服务对象满意度指标', '群众满意度', '%', 'pct'),
    ('满意度指标', '服务对象满意度指标', '受益对象满意度', '%', 'pct'),
]
QUAL = ['良好', '明显改善', '显著提升', '有效', '健全', '合格', '较好']

GOAL_PHRASES = ['完成年度工作任务', '保障项目按计划实施', '提升公共服务水平', '改善群众生产生活条件',
                '规范资金使用管理', '确保资金及时足额拨付', '推动辖区经济社会发展', '增强群众获得感和满意度',
                '加强绩效管理', '落实各项惠民政策', '巩固脱贫攻坚成果']
PROBLEMS = ['部分指标设置不够细化，量化程度不高。', '项目资金拨付进度偏慢，执行率有待提高。',
            '绩效目标与实际工作衔接不够紧密。', '部分项目前期准备不足，影响实施进度。']
IMPROVES = ['进一步细化绩效指标，提高指标的可衡量性。', '加快预算执行进度，提高资金使用效益。',
            '加强绩效运行监控，及时纠正偏差。', '强化结果应用，将评价结果作为预算安排的依据。']

TRAD = str.maketrans(
    '项资预执实际绩标级门称单评总体务问题进调额设达况满质时经济会态续响对财拨结转专户发划计内报'
    '编号长养护里场处规范机制业广电旅游农业乡镇区县市局数应当经费准确带动众增垃圾处万',
    '項資預執實際績標級門稱單評總體務問題進調額設達況滿質時經濟會態續響對財撥結轉專戶發劃計內報'
    '編號長養護裡場處規範機製業廣電旅遊農業鄉鎮區縣市局數應當經費準確帶動眾增垃圾處萬')


def goal_text(rng, n=2):
    return '，'.join(rng.sample(GOAL_PHRASES, n)) + '。'


# ------------------------------------------------------------------ indicators
def make_indicators(rng, n, total_weight, with_scores=True, nature_col=False, unit_col=False,
                    levels=True, pool=INDICATOR_POOL):
    """Indicator data: list of dicts with the cell texts and the truth indicator."""
    picks = rng.sample(pool, n)
    order = ['产出指标', '效益指标', '满意度指标']
    picks.sort(key=lambda p: (order.index(p[0]) if p[0] in order else 0, pool.index(p)))
    # integer weights summing to total_weight
    ws = [1] * n
    for _ in range(total_weight - n):
        ws[rng.randrange(n)] += 1
    out = []
    for (l1, l2, name, unit, kind), w in zip(picks, ws):
        d = {'level1': l1, 'level2': l2, 'name': name, 'weight': w}
        if kind == 'pct':
            tv = rng.choice([80, 85, 90, 95, 98, 100])
            opsym, op = rng.choice([('≥', '>='), ('≥', '>='), ('', None), ('≤', '<=')]) if tv < 100 else ('', None)
            av = rng.choice([tv, tv, min(100, tv + rng.randint(0, 5)), max(0, tv - rng.randint(1, 8))])
            tu, au = '%', '%'
        elif kind == 'num':
            tv = rng.choice([5, 10, 12, 20, 30, 50, 100, 120, 200, 500])
            opsym, op = rng.choice([('≥', '>='), ('', None), ('≤', '<=')])
            av = rng.choice([tv, tv + rng.randint(0, 10), max(0, tv - rng.randint(1, 4))])
            tu, au = unit, unit
        elif kind == 'qual':
            t = rng.choice(QUAL)
            a = t if rng.random() < 0.7 else rng.choice(QUAL)
            d.update(t_parts=('', t, ''), a_parts=(a, ''), target=measure(t, None, None, None),
                     actual=measure(a, None, None, None), met=True if a == t else None)
        else:  # date
            t = rng.choice(['2022年12月31日前', '年底前完成', '按时完成', '3天以内', '5个工作日以内'])
            a = rng.choice(['按时完成', '已完成', t])
            d.update(t_parts=('', t, ''), a_parts=(a, ''), target=measure(t, None, None, None),
                     actual=measure(a, None, None, None), met=True if a == t else None)
        if kind in ('pct', 'num'):
            tvs, avs = str(tv), str(av)
            if nature_col or unit_col:
                # split columns: sign | value | unit ; actual: bare number under the unit column
                sign_cell = opsym if opsym else rng.choice(['＝', '=', '定量', '正向'])
                raw_op = sign_cell if sign_cell in ('≥', '≤', '>', '<', '=', '＝') else ''
                d['t_parts'] = (sign_cell, tvs, tu)
                traw = raw_op + tvs + tu
                d['target'] = measure(traw, op, tv, unicodedata.normalize('NFKC', tu))
                d['a_parts'] = (avs, '')
                d['actual'] = measure(avs, None, av, unicodedata.normalize('NFKC', au))
            else:
                if opsym and rng.random() < 0.3:
                    opsym = rng.choice(OP_WORDS[op])
                traw = opsym + tvs + tu
                araw = avs + au
                d['t_parts'] = ('', traw, '')
                d['a_parts'] = (araw, '')
                d['target'] = measure(traw, op, tv, tu)
                d['actual'] = measure(araw, None, av, au)
            if op == '>=':
                met = av >= tv
            elif op == '<=':
                met = av <= tv
            elif op == '>':
                met = av > tv
            elif op == '<':
                met = av < tv
            elif tv == 0:
                met = av == 0
            else:
                met = av >= tv
            d['met'] = met
        if with_scores:
            full = d['met'] is True or rng.random() < 0.4
            d['score'] = w if full else round(w * rng.choice([0.5, 0.8, 0.9]), 1)
            if d['score'] == int(d['score']):
                d['score'] = int(d['score'])
        else:
            d['score'] = None
        if rng.random() < 0.03:
            # an actual value left unfilled, or written `无` (衡山: `100% | 无`)
            none_word = rng.random() < 0.3
            d['a_parts'] = ('无', '') if none_word else ('', '')
            d['actual'] = measure('无', None, None, None) if none_word else None
            d['met'] = None
        d['note'] = None if d['met'] is not False else rng.choice(['受天气影响进度滞后', '部分资金未及时到位', '实施周期延长'])
        out.append(d)
    return out


def truth_ind(d, level=True, weight=True, score=True, criteria=None, note=True):
    t = {'level1': d['level1'] if level else None, 'level2': d['level2'] if level else None,
         'name': d['name'], 'target': d.get('target'), 'actual': d.get('actual'),
         'weight': d['weight'] if weight else None, 'score': d['score'] if score else None,
         'met': d.get('met'), 'note': d.get('note') if note else None}
    if criteria is not None:
        t['criteria'] = criteria
    return t


def base_truth(form, title, year, unit):
    return {'form': form, 'title': title, 'year': year, 'department': None, 'project': None,
            'implementer': None, 'unit': unit, 'funds': {}, 'fund_sources': [], 'goal': None,
            'indicators': [], 'tasks': [], 'total_score': None, 'grade': None, 'problems': None,
            'improvements': None, 'warnings': []}


def amount_rows(rng, unit, n_src):
    """Budget figures of a total row and its 其中 rows (sources sum to the total)."""
    scale = 10000 if unit == '元' else 1
    srcs = []
    for _ in range(n_src):
        ini = round(money(rng, 5, 500) * scale, 2)
        ann = round(ini + rng.choice([0, 0, money(rng, 1, 50) * scale]), 2)
        act = round(ann * rng.uniform(0.85, 1.0), 2)
        srcs.append((ini, ann, act))
    tot = tuple(round(sum(s[i] for s in srcs), 2) for i in range(3))
    return tot, srcs


def name_label(rng, base, trad=False):
    lab = base
    r = rng.random()
    if r < 0.15:
        lab = ' '.join(base)
    elif r < 0.25:
        lab = base + '：'
    return lab


def level_prefix(rng):
    return rng.choice(['', '', '', '县级', '市级'])


# ------------------------------------------------------------------ project families
def project_form(rng, fam, year):
    unit = '元' if (fam == 'national' and rng.random() < 0.25) else '万元'
    sep = rng.random() < 0.4
    dept = rng.choice(PLACES) + rng.choice(DEPTS)
    proj = rng.choice(PLACES) + rng.choice(PROJECT_KINDS)
    impl = dept if rng.random() < 0.5 else rng.choice(PLACES) + rng.choice(DEPTS)
    blocks = []
    if fam == 'sichuan':
        title = f'部门预算项目支出绩效自评表({year}年度)'
        code = '5100002' + ''.join(rng.choice('0123456789') for _ in range(2)) + 'R' + ''.join(rng.choice('0123456789') for _ in range(12))
        if rng.random() < 0.5:
            proj = code + '-' + proj
    elif fam == 'special':
        title = rng.choice([f'{year}年度{rng.choice(["衔接资金", "专项资金"])}项目绩效目标自评表',
                            f'{year}年{rng.choice(PLACES)}县衔接资金项目绩效自评表'])
    elif fam == 'hubei':
        title = f'项目绩效自评表（{year}年度）'
    elif fam == 'yinchuan':
        title = f'银川市本级部门项目支出绩效自评表（{year}年度）'
    else:
        title = rng.choice([f'项目支出绩效自评表（{year}年度）', f'{year}年度项目支出绩效自评表',
                            f'财政项目支出绩效自评表（{year}年度）'])
    t = base_truth('project', title, year, unit)
    t.update(department=dept, project=proj, implementer=impl)
    if fam == 'sichuan' and rng.random() < 0.7:
        blocks.append(Text(f'报表编号:510000_0013zp'))
    if rng.random() < 0.15:
        blocks.append(Text(rng.choice(['附件1', '附件2：'])))
    if rng.random() < 0.15:
        blocks.append(Text(f'{dept}关于公开{year}年度项目支出绩效自评表的说明'))
    if fam == 'national' and rng.random() < 0.2:
        title = rng.choice(['项目支出绩效自评表', '财政项目支出绩效自评表'])
        # The year on a line of its own under the title is part of the title
        # (as in the one-line `…自评表（2021年度）`; the real-forms audit's truth).
        t['title'] = title + f'（{year}年度）'
        blocks += [Text(title), Text(f'（{year}年度）')]
    else:
        blocks.append(Text(title))
    unit_line = rng.random() < 0.6
    if unit_line:
        blocks.append(Text(rng.choice([f'单位：{unit}', f'金额单位：{unit}'])))
    W = 10 if fam in ('sichuan',) else 9
    # 丽江: 年度指标值 split into 指标性质 | 指标值 | 度量单位 under a two-row header
    split3 = fam == 'national' and rng.random() < 0.2
    if split3:
        W = 11
    rows = []
    # header fields
    pn = '项目名称' if fam != 'special' or rng.random() < 0.5 else rng.choice(['专项资金名称', '项目名称', '转移支付（项目）名称'])
    rows.append(pad([Cell(name_label(rng, pn)), Cell(proj)], W))
    if fam == 'special':
        rows.append(pad([Cell('项目负责人及电话'), Cell('张' + rng.choice('伟芳明华') + ' 0838-' + str(rng.randint(1000000, 9999999)))], W))
    if fam == 'hubei' and rng.random() < 0.5:
        rows.append(pad([Cell('填报日期'), Cell(f'{year + 1}年3月{rng.randint(1, 28)}日')], W))
    dl = level_prefix(rng) + '主管部门'
    il = rng.choice(['实施单位', '实施单位（盖章）', '项目实施单位']) if fam != 'hubei' else '项目实施单位'
    half = W // 2
    rows.append([Cell(name_label(rng, dl)), Cell(dept, colspan=half - 1), Cell(name_label(rng, il)), Cell(impl, colspan=W - half - 1)])
    # funds
    n_src = {'national': rng.randint(1, 3), 'sichuan': rng.randint(1, 4), 'special': 0,
             'hubei': 0, 'yinchuan': rng.choice([0, 0, 2])}[fam]
    tot, srcs = amount_rows(rng, unit, max(n_src, 1))
    fw = 10 if fam != 'hubei' else 20
    frate = rate(tot[2], tot[1])
    fscore = round(fw * frate / 100, 2)
    fmtm = lambda x: fmt_money(x, sep)
    if fam == 'national':
        names = rng.sample([('当年财政拨款', 'appropriation'), ('上年结转资金', 'carried_over'), ('其他资金', 'other')], n_src)
        names.sort(key=lambda x: ['appropriation', 'carried_over', 'other'].index(x[1]))
        if names and names[0][1] == 'appropriation' and rng.random() < 0.5:
            names[0] = ('本年财政拨款', 'appropriation')
        suff = rng.random() < 0.4
        no_ini = rng.random() < 0.25
        hdr = ['年初预算数', '全年预算数（A）' if suff else '全年预算数', '全年执行数（B）' if suff else '全年执行数',
               '分值', '执行率（B/A）' if suff else '执行率', '得分']
        keep = [1, 2, 3, 4, 5] if no_ini else [0, 1, 2, 3, 4, 5]
        hdr = [hdr[i] for i in keep]
        lab = rng.choice([f'项目资金（{unit}）', f'项目资金\n（{unit}）'])
        if not unit_line and rng.random() < 0.15:
            # 淮南: `项目资金` with no unit, and none stated anywhere else
            lab = '项目资金'
            t['unit'] = None
        lab = lab.split('\n') if '\n' in lab else lab
        blk = [[Cell(lab, rowspan=2 + n_src), Cell('')] + [Cell(h) for h in hdr]]
        tl = rng.choice(['年度资金总额', '年度资金总额：'])
        row6 = [fmtm(x) for x in tot] + [str(fw), f'{frate:.2f}%', f'{fscore}']
        blk.append([Cell(tl)] + [Cell(row6[i]) for i in keep])
        for i, (nm, code) in enumerate(names):
            s = srcs[i] if len(srcs) == n_src else srcs[0]
            lbl = ('其中：' if i == 0 else '') + nm
            r = rate(s[2], s[1])
            row6 = [fmtm(x) for x in s] + [rng.choice(['—', '-', '']), f'{r:.2f}%', rng.choice(['—', '-', ''])]
            blk.append([Cell(lbl)] + [Cell(row6[i]) for i in keep])
            t['fund_sources'].append({'source': code, 'label': nm, 'initial_budget': None if no_ini else s[0], 'annual_budget': s[1], 'actual': s[2], 'execution_rate': r})
        if n_src == 1:
            # one source equals the total
            pass
        rows += [pad(r, W) for r in blk]
        t['funds'] = {'initial_budget': tot[0], 'annual_budget': tot[1], 'actual': tot[2], 'weight': fw,
                      'execution_rate': frate, 'score': fscore}
        if no_ini:
            del t['funds']['initial_budget']
    elif fam == 'sichuan':
        names = [('财政资金', 'appropriation'), ('财政专户管理资金', 'special_account'), ('单位资金', 'unit'), ('其他资金', 'other')][:n_src]
        blk = [[Cell('预算执行情况（10分）', rowspan=2 + n_src), Cell('年度预算数（万元）'), Cell('年初预算'), Cell('调整后预算数'),
                Cell('预算执行数'), Cell('预算执行率'), Cell('权重'), Cell('得分'), Cell('原因')]]
        blk.append([Cell('总额')] + [Cell(fmtm(x)) for x in tot] + [Cell(f'{frate:.2f}%'), Cell(str(fw)), Cell(f'{fscore}'), Cell('')])
        for i, (nm, code) in enumerate(names):
            s = srcs[i]
            r = rate(s[2], s[1])
            blk.append([Cell(('其中：' if i == 0 else '') + nm)] + [Cell(fmtm(x)) for x in s] + [Cell(f'{r:.2f}%'), Cell(''), Cell(''), Cell('')])
            t['fund_sources'].append({'source': code, 'label': nm, 'initial_budget': s[0], 'annual_budget': s[1], 'actual': s[2], 'execution_rate': r})
        rows += [pad(r, W) for r in blk]
        t['funds'] = {'initial_budget': tot[0], 'annual_budget': tot[1], 'actual': tot[2], 'execution_rate': frate,
                      'weight': fw, 'score': fscore}
    elif fam == 'special':
        lab = rng.choice(['资金情况（万元）', '项目资金（万元）', '资金情况'])
        if lab == '资金情况' and not unit_line:
            t['unit'] = None  # the form states no unit anywhere
        hdr = ['全年预算数（A）', '全年执行数（B）', '分值', '执行率（B/A）', '得分']
        blk = [[Cell(lab, rowspan=2)] + [Cell(h) for h in hdr], [Cell(fmtm(tot[1])), Cell(fmtm(tot[2])), Cell(str(fw)), Cell(f'{frate:.2f}%'), Cell(f'{fscore}')]]
        rows += [pad(r, W) for r in blk]
        t['funds'] = {'annual_budget': tot[1], 'actual': tot[2], 'weight': fw, 'execution_rate': frate, 'score': fscore}
    elif fam == 'hubei':
        blk = [[Cell('预算执行情况（万元）（20分）', rowspan=2), Cell(''), Cell('预算数（A）'), Cell('执行数（B）'), Cell('执行率（B/A）'), Cell('得分（20分*执行率）')],
               [Cell('年度财政资金总额'), Cell(fmtm(tot[1])), Cell(fmtm(tot[2])), Cell(f'{frate:.2f}%'), Cell(f'{fscore}')]]
        rows += [pad(r, W) for r in blk]
        t['funds'] = {'annual_budget': tot[1], 'actual': tot[2], 'execution_rate': frate, 'weight': fw, 'score': fscore}
    elif fam == 'yinchuan':
        blk = [[Cell('项目资金（万元）', rowspan=2), Cell(''), Cell('年初预算数'), Cell('调整预算数（A）'), Cell('全年执行数（B）'), Cell('执行率（B/A）')],
               [Cell('年度资金总额')] + [Cell(fmtm(x)) for x in tot] + [Cell(f'{frate:.2f}%')]]
        rows += [pad(r, W) for r in blk]
        t['funds'] = {'initial_budget': tot[0], 'annual_budget': tot[1], 'actual': tot[2], 'execution_rate': frate}
    # goal
    exp, ach = goal_text(rng), goal_text(rng, 3)
    if fam == 'sichuan':
        rows.append(pad([Cell('项目年度目标', colspan=W // 2), Cell('年度目标完成情况')], W))
        rows.append(pad([Cell(exp, colspan=W // 2), Cell(ach)], W))
        t['goal'] = {'expected': exp, 'achieved': ach}
    elif fam == 'hubei':
        pass  # goal blocks come with the indicators
    else:
        # (安徽: the block's label `年度总体目标完成情况` reads as a goal column itself)
        gl = rng.choice(['年度总体目标', '年度总体目标', '总体目标', '年度总体目标完成情况']) if fam == 'national' else '年度总体目标'
        h1, h2 = (('预期目标', '实际完成情况') if fam == 'national'
                  else rng.choice([('年初设定目标', '年度总体目标完成情况综述'), ('年初设定目标', '全年实际完成情况')]))
        rows.append(pad([Cell(gl, rowspan=2), Cell(h1, colspan=4), Cell(h2)], W))
        if rng.random() < 0.08:
            # published half-filled: the template's instruction is still in the cell
            rows.append(pad([Cell(exp, colspan=4), Cell('对照年度目标,说明相关任务目标的完成情况(100字以内)')], W))
            t['goal'] = {'expected': exp, 'achieved': None}
            t['warnings'].append({'code': 'template_text', 'field': 'goal.achieved'})
        else:
            rows.append(pad([Cell(exp, colspan=4), Cell(ach)], W))
            t['goal'] = {'expected': exp, 'achieved': ach}
    # indicators
    n = rng.randint(4, 9)
    merged = rng.random() < 0.6
    if fam == 'hubei':
        k = rng.randint(1, 2)
        per = [n // k + (1 if i < n % k else 0) for i in range(k)]
        allind = make_indicators(rng, n, 80, with_scores=True)
        goals = []
        pos = 0
        # 黄冈: the block's label stands on the indicator header row; no goal text
        label_on_header = rng.random() < 0.3
        hdr6 = ['一级指标', '二级指标', '三级指标', '年初目标值（A）', '实际完成值（B）', '得分']
        for gi, m in enumerate(per):
            if label_on_header:
                rows.append(pad([Cell(f'年度绩效目标{gi + 1}（{80 // k}分）', rowspan=1 + m)] + [Cell(h) for h in hdr6], W))
            else:
                g = goal_text(rng)
                goals.append(g)
                rows.append(pad([Cell(f'年度绩效目标{gi + 1}（{80 // k}分）', rowspan=2 + m), Cell(g)], W))
                rows.append(pad([Cell(h) for h in hdr6], W - 1))
            for d in allind[pos:pos + m]:
                rows.append(pad([Cell(d['level1']), Cell(d['level2']), Cell(d['name']), Cell(d['t_parts'][1]), Cell(d['a_parts'][0]), Cell(str(d['score']))], W - 1))
                t['indicators'].append(truth_ind(d, weight=False, note=False))
            pos += m
        t['goal'] = {'expected': '\n'.join(goals), 'achieved': None} if goals else None
        total = round(fscore + sum(d['score'] for d in allind), 2)
        rows.append(pad([Cell('总分'), Cell('100'), Cell(str(total))], W))
        t['total_score'] = total
        p, im = rng.choice(PROBLEMS), rng.choice(IMPROVES)
        rows.append(pad([Cell('偏差大或目标未完成原因分析'), Cell(p)], W))
        rows.append(pad([Cell('改进措施及结果应用方案'), Cell(im)], W))
        t['problems'], t['improvements'] = p, im
        blocks.append(Table(rows))
        return Form(blocks, t)
    if fam == 'sichuan':
        inds = make_indicators(rng, n, 90, nature_col=True)
        hdr = ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分', '未完成原因分析']
        body_w = W
        sec = None
        rows.append([Cell('绩效指标（90分）', colspan=W)])
        rows.append([Cell(h) for h in hdr])
    else:
        w_ind = 100 if fam == 'yinchuan' else 90  # 银川's funds block carries no weight
        inds = make_indicators(rng, n, w_ind, nature_col=split3)
        if split3:
            order = ['t', 'a', 'w', 's']
            hdr = ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']
        elif fam == 'special':
            hdr = ['一级指标', '二级指标', '三级指标', '分值', '年度指标值', '全年实际值', '得分', '未完成原因及拟采取的改进措施']
        elif fam == 'yinchuan':
            hdr = ['一级指标', '二级指标', '三级指标', '参考分值', '指标值（A）', '全年实际值（B）', '得分', '未完成原因分析及改进措施']
        else:
            order = rng.choice([['t', 'a', 'w', 's'], ['t', 'a', 'w', 's'], ['w', 't', 'a', 's'], ['t', 'a', 's', 'w'], ['w', 's', 't', 'a']])
            names = {'t': rng.choice(['年度指标值', '指标值', '年度目标值']), 'a': rng.choice(['实际完成值', '全年实际值', '实际完成情况']),
                     'w': rng.choice(['分值', '权重']), 's': '得分'}
            hdr = ['一级指标', '二级指标', '三级指标'] + [names[k] for k in order] + [rng.choice(['偏差原因分析及改进措施', '偏差原因分析及改进措施', '未完成原因和改进措施'])]
        sec = rng.choice(['绩效指标', '绩效指标', '年度绩效指标完成情况', ''])
    if fam == 'yinchuan':
        remap = {'产出指标': '项目产出', '效益指标': '项目效益', '满意度指标': '项目效益'}
        for d in inds:
            d['level1'] = remap[d['level1']]
    lw = {}
    for d in inds:
        lw[d['level1']] = lw.get(d['level1'], 0) + d['weight']
    suffix = fam != 'sichuan' and rng.random() < 0.4

    def l1text(d):
        return f"{d['level1']}({lw[d['level1']]}分)" if suffix else d['level1']

    def cells_of(d):
        if fam == 'sichuan':
            sgn, v, u = d['t_parts']
            return [Cell(d['name']), Cell(sgn), Cell(v), Cell(u), Cell(d['a_parts'][0]), Cell(str(d['weight'])), Cell(str(d['score'])), Cell(d['note'] or '')]
        tv = d['t_parts'][1]
        av = d['a_parts'][0]
        if split3:
            sgn, v, u = d['t_parts']
            return [Cell(d['name']), Cell(sgn), Cell(v), Cell(u), Cell(av), Cell(str(d['weight'])), Cell(str(d['score'])), Cell(d['note'] or '')]
        if fam in ('special', 'yinchuan'):
            return [Cell(d['name']), Cell(str(d['weight'])), Cell(tv), Cell(av), Cell(str(d['score'])), Cell(d['note'] or '')]
        vals = {'t': tv, 'a': av, 'w': str(d['weight']), 's': str(d['score'])}
        return [Cell(d['name'])] + [Cell(vals[k]) for k in order] + [Cell(d['note'] or '')]

    placeholder = fam == 'national' and rng.random() < 0.3
    repeat_hdr = rng.random() < 0.2 and n >= 5 and not split3
    body = []
    # level grouping
    i = 0
    groups = []
    while i < n:
        j = i
        while j < n and inds[j]['level1'] == inds[i]['level1']:
            j += 1
        groups.append(inds[i:j])
        i = j
    for g in groups:
        sub = []
        k = 0
        while k < len(g):
            m = k
            while m < len(g) and g[m]['level2'] == g[k]['level2']:
                m += 1
            sub.append(g[k:m])
            k = m
        grows = []
        for s in sub:
            srows = [cells_of(d) for d in s]
            if merged:
                srows[0].insert(0, Cell(s[0]['level2'], rowspan=len(s)))
            else:
                for r, d in zip(srows, s):
                    r.insert(0, Cell(d['level2']))
            grows += srows
        if placeholder and g is groups[0]:
            if not split3 and rng.random() < 0.3:
                # 天长: a numbered place whose name and values are slashes
                slash = {'t': '/', 'a': '/', 'w': '', 's': ''}
                ph = [Cell(''), Cell('指标1：/')] + [Cell(slash[k]) for k in order] + [Cell('')]
            else:
                ph = [Cell('指标2：' if rng.random() < 0.5 else '……')] + [Cell('') for _ in range(len(grows[0]) - 2)]
                ph.insert(0, Cell(''))
            grows.append(ph)
        if merged:
            grows[0].insert(0, Cell(l1text(g[0]), rowspan=len(grows)))
        else:
            for r, d in zip(grows, g + [g[-1]]):
                r.insert(0, Cell(l1text(d)))
        body += grows
        for d in g:
            t['indicators'].append(truth_ind(d))
    if repeat_hdr and not merged:
        at = rng.randint(2, len(body) - 1)
        body.insert(at, [Cell(h) for h in hdr])
    if fam == 'sichuan':
        rows += body
        total = round(fscore + sum(d['score'] for d in inds), 2)
        rows.append(pad([Cell('合计', colspan=7), Cell('100'), Cell(str(total)), Cell('')], W))
        t['total_score'] = total
        concl = rng.choice(['优', '良'])
        rows.append(pad([Cell('评价结论'), Cell(concl)], W))
        # 评价结论 is no grade (only 自评等级 优/良/中/差 is): it goes to extra.
        p, im = rng.choice(PROBLEMS), rng.choice(IMPROVES)
        rows.append(pad([Cell('存在问题'), Cell(p)], W))
        rows.append(pad([Cell('改进措施'), Cell(im)], W))
        t['problems'], t['improvements'] = p, im
        blocks.append(Table(rows))
        blocks.append(Text('项目负责人：张' + rng.choice('伟芳明华') + '    财务负责人：李' + rng.choice('强静军')))
        return Form(blocks, t)
    # section column (绩效指标) or an empty first header cell
    hdr_row = [Cell(h) for h in hdr]
    if split3:
        hdr_row = [Cell('一级指标', rowspan=2), Cell('二级指标', rowspan=2), Cell('三级指标', rowspan=2), Cell('年度指标值', colspan=3),
                   Cell('实际完成值', rowspan=2), Cell('分值', rowspan=2), Cell('得分', rowspan=2), Cell('偏差原因分析及改进措施', rowspan=2)]
        body.insert(0, [Cell('指标性质'), Cell('指标值'), Cell('度量单位')])
    if sec and len(body) >= 4 and rng.random() < 0.2 and not split3:
        # a page break inside the block: the section's merged cell is printed again
        cut = rng.randint(2, len(body) - 1)
        while any(c.rowspan > 1 and k < cut for k, r in enumerate(body) for c in r if k + c.rowspan > cut):
            cut += 1
        if cut < len(body):
            hdr_row.insert(0, Cell(sec, rowspan=1 + cut))
            body[cut].insert(0, Cell(sec, rowspan=len(body) - cut))
        else:
            hdr_row.insert(0, Cell(sec, rowspan=1 + len(body)))
    else:
        hdr_row.insert(0, Cell(sec, rowspan=1 + len(body)))
    rows.append(pad(hdr_row, W))
    rows += body
    total = round((fscore if fam != 'yinchuan' else 0) + sum(d['score'] for d in inds), 2)
    if fam == 'yinchuan' and rng.random() < 0.5:
        rows.insert(1, pad([Cell('自评得分'), Cell(str(total))], W))
    wi, si = hdr.index([h for h in hdr if h in ('分值', '参考分值', '权重')][0]) + 1, hdr.index('得分') + 1
    first = min(wi, si)
    trow = [Cell('总分', colspan=first)] + [Cell('100' if c == wi else str(total) if c == si else '') for c in range(first, len(hdr) + 1)]
    rows.append(pad(trow, W))
    t['total_score'] = total
    if fam == 'national' and rng.random() < 0.3:
        g = '优' if total >= 90 else '良' if total >= 80 else '中'
        rows.append(pad([Cell('自评等级', colspan=wi), Cell(g)], W))
        t['grade'] = g
    if placeholder or rng.random() < 0.2:
        rows.append([Cell('注：1.一级指标分值统一设置为：产出指标50分、效益指标30分、满意度指标10分、预算资金执行率10分。2.得分最高不能超过该指标分值上限。', colspan=W)])
    blocks.append(Table(rows))
    return Form(blocks, t)


# ------------------------------------------------------------------ department families
def dept_form(rng, fam, year):
    unit = '万元'
    sep = rng.random() < 0.5
    dept = rng.choice(PLACES) + rng.choice(DEPTS)
    fmtm = lambda x: fmt_money(x, sep)
    if fam == 'chongqing':
        title = f'{year}年度部门整体绩效自评表'
    elif fam == 'guizhou':
        title = f'部门（单位）整体支出绩效自评表（{year}年度）'
    elif fam == 'hunan':
        title = f'{year}年度部门整体支出绩效自评表'
    elif fam == 'tianjin':
        title = f'{year}年度部门整体支出绩效自评表'
    else:
        title = rng.choice([f'{rng.choice(PLACES)}区部门整体支出绩效自评表 ({year}年度)', f'部门整体支出绩效自评表（{year}年度）'])
    t = base_truth('department_overall', title, year, unit)
    t['department'] = dept
    blocks = []
    if rng.random() < 0.15:
        blocks.append(Text('附件1'))
    blocks.append(Text(title))
    blocks.append(Text(rng.choice(['单位：万元', '单位: 万元', '金额单位：万元'])))
    W = 5 if fam in ('dept_seed', 'dept_nolabel', 'hunan') else 8
    if fam == 'chongqing':
        W = 10
    # 衡山 2023: budget columns with 自评得分, the split of the total written
    # inside label cells two a row, `预算部门、单位名称`
    hunan_split = fam == 'hunan' and rng.random() < 0.5
    if hunan_split:
        W = 8
    rows = []
    dl = {'guizhou': '部门（单位）名称', 'chongqing': '主管部门'}.get(fam, '部门名称')
    if hunan_split:
        dl = '预算部门、单位名称'
    rows.append(pad([Cell(name_label(rng, dl)), Cell(dept)], W))
    ini = money(rng, 1000, 20000)
    adj = rng.choice([0.0, money(rng, 10, 800)])
    ann = round(ini + adj, 2)
    act = round(ann * rng.uniform(0.85, 0.99), 2)
    gpb = round(ann * rng.uniform(0.8, 0.98), 2)
    er = rate(act, ann)
    ar = rate(adj, ini)
    inds_total = 100
    if fam == 'dept_seed':
        rows.append([Cell('部门资金情况', rowspan=4), Cell('整体支出年度预算数'), Cell(fmtm(ann)), Cell('整体支出年初预算数'), Cell(fmtm(ini))])
        rows.append([Cell('实际支出数'), Cell(fmtm(act)), Cell('年度调整额'), Cell(fmtm(adj))])
        rows.append([Cell('其中: 一般公共预算'), Cell(fmtm(gpb)), Cell(''), Cell('')])
        rows.append([Cell('预算完成率'), Cell(f'{er:.2f}%'), Cell('预算调整率'), Cell(f'{ar:.2f}%')])
        t['funds'] = {'initial_budget': ini, 'annual_budget': ann, 'actual': act, 'adjustment': adj,
                      'general_public_budget': gpb, 'execution_rate': er, 'adjustment_rate': ar}
    elif fam == 'dept_nolabel':
        cols = [(['年初', '预算数'] if rng.random() < 0.3 else '年初预算数', ini, 'initial_budget'), (rng.choice(['年度预算数', '全年预算数']), ann, 'annual_budget'),
                (rng.choice(['全年执行数', '实际支出数']), act, 'actual')]
        lab = rng.choice(['部门资金情况', '部门资金情况（万元）', '资金情况（万元）'])
        rows.append([Cell(lab, rowspan=2)] + [Cell(c[0]) for c in cols] + [Cell('预算完成率')])
        rows.append([Cell(fmtm(c[1])) for c in cols] + [Cell(f'{er:.2f}%')])
        t['funds'] = {c[2]: c[1] for c in cols}
        t['funds']['execution_rate'] = er
    elif fam == 'guizhou':
        ini2, act2 = ini, act
        basic = round(ini * 0.6, 2)
        proj = round(ini - basic, 2)
        sc = round(10 * rate(act, ini) / 100, 2)
        rows.append([Cell('部门（单位）总体资金（万元）', rowspan=4), Cell('资金来源'), Cell('年初预算数（A）'), Cell('全年执行数（B）'), Cell('分值（10分）'), Cell('得分'), Cell('得分计算方法', colspan=2)])
        rows.append([Cell('年度资金总额：'), Cell(fmtm(ini)), Cell(fmtm(act)), Cell('10'), Cell(str(sc)), Cell('执行率×分值', colspan=2)])
        ab = round(act * 0.6, 2)
        rows.append([Cell('基本支出'), Cell(fmtm(basic)), Cell(fmtm(ab)), Cell(''), Cell(''), Cell('', colspan=2)])
        rows.append([Cell('项目支出'), Cell(fmtm(proj)), Cell(fmtm(round(act - ab, 2))), Cell(''), Cell(''), Cell('', colspan=2)])
        if rng.random() < 0.4:
            rows[-4][0].rowspan += 1
            rows.append([Cell('其他'), Cell('0.00'), Cell('0.00'), Cell(''), Cell(''), Cell('', colspan=2)])
        t['funds'] = {'initial_budget': ini, 'actual': act, 'weight': 10, 'score': sc}
        inds_total = 90
        fscore = sc
    elif fam == 'chongqing':
        for lab, v in [('财政处室', rng.choice(['教科文处', '农业处', '社保处'])), ('部门联系人', '王' + rng.choice('伟芳明')), ('联系电话', '023-' + str(rng.randint(60000000, 69999999)))]:
            rows.append(pad([Cell(lab), Cell(v)], W))
        fscore = round(10 * er / 100, 2)
        sub = [Cell('预算资金', rowspan=2)] if rng.random() < 0.4 else []
        rows.append(pad([Cell('部门预算执行情况（万元）', rowspan=2)] + sub + [Cell('年初预算数'), Cell('全年（调整）预算数'), Cell('全年执行数'), Cell('执行率（%）'), Cell('执行率权重'), Cell('执行率得分（分）')], W))
        rows.append(pad([Cell(fmtm(ini)), Cell(fmtm(ann)), Cell(fmtm(act)), Cell(f'{er:.2f}'), Cell('10'), Cell(str(fscore))], W - 1 - len(sub)))
        t['funds'] = {'initial_budget': ini, 'annual_budget': ann, 'actual': act, 'execution_rate': er, 'weight': 10, 'score': fscore}
        inds_total = 90
    elif hunan_split:
        fscore = round(10 * er / 100, 2)
        g2 = round((ann - gpb) * 0.4, 2)
        oth = round(ann - gpb - g2, 2)
        basic = round(ann * 0.6, 2)
        prj = round(ann - basic, 2)
        lab = rng.choice([['年度预算申请', '（万元'], '年度预算申请（万元）', '年度预算申请'])
        rows.append([Cell(lab, rowspan=7), Cell('')] + [Cell(h) for h in ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '自评得分']])
        rows.append([Cell('年度资金总额')] + [Cell(x) for x in [fmtm(ini), fmtm(ann), fmtm(act), '10', f'{er:.2f}%', str(fscore)]])
        for a, b in [(f'按收入性质分：{fmtm(ann)}', f'按支出性质分：{fmtm(ann)}'), (f'其中：一般公共预算：{fmtm(gpb)}', f'其中：基本支出：{fmtm(basic)}'),
                     (f'政府性基金拨款：{fmtm(g2)}', f'项目支出：{fmtm(prj)}'), ('纳入专户管理的非税收入拨款：', ''), (f'其他资金：{fmtm(oth)}', '')]:
            rows.append([Cell(a, colspan=3), Cell(b, colspan=4)])
        t['funds'] = {'initial_budget': ini, 'annual_budget': ann, 'actual': act, 'weight': 10, 'execution_rate': er,
                      'score': fscore, 'general_public_budget': gpb}
    elif fam == 'hunan':
        rows.append([Cell('年度预算申请', rowspan=2), Cell(f'年度预算数：{fmtm(ann)}'), Cell(f'其中: 一般公共预算:{fmtm(gpb)}'), Cell(f'全年执行数：{fmtm(act)}'), Cell(f'执行率：{er:.2f}%')])
        rows.append([Cell(f'年初预算数：{fmtm(ini)}'), Cell(f'年度调整额：{fmtm(adj)}'), Cell(''), Cell('')])
        t['funds'] = {'annual_budget': ann, 'general_public_budget': gpb, 'actual': act, 'execution_rate': er, 'initial_budget': ini, 'adjustment': adj}
    elif fam == 'tianjin':
        fscore = None
        rows.append(pad([Cell('年度预算执行情况', rowspan=2), Cell('年初预算数'), Cell('全年预算数'), Cell('全年执行数'), Cell('执行率')], W))
        rows.append(pad([Cell(fmtm(ini)), Cell(fmtm(ann)), Cell(fmtm(act)), Cell(f'{er:.2f}%')], W - 1))
        t['funds'] = {'initial_budget': ini, 'annual_budget': ann, 'actual': act, 'execution_rate': er}
    # goal
    exp, ach = goal_text(rng, 3), goal_text(rng, 3)
    if fam == 'chongqing':
        adj_goal = goal_text(rng, 2) if rng.random() < 0.5 else ''
        rows.append(pad([Cell('当年绩效目标', rowspan=2), Cell('年初绩效目标', colspan=3), Cell('全年（调整）绩效目标', colspan=3), Cell('全年目标实际完成情况')], W))
        rows.append(pad([Cell(exp, colspan=3), Cell(adj_goal, colspan=3), Cell(ach)], W - 1))
        t['goal'] = {'expected': adj_goal or exp, 'achieved': ach}
    elif fam == 'tianjin':
        dev = rng.choice(PROBLEMS)
        rows.append(pad([Cell('年度绩效目标', colspan=3), Cell('实际完成情况', colspan=3), Cell('偏差原因分析及改进措施')], W))
        rows.append(pad([Cell(exp, colspan=3), Cell(ach, colspan=3), Cell(dev)], W))
        t['goal'] = {'expected': exp, 'achieved': ach}
        t['problems'] = dev
    else:
        gl = rng.choice(['年度整体目标', '年度总体目标']) if fam != 'guizhou' else '年度总体目标'
        h1, h2 = (('年度整体目标', '整体目标完成情况') if fam != 'guizhou' else ('年初设定目标', '年度总体目标完成情况'))
        if hunan_split:
            rows.append([Cell(gl, rowspan=2), Cell('预期目标', colspan=4), Cell('实际完成情况', colspan=3)])
            rows.append([Cell(exp, colspan=4), Cell(ach, colspan=3)])
        elif W == 5:
            rows.append([Cell(gl, rowspan=2), Cell(h1, colspan=2), Cell(h2, colspan=2)])
            rows.append([Cell(exp, colspan=2), Cell(ach, colspan=2)])
        else:
            rows.append(pad([Cell(gl, rowspan=2), Cell(h1, colspan=3), Cell(h2)], W))
            rows.append(pad([Cell(exp, colspan=3), Cell(ach)], W - 1))
        t['goal'] = {'expected': exp, 'achieved': ach}
    n = rng.randint(4, 10)
    if fam in ('dept_seed', 'dept_nolabel', 'hunan'):
        inds = make_indicators(rng, n, 100, with_scores=False)
        lab = rng.choice(['年度关键指标', '年度关键指标', '绩效指标', ''])
        hdr = [rng.choice(['关键指标', '三级指标']), rng.choice(['预期实现值', '年度指标值']), rng.choice(['指标完成情况', '实际完成值', '实际完成 值'])]
        rows.append(pad([Cell(lab, rowspan=1 + n)] + [Cell(h) for h in hdr] + [Cell('')], W))
        for d in inds:
            rows.append(pad([Cell(d['name']), Cell(d['t_parts'][1]), Cell(d['a_parts'][0]), Cell('')], W - 1))
            t['indicators'].append(truth_ind(d, level=False, weight=False, score=False, note=False))
    elif fam == 'guizhou':
        inds = make_indicators(rng, n, 90)
        rows.append([Cell('绩效指标', rowspan=1 + n)] + [Cell(h) for h in ['一级指标', '二级指标', '三级指标', '年度指标值（A）', '全年实际值（B）', '分值', '得分']])
        for d in inds:
            rows.append([Cell(d['level1']), Cell(d['level2']), Cell(d['name']), Cell(d['t_parts'][1]), Cell(d['a_parts'][0]), Cell(str(d['weight'])), Cell(str(d['score']))])
            t['indicators'].append(truth_ind(d, note=False))
        total = round(fscore + sum(d['score'] for d in inds), 2)
        rows.append([Cell('总分', colspan=6), Cell('100'), Cell(str(total))])
        t['total_score'] = total
    elif fam == 'chongqing':
        inds = make_indicators(rng, n, 90, nature_col=True)
        rows.append([Cell('绩效指标', rowspan=1 + n)] + [Cell(h) for h in ['指标名称', '计量单位', '指标性质', '年初指标值', '调整指标值', '全年完成值', '得分系数（%）', '指标权重（分）', '指标得分（分）']])
        for d in inds:
            sgn, v, u = d['t_parts']
            adjv = ''
            if rng.random() < 0.25 and d['target']['value'] is not None:
                nv = d['target']['value'] + rng.choice([1, 2, 5])
                adjv = str(nv)
                opx = d['target']['op']
                raw_op = sgn if sgn in ('≥', '≤', '>', '<', '=', '＝') else ''
                d['target'] = measure(raw_op + adjv + u, opx, nv, unicodedata.normalize('NFKC', u) if u else None)
                if d['actual'] is not None and d['actual']['value'] is not None:
                    av = d['actual']['value']
                    d['met'] = {'>=': av >= nv, '<=': av <= nv, '>': av > nv, '<': av < nv}.get(opx, av >= nv)
            coef = round(d['score'] / d['weight'] * 100, 2) if d['score'] is not None else ''
            av_cell = d['a_parts'][0]
            if u and rng.random() < 0.1:
                # 重庆: the unit printed, the values left empty: no target, no actual
                v, adjv, av_cell, sgn = '', '', '', ''
                d['target'], d['actual'], d['met'] = None, None, None
            rows.append([Cell(d['name']), Cell(u), Cell(sgn), Cell(v), Cell(adjv), Cell(av_cell), Cell(str(coef)), Cell(str(d['weight'])), Cell(str(d['score']))])
            t['indicators'].append(truth_ind(d, level=False, note=False))
        total = round(fscore + sum(d['score'] for d in inds), 2)
        rows.insert(1, pad([Cell('自评总分（分）'), Cell(str(total))], W))
        t['total_score'] = total
    elif fam == 'tianjin':
        inds = make_indicators(rng, n, 100, unit_col=True)
        rows.append(pad([Cell(h) for h in ['指标名称', '计算符号', '指标值', '实际完成值', '计量单位', '分值', '得分', '偏差原因分析及改进措施']], W))
        for d in inds:
            sgn, v, u = d['t_parts']
            rows.append([Cell(d['name']), Cell(sgn), Cell(v), Cell(d['a_parts'][0]), Cell(u), Cell(str(d['weight'])), Cell(str(d['score'])), Cell(d['note'] or '')])
            t['indicators'].append(truth_ind(d, level=False))
        total = round(sum(d['score'] for d in inds), 2)
        rows.append(pad([Cell('总分', colspan=5), Cell('100'), Cell(str(total)), Cell('')], W))
        t['total_score'] = total
    tables = [Table(rows)]
    if fam in ('dept_seed', 'dept_nolabel', 'hunan') and rng.random() < 0.6:
        trows = [[Cell(h) for h in ['主要任务', '预期目标', '目标完成情况', '关键指标', '指标完成情况', '任务涉及资金']]]
        for k in range(rng.randint(1, 3)):
            filled = [d['name'] for d in inds if d['actual'] is not None]
            names = rng.sample(filled, min(3, len(filled)))
            vals = [next(d for d in inds if d['name'] == nm)['a_parts'][0] for nm in names]
            f = money(rng, 50, 2000)
            tn = rng.choice(PLACES) + rng.choice(['建设计划', '提升工程', '整治行动', '服务计划'])
            e, a = goal_text(rng), goal_text(rng)
            trows.append([Cell(tn), Cell(e), Cell(a), Cell(' '.join(names)), Cell(' '.join(vals)), Cell(fmtm(f))])
            t['tasks'].append({'name': tn, 'expected': e, 'achieved': a, 'funds': f,
                               'indicators': [{'name': nm, 'actual': next(d for d in inds if d['name'] == nm)['actual']} for nm in names]})
        tables.append(Table(trows))
    if fam != 'tianjin':
        p, im = rng.choice(PROBLEMS), rng.choice(IMPROVES)
        closing = [[Cell('存在问题'), Cell(p)], [Cell('改进措施'), Cell(im)]]
        last = tables[-1]
        w = last.ncols
        last.rows += [pad(r, w) for r in closing]
        t['problems'], t['improvements'] = p, im
    blocks += tables
    return Form(blocks, t)


def hubei_dept_form(rng, year):
    """湖北's department form (塘湖镇): 单位名称, 基本支出总额 | 项目支出总额, a 预算执行情况（20分）
    block whose total row is 部门整体支出总额, one goal line `年度目标1：（80分）`, the indicator
    table with 年初目标值（A） | 实际完成值（B） | 得分, 总分 written `99.2分`."""
    unit = '万元'
    dept = rng.choice(PLACES) + rng.choice(['镇人民政府', '街道办事处', '乡人民政府'])
    titled = rng.random() < 0.7
    title = f'{year}年度部门整体支出绩效自评表' if titled else None
    t = base_truth('department_overall', title, year if titled else None, unit)
    t['department'] = dept
    blocks = [Text(title)] if titled else []
    blocks.append(Text(f'单位名称：{dept} 填报日期：{year + 1}.{rng.randint(1, 6)}.{rng.randint(1, 28)}'))
    W = 7
    ann = money(rng, 200, 2000)
    act = round(ann * rng.uniform(0.85, 1.0), 2)
    er = rate(act, ann)
    fscore = round(20 * er / 100, 2)
    basic = round(ann * 0.7, 2)
    rows = [pad([Cell('单位名称'), Cell(dept, colspan=6)], W),
            [Cell('基本支出总额'), Cell(f'{basic}万', colspan=2), Cell('项目支出总额'), Cell(f'{round(ann - basic, 2)}', colspan=3)],
            [Cell('预算执行情况（万元）（20分）', colspan=2), Cell('预算数（A）'), Cell('执行数（B）'), Cell('执行率（B/A）'), Cell('得分（20分*执行率）', colspan=2)],
            [Cell('部门整体支出总额', colspan=2), Cell(f'{ann:.2f}'), Cell(f'{act:.2f}'), Cell(f'{er:.2f}%'), Cell(f'{fscore}', colspan=2)]]
    t['funds'] = {'annual_budget': ann, 'actual': act, 'execution_rate': er, 'weight': 20, 'score': fscore}
    g = goal_text(rng)
    rows.append([Cell(rng.choice(['年度目标1：（80分）', '年度目标1（80分）']), colspan=2), Cell(g, colspan=5)])
    t['goal'] = {'expected': g, 'achieved': None}
    n = rng.randint(4, 8)
    inds = make_indicators(rng, n, 80)
    rows.append([Cell('年度绩效指标', rowspan=1 + n)] + [Cell(h) for h in ['一级指标', '二级指标', '三级指标', '年初目标值（A）', '实际完成值（B）', '得分']])
    for d in inds:
        rows.append([Cell(d['level1']), Cell(d['level2']), Cell(d['name']), Cell(d['t_parts'][1]), Cell(d['a_parts'][0]), Cell(str(d['score']))])
        t['indicators'].append(truth_ind(d, weight=False, note=False))
    total = round(fscore + sum(d['score'] for d in inds), 2)
    rows.append([Cell('总分'), Cell(f'{total}分', colspan=6)])
    t['total_score'] = total
    p, im = rng.choice(PROBLEMS), rng.choice(IMPROVES)
    rows.append([Cell(['偏差大或', '目标未完成', '原因分析']), Cell(p, colspan=6)])
    rows.append([Cell(['改进措施及', '结果应用方案']), Cell(im, colspan=6)])
    t['problems'], t['improvements'] = p, im
    blocks.append(Table(rows))
    return Form(blocks, t)


# ------------------------------------------------------------------ rubric and look-alikes
RUBRIC = [
    ('决策', '目标设定', '绩效目标合理性', '部门整体绩效目标是否符合规划', '目标合理得满分，否则酌情扣分'),
    ('决策', '目标设定', '绩效指标明确性', '绩效指标是否细化量化', '指标明确得满分'),
    ('决策', '预算配置', '在职人员控制率', '在职人员数与编制数的比率', '控制率≤100%得满分'),
    ('过程', '预算执行', '预算执行率', '预算完成数与预算数的比率', '执行率×分值'),
    ('过程', '预算执行', '结转结余率', '结转结余总额与支出预算数的比率', '≤10%得满分'),
    ('过程', '预算管理', '管理制度健全性', '内部管理制度是否健全', '健全得满分'),
    ('过程', '资产管理', '资产管理安全性', '资产保存是否完整', '安全完整得满分'),
    ('产出', '职责履行', '重点工作完成率', '实际完成工作数与计划数的比率', '按比例得分'),
    ('产出', '职责履行', '工作完成及时率', '按时完成工作数与计划数的比率', '按比例得分'),
    ('效益', '履职效益', '社会效益', '履职对社会发展的影响', '效果明显得满分'),
    ('效益', '满意度', '服务对象满意度', '服务对象对部门履职的满意程度', '≥90%得满分'),
]


def rubric_form(rng, year):
    proj = rng.random() < 0.25
    dept = rng.choice(PLACES) + rng.choice(DEPTS)
    title = f'{year}年度项目支出绩效评价自评表' if proj else rng.choice([f'{year}年度部门整体支出绩效评价自评表', f'部门整体支出绩效评价自评表（{year}年）'])
    t = base_truth('project' if proj else 'department_overall', title, year, None)
    t['department'] = dept
    blocks = [Text(title)]
    n = rng.randint(6, len(RUBRIC))
    items = sorted(rng.sample(RUBRIC, n), key=RUBRIC.index)
    ws = [5] * n
    for _ in range((100 - 5 * n)):
        ws[rng.randrange(n)] += 1
    l1w = {}
    for it, w in zip(items, ws):
        l1w[it[0]] = l1w.get(it[0], 0) + w
    rows = [pad([Cell('部门名称'), Cell(dept)], 8)]
    hdr = ['序号', '一级指标', '二级指标', '三级指标', '指标分值', '指标解释', rng.choice(['评分标准', '指标说明及评分标准']), '自评得分']
    rows.append([Cell(h) for h in hdr])
    scores = []
    prev1 = None
    for k, (it, w) in enumerate(zip(items, ws)):
        sc = w if rng.random() < 0.6 else round(w * 0.8, 1)
        if sc == int(sc):
            sc = int(sc)
        scores.append(sc)
        first = it[0] != prev1
        prev1 = it[0]
        span = sum(1 for x in items if x[0] == it[0])
        l1 = [Cell(f'{it[0]}（{l1w[it[0]]}分）', rowspan=span)] if first else []
        rows.append([Cell(str(k + 1))] + l1 + [Cell(it[1]), Cell(it[2]), Cell(str(w)), Cell(it[3]), Cell(it[4]), Cell(str(sc))])
        t['indicators'].append({'level1': it[0], 'level2': it[1], 'name': it[2], 'target': None, 'actual': None,
                                'weight': w, 'score': sc, 'met': None, 'note': None, 'criteria': f'{it[3]} / {it[4]}'})
    total = round(sum(scores), 2)
    rows.append([Cell('合计', colspan=4), Cell('100'), Cell(''), Cell(''), Cell(str(total))])
    t['total_score'] = total
    blocks.append(Table(rows))
    return Form(blocks, t)


def lookalike_form(rng, year):
    kind = rng.choice(['target', 'basic', 'income', 'template'])
    unit = '万元'
    if kind == 'template':
        # a blank 申报表 template: its year line is blank too (`（20XX年度）`, `（    年度）`)
        head = rng.choice(['项目支出绩效目标申报表', '财政支出项目绩效目标申报表', '绩效目标申报表（参考模板）'])
        yl = rng.choice(['（20XX年度）', '（    年度）', '(20  年度)'])
        rows = [pad([Cell('项目名称'), Cell('')], 6), [Cell('主管部门'), Cell('', colspan=2), Cell('实施单位'), Cell('', colspan=2)],
                [Cell('项目资金（万元）', rowspan=2), Cell('资金总额：', colspan=2), Cell('其中：财政拨款', colspan=2), Cell('其他资金')],
                [Cell('', colspan=2), Cell('', colspan=2), Cell('')],
                [Cell('年度绩效指标', rowspan=4), Cell('一级指标'), Cell('二级指标'), Cell('指标内容', colspan=2), Cell('指标值')],
                [Cell('产出指标', rowspan=2), Cell('数量指标'), Cell('', colspan=2), Cell('')],
                [Cell('质量指标'), Cell('', colspan=2), Cell('')],
                [Cell('满意度指标'), Cell('服务对象满意度指标'), Cell('', colspan=2), Cell('')]]
        t = base_truth('unknown', head + yl, None, unit)
        return Form([Text(head), Text(yl), Table(rows)], t)
    if kind == 'target':
        title = f'{year}年度项目支出绩效目标申报表'
        proj = rng.choice(PLACES) + rng.choice(PROJECT_KINDS)
        dept = rng.choice(PLACES) + rng.choice(DEPTS)
        rows = [pad([Cell('项目名称'), Cell(proj)], 6), [Cell('主管部门'), Cell(dept, colspan=2), Cell('实施单位'), Cell(dept, colspan=2)],
                pad([Cell('项目资金（万元）', rowspan=2), Cell('年度资金总额'), Cell(f'{money(rng, 10, 500):.2f}')], 6),
                pad([Cell('其中：财政拨款'), Cell(f'{money(rng, 10, 500):.2f}')], 5),
                pad([Cell('年度总体目标'), Cell(goal_text(rng))], 6),
                [Cell('绩效指标', rowspan=4), Cell('一级指标'), Cell('二级指标'), Cell('三级指标'), Cell('指标值', colspan=2)]]
        for d in make_indicators(rng, 3, 30, with_scores=False):
            rows.append([Cell(d['level1']), Cell(d['level2']), Cell(d['name']), Cell(d['t_parts'][1] or d['t_parts'][2], colspan=2)])
    elif kind == 'basic':
        title = f'{year}年度部门整体支出绩效评价基础数据表'
        rows = [[Cell('财政供养人员情况'), Cell('编制数'), Cell(str(rng.randint(20, 90))), Cell('实有人数'), Cell(str(rng.randint(20, 90)))],
                [Cell('年度预算数'), Cell(f'{money(rng, 100, 900):.2f}'), Cell('全年执行数'), Cell(f'{money(rng, 100, 900):.2f}'), Cell('')],
                [Cell('三公经费'), Cell(f'{money(rng, 1, 20):.2f}'), Cell('会议费'), Cell(f'{money(rng, 1, 9):.2f}'), Cell('')]]
    else:
        title = f'{year}年度部门收支总表'
        rows = [[Cell('收入'), Cell('决算数'), Cell('支出'), Cell('决算数')]]
        for a, b in [('一般公共预算财政拨款收入', '一般公共服务支出'), ('政府性基金预算财政拨款收入', '教育支出'), ('其他收入', '社会保障和就业支出')]:
            rows.append([Cell(a), Cell(f'{money(rng, 10, 900):.2f}'), Cell(b), Cell(f'{money(rng, 10, 900):.2f}')])
    t = base_truth('unknown', title, year, unit)
    return Form([Text(title), Text('单位：万元'), Table(rows)], t)


# ------------------------------------------------------------------ documents
PROJECT_FAMS = ['national', 'sichuan', 'special', 'hubei', 'yinchuan']
DEPT_FAMS = ['dept_seed', 'dept_nolabel', 'guizhou', 'chongqing', 'hunan', 'tianjin', 'hubei_dept']
FAMILIES = PROJECT_FAMS + DEPT_FAMS + ['rubric', 'lookalike']


def make_form(rng, fam, year):
    if fam in PROJECT_FAMS:
        return project_form(rng, fam, year)
    if fam == 'hubei_dept':
        return hubei_dept_form(rng, year)
    if fam in DEPT_FAMS:
        return dept_form(rng, fam, year)
    if fam == 'rubric':
        return rubric_form(rng, year)
    return lookalike_form(rng, year)


def traditional(form):
    """A mirror in traditional characters: every text of the form, and the truth's texts."""
    def conv(s):
        return s.translate(TRAD) if isinstance(s, str) else s
    for b in form.blocks:
        if isinstance(b, Text):
            b.text = conv(b.text)
        else:
            for row in b.rows:
                for c in row:
                    c.text = [conv(x) for x in c.text] if isinstance(c.text, list) else conv(c.text)

    def walk(x):
        if isinstance(x, dict):
            return {k: walk(v) for k, v in x.items()}
        if isinstance(x, list):
            return [walk(v) for v in x]
        return conv(x)
    unit = form.truth['unit']
    form.truth = walk(form.truth)
    form.truth['unit'] = unit


def make_doc(rng, i, fam):
    year = rng.choice([2020, 2021, 2022, 2023])
    k = 1 if rng.random() < 0.6 else rng.randint(2, 3)
    forms = [make_form(rng, fam, year) for _ in range(k)]
    if fam not in ('lookalike',) and rng.random() < 0.08:
        for f in forms:
            traditional(f)
    return Doc(f'{i:03d}_{fam}.txt', fam, forms)


def generate(n, seed):
    rng = random.Random(seed)
    return [make_doc(rng, i, FAMILIES[i % len(FAMILIES)]) for i in range(n)]


def truth_records(doc, path, fmt='text', **source):
    """The truth records of `doc` rendered at `path` in format `fmt` (SPEC record shape;
    extra `source` keys such as sheet= for workbooks). Renderers of other formats use this."""
    out = []
    for form in doc.forms:
        rec = dict(form.truth)
        rec['source'] = {'path': path, 'format': fmt, **source}
        out.append(rec)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--out', required=True)
    ap.add_argument('--n', type=int, default=300)
    ap.add_argument('--seed', type=int, default=1)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    tiers = {}
    with open(os.path.join(a.out, 'truth.jsonl'), 'w', encoding='utf-8') as tf:
        for doc in generate(a.n, a.seed):
            path = os.path.join(a.out, doc.name)
            with open(path, 'w', encoding='utf-8') as f:
                f.write(render_text(doc))
            tiers[path] = doc.family
            for rec in truth_records(doc, path):
                tf.write(json.dumps(rec, ensure_ascii=False) + '\n')
    with open(os.path.join(a.out, 'tiers.json'), 'w', encoding='utf-8') as f:
        json.dump(tiers, f, ensure_ascii=False, indent=0)


if __name__ == '__main__':
    main()
