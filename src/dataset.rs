//! The bundled corpus: the seed catalogue and the build of the whole dataset from `seeds/`.

use crate::model::{Dataset, Kind, Level};
use crate::parse::{parse_document, Diagnostic, DiagnosticCode, DocumentInfo, Ledger};

/// One seed document of the corpus, with what is known about it before it is read.
pub struct Seed {
    pub path: &'static str,
    pub text: &'static str,
    pub region: Option<&'static str>,
    pub level: Level,
    pub kind: Kind,
    pub years: Option<(u16, u16)>,
}

/// The five seeds, in corpus order (000 … 004).
pub const SEEDS: &[Seed] = &[
    Seed {
        path: "seeds/shanwei-chengqu-2018-work-points.txt",
        text: include_str!("../seeds/shanwei-chengqu-2018-work-points.txt"),
        region: Some("汕尾市城区"),
        level: Level::District,
        kind: Kind::WorkPoints,
        years: Some((2018, 2018)),
    },
    Seed {
        path: "seeds/shantou-2016-2020-five-year-plan.txt",
        text: include_str!("../seeds/shantou-2016-2020-five-year-plan.txt"),
        region: Some("汕头市"),
        level: Level::City,
        kind: Kind::FiveYearPlan,
        years: Some((2016, 2020)),
    },
    Seed {
        path: "seeds/guangdong-2016-work-points.txt",
        text: include_str!("../seeds/guangdong-2016-work-points.txt"),
        region: Some("广东省"),
        level: Level::Province,
        kind: Kind::WorkPoints,
        years: Some((2016, 2016)),
    },
    Seed {
        path: "seeds/provinces-2018-work-points.txt",
        text: include_str!("../seeds/provinces-2018-work-points.txt"),
        region: None,
        level: Level::Province,
        kind: Kind::WorkPoints,
        years: Some((2018, 2018)),
    },
    Seed {
        path: "seeds/guangdong-2018-2022-action-plan.txt",
        text: include_str!("../seeds/guangdong-2018-2022-action-plan.txt"),
        region: Some("广东省"),
        level: Level::Province,
        kind: Kind::ActionPlan,
        years: Some((2018, 2022)),
    },
];

impl Seed {
    pub fn info(&self) -> DocumentInfo {
        DocumentInfo {
            source: self.path.to_string(),
            region: self.region.map(str::to_string),
            level: self.level,
            kind: self.kind,
            year_start: self.years.map(|y| y.0),
            year_end: self.years.map(|y| y.1),
            title: None,
            id: None,
        }
    }
}

/// The whole corpus parsed, with the parser's diagnostics and line ledger.
#[derive(Debug, Clone, Default)]
pub struct Build {
    pub dataset: Dataset,
    pub diagnostics: Vec<Diagnostic>,
    pub ledger: Ledger,
}

/// Parse every seed, concatenate the results in corpus order, and tag measures with the themes of
/// `data/themes.toml` (a taxonomy that does not load is reported as a diagnostic).
pub fn build() -> Build {
    let mut out = Build::default();
    for seed in SEEDS {
        let parsed = parse_document(&seed.info(), seed.text);
        let d = parsed.dataset;
        out.dataset.plans.extend(d.plans);
        out.dataset.measures.extend(d.measures);
        out.dataset.targets.extend(d.targets);
        out.dataset.unassigned.extend(d.unassigned);
        out.dataset.passages.extend(d.passages);
        out.diagnostics.extend(parsed.diagnostics);
        out.ledger.entries.extend(parsed.ledger.entries);
    }
    match crate::themes::Taxonomy::bundled() {
        Ok(taxonomy) => taxonomy.tag_dataset(&mut out.dataset),
        Err(message) => out.diagnostics.push(Diagnostic::new("data/themes.toml", 0, DiagnosticCode::Taxonomy, message)),
    }
    out
}
