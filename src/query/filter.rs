//! `filter`: select measures by plan, region, level, year, kind, focus area, work item, agency,
//! theme and words, with facet counts for the selection.
//!
//! Fields combine with AND, values within a field with OR; an empty field does not restrict.
//! Contradictory options (a region and a plan of another region) give an empty result, not an error;
//! ids that do not exist (plans, themes) and values outside their domain are errors.

use super::{check_limit, normalize, page, Corpus, QueryError, MAX_QUERY_CHARS};
use crate::model::{Measure, Plan};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
/// - `region`, `level`, `year`, `focus` are single-valued per measure: their counts add up to
///   `total`. `year` is the plan's first year (`year_start`); `focus` is `none` for measures
///   outside the 2018 tables.
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
    /// Measure ids of the page, in dataset order.
    pub items: Vec<String>,
    pub facets: Facets,
}

/// The value facets use for a missing value.
pub const NONE: &str = "none";

/// Validated options, ready to test measures against.
pub(crate) struct Selection<'a> {
    opts: &'a FilterOptions,
    work_items: Vec<String>,
    words: Vec<String>,
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
                return Err(QueryError::invalid("levels", format!("{l:?} is not one of national, province, city, district")));
            }
        }
        for k in &opts.kinds {
            if !["work points", "five-year plan", "action plan"].contains(&k.as_str()) {
                return Err(QueryError::invalid("kinds", format!("{k:?} is not one of work points, five-year plan, action plan")));
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
        let words = opts.words.iter().map(|w| w.trim().to_lowercase()).filter(|w| !w.is_empty()).collect();
        Ok(Selection { opts, work_items, words })
    }

    pub(crate) fn plan_matches(&self, p: &Plan) -> bool {
        let o = self.opts;
        (o.plans.is_empty() || o.plans.contains(&p.id))
            && (o.regions.is_empty()
                || o.regions.iter().any(|r| {
                    r == &p.region || r.eq_ignore_ascii_case(&p.region_en) || p.region_code.as_deref() == Some(r.as_str())
                }))
            && (o.levels.is_empty() || o.levels.iter().any(|l| l == p.level.as_str()))
            && (o.kinds.is_empty() || o.kinds.iter().any(|k| k == p.kind.as_str()))
            && (o.years.is_empty() || o.years.iter().any(|y| (p.year_start..=p.year_end).contains(y)))
    }

    pub(crate) fn measure_matches(&self, m: &Measure) -> bool {
        let o = self.opts;
        (o.focus.is_empty() || m.focus_no.is_some_and(|f| o.focus.contains(&f)))
            && (self.work_items.is_empty()
                || m.work_item.as_deref().is_some_and(|w| self.work_items.contains(&normalize(w))))
            && (o.agencies.is_empty()
                || m.departments.iter().any(|d| o.agencies.iter().any(|a| a == &d.agency || a == &d.name)))
            && (o.themes.is_empty() || m.themes.iter().any(|t| o.themes.contains(t)))
            && (self.words.is_empty() || {
                let hay = [m.title.as_deref(), m.work_item.as_deref(), m.text.as_deref(), Some(m.chapter.as_str())]
                    .into_iter()
                    .flatten()
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>();
                self.words.iter().any(|w| hay.iter().any(|h| h.contains(w.as_str())))
            })
    }

    /// Positions (in `dataset.measures`) of the selected measures.
    pub(crate) fn select(&self, corpus: &Corpus) -> Vec<usize> {
        let plans: std::collections::HashSet<&str> =
            corpus.dataset.plans.iter().filter(|p| self.plan_matches(p)).map(|p| p.id.as_str()).collect();
        corpus
            .dataset
            .measures
            .iter()
            .enumerate()
            .filter(|(_, m)| plans.contains(m.plan.as_str()) && self.measure_matches(m))
            .map(|(i, _)| i)
            .collect()
    }
}

pub fn filter(corpus: &Corpus, opts: &FilterOptions) -> Result<FilterResult, QueryError> {
    let limit = check_limit(opts.limit)?;
    let selection = Selection::new(corpus, opts)?;
    let selected = selection.select(corpus);
    let facets = facets(corpus, &selected);
    let total = selected.len();
    let items = page(selected, opts.offset, limit)
        .into_iter()
        .filter_map(|i| corpus.dataset.measures.get(i))
        .map(|m| m.id.clone())
        .collect();
    Ok(FilterResult { total, offset: opts.offset, limit, items, facets })
}

/// Facet counts over the measures at `selected` positions.
pub(crate) fn facets(corpus: &Corpus, selected: &[usize]) -> Facets {
    let plans: BTreeMap<&str, &Plan> = corpus.dataset.plans.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut region: BTreeMap<String, usize> = BTreeMap::new();
    let mut level: BTreeMap<String, usize> = BTreeMap::new();
    let mut year: BTreeMap<String, usize> = BTreeMap::new();
    let mut focus: BTreeMap<String, usize> = BTreeMap::new();
    let mut agency: BTreeMap<String, usize> = BTreeMap::new();
    let mut theme: BTreeMap<String, usize> = BTreeMap::new();
    for m in selected.iter().filter_map(|&i| corpus.dataset.measures.get(i)) {
        let plan = plans.get(m.plan.as_str());
        *region.entry(plan.map_or(NONE.into(), |p| p.region.clone())).or_default() += 1;
        *level.entry(plan.map_or(NONE.into(), |p| p.level.as_str().into())).or_default() += 1;
        let stated = plan.filter(|p| p.year_start != 0);
        *year.entry(stated.map_or(NONE.into(), |p| p.year_start.to_string())).or_default() += 1;
        *focus.entry(m.focus_no.map_or(NONE.into(), |f| f.to_string())).or_default() += 1;
        let mut agencies: Vec<&str> = m.departments.iter().map(|d| d.agency.as_str()).collect();
        crate::sort::sort(&mut agencies);
        agencies.dedup();
        if agencies.is_empty() {
            agencies.push(NONE);
        }
        for a in agencies {
            *agency.entry(a.to_string()).or_default() += 1;
        }
        if m.themes.is_empty() {
            *theme.entry(NONE.to_string()).or_default() += 1;
        }
        let mut themes: Vec<&String> = m.themes.iter().collect();
        crate::sort::sort(&mut themes);
        themes.dedup();
        for t in themes {
            *theme.entry(t.clone()).or_default() += 1;
        }
    }
    Facets {
        region: by_count(region),
        level: by_count(level),
        year: by_value(year),
        focus: by_value(focus),
        agency: by_count(agency),
        theme: by_count(theme),
    }
}

fn by_count(map: BTreeMap<String, usize>) -> Vec<FacetCount> {
    let mut v: Vec<FacetCount> = map.into_iter().map(|(value, count)| FacetCount { value, count }).collect();
    crate::sort::sort_by(&mut v, |a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    v
}

fn by_value(map: BTreeMap<String, usize>) -> Vec<FacetCount> {
    map.into_iter().map(|(value, count)| FacetCount { value, count }).collect()
}
