//! The parser: seed text → plans, measures, targets and passages, staged like a compiler.
//!
//! 1. [`lines`]: number the lines, repair overprinted bold, spot page numbers; [`reading`]: the
//!    copy the readers read (Simplified script, ASCII digits), cut back to the printed text at the
//!    end.
//! 2. [`prose`], [`table`] or [`grid`]: split the document into plans, then into items or table
//!    cells ([`table`]: the PDF-flattened 2018 compilation; [`grid`]: tables of any columns
//!    pasted cell by cell).
//! 3. [`departments`] and [`targets`]: read department clauses and quantified targets.
//! 4. [`parse_document`]: assemble records with ids, and account for every line in a [`Ledger`].
//!
//! [`kind`] and [`level`] read the kind of plan a title names and the level of its place, for
//! callers that were not told them (the `parse` command, `addPlan` without them).
//!
//! Every function here is pure over `&str` and never panics on any input: what it cannot place
//! is reported in `unassigned` and in [`Diagnostic`]s, with line numbers.

pub mod departments;
pub mod grid;
pub mod kind;
pub mod level;
pub mod lines;
pub mod prose;
pub mod radicals;
pub mod reading;
pub mod regions;
pub mod table;
pub mod targets;
pub mod template;

use crate::model::{Dataset, Department, Kind, Level, Measure, Passage, Plan, Target, Unassigned};
use lines::Line;
use serde::Serialize;

/// What is known about a document before it is read (from the seed catalogue or from a reader).
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentInfo {
    /// Path of the seed, e.g. `seeds/provinces-2018-work-points.txt`, or a reader's label.
    pub source: String,
    /// Region as printed, for single-plan documents; table documents name theirs in headings.
    pub region: Option<String>,
    pub level: Level,
    pub kind: Kind,
    pub year_start: Option<u16>,
    pub year_end: Option<u16>,
    /// Use this title instead of the one read from the text.
    pub title: Option<String>,
    /// Use this plan id instead of one made from region and years (further plans of the same text
    /// get `-2`, `-3` … appended).
    pub id: Option<String>,
}

/// A problem the parser noticed, with the seed line it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Diagnostic {
    pub source: String,
    /// 1-based line, or 0 for the whole document.
    pub line: u32,
    /// What kind of problem, a stable code a page can put in the reader's language.
    pub code: DiagnosticCode,
    /// The problem in English, with particulars.
    pub message: String,
}

impl Diagnostic {
    pub fn new(source: &str, line: u32, code: DiagnosticCode, message: impl Into<String>) -> Diagnostic {
        Diagnostic { source: source.to_string(), line, code, message: message.into() }
    }
}

/// Stable codes of [`Diagnostic`]s (serialised in snake_case: `too_large`, `no_plan` …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum DiagnosticCode {
    /// The document is larger than the parser reads.
    TooLarge,
    /// Neither numbered items nor a table: nothing became a measure.
    NoPlan,
    /// No numbered items: the text is kept as passages.
    NoItems,
    /// A numbered paragraph that did not become a measure (kept as a passage).
    NumberedNotItem,
    /// A paragraph under a heading that did not become a measure (kept as a passage).
    ParagraphNotItem,
    /// Lines of a web page around the document (navigation, share buttons, the site's own lists).
    PageFurniture,
    /// A table without a heading whose region could not be told.
    UnknownRegion,
    /// The theme taxonomy did not load.
    Taxonomy,
    /// A department name that is no known body and does not end like one: cells or clauses may
    /// have run together.
    UnknownDepartment,
    /// A table row with a department column but no department, or no text: its cells may be
    /// mixed up with the next row's.
    IncompleteRow,
    /// A report on past work printed before the plan (…工作总结 before …工作要点): kept as
    /// passages, not measures.
    ReportNotPlan,
}

/// What became of each piece of each seed line, for coverage figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Use {
    /// Blank line.
    Blank,
    /// Page number, repeated table header, overprinted duplicate: no content.
    Noise,
    /// Plan metadata: title, document number, region heading.
    Meta,
    /// A heading carried by the records under it (chapter, focus area).
    Heading,
    Measure,
    Target,
    Passage,
    /// Meaningful text that no record took.
    Unassigned,
}

/// Line-by-line account of what the parser did with a source.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Ledger {
    /// (source, line, characters, use), one entry per piece of a line.
    pub entries: Vec<(String, u32, usize, Use)>,
}

impl Ledger {
    pub fn record(&mut self, source: &str, line: u32, text: &str, used: Use) {
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        self.entries.push((source.to_string(), line, chars, used));
    }

    /// Characters of meaningful text (not blank, not noise).
    pub fn meaningful_chars(&self) -> usize {
        self.entries.iter().filter(|e| !matches!(e.3, Use::Blank | Use::Noise)).map(|e| e.2).sum()
    }

    /// Characters placed in a record.
    pub fn placed_chars(&self) -> usize {
        self.entries.iter().filter(|e| !matches!(e.3, Use::Blank | Use::Noise | Use::Unassigned)).map(|e| e.2).sum()
    }

    /// Share of meaningful characters placed in records, 0–1 (1 for a document with none).
    pub fn coverage(&self) -> f64 {
        let total = self.meaningful_chars();
        if total == 0 {
            1.0
        } else {
            self.placed_chars() as f64 / total as f64
        }
    }

    /// Characters per use, for `plan-compare stats`.
    pub fn chars_by_use(&self) -> Vec<(Use, usize)> {
        let order = [Use::Measure, Use::Target, Use::Heading, Use::Meta, Use::Passage, Use::Noise, Use::Unassigned];
        order.iter().map(|u| (*u, self.entries.iter().filter(|e| e.3 == *u).map(|e| e.2).sum())).collect()
    }
}

/// A plan as a shape parser produced it, before ids are given.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlanDraft {
    pub region: String,
    pub title: String,
    pub doc_number: Option<String>,
    pub year_start: Option<u16>,
    pub year_end: Option<u16>,
    pub measures: Vec<MeasureDraft>,
    pub targets: Vec<TargetDraft>,
    pub passages: Vec<PassageDraft>,
}

/// A measure before it has ids and themes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MeasureDraft {
    pub no: Option<u32>,
    pub chapter: String,
    pub focus_no: Option<u8>,
    pub work_item: Option<String>,
    pub title: Option<String>,
    pub text: Option<String>,
    pub departments: Vec<Department>,
    pub lines: [u32; 2],
}

/// A target before it names its plan.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetDraft {
    pub indicator: String,
    pub value: f64,
    pub value_max: Option<f64>,
    pub unit: Option<String>,
    pub qualifier: Option<String>,
    pub year: u16,
    pub text: String,
}

/// A passage before it names its plan.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PassageDraft {
    pub heading: Option<String>,
    pub text: String,
    pub lines: [u32; 2],
    /// Under a chapter of aims whose sub-heading says what, not 目标 (二、工作目标 / （一）品牌数量
    /// 明显提高): its sentences are goals all the same.
    pub aims: bool,
}

/// What a shape parser returns for one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentDraft {
    pub plans: Vec<PlanDraft>,
    pub unassigned: Vec<Unassigned>,
    pub diagnostics: Vec<Diagnostic>,
    pub ledger: Ledger,
}

/// The parsed form of one document: records in the contract's shape plus the account of lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedDocument {
    pub dataset: Dataset,
    pub diagnostics: Vec<Diagnostic>,
    pub ledger: Ledger,
}

/// The largest document the parser reads (bigger input is refused with a diagnostic).
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// Parse one document. The PDF-flattened 2018 provincial compilation goes to [`table`], other
/// tables (read by their column names) to [`grid`], everything else to [`prose`]. Never panics.
pub fn parse_document(info: &DocumentInfo, text: &str) -> ParsedDocument {
    let mut draft = if text.len() > MAX_DOCUMENT_BYTES {
        DocumentDraft {
            diagnostics: vec![Diagnostic::new(
                &info.source,
                0,
                DiagnosticCode::TooLarge,
                format!("document is {} bytes; the parser reads at most {} bytes", text.len(), MAX_DOCUMENT_BYTES),
            )],
            ..Default::default()
        }
    } else {
        // First stage: a PDF's radicals are read as the ideographs they print, what some pages add
        // to the text (pinyin after characters, a scraper's @@ between words) goes, and table rows
        // drawn with bars become the tab-separated cells the table reader takes.
        let ideographs = radicals::as_ideographs(text);
        let without_marks = lines::without_word_marks(&ideographs);
        let without_pinyin = lines::without_pinyin(&without_marks);
        let printed: &str = &lines::bar_rows_as_tabs(&without_pinyin);
        // The readers read a copy in one script and with ASCII digits; records cite the printed text.
        let reading = reading::reading_copy(printed);
        let text = reading.as_deref().unwrap_or(printed);
        let lines = lines::split_lines(text);
        // Which parser reads the document, decided by its first table header:
        // - the 2018 compilation's five columns (责任部门 and the 003 words) printed on one line
        //   with spaces: the PDF-flattened compilation -> `table` (if it reads a plan);
        // - any other header of known column names (tab-separated, one cell per line, split over
        //   lines, other columns, or the 2018 layout without a region heading) -> `grid`;
        // - no table (or a header with nothing under it) -> `prose`.
        let raw: Vec<&str> = text.split('\n').collect();
        let flattened_2018 = table::looks_like_table_document(&lines)
            && grid::first_header(&lines, &raw).is_none_or(|h| h.is_compilation_layout());
        let compilation = if flattened_2018 { Some(table::parse(info, &lines)) } else { None };
        let mut draft = match compilation {
            Some(draft) if !draft.plans.is_empty() => draft,
            _ => match grid::parse(info, text, &lines) {
                Some(table) => prose_with_table(info, &lines, &raw).unwrap_or(table),
                None => prose::parse(info, &lines),
            },
        };
        if reading.is_some() {
            reading::AsPrinted::new(&lines::split_lines(printed), &lines).restore(&mut draft);
        }
        draft
    };
    if draft.plans.is_empty() && draft.diagnostics.is_empty() {
        draft.diagnostics.push(Diagnostic::new(
            &info.source,
            0,
            DiagnosticCode::NoPlan,
            "no plan found: the text has no numbered items and no table",
        ));
    }
    report_unknown_departments(&info.source, &mut draft);
    assemble(info, draft)
}

/// A plan in prose with its tasks given again as a table after it (附件：重点任务分工表): the text
/// above the table is read as prose and the table by [`grid`], each with the other's lines left
/// blank, and the two are joined as one plan (the prose's title, region and years; its measures,
/// then the table's rows). `None` when the text above the table holds no plan of its own, with a
/// title and numbered items (a table's title, a notice sending it, the cells of a table cut off
/// above): the table reader reads the whole text.
fn prose_with_table(info: &DocumentInfo, lines: &[Line], raw: &[&str]) -> Option<DocumentDraft> {
    let header = grid::first_header(lines, raw)?;
    let split = attachment_start(lines, header.start);
    let part = |keep: &dyn Fn(usize) -> bool| -> Vec<Line> {
        let blank = |l: &Line| Line { no: l.no, text: String::new() };
        lines.iter().enumerate().map(|(i, l)| if keep(i) { l.clone() } else { blank(l) }).collect()
    };
    let prose_lines = part(&|i| i < split);
    let prose = prose::parse(info, &prose_lines);
    // A plan: a title and numbered items (cells of a table cut off above, an excerpt, have neither).
    let titled = prose.plans.iter().any(|p| !p.title.is_empty());
    if !titled || prose.plans.iter().map(|p| p.measures.len()).sum::<usize>() < 2 {
        return None;
    }
    let table_lines = part(&|i| i >= split);
    let table_raw: Vec<&str> = raw.iter().enumerate().map(|(i, r)| if i >= split { *r } else { "" }).collect();
    let table = grid::parse(info, &table_raw.join("\n"), &table_lines)?;
    if table.plans.iter().all(|p| p.measures.is_empty()) {
        return None;
    }
    let first_table_line = lines.get(split).map_or(u32::MAX, |l| l.no);
    let mut ledger = Ledger::default();
    ledger.entries.extend(prose.ledger.entries.into_iter().filter(|e| e.1 < first_table_line));
    ledger.entries.extend(table.ledger.entries.into_iter().filter(|e| e.1 >= first_table_line));
    let mut plans = prose.plans;
    let mut table_plans = table.plans;
    if let ([plan], [rows]) = (plans.as_mut_slice(), table_plans.as_mut_slice()) {
        // A row outside any section of the table is under the table's title (重点任务分工表).
        let title = match rows.title.split_once(['：', ':']) {
            Some((label, title)) if prose::is_attachment_label(label) => title,
            _ => &rows.title,
        };
        for m in rows.measures.iter_mut().filter(|m| m.chapter.is_empty()) {
            m.chapter = title.to_string();
        }
        plan.measures.append(&mut rows.measures);
        plan.targets.append(&mut rows.targets);
        plan.passages.append(&mut rows.passages);
        plan.doc_number = plan.doc_number.take().or(rows.doc_number.take());
        plan.year_start = plan.year_start.or(rows.year_start);
        plan.year_end = plan.year_end.or(rows.year_end);
    } else {
        plans.append(&mut table_plans);
    }
    let mut unassigned = prose.unassigned;
    unassigned.extend(table.unassigned);
    unassigned.sort_by_key(|u| u.line);
    let mut diagnostics = prose.diagnostics;
    diagnostics.extend(table.diagnostics);
    Some(DocumentDraft { plans, unassigned, diagnostics, ledger })
}

/// Where the table part of a document begins: its header, or the title and 附件 label lines just
/// above it (short lines that are no sentence and no numbered item), blank lines between; a
/// chapter heading right above them (四、任务分工) names the table's rows, so it goes with them.
fn attachment_start(lines: &[Line], header_start: usize) -> usize {
    let mut start = header_start;
    for i in (0..header_start).rev() {
        let t = lines[i].text.trim();
        if t.is_empty() {
            continue;
        }
        if header_start - i > 6 || t.chars().count() > 40 || t.contains(['。', '；', ';']) {
            break;
        }
        match prose::marker(t) {
            None => start = i,
            Some(m) if m.depth != prose::Depth::Item && m.depth != prose::Depth::Sub => return i,
            Some(_) => break,
        }
    }
    start
}

/// A record is only as good as its department names: one that names no body (`一类省份必做`, a
/// cut `局`) means cells or clauses ran together, and the reader is told so with the line.
fn report_unknown_departments(source: &str, draft: &mut DocumentDraft) {
    for m in draft.plans.iter().flat_map(|p| &p.measures) {
        for d in m.departments.iter().filter(|d| is_unknown_body(d)) {
            draft.diagnostics.push(Diagnostic::new(
                source,
                m.lines[0],
                DiagnosticCode::UnknownDepartment,
                format!(
                    "department \"{}\" is no known body and does not end like one; check lines {}-{}",
                    d.name, m.lines[0], m.lines[1]
                ),
            ));
        }
    }
}

/// A department name that is no body: a name the agency table knows (市妇联, 省高法) is a body
/// whatever its ending; an unknown one must end like a body and read like a name, not a sentence
/// (…信息进行) or a cut piece (局).
pub(crate) fn is_unknown_body(d: &Department) -> bool {
    let chars = d.name.chars().count();
    let sentence_like = chars > 15 || d.name.contains(['：', ':', ',', '，', '。', '；']);
    let known = d.agency != crate::agency::OTHER || (crate::agency::looks_like_body(&d.name) && !sentence_like);
    chars < 2 || !known
}

/// Give plans and measures their ids and turn drafts into contract records.
fn assemble(info: &DocumentInfo, draft: DocumentDraft) -> ParsedDocument {
    let mut dataset = Dataset { unassigned: draft.unassigned, ..Default::default() };
    for (n, plan) in draft.plans.into_iter().enumerate() {
        let region = regions::find(&plan.region);
        let year_start = info.year_start.or(plan.year_start).unwrap_or(0);
        let year_end = info.year_end.or(plan.year_end).unwrap_or(year_start);
        let id = match &info.id {
            Some(id) if n == 0 => id.clone(),
            // A given id must stay unique when the text holds several plans (a table of regions).
            Some(id) => format!("{id}-{}", n + 1),
            None => plan_id(region.map(|r| r.slug.to_string()), &plan.region, year_start, year_end),
        };
        for (k, m) in plan.measures.into_iter().enumerate() {
            dataset.measures.push(Measure {
                id: format!("{}-{:03}", id, k + 1),
                plan: id.clone(),
                no: m.no,
                chapter: m.chapter,
                focus_no: m.focus_no,
                work_item: m.work_item,
                title: m.title,
                text: m.text,
                departments: m.departments,
                themes: Vec::new(),
                lines: m.lines,
            });
        }
        // A figure dated before the plan's first year states where it starts, not a goal
        // (至2023年年底，…分别达19.6件 in a plan for 2024—2026).
        let before_the_plan = |t: &TargetDraft| year_start > 0 && t.year > 0 && t.year < year_start;
        for t in plan.targets.into_iter().filter(|t| !before_the_plan(t)) {
            dataset.targets.push(Target {
                plan: id.clone(),
                indicator: t.indicator,
                value: t.value,
                value_max: t.value_max,
                unit: t.unit,
                qualifier: t.qualifier,
                year: t.year,
                text: t.text,
            });
        }
        for p in plan.passages {
            dataset.passages.push(Passage { plan: id.clone(), heading: p.heading, text: p.text, lines: p.lines });
        }
        dataset.plans.push(Plan {
            id,
            region_code: region.and_then(|r| r.code.map(str::to_string)),
            region_en: region.map(|r| r.en.to_string()).unwrap_or_default(),
            region: plan.region,
            level: info.level,
            kind: info.kind,
            year_start,
            year_end,
            title: info.title.clone().unwrap_or(plan.title),
            doc_number: plan.doc_number,
            source: info.source.clone(),
        });
    }
    ParsedDocument { dataset, diagnostics: draft.diagnostics, ledger: draft.ledger }
}

/// `beijing-2018`, `shantou-2016-2020`; a region without a slug falls back to a hash-free
/// transliteration-less form (`plan-2018`) that callers can override.
fn plan_id(slug: Option<String>, region: &str, year_start: u16, year_end: u16) -> String {
    let base = slug.unwrap_or_else(|| {
        let s = regions::slugify(region);
        if s.is_empty() {
            "plan".to_string()
        } else {
            s
        }
    });
    match (year_start, year_end) {
        (0, _) => base,
        (a, b) if a == b => format!("{base}-{a}"),
        (a, b) => format!("{base}-{a}-{b}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn department(name: &str) -> Department {
        Department { name: name.into(), role: None, agency: crate::agency::canonical_agency(name).into() }
    }

    #[test]
    fn department_names_that_are_no_body() {
        for name in ["市知识产权局", "条法司", "市妇联", "省高法", "各区政府"] {
            assert!(!is_unknown_body(&department(name)), "{name}");
        }
        for name in ["局", "一类省份必做", "将所有符合规定的行政处罚案件信息进行", "管理司省份：强省试点省"]
        {
            assert!(is_unknown_body(&department(name)), "{name}");
        }
    }

    fn lines_of(text: &str) -> Vec<Line> {
        lines::split_lines(text)
    }

    #[test]
    fn a_table_begins_at_its_label_title_or_chapter_heading() {
        // 附件 and the table's title above the header go with the table.
        let lines = lines_of("（三）推进专利质押融资。\n\n附件\n重点任务分工表\n序号\t任务\t牵头单位\n");
        assert_eq!(attachment_start(&lines, 4), 2);
        // A chapter heading over the table names its rows; the items above it are the prose's.
        let lines = lines_of("（三）推进专利质押融资。\n四、任务分工\n序号\t任务\t牵头单位\n");
        assert_eq!(attachment_start(&lines, 2), 1);
        // A sentence or an item right above the header: the table begins at its header.
        let lines = lines_of("各部门按照职责分工抓好落实。\n序号\t任务\t牵头单位\n");
        assert_eq!(attachment_start(&lines, 1), 1);
        let lines = lines_of("1. 推进专利质押融资\n序号\t任务\t牵头单位\n");
        assert_eq!(attachment_start(&lines, 1), 1);
    }

    #[test]
    fn a_table_after_a_plan_of_few_items_or_none_is_read_alone() {
        // Only the table's label and title above it: the table reader reads the whole text.
        let text = "附件\n某某区重点任务分工表\n序号\t任务\t牵头单位\n1\t开展执法行动\t区市场监管局\n";
        let lines = lines_of(text);
        let raw: Vec<&str> = text.split('\n').collect();
        let info = DocumentInfo {
            source: "t".into(),
            region: None,
            level: Level::District,
            kind: Kind::WorkPoints,
            year_start: None,
            year_end: None,
            title: None,
            id: None,
        };
        assert!(prose_with_table(&info, &lines, &raw).is_none());
    }
}
