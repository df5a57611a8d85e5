//! plan-compare: Chinese intellectual-property policy plans as data — parse, filter, diff, match themes.
//!
//! The core is pure Rust over the records in [`model`]; [`parse`] turns seed text into them and
//! [`dataset`] builds the bundled corpus from the seeds in `seeds/`; [`themes`] tags measures with the
//! taxonomy of `data/themes.toml`; [`index`] segments and indexes them; [`query`] answers filter,
//! search, theme, diff and compare queries over a [`query::Corpus`] ([`script`] reads a query typed in
//! Traditional script). [`bundle`] encodes the corpus
//! for the WebAssembly build, whose state is an [`engine::Engine`] and whose only binding code is `wasm`.

pub mod agency;
// The audit reads the seeds and an explanation file: a native command, not part of the wasm build.
#[cfg(not(target_arch = "wasm32"))]
pub mod audit;
pub mod bundle;
#[cfg(feature = "segment-jieba")]
pub mod cli;
pub mod datadir;
pub mod dataset;
pub mod engine;
pub mod english;
pub mod error;
pub mod index;
pub mod model;
pub mod parse;
pub mod query;
// Files in any encoding, and saved web pages: what the build and `parse` read (native only).
#[cfg(not(target_arch = "wasm32"))]
pub mod read;
pub mod script;
pub mod sort;
pub mod themes;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, ErrorCode};
