//! The query commands of `plan-compare` (search, diff, themes, filter, match, compare, segmentation).
//!
//! Each prints a short human-readable answer, or with `--json` the query's result as JSON (measure
//! ids are those of the export).

use crate::query::{self, CompareBy, Corpus, DiffOptions, FilterOptions, SearchOptions, ThemeMatrixOptions};
use serde::Serialize;

/// `println!` that ignores a closed stdout (`plan-compare search … | head` must not panic).
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// The value after `--name` (or in `--name=value`).
pub fn option<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    let flag = format!("--{name}");
    let inline = format!("--{name}=");
    args.iter().enumerate().find_map(|(i, a)| {
        if a == &flag {
            args.get(i + 1).map(String::as_str)
        } else {
            a.strip_prefix(&inline)
        }
    })
}

/// Every value of a repeatable `--name` option (also comma-separated).
fn options(args: &[String], name: &str) -> Vec<String> {
    let flag = format!("--{name}");
    let inline = format!("--{name}=");
    let mut out = Vec::new();
    for (i, a) in args.iter().enumerate() {
        let v = if a == &flag { args.get(i + 1).map(String::as_str) } else { a.strip_prefix(&inline) };
        if let Some(v) = v {
            out.extend(v.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string));
        }
    }
    out
}

fn flag(args: &[String], name: &str) -> bool {
    args.iter().any(|a| a == &format!("--{name}"))
}

/// Positional arguments: those that are neither options nor option values.
fn positional(args: &[String], valued: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut skip = false;
    for a in args {
        if skip {
            skip = false;
        } else if let Some(name) = a.strip_prefix("--") {
            skip = valued.contains(&name);
        } else {
            out.push(a.clone());
        }
    }
    out
}

fn json<T: Serialize>(value: &T) -> Result<(), String> {
    let s = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    outln!("{s}");
    Ok(())
}

fn err(e: query::QueryError) -> String {
    format!("error {}: {e}", e.code())
}

fn parse_limit(args: &[String]) -> Result<Option<usize>, String> {
    option(args, "limit").map(|l| l.parse::<usize>().map_err(|_| format!("--limit wants a number, not {l:?}"))).transpose()
}

/// One line about a measure: id, plan, and the start of its title or text.
fn line(corpus: &Corpus, id: &str) -> String {
    let Some(m) = corpus.measure(id) else { return id.to_string() };
    let body = [m.title.as_deref(), m.work_item.as_deref(), m.text.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" | ");
    let short: String = body.chars().take(70).collect();
    format!("{id:<28} {short}")
}

pub fn search(corpus: &Corpus, args: &[String]) -> Result<(), String> {
    let words = positional(args, &["limit", "plan", "theme"]);
    let q = words.join(" ");
    let opts = SearchOptions { limit: parse_limit(args)?, plans: options(args, "plan"), themes: options(args, "theme"), ..Default::default() };
    let r = query::search(corpus, &q, &opts).map_err(err)?;
    if flag(args, "json") {
        return json(&r);
    }
    outln!("{} measures; themes: {}", r.total, if r.themes.is_empty() { "-".into() } else { r.themes.join(", ") });
    for h in &r.hits {
        outln!("{:>7.2}  {}", h.score, line(corpus, &h.id));
    }
    outln!("plans:");
    for p in &r.plans {
        outln!("{:>7.2}  {:<24} {} measures ({:.0}% of the plan)", p.score, p.plan, p.count, p.share * 100.0);
    }
    Ok(())
}

pub fn diff(corpus: &Corpus, args: &[String]) -> Result<(), String> {
    let pos = positional(args, &["threshold"]);
    let (Some(a), Some(b)) = (pos.first(), pos.get(1)) else { return Err("usage: plan-compare diff PLAN_A PLAN_B [--json]".into()) };
    let threshold = option(args, "threshold").map(|t| t.parse::<f64>().map_err(|_| format!("--threshold wants a number, not {t:?}"))).transpose()?;
    let r = query::diff(corpus, a, b, &DiffOptions { threshold, ..Default::default() }).map_err(err)?;
    if flag(args, "json") {
        return json(&r);
    }
    outln!("{} pairs, {} only in {a}, {} only in {b}", r.pairs.len(), r.only_a.len(), r.only_b.len());
    for p in &r.pairs {
        let changes: String = p
            .changes
            .iter()
            .map(|c| match c.op {
                query::diff::Op::Equal => c.text.clone(),
                query::diff::Op::Delete => format!("[-{}-]", c.text),
                query::diff::Op::Insert => format!("{{+{}+}}", c.text),
            })
            .collect();
        let short: String = changes.chars().take(160).collect();
        outln!("{:.2} {:?} {} ~ {}\n     {short}", p.score, p.by, p.a, p.b);
    }
    for id in &r.only_a {
        outln!("only A  {}", line(corpus, id));
    }
    for id in &r.only_b {
        outln!("only B  {}", line(corpus, id));
    }
    outln!("agencies shared: {}", r.agencies.shared.join("、"));
    outln!("agencies only A: {}", r.agencies.only_a.join("、"));
    outln!("agencies only B: {}", r.agencies.only_b.join("、"));
    for t in &r.targets.pairs {
        outln!("target  {} {} {} ↔ {} {} {}", t.a.indicator, t.a.value, t.a.unit.as_deref().unwrap_or(""), t.b.indicator, t.b.value, t.b.unit.as_deref().unwrap_or(""));
    }
    Ok(())
}

pub fn themes(corpus: &Corpus, args: &[String]) -> Result<(), String> {
    if flag(args, "matrix") {
        let m = query::theme_matrix(corpus, &ThemeMatrixOptions { plans: options(args, "plan"), themes: options(args, "theme") }).map_err(err)?;
        if flag(args, "json") {
            return json(&m);
        }
        outln!("{:<24} {:>5}  {}", "plan \\ theme (count)", "n", m.themes.iter().enumerate().map(|(i, _)| format!("{:>3}", i + 1)).collect::<String>());
        for ((plan, row), n) in m.plans.iter().zip(&m.cells).zip(&m.measures) {
            outln!("{plan:<24} {n:>5}  {}", row.iter().map(|c| format!("{:>3}", c.count)).collect::<String>());
        }
        for (i, t) in m.themes.iter().enumerate() {
            outln!("{:>3} {t}", i + 1);
        }
        return Ok(());
    }
    let counts = query::filter(corpus, &FilterOptions { limit: Some(0), ..Default::default() }).map_err(err)?.facets.theme;
    if flag(args, "json") {
        return json(&corpus.taxonomy.themes);
    }
    for t in &corpus.taxonomy.themes {
        let n = counts.iter().find(|c| c.value == t.id).map_or(0, |c| c.count);
        outln!("{:<30} {:>5} measures  {} / {}", t.id, n, t.zh, t.en);
    }
    Ok(())
}

pub fn filter(corpus: &Corpus, args: &[String]) -> Result<(), String> {
    let focus = options(args, "focus")
        .iter()
        .map(|f| f.parse::<u8>().map_err(|_| format!("--focus wants a number 1-6, not {f:?}")))
        .collect::<Result<Vec<_>, _>>()?;
    let years = options(args, "year")
        .iter()
        .map(|f| f.parse::<u16>().map_err(|_| format!("--year wants a year, not {f:?}")))
        .collect::<Result<Vec<_>, _>>()?;
    let opts = FilterOptions {
        plans: options(args, "plan"),
        regions: options(args, "region"),
        levels: options(args, "level"),
        kinds: options(args, "kind"),
        years,
        focus,
        work_items: options(args, "work-item"),
        agencies: options(args, "agency"),
        themes: options(args, "theme"),
        words: options(args, "words"),
        offset: option(args, "offset").and_then(|o| o.parse().ok()).unwrap_or(0),
        limit: parse_limit(args)?,
    };
    let r = query::filter(corpus, &opts).map_err(err)?;
    if flag(args, "json") {
        return json(&r);
    }
    outln!("{} measures", r.total);
    for id in &r.items {
        outln!("  {}", line(corpus, id));
    }
    let show = |name: &str, f: &[query::filter::FacetCount]| {
        let s: Vec<String> = f.iter().take(12).map(|c| format!("{} {}", c.value, c.count)).collect();
        outln!("{name:<7} {}", s.join(" · "));
    };
    show("region", &r.facets.region);
    show("level", &r.facets.level);
    show("year", &r.facets.year);
    show("focus", &r.facets.focus);
    show("agency", &r.facets.agency);
    show("theme", &r.facets.theme);
    Ok(())
}

pub fn match_text(corpus: &Corpus, args: &[String]) -> Result<(), String> {
    let text = positional(args, &[]).join(" ");
    let r = query::match_themes(corpus, &text).map_err(err)?;
    if flag(args, "json") {
        return json(&r);
    }
    for m in &r {
        outln!("{:>6.1}  {:<30} {}  ({})", m.score, m.id, m.zh, m.matched.join("、"));
    }
    Ok(())
}

pub fn compare(corpus: &Corpus, args: &[String]) -> Result<(), String> {
    let pos = positional(args, &["theme", "work-item"]);
    let ids: Vec<String> = pos.iter().flat_map(|p| p.split(',')).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect();
    let by = match (option(args, "theme"), option(args, "work-item")) {
        (Some(t), None) => CompareBy::Theme(t.to_string()),
        (None, Some(w)) => CompareBy::WorkItem(w.to_string()),
        _ => return Err("usage: plan-compare compare ID,ID… (--theme T | --work-item W) [--json]".into()),
    };
    let r = query::compare(corpus, &ids, &by).map_err(err)?;
    if flag(args, "json") {
        return json(&r);
    }
    for row in &r.rows {
        outln!("{} ({}): {} measures", row.plan, row.region, row.measures.len());
        for id in &row.measures {
            outln!("    {}", line(corpus, id));
        }
    }
    Ok(())
}

/// Figures behind the run-time segmentation decision (see `src/index.rs`).
pub fn segmentation(corpus: &Corpus, args: &[String]) -> Result<(), String> {
    let seg = crate::index::jieba::Segmenter::new(
        corpus.taxonomy.themes.iter().flat_map(|t| t.keywords_zh.iter().chain(&t.related_zh)).map(String::as_str),
    );
    if flag(args, "terms") {
        use std::io::Write as _;
        let _ = std::io::stdout().lock().write_all(corpus.index.term_list().as_bytes());
        return Ok(());
    }
    let r = crate::index::segmentation_report(&corpus.dataset.measures, &seg);
    if flag(args, "json") {
        return json(&r);
    }
    outln!("measures              {}", r.measures);
    outln!("vocabulary terms      {}", r.terms);
    outln!("term list bytes       {} (one term a line; `--terms | gzip -9 | wc -c` for gzipped)", r.term_list_bytes);
    outln!("held-out recall       {:.1}% of {} jieba tokens (vocabulary from the other 4/5 of measures)", r.held_out_recall * 100.0, r.held_out_tokens);
    outln!("in-sample recall      {:.1}% of {} jieba tokens (full vocabulary)", r.in_sample_recall * 100.0, r.in_sample_tokens);
    Ok(())
}

/// The whole query corpus (dataset, taxonomy, index, theme scores) as JSON: what the wasm package
/// encodes and ships pre-built.
pub fn corpus(corpus: &Corpus) -> Result<(), String> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    serde_json::to_writer(&mut out, corpus).map_err(|e| e.to_string())?;
    let _ = writeln!(out);
    Ok(())
}

/// `plan-compare build [--catalog FILE] --out DIR [--shard-bytes N]`: parse the catalogue's
/// documents, tag and index them, write the data directory, and print what each document gave.
pub fn build(args: &[String]) -> Result<(), String> {
    use crate::dataset::{self, Catalog};
    use std::path::{Path, PathBuf};
    let usage = "usage: plan-compare build [--catalog FILE] --out DIR [--shard-bytes N]";
    let out = option(args, "out").ok_or(usage)?;
    let shard_bytes = match option(args, "shard-bytes") {
        Some(n) => n
            .parse::<usize>()
            .ok()
            .filter(|&n| n > 0)
            .ok_or(format!("--shard-bytes wants a positive number, not {n:?}"))?,
        None => crate::datadir::DEFAULT_SHARD_BYTES,
    };
    let (catalog, dir) = match option(args, "catalog") {
        Some(file) => Catalog::load(Path::new(file))?,
        None => (Catalog::bundled()?, PathBuf::from(dataset::BUNDLED_CATALOG_DIR)),
    };
    let build = dataset::build_catalog(&catalog, &dir);
    let head = ["document", "plans", "measures", "targets", "unassigned", "coverage"];
    outln!("{:<48} {:>5} {:>8} {:>7} {:>10} {:>9}", head[0], head[1], head[2], head[3], head[4], head[5]);
    for doc in &build.documents {
        let plans: Vec<&str> =
            build.dataset.plans.iter().filter(|p| p.source == doc.path).map(|p| p.id.as_str()).collect();
        let measures = build.dataset.measures.iter().filter(|m| plans.contains(&m.plan.as_str())).count();
        let targets = build.dataset.targets.iter().filter(|t| plans.contains(&t.plan.as_str())).count();
        let unassigned = build.dataset.unassigned.iter().filter(|u| u.source == doc.path).count();
        let ledger = crate::parse::Ledger {
            entries: build.ledger.entries.iter().filter(|e| e.0 == doc.path).cloned().collect(),
        };
        let coverage = if ledger.meaningful_chars() == 0 { 0.0 } else { ledger.coverage() * 100.0 };
        let n = plans.len();
        outln!("{:<48} {n:>5} {measures:>8} {targets:>7} {unassigned:>10} {coverage:>8.2}%", doc.path);
        for d in build.diagnostics.iter().filter(|d| d.source == doc.path) {
            outln!("  note {}:{} [{:?}] {}", d.source, d.line, d.code, d.message);
        }
        for u in build.dataset.unassigned.iter().filter(|u| u.source == doc.path) {
            outln!("  unassigned {}:{}: {}", u.source, u.line, u.text);
        }
    }
    for d in build.diagnostics.iter().filter(|d| !build.documents.iter().any(|doc| doc.path == d.source)) {
        outln!("note {}:{} [{:?}] {}", d.source, d.line, d.code, d.message);
    }
    let total = build.ledger.meaningful_chars();
    outln!(
        "total: {} plans, {} measures, {} targets; coverage {:.2}% of {total} meaningful characters",
        build.dataset.plans.len(),
        build.dataset.measures.len(),
        build.dataset.targets.len(),
        build.ledger.coverage() * 100.0
    );
    if build.dataset.plans.is_empty() {
        return Err("no plan was read: nothing written".into());
    }
    let corpus = Corpus::new(build.dataset, build.taxonomy);
    let files = crate::datadir::write(&corpus, &build.documents, shard_bytes).map_err(|e| e.to_string())?;
    write_files(Path::new(out), &files)?;
    let size = |kind: &str| -> (usize, usize) {
        let f = files.iter().filter(|(n, _)| n.starts_with(kind));
        (f.clone().count(), f.map(|(_, b)| b.len()).sum())
    };
    outln!("wrote {out}: {} files, {} bytes", files.len(), files.iter().map(|(_, b)| b.len()).sum::<usize>());
    for kind in ["manifest", "catalog", "plan", "shard", "extras"] {
        let (n, bytes) = size(kind);
        outln!("  {kind:<9} {n:>5} files {bytes:>10} bytes");
    }
    Ok(())
}

/// Write the files of a data directory, then delete files of an earlier build of the same
/// directory that the new one no longer names (only names this format gives, and only when the
/// directory held a `manifest.json` already: other files are never touched).
fn write_files(dir: &std::path::Path, files: &[(String, Vec<u8>)]) -> Result<(), String> {
    let fail = |what: &str, e: std::io::Error| format!("cannot {what} {}: {e}", dir.display());
    let earlier_build = dir.join(crate::datadir::MANIFEST).is_file();
    std::fs::create_dir_all(dir).map_err(|e| fail("create", e))?;
    for (name, bytes) in files {
        let path = dir.join(name);
        // Content-hashed files never change: an existing one is already right.
        if name == crate::datadir::MANIFEST || !path.exists() {
            std::fs::write(&path, bytes).map_err(|e| fail(&format!("write {name} in"), e))?;
        }
    }
    if !earlier_build {
        return Ok(());
    }
    for entry in std::fs::read_dir(dir).map_err(|e| fail("list", e))?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if crate::datadir::is_data_file_name(&name) && !files.iter().any(|(n, _)| *n == name) {
            std::fs::remove_file(entry.path()).map_err(|e| fail(&format!("remove {name} from"), e))?;
        }
    }
    Ok(())
}
