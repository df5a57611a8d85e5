//! Fuzz every query entry point with structured, arbitrary options: plan and theme ids drawn from
//! the corpus or made up, any numbers, any text. Nothing may panic; answers stay within bounds.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use plan_compare::query::compare::{compare, CompareBy};
use plan_compare::query::diff::{diff, DiffOptions};
use plan_compare::query::filter::{filter, FilterOptions};
use plan_compare::query::search::{search, SearchOptions};
use plan_compare::query::themes::{match_themes, theme_matrix, ThemeMatrixOptions};
use plan_compare::query::Corpus;
use std::sync::OnceLock;

fn corpus() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(Corpus::bundled)
}

/// A plan or theme id: one of the corpus's (by index) or arbitrary text.
#[derive(Arbitrary, Debug)]
enum Id {
    Known(u8),
    Made(String),
}

fn plan_id(id: &Id) -> String {
    let plans = &corpus().dataset.plans;
    match id {
        Id::Known(k) => plans[*k as usize % plans.len()].id.clone(),
        Id::Made(s) => s.clone(),
    }
}

fn theme_id(id: &Id) -> String {
    let themes = &corpus().dataset.themes;
    match id {
        Id::Known(k) if !themes.is_empty() => themes[*k as usize % themes.len()].id.clone(),
        Id::Known(_) => String::new(),
        Id::Made(s) => s.clone(),
    }
}

#[derive(Arbitrary, Debug)]
enum Call {
    Filter {
        plans: Vec<Id>,
        themes: Vec<Id>,
        regions: Vec<String>,
        focus: Vec<u8>,
        years: Vec<u16>,
        words: Vec<String>,
        agencies: Vec<String>,
        offset: usize,
        limit: Option<usize>,
    },
    Search {
        query: String,
        plans: Vec<Id>,
        offset: usize,
        limit: Option<usize>,
        no_synonyms: bool,
    },
    MatchThemes(String),
    Matrix {
        plans: Vec<Id>,
        themes: Vec<Id>,
    },
    Diff {
        a: Id,
        b: Id,
        threshold: Option<f64>,
        no_changes: bool,
    },
    Compare {
        plans: Vec<Id>,
        theme: Option<Id>,
        work_item: String,
    },
}

// Build the corpus before the first input, so its one-off cost (parsing and indexing every seed)
// never counts against libFuzzer's per-input timeout.
fuzz_target!(init: { corpus(); }, |calls: Vec<Call>| {
    let c = corpus();
    for call in calls.iter().take(8) {
        match call {
            Call::Filter { plans, themes, regions, focus, years, words, agencies, offset, limit } => {
                let opts = FilterOptions {
                    plans: plans.iter().map(plan_id).collect(),
                    themes: themes.iter().map(theme_id).collect(),
                    regions: regions.clone(),
                    focus: focus.clone(),
                    years: years.clone(),
                    words: words.clone(),
                    agencies: agencies.clone(),
                    offset: *offset,
                    limit: *limit,
                    ..Default::default()
                };
                if let Ok(r) = filter(c, &opts) {
                    assert!(r.total <= c.dataset.measures.len());
                    assert!(r.items.len() <= 1000);
                }
            }
            Call::Search { query, plans, offset, limit, no_synonyms } => {
                let opts = SearchOptions { plans: plans.iter().map(plan_id).collect(), offset: *offset, limit: *limit, no_synonyms: *no_synonyms, ..Default::default() };
                if let Ok(r) = search(c, query, &opts) {
                    for h in &r.hits {
                        let text_len = c.measure(&h.id).and_then(|m| m.text.as_deref()).map(|t| t.chars().count()).unwrap_or(0);
                        assert!(h.highlights.iter().all(|s| s[0] <= s[1] && s[1] <= text_len), "{h:?}");
                    }
                }
            }
            Call::MatchThemes(text) => {
                let _ = match_themes(c, text);
            }
            Call::Matrix { plans, themes } => {
                let opts = ThemeMatrixOptions { plans: plans.iter().map(plan_id).collect(), themes: themes.iter().map(theme_id).collect() };
                let _ = theme_matrix(c, &opts);
            }
            Call::Diff { a, b, threshold, no_changes } => {
                let _ = diff(c, &plan_id(a), &plan_id(b), &DiffOptions { threshold: *threshold, no_changes: *no_changes });
            }
            Call::Compare { plans, theme, work_item } => {
                let ids: Vec<String> = plans.iter().map(plan_id).collect();
                let by = match theme {
                    Some(t) => CompareBy::Theme(theme_id(t)),
                    None => CompareBy::WorkItem(work_item.clone()),
                };
                let _ = compare(c, &ids, &by);
            }
        }
    }
});
