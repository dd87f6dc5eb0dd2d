# -*- coding: utf-8 -*-
"""Three project forms (项目支出绩效自评表) and a volume, as data: every producer renders these.

  NATIONAL  财政部 2021 template, （A）/（B）/（B/A） suffixes, 其中：本年财政拨款, money in 万元
  SICHUAN   四川 style: 调整后预算数 / 预算执行数 / 预算执行率 / 权重, 年初设定目标 /
            年度总体目标完成情况综述, targets split over 指标性质 + 指标值 + 度量单位,
            一级指标 with (50分) suffixes, a placeholder row `指标2：` and a `注：` row
  YUAN      上海 style: `单位：元` line, amounts like 1,250,000.00, 其中 rows with
            财政专户管理资金 and 单位资金, and a stated execution rate that does NOT match B/A

Tables use seed_form's cell model: rows of C(text, colspan, rowspan); seed_form.cells(table)
gives (row, col, rowspan, colspan, text). A Form has `blocks`: ('title'|'unit'|'heading'|
'para', text) and ('table', (rows, relative column widths)). Texts are exact: the text dumps
and the expected records are made from the same data (make_project_text.py,
make_project_expected.py). Wrapped cells must only wrap between CJK characters (checked by
check_project_pdfs.py), so that SPEC.md's join rule gives back these exact texts."""
from seed_form import C, cells, ncols
import seed_form as S


class Form:
    def __init__(self, name, title, unit_line, tables, data=None):
        self.name = name
        self.title = title
        self.unit_line = unit_line
        self.tables = tables          # [(rows, rel widths)]
        self.data = data              # the structured data (for the expected record)

    @property
    def blocks(self):
        b = [('title', self.title)]
        if self.unit_line:
            b.append(('unit', self.unit_line))
        b += [('table', t) for t in self.tables]
        return b


def grouped(rows, key_level1, key_level2):
    """rowspans for level1/level2 runs: list of (rs1 or 0, rs2 or 0) per row (0 = covered)."""
    out = []
    n = len(rows)
    for i, r in enumerate(rows):
        def span(key):
            if i > 0 and key(rows[i - 1]) == key(r):
                return 0
            k = i
            while k < n and key(rows[k]) == key(r):
                k += 1
            return k - i
        out.append((span(key_level1), span(lambda x: (key_level1(x), key_level2(x)))))
    return out


# ------------------------------------------------------------------ a. national template

NATIONAL = dict(
    title='项目支出绩效自评表（2022年度）',
    unit_line=None,
    year=2022,
    unit='万元',
    project='高标准农田建设补助资金项目',
    department='湖南省农业农村厅',
    implementer='湖南省农田建设管理中心',
    funds_label='项目资金（万元）',
    funds_header=['年初预算数', '全年预算数（A）', '全年执行数（B）', '分值', '执行率（B/A）', '得分'],
    # label, initial, annual, actual, weight cell, rate cell, score cell
    funds_total=('年度资金总额', '2,000.00', '2,350.00', '2,268.45', '10', '96.53%', '9.65'),
    fund_sources=[
        ('其中：本年财政拨款', '2,000.00', '2,200.00', '2,132.60', '—', '96.94%', '—'),
        ('上年结转资金', '0.00', '150.00', '135.85', '—', '90.57%', '—'),
        ('其他资金', '0.00', '0.00', '0.00', '—', '—', '—'),
    ],
    goal_labels=('年度总体目标', '预期目标', '实际完成情况'),
    goal_expected='新建高标准农田十万亩，其中高效节水灌溉面积二万亩；完善项目区田间道路、灌排沟渠等配套设施，提高耕地质量等级，增强农业综合生产能力和防灾减灾能力，稳步提升项目区粮食产能，助力乡村振兴。',
    goal_achieved='全年建成高标准农田十点三万亩，高效节水灌溉面积一点八万亩，项目区田间道路、灌排沟渠等配套设施基本完善，耕地质量等级有所提高，农业综合生产能力有效提升，受益农户三点二万户。',
    indicator_header=['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    # level1 (as printed), level2, name, target, actual, weight, score, met, note
    indicators=[
        ('产出指标', '数量指标', '新建高标准农田面积', '≥10万亩', '10.3万亩', '10', '10', True, ''),
        ('产出指标', '数量指标', '高效节水灌溉面积', '≥2万亩', '1.8万亩', '10', '9', False,
         '部分项目区因汛期延误施工，高效节水灌溉工程未全部完工；下一步督促施工单位加快进度，确保明年一季度前完工。'),
        ('产出指标', '质量指标', '项目工程验收合格率', '100%', '100%', '10', '10', True, ''),
        ('产出指标', '时效指标', '项目完工及时率', '≥90%', '92%', '5', '5', True, ''),
        ('产出指标', '成本指标', '亩均财政补助标准', '≤1500元/亩', '1480元/亩', '5', '5', True, ''),
        ('效益指标', '经济效益指标', '项目区粮食亩产提高', '≥50公斤', '62公斤', '10', '10', True, ''),
        ('效益指标', '社会效益指标', '受益农户数量', '≥3万户', '3.2万户', '10', '10', True, ''),
        ('效益指标', '社会效益指标', '农业综合生产能力', '明显提升', '有效提升', '10', '10', None, ''),
        ('效益指标', '可持续影响指标', '工程设施设计使用年限', '≥15年', '15年', '10', '10', True, ''),
        ('满意度指标', '服务对象满意度指标', '项目区农户满意度', '≥90%', '95%', '10', '10', True, ''),
    ],
    total=('总分', '100', '98.65'),
    grade=('自评等级', '优'),
)


def national_like_table(d):
    """9 columns: label | row label / 一级 | ... (the 财政部 template and the 上海 one)."""
    t = []
    t.append([C('项目名称'), C(d['project'], 8)])
    t.append([C('主管部门'), C(d['department'], 3), C('实施单位'), C(d['implementer'], 4)])
    n = 2 + len(d['fund_sources'])
    h = d['funds_header']
    t.append([C(d['funds_label'], 1, n), C('')] + [C(x) for x in h[:5]] + [C(h[5], 2)])
    for row in [d['funds_total']] + d['fund_sources']:
        t.append([C(x) for x in row[:6]] + [C(row[6], 2)])
    g = d['goal_labels']
    t.append([C(g[0], 1, 2), C(g[1], 4), C(g[2], 4)])
    t.append([C(d['goal_expected'], 4), C(d['goal_achieved'], 4)])
    inds = d['indicators']
    spans = grouped(inds, lambda x: x[0], lambda x: x[1])
    t.append([C('绩效指标', 1, 1 + len(inds))] + [C(x) for x in d['indicator_header']])
    for ind, (s1, s2) in zip(inds, spans):
        row = []
        if s1:
            row.append(C(ind[0], 1, s1))
        if s2:
            row.append(C(ind[1], 1, s2))
        row += [C(ind[2]), C(ind[3]), C(ind[4]), C(ind[5]), C(ind[6]), C(ind[8])]
        t.append(row)
    t.append([C(d['total'][0], 6), C(d['total'][1]), C(d['total'][2]), C('')])
    t.append([C(d['grade'][0]), C(d['grade'][1], 8)])
    return t


NATIONAL_COLS = [10, 10, 11, 14, 13, 12, 9, 8, 19]

# ------------------------------------------------------------------ b. 四川 style

SICHUAN = dict(
    title='2022年度项目支出绩效自评表',
    unit_line='单位：万元',
    year=2022,
    unit='万元',
    project='公共图书馆免费开放补助资金',
    department='四川省文化和旅游厅',
    implementer='四川省图书馆',
    funds_label='项目资金（万元）',
    funds_header=['年初预算数', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分'],
    funds_total=('年度资金总额', '860.00', '920.00', '897.16', '97.52%', '10', '9.75'),
    fund_sources=[
        ('其中：财政资金', '860.00', '900.00', '880.16', '97.80%', '', ''),
        ('其他资金', '0.00', '20.00', '17.00', '85.00%', '', ''),
    ],
    goal_labels=('年度总体目标', '年初设定目标', '年度总体目标完成情况综述'),
    goal_expected='保障省图书馆免费开放运行，全年接待读者不少于一百五十万人次，举办公益讲座、展览等读者活动不少于二百场，持续丰富馆藏文献和数字资源，提升公共文化服务效能和群众满意度。',
    goal_achieved='全年免费开放运行平稳，接待读者一百六十二万人次，举办公益讲座、展览等读者活动一百八十六场，新增馆藏文献入藏合格，数字资源访问量稳步增长，读者满意度较高；受疫情影响部分线下活动取消。',
    indicator_header=['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '全年实际值', '分值', '得分', '未完成原因分析'],
    # level1 (printed, with weight), level2, name, sign, value, unit, actual, weight, score, met, note
    indicators=[
        ('产出指标(50分)', '数量指标', '年接待读者人次', '≥', '150', '万人次', '162万人次', '10', '10', True, ''),
        ('产出指标(50分)', '数量指标', '举办公益讲座及展览场次', '≥', '200', '场', '186场', '10', '9', False,
         '受疫情影响部分线下讲座取消，下一步将增加线上讲座和展览场次。'),
        ('产出指标(50分)', '质量指标', '新增馆藏文献入藏合格率', '≥', '98', '%', '99%', '10', '10', True, ''),
        ('产出指标(50分)', '时效指标', '免费开放时间达标率', '=', '100', '%', '100%', '10', '10', True, ''),
        ('产出指标(50分)', '时效指标', '指标2：', '', '', '', '', '', '', 'placeholder', ''),
        ('产出指标(50分)', '成本指标', '单位读者服务成本', '≤', '5', '元/人次', '4.8元/人次', '10', '10', True, ''),
        ('效益指标(30分)', '社会效益指标', '公共文化服务覆盖面', '定性', '有效扩大', '', '进一步扩大', '15', '15', None, ''),
        ('效益指标(30分)', '社会效益指标', '数字资源访问量增长率', '≥', '10', '%', '12%', '15', '15', True, ''),
        ('满意度指标(10分)', '服务对象满意度指标', '读者满意度', '≥', '90', '%', '96.5%', '10', '10', True, ''),
    ],
    total=('总分', '100', '98.75'),
    grade=('自评等级', '优'),
    note='注：1.指标性质填写“≥”“≤”“＝”或“定性”；2.未完成原因分析应说明偏差原因及改进措施；3.总分为资金执行得分与各项绩效指标得分之和。',
)


def sichuan_table(d):
    """10 columns; no 绩效指标 label column."""
    t = []
    t.append([C('项目名称'), C(d['project'], 9)])
    t.append([C('主管部门'), C(d['department'], 4), C('实施单位'), C(d['implementer'], 4)])
    n = 2 + len(d['fund_sources'])
    h = d['funds_header']
    t.append([C(d['funds_label'], 1, n), C('', 2)] + [C(x) for x in h[:5]] + [C(h[5], 2)])
    for row in [d['funds_total']] + d['fund_sources']:
        t.append([C(row[0], 2)] + [C(x) for x in row[1:6]] + [C(row[6], 2)])
    g = d['goal_labels']
    t.append([C(g[0], 1, 2), C(g[1], 4), C(g[2], 5)])
    t.append([C(d['goal_expected'], 4), C(d['goal_achieved'], 5)])
    inds = d['indicators']
    spans = grouped(inds, lambda x: x[0], lambda x: x[1])
    t.append([C(x) for x in d['indicator_header']])
    for ind, (s1, s2) in zip(inds, spans):
        row = []
        if s1:
            row.append(C(ind[0], 1, s1))
        if s2:
            row.append(C(ind[1], 1, s2))
        row += [C(x) for x in ind[2:9]] + [C(ind[10])]
        t.append(row)
    t.append([C(d['total'][0], 7), C(d['total'][1]), C(d['total'][2]), C('')])
    t.append([C(d['grade'][0]), C(d['grade'][1], 9)])
    t.append([C(d['note'], 10)])
    return t


SICHUAN_COLS = [16, 11, 14, 7, 8, 9, 11, 6, 6, 14]

# ------------------------------------------------------------------ c. 上海 style, money in 元

YUAN = dict(
    title='2022年度项目支出绩效自评表',
    unit_line='单位：元',
    year=2022,
    unit='元',
    project='青少年校外教育活动经费',
    department='上海市徐汇区教育局',
    implementer='上海市徐汇区青少年活动中心',
    funds_label='项目资金（元）',
    funds_header=['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    # 1,296,540.00 / 1,380,000.00 = 93.95%: the stated 95.12% is deliberately inconsistent
    funds_total=('年度资金总额', '1,250,000.00', '1,380,000.00', '1,296,540.00', '10', '95.12%', '9.40'),
    fund_sources=[
        ('其中：当年财政拨款', '1,000,000.00', '1,080,000.00', '1,020,600.00', '—', '94.50%', '—'),
        ('上年结转资金', '0.00', '50,000.00', '45,940.00', '—', '91.88%', '—'),
        ('财政专户管理资金', '200,000.00', '200,000.00', '185,000.00', '—', '92.50%', '—'),
        ('单位资金', '50,000.00', '50,000.00', '45,000.00', '—', '90.00%', '—'),
    ],
    goal_labels=('年度总体目标', '预期目标', '实际完成情况'),
    goal_expected='围绕立德树人根本任务，全年组织开展科技、艺术、体育等校外教育活动不少于一百二十场，覆盖全区中小学生两万人次以上，确保活动安全有序，促进学生综合素质全面发展。',
    goal_achieved='全年组织开展科技、艺术、体育等校外教育活动一百三十五场，参与学生一点九万人次，活动安全有序、无安全事故，学生综合素质有所提升；受疫情影响部分大型活动改为线上举办，参与人次略低于预期。',
    indicator_header=['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    indicators=[
        ('产出指标', '数量指标', '开展校外教育活动场次', '≥120场', '135场', '15', '15', True, ''),
        ('产出指标', '数量指标', '参与活动学生人次', '≥2万人次', '1.9万人次', '10', '9.5', False,
         '受疫情影响部分大型活动改为线上举办，参与人次略低于预期；下一步将丰富线上活动形式，扩大覆盖面。'),
        ('产出指标', '质量指标', '活动安全事故发生数', '0起', '0起', '10', '10', True, ''),
        ('产出指标', '时效指标', '活动按计划完成率', '≥95%', '98%', '10', '10', True, ''),
        ('产出指标', '成本指标', '人均活动成本', '≤60元', '56.37元', '5', '5', True, ''),
        ('效益指标', '社会效益指标', '学生综合素质', '有所提升', '有所提升', '15', '15', True, ''),
        ('效益指标', '可持续影响指标', '校外教育资源共享机制', '建立', '已建立', '15', '15', None, ''),
        ('满意度指标', '服务对象满意度指标', '学生及家长满意度', '≥90%', '0.93', '10', '10', None, ''),
    ],
    total=('总分', '100', '98.90'),
    grade=('自评等级', '优'),
)

YUAN_COLS = [9, 11, 14, 14, 14, 11, 9, 8, 16]


def make_forms():
    return {
        'national': Form('project_national', NATIONAL['title'], NATIONAL['unit_line'],
                         [(national_like_table(NATIONAL), NATIONAL_COLS)], NATIONAL),
        'sichuan': Form('project_sichuan', SICHUAN['title'], SICHUAN['unit_line'],
                        [(sichuan_table(SICHUAN), SICHUAN_COLS)], SICHUAN),
        'yuan': Form('project_yuan', YUAN['title'], YUAN['unit_line'],
                     [(national_like_table(YUAN), YUAN_COLS)], YUAN),
    }


FORMS = make_forms()

# ------------------------------------------------------------------ the volume

PROSE_HEADING = '二〇二二年度部门决算'
PROSE = [
    '根据预算法和财政部关于做好部门决算公开工作的有关要求，现将本部门二〇二二年度部门决算予以公开，内容包括部门整体支出绩效自评情况、部门收支总表和重点项目支出绩效自评情况。',
    '本部门认真贯彻落实全面实施预算绩效管理的有关部署，对年度整体支出和全部项目支出开展了绩效自评，自评结果已作为改进管理和安排以后年度预算的重要依据，并按规定随部门决算向社会公开，接受社会监督。',
]

DEPARTMENT = Form('department_overall', S.TITLE, S.UNIT_LINE, list(S.TABLES))

SUMMARY = Form('summary', '部门收支总表', '单位：万元', [([
    [C('收入', 2), C('支出', 2)],
    [C('项目'), C('决算数'), C('项目'), C('决算数')],
    [C('一般公共预算财政拨款收入'), C('18,211.58'), C('一般公共服务支出'), C('6,020.35')],
    [C('政府性基金预算财政拨款收入'), C('358.63'), C('公共安全支出'), C('1,105.20')],
    [C('其他收入'), C('0.00'), C('城乡社区支出'), C('9,876.40')],
    [C(''), C(''), C('农林水支出'), C('1,568.26')],
    [C('本年收入合计'), C('18,570.21'), C('本年支出合计'), C('18,570.21')],
], [30, 20, 30, 20])])

# pages of the volume in order; each item starts on a new page
VOLUME = [('prose', None), ('form', DEPARTMENT), ('form', SUMMARY),
          ('form', FORMS['national']), ('form', FORMS['sichuan']), ('form', FORMS['yuan'])]

HEADER_LABELS = set(S.HEADER_LABELS) | {
    '项目名称', '主管部门', '实施单位', '项目资金（万元）', '项目资金（元）', '年初预算数', '全年预算数（A）',
    '全年执行数（B）', '分值', '执行率（B/A）', '得分', '年度总体目标', '实际完成情况', '绩效指标', '一级指标',
    '二级指标', '三级指标', '年度指标值', '实际完成值', '偏差原因分析及改进措施', '总分', '自评等级',
    '调整后预算数', '预算执行数', '预算执行率', '权重', '年初设定目标', '年度总体目标完成情况综述', '指标性质',
    '指标值', '度量单位', '全年实际值', '未完成原因分析', '全年预算数', '全年执行数', '执行率', '收入', '支出',
    '项目', '决算数'}


def is_header(text):
    return text in HEADER_LABELS


def all_text():
    parts = [PROSE_HEADING] + PROSE
    for f in [DEPARTMENT, SUMMARY] + list(FORMS.values()):
        parts += [f.title, f.unit_line or '']
        for t, _ in f.tables:
            parts += [x[4] for x in cells(t)]
    return ''.join(parts)


def grid(table):
    """The table as a full rows x cols grid of strings ('' for covered/empty)."""
    n = ncols(table)
    nr = max(r + rs for (r, c, rs, cs, t) in cells(table))
    g = [[''] * n for _ in range(nr)]
    for (r, c, rs, cs, t) in cells(table):
        g[r][c] = t
    return g


if __name__ == '__main__':
    for k, f in FORMS.items():
        for t, w in f.tables:
            assert len(w) == ncols(t), (k, len(w), ncols(t))
            for row in grid(t):
                print('\t'.join(row))
        print()
