//! `search`: ranked free-text search in Chinese or English, with synonyms from the taxonomy.
//!
//! A query becomes weighted phrases, then index terms:
//! - Chinese runs of the query, as typed (weight 1);
//! - English, translated literally: a small glossary turns common IP words into Chinese (weight 1;
//!   two in a row also joined, 专利审查 for "patent examination"), and CC-CEDICT cut to the corpus
//!   (`src/english.rs`), when the corpus has it, the other words at [`DICTIONARY_WEIGHT`] times the
//!   entry's weight;
//! - English, by theme: the taxonomy's `keywords_en` route the query to themes, whose `keywords_zh`
//!   become phrases: at weight 1 when the words that named the theme have no literal translation,
//!   else at [`SYNONYM_WEIGHT`], but 1 for a keyword that is such a translation ("Greater Bay
//!   Area": 大湾区 at 1, the other regions at 0.4) or that the taxonomy pairs with the English
//!   keyword (`en_zh`: "belt and road" is 一带一路);
//! - equivalents: another form of a typed or glossary phrase (`equivalents_zh` in the taxonomy:
//!   地标 is 地理标志, 版权 is 著作权), searched as typed but at [`EQUIVALENT_WEIGHT`];
//! - synonyms: a Chinese query that contains a theme keyword adds the theme's other keywords
//!   (weight [`SYNONYM_WEIGHT`]), so 专利质押 also finds 质押融资 and 知识产权质押.
//!
//! A measure's score is BM25 over the phrases' terms (title and work item count double), plus a
//! bonus per phrase whose index words the measure all has (co-occurrence: what the index can tell
//! of "contains the phrase"); of a theme's synonyms, and of one English word's dictionary
//! translations, the best counts fully and the others at `SYNONYM_TIE` (dis_max), plus a boost
//! when the measure is tagged with a query theme (read from the index's `#theme:` pseudo-terms).
//! Ranking reads the index only, never measure text: a reader of a data directory ranks from
//! shards and fetches the records of the page alone.
//! When the query has distinctive terms (in at most [`DISTINCT_SHARE`] of the measures), only
//! measures with at least one of them are hits; common words (知识产权, 专利, 加强) only rank.
//! A plan's score is the sum of its matching measures' scores (over all matches, not the page).

use super::filter::{Facets, FilterOptions, Selection};
use super::{check_limit, check_text, page, Corpus, QueryError, MAX_QUERY_CHARS};
use crate::index::THEME_TERM;
use crate::model::{Measure, Plan};
use crate::sort::Map;
use crate::themes::CharBits;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Weight of a synonym phrase taken from a theme the query names.
pub const SYNONYM_WEIGHT: f32 = 0.4;
/// Share of measures above which a word from an expansion phrase is too common to search for.
pub const COMMON_SHARE: f64 = 0.05;
/// Weight of a known part of a typed compound word, relative to the word.
const PART_WEIGHT: f32 = 0.5;
/// Share of measures up to which a term is distinctive (see `search`).
pub const DISTINCT_SHARE: f64 = 0.2;
/// Bonus per phrase a measure has all the words of (times the phrase weight).
const PHRASE_BONUS: f32 = 3.0;
/// Weight of a dictionary phrase (times the entry's own weight): a guess, below what the reader typed.
pub const DICTIONARY_WEIGHT: f32 = 0.6;
/// What a theme's synonyms other than a measure's best one add, as a share of their scores: a
/// measure that names several is more about the theme, but less than their sum says (Lucene's
/// dis_max tie breaker).
const SYNONYM_TIE: f32 = 0.3;
/// Boost for a measure tagged with a theme the query is about.
const THEME_BOOST: f32 = 2.0;
/// Weight of another form of a typed phrase (地理标志 for 地标), times the phrase's: just below
/// the typed form, so that a rarer form's higher idf does not rank it above what was asked.
pub const EQUIVALENT_WEIGHT: f32 = 0.7;
/// Translations of each word that [`joined_words`] joins whether the corpus says them together or not.
const JOINED_FIRST: usize = 2;

/// English → Chinese for common IP words that are not (only) theme keywords: `data/glossary.tsv`
/// (its format: `docs/data-format.md`, "The English dictionary").
const GLOSSARY_TSV: &str = include_str!("../../data/glossary.tsv");

/// The glossary's entries: (English, Chinese terms), read once from [`GLOSSARY_TSV`], longest
/// English first. A line without a tab or a Chinese term is skipped (a unit test refuses any).
fn glossary_entries() -> &'static [(&'static str, Vec<&'static str>)] {
    static ENTRIES: std::sync::OnceLock<Vec<(&'static str, Vec<&'static str>)>> = std::sync::OnceLock::new();
    ENTRIES.get_or_init(|| {
        let mut entries: Vec<(&str, Vec<&str>)> = GLOSSARY_TSV
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(en, zh)| (en.trim(), zh.split(',').map(str::trim).filter(|t| !t.is_empty()).collect::<Vec<_>>()))
            .filter(|(en, zh)| !en.is_empty() && !zh.is_empty())
            .collect();
        crate::sort::sort_by_key(&mut entries, |(en, _)| std::cmp::Reverse(en.len()));
        entries
    })
}

/// Each glossary entry's first word (empty when it starts with no letter or digit), in the order of
/// [`glossary_entries`]: found once, not at every query.
fn glossary_first_words() -> &'static [&'static str] {
    static FIRST: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    FIRST.get_or_init(|| {
        let first = |en: &'static str| en.split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or_default();
        glossary_entries().iter().map(|(en, _)| first(en)).collect()
    })
}

/// The glossary's Chinese terms, each once: words of jieba's dictionary when the index is built, so
/// that one the corpus says is an index term (专利池, "patent pool", would else be 专利 and 池).
#[cfg(feature = "segment-jieba")]
pub(crate) fn glossary_terms() -> impl Iterator<Item = &'static str> {
    let mut terms: Vec<&'static str> = glossary_entries().iter().flat_map(|(_, zh)| zh.iter().copied()).collect();
    crate::sort::sort(&mut terms);
    terms.dedup();
    terms.into_iter()
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
pub struct SearchOptions {
    /// Restrict to these plan ids (empty: all).
    pub plans: Vec<String>,
    /// Restrict to measures tagged with any of these themes (empty: all).
    pub themes: Vec<String>,
    /// Further restrictions with the meaning of the same fields of [`FilterOptions`].
    pub regions: Vec<String>,
    pub levels: Vec<String>,
    pub years: Vec<u16>,
    pub kinds: Vec<String>,
    pub focus: Vec<u8>,
    pub agencies: Vec<String>,
    pub offset: usize,
    /// Page size: default 20, at most 1000.
    pub limit: Option<usize>,
    /// Turn off synonym expansion from the taxonomy (default: on).
    pub no_synonyms: bool,
    /// Leave `facets` empty (default: counted). Facets read the theme, agency and focus postings of
    /// the whole corpus: a reader of a data directory that does not show them fetches less.
    pub no_facets: bool,
    /// How many plans `plans` lists, best first: default [`DEFAULT_PLAN_LIMIT`]. A query on a
    /// national corpus matches measures of thousands of plans; a page shows a few.
    pub plan_limit: Option<usize>,
}

/// `SearchOptions::plan_limit` when none is given: more than the bundled corpus's 35 plans, so its
/// answers list every plan with a match.
pub const DEFAULT_PLAN_LIMIT: usize = 100;

/// A phrase the query was turned into, with where it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct QueryPhrase {
    pub text: String,
    pub weight: f32,
    /// `query`, `glossary`, `dictionary`, `joined` (two words in a row translated one by one, said
    /// together: 版权贸易 for "copyright trade"), `equivalent` (another form of a typed or
    /// glossary phrase, from the taxonomy's `equivalents_zh`), or `theme:<id>`.
    pub from: String,
    /// A join's two translations as the index's pair term (`专利 信息`): with the join whole, all
    /// it is searched as, so that its text need not be segmented.
    #[serde(skip)]
    pub(crate) pair: Option<String>,
    /// For a dictionary translation of one English word, that word's byte offset in the query: a
    /// word's translations are other names of one thing, and count as one term (dis_max).
    #[serde(skip)]
    pub(crate) word: Option<usize>,
}

impl QueryPhrase {
    /// The index terms a join is found as: its text whole and its pair term (none for other phrases).
    pub(crate) fn join_terms(&self) -> Option<[&str; 2]> {
        self.pair.as_deref().map(|pair| [self.text.as_str(), pair])
    }
}

// Serialised as a [`PageHit`] of its result's [`SearchPage`]; the attributes describe its fields for tsify.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null), serde(rename_all = "camelCase"))]
pub struct SearchHit {
    pub id: String,
    pub plan: String,
    /// The plan's short label ([`crate::model::Plan::label`]), for the result list.
    pub plan_label: String,
    pub score: f32,
    /// Spans of `text` that match, in Unicode scalar (char) offsets, half-open, merged, sorted.
    pub highlights: Vec<[usize; 2]>,
    /// The same for `title`.
    pub title_highlights: Vec<[usize; 2]>,
    /// The measure's full record: what the page shows, without a second call.
    pub measure: Measure,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct PlanScore {
    pub plan: String,
    /// Sum of the scores of the plan's matching measures.
    pub score: f32,
    /// Number of matching measures.
    pub count: usize,
    /// `count` over the plan's measures: how much of the plan is about the query, comparable
    /// between a 160-task plan and a 14-item one.
    pub share: f64,
}

// Serialised as a [`SearchPage`] (one serialiser for both); the attributes describe its fields for tsify.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null), serde(rename_all = "camelCase"))]
pub struct SearchResult {
    pub query: String,
    pub phrases: Vec<QueryPhrase>,
    /// Index terms searched, with weights.
    pub terms: Vec<(String, f32)>,
    /// Theme ids the query was recognised as.
    pub themes: Vec<String>,
    pub total: usize,
    pub offset: usize,
    pub limit: usize,
    pub hits: Vec<SearchHit>,
    /// Plans by score, best first: the best `planLimit` of them.
    pub plans: Vec<PlanScore>,
    /// Number of plans with a matching measure.
    pub plan_total: usize,
    /// Facet counts over all matching measures (as `filter` reports them for a selection).
    pub facets: Facets,
}

/// A [`SearchResult`] as it is serialised, without copies.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct SearchPage<'a> {
    query: &'a str,
    phrases: &'a [QueryPhrase],
    terms: &'a [(String, f32)],
    themes: &'a [String],
    total: usize,
    offset: usize,
    limit: usize,
    hits: Vec<PageHit<'a>>,
    plans: &'a [PlanScore],
    plan_total: usize,
    facets: &'a Facets,
}

/// A [`SearchHit`] of a [`SearchPage`].
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct PageHit<'a> {
    id: &'a str,
    plan: &'a str,
    plan_label: &'a str,
    score: f32,
    highlights: &'a [[usize; 2]],
    title_highlights: &'a [[usize; 2]],
    measure: &'a Measure,
}

/// A [`SearchResult`] as the binding sends it, in arrays where the result has objects: key names
/// and each hit's plan label were half of a warm page's JSON, which the module writes and the
/// engine parses on every search. `js/load.js` makes the result's objects again:
/// - a phrase is `[text, weight, from]`, a plan score `[plan, score, count, share]`, a facet
///   count `[value, count]`;
/// - a hit is a [`HitRow`], which names its plan and label by their place in `hitPlans`
///   (`[plan, planLabel]`, in order of first hit), and its measure by its position, without its
///   record: the caller keeps the records it was sent and asks for the others
///   ([`crate::engine::Engine::records_at`]). Records are most of a page of hits (36 of 51 kB
///   for 75 hits), and asking the caller whether it had each one took a call per hit.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchRows<'a> {
    query: &'a str,
    phrases: Vec<(&'a str, f32, &'a str)>,
    terms: &'a [(String, f32)],
    themes: &'a [String],
    total: usize,
    offset: usize,
    limit: usize,
    hits: Vec<HitRow<'a>>,
    hit_plans: Vec<(&'a str, &'a str)>,
    plans: Vec<(&'a str, f32, usize, f64)>,
    plan_total: usize,
    facets: FacetRows<'a>,
}

/// A hit as the binding sends it: `[plan (its place in hitPlans), score, highlights,
/// titleHighlights, position]`. The caller knows the measure by its position in the corpus (ids
/// were a fifth of the JSON), which holds while no plan is added or removed. The spans come flat,
/// `[start, end, start, end, …]`: parsing a small array per span took 65 of the 150 µs
/// `JSON.parse` spent on a page of 100 hits (Node), and load.js pairs them faster.
#[derive(Debug, Serialize)]
pub struct HitRow<'a>(usize, f32, FlatSpans<'a>, FlatSpans<'a>, usize);

/// [`Facets`] with each count as `[value, count]`.
#[derive(Debug)]
pub struct FacetRows<'a>(&'a Facets);

impl Serialize for FacetRows<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let Facets { region, level, year, focus, agency, theme } = self.0;
        let rows = CountRows;
        let mut s = serializer.serialize_struct("Facets", 6)?;
        s.serialize_field("region", &rows(region))?;
        s.serialize_field("level", &rows(level))?;
        s.serialize_field("year", &rows(year))?;
        s.serialize_field("focus", &rows(focus))?;
        s.serialize_field("agency", &rows(agency))?;
        s.serialize_field("theme", &rows(theme))?;
        s.end()
    }
}

/// A facet's counts as `[value, count]`s.
struct CountRows<'a>(&'a [super::filter::FacetCount]);

impl Serialize for CountRows<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|c| (c.value.as_str(), c.count)))
    }
}

/// Spans serialised as one flat array of numbers.
#[derive(Debug)]
pub struct FlatSpans<'a>(&'a [[usize; 2]]);

impl Serialize for FlatSpans<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().flatten())
    }
}

impl Serialize for SearchResult {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let hits = self.hits.iter().map(|h| PageHit {
            id: &h.id,
            plan: &h.plan,
            plan_label: &h.plan_label,
            score: h.score,
            highlights: &h.highlights,
            title_highlights: &h.title_highlights,
            measure: &h.measure,
        });
        self.with_hits(hits.collect()).serialize(serializer)
    }
}

impl SearchResult {
    /// Every field of this result but its hits, which are `hits`.
    fn with_hits<'a>(&'a self, hits: Vec<PageHit<'a>>) -> SearchPage<'a> {
        SearchPage {
            query: &self.query,
            phrases: &self.phrases,
            terms: &self.terms,
            themes: &self.themes,
            total: self.total,
            offset: self.offset,
            limit: self.limit,
            hits,
            plans: &self.plans,
            plan_total: self.plan_total,
            facets: &self.facets,
        }
    }
}

/// The phrases of a query and the themes it names (before index lookup).
pub(crate) fn phrases(corpus: &Corpus, query: &str, synonyms: bool) -> (Vec<QueryPhrase>, Vec<String>) {
    phrases_asking(corpus, query, synonyms, &|t| corpus.index.term_id(t).is_some())
}

/// [`phrases`], asking `said` whether the index has each join of two translations
/// ([`joined_words`]): a data directory notes the strings to learn which vocabulary runs it lacks.
pub(crate) fn phrases_asking(
    corpus: &Corpus,
    query: &str,
    synonyms: bool,
    said: &dyn Fn(&str) -> bool,
) -> (Vec<QueryPhrase>, Vec<String>) {
    // 專利 typed is 专利 searched (one character for one: spans stay where they were typed).
    let query = &*corpus.traditional.fold(query);
    let tax = &corpus.taxonomy;
    let mut out: Vec<QueryPhrase> = Vec::new();
    let mut themes: Vec<String> = Vec::new();
    let push = |out: &mut Vec<QueryPhrase>, text: &str, weight: f32, from: &str| {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        match out.iter_mut().find(|p| p.text == text) {
            Some(p) => p.weight = p.weight.max(weight),
            None => {
                out.push(QueryPhrase { text: text.to_string(), weight, from: from.to_string(), pair: None, word: None })
            }
        }
    };
    // Chinese (and other non-Latin) runs as typed; numbers and acronyms that are index terms (12330, WIPO).
    let mut run = String::new();
    for c in query.chars().chain(std::iter::once(' ')) {
        if crate::index::is_cjk_word_char(c) {
            run.push(c);
        } else if !run.is_empty() {
            push(&mut out, &run, 1.0, "query");
            run.clear();
        }
    }
    // What the glossary takes (English only), found once: its words are not searched as typed, and
    // the dictionary looks up only the others.
    let lower = query.to_lowercase();
    let english = query.chars().any(|c| c.is_ascii_alphabetic());
    let taken = if english { glossary(&lower) } else { Vec::new() };
    let covered: Vec<(usize, usize)> = taken.iter().map(|(span, _)| *span).collect();
    for w in typed_latin(corpus, query, &covered) {
        if corpus.index.term_id(&w).is_some() {
            push(&mut out, &w, 1.0, "query");
        }
    }
    // English: the glossary and the dictionary translate what was typed; themes by their keywords_en.
    if english {
        // Any other English word: CC-CEDICT, cut to the corpus (src/english.rs), below typed words.
        let (expanded, alone) =
            corpus.english.as_ref().map(|d| d.expand_with_words(&lower, &covered)).unwrap_or_default();
        let joins = joined_words(&lower, &taken, &alone, said);
        for (_, zh) in &taken {
            for z in *zh {
                push(&mut out, z, 1.0, "glossary");
            }
        }
        for join in joins.iter().filter(|j| j.glossary) {
            push(&mut out, &join.text, 1.0, "glossary");
        }
        for (zh, weight) in expanded {
            push(&mut out, &zh, DICTIONARY_WEIGHT * weight, "dictionary");
        }
        // Which word each translation is of: none for a phrase of words' or a term two words share.
        for p in out.iter_mut().filter(|p| p.from == "dictionary") {
            let mut of = alone.iter().filter(|(_, terms)| terms.iter().any(|(t, _)| *t == p.text));
            p.word = match (of.next(), of.next()) {
                (Some(((start, _), _)), None) => Some(*start),
                _ => None,
            };
        }
        for hit in tax.hits_en(query) {
            let Some(t) = tax.themes.get(hit.theme) else { continue };
            themes.push(t.id.clone());
            // The words that named the theme, translated literally (glossary, then dictionary for
            // the rest, as above). A literal translation is what was asked ("Greater Bay Area" →
            // 大湾区, "customs" → 海关): the theme's keywords are then synonyms, as for a Chinese
            // query, but a keyword that is the translation too is the typed word (大湾区 at 1,
            // not the dictionary's 0.6). Words with no literal translation have only the theme's.
            let inside = |(s, e): (usize, usize)| hit.spans.iter().any(|&(a, b)| s < b && a < e);
            let named_by = taken.iter().filter(|(span, _)| inside(*span));
            let mut literal: Vec<&str> = named_by.flat_map(|(_, zh)| zh.iter().copied()).collect();
            let found = corpus.english.as_ref().map(|dictionary| {
                let mut skip = outside_spans(&lower, &hit.spans);
                skip.extend(taken.iter().map(|(span, _)| *span));
                dictionary.expand(&lower, &skip)
            });
            literal.extend(found.iter().flatten().map(|(zh, _)| zh.as_str()));
            // A keyword that the whole query translates to is asked as well, though other words
            // named the theme: "Yangtze River Delta" is 长三角, and only "yangtze" is a keyword.
            let translated =
                |k: &&String| out.iter().any(|p| p.text == **k && (p.from == "dictionary" || p.from == "glossary"));
            literal.extend(t.keywords_zh.iter().filter(translated).map(String::as_str));
            // The keyword an English keyword names, as the taxonomy pairs them ("belt and road" is 一带一路).
            literal.extend(hit.matched.iter().filter_map(|en| t.en_zh.get(en)).map(String::as_str));
            for k in &t.keywords_zh {
                let asked = literal.is_empty() || literal.contains(&k.as_str());
                let weight = if asked { 1.0 } else { SYNONYM_WEIGHT };
                push(&mut out, k, weight, &format!("theme:{}", t.id));
            }
        }
        // Joins with a dictionary word, but for two words the dictionary has as a phrase of its own
        // (it translated them together already; "service institution", only most of /public
        // service institution/, still joins) and a theme's keywords, which a theme the query names
        // weighs.
        let phrase = |join: &Join| corpus.english.as_ref().is_some_and(|d| d.takes_phrase(join.english));
        for join in joins.iter().filter(|j| !j.glossary && !phrase(j)) {
            if !out.iter().any(|p| p.text == join.text) {
                let pair = Some(crate::index::pair_term(join.parts[0], join.parts[1]));
                let text = join.text.clone();
                out.push(QueryPhrase { text, weight: join.weight, from: "joined".into(), pair, word: None });
            }
        }
    }
    // Synonyms: the other forms of what was typed or translated (地标 is 地理标志), just below it,
    // then themes whose Chinese keywords the query or those forms contain.
    if synonyms {
        let said: Vec<(String, f32)> = out
            .iter()
            .filter(|p| p.from == "query" || p.from == "glossary")
            .map(|p| (p.text.clone(), p.weight))
            .collect();
        // The raw query, so that keywords with punctuation or digits (4·26, 12330) count too.
        let mut seen = query.to_string();
        for (text, weight) in said {
            for form in tax.equivalents_in(&text) {
                push(&mut out, form, weight * EQUIVALENT_WEIGHT, "equivalent");
                seen.push(' ');
                seen.push_str(form);
            }
        }
        for hit in tax.hits_zh(&seen).into_iter().filter(|h| h.tags) {
            let Some(t) = tax.themes.get(hit.theme) else { continue };
            if !themes.contains(&t.id) {
                themes.push(t.id.clone());
            }
            for k in &t.keywords_zh {
                push(&mut out, k, SYNONYM_WEIGHT, &format!("theme:{}", t.id));
            }
        }
    }
    (out, themes)
}

/// The Latin words of a query searched as typed when the index has them (lower-cased): those with
/// a digit (PCT2, 12330), acronyms typed in capitals (WIPO, APP), and words of two or more letters
/// that are no stop word and no key of the English dictionary (wipo, pct typed in lower case: they
/// found nothing). The others are English words, which the glossary and the dictionary translate.
/// The dictionary's runs for the query's words must be loaded ([`dictionary_words`]).
pub(crate) fn typed_latin(corpus: &Corpus, query: &str, covered: &[(usize, usize)]) -> Vec<String> {
    let acronym = |w: &str| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    let acronyms: Vec<String> =
        crate::english::ascii_words(query).filter(|w| acronym(w)).map(str::to_ascii_lowercase).collect();
    let untranslated = |w: &String| {
        w.len() >= 2
            && !crate::english::content_words(w).is_empty()
            && corpus.english.as_ref().is_none_or(|d| d.lookup(w).is_empty())
    };
    let typed = |w: &String| w.chars().any(|c| c.is_ascii_digit()) || acronyms.contains(w) || untranslated(w);
    latin_words(query, covered).into_iter().filter(typed).collect()
}

/// The Latin words of a query outside the byte ranges `covered` (what the glossary translated: "per
/// 10,000 people" is 万人), lower-cased, a number's thousands separators dropped ("10,000" is 10000,
/// not 10 and 000).
pub(crate) fn latin_words(query: &str, covered: &[(usize, usize)]) -> Vec<String> {
    let chars: Vec<(usize, char)> = query.char_indices().collect();
    let digit_at = |j: usize| chars.get(j).is_some_and(|(_, c)| c.is_ascii_digit());
    let mut words: Vec<(usize, String)> = vec![(0, String::new())];
    for (i, &(at, c)) in chars.iter().enumerate() {
        // A comma between a digit and a group of exactly three: "10,000", not "1,2".
        let separator = c == ',' && i > 0 && digit_at(i - 1) && (i + 1..i + 4).all(digit_at) && !digit_at(i + 4);
        if c.is_ascii_alphanumeric() {
            match words.last_mut() {
                Some((_, w)) if !w.is_empty() => w.push(c.to_ascii_lowercase()),
                _ => words.push((at, c.to_ascii_lowercase().to_string())),
            }
        } else if !separator {
            words.push((at, String::new()));
        }
    }
    let translated = |at: usize| covered.iter().any(|&(s, e)| (s..e).contains(&at));
    words.into_iter().filter(|(at, w)| !w.is_empty() && !translated(*at)).map(|(_, w)| w).collect()
}

/// The glossary's entries in a lower-cased query, longest first, each where no longer one was:
/// (byte range, Chinese terms), in the order they are taken.
fn glossary(lower: &str) -> Vec<((usize, usize), &'static [&'static str])> {
    let mut taken: Vec<((usize, usize), &'static [&'static str])> = Vec::new();
    let ranges = crate::english::ascii_word_ranges(lower);
    let words: Vec<&str> = ranges.iter().filter_map(|&(s, e)| lower.get(s..e)).collect();
    for ((en, zh), first) in glossary_entries().iter().zip(glossary_first_words()) {
        // An entry's first word is a whole word of any text it is found in (it starts a word and
        // ends at the entry's end or a non-alphanumeric): most entries are skipped unsearched.
        if !first.is_empty() && !words.contains(first) {
            continue;
        }
        for (start, _) in lower.match_indices(en) {
            let end = start + en.len();
            let before = lower.get(..start).and_then(|s| s.chars().next_back());
            let after = lower.get(end..).and_then(|s| s.chars().next());
            let word_char = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            let free = !taken.iter().any(|&((s, e), _)| start < e && s < end);
            if !word_char(before) && !word_char(after) && free {
                taken.push(((start, end), zh.as_slice()));
            }
        }
    }
    // A plural no entry spells is taken by the one-word entry of its singular's stem: "talents" is
    // "talent", "agencies" "agency". Plurals only: "funding" is not "fund" (基金).
    for (start, end) in ranges {
        let word = lower.get(start..end).unwrap_or_default();
        if !word.ends_with('s') || taken.iter().any(|&((s, e), _)| start < e && s < end) {
            continue;
        }
        let stem = crate::english::stem(word);
        if let Some((_, zh)) = stemmed_glossary().iter().find(|(s, _)| *s == stem) {
            taken.push(((start, end), zh));
        }
    }
    taken
}

/// The glossary's one-word entries, stemmed.
fn stemmed_glossary() -> &'static [(String, &'static [&'static str])] {
    static STEMMED: std::sync::OnceLock<Vec<(String, &'static [&'static str])>> = std::sync::OnceLock::new();
    STEMMED.get_or_init(|| {
        let one_word = glossary_entries().iter().filter(|(en, _)| en.bytes().all(|b| b.is_ascii_alphanumeric()));
        one_word.map(|(en, zh)| (crate::english::stem(en), zh.as_slice())).collect()
    })
}

/// Two translated words in a row, joined ([`joined_words`]).
struct Join<'a> {
    text: String,
    /// The weaker translation's weight; the stronger's when the plans say the two together.
    weight: f32,
    /// Whether both words are the glossary's.
    glossary: bool,
    /// The two English words, as typed (lower-cased).
    english: &'a str,
    /// The two translations joined.
    parts: [&'a str; 2],
}

/// A word of the query: its byte range, its translations with their weights, and whether the
/// glossary's (not the dictionary's).
type TranslatedWord<'a> = ((usize, usize), Vec<(&'a str, f32)>, bool);

/// Two words in a row, each translated alone (by the glossary, or by the dictionary when no phrase
/// took it), are said together in Chinese too: "patent examination" is also 专利审查, "customs
/// enforcement" 海关执法, "copyright trade" 版权贸易 (the first two translations of each, joined).
/// A later translation joins only where `said` finds the join an index term or pair term, and a
/// join the plans say (as one word, or as two in a row: 农产品 商标 for "agricultural trademarks")
/// weighs as its stronger translation: the plans saying two senses together tell which were meant
/// ("service institutions" is 服务机构, though /institution/ is 机构's fifth gloss), where a guess
/// would only add noise.
/// [`terms`] finds two glossary words joined as a whole index term or as the corpus's pair term,
/// never in pieces; a join with a dictionary word counts only as either in the phrase bonus as well
/// (保护 + 围绕, "protection" + "center" as /around/, counts for nothing). So a join only ranks
/// higher the measures that say the two together.
fn joined_words<'a>(
    lower: &'a str,
    taken: &[((usize, usize), &[&'a str])],
    alone: &'a [crate::english::WordTerms],
    said: &dyn Fn(&str) -> bool,
) -> Vec<Join<'a>> {
    let glossary = taken.iter().map(|(span, zh)| (*span, zh.iter().map(|z| (*z, 1.0)).collect(), true));
    let translated = alone
        .iter()
        .map(|(span, terms)| (*span, terms.iter().map(|(t, w)| (t.as_str(), DICTIONARY_WEIGHT * w)).collect(), false));
    let mut words: Vec<TranslatedWord> = glossary.chain(translated).collect();
    crate::sort::sort_by_key(&mut words, |((start, _), _, _)| *start);
    let mut out = Vec::new();
    for pair in words.windows(2) {
        let [((start, end), first, by_glossary), ((next, next_end), second, next_by_glossary)] = pair else { continue };
        let (Some(between), Some(english)) = (lower.get(*end..*next), lower.get(*start..*next_end)) else { continue };
        if !between.chars().all(|c| c.is_whitespace() || c == '-') {
            continue;
        }
        let glossary = *by_glossary && *next_by_glossary;
        for (i, (a, a_weight)) in first.iter().enumerate() {
            for (j, (b, b_weight)) in second.iter().enumerate() {
                let text = format!("{a}{b}");
                let found = said(&text) || said(&crate::index::pair_term(a, b));
                if (i >= JOINED_FIRST || j >= JOINED_FIRST) && !found {
                    continue;
                }
                let weight = if found { a_weight.max(*b_weight) } else { a_weight.min(*b_weight) };
                out.push(Join { text, weight, glossary, english, parts: [a, b] });
            }
        }
    }
    out
}

/// Byte ranges of the lower-cased query that the glossary took: the dictionary looks up only the
/// other words (also those that name a theme: their literal sense says which of its keywords
/// they mean). None without a Latin letter: every entry has one.
pub(crate) fn dictionary_covered(query: &str) -> Vec<(usize, usize)> {
    if !query.chars().any(|c| c.is_ascii_alphabetic()) {
        return Vec::new();
    }
    glossary(&query.to_lowercase()).into_iter().map(|(span, _)| span).collect()
}

/// The byte ranges of `text` outside `spans` (sorted, not overlapping).
fn outside_spans(text: &str, spans: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    for &(s, e) in spans {
        if s > at {
            out.push((at, s));
        }
        at = at.max(e);
    }
    if at < text.len() {
        out.push((at, text.len()));
    }
    out
}

/// The English words whose dictionary keys a search for `query` may look up (every key it tries
/// starts with one of them): a data directory fetches the dictionary's runs that hold them.
pub(crate) fn dictionary_words(query: &str) -> Vec<String> {
    if !query.chars().any(|c| c.is_ascii_alphabetic()) {
        return Vec::new();
    }
    crate::english::lookup_words(&query.to_lowercase(), &dictionary_covered(query))
}

/// Index terms of the phrases: each phrase's words; single CJK characters only when the phrase is
/// one character (they would match almost everything otherwise); another form of a typed phrase
/// counts as typed (at its lower weight), without parts. Phrases the reader did not type
/// (theme keywords, glossary) count only as whole index terms, and only when specific: a word in
/// more than [`COMMON_SHARE`] of measures (知识产权, 专利 …) would drown the query's own terms.
/// A glossary or dictionary word, the translation of a typed one, may be as common as
/// [`DISTINCT_SHARE`]; commoner ones are searched only when nothing else is.
pub(crate) fn terms(corpus: &Corpus, phrases: &[QueryPhrase]) -> Vec<(String, f32)> {
    let mut terms: Map<String, f32> = Map::new();
    let common = (corpus.index.doc_count() as f64 * COMMON_SHARE).ceil() as usize;
    let distinct = (corpus.index.doc_count() as f64 * DISTINCT_SHARE).floor() as usize;
    // Translations left out for being too common, searched when nothing else is.
    let mut too_common: Vec<(String, f32)> = Vec::new();
    for p in phrases {
        // Another form of what was typed (地理标志 for 地标) is searched as typed, without its parts.
        let typed = p.from == "query" || p.from == "equivalent";
        if !typed {
            // An expansion counts only as a whole: the parts of 商标专用权质押 (商标, 专用权) are
            // not about pledges. Keywords are in jieba's dictionary at build time, so one that
            // occurs in the corpus is an index term.
            let t = p.text.to_lowercase();
            // A glossary or dictionary word translates what was typed ("talent" is 人才, in 9% of
            // measures; "culture" 文化): it counts as a typed word would, unless it is in more than
            // DISTINCT_SHARE of them (知识产权, 创新), where it ranks next to nothing and its
            // postings are most of the corpus.
            let translated = matches!(p.from.as_str(), "glossary" | "dictionary" | "joined");
            let limit = if translated { distinct } else { common };
            let df = corpus.index.term_id(&t).map(|_| corpus.index.df(&t));
            if translated && df.is_some_and(|df| df > limit) {
                too_common.push((t.clone(), p.weight));
            }
            if df.is_some_and(|df| df <= limit) {
                // A glossary term is what the reader would have typed in Chinese, and is searched
                // so, with its known parts at half weight: 技术交易 ("technology trading") is also
                // in 专利技术交易, which jieba cuts 专利技术|交易. A part as common as 专利 (of
                // 专利质押, "patent pledge") steps aside, as the word itself does.
                if p.from == "glossary" {
                    let known = |x: &String| corpus.index.term_id(x).is_some() && corpus.index.df(x) <= distinct;
                    for part in parts(&t).into_iter().filter(known) {
                        let e = terms.get_or_insert_with(part, || 0.0);
                        *e = e.max(p.weight * PART_WEIGHT);
                    }
                }
                let e = terms.get_or_insert_with(t, || 0.0);
                *e = e.max(p.weight);
            } else if translated {
                // Two words the corpus says together (传统知识, "traditional knowledge"; two glossary
                // words joined, 专利 + 审查, [`joined_words`]): their pair terms. Else a
                // dictionary headword the index only has in pieces (非物质文化遗产 → 文化遗产): its
                // specific pieces. A glossary phrase of two words said together counts as their
                // pair; one the index has neither whole nor as a pair (a glossary term is a jieba
                // word at build time, so one jieba cut otherwise wherever the plans say it), as its
                // Chinese typed would: its words, the too common ones only when nothing else.
                // A join with a dictionary word counts only as its pair (its two translations,
                // each one index word, said together).
                let found = if let Some([_, pair]) = p.join_terms() {
                    corpus.index.term_id(pair).map(|_| vec![pair.to_string()]).unwrap_or_default()
                } else {
                    let words = corpus.index.words(&t);
                    let pairs = corpus.index.pairs_of(&words);
                    let two_words = p.from != "dictionary";
                    let whole = words.len() >= 2 && pairs.len() == words.len() - 1 && (!two_words || words.len() == 2);
                    match (whole, two_words) {
                        (true, _) => pairs,
                        (false, false) => crate::english::pieces(&corpus.index, &t, common),
                        (false, true) if df.is_none() && p.from == "glossary" => {
                            let mut found = Vec::new();
                            for w in words.into_iter().filter(|w| w.chars().count() >= 2) {
                                match corpus.index.df(&w) {
                                    0 => {}
                                    df if df > distinct => too_common.push((w, p.weight)),
                                    _ => found.push(w),
                                }
                            }
                            found
                        }
                        (false, true) => Vec::new(),
                    }
                };
                for piece in found {
                    let e = terms.get_or_insert_with(piece, || 0.0);
                    *e = e.max(p.weight);
                }
            }
            continue;
        }
        let words = corpus.index.words(&p.text);
        // Words said together as the corpus says them (传统知识): their pair terms, as typed.
        for pair in corpus.index.pairs_of(&words) {
            let e = terms.get_or_insert_with(pair, || 0.0);
            *e = e.max(p.weight);
        }
        let single = p.text.chars().count() == 1;
        for w in words {
            let cjk_char = w.chars().count() == 1 && !w.is_ascii();
            if cjk_char && !single {
                continue;
            }
            // Like jieba's search mode on the corpus side: a typed compound (人才培养) also
            // looks for its known two- and three-character parts (人才, 培养), at half weight.
            if p.from == "query" {
                for part in parts(&w).into_iter().filter(|x| corpus.index.term_id(x).is_some()) {
                    let e = terms.get_or_insert_with(part, || 0.0);
                    *e = e.max(p.weight * PART_WEIGHT);
                }
            }
            let e = terms.get_or_insert_with(w, || 0.0);
            *e = e.max(p.weight);
        }
    }
    // The query's other words found nothing ("patent xyzzy": no dictionary has "xyzzy"): its common
    // words are all it has, searched as its Chinese form's would be (专利), not nothing at all.
    if terms.is_empty() {
        for (t, weight) in too_common {
            let e = terms.get_or_insert_with(t, || 0.0);
            *e = e.max(weight);
        }
    }
    terms.into_iter().collect()
}

/// Two- and three-character substrings of a CJK word of three or more characters.
pub(crate) fn parts(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 3 || chars.iter().any(char::is_ascii) {
        return vec![];
    }
    let mut out = Vec::new();
    for n in [2, 3] {
        if n < chars.len() {
            out.extend(chars.windows(n).map(|w| w.iter().collect::<String>()));
        }
    }
    out
}

/// A page of hits before their records are copied out of the corpus: each hit names its measure
/// by position. [`SearchResult`] is this with every record copied ([`HitsPage::with_records`]); a
/// binding sends the page as it is ([`HitsPage::rows`]), and copying every record was a tenth of a
/// warm search in wasm.
#[derive(Debug, Clone)]
pub struct HitsPage {
    /// Every field of the result but `hits`, which is empty.
    pub result: SearchResult,
    pub hits: Vec<PageEntry>,
    /// The hits' plans, in order of first hit: id and short label ([`crate::model::Plan::label`]).
    pub plans: Vec<(String, String)>,
}

/// A hit of a [`HitsPage`]: a [`SearchHit`] whose record is the corpus's measure at `position`, and
/// whose plan is the page's plan at `plan`.
#[derive(Debug, Clone)]
pub struct PageEntry {
    pub position: usize,
    pub plan: usize,
    pub score: f32,
    pub highlights: Vec<[usize; 2]>,
    pub title_highlights: Vec<[usize; 2]>,
}

impl HitsPage {
    /// The result with each hit's record copied from `corpus` (the one the page was made from).
    pub fn with_records(self, corpus: &Corpus) -> SearchResult {
        let HitsPage { mut result, hits, plans } = self;
        result.hits = hits
            .into_iter()
            .filter_map(|h| {
                let m = corpus.dataset.measures.get(h.position)?;
                let (plan, plan_label) = plans.get(h.plan)?.clone();
                Some(SearchHit {
                    id: m.id.clone(),
                    plan,
                    plan_label,
                    score: h.score,
                    highlights: h.highlights,
                    title_highlights: h.title_highlights,
                    measure: m.clone(),
                })
            })
            .collect();
        result
    }

    /// The same page with highlight spans in UTF-16 code units, what JavaScript's
    /// `text.slice(start, end)` takes (they differ from char offsets after a non-BMP character).
    pub fn into_utf16(mut self, corpus: &Corpus) -> HitsPage {
        for hit in &mut self.hits {
            let Some(m) = corpus.dataset.measures.get(hit.position) else { continue };
            hit.highlights = utf16_spans(m.text.as_deref().unwrap_or(""), &hit.highlights);
            hit.title_highlights = utf16_spans(m.title.as_deref().unwrap_or(""), &hit.title_highlights);
        }
        self
    }

    /// The page as the binding sends it ([`SearchRows`]). None if `corpus` no longer holds a hit's
    /// measure where the page says (it changed in between).
    pub fn rows<'a>(&'a self, corpus: &'a Corpus) -> Option<SearchRows<'a>> {
        let r = &self.result;
        let mut hits = Vec::with_capacity(self.hits.len());
        for h in &self.hits {
            let m = corpus.dataset.measures.get(h.position)?;
            self.plans.get(h.plan).filter(|(plan, _)| *plan == m.plan)?;
            let (highlights, title_highlights) = (FlatSpans(&h.highlights), FlatSpans(&h.title_highlights));
            hits.push(HitRow(h.plan, h.score, highlights, title_highlights, h.position));
        }
        Some(SearchRows {
            query: &r.query,
            phrases: r.phrases.iter().map(|p| (p.text.as_str(), p.weight, p.from.as_str())).collect(),
            terms: &r.terms,
            themes: &r.themes,
            total: r.total,
            offset: r.offset,
            limit: r.limit,
            hits,
            hit_plans: self.plans.iter().map(|(plan, label)| (plan.as_str(), label.as_str())).collect(),
            plans: r.plans.iter().map(|p| (p.plan.as_str(), p.score, p.count, p.share)).collect(),
            plan_total: r.plan_total,
            facets: FacetRows(&r.facets),
        })
    }
}

/// Char-offset spans of `text` as UTF-16 code unit spans (offsets past the end clamp to it).
pub fn utf16_spans(text: &str, spans: &[[usize; 2]]) -> Vec<[usize; 2]> {
    if spans.is_empty() {
        return vec![];
    }
    // Almost every text is in the Basic Multilingual Plane, where a char is one UTF-16 unit (and
    // no UTF-8 byte starts a four-byte character).
    if text.bytes().all(|b| b < 0xF0) {
        let end = text.chars().count();
        return spans.iter().map(|&[s, e]| [s.min(end), e.min(end)]).collect();
    }
    let mut at = Vec::with_capacity(text.len() + 1);
    at.push(0usize);
    for c in text.chars() {
        at.push(at.last().copied().unwrap_or(0) + c.len_utf16());
    }
    let end = at.last().copied().unwrap_or(0);
    let unit = |i: usize| at.get(i).copied().unwrap_or(end);
    spans.iter().map(|&[s, e]| [unit(s), unit(e)]).collect()
}

/// A ranked search before its page is made: everything that comes from the index alone.
#[derive(Debug, Clone)]
pub(crate) struct Ranked {
    pub phrases: Vec<QueryPhrase>,
    pub terms: Vec<(String, f32)>,
    pub themes: Vec<String>,
    pub limit: usize,
    /// Matching measures (positions) with their scores, best first.
    pub scored: Vec<(usize, f32)>,
}

/// Documents that hold every index word of a phrase (sorted), or for two adjacent words that the
/// index has a pair term of, that pair: the index's stand-in for "contains the phrase", so that
/// ranking needs no measure text. Empty when a word is not in the index.
pub(crate) fn phrase_docs(corpus: &Corpus, phrase: &str) -> Vec<u32> {
    let all = corpus.index.words(phrase);
    // Pair i joins words i and i + 1; a word in a pair the index has is read through the pair.
    let pairs: Vec<Option<String>> =
        crate::index::adjacent_pairs(&all).map(|p| corpus.index.term_id(&p).map(|_| p)).collect();
    let paired = |i: usize| pairs.get(i).is_some_and(Option::is_some);
    let alone = all.iter().enumerate().filter(|&(i, _)| !(paired(i) || (i > 0 && paired(i - 1))));
    let mut words: Vec<String> = pairs.iter().flatten().cloned().chain(alone.map(|(_, w)| w.clone())).collect();
    crate::sort::sort(&mut words);
    words.dedup();
    let mut lists: Vec<&[(u32, u16)]> = words.iter().map(|w| corpus.index.postings_of(w)).collect();
    crate::sort::sort_by_key(&mut lists, |l| l.len());
    let Some((first, rest)) = lists.split_first() else { return Vec::new() };
    first
        .iter()
        .map(|&(d, _)| d)
        .filter(|d| rest.iter().all(|l| l.binary_search_by_key(d, |&(x, _)| x).is_ok()))
        .collect()
}

/// The restriction options of a search, as filter options.
pub(crate) fn restriction(opts: &SearchOptions) -> FilterOptions {
    FilterOptions {
        plans: opts.plans.clone(),
        themes: opts.themes.clone(),
        regions: opts.regions.clone(),
        levels: opts.levels.clone(),
        years: opts.years.clone(),
        kinds: opts.kinds.clone(),
        focus: opts.focus.clone(),
        agencies: opts.agencies.clone(),
        ..Default::default()
    }
}

/// Rank the measures for a query from the index alone (no measure text is read).
pub(crate) fn rank(corpus: &Corpus, query: &str, opts: &SearchOptions) -> Result<Ranked, QueryError> {
    rank_phrases(corpus, query, opts, phrases(corpus, query, !opts.no_synonyms))
}

/// [`rank`] with the query's [`phrases`] already made (the data directory makes them first to
/// learn which shards a query needs).
pub(crate) fn rank_phrases(
    corpus: &Corpus,
    query: &str,
    opts: &SearchOptions,
    (phrases, themes): (Vec<QueryPhrase>, Vec<String>),
) -> Result<Ranked, QueryError> {
    check_text(query, MAX_QUERY_CHARS)?;
    let limit = check_limit(opts.limit)?;
    let restrict = restriction(opts);
    let selection = Selection::new(corpus, &restrict)?;
    let allows = selection.allows(corpus);

    // A theme's synonyms are other names of what was asked: of those a measure has, the best counts
    // in full and the others at SYNONYM_TIE, in its BM25 and in its phrase bonus alike (five regions
    // in one measure do not outrank the region asked for). A term also reached otherwise (typed,
    // translated) counts in full.
    // So are one English word's translations (机关, 机构, 制度 for "institutions"), word by word.
    let synonym = |p: &QueryPhrase| p.from.starts_with("theme:") && p.weight < 1.0;
    let (synonyms, asked): (Vec<QueryPhrase>, Vec<QueryPhrase>) = phrases.iter().cloned().partition(synonym);
    let (mut translations, asked): (Vec<QueryPhrase>, Vec<QueryPhrase>) =
        asked.into_iter().partition(|p| p.word.is_some());
    crate::sort::sort_by_key(&mut translations, |p| p.word);
    let word_groups: Vec<&[QueryPhrase]> = translations.chunk_by(|a, b| a.word == b.word).collect();
    let asked_terms = self::terms(corpus, &asked);
    let is_asked = |t: &str| asked_terms.binary_search_by(|(a, _)| a.as_str().cmp(t)).is_ok();
    let other_terms = |phrases: &[QueryPhrase]| -> Vec<(String, f32)> {
        self::terms(corpus, phrases).into_iter().filter(|(t, _)| !is_asked(t)).collect()
    };
    let synonym_terms = other_terms(&synonyms);
    let word_terms: Vec<Vec<(String, f32)>> = word_groups.iter().map(|g| other_terms(g)).collect();
    let bm25 = corpus.index.scores(&asked_terms);
    let synonym_scores = corpus.index.sum_and_best_scores(&synonym_terms);
    // All the terms searched, sorted, as `terms` lists them.
    let mut terms: Vec<(String, f32)> =
        asked_terms.iter().chain(&synonym_terms).chain(word_terms.iter().flatten()).cloned().collect();
    crate::sort::sort_by(&mut terms, |a, b| a.0.cmp(&b.0));
    terms.dedup_by(|a, b| a.0 == b.0);
    let synonym_score = |sum: f32, best: f32| best + SYNONYM_TIE * (sum - best);
    let grouped = |scores: &[(f32, f32)], i: usize| scores.get(i).map_or(0.0, |&(sum, best)| synonym_score(sum, best));
    // Candidates: allowed measures that share a term with the query.
    // When the query has a distinctive term (in at most DISTINCT_SHARE of the measures), a hit
    // must have one: 专利质押 should not list every measure that says 专利.
    let n = corpus.index.doc_count();
    let distinct: Vec<(String, f32)> =
        terms.iter().filter(|(t, _)| corpus.index.df(t) as f64 <= n as f64 * DISTINCT_SHARE).cloned().collect();
    let required = (!distinct.is_empty()).then(|| corpus.index.scores(&distinct));
    // A phrase earns its bonus only when it is specific: all its words together in at most
    // COMMON_SHARE of all measures.
    let common = (n as f64 * COMMON_SHARE).ceil() as usize;
    // Per document, the sum and the best of the bonuses of the phrases it has, added up list by
    // list: one pass over each phrase's documents, not a search of every list for each candidate
    // (at 100× the seeds, a fifth of a cold ranking).
    let bonuses = |phrases: &[QueryPhrase]| -> Vec<(f32, f32)> {
        let mut per_doc = vec![(0.0f32, 0.0f32); n];
        // A join of two translations only where the corpus says them together (a term, or a pair).
        let docs = |p: &QueryPhrase| match p.join_terms() {
            Some(found_as) => found_as
                .into_iter()
                .find(|t| corpus.index.term_id(t).is_some())
                .map_or_else(Vec::new, |t| corpus.index.postings_of(t).iter().map(|&(d, _)| d).collect()),
            None => phrase_docs(corpus, &p.text),
        };
        let lists = phrases.iter().map(|p| (docs(p), PHRASE_BONUS * p.weight));
        for (docs, b) in lists.filter(|(docs, _)| !docs.is_empty() && docs.len() <= common) {
            for d in docs {
                if let Some((sum, best)) = per_doc.get_mut(d as usize) {
                    *sum += b;
                    *best = best.max(b);
                }
            }
        }
        per_doc
    };
    let (bonus, synonym_bonus) = (bonuses(&asked), bonuses(&synonyms));
    // Per document, the translated words' scores and bonuses, each word's translations as one
    // (none for a query with no dictionary word, a Chinese one: no vectors as long as the corpus).
    let scratch = || if word_groups.is_empty() { Vec::new() } else { vec![0.0f32; n] };
    let (mut translated, mut translated_bonus) = (scratch(), scratch());
    for (group, terms) in word_groups.iter().zip(&word_terms) {
        for (into, from) in
            [(&mut translated, corpus.index.sum_and_best_scores(terms)), (&mut translated_bonus, bonuses(group))]
        {
            for (total, (sum, best)) in into.iter_mut().zip(from) {
                *total += synonym_score(sum, best);
            }
        }
    }
    let mut boosted = vec![false; n];
    for t in &themes {
        for &(doc, _) in corpus.index.postings_of(&format!("{THEME_TERM}{t}")) {
            if let Some(b) = boosted.get_mut(doc as usize) {
                *b = true;
            }
        }
    }
    // Candidates first (a term in common), then the restriction: most measures share no term.
    let mut scored: Vec<(usize, f32)> = (0..corpus.dataset.measures.len())
        .filter_map(|i| {
            let translated = translated.get(i).copied().unwrap_or(0.0);
            let base = bm25.get(i).copied().unwrap_or(0.0) + grouped(&synonym_scores, i) + translated;
            let base = Some(base).filter(|&s| s > 0.0)?;
            if let Some(r) = &required {
                r.get(i).copied().filter(|&s| s > 0.0)?;
            }
            if !allows(i) {
                return None;
            }
            let translated = translated_bonus.get(i).copied().unwrap_or(0.0);
            let phrase_bonus = bonus.get(i).map_or(0.0, |&(sum, _)| sum) + grouped(&synonym_bonus, i) + translated;
            let boost = if boosted.get(i) == Some(&true) { THEME_BOOST } else { 0.0 };
            Some((i, base + phrase_bonus + boost))
        })
        .collect();
    crate::sort::best_first(&mut scored);
    Ok(Ranked { phrases, terms, themes, limit, scored })
}

pub fn search(corpus: &Corpus, query: &str, opts: &SearchOptions) -> Result<SearchResult, QueryError> {
    Ok(finish(corpus, query, opts, rank(corpus, query, opts)?).with_records(corpus))
}

/// The result of a ranking: per-plan scores, facets and the page's hits, their records not copied.
pub(crate) fn finish<'c>(corpus: &'c Corpus, query: &str, opts: &SearchOptions, ranked: Ranked) -> HitsPage {
    let Ranked { phrases, terms, themes, limit, scored } = ranked;
    // Per plan, in order of first hit (sums in rank order, as the scores are listed).
    let numbers = corpus.plan_numbers();
    let (plan_of, sizes) = (&numbers.of_measure, &numbers.plans);
    let mut slot: Vec<Option<usize>> = vec![None; sizes.len()];
    let mut plans: Vec<PlanScore> = Vec::new();
    for &(i, score) in &scored {
        let Some((&k, Some(s))) = plan_of.get(i).map(|k| (k, slot.get_mut(*k))) else { continue };
        let Some((id, size)) = sizes.get(k) else { continue };
        let p = *s.get_or_insert_with(|| {
            plans.push(PlanScore { plan: id.clone(), score: 0.0, count: 0, share: 0.0 });
            plans.len() - 1
        });
        if let Some(p) = plans.get_mut(p) {
            p.score += score;
            p.count += 1;
            p.share = p.count as f64 / *size as f64;
        }
    }
    crate::sort::sort_by(&mut plans, |a, b| b.score.total_cmp(&a.score));
    // All counted, the best listed: thousands of plans were most of a national corpus's answer.
    let plan_total = plans.len();
    plans.truncate(opts.plan_limit.unwrap_or(DEFAULT_PLAN_LIMIT));

    let total = scored.len();
    let positions: Vec<usize> = scored.iter().map(|&(i, _)| i).collect();
    let facets = if opts.no_facets { Facets::default() } else { super::filter::facets(corpus, &positions) };
    // A pair term (传统 知识) is never in a text as written: the phrase that asked for it is.
    let words = terms.iter().filter(|(t, _)| !crate::index::is_pair(t)).map(|(t, _)| t.clone());
    let needles = Needles::new(phrases.iter().map(|p| p.text.clone()).chain(words));
    // The page's plans, each labelled once; `place`: a plan number's place among them.
    let mut page_plans: Vec<(String, String)> = Vec::new();
    let mut place: Vec<Option<usize>> = vec![None; sizes.len()];
    let hits = page(scored, opts.offset, limit)
        .into_iter()
        .filter_map(|(i, score)| {
            let m = corpus.dataset.measures.get(i)?;
            // A reader's plan printed in Traditional script is highlighted as the index read it
            // (one character for one: the spans are the printed text's).
            let folded = corpus.reads_folded(&m.plan);
            let as_indexed = |t: &'c str| if folded { corpus.traditional.fold(t) } else { Cow::Borrowed(t) };
            let k = plan_of.get(i).copied().filter(|&k| k < place.len());
            let plan = match k.and_then(|k| place.get(k).copied().flatten()) {
                Some(at) => at,
                None => {
                    let label = k.and_then(|k| corpus.dataset.plans.get(k)).map(Plan::label).unwrap_or_default();
                    page_plans.push((m.plan.clone(), label));
                    if let Some(slot) = k.and_then(|k| place.get_mut(k)) {
                        *slot = Some(page_plans.len() - 1);
                    }
                    page_plans.len() - 1
                }
            };
            Some(PageEntry {
                position: i,
                plan,
                score,
                highlights: needles.highlight(&as_indexed(m.text.as_deref().unwrap_or(""))),
                title_highlights: needles.highlight(&as_indexed(m.title.as_deref().unwrap_or(""))),
            })
        })
        .collect();
    let result = SearchResult {
        query: query.to_string(),
        phrases,
        terms,
        themes,
        total,
        offset: opts.offset,
        limit,
        hits: Vec::new(),
        plans,
        plan_total,
        facets,
    };
    HitsPage { result, hits, plans: page_plans }
}

/// The strings a search highlights (its phrases and terms), sorted by first character so that one
/// pass over a text finds them all: a page of 100 hits against an English query's dozens of terms
/// would otherwise scan every text once per term.
pub(crate) struct Needles {
    /// (needle, its length in chars), sorted; no empty needle.
    sorted: Vec<(String, usize)>,
    /// The needles' first characters, sorted, each with the position of its first needle in `sorted`.
    firsts: Vec<(char, usize)>,
    /// The needles' first characters: most characters of a text start no needle, and one bit
    /// test, on the text's bytes, tells so for almost all of them.
    may_start: CharBits,
}

impl Needles {
    pub(crate) fn new(needles: impl IntoIterator<Item = String>) -> Needles {
        let mut sorted: Vec<(String, usize)> = needles
            .into_iter()
            .filter(|n| !n.is_empty())
            .map(|n| {
                let chars = n.chars().count();
                (n, chars)
            })
            .collect();
        crate::sort::sort(&mut sorted);
        sorted.dedup();
        let mut firsts: Vec<(char, usize)> = Vec::new();
        let mut may_start = CharBits::default();
        for (k, (needle, _)) in sorted.iter().enumerate() {
            match needle.chars().next() {
                Some(c) if firsts.last().map(|&(f, _)| f) != Some(c) => {
                    firsts.push((c, k));
                    may_start.insert(c);
                }
                _ => {}
            }
        }
        Needles { sorted, firsts, may_start }
    }

    /// Spans of `text` where any needle occurs (Latin needles case-insensitively), merged. Each
    /// needle's occurrences do not overlap one another (as `str::match_indices` finds them).
    pub(crate) fn highlight(&self, text: &str) -> Vec<[usize; 2]> {
        if text.is_empty() || self.sorted.is_empty() {
            return vec![];
        }
        // Per needle: where its next match may start.
        let mut free_from: Vec<usize> = Vec::new();
        // Merged as they are found, in order of their start: no list to sort afterwards.
        let mut spans: Vec<[usize; 2]> = Vec::new();
        // The text's ASCII letters are compared lower-cased (which keeps char and byte offsets; Latin
        // needles are lower-case), other letters as they are.
        let bytes = text.as_bytes();
        let byte = |i: usize| bytes.get(i).map_or(0, |&x| x as usize);
        let mut chars = 0; // characters before byte `next`
        let mut next = 0;
        // Character by character, on the bytes: a page of hits is 200 texts, and decoding every
        // character was much of their time in wasm.
        while let Some(&lead) = bytes.get(next) {
            let b = next;
            // Its width, from its first byte, and the low 12 bits of its code point (of a character
            // of two bytes or more, the payloads of its last two bytes): one bit test tells that no
            // needle starts with almost every character.
            let (width, bit) = match lead as usize {
                x if x < 0x80 => (1, lead.to_ascii_lowercase() as usize),
                x if x < 0xE0 => (2, ((x & 0x1F) << 6) | (byte(b + 1) & 0x3F)),
                x if x < 0xF0 => (3, ((byte(b + 1) & 0x3F) << 6) | (byte(b + 2) & 0x3F)),
                _ => (4, ((byte(b + 2) & 0x3F) << 6) | (byte(b + 3) & 0x3F)),
            };
            next += width;
            let at = chars;
            chars += 1;
            if !self.may_start.may_have_low_bits(bit) {
                continue;
            }
            let Some(c) = text.get(b..).and_then(|rest| rest.chars().next()) else { continue };
            let (c, rest) = (c.to_ascii_lowercase(), bytes.get(b..).unwrap_or_default());
            let Ok(f) = self.firsts.binary_search_by_key(&c, |&(first, _)| first) else { continue };
            if free_from.is_empty() {
                free_from.resize(self.sorted.len(), 0);
            }
            let from = self.firsts.get(f).map_or(0, |&(_, k)| k);
            for (k, (needle, len)) in self.sorted.iter().enumerate().skip(from) {
                if !needle.starts_with(c) {
                    break;
                }
                if free_from.get(k).is_some_and(|&f| f <= at) && starts_with_lowered(rest, needle.as_bytes()) {
                    let end = at + len;
                    match spans.last_mut() {
                        Some(last) if at <= last[1] => last[1] = last[1].max(end),
                        _ => spans.push([at, end]),
                    }
                    if let Some(f) = free_from.get_mut(k) {
                        *f = end;
                    }
                }
            }
        }
        spans
    }
}

/// Whether `text` starts with `needle` once its ASCII letters are lower-cased.
fn starts_with_lowered(text: &[u8], needle: &[u8]) -> bool {
    text.len() >= needle.len() && text.iter().zip(needle).all(|(t, n)| t.to_ascii_lowercase() == *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_glossary_line_is_an_entry_once() {
        let lines: Vec<&str> = GLOSSARY_TSV.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).collect();
        assert_eq!(glossary_entries().len(), lines.len(), "a line without a tab or a Chinese term");
        let mut english: Vec<&str> = glossary_entries().iter().map(|(en, _)| *en).collect();
        for (en, zh) in glossary_entries() {
            assert_eq!(*en, en.to_lowercase(), "searched lower-cased: {en}");
            assert!(zh.iter().all(|t| !t.is_ascii()), "{en}: {zh:?}");
        }
        english.sort_unstable();
        assert!(english.windows(2).all(|w| w[0] != w[1]), "an English entry twice");
        // Longest first, so that "trade secret" is taken before "trade".
        assert!(glossary_entries().windows(2).all(|w| w[0].0.len() >= w[1].0.len()));
    }

    #[test]
    fn needles_highlight_char_offsets_in_one_pass() {
        let needles = Needles::new(["质押", "质押融资", "ip", ""].map(String::from));
        assert_eq!(needles.highlight("推进质押融资和质押"), vec![[2, 6], [7, 9]]);
        // Latin needles match any case; char offsets, not bytes.
        assert_eq!(needles.highlight("开展IP质押、Ip保险"), vec![[2, 6], [7, 9]]);
        // A needle's own occurrences do not overlap (as str::match_indices): "aa" in "aaa" is [0, 2).
        assert_eq!(Needles::new(["aa".to_string()]).highlight("aaa"), vec![[0, 2]]);
        assert_eq!(Needles::new(["aa".to_string()]).highlight("aaaa"), vec![[0, 4]]);
        assert!(needles.highlight("").is_empty());
        assert!(Needles::new([]).highlight("质押").is_empty());
    }

    proptest::proptest! {
        /// The one pass finds what searching the text for each needle finds, with characters of
        /// one to four bytes and characters that share the low bits its first test reads (丰 and
        /// 丐 are U+4E30 and U+4E10; Ā is U+0100, 𠀐 U+20010).
        #[test]
        fn needles_highlight_as_each_needle_found_alone(
            text in "[a-cA-C质押丰丐Āé𠀐 ]{0,24}",
            needles in proptest::collection::vec("[a-c质押丰丐Āé𠀐]{1,3}", 0..6),
        ) {
            let lower = text.to_ascii_lowercase();
            let char_at = |b: usize| lower[..b].chars().count();
            let mut expected = Vec::new();
            for n in &needles {
                for (b, _) in lower.match_indices(n.as_str()) {
                    expected.push([char_at(b), char_at(b) + n.chars().count()]);
                }
            }
            proptest::prop_assert_eq!(Needles::new(needles.clone()).highlight(&text), crate::query::merge_spans(expected));
        }
    }

    #[test]
    fn latin_words_keep_a_number_whole() {
        let words = |q: &str| latin_words(q, &dictionary_covered(q));
        assert_eq!(
            words("PCT 10,000 persons, 1,2 and 1,000,000"),
            ["pct", "10000", "persons", "1", "2", "and", "1000000"]
        );
        assert_eq!(words("12330热线 5,10"), ["12330", "5", "10"]);
        assert!(words("专利，质押").is_empty());
        // What the glossary translated is not searched as typed too.
        assert_eq!(words("PCT patents per 10,000 people"), ["pct"]);
    }

    #[test]
    fn utf16_spans_count_non_bmp_characters_twice() {
        // 𠀀 (U+20000, CJK Ext-B) is one char but two UTF-16 units.
        assert_eq!(utf16_spans("𠀀专利质押", &[[3, 5]]), vec![[4, 6]]);
        assert_eq!(utf16_spans("专利质押", &[[2, 4], [9, 12]]), vec![[2, 4], [4, 4]]);
    }
}
