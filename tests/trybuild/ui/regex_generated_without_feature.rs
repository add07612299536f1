// Code a build script generated (whose generator has `regex`) wraps each `regex` criterion and
// each JSONPath `match()` / `search()` in `__require_regex!`; a runtime without the feature
// turns each into this error. The expressions are what the generator emits.
fn main() {
    let _ = arazzo::__require_regex!(
        "`regex` criterion `^2\\d\\d$`",
        arazzo::__private::parsed::Check::regex("^2\\d\\d$", arazzo::__private::parsed::Expression::StatusCode)
    );
    let _ = arazzo::__require_regex!(
        "JSONPath `match()`",
        arazzo::__private::parsed::FnCall::new(arazzo::__private::parsed::Func::Match, vec![])
    );
}
