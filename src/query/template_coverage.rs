//! `template_coverage`: how each provincial table departs from the national template — which template work
//! items (工作内容) it keeps and with how many measures, which it drops, and what it adds (其他 rows and
//! items of its own).
//!
//! A printed work item is matched to the template by meaning of its wording, not only word for word:
//! tables reword (加强知识产权海关保护), typo (商标富农工程), join two items with ；, or print a fragment
//! of a cell broken over lines. A part of a cell matches a template item when their longest common
//! subsequence covers [`REWORDED`] of the longer one, or [`CONTAINED`] of the shorter one when that has
//! at least [`MIN_CONTAINED_CHARS`] characters; the best-scoring item wins.

use super::similarity::plan_indices;
use super::{Corpus, QueryError};
use crate::parse::template::{key, FOCUS_AREAS, OTHER_WORK, WORK_ITEMS};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Share of the longer wording a common subsequence must cover for a reworded item.
pub const REWORDED: f64 = 0.75;
/// Share of the shorter wording a common subsequence must cover for a fragment or an extension.
pub const CONTAINED: f64 = 0.85;
/// Shortest wording (in characters, punctuation dropped) matched by containment.
pub const MIN_CONTAINED_CHARS: usize = 6;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
pub struct TemplateCoverageOptions {
    /// Plan ids of template tables; empty: every plan with a 工作内容 column.
    pub plans: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct FocusArea {
    pub no: u8,
    pub text: String,
}

/// A template work item and the plans that keep or drop it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct TemplateItem {
    pub focus_no: u8,
    pub text: String,
    pub kept_by: Vec<String>,
    pub dropped_by: Vec<String>,
}

/// A plan's measures on one template item (empty: the item is dropped).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct CoverageCell {
    pub measures: Vec<String>,
    /// The work item as printed where it differs from the template's wording (punctuation aside).
    pub reworded: Vec<String>,
}

/// A work item a plan adds: a 其他 row (one per measure) or an item the template does not have.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct AddedItem {
    pub focus_no: Option<u8>,
    pub work_item: String,
    /// A row of the template's catch-all 其他：未列入但地方开展的创新性工作.
    pub other: bool,
    pub measures: Vec<String>,
    /// The text of the first measure (what the plan does there).
    pub text: Option<String>,
    /// Seed lines from the first measure's first to the last one's last.
    pub lines: [u32; 2],
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct PlanCoverage {
    pub plan: String,
    pub region: String,
    pub region_en: String,
    /// Template items with at least one measure.
    pub kept: usize,
    pub dropped: usize,
    /// Entries of `addedItems`.
    pub added: usize,
    /// One per template item, in the order of `items`.
    pub cells: Vec<CoverageCell>,
    pub added_items: Vec<AddedItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct TemplateCoverage {
    pub focus_areas: Vec<FocusArea>,
    /// The template's work items (its 其他 catch-all aside), by focus area.
    pub items: Vec<TemplateItem>,
    pub plans: Vec<PlanCoverage>,
}

/// Is a printed work item the template's 其他 catch-all (or a 其他：… item of the plan's own)?
pub fn is_other(work_item: &str) -> bool {
    static REST: OnceLock<String> = OnceLock::new();
    let rest = REST.get_or_init(|| key(OTHER_WORK).trim_start_matches("其他").to_string());
    let k = key(work_item);
    k.starts_with("其他")
        || (k.chars().count() >= MIN_CONTAINED_CHARS && (rest.contains(&k) || k.contains(rest.as_str())))
}

/// Template work items in comparison form (punctuation dropped), computed once.
fn template_keys() -> &'static [Vec<char>] {
    static KEYS: OnceLock<Vec<Vec<char>>> = OnceLock::new();
    KEYS.get_or_init(|| WORK_ITEMS.iter().map(|(_, t)| key(t).chars().collect()).collect())
}

thread_local! {
    /// Work items already matched (a corpus has a few hundred distinct ones; cleared past 10,000).
    static MATCHED: RefCell<HashMap<String, Vec<usize>>> = RefCell::new(HashMap::new());
}

/// Indices into [`WORK_ITEMS`] of the template items a printed work item stands for (none for 其他 and
/// for items of the plan's own; two for a cell that joins two items with ；).
pub fn template_items_of(work_item: &str) -> Vec<usize> {
    let known = MATCHED.with(|m| m.try_borrow().ok().and_then(|m| m.get(work_item).cloned()));
    if let Some(items) = known {
        return items;
    }
    let items = match_template(work_item);
    MATCHED.with(|m| {
        if let Ok(mut m) = m.try_borrow_mut() {
            if m.len() >= 10_000 {
                m.clear();
            }
            m.insert(work_item.to_string(), items.clone());
        }
    });
    items
}

fn match_template(work_item: &str) -> Vec<usize> {
    if is_other(work_item) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for part in work_item.split(['；', ';', '。']) {
        let part: Vec<char> = key(part).chars().collect();
        if part.is_empty() {
            continue;
        }
        let best = WORK_ITEMS
            .iter()
            .zip(template_keys())
            .enumerate()
            .filter(|(_, ((focus, _), _))| *focus != 0)
            .filter_map(|(i, (_, t))| {
                let common = lcs(&part, t) as f64;
                let (long, short) = (part.len().max(t.len()) as f64, part.len().min(t.len()));
                let whole = common / long;
                let contained = common / short.max(1) as f64;
                let hit = whole >= REWORDED || (short >= MIN_CONTAINED_CHARS && contained >= CONTAINED);
                hit.then_some((i, whole + contained / 100.0))
            })
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        if let Some((i, _)) = best {
            if !out.contains(&i) {
                out.push(i);
            }
        }
    }
    out
}

/// Length of the longest common subsequence of two short texts.
fn lcs(a: &[char], b: &[char]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut row = vec![0usize; b.len() + 1];
    for &x in a {
        for (j, &y) in b.iter().enumerate() {
            let v = if x == y { prev[j] + 1 } else { prev[j + 1].max(row[j]) };
            row[j + 1] = v;
        }
        std::mem::swap(&mut prev, &mut row);
    }
    prev.last().copied().unwrap_or(0)
}

/// [`template_items_of`] for every distinct printed work item of the corpus, computed once per call.
pub(crate) fn template_index(corpus: &Corpus) -> HashMap<&str, Vec<usize>> {
    let mut map: HashMap<&str, Vec<usize>> = HashMap::new();
    for m in &corpus.dataset.measures {
        if let Some(w) = m.work_item.as_deref() {
            map.entry(w).or_insert_with(|| template_items_of(w));
        }
    }
    map
}

/// Plans × template work items for the template tables (plans with a 工作内容 column). A plan without
/// one → `INVALID_ARGUMENT`; unknown → `UNKNOWN_PLAN`.
pub fn template_coverage(corpus: &Corpus, options: &TemplateCoverageOptions) -> Result<TemplateCoverage, QueryError> {
    let is_table = |id: &str| corpus.measures_of(id).any(|(_, m)| m.work_item.is_some());
    let plans: Vec<usize> = if options.plans.is_empty() {
        (0..corpus.dataset.plans.len())
            .filter(|&i| corpus.dataset.plans.get(i).is_some_and(|p| is_table(&p.id)))
            .collect()
    } else {
        let plans = plan_indices(corpus, &options.plans)?;
        if let Some(p) = plans.iter().filter_map(|&i| corpus.dataset.plans.get(i)).find(|p| !is_table(&p.id)) {
            return Err(QueryError::invalid(
                "plans",
                format!("{} has no 工作内容 column: only the template tables can be set against the template", p.id),
            ));
        }
        plans
    };
    let index = template_index(corpus);
    let template: Vec<(usize, u8, &str)> =
        WORK_ITEMS.iter().enumerate().filter(|(_, (f, _))| *f != 0).map(|(i, (f, t))| (i, *f, *t)).collect();
    let mut rows = Vec::new();
    for &pi in &plans {
        let Some(plan) = corpus.dataset.plans.get(pi) else { continue };
        let mut cells: Vec<CoverageCell> =
            template.iter().map(|_| CoverageCell { measures: Vec::new(), reworded: Vec::new() }).collect();
        let mut added: Vec<AddedItem> = Vec::new();
        for (_, m) in corpus.measures_of(&plan.id) {
            let printed = m.work_item.as_deref().unwrap_or("");
            let items = index.get(printed).cloned().unwrap_or_default();
            for &i in &items {
                let Some(at) = template.iter().position(|(t, _, _)| *t == i) else { continue };
                let Some(cell) = cells.get_mut(at) else { continue };
                cell.measures.push(m.id.clone());
                let same = template.get(at).is_some_and(|(_, _, t)| key(t) == key(printed));
                if !same && !cell.reworded.iter().any(|r| r == printed) {
                    cell.reworded.push(printed.to_string());
                }
            }
            if !items.is_empty() {
                continue;
            }
            let other = is_other(printed);
            let group = (!other)
                .then(|| {
                    added.iter_mut().find(|a| !a.other && a.focus_no == m.focus_no && key(&a.work_item) == key(printed))
                })
                .flatten();
            match group {
                Some(a) => {
                    a.measures.push(m.id.clone());
                    a.lines[1] = a.lines[1].max(m.lines[1]);
                }
                None => added.push(AddedItem {
                    focus_no: m.focus_no,
                    work_item: printed.to_string(),
                    other,
                    measures: vec![m.id.clone()],
                    text: m.text.clone(),
                    lines: m.lines,
                }),
            }
        }
        let kept = cells.iter().filter(|c| !c.measures.is_empty()).count();
        rows.push(PlanCoverage {
            plan: plan.id.clone(),
            region: plan.region.clone(),
            region_en: plan.region_en.clone(),
            kept,
            dropped: cells.len() - kept,
            added: added.len(),
            cells,
            added_items: added,
        });
    }
    let items = template
        .iter()
        .enumerate()
        .map(|(at, (_, focus, text))| {
            let (kept, dropped): (Vec<&PlanCoverage>, Vec<&PlanCoverage>) =
                rows.iter().partition(|r| r.cells.get(at).is_some_and(|c| !c.measures.is_empty()));
            TemplateItem {
                focus_no: *focus,
                text: text.to_string(),
                kept_by: kept.iter().map(|r| r.plan.clone()).collect(),
                dropped_by: dropped.iter().map(|r| r.plan.clone()).collect(),
            }
        })
        .collect();
    let focus_areas = FOCUS_AREAS.iter().map(|(no, t)| FocusArea { no: *no, text: t.to_string() }).collect();
    Ok(TemplateCoverage { focus_areas, items, plans: rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(s: &str) -> Vec<&'static str> {
        template_items_of(s).into_iter().filter_map(|i| WORK_ITEMS.get(i).map(|(_, t)| *t)).collect()
    }

    #[test]
    fn reworded_typoed_joined_and_broken_items_match() {
        assert_eq!(item("加强知识产权海关保护"), vec!["加强海关知识产权保护"]);
        assert_eq!(item("商标富农工程"), vec!["商标富农工作"]);
        assert_eq!(item("重大经济科技活动知识产权评议"), vec!["重大经济活动知识产权评议"]);
        assert_eq!(item("全知识产权转移转化机构"), vec!["推动高校、科研院所建立健全知识产权转移转化机构"]);
        assert_eq!(
            item("广泛开展知识产权普及型教育；加强知识产权公益宣传和咨询服务"),
            vec!["广泛开展知识产权普及型教育", "加强知识产权公益宣传和咨询服务"]
        );
        assert_eq!(item("开展知识产权质押融资风险补偿工作").len(), 1);
    }

    #[test]
    fn own_items_and_other_do_not_match() {
        assert!(item("推进知识产权审判体制机制改革").is_empty());
        assert!(item("加大种质资源保护和开发利用力度").is_empty());
        assert!(item("项目。").is_empty());
        assert!(is_other("其他：推进知识产权军民融合发展"));
        assert!(is_other("未列入但地方开展的创新性工作"));
        assert!(!is_other("加强知识产权文化建设"));
    }

    #[test]
    fn lcs_counts_common_subsequence() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(lcs(&c("加强知识产权海关保护"), &c("加强海关知识产权保护")), 8);
        assert_eq!(lcs(&c(""), &c("甲")), 0);
    }
}
