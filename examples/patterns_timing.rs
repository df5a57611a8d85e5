//! Times the pattern queries on the bundled corpus: `cargo run --release --example patterns_timing`.

use plan_compare::query::{
    indicators, plan_similarity, shared_passages, template_coverage, Corpus, IndicatorsOptions, PassagesOptions,
    SimilarityBy, SimilarityOptions, TemplateCoverageOptions,
};
use std::time::Instant;

fn time<T>(name: &str, runs: u32, f: impl Fn() -> T) {
    f();
    let start = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(f());
    }
    println!("{name:<44} {:>9.2} ms", start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs));
}

fn main() {
    let c = Corpus::bundled();
    println!("{} plans, {} measures", c.dataset.plans.len(), c.dataset.measures.len());
    time("similarity, all pairs", 20, || plan_similarity(&c, &SimilarityOptions::default()));
    let theme = SimilarityOptions { plans: vec![], by: Some(SimilarityBy::Theme("pledge-financing".into())) };
    time("similarity by theme (pledge-financing)", 20, || plan_similarity(&c, &theme));
    time("sharedPassages guangdong-2016 / guangdong-2018", 20, || {
        shared_passages(&c, "guangdong-2016", Some("guangdong-2018"), &PassagesOptions::default())
    });
    time("sharedPassages beijing-2018 alone", 20, || {
        shared_passages(&c, "beijing-2018", None, &PassagesOptions::default())
    });
    time("templateCoverage, all tables", 20, || template_coverage(&c, &TemplateCoverageOptions::default()));
    time("indicators, every measure", 20, || indicators(&c, &IndicatorsOptions::default()));
    let pledge = IndicatorsOptions { theme: Some("pledge-financing".into()), ..Default::default() };
    time("indicators by theme (pledge-financing)", 20, || indicators(&c, &pledge));
}
