//! Known answers of the pattern queries: similarity, shared passages, template coverage, indicators.
//! Synthetic plans give exact answers (identical text 1.0, unrelated 0); the bundled corpus gives the
//! hand-checked 北京 rows (tests/golden/) and properties every answer must have.
#![cfg(feature = "segment-jieba")]

use plan_compare::model::{Dataset, Kind, Level, Measure, Plan};
use plan_compare::query::indicators::quantities;
use plan_compare::query::{
    indicators, plan_similarity, shared_passages, template_coverage, Corpus, IndicatorsOptions, PassagesOptions,
    SimilarityBy, SimilarityOptions, TemplateCoverageOptions,
};
use std::sync::OnceLock;
use std::time::Instant;

fn corpus() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(Corpus::bundled)
}

fn plan(id: &str) -> Plan {
    Plan {
        id: id.into(),
        region: format!("{id}省"),
        region_code: None,
        region_en: id.into(),
        level: Level::Province,
        kind: Kind::WorkPoints,
        year_start: 2018,
        year_end: 2018,
        title: id.into(),
        doc_number: None,
        source: "test".into(),
    }
}

fn measure(plan: &str, n: usize, work_item: Option<&str>, text: &str) -> Measure {
    Measure {
        id: format!("{plan}-{n:03}"),
        plan: plan.into(),
        no: None,
        chapter: String::new(),
        focus_no: work_item.map(|_| 1),
        work_item: work_item.map(str::to_string),
        title: None,
        text: Some(text.into()),
        departments: vec![],
        themes: vec![],
        lines: [n as u32, n as u32],
    }
}

/// A plan id with its measures: (work item, text).
type PlanSpec<'a> = (&'a str, &'a [(Option<&'a str>, &'a str)]);

fn synthetic(plans: &[PlanSpec]) -> Corpus {
    let mut data = Dataset::default();
    for (id, measures) in plans {
        data.plans.push(plan(id));
        for (n, (item, text)) in measures.iter().enumerate() {
            data.measures.push(measure(id, n + 1, *item, text));
        }
    }
    Corpus { dataset: data, ..Default::default() }
}

const PLEDGE: &str = "建立专利质押贷款风险分担机制，引导银行业金融机构扩大质押融资规模，推动设立质押融资服务平台。";
const CUSTOMS: &str = "开展进出口环节侵权货物查验专项行动，加强口岸执法协作，严厉查处跨境电商渠道侵权违法案件。";
const NAVIGATION: &str = "推进专利导航产业发展实验区建设，发布重点产业专利导航分析报告，指导企业布局高价值专利组合。";
const TALENT: &str = "依托高校建设知识产权学院，培养复合型知识产权管理人才和涉外代理人才，完善职称评审制度。";

fn cell(r: &plan_compare::query::SimilarityResult, a: &str, b: &str) -> Option<f64> {
    let i = r.plans.iter().position(|p| p.id == a)?;
    let j = r.plans.iter().position(|p| p.id == b)?;
    r.cells[i][j]
}

#[test]
fn identical_texts_share_everything_and_unrelated_nothing() {
    let c = synthetic(&[
        ("x", &[(None, PLEDGE), (None, CUSTOMS)]),
        ("y", &[(None, CUSTOMS), (None, PLEDGE)]),
        ("z", &[(None, TALENT)]),
        ("w", &[(None, PLEDGE), (None, CUSTOMS), (None, TALENT), (None, NAVIGATION)]),
    ]);
    let r = plan_similarity(&c, &SimilarityOptions::default()).unwrap();
    assert_eq!(cell(&r, "x", "y"), Some(1.0));
    assert_eq!(cell(&r, "y", "x"), Some(1.0));
    assert_eq!(cell(&r, "x", "z"), Some(0.0));
    assert_eq!(cell(&r, "z", "x"), Some(0.0));
    // Asymmetric: all of x is in w, about half of w is in x.
    assert_eq!(cell(&r, "x", "w"), Some(1.0));
    let w_in_x = cell(&r, "w", "x").unwrap();
    assert!(w_in_x > 0.4 && w_in_x < 0.6, "{w_in_x}");
    // x and y are clustered next to each other, and are the most similar pair.
    let pos = |id: &str| r.plans.iter().position(|p| p.id == id).unwrap();
    assert_eq!(pos("x").abs_diff(pos("y")), 1, "{:?}", r.plans.iter().map(|p| &p.id).collect::<Vec<_>>());
    assert_eq!(r.merges.len(), 3);
    assert!([("x", "y"), ("y", "x")].contains(&(r.pairs[0].a.as_str(), r.pairs[0].b.as_str())));
    // x's and z's text is found elsewhere; a quarter of w's (its last measure) nowhere else.
    let own = |id: &str| r.plans[pos(id)].own_share.unwrap();
    assert_eq!((own("x"), own("z")), (0.0, 0.0));
    assert!(own("w") > 0.15 && own("w") < 0.35, "{}", own("w"));
}

#[test]
fn template_wording_is_not_copying() {
    let item = "开展知识产权质押融资风险补偿基金和重点产业知识产权运营基金试点";
    let c = synthetic(&[
        ("a", &[(Some(item), &format!("{item}。{CUSTOMS}"))]),
        ("b", &[(Some(item), &format!("{item}。{TALENT}"))]),
    ]);
    let r = plan_similarity(&c, &SimilarityOptions::default()).unwrap();
    assert_eq!(cell(&r, "a", "b"), Some(0.0));
    assert!(r.plans.iter().all(|p| p.template_chars >= 30), "{:?}", r.plans);
    let p = shared_passages(&c, "a", Some("b"), &PassagesOptions::default()).unwrap();
    assert!(p.passages.is_empty(), "{:?}", p.passages);
    assert_eq!(p.template_passages.len(), 1, "{:?}", p.template_passages);
    assert_eq!(p.shared_work_items.len(), 1);
    assert_eq!(p.shared_work_items[0].work_item, item);
}

#[test]
fn passages_cite_both_measures_as_printed() {
    let c = synthetic(&[
        ("a", &[(None, TALENT), (None, &format!("今年重点：{PLEDGE}另行安排。"))]),
        ("b", &[(None, &format!("一是{}", PLEDGE.replace('，', "、")))]),
    ]);
    let r = shared_passages(&c, "a", Some("b"), &PassagesOptions::default()).unwrap();
    assert_eq!(r.passages.len(), 1, "{:?}", r.passages);
    let p = &r.passages[0];
    assert_eq!(p.a.measure, "a-002");
    assert_eq!(p.b.measure, "b-001");
    assert_eq!(p.a.text, PLEDGE.trim_end_matches('。'));
    assert_eq!(p.b.text, PLEDGE.replace('，', "、").trim_end_matches('。'));
    let a_text = c.measure("a-002").unwrap().text.clone().unwrap();
    let shown: String = a_text.chars().skip(p.a.span[0]).take(p.a.span[1] - p.a.span[0]).collect();
    assert_eq!(shown, p.a.text);
    assert_eq!(p.a.lines, [2, 2]);
    // Without plan B: own text and nearest plans.
    let one = shared_passages(&c, "a", None, &PassagesOptions::default()).unwrap();
    assert_eq!(one.nearest.len(), 1);
    assert_eq!(one.nearest[0].plan, "b");
    assert!(one.own_share.unwrap() > 0.4 && one.own_share.unwrap() < 0.6);
}

#[test]
fn every_plan_is_most_similar_to_itself_and_the_matrix_is_fast() {
    let c = corpus();
    let start = Instant::now();
    let r = plan_similarity(c, &SimilarityOptions::default()).unwrap();
    eprintln!("all-pairs similarity over {} plans: {:?} (debug build)", r.plans.len(), start.elapsed());
    assert_eq!(r.plans.len(), c.dataset.plans.len());
    for (i, row) in r.cells.iter().enumerate() {
        let Some(me) = row[i] else { continue };
        for (j, other) in row.iter().enumerate() {
            assert!(other.unwrap_or(0.0) <= me, "{} takes more from {} than from itself", r.plans[i].id, r.plans[j].id);
        }
    }
    // The evidence of the most similar pair is verifiable: both sides print the same characters.
    let top = &r.pairs[0];
    let p = shared_passages(c, &top.a, Some(&top.b), &PassagesOptions::default()).unwrap();
    assert!(!p.passages.is_empty());
    let fold = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).collect::<String>();
    for x in &p.passages {
        assert_eq!(fold(&x.a.text), fold(&x.b.text));
        assert!(fold(&x.a.text).chars().count() >= 15);
        assert_eq!(x.template_chars, 0);
    }
    eprintln!("most similar: {} ⊂ {} {:.2}, {} ⊂ {} {:.2}", top.a, top.b, top.a_in_b, top.b, top.a, top.b_in_a);
}

#[test]
fn by_theme_compares_only_the_themes_measures() {
    let c = corpus();
    let r = plan_similarity(
        c,
        &SimilarityOptions { plans: vec![], by: Some(SimilarityBy::Theme("pledge-financing".into())) },
    )
    .unwrap();
    for p in &r.plans {
        let n = c.measures_of(&p.id).filter(|(_, m)| m.themes.iter().any(|t| t == "pledge-financing")).count();
        assert_eq!(p.measures, n, "{}", p.id);
    }
    let bad = SimilarityOptions { plans: vec![], by: Some(SimilarityBy::Focus(9)) };
    assert_eq!(plan_similarity(c, &bad).unwrap_err().code().as_str(), "INVALID_ARGUMENT");
    let bad = SimilarityOptions { plans: vec![], by: Some(SimilarityBy::Theme("nope".into())) };
    assert_eq!(plan_similarity(c, &bad).unwrap_err().code().as_str(), "UNKNOWN_THEME");
}

#[test]
fn bad_input_gives_codes() {
    let c = corpus();
    let opts = SimilarityOptions { plans: vec!["nowhere-2018".into()], by: None };
    assert_eq!(plan_similarity(c, &opts).unwrap_err().code().as_str(), "UNKNOWN_PLAN");
    let p = PassagesOptions::default();
    assert_eq!(
        shared_passages(c, "beijing-2018", Some("beijing-2018"), &p).unwrap_err().code().as_str(),
        "INVALID_ARGUMENT"
    );
    assert_eq!(shared_passages(c, "x", None, &p).unwrap_err().code().as_str(), "UNKNOWN_PLAN");
    let p = PassagesOptions { limit: Some(5000), by: None };
    assert_eq!(shared_passages(c, "beijing-2018", None, &p).unwrap_err().code().as_str(), "INVALID_ARGUMENT");
    let t = TemplateCoverageOptions { plans: vec!["guangdong-2016".into()] };
    assert_eq!(template_coverage(c, &t).unwrap_err().code().as_str(), "INVALID_ARGUMENT");
    let i = IndicatorsOptions { theme: Some("nope".into()), ..Default::default() };
    assert_eq!(indicators(c, &i).unwrap_err().code().as_str(), "UNKNOWN_THEME");
    let i = IndicatorsOptions { work_item: Some("  ".into()), ..Default::default() };
    assert_eq!(indicators(c, &i).unwrap_err().code().as_str(), "EMPTY_QUERY");
}

#[test]
fn template_matrix_of_beijing_agrees_with_the_hand_checked_rows() {
    let golden: serde_json::Value =
        serde_json::from_str(include_str!("golden/beijing_2018_rows.json")).expect("golden rows");
    let rows = golden.as_array().unwrap();
    let key = |s: &str| plan_compare::parse::template::key(s);
    let r = template_coverage(corpus(), &TemplateCoverageOptions { plans: vec!["beijing-2018".into()] }).unwrap();
    let bj = &r.plans[0];
    let mut kept = 0;
    for (item, cell) in r.items.iter().zip(&bj.cells) {
        let expected = rows.iter().filter(|g| key(g["work_item"].as_str().unwrap()) == key(&item.text)).count();
        assert_eq!(cell.measures.len(), expected, "{}", item.text);
        kept += usize::from(expected > 0);
        assert_eq!(item.kept_by.contains(&"beijing-2018".to_string()), expected > 0);
        assert_eq!(item.dropped_by.contains(&"beijing-2018".to_string()), expected == 0);
    }
    assert_eq!(bj.kept, kept);
    assert_eq!(bj.dropped, r.items.len() - kept);
    let other: Vec<u64> = rows
        .iter()
        .filter(|g| g["work_item"].as_str().unwrap().starts_with("其他"))
        .map(|g| g["focus_no"].as_u64().unwrap())
        .collect();
    let added: Vec<u64> = bj.added_items.iter().map(|a| u64::from(a.focus_no.unwrap())).collect();
    assert_eq!(added, other);
    assert!(bj.added_items.iter().all(|a| a.other));
    assert_eq!(kept + other.len(), {
        let mut items: Vec<String> = rows.iter().map(|g| key(g["work_item"].as_str().unwrap())).collect();
        items.sort();
        items.dedup();
        items.len() - 1 + other.len()
    });
}

#[test]
fn every_table_is_set_against_the_template() {
    let c = corpus();
    let r = template_coverage(c, &TemplateCoverageOptions::default()).unwrap();
    let tables = c.dataset.plans.iter().filter(|p| c.measures_of(&p.id).any(|(_, m)| m.work_item.is_some())).count();
    assert_eq!(r.plans.len(), tables);
    for p in &r.plans {
        // Every measure of a table is in a kept cell or an added item, none twice over in one cell.
        let placed: usize = p.cells.iter().map(|c| c.measures.len()).sum::<usize>()
            + p.added_items.iter().map(|a| a.measures.len()).sum::<usize>();
        let n = c.measures_of(&p.plan).count();
        assert!(placed >= n, "{}: {placed} of {n} measures placed", p.plan);
        assert_eq!(p.kept + p.dropped, r.items.len());
    }
    for item in &r.items {
        assert_eq!(item.kept_by.len() + item.dropped_by.len(), r.plans.len());
    }
}

/// (text, [(phrase, value, value_max, unit, qualifier, normValue, normUnit)]).
type Expected<'a> = (&'a str, &'a [(&'a str, f64, Option<f64>, &'a str, Option<&'a str>, f64, &'a str)]);

#[test]
fn indicator_fixtures_cover_every_number_shape() {
    let fixtures: &[Expected] = &[
        ("开展专题培训活动不少于2次;向不少于5家小微企业提供援助", &[
            ("不少于2次", 2.0, None, "次", Some("不少于"), 2.0, "次"),
            ("不少于5家", 5.0, None, "家", Some("不少于"), 5.0, "家"),
        ]),
        ("培育1-2个国家和省知识产权示范园区，培育6-8家年度PCT申请企业", &[
            ("1-2个", 1.0, Some(2.0), "个", None, 1.0, "个"),
            ("6-8家", 6.0, Some(8.0), "家", None, 6.0, "家"),
        ]),
        ("重点扶持2—3家服务机构，全年计划新建3—5个版权工作站，建设10--15家基地，选择自治区1~2个产业，再拓展2至3所高校", &[
            ("2—3家", 2.0, Some(3.0), "家", None, 2.0, "家"),
            ("3—5个", 3.0, Some(5.0), "个", None, 3.0, "个"),
            ("10--15家", 10.0, Some(15.0), "家", None, 10.0, "家"),
            ("1~2个", 1.0, Some(2.0), "个", None, 1.0, "个"),
            ("2至3所", 2.0, Some(3.0), "所", None, 2.0, "所"),
        ]),
        ("高新技术企业贯标率达1/4，全年公开率90%以上，给予合同金额5-10%的资金补贴", &[
            ("达1/4", 0.25, None, "", Some("达"), 25.0, "%"),
            ("90%以上", 90.0, None, "%", Some("以上"), 90.0, "%"),
            ("5-10%", 5.0, Some(10.0), "%", None, 5.0, "%"),
        ]),
        ("专利权质押融资额力争达到25亿元；省级经费安排约2.5亿元，补贴资金200万元，每件奖励3000元", &[
            ("达到25亿元", 25.0, None, "亿元", Some("达到"), 250000.0, "万元"),
            ("约2.5亿元", 2.5, None, "亿元", Some("约"), 25000.0, "万元"),
            ("200万元", 200.0, None, "万元", None, 200.0, "万元"),
            ("3000元", 3000.0, None, "元", None, 0.3, "万元"),
        ]),
        ("培训各类创新人才2万人次，执法办案数量达到千件以上，PCT申请量突破100件，质押额超12亿元", &[
            ("2万人次", 2.0, None, "万人次", None, 20000.0, "人次"),
            ("达到千件以上", 1000.0, None, "件", Some("达到"), 1000.0, "件"),
            ("突破100件", 100.0, None, "件", Some("突破"), 100.0, "件"),
            ("超12亿元", 12.0, None, "亿元", Some("超"), 120000.0, "万元"),
        ]),
        ("至少开展两次知识产权保护宣传，完成国家两项评议重大项目，推动三个标准化示范试点，培训十五期", &[
            ("两次", 2.0, None, "次", None, 2.0, "次"),
            ("两项", 2.0, None, "项", None, 2.0, "项"),
            ("三个", 3.0, None, "个", None, 3.0, "个"),
            ("十五期", 15.0, None, "期", None, 15.0, "期"),
        ]),
        ("每年举办一次义务法律咨询，至少举办一期知识产权金融培训，认定50余家企业，新增100多件专利，共1,200家", &[
            ("一次", 1.0, None, "次", None, 1.0, "次"),
            ("一期", 1.0, None, "期", None, 1.0, "期"),
            ("50余家", 50.0, None, "家", Some("余"), 50.0, "家"),
            ("100多件", 100.0, None, "件", Some("多"), 100.0, "件"),
            ("1,200家", 1200.0, None, "家", None, 1200.0, "家"),
        ]),
        ("专利申请量同比增长10%以上，增长10个百分点，高级职称以上人才5-8人，奖励人数不超过10名，结案周期30天", &[
            ("10%以上", 10.0, None, "%", Some("以上"), 10.0, "%"),
            ("10个百分点", 10.0, None, "个百分点", None, 10.0, "个百分点"),
            ("5-8人", 5.0, Some(8.0), "人", None, 5.0, "人"),
            ("不超过10名", 10.0, None, "名", Some("不超过"), 10.0, "名"),
            ("30天", 30.0, None, "天", None, 30.0, "天"),
        ]),
        // Not commitments: years, ranges of years, dates, ordinals, names in quotes and titles, codes,
        // a bare 一 (a, an), bare 千/百 in names, a phase, 万人 as "per ten thousand people".
        ("根据《2018年知识产权工作要点》（2014-2020年），借助4.26宣传周、“5个100”工程、G20峰会，举办第二届大赛，\
          培育一批企业，打造一支队伍，统一部署，实施千人计划和百人计划，推进平台二期工程，每万人发明专利拥有量，落实十三五规划", &[]),
    ];
    for (text, expected) in fixtures {
        let got: Vec<_> = quantities(text)
            .into_iter()
            .map(|q| {
                let phrase: String = text.chars().skip(q.span[0]).take(q.span[1] - q.span[0]).collect();
                (phrase, q.value, q.value_max, q.unit, q.qualifier, q.norm_value, q.norm_unit)
            })
            .collect();
        let want: Vec<_> = expected
            .iter()
            .map(|(p, v, m, u, q, nv, nu)| {
                (p.to_string(), *v, *m, u.to_string(), q.map(str::to_string), *nv, nu.to_string())
            })
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn indicators_agree_with_the_target_parser_where_both_read() {
    use plan_compare::parse::targets::parse_quantity;
    for cell in ["超过1300件", "2.4件", "90项以上", "1-2个", "达100%", "突破100亿元", "不少于500家"] {
        let q = parse_quantity(cell).unwrap();
        let mine = quantities(cell);
        assert_eq!(mine.len(), 1, "{cell}");
        assert_eq!(
            (mine[0].value, mine[0].value_max, Some(mine[0].unit.clone()), mine[0].qualifier.clone()),
            (q.value, q.value_max, q.unit, q.qualifier),
            "{cell}"
        );
    }
}

#[test]
fn pledge_financing_numbers_compare_across_plans() {
    let c = corpus();
    let r = indicators(c, &IndicatorsOptions { theme: Some("pledge-financing".into()), ..Default::default() }).unwrap();
    assert_eq!(r.plans.len(), c.dataset.plans.len());
    assert!(r.units.iter().any(|u| u.unit == "万元"), "{:?}", r.units);
    for i in &r.indicators {
        let m = c.measure(&i.measure).unwrap();
        assert!(m.themes.iter().any(|t| t == "pledge-financing"));
        let field = match i.field {
            plan_compare::query::similarity::Field::Title => m.title.as_deref().unwrap(),
            plan_compare::query::similarity::Field::Text => m.text.as_deref().unwrap(),
        };
        let printed: String = field.chars().skip(i.span[0]).take(i.span[1] - i.span[0]).collect();
        assert_eq!(printed, i.phrase);
        assert!(i.clause.contains(&i.phrase));
        assert_eq!(i.lines, m.lines);
    }
    // Beside them, the targets on the theme only (the 2022 action plan's 质押融资金额).
    assert!(!r.targets.is_empty() && r.targets.iter().all(|t| t.text.contains("质押")), "{:?}", r.targets);
    let money: f64 = r.plans.iter().flat_map(|p| &p.units).filter(|u| u.unit == "万元").map(|u| u.total).sum();
    assert!(money > 0.0);
    // By work item: reworded cells of the template item are found too.
    let w = indicators(c, &IndicatorsOptions { work_item: Some("加强海关知识产权保护".into()), ..Default::default() })
        .unwrap();
    assert!(
        w.plans.iter().filter(|p| p.measures > 0).count() >= 20,
        "{:?}",
        w.plans.iter().map(|p| (&p.plan, p.measures)).collect::<Vec<_>>()
    );
}

#[test]
fn chinese_numerals_read_as_numbers_or_not_at_all() {
    use plan_compare::query::indicators::chinese_number;
    let cases = [
        ("十五", Some(15)),
        ("二十", Some(20)),
        ("三百", Some(300)),
        ("两千五百", Some(2500)),
        ("一万", Some(10_000)),
        ("三千二百五十万", Some(32_500_000)),
        ("十百千", None),
        ("一二", None),
        ("万", None),
    ];
    for (s, want) in cases {
        assert_eq!(chinese_number(s), want, "{s}");
    }
}

#[test]
fn hostile_texts_stay_bounded() {
    let long = "甲".repeat(200_000);
    let numerals = "十".repeat(100_000);
    let c = synthetic(&[("a", &[(None, long.as_str()), (None, numerals.as_str())]), ("b", &[(None, long.as_str())])]);
    let started = Instant::now();
    let r = shared_passages(&c, "a", Some("b"), &PassagesOptions { limit: Some(3), by: None }).unwrap();
    assert!(!r.passages.is_empty());
    assert_eq!(cell(&plan_similarity(&c, &SimilarityOptions::default()).unwrap(), "b", "a"), Some(1.0));
    assert!(quantities(&numerals).is_empty());
    eprintln!("hostile pair: {:?} (debug build)", started.elapsed());
}

#[test]
fn what_is_counted_is_the_noun_after_the_number_or_before_it() {
    let counted = |text: &str| quantities(text).into_iter().map(|q| q.counted).collect::<Vec<_>>();
    assert_eq!(
        counted("培育6-8家年度PCT专利申请量超过100件的中关村涉外知识产权优势企业"),
        vec!["年度PCT专利申请量".to_string(), "中关村涉外知识产权优势".to_string()]
    );
    assert_eq!(counted("全省认证企业达到100家。"), vec!["全省认证企业".to_string()]);
}
