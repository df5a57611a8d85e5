//! `filter`: select measures by plan, region, level, year, kind, focus area, work item, agency,
//! theme and words, with facet counts for the selection.
//!
//! Fields combine with AND, values within a field with OR; an empty field does not restrict.
//! Contradictory options (a region and a plan of another region) give an empty result, not an error;
//! ids that do not exist (plans, themes) and values outside their domain are errors.

use super::{check_limit, normalize, page, Corpus, QueryError, MAX_QUERY_CHARS};
use crate::index::{Index, AGENCY_TERM, FOCUS_TERM, THEME_TERM, UNIT_TERM, WORK_TERM};
use crate::model::{Measure, Plan};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
pub struct FilterOptions {
    /// Plan ids (`beijing-2018`).
    pub plans: Vec<String>,
    /// Regions as printed (北京市), their English name (Beijing, any case) or GB/T 2260 code.
    pub regions: Vec<String>,
    /// `province`, `city`, `district`.
    pub levels: Vec<String>,
    /// A year matches a plan whose `year_start..=year_end` contains it.
    pub years: Vec<u16>,
    /// `work points`, `five-year plan`, `action plan`.
    pub kinds: Vec<String>,
    /// Focus areas 1–6 of the 2018 template.
    pub focus: Vec<u8>,
    /// Work items, compared after [`normalize`] (whitespace and punctuation ignored).
    pub work_items: Vec<String>,
    /// Canonical agency types (知识产权局, 海关 …) or department names exactly as printed.
    pub agencies: Vec<String>,
    /// Theme ids.
    pub themes: Vec<String>,
    /// Words: a measure matches when its title, work item, text or chapter contains any of them
    /// (case-insensitive for Latin letters).
    pub words: Vec<String>,
    pub offset: usize,
    /// Page size: default 20, at most 1000; 0 gives an empty page with the total.
    pub limit: Option<usize>,
}

/// One facet value with the number of selected measures that have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct FacetCount {
    pub value: String,
    pub count: usize,
}

/// Facet counts for the whole selection (not just the page).
///
/// - `region`, `level`, `focus` are single-valued per measure: their counts add up to `total`.
///   `focus` is `none` for measures outside the 2018 tables.
/// - `year` counts a measure under every year of its plan's span (`year_start..=year_end`), so
///   that the count of year y is the total of the filter `years: [y]`; the counts of a selection
///   with multi-year plans add up to more than `total`. Plans that state no year count as `none`.
/// - `agency` and `theme` are multi-valued: a count is the number of selected measures that name
///   at least one department of that agency type / carry that theme. A measure with none is
///   counted under `none`, so the counts add up to at least `total` (more when measures have
///   several).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Facets {
    pub region: Vec<FacetCount>,
    pub level: Vec<FacetCount>,
    pub year: Vec<FacetCount>,
    pub focus: Vec<FacetCount>,
    pub agency: Vec<FacetCount>,
    pub theme: Vec<FacetCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct FilterResult {
    /// Number of measures selected (all pages).
    pub total: usize,
    pub offset: usize,
    pub limit: usize,
    /// The measures of the page, in dataset order: their full records, what the page shows.
    pub items: Vec<Measure>,
    /// The short label of each item's plan ([`Plan::label`]), one per item.
    pub plan_labels: Vec<String>,
    pub facets: Facets,
}

/// The value facets use for a missing value.
pub const NONE: &str = "none";

/// Validated options, ready to test measures against.
pub(crate) struct Selection<'a> {
    opts: &'a FilterOptions,
    work_items: Vec<String>,
    words: Vec<String>,
    /// Every word is made of characters that no character lower-cases into (Chinese words): the
    /// fields are then searched as they are ([`Selection::text_matches`]).
    words_as_written: bool,
}

impl<'a> Selection<'a> {
    pub(crate) fn new(corpus: &Corpus, opts: &'a FilterOptions) -> Result<Selection<'a>, QueryError> {
        for p in &opts.plans {
            corpus.plan(p)?;
        }
        for t in &opts.themes {
            corpus.theme_index(t)?;
        }
        for l in &opts.levels {
            if !["national", "province", "city", "district"].contains(&l.as_str()) {
                return Err(QueryError::invalid(
                    "levels",
                    format!("{l:?} is not one of national, province, city, district"),
                ));
            }
        }
        for k in &opts.kinds {
            if !["work points", "five-year plan", "action plan"].contains(&k.as_str()) {
                return Err(QueryError::invalid(
                    "kinds",
                    format!("{k:?} is not one of work points, five-year plan, action plan"),
                ));
            }
        }
        if let Some(f) = opts.focus.iter().find(|f| !(1..=6).contains(*f)) {
            return Err(QueryError::invalid("focus", format!("{f} is not a focus area (1 to 6)")));
        }
        for w in opts.words.iter().chain(&opts.work_items).chain(&opts.regions).chain(&opts.agencies) {
            let chars = w.chars().count();
            if chars > MAX_QUERY_CHARS {
                return Err(QueryError::QueryTooLong { chars, max: MAX_QUERY_CHARS });
            }
        }
        let work_items = opts.work_items.iter().map(|w| normalize(w)).filter(|w| !w.is_empty()).collect();
        // A word typed in Traditional script is looked for as typed (a reader's own plan may print
        // it so) and as the corpus's measures write it (src/script.rs): any word matches.
        let mut words: Vec<String> = Vec::new();
        for w in opts.words.iter().map(|w| w.trim()).filter(|w| !w.is_empty()) {
            let folded = corpus.traditional.fold(w).to_lowercase();
            let typed = w.to_lowercase();
            if typed != folded {
                words.push(typed);
            }
            words.push(folded);
        }
        let words_as_written = words.iter().all(|w| w.chars().all(never_lowercased_into));
        Ok(Selection { opts, work_items, words, words_as_written })
    }

    pub(crate) fn plan_matches(&self, p: &Plan) -> bool {
        let o = self.opts;
        (o.plans.is_empty() || o.plans.contains(&p.id))
            && (o.regions.is_empty()
                || o.regions.iter().any(|r| {
                    r == &p.region
                        || r.eq_ignore_ascii_case(&p.region_en)
                        || p.region_code.as_deref() == Some(r.as_str())
                }))
            && (o.levels.is_empty() || o.levels.iter().any(|l| l == p.level.as_str()))
            && (o.kinds.is_empty() || o.kinds.iter().any(|k| k == p.kind.as_str()))
            && (o.years.is_empty() || o.years.iter().any(|y| (p.year_start..=p.year_end).contains(y)))
    }

    /// The pseudo-terms (`src/index.rs`) of the measure fields, one group per field that restricts:
    /// a measure passes a field when it has any term of the group.
    pub(crate) fn field_terms(&self) -> Vec<Vec<String>> {
        let o = self.opts;
        let mut groups = vec![
            o.focus.iter().map(|f| format!("{FOCUS_TERM}{f}")).collect::<Vec<_>>(),
            self.work_items.iter().map(|w| format!("{WORK_TERM}{w}")).collect(),
            o.agencies.iter().flat_map(|a| [format!("{AGENCY_TERM}{a}"), format!("{UNIT_TERM}{a}")]).collect(),
            o.themes.iter().map(|t| format!("{THEME_TERM}{t}")).collect(),
        ];
        groups.retain(|g| !g.is_empty());
        groups
    }

    /// Whether the options test measure text (words): only those need measure records.
    pub(crate) fn needs_text(&self) -> bool {
        !self.words.is_empty()
    }

    /// Documents that pass every measure field read from the index (focus, work items, agencies,
    /// themes), or `None` when none of them restricts.
    pub(crate) fn field_docs(&self, index: &Index) -> Option<Vec<bool>> {
        let groups = self.field_terms();
        if groups.is_empty() {
            return None;
        }
        let n = index.doc_count();
        let mut pass = vec![0usize; n];
        for group in &groups {
            let mut in_group = vec![false; n];
            for term in group {
                for &(doc, _) in index.postings_of(term) {
                    if let Some(x) = in_group.get_mut(doc as usize) {
                        *x = true;
                    }
                }
            }
            for (p, hit) in pass.iter_mut().zip(in_group) {
                *p += usize::from(hit);
            }
        }
        Some(pass.into_iter().map(|p| p == groups.len()).collect())
    }

    /// The text test (words); the other measure fields are read from the index by [`Self::field_docs`].
    /// When every word is made of characters that no character lower-cases into (Chinese words),
    /// the fields hold a word as written exactly where their lower-cased forms do, and are searched
    /// as they are.
    pub(crate) fn text_matches(&self, m: &Measure) -> bool {
        if self.words.is_empty() {
            return true;
        }
        if !self.words_as_written {
            return self.text_matches_lowercased(m);
        }
        let hay = text_fields(m);
        self.words.iter().any(|w| hay.iter().flatten().any(|h| h.contains(w.as_str())))
    }

    /// The text test on the lower-cased fields, for any word.
    fn text_matches_lowercased(&self, m: &Measure) -> bool {
        let hay: Vec<_> = text_fields(m).into_iter().flatten().map(lowercase).collect();
        self.words.iter().any(|w| hay.iter().any(|h| h.contains(w.as_str())))
    }

    /// Positions (in `dataset.measures`) of the selected measures.
    pub(crate) fn select(&self, corpus: &Corpus) -> Vec<usize> {
        let allows = self.allows(corpus);
        (0..corpus.dataset.measures.len()).filter(|&i| allows(i)).collect()
    }

    /// Whether the measure at a position is selected: for a caller that tests a few candidates
    /// rather than listing the selection (a search at 100× the seeds tests thousands of 162,100).
    pub(crate) fn allows<'s>(&'s self, corpus: &'s Corpus) -> impl Fn(usize) -> bool + 's {
        // Plan numbers are positions in `dataset.plans`; a measure of a plan not listed matches none.
        let numbers = corpus.plan_numbers();
        let plan_allowed: Vec<bool> = corpus.dataset.plans.iter().map(|p| self.plan_matches(p)).collect();
        let fields = self.field_docs(&corpus.index);
        move |i| {
            numbers.of_measure.get(i).and_then(|&k| plan_allowed.get(k)) == Some(&true)
                && fields.as_ref().is_none_or(|f| f.get(i) == Some(&true))
                && corpus.dataset.measures.get(i).is_some_and(|m| self.text_matches(m))
        }
    }
}

/// The fields a words filter searches.
fn text_fields(m: &Measure) -> [Option<&str>; 4] {
    [m.title.as_deref(), m.work_item.as_deref(), m.text.as_deref(), Some(m.chapter.as_str())]
}

/// `text.to_lowercase()`, borrowed when that changes no character: a Chinese text almost always
/// (lower-casing every text of a corpus was most of a `words` filter: 20 ms at the seeds in wasm).
fn lowercase(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().all(lowercase_is_itself) {
        true => std::borrow::Cow::Borrowed(text),
        false => std::borrow::Cow::Owned(text.to_lowercase()),
    }
}

/// Whether no character lower-cases into `c` but `c` itself: an ideograph of the CJK block, an
/// ASCII digit, space or punctuation mark (a test checks every character's lower case).
fn never_lowercased_into(c: char) -> bool {
    crate::index::is_han(c) || (c.is_ascii() && !c.is_ascii_alphabetic())
}

/// Whether `c.to_lowercase()` is `c` itself, the common cases first (a test checks every character).
fn lowercase_is_itself(c: char) -> bool {
    match c.is_ascii() {
        true => !c.is_ascii_uppercase(),
        false => crate::index::is_han(c) || !c.is_alphabetic() || c.is_lowercase(),
    }
}

pub fn filter(corpus: &Corpus, opts: &FilterOptions) -> Result<FilterResult, QueryError> {
    let limit = check_limit(opts.limit)?;
    let selection = Selection::new(corpus, opts)?;
    let selected = selection.select(corpus);
    let facets = facets(corpus, &selected);
    let total = selected.len();
    let items: Vec<Measure> = page(selected, opts.offset, limit)
        .into_iter()
        .filter_map(|i| corpus.dataset.measures.get(i))
        .cloned()
        .collect();
    let plan_labels = plan_labels(corpus, &items);
    Ok(FilterResult { total, offset: opts.offset, limit, items, plan_labels, facets })
}

/// The label of each measure's plan.
pub(crate) fn plan_labels(corpus: &Corpus, items: &[Measure]) -> Vec<String> {
    items.iter().map(|m| corpus.plan(&m.plan).map(Plan::label).unwrap_or_default()).collect()
}

/// Facet counts over the measures at `selected` positions: region, level and year from the plan
/// (which a placeholder measure names), focus, agency and theme from the index's pseudo-terms, so
/// that no measure record is read.
pub(crate) fn facets(corpus: &Corpus, selected: &[usize]) -> Facets {
    let (mut region, mut level, mut year) = (Counts::default(), Counts::default(), Counts::default());
    let mut chosen = vec![false; corpus.dataset.measures.len()];
    for &i in selected {
        if let Some(c) = chosen.get_mut(i) {
            *c = true;
        }
    }
    // Region, level and years are the plan's: count the selected measures per plan, then each plan
    // once (a national corpus's tens of thousands of hits cost an array lookup each).
    let numbers = corpus.plan_numbers();
    let mut per_plan = vec![0usize; numbers.plans.len()];
    for k in chosen.iter().zip(&numbers.of_measure).filter(|(&c, _)| c).map(|(_, &k)| k) {
        if let Some(n) = per_plan.get_mut(k) {
            *n += 1;
        }
    }
    for (k, n) in per_plan.into_iter().enumerate().filter(|(_, n)| *n > 0) {
        // Numbers past the listed plans are ids no plan lists.
        let plan: Option<&Plan> = corpus.dataset.plans.get(k);
        region.add(plan.map_or(NONE, |p| p.region.as_str()), n);
        level.add(plan.map_or(NONE, |p| p.level.as_str()), n);
        // Every year of the plan's span, as the `years` filter matches them.
        match plan.filter(|p| p.year_start != 0) {
            Some(p) => {
                for y in p.year_start..=p.year_end.max(p.year_start) {
                    year.add(&y.to_string(), n);
                }
            }
            None => year.add(NONE, n),
        }
    }
    let total = selected.iter().filter(|&&i| i < chosen.len()).count();
    // Per value, the selected measures in its posting list; those in none count as `none`.
    let by_term = |prefix: &str| -> Counts {
        let mut counts = Counts::default();
        let mut some = vec![false; chosen.len()];
        for t in corpus.index.prefix_range(prefix) {
            let (Some(term), Some(list)) = (corpus.index.terms.get(t), corpus.index.postings.get(t)) else { continue };
            let mut n = 0usize;
            for &(doc, _) in list {
                if chosen.get(doc as usize) == Some(&true) {
                    n += 1;
                    if let Some(s) = some.get_mut(doc as usize) {
                        *s = true;
                    }
                }
            }
            if n > 0 {
                counts.add(term.get(prefix.len()..).unwrap_or_default(), n);
            }
        }
        let with = some.iter().filter(|&&s| s).count();
        if total > with {
            counts.add(NONE, total - with);
        }
        counts
    };
    let (focus, agency, theme) = (by_term(FOCUS_TERM), by_term(AGENCY_TERM), by_term(THEME_TERM));
    Facets {
        region: by_count(region),
        level: by_count(level),
        year: year.0,
        focus: focus.0,
        agency: by_count(agency),
        theme: by_count(theme),
    }
}

/// Counts per value, kept in the order of the values: a map without `BTreeMap`'s code in the wasm
/// module (a facet has a few dozen values at most; docs/module-size.md).
#[derive(Default)]
struct Counts(Vec<FacetCount>);

impl Counts {
    fn add(&mut self, value: &str, n: usize) {
        match self.0.binary_search_by(|c| c.value.as_str().cmp(value)) {
            Ok(i) => {
                if let Some(c) = self.0.get_mut(i) {
                    c.count += n;
                }
            }
            Err(i) => self.0.insert(i, FacetCount { value: value.to_string(), count: n }),
        }
    }
}

/// Most frequent first, ties by value.
fn by_count(counts: Counts) -> Vec<FacetCount> {
    let mut v = counts.0;
    crate::sort::sort_by(&mut v, |a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_shortcuts_agree_with_std_for_every_character() {
        let itself = |c: char| c.to_lowercase().eq(std::iter::once(c));
        let wrong: Vec<char> =
            (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| lowercase_is_itself(c) && !itself(c)).collect();
        assert!(wrong.is_empty(), "said unchanged, but std lower-cases them: {wrong:?}");
        let changed = (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| !itself(c));
        let into: Vec<char> = changed.flat_map(char::to_lowercase).filter(|&c| never_lowercased_into(c)).collect();
        assert!(into.is_empty(), "said never a lower case, but some character lower-cases into them: {into:?}");
        assert_eq!(lowercase("专利，质押。"), std::borrow::Cow::Borrowed("专利，质押。"));
        assert_eq!(lowercase("推进PCT申请"), "推进pct申请");
        assert_eq!(lowercase("ΟΔΟΣ"), "ΟΔΟΣ".to_lowercase()); // the final sigma, by std
    }

    #[test]
    fn words_match_alike_by_either_road() {
        let m: Measure = serde_json::from_value(serde_json::json!({
            "id": "x-1", "plan": "x", "no": 1, "chapter": "加强ＩＰ保护", "focus_no": null, "work_item": null,
            "title": "推进PCT专利申请", "text": "开展知识产权质押融资。", "departments": [], "themes": [], "lines": [1, 2],
        }))
        .expect("a measure");
        for words in
            [vec!["质押"], vec!["质押融资", "海关"], vec!["海关"], vec!["pct专利"], vec!["ｉｐ保护"], vec!["ip保护"]]
        {
            let opts = FilterOptions { words: words.iter().map(|w| w.to_string()).collect(), ..Default::default() };
            let words: Vec<String> = opts.words.iter().map(|w| w.to_lowercase()).collect();
            let words_as_written = words.iter().all(|w| w.chars().all(never_lowercased_into));
            let selection = Selection { opts: &opts, work_items: Vec::new(), words, words_as_written };
            assert_eq!(selection.text_matches(&m), selection.text_matches_lowercased(&m), "{:?}", opts.words);
        }
        let none = FilterOptions::default();
        assert!(Selection { opts: &none, work_items: Vec::new(), words: Vec::new(), words_as_written: true }
            .text_matches(&m));
    }
}
