//! The checked-in copy of the generated code must match what the build
//! script generates. Run with `ARAZZO_UPDATE_GOLDEN=1` to rewrite it.

use std::path::PathBuf;

const GENERATED: &str = include_str!(concat!(env!("OUT_DIR"), "/sentry_seer.rs"));

#[test]
fn golden_file_is_fresh() {
    let golden = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("golden/sentry_seer.rs");
    if std::env::var_os("ARAZZO_UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, GENERATED).expect("write golden file");
        return;
    }
    let checked_in = std::fs::read_to_string(&golden).unwrap_or_default();
    if checked_in != GENERATED {
        let first_difference = checked_in
            .lines()
            .zip(GENERATED.lines())
            .position(|(a, b)| a != b)
            .map_or_else(|| checked_in.lines().count().min(GENERATED.lines().count()) + 1, |i| i + 1);
        panic!(
            "{} is stale (first difference at line {first_difference}); regenerate it with \
             `ARAZZO_UPDATE_GOLDEN=1 cargo test -p sentry-seer --test golden` and review the diff",
            golden.display()
        );
    }
}
