//! The Criterion Object as a whole. The input is split at newlines into
//! type, version, context and condition (an empty field means "absent"),
//! so every combination of the four is reachable.

#![no_main]

use arazzo_expr::{EvalError, Expression, Resolve};
use libfuzzer_sys::fuzz_target;

fn resolver(_: &Expression) -> Result<Option<serde_json::Value>, EvalError> {
    Ok(Some(serde_json::json!({"status": "completed", "items": [1, "a"]})))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut parts = text.splitn(4, '\n');
    let mut field = || parts.next().filter(|s| !s.is_empty());
    let (kind, version, context) = (field(), field(), field());
    let condition = field().unwrap_or("");
    if let Ok(criterion) = arazzo_expr::Criterion::parse(kind, version, context, condition) {
        let _ = criterion.expressions();
        let r: &dyn Resolve = &resolver;
        let _ = criterion.evaluate(r);
    }
});
