//! English queries on topics the taxonomy has no entry for find their measures through CC-CEDICT
//! (src/english.rs), here a committed excerpt of it (tests/fixtures/cedict-excerpt.u8), in memory
//! and from a data directory, and the build command refuses to run without a dictionary.

#![cfg(feature = "segment-jieba")]

use plan_compare::datadir::{self, DataDir};
use plan_compare::english::Dictionary;
use plan_compare::query::{search, search::COMMON_SHARE, Corpus, SearchOptions};
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
        english.english = Some(Dictionary::for_corpus(&text, &english, COMMON_SHARE));
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
        .map(|m| format!("{}{}", m.title.as_deref().unwrap_or(""), m.text.as_deref().unwrap_or("")))
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
        ("seed industry", "种子", 3),
        ("intangible cultural heritage", "非遗", 3),
        ("integrated circuits", "集成电路", 1),
        ("traditional Chinese medicine", "中药", 1),
    ];
    for (query, word, at_least) in cases {
        let before = texts(plain, query, 5);
        assert!(before.iter().all(|t| !t.contains(word)), "{query} found {word} without the dictionary");
        let after = texts(english, query, 5);
        let with = after.iter().filter(|t| t.contains(word)).count();
        assert!(
            with >= at_least,
            "{query}: {with} of the first {} hits contain {word}: {after:#?}",
            after.len()
        );
        assert!(after.first().is_some_and(|t| t.contains(word)), "{query}: {after:#?}");
    }
    // The phrases say where they come from, below what a reader types.
    let r = search(english, "seed industry", &SearchOptions::default()).unwrap();
    let seed = r.phrases.iter().find(|p| p.text == "种子").unwrap();
    assert_eq!(seed.from, "dictionary");
    assert!(seed.weight < 1.0);
}

#[test]
fn the_dictionary_changes_nothing_for_chinese_or_for_what_the_taxonomy_knows() {
    let (plain, english) = corpora();
    let opts = SearchOptions { limit: Some(100), ..Default::default() };
    for q in ["地理标志", "专利质押融资", "customs enforcement", "patent pledge financing", "copyright"]
    {
        assert_eq!(search(plain, q, &opts).unwrap(), search(english, q, &opts).unwrap(), "{q}");
    }
}

#[test]
fn a_data_directory_fetches_the_dictionary_only_for_english_queries() {
    let (_, english) = corpora();
    let files: BTreeMap<String, Vec<u8>> =
        datadir::write(english, &[], datadir::DEFAULT_SHARD_BYTES, datadir::DEFAULT_FRAGMENT_BYTES).unwrap().into_iter().collect();
    let dictionary: Vec<&String> = files.keys().filter(|f| f.starts_with("english.")).collect();
    assert_eq!(dictionary.len(), 1);
    assert!(datadir::is_data_file_name(dictionary[0]));
    let opts = SearchOptions::default();
    let mut fetch = files.clone();
    let mut dir = DataDir::open(&mut fetch).unwrap();
    let chinese = dir.needs_for_search("数据", &opts);
    assert!(!chinese.is_empty() && !chinese.contains(dictionary[0]), "{chinese:?}");
    assert_eq!(dir.needs_for_search("data", &opts), [dictionary[0].clone()]);
    for q in ["data", "seed industry", "数据", "customs enforcement"] {
        assert_eq!(dir.search(&mut fetch, q, &opts).unwrap(), search(english, q, &opts).unwrap(), "{q}");
    }
    assert!(dir.needs_for_search("big data", &opts).is_empty() || dir.corpus().english.is_some());
    // Loading everything gives back the corpus, dictionary included.
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
