//! Times the query core natively on a data directory, as the package uses it: open (manifest and
//! catalogue), then each call cold (its files read from disk first) and warm (everything it needs
//! loaded), so that the cost of a call at 1× and at 100× can be profiled without a browser.
//! Run: `cargo run --release --example datadir_timing -- DATA_DIR` (e.g. pkg/data or bench/out/growth-100x/data).

use plan_compare::datadir::{DataDir, DirFetch};
use plan_compare::query::{DiffOptions, FilterOptions, SearchOptions};
use std::time::Instant;

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

fn main() -> Result<(), String> {
    let dir = std::env::args().nth(1).ok_or("usage: datadir_timing DATA_DIR")?;
    let e = |e: plan_compare::Error| e.to_string();
    let opened = || -> Result<(DataDir, DirFetch), String> {
        let mut fetch = DirFetch::new(&dir);
        Ok((DataDir::open(&mut fetch).map_err(e)?, fetch))
    };
    let t = Instant::now();
    let (data, _) = opened()?;
    println!("open: {:.1} ms, {} plans, {} measures", ms(t), data.plans().len(), data.corpus().dataset.measures.len());
    let plans: Vec<String> = data.plans().iter().map(|p| p.id.clone()).collect();
    let (a, b) = ("beijing-2018", "shanghai-2018");
    let (a, b) = if plans.iter().any(|p| p == a) { (a, b) } else { (&plans[0][..], &plans[1][..]) };
    let queries = ["专利质押融资", "地理标志", "知识产权", "customs enforcement", "patent pledge financing"];
    for q in queries {
        let (mut data, mut fetch) = opened()?;
        let t = Instant::now();
        let r = data.search(&mut fetch, q, &SearchOptions::default()).map_err(e)?;
        println!("search {q:<26} cold {:>8.1} ms  ({} hits)", ms(t), r.total);
    }
    // Warm: every query's files read, then the queries in turn (as bench/node.mjs does), so that
    // no call finds its own query's ranking from the call before.
    let (mut data, mut fetch) = opened()?;
    for q in queries {
        data.search(&mut fetch, q, &SearchOptions::default()).map_err(e)?;
    }
    let mut samples = Vec::new();
    for _ in 0..20 {
        for q in queries {
            let t = Instant::now();
            std::hint::black_box(data.search(&mut fetch, q, &SearchOptions::default()).map_err(e)?);
            samples.push(ms(t));
        }
    }
    samples.sort_by(f64::total_cmp);
    let at = |p: f64| samples[((samples.len() - 1) as f64 * p).round() as usize];
    println!("search warm, queries in turn: median {:.3} ms, p95 {:.3} ms", at(0.5), at(0.95));
    let (mut data, mut fetch) = opened()?;
    let t = Instant::now();
    data.filter(&mut fetch, &FilterOptions::default()).map_err(e)?;
    println!("filter {{}}  cold {:>8.1} ms", ms(t));
    let t = Instant::now();
    let d = data.diff(&mut fetch, a, b, &DiffOptions::default()).map_err(e)?;
    let cold = ms(t);
    let t = Instant::now();
    for _ in 0..10 {
        std::hint::black_box(data.diff(&mut fetch, a, b, &DiffOptions::default()).map_err(e)?);
    }
    println!("diff {a} vs {b}  cold {cold:>8.1} ms  warm {:>7.2} ms ({} pairs)", ms(t) / 10.0, d.pairs.len());
    Ok(())
}
