//! `shared_passages`: the evidence behind a [`similarity`](super::similarity()) cell — the longest passages
//! two plans share, with both measures and seed lines — and, for one plan, its own-text share and its
//! nearest plans.
//!
//! Passages are maximal common runs of at least [`MIN_PASSAGE_CHARS`] normalised characters of
//! non-template text (the characters the matrix counts), each shown as printed in both plans. Shared runs
//! made mostly of template wording are listed apart (`templatePassages`), and so are the template work
//! items (工作内容) both plans follow, so that the template itself never reads as copying.

use super::similarity::{compute, grams, plan_indices, Field, PlanText, SimilarityBy, BREAK, MIN_PASSAGE_CHARS};
use super::template_coverage::template_items_of;
use super::{check_limit, Corpus, QueryError};
use crate::parse::template::WORK_ITEMS;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Default number of passages returned.
pub const DEFAULT_PASSAGES: usize = 50;
/// How many places of plan B one piece of text is followed to (repeated boilerplate stops here).
const MAX_OCCURRENCES: usize = 64;
/// Characters compared in one search for common runs (ordinary plans need well under a million).
const MAX_COMPARISONS: usize = 20_000_000;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
pub struct PassagesOptions {
    /// Longest first; default 50, at most 1,000.
    pub limit: Option<usize>,
    /// Only the measures of a theme or focus area, as in `similarity`.
    pub by: Option<SimilarityBy>,
}

/// One side of a shared passage: where it is printed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct PassageSide {
    pub plan: String,
    pub measure: String,
    pub work_item: Option<String>,
    /// `title` or `text` of the measure.
    pub field: Field,
    /// [start, end) in chars of that field (Unicode scalar values, like search highlights).
    pub span: [usize; 2],
    /// The passage as printed there.
    pub text: String,
    /// The measure's seed lines [first, last].
    pub lines: [u32; 2],
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct SharedPassage {
    /// Normalised characters in common (letters, digits, CJK).
    pub chars: usize,
    /// Of which template wording (0 for copy passages).
    pub template_chars: usize,
    pub a: PassageSide,
    pub b: PassageSide,
}

/// A template work item both plans follow (reported apart from measure text).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct SharedWorkItem {
    pub focus_no: u8,
    pub work_item: String,
    pub a_measures: Vec<String>,
    pub b_measures: Vec<String>,
}

/// Another plan and how much text it shares with the asked one.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct NearPlan {
    pub plan: String,
    pub region: String,
    pub region_en: String,
    /// Share of the asked plan's text found in this plan.
    pub share: f64,
    /// Share of this plan's text found in the asked plan.
    pub reverse: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct SharedPassagesResult {
    pub plan_a: String,
    pub plan_b: Option<String>,
    pub by: Option<SimilarityBy>,
    pub min_chars: usize,
    /// Plan A's non-template characters, and the share of them found in no other plan.
    pub chars: usize,
    pub own_share: Option<f64>,
    /// Template wording in plan A, as a share of all its compared characters.
    pub template_share: Option<f64>,
    /// Every other plan sharing text with A, most first.
    pub nearest: Vec<NearPlan>,
    /// Share of A's text found in B and of B's in A (with a plan B).
    pub a_in_b: Option<f64>,
    pub b_in_a: Option<f64>,
    /// Passages of copied text before the limit.
    pub total: usize,
    pub passages: Vec<SharedPassage>,
    /// Shared runs that are mostly template wording.
    pub template_passages: Vec<SharedPassage>,
    pub shared_work_items: Vec<SharedWorkItem>,
}

impl SharedPassagesResult {
    /// Spans as UTF-16 code units (for JavaScript's `text.slice(start, end)`), as the binding hands them.
    pub fn into_utf16(mut self, corpus: &Corpus) -> SharedPassagesResult {
        for p in self.passages.iter_mut().chain(self.template_passages.iter_mut()) {
            for side in [&mut p.a, &mut p.b] {
                side.span = utf16_span(corpus, &side.measure, side.field, side.span);
            }
        }
        self
    }
}

/// A char span of a measure's title or text as a UTF-16 span.
pub(crate) fn utf16_span(corpus: &Corpus, measure: &str, field: Field, span: [usize; 2]) -> [usize; 2] {
    let Some(m) = corpus.measure(measure) else { return span };
    let text = match field {
        Field::Title => m.title.as_deref(),
        Field::Text => m.text.as_deref(),
    };
    super::search::utf16_spans(text.unwrap_or(""), &[span]).first().copied().unwrap_or(span)
}

/// Shared passages of `plan_a` and `plan_b`, or (without `plan_b`) plan A's own-text share and
/// nearest plans. Unknown plan → `UNKNOWN_PLAN`; plan A = plan B → `INVALID_ARGUMENT`.
pub fn shared_passages(
    corpus: &Corpus,
    plan_a: &str,
    plan_b: Option<&str>,
    options: &PassagesOptions,
) -> Result<SharedPassagesResult, QueryError> {
    let limit = match options.limit {
        None => DEFAULT_PASSAGES,
        Some(n) => check_limit(Some(n))?,
    };
    corpus.plan(plan_a)?;
    if let Some(b) = plan_b {
        corpus.plan(b)?;
        if b == plan_a {
            return Err(QueryError::invalid("planB", "compare a plan with another one"));
        }
    }
    // Every plan, so that own text and nearest plans are measured against the whole corpus.
    let all = plan_indices(corpus, &[])?;
    let cov = compute(corpus, &all, options.by.as_ref())?;
    let index_of =
        |id: &str| cov.texts.iter().position(|t| corpus.dataset.plans.get(t.plan).is_some_and(|p| p.id == id));
    let a = index_of(plan_a).ok_or_else(|| QueryError::UnknownPlan(plan_a.to_string()))?;
    let text_a = cov.texts.get(a).cloned().unwrap_or_default();
    let mut nearest: Vec<NearPlan> = (0..cov.texts.len())
        .filter(|&b| b != a)
        .filter_map(|b| {
            let share = cov.share(a, b)?;
            let p = corpus.dataset.plans.get(cov.texts.get(b)?.plan)?;
            (share > 0.0).then(|| NearPlan {
                plan: p.id.clone(),
                region: p.region.clone(),
                region_en: p.region_en.clone(),
                share,
                reverse: cov.share(b, a),
            })
        })
        .collect();
    crate::sort::sort_by(&mut nearest, |x, y| y.share.total_cmp(&x.share).then_with(|| x.plan.cmp(&y.plan)));
    let all_chars = text_a.content_chars() + text_a.template_chars();
    let mut result = SharedPassagesResult {
        plan_a: plan_a.to_string(),
        plan_b: plan_b.map(str::to_string),
        by: options.by.clone(),
        min_chars: MIN_PASSAGE_CHARS,
        chars: text_a.content_chars(),
        own_share: cov.own_share(a),
        template_share: (all_chars > 0)
            .then(|| super::similarity::round4(text_a.template_chars() as f64 / all_chars as f64)),
        nearest,
        a_in_b: None,
        b_in_a: None,
        total: 0,
        passages: Vec::new(),
        template_passages: Vec::new(),
        shared_work_items: Vec::new(),
    };
    let Some(plan_b) = plan_b else { return Ok(result) };
    let b = index_of(plan_b).ok_or_else(|| QueryError::UnknownPlan(plan_b.to_string()))?;
    let text_b = cov.texts.get(b).cloned().unwrap_or_default();
    result.a_in_b = cov.share(a, b);
    result.b_in_a = cov.share(b, a);

    let copies = select(maximal_matches(&text_a.content(), &text_b.content()));
    result.total = copies.len();
    result.passages = copies.into_iter().take(limit).filter_map(|m| passage(corpus, &text_a, &text_b, m)).collect();

    // Over the full text: runs that are mostly template wording.
    let template = select(maximal_matches(&text_a.chars, &text_b.chars))
        .into_iter()
        .filter(|m| {
            let t = text_a.template.get(m.a..m.a + m.len).map_or(0, |s| s.iter().filter(|&&x| x).count());
            2 * t >= m.len
        })
        .take(limit);
    result.template_passages = template.filter_map(|m| passage(corpus, &text_a, &text_b, m)).collect();
    result.shared_work_items = shared_work_items(corpus, plan_a, plan_b, options.by.as_ref())?;
    Ok(result)
}

/// A common run: position in A's stream, in B's, and length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Match {
    pub a: usize,
    pub b: usize,
    pub len: usize,
}

/// Every maximal common run of at least [`MIN_PASSAGE_CHARS`] characters ([`BREAK`] matches nothing).
pub(crate) fn maximal_matches(a: &[u32], b: &[u32]) -> Vec<Match> {
    let k = MIN_PASSAGE_CHARS;
    let mut at: HashMap<u64, Vec<usize>> = HashMap::new();
    for (q, h) in grams(b, k) {
        let places = at.entry(h).or_default();
        if places.len() < MAX_OCCURRENCES {
            places.push(q);
        }
    }
    let same = |i: usize, j: usize| matches!((a.get(i), b.get(j)), (Some(&x), Some(&y)) if x == y && x != BREAK);
    let mut out = Vec::new();
    // Characters compared while extending runs: a bound on the work a hostile pair of texts (one
    // character repeated a million times) can cause; past it the runs found so far are returned.
    let mut budget: usize = MAX_COMPARISONS;
    for (p, h) in grams(a, k) {
        let Some(places) = at.get(&h) else { continue };
        for &q in places {
            // Starts inside a longer run found from an earlier position: skip.
            if p > 0 && q > 0 && same(p - 1, q - 1) {
                continue;
            }
            let mut len = 0;
            while same(p + len, q + len) {
                len += 1;
            }
            budget = budget.saturating_sub(len.max(1));
            if budget == 0 {
                return out;
            }
            if len >= k {
                out.push(Match { a: p, b: q, len });
            }
        }
    }
    out
}

/// Longest first, each character of A cited once (by its longest run).
pub(crate) fn select(mut matches: Vec<Match>) -> Vec<Match> {
    crate::sort::sort_by(&mut matches, |x, y| y.len.cmp(&x.len).then(x.a.cmp(&y.a)).then(x.b.cmp(&y.b)));
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::new();
    for m in matches {
        let (s, e) = (m.a, m.a + m.len);
        if taken.iter().any(|&(ts, te)| s < te && ts < e) {
            continue;
        }
        taken.push((s, e));
        out.push(m);
    }
    out
}

fn passage(corpus: &Corpus, a: &PlanText, b: &PlanText, m: Match) -> Option<SharedPassage> {
    let template_chars = a.template.get(m.a..m.a + m.len)?.iter().filter(|&&t| t).count();
    Some(SharedPassage {
        chars: m.len,
        template_chars,
        a: side(corpus, a, m.a, m.len)?,
        b: side(corpus, b, m.b, m.len)?,
    })
}

/// Where `len` stream characters from `at` are printed: one field of one measure (runs never cross a
/// [`BREAK`]), from the first character to the last, punctuation between them included.
fn side(corpus: &Corpus, t: &PlanText, at: usize, len: usize) -> Option<PassageSide> {
    let first = *t.origin.get(at)?;
    let last = *t.origin.get(at + len.checked_sub(1)?)?;
    let m = corpus.dataset.measures.get(first.measure)?;
    let field_text = match first.field {
        Field::Title => m.title.as_deref()?,
        Field::Text => m.text.as_deref()?,
    };
    let text: String =
        field_text.chars().skip(first.offset).take((last.offset + 1).saturating_sub(first.offset)).collect();
    let source = corpus.dataset.plans.iter().find(|p| p.id == m.plan).map(|p| p.source.clone()).unwrap_or_default();
    debug_assert!(t.chars.get(at..at + len).is_some_and(|s| !s.contains(&BREAK)));
    Some(PassageSide {
        plan: m.plan.clone(),
        measure: m.id.clone(),
        work_item: m.work_item.clone(),
        field: first.field,
        span: [first.offset, last.offset + 1],
        text,
        lines: m.lines,
        source,
    })
}

/// Template work items that rows of both plans follow, with the rows.
fn shared_work_items(
    corpus: &Corpus,
    a: &str,
    b: &str,
    by: Option<&SimilarityBy>,
) -> Result<Vec<SharedWorkItem>, QueryError> {
    let keep = super::similarity::measure_filter(corpus, by)?;
    let rows = |plan: &str| -> Vec<(usize, String)> {
        corpus
            .measures_of(plan)
            .filter(|(_, m)| keep(m))
            .flat_map(|(_, m)| {
                let items = m.work_item.as_deref().map(template_items_of).unwrap_or_default();
                items.into_iter().map(move |i| (i, m.id.clone()))
            })
            .collect()
    };
    let (ra, rb) = (rows(a), rows(b));
    let mut out = Vec::new();
    for (i, (focus, text)) in WORK_ITEMS.iter().enumerate() {
        let am: Vec<String> = ra.iter().filter(|(x, _)| *x == i).map(|(_, id)| id.clone()).collect();
        let bm: Vec<String> = rb.iter().filter(|(x, _)| *x == i).map(|(_, id)| id.clone()).collect();
        if !am.is_empty() && !bm.is_empty() {
            out.push(SharedWorkItem { focus_no: *focus, work_item: text.to_string(), a_measures: am, b_measures: bm });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::similarity::fold;

    fn s(text: &str) -> Vec<u32> {
        text.chars().filter_map(fold).collect()
    }

    #[test]
    fn maximal_runs_are_found_once_and_longest_first() {
        let a = s("甲乙丙。建立健全知识产权纠纷多元化解决机制，推动调解组织建设。丁戊");
        let b = s("己庚辛建立健全知识产权纠纷多元化解决机制推动调解组织建设壬");
        let m = select(maximal_matches(&a, &b));
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].len, "建立健全知识产权纠纷多元化解决机制推动调解组织建设".chars().count());
        assert_eq!((m[0].a, m[0].b), (3, 3));
    }

    #[test]
    fn short_runs_and_breaks_do_not_count() {
        let a = s("建立健全知识产权纠纷多元化");
        let b = s("建立健全知识产权纠纷多元化");
        assert!(maximal_matches(&a, &b).is_empty(), "13 characters are below the minimum");
        let mut a = s("建立健全知识产权纠纷多元化解决机制");
        let b = a.clone();
        a[8] = BREAK;
        assert!(maximal_matches(&a, &b).is_empty());
    }
}
