//! `$ref` resolution inside one OpenAPI document.
//!
//! Every schema, parameter, response and request body may be a `$ref`, and a
//! `$ref` may point at another `$ref`. Resolution lives here, in one place, so
//! that the model, the pointer lookups and the type generator all agree on
//! where a reference lands (its canonical JSON pointer) and none of them can
//! loop forever on a reference cycle. Problems are reported once, by
//! [`check_refs`], which walks the whole document; the resolvers themselves
//! just return `None` and let callers degrade gracefully.

use std::collections::HashSet;

use arazzo_expr::JsonPointer;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::yaml::{Node, Value};

/// A chain of `$ref`s longer than this is treated as a cycle; real documents
/// use one or two hops.
const MAX_HOPS: usize = 64;

// Pointers are kept as their canonical text (map keys, IR fields); parsing and
// escaping are `arazzo_expr::JsonPointer`'s, the project's one RFC 6901
// implementation, so these helpers only convert.

/// Escapes one reference token for a JSON pointer (RFC 6901).
pub fn escape_token(token: &str) -> String {
    JsonPointer::escape(token)
}

/// Appends an unescaped token to a pointer.
pub fn join(pointer: &str, token: &str) -> String {
    format!("{pointer}/{}", escape_token(token))
}

/// Splits a JSON pointer into unescaped tokens; `None` when it is not a
/// pointer (does not start with `/`, or has a bad `~` escape).
pub fn split_pointer(pointer: &str) -> Option<Vec<String>> {
    JsonPointer::parse(pointer).ok().map(|p| p.tokens().to_vec())
}

/// Joins unescaped tokens into a canonical pointer.
pub fn pointer_of<S: AsRef<str>>(tokens: &[S]) -> String {
    JsonPointer::from_tokens(tokens.iter().map(|t| t.as_ref())).to_string()
}

/// Decodes `%XX` escapes, which may appear in a URI fragment; invalid
/// escapes are kept literally rather than rejected, as lenient tools do, and
/// bytes that do not decode to UTF-8 leave the text as it was.
pub fn percent_decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8()
        .map_or_else(|_| text.to_owned(), std::borrow::Cow::into_owned)
}

/// Canonicalises any pointer spelling (percent-encoded, a leading `#`) so
/// that two spellings of one location compare equal.
pub fn normalize_pointer(pointer: &str) -> Option<String> {
    let pointer = pointer.strip_prefix('#').unwrap_or(pointer);
    split_pointer(&percent_decode(pointer)).map(|t| pointer_of(&t))
}

/// Why a `$ref` string could not be followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefError {
    /// Points into another file; only same-document references are supported.
    External,
    /// Not `#/...`: an anchor (`#foo`) or otherwise not a JSON pointer.
    NotPointer,
    /// The pointer does not exist. `index` is the first token that failed,
    /// `known` the keys available at that point.
    NotFound { index: usize, token: String, known: Vec<String> },
    /// The reference leads back to itself.
    Cycle,
}

/// Parses a `$ref` value into a canonical local pointer.
pub fn parse_ref(reference: &str) -> Result<String, RefError> {
    let Some(fragment) = reference.strip_prefix('#') else {
        return Err(RefError::External);
    };
    if !fragment.is_empty() && !fragment.starts_with('/') {
        return Err(RefError::NotPointer);
    }
    normalize_pointer(fragment).ok_or(RefError::NotPointer)
}

/// The node at `pointer`, or where exactly the walk failed.
pub fn lookup<'a>(root: &'a Node, pointer: &str) -> Result<&'a Node, RefError> {
    let tokens = split_pointer(pointer).ok_or(RefError::NotPointer)?;
    let mut node = root;
    for (index, token) in tokens.iter().enumerate() {
        match node.pointer([token.as_str()]) {
            Some(next) => node = next,
            None => {
                let known = node.as_map().map(|m| m.keys().map(str::to_owned).collect()).unwrap_or_default();
                return Err(RefError::NotFound {
                    index,
                    token: token.clone(),
                    known,
                });
            }
        }
    }
    Ok(node)
}

/// The `$ref` string of a node, if the node is a reference object.
pub fn ref_of(node: &Node) -> Option<&str> {
    node.get("$ref").and_then(Node::as_str)
}

/// Follows `$ref`s starting at `node` (found at `pointer`) until a node that
/// is not a reference. Returns the final node and its canonical pointer.
pub fn resolve<'a>(root: &'a Node, node: &'a Node, pointer: &str) -> Result<(&'a Node, String), RefError> {
    let mut node = node;
    let mut pointer = pointer.to_owned();
    let mut seen = HashSet::new();
    while let Some(reference) = ref_of(node) {
        if !seen.insert(pointer.clone()) || seen.len() > MAX_HOPS {
            return Err(RefError::Cycle);
        }
        pointer = parse_ref(reference)?;
        node = lookup(root, &pointer)?;
    }
    Ok((node, pointer))
}

/// Like [`resolve`], starting from a pointer.
pub fn resolve_pointer<'a>(root: &'a Node, pointer: &str) -> Option<(&'a Node, String)> {
    let node = lookup(root, pointer).ok()?;
    resolve(root, node, pointer).ok()
}

/// Keys whose values are data, not description: a `$ref` inside them is a
/// string like any other.
pub(crate) fn is_data_key(key: &str) -> bool {
    matches!(key, "example" | "examples" | "default" | "enum" | "const") || key.starts_with("x-")
}

/// Reports every `$ref` in the document that cannot be followed, at the span
/// of its value, with a did-you-mean for typos in the last segment.
pub fn check_refs(root: &Node, diags: &mut Diagnostics) {
    check_refs_from(root, root, diags);
}

/// [`check_refs`] for the part of `root` under `start`.
pub fn check_refs_from(root: &Node, start: &Node, diags: &mut Diagnostics) {
    let mut stack = vec![start];
    while let Some(node) = stack.pop() {
        match &node.value {
            Value::Map(map) => {
                if let Some(reference) = map.get("$ref").filter(|r| r.as_str().is_some()) {
                    check_one(root, reference, diags);
                }
                for (key, value) in map.entries.iter().rev() {
                    if !is_data_key(&key.name) {
                        stack.push(value);
                    }
                }
            }
            Value::Seq(items) => stack.extend(items.iter().rev()),
            _ => {}
        }
    }
}

/// The components (`/components/<kind>/<name>`, as JSON pointers) that `start` reaches
/// through local `$ref`s, transitively: what an operation depends on beyond its own path
/// item, for telling whether a problem in a component stops the build (lint
/// `uncalled-operation`).
pub fn components_reached(root: &Node, start: &Node) -> HashSet<String> {
    let mut reached = HashSet::new();
    let mut stack = vec![start];
    while let Some(node) = stack.pop() {
        match &node.value {
            Value::Map(map) => {
                if let Some(pointer) = map.get("$ref").and_then(Node::as_str).and_then(|r| parse_ref(r).ok())
                    && let Some(tokens) = split_pointer(&pointer)
                    && tokens.len() >= 3
                    && tokens[0] == "components"
                {
                    let component = format!("/components/{}/{}", escape(&tokens[1]), escape(&tokens[2]));
                    if reached.insert(component)
                        && let Ok(target) = lookup(root, &pointer)
                    {
                        stack.push(target);
                    }
                }
                for (key, value) in &map.entries {
                    if !is_data_key(&key.name) {
                        stack.push(value);
                    }
                }
            }
            Value::Seq(items) => stack.extend(items.iter()),
            _ => {}
        }
    }
    reached
}

/// One RFC 6901 reference token, escaped (`~` -> `~0`, `/` -> `~1`).
fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

fn check_one(root: &Node, reference: &Node, diags: &mut Diagnostics) {
    let Some(text) = reference.as_str() else {
        return;
    };
    let result = parse_ref(text).and_then(|pointer| {
        let target = lookup(root, &pointer)?;
        resolve(root, target, &pointer).map(|_| ())
    });
    let Err(error) = result else {
        return;
    };
    let diagnostic = match error {
        // `bundle.rs` has rewritten every external reference it could follow
        // and reported every one it could not.
        RefError::External => return,
        RefError::NotPointer => Diagnostic::error(reference.span, format!("`$ref: {text}` is not a JSON pointer reference"))
            .with_help("write references as `#/components/schemas/Name`"),
        RefError::Cycle => Diagnostic::error(
            reference.span,
            format!("`$ref: {text}` is part of a reference cycle that never reaches a definition"),
        ),
        RefError::NotFound { index, token, known } => {
            let prefix = split_pointer(&parse_ref(text).unwrap_or_default())
                .map(|t| pointer_of(t.get(..index).unwrap_or(&[])))
                .unwrap_or_default();
            Diagnostic::error(
                reference.span,
                format!("`$ref: {text}` does not resolve: `#{prefix}` has no `{token}`"),
            )
            .with_suggestion(&token, known.iter().map(String::as_str))
        }
    };
    diags.push(diagnostic);
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

    #[test]
    fn pointers_round_trip() {
        assert_eq!(join("/paths", "/pets/{id}"), "/paths/~1pets~1{id}");
        assert_eq!(
            split_pointer("/paths/~1pets~1{id}/get"),
            Some(vec!["paths".to_owned(), "/pets/{id}".to_owned(), "get".to_owned()])
        );
        assert_eq!(split_pointer("/a~2"), None);
        assert_eq!(
            normalize_pointer("#/paths/~1pets~1%7Bid%7D/get").as_deref(),
            Some("/paths/~1pets~1{id}/get")
        );
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%7Bid%7d%20"), "{id} ");
        assert_eq!(percent_decode("%FF"), "%FF");
    }

    #[test]
    fn follows_chains_and_detects_cycles() {
        let root = doc("a: {$ref: '#/b'}\nb: {$ref: '#/c'}\nc: {type: string}\nx: {$ref: '#/y'}\ny: {$ref: '#/x'}\n");
        let (node, pointer) = resolve_pointer(&root, "/a").expect("resolves");
        assert_eq!(pointer, "/c");
        assert_eq!(node.get("type").and_then(Node::as_str), Some("string"));
        assert!(resolve_pointer(&root, "/x").is_none());
    }

    #[test]
    fn bad_refs_are_reported_with_suggestions() {
        let root = doc(
            "components:\n  schemas:\n    Pet: {type: object}\nuse:\n  - $ref: '#/components/schemas/Pett'\n  - $ref: 'other.yaml#/x'\n  - $ref: '#anchor'\n  - example: {$ref: '#/nowhere'}\n",
        );
        let mut diags = Diagnostics::default();
        check_refs(&root, &mut diags);
        let messages: Vec<_> = diags.iter().map(|d| d.message.clone()).collect();
        // `other.yaml#/x` is `bundle.rs`'s to follow or report.
        assert_eq!(diags.len(), 2, "{messages:?}");
        assert!(messages[0].contains("has no `Pett`"));
        assert_eq!(diags[0].help.as_deref(), Some("did you mean `Pet`?"));
        assert_eq!(diags[0].span.map(|s| s.start.line), Some(5));
        assert!(messages[1].contains("not a JSON pointer"));
    }
}
