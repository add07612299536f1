//! `jsonpath` conditions (RFC 9535 queries and logical expressions): parsing,
//! then evaluation against a fixed document.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(path) = arazzo_expr::JsonPathCondition::parse(text) {
        let document = serde_json::json!({"autofix": {"status": "completed", "steps": [{"k": 1}, {"k": "x"}]}, "n": [1, 2.5, null]});
        let _ = path.evaluate(&document);
        let _ = path.is_logical_expression();
    }
});
