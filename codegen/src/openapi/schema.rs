//! A flattened reading of one schema object, shared by the pointer lookups
//! and the type generator.
//!
//! Schemas in real documents spread one type over several keywords: `allOf`
//! composition, `nullable: true` (3.0) versus `type: [X, "null"]` (3.1),
//! `oneOf: [X, {type: null}]`, implied `type: object` when only `properties`
//! is given. Reading them in one place gives both consumers the same answer
//! to "is this nullable?" and "what are its properties?", which is what keeps
//! the checker's verdicts consistent with the generated Rust types.

use std::collections::HashSet;

use super::refs;
use super::{SchemaRef, schema_at};
use crate::yaml::{Node, Value};

/// `allOf` nesting deeper than this is not merged further (hostile input).
const MAX_DEPTH: usize = 32;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonType {
    String,
    Integer,
    Number,
    Boolean,
    Object,
    Array,
    Null,
}

impl JsonType {
    fn parse(name: &str) -> Option<JsonType> {
        match name {
            "string" => Some(JsonType::String),
            "integer" => Some(JsonType::Integer),
            "number" => Some(JsonType::Number),
            "boolean" => Some(JsonType::Boolean),
            "object" => Some(JsonType::Object),
            "array" => Some(JsonType::Array),
            "null" => Some(JsonType::Null),
            _ => None,
        }
    }
}

/// What an object says about properties it does not list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Additional {
    /// No `additionalProperties` keyword.
    #[default]
    Unspecified,
    /// `additionalProperties: true` or `{}`.
    Allowed,
    /// `additionalProperties: false`.
    Forbidden,
    /// `additionalProperties: <schema>`.
    Schema(SchemaRef),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Property {
    pub name: String,
    pub schema: SchemaRef,
    /// Keywords written beside the property's `$ref`, which `schema` (the
    /// referenced schema) cannot carry.
    pub beside_ref: RefSiblings,
}

/// Annotations written next to a `$ref`. 3.1 gives `description` and
/// `deprecated` there their meaning; 3.0 says siblings are ignored, but real
/// 3.0 documents write `nullable: true` (and descriptions) beside `$ref`
/// meaning exactly what they say, and honouring them only widens a field to
/// `Option`, which still accepts every non-null value.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RefSiblings {
    pub description: Option<String>,
    pub deprecated: bool,
    pub nullable: bool,
    pub read_only: bool,
    pub write_only: bool,
    pub default: Option<serde_json::Value>,
}

impl RefSiblings {
    fn read(node: &Node) -> RefSiblings {
        if node.get("$ref").is_none() {
            return RefSiblings::default();
        }
        let flag = |key: &str| node.get(key).and_then(Node::as_bool) == Some(true);
        RefSiblings {
            description: text(node, "description"),
            deprecated: flag("deprecated"),
            nullable: flag("nullable"),
            read_only: flag("readOnly"),
            write_only: flag("writeOnly"),
            default: node.get("default").map(Node::to_json),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Discriminator {
    pub property: String,
    /// Tag value to branch schema: the explicit `mapping`, then each `$ref`
    /// branch by its component name.
    pub mapping: Vec<(String, SchemaRef)>,
}

/// One schema with `allOf` merged in and nullability normalised.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SchemaView {
    pub schema: Option<SchemaRef>,
    /// Declared types other than `null`; empty when unconstrained.
    pub types: Vec<JsonType>,
    pub nullable: bool,
    pub format: Option<String>,
    /// 3.1 `contentMediaType` / `contentEncoding`: a string that carries
    /// other content (an image, base64 bytes).
    pub content_media_type: Option<String>,
    pub content_encoding: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub deprecated: bool,
    pub read_only: bool,
    pub write_only: bool,
    /// `default`, as JSON.
    pub default: Option<serde_json::Value>,
    /// `const`, as JSON (also in `enum_values`).
    pub constant: Option<serde_json::Value>,
    /// `enum`, or `[const]`, as JSON.
    pub enum_values: Option<Vec<serde_json::Value>>,
    pub properties: Vec<Property>,
    pub required: Vec<String>,
    pub additional: Additional,
    pub items: Option<SchemaRef>,
    pub prefix_items: Vec<SchemaRef>,
    /// `items: false` or `unevaluatedItems: false`: nothing after the
    /// `prefixItems`.
    pub no_more_items: bool,
    pub min_items: Option<u64>,
    pub max_items: Option<u64>,
    /// Non-null `oneOf` branches (a `null` branch sets `nullable` instead).
    pub one_of: Vec<SchemaRef>,
    /// Non-null `anyOf` branches.
    pub any_of: Vec<SchemaRef>,
    pub discriminator: Option<Discriminator>,
    /// Set when the schema is just `allOf: [X]` plus annotations (the usual
    /// way to attach `nullable` or a description to a `$ref` in 3.0): the
    /// schema then *is* `X`.
    pub alias_of: Option<SchemaRef>,
}

impl SchemaView {
    /// Whether values are JSON objects: declared so, or implied by
    /// object-only keywords.
    pub fn is_object(&self) -> bool {
        self.types.contains(&JsonType::Object)
            || (self.types.is_empty()
                && (!self.properties.is_empty() || matches!(self.additional, Additional::Schema(_) | Additional::Forbidden)))
    }

    /// Whether values are JSON arrays: declared so, or implied by `items`.
    pub fn is_array(&self) -> bool {
        self.types.contains(&JsonType::Array) || (self.types.is_empty() && (self.items.is_some() || !self.prefix_items.is_empty()))
    }

    pub fn is_required(&self, name: &str) -> bool {
        self.required.iter().any(|r| r == name)
    }

    pub fn property(&self, name: &str) -> Option<&Property> {
        self.properties.iter().find(|p| p.name == name)
    }

    /// Whether a string holds binary content: 3.0 `format: binary`, or 3.1
    /// `contentMediaType` / `contentEncoding`. Only multipart bodies act on
    /// it (as file parts); in JSON the value is a string either way.
    pub fn is_binary(&self) -> bool {
        self.format.as_deref() == Some("binary") || self.content_media_type.is_some() || self.content_encoding.is_some()
    }

    /// The non-null `oneOf`/`anyOf` branches, `oneOf` first.
    pub fn union_branches(&self) -> Vec<SchemaRef> {
        self.one_of.iter().chain(self.any_of.iter()).cloned().collect()
    }

    /// The `prefixItems` of an array that always has exactly that many
    /// items (`minItems` at least their number, and `items: false` or
    /// `maxItems` at most it): a tuple. Open or shorter arrays are not.
    pub fn fixed_tuple(&self) -> Option<&[SchemaRef]> {
        let n = u64::try_from(self.prefix_items.len()).ok()?;
        let closed = self.no_more_items || self.max_items.is_some_and(|m| m <= n);
        (n > 0 && closed && self.min_items.is_some_and(|m| m >= n)).then_some(self.prefix_items.as_slice())
    }

    /// String values of a string enum; `None` unless every non-null member
    /// is a string.
    pub fn string_enum(&self) -> Option<Vec<String>> {
        let values = self.enum_values.as_ref()?;
        if self.types.iter().any(|t| *t != JsonType::String) {
            return None;
        }
        let strings: Option<Vec<String>> = values
            .iter()
            .filter(|v| !v.is_null())
            .map(|v| v.as_str().map(str::to_owned))
            .collect();
        strings.filter(|s| !s.is_empty())
    }
}

/// Reads the schema a [`SchemaRef`] designates. Never fails: a missing or
/// malformed schema reads as unconstrained.
pub fn view(root: &Node, schema: &SchemaRef) -> SchemaView {
    let mut visiting = HashSet::new();
    view_inner(root, schema, &mut visiting, 0)
}

fn view_inner(root: &Node, schema: &SchemaRef, visiting: &mut HashSet<String>, depth: usize) -> SchemaView {
    let mut out = SchemaView {
        schema: Some(schema.clone()),
        ..SchemaView::default()
    };
    let Some((node, pointer)) = refs::resolve_pointer(root, &schema.pointer) else {
        return out;
    };
    if node.as_map().is_none() || depth > MAX_DEPTH || !visiting.insert(pointer.clone()) {
        return out;
    }
    read_annotations(node, &mut out);
    read_types(node, &mut out);
    read_object(root, node, &pointer, &mut out);
    read_array(root, node, &pointer, &mut out);
    read_unions(root, node, &pointer, &mut out);
    merge_all_of(root, node, &pointer, &mut out, visiting, depth);
    visiting.remove(&pointer);
    out
}

fn text(node: &Node, key: &str) -> Option<String> {
    node.get(key).and_then(Node::as_str).map(str::to_owned)
}

fn read_annotations(node: &Node, out: &mut SchemaView) {
    out.title = text(node, "title");
    out.description = text(node, "description");
    out.format = text(node, "format");
    out.content_media_type = text(node, "contentMediaType");
    out.content_encoding = text(node, "contentEncoding");
    out.deprecated = node.get("deprecated").and_then(Node::as_bool) == Some(true);
    out.read_only = node.get("readOnly").and_then(Node::as_bool) == Some(true);
    out.write_only = node.get("writeOnly").and_then(Node::as_bool) == Some(true);
    out.default = node.get("default").map(Node::to_json);
    if node.get("nullable").and_then(Node::as_bool) == Some(true) {
        out.nullable = true;
    }
    if let Some(values) = node.get("enum").and_then(Node::as_seq) {
        let values: Vec<serde_json::Value> = values.iter().map(Node::to_json).collect();
        if values.iter().any(serde_json::Value::is_null) {
            out.nullable = true;
        }
        out.enum_values = Some(values);
    } else if let Some(value) = node.get("const") {
        out.constant = Some(value.to_json());
        out.enum_values = Some(vec![value.to_json()]);
    }
}

fn read_types(node: &Node, out: &mut SchemaView) {
    let names: Vec<&str> = match node.get("type").map(|t| &t.value) {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Seq(items)) => items.iter().filter_map(Node::as_str).collect(),
        _ => Vec::new(),
    };
    for ty in names.into_iter().filter_map(JsonType::parse) {
        if ty == JsonType::Null {
            out.nullable = true;
        } else if !out.types.contains(&ty) {
            out.types.push(ty);
        }
    }
}

fn read_object(root: &Node, node: &Node, pointer: &str, out: &mut SchemaView) {
    if let Some(props) = node.get("properties").and_then(Node::as_map) {
        let props_pointer = refs::join(pointer, "properties");
        out.properties = props
            .iter()
            .map(|(key, written)| Property {
                name: key.name.clone(),
                schema: schema_at(root, &refs::join(&props_pointer, &key.name)),
                beside_ref: RefSiblings::read(written),
            })
            .collect();
    }
    if let Some(required) = node.get("required").and_then(Node::as_seq) {
        out.required = required.iter().filter_map(|r| r.as_str().map(str::to_owned)).collect();
    }
    out.additional = match node.get("additionalProperties") {
        None => Additional::Unspecified,
        Some(n) => match &n.value {
            Value::Bool(false) => Additional::Forbidden,
            Value::Map(m) if m.entries.is_empty() => Additional::Allowed,
            Value::Map(_) => Additional::Schema(schema_at(root, &refs::join(pointer, "additionalProperties"))),
            _ => Additional::Allowed,
        },
    };
}

fn read_array(root: &Node, node: &Node, pointer: &str, out: &mut SchemaView) {
    if node.get("items").and_then(Node::as_map).is_some() {
        out.items = Some(schema_at(root, &refs::join(pointer, "items")));
    }
    let closed = |key: &str| node.get(key).and_then(Node::as_bool) == Some(false);
    out.no_more_items = closed("items") || closed("unevaluatedItems");
    let count = |key: &str| match node.get(key).map(|n| &n.value) {
        Some(Value::Number(n)) => n.as_u64(),
        _ => None,
    };
    out.min_items = count("minItems");
    out.max_items = count("maxItems");
    if let Some(prefix) = node.get("prefixItems").and_then(Node::as_seq) {
        let base = refs::join(pointer, "prefixItems");
        out.prefix_items = (0..prefix.len())
            .map(|i| schema_at(root, &refs::join(&base, &i.to_string())))
            .collect();
    }
}

fn read_unions(root: &Node, node: &Node, pointer: &str, out: &mut SchemaView) {
    for keyword in ["oneOf", "anyOf"] {
        let Some(branches) = node.get(keyword).and_then(Node::as_seq) else {
            continue;
        };
        let base = refs::join(pointer, keyword);
        let mut kept = Vec::new();
        for i in 0..branches.len() {
            let branch = schema_at(root, &refs::join(&base, &i.to_string()));
            if is_null_schema(root, &branch) {
                out.nullable = true;
            } else {
                kept.push(branch);
            }
        }
        if keyword == "oneOf" {
            out.one_of = kept;
        } else {
            out.any_of = kept;
        }
    }
    out.discriminator = discriminator(root, node, out);
}

/// `{type: "null"}` (or `type: [null]`, or `enum: [null]`): a union branch
/// that only adds nullability.
fn is_null_schema(root: &Node, schema: &SchemaRef) -> bool {
    let Some((node, _)) = refs::resolve_pointer(root, &schema.pointer) else {
        return false;
    };
    let only_null_type = match node.get("type").map(|t| &t.value) {
        Some(Value::String(s)) => s == "null",
        Some(Value::Seq(items)) => !items.is_empty() && items.iter().all(|t| t.as_str() == Some("null")),
        _ => false,
    };
    let only_null_enum = node
        .get("enum")
        .and_then(Node::as_seq)
        .is_some_and(|e| !e.is_empty() && e.iter().all(|v| matches!(v.value, Value::Null)));
    only_null_type || only_null_enum
}

fn discriminator(root: &Node, node: &Node, out: &SchemaView) -> Option<Discriminator> {
    let disc = node.get("discriminator")?;
    let property = disc.get("propertyName")?.as_str()?.to_owned();
    let mut mapping: Vec<(String, SchemaRef)> = Vec::new();
    if let Some(map) = disc.get("mapping").and_then(Node::as_map) {
        for (key, target) in map.iter() {
            let Some(target) = target.as_str() else {
                continue;
            };
            let pointer = if target.starts_with('#') {
                refs::parse_ref(target).ok()
            } else {
                Some(refs::pointer_of(&["components", "schemas", target]))
            };
            if let Some(pointer) = pointer {
                mapping.push((key.name.clone(), schema_at(root, &pointer)));
            }
        }
    }
    for branch in out.union_branches() {
        let Some(name) = branch.component_name() else {
            continue;
        };
        if !mapping.iter().any(|(_, s)| *s == branch) {
            mapping.push((name, branch));
        }
    }
    Some(Discriminator { property, mapping })
}

fn merge_all_of(root: &Node, node: &Node, pointer: &str, out: &mut SchemaView, visiting: &mut HashSet<String>, depth: usize) {
    let Some(branches) = node.get("allOf").and_then(Node::as_seq) else {
        return;
    };
    let base = refs::join(pointer, "allOf");
    let branches: Vec<SchemaRef> = (0..branches.len())
        .map(|i| schema_at(root, &refs::join(&base, &i.to_string())))
        .collect();
    let annotations_only = ["properties", "additionalProperties", "items", "oneOf", "anyOf", "enum", "const"]
        .iter()
        .all(|k| node.get(k).is_none());
    if let ([single], true) = (branches.as_slice(), annotations_only) {
        out.alias_of = Some(single.clone());
    }
    for branch in &branches {
        let part = view_inner(root, branch, visiting, depth + 1);
        merge(out, part);
    }
}

/// Folds one `allOf` branch into the outer view. The outer schema's own
/// keywords win; properties are the union (first definition wins), required
/// names accumulate. Nullability is the outer schema's: `allOf` means "all
/// of", so one nullable branch does not make the whole nullable.
fn merge(out: &mut SchemaView, part: SchemaView) {
    if out.types.is_empty() {
        out.types = part.types;
    }
    if out.format.is_none() {
        out.format = part.format;
    }
    if out.content_media_type.is_none() {
        out.content_media_type = part.content_media_type;
    }
    if out.content_encoding.is_none() {
        out.content_encoding = part.content_encoding;
    }
    if out.enum_values.is_none() {
        out.enum_values = part.enum_values;
    }
    for prop in part.properties {
        if out.property(&prop.name).is_none() {
            out.properties.push(prop);
        }
    }
    for name in part.required {
        if !out.is_required(&name) {
            out.required.push(name);
        }
    }
    if out.additional == Additional::Unspecified {
        out.additional = part.additional;
    }
    if out.items.is_none() {
        out.items = part.items;
    }
    if out.prefix_items.is_empty() {
        out.prefix_items = part.prefix_items;
    }
    if out.one_of.is_empty() && out.any_of.is_empty() {
        out.one_of = part.one_of;
        out.any_of = part.any_of;
    }
    if out.discriminator.is_none() {
        out.discriminator = part.discriminator;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;
    use crate::yaml;

    fn doc(text: &str) -> Node {
        match yaml::parse(text, FileId(0)) {
            Ok(node) => node,
            Err(errors) => panic!("{errors:?}"),
        }
    }

    fn at(pointer: &str) -> SchemaRef {
        SchemaRef {
            pointer: pointer.to_owned(),
        }
    }

    #[test]
    fn nullable_spellings_agree() {
        let root = doc(
            "a: {type: string, nullable: true}\nb: {type: [string, 'null']}\nc: {oneOf: [{type: string}, {type: 'null'}]}\nd: {type: string}\n",
        );
        for p in ["/a", "/b", "/c"] {
            assert!(view(&root, &at(p)).nullable, "{p}");
        }
        assert!(!view(&root, &at("/d")).nullable);
        assert_eq!(view(&root, &at("/c")).one_of.len(), 1);
    }

    #[test]
    fn all_of_merges_and_aliases() {
        let root = doc(
            "A: {type: object, required: [id], properties: {id: {type: string}}}\nB: {allOf: [{$ref: '#/A'}, {properties: {name: {type: string}}, required: [name]}]}\nC: {allOf: [{$ref: '#/A'}], nullable: true, description: d}\nL: {allOf: [{$ref: '#/L'}]}\n",
        );
        let b = view(&root, &at("/B"));
        assert!(b.is_object());
        assert_eq!(b.properties.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["id", "name"]);
        assert_eq!(b.required, ["id", "name"]);
        assert_eq!(b.properties[0].schema, at("/A/properties/id"));
        let c = view(&root, &at("/C"));
        assert_eq!(c.alias_of, Some(at("/A")));
        assert!(c.nullable);
        let l = view(&root, &at("/L"));
        assert!(l.properties.is_empty());
    }

    #[test]
    fn discriminator_mapping() {
        let root = doc(
            "components:\n  schemas:\n    Cat: {type: object}\n    Dog: {type: object}\n    Pet:\n      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]\n      discriminator: {propertyName: kind, mapping: {kitty: Cat}}\n",
        );
        let pet = view(&root, &at("/components/schemas/Pet"));
        let disc = pet.discriminator.expect("discriminator");
        assert_eq!(disc.property, "kind");
        let tags: Vec<_> = disc.mapping.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(tags, ["kitty", "Dog"]);
    }
}
