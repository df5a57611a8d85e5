//! Stage 2 for table documents: the 2018 compilation of provincial work points, one table per unit.
//!
//! PDF extraction flattened each table into lines: a cell wraps over several lines, several cells
//! can share one line (separated by spaces), page breaks repeat the header and print a page
//! number, and a row's open cells continue after the break in column order. The parser
//! reconstructs rows with a small state machine over the pieces of each line, guided by
//! - the column widths of the unit (a line that fills its column means the cell goes on),
//! - the national template ([`super::template`]): focus areas and work items whose wording most
//!   tables repeat, so a work-item cell broken over lines is recognised by its beginning,
//! - what cells look like: measures end with 。, department cells are lists of bodies and never
//!   open with a verb, work items and measures do,
//! - the table's structure: cells run left to right on a line, a department cell closes its row
//!   (so a measure paragraph without one belongs to a neighbouring row of the same work item), a
//!   work-item cell may span several rows, and a page break continues the open cells.
//!
//! A unit's title and year are those its heading prints; a table without a heading takes them from
//! what is known about the document, or has no year.

use super::departments::parse_departments;
use super::lines::{is_page_number, normalise, width, Line};
use super::regions::{self, Region};
use super::template;
use super::{Diagnostic, DiagnosticCode, DocumentDraft, DocumentInfo, Ledger, MeasureDraft, PlanDraft, Use};
use crate::agency::looks_like_body;
use crate::model::Unassigned;

/// Words of the repeated table header (also split over lines or renamed between units).
const HEADER_WORDS: &[&str] = &[
    "具体举措及成果形式",
    "具体措施及成果形式",
    "具体措施和成果形式",
    "具体举措和成果形式",
    "具体举措及",
    "具体措施及",
    "具体举措",
    "具体措施",
    "具体任务及成果形式",
    "具体任务和成果形式",
    "具体任务及",
    "具体任务",
    "成果形式",
    "工作重点",
    "重点工作",
    "工作内容",
    "责任部门",
    "责任单位",
    "牵头单位",
    "序号",
    "序",
    "号",
];

/// Is this line (part of) the repeated table header?
pub fn is_header_line(text: &str) -> bool {
    let mut rest = normalise(text);
    if rest.is_empty() {
        return false;
    }
    'strip: while !rest.is_empty() {
        for w in HEADER_WORDS {
            if let Some(r) = rest.strip_prefix(w) {
                rest = r.to_string();
                continue 'strip;
            }
        }
        return false;
    }
    true
}

/// A document is a table document when its first lines carry the table header.
pub fn looks_like_table_document(lines: &[Line]) -> bool {
    lines.iter().take(200).any(|l| is_header_line(&l.text) && l.text.contains("责任部门"))
}

/// One provincial table: its region and the range of lines it covers.
#[derive(Debug, Clone)]
struct Unit {
    region: String,
    /// The line that names the unit (`北京市 2018年工作要点`), when the seed prints one.
    heading: Option<usize>,
    start: usize,
    end: usize,
}

/// `北京市 2018年工作要点` → the region, when the line is a unit heading.
fn unit_heading(text: &str) -> Option<&'static Region> {
    let t = normalise(text);
    if t.chars().count() > 20 || !t.ends_with("工作要点") {
        return None;
    }
    regions::province_prefix(&t)
}

/// `北京市2018年工作要点` → 2018: the four digits before 年 in a unit heading.
fn heading_year(heading: &str) -> Option<u16> {
    let chars: Vec<char> = heading.chars().collect();
    let at = chars.iter().position(|c| *c == '年')?;
    let digits: String = chars.get(at.checked_sub(4)?..at)?.iter().collect();
    digits.parse::<u16>().ok().filter(|_| digits.chars().all(|c| c.is_ascii_digit()))
}

fn find_units(lines: &[Line]) -> Vec<Unit> {
    let headings: Vec<(usize, &'static Region)> =
        lines.iter().enumerate().filter_map(|(i, l)| unit_heading(&l.text).map(|r| (i, r))).collect();
    let mut units = Vec::new();
    for (k, (i, region)) in headings.iter().enumerate() {
        let end = headings.get(k + 1).map(|h| h.0).unwrap_or(lines.len());
        units.push(Unit { region: region.name.to_string(), heading: Some(*i), start: i + 1, end });
    }
    units
}

/// A unit with no heading of its own starts where a table restarts at focus area 1 after a
/// header, within another unit's range. Split such units off and name them by the province the
/// text mentions most (among provinces that have no table yet).
fn split_headless_units(
    lines: &[Line],
    units: Vec<Unit>,
    diagnostics: &mut Vec<Diagnostic>,
    source: &str,
) -> Vec<Unit> {
    let named: Vec<String> = units.iter().map(|u| u.region.clone()).collect();
    let mut out = Vec::new();
    for unit in units {
        let mut seen_late_focus = false;
        let mut split_at = None;
        let mut i = unit.start;
        while i < unit.end {
            if let Some((n, _)) = focus_number(lines, i, unit.end) {
                if n >= 5 {
                    seen_late_focus = true;
                } else if n == 1 && seen_late_focus && previous_content_is_header(lines, i, unit.start) {
                    split_at = Some(header_start(lines, i, unit.start));
                    break;
                }
            }
            i += 1;
        }
        match split_at {
            Some(at) => {
                let region = most_mentioned_province(lines, at, unit.end, &named);
                let name = match region {
                    Some(r) => r.name.to_string(),
                    None => {
                        diagnostics.push(Diagnostic::new(
                            source,
                            lines[at].no,
                            DiagnosticCode::UnknownRegion,
                            "a table without a heading starts here; its region could not be told",
                        ));
                        "未知地区".to_string()
                    }
                };
                let end = unit.end;
                out.push(Unit { end: at, ..unit });
                out.push(Unit { region: name, heading: None, start: at, end });
            }
            None => out.push(unit),
        }
    }
    out
}

fn previous_content_is_header(lines: &[Line], i: usize, floor: usize) -> bool {
    (floor..i).rev().map(|j| &lines[j]).find(|l| !l.text.is_empty()).map(|l| is_header_line(&l.text)).unwrap_or(false)
}

/// First line of the header block that ends just before line `i`.
fn header_start(lines: &[Line], i: usize, floor: usize) -> usize {
    let mut at = i;
    for j in (floor..i).rev() {
        let t = &lines[j].text;
        if t.is_empty() || is_header_line(t) || is_page_number(t) {
            if !t.is_empty() {
                at = j;
            }
        } else {
            break;
        }
    }
    at
}

fn most_mentioned_province(lines: &[Line], from: usize, to: usize, named: &[String]) -> Option<&'static Region> {
    let text: String = lines[from..to].iter().map(|l| normalise(&l.text)).collect();
    regions::provinces()
        .filter(|r| !named.iter().any(|n| n == r.name))
        .map(|r| (text.matches(r.short).count(), r))
        .filter(|(n, _)| *n > 0)
        .max_by_key(|(n, _)| *n)
        .map(|(_, r)| r)
}

/// `1`, `2.`, `6、` at the start of line `i` followed by the text of a focus area (on the same
/// line or the next lines): the printed focus number and the rest of the line.
fn focus_number(lines: &[Line], i: usize, end: usize) -> Option<(u8, String)> {
    let text = lines[i].text.as_str();
    let mut chars = text.chars();
    let digit = chars.next()?;
    if !('1'..='6').contains(&digit) {
        return None;
    }
    let after = chars.as_str();
    if after.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let rest = after.trim_start_matches(['.', '、', '．']).trim();
    let next_text = if rest.is_empty() {
        // The focus text may sit below blank lines, a repeated header or a stray mark (6 / 、 / 加强…).
        let skipped = |t: &str| t.is_empty() || is_header_line(t) || is_stray_mark(t);
        let j = (i + 1..end).find(|&j| !skipped(&lines[j].text))?;
        split_pieces(&lines[j].text).first()?.0.clone()
    } else {
        split_pieces(rest).first()?.0.clone()
    };
    let k = template::key(&next_text);
    let n = digit as u8 - b'0';
    (k.chars().count() >= 2 && template::focus_of_text(&next_text, true).is_some()).then(|| (n, rest.to_string()))
}

/// Split a line into the cells it carries. Cells are separated by spaces; a space next to ASCII
/// text, after a comma or before an opening quote lies inside one cell.
pub fn split_pieces(text: &str) -> Vec<(String, f32)> {
    let chars: Vec<char> = text.chars().collect();
    let mut pieces: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            let mut j = i;
            while j < chars.len() && chars[j].is_whitespace() {
                j += 1;
            }
            let before = current.chars().last();
            let after = chars.get(j).copied();
            let inside = match (before, after) {
                (Some(b), Some(a)) => {
                    b.is_ascii_alphanumeric()
                        || a.is_ascii_alphanumeric()
                        || "，、“《（(".contains(b)
                        || ("，、”》）)".contains(a))
                        || ("“《".contains(a) && !"。；".contains(b))
                }
                _ => false,
            };
            if inside {
                current.push(' ');
            } else if !current.is_empty() {
                pieces.push(std::mem::take(&mut current));
            }
            i = j;
            continue;
        }
        current.push(chars[i]);
        i += 1;
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    pieces
        .into_iter()
        .map(|p| {
            let w = width(&p);
            (p, w)
        })
        .collect()
}

/// A space after ，or 、 usually lies inside a cell, but a piece wider than the measure column
/// must span two cells (增加知识产权信息服务网点， 在版权资源聚集区…): split it at the inner space
/// that leaves both sides narrow enough for a column.
fn split_overwide(pieces: Vec<(String, f32)>, w: &Widths) -> Vec<(String, f32)> {
    let mut out = Vec::with_capacity(pieces.len());
    for (text, width) in pieces {
        if width <= w.measure + 2.0 || !text.contains(' ') {
            out.push((text, width));
            continue;
        }
        let fits = |s: &str| super::lines::width(s) <= w.measure + 3.0;
        // Only a space after ，or 、 can hide a cell boundary; one side must look like a cell of
        // its own (a work item on the left, a department list on the right).
        let split = text.match_indices(' ').map(|(i, _)| i).find(|&i| {
            let (left, right) = (text[..i].trim_end(), text[i + 1..].trim_start());
            left.ends_with(['，', '、'])
                && fits(left)
                && fits(right)
                && (starts_work_item_loosely(left) || dept_like(right) || dept_list(right))
        });
        match split {
            Some(i) => {
                for part in [text[..i].trim_end(), text[i + 1..].trim_start()] {
                    out.push((part.to_string(), super::lines::width(part)));
                }
            }
            None => out.push((text, width)),
        }
    }
    out
}

/// Column widths of one unit's table, in characters (ASCII counts half).
#[derive(Debug, Clone, Copy)]
struct Widths {
    work: f32,
    measure: f32,
    dept: f32,
}

/// Estimate column widths. The measure column is the widest: most lines are its full lines.
/// The work-item column is measured on lines that begin a template work item without ending it
/// (full lines by construction), the department column on lines that list bodies; a histogram
/// peak stands in where a table gives too few of those.
fn estimate_widths(lines: &[Line], unit: &Unit) -> Widths {
    let mut counts = [0usize; 64];
    let mut work_full: Vec<f32> = Vec::new();
    let mut dept_lines: Vec<f32> = Vec::new();
    for l in &lines[unit.start..unit.end] {
        if is_header_line(&l.text) || is_page_number(&l.text) {
            continue;
        }
        let pieces = split_pieces(&l.text);
        let mut template_start = false;
        for (k, (text, w)) in pieces.iter().enumerate() {
            if k == 0 && template::work_item_match(text, true).is_some() && template::key(text).chars().count() >= 6 {
                work_full.push(*w);
                template_start = true;
            }
            if k + 1 == pieces.len() && dept_list(text) {
                dept_lines.push(*w);
            }
        }
        // Work-item lines stay out of the histogram: some tables print that column wider.
        if pieces.len() == 1 && !template_start {
            let w = pieces[0].1.round() as usize;
            if w < counts.len() {
                counts[w] += 1;
            }
        }
    }
    // The measure column: the commonest width among the widest lines (its full lines).
    let widest = (0..counts.len()).rev().find(|&w| counts[w] > 0).unwrap_or(33);
    let floor = widest * 3 / 4;
    let measure = (floor..=widest).rev().max_by_key(|&w| counts[w]).filter(|&w| counts[w] > 0).unwrap_or(33);
    let peak = |lo: usize, hi: usize, fallback: usize| {
        (lo..=hi.min(63)).rev().max_by_key(|&w| counts[w]).filter(|&w| counts[w] > 0).unwrap_or(fallback)
    };
    let work = match median(&mut work_full) {
        Some(w) if work_full.len() >= 3 => w,
        _ => peak(9, (measure as f32 * 0.7) as usize, 12) as f32,
    };
    // Department lines: most are full lines of the column, some are short last lines.
    let dept = match percentile(&mut dept_lines, 0.8) {
        Some(w) if dept_lines.len() >= 3 => w,
        _ => peak(5, (work as usize).saturating_sub(2), 8) as f32,
    };
    Widths { work, measure: measure as f32, dept }
}

fn median(values: &mut [f32]) -> Option<f32> {
    percentile(values, 0.5)
}

fn percentile(values: &mut [f32], share: f32) -> Option<f32> {
    values.sort_by(|a, b| a.total_cmp(b));
    let k = ((values.len() as f32 * share) as usize).min(values.len().saturating_sub(1));
    values.get(k).copied()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Col {
    Work,
    Measure,
    Dept,
}

/// A piece of a cell: the line it came from and its text.
#[derive(Debug, Clone)]
struct Frag {
    line: usize,
    text: String,
    width: f32,
}

#[derive(Debug, Clone, Default)]
struct Row {
    work: Vec<Frag>,
    measure: Vec<Frag>,
    dept: Vec<Frag>,
    /// The work item of the row above, for a measure row whose work-item cell spans rows.
    inherited_work: Option<String>,
    focus_no: Option<u8>,
    /// Index of the row's focus cell in the unit's list of focus cells (whose text may still
    /// grow after the row: a focus cell can be split by a page break).
    focus_cell: Option<usize>,
    /// The column of the last piece added.
    last_col: Option<Col>,
    /// A page break fell inside the row: its open cells continue after the header.
    broken: bool,
    /// The row began right below a page break.
    began_after_break: bool,
}

impl Row {
    fn is_empty(&self) -> bool {
        self.work.is_empty() && self.measure.is_empty() && self.dept.is_empty()
    }
    fn work_text(&self) -> String {
        join(&self.work)
    }
}

fn join(frags: &[Frag]) -> String {
    normalise(&frags.iter().map(|f| f.text.as_str()).collect::<Vec<_>>().join(" "))
}

const ROLE_WORDS: &[&str] = &["牵头", "配合", "负责", "会同", "参与", "部门", "单位"];

/// Does a piece look like (part of) a department cell?
fn dept_like(text: &str) -> bool {
    let t = normalise(text);
    if t.is_empty() || t.ends_with('。') || t.contains('。') {
        return false;
    }
    ROLE_WORDS.iter().any(|w| t.contains(w))
        || t.ends_with(['、', '，', ','])
        || t.split(['、', '，', ',', '；', '：']).any(|part| !part.is_empty() && looks_like_body(part))
}

/// Is a piece a list of bodies (市知识产权局、市工商局、市), whatever its width?
fn dept_list(text: &str) -> bool {
    let t = normalise(text);
    if t.is_empty() || t.contains('。') {
        return false;
    }
    let parts: Vec<&str> = t.split(['、', '，', ',', '；']).collect();
    let complete = &parts[..parts.len() - 1];
    let bodies = parts.iter().filter(|p| looks_like_body(p)).count();
    // No body's name opens with a verb (建立商标品牌培育指导站 is a measure).
    let verb = parts.iter().any(|p| starts_with_work_verb(p));
    bodies >= 1
        && !verb
        && complete.iter().all(|p| looks_like_body(p) || ROLE_WORDS.iter().any(|w| p.contains(w)))
        && (parts.len() > 1 || t.chars().count() <= 12)
}

/// Does the text so far of a department cell end mid-list (so the cell goes on)?
fn dept_open(last: &str) -> bool {
    let t = normalise(last);
    t.ends_with(['、', '，', ',', '：', '；', '（', '(', '配', '相', '及', '和', '与', '市', '省', '区'])
        || ["配合部", "责任部", "配合部门", "责任部门", "牵头部门"].iter().any(|w| t.ends_with(w))
        || t.matches(['（', '(']).count() > t.matches(['）', ')']).count()
}

/// How a piece would continue the work-item cell `acc`, if it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WorkContinuation {
    /// The template says so: `acc` + piece is (the beginning of) a template work item.
    Template,
    /// The last line filled the column and the piece fits in it.
    Width,
}

fn work_continues(acc: &str, last: &Frag, piece: &(String, f32), w: &Widths) -> Option<WorkContinuation> {
    if template::work_item_match(acc, true).is_some() {
        let joined = format!("{acc}{}", normalise(&piece.0));
        if template::work_item_match(&joined, true).is_some() || template::work_item_match(&joined, false).is_some() {
            return Some(WorkContinuation::Template);
        }
        // A table may reword the template mid-cell (注重考察 for 注重): widths decide then.
    }
    if template::work_item_match(acc, false).is_some() {
        return None;
    }
    // Work-item lines wrap at slightly different widths (punctuation may not start a line).
    (last.width >= w.work - 1.5 && piece.1 <= w.work + 2.5 && !piece.0.contains('。'))
        .then_some(WorkContinuation::Width)
}

/// Parse a table document into one plan per unit.
pub fn parse(info: &DocumentInfo, lines: &[Line]) -> DocumentDraft {
    let source = info.source.as_str();
    let mut diagnostics = Vec::new();
    let mut units = find_units(lines);
    if units.is_empty() {
        // A table that names no unit in a heading is one unit: the region given with the
        // document, or the province its text names most.
        let region = info
            .region
            .clone()
            .or_else(|| most_mentioned_province(lines, 0, lines.len(), &[]).map(|r| r.name.to_string()));
        let region = region.unwrap_or_else(|| {
            diagnostics.push(Diagnostic::new(
                source,
                0,
                DiagnosticCode::UnknownRegion,
                "the table has no heading and names no province; its region could not be told",
            ));
            "未知地区".to_string()
        });
        units.push(Unit { region, heading: None, start: 0, end: lines.len() });
    }
    let units = split_headless_units(lines, units, &mut diagnostics, source);
    let mut ledger = Ledger::default();
    let mut unassigned = Vec::new();
    let mut plans = Vec::new();

    // Lines before the first unit (a cover page) are kept as unassigned if they say anything.
    let first = units.first().map(|u| u.heading.unwrap_or(u.start)).unwrap_or(lines.len());
    for l in &lines[..first] {
        note_loose_line(l, source, &mut ledger, &mut unassigned);
    }
    for unit in &units {
        if let Some(h) = unit.heading {
            ledger.record(source, lines[h].no, &lines[h].text, Use::Meta);
        }
        // Every piece of a table line lands in a row, so a unit leaves nothing unassigned.
        plans.push(parse_unit(lines, unit, &mut ledger, source, info.year_start));
    }
    DocumentDraft { plans, unassigned, diagnostics, ledger }
}

fn note_loose_line(l: &Line, source: &str, ledger: &mut Ledger, unassigned: &mut Vec<Unassigned>) {
    if l.text.is_empty() {
        ledger.record(source, l.no, "", Use::Blank);
    } else if is_page_number(&l.text) || is_header_line(&l.text) {
        ledger.record(source, l.no, &l.text, Use::Noise);
    } else {
        ledger.record(source, l.no, &l.text, Use::Unassigned);
        unassigned.push(Unassigned { source: source.to_string(), line: l.no, text: l.text.clone() });
    }
}

/// Reconstruct the rows of one unit into its plan.
fn parse_unit(lines: &[Line], unit: &Unit, ledger: &mut Ledger, source: &str, info_year: Option<u16>) -> PlanDraft {
    let widths = estimate_widths(lines, unit);
    let mut rows: Vec<Row> = Vec::new();
    let mut row = Row::default();
    // The focus area in force: by meaning, with the text as printed.
    let mut focus_no: Option<u8> = None;
    let mut focus_printed = String::new();
    let mut focus_open = false;
    let mut focus_lines: Vec<usize> = Vec::new();
    let mut after_break = false;
    // A focus cell began and no row has started under it yet.
    let mut focus_begun = false;
    let mut focus_cells: Vec<String> = Vec::new();

    for i in unit.start..unit.end {
        let line = &lines[i];
        if line.text.is_empty() {
            ledger.record(source, line.no, "", Use::Blank);
            continue;
        }
        let focus_here = focus_number(lines, i, unit.end);
        if is_header_line(&line.text) || (is_page_number(&line.text) && focus_here.is_none()) {
            ledger.record(source, line.no, &line.text, Use::Noise);
            row.broken = true;
            after_break = true;
            continue;
        }
        let mut pieces = split_pieces(&line.text);
        if let Some((n, rest)) = focus_here {
            ledger.record(source, line.no, &n.to_string(), Use::Heading);
            pieces = split_pieces(&rest);
            finish_row(&mut row, &mut rows);
            focus_open = true;
            focus_begun = true;
            focus_printed.clear();
        }
        let pieces = split_overwide(pieces, &widths);
        let mut prev_col: Option<Col> = None;
        let next_pieces = pieces.clone();
        for (k, piece) in pieces.into_iter().enumerate() {
            // Focus-area text: continues an open focus cell, or starts one at a row boundary.
            let candidate = format!("{focus_printed}{}", normalise(&piece.0));
            let starts_focus = prev_col.is_none()
                && template::key(&piece.0).chars().count() >= 4
                && template::focus_of_text(&piece.0, true).is_some()
                && template::focus_of_text(&piece.0, true) != focus_no
                && piece.1 <= widths.work;
            // A focus cell's last character printed twice (促进知识产权创造运用 / 用).
            let repeats_focus = !focus_printed.is_empty()
                && !focus_open
                && row.is_empty()
                && prev_col.is_none()
                && piece.0.chars().count() == 1
                && focus_printed.ends_with(piece.0.as_str());
            if repeats_focus {
                ledger.record(source, line.no, &piece.0, Use::Noise);
                continue;
            }
            if (focus_open && template::focus_of_text(&candidate, true).is_some()) || starts_focus {
                if starts_focus && !focus_open {
                    finish_row(&mut row, &mut rows);
                    focus_printed.clear();
                    focus_begun = true;
                }
                if focus_printed.is_empty() {
                    focus_cells.push(String::new());
                }
                focus_printed = format!("{focus_printed}{}", normalise(&piece.0));
                if let Some(cell) = focus_cells.last_mut() {
                    cell.clone_from(&focus_printed);
                }
                focus_no = template::focus_of_text(&focus_printed, true).or(focus_no);
                focus_open = template::focus_of_text(&focus_printed, false).is_none();
                focus_lines.push(i);
                ledger.record(source, line.no, &piece.0, Use::Heading);
                continue;
            }

            let next = next_pieces.get(k + 1).map(|p| p.0.as_str());
            let col = classify(&row, prev_col, &piece, next, &widths);
            let col = match col {
                Some(c) => c,
                // A stray mark the PDF left between cells (a lone 、 beside a focus number) has no
                // words to open a row with; as a row of its own it would stretch its neighbour.
                None if is_stray_mark(&piece.0) => {
                    ledger.record(source, line.no, &piece.0, Use::Noise);
                    continue;
                }
                None => {
                    finish_row(&mut row, &mut rows);
                    // The first row under a focus area has a work item of its own.
                    let can_inherit = !focus_begun && rows.last().is_some_and(|r| r.focus_no == focus_no);
                    let last_on_line = k + 1 == next_pieces.len();
                    let below = if last_on_line { first_piece_below(lines, i, unit.end) } else { None };
                    first_col(&piece, &widths, can_inherit, below.as_ref())
                }
            };
            if row.is_empty() {
                focus_begun = false;
                row.began_after_break = after_break;
                row.focus_no = focus_no;
                row.focus_cell = (!focus_printed.is_empty()).then(|| focus_cells.len().saturating_sub(1));
                if col != Col::Work {
                    row.inherited_work = rows
                        .last()
                        .filter(|r| r.focus_no == focus_no)
                        .map(|r| r.inherited_work.clone().unwrap_or_else(|| r.work_text()));
                }
            }
            let frag = Frag { line: i, text: piece.0.clone(), width: piece.1 };
            match col {
                Col::Work => row.work.push(frag),
                Col::Measure => row.measure.push(frag),
                Col::Dept => row.dept.push(frag),
            }
            ledger.record(source, line.no, &piece.0, Use::Measure);
            row.last_col = Some(col);
            prev_col = Some(col);
            after_break = false;
        }
    }
    finish_row(&mut row, &mut rows);
    let rows: Vec<Row> = rows.into_iter().flat_map(split_at_new_department_cell).collect();
    let rows = share_department_cells_on_row_boundaries(join_rows_without_departments(rows));

    let region = unit.region.clone();
    // Title and year as the unit's heading prints them; a unit without a heading takes its year
    // from what is known about the document, or has none.
    let heading = unit.heading.and_then(|h| lines.get(h)).map(|l| normalise(&l.text));
    let year = heading.as_deref().and_then(heading_year);
    let title = heading.unwrap_or_else(|| match info_year {
        Some(y) => format!("{region}{y}年工作要点"),
        None => format!("{region}工作要点"),
    });
    let mut plan = PlanDraft { region, title, year_start: year, year_end: year, ..Default::default() };
    for r in rows {
        let focus = r.focus_cell.and_then(|k| focus_cells.get(k)).cloned();
        plan.measures.push(row_to_measure(r, focus));
    }
    plan
}

/// Which column a piece belongs to in the current row, or None when it opens a new row.
/// `prev_col` is the column of the piece before it on the same line, if any.
/// `next` is the piece after it on the same line, if any.
fn classify(row: &Row, prev_col: Option<Col>, piece: &(String, f32), next: Option<&str>, w: &Widths) -> Option<Col> {
    let text = &piece.0;
    let t = normalise(text);
    let ends_measure = t.ends_with(['。', '；']);
    // A narrow piece that opens with 省/市 … names a body even before its name is complete.
    let body_start = piece.1 <= (w.dept + 1.0).max(w.work - 2.0)
        && ["省", "市", "区", "县", "自治区", "各级", "各市", "各有关"].iter().any(|p| t.starts_with(p))
        && !t.starts_with("市场");
    let short_dept =
        (dept_like(text) && piece.1 <= w.dept + 1.5 || dept_list(text) && piece.1 <= w.measure * 0.6 || body_start)
            && !ends_measure;
    let next_is_dept = next.is_some_and(|n| (dept_like(n) || dept_list(n)) && width(n) <= w.work + 1.0);
    // The row's measure cell stops mid-sentence (so it may go on).
    let measure_open = row.measure.last().is_some_and(|m| !normalise(&m.text).ends_with(['。', '；']));
    // On one line, cells run left to right: nothing follows a department cell, and a wide
    // piece after a measure piece is the same measure (a space after 。).
    // Extraction can print the first line of the next row's work item after the last line of a
    // department cell: a work item never continues a department cell.
    let next_work_item = !row.dept.is_empty() && starts_work_item_loosely(text);
    match prev_col {
        Some(Col::Dept) => {
            let open = row.dept.last().is_some_and(|d| dept_incomplete(&d.text));
            let work = next_work_item || starts_with_work_verb(text) && !dept_list(text) && !open;
            return (!work).then_some(Col::Dept);
        }
        Some(Col::Measure) => {
            // The department cell, open above a page break, goes on right of the measure's tail.
            let dept_tail =
                row.dept.last().is_some_and(|d| dept_incomplete(&d.text)) && piece.1 <= w.dept + 1.5 && !ends_measure;
            // Right of a measure piece that fills its column only the department column is left
            // (…加快培育懂 人力资源和社会保 / 障厅).
            let right_of_full = row
                .measure
                .last()
                .is_some_and(|m| m.width >= w.measure - 2.0 && m.width + 0.5 + piece.1 > w.measure + 2.0)
                && piece.1 <= w.dept + 1.5
                && !ends_measure;
            let dept = short_dept || dept_tail || right_of_full || (dept_like(text) && piece.1 <= w.work + 1.0);
            return Some(if dept { Col::Dept } else { Col::Measure });
        }
        Some(Col::Work) => {
            // A work-item cell printed with a space inside it (加强国内外知名地理标志 产品的).
            if let Some(last) = row.work.last() {
                if work_continues(&row.work_text(), last, piece, w) == Some(WorkContinuation::Template) {
                    return Some(Col::Work);
                }
            }
            // Below a page break, the tails of the open cells share a line: a work-item tail,
            // then the tail of a department name (厅际 / 联席会议) when the measure is complete.
            let dept_tail = !measure_open
                && !row.measure.is_empty()
                && row.dept.last().is_some_and(|d| dept_incomplete(&d.text))
                && piece.1 <= w.dept + 1.5;
            let dept = short_dept && !(measure_open && piece.1 > w.dept + 1.5) || dept_tail;
            return Some(if dept { Col::Dept } else { Col::Measure });
        }
        None => {}
    }
    let last_col = row.last_col?;
    // A work-item cell goes on (also below a page break, before the other cells' tails).
    if let Some(last) = row.work.last() {
        match work_continues(&row.work_text(), last, piece, w) {
            Some(WorkContinuation::Template) => return Some(Col::Work),
            Some(WorkContinuation::Width) if last_col == Col::Work || row.broken || next.is_some() => {
                return Some(Col::Work);
            }
            _ => {}
        }
    }
    if next_work_item {
        return None;
    }
    // A complete work-item cell followed at once by the beginning of another work item, as
    // narrow as that column: the row's measure and department cells are empty.
    let work_complete = template::work_item_match(&row.work_text(), false).is_some();
    let narrow = piece.1 <= w.work.min(w.measure - 2.0) + 1.0;
    let another_item = template::work_item_match(text, false).is_some() || starts_work_item(text) && narrow;
    // A measure may repeat the work item as its sentence (…资格证书。); a work item ends with 。
    // only in tables that end every work item so.
    let item_style = !ends_measure || row.work_text().ends_with('。');
    if last_col == Col::Work && work_complete && another_item && item_style {
        return None;
    }
    match last_col {
        Col::Work => Some(if short_dept { Col::Dept } else { Col::Measure }),
        Col::Measure => {
            row.measure.last()?;
            let full = measure_line_width(row) >= w.measure - 2.0;
            if measure_open && !short_dept && (full || piece.1 > w.work + 1.0 || row.broken) {
                return Some(Col::Measure);
            }
            // After a full line that ended the measure, only another sentence goes on: a piece
            // that ends no sentence and is narrow is a department (各知识产权宣传周 / 等).
            let goes_on = measure_open || ends_measure || piece.1 > w.work + 1.0;
            if full && goes_on && !short_dept && !starts_work_item(text) {
                return Some(Col::Measure);
            }
            if short_dept {
                return Some(Col::Dept);
            }
            // A measure stopped mid-sentence goes on with a piece that names no body, even when
            // its line fell short of the column (产权的违法失信情况;).
            if measure_open && !dept_like(text) && !dept_list(text) && !starts_work_item_loosely(text) {
                return Some(Col::Measure);
            }
            // A department cell written as a sentence: narrow lines right after the measure.
            if piece.1 <= w.dept + 0.5 && !starts_work_item(text) && !ends_measure {
                return Some(Col::Dept);
            }
            None
        }
        Col::Dept => {
            // Cells interleaved on one line: a measure tail, then the department tail.
            if next_is_dept && measure_open && !starts_work_item(text) && !short_dept {
                return Some(Col::Measure);
            }
            // A measure cell cut mid-sentence goes on below the department cell: after a page
            // break, or when its last line filled the column and this piece is as wide.
            let measure_full = measure_line_width(row) >= w.measure - 2.0;
            let wide = piece.1 > w.work + 1.0;
            // The last words of a full measure line, ending the sentence, also belong to it.
            let sentence_tail = measure_full && ends_measure && !dept_like(text) && next.is_none();
            if measure_open
                && !starts_work_item(text)
                && (row.broken && (piece.1 > w.dept + 1.5 || !dept_like(text)) || measure_full && wide || sentence_tail)
            {
                return Some(Col::Measure);
            }
            let last = row.dept.last()?;
            // A page break inside a department name: the row's cells go on below it, so a
            // measure-wide piece is a further paragraph of its measure (新疆 知识产权培训基 / 地).
            if row.broken && dept_incomplete(&last.text) && wide && !starts_work_item_loosely(text) {
                return Some(Col::Measure);
            }
            if starts_work_item(text) || (piece.1 > w.work + 0.5 && !dept_list(text)) {
                return None;
            }
            // A department cell names bodies; a piece opening with a verb is the next row's own
            // work item (推进商标质押工作), however narrow.
            if starts_with_work_verb(text) && !dept_list(text) && !dept_incomplete(&last.text) {
                return None;
            }
            let full = last.width >= w.dept - 1.0;
            let cont = dept_open(&last.text)
                || (dept_like(text) && !last.text.ends_with('。'))
                || (full && piece.1 <= w.dept + 1.0 && !normalise(&last.text).ends_with('。'));
            cont.then_some(Col::Dept)
        }
    }
}

/// Width of the measure cell's last line: the pieces of one line that a space inside the cell
/// split, with the space between them. Pieces are added line by line, so the last line's are the
/// cell's last pieces: read from the end, not the whole cell for every line (which made a cell of
/// thousands of lines quadratic).
fn measure_line_width(row: &Row) -> f32 {
    let Some(last) = row.measure.last() else { return 0.0 };
    let same = || row.measure.iter().rev().take_while(|f| f.line == last.line);
    same().map(|f| f.width).sum::<f32>() + 0.5 * same().count().saturating_sub(1) as f32
}

/// Does a department cell's text end inside a name (`省知识产权工作`, `处（维权信息中`)?
fn dept_incomplete(text: &str) -> bool {
    let t = normalise(text);
    let last = t.rsplit(['、', '，', ',', '；']).next().unwrap_or("");
    !t.is_empty() && !t.ends_with('。') && (dept_open(&t) || !last.is_empty() && !looks_like_body(last))
}

/// Verbs that open work items and measures and never a department's name (so not 组织, as in
/// 组织部).
const WORK_VERBS: &[&str] = &[
    "探索", "开展", "推进", "完善", "加强", "加大", "鼓励", "加快", "推动", "实施", "增加", "支持", "拓宽", "制定",
    "积极", "运用", "广泛", "建立", "做好", "提升", "提高", "促进", "深化", "引导", "落实", "举办", "培育", "发挥",
    "强化", "规范", "健全",
];

/// A piece with no letter or digit in it (、 。 ， …): punctuation the PDF left on its own.
fn is_stray_mark(text: &str) -> bool {
    !text.trim().is_empty() && !text.chars().any(char::is_alphanumeric)
}

fn starts_with_work_verb(text: &str) -> bool {
    let t = normalise(text);
    WORK_VERBS.iter().any(|v| t.starts_with(v))
}

/// Does a piece begin a work item: a template item, or one a table rewords slightly
/// (加大大型展会、电子商务… for 加大国际展会、电子商务…)?
fn starts_work_item_loosely(text: &str) -> bool {
    starts_work_item(text) || template::work_item_near_start(text)
}

/// The column of the first piece of a new row: a work item, or a measure row whose work item
/// spans the row above (a piece wider than the work-item column).
/// `below` is the first piece of the next line with content, if the piece ends its own line.
fn first_col(piece: &(String, f32), w: &Widths, can_inherit: bool, below: Option<&(String, f32)>) -> Col {
    if starts_work_item_loosely(&piece.0) || !can_inherit {
        return Col::Work;
    }
    // A cell's lines are full but for its last: a narrow line above a measure-wide line is
    // another column, the row's own work item (开展专利执法案卷质量提升工程。).
    let wide_below = below.is_some_and(|(t, bw)| *bw > w.work + 1.0 && !dept_list(t));
    if piece.1 <= w.work + 1.0 && wide_below {
        return Col::Work;
    }
    if piece.1 > w.work + 1.0 || (normalise(&piece.0).ends_with('。') && piece.1 > w.dept + 1.5) {
        Col::Measure
    } else {
        Col::Work
    }
}

/// The first piece of the next line with content after line `i` (blank lines, page numbers and
/// repeated headers skipped).
fn first_piece_below(lines: &[Line], i: usize, end: usize) -> Option<(String, f32)> {
    let next = lines
        .get(i + 1..end)?
        .iter()
        .find(|l| !l.text.is_empty() && !is_header_line(&l.text) && !is_page_number(&l.text))?;
    split_pieces(&next.text).into_iter().next()
}

/// Does a piece begin a template work item (at least four characters of it)?
fn starts_work_item(text: &str) -> bool {
    template::key(text).chars().count() >= 4
        && (template::work_item_match(text, true).is_some() || template::work_item_match(text, false).is_some())
}

fn finish_row(row: &mut Row, rows: &mut Vec<Row>) {
    let done = std::mem::take(row);
    if done.is_empty() {
        return;
    }
    // A row of department pieces only continues the department cell of the row above.
    if done.work.is_empty() && done.measure.is_empty() {
        if let Some(prev) = rows.last_mut() {
            prev.dept.extend(done.dept);
            return;
        }
    }
    // Measure text alone at the top of a page, with no work item and no department of its
    // own, is the tail of the row above (whose measure ended a sentence at the page break).
    if done.began_after_break && done.work.is_empty() && done.dept.is_empty() {
        if let Some(prev) = rows.last_mut() {
            prev.measure.extend(done.measure);
            return;
        }
    }
    rows.push(done);
}

/// A department cell closes a row, so a measure that no department cell follows is not a row of
/// its own: a paragraph of a measure cell whose department cell comes with a later paragraph
/// (joined to the row below, which shares its work item), or a sentence printed after the
/// department cell (joined to the row above). A row keeps an empty department cell only where
/// the next row begins a work item of its own.
fn join_rows_without_departments(rows: Vec<Row>) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::with_capacity(rows.len());
    let mut pending: Option<Row> = None;
    let mut iter = rows.into_iter().peekable();
    while let Some(mut r) = iter.next() {
        if let Some(p) = pending.take() {
            // `r` shares the work item of the paragraphs before it.
            r.measure = p.measure.into_iter().chain(r.measure).collect();
            if r.work.is_empty() {
                r.work = p.work;
                r.inherited_work = p.inherited_work;
                r.focus_cell = p.focus_cell.or(r.focus_cell);
            }
        }
        let lone_measure = r.dept.is_empty() && !r.measure.is_empty();
        if lone_measure {
            let next_shares_work = iter.peek().is_some_and(|n| n.work.is_empty() && n.focus_no == r.focus_no);
            if next_shares_work {
                pending = Some(r);
                continue;
            }
            if r.work.is_empty() {
                let above = out.last_mut().filter(|p| p.focus_no == r.focus_no && !p.dept.is_empty());
                if let Some(prev) = above {
                    prev.measure.extend(r.measure);
                    continue;
                }
            }
        }
        out.push(r);
    }
    out
}

/// A department cell printed vertically centred in its measure cell closes the row, and the
/// measure's sentence goes on after it. Once that sentence has ended, a new paragraph that
/// brings a department cell of its own is not more of the same measure: it is the next row
/// under the same work item (…推广 省知识产权局 / 应用工作。… / 建设…信息。 省工商局).
/// A department cell that a page break or a line break leaves open (省知识产权局、省 / …) never
/// ends a row here.
fn split_at_new_department_cell(row: Row) -> Vec<Row> {
    let mut out = Vec::new();
    let mut row = row;
    while let Some((k, start)) =
        new_paragraph_with_own_department(&row).and_then(|k| Some((k, row.measure.get(k)?.line)))
    {
        let mut next = Row {
            measure: row.measure.split_off(k),
            dept: row.dept.iter().filter(|d| d.line >= start).cloned().collect(),
            inherited_work: match row.work.is_empty() {
                true => row.inherited_work.clone(),
                false => Some(row.work_text()),
            },
            focus_no: row.focus_no,
            focus_cell: row.focus_cell,
            last_col: row.last_col,
            ..Row::default()
        };
        row.dept.retain(|d| d.line < start);
        std::mem::swap(&mut row, &mut next);
        out.push(next);
    }
    out.push(row);
    out
}

/// The index of the measure piece that begins a new paragraph with its own department cell, in
/// a row already closed by a complete department cell whose measure then ended its sentence.
fn new_paragraph_with_own_department(row: &Row) -> Option<usize> {
    let pairs = row.measure.windows(2).enumerate().map(|(k, pair)| (k + 1, &pair[0], &pair[1]));
    // `m` begins a line after a piece that ended a sentence.
    let mut paragraphs = pairs.filter(|(_, prev, m)| m.line > prev.line && normalise(&prev.text).ends_with('。'));
    paragraphs.find_map(|(k, _, m)| {
        let before: Vec<Frag> = row.dept.iter().filter(|d| d.line < m.line).cloned().collect();
        let closed_at = before.first()?.line;
        // The measure went on after the department cell and ended its sentence before `m`.
        let went_on = row.measure.iter().take(k).any(|x| x.line > closed_at);
        let own = row.dept.iter().any(|d| d.line > m.line);
        let cell = join(&before);
        (went_on && own && dept_list(&cell) && !dept_incomplete(&cell)).then_some(k)
    })
}

/// A department cell merged over two rows is printed vertically centred on their boundary: its
/// last line carries the first piece of the next row, and that row, which has a measure, has no
/// department cell of its own before the row after it starts. Both rows get the cell.
fn share_department_cells_on_row_boundaries(mut rows: Vec<Row>) -> Vec<Row> {
    for k in 1..rows.len() {
        let (above, below) = rows.split_at_mut(k);
        let (Some(prev), Some(r)) = (above.last(), below.first_mut()) else { continue };
        let Some(last_dept) = prev.dept.last() else { continue };
        // The next row's work item begins on the cell's last line (…法厅 探索以公证方式…).
        let on_boundary = r.work.first().is_some_and(|w| w.line == last_dept.line);
        let closed = !dept_incomplete(&join(&prev.dept));
        if on_boundary && closed && r.dept.is_empty() && !r.measure.is_empty() {
            r.dept = prev.dept.clone();
        }
    }
    rows
}

fn row_to_measure(r: Row, focus_printed: Option<String>) -> MeasureDraft {
    let work = if r.work.is_empty() { r.inherited_work.clone() } else { Some(r.work_text()) };
    let focus_no = work.as_deref().and_then(template::focus_of_work_item).or(r.focus_no);
    let chapter = match (&focus_printed, focus_no) {
        (Some(t), Some(n)) if template::focus_of_text(t, true) == Some(n) => t.clone(),
        (_, Some(n)) => template::focus_text(n).unwrap_or_default().to_string(),
        (Some(t), None) => t.clone(),
        (None, None) => String::new(),
    };
    let own: Vec<&Frag> = r.work.iter().chain(&r.measure).chain(&r.dept).collect();
    let first = own.iter().map(|f| f.line).min().unwrap_or(0) as u32;
    let last = own.iter().map(|f| f.line).max().unwrap_or(0) as u32;
    let text = join(&r.measure);
    let dept_clause = join(&r.dept);
    MeasureDraft {
        no: None,
        chapter,
        focus_no,
        work_item: work.filter(|w| !w.is_empty()),
        title: None,
        text: (!text.is_empty()).then_some(text),
        departments: parse_departments(&dept_clause, None),
        // Line indices are 0-based here; seed lines are 1-based.
        lines: [first + 1, last + 1],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_all_their_forms() {
        assert!(is_header_line(" 序号 工作重点 工作内容 具体举措及成果形式 责任部门 "));
        assert!(is_header_line("具体举措及"));
        assert!(is_header_line("号"));
        assert!(is_header_line("重点工作 工作内容 具体措施和成果形式 责任部门"));
        assert!(!is_header_line("市知识产权局"));
    }

    #[test]
    fn year_as_the_heading_prints_it() {
        assert_eq!(heading_year("北京市2018年工作要点"), Some(2018));
        assert_eq!(heading_year("甘肃省工作要点"), None);
        assert_eq!(heading_year("年工作要点"), None);
        assert_eq!(heading_year("某某二〇一八年工作要点"), None);
    }

    #[test]
    fn a_space_after_a_comma_can_hide_a_cell_boundary() {
        let w = Widths { work: 14.0, measure: 32.0, dept: 7.0 };
        let line = "增加知识产权信息服务网点， 在版权资源聚集区建立版权服务管理工作站，为版权行业提供优质";
        let pieces: Vec<String> = split_overwide(split_pieces(line), &w).into_iter().map(|p| p.0).collect();
        assert_eq!(
            pieces,
            ["增加知识产权信息服务网点，", "在版权资源聚集区建立版权服务管理工作站，为版权行业提供优质"]
        );
        // Within a measure line it stays one piece.
        let line = "组织开展“剑网 2018”专项行动，加强网络的日常审查、监管";
        assert_eq!(split_overwide(split_pieces(line), &w).len(), 1);
    }

    fn frags(pieces: &[(usize, &str)]) -> Vec<Frag> {
        pieces.iter().map(|(line, t)| Frag { line: *line, text: t.to_string(), width: width(t) }).collect()
    }

    fn row(work: &[(usize, &str)], measure: &[(usize, &str)], dept: &[(usize, &str)]) -> Row {
        Row { work: frags(work), measure: frags(measure), dept: frags(dept), ..Row::default() }
    }

    #[test]
    fn a_new_paragraph_with_its_own_department_cell_is_the_next_row() {
        let r = row(
            &[(1, "增加服务网点")],
            &[(1, "建设专题数据库，推进系统的推广"), (3, "应用工作。培训 200人。"), (4, "建设商标平台，提供信息。")],
            &[(2, "省知识产权局"), (5, "省工商局")],
        );
        let rows = split_at_new_department_cell(r);
        assert_eq!(rows.len(), 2);
        assert_eq!(join(&rows[0].dept), "省知识产权局");
        assert_eq!(join(&rows[1].measure), "建设商标平台，提供信息。");
        assert_eq!(join(&rows[1].dept), "省工商局");
        assert_eq!(rows[1].inherited_work.as_deref(), Some("增加服务网点"));
    }

    #[test]
    fn a_department_cell_left_open_or_a_sentence_after_it_keeps_one_row() {
        // The cell is cut mid-list (省知识产权局、省 / 工商局): one cell, one row.
        let open = row(
            &[(1, "增加服务网点")],
            &[(1, "建设专题数据库，推进系统的推广"), (3, "应用工作。"), (4, "建设商标平台，提供信息。")],
            &[(2, "省知识产权局、省"), (5, "工商局")],
        );
        assert_eq!(split_at_new_department_cell(open).len(), 1);
        // A sentence printed after the department cell brings no cell of its own.
        let tail = row(
            &[(1, "增加服务网点")],
            &[(1, "建设专题数据库，推进系统的推广"), (3, "应用工作。"), (4, "发挥律师作用。")],
            &[(2, "省知识产权局")],
        );
        assert_eq!(split_at_new_department_cell(tail).len(), 1);
    }

    #[test]
    fn a_department_cell_on_a_row_boundary_is_shared_by_a_row_without_one() {
        let above = row(&[(1, "支持法律服务机构")], &[(2, "选择机构。")], &[(3, "知识产权局、省司"), (4, "法厅")]);
        let below = row(&[(4, "探索以公证方式保管证据")], &[(6, "鼓励当事人公证。")], &[]);
        let rows = share_department_cells_on_row_boundaries(vec![above.clone(), below]);
        assert_eq!(join(&rows[1].dept), "知识产权局、省司法厅");
        // A row that begins below the cell's last line has an empty department cell of its own.
        let later = row(&[(5, "探索以公证方式保管证据")], &[(6, "鼓励当事人公证。")], &[]);
        let rows = share_department_cells_on_row_boundaries(vec![above, later]);
        assert!(rows[1].dept.is_empty());
    }

    #[test]
    fn a_lone_mark_is_no_cell() {
        assert!(is_stray_mark("、"));
        assert!(is_stray_mark(" 。 "));
        assert!(!is_stray_mark(""));
        assert!(!is_stray_mark("局、"));
        assert!(!is_stray_mark("6"));
    }

    #[test]
    fn pieces_split_cells_not_sentences() {
        let p: Vec<String> = split_pieces("产权奖励项目 开展第五届北京市发明专利奖评选工作。 市知识产权局")
            .into_iter()
            .map(|p| p.0)
            .collect();
        assert_eq!(p, ["产权奖励项目", "开展第五届北京市发明专利奖评选工作。", "市知识产权局"]);
        let p: Vec<String> = split_pieces("选择若干细分重点领域开展 20个评议项目。").into_iter().map(|p| p.0).collect();
        assert_eq!(p.len(), 1);
    }
}
