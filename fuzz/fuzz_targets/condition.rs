//! `simple` conditions: parsing, then evaluation against a fixed set of values
//! (so comparisons, coercions and accessors run on whatever parsed).

#![no_main]

use arazzo_expr::{EvalError, Expression, Resolve};
use libfuzzer_sys::fuzz_target;

fn resolver(expr: &Expression) -> Result<Option<serde_json::Value>, EvalError> {
    Ok(match expr {
        Expression::StatusCode => Some(serde_json::json!(200)),
        Expression::Url => None,
        Expression::Method => Some(serde_json::json!("GET")),
        _ => Some(serde_json::json!({"a": [1, "2", null, true, 1.5e300], "status": "completed", "": {"x": -0.0}})),
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(condition) = arazzo_expr::SimpleCondition::parse(text) {
        let _ = condition.expressions();
        let r: &dyn Resolve = &resolver;
        let _ = condition.evaluate(r);
    }
});
