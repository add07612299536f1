//! Compile-time checking, proven by compiling broken workflows: each case in `ui/` must fail
//! with exactly the diagnostics in its `.stderr` file, and `ui/pass/` must compile.
//! Regenerate the `.stderr` files with `TRYBUILD=overwrite cargo test -p arazzo-trybuild`
//! (and review every change).
//!
//! All cases share one scratch build. Cases that need the generator's `xpath` feature are not
//! here: the XPath syntax diagnostics are tested on the generator itself
//! (`codegen/tests/generator/checks.rs`, `xpath_that_does_not_parse`); what only a compile can show,
//! that `xpath` criteria do not compile without `arazzo`'s `xpath` feature, is
//! `ui/xpath_without_feature.rs`; likewise `regex` without `arazzo`'s `regex` feature,
//! `ui/regex_without_feature.rs` (the macro) and `ui/regex_generated_without_feature.rs`
//! (code a build script generated).

#[test]
fn workflows_compile_or_fail_with_their_diagnostics() {
    // trybuild compiles each case in a scratch crate under target/, whose own manifest
    // directory does not hold `ui/specs`; the macro reads this override first. SAFETY: this
    // test binary has this one test, so no other thread reads the environment concurrently.
    unsafe {
        std::env::set_var("ARAZZO_MANIFEST_DIR", env!("CARGO_MANIFEST_DIR"));
        // The scratch build does not read the workspace's `[profile]`; without this its
        // dependencies carry full debug info (half a gigabyte of target) that no case needs.
        if std::env::var_os("CARGO_PROFILE_DEV_DEBUG").is_none() {
            std::env::set_var("CARGO_PROFILE_DEV_DEBUG", "line-tables-only");
        }
    }
    let cases = trybuild::TestCases::new();
    cases.pass("ui/pass/*.rs");
    cases.compile_fail("ui/*.rs");
}
