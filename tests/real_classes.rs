//! Failure classes found on real published forms (an audit of ten forms from
//! government pages), each as a small tab-separated text dump written here
//! with its own invented content: the layout is the real forms', the values
//! are not. Expected values were written before jixiao ran on them.

use serde_json::{Value, json};

use jixiao::pipeline::{Options, extract_bytes};

fn record(text: &str) -> Value {
    let recs = extract_bytes("case.txt", text.as_bytes(), Options::default()).expect("records");
    assert_eq!(recs.len(), 1, "one record");
    serde_json::to_value(&recs[0]).unwrap()
}

fn codes(r: &Value) -> Vec<(String, String)> {
    r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["code"].as_str().unwrap().to_string(),
                w["field"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn has_code(r: &Value, code: &str) -> bool {
    codes(r).iter().any(|c| c.0 == code)
}

const DEPT_FUNDS: &str = "部门整体支出绩效自评表\n(2023年度)\n\
部门\t某县农业服务中心\n\
预算资金(万元)\t\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
\t年度资金总额\t\t120.5\t130.5\t125.28\t10\t96%\t9.6\n\
\t其中:当年财政拨款\t\t100\t110\t105.28\t—\t95.71%\t—\n\
\t其他资金\t\t20.5\t20.5\t20\t—\t97.56%\t—\n\
年度总体目标\t预期目标\t\t\t\t实际完成情况\n\
\t完成农村道路养护。\t\t\t\t完成农村道路养护120公里。\n\
绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n\
\t产出指标\t数量指标\t养护道路里程\t≥100公里\t120公里\t50\t50\n\
\t效益指标\t社会效益指标\t群众出行条件\t改善\t改善\t20\t20\n\
\t满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t95%\t20\t20\n";

/// Class 1: a funds block found by its header row of budget columns under a
/// section label the dictionary does not hold (`预算资金(万元)`); class 7: 部门
/// alone is the department label.
#[test]
fn funds_block_found_by_its_header_row() {
    let r = record(DEPT_FUNDS);
    assert_eq!(r["form"], "department_overall");
    assert_eq!(r["department"], "某县农业服务中心");
    let funds: Vec<(String, f64)> = r["funds"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_f64().unwrap()))
        .collect();
    let want = [
        ("initial_budget", 120.5),
        ("annual_budget", 130.5),
        ("actual", 125.28),
        ("weight", 10.0),
        ("execution_rate", 96.0),
        ("score", 9.6),
    ];
    for (k, v) in want {
        assert!(funds.contains(&(k.to_string(), v)), "{k}: {funds:?}");
    }
    assert_eq!(funds.len(), want.len(), "{funds:?}");
    assert_eq!(r["fund_sources"][0]["source"], "appropriation");
    assert_eq!(r["fund_sources"][0]["actual"].as_f64(), Some(105.28));
    assert_eq!(r["fund_sources"][1]["source"], "other");
    assert!(!has_code(&r, "funds_unmapped"), "{:?}", codes(&r));
}

/// Class 1: a funds header with every value empty is a funds block no value
/// was read from.
#[test]
fn empty_funds_block_under_a_header_is_reported() {
    let text = "部门整体支出绩效自评表\n(2023年度)\n\
部门\t某县农业服务中心\n\
预算资金(万元)\t\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
\t年度资金总额\t\t\t\t\t\t\t\n\
绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n\
\t产出指标\t数量指标\t养护道路里程\t≥100公里\t120公里\t50\t50\n";
    let r = record(text);
    assert!(
        r["funds"].as_object().unwrap().values().all(Value::is_null),
        "{}",
        r["funds"]
    );
    assert!(has_code(&r, "funds_unmapped"), "{:?}", codes(&r));
}

/// Class 3: a 基本概况 table under a 部门整体 report title has neither a funds
/// block nor an indicator table: no self-evaluation.
#[test]
fn basic_facts_table_is_unknown() {
    let text = "某市2018年度部门整体支出\n绩效评价自评报告\n\
一、部门(单位)基本概况\n\
联系人\t王五\t联络电话\t1234567\n\
人员编制\t21\t实有人数\t20\n\
职能职责概述\t负责全市某某管理工作。\n\
年度主要工作内容\t1.完成监督工作。2.完成考核工作。\n";
    let r = record(text);
    assert_eq!(r["form"], "unknown");
    assert_eq!(r["funds"], json!({}));
    assert_eq!(r["indicators"], json!([]));
}

const SICHUAN: &str = "部门预算项目支出绩效自评表(2023年度)\n\
项目名称\t某县设备补助资金项目\n\
主管部门及代码\t某县司法局\t\t\t\t实施单位（盖章）\t\t某县司法局\n\
项目基本情况\t1.项目年度目标完成情况\t\t项目年度目标\t\t\t\t年度目标完成情况\n\
\t\t\t购买办公设备并完成资金支付。\t\t\t\t已完成采购与支付。\n\
\t2.项目实施内容及过程概述\t\t购买8台电脑。\n\
预算执行情况(10分)\t年度预算数(万元)\t\t年初预算\t调整后预算数\t预算执行数\t预算执行率\t权重\t得分\t原因\n\
\t总额\t\t2.00\t4.00\t3.00\t75.00%\t10\t7.5\n\
\t其中:财政资金\t\t2.00\t4.00\t3.00\t75.00%\t/\t/\n\
绩效指标(90分)\t一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t完成值\t权重\t得分\t未完成原因分析\n\
\t产出指标\t数量指标\t购置电脑数量\t≥\t8\t台\t8\t50\t50\n\
\t\t经济效益指标\n\
\t效益指标\t社会效益指标\t办公效率\t定性\t提高\t\t提高\t40\t40\n\
\t合计\t\t\t\t\t\t\t100\t97.5\n\
评价结论\t项目自评得分97.5分，按期完成采购。\n\
存在问题\t采购进度偏慢。\n\
改进措施\t提前编制采购计划。\n";

/// Class 4: a header row of two goal labels has its values on the row below;
/// class 5: 评价结论 is no grade; class 7: `及代码` names the same label;
/// class 9: an empty level-2 placeholder row is no unmapped cell.
#[test]
fn sichuan_goal_conclusion_and_department() {
    let r = record(SICHUAN);
    assert_eq!(r["form"], "project");
    assert_eq!(r["department"], "某县司法局");
    assert_eq!(r["implementer"], "某县司法局");
    assert_eq!(
        r["goal"],
        json!({"expected": "购买办公设备并完成资金支付。", "achieved": "已完成采购与支付。"})
    );
    assert_eq!(r["grade"], Value::Null);
    assert_eq!(r["extra"]["评价结论"], "项目自评得分97.5分，按期完成采购。");
    assert_eq!(r["funds"]["annual_budget"].as_f64(), Some(4.0));
    assert_eq!(r["funds"]["actual"].as_f64(), Some(3.0));
    assert_eq!(r["indicators"].as_array().unwrap().len(), 2);
    // The 合计 row under the level columns is the total, no indicator.
    assert_eq!(r["total_score"].as_f64(), Some(97.5));
    assert!(!has_code(&r, "cells_unmapped"), "{:?}", codes(&r));
}

/// Class 8: a rubric whose weights stand inside its labels and which has no
/// weight column.
#[test]
fn rubric_with_weights_inside_labels() {
    let text = "2017年部门整体支出绩效评价得分表\n\
一级指标\t二级指标\t三级指标\t得分\n\
部门决策(25分)\t目标任务(15分)\t相关性(5分)\t5\n\
\t\t明确性(5分)\t4\n\
\t预算编制(10分)\t测算依据(5分)\t2\n\
综合管理(30分)\t资金分配时限(2分)\t分配时限(1.5分)\t1\n";
    let r = record(text);
    assert_eq!(r["form"], "department_overall");
    let inds: Vec<(String, String, String, f64, f64)> = r["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            assert_eq!(i["met"], Value::Null);
            (
                i["level1"].as_str().unwrap().into(),
                i["level2"].as_str().unwrap().into(),
                i["name"].as_str().unwrap().into(),
                i["weight"].as_f64().unwrap(),
                i["score"].as_f64().unwrap(),
            )
        })
        .collect();
    let row = |a: &str, b: &str, c: &str, w: f64, s: f64| (a.into(), b.into(), c.into(), w, s);
    assert_eq!(
        inds,
        [
            row("部门决策", "目标任务", "相关性", 5.0, 5.0),
            row("部门决策", "目标任务", "明确性", 5.0, 4.0),
            row("部门决策", "预算编制", "测算依据", 5.0, 2.0),
            row("综合管理", "资金分配时限", "分配时限", 1.5, 1.0),
        ]
    );
    assert!(!has_code(&r, "met_undetermined"), "{:?}", codes(&r));
}

/// The year on a line of its own under the title is part of the title.
#[test]
fn a_year_line_under_the_title_joins_it() {
    let text = "项目支出绩效自评表\n（2022年度）\n\
项目名称\t某镇道路养护\n\
主管部门\t某区交通局\t实施单位\t某镇人民政府\n\
项目资金(万元)\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
\t年度资金总额\t10\t10\t9\t10\t90%\t9\n";
    let r = record(text);
    assert_eq!(r["title"], "项目支出绩效自评表（2022年度）");
    assert_eq!(r["year"], 2022);
}

/// A title row inside the table is nearer the form than a page heading above
/// it; the year row under it joins it.
#[test]
fn a_title_row_in_the_table_wins_over_the_page_heading() {
    let text = "某县某中心2023年度部门整体支出绩效自评表\n信息来源：某县某中心\n\
部门整体支出绩效自评表\t\t\t\t\n\
(2023年度)\t\t\t\t\n\
部门\t某县某中心\n\
预算资金(万元)\t\t年初预算数\t全年预算数\t全年执行数\t执行率\n\
\t年度资金总额\t10\t10\t9\t90%\n";
    let r = record(text);
    assert_eq!(r["title"], "部门整体支出绩效自评表(2023年度)");
    assert_eq!(r["form"], "department_overall");
}

// ------------------------------------------------------------------------
// A second audit of real published forms (twelve pages, other provinces and
// templates): one hand-made minimal form per failure class, in
// `tests/data/real2/`, with invented content in the real forms' layouts.

fn record_file(name: &str) -> Value {
    let path = format!("{}/tests/data/real2/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("test file");
    let recs = extract_bytes(name, &bytes, Options::default()).expect("records");
    assert_eq!(recs.len(), 1, "one record");
    serde_json::to_value(&recs[0]).unwrap()
}

fn funds_of(r: &Value) -> Vec<(String, Option<f64>)> {
    let mut v: Vec<(String, Option<f64>)> = r["funds"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_f64()))
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

fn want_funds(pairs: &[(&str, Option<f64>)]) -> Vec<(String, Option<f64>)> {
    let mut v: Vec<(String, Option<f64>)> =
        pairs.iter().map(|(k, x)| ((*k).to_string(), *x)).collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

fn names(r: &Value) -> Vec<String> {
    r["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap().to_string())
        .collect()
}

/// Audit 2, class A: the goal block's own label reads as a goal column
/// (`年度总体目标完成情况 | 预期目标 | 实际完成情况`, 安徽); its rows were taken for
/// fund sources. Also: a note column headed `未完成原因和改进措施`, and a
/// numbered place whose name is a slash (`指标1:/ | / | /`).
#[test]
fn real2_goal_label_that_reads_as_a_goal_column() {
    let r = record_file("goal_label_reads_as_column.txt");
    assert_eq!(r["form"], "project");
    assert_eq!(r["title"], "项目支出绩效自评表（2022年度）");
    assert_eq!(
        r["goal"],
        json!({"expected": "完成乡村道路养护40公里。", "achieved": "完成养护42公里。"})
    );
    let labels: Vec<&str> = r["fund_sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["本年财政拨款", "其他资金"]);
    assert_eq!(
        names(&r),
        ["指标1:养护里程", "指标2:验收合格率", "指标1:群众满意度"]
    );
    assert_eq!(r["indicators"][1]["note"], "个别路段返工");
    assert_eq!(r["indicators"][1]["met"], false);
    assert_eq!(r["indicators"][0]["met"], true);
    assert_eq!(r["total_score"].as_f64(), Some(67.5));
    assert_eq!(codes(&r), Vec::<(String, String)>::new());
}

/// Audit 2, class B: 湖北's numbered goal blocks, each opening with the
/// indicator header on the block label's row (`年度绩效目标2(40分) | 一级指标 |
/// …`): the second block's indicators were lost into the goal text.
#[test]
fn real2_hubei_goal_blocks_each_with_its_header() {
    let r = record_file("hubei_goal_blocks.txt");
    assert_eq!(r["form"], "project");
    assert_eq!(r["department"], "某市水利局");
    assert_eq!(r["project"], "农田水利监测");
    assert_eq!(r["implementer"], "本单位");
    assert_eq!(
        funds_of(&r),
        want_funds(&[
            ("annual_budget", Some(20.0)),
            ("actual", Some(19.0)),
            ("execution_rate", Some(95.0)),
            ("score", Some(19.0)),
            ("weight", Some(20.0)),
        ])
    );
    assert_eq!(
        names(&r),
        ["监测数据合格率", "按时上报率", "监测站点数", "用户满意度"]
    );
    assert_eq!(r["indicators"][2]["level1"], "产出指标");
    assert_eq!(r["indicators"][2]["level2"], "数量指标");
    assert_eq!(r["indicators"][3]["level1"], "满意度指标");
    assert_eq!(r["indicators"][3]["score"].as_f64(), Some(20.0));
    assert!(r["goal"].is_null(), "{}", r["goal"]);
    assert_eq!(r["total_score"].as_f64(), Some(99.0));
    assert_eq!(codes(&r), Vec::<(String, String)>::new());
}

/// Audit 2, class C: 重庆's funds block, whose values row has no label and
/// whose second label cell (`预算资金`) spans down from the header row
/// (HTML): it was read as a fund source and the funds were lost. Also: a
/// unit column with no value beside it states no target.
#[test]
fn real2_chongqing_funds_label_spanning_the_values_row() {
    let r = record_file("chongqing_funds_label_spans.html");
    assert_eq!(r["form"], "department_overall");
    assert_eq!(r["department"], "某区文化旅游委");
    assert_eq!(r["unit"], "万元");
    assert_eq!(
        funds_of(&r),
        want_funds(&[
            ("initial_budget", Some(300.0)),
            ("annual_budget", Some(320.0)),
            ("actual", Some(304.0)),
            ("execution_rate", Some(95.0)),
            ("weight", Some(10.0)),
            ("score", Some(9.5)),
        ])
    );
    assert_eq!(r["fund_sources"], json!([]));
    assert_eq!(
        r["goal"],
        json!({"expected": "举办文化活动20场。", "achieved": "举办文化活动22场。"})
    );
    let i0 = &r["indicators"][0];
    assert_eq!(
        i0["target"],
        json!({"raw": "20场", "op": null, "value": 20, "unit": "场"})
    );
    assert_eq!(
        i0["actual"],
        json!({"raw": "22", "op": null, "value": 22, "unit": "场"})
    );
    assert_eq!(i0["met"], true);
    let i1 = &r["indicators"][1];
    assert_eq!(i1["name"], "“三公”经费变动率");
    assert!(i1["target"].is_null(), "{}", i1["target"]);
    assert!(i1["actual"].is_null());
    assert_eq!(i1["weight"].as_f64(), Some(36.5));
    assert_eq!(r["total_score"].as_f64(), Some(96.0));
    assert_eq!(
        codes(&r),
        [(
            "met_undetermined".to_string(),
            "indicators[1].met".to_string()
        )]
    );
}

/// Audit 2, class D: 湖南's department form writes the split of the total
/// inside label cells, two pairs a row (`其中: 一般公共预算:600.00 | 其中:基本支出:
/// 400.00`); its score column is `自评得分`, its department label
/// `预算部门、单位名称`, its unit label lost its closing bracket (`(万元`).
#[test]
fn real2_hunan_values_inside_label_cells() {
    let r = record_file("hunan_values_in_labels.txt");
    assert_eq!(r["form"], "department_overall");
    assert_eq!(r["department"], "某县某镇人民政府");
    assert_eq!(r["unit"], "万元");
    assert_eq!(
        funds_of(&r),
        want_funds(&[
            ("initial_budget", Some(500.0)),
            ("annual_budget", Some(620.0)),
            ("actual", Some(589.0)),
            ("weight", Some(10.0)),
            ("execution_rate", Some(95.0)),
            ("score", Some(9.5)),
            ("general_public_budget", Some(600.0)),
        ])
    );
    assert_eq!(r["fund_sources"], json!([]));
    assert_eq!(r["extra"]["按收入性质分"], "620.00");
    assert_eq!(r["extra"]["基本支出"], "400.00");
    assert_eq!(r["extra"]["纳入专户管理的非税收入拨款"], "");
    assert_eq!(
        r["goal"],
        json!({"expected": "保障机关正常运转。", "achieved": "机关运转正常。"})
    );
    assert_eq!(codes(&r), Vec::<(String, String)>::new());
}

/// Audit 2, class E: 湖北's department form (`部门整体支出总额` is the total
/// row, `年度目标1:(80分)` the goal); a target bounded by words after the
/// unit (`3天以内`) has no value.
#[test]
fn real2_hubei_department_form() {
    let r = record_file("hubei_department.txt");
    assert_eq!(r["form"], "department_overall");
    assert_eq!(r["department"], "某镇人民政府");
    assert_eq!(
        funds_of(&r),
        want_funds(&[
            ("annual_budget", Some(500.0)),
            ("actual", Some(480.0)),
            ("execution_rate", Some(96.0)),
            ("score", Some(19.2)),
            ("weight", Some(20.0)),
        ])
    );
    assert_eq!(r["fund_sources"], json!([]));
    assert_eq!(r["goal"]["expected"], "提升政务服务效率。");
    assert_eq!(names(&r), ["办结群众来信", "办理时限", "群众满意度"]);
    assert_eq!(
        r["indicators"][1]["target"],
        json!({"raw": "3天以内", "op": null, "value": null, "unit": null})
    );
    assert_eq!(r["indicators"][1]["met"], true);
    assert_eq!(r["total_score"].as_f64(), Some(99.2));
    assert_eq!(codes(&r), Vec::<(String, String)>::new());
}

/// Audit 2, class F: a transfer-payment template (`转移支付(项目)名称`) was
/// `unknown`; a template's blank year line (`（20XX年度）`) joins the title.
#[test]
fn real2_transfer_payment_template() {
    let r = record_file("transfer_payment_blank.txt");
    assert_eq!(r["form"], "project");
    assert_eq!(r["title"], "某某转移支付资金绩效目标自评表（20XX年度）");
    assert!(r["year"].is_null());
    assert_eq!(r["project"], "某某转移支付资金");
    assert!(r["department"].is_null());
    assert_eq!(r["unit"], "万元");
    assert_eq!(names(&r), ["支持项目数量", "培训人次"]);
    let labels: Vec<&str> = r["fund_sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["中央补助地方资金", "其他资金"]);
    assert!(has_code(&r, "funds_unmapped"), "{:?}", codes(&r));
}

/// Audit 2, class G: the title row and the year row inside the table (淮南):
/// the title joins them and its cell is no unmapped cell; a header cell that
/// lost its second line (`一级`) still heads the level column; an unknown
/// section label (`年度总体目标完成情况`) ends the funds block.
#[test]
fn real2_title_and_year_rows_inside_the_table() {
    let r = record_file("title_and_year_rows_in_table.html");
    assert_eq!(r["form"], "project");
    assert_eq!(r["title"], "项目支出绩效自评表(2023年度)");
    assert_eq!(r["year"], 2023);
    assert!(r["unit"].is_null(), "no unit is stated: {}", r["unit"]);
    assert_eq!(r["project"], "窗口服务保障经费");
    assert_eq!(r["fund_sources"].as_array().unwrap().len(), 1);
    assert_eq!(
        r["goal"],
        json!({"expected": "保障窗口服务正常运转。", "achieved": "完成"})
    );
    assert_eq!(r["indicators"][0]["level1"], "产出指标");
    assert_eq!(r["indicators"][0]["met"], true);
    assert_eq!(r["total_score"], Value::Null);
    assert_eq!(codes(&r), Vec::<(String, String)>::new());
}

/// Audit 2, class H (found on the extended generator's PDFs): the 总分 row
/// ends the indicator table, so a closing row below whose label the
/// dictionary does not hold, with its text spanning the columns, is a pair,
/// not an indicator named by that text.
#[test]
fn real2_total_row_ends_the_indicator_table() {
    let r = record_file("total_row_ends_indicators.html");
    assert_eq!(names(&r), ["开展活动场次"]);
    assert_eq!(r["total_score"].as_f64(), Some(100.0));
    assert_eq!(r["extra"]["情况说明"], "活动按计划开展。");
    assert_eq!(
        funds_of(&r),
        want_funds(&[
            ("initial_budget", Some(30.0)),
            ("annual_budget", Some(30.0)),
            ("actual", Some(30.0)),
            ("weight", Some(10.0)),
            ("execution_rate", Some(100.0)),
            ("score", Some(10.0)),
        ])
    );
    assert_eq!(codes(&r), Vec::<(String, String)>::new());
}
