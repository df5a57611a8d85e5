//! `diff`: align the measures of two plans one-to-one, show inline changes, and compare their
//! departments and targets.
//!
//! Alignment:
//! - two 2018 provincial table plans (measures with `focus_no`): measures with the same template
//!   work item (after [`normalize`]) pair up, whatever their wording (`by: workItem`; several rows
//!   of one work item pair by similarity among themselves), then items whose wording is nearly the
//!   same ([`WORK_ITEM_THRESHOLD`]: 按国家有关规定，设置… / 按照国家有关规定设置…); the rest pair by
//!   similarity of the measures within the same focus area (`by: focus`) above the threshold;
//! - otherwise: by textual similarity (character-bigram Dice over title, work item and text) with an
//!   optimal one-to-one assignment (Hungarian method, `pathfinding::kuhn_munkres`) keeping pairs
//!   at or above the threshold (`by: text`);
//! - then, where the plans differ in grain (one has [`GRAIN_RATIO`] times the other's measures, as
//!   guangdong-2016's 160 tasks against guangdong-2018-2022's 14 items), many-to-one: each measure of
//!   the finer plan left unaligned joins the coarser plan's measure that contains most of its wording
//!   (IDF-weighted bigram containment ≥ [`CONTINUES_THRESHOLD`], clearly ahead of the runner-up), so a
//!   coarse measure is aligned with every measure it continues (`by: continues`).
//!
//! Inline changes run over tokens of the run-time segmenter ([`crate::index::Index::segment`]):
//! `equal` + `delete` runs rebuild A's `text` exactly, `equal` + `insert` runs rebuild B's.

use super::{normalize, similarity, similarity_sorted, sorted_bigrams, Bigram, Corpus, QueryError};
use crate::index::{FirstChars, Span};
use crate::model::{Measure, Target};
use crate::sort::Set;
use crate::themes::tagging_text;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;

/// Default similarity a text pair needs to be aligned.
pub const DEFAULT_THRESHOLD: f64 = 0.3;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
pub struct DiffOptions {
    /// Smallest similarity (0..=1) for a pair aligned by text; default 0.3.
    pub threshold: Option<f64>,
    /// Leave out the inline changes (smaller output).
    pub no_changes: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Equal,
    Insert,
    Delete,
}

/// A run of tokens that is equal in both texts, only in B (insert) or only in A (delete).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Change {
    pub op: Op,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub enum AlignedBy {
    WorkItem,
    Focus,
    Text,
    /// Many-to-one across grain: the finer plan's measure is continued by (contained in) the coarser
    /// plan's; `score` is then the containment (0..=1), and the coarser measure may recur.
    Continues,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct DiffPair {
    pub a: String,
    pub b: String,
    pub by: AlignedBy,
    /// Similarity of the two measures (0..=1).
    pub score: f64,
    /// Inline changes from A's `text` to B's (empty `text` when a measure has none).
    pub changes: Vec<Change>,
}

/// Names in both, only in A, only in B (sorted).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct SetCompare {
    pub shared: Vec<String>,
    pub only_a: Vec<String>,
    pub only_b: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct TargetPair {
    pub a: Target,
    pub b: Target,
    /// Similarity of the indicators (0..=1).
    pub score: f64,
    /// `b.value - a.value` when the units agree.
    pub delta: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct TargetCompare {
    pub pairs: Vec<TargetPair>,
    pub only_a: Vec<Target>,
    pub only_b: Vec<Target>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct DiffResult {
    pub plan_a: String,
    pub plan_b: String,
    pub threshold: f64,
    /// Aligned pairs in A's order.
    pub pairs: Vec<DiffPair>,
    pub only_a: Vec<String>,
    pub only_b: Vec<String>,
    /// Canonical agency types named by each plan.
    pub agencies: SetCompare,
    /// Department names as printed, compared as read (a reader's Traditional plan folded).
    pub departments: SetCompare,
    pub targets: TargetCompare,
}

/// Largest token count (both texts together) for inline changes.
pub const MAX_DIFF_TOKENS: usize = 20_000;

/// Smallest similarity of two work items' wording for them to count as one template item.
pub const WORK_ITEM_THRESHOLD: f64 = 0.8;

/// Plans differ in grain when one has at least this many times the other's measures.
pub const GRAIN_RATIO: f64 = 2.0;

/// Smallest share of a finer measure's wording (IDF-weighted bigrams) found in a coarser measure for
/// the coarser one to count as continuing it.
pub const CONTINUES_THRESHOLD: f64 = 0.12;

/// The best coarser measure must contain this many times what the runner-up does (else the finer
/// measure is ambiguous and stays unaligned).
const CONTINUES_MARGIN: f64 = 1.5;

/// Smallest similarity for two target indicators to be compared.
const INDICATOR_THRESHOLD: f64 = 0.5;

pub fn diff(corpus: &Corpus, plan_a: &str, plan_b: &str, opts: &DiffOptions) -> Result<DiffResult, QueryError> {
    corpus.plan(plan_a)?;
    corpus.plan(plan_b)?;
    let threshold = opts.threshold.unwrap_or(DEFAULT_THRESHOLD);
    if !(0.0..=1.0).contains(&threshold) {
        return Err(QueryError::invalid("threshold", format!("{threshold} is not between 0 and 1")));
    }
    let printed_a: Vec<&Measure> = corpus.measures_of(plan_a).map(|(_, m)| m).collect();
    let printed_b: Vec<&Measure> = corpus.measures_of(plan_b).map(|(_, m)| m).collect();
    let (read_a, read_b) = (as_read(corpus, plan_a, &printed_a), as_read(corpus, plan_b, &printed_b));
    let a: Vec<&Measure> = read_a.iter().map(|m| m.as_ref()).collect();
    let b: Vec<&Measure> = read_b.iter().map(|m| m.as_ref()).collect();
    // Bigrams once per measure: the assignment compares every measure of A with every one of B.
    let grams_a: Vec<Vec<Bigram>> = a.iter().map(|m| sorted_bigrams(&tagging_text(m))).collect();
    let grams_b: Vec<Vec<Bigram>> = b.iter().map(|m| sorted_bigrams(&tagging_text(m))).collect();
    let sim = |i: usize, j: usize| match (grams_a.get(i), grams_b.get(j)) {
        (Some(x), Some(y)) => similarity_sorted(x, y),
        _ => 0.0,
    };

    let mut used_a = vec![false; a.len()];
    let mut used_b = vec![false; b.len()];
    let mut pairs: Vec<(usize, usize, AlignedBy, f64)> = Vec::new();
    let is_table = |ms: &[&Measure]| !ms.is_empty() && ms.iter().any(|m| m.focus_no.is_some() && m.work_item.is_some());

    if is_table(&a) && is_table(&b) {
        // 1. Same template work item.
        // Each measure's key once (normalising per key and measure was half of a diff's time).
        let key = |m: &&Measure| m.work_item.as_deref().map(normalize).filter(|k| !k.is_empty());
        let (keys_a, keys_b): (Vec<Option<String>>, Vec<Option<String>>) =
            (a.iter().map(key).collect(), b.iter().map(key).collect());
        let keys = crate::sort::set(keys_a.iter().flatten());
        for k in keys {
            let ia: Vec<usize> = (0..a.len()).filter(|&i| keys_a.get(i).and_then(Option::as_ref) == Some(k)).collect();
            let ib: Vec<usize> = (0..b.len()).filter(|&j| keys_b.get(j).and_then(Option::as_ref) == Some(k)).collect();
            for (i, j, s) in assign(&ia, &ib, &sim, 0.0) {
                pairs.push((i, j, AlignedBy::WorkItem, s));
                mark(&mut used_a, i);
                mark(&mut used_b, j);
            }
        }
        // 1b. Work items printed with small variations (按国家有关规定，设置… / 按照国家有关规定设置…):
        // similar enough item wording still counts as the same template item.
        let item_grams = |ms: &[&Measure]| -> Vec<Vec<Bigram>> {
            ms.iter().map(|m| m.work_item.as_deref().map(sorted_bigrams).unwrap_or_default()).collect()
        };
        let (items_a, items_b) = (item_grams(&a), item_grams(&b));
        let item_sim = |i: usize, j: usize| match (items_a.get(i), items_b.get(j)) {
            (Some(x), Some(y)) => similarity_sorted(x, y),
            _ => 0.0,
        };
        for focus in 1..=6u8 {
            let (ia, ib) = (unused_in_focus(&a, &used_a, focus), unused_in_focus(&b, &used_b, focus));
            for (i, j, _) in assign(&ia, &ib, &item_sim, WORK_ITEM_THRESHOLD) {
                pairs.push((i, j, AlignedBy::WorkItem, sim(i, j)));
                mark(&mut used_a, i);
                mark(&mut used_b, j);
            }
        }
        // 2. The rest by similarity within a focus area.
        for focus in 1..=6u8 {
            let (ia, ib) = (unused_in_focus(&a, &used_a, focus), unused_in_focus(&b, &used_b, focus));
            for (i, j, s) in assign(&ia, &ib, &sim, threshold) {
                pairs.push((i, j, AlignedBy::Focus, s));
                mark(&mut used_a, i);
                mark(&mut used_b, j);
            }
        }
    } else {
        let ia: Vec<usize> = (0..a.len()).collect();
        let ib: Vec<usize> = (0..b.len()).collect();
        for (i, j, s) in assign(&ia, &ib, &sim, threshold) {
            pairs.push((i, j, AlignedBy::Text, s));
            mark(&mut used_a, i);
            mark(&mut used_b, j);
        }
    }
    pairs.extend(continues(&grams_a, &grams_b, &mut used_a, &mut used_b));
    crate::sort::sort_by_key(&mut pairs, |p| (p.0, p.1));

    let vocabulary = corpus.index.by_first_char();
    let pairs = pairs
        .into_iter()
        .filter_map(|(i, j, by, score)| {
            let (ma, mb) = (printed_a.get(i)?, printed_b.get(j)?);
            let changes = if opts.no_changes {
                vec![]
            } else {
                changes_between(&vocabulary, (text(Some(ma)), text(a.get(i))), (text(Some(mb)), text(b.get(j))))
            };
            Some(DiffPair { a: ma.id.clone(), b: mb.id.clone(), by, score, changes })
        })
        .collect();
    let only_a = a.iter().enumerate().filter(|(i, _)| !used(&used_a, *i)).map(|(_, m)| m.id.clone()).collect();
    let only_b = b.iter().enumerate().filter(|(j, _)| !used(&used_b, *j)).map(|(_, m)| m.id.clone()).collect();

    let agencies = {
        let names =
            |ms: &[&Measure]| crate::sort::set(ms.iter().flat_map(|m| m.departments.iter().map(|d| d.agency.clone())));
        set_compare(names(&a), names(&b))
    };
    let departments = compare_names(&read_departments(corpus, plan_a, &a), &read_departments(corpus, plan_b, &b));

    let ta: Vec<&Target> = corpus.dataset.targets.iter().filter(|t| t.plan == plan_a).collect();
    let tb: Vec<&Target> = corpus.dataset.targets.iter().filter(|t| t.plan == plan_b).collect();
    let indicators = |plan: &str, ts: &[&Target]| -> Vec<String> {
        let folded = corpus.reads_folded(plan);
        ts.iter()
            .map(|t| {
                strip_brackets(&if folded {
                    corpus.traditional.fold(&t.indicator)
                } else {
                    Cow::Borrowed(t.indicator.as_str())
                })
            })
            .collect()
    };
    let targets = compare_targets(&ta, &tb, &indicators(plan_a, &ta), &indicators(plan_b, &tb));

    Ok(DiffResult {
        plan_a: plan_a.to_string(),
        plan_b: plan_b.to_string(),
        threshold,
        pairs,
        only_a,
        only_b,
        agencies,
        departments,
        targets,
    })
}

/// A plan's measures as compared: a reader's plan printed in Traditional script folded, as it is
/// searched (src/script.rs); the changes still cite the printed texts (a fold keeps every offset).
fn as_read<'m>(corpus: &Corpus, plan: &str, printed: &[&'m Measure]) -> Vec<Cow<'m, Measure>> {
    let folded = corpus.reads_folded(plan);
    printed.iter().map(|&m| if folded { corpus.traditional.fold_measure(m) } else { Cow::Borrowed(m) }).collect()
}

fn text<'m>(m: Option<&&'m Measure>) -> &'m str {
    m.and_then(|m| m.text.as_deref()).unwrap_or("")
}

/// Many-to-one pairs where the plans differ in grain: each unaligned measure of the finer plan with
/// the coarser plan's measure that contains most of its wording (see the module docs).
fn continues(
    grams_a: &[Vec<Bigram>],
    grams_b: &[Vec<Bigram>],
    used_a: &mut [bool],
    used_b: &mut [bool],
) -> Vec<(usize, usize, AlignedBy, f64)> {
    let (na, nb) = (grams_a.len() as f64, grams_b.len() as f64);
    if na.min(nb) < 1.0 || na.max(nb) < GRAIN_RATIO * na.min(nb) {
        return vec![];
    }
    let a_is_fine = na > nb;
    let (fine, coarse) = if a_is_fine { (grams_a, grams_b) } else { (grams_b, grams_a) };
    // Bigrams every measure uses (知识, 产权 …) say nothing about which measure continues which.
    let mut df: HashMap<Bigram, f64> = HashMap::new();
    for g in fine.iter().chain(coarse) {
        let mut unique = g.clone();
        unique.dedup();
        for x in unique {
            *df.entry(x).or_default() += 1.0;
        }
    }
    let n = (fine.len() + coarse.len()) as f64;
    let idf = |x: &Bigram| ((n + 1.0) / (df.get(x).copied().unwrap_or(0.0) + 1.0)).ln();
    let mut out = Vec::new();
    for (f, fg) in fine.iter().enumerate() {
        let fine_used = if a_is_fine { used(used_a, f) } else { used(used_b, f) };
        let total: f64 = fg.iter().map(idf).sum();
        if fine_used || total <= 0.0 {
            continue;
        }
        let mut best: Option<(usize, f64)> = None;
        let mut second = 0.0;
        for (c, cg) in coarse.iter().enumerate() {
            let v = containment(fg, cg, &idf) / total;
            match best {
                Some((_, b)) if v <= b => second = f64::max(second, v),
                _ => {
                    second = best.map_or(0.0, |(_, b)| b);
                    best = Some((c, v));
                }
            }
        }
        let Some((c, v)) = best else { continue };
        if v >= CONTINUES_THRESHOLD && v >= CONTINUES_MARGIN * second {
            let (i, j) = if a_is_fine { (f, c) } else { (c, f) };
            mark(used_a, i);
            mark(used_b, j);
            out.push((i, j, AlignedBy::Continues, v));
        }
    }
    out
}

/// Weight of the bigrams of `fine` also in `coarse` (both sorted multisets, each counted once per
/// occurrence on both sides).
fn containment(fine: &[Bigram], coarse: &[Bigram], weight: &dyn Fn(&Bigram) -> f64) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while let (Some(p), Some(q)) = (fine.get(i), coarse.get(j)) {
        match p.cmp(q) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += weight(p);
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// The measures of focus area `focus` not aligned yet.
fn unused_in_focus(ms: &[&Measure], used_ones: &[bool], focus: u8) -> Vec<usize> {
    (0..ms.len()).filter(|&i| !used(used_ones, i) && ms.get(i).is_some_and(|m| m.focus_no == Some(focus))).collect()
}

fn used(v: &[bool], i: usize) -> bool {
    v.get(i).copied().unwrap_or(true)
}

fn mark(v: &mut [bool], i: usize) {
    if let Some(x) = v.get_mut(i) {
        *x = true;
    }
}

/// Optimal one-to-one assignment between `rows` and `cols` maximising total similarity, keeping
/// pairs with similarity ≥ `threshold`. Returns (row item, column item, similarity).
pub(crate) fn assign(
    rows: &[usize],
    cols: &[usize],
    sim: &dyn Fn(usize, usize) -> f64,
    threshold: f64,
) -> Vec<(usize, usize, f64)> {
    use pathfinding::prelude::{kuhn_munkres, Matrix};
    if rows.is_empty() || cols.is_empty() {
        return vec![];
    }
    // kuhn_munkres needs rows ≤ columns: transpose when A is the longer side.
    let flip = rows.len() > cols.len();
    let (r, c) = if flip { (cols, rows) } else { (rows, cols) };
    let s = |x: usize, y: usize| if flip { sim(y, x) } else { sim(x, y) };
    let scores: Vec<Vec<f64>> = r.iter().map(|&x| c.iter().map(|&y| s(x, y)).collect()).collect();
    // Integer weights (kuhn_munkres needs Ord); pairs below the threshold weigh 0 so they never
    // displace a good pair.
    let weights: Vec<Vec<i64>> = scores
        .iter()
        .map(|row| row.iter().map(|&v| if v >= threshold { (v * 1_000_000.0).round() as i64 + 1 } else { 0 }).collect())
        .collect();
    let Ok(matrix) = Matrix::from_rows(weights) else { return vec![] };
    let (_, assignment) = kuhn_munkres(&matrix);
    let mut out = Vec::new();
    for (ri, &ci) in assignment.iter().enumerate() {
        let (Some(&x), Some(&y), Some(v)) = (r.get(ri), c.get(ci), scores.get(ri).and_then(|row| row.get(ci))) else {
            continue;
        };
        if *v >= threshold {
            out.push(if flip { (y, x, *v) } else { (x, y, *v) });
        }
    }
    out
}

/// Token-level changes from `a` to `b`, as merged runs.
pub fn inline_changes(vocabulary: &FirstChars, a: &str, b: &str) -> Vec<Change> {
    changes_between(vocabulary, (a, a), (b, b))
}

/// [`inline_changes`] of two texts each given as (printed, read): tokens are cut from and compared
/// as read (folded), and the runs cite the printed text at the same offsets.
fn changes_between<'a>(
    vocabulary: &FirstChars,
    (a, read_a): (&'a str, &'a str),
    (b, read_b): (&'a str, &'a str),
) -> Vec<Change> {
    use similar::{capture_diff_slices, Algorithm, DiffOp};
    let (ta, tb) = (tokens(vocabulary, a, read_a), tokens(vocabulary, b, read_b));
    let mut out: Vec<Change> = Vec::new();
    // Myers is O((N+M)·D): two long unrelated texts (a reader's plan) would take seconds. Past
    // MAX_DIFF_TOKENS the change is shown whole; the runs still rebuild both texts.
    if ta.spans.len() + tb.spans.len() > MAX_DIFF_TOKENS {
        if !a.is_empty() {
            out.push(Change { op: Op::Delete, text: a.to_string() });
        }
        if !b.is_empty() {
            out.push(Change { op: Op::Insert, text: b.to_string() });
        }
        return out;
    }
    let mut push = |op: Op, toks: &[&str]| {
        if toks.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.op == op => toks.iter().for_each(|t| last.text.push_str(t)),
            _ => out.push(Change { op, text: toks.concat() }),
        }
    };
    // Myers compares tokens many times over: as numbers, not as strings (native diffs 15% faster).
    let mut numbers: HashMap<&str, u32> = HashMap::new();
    let mut number = |(at, text): (&Span, &'a str)| {
        let next = numbers.len() as u32;
        *numbers.entry(text.get(at.start..at.end).unwrap_or_default()).or_insert(next)
    };
    let (na, nb): (Vec<u32>, Vec<u32>) = (
        ta.spans.iter().map(|s| number((s, read_a))).collect(),
        tb.spans.iter().map(|s| number((s, read_b))).collect(),
    );
    let (ta, tb) = (ta.printed, tb.printed);
    // Read alike but printed apart (a Traditional plan against a Simplified one): each side's runs
    // must still rebuild its own printed text, so such tokens are a deletion and an insertion.
    let printed_apart = a != read_a || b != read_b;
    for op in capture_diff_slices(Algorithm::Myers, &na, &nb) {
        match op {
            DiffOp::Equal { old_index, new_index, len } if printed_apart => {
                for (x, y) in run(&ta, old_index, len).iter().zip(run(&tb, new_index, len)) {
                    if x == y {
                        push(Op::Equal, &[x]);
                    } else {
                        push(Op::Delete, &[x]);
                        push(Op::Insert, &[y]);
                    }
                }
            }
            DiffOp::Equal { old_index, len, .. } => push(Op::Equal, run(&ta, old_index, len)),
            DiffOp::Delete { old_index, old_len, .. } => push(Op::Delete, run(&ta, old_index, old_len)),
            DiffOp::Insert { new_index, new_len, .. } => push(Op::Insert, run(&tb, new_index, new_len)),
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                push(Op::Delete, run(&ta, old_index, old_len));
                push(Op::Insert, run(&tb, new_index, new_len));
            }
        }
    }
    out
}

/// `len` tokens from `start` (as many as there are).
fn run<'t, 'a>(tokens: &'t [&'a str], start: usize, len: usize) -> &'t [&'a str] {
    let n = tokens.len();
    tokens.get(start.min(n)..start.saturating_add(len).min(n)).unwrap_or_default()
}

/// A text's tokens for the inline changes: the run-time segmenter's pieces of the text as read, and
/// the same pieces of the printed text, borrowed (a diff of two provincial plans compares thousands).
struct Tokens<'a> {
    spans: Vec<Span>,
    printed: Vec<&'a str>,
}

fn tokens<'a>(vocabulary: &FirstChars, printed: &'a str, read: &str) -> Tokens<'a> {
    let spans = vocabulary.segment(read);
    let printed = spans.iter().map(|s| printed.get(s.start..s.end).unwrap_or_default()).collect();
    Tokens { spans, printed }
}

/// A plan's department names, each as read (a reader's Traditional plan folded, as in
/// [`as_read`]) beside its name as printed, sorted by the first and one per reading.
fn read_departments(corpus: &Corpus, plan: &str, measures: &[&Measure]) -> Vec<(String, String)> {
    let folded = corpus.reads_folded(plan);
    let mut names: Vec<(String, String)> = measures
        .iter()
        .flat_map(|m| m.departments.iter())
        .map(|d| {
            let read = if folded { corpus.traditional.fold(&d.name).into_owned() } else { d.name.clone() };
            (read, d.name.clone())
        })
        .collect();
    crate::sort::sort_by(&mut names, |x, y| x.cmp(y));
    names.dedup_by(|later, first| later.0 == first.0);
    names
}

/// Names compared as read and shown as printed: a name both plans have is shown as A prints it.
fn compare_names(a: &[(String, String)], b: &[(String, String)]) -> SetCompare {
    let has = |names: &[(String, String)], read: &str| names.binary_search_by(|n| n.0.as_str().cmp(read)).is_ok();
    let printed = |names: &[(String, String)], other: &[(String, String)], shared: bool| -> Vec<String> {
        names.iter().filter(|n| has(other, &n.0) == shared).map(|n| n.1.clone()).collect()
    };
    SetCompare { shared: printed(a, b, true), only_a: printed(a, b, false), only_b: printed(b, a, false) }
}

fn set_compare(a: Set<String>, b: Set<String>) -> SetCompare {
    let part = |x: &Set<String>, y: &Set<String>, shared: bool| {
        x.iter().filter(|n| y.contains(*n) == shared).cloned().collect()
    };
    SetCompare { shared: part(&a, &b, true), only_a: part(&a, &b, false), only_b: part(&b, &a, false) }
}

/// Pair targets by indicator: fuzzy (bigram Dice of the normalised indicators, ≥ 0.5), one-to-one.
/// Targets paired by their indicators as compared (`read_a`, `read_b`: without glosses, folded).
fn compare_targets(ta: &[&Target], tb: &[&Target], read_a: &[String], read_b: &[String]) -> TargetCompare {
    let rows: Vec<usize> = (0..ta.len()).collect();
    let cols: Vec<usize> = (0..tb.len()).collect();
    let sim = |i: usize, j: usize| match (read_a.get(i), read_b.get(j)) {
        (Some(x), Some(y)) => similarity(x, y),
        _ => 0.0,
    };
    let matched = assign(&rows, &cols, &sim, INDICATOR_THRESHOLD);
    let mut pairs: Vec<TargetPair> = matched
        .iter()
        .filter_map(|&(i, j, score)| {
            let (a, b) = (ta.get(i)?, tb.get(j)?);
            let delta = (a.unit == b.unit).then_some(b.value - a.value);
            Some(TargetPair { a: (*a).clone(), b: (*b).clone(), score, delta })
        })
        .collect();
    crate::sort::sort_by(&mut pairs, |x, y| x.a.indicator.cmp(&y.a.indicator));
    let only_a = (0..ta.len())
        .filter(|i| !matched.iter().any(|m| m.0 == *i))
        .filter_map(|i| ta.get(i).map(|t| (*t).clone()))
        .collect();
    let only_b = (0..tb.len())
        .filter(|j| !matched.iter().any(|m| m.1 == *j))
        .filter_map(|j| tb.get(j).map(|t| (*t).clone()))
        .collect();
    TargetCompare { pairs, only_a, only_b }
}

/// An indicator without its parenthetical glosses: 万人发明专利拥有量（专利密度） → 万人发明专利拥有量.
fn strip_brackets(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    if out.trim().is_empty() {
        s.to_string()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dataset, Kind, Level, Plan};
    use crate::themes::Taxonomy;

    fn plan(id: &str) -> Plan {
        Plan {
            id: id.into(),
            region: id.into(),
            region_code: None,
            region_en: id.into(),
            level: Level::Province,
            kind: Kind::WorkPoints,
            year_start: 2018,
            year_end: 2018,
            title: String::new(),
            doc_number: None,
            source: String::new(),
        }
    }

    fn row(plan: &str, n: usize, focus: u8, item: &str, text: &str) -> Measure {
        Measure {
            id: format!("{plan}-{n:03}"),
            plan: plan.into(),
            no: None,
            chapter: String::new(),
            focus_no: Some(focus),
            work_item: Some(item.into()),
            title: None,
            text: Some(text.into()),
            departments: vec![],
            themes: vec![],
            lines: [0, 0],
        }
    }

    /// Two small table plans: the same work items worded differently, one item printed with
    /// different spacing and punctuation, a row that only fits by focus, and rows left over.
    fn tables() -> Corpus {
        let measures = vec![
            row("a", 1, 1, "探索开展知识产权综合管理改革试点", "搭建知识产权保护平台。"),
            row("a", 2, 2, "完善知识产权快速维权机制", "建设保护中心，提高维权效率。"),
            row("a", 3, 2, "完善知识产权快速维权机制", "建设家具快速维权中心。"),
            row("a", 4, 3, "专利导航", "开展产业专利导航项目十项。"),
            row("a", 5, 6, "其他", "举办知识产权宣传周活动。"),
            row("b", 1, 2, "完善知识产权 快速维权机制。", "建设灯饰快速维权中心。"),
            row("b", 2, 1, "探索开展知识产权综合管理改革试点", "完全不同的措辞。"),
            row("b", 3, 3, "推进专利导航工程", "开展产业专利导航项目二十项。"),
            row("b", 4, 4, "海外维权", "建立海外维权援助机制。"),
            row("a", 6, 1, "按国家有关规定，设置知识产权奖励项目", "开展发明专利奖评选。"),
            row("b", 5, 1, "按照国家有关规定设置知识产权奖励项目", "组织专利奖评审。"),
        ];
        let dataset = Dataset { plans: vec![plan("a"), plan("b")], measures, ..Default::default() };
        let taxonomy = Taxonomy::default();
        let index = crate::index::Index::build(&dataset.measures, |t| {
            // Two-character pieces are enough vocabulary for these tests.
            let chars: Vec<char> = t.chars().collect();
            chars.chunks(2).map(|c| c.iter().collect()).collect()
        });
        Corpus { dataset, taxonomy, index, theme_scores: vec![], english: None, ..Default::default() }
    }

    #[test]
    fn table_plans_align_by_work_item_then_by_focus() {
        let c = tables();
        let r = diff(&c, "a", "b", &DiffOptions::default()).unwrap();
        let by = |a: &str| r.pairs.iter().find(|p| p.a == a).map(|p| (p.b.as_str(), p.by));
        // Same work item, whatever the wording of the measures.
        assert_eq!(by("a-001"), Some(("b-002", AlignedBy::WorkItem)));
        // Two rows of one item in A, one in B: the closer text wins.
        assert_eq!(by("a-003"), Some(("b-001", AlignedBy::WorkItem)));
        // No shared item, same focus area, similar text.
        assert_eq!(by("a-004"), Some(("b-003", AlignedBy::Focus)));
        // Nearly the same item wording, unrelated measure wording.
        assert_eq!(by("a-006"), Some(("b-005", AlignedBy::WorkItem)));
        assert_eq!(r.only_a, ["a-002", "a-005"]);
        assert_eq!(r.only_b, ["b-004"]);
    }

    #[test]
    fn very_long_texts_are_shown_whole_and_still_rebuild() {
        let c = tables();
        let (a, b) = ("甲乙".repeat(MAX_DIFF_TOKENS), "丙丁".repeat(MAX_DIFF_TOKENS));
        let vocabulary = c.index.by_first_char();
        let changes = inline_changes(&vocabulary, &a, &b);
        assert_eq!(changes, [Change { op: Op::Delete, text: a.clone() }, Change { op: Op::Insert, text: b.clone() }]);
        assert_eq!(inline_changes(&vocabulary, "", ""), []);
    }

    #[test]
    fn assignment_is_optimal_not_greedy() {
        // Greedy would take (0,0)=0.9 and leave (1,1)=0.1; the optimum is (0,1)+(1,0) = 1.6.
        let m = [[0.9, 0.8], [0.8, 0.1]];
        let sim = |i: usize, j: usize| m[i][j];
        let mut got = assign(&[0, 1], &[0, 1], &sim, 0.0);
        crate::sort::sort_by_key(&mut got, |p| p.0);
        assert_eq!(got.iter().map(|p| (p.0, p.1)).collect::<Vec<_>>(), [(0, 1), (1, 0)]);
        // Unequal sides either way round, and the threshold.
        assert_eq!(assign(&[0, 1], &[1], &sim, 0.5).iter().map(|p| (p.0, p.1)).collect::<Vec<_>>(), [(0, 1)]);
        assert!(assign(&[1], &[1], &sim, 0.5).is_empty());
        assert!(assign(&[], &[0], &sim, 0.0).is_empty());
    }
}
