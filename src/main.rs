//! The `plan-compare` command: export the bundled dataset, print figures about it, and query it.

use plan_compare::query::Corpus;
use plan_compare::{cli, dataset};
use plan_compare::model::{Dataset, Measure, Role};
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage:
  plan-compare export [--format json|csv]   print the dataset (JSON contract, or one CSV row per measure)
  plan-compare stats                        plans, measures per plan, targets, coverage, unassigned lines
  plan-compare search QUERY [--json] [--limit N] [--plan ID] [--theme T]
                                            ranked measures for Chinese or English text
  plan-compare diff A B [--json] [--threshold X]
                                            align two plans' measures, departments and targets
  plan-compare themes [--matrix] [--json]   the taxonomy with measure counts, or plans × themes
  plan-compare filter [--plan ID] [--region R] [--level L] [--year Y] [--kind K] [--theme T]
                      [--focus N] [--work-item W] [--agency A] [--words W] [--limit N] [--json]
                                            measures by field (repeat or comma-separate values)
  plan-compare match TEXT [--json]          themes a free text touches
  plan-compare compare ID,ID… --theme T | --work-item W [--json]
                                            one row per plan with its measures on T or W
  plan-compare corpus                       the query corpus (dataset + taxonomy + index) as JSON
  plan-compare segmentation [--json|--terms]
                                            run-time matcher vs jieba: vocabulary size and recall
  plan-compare build [--catalog FILE] --out DIR [--shard-bytes N]
                                            parse the catalogue's documents (seeds/catalog.toml), index them
                                            and write a data directory (docs/data-format.md)
  plan-compare bundle OUT                   write the encoded corpus and index the wasm build embeds (data/bundle.bin)";

fn main() -> ExitCode {
    // Rust ignores SIGPIPE, which turns a closed pipe (`| head`) into a panic inside println!.
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to its default before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("export") => export(&args[1..]),
        Some("stats") => stats(),
        Some("build") => cli::build(&args[1..]),
        Some("bundle") => match args.get(1) {
            Some(out) => write_bundle(out),
            None => Err(USAGE.to_string()),
        },
        Some(cmd @ ("search" | "diff" | "themes" | "filter" | "match" | "compare" | "segmentation" | "corpus")) => {
            let corpus = Corpus::bundled();
            let rest = &args[1..];
            match cmd {
                "search" => cli::search(&corpus, rest),
                "diff" => cli::diff(&corpus, rest),
                "themes" => cli::themes(&corpus, rest),
                "filter" => cli::filter(&corpus, rest),
                "match" => cli::match_text(&corpus, rest),
                "compare" => cli::compare(&corpus, rest),
                "corpus" => cli::corpus(&corpus),
                _ => cli::segmentation(&corpus, rest),
            }
        }
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

use cli::option;

fn export(args: &[String]) -> Result<(), String> {
    // Tagged with the taxonomy, as the wasm package's exportData() is (both are the bundled corpus).
    let mut build = dataset::build();
    plan_compare::themes::Taxonomy::bundled()?.tag_dataset(&mut build.dataset);
    let mut out = std::io::stdout().lock();
    let written = match option(args, "format").unwrap_or("json") {
        "json" => serde_json::to_writer_pretty(&mut out, &build.dataset)
            .map_err(|e| e.to_string())
            .and_then(|_| writeln!(out).map_err(|e| e.to_string())),
        "csv" => out.write_all(to_csv(&build.dataset).as_bytes()).map_err(|e| e.to_string()),
        other => return Err(format!("unknown format {other:?}: use json or csv")),
    };
    written
}

/// One row per measure, UTF-8 with a byte-order mark so that spreadsheet programs read the Chinese.
pub fn to_csv(data: &Dataset) -> String {
    let header = [
        "id", "plan", "region", "no", "chapter", "focus_no", "work_item", "title", "text", "departments",
        "agencies", "themes", "first_line", "last_line", "source",
    ];
    let mut out = String::from("\u{feff}");
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for m in &data.measures {
        let plan = data.plans.iter().find(|p| p.id == m.plan);
        let row = [
            m.id.clone(),
            m.plan.clone(),
            plan.map(|p| p.region.clone()).unwrap_or_default(),
            m.no.map(|n| n.to_string()).unwrap_or_default(),
            m.chapter.clone(),
            m.focus_no.map(|n| n.to_string()).unwrap_or_default(),
            m.work_item.clone().unwrap_or_default(),
            m.title.clone().unwrap_or_default(),
            m.text.clone().unwrap_or_default(),
            departments_cell(m),
            agencies_cell(m),
            m.themes.join("; "),
            m.lines[0].to_string(),
            m.lines[1].to_string(),
            plan.map(|p| p.source.clone()).unwrap_or_default(),
        ];
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

fn departments_cell(m: &Measure) -> String {
    m.departments
        .iter()
        .map(|d| match d.role {
            Some(Role::Lead) => format!("{} (lead)", d.name),
            Some(Role::Support) => format!("{} (support)", d.name),
            None => d.name.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn agencies_cell(m: &Measure) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for d in &m.departments {
        if !seen.contains(&d.agency.as_str()) {
            seen.push(&d.agency);
        }
    }
    seen.join("; ")
}

/// Quote a cell when it holds a separator, a quote or a line break (RFC 4180).
fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Parse the seeds and write them as a bundle (docs/bundle-format.md) for the wasm build to embed.
fn write_bundle(out: &str) -> Result<(), String> {
    let bytes = plan_compare::bundle::encode(&Corpus::bundled()).map_err(|e| e.to_string())?;
    std::fs::write(out, &bytes).map_err(|e| format!("cannot write {out}: {e}"))?;
    eprintln!("wrote {out}: {} bytes", bytes.len());
    Ok(())
}

fn stats() -> Result<(), String> {
    let build = dataset::build();
    let d = &build.dataset;
    println!("plans      {}", d.plans.len());
    println!("measures   {}", d.measures.len());
    println!("targets    {}", d.targets.len());
    println!("passages   {}", d.passages.len());
    println!("unassigned {} lines", d.unassigned.len());
    println!(
        "coverage   {:.2}% of {} meaningful seed characters placed in records",
        build.ledger.coverage() * 100.0,
        build.ledger.meaningful_chars()
    );
    for (used, chars) in build.ledger.chars_by_use() {
        println!("  {:<11}{chars}", format!("{used:?}").to_lowercase());
    }
    println!();
    println!("{:<24} {:<10} {:>8} {:>7}  source", "plan", "region", "measures", "targets");
    for p in &d.plans {
        let measures = d.measures.iter().filter(|m| m.plan == p.id).count();
        let targets = d.targets.iter().filter(|t| t.plan == p.id).count();
        let source = p.source.trim_start_matches("seeds/");
        println!("{:<24} {:<10} {:>8} {:>7}  {source}", p.id, p.region, measures, targets);
    }
    for u in &d.unassigned {
        println!("unassigned {}:{}: {}", u.source, u.line, u.text);
    }
    for diag in &build.diagnostics {
        println!("note {}:{}: {}", diag.source, diag.line, diag.message);
    }
    Ok(())
}
