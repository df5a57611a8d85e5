//! Search quality on the judged queries, natively: P@10 (over 10 slots) and recall over the top 100,
//! as `bench/node.mjs` computes them for the wasm build: over issue 12's judged queries, then apart
//! over the 11 more English queries judged by keyword alone (`en-extra`, bench/make-judgments.mjs).
//!
//! `cargo run --example judge [-- --per-query] [DATA_DIR]`: with a data directory (`plan-compare build
//! --out DIR`, CC-CEDICT included) the searches run on it, as the package's do.

use plan_compare::query::{search, Corpus, SearchOptions};
use serde_json::Value;

fn main() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/bench/judgments.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let judged: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let per_query = std::env::args().any(|a| a == "--per-query");
    let data_dir = std::env::args().skip(1).find(|a| !a.starts_with("--"));
    let corpus = Corpus::bundled();
    let mut data = data_dir.map(|d| {
        let mut fetch = plan_compare::datadir::DirFetch::new(d);
        let dir = plan_compare::datadir::DataDir::open(&mut fetch).unwrap_or_else(|e| panic!("{e}"));
        (dir, fetch)
    });
    let opts = SearchOptions { limit: Some(100), ..Default::default() };
    // (P@10 sum, recall sum, queries) of issue 12's judged queries, then of en-extra.
    let mut sums = [(0.0, 0.0, 0usize); 2];
    for q in judged["queries"].as_array().into_iter().flatten() {
        let Some(query) = q["query"].as_str() else { continue };
        let relevant: std::collections::HashSet<&str> =
            q["relevant"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
        let result = match &mut data {
            Some((dir, fetch)) => dir.search(fetch, query, &opts).map_err(|e| e.to_string()),
            None => search(&corpus, query, &opts).map_err(|e| e.to_string()),
        };
        let got: Vec<String> = result.map(|r| r.hits.into_iter().map(|h| h.id).collect()).unwrap_or_default();
        let top10 = got.iter().take(10).filter(|id| relevant.contains(id.as_str())).count() as f64 / 10.0;
        let top100 = got.iter().take(100).filter(|id| relevant.contains(id.as_str())).count() as f64
            / relevant.len().max(1) as f64;
        if per_query {
            println!("{query}\t{top10:.1}\t{top100:.2}");
        }
        let sum = &mut sums[usize::from(q["lang"] == "en-extra")];
        sum.0 += top10;
        sum.1 += top100;
        sum.2 += 1;
    }
    for ((p10, recall, count), what) in sums.into_iter().zip(["queries", "en-extra queries"]) {
        let n = count.max(1) as f64;
        println!("{count} {what}: P@10 {:.3}, recall@100 {:.3}", p10 / n, recall / n);
    }
}
