//! `indicators`: the quantitative commitments printed inside measures (不少于2次, 5家, 100件, 1000万元,
//! 10%, 1-2个, 两期 …) as records, compared across plans by work item or theme, beside the plans' targets.
//!
//! A commitment is a number followed by a unit word (a classifier such as 个/家/件/次/期/项/人, a
//! money unit, %), with an optional comparison word before it (不少于, 达到, 突破 …) or after it (以上,
//! 左右 …). Numbers are Arabic (2.4, 1,000, 1/4, ranges 1-2 / 3—5 / 2至3) or Chinese (两, 十五, 三百);
//! 万 and 亿 multiply. What is not a commitment is left out by its form, not by its text: ordinals (第三批),
//! years and dates (2018年, 4.26 — no unit follows), names in quotes or book-title marks (“5个100”工程,
//! 《2018年…》), codes after Latin letters (G20), a bare 一 (一批, 一个良好的环境: "a", not "one") unless a
//! comparison or 每年-style frequency word precedes it, bare 百/千/万 (千人计划) likewise, and 一期/二期 before
//! 工程 or 建设 (a phase). Values keep the printed unit; `normValue`/`normUnit` convert only what is exact:
//! money to 万元 (亿元 × 10,000, 元 ÷ 10,000), counts multiplied by 万/亿 to plain counts, ％ to %.

use super::compare::{compare, CompareBy};
use super::similarity::{plan_indices, round4, Field};
use super::template_coverage::template_items_of;
use super::{normalize, Corpus, QueryError};
use crate::model::{Measure, Target};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Comparison words directly before a number, longest first.
const PREFIX_QUALIFIERS: &[&str] = &[
    "不少于",
    "不低于",
    "不超过",
    "不高于",
    "不多于",
    "至少",
    "最少",
    "超过",
    "达到",
    "突破",
    "高于",
    "低于",
    "力争",
    "达",
    "超",
    "逾",
    "约",
    "近",
];
/// Comparison words after the unit.
const SUFFIX_QUALIFIERS: &[&str] = &["及以上", "以上", "以下", "以内", "左右"];
/// Words that, a few characters before a bare 一, make it a count (至少举办一期, 每年一次).
const COUNT_CUES: &[&str] = &["至少", "不少于", "最少", "每年", "每季度", "每月", "每半年", "每两年", "每周"];
/// Unit words, longest first (so that 人次 wins over 人). 年, 月, 日, 号, 届, 级 and 位 are not units:
/// they make years, dates, ordinals, levels and set phrases (五位一体).
const UNITS: &[&str] = &[
    "个百分点",
    "个工作日",
    "百分点",
    "工作日",
    "个月",
    "人次",
    "家次",
    "场次",
    "件次",
    "批次",
    "亿元",
    "万元",
    "千元",
    "小时",
    "元",
    "%",
    "％",
    "‰",
    "倍",
    "个",
    "家",
    "件",
    "次",
    "场",
    "期",
    "项",
    "名",
    "人",
    "所",
    "批",
    "座",
    "条",
    "部",
    "本",
    "篇",
    "份",
    "套",
    "处",
    "支",
    "类",
    "种",
    "天",
    "门",
    "册",
    "台",
    "单",
];
/// Chinese numerals and multipliers.
const CN_DIGITS: &str = "零〇一二两三四五六七八九";
const CN_NUMERAL: &str = "零〇一二两三四五六七八九十百千万亿";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
pub struct IndicatorsOptions {
    /// Plan ids; empty: every plan.
    pub plans: Vec<String>,
    /// Only measures on this work item (template items match reworded cells too; prose plans by
    /// wording, as in `compare`).
    pub work_item: Option<String>,
    /// Only measures tagged with this theme.
    pub theme: Option<String>,
}

/// One quantitative commitment printed in a measure.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Indicator {
    pub plan: String,
    pub measure: String,
    pub work_item: Option<String>,
    pub field: Field,
    /// [start, end) of `phrase` in chars of the field.
    pub span: [usize; 2],
    /// As printed: comparison word, number, unit, trailing comparison word.
    pub phrase: String,
    pub value: f64,
    /// Upper end of a range (1-2个 → 2).
    pub value_max: Option<f64>,
    /// As printed (万元, 人次, 万人次, %).
    pub unit: String,
    /// The comparison word as printed (不少于, 以上, 余 …), or null.
    pub qualifier: Option<String>,
    /// What is counted: the words after the unit, else those before the number in its clause.
    pub counted: String,
    /// The clause the phrase stands in, as printed.
    pub clause: String,
    /// Value and unit converted where the conversion is exact (money in 万元, 万人次 → 人次).
    pub norm_value: f64,
    pub norm_value_max: Option<f64>,
    pub norm_unit: String,
    pub lines: [u32; 2],
}

/// Per unit (normalised): how many commitments a plan prints, their sum and largest value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct UnitTotal {
    pub unit: String,
    pub count: usize,
    /// Sum of the lower values (a range counts its lower end; a clause repeated in the plan, once).
    pub total: f64,
    /// Largest value, upper ends of ranges included.
    pub max: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct IndicatorPlan {
    pub plan: String,
    pub region: String,
    pub region_en: String,
    /// Measures selected (by work item or theme) and those of them with a number.
    pub measures: usize,
    pub measures_with_numbers: usize,
    pub count: usize,
    /// Most common unit first.
    pub units: Vec<UnitTotal>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct UnitCount {
    pub unit: String,
    pub count: usize,
    /// Plans printing at least one commitment in this unit.
    pub plans: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct IndicatorsResult {
    pub work_item: Option<String>,
    pub theme: Option<String>,
    pub indicators: Vec<Indicator>,
    /// One row per plan, in the order asked.
    pub plans: Vec<IndicatorPlan>,
    /// Normalised units, most plans first (the natural axis of a comparison chart).
    pub units: Vec<UnitCount>,
    /// The plans' existing targets (goals tables and paragraphs), beside the measures' numbers.
    pub targets: Vec<Target>,
}

impl IndicatorsResult {
    /// Spans as UTF-16 code units (for JavaScript's `text.slice(start, end)`), as the binding hands them.
    pub fn into_utf16(mut self, corpus: &Corpus) -> IndicatorsResult {
        for i in &mut self.indicators {
            i.span = super::passages::utf16_span(corpus, &i.measure, i.field, i.span);
        }
        self
    }
}

/// A quantity found in a text: char span, phrase parts.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub span: [usize; 2],
    pub value: f64,
    pub value_max: Option<f64>,
    pub unit: String,
    pub qualifier: Option<String>,
    pub counted: String,
    pub clause: [usize; 2],
    pub norm_value: f64,
    pub norm_value_max: Option<f64>,
    pub norm_unit: String,
}

fn is_clause_end(c: char) -> bool {
    "，。；：、,;:！？!?\n（）()".contains(c)
}

fn starts_with_at(chars: &[char], at: usize, word: &str) -> bool {
    word.chars().enumerate().all(|(k, w)| chars.get(at + k) == Some(&w))
}

fn ends_with_at(chars: &[char], end: usize, word: &str) -> bool {
    let n = word.chars().count();
    end >= n && starts_with_at(chars, end - n, word)
}

/// Positions inside quotation or book-title marks (names, not commitments).
fn quoted(chars: &[char]) -> Vec<bool> {
    let mut depth = 0i32;
    let mut ascii_open = false;
    chars
        .iter()
        .map(|&c| match c {
            '“' | '《' | '「' | '『' | '〈' => {
                depth += 1;
                true
            }
            '”' | '》' | '」' | '』' | '〉' => {
                depth = (depth - 1).max(0);
                true
            }
            '"' => {
                ascii_open = !ascii_open;
                true
            }
            _ => depth > 0 || ascii_open,
        })
        .collect()
}

/// An Arabic number at `at`: digits (ASCII or full-width), `,` thousands groups, a decimal point.
fn arabic(chars: &[char], at: usize) -> Option<(f64, usize)> {
    let digit = |c: char| c.to_digit(10).or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32));
    let mut text = String::new();
    let mut i = at;
    let mut seen_dot = false;
    while let Some(&c) = chars.get(i) {
        if let Some(d) = digit(c) {
            text.push(char::from_digit(d, 10).unwrap_or('0'));
        } else if (c == '.' || c == '．')
            && !seen_dot
            && !text.is_empty()
            && chars.get(i + 1).is_some_and(|&n| digit(n).is_some())
        {
            seen_dot = true;
            text.push('.');
        } else if c == ',' && !seen_dot && !text.is_empty() {
            // A thousands group is exactly three digits then no further digit.
            let group: Vec<bool> = (1..=4).map(|k| chars.get(i + k).is_some_and(|&n| digit(n).is_some())).collect();
            if group == [true, true, true, false] {
                i += 1;
                continue;
            }
            break;
        } else {
            break;
        }
        i += 1;
    }
    if text.is_empty() {
        return None;
    }
    text.parse::<f64>().ok().map(|v| (v, i - at))
}

fn cn_digit(c: char) -> Option<u64> {
    match c {
        '零' | '〇' => Some(0),
        '一' => Some(1),
        '二' | '两' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

/// Value of a Chinese numeral (十五, 二十, 三百, 两千五百, 1 万 as 一万); None for a sequence that is not
/// one number (十百千, 一二).
pub fn chinese_number(s: &str) -> Option<u64> {
    let mut total: u64 = 0;
    let mut section: u64 = 0;
    let mut digit: Option<u64> = None;
    let mut last_unit = u64::MAX;
    for c in s.chars() {
        if let Some(d) = cn_digit(c) {
            if digit.is_some() && d != 0 {
                return None;
            }
            digit = Some(d);
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' => 10_000,
            '亿' => 100_000_000,
            _ => return None,
        };
        if unit >= 10_000 {
            let part = section.saturating_add(digit.take().unwrap_or(0));
            if part == 0 && total == 0 {
                return None;
            }
            total = total.checked_add(part)?.checked_mul(unit)?;
            section = 0;
            last_unit = u64::MAX;
        } else {
            if unit >= last_unit {
                return None;
            }
            // 十 alone means 10, a bare 百/千 one hundred / thousand (达到千件); whether a bare one is a
            // count at all (千人计划 is a name) is for the caller to judge.
            let d = digit.take().unwrap_or(1);
            section = section.saturating_add(d * unit);
            last_unit = unit;
        }
    }
    total.checked_add(section)?.checked_add(digit.unwrap_or(0))
}

/// A number (Arabic or Chinese) at `at` with its length, and whether it was a bare 一 / 百 / 千 / 万.
fn number(chars: &[char], at: usize) -> Option<(f64, usize, bool)> {
    if let Some((v, n)) = arabic(chars, at) {
        return Some((v, n, false));
    }
    // Twelve characters make any number a plan prints (三千二百五十万); a longer run is not one number.
    let n = chars.get(at..)?.iter().take(12).take_while(|c| CN_NUMERAL.contains(**c)).count();
    if n == 0 {
        return None;
    }
    // Take the longest prefix that is one number (三五个 is not 35).
    (1..=n).rev().find_map(|len| {
        let s: String = chars.get(at..at + len)?.iter().collect();
        let v = chinese_number(&s)?;
        let first = *chars.get(at)?;
        let bare = len == 1 && (first == '一' || "百千万亿".contains(first));
        let bare = bare || !CN_DIGITS.contains(first) && first != '十';
        Some((v as f64, len, bare))
    })
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '—' | '－' | '–' | '~' | '～' | '至' | '到')
}

/// Every quantitative commitment in a text, in order.
pub fn quantities(text: &str) -> Vec<Quantity> {
    let chars: Vec<char> = text.chars().collect();
    let quoted = quoted(&chars);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some(found) = quantity_at(&chars, &quoted, i) else {
            // Skip the rest of a number so that 2018 is not read again as 018.
            let skip = chars
                .get(i..)
                .map_or(1, |r| r.iter().take_while(|c| c.is_ascii_digit() || CN_NUMERAL.contains(**c)).count());
            i += skip.max(1);
            continue;
        };
        i = found.span[1];
        out.push(found);
    }
    out
}

fn quantity_at(chars: &[char], quoted: &[bool], at: usize) -> Option<Quantity> {
    let (value, n, bare) = number(chars, at)?;
    if quoted.get(at).copied().unwrap_or(false) {
        return None;
    }
    let prev = at.checked_sub(1).and_then(|p| chars.get(p)).copied();
    // An ordinal, a code (G20, ISO9001) or the tail of a longer number: not a commitment.
    if prev.is_some_and(|c| c == '第' || c.is_ascii_alphanumeric() || c == '.' || CN_NUMERAL.contains(c) && !bare) {
        return None;
    }
    let mut end = at + n;
    let mut value_max = None;
    // A range: 1-2, 10--15, 3—5, 2至3.
    let dashes = chars.get(end..).map_or(0, |r| r.iter().take_while(|&&c| is_dash(c)).count());
    if dashes > 0 && dashes <= 2 {
        if let Some((hi, m, _)) = number(chars, end + dashes) {
            if hi >= value {
                value_max = Some(hi);
                end += dashes + m;
            }
        }
    }
    // A fraction: 1/4.
    let mut value = value;
    let mut fraction = false;
    if value_max.is_none() && chars.get(end) == Some(&'/') {
        if let Some((den, m)) = arabic(chars, end + 1) {
            if den != 0.0 {
                value = round6(value / den);
                end += 1 + m;
                fraction = true;
            }
        }
    }
    // 余 / 多 between number and unit: 50余家, 100多件.
    let mut approx = None;
    if let Some(&c) = chars.get(end) {
        if c == '余' || c == '多' {
            approx = Some(c.to_string());
            end += 1;
        }
    }
    // A multiplier before the unit (2万人次, 1.5亿元, 1000万元).
    let mut multiplier = 1.0;
    let mut unit = String::new();
    if let Some(&c) = chars.get(end) {
        if c == '万' || c == '亿' {
            multiplier = if c == '万' { 1e4 } else { 1e8 };
            unit.push(c);
            end += 1;
        }
    }
    // A fraction is a share by itself (贯标率达1/4); any other number needs its unit.
    let word = match UNITS.iter().find(|u| starts_with_at(chars, end, u)) {
        Some(w) => *w,
        None if fraction && multiplier == 1.0 => "",
        None => return None,
    };
    unit.push_str(word);
    end += word.chars().count();
    // A phase (一期工程, 二期建设), not a count.
    if word == "期"
        && (starts_with_at(chars, end, "工程")
            || starts_with_at(chars, end, "建设")
            || starts_with_at(chars, end, "项目"))
    {
        return None;
    }
    let mut start = at;
    let mut qualifier = PREFIX_QUALIFIERS.iter().find(|q| ends_with_at(chars, at, q)).map(|q| {
        start = at - q.chars().count();
        q.to_string()
    });
    if let Some(s) = SUFFIX_QUALIFIERS.iter().find(|q| starts_with_at(chars, end, q)) {
        end += s.chars().count();
        qualifier = qualifier.or(Some(s.to_string()));
    }
    let qualifier = qualifier.or(approx);
    let clause_start = chars.get(..start).map_or(0, |b| b.iter().rposition(|&c| is_clause_end(c)).map_or(0, |p| p + 1));
    let clause_end = chars
        .get(end..)
        .map_or(chars.len(), |r| r.iter().position(|&c| is_clause_end(c)).map_or(chars.len(), |p| end + p));
    if bare {
        // A bare 一/百/千 counts only after a comparison word or a frequency cue in its clause.
        let window: String =
            chars.get(clause_start.max(start.saturating_sub(6))..start).map(|s| s.iter().collect()).unwrap_or_default();
        if qualifier.is_none() && !COUNT_CUES.iter().any(|c| window.contains(c)) {
            return None;
        }
    }
    let counted = counted(chars, clause_start, start, end, clause_end);
    let (norm_value, norm_value_max, norm_unit) = if fraction && unit.is_empty() {
        (round6(value * 100.0), None, "%".to_string())
    } else {
        normalise_unit(value, value_max, multiplier, &unit)
    };
    Some(Quantity {
        span: [start, end],
        value,
        value_max,
        unit,
        qualifier,
        counted,
        clause: [clause_start, clause_end],
        norm_value,
        norm_value_max,
        norm_unit,
    })
}

/// What is counted: up to 12 characters after the phrase in its clause, else up to 12 before it (the
/// comparison words 力争/达到 … dropped).
fn counted(chars: &[char], clause_start: usize, start: usize, end: usize, clause_end: usize) -> String {
    // The words after stop before the next number (培育6-8家年度PCT专利申请量超过100件: 年度PCT专利申请量).
    let after: String = chars
        .get(end..clause_end)
        .map(|s| s.iter().take(12).take_while(|c| !c.is_ascii_digit()).collect())
        .unwrap_or_default();
    let after = strip_qualifier(after.trim_start_matches(['的', '，']));
    if after.chars().count() >= 2 {
        return after;
    }
    let before: Vec<char> = chars.get(clause_start..start).map(|s| s.to_vec()).unwrap_or_default();
    let before: String = before.iter().skip(before.len().saturating_sub(12)).collect();
    strip_qualifier(&before)
}

/// A phrase without the comparison word it ends with (力争达到 → 力争, then nothing more).
fn strip_qualifier(s: &str) -> String {
    let mut s = s.to_string();
    for q in PREFIX_QUALIFIERS {
        if let Some(b) = s.strip_suffix(q) {
            s = b.to_string();
        }
    }
    s
}

/// Exact conversions only: money to 万元, 万/亿-multiplied counts to plain counts, ％ to %.
fn normalise_unit(value: f64, value_max: Option<f64>, multiplier: f64, unit: &str) -> (f64, Option<f64>, String) {
    let scale = |f: f64| (round6(value * f), value_max.map(|m| round6(m * f)));
    let (factor, norm) = match unit {
        "元" => (1e-4, "万元".to_string()),
        "千元" => (0.1, "万元".to_string()),
        "万元" => (1.0, "万元".to_string()),
        "亿元" => (1e4, "万元".to_string()),
        "％" => (1.0, "%".to_string()),
        u => match u.strip_prefix(['万', '亿']) {
            Some(rest) if multiplier != 1.0 => (multiplier, rest.to_string()),
            _ => (1.0, u.to_string()),
        },
    };
    let (v, m) = scale(factor);
    (v, m, norm)
}

fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// The measures a work item or theme selects (all without either).
fn selected(corpus: &Corpus, plans: &[String], options: &IndicatorsOptions) -> Result<HashSet<String>, QueryError> {
    let mut ids: HashSet<String> = HashSet::new();
    let theme = options.theme.as_deref();
    if let Some(t) = theme {
        corpus.theme_index(t)?;
    }
    let by_theme = |m: &Measure| theme.is_none_or(|t| m.themes.iter().any(|x| x == t));
    match options.work_item.as_deref() {
        None => {
            for p in plans {
                ids.extend(corpus.measures_of(p).filter(|(_, m)| by_theme(m)).map(|(_, m)| m.id.clone()));
            }
        }
        Some(w) => {
            // As `compare` selects, plus table rows whose reworded cell stands for the same template item.
            let rows = compare(corpus, plans, &CompareBy::WorkItem(w.to_string()))?;
            let asked: Vec<usize> = template_items_of(w);
            let key = normalize(w);
            for p in plans {
                for (_, m) in corpus.measures_of(p) {
                    let by_template = m.work_item.as_deref().is_some_and(|item| {
                        template_items_of(item).iter().any(|i| asked.contains(i)) || normalize(item) == key
                    });
                    let by_compare = rows.rows.iter().any(|r| r.measures.contains(&m.id));
                    if (by_template || by_compare) && by_theme(m) {
                        ids.insert(m.id.clone());
                    }
                }
            }
        }
    }
    Ok(ids)
}

pub fn indicators(corpus: &Corpus, options: &IndicatorsOptions) -> Result<IndicatorsResult, QueryError> {
    let plan_ids: Vec<String> = plan_indices(corpus, &options.plans)?
        .into_iter()
        .filter_map(|i| corpus.dataset.plans.get(i).map(|p| p.id.clone()))
        .collect();
    let chosen = selected(corpus, &plan_ids, options)?;
    let mut records = Vec::new();
    let mut rows = Vec::new();
    for id in &plan_ids {
        let Ok(plan) = corpus.plan(id) else { continue };
        let mut row = IndicatorPlan {
            plan: plan.id.clone(),
            region: plan.region.clone(),
            region_en: plan.region_en.clone(),
            measures: 0,
            measures_with_numbers: 0,
            count: 0,
            units: Vec::new(),
        };
        for (_, m) in corpus.measures_of(id).filter(|(_, m)| chosen.contains(&m.id)) {
            row.measures += 1;
            let before = records.len();
            for (field, text) in [(Field::Title, m.title.as_deref()), (Field::Text, m.text.as_deref())] {
                let Some(text) = text else { continue };
                let chars: Vec<char> = text.chars().collect();
                for q in quantities(text) {
                    let slice =
                        |[s, e]: [usize; 2]| chars.get(s..e).map(|c| c.iter().collect::<String>()).unwrap_or_default();
                    records.push(Indicator {
                        plan: m.plan.clone(),
                        measure: m.id.clone(),
                        work_item: m.work_item.clone(),
                        field,
                        span: q.span,
                        phrase: slice(q.span),
                        value: q.value,
                        value_max: q.value_max,
                        unit: q.unit.clone(),
                        qualifier: q.qualifier.clone(),
                        counted: q.counted.clone(),
                        clause: slice(q.clause),
                        norm_value: q.norm_value,
                        norm_value_max: q.norm_value_max,
                        norm_unit: q.norm_unit.clone(),
                        lines: m.lines,
                    });
                }
            }
            if records.len() > before {
                row.measures_with_numbers += 1;
            }
            for (k, r) in records.iter().enumerate().skip(before) {
                row.count += 1;
                // A commitment printed again word for word in another measure of the plan (a table
                // repeats a row under two work items) is summed once.
                let again = records
                    .get(..k)
                    .unwrap_or(&[])
                    .iter()
                    .any(|x| x.plan == r.plan && x.clause == r.clause && x.phrase == r.phrase);
                if again {
                    continue;
                }
                let top = r.norm_value_max.unwrap_or(r.norm_value).max(r.norm_value);
                match row.units.iter_mut().find(|u| u.unit == r.norm_unit) {
                    Some(u) => {
                        u.count += 1;
                        u.total = round4(u.total + r.norm_value);
                        u.max = u.max.max(top);
                    }
                    None => row.units.push(UnitTotal {
                        unit: r.norm_unit.clone(),
                        count: 1,
                        total: round4(r.norm_value),
                        max: top,
                    }),
                }
            }
        }
        crate::sort::sort_by(&mut row.units, |a, b| b.count.cmp(&a.count).then_with(|| a.unit.cmp(&b.unit)));
        rows.push(row);
    }
    let mut units: Vec<UnitCount> = Vec::new();
    for row in &rows {
        for u in &row.units {
            match units.iter_mut().find(|x| x.unit == u.unit) {
                Some(x) => {
                    x.count += u.count;
                    x.plans += 1;
                }
                None => units.push(UnitCount { unit: u.unit.clone(), count: u.count, plans: 1 }),
            }
        }
    }
    crate::sort::sort_by(&mut units, |a, b| {
        b.plans.cmp(&a.plans).then(b.count.cmp(&a.count)).then_with(|| a.unit.cmp(&b.unit))
    });
    // With a theme, the targets whose wording the taxonomy tags with it (a target carries no tags).
    let theme_index = options.theme.as_deref().map(|t| corpus.theme_index(t)).transpose()?;
    let on_theme = |t: &Target| {
        theme_index.is_none_or(|i| corpus.taxonomy.hits_zh(&t.text).iter().any(|h| h.theme == i && h.tags))
    };
    let targets =
        corpus.dataset.targets.iter().filter(|t| plan_ids.contains(&t.plan) && on_theme(t)).cloned().collect();
    Ok(IndicatorsResult {
        work_item: options.work_item.clone(),
        theme: options.theme.clone(),
        indicators: records,
        plans: rows,
        units,
        targets,
    })
}
