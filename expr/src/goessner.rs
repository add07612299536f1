//! JSONPath as `draft-goessner-dispatch-jsonpath-00` reads it, for criteria and selectors that
//! name that version in an Expression Type Object.
//!
//! Goessner's JSONPath evaluates filters `?(...)` and script expressions `(...)` as JavaScript,
//! whose comparisons (loose `==`, coercions) this crate does not reproduce, so a query using
//! either is refused ([`unfaithful`]), with the offset of the construct. What remains (member
//! names, indices, wildcards, slices, unions, descendants) selects the same nodes as RFC 9535,
//! and is evaluated by the RFC 9535 engine, with the one place where the dialects differ
//! handled here: a trailing `.length` on an array or a string is its JavaScript `length` (UTF-16
//! code units for a string), not a member named `length`.

use serde_json::Value;

use crate::rfc9535::{PathSegment, PathSelector, Query};

/// The offset and name of the first construct whose Goessner meaning is JavaScript's:
/// a filter `?(...)` or a script expression `(...)` (quoted names are skipped).
pub fn unfaithful(query: &str) -> Option<(usize, &'static str)> {
    let mut quote = None;
    let mut prev = None;
    for (i, c) in query.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q && prev != Some('\\') => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '?') => return Some((i, "a filter expression (Goessner's JSONPath evaluates it as JavaScript)")),
            (None, '(') if prev == Some('[') => {
                return Some((i, "a script expression (Goessner's JSONPath evaluates it as JavaScript)"));
            }
            _ => {}
        }
        prev = Some(c);
    }
    None
}

/// For a singular query ending in `.length` (`$.items.length`), the query before it.
pub fn length_parent(query: &str) -> Option<Query> {
    let trimmed = query.trim();
    if !trimmed.ends_with(".length") {
        return None;
    }
    let mut parsed = Query::parse(trimmed).ok()?;
    if !parsed.is_singular() {
        return None;
    }
    match parsed.segments.pop()? {
        PathSegment::Child(s) if matches!(s.as_slice(), [PathSelector::Name(n)] if n == "length") => Some(parsed),
        _ => None,
    }
}

/// `.length` as JavaScript reads it: the length of an array, or of a string in UTF-16 code
/// units; `None` for anything else (then the member named `length` is meant).
pub fn length_of(parent: &Query, root: &Value) -> Option<Value> {
    match parent.select_one(root)? {
        Value::Array(items) => Some(Value::from(items.len())),
        Value::String(s) => Some(Value::from(s.encode_utf16().count())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn javascript_constructs_are_found_outside_quotes() {
        assert_eq!(unfaithful("$.book[?(@.price < 10)]").map(|u| u.0), Some(7));
        assert_eq!(unfaithful("$.book[(@.length-1)]").map(|u| u.0), Some(7));
        assert_eq!(unfaithful("$['a?(b)'].c[0:2]"), None);
        assert_eq!(unfaithful("$..author"), None);
    }

    #[test]
    fn length_is_the_javascript_length() {
        let parent = length_parent("$.items.length").unwrap();
        assert_eq!(length_of(&parent, &json!({"items": [1, 2, 3]})), Some(json!(3)));
        assert_eq!(length_of(&parent, &json!({"items": "a😀"})), Some(json!(3)), "UTF-16 code units");
        assert_eq!(length_of(&parent, &json!({"items": {"length": 9}})), None);
        assert!(length_parent("$.items[0]").is_none());
        assert!(length_parent("$.items['length']").is_none());
    }
}
