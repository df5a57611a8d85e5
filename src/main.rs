//! The `plan-compare` command: export the bundled dataset, print figures about it, and query it.

use plan_compare::engine::PlanMeta;
use plan_compare::model::{Dataset, Kind, Level, Measure, Role};
use plan_compare::parse::Diagnostic;
use plan_compare::query::Corpus;
use plan_compare::{cli, dataset};
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage:
  plan-compare export [--format json|csv]   print the dataset (JSON contract, or one CSV row per measure)
  plan-compare stats                        plans, measures per plan, targets, coverage, unassigned lines
  plan-compare audit [--json] [--explained FILE]
                                            records that look wrong, with seed lines; exits 1 while any
                                            finding is not explained in data/audit-explained.toml
  plan-compare search QUERY [--json] [--limit N] [--plan ID] [--theme T] [--dictionary FILE]
                                            ranked measures for Chinese or English text (English
                                            through CC-CEDICT, as the package reads it)
  plan-compare diff A B [--json] [--threshold X]
                                            align two plans' measures, departments and targets
  plan-compare themes [--matrix] [--json]   the taxonomy with measure counts, or plans × themes
  plan-compare filter [--plan ID] [--region R] [--level L] [--year Y] [--kind K] [--theme T]
                      [--focus N] [--work-item W] [--agency A] [--words W] [--limit N] [--json]
                                            measures by field (repeat or comma-separate values)
  plan-compare match TEXT [--json]          themes a free text touches
  plan-compare compare ID,ID… --theme T | --work-item W [--json]
                                            one row per plan with its measures on T or W
  plan-compare similarity [--plan ID…] [--theme T | --focus N] [--json|--csv]
                                            plans × plans share of measure text found in the other plan
  plan-compare passages A [B] [--limit N] [--theme T | --focus N] [--json|--csv]
                                            shared passages of A and B with lines; or A's own text, nearest plans
  plan-compare template [--plan ID…] [--json|--csv]
                                            template work items kept / dropped / added per provincial table
  plan-compare indicators [--plan ID…] [--work-item W] [--theme T] [--json|--csv]
                                            numbers promised in measures (不少于2次, 5家, 1000万元 …) per plan
  plan-compare corpus                       the query corpus (dataset + taxonomy + index) as JSON
  plan-compare segmentation [--json|--terms]
                                            run-time matcher vs jieba: vocabulary size and recall
  plan-compare parse FILE [--region R] [--level L] [--kind K] [--years A-B] [--json | --text]
                                            parse your own plan text as addPlan does: records,
                                            targets, unassigned lines, diagnostics (exit 0 either way);
                                            any encoding (GBK, Big5, UTF-16 …) or a saved web page, whose
                                            text --text prints (the lines records cite)
  plan-compare build [--catalog FILE | --export FILE] --out DIR [--shard-bytes N] [--fragment-bytes N] [--english-bytes N] [--dictionary FILE]
                                            parse the catalogue's documents (seeds/catalog.toml), or read
                                            records already parsed (a JSON export), index them and write a
                                            data directory (docs/data-format.md); --dictionary is CC-CEDICT
                                            (default: the one scripts/setup.sh installs)
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
        // Exit 1 (not 2) for unexplained findings, so that CI tells them from a usage error.
        Some("audit") => match audit(&args[1..]) {
            Ok(true) => return ExitCode::SUCCESS,
            Ok(false) => return ExitCode::from(1),
            Err(message) => Err(message),
        },
        Some("parse") => parse_file(&args[1..]),
        Some("bundle") => match args.get(1) {
            Some(out) => write_bundle(out),
            None => Err(USAGE.to_string()),
        },
        Some(
            cmd @ ("search" | "diff" | "themes" | "filter" | "match" | "compare" | "segmentation" | "corpus"
            | "similarity" | "passages" | "template" | "indicators"),
        ) => {
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
                "similarity" => cli::similarity(&corpus, rest),
                "passages" => cli::passages(&corpus, rest),
                "template" => cli::template(&corpus, rest),
                "indicators" => cli::indicators(&corpus, rest),
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
    // Tagged with the catalogue's taxonomy by the build, as the package's exportData() is.
    let build = dataset::build();
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
        "id",
        "plan",
        "region",
        "no",
        "chapter",
        "focus_no",
        "work_item",
        "title",
        "text",
        "departments",
        "agencies",
        "themes",
        "first_line",
        "last_line",
        "source",
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

/// Run the audit over the bundled corpus; Ok(true) when every finding is explained.
fn audit(args: &[String]) -> Result<bool, String> {
    use plan_compare::audit;
    let explanations = match option(args, "explained") {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            audit::parse_explanations(&text).map_err(|e| format!("{path}: {e}"))?
        }
        None => {
            audit::parse_explanations(audit::EXPLAINED_TOML).map_err(|e| format!("data/audit-explained.toml: {e}"))?
        }
    };
    let build = dataset::build();
    let sources: Vec<(&str, &str)> = dataset::SEEDS.iter().map(|s| (s.path, s.text)).collect();
    let report = audit::reconcile(audit::audit(&build, &sources), &explanations);
    let summary = report.summary();
    let mut out = std::io::stdout().lock();
    let written = if args.iter().any(|a| a == "--json") {
        let findings: Vec<serde_json::Value> = report
            .findings
            .iter()
            .map(|(f, e)| {
                let mut v = serde_json::to_value(f).unwrap_or_default();
                v["explained"] = e.map(|k| explanations[k].reason.clone().into()).unwrap_or_default();
                v
            })
            .collect();
        let stale: Vec<&audit::Explanation> = report.stale.iter().map(|k| &explanations[*k]).collect();
        let json = serde_json::json!({"findings": findings, "stale": stale, "summary": summary});
        serde_json::to_writer_pretty(&mut out, &json)
            .map_err(|e| e.to_string())
            .and_then(|_| writeln!(out).map_err(|e| e.to_string()))
    } else {
        write_audit_text(&mut out, &report, &explanations, &summary).map_err(|e| e.to_string())
    };
    // A closed pipe (`| head`) is not a failure of the audit.
    let _ = written;
    let all_explained = report.unexplained().next().is_none();
    Ok(all_explained)
}

fn write_audit_text(
    out: &mut impl Write,
    report: &plan_compare::audit::Report,
    explanations: &[plan_compare::audit::Explanation],
    summary: &[plan_compare::audit::CheckCount],
) -> std::io::Result<()> {
    for f in report.unexplained() {
        let who = f.measure.as_deref().unwrap_or(&f.plan);
        let at = format!("{}:{}-{}", f.source, f.lines[0], f.lines[1]);
        writeln!(out, "{:<24} {:<24} {at}  {}", f.check, who, f.message)?;
    }
    for k in &report.stale {
        let e = &explanations[*k];
        let at = e.measure.clone().or(e.line.map(|l| format!("line {l}"))).or(e.plan.clone());
        let at = at.unwrap_or_default();
        writeln!(out, "stale explanation {} {at}: matches no finding ({})", e.check, e.reason)?;
    }
    writeln!(out)?;
    writeln!(out, "{:<24} {:>6} {:>10} {:>12}", "check", "found", "explained", "unexplained")?;
    for c in summary {
        writeln!(out, "{:<24} {:>6} {:>10} {:>12}", c.check, c.found, c.explained, c.unexplained)?;
    }
    let (found, explained) = summary.iter().fold((0, 0), |(f, e), c| (f + c.found, e + c.explained));
    writeln!(out, "{:<24} {:>6} {:>10} {:>12}", "total", found, explained, found - explained)?;
    writeln!(out, "{} stale explanations", report.stale.len())
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

/// `plan-compare parse FILE …`: the parser `addPlan` uses, on a file, with what it could not place.
fn parse_file(args: &[String]) -> Result<(), String> {
    let valued = ["region", "level", "kind", "years"];
    let mut file = None;
    let mut skip = false;
    for a in args {
        if skip {
            skip = false;
        } else if let Some(name) = a.strip_prefix("--") {
            let name = name.split('=').next().unwrap_or(name);
            if !valued.contains(&name) && name != "json" && name != "text" {
                return Err(format!("parse: unknown option --{name}\n{USAGE}"));
            }
            skip = valued.contains(&name) && !a.contains('=');
        } else if file.replace(a.as_str()).is_some() {
            return Err(format!("parse: one FILE at a time\n{USAGE}"));
        }
    }
    let Some(file) = file else { return Err(format!("parse: no FILE given\n{USAGE}")) };
    let read = plan_compare::read::read_document(std::path::Path::new(file))?;
    if args.iter().any(|a| a == "--text") {
        // The text as the parser reads it: the lines its records cite.
        print!("{}", read.text);
        return Ok(());
    }
    let text = read.text;
    let region = option(args, "region").unwrap_or("").to_string();
    let mut notes = read.notes;
    let level = match option(args, "level") {
        Some(l) => Some(
            serde_json::from_value::<Level>(serde_json::json!(l))
                .map_err(|_| format!("parse: unknown level {l:?}: use national, province, city or district"))?,
        ),
        None => None,
    };
    let kind = match option(args, "kind") {
        // Accepted as printed (`five-year plan`) or with hyphens for spaces (`five-year-plan`).
        Some(k) => Some(
            [Kind::WorkPoints, Kind::FiveYearPlan, Kind::ActionPlan]
                .into_iter()
                .find(|kind| kind.as_str() == k || kind.as_str().replace(' ', "-") == k)
                .ok_or_else(|| format!("parse: unknown kind {k:?}: use work-points, five-year-plan, action-plan"))?,
        ),
        None => None,
    };
    let (year_start, year_end) = match option(args, "years") {
        Some(y) => {
            let mut parts = y.splitn(2, ['-', '–']).map(|p| p.trim().parse::<u16>());
            let bad = || format!("parse: --years {y:?}: expected YEAR or YEAR-YEAR");
            let a = parts.next().and_then(|p| p.ok()).ok_or_else(bad)?;
            let b = match parts.next() {
                Some(p) => p.map_err(|_| bad())?,
                None => a,
            };
            (Some(a), Some(b))
        }
        None => (None, None),
    };
    let source = Some(file.to_string());
    let meta = PlanMeta { region, level, kind, year_start, year_end, title: None, source };
    meta.validate().map_err(|e| format!("parse: {e}"))?;
    // What the options leave unsaid is read from the text, each reading said in a note.
    let (parsed, read) = meta.parse(file.to_string(), None, &text);
    for note in read {
        let field = note.split(' ').next().unwrap_or_default();
        notes.push(format!("{note} (pass --{field})"));
    }
    let mut dataset = parsed.dataset;
    for p in dataset.plans.iter().filter(|p| !p.region.is_empty() && p.region_en.is_empty()) {
        // Without a gazetteer entry the id is no place's (plan-2021) and may collide in a build.
        notes.push(format!(
            "region {} is not in the gazetteer, or names several places: no code or English name, id {} \
             (print its city before it, or set id and region_code in the catalogue)",
            p.region, p.id
        ));
    }
    if let Ok(taxonomy) = plan_compare::themes::Taxonomy::bundled() {
        taxonomy.tag_dataset(&mut dataset);
    }
    let coverage = parsed.ledger.coverage();
    if args.iter().any(|a| a == "--json") {
        let out = serde_json::json!({
            "plans": dataset.plans, "measures": dataset.measures, "targets": dataset.targets,
            "unassigned": dataset.unassigned, "passages": dataset.passages,
            "diagnostics": parsed.diagnostics, "coverage": coverage, "notes": notes,
        });
        let text = serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?;
        let _ = writeln!(std::io::stdout().lock(), "{text}");
        return Ok(());
    }
    let mut out = String::new();
    print_parsed(&mut out, &dataset, &parsed.diagnostics, coverage, &notes);
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    Ok(())
}

fn print_parsed(out: &mut String, d: &Dataset, diagnostics: &[Diagnostic], coverage: f64, notes: &[String]) {
    use std::fmt::Write as _;
    for p in &d.plans {
        let years = match (p.year_start, p.year_end) {
            (0, _) => "no year stated".to_string(),
            (a, b) if a == b => a.to_string(),
            (a, b) => format!("{a}-{b}"),
        };
        let _ = writeln!(out, "plan {}: {} ({}, {}, {years})", p.id, p.title, p.region, p.level.as_str());
        let number = p.doc_number.as_deref().unwrap_or("none");
        let _ = writeln!(out, "  kind {}; doc number {number}", p.kind.as_str());
    }
    for note in notes {
        let _ = writeln!(out, "note: {note}");
    }
    let _ = writeln!(out, "\n{} measures", d.measures.len());
    for m in &d.measures {
        let no = m.no.map(|n| format!("{n}. ")).unwrap_or_default();
        let _ = writeln!(out, "\n[{}] lines {}-{} · {}", m.id, m.lines[0], m.lines[1], m.chapter);
        if let Some(title) = &m.title {
            let _ = writeln!(out, "  {no}{title}");
        }
        let lead = if m.title.is_some() { String::new() } else { no };
        let _ = writeln!(out, "  {lead}{}", m.text.as_deref().unwrap_or("(no text)"));
        if !m.departments.is_empty() {
            let _ = writeln!(out, "  departments: {}", departments_cell(m));
        }
    }
    let _ = writeln!(out, "\n{} targets", d.targets.len());
    for t in &d.targets {
        let max = t.value_max.map(|v| format!("-{v}")).unwrap_or_default();
        let year = if t.year == 0 { "no year stated".to_string() } else { t.year.to_string() };
        let _ = writeln!(
            out,
            "  {}: {} {}{max} {} ({year})",
            t.indicator,
            t.qualifier.as_deref().unwrap_or(""),
            t.value,
            t.unit.as_deref().unwrap_or("")
        );
    }
    let _ = writeln!(out, "\n{} unassigned lines", d.unassigned.len());
    for u in &d.unassigned {
        let _ = writeln!(out, "  line {}: {}", u.line, u.text);
    }
    let _ = writeln!(out, "\n{} diagnostics", diagnostics.len());
    for diag in diagnostics {
        let code = serde_json::to_value(diag.code).ok();
        let code = code.as_ref().and_then(|v| v.as_str()).unwrap_or_default();
        let _ = writeln!(out, "  line {}: [{code}] {}", diag.line, diag.message);
    }
    let _ = writeln!(out, "\ncoverage {:.1}% of meaningful characters placed", coverage * 100.0);
}
