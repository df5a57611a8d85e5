//! The data directory (`docs/data-format.md`): a corpus read back lazily from its files answers
//! exactly as the corpus built in one piece, fetches only what a call needs, and a document added
//! to a catalogue appears in what `plan-compare build` writes.

use plan_compare::datadir::{self, DataDir, DirFetch, Fetch};
use plan_compare::dataset;
use plan_compare::query::{
    self, CompareBy, Corpus, DiffOptions, FilterOptions, SearchOptions, ThemeMatrixOptions,
};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Small shards, so that the tests see a query spread over several of them.
const SHARD_BYTES: usize = 4096;

struct Built {
    corpus: Corpus,
    files: BTreeMap<String, Vec<u8>>,
}

fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let build = dataset::build();
        let corpus = Corpus::new(build.dataset, build.taxonomy);
        let files = datadir::write(&corpus, &build.documents, SHARD_BYTES).unwrap();
        Built { corpus, files: files.into_iter().collect() }
    })
}

/// The in-memory files, recording which were fetched.
struct Counting<'a> {
    files: &'a BTreeMap<String, Vec<u8>>,
    fetched: Vec<String>,
}

impl Fetch for Counting<'_> {
    fn fetch(&mut self, file: &str) -> plan_compare::error::Result<Vec<u8>> {
        self.fetched.push(file.to_string());
        let missing =
            || plan_compare::Error::new(plan_compare::ErrorCode::BundleInvalid, format!("no file {file}"));
        self.files.get(file).cloned().ok_or_else(missing)
    }
}

fn open() -> (DataDir, Counting<'static>) {
    let mut fetch = Counting { files: &built().files, fetched: Vec::new() };
    let dir = DataDir::open(&mut fetch).unwrap();
    (dir, fetch)
}

fn judged_queries() -> Vec<String> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/bench/judgments.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let queries: Vec<String> = json["queries"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|q| q["query"].as_str().map(str::to_string))
        .collect();
    assert!(queries.len() >= 30, "{} judged queries", queries.len());
    queries
}

#[test]
fn searches_answer_exactly_as_on_the_corpus_built_in_one_piece() {
    let corpus = &built().corpus;
    let mut queries = judged_queries();
    // Latin index terms, a word the corpus lacks, a long compound, English with no theme.
    queries.extend(
        ["PCT", "12330", "4·26", "区块链", "知识产权", "blockchain", "推进知识产权质押融资和专利导航"]
            .map(String::from),
    );
    let options = [
        SearchOptions::default(),
        SearchOptions { limit: Some(1000), ..Default::default() },
        SearchOptions { plans: vec!["guangdong-2016".into(), "beijing-2018".into()], ..Default::default() },
        SearchOptions { levels: vec!["city".into()], years: vec![2018], offset: 3, ..Default::default() },
        SearchOptions { themes: vec!["pledge-financing".into()], no_synonyms: true, ..Default::default() },
    ];
    // One directory for every call (what a page keeps), and a fresh one per call (a first visit).
    let (mut shared, mut shared_fetch) = open();
    for q in &queries {
        for opts in &options {
            let expected = query::search(corpus, q, opts);
            let (mut fresh, mut fetch) = open();
            let got = fresh.search(&mut fetch, q, opts).map_err(|e| e.code);
            assert_eq!(
                got,
                expected.clone().map_err(|e| plan_compare::Error::from(e).code),
                "{q:?} {opts:?}"
            );
            let got = shared.search(&mut shared_fetch, q, opts).map_err(|e| e.code);
            assert_eq!(
                got,
                expected.map_err(|e| plan_compare::Error::from(e).code),
                "{q:?} {opts:?} (shared)"
            );
        }
    }
    for bad in ["", "   ", "，。"] {
        let (mut fresh, mut fetch) = open();
        assert!(fresh.search(&mut fetch, bad, &SearchOptions::default()).is_err());
    }
    let long = "专".repeat(query::MAX_QUERY_CHARS + 1);
    let (mut fresh, mut fetch) = open();
    assert_eq!(
        fresh.search(&mut fetch, &long, &SearchOptions::default()).unwrap_err().code.as_str(),
        "QUERY_TOO_LONG"
    );
}

#[test]
fn a_search_fetches_only_its_terms_shards_and_its_hits_plans() {
    let files = &built().files;
    let shards = files.keys().filter(|f| f.starts_with("shard.")).count();
    let plans = files.keys().filter(|f| f.starts_with("plan.")).count();
    let mut fewer = 0;
    for q in ["地理标志", "粤港澳大湾区", "patent pledge financing"] {
        let (mut dir, mut fetch) = open();
        let r = dir.search(&mut fetch, q, &SearchOptions::default()).unwrap();
        assert!(r.total > 0, "{q}");
        let fetched_shards = fetch.fetched.iter().filter(|f| f.starts_with("shard.")).count();
        let fetched_plans = fetch.fetched.iter().filter(|f| f.starts_with("plan.")).count();
        assert!(fetched_shards * 2 < shards, "{q}: {fetched_shards} of {shards} shards");
        // Exactly the plans with hits: their measures are needed for the phrase bonus and highlights.
        assert_eq!(fetched_plans, r.plans.len(), "{q}");
        fewer += usize::from(fetched_plans < plans);
        // Restricted to one plan, a search fetches that plan's chunk at most.
        let (mut dir, mut fetch) = open();
        let opts = SearchOptions { levels: vec!["city".into()], ..Default::default() };
        let r = dir.search(&mut fetch, q, &opts).unwrap();
        assert!(r.plans.iter().all(|p| p.plan == "shantou-2016-2020"), "{q}");
        assert!(fetch.fetched.iter().filter(|f| f.starts_with("plan.")).count() <= 1, "{q}");
        assert!(!fetch.fetched.iter().any(|f| f.starts_with("extras.")), "{q}");
    }
    assert!(fewer > 0, "every search fetched every plan");
    // The plan list and the corpus's facets come from the catalogue alone.
    let (dir, fetch) = open();
    assert_eq!(fetch.fetched.len(), 2, "{:?}", fetch.fetched);
    assert_eq!(dir.plans().len(), built().corpus.dataset.plans.len());
    assert_eq!(dir.facets().len(), 6);
}

#[test]
fn filters_diffs_compares_and_the_theme_matrix_answer_exactly() {
    let corpus = &built().corpus;
    let filters = [
        FilterOptions::default(),
        FilterOptions { limit: Some(0), ..Default::default() },
        FilterOptions {
            regions: vec!["广东省".into()],
            themes: vec!["pledge-financing".into()],
            ..Default::default()
        },
        FilterOptions {
            levels: vec!["province".into()],
            focus: vec![2],
            limit: Some(1000),
            offset: 10,
            ..Default::default()
        },
        FilterOptions { years: vec![2019], agencies: vec!["海关".into()], ..Default::default() },
        FilterOptions {
            words: vec!["地理标志".into()],
            kinds: vec!["five-year plan".into()],
            ..Default::default()
        },
        FilterOptions { offset: 25, ..Default::default() },
        FilterOptions {
            regions: vec!["广东省".into()], offset: 155, limit: Some(10), ..Default::default()
        },
        FilterOptions {
            years: vec![2018],
            kinds: vec!["work points".into()],
            offset: 900,
            limit: Some(1000),
            ..Default::default()
        },
        FilterOptions { levels: vec!["district".into(), "city".into()], offset: 5000, ..Default::default() },
        FilterOptions { limit: Some(1001), ..Default::default() },
        FilterOptions { plans: vec!["no-such-plan".into()], ..Default::default() },
        FilterOptions { levels: vec!["county".into()], ..Default::default() },
    ];
    for opts in &filters {
        let (mut dir, mut fetch) = open();
        let expected = query::filter(corpus, opts).map_err(|e| plan_compare::Error::from(e).code);
        assert_eq!(dir.filter(&mut fetch, opts).map_err(|e| e.code), expected, "{opts:?}");
    }
    // Explore's first view, all plans: the catalogue's facets and the first plan's chunk only.
    let (mut dir, mut fetch) = open();
    let first = dir.filter(&mut fetch, &FilterOptions::default()).unwrap();
    assert_eq!(first.total, corpus.dataset.measures.len());
    assert_eq!(fetch.fetched.iter().filter(|f| f.starts_with("plan.")).count(), 1, "{:?}", fetch.fetched);
    let pairs = [
        ("beijing-2018", "shanghai-2018"),
        ("guangdong-2016", "guangdong-2018-2022"),
        ("shantou-2016-2020", "shanwei-chengqu-2018"),
        ("beijing-2018", "no-such-plan"),
    ];
    for (a, b) in pairs {
        let (mut dir, mut fetch) = open();
        let expected =
            query::diff(corpus, a, b, &DiffOptions::default()).map_err(|e| plan_compare::Error::from(e).code);
        assert_eq!(
            dir.diff(&mut fetch, a, b, &DiffOptions::default()).map_err(|e| e.code),
            expected,
            "{a} {b}"
        );
        if expected.is_ok() {
            let chunks = fetch.fetched.iter().filter(|f| f.starts_with("plan.")).count();
            assert_eq!(chunks, 2, "a diff fetches its two plans only");
            assert!(!fetch.fetched.iter().any(|f| f.starts_with("shard.")));
        }
    }
    let work_item = corpus.dataset.measures.iter().find_map(|m| m.work_item.clone()).unwrap();
    let ids: Vec<String> = ["beijing-2018", "tianjin-2018", "guangdong-2016"].map(String::from).to_vec();
    for by in [
        CompareBy::WorkItem(work_item),
        CompareBy::Theme("pledge-financing".into()),
        CompareBy::Theme("nope".into()),
    ] {
        let (mut dir, mut fetch) = open();
        let expected = query::compare(corpus, &ids, &by).map_err(|e| plan_compare::Error::from(e).code);
        assert_eq!(dir.compare(&mut fetch, &ids, &by).map_err(|e| e.code), expected, "{by:?}");
    }
    let matrices = [
        ThemeMatrixOptions::default(),
        ThemeMatrixOptions {
            plans: vec!["guangdong-2016".into(), "xpcc-2018".into()],
            themes: vec!["customs-enforcement".into()],
        },
        ThemeMatrixOptions { plans: vec!["nope".into()], themes: vec![] },
    ];
    let (mut dir, mut fetch) = open();
    assert!(dir.theme_matrix_loaded(&ThemeMatrixOptions::default()).is_err(), "answered without its file");
    for opts in &matrices {
        let expected = query::theme_matrix(corpus, opts).map_err(|e| plan_compare::Error::from(e).code);
        assert_eq!(dir.theme_matrix(&mut fetch, opts).map_err(|e| e.code), expected, "{opts:?}");
    }
    assert_eq!(
        fetch.fetched.len(),
        3,
        "the theme matrix needs the catalogue and the summary: {:?}",
        fetch.fetched
    );
    assert!(fetch.fetched[2].starts_with("summary."));
}

#[test]
fn loading_everything_gives_back_the_corpus_and_damaged_files_are_refused() {
    let (mut dir, mut fetch) = open();
    assert_eq!(dir.load_all(&mut fetch).unwrap(), &built().corpus);
    for (name, bytes) in &built().files {
        if name == datadir::MANIFEST {
            continue;
        }
        assert!(datadir::is_data_file_name(name), "{name}");
        assert!(name.contains(&datadir::content_hash(bytes)), "{name} is not named by its content");
        let (mut dir, _) = open();
        for cut in [0, 1, bytes.len() / 2, bytes.len().saturating_sub(1)] {
            let damaged = bytes.get(..cut).unwrap_or_default();
            if name.starts_with("catalog.") {
                assert!(DataDir::from_catalog(name, damaged).is_err(), "{name} cut at {cut}");
            } else {
                assert!(dir.add_file(name, damaged).is_err(), "{name} cut at {cut}");
            }
        }
    }
    let (mut dir, _) = open();
    assert!(dir.add_file("plan.0000000000000000.bin", b"").is_err());
    assert!(DirFetch::new("/nonexistent").fetch("../etc/passwd").is_err());
}

#[test]
fn a_document_added_to_the_catalogue_appears_in_the_built_data() {
    let root = std::env::temp_dir().join(format!("plan-compare-catalog-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("seeds")).unwrap();
    std::fs::create_dir_all(root.join("extra")).unwrap();
    let here = env!("CARGO_MANIFEST_DIR");
    for seed in dataset::SEEDS.iter() {
        std::fs::write(root.join(seed.path), seed.text).unwrap();
    }
    std::fs::copy(
        format!("{here}/tests/data/shenzhen-2019-work-points.txt"),
        root.join("extra/shenzhen-2019.txt"),
    )
    .unwrap();
    // The seeds' own entries, plus one: no code knows about the new document.
    let catalog = dataset::BUNDLED_CATALOG.replace("root = \"..\"", "root = \".\"")
        + "\n[[document]]\npath = \"extra/shenzhen-2019.txt\"\nregion = \"深圳市\"\nlevel = \"city\"\n\
           kind = \"work points\"\nyears = [2019, 2019]\nid = \"shenzhen-2019\"\nregion_en = \"Shenzhen\"\n\
           region_code = \"440300\"\ndoc_number = \"深知〔2019〕1号\"\n";
    std::fs::write(root.join("catalog.toml"), catalog).unwrap();
    let out = root.join("data");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_plan-compare"))
        .args(["build", "--dictionary", concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/cedict-excerpt.u8")])
        .arg("--catalog")
        .arg(root.join("catalog.toml"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let printed = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{printed}\n{}", String::from_utf8_lossy(&run.stderr));
    assert!(printed.contains("extra/shenzhen-2019.txt"), "{printed}");

    let mut fetch = DirFetch::new(&out);
    let mut dir = DataDir::open(&mut fetch).unwrap();
    let seeds = built().corpus.dataset.plans.len();
    assert_eq!(dir.plans().len(), seeds + 1);
    let plan = dir.plans().last().unwrap().clone();
    assert_eq!((plan.id.as_str(), plan.region.as_str(), plan.year_start), ("shenzhen-2019", "深圳市", 2019));
    assert_eq!(plan.source, "extra/shenzhen-2019.txt");
    assert_eq!(plan.doc_number.as_deref(), Some("深知〔2019〕1号"));
    assert_eq!((plan.region_en.as_str(), plan.region_code.as_deref()), ("Shenzhen", Some("440300")));
    assert_eq!(dir.documents().last().map(|d| d.path.as_str()), Some("extra/shenzhen-2019.txt"));
    let measures = dir.measures_of(&mut fetch, "shenzhen-2019").unwrap().to_vec();
    assert_eq!(measures.len(), 3);
    assert!(measures[0].text.as_deref().unwrap_or("").contains("种质资源"), "{:?}", measures[0]);
    assert!(measures[1].departments.iter().any(|d| d.name == "市商务局"), "{:?}", measures[1]);
    // Searchable and filterable like any other plan, and in the theme matrix.
    let hits = dir.search(&mut fetch, "种质资源", &SearchOptions::default()).unwrap();
    assert_eq!(hits.hits.first().map(|h| h.plan.as_str()), Some("shenzhen-2019"));
    let region = dir
        .filter(&mut fetch, &FilterOptions { regions: vec!["Shenzhen".into()], ..Default::default() })
        .unwrap();
    assert_eq!(region.total, 3);
    let years = dir
        .filter(&mut fetch, &FilterOptions { years: vec![2019], limit: Some(1000), ..Default::default() })
        .unwrap();
    assert!(years.items.iter().any(|m| m.id == "shenzhen-2019-001"), "{:?}", years.items);
    let matrix = dir
        .theme_matrix(&mut fetch, &ThemeMatrixOptions { plans: vec!["shenzhen-2019".into()], themes: vec![] })
        .unwrap();
    assert_eq!(matrix.measures, [3]);
    // The seeds' plans are unchanged beside it.
    assert_eq!(&dir.plans()[..seeds], &built().corpus.dataset.plans[..]);

    // Building again into the same directory replaces the files and removes those no longer named.
    std::fs::write(out.join("plan.0123456789abcdef.bin"), b"stale").unwrap();
    std::fs::write(out.join("notes.txt"), b"kept").unwrap();
    let again = std::process::Command::new(env!("CARGO_BIN_EXE_plan-compare"))
        .args(["build", "--dictionary", concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/cedict-excerpt.u8")])
        .arg("--catalog")
        .arg(root.join("catalog.toml"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(again.status.success());
    assert!(!out.join("plan.0123456789abcdef.bin").exists());
    assert!(out.join("notes.txt").exists());
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn an_engine_over_a_data_directory_takes_added_plans_like_the_whole_corpus() {
    use plan_compare::engine::{Engine, PlanMeta};
    use plan_compare::model::Level;
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/shenzhen-2019-work-points.txt"
    ))
    .unwrap();
    let meta = PlanMeta {
        region: "深圳市".into(),
        level: Level::City,
        kind: None,
        year_start: Some(2019),
        year_end: None,
        title: None,
        source: None,
    };
    let mut whole = Engine::from_corpus(built().corpus.clone());
    let (dir, mut fetch) = open();
    let mut lazy = Engine::from_data_dir(dir);
    // One search before the plan is added, so that some shards hold postings already.
    lazy.data_mut().search(&mut fetch, "专利质押融资", &SearchOptions::default()).unwrap();
    let added = whole.add_plan(&text, &meta).unwrap();
    assert_eq!(lazy.add_plan(&text, &meta).unwrap(), added);
    let id = added.plans[0].id.clone();
    let same = |lazy: &mut Engine, whole: &Engine, fetch: &mut Counting, when: &str| {
        for q in ["种质资源", "专利质押融资", "证券化 试点", "customs enforcement", "跨境电商"]
        {
            let expected =
                query::search(whole.corpus(), q, &SearchOptions { limit: Some(1000), ..Default::default() });
            let got =
                lazy.data_mut().search(fetch, q, &SearchOptions { limit: Some(1000), ..Default::default() });
            assert_eq!(
                got.map_err(|e| e.code),
                expected.map_err(|e| plan_compare::Error::from(e).code),
                "{q} {when}"
            );
        }
        for opts in [
            FilterOptions::default(),
            FilterOptions { regions: vec!["深圳市".into()], ..Default::default() },
            FilterOptions { years: vec![2019], offset: 30, limit: Some(1000), ..Default::default() },
            FilterOptions { themes: vec!["securitisation-funds".into()], ..Default::default() },
        ] {
            let expected = query::filter(whole.corpus(), &opts).unwrap();
            assert_eq!(lazy.data_mut().filter(fetch, &opts).unwrap(), expected, "{opts:?} {when}");
        }
        let expected = query::theme_matrix(whole.corpus(), &ThemeMatrixOptions::default()).unwrap();
        assert_eq!(
            lazy.data_mut().theme_matrix(fetch, &ThemeMatrixOptions::default()).unwrap(),
            expected,
            "{when}"
        );
    };
    same(&mut lazy, &whole, &mut fetch, "with the plan added");
    let expected = query::diff(whole.corpus(), &id, "guangdong-2016", &DiffOptions::default()).unwrap();
    assert_eq!(
        lazy.data_mut().diff(&mut fetch, &id, "guangdong-2016", &DiffOptions::default()).unwrap(),
        expected
    );
    whole.remove_plan(&id).unwrap();
    lazy.remove_plan(&id).unwrap();
    same(&mut lazy, &whole, &mut fetch, "after removing it");
    // Loading the rest now gives back the corpus as written.
    assert_eq!(lazy.data_mut().load_all(&mut fetch).unwrap(), &built().corpus);
}
