//! Runtime expressions: whole-string and prefix parsing, and printing back.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(expr) = arazzo_expr::Expression::parse(text) {
        // What parses must print as something that parses to the same expression.
        let printed = expr.to_string();
        assert_eq!(
            arazzo_expr::Expression::parse(&printed).ok(),
            Some(expr),
            "{text:?} printed as {printed:?}"
        );
    }
    let _ = arazzo_expr::expression::parse_prefix(text);
    let _ = arazzo_expr::JsonPointer::parse(text);
});
