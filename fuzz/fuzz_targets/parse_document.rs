//! Fuzz the parser: any text, shaped as a table document or prose, must parse without panicking and
//! account for every line (in a record, as noise, or as unassigned).
#![no_main]

use libfuzzer_sys::fuzz_target;
use plan_compare::model::{Kind, Level};
use plan_compare::parse::{parse_document, DocumentInfo};
use std::collections::HashSet;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let info = DocumentInfo {
        source: "fuzz.txt".into(),
        region: None,
        level: Level::Province,
        kind: Kind::WorkPoints,
        year_start: None,
        year_end: None,
        title: None,
        id: None,
    };
    let parsed = parse_document(&info, &text);
    if text.len() <= plan_compare::parse::MAX_DOCUMENT_BYTES {
        let seen: HashSet<u32> = parsed.ledger.entries.iter().map(|e| e.1).collect();
        assert_eq!(seen.len(), text.split('\n').count(), "every line is accounted for");
    }
    for m in &parsed.dataset.measures {
        assert!(m.lines[0] >= 1 && m.lines[0] <= m.lines[1]);
    }
});
