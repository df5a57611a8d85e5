//! Queries typed in Traditional script, read in the Simplified script the corpus is written in.
//!
//! A reader in Hong Kong or Taiwan types 專利質押融資; the measures say 专利质押融资. The build keeps,
//! from `fast2s`'s table (character for character, without its few context rules), each Traditional
//! character whose Simplified form the corpus's measures use and which the measures never use
//! themselves: 著 stays 著 (著作权), 乾 stays where 乾 is printed. The catalogue carries the pairs
//! (`docs/data-format.md`), so the query module folds a query without the converter's tables.
//! A reader's own plan printed in Traditional script is indexed and highlighted folded the same way,
//! so either script finds it.

use crate::model::Measure;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Traditional → Simplified character pairs, sorted by the Traditional one; no Simplified one is
/// also a key, so folding twice is folding once.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub struct Traditional {
    pairs: Vec<(char, char)>,
    /// One bit per character of [`BLOCKS`], set for the keys: every highlighted text is tested,
    /// and a bit is cheaper than a search of the pairs.
    keys: Vec<u64>,
}

/// The CJK blocks of three UTF-8 bytes (Extension A and the unified block): `fast2s` converts
/// only those, so a fold keeps every byte offset.
const BLOCKS: std::ops::RangeInclusive<char> = '\u{3400}'..='\u{9fff}';

impl Traditional {
    /// The pairs for a corpus whose measures' texts are `texts` (build time: `fast2s` stays out of
    /// the wasm modules).
    #[cfg(feature = "segment-jieba")]
    pub fn for_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Traditional {
        let used: std::collections::HashSet<char> = texts.into_iter().flat_map(str::chars).collect();
        let mut pairs = Vec::new();
        for c in BLOCKS {
            let converted = fast2s::convert(c.encode_utf8(&mut [0; 4]));
            let mut simplified = converted.chars();
            if let (Some(s), None) = (simplified.next(), simplified.next()) {
                if s != c && used.contains(&s) && !used.contains(&c) {
                    pairs.push((c, s));
                }
            }
        }
        Traditional::from_pairs(pairs)
    }

    /// `pairs` in order of their Traditional character (a pair out of order, or repeating the one
    /// before, is dropped: no sort in the query module), without chains (a pair whose Simplified
    /// character is a key too).
    fn from_pairs(pairs: impl IntoIterator<Item = (char, char)>) -> Traditional {
        let mut kept: Vec<(char, char)> = Vec::new();
        for p in pairs {
            if kept.last().is_none_or(|last| last.0 < p.0) {
                kept.push(p);
            }
        }
        let keys: Vec<char> = kept.iter().map(|p| p.0).collect();
        kept.retain(|p| keys.binary_search(&p.1).is_err() && BLOCKS.contains(&p.0));
        // None for no pair, as `Default` has it.
        let mut bits = if kept.is_empty() { Vec::new() } else { vec![0u64; position(*BLOCKS.end()) / 64 + 1] };
        for &(c, _) in &kept {
            let k = position(c);
            if let Some(word) = bits.get_mut(k / 64) {
                *word |= 1 << (k % 64);
            }
        }
        Traditional { pairs: kept, keys: bits }
    }

    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    fn is_key(&self, c: char) -> bool {
        let k = position(c);
        BLOCKS.contains(&c) && self.keys.get(k / 64).is_some_and(|word| word & (1 << (k % 64)) != 0)
    }

    fn simplified(&self, c: char) -> Option<char> {
        if !self.is_key(c) {
            return None;
        }
        self.pairs.binary_search_by_key(&c, |p| p.0).ok().and_then(|k| self.pairs.get(k)).map(|p| p.1)
    }

    /// `text` with each Traditional character of the pairs in its Simplified form (one for one,
    /// three bytes for three, so positions in the folded text are positions in `text`).
    pub fn fold<'t>(&self, text: &'t str) -> Cow<'t, str> {
        if !text.chars().any(|c| self.is_key(c)) {
            return Cow::Borrowed(text);
        }
        Cow::Owned(text.chars().map(|c| self.simplified(c).unwrap_or(c)).collect())
    }

    /// A measure as the index reads it: its fields folded (a reader's plan printed in Traditional
    /// script), the record itself kept as printed.
    pub fn fold_measure<'m>(&self, m: &'m Measure) -> Cow<'m, Measure> {
        let fold = |f: &'m Option<String>| f.as_deref().map(|t| self.fold(t));
        let (title, work_item, text, chapter) =
            (fold(&m.title), fold(&m.work_item), fold(&m.text), self.fold(&m.chapter));
        let owned = |f: &Option<Cow<str>>| f.as_ref().is_some_and(|c| matches!(c, Cow::Owned(_)));
        if !owned(&title) && !owned(&work_item) && !owned(&text) && matches!(chapter, Cow::Borrowed(_)) {
            return Cow::Borrowed(m);
        }
        let owned = |f: Option<Cow<str>>| f.map(Cow::into_owned);
        Cow::Owned(Measure {
            title: owned(title),
            work_item: owned(work_item),
            text: owned(text),
            chapter: chapter.into_owned(),
            ..m.clone()
        })
    }
}

/// A character's position in [`BLOCKS`] (past its end, or wrapped, for any other).
fn position(c: char) -> usize {
    (c as usize).wrapping_sub(*BLOCKS.start() as usize)
}

/// Written as the pairs' characters one after the other (Traditional, Simplified, …): 4.6 kB raw
/// for the seeds' 767 pairs, where a list of pairs would spend a length byte on every character.
impl From<Traditional> for String {
    fn from(t: Traditional) -> String {
        t.pairs.iter().flat_map(|&(a, b)| [a, b]).collect()
    }
}

/// Read back from anyone's data directory: an odd character out, a pair out of order or repeated,
/// or a character outside the three-byte blocks is dropped, never trusted.
impl From<String> for Traditional {
    fn from(s: String) -> Traditional {
        let chars: Vec<char> = s.chars().collect();
        let three_bytes = |c: char| c.len_utf8() == 3;
        let pairs = chars.chunks_exact(2).map(|p| (p[0], p[1])).filter(|&(a, b)| three_bytes(a) && three_bytes(b));
        Traditional::from_pairs(pairs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_what_the_corpus_writes_in_simplified_and_keeps_what_it_prints_itself() {
        let t = Traditional::for_texts(["推进专利质押融资", "著作权登记", "加强知识产权保护"]);
        assert_eq!(t.fold("專利質押融資"), "专利质押融资");
        assert_eq!(t.fold("知識產權保護"), "知识产权保护");
        // 著 is a character of the measures (著作权): never folded, though fast2s reads 看著 as 看着.
        assert_eq!(t.fold("著作權"), "著作权");
        // Characters the measures never use are left alone: nothing to find either way.
        assert_eq!(t.fold("颱風"), "颱風");
        // Simplified and Latin text comes back as it was, not copied.
        assert!(matches!(t.fold("专利 patent 2025"), Cow::Borrowed(_)));
        assert_eq!(t.fold(&t.fold("專利")), t.fold("專利"));
        // One character for one, three bytes for three.
        let typed = "加強專利保護，擴大融資";
        assert_eq!(t.fold(typed).len(), typed.len());
    }

    #[test]
    fn a_measure_is_indexed_folded_and_left_alone_when_nothing_folds() {
        let t = Traditional::for_texts(["推进专利质押融资", "促进知识产权运用"]);
        let measure = |chapter: &str, text: &str| Measure {
            id: "m-001".into(),
            plan: "m".into(),
            no: Some(1),
            chapter: chapter.into(),
            focus_no: None,
            work_item: None,
            title: None,
            text: Some(text.into()),
            departments: Vec::new(),
            themes: Vec::new(),
            lines: [3, 3],
        };
        let printed = measure("促進知識產權運用", "推進專利質押融資。");
        let read = t.fold_measure(&printed);
        assert_eq!((read.chapter.as_str(), read.text.as_deref()), ("促进知识产权运用", Some("推进专利质押融资。")));
        let simplified = measure("促进知识产权运用", "推进专利质押融资。");
        assert!(matches!(t.fold_measure(&simplified), Cow::Borrowed(_)));
        // Characters outside the blocks are never keys.
        assert!(!t.is_key('a') && !t.is_key('𠀀') && !t.is_key('专') && t.is_key('專'));
    }

    #[test]
    fn the_pairs_travel_as_text_and_damaged_text_is_read_safely() {
        let t = Traditional::for_texts(["专利质押"]);
        let text = String::from(t.clone());
        assert_eq!(text, "專专質质");
        assert_eq!(Traditional::from(text), t);
        // A Latin or four-byte character, a pair out of order or repeated, an odd character out: dropped.
        let damaged = Traditional::from("專X專专𠀀专質质專专丟丢Z".to_string());
        assert_eq!(damaged.len(), 2);
        assert_eq!(damaged.fold("專質丟"), "专质丟");
        // A chain (专 a key too) would fold twice otherwise than once: the pairs into 专 go.
        let chained = Traditional::from("专与專专質质".to_string());
        assert_eq!((chained.fold("專質"), chained.fold("专")), ("專质".into(), "与".into()));
        assert_eq!(Traditional::from(String::new()), Traditional::default());
    }
}
