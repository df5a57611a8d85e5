//! The bundled dataset as bytes: a small container of postcard-encoded sections (`docs/bundle-format.md`).
//!
//! `plan-compare bundle data/bundle.bin` writes it natively; the wasm module embeds the file and
//! [`decode`]s it at `init()`, so nothing is parsed or segmented at page load. Sections are tagged:
//! `DSET` holds the tagged dataset, `INDX` the taxonomy, search index and theme scores built
//! natively with jieba (the wasm build has no jieba).

use crate::error::{Error, ErrorCode, Result};
use crate::index::Index;
use crate::model::Dataset;
use crate::query::Corpus;
use crate::themes::Taxonomy;
use serde::{Deserialize, Serialize};

/// First bytes of every bundle.
pub const MAGIC: [u8; 8] = *b"PLNCMPB\0";
/// Bumped whenever the layout of the container or of a section's Rust type changes.
pub const FORMAT_VERSION: u32 = 3;
/// The [`Dataset`] section (plans, measures, targets, themes, unassigned, passages).
pub const SECTION_DATASET: [u8; 4] = *b"DSET";
/// The `IndexSection`: what queries need beside the dataset, pre-built.
pub const SECTION_INDEX: [u8; 4] = *b"INDX";
/// The optional English dictionary ([`crate::english::Dictionary`]): present only when the corpus
/// was built with one. A section of its own, so the version stays and older readers skip it.
pub const SECTION_ENGLISH: [u8; 4] = *b"ENGL";

/// The body of `INDX`: the parts of a [`Corpus`] other than its dataset, borrowed for encoding.
#[derive(Serialize)]
struct IndexSectionRef<'a> {
    taxonomy: &'a Taxonomy,
    index: IndexWire,
    theme_scores: &'a [Vec<(u16, f32)>],
    traditional: &'a crate::script::Traditional,
}

/// The body of `INDX`, decoded (same field order as [`IndexSectionRef`]: postcard is positional).
#[derive(Deserialize)]
struct IndexSection {
    taxonomy: Taxonomy,
    index: IndexWire,
    theme_scores: Vec<Vec<(u16, f32)>>,
    traditional: crate::script::Traditional,
}

/// [`Index`] as stored: each posting list's documents as gaps from the previous one. Most gaps fit
/// postcard's one-byte varint where document numbers above 127 take two: the section shrinks by
/// about a quarter.
#[derive(Serialize, Deserialize)]
struct IndexWire {
    terms: Vec<String>,
    postings: Vec<Vec<(u32, u16)>>,
    doc_len: Vec<u32>,
    max_term_chars: u32,
}

/// A posting list's documents as gaps from the previous one (the bundle's and the data directory's
/// shards' encoding). Lists are sorted by document (built from a BTreeMap, appended in order).
pub(crate) fn gaps(list: &[(u32, u16)]) -> Vec<(u32, u16)> {
    let mut prev = 0u32;
    list.iter()
        .map(|&(doc, tf)| {
            let gap = doc.wrapping_sub(prev);
            prev = doc;
            (gap, tf)
        })
        .collect()
}

impl IndexWire {
    fn from_index(index: &Index) -> IndexWire {
        IndexWire {
            terms: index.terms.clone(),
            postings: index.postings.iter().map(|list| gaps(list)).collect(),
            doc_len: index.doc_len.clone(),
            max_term_chars: index.max_term_chars,
        }
    }

    fn into_index(self) -> Result<Index> {
        let mut postings = Vec::with_capacity(self.postings.len());
        for list in self.postings {
            let mut doc = 0u32;
            let mut out = Vec::with_capacity(list.len());
            for (gap, tf) in list {
                doc = doc
                    .checked_add(gap)
                    .ok_or_else(|| Error::new(ErrorCode::BundleInvalid, "bundle: INDX posting out of range"))?;
                out.push((doc, tf));
            }
            postings.push(out);
        }
        let len_sum = self.doc_len.iter().map(|&l| u64::from(l)).sum();
        Ok(Index { terms: self.terms, postings, doc_len: self.doc_len, len_sum, max_term_chars: self.max_term_chars })
    }
}

/// Everything a bundle carries, decoded: the query corpus, ready to answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    pub corpus: Corpus,
}

/// Encode a corpus as a bundle. Deterministic: the same corpus always gives the same bytes.
pub fn encode(corpus: &Corpus) -> Result<Vec<u8>> {
    let failed =
        |what: &str, e: postcard::Error| Error::new(ErrorCode::BundleInvalid, format!("cannot encode the {what}: {e}"));
    let data = postcard::to_allocvec(&corpus.dataset).map_err(|e| failed("dataset", e))?;
    let index = IndexSectionRef {
        taxonomy: &corpus.taxonomy,
        index: IndexWire::from_index(&corpus.index),
        theme_scores: &corpus.theme_scores,
        traditional: &corpus.traditional,
    };
    let index = postcard::to_allocvec(&index).map_err(|e| failed("index", e))?;
    let english = match &corpus.english {
        Some(d) => Some(postcard::to_allocvec(d).map_err(|e| failed("English dictionary", e))?),
        None => None,
    };
    let mut sections: Vec<([u8; 4], &[u8])> = vec![(SECTION_DATASET, &data), (SECTION_INDEX, &index)];
    sections.extend(english.as_deref().map(|body| (SECTION_ENGLISH, body)));
    let mut out = Vec::with_capacity(16 + sections.iter().map(|(_, b)| 8 + b.len()).sum::<usize>());
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(sections.len() as u32).to_le_bytes());
    for (tag, body) in sections {
        out.extend_from_slice(&tag);
        out.extend_from_slice(&(body.len() as u32).to_le_bytes());
        out.extend_from_slice(body);
    }
    Ok(out)
}

/// The sections of a bundle as (tag, body), checking magic, version and lengths.
pub fn sections(bytes: &[u8]) -> Result<Vec<([u8; 4], &[u8])>> {
    let invalid = |what: &str| Error::new(ErrorCode::BundleInvalid, format!("bundle: {what}"));
    let mut rest = bytes.strip_prefix(&MAGIC[..]).ok_or_else(|| invalid("wrong magic bytes"))?;
    let version = take_u32(&mut rest).ok_or_else(|| invalid("truncated header"))?;
    if version != FORMAT_VERSION {
        return Err(invalid(&format!("format version {version}, this build reads {FORMAT_VERSION}")));
    }
    let count = take_u32(&mut rest).ok_or_else(|| invalid("truncated header"))?;
    let mut out = Vec::new();
    for _ in 0..count {
        let (tag, tail) = rest.split_first_chunk::<4>().ok_or_else(|| invalid("truncated section tag"))?;
        rest = tail;
        let len = take_u32(&mut rest).ok_or_else(|| invalid("truncated section length"))? as usize;
        if rest.len() < len {
            return Err(invalid("section longer than the bundle"));
        }
        let (body, tail) = rest.split_at(len);
        out.push((*tag, body));
        rest = tail;
    }
    if !rest.is_empty() {
        return Err(invalid("bytes after the last section"));
    }
    Ok(out)
}

/// Decode a bundle. Sections with tags this build does not know are skipped.
pub fn decode(bytes: &[u8]) -> Result<Bundle> {
    let sections = sections(bytes)?;
    let body = |tag: [u8; 4]| {
        sections.iter().find(|(t, _)| *t == tag).map(|(_, body)| *body).ok_or_else(|| {
            Error::new(ErrorCode::BundleInvalid, format!("bundle: no {} section", String::from_utf8_lossy(&tag)))
        })
    };
    let invalid = |tag: [u8; 4], e: postcard::Error| {
        Error::new(ErrorCode::BundleInvalid, format!("bundle: {} section: {e}", String::from_utf8_lossy(&tag)))
    };
    let dataset: Dataset = postcard::from_bytes(body(SECTION_DATASET)?).map_err(|e| invalid(SECTION_DATASET, e))?;
    let IndexSection { taxonomy, index, theme_scores, traditional } =
        postcard::from_bytes(body(SECTION_INDEX)?).map_err(|e| invalid(SECTION_INDEX, e))?;
    let index = index.into_index()?;
    // A corpus whose index does not cover its measures would answer wrongly: refuse it here.
    if index.doc_count() != dataset.measures.len() || theme_scores.len() != dataset.measures.len() {
        return Err(Error::new(ErrorCode::BundleInvalid, "bundle: INDX does not cover the DSET measures"));
    }
    let english = match sections.iter().find(|(t, _)| *t == SECTION_ENGLISH) {
        Some((_, body)) => Some(postcard::from_bytes(body).map_err(|e| invalid(SECTION_ENGLISH, e))?),
        None => None,
    };
    Ok(Bundle { corpus: Corpus { dataset, taxonomy, index, theme_scores, english, traditional, ..Default::default() } })
}

fn take_u32(rest: &mut &[u8]) -> Option<u32> {
    let (head, tail) = rest.split_first_chunk::<4>()?;
    *rest = tail;
    Some(u32::from_le_bytes(*head))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "segment-jieba")]
    #[test]
    fn round_trips_and_rejects_damage() {
        let corpus = Corpus::bundled();
        let bytes = encode(&corpus).unwrap();
        assert_eq!(decode(&bytes).unwrap().corpus, corpus);
        // Every truncation is an error, never a panic.
        for cut in [0, 4, 8, 12, 16, 20, bytes.len() / 2, bytes.len() - 1] {
            assert_eq!(decode(&bytes[..cut]).unwrap_err().code, ErrorCode::BundleInvalid, "cut at {cut}");
        }
        let mut wrong_version = bytes.clone();
        wrong_version[8] = 9;
        assert!(decode(&wrong_version).unwrap_err().message.contains("format version 9"));
    }

    #[test]
    fn carries_the_english_dictionary_only_when_there_is_one() {
        let mut corpus = Corpus::default();
        assert_eq!(sections(&encode(&corpus).unwrap()).unwrap().len(), 2);
        let line = "交易會 交易会 [jiao1 yi4 hui4] /trade fair/";
        corpus.english = Some(crate::english::Dictionary::from_cedict(line, |_| Some((1, false))));
        let bytes = encode(&corpus).unwrap();
        assert_eq!(sections(&bytes).unwrap().len(), 3);
        assert_eq!(decode(&bytes).unwrap().corpus, corpus);
    }

    #[test]
    fn skips_unknown_sections() {
        let corpus = Corpus::default();
        let mut bytes = encode(&corpus).unwrap();
        bytes[12] = 3; // three sections now
        bytes.extend_from_slice(b"XTRA");
        bytes.extend_from_slice(&3u32.to_le_bytes());
        bytes.extend_from_slice(b"abc");
        assert_eq!(decode(&bytes).unwrap().corpus, corpus);
    }
}
