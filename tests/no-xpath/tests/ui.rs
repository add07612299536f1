//! `xpath` criteria without the runtime's `xpath` feature: a compile error per criterion.
//! Regenerate the `.stderr` with `TRYBUILD=overwrite cargo test -p arazzo-tests-no-xpath`.

#[test]
fn xpath_criteria_need_the_feature() {
    // The scratch crate trybuild compiles in has no `specs/`; the macro reads this first.
    // SAFETY: this test binary has this one test, so no other thread reads the environment.
    unsafe {
        std::env::set_var("ARAZZO_MANIFEST_DIR", concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    }
    trybuild::TestCases::new().compile_fail("ui/*.rs");
}
