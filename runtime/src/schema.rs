//! Response bodies checked against the schema their operation documents.
//!
//! The generator lowers each documented JSON response schema to a [`Shape`], a
//! `static` in generated code (nothing is parsed at run time), and the transport
//! checks every answer whose status has one before anything is decoded or
//! selected from it, so a body of the wrong shape is a [`SchemaMismatch`] with a
//! JSON path instead of a serde message or a silent `null` output.
//!
//! Hand-written rather than a JSON Schema crate: the shapes are what the
//! generator already reads (`SchemaView`), the checker needs no schema text at
//! run time, and a full validator would cost every user's build far more than
//! these few hundred lines.
//!
//! Rules: string enums are open (an unknown string is kept, as the generated
//! enums' `Unknown(String)` variant does), so only a value of the wrong JSON type
//! is a mismatch there; enums and `const`s of other types are closed. `oneOf` and
//! `anyOf` both pass when any branch matches (a body matching two `oneOf`
//! branches is not rejected: the generated types decode the first), and the
//! mismatch reported is the first branch's. Formats are not checked.

use std::fmt;
use std::fmt::Write as _;

/// JSON types as bits, the argument of [`Shape::new`].
pub mod types {
    /// `null`.
    pub const NULL: u8 = 1;
    /// `true` / `false`.
    pub const BOOLEAN: u8 = 1 << 1;
    /// A number with no fractional part (also accepted where `number` is).
    pub const INTEGER: u8 = 1 << 2;
    /// Any number.
    pub const NUMBER: u8 = 1 << 3;
    /// A string.
    pub const STRING: u8 = 1 << 4;
    /// An array.
    pub const ARRAY: u8 = 1 << 5;
    /// An object.
    pub const OBJECT: u8 = 1 << 6;
    /// Unconstrained.
    pub const ANY: u8 = 0x7f;
}

/// `null` alone: the branch generated code adds for a nullable union.
pub static NULL: Shape = Shape::new(types::NULL);

/// Bare types, which generated code refers to instead of a static of its own per leaf.
pub static ANY: Shape = Shape::new(types::ANY);
/// `type: string`.
pub static STRING: Shape = Shape::new(types::STRING);
/// `type: integer`.
pub static INTEGER: Shape = Shape::new(types::INTEGER);
/// `type: number`.
pub static NUMBER: Shape = Shape::new(types::NUMBER);
/// `type: boolean`.
pub static BOOLEAN: Shape = Shape::new(types::BOOLEAN);
/// `type: [string, "null"]`.
pub static NULLABLE_STRING: Shape = Shape::new(types::STRING | types::NULL);
/// `type: [integer, "null"]`.
pub static NULLABLE_INTEGER: Shape = Shape::new(types::INTEGER | types::NULL);
/// `type: [number, "null"]`.
pub static NULLABLE_NUMBER: Shape = Shape::new(types::NUMBER | types::NULL);
/// `type: [boolean, "null"]`.
pub static NULLABLE_BOOLEAN: Shape = Shape::new(types::BOOLEAN | types::NULL);

/// Nesting of a body checked at most this deep (deeper values are a mismatch).
pub const MAX_DEPTH: usize = 128;
/// Values visited per check at most; past it the rest of the body is not checked.
pub const MAX_WORK: usize = 200_000;

/// A closed non-string literal of an `enum` or `const`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Literal {
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(f64),
}

/// What an object says about properties it does not list.
#[derive(Clone, Copy)]
pub enum Additional {
    /// Anything (the keyword absent, `true` or `{}`).
    Any,
    /// `additionalProperties: false`.
    Forbidden,
    /// Each must match this shape.
    Shape(&'static Shape),
}

/// One schema, lowered by the generator. Built only as a `static` in generated code, through
/// [`Shape::new`] and the `const` builders after it; the fields are private because the builders
/// also derive the walk's shortcuts from them (the required-property mask, "only types"), which a
/// field set afterwards would leave stale.
pub struct Shape {
    /// Allowed JSON types ([`types`] bits).
    types: u8,
    /// Documented properties, by name.
    properties: &'static [(&'static str, &'static Shape)],
    /// Required property names.
    required: &'static [&'static str],
    /// Other properties.
    additional: Additional,
    /// The shape of every array item.
    items: Option<&'static Shape>,
    /// `minItems` / `maxItems`.
    item_count: (Option<u64>, Option<u64>),
    /// A closed enum of non-string values (empty: none).
    literals: &'static [Literal],
    /// `allOf` members not merged into this shape: all must match.
    all_of: &'static [&'static Shape],
    /// `oneOf` and `anyOf` branches: one must match (empty: none).
    any_of: &'static [&'static Shape],
    /// Bit `i` set when `properties[i]` (of the first 64) is required: counting the required
    /// properties met while walking an object proves them all present without a lookup each.
    required_mask: u64,
    /// Every `required` name is one of the masked properties (else a lookup each is needed).
    required_masked: bool,
    /// Only `types` constrains it: checked in its parent's loop, without a call.
    type_only: bool,
}

impl fmt::Debug for Additional {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Additional::Any => "Any",
            Additional::Forbidden => "Forbidden",
            Additional::Shape(_) => "Shape(..)",
        })
    }
}

/// Names only one level: shapes of recursive schemas refer to themselves.
impl fmt::Debug for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.properties.iter().map(|(name, _)| *name).collect();
        f.debug_struct("Shape")
            .field("types", &expected_types(self.types))
            .field("properties", &names)
            .field("required", &self.required)
            .finish_non_exhaustive()
    }
}

impl Shape {
    /// A shape for generated code (all constraints but `types` empty).
    #[must_use]
    pub const fn new(types: u8) -> Shape {
        Shape {
            types,
            properties: &[],
            required: &[],
            additional: Additional::Any,
            items: None,
            item_count: (None, None),
            literals: &[],
            all_of: &[],
            any_of: &[],
            required_mask: 0,
            required_masked: true,
            type_only: true,
        }
    }

    /// Properties.
    #[must_use]
    pub const fn properties(mut self, properties: &'static [(&'static str, &'static Shape)], required: &'static [&'static str]) -> Shape {
        self.type_only = false;
        self.properties = properties;
        self.required = required;
        (self.required_mask, self.required_masked) = required_mask(properties, required);
        self
    }

    /// `additionalProperties`.
    #[must_use]
    pub const fn additional(mut self, additional: Additional) -> Shape {
        self.type_only = false;
        self.additional = additional;
        self
    }

    /// The shape of every array item.
    #[must_use]
    pub const fn items(mut self, items: &'static Shape) -> Shape {
        self.type_only = false;
        self.items = Some(items);
        self
    }

    /// `minItems` / `maxItems`.
    #[must_use]
    pub const fn item_count(mut self, min: Option<u64>, max: Option<u64>) -> Shape {
        self.type_only = false;
        self.item_count = (min, max);
        self
    }

    /// A closed non-string enum.
    #[must_use]
    pub const fn literals(mut self, literals: &'static [Literal]) -> Shape {
        self.type_only = false;
        self.literals = literals;
        self
    }

    /// `allOf` members that must all match.
    #[must_use]
    pub const fn all_of(mut self, all_of: &'static [&'static Shape]) -> Shape {
        self.type_only = false;
        self.all_of = all_of;
        self
    }

    /// `oneOf` / `anyOf` branches of which one must match.
    #[must_use]
    pub const fn any_of(mut self, any_of: &'static [&'static Shape]) -> Shape {
        self.type_only = false;
        self.any_of = any_of;
        self
    }
}

/// Which of the first 64 `properties` are `required`, and whether those are all the required
/// names; computed when the `static` is built.
const fn required_mask(properties: &[(&str, &Shape)], required: &[&str]) -> (u64, bool) {
    let mut mask = 0u64;
    let mut all = true;
    let mut j = 0;
    while j < required.len() {
        let mut i = 0;
        let mut found = false;
        while i < properties.len() && i < 64 {
            if str_eq(properties[i].0, required[j]) {
                mask |= 1 << i;
                found = true;
            }
            i += 1;
        }
        all &= found;
        j += 1;
    }
    (mask, all)
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The documented JSON response shapes of one operation: `(low, high, shape)`
/// status ranges, exact codes first, then `NXX` ranges, then `default` (`0..=999`).
#[derive(Debug)]
pub struct Responses {
    /// The operationId, or `METHOD /path`.
    pub operation: &'static str,
    /// Status ranges and their shapes, first match wins.
    pub shapes: &'static [(u16, u16, &'static Shape)],
}

/// By identity: each operation's table is one `static`.
impl PartialEq for Responses {
    fn eq(&self, other: &Responses) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Responses {
    /// The shape documented for `status`, if any.
    #[must_use]
    pub fn for_status(&self, status: u16) -> Option<&'static Shape> {
        self.shapes
            .iter()
            .find(|(low, high, _)| (*low..=*high).contains(&status))
            .map(|(_, _, shape)| *shape)
    }
}

/// Whether a mismatch fails the call (the default) or is only reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum SchemaChecks {
    /// A mismatch is an error ([`crate::ClientError::ResponseSchema`]).
    #[default]
    Strict,
    /// A mismatch is a `tracing` warning (and, in a workflow, an
    /// [`crate::Event::SchemaMismatch`]); the answer is used as it is.
    Warn,
    /// Bodies are not checked.
    Off,
}

/// The first place a body departs from its schema.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SchemaMismatch {
    /// Where, in `$`-notation (`$.autofix.steps[2].status`, `$['odd key']`).
    pub path: String,
    /// What was expected there, always beginning with `expected`: ``expected array, got
    /// object``, ``expected required property `run_id`, got none``.
    pub expected: String,
}

impl fmt::Display for SchemaMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at `{}`: {}", self.path, self.expected)
    }
}

impl std::error::Error for SchemaMismatch {}

/// Checks `value` against `shape`.
///
/// # Errors
///
/// The first mismatch, depth first in document order.
pub fn validate(shape: &Shape, value: &serde_json::Value) -> Result<(), SchemaMismatch> {
    let mut work = 0usize;
    check(shape, value, 0, &mut work).map_err(|mismatch| {
        let path = mismatch.path_from("$");
        SchemaMismatch {
            expected: mismatch.expected_at(&path),
            path,
        }
    })
}

/// Where a check failed: the path is only built on the way out of a failure, so a body that
/// matches costs no allocation for it.
struct Mismatch<'v> {
    /// Empty when `branch` says what was wrong.
    expected: String,
    /// Innermost segment first.
    reversed_path: Vec<Seg<'v>>,
    /// No `oneOf`/`anyOf` branch matched here: the first branch's mismatch.
    branch: Option<Box<Mismatch<'v>>>,
}

impl<'v> Mismatch<'v> {
    #[allow(
        clippy::unnecessary_box_returns,
        reason = "boxed so that `check`'s `Result` is one word: a matching body never builds one"
    )]
    fn new(expected: String) -> Box<Mismatch<'v>> {
        Box::new(Mismatch {
            expected,
            reversed_path: Vec::new(),
            branch: None,
        })
    }

    /// Its path, in `$`-notation, below `here` (the path of the value it was checked at).
    fn path_from(&self, here: &str) -> String {
        let mut out = String::from(here);
        for seg in self.reversed_path.iter().rev() {
            match seg {
                Seg::Index(i) => {
                    let _ = write!(out, "[{i}]");
                }
                Seg::Key(k)
                    if !k.is_empty()
                        && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                        && !k.starts_with(|c: char| c.is_ascii_digit()) =>
                {
                    out.push('.');
                    out.push_str(k);
                }
                Seg::Key(k) => {
                    let _ = write!(out, "['{}']", k.replace('\\', "\\\\").replace('\'', "\\'"));
                }
            }
        }
        out
    }

    /// What was expected, for a mismatch whose own path is `path`.
    fn expected_at(&self, path: &str) -> String {
        match &self.branch {
            None => self.expected.clone(),
            Some(first) => {
                let inner = first.path_from(path);
                let expected = first.expected_at(&inner);
                format!("expected a `oneOf`/`anyOf` branch to match; the first: at `{inner}`: {expected}")
            }
        }
    }
}

/// Adds the segment a failure below it went through.
fn under<'v>(seg: Seg<'v>) -> impl FnOnce(Box<Mismatch<'v>>) -> Box<Mismatch<'v>> {
    move |mut mismatch| {
        mismatch.reversed_path.push(seg);
        mismatch
    }
}
enum Seg<'v> {
    Key(&'v str),
    Index(usize),
}

pub(crate) fn type_name(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "boolean",
        serde_json::Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        serde_json::Value::Number(_) => "number",
        serde_json::Value::String(_) => "string",
        serde_json::Value::Array(_) => "array",
        serde_json::Value::Object(_) => "object",
    }
}

fn expected_types(bits: u8) -> String {
    let names = [
        (types::OBJECT, "object"),
        (types::ARRAY, "array"),
        (types::STRING, "string"),
        (types::NUMBER, "number"),
        (types::INTEGER, "integer"),
        (types::BOOLEAN, "boolean"),
        (types::NULL, "null"),
    ];
    let mut parts: Vec<&str> = names.iter().filter(|(b, _)| bits & b != 0).map(|(_, n)| *n).collect();
    if bits & types::NUMBER != 0 {
        parts.retain(|n| *n != "integer");
    }
    parts.join(" or ")
}

fn type_bits(value: &serde_json::Value) -> u8 {
    match value {
        serde_json::Value::Null => types::NULL,
        serde_json::Value::Bool(_) => types::BOOLEAN,
        serde_json::Value::Number(n) => {
            let integral = n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0);
            if integral { types::INTEGER | types::NUMBER } else { types::NUMBER }
        }
        serde_json::Value::String(_) => types::STRING,
        serde_json::Value::Array(_) => types::ARRAY,
        serde_json::Value::Object(_) => types::OBJECT,
    }
}

fn literal_matches(literal: Literal, value: &serde_json::Value) -> bool {
    match (literal, value) {
        (Literal::Null, serde_json::Value::Null) => true,
        (Literal::Bool(b), serde_json::Value::Bool(v)) => b == *v,
        (Literal::Number(n), serde_json::Value::Number(v)) => v.as_f64() == Some(n),
        _ => false,
    }
}

/// `a == b` for property names, compared eight bytes at a time in place: `==` calls `memcmp`,
/// whose call costs more than the comparison of a short name, and most lookups compare a
/// name with the one it is looking for.
fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let (mut a_words, mut b_words) = (a.chunks_exact(8), b.chunks_exact(8));
    let words_equal = a_words.by_ref().zip(b_words.by_ref()).all(|(x, y)| word(x) == word(y));
    words_equal && a_words.remainder().iter().zip(b_words.remainder()).all(|(x, y)| x == y)
}

/// Eight bytes as one integer.
fn word(bytes: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(bytes);
    u64::from_ne_bytes(word)
}

/// [`check`], with a shape that only constrains the type (most members: strings, numbers)
/// checked here without the call.
#[inline]
fn check_member<'v>(shape: &Shape, value: &'v serde_json::Value, depth: usize, work: &mut usize) -> Result<(), Box<Mismatch<'v>>> {
    if shape.type_only && depth <= MAX_DEPTH && *work < MAX_WORK && shape.types & type_bits(value) != 0 {
        *work += 1;
        return Ok(());
    }
    check(shape, value, depth, work)
}

fn check<'v>(shape: &Shape, value: &'v serde_json::Value, depth: usize, work: &mut usize) -> Result<(), Box<Mismatch<'v>>> {
    *work += 1;
    if *work > MAX_WORK {
        return Ok(());
    }
    if depth > MAX_DEPTH {
        return Err(Mismatch::new(format!("expected at most {MAX_DEPTH} levels of nesting")));
    }
    if shape.types & type_bits(value) == 0 {
        return Err(Mismatch::new(format!(
            "expected {}, got {}",
            expected_types(shape.types),
            type_name(value)
        )));
    }
    if !shape.literals.is_empty() && !value.is_string() && !shape.literals.iter().any(|l| literal_matches(*l, value)) {
        return Err(Mismatch::new(format!("expected one of the documented values, got {value}")));
    }
    match value {
        serde_json::Value::Object(map) => {
            let mut required_met = 0u32;
            let mut members = Ok(());
            for (key, member) in map {
                let documented = shape.properties.iter().position(|(name, _)| same_name(name, key));
                if let Some(i) = documented.filter(|i| *i < 64) {
                    required_met += u32::from(shape.required_mask & (1 << i) != 0);
                }
                let member_shape = match (documented, shape.additional) {
                    (Some(i), _) => shape.properties[i].1,
                    (None, Additional::Shape(s)) => s,
                    (None, Additional::Forbidden) => {
                        members = Err(Mismatch::new(format!(
                            "expected no property `{key}` (additionalProperties is false)"
                        )));
                        break;
                    }
                    (None, Additional::Any) => continue,
                };
                members = check_member(member_shape, member, depth + 1, work).map_err(under(Seg::Key(key)));
                if members.is_err() {
                    break;
                }
            }
            // A missing required property is reported before anything wrong among the members.
            let all_met = members.is_ok() && shape.required_masked && required_met == shape.required_mask.count_ones();
            if !all_met && let Some(name) = shape.required.iter().find(|name| !map.contains_key(**name)) {
                return Err(Mismatch::new(format!("expected required property `{name}`, got none")));
            }
            members?;
        }
        serde_json::Value::Array(items) => {
            let count = items.len() as u64;
            if let Some(min) = shape.item_count.0.filter(|m| count < *m) {
                return Err(Mismatch::new(format!("expected at least {min} items, got {count}")));
            }
            if let Some(max) = shape.item_count.1.filter(|m| count > *m) {
                return Err(Mismatch::new(format!("expected at most {max} items, got {count}")));
            }
            if let Some(item_shape) = shape.items {
                for (i, item) in items.iter().enumerate() {
                    check_member(item_shape, item, depth + 1, work).map_err(under(Seg::Index(i)))?;
                }
            }
        }
        _ => {}
    }
    for member in shape.all_of {
        check(member, value, depth + 1, work)?;
    }
    if !shape.any_of.is_empty() {
        let mut first = None;
        for branch in shape.any_of {
            match check(branch, value, depth + 1, work) {
                Ok(()) => return Ok(()),
                Err(e) if first.is_none() => first = Some(e),
                Err(_) => {}
            }
        }
        if let Some(branch) = first {
            // Reported here, with the first branch's mismatch below it.
            return Err(Box::new(Mismatch {
                expected: String::new(),
                reversed_path: Vec::new(),
                branch: Some(branch),
            }));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    static NODE: Shape = Shape::new(types::OBJECT)
        .properties(&[("name", &STRING), ("children", &CHILDREN)], &["name"])
        .additional(Additional::Forbidden);
    static CHILDREN: Shape = Shape::new(types::ARRAY).items(&NODE);

    /// Names compared a word at a time differ wherever their bytes differ: in a word, in
    /// the tail, at either end, or in length alone.
    #[test]
    fn same_name_compares_every_byte() {
        for len in [0usize, 1, 7, 8, 9, 15, 16, 17, 24, 31] {
            let name: String = "abcdefghijklmnopqrstuvwxyz".chars().cycle().take(len).collect();
            assert!(same_name(&name, &name.clone()), "{name:?}");
            assert!(!same_name(&name, &format!("{name}x")), "{name:?} vs a longer name");
            for at in 0..len {
                let mut other = name.clone().into_bytes();
                other[at] = b'Z';
                let other = String::from_utf8(other).expect("ASCII");
                assert!(!same_name(&name, &other), "{name:?} vs {other:?}");
                assert_eq!(same_name(&name, &other), name == other);
            }
        }
        assert!(same_name("é", "é") && !same_name("é", "è"));
    }

    #[test]
    fn paths_and_recursion() {
        assert!(validate(&NODE, &json!({"name": "a", "children": [{"name": "b", "children": []}]})).is_ok());
        let e = validate(&NODE, &json!({"name": "a", "children": [{"name": "b"}, {"name": 3}]})).unwrap_err();
        assert_eq!(e.path, "$.children[1].name");
        assert_eq!(e.expected, "expected string, got integer");
        let e = validate(&NODE, &json!({"name": "a", "odd key": 1})).unwrap_err();
        assert_eq!(e.expected, "expected no property `odd key` (additionalProperties is false)");
        let e = validate(&NODE, &json!({"children": []})).unwrap_err();
        assert_eq!(
            (e.path.as_str(), e.expected.as_str()),
            ("$", "expected required property `name`, got none")
        );
        let odd = Mismatch {
            expected: String::new(),
            reversed_path: vec![Seg::Key("it's"), Seg::Key("odd key")],
            branch: None,
        };
        assert_eq!(odd.path_from("$"), "$['odd key']['it\\'s']");
    }

    #[test]
    fn debug_of_a_recursive_shape_ends() {
        let text = format!("{NODE:?} {CHILDREN:?}");
        assert!(text.contains(r#"properties: ["name", "children"]"#), "{text}");
    }

    #[test]
    fn deep_bodies_are_bounded() {
        static ANY_ARRAY: Shape = Shape::new(types::ARRAY).items(&ANY_ARRAY);
        let mut value = json!([]);
        for _ in 0..200 {
            value = json!([value]);
        }
        let e = validate(&ANY_ARRAY, &value).unwrap_err();
        assert!(e.expected.contains("levels of nesting"), "{e}");
    }

    #[test]
    fn literals_and_unions() {
        static FLAG: Shape = Shape::new(types::BOOLEAN).literals(&[Literal::Bool(true)]);
        static EITHER: Shape = Shape::new(types::ANY).any_of(&[&STRING, &FLAG]);
        assert!(validate(&FLAG, &json!(true)).is_ok());
        assert!(validate(&FLAG, &json!(false)).is_err());
        assert!(validate(&EITHER, &json!("x")).is_ok());
        let e = validate(&EITHER, &json!(1)).unwrap_err();
        assert!(e.expected.contains("expected string, got integer"), "{e}");
        assert!(validate(&NUMBER, &json!(1)).is_ok());
        assert!(validate(&Shape::new(types::INTEGER), &json!(1.5)).is_err());
    }

    #[test]
    fn required_properties_are_found_however_they_are_listed() {
        // `id` documented and required, `extra` required but not documented, `name` required twice.
        static ODD: Shape = Shape::new(types::OBJECT).properties(&[("id", &STRING), ("name", &STRING)], &["id", "extra", "name", "name"]);
        static TWICE: Shape = Shape::new(types::OBJECT).properties(&[("id", &STRING)], &["id", "id"]);
        assert!(validate(&ODD, &json!({"id": "1", "name": "n", "extra": 0})).is_ok());
        let e = validate(&ODD, &json!({"id": "1", "name": "n"})).unwrap_err();
        assert_eq!(e.expected, "expected required property `extra`, got none");
        assert!(validate(&TWICE, &json!({"id": "1"})).is_ok());
        assert!(validate(&TWICE, &json!({})).is_err());
        // A missing required property is reported before a member of the wrong type.
        let e = validate(&NODE, &json!({"children": 3})).unwrap_err();
        assert_eq!(
            (e.path.as_str(), e.expected.as_str()),
            ("$", "expected required property `name`, got none")
        );
    }

    #[test]
    fn required_properties_past_the_sixty_fourth_are_looked_up() {
        static NAMES: [&str; 70] = {
            let mut names = [""; 70];
            let all = "p00p01p02p03p04p05p06p07p08p09p10p11p12p13p14p15p16p17p18p19p20p21p22p23p24p25p26p27p28p29p30p31p32p33p34p35p36p37p38p39p40p41p42p43p44p45p46p47p48p49p50p51p52p53p54p55p56p57p58p59p60p61p62p63p64p65p66p67p68p69";
            let mut i = 0;
            while i < 70 {
                let (_, rest) = all.split_at(i * 3);
                let (name, _) = rest.split_at(3);
                names[i] = name;
                i += 1;
            }
            names
        };
        static PROPERTIES: [(&str, &Shape); 70] = {
            let mut properties: [(&str, &Shape); 70] = [("", &ANY); 70];
            let mut i = 0;
            while i < 70 {
                properties[i] = (NAMES[i], &INTEGER);
                i += 1;
            }
            properties
        };
        static WIDE: Shape = Shape::new(types::OBJECT).properties(&PROPERTIES, &["p03", "p68"]);
        let mut body: serde_json::Map<String, serde_json::Value> = NAMES.iter().map(|n| ((*n).to_owned(), json!(1))).collect();
        assert!(validate(&WIDE, &serde_json::Value::Object(body.clone())).is_ok());
        body.remove("p68");
        let e = validate(&WIDE, &serde_json::Value::Object(body)).unwrap_err();
        assert_eq!(e.expected, "expected required property `p68`, got none");
    }

    #[test]
    fn a_union_mismatch_points_below_its_own_path() {
        static INNER: Shape = Shape::new(types::OBJECT).properties(&[("n", &STRING)], &[]);
        static NESTED: Shape = Shape::new(types::ANY).any_of(&[&INNER, &BOOLEAN]);
        static EITHER: Shape = Shape::new(types::ANY).any_of(&[&NESTED, &BOOLEAN]);
        static OUTER: Shape = Shape::new(types::OBJECT).properties(&[("odd key", &LIST)], &[]);
        static LIST: Shape = Shape::new(types::ARRAY).items(&EITHER);
        let e = validate(&OUTER, &json!({"odd key": [true, {"n": 1}]})).unwrap_err();
        assert_eq!(e.path, "$['odd key'][1]");
        assert_eq!(
            e.expected,
            "expected a `oneOf`/`anyOf` branch to match; the first: at `$['odd key'][1]`: expected a \
             `oneOf`/`anyOf` branch to match; the first: at `$['odd key'][1].n`: expected string, got integer"
        );
    }
}
