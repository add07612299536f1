//! Value comparison rules for the two condition languages.
//!
//! They deliberately differ, and keeping both side by side makes the difference visible:
//! - *loose* rules for `simple` conditions (Arazzo 1.1 §Condition Evaluation, which 1.0.1
//!   tools follow): case-insensitive strings, numeric strings coerced against numbers, a missing
//!   value behaves like `null`, relational comparisons with `null` are false;
//! - *strict* rules for `jsonpath` conditions (RFC 9535 §2.3.5.2.2): exact strings, no coercion,
//!   and an empty nodelist ("Nothing") is equal only to another Nothing.

use serde_json::{Number, Value};
use std::cmp::Ordering;

/// Compares two JSON numbers exactly when both are integers (ids beyond 2^53 stay distinct),
/// numerically as `f64` otherwise, so `200 == 200.0`.
pub(crate) fn num_cmp(a: &Number, b: &Number) -> Option<Ordering> {
    let as_int = |n: &Number| n.as_i64().map(i128::from).or_else(|| n.as_u64().map(i128::from));
    if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
        return Some(x.cmp(&y));
    }
    a.as_f64()?.partial_cmp(&b.as_f64()?)
}

/// A string that reads as a number ("30", " 2.5 ", "1e3"); anything else is not coerced.
fn numeric_string(s: &str) -> Option<f64> {
    let t = s.trim();
    if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '.' | 'e' | 'E')) {
        return None;
    }
    t.parse::<f64>().ok().filter(|f| f.is_finite())
}

fn fold(s: &str) -> String {
    s.to_lowercase()
}

/// Loose equality for `simple` conditions; `None` (missing) behaves like `null`.
pub(crate) fn loose_eq(a: Option<&Value>, b: Option<&Value>) -> bool {
    let a = a.unwrap_or(&Value::Null);
    let b = b.unwrap_or(&Value::Null);
    loose_eq_values(a, b)
}

fn loose_eq_values(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Null, _) | (_, Value::Null) => false,
        (Value::Number(x), Value::Number(y)) => num_cmp(x, y) == Some(Ordering::Equal),
        (Value::String(x), Value::String(y)) => fold(x) == fold(y),
        (Value::Number(n), Value::String(s)) | (Value::String(s), Value::Number(n)) => match (numeric_string(s), n.as_f64()) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        },
        (Value::Bool(x), Value::Bool(y)) => x == y,
        // Header and query values arrive as text, so "true" must be able to equal `true`.
        (Value::Bool(b), Value::String(s)) | (Value::String(s), Value::Bool(b)) => {
            s.trim().eq_ignore_ascii_case(if *b { "true" } else { "false" })
        }
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| loose_eq_values(p, q)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| loose_eq_values(v, w)))
        }
        _ => false,
    }
}

/// Loose ordering for `simple` conditions; `None` means "not comparable" (the comparison is false).
pub(crate) fn loose_cmp(a: Option<&Value>, b: Option<&Value>) -> Option<Ordering> {
    match (a?, b?) {
        (Value::Number(x), Value::Number(y)) => num_cmp(x, y),
        (Value::String(x), Value::String(y)) => Some(fold(x).cmp(&fold(y))),
        (Value::Number(n), Value::String(s)) => n.as_f64()?.partial_cmp(&numeric_string(s)?),
        (Value::String(s), Value::Number(n)) => numeric_string(s)?.partial_cmp(&n.as_f64()?),
        _ => None,
    }
}

/// RFC 9535 equality; `None` is Nothing (an empty nodelist or an absent function result).
pub(crate) fn strict_eq(a: Option<&Value>, b: Option<&Value>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => strict_eq_values(x, y),
        _ => false,
    }
}

fn strict_eq_values(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => num_cmp(x, y) == Some(Ordering::Equal),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| strict_eq_values(p, q)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| strict_eq_values(v, w)))
        }
        _ => a == b,
    }
}

/// RFC 9535 `<`: only numbers with numbers and strings with strings (by code point) are ordered.
pub(crate) fn strict_lt(a: Option<&Value>, b: Option<&Value>) -> bool {
    match (a, b) {
        (Some(Value::Number(x)), Some(Value::Number(y))) => num_cmp(x, y) == Some(Ordering::Less),
        (Some(Value::String(x)), Some(Value::String(y))) => x < y,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbers_compare_exactly_and_numerically() {
        let n = |v: Value| match v {
            Value::Number(n) => n,
            _ => unreachable!(),
        };
        assert_eq!(num_cmp(&n(json!(200)), &n(json!(200.0))), Some(Ordering::Equal));
        assert_eq!(
            num_cmp(&n(json!(9007199254740993u64)), &n(json!(9007199254740992u64))),
            Some(Ordering::Greater)
        );
        assert_eq!(num_cmp(&n(json!(-1)), &n(json!(u64::MAX))), Some(Ordering::Less));
    }

    #[test]
    fn loose_rules() {
        assert!(loose_eq(Some(&json!("ABC")), Some(&json!("abc"))));
        assert!(loose_eq(Some(&json!("30")), Some(&json!(30))));
        assert!(!loose_eq(Some(&json!("thirty")), Some(&json!(30))));
        assert!(loose_eq(None, Some(&Value::Null)));
        assert!(loose_eq(None, None));
        assert!(loose_eq(Some(&json!("TRUE")), Some(&json!(true))));
        assert!(!loose_eq(Some(&json!(1)), Some(&json!(true))));
        assert_eq!(loose_cmp(Some(&Value::Null), Some(&json!(1))), None);
        assert_eq!(loose_cmp(Some(&json!("b")), Some(&json!("A"))), Some(Ordering::Greater));
        assert!(loose_eq(Some(&json!({"a": ["X"]})), Some(&json!({"a": ["x"]}))));
    }

    #[test]
    fn strict_rules() {
        assert!(strict_eq(None, None));
        assert!(!strict_eq(None, Some(&Value::Null)));
        assert!(!strict_eq(Some(&json!("A")), Some(&json!("a"))));
        assert!(!strict_eq(Some(&json!("1")), Some(&json!(1))));
        assert!(strict_eq(Some(&json!([1, {"a": 2.0}])), Some(&json!([1.0, {"a": 2}]))));
        assert!(strict_lt(Some(&json!("a")), Some(&json!("b"))));
        assert!(!strict_lt(Some(&json!(1)), Some(&json!("2"))));
        assert!(!strict_lt(None, Some(&json!(1))));
    }
}
