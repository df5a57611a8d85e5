//! The data directory: a corpus as static files (a small catalogue, per-plan chunks, an inverted index
//! in shards) that `plan-compare build` writes and [`DataDir`] reads lazily (`docs/data-format.md`).
//!
//! Every file but `manifest.json` is named by a hash of its bytes, so a server may cache it forever.
//! The reader starts from the catalogue alone and fetches, through a [`Fetch`], only the shards of a
//! query's terms and the chunks of the plans a call touches. Loaded parts go into one [`Corpus`]
//! whose unloaded measures are placeholders (no id, plan id or text; the corpus's plan sizes say
//! whose they are): the query core runs on it unchanged, and a test checks that it answers exactly
//! as the corpus built in one piece.

use crate::dataset::Document;
use crate::error::{Error, ErrorCode, Result};
use crate::index::{length_code, length_of, Index};
use crate::model::{Measure, Passage, Plan, Target, ThemeRef, Unassigned};
use crate::query::filter::{FilterOptions, Selection};
use crate::query::search::{HitsPage, Ranked};
use crate::query::{self, CompareBy, CompareResult, Corpus, DiffOptions, DiffResult, FilterResult, QueryError};
use crate::query::{SearchOptions, SearchResult, ThemeMatrix, ThemeMatrixOptions};
use crate::sort::{set, Set};
use crate::themes::Taxonomy;
use serde::{Deserialize, Serialize};

/// The next file a string needs ([`DataDir::need_for`]): a vocabulary run or an index shard.
enum Need {
    /// Whether it is a term is unknown: its run, or its shard (run and shard positions).
    Run(usize, usize),
    Shard(usize),
}

/// What `manifest.json` says the directory is.
pub const FORMAT: &str = "plan-compare-data";
/// Bumped whenever a file's layout changes (postcard is positional: any field change).
pub const FORMAT_VERSION: u32 = 11;
/// The one file with a fixed name: it names the catalogue.
pub const MANIFEST: &str = "manifest.json";
/// Target raw size of an index shard; the figures behind it are in `docs/data-format.md`.
pub const DEFAULT_SHARD_BYTES: usize = 4 * 1024;
/// Target raw size of a run of the vocabulary (terms only, front-coded); figures in the doc.
pub const DEFAULT_VOCABULARY_RUN_BYTES: usize = 1024;
/// Target raw size of a fragment (a few consecutive measures' records); figures in the doc.
pub const DEFAULT_FRAGMENT_BYTES: usize = 2 * 1024;
/// Target raw size of a run of the English dictionary; figures in the doc.
pub const DEFAULT_ENGLISH_BYTES: usize = 2 * 1024;

/// `manifest.json`: the entry point (JSON so that any tool can read it; served with `no-cache`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub version: u32,
    /// File name of the catalogue.
    pub catalog: String,
    /// Plans and measures in the corpus, for a reader that wants to show them before loading.
    pub plans: usize,
    pub measures: usize,
}

/// One plan's chunk file and where its measures sit in corpus order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChunkEntry {
    /// Not in the catalogue: named from the catalogue's `chunks_hash` and the plan's id ([`chunk_name`]).
    #[serde(skip)]
    pub file: String,
    /// Position of the plan's first measure in the corpus (= its first document in the index). Not in
    /// the catalogue: the measures of the plans before it, added up.
    #[serde(skip)]
    pub first: u32,
    pub measures: u32,
    /// Measures per fragment of this plan (the last fragment may hold fewer): fragment `j` holds
    /// measures `first + j * fragment_measures ..`, and its name follows from the chunk's
    /// ([`fragment_name`]), so the catalogue lists fragments with one number per plan.
    pub fragment_measures: u32,
}

/// One index shard: the vocabulary terms from `first` (inclusive) to the next shard's first term,
/// with their posting lists. Any term's shard, present or not, is the last whose first term is not
/// after it: the catalogue need not list the vocabulary.
#[derive(Debug, Clone, PartialEq)]
pub struct ShardEntry {
    /// Named from the catalogue's `shards_hash` and the shard's bounds ([`shard_name`]).
    pub file: String,
    pub first: String,
}

/// One run of the English dictionary: the keys from the one whose first word is `first` to the
/// next run's first word (keys sharing a first word are never parted: [`english::Dictionary::split`]).
///
/// [`english::Dictionary::split`]: crate::english::Dictionary::split
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnglishEntry {
    pub file: String,
    pub first: String,
}

/// A facet (region, level, year, focus, agency, theme) with its values' measure counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Facet {
    pub name: String,
    pub counts: Vec<(String, u32)>,
}

/// The catalogue file: everything the first call needs, and no measure text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogFile {
    pub documents: Vec<Document>,
    pub plans: Vec<Plan>,
    /// One per plan, in plan order.
    pub chunks: Vec<ChunkEntry>,
    /// The hash of every chunk's bytes together ([`set_hash`]), which names them ([`chunk_name`]).
    pub chunks_hash: String,
    pub themes: Vec<ThemeRef>,
    pub taxonomy: Taxonomy,
    /// Facet counts over the whole corpus (what `filter({})` reports).
    pub facets: Vec<Facet>,
    /// The file with per-plan summaries (facets and theme scores): only the calls that use them
    /// fetch it, since it grows with the number of plans.
    pub summary: String,
    /// The file with the whole vocabulary of real terms ([`Vocabulary`]): only calls that segment
    /// long texts fetch it (a diff's inline changes, plans a reader adds); a search loads the
    /// vocabulary it needs with the shards of its query's pieces.
    pub vocabulary: String,
    /// The same vocabulary cut into runs of consecutive terms ([`Vocabulary`] each), by the first
    /// term of each run, front-coded: a search fetches the runs of the strings it must know about
    /// (is this piece a term?) before the shards of those that are. Runs are named like fragments
    /// ([`vocabulary_run_name`]), so the catalogue lists only their first terms.
    pub vocabulary_runs: Vec<(u8, String)>,
    /// Longest real term, in characters: the run-time segmenter's bound, known before any shard.
    pub max_term_chars: u32,
    /// The terms the segmenter may meet in the taxonomy's Chinese keywords and equivalent forms (`keyword_terms`),
    /// sorted, front-coded: a search's theme phrases then segment exactly before any shard
    /// arrives, and only the shards of the words they give are fetched.
    pub keyword_terms: Vec<(u8, String)>,
    /// Number of measures (documents of the index) and the sum of their weighted lengths (BM25's
    /// average); each document's own length comes with its postings in the shards.
    pub doc_count: u32,
    pub len_sum: u64,
    /// The index shards by their first terms, front-coded (a shard runs to the next one's first term).
    pub shards: Vec<(u8, String)>,
    /// The hash of every shard's bytes together ([`set_hash`]), which names them ([`shard_name`]).
    pub shards_hash: String,
    /// The file with passages and unassigned lines (no query reads them; the export does).
    pub extras: String,
    /// The English dictionary's runs (`src/english.rs`), by first word, if the corpus was built
    /// with one: a query with Latin letters fetches the runs of its words.
    pub english: Vec<EnglishEntry>,
    /// Per theme of the taxonomy (in its order), the file with the postings of every string a
    /// search reads for the theme's Chinese keywords (`theme_strings`; a [`Shard`] of those that
    /// are terms), empty when none is: a query that names a theme fetches it while the keywords
    /// need a file, instead of the shards their words are scattered over. Its terms are all those
    /// strings, sorted; only the index terms among them have postings.
    pub theme_shards: Vec<String>,
    /// Traditional characters and the Simplified ones the measures use (`src/script.rs`): a query
    /// typed in Traditional script is folded before any file is looked for.
    pub traditional: crate::script::Traditional,
}

/// The summary file: per plan, what a filter on plan fields and the theme matrix need.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Per plan, the facets over its measures alone: a filter by plan, region, level, kind or year
    /// adds them up instead of fetching every chunk.
    pub plan_facets: Vec<Vec<Facet>>,
    /// Per plan, the themes it touches: (theme position, measures tagged, keyword score).
    pub matrix: Vec<Vec<(u16, u32, f64)>>,
}

/// A plan chunk file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanChunk {
    pub plan: String,
    pub first: u32,
    pub measures: Vec<Measure>,
    /// Per measure, the themes its text touches with their keyword scores.
    pub theme_scores: Vec<Vec<(u16, f32)>>,
    pub targets: Vec<Target>,
}

/// An index shard file: the posting lists of consecutive terms, by column (gzip finds more repeats
/// in a column of like numbers than in interleaved tuples). Per term: its documents as gaps from
/// the previous one; their weighted frequencies (empty when all are 1, as for pseudo-terms); and
/// the documents' weighted lengths for BM25, a byte each (empty for pseudo-terms: every document
/// with a length has a real term, whose postings bring it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shard {
    /// Its terms, sorted, front-coded ([`front_code`]): the first is its catalogue entry's `first`.
    pub terms: Vec<(u8, String)>,
    pub gaps: Vec<Vec<u32>>,
    pub freqs: Vec<Vec<u16>>,
    /// [`crate::index::length_code`]s: one byte each.
    pub lengths: Vec<Vec<u8>>,
}

/// The vocabulary file: every real term (no pseudo-term: segmentation never matches them), sorted,
/// front-coded ([`front_code`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Vocabulary {
    pub terms: Vec<(u8, String)>,
}

/// A fragment file: the records of a few consecutive measures of one plan, what a page of search or
/// filter results shows (the plan chunk holds them too, for diff and compare).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fragment {
    /// Position of its first measure in the corpus.
    pub first: u32,
    pub measures: Vec<Measure>,
}

/// The file name of fragment `j` of the plan whose chunk is `chunk_file`, cut `per` measures a
/// fragment: a hash of what determines its bytes (the chunk's content, named by its hash, and the
/// cut), so that the catalogue need not list fragments and a changed plan renames them all.
pub fn fragment_name(chunk_file: &str, per: u32, j: u32) -> String {
    derived_name("frag", &[chunk_file, &per.to_string(), &j.to_string()])
}

/// The file name of plan `plan`'s chunk in a directory whose chunks hash to `chunks_hash` ([`set_hash`]
/// of all their bytes, in plan order): any change to any chunk renames every chunk (and with them every
/// fragment), so the catalogue need not carry a hash per plan.
pub fn chunk_name(chunks_hash: &str, plan: &str) -> String {
    derived_name("plan", &[chunks_hash, plan])
}

/// The file name of the index shard from term `first` to `next` (the next shard's first term, empty
/// for the last) in a directory whose shards hash to `shards_hash` ([`set_hash`] of all their bytes):
/// adding measures changes most shards anyway (postings grow and the cuts move), and the catalogue
/// then lists shards by their first terms alone.
pub fn shard_name(shards_hash: &str, first: &str, next: &str) -> String {
    derived_name("shard", &[shards_hash, first, next])
}

/// The file name of the vocabulary run from `first` to `next` (the next run's first term, empty for
/// the last) of the vocabulary file `vocabulary`: that file's name is a hash of every term, and
/// the two bounds fix which of them the run holds, so the name changes whenever its content does.
pub fn vocabulary_run_name(vocabulary: &str, first: &str, next: &str) -> String {
    derived_name("terms", &[vocabulary, first, next])
}

/// Shard groups: a shard holds terms of one group only; the facets' (agency, focus and theme
/// pseudo-terms) are one shard of their own.
fn term_group(term: &str) -> u8 {
    use crate::index::{AGENCY_TERM, FOCUS_TERM, THEME_TERM};
    if [AGENCY_TERM, FOCUS_TERM, THEME_TERM].iter().any(|p| term.starts_with(p)) {
        0
    } else if crate::index::is_pseudo(term) {
        1
    } else {
        2
    }
}

/// The taxonomy's Chinese keywords and equivalent forms as search makes phrases of them
/// (trimmed), and lower-cased.
fn keyword_texts(taxonomy: &Taxonomy) -> Set<String> {
    let keywords = taxonomy.themes.iter().flat_map(|t| &t.keywords_zh).chain(taxonomy.equivalents_zh.iter().flatten());
    let keywords = keywords.map(|k| k.trim());
    set(keywords.flat_map(|k| [k.to_string(), k.to_lowercase()]).filter(|k| !k.is_empty()))
}

/// The index terms among the strings the segmenter may test in the taxonomy's keywords
/// ([`Index::probes`]): with them known, every keyword segments as with the whole vocabulary.
fn keyword_terms(index: &Index, taxonomy: &Taxonomy) -> Vec<String> {
    let probes = set(keyword_texts(taxonomy).iter().flat_map(|k| index.probes(k)));
    probes.into_iter().filter(|p| index.term_id(p).is_some()).collect()
}

/// The strings a search reads of a phrase's text (`DataDir::needs_for_search`): the text whole and
/// lower-cased (an expansion counts as one term), the pair terms its adjacent words may make, and
/// its words, as typed and lower-cased.
fn phrase_strings(index: &Index, text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let words = index.words(&lower);
    let mut out = vec![lower.clone()];
    out.extend(crate::index::adjacent_pairs(&words));
    out.extend(index.words(text));
    out.extend(words);
    out
}

/// Every string a search reads for a theme's Chinese keywords ([`phrase_strings`] of each): what
/// its theme shard answers for. The catalogue's keyword terms make these the same for a reader
/// with any part of the vocabulary as for the whole index.
fn theme_strings(index: &Index, theme: &crate::themes::Theme) -> Set<String> {
    let keywords = theme.keywords_zh.iter().map(|k| k.trim()).filter(|k| !k.is_empty());
    set(keywords.flat_map(|k| phrase_strings(index, k)))
}

/// An index shard of `terms` (sorted) with their postings in `index` (none for a string that is no term).
fn shard_of_terms(index: &Index, terms: &[String]) -> Shard {
    let mut shard = Shard { terms: front_code(terms), gaps: Vec::new(), freqs: Vec::new(), lengths: Vec::new() };
    for term in terms {
        let list = index.term_id(term).and_then(|id| index.postings.get(id)).map_or(&[][..], Vec::as_slice);
        let len = |doc: u32| index.doc_len.get(doc as usize).copied().unwrap_or(0);
        shard.gaps.push(crate::bundle::gaps(list).into_iter().map(|(gap, _)| gap).collect());
        let all_one = list.iter().all(|&(_, tf)| tf == 1);
        shard.freqs.push(if all_one { Vec::new() } else { list.iter().map(|&(_, tf)| tf).collect() });
        let pseudo = crate::index::is_pseudo(term);
        shard.lengths.push(if pseudo {
            Vec::new()
        } else {
            list.iter().map(|&(doc, _)| length_code(len(doc))).collect()
        });
    }
    shard
}

/// Terms with their posting lists (document, weighted frequency), as [`Index::merge_terms`] takes them.
type TermPostings = Vec<(String, Vec<(u32, u16)>)>;

/// Sorted terms cut into runs of about `bytes` each, front-coded (what a run's file holds).
fn vocabulary_runs(terms: &[String], bytes: usize) -> Vec<Vec<String>> {
    let mut runs: Vec<Vec<String>> = Vec::new();
    let mut size = usize::MAX;
    let mut prev = "";
    for t in terms {
        if size >= bytes {
            runs.push(Vec::new());
            size = 0;
            prev = "";
        }
        let shared = prev.chars().zip(t.chars()).take_while(|(a, b)| a == b).count();
        size += 2 + t.char_indices().nth(shared).map_or(0, |(b, _)| t.len() - b);
        prev = t;
        if let Some(run) = runs.last_mut() {
            run.push(t.clone());
        }
    }
    runs
}

/// The extras file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extras {
    pub passages: Vec<Passage>,
    pub unassigned: Vec<Unassigned>,
}

/// Most measures a reader accepts from a catalogue (ten times the 100× synthetic corpus): a damaged
/// count is refused before placeholders are allocated for it.
pub const MAX_DOCS: usize = 2_000_000;

/// Sorted terms as (characters shared with the previous term, the rest): the vocabulary is most of
/// the catalogue, and neighbours share prefixes (知识产权, 知识产权局 …; `#unit:` …).
pub fn front_code(terms: &[String]) -> Vec<(u8, String)> {
    let mut prev = "";
    terms
        .iter()
        .map(|t| {
            let shared = prev.chars().zip(t.chars()).take_while(|(a, b)| a == b).count().min(255);
            let rest = t.char_indices().nth(shared).map_or("", |(b, _)| &t[b..]);
            prev = t;
            (shared as u8, rest.to_string())
        })
        .collect()
}

/// The terms [`front_code`] gave, or `None` when a count is longer than the previous term.
pub fn front_decode(coded: Vec<(u8, String)>) -> Option<Vec<String>> {
    let mut out: Vec<String> = Vec::with_capacity(coded.len());
    for (shared, rest) in coded {
        let prev = out.last().map_or("", String::as_str);
        let end = match shared {
            0 => 0,
            k => prev.char_indices().nth(usize::from(k)).map_or(prev.len(), |(b, _)| b),
        };
        if prev.chars().count() < usize::from(shared) {
            return None;
        }
        let mut term = prev.get(..end)?.to_string();
        term.push_str(&rest);
        out.push(term);
    }
    Some(out)
}

/// A written data directory: file names and bytes, manifest first.
pub type Files = Vec<(String, Vec<u8>)>;

/// 64-bit FNV-1a of the bytes, as 16 hex digits: stable across builds and toolchains, so the same
/// content always gets the same name.
pub fn content_hash(bytes: &[u8]) -> String {
    hex(fnv1a(FNV_OFFSET, bytes))
}

/// One [`content_hash`] of several files' bytes, each preceded by its length (so that no other list
/// of files gives the same stream): the name of a set of files that change together.
pub fn set_hash<'a>(files: impl IntoIterator<Item = &'a [u8]>) -> String {
    let h = files.into_iter().fold(FNV_OFFSET, |h, bytes| fnv1a(fnv1a(h, &(bytes.len() as u64).to_le_bytes()), bytes));
    hex(h)
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// `kind.HASH.bin` where HASH is the [`content_hash`] of the parts joined by `/`, hashed piece by
/// piece (a 100× corpus names thousands of chunks at open; no string is joined for it).
fn derived_name(kind: &str, parts: &[&str]) -> String {
    let mut h = FNV_OFFSET;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            h = fnv1a(h, b"/");
        }
        h = fnv1a(h, part.as_bytes());
    }
    let mut name = String::with_capacity(kind.len() + 21);
    name.push_str(kind);
    name.push('.');
    push_hex(&mut name, h);
    name.push_str(".bin");
    name
}

/// `h` as 16 lower-case hex digits, `{h:016x}` without the formatting machinery: a national
/// corpus names thousands of files at open, and `format!` was a seventh of opening it in Chromium.
fn push_hex(out: &mut String, h: u64) {
    for shift in (0..16).rev() {
        out.extend(char::from_digit(((h >> (4 * shift)) & 0xF) as u32, 16));
    }
}

/// [`push_hex`] into a string of its own.
fn hex(h: u64) -> String {
    let mut out = String::with_capacity(16);
    push_hex(&mut out, h);
    out
}

fn fnv1a(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn encode<T: Serialize>(what: &str, value: &T) -> Result<Vec<u8>> {
    postcard::to_allocvec(value)
        .map_err(|e| Error::new(ErrorCode::BundleInvalid, format!("cannot encode the {what}: {e}")))
}

fn decode<'a, T: Deserialize<'a>>(file: &str, bytes: &'a [u8]) -> Result<T> {
    postcard::from_bytes(bytes).map_err(|e| Error::new(ErrorCode::BundleInvalid, format!("data file {file}: {e}")))
}

/// `kind.HASH.bin`, the name of a file with these bytes.
fn named(kind: &str, bytes: Vec<u8>) -> (String, Vec<u8>) {
    (format!("{kind}.{}.bin", content_hash(&bytes)), bytes)
}

/// Whether a file name is one this format gives (`catalog|summary|plan|shard|theme|extras|frag.HASH.bin` …).
pub fn is_data_file_name(name: &str) -> bool {
    let mut parts = name.split('.');
    let (Some(kind), Some(hash), Some("bin"), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    ["catalog", "summary", "plan", "shard", "theme", "extras", "frag", "english", "vocab", "terms"].contains(&kind)
        && hash.len() == 16
        && hash.chars().all(|c| c.is_ascii_hexdigit())
}

/// Write a corpus as a data directory (in memory; the caller stores the files). Shards hold about
/// `shard_bytes` of postings each, fragments about `fragment_bytes` of measure records, the English
/// dictionary's runs about `english_bytes` of keys. The measures
/// of each plan must be contiguous and in plan order (as the parser gives them); the corpus must
/// carry its theme scores.
pub fn write(
    corpus: &Corpus,
    documents: &[Document],
    shard_bytes: usize,
    fragment_bytes: usize,
    english_bytes: usize,
) -> Result<Files> {
    let d = &corpus.dataset;
    let invalid = |m: String| Error::new(ErrorCode::BundleInvalid, m);
    if corpus.theme_scores.len() != d.measures.len() || corpus.index.doc_count() != d.measures.len() {
        return Err(invalid("the index or theme scores do not cover the measures".into()));
    }
    let mut ids = std::collections::HashSet::new();
    if let Some(p) = d.plans.iter().find(|p| !ids.insert(p.id.as_str())) {
        let hint = "give one of their documents an `id` in the catalogue";
        return Err(invalid(format!("two plans have the id {:?} ({} and another): {hint}", p.id, p.source)));
    }
    let mut files: Files = Vec::new();
    let mut chunks = Vec::with_capacity(d.plans.len());
    let mut chunk_files: Vec<(Vec<u8>, Vec<Fragment>)> = Vec::with_capacity(d.plans.len());
    let mut at = 0usize;
    for plan in &d.plans {
        let count = d.measures.get(at..).unwrap_or_default().iter().take_while(|m| m.plan == plan.id).count();
        let chunk = PlanChunk {
            plan: plan.id.clone(),
            first: at as u32,
            measures: d.measures.get(at..at + count).unwrap_or_default().to_vec(),
            theme_scores: corpus.theme_scores.get(at..at + count).unwrap_or_default().to_vec(),
            targets: d.targets.iter().filter(|t| t.plan == plan.id).cloned().collect(),
        };
        // Measures per fragment from the plan's mean record size: table rows are short, prose long.
        let record_bytes: usize = chunk.measures.iter().map(|m| encode("measure", m).map_or(0, |b| b.len())).sum();
        let per = (fragment_bytes * count.max(1) / record_bytes.max(1)).clamp(1, count.max(1)) as u32;
        let fragments = chunk
            .measures
            .chunks(per as usize)
            .enumerate()
            .map(|(j, measures)| Fragment { first: (at + j * per as usize) as u32, measures: measures.to_vec() });
        chunk_files.push((encode("plan chunk", &chunk)?, fragments.collect()));
        let file = String::new(); // named below, once every chunk's bytes are known
        chunks.push(ChunkEntry { file, first: at as u32, measures: count as u32, fragment_measures: per });
        at += count;
    }
    let chunks_hash = set_hash(chunk_files.iter().map(|(bytes, _)| bytes.as_slice()));
    for ((plan, entry), (bytes, fragments)) in d.plans.iter().zip(&mut chunks).zip(chunk_files) {
        entry.file = chunk_name(&chunks_hash, &plan.id);
        for (j, fragment) in fragments.iter().enumerate() {
            let name = fragment_name(&entry.file, entry.fragment_measures, j as u32);
            files.push((name, encode("fragment", fragment)?));
        }
        files.push((entry.file.clone(), bytes));
    }
    if at != d.measures.len() {
        let stray = d.measures.get(at).map_or(String::new(), |m| m.id.clone());
        return Err(invalid(format!("measure {stray:?} is not with the other measures of its plan")));
    }
    if let Some(t) = d.targets.iter().find(|t| corpus.plan(&t.plan).is_err()) {
        return Err(invalid(format!("a target names the unknown plan {:?}", t.plan)));
    }

    let mut shards = Vec::new();
    let mut start = 0usize;
    while start < corpus.index.postings.len() {
        let mut end = start;
        let mut size = 0usize;
        // Roughly three bytes a posting (gap, frequency, length code), and the term itself.
        // The facets' pseudo-terms are read together (every filter and search counts facets): one
        // shard, one request, whatever its size.
        let terms = &corpus.index.terms;
        let group = terms.get(start).map_or(2, |t| term_group(t));
        while end < corpus.index.postings.len()
            && (end == start || size < shard_bytes || group == 0)
            && terms.get(end).is_some_and(|t| term_group(t) == group)
        {
            size += corpus.index.postings.get(end).map_or(0, |p| 4 * p.len() + 1);
            size += terms.get(end).map_or(0, String::len);
            end += 1;
        }
        let terms = terms.get(start..end).unwrap_or_default();
        let shard = shard_of_terms(&corpus.index, terms);
        // Named below, once every shard's bytes are known.
        shards.push((terms.first().cloned().unwrap_or_default(), encode("index shard", &shard)?));
        start = end;
    }
    let shards_hash = set_hash(shards.iter().map(|(_, bytes)| bytes.as_slice()));
    let shard_firsts: Vec<String> = shards.iter().map(|(first, _)| first.clone()).collect();
    for (i, (first, bytes)) in shards.into_iter().enumerate() {
        let next = shard_firsts.get(i + 1).map_or("", String::as_str);
        files.push((shard_name(&shards_hash, &first, next), bytes));
    }

    let mut theme_shards = Vec::with_capacity(corpus.taxonomy.themes.len());
    for theme in &corpus.taxonomy.themes {
        // Every string, terms or not: the reader learns which are (those with postings).
        let strings: Vec<String> = theme_strings(&corpus.index, theme).into_iter().collect();
        if !strings.iter().any(|t| corpus.index.term_id(t).is_some()) {
            theme_shards.push(String::new());
            continue;
        }
        let (name, bytes) = named("theme", encode("theme shard", &shard_of_terms(&corpus.index, &strings))?);
        theme_shards.push(name.clone());
        files.push((name, bytes));
    }

    let real: Vec<String> = corpus.index.terms.iter().filter(|t| !crate::index::is_pseudo(t)).cloned().collect();
    let (vocabulary, bytes) = named("vocab", encode("vocabulary", &Vocabulary { terms: front_code(&real) })?);
    files.push((vocabulary.clone(), bytes));
    let runs = vocabulary_runs(&real, DEFAULT_VOCABULARY_RUN_BYTES);
    let firsts: Vec<String> = runs.iter().filter_map(|r| r.first().cloned()).collect();
    for (i, run) in runs.iter().enumerate() {
        let next = firsts.get(i + 1).map_or("", String::as_str);
        let name = vocabulary_run_name(&vocabulary, firsts.get(i).map_or("", String::as_str), next);
        files.push((name, encode("vocabulary run", &Vocabulary { terms: front_code(run) })?));
    }

    let extras = Extras { passages: d.passages.clone(), unassigned: d.unassigned.clone() };
    let (extras_file, bytes) = named("extras", encode("extras", &extras)?);
    files.push((extras_file.clone(), bytes));
    let mut english = Vec::new();
    for run in corpus.english.iter().flat_map(|d| d.split(english_bytes)) {
        let first = run.entries.keys().next().map_or("", |k| crate::english::first_word(k)).to_string();
        let (file, bytes) = named("english", encode("English dictionary run", &run)?);
        english.push(EnglishEntry { file: file.clone(), first });
        files.push((file, bytes));
    }

    let facets = facet_list(&query::filter(corpus, &FilterOptions { limit: Some(0), ..Default::default() })?.facets);
    // Per plan over its own range (a filter per plan would scan every measure for every plan).
    let plan_facets = chunks
        .iter()
        .map(|c| {
            let positions: Vec<usize> = (c.first as usize..(c.first + c.measures) as usize).collect();
            facet_list(&query::filter::facets(corpus, &positions))
        })
        .collect();
    // query::theme_matrix's sums, in its order (measures in document order, then themes), per range.
    let themes = &corpus.taxonomy.themes;
    let matrix = chunks
        .iter()
        .map(|c| {
            let mut row = vec![(0u32, 0.0f64); themes.len()];
            let range = c.first as usize..(c.first + c.measures) as usize;
            let measures = d.measures.get(range.clone()).unwrap_or_default();
            for (m, scores) in measures.iter().zip(corpus.theme_scores.get(range).unwrap_or_default()) {
                for (t, (cell, theme)) in row.iter_mut().zip(themes).enumerate() {
                    if m.themes.contains(&theme.id) {
                        cell.0 += 1;
                    }
                    cell.1 +=
                        scores.iter().filter(|(x, _)| usize::from(*x) == t).map(|(_, s)| f64::from(*s)).sum::<f64>();
                }
            }
            row.into_iter()
                .enumerate()
                .filter(|(_, (count, score))| *count > 0 || *score != 0.0)
                .map(|(t, (count, score))| (t as u16, count, score))
                .collect()
        })
        .collect();
    let (summary_file, bytes) = named("summary", encode("summary", &Summary { plan_facets, matrix })?);
    files.push((summary_file.clone(), bytes));
    let catalog = CatalogFile {
        documents: documents.to_vec(),
        plans: d.plans.clone(),
        chunks,
        chunks_hash,
        themes: d.themes.clone(),
        taxonomy: corpus.taxonomy.clone(),
        facets,
        summary: summary_file,
        vocabulary,
        vocabulary_runs: front_code(&firsts),
        keyword_terms: front_code(&keyword_terms(&corpus.index, &corpus.taxonomy)),
        max_term_chars: corpus.index.max_term_chars,
        doc_count: corpus.index.doc_count() as u32,
        len_sum: corpus.index.len_sum,
        shards: front_code(&shard_firsts),
        shards_hash,
        extras: extras_file,
        english,
        theme_shards,
        traditional: corpus.traditional.clone(),
    };
    let (catalog_file, bytes) = named("catalog", encode("catalogue", &catalog)?);
    let manifest = Manifest {
        format: FORMAT.to_string(),
        version: FORMAT_VERSION,
        catalog: catalog_file.clone(),
        plans: d.plans.len(),
        measures: d.measures.len(),
    };
    let manifest = serde_json::to_vec_pretty(&manifest).map_err(|e| invalid(e.to_string()))?;
    files.insert(0, (catalog_file, bytes));
    files.insert(0, (MANIFEST.to_string(), manifest));
    Ok(files)
}

/// `manifest.json`, if it describes a directory of the format and version this build reads.
pub fn read_manifest(bytes: &[u8]) -> Result<Manifest> {
    let manifest: Manifest =
        serde_json::from_slice(bytes).map_err(|e| Error::new(ErrorCode::BundleInvalid, format!("{MANIFEST}: {e}")))?;
    check_manifest(manifest)
}

/// The manifest, if it is of the format and version this build reads (the wasm binding gets it
/// already decoded by `JSON.parse`, which spares the module a JSON parser).
pub fn check_manifest(manifest: Manifest) -> Result<Manifest> {
    if manifest.format != FORMAT || manifest.version != FORMAT_VERSION {
        return Err(Error::new(
            ErrorCode::BundleInvalid,
            format!(
                "{MANIFEST}: {} version {}, this build reads {FORMAT} version {FORMAT_VERSION}",
                manifest.format, manifest.version
            ),
        ));
    }
    Ok(manifest)
}

/// Where the files of a data directory come from: the file system natively, a JavaScript callback
/// (fetch in browsers, the package folder in Node) in the wasm build.
pub trait Fetch {
    fn fetch(&mut self, file: &str) -> Result<Vec<u8>>;
}

/// Phrases remembered as complete ([`DataDir::needs_for_search`]) before the memory starts over: a
/// reader typing query after query must not grow it without end.
const MAX_COMPLETE_PHRASES: usize = 10_000;

/// A cache, not part of a directory's value: two readers are equal whatever they cached.
#[derive(Debug, Clone, Default)]
struct Cache<T>(std::cell::RefCell<T>);

impl<T> PartialEq for Cache<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// A data directory on disk, counting what it reads (for figures and tests).
#[derive(Debug, Clone)]
pub struct DirFetch {
    pub dir: std::path::PathBuf,
    pub requests: Vec<(String, usize)>,
}

impl DirFetch {
    pub fn new(dir: impl Into<std::path::PathBuf>) -> DirFetch {
        DirFetch { dir: dir.into(), requests: Vec::new() }
    }
}

impl Fetch for DirFetch {
    fn fetch(&mut self, file: &str) -> Result<Vec<u8>> {
        // Names come from the catalogue: refuse anything that could leave the directory.
        if file.is_empty() || file.contains(['/', '\\']) || file.starts_with('.') {
            return Err(Error::new(ErrorCode::BundleInvalid, format!("bad data file name {file:?}")));
        }
        let bytes = std::fs::read(self.dir.join(file))
            .map_err(|e| Error::new(ErrorCode::BundleInvalid, format!("cannot read data file {file}: {e}")))?;
        self.requests.push((file.to_string(), bytes.len()));
        Ok(bytes)
    }
}

/// Files held in memory (tests, or files a caller fetched itself).
impl Fetch for std::collections::BTreeMap<String, Vec<u8>> {
    fn fetch(&mut self, file: &str) -> Result<Vec<u8>> {
        self.get(file).cloned().ok_or_else(|| Error::new(ErrorCode::BundleInvalid, format!("no data file {file}")))
    }
}

/// A corpus read from a data directory, part by part as calls need it. Plans added at run time
/// (`Engine::add_plan`) go into the same corpus after the directory's plans and are always loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct DataDir {
    corpus: Corpus,
    /// The last search's ranking: `needs_for_search` makes it to learn the page, `search` answers
    /// from it (the binding asks both for one query), so a warm search ranks once, not three times.
    last_ranking: Cache<Option<(String, SearchOptions, Ranked)>>,
    /// The search phrases for which nothing was missing (typed or not, 1 or 0, then the text): their
    /// segmentation is exact and their shards loaded, so a warm search skips their checks.
    complete_phrases: Cache<Set<String>>,
    /// The vocabulary file, and its terms once loaded: the index drops them when an added plan
    /// that used them goes while their shards are not loaded, and they are put back.
    vocabulary_file: String,
    vocabulary: Option<Vec<String>>,
    /// The vocabulary's runs (first terms and file names), which are loaded, and the terms the
    /// loaded ones brought: a string in a loaded run's range is a term exactly when it is there.
    runs: Vec<String>,
    run_files: Vec<String>,
    run_loaded: Vec<bool>,
    run_terms: Set<String>,
    /// The catalogue's longest real term (the index's bound, whatever part of it is loaded).
    max_term_chars: u32,
    /// The catalogue's terms of the taxonomy's keywords, and those keywords: a phrase that is one
    /// segments exactly whatever shards are loaded.
    keyword_terms: Vec<String>,
    keyword_texts: Set<String>,
    /// Whether added plans were indexed with part of the vocabulary: their segmentation, hence
    /// their postings, may differ from the whole vocabulary's. They are indexed again once the
    /// vocabulary is complete (a search asks for it first).
    added_stale: bool,
    /// Whether the corpus comes from a directory (chunks are ranges, summaries exist), not given
    /// whole ([`DataDir::from_corpus`]).
    summaries: bool,
    summary: String,
    summary_loaded: bool,
    documents: Vec<Document>,
    chunks: Vec<ChunkEntry>,
    chunk_loaded: Vec<bool>,
    /// Per measure of the directory: whether its record is here (from its chunk or a fragment).
    record_loaded: Vec<bool>,
    /// Fragment file names → (plan position, fragment number): those a `needs_for…` named (a page's
    /// fragments), and every fragment's once a file not named there arrives (`load_all`, the full
    /// module taking over). Naming them all at open cost a 100× corpus's start 49,000 hashes.
    fragments: std::cell::RefCell<std::collections::HashMap<String, (usize, u32)>>,
    fragments_all: bool,
    /// Targets of each plan (in plan order), so that `dataset.targets` stays in corpus order.
    plan_targets: Vec<Vec<Target>>,
    shards: Vec<ShardEntry>,
    shard_loaded: Vec<bool>,
    /// Per theme of the taxonomy, its theme shard's file (empty: none) and whether it is loaded;
    /// the strings the loaded ones answer for (terms with all their postings, or known to be no
    /// term); and the terms whose postings came that way, which a range shard must not add again.
    theme_files: Vec<String>,
    theme_loaded: Vec<bool>,
    theme_covered: Set<String>,
    postings_in: Set<String>,
    facets: Vec<Facet>,
    plan_facets: Vec<Vec<Facet>>,
    matrix: Vec<Vec<(u16, u32, f64)>>,
    extras: String,
    extras_loaded: bool,
    /// The English dictionary's runs, and which are in `corpus.english` (their merge).
    english: Vec<EnglishEntry>,
    english_loaded: Vec<bool>,
}

impl DataDir {
    /// Read the manifest and the catalogue: nothing else is fetched until a call needs it.
    pub fn open(fetch: &mut impl Fetch) -> Result<DataDir> {
        let manifest = read_manifest(&fetch.fetch(MANIFEST)?)?;
        let bytes = fetch.fetch(&manifest.catalog)?;
        DataDir::from_catalog(&manifest.catalog, &bytes)
    }

    /// Start from the catalogue's bytes (fetched by the caller).
    pub fn from_catalog(file: &str, bytes: &[u8]) -> Result<DataDir> {
        let c: CatalogFile = decode(file, bytes)?;
        let invalid = |m: &str| Error::new(ErrorCode::BundleInvalid, format!("data file {file}: {m}"));
        let n = c.doc_count as usize;
        // Checked before anything is allocated: a damaged count must not ask for gigabytes.
        if n > MAX_DOCS {
            return Err(invalid("more measures than a reader takes"));
        }
        let mut measures = Vec::with_capacity(n);
        if c.chunks.len() != c.plans.len() {
            return Err(invalid("plans and chunks differ in number"));
        }
        let mut chunks = c.chunks;
        for (plan, chunk) in c.plans.iter().zip(&mut chunks) {
            // Checked before anything is allocated: a damaged count must not ask for gigabytes.
            if measures.len().checked_add(chunk.measures as usize).is_none_or(|end| end > n) {
                return Err(invalid("the chunks hold more measures than the corpus"));
            }
            chunk.first = measures.len() as u32;
            chunk.file = chunk_name(&c.chunks_hash, &plan.id);
            measures.extend((0..chunk.measures).map(|_| placeholder()));
        }
        if measures.len() != n {
            return Err(invalid("the chunks do not cover the corpus"));
        }
        if c.english.windows(2).any(|w| w[0].first >= w[1].first) {
            return Err(invalid("the English dictionary's runs are out of order"));
        }
        let firsts = front_decode(c.shards)
            .filter(|t| t.windows(2).all(|w| w[0] < w[1]))
            .ok_or_else(|| invalid("the shards' first terms are damaged or out of order"))?;
        let shards: Vec<ShardEntry> = (0..firsts.len())
            .map(|i| {
                let (first, next) = (firsts.get(i).cloned().unwrap_or_default(), firsts.get(i + 1));
                let file = shard_name(&c.shards_hash, &first, next.map_or("", String::as_str));
                ShardEntry { file, first }
            })
            .collect();
        // The keywords' terms, without postings yet; each shard brings its own terms.
        let keyword_terms = front_decode(c.keyword_terms)
            .filter(|t| t.windows(2).all(|w| w[0] < w[1]))
            .ok_or_else(|| invalid("the keywords' terms are damaged"))?;
        let keyword_texts = keyword_texts(&c.taxonomy);
        let theme_files = c.theme_shards;
        if theme_files.len() != c.taxonomy.themes.len() {
            return Err(invalid("not one theme shard entry per theme"));
        }
        let runs = front_decode(c.vocabulary_runs)
            .filter(|t| t.windows(2).all(|w| w[0] < w[1]))
            .ok_or_else(|| invalid("the vocabulary's runs are damaged"))?;
        let run_files = (0..runs.len())
            .map(|i| {
                let (first, next) = (runs.get(i).map_or("", String::as_str), runs.get(i + 1));
                vocabulary_run_name(&c.vocabulary, first, next.map_or("", String::as_str))
            })
            .collect();
        let index = Index {
            terms: keyword_terms.clone(),
            postings: vec![Vec::new(); keyword_terms.len()],
            doc_len: vec![0; n],
            len_sum: c.len_sum,
            max_term_chars: c.max_term_chars,
        };
        let corpus = Corpus {
            dataset: crate::model::Dataset { plans: c.plans, measures, themes: c.themes, ..Default::default() },
            taxonomy: c.taxonomy,
            index,
            theme_scores: vec![Vec::new(); n],
            english: None,
            traditional: c.traditional,
            folded_plans: Vec::new(),
            plan_numbers: Default::default(),
            plan_sizes: crate::query::PlanSizes(chunks.iter().map(|c| c.measures as usize).collect()),
        };
        Ok(DataDir {
            last_ranking: Cache::default(),
            complete_phrases: Cache::default(),
            vocabulary_file: c.vocabulary,
            vocabulary: None,
            run_loaded: vec![false; runs.len()],
            runs,
            run_files,
            run_terms: Set::new(),
            max_term_chars: c.max_term_chars,
            keyword_texts,
            keyword_terms,
            added_stale: false,
            summaries: true,
            summary: c.summary,
            summary_loaded: false,
            chunk_loaded: vec![false; chunks.len()],
            record_loaded: vec![false; n],
            fragments: Default::default(),
            fragments_all: false,
            plan_targets: vec![Vec::new(); chunks.len()],
            shard_loaded: vec![false; shards.len()],
            theme_loaded: vec![false; theme_files.len()],
            theme_files,
            theme_covered: Set::new(),
            postings_in: Set::new(),
            corpus,
            documents: c.documents,
            chunks,
            shards,
            facets: c.facets,
            plan_facets: Vec::new(),
            matrix: Vec::new(),
            extras: c.extras,
            extras_loaded: false,
            english_loaded: vec![false; c.english.len()],
            english: c.english,
        })
    }

    /// A corpus given whole (decoded from `data/bundle.bin`): everything is loaded, nothing is
    /// fetched, and the answers that the catalogue's summaries give elsewhere are computed.
    pub fn from_corpus(corpus: Corpus) -> DataDir {
        let mut chunks = Vec::with_capacity(corpus.dataset.plans.len());
        for plan in &corpus.dataset.plans {
            let mut positions = corpus.measures_of(&plan.id).map(|(i, _)| i as u32);
            let first = positions.next();
            let count = first.map_or(0, |_| 1 + positions.count() as u32);
            let first = first.unwrap_or(chunks.last().map_or(0, |c: &ChunkEntry| c.first + c.measures));
            chunks.push(ChunkEntry { file: String::new(), first, measures: count, fragment_measures: count });
        }
        let plans = chunks.len();
        DataDir {
            last_ranking: Cache::default(),
            complete_phrases: Cache::default(),
            vocabulary_file: String::new(),
            vocabulary: None,
            runs: Vec::new(),
            run_files: Vec::new(),
            run_loaded: Vec::new(),
            run_terms: Set::new(),
            max_term_chars: corpus.index.max_term_chars,
            keyword_terms: Vec::new(),
            keyword_texts: Set::new(),
            added_stale: false,
            summaries: false,
            summary: String::new(),
            summary_loaded: true,
            chunk_loaded: vec![true; plans],
            record_loaded: vec![true; corpus.dataset.measures.len()],
            fragments: Default::default(),
            fragments_all: true,
            plan_targets: (0..plans).map(|_| Vec::new()).collect(),
            shards: Vec::new(),
            shard_loaded: Vec::new(),
            theme_files: Vec::new(),
            theme_loaded: Vec::new(),
            theme_covered: Set::new(),
            postings_in: Set::new(),
            documents: Vec::new(),
            chunks,
            facets: Vec::new(),
            plan_facets: Vec::new(),
            matrix: Vec::new(),
            extras: String::new(),
            extras_loaded: true,
            english: Vec::new(),
            english_loaded: Vec::new(),
            corpus,
        }
    }

    pub(crate) fn corpus_mut(&mut self) -> &mut Corpus {
        self.last_ranking = Cache::default();
        self.complete_phrases = Cache::default();
        &mut self.corpus
    }

    /// Add a reader's plan to the corpus ([`Corpus::add_plan`]), after the directory's plans. Its
    /// measures are segmented with the vocabulary loaded so far; unless that is all of it, they
    /// are indexed again once it is ([`DataDir::needs_for_search`] asks for the vocabulary first).
    pub(crate) fn add_plan(
        &mut self,
        plan: Plan,
        measures: Vec<Measure>,
        targets: Vec<Target>,
    ) -> std::result::Result<(), QueryError> {
        self.last_ranking = Cache::default();
        self.complete_phrases = Cache::default();
        self.corpus.add_plan(plan, measures, targets)?;
        self.added_stale |= !self.vocabulary_complete();
        Ok(())
    }

    /// Take an added plan out of the corpus ([`Corpus::remove_plan`]). The index drops terms left
    /// without postings, which here include the vocabulary file's terms whose shards are not loaded
    /// yet: they are put back, and the bound of the longest term is the catalogue's again.
    pub(crate) fn remove_plan(&mut self, id: &str) -> std::result::Result<(), QueryError> {
        self.last_ranking = Cache::default();
        self.complete_phrases = Cache::default();
        self.corpus.remove_plan(id)?;
        self.restore_vocabulary();
        self.added_stale &= self.corpus.index.doc_count() > self.catalog_docs() as usize;
        Ok(())
    }

    /// Put back the vocabulary file's and the keywords' terms the index dropped (with no postings:
    /// their shards are not loaded), and the catalogue's bound of the longest term.
    fn restore_vocabulary(&mut self) {
        let index = &mut self.corpus.index;
        let known = self.vocabulary.iter().flatten().chain(&self.keyword_terms).chain(&self.run_terms);
        let dropped = set(known.filter(|t| index.term_id(t).is_none()));
        let dropped: Vec<(String, Vec<(u32, u16)>)> = dropped.into_iter().map(|t| (t.clone(), Vec::new())).collect();
        if !dropped.is_empty() {
            index.merge_terms(dropped);
        }
        index.max_term_chars = self.max_term_chars.max(crate::index::real_max_chars(&index.terms));
    }

    /// Whether the index knows every term of the directory's vocabulary (its postings may still be
    /// missing): then any text segments exactly.
    fn vocabulary_complete(&self) -> bool {
        !self.summaries
            || self.vocabulary.is_some()
            || self.shard_loaded.iter().all(|&l| l)
            || self.run_loaded.iter().all(|&l| l)
    }

    /// Index the added plans again once the vocabulary is complete (see [`DataDir::add_plan`]):
    /// as if they had been added with the whole vocabulary.
    fn reindex_added(&mut self) {
        // The small wasm module adds no plan (it has no parser): nothing to index again, and the
        // indexing code stays out of it.
        if cfg!(all(target_arch = "wasm32", not(feature = "full"))) || !self.added_stale || !self.vocabulary_complete()
        {
            return;
        }
        let first = self.catalog_docs() as usize;
        let added = self.corpus.dataset.measures.get(first..).unwrap_or_default();
        let measures: Vec<_> = added.iter().map(|m| self.corpus.traditional.fold_measure(m).into_owned()).collect();
        let end = self.corpus.index.doc_count();
        self.corpus.index.remove_docs(first..end);
        self.restore_vocabulary();
        self.corpus.index.append(&measures);
        self.added_stale = false;
    }

    /// The corpus as loaded so far. Measures of plans not loaded yet are placeholders: use the
    /// verbs below, which load what they need first.
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    pub fn plans(&self) -> &[Plan] {
        &self.corpus.dataset.plans
    }

    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    /// Facet counts over the whole corpus, from the catalogue.
    pub fn facets(&self) -> &[Facet] {
        &self.facets
    }

    /// Add a fetched file (named in the catalogue) to the corpus. Adding one twice is harmless.
    pub fn add_file(&mut self, file: &str, bytes: &[u8]) -> Result<()> {
        // Measure records (chunks, fragments) change no ranking: it reads the index and the plans
        // alone. A search's last round brings the page's fragments; ranking again after them cost
        // a cold search at 100× the seeds 25–50 ms.
        if let Some(i) = self.chunks.iter().position(|c| c.file == file) {
            return self.add_chunk(i, file, bytes);
        }
        if let Some((plan, j)) = self.fragment_of(file) {
            return self.add_fragment(plan, j, file, bytes);
        }
        // Any other file can change a ranking (postings, lengths, the dictionary).
        self.last_ranking = Cache::default();
        if let Some(i) = self.shards.iter().position(|s| s.file == file) {
            self.add_shard(i, file, bytes)?;
            self.reindex_added();
            return Ok(());
        }
        if let Some(t) = self.theme_files.iter().position(|f| !f.is_empty() && f == file) {
            self.add_theme_shard(t, file, bytes)?;
            self.reindex_added();
            return Ok(());
        }
        if file == self.vocabulary_file && self.summaries {
            if self.vocabulary.is_none() {
                let coded: Vocabulary = decode(file, bytes)?;
                let damaged = || Error::new(ErrorCode::BundleInvalid, format!("data file {file}: damaged"));
                let sorted = |t: &Vec<String>| t.windows(2).all(|w| w[0] < w[1]);
                let terms = front_decode(coded.terms).filter(sorted).ok_or_else(damaged)?;
                self.corpus.index.merge_terms(terms.iter().map(|t| (t.clone(), Vec::new())).collect());
                self.vocabulary = Some(terms);
                self.reindex_added();
            }
            return Ok(());
        }
        if let Some(i) = self.run_files.iter().position(|f| f == file) {
            self.add_run(i, file, bytes)?;
            self.reindex_added();
            return Ok(());
        }
        if file == self.summary && self.summaries {
            if self.summary_loaded {
                return Ok(());
            }
            let summary: Summary = decode(file, bytes)?;
            if summary.plan_facets.len() != self.chunks.len() || summary.matrix.len() != self.chunks.len() {
                return Err(Error::new(ErrorCode::BundleInvalid, format!("data file {file}: not one row per plan")));
            }
            self.plan_facets = summary.plan_facets;
            self.matrix = summary.matrix;
            self.summary_loaded = true;
            return Ok(());
        }
        if let Some(i) = self.english.iter().position(|e| e.file == file) {
            return self.add_english(i, file, bytes);
        }
        if file == self.extras {
            let extras: Extras = decode(file, bytes)?;
            self.corpus.dataset.passages = extras.passages;
            self.corpus.dataset.unassigned = extras.unassigned;
            self.extras_loaded = true;
            return Ok(());
        }
        Err(Error::new(ErrorCode::BundleInvalid, format!("{file} is not a file of this data directory")))
    }

    fn add_chunk(&mut self, i: usize, file: &str, bytes: &[u8]) -> Result<()> {
        if self.chunk_loaded.get(i) == Some(&true) {
            return Ok(());
        }
        let chunk: PlanChunk = decode(file, bytes)?;
        let (Some(entry), Some(plan)) = (self.chunks.get(i), self.corpus.dataset.plans.get(i)) else {
            return Err(Error::new(ErrorCode::Internal, "chunk out of range"));
        };
        let (first, count) = (entry.first as usize, entry.measures as usize);
        if chunk.plan != plan.id
            || chunk.first != entry.first
            || chunk.measures.len() != count
            || chunk.theme_scores.len() != count
            || chunk.measures.iter().any(|m| m.plan != plan.id)
            || chunk.targets.iter().any(|t| t.plan != plan.id)
        {
            return Err(Error::new(
                ErrorCode::BundleInvalid,
                format!("data file {file} does not hold plan {}", plan.id),
            ));
        }
        let (Some(measures), Some(scores)) = (
            self.corpus.dataset.measures.get_mut(first..first + count),
            self.corpus.theme_scores.get_mut(first..first + count),
        ) else {
            return Err(Error::new(ErrorCode::BundleInvalid, format!("data file {file}: measures out of range")));
        };
        for (slot, m) in measures.iter_mut().zip(chunk.measures) {
            *slot = m;
        }
        for (slot, s) in scores.iter_mut().zip(chunk.theme_scores) {
            *slot = s;
        }
        for r in self.record_loaded.get_mut(first..first + count).unwrap_or_default() {
            *r = true;
        }
        // The directory's targets come first, in plan order; added plans' targets follow.
        let ours: usize = self.plan_targets.iter().map(Vec::len).sum();
        let added = self.corpus.dataset.targets.split_off(ours.min(self.corpus.dataset.targets.len()));
        if let Some(t) = self.plan_targets.get_mut(i) {
            *t = chunk.targets;
        }
        self.corpus.dataset.targets = self.plan_targets.concat();
        self.corpus.dataset.targets.extend(added);
        if let Some(l) = self.chunk_loaded.get_mut(i) {
            *l = true;
        }
        Ok(())
    }

    fn add_fragment(&mut self, plan: usize, j: u32, file: &str, bytes: &[u8]) -> Result<()> {
        let Some(entry) = self.chunks.get(plan) else {
            return Err(Error::new(ErrorCode::Internal, "fragment out of range"));
        };
        let per = entry.fragment_measures.max(1);
        let start = entry.first + j * per;
        let count = per.min(entry.measures.saturating_sub(j * per)) as usize;
        let start = start as usize;
        if self.record_loaded.get(start..start + count).is_some_and(|r| r.iter().all(|&l| l)) {
            return Ok(());
        }
        let fragment: Fragment = decode(file, bytes)?;
        let id = self.corpus.dataset.plans.get(plan).map(|p| p.id.clone()).unwrap_or_default();
        if fragment.first as usize != start
            || fragment.measures.len() != count
            || fragment.measures.iter().any(|m| m.plan != id)
        {
            return Err(Error::new(ErrorCode::BundleInvalid, format!("data file {file} is not fragment {j} of {id}")));
        }
        let Some(slots) = self.corpus.dataset.measures.get_mut(start..start + count) else {
            return Err(Error::new(ErrorCode::BundleInvalid, format!("data file {file}: measures out of range")));
        };
        for (slot, m) in slots.iter_mut().zip(fragment.measures) {
            *slot = m;
        }
        for r in self.record_loaded.get_mut(start..start + count).unwrap_or_default() {
            *r = true;
        }
        Ok(())
    }

    /// Merge run `i` of the English dictionary into `corpus.english`, once its keys are checked to
    /// be the run's (first words from its own to the next run's) and its term positions in range.
    fn add_english(&mut self, i: usize, file: &str, bytes: &[u8]) -> Result<()> {
        if self.english_loaded.get(i) == Some(&true) {
            return Ok(());
        }
        let run: crate::english::Dictionary = decode(file, bytes)?;
        let first = self.english.get(i).map_or("", |e| e.first.as_str());
        let next = self.english.get(i + 1).map(|e| e.first.as_str());
        let fits = |key: &String| {
            let word = crate::english::first_word(key);
            word >= first && next.is_none_or(|n| word < n)
        };
        let terms = run.terms.len();
        if !run.entries.keys().all(fits)
            || run.entries.values().flatten().any(|&(t, _)| t as usize >= terms)
            || run.terms.windows(2).any(|w| w[0] >= w[1])
        {
            let message = format!("data file {file} is not English run {i}");
            return Err(Error::new(ErrorCode::BundleInvalid, message));
        }
        self.corpus.english = Some(match &self.corpus.english {
            Some(loaded) => crate::english::Dictionary::merge([loaded, &run]),
            None => crate::english::Dictionary::merge([&run]),
        });
        if let Some(l) = self.english_loaded.get_mut(i) {
            *l = true;
        }
        Ok(())
    }

    /// Vocabulary run `i`: its terms join the index (without postings, which their shards bring).
    fn add_run(&mut self, i: usize, file: &str, bytes: &[u8]) -> Result<()> {
        if self.run_loaded.get(i) != Some(&false) {
            return Ok(());
        }
        let run: Vocabulary = decode(file, bytes)?;
        let damaged = || Error::new(ErrorCode::BundleInvalid, format!("data file {file} is not vocabulary run {i}"));
        let terms = front_decode(run.terms).ok_or_else(damaged)?;
        let bound = |k: usize| self.runs.get(k).map(String::as_str);
        if !is_run(&terms, bound(i), bound(i + 1)) {
            return Err(damaged());
        }
        let unknown: Vec<(String, Vec<(u32, u16)>)> =
            terms.iter().filter(|t| self.corpus.index.term_id(t).is_none()).map(|t| (t.clone(), Vec::new())).collect();
        self.corpus.index.merge_terms(unknown);
        self.run_terms.extend(terms);
        if let Some(l) = self.run_loaded.get_mut(i) {
            *l = true;
        }
        Ok(())
    }

    fn add_shard(&mut self, i: usize, file: &str, bytes: &[u8]) -> Result<()> {
        if self.shard_loaded.get(i) == Some(&true) {
            return Ok(());
        }
        let shard: Shard = decode(file, bytes)?;
        let damaged = || Error::new(ErrorCode::BundleInvalid, format!("data file {file} is not shard {i}"));
        let terms = front_decode(shard.terms).ok_or_else(damaged)?;
        let bound = |k: usize| self.shards.get(k).map(|s| s.first.as_str());
        if !is_run(&terms, bound(i), bound(i + 1)) {
            return Err(damaged());
        }
        // Terms a theme shard brought already keep the postings they have.
        let postings = self.postings(file, terms, shard.gaps, shard.freqs, shard.lengths)?;
        let postings = postings.into_iter().filter(|(t, _)| !self.postings_in.contains(t)).collect();
        self.corpus.index.merge_terms(postings);
        if let Some(l) = self.shard_loaded.get_mut(i) {
            *l = true;
        }
        Ok(())
    }

    /// A theme shard ([`CatalogFile::theme_shards`]): the strings it answers for, with the postings
    /// of those that are terms (none for the others), added where no range shard brought them.
    fn add_theme_shard(&mut self, t: usize, file: &str, bytes: &[u8]) -> Result<()> {
        if self.theme_loaded.get(t) != Some(&false) {
            return Ok(());
        }
        let shard: Shard = decode(file, bytes)?;
        let damaged = || Error::new(ErrorCode::BundleInvalid, format!("data file {file} is not theme shard {t}"));
        let strings = front_decode(shard.terms).ok_or_else(damaged)?;
        if strings.windows(2).any(|w| w[0] >= w[1]) {
            return Err(damaged());
        }
        let covered = strings.clone();
        let postings = self.postings(file, strings, shard.gaps, shard.freqs, shard.lengths)?;
        self.theme_covered.extend(covered);
        let loaded = |s: &DataDir, term: &str| {
            s.postings_in.contains(term) || s.shard_of(term).is_some_and(|i| s.shard_loaded.get(i) == Some(&true))
        };
        let postings: Vec<_> =
            postings.into_iter().filter(|(term, list)| !list.is_empty() && !loaded(self, term)).collect();
        self.postings_in.extend(postings.iter().map(|(term, _)| term.clone()));
        self.corpus.index.merge_terms(postings);
        if let Some(l) = self.theme_loaded.get_mut(t) {
            *l = true;
        }
        Ok(())
    }

    /// A shard's postings lists decoded and checked (one column entry per term, documents in range
    /// and ascending), its documents' lengths set in the index.
    fn postings(
        &mut self,
        file: &str,
        terms: Vec<String>,
        gaps: Vec<Vec<u32>>,
        freqs: Vec<Vec<u16>>,
        lengths_coded: Vec<Vec<u8>>,
    ) -> Result<TermPostings> {
        let damaged = || Error::new(ErrorCode::BundleInvalid, format!("data file {file}: damaged postings"));
        let n = terms.len();
        if gaps.len() != n
            || freqs.len() != n
            || lengths_coded.len() != n
            || gaps.iter().zip(&freqs).any(|(g, f)| !f.is_empty() && f.len() != g.len())
            || gaps.iter().zip(&lengths_coded).any(|(g, l)| !l.is_empty() && l.len() != g.len())
        {
            return Err(damaged());
        }
        let docs = self.catalog_docs();
        let mut lists = Vec::with_capacity(terms.len());
        let mut lengths = Vec::new();
        for ((gaps, freqs), lens) in gaps.into_iter().zip(freqs).zip(lengths_coded) {
            let mut doc = 0u32;
            let mut out = Vec::with_capacity(gaps.len());
            for (k, gap) in gaps.into_iter().enumerate() {
                doc = doc.checked_add(gap).filter(|&d| d < docs && (k == 0 || gap > 0)).ok_or_else(|| {
                    Error::new(ErrorCode::BundleInvalid, format!("data file {file}: posting out of range"))
                })?;
                out.push((doc, freqs.get(k).copied().unwrap_or(1)));
                if let Some(&len) = lens.get(k) {
                    lengths.push((doc, length_of(len)));
                }
            }
            lists.push(out);
        }
        for (doc, len) in lengths {
            if let Some(slot) = self.corpus.index.doc_len.get_mut(doc as usize) {
                *slot = len;
            }
        }
        // Added plans may hold some of these terms already: their documents come after the
        // directory's, so the shard's postings go first when merged.
        Ok(terms.into_iter().zip(lists).collect())
    }

    /// Fetch and add the files named.
    pub fn load(&mut self, fetch: &mut impl Fetch, files: &[String]) -> Result<()> {
        for file in files {
            let bytes = fetch.fetch(file)?;
            self.add_file(file, &bytes)?;
        }
        Ok(())
    }

    /// Every file not loaded yet (for "keep all plans offline", and the export).
    pub fn missing_all(&self) -> Vec<String> {
        let mut out = self.missing_chunks(set(0..self.chunks.len()));
        out.extend(self.missing_shards(set(0..self.shards.len())));
        out.extend(self.missing_summary());
        out.extend(self.missing_english(set(0..self.english.len())));
        if !self.extras_loaded {
            out.push(self.extras.clone());
        }
        out
    }

    /// Every file the catalogue names, loaded or not: summary, chunks, their fragments, shards,
    /// English runs and extras ("keep all plans offline": a page that starts offline asks for
    /// fragments, which whole chunks loaded earlier spared).
    pub fn all_files(&self) -> Vec<String> {
        let mut out = Vec::new();
        out.extend((self.summaries && !self.summary.is_empty()).then(|| self.summary.clone()));
        for c in &self.chunks {
            out.push(c.file.clone());
            let per = c.fragment_measures.max(1);
            out.extend((0..c.measures.div_ceil(per)).map(|j| fragment_name(&c.file, per, j)));
        }
        out.extend(self.shards.iter().map(|s| s.file.clone()));
        out.extend(self.theme_files.iter().cloned());
        let vocabulary = self.summaries && !self.vocabulary_file.is_empty();
        out.extend(vocabulary.then(|| self.vocabulary_file.clone()));
        out.extend(self.run_files.iter().cloned());
        out.extend(self.english.iter().map(|e| e.file.clone()));
        out.extend((!self.extras.is_empty()).then(|| self.extras.clone()));
        out.retain(|f| !f.is_empty());
        out
    }

    fn missing_english(&self, runs: Set<usize>) -> Vec<String> {
        runs.into_iter()
            .filter(|&i| self.english_loaded.get(i) == Some(&false))
            .filter_map(|i| self.english.get(i).map(|e| e.file.clone()))
            .collect()
    }

    /// The run of the English dictionary that holds the keys starting with this (stemmed) word,
    /// if any can: the last whose first word is not after it.
    fn english_run_of(&self, word: &str) -> Option<usize> {
        self.english.partition_point(|e| e.first.as_str() <= word).checked_sub(1)
    }

    fn missing_summary(&self) -> Option<String> {
        (!self.summary_loaded).then(|| self.summary.clone())
    }

    /// Files `theme_matrix` needs: the summary.
    pub fn needs_for_theme_matrix(&self) -> Vec<String> {
        self.missing_summary().into_iter().collect()
    }

    /// Load the whole directory: afterwards [`DataDir::corpus`] is the corpus that was written.
    pub fn load_all(&mut self, fetch: &mut impl Fetch) -> Result<&Corpus> {
        let files = self.missing_all();
        self.load(fetch, &files)?;
        Ok(&self.corpus)
    }

    fn missing_chunks(&self, plans: Set<usize>) -> Vec<String> {
        plans
            .into_iter()
            .filter(|&i| self.chunk_loaded.get(i) == Some(&false))
            .filter_map(|i| self.chunks.get(i).map(|c| c.file.clone()))
            .collect()
    }

    fn missing_shards(&self, shards: Set<usize>) -> Vec<String> {
        shards
            .into_iter()
            .filter(|&i| self.shard_loaded.get(i) == Some(&false))
            .filter_map(|i| self.shards.get(i).map(|s| s.file.clone()))
            .collect()
    }

    /// The shard that holds a term if the directory has it (the last whose first term is not after
    /// it; none when it sorts before all): once that shard is loaded, the index knows whether the
    /// term is in the vocabulary and, if so, all its postings.
    fn shard_of(&self, term: &str) -> Option<usize> {
        self.shards.partition_point(|s| s.first.as_str() <= term).checked_sub(1)
    }

    /// The vocabulary run that holds a string if it is a real term: the last whose first term is not
    /// after it (none when it sorts before all: then it is no term).
    fn run_of(&self, term: &str) -> Option<usize> {
        self.runs.partition_point(|f| f.as_str() <= term).checked_sub(1)
    }

    fn missing_runs(&self, runs: Set<usize>) -> Vec<String> {
        runs.into_iter()
            .filter(|&i| self.run_loaded.get(i) == Some(&false))
            .filter_map(|i| self.run_files.get(i).cloned())
            .collect()
    }

    /// Whether the directory's vocabulary has this (real) string, if the reader knows yet: from the
    /// vocabulary file, the catalogue's keyword terms, or the string's run.
    fn known_term(&self, x: &str) -> Option<bool> {
        if let Some(v) = &self.vocabulary {
            return Some(v.binary_search_by(|t| t.as_str().cmp(x)).is_ok());
        }
        if self.keyword_terms.binary_search_by(|t| t.as_str().cmp(x)).is_ok() {
            return Some(true);
        }
        match self.run_of(x) {
            None => Some(false),
            Some(i) if self.run_loaded.get(i) == Some(&true) => Some(self.run_terms.contains(x)),
            Some(_) => None,
        }
    }

    /// What to fetch next to know whether `x` is a term of the directory and, with `postings`, its
    /// postings if it is: nothing once its shard is loaded or it is known to be no term; its shard
    /// once it is known to be a term, or while that is unknown for a word the ranking reads (a
    /// pseudo-term's at once: runs hold real terms only); for a piece the segmenter only tests,
    /// its vocabulary run (a small file, where a shard would bring postings only to prove most
    /// pieces absent).
    fn need_for(&self, x: &str, postings: bool) -> Option<Need> {
        let shard = self.shard_of(x)?;
        if self.shard_loaded.get(shard) != Some(&false) || self.theme_covered.contains(x) {
            return None;
        }
        if crate::index::is_pseudo(x) {
            return postings.then_some(Need::Shard(shard));
        }
        match self.known_term(x) {
            Some(true) => postings.then_some(Need::Shard(shard)),
            Some(false) => None,
            // A word as segmented now is usually one of the final ones: its shard, in this round.
            None if postings => Some(Need::Shard(shard)),
            None => self.run_of(x).map(|run| Need::Run(run, shard)),
        }
    }

    /// The vocabulary file, when a call must segment texts the loaded vocabulary may not cover.
    fn missing_vocabulary(&self) -> Option<String> {
        (!self.vocabulary_complete()).then(|| self.vocabulary_file.clone())
    }

    /// Measures of the directory's plans (added plans' come after them).
    fn catalog_docs(&self) -> u32 {
        self.chunks.last().map_or(0, |c| c.first + c.measures)
    }

    /// A plan's measures: its chunk's range for the directory's plans, a scan for added ones.
    fn plan_measures(&self, i: usize) -> Vec<&Measure> {
        let Some(plan) = self.corpus.dataset.plans.get(i) else { return Vec::new() };
        match self.chunks.get(i).filter(|_| self.summaries) {
            Some(c) => self
                .corpus
                .dataset
                .measures
                .get(c.first as usize..(c.first + c.measures) as usize)
                .unwrap_or_default()
                .iter()
                .collect(),
            None => self.corpus.measures_of(&plan.id).map(|(_, m)| m).collect(),
        }
    }

    fn plan_position(&self, id: &str) -> Option<usize> {
        self.corpus.dataset.plans.iter().position(|p| p.id == id)
    }

    /// The plan a document (measure position) belongs to.
    fn plan_of_doc(&self, doc: u32) -> usize {
        self.chunks.partition_point(|c| c.first <= doc).saturating_sub(1)
    }

    /// Files the given plans need (unknown ids are left to the query to report).
    pub fn needs_for_plans(&self, ids: &[String]) -> Vec<String> {
        self.missing_chunks(set(ids.iter().filter_map(|id| self.plan_position(id))))
    }

    /// Files a diff of these plans needs: their chunks and, unless the loaded vocabulary is
    /// complete, the vocabulary file (inline changes segment the measures' texts).
    pub fn needs_for_diff(&self, ids: &[String]) -> Vec<String> {
        let mut out = self.needs_for_plans(ids);
        out.extend(self.missing_vocabulary());
        out
    }

    /// Files a `filter` with these options needs next, in at most three rounds (ask again after
    /// loading them; empty when the filter can run, or when its options are invalid):
    /// - plan fields only (plans, regions, levels, kinds, years): the summary (per-plan facets) and
    ///   the fragments of the page, in one round;
    /// - measure fields (focus, work items, agencies, themes): first the shards of their pseudo-terms
    ///   and of the facets' (agency, focus, theme), then the fragments of the page;
    /// - words (a text test): also the chunks of the plans that can hold a match (the plans the plan
    ///   fields allow, narrowed by the other measure fields once their shards are here).
    pub fn needs_for_filter(&self, opts: &FilterOptions) -> Vec<String> {
        let Ok(selection) = Selection::new(&self.corpus, opts) else { return Vec::new() };
        let Ok(limit) = query::check_limit(opts.limit) else { return Vec::new() };
        if let Some((plans, offset, limit)) = self.plan_level(opts) {
            let mut out: Vec<String> = self.missing_summary().into_iter().collect();
            out.extend(self.missing_records(self.page_positions(&plans, offset, limit)));
            return out;
        }
        let mut shards: Set<usize> = self.facet_shards();
        for term in selection.field_terms().iter().flatten() {
            shards.extend(self.shard_of(term));
        }
        let missing = self.missing_shards(shards);
        if !missing.is_empty() {
            return missing;
        }
        if selection.needs_text() {
            let fields = selection.field_docs(&self.corpus.index);
            let plans = self.corpus.dataset.plans.iter().enumerate().filter(|(i, p)| {
                selection.plan_matches(p)
                    && fields.as_ref().is_none_or(|f| {
                        let range =
                            self.chunks.get(*i).map_or(0..0, |c| c.first as usize..(c.first + c.measures) as usize);
                        f.get(range).is_some_and(|r| r.iter().any(|&x| x))
                    })
            });
            // Every plan whose measures may match is here whole, records too: so are the page's, and
            // the selection (a text search of each measure) need not be made twice.
            return self.missing_chunks(set(plans.map(|(i, _)| i)));
        }
        let selected = selection.select(&self.corpus);
        self.missing_records(selected.into_iter().skip(opts.offset).take(limit).collect())
    }

    /// Files a `search` needs next, in rounds (ask again after loading them). Empty when the search
    /// can run, or when its options are invalid (the search then reports why).
    /// 0. The English dictionary's runs of the query's uncovered words, alone (none for Chinese).
    /// 1. The shards of the pseudo-terms of its themes and restrictions and of the facets'; the
    ///    vocabulary file if added plans wait for it. Then, for its Latin words with digits (a
    ///    phrase when the index has them) and per phrase: a taxonomy keyword segments exactly
    ///    already (the catalogue lists its terms; its other pieces are none): the shards of its
    ///    words that are terms. Any other phrase (typed, glossary, dictionary): the shards of its
    ///    words as segmented now that are or may be terms (usually the final ones), and for the
    ///    strings the segmenter may test in it ([`Index::probes`]) not known yet, their vocabulary
    ///    runs, unless their shard comes anyway: the segmentation is then exact.
    /// 2. Once those are loaded, the phrases segment exactly: the shards of any word or known
    ///    part not loaded yet (none unless the runs showed a piece to be a term the guess missed).
    /// 3. Once every term the ranking reads is loaded, the ranking is exact and the page known:
    ///    the fragments of the page's hits.
    pub fn needs_for_search(&self, q: &str, opts: &SearchOptions) -> Vec<String> {
        let corpus = &self.corpus;
        let index = &corpus.index;
        if q.chars().count() > query::MAX_QUERY_CHARS {
            return Vec::new();
        }
        let mut missing: Vec<String> = Vec::new();
        if self.added_stale {
            missing.extend(self.missing_vocabulary());
        }
        // Ranked already: every shard it read was loaded then (a file with postings forgets it).
        let last = self.last_ranking.0.borrow();
        let cached = last.as_ref().filter(|(lq, lo, _)| missing.is_empty() && lq == q && lo == opts);
        if let Some((_, _, ranked)) = cached {
            return self.missing_page(ranked, opts);
        }
        drop(last); // `remember` below borrows it mutably
                    // English words need their dictionary runs before their phrases are known (a round of
                    // their own): the runs of every word a key the search may try starts with.
        if !self.english.is_empty() {
            let words = query::search::dictionary_words(q);
            let runs = self.missing_english(set(words.iter().filter_map(|w| self.english_run_of(w))));
            if !runs.is_empty() {
                return runs;
            }
        }
        let mut shards = if opts.no_facets { Set::new() } else { self.facet_shards() };
        // Strings not known yet to be terms or not, with their run and shard: the run unless the
        // shard comes anyway (for a term beside them), which tells as much.
        let mut unknown: Vec<(usize, usize)> = Vec::new();
        // The strings of the theme shards this round fetches (filled once the phrases are made).
        let coming: std::cell::RefCell<Set<String>> = Default::default();
        // Whether `x` needs a file (noted in `unknown` or `shards`, or coming with a theme shard).
        let mut need = |x: &str, postings: bool| match self.need_for(x, postings) {
            Some(_) if coming.borrow().contains(x) => true,
            Some(Need::Run(i, shard)) => {
                unknown.push((i, shard));
                true
            }
            Some(Need::Shard(i)) => {
                shards.insert(i);
                true
            }
            None => false,
        };
        // `phrases` keeps a number, an acronym (12330, WIPO) or a word no dictionary translates
        // (wipo) when the index has it (the dictionary's runs for the query's words are loaded).
        for w in query::search::typed_latin(corpus, q, &query::search::dictionary_covered(q)) {
            need(&w, true);
        }
        // Whether the index has a join decides whether a later translation joins and what a join
        // weighs (`query::search::joined_words`): its run says so.
        let asked = std::cell::RefCell::new(Vec::new());
        let made = query::search::phrases_asking(corpus, q, !opts.no_synonyms, &|t| {
            asked.borrow_mut().push(t.to_string());
            index.term_id(t).is_some()
        });
        let (phrases, themes) = &made;
        // A theme's keywords come from its theme shard, one file where their words' range shards
        // are many.
        let named = set(phrases.iter().filter_map(|p| p.from.strip_prefix("theme:")));
        let mut theme_files = Set::new();
        for (t, theme) in corpus.taxonomy.themes.iter().enumerate().filter(|(_, t)| named.contains(t.id.as_str())) {
            let (Some(file), Some(false)) = (self.theme_files.get(t), self.theme_loaded.get(t).copied()) else {
                continue;
            };
            // Only while its keywords need a file: not once their range shards are here (its other
            // strings, their words, are then asked for as any phrase's, if they need one).
            let keywords = || theme.keywords_zh.iter().map(|k| k.trim().to_lowercase());
            if !file.is_empty() && keywords().any(|k| self.need_for(&k, true).is_some()) {
                theme_files.insert(file.clone());
                coming.borrow_mut().extend(theme_strings(index, theme));
            }
        }
        for x in asked.into_inner() {
            need(&x, false);
        }
        // What `terms` and the phrase bonus read of a phrase: its text whole (an expansion counts
        // as one term), the pair terms its adjacent words may have, its words (lower-cased or not)
        // and, for typed words and glossary terms that are index terms only, their known parts
        // (another expansion's parts are never read: 知识产权质押 would fetch 知识 and 产权, whose
        // postings hold most of a corpus).
        let with_parts = |p: &query::search::QueryPhrase| {
            p.from == "query" || (p.from == "glossary" && index.term_id(&p.text.to_lowercase()).is_some())
        };
        let words_of = |p: &query::search::QueryPhrase| -> Vec<String> {
            let mut out = phrase_strings(index, &p.text);
            if with_parts(p) {
                let words = index.words(&p.text).into_iter().chain(index.words(&p.text.to_lowercase()));
                let parts = words.flat_map(|w| query::search::parts(&w));
                out.extend(parts.filter(|x| index.term_id(x).is_some()));
            }
            out
        };
        let mut complete = self.complete_phrases.0.borrow_mut();
        for p in phrases {
            // Typed, a glossary term, or another expansion: each needs other files.
            let kind = u8::from(p.from == "query") + 2 * u8::from(with_parts(p));
            let key = format!("{kind}{}", p.text);
            if complete.contains(&key) {
                continue;
            }
            let mut needed = false;
            let probes = || {
                let lower = p.text.to_lowercase();
                set(index.probes(&p.text).into_iter().chain(index.probes(&lower)))
            };
            if let Some(found_as) = p.join_terms() {
                // A join is searched only whole or as its pair term (`terms`, the phrase bonus),
                // never segmented: their shards tell all.
                for t in found_as {
                    needed |= need(t, true);
                }
            } else if self.keyword_texts.contains(&p.text) {
                let probes = probes();
                // It segments exactly already: of the strings the segmenter may test in it, the
                // catalogue's keyword terms are the terms, the others none.
                for w in words_of(p) {
                    if !probes.contains(&w) || self.keyword_terms.binary_search(&w).is_ok() {
                        needed |= need(&w, true);
                    }
                }
            } else {
                // Whether each piece is a term, so that the segmentation becomes exact: for typed
                // text (mostly pieces that are none: 利质, 押融) its run; for an expansion (glossary
                // and dictionary phrases, chosen among index terms) its shard, which may well be a
                // word's.
                let typed = p.from == "query";
                for x in probes().iter().filter(|x| x.chars().count() >= 2 && index.term_id(x).is_none()) {
                    needed |= need(x, !typed);
                }
                for w in words_of(p) {
                    needed |= need(&w, true);
                }
            }
            // Nothing missing: its segmentation is exact and its shards are here, which no file
            // added later undoes (only a plan added or removed, which forgets this).
            if !needed {
                if complete.len() >= MAX_COMPLETE_PHRASES {
                    complete.clear();
                }
                complete.insert(key);
            }
        }
        drop(complete);
        for t in themes {
            need(&format!("{}{t}", crate::index::THEME_TERM), true);
        }
        let restrict = query::search::restriction(opts);
        let Ok(selection) = Selection::new(corpus, &restrict) else { return Vec::new() };
        for term in selection.field_terms().iter().flatten() {
            need(term, true);
        }
        let runs = unknown.into_iter().filter(|(_, shard)| !shards.contains(shard)).map(|(run, _)| run);
        missing.extend(self.missing_runs(set(runs)));
        missing.extend(self.missing_shards(shards));
        missing.extend(theme_files);
        if !missing.is_empty() {
            return missing;
        }
        // Shards loaded: the ranking is exact, and the page is known.
        let Ok(ranked) = query::search::rank_phrases(corpus, q, opts, made) else { return Vec::new() };
        let missing = self.missing_page(&ranked, opts);
        self.remember(q, opts, ranked);
        missing
    }

    /// The files the records of a ranked query's page lack.
    fn missing_page(&self, ranked: &Ranked, opts: &SearchOptions) -> Vec<String> {
        let page = ranked.scored.iter().skip(opts.offset).take(ranked.limit).map(|&(i, _)| i);
        self.missing_records(page.collect())
    }

    /// [`query::search()`], after loading what it needs.
    pub fn search(&mut self, fetch: &mut impl Fetch, q: &str, opts: &SearchOptions) -> Result<SearchResult> {
        Ok(self.search_page(fetch, q, opts)?.with_records(&self.corpus))
    }

    /// [`DataDir::search`] without copying the records of its hits.
    pub fn search_page(&mut self, fetch: &mut impl Fetch, q: &str, opts: &SearchOptions) -> Result<HitsPage> {
        // Three rounds at most (the dictionary's runs; the vocabulary runs of the phrases' pieces
        // with the shards of their words; the page's fragments), one more when the vocabulary runs
        // show a word the guess missed; the last finds nothing missing.
        for _ in 0..6 {
            let needs = self.needs_for_search(q, opts);
            if needs.is_empty() {
                break;
            }
            self.load(fetch, &needs)?;
        }
        Ok(query::search::finish(&self.corpus, q, opts, self.ranking(q, opts)?))
    }

    /// [`query::search::rank`] of this query: the one `needs_for_search` made and remembered,
    /// taken (not copied: the search ends with it), or made now.
    fn ranking(&self, q: &str, opts: &SearchOptions) -> std::result::Result<Ranked, QueryError> {
        let cached = self.last_ranking.0.borrow_mut().take_if(|(lq, lo, _)| lq == q && lo == opts);
        match cached {
            Some((_, _, ranked)) => Ok(ranked),
            None => query::search::rank(&self.corpus, q, opts),
        }
    }

    #[cfg(test)]
    fn cached_ranking(&self, q: &str, opts: &SearchOptions) -> Option<Ranked> {
        let last = self.last_ranking.0.borrow();
        last.as_ref().filter(|(lq, lo, _)| lq == q && lo == opts).map(|(_, _, ranked)| ranked.clone())
    }

    fn remember(&self, q: &str, opts: &SearchOptions, ranked: Ranked) {
        *self.last_ranking.0.borrow_mut() = Some((q.to_string(), opts.clone(), ranked));
    }

    /// [`query::filter()`], after loading what it needs ([`DataDir::needs_for_filter`]). A filter on
    /// plan fields only is answered from the summary's per-plan facets.
    pub fn filter(&mut self, fetch: &mut impl Fetch, opts: &FilterOptions) -> Result<FilterResult> {
        for _ in 0..4 {
            let needs = self.needs_for_filter(opts);
            if needs.is_empty() {
                break;
            }
            self.load(fetch, &needs)?;
        }
        match self.plan_level(opts) {
            Some((plans, offset, limit)) => Ok(self.filter_plans(&plans, offset, limit)),
            None => Ok(query::filter(&self.corpus, opts)?),
        }
    }

    /// The shards of the pseudo-terms that facets read (agency, focus, theme): those whose run can
    /// hold a term with the prefix. A shard never mixes term groups, so the one before the prefix
    /// holds none of its terms unless it starts in the facets' group.
    fn facet_shards(&self) -> Set<usize> {
        let mut out = Set::new();
        for prefix in [crate::index::AGENCY_TERM, crate::index::FOCUS_TERM, crate::index::THEME_TERM] {
            let before_or_in = |s: &ShardEntry| s.first.as_str() < prefix || s.first.starts_with(prefix);
            let end = self.shards.partition_point(before_or_in);
            let group = term_group(prefix);
            let in_group = |i: usize| self.shards.get(i).is_some_and(|s| term_group(&s.first) == group);
            let start = match self.shard_of(prefix) {
                Some(i) if in_group(i) => i,
                Some(i) => i + 1,
                None => 0,
            };
            out.extend(start..end);
        }
        out
    }

    /// The plan position and fragment number of a fragment file, if it is one.
    fn fragment_of(&mut self, file: &str) -> Option<(usize, u32)> {
        if !file.starts_with("frag.") {
            return None;
        }
        if !self.fragments_all && !self.fragments.get_mut().contains_key(file) {
            self.fragments_all = true;
            let named = self.chunks.iter().enumerate().flat_map(|(i, ch)| {
                let per = ch.fragment_measures.max(1);
                (0..ch.measures.div_ceil(per)).map(move |j| (fragment_name(&ch.file, per, j), (i, j)))
            });
            self.fragments.get_mut().extend(named);
        }
        self.fragments.get_mut().get(file).copied()
    }

    /// Fragment files holding the records of these measure positions that are not here yet.
    pub(crate) fn missing_records(&self, positions: Vec<usize>) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for i in positions {
            if self.record_loaded.get(i) != Some(&false) {
                continue;
            }
            let plan = self.plan_of_doc(i as u32);
            let Some(c) = self.chunks.get(plan) else { continue };
            let per = c.fragment_measures.max(1);
            let j = (i as u32).saturating_sub(c.first) / per;
            let name = fragment_name(&c.file, per, j);
            if !out.contains(&name) {
                self.fragments.borrow_mut().insert(name.clone(), (plan, j));
                out.push(name);
            }
        }
        out
    }

    /// Positions of the measures `offset..offset + limit` of the plans' measures, in plan order.
    fn page_positions(&self, plans: &[usize], offset: usize, limit: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut at = 0usize;
        for &i in plans {
            let range = match self.chunks.get(i) {
                Some(c) if self.summaries => c.first as usize..(c.first + c.measures) as usize,
                _ => continue,
            };
            for pos in range {
                if out.len() >= limit {
                    return out;
                }
                if at >= offset {
                    out.push(pos);
                }
                at += 1;
            }
        }
        out
    }

    /// For a valid filter on plan fields only, over a directory: the plans it selects, offset, limit.
    fn plan_level(&self, opts: &FilterOptions) -> Option<(Vec<usize>, usize, usize)> {
        let plan_level = opts.focus.is_empty()
            && opts.work_items.is_empty()
            && opts.agencies.is_empty()
            && opts.themes.is_empty()
            && opts.words.is_empty();
        if !plan_level || !self.summaries {
            return None;
        }
        let selection = Selection::new(&self.corpus, opts).ok()?;
        let limit = query::check_limit(opts.limit).ok()?;
        let plans = (0..self.corpus.dataset.plans.len())
            .filter(|&i| self.corpus.dataset.plans.get(i).is_some_and(|p| selection.plan_matches(p)))
            .collect();
        Some((plans, opts.offset, limit))
    }

    /// All measures of `plans` (positions, in order), paged, with facets added up per plan.
    fn filter_plans(&self, plans: &[usize], offset: usize, limit: usize) -> FilterResult {
        let mut total = 0usize;
        let mut summed: Vec<(String, crate::sort::Map<String, usize>)> = Vec::new();
        for &i in plans {
            total += self.plan_measures(i).len();
            let computed;
            let facets = match self.plan_facets.get(i) {
                Some(f) => f.as_slice(),
                None => {
                    computed =
                        self.corpus.dataset.plans.get(i).map(|p| facets_of(&self.corpus, &p.id)).unwrap_or_default();
                    computed.as_slice()
                }
            };
            for f in facets {
                let at = match summed.iter().position(|(name, _)| *name == f.name) {
                    Some(at) => at,
                    None => {
                        summed.push((f.name.clone(), Default::default()));
                        summed.len() - 1
                    }
                };
                if let Some((_, counts)) = summed.get_mut(at) {
                    for (value, count) in &f.counts {
                        *counts.get_or_insert_with(value.clone(), || 0) += *count as usize;
                    }
                }
            }
        }
        let mut items = Vec::new();
        let mut skip = offset;
        for &i in plans {
            for m in self.plan_measures(i) {
                if items.len() >= limit {
                    break;
                }
                if skip > 0 {
                    skip -= 1;
                } else {
                    items.push(m.clone());
                }
            }
        }
        // The same orders as query::filter: by count for most facets, by value for year and focus.
        let facet = |name: &str| -> Vec<query::filter::FacetCount> {
            let counts = summed.iter().find(|(n, _)| n == name).map(|(_, c)| c.clone()).unwrap_or_default();
            let mut v: Vec<query::filter::FacetCount> =
                counts.into_iter().map(|(value, count)| query::filter::FacetCount { value, count }).collect();
            if !matches!(name, "year" | "focus") {
                crate::sort::sort_by(&mut v, |a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
            }
            v
        };
        let facets = query::filter::Facets {
            region: facet("region"),
            level: facet("level"),
            year: facet("year"),
            focus: facet("focus"),
            agency: facet("agency"),
            theme: facet("theme"),
        };
        let plan_labels = query::filter::plan_labels(&self.corpus, &items);
        FilterResult { total, offset, limit, items, plan_labels, facets }
    }

    /// [`query::diff()`], after loading the two plans.
    pub fn diff(&mut self, fetch: &mut impl Fetch, a: &str, b: &str, opts: &DiffOptions) -> Result<DiffResult> {
        let needs = self.needs_for_diff(&[a.to_string(), b.to_string()]);
        self.load(fetch, &needs)?;
        Ok(query::diff(&self.corpus, a, b, opts)?)
    }

    /// [`query::compare()`], after loading the plans.
    pub fn compare(&mut self, fetch: &mut impl Fetch, ids: &[String], by: &CompareBy) -> Result<CompareResult> {
        let needs = self.needs_for_plans(ids);
        self.load(fetch, &needs)?;
        Ok(query::compare(&self.corpus, ids, by)?)
    }

    /// A plan's measures, after loading its chunk.
    pub fn measures_of(&mut self, fetch: &mut impl Fetch, id: &str) -> Result<Vec<&Measure>> {
        let i = self.plan_position(id).ok_or_else(|| Error::from(QueryError::UnknownPlan(id.to_string())))?;
        let needs = self.needs_for_plans(&[id.to_string()]);
        self.load(fetch, &needs)?;
        Ok(self.plan_measures(i))
    }

    /// [`query::theme_matrix`] from the summary file: no chunk is fetched.
    pub fn theme_matrix(&mut self, fetch: &mut impl Fetch, opts: &ThemeMatrixOptions) -> Result<ThemeMatrix> {
        let needs = self.needs_for_theme_matrix();
        self.load(fetch, &needs)?;
        self.theme_matrix_loaded(opts)
    }

    /// [`DataDir::theme_matrix`] once its file is loaded (`needs_for_theme_matrix` is empty).
    pub fn theme_matrix_loaded(&self, opts: &ThemeMatrixOptions) -> Result<ThemeMatrix> {
        if self.summaries && !self.summary_loaded {
            let message = "the theme matrix needs the summary file: load needs_for_theme_matrix() first";
            return Err(Error::new(ErrorCode::NotInitialised, message));
        }
        let corpus = &self.corpus;
        let plans: Vec<usize> = if opts.plans.is_empty() {
            (0..corpus.dataset.plans.len()).collect()
        } else {
            opts.plans
                .iter()
                .map(|p| self.plan_position(p).ok_or_else(|| QueryError::UnknownPlan(p.clone())))
                .collect::<std::result::Result<_, _>>()?
        };
        let themes: Vec<usize> = if opts.themes.is_empty() {
            (0..corpus.taxonomy.themes.len()).collect()
        } else {
            opts.themes.iter().map(|t| corpus.theme_index(t)).collect::<std::result::Result<_, _>>()?
        };
        let mut out = ThemeMatrix { plans: Vec::new(), themes: Vec::new(), measures: Vec::new(), cells: Vec::new() };
        for &p in &plans {
            let Some(row) = self.matrix.get(p).filter(|_| self.summaries && self.summary_loaded) else {
                // An added plan, or a corpus given whole: its measures are here to count.
                let Some(id) = corpus.dataset.plans.get(p).map(|x| x.id.clone()) else { continue };
                let one = ThemeMatrixOptions { plans: vec![id], themes: opts.themes.clone() };
                let mut m = query::theme_matrix(corpus, &one)?;
                out.plans.append(&mut m.plans);
                out.measures.append(&mut m.measures);
                out.cells.append(&mut m.cells);
                continue;
            };
            let n = self.chunks.get(p).map_or(0, |c| c.measures as usize);
            let cells = themes
                .iter()
                .map(|&t| {
                    let (count, score) =
                        row.iter().find(|c| usize::from(c.0) == t).map_or((0, 0.0), |c| (c.1 as usize, c.2));
                    let share = if n == 0 { 0.0 } else { count as f64 / n as f64 };
                    query::themes::MatrixCell { count, share, score }
                })
                .collect();
            out.plans.extend(corpus.dataset.plans.get(p).map(|x| x.id.clone()));
            out.measures.push(n);
            out.cells.push(cells);
        }
        out.themes = themes.iter().filter_map(|&t| corpus.taxonomy.themes.get(t)).map(|t| t.id.clone()).collect();
        Ok(out)
    }
}

/// The facets of one plan's measures (which must be loaded).
fn facets_of(corpus: &Corpus, plan: &str) -> Vec<Facet> {
    let opts = FilterOptions { plans: vec![plan.to_string()], limit: Some(0), ..Default::default() };
    query::filter(corpus, &opts).map(|r| facet_list(&r.facets)).unwrap_or_default()
}

fn facet_list(f: &query::filter::Facets) -> Vec<Facet> {
    let facet = |name: &str, counts: &[query::filter::FacetCount]| Facet {
        name: name.to_string(),
        counts: counts.iter().map(|c| (c.value.clone(), c.count as u32)).collect(),
    };
    vec![
        facet("region", &f.region),
        facet("level", &f.level),
        facet("year", &f.year),
        facet("focus", &f.focus),
        facet("agency", &f.agency),
        facet("theme", &f.theme),
    ]
}

/// Whether `terms` are the run of a sorted list cut at `first` and `next`: ascending, starting at
/// `first` (none: empty) and ending before `next` (none: the last run). Vocabulary runs and range
/// shards are cut so.
fn is_run(terms: &[String], first: Option<&str>, next: Option<&str>) -> bool {
    terms.first().map(String::as_str) == first
        && terms.windows(2).all(|w| w[0] < w[1])
        && terms.last().zip(next).is_none_or(|(last, next)| last.as_str() < next)
}

/// What stands for a measure whose plan is not loaded: it matches nothing, and names no plan
/// (the corpus's `plan_sizes` say which plan it belongs to, so counts per plan are right): a
/// national corpus opens with a hundred thousand of them, and a copy of the plan's id in each was
/// a quarter of the time to open it.
fn placeholder() -> Measure {
    Measure {
        id: String::new(),
        plan: String::new(),
        no: None,
        chapter: String::new(),
        focus_no: None,
        work_item: None,
        title: None,
        text: None,
        departments: Vec::new(),
        themes: Vec::new(),
        lines: [0, 0],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn derived_names_hash_their_parts_joined_by_slashes() {
        // What docs/data-format.md says: the hash of "<chunks_hash>/<id>", "<chunk file>/<k>/<j>" …
        let chunk = format!("plan.{}.bin", content_hash(b"0123/beijing-2018"));
        assert_eq!(chunk_name("0123", "beijing-2018"), chunk);
        assert_eq!(fragment_name("plan.x.bin", 7, 2), format!("frag.{}.bin", content_hash(b"plan.x.bin/7/2")));
        let shard = format!("shard.{}.bin", content_hash("h/专利/".as_bytes()));
        assert_eq!(shard_name("h", "专利", ""), shard);
        assert_eq!(vocabulary_run_name("v", "a", "b"), format!("terms.{}.bin", content_hash(b"v/a/b")));
        for h in [0, 1, 0xa, 0xdead_beef, FNV_OFFSET, u64::MAX] {
            assert_eq!(hex(h), format!("{h:016x}"));
        }
    }

    #[test]
    fn vocabulary_runs_keep_every_term_in_order_and_about_the_size_asked() {
        let terms: Vec<String> = (0..3000).map(|i| format!("词{i:05}")).collect();
        let runs = vocabulary_runs(&terms, 1024);
        assert_eq!(runs.concat(), terms);
        assert!(runs.len() > 5, "{} runs", runs.len());
        for run in &runs[..runs.len() - 1] {
            let size = encode("run", &Vocabulary { terms: front_code(run) }).unwrap().len();
            assert!((1024..1300).contains(&size), "{size}");
        }
        assert!(vocabulary_runs(&[], 1024).is_empty());
    }

    /// The seeds' data directory, in memory.
    struct Files(BTreeMap<String, Vec<u8>>);

    impl Fetch for Files {
        fn fetch(&mut self, file: &str) -> Result<Vec<u8>> {
            self.0.get(file).cloned().ok_or_else(|| Error::new(ErrorCode::BundleInvalid, format!("no file {file}")))
        }
    }

    #[test]
    fn a_search_keeps_its_ranking_while_records_arrive_and_drops_it_with_new_postings() {
        let build = crate::dataset::build();
        let corpus = Corpus::new(build.dataset, build.taxonomy);
        let sizes = (DEFAULT_SHARD_BYTES, DEFAULT_FRAGMENT_BYTES, DEFAULT_ENGLISH_BYTES);
        let mut files =
            Files(write(&corpus, &build.documents, sizes.0, sizes.1, sizes.2).unwrap().into_iter().collect());
        let mut dir = DataDir::open(&mut files).unwrap();
        let (q, opts) = ("地理标志", SearchOptions::default());
        // Rounds until only the page's records are missing: the ranking is then made.
        let mut needs = dir.needs_for_search(q, &opts);
        while !needs.is_empty() && !needs.iter().all(|f| f.starts_with("frag.")) {
            dir.load(&mut files, &needs).unwrap();
            needs = dir.needs_for_search(q, &opts);
        }
        assert!(!needs.is_empty() && dir.cached_ranking(q, &opts).is_some());
        dir.load(&mut files, &needs).unwrap();
        assert!(dir.cached_ranking(q, &opts).is_some(), "the page's fragments kept the ranking");
        assert!(dir.needs_for_search(q, &opts).is_empty());
        // A plan's chunk brings records too; a shard brings postings, which may change any ranking.
        let chunk = dir.chunks.first().map(|c| c.file.clone()).unwrap();
        dir.load(&mut files, &[chunk]).unwrap();
        assert!(dir.cached_ranking(q, &opts).is_some(), "a chunk kept the ranking");
        let shard = dir.missing_all().into_iter().find(|f| f.starts_with("shard.")).unwrap();
        dir.load(&mut files, &[shard]).unwrap();
        assert!(dir.cached_ranking(q, &opts).is_none(), "a new shard dropped the ranking");
    }

    #[test]
    fn front_coding_gives_back_the_terms_and_refuses_a_count_past_the_previous_term() {
        let terms: Vec<String> =
            ["#unit:市局", "#unit:市局等", "专利", "专利权", "知识产权", "知识产权局", "𠀀a", "𠀀b"]
                .map(String::from)
                .to_vec();
        let coded = front_code(&terms);
        assert_eq!(coded[1], (8, "等".to_string()));
        assert_eq!(coded[7], (1, "b".to_string()));
        assert_eq!(front_decode(coded).as_deref(), Some(&terms[..]));
        assert_eq!(front_decode(vec![(0, "专利".into()), (3, "x".into())]), None);
        assert_eq!(front_decode(vec![(1, "x".into())]), None);
    }
}
