//! English queries on topics the taxonomy has no entry for find their measures through CC-CEDICT
//! (src/english.rs), here a committed excerpt of it (tests/fixtures/cedict-excerpt.u8), in memory
//! and from a data directory, and the build command refuses to run without a dictionary.

#![cfg(feature = "segment-jieba")]

use plan_compare::datadir::{self, DataDir};
use plan_compare::english::Dictionary;
use plan_compare::query::search::{DISTINCT_SHARE, SYNONYM_WEIGHT};
use plan_compare::query::{search, Corpus, SearchOptions};
use std::collections::BTreeMap;
use std::sync::OnceLock;

const EXCERPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/cedict-excerpt.u8");

/// The seeds without and with the dictionary.
fn corpora() -> &'static (Corpus, Corpus) {
    static CORPORA: OnceLock<(Corpus, Corpus)> = OnceLock::new();
    CORPORA.get_or_init(|| {
        let plain = Corpus::bundled();
        let mut english = plain.clone();
        let text = plan_compare::cli::read_dictionary(EXCERPT).unwrap();
        english.english = Some(Dictionary::for_corpus(&text, &english));
        (plain, english)
    })
}

fn texts(corpus: &Corpus, query: &str, n: usize) -> Vec<String> {
    let opts = SearchOptions { limit: Some(n), ..Default::default() };
    search(corpus, query, &opts)
        .unwrap()
        .hits
        .iter()
        .filter_map(|h| corpus.measure(&h.id))
        .map(|m| [&m.title, &m.work_item, &m.text].into_iter().flatten().map(String::as_str).collect())
        .collect()
}

#[test]
fn english_words_outside_the_taxonomy_find_their_chinese_terms() {
    let (plain, english) = corpora();
    // (query, the Chinese word its first hits must contain, how many of the first five at least)
    let cases = [
        ("data", "数据", 5),
        ("microchips", "芯片", 1),
        ("agricultural produce", "农产品", 3),
        ("intangible cultural heritage", "非遗", 3),
        ("integrated circuits", "集成电路", 1),
        ("traditional Chinese medicine", "中药", 1),
        // A compound CC-CEDICT lacks, by the joined senses of its parts: 技术 /technology/ + 创新
        // /innovation/.
        ("technology innovation", "技术创新", 2),
        // … and asked with an adjective CC-CEDICT files under its noun: "technological" as "technology".
        ("technological innovation", "技术创新", 2),
        // A noun CC-CEDICT has only as the verb it is made from: 振兴 /to revitalize/.
        ("revitalization", "振兴", 2),
        // Two words the measures say together, a pair term of the index (src/index.rs), by the
        // joined senses: 传统 /traditional/ + 知识 /knowledge/.
        ("traditional knowledge", "传统知识", 3),
    ];
    for (query, word, at_least) in cases {
        let before = texts(plain, query, 5);
        assert!(before.iter().all(|t| !t.contains(word)), "{query} found {word} without the dictionary");
        let after = texts(english, query, 5);
        let with = after.iter().filter(|t| t.contains(word)).count();
        assert!(with >= at_least, "{query}: {with} of the first {} hits contain {word}: {after:#?}", after.len());
        assert!(after.first().is_some_and(|t| t.contains(word)), "{query}: {after:#?}");
    }
    // Most of a longer sense: CC-CEDICT has 风险投资 and 创业投资 only as /venture capital investment/.
    let venture = texts(english, "venture capital", 5);
    assert!(venture.iter().filter(|t| t.contains("风险投资") || t.contains("创投")).count() >= 3, "{venture:#?}");
    // A sense only compounds show: 遗传 is "genetic" by 遗传信息 and 遗传工程 (english::derived).
    let genetic = texts(english, "genetic resources", 10);
    let holding =
        plain.dataset.measures.iter().filter(|m| m.text.as_deref().unwrap_or("").contains("遗传资源")).count();
    assert!(holding > 0 && genetic.iter().filter(|t| t.contains("遗传资源")).count() == holding, "{genetic:#?}");
    let r = search(english, "technology innovation", &SearchOptions::default()).unwrap();
    assert!(r.phrases.iter().any(|p| p.text == "技术创新" && p.from == "dictionary"), "{:?}", r.phrases);
    // The phrases say where they come from, below what a reader types.
    let r = search(english, "microchips", &SearchOptions::default()).unwrap();
    let chip = r.phrases.iter().find(|p| p.text == "芯片").unwrap();
    assert_eq!(chip.from, "dictionary");
    assert!(chip.weight < 1.0);
    // "seed" names a theme since keywords match in any inflection ("seeds"): the dictionary's
    // literal 种子, one of the theme's keywords, is then the typed word, its other keywords synonyms.
    let r = search(english, "seed industry", &SearchOptions::default()).unwrap();
    assert_eq!(r.themes, ["plant-varieties"]);
    let weight = |zh: &str| r.phrases.iter().find(|p| p.text == zh).map(|p| p.weight);
    assert_eq!((weight("种子"), weight("育种")), (Some(1.0), Some(SYNONYM_WEIGHT)));
    assert!(texts(english, "seed industry", 5).iter().filter(|t| t.contains("种子")).count() >= 3);
    // Only "yangtze" is a keyword of the regional-cooperation theme, but the whole query translates
    // to its keyword 长三角: that one is what was asked, the theme's other regions synonyms.
    let r = search(english, "Yangtze River Delta", &SearchOptions::default()).unwrap();
    assert_eq!(r.themes, ["regional-cooperation"]);
    let weight = |zh: &str| r.phrases.iter().find(|p| p.text == zh).map(|p| p.weight);
    assert_eq!((weight("长三角"), weight("粤港澳")), (Some(1.0), Some(SYNONYM_WEIGHT)));
}

#[test]
fn a_word_whose_chinese_is_common_finds_it_and_not_a_rarer_weaker_sense() {
    let (_, english) = corpora();
    let n = english.index.doc_count() as f64;
    let share = |zh: &str| english.index.df(zh) as f64 / n;
    let all = |q: &str| search(english, q, &SearchOptions { limit: Some(1000), ..Default::default() }).unwrap();
    let holding = |zh: &str| english.index.postings_of(zh).len();
    // 文化 /culture/ is in more measures than a dictionary word used to be kept for (5%): "culture"
    // found only 培养 (/culture (biology)/, its last gloss). It now counts, 培养 below it.
    assert!(share("文化") > 0.05 && share("文化") <= DISTINCT_SHARE, "{}", share("文化"));
    let culture = all("culture");
    let weight =
        |r: &plan_compare::query::SearchResult, zh: &str| r.terms.iter().find(|(t, _)| t == zh).map(|(_, w)| *w);
    assert!(weight(&culture, "文化") > weight(&culture, "培养").or(Some(0.0)), "{:?}", culture.terms);
    let found: std::collections::HashSet<&str> = culture.hits.iter().map(|h| h.id.as_str()).collect();
    let saying =
        english.index.postings_of("文化").iter().map(|&(doc, _)| english.dataset.measures[doc as usize].id.as_str());
    assert!(saying.clone().count() > 0 && saying.clone().all(|id| found.contains(id)), "{:?}", culture.terms);
    // 创新 /innovation/ is in more than DISTINCT_SHARE of the measures: too common to pick hits
    // beside another word, but "innovation" alone is all 创新's measures, not the few on 孵化
    // (/innovation (esp. in commerce and marketing)/, its third gloss) that it found.
    assert!(share("创新") > DISTINCT_SHARE, "{}", share("创新"));
    let innovation = all("innovation");
    assert!(!innovation.terms.iter().any(|(t, _)| t == "孵化"), "{:?}", innovation.terms);
    assert_eq!(innovation.total, holding("创新"));
    // "science and technology" is 科技 as much as 科学技术; it found only the two on the latter.
    let science = all("science and technology");
    assert!(science.total >= holding("科技"), "{} < {}", science.total, holding("科技"));
}

#[test]
fn the_dictionary_changes_nothing_for_chinese_or_for_what_the_taxonomy_knows() {
    let (plain, english) = corpora();
    let opts = SearchOptions { limit: Some(100), ..Default::default() };
    for q in ["地理标志", "专利质押融资", "customs enforcement", "patent pledge financing", "copyright"] {
        assert_eq!(search(plain, q, &opts).unwrap(), search(english, q, &opts).unwrap(), "{q}");
    }
}

/// Small runs, so that the excerpt's dictionary is cut into several.
const RUN_BYTES: usize = 512;

fn english_files() -> &'static BTreeMap<String, Vec<u8>> {
    static FILES: OnceLock<BTreeMap<String, Vec<u8>>> = OnceLock::new();
    FILES.get_or_init(|| {
        let (_, english) = corpora();
        let (shard, fragment) = (datadir::DEFAULT_SHARD_BYTES, datadir::DEFAULT_FRAGMENT_BYTES);
        datadir::write(english, &[], shard, fragment, RUN_BYTES).unwrap().into_iter().collect()
    })
}

/// A fetch over the written files that records what it was asked for.
struct Counting {
    files: &'static BTreeMap<String, Vec<u8>>,
    fetched: Vec<String>,
}

impl datadir::Fetch for Counting {
    fn fetch(&mut self, file: &str) -> plan_compare::error::Result<Vec<u8>> {
        self.fetched.push(file.to_string());
        let mut files = self.files.clone();
        files.fetch(file)
    }
}

fn runs_fetched(fetch: &Counting) -> Vec<String> {
    fetch.fetched.iter().filter(|f| f.starts_with("english.")).cloned().collect()
}

/// The content words of a query and their other forms that start some key of the whole dictionary
/// (stemmed as keys are).
fn first_words_in(dictionary: &Dictionary, query: &str) -> Vec<String> {
    let words = plan_compare::english::lookup_words(query, &[]);
    words.into_iter().filter(|w| dictionary.entries.keys().any(|k| k.split(' ').next() == Some(w))).collect()
}

#[test]
fn a_data_directory_fetches_only_the_dictionary_runs_of_english_words() {
    let (_, english) = corpora();
    let whole = english.english.as_ref().unwrap();
    let files = english_files();
    let runs: Vec<&String> = files.keys().filter(|f| f.starts_with("english.")).collect();
    assert!(runs.len() >= 4, "{} runs", runs.len());
    assert!(runs.iter().all(|f| datadir::is_data_file_name(f)));
    // Multi-word keys (the phrases `expand` tries first) and single words, a few of each.
    let phrases: Vec<&String> = whole.entries.keys().filter(|k| k.contains(' ')).collect();
    assert!(phrases.len() >= 10, "{} phrase keys", phrases.len());
    let mut queries: Vec<String> = phrases.iter().step_by(phrases.len() / 10).map(|k| k.to_string()).collect();
    queries.extend(
        [
            "data",
            "seed industry",
            "intangible cultural heritage protection",
            "integrated circuits and microchips",
            "traditional Chinese medicine",
            "agricultural produce",
            "rural revitalization",
            "traditional knowledge",
            "传统知识保护",
            "big data",
            "xylophone",
            "zzzz aardvark quixotic",
            "customs enforcement",
            "patent pledge financing",
            "data 数据",
            "数据",
        ]
        .map(String::from),
    );
    let opts = SearchOptions::default();
    let shared_files = files;
    let mut shared_fetch = Counting { files: shared_files, fetched: Vec::new() };
    let mut shared = DataDir::open(&mut shared_fetch).unwrap();
    for q in &queries {
        let expected = search(english, q, &opts).unwrap();
        let mut fetch = Counting { files, fetched: Vec::new() };
        let mut dir = DataDir::open(&mut fetch).unwrap();
        // At most three rounds: the dictionary's runs, the index shards, the page's fragments.
        let mut rounds = 0;
        loop {
            let needs = dir.needs_for_search(q, &opts);
            if needs.is_empty() {
                break;
            }
            rounds += 1;
            assert!(rounds <= 3, "{q}: a fourth round {needs:?}");
            let english_now = needs.iter().filter(|f| f.starts_with("english.")).count();
            assert!(english_now == 0 || (rounds == 1 && english_now == needs.len()), "{q}: {needs:?}");
            dir.load(&mut fetch, &needs).unwrap();
        }
        let mut none = BTreeMap::new();
        assert_eq!(dir.search(&mut none, q, &opts).unwrap(), expected, "{q}");
        assert_eq!(shared.search(&mut shared_fetch, q, &opts).unwrap(), expected, "{q} (shared reader)");
        // Only the runs of its words: at most one per content word or other form of one, none for
        // Chinese, some when the dictionary gave a phrase, never all of them.
        let fetched = runs_fetched(&fetch);
        assert!(fetched.len() <= plan_compare::english::lookup_words(q, &[]).len(), "{q}: {fetched:?}");
        let from_dictionary = expected.phrases.iter().any(|p| p.from == "dictionary");
        assert!(!from_dictionary || !fetched.is_empty(), "{q}: phrases from no run");
        assert!(fetched.len() < runs.len(), "{q}: every run fetched");
        let keyed = first_words_in(whole, q);
        if from_dictionary {
            assert!(!keyed.is_empty(), "{q}");
        }
    }
    let mut fetch = Counting { files, fetched: Vec::new() };
    let dir = DataDir::open(&mut fetch).unwrap();
    assert!(dir.needs_for_search("数据", &opts).iter().all(|f| !f.starts_with("english.")));
    let data = dir.needs_for_search("data", &opts);
    assert_eq!(data.len(), 1, "{data:?}");
    assert!(data[0].starts_with("english."));
    // A damaged run, or another run's bytes under its name, is refused.
    let (a, b) = (runs[0], runs[runs.len() / 2]);
    let mut other = DataDir::open(&mut fetch).unwrap();
    assert!(other.add_file(a, &files[b]).is_err());
    assert!(other.add_file(a, &files[a][..files[a].len() / 2]).is_err());
    assert!(other.add_file(a, &files[a]).is_ok());
    // Loading everything gives back the corpus, whole dictionary included.
    let mut all = DataDir::open(&mut fetch).unwrap();
    assert_eq!(all.load_all(&mut fetch).unwrap().english, english.english);
}

#[test]
fn the_build_command_fails_clearly_without_a_dictionary() {
    let out = std::env::temp_dir().join(format!("plan-compare-english-{}", std::process::id()));
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_plan-compare"))
        .args(["build", "--dictionary", "/nonexistent/cedict_ts.u8", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success());
    assert!(said.contains("CC-CEDICT") && said.contains("scripts/setup.sh"), "{said}");
    assert!(!out.exists(), "nothing is written");
    let not_cedict = std::process::Command::new(env!("CARGO_BIN_EXE_plan-compare"))
        .args(["build", "--dictionary", concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"), "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(!not_cedict.status.success());
    assert!(String::from_utf8_lossy(&not_cedict.stderr).contains("no CC-CEDICT line"));
    assert!(!out.exists());
}

#[test]
fn the_search_command_reads_english_as_the_package_does() {
    let (_, english) = corpora();
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_plan-compare")).args(args).output().unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    // The same ranked measures as the library with the same dictionary.
    let (ok, json, said) = run(&["search", "integrated circuits", "--json", "--dictionary", EXCERPT]);
    assert!(ok, "{said}");
    let printed: serde_json::Value = serde_json::from_str(&json).unwrap();
    let ids = |hits: &serde_json::Value| -> Vec<String> {
        hits.as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap().to_string()).collect()
    };
    let expected = search(english, "integrated circuits", &SearchOptions::default()).unwrap();
    assert!(!expected.hits.is_empty());
    assert_eq!(ids(&printed["hits"]), expected.hits.iter().map(|h| h.id.clone()).collect::<Vec<_>>());
    // A dictionary given and not there is an error, not a quieter search.
    let (ok, _, said) = run(&["search", "integrated circuits", "--dictionary", "/nonexistent/cedict_ts.u8"]);
    assert!(!ok && said.contains("CC-CEDICT"), "{said}");
}

#[test]
fn two_words_translated_one_by_one_rank_first_the_measures_that_say_them_together() {
    // "patent" is the glossary's 专利, "information" the dictionary's 信息 (and 情报, intelligence).
    // Measures on 情报 came first: 1 of the top ten said 专利信息 (with the whole dictionary), and 0
    // of the top five 市场监管 for "market supervision" (市场 + 监管, the glossary's whole now).
    // "copyright trade" is 版权 + 贸易, the glossary's and the dictionary's.
    let (_, english) = corpora();
    for (q, zh, n, at_least) in [("patent information", "专利信息", 10, 8), ("copyright trade", "版权贸易", 5, 4)]
    {
        let r = search(english, q, &SearchOptions::default()).unwrap();
        assert!(r.phrases.iter().any(|p| p.text == zh && p.from == "joined"), "{q}: {:?}", r.phrases);
        let top = texts(english, q, n);
        assert!(top.iter().filter(|t| t.contains(zh)).count() >= at_least, "{q}: {top:#?}");
        // Apart they are two words, not one phrase.
        let apart = search(english, &q.replace(' ', ", "), &SearchOptions::default()).unwrap();
        assert!(!apart.phrases.iter().any(|p| p.from == "joined"), "{:?}", apart.phrases);
    }
    // Two words that are a phrase of the dictionary are translated together, not joined.
    let r = search(english, "venture capital", &SearchOptions::default()).unwrap();
    assert!(!r.phrases.iter().any(|p| p.from == "joined"), "{:?}", r.phrases);
}
