//! Stage 2 for tables pasted cell by cell: any column layout, read by the names in its header.
//!
//! Tables copied from a web page or a Word file come as tab-separated rows, or one cell per line
//! (a cell of several paragraphs or wrapped by width over several lines), with the header split
//! over lines and repeated after page breaks. This module
//! 1. finds the header: a run of lines made only of known column names (`序号`, `工作任务`,
//!    `任务目标`, `落实举措`, `执行部门`, `完成时间` …, a name may be broken over two lines) and gives
//!    each column a role by its name ([`ColumnRole`]);
//! 2. cuts the lines below it into rows: a row starts at its printed number (`序号`, the next
//!    number in sequence, alone on its line or in the first tab cell); `一、`/`（一）` lines between
//!    rows are section rows that name the chapter; page numbers and repeated headers are noise.
//!    Where 序号 numbers focus areas (序号 · 工作重点 · 工作内容 …, the work-point template) the
//!    lines are one stream of cells, cut into rows where a department cell closes one;
//! 3. assigns each row's lines to its columns: by tabs where the row has them (a merged task
//!    cell left out by the copy is inherited from the row above), otherwise by the cheapest
//!    segmentation of the lines, in header order, under costs that say what cells look like (a
//!    department cell lists bodies, a time cell names a date, a line cut mid-sentence or filling
//!    its column goes on in the next line), with each column's wrapping width learnt from the
//!    table and the rows read again;
//! 4. builds one record per row.
//!
//! Conventions (see README "The parser"):
//! - `work_item` is the task column (工作任务, 重点任务, 工作内容 beside a measure column); a table
//!   with no measure-like column has its task column as the text, and `work_item` null.
//! - `text` is the measure column (落实举措, 主要内容, 具体任务 …); the target (任务目标) and result
//!   (成果形式) cells follow it, each labelled with its printed column name:
//!   `开展专利导航。任务目标：完成导航项目3项`; a `；` separates them when the cell before ends
//!   without a full stop.
//! - Departments: a 牵头单位 column gives leads, a 配合单位 column (or a 责任单位 column beside a
//!   牵头单位 one) supports, a single 责任单位 /
//!   执行部门 column the roles its words say or lead when it says none (null in tables that follow
//!   the 2018 national template, as in the table parser).
//! - The time column (完成时间, 时间进度) and remarks (备注) are not part of any record field: the
//!   ledger counts them as metadata.
//! - `chapter` is the section row or `一、` heading above the row; in a table with a focus column
//!   (工作重点, 重点领域) and no heading, the focus cell. `focus_no` only in tables of the 2018
//!   template (by the focus cell, else the template work item, else the row above), whose chapter
//!   is then the focus area.
//! - Quantities in 任务目标 and 成果形式 cells become targets, in the year of a `到2025年` cell, else
//!   the plan's year when the text gives one, else 0 (unknown).
//!
//! Lines before the table give the title and document number; other prose around the table is kept
//! as passages (text above a table with no title is reported: it may be rows cut off at a page);
//! what cannot be placed is reported in `unassigned` with its line.

use super::departments::parse_departments;
use super::lines::{is_page_number, normalise, trim, width, Line};
use super::prose::{is_attachment_label, marker, years_of, Depth};
use super::targets;
use super::template;
use super::{
    Diagnostic, DiagnosticCode, DocumentDraft, DocumentInfo, Ledger, MeasureDraft, PassageDraft, PlanDraft,
    TargetDraft, Use,
};
use crate::agency::looks_like_body;
use crate::model::{Role, Unassigned};

/// What a column holds, told by its printed name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnRole {
    /// 序号: the printed row number.
    Number,
    /// 工作重点 beside a task column, 重点领域: the area a row belongs to.
    Focus,
    /// 工作任务, 重点任务: the work item.
    WorkItem,
    /// 落实举措, 主要内容, 具体任务: the measure text.
    Measure,
    /// 任务目标: a target sentence, appended to the text.
    Target,
    /// 成果形式: the expected result, appended to the text.
    Result,
    /// 牵头单位.
    Lead,
    /// 配合单位.
    Support,
    /// 责任单位, 执行部门: one column for all bodies.
    Departments,
    /// 完成时间, 时间进度.
    Deadline,
    /// 备注.
    Remark,
}

/// A header name whose role depends on the other columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Name {
    Is(ColumnRole),
    /// 工作重点: the focus area beside a task column (the 2018 template), else the task.
    FocusOrTask,
    /// 工作内容: the work item beside a measure column (the 2018 template), else the measure.
    Content,
    /// 责任单位: the lead beside a 配合单位 column, the support beside a 牵头单位 column, else all
    /// departments.
    Responsible,
}

use ColumnRole as R;

/// Column names as tables print them.
const COLUMN_NAMES: &[(&str, Name)] = &[
    ("序号", Name::Is(R::Number)),
    ("编号", Name::Is(R::Number)),
    ("工作重点", Name::FocusOrTask),
    ("重点领域", Name::Is(R::Focus)),
    ("工作领域", Name::Is(R::Focus)),
    ("领域", Name::Is(R::Focus)),
    ("类别", Name::Is(R::Focus)),
    ("工作类别", Name::Is(R::Focus)),
    ("板块", Name::Is(R::Focus)),
    ("工作板块", Name::Is(R::Focus)),
    ("工作任务", Name::Is(R::WorkItem)),
    ("重点工作任务", Name::Is(R::WorkItem)),
    ("重点任务", Name::Is(R::WorkItem)),
    ("主要任务", Name::Is(R::WorkItem)),
    ("任务名称", Name::Is(R::WorkItem)),
    ("工作事项", Name::Is(R::WorkItem)),
    ("任务事项", Name::Is(R::WorkItem)),
    ("重点工作", Name::Is(R::WorkItem)),
    ("工作项目", Name::Is(R::WorkItem)),
    ("项目名称", Name::Is(R::WorkItem)),
    ("重点项目", Name::Is(R::WorkItem)),
    ("事项", Name::Is(R::WorkItem)),
    ("任务", Name::Is(R::WorkItem)),
    ("工作内容", Name::Content),
    ("重点工作内容", Name::Content),
    ("主要内容", Name::Is(R::Measure)),
    ("具体内容", Name::Is(R::Measure)),
    ("任务内容", Name::Is(R::Measure)),
    ("内容", Name::Is(R::Measure)),
    ("具体任务", Name::Is(R::Measure)),
    ("主要工作", Name::Is(R::Measure)),
    ("工作要求", Name::Is(R::Measure)),
    ("落实举措", Name::Is(R::Measure)),
    ("具体举措", Name::Is(R::Measure)),
    ("工作举措", Name::Is(R::Measure)),
    ("主要举措", Name::Is(R::Measure)),
    ("实施举措", Name::Is(R::Measure)),
    ("举措", Name::Is(R::Measure)),
    ("具体措施", Name::Is(R::Measure)),
    ("具体工作措施", Name::Is(R::Measure)),
    ("主要工作措施", Name::Is(R::Measure)),
    ("工作措施", Name::Is(R::Measure)),
    ("主要措施", Name::Is(R::Measure)),
    ("推进措施", Name::Is(R::Measure)),
    ("措施", Name::Is(R::Measure)),
    ("具体举措及成果形式", Name::Is(R::Measure)),
    ("具体举措和成果形式", Name::Is(R::Measure)),
    ("具体措施及成果形式", Name::Is(R::Measure)),
    ("具体措施和成果形式", Name::Is(R::Measure)),
    ("具体任务及成果形式", Name::Is(R::Measure)),
    ("具体任务和成果形式", Name::Is(R::Measure)),
    ("任务目标", Name::Is(R::Target)),
    ("工作目标", Name::Is(R::Target)),
    ("目标任务", Name::Is(R::Target)),
    ("预期目标", Name::Is(R::Target)),
    ("年度目标", Name::Is(R::Target)),
    ("主要目标", Name::Is(R::Target)),
    ("目标", Name::Is(R::Target)),
    ("成果形式", Name::Is(R::Result)),
    ("预期成果", Name::Is(R::Result)),
    ("完成标志", Name::Is(R::Result)),
    ("预期效果", Name::Is(R::Result)),
    ("成果", Name::Is(R::Result)),
    ("牵头单位", Name::Is(R::Lead)),
    ("牵头部门", Name::Is(R::Lead)),
    ("主责单位", Name::Is(R::Lead)),
    ("主责部门", Name::Is(R::Lead)),
    ("牵头处室", Name::Is(R::Lead)),
    ("主要责任单位", Name::Is(R::Lead)),
    ("主要责任部门", Name::Is(R::Lead)),
    ("牵头责任单位", Name::Is(R::Lead)),
    ("牵头责任部门", Name::Is(R::Lead)),
    ("主办单位", Name::Is(R::Lead)),
    ("主办部门", Name::Is(R::Lead)),
    ("配合单位", Name::Is(R::Support)),
    ("配合部门", Name::Is(R::Support)),
    ("协办单位", Name::Is(R::Support)),
    ("参与单位", Name::Is(R::Support)),
    ("参与部门", Name::Is(R::Support)),
    ("协同单位", Name::Is(R::Support)),
    ("协作单位", Name::Is(R::Support)),
    ("配合处室", Name::Is(R::Support)),
    ("协同配合单位", Name::Is(R::Support)),
    ("协同配合部门", Name::Is(R::Support)),
    ("协办部门", Name::Is(R::Support)),
    ("协助单位", Name::Is(R::Support)),
    ("协助部门", Name::Is(R::Support)),
    ("配合责任单位", Name::Is(R::Support)),
    ("责任单位", Name::Responsible),
    ("责任部门", Name::Responsible),
    ("责任处室", Name::Responsible),
    ("执行部门", Name::Responsible),
    ("执行单位", Name::Responsible),
    ("实施单位", Name::Responsible),
    ("实施部门", Name::Responsible),
    ("承办单位", Name::Responsible),
    ("负责单位", Name::Responsible),
    ("责任主体", Name::Responsible),
    ("完成单位", Name::Responsible),
    ("完成时间", Name::Is(R::Deadline)),
    ("完成时限", Name::Is(R::Deadline)),
    ("完成期限", Name::Is(R::Deadline)),
    ("时间进度", Name::Is(R::Deadline)),
    ("时间节点", Name::Is(R::Deadline)),
    ("时间安排", Name::Is(R::Deadline)),
    ("进度安排", Name::Is(R::Deadline)),
    ("推进时间", Name::Is(R::Deadline)),
    ("时限", Name::Is(R::Deadline)),
    ("时间", Name::Is(R::Deadline)),
    ("完成时间要求", Name::Is(R::Deadline)),
    ("完成时限要求", Name::Is(R::Deadline)),
    ("时间要求", Name::Is(R::Deadline)),
    ("进度要求", Name::Is(R::Deadline)),
    ("完成时间节点", Name::Is(R::Deadline)),
    ("计划完成时间", Name::Is(R::Deadline)),
    ("办结时限", Name::Is(R::Deadline)),
    ("实施期限", Name::Is(R::Deadline)),
    ("实施时间", Name::Is(R::Deadline)),
    ("备注", Name::Is(R::Remark)),
    // A ledger (台账) names the official in charge of each task: a person, no body.
    ("责任领导", Name::Is(R::Remark)),
    ("牵头领导", Name::Is(R::Remark)),
    ("分管领导", Name::Is(R::Remark)),
    ("责任人", Name::Is(R::Remark)),
    ("联系人", Name::Is(R::Remark)),
];

/// One column of a header: its name as printed and its role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    pub role: ColumnRole,
}

/// A table header: its lines (indices into the document's lines) and columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub start: usize,
    pub end: usize,
    pub columns: Vec<Column>,
    /// Printed on one line with its names separated by spaces, not tabs: a table flattened by
    /// PDF extraction (the 2018 compilation's shape, which the table parser reads).
    pub flattened: bool,
}

impl Header {
    /// The 2018 compilation's five columns (序号 · 工作重点 · 工作内容 · 具体举措及成果形式 · 责任部门)
    /// flattened by PDF extraction, the one layout the table parser reads; a table that prints 成果形式,
    /// 任务目标, 牵头/配合 or a deadline in columns of their own is read here.
    pub fn is_compilation_layout(&self) -> bool {
        use ColumnRole as R;
        let roles: Vec<ColumnRole> = self.columns.iter().map(|c| c.role).collect();
        self.flattened && roles == [R::Number, R::Focus, R::WorkItem, R::Measure, R::Departments]
    }
}

/// Is this (normalised) line one column name alone (`落实举措`, `重点任务`), as a table's header
/// prints its cells a line each? A title word may end it (…举措, …任务), but it names no document.
pub(crate) fn is_column_name(t: &str) -> bool {
    COLUMN_NAMES.iter().any(|(n, _)| *n == t)
}

/// Longest header text considered (a header of 14 long names).
const MAX_HEADER_CHARS: usize = 120;
/// Lines a header may be split over (one name per line, a name broken in two, blank lines).
const MAX_HEADER_LINES: usize = 24;
/// Lines after a flattened table's first row in which the next row's number is looked for.
const FOLLOWING_ROW_LINES: usize = 40;

fn name_chars() -> &'static [Vec<char>] {
    static CACHE: std::sync::OnceLock<Vec<Vec<char>>> = std::sync::OnceLock::new();
    CACHE.get_or_init(|| COLUMN_NAMES.iter().map(|(n, _)| n.chars().collect()).collect())
}

/// Splits the text of header lines into column names as lines are added, fewest names first
/// (dynamic programming over positions, extended for each new line only).
struct Tokenizer {
    s: Vec<char>,
    /// best[i]: (names, previous position, name index) covering s[..i] with fewest names.
    best: Vec<Option<(usize, usize, usize)>>,
}

/// The longest column name, in characters.
fn longest_name() -> usize {
    name_chars().iter().map(Vec::len).max().unwrap_or(0)
}

impl Tokenizer {
    fn new() -> Tokenizer {
        Tokenizer { s: Vec::new(), best: vec![Some((0, 0, usize::MAX))] }
    }

    fn extend(&mut self, t: &[char]) {
        let old = self.s.len();
        self.s.extend_from_slice(t);
        let n = self.s.len();
        self.best.resize(n + 1, None);
        let names = name_chars();
        for i in old.saturating_sub(longest_name())..n {
            let Some((count, _, _)) = self.best[i] else { continue };
            for (k, name) in names.iter().enumerate() {
                let j = i + name.len();
                if j > old && self.s[i..].starts_with(name) && self.best[j].is_none_or(|b| b.0 > count + 1) {
                    self.best[j] = Some((count + 1, i, k));
                }
            }
        }
    }

    /// The names covering the whole text, if they do.
    fn names(&self) -> Option<Vec<usize>> {
        let mut out = Vec::new();
        let mut at = self.s.len();
        while at > 0 {
            let (_, prev, k) = self.best.get(at).copied().flatten()?;
            out.push(k);
            at = prev;
        }
        out.reverse();
        Some(out)
    }

    /// Do names cover the text but for a tail that begins a name (a name broken over lines)?
    fn covers_with_partial_tail(&self) -> bool {
        let n = self.s.len();
        let names = name_chars();
        (n.saturating_sub(longest_name())..n)
            .any(|i| self.best[i].is_some() && names.iter().any(|name| name.starts_with(&self.s[i..])))
    }
}

/// Roles of the columns, each name read beside the others (see [`Name`]).
fn resolve(names: &[usize]) -> Vec<Column> {
    let kinds: Vec<Name> = names.iter().filter_map(|&k| COLUMN_NAMES.get(k).map(|c| c.1)).collect();
    let has = |r: ColumnRole| kinds.contains(&Name::Is(r));
    let has_task = has(R::WorkItem) || kinds.contains(&Name::Content);
    let has_measure = has(R::Measure) || has(R::Target) || has(R::Result);
    let mut columns: Vec<Column> = names
        .iter()
        .zip(&kinds)
        .map(|(&k, kind)| {
            let role = match kind {
                Name::Is(r) => *r,
                Name::FocusOrTask if has_task => R::Focus,
                Name::FocusOrTask => R::WorkItem,
                Name::Content if has_measure => R::WorkItem,
                Name::Content => R::Measure,
                Name::Responsible if has(R::Support) && !has(R::Lead) => R::Lead,
                // Beside a 牵头单位 column, the 责任单位 are the bodies that carry the task with it.
                Name::Responsible if has(R::Lead) => R::Support,
                Name::Responsible => R::Departments,
            };
            Column { name: COLUMN_NAMES.get(k).map(|c| c.0).unwrap_or("").to_string(), role }
        })
        .collect();
    // A table with no measure-like column: its task column is the text.
    if !columns.iter().any(|c| matches!(c.role, R::Measure | R::Target | R::Result)) {
        if let Some(c) = columns.iter_mut().find(|c| c.role == R::WorkItem) {
            c.role = R::Measure;
        }
    }
    columns
}

/// A header names at least three columns, one of them text, one a number, body or time column.
fn is_table_header(columns: &[Column]) -> bool {
    let roles: Vec<ColumnRole> = columns.iter().map(|c| c.role).collect();
    let mut distinct = roles.clone();
    distinct.dedup();
    columns.len() >= 3
        && columns.len() <= 16
        && distinct.len() >= 3
        && roles.iter().any(|r| matches!(r, R::WorkItem | R::Measure | R::Target | R::Result))
        && roles.iter().any(|r| matches!(r, R::Number | R::Lead | R::Support | R::Departments | R::Deadline))
}

/// Could this line begin a header? A cheap test before tokenizing.
fn may_begin_header(t: &str) -> bool {
    let first: Vec<char> = t.chars().take(2).collect();
    !first.is_empty()
        && t.chars().count() <= 60
        && name_chars().iter().any(|n| n.starts_with(&first) || first.starts_with(n))
}

/// The header that begins at line `i`, if one does.
pub fn header_at(lines: &[Line], raw: &[&str], i: usize) -> Option<Header> {
    let first = normalise(&lines.get(i)?.text);
    if first.is_empty() || !may_begin_header(&first) {
        return None;
    }
    let mut acc = Tokenizer::new();
    let mut found: Option<(usize, Vec<usize>)> = None;
    let mut j = i;
    while j < lines.len() && j < i + MAX_HEADER_LINES {
        let t: Vec<char> = normalise(&lines[j].text).chars().collect();
        if !t.is_empty() {
            if acc.s.len() + t.len() > MAX_HEADER_CHARS {
                break;
            }
            acc.extend(&t);
            if let Some(names) = acc.names() {
                // A header names each column once, and has at most 16.
                let mut sorted = names.clone();
                sorted.sort_unstable();
                sorted.dedup();
                if sorted.len() < names.len() || names.len() > 16 {
                    break;
                }
                found = Some((j, names));
            } else if !acc.covers_with_partial_tail() {
                break;
            }
        }
        j += 1;
    }
    let (end, names) = found?;
    let columns = resolve(&names);
    if !is_table_header(&columns) {
        return None;
    }
    let raw_first = raw.get(i).copied().unwrap_or("");
    let flattened = end == i && !raw_first.contains('\t') && trim(raw_first).split_whitespace().count() >= 2;
    Some(Header { start: i, end, columns, flattened })
}

/// The first table header of a document (the dispatch in `parse_document` asks whether it is
/// the PDF-flattened kind).
pub fn first_header(lines: &[Line], raw: &[&str]) -> Option<Header> {
    (0..lines.len()).find_map(|i| header_at(lines, raw, i))
}

/// Does 序号 number the focus areas (the 2018 work-point template: 序号 · 工作重点 · 工作内容)?
fn numbers_focus_areas(columns: &[Column]) -> bool {
    columns.iter().any(|c| c.role == R::Focus && c.name == "工作重点")
}

/// A tab row with a cell for each of the table's `columns`, the first (the number) empty and at
/// least two others filled: a whole row, not the wrapped end of the row above.
fn is_whole_row_without_number(raw_line: &str, columns: usize) -> bool {
    let cells: Vec<&str> = raw_line.split('\t').map(trim).collect();
    cells.len() >= columns
        && cells.first().is_some_and(|c| c.is_empty())
        && cells.iter().filter(|c| !c.is_empty()).count() >= 2
}

/// The row number a cell or a line carries alone: `12`, `12.`, `12、`.
fn row_number(t: &str) -> Option<u32> {
    let t = trim(t);
    let digits = t.trim_end_matches(['.', '．', '、']);
    if digits.is_empty() || digits.len() > 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// The label a table carries over a page break before its header is printed again: `续表`,
/// `续表1`, `（续表）`, `续上表`. Page furniture, no cell.
pub(crate) fn is_continuation_label(t: &str) -> bool {
    let s: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    let s = s.trim_start_matches(['（', '(']).trim_end_matches(['）', ')']);
    let rest = s.strip_prefix("续上表").or_else(|| s.strip_prefix("续表")).or_else(|| s.strip_prefix("接上表"));
    rest.is_some_and(|r| r.chars().all(|c| c.is_ascii_digit() || c == '-' || c == '：' || c == ':'))
}

/// Page furniture that is not a bare number: `- 3 -`, `第3页`, `第 3 页 共 12 页`, `3/12`.
fn is_decorated_page_number(t: &str) -> bool {
    let s: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    if s.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    if is_page_number(&s) {
        return true;
    }
    let of_total = |s: &str| -> bool {
        let Some(rest) = s.strip_prefix('第') else { return false };
        let Some((a, b)) = rest.split_once("页共") else { return false };
        let b = b.strip_suffix('页').unwrap_or(b);
        !a.is_empty() && a.chars().all(|c| c.is_ascii_digit()) && !b.is_empty() && b.chars().all(|c| c.is_ascii_digit())
    };
    let fraction = s.split_once('/').is_some_and(|(a, b)| {
        !a.is_empty()
            && a.len() <= 3
            && a.chars().all(|c| c.is_ascii_digit())
            && !b.is_empty()
            && b.len() <= 3
            && b.chars().all(|c| c.is_ascii_digit())
    });
    of_total(&s) || fraction
}

/// A `一、` or `（一）` heading short enough to name a chapter: its text without the number.
fn section_heading(t: &str) -> Option<String> {
    let m = marker(t)?;
    if m.depth == Depth::Item {
        return None;
    }
    let rest = normalise(&m.rest);
    let body = rest.trim_end_matches(['。', '；', '：']);
    (!body.is_empty() && body.chars().count() <= 40 && !body.contains('。')).then(|| body.to_string())
}

// ---------------------------------------------------------------------------------------------
// What cells look like.

fn ends_sentence(t: &str) -> bool {
    t.ends_with(['。', '！', '？', '；', ';'])
}

fn ends_mid_sentence(t: &str) -> bool {
    t.ends_with(['，', '、', '：', '（', '“', ',', ':', '(', '《'])
}

/// A list of bodies, with or without role words: `市知识产权局、市公安局`, `市委宣传部牵头`.
fn looks_like_departments(t: &str) -> bool {
    let t = normalise(t);
    if t.is_empty() || t.chars().count() > 80 || t.contains('。') {
        return false;
    }
    let t = t.trim_end_matches(['；', '，', '、', ';', ',']);
    let parts: Vec<&str> = t.split(['、', '，', '；', ',', ';', '：', ':']).filter(|p| !p.is_empty()).collect();
    !parts.is_empty()
        && parts.iter().all(|p| {
            let mut p = *p;
            for w in ["牵头部门", "牵头单位", "配合部门", "配合单位", "责任单位", "责任部门"] {
                p = p.strip_prefix(w).unwrap_or(p);
            }
            for w in ["牵头", "负责", "配合", "参与", "协助", "主办", "协办", "等", "各"] {
                p = p.strip_suffix(w).unwrap_or(p);
            }
            let p = p.trim_matches(['（', '）', '(', ')']);
            p.is_empty() || looks_like_body(p) || p.ends_with("部门")
        })
}

/// A line of a department cell wrapped by width: `省信用办、知识产权` / `局、工商局、食品药`: short,
/// no sentence punctuation, and a body among its 、-separated parts.
fn looks_like_department_fragment(t: &str) -> bool {
    let t = normalise(t);
    t.chars().count() <= 14
        && !t.contains(['。', '，', ',', '；', ';', '：', ':'])
        && t.contains('、')
        && t.split('、').any(|p| p.chars().count() >= 2 && looks_like_body(p))
}

/// The first line of a body's name that a narrow column wrapped before its last character
/// (`省知识产权` / `局`, `市市场监管` / `局`): a level word, then what names an agency.
fn looks_like_cut_body(t: &str) -> bool {
    let t = normalise(t);
    let n = t.chars().count();
    (3..=10).contains(&n)
        && t.starts_with(['省', '市', '区', '县'])
        && t.chars().all(crate::index::is_han)
        && !looks_like_body(&t)
        && ["局", "厅", "委"]
            .iter()
            .any(|end| crate::agency::canonical_agency(&format!("{t}{end}")) != crate::agency::OTHER)
}

/// A time cell: `2023年12月底`, `全年`, `长期坚持`, `6月底前`.
fn looks_like_date(t: &str) -> bool {
    let t = normalise(t);
    let n = t.chars().count();
    if n == 0 || n > 16 || t.trim_end_matches('。').contains('。') {
        return false;
    }
    const WORDS: &[&str] = &[
        "年",
        "月",
        "日",
        "季度",
        "底",
        "前",
        "长期",
        "持续",
        "全年",
        "常态",
        "每年",
        "年内",
        "期间",
        "逐步",
        "上半年",
        "下半年",
        "年度",
    ];
    WORDS.iter().any(|w| t.contains(w)) || t.chars().all(|c| c.is_ascii_digit() || ".-—/年月".contains(c))
}

fn is_body_role(r: ColumnRole) -> bool {
    matches!(r, R::Lead | R::Support | R::Departments)
}

/// One piece of a row: a line, or a space-separated piece of a flattened line.
#[derive(Debug, Clone)]
struct Unit {
    line: usize,
    text: String,
    width: f32,
    /// Follows another piece on the same line.
    same_line: bool,
    /// Fills the width of its column (the cell goes on in the next line).
    full: bool,
}

/// Cost of a piece in a column of learnt width `w`: 0 when it looks like that column's cells.
fn fit(role: ColumnRole, u: &Unit, w: Option<f32>) -> f32 {
    // A line wider than the column's wrapped lines is not in that column (a final full stop may
    // hang over the edge).
    let too_wide = w.is_some_and(|w| u.width > w + 0.5 && !(u.width <= w + 1.0 && ends_sentence(&u.text)));
    (if too_wide { 3.0 } else { 0.0 }) + fit_content(role, u)
}

fn fit_content(role: ColumnRole, u: &Unit) -> f32 {
    let t = u.text.as_str();
    let short_plain = t.chars().count() <= 8 && !t.contains(['。', '，', '；']);
    let dept = looks_like_departments(t);
    let fragment = !dept && (looks_like_department_fragment(t) || looks_like_cut_body(t));
    let date = looks_like_date(t);
    // One character alone on its line (`情` after `…在网上公开案`) is the end of the cell above,
    // wrapped by width, not a cell of its own.
    let lone = t.chars().count() == 1 && t.chars().all(crate::index::is_han) && t != "无";
    match role {
        R::Lead | R::Support | R::Departments => {
            if dept {
                0.0
            } else if fragment {
                0.3
            } else if short_plain {
                1.2
            } else {
                3.0
            }
        }
        R::Deadline => {
            if date {
                0.0
            } else if short_plain {
                1.2
            } else {
                3.0
            }
        }
        R::Remark => 0.5,
        R::Number => 5.0,
        _ if dept && !u.full => 1.5,
        _ if lone => 1.5,
        _ if fragment => 0.8,
        _ if date && !u.full => 1.2,
        // A focus cell is short, or the template's focus text; most rows print none (merged).
        R::Focus => {
            if template::focus_of_text(t, true).is_some() {
                0.0
            } else if t.chars().count() <= 12 && !t.contains(['，', '。', '；', ',', ';']) {
                0.5
            } else {
                1.5
            }
        }
        // Work items are titles: short, without sentence punctuation.
        R::WorkItem => {
            if t.chars().count() > 40 || t.trim_end_matches('。').contains('。') {
                0.8
            } else if t.contains(['，', '。', '；', ',', ';']) {
                0.6
            } else {
                0.0
            }
        }
        R::Target => {
            let quantified = t.contains(|c: char| c.is_ascii_digit() || c == '%' || c == '％')
                || ["达到", "提升", "增长", "不少于", "力争", "以上"].iter().any(|w| t.contains(w));
            if quantified {
                0.0
            } else {
                0.4
            }
        }
        R::Measure => {
            if t.chars().count() >= 12 || t.contains(['。', '，']) {
                0.0
            } else {
                0.3
            }
        }
        R::Result => 0.2,
    }
}

/// Cost of leaving a column empty in a row.
fn empty_cost(role: ColumnRole, can_inherit: bool) -> f32 {
    match role {
        R::Focus | R::WorkItem if can_inherit => 0.3,
        R::Focus | R::WorkItem => 2.0,
        R::Measure => 2.5,
        R::Target | R::Result => 1.5,
        R::Lead | R::Departments => 2.0,
        R::Support => 0.7,
        R::Deadline => 1.0,
        R::Remark => 0.2,
        R::Number => 0.0,
    }
}

/// Does piece `a` fill its column (of learnt width `w`, else one of the document's wrap widths)?
fn is_full(a: &Unit, w: Option<f32>) -> bool {
    match w {
        Some(w) => !ends_sentence(&a.text) && (a.width - w).abs() <= 1.0,
        None => a.full,
    }
}

/// Cost of continuing a cell from piece `a` into piece `b`.
fn join_cost(role: ColumnRole, a: &Unit, b: &Unit, w: Option<f32>) -> f32 {
    // Titles rarely wrap: a work item of two lines needs a reason (a cut mid-sentence, a full line).
    let title = if matches!(role, R::Focus | R::WorkItem) { 0.2 } else { 0.0 };
    let mut c = title
        + if b.same_line {
            1.5
        } else if ends_sentence(&a.text) {
            match role {
                _ if is_body_role(role) => 0.3,
                R::Deadline => 1.5,
                _ => 0.6,
            }
        } else if ends_mid_sentence(&a.text) {
            0.0
        } else {
            0.1
        };
    if is_full(a, w) && !b.same_line {
        c -= 0.8;
    }
    // A cell's lines are as wide as its column but the last: a wider line after a narrower one
    // that did not end a sentence begins another cell.
    if !b.same_line && b.width > a.width + 1.5 && !ends_sentence(&a.text) && !ends_mid_sentence(&a.text) {
        c += 0.8;
    }
    // …and two lines of one width, the first cut mid-phrase (`推进侵犯知识产权` / `行政处罚案件信息`),
    // are one cell wrapped by its column, where the document's widths say nothing.
    if w.is_none() && !b.same_line && a.width >= 4.0 && (b.width - a.width).abs() <= 0.5 && !ends_sentence(&a.text) {
        c -= 0.3;
    }
    // In a column that wraps by width, a short line ends its cell.
    if w.is_some_and(|w| a.width < w - 1.5) && !ends_mid_sentence(&a.text) {
        c += 1.0;
    }
    // A list's first item after a finished sentence begins the next cell (成果形式: 1.… 2.…).
    if !b.same_line && ends_sentence(&a.text) && begins_list(&b.text) {
        c += 0.5;
    }
    c
}

/// Does `t` begin a list with its first item (`1.`, `1、`, `（1）`)?
fn begins_list(t: &str) -> bool {
    let t = trim(t);
    ["1.", "1．", "1、", "（1）", "(1)"]
        .iter()
        .any(|m| t.strip_prefix(m).is_some_and(|r| !r.starts_with(|c: char| c.is_ascii_digit())))
}

/// Cost of closing a cell after piece `a` (the next cell begins with `b`).
fn split_cost(a: &Unit, b: &Unit, w: Option<f32>) -> f32 {
    // A body's name wrapped by a narrow column (`省知识产权` / `局`) is one cell's.
    let cut_name =
        !b.same_line && b.text.chars().count() <= 2 && looks_like_cut_body(&a.text) && looks_like_body(&b.text);
    if ends_mid_sentence(&a.text) || cut_name {
        2.5
    } else if is_full(a, w) && b.width <= a.width + 1.5 {
        0.6
    } else {
        0.0
    }
}

/// Cost of a piece left after the row's last cell (the end of the table).
const AFTER_COST: f32 = 2.5;

/// Assign each piece of a row to a column of `roles` (by index), or to `roles.len()` for pieces
/// after the row's cells (the table has ended). Cheapest segmentation in column order.
// The cost tables are indexed by column state, as the recurrence reads.
#[allow(clippy::needless_range_loop)]
fn assign(
    units: &[Unit],
    roles: &[ColumnRole],
    widths: &[Option<f32>],
    can_inherit: bool,
    allow_after: bool,
) -> Vec<usize> {
    let wid = |c: usize| widths.get(c).copied().flatten();
    let cols = roles.len();
    let after = cols;
    let k = units.len();
    if k == 0 {
        return Vec::new();
    }
    if cols == 0 {
        return vec![after; k];
    }
    let empty: Vec<f32> = roles.iter().map(|r| empty_cost(*r, can_inherit)).collect();
    // empty_between(a, b): columns a..b left empty.
    let mut prefix = vec![0.0f32; cols + 1];
    for c in 0..cols {
        prefix[c + 1] = prefix[c] + empty[c];
    }
    let empty_between = |a: usize, b: usize| if b > a { prefix[b] - prefix[a] } else { 0.0 };
    let unit_cost = |c: usize, u: &Unit| if c == after { AFTER_COST } else { fit(roles[c], u, wid(c)) };
    let states = cols + 1;
    let inf = f32::INFINITY;
    let mut cost = vec![inf; k * states];
    let mut parent = vec![usize::MAX; k * states];
    for c in 0..states {
        if c == after && !allow_after {
            continue;
        }
        cost[c] = empty_between(0, c.min(cols)) + unit_cost(c, &units[0]);
    }
    for j in 1..k {
        for c in 0..states {
            if c == after && !allow_after {
                continue;
            }
            let here = unit_cost(c, &units[j]);
            let mut best = inf;
            let mut from = usize::MAX;
            for p in 0..=c {
                let prev = cost[(j - 1) * states + p];
                if !prev.is_finite() {
                    continue;
                }
                let step = if p == c {
                    if c == after {
                        0.0
                    } else {
                        join_cost(roles[c], &units[j - 1], &units[j], wid(c))
                    }
                } else if p == after {
                    continue;
                } else {
                    split_cost(&units[j - 1], &units[j], wid(p)) + empty_between(p + 1, c.min(cols))
                };
                let total = prev + step + here;
                if total < best {
                    best = total;
                    from = p;
                }
            }
            cost[j * states + c] = best;
            parent[j * states + c] = from;
        }
    }
    let mut end = usize::MAX;
    let mut best = inf;
    for c in 0..states {
        let v = cost[(k - 1) * states + c];
        let total = v + if c == after { 0.0 } else { empty_between(c + 1, cols) };
        if total < best {
            best = total;
            end = c;
        }
    }
    if end == usize::MAX {
        return vec![cols.saturating_sub(1); k];
    }
    let mut out = vec![0; k];
    let mut c = end;
    for j in (0..k).rev() {
        out[j] = c;
        if j > 0 {
            c = parent[j * states + c];
            if c == usize::MAX {
                c = 0;
            }
        }
    }
    out
}

/// Cost of starting a new row in a table that prints no row numbers.
const NEW_ROW_COST: f32 = 0.3;

/// Like [`assign`], for a whole table whose rows print no number (the provincial work-point
/// tables, where 序号 numbers the focus areas): the pieces of all rows in one stream. A row ends
/// with its department cell (or a column after it); the next begins again at a text column.
/// Returns each piece's column (`roles.len()` after the table) and whether it begins a row.
/// A stream `cut` from mid-table (a page of it) may begin in any column and end before the
/// department column: the row's other cells are on the pages before and after.
#[allow(clippy::needless_range_loop)]
fn assign_stream(units: &[Unit], roles: &[ColumnRole], widths: &[Option<f32>], cut: bool) -> Vec<(usize, bool)> {
    let cols = roles.len();
    let after = cols;
    let k = units.len();
    if k == 0 || cols == 0 {
        return vec![(after, false); k];
    }
    let wid = |c: usize| widths.get(c).copied().flatten();
    let mut prefix = vec![0.0f32; cols + 1];
    for c in 0..cols {
        prefix[c + 1] = prefix[c] + empty_cost(roles[c], true);
    }
    let empty_between = |a: usize, b: usize| if b > a { prefix[b] - prefix[a] } else { 0.0 };
    // Rows close at their first department column; they start again at most at the first
    // measure-like column (the work item may be a merged cell printed once).
    let closes = roles.iter().position(|r| is_body_role(*r)).unwrap_or(cols - 1);
    let opens = roles.iter().position(|r| matches!(r, R::Measure | R::Target | R::Result)).unwrap_or(0);
    let unit_cost = |c: usize, u: &Unit| if c == after { AFTER_COST } else { fit(roles[c], u, wid(c)) };
    let states = cols + 1;
    let inf = f32::INFINITY;
    let mut cost = vec![inf; k * states];
    let mut parent = vec![usize::MAX; k * states];
    for c in 0..=opens.min(cols - 1) {
        cost[c] = empty_between(0, c) + unit_cost(c, &units[0]);
    }
    if cut {
        for c in 0..cols {
            cost[c] = unit_cost(c, &units[0]);
        }
    }
    for j in 1..k {
        let (a, b) = (&units[j - 1], &units[j]);
        for c in 0..states {
            let here = unit_cost(c, b);
            let mut best = inf;
            let mut from = usize::MAX;
            for p in 0..states {
                let prev = cost[(j - 1) * states + p];
                if !prev.is_finite() {
                    continue;
                }
                let step = if c == after {
                    if p == after {
                        0.0
                    } else if p >= closes {
                        empty_between(p + 1, cols)
                    } else {
                        continue;
                    }
                } else if p == after {
                    continue;
                } else if c == p {
                    join_cost(roles[c], a, b, wid(c))
                } else if c > p {
                    split_cost(a, b, wid(p)) + empty_between(p + 1, c)
                } else if p >= closes && c <= opens {
                    split_cost(a, b, wid(p)) + empty_between(p + 1, cols) + empty_between(0, c) + NEW_ROW_COST
                } else {
                    continue;
                };
                let total = prev + step + here;
                if total < best {
                    best = total;
                    from = p;
                }
            }
            cost[j * states + c] = best;
            parent[j * states + c] = from;
        }
    }
    let mut end = usize::MAX;
    let mut best = inf;
    for c in 0..states {
        let open_end = if c == after || cut { 0.0 } else { empty_between(c + 1, cols) };
        let total = cost[(k - 1) * states + c] + open_end;
        if total < best {
            best = total;
            end = c;
        }
    }
    let mut path = vec![after; k];
    if end == usize::MAX {
        return path.into_iter().map(|c| (c, false)).collect();
    }
    let mut c = end;
    for j in (0..k).rev() {
        path[j] = c;
        if j > 0 {
            c = parent[j * states + c];
            if c == usize::MAX {
                c = 0;
            }
        }
    }
    let mut out = Vec::with_capacity(k);
    for j in 0..k {
        let starts = j == 0 || (path[j] < path[j - 1] && path[j] != after);
        out.push((path[j], starts));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Rows.

/// A row being read: its number, its lines, and (for tab rows) its cells.
#[derive(Debug, Clone, Default)]
struct RowLines {
    no: Option<u32>,
    /// The line the row starts on.
    start: usize,
    /// Lines of the row after its start, in order (noise excluded).
    body: Vec<usize>,
    /// Pieces of the start line after the number (flattened and one-cell-per-line rows).
    first_pieces: Vec<String>,
    /// The row came as tab-separated cells.
    tabbed: bool,
    chapter: Option<String>,
}

/// A row's cells: per column, the (line, text) pieces; pieces after the table's end.
#[derive(Debug, Clone, Default)]
struct Cells {
    by_column: Vec<Vec<(usize, String)>>,
    /// Learnt width of each column where its cells wrap by width.
    widths: Vec<Option<f32>>,
    after: Vec<(usize, String)>,
    /// Lead columns whose cell a tab row left out or printed empty: a merged cell (rowspan) that
    /// names its bodies in the first row of the group only.
    merged: Vec<bool>,
}

impl Cells {
    /// No piece yet in any of `n` columns, whose learnt widths are `widths`.
    fn empty(n: usize, widths: Vec<Option<f32>>) -> Cells {
        Cells { by_column: vec![Vec::new(); n], widths, after: Vec::new(), merged: vec![false; n] }
    }
}

/// Everything the walk decided, per line: the pieces and what became of them.
struct Account {
    pieces: Vec<Vec<(String, Use)>>,
}

impl Account {
    fn mark(&mut self, i: usize, text: &str, used: Use) {
        if let Some(p) = self.pieces.get_mut(i) {
            p.push((text.to_string(), used));
        }
    }
    fn is_marked(&self, i: usize) -> bool {
        self.pieces.get(i).is_some_and(|p| !p.is_empty())
    }
}

/// Split a tab-separated row into cells; lines without tabs continue the open cell.
fn tab_cells(row: &RowLines, raw: &[&str], columns: &[Column]) -> Cells {
    let n = columns.len();
    let mut cells: Vec<Vec<(usize, String)>> = vec![Vec::new()];
    let push = |cells: &mut Vec<Vec<(usize, String)>>, line: usize, text: &str, new_cell: bool| {
        if new_cell {
            cells.push(Vec::new());
        }
        let t = unquote(trim(text));
        if !t.is_empty() {
            if let Some(c) = cells.last_mut() {
                c.push((line, t.to_string()));
            }
        }
    };
    let mut after: Vec<(usize, String)> = Vec::new();
    for &i in std::iter::once(&row.start).chain(&row.body) {
        let text = raw.get(i).copied().unwrap_or("").trim_end_matches(['\r', '\n']);
        // A line without tabs after the row's last cell continues that cell only if it looks like
        // one: prose after the table (a closing paragraph, a signature) ends the table.
        let complete = cells.len() >= n;
        let last_role = columns.last().map(|c| c.role).unwrap_or(R::Remark);
        let t = trim(text);
        let continues = !complete
            || text.contains('\t')
            || fit(
                last_role,
                &Unit { line: i, text: normalise(t), width: width(t), same_line: false, full: false },
                None,
            ) < 1.0;
        if !after.is_empty() || !continues {
            if !t.is_empty() {
                after.push((i, t.to_string()));
            }
            continue;
        }
        for (p, part) in text.split('\t').enumerate() {
            push(&mut cells, i, part, p > 0);
        }
    }
    let mut out = Cells { after, ..Cells::empty(n, vec![None; n]) };
    let filled = cells.len();
    // Fewer cells than columns: merged (rowspan) cells are left out by the copy (a task or focus
    // cell on the left, a lead cell written once for several rows), or trailing empty cells are:
    // choose the columns left out whose choice fits the cells to their columns best.
    let omitted: Vec<usize> = if filled < n && row.no.is_some() {
        let missing = n - filled;
        let cost_of = |left_out: &[usize]| -> f32 {
            let kept: Vec<usize> = (1..n).filter(|c| !left_out.contains(c)).collect();
            cells
                .iter()
                .enumerate()
                .skip(1)
                .map(|(k, cell)| {
                    let role = kept.get(k - 1).map(|&c| columns[c].role).unwrap_or(R::Remark);
                    cell.iter()
                        .map(|(l, t)| {
                            fit(
                                role,
                                &Unit { line: *l, text: normalise(t), width: width(t), same_line: false, full: false },
                                None,
                            )
                        })
                        .sum::<f32>()
                })
                .sum()
        };
        let mergeable: Vec<usize> =
            (1..n).filter(|&c| matches!(columns[c].role, R::Focus | R::WorkItem | R::Lead)).collect();
        let best =
            subsets(&mergeable, missing).into_iter().map(|set| (cost_of(&set), set)).min_by(|a, b| a.0.total_cmp(&b.0));
        match best {
            Some((cost, set)) if cost < cost_of(&[]) => set,
            _ => Vec::new(),
        }
    } else {
        Vec::new()
    };
    let kept: Vec<usize> = (1..n).filter(|c| !omitted.contains(c)).collect();
    for (k, cell) in cells.into_iter().enumerate() {
        let col = if k == 0 { Some(0) } else { kept.get(k - 1).copied() };
        match col.and_then(|c| out.by_column.get_mut(c)) {
            Some(slot) => slot.extend(cell),
            None => out.after.extend(cell),
        }
    }
    // A lead cell left out, or printed empty in a row that has its other cells, is merged.
    for (c, col) in columns.iter().enumerate() {
        out.merged[c] = col.role == R::Lead && out.by_column[c].is_empty() && (omitted.contains(&c) || filled >= n);
    }
    out
}

/// The sets of `k` items of `items`, in order (few: a table has a handful of mergeable columns).
fn subsets(items: &[usize], k: usize) -> Vec<Vec<usize>> {
    if k == 0 {
        return vec![Vec::new()];
    }
    if items.len() < k {
        return Vec::new();
    }
    let mut with_first: Vec<Vec<usize>> = subsets(&items[1..], k - 1)
        .into_iter()
        .map(|mut rest| {
            rest.insert(0, items[0]);
            rest
        })
        .collect();
    with_first.extend(subsets(&items[1..], k));
    with_first
}

/// Cells copied from a spreadsheet may be quoted: `"text"` with `""` for a quote.
fn unquote(t: &str) -> String {
    match t.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        Some(inner) if t.len() >= 2 => inner.replace("\"\"", "\""),
        _ => t.to_string(),
    }
}

/// Pieces of one line: the whole line, or its space-separated pieces in a flattened table.
fn pieces_of(text: &str, flattened: bool) -> Vec<String> {
    let t = trim(text);
    if t.is_empty() {
        return Vec::new();
    }
    if flattened {
        // Cells share a line separated by spaces; a space beside a Latin letter or a digit is
        // inside a cell (`“剑网 2016”`, `15 班次以上`), but for one before a date cell of its own
        // (`区经信局 2023年12月底`: the departments, then the deadline).
        let chars: Vec<char> = t.chars().collect();
        let mut out = vec![String::new()];
        for (k, c) in chars.iter().enumerate() {
            if c.is_whitespace() {
                let before = chars[..k].iter().rev().find(|c| !c.is_whitespace());
                let rest = chars[k + 1..].iter().skip_while(|c| c.is_whitespace());
                // The next piece, as far as a date cell's length (`looks_like_date`: 16 at most).
                let next: String = rest.take_while(|c| !c.is_whitespace()).take(17).collect();
                let after = next.chars().next();
                let year =
                    next.chars().take(4).filter(char::is_ascii_digit).count() == 4 && next.chars().nth(4) == Some('年');
                let date_cell = year && looks_like_date(&next) && !before.is_some_and(|c| c.is_ascii_alphanumeric());
                let inside = !date_cell
                    && (before.is_some_and(|c| c.is_ascii_alphanumeric())
                        || after.is_some_and(|c| c.is_ascii_alphanumeric()));
                if inside {
                    if !out.last().is_some_and(|p| p.ends_with(' ')) {
                        if let Some(p) = out.last_mut() {
                            p.push(' ');
                        }
                    }
                } else if out.last().is_some_and(|p| !p.is_empty()) {
                    out.push(String::new());
                }
            } else if let Some(p) = out.last_mut() {
                p.push(*c);
            }
        }
        out.into_iter().map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()
    } else {
        vec![t.to_string()]
    }
}

/// The pieces of a one-cell-per-line (or flattened) row, assigned to columns.
#[allow(clippy::too_many_arguments)] // the row, its table's columns and what the rows above left
fn line_cells(
    row: &RowLines,
    raw: &[&str],
    columns: &[Column],
    flattened: bool,
    full_widths: &[f32],
    col_widths: &[Option<f32>],
    can_inherit: bool,
    allow_after: bool,
) -> Cells {
    let n = columns.len();
    let number_first = columns.first().is_some_and(|c| c.role == R::Number);
    let skip = usize::from(number_first);
    let mut units: Vec<Unit> = Vec::new();
    let mut add = |line: usize, pieces: Vec<String>| {
        for (p, text) in pieces.into_iter().enumerate() {
            let w = width(&text);
            let full = !ends_sentence(&text) && full_widths.iter().any(|f| (w - f).abs() <= 1.0);
            units.push(Unit { line, text, width: w, same_line: p > 0, full });
        }
    };
    add(row.start, row.first_pieces.clone());
    for &i in &row.body {
        add(i, pieces_of(raw.get(i).copied().unwrap_or(""), flattened));
    }
    let roles: Vec<ColumnRole> = columns.iter().skip(skip).map(|c| c.role).collect();
    let widths: Vec<Option<f32>> = (skip..n).map(|c| col_widths.get(c).copied().flatten()).collect();
    let assigned = assign(&units, &roles, &widths, can_inherit, allow_after);
    let mut out = Cells::empty(n, col_widths.to_vec());
    for (u, col) in units.into_iter().zip(assigned) {
        match out.by_column.get_mut(col + skip) {
            Some(slot) if col < roles.len() => slot.push((u.line, u.text)),
            _ => out.after.push((u.line, u.text)),
        }
    }
    out
}

/// Rows of a table that prints no row numbers: its lines read as one stream (see
/// [`assign_stream`]), three times as the columns' widths are learnt.
fn stream_rows(
    idx: &[usize],
    raw: &[&str],
    columns: &[Column],
    flattened: bool,
    full_widths: &[f32],
    chapter: Option<String>,
    cut: bool,
    focus_numbers: &mut Vec<usize>,
) -> Vec<(RowLines, Cells)> {
    let n = columns.len();
    let skip = usize::from(columns.first().is_some_and(|c| c.role == R::Number));
    let roles: Vec<ColumnRole> = columns.iter().skip(skip).map(|c| c.role).collect();
    let mut units: Vec<Unit> = Vec::new();
    for &i in idx {
        let line = raw.get(i).copied().unwrap_or("");
        // A number alone numbers a focus area (or is a page number): no cell of a row.
        if row_number(line).is_some() {
            focus_numbers.push(i);
            continue;
        }
        for (p, text) in pieces_of(line, flattened).into_iter().enumerate() {
            let w = width(&text);
            let full = !ends_sentence(&text) && full_widths.iter().any(|f| (w - f).abs() <= 1.0);
            units.push(Unit { line: i, text, width: w, same_line: p > 0, full });
        }
    }
    let mut col_widths: Vec<Option<f32>> = vec![None; n];
    let mut rows: Vec<(RowLines, Cells)> = Vec::new();
    for pass in 0..3 {
        let widths: Vec<Option<f32>> = (skip..n).map(|c| col_widths.get(c).copied().flatten()).collect();
        let path = assign_stream(&units, &roles, &widths, cut);
        rows.clear();
        let mut tail: Vec<(usize, String)> = Vec::new();
        for (u, (col, starts)) in units.iter().zip(path) {
            if col >= roles.len() {
                tail.push((u.line, u.text.clone()));
                continue;
            }
            if starts || rows.is_empty() {
                let row = RowLines { no: None, start: u.line, chapter: chapter.clone(), ..Default::default() };
                rows.push((row, Cells::empty(n, col_widths.clone())));
            }
            if let Some((_, cells)) = rows.last_mut() {
                if let Some(slot) = cells.by_column.get_mut(col + skip) {
                    slot.push((u.line, u.text.clone()));
                }
            }
        }
        if let Some((_, cells)) = rows.last_mut() {
            cells.after = tail;
        }
        if pass < 2 {
            let read: Vec<&Cells> = rows.iter().map(|(_, c)| c).collect();
            col_widths = learn_widths(&read, n);
        }
    }
    join_across_page_break(&mut rows, idx, raw, &col_widths);
    rows
}

/// A row broken by a page (its number and the repeated header between) goes on below them:
/// the first line after the header prints, side by side, the ends of the cells that were cut
/// at the page's foot (`项目 利奖获奖取得新突破`). The stream reads them as a new row; they are
/// the row above's when there are as many pieces as cells of it that end a full line (within
/// half a character of the column's width: a line a character short is a cell's last).
fn join_across_page_break(rows: &mut Vec<(RowLines, Cells)>, idx: &[usize], raw: &[&str], widths: &[Option<f32>]) {
    let mut r = 1;
    while r < rows.len() {
        let start = rows[r].0.start;
        let pos = idx.binary_search(&start).unwrap_or(0);
        // Lines left out of the stream between this row and the one above (a page number, a
        // header), none a section heading.
        let broken = pos > 0 && {
            let gap = raw.get((idx[pos - 1] + 1).min(start)..start).unwrap_or(&[]);
            gap.iter().any(|l| !trim(l).is_empty()) && !gap.iter().any(|l| section_heading(trim(l)).is_some())
        };
        let pieces: Vec<(usize, usize)> = rows[r]
            .1
            .by_column
            .iter()
            .enumerate()
            .flat_map(|(c, cell)| cell.iter().enumerate().filter(|(_, p)| p.0 == start).map(move |(k, _)| (c, k)))
            .collect();
        let full_ends: Vec<usize> = rows[r - 1]
            .1
            .by_column
            .iter()
            .enumerate()
            .filter(|(c, cell)| {
                cell.last().is_some_and(|(_, t)| {
                    widths.get(*c).copied().flatten().is_some_and(|w| width(t) >= w - 0.5) && !ends_sentence(t)
                })
            })
            .map(|(c, _)| c)
            .collect();
        if !broken || pieces.len() < 2 || pieces.len() != full_ends.len() {
            r += 1;
            continue;
        }
        // Each piece is the first of its cell in the row (they lead it).
        let mut moved: Vec<(usize, String)> = Vec::new();
        for &(c, k) in pieces.iter().rev() {
            let p = rows[r].1.by_column[c].remove(k);
            moved.push(p);
        }
        moved.reverse();
        for (c, p) in full_ends.into_iter().zip(moved) {
            rows[r - 1].1.by_column[c].push(p);
        }
        match rows[r].1.by_column.iter().flatten().map(|p| p.0).min() {
            Some(first) => {
                rows[r].0.start = first;
                r += 1;
            }
            None => {
                let (_, cells) = rows.remove(r);
                rows[r - 1].1.after.extend(cells.after);
            }
        }
    }
}

/// Learn each column's width from the rows read so far: the width most lines of a cell other
/// than its last share, when they agree (a table wrapped by width); None for columns whose
/// cells are paragraphs of any length.
fn learn_widths(rows: &[&Cells], n: usize) -> Vec<Option<f32>> {
    (0..n)
        .map(|c| {
            let ws: Vec<f32> = rows
                .iter()
                .filter_map(|r| r.by_column.get(c))
                .flat_map(|cell| cell.iter().rev().skip(1).map(|(_, t)| width(t)))
                .collect();
            if ws.len() < 2 {
                return None;
            }
            // The width with most widths within 1 of it (ties: the wider), by a sliding window.
            let mut sorted = ws.clone();
            sorted.sort_by(f32::total_cmp);
            let (mut lo, mut hi) = (0usize, 0usize);
            let mut mode = (0usize, 0.0f32);
            for &x in &sorted {
                while lo < sorted.len() && sorted[lo] < x - 1.0 {
                    lo += 1;
                }
                while hi < sorted.len() && sorted[hi] <= x + 1.0 {
                    hi += 1;
                }
                if hi - lo >= mode.0 {
                    mode = (hi - lo, x);
                }
            }
            let mode = mode.1;
            let near: Vec<f32> = ws.iter().copied().filter(|w| (*w - mode).abs() <= 1.0).collect();
            let top = near.iter().copied().fold(0.0f32, f32::max);
            // In a column wrapped by width hardly any line is wider than its wrapped lines.
            let all: Vec<f32> =
                rows.iter().filter_map(|r| r.by_column.get(c)).flatten().map(|(_, t)| width(t)).collect();
            let wider = all.iter().filter(|w| **w > top + 1.0).count();
            (near.len() >= 2 && near.len() * 2 >= ws.len() && top >= 3.0 && wider * 5 <= all.len()).then_some(top)
        })
        .collect()
}

/// Widths that many unfinished lines share: the widths at which cells wrap.
fn wrap_widths(lines: &[Line], from: usize, to: usize) -> Vec<f32> {
    let mut counts: Vec<(f32, usize)> = Vec::new();
    for l in lines.iter().take(to).skip(from) {
        let t = &l.text;
        if t.contains('\t') || ends_sentence(t) {
            continue;
        }
        let w = width(t);
        if w < 10.0 {
            continue;
        }
        match counts.iter_mut().find(|(x, _)| *x == w) {
            Some(e) => e.1 += 1,
            None => counts.push((w, 1)),
        }
    }
    counts
        .iter()
        .filter(|(w, _)| counts.iter().filter(|(x, _)| (x - w).abs() <= 1.0).map(|(_, n)| n).sum::<usize>() >= 4)
        .map(|(w, _)| *w)
        .collect()
}

/// Join the pieces of a cell: text columns run together (line breaks carry no meaning), bodies
/// on separate lines are separated by 、 unless the line was a name broken by width.
fn cell_text(pieces: &[(usize, String)], role: ColumnRole, w: Option<f32>) -> String {
    let mut out = String::new();
    let mut prev_full = false;
    for (_, p) in pieces {
        let p = normalise(p);
        if p.is_empty() {
            continue;
        }
        let broken = std::mem::replace(&mut prev_full, w.is_some_and(|w| width(&p) >= w - 1.0));
        if is_body_role(role) && !out.is_empty() && !broken && !ends_with_a_bare_level(&out) {
            let last_is_body = looks_like_departments(&out) && !out.ends_with(['、', '，', '；', '：', ',', ';']);
            if last_is_body && looks_like_departments(&p) {
                out.push('、');
            }
        }
        out.push_str(&p);
    }
    out
}

/// A cell line that ends with a level alone after its separator (`市工业和信息化局、市` /
/// `科技局`): the next body's name was broken after its level, which names no body by itself.
fn ends_with_a_bare_level(t: &str) -> bool {
    let last = t.rsplit(['、', '，', '；', ',', ';', '：', ':']).next().unwrap_or(t);
    t.len() > last.len() && matches!(last, "省" | "市" | "县" | "区" | "州")
}

// ---------------------------------------------------------------------------------------------
// The document.

/// Words that end a title line above a table.
const TITLE_ENDINGS: &[&str] = &[
    "要点",
    "规划",
    "方案",
    "计划",
    "意见",
    "纲要",
    "办法",
    "措施",
    "清单",
    "分工表",
    "任务表",
    "分解表",
    "台账",
    "一览表",
    "安排",
    // …实施知识产权战略任务分工, …重点任务分解, …年度工作任务 (a table printed without 表).
    "分工",
    "分解",
    "工作任务",
    "任务书",
];

/// Parse a document whose table is read by column names. None when it has no such table with
/// rows (the caller then reads it as prose). Never panics.
pub fn parse(info: &DocumentInfo, raw_text: &str, lines: &[Line]) -> Option<DocumentDraft> {
    let raw: Vec<&str> = raw_text.split('\n').collect();
    let first = first_header(lines, &raw)?;
    let source = info.source.as_str();
    let mut account = Account { pieces: vec![Vec::new(); lines.len()] };
    for (i, l) in lines.iter().enumerate() {
        if l.text.is_empty() {
            account.mark(i, "", Use::Blank);
        }
    }

    let mut plan = PlanDraft { region: info.region.clone().unwrap_or_default(), ..Default::default() };
    let mut cut_off = front_matter(lines, first.start, &mut plan, &mut account);

    // Walk the lines from the first header: headers, section rows, rows and their lines.
    let mut rows: Vec<RowLines> = Vec::new();
    let mut columns = first.columns.clone();
    let mut tables: Vec<(usize, Vec<Column>, bool)> = Vec::new(); // (first row index, columns, flattened)
    let mut flattened = first.flattened;
    // A `一、` heading above the table names the chapter of its first rows.
    let mut chapter: Option<String> = (0..first.start).rev().find_map(|k| section_heading(&lines[k].text));
    let mut last_no: Option<u32> = None;
    let mut restart_allowed = true;
    let mut loose: Vec<usize> = Vec::new();
    let mut i = first.start;
    while i < lines.len() {
        let text = lines[i].text.as_str();
        if text.is_empty() {
            i += 1;
            continue;
        }
        if let Some(h) = header_at(lines, &raw, i) {
            for (k, line) in lines.iter().enumerate().take(h.end + 1).skip(h.start) {
                if !line.text.is_empty() {
                    account.mark(k, &line.text, Use::Noise);
                }
            }
            if h.columns != columns || tables.is_empty() {
                columns = h.columns.clone();
                flattened = h.flattened;
                tables.push((rows.len(), columns.clone(), flattened));
                last_no = None;
                restart_allowed = true;
            }
            i = h.end + 1;
            continue;
        }
        if is_decorated_page_number(text) || is_continuation_label(text) || is_bare_page_number(lines, &raw, i) {
            account.mark(i, text, Use::Noise);
            i += 1;
            continue;
        }
        let raw_line = raw.get(i).copied().unwrap_or("");
        // In the work-point template (序号 · 工作重点 · 工作内容 …) 序号 numbers the focus areas, not
        // the rows: such tables are read as a stream of cells below.
        let number_first = columns.first().is_some_and(|c| c.role == R::Number) && !numbers_focus_areas(&columns);
        // A row start: the number in the first tab cell, alone on the line, or leading a
        // flattened line; in sequence (or any number for a table's first row).
        let expected_ok = |n: u32| match last_no {
            None => true,
            Some(p) => n == p + 1 || (restart_allowed && n == 1),
        };
        let tab_no = raw_line.contains('\t').then(|| raw_line.split('\t').next().and_then(row_number)).flatten();
        let start = if raw_line.contains('\t') && number_first {
            // A number alone in the first tab cell is structure enough: any number starts a row.
            // A whole row under a numbered one, its number cell empty, is a row of that number
            // (a spreadsheet's copy leaves a merged 序号 cell empty below its first row; a web
            // page's `rowspan` prints the number again).
            let under_merged_number = || last_no.filter(|_| is_whole_row_without_number(raw_line, columns.len()));
            tab_no.or_else(under_merged_number).map(|n| (Some(n), true, Vec::new()))
        } else if raw_line.contains('\t') && !number_first {
            (raw_line.split('\t').filter(|c| !trim(c).is_empty()).count() >= 2).then(|| (None, true, Vec::new()))
        } else if let Some(n) = row_number(text).filter(|n| number_first && expected_ok(*n)) {
            Some((Some(n), false, Vec::new()))
        } else if flattened && number_first {
            let mut parts = trim(raw_line).splitn(2, char::is_whitespace);
            let head = parts.next().unwrap_or("");
            let rest = parts.next().unwrap_or("");
            // A number leading a flattened line may be a quantity (`15 班次以上`): the first row
            // must be 1, or a number the next row's follows (a table printed from row 33 on).
            let leads = |l: &&str| trim(l).split_whitespace().next().and_then(row_number);
            let followed = |n: u32| raw.iter().skip(i + 1).take(FOLLOWING_ROW_LINES).any(|l| leads(l) == Some(n + 1));
            row_number(head)
                .filter(|n| expected_ok(*n) && (last_no.is_some() || *n == 1 || followed(*n)) && !trim(rest).is_empty())
                .map(|n| (Some(n), false, pieces_of(rest, true)))
        } else {
            None
        };
        if let Some((no, tabbed, first_pieces)) = start {
            rows.push(RowLines { no, start: i, body: Vec::new(), first_pieces, tabbed, chapter: chapter.clone() });
            if no.is_some() {
                last_no = no;
            }
            restart_allowed = false;
            i += 1;
            continue;
        }
        // A section row: a `一、` / `（一）` heading, alone or as the only cell of a tab row.
        let only_cell = if raw_line.contains('\t') {
            let cells: Vec<&str> = raw_line.split('\t').map(trim).filter(|c| !c.is_empty()).collect();
            (cells.len() == 1).then(|| cells[0].to_string())
        } else {
            Some(text.to_string())
        };
        if let Some(h) = only_cell.as_deref().and_then(section_heading) {
            account.mark(i, text, Use::Heading);
            chapter = Some(h);
            restart_allowed = true;
            // Lines after a heading and before the next row belong to no row.
            rows.push(RowLines { no: None, start: usize::MAX, ..Default::default() });
            i += 1;
            continue;
        }
        match rows.last_mut() {
            Some(r) if r.start != usize::MAX => r.body.push(i),
            _ => loose.push(i),
        }
        i += 1;
    }
    let separators = rows.iter().filter(|r| r.start == usize::MAX).count();
    let full_widths = wrap_widths(lines, first.end + 1, lines.len());
    // No row numbers at all: a table whose 序号 numbers something else (the provincial
    // work-point tables number their focus areas) is read as one stream of cells.
    let mut streamed: Vec<(RowLines, Cells)> = Vec::new();
    let mut streamed_cut_off = false;
    if rows.len() == separators {
        let (cols, flat) = tables.first().map(|t| (&t.1, t.2)).unwrap_or((&first.columns, first.flattened));
        let mut focus_numbers = Vec::new();
        // A page from mid-table: the rows above its (repeated) header are cells of the same
        // columns, and the stream runs on across the page's number and header (a row broken
        // there is one row). The page number just above the header is the page's.
        let mut stream = loose.clone();
        if !cut_off.is_empty() && chapter.is_none() {
            while let Some(&k) = cut_off.last() {
                let t = &lines[k].text;
                if is_page_number(t) || is_decorated_page_number(t) || is_continuation_label(t) {
                    account.mark(k, t, Use::Noise);
                    cut_off.pop();
                } else {
                    break;
                }
            }
            streamed_cut_off = !cut_off.is_empty();
            stream = cut_off.drain(..).chain(loose.iter().copied()).collect();
        }
        streamed =
            stream_rows(&stream, &raw, cols, flat, &full_widths, chapter.clone(), streamed_cut_off, &mut focus_numbers);
        for k in focus_numbers {
            account.mark(k, &lines[k].text, Use::Heading);
        }
        if streamed.is_empty() {
            return None;
        }
        loose = Vec::new();
        rows = Vec::new();
    }

    // Cells of each row.
    let mut table_of_row = vec![0usize; rows.len()];
    for (t, (from, _, _)) in tables.iter().enumerate() {
        for slot in table_of_row.iter_mut().skip(*from) {
            *slot = t;
        }
    }
    // Read the rows once without column widths, learn the widths at which each column wraps
    // (if it does), and read them again with them, twice (a column whose lines were misplaced in
    // the first reading shows its width in the second).
    let mut cells_of: Vec<Option<Cells>> = vec![None; rows.len()];
    let mut col_widths: Vec<Vec<Option<f32>>> = tables.iter().map(|t| vec![None; t.1.len()]).collect();
    for pass in 0..3 {
        for (k, row) in rows.iter().enumerate() {
            if row.start == usize::MAX {
                continue;
            }
            let t = table_of_row[k];
            let (cols, flat) = tables.get(t).map(|t| (&t.1, t.2)).unwrap_or((&first.columns, first.flattened));
            let prev_is_row = k > 0 && rows[k - 1].start != usize::MAX;
            let next_is_row = rows.get(k + 1).is_some_and(|r| r.start != usize::MAX);
            let widths = col_widths.get(t).cloned().unwrap_or_default();
            let cells = if row.tabbed {
                tab_cells(row, &raw, cols)
            } else {
                line_cells(row, &raw, cols, flat, &full_widths, &widths, prev_is_row, !next_is_row)
            };
            cells_of[k] = Some(cells);
        }
        if pass == 2 || rows.is_empty() {
            break;
        }
        for (t, (_, cols, _)) in tables.iter().enumerate() {
            let read: Vec<&Cells> = rows
                .iter()
                .zip(&cells_of)
                .enumerate()
                .filter(|(k, (r, _))| table_of_row[*k] == t && !r.tabbed)
                .filter_map(|(_, (_, c))| c.as_ref())
                .collect();
            if let Some(w) = col_widths.get_mut(t) {
                *w = learn_widths(&read, cols.len());
            }
        }
    }

    for (row, cells) in streamed {
        rows.push(row);
        cells_of.push(Some(cells));
        table_of_row.push(0);
    }

    // Records.
    report_cut_off(lines, &cut_off, &mut account);
    // The table's title names its place as a prose plan's does (某某省…重点任务分工表, 某某县2023年…
    // 任务清单); a prefecture may be named only by its document number's short form (博州…).
    if plan.region.is_empty() {
        plan.region = super::prose::region_in_title(&plan.title)
            .or_else(|| plan.doc_number.as_deref().and_then(super::prose::prefecture_of_doc_number))
            .unwrap_or_default();
    }
    // Rows cut off above the header (an excerpt from mid-table) leave cells open: the first lines
    // under the header may end them, so the first row read is not to be trusted blindly.
    let rows_cut_off_above =
        streamed_cut_off || account.pieces.iter().take(first.start).flatten().any(|p| p.1 == Use::Unassigned);
    let (year_start, year_end) = years_of(&plan.title, plan.doc_number.as_deref());
    plan.year_start = info.year_start.or(year_start);
    plan.year_end = info.year_end.or(year_end).or(plan.year_start);

    // The 2018 template's tables: its header (序号 · 工作重点 · 工作内容 …), or a focus and a task
    // column whose cells print the template's focus areas or work items.
    let template_layout = tables.iter().any(|(from, cols, _)| {
        let has_focus = cols.iter().any(|c| c.role == R::Focus);
        let has_item = cols.iter().any(|c| c.role == R::WorkItem);
        numbers_focus_areas(cols)
            || has_focus
                && has_item
                && cells_of.iter().skip(*from).flatten().any(|c| {
                    cols.iter().zip(&c.by_column).any(|(col, cell)| {
                        let t = cell_text(cell, col.role, None);
                        col.role == R::Focus && template::focus_of_text(&t, false).is_some()
                            || col.role == R::WorkItem && template::work_item_match(&t, false).is_some()
                    })
                })
    });
    let mut prev_focus: Option<String> = None;
    let mut prev_item: Option<String> = None;
    let mut prev_lead: Vec<crate::model::Department> = Vec::new();
    let mut prev_focus_no: Option<u8> = None;
    let mut target_cells: Vec<(String, usize)> = Vec::new();
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let mut prev_row_doubtful = false;
    let mut tail_lines: Vec<(usize, String)> = Vec::new();
    for (k, row) in rows.iter().enumerate() {
        let Some(cells) = cells_of[k].take() else {
            prev_focus = None;
            prev_item = None;
            prev_lead.clear();
            continue;
        };
        let cols = tables.get(table_of_row[k]).map(|t| &t.1).unwrap_or(&first.columns);
        let own = |role: ColumnRole| {
            cols.iter()
                .zip(&cells.by_column)
                .find(|(c, _)| c.role == role)
                .map(|(c, cell)| cell_text(cell, c.role, None))
        };
        let own_focus = own(R::Focus).filter(|t| !t.is_empty());
        let own_item = own(R::WorkItem).filter(|t| !t.is_empty());
        let takes_merged = own_focus.is_none() && prev_focus.is_some() || own_item.is_none() && prev_item.is_some();
        let mut measure = build_record(
            row,
            &cells,
            cols,
            template_layout,
            &mut prev_focus,
            &mut prev_item,
            &mut prev_lead,
            &mut account,
        );
        if template_layout {
            // A focus cell merged over rows may print its text mid-span, below rows it covers (a
            // page from mid-table): the focus a row takes from above yields to the area of the
            // template's work item the row prints itself.
            let by_own_item = own_item.as_deref().and_then(template::focus_of_work_item);
            if let Some(f) = by_own_item.filter(|f| own_focus.is_none() && measure.focus_no.is_some_and(|n| n != *f)) {
                measure.focus_no = Some(f);
                measure.chapter = template::focus_text(f).unwrap_or_default().to_string();
                prev_focus = None;
            }
            // The template's focus area by meaning: the focus cell, else the work item, else the
            // row above (a table's own work items stay under the area they are printed in).
            let by_item = measure.work_item.as_deref().and_then(template::focus_of_work_item);
            measure.focus_no = measure.focus_no.or(by_item).or(prev_focus_no);
            prev_focus_no = measure.focus_no;
            if measure.chapter.is_empty() {
                measure.chapter = measure.focus_no.and_then(template::focus_text).unwrap_or_default().to_string();
            }
        }
        for (col, cell) in cols.iter().zip(&cells.by_column) {
            if matches!(col.role, R::Target | R::Result) && !cell.is_empty() {
                target_cells.push((cell_text(cell, R::Target, None), cell[0].0));
            }
        }
        let first_row = plan.measures.is_empty();
        let doubts_before = diagnostics.len();
        if first_row && rows_cut_off_above {
            diagnostics.push(Diagnostic::new(
                source,
                measure.lines[0],
                DiagnosticCode::IncompleteRow,
                if streamed_cut_off {
                    format!(
                        "table row of lines {}-{} is printed above the page's header, cut off from the page \
                         before; its cells may have begun there",
                        measure.lines[0], measure.lines[1]
                    )
                } else {
                    format!(
                        "table row of lines {}-{} follows rows cut off above the header; its first lines \
                         may end their cells",
                        measure.lines[0], measure.lines[1]
                    )
                },
            ));
        }
        // A one-character text cell is the tail of a wrapped cell (…公开案 / 情) read as a cell.
        let one_char_cell = cols.iter().zip(&cells.by_column).any(|(c, cell)| {
            matches!(c.role, R::WorkItem | R::Measure | R::Target | R::Result)
                && cell_text(cell, c.role, None).chars().filter(|c| !c.is_whitespace()).count() == 1
        });
        if one_char_cell {
            diagnostics.push(Diagnostic::new(
                source,
                measure.lines[0],
                DiagnosticCode::IncompleteRow,
                format!(
                    "table row of lines {}-{} has a cell of one character; it may be the end of another cell",
                    measure.lines[0], measure.lines[1]
                ),
            ));
        }
        // A row with a department column but no department or no text has lost cells to a
        // neighbour (or taken theirs): say so rather than pass it off as a record.
        let has_body_column = cols.iter().any(|c| is_body_role(c.role));
        if (has_body_column && measure.departments.is_empty()) || measure.text.is_none() {
            diagnostics.push(Diagnostic::new(
                source,
                measure.lines[0],
                DiagnosticCode::IncompleteRow,
                format!(
                    "table row of lines {}-{} has no {}; its cells may be mixed up with a neighbour's",
                    measure.lines[0],
                    measure.lines[1],
                    if measure.text.is_none() { "text" } else { "department" }
                ),
            ));
        }
        // A merged cell (work item, focus) left empty takes the row above's: from a doubtful row
        // it is doubtful too.
        let inherits = cols
            .iter()
            .zip(&cells.by_column)
            .any(|(c, cell)| matches!(c.role, R::WorkItem | R::Focus) && cell_text(cell, c.role, None).is_empty());
        // …and so is one taken across a page break (its number, the repeated header): a merged
        // cell prints its text once, maybe mid-span, so the one printed below may be the row's.
        let across_page = takes_merged
            && k > 0
            && rows[k - 1].start < row.start
            && (rows[k - 1].start + 1..row.start).any(|l| account.pieces[l].iter().any(|p| p.1 == Use::Noise));
        if across_page && diagnostics.len() == doubts_before {
            diagnostics.push(Diagnostic::new(
                source,
                measure.lines[0],
                DiagnosticCode::IncompleteRow,
                format!(
                    "table row of lines {}-{} takes a merged cell from the row above across a page break; the \
                     cell's text may be printed below, mid-span",
                    measure.lines[0], measure.lines[1]
                ),
            ));
        }
        if inherits && prev_row_doubtful && diagnostics.len() == doubts_before {
            diagnostics.push(Diagnostic::new(
                source,
                measure.lines[0],
                DiagnosticCode::IncompleteRow,
                format!(
                    "table row of lines {}-{} takes a merged cell from the row above, whose cells are in \
                     doubt",
                    measure.lines[0], measure.lines[1]
                ),
            ));
        }
        prev_row_doubtful = diagnostics.len() > doubts_before || measure.departments.iter().any(super::is_unknown_body);
        let next_is_row = rows.get(k + 1).is_some_and(|r| r.start != usize::MAX);
        if next_is_row {
            for (l, t) in &cells.after {
                account.mark(*l, t, Use::Unassigned);
            }
        } else {
            tail_lines.extend(cells.after.iter().cloned());
        }
        plan.measures.push(measure);
    }

    // Targets in 任务目标 cells: with the year the cell or the document states.
    plan.targets = target_cells.iter().flat_map(|(cell, _)| cell_targets(cell, plan.year_end)).collect();
    // And those stated in the tasks themselves (开展专利导航项目2个以上), as in a plan's items.
    for t in targets::from_items(&plan.measures, plan.year_end) {
        if !plan.targets.iter().any(|k| k.indicator == t.indicator && k.value == t.value) {
            plan.targets.push(t);
        }
    }

    // Lines after the table and lines between a heading and the next row: prose around the
    // table is kept as passages; numbered paragraphs that might be items are reported.
    let mut outside: Vec<usize> = loose;
    for (l, _) in &tail_lines {
        if !outside.contains(l) {
            outside.push(*l);
        }
    }
    outside.sort_unstable();
    outside_lines(lines, &outside, &tail_lines, None, &mut plan, &mut account);

    // The ledger: every line, every piece.
    let mut ledger = Ledger::default();
    let mut unassigned = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let pieces = account.pieces.get(i).cloned().unwrap_or_default();
        if pieces.is_empty() {
            ledger.record(source, line.no, &line.text, Use::Unassigned);
            unassigned.push(Unassigned { source: source.to_string(), line: line.no, text: line.text.clone() });
            continue;
        }
        let mut reported = false;
        for (text, used) in pieces {
            if used == Use::Unassigned && !reported {
                unassigned.push(Unassigned { source: source.to_string(), line: line.no, text: line.text.clone() });
                reported = true;
            }
            ledger.record(source, line.no, &text, used);
        }
    }
    Some(DocumentDraft { plans: vec![plan], unassigned, diagnostics, ledger })
}

/// A bare number is a page number, not a row, when a repeated header or the end of the document
/// follows it (a row's number is followed by its cells).
fn is_bare_page_number(lines: &[Line], raw: &[&str], i: usize) -> bool {
    let t = lines[i].text.as_str();
    if !is_page_number(t) || row_number(t).is_none() {
        return false;
    }
    let next = (i + 1..lines.len()).find(|&j| !lines[j].text.is_empty());
    match next {
        None => true,
        Some(j) => header_at(lines, raw, j).is_some(),
    }
}

/// One record from a row's cells.
#[allow(clippy::too_many_arguments)]
fn build_record(
    row: &RowLines,
    cells: &Cells,
    cols: &[Column],
    template_layout: bool,
    prev_focus: &mut Option<String>,
    prev_item: &mut Option<String>,
    prev_lead: &mut Vec<crate::model::Department>,
    account: &mut Account,
) -> MeasureDraft {
    let mut focus: Option<String> = None;
    let mut item: Option<String> = None;
    let mut measure_parts: Vec<(&str, String)> = Vec::new();
    let mut labelled_parts: Vec<(&str, String)> = Vec::new();
    let mut departments = Vec::new();
    let mut last_line = row.start;
    // The first line of the row's own cells: a merged focus printed mid-span, above them, heads
    // the rows it spans and is no line of this one (Guangdong 2016 p.104).
    let mut first_own: Option<usize> = None;
    let dept_default = if template_layout { None } else { Some(Role::Lead) };
    for (k, (col, cell)) in cols.iter().zip(&cells.by_column).enumerate() {
        let joined = cell_text(cell, col.role, cells.widths.get(k).copied().flatten());
        let used = match col.role {
            R::Deadline | R::Remark => Use::Meta,
            R::Focus if template_layout => Use::Heading,
            _ => Use::Measure,
        };
        for (l, t) in cell {
            account.mark(*l, t, used);
            if used != Use::Heading {
                last_line = last_line.max(*l);
                first_own = Some(first_own.map_or(*l, |f| f.min(*l)));
            }
        }
        if joined.is_empty() {
            // A merged lead cell names the bodies of the row above.
            if cells.merged.get(k) == Some(&true) {
                departments.extend(prev_lead.iter().cloned());
            }
            continue;
        }
        match col.role {
            R::Number | R::Deadline | R::Remark => {}
            R::Focus => focus = Some(joined),
            R::WorkItem => item = Some(joined),
            R::Measure => measure_parts.push((col.name.as_str(), joined)),
            R::Target | R::Result => labelled_parts.push((col.name.as_str(), joined)),
            R::Lead => {
                let lead = parse_departments(&joined, Some(Role::Lead));
                prev_lead.clone_from(&lead);
                departments.extend(lead);
            }
            R::Support => departments.extend(parse_departments(&joined, Some(Role::Support))),
            R::Departments => departments.extend(parse_departments(&joined, dept_default)),
        }
    }
    // The measure first, then the target and result cells, labelled with their column names.
    let mut text = String::new();
    for (name, part) in measure_parts.into_iter().chain(labelled_parts) {
        if !text.is_empty() {
            if !ends_sentence(&text) {
                text.push('；');
            }
            text.push_str(name);
            text.push('：');
        }
        text.push_str(&part);
    }
    // The row number, and a tab row's number cell.
    if row.tabbed {
        // The number cell was marked with its column above.
    } else if let Some(no) = row.no {
        account.mark(row.start, &no.to_string(), Use::Measure);
    }
    // Merged cells (rowspan) print their text in the first row only.
    let focus = focus.or_else(|| prev_focus.clone());
    let item = item.or_else(|| prev_item.clone());
    prev_focus.clone_from(&focus);
    prev_item.clone_from(&item);
    let focus_no =
        if template_layout { focus.as_deref().and_then(|f| template::focus_of_text(f, false)) } else { None };
    let chapter = if template_layout {
        focus.clone().unwrap_or_default()
    } else {
        row.chapter.clone().or(focus).unwrap_or_default()
    };
    // A numbered row starts at its number; a row of a stream at its first cell.
    let first_line = match first_own {
        Some(own) if row.no.is_none() && !row.tabbed => own.max(row.start),
        _ => row.start,
    };
    MeasureDraft {
        no: row.no,
        chapter,
        focus_no,
        work_item: item,
        title: None,
        text: (!text.is_empty()).then_some(text),
        departments,
        lines: [first_line as u32 + 1, last_line.max(first_line) as u32 + 1],
    }
}

/// Targets of a 任务目标 or 成果形式 cell (quantities only): in the year the cell states
/// (`到2025年`), else the plan's, else 0 (unknown, as for a targets table without a year).
fn cell_targets(cell: &str, plan_year: Option<u16>) -> Vec<TargetDraft> {
    let passage =
        PassageDraft { heading: Some("任务目标".to_string()), text: cell.to_string(), lines: [0, 0], aims: false };
    targets::from_goal_passages(&[passage], plan_year)
}

/// Title, document number and headings before the first header; the rest becomes passages.
/// Reads the title, document number and prose above the table; returns the lines of rows cut
/// off above the header (an excerpt from mid-table), unmarked, for the caller to read or report.
fn front_matter(lines: &[Line], header_start: usize, plan: &mut PlanDraft, account: &mut Account) -> Vec<usize> {
    let front: Vec<usize> = (0..header_start.min(lines.len())).filter(|&i| !account.is_marked(i)).collect();
    for &i in &front {
        let t = normalise(&lines[i].text);
        let doc_number = (t.contains('〔') && t.contains('〕') || t.contains('[') && t.contains(']'))
            && t.ends_with('号')
            && t.chars().count() <= 20;
        if doc_number && plan.doc_number.is_none() {
            plan.doc_number = Some(t);
            account.mark(i, &lines[i].text, Use::Meta);
        }
    }
    let is_title = |t: &str| {
        let t = normalise(t);
        t.chars().count() <= 60
            && TITLE_ENDINGS.iter().any(|e| t.ends_with(e))
            && !t.ends_with("通知")
            && marker(&t).is_none()
    };
    if let Some(pos) = front.iter().rposition(|&i| !account.is_marked(i) && is_title(&lines[i].text)) {
        let mut parts = vec![front[pos]];
        // A title wrapped over lines: short plain lines just above it.
        let mut p = pos;
        while p > 0 {
            let prev = front[p - 1];
            let t = normalise(&lines[prev].text);
            // The label of the attachment the table is (附件2) is no part of its title.
            let plain = !t.is_empty()
                && t.chars().count() <= 30
                && !t.contains(['。', '，', '：', '（', '(', '〔', '>', '›', '»', '|'])
                && !looks_like_body(&t)
                && !looks_like_date(&t)
                && !is_attachment_label(&t);
            if plain && !account.is_marked(prev) && prev + 1 == parts[0] {
                parts.insert(0, prev);
                p -= 1;
            } else {
                break;
            }
        }
        plan.title = parts.iter().map(|&i| normalise(&lines[i].text)).collect();
        for &i in &parts {
            account.mark(i, &lines[i].text, Use::Meta);
        }
    }
    // 附件1 above a table is a label.
    for &i in &front {
        let t = normalise(&lines[i].text);
        if !account.is_marked(i) && t.starts_with("附件") && t.chars().count() <= 6 {
            account.mark(i, &lines[i].text, Use::Meta);
        }
    }
    let rest: Vec<usize> = front.into_iter().filter(|&i| !account.is_marked(i)).collect();
    // Text above a table with no title over it may be the end of a table cut off at a page (an
    // excerpt): rows that cannot be read are reported, not kept as prose.
    let cut_off_rows = plan.title.is_empty()
        && rest.iter().any(|&i| !is_page_number(&lines[i].text) && section_heading(&lines[i].text).is_none());
    if cut_off_rows {
        return rest;
    }
    outside_lines(lines, &rest, &[], None, plan, account);
    Vec::new()
}

/// Rows cut off above the header that are not read as rows are reported.
fn report_cut_off(lines: &[Line], cut_off: &[usize], account: &mut Account) {
    for &i in cut_off {
        let t = &lines[i].text;
        let used = if is_page_number(t) || is_decorated_page_number(t) || is_continuation_label(t) {
            Use::Noise
        } else if section_heading(t).is_some() {
            Use::Heading
        } else {
            Use::Unassigned
        };
        account.mark(i, t, used);
    }
}

/// Lines outside any row: headings, passages (one per paragraph), and numbered paragraphs that
/// could be items, which are reported.
fn outside_lines(
    lines: &[Line],
    idx: &[usize],
    pieces: &[(usize, String)],
    heading: Option<&str>,
    plan: &mut PlanDraft,
    account: &mut Account,
) {
    let mut heading = heading.map(str::to_string);
    let mut group: Vec<(usize, String)> = Vec::new();
    let flush =
        |group: &mut Vec<(usize, String)>, heading: &Option<String>, plan: &mut PlanDraft, account: &mut Account| {
            if group.is_empty() {
                return;
            }
            let text = normalise(&group.iter().map(|(_, t)| t.as_str()).collect::<String>());
            for (i, t) in group.iter() {
                account.mark(*i, t, Use::Passage);
            }
            let first = group.first().map(|g| g.0).unwrap_or(0);
            let last = group.last().map(|g| g.0).unwrap_or(first);
            plan.passages.push(PassageDraft {
                heading: heading.clone(),
                text,
                lines: [lines.get(first).map_or(0, |l| l.no), lines.get(last).map_or(0, |l| l.no)],
                aims: false,
            });
            group.clear();
        };
    for &i in idx {
        let Some(line) = lines.get(i) else { continue };
        // A piece of a row's line (pieces after the last cell) or the whole line.
        let texts: Vec<String> = {
            let own: Vec<String> = pieces.iter().filter(|(l, _)| *l == i).map(|(_, t)| t.clone()).collect();
            if own.is_empty() {
                if account.is_marked(i) {
                    continue;
                }
                vec![line.text.clone()]
            } else {
                own
            }
        };
        for t in texts {
            if t.is_empty() {
                continue;
            }
            if is_decorated_page_number(&t) || is_page_number(&t) || is_continuation_label(&t) {
                account.mark(i, &t, Use::Noise);
                continue;
            }
            if let Some(h) = section_heading(&t) {
                flush(&mut group, &heading, plan, account);
                account.mark(i, &t, Use::Heading);
                heading = Some(h);
                continue;
            }
            // A numbered paragraph with sentences: an item this parser did not read as a row.
            let item_like = marker(&t).is_some() && normalise(&t).chars().count() > 20 && t.contains(['。', '；']);
            if item_like {
                flush(&mut group, &heading, plan, account);
                account.mark(i, &t, Use::Unassigned);
                continue;
            }
            group.push((i, t.clone()));
            if ends_sentence(&t) || t.ends_with('：') {
                flush(&mut group, &heading, plan, account);
            }
        }
    }
    flush(&mut group, &heading, plan, account);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::lines::split_lines;

    fn header(text: &str) -> Option<Header> {
        let lines = split_lines(text);
        let raw: Vec<&str> = text.split('\n').collect();
        first_header(&lines, &raw)
    }

    fn roles(h: &Header) -> Vec<ColumnRole> {
        h.columns.iter().map(|c| c.role).collect()
    }

    #[test]
    fn a_list_begins_with_its_first_item() {
        assert!(begins_list("1.《广东省重大经济和科技活动知识产权审查"));
        assert!(begins_list("（1）建立工作机制"));
        assert!(begins_list("1、制定办法"));
        assert!(!begins_list("2.围绕重点产业组织开展"));
        assert!(!begins_list("10.开展"));
        assert!(!begins_list("15 班次以上"));
    }

    #[test]
    fn a_column_name_alone() {
        // Putian 2025: the header of its task list printed a cell a line, under the title.
        for name in ["重点任务", "落实举措", "序号"] {
            assert!(is_column_name(name), "{name}");
        }
        assert!(!is_column_name("2025年莆田市推动知识产权高质量发展任务清单"));
    }

    #[test]
    fn headers_by_name_split_or_not() {
        let h = header("序号\t工作任务\t任务目标\t落实举措\t执行部门\t完成时间").unwrap();
        assert_eq!(roles(&h), vec![R::Number, R::WorkItem, R::Target, R::Measure, R::Departments, R::Deadline]);
        assert!(!h.flattened);
        let h = header("前言\n序号\n具体任务\n成果形\n式\n责任单位\n1").unwrap();
        assert_eq!((h.start, h.end), (1, 5));
        assert_eq!(roles(&h), vec![R::Number, R::Measure, R::Result, R::Departments]);
        let h = header("序号 重点任务 主要内容 牵头单位 配合单位 时间进度").unwrap();
        assert_eq!(roles(&h), vec![R::Number, R::WorkItem, R::Measure, R::Lead, R::Support, R::Deadline]);
        assert!(h.flattened);
        let h = header("序号 重点工作任务 主要责任单位 协同配合单位 完成期限").unwrap();
        assert_eq!(roles(&h), vec![R::Number, R::Measure, R::Lead, R::Support, R::Deadline]);
        let h = header("序号 工作重点 工作内容 具体举措及成果形式 责任部门").unwrap();
        assert_eq!(roles(&h), vec![R::Number, R::Focus, R::WorkItem, R::Measure, R::Departments]);
        // Headings of prose are not headers.
        assert!(header("二、主要任务\n（一）工作目标\n时间").is_none());
        assert!(header("主要任务\n工作目标").is_none());
    }

    #[test]
    fn cells_look_like_their_columns() {
        assert!(looks_like_departments("市知识产权局、市公安局"));
        assert!(looks_like_departments("市市场监管局牵头"));
        assert!(!looks_like_departments("开展专利导航。"));
        assert!(looks_like_date("2023年12月底前"));
        assert!(looks_like_date("全年"));
        assert!(!looks_like_date("到2025年，发明专利拥有量达到5000件以上"));
        assert_eq!(row_number("12."), Some(12));
        assert_eq!(row_number("2023年"), None);
        assert!(is_decorated_page_number("— 3 —"));
        for label in ["续表", "续表1", "（续表）", "续上表", "续表 2"] {
            assert!(is_continuation_label(label), "{label}");
        }
        assert!(!is_continuation_label("续表示范"));
        assert!(!is_continuation_label("省市场监管局"));
        assert!(is_decorated_page_number("第 2 页 共 9 页"));
        assert!(!is_decorated_page_number("12"));
    }

    #[test]
    fn a_body_broken_after_its_level_is_one_name() {
        let cell = |lines: &[&str]| {
            let pieces: Vec<(usize, String)> = lines.iter().enumerate().map(|(i, t)| (i, t.to_string())).collect();
            cell_text(&pieces, R::Support, None)
        };
        assert_eq!(cell(&["市工业和信息化局、市", "科技局"]), "市工业和信息化局、市科技局");
        assert_eq!(cell(&["省发展改革委、省", "财政厅"]), "省发展改革委、省财政厅");
        // Whole bodies one a line are still two names.
        assert_eq!(cell(&["市科技局", "市商务局"]), "市科技局、市商务局");
        assert!(!ends_with_a_bare_level("市"));
        assert!(!ends_with_a_bare_level("某某市"));
    }

    fn unit(t: &str) -> Unit {
        Unit { line: 0, text: t.to_string(), width: width(t), same_line: false, full: false }
    }

    #[test]
    fn wrapped_cells_are_segmented_by_what_they_look_like() {
        let roles = [R::WorkItem, R::Target, R::Measure, R::Departments, R::Deadline];
        let units: Vec<Unit> = [
            "加强专利质量",
            "专利授权量达到5000件",
            "开展专利质量提升工程，",
            "培育高价值专利。",
            "市知识产权局",
            "12月底前",
        ]
        .iter()
        .map(|t| unit(t))
        .collect();
        assert_eq!(assign(&units, &roles, &[], false, true), vec![0, 1, 2, 2, 3, 4]);
        // No target: the row leaves that column empty, not the measure.
        let units: Vec<Unit> = ["加强专利质量", "开展专利质量提升工程，培育高价值专利。", "市知识产权局", "全年"]
            .iter()
            .map(|t| unit(t))
            .collect();
        assert_eq!(assign(&units, &roles, &[], false, true), vec![0, 2, 3, 4]);
        // Prose after the last row is not a time cell.
        let units: Vec<Unit> = [
            "加强专利质量",
            "开展专利质量提升工程。",
            "市知识产权局",
            "全年",
            "各单位要高度重视，认真抓好落实，确保各项任务按期完成。",
        ]
        .iter()
        .map(|t| unit(t))
        .collect();
        assert_eq!(assign(&units, &roles, &[], false, true), vec![0, 2, 3, 4, 5]);
    }

    fn info() -> DocumentInfo {
        DocumentInfo {
            source: "x".into(),
            region: None,
            level: crate::model::Level::City,
            kind: crate::model::Kind::WorkPoints,
            year_start: None,
            year_end: None,
            title: None,
            id: None,
        }
    }

    fn doubtful_rows(text: &str) -> Vec<u32> {
        let lines = split_lines(text);
        let d = parse(&info(), text, &lines).expect("a table");
        let incomplete = |d: &&Diagnostic| d.code == DiagnosticCode::IncompleteRow;
        d.diagnostics.iter().filter(incomplete).map(|d| d.line).collect()
    }

    #[test]
    fn a_lead_cell_merged_over_several_rows() {
        let read = |text: &str| {
            let lines = split_lines(text);
            let d = parse(&info(), text, &lines).expect("a table");
            d.plans[0]
                .measures
                .iter()
                .map(|m| {
                    let bodies: Vec<(String, Option<Role>)> =
                        m.departments.iter().map(|d| (d.name.clone(), d.role)).collect();
                    (m.work_item.clone().unwrap_or_default(), m.text.clone().unwrap_or_default(), bodies)
                })
                .collect::<Vec<_>>()
        };
        let (l, s) = (Some(Role::Lead), Some(Role::Support));
        let head = "某某市知识产权工作任务分工表\n序号\t主要任务\t具体措施\t牵头单位\t配合单位\t完成时限\n\
                    1\t强化知识产权创造\t实施高价值专利培育计划。\t市知识产权局\t市科技局\t2024年底\n";
        let last = "3\t加强知识产权保护\t开展专项行动。\t市市场监管局\t市公安局\t2024年底\n";
        let expected_row_2 = (
            "强化知识产权创造".to_string(),
            "开展专利导航项目。".to_string(),
            vec![("市知识产权局".to_string(), l), ("市工信局".to_string(), s)],
        );
        // A web page's rowspan: the copy leaves the merged task and lead cells out of row 2.
        let rows = read(&format!("{head}2\t开展专利导航项目。\t市工信局\t2024年6月\n{last}"));
        assert_eq!(rows[1], expected_row_2);
        // A Word table's: it prints them empty.
        let rows = read(&format!("{head}2\t\t开展专利导航项目。\t\t市工信局\t2024年6月\n{last}"));
        assert_eq!(rows[1], expected_row_2);
        // The next group names its own lead.
        assert_eq!(rows[2].2, vec![("市市场监管局".to_string(), l), ("市公安局".to_string(), s)]);
        assert_eq!(subsets(&[1, 3, 4], 2), vec![vec![1, 3], vec![1, 4], vec![3, 4]]);
    }

    #[test]
    fn a_tables_title_names_its_region() {
        let region = |text: &str| {
            let lines = split_lines(text);
            parse(&info(), text, &lines).expect("a table").plans[0].region.clone()
        };
        let rows = "序号\t重点任务\t牵头单位\t完成时限\n1\t建设保护中心。\t省市场监管局\t2023年底前\n";
        assert_eq!(region(&format!("贵州省知识产权强省建设重点任务分工表\n{rows}")), "贵州省");
        assert_eq!(region(&format!("附件\n某某县2023年知识产权工作任务清单\n{rows}")), "某某县");
        assert_eq!(
            region(&format!("博州政发〔2023〕17号\n自治州知识产权工作任务分工表\n{rows}")),
            "博尔塔拉蒙古自治州"
        );
        assert_eq!(region(&format!("知识产权工作任务分工表\n{rows}")), "");
    }

    #[test]
    fn titles_of_task_divisions_without_a_table_word() {
        let rows = "序号\t重点任务\t责任单位\t完成时限\n1\t建设保护中心。\t省市场监管局\t2023年底前\n";
        for title in
            ["某某省知识产权保护重点任务分工", "某某省知识产权强省建设任务分解", "某某县2023年知识产权工作任务"]
        {
            let text = format!("附件\n{title}\n{rows}");
            let lines = split_lines(&text);
            let d = parse(&info(), &text, &lines).expect("a table");
            assert_eq!(d.plans[0].title, title);
            assert!(d.unassigned.is_empty(), "{title}: the title is no row cut off above the header");
        }
    }

    #[test]
    fn ledger_columns_of_officials_and_time_requirements() {
        // A provincial ledger (台账) names a support column 协办部门, the official in charge and the
        // time required: with one unknown name the header was no header and the rows were prose.
        let text = "贵州省知识产权工作任务台账\n序号\t工作任务\t具体措施\t牵头单位\t协办部门\t责任人\t完成时间要求\n\
                    1\t建设保护中心\t开展快速预审。\t省市场监管局\t省财政厅\t张某\t2023年底前\n\
                    2\t培育高价值专利\t实施专利导航。\t省市场监管局\t省科技厅\t李某\t持续推进\n";
        let lines = split_lines(text);
        let d = parse(&info(), text, &lines).expect("a table");
        let m = &d.plans[0].measures;
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].text.as_deref(), Some("开展快速预审。"));
        let roles: Vec<(&str, Option<Role>)> = m[1].departments.iter().map(|d| (d.name.as_str(), d.role)).collect();
        assert_eq!(roles, vec![("省市场监管局", Some(Role::Lead)), ("省科技厅", Some(Role::Support))]);
        assert!(m.iter().all(|m| m.departments.iter().all(|d| !d.name.contains('某'))));
    }

    #[test]
    fn rows_that_lost_cells_are_reported() {
        let whole = "序号\t工作任务\t落实举措\t执行部门\n\
                     1\t提升专利质量\t实施专利培育计划。\t市知识产权局\n\
                     2\t强化保护\t开展专项执法行动。\t市市场监管局\n";
        assert!(doubtful_rows(whole).is_empty());
        // No department in a table with a department column.
        let no_department = "序号\t工作任务\t落实举措\t执行部门\n\
                             1\t提升专利质量\t实施专利培育计划。\t市知识产权局\n\
                             2\t强化保护\t开展专项执法行动。\t\n";
        assert_eq!(doubtful_rows(no_department), vec![3]);
        // A one-character measure cell.
        let one_char = "序号\t工作任务\t落实举措\t执行部门\n\
                        1\t提升专利质量\t情\t市知识产权局\n";
        assert_eq!(doubtful_rows(one_char), vec![2]);
        // Rows cut off above the header leave the first row under it in doubt.
        let cut_off = "开展专利导航，形成导航报告\n市知识产权局\n\
                       序号\t工作任务\t落实举措\t执行部门\n\
                       1\t提升专利质量\t实施专利培育计划。\t市知识产权局\n";
        assert_eq!(doubtful_rows(cut_off), vec![4]);
    }

    #[test]
    fn a_body_name_wrapped_by_a_narrow_column() {
        assert!(looks_like_cut_body("省知识产权"));
        assert!(looks_like_cut_body("市市场监管"));
        assert!(!looks_like_cut_body("省知识产权局"));
        assert!(!looks_like_cut_body("完善知识产权保护"));
        // The rows of a 2016 work-point table (Guangdong): a department cell `省知识产权` / `局`
        // is one cell, and a character alone (`情`) ends the cell above it.
        let text = "序号 工作重点 工作内容 具体任务 成果形式 责任部门\n\
                    推进林木种苗打假案件和侵犯林业植物新\n品种权案件信息公开\n\
                    制定《广东省林业厅公开制售假冒伪劣商品和\n侵犯知识产权行政处罚案件信息工作实施管\n\
                    理办法》,在广东省林业科技信息网上公开案\n情\n省林业厅\n\
                    大力推动全省知识产权维权援助公共服务\n工作\n\
                    完善知识产权保护制度,健全知识产权维权援\n助机制\n省知识产权\n局\n";
        let info = DocumentInfo { level: crate::model::Level::Province, ..info() };
        let d = crate::parse::parse_document(&info, text);
        let rows: Vec<(String, Vec<String>)> = d
            .dataset
            .measures
            .iter()
            .map(|m| (m.text.clone().unwrap_or_default(), m.departments.iter().map(|x| x.name.clone()).collect()))
            .collect();
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert!(rows[0].0.ends_with("公开案情"), "{rows:?}");
        assert_eq!(rows[0].1, ["省林业厅"]);
        assert!(rows[1].0.starts_with("大力推动全省知识产权维权援助公共服务工作；成果形式：完善"), "{rows:?}");
        assert_eq!(rows[1].1, ["省知识产权局"]);
    }

    #[test]
    fn hostile_input_does_not_panic() {
        let info = info();
        for text in [
            "序号\t任务\t责任单位\n1\t\t\t\t\t\n\t\n2",
            "序号\n任务\n责任单位\n1\n1\n1\n2\n",
            "序号 任务 目标 责任单位\n1 a b c d e f g\n999\n一、\n（一）x",
            "序号\n工作任务\n完成时间\n\"\n\t\"\"\n3/",
        ] {
            let lines = split_lines(text);
            if let Some(d) = parse(&info, text, &lines) {
                let seen: std::collections::HashSet<u32> = d.ledger.entries.iter().map(|e| e.1).collect();
                assert_eq!(seen.len(), lines.len(), "{text}");
            }
        }
    }
}
