//! Segmentation and the BM25 index over measures (title, work item, text, chapter).
//!
//! **Build time** (native, feature `segment-jieba`): jieba-rs cuts every measure in search mode
//! (`cut_for_search`, HMM on), with the taxonomy's Chinese keywords added to its dictionary so that
//! 质押融资 or 地理标志 are terms of their own beside their parts; and two words the corpus says
//! together ([`jieba::Segmenter::collocations`]: 传统|知识, 遗传|资源) are a pair term beside
//! them ([`pair_term`]). The terms and postings are stored in [`Index`], which is `serde` so that
//! the wasm package ships it pre-built.
//!
//! **Run time** (native and wasm alike): queries, reader texts and diff tokens are segmented by
//! [`Index::segment`], a greedy longest match against the index's own vocabulary with a
//! single-character fallback; a reader's plan is indexed with its words' parts too, as search
//! mode gives them ([`Index::append`]). Native and wasm therefore segment queries identically, and the
//! wasm module does not carry jieba (about 200 KB gzipped for its code and HMM tables, plus a
//! dictionary; its `default-dict` feature also compiles zstd-sys, C code that fails for wasm32
//! without clang).
//!
//! Measured on the bundled corpus with `plan-compare segmentation` (see [`segmentation_report`]),
//! on the 4 prose plans / 228 measures parsed so far (the 2018 tables are not parsed yet; rerun
//! the command when they are):
//! - vocabulary: 2,153 terms, 17,930 bytes as a newline-separated list, 7,764 bytes gzipped
//!   (`plan-compare segmentation --terms | gzip -9 | wc -c`); the index ships the list anyway,
//!   so the matcher costs only its code (a few KB). jieba-rs 0.11 without its dictionary
//!   (`default-features = false`, HMM tables only), built for wasm32-unknown-unknown with opt-level
//!   "s", LTO and one codegen unit into a probe module that exports one `cut` call: 559,213 bytes,
//!   199,672 gzipped, against 9,644 / 4,192 for the same probe without jieba, i.e. about 195 KB
//!   gzipped for jieba alone, before any dictionary;
//! - recall against jieba's precise cut (HMM on) of measure texts: with every 5th measure held out
//!   of the vocabulary, the matcher reproduces 87.6% of jieba's 1,713 word tokens exactly; with the
//!   full vocabulary (what run time sees for the bundled corpus) 99.0% of 8,594;
//! - on a rough, throwaway parse of the 2018 tables (not committed; 34 plans, 1,126 measures) the
//!   vocabulary grows to 3,987 terms (32,157 bytes, 13,694 gzipped), held-out recall 88.6% of 3,808
//!   tokens, in-sample 95.2% of 17,981;
//! - the held-out misses are mostly words jieba joins (often by HMM) that the vocabulary lacks; the
//!   matcher splits them into known parts or single characters, which search still finds
//!   through the parts (and verbatim-phrase bonus).

use crate::model::Measure;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// BM25 parameters (the usual defaults).
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Longest term (in characters) the run-time matcher tries.
const MAX_MATCH_CHARS: usize = 12;

/// Field weights: a word in the title or work item says more about what a measure is about.
const W_TITLE: u16 = 2;
const W_WORK_ITEM: u16 = 2;
const W_TEXT: u16 = 1;
const W_CHAPTER: u16 = 1;

/// A document's weighted length as the index keeps it: in one byte, as Lucene keeps its norms.
/// Lengths below 32 are exact, longer ones are rounded down to within 1/16, which BM25's length
/// normalisation does not notice; a data directory's shards then carry one byte per posting for it
/// instead of a varint. [`length_of`] gives the length a code stands for.
pub fn length_code(len: u32) -> u8 {
    if len < 16 {
        return len as u8;
    }
    // len is in [16 << (e - 1), 32 << (e - 1)): four bits of mantissa after the leading one.
    let e = 32 - len.leading_zeros() - 4;
    let code = e * 16 + ((len >> (e - 1)) - 16);
    code.min(255) as u8
}

/// The length a [`length_code`] stands for.
pub fn length_of(code: u8) -> u32 {
    let (e, m) = (u32::from(code) / 16, u32::from(code) % 16);
    if e == 0 {
        m
    } else {
        (16 + m) << (e - 1)
    }
}

/// A length rounded as the index keeps it.
fn kept_length(len: u32) -> u32 {
    length_of(length_code(len))
}

/// Reserved pseudo-terms: a measure's themes, focus area, agency types, departments and work item
/// are indexed as terms `#theme:<id>`, `#focus:<n>`, `#agency:<type>`, `#unit:<name as printed>` and
/// `#work:<normalised work item>` (term frequency 1, not counted in the document length), so that
/// filters, facets and the theme boost read posting lists, not measure records. No real term can
/// look like one: jieba never joins an ASCII colon into a token, and the run-time segmenter keeps
/// only runs of letters and digits. The facet groups (agency, focus, theme) sort next to each other,
/// before the others, so that a reader fetches them in few shards.
pub const THEME_TERM: &str = "#theme:";
pub const FOCUS_TERM: &str = "#focus:";
pub const AGENCY_TERM: &str = "#agency:";
pub const UNIT_TERM: &str = "#unit:";
pub const WORK_TERM: &str = "#work:";

/// Whether a term is one of the reserved pseudo-terms.
pub fn is_pseudo(term: &str) -> bool {
    term.starts_with('#') && term.contains(':')
}

/// The pseudo-terms of a measure (see [`THEME_TERM`]), sorted and without repeats.
pub fn pseudo_terms(m: &Measure) -> Vec<String> {
    let mut out: Vec<String> = m.themes.iter().map(|t| format!("{THEME_TERM}{t}")).collect();
    out.extend(m.focus_no.map(|f| format!("{FOCUS_TERM}{f}")));
    for d in &m.departments {
        out.push(format!("{AGENCY_TERM}{}", d.agency));
        out.push(format!("{UNIT_TERM}{}", d.name));
    }
    if let Some(w) = m.work_item.as_deref().map(crate::query::normalize).filter(|w| !w.is_empty()) {
        out.push(format!("{WORK_TERM}{w}"));
    }
    crate::sort::sort(&mut out);
    out.dedup();
    out
}

/// A token of a text: byte range, so that the pieces rebuild the text exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// BM25 index over the measures of a dataset, in dataset order (document `i` is measure `i`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Index {
    /// Vocabulary, sorted (by `str` order); a term's id is its position.
    pub terms: Vec<String>,
    /// For each term: (document, weighted term frequency), by document.
    pub postings: Vec<Vec<(u32, u16)>>,
    /// Weighted length of each document, in tokens (pseudo-terms do not count).
    pub doc_len: Vec<u32>,
    /// Sum of `doc_len` (BM25's average length): kept apart so that a reader of a data directory,
    /// which learns each document's length from the postings it loads, knows the average at once.
    pub len_sum: u64,
    /// Longest term, in characters (bounds the run-time matcher).
    pub max_term_chars: u32,
}

/// `char::is_alphanumeric`, with the common case first: an ideograph of the CJK Unified
/// Ideographs block, which std looks up in its Unicode tables (a tenth of a native diff's time).
pub(crate) fn is_alphanumeric(c: char) -> bool {
    is_han(c) || c.is_alphanumeric()
}

/// An ideograph of the CJK Unified Ideographs block (U+4E00–U+9FFF): alphanumeric, and its own
/// lower case (a test checks both against std for every one).
pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// A letter or digit outside ASCII, an ideograph mostly: what Chinese words are made of.
pub(crate) fn is_cjk_word_char(c: char) -> bool {
    !c.is_ascii() && is_alphanumeric(c)
}

/// A Chinese word of two characters or more, each [`is_cjk_word_char`].
pub(crate) fn is_cjk_word(w: &str) -> bool {
    w.chars().count() >= 2 && w.chars().all(is_cjk_word_char)
}

/// Is this token worth indexing (has a letter, digit or CJK character)?
pub fn is_word(token: &str) -> bool {
    token.chars().any(is_alphanumeric)
}

/// A pair term: two words the corpus says together (a collocation), joined by a space. Search
/// reads it where a query or its translation has the two words one after the other, so that
/// 传统知识 ranks what says 传统知识 above what says 传统 and, apart, 知识 (in nearly every measure,
/// through 知识产权). The segmenter never matches it (it takes no spaces): texts, diffs and a
/// reader's plan are cut as without it, and it adds nothing to a document's length.
pub fn pair_term(first: &str, second: &str) -> String {
    format!("{first} {second}")
}

/// The [`pair_term`] of each two adjacent words, in order, whether an index has it or not.
pub fn adjacent_pairs(words: &[String]) -> impl Iterator<Item = String> + '_ {
    words.windows(2).filter_map(|w| match w {
        [a, b] => Some(pair_term(a, b)),
        _ => None,
    })
}

/// Whether a term is a [`pair_term`].
pub fn is_pair(term: &str) -> bool {
    term.contains(' ')
}

/// The fields of a measure with their weights.
fn fields(m: &Measure) -> [(Option<&str>, u16); 4] {
    [
        (m.title.as_deref(), W_TITLE),
        (m.work_item.as_deref(), W_WORK_ITEM),
        (m.text.as_deref(), W_TEXT),
        (Some(m.chapter.as_str()), W_CHAPTER),
    ]
}

impl Index {
    /// Build an index over `measures`, cutting each field with `cut` (e.g. jieba's search mode).
    pub fn build<F>(measures: &[Measure], mut cut: F) -> Index
    where
        F: FnMut(&str) -> Vec<String>,
    {
        use std::collections::BTreeMap;
        let mut tf: BTreeMap<String, BTreeMap<u32, u16>> = BTreeMap::new();
        let mut doc_len = Vec::with_capacity(measures.len());
        for (doc, m) in measures.iter().enumerate() {
            let doc = doc as u32;
            let mut len: u32 = 0;
            for (field, weight) in fields(m) {
                let Some(field) = field else { continue };
                for token in cut(field) {
                    if !is_word(&token) || is_pseudo(&token) {
                        continue;
                    }
                    let e = tf.entry(token.to_lowercase()).or_default().entry(doc).or_insert(0);
                    *e = e.saturating_add(weight);
                    if !is_pair(&token) {
                        len += u32::from(weight);
                    }
                }
            }
            for term in pseudo_terms(m) {
                tf.entry(term).or_default().insert(doc, 1);
            }
            doc_len.push(kept_length(len));
        }
        let max_term_chars = real_max_chars(tf.keys());
        let (terms, postings) = tf.into_iter().map(|(t, p)| (t, p.into_iter().collect())).unzip();
        let len_sum = doc_len.iter().map(|&l| u64::from(l)).sum();
        Index { terms, postings, doc_len, len_sum, max_term_chars }
    }

    /// The posting list of a term (empty when it is not in the vocabulary).
    pub fn postings_of(&self, term: &str) -> &[(u32, u16)] {
        self.term_id(term).and_then(|i| self.postings.get(i)).map_or(&[], Vec::as_slice)
    }

    /// The positions in the vocabulary of the terms that start with `prefix` (a contiguous run).
    pub fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let start = self.terms.partition_point(|t| t.as_str() < prefix);
        let end = start + self.terms.get(start..).unwrap_or_default().partition_point(|t| t.starts_with(prefix));
        start..end
    }

    pub fn term_id(&self, term: &str) -> Option<usize> {
        self.terms.binary_search_by(|t| t.as_str().cmp(term)).ok()
    }

    /// The [`pair_term`]s of adjacent words that the index has, in order.
    pub fn pairs_of(&self, words: &[String]) -> Vec<String> {
        adjacent_pairs(words).filter(|p| self.term_id(p).is_some()).collect()
    }

    pub fn doc_count(&self) -> usize {
        self.doc_len.len()
    }

    /// Document frequency of a term.
    pub fn df(&self, term: &str) -> usize {
        self.term_id(term).and_then(|i| self.postings.get(i)).map_or(0, Vec::len)
    }

    /// Inverse document frequency (BM25's, floored at a small positive value).
    pub fn idf(&self, term: &str) -> f32 {
        let n = self.doc_count() as f32;
        let df = self.df(term) as f32;
        (((n - df + 0.5) / (df + 0.5)) + 1.0).ln().max(0.01)
    }

    /// Lossless segmentation: spans that cover `text` exactly, in order. ASCII letters and digits
    /// form one token per run; other characters take the longest vocabulary term starting there,
    /// or stand alone.
    pub fn segment(&self, text: &str) -> Vec<Span> {
        self.segment_by(text, |c| self.prefix_range(c.encode_utf8(&mut [0; 4])))
    }

    /// The vocabulary's terms grouped by first character, to segment many texts in a row (a diff's
    /// inline changes): a lookup per character instead of a binary search of the whole vocabulary.
    pub fn by_first_char(&self) -> FirstChars<'_> {
        // Sorted (UTF-8 sorts as code points do), so a character's terms are contiguous and the
        // characters come in order: one entry per run, found by binary search.
        let mut ranges: Vec<(char, Range<usize>)> = Vec::new();
        for (i, c) in self.terms.iter().enumerate().filter_map(|(i, t)| Some((i, t.chars().next()?))) {
            match ranges.last_mut() {
                Some((last, range)) if *last == c => range.end = i + 1,
                _ => ranges.push((c, i..i + 1)),
            }
        }
        FirstChars { index: self, ranges }
    }

    /// [`Index::segment`], with `starting(c)` the positions of the terms that start with `c`.
    fn segment_by(&self, text: &str, starting: impl Fn(char) -> Range<usize>) -> Vec<Span> {
        let walk = Walk::new(text, self.max_term_chars);
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(&(start, c)) = walk.chars.get(i) {
            let mut next = i + 1;
            if c.is_ascii_alphanumeric() {
                next = walk.ascii_end(i);
            } else if is_alphanumeric(c) {
                // Grow the piece and narrow the range of terms it begins (sorted, so contiguous)
                // until none does: a few comparisons per character instead of one lookup per length.
                let Range { start: mut lo, end: mut hi } = starting(c);
                for n in 2..=walk.term_run(i) {
                    if lo >= hi {
                        break;
                    }
                    let piece = walk.piece(i, n);
                    let range = self.terms.get(lo..hi).unwrap_or_default();
                    lo += range.partition_point(|t| t.as_str() < piece);
                    let range = self.terms.get(lo..hi).unwrap_or_default();
                    hi = lo + range.partition_point(|t| t.starts_with(piece));
                    if lo < hi && self.terms.get(lo).is_some_and(|t| t == piece) {
                        next = i + n;
                    }
                }
            }
            out.push(Span { start, end: walk.byte_at(next) });
            i = next;
        }
        out
    }

    /// Every string whose presence in the vocabulary [`Index::segment`] may test on `text`, and every
    /// word [`Index::words`] may give for it, whatever the vocabulary: at each character, the pieces
    /// of 2 to `max_term_chars` characters starting there and the character alone (lower-cased);
    /// each run of ASCII letters and digits whole (lower-cased). A reader holding part of the
    /// vocabulary segments exactly once the vocabulary around these strings is loaded.
    pub fn probes(&self, text: &str) -> Vec<String> {
        let walk = Walk::new(text, self.max_term_chars);
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(&(_, c)) = walk.chars.get(i) {
            if c.is_ascii_alphanumeric() {
                let end = walk.ascii_end(i);
                out.push(walk.piece(i, end - i).to_lowercase());
                i = end;
                continue;
            }
            if is_alphanumeric(c) {
                out.push(c.to_lowercase().collect());
                out.extend((2..=walk.term_run(i)).map(|n| walk.piece(i, n).to_string()));
            }
            i += 1;
        }
        out
    }

    /// Merge a sorted run of terms (no repeats) with their postings into the vocabulary (a shard of a data
    /// directory as it arrives). A term already here keeps its postings after the run's: the
    /// run's documents come first (the directory's, before added plans'). Postings may be empty
    /// (a term known before its postings are loaded).
    pub fn merge_terms(&mut self, run: Vec<(String, Vec<(u32, u16)>)>) {
        let current = std::mem::take(&mut self.terms).into_iter().zip(std::mem::take(&mut self.postings));
        let mut current = current.peekable();
        let mut run = run.into_iter().peekable();
        loop {
            let order = match (current.peek(), run.peek()) {
                (Some((a, _)), Some((b, _))) => a.cmp(b),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => break,
            };
            let (term, postings) = match order {
                std::cmp::Ordering::Less => current.next(),
                std::cmp::Ordering::Greater => run.next(),
                std::cmp::Ordering::Equal => {
                    let (term, mut first) = run.next().unwrap_or_default();
                    first.extend(current.next().map(|(_, p)| p).unwrap_or_default());
                    Some((term, first))
                }
            }
            .unwrap_or_default();
            self.terms.push(term);
            self.postings.push(postings);
        }
    }

    /// The words of a text as the index sees them (lower-cased, punctuation and spaces dropped).
    pub fn words(&self, text: &str) -> Vec<String> {
        self.segment(text)
            .into_iter()
            .filter_map(|s| text.get(s.start..s.end))
            .filter(|t| is_word(t))
            .map(str::to_lowercase)
            .collect()
    }

    /// BM25 score of every document for weighted query terms (unknown terms add nothing).
    pub fn scores(&self, terms: &[(String, f32)]) -> Vec<f32> {
        self.combined(terms, |score: &mut f32, term| *score += term)
    }

    /// Per document, the sum and the best of its weighted BM25 term scores, in one pass: for terms
    /// that are spellings of one thing (a theme's synonyms), whose best should count more than
    /// the others.
    pub fn sum_and_best_scores(&self, terms: &[(String, f32)]) -> Vec<(f32, f32)> {
        self.combined(terms, |(sum, best): &mut (f32, f32), term| {
            *sum += term;
            *best = best.max(term);
        })
    }

    /// Every document's weighted BM25 term scores, folded into one by `fold`.
    fn combined<T: Copy + Default>(&self, terms: &[(String, f32)], fold: impl Fn(&mut T, f32)) -> Vec<T> {
        let n = self.doc_count();
        let mut scores = vec![T::default(); n];
        if n == 0 {
            return scores;
        }
        let avg = self.len_sum as f32 / n as f32;
        let avg = avg.max(1.0);
        for (term, weight) in terms {
            let Some(postings) = self.term_id(term).and_then(|i| self.postings.get(i)) else { continue };
            let idf = self.idf(term);
            for &(doc, tf) in postings {
                let (Some(score), Some(&len)) = (scores.get_mut(doc as usize), self.doc_len.get(doc as usize)) else {
                    continue;
                };
                let tf = f32::from(tf);
                fold(score, weight * idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len as f32 / avg)));
            }
        }
        scores
    }

    /// Add documents at the end (a reader's own plan at run time), segmented by [`Index::words`],
    /// with the index's pair terms of adjacent words: no jieba needed, so this works in wasm. Words
    /// new to the vocabulary are added to it.
    pub fn append(&mut self, measures: &[Measure]) {
        use std::collections::BTreeMap;
        for m in measures {
            let doc = self.doc_len.len() as u32;
            let mut counts: BTreeMap<String, u16> = BTreeMap::new();
            let mut len: u32 = 0;
            for (field, weight) in fields(m) {
                let words = field.map(|f| self.words(f)).unwrap_or_default();
                // The corpus's pair terms where the text says their words together (no length).
                for pair in self.pairs_of(&words) {
                    let e = counts.entry(pair).or_insert(0);
                    *e = e.saturating_add(weight);
                }
                let parts: Vec<String> = words.iter().flat_map(|w| self.parts_of(w)).collect();
                for word in words.into_iter().chain(parts) {
                    let e = counts.entry(word).or_insert(0);
                    *e = e.saturating_add(weight);
                    len += u32::from(weight);
                }
            }
            for term in pseudo_terms(m) {
                counts.insert(term, 1);
            }
            for (term, tf) in counts {
                match self.terms.binary_search_by(|t| t.as_str().cmp(&term)) {
                    Ok(i) => {
                        if let Some(p) = self.postings.get_mut(i) {
                            p.push((doc, tf));
                        }
                    }
                    Err(i) if i <= self.postings.len() => {
                        if !is_pseudo(&term) {
                            self.max_term_chars = self.max_term_chars.max(term.chars().count() as u32);
                        }
                        self.terms.insert(i, term);
                        self.postings.insert(i, vec![(doc, tf)]);
                    }
                    Err(_) => {}
                }
            }
            let len = kept_length(len);
            self.doc_len.push(len);
            self.len_sum += u64::from(len);
        }
    }

    /// The parts of a word that jieba's search mode indexes beside it, as the build cut the corpus
    /// ([`jieba::Segmenter::cut_for_search`]): its two-character pieces that are terms, when it
    /// has more than two characters, and its three-character ones, when it has more than three.
    /// So 质押 finds a reader's plan that says 质押融资, as it finds the corpus's own measures.
    fn parts_of(&self, word: &str) -> Vec<String> {
        let starts: Vec<usize> = word.char_indices().map(|(i, _)| i).chain([word.len()]).collect();
        let chars = starts.len() - 1;
        if word.is_ascii() || chars <= 2 {
            return Vec::new();
        }
        let mut parts = Vec::new();
        for n in [2, 3].into_iter().filter(|&n| chars > n) {
            for w in starts.windows(n + 1) {
                let piece = match (w.first(), w.last()) {
                    (Some(&a), Some(&b)) => word.get(a..b),
                    _ => None,
                };
                parts.extend(piece.filter(|p| self.term_id(p).is_some()).map(str::to_string));
            }
        }
        parts
    }

    /// Take documents `docs` out (the measures of a removed reader plan), renumbering later ones, and
    /// drop the terms only they used: appending then removing gives back the index as it was.
    pub fn remove_docs(&mut self, docs: std::ops::Range<usize>) {
        let (start, end) = (docs.start.min(self.doc_len.len()), docs.end.min(self.doc_len.len()));
        if start >= end {
            return;
        }
        let removed: u64 = self.doc_len.drain(start..end).map(u64::from).sum();
        self.len_sum = self.len_sum.saturating_sub(removed);
        let shift = (end - start) as u32;
        let (start, end) = (start as u32, end as u32);
        for p in &mut self.postings {
            p.retain(|&(d, _)| d < start || d >= end);
            for (d, _) in p.iter_mut() {
                if *d >= end {
                    *d -= shift;
                }
            }
        }
        let mut postings = std::mem::take(&mut self.postings).into_iter();
        let terms = std::mem::take(&mut self.terms);
        for (term, p) in terms.into_iter().zip(postings.by_ref()) {
            if !p.is_empty() {
                self.terms.push(term);
                self.postings.push(p);
            }
        }
        self.max_term_chars = real_max_chars(&self.terms);
    }

    /// The vocabulary as one term a line (what a run-time matcher must carry).
    pub fn term_list(&self) -> String {
        let mut s = String::new();
        for t in self.terms.iter().filter(|t| !is_pseudo(t)) {
            s.push_str(t);
            s.push('\n');
        }
        s
    }
}

/// The longest real term, in characters (pseudo-terms and pair terms are never matched against text).
pub fn real_max_chars<'a>(terms: impl IntoIterator<Item = &'a String>) -> u32 {
    terms.into_iter().filter(|t| !is_pseudo(t) && !is_pair(t)).map(|t| t.chars().count() as u32).max().unwrap_or(1)
}

/// jieba-rs, used at build time only.
#[cfg(feature = "segment-jieba")]
pub mod jieba {
    use super::{is_cjk_word, pair_term};
    use crate::model::Measure;
    use jieba_rs::Jieba;
    use std::collections::BTreeSet;

    /// See [`Segmenter::collocations`]: measures a pair must be in (at least, also as a share of
    /// all, and at most as a share), and how much more often than chance its words must meet.
    pub const MIN_COLLOCATION_MEASURES: usize = 2;
    pub const MIN_COLLOCATION_SHARE: f64 = 0.001;
    pub const MAX_COLLOCATION_SHARE: f64 = 0.05;
    pub const MIN_COLLOCATION_SCORE: f64 = 5.0;

    /// A jieba segmenter with extra words (the taxonomy's keywords) in its dictionary.
    pub struct Segmenter {
        jieba: Jieba,
    }

    impl Segmenter {
        pub fn new<'a>(extra_words: impl IntoIterator<Item = &'a str>) -> Segmenter {
            let mut jieba = Jieba::new();
            for w in extra_words {
                if w.chars().count() >= 2 && !w.is_ascii() {
                    jieba.add_word(w, None, None);
                }
            }
            Segmenter { jieba }
        }

        /// Search-mode cut: words plus their dictionary sub-words (知识产权 → 知识, 产权, 知识产权).
        pub fn cut_for_search(&self, text: &str) -> Vec<String> {
            self.jieba.cut_for_search(text, true).into_iter().map(|t| t.word.to_string()).collect()
        }

        /// Precise-mode cut, as spans of characters (start, end).
        pub fn cut_spans(&self, text: &str) -> Vec<(usize, usize, String)> {
            self.jieba.cut(text, true).into_iter().map(|t| (t.start, t.end, t.word.to_string())).collect()
        }

        /// The index's cut: search mode, plus the [`pair_term`] of two adjacent words wherever it
        /// is one of `collocations` (传统|知识 → 传统 知识, beside 传统 and 知识).
        pub fn cut_for_index(&self, text: &str, collocations: &BTreeSet<String>) -> Vec<String> {
            let mut out = self.cut_for_search(text);
            let words: Vec<String> = self.jieba.cut(text, true).into_iter().map(|t| t.word.to_string()).collect();
            out.extend(super::adjacent_pairs(&words).filter(|p| collocations.contains(p)));
            out
        }

        /// Two words the measures say together, as [`pair_term`]s: 传统 知识 (traditional
        /// knowledge), 遗传 资源, 中华 传统. A pair qualifies when:
        /// - its words are CJK words of two or more characters each, adjacent in jieba's precise
        ///   cut of a title, work item or text;
        /// - it is in at least [`MIN_COLLOCATION_MEASURES`] measures and [`MIN_COLLOCATION_SHARE`]
        ///   of them (a corpus 100 times larger needs a pair 100 times as often: one that a few
        ///   plans of thousands share is no term), and in at most [`MAX_COLLOCATION_SHARE`];
        /// - its words meet more than chance says: (measures with the pair − 1) × all measures ÷
        ///   (measures with the first word × measures with the second) ≥ [`MIN_COLLOCATION_SCORE`]
        ///   (word2vec's phrase score, over measures).
        pub fn collocations(&self, measures: &[Measure]) -> BTreeSet<String> {
            use std::collections::BTreeMap;
            // Per word and per pair: the last measure that had it, and how many did.
            let mut words: BTreeMap<String, (usize, usize)> = BTreeMap::new();
            let mut pairs: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
            let count = |seen: &mut (usize, usize), doc: usize| {
                if seen.1 == 0 || seen.0 != doc {
                    *seen = (doc, seen.1 + 1);
                }
            };
            for (doc, m) in measures.iter().enumerate() {
                for text in [&m.title, &m.work_item, &m.text].into_iter().flatten() {
                    let cut: Vec<String> =
                        self.jieba.cut(text, true).into_iter().map(|t| t.word.to_lowercase()).collect();
                    for w in &cut {
                        count(words.entry(w.clone()).or_default(), doc);
                    }
                    for pair in cut.windows(2) {
                        if let [a, b] = pair {
                            if is_cjk_word(a) && is_cjk_word(b) {
                                count(pairs.entry((a.clone(), b.clone())).or_default(), doc);
                            }
                        }
                    }
                }
            }
            let n = measures.len() as f64;
            let least = MIN_COLLOCATION_MEASURES.max((n * MIN_COLLOCATION_SHARE).ceil() as usize);
            let most = (n * MAX_COLLOCATION_SHARE).ceil() as usize;
            let df = |w: &String| words.get(w).map_or(0, |s| s.1) as f64;
            pairs
                .into_iter()
                .filter(|(_, (_, m))| (least..=most).contains(m))
                .filter(|((a, b), (_, m))| (*m as f64 - 1.0) * n >= MIN_COLLOCATION_SCORE * df(a) * df(b))
                .map(|((a, b), _)| pair_term(&a, &b))
                .collect()
        }
    }
}

/// [`Index::by_first_char`]: segments as the index does, while it is borrowed (so unchanged).
pub struct FirstChars<'a> {
    index: &'a Index,
    ranges: Vec<(char, Range<usize>)>,
}

impl FirstChars<'_> {
    pub fn segment(&self, text: &str) -> Vec<Span> {
        let found = |c| self.ranges.binary_search_by_key(&c, |r| r.0).ok().and_then(|i| self.ranges.get(i));
        self.index.segment_by(text, |c| found(c).map_or(0..0, |r| r.1.clone()))
    }
}

/// A text's characters as [`Index::segment`] and [`Index::probes`] walk them, so that both test
/// the same pieces.
struct Walk<'a> {
    text: &'a str,
    chars: Vec<(usize, char)>,
    max: usize,
}

impl<'a> Walk<'a> {
    fn new(text: &'a str, max_term_chars: u32) -> Walk<'a> {
        let max = (max_term_chars as usize).clamp(1, MAX_MATCH_CHARS);
        Walk { text, chars: text.char_indices().collect(), max }
    }

    fn byte_at(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.text.len(), |&(b, _)| b)
    }

    /// The `n` characters from character `i`.
    fn piece(&self, i: usize, n: usize) -> &'a str {
        self.text.get(self.byte_at(i)..self.byte_at(i + n)).unwrap_or_default()
    }

    /// Where the run of ASCII letters and digits at character `i` ends.
    fn ascii_end(&self, i: usize) -> usize {
        let run = self.chars.get(i..).unwrap_or_default().iter();
        i + run.take_while(|&&(_, c)| c.is_ascii_alphanumeric()).count()
    }

    /// How many characters from `i` a term may span: non-ASCII letters and digits, at most the
    /// vocabulary's longest term.
    fn term_run(&self, i: usize) -> usize {
        let run = self.chars.get(i..).unwrap_or_default().iter().take(self.max);
        run.take_while(|&&(_, c)| is_cjk_word_char(c)).count()
    }
}

/// Figures for the segmentation decision: vocabulary size and how much of jieba's segmentation
/// the run-time matcher reproduces.
#[derive(Debug, Clone, Serialize)]
pub struct SegmentationReport {
    pub measures: usize,
    pub terms: usize,
    pub term_list_bytes: usize,
    /// Share of jieba's (precise-mode) word tokens of held-out measures that the matcher
    /// reproduces exactly, with a vocabulary built from the other measures.
    pub held_out_recall: f64,
    pub held_out_tokens: usize,
    /// The same over all measures with the full vocabulary.
    pub in_sample_recall: f64,
    pub in_sample_tokens: usize,
}

/// Compare the run-time matcher with jieba on the measures' texts. Every 5th measure is held out.
#[cfg(feature = "segment-jieba")]
pub fn segmentation_report(measures: &[Measure], seg: &jieba::Segmenter) -> SegmentationReport {
    let full = Index::build(measures, |t| seg.cut_for_search(t));
    let train: Vec<Measure> = measures.iter().enumerate().filter(|(i, _)| i % 5 != 4).map(|(_, m)| m.clone()).collect();
    let held: Vec<&Measure> = measures.iter().enumerate().filter(|(i, _)| i % 5 == 4).map(|(_, m)| m).collect();
    let partial = Index::build(&train, |t| seg.cut_for_search(t));
    let recall = |index: &Index, ms: &[&Measure]| {
        let (mut hit, mut all) = (0usize, 0usize);
        for m in ms {
            let Some(text) = m.text.as_deref() else { continue };
            let mine: std::collections::HashSet<(usize, usize)> = index
                .segment(text)
                .into_iter()
                .map(|s| (text[..s.start].chars().count(), text[..s.end].chars().count()))
                .collect();
            for (start, end, word) in seg.cut_spans(text) {
                if !is_word(&word) {
                    continue;
                }
                all += 1;
                if mine.contains(&(start, end)) {
                    hit += 1;
                }
            }
        }
        (if all == 0 { 0.0 } else { hit as f64 / all as f64 }, all)
    };
    let (held_out_recall, held_out_tokens) = recall(&partial, &held);
    let all: Vec<&Measure> = measures.iter().collect();
    let (in_sample_recall, in_sample_tokens) = recall(&full, &all);
    SegmentationReport {
        measures: measures.len(),
        terms: full.terms.len(),
        term_list_bytes: full.term_list().len(),
        held_out_recall,
        held_out_tokens,
        in_sample_recall,
        in_sample_tokens,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn the_han_shortcut_answers_as_std_for_every_ideograph_of_its_block() {
        for c in ('\u{4e00}'..='\u{9fff}').chain(['a', 'Z', '7', '，', '（', 'Ⅷ', '\u{3400}', '\u{a000}']) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            if is_han(c) {
                assert!(c.to_lowercase().eq([c]), "{c:?}");
            }
        }
        assert!(!is_han('\u{4dff}') && !is_han('\u{a000}'));
    }

    fn measure() -> Measure {
        Measure {
            id: String::new(),
            plan: String::new(),
            no: None,
            chapter: String::new(),
            focus_no: None,
            work_item: None,
            title: None,
            text: None,
            departments: vec![],
            themes: vec![],
            lines: [0, 0],
        }
    }

    fn tiny() -> Index {
        let m = |text: &str| Measure { text: Some(text.to_string()), ..measure() };
        let ms = vec![m("知识产权 质押 融资"), m("地理标志 保护"), m("专利 质押")];
        Index::build(&ms, |t| t.split(' ').map(str::to_string).collect())
    }

    #[test]
    fn sum_and_best_scores_add_each_documents_term_scores_and_take_the_best() {
        let idx = tiny();
        let terms = [("质押".to_string(), 1.0), ("融资".to_string(), 0.5), ("保护".to_string(), 1.0)];
        let one = |t: usize| idx.scores(&terms[t..=t]);
        let (sum, both) = (idx.scores(&terms), idx.sum_and_best_scores(&terms));
        for doc in 0..3 {
            let each: Vec<f32> = (0..3).map(|t| one(t)[doc]).collect();
            assert!((sum[doc] - each.iter().sum::<f32>()).abs() < 1e-6, "{doc}");
            assert_eq!(both[doc].0, sum[doc], "{doc}");
            assert_eq!(both[doc].1, each.iter().copied().fold(0.0, f32::max), "{doc}");
        }
        // The first document has two of the terms: their best is below their sum, above zero.
        assert!(0.0 < both[0].1 && both[0].1 < sum[0]);
    }

    #[test]
    fn pair_terms_are_searched_never_segmented_and_count_no_length() {
        let m = |text: &str| Measure { text: Some(text.to_string()), ..measure() };
        let ms = vec![m("保护 传统 知识"), m("传统 工艺")];
        let cut = |t: &str| {
            let mut words: Vec<String> = t.split(' ').map(str::to_string).collect();
            words.extend((t == "保护 传统 知识").then(|| pair_term("传统", "知识")));
            words
        };
        let mut idx = Index::build(&ms, cut);
        assert_eq!(idx.df("传统 知识"), 1);
        assert_eq!(idx.doc_len, [3, 2]);
        assert_eq!(idx.max_term_chars, 2);
        assert_eq!(idx.words("保护传统知识"), ["保护", "传统", "知识"]);
        let words = idx.words("传统知识保护");
        assert_eq!(idx.pairs_of(&words), ["传统 知识"]);
        // A reader's plan gets the pair where its text says the two words together.
        idx.append(&[m("整理传统知识"), m("知识传统")]);
        assert_eq!(idx.postings_of("传统 知识"), [(0, 1), (2, 1)]);
        assert_eq!(idx.doc_len[2], 4, "整, 理, 传统, 知识; the pair adds no length");
    }

    #[test]
    fn a_reader_plan_is_indexed_by_the_parts_of_its_words_as_jieba_search_mode_does() {
        let m = |text: &str| Measure { text: Some(text.to_string()), ..measure() };
        // The corpus as jieba's search mode cut it: 知识产权质押融资 → its words and their parts.
        let cut = |t: &str| t.split(' ').map(str::to_string).collect();
        let mut idx = Index::build(&[m("质押 融资 质押融资 知识 产权 知识产权 产权质押")], cut);
        idx.append(&[m("推进知识产权质押融资")]);
        // Longest match: 推, 进, 知识产权, 质押融资. Their two-character parts that are terms
        // (知识, 产权, 质押, 融资) come too; 权质 is no term, and 产权质押 spans two words.
        for part in ["知识产权", "知识", "产权", "质押融资", "质押", "融资"] {
            assert_eq!(idx.postings_of(part), [(0, 1), (1, 1)], "{part}");
        }
        assert_eq!(idx.postings_of("产权质押"), [(0, 1)]);
        assert_eq!(idx.doc_len[1], 8, "推, 进, two words and four parts");
        // A three-character part of a longer word, as jieba's search mode gives it.
        let mut idx = Index::build(&[m("知识产权局 产权局 产权 知识产权")], cut);
        idx.append(&[m("省知识产权局")]);
        assert_eq!(idx.postings_of("产权局"), [(0, 1), (1, 1)]);
        assert_eq!(idx.postings_of("知识产权"), [(0, 1)], "four characters: no part of a five-character word");
        assert_eq!(idx.postings_of("产权"), [(0, 1), (1, 1)]);
    }

    #[cfg(feature = "segment-jieba")]
    #[test]
    fn collocations_are_pairs_of_words_said_together_more_than_chance() {
        let seg = jieba::Segmenter::new([]);
        let m = |text: &str| Measure { text: Some(text.to_string()), ..measure() };
        // 60 measures on other things, three that say 传统知识 (jieba: 传统|知识), and 知识 alone.
        let filler = ["加强专利审查", "推进商标注册", "开展版权登记", "完善执法体系", "培养专业人才"];
        let mut ms: Vec<Measure> = (0..60).map(|i| m(filler[i % filler.len()])).collect();
        ms.extend(["保护传统知识", "整理传统知识资源", "建立传统知识数据库", "普及法律知识"].map(m));
        let found = seg.collocations(&ms);
        assert!(found.contains("传统 知识"), "{found:?}");
        // The fillers are each in 12 measures (over 5%), and 法律知识 is in one.
        assert!(found.iter().all(|p| p.starts_with("传统 ") || p.ends_with(" 传统")), "{found:?}");
        let index = Index::build(&ms, |t| seg.cut_for_index(t, &found));
        assert_eq!((index.df("传统 知识"), index.df("传统"), index.df("知识")), (3, 3, 4));
        // Twice as common, the same words meet no more than chance: no pair.
        let mut common = ms.clone();
        common.extend((0..60).map(|_| m("传统产业升级，知识普及")));
        assert!(!seg.collocations(&common).contains("传统 知识"));
        // Three measures of over 3,000 are too few (MIN_COLLOCATION_SHARE).
        ms.extend((0..3000).map(|i| m(filler[i % filler.len()])));
        assert!(!seg.collocations(&ms).contains("传统 知识"));
    }

    #[test]
    fn segment_covers_the_text_and_takes_longest_terms() {
        let idx = tiny();
        let text = "推进知识产权质押融资，PCT申请 4·26！";
        let spans = idx.segment(text);
        let rebuilt: String = spans.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(rebuilt, text);
        assert_eq!(idx.words(text), ["推", "进", "知识产权", "质押", "融资", "pct", "申", "请", "4", "26"]);
    }

    #[test]
    fn probes_hold_every_piece_segment_tests_and_every_word_it_gives() {
        let full = tiny();
        let text = "推进知识产权质押融资，PCT申请 4·26！Ⅱ";
        let probes = full.probes(text);
        for w in full.words(text) {
            assert!(probes.contains(&w), "{w}");
        }
        // A vocabulary cut to the probes' terms segments as the whole one.
        let mut part = Index { max_term_chars: full.max_term_chars, ..Default::default() };
        let run = full.terms.iter().zip(&full.postings).filter(|(t, _)| probes.contains(t));
        part.merge_terms(run.map(|(t, p)| (t.clone(), p.clone())).collect());
        assert!(part.terms.len() < full.terms.len());
        assert_eq!(part.segment(text), full.segment(text));
        assert!(probes.contains(&"知识产权".to_string()) && probes.contains(&"pct".to_string()));
    }

    /// The longest term at each character by trying every length, longest first (what `segment`
    /// did before it narrowed a range of terms): the reference for the property below.
    fn segment_by_lookup(idx: &Index, text: &str) -> Vec<Span> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
        let max = (idx.max_term_chars as usize).clamp(1, MAX_MATCH_CHARS);
        let (mut out, mut i) = (Vec::new(), 0);
        while let Some(&(start, c)) = chars.get(i) {
            let mut next = i + 1;
            if c.is_ascii_alphanumeric() {
                while chars.get(next).is_some_and(|&(_, c)| c.is_ascii_alphanumeric()) {
                    next += 1;
                }
            } else if c.is_alphanumeric() {
                next += (2..=max.min(chars.len() - i))
                    .rev()
                    .find(|&n| {
                        let piece = &text[start..byte_at(i + n)];
                        piece.chars().all(|c| c.is_alphanumeric() && !c.is_ascii()) && idx.term_id(piece).is_some()
                    })
                    .map_or(0, |n| n - 1);
            }
            out.push(Span { start, end: byte_at(next) });
            i = next;
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn segment_takes_the_longest_term_as_trying_every_length_does(text in "[知识产权质押融资专利导航，a1 ]{0,30}") {
            // Terms that are prefixes of others (知识, 知识产权) and overlap (产权, 权质).
            let m = Measure { text: Some("知识 知识产权 产权 权质 质押融资 专利导航 导航 识".into()), ..measure() };
            let idx = Index::build(&[m, Measure { text: Some("专利 质押".into()), ..measure() }], |t| {
                t.split(' ').map(str::to_string).collect()
            });
            proptest::prop_assert!(idx.terms.len() > tiny().terms.len());
            proptest::prop_assert_eq!(idx.segment(&text), segment_by_lookup(&idx, &text));
            proptest::prop_assert_eq!(idx.by_first_char().segment(&text), idx.segment(&text));
        }

        #[test]
        fn a_kept_length_is_within_a_sixteenth_below_and_round_trips(len in 0u32..524_288, other in 0u32..1_000_000) {
            let kept = kept_length(len);
            proptest::prop_assert!(kept <= len && (len - kept) * 16 <= len, "{len} kept as {kept}");
            proptest::prop_assert_eq!(kept_length(kept), kept);
            proptest::prop_assert_eq!(length_of(length_code(kept)), kept);
            // Order is kept: a longer document never gets a shorter length.
            proptest::prop_assert!(len > other || kept <= kept_length(other));
        }
    }

    #[test]
    fn lengths_below_32_are_exact_and_every_code_is_its_own() {
        for len in 0..32 {
            assert_eq!(kept_length(len), len);
        }
        for code in 0..=255u8 {
            assert_eq!(length_code(length_of(code)), code);
        }
        // Beyond what a byte holds (no measure comes near), lengths stop growing.
        assert_eq!(kept_length(u32::MAX), length_of(255));
    }

    proptest::proptest! {
        /// Runs merged one by one, in any order, give the index that holds them all: terms sorted,
        /// once each, with the postings of the runs merged later first.
        #[test]
        fn runs_merged_in_any_order_make_one_sorted_vocabulary(
            runs in proptest::collection::vec(proptest::collection::btree_set("[a-e]{1,3}", 0..8), 0..6),
        ) {
            let mut idx = Index::default();
            let mut want: BTreeMap<String, Vec<(u32, u16)>> = BTreeMap::new();
            for (k, run) in runs.iter().enumerate() {
                let run: Vec<(String, Vec<(u32, u16)>)> = run.iter().map(|t| (t.clone(), vec![(k as u32, 1)])).collect();
                for (t, p) in &run {
                    let e = want.entry(t.clone()).or_default();
                    e.splice(0..0, p.iter().copied());
                }
                idx.merge_terms(run);
            }
            proptest::prop_assert_eq!(idx.terms, want.keys().cloned().collect::<Vec<_>>());
            proptest::prop_assert_eq!(idx.postings, want.into_values().collect::<Vec<_>>());
        }
    }

    #[test]
    fn merging_puts_a_runs_postings_first_and_keeps_the_order() {
        let mut idx = tiny();
        let whole = idx.clone();
        let (terms, postings) = (std::mem::take(&mut idx.terms), std::mem::take(&mut idx.postings));
        let mut run: Vec<(String, Vec<(u32, u16)>)> = terms.into_iter().zip(postings).collect();
        let odd: Vec<_> = run.iter().skip(1).step_by(2).cloned().collect();
        run.retain(|x| !odd.contains(x));
        idx.merge_terms(odd);
        idx.merge_terms(run);
        assert_eq!(idx, whole);
        idx.merge_terms(vec![("专".into(), vec![]), ("专利".into(), vec![(0, 1)])]);
        assert_eq!(idx.postings_of("专利"), [(0, 1), (2, 1)]);
        assert_eq!(idx.term_id("专"), Some(0));
    }

    #[test]
    fn bm25_prefers_documents_with_the_rarer_term() {
        let idx = tiny();
        let s = idx.scores(&[("质押".into(), 1.0), ("融资".into(), 1.0)]);
        assert!(s[0] > s[2] && s[2] > 0.0 && s[1] == 0.0, "{s:?}");
        assert!(idx.scores(&[("不存在".into(), 1.0)]).iter().all(|&x| x == 0.0));
    }
}
