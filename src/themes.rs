//! The theme taxonomy (`data/themes.toml`): loading, validation, and tagging measures with theme ids.
//!
//! Tagging is keyword-based and deliberately simple so that an editor can predict it: a measure
//! gets a theme when one of the theme's `keywords_zh` occurs in its title, text or work item, or
//! when two different `related_zh` terms do. The chapter is left out: a table row's chapter is its
//! focus area (实施严格的知识产权保护 …), which would tag every row of the area.

use crate::model::{Dataset, Measure, ThemeRef};
use crate::sort::Map;
use serde::{Deserialize, Serialize};

/// The taxonomy bundled with the crate.
pub const THEMES_TOML: &str = include_str!("../data/themes.toml");

/// Weight of a `related_zh` hit relative to a `keywords_zh` hit, in scores.
pub const RELATED_WEIGHT: f64 = 0.4;

/// One theme of the taxonomy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: String,
    pub zh: String,
    pub en: String,
    pub description: String,
    pub keywords_zh: Vec<String>,
    #[serde(default)]
    pub related_zh: Vec<String>,
    #[serde(default)]
    pub keywords_en: Vec<String>,
    /// English keywords that name one Chinese keyword of the theme ("belt and road" is 一带一路):
    /// a query with one asks for that keyword, the theme's others are its synonyms.
    #[serde(default)]
    pub en_zh: Map<String, String>,
}

impl Theme {
    pub fn to_ref(&self) -> ThemeRef {
        ThemeRef { id: self.id.clone(), zh: self.zh.clone(), en: self.en.clone() }
    }
}

/// A theme's English keyword lower-cased, with its words stemmed.
type StemmedKeyword = (String, Vec<String>);

/// The whole taxonomy, in file order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Taxonomy {
    pub themes: Vec<Theme>,
    /// Groups of Chinese forms that mean the same (地理标志 and its short form 地标): a search for
    /// one also searches the others, just below the typed form ([`Taxonomy::equivalents_in`]).
    pub equivalents_zh: Vec<Vec<String>>,
    /// Per theme, its `keywords_en` lower-cased and stemmed, longest first: made on the first
    /// English query, not on each (stemming every keyword was 7% of a search). A taxonomy's themes
    /// are not changed once it is read.
    #[serde(skip)]
    english_keys: Derived<Vec<Vec<StemmedKeyword>>>,
    /// Per theme, its `keywords_zh` and its `related_zh`, each longest first, as
    /// [`Taxonomy::hits_zh`] tries them: sorted once, not for every query and every measure tagged.
    #[serde(skip)]
    chinese_keys: Derived<Vec<[Vec<String>; 2]>>,
}

/// What a taxonomy's methods make once from its themes (`english_keys`, `chinese_keys`): it takes
/// no part in comparing taxonomies.
#[derive(Debug, Clone, Default)]
struct Derived<T>(std::sync::OnceLock<T>);

impl<T> PartialEq for Derived<T> {
    fn eq(&self, _: &Derived<T>) -> bool {
        true
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    equivalents_zh: Vec<Vec<String>>,
    #[serde(default)]
    theme: Vec<Theme>,
}

/// How strongly a text touches one theme.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeHit {
    /// Index of the theme in the taxonomy.
    pub theme: usize,
    /// Strong hits count 1 per occurrence, related hits [`RELATED_WEIGHT`].
    pub score: f64,
    /// The keywords found, strong first, each once.
    pub matched: Vec<String>,
    /// Whether the hit is strong enough to tag a measure.
    pub tags: bool,
    /// For an English hit, the byte ranges of the lower-cased text its keywords took (empty for
    /// a Chinese one): the words the taxonomy answered for.
    pub spans: Vec<(usize, usize)>,
}

impl Taxonomy {
    /// Parse and validate a taxonomy file; the error names the theme and the problem.
    pub fn from_toml(text: &str) -> Result<Taxonomy, String> {
        let file: File = toml::from_str(text).map_err(|e| format!("themes file: {e}"))?;
        let taxonomy = Taxonomy { themes: file.theme, equivalents_zh: file.equivalents_zh, ..Taxonomy::default() };
        taxonomy.validate()?;
        Ok(taxonomy)
    }

    /// The bundled taxonomy (`data/themes.toml`).
    pub fn bundled() -> Result<Taxonomy, String> {
        Taxonomy::from_toml(THEMES_TOML)
    }

    fn validate(&self) -> Result<(), String> {
        let mut seen = std::collections::HashSet::new();
        for (i, t) in self.themes.iter().enumerate() {
            let name = if t.id.is_empty() { format!("theme #{}", i + 1) } else { format!("theme {:?}", t.id) };
            let kebab = !t.id.is_empty()
                && t.id
                    .split('-')
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
            if !kebab {
                return Err(format!("{name}: id must be kebab-case (a-z, 0-9, single hyphens)"));
            }
            if t.id == "none" {
                return Err(format!("{name}: \"none\" is reserved (facets count untagged measures under it)"));
            }
            if !seen.insert(t.id.as_str()) {
                return Err(format!("{name}: duplicate id"));
            }
            if t.zh.trim().is_empty() || t.en.trim().is_empty() {
                return Err(format!("{name}: zh and en names are required"));
            }
            if t.keywords_zh.iter().all(|k| k.trim().is_empty()) {
                return Err(format!("{name}: needs at least one keywords_zh entry"));
            }
            if let Some(k) =
                t.keywords_zh.iter().chain(&t.related_zh).chain(&t.keywords_en).find(|k| k.trim().is_empty())
            {
                return Err(format!("{name}: empty keyword {k:?}"));
            }
            for (en, zh) in t.en_zh.iter() {
                if !t.keywords_en.iter().any(|k| k.to_lowercase() == *en) || !t.keywords_zh.contains(zh) {
                    return Err(format!("{name}: en_zh {en:?} = {zh:?} must pair a lower-case keywords_en entry with a keywords_zh entry"));
                }
            }
        }
        for group in &self.equivalents_zh {
            if group.len() < 2 || group.iter().any(|form| form.trim().is_empty() || form.trim() != form) {
                return Err(format!("equivalents_zh {group:?}: a group needs two or more forms, none empty or padded"));
            }
        }
        Ok(())
    }

    /// The forms equivalent to those found in `text` that it does not hold itself, in file
    /// order, each once: 地标产品保护 gives 地理标志.
    pub fn equivalents_in(&self, text: &str) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for group in self.equivalents_zh.iter().filter(|g| g.iter().any(|form| text.contains(form.as_str()))) {
            for form in group.iter().filter(|form| !text.contains(form.as_str())) {
                if !out.contains(&form.as_str()) {
                    out.push(form);
                }
            }
        }
        out
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.themes.iter().position(|t| t.id == id)
    }

    pub fn refs(&self) -> Vec<ThemeRef> {
        self.themes.iter().map(Theme::to_ref).collect()
    }

    /// Themes a Chinese text touches, strongest first. Keywords contained in a longer keyword
    /// of the same theme that also matched are not counted twice (质押 inside 质押融资).
    pub fn hits_zh(&self, text: &str) -> Vec<ThemeHit> {
        let mut out = Vec::new();
        let chars = CharBits::of(text);
        for (i, [keywords, related]) in self.chinese_keys().iter().enumerate() {
            let mut taken = Vec::new();
            let strong = count_keywords(text, &chars, keywords, &mut taken);
            let related = count_keywords(text, &chars, related, &mut taken);
            let strong_n: usize = strong.iter().map(|(_, n)| n).sum();
            let related_n: usize = related.iter().map(|(_, n)| n).sum();
            if strong_n == 0 && related_n == 0 {
                continue;
            }
            let score = strong_n as f64 + RELATED_WEIGHT * related_n as f64;
            let tags = strong_n > 0 || related.len() >= 2;
            let matched = strong.into_iter().chain(related).map(|(k, _)| k).collect();
            out.push(ThemeHit { theme: i, score, matched, tags, spans: Vec::new() });
        }
        crate::sort::sort_by(&mut out, |a, b| b.score.total_cmp(&a.score).then(a.theme.cmp(&b.theme)));
        out
    }

    /// Themes an English text touches: `keywords_en` phrases found as whole words, in any
    /// inflection (words compared after [`crate::english::stem`], case-insensitive, any run of
    /// non-alphanumerics between them: "IP-backed loans" is the keyword "ip-backed loan"), longer
    /// phrases first so that "patent pledge" is not also "pledge".
    pub fn hits_en(&self, text: &str) -> Vec<ThemeHit> {
        let lower = text.to_lowercase();
        let words = stemmed_words(&lower);
        let stems = crate::sort::set(words.iter().map(|(w, _, _)| w.as_str()));
        let mut out = Vec::new();
        for (i, keys) in self.english_keys().iter().enumerate() {
            let mut taken: Vec<(usize, usize)> = Vec::new();
            let mut matched = Vec::new();
            let mut score = 0.0;
            for (k, key) in keys {
                // Most keywords' first word is not in a short text: skip the scan.
                if key.first().is_none_or(|w| !stems.contains(w.as_str())) {
                    continue;
                }
                let mut found = false;
                for at in words.windows(key.len()) {
                    let (Some(first), Some(last)) = (at.first(), at.last()) else { continue };
                    let span = (first.1, last.2);
                    let same = at.iter().zip(key).all(|((w, _, _), k)| w == k);
                    if !same || taken.iter().any(|&(s, e)| span.0 < e && s < span.1) {
                        continue;
                    }
                    taken.push(span);
                    // Longer phrases say more than a single word.
                    score += if k.contains(' ') { 1.5 } else { 1.0 };
                    found = true;
                }
                if found {
                    matched.push(k.clone());
                }
            }
            if !taken.is_empty() {
                crate::sort::sort(&mut taken);
                out.push(ThemeHit { theme: i, score, matched, tags: true, spans: taken });
            }
        }
        crate::sort::sort_by(&mut out, |a, b| b.score.total_cmp(&a.score).then(a.theme.cmp(&b.theme)));
        out
    }

    /// `chinese_keys`, made once: no empty keyword, longest first (stable).
    fn chinese_keys(&self) -> &[[Vec<String>; 2]] {
        self.chinese_keys.0.get_or_init(|| {
            let longest_first = |keywords: &[String]| {
                let mut keys: Vec<String> = keywords.iter().filter(|k| !k.is_empty()).cloned().collect();
                crate::sort::sort_by_key(&mut keys, |k| std::cmp::Reverse(k.chars().count()));
                keys
            };
            self.themes.iter().map(|t| [longest_first(&t.keywords_zh), longest_first(&t.related_zh)]).collect()
        })
    }

    /// `english_keys`, made once.
    fn english_keys(&self) -> &[Vec<StemmedKeyword>] {
        self.english_keys.0.get_or_init(|| {
            let keys = |t: &Theme| {
                let mut keys: Vec<StemmedKeyword> = t
                    .keywords_en
                    .iter()
                    .map(|k| k.to_lowercase())
                    .map(|k| {
                        let stems = stemmed_words(&k).into_iter().map(|(w, _, _)| w).collect();
                        (k, stems)
                    })
                    .collect();
                crate::sort::sort_by_key(&mut keys, |(k, _)| std::cmp::Reverse(k.len()));
                keys
            };
            self.themes.iter().map(keys).collect()
        })
    }

    /// Theme ids of a measure, in taxonomy order. A measure is tagged by the parser's reading of
    /// it ([`crate::parse::reading::reading_copy`]: Simplified script, ASCII digits), as the
    /// keywords are written, though it cites the text as printed (地理標志, １２３３０).
    pub fn tag(&self, m: &Measure) -> Vec<String> {
        let printed = tagging_text(m);
        let text = crate::parse::reading::reading_copy(&printed).unwrap_or(printed);
        let mut hits: Vec<usize> = self.hits_zh(&text).into_iter().filter(|h| h.tags).map(|h| h.theme).collect();
        crate::sort::sort(&mut hits);
        hits.into_iter().filter_map(|i| self.themes.get(i)).map(|t| t.id.clone()).collect()
    }

    /// Tag every measure and list the themes in the dataset.
    pub fn tag_dataset(&self, data: &mut Dataset) {
        for m in &mut data.measures {
            m.themes = self.tag(m);
        }
        data.themes = self.refs();
    }
}

/// The part of a measure that tagging reads: title, work item and text (not the chapter).
pub fn tagging_text(m: &Measure) -> String {
    [m.title.as_deref(), m.work_item.as_deref(), m.text.as_deref()].into_iter().flatten().collect::<Vec<_>>().join("。")
}

/// Each keyword found in `text` with its count of occurrences that overlap no span already in
/// `taken`, the keywords tried in their order (longest first: see `chinese_keys`); the spans found
/// are added to `taken`, which stays sorted.
fn count_keywords(
    text: &str,
    chars: &CharBits,
    keywords: &[String],
    taken: &mut Vec<(usize, usize)>,
) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for k in keywords {
        // Most keywords' first character is not in a short text (a query): skip their searcher.
        if k.chars().next().is_some_and(|c| !chars.may_have(c) || !text.contains(c)) {
            continue;
        }
        let mut n = 0;
        for (start, _) in text.match_indices(k.as_str()) {
            let end = start + k.len();
            // `taken` is kept sorted, and its spans do not overlap: only the last one starting
            // before `end` may overlap this one (a text of thousands of matches was quadratic).
            let at = taken.partition_point(|&(s, _)| s < end);
            if at > 0 && taken[at - 1].1 > start {
                continue;
            }
            taken.insert(at, (start, end));
            n += 1;
        }
        if n > 0 {
            out.push((k.clone(), n));
        }
    }
    out
}

/// A set of characters by the low 12 bits of their code points: one bit test tells that a
/// character is not in it, for almost every character (the taxonomy's thousand keywords against a
/// query on every search; a page of hits' texts against the query's highlights).
#[derive(Debug, Clone)]
pub(crate) struct CharBits([u64; 64]);

impl Default for CharBits {
    fn default() -> CharBits {
        CharBits([0; 64])
    }
}

impl CharBits {
    pub(crate) fn of(text: &str) -> CharBits {
        let mut bits = CharBits::default();
        text.chars().for_each(|c| bits.insert(c));
        bits
    }

    pub(crate) fn insert(&mut self, c: char) {
        let bit = c as usize & 0xFFF;
        if let Some(word) = self.0.get_mut(bit / 64) {
            *word |= 1 << (bit % 64);
        }
    }

    /// False only if no character with these low 12 bits is in the set.
    pub(crate) fn may_have_low_bits(&self, bits: usize) -> bool {
        let bit = bits & 0xFFF;
        self.0.get(bit / 64).is_some_and(|word| word & (1 << (bit % 64)) != 0)
    }

    /// False only if `c` is not in the set (true may be another character with its low bits).
    pub(crate) fn may_have(&self, c: char) -> bool {
        self.may_have_low_bits(c as usize)
    }
}

/// The words of a lower-cased text (runs of ASCII letters and digits), stemmed, with their byte ranges.
/// "Intellectual property" is one word, "ip", as the keywords write it ("ip insurance", "world ip day").
fn stemmed_words(lower: &str) -> Vec<(String, usize, usize)> {
    let mut out: Vec<(String, usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in lower.char_indices().chain(std::iter::once((lower.len(), ' '))) {
        match (c.is_ascii_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                start = None;
                let word = crate::english::stem(lower.get(s..i).unwrap_or(""));
                match out.last_mut() {
                    Some(last) if last.0 == "intellectual" && word == "property" => {
                        *last = ("ip".to_string(), last.1, i)
                    }
                    _ => out.push((word, s, i)),
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_bits_never_miss_a_character_they_hold() {
        let bits = CharBits::of("质押a𠀐");
        assert!(['质', '押', 'a', '𠀐'].iter().all(|&c| bits.may_have(c)));
        // 融 (U+878D) and b share no low 12 bits with what is held.
        assert!(!bits.may_have('融') && !bits.may_have('b'));
        // Characters a multiple of 0x1000 apart share their low bits: U+9D28 may be 质 (U+8D28).
        assert!(bits.may_have('\u{9D28}'));
    }

    #[test]
    fn a_measure_is_tagged_by_the_parsers_reading_of_it() {
        let t = Taxonomy::bundled().expect("data/themes.toml parses");
        let measure = |text: &str| Measure {
            id: "m".into(),
            plan: "p".into(),
            no: None,
            chapter: String::new(),
            focus_no: None,
            work_item: None,
            title: None,
            text: Some(text.into()),
            departments: vec![],
            themes: vec![],
            lines: [1, 1],
        };
        let simplified = t.tag(&measure("加强地理标志保护，规范地理标志专用标志使用。"));
        assert!(simplified.contains(&"geographical-indications".to_string()), "{simplified:?}");
        assert_eq!(t.tag(&measure("加強地理標志保護，規範地理標志專用標志使用。")), simplified);
        // Full-width digits, as a Word document typed them: the 12330 hotline.
        let hotline = t.tag(&measure("充分发挥12330热线的作用。"));
        assert!(!hotline.is_empty());
        assert_eq!(t.tag(&measure("充分发挥１２３３０热线的作用。")), hotline);
    }

    #[test]
    fn bundled_taxonomy_is_valid_and_large_enough() {
        let t = Taxonomy::bundled().expect("data/themes.toml parses");
        assert!(t.themes.len() >= 28, "{} themes", t.themes.len());
        for id in ["pledge-financing", "geographical-indications", "customs-enforcement", "software-legalisation"] {
            assert!(t.position(id).is_some(), "{id} missing");
        }
    }

    #[test]
    fn bad_files_are_rejected_with_the_theme_named() {
        let dup = "[[theme]]\nid='a'\nzh='甲'\nen='A'\ndescription=''\nkeywords_zh=['甲']\n".repeat(2);
        assert!(Taxonomy::from_toml(&dup).unwrap_err().contains("duplicate id"));
        let bad = "[[theme]]\nid='Not Kebab'\nzh='甲'\nen='A'\ndescription=''\nkeywords_zh=['甲']\n";
        assert!(Taxonomy::from_toml(bad).unwrap_err().contains("kebab"));
        let unknown = "[[theme]]\nid='a'\nzh='甲'\nen='A'\ndescription=''\nkeywords_zh=['甲']\nkeyword_zh=['x']\n";
        assert!(Taxonomy::from_toml(unknown).is_err());
        let reserved = "[[theme]]\nid='none'\nzh='甲'\nen='A'\ndescription=''\nkeywords_zh=['甲']\n";
        assert!(Taxonomy::from_toml(reserved).unwrap_err().contains("reserved"));
        let none = "[[theme]]\nid='a'\nzh='甲'\nen='A'\ndescription=''\nkeywords_zh=[]\n";
        assert!(Taxonomy::from_toml(none).unwrap_err().contains("keywords_zh"));
        let theme = "[[theme]]\nid='a'\nzh='甲'\nen='A'\ndescription=''\nkeywords_zh=['甲']\nkeywords_en=['first']\n";
        assert!(Taxonomy::from_toml(&format!("{theme}en_zh={{ first = '甲' }}\n")).is_ok());
        for pair in ["{ second = '甲' }", "{ first = '乙' }", "{ First = '甲' }"] {
            assert!(Taxonomy::from_toml(&format!("{theme}en_zh={pair}\n")).unwrap_err().contains("en_zh"), "{pair}");
        }
        for group in ["['甲']", "['甲', '']", "['甲', ' 乙']"] {
            let lonely = format!(
                "equivalents_zh = [{group}]\n[[theme]]\nid='a'\nzh='甲'\nen='A'\ndescription=''\nkeywords_zh=['甲']\n"
            );
            assert!(Taxonomy::from_toml(&lonely).unwrap_err().contains("equivalents_zh"), "{group}");
        }
    }

    #[test]
    fn equivalents_are_the_other_forms_of_each_group_found() {
        let text =
            "equivalents_zh = [['地理标志', '地标'], ['高校', '高等学校', '高等院校'], ['非遗', '非物质文化遗产']]
            [[theme]]\nid='a'\nzh='甲'\nen='A'\ndescription=''\nkeywords_zh=['甲']\n";
        let t = Taxonomy::from_toml(text).unwrap();
        assert_eq!(t.equivalents_in("地标产品保护"), ["地理标志"]);
        assert_eq!(t.equivalents_in("高等院校技术转移"), ["高校", "高等学校"]);
        // A form the text already holds is not added again; unrelated text gives nothing.
        assert_eq!(t.equivalents_in("地理标志和地标"), Vec::<&str>::new());
        assert_eq!(t.equivalents_in("专利质押"), Vec::<&str>::new());
        // The bundled file has groups, each of real forms.
        let bundled = Taxonomy::bundled().unwrap();
        assert!(bundled.equivalents_in("地标").contains(&"地理标志"));
    }

    #[test]
    fn longer_keywords_are_not_counted_twice() {
        let t = Taxonomy::bundled().unwrap();
        let hits = t.hits_zh("推进知识产权质押融资");
        let pledge = hits.iter().find(|h| t.themes[h.theme].id == "pledge-financing").unwrap();
        assert!(pledge.tags);
        // 知识产权质押 and 质押融资 overlap: the longer is counted; 质押 (related) inside it is not,
        // the 融资 left over is (as a related term).
        assert_eq!(pledge.matched, ["知识产权质押", "融资"]);
        assert!((pledge.score - (1.0 + RELATED_WEIGHT)).abs() < 1e-9, "{pledge:?}");
    }

    #[test]
    fn english_phrases_match_on_word_boundaries() {
        let t = Taxonomy::bundled().unwrap();
        let ids = |q: &str| t.hits_en(q).into_iter().map(|h| t.themes[h.theme].id.clone()).collect::<Vec<_>>();
        assert_eq!(ids("patent pledge financing").first().map(String::as_str), Some("pledge-financing"));
        assert!(ids("customs seizures").contains(&"customs-enforcement".to_string()));
        // "ai" must not fire inside "maintain", nor "port" inside "support".
        assert!(!ids("maintain support").contains(&"internet-new-forms".to_string()));
        assert!(!ids("support").contains(&"customs-enforcement".to_string()));
        // Any inflection, any separator: the keyword "ip-backed loan" is in "IP-backed loans".
        for q in ["IP-backed loans", "ip backed loan", "loans backed by IP"] {
            assert_eq!(ids(q).contains(&"pledge-financing".to_string()), !q.starts_with("loans"), "{q}");
        }
        let hit = t.hits_en("Customs seizures at ports").into_iter().next().unwrap();
        assert_eq!(hit.matched, ["customs", "port"]);
        assert_eq!(hit.spans, [(0, 7), (20, 25)]);
        // "Intellectual property" spelled out is the keywords' "ip".
        for (spelled, short) in
            [("intellectual property insurance", "IP insurance"), ("World Intellectual Property Day", "world IP day")]
        {
            assert!(!ids(short).is_empty());
            assert_eq!(ids(spelled), ids(short), "{spelled}");
        }
        let hit = t.hits_en("World Intellectual Property Day").into_iter().next().unwrap();
        assert_eq!((hit.matched, hit.spans), (vec!["world ip day".to_string()], vec![(0, 31)]));
    }
}
