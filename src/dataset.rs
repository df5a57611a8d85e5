//! The corpus described by data: the catalogue of documents (`seeds/catalog.toml`) and the build of a
//! dataset from it.
//!
//! The catalogue lists each document with what is known about it before it is read (path, region,
//! level, kind, years, title, document number, issuing body, source URL); its schema is in
//! `docs/catalog.md` and in the file's own header. Adding a document is adding an entry.
//!
//! The document texts are read from disk when a build runs, not compiled in: only the native build
//! tool and the tests read them (from a checkout), the wasm module never does (it loads a pre-built
//! corpus), and a text compiled in could only follow an edited catalogue through a build script. A
//! file that cannot be read becomes a diagnostic, never a panic.

use crate::engine::PlanMeta;
use crate::model::{Dataset, Kind, Level};
use crate::parse::{Diagnostic, DiagnosticCode, Ledger};
use crate::themes::Taxonomy;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// The catalogue of the bundled corpus.
pub const BUNDLED_CATALOG: &str = include_str!("../seeds/catalog.toml");
/// Where the bundled catalogue lives (its `root` and `themes` are relative to this directory).
pub const BUNDLED_CATALOG_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
/// The catalogue schema this build reads.
pub const CATALOG_VERSION: u32 = 1;

/// A catalogue file: which documents make up a corpus, in corpus order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    pub version: u32,
    /// Directory the document paths are relative to, relative to the catalogue file.
    #[serde(default)]
    pub root: Option<String>,
    /// Theme taxonomy file relative to the catalogue file; the bundled `data/themes.toml` if absent.
    #[serde(default)]
    pub themes: Option<String>,
    #[serde(default, rename = "document")]
    pub documents: Vec<Document>,
}

/// One document of the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Relative to the catalogue's root; also the `source` its plans cite.
    pub path: String,
    /// Read from the text when absent, as `plan-compare parse` reads it (the build says so); the
    /// data directory keeps what was read.
    #[serde(default)]
    pub level: Option<Level>,
    /// Read from the text when absent, as `level` is.
    #[serde(default)]
    pub kind: Option<Kind>,
    #[serde(default)]
    pub years: Option<(u16, u16)>,
    /// Region as printed, for a document of one plan; absent for a compilation of several regions.
    #[serde(default)]
    pub region: Option<String>,
    /// Plan id to use instead of one made from the region and years (needed for a region the
    /// gazetteer does not know, whose plans would otherwise all be `plan-YEAR`).
    #[serde(default)]
    pub id: Option<String>,
    /// English name and GB/T 2260 code of the region, where the gazetteer does not know it.
    #[serde(default)]
    pub region_en: Option<String>,
    #[serde(default)]
    pub region_code: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub doc_number: Option<String>,
    #[serde(default)]
    pub issuer: Option<String>,
    #[serde(default)]
    pub source_url: Option<String>,
    /// File name of the original extract (provenance).
    #[serde(default)]
    pub original: Option<String>,
}

impl Catalog {
    /// Parse and check a catalogue; the error names the document and the problem.
    pub fn from_toml(text: &str) -> Result<Catalog, String> {
        let catalog: Catalog = toml::from_str(text).map_err(|e| format!("catalogue: {e}"))?;
        if catalog.version != CATALOG_VERSION {
            return Err(format!("catalogue: version {}, this build reads {CATALOG_VERSION}", catalog.version));
        }
        let mut seen = std::collections::HashSet::new();
        for (i, d) in catalog.documents.iter().enumerate() {
            let name = format!("catalogue: document #{} ({:?})", i + 1, d.path);
            if d.path.trim().is_empty() {
                return Err(format!("{name}: empty path"));
            }
            if !seen.insert(d.path.as_str()) {
                return Err(format!("{name}: listed twice"));
            }
            if let Some((start, end)) = d.years {
                if start > end || start < 1949 || end > 2200 {
                    return Err(format!("{name}: years [{start}, {end}] are not a span of years"));
                }
            }
            let slug =
                |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if d.id.as_deref().is_some_and(|id| !slug(id)) {
                return Err(format!("{name}: id must be lower-case ASCII letters, digits and '-'"));
            }
            if d.region.as_deref().is_some_and(|r| r.trim().is_empty()) {
                return Err(format!("{name}: empty region (omit the key for a document of several regions)"));
            }
        }
        Ok(catalog)
    }

    /// The bundled catalogue (`seeds/catalog.toml`).
    pub fn bundled() -> Result<Catalog, String> {
        Catalog::from_toml(BUNDLED_CATALOG)
    }

    /// Read a catalogue file; returns it with its directory (what [`build_catalog`] takes).
    pub fn load(path: &Path) -> Result<(Catalog, PathBuf), String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let catalog = Catalog::from_toml(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_path_buf();
        Ok((catalog, dir))
    }

    /// The directory document paths are relative to, for a catalogue kept in `dir`.
    pub fn root_dir(&self, dir: &Path) -> PathBuf {
        match &self.root {
            Some(root) => dir.join(root),
            None => dir.to_path_buf(),
        }
    }

    /// The taxonomy this catalogue names (relative to `dir`, the catalogue's directory), or the bundled one.
    pub fn taxonomy(&self, dir: &Path) -> Result<Taxonomy, String> {
        match &self.themes {
            None => Taxonomy::bundled(),
            Some(file) => {
                let path = dir.join(file);
                let text =
                    std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                Taxonomy::from_toml(&text)
            }
        }
    }
}

impl Document {
    /// What the catalogue tells the parser about the document, as a reader tells `addPlan`. A
    /// title is given only to a document of one plan: the plans of a compilation take theirs from
    /// their headings.
    pub fn meta(&self) -> PlanMeta {
        PlanMeta {
            region: self.region.clone().unwrap_or_default(),
            level: self.level,
            kind: self.kind,
            year_start: self.years.map(|y| y.0),
            year_end: self.years.map(|y| y.1),
            title: self.region.as_ref().and(self.title.clone()),
            source: Some(self.path.clone()),
        }
    }
}

/// One seed document of the bundled corpus, with its text (read once per process).
pub struct Seed {
    pub path: &'static str,
    pub text: &'static str,
    pub region: Option<&'static str>,
}

/// The documents of the bundled catalogue with their texts, in corpus order. A text that cannot be
/// read is empty here (and a diagnostic in [`build`]). The strings live as long as the process: the
/// seeds are a fixed, small set read once.
pub static SEEDS: LazyLock<Vec<Seed>> = LazyLock::new(|| {
    let Ok(catalog) = Catalog::bundled() else { return Vec::new() };
    let root = catalog.root_dir(Path::new(BUNDLED_CATALOG_DIR));
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    catalog
        .documents
        .into_iter()
        .map(|d| Seed {
            text: leak(std::fs::read_to_string(root.join(&d.path)).unwrap_or_default()),
            path: leak(d.path),
            region: d.region.map(leak),
        })
        .collect()
});

/// A corpus parsed, with the parser's diagnostics and line ledger.
#[derive(Debug, Clone, Default)]
pub struct Build {
    pub dataset: Dataset,
    pub diagnostics: Vec<Diagnostic>,
    pub ledger: Ledger,
    /// The catalogue's documents, in corpus order (what the data directory lists beside the plans).
    pub documents: Vec<Document>,
    /// The taxonomy the measures were tagged with.
    pub taxonomy: Taxonomy,
    /// (document path, how it was read) for documents that were not plain UTF-8 text
    /// ([`crate::read::DocumentText::notes`]), or whose level or kind the text told.
    pub read_notes: Vec<(String, String)>,
}

/// Parse the bundled catalogue's documents (see [`build_catalog`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn build() -> Build {
    match Catalog::bundled() {
        Ok(catalog) => build_catalog(&catalog, Path::new(BUNDLED_CATALOG_DIR)),
        Err(message) => {
            let mut out = Build::default();
            out.diagnostics.push(Diagnostic::new("seeds/catalog.toml", 0, DiagnosticCode::NoPlan, message));
            out
        }
    }
}

/// Parse every document of a catalogue kept in `dir`, reading the texts from disk, concatenate the
/// results in catalogue order, and tag measures with the catalogue's taxonomy (one that does not
/// load is reported as a diagnostic).
#[cfg(not(target_arch = "wasm32"))]
pub fn build_catalog(catalog: &Catalog, dir: &Path) -> Build {
    let root = catalog.root_dir(dir);
    let mut notes = Vec::new();
    let mut build = build_with(catalog, dir, |d| {
        let read = crate::read::read_document(&root.join(&d.path))?;
        notes.extend(read.notes.into_iter().map(|note| (d.path.clone(), note)));
        Ok(read.text)
    });
    // How each file was read, before what its text told.
    notes.append(&mut build.read_notes);
    build.read_notes = notes;
    build
}

/// [`build_catalog`] with the texts from `read` (a document it cannot give is a diagnostic).
pub fn build_with(catalog: &Catalog, dir: &Path, mut read: impl FnMut(&Document) -> Result<String, String>) -> Build {
    let mut out = Build { documents: catalog.documents.clone(), ..Build::default() };
    for (i, doc) in catalog.documents.iter().enumerate() {
        let text = match read(doc) {
            Ok(text) => text,
            Err(message) => {
                out.diagnostics.push(Diagnostic::new(&doc.path, 0, DiagnosticCode::NoPlan, message));
                continue;
            }
        };
        let (parsed, read) = doc.meta().parse(doc.path.clone(), doc.id.clone(), &text);
        out.read_notes.extend(read.into_iter().map(|note| (doc.path.clone(), note)));
        let mut d = parsed.dataset;
        // The data directory keeps the level and kind read where the catalogue gave none.
        if let (Some(entry), Some(first)) = (out.documents.get_mut(i), d.plans.first()) {
            entry.level.get_or_insert(first.level);
            entry.kind.get_or_insert(first.kind);
        }
        // What the catalogue knows fills in what a one-plan text does not print; its English name
        // and code win over the gazetteer's, which are made from the region's name, not printed.
        if doc.region.is_some() {
            for p in &mut d.plans {
                if p.doc_number.is_none() {
                    p.doc_number.clone_from(&doc.doc_number);
                }
                if doc.region_code.is_some() {
                    p.region_code.clone_from(&doc.region_code);
                }
                if let Some(en) = &doc.region_en {
                    p.region_en.clone_from(en);
                }
            }
        }
        out.dataset.plans.extend(d.plans);
        out.dataset.measures.extend(d.measures);
        out.dataset.targets.extend(d.targets);
        out.dataset.unassigned.extend(d.unassigned);
        out.dataset.passages.extend(d.passages);
        out.diagnostics.extend(parsed.diagnostics);
        out.ledger.entries.extend(parsed.ledger.entries);
    }
    let source = catalog.themes.clone().unwrap_or_else(|| "data/themes.toml".to_string());
    match catalog.taxonomy(dir) {
        Ok(taxonomy) => {
            taxonomy.tag_dataset(&mut out.dataset);
            out.taxonomy = taxonomy;
        }
        Err(message) => out.diagnostics.push(Diagnostic::new(&source, 0, DiagnosticCode::Taxonomy, message)),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_catalogue_lists_the_five_seeds_and_they_read() {
        let catalog = Catalog::bundled().unwrap();
        assert_eq!(catalog.documents.len(), 5);
        assert_eq!(SEEDS.len(), 5);
        for seed in SEEDS.iter() {
            assert!(seed.text.len() > 5_000, "{} is empty or unreadable", seed.path);
        }
        assert_eq!(SEEDS.iter().filter(|s| s.region.is_none()).count(), 1);
    }

    #[test]
    fn bad_catalogues_are_refused_with_the_document_named() {
        let ok = "version = 1\n[[document]]\npath = \"a.txt\"\nlevel = \"city\"\nkind = \"work points\"\n";
        assert!(Catalog::from_toml(ok).is_ok());
        let twice = format!("{ok}[[document]]\npath = \"a.txt\"\nlevel = \"city\"\nkind = \"work points\"\n");
        assert!(Catalog::from_toml(&twice).unwrap_err().contains("listed twice"));
        let typo = ok.replace("level", "levle");
        assert!(Catalog::from_toml(&typo).is_err());
        let years = format!("{ok}years = [2020, 2016]\n");
        assert!(Catalog::from_toml(&years).unwrap_err().contains("not a span"));
        assert!(Catalog::from_toml("version = 2\n").unwrap_err().contains("version 2"));
    }

    #[test]
    fn documents_in_gbk_or_as_web_pages_are_read_and_say_so() {
        let dir = std::env::temp_dir().join(format!("plan-compare-catalog-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let text =
            "某某市2024年知识产权工作要点\n一、强化保护\n1.开展专利侵权纠纷行政裁决。（责任单位：市市场监管局）\n";
        std::fs::write(dir.join("gbk.txt"), encoding_rs::GBK.encode(text).0).unwrap();
        let page: String = text.lines().map(|l| format!("<p>{l}</p>")).collect();
        std::fs::write(dir.join("page.html"), format!("<html><body>{page}</body></html>")).unwrap();
        let entry = |path: &str, id: &str| {
            format!("[[document]]\npath = \"{path}\"\nid = \"{id}\"\nlevel = \"city\"\nkind = \"work points\"\n")
        };
        let toml = format!("version = 1\n{}{}", entry("gbk.txt", "from-gbk"), entry("page.html", "from-page"));
        let build = build_catalog(&Catalog::from_toml(&toml).unwrap(), &dir);
        let _ = std::fs::remove_dir_all(&dir);
        let measures: Vec<&str> = build.dataset.measures.iter().filter_map(|m| m.text.as_deref()).collect();
        assert_eq!(measures, ["开展专利侵权纠纷行政裁决。", "开展专利侵权纠纷行政裁决。"]);
        let notes: Vec<(&str, bool)> = build
            .read_notes
            .iter()
            .map(|(path, note)| (path.as_str(), note.contains("GBK") || note.contains("web page")))
            .collect();
        assert_eq!(notes, [("gbk.txt", true), ("page.html", true)]);
    }

    #[test]
    fn level_and_kind_left_out_are_read_from_the_text_and_kept() {
        let texts = [
            (
                "city.txt",
                "佛山市知识产权保护工作方案（2021-2023年）\n一、强化保护\n1.开展行政裁决。（责任单位：市市场监管局）\n",
            ),
            ("county.txt", "义乌市2024年知识产权工作要点\n一、强化保护\n1.开展行政裁决。（责任单位：市市场监管局）\n"),
        ];
        let toml = "version = 1\n[[document]]\npath = \"city.txt\"\n\
                    [[document]]\npath = \"county.txt\"\nregion = \"义乌市\"\nkind = \"action plan\"\n";
        let catalog = Catalog::from_toml(toml).unwrap();
        let build = build_with(&catalog, Path::new("."), |d| {
            texts
                .iter()
                .find(|(path, _)| *path == d.path)
                .map(|(_, text)| text.to_string())
                .ok_or_else(|| "no text".to_string())
        });
        let plans: Vec<(&str, Level, Kind)> =
            build.dataset.plans.iter().map(|p| (p.region.as_str(), p.level, p.kind)).collect();
        // The county-level city's level is its own; the kind the catalogue gives wins over the title's.
        assert_eq!(plans, [("佛山市", Level::City, Kind::ActionPlan), ("义乌市", Level::District, Kind::ActionPlan)]);
        let kept: Vec<(Option<Level>, Option<Kind>)> = build.documents.iter().map(|d| (d.level, d.kind)).collect();
        assert_eq!(
            kept,
            [(Some(Level::City), Some(Kind::ActionPlan)), (Some(Level::District), Some(Kind::ActionPlan))]
        );
        let notes: Vec<(&str, &str)> = build.read_notes.iter().map(|(p, n)| (p.as_str(), n.as_str())).collect();
        assert_eq!(
            notes,
            [
                ("city.txt", "level city assumed from the region 佛山市"),
                ("city.txt", "kind action plan read from the title"),
                ("county.txt", "level district assumed"),
            ]
        );
    }

    #[test]
    fn an_unreadable_document_is_a_diagnostic() {
        let catalog = Catalog::from_toml(
            "version = 1\n[[document]]\npath = \"no-such-file.txt\"\n\
             level = \"city\"\nkind = \"work points\"\n",
        )
        .unwrap();
        let build = build_catalog(&catalog, Path::new("/nonexistent"));
        assert!(build.dataset.plans.is_empty());
        assert!(build.diagnostics.iter().any(|d| d.source == "no-such-file.txt" && d.message.contains("cannot read")));
    }
}
