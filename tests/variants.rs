//! Layout variants found by an audit against SPEC.md, each once lost or
//! misread (tests/data/variants/, text dumps written by the auditor). Every
//! test names what used to go wrong.

use std::fs;

use jixiao::pipeline::{self, Options};
use serde_json::{Value, json};

mod common;

/// The one record of `tests/data/variants/NAME`.
fn record(name: &str) -> Value {
    let mut all = records(name);
    assert_eq!(all.len(), 1, "{name}");
    all.remove(0)
}

/// The records of `tests/data/variants/NAME`, which may hold several forms.
fn records(name: &str) -> Vec<Value> {
    let path = common::root().join("tests/data/variants").join(name);
    let bytes = fs::read(&path).unwrap();
    pipeline::extract_bytes(name, &bytes, Options::default())
        .unwrap()
        .iter()
        .map(|r| serde_json::to_value(r).unwrap())
        .collect()
}

fn codes(rec: &Value) -> Vec<&str> {
    rec["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect()
}

fn names(items: &Value) -> Vec<&str> {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect()
}

#[test]
fn an_unknown_remarks_column_keeps_the_indicator_table() {
    // Was: no indicators at all, and total_score 100 (the 分值 total).
    let r = record("p04_project_extra_column.txt");
    assert_eq!(
        names(&r["indicators"]),
        ["养护里程", "优良路率", "群众出行条件", "群众满意度"]
    );
    assert_eq!(r["indicators"][1]["level2"], "质量指标");
    assert_eq!(r["indicators"][3]["score"], 10);
    assert_eq!(r["total_score"], 99.5);
    assert_eq!(r["grade"], "优");
    assert_eq!(r["extra"], json!({}));
}

#[test]
fn a_note_split_over_two_columns_is_one_note() {
    // Was: no indicators (改进措施 is also a section label).
    let r = record("p12_project_split_note_columns.txt");
    assert_eq!(names(&r["indicators"]), ["新建供水工程", "受益群众满意度"]);
    assert_eq!(r["indicators"][0]["note"], Value::Null);
    assert_eq!(r["indicators"][1]["note"], "部分工程试运行\n加强管护");
    assert_eq!(r["total_score"], 95);
}

#[test]
fn an_unknown_column_keeps_the_task_table() {
    // Was: no tasks, and task cells as junk pairs in `extra`.
    let r = record("a13_dept_tasks_extra_column.txt");
    assert_eq!(names(&r["tasks"]), ["法律援助", "普法宣传"]);
    assert_eq!(
        names(&r["tasks"][0]["indicators"]),
        ["法律援助案件数", "群众满意度"]
    );
    assert_eq!(r["tasks"][0]["indicators"][0]["actual"]["value"], 320);
    assert_eq!(r["tasks"][1]["funds"], 80);
    assert_eq!(r["extra"], json!({}));
}

#[test]
fn a_goal_over_several_rows_keeps_every_row() {
    // Was: only the last row (目标3).
    let r = record("a07_dept_goal_multirow.txt");
    assert_eq!(
        r["goal"],
        json!({
            "expected": "目标1：完成基本公共卫生服务项目。\n目标2：完成家庭医生签约服务。\n目标3：推进医共体建设。",
            "achieved": "完成基本公共卫生服务项目，考核合格。\n家庭医生签约率达到65%。\n医共体建设顺利推进。"
        })
    );
}

#[test]
fn a_goal_laid_out_downwards_keeps_its_achievement() {
    // Was: achieved null, the text in `extra` under 总体目标完成情况.
    let r = record("a06_dept_goal_vertical.txt");
    assert_eq!(
        r["goal"],
        json!({
            "expected": "目标1：完成县图书馆免费开放，全年接待读者20万人次。",
            "achieved": "全年接待读者21万人次，图书馆免费开放运行平稳。"
        })
    );
    assert_eq!(r["extra"], json!({}));
    assert_eq!(r["problems"], "一是经费保障不足。\n二是专业人才缺乏。");
}

#[test]
fn a_task_value_written_as_a_dash_keeps_its_place() {
    // Was: 回收利用率 dropped with no warning.
    let r = record("a05_dept_tasks.txt");
    let t = &r["tasks"][1];
    assert_eq!(
        names(&t["indicators"]),
        ["分类覆盖率", "回收利用率", "分类设施建设数量"]
    );
    assert_eq!(
        t["indicators"][1]["actual"],
        json!({"raw": "—", "op": null, "value": null, "unit": null})
    );
    assert_eq!(t["indicators"][2]["actual"]["value"], 120);
    // The first task has 3 names and 4 values: that one is still flagged.
    assert_eq!(codes(&r), ["task_indicator_count_mismatch"]);
    assert_eq!(r["warnings"][0]["field"], "tasks[0].indicators");
}

#[test]
fn placeholder_rows_set_no_levels() {
    // Was: level2 `……` on 保洁频次, level1 and level2 `……` on 河道垃圾清理量.
    let r = record("p09_project_placeholder_levels.txt");
    let levels: Vec<(&str, &str, &str)> = r["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["level1"].as_str().unwrap(),
                i["level2"].as_str().unwrap(),
                i["name"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        levels,
        [
            ("产出指标", "数量指标", "保洁河道长度"),
            ("产出指标", "数量指标", "保洁频次"),
            ("效益指标", "生态效益指标", "河道水质"),
            ("效益指标", "生态效益指标", "河道垃圾清理量"),
        ]
    );
}

#[test]
fn the_date_a_form_was_filled_in_is_not_its_year() {
    // Was: year 2022, from 填报日期：2022年3月10日.
    let r = record("a09_dept_year_from_date.txt");
    assert_eq!(r["year"], Value::Null);
    assert_eq!(r["department"], "某区民政局");
    assert_eq!(r["funds"]["execution_rate"], 96.67);
}

#[test]
fn qizhong_in_a_cell_of_its_own_keeps_the_source_label() {
    // Was: {"source": null, "label": ""}.
    let r = record("p11_project_qizhong_own_cell.txt");
    assert_eq!(
        r["fund_sources"],
        json!([
            {"source": "appropriation", "label": "财政拨款", "initial_budget": 200,
             "annual_budget": 200, "actual": 190, "execution_rate": 95},
            {"source": "carried_over", "label": "上年结转", "initial_budget": 100,
             "annual_budget": 100, "actual": 95, "execution_rate": 95}
        ])
    );
}

#[test]
fn a_spreadsheet_title_row_and_unit_row_are_the_title_and_unit() {
    // Was: title, year and unit null, and {title: "单位：万元"} in `extra`.
    let r = record("a08_dept_excel_trailing_tabs.txt");
    assert_eq!(r["title"], "2021年度部门整体支出绩效自评表");
    assert_eq!(r["year"], 2021);
    assert_eq!(r["unit"], "万元");
    assert_eq!(r["department"], "某市统计局");
    assert_eq!(r["extra"], json!({}));
}

#[test]
fn a_unit_statement_in_a_cell_is_the_unit() {
    // Was: unit null (only `(万元)` in a cell was read).
    let r = record("a12_dept_unit_in_cell_columns.txt");
    assert_eq!(r["unit"], "万元");
    assert_eq!(r["department"], "某市（区）城市管理和综合执法局");
    assert_eq!(r["extra"], json!({}));
}

#[test]
fn an_attachment_number_before_the_title_is_not_part_of_it() {
    // Was: title null (a colon made it no title).
    let r = record("p05_project_title_with_colon.txt");
    assert_eq!(r["title"], "2021年度项目支出绩效自评表");
    assert_eq!(r["form"], "project");
    assert_eq!(r["year"], 2021);
}

#[test]
fn a_formula_after_a_label_and_a_unicode_minus_sign_are_read() {
    // Was: execution_rate in `extra` under 执行率（B/A×100%）, and
    // adjustment null with not_a_number for −50.00 (U+2212).
    let r = record("a11_dept_minus_and_brackets.txt");
    assert_eq!(
        r["funds"],
        json!({"initial_budget": 1000, "annual_budget": 950, "actual": 900,
               "adjustment": -50, "execution_rate": 94.74, "adjustment_rate": -5})
    );
    assert_eq!(r["extra"], json!({}));
    assert!(codes(&r).is_empty(), "{}", r["warnings"]);
}

#[test]
fn an_indicator_named_like_a_funds_label_on_a_row_without_its_tab_is_kept() {
    // Was: 预算执行率 read as a funds pair and dropped.
    let r = record("a10_dept_indicator_named_like_label.txt");
    assert_eq!(
        names(&r["indicators"]),
        ["政府采购预算执行率", "绩效评价覆盖率", "预算执行率"]
    );
    assert_eq!(r["indicators"][2]["target"]["raw"], "≥95%");
    assert_eq!(r["indicators"][2]["met"], true);
    assert_eq!(r["funds"]["execution_rate"], 96.67);
}

#[test]
fn split_targets_with_a_repeated_unit_or_a_direction_word() {
    // Was: raw ≥98%% with unit %% and met null; 正向100% with value null.
    let r = record("p08_project_split_unit_repeated.txt");
    let targets: Vec<&Value> = r["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| &i["target"])
        .collect();
    assert_eq!(
        targets,
        [
            &json!({"raw": "≥150万人次", "op": ">=", "value": 150, "unit": "万人次"}),
            &json!({"raw": "≥98%", "op": ">=", "value": 98, "unit": "%"}),
            // SPEC: a nature word (正向) is in no Measure.
            &json!({"raw": "100%", "op": null, "value": 100, "unit": "%"}),
        ]
    );
    assert_eq!(r["indicators"][1]["met"], true);
    assert_eq!(r["indicators"][0]["level1"], "产出指标");
}

// Second audit round (d*): layouts published by other provinces and years.

#[test]
fn a_spreadsheet_title_row_starts_the_next_form() {
    // Was: one record mixing both forms (project of the first, funds of the second).
    let r = records("d07_two_forms_excel_title_rows.txt");
    assert_eq!(r.len(), 2);
    assert_eq!(
        (
            &r[0]["project"],
            &r[0]["funds"]["annual_budget"],
            &r[0]["total_score"],
            &r[0]["grade"]
        ),
        (
            &json!("学生资助补助经费"),
            &json!(80),
            &json!(100),
            &json!("优")
        )
    );
    assert_eq!(
        (
            &r[1]["project"],
            &r[1]["funds"]["annual_budget"],
            &r[1]["total_score"],
            &r[1]["grade"]
        ),
        (
            &json!("校舍维修改造经费"),
            &json!(150),
            &json!(88),
            &json!("良")
        )
    );
    assert_eq!(names(&r[1]["indicators"]), ["维修校舍面积"]);
}

#[test]
fn a_row_after_a_blank_line_keeps_its_columns() {
    // Was: shifted one column (name 社会效益指标, target 残疾儿童康复率).
    let r = record("d25_indicators_split_by_blank_line.txt");
    let i = &r["indicators"][2];
    assert_eq!(
        (
            &i["level1"],
            &i["level2"],
            &i["name"],
            &i["target"]["raw"],
            &i["actual"]["raw"]
        ),
        (
            &json!("效益指标"),
            &json!("社会效益指标"),
            &json!("残疾儿童康复率"),
            &json!("≥80%"),
            &json!("85%")
        )
    );
    assert_eq!(
        (&i["weight"], &i["score"], &i["note"]),
        (&json!(20), &json!(20), &Value::Null)
    );
}

#[test]
fn weight_in_points_and_self_assessed_score_columns_are_read() {
    // Was: weights and scores null, total_score 100 (the weights' sum).
    let r = record("d09_zipingdefen_quanzhongfen.txt");
    let ws: Vec<(&Value, &Value)> = r["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (&i["weight"], &i["score"]))
        .collect();
    assert_eq!(
        ws,
        [
            (&json!(30), &json!(30)),
            (&json!(30), &json!(30)),
            (&json!(40), &json!(36))
        ]
    );
    assert_eq!(r["total_score"], 96);
}

#[test]
fn a_county_named_yuan_is_no_unit() {
    // Was: unit 元, from 填报单位：元氏县教育局.
    let r = record("d14_unit_yuanshi.txt");
    assert_eq!(r["unit"], "万元");
    assert_eq!(r["department"], "元氏县教育局");
}

#[test]
fn total_and_grade_off_the_score_column_or_in_one_cell_are_read() {
    // Was: both null, silently.
    for (file, total, grade) in [
        ("d01_total_grade_one_row.txt", json!(99.6), json!("优")),
        ("d23_total_row_compressed.txt", json!(96.5), json!("优")),
        ("d20_total_grade_colon_cells.txt", json!(95), json!("优")),
    ] {
        let r = record(file);
        assert_eq!((&r["total_score"], &r["grade"]), (&total, &grade), "{file}");
        assert_eq!(r["extra"], json!({}), "{file}");
    }
}

#[test]
fn labelled_rows_after_the_indicator_table_are_kept() {
    // Was: dropped as indicator rows without a name.
    let r = record("d28_measure_spaces_minus_and_remark_rows.txt");
    assert_eq!(
        r["extra"],
        json!({"备注": "本表数据截至2022年12月31日。", "自评结论": "良好"})
    );
    // U+2212 in a measure (≤−5%, −6%) was value null and met null.
    let i = &r["indicators"][1];
    assert_eq!(
        (&i["target"]["value"], &i["actual"]["value"], &i["met"]),
        (&json!(-5), &json!(-6), &json!(true))
    );
    let r = record("d17_dept_evaluation_form.txt");
    assert_eq!(r["problems"], "部分项目进度滞后，主要原因是疫情影响。");
    assert_eq!(r["improvements"], "加强项目过程管理。");
    assert_eq!(
        r["extra"],
        json!({"整改情况": "已对滞后项目下发督办通知。"})
    );
}

#[test]
fn goal_labels_inside_one_row_and_goal_rows_without_their_tab() {
    // Was: achieved = "实际完成情况" (the label), and a goal row in `extra`.
    let r = record("d06_goal_one_row.txt");
    assert_eq!(
        r["goal"],
        json!({"expected": "全年资助困难群众参保不少于8000人。", "achieved": "全年资助困难群众参保8300人。"})
    );
    let r = record("d18_goal_lost_tab.txt");
    assert_eq!(
        r["goal"],
        json!({"expected": "目标1：稳外贸稳外资。\n目标2：促进消费升级。",
               "achieved": "外贸进出口总额同比增长8%。\n社会消费品零售总额同比增长6%。"})
    );
    assert_eq!(r["extra"], json!({}));
}

#[test]
fn problems_and_improvements_on_one_row_or_without_their_tab() {
    // Was: improvements null; the third problem dropped.
    let r = record("d04_problems_improvements_one_row.txt");
    assert_eq!(
        (&r["problems"], &r["improvements"]),
        (
            &json!("档案数字化进度滞后。"),
            &json!("加快档案数字化外包。")
        )
    );
    let r = record("d03_problems_lost_tab.txt");
    assert_eq!(
        r["problems"],
        "一是项目前期工作不够扎实。\n二是资金支付进度偏慢。\n三是绩效目标设置不够细化。"
    );
    assert_eq!(r["improvements"], "一是加强项目储备。\n二是加快支付进度。");
}

#[test]
fn a_year_row_in_a_spreadsheet_export_gives_the_year() {
    // Was: year null.
    assert_eq!(record("d26_excel_year_row.txt")["year"], 2021);
}

#[test]
fn a_title_repeated_at_the_top_of_the_next_page_does_not_split_the_form() {
    // Found in a spreadsheet printed with print titles (PDF audit): the
    // second page's copy of the title started a second, broken record.
    let r = records("r01_title_repeated_on_next_page.txt");
    assert_eq!(r.len(), 1);
    assert_eq!(names(&r[0]["tasks"]), ["法律援助", "普法宣传"]);
    assert_eq!(r[0]["department"], "某区司法局");
    assert_eq!(r[0]["problems"], "普法形式单一。");
    // Two forms of a volume under one title still part.
    let r = records("r02_same_title_two_forms.txt");
    let projects: Vec<&Value> = r.iter().map(|f| &f["project"]).collect();
    assert_eq!(projects, [&json!("普法宣传"), &json!("法律援助")]);
    assert_eq!(r[1]["implementer"], "某区法律援助中心");
}

#[test]
fn the_goal_labelled_nian_du_ji_xiao_mu_biao_is_the_goal() {
    // Was: goal null, the expected text in `extra`, the achieved text lost.
    let r = record("d22_goal_label_niandujixiaomubiao.txt");
    assert_eq!(
        r["goal"],
        json!({"expected": "全年新增城镇就业1万人。", "achieved": "全年新增城镇就业1.2万人。"})
    );
    assert_eq!(r["extra"], json!({}));
}
