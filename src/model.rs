//! The records of the dataset (plans, measures, targets, themes) in the shape of the export contract.
//!
//! Field names and order follow `DESIGN.md` ("Public contract: export JSON"), so serialising a
//! [`Dataset`] with serde gives the contract directly. On wasm32 each type also derives its TypeScript
//! declaration (tsify), so the npm package's types follow these definitions.

use serde::{Deserialize, Serialize};

/// Administrative level of the body that issued a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Province,
    City,
    District,
    /// Central government bodies (国务院, 国家知识产权局). Last, so that bundles encoded before it
    /// existed keep their variant numbers.
    National,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::City => "city",
            Level::District => "district",
            Level::National => "national",
        }
    }
}

/// What sort of document a plan is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Kind {
    #[serde(rename = "work points")]
    WorkPoints,
    #[serde(rename = "five-year plan")]
    FiveYearPlan,
    #[serde(rename = "action plan")]
    ActionPlan,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::WorkPoints => "work points",
            Kind::FiveYearPlan => "five-year plan",
            Kind::ActionPlan => "action plan",
        }
    }
}

/// One policy plan: a whole document, or one provincial table of the 2018 compilation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Plan {
    /// Readable, URL-safe and stable, e.g. `beijing-2018`.
    pub id: String,
    /// As printed, e.g. 北京市.
    pub region: String,
    /// GB/T 2260 six-digit code; null where the standard has none (新疆生产建设兵团).
    pub region_code: Option<String>,
    pub region_en: String,
    pub level: Level,
    pub kind: Kind,
    /// The first and last year the document states; 0 inside Rust where it states none, which
    /// JSON (the export contract, JavaScript) shows as null. The bundle keeps the number.
    #[serde(with = "year_or_null")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "number | null"))]
    pub year_start: u16,
    #[serde(with = "year_or_null")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "number | null"))]
    pub year_end: u16,
    pub title: String,
    pub doc_number: Option<String>,
    /// The seed file the plan was parsed from, e.g. `seeds/provinces-2018-work-points.txt`.
    pub source: String,
}

impl Plan {
    /// A short label for lists of results: the region and the years the plan states
    /// (`广东省 2016–2020`, `北京市 2018`), or the region alone when it states none.
    pub fn label(&self) -> String {
        match (self.year_start, self.year_end) {
            (0, _) => self.region.clone(),
            (a, b) if b <= a => format!("{} {a}", self.region),
            (a, b) => format!("{} {a}–{b}", self.region),
        }
    }
}

/// Role of a department in a measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Lead,
    Support,
}

/// A department named in a measure, exactly as printed, with its role and canonical agency type.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Department {
    pub name: String,
    /// `lead`, `support`, or null where the document does not tell roles apart.
    pub role: Option<Role>,
    /// Canonical agency type (知识产权局, 工商局/市场监管, 法院, 海关 …) so that 市知识产权局 and
    /// 省知识产权局 group together; 其他 when no type fits.
    pub agency: String,
}

/// One measure (task, item or table row) of a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Measure {
    /// Stable id: the plan id and the measure's ordinal in the plan, e.g. `beijing-2018-007`.
    pub id: String,
    pub plan: String,
    /// The printed item number, or null (table rows carry none).
    pub no: Option<u32>,
    /// Enclosing heading without its numbering; for table rows the focus area text.
    pub chapter: String,
    /// 1–6, the national template's focus area, for rows of the 2018 provincial tables.
    pub focus_no: Option<u8>,
    /// The 工作内容 cell of a table row.
    pub work_item: Option<String>,
    /// Leading title sentence where the document titles its items.
    pub title: Option<String>,
    /// Normalised body, without title and department clause; null for an empty 具体举措 cell.
    pub text: Option<String>,
    pub departments: Vec<Department>,
    /// Theme ids the measure touches.
    pub themes: Vec<String>,
    /// First and last seed line (1-based) the measure was read from.
    pub lines: [u32; 2],
}

/// A quantified target of a plan, e.g. 万人发明专利拥有量 达到 2.4 件 by 2020.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Target {
    pub plan: String,
    pub indicator: String,
    pub value: f64,
    /// Upper end of a range such as 1-2个.
    pub value_max: Option<f64>,
    pub unit: Option<String>,
    /// The comparison word as printed (超过, 以上, 达, 突破, 不少于 …).
    pub qualifier: Option<String>,
    /// The year the target is due; 0 inside Rust (null in JSON) where the document states none.
    #[serde(with = "year_or_null")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "number | null"))]
    pub year: u16,
    /// The clause the target was read from, as printed (whitespace removed).
    pub text: String,
}

/// A theme as listed in the export (the full taxonomy lives in `data/themes.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct ThemeRef {
    pub id: String,
    pub zh: String,
    pub en: String,
}

/// Prose of a plan that is not a measure or target: preamble, review of past work, principles,
/// closing remarks. Kept (not dropped) so that every meaningful seed line is placed somewhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Passage {
    pub plan: String,
    /// The enclosing heading without its numbering, or null before the first heading.
    pub heading: Option<String>,
    pub text: String,
    pub lines: [u32; 2],
}

/// A meaningful seed line that no record took.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Unassigned {
    pub source: String,
    pub line: u32,
    pub text: String,
}

/// The whole dataset, in the order and shape of the export contract.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Dataset {
    pub plans: Vec<Plan>,
    pub measures: Vec<Measure>,
    pub targets: Vec<Target>,
    pub themes: Vec<ThemeRef>,
    pub unassigned: Vec<Unassigned>,
    /// Not part of the five-key contract: narrative prose, exported after the contract's keys.
    #[serde(default)]
    pub passages: Vec<Passage>,
}

/// A year that the document may not state: 0 in Rust, null in human-readable formats (JSON, the
/// JavaScript values of the wasm binding), the plain number in the bundle's binary encoding, so
/// that the bundle format does not change. Never invents a year: null reads back as 0.
mod year_or_null {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(year: &u16, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() && *year == 0 {
            s.serialize_none()
        } else if s.is_human_readable() {
            s.serialize_some(year)
        } else {
            s.serialize_u16(*year)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
        if d.is_human_readable() {
            Ok(Option::<u16>::deserialize(d)?.unwrap_or(0))
        } else {
            u16::deserialize(d)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_label_is_its_region_and_stated_years() {
        let mut p = Plan {
            id: "guangdong-2016".into(),
            region: "广东省".into(),
            region_code: Some("440000".into()),
            region_en: "Guangdong".into(),
            level: Level::Province,
            kind: Kind::FiveYearPlan,
            year_start: 2016,
            year_end: 2020,
            title: String::new(),
            doc_number: None,
            source: String::new(),
        };
        assert_eq!(p.label(), "广东省 2016–2020");
        p.year_end = 2016;
        assert_eq!(p.label(), "广东省 2016");
        p.year_start = 0;
        assert_eq!(p.label(), "广东省");
    }
}
