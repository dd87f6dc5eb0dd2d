//! The seed form's facts, each checked by a person against the seed text
//! (samples/text/000_5db012f121f01c6e.txt), asserted one by one so that a
//! regression names the fact it breaks.

use jixiao::pipeline::{Options, extract_bytes};
use jixiao::record::{FormKind, Num, Op, Record};

fn seed() -> Record {
    let path = "samples/text/000_5db012f121f01c6e.txt";
    let bytes = std::fs::read(path).expect("seed sample");
    let mut records = extract_bytes(path, &bytes, Options::default()).expect("records");
    assert_eq!(records.len(), 1);
    records.remove(0)
}

fn n(x: f64) -> Option<Option<Num>> {
    Some(Some(Num(x)))
}

#[test]
fn header_fields() {
    let r = seed();
    assert_eq!(r.form, FormKind::DepartmentOverall);
    assert_eq!(
        r.title.as_deref(),
        Some("黄埔区广州开发区部门整体支出绩效自评表 (2021年度)")
    );
    assert_eq!(r.year, Some(2021));
    assert_eq!(
        r.department.as_deref(),
        Some("广州市黄埔区人民政府永和街道办事处")
    );
    assert_eq!(r.unit.as_deref(), Some("万元"));
    assert_eq!(
        r.source.sha256,
        "46a81f6c4168342bbf32d56b9f5e95129bdd81d9645007ed41fb264a0b2cc8a3"
    );
}

#[test]
fn seven_funds_values() {
    let f = seed().funds;
    assert_eq!(f.annual_budget, n(19206.99));
    assert_eq!(f.initial_budget, n(18847.8));
    assert_eq!(f.actual, n(18570.21));
    assert_eq!(f.adjustment, n(359.19));
    assert_eq!(f.general_public_budget, n(18211.58));
    assert_eq!(f.execution_rate, n(96.68));
    assert_eq!(f.adjustment_rate, n(1.91));
    assert_eq!(
        (f.weight, f.score),
        (None, None),
        "the form has no 分值 / 得分"
    );
}

#[test]
fn fifteen_indicators_with_met() {
    let r = seed();
    assert_eq!(r.indicators.len(), 15);
    let by = |name: &str| {
        r.indicators
            .iter()
            .position(|i| i.name == name)
            .expect(name)
    };
    let i = by("社区公建配套场地增加数量");
    assert_eq!(r.indicators[i].met, Some(false));
    let i = by("来穗人员屋居住信息登记率");
    let ind = &r.indicators[i];
    assert_eq!(ind.met, Some(false));
    let t = ind.target.as_ref().unwrap();
    assert_eq!(
        (t.op, t.value, t.unit.as_deref()),
        (Some(Op::Ge), Some(Num(90.0)), Some("%"))
    );
    let i = by("文体中心升级改造完成率");
    assert_eq!(i, 8);
    assert_eq!(r.indicators[8].met, None);
    assert_eq!(r.warnings.len(), 1);
    assert_eq!(r.warnings[0].code, "met_undetermined");
    assert_eq!(r.warnings[0].field.as_deref(), Some("indicators[8].met"));
    // The row that lost its leading tab is still an indicator, in its place.
    let last = &r.indicators[14];
    assert_eq!(last.name, "居民幸福感满意度");
    assert_eq!(last.actual.as_ref().unwrap().raw, "85%");
    assert_eq!(last.met, Some(true));
    let met_true = r.indicators.iter().filter(|i| i.met == Some(true)).count();
    assert_eq!(met_true, 12);
}

#[test]
fn four_tasks_paired() {
    let r = seed();
    let counts: Vec<usize> = r.tasks.iter().map(|t| t.indicators.len()).collect();
    assert_eq!(counts, vec![9, 6, 4, 9]);
    let funds: Vec<Option<Num>> = r.tasks.iter().map(|t| t.funds).collect();
    assert_eq!(
        funds,
        vec![
            Some(Num(879.73)),
            Some(Num(1096.47)),
            Some(Num(488.46)),
            Some(Num(1282.81))
        ]
    );
    let rank = &r.tasks[3].indicators[1];
    assert_eq!(
        (rank.name.as_str(), rank.actual.raw.as_str()),
        ("环境卫生排名", "第7名")
    );
    assert_eq!(
        (rank.actual.value, rank.actual.unit.as_deref()),
        (None, None)
    );
    assert!(r.problems.unwrap().starts_with("一是绩效指标规范性"));
    assert!(r.improvements.unwrap().ends_with("体系的建设。"));
}
