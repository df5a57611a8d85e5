//! [`Engine`], the one type behind the JavaScript API: a data directory read part by part, the
//! plans a reader adds, and the query verbs.
//!
//! Pure Rust and panic-free on any input; `src/wasm.rs` only converts its arguments and results.
//! The engine does no I/O of its own: each verb has a `needs_for_*` twin that names the data files
//! it still lacks; the caller (JavaScript, or [`Engine::load`] natively) fetches them and hands them
//! over with [`Engine::add_file`], then calls the verb, which answers from what is loaded and
//! refuses with `DATA_UNAVAILABLE` if anything is still missing. Added plans go into the same
//! corpus through `Corpus::add_plan`, so every verb sees them like the directory's plans.

use crate::bundle;
use crate::datadir::{DataDir, Fetch};
use crate::error::{Error, ErrorCode, Result};
use crate::model::{Dataset, Kind, Level, Measure, Plan, ThemeRef, Unassigned};
use crate::parse::{kind, level, parse_document, Diagnostic, DocumentInfo, ParsedDocument};
use crate::query::search::HitsPage;
use crate::query::{self, Corpus};
use crate::query::{CompareBy, CompareResult, DiffOptions, DiffResult, FilterOptions, FilterResult};
use crate::query::{SearchOptions, SearchResult, ThemeMatrix, ThemeMatrixOptions};
use serde::{Deserialize, Serialize};

/// Largest plan text [`Engine::add_plan`] reads, in UTF-8 bytes (2 MiB; the largest seed is 0.5 MB).
pub const MAX_PLAN_TEXT_BYTES: usize = 2 * 1024 * 1024;
/// How many added plans the engine keeps at once, so memory stays bounded.
pub const MAX_ADDED_PLANS: usize = 64;
/// Longest metadata string (region, title, source label), in characters.
pub const MAX_META_CHARS: usize = 500;
/// The most plan ids one call takes (`compare`, `diff`'s twins): more than can exist is a mistake.
pub const MAX_IDS: usize = 10_000;
/// Longest id or file name a call takes, in UTF-8 bytes.
pub const MAX_ID_BYTES: usize = 256;
/// The most values an option array holds (`regions`, `plans`, `themes` …), checked before the
/// values are converted.
pub const MAX_OPTION_VALUES: usize = 10_000;
/// Ids of added plans start with this; no plan of the seeds does (checked by a test).
pub const ADDED_PLAN_PREFIX: &str = "user-";

/// What a reader tells about their own plan text (`addPlan(text, meta)` in JavaScript).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlanMeta {
    /// Region as printed, e.g. 深圳市 (GB/T 2260 code and English name are looked up from it).
    /// Defaults to the place the text names (its title, issuer or signature), else none (`""`).
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub region: String,
    /// Defaults to the region's level, else to the level the text shows (the agencies it names,
    /// what it calls itself: 我市, 全县), else `province`.
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub level: Option<Level>,
    /// Defaults to the kind the title names (…规划, …方案, …要点) or the preamble calls the
    /// document (制定本方案), else `work points`.
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub kind: Option<Kind>,
    /// Defaults to a year the text states (its title), else none (null in the plan).
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub year_start: Option<u16>,
    /// Defaults to `yearStart`.
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub year_end: Option<u16>,
    /// Defaults to the title read from the text.
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub title: Option<String>,
    /// A label for where the text came from (file name, URL); shown as the plan's `source`.
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub source: Option<String>,
}

/// What `addPlan` returns: the plans read from the text and what could not be placed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct AddedPlan {
    /// Usually one; a table of several regions gives one plan each (`user-3`, `user-3-2` …).
    pub plans: Vec<Plan>,
    pub measure_count: usize,
    pub target_count: usize,
    /// Meaningful lines of the text that no record took (kept here only, not in the engine).
    pub unassigned: Vec<Unassigned>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Options of `measures(options)`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MeasuresOptions {
    /// Only the measures of this plan.
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub plan: Option<String>,
}

/// The data directory read so far and the plans a reader added: the one type behind the API.
#[derive(Debug, Clone, PartialEq)]
pub struct Engine {
    /// The corpus, whole (decoded from the bundle) or read lazily from a data directory.
    data: DataDir,
    /// Plans `0..directory_plans` of `corpus.dataset.plans` are the directory's; the rest were added.
    directory_plans: usize,
    next_added: u64,
}

impl Engine {
    /// An engine over a decoded bundle (`data/bundle.bin`).
    pub fn from_bundle(bytes: &[u8]) -> Result<Engine> {
        Ok(Engine::from_corpus(bundle::decode(bytes)?.corpus))
    }

    pub fn from_corpus(corpus: Corpus) -> Engine {
        Engine::from_data_dir(DataDir::from_corpus(corpus))
    }

    /// An engine over a data directory (`docs/data-format.md`): its plans are the built ones, and
    /// queries go through [`Engine::data_mut`], which fetches what each needs first.
    pub fn from_data_dir(data: DataDir) -> Engine {
        Engine { directory_plans: data.plans().len(), data, next_added: 1 }
    }

    /// An engine over a data directory from its catalogue (the file `manifest.json` names), with
    /// nothing else loaded yet.
    pub fn open(catalog_file: &str, bytes: &[u8]) -> Result<Engine> {
        Ok(Engine::from_data_dir(DataDir::from_catalog(catalog_file, bytes)?))
    }

    /// The catalogue's file name that `manifest.json` gives, if it is a directory this build reads.
    pub fn catalog_named_by(manifest: &[u8]) -> Result<String> {
        Ok(crate::datadir::read_manifest(manifest)?.catalog)
    }

    /// The same from a manifest already decoded (the wasm binding: JavaScript parses the JSON).
    pub fn catalog_named_in(manifest: crate::datadir::Manifest) -> Result<String> {
        Ok(crate::datadir::check_manifest(manifest)?.catalog)
    }

    /// Hand over a data file a `needs_for_*` call named (adding one twice is harmless).
    pub fn add_file(&mut self, file: &str, bytes: &[u8]) -> Result<()> {
        self.data.add_file(file, bytes)
    }

    /// Fetch and add `files` (native callers; JavaScript does its own I/O).
    pub fn load(&mut self, fetch: &mut impl Fetch, files: &[String]) -> Result<()> {
        self.data.load(fetch, files)
    }

    // ---- what each verb still needs (file names; empty when it can answer) ----

    pub fn needs_for_search(&self, q: &str, opts: &SearchOptions) -> Vec<String> {
        self.data.needs_for_search(q, opts)
    }

    pub fn needs_for_filter(&self, opts: &FilterOptions) -> Vec<String> {
        self.data.needs_for_filter(opts)
    }

    /// For `diff`: the chunks of these plans and, unless the loaded vocabulary is complete, the
    /// vocabulary file (inline changes segment the measures' texts).
    pub fn needs_for_diff(&self, ids: &[String]) -> Vec<String> {
        self.data.needs_for_diff(ids)
    }

    /// For `compare`: the chunks of these plans.
    pub fn needs_for_compare(&self, ids: &[String]) -> Vec<String> {
        self.data.needs_for_plans(ids)
    }

    /// For `measures(options)`: one plan's chunk, or every file.
    pub fn needs_for_measures(&self, options: &MeasuresOptions) -> Vec<String> {
        match &options.plan {
            Some(plan) => self.data.needs_for_plans(std::slice::from_ref(plan)),
            None => self.needs_for_everything(),
        }
    }

    /// For `measure(id)`: the chunk of the plan whose id the measure id starts with.
    pub fn needs_for_measure(&self, id: &str) -> Vec<String> {
        let plan = self.plans().iter().filter(|p| id.starts_with(&format!("{}-", p.id))).max_by_key(|p| p.id.len());
        plan.map(|p| self.data.needs_for_plans(std::slice::from_ref(&p.id))).unwrap_or_default()
    }

    pub fn needs_for_theme_matrix(&self) -> Vec<String> {
        self.data.needs_for_theme_matrix()
    }

    /// For the calls that read the whole corpus (patterns across plans, all measures, the export).
    pub fn needs_for_everything(&self) -> Vec<String> {
        self.data.missing_all()
    }

    /// Every file of the directory the catalogue names, loaded or not (for keeping it offline).
    pub fn data_files(&self) -> Vec<String> {
        self.data.all_files()
    }

    // ---- the query verbs: they answer from loaded data ----

    pub fn search(&mut self, q: &str, opts: &SearchOptions) -> Result<SearchResult> {
        Ok(self.search_page(q, opts)?.with_records(self.corpus()))
    }

    /// [`Engine::search`] with each hit's record left in the corpus (the binding sends only those
    /// its caller lacks).
    pub fn search_page(&mut self, q: &str, opts: &SearchOptions) -> Result<HitsPage> {
        let page = self.data.search_page(&mut Loaded, q, opts)?;
        Ok(page.into_utf16(self.corpus()))
    }

    pub fn filter(&mut self, opts: &FilterOptions) -> Result<FilterResult> {
        self.data.filter(&mut Loaded, opts)
    }

    pub fn diff(&mut self, a: &str, b: &str, opts: &DiffOptions) -> Result<DiffResult> {
        self.data.diff(&mut Loaded, a, b, opts)
    }

    pub fn compare(&mut self, ids: &[String], by: &CompareBy) -> Result<CompareResult> {
        if ids.len() > MAX_IDS {
            return Err(Error::new(ErrorCode::TooLarge, format!("{} plan ids; the limit is {MAX_IDS}", ids.len())));
        }
        self.data.compare(&mut Loaded, ids, by)
    }

    pub fn theme_matrix(&mut self, opts: &ThemeMatrixOptions) -> Result<ThemeMatrix> {
        self.data.theme_matrix(&mut Loaded, opts)
    }

    pub fn match_themes(&self, text: &str) -> Result<Vec<query::ThemeMatch>> {
        Ok(query::match_themes(self.corpus(), text)?)
    }

    /// The corpus once every file is loaded: what the patterns across plans and the export read.
    pub fn whole(&self) -> Result<&Corpus> {
        match self.needs_for_everything().first() {
            Some(file) => Err(not_loaded(file)),
            None => Ok(self.corpus()),
        }
    }

    pub fn similarity(&self, opts: &query::SimilarityOptions) -> Result<query::SimilarityResult> {
        Ok(query::plan_similarity(self.whole()?, opts)?)
    }

    pub fn shared_passages(
        &self,
        a: &str,
        b: Option<&str>,
        opts: &query::PassagesOptions,
    ) -> Result<query::SharedPassagesResult> {
        let corpus = self.whole()?;
        Ok(query::shared_passages(corpus, a, b, opts)?.into_utf16(corpus))
    }

    pub fn template_coverage(&self, opts: &query::TemplateCoverageOptions) -> Result<query::TemplateCoverage> {
        Ok(query::template_coverage(self.whole()?, opts)?)
    }

    pub fn indicators(&self, opts: &query::IndicatorsOptions) -> Result<query::IndicatorsResult> {
        let corpus = self.whole()?;
        Ok(query::indicators(corpus, opts)?.into_utf16(corpus))
    }

    /// The data directory behind the engine: what a call needs ([`DataDir`]'s `needs_for_*`) and
    /// the verbs that load it before answering.
    pub fn data(&self) -> &DataDir {
        &self.data
    }

    pub fn data_mut(&mut self) -> &mut DataDir {
        &mut self.data
    }

    fn corpus_mut(&mut self) -> &mut Corpus {
        self.data.corpus_mut()
    }

    /// What the query functions read: the directory's and added plans alike.
    pub fn corpus(&self) -> &Corpus {
        self.data.corpus()
    }

    /// Bundled plans first, in corpus order, then added plans in the order they were added.
    pub fn dataset(&self) -> &Dataset {
        &self.corpus().dataset
    }

    pub fn plans(&self) -> &[Plan] {
        &self.corpus().dataset.plans
    }

    pub fn themes(&self) -> &[ThemeRef] {
        &self.corpus().dataset.themes
    }

    pub fn plan(&self, id: &str) -> Result<&Plan> {
        self.corpus()
            .dataset
            .plans
            .iter()
            .find(|p| p.id == id)
            .ok_or_else(|| Error::new(ErrorCode::UnknownPlan, format!("no plan has the id {id:?}")))
    }

    pub fn is_added(&self, id: &str) -> bool {
        self.corpus().dataset.plans.get(self.directory_plans..).unwrap_or_default().iter().any(|p| p.id == id)
    }

    /// Measures in document order, all of them or those of one plan (their chunks must be loaded:
    /// `needs_for_everything`, `needs_for_measures`).
    pub fn measures(&self, options: &MeasuresOptions) -> Result<Vec<&Measure>> {
        match &options.plan {
            None => Ok(self.whole()?.dataset.measures.iter().collect()),
            Some(plan) => {
                self.plan(plan)?;
                if let Some(file) = self.data.needs_for_plans(std::slice::from_ref(plan)).first() {
                    return Err(not_loaded(file));
                }
                let of_plan = |m: &&Measure| &m.plan == plan && !m.id.is_empty();
                Ok(self.corpus().dataset.measures.iter().filter(of_plan).collect())
            }
        }
    }

    /// The records at these positions of the corpus, which a search's hits name
    /// ([`crate::query::search::HitRow`]): for a caller that keeps the records it was sent and
    /// lacks these. Their chunks must be loaded (a search loads its page's).
    pub fn records_at(&self, positions: &[u32]) -> Result<Vec<&Measure>> {
        if positions.len() > MAX_IDS {
            return Err(Error::invalid_argument(format!("{} positions, at most {MAX_IDS} at once", positions.len())));
        }
        let positions: Vec<usize> = positions.iter().map(|&p| p as usize).collect();
        if let Some(file) = self.data.missing_records(positions.clone()).first() {
            return Err(not_loaded(file));
        }
        let measures = &self.corpus().dataset.measures;
        let at = |p: usize| {
            let unknown = || Error::invalid_argument(format!("no measure is at position {p}"));
            measures.get(p).filter(|m| !m.id.is_empty()).ok_or_else(unknown)
        };
        positions.into_iter().map(at).collect()
    }

    pub fn measure(&self, id: &str) -> Result<&Measure> {
        if let Some(file) = self.needs_for_measure(id).first() {
            return Err(not_loaded(file));
        }
        self.corpus()
            .dataset
            .measures
            .iter()
            .find(|m| m.id == id && !id.is_empty())
            .ok_or_else(|| Error::new(ErrorCode::UnknownMeasure, format!("no measure has the id {id:?}")))
    }

    /// Parse a reader's plan text and keep its plans beside the directory's under fresh ids.
    pub fn add_plan(&mut self, text: &str, meta: &PlanMeta) -> Result<AddedPlan> {
        if text.len() > MAX_PLAN_TEXT_BYTES {
            return Err(Error::new(
                ErrorCode::TooLarge,
                format!("text is {} bytes of UTF-8; addPlan reads at most {MAX_PLAN_TEXT_BYTES}", text.len()),
            ));
        }
        let added = self.corpus().dataset.plans.len().saturating_sub(self.directory_plans);
        if added >= MAX_ADDED_PLANS {
            return Err(Error::new(
                ErrorCode::TooLarge,
                format!("{added} plans are added already, the most kept at once; remove one first"),
            ));
        }
        validate_meta(meta)?;
        // A plan read without the gazetteer would get no region code, English name or place id.
        if !crate::parse::regions::is_loaded() {
            return Err(Error::new(
                ErrorCode::DataUnavailable,
                "the gazetteer (regions.tsv) is not loaded: the package's addPlan loads it first",
            ));
        }
        if text.trim().is_empty() {
            return Err(Error::invalid_argument("text is empty"));
        }
        let id = self.fresh_id();
        let (parsed, _) = meta.parse(format!("added:{id}"), Some(id.clone()), text);
        let d = parsed.dataset;
        // A plan with neither measures nor targets has nothing to compare: refuse it, saying why.
        if d.plans.is_empty() || (d.measures.is_empty() && d.targets.is_empty()) {
            let why: Vec<&str> = parsed.diagnostics.iter().map(|d| d.message.as_str()).collect();
            return Err(Error::new(
                ErrorCode::ParseFailed,
                format!("no measures found in the text ({})", why.join("; ")),
            ));
        }
        // The parser names further plans `id-2` …; none of them may already exist.
        let plans = &self.corpus().dataset.plans;
        if let Some(taken) = d.plans.iter().find(|p| plans.iter().any(|q| q.id == p.id)) {
            return Err(Error::new(ErrorCode::ParseFailed, format!("plan id {:?} is taken", taken.id)));
        }
        self.next_added += 1;
        let result = AddedPlan {
            plans: d.plans.clone(),
            measure_count: d.measures.len(),
            target_count: d.targets.len(),
            unassigned: d.unassigned,
            diagnostics: parsed.diagnostics,
        };
        // One plan at a time through the corpus, which tags and indexes its measures; on a refusal
        // the plans already in are taken out again, so a failed call changes nothing.
        let mut done: Vec<String> = Vec::new();
        for plan in d.plans {
            let id = plan.id.clone();
            let measures = d.measures.iter().filter(|m| m.plan == id).cloned().collect();
            let targets = d.targets.iter().filter(|t| t.plan == id).cloned().collect();
            if let Err(e) = self.data.add_plan(plan, measures, targets) {
                for id in &done {
                    let _ = self.data.remove_plan(id);
                }
                return Err(e.into());
            }
            self.corpus_mut().dataset.passages.extend(d.passages.iter().filter(|p| p.plan == id).cloned());
            done.push(id);
        }
        Ok(result)
    }

    /// Forget an added plan with its measures, targets and passages. Bundled plans stay.
    pub fn remove_plan(&mut self, id: &str) -> Result<()> {
        self.check_removable(id)?;
        Ok(self.data.remove_plan(id)?)
    }

    /// What [`Engine::remove_plan`] refuses, without removing: unknown ids and the directory's
    /// plans. The small wasm module, which cannot add plans, answers `removePlan` with this alone.
    pub fn check_removable(&self, id: &str) -> Result<()> {
        self.plan(id)?;
        if !self.is_added(id) {
            return Err(Error::invalid_argument(format!(
                "{id:?} is a plan of the data directory; only plans added with addPlan can be removed"
            )));
        }
        Ok(())
    }

    /// `user-N` with the smallest N not used since the engine started and not taken by any plan.
    fn fresh_id(&mut self) -> String {
        loop {
            let id = format!("{ADDED_PLAN_PREFIX}{}", self.next_added);
            let clash = self.corpus().dataset.plans.iter().any(|p| p.id == id || p.id.starts_with(&format!("{id}-")));
            if !clash {
                return id;
            }
            self.next_added += 1;
        }
    }
}

/// The fetcher behind the verbs: everything a verb reads must have been added before it is called.
struct Loaded;

impl Fetch for Loaded {
    fn fetch(&mut self, file: &str) -> Result<Vec<u8>> {
        Err(not_loaded(file))
    }
}

fn not_loaded(file: &str) -> Error {
    Error::new(ErrorCode::DataUnavailable, format!("data file {file} is not loaded yet"))
}

impl PlanMeta {
    /// What the parser is told about a reader's text. `source` labels the text unless the meta
    /// names one; an empty region is left for the text to tell, and no level is the region's.
    fn document_info(&self, source: String, id: Option<String>) -> DocumentInfo {
        let region = self.region.trim();
        DocumentInfo {
            source: self.source.clone().unwrap_or(source),
            region: (!region.is_empty()).then(|| region.to_string()),
            level: self.level.unwrap_or_else(|| level::of_region(region)),
            kind: self.kind.unwrap_or(Kind::WorkPoints),
            year_start: self.year_start,
            year_end: self.year_end.or(self.year_start),
            title: self.title.clone(),
            id,
        }
    }

    /// Parse `text` as this meta tells it, reading from the text what it leaves unsaid: the one
    /// reading behind `addPlan` and `plan-compare parse`. Without a level, the level of the region
    /// given, else of what the text shows ([`level::read`]: the region it names, its agencies …),
    /// parsed again under that level; without a kind, the kind each plan's title or preamble names
    /// ([`kind::kind_named`]). The notes say what was read or assumed, each opening with the
    /// field it is about (`level …`, `kind …`).
    pub fn parse(&self, source: String, id: Option<String>, text: &str) -> (ParsedDocument, Vec<String>) {
        let mut notes = Vec::new();
        let info = self.document_info(source, id);
        if self.level.is_none() {
            notes.push(format!("level {} assumed", info.level.as_str()));
        }
        let mut parsed = parse_document(&info, text);
        if self.level.is_none() && info.region.is_none() {
            let plan = parsed.dataset.plans.first();
            let (read, title) = plan.map_or(("", ""), |p| (p.region.as_str(), p.title.as_str()));
            if let Some((level, words, from)) = level::read(read, title, text).filter(|(l, ..)| *l != info.level) {
                notes.retain(|n| !n.starts_with("level "));
                notes.push(format!("level {} assumed from {from} {words}", level.as_str()));
                // A national text's region is the nation's, whatever named its level.
                let region = (level == Level::National).then(|| "全国".to_string());
                parsed = parse_document(&DocumentInfo { level, region, ..info }, text);
            }
        }
        if self.kind.is_none() {
            for plan in &mut parsed.dataset.plans {
                match kind::kind_named(plan, &parsed.dataset.passages) {
                    Some((named, from)) => {
                        plan.kind = named;
                        notes.push(format!("kind {} read from the {}", named.as_str(), from.as_str()));
                    }
                    None => notes.push(format!("kind {} assumed", plan.kind.as_str())),
                }
            }
        }
        (parsed, notes)
    }

    /// Check lengths, characters and years as `addPlan` does.
    pub fn validate(&self) -> Result<()> {
        validate_meta(self)
    }
}

fn validate_meta(meta: &PlanMeta) -> Result<()> {
    let check_text = |name: &str, value: &str| -> Result<()> {
        if value.chars().count() > MAX_META_CHARS {
            return Err(Error::invalid_argument(format!("meta.{name} is longer than {MAX_META_CHARS} characters")));
        }
        if value.chars().any(|c| c.is_control()) {
            return Err(Error::invalid_argument(format!("meta.{name} contains a control character")));
        }
        Ok(())
    };
    check_text("region", &meta.region)?;
    if let Some(title) = &meta.title {
        check_text("title", title)?;
    }
    if let Some(source) = &meta.source {
        check_text("source", source)?;
    }
    for (name, year) in [("yearStart", meta.year_start), ("yearEnd", meta.year_end)] {
        if let Some(y) = year {
            if !(1949..=2100).contains(&y) {
                return Err(Error::invalid_argument(format!("meta.{name} is {y}; expected a year 1949–2100")));
            }
        }
    }
    if let (Some(a), Some(b)) = (meta.year_start, meta.year_end) {
        if b < a {
            return Err(Error::invalid_argument(format!("meta.yearEnd {b} is before meta.yearStart {a}")));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUNDLE: &[u8] = include_bytes!("../data/bundle.bin");

    const PLAN_TEXT: &str = "深圳市2019年知识产权工作要点\n\
        一、强化知识产权保护\n\
        （一）加大执法力度。开展专利执法专项行动。（市市场监管局负责）\n\
        （二）推进快速维权。建设知识产权保护中心。（市市场监管局牵头，市司法局配合）\n\
        二、促进知识产权运用\n\
        （三）推进专利质押融资。扩大质押融资规模。（市金融局负责）\n";

    fn meta() -> PlanMeta {
        PlanMeta {
            region: "深圳市".into(),
            level: Some(Level::City),
            kind: None,
            year_start: Some(2019),
            year_end: None,
            title: None,
            source: None,
        }
    }

    fn engine() -> Engine {
        Engine::from_bundle(BUNDLE).unwrap()
    }

    #[test]
    fn decodes_the_bundle_with_every_plan() {
        let e = engine();
        assert_eq!(e.plans().len(), crate::dataset::build().dataset.plans.len());
        assert!(e.plans().iter().all(|p| !p.id.starts_with(ADDED_PLAN_PREFIX)));
    }

    #[test]
    fn adds_lists_and_removes_a_plan() {
        let mut e = engine();
        let bundled = e.plans().len();
        let added = e.add_plan(PLAN_TEXT, &meta()).unwrap();
        assert_eq!(added.plans.len(), 1);
        let id = added.plans[0].id.clone();
        assert_eq!(id, "user-1");
        assert_eq!(added.plans[0].region, "深圳市");
        assert_eq!(added.plans[0].year_start, 2019);
        assert!(added.measure_count >= 3, "{added:?}");
        let measures = e.measures(&MeasuresOptions { plan: Some(id.clone()) }).unwrap();
        assert_eq!(measures.len(), added.measure_count);
        assert_eq!(e.measure(&measures[0].id).unwrap().plan, id);
        assert!(e.is_added(&id));
        e.remove_plan(&id).unwrap();
        assert_eq!(e.plans().len(), bundled);
        assert!(e.measures(&MeasuresOptions::default()).unwrap().iter().all(|m| m.plan != id));
        assert_eq!(e.remove_plan(&id).unwrap_err().code, ErrorCode::UnknownPlan);
        // Ids are never reused, so a stale id cannot point at another reader plan.
        assert_eq!(e.add_plan(PLAN_TEXT, &meta()).unwrap().plans[0].id, "user-2");
    }

    /// A reader plan is in every answer while added, and out of every answer once removed.
    #[test]
    fn add_then_remove_restores_every_answer() {
        use crate::query::{self, FilterOptions, SearchOptions, ThemeMatrixOptions};
        let mut e = engine();
        let answers = |e: &Engine| {
            let c = e.corpus();
            let all = FilterOptions { limit: Some(1000), ..Default::default() };
            (
                query::filter(c, &all).unwrap(),
                query::search(c, "专利质押融资", &SearchOptions::default()).unwrap(),
                query::search(c, "patent pledge financing", &SearchOptions::default()).unwrap(),
                query::theme_matrix(c, &ThemeMatrixOptions::default()).unwrap(),
            )
        };
        let before = answers(&e);
        let original = e.clone();
        let id = e.add_plan(PLAN_TEXT, &meta()).unwrap().plans[0].id.clone();
        let during = answers(&e);
        assert_eq!(
            during.0.total,
            before.0.total + e.measures(&MeasuresOptions { plan: Some(id.clone()) }).unwrap().len()
        );
        assert!(during.1.hits.iter().any(|h| h.plan == id), "the added plan is searchable");
        assert_eq!(during.3.plans.len(), before.3.plans.len() + 1);
        assert!(query::diff(e.corpus(), &id, "beijing-2018", &Default::default()).is_ok());
        e.remove_plan(&id).unwrap();
        assert_eq!(answers(&e), before);
        // The whole corpus (index, theme scores) is as decoded; only the id counter moved on.
        assert_eq!(e.corpus(), original.corpus());
    }

    #[test]
    fn refuses_bad_input_with_codes() {
        let mut e = engine();
        let code = |r: Result<AddedPlan>| r.unwrap_err().code;
        let big = "一".repeat(MAX_PLAN_TEXT_BYTES / 3 + 1);
        assert_eq!(code(e.add_plan(&big, &meta())), ErrorCode::TooLarge);
        assert_eq!(code(e.add_plan("   \n", &meta())), ErrorCode::InvalidArgument);
        assert_eq!(code(e.add_plan("just some words", &meta())), ErrorCode::ParseFailed);
        let bad_year = PlanMeta { year_start: Some(20190), ..meta() };
        assert_eq!(code(e.add_plan(PLAN_TEXT, &bad_year)), ErrorCode::InvalidArgument);
        let backwards = PlanMeta { year_start: Some(2020), year_end: Some(2019), ..meta() };
        assert_eq!(code(e.add_plan(PLAN_TEXT, &backwards)), ErrorCode::InvalidArgument);
        let control = PlanMeta { title: Some("a\u{0}b".into()), ..meta() };
        assert_eq!(code(e.add_plan(PLAN_TEXT, &control)), ErrorCode::InvalidArgument);
        let bundled = e.plans()[0].id.clone();
        assert_eq!(e.remove_plan(&bundled).unwrap_err().code, ErrorCode::InvalidArgument);
        assert_eq!(e.plan("nope").unwrap_err().code, ErrorCode::UnknownPlan);
        assert_eq!(e.measure("nope").unwrap_err().code, ErrorCode::UnknownMeasure);
        let unknown = MeasuresOptions { plan: Some("nope".into()) };
        assert_eq!(e.measures(&unknown).unwrap_err().code, ErrorCode::UnknownPlan);
        // Nothing was added by the refused calls.
        assert_eq!(e.plans().len(), engine().plans().len());
    }

    #[test]
    fn a_plan_added_without_a_kind_takes_the_one_its_title_names() {
        let mut e = engine();
        let text = PLAN_TEXT.replace("2019年知识产权工作要点", "知识产权保护工作方案");
        let kind = |e: &mut Engine, kind| e.add_plan(&text, &PlanMeta { kind, ..meta() }).unwrap().plans[0].kind;
        assert_eq!(kind(&mut e, None), Kind::ActionPlan);
        assert_eq!(kind(&mut e, Some(Kind::WorkPoints)), Kind::WorkPoints, "a kind given is kept");
        assert_eq!(e.add_plan(PLAN_TEXT, &meta()).unwrap().plans[0].kind, Kind::WorkPoints);
    }

    #[test]
    fn a_plan_added_without_region_or_level_takes_those_its_text_shows() {
        let mut e = engine();
        let untold = PlanMeta { region: " ".into(), level: None, ..meta() };
        let plan = e.add_plan(&PLAN_TEXT.replace("深圳市", "广东省"), &untold).unwrap().plans[0].clone();
        assert_eq!(
            (plan.region.as_str(), plan.level, plan.region_en.as_str()),
            ("广东省", Level::Province, "Guangdong")
        );
        // A region given without its level gives its own (a county-level city is a district's).
        let county = PlanMeta { region: "义乌市".into(), level: None, ..meta() };
        assert_eq!(e.add_plan(PLAN_TEXT, &county).unwrap().plans[0].level, Level::District);
        // A text that names no place keeps none; its level is what its agencies show.
        let placeless = PLAN_TEXT.replace("深圳市", "");
        let plan = e.add_plan(&placeless, &untold).unwrap().plans[0].clone();
        assert_eq!((plan.region.as_str(), plan.level), ("", Level::City));
    }

    #[test]
    fn caps_the_number_of_added_plans() {
        let mut e = engine();
        for _ in 0..MAX_ADDED_PLANS {
            e.add_plan(PLAN_TEXT, &meta()).unwrap();
        }
        assert_eq!(e.add_plan(PLAN_TEXT, &meta()).unwrap_err().code, ErrorCode::TooLarge);
    }

    #[test]
    fn a_table_of_regions_gives_one_id_per_plan() {
        let seed = crate::dataset::SEEDS.iter().find(|s| s.region.is_none()).unwrap();
        let mut e = engine();
        let added = e.add_plan(seed.text, &PlanMeta { region: "全国".into(), level: Some(Level::Province), ..meta() });
        // Until the table parser lands the compilation reads as no plan; then every id must be unique.
        let added = match added {
            Err(e) if e.code == ErrorCode::ParseFailed => return,
            other => other.unwrap(),
        };
        let ids: Vec<&str> = added.plans.iter().map(|p| p.id.as_str()).collect();
        let mut unique = ids.clone();
        crate::sort::sort(&mut unique);
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "{ids:?}");
        assert!(ids.iter().all(|id| id.starts_with("user-1")));
    }

    /// Texts built from the pieces the parser keys on, in a fixed pseudo-random order.
    #[test]
    fn never_panics_on_shuffled_plan_pieces() {
        let pieces = [
            "一、",
            "二、",
            "（一）",
            "（二）",
            "(三)",
            "1.",
            "2．",
            "3、",
            "。",
            "，",
            "（",
            "）",
            "(",
            ")",
            "\n",
            "\n\n",
            "牵头",
            "负责",
            "配合",
            "会同",
            "参与",
            "等部门",
            "市知识产权局",
            "2020年",
            "达到",
            "1-2个",
            "1/4",
            "亿元",
            "序号",
            "工作重点",
            "工作内容",
            "具体举措及成果形式",
            "责任部门",
            "北京市",
            "第 3 页",
            "。。。",
            " ",
            "\u{3000}",
            "知识产权",
            "专利质押融资",
            "\r\n",
            "\u{feff}",
            "—",
            "－",
            "\t",
        ];
        let mut e = engine();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..(seed % 60) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            if let Ok(added) = e.add_plan(&text, &meta()) {
                for plan in added.plans {
                    e.remove_plan(&plan.id).unwrap();
                }
            }
        }
    }

    #[test]
    fn never_panics_on_odd_text() {
        let mut e = engine();
        let samples =
            ["（一）", "一、\n（一）。（）", "\u{feff}\r\n\r\n（一）a。b（c负责）", "�\u{fffd}（", "1.\n2.\n3."];
        for text in samples {
            let _ = e.add_plan(text, &meta());
        }
    }
}
