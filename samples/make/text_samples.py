#!/usr/bin/env python3
"""Write the hand-made text-dump samples in samples/text/, each in the
encoding and line ending it is meant to exercise. Run from the repo root:
    python3 samples/make/text_samples.py
The seed (000_*.txt) is copied from the shared seed, not generated here."""
import pathlib

OUT = pathlib.Path(__file__).resolve().parent.parent / "text"

T = "\t"

# 1. GB18030, label variants: 年度总体目标 / 实际完成情况, 预期值 / 实际完成值,
#    spaced label with full-width colon, （万元） suffix, 金额单位：, targets with
#    不低于 / ＞＝ / ≤ / full-width digits, a qualitative pair that cannot be decided.
DEPT_VARIANTS = "\n".join([
    "附件2",
    "2022年度部门整体支出绩效自评表",
    "金额单位：万元",
    "部 门 名 称：\t广州市某区教育局\t\t\t",
    "部门资金情况\t年度预算数（万元）\t5,000.00\t年初预算数\t4,800.00",
    "\t实际支出数\t4,750.50\t年度调整额\t200.00",
    "\t其中：一般公共预算\t4,500.00\t\t",
    "\t预算完成率\t95.01%\t预算调整率\t4.17%",
    "年度总体目标\t年度总体目标\t\t实际完成情况\t",
    "\t完成全区中小学校舍维修改造，提升教育教学质量。\t\t完成校舍维修改造12所，教学质量稳步提升。\t",
    "年度关键指标\t关键指标\t预期值\t实际完成值\t",
    "\t校舍维修改造学校数量\t不低于10所\t12所\t",
    "\t教师培训覆盖率\t＞＝９５％\t９６％\t",
    "\t安全事故发生次数\t≤1次\t0次\t",
    "\t家长满意度\t≥90%\t88%\t",
    "\t项目完工及时率\t１００％\t１００％\t",
    "\t教学质量\t良好\t优秀\t",
    "",
])

# 2. UTF-16LE with BOM, CRLF: a budget that does not add up, an execution rate
#    that does not match, and a task with three indicator names but two values.
DEPT_INCONSISTENT = "\r\n".join([
    "某县部门整体支出绩效自评表（2020年）",
    "单位：万元",
    "部门名称\t某县农业农村局\t\t\t",
    "部门资金情况\t全年预算数\t1,200.00\t年初预算数\t1,000.00",
    "\t全年执行数\t1,100.00\t年度调整额\t150.00",
    "\t执行率\t90.00%\t预算调整率\t15.00%",
    "年度整体目标\t年度整体目标\t\t整体目标完成情况\t",
    "\t推进高标准农田建设。\t\t建成高标准农田2万亩。\t",
    "",
    "主要任务\t预期目标\t目标完成情况\t关键指标\t指标完成情况\t任务涉及资金",
    "高标准农田建设\t建设高标准农田2万亩\t建成2万亩\t建成面积 验收合格率 农户满意度\t2万亩 98%\t800.00",
    "农业技术推广\t推广新技术10项\t推广12项\t推广技术数量\t12项\t300.00",
    "存在问题\t资金拨付进度偏慢。\t\t\t\t",
    "改进措施\t加快资金拨付。\t\t\t\t",
    "",
])

# 3. UTF-8 with BOM, CRLF, money in 元, the year on its own line, 绩效指标 with
#    三级指标 / 年度指标值 / 实际值, empty (—) cells, a zero target, a date target,
#    units that differ (90% against 0.95).
DEPT_YUAN = "\r\n".join([
    "部门整体支出绩效自评表",
    "（2023年度）",
    "单位: 元",
    "部门名称：\t某市档案馆\t\t\t",
    "部门资金情况\t整体支出年度预算数\t3,000,000.00\t整体支出年初预算数\t3,000,000.00",
    "\t实际支出数\t2,850,000.00\t年度调整额\t—",
    "\t预算完成率\t95%\t预算调整率\t—",
    "绩效指标\t三级指标\t年度指标值\t实际值",
    "\t档案数字化数量\t≥50万页\t52万页",
    "\t档案查阅服务人次\t＞2000人次\t1980人次",
    "\t档案安全事故\t0起\t0起",
    "\t数字化项目完成时间\t2023年12月31日前\t2023年11月30日",
    "\t查档群众满意度\t不少于90%\t0.95",
    "",
])

# 4. A project form (national template) in UTF-8: 项目资金 table with 其中 rows,
#    一级指标 with weight suffixes carried down, 总分 under 分值 / 得分, 自评等级.
PROJECT = "\n".join([
    "项目支出绩效自评表",
    "（2021年度）",
    "项目名称\t社区公共服务设施维护项目\t\t\t\t\t\t\t",
    "主管部门\t某区民政局\t\t\t实施单位\t某街道办事处\t\t\t",
    "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\t",
    "\t年度资金总额\t100.00\t120.00\t114.00\t10\t95.00%\t9.5\t",
    "\t其中：当年财政拨款\t100.00\t110.00\t105.00\t—\t95.45%\t—\t",
    "\t上年结转资金\t0.00\t10.00\t9.00\t—\t90.00%\t—\t",
    "\t其他资金\t0.00\t0.00\t0.00\t—\t—\t—\t",
    "年度总体目标\t预期目标\t\t\t实际完成情况\t\t\t\t",
    "\t完成辖区内10个社区公共服务设施维护。\t\t\t完成10个社区公共服务设施维护。\t\t\t\t",
    "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
    "\t产出指标(50分)\t数量指标\t维护社区数量\t10个\t10个\t20\t20\t",
    "\t\t质量指标\t设施完好率\t≥95%\t96%\t15\t15\t",
    "\t\t时效指标\t完成及时率\t100%\t100%\t15\t15\t",
    "\t效益指标(30分)\t社会效益指标\t居民使用人次\t≥5000人次\t4800人次\t30\t27\t受疫情影响使用人次略低",
    "\t满意度指标(10分)\t服务对象满意度指标\t居民满意度\t≥90%\t92%\t10\t10\t",
    "总分\t\t\t\t\t\t100\t96.5\t",
    "自评等级\t优\t\t\t\t\t\t\t",
    "",
])

# 5. A table that is no performance form (收支总表): an `unknown` record.
UNKNOWN = "\n".join([
    "2021年度部门收支总表",
    "单位：万元",
    "收入项目\t金额\t支出项目\t金额",
    "一般公共预算财政拨款收入\t1,000.00\t一般公共服务支出\t600.00",
    "政府性基金预算财政拨款收入\t200.00\t教育支出\t600.00",
    "",
])

# 6. Prose only: no table, so no form (error no_form_found).
NO_FORM = "\n".join([
    "关于2021年度部门整体支出绩效自评情况的说明",
    "一、部门基本情况",
    "本部门共有内设机构5个，在职人员42人。",
    "二、绩效自评结论",
    "自评得分92分，等级为优。",
    "",
])

FILES = [
    ("dept_variants_gb18030.txt", DEPT_VARIANTS, "gb18030", b""),
    ("dept_inconsistent_utf16.txt", DEPT_INCONSISTENT, "utf-16-le", b"\xff\xfe"),
    ("dept_yuan_bom_crlf.txt", DEPT_YUAN, "utf-8", b"\xef\xbb\xbf"),
    ("project_national.txt", PROJECT, "utf-8", b""),
    ("unknown_table.tsv", UNKNOWN, "utf-8", b""),
    ("no_form.txt", NO_FORM, "utf-8", b""),
]

if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text, enc, bom in FILES:
        (OUT / name).write_bytes(bom + text.encode(enc))
        print("wrote", OUT / name)
