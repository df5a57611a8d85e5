//! `compare`: one row per plan with its measures on one work item or one theme.
//!
//! By work item: a table plan's measures whose work item equals the asked one after [`normalize`]
//! (or contains it, or is contained in it, for abbreviated items); for a plan without work items
//! (prose plans), measures whose text covers most of the work item's character bigrams
//! ([`COVER_THRESHOLD`]). By theme: measures tagged with the theme.

use super::{bigrams, check_text, normalize, Corpus, QueryError, MAX_QUERY_CHARS};
use crate::themes::tagging_text;
use serde::{Deserialize, Serialize};

/// Share of a work item's bigrams a prose measure must contain to count as on that item.
pub const COVER_THRESHOLD: f64 = 0.6;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub enum CompareBy {
    WorkItem(String),
    Theme(String),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct CompareRow {
    pub plan: String,
    pub region: String,
    /// Measure ids on the work item or theme, in document order (empty when the plan has none).
    pub measures: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct CompareResult {
    pub by: CompareBy,
    pub rows: Vec<CompareRow>,
}

/// Does a measure belong in the row? (measure, whether its plan is a table plan)
type Matcher = dyn Fn(&crate::model::Measure, bool) -> bool;

pub fn compare(corpus: &Corpus, plan_ids: &[String], by: &CompareBy) -> Result<CompareResult, QueryError> {
    if plan_ids.is_empty() {
        return Err(QueryError::invalid("planIds", "give at least one plan id"));
    }
    let plans = plan_ids.iter().map(|p| corpus.plan(p)).collect::<Result<Vec<_>, _>>()?;
    let matcher: Box<Matcher> = match by {
        CompareBy::Theme(t) => {
            corpus.theme_index(t)?;
            let t = t.clone();
            Box::new(move |m, _| m.themes.contains(&t))
        }
        CompareBy::WorkItem(w) => {
            check_text(w, MAX_QUERY_CHARS)?;
            let key = normalize(w);
            let grams = bigrams(w);
            Box::new(move |m, table| match (table, m.work_item.as_deref()) {
                (true, Some(item)) => {
                    let k = normalize(item);
                    !k.is_empty() && (k == key || k.contains(&key) || key.contains(&k))
                }
                (true, None) => false,
                (false, _) => {
                    let text = normalize(&tagging_text(m));
                    let hit = grams
                        .iter()
                        .filter(|&&(x, y)| if y == '\0' { text.contains(x) } else { text.contains(&format!("{x}{y}")) })
                        .count();
                    !grams.is_empty() && hit as f64 / grams.len() as f64 >= COVER_THRESHOLD
                }
            })
        }
    };
    let rows = plans
        .into_iter()
        .map(|p| {
            let table = corpus.measures_of(&p.id).any(|(_, m)| m.work_item.is_some());
            let measures =
                corpus.measures_of(&p.id).filter(|(_, m)| matcher(m, table)).map(|(_, m)| m.id.clone()).collect();
            CompareRow { plan: p.id.clone(), region: p.region.clone(), measures }
        })
        .collect();
    Ok(CompareResult { by: by.clone(), rows })
}
