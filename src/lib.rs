//! plan-compare: Chinese intellectual-property policy plans as data — parse, filter, diff, match themes.
//!
//! The core is pure Rust over the records in [`model`]; [`parse`] turns seed text into them and
//! [`dataset`] builds the bundled corpus from the seeds in `seeds/`; [`bundle`] encodes it for the
//! WebAssembly build, whose state is an [`engine::Engine`] and whose only binding code is `wasm`.

pub mod agency;
pub mod bundle;
pub mod dataset;
pub mod engine;
pub mod error;
pub mod model;
pub mod parse;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, ErrorCode};
