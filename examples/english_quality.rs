//! Search quality with and without the English dictionary (src/english.rs) on bench/judgments.json:
//! P@10 (judged-relevant measures among the first 10 results, over 10) and recall@100 (judged-relevant
//! among the first 100, over all judged relevant), as bench/report.mjs computes them; then the phrases
//! and first hits of any extra queries given, to read.
//! Run: `cargo run --example english_quality -- [--dictionary FILE] [QUERY…]`
use plan_compare::english::Dictionary;
use plan_compare::query::{search, Corpus, SearchOptions};
use serde_json::Value;
use std::collections::BTreeSet;

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = plan_compare::cli::option(&args, "dictionary").unwrap_or(plan_compare::cli::DEFAULT_DICTIONARY);
    let extra: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| !a.starts_with("--") && (*i == 0 || args[i - 1] != "--dictionary"))
        .map(|(_, a)| a)
        .collect();
    let cedict = plan_compare::cli::read_dictionary(path)?;
    let plain = Corpus::bundled();
    let mut english = plain.clone();
    english.english = Some(Dictionary::for_corpus(&cedict, &english));
    let judged: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/bench/judgments.json"))
            .map_err(|e| e.to_string())?,
    )
    .map_err(|e| e.to_string())?;
    let opts = SearchOptions { limit: Some(100), ..Default::default() };
    let queries = judged["queries"].as_array().cloned().unwrap_or_default();
    println!("query\tlang\trelevant\tP@10 before\tP@10 after\trecall before\trecall after");
    let mut sums: Vec<(String, [f64; 4], usize)> = Vec::new();
    for q in &queries {
        let (Some(text), Some(lang)) = (q["query"].as_str(), q["lang"].as_str()) else { continue };
        let relevant: BTreeSet<&str> =
            q["relevant"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
        let score = |corpus: &Corpus| -> (f64, f64) {
            let ids: Vec<String> =
                search(corpus, text, &opts).map(|r| r.hits.into_iter().map(|h| h.id).collect()).unwrap_or_default();
            let hit = |n: usize| ids.iter().take(n).filter(|id| relevant.contains(id.as_str())).count() as f64;
            (hit(10) / 10.0, hit(100) / relevant.len().max(1) as f64)
        };
        let (p0, r0) = score(&plain);
        let (p1, r1) = score(&english);
        println!("{text}\t{lang}\t{}\t{p0:.1}\t{p1:.1}\t{r0:.2}\t{r1:.2}", relevant.len());
        for key in ["all".to_string(), lang.to_string()] {
            match sums.iter_mut().find(|(k, _, _)| *k == key) {
                Some((_, s, n)) => {
                    *s = [s[0] + p0, s[1] + p1, s[2] + r0, s[3] + r1];
                    *n += 1;
                }
                None => sums.push((key, [p0, p1, r0, r1], 1)),
            }
        }
    }
    println!("\nqueries\tn\tP@10 before\tP@10 after\trecall@100 before\trecall@100 after");
    for (key, s, n) in &sums {
        let n = *n as f64;
        println!("{key}\t{n}\t{:.3}\t{:.3}\t{:.3}\t{:.3}", s[0] / n, s[1] / n, s[2] / n, s[3] / n);
    }
    let show = SearchOptions { limit: Some(10), ..Default::default() };
    for q in extra {
        for (name, corpus) in [("before", &plain), ("after", &english)] {
            let r = search(corpus, q, &show).map_err(|e| format!("{e:?}"))?;
            let phrases: Vec<String> =
                r.phrases.iter().map(|p| format!("{}({:.2},{})", p.text, p.weight, p.from)).collect();
            println!("\n## {q} [{name}]: {} hits; phrases {}", r.total, phrases.join(" "));
            if name == "before" {
                continue;
            }
            for h in &r.hits {
                let m = corpus.measure(&h.id);
                let text: String = m
                    .map(|m| format!("{}｜{}", m.title.as_deref().unwrap_or(""), m.text.as_deref().unwrap_or("")))
                    .unwrap_or_default()
                    .chars()
                    .take(90)
                    .collect();
                println!("  {:.2} {} {text}", h.score, h.id);
            }
        }
    }
    Ok(())
}
