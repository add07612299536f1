//! Strings with embedded `{$...}` expressions, as found anywhere in a document.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = arazzo_expr::classify(text);
    if let Ok(template) = arazzo_expr::Template::parse(text) {
        let _ = template.expressions().count();
        let _ = template.is_literal();
    }
});
