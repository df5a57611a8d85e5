//! `plan-compare build --export FILE`: a data directory from records already parsed (the JSON export)
//! answers as the one built from the catalogue's documents. The bench builds its 100× corpus this way.
#![cfg(feature = "segment-jieba")]

use plan_compare::datadir::{DataDir, DirFetch};
use plan_compare::query::{DiffOptions, SearchOptions};
use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plan-compare")).args(args).output().unwrap()
}

#[test]
fn a_directory_built_from_the_export_answers_as_the_one_built_from_the_catalogue() {
    let root = std::env::temp_dir().join(format!("plan-compare-build-export-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).unwrap();
    let export = root.join("export.json");
    let out = run(&["export", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::write(&export, &out.stdout).unwrap();
    let dictionary = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/cedict-excerpt.u8");
    let (from_catalog, from_export) = (root.join("catalog"), root.join("export"));
    for (dir, source) in [(&from_catalog, vec![]), (&from_export, vec!["--export", export.to_str().unwrap()])] {
        let mut args = vec!["build", "--dictionary", dictionary, "--out", dir.to_str().unwrap()];
        args.extend(source);
        let built = run(&args);
        assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
    }
    let open = |dir: &Path| {
        let mut fetch = DirFetch::new(dir);
        (DataDir::open(&mut fetch).unwrap(), fetch)
    };
    let ((mut a, mut fa), (mut b, mut fb)) = (open(&from_catalog), open(&from_export));
    assert_eq!(a.plans(), b.plans());
    // The export names no catalogue documents; the catalogue build lists its five.
    assert!(b.documents().is_empty() && !a.documents().is_empty());
    let opts = SearchOptions { limit: Some(50), ..Default::default() };
    for q in ["专利质押融资", "地理标志", "customs enforcement", "seed industry"] {
        let (x, y) = (a.search(&mut fa, q, &opts).unwrap(), b.search(&mut fb, q, &opts).unwrap());
        assert!(x.total > 0, "{q}");
        assert_eq!((x.total, &x.hits, &x.plans, &x.facets), (y.total, &y.hits, &y.plans, &y.facets), "{q}");
    }
    let diff = |d: &mut DataDir, f: &mut DirFetch| d.diff(f, "beijing-2018", "shanghai-2018", &DiffOptions::default());
    assert_eq!(diff(&mut a, &mut fa).unwrap(), diff(&mut b, &mut fb).unwrap());

    // One source at a time, and a file that is not an export is refused with exit 2.
    let both = run(&["build", "--export", export.to_str().unwrap(), "--catalog", "x.toml", "--out", "unused"]);
    assert_eq!(both.status.code(), Some(2));
    let not_export = run(&["build", "--dictionary", dictionary, "--export", dictionary, "--out", "unused"]);
    assert_eq!(not_export.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&not_export.stderr).contains("is not a plan-compare JSON export"));
    assert!(!Path::new("unused").exists());
    let _ = std::fs::remove_dir_all(&root);
}
