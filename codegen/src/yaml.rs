//! A YAML/JSON document tree in which every node and every mapping key knows
//! its `file:line:column`.
//!
//! We build our own tree from `saphyr-parser` events rather than use a
//! serde-based loader: serde drops positions, and diagnostics that cannot say
//! where the problem is are the thing this project exists to avoid. JSON is a
//! subset of YAML 1.2, so one loader reads both. Plain scalars are resolved by
//! the YAML 1.2 core schema (so `yes` is a string, as in JSON-compatible specs).

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, Span as YSpan};

use crate::diagnostics::Diagnostic;
use crate::source::{FileId, Pos, Span};

/// A node and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub span: Span,
    pub value: Value,
    /// Whether the scalar was quoted in the source; diagnostics use it to point
    /// inside the scalar at the right column.
    pub quoted: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(String),
    Seq(Vec<Node>),
    Map(Map),
}

/// A mapping key with its own position (diagnostics about a key point at it).
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub name: String,
    pub span: Span,
}

/// An ordered mapping with string keys.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map {
    pub entries: Vec<(Key, Node)>,
}

impl Map {
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entries.iter().find(|(k, _)| k.name == key).map(|(_, v)| v)
    }

    pub fn key(&self, key: &str) -> Option<&Key> {
        self.entries.iter().find(|(k, _)| k.name == key).map(|(k, _)| k)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Key, &Node)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(k, _)| k.name.as_str())
    }
}

impl Node {
    pub fn as_map(&self) -> Option<&Map> {
        match &self.value {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Seq(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match &self.value {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        self.as_map().and_then(|m| m.get(key))
    }

    /// A short name of the node's kind for messages ("a mapping", "a string").
    pub fn kind(&self) -> &'static str {
        match &self.value {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }

    /// The node as plain JSON, for payloads and schemas that are passed through.
    pub fn to_json(&self) -> serde_json::Value {
        match &self.value {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Number(n) => serde_json::Value::Number(n.clone()),
            Value::String(s) => serde_json::Value::String(s.clone()),
            Value::Seq(items) => serde_json::Value::Array(items.iter().map(Node::to_json).collect()),
            Value::Map(m) => serde_json::Value::Object(m.entries.iter().map(|(k, v)| (k.name.clone(), v.to_json())).collect()),
        }
    }

    /// Follows an RFC 6901 pointer (already split into unescaped tokens).
    pub fn pointer<'a, I: IntoIterator<Item = &'a str>>(&self, tokens: I) -> Option<&Node> {
        let mut node = self;
        for token in tokens {
            node = match &node.value {
                Value::Map(m) => m.get(token)?,
                Value::Seq(items) => {
                    if token.len() > 1 && token.starts_with('0') {
                        return None;
                    }
                    items.get(token.parse::<usize>().ok()?)?
                }
                _ => return None,
            };
        }
        Some(node)
    }
}

/// Hard cap on nodes created, aliases included, so that a hostile document
/// ("billion laughs") gives an error instead of exhausting memory.
const MAX_NODES: usize = 5_000_000;

/// Deepest nesting of sequences and mappings accepted. The tree builder and
/// every stage after it (bundling, schema lowering, type emission) recurse once
/// per level, so without a bound 3,000 nested `- ` (6 KB) overflow the stack of
/// the compiler running the macro. An inline object schema takes two levels
/// (`properties`, then the member), so 256 allows 120 nested objects; the whole
/// pipeline at this depth runs in a 2 MiB test thread (`tests/hardening.rs`).
pub(crate) const MAX_DEPTH: usize = 256;

/// Parses one YAML (or JSON) document. Every problem is reported as a
/// diagnostic; the parse stops at the first syntax error because the YAML
/// scanner cannot resynchronise after one.
pub fn parse(text: &str, file: FileId) -> Result<Node, Vec<Diagnostic>> {
    let mut builder = Builder {
        file,
        parser: Parser::new_from_str(text),
        anchors: HashMap::new(),
        errors: Vec::new(),
        nodes: 0,
        depth: 0,
    };
    let root = builder.document();
    if builder.errors.is_empty() {
        Ok(root.unwrap_or(Node {
            span: Span {
                file,
                start: Pos { line: 1, col: 1 },
                end: Pos { line: 1, col: 1 },
            },
            value: Value::Null,
            quoted: false,
        }))
    } else {
        Err(builder.errors)
    }
}

struct Builder<'a> {
    file: FileId,
    parser: Parser<'a, saphyr_parser::StrInput<'a>>,
    anchors: HashMap<usize, (Node, usize)>,
    errors: Vec<Diagnostic>,
    nodes: usize,
    /// Collections currently open around the node being built.
    depth: usize,
}

enum Step<'a> {
    Event(Event<'a>, YSpan),
    Eof,
}

impl<'a> Builder<'a> {
    fn span(&self, s: YSpan) -> Span {
        let pos = |m: saphyr_parser::Marker| Pos {
            line: u32::try_from(m.line()).unwrap_or(u32::MAX),
            col: u32::try_from(m.col() + 1).unwrap_or(u32::MAX),
        };
        Span {
            file: self.file,
            start: pos(s.start),
            end: pos(s.end),
        }
    }

    fn next(&mut self) -> Step<'a> {
        match self.parser.next_event() {
            Some(Ok((event, span))) => Step::Event(event, span),
            Some(Err(e)) => {
                let m = *e.marker();
                let span = self.span(YSpan::new(m, m));
                self.errors
                    .push(Diagnostic::error(span, format!("YAML syntax error: {}", e.info())));
                Step::Eof
            }
            None => Step::Eof,
        }
    }

    fn document(&mut self) -> Option<Node> {
        let mut root = None;
        loop {
            match self.next() {
                Step::Eof => return root,
                Step::Event(Event::StreamEnd, _) => return root,
                Step::Event(Event::StreamStart | Event::DocumentEnd | Event::Nothing, _) => {}
                Step::Event(Event::DocumentStart(_), span) => {
                    if root.is_some() {
                        let span = self.span(span);
                        self.errors.push(
                            Diagnostic::error(span, "expected one document, found a second one")
                                .with_help("remove the `---` separator and everything after it"),
                        );
                        return root;
                    }
                    match self.next() {
                        Step::Event(Event::DocumentEnd, _) => {}
                        Step::Event(event, span) => root = self.node(event, span),
                        Step::Eof => return root,
                    }
                }
                Step::Event(event, span) => root = self.node(event, span),
            }
            if !self.errors.is_empty() {
                return root;
            }
        }
    }

    fn count(&mut self, span: Span) -> bool {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            if self.errors.is_empty() {
                self.errors.push(Diagnostic::error(
                    span,
                    format!("document expands to more than {MAX_NODES} nodes (recursive or repeated aliases?)"),
                ));
            }
            return false;
        }
        true
    }

    /// Builds one node; collections count one level of [`MAX_DEPTH`] while open.
    fn node(&mut self, event: Event<'a>, yspan: YSpan) -> Option<Node> {
        if !matches!(event, Event::SequenceStart(..) | Event::MappingStart(..)) {
            return self.leaf_or_collection(event, yspan);
        }
        if self.depth >= MAX_DEPTH {
            let span = self.span(yspan);
            self.errors.push(
                Diagnostic::error(span, format!("nesting deeper than {MAX_DEPTH} levels of lists and mappings"))
                    .with_help("flatten the document, or move the nested part into a named component and `$ref` it"),
            );
            return None;
        }
        self.depth += 1;
        let node = self.leaf_or_collection(event, yspan);
        self.depth -= 1;
        node
    }

    fn leaf_or_collection(&mut self, event: Event<'a>, yspan: YSpan) -> Option<Node> {
        let span = self.span(yspan);
        let before = self.nodes;
        if !self.count(span) {
            return None;
        }
        match event {
            Event::Scalar(text, style, anchor, tag) => {
                let tag_suffix = tag.as_ref().map(|t| t.suffix.clone());
                let value = resolve_scalar(&text, style, tag_suffix.as_deref());
                let quoted = matches!(style, ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted);
                let node = Node { span, value, quoted };
                if anchor > 0 {
                    self.anchors.insert(anchor, (node.clone(), 1));
                }
                Some(node)
            }
            Event::Alias(id) => match self.anchors.get(&id) {
                Some((node, size)) => {
                    self.nodes = self.nodes.saturating_add(*size);
                    if self.nodes > MAX_NODES {
                        self.count(span);
                        return None;
                    }
                    Some(node.clone())
                }
                None => {
                    self.errors.push(Diagnostic::error(span, "alias refers to an unknown anchor"));
                    None
                }
            },
            Event::SequenceStart(anchor, _) => {
                let mut items = Vec::new();
                loop {
                    match self.next() {
                        Step::Event(Event::SequenceEnd, end) => {
                            let mut span = span;
                            span.end = self.span(end).end;
                            let node = Node {
                                span,
                                value: Value::Seq(items),
                                quoted: false,
                            };
                            if anchor > 0 {
                                let size = self.nodes - before;
                                self.anchors.insert(anchor, (node.clone(), size));
                            }
                            return Some(node);
                        }
                        Step::Event(ev, s) => {
                            let item = self.node(ev, s)?;
                            items.push(item);
                        }
                        Step::Eof => return None,
                    }
                }
            }
            Event::MappingStart(anchor, _) => {
                let mut map = Map::default();
                loop {
                    let (key_event, key_span) = match self.next() {
                        Step::Event(Event::MappingEnd, end) => {
                            let mut span = span;
                            span.end = self.span(end).end;
                            let node = Node {
                                span,
                                value: Value::Map(map),
                                quoted: false,
                            };
                            if anchor > 0 {
                                let size = self.nodes - before;
                                self.anchors.insert(anchor, (node.clone(), size));
                            }
                            return Some(node);
                        }
                        Step::Event(ev, s) => (ev, s),
                        Step::Eof => return None,
                    };
                    let key_node = self.node(key_event, key_span)?;
                    let value = match self.next() {
                        Step::Event(ev, s) => self.node(ev, s)?,
                        Step::Eof => return None,
                    };
                    let name = match &key_node.value {
                        Value::String(s) => s.clone(),
                        Value::Number(n) => n.to_string(),
                        Value::Bool(b) => b.to_string(),
                        Value::Null => "null".to_owned(),
                        Value::Seq(_) | Value::Map(_) => {
                            self.errors.push(Diagnostic::error(
                                key_node.span,
                                "mapping keys must be strings, found a complex key",
                            ));
                            continue;
                        }
                    };
                    if let Some(first) = map.key(&name) {
                        let first = first.span;
                        self.errors.push(
                            Diagnostic::error(key_node.span, format!("duplicate key `{name}`")).with_note(first, "first defined here"),
                        );
                        continue;
                    }
                    map.entries.push((Key { name, span: key_node.span }, value));
                }
            }
            Event::SequenceEnd | Event::MappingEnd => {
                self.errors.push(Diagnostic::error(span, "unexpected end of collection"));
                None
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentStart(_) | Event::DocumentEnd | Event::Nothing => None,
        }
    }
}

/// YAML 1.2 core schema resolution of a scalar.
fn resolve_scalar(text: &str, style: ScalarStyle, tag: Option<&str>) -> Value {
    match tag {
        Some("str") => return Value::String(text.to_owned()),
        Some("null") => return Value::Null,
        Some("bool") => {
            if let Some(b) = parse_bool(text) {
                return Value::Bool(b);
            }
        }
        Some("int" | "float") => {
            if let Some(n) = parse_number(text) {
                return Value::Number(n);
            }
        }
        _ => {}
    }
    if style != ScalarStyle::Plain {
        return Value::String(text.to_owned());
    }
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        _ => {}
    }
    if let Some(b) = parse_bool(text) {
        return Value::Bool(b);
    }
    if let Some(n) = parse_number(text) {
        return Value::Number(n);
    }
    Value::String(text.to_owned())
}

fn parse_bool(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

fn parse_number(text: &str) -> Option<serde_json::Number> {
    let bytes = text.as_bytes();
    let first = *bytes.first()?;
    if !(first.is_ascii_digit() || first == b'-' || first == b'+' || first == b'.') {
        return None;
    }
    if let Some(hex) = text.strip_prefix("0x") {
        return i64::from_str_radix(hex, 16).ok().map(Into::into);
    }
    if let Some(oct) = text.strip_prefix("0o") {
        return i64::from_str_radix(oct, 8).ok().map(Into::into);
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(i) = text.parse::<i64>() {
            return Some(i.into());
        }
        if let Ok(u) = text.parse::<u64>() {
            return Some(u.into());
        }
    }
    // YAML 1.2 core float: [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
    let valid_float = {
        let mut chars = digits.chars().peekable();
        let mut mantissa_digits = 0;
        while chars.peek().is_some_and(char::is_ascii_digit) {
            chars.next();
            mantissa_digits += 1;
        }
        if chars.peek() == Some(&'.') {
            chars.next();
            while chars.peek().is_some_and(char::is_ascii_digit) {
                chars.next();
                mantissa_digits += 1;
            }
        }
        let mut ok = mantissa_digits > 0;
        if ok && matches!(chars.peek(), Some('e' | 'E')) {
            chars.next();
            if matches!(chars.peek(), Some('+' | '-')) {
                chars.next();
            }
            let mut exp = 0;
            while chars.peek().is_some_and(char::is_ascii_digit) {
                chars.next();
                exp += 1;
            }
            ok = exp > 0;
        }
        ok && chars.next().is_none()
    };
    if valid_float {
        return text.parse::<f64>().ok().and_then(serde_json::Number::from_f64);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Node {
        match parse(text, FileId(0)) {
            Ok(node) => node,
            Err(errors) => panic!("unexpected errors: {errors:?}"),
        }
    }

    #[test]
    fn deep_nesting_is_a_located_error_not_a_stack_overflow() {
        // 3,000 nested block sequences: 6 KB that used to overflow the stack.
        let text = "- ".repeat(3_000) + "x\n";
        let errors = parse(&text, FileId(0)).expect_err("too deep");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].message.contains("nesting deeper than 256 levels"),
            "{}",
            errors[0].message
        );
        // The 257th `- ` is where the limit is crossed.
        let span = errors[0].span.expect("located");
        assert_eq!(span.start, Pos { line: 1, col: 2 * 256 + 1 });
        // Flow collections and mappings count the same way.
        let flow = "[".repeat(300) + &"]".repeat(300);
        assert!(parse(&flow, FileId(0)).is_err());
        let mut mapping = String::new();
        for level in 0..300 {
            mapping.push_str(&" ".repeat(level));
            mapping.push_str("a:\n");
        }
        assert!(
            parse(&mapping, FileId(0)).expect_err("too deep")[0]
                .message
                .contains("nesting deeper")
        );
    }

    #[test]
    fn nesting_up_to_the_limit_is_accepted() {
        let text = "- ".repeat(MAX_DEPTH) + "x\n";
        let node = load(&text);
        let mut depth = 0;
        let mut at = &node;
        while let Some([inner]) = at.as_seq() {
            depth += 1;
            at = inner;
        }
        assert_eq!(depth, MAX_DEPTH);
        assert_eq!(at.as_str(), Some("x"));
    }

    #[test]
    fn keys_and_values_have_positions() {
        let node = load("a: 1\nb:\n  c: 'x'\n");
        let map = node.as_map().expect("map");
        let b = map.get("b").expect("b");
        let c_key = b.as_map().expect("map").key("c").expect("c");
        assert_eq!(c_key.span.start, Pos { line: 3, col: 3 });
        let c = b.get("c").expect("c");
        assert_eq!(c.value, Value::String("x".into()));
        assert!(c.quoted);
        assert_eq!(c.span.start, Pos { line: 3, col: 6 });
    }

    #[test]
    fn core_schema_scalars() {
        let node = load("a: yes\nb: true\nc: 0x1F\nd: 1.5e3\ne: ~\nf: '1'\ng: 007\nh: .5\ni: 1.0.1\n");
        let j = node.to_json();
        assert_eq!(
            j,
            serde_json::json!({"a":"yes","b":true,"c":31,"d":1500.0,"e":null,"f":"1","g":7,"h":0.5,"i":"1.0.1"})
        );
    }

    #[test]
    fn json_is_accepted() {
        let node = load(r#"{"a": [1, {"b": "c"}], "d": null}"#);
        assert_eq!(node.to_json(), serde_json::json!({"a":[1,{"b":"c"}],"d":null}));
    }

    #[test]
    fn duplicate_keys_are_reported() {
        let errors = parse("a: 1\nb: 2\na: 3\n", FileId(0)).expect_err("duplicate");
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("duplicate key `a`"));
        assert_eq!(errors[0].span.map(|s| s.start), Some(Pos { line: 3, col: 1 }));
    }

    #[test]
    fn syntax_errors_have_positions() {
        let errors = parse("a: [1, 2\nb: c\n", FileId(0)).expect_err("syntax");
        assert!(errors[0].message.starts_with("YAML syntax error"));
        assert!(errors[0].span.is_some());
    }

    #[test]
    fn aliases_expand_and_are_bounded() {
        let node = load("a: &x {k: v}\nb: *x\n");
        assert_eq!(node.to_json(), serde_json::json!({"a":{"k":"v"},"b":{"k":"v"}}));
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let mut prev = 'a';
        for name in 'b'..='k' {
            bomb.push_str(&format!(
                "{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
            prev = name;
        }
        assert!(parse(&bomb, FileId(0)).is_err());
    }
}
