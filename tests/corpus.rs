//! The bundled corpus as a whole: plan and measure counts, order, ids, coverage, the contract.

use plan_compare::dataset::{self, Build};
use plan_compare::model::Level;
use std::collections::HashSet;
use std::sync::OnceLock;

fn build() -> &'static Build {
    static BUILD: OnceLock<Build> = OnceLock::new();
    BUILD.get_or_init(dataset::build)
}

fn count(plan: &str) -> usize {
    build().dataset.measures.iter().filter(|m| m.plan == plan).count()
}

#[test]
fn thirty_five_plans_in_seed_order() {
    let plans: Vec<&str> = build().dataset.plans.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(plans.len(), 35);
    assert_eq!(&plans[..4], ["shanwei-chengqu-2018", "shantou-2016-2020", "guangdong-2016", "beijing-2018"]);
    assert_eq!(plans[34], "guangdong-2018-2022");
    // 003's units in printed order; 甘肃省 has no heading and comes after 陕西省.
    let shaanxi = plans.iter().position(|p| *p == "shaanxi-2018").unwrap();
    assert_eq!(plans[shaanxi + 1], "gansu-2018");
    assert_eq!(plans[33], "xpcc-2018");
    assert!(!plans.iter().any(|p| p.starts_with("tibet")), "seed 003 has no 西藏");
    let unique: HashSet<&&str> = plans.iter().collect();
    assert_eq!(unique.len(), 35, "plan ids are unique");
}

#[test]
fn measure_counts_of_the_prose_plans() {
    assert_eq!(count("shanwei-chengqu-2018"), 30);
    assert_eq!(count("shantou-2016-2020"), 24);
    assert_eq!(count("guangdong-2016"), 160);
    assert_eq!(count("guangdong-2018-2022"), 14);
}

#[test]
fn every_provincial_table_has_its_rows() {
    let d = &build().dataset;
    let tables: Vec<_> = d.plans.iter().filter(|p| p.source.ends_with("provinces-2018-work-points.txt")).collect();
    assert_eq!(tables.len(), 31);
    let mut total = 0;
    for p in &tables {
        let rows: Vec<_> = d.measures.iter().filter(|m| m.plan == p.id).collect();
        assert!(rows.len() >= 20, "{} has only {} rows", p.id, rows.len());
        assert!(rows.iter().all(|m| matches!(m.focus_no, Some(1..=6))), "{}: every row has a focus area", p.id);
        assert!(rows.iter().all(|m| m.work_item.is_some()), "{}: every row has a work item", p.id);
        assert!(rows.windows(2).all(|w| w[0].lines[0] <= w[1].lines[0]), "{}: rows in document order", p.id);
        total += rows.len();
    }
    // About 1,390 rows in all (DESIGN.md); a large drift means rows are split or merged.
    assert!((1330..=1450).contains(&total), "{total} table rows");
    assert_eq!(count("beijing-2018"), 47);
}

#[test]
fn targets_of_shantou_and_the_action_plan() {
    let d = &build().dataset;
    let shantou: Vec<_> = d.targets.iter().filter(|t| t.plan == "shantou-2016-2020").collect();
    assert_eq!(shantou.len(), 13);
    assert!(shantou.iter().all(|t| t.year == 2020));
    let invention = shantou.iter().find(|t| t.indicator.contains("万人发明专利拥有量")).unwrap();
    assert_eq!(invention.value, 2.4);
    let action: Vec<_> = d.targets.iter().filter(|t| t.plan == "guangdong-2018-2022").collect();
    assert!(action.len() >= 10, "{} targets", action.len());
    assert!(action.iter().all(|t| t.year == 2022));
    assert!(d.targets.iter().all(|t| t.value.is_finite()));
}

#[test]
fn plans_carry_codes_and_english_names() {
    let d = &build().dataset;
    for p in &d.plans {
        assert!(!p.region_en.is_empty(), "{}", p.id);
        assert!(!p.title.is_empty(), "{}", p.id);
        match p.region.as_str() {
            "新疆生产建设兵团" => assert_eq!(p.region_code, None),
            _ => assert_eq!(p.region_code.as_ref().map(String::len), Some(6), "{}", p.id),
        }
        assert!(p.year_start <= p.year_end);
    }
    let beijing = d.plans.iter().find(|p| p.id == "beijing-2018").unwrap();
    assert_eq!(
        (beijing.region_code.as_deref(), beijing.region_en.as_str(), beijing.level),
        (Some("110000"), "Beijing", Level::Province)
    );
    let chengqu = &d.plans[0];
    assert_eq!((chengqu.region_code.as_deref(), chengqu.level), (Some("441502"), Level::District));
    let gd2016 = d.plans.iter().find(|p| p.id == "guangdong-2016").unwrap();
    assert_eq!(gd2016.doc_number.as_deref(), Some("粤府知办〔2016〕17号"));
    let gd2018 = d.plans.iter().find(|p| p.id == "guangdong-2018-2022").unwrap();
    assert_eq!(gd2018.doc_number.as_deref(), Some("粤知〔2018〕153号"));
}

#[test]
fn measure_ids_are_stable_and_lines_cite_the_seed() {
    let d = &build().dataset;
    let ids: HashSet<&str> = d.measures.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids.len(), d.measures.len());
    assert_eq!(d.measures[0].id, "shanwei-chengqu-2018-001");
    for m in &d.measures {
        assert!(m.lines[0] >= 1 && m.lines[0] <= m.lines[1], "{}", m.id);
        let plan = d.plans.iter().find(|p| p.id == m.plan).unwrap();
        let seed = dataset::SEEDS.iter().find(|s| s.path == plan.source).unwrap();
        assert!(m.lines[1] as usize <= seed.text.lines().count(), "{}", m.id);
        for dep in &m.departments {
            assert!(!dep.name.trim().is_empty() && !dep.agency.is_empty(), "{}", m.id);
        }
    }
}

#[test]
fn nothing_meaningful_is_lost() {
    let b = build();
    assert!(
        b.dataset.unassigned.is_empty(),
        "unassigned: {:?}",
        &b.dataset.unassigned[..b.dataset.unassigned.len().min(5)]
    );
    assert_eq!(b.ledger.coverage(), 1.0);
    // Every non-blank line of every seed is accounted for in the ledger.
    for seed in dataset::SEEDS.iter() {
        let lines: HashSet<u32> = b.ledger.entries.iter().filter(|e| e.0 == seed.path).map(|e| e.1).collect();
        let expected = seed.text.split('\n').count();
        assert_eq!(lines.len(), expected, "{}", seed.path);
    }
}

/// Keys of a JSON object in printed order (serde_json's Value would sort them).
fn keys_in_order(json: &str, keys: &[&str]) -> bool {
    let positions: Vec<Option<usize>> = keys.iter().map(|k| json.find(&format!("\"{k}\":"))).collect();
    positions.iter().all(Option::is_some) && positions.windows(2).all(|w| w[0] < w[1])
}

#[test]
fn export_json_has_the_contract_keys_in_order() {
    let d = &build().dataset;
    let json = serde_json::to_string(d).unwrap();
    let empty = serde_json::to_string(&plan_compare::model::Dataset::default()).unwrap();
    assert!(keys_in_order(&empty, &["plans", "measures", "targets", "themes", "unassigned"]), "{empty}");
    let m = serde_json::to_string(&d.measures[0]).unwrap();
    assert!(
        keys_in_order(
            &m,
            &[
                "id",
                "plan",
                "no",
                "chapter",
                "focus_no",
                "work_item",
                "title",
                "text",
                "departments",
                "themes",
                "lines"
            ]
        ),
        "{m}"
    );
    let p = serde_json::to_string(&d.plans[0]).unwrap();
    assert!(
        keys_in_order(
            &p,
            &[
                "id",
                "region",
                "region_code",
                "region_en",
                "level",
                "kind",
                "year_start",
                "year_end",
                "title",
                "doc_number",
                "source"
            ]
        ),
        "{p}"
    );
    let t = serde_json::to_string(&d.targets[0]).unwrap();
    assert!(
        keys_in_order(&t, &["plan", "indicator", "value", "value_max", "unit", "qualifier", "year", "text"]),
        "{t}"
    );
    // Round trip: the export reads back to the same dataset.
    let back: plan_compare::model::Dataset = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, d);
}
