//! Request payloads in document order.
//!
//! A step's payload, its `replacements` values and the inputs a step passes to a workflow are
//! structures written in the spec, and their members are sent in the order written: form
//! pairs, multipart parts (which some servers read in order) and JSON bodies. A
//! `serde_json::Map` keeps insertion order only with serde_json's `preserve_order` feature,
//! and a library must not switch that on for its user's whole dependency graph (it changes
//! every `Map` of every crate in the build). So generated code hands templates over as the
//! spec's JSON text, read here into a tree that keeps members as written; evaluation builds
//! the same tree, and the transport writes it out in that order.
//!
//! Values an expression selects (`$response.body`, an input object) are `serde_json::Value`
//! leaves: their member order is serde_json's (sorted), as is any JSON the runtime parses.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

/// A payload template or an evaluated payload: objects keep their members in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    /// A scalar of the template, or whatever an expression selected.
    Value(Value),
    /// Items in order.
    Array(Vec<Payload>),
    /// Members in document order (a spec's object has no duplicate keys).
    Object(Vec<(String, Payload)>),
}

impl Payload {
    /// Reads a template from its JSON text.
    ///
    /// # Errors
    ///
    /// When `text` is not JSON (generated code always passes JSON).
    pub fn parse(text: &str) -> Result<Payload, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// As a `serde_json::Value` (member order becomes serde_json's), for consumers that
    /// look members up by name: a called workflow's inputs, `$request.body`.
    pub fn into_value(self) -> Value {
        match self {
            Payload::Value(v) => v,
            Payload::Array(items) => Value::Array(items.into_iter().map(Payload::into_value).collect()),
            Payload::Object(members) => Value::Object(members.into_iter().map(|(k, v)| (k, v.into_value())).collect()),
        }
    }

    /// Sets the value at a JSON pointer (already split into tokens), creating the last
    /// member of an object or replacing an array item (`-` appends). False when the parent
    /// does not exist.
    /// Removes the object member at `tokens` (an array item becomes `null`, the root `null`).
    pub(crate) fn remove(&mut self, tokens: &[String]) {
        let Some((first, rest)) = tokens.split_first() else {
            *self = Payload::Value(Value::Null);
            return;
        };
        match self {
            Payload::Object(members) if rest.is_empty() => members.retain(|(k, _)| k != first),
            Payload::Object(members) => {
                if let Some((_, child)) = members.iter_mut().find(|(k, _)| k == first) {
                    child.remove(rest);
                }
            }
            Payload::Array(items) => {
                if let Some(child) = first.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
                    child.remove(rest);
                }
            }
            Payload::Value(_) => {}
        }
    }

    pub(crate) fn set(&mut self, tokens: &[String], value: Payload) -> bool {
        let Some((first, rest)) = tokens.split_first() else {
            *self = value;
            return true;
        };
        match self {
            Payload::Object(members) => match members.iter_mut().find(|(k, _)| k == first) {
                Some((_, child)) => child.set(rest, value),
                None if rest.is_empty() => {
                    members.push((first.clone(), value));
                    true
                }
                None => false,
            },
            Payload::Array(items) if first == "-" && rest.is_empty() => {
                items.push(value);
                true
            }
            Payload::Array(items) => match first.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
                Some(child) => child.set(rest, value),
                None => false,
            },
            Payload::Value(v) => set_pointer(v, tokens, value.into_value()),
        }
    }
}

/// Compact JSON, members in order.
impl fmt::Display for Payload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Payload::Value(v) => write!(f, "{v}"),
            Payload::Array(items) => write_array(f, items),
            Payload::Object(members) => write_object(f, members.iter().map(|(k, v)| (k.as_str(), v))),
        }
    }
}

/// A compact JSON array of `items`, each written by its `Display` (shared with the parsed
/// templates' `Display`).
pub(crate) fn write_array<T: fmt::Display>(f: &mut fmt::Formatter<'_>, items: &[T]) -> fmt::Result {
    f.write_str("[")?;
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(",")?;
        }
        write!(f, "{item}")?;
    }
    f.write_str("]")
}

/// A compact JSON object of `members` in the order given, keys escaped as JSON strings.
pub(crate) fn write_object<'a, T: fmt::Display + 'a>(
    f: &mut fmt::Formatter<'_>,
    members: impl Iterator<Item = (&'a str, &'a T)>,
) -> fmt::Result {
    f.write_str("{")?;
    for (i, (key, value)) in members.enumerate() {
        if i > 0 {
            f.write_str(",")?;
        }
        // A JSON string's text is the escaped key.
        write!(f, "{}:{value}", Value::String(key.to_owned()))?;
    }
    f.write_str("}")
}

impl<'de> Deserialize<'de> for Payload {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Payload, D::Error> {
        deserializer.deserialize_any(PayloadVisitor)
    }
}

struct PayloadVisitor;

impl<'de> Visitor<'de> for PayloadVisitor {
    type Value = Payload;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JSON")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Payload, E> {
        Ok(Payload::Value(Value::Bool(v)))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Payload, E> {
        Ok(Payload::Value(Value::from(v)))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Payload, E> {
        Ok(Payload::Value(Value::from(v)))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Payload, E> {
        Ok(Payload::Value(Value::from(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Payload, E> {
        Ok(Payload::Value(Value::String(v.to_owned())))
    }

    fn visit_string<E>(self, v: String) -> Result<Payload, E> {
        Ok(Payload::Value(Value::String(v)))
    }

    fn visit_unit<E>(self) -> Result<Payload, E> {
        Ok(Payload::Value(Value::Null))
    }

    fn visit_none<E>(self) -> Result<Payload, E> {
        Ok(Payload::Value(Value::Null))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Payload, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Payload::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Payload, A::Error> {
        let mut members: Vec<(String, Payload)> = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Payload>()? {
            // JSON allows a repeated key; the last one wins, as in serde_json.
            match members.iter_mut().find(|(k, _)| *k == key) {
                Some((_, slot)) => *slot = value,
                None => members.push((key, value)),
            }
        }
        Ok(Payload::Object(members))
    }
}

/// [`Payload::set`] inside a value an expression selected.
fn set_pointer(root: &mut Value, tokens: &[String], value: Value) -> bool {
    let Some((last, parents)) = tokens.split_last() else {
        *root = value;
        return true;
    };
    let mut at = root;
    for token in parents {
        let next = match at {
            Value::Object(m) => m.get_mut(token),
            Value::Array(items) => token.parse::<usize>().ok().and_then(|i| items.get_mut(i)),
            _ => None,
        };
        match next {
            Some(n) => at = n,
            None => return false,
        }
    }
    match at {
        Value::Object(m) => {
            m.insert(last.clone(), value);
            true
        }
        Value::Array(items) if last == "-" => {
            items.push(value);
            true
        }
        Value::Array(items) => match last.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
            Some(slot) => {
                *slot = value;
                true
            }
            None => false,
        },
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_keep_their_order_through_parse_and_display() {
        let text = r#"{"zeta":1,"alpha":{"y":[true,null,"s"],"b":2.5},"mid":"$inputs.x"}"#;
        let payload = Payload::parse(text).expect("template");
        assert_eq!(payload.to_string(), text);
    }

    #[test]
    fn keys_and_strings_are_escaped() {
        let payload = Payload::Object(vec![("a\"b".into(), Payload::Value(Value::String("x\ny".into())))]);
        assert_eq!(payload.to_string(), r#"{"a\"b":"x\ny"}"#);
        assert_eq!(Payload::parse(&payload.to_string()).expect("round trip"), payload);
    }

    #[test]
    fn set_follows_pointers_into_the_tree_and_into_selected_values() {
        let mut p = Payload::parse(r#"{"z":{"inner":1},"list":[1,2]}"#).expect("template");
        assert!(p.set(&["z".into(), "new".into()], Payload::Value(Value::from(3))));
        assert!(p.set(&["list".into(), "-".into()], Payload::Value(Value::from(9))));
        assert!(p.set(&["list".into(), "0".into()], Payload::Value(Value::from(0))));
        assert!(!p.set(&["missing".into(), "x".into()], Payload::Value(Value::Null)));
        assert!(!p.set(&["list".into(), "7".into()], Payload::Value(Value::Null)));
        assert_eq!(p.to_string(), r#"{"z":{"inner":1,"new":3},"list":[0,2,9]}"#);
        let mut selected = Payload::Value(serde_json::json!({"a": {"b": 1}}));
        assert!(selected.set(&["a".into(), "c".into()], Payload::Value(Value::from(2))));
        assert_eq!(selected.into_value(), serde_json::json!({"a": {"b": 1, "c": 2}}));
    }

    #[test]
    fn a_repeated_key_keeps_the_last_value_in_the_first_place() {
        let p = Payload::parse(r#"{"a":1,"b":2,"a":3}"#).expect("template");
        assert_eq!(p.to_string(), r#"{"a":3,"b":2}"#);
    }

    #[test]
    fn replacements_set_members_and_items_but_never_invent_parents() {
        let mut v = serde_json::json!({"a": {"b": 1}, "list": [1, 2]});
        assert!(set_pointer(&mut v, &["a".into(), "c".into()], serde_json::json!(2)));
        assert!(set_pointer(&mut v, &["list".into(), "1".into()], serde_json::json!(9)));
        assert!(set_pointer(&mut v, &["list".into(), "-".into()], serde_json::json!(3)));
        assert_eq!(v, serde_json::json!({"a": {"b": 1, "c": 2}, "list": [1, 9, 3]}));
        assert!(!set_pointer(&mut v, &["x".into(), "y".into()], serde_json::json!(0)));
        assert!(!set_pointer(&mut v, &["list".into(), "7".into()], serde_json::json!(0)));
        assert!(set_pointer(&mut v, &[], serde_json::json!("whole")));
        assert_eq!(v, serde_json::json!("whole"));
    }
}
