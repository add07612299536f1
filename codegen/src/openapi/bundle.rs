//! External `$ref`s (`./common.yaml#/components/schemas/Error`), pulled into
//! the document that uses them before the model is built.
//!
//! Everything downstream (the model, pointer lookups, type names, `refs.rs`)
//! works on one tree with local `#/...` pointers, which is what keeps a
//! schema's identity (its canonical pointer) simple. Rather than teach each
//! of them about several files, this pass copies every externally referenced
//! definition into the root's `components`, under the same kind and name when
//! it comes from `components/<kind>/<name>` (a numbered name when that one is
//! taken by something else), and rewrites the reference to the local pointer.
//! Copies keep their spans, so a problem inside one is reported at its own
//! `file:line:column`, and every file read is tracked for rebuilds like the
//! entry file. References inside a copy are followed relative to *its* file,
//! until none is external; a file referring back to the entry document is
//! read as the entry document.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics, codes};
use crate::openapi::refs;
use crate::source::{FileId, Span};
use crate::yaml::{Key, Map, Node, Value};

/// Reads and parses a referenced file (reporting failures at `Span`).
pub type Reader<'a> = dyn FnMut(&Path, Span, &mut Diagnostics) -> Option<(FileId, Node)> + 'a;

/// Rewrites every external `$ref` under `root` (read from `path`) into a
/// local one, adding the definitions it needs to `root.components`.
pub fn bundle(root: &mut Node, path: &Path, read: &mut Reader<'_>, diags: &mut Diagnostics) {
    if !has_external_ref(root) {
        return;
    }
    let mut taken = HashSet::new();
    if let Some(components) = root.get("components").and_then(Node::as_map) {
        for (kind, defs) in components.iter() {
            for name in defs.as_map().into_iter().flat_map(Map::keys) {
                taken.insert((kind.name.clone(), name.to_owned()));
            }
        }
    }
    let mut bundler = Bundler {
        entry: path.to_path_buf(),
        read,
        files: HashMap::new(),
        placed: HashMap::new(),
        taken,
        added: Vec::new(),
        inlining: Vec::new(),
    };
    let entry = bundler.entry.clone();
    bundler.rewrite(root, &entry, diags);
    let added = std::mem::take(&mut bundler.added);
    insert(root, added);
}

fn has_external_ref(node: &Node) -> bool {
    match &node.value {
        Value::Map(map) => map.iter().any(|(k, v)| {
            (k.name == "$ref" && v.as_str().is_some_and(|r| !r.starts_with('#'))) || (!refs::is_data_key(&k.name) && has_external_ref(v))
        }),
        Value::Seq(items) => items.iter().any(has_external_ref),
        _ => false,
    }
}

struct Bundler<'r, 'a> {
    entry: PathBuf,
    read: &'r mut Reader<'a>,
    /// Parsed external files (`None`: could not be read, already reported).
    files: HashMap<PathBuf, Option<Node>>,
    /// (file, pointer) -> the local pointer its copy lives at.
    placed: HashMap<(PathBuf, String), String>,
    /// (components kind, name) already in use in the entry document.
    taken: HashSet<(String, String)>,
    /// Copies to add: (kind, name, definition).
    added: Vec<(String, String, Node)>,
    /// Definitions being inlined, innermost last (a cycle among them is an error).
    inlining: Vec<(PathBuf, String)>,
}

/// What an external reference becomes.
enum Local {
    /// A local `#/components/...` pointer to the copied definition.
    Pointer(String),
    /// The definition itself, in place of the reference.
    Inline(Node),
}

impl Bundler<'_, '_> {
    /// Rewrites the `$ref`s under `node`, which was read from `file`.
    fn rewrite(&mut self, node: &mut Node, file: &Path, diags: &mut Diagnostics) {
        match &mut node.value {
            Value::Map(map) => {
                for (key, value) in &mut map.entries {
                    if key.name == "$ref" {
                        match value
                            .as_str()
                            .map(str::to_owned)
                            .and_then(|text| self.local_ref(&text, file, value.span, diags))
                        {
                            Some(Local::Pointer(local)) => value.value = Value::String(local),
                            Some(Local::Inline(copy)) => {
                                *node = copy;
                                return;
                            }
                            None => {}
                        }
                    } else if !refs::is_data_key(&key.name) {
                        self.rewrite(value, file, diags);
                    }
                }
            }
            Value::Seq(items) => {
                for item in items {
                    self.rewrite(item, file, diags);
                }
            }
            _ => {}
        }
    }

    /// The local form of `reference` written in `file`; `None` leaves it as
    /// it is (already local to the entry document, or a failure reported).
    fn local_ref(&mut self, reference: &str, file: &Path, at: Span, diags: &mut Diagnostics) -> Option<Local> {
        let (target, fragment) = match reference.split_once('#') {
            Some((f, frag)) => (f, frag),
            None => (reference, ""),
        };
        let target_file = if target.is_empty() {
            file.to_path_buf()
        } else if target.contains("://") && !target.starts_with("file://") {
            diags.push(
                Diagnostic::error(
                    at,
                    format!("`$ref: {reference}` points to a remote document, and nothing is fetched at build time"),
                )
                .with_code(codes::SOURCE_UNAVAILABLE)
                .with_help("download it next to this file and refer to it by a relative path"),
            );
            return None;
        } else {
            crate::load::resolve_relative(file, target)
        };
        let Ok(pointer) = refs::parse_ref(&format!("#{fragment}")) else {
            diags.push(
                Diagnostic::error(at, format!("`$ref: {reference}` is not a JSON pointer reference"))
                    .with_code(codes::BAD_VALUE)
                    .with_help("write references as `file.yaml#/components/schemas/Name`"),
            );
            return None;
        };
        if target_file == self.entry {
            return (!target.is_empty() || file != self.entry).then(|| Local::Pointer(format!("#{pointer}")));
        }
        let tokens = refs::split_pointer(&pointer).unwrap_or_default();
        // A whole file or a named component is copied once and referred to
        // by name; anything else is copied in place.
        let named = match tokens.as_slice() {
            [] => true,
            [c, _, _] => c == "components",
            [d, _] => d == "definitions",
            _ => false,
        };
        if named {
            return self
                .place(&target_file, &pointer, reference, at, diags)
                .map(|p| Local::Pointer(format!("#{p}")));
        }
        self.inline(&target_file, &pointer, reference, at, diags).map(Local::Inline)
    }

    /// A definition that is not a named component (a path item, a schema
    /// deep inside another file) is copied in place of the reference.
    fn inline(&mut self, file: &Path, pointer: &str, reference: &str, at: Span, diags: &mut Diagnostics) -> Option<Node> {
        let key = (file.to_path_buf(), pointer.to_owned());
        if self.inlining.contains(&key) {
            diags.push(
                Diagnostic::error(at, format!("`$ref: {reference}` refers back to itself through other files"))
                    .with_code(codes::BAD_VALUE)
                    .with_help("move the definition under `components` so it can be referred to by name"),
            );
            return None;
        }
        let mut copy = self.definition(file, pointer, reference, at, diags)?;
        self.inlining.push(key);
        self.rewrite(&mut copy, file, diags);
        self.inlining.pop();
        Some(copy)
    }

    fn definition(&mut self, file: &Path, pointer: &str, reference: &str, at: Span, diags: &mut Diagnostics) -> Option<Node> {
        if !self.files.contains_key(file) {
            let node = (self.read)(file, at, diags).map(|(_, n)| n);
            self.files.insert(file.to_path_buf(), node);
        }
        let doc = self.files.get(file)?.as_ref()?;
        match refs::lookup(doc, pointer) {
            Ok(node) => Some(node.clone()),
            Err(_) => {
                diags.push(
                    Diagnostic::error(
                        at,
                        format!("`$ref: {reference}` does not resolve: `{}` has no `#{pointer}`", file.display()),
                    )
                    .with_code(codes::BAD_VALUE),
                );
                None
            }
        }
    }

    /// Copies the definition at `pointer` in `file` into the entry document
    /// (once) and returns its local pointer.
    fn place(&mut self, file: &Path, pointer: &str, reference: &str, at: Span, diags: &mut Diagnostics) -> Option<String> {
        let key = (file.to_path_buf(), pointer.to_owned());
        if let Some(local) = self.placed.get(&key) {
            return Some(local.clone());
        }
        let definition = self.definition(file, pointer, reference, at, diags)?;
        let tokens = refs::split_pointer(pointer).unwrap_or_default();
        let (kind, wanted) = match tokens.as_slice() {
            [c, kind, name] if c == "components" => (kind.clone(), name.clone()),
            [d, name] if d == "definitions" => ("schemas".to_owned(), name.clone()),
            [] => (
                "schemas".to_owned(),
                crate::names::camel(&file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()),
            ),
            _ => return None,
        };
        let mut name = wanted.clone();
        let mut n = 2;
        while self.taken.contains(&(kind.clone(), name.clone())) {
            name = format!("{wanted}{n}");
            n += 1;
        }
        self.taken.insert((kind.clone(), name.clone()));
        let local = refs::join(&refs::join("/components", &kind), &name);
        // Recorded before the copy is rewritten, so definitions that refer
        // to each other (or themselves) end.
        self.placed.insert(key, local.clone());
        let mut copy = definition;
        self.rewrite(&mut copy, file, diags);
        self.added.push((kind, name, copy));
        Some(local)
    }
}

/// Adds the copies under `components.<kind>` of `root`.
fn insert(root: &mut Node, added: Vec<(String, String, Node)>) {
    let root_span = root.span;
    let Value::Map(top) = &mut root.value else { return };
    if top.get("components").is_none() {
        top.entries.push((key("components", root_span), map_node(root_span)));
    }
    let Some((_, components)) = top.entries.iter_mut().find(|(k, _)| k.name == "components") else {
        return;
    };
    for (kind, name, node) in added {
        let Value::Map(kinds) = &mut components.value else { return };
        if kinds.get(&kind).is_none() {
            kinds.entries.push((key(&kind, node.span), map_node(node.span)));
        }
        if let Some((
            _,
            Node {
                value: Value::Map(defs), ..
            },
        )) = kinds.entries.iter_mut().find(|(k, _)| k.name == kind)
        {
            defs.entries.push((key(&name, node.span), node));
        }
    }
}

fn key(name: &str, span: Span) -> Key {
    Key {
        name: name.to_owned(),
        span,
    }
}

fn map_node(span: Span) -> Node {
    Node {
        span,
        value: Value::Map(Map::default()),
        quoted: false,
    }
}
