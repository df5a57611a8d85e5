//! Which files of a data directory each call fetches, for the figures in `docs/data-format.md`.
//!
//! `cargo run --example data_fetch -- DIR PARTS_DIR` prints, per scenario (a fresh reader each),
//! a line `what<TAB>requests<TAB>raw bytes<TAB>files` (the files fetched, manifest and catalogue
//! included); and writes each field of the catalogue encoded alone to `PARTS_DIR` so that
//! their compressed sizes can be measured (`gzip -9`). The rounds of fetches each search takes
//! (what the wasm binding waits for, one after the other) go to stderr.
//! `cargo run --example data_fetch -- DIR PARTS_DIR` after `plan-compare build --out DIR`; with a
//! third argument, a file of queries (one a line), the searches are those instead of the list below.

use plan_compare::datadir::{CatalogFile, DataDir, DirFetch, Manifest};
use plan_compare::query::{DiffOptions, FilterOptions, SearchOptions};

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(parts)) = (args.first(), args.get(1)) else {
        return Err("usage: data_fetch DATA_DIR PARTS_DIR".into());
    };
    let e = |e: plan_compare::Error| e.to_string();
    let extra = match args.get(2) {
        Some(f) => std::fs::read_to_string(f).map_err(|e| format!("{f}: {e}"))?,
        None => String::new(),
    };
    let base = [
        "专利质押融资",
        "地理标志",
        "粤港澳大湾区",
        "patent pledge financing",
        "customs enforcement",
        "知识产权",
        // English beyond the taxonomy: CC-CEDICT's runs (one word, two-word keys, a word it lacks).
        "data",
        "seed industry",
        "trade secret protection",
        "integrated circuits",
        "blockchain",
        // Mixed, and characters that start no term.
        "PCT国际专利申请",
        "𠀀专利导航",
    ];
    let queries: Vec<&str> =
        if extra.is_empty() { base.to_vec() } else { extra.lines().filter(|l| !l.is_empty()).collect() };
    for q in queries {
        let mut fetch = DirFetch::new(dir);
        let mut data = DataDir::open(&mut fetch).map_err(e)?;
        let mut rounds = 0;
        loop {
            let needs = data.needs_for_search(q, &SearchOptions::default());
            if needs.is_empty() {
                break;
            }
            data.load(&mut fetch, &needs).map_err(e)?;
            rounds += 1;
        }
        eprintln!("search {q}: {rounds} rounds");
        data.search(&mut fetch, q, &SearchOptions::default()).map_err(e)?;
        report(&format!("search {q}"), &fetch);
        let mut fetch = DirFetch::new(dir);
        let mut data = DataDir::open(&mut fetch).map_err(e)?;
        data.search(&mut fetch, q, &SearchOptions { no_facets: true, ..Default::default() }).map_err(e)?;
        report(&format!("search {q} (noFacets)"), &fetch);
    }
    for (what, opts) in [
        ("filter {}", FilterOptions::default()),
        ("filter region 广东省", FilterOptions { regions: vec!["广东省".into()], ..Default::default() }),
        (
            "filter theme customs-enforcement",
            FilterOptions { themes: vec!["customs-enforcement".into()], ..Default::default() },
        ),
        (
            "filter focus 3 agency 海关",
            FilterOptions { focus: vec![3], agencies: vec!["海关".into()], ..Default::default() },
        ),
        ("filter words 地理标志", FilterOptions { words: vec!["地理标志".into()], ..Default::default() }),
    ] {
        let mut fetch = DirFetch::new(dir);
        let mut data = DataDir::open(&mut fetch).map_err(e)?;
        data.filter(&mut fetch, &opts).map_err(e)?;
        report(what, &fetch);
    }
    let mut fetch = DirFetch::new(dir);
    let mut data = DataDir::open(&mut fetch).map_err(e)?;
    data.theme_matrix(&mut fetch, &Default::default()).map_err(e)?;
    report("themeMatrix {}", &fetch);
    for (a, b) in [("beijing-2018", "shanghai-2018"), ("guangdong-2016", "guangdong-2018-2022")] {
        let mut fetch = DirFetch::new(dir);
        let mut data = DataDir::open(&mut fetch).map_err(e)?;
        data.diff(&mut fetch, a, b, &DiffOptions::default()).map_err(e)?;
        report(&format!("diff {a} {b}"), &fetch);
    }
    let manifest: Manifest =
        serde_json::from_slice(&std::fs::read(format!("{dir}/manifest.json")).map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
    let bytes = std::fs::read(format!("{dir}/{}", manifest.catalog)).map_err(|e| e.to_string())?;
    let c: CatalogFile = postcard::from_bytes(&bytes).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(parts).map_err(|e| e.to_string())?;
    let put = |name: &str, b: Vec<u8>| std::fs::write(format!("{parts}/{name}"), b).map_err(|e| e.to_string());
    let enc = |v: &dyn erased::Encode| v.encode();
    put("documents", enc(&c.documents))?;
    put("plans", enc(&c.plans))?;
    put("chunks", enc(&c.chunks))?;
    put("themes+taxonomy", [enc(&c.themes), enc(&c.taxonomy)].concat())?;
    put("facets", enc(&c.facets))?;
    put("shards", enc(&c.shards))?;
    put("keyword_terms", enc(&c.keyword_terms))?;
    put("vocabulary_runs", enc(&c.vocabulary_runs))?;
    put("taxonomy", enc(&c.taxonomy))?;
    Ok(())
}

fn report(what: &str, fetch: &DirFetch) {
    let files: Vec<&str> = fetch.requests.iter().map(|(f, _)| f.as_str()).collect();
    let bytes: usize = fetch.requests.iter().map(|(_, n)| n).sum();
    println!("{what}\t{}\t{bytes}\t{}", files.len(), files.join(" "));
}

mod erased {
    pub trait Encode {
        fn encode(&self) -> Vec<u8>;
    }
    impl<T: serde::Serialize> Encode for T {
        fn encode(&self) -> Vec<u8> {
            postcard::to_allocvec(self).unwrap_or_default()
        }
    }
}
