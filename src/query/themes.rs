//! `match_themes` (which themes a free text touches) and `theme_matrix` (plans × themes).

use super::{check_text, Corpus, QueryError, MAX_TEXT_CHARS};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct ThemeMatch {
    pub id: String,
    pub zh: String,
    pub en: String,
    /// Keyword occurrences: 1 per strong Chinese keyword, 0.4 per related one, 1 (1.5 for a
    /// phrase) per English keyword.
    pub score: f64,
    /// Whether a measure with this text would be tagged with the theme.
    pub tagged: bool,
    /// Keywords found, strongest first.
    pub matched: Vec<String>,
}

/// Themes a free text (Chinese, English or mixed) touches, best first.
pub fn match_themes(corpus: &Corpus, text: &str) -> Result<Vec<ThemeMatch>, QueryError> {
    check_text(text, MAX_TEXT_CHARS)?;
    let text = &*corpus.traditional.fold(text);
    let tax = &corpus.taxonomy;
    let mut out: Vec<ThemeMatch> = Vec::new();
    for hit in tax.hits_zh(text).into_iter().chain(tax.hits_en(text)) {
        let Some(t) = tax.themes.get(hit.theme) else { continue };
        match out.iter_mut().find(|m| m.id == t.id) {
            Some(m) => {
                m.score += hit.score;
                m.tagged |= hit.tags;
                m.matched.extend(hit.matched);
            }
            None => out.push(ThemeMatch {
                id: t.id.clone(),
                zh: t.zh.clone(),
                en: t.en.clone(),
                score: hit.score,
                tagged: hit.tags,
                matched: hit.matched,
            }),
        }
    }
    crate::sort::sort_by(&mut out, |a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
    Ok(out)
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
pub struct ThemeMatrixOptions {
    /// Plan ids (rows); empty: all plans, in dataset order.
    pub plans: Vec<String>,
    /// Theme ids (columns); empty: all themes, in taxonomy order.
    pub themes: Vec<String>,
}

/// One cell of the matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct MatrixCell {
    /// Measures of the plan tagged with the theme.
    pub count: usize,
    /// `count` over the plan's measures (0..=1): comparable across plans of different sizes.
    pub share: f64,
    /// Keyword score summed over the plan's measures (see [`ThemeMatch::score`]).
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct ThemeMatrix {
    pub plans: Vec<String>,
    pub themes: Vec<String>,
    /// Measures per plan (row totals of the denominator).
    pub measures: Vec<usize>,
    /// `cells[plan][theme]`.
    pub cells: Vec<Vec<MatrixCell>>,
}

pub fn theme_matrix(corpus: &Corpus, opts: &ThemeMatrixOptions) -> Result<ThemeMatrix, QueryError> {
    let plans: Vec<String> = if opts.plans.is_empty() {
        corpus.dataset.plans.iter().map(|p| p.id.clone()).collect()
    } else {
        opts.plans.iter().map(|p| corpus.plan(p).map(|p| p.id.clone())).collect::<Result<_, _>>()?
    };
    let themes: Vec<usize> = if opts.themes.is_empty() {
        (0..corpus.taxonomy.themes.len()).collect()
    } else {
        opts.themes.iter().map(|t| corpus.theme_index(t)).collect::<Result<_, _>>()?
    };
    let mut measures = Vec::with_capacity(plans.len());
    let mut cells = Vec::with_capacity(plans.len());
    for plan in &plans {
        let mut row: Vec<MatrixCell> = themes.iter().map(|_| MatrixCell { count: 0, share: 0.0, score: 0.0 }).collect();
        let mut n = 0usize;
        for (i, m) in corpus.measures_of(plan) {
            n += 1;
            // Pre-computed scores when the corpus has them (it does unless built by hand).
            let computed;
            let scores = match corpus.theme_scores.get(i) {
                Some(s) if corpus.theme_scores.len() == corpus.dataset.measures.len() => s,
                _ => {
                    computed = super::theme_scores(&corpus.taxonomy, m);
                    &computed
                }
            };
            for (cell, &t) in row.iter_mut().zip(&themes) {
                let Some(theme) = corpus.taxonomy.themes.get(t) else { continue };
                if m.themes.contains(&theme.id) {
                    cell.count += 1;
                }
                cell.score +=
                    scores.iter().filter(|(x, _)| usize::from(*x) == t).map(|(_, s)| f64::from(*s)).sum::<f64>();
            }
        }
        for cell in &mut row {
            cell.share = if n == 0 { 0.0 } else { cell.count as f64 / n as f64 };
        }
        measures.push(n);
        cells.push(row);
    }
    let themes = themes.iter().filter_map(|&t| corpus.taxonomy.themes.get(t)).map(|t| t.id.clone()).collect();
    Ok(ThemeMatrix { plans, themes, measures, cells })
}
