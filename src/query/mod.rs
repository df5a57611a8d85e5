//! The query core: filter, search, theme matching, diff and compare, as pure functions over a [`Corpus`].
//!
//! Every function takes `&Corpus` and options that deserialize from JS objects
//! (`#[serde(default, deny_unknown_fields)]`, camelCase), returns a `Serialize` result or a
//! [`QueryError`] with a stable [`QueryError::code`], and never panics on any input.
//!
//! | JS (DESIGN.md)          | Rust                                              |
//! |-------------------------|---------------------------------------------------|
//! | `filter(options)`       | [`filter()`] with [`FilterOptions`]               |
//! | `search(query, options)`| [`search()`] with [`SearchOptions`]               |
//! | `matchThemes(text)`     | [`match_themes()`]                                |
//! | `themeMatrix(options)`  | [`theme_matrix()`] with [`ThemeMatrixOptions`]    |
//! | `diff(a, b, options)`   | [`diff()`] with [`DiffOptions`]                   |
//! | `compare(ids, by)`      | [`compare()`] with [`CompareBy`] (`{workItem}` / `{theme}`) |
//! | `similarity(options)`   | [`plan_similarity()`] with [`SimilarityOptions`]  |
//! | `sharedPassages(a, b?, options)` | [`shared_passages()`] with [`PassagesOptions`] |
//! | `templateCoverage(options)` | [`template_coverage()`] with [`TemplateCoverageOptions`] |
//! | `indicators(options)`   | [`indicators()`] with [`IndicatorsOptions`]       |
//! | `addPlan(text, meta)`   | parse, then `Corpus::add_plan`                  |
//!
//! The wasm package ships a [`Corpus`] built natively ([`Corpus::bundled`], or
//! `plan-compare corpus` as JSON) and needs no jieba at run time.
//!
//! Text positions (highlight spans) are **Unicode scalar value offsets** (Rust `char`s, what JS
//! sees as code points via `Array.from(text)`), half-open `[start, end)`; not UTF-16 units. The wasm
//! binding hands JS UTF-16 units instead, through [`HitsPage::into_utf16`](search::HitsPage::into_utf16).

pub mod compare;
pub mod diff;
pub mod filter;
pub mod search;
pub mod themes;
// Patterns across plans: shared text, departures from the template, numbers promised.
pub mod indicators;
pub mod passages;
pub mod similarity;
pub mod template_coverage;

pub use compare::{compare, CompareBy, CompareResult};
pub use diff::{diff, DiffOptions, DiffResult};
pub use filter::{filter, FilterOptions, FilterResult};
pub use indicators::{indicators, IndicatorsOptions, IndicatorsResult};
pub use passages::{shared_passages, PassagesOptions, SharedPassagesResult};
pub use search::{search, SearchOptions, SearchResult};
pub use similarity::{plan_similarity, SimilarityBy, SimilarityOptions, SimilarityResult};
pub use template_coverage::{template_coverage, TemplateCoverage, TemplateCoverageOptions};
pub use themes::{match_themes, theme_matrix, ThemeMatch, ThemeMatrix, ThemeMatrixOptions};

use crate::index::Index;
use crate::model::{Dataset, Measure, Plan, Target};
use crate::themes::Taxonomy;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// Longest accepted search query, in characters.
pub const MAX_QUERY_CHARS: usize = 1_000;
/// Longest accepted free text for [`match_themes`] and similar, in characters.
pub const MAX_TEXT_CHARS: usize = 100_000;
/// Default and largest page size.
pub const DEFAULT_LIMIT: usize = 20;
pub const MAX_LIMIT: usize = 1_000;

/// Everything a query needs: the dataset (measures tagged with themes), the taxonomy and the
/// index. Serializable, so that the wasm package can ship it pre-built.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub dataset: Dataset,
    pub taxonomy: Taxonomy,
    pub index: Index,
    /// Per measure (dataset order): (theme index, keyword score) of every theme its text touches,
    /// computed once so that `theme_matrix` does not rescan every text.
    #[serde(default)]
    pub theme_scores: Vec<Vec<(u16, f32)>>,
    /// English → Chinese (CC-CEDICT cut to the index, `src/english.rs`), when the corpus was built
    /// with it: English words the glossary does not know are looked up there.
    #[serde(default)]
    pub english: Option<crate::english::Dictionary>,
    /// Traditional characters a query may be typed in, with the Simplified ones the measures use
    /// (`src/script.rs`): searches and theme matches fold them.
    #[serde(default)]
    pub traditional: crate::script::Traditional,
    /// Added plans whose text [`Corpus::traditional`] folds (printed in Traditional script): only
    /// their hits are highlighted on folded text, the corpus's own never hold such characters.
    #[serde(skip)]
    pub folded_plans: Vec<String>,
    /// `Corpus::plan_numbers`, kept while the plans and measures stay as they were.
    #[serde(skip)]
    pub plan_numbers: PlanNumbersCache,
    /// How many measures each plan has, where the measures themselves may not say: a data
    /// directory's corpus, whose measures not loaded yet are placeholders naming no plan
    /// (`crate::datadir`). Empty otherwise.
    #[serde(skip)]
    pub plan_sizes: PlanSizes,
}

/// Per plan of `dataset.plans`, in order, its number of measures (contiguous, in the plans'
/// order); used while its length is the number of plans and its sum the number of measures.
/// Bookkeeping, not part of a corpus's value: any two compare equal, as a corpus whose measures
/// are all loaded says the same with or without it.
#[derive(Debug, Clone, Default)]
pub struct PlanSizes(pub Vec<usize>);

impl PartialEq for PlanSizes {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// Each measure's plan number (its plan's position in `dataset.plans`; ids no plan lists come
/// after them), and per number the plan's id and its number of measures.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct PlanNumbers {
    pub of_measure: Vec<usize>,
    pub plans: Vec<(String, usize)>,
}

impl PlanNumbers {
    fn of(dataset: &Dataset, sizes: &PlanSizes) -> PlanNumbers {
        let sizes = &sizes.0;
        if sizes.len() == dataset.plans.len() && sizes.iter().sum::<usize>() == dataset.measures.len() {
            // A fill per plan: an iterator per measure was 9 ms of a national corpus's first search
            // in Chromium (the module's code runs unoptimised at first).
            let mut of_measure = Vec::with_capacity(dataset.measures.len());
            for (k, &n) in sizes.iter().enumerate() {
                of_measure.resize(of_measure.len() + n, k);
            }
            let plans = dataset.plans.iter().zip(sizes).map(|(p, &n)| (p.id.clone(), n)).collect();
            return PlanNumbers { of_measure, plans };
        }
        let mut plans: Vec<(&str, usize)> = dataset.plans.iter().map(|p| (p.id.as_str(), 0)).collect();
        let mut of_measure = Vec::with_capacity(dataset.measures.len());
        let mut run: Option<(&str, usize)> = None;
        let mut next = 0;
        for m in &dataset.measures {
            let k = match run {
                Some((id, k)) if id == m.plan => k,
                _ => {
                    let k = if plans.get(next).is_some_and(|(id, _)| *id == m.plan) {
                        next
                    } else if let Some(k) = plans.iter().position(|(id, _)| *id == m.plan) {
                        k
                    } else {
                        plans.push((m.plan.as_str(), 0));
                        plans.len() - 1
                    };
                    next = k + 1;
                    run = Some((m.plan.as_str(), k));
                    k
                }
            };
            if let Some((_, n)) = plans.get_mut(k) {
                *n += 1;
            }
            of_measure.push(k);
        }
        PlanNumbers { of_measure, plans: plans.into_iter().map(|(id, n)| (id.to_string(), n)).collect() }
    }
}

/// The last `PlanNumbers` with the shape of the dataset they were made from (where its plan and
/// measure lists are and how long): `Corpus::add_plan` and `Corpus::remove_plan` clear it, and a
/// list replaced or resized elsewhere changes the shape. Never part of a corpus's value: clones
/// start empty and any two compare equal.
#[derive(Default)]
pub struct PlanNumbersCache(std::sync::Mutex<Option<(DatasetShape, std::sync::Arc<PlanNumbers>)>>);

type DatasetShape = (usize, usize, usize, usize);

impl PlanNumbersCache {
    fn get(&self, dataset: &Dataset, sizes: &PlanSizes) -> std::sync::Arc<PlanNumbers> {
        let shape = (
            dataset.plans.as_ptr() as usize,
            dataset.plans.len(),
            dataset.measures.as_ptr() as usize,
            dataset.measures.len(),
        );
        // A poisoned lock only means a panic elsewhere mid-update: the value is rebuilt below anyway.
        let mut kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        match kept.as_ref() {
            Some((s, numbers)) if *s == shape => numbers.clone(),
            _ => {
                let numbers = std::sync::Arc::new(PlanNumbers::of(dataset, sizes));
                *kept = Some((shape, numbers.clone()));
                numbers
            }
        }
    }

    fn clear(&mut self) {
        *self.0.get_mut().unwrap_or_else(|e| e.into_inner()) = None;
    }
}

impl Clone for PlanNumbersCache {
    fn clone(&self) -> Self {
        PlanNumbersCache::default()
    }
}

impl PartialEq for PlanNumbersCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl fmt::Debug for PlanNumbersCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PlanNumbersCache")
    }
}

/// Words jieba must know when the index is built, so that each one the corpus says is an index
/// term: the taxonomy's keywords and related words, and the glossary's Chinese terms.
#[cfg(feature = "segment-jieba")]
pub(crate) fn jieba_words<'a>(taxonomy: &'a Taxonomy) -> impl Iterator<Item = &'a str> + 'a {
    theme_words(taxonomy).chain(search::glossary_terms().map(|t| -> &'a str { t }))
}

/// The taxonomy's keywords and related words, the part of [`jieba_words`] the themes give.
#[cfg(feature = "segment-jieba")]
fn theme_words(taxonomy: &Taxonomy) -> impl Iterator<Item = &str> {
    taxonomy.themes.iter().flat_map(|t| t.keywords_zh.iter().chain(&t.related_zh)).map(String::as_str)
}

impl Corpus {
    /// Index a dataset tagged with `taxonomy` (as [`crate::dataset::build`] tags it: measures are
    /// tagged once, where the catalogue names its taxonomy) with jieba (build time, native).
    #[cfg(feature = "segment-jieba")]
    pub fn new(dataset: Dataset, taxonomy: Taxonomy) -> Corpus {
        let seg = crate::index::jieba::Segmenter::new(jieba_words(&taxonomy));
        let collocations = seg.collocations(&dataset.measures);
        let index = Index::build(&dataset.measures, |t| seg.cut_for_index(t, &collocations));
        let theme_scores = dataset.measures.iter().map(|m| theme_scores(&taxonomy, m)).collect();
        let texts = dataset.measures.iter().flat_map(|m| [&m.title, &m.work_item, &m.text]);
        let traditional = crate::script::Traditional::for_texts(texts.flatten().map(String::as_str));
        Corpus { dataset, taxonomy, index, theme_scores, traditional, ..Default::default() }
    }

    /// The bundled corpus: seeds parsed by [`crate::dataset::build`], tagged and indexed.
    #[cfg(feature = "segment-jieba")]
    pub fn bundled() -> Corpus {
        let build = crate::dataset::build();
        let taxonomy = Taxonomy::bundled().unwrap_or_default();
        Corpus::new(build.dataset, taxonomy)
    }

    /// Add a plan at run time (a reader's own text, parsed by [`crate::parse`]): its measures are
    /// tagged with the taxonomy and appended to the index with the run-time segmenter (works in
    /// wasm, without jieba). Plan and measure ids must be new. [`crate::engine::Engine`] is the
    /// public way in: it parses the text, checks limits and names the plan.
    pub(crate) fn add_plan(
        &mut self,
        plan: Plan,
        mut measures: Vec<Measure>,
        targets: Vec<Target>,
    ) -> Result<(), QueryError> {
        if self.dataset.plans.iter().any(|p| p.id == plan.id) {
            return Err(QueryError::invalid("plan.id", format!("a plan with id {:?} already exists", plan.id)));
        }
        if let Some(m) = measures.iter().find(|m| m.plan != plan.id || self.measure(&m.id).is_some()) {
            return Err(QueryError::invalid(
                "measures",
                format!("measure {:?} does not belong to plan {:?} or its id is taken", m.id, plan.id),
            ));
        }
        for m in &mut measures {
            m.themes = self.taxonomy.tag(m);
        }
        // Indexed as the query is read (src/script.rs): a plan printed in Traditional script is
        // found by either script.
        let indexed: Vec<Cow<Measure>> = measures.iter().map(|m| self.traditional.fold_measure(m)).collect();
        if indexed.iter().any(|m| matches!(m, Cow::Owned(_))) {
            self.folded_plans.push(plan.id.clone());
        }
        let indexed: Vec<Measure> = indexed.into_iter().map(Cow::into_owned).collect();
        self.index.append(&indexed);
        self.plan_numbers.clear();
        if self.plan_sizes.0.len() == self.dataset.plans.len() {
            self.plan_sizes.0.push(measures.len());
        }
        if self.theme_scores.len() == self.dataset.measures.len() {
            self.theme_scores.extend(measures.iter().map(|m| theme_scores(&self.taxonomy, m)));
        }
        self.dataset.plans.push(plan);
        self.dataset.measures.extend(measures);
        self.dataset
            .targets
            .extend(targets.into_iter().filter(|t| self.dataset.plans.last().is_some_and(|p| p.id == t.plan)));
        Ok(())
    }

    /// Take a plan out with its measures, targets and passages, from the index and theme scores too:
    /// after `add_plan` then `remove_plan` every answer is the one before. Measures of a plan are
    /// contiguous (as `add_plan` appends them), which the index removal relies on.
    pub(crate) fn remove_plan(&mut self, id: &str) -> Result<(), QueryError> {
        self.plan(id)?;
        let positions: Vec<usize> = self.measures_of(id).map(|(i, _)| i).collect();
        if let (Some(&first), Some(&last)) = (positions.first(), positions.last()) {
            if last + 1 - first != positions.len() {
                return Err(QueryError::invalid("id", format!("the measures of plan {id:?} are not contiguous")));
            }
            self.index.remove_docs(first..last + 1);
            if self.theme_scores.len() > last {
                self.theme_scores.drain(first..last + 1);
            }
        }
        self.plan_numbers.clear();
        if self.plan_sizes.0.len() == self.dataset.plans.len() {
            if let Some(k) = self.dataset.plans.iter().position(|p| p.id == id) {
                self.plan_sizes.0.remove(k);
            }
        }
        self.dataset.plans.retain(|p| p.id != id);
        self.folded_plans.retain(|p| p != id);
        self.dataset.measures.retain(|m| m.plan != id);
        self.dataset.targets.retain(|t| t.plan != id);
        self.dataset.passages.retain(|p| p.plan != id);
        Ok(())
    }

    pub fn plan(&self, id: &str) -> Result<&Plan, QueryError> {
        self.dataset.plans.iter().find(|p| p.id == id).ok_or_else(|| QueryError::UnknownPlan(id.to_string()))
    }

    pub fn measure(&self, id: &str) -> Option<&Measure> {
        self.dataset.measures.iter().find(|m| m.id == id)
    }

    /// Index of a theme id in the taxonomy, or `UNKNOWN_THEME`.
    pub fn theme_index(&self, id: &str) -> Result<usize, QueryError> {
        self.taxonomy.position(id).ok_or_else(|| QueryError::UnknownTheme(id.to_string()))
    }

    /// Measures of a plan with their positions in the dataset, in document order (placeholders
    /// too, in a data directory's corpus: found by [`Corpus::plan_numbers`], not by their ids).
    /// Whether a plan is read folded: an added plan printed in Traditional script
    /// ([`Corpus::folded_plans`]). The small wasm module adds no plan, so there none is, and the
    /// folding of measures stays out of it.
    pub(crate) fn reads_folded(&self, plan: &str) -> bool {
        !cfg!(all(target_arch = "wasm32", not(feature = "full"))) && self.folded_plans.iter().any(|p| p == plan)
    }

    pub fn measures_of<'a>(&'a self, plan: &'a str) -> impl Iterator<Item = (usize, &'a Measure)> + 'a {
        let numbers = self.plan_numbers();
        let k = numbers.plans.iter().position(|(id, _)| id == plan);
        let of_plan = move |i: &usize| k.is_some() && numbers.of_measure.get(*i).copied() == k;
        self.dataset.measures.iter().enumerate().filter(move |(i, _)| of_plan(i))
    }

    /// Each measure's plan as a number, and per number the plan's id and measure count. The number
    /// is the plan's position in `dataset.plans` (ids no plan lists come after them). Worked out
    /// once per state of the plans and measures (a search asks two or three times): from
    /// `plan_sizes` where the corpus has them, else linearly from the measures' plan ids (a plan's
    /// measures are contiguous and follow the plans' order, so a run's plan is searched for only
    /// when that order breaks). The per-hit work of a national corpus is then an array lookup
    /// instead of hashing an id.
    pub(crate) fn plan_numbers(&self) -> std::sync::Arc<PlanNumbers> {
        self.plan_numbers.get(&self.dataset, &self.plan_sizes)
    }
}

/// Keyword scores of the themes a measure's text touches (see [`Taxonomy::hits_zh`]).
pub fn theme_scores(taxonomy: &Taxonomy, m: &Measure) -> Vec<(u16, f32)> {
    taxonomy
        .hits_zh(&crate::themes::tagging_text(m))
        .into_iter()
        .filter_map(|h| Some((u16::try_from(h.theme).ok()?, h.score as f32)))
        .collect()
}

/// An error a query reports instead of panicking; `code()` is stable for JS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    UnknownPlan(String),
    UnknownTheme(String),
    /// An option out of range or of an unknown value. Its code is `INVALID_ARGUMENT`, the same as a
    /// wrong type caught by the binding: JS sees one code for every malformed input.
    InvalidOption {
        option: String,
        message: String,
    },
    /// A query or text longer than the documented maximum (in characters).
    QueryTooLong {
        chars: usize,
        max: usize,
    },
    /// A query with no words in it.
    EmptyQuery,
}

impl QueryError {
    /// Its code in the package's one enum of codes (what JavaScript sees as `error.code`).
    pub fn code(&self) -> crate::error::ErrorCode {
        use crate::error::ErrorCode;
        match self {
            QueryError::UnknownPlan(_) => ErrorCode::UnknownPlan,
            QueryError::UnknownTheme(_) => ErrorCode::UnknownTheme,
            QueryError::InvalidOption { .. } => ErrorCode::InvalidArgument,
            QueryError::QueryTooLong { .. } => ErrorCode::QueryTooLong,
            QueryError::EmptyQuery => ErrorCode::EmptyQuery,
        }
    }

    pub fn invalid(option: &str, message: impl Into<String>) -> QueryError {
        QueryError::InvalidOption { option: option.to_string(), message: message.into() }
    }
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QueryError::UnknownPlan(id) => write!(f, "unknown plan id {id:?} (see plans() for the ids)"),
            QueryError::UnknownTheme(id) => write!(f, "unknown theme id {id:?} (see themes() for the ids)"),
            QueryError::InvalidOption { option, message } => write!(f, "invalid option {option}: {message}"),
            QueryError::QueryTooLong { chars, max } => {
                write!(f, "query too long: {chars} characters, at most {max} are accepted")
            }
            QueryError::EmptyQuery => write!(f, "empty query: give at least one word"),
        }
    }
}

impl std::error::Error for QueryError {}

/// A page of a ranked or filtered list: `offset` past the end gives an empty page.
pub(crate) fn page<T>(items: Vec<T>, offset: usize, limit: usize) -> Vec<T> {
    items.into_iter().skip(offset).take(limit).collect()
}

/// Check a page size against [`MAX_LIMIT`] (0 is allowed: an empty page with the total).
pub(crate) fn check_limit(limit: Option<usize>) -> Result<usize, QueryError> {
    match limit {
        None => Ok(DEFAULT_LIMIT),
        Some(n) if n > MAX_LIMIT => {
            Err(QueryError::invalid("limit", format!("{n} is above the maximum of {MAX_LIMIT}")))
        }
        Some(n) => Ok(n),
    }
}

/// Check the length of a free text, in characters, and that it has a word in it.
pub(crate) fn check_text(text: &str, max: usize) -> Result<(), QueryError> {
    let chars = text.chars().count();
    if chars > max {
        return Err(QueryError::QueryTooLong { chars, max });
    }
    if !crate::index::is_word(text) {
        return Err(QueryError::EmptyQuery);
    }
    Ok(())
}

/// Normalise a work item or indicator for comparison: drop whitespace and punctuation, fold
/// full-width ASCII, lower-case.
pub fn normalize(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => c,
        })
        .filter(|&c| crate::index::is_alphanumeric(c))
        .fold(String::new(), |mut s, c| {
            if crate::index::is_han(c) {
                s.push(c);
            } else {
                s.extend(c.to_lowercase());
            }
            s
        })
}

/// Character bigrams of a normalised text (a single character counts as one "bigram").
pub(crate) fn bigrams(s: &str) -> Vec<(char, char)> {
    let chars: Vec<char> = normalize(s).chars().collect();
    match chars.len() {
        0 => vec![],
        1 => vec![(chars[0], '\0')],
        _ => chars.windows(2).map(|w| (w[0], w[1])).collect(),
    }
}

/// Dice coefficient over character-bigram multisets, 0..=1: cheap, robust to segmentation and
/// to the small rewordings between provinces' versions of a template sentence.
pub fn similarity(a: &str, b: &str) -> f64 {
    similarity_sorted(&sorted_bigrams(a), &sorted_bigrams(b))
}

/// A character bigram in one number, the first character in the high half: numbers sort as the
/// pairs do, and compare and hash in one step.
pub(crate) type Bigram = u64;

/// Bigrams sorted, ready for [`similarity_sorted`] (compute once per text when comparing many).
pub(crate) fn sorted_bigrams(s: &str) -> Vec<Bigram> {
    let mut v: Vec<Bigram> = bigrams(s).into_iter().map(|(x, y)| (u64::from(x) << 32) | u64::from(y)).collect();
    // Equal numbers are interchangeable, so the unstable sort of plain numbers (the quickest, and
    // one small copy in the module) gives what a stable one would: a diff sorts every measure's.
    v.sort_unstable();
    v
}

/// [`similarity`] over pre-sorted bigrams.
pub(crate) fn similarity_sorted(x: &[Bigram], y: &[Bigram]) -> f64 {
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while let (Some(p), Some(q)) = (x.get(i), y.get(j)) {
        match p.cmp(q) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (x.len() + y.len()) as f64
}

/// Merge overlapping or touching spans: the reference that `search::Needles::highlight`, which
/// merges as it finds them, is tested against.
#[cfg(test)]
pub(crate) fn merge_spans(mut spans: Vec<[usize; 2]>) -> Vec<[usize; 2]> {
    crate::sort::sort(&mut spans);
    let mut out: Vec<[usize; 2]> = Vec::new();
    for s in spans {
        match out.last_mut() {
            Some(last) if s[0] <= last[1] => last[1] = last[1].max(s[1]),
            _ => out.push(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_is_one_for_equal_and_zero_for_disjoint() {
        assert!((similarity("加强专利导航", "加强专利导航。") - 1.0).abs() < 1e-9);
        assert_eq!(similarity("地理标志", "海关执法"), 0.0);
        assert_eq!(similarity("", "海关"), 0.0);
        assert!(similarity("万人发明专利拥有量", "万人发明专利拥有量（专利密度）") > 0.7);
    }

    #[test]
    fn spans_merge() {
        assert_eq!(merge_spans(vec![[5, 7], [0, 2], [1, 3], [3, 4]]), vec![[0, 4], [5, 7]]);
    }

    /// The glossary's Chinese terms are jieba words when the index is built ([`jieba_words`]). One
    /// that overlaps a theme keyword in the plans' text may take the keyword's place there: 专利布局
    /// would cut 海外专利布局 海外|专利布局, and 海外专利 would lose 31 cuts. So every keyword is cut
    /// from the bundled plans as often with the glossary's words as without.
    #[cfg(feature = "segment-jieba")]
    #[test]
    fn glossary_words_take_no_theme_keywords_place_in_the_plans() {
        use crate::index::jieba::Segmenter;
        use std::collections::{BTreeMap, BTreeSet};
        let corpus = Corpus::bundled();
        let tax = &corpus.taxonomy;
        let keywords: BTreeSet<&str> = tax.themes.iter().flat_map(|t| &t.keywords_zh).map(String::as_str).collect();
        let count = |seg: &Segmenter| {
            let mut cuts: BTreeMap<&str, usize> = BTreeMap::new();
            for m in &corpus.dataset.measures {
                for word in seg.cut_for_search(&crate::themes::tagging_text(m)) {
                    if let Some(k) = keywords.get(word.as_str()) {
                        *cuts.entry(*k).or_default() += 1;
                    }
                }
            }
            cuts
        };
        let without = count(&Segmenter::new(theme_words(tax)));
        let with = count(&Segmenter::new(jieba_words(tax)));
        let lost: Vec<(&str, usize)> = without
            .iter()
            .map(|(k, &n)| (*k, n.saturating_sub(with.get(k).copied().unwrap_or(0))))
            .filter(|&(_, lost)| lost > 0)
            .collect();
        assert!(lost.is_empty(), "keywords cut less often with the glossary's words: {lost:?}");
    }

    #[test]
    fn normalize_folds_width_and_drops_punctuation() {
        assert_eq!(normalize("（一）ＰＣＴ 申请，"), "一pct申请");
    }
}
