//! Compile-time checking, proven by compiling broken workflows: each case in
//! `ui/` must fail with exactly the diagnostics in its `.stderr` file.
//! Regenerate those with `TRYBUILD=overwrite cargo test -p arazzo-tests --test ui`.

#[test]
fn broken_workflows_do_not_compile() {
    // trybuild compiles each case in a scratch crate under target/, whose
    // own manifest directory does not hold `ui/specs`; the macro reads this
    // override first. SAFETY: this test binary has this one test, so no
    // other thread reads the environment concurrently.
    unsafe {
        std::env::set_var("ARAZZO_MANIFEST_DIR", env!("CARGO_MANIFEST_DIR"));
    }
    let cases = trybuild::TestCases::new();
    cases.pass("ui/pass/*.rs");
    cases.compile_fail("ui/*.rs");
}
