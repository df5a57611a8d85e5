//! The committed `data/bundle.bin` (embedded by the wasm build) must match what the seeds parse to now,
//! and its index what the taxonomy and jieba make of them.

#![cfg(feature = "segment-jieba")]

use std::path::Path;

#[test]
fn committed_bundle_matches_the_seeds() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/bundle.bin");
    let committed = std::fs::read(&path).expect("data/bundle.bin is missing");
    let fresh = plan_compare::bundle::encode(&plan_compare::query::Corpus::bundled()).unwrap();
    assert!(
        committed == fresh,
        "data/bundle.bin is stale ({} bytes committed, {} bytes now): the parser, seeds, taxonomy or index changed since it \
         was written. Run `cargo run --release -- bundle data/bundle.bin` and commit the file.",
        committed.len(),
        fresh.len()
    );
}
