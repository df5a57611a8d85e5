//! plan-compare: Chinese intellectual-property policy plans as data — parse, filter, diff, match themes.
//!
//! The core is pure Rust over the records in [`model`]; [`parse`] turns seed text into them and
//! [`dataset`] builds the bundled corpus from the seeds in `seeds/`.

pub mod agency;
pub mod dataset;
pub mod model;
pub mod parse;
