//! Arbitrary text never panics the parser and never loses data: what it cannot place is reported.

use plan_compare::model::{Kind, Level};
use plan_compare::parse::{parse_document, DocumentInfo, MAX_DOCUMENT_BYTES};
use plan_compare::themes::Taxonomy;

fn info() -> DocumentInfo {
    DocumentInfo {
        source: "reader.txt".into(),
        region: None,
        level: Level::City,
        kind: Kind::WorkPoints,
        year_start: None,
        year_end: None,
        title: None,
        id: None,
    }
}

#[test]
fn empty_text_gives_a_diagnostic_and_no_plan() {
    for text in ["", "\n\n\n", "   \t  "] {
        let parsed = parse_document(&info(), text);
        assert!(parsed.dataset.plans.is_empty());
        assert!(!parsed.diagnostics.is_empty(), "{text:?}");
    }
}

#[test]
fn binary_looking_text_is_kept_as_unassigned_or_passages() {
    let text: String = (0u32..5000).map(|i| char::from_u32((i * 7919) % 0x2FFF + 1).unwrap_or('?')).collect();
    let parsed = parse_document(&info(), &text);
    let lines = text.split('\n').count();
    let ledger_lines: std::collections::HashSet<u32> = parsed.ledger.entries.iter().map(|e| e.1).collect();
    assert_eq!(ledger_lines.len(), lines, "every line accounted for");
    let text = "\u{0}\u{1}\u{fffd}\u{feff}（（（）））1.2.3.\n一、\n（一）\n1.\n号\n〔〕";
    let parsed = parse_document(&info(), text);
    assert!(parsed.ledger.entries.len() >= 6);
}

#[test]
fn an_unknown_shape_is_kept_not_dropped() {
    let text = "这是一封信。\n\n我们讨论了知识产权的问题，但没有编号的条目。\n\n此致\n敬礼";
    let parsed = parse_document(&info(), text);
    assert!(parsed.dataset.measures.is_empty());
    assert!(parsed.diagnostics.iter().any(|d| d.message.contains("no numbered items")));
    let kept: usize = parsed.dataset.passages.iter().map(|p| p.text.chars().count()).sum::<usize>()
        + parsed.dataset.unassigned.iter().map(|u| u.text.chars().count()).sum::<usize>();
    assert!(kept >= 30, "the prose is kept as passages or unassigned lines");
}

#[test]
fn a_ten_megabyte_document_parses_without_panicking() {
    let seed = include_str!("../seeds/guangdong-2016-work-points.txt");
    let mut text = String::new();
    while text.len() < 10 * 1024 * 1024 {
        text.push_str(seed);
    }
    let parsed = parse_document(&info(), &text);
    assert!(!parsed.dataset.measures.is_empty());
}

/// Shapes a pasted text may repeat thousands of times, each of which once made the parser
/// quadratic (minutes for a text under the 2 MiB `addPlan` takes): an item closing with its
/// department clause, an item that runs on without one, a table cell of thousands of lines, and a
/// keyword thousands of times in one text. Each still parses to what it says.
#[test]
fn thousands_of_repeated_items_parse_every_one() {
    let clauses: String = (1..=3000).map(|i| format!("（{i}）推进专利质押融资。（市金融局负责）\n")).collect();
    let mut parsed = parse_document(&info(), &format!("一、重点任务\n{clauses}"));
    assert_eq!(parsed.dataset.measures.len(), 3000);
    assert!(parsed.dataset.measures.iter().all(|m| m.departments.len() == 1));
    // Tagging reads a text for each theme's keywords: here one text with 3,000 matches of 质押融资.
    let mut whole = parsed.dataset.measures[0].clone();
    whole.text = Some(parsed.dataset.measures.iter().filter_map(|m| m.text.as_deref()).collect());
    parsed.dataset.measures = vec![whole];
    Taxonomy::bundled().unwrap().tag_dataset(&mut parsed.dataset);
    assert!(parsed.dataset.measures[0].themes.iter().any(|t| t == "pledge-financing"));

    let numbered: String = (1..=900).map(|i| format!("{i}. 推进专利质押融资工作，\n提升服务水平。\n")).collect();
    let parsed = parse_document(&info(), &format!("一、重点任务\n{numbered}"));
    assert_eq!(parsed.dataset.measures.len(), 900);

    // A table whose rows the parser cannot tell apart: one long cell, every line still accounted for.
    let cell: String = (1..=3000).map(|i| format!("{i} \n推进\n省知识产权局\n")).collect();
    let text = format!("序号 工作重点 工作内容 具体举措及成果形式 责任部门\n{cell}");
    let parsed = parse_document(&info(), &text);
    let lines: std::collections::HashSet<u32> = parsed.ledger.entries.iter().map(|e| e.1).collect();
    assert_eq!(lines.len(), text.split('\n').count());
}

#[test]
fn an_oversized_document_is_refused_with_a_diagnostic() {
    let text = "知".repeat(MAX_DOCUMENT_BYTES / 3 + 10);
    let parsed = parse_document(&info(), &text);
    assert!(parsed.dataset.plans.is_empty());
    assert!(parsed.diagnostics[0].message.contains("at most"));
}

#[test]
fn table_damage_in_the_wrong_places_never_panics() {
    let seed = include_str!("../seeds/provinces-2018-work-points.txt");
    let lines: Vec<&str> = seed.lines().take(700).collect();
    // Reverse, shuffle deterministically, cut in the middle of rows: all must parse.
    let reversed: String = lines.iter().rev().map(|l| format!("{l}\n")).collect();
    let strided: String = (0..lines.len()).map(|i| format!("{}\n", lines[(i * 37) % lines.len()])).collect();
    let halved: String =
        lines.iter().map(|l| format!("{}\n", l.chars().take(l.chars().count() / 2).collect::<String>())).collect();
    for text in [reversed, strided, halved] {
        let parsed = parse_document(&info(), &text);
        let n = text.split('\n').count();
        let seen: std::collections::HashSet<u32> = parsed.ledger.entries.iter().map(|e| e.1).collect();
        assert_eq!(seen.len(), n);
    }
}

#[test]
fn fuzz_regressions_parse_and_account_for_every_line() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        let parsed = parse_document(&info(), &text);
        let lines: std::collections::HashSet<u32> = parsed.ledger.entries.iter().map(|e| e.1).collect();
        assert_eq!(lines.len(), text.split('\n').count(), "{}", path.display());
        seen += 1;
    }
    assert!(seen >= 3);
}

#[test]
fn grid_tables_damaged_anywhere_never_panic_and_keep_every_line() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut tables = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
        if !(name.starts_with("grid-") && name.ends_with(".txt")) {
            continue;
        }
        tables += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.split('\n').collect();
        let reversed: String = lines.iter().rev().map(|l| format!("{l}\n")).collect();
        let stride = |i: usize| format!("{}\n", lines[(i * 7) % lines.len()]);
        let strided: String = (0..lines.len()).map(stride).collect();
        let half = |l: &&str| format!("{}\n", l.chars().take(l.chars().count() / 2).collect::<String>());
        let halved: String = lines.iter().map(half).collect();
        // Cells moved between rows and columns: tabs become line breaks and line breaks tabs.
        let swap = |c: char| match c {
            '\t' => '\n',
            '\n' => '\t',
            c => c,
        };
        let retabbed: String = text.chars().map(swap).collect();
        let doubled_numbers: String = lines.iter().map(|l| format!("{l}\n{}\n", l.len() % 5)).collect();
        for damaged in [reversed, strided, halved, retabbed, doubled_numbers] {
            let parsed = parse_document(&info(), &damaged);
            let n = damaged.split('\n').count();
            let seen: std::collections::HashSet<u32> = parsed.ledger.entries.iter().map(|e| e.1).collect();
            assert_eq!(seen.len(), n, "{name}");
            for m in &parsed.dataset.measures {
                assert!(m.lines[0] >= 1 && m.lines[0] <= m.lines[1] && m.lines[1] as usize <= n, "{name}");
            }
        }
    }
    assert!(tables >= 6);
}
