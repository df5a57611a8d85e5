//! `plan_similarity` (JS `similarity`): how much of each plan's measure text is also found in another
//! plan, as passages of at least [`MIN_PASSAGE_CHARS`] normalised characters, template wording set apart.
//!
//! Each plan's measures (title and text, never the 工作内容 cell) become one stream of normalised
//! characters (letters, digits and CJK only, full-width folded, lower-cased; punctuation and spaces
//! dropped, so ，/、 variants still match). Characters covered by a [`TEMPLATE_GRAM_CHARS`]-character
//! piece of a template work item or focus area are **template wording**: they break passages and count
//! neither as copied nor as own text. A character of plan A counts as found in plan B when a piece of
//! [`MIN_PASSAGE_CHARS`] characters around it occurs in B: exactly the characters covered by common
//! passages of that length or longer. `cells[a][b]` = such characters of A / A's non-template characters
//! (asymmetric: a short plan copied whole into a long one scores 1 one way and little the other).
//! Rows are ordered by average-linkage clustering (kodama) on 1 − the mean of the two directions.

use super::{Corpus, QueryError};
use crate::model::Measure;
use crate::parse::template::{FOCUS_AREAS, WORK_ITEMS};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Shortest passage, in normalised characters, that counts as shared text.
pub const MIN_PASSAGE_CHARS: usize = 15;
/// Length of the template pieces that mark template wording inside a measure.
pub const TEMPLATE_GRAM_CHARS: usize = 8;
/// How many most-similar pairs [`SimilarityResult::pairs`] lists.
pub const TOP_PAIRS: usize = 40;

/// Separates measures and fields in a stream and replaces template wording: equal to no character.
pub(crate) const BREAK: u32 = u32::MAX;

/// Restrict the compared text to the measures of one theme or one focus area (1–6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub enum SimilarityBy {
    Theme(String),
    Focus(u8),
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
pub struct SimilarityOptions {
    /// Plan ids; empty: every plan, in dataset order.
    pub plans: Vec<String>,
    /// Compare only the measures of a theme (`{ theme }`) or focus area (`{ focus }`) in both plans.
    pub by: Option<SimilarityBy>,
}

/// A plan of the matrix with the size of its compared text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct SimilarityPlan {
    pub id: String,
    pub region: String,
    pub region_en: String,
    /// Measures compared (all, or those of the theme / focus area).
    pub measures: usize,
    /// Normalised characters of measure text that are not template wording (the denominator).
    pub chars: usize,
    /// Normalised characters of template wording, reported apart.
    pub template_chars: usize,
    /// Share of `chars` found in none of the other compared plans; null without text.
    pub own_share: Option<f64>,
}

/// One merge of the clustering: clusters `a` and `b` (below `plans.len()`: a plan's position in
/// `plans`; from `plans.len()` on: the cluster made by merge `a - plans.len()`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Merge {
    pub a: usize,
    pub b: usize,
    /// 1 − mean shared share, averaged over the members (average linkage).
    pub distance: f64,
    pub size: usize,
}

/// Two plans and how much each takes from the other.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct SimilarPair {
    pub a: String,
    pub b: String,
    /// Share of A's text found in B.
    pub a_in_b: f64,
    /// Share of B's text found in A.
    pub b_in_a: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct SimilarityResult {
    pub by: Option<SimilarityBy>,
    pub min_chars: usize,
    /// Rows and columns, in the clustering's order.
    pub plans: Vec<SimilarityPlan>,
    /// `cells[i][j]`: share of `plans[i]`'s text found in `plans[j]` (0..=1; null when plan i has no
    /// text). The diagonal is the share of a plan's text in passages of at least `minChars`.
    pub cells: Vec<Vec<Option<f64>>>,
    /// The clustering, `plans.len() - 1` merges from the closest up.
    pub merges: Vec<Merge>,
    /// The most similar pairs of different plans, by the larger of their two shares.
    pub pairs: Vec<SimilarPair>,
}

/// Where a stream character came from: a measure (dataset index), its field and char offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Origin {
    pub measure: usize,
    pub field: Field,
    pub offset: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Title,
    Text,
}

/// One plan's compared text as a stream of normalised characters.
#[derive(Debug, Clone, Default)]
pub(crate) struct PlanText {
    /// Index of the plan in the dataset.
    pub plan: usize,
    pub measures: usize,
    /// Normalised characters, [`BREAK`] between fields.
    pub chars: Vec<u32>,
    /// Template wording marks, one per character.
    pub template: Vec<bool>,
    /// One per character ([`BREAK`]s repeat their neighbour's origin).
    pub origin: Vec<Origin>,
}

impl PlanText {
    /// The characters with template wording replaced by [`BREAK`].
    pub fn content(&self) -> Vec<u32> {
        self.chars.iter().zip(&self.template).map(|(&c, &t)| if t { BREAK } else { c }).collect()
    }

    pub fn content_chars(&self) -> usize {
        self.chars.iter().zip(&self.template).filter(|(&c, &t)| c != BREAK && !t).count()
    }

    pub fn template_chars(&self) -> usize {
        self.template.iter().filter(|&&t| t).count()
    }
}

/// A character as compared: full-width ASCII folded, ASCII lower-cased; None for punctuation and
/// spaces (PDF line breaks and ，/、 variants carry no meaning).
pub(crate) fn fold(c: char) -> Option<u32> {
    let c = match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        _ => c,
    };
    c.is_alphanumeric().then(|| c.to_ascii_lowercase() as u32)
}

fn push_field(t: &mut PlanText, measure: usize, field: Field, text: &str) {
    let before = t.chars.len();
    for (offset, c) in text.chars().enumerate() {
        if let Some(f) = fold(c) {
            t.chars.push(f);
            t.origin.push(Origin { measure, field, offset });
        }
    }
    if t.chars.len() > before {
        let last = t.origin.last().copied().unwrap_or(Origin { measure, field, offset: 0 });
        t.chars.push(BREAK);
        t.origin.push(last);
    }
}

/// A plan's stream over the measures `keep` accepts.
pub(crate) fn plan_text<'c>(corpus: &'c Corpus, plan: usize, keep: &dyn Fn(&Measure) -> bool) -> PlanText {
    let mut t = PlanText { plan, ..Default::default() };
    let Some(id) = corpus.dataset.plans.get(plan).map(|p| p.id.as_str()) else { return t };
    // A reader's plan printed in Traditional script is compared folded, as it is searched
    // (src/script.rs): one character for one, so offsets still point into the printed text.
    let folded = corpus.reads_folded(id);
    let read = |s: &'c str| if folded { corpus.traditional.fold(s) } else { std::borrow::Cow::Borrowed(s) };
    for (i, m) in corpus.measures_of(id) {
        if !keep(m) {
            continue;
        }
        t.measures += 1;
        if let Some(title) = &m.title {
            push_field(&mut t, i, Field::Title, &read(title));
        }
        if let Some(text) = &m.text {
            push_field(&mut t, i, Field::Text, &read(text));
        }
    }
    t.template = template_marks(&t.chars);
    t
}

/// Hash of `k` characters (FNV-1a over the code points, then a final mix); None when the window
/// holds a [`BREAK`] or runs past the end.
pub(crate) fn gram_hash(chars: &[u32], at: usize, k: usize) -> Option<u64> {
    let window = chars.get(at..at.checked_add(k)?)?;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in window {
        if c == BREAK {
            return None;
        }
        h = (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3);
    }
    h ^= h >> 33;
    Some(h.wrapping_mul(0xff51_afd7_ed55_8ccd))
}

/// Every `k`-gram of a stream that holds no [`BREAK`]: (position, hash), in position order.
pub(crate) fn grams(chars: &[u32], k: usize) -> Vec<(usize, u64)> {
    (0..chars.len().saturating_sub(k.saturating_sub(1)))
        .filter_map(|p| gram_hash(chars, p, k).map(|h| (p, h)))
        .collect()
}

fn template_grams() -> &'static HashSet<u64> {
    static GRAMS: OnceLock<HashSet<u64>> = OnceLock::new();
    GRAMS.get_or_init(|| {
        let texts = WORK_ITEMS.iter().map(|(_, t)| *t).chain(FOCUS_AREAS.iter().map(|(_, t)| *t));
        texts
            .flat_map(|t| {
                let chars: Vec<u32> = t.chars().filter_map(fold).collect();
                grams(&chars, TEMPLATE_GRAM_CHARS).into_iter().map(|(_, h)| h).collect::<Vec<_>>()
            })
            .collect()
    })
}

/// Characters covered by a piece of template wording.
fn template_marks(chars: &[u32]) -> Vec<bool> {
    let set = template_grams();
    let mut marks = vec![false; chars.len()];
    for (p, h) in grams(chars, TEMPLATE_GRAM_CHARS) {
        if set.contains(&h) {
            if let Some(span) = marks.get_mut(p..p + TEMPLATE_GRAM_CHARS) {
                span.fill(true);
            }
        }
    }
    marks
}

/// Whether a measure takes part in a comparison.
pub(crate) type MeasureFilter = Box<dyn Fn(&Measure) -> bool>;

/// The measures a [`SimilarityBy`] keeps (all without one); checks the theme id and focus number.
pub(crate) fn measure_filter(corpus: &Corpus, by: Option<&SimilarityBy>) -> Result<MeasureFilter, QueryError> {
    Ok(match by {
        None => Box::new(|_| true),
        Some(SimilarityBy::Theme(t)) => {
            corpus.theme_index(t)?;
            let t = t.clone();
            Box::new(move |m| m.themes.contains(&t))
        }
        Some(SimilarityBy::Focus(f)) => {
            if !(1..=6).contains(f) {
                return Err(QueryError::invalid("by.focus", format!("{f} is not a focus area (1-6)")));
            }
            let f = *f;
            Box::new(move |m| m.focus_no == Some(f))
        }
    })
}

/// Dataset indices of the asked plans (all when empty), each once, in the order asked.
pub(crate) fn plan_indices(corpus: &Corpus, ids: &[String]) -> Result<Vec<usize>, QueryError> {
    if ids.is_empty() {
        return Ok((0..corpus.dataset.plans.len()).collect());
    }
    let mut out: Vec<usize> = Vec::new();
    for id in ids {
        let i =
            corpus.dataset.plans.iter().position(|p| &p.id == id).ok_or_else(|| QueryError::UnknownPlan(id.clone()))?;
        if !out.contains(&i) {
            out.push(i);
        }
    }
    Ok(out)
}

/// Characters of every text covered by passages also found in each other text.
pub(crate) struct Coverage {
    pub texts: Vec<PlanText>,
    /// Non-template characters of each text (the denominators), counted once.
    pub chars: Vec<usize>,
    /// `covered[a][b]`: characters of text a found in text b (the diagonal: in passages at all).
    pub covered: Vec<Vec<usize>>,
    /// Characters of text a found in at least one other text.
    pub covered_any: Vec<usize>,
}

impl Coverage {
    pub fn share(&self, a: usize, b: usize) -> Option<f64> {
        let chars = *self.chars.get(a)?;
        let covered = *self.covered.get(a)?.get(b)?;
        (chars > 0).then(|| round4(covered as f64 / chars as f64))
    }

    pub fn own_share(&self, a: usize) -> Option<f64> {
        let chars = *self.chars.get(a)?;
        let any = *self.covered_any.get(a)?;
        (chars > 0).then(|| round4(chars.saturating_sub(any) as f64 / chars as f64))
    }
}

pub(crate) fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// All-pairs coverage: one sorted table of every passage-length gram with the texts that hold it,
/// then one pass over each text's grams in order, extending a covered run per other text.
pub(crate) fn coverage(texts: Vec<PlanText>) -> Coverage {
    let k = MIN_PASSAGE_CHARS;
    let per_text: Vec<Vec<(usize, u64)>> = texts.iter().map(|t| grams(&t.content(), k)).collect();
    let mut table: Vec<(u64, u32)> =
        per_text.iter().enumerate().flat_map(|(i, g)| g.iter().map(move |&(_, h)| (h, i as u32))).collect();
    crate::sort::sort(&mut table);
    table.dedup();
    let n = texts.len();
    let mut covered = vec![vec![0usize; n]; n];
    let mut covered_any = vec![0usize; n];
    for (a, g) in per_text.iter().enumerate() {
        let mut run_end = vec![0usize; n];
        let mut any_end = 0usize;
        let row = &mut covered[a];
        for &(p, h) in g {
            let start = table.partition_point(|&(x, _)| x < h);
            let end = p + k;
            for &(_, b) in table.get(start..).unwrap_or(&[]).iter().take_while(|(x, _)| *x == h) {
                let b = b as usize;
                if let (Some(run), Some(count)) = (run_end.get_mut(b), row.get_mut(b)) {
                    *count += end - p.max(*run).min(end);
                    *run = end;
                }
                if b != a {
                    covered_any[a] += end - p.max(any_end).min(end);
                    any_end = end;
                }
            }
        }
    }
    let chars = texts.iter().map(PlanText::content_chars).collect();
    Coverage { texts, chars, covered, covered_any }
}

/// The streams and all-pairs coverage of the asked plans, in the order asked.
pub(crate) fn compute(corpus: &Corpus, plans: &[usize], by: Option<&SimilarityBy>) -> Result<Coverage, QueryError> {
    let keep = measure_filter(corpus, by)?;
    Ok(coverage(plans.iter().map(|&p| plan_text(corpus, p, &*keep)).collect()))
}

pub fn plan_similarity(corpus: &Corpus, options: &SimilarityOptions) -> Result<SimilarityResult, QueryError> {
    let plans = plan_indices(corpus, &options.plans)?;
    let cov = compute(corpus, &plans, options.by.as_ref())?;
    let n = plans.len();
    let share = |a: usize, b: usize| cov.share(a, b);
    // Distance: 1 − the mean of both directions (a plan without text is far from every other).
    let distance = |a: usize, b: usize| match (share(a, b), share(b, a)) {
        (Some(x), Some(y)) => 1.0 - (x + y) / 2.0,
        _ => 1.0,
    };
    let (order, merges) = cluster(n, &distance);
    let position: Vec<usize> = {
        let mut pos = vec![0; n];
        for (at, &i) in order.iter().enumerate() {
            if let Some(p) = pos.get_mut(i) {
                *p = at;
            }
        }
        pos
    };
    let relabel = |c: usize| if c < n { position.get(c).copied().unwrap_or(c) } else { c };
    let merges = merges.into_iter().map(|m| Merge { a: relabel(m.a), b: relabel(m.b), ..m }).collect();
    let rows = order
        .iter()
        .filter_map(|&i| {
            let t = cov.texts.get(i)?;
            let p = corpus.dataset.plans.get(t.plan)?;
            Some(SimilarityPlan {
                id: p.id.clone(),
                region: p.region.clone(),
                region_en: p.region_en.clone(),
                measures: t.measures,
                chars: t.content_chars(),
                template_chars: t.template_chars(),
                own_share: cov.own_share(i),
            })
        })
        .collect();
    let cells = order.iter().map(|&a| order.iter().map(|&b| share(a, b)).collect()).collect();
    let mut pairs: Vec<SimilarPair> = Vec::new();
    for a in 0..n {
        for b in a + 1..n {
            let (Some(x), Some(y)) = (share(a, b), share(b, a)) else { continue };
            let (Some(pa), Some(pb)) = (cov.texts.get(a), cov.texts.get(b)) else { continue };
            let (Some(ia), Some(ib)) = (corpus.dataset.plans.get(pa.plan), corpus.dataset.plans.get(pb.plan)) else {
                continue;
            };
            if x > 0.0 || y > 0.0 {
                pairs.push(SimilarPair { a: ia.id.clone(), b: ib.id.clone(), a_in_b: x, b_in_a: y });
            }
        }
    }
    crate::sort::sort_by(&mut pairs, |p, q| {
        q.a_in_b.max(q.b_in_a).total_cmp(&p.a_in_b.max(p.b_in_a)).then_with(|| p.a.cmp(&q.a))
    });
    pairs.truncate(TOP_PAIRS);
    Ok(SimilarityResult { by: options.by.clone(), min_chars: MIN_PASSAGE_CHARS, plans: rows, cells, merges, pairs })
}

/// Leaf order and merges of an average-linkage clustering of `n` items (kodama).
fn cluster(n: usize, distance: &dyn Fn(usize, usize) -> f64) -> (Vec<usize>, Vec<Merge>) {
    if n < 2 {
        return ((0..n).collect(), Vec::new());
    }
    let mut condensed = Vec::with_capacity(n * (n - 1) / 2);
    for a in 0..n {
        for b in a + 1..n {
            let d = distance(a, b);
            condensed.push(if d.is_finite() { d.clamp(0.0, 1.0) } else { 1.0 });
        }
    }
    let dendrogram = kodama::linkage(&mut condensed, n, kodama::Method::Average);
    let merges: Vec<Merge> = dendrogram
        .steps()
        .iter()
        .map(|s| Merge { a: s.cluster1, b: s.cluster2, distance: round4(s.dissimilarity), size: s.size })
        .collect();
    // Leaves in the order a drawing of the tree lists them: walk from the last merge down.
    let mut order = Vec::with_capacity(n);
    let mut stack = vec![n + merges.len() - 1];
    while let Some(c) = stack.pop() {
        if c < n {
            order.push(c);
        } else if let Some(m) = merges.get(c - n) {
            stack.push(m.b);
            stack.push(m.a);
        }
    }
    if order.len() != n {
        // Not a tree over every leaf (cannot happen with kodama's output): keep the input order.
        order = (0..n).collect();
    }
    (order, merges)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stream(s: &str) -> Vec<u32> {
        s.chars().filter_map(fold).collect()
    }

    #[test]
    fn folding_drops_punctuation_and_width() {
        assert_eq!(stream("ＰＣＴ专利，申请。"), stream("pct专利申请"));
    }

    #[test]
    fn template_wording_is_marked() {
        let chars = stream("开展知识产权质押融资风险补偿基金和重点产业知识产权运营基金试点，新增质押融资额10亿元");
        let marks = template_marks(&chars);
        assert!(marks.iter().take(30).all(|&m| m));
        assert!(marks.iter().rev().take(8).all(|&m| !m));
    }

    #[test]
    fn gram_hash_skips_breaks() {
        let mut chars = stream("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未");
        assert!(gram_hash(&chars, 0, 15).is_some());
        chars[3] = BREAK;
        assert!(gram_hash(&chars, 0, 15).is_none());
        assert_eq!(gram_hash(&chars, 10, 15), None);
    }
}
