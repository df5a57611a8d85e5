//! The bundled dataset as bytes: a small container of postcard-encoded sections (`docs/bundle-format.md`).
//!
//! `plan-compare bundle data/bundle.bin` writes it natively; the wasm module embeds the file and
//! [`decode`]s it at `init()`, so nothing is parsed at page load. Sections are tagged so that later
//! parts (the search index) are added beside the dataset without breaking readers of this version.

use crate::error::{Error, ErrorCode, Result};
use crate::model::Dataset;

/// First bytes of every bundle.
pub const MAGIC: [u8; 8] = *b"PLNCMPB\0";
/// Bumped whenever the layout of the container or of a section's Rust type changes.
pub const FORMAT_VERSION: u32 = 1;
/// The [`Dataset`] section (plans, measures, targets, themes, unassigned, passages).
pub const SECTION_DATASET: [u8; 4] = *b"DSET";

/// Everything a bundle carries, decoded.
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    pub dataset: Dataset,
}

/// Encode a dataset as a bundle. Deterministic: the same dataset always gives the same bytes.
pub fn encode(dataset: &Dataset) -> Result<Vec<u8>> {
    let data = postcard::to_allocvec(dataset)
        .map_err(|e| Error::new(ErrorCode::BundleInvalid, format!("cannot encode the dataset: {e}")))?;
    let sections: [([u8; 4], &[u8]); 1] = [(SECTION_DATASET, &data)];
    let mut out = Vec::with_capacity(16 + data.len() + 8 * sections.len());
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
    let body = sections
        .iter()
        .find(|(tag, _)| *tag == SECTION_DATASET)
        .map(|(_, body)| *body)
        .ok_or_else(|| Error::new(ErrorCode::BundleInvalid, "bundle: no DSET section"))?;
    let dataset = postcard::from_bytes(body)
        .map_err(|e| Error::new(ErrorCode::BundleInvalid, format!("bundle: DSET section: {e}")))?;
    Ok(Bundle { dataset })
}

fn take_u32(rest: &mut &[u8]) -> Option<u32> {
    let (head, tail) = rest.split_first_chunk::<4>()?;
    *rest = tail;
    Some(u32::from_le_bytes(*head))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_damage() {
        let dataset = crate::dataset::build().dataset;
        let bytes = encode(&dataset).unwrap();
        assert_eq!(decode(&bytes).unwrap().dataset, dataset);
        // Every truncation is an error, never a panic.
        for cut in [0, 4, 8, 12, 16, 20, bytes.len() / 2, bytes.len() - 1] {
            assert_eq!(decode(&bytes[..cut]).unwrap_err().code, ErrorCode::BundleInvalid, "cut at {cut}");
        }
        let mut wrong_version = bytes.clone();
        wrong_version[8] = 9;
        assert!(decode(&wrong_version).unwrap_err().message.contains("format version 9"));
    }

    #[test]
    fn skips_unknown_sections() {
        let dataset = Dataset::default();
        let mut bytes = encode(&dataset).unwrap();
        bytes[12] = 2; // two sections now
        bytes.extend_from_slice(b"XTRA");
        bytes.extend_from_slice(&3u32.to_le_bytes());
        bytes.extend_from_slice(b"abc");
        assert_eq!(decode(&bytes).unwrap().dataset, dataset);
    }
}
