//! The data directory (`docs/data-format.md`): a corpus read back lazily from its files answers
//! exactly as the corpus built in one piece, fetches only what a call needs, and a document added
//! to a catalogue appears in what `plan-compare build` writes.

use plan_compare::datadir::{self, DataDir, DirFetch, Fetch};
use plan_compare::dataset;
use plan_compare::query::{self, CompareBy, Corpus, DiffOptions, FilterOptions, SearchOptions, ThemeMatrixOptions};
use std::collections::{BTreeMap, BTreeSet};
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
        let sizes = (SHARD_BYTES, datadir::DEFAULT_FRAGMENT_BYTES, datadir::DEFAULT_ENGLISH_BYTES);
        let files = datadir::write(&corpus, &build.documents, sizes.0, sizes.1, sizes.2).unwrap();
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
        let missing = || plan_compare::Error::new(plan_compare::ErrorCode::BundleInvalid, format!("no file {file}"));
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
    let queries: Vec<String> =
        json["queries"].as_array().unwrap().iter().filter_map(|q| q["query"].as_str().map(str::to_string)).collect();
    assert!(queries.len() >= 30, "{} judged queries", queries.len());
    queries
}

#[test]
fn searches_answer_exactly_as_on_the_corpus_built_in_one_piece() {
    let corpus = &built().corpus;
    let mut queries = judged_queries();
    // Latin index terms and acronyms, a word the corpus lacks, a long compound, English with no
    // theme, English whose only word is too common to rank by, a plural the glossary lacks, glossary
    // terms searched with their parts; mixed Latin and Chinese; characters that start no term (𠀀,
    // 鿿) or stand alone (知, 专); Latin words with digits; a query that is only punctuation around
    // a term.
    queries.extend(
        [
            "PCT",
            "WIPO",
            "wipo",
            "pct applications",
            "WIPO合作",
            "patent",
            "talents",
            "legal services",
            "technology trading",
            "patent pools",
            "patent information",
            "market supervision",
            "12330",
            "4·26",
            "区块链",
            "知识产权",
            "blockchain",
            "推进知识产权质押融资和专利导航",
            "PCT国际专利申请",
            "patent 质押融资",
            "𠀀专利鿿导航𠀀",
            "知",
            "专 利",
            "ＰＣＴ专利",
            "2020年12330热线",
            "geographical indications protection",
            "《地理标志》",
            // Traditional script, folded by the catalogue's pairs before any file is looked for.
            "專利質押融資",
            "知識產權保護中心",
            "专利導航 patent",
        ]
        .map(String::from),
    );
    let options = [
        SearchOptions::default(),
        SearchOptions { limit: Some(1000), ..Default::default() },
        SearchOptions { plans: vec!["guangdong-2016".into(), "beijing-2018".into()], ..Default::default() },
        SearchOptions { levels: vec!["city".into()], years: vec![2018], offset: 3, ..Default::default() },
        SearchOptions { themes: vec!["pledge-financing".into()], no_synonyms: true, ..Default::default() },
        SearchOptions { no_facets: true, agencies: vec!["知识产权局".into()], ..Default::default() },
    ];
    // One directory for every call (what a page keeps), and a fresh one per call (a first visit).
    let (mut shared, mut shared_fetch) = open();
    for q in &queries {
        for opts in &options {
            let expected = query::search(corpus, q, opts);
            let (mut fresh, mut fetch) = open();
            let got = fresh.search(&mut fetch, q, opts).map_err(|e| e.code);
            assert_eq!(got, expected.clone().map_err(|e| plan_compare::Error::from(e).code), "{q:?} {opts:?}");
            let got = shared.search(&mut shared_fetch, q, opts).map_err(|e| e.code);
            assert_eq!(got, expected.map_err(|e| plan_compare::Error::from(e).code), "{q:?} {opts:?} (shared)");
        }
    }
    for bad in ["", "   ", "，。"] {
        let (mut fresh, mut fetch) = open();
        assert!(fresh.search(&mut fetch, bad, &SearchOptions::default()).is_err());
    }
    let long = "专".repeat(query::MAX_QUERY_CHARS + 1);
    let (mut fresh, mut fetch) = open();
    assert_eq!(fresh.search(&mut fetch, &long, &SearchOptions::default()).unwrap_err().code.as_str(), "QUERY_TOO_LONG");
}

#[test]
fn a_query_that_names_a_theme_reads_its_keywords_from_one_theme_shard() {
    // The theme's keywords are terms all over the sorted vocabulary: without theme shards (the
    // same directory, its catalogue naming none) each brings its range shard.
    let files = &built().files;
    let manifest: datadir::Manifest = serde_json::from_slice(&files[datadir::MANIFEST]).unwrap();
    let mut catalog: datadir::CatalogFile = postcard::from_bytes(&files[&manifest.catalog]).unwrap();
    assert_eq!(catalog.theme_shards.len(), catalog.taxonomy.themes.len());
    catalog.theme_shards.iter_mut().for_each(|f| f.clear());
    let mut without = files.clone();
    without.insert(manifest.catalog.clone(), postcard::to_allocvec(&catalog).unwrap());
    let corpus = &built().corpus;
    for q in ["专利质押融资", "customs enforcement", "地理标志", "商标"] {
        let opts = SearchOptions { limit: Some(20), ..Default::default() };
        let expected = query::search(corpus, q, &opts).unwrap();
        let read = |files: &BTreeMap<String, Vec<u8>>| {
            let mut fetch = Counting { files, fetched: Vec::new() };
            let mut fresh = DataDir::open(&mut fetch).unwrap();
            assert_eq!(fresh.search(&mut fetch, q, &opts).unwrap(), expected, "{q}");
            let count = |kind: &str| fetch.fetched.iter().filter(|f| f.starts_with(kind)).count();
            (count("theme."), count("shard."))
        };
        let ((themes, shards), (none, shards_without)) = (read(files), read(&without));
        assert!(themes >= 1 && none == 0, "{q}: {themes} theme shards");
        assert!(themes + shards < shards_without, "{q}: {themes} + {shards} files against {shards_without} shards");
    }
}

#[test]
fn english_searches_through_the_dictionarys_runs_answer_as_with_the_whole_dictionary() {
    // The dictionary in small runs, fetched as the query's words need them; joined translations
    // ("patent information") need the shards of their pair terms as well.
    let mut corpus = built().corpus.clone();
    let cedict =
        plan_compare::cli::read_dictionary(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/cedict-excerpt.u8"));
    corpus.english = Some(plan_compare::english::Dictionary::for_corpus(&cedict.unwrap(), &corpus));
    let documents = dataset::build().documents;
    let files: BTreeMap<String, Vec<u8>> =
        datadir::write(&corpus, &documents, SHARD_BYTES, datadir::DEFAULT_FRAGMENT_BYTES, 2048)
            .unwrap()
            .into_iter()
            .collect();
    let runs = files.keys().filter(|f| f.starts_with("english.")).count();
    assert!(runs >= 3, "{runs} runs");
    let queries = [
        "patent information",
        "market supervision",
        "venture capital",
        "technological innovation",
        "culture",
        "customs enforcement",
        "legal services",
        "genetic resources",
        "patent, information",
        "wipo",
        "app",
        "service institutions",
        "private capital",
        "ip colleges",
        "innovation-driven",
    ];
    let mut shared = Counting { files: &files, fetched: Vec::new() };
    let mut shared_dir = DataDir::open(&mut shared).unwrap();
    for q in queries {
        let opts = SearchOptions { limit: Some(1000), ..Default::default() };
        let expected = query::search(&corpus, q, &opts).unwrap();
        let mut fetch = Counting { files: &files, fetched: Vec::new() };
        let mut fresh = DataDir::open(&mut fetch).unwrap();
        assert_eq!(fresh.search(&mut fetch, q, &opts).unwrap(), expected, "{q}");
        let fetched = fetch.fetched.iter().filter(|f| f.starts_with("english.")).count();
        // Only the runs of its words (none for those the glossary takes: "customs enforcement").
        assert!(fetched < runs, "{q}: {fetched} of {runs} runs");
        assert!(fetched > 0 || !q.contains("information"), "{q}: no run");
        assert_eq!(shared_dir.search(&mut shared, q, &opts).unwrap(), expected, "{q} (shared)");
    }
    // A join is searched whole or as its pair term, never segmented: over the same words with
    // nothing joined (a comma between them) it costs at most the shards where its text and its
    // pair term (two of its characters apart) are or would be, not those of its pieces (利信).
    let mut firsts: Vec<(String, &String)> = files
        .iter()
        .filter(|(name, _)| name.starts_with("shard."))
        .map(|(name, bytes)| (postcard::from_bytes::<datadir::Shard>(bytes).unwrap().terms[0].1.clone(), name))
        .collect();
    firsts.sort();
    let shard_of = |term: &str| firsts.iter().rev().find(|(first, _)| first.as_str() <= term).map(|(_, name)| *name);
    let read = |q: &str| {
        let mut fetch = Counting { files: &files, fetched: Vec::new() };
        let mut fresh = DataDir::open(&mut fetch).unwrap();
        let r = fresh.search(&mut fetch, q, &SearchOptions::default()).unwrap();
        let joins: Vec<String> = r.phrases.into_iter().filter(|p| p.from == "joined").map(|p| p.text).collect();
        (fetch.fetched.into_iter().filter(|f| f.starts_with("shard.")).collect::<BTreeSet<String>>(), joins)
    };
    for (joined, apart) in [("patent information", "patent, information"), ("copyright trade", "copyright, trade")] {
        let ((with, joins), (without, none)) = (read(joined), read(apart));
        assert!(!joins.is_empty() && none.is_empty(), "{joined}: {joins:?}, {apart}: {none:?}");
        let mut allowed = BTreeSet::new();
        for text in &joins {
            allowed.extend(shard_of(text));
            for (at, _) in text.char_indices().skip(1) {
                allowed.extend(shard_of(&plan_compare::index::pair_term(&text[..at], &text[at..])));
            }
        }
        let extra: Vec<&String> = with.difference(&without).filter(|s| !allowed.contains(s)).collect();
        assert!(extra.is_empty(), "{joined}: shards {extra:?} beyond its joins' {joins:?}");
    }
}

/// The measure ids a fragment file holds.
fn fragment_ids(name: &str) -> Vec<String> {
    let bytes = &built().files[name];
    let fragment: datadir::Fragment = postcard::from_bytes(bytes).unwrap();
    fragment.measures.into_iter().map(|m| m.id).collect()
}

/// The fragments fetched are exactly those that hold the shown measures: each holds one, and
/// every shown measure is in one.
fn fragments_are_those_of(fetched: &[String], shown: &[String], what: &str) {
    let fragments: Vec<Vec<String>> =
        fetched.iter().filter(|f| f.starts_with("frag.")).map(|f| fragment_ids(f)).collect();
    assert!(fragments.iter().all(|ids| ids.iter().any(|id| shown.contains(id))), "{what}: a fragment with no hit");
    assert!(shown.iter().all(|id| fragments.iter().any(|ids| ids.contains(id))), "{what}: a hit not fetched");
}

#[test]
fn a_search_fetches_only_its_terms_shards_and_its_hits_fragments() {
    let files = &built().files;
    let shards = files.keys().filter(|f| f.starts_with("shard.")).count();
    for q in ["地理标志", "粤港澳大湾区", "patent pledge financing", "知识产权"] {
        for opts in [
            SearchOptions::default(),
            SearchOptions { levels: vec!["city".into()], ..Default::default() },
            SearchOptions {
                themes: vec!["pledge-financing".into()],
                agencies: vec!["海关".into(), "知识产权局".into()],
                focus: vec![2],
                ..Default::default()
            },
            SearchOptions { offset: 5, limit: Some(7), ..Default::default() },
        ] {
            let (mut dir, mut fetch) = open();
            let r = dir.search(&mut fetch, q, &opts).unwrap();
            let fetched_shards = fetch.fetched.iter().filter(|f| f.starts_with("shard.")).count();
            assert!(fetched_shards * 2 < shards, "{q}: {fetched_shards} of {shards} shards");
            // The shards of the query's pieces bring the vocabulary it needs, not the whole file.
            assert!(!fetch.fetched.iter().any(|f| f.starts_with("vocab.")), "{q}");
            // No plan chunk: ranking, plan scores and facets come from the shards; the page from fragments.
            assert!(!fetch.fetched.iter().any(|f| f.starts_with("plan.") || f.starts_with("extras.")), "{q}");
            let shown: Vec<String> = r.hits.iter().map(|h| h.id.clone()).collect();
            assert!(shown.iter().all(|id| !id.is_empty()), "{q}: a hit without its record");
            fragments_are_those_of(&fetch.fetched, &shown, q);
        }
    }
    // The plan list and the corpus's facets come from the catalogue alone.
    let (dir, fetch) = open();
    assert_eq!(fetch.fetched.len(), 2, "{:?}", fetch.fetched);
    assert_eq!(dir.plans().len(), built().corpus.dataset.plans.len());
    assert_eq!(dir.facets().len(), 6);
}

/// The vocabulary's runs are the vocabulary file cut in order, named from it; a typed compound
/// learns from them which of its pieces are terms, not from shards, and answers exactly.
#[test]
fn vocabulary_runs_hold_the_vocabulary_and_tell_a_compounds_pieces() {
    let files = &built().files;
    let manifest = datadir::read_manifest(&files[datadir::MANIFEST]).unwrap();
    let catalog: datadir::CatalogFile = postcard::from_bytes(&files[&manifest.catalog]).unwrap();
    let terms = |name: &str| {
        let v: datadir::Vocabulary = postcard::from_bytes(&files[name]).unwrap();
        datadir::front_decode(v.terms).unwrap()
    };
    let firsts = datadir::front_decode(catalog.vocabulary_runs).unwrap();
    assert!(firsts.len() > 10, "{} runs", firsts.len());
    let mut names = Vec::new();
    let mut all = Vec::new();
    for (i, first) in firsts.iter().enumerate() {
        let next = firsts.get(i + 1).map_or("", String::as_str);
        let name = datadir::vocabulary_run_name(&catalog.vocabulary, first, next);
        let run = terms(&name);
        assert_eq!(run.first(), Some(first));
        all.extend(run);
        names.push(name);
    }
    assert_eq!(all, terms(&catalog.vocabulary));
    assert_eq!(files.keys().filter(|f| f.starts_with("terms.")).count(), names.len());
    for q in ["涉外知识产权纠纷应对", "知识产权人才培养", "商标品牌培育"] {
        let (mut dir, mut fetch) = open();
        let got = dir.search(&mut fetch, q, &SearchOptions::default()).unwrap();
        assert_eq!(got, query::search(&built().corpus, q, &SearchOptions::default()).unwrap(), "{q}");
        let runs = fetch.fetched.iter().filter(|f| f.starts_with("terms.")).count();
        assert!(runs > 0 && runs * 4 < names.len(), "{q}: {runs} runs");
        assert!(!fetch.fetched.iter().any(|f| f.starts_with("vocab.")), "{q}");
    }
}

#[test]
fn filters_diffs_compares_and_the_theme_matrix_answer_exactly() {
    let corpus = &built().corpus;
    let filters = [
        FilterOptions::default(),
        FilterOptions { limit: Some(0), ..Default::default() },
        FilterOptions {
            regions: vec!["广东省".into()], themes: vec!["pledge-financing".into()], ..Default::default()
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
            words: vec!["地理标志".into()], kinds: vec!["five-year plan".into()], ..Default::default()
        },
        FilterOptions { offset: 25, ..Default::default() },
        FilterOptions { regions: vec!["广东省".into()], offset: 155, limit: Some(10), ..Default::default() },
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
    // Explore's first view, all plans: the summary's facets and the page's fragments only; a filter
    // on measure fields read from the index (themes, focus, agencies, work items) fetches shards and
    // the page's fragments, never a chunk.
    let item = corpus.dataset.measures.iter().find_map(|m| m.work_item.clone()).unwrap();
    for opts in [
        FilterOptions::default(),
        FilterOptions { regions: vec!["广东省".into()], offset: 30, ..Default::default() },
        FilterOptions { themes: vec!["customs-enforcement".into()], ..Default::default() },
        FilterOptions { focus: vec![3], agencies: vec!["海关".into()], offset: 2, ..Default::default() },
        FilterOptions { work_items: vec![item.clone()], years: vec![2018], ..Default::default() },
    ] {
        let (mut dir, mut fetch) = open();
        let r = dir.filter(&mut fetch, &opts).unwrap();
        assert_eq!(r, query::filter(corpus, &opts).unwrap(), "{opts:?}");
        assert!(r.total > 0 && !r.items.is_empty(), "{opts:?}");
        assert!(!fetch.fetched.iter().any(|f| f.starts_with("plan.")), "{opts:?}: {:?}", fetch.fetched);
        let shown: Vec<String> = r.items.iter().map(|m| m.id.clone()).collect();
        fragments_are_those_of(&fetch.fetched, &shown, &format!("{opts:?}"));
    }
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
        assert_eq!(dir.diff(&mut fetch, a, b, &DiffOptions::default()).map_err(|e| e.code), expected, "{a} {b}");
        if expected.is_ok() {
            // Its two plans, and the vocabulary for the inline changes: no shard.
            let chunks = fetch.fetched.iter().filter(|f| f.starts_with("plan.")).count();
            assert_eq!(chunks, 2, "a diff fetches its two plans only");
            assert!(!fetch.fetched.iter().any(|f| f.starts_with("shard.")));
            assert_eq!(fetch.fetched.iter().filter(|f| f.starts_with("vocab.")).count(), 1);
        }
    }
    let work_item = corpus.dataset.measures.iter().find_map(|m| m.work_item.clone()).unwrap();
    let ids: Vec<String> = ["beijing-2018", "tianjin-2018", "guangdong-2016"].map(String::from).to_vec();
    for by in
        [CompareBy::WorkItem(work_item), CompareBy::Theme("pledge-financing".into()), CompareBy::Theme("nope".into())]
    {
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
    assert_eq!(fetch.fetched.len(), 3, "the theme matrix needs the catalogue and the summary: {:?}", fetch.fetched);
    assert!(fetch.fetched[2].starts_with("summary."));
}

#[test]
fn chunks_and_shards_are_named_by_the_hash_of_all_their_bytes() {
    let files = &built().files;
    let (name, bytes) = files.iter().find(|(n, _)| n.starts_with("catalog.")).unwrap();
    assert!(name.contains(&datadir::content_hash(bytes)));
    let catalog: datadir::CatalogFile = postcard::from_bytes(bytes).unwrap();
    let chunk_names: Vec<String> =
        catalog.plans.iter().map(|p| datadir::chunk_name(&catalog.chunks_hash, &p.id)).collect();
    let chunk_bytes = chunk_names.iter().map(|n| files.get(n).unwrap_or_else(|| panic!("no {n}")).as_slice());
    assert_eq!(datadir::set_hash(chunk_bytes), catalog.chunks_hash);
    let firsts = datadir::front_decode(catalog.shards.clone()).unwrap();
    let shard_names: Vec<String> = (0..firsts.len())
        .map(|i| datadir::shard_name(&catalog.shards_hash, &firsts[i], firsts.get(i + 1).map_or("", String::as_str)))
        .collect();
    let shard_bytes = shard_names.iter().map(|n| files.get(n).unwrap_or_else(|| panic!("no {n}")).as_slice());
    assert_eq!(datadir::set_hash(shard_bytes), catalog.shards_hash);
    // Every chunk and shard the directory holds is one of those.
    let listed = |kind: &str| files.keys().filter(|n| n.starts_with(kind)).count();
    assert_eq!((listed("plan."), listed("shard.")), (chunk_names.len(), shard_names.len()));
    // The set hash depends on every file and on where one ends and the next begins.
    assert_ne!(datadir::set_hash([b"ab".as_slice(), b"c"]), datadir::set_hash([b"a".as_slice(), b"bc"]));
}

#[test]
fn unloaded_measures_belong_to_their_plans_by_the_catalogues_counts_alone() {
    let (mut dir, mut fetch) = open();
    let (whole, lazy) = (&built().corpus, dir.corpus());
    // Placeholders carry no plan id (copying it into each was a third of the time to open a
    // national corpus), yet each plan's measures are where the corpus built in one piece has them.
    assert!(lazy.dataset.measures.iter().all(|m| m.id.is_empty() && m.plan.is_empty()));
    for plan in &whole.dataset.plans {
        let positions = |c: &Corpus| c.measures_of(&plan.id).map(|(i, _)| i).collect::<Vec<_>>();
        assert_eq!(positions(lazy), positions(whole), "{}", plan.id);
    }
    assert_eq!(lazy.measures_of("no-such-plan").count(), 0);
    // Counted per plan before any chunk is read: the year, region and level facets of all measures.
    let all = FilterOptions { limit: Some(0), ..Default::default() };
    assert_eq!(dir.filter(&mut fetch, &all).unwrap().facets, query::filter(whole, &all).unwrap().facets);
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
        // Fragments are named from their plan chunk's name, see fragment_name; vocabulary runs from
        // the vocabulary file's name (vocabulary_run_name); chunks and shards from the hash of all
        // chunks or all shards (checked below).
        if !["frag.", "terms.", "plan.", "shard."].iter().any(|kind| name.starts_with(kind)) {
            assert!(name.contains(&datadir::content_hash(bytes)), "{name} is not named by its content");
        }
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
    std::fs::copy(format!("{here}/tests/data/shenzhen-2019-work-points.txt"), root.join("extra/shenzhen-2019.txt"))
        .unwrap();
    // The seeds' own entries, plus one: no code knows about the new document.
    let catalog = dataset::BUNDLED_CATALOG.replace("root = \"..\"", "root = \".\"")
        + "\n[[document]]\npath = \"extra/shenzhen-2019.txt\"\nregion = \"深圳市\"\nlevel = \"city\"\n\
           kind = \"work points\"\nyears = [2019, 2019]\nid = \"shenzhen-2019\"\nregion_en = \"Shenzhen City\"\n\
           region_code = \"440300\"\ndoc_number = \"深知〔2019〕1号\"\n";
    std::fs::write(root.join("catalog.toml"), catalog).unwrap();
    let out = root.join("data");
    // `plan-compare build` of the catalogue into `out`, as a reader would run it.
    let build = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_plan-compare"))
            .args(["build", "--dictionary"])
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/cedict-excerpt.u8"))
            .arg("--catalog")
            .arg(root.join("catalog.toml"))
            .arg("--out")
            .arg(&out)
            .output()
            .unwrap()
    };
    let run = build();
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
    // The catalogue's English name wins over the gazetteer's (Shenzhen).
    assert_eq!((plan.region_en.as_str(), plan.region_code.as_deref()), ("Shenzhen City", Some("440300")));
    assert_eq!(dir.documents().last().map(|d| d.path.as_str()), Some("extra/shenzhen-2019.txt"));
    let measures = dir.measures_of(&mut fetch, "shenzhen-2019").unwrap().to_vec();
    assert_eq!(measures.len(), 3);
    assert!(measures[0].text.as_deref().unwrap_or("").contains("种质资源"), "{:?}", measures[0]);
    assert!(measures[1].departments.iter().any(|d| d.name == "市商务局"), "{:?}", measures[1]);
    // Searchable and filterable like any other plan, and in the theme matrix.
    let hits = dir.search(&mut fetch, "种质资源", &SearchOptions::default()).unwrap();
    assert_eq!(hits.hits.first().map(|h| h.plan.as_str()), Some("shenzhen-2019"));
    let region =
        dir.filter(&mut fetch, &FilterOptions { regions: vec!["Shenzhen City".into()], ..Default::default() }).unwrap();
    assert_eq!(region.total, 3);
    let years =
        dir.filter(&mut fetch, &FilterOptions { years: vec![2019], limit: Some(1000), ..Default::default() }).unwrap();
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
    let again = build();
    assert!(again.status.success());
    assert!(!out.join("plan.0123456789abcdef.bin").exists());
    assert!(out.join("notes.txt").exists());
    let _ = std::fs::remove_dir_all(&root);
}

/// The small Shenzhen plan of tests/data and its metadata, as a reader adds it with `addPlan`.
fn shenzhen_plan(year_start: Option<u16>) -> (String, plan_compare::engine::PlanMeta) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/shenzhen-2019-work-points.txt");
    let meta = plan_compare::engine::PlanMeta {
        region: "深圳市".into(),
        level: Some(plan_compare::model::Level::City),
        kind: None,
        year_start,
        year_end: None,
        title: None,
        source: None,
    };
    (std::fs::read_to_string(path).unwrap(), meta)
}

#[test]
fn an_engine_over_a_data_directory_takes_added_plans_like_the_whole_corpus() {
    use plan_compare::engine::Engine;
    let (text, meta) = shenzhen_plan(Some(2019));
    // The plan is added to a reader that has loaded: some shards (a search before); nothing;
    // the whole vocabulary (a diff before). The first two segment it with part of the vocabulary
    // and index it again once a search brings the vocabulary file.
    for before in ["a search", "nothing", "a diff"] {
        let mut whole = Engine::from_corpus(built().corpus.clone());
        let (dir, mut fetch) = open();
        let mut lazy = Engine::from_data_dir(dir);
        match before {
            "a search" => {
                lazy.data_mut().search(&mut fetch, "专利质押融资", &SearchOptions::default()).unwrap();
            }
            "a diff" => {
                let opts = DiffOptions::default();
                lazy.data_mut().diff(&mut fetch, "beijing-2018", "xpcc-2018", &opts).unwrap();
            }
            _ => {}
        }
        let added = whole.add_plan(&text, &meta).unwrap();
        assert_eq!(lazy.add_plan(&text, &meta).unwrap(), added);
        let id = added.plans[0].id.clone();
        let same = |lazy: &mut Engine, whole: &Engine, fetch: &mut Counting, when: &str| {
            for q in ["种质资源", "专利质押融资", "证券化 试点", "customs enforcement", "跨境电商", "市商务局", "𠀀知"]
            {
                let all = SearchOptions { limit: Some(1000), ..Default::default() };
                let expected = query::search(whole.corpus(), q, &all);
                let got = lazy.data_mut().search(fetch, q, &all);
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
                FilterOptions { words: vec!["种质".into()], ..Default::default() },
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
        same(&mut lazy, &whole, &mut fetch, &format!("with the plan added after {before}"));
        let expected = query::diff(whole.corpus(), &id, "guangdong-2016", &DiffOptions::default()).unwrap();
        assert_eq!(lazy.data_mut().diff(&mut fetch, &id, "guangdong-2016", &DiffOptions::default()).unwrap(), expected);
        // Two plans at once, one of them removed while the other stays.
        let second = whole.add_plan(&text, &meta).unwrap();
        assert_eq!(lazy.add_plan(&text, &meta).unwrap(), second);
        whole.remove_plan(&id).unwrap();
        lazy.remove_plan(&id).unwrap();
        same(&mut lazy, &whole, &mut fetch, &format!("with a second plan, after {before}"));
        let id = second.plans[0].id.clone();
        whole.remove_plan(&id).unwrap();
        lazy.remove_plan(&id).unwrap();
        same(&mut lazy, &whole, &mut fetch, &format!("after removing both, after {before}"));
        // Loading the rest now gives back the corpus as written.
        assert_eq!(lazy.data_mut().load_all(&mut fetch).unwrap(), &built().corpus);
    }
}

/// A reader adds a plan before loading anything, removes it, and searches: the answers are the
/// whole corpus's, and the vocabulary file is fetched only while an added plan waits for it.
#[test]
fn a_plan_added_and_removed_before_any_search_costs_nothing_after() {
    use plan_compare::engine::Engine;
    let (text, meta) = shenzhen_plan(None);
    let (dir, mut fetch) = open();
    let mut lazy = Engine::from_data_dir(dir);
    let id = lazy.add_plan(&text, &meta).unwrap().plans[0].id.clone();
    let needs = lazy.data().needs_for_search("专利", &SearchOptions::default());
    assert!(needs.iter().any(|f| f.starts_with("vocab.")), "{needs:?}");
    assert!(!lazy.data().needs_for_filter(&FilterOptions::default()).iter().any(|f| f.starts_with("vocab.")));
    lazy.remove_plan(&id).unwrap();
    for q in ["专利质押融资", "种质资源"] {
        let got = lazy.data_mut().search(&mut fetch, q, &SearchOptions::default()).unwrap();
        assert_eq!(got, query::search(&built().corpus, q, &SearchOptions::default()).unwrap(), "{q}");
    }
    assert!(!fetch.fetched.iter().any(|f| f.starts_with("vocab.")), "{:?}", fetch.fetched);
}

/// What the wasm binding does: ask `needs_for_*`, hand over the files, ask again; after at most
/// three rounds nothing is missing, and the verb runs with a fetch that has no file at all.
#[test]
fn needs_list_everything_a_verb_reads_in_at_most_three_rounds() {
    let corpus = &built().corpus;
    let files = &built().files;
    let mut nothing: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let rounds = |dir: &mut DataDir, needs: &dyn Fn(&DataDir) -> Vec<String>, what: &str| {
        for round in 0..=3 {
            let missing = needs(dir);
            if missing.is_empty() {
                return;
            }
            assert!(round < 3, "{what}: still missing {missing:?} after three rounds");
            for f in missing {
                dir.add_file(&f, &files[&f]).unwrap();
            }
        }
    };
    for q in ["专利质押融资", "地理标志", "customs enforcement", "知识产权", "区块链"] {
        for opts in [
            SearchOptions::default(),
            SearchOptions { themes: vec!["geographical-indications".into()], focus: vec![1, 2], ..Default::default() },
            SearchOptions { agencies: vec!["知识产权局".into()], offset: 10, ..Default::default() },
        ] {
            let (mut dir, _) = open();
            rounds(&mut dir, &|d: &DataDir| d.needs_for_search(q, &opts), q);
            let got = dir.search(&mut nothing, q, &opts).unwrap();
            assert_eq!(got, query::search(corpus, q, &opts).unwrap(), "{q} {opts:?}");
        }
    }
    for opts in [
        FilterOptions::default(),
        FilterOptions { themes: vec!["pledge-financing".into()], offset: 3, ..Default::default() },
        FilterOptions {
            words: vec!["地理标志".into()],
            themes: vec!["geographical-indications".into()],
            ..Default::default()
        },
        FilterOptions { words: vec!["海关".into()], ..Default::default() },
        FilterOptions { agencies: vec!["海关".into()], years: vec![2018], ..Default::default() },
    ] {
        let (mut dir, _) = open();
        rounds(&mut dir, &|d: &DataDir| d.needs_for_filter(&opts), &format!("{opts:?}"));
        assert_eq!(dir.filter(&mut nothing, &opts).unwrap(), query::filter(corpus, &opts).unwrap(), "{opts:?}");
    }
}

#[test]
fn the_rows_a_binding_sends_make_the_search_result_again() {
    // The binding sends a search's page in arrays, its hits without records (js/load.js makes the
    // objects again, as here, and asks for the records it lacks by the position each row gives).
    let (dir, mut fetch) = open();
    let mut engine = plan_compare::engine::Engine::from_data_dir(dir);
    // Before a search loads its page, a record is not here: said, not a placeholder sent.
    let err = engine.records_at(&[0]).unwrap_err();
    assert_eq!(err.code.as_str(), "DATA_UNAVAILABLE", "{err:?}");
    for q in ["专利质押", "customs enforcement", "版权"] {
        let opts = SearchOptions { limit: Some(40), ..Default::default() };
        loop {
            let needs = engine.needs_for_search(q, &opts);
            if needs.is_empty() {
                break;
            }
            engine.load(&mut fetch, &needs).unwrap();
        }
        let whole = serde_json::to_value(engine.search(q, &opts).unwrap()).unwrap();
        let page = engine.search_page(q, &opts).unwrap();
        let sent = serde_json::to_value(page.rows(engine.corpus()).unwrap()).unwrap();
        let positions: Vec<u32> =
            sent["hits"].as_array().unwrap().iter().map(|r| r[4].as_u64().unwrap() as u32).collect();
        let records = engine.records_at(&positions).unwrap();
        let mut made = sent.clone();
        let object = made.as_object_mut().unwrap();
        let hit_plans = object.remove("hitPlans").unwrap();
        let hits: Vec<serde_json::Value> = sent["hits"]
            .as_array()
            .unwrap()
            .iter()
            .zip(records)
            .map(|(row, record)| {
                let pairs = |flat: &serde_json::Value| -> Vec<[u64; 2]> {
                    let flat: Vec<u64> = flat.as_array().unwrap().iter().map(|x| x.as_u64().unwrap()).collect();
                    flat.chunks(2).map(|p| [p[0], p[1]]).collect()
                };
                let plan = &hit_plans[row[0].as_u64().unwrap() as usize];
                serde_json::json!({ "id": record.id, "plan": plan[0], "planLabel": plan[1], "score": row[1],
                    "highlights": pairs(&row[2]), "titleHighlights": pairs(&row[3]), "measure": record })
            })
            .collect();
        object.insert("hits".into(), hits.into());
        let phrases = sent["phrases"].as_array().unwrap().iter();
        let phrases = phrases.map(|p| serde_json::json!({ "text": p[0], "weight": p[1], "from": p[2] }));
        object.insert("phrases".into(), phrases.collect::<Vec<_>>().into());
        let plans = sent["plans"].as_array().unwrap().iter();
        let plans = plans.map(|p| serde_json::json!({ "plan": p[0], "score": p[1], "count": p[2], "share": p[3] }));
        object.insert("plans".into(), plans.collect::<Vec<_>>().into());
        for (_, counts) in object["facets"].as_object_mut().unwrap() {
            let rows = counts.as_array().unwrap().iter();
            *counts = rows.map(|c| serde_json::json!({ "value": c[0], "count": c[1] })).collect::<Vec<_>>().into();
        }
        assert_eq!(made, whole, "{q}");
        assert!(
            !whole["hits"].as_array().unwrap().is_empty() && !whole["facets"]["region"].as_array().unwrap().is_empty()
        );
    }
    let past = engine.corpus().dataset.measures.len() as u32;
    assert_eq!(engine.records_at(&[past]).unwrap_err().code.as_str(), "INVALID_ARGUMENT");
    assert!(engine.records_at(&vec![0; plan_compare::engine::MAX_IDS + 1]).is_err(), "bounded");
}
