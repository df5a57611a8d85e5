//! `plan-compare audit` on the bundled corpus: it runs to the end, its findings point into the seeds,
//! and the explanation file parses. Counts are not asserted: the parser is being fixed.

use plan_compare::audit::{self, CHECKS};
use plan_compare::dataset;

#[test]
fn audit_runs_on_the_corpus_and_points_into_the_seeds() {
    let build = dataset::build();
    let sources: Vec<(&str, &str)> = dataset::SEEDS.iter().map(|s| (s.path, s.text)).collect();
    let findings = audit::audit(&build, &sources);
    for f in &findings {
        assert!(CHECKS.iter().any(|(id, _)| *id == f.check), "unknown check {}", f.check);
        let seed = dataset::SEEDS.iter().find(|s| s.path == f.source);
        let lines = seed.map(|s| s.text.split('\n').count() as u32).unwrap_or(0);
        assert!(
            f.lines[0] <= f.lines[1] && f.lines[1] <= lines,
            "{} {}: lines {:?} outside {}",
            f.check,
            f.plan,
            f.lines,
            f.source
        );
        assert!(!f.message.is_empty());
    }
    // Every finding is counted once in the summary.
    let explanations = audit::parse_explanations(audit::EXPLAINED_TOML).expect("data/audit-explained.toml parses");
    let report = audit::reconcile(findings.clone(), &explanations);
    let total: usize = report.summary().iter().map(|c| c.found).sum();
    assert_eq!(total, findings.len());
}

#[test]
fn explanation_file_parses_and_names_known_checks() {
    let explanations = audit::parse_explanations(audit::EXPLAINED_TOML).expect("data/audit-explained.toml parses");
    for e in &explanations {
        assert!(CHECKS.iter().any(|(id, _)| *id == e.check));
        assert!(!e.reason.trim().is_empty());
    }
}
