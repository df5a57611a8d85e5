//! The data directory: a corpus as static files (a small catalogue, per-plan chunks, an inverted index
//! in shards) that `plan-compare build` writes and [`DataDir`] reads lazily (`docs/data-format.md`).
//!
//! Every file but `manifest.json` is named by a hash of its bytes, so a server may cache it forever.
//! The reader starts from the catalogue alone and fetches, through a [`Fetch`], only the shards of a
//! query's terms and the chunks of the plans a call touches. Loaded parts go into one [`Corpus`]
//! whose unloaded measures are placeholders (right plan, no text): the query core runs on it
//! unchanged, and a test checks that it answers exactly as the corpus built in one piece.

use crate::dataset::Document;
use crate::error::{Error, ErrorCode, Result};
use crate::index::Index;
use crate::model::{Measure, Passage, Plan, Target, ThemeRef, Unassigned};
use crate::query::filter::{FilterOptions, Selection};
use crate::query::{
    self, CompareBy, CompareResult, Corpus, DiffOptions, DiffResult, FilterResult, QueryError,
};
use crate::query::{SearchOptions, SearchResult, ThemeMatrix, ThemeMatrixOptions};
use crate::themes::Taxonomy;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// What `manifest.json` says the directory is.
pub const FORMAT: &str = "plan-compare-data";
/// Bumped whenever a file's layout changes (postcard is positional: any field change).
pub const FORMAT_VERSION: u32 = 1;
/// The one file with a fixed name: it names the catalogue.
pub const MANIFEST: &str = "manifest.json";
/// Target raw size of an index shard; the figures behind it are in `docs/data-format.md`.
pub const DEFAULT_SHARD_BYTES: usize = 4 * 1024;

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
    pub file: String,
    /// Position of the plan's first measure in the corpus (= its first document in the index).
    pub first: u32,
    pub measures: u32,
}

/// One index shard: the posting lists of the vocabulary terms from `first` (inclusive) to the next
/// shard's first term.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShardEntry {
    pub file: String,
    /// Position of its first term in the vocabulary.
    pub first: u32,
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
    pub themes: Vec<ThemeRef>,
    pub taxonomy: Taxonomy,
    /// Facet counts over the whole corpus (what `filter({})` reports).
    pub facets: Vec<Facet>,
    /// The file with per-plan summaries (facets and theme scores): only the calls that use them
    /// fetch it, since it grows with the number of plans.
    pub summary: String,
    /// The index vocabulary, sorted: queries are segmented with it (see `src/index.rs`).
    pub terms: Vec<String>,
    pub max_term_chars: u32,
    /// Weighted length of every measure (BM25 needs the lengths of all documents).
    pub doc_len: Vec<u32>,
    pub shards: Vec<ShardEntry>,
    /// The file with passages and unassigned lines (no query reads them; the export does).
    pub extras: String,
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

/// An index shard file: posting lists of consecutive terms, documents as gaps from the previous one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shard {
    pub first: u32,
    pub postings: Vec<Vec<(u32, u16)>>,
}

/// The extras file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extras {
    pub passages: Vec<Passage>,
    pub unassigned: Vec<Unassigned>,
}

/// A written data directory: file names and bytes, manifest first.
pub type Files = Vec<(String, Vec<u8>)>;

/// 64-bit FNV-1a of the bytes, as 16 hex digits: stable across builds and toolchains, so the same
/// content always gets the same name.
pub fn content_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

fn encode<T: Serialize>(what: &str, value: &T) -> Result<Vec<u8>> {
    postcard::to_allocvec(value)
        .map_err(|e| Error::new(ErrorCode::BundleInvalid, format!("cannot encode the {what}: {e}")))
}

fn decode<'a, T: Deserialize<'a>>(file: &str, bytes: &'a [u8]) -> Result<T> {
    postcard::from_bytes(bytes)
        .map_err(|e| Error::new(ErrorCode::BundleInvalid, format!("data file {file}: {e}")))
}

/// `kind.HASH.bin`, the name of a file with these bytes.
fn named(kind: &str, bytes: Vec<u8>) -> (String, Vec<u8>) {
    (format!("{kind}.{}.bin", content_hash(&bytes)), bytes)
}

/// Whether a file name is one this format gives (`catalog|summary|plan|shard|extras.HASH.bin`).
pub fn is_data_file_name(name: &str) -> bool {
    let mut parts = name.split('.');
    let (Some(kind), Some(hash), Some("bin"), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    ["catalog", "summary", "plan", "shard", "extras"].contains(&kind)
        && hash.len() == 16
        && hash.chars().all(|c| c.is_ascii_hexdigit())
}

/// Write a corpus as a data directory (in memory; the caller stores the files). Shards hold about
/// `shard_bytes` of postings each. The measures of each plan must be contiguous and in plan order
/// (as the parser gives them); the corpus must carry its theme scores.
pub fn write(corpus: &Corpus, documents: &[Document], shard_bytes: usize) -> Result<Files> {
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
        let (file, bytes) = named("plan", encode("plan chunk", &chunk)?);
        chunks.push(ChunkEntry { file: file.clone(), first: at as u32, measures: count as u32 });
        files.push((file, bytes));
        at += count;
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
        // Roughly three bytes a posting (gap, frequency) and the term's own length.
        while end < corpus.index.postings.len() && (end == start || size < shard_bytes) {
            size += corpus.index.postings.get(end).map_or(0, |p| 3 * p.len() + 1);
            end += 1;
        }
        let shard = Shard {
            first: start as u32,
            postings: corpus
                .index
                .postings
                .get(start..end)
                .unwrap_or_default()
                .iter()
                .map(|p| crate::bundle::gaps(p))
                .collect(),
        };
        let (file, bytes) = named("shard", encode("index shard", &shard)?);
        shards.push(ShardEntry { file: file.clone(), first: start as u32 });
        files.push((file, bytes));
        start = end;
    }

    let extras = Extras { passages: d.passages.clone(), unassigned: d.unassigned.clone() };
    let (extras_file, bytes) = named("extras", encode("extras", &extras)?);
    files.push((extras_file.clone(), bytes));

    let facets =
        facet_list(&query::filter(corpus, &FilterOptions { limit: Some(0), ..Default::default() })?.facets);
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
                    cell.1 += scores
                        .iter()
                        .filter(|(x, _)| usize::from(*x) == t)
                        .map(|(_, s)| f64::from(*s))
                        .sum::<f64>();
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
        themes: d.themes.clone(),
        taxonomy: corpus.taxonomy.clone(),
        facets,
        summary: summary_file,
        terms: corpus.index.terms.clone(),
        max_term_chars: corpus.index.max_term_chars,
        doc_len: corpus.index.doc_len.clone(),
        shards,
        extras: extras_file,
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
    let manifest: Manifest = serde_json::from_slice(bytes)
        .map_err(|e| Error::new(ErrorCode::BundleInvalid, format!("{MANIFEST}: {e}")))?;
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
        let bytes = std::fs::read(self.dir.join(file)).map_err(|e| {
            Error::new(ErrorCode::BundleInvalid, format!("cannot read data file {file}: {e}"))
        })?;
        self.requests.push((file.to_string(), bytes.len()));
        Ok(bytes)
    }
}

/// Files held in memory (tests, or files a caller fetched itself).
impl Fetch for std::collections::BTreeMap<String, Vec<u8>> {
    fn fetch(&mut self, file: &str) -> Result<Vec<u8>> {
        self.get(file)
            .cloned()
            .ok_or_else(|| Error::new(ErrorCode::BundleInvalid, format!("no data file {file}")))
    }
}

/// A corpus read from a data directory, part by part as calls need it. Plans added at run time
/// (`Engine::add_plan`) go into the same corpus after the directory's plans and are always loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct DataDir {
    corpus: Corpus,
    /// The directory's vocabulary as written: shards are runs of it (the corpus's own vocabulary
    /// grows with added plans).
    vocabulary: Vec<String>,
    /// Whether the corpus comes from a directory (chunks are ranges, summaries exist), not given
    /// whole ([`DataDir::from_corpus`]).
    summaries: bool,
    summary: String,
    summary_loaded: bool,
    documents: Vec<Document>,
    chunks: Vec<ChunkEntry>,
    chunk_loaded: Vec<bool>,
    /// Targets of each plan (in plan order), so that `dataset.targets` stays in corpus order.
    plan_targets: Vec<Vec<Target>>,
    shards: Vec<ShardEntry>,
    shard_loaded: Vec<bool>,
    facets: Vec<Facet>,
    plan_facets: Vec<Vec<Facet>>,
    matrix: Vec<Vec<(u16, u32, f64)>>,
    extras: String,
    extras_loaded: bool,
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
        let n = c.doc_len.len();
        let mut measures = Vec::with_capacity(n);
        if c.chunks.len() != c.plans.len() {
            return Err(invalid("plans and chunks differ in number"));
        }
        for (plan, chunk) in c.plans.iter().zip(&c.chunks) {
            // Checked before anything is allocated: a damaged count must not ask for gigabytes.
            let end = (chunk.first as usize).checked_add(chunk.measures as usize).filter(|&e| e <= n);
            if chunk.first as usize != measures.len() || end.is_none() {
                return Err(invalid("chunks are not in corpus order"));
            }
            measures.extend((0..chunk.measures).map(|_| placeholder(&plan.id)));
        }
        let shards_cover = c.shards.first().map_or(c.terms.is_empty(), |s| s.first == 0);
        if measures.len() != n || !shards_cover || c.terms.windows(2).any(|w| w[0] >= w[1]) {
            return Err(invalid("the chunks or shards do not cover the corpus"));
        }
        if c.shards.windows(2).any(|w| w[0].first >= w[1].first)
            || c.shards.last().is_some_and(|s| s.first as usize >= c.terms.len())
        {
            return Err(invalid("shards are out of order"));
        }
        let vocabulary = c.terms.clone();
        let index = Index {
            postings: vec![Vec::new(); c.terms.len()],
            terms: c.terms,
            doc_len: c.doc_len,
            max_term_chars: c.max_term_chars,
        };
        let corpus = Corpus {
            dataset: crate::model::Dataset {
                plans: c.plans,
                measures,
                themes: c.themes,
                ..Default::default()
            },
            taxonomy: c.taxonomy,
            index,
            theme_scores: vec![Vec::new(); n],
        };
        Ok(DataDir {
            vocabulary,
            summaries: true,
            summary: c.summary,
            summary_loaded: false,
            chunk_loaded: vec![false; c.chunks.len()],
            plan_targets: vec![Vec::new(); c.chunks.len()],
            shard_loaded: vec![false; c.shards.len()],
            corpus,
            documents: c.documents,
            chunks: c.chunks,
            shards: c.shards,
            facets: c.facets,
            plan_facets: Vec::new(),
            matrix: Vec::new(),
            extras: c.extras,
            extras_loaded: false,
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
            chunks.push(ChunkEntry { file: String::new(), first, measures: count });
        }
        let plans = chunks.len();
        DataDir {
            vocabulary: Vec::new(),
            summaries: false,
            summary: String::new(),
            summary_loaded: true,
            chunk_loaded: vec![true; plans],
            plan_targets: (0..plans).map(|_| Vec::new()).collect(),
            shards: Vec::new(),
            shard_loaded: Vec::new(),
            documents: Vec::new(),
            chunks,
            facets: Vec::new(),
            plan_facets: Vec::new(),
            matrix: Vec::new(),
            extras: String::new(),
            extras_loaded: true,
            corpus,
        }
    }

    pub(crate) fn corpus_mut(&mut self) -> &mut Corpus {
        &mut self.corpus
    }

    /// Take an added plan out of the corpus ([`Corpus::remove_plan`]). The index drops terms left
    /// without postings, which here include the directory's terms whose shards are not loaded yet:
    /// they are put back, so segmentation and later shards see the vocabulary as written.
    pub(crate) fn remove_plan(&mut self, id: &str) -> std::result::Result<(), QueryError> {
        self.corpus.remove_plan(id)?;
        let index = &mut self.corpus.index;
        if self.vocabulary.iter().all(|t| index.term_id(t).is_some()) {
            return Ok(());
        }
        let current = std::mem::take(&mut index.terms).into_iter().zip(std::mem::take(&mut index.postings));
        let mut current = current.peekable();
        let mut written = self.vocabulary.iter().peekable();
        loop {
            let take_written = match (current.peek(), written.peek()) {
                (Some((t, _)), Some(v)) => match t.as_str().cmp(v.as_str()) {
                    std::cmp::Ordering::Less => false,
                    std::cmp::Ordering::Equal => {
                        written.next();
                        false
                    }
                    std::cmp::Ordering::Greater => true,
                },
                (Some(_), None) => false,
                (None, Some(_)) => true,
                (None, None) => break,
            };
            let (term, postings) = if take_written {
                (written.next().cloned().unwrap_or_default(), Vec::new())
            } else {
                current.next().unwrap_or_default()
            };
            index.terms.push(term);
            index.postings.push(postings);
        }
        index.max_term_chars = index.terms.iter().map(|t| t.chars().count() as u32).max().unwrap_or(1);
        Ok(())
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
        if let Some(i) = self.chunks.iter().position(|c| c.file == file) {
            return self.add_chunk(i, file, bytes);
        }
        if let Some(i) = self.shards.iter().position(|s| s.file == file) {
            return self.add_shard(i, file, bytes);
        }
        if file == self.summary && self.summaries {
            if self.summary_loaded {
                return Ok(());
            }
            let summary: Summary = decode(file, bytes)?;
            if summary.plan_facets.len() != self.chunks.len() || summary.matrix.len() != self.chunks.len() {
                return Err(Error::new(
                    ErrorCode::BundleInvalid,
                    format!("data file {file}: not one row per plan"),
                ));
            }
            self.plan_facets = summary.plan_facets;
            self.matrix = summary.matrix;
            self.summary_loaded = true;
            return Ok(());
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
            return Err(Error::new(
                ErrorCode::BundleInvalid,
                format!("data file {file}: measures out of range"),
            ));
        };
        for (slot, m) in measures.iter_mut().zip(chunk.measures) {
            *slot = m;
        }
        for (slot, s) in scores.iter_mut().zip(chunk.theme_scores) {
            *slot = s;
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

    fn add_shard(&mut self, i: usize, file: &str, bytes: &[u8]) -> Result<()> {
        if self.shard_loaded.get(i) == Some(&true) {
            return Ok(());
        }
        let shard: Shard = decode(file, bytes)?;
        let first = self.shards.get(i).map_or(0, |s| s.first as usize);
        let end = self.shards.get(i + 1).map_or(self.vocabulary.len(), |s| s.first as usize);
        if shard.first as usize != first || shard.postings.len() != end.saturating_sub(first) {
            return Err(Error::new(ErrorCode::BundleInvalid, format!("data file {file} is not shard {i}")));
        }
        let docs = self.catalog_docs();
        let mut lists = Vec::with_capacity(shard.postings.len());
        for list in shard.postings {
            let mut doc = 0u32;
            let mut out = Vec::with_capacity(list.len());
            for (k, (gap, tf)) in list.into_iter().enumerate() {
                doc = doc.checked_add(gap).filter(|&d| d < docs && (k == 0 || gap > 0)).ok_or_else(|| {
                    Error::new(ErrorCode::BundleInvalid, format!("data file {file}: posting out of range"))
                })?;
                out.push((doc, tf));
            }
            lists.push(out);
        }
        // By term, not position: added plans may have put new terms into the vocabulary. Their
        // documents come after the directory's, so the shard's postings go first.
        let catalog_docs = self.catalog_docs();
        let index = &mut self.corpus.index;
        for (term, list) in self.vocabulary.get(first..end).unwrap_or_default().iter().zip(lists) {
            let Some(slot) = index.term_id(term).and_then(|t| index.postings.get_mut(t)) else { continue };
            let added = std::mem::take(slot);
            *slot = list;
            slot.extend(added.into_iter().filter(|&(d, _)| d >= catalog_docs));
        }
        if let Some(l) = self.shard_loaded.get_mut(i) {
            *l = true;
        }
        Ok(())
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
        let mut out = self.missing_chunks((0..self.chunks.len()).collect());
        out.extend(self.missing_shards((0..self.shards.len()).collect()));
        out.extend(self.missing_summary());
        if !self.extras_loaded {
            out.push(self.extras.clone());
        }
        out
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

    fn missing_chunks(&self, plans: BTreeSet<usize>) -> Vec<String> {
        plans
            .into_iter()
            .filter(|&i| self.chunk_loaded.get(i) == Some(&false))
            .filter_map(|i| self.chunks.get(i).map(|c| c.file.clone()))
            .collect()
    }

    fn missing_shards(&self, shards: BTreeSet<usize>) -> Vec<String> {
        shards
            .into_iter()
            .filter(|&i| self.shard_loaded.get(i) == Some(&false))
            .filter_map(|i| self.shards.get(i).map(|s| s.file.clone()))
            .collect()
    }

    /// The shard holding a term of the directory's vocabulary.
    fn shard_of(&self, term: &str) -> Option<usize> {
        let id = self.vocabulary.binary_search_by(|t| t.as_str().cmp(term)).ok()? as u32;
        Some(self.shards.partition_point(|s| s.first <= id).saturating_sub(1))
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
        self.missing_chunks(ids.iter().filter_map(|id| self.plan_position(id)).collect())
    }

    /// Files a `filter` with these options needs: the chunks of the plans its plan-level options
    /// (plans, regions, levels, kinds, years) allow.
    pub fn needs_for_filter(&self, opts: &FilterOptions) -> Vec<String> {
        let Ok(selection) = Selection::new(&self.corpus, opts) else { return Vec::new() };
        if let Some((plans, offset, limit)) = self.plan_level(opts) {
            let mut out: Vec<String> = self.missing_summary().into_iter().collect();
            out.extend(self.missing_chunks(self.page_plans(&plans, offset, limit)));
            return out;
        }
        let plans = self.corpus.dataset.plans.iter().enumerate().filter(|(_, p)| selection.plan_matches(p));
        self.missing_chunks(plans.map(|(i, _)| i).collect())
    }

    /// Files a `search` needs next: first the shards of every index term the query can use, then
    /// (once those are loaded) the chunks of the plans that hold candidate measures. Empty when
    /// the search can run, or when its options are invalid (the search then reports why).
    pub fn needs_for_search(&self, q: &str, opts: &SearchOptions) -> Vec<String> {
        let corpus = &self.corpus;
        if q.chars().count() > query::MAX_QUERY_CHARS {
            return Vec::new();
        }
        let (phrases, _) = query::search::phrases(corpus, q, !opts.no_synonyms);
        let mut shards = BTreeSet::new();
        for p in &phrases {
            let whole = p.text.to_lowercase();
            let mut words = vec![whole];
            for w in corpus.index.words(&p.text) {
                words.extend(query::search::parts(&w));
                words.push(w);
            }
            shards.extend(words.iter().filter_map(|w| self.shard_of(w)));
        }
        let missing = self.missing_shards(shards);
        if !missing.is_empty() {
            return missing;
        }
        // Shards loaded: the terms and their document frequencies are now exact.
        let terms = query::search::terms(corpus, &phrases);
        let n = corpus.index.doc_count() as f64;
        let distinct: Vec<&(String, f32)> = terms
            .iter()
            .filter(|(t, _)| corpus.index.df(t) as f64 <= n * query::search::DISTINCT_SHARE)
            .collect();
        let deciding: Vec<&(String, f32)> =
            if distinct.is_empty() { terms.iter().collect() } else { distinct };
        let restrict = FilterOptions {
            plans: opts.plans.clone(),
            regions: opts.regions.clone(),
            levels: opts.levels.clone(),
            years: opts.years.clone(),
            kinds: opts.kinds.clone(),
            ..Default::default()
        };
        let Ok(selection) = Selection::new(corpus, &restrict) else { return Vec::new() };
        let mut plans = BTreeSet::new();
        for (term, _) in deciding {
            let Some(list) = corpus.index.term_id(term).and_then(|i| corpus.index.postings.get(i)) else {
                continue;
            };
            plans.extend(
                list.iter()
                    .filter(|&&(doc, _)| doc < self.catalog_docs())
                    .map(|&(doc, _)| self.plan_of_doc(doc)),
            );
        }
        plans.retain(|&i| corpus.dataset.plans.get(i).is_some_and(|p| selection.plan_matches(p)));
        self.missing_chunks(plans)
    }

    /// [`query::search`], after loading what it needs.
    pub fn search(&mut self, fetch: &mut impl Fetch, q: &str, opts: &SearchOptions) -> Result<SearchResult> {
        // Two rounds at most (shards, then chunks); a third finds nothing missing.
        for _ in 0..3 {
            let needs = self.needs_for_search(q, opts);
            if needs.is_empty() {
                break;
            }
            self.load(fetch, &needs)?;
        }
        Ok(query::search(&self.corpus, q, opts)?)
    }

    /// [`query::filter`], after loading the chunks of the plans it can select. A filter on plan
    /// fields only (plans, regions, levels, kinds, years) is answered from the catalogue's per-plan
    /// facets, fetching only the chunks that hold the requested page.
    pub fn filter(&mut self, fetch: &mut impl Fetch, opts: &FilterOptions) -> Result<FilterResult> {
        let needs = self.needs_for_filter(opts);
        self.load(fetch, &needs)?;
        match self.plan_level(opts) {
            Some((plans, offset, limit)) => Ok(self.filter_plans(&plans, offset, limit)),
            None => Ok(query::filter(&self.corpus, opts)?),
        }
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

    /// The plans among `plans` that hold part of the page `offset..offset + limit` of their measures.
    fn page_plans(&self, plans: &[usize], offset: usize, limit: usize) -> BTreeSet<usize> {
        let mut at = 0usize;
        let mut out = BTreeSet::new();
        for &i in plans {
            let n = match self.chunks.get(i) {
                Some(c) => c.measures as usize,
                None => self.plan_measures(i).len(),
            };
            if limit > 0 && at < offset.saturating_add(limit) && at + n > offset {
                out.insert(i);
            }
            at += n;
        }
        out
    }

    /// All measures of `plans` (positions, in order), paged, with facets added up per plan.
    fn filter_plans(&self, plans: &[usize], offset: usize, limit: usize) -> FilterResult {
        let mut total = 0usize;
        let mut summed: Vec<(String, std::collections::BTreeMap<String, usize>)> = Vec::new();
        for &i in plans {
            total += self.plan_measures(i).len();
            let computed;
            let facets = match self.plan_facets.get(i) {
                Some(f) => f.as_slice(),
                None => {
                    computed = self
                        .corpus
                        .dataset
                        .plans
                        .get(i)
                        .map(|p| facets_of(&self.corpus, &p.id))
                        .unwrap_or_default();
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
                        *counts.entry(value.clone()).or_default() += *count as usize;
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
                    items.push(m.id.clone());
                }
            }
        }
        // The same orders as query::filter: by count for most facets, by value for year and focus.
        let facet = |name: &str| -> Vec<query::filter::FacetCount> {
            let counts = summed.iter().find(|(n, _)| n == name).map(|(_, c)| c.clone()).unwrap_or_default();
            let mut v: Vec<query::filter::FacetCount> =
                counts.into_iter().map(|(value, count)| query::filter::FacetCount { value, count }).collect();
            if !matches!(name, "year" | "focus") {
                crate::sort::sort_by(&mut v, |a, b| {
                    b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value))
                });
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
        FilterResult { total, offset, limit, items, facets }
    }

    /// [`query::diff`], after loading the two plans.
    pub fn diff(
        &mut self,
        fetch: &mut impl Fetch,
        a: &str,
        b: &str,
        opts: &DiffOptions,
    ) -> Result<DiffResult> {
        let needs = self.needs_for_plans(&[a.to_string(), b.to_string()]);
        self.load(fetch, &needs)?;
        Ok(query::diff(&self.corpus, a, b, opts)?)
    }

    /// [`query::compare`], after loading the plans.
    pub fn compare(
        &mut self,
        fetch: &mut impl Fetch,
        ids: &[String],
        by: &CompareBy,
    ) -> Result<CompareResult> {
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
        let mut out =
            ThemeMatrix { plans: Vec::new(), themes: Vec::new(), measures: Vec::new(), cells: Vec::new() };
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
        out.themes =
            themes.iter().filter_map(|&t| corpus.taxonomy.themes.get(t)).map(|t| t.id.clone()).collect();
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

/// What stands for a measure whose plan is not loaded: it belongs to its plan (so counts per plan
/// are right) and matches nothing else.
fn placeholder(plan: &str) -> Measure {
    Measure {
        id: String::new(),
        plan: plan.to_string(),
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
