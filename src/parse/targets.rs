//! Quantified targets: a targets table (indicator line, value line), a table of main indicators
//! (a column per year), or the sentences of a goals paragraph (`到2022年，…企业达30000家。`). A
//! target without a number is not a target.

use super::lines::{normalise, Line};
use super::prose::marker;
use super::prose::FIVE_YEAR_PERIODS;
use super::{MeasureDraft, PassageDraft, TargetDraft, Use};

/// Comparison words before a number, longest first so that 达到 wins over 达.
const PREFIX_QUALIFIERS: &[&str] = &[
    "不少于",
    "不低于",
    "不超过",
    "不高于",
    "超过",
    "达到",
    "突破",
    "高于",
    "低于",
    "接近",
    "力争",
    "达",
    "逾",
    "超",
    "约",
];
/// Comparison words after a number and its unit.
const SUFFIX_QUALIFIERS: &[&str] = &["以上", "以下", "以内", "左右"];

/// A parsed quantity: `超过1300件`, `1-2个`, `1/4`, `90项以上`.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub qualifier: Option<String>,
    pub value: f64,
    pub value_max: Option<f64>,
    pub unit: Option<String>,
}

/// Parse a value cell: an optional qualifier, a number (decimal, fraction or range), a unit
/// and an optional trailing qualifier. The whole cell must be a quantity.
pub fn parse_quantity(cell: &str) -> Option<Quantity> {
    let t = normalise(cell);
    let (prefix, rest) = match PREFIX_QUALIFIERS.iter().find(|q| t.starts_with(*q)) {
        Some(q) => (Some(q.to_string()), &t[q.len()..]),
        None => (None, t.as_str()),
    };
    let (value, value_max, used) = parse_number(rest)?;
    let mut unit = rest[used..].to_string();
    // The currency named after a sum (3500亿元人民币) is no part of its unit.
    if let Some(u) = unit.strip_suffix("人民币").filter(|u| u.ends_with('元')) {
        unit = u.to_string();
    }
    let mut suffix = None;
    for q in SUFFIX_QUALIFIERS {
        if let Some(u) = unit.strip_suffix(q) {
            suffix = Some(q.to_string());
            unit = u.to_string();
            break;
        }
    }
    // A unit is a short word (件, 亿元, 家次, %); anything longer is not a bare quantity.
    // Nor is a year (20XX年 in a template) or a placeholder a unit; person-years (研发人员35人年)
    // are one.
    // Nor are percentage points (提高2个百分点) too long a unit.
    let person_years = unit == "人年";
    let points = unit == "个百分点";
    // A rate per head or per sum (80件/百万人, 件/万人, 件/亿元), as older plans print it.
    let per = |(count, base): (&str, &str)| {
        (1..=3).contains(&count.chars().count())
            && (1..=4).contains(&base.chars().count())
            && count.chars().chain(base.chars()).all(crate::index::is_han)
    };
    let rate = unit.split_once('/').is_some_and(per);
    if (unit.chars().count() > 3 && !points
        || unit.contains(|c: char| c.is_ascii_alphanumeric() || "，。；、年".contains(c)) && !person_years)
        && !rate
    {
        return None;
    }
    Some(Quantity {
        qualifier: prefix.or(suffix),
        value,
        value_max,
        unit: if unit.is_empty() { None } else { Some(unit) },
    })
}

/// A number at the start of `s`: `2.4`, `1/4`, `1-2`, `10--15`, `3—5`; returns (value, max, bytes).
fn parse_number(s: &str) -> Option<(f64, Option<f64>, usize)> {
    let (a, mut used) = decimal(s)?;
    let rest = &s[used..];
    if let Some(r) = rest.strip_prefix('/') {
        if let Some((b, n)) = decimal(r) {
            if b != 0.0 {
                return Some((round(a / b), None, used + 1 + n));
            }
        }
    }
    let dash_len: usize =
        rest.chars().take_while(|c| matches!(c, '-' | '—' | '－' | '~' | '～' | '至')).map(char::len_utf8).sum();
    if dash_len > 0 {
        if let Some((b, n)) = decimal(&rest[dash_len..]) {
            used += dash_len + n;
            return Some((a, Some(b), used));
        }
    }
    Some((a, None, used))
}

fn decimal(s: &str) -> Option<(f64, usize)> {
    let mut end = 0;
    let mut seen_dot = false;
    for (i, c) in s.char_indices() {
        if c.is_ascii_digit() {
            end = i + 1;
        } else if c == '.' && !seen_dot && end == i && i > 0 {
            seen_dot = true;
        } else {
            break;
        }
    }
    if end == 0 {
        return None;
    }
    s[..end].parse::<f64>().ok().map(|v| (v, end))
}

fn round(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// Targets from a table headed by a line with 目标表 (or 指标 / 目标 header cells): pairs of an
/// indicator line and a value line, the year read from the header (`2020年目标`).
pub fn from_table(lines: &[Line], status: &mut [Option<Use>]) -> Vec<TargetDraft> {
    let mut out = Vec::new();
    let Some(start) = lines.iter().position(|l| normalise(&l.text).contains("目标表")) else {
        return out;
    };
    if status[start].is_none() || status[start] == Some(Use::Passage) {
        status[start] = Some(Use::Heading);
    }
    let mut year = None;
    let mut pending: Option<usize> = None;
    for i in start + 1..lines.len() {
        let t = normalise(&lines[i].text);
        if t.is_empty() {
            continue;
        }
        if marker(&lines[i].text).is_some() {
            break;
        }
        if t == "指标" || t.ends_with("目标") && t.chars().count() <= 10 {
            year = year.or_else(|| super::prose::years_of(&t, None).0);
            status[i] = Some(Use::Heading);
            continue;
        }
        match (pending, parse_quantity(&t)) {
            (Some(ind), Some(q)) => {
                let indicator = normalise(&lines[ind].text);
                out.push(TargetDraft {
                    text: format!("{indicator}：{t}"),
                    indicator,
                    value: q.value,
                    value_max: q.value_max,
                    unit: q.unit,
                    qualifier: q.qualifier,
                    year: year.unwrap_or(0),
                });
                status[ind] = Some(Use::Target);
                status[i] = Some(Use::Target);
                pending = None;
            }
            (None, None) => pending = Some(i),
            (Some(_), None) => break,
            (None, Some(_)) => break,
        }
    }
    out
}

/// Header cells of a table of main indicators, by what their column holds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Column {
    /// 序号: the row's number, the first cell.
    Number,
    /// 类别, 领域: labels before the indicator.
    Label,
    /// 指标 (its unit in brackets after it: `质押融资金额（亿元）`).
    Indicator,
    /// A value column (2020年, 2025年目标, 年均增长); `Some(year)` when its header names one,
    /// and what its header says it holds.
    Value(Option<u16>, Holds),
    /// 属性 (预期性 / 约束性), 备注: after the values.
    Tail,
    /// 单位, 计量单位: the indicator's unit in a column of its own, before the values.
    Unit,
}

/// What a value column's header says it holds: the starting point (2020年（基期）, 基数, 现状),
/// the goal (2025年目标, “十四五”目标, 目标值), or neither (2025年, 年均增长).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Holds {
    Baseline,
    Goal,
    Other,
}

/// The year a five-year plan's name dates its end to (“十四五”目标 → 2025).
fn period_end(s: &str) -> Option<u16> {
    FIVE_YEAR_PERIODS.iter().find(|(name, ..)| s.contains(name)).map(|&(.., end)| end)
}

fn column(cell: &str) -> Option<Column> {
    let c = cell.trim();
    if c.is_empty() || c.chars().count() > 10 {
        return None;
    }
    Some(match c {
        "指标" | "指标名称" | "主要指标" | "具体指标" => Column::Indicator,
        "序号" => Column::Number,
        "类别" | "分类" | "领域" | "一级指标" => Column::Label,
        "属性" | "指标属性" | "备注" | "性质" => Column::Tail,
        "单位" | "计量单位" | "指标单位" => Column::Unit,
        _ if year_named(c).is_some() || ["目标", "值", "增长", "增速"].iter().any(|w| c.contains(w)) => {
            let holds = if ["基期", "基数", "基准", "现状", "基础", "现值"].iter().any(|w| c.contains(w)) {
                Holds::Baseline
            } else if ["目标", "预期值", "规划值"].iter().any(|w| c.contains(w)) {
                Holds::Goal
            } else {
                Holds::Other
            };
            let year = year_named(c).or_else(|| period_end(c).filter(|_| holds == Holds::Goal));
            Column::Value(year, holds)
        }
        _ => return None,
    })
}

/// A header row of a table of main indicators: an indicator column and a value column, and
/// nothing else.
fn indicator_header(cells: &[String]) -> Option<Vec<Column>> {
    let columns: Vec<Column> = cells.iter().map(|c| column(c)).collect::<Option<_>>()?;
    let has = |f: &dyn Fn(&Column) -> bool| columns.iter().any(f);
    (has(&|c| *c == Column::Indicator) && has(&|c| matches!(c, Column::Value(..)))).then_some(columns)
}

/// The value columns a table's goals stand in, by their place among the value columns: those
/// headed as goals (2025年目标, “十四五”目标值); else the dated ones after the first, which is the
/// starting point (2020年 · 2025年 · 2035年), or all dated ones beside a column headed as the
/// starting point; else the last column not headed as the starting point.
fn goal_columns(values: &[(Option<u16>, Holds)]) -> Vec<usize> {
    type Value = (Option<u16>, Holds);
    let with = |f: &dyn Fn(&Value) -> bool| -> Vec<usize> {
        values.iter().enumerate().filter(|(_, v)| f(v)).map(|(k, _)| k).collect()
    };
    let headed = with(&|(_, h)| *h == Holds::Goal);
    if !headed.is_empty() {
        return headed;
    }
    let dated = with(&|(y, h)| y.is_some() && *h == Holds::Other);
    let baseline_headed = values.iter().any(|(_, h)| *h == Holds::Baseline);
    match dated.len() {
        0 => with(&|(_, h)| *h != Holds::Baseline).last().map(|k| vec![*k]).unwrap_or_default(),
        1 => dated,
        _ if baseline_headed => dated,
        _ => dated[1..].to_vec(),
    }
}

/// A value cell: a quantity (`5.2`, `50亿元`, `>90%`, `超过1300件`, a sum over the plan's years
/// `累计100` or `[100]`, a figure with a footnote's mark `3194〔2〕`), a growth (`年均增长20%`,
/// `翻一番`) or a dash for none.
fn is_value_cell(cell: &str) -> bool {
    let c = cell.trim();
    let figure = growth_figure(c).map_or(c, |(_, figure)| figure);
    matches!(c, "—" | "-" | "——" | "/" | "翻一番" | "翻两番" | "翻番")
        || parse_quantity(value_figure(figure).1).is_some()
}

/// A growth cell's words and figure: `年均增长20%` is (年均增长, 20%).
fn growth_figure(cell: &str) -> Option<(&str, &str)> {
    let c = cell.trim();
    let words = ["年均增长", "年均增速", "增长", "提高"].into_iter().find(|w| c.starts_with(w))?;
    let figure = &c[words.len()..];
    figure.starts_with(|ch: char| ch.is_ascii_digit()).then_some((words, figure))
}

/// A value cell's comparison sign (`≥`, `>`) and its figure, without the marks of a sum over
/// the plan's years: `累计100`, `[100]`, `〔100〕`, `100（累计）` are 100.
fn value_figure(cell: &str) -> (&str, &str) {
    let c = cell.trim();
    let figure = c.trim_start_matches(VALUE_SIGNS);
    let sign = &c[..c.len() - figure.len()];
    let figure = figure.strip_prefix("累计").unwrap_or(figure);
    let figure = ["（累计）", "(累计)"].iter().find_map(|m| figure.strip_suffix(m)).unwrap_or(figure);
    let figure = [('[', ']'), ('〔', '〕'), ('［', '］'), ('【', '】')]
        .iter()
        .find_map(|&(open, close)| figure.strip_prefix(open).and_then(|f| f.strip_suffix(close)))
        .unwrap_or(figure);
    (sign, without_footnote_mark(figure))
}

/// A figure without the mark of a footnote after it (`3194〔2〕`, `11.6[3]`, `80①`, `7.39*`): the
/// note explains the figure (为2019年数值), the mark is no part of it.
fn without_footnote_mark(figure: &str) -> &str {
    let starred = figure.trim_end_matches(['*', '＊', '※']);
    let circled = starred.trim_end_matches(|c: char| ('①'..='⑳').contains(&c));
    let marked = [('〔', '〕'), ('[', ']'), ('［', '］')].iter().find_map(|&(open, close)| {
        let inner = circled.strip_suffix(close)?;
        let (before, number) = inner.rsplit_once(open)?;
        let short_number = (1..=2).contains(&number.len()) && number.chars().all(|c| c.is_ascii_digit());
        short_number.then_some(before)
    });
    let bare = marked.unwrap_or(circled);
    // A mark is only a mark after a figure (or its unit): a cell of marks alone stays as printed.
    match bare.is_empty() || bare == figure {
        true => figure,
        false => bare,
    }
}

/// Comparison signs a value cell may open with (`>90%`, `≥95`).
const VALUE_SIGNS: [char; 5] = ['>', '≥', '<', '≤', '＞'];

/// Targets from a table of main indicators (表1 …主要指标: 类别 / 指标 / 2020年 / 2025年 / 属性),
/// its rows tab- or space-separated or one cell per line: per row, the indicator (its unit from the
/// brackets after it) and the value of the last value column with a year, dated by that year (a
/// baseline column is the earlier year). A category printed once for several rows (a merged cell)
/// is read as such. Values are cells of their own, so a bare number is no page number here.
pub fn from_indicator_table(lines: &[Line], status: &mut [Option<Use>]) -> Vec<TargetDraft> {
    // Cells: split at tabs, or at spaces in a line without tabs (a cell of such a table has none).
    let cells_of = |i: usize| -> Vec<String> {
        let text = lines[i].text.trim();
        match text.contains('\t') {
            true => text.split('\t').map(normalise).collect(),
            false => text.split_whitespace().map(normalise).collect(),
        }
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        // The header: one line of tab-separated cells, or one cell per line.
        let (columns, mut next, per_line) = match indicator_header(&cells_of(i)) {
            // Its rows on lines of their own, or (a page that prints the header row whole and
            // the cells under it one per line) one cell per line.
            Some(columns) if columns.len() > 1 => {
                let cells_below = lines.get(i + 1).is_some_and(|l| !l.text.trim().contains(['\t', ' ', '\u{3000}']));
                (columns, i + 1, cells_below)
            }
            _ => {
                let run: Vec<String> = (i..lines.len().min(i + 8))
                    .map(|j| normalise(&lines[j].text))
                    .take_while(|t| column(t).is_some())
                    .collect();
                match (2..=run.len()).rev().find_map(|n| indicator_header(&run[..n])) {
                    Some(columns) => (columns.clone(), i + columns.len(), true),
                    None => {
                        i += 1;
                        continue;
                    }
                }
            }
        };
        let header_lines = i..next;
        // 续表 over a header printed again after a page break is page furniture.
        if let Some(k) = i.checked_sub(1).filter(|&k| super::grid::is_continuation_label(&lines[k].text)) {
            if status[k].is_none() || status[k] == Some(Use::Passage) {
                status[k] = Some(Use::Noise);
            }
        }
        let values: Vec<(Option<u16>, Holds)> =
            columns.iter().filter_map(|c| if let Column::Value(y, h) = c { Some((*y, *h)) } else { None }).collect();
        let goals = goal_columns(&values);
        let tails = columns.iter().filter(|c| **c == Column::Tail).count();
        let labels = columns.iter().filter(|c| matches!(c, Column::Label | Column::Indicator | Column::Unit)).count();
        // A unit column just before the values (指标名称 · 单位 · 2020年 · 2025年): the cell
        // before a row's first value is its unit, the one before that its indicator.
        let first_value_column = columns.iter().position(|c| matches!(c, Column::Value(..)));
        let unit_column = first_value_column.is_some_and(|v| v > 0 && columns[v - 1] == Column::Unit);
        // A row's number is a cell like a value: read as the number, not as one.
        let numbered = usize::from(columns.first() == Some(&Column::Number));
        // A 序号 column after a label column (类别 · 序号 · 指标名称): the row's number is a bare
        // count among its labels, with the indicator after it.
        let number_inside = usize::from(numbered == 0 && columns.contains(&Column::Number));
        let row_number = |cell: &str, next: Option<&str>| {
            number_inside == 1
                && (1..=3).contains(&cell.len())
                && cell.chars().all(|c| c.is_ascii_digit())
                && next.is_some_and(|n| !n.is_empty() && !is_value_cell(n))
        };
        // Row by row, each cell with its line: a line of cells when tab- or space-separated.
        let mut rows_found = 0;
        loop {
            let row: Vec<(usize, String)> = if per_line {
                // Its labels (up to the first value), its values, then its tail cells (预期性).
                let cell = |j: usize| lines.get(j).map(|l| normalise(&l.text)).filter(|t| !t.is_empty());
                let mut row: Vec<(usize, String)> = Vec::new();
                let mut j = next;
                if let Some(t) = cell(j).filter(|_| numbered == 1) {
                    row.push((j, t));
                    j += 1;
                }
                let label = |j: usize, t: &str, taken: usize| {
                    (!is_value_cell(t) || row_number(t, cell(j + 1).as_deref()))
                        && taken < labels + numbered + number_inside
                };
                while let Some(t) = cell(j).filter(|t| label(j, t, row.len())) {
                    row.push((j, t));
                    j += 1;
                }
                let wanted = [(values.len(), true), (tails, false)];
                for (n, value) in wanted {
                    for _ in 0..n {
                        match cell(j).filter(|t| if value { is_value_cell(t) } else { t.ends_with('性') }) {
                            Some(t) => row.push((j, t)),
                            None => break,
                        }
                        j += 1;
                    }
                }
                row
            } else {
                match lines.get(next) {
                    Some(line) if line.text.trim().contains(['\t', ' ', '\u{3000}']) => {
                        cells_of(next).into_iter().map(|c| (next, c)).collect()
                    }
                    _ => Vec::new(),
                }
            };
            // The indicator is the cell before the first value, whatever comes before it: a row
            // one label short had its category merged into the row above.
            let is_number = |k: usize| row_number(&row[k].1, row.get(k + 1).map(|(_, c)| c.as_str()));
            let first_value = (numbered..row.len()).find(|&k| is_value_cell(&row[k].1) && !is_number(k));
            let Some(first_value) = first_value.filter(|_| !goals.is_empty()) else { break };
            // A unit cell is short and names no figure (件, 亿元, %); a row that left it empty
            // or out has its indicator right before the values.
            let is_unit = |c: &str| c.chars().count() <= 4 && !c.contains(['（', '(']) && !is_value_cell(c);
            let unit_cell = first_value
                .checked_sub(1)
                .and_then(|k| row.get(k))
                .map(|(_, c)| c.clone())
                .filter(|c| unit_column && first_value > numbered + 1 && is_unit(c));
            let before_values = first_value - usize::from(unit_cell.is_some());
            let Some((_, indicator)) = before_values.checked_sub(1).and_then(|k| row.get(k)) else { break };
            let row_values = row.iter().skip(first_value).take(values.len());
            if row.len() < first_value + values.len() || row_values.clone().any(|(_, c)| !is_value_cell(c)) {
                break;
            }
            let (indicator, bracket_unit) = match indicator.rsplit_once(['（', '(']) {
                Some((name, unit)) if unit.ends_with(['）', ')']) && !name.is_empty() => {
                    (name.to_string(), Some(unit.trim_end_matches(['）', ')']).to_string()))
                }
                _ => (indicator.clone(), None),
            };
            let unit_cell = unit_cell.filter(|u| !u.is_empty());
            for &goal in &goals {
                let Some((_, value)) = row.get(first_value + goal) else { continue };
                // A goal of growth (年均增长20%) measures the indicator's growth.
                let (growth, cell) = match growth_figure(value) {
                    Some((words, figure)) => (words, figure),
                    None => ("", value.as_str()),
                };
                let (sign, figure) = value_figure(cell);
                let Some(q) = parse_quantity(figure) else { continue };
                let unit = match growth.is_empty() {
                    true => q.unit.or(unit_cell.clone()).or(bracket_unit.clone().filter(|u| !u.is_empty())),
                    false => q.unit,
                };
                out.push(TargetDraft {
                    text: format!("{indicator}：{value}"),
                    indicator: format!("{indicator}{growth}"),
                    value: q.value,
                    value_max: q.value_max,
                    unit,
                    qualifier: q.qualifier.or((!sign.is_empty()).then(|| sign.to_string())),
                    year: values[goal].0.unwrap_or(0),
                });
            }
            let last = row.last().map_or(next, |(j, _)| *j);
            for s in status.iter_mut().take(last + 1).skip(next) {
                *s = Some(Use::Target);
            }
            rows_found += 1;
            next = last + 1;
        }
        if rows_found > 0 {
            for s in status.iter_mut().take(header_lines.end).skip(header_lines.start) {
                *s = Some(Use::Heading);
            }
        }
        i = next.max(i + 1);
    }
    out
}

/// Do two targets state the same goal: the same figure and year, one indicator naming the
/// other once the place and 的 are left out (a sentence's 全市参加贯标辅导培训的企业 is a table's
/// 参加贯标辅导培训企业)?
pub fn same_goal(a: &TargetDraft, b: &TargetDraft) -> bool {
    let bare = |t: &TargetDraft| {
        let places = ["全市", "全省", "全区", "全县", "全国", "我市", "我省", "我区", "我县"];
        let named = places.iter().find_map(|p| t.indicator.strip_prefix(p)).unwrap_or(&t.indicator);
        named.replace('的', "")
    };
    let (x, y) = (bare(a), bare(b));
    // One promise worded twice (a report's lead says 人才队伍规模超过100万人, its body 人才数量超过
    // 100万人): every part of the figure alike, the things differing only in the word for their size.
    let size_words = ["队伍规模", "规模", "数量", "总量", "总数"];
    let counted = |s: &str| size_words.iter().find_map(|w| s.strip_suffix(w)).unwrap_or(s).to_string();
    let (cx, cy) = (counted(&x), counted(&y));
    let worded_alike = a.unit == b.unit && a.qualifier == b.qualifier && !cx.is_empty() && cx == cy;
    a.value == b.value && a.year == b.year && (x.contains(&y) || y.contains(&x) || worded_alike)
}

/// Headings of a chapter that frames the plan with its guiding ideas and, often, its goals.
const REQUIREMENTS_HEADINGS: &[&str] = &["总体要求", "总体思路", "发展思路"];

/// What ends a sentence of goals or of an item, an ASCII `;` a web page prints among them.
const SENTENCE_ENDS: [char; 3] = ['。', '；', ';'];

/// Targets from goal passages (a heading with 目标, sentences opening `到2022年`). A sentence
/// that names no year is dated by the one before it in its section, else by its heading's year
/// (`2023年知识产权工作目标任务`), else by `plan_year`: the one year of a plan that spans one
/// (a year's work points aim at that year).
pub fn from_goal_passages(passages: &[PassageDraft], plan_year: Option<u16>) -> Vec<TargetDraft> {
    let mut out = Vec::new();
    let mut carried: Option<(Option<&str>, u16)> = None;
    for p in passages {
        // A chapter of general requirements (一、总体要求) may state the goals with no heading of
        // their own: there only a sentence that opens with its year (到2025年，…) sets goals.
        let requirements = p.heading.as_deref().is_some_and(|h| REQUIREMENTS_HEADINGS.contains(&h));
        let Some(heading) = p.heading.as_deref().filter(|h| h.contains("目标") || p.aims || requirements) else {
            // A year's work points may state the year's goals in their opening paragraph; any
            // preamble may end the sentence that makes the plan with its goals (…制定本计划，
            // 到2025年，每万人口…达12%).
            if let (None, Some(year)) = (&p.heading, plan_year) {
                out.extend(opening_goals(&p.text, year));
            } else if p.heading.is_none() {
                out.extend(goals_after_their_year(&p.text));
            }
            continue;
        };
        // A goals section printed as several paragraphs dates them all from its 到2025年.
        let mut year = carried.filter(|(h, _)| *h == p.heading.as_deref()).map(|(_, y)| y);
        year = year.or_else(|| year_named(heading)).or(plan_year);
        // Under general requirements a dated sentence may run on past a semicolon (到2027年，…前列；
        // 专利密集型产业…20%以上；…85分。): what follows states goals of the same year.
        let mut runs_on = false;
        // …and a paragraph there that opens with its year (到2027年，…前列。每万人…69件以上) states
        // that year's goals sentence after sentence, until one names another year.
        let mut paragraph_dated = false;
        for (n, (sentence, end)) in goal_sentences(&p.text).into_iter().enumerate() {
            // A numbered goal line (（一）专利申请量达到1200件) states its goal after the number.
            let numbered = super::prose::marker(sentence).map(|m| m.rest);
            let mut s = numbered.as_deref().unwrap_or(sentence).trim();
            // A sentence labelled as the goals (主要目标：到2025年，… / 主要目标是：2025年，…) states
            // them after its label, in a chapter of general requirements too.
            let labelled = goal_label(s);
            if let Some(rest) = labelled {
                s = rest;
            }
            // Under a heading of aims the year may open the sentence without 到 (2025年，全市…).
            let dated_bare = !requirements || labelled.is_some();
            let opening = leading_year(s).or_else(|| dated_bare.then(|| year_then_comma(s)).flatten());
            let semicolon = matches!(end, Some('；' | ';'));
            if let Some(y) = opening {
                year = Some(y.0);
                s = &s[y.1..];
                paragraph_dated = requirements && n == 0;
            } else if requirements {
                paragraph_dated &= year_named(s).is_none();
                if !runs_on && !paragraph_dated {
                    continue;
                }
            }
            runs_on = requirements && semicolon;
            // A goal whose year is not printed (到20XX年 in a template) is still a goal: year 0.
            let mut dated = year.unwrap_or(0);
            let sentence_start = out.len();
            for clause in clauses(s) {
                // A year named after the sentence's opening clauses dates the goals after it
                // (…为目标，到2025年，在全市范围内遴选8个重点地区), and so does one between the
                // thing and its figure (全市驰名商标到2010年力争达到5件).
                let clause = match leading_year(clause.trim()) {
                    Some((y, skip)) => {
                        dated = y;
                        clause.trim()[skip..].to_string()
                    }
                    None => match year_inside(clause) {
                        Some((y, undated)) => {
                            dated = y;
                            // Cited as printed, the date in it.
                            let printed = clause.trim();
                            out.extend(
                                clause_targets(&undated, dated)
                                    .into_iter()
                                    .map(|t| TargetDraft { text: printed.to_string(), ..t }),
                            );
                            continue;
                        }
                        None => clause.to_string(),
                    },
                };
                let goals = clause_goals(&clause, dated, out[sentence_start..].last());
                out.extend(goals);
            }
            // …and the sentences after it that name none (…到2010年，商标注册达到1677件。其中
            // 证明商标达到4件).
            if dated > 0 {
                year = Some(dated);
                carried = Some((p.heading.as_deref(), dated));
            }
        }
    }
    out
}

/// The sentences of a goals passage, each with the mark that ends it (None for the last); a page
/// that prints its full stops as `.` ends them there too, between two Chinese characters
/// (`数量大幅度增加.到2020年,…`), never inside a number.
fn goal_sentences(text: &str) -> Vec<(&str, Option<char>)> {
    let han = |c: Option<char>| c.is_some_and(crate::index::is_han);
    let mut out = Vec::new();
    let mut from = 0;
    for (i, c) in text.char_indices() {
        let stop = SENTENCE_ENDS.contains(&c)
            || c == '.' && han(text[..i].chars().next_back()) && han(text[i + 1..].chars().next());
        if stop {
            out.push((&text[from..i], Some(c)));
            from = i + c.len_utf8();
        }
    }
    out.push((&text[from..], None));
    out
}

/// The goals of a sentence that opens with the plan's own year and a comma (`2019年，全市每万人口
/// 发明专利拥有量达到21件，有效专利达到18万件`); `2018年是…` and other years' figures are not.
fn opening_goals(text: &str, year: u16) -> Vec<TargetDraft> {
    let opening = format!("{year}年");
    let dated = |s: &str| s.strip_prefix(opening.as_str())?.strip_prefix(['，', ',']).map(str::to_string);
    let targets_of = |s: &str| clauses(s).into_iter().filter_map(|c| clause_target(c, year)).collect::<Vec<_>>();
    let mut out = Vec::new();
    // After a label, the sentences that go on stating figures (主要目标是：…23万件以上。年度专利
    // 转让许可次数达到6万次，…) are goals too, until one states none or names another year.
    let mut running_on = false;
    for sentence in text.split('。').map(str::trim) {
        // Or a sentence labelled as the year's goals (主要预期目标：全省万人发明专利拥有量突破22件，…;
        // 2012年的主要指标是：…达到7.5件；专利申请达到4万件；…): every goal up to its full stop,
        // over semicolons too.
        if let Some(rest) = year_goal_label(sentence, &opening) {
            out.extend(targets_of(rest));
            running_on = true;
            continue;
        }
        let opened: Vec<String> = sentence.split(['；', ';']).map(str::trim).filter_map(dated).collect();
        let other_year = year_named(sentence).is_some_and(|y| y != year);
        if running_on && opened.is_empty() && !other_year {
            // Only figures with their comparison word (达到6万次, 15件以上): counts of things to do
            // are no goals.
            let more: Vec<TargetDraft> =
                clauses(sentence).into_iter().filter(|c| qualified(c)).filter_map(|c| clause_target(c, year)).collect();
            running_on = !more.is_empty();
            out.extend(more);
            continue;
        }
        running_on = false;
        out.extend(opened.iter().flat_map(|s| targets_of(s)));
    }
    out
}

/// What follows the label of a year's goals opening a sentence (`主要预期目标：`, `主要考核指标是:`,
/// `2012年的主要指标是:`; the year, if printed, is the plan's own: `opening` is `2012年`).
fn year_goal_label<'a>(s: &'a str, opening: &str) -> Option<&'a str> {
    let s = s.strip_prefix(opening).map(|rest| rest.strip_prefix('的').unwrap_or(rest)).unwrap_or(s);
    let rest = GOAL_LABELS.iter().chain(CHECKED_GOAL_LABELS).find_map(|l| s.strip_prefix(l))?;
    let rest = rest.strip_prefix('是').unwrap_or(rest);
    rest.strip_prefix(['：', ':'])
}

/// Labels of the figures a year's work points are checked against (主要考核指标是：…).
const CHECKED_GOAL_LABELS: &[&str] = &["主要考核指标", "考核指标"];

/// The goals of a preamble's sentence from a clause that opens with their year (`…，到2025年，
/// 每万人口高价值发明专利拥有量10件，…比重达12%`) to its end.
fn goals_after_their_year(text: &str) -> Vec<TargetDraft> {
    let mut out = Vec::new();
    // A sentence the one before runs on into after a semicolon (到2015年，…；全县…超过130件)
    // states goals of the same year.
    let mut running_on: Option<u16> = None;
    // A paragraph that opens with its year (到2025年，… or 发展目标包括两个阶段：到2025年，…) is
    // that stage's goals, sentence after sentence (…大幅提升。具体预期性指标方面，…达到13%),
    // until a sentence names another year (2012年全县…达到80件 is a baseline).
    let mut paragraph_year: Option<u16> = None;
    let mut stage: Option<u16> = None;
    // Does a sentence open with a dated stage (在启动建设阶段(2017年)，…)?
    let openings_stage = |s: &str| stage_year(s).is_some();
    for (n, (printed, end)) in goal_sentences(text).into_iter().enumerate() {
        // The year may open the sentence itself (…；到2025年底，建成…), or follow what reports
        // the goals (《意见》提出：到2015年，…).
        let sentence = printed.trim();
        // A report may run the year on after its verb (《方案》提出到2025年，…): that opens the
        // goals as a colon does.
        let mut openings: Vec<usize> = std::iter::once(0)
            .chain(sentence.match_indices(['，', ',', '：', ':']).map(|(i, c)| i + c.len()))
            .chain(sentence.match_indices("提出").map(|(i, w)| i + w.len()))
            .collect();
        openings.sort_unstable();
        let opened = openings.into_iter().find_map(|at| {
            let (year, skip) = leading_year(&sentence[at..]).or_else(|| stage_year(&sentence[at..]))?;
            let reported = sentence[..at].ends_with(['：', ':']) || sentence[..at].ends_with("提出");
            Some((year, &sentence[at + skip..], at == 0 || reported))
        });
        if let Some((year, _, at_its_head)) = opened {
            if n == 0 && at_its_head || paragraph_year.is_some() {
                paragraph_year = Some(year);
            }
        } else if year_named(sentence).is_some() {
            paragraph_year = None;
        }
        // A stage's sentence may be followed by a figure of the same stage (…阶段(2019年)，力争…
        // 50亿元。知识产权与技术合同交易额达到900亿元。): a sentence of figures with their
        // comparison words only.
        let staged = stage.filter(|_| opened.is_none() && year_named(sentence).is_none());
        let staged = staged.filter(|_| clauses(sentence).iter().all(|c| qualified(c)));
        stage = match opened {
            Some((year, _, _)) if openings_stage(sentence) => Some(year),
            _ => staged,
        };
        let carried = running_on.or(paragraph_year).or(staged).map(|year| (year, sentence));
        let goals = opened.map(|(year, goals, _)| (year, goals)).or(carried);
        if let Some((year, goals)) = goals {
            let sentence_start = out.len();
            for clause in clauses(goals) {
                let goals = clause_goals(clause, year, out[sentence_start..].last());
                out.extend(goals);
            }
        }
        let semicolon = matches!(end, Some('；' | ';'));
        running_on = goals.map(|(year, _)| year).filter(|_| semicolon);
    }
    out
}

/// What follows a goal label opening a sentence (`主要目标：`, `主要目标是：`, `发展目标:`), if it
/// opens with one.
fn goal_label(s: &str) -> Option<&str> {
    let rest = GOAL_LABELS.iter().chain(["发展目标", "总体目标"].iter()).find_map(|l| s.strip_prefix(l))?;
    let rest = rest.strip_prefix('是').unwrap_or(rest);
    rest.strip_prefix(['：', ':']).map(str::trim_start)
}

/// Labels under which a year's work points list the year's goals in their opening paragraph.
const GOAL_LABELS: &[&str] = &["主要预期目标", "主要目标", "预期目标", "工作目标", "年度目标", "主要指标"];

/// Targets stated inside items (`…，每万人口发明专利拥有量达到12件。`): clauses where a comparison
/// word stands right before the number, or 以上 right after its unit, so that counts of things
/// to build (`建设3个中心`) are not read as targets. The year is the one the sentence names, else
/// `plan_year` (the plan's end year where the document states it), else none (0).
pub fn from_items(measures: &[MeasureDraft], plan_year: Option<u16>) -> Vec<TargetDraft> {
    let mut out = Vec::new();
    for m in measures {
        let text = format!("{}。{}", m.title.as_deref().unwrap_or(""), m.text.as_deref().unwrap_or(""));
        for sentence in text.split(SENTENCE_ENDS) {
            let mut s = sentence.trim();
            let mut year = year_named(s).or(plan_year);
            // A sentence that opens 到2020年 (力争到2020年) states goals: each number in it is one.
            let mut goals = false;
            let opening = ["力争", "确保", "争取"].iter().find_map(|w| s.strip_prefix(w)).unwrap_or(s);
            if let Some(y) = leading_year(opening) {
                year = Some(y.0);
                s = &opening[y.1..];
                goals = true;
            }
            for clause in clauses(s) {
                if !goals && !qualified(clause) {
                    continue;
                }
                for mut t in clause_targets(clause, year.unwrap_or(0)) {
                    // 力争/确保/争取 say how firmly, not what is measured.
                    for lead in ["力争", "确保", "争取", "全年"] {
                        if let Some(rest) = t.indicator.strip_prefix(lead).filter(|r| !r.is_empty()) {
                            t.indicator = rest.to_string();
                        }
                    }
                    out.push(t);
                }
            }
        }
    }
    out
}

/// The goals one clause of a goals sentence states, cited as the clause; a bare figure
/// (`达到300件`) measures what the sentence's goal before it (`before`) did ([`subject_carried`]).
fn clause_goals(clause: &str, year: u16, before: Option<&TargetDraft>) -> Vec<TargetDraft> {
    let subject = subject_carried(clause, before);
    let mut goals = clause_targets(subject.as_deref().unwrap_or(clause), year);
    for t in &mut goals {
        t.text = clause.trim().to_string();
    }
    goals
}

/// A clause that opens with its comparison word and figure (`…年均增长15%，达到300件`) states a
/// goal of what the clause before it measured: that indicator (without the words of its growth)
/// and the clause.
fn subject_carried(clause: &str, before: Option<&TargetDraft>) -> Option<String> {
    let c = clause.trim();
    // Only a bare figure (达到300件), not one that counts a thing of its own (力争1个升级为示范区).
    let rest = PREFIX_QUALIFIERS.iter().find_map(|q| c.strip_prefix(q))?;
    if !rest.starts_with(|ch: char| ch.is_ascii_digit()) || parse_quantity(rest).is_none() {
        return None;
    }
    let indicator = &before?.indicator;
    let subject = ["年均增长", "年均增速", "增长"].iter().find_map(|g| indicator.strip_suffix(g)).unwrap_or(indicator);
    (!subject.is_empty()).then(|| format!("{subject}{c}"))
}

/// The clauses of a sentence: split at commas, and at 、 where each part states its own number
/// (`新增贯标企业1000家、品牌培育企业1500家`), unless the clause grants money: its amounts
/// (`每项分别给予不超过50万元、30万元、10万元奖励`) stay with the word that makes them a grant.
fn clauses(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for clause in outside_brackets(s) {
        let parts: Vec<&str> = clause.split('、').collect();
        let each_numbered =
            parts.len() > 1 && parts.iter().all(|p| p.contains(|c: char| c.is_ascii_digit())) && !grants(clause);
        if each_numbered && ranks_in_turn(clause).is_none() {
            out.extend(parts);
        } else {
            out.push(clause);
        }
    }
    out
}

/// A sentence split at its commas and semicolons, but not at those inside brackets: a remark
/// after a figure (`10件（2023年底达3.85件，2024年底达6.22件）`) stays with it.
fn outside_brackets(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut from) = (0usize, 0);
    for (i, c) in s.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            // An ellipsis ends a list a report cuts short (…达6件以上……近日出台的《规划》).
            '，' | ',' | '；' | ';' | '…' if depth == 0 => {
                out.push(&s[from..i]);
                from = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&s[from..]);
    out
}

/// The targets of one clause: one, or one per thing where the clause names several and their
/// figures in turn (`市知名商标和市名牌产品分别达345件和100个`), each cited with the whole clause.
fn clause_targets(clause: &str, year: u16) -> Vec<TargetDraft> {
    // Money a plan grants (一次性资助科研经费6-10万元, 给予10万元奖励) is a support it offers, not
    // a goal it sets.
    if grants(clause) || APPLICATION_LIMITS.iter().any(|w| clause.contains(w)) {
        return Vec::new();
    }
    // The means a goal is reached by (通过开展七个专项行动，着力解决…) is no goal of its own.
    if MEANS.iter().any(|w| clause.trim().starts_with(w)) {
        return Vec::new();
    }
    let parts = respectively(clause).or_else(|| counts_in_turn(clause)).or_else(|| ranks_in_turn(clause));
    let Some(parts) = parts.or_else(|| each_alike(clause)) else {
        return clause_target(clause, year).into_iter().collect();
    };
    let mut out: Vec<TargetDraft> = parts.iter().filter_map(|part| clause_target(part, year)).collect();
    for t in &mut out {
        t.text = clause.trim().to_string();
    }
    out
}

/// Words that open the means of a goal: 通过 and a verb of doing (not 通过…认证, a state reached).
const MEANS: &[&str] = &["通过开展", "通过实施", "通过举办", "通过组织"];

/// Words of what a support scheme lets each applicant put forward (每个高校每年可推荐项目不超过10个):
/// the figure after them caps applications, it is no goal.
const APPLICATION_LIMITS: &[&str] = &["可推荐", "可申报", "可申请"];

/// Words of a grant of money to those who qualify; 给予 grants what follows it (每家企业给予
/// 不超过20万元).
const GRANT_WORDS: &[&str] = &["资助", "奖励", "补助", "补贴", "奖补", "给予"];

/// Whether `clause` grants money ([`GRANT_WORDS`]).
fn grants(clause: &str) -> bool {
    GRANT_WORDS.iter().any(|w| clause.contains(w))
}

/// `A和B分别达X件和Y个` as `A达X件` and `B达Y个`: as many things as figures, joined by 和, 、 or
/// 及 on both sides of 分别; None for any other clause.
fn respectively(clause: &str) -> Option<Vec<String>> {
    let (things, figures) = clause.trim().split_once("分别")?;
    let (verb, figures) = figures.split_at(figures.find(|c: char| c.is_ascii_digit())?);
    let joins = ['和', '、', '及'];
    let figures: Vec<&str> = figures.split(joins).collect();
    // A thing may hold 和 itself (国家级和省级示范企业、服务网点总数分别突破360家、18个): then
    // only 、 parts the things.
    let parted = |joins: &[char]| -> Option<Vec<&str>> {
        let things: Vec<&str> = things.split(joins).collect();
        let paired = things.len() >= 2 && things.len() == figures.len() && things.iter().all(|t| !t.is_empty());
        paired.then_some(things)
    };
    let things = parted(&joins).or_else(|| parted(&['、']))?;
    Some(things.iter().zip(&figures).map(|(thing, figure)| format!("{thing}{verb}{figure}")).collect())
}

/// `A和B均达到500件以上` as `A达到500件以上` and `B达到500件以上`: one figure after 均 (each) for
/// every thing joined by 和, 、 or 及 before it. Not 均 of 年均, 人均 or 平均, a rate per year or
/// per head (`A和B年均增长10%` is one goal of their sum); None for any other clause.
fn each_alike(clause: &str) -> Option<Vec<String>> {
    let clause = clause.trim();
    let (at, _) = clause.match_indices('均').find(|&(at, _)| {
        let goal = &clause[at + '均'.len_utf8()..];
        !clause[..at].ends_with(['年', '人', '平', '户'])
            && EACH_VERBS.iter().any(|v| goal.starts_with(v))
            && first_figure_is_no_year(goal)
    })?;
    let (things, goal) = (&clause[..at], &clause[at + '均'.len_utf8()..]);
    let parted = |joins: &[char]| -> Option<Vec<&str>> {
        let things: Vec<&str> = things.split(joins).collect();
        (things.len() >= 2 && things.iter().all(|t| !t.is_empty())).then_some(things)
    };
    let things = parted(&['和', '、', '及']).or_else(|| parted(&['、']))?;
    Some(things.iter().map(|thing| format!("{thing}{goal}")).collect())
}

/// Whether `s` holds a figure and its first is no year (均在2025年前完成 sets a date, not a figure).
fn first_figure_is_no_year(s: &str) -> bool {
    let Some(at) = s.find(|c: char| c.is_ascii_digit()) else { return false };
    let after = s[at..].trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    !after.starts_with('年')
}

/// What follows 均 when one figure holds for each thing before it (均达到, 均超过 …); Traditional
/// script is folded before targets are read.
const EACH_VERBS: &[&str] = &["达到", "达", "超过", "突破", "不少于", "不低于", "在", "保持在"];

/// `建立1个国家级示范区和6个省级示范区` as `建立1个国家级示范区` and `建立6个省级示范区`: one
/// verb before two counted things joined by 和, each a goal of its own. None for any other clause.
fn counts_in_turn(clause: &str) -> Option<Vec<String>> {
    let clause = clause.trim();
    let (and, _) = clause
        .match_indices('和')
        .find(|(at, _)| clause[at + '和'.len_utf8()..].starts_with(|c: char| c.is_ascii_digit()))?;
    let (first, second) = (&clause[..and], &clause[and + '和'.len_utf8()..]);
    counted_thing(second)?;
    // The verb both share is what comes before the first counted thing.
    let (at, _) = first.char_indices().find(|&(i, c)| c.is_ascii_digit() && counted_thing(&first[i..]).is_some())?;
    let verb = &first[..at];
    (!verb.is_empty() && !verb.contains(|c: char| c.is_ascii_digit()))
        .then(|| vec![first.to_string(), format!("{verb}{second}")])
}

/// Ranks a count may name alone, sharing the thing the next count names after its own rank.
const RANKS: &[&str] = &["国家级", "省级", "市级", "县级"];

/// `培育5家国家级、10家省级知识产权品牌服务机构` as `培育5家国家级知识产权品牌服务机构` and
/// `培育10家省级知识产权品牌服务机构`: counts joined by 、 that each name a rank alone, the last
/// one the rank and the thing all count. None for any other clause.
fn ranks_in_turn(clause: &str) -> Option<Vec<String>> {
    let parts: Vec<&str> = clause.trim().split('、').collect();
    let (last, firsts) = parts.split_last()?;
    let (_, thing) = counted_thing(last)?;
    let rank = RANKS.iter().find(|r| thing.starts_with(**r))?;
    let noun = &thing[rank.len()..];
    let first = firsts.first()?;
    let at = first.find(|c: char| c.is_ascii_digit())?;
    let verb = &first[..at];
    let rank_alone = |p: &str| {
        let digits = p.find(|c: char| c.is_ascii_digit());
        digits.and_then(|d| counted_thing(&p[d..])).is_some_and(|(_, t)| RANKS.contains(&t.as_str()))
    };
    if noun.chars().count() < 2
        || !rank_alone(first)
        || !firsts[1..].iter().all(|p| p.starts_with(|c: char| c.is_ascii_digit()) && rank_alone(p))
    {
        return None;
    }
    let mut out = vec![format!("{first}{noun}")];
    out.extend(firsts[1..].iter().map(|p| format!("{verb}{p}{noun}")));
    out.push(format!("{verb}{last}"));
    Some(out)
}

/// A year a sentence names (`2020年`, `到2022年`), the first one.
fn year_named(s: &str) -> Option<u16> {
    s.match_indices('年').find_map(|(i, _)| {
        let before = &s[..i];
        let digits: String = before.chars().rev().take_while(|c| c.is_ascii_digit()).collect();
        let y: u16 = digits.chars().rev().collect::<String>().parse().ok()?;
        (digits.len() == 4 && (1980..=2100).contains(&y)).then_some(y)
    })
}

/// Does a clause state a quantity with a comparison word next to its number?
fn qualified(clause: &str) -> bool {
    let Some(p) = clause.find(|c: char| c.is_ascii_digit()) else { return false };
    let before = &clause[..p];
    let prefix = PREFIX_QUALIFIERS.iter().filter(|q| **q != "约").any(|q| before.ends_with(*q));
    let suffix = parse_quantity(&thousands_joined(&clause[p..])).map(|q| q.qualifier.is_some()).unwrap_or(false);
    prefix || suffix
}

/// A stage of a plan dated in brackets at the start of a sentence, as a report of a plan lists its
/// stages (`(在)提升发展阶段(2019年)，力争实现…`): (year, bytes to skip). One year only: a stage
/// spanning years (2021—2022年) is no goal's date.
fn stage_year(s: &str) -> Option<(u16, usize)> {
    let rest = s.strip_prefix('在').unwrap_or(s);
    // A stage's name has at most eight characters: 阶段 is looked for in the ten at the start only.
    let head = rest.char_indices().nth(10).map_or(rest, |(end, _)| &rest[..end]);
    let at = head.find("阶段")?;
    let (stage, after) = (&rest[..at], &rest[at + "阶段".len()..]);
    let named = (2..=8).contains(&stage.chars().count()) && stage.chars().all(crate::index::is_han);
    let inner = after.strip_prefix(['(', '（'])?;
    let (y, n) = decimal(inner)?;
    let after = inner[n..].strip_prefix('年')?.strip_prefix([')', '）'])?;
    let comma = after.strip_prefix(['，', ','])?;
    (named && n == 4 && (1980.0..=2100.0).contains(&y)).then_some((y as u16, s.len() - comma.len()))
}

/// `到2022年，` at the start of a sentence: (year, bytes to skip). How firmly it is meant
/// (力争到2024年底，) and the year's end (年底, 年末) belong to the date, not to the goal.
fn leading_year(s: &str) -> Option<(u16, usize)> {
    let firmly = ["力争", "确保", "争取"].iter().find_map(|w| s.strip_prefix(w)).unwrap_or(s);
    if let Some((year, after)) = period_end_opening(firmly).or_else(|| deadline_opening(firmly)) {
        let skip = s.len() - after.len();
        return Some((year, skip + after.len() - after.trim_start_matches(['，', ',']).len()));
    }
    // 到2025年 or 至2026年 (not 截至2023年, a state reached).
    let rest = firmly.strip_prefix(['到', '至'])?;
    let (y, n) = decimal(rest)?;
    let after = &rest[n..];
    let after = after.strip_prefix('年')?;
    // 年底 and 年末, which some pages print 年年底, 年年末.
    let after = after.strip_prefix('年').filter(|a| a.starts_with(['底', '末'])).unwrap_or(after);
    let after = after.strip_prefix(['底', '末']).unwrap_or(after);
    let skip = s.len() - after.len();
    let skip = skip + after.len() - after.trim_start_matches(['，', ',']).len();
    (1980.0..=2100.0).contains(&y).then_some((y as u16, skip))
}

/// A deadline opening a sentence, (在)2022年底前 or 2024年6月底前: the goal is dated by its year,
/// as 到2022年底 dates it; without 前 (`2022年全市…`) the year may be the sentence's subject.
fn deadline_opening(s: &str) -> Option<(u16, &str)> {
    let s = s.strip_prefix('在').unwrap_or(s);
    let (y, n) = decimal(s)?;
    let after = s[n..].strip_prefix('年')?;
    let after = match decimal(after) {
        Some((m, k)) if (1.0..=12.0).contains(&m) => after[k..].strip_prefix('月')?,
        _ => after,
    };
    let after = after.strip_prefix(['底', '末']).unwrap_or(after);
    let after = after.strip_prefix('前')?;
    (n == 4 && (1980.0..=2100.0).contains(&y)).then_some((y as u16, after))
}

/// A clause that dates its goal between the thing and the figure (`全市驰名商标到2010年力争达到
/// 5件`, `…到2015年底达到…`): (year, the clause without the date).
fn year_inside(clause: &str) -> Option<(u16, String)> {
    let clause = clause.trim();
    // 达到 is the verb before a figure (产值达到2020年的两倍), not a date.
    let dates = |at: usize| at > 0 && !clause[..at].ends_with('达');
    clause.match_indices('到').filter(|&(at, _)| dates(at)).find_map(|(at, _)| {
        let (year, skip) = leading_year(&clause[at..])?;
        Some((year, format!("{}{}", &clause[..at], &clause[at + skip..])))
    })
}

/// The end of a five-year period opening a sentence, (到)“十四五”(期)末: its last year and what
/// follows; `“十四五”期间` (the whole period) is no date of a goal.
fn period_end_opening(s: &str) -> Option<(u16, &str)> {
    let rest = s.strip_prefix(['到', '至']).unwrap_or(s).trim_start_matches(['“', '"']);
    let &(name, _, year) = FIVE_YEAR_PERIODS.iter().find(|(name, ..)| rest.starts_with(name))?;
    let rest = rest[name.len()..].trim_start_matches(['”', '"']);
    let after = ["期末", "末期", "末"].iter().find_map(|e| rest.strip_prefix(e))?;
    Some((year, after))
}

/// `2025年，` (or `2025年底，`) at the start of a sentence: (year, bytes to skip). Only the comma
/// makes it a goal's date: `2025年全市…` or `2035年基本建成…` may be the sentence's subject.
fn year_then_comma(s: &str) -> Option<(u16, usize)> {
    let (y, n) = decimal(s)?;
    let after = s[n..].strip_prefix('年')?;
    let after = after.strip_prefix(['底', '末']).unwrap_or(after);
    let rest = after.strip_prefix(['，', ','])?;
    let four_digits = n == 4 && (1980.0..=2100.0).contains(&y);
    four_digits.then_some((y as u16, s.len() - rest.len()))
}

/// Words that count things after a number: `建成10个基地`, `15家企业`.
const COUNT_WORDS: &[char] =
    &['个', '家', '户', '项', '件', '所', '名', '人', '场', '次', '批', '条', '座', '支', '期', '类', '种'];

/// One clause with a number: indicator, qualifier, value and unit. The number may stand before
/// the thing counted (`建成10个省级品牌培育基地`) and be printed in Chinese numerals (`十五个`).
fn clause_target(printed: &str, year: u16) -> Option<TargetDraft> {
    let cited = printed.trim();
    // A figure given only in brackets after the words it counts (确定意向合作银行（不超过8家）) is
    // read as if printed without them, so that no bracket stays in the indicator or the unit.
    let unbracketed;
    let printed = match cited.rfind(['(', '（']) {
        Some(open) if cited.ends_with([')', '）']) && !cited[..open].contains(|c: char| c.is_ascii_digit()) => {
            let inner = cited[open..].trim_start_matches(['(', '（']).trim_end_matches([')', '）']);
            unbracketed = format!("{}{inner}", &cited[..open]);
            unbracketed.as_str()
        }
        _ => cited,
    };
    // A remark in brackets after the figure (超过510件（上述指标均为预期性指标）) is no part of it.
    let figure = match printed.rfind(['(', '（']) {
        Some(open) if printed.ends_with([')', '）']) && printed[..open].contains(|c: char| c.is_ascii_digit()) => {
            printed[..open].trim_end()
        }
        _ => printed,
    };
    let figure = list_closed(figure);
    // 由2020年的5.2件提高到10件: the figure reached is the goal, the one it starts from is not.
    let reached = from_to(figure);
    let joined = thousands_joined(reached.as_deref().unwrap_or(figure));
    let arabic = counts_in_digits(&joined);
    let arabic = as_growth_rate(&arabic).unwrap_or(arabic);
    let clause = arabic.as_str();
    let p = clause.find(|c: char| c.is_ascii_digit())?;
    let before = &clause[..p];
    if sums_up_a_list(before, &clause[p..]) {
        return None;
    }
    let (indicator, qualifier) = match PREFIX_QUALIFIERS.iter().find(|q| before.ends_with(*q)) {
        Some(q) => (&before[..before.len() - q.len()], Some(q.to_string())),
        None => (before, None),
    };
    // 力争超过19件: the hedge says how firmly, the comparison is 超过; so it does opening the
    // clause (…年末，力争每万人口…突破6件).
    let indicator = ["力争", "争取", "力求"].iter().find_map(|h| indicator.strip_suffix(h)).unwrap_or(indicator);
    // A clause joined to the one before it (…，并初步确定意向合作银行不超过8家): the conjunction is
    // no part of what is counted (并购 is a word of its own).
    let indicator = ["并且", "同时", "并"]
        .iter()
        .find_map(|w| indicator.strip_prefix(w))
        .filter(|r| !r.is_empty() && !r.starts_with(['购', '联', '网', '行', '列']))
        .unwrap_or(indicator);
    let hedged = ["力争", "争取", "力求", "确保", "努力"].iter().find_map(|h| indicator.strip_prefix(h));
    // 努力实现全省发明专利有效量23万件: 实现 after the hedge only says the goal is to be reached.
    let indicator =
        hedged.map_or(indicator, |rest| rest.strip_prefix("实现").filter(|r| !r.is_empty()).unwrap_or(rest));
    // 本市计划每万人口…达到18件: the place and its intent (计划, 预计) are the sentence's subject
    // and verb, as a news report words a plan's goal; the indicator is what follows them.
    let planned = ["本市", "全市", "我市", "本省", "全省", "我省", "本区", "全区", "我区", "我县", "全县"]
        .iter()
        .find_map(|w| indicator.strip_prefix(w))
        .and_then(|rest| ["计划", "预计"].iter().find_map(|v| rest.strip_prefix(v)))
        .filter(|r| !r.is_empty());
    let indicator = planned.unwrap_or(indicator);
    // 将实现…, 累计实现…: 实现 only says the goal is to be reached, as after a hedge; 累计 sums the
    // plan's years, as it does after the indicator (the text keeps both).
    let indicator = ["将实现", "累计实现"]
        .iter()
        .find_map(|w| indicator.strip_prefix(w))
        .filter(|r| !r.is_empty())
        .unwrap_or(indicator);
    // 保持专利申请量和授权量年均增长15%: the verb says a rate is to be kept; what is counted
    // follows it (…保持在 puts the verb after the indicator, and stays with the comparison).
    let indicator =
        indicator.strip_prefix("保持").filter(|r| !r.is_empty() && !r.starts_with('在')).unwrap_or(indicator);
    // 拥有量将达到13件以上: 将 only says the goal lies ahead, as a report of a plan words it.
    let indicator = indicator.strip_suffix('将').filter(|i| !i.is_empty()).unwrap_or(indicator);
    // …so it does opening the clause (将培育形成10个…产业).
    let indicator = indicator.strip_prefix('将').filter(|i| !i.is_empty()).unwrap_or(indicator);
    // 质押融资金额累计达到100亿元: a sum over the plan's years of the indicator, as a table's
    // 累计100 cell is (the text keeps the word).
    let indicator = indicator.strip_suffix("累计").filter(|i| !i.is_empty()).unwrap_or(indicator);
    // 专利申请量完成1200件, 申请量为283件: the verb links the count to it (not 查处侵权行为120件).
    let linked = |v: &str| indicator.strip_suffix(v).filter(|i| v == "完成" || i.ends_with(['量', '数', '率', '额']));
    let indicator = ["完成", "为"].iter().find_map(|v| linked(v)).unwrap_or(indicator);
    // 拥有量到69件以上: a bare 到 links the figure as 达到 would; 提高到, 缩短到 keep their verb.
    let changed = ["提高", "提升", "增加", "增长", "扩大", "上升", "降低", "下降", "减少", "缩短", "缩小"];
    let indicator = indicator
        .strip_suffix('到')
        .filter(|i| !i.is_empty() && !changed.iter().any(|v| i.ends_with(v)))
        .unwrap_or(indicator);
    // 满意度保持在80分以上: the level kept is the goal, 保持在 only links it.
    let indicator = ["保持在", "稳定在"].iter().find_map(|v| indicator.strip_suffix(v)).unwrap_or(indicator);
    // A label before the sentence (任务目标：发明专利授权量…) names no part of the indicator.
    let indicator = indicator.rsplit(['：', ':']).next().unwrap_or(indicator);
    let indicator = indicator.trim_start_matches("其中").trim();
    let (indicator, q) = match parse_quantity(&clause[p..]) {
        Some(q) => (indicator.to_string(), q),
        // 八个方面重点工作: the parts a text's work is framed in, no things to make (Fujian 2024).
        None => counted_thing(&clause[p..])
            .filter(|(_, thing)| !thing.starts_with("方面"))
            .or_else(|| share_counted(&clause[p..]))
            .map(|(q, thing)| (format!("{indicator}{thing}"), q))?,
    };
    if indicator.is_empty() {
        return None;
    }
    // The goal before it compared with an average (…拥有量24件，是全国平均水平1.7倍, Hunan 2015
    // news) counts nothing of its own.
    let compared =
        ["是", "为", "约为", "相当于"].iter().any(|w| indicator.starts_with(w)) && indicator.contains("平均水平");
    if compared {
        return None;
    }
    // 达400人以上: 以上 is the comparison, 达 only the verb before it.
    let qualifier = match (qualifier.as_deref(), q.qualifier) {
        (Some("达" | "达到"), Some(suffix)) => Some(suffix),
        (_, suffix) => qualifier.or(suffix),
    };
    Some(TargetDraft {
        indicator,
        value: q.value,
        value_max: q.value_max,
        unit: q.unit,
        qualifier,
        year,
        text: cited.to_string(),
    })
}

/// A goal that closes a list with 等 (`新增高层次人才500人等`, `…拥有量达到20件等12个预期性
/// 定量指标`): 等 ends the list, and what follows it sums the list up; the goal is the figure
/// before it, where that is a whole quantity.
fn list_closed(clause: &str) -> &str {
    clause
        .match_indices('等')
        .map(|(i, _)| &clause[..i])
        .find(|head| {
            head.find(|c: char| c.is_ascii_digit())
                .is_some_and(|p| p > 0 && parse_quantity(&head[p..]).is_some_and(|q| q.unit.is_some()))
        })
        .unwrap_or(clause)
}

/// What a count after a list's 等 sums the list up as (`…生态系统基本形成”等七个目标`,
/// `…等六个方面`, `…等12个指标`).
const LIST_SUMS: &[&str] = &["目标", "方面", "任务", "措施", "举措", "领域", "部分", "环节", "工程", "行动", "指标"];

/// Whether the figure opening `after` counts the list that `before` closes with 等 (`…基本形成”等`
/// / `7个目标`): the number of its entries, no goal.
fn sums_up_a_list(before: &str, after: &str) -> bool {
    let listed = before.trim_end_matches(['”', '’', '》', '"']).ends_with('等');
    listed && counted_thing(after).is_some_and(|(_, thing)| LIST_SUMS.iter().any(|w| thing.ends_with(w)))
}

/// A growth rate printed as the speed of growth, as older plans state it (全市商标注册以年平均15%
/// 的速度增长, 专利申请量以年均20%以上的速度递增): the clause read as `全市商标注册年平均增长15%`.
fn as_growth_rate(clause: &str) -> Option<String> {
    let (thing, rest) = clause.split_once('以')?;
    let per_year = ["年平均", "年均", "每年"].into_iter().find(|w| rest.starts_with(*w)).unwrap_or("");
    let (figure, after) = rest[per_year.len()..].split_once("的速度")?;
    let grows = after.starts_with("增长") || after.starts_with("递增");
    let is_rate = figure.starts_with(|c: char| c.is_ascii_digit()) && figure.contains('%');
    (grows && is_rate && !thing.is_empty()).then(|| format!("{thing}{per_year}增长{figure}"))
}

/// A clause that takes its indicator from one figure to another (`每万人口…拥有量由2020年的5.2件
/// 提高到10件`, `有效发明专利量从1.2万件增加到2.5万件`) as the indicator and the figure reached.
fn from_to(clause: &str) -> Option<String> {
    let rises = ["提高", "增加", "增长", "提升", "上升", "扩大"];
    let (to, end) = clause.match_indices(['到', '至']).rev().find_map(|(i, c)| {
        let verb = rises.iter().find(|v| clause[..i].ends_with(*v))?;
        Some((i - verb.len(), i + c.len()))
    })?;
    let from = clause[..to].rfind(['由', '从'])?;
    // What lies between is the starting figure: it names one.
    clause[from..to].contains(|c: char| c.is_ascii_digit()).then(|| format!("{}{}", &clause[..from], &clause[end..]))
}

/// A number, a count word and the thing counted: `10个省级品牌培育基地` is 10 个 of
/// 省级品牌培育基地.
fn counted_thing(s: &str) -> Option<(Quantity, String)> {
    let (value, value_max, used) = parse_number(s)?;
    let rest = &s[used..];
    let unit = rest.chars().next().filter(|c| COUNT_WORDS.contains(c))?;
    let mut thing = &rest[unit.len_utf8()..];
    let mut qualifier = None;
    for q in SUFFIX_QUALIFIERS {
        // After the count word (建成5个以上示范园区) or after the thing (建成示范园区5个以上).
        if let Some(t) = thing.strip_prefix(q).or_else(|| thing.strip_suffix(q)) {
            (thing, qualifier) = (t, Some(q.to_string()));
        }
    }
    // The thing after what describes it (50个地方特色鲜明、带动力强的区域公用品牌): its head
    // noun after the last 的, when the description would make it too long or a list.
    let described = thing.chars().count() > 16 || thing.contains(['、', '，']);
    if let Some((_, head)) = thing.rsplit_once('的').filter(|_| described) {
        thing = head;
    }
    let n = thing.chars().count();
    let plain = !thing.contains(|c: char| c.is_ascii_digit() || "，。；、：（(".contains(c));
    ((2..=16).contains(&n) && plain)
        .then(|| (Quantity { qualifier, value, value_max, unit: Some(unit.to_string()) }, thing.to_string()))
}

/// A share of things that reach a goal, the figure first (`40%以上区县入选国家知识产权强县工程试点
/// 示范区(县)`, `60%以上的规上企业建立…`): the share and what those things do. Only with 以上
/// after the percent, as goals word it; a percent before a rate's words (20%以上的速度) is none.
fn share_counted(s: &str) -> Option<(Quantity, String)> {
    let (value, value_max, used) = parse_number(s)?;
    let thing = s[used..].strip_prefix('%')?.strip_prefix("以上")?;
    let thing = thing.strip_prefix('的').unwrap_or(thing);
    let rates = ["速度", "增速", "增长", "增幅", "比例", "比重", "水平"];
    if rates.iter().any(|r| thing.starts_with(r)) {
        return None;
    }
    // What is in brackets (县(市、区)) may hold a list; the rest must be one plain phrase.
    let mut depth = 0usize;
    let mut outside = String::new();
    for c in thing.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    let plain = !outside.contains(|c: char| c.is_ascii_digit() || "，。；、：%".contains(c));
    let n = outside.chars().count();
    let quantity = Quantity { qualifier: Some("以上".to_string()), value, value_max, unit: Some("%".to_string()) };
    ((2..=30).contains(&n) && plain && depth == 0).then(|| (quantity, thing.to_string()))
}

/// A number printed with a space between its thousands, as typeset copies print it (`1 000个`,
/// `12 500件`), joined up (`1000个`): one to three digits, then groups of three after one space.
/// A number after a decimal point or another number (`5.2 9`, two figures) is left.
fn thousands_joined(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let gap = |c: char| matches!(c, ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}');
    let digit = |k: usize| chars.get(k).is_some_and(|c| c.is_ascii_digit());
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let starts = digit(i) && (i == 0 || !(digit(i - 1) || chars[i - 1] == '.'));
        if !starts {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let lead = (i..chars.len()).take_while(|&k| digit(k)).count();
        let mut end = i + lead;
        if lead <= 3 {
            // Each further group: one gap, exactly three digits, then no digit, no point.
            while chars.get(end).is_some_and(|&c| gap(c))
                && (end + 1..end + 4).all(digit)
                && !digit(end + 4)
                && chars.get(end + 4) != Some(&'.')
            {
                end += 4;
            }
        }
        out.extend(chars[i..end].iter().filter(|c| !gap(**c)));
        i = end;
    }
    out
}

/// A clause with counts in Chinese numerals written in digits (`建成十五个基地` → `建成15个基地`),
/// for reading only. A count of one (一批, 一个) is a manner of speaking, and 第十个 an ordinal.
fn counts_in_digits(clause: &str) -> String {
    let chars: Vec<char> = clause.chars().collect();
    let mut out = String::with_capacity(clause.len());
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..].iter().take_while(|&&c| super::prose::is_cn_digit(c)).count();
        let before_ok = i == 0 || chars[i - 1] != '第';
        let counted = chars.get(i + run).is_some_and(|c| COUNT_WORDS.contains(c));
        let run_text: String = chars[i..i + run].iter().collect();
        match super::prose::cn_number(&run_text).filter(|&n| n >= 2 && run > 0 && before_ok && counted) {
            Some(n) => {
                out.push_str(&n.to_string());
                i += run;
            }
            None => {
                out.extend(&chars[i..i + run.max(1)]);
                i += run.max(1);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A quantity as (qualifier, value, value_max, unit).
    type Read = (Option<String>, f64, Option<f64>, Option<String>);

    fn q(s: &str) -> Option<Read> {
        parse_quantity(s).map(|q| (q.qualifier, q.value, q.value_max, q.unit))
    }

    #[test]
    fn quantities() {
        assert_eq!(q("超过1300件"), Some((Some("超过".into()), 1300.0, None, Some("件".into()))));
        assert_eq!(q("2.4件"), Some((None, 2.4, None, Some("件".into()))));
        assert_eq!(q("90项以上"), Some((Some("以上".into()), 90.0, None, Some("项".into()))));
        assert_eq!(q("1-2个"), Some((None, 1.0, Some(2.0), Some("个".into()))));
        assert_eq!(q("达100%"), Some((Some("达".into()), 100.0, None, Some("%".into()))));
        assert_eq!(q("1/4"), Some((None, 0.25, None, None)));
        assert_eq!(q("有效专利发明专利量"), None);
        assert_eq!(q("20XX年"), None);
        assert_eq!(q("2025年"), None);
        assert_eq!(q("35人年"), Some((None, 35.0, None, Some("人年".into()))));
        // The currency after a sum (知识产权使用费年进出口总额达到3500亿元人民币).
        assert_eq!(q("3500亿元人民币"), Some((None, 3500.0, None, Some("亿元".into()))));
        // A rate per head, as older plans print it (每百万人口发明专利授权量达到80件/百万人).
        assert_eq!(q("80件/百万人"), Some((None, 80.0, None, Some("件/百万人".into()))));
        assert_eq!(q("3件/万人以上"), Some((Some("以上".into()), 3.0, None, Some("件/万人".into()))));
        assert_eq!(q("80件/2020年"), None);
    }

    fn table_targets(text: &str) -> Vec<TargetDraft> {
        let lines: Vec<Line> =
            text.lines().enumerate().map(|(k, t)| Line { no: k as u32 + 1, text: t.to_string() }).collect();
        let mut status = vec![None; lines.len()];
        from_indicator_table(&lines, &mut status)
    }

    #[test]
    fn indicator_table_with_a_unit_column_and_sums() {
        // Provincial 十四五 tables: 序号 · 指标名称 · 单位 · 2020年 · 2025年 · 指标属性, a sum over
        // the plan's years printed 累计100, [200] or 100（累计）.
        let per_line = "序号\n指标名称\n单位\n2020年\n2025年\n指标属性\n1\n每万人口高价值发明专利拥有量\n件\n1.9\n3.5\n预期性\n2\n知识产权质押融资金额\n亿元\n15\n累计100\n预期性\n3\n地理标志商标\n件\n86\n100以上\n预期性";
        let want = vec![
            ("每万人口高价值发明专利拥有量", None, 3.5, Some("件"), 2025),
            ("知识产权质押融资金额", None, 100.0, Some("亿元"), 2025),
            ("地理标志商标", Some("以上"), 100.0, Some("件"), 2025),
        ];
        assert_eq!(table_targets(per_line).iter().map(fields).collect::<Vec<_>>(), want);
        // Carried over a page break: a page number, 续表 and the header again.
        let header = "序号\n指标名称\n单位\n2020年\n2025年\n指标属性\n";
        let continued = per_line.replacen("预期性\n2\n", &format!("预期性\n— 3 —\n续表\n{header}2\n"), 1);
        let lines: Vec<Line> =
            continued.lines().enumerate().map(|(k, t)| Line { no: k as u32 + 1, text: t.to_string() }).collect();
        let mut status = vec![None; lines.len()];
        assert_eq!(from_indicator_table(&lines, &mut status).iter().map(fields).collect::<Vec<_>>(), want);
        let label = lines.iter().position(|l| l.text == "续表").unwrap();
        assert_eq!(status[label], Some(Use::Noise));
        // The header on one line, the cells under it one per line.
        let header_whole = per_line.replacen(
            "序号\n指标名称\n单位\n2020年\n2025年\n指标属性",
            "序号 指标名称 单位 2020年 2025年 指标属性",
            1,
        );
        assert_eq!(table_targets(&header_whole).iter().map(fields).collect::<Vec<_>>(), want);
        let tabs = "序号\t类别\t指标名称\t单位\t2020年\t2025年\t属性\n1\t知识产权创造\t海外发明专利授权量\t件\t30\t[200]\t预期性\n2\t\t专利密集型产业增加值占GDP比重\t%\t8.2\t≥10\t预期性\n3\t\t知识产权质押融资金额\t\t15\t100（累计）\t预期性";
        assert_eq!(
            table_targets(tabs).iter().map(fields).collect::<Vec<_>>(),
            vec![
                ("海外发明专利授权量", None, 200.0, Some("件"), 2025),
                ("专利密集型产业增加值占GDP比重", Some("≥"), 10.0, Some("%"), 2025),
                ("知识产权质押融资金额", None, 100.0, None, 2025),
            ]
        );
    }

    #[test]
    fn indicator_table_goal_columns_and_marks() {
        // The national 十四五 plan's layout: a baseline with a footnote's mark (3194〔2〕, 为2019年数值)
        // is still a value, so the rows after it are read.
        let marks = "指标\t2020年\t2025年\t属性\n知识产权使用费年进出口总额（亿元）\t3194〔2〕\t3500\t预期性\n专利密集型产业增加值占GDP比重（%）\t11.6*\t13\t预期性\n知识产权保护社会满意度（分）\t80.05①\t82\t预期性";
        assert_eq!(
            table_targets(marks).iter().map(fields).collect::<Vec<_>>(),
            vec![
                ("知识产权使用费年进出口总额", None, 3500.0, Some("亿元"), 2025),
                ("专利密集型产业增加值占GDP比重", None, 13.0, Some("%"), 2025),
                ("知识产权保护社会满意度", None, 82.0, Some("分"), 2025),
            ]
        );
        // A goal column headed without a year beside a dated baseline: the goal is the goal
        // column's (its year from the plan's name, “十四五”目标 → 2025), never the baseline.
        let headed = "指标\t2020年基数\t“十四五”目标\t属性\n每万人口发明专利拥有量（件）\t18.5\t30\t预期性";
        assert_eq!(
            table_targets(headed).iter().map(fields).collect::<Vec<_>>(),
            vec![("每万人口发明专利拥有量", None, 30.0, Some("件"), 2025)]
        );
        let undated = "指标\t基期值\t目标值\n每万人口发明专利拥有量（件）\t18.5\t30";
        assert_eq!(
            table_targets(undated).iter().map(fields).collect::<Vec<_>>(),
            vec![("每万人口发明专利拥有量", None, 30.0, Some("件"), 0)]
        );
        // 2020年 · 2025年 · 2035年: both later columns are goals; the first is the starting point.
        let stages = "序号\t指标\t2020年\t2025年\t2035年\t属性\n1\t商标有效注册量（万件）\t8\t12\t20\t预期性";
        assert_eq!(
            table_targets(stages).iter().map(fields).collect::<Vec<_>>(),
            vec![
                ("商标有效注册量", None, 12.0, Some("万件"), 2025),
                ("商标有效注册量", None, 20.0, Some("万件"), 2035)
            ]
        );
        // Words of growth in a column after the goals (翻一番, 年均增长20%) end no row.
        let growth = "指标\t2015年\t2020年\t累计增加值\t属性\n知识产权服务业营业收入（亿元）\t800\t1600\t翻一番\t预期性\n知识产权使用费出口额（亿美元）\t44.4\t100\t年均增长20%\t预期性\nPCT专利申请量（万件）\t3\t6\t[3]\t预期性";
        assert_eq!(
            table_targets(growth).iter().map(fields).collect::<Vec<_>>(),
            vec![
                ("知识产权服务业营业收入", None, 1600.0, Some("亿元"), 2020),
                ("知识产权使用费出口额", None, 100.0, Some("亿美元"), 2020),
                ("PCT专利申请量", None, 6.0, Some("万件"), 2020),
            ]
        );
        // A goal of growth in the goal column measures the growth.
        let rate = "指标\t2020年\t2025年\n知识产权服务业营业收入（亿元）\t800\t年均增长15%";
        assert_eq!(
            table_targets(rate).iter().map(fields).collect::<Vec<_>>(),
            vec![("知识产权服务业营业收入年均增长", None, 15.0, Some("%"), 2025)]
        );
        // 类别 · 序号 · 指标名称 · 单位: the row's number after its category (merged over rows).
        let inside = "类别\t序号\t指标名称\t单位\t2020年\t2025年\t属性\n知识产权创造\t1\t每万人口高价值发明专利拥有量\t件\t6.1\t12\t预期性\n\t2\tPCT国际专利申请量\t件\t1500\t3000\t预期性";
        let want = vec![
            ("每万人口高价值发明专利拥有量", None, 12.0, Some("件"), 2025),
            ("PCT国际专利申请量", None, 3000.0, Some("件"), 2025),
        ];
        assert_eq!(table_targets(inside).iter().map(fields).collect::<Vec<_>>(), want);
        let per_line = inside.replace('\t', "\n").replace("\n\n", "\n");
        assert_eq!(table_targets(&per_line).iter().map(fields).collect::<Vec<_>>(), want);
        // A mark alone is no figure; a sum in brackets is still a sum.
        assert_eq!(without_footnote_mark("〔1〕"), "〔1〕");
        assert_eq!(value_figure("[100]").1, "100");
        assert_eq!(value_figure("3194〔2〕").1, "3194");
    }

    #[test]
    fn targets_inside_items() {
        let m = MeasureDraft {
            text: Some("推进专利质押融资，全年质押融资额突破5亿元，建设3个中心。到2025年，每万人口发明专利拥有量达到12件，培育示范企业不少于20家。".into()),
            ..Default::default()
        };
        let t = from_items(&[m], Some(2021));
        assert_eq!(
            t.iter().map(fields).collect::<Vec<_>>(),
            vec![
                ("质押融资额", Some("突破"), 5.0, Some("亿元"), 2021),
                ("每万人口发明专利拥有量", Some("达到"), 12.0, Some("件"), 2025),
                ("培育示范企业", Some("不少于"), 20.0, Some("家"), 2025),
            ]
        );
        let undated =
            MeasureDraft { text: Some("知识产权质押融资额突破5亿元。".into()), ..Default::default() };
        assert!(from_items(&[undated], None).iter().all(|t| t.year == 0));
    }

    #[test]
    fn application_caps_are_no_targets() {
        // Hengqin 2024: how many projects each university may put forward is a rule of the scheme.
        let m = MeasureDraft {
            text: Some("对入驻孵化的项目,给予一次性20万元资助,每个澳门高校每年可推荐项目不超过10个。".into()),
            ..Default::default()
        };
        assert!(from_items(&[m], None).is_empty());
    }

    #[test]
    fn grants_listed_in_turn_are_no_targets() {
        // A reward list gives several amounts in turn, the grant word after the last one, or
        // none but 给予: no amount of it is a goal.
        let m = MeasureDraft {
            text: Some("对获得中国专利奖金奖、银奖的第一完成人，每项分别给予不超过50万元、30万元奖励；对获得国家知识产权示范企业的，每家企业给予不超过30万元。".into()),
            ..Default::default()
        };
        assert!(from_items(&[m], None).is_empty());
        // Figures listed in turn that grant nothing are still goals, one each.
        let m = MeasureDraft {
            text: Some("新增贯标企业不少于100家、品牌培育企业不少于150家。".into()),
            ..Default::default()
        };
        assert_eq!(from_items(&[m], Some(2025)).len(), 2);
    }

    /// The targets of one goals paragraph under `heading`, in a plan that states no single year.
    fn goal_targets(heading: &str, text: &str) -> Vec<TargetDraft> {
        from_goal_passages(
            &[PassageDraft { heading: Some(heading.into()), text: text.into(), lines: [1, 1], aims: false }],
            None,
        )
    }

    fn fields(t: &TargetDraft) -> (&str, Option<&str>, f64, Option<&str>, u16) {
        (t.indicator.as_str(), t.qualifier.as_deref(), t.value, t.unit.as_deref(), t.year)
    }

    #[test]
    fn counts_qualifiers_and_hedges() {
        let text = "到2025年，每亿元营业收入高价值专利数接近4件，建成十个省级品牌培育基地，十五个市级品牌培育基地，专业人才达400人以上，每万人口高价值发明专利拥有量力争超过19件，培育一批示范企业。";
        let t = goal_targets("发展目标", text);
        assert_eq!(
            t.iter().map(fields).collect::<Vec<_>>(),
            vec![
                ("每亿元营业收入高价值专利数", Some("接近"), 4.0, Some("件"), 2025),
                ("建成省级品牌培育基地", None, 10.0, Some("个"), 2025),
                ("市级品牌培育基地", None, 15.0, Some("个"), 2025),
                ("专业人才", Some("以上"), 400.0, Some("人"), 2025),
                ("每万人口高价值发明专利拥有量", Some("超过"), 19.0, Some("件"), 2025),
            ]
        );
        assert_eq!(t[1].text, "建成十个省级品牌培育基地", "the text is as printed");
        // A verb that links the count to its indicator is no part of it.
        let t = goal_targets("工作目标任务", "专利申请量完成1200件，其中发明专利申请量为283件，查处侵权行为120件。");
        assert_eq!(
            t.iter().map(|t| (t.indicator.as_str(), t.value)).collect::<Vec<_>>(),
            [("专利申请量", 1200.0), ("发明专利申请量", 283.0), ("查处侵权行为", 120.0)]
        );
        // 以上 right after the count word qualifies the count, and is no part of the thing.
        let t = goal_targets("工作目标", "到2020年，建成5个以上现代都市农业示范园区。");
        assert_eq!(
            t.iter().map(fields).collect::<Vec<_>>(),
            [("建成现代都市农业示范园区", Some("以上"), 5.0, Some("个"), 2020)]
        );
        // A sum over the plan's years printed after the indicator.
        let t = goal_targets("发展目标", "到2025年，知识产权质押融资金额累计达到100亿元。");
        assert_eq!(
            t.iter().map(fields).collect::<Vec<_>>(),
            [("知识产权质押融资金额", Some("达到"), 100.0, Some("亿元"), 2025)]
        );
        assert_eq!(t[0].text, "知识产权质押融资金额累计达到100亿元");
        // A clause joined by 并 counts what follows it; 并购 is a word (Yueqing 2022).
        let t = goal_targets("工作目标", "到2022年，择优合作，并初步确定意向合作银行8家，完成并购项目3个。");
        assert_eq!(
            t.iter().map(|t| (t.indicator.as_str(), t.value)).collect::<Vec<_>>(),
            [("初步确定意向合作银行", 8.0), ("完成并购项目", 3.0)]
        );
        // A thing described before it (…个地方特色鲜明、带动力强的区域公用品牌) is its head noun.
        let t = goal_targets(
            "发展目标",
            "到2025年，培育打造50个地方特色鲜明、带动力强的区域公用品牌，建成3个具有国际影响力的知识产权服务机构。",
        );
        assert_eq!(
            t.iter().map(fields).collect::<Vec<_>>(),
            [
                ("培育打造区域公用品牌", None, 50.0, Some("个"), 2025),
                ("建成具有国际影响力的知识产权服务机构", None, 3.0, Some("个"), 2025)
            ]
        );
        assert_eq!(counts_in_digits("第十个年头，一批企业，二十三家"), "第十个年头，一批企业，23家");
        // A goal whose year a template left out (到20XX年) is kept, with no year.
        let t = goal_targets("主要目标", "到20XX年，注册商标总数突破15000件。");
        assert_eq!(t.iter().map(|t| (t.indicator.as_str(), t.year)).collect::<Vec<_>>(), [("注册商标总数", 0)]);
        // A year's work points opening with that year's goals; another year's figures are none.
        let opening = |text: &str| {
            let p = PassageDraft { heading: None, text: text.into(), lines: [1, 1], aims: false };
            from_goal_passages(&[p], Some(2019)).iter().map(|t| (t.indicator.clone(), t.value)).collect::<Vec<_>>()
        };
        assert_eq!(
            opening("2019年,全市每万人口发明专利拥有量达到21件,有效专利达到18万件。"),
            [("全市每万人口发明专利拥有量".to_string(), 21.0), ("有效专利".to_string(), 18.0)]
        );
        assert!(opening("2018年，全市专利授权量达到5000件。2019年是关键之年。").is_empty());
        // Hubei 2023: the opening paragraph labels the year's goals.
        assert_eq!(
            opening("坚持稳中求进。主要预期目标:全省万人发明专利拥有量突破22件,知识产权质押融资超100亿元。重点做好以下工作:"),
            [("全省万人发明专利拥有量".to_string(), 22.0), ("知识产权质押融资".to_string(), 100.0)]
        );
        // A goal year named after a sentence's opening clauses dates the goals after it.
        let t = goal_targets("主要目标", "坚持以高质量发展为主线，到2025年，在全市范围内遴选8个重点地区。");
        assert_eq!(t.iter().map(|t| (t.value, t.year)).collect::<Vec<_>>(), [(8.0, 2025)]);
        // Clauses a web page joins with an ASCII semicolon are two.
        let t = goal_targets("主要目标", "到2025年，年均版权登记量达5000件以上;累计有效发明专利达900件以上。");
        assert_eq!(
            t.iter().map(|t| (t.indicator.as_str(), t.value)).collect::<Vec<_>>(),
            [("年均版权登记量", 5000.0), ("累计有效发明专利", 900.0)]
        );
    }

    #[test]
    fn goals_stated_under_general_requirements() {
        // Yunnan 2022: 一、总体要求 states the guiding ideas, then 到2025年 the goals.
        let t = goal_targets(
            "总体要求",
            "坚持以习近平新时代中国特色社会主义思想为指导，全面提升知识产权创造水平。\
             到2025年，知识产权强省建设取得较大进展，专利密集型产业增加值占GDP比重达到5%，\
             每万人口高价值发明专利拥有量达到1.59件，有效注册商标拥有量超过60万件，\
             注册和登记的地理标志超过510件（上述指标均为预期性指标）。",
        );
        assert_eq!(
            t.iter().map(fields).collect::<Vec<_>>(),
            vec![
                ("专利密集型产业增加值占GDP比重", Some("达到"), 5.0, Some("%"), 2025),
                ("每万人口高价值发明专利拥有量", Some("达到"), 1.59, Some("件"), 2025),
                ("有效注册商标拥有量", Some("超过"), 60.0, Some("万件"), 2025),
                ("注册和登记的地理标志", Some("超过"), 510.0, Some("件"), 2025),
            ]
        );
        assert_eq!(t[3].text, "注册和登记的地理标志超过510件（上述指标均为预期性指标）", "the text is as printed");
        // Figures of the past or of a principle there are no goals.
        assert!(goal_targets("总体要求", "坚持问题导向，全省专利申请量已达5万件。").is_empty());
        // Hangzhou 2025: the dated sentence runs on past its semicolons; the next full sentence
        // that names no year does not.
        let t = goal_targets(
            "总体要求",
            "坚持以习近平新时代中国特色社会主义思想为指导。到2027年，全市知识产权综合竞争力位居全国同类城市前列；\
             专利密集型产业增加值占GDP比重20%以上，以版权为核心的文化产业增加值占GDP比重15%以上；\
             知识产权保护社会满意度达到85分。全市专利申请量已达5万件。",
        );
        let paragraph = goal_targets(
            "总体要求",
            "到2027年，全市知识产权综合竞争力位居全国同类城市前列。每万人高价值发明专利拥有量到69件以上，\
             每百户企业有效注册商标到130件以上，培育地理标志45个以上。2022年全市专利申请量达5万件。",
        );
        assert_eq!(
            paragraph.iter().map(fields).collect::<Vec<_>>(),
            vec![
                ("每万人高价值发明专利拥有量", Some("以上"), 69.0, Some("件"), 2027),
                ("每百户企业有效注册商标", Some("以上"), 130.0, Some("件"), 2027),
                ("培育地理标志", Some("以上"), 45.0, Some("个"), 2027),
            ],
            "the paragraph that opens with its year states its goals; a sentence of another year does not"
        );
        assert_eq!(
            t.iter().map(fields).collect::<Vec<_>>(),
            vec![
                ("专利密集型产业增加值占GDP比重", Some("以上"), 20.0, Some("%"), 2027),
                ("以版权为核心的文化产业增加值占GDP比重", Some("以上"), 15.0, Some("%"), 2027),
                ("知识产权保护社会满意度", Some("达到"), 85.0, Some("分"), 2027),
            ]
        );
    }

    #[test]
    fn growth_at_a_rate() {
        let t =
            goal_targets("发展目标", "到2010年，全市商标注册以年平均15%的速度增长，专利申请量以20%以上的速度递增。");
        assert_eq!(
            t.iter().map(fields).collect::<Vec<_>>(),
            vec![
                ("全市商标注册年平均增长", None, 15.0, Some("%"), 2010),
                ("专利申请量增长", Some("以上"), 20.0, Some("%"), 2010),
            ]
        );
        assert_eq!(t[0].text, "全市商标注册以年平均15%的速度增长", "the text is as printed");
        assert_eq!(as_growth_rate("以企业为主体加快发展"), None);
    }

    #[test]
    fn goals_dated_inside_their_clause() {
        // Bayannur 2008: goal lines numbered ㈠…㈣ under 二、目标任务; the date stands between the
        // thing and its figure, or opens a later clause and dates the sentences after it.
        let t = goal_targets(
            "目标任务",
            "㈠全市商标注册以年平均15%的速度增长,到2010年,商标注册达到1677件。其中证明商标达到4件,集体商标达到2件;\
             ㈡全市驰名商标到2010年力争达到5件;",
        );
        assert_eq!(
            t.iter().map(fields).collect::<Vec<_>>(),
            vec![
                // The rate before the date names no year of its own.
                ("全市商标注册年平均增长", None, 15.0, Some("%"), 0),
                ("商标注册", Some("达到"), 1677.0, Some("件"), 2010),
                ("证明商标", Some("达到"), 4.0, Some("件"), 2010),
                ("集体商标", Some("达到"), 2.0, Some("件"), 2010),
                ("全市驰名商标", Some("达到"), 5.0, Some("件"), 2010),
            ]
        );
        assert_eq!(t[4].text, "全市驰名商标到2010年力争达到5件", "the text is as printed");
        // 达到 is the verb, not a date: 产值达到2020年的两倍 names no goal's year.
        assert_eq!(year_inside("产值达到2020年的两倍"), None);
    }

    #[test]
    fn two_counted_things_after_one_verb() {
        // Hainan 2021: one verb, then two counts joined by 和, each its own goal.
        let text = "到2023年底,培育15个地理标志优势产业,建立1个国家级地理标志保护示范区和6个省级地理标志保护示范区。";
        let t = goal_targets("主要目标", text);
        assert_eq!(
            t.iter().map(fields).collect::<Vec<_>>(),
            vec![
                ("培育地理标志优势产业", None, 15.0, Some("个"), 2023),
                ("建立国家级地理标志保护示范区", None, 1.0, Some("个"), 2023),
                ("建立省级地理标志保护示范区", None, 6.0, Some("个"), 2023),
            ]
        );
        assert_eq!(counts_in_turn("专利申请量和授权量达到100件"), None, "和 before no count");
    }

    #[test]
    fn several_things_and_their_figures_in_turn() {
        // Zhenjiang 2007: the last clause names two things and gives their figures in turn.
        let text = "到2010年,制造业中国驰名商标达10件;江苏省著名商标达142件,省名牌产品达63个;市知名商标和市名牌产品分别达345件和100个。";
        let t = goal_targets("主要目标", text);
        assert_eq!(
            t.iter().map(fields).collect::<Vec<_>>(),
            vec![
                ("制造业中国驰名商标", Some("达"), 10.0, Some("件"), 2010),
                ("江苏省著名商标", Some("达"), 142.0, Some("件"), 2010),
                ("省名牌产品", Some("达"), 63.0, Some("个"), 2010),
                ("市知名商标", Some("达"), 345.0, Some("件"), 2010),
                ("市名牌产品", Some("达"), 100.0, Some("个"), 2010),
            ]
        );
        assert_eq!(t[4].text, "市知名商标和市名牌产品分别达345件和100个");
        let m = MeasureDraft {
            text: Some("专利申请量、授权量分别达到1000件、500件。".into()), ..Default::default()
        };
        assert_eq!(
            from_items(&[m], Some(2020)).iter().map(fields).collect::<Vec<_>>(),
            vec![
                ("专利申请量", Some("达到"), 1000.0, Some("件"), 2020),
                ("授权量", Some("达到"), 500.0, Some("件"), 2020)
            ]
        );
    }

    #[test]
    fn one_figure_for_each_thing() {
        // Hubei 2020 (printed in Traditional script, read folded): 均 gives the one figure to each
        // thing before it.
        let m = MeasureDraft {
            text: Some("地理标志数量和国际商标注册总量均达到500件以上，驰名商标总量力争突破400件。".into()),
            ..Default::default()
        };
        assert_eq!(
            from_items(&[m], Some(2022)).iter().map(fields).collect::<Vec<_>>(),
            vec![
                ("地理标志数量", Some("以上"), 500.0, Some("件"), 2022),
                ("国际商标注册总量", Some("以上"), 500.0, Some("件"), 2022),
                ("驰名商标总量", Some("突破"), 400.0, Some("件"), 2022),
            ]
        );
        let each = |s: &str| each_alike(s);
        assert_eq!(
            each("专利、商标和版权登记量均超过1万件"),
            Some(vec!["专利超过1万件".into(), "商标超过1万件".into(), "版权登记量超过1万件".into()])
        );
        // A rate per year or per head, a date, one thing, no figure: none.
        assert_eq!(each("专利申请量和授权量年均增长10%"), None);
        assert_eq!(each("城镇和农村居民人均达到2万元"), None);
        assert_eq!(each("专利和商标事项均在2025年前完成"), None);
        assert_eq!(each("有效发明专利均达到100件"), None);
        assert_eq!(each("专利和商标申请均在线办理"), None);
    }

    #[test]
    fn goals_labelled_under_general_requirements() {
        // 甘肃 2025: 一、总体要求 / 主要目标是：2025年，…; or 主要目标：到2025年，….
        let got = goal_targets(
            "总体要求",
            "坚持创新驱动。主要目标是：2025年，科技进步贡献率达到62%，高新技术企业达到2600家。",
        );
        let got: Vec<_> = got.iter().map(fields).collect();
        assert_eq!(
            got,
            vec![
                ("科技进步贡献率", Some("达到"), 62.0, Some("%"), 2025),
                ("高新技术企业", Some("达到"), 2600.0, Some("家"), 2025)
            ]
        );
        let got = goal_targets("总体要求", "主要目标：到2025年，每万人口高价值发明专利拥有量达到3件。");
        assert_eq!(
            got.iter().map(fields).collect::<Vec<_>>(),
            vec![("每万人口高价值发明专利拥有量", Some("达到"), 3.0, Some("件"), 2025)]
        );
        // Unlabelled, a bare year opening a sentence under general requirements is no goal's date.
        assert!(goal_targets("总体要求", "2025年，科技进步贡献率达到62%。").is_empty());
    }

    #[test]
    fn goals_with_the_figure_first_and_spaced_thousands() {
        // Xi'an 2017: a share of the districts that reach a goal, the figure before them; 将实现 and
        // 累计实现 only say the goal is to be reached. A bracket closing the clause is a remark, as
        // after any figure.
        let text = "在启动建设阶段(2017年)，将实现辖区内40%以上区县入选国家知识产权强县工程试点示范区(县)。提升发展阶段(2019年)，累计实现知识产权融资50亿元。";
        let passage = PassageDraft { heading: None, text: text.into(), lines: [1, 1], aims: false };
        let got = from_goal_passages(&[passage], None);
        assert_eq!(
            got.iter().map(fields).collect::<Vec<_>>(),
            vec![
                ("辖区内区县入选国家知识产权强县工程试点示范区", Some("以上"), 40.0, Some("%"), 2017),
                ("知识产权融资", None, 50.0, Some("亿元"), 2019),
            ]
        );
        // Weihai 2022: 保持 says a growth rate is to be kept, and is no part of what is counted;
        // 保持在 follows its indicator and stays with the comparison.
        let got = goal_targets(
            "工作目标",
            "到2025年，保持专利申请量和授权量年均增长15%以上，有效发明专利拥有量保持在300件以上。",
        );
        assert_eq!(
            got.iter().map(fields).collect::<Vec<_>>(),
            vec![
                ("专利申请量和授权量年均增长", Some("以上"), 15.0, Some("%"), 2025),
                ("有效发明专利拥有量", Some("以上"), 300.0, Some("件"), 2025),
            ]
        );
        // A rate's percent before its words is no share of things.
        assert!(share_counted("20%以上的速度增长").is_none());
        assert!(share_counted("40%区县入选").is_none());
        // Thousands set off by a space, as typeset copies print them.
        assert_eq!(thousands_joined("打造1 000个品牌，达到12 500件"), "打造1000个品牌，达到12500件");
        assert_eq!(thousands_joined("5.2 9"), "5.2 9");
        assert_eq!(thousands_joined("2020年 100件"), "2020年 100件");
        assert_eq!(thousands_joined("1 0000"), "1 0000");
        let got = goal_targets("发展目标", "到2025年，新增商标1 000件以上。");
        assert_eq!(
            got.iter().map(fields).collect::<Vec<_>>(),
            vec![("新增商标", Some("以上"), 1000.0, Some("件"), 2025)]
        );
    }

    #[test]
    fn goals_dated_by_a_year_without_to() {
        // Jiujiang 2023: the aims chapter opens each paragraph with its year and a comma.
        let text = "2025年,全市知识产权战略位势有效提升,每万人有效发明专利拥有量达到6.2件,商标有效注册量突破8.2万件。";
        let got: Vec<_> = goal_targets("主要目标", text).iter().map(|t| (t.indicator.clone(), t.year)).collect();
        assert_eq!(got, [("每万人有效发明专利拥有量".to_string(), 2025), ("商标有效注册量".to_string(), 2025)]);
        // A city daily's report of a plan (Kunming 2018): 将 before the goal is no part of it.
        let text = "《发展规划》明确，至2020年，全市知识产权数量质量显著提升，每万人发明专利拥有量将达到13件以上。";
        let got: Vec<_> = goal_targets("主要目标", text).iter().map(|t| (t.indicator.clone(), t.year)).collect();
        assert_eq!(got, [("每万人发明专利拥有量".to_string(), 2020)]);
        // A year that is the sentence's subject, with no comma, dates nothing by itself.
        assert_eq!(year_then_comma("2025年全市专利"), None);
        assert_eq!(year_then_comma("2025年底，"), Some((2025, "2025年底，".len())));
        assert_eq!(year_then_comma("12年，"), None);
    }

    #[test]
    fn goals_dated_by_to_or_until_and_a_period_end() {
        // Quanzhou 2024 (news of a 2024—2026 方案): 至2026年年末 dates the goals as 到2026年底 does.
        let text = "《方案》提出,至2026年年末,力争每万人口高价值发明专利拥有量突破6件,商标有效注册量达到88万件;国家级和省级知识产权优势示范企业、知识产权信息公共服务网点总数分别突破360家、18个。";
        let p = PassageDraft { heading: None, text: text.into(), lines: [1, 1], aims: false };
        let got: Vec<_> =
            from_goal_passages(&[p], None).iter().map(|t| (t.indicator.clone(), t.value, t.year)).collect();
        assert_eq!(
            got,
            [
                ("每万人口高价值发明专利拥有量".to_string(), 6.0, 2026),
                ("商标有效注册量".to_string(), 88.0, 2026),
                ("国家级和省级知识产权优势示范企业".to_string(), 360.0, 2026),
                ("知识产权信息公共服务网点总数".to_string(), 18.0, 2026),
            ]
        );
        assert_eq!(leading_year("至2026年年末,力争"), Some((2026, "至2026年年末,".len())));
        assert_eq!(leading_year("截至2023年底,全市"), None, "a state reached, not a goal");
        // A deadline dates the goal (确保2022年底前创建…示范点不少于6家).
        assert_eq!(leading_year("确保2022年底前创建"), Some((2022, "确保2022年底前".len())));
        assert_eq!(leading_year("2024年6月底前,完成"), Some((2024, "2024年6月底前,".len())));
        assert_eq!(leading_year("2022年全市创建"), None);
        // Jining 2021: 力争“十四五”期末 dates its goals to 2025; “十四五”期间 is the whole period.
        assert_eq!(leading_year("力争“十四五”期末,全市"), Some((2025, "力争“十四五”期末,".len())));
        assert_eq!(leading_year("到十三五末，全省"), Some((2020, "到十三五末，".len())));
        assert_eq!(leading_year("“十四五”期间，全市"), None);
        // Xi'an 2017 in the news: a stage dated in brackets dates the goals after it.
        assert_eq!(stage_year("提升发展阶段(2019年),力争"), Some((2019, "提升发展阶段(2019年),".len())));
        assert_eq!(stage_year("在启动建设阶段（2017年），将"), Some((2017, "在启动建设阶段（2017年），".len())));
        assert_eq!(stage_year("第一阶段(2021—2022年),完成"), None);
        assert_eq!(stage_year("阶段(2019年),力争"), None);
    }

    #[test]
    fn the_means_of_a_goal_is_no_goal() {
        // Guandu 2021: 通过开展七个专项行动 says how; 通过…认证的企业 counts a state reached.
        assert!(clause_targets("通过开展七个专项行动", 2021).is_empty());
        assert_eq!(clause_targets("通过贯标认证企业达到50家", 2021).len(), 1);
    }

    #[test]
    fn a_count_that_sums_up_a_list_is_no_goal() {
        // Guangdong 2022 news: 等七个目标 counts the goals just listed.
        assert!(clause_targets("知识产权创造、保护和运用生态系统基本形成”等七个目标", 2025).is_empty());
        assert!(clause_targets("从法规制度、保护体系等六个方面", 2025).is_empty());
        // Nor do the parts a text's work is framed in (Fujian 2024 news).
        assert!(clause_targets("围绕全国知识产权局局长会议明确的八个方面重点工作", 2024).is_empty());
        assert_eq!(clause_targets("培育国家知识产权示范企业等10家", 2025).len(), 1);
    }

    #[test]
    fn the_same_goal_in_a_table_and_a_sentence() {
        let goal = |indicator: &str, value: f64| TargetDraft {
            indicator: indicator.into(),
            value,
            value_max: None,
            unit: Some("家".into()),
            qualifier: None,
            year: 2020,
            text: String::new(),
        };
        // Shantou 2016: the table's row and the goals paragraph's clause.
        assert!(same_goal(&goal("参加贯标辅导培训企业", 200.0), &goal("全市参加贯标辅导培训的企业", 200.0)));
        assert!(same_goal(&goal("每万人口发明专利拥有量", 12.0), &goal("全省每万人口发明专利拥有量", 12.0)));
        assert!(!same_goal(&goal("参加贯标辅导培训企业", 200.0), &goal("参加贯标辅导培训企业", 300.0)));
        assert!(!same_goal(&goal("示范企业", 50.0), &goal("优势企业", 50.0)));
        // One promise worded twice (national talent plan 2021, as a report gives it).
        assert!(same_goal(&goal("知识产权人才队伍规模", 100.0), &goal("知识产权人才数量", 100.0)));
        assert!(!same_goal(&goal("知识产权人才队伍规模", 100.0), &goal("专利代理师数量", 100.0)));
    }

    #[test]
    fn goals_from_one_figure_to_another() {
        let text = "到2025年，全市每万人口高价值发明专利拥有量由2020年的5.2件提高到10件，有效发明专利量从1.2万件增加到2.5万件以上，专利转化率由低到高。";
        let got: Vec<_> = goal_targets("发展目标", text)
            .iter()
            .map(|t| (t.indicator.clone(), t.value, t.unit.clone(), t.qualifier.clone()))
            .collect();
        assert_eq!(
            got,
            [
                ("全市每万人口高价值发明专利拥有量".to_string(), 10.0, Some("件".to_string()), None),
                ("有效发明专利量".to_string(), 2.5, Some("万件".to_string()), Some("以上".to_string())),
            ]
        );
        assert_eq!(from_to("专利转化率由低提高到高"), None);
    }

    #[test]
    fn a_clause_that_opens_with_its_figure() {
        // The clause after a growth rate names the count the indicator reaches.
        let text = "到2025年，PCT国际专利申请量年均增长15%，达到300件，专利申请量突破1万件。";
        let got: Vec<_> =
            goal_targets("发展目标", text).iter().map(|t| (t.indicator.clone(), t.value, t.text.clone())).collect();
        assert_eq!(
            got,
            [
                ("PCT国际专利申请量年均增长".to_string(), 15.0, "PCT国际专利申请量年均增长15%".to_string()),
                ("PCT国际专利申请量".to_string(), 300.0, "达到300件".to_string()),
                ("专利申请量".to_string(), 1.0, "专利申请量突破1万件".to_string()),
            ]
        );
        // Not the sentence's first clause, nor one with its own indicator.
        assert!(goal_targets("发展目标", "到2025年，达到300件。").is_empty());
        let own = goal_targets("发展目标", "到2020年，建成3个试点区，力争1个升级为国家示范区。");
        assert_eq!(own.iter().map(|t| t.indicator.as_str()).collect::<Vec<_>>(), ["建成试点区", "升级为国家示范区"]);
    }

    #[test]
    fn points_and_a_level_kept() {
        let text = "到2025年，专利密集型产业增加值占GDP比重提高2个百分点，知识产权保护社会满意度保持在80分以上。";
        let got: Vec<_> = goal_targets("发展目标", text)
            .iter()
            .map(|t| (t.indicator.clone(), t.value, t.unit.clone(), t.qualifier.clone()))
            .collect();
        assert_eq!(
            got,
            [
                ("专利密集型产业增加值占GDP比重提高".to_string(), 2.0, Some("个百分点".to_string()), None),
                ("知识产权保护社会满意度".to_string(), 80.0, Some("分".to_string()), Some("以上".to_string())),
            ]
        );
    }

    #[test]
    fn goals_at_the_end_of_a_preamble() {
        // Linyi 2023: the sentence that makes the plan goes on with the goals for 2025.
        let text = "结合我市实际，制定2023—2025年推进计划，加快推动知识产权强市建设，到2025年，每万人口高价值发明专利拥有量10件（2023年底达3.85件，2024年底达6.22件），专利密集型产业增加值占GDP比重达12%，版权产业增加值占GDP比重达6.5%。";
        let p = PassageDraft { heading: None, text: text.into(), lines: [1, 1], aims: false };
        let got: Vec<_> =
            from_goal_passages(&[p], None).iter().map(|t| (t.indicator.clone(), t.value, t.year)).collect();
        assert_eq!(
            got,
            [
                ("每万人口高价值发明专利拥有量".to_string(), 10.0, 2025),
                ("专利密集型产业增加值占GDP比重".to_string(), 12.0, 2025),
                ("版权产业增加值占GDP比重".to_string(), 6.5, 2025),
            ]
        );
        // A preamble that only looks ahead, with no clause opening 到…年, sets none.
        let p = PassageDraft {
            heading: None,
            text: "为实现2025年专利申请量达到1000件的目标，制定本方案。".into(),
            lines: [1, 1],
            aims: false,
        };
        assert!(from_goal_passages(&[p], None).is_empty());
    }

    #[test]
    fn goals_of_a_paragraph_with_no_heading() {
        let read = |text: &str| -> Vec<(String, f64, u16)> {
            let p = PassageDraft { heading: None, text: text.into(), lines: [1, 1], aims: false };
            from_goal_passages(&[p], None).iter().map(|t| (t.indicator.clone(), t.value, t.year)).collect()
        };
        // A sentence that opens with its year, how firmly it is meant and the year's end before it
        // (a one-line page of Zhejiang 2024: …提供有力支撑。 力争到2024年底，…突破1万件).
        assert_eq!(
            read("为我省提供有力支撑。 力争到2024年底，数据知识产权登记总量突破1万件，赋能产业25个以上。"),
            [("数据知识产权登记总量".to_string(), 1.0, 2024), ("赋能产业".to_string(), 25.0, 2024)]
        );
        // A news report of a county's plan (Dongkou 2012): the goals after 提出：, and the
        // sentence the semicolon runs on into, of the same year; the next full sentence is not.
        assert_eq!(
            read("《意见》提出：到2015年，发明专利占20%左右；全县专利申请量超过130件。2012年全县专利申请量达到80件。"),
            [("发明专利占".to_string(), 20.0, 2015), ("全县专利申请量".to_string(), 130.0, 2015)]
        );
        // …or after 提出 with no colon (a news page of the national 专项行动方案 2023): the
        // paragraph's later sentences are that year's goals too.
        assert_eq!(
            read("他说,《方案》提出到2025年,推动一批高价值专利实现产业化。全国涉及专利的技术合同成交额达到8000亿元。"),
            [("全国涉及专利的技术合同成交额".to_string(), 8000.0, 2025)]
        );
        // A paragraph opening with its year states that year's goals after its full stops too
        // (a news page of the national 纲要 2021: …大幅提升。具体预期性指标方面，…达到13%).
        assert_eq!(
            read("该纲要明确，发展目标包括以下两个阶段：到2025年，品牌竞争力大幅提升。具体预期性指标方面，版权产业增加值占GDP比重达到7.5%，每万人口高价值发明专利拥有量达到12件。"),
            [
                ("版权产业增加值占GDP比重".to_string(), 7.5, 2025),
                ("每万人口高价值发明专利拥有量".to_string(), 12.0, 2025)
            ]
        );
        // …until a sentence names another year; a paragraph whose goals open a later sentence
        // dates only that sentence.
        assert_eq!(
            read("到2015年，全县专利申请量超过130件。授权的植物新品种数量达到3个。2012年全县专利申请量达到80件。"),
            [("全县专利申请量".to_string(), 130.0, 2015), ("授权的植物新品种数量".to_string(), 3.0, 2015)]
        );
        assert_eq!(
            read("去年成效显著。到2015年，全县专利申请量超过130件。目前全县专利申请量达到80件。"),
            [("全县专利申请量".to_string(), 130.0, 2015)]
        );
        // Money the plan grants in the sentence of its goals is no goal (Yongren 2014).
        assert_eq!(
            read("力争到2020年，建成科技示范园5个以上，对新认定的高新技术企业一次性资助科研经费6-10万元。"),
            [("建成科技示范园".to_string(), 5.0, 2020)]
        );
        // After a semicolon the year opens its own sentence (Henan 2020: …；到2025年底，建成10个…).
        assert_eq!(
            read("到2021年底，培育20个知名品牌；到2025年底，建成10个国家项目。"),
            [("培育知名品牌".to_string(), 20.0, 2021), ("建成国家项目".to_string(), 10.0, 2025)]
        );
    }

    #[test]
    fn goals_of_a_list_closed_or_cut_short() {
        let read = |text: &str| -> Vec<(String, f64, Option<String>, u16)> {
            let p = PassageDraft { heading: None, text: text.into(), lines: [1, 1], aims: false };
            from_goal_passages(&[p], None)
                .iter()
                .map(|t| (t.indicator.clone(), t.value, t.unit.clone(), t.year))
                .collect()
        };
        // 等 closes the list of goals, and what follows it sums them up (Hubei 2022, a news report
        // of its 十四五 plan): the last goal is the figure before 等.
        assert_eq!(
            read("《规划》提出，到2025年，每万人口高价值发明专利拥有量达到12件、每万人口发明专利拥有量达到20件等12个预期性定量指标。"),
            [
                ("每万人口高价值发明专利拥有量".to_string(), 12.0, Some("件".to_string()), 2025),
                ("每万人口发明专利拥有量".to_string(), 20.0, Some("件".to_string()), 2025)
            ]
        );
        // …and its unit is no 人等 (Jiangsu 2021).
        assert_eq!(
            read("到2025年，新增知识产权高层次人才500人等。"),
            [("新增知识产权高层次人才".to_string(), 500.0, Some("人".to_string()), 2025)]
        );
        // An ellipsis ends the list a report cuts short (Guangxi 2016): the goal before it stands.
        assert_eq!(
            read("形成新格局;到2020年,全区每万人发明专利拥有量达6件以上……近日出台的《规划》,明确了今后5年的主要目标"),
            [("全区每万人发明专利拥有量".to_string(), 6.0, Some("件".to_string()), 2020)]
        );
        // A 等 inside the indicator, before its figure, is no end of a list.
        assert_eq!(list_closed("等级医院达到10家"), "等级医院达到10家");
    }

    #[test]
    fn goals_a_years_work_points_label() {
        let read = |text: &str| -> Vec<(String, f64, String, u16)> {
            let p = PassageDraft { heading: None, text: text.into(), lines: [1, 1], aims: false };
            let t = from_goal_passages(&[p], Some(2012));
            t.iter().map(|t| (t.indicator.clone(), t.value, t.unit.clone().unwrap_or_default(), t.year)).collect()
        };
        // Tianjin 2012: the year's indicators after the year and its label, one per semicolon.
        assert_eq!(
            read("2012年的主要指标是:每万人口发明专利拥有量达到7.5件;专利申请达到4万件;商标注册申请达到16000件;其他知识产权总量性指标年增长20%以上。知识产权政策法规体系进一步完善。"),
            [
                ("每万人口发明专利拥有量".to_string(), 7.5, "件".to_string(), 2012),
                ("专利申请".to_string(), 4.0, "万件".to_string(), 2012),
                ("商标注册申请".to_string(), 16000.0, "件".to_string(), 2012),
                ("其他知识产权总量性指标年增长".to_string(), 20.0, "%".to_string(), 2012),
            ]
        );
        // Tianjin 2014: the figures the year is checked against, after a sentence of aims.
        let t = read("2012年奋斗目标是:专利质量进一步提高。主要考核指标是:每万人口发明专利拥有量力争突破10件,拥有专利企业8000家。");
        assert_eq!(t.len(), 2, "{t:?}");
        assert_eq!((t[1].0.as_str(), t[1].1, t[1].2.as_str()), ("拥有专利企业", 8000.0, "家"));
        // Another year's indicators are a baseline, not the year's goals.
        assert!(read("2011年的主要指标是:专利申请达到3万件。").is_empty());
        // Hubei 2026: the goals the label opens run on into the next sentence, without the
        // hedge 努力实现; a sentence that names another year, or counts without a comparison
        // word, states none.
        let t = read("主要目标是:努力实现全省发明专利有效量23万件以上。年度专利转让许可次数达到6万次,质押融资金额达到500亿元。在考核中实现进位提质。");
        let got: Vec<(&str, f64)> = t.iter().map(|t| (t.0.as_str(), t.1)).collect();
        assert_eq!(got, [("全省发明专利有效量", 23.0), ("年度专利转让许可次数", 6.0), ("质押融资金额", 500.0)]);
        let t = read("主要目标是:专利申请达到4万件。2011年专利申请达到3万件。新建3个服务中心。");
        assert_eq!(t.len(), 1, "{t:?}");
        assert_eq!(read("主要目标是:专利申请达到4万件。新建3个服务中心,培育5家企业。").len(), 1);
    }

    #[test]
    fn goal_sentences() {
        let text = "到2022年，完成修订工作，重点企业达30000家。其中高新技术企业贯标率达1/4。年度交易运营额突破100亿元，PCT专利申请量领跑全国。";
        let t = goal_targets("目标要求", text);
        assert_eq!(
            t.iter().map(fields).collect::<Vec<_>>(),
            vec![
                ("重点企业", Some("达"), 30000.0, Some("家"), 2022),
                ("高新技术企业贯标率", Some("达"), 0.25, None, 2022),
                ("年度交易运营额", Some("突破"), 100.0, Some("亿元"), 2022),
            ]
        );
    }

    #[test]
    fn a_goal_the_city_plans() {
        // Tianjin 2016 (a daily's report): 本市计划 is the sentence's subject and verb, not the
        // indicator's; a place alone before it stays, as printed.
        let planned = clause_target("本市计划每万人口发明专利拥有量达到18件", 2020).map(|t| t.indicator);
        assert_eq!(planned.as_deref(), Some("每万人口发明专利拥有量"));
        let place = clause_target("全市每万人口发明专利拥有量达到21件", 2020).map(|t| t.indicator);
        assert_eq!(place.as_deref(), Some("全市每万人口发明专利拥有量"));
    }

    #[test]
    fn counts_of_ranks_share_the_thing_counted_last() {
        // Jiangxi 2016: 培育5家国家级、10家省级知识产权品牌服务机构.
        let parts = ranks_in_turn("培育5家国家级、10家省级知识产权品牌服务机构").expect("two counts");
        assert_eq!(parts, ["培育5家国家级知识产权品牌服务机构", "培育10家省级知识产权品牌服务机构"]);
        let goals: Vec<(String, f64)> = clause_targets("培育5家国家级、10家省级知识产权品牌服务机构", 2020)
            .into_iter()
            .map(|t| (t.indicator, t.value))
            .collect();
        assert_eq!(goals.len(), 2);
        assert_eq!(goals[1].1, 10.0);
        assert!(goals.iter().all(|(i, _)| i.ends_with("级知识产权品牌服务机构")), "{goals:?}");
        // Counts of things of their own are split as before.
        assert_eq!(ranks_in_turn("新增贯标企业1000家、品牌培育企业1500家"), None);
        assert_eq!(ranks_in_turn("建成5家国家级示范企业、10家省级示范企业"), None);
    }

    #[test]
    fn a_comparison_with_an_average_is_no_goal() {
        // Hunan 2015 news: …24件，是全国平均水平1.7倍.
        assert!(clause_target("是全国平均水平1.7倍", 2020).is_none());
        assert!(clause_target("为全省平均水平的2倍", 2020).is_none());
        let t = clause_target("知识产权保护社会满意度达80分以上", 2020).map(|t| t.indicator);
        assert_eq!(t.as_deref(), Some("知识产权保护社会满意度"));
    }

    #[test]
    fn a_figure_only_in_brackets() {
        // 乐清 2022: the cap printed in brackets after what it counts; no bracket in any field.
        let t = clause_target("并初步确定意向合作银行(不超过8家)", 0).expect("a figure");
        assert_eq!(
            (t.indicator.as_str(), t.qualifier.as_deref(), t.value, t.unit.as_deref()),
            ("初步确定意向合作银行", Some("不超过"), 8.0, Some("家"))
        );
        assert_eq!(t.text, "并初步确定意向合作银行(不超过8家)");
        // A remark in brackets after the figure is still cut off.
        let t = clause_target("发明专利拥有量超过510件（上述指标均为预期性指标）", 0).expect("a figure");
        assert_eq!((t.value, t.unit.as_deref()), (510.0, Some("件")));
    }
}
