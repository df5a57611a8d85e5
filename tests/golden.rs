//! The hand-checked plans must come out of the parser exactly (whitespace removed).

use plan_compare::dataset;
use plan_compare::model::{Dataset, Measure, Role};
use serde_json::Value;
use std::sync::OnceLock;

fn corpus() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| dataset::build().dataset)
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn golden(name: &str) -> Vec<Value> {
    let path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn departments(m: &Measure) -> Vec<(String, Option<&'static str>)> {
    m.departments
        .iter()
        .map(|d| {
            let role = d.role.map(|r| match r {
                Role::Lead => "lead",
                Role::Support => "support",
            });
            (squash(&d.name), role)
        })
        .collect()
}

fn expected_departments(row: &Value) -> Vec<(String, Option<&'static str>)> {
    row["departments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let role = match d["role"].as_str() {
                Some("lead") => Some("lead"),
                Some("support") => Some("support"),
                _ => None,
            };
            (squash(d["name"].as_str().unwrap()), role)
        })
        .collect()
}

/// A provincial table unit must match its hand-checked rows exactly: one record per measure row,
/// every field. Reports every differing row, not only the first.
fn check_table_rows(plan: &str, golden_file: &str) {
    let rows = golden(golden_file);
    let measures: Vec<&Measure> = corpus().measures.iter().filter(|m| m.plan == plan).collect();
    let mut problems = Vec::new();
    for (k, (m, row)) in measures.iter().zip(&rows).enumerate() {
        let lines = [row["src_lines"][0].as_u64().unwrap() as u32, row["src_lines"][1].as_u64().unwrap() as u32];
        let mut differs = Vec::new();
        if m.lines != lines {
            differs.push(format!("lines {:?} != {:?}", m.lines, lines));
        }
        if m.focus_no != row["focus_no"].as_u64().map(|n| n as u8) {
            differs.push(format!("focus_no {:?}", m.focus_no));
        }
        if squash(&m.chapter) != squash(row["focus"].as_str().unwrap()) {
            differs.push(format!("chapter {}", m.chapter));
        }
        if m.work_item.as_deref().map(squash) != row["work_item"].as_str().map(squash) {
            differs.push(format!("work_item {:?}", m.work_item));
        }
        if m.text.as_deref().map(squash) != row["measure"].as_str().map(squash) {
            differs.push(format!("text {:?}", m.text));
        }
        if departments(m) != expected_departments(row) {
            differs.push(format!("departments {:?}", departments(m)));
        }
        if m.title.is_some() || m.no.is_some() {
            differs.push("title or no set".to_string());
        }
        if !differs.is_empty() {
            let row_no = k + 1;
            problems.push(format!("row {row_no} ({}, golden lines {lines:?}): {}", m.id, differs.join("; ")));
        }
    }
    if measures.len() != rows.len() {
        problems.push(format!("{} records, {} hand-checked rows", measures.len(), rows.len()));
    }
    assert!(problems.is_empty(), "{plan}:\n{}", problems.join("\n"));
}

#[test]
fn beijing_2018_rows_match_the_hand_checked_records() {
    check_table_rows("beijing-2018", "beijing_2018_rows.json");
}

#[test]
fn shandong_2018_rows_match_the_hand_checked_records() {
    check_table_rows("shandong-2018", "shandong_2018_rows.json");
}

#[test]
fn fujian_2018_rows_match_the_hand_checked_records() {
    check_table_rows("fujian-2018", "fujian_2018_rows.json");
}

#[test]
fn chongqing_2018_rows_match_the_hand_checked_records() {
    check_table_rows("chongqing-2018", "chongqing_2018_rows.json");
}

#[test]
fn heilongjiang_2018_rows_match_the_hand_checked_records() {
    check_table_rows("heilongjiang-2018", "heilongjiang_2018_rows.json");
}

#[test]
fn zhejiang_2018_rows_match_the_hand_checked_records() {
    check_table_rows("zhejiang-2018", "zhejiang_2018_rows.json");
}

#[test]
fn shaanxi_2018_rows_match_the_hand_checked_records() {
    check_table_rows("shaanxi-2018", "shaanxi_2018_rows.json");
}

#[test]
fn shanghai_2018_rows_match_the_hand_checked_records() {
    check_table_rows("shanghai-2018", "shanghai_2018_rows.json");
}

#[test]
fn qinghai_2018_rows_match_the_hand_checked_records() {
    check_table_rows("qinghai-2018", "qinghai_2018_rows.json");
}

#[test]
fn inner_mongolia_2018_rows_match_the_hand_checked_records() {
    check_table_rows("inner-mongolia-2018", "inner_mongolia_2018_rows.json");
}

#[test]
fn hainan_2018_rows_match_the_hand_checked_records() {
    check_table_rows("hainan-2018", "hainan_2018_rows.json");
}

#[test]
fn xinjiang_2018_rows_match_the_hand_checked_records() {
    check_table_rows("xinjiang-2018", "xinjiang_2018_rows.json");
}

#[test]
fn hebei_2018_rows_match_the_hand_checked_records() {
    check_table_rows("hebei-2018", "hebei_2018_rows.json");
}

#[test]
fn xpcc_2018_rows_match_the_hand_checked_records() {
    check_table_rows("xpcc-2018", "xpcc_2018_rows.json");
}

#[test]
fn gansu_2018_rows_match_the_hand_checked_records() {
    check_table_rows("gansu-2018", "gansu_2018_rows.json");
}

#[test]
fn tianjin_2018_rows_match_the_hand_checked_records() {
    check_table_rows("tianjin-2018", "tianjin_2018_rows.json");
}

#[test]
fn hubei_2018_rows_match_the_hand_checked_records() {
    check_table_rows("hubei-2018", "hubei_2018_rows.json");
}

#[test]
fn sichuan_2018_rows_match_the_hand_checked_records() {
    check_table_rows("sichuan-2018", "sichuan_2018_rows.json");
}

#[test]
fn guangdong_2018_rows_match_the_hand_checked_records() {
    check_table_rows("guangdong-2018", "guangdong_2018_rows.json");
}

#[test]
fn jiangsu_2018_rows_match_the_hand_checked_records() {
    check_table_rows("jiangsu-2018", "jiangsu_2018_rows.json");
}

#[test]
fn shanxi_2018_rows_match_the_hand_checked_records() {
    check_table_rows("shanxi-2018", "shanxi_2018_rows.json");
}

#[test]
fn yunnan_2018_rows_match_the_hand_checked_records() {
    check_table_rows("yunnan-2018", "yunnan_2018_rows.json");
}

#[test]
fn guizhou_2018_rows_match_the_hand_checked_records() {
    check_table_rows("guizhou-2018", "guizhou_2018_rows.json");
}

#[test]
fn liaoning_2018_rows_match_the_hand_checked_records() {
    check_table_rows("liaoning-2018", "liaoning_2018_rows.json");
}

#[test]
fn ningxia_2018_rows_match_the_hand_checked_records() {
    check_table_rows("ningxia-2018", "ningxia_2018_rows.json");
}

#[test]
fn jilin_2018_rows_match_the_hand_checked_records() {
    check_table_rows("jilin-2018", "jilin_2018_rows.json");
}

#[test]
fn jiangxi_2018_rows_match_the_hand_checked_records() {
    check_table_rows("jiangxi-2018", "jiangxi_2018_rows.json");
}

#[test]
fn anhui_2018_rows_match_the_hand_checked_records() {
    check_table_rows("anhui-2018", "anhui_2018_rows.json");
}

#[test]
fn henan_2018_rows_match_the_hand_checked_records() {
    check_table_rows("henan-2018", "henan_2018_rows.json");
}

#[test]
fn hunan_2018_rows_match_the_hand_checked_records() {
    check_table_rows("hunan-2018", "hunan_2018_rows.json");
}

#[test]
fn guangxi_2018_rows_match_the_hand_checked_records() {
    check_table_rows("guangxi-2018", "guangxi_2018_rows.json");
}

#[test]
fn shanwei_chengqu_2018_items_match_the_hand_checked_records() {
    let items = golden("shanwei_chengqu_2018_items.json");
    let measures: Vec<&Measure> = corpus().measures.iter().filter(|m| m.plan == "shanwei-chengqu-2018").collect();
    assert_eq!(measures.len(), items.len());
    for (m, item) in measures.iter().zip(&items) {
        assert_eq!(m.no, item["no"].as_u64().map(|n| n as u32), "{}", m.id);
        assert_eq!(m.lines[0], item["line"].as_u64().unwrap() as u32, "{}", m.id);
        assert_eq!(squash(&m.chapter), squash(item["chapter"].as_str().unwrap()), "{}", m.id);
        assert_eq!(m.title.as_deref().map(squash), item["title"].as_str().map(squash), "{}", m.id);
        let text = squash(m.text.as_deref().unwrap_or_default());
        assert!(text.starts_with(&squash(item["text_head"].as_str().unwrap())), "{}: {text}", m.id);
        assert!(text.ends_with(&squash(item["text_tail"].as_str().unwrap())), "{}: {text}", m.id);
        assert_eq!(departments(m), expected_departments(item), "{}", m.id);
        assert!(m.focus_no.is_none() && m.work_item.is_none());
    }
}
