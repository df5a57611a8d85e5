//! Times the query core natively on the seeds' corpus (the bench compares it with peers, in wasm and
//! at 100×). Run: `cargo run --release --example query_timing`.

use plan_compare::query::{
    diff, filter, match_themes, search, theme_matrix, Corpus, DiffOptions, FilterOptions, SearchOptions,
    ThemeMatrixOptions,
};
use std::time::Instant;

fn time<T>(label: &str, runs: u32, mut f: impl FnMut() -> T) {
    let start = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(f());
    }
    println!("{label:<44} {:>9.3} ms", start.elapsed().as_secs_f64() * 1000.0 / runs as f64);
}

fn main() {
    let t = Instant::now();
    let base = Corpus::bundled();
    println!(
        "build (parse + tag + jieba index): {:.0} ms, {} measures",
        t.elapsed().as_secs_f64() * 1000.0,
        base.dataset.measures.len()
    );
    let json = serde_json::to_vec(&base).unwrap_or_default();
    println!("corpus as JSON: {} bytes", json.len());
    let c = base;
    println!(
        "-- {} plans, {} measures, {} terms",
        c.dataset.plans.len(),
        c.dataset.measures.len(),
        c.index.terms.len()
    );
    time("search 地理标志", 50, || search(&c, "地理标志", &SearchOptions::default()));
    time("search 知识产权质押融资", 50, || search(&c, "知识产权质押融资", &SearchOptions::default()));
    time("search \"patent pledge financing\"", 50, || search(&c, "patent pledge financing", &SearchOptions::default()));
    time("filter (all, facets)", 50, || filter(&c, &FilterOptions::default()));
    time("filter theme + words", 50, || {
        filter(
            &c,
            &FilterOptions {
                themes: vec!["customs-enforcement".into()],
                words: vec!["海关".into()],
                ..Default::default()
            },
        )
    });
    time("match_themes (one paragraph)", 50, || {
        match_themes(&c, "推进知识产权质押融资，加强海关执法与地理标志保护，开展专利导航。")
    });
    time("theme_matrix (all plans × themes)", 5, || theme_matrix(&c, &ThemeMatrixOptions::default()));
    time("diff guangdong-2016 vs guangdong-2018-2022", 5, || {
        diff(&c, "guangdong-2016", "guangdong-2018-2022", &DiffOptions::default())
    });
    time("diff guangdong-2016 vs shantou-2016-2020", 5, || {
        diff(&c, "guangdong-2016", "shantou-2016-2020", &DiffOptions::default())
    });
}
