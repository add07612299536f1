//! The checked-in copy of the generated code must match what the build
//! script generates. Run with `ARAZZO_UPDATE_GOLDEN=1` to rewrite it.

use std::path::PathBuf;

const GENERATED: &str = include_str!(concat!(env!("OUT_DIR"), "/sentry_seer.rs"));
const GENERATED_LIVE: &str = include_str!(concat!(env!("OUT_DIR"), "/sentry_seer_live.rs"));

#[test]
fn golden_file_is_fresh() {
    check("golden/sentry_seer.rs", GENERATED);
}

#[test]
fn live_golden_file_is_fresh() {
    check("golden/sentry_seer_live.rs", GENERATED_LIVE);
}

fn check(path: &str, generated: &str) {
    let golden = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path);
    if std::env::var_os("ARAZZO_UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, generated).expect("write golden file");
        return;
    }
    let checked_in = std::fs::read_to_string(&golden).unwrap_or_default();
    if checked_in != generated {
        let first_difference = checked_in
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .map_or_else(|| checked_in.lines().count().min(generated.lines().count()) + 1, |i| i + 1);
        panic!(
            "{} is stale (first difference at line {first_difference}); regenerate it with \
             `ARAZZO_UPDATE_GOLDEN=1 cargo test -p sentry-seer --test golden` and review the diff",
            golden.display()
        );
    }
}
