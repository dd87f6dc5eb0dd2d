//! The failure classes of issue #9, one small text dump each (written for
//! the test, tab-separated like the seed), with exact expected values. Each
//! was read wrongly, or silently, before.

use jixiao::pipeline::{self, Options};
use serde_json::{Value, json};

fn records(text: &str) -> Vec<Value> {
    pipeline::extract_bytes("case.txt", text.as_bytes(), Options::default())
        .unwrap()
        .iter()
        .map(|r| serde_json::to_value(r).unwrap())
        .collect()
}

fn record(text: &str) -> Value {
    let mut all = records(text);
    assert_eq!(all.len(), 1, "{all:?}");
    all.remove(0)
}

fn codes(r: &Value) -> Vec<&str> {
    r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect()
}

fn names(r: &Value) -> Vec<&str> {
    r["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect()
}

#[test]
fn a_funds_values_row_without_a_row_label_is_the_total() {
    // Was: a fund source labelled "1,000.00", funds {}, no warning.
    let r = record(
        "部门整体支出绩效自评表（2022年度）\n单位：万元\n\
         部门名称\t某区教育局\t\t\t\n\
         部门资金情况\t年初预算数\t年度预算数\t全年执行数\t预算完成率\n\
         \t1,000.00\t1,200.00\t1,100.00\t91.67%\n",
    );
    assert_eq!(
        r["funds"],
        json!({"initial_budget": 1000, "annual_budget": 1200, "actual": 1100, "execution_rate": 91.67})
    );
    assert_eq!(r["fund_sources"], json!([]));
    assert_eq!(r["department"], "某区教育局");
    assert_eq!(codes(&r), Vec::<&str>::new());
}

const SICHUAN: &str = "报表编号:510000_0013zp\n部门预算项目支出绩效自评表(2023年度)\n\
项目名称\t51000021R000000019951-工资性支出\t\t\t\t\t\t\t\n\
县级主管部门\t某县教育局\t\t\t实施单位（盖章）\t某县第一中学\t\t\t\n\
项目年度目标\t\t\t\t年度目标完成情况\t\t\t\t\n\
保障教职工工资按时发放\t\t\t\t已按时足额发放\t\t\t\t\n\
预算执行情况（10分）\t年度预算数（万元）\t年初预算\t调整后预算数\t预算执行数\t预算执行率\t权重\t得分\t原因\n\
\t总额\t100.00\t120.00\t108.00\t90.00%\t10\t9\t\n\
\t其中：财政资金\t80.00\t100.00\t90.00\t90.00%\t\t\t\n\
\t其他资金\t20.00\t20.00\t18.00\t90.00%\t\t\t\n\
绩效指标（90分）\t\t\t\t\t\t\t\t\n\
一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t完成值\t权重\t得分\n\
产出指标\t数量指标\t发放人数\t≥\t120\t人\t125\t50\t50\n\
满意度指标\t服务对象满意度指标\t教职工满意度\t定量\t95\t%\t96\t40\t40\n\
合计\t\t\t\t\t\t\t100\t99\n";

#[test]
fn sichuan_system_template() {
    // Was: 年度预算数（万元） taken for the annual budget column, 总额 a fund
    // source with not_a_number, the 报表编号 line a spurious empty record.
    let r = record(SICHUAN);
    assert_eq!(r["title"], "部门预算项目支出绩效自评表(2023年度)");
    assert_eq!(r["form"], "project");
    assert_eq!(r["department"], "某县教育局");
    assert_eq!(r["implementer"], "某县第一中学");
    assert_eq!(r["unit"], "万元");
    assert_eq!(
        r["funds"],
        json!({"initial_budget": 100, "annual_budget": 120, "actual": 108,
               "execution_rate": 90, "weight": 10, "score": 9})
    );
    assert_eq!(
        r["fund_sources"],
        json!([
            {"source": "appropriation", "label": "财政资金", "initial_budget": 80,
             "annual_budget": 100, "actual": 90, "execution_rate": 90},
            {"source": "other", "label": "其他资金", "initial_budget": 20,
             "annual_budget": 20, "actual": 18, "execution_rate": 90},
        ])
    );
    assert_eq!(
        r["goal"],
        json!({"expected": "保障教职工工资按时发放", "achieved": "已按时足额发放"})
    );
    assert_eq!(names(&r), ["发放人数", "教职工满意度"]);
    // A nature word (定量) is in no Measure; the unit column is the actual's unit.
    assert_eq!(
        r["indicators"][1]["target"],
        json!({"raw": "95%", "op": null, "value": 95, "unit": "%"})
    );
    assert_eq!(
        r["indicators"][1]["actual"],
        json!({"raw": "96", "op": null, "value": 96, "unit": "%"})
    );
    assert_eq!(r["indicators"][0]["target"]["raw"], "≥120人");
    assert_eq!(r["indicators"][0]["met"], true);
    assert_eq!(r["total_score"], 99);
    assert_eq!(codes(&r), Vec::<&str>::new());
}

#[test]
fn an_indicator_header_with_an_empty_first_cell() {
    // Was: no indicators, and the header glued into the goal text.
    let r = record(
        "项目支出绩效自评表（2022年度）\n\
         项目名称\t道路养护\t\t\t\t\t\t\n\
         年度总体目标\t预期目标\t\t\t实际完成情况\t\t\t\n\
         \t完成道路养护\t\t\t已完成\t\t\t\n\
         \t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n\
         \t产出指标\t数量指标\t养护里程\t≥10公里\t12公里\t100\t100\n",
    );
    assert_eq!(
        r["goal"],
        json!({"expected": "完成道路养护", "achieved": "已完成"})
    );
    assert_eq!(names(&r), ["养护里程"]);
    assert_eq!(r["indicators"][0]["level2"], "数量指标");
    assert_eq!(r["indicators"][0]["score"], 100);
}

#[test]
fn label_variants_and_traditional_characters() {
    // Was: 专项资金名称, 市级主管部门, 實施單位（盖章）, 資金情況（萬元） and a
    // column written 实际完成 值 all missed.
    let r = record(
        "專項資金績效自評表（2021年度）\n\
         专项资金名称\t农田水利补助\t\t\t\t\t\t\n\
         市 级 主 管 部 门\t某市水利局\t\t\t實施單位（盖章）\t某县水利站\t\t\n\
         資金情況（萬元）\t全年預算數（A）\t全年執行數（B）\t分值\t執行率（B/A）\t得分\t\t\n\
         \t200.00\t190.00\t10\t95.00%\t9.5\t\t\n\
         年度关键指标\t关键指标\t预期实现值\t实际完成 值\t\t\t\t\n\
         \t灌溉面积\t≥500亩\t520亩\t\t\t\t\n",
    );
    assert_eq!(r["form"], "project");
    assert_eq!(r["project"], "农田水利补助");
    assert_eq!(r["department"], "某市水利局");
    assert_eq!(r["implementer"], "某县水利站");
    assert_eq!(r["unit"], "万元");
    assert_eq!(
        r["funds"],
        json!({"annual_budget": 200, "actual": 190, "weight": 10, "execution_rate": 95, "score": 9.5})
    );
    assert_eq!(names(&r), ["灌溉面积"]);
    assert_eq!(r["indicators"][0]["actual"]["value"], 520);
}

#[test]
fn a_section_cell_repeated_after_a_page_break_keeps_the_block() {
    // Was: the rows after the repeated 绩效指标 cell went to `extra`.
    let r = record(
        "项目支出绩效自评表（2022年度）\n\
         项目名称\t社区服务\t\t\t\t\t\t\n\
         绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n\
         \t产出指标\t数量指标\t服务人次\t≥100人次\t120人次\t50\t50\n\
         绩效指标\t效益指标\t社会效益指标\t居民满意度\t≥90%\t95%\t50\t48\n\
         总分\t\t\t\t\t\t100\t98\n",
    );
    assert_eq!(names(&r), ["服务人次", "居民满意度"]);
    assert_eq!(r["indicators"][1]["level1"], "效益指标");
    assert_eq!(r["indicators"][1]["score"], 48);
    assert_eq!(r["extra"], json!({}));
    assert_eq!(codes(&r), Vec::<&str>::new());
}

#[test]
fn look_alikes_are_unknown() {
    // Was: read as project forms (department, funds, indicators filled).
    let r = record(
        "2022年度项目支出绩效目标申报表\n单位：万元\n\
         项目名称\t社区服务\t\t\n\
         主管部门\t某区民政局\t实施单位\t某街道\n\
         绩效指标\t一级指标\t三级指标\t指标值\n\
         \t产出指标\t服务人次\t≥100人次\n",
    );
    assert_eq!(r["form"], "unknown");
    assert_eq!(r["title"], "2022年度项目支出绩效目标申报表");
    assert_eq!(
        (r["year"].clone(), r["unit"].clone()),
        (json!(2022), json!("万元"))
    );
    for f in [
        "department",
        "project",
        "implementer",
        "goal",
        "total_score",
    ] {
        assert_eq!(r[f], Value::Null, "{f}");
    }
    assert_eq!(r["indicators"], json!([]));
    assert_eq!(r["extra"]["项目名称"], "社区服务");
    let b = record(
        "2021年度部门整体支出绩效评价基础数据表\n\
         财政供养人员情况\t编制数\t40\t实有人数\t38\n\
         年度预算数\t466.51\t全年执行数\t448.60\t\n",
    );
    assert_eq!(b["form"], "unknown");
    assert_eq!(b["funds"], json!({}));
}

#[test]
fn a_scoring_rubric_gives_indicators_with_criteria() {
    // Was: every rubric row in `extra`.
    let r = record(
        "2023年度部门整体支出绩效评价自评表\n\
         部门名称\t某县财政局\t\t\t\t\t\t\n\
         序号\t一级指标\t二级指标\t三级指标\t指标分值\t指标解释\t评分标准\t自评得分\n\
         1\t决策（40分）\t目标设定\t绩效目标合理性\t40\t目标是否符合规划\t合理得满分\t40\n\
         2\t\t预算配置\t在职人员控制率\t60\t在职人数与编制数之比\t≤100%得满分\t55.5\n\
         合计\t\t\t\t100\t\t\t95.5\n",
    );
    assert_eq!(r["form"], "department_overall");
    assert_eq!(
        r["indicators"][1],
        json!({"level1": "决策", "level2": "预算配置", "name": "在职人员控制率",
               "target": null, "actual": null, "weight": 60, "score": 55.5, "met": null,
               "note": null, "criteria": "在职人数与编制数之比 / ≤100%得满分"})
    );
    assert_eq!(r["indicators"][0]["level1"], "决策");
    assert_eq!(r["total_score"], 95.5);
    assert_eq!(codes(&r), Vec::<&str>::new());
}

#[test]
fn the_title_is_the_tables_own_heading() {
    // Was: the notice paragraph above taken for the title.
    let r = record(
        "某区民政局关于公开2022年度项目支出绩效自评表的说明\n\
         附件1\n\
         项目支出绩效自评表（2022年度）\n\
         项目名称\t社区服务\t\t\n\
         主管部门\t某区民政局\t实施单位\t某街道\n",
    );
    assert_eq!(r["title"], "项目支出绩效自评表（2022年度）");
    assert_eq!(r["year"], 2022);
}

#[test]
fn values_written_inside_label_cells_count() {
    // 湖南: `其中: 一般公共预算:1325.68`.
    let r = record(
        "2021年度部门整体支出绩效自评表\n单位：万元\n\
         部门名称\t某县农业农村局\t\t\n\
         年度预算申请\t年度预算数：1,500.00\t其中: 一般公共预算:1325.68\t执行率：96.00%\n\
         \t全年执行数：1,440.00\t\t\n",
    );
    assert_eq!(
        r["funds"],
        json!({"annual_budget": 1500, "general_public_budget": 1325.68,
               "execution_rate": 96, "actual": 1440})
    );
    assert_eq!(codes(&r), Vec::<&str>::new());
}

#[test]
fn hubei_block_weight_and_numbered_goal_blocks() {
    let r = record(
        "项目绩效自评表（2020年度）\n\
         项目名称\t禁捕退捕\t\t\t\t\t\n\
         预算执行情况（万元）（20分）\t\t预算数（A）\t执行数（B）\t执行率（B/A）\t得分（20分*执行率）\t\n\
         \t年度财政资金总额\t50.00\t45.00\t90.00%\t18\t\n\
         年度绩效目标1（40分）\t完成退捕渔民安置\t\t\t\t\t\n\
         \t一级指标\t二级指标\t三级指标\t年初目标值（A）\t实际完成值（B）\t得分\n\
         \t产出指标\t数量指标\t安置人数\t100人\t100人\t40\n\
         年度绩效目标2（40分）\t加强巡查\t\t\t\t\t\n\
         \t一级指标\t二级指标\t三级指标\t年初目标值（A）\t实际完成值（B）\t得分\n\
         \t产出指标\t数量指标\t巡查次数\t≥50次\t48次\t38\n\
         总分\t100\t96\t\t\t\t\n",
    );
    assert_eq!(
        r["funds"],
        json!({"annual_budget": 50, "actual": 45, "execution_rate": 90, "score": 18, "weight": 20})
    );
    assert_eq!(r["goal"]["expected"], "完成退捕渔民安置\n加强巡查");
    assert_eq!(r["goal"]["achieved"], Value::Null);
    assert_eq!(names(&r), ["安置人数", "巡查次数"]);
    assert_eq!(r["indicators"][1]["met"], false);
    assert_eq!(r["total_score"], 96);
    assert_eq!(codes(&r), Vec::<&str>::new());
}

#[test]
fn chongqing_adjusted_values_are_in_force() {
    let r = record(
        "2021年度部门整体绩效自评表\n单位：万元\n\
         主管部门\t某区卫健委\t\t\t\t\t\t\t\t\n\
         部门预算执行情况（万元）\t年初预算数\t全年（调整）预算数\t全年执行数\t执行率（%）\t执行率权重\t执行率得分（分）\t\t\t\n\
         \t100.00\t110.00\t99.00\t90.00\t10\t9\t\t\t\n\
         当年绩效目标\t年初绩效目标\t\t全年（调整）绩效目标\t\t全年目标实际完成情况\t\t\t\t\n\
         \t开展义诊\t\t开展义诊和巡诊\t\t已完成\t\t\t\t\n\
         绩效指标\t指标名称\t计量单位\t指标性质\t年初指标值\t调整指标值\t全年完成值\t得分系数（%）\t指标权重（分）\t指标得分（分）\n\
         \t义诊次数\t次\t≥\t10\t12\t12\t100\t90\t90\n",
    );
    assert_eq!(r["form"], "department_overall");
    assert_eq!(r["department"], "某区卫健委");
    assert_eq!(
        r["funds"],
        json!({"initial_budget": 100, "annual_budget": 110, "actual": 99,
               "execution_rate": 90, "weight": 10, "score": 9})
    );
    assert_eq!(r["goal"]["expected"], "开展义诊和巡诊");
    assert_eq!(
        r["indicators"][0]["target"],
        json!({"raw": "≥12次", "op": ">=", "value": 12, "unit": "次"})
    );
    assert_eq!(
        r["indicators"][0]["actual"],
        json!({"raw": "12", "op": null, "value": 12, "unit": "次"})
    );
    assert_eq!(r["indicators"][0]["weight"], 90);
    assert_eq!(codes(&r), Vec::<&str>::new());
}

const CLEAN: &str = "项目支出绩效自评表（2022年度）\n\
项目名称\t社区服务\t\t\t\t\t\t\n\
项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
\t年度资金总额\t100.00\t100.00\t90.00\t10\t90.00%\t9\n\
\t其中：当年财政拨款\t100.00\t100.00\t90.00\t\t90.00%\t\n\
年度总体目标\t预期目标\t\t\t实际完成情况\t\t\t\n\
\t提升服务\t\t\tGOAL\t\t\t\n\
绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n\
\t产出指标\t数量指标\t服务人次\t≥100人次\t120人次\tW1\tS1\n\
\t效益指标\t社会效益指标\t居民满意度\t≥90%\t95%\t45\t45\n\
总分\t\t\t\t\t\t100\t99\n";

fn clean(goal: &str, w1: &str, s1: &str) -> String {
    CLEAN
        .replace("GOAL", goal)
        .replace("W1", w1)
        .replace("S1", s1)
}

#[test]
fn a_consistent_form_has_no_warning_and_sums_are_checked() {
    let r = record(&clean("已完成", "45", "45"));
    assert_eq!(codes(&r), Vec::<&str>::new());
    assert_eq!(r["funds"]["weight"], 10);
    // Weights 45 + 45 + 10 = 100 but scores 40 + 45 + 9 = 94 ≠ 99.
    let r = record(&clean("已完成", "45", "40"));
    assert_eq!(codes(&r), ["scores_sum"]);
    // Weights 50 + 45 + 10 = 105 ≠ 100, scores 50 + 45 + 9 = 104 ≠ 99.
    let r = record(&clean("已完成", "50", "50"));
    assert_eq!(codes(&r), ["weights_sum", "scores_sum"]);
}

#[test]
fn template_text_is_nulled_with_a_warning() {
    let r = record(&clean(
        "对照年度目标,说明相关任务目标的完成情况(100字以内)",
        "45",
        "45",
    ));
    assert_eq!(r["goal"]["achieved"], Value::Null);
    assert_eq!(r["goal"]["expected"], "提升服务");
    assert_eq!(codes(&r), ["template_text"]);
}

#[test]
fn cells_no_field_took_are_reported() {
    // An unknown column's values (and its header) are reported, quoted.
    let text = CLEAN
        .replace("GOAL", "已完成")
        .replace("W1", "45")
        .replace("S1", "45")
        .replace("分值\t得分\n\t产出", "分值\t得分\t佐证材料\n\t产出")
        .replace("120人次\t45\t45\n", "120人次\t45\t45\t台账\n");
    let r = record(&text);
    assert_eq!(codes(&r), ["cells_unmapped"]);
    let msg = r["warnings"][0]["message"].as_str().unwrap();
    assert!(
        msg.contains("\"佐证材料\"") && msg.contains("\"台账\""),
        "{msg}"
    );
}

#[test]
fn fund_sources_that_do_not_add_up_and_unread_funds_are_reported() {
    let text = clean("已完成", "45", "45").replace(
        "\t其中：当年财政拨款\t100.00\t100.00\t90.00",
        "\t其中：当年财政拨款\t80.00\t80.00\t72.00",
    );
    assert_eq!(codes(&record(&text)), ["fund_sources_sum"]);
    let r = record(
        "部门整体支出绩效自评表（2022年度）\n\
         部门名称\t某区教育局\t\t\t\n\
         部门资金情况\t年初预算数\t年度预算数\t全年执行数\t预算完成率\n\
         \t\t\t\t\n\
         年度整体目标\t完成任务\t\t\t\n",
    );
    assert_eq!(codes(&r), ["funds_unmapped"]);
}

#[test]
fn a_two_row_header_splits_the_target_into_sign_value_and_unit() {
    // 丽江: 年度指标值 over 指标性质 | 指标值 | 度量单位. Was: the second header
    // row replaced the first (names read from the section column).
    let r = record(
        "项目支出绩效自评表（2020年度）\n\
         项目名称\t村道硬化\t\t\t\t\t\t\t\t\t\n\
         绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t\t\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n\
         \t\t\t\t指标性质\t指标值\t度量单位\t\t\t\t\n\
         \t产出指标\t数量指标\t硬化里程\t≥\t5\t公里\t6\t50\t50\t\n\
         \t\t质量指标\t验收合格率\t正向\t100\t%\t98\t40\t36\t个别路段返工\n\
         指标2：\t\t\t\t\t\t\t\t\t\t\n",
    );
    assert_eq!(names(&r), ["硬化里程", "验收合格率"]);
    assert_eq!(
        r["indicators"][0]["target"],
        json!({"raw": "≥5公里", "op": ">=", "value": 5, "unit": "公里"})
    );
    assert_eq!(
        r["indicators"][1]["target"],
        json!({"raw": "100%", "op": null, "value": 100, "unit": "%"})
    );
    assert_eq!(
        r["indicators"][1]["actual"],
        json!({"raw": "98", "op": null, "value": 98, "unit": "%"})
    );
    assert_eq!(r["indicators"][1]["met"], false);
    assert_eq!(r["indicators"][1]["level2"], "质量指标");
    assert_eq!(r["indicators"][1]["note"], "个别路段返工");
    assert_eq!(r["indicators"][1]["score"], 36);
}

#[test]
fn a_placeholder_row_in_traditional_characters_is_no_indicator() {
    let r = record(
        "項目支出績效自評表（2022年度）\n\
         項目名稱\t社區服務\t\t\t\t\t\t\n\
         績效指標\t一級指標\t二級指標\t三級指標\t年度指標值\t實際完成值\t分值\t得分\n\
         \t產出指標\t數量指標\t服務人次\t≥100人次\t120人次\t100\t100\n\
         \t\t\t指標2：\t\t\t\t\n",
    );
    assert_eq!(r["form"], "project");
    assert_eq!(names(&r), ["服務人次"]);
    assert_eq!(r["indicators"][0]["level1"], "產出指標");
}

#[test]
fn a_total_row_of_the_task_table_is_no_task_and_no_score() {
    let r = record(
        "部门整体支出绩效自评表（2021年度）\n\
         部门名称\t某街道\t\t\t\t\n\
         主要任务\t预期目标\t目标完成情况\t关键指标\t指标完成情况\t任务涉及资金\n\
         环境整治\t整治到位\t已整治\t整治次数\t5次\t100.00\n\
         合计\t\t\t\t\t100.00\n",
    );
    assert_eq!(r["tasks"].as_array().unwrap().len(), 1);
    assert_eq!(r["tasks"][0]["funds"], 100);
    assert_eq!(r["total_score"], Value::Null);
    assert_eq!(codes(&r), Vec::<&str>::new());
}

#[test]
fn spending_by_type_rows_are_no_fund_sources() {
    // 贵州: 资金来源 rows 基本支出 / 项目支出 / 其他 split spending by type.
    let r = record(
        "部门（单位）整体支出绩效自评表（2022年度）\n\
         部门（单位）名称\t某县林业局\t\t\t\t\t\n\
         部门（单位）总体资金（万元）\t资金来源\t年初预算数（A）\t全年执行数（B）\t分值（10分）\t得分\t得分计算方法\n\
         \t年度资金总额：\t500.00\t450.00\t10\t9\t执行率×分值\n\
         \t基本支出\t300.00\t280.00\t\t\t\n\
         \t项目支出\t200.00\t170.00\t\t\t\n\
         \t其他\t0.00\t0.00\t\t\t\n",
    );
    assert_eq!(r["form"], "department_overall");
    assert_eq!(
        r["funds"],
        json!({"initial_budget": 500, "actual": 450, "weight": 10, "score": 9})
    );
    assert_eq!(r["fund_sources"], json!([]));
    assert_eq!(codes(&r), Vec::<&str>::new());
}

#[test]
fn words_in_a_reason_column_label_no_funds_row() {
    // A values row with no row label whose 原因 cell holds words is still the
    // total row (was: a fund source labelled with the reason).
    let r = record(
        "部门整体支出绩效自评表（2022年度）\n\
         部门名称\t某区教育局\t\t\t\t\n\
         部门资金情况\t年初预算数\t年度预算数\t全年执行数\t预算完成率\t原因\n\
         \t1,000.00\t1,200.00\t1,100.00\t91.67%\t部分项目延期\n",
    );
    assert_eq!(
        r["funds"],
        json!({"initial_budget": 1000, "annual_budget": 1200, "actual": 1100, "execution_rate": 91.67})
    );
    assert_eq!(r["fund_sources"], json!([]));
    // The reason has no field: it is reported, not dropped.
    assert_eq!(codes(&r), ["cells_unmapped"]);
    assert!(
        r["warnings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("部分项目延期")
    );
}
