//! Properties of the query core over the whole corpus: filters select subsets and their facets add
//! up, search is deterministic and stays inside its filters, whatever the combination of options.

use plan_compare::query::filter::{filter, FilterOptions};
use plan_compare::query::search::{search, SearchOptions};
use plan_compare::query::Corpus;
use proptest::prelude::*;
use std::collections::HashSet;
use std::sync::OnceLock;

fn corpus() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(Corpus::bundled)
}

/// Picks from the corpus's own values, plus one value that matches nothing.
fn pick(values: Vec<String>) -> impl Strategy<Value = Vec<String>> {
    let mut values = values;
    values.push("no-such-value".into());
    proptest::sample::subsequence(values.clone(), 0..=2.min(values.len()))
}

fn options() -> impl Strategy<Value = FilterOptions> {
    let c = corpus();
    let plans: Vec<String> = c.dataset.plans.iter().map(|p| p.id.clone()).collect();
    let regions: Vec<String> =
        c.dataset.plans.iter().map(|p| p.region.clone()).collect::<HashSet<_>>().into_iter().collect();
    let themes: Vec<String> = c.dataset.themes.iter().map(|t| t.id.clone()).collect();
    let agencies: Vec<String> = plan_compare::agency::agency_types().map(str::to_string).collect();
    (
        pick(plans),
        pick(regions),
        pick(themes),
        pick(agencies),
        proptest::collection::vec(1u8..=6, 0..2),
        proptest::collection::vec(2015u16..2024, 0..2),
        proptest::sample::subsequence(vec!["专利".to_string(), "商标".into(), "质押".into(), "海关".into()], 0..2),
    )
        .prop_map(|(plans, regions, themes, agencies, focus, years, words)| FilterOptions {
            plans,
            regions,
            themes,
            agencies,
            focus,
            years,
            words,
            limit: Some(1000),
            ..Default::default()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, ..ProptestConfig::default() })]

    #[test]
    fn filters_select_subsets_and_facets_add_up(opts in options()) {
        let c = corpus();
        let all = filter(c, &FilterOptions { limit: Some(1000), ..Default::default() }).unwrap();
        prop_assert_eq!(all.total, c.dataset.measures.len());
        // An unknown plan or theme id is an error; an unknown region or agency selects nothing.
        let unknown = |v: &[String]| v.iter().any(|x| x == "no-such-value");
        if unknown(&opts.plans) || unknown(&opts.themes) {
            let code = filter(c, &opts).unwrap_err().code().as_str();
            prop_assert!(code == "UNKNOWN_PLAN" || code == "UNKNOWN_THEME");
            return Ok(());
        }
        let r = filter(c, &opts).unwrap();
        if unknown(&opts.regions) && opts.regions.len() == 1 {
            prop_assert_eq!(r.total, 0);
        }
        prop_assert!(r.total <= all.total);
        prop_assert_eq!(r.items.len(), r.total.min(1000));
        let ids: HashSet<&str> = c.dataset.measures.iter().map(|m| m.id.as_str()).collect();
        prop_assert!(r.items.iter().all(|m| ids.contains(m.id.as_str())));
        // Single-valued facets count every selected measure exactly once.
        for facet in [&r.facets.region, &r.facets.level, &r.facets.focus] {
            prop_assert_eq!(facet.iter().map(|f| f.count).sum::<usize>(), r.total);
        }
        // Narrowing a filter never grows the result.
        let mut narrower = opts.clone();
        narrower.levels = vec!["province".into()];
        prop_assert!(filter(c, &narrower).unwrap().total <= r.total);
    }

    #[test]
    fn search_is_deterministic_and_respects_its_filters(
        q in proptest::sample::select(vec!["专利质押", "地理标志", "海关", "patent pledge financing", "copyright", "快速维权", "人才培训", "标准"]),
        plan in proptest::sample::select(corpus().dataset.plans.iter().map(|p| p.id.clone()).collect::<Vec<_>>()),
    ) {
        let c = corpus();
        let opts = SearchOptions { plans: vec![plan.clone()], limit: Some(50), ..Default::default() };
        let a = search(c, q, &opts).unwrap();
        let b = search(c, q, &opts).unwrap();
        let ids = |r: &plan_compare::query::search::SearchResult| r.hits.iter().map(|h| h.id.clone()).collect::<Vec<_>>();
        prop_assert_eq!(ids(&a), ids(&b));
        let prefix = format!("{plan}-");
        prop_assert!(a.hits.iter().all(|h| h.id.starts_with(&prefix)));
        prop_assert!(a.hits.windows(2).all(|w| w[0].score >= w[1].score));
    }
}
