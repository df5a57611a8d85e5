//! Bench helper (bench/growth.mjs): read an export JSON (the real one or a synthetic 10×/100× corpus),
//! build the corpus as `plan-compare bundle` does (theme tagging + jieba index), encode it as a bundle
//! (docs/bundle-format.md), decode it again as `init()` does, and time each step.
//! Prints one JSON line: {"measures", "bundle_bytes", "build_ms", "encode_ms", "decode_ms"}.
//! Run: `cargo run --release --example bench_corpus -- corpus.json out.bundle [DATA_DIR]`; with
//! DATA_DIR it also writes the corpus as a data directory (docs/data-format.md) and adds
//! `"data_files"`, `"data_bytes"`, `"catalog_bytes"`, `"datadir_ms"` to the line.
use plan_compare::engine::Engine;
use plan_compare::model::Dataset;
use plan_compare::query::Corpus;
use plan_compare::themes::Taxonomy;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(input), Some(output)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: bench_corpus <export.json> <out.bundle>");
        std::process::exit(2);
    };
    let json = std::fs::read_to_string(input).unwrap_or_else(|e| fail(&format!("{input}: {e}")));
    let dataset: Dataset = serde_json::from_str(&json).unwrap_or_else(|e| fail(&format!("{input}: {e}")));
    let measures = dataset.measures.len();
    let t = Instant::now();
    let corpus = Corpus::new(dataset, Taxonomy::bundled().unwrap_or_else(|e| fail(&e)));
    let build_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let bytes = plan_compare::bundle::encode(&corpus).unwrap_or_else(|e| fail(&e.message));
    let encode_ms = t.elapsed().as_secs_f64() * 1e3;
    std::fs::write(output, &bytes).unwrap_or_else(|e| fail(&format!("{output}: {e}")));
    // decode as init() does, best of 5 (one decode is a few ms on the seeds)
    let mut decode_ms = f64::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        let engine = Engine::from_bundle(&bytes).unwrap_or_else(|e| fail(&e.message));
        decode_ms = decode_ms.min(t.elapsed().as_secs_f64() * 1e3);
        std::hint::black_box(engine);
    }
    let mut data = String::new();
    if let Some(dir) = args.get(3) {
        let t = Instant::now();
        use plan_compare::datadir::{DEFAULT_ENGLISH_BYTES, DEFAULT_FRAGMENT_BYTES, DEFAULT_SHARD_BYTES};
        let sizes = (DEFAULT_SHARD_BYTES, DEFAULT_FRAGMENT_BYTES, DEFAULT_ENGLISH_BYTES);
        let files = plan_compare::datadir::write(&corpus, &[], sizes.0, sizes.1, sizes.2)
            .unwrap_or_else(|e| fail(&e.message));
        let datadir_ms = t.elapsed().as_secs_f64() * 1e3;
        std::fs::create_dir_all(dir).unwrap_or_else(|e| fail(&format!("{dir}: {e}")));
        for (name, bytes) in &files {
            let path = format!("{dir}/{name}");
            std::fs::write(&path, bytes).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
        }
        let catalog = files.iter().find(|(n, _)| n.starts_with("catalog.")).map_or(0, |(_, b)| b.len());
        let total: usize = files.iter().map(|(_, b)| b.len()).sum();
        data = format!(
            concat!(",\"data_files\":{},\"data_bytes\":{},", "\"catalog_bytes\":{},\"datadir_ms\":{:.3}"),
            files.len(),
            total,
            catalog,
            datadir_ms
        );
    }
    println!(
        "{{\"measures\":{measures},\"bundle_bytes\":{},\"build_ms\":{build_ms:.3},\"encode_ms\":{encode_ms:.3},\"decode_ms\":{decode_ms:.3}{data}}}",
        bytes.len()
    );
}

fn fail(message: &str) -> ! {
    eprintln!("bench_corpus: {message}");
    std::process::exit(1)
}
