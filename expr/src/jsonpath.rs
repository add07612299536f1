//! `jsonpath` Criterion conditions (RFC 9535), evaluated against the criterion's context value.
//!
//! Arazzo says a jsonpath criterion passes when the query's nodelist is non-empty, so the
//! canonical form is a node-selecting query such as `$[?count(@.pets) > 0]`. Real documents,
//! however, mostly write a *logical expression over queries* — `$.autofix.status == "completed"`
//! — which is not an RFC 9535 query at all. Rejecting those would reject the documents this
//! project exists to run, so both forms are accepted:
//!
//! 1. anything [`serde_json_path`] parses as a query is a query (pass = non-empty nodelist);
//! 2. otherwise the text is read as an RFC 9535 *filter expression* in which `$` is the context
//!    value: `||`, `&&`, `!`, parentheses, comparisons between literals, singular queries and
//!    the standard functions (`length`, `count`, `value`, `match`, `search`), and bare queries as
//!    existence tests. Comparison follows RFC 9535 exactly (case-sensitive strings, no type
//!    coercion, a query selecting nothing is "Nothing", equal only to Nothing).
//!
//! Each query inside a logical expression is cut out by a small scanner (which respects quotes
//! and bracket nesting) and parsed by `serde_json_path`, so query semantics are never
//! re-implemented here.
//!
//! One JavaScript reading is kept, because documents rely on it and RFC 9535 would make it
//! silently false: a compared singular query ending in `.length` (`$.result.length == 0`)
//! is the length of the array or string before it, as in JavaScript evaluators; when that
//! value is anything else the query is read as RFC 9535 reads it (a member named `length`).
//! The generator warns about it and shows the RFC form, `length($.result) == 0`.

use crate::condition::ComparisonOp;
use crate::scan::{self, Cursor, describe_at, describe_word, is_blank};
use crate::{ParseError, compare};
use serde_json::Value;
use serde_json_path::JsonPath;
use std::borrow::Cow;

/// Nesting beyond this (brackets, parentheses) is rejected up front so neither our
/// recursive parser nor `serde_json_path`'s can exhaust the stack.
const MAX_DEPTH: usize = 64;

/// `serde_json_path` re-parses a nested filter once per enclosing filter, so its parse time
/// doubles with every level of `[...]` nesting; real conditions nest two or three levels.
const MAX_BRACKET_DEPTH: usize = 8;

/// A parsed `jsonpath` condition.
#[derive(Debug, Clone)]
pub struct JsonPathCondition {
    source: String,
    kind: Kind,
    /// Goessner's dialect: a query ending in `.length`, read as JavaScript reads it.
    goessner_length: Option<JsonPath>,
    comparisons: Vec<LiteralComparison>,
    queries: Vec<SingularQuery>,
}

/// A singular query in the condition (`$.a['b'][0]`), with where each of
/// its segments is written, for schema checks of what it can select.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SingularQuery {
    /// The segments from the context value, in order.
    pub segments: Vec<QuerySegment>,
    /// Byte range of the whole query in the condition.
    pub range: std::ops::Range<usize>,
    /// Compared, and its last segment is `.length`: evaluated as the length
    /// of the array or string the rest selects (the JavaScript reading).
    pub length_read: bool,
}

/// One segment of a [`SingularQuery`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuerySegment {
    /// The member name, or the index as written.
    pub name: String,
    /// `[3]` rather than `.name` / `['name']`.
    pub is_index: bool,
    /// Byte range in the condition of the name or index itself.
    pub range: std::ops::Range<usize>,
}

/// `$.a.b == "x"` (or `!=`) in a logical expression: a singular query
/// compared with a string literal. The generator checks these against the
/// schema's enum (a typo such as `"complete"` for `completed` never matches).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiteralComparison {
    /// The query's member names and indices, from the context value.
    pub path: Vec<String>,
    /// The literal's value.
    pub literal: String,
    /// Byte offset of the literal (its opening quote) in the condition.
    pub literal_offset: usize,
}

#[derive(Debug, Clone)]
enum Kind {
    Query(JsonPath),
    Logical(LNode),
}

#[derive(Debug, Clone)]
enum LNode {
    Or(Vec<LNode>),
    And(Vec<LNode>),
    Not(Box<LNode>),
    Exists(JsonPath),
    Logical(FuncCall),
    Compare(Comparable, ComparisonOp, Comparable),
}

#[derive(Debug, Clone)]
enum Comparable {
    Literal(Value),
    Query(JsonPath),
    /// `$.x.length`: the length of what `parent` selects when that is an
    /// array or a string, else what `path` selects.
    Length {
        path: JsonPath,
        parent: JsonPath,
    },
    Func(FuncCall),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Func {
    Length,
    Count,
    Value,
    Match,
    Search,
}

impl Func {
    fn name(self) -> &'static str {
        match self {
            Func::Length => "length",
            Func::Count => "count",
            Func::Value => "value",
            Func::Match => "match",
            Func::Search => "search",
        }
    }

    fn is_logical(self) -> bool {
        matches!(self, Func::Match | Func::Search)
    }
}

#[derive(Debug, Clone)]
struct FuncCall {
    func: Func,
    args: Vec<Arg>,
}

#[derive(Debug, Clone)]
enum Arg {
    Literal(Value),
    Query(JsonPath),
    Func(Box<FuncCall>),
}

impl JsonPathCondition {
    /// Parses `s` as an RFC 9535 query, or failing that as a logical expression over queries.
    pub fn parse(s: &str) -> Result<JsonPathCondition, ParseError> {
        check_nesting(s)?;
        let lead = s.len() - s.trim_start_matches(is_blank).len();
        let trimmed = s.trim_matches(is_blank);
        if trimmed.is_empty() {
            return Err(ParseError::new(lead, "empty JSONPath condition"));
        }
        let (kind, comparisons, queries) = match JsonPath::parse(trimmed) {
            Ok(path) => {
                let queries = singular_segments(trimmed, lead)
                    .map(|segments| SingularQuery {
                        segments,
                        range: lead..lead + trimmed.len(),
                        length_read: false,
                    })
                    .into_iter()
                    .collect();
                (Kind::Query(path), Vec::new(), queries)
            }
            Err(_) => {
                let (node, comparisons, queries) = parse_logical(s)?;
                (Kind::Logical(node), comparisons, queries)
            }
        };
        Ok(JsonPathCondition {
            source: s.to_string(),
            kind,
            goessner_length: None,
            comparisons,
            queries,
        })
    }

    /// Parses `s` as `draft-goessner-dispatch-jsonpath-00` (see [`crate::goessner`]): a plain
    /// query, without filters or script expressions (refused with `unsupported` in the message
    /// and the construct's offset), whose trailing `.length` is JavaScript's.
    pub fn parse_goessner(s: &str) -> Result<JsonPathCondition, ParseError> {
        if let Some((offset, what)) = crate::goessner::unfaithful(s) {
            return Err(ParseError::new(offset, format!("unsupported: {what}")));
        }
        let mut parsed = JsonPathCondition::parse(s)?;
        if parsed.is_logical_expression() {
            return Err(ParseError::new(
                0,
                "unsupported: a comparison outside a filter (Goessner's JSONPath has none)",
            ));
        }
        parsed.goessner_length = crate::goessner::length_parent(s);
        if parsed.goessner_length.is_some() {
            // Schema checks follow the array or string whose length is read.
            for query in &mut parsed.queries {
                query.segments.pop();
            }
        }
        Ok(parsed)
    }

    /// For a Goessner query ending in `.length`, the query before it.
    pub fn goessner_length(&self) -> Option<&JsonPath> {
        self.goessner_length.as_ref()
    }

    /// Equality comparisons of a singular query with a string literal.
    pub fn literal_comparisons(&self) -> &[LiteralComparison] {
        &self.comparisons
    }

    /// Every singular query in the condition (compared, tested or a
    /// function argument), in the order written.
    pub fn singular_queries(&self) -> &[SingularQuery] {
        &self.queries
    }

    /// The text this condition was parsed from.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// True when the condition is a logical expression (`$.a == 1`) rather than a plain query.
    pub fn is_logical_expression(&self) -> bool {
        matches!(self.kind, Kind::Logical(_))
    }

    /// Evaluates against `context` (bound to `$`): a query passes when it selects at least one
    /// node, a logical expression when it is true.
    pub fn evaluate(&self, context: &Value) -> bool {
        match &self.kind {
            Kind::Query(_)
                if self
                    .goessner_length
                    .as_ref()
                    .is_some_and(|p| crate::goessner::length_of(p, context).is_some()) =>
            {
                true
            }
            Kind::Query(path) => !path.query(context).is_empty(),
            Kind::Logical(node) => eval(node, context),
        }
    }
}

/// Rejects nesting deeper than [`MAX_DEPTH`] before any recursive parser sees the text.
/// A `\u` escape needs four hex digits (and a high surrogate a `\uXXXX` low one after it).
/// serde_json_path 0.7 panics (`unreachable!`) on a string that ends inside one, so it is
/// refused here first. `u_at` is the byte offset of the `u`.
fn check_unicode_escape(s: &str, u_at: usize) -> Result<(), ParseError> {
    let hex = |from: usize| s.get(from..from + 4).filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
    let error = || {
        ParseError::new(
            u_at.saturating_sub(1),
            "incomplete \\u escape: expected four hex digits, as in \\u00e9",
        )
    };
    let digits = hex(u_at + 1).ok_or_else(error)?;
    let high_surrogate = u16::from_str_radix(digits, 16).is_ok_and(|v| (0xD800..0xDC00).contains(&v));
    if high_surrogate && (s.get(u_at + 5..u_at + 7) != Some("\\u") || hex(u_at + 7).is_none()) {
        return Err(ParseError::new(
            u_at.saturating_sub(1),
            "a \\u escape of a high surrogate (D800-DBFF) must be followed by a \\u escape of a low one",
        ));
    }
    Ok(())
}

fn check_nesting(s: &str) -> Result<(), ParseError> {
    let mut depth = 0usize;
    let mut brackets = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
                if c == 'u' {
                    check_unicode_escape(s, i)?;
                }
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => quote = Some(c),
            '(' | '[' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(ParseError::new(
                        i,
                        format!("JSONPath condition is nested more than {MAX_DEPTH} levels deep"),
                    ));
                }
                if c == '[' {
                    brackets += 1;
                    if brackets > MAX_BRACKET_DEPTH {
                        return Err(ParseError::new(
                            i,
                            format!("JSONPath brackets nested more than {MAX_BRACKET_DEPTH} levels deep are not supported"),
                        ));
                    }
                }
            }
            ')' => depth = depth.saturating_sub(1),
            ']' => {
                depth = depth.saturating_sub(1);
                brackets = brackets.saturating_sub(1);
            }
            _ => {}
        }
    }
    Ok(())
}

fn parse_logical(s: &str) -> Result<(LNode, Vec<LiteralComparison>, Vec<SingularQuery>), ParseError> {
    let mut p = LParser {
        cur: Cursor::new(s, 0),
        depth: 0,
        comparisons: Vec::new(),
        queries: Vec::new(),
    };
    p.cur.skip_blanks();
    let node = p.or()?;
    p.cur.skip_blanks();
    if !p.cur.at_end() {
        let message = if p.cur.peek() == Some(')') {
            "unmatched ')'".to_string()
        } else {
            format!("expected '&&', '||' or the end of the condition, found {}", p.here())
        };
        return Err(p.cur.error(message));
    }
    Ok((node, p.comparisons, p.queries))
}

/// A parsed operand before we know whether it is compared or tested.
enum Prim {
    Literal(Value),
    Query {
        path: JsonPath,
        singular: bool,
        text: (usize, usize),
    },
    Func(FuncCall),
}

struct LParser<'a> {
    cur: Cursor<'a>,
    depth: usize,
    comparisons: Vec<LiteralComparison>,
    queries: Vec<SingularQuery>,
}

/// The member names and indices of a singular query such as `$.a['b'][0]`;
/// `None` for anything else (escapes in names are left to `None` too, as a
/// conservative skip of the schema check).
fn singular_path(query: &str) -> Option<Vec<String>> {
    singular_segments(query, 0).map(|s| s.into_iter().map(|s| s.name).collect())
}

/// [`singular_path`] with where each segment is written; `at` is the
/// query's byte offset in the condition.
pub(crate) fn singular_segments(query: &str, at: usize) -> Option<Vec<QuerySegment>> {
    // Every `rest` below is a suffix of `query`, so its offset is the length difference.
    let offset = |rest: &str| at + query.len() - rest.len();
    let mut rest = query.trim_start().strip_prefix('$')?.trim_end();
    let mut segments = Vec::new();
    while !rest.is_empty() {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix('.') {
            let end = after.find(|c: char| !is_name_char(c)).unwrap_or(after.len());
            let name = after.get(..end)?;
            if name.is_empty() {
                return None;
            }
            let start = offset(after);
            segments.push(QuerySegment {
                name: name.to_owned(),
                is_index: false,
                range: start..start + name.len(),
            });
            rest = after.get(end..)?;
        } else if let Some(after) = rest.strip_prefix('[') {
            let close = after.find(']')?;
            let inner = after.get(..close)?.trim();
            let start = offset(after) + (after.len() - after.trim_start().len());
            let (name, is_index, start) = match inner.chars().next()? {
                q @ ('\'' | '"') => {
                    let name = inner.strip_prefix(q)?.strip_suffix(q)?;
                    if name.contains('\\') {
                        return None;
                    }
                    (name, false, start + 1)
                }
                _ if inner.chars().all(|c| c.is_ascii_digit()) => (inner, true, start),
                _ => return None,
            };
            segments.push(QuerySegment {
                name: name.to_owned(),
                is_index,
                range: start..start + name.len(),
            });
            rest = after.get(close + 1..)?;
        } else {
            return None;
        }
    }
    Some(segments)
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || !c.is_ascii()
}

impl LParser<'_> {
    fn here(&self) -> String {
        describe_at(self.cur.src(), self.cur.pos)
    }

    fn or(&mut self) -> Result<LNode, ParseError> {
        let mut items = vec![self.and()?];
        loop {
            let save = self.cur.pos;
            self.cur.skip_blanks();
            if self.cur.eat_str("||") {
                items.push(self.and()?);
            } else {
                self.cur.pos = save;
                break;
            }
        }
        Ok(single_or(items, LNode::Or))
    }

    fn and(&mut self) -> Result<LNode, ParseError> {
        let mut items = vec![self.basic()?];
        loop {
            let save = self.cur.pos;
            self.cur.skip_blanks();
            if self.cur.eat_str("&&") {
                items.push(self.basic()?);
            } else {
                self.cur.pos = save;
                break;
            }
        }
        Ok(single_or(items, LNode::And))
    }

    fn basic(&mut self) -> Result<LNode, ParseError> {
        if self.depth >= MAX_DEPTH {
            return Err(self
                .cur
                .error(format!("JSONPath condition is nested more than {MAX_DEPTH} levels deep")));
        }
        self.depth += 1;
        let node = self.basic_inner();
        self.depth -= 1;
        node
    }

    fn basic_inner(&mut self) -> Result<LNode, ParseError> {
        self.cur.skip_blanks();
        if self.cur.peek() == Some('!') && self.cur.peek_second() != Some('=') {
            self.cur.bump();
            self.cur.skip_blanks();
            if self.cur.peek() == Some('(') {
                return Ok(LNode::Not(Box::new(self.group()?)));
            }
            let start = self.cur.pos;
            let prim = self.primary()?;
            let save = self.cur.pos;
            self.cur.skip_blanks();
            if let Some(op) = ComparisonOp::lex(&mut self.cur)? {
                return Err(ParseError::new(
                    save,
                    format!(
                        "'!' applies only to the query right after it; write !(a {} b) to negate a comparison",
                        op.as_str()
                    ),
                ));
            }
            self.cur.pos = save;
            return Ok(LNode::Not(Box::new(test(prim, start)?)));
        }
        if self.cur.peek() == Some('(') {
            return self.group();
        }
        let left_at = self.cur.pos;
        let left = self.primary()?;
        let save = self.cur.pos;
        self.cur.skip_blanks();
        let Some(op) = ComparisonOp::lex(&mut self.cur)? else {
            self.cur.pos = save;
            return test(left, left_at);
        };
        self.cur.skip_blanks();
        let right_at = self.cur.pos;
        if self.cur.at_end() {
            return Err(self
                .cur
                .error(format!("expected a value after '{}', found the end of the condition", op.as_str())));
        }
        let right = self.primary()?;
        if matches!(op, ComparisonOp::Eq | ComparisonOp::Ne) {
            self.record(&left, left_at, &right, right_at);
        }
        let left = self.comparable(left, left_at)?;
        let right = self.comparable(right, right_at)?;
        let save = self.cur.pos;
        self.cur.skip_blanks();
        let chain_at = self.cur.pos;
        if ComparisonOp::lex(&mut self.cur)?.is_some() {
            return Err(ParseError::new(chain_at, "comparisons cannot be chained; combine them with '&&'"));
        }
        self.cur.pos = save;
        Ok(LNode::Compare(left, op, right))
    }

    /// [`comparable`], reading a trailing `.length` the JavaScript way.
    fn comparable(&mut self, prim: Prim, at: usize) -> Result<Comparable, ParseError> {
        match prim {
            Prim::Query {
                path,
                singular: true,
                text: (start, end),
            } => {
                let parent = self.cur.slice(start, end).trim_end().strip_suffix(".length");
                if let Some(parent) = parent.and_then(|p| JsonPath::parse(p).ok()) {
                    if let Some(query) = self.queries.iter_mut().rev().find(|q| q.range.start == start) {
                        query.length_read = true;
                    }
                    return Ok(Comparable::Length { path, parent });
                }
                Ok(Comparable::Query(path))
            }
            prim => comparable(prim, at),
        }
    }

    /// Remembers `query == "literal"` (either way round) for schema checks.
    fn record(&mut self, left: &Prim, left_at: usize, right: &Prim, right_at: usize) {
        let (query, literal, literal_offset) = match (left, right) {
            (Prim::Query { singular: true, text, .. }, Prim::Literal(Value::String(l))) => (*text, l, right_at),
            (Prim::Literal(Value::String(l)), Prim::Query { singular: true, text, .. }) => (*text, l, left_at),
            _ => return,
        };
        let Some(path) = self.cur.src().get(query.0..query.1).and_then(singular_path) else {
            return;
        };
        self.comparisons.push(LiteralComparison {
            path,
            literal: literal.clone(),
            literal_offset,
        });
    }

    fn group(&mut self) -> Result<LNode, ParseError> {
        let open = self.cur.pos;
        self.cur.bump();
        let inner = self.or()?;
        self.cur.skip_blanks();
        if self.cur.eat(')') {
            Ok(inner)
        } else {
            Err(self
                .cur
                .error(format!("expected ')' to close the '(' at byte {open}, found {}", self.here())))
        }
    }

    fn primary(&mut self) -> Result<Prim, ParseError> {
        let start = self.cur.pos;
        match self.cur.peek() {
            Some('$') => {
                if self.cur.peek_second().is_some_and(|c| c.is_ascii_alphabetic()) {
                    let word = self
                        .cur
                        .take_while(|c| !is_blank(c) && !matches!(c, '=' | '!' | '<' | '>' | '&' | '|' | ')'));
                    return Err(ParseError::new(
                        start,
                        format!(
                            "{} looks like an Arazzo runtime expression, which a jsonpath condition cannot use; queries start with '$.' or '$[' and read the criterion's context",
                            describe_word(word)
                        ),
                    ));
                }
                let (path, singular) = self.query()?;
                if singular && let Some(segments) = singular_segments(self.cur.slice(start, self.cur.pos), start) {
                    self.queries.push(SingularQuery {
                        segments,
                        range: start..self.cur.pos,
                        length_read: false,
                    });
                }
                Ok(Prim::Query {
                    path,
                    singular,
                    text: (start, self.cur.pos),
                })
            }
            Some('@') => Err(self
                .cur
                .error("'@' (the current node) only has a meaning inside a filter '[?...]'; use '$' for the context value")),
            Some(q @ ('"' | '\'')) => Ok(Prim::Literal(Value::String(scan::backslash_string(&mut self.cur, q)?))),
            Some('-' | '0'..='9') => Ok(Prim::Literal(Value::Number(scan::number(&mut self.cur)?))),
            Some(c) if c.is_ascii_alphabetic() => {
                let word = self.cur.take_while(|c| c.is_ascii_alphanumeric() || c == '_');
                match word {
                    "true" => Ok(Prim::Literal(Value::Bool(true))),
                    "false" => Ok(Prim::Literal(Value::Bool(false))),
                    "null" => Ok(Prim::Literal(Value::Null)),
                    _ if self.cur.peek() == Some('(') => Ok(Prim::Func(self.call(word, start)?)),
                    _ => Err(ParseError::new(
                        start,
                        format!("unexpected {}; strings must be quoted, as in \"{word}\"", describe_word(word)),
                    )),
                }
            }
            _ => Err(self.cur.error(format!(
                "expected a JSONPath query, a literal or a function call, found {}",
                self.here()
            ))),
        }
    }

    /// Cuts an RFC 9535 query out of the text and parses it with `serde_json_path`.
    fn query(&mut self) -> Result<(JsonPath, bool), ParseError> {
        let start = self.cur.pos;
        self.cur.bump();
        let mut singular = true;
        loop {
            let save = self.cur.pos;
            self.cur.skip_blanks();
            if self.cur.eat_str("..") {
                singular = false;
                if self.cur.peek() == Some('[') {
                    self.bracket()?;
                } else if !self.cur.eat('*') {
                    self.cur.take_while(is_name_char);
                }
            } else if self.cur.eat('.') {
                if self.cur.eat('*') {
                    singular = false;
                } else {
                    self.cur.take_while(is_name_char);
                }
            } else if self.cur.peek() == Some('[') {
                let inner = self.bracket()?;
                singular &= is_singular_selector(inner);
            } else {
                self.cur.pos = save;
                break;
            }
        }
        let text = self.cur.slice(start, self.cur.pos);
        let path = JsonPath::parse(text).map_err(|e| {
            let message = match e.message() {
                "parser error" => "invalid JSONPath query syntax".to_string(),
                m => format!("invalid JSONPath query: {m}"),
            };
            ParseError::new(start + e.position().min(text.len()), message)
        })?;
        Ok((path, singular))
    }

    /// Skips a `[...]` segment (quotes and nested brackets respected); returns its inside.
    fn bracket(&mut self) -> Result<&str, ParseError> {
        let open = self.cur.pos;
        self.cur.bump();
        let inner_start = self.cur.pos;
        let mut depth = 1usize;
        loop {
            let at = self.cur.pos;
            match self.cur.bump() {
                None => return Err(ParseError::new(open, "unclosed '[' in JSONPath query")),
                Some(q @ ('\'' | '"')) => {
                    self.cur.pos = at;
                    scan::backslash_string(&mut self.cur, q)?;
                }
                Some('[') => depth += 1,
                Some(']') => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(self.cur.slice(inner_start, at));
                    }
                }
                Some(_) => {}
            }
        }
    }

    fn call(&mut self, name: &str, start: usize) -> Result<FuncCall, ParseError> {
        let func = match name {
            "length" => Func::Length,
            "count" => Func::Count,
            "value" => Func::Value,
            "match" => Func::Match,
            "search" => Func::Search,
            _ => {
                return Err(ParseError::new(
                    start,
                    format!("unknown function '{name}'; RFC 9535 defines length, count, value, match and search"),
                ));
            }
        };
        if self.depth >= MAX_DEPTH {
            return Err(self
                .cur
                .error(format!("JSONPath condition is nested more than {MAX_DEPTH} levels deep")));
        }
        self.depth += 1;
        let args = self.args(func);
        self.depth -= 1;
        let args = args?;
        let arity = if matches!(func, Func::Match | Func::Search) { 2 } else { 1 };
        if args.len() != arity {
            return Err(ParseError::new(
                start,
                format!(
                    "{name}() takes {arity} argument{}, found {}",
                    if arity == 1 { "" } else { "s" },
                    args.len()
                ),
            ));
        }
        Ok(FuncCall { func, args })
    }

    fn args(&mut self, func: Func) -> Result<Vec<Arg>, ParseError> {
        self.cur.bump();
        let mut args = Vec::new();
        self.cur.skip_blanks();
        if self.cur.eat(')') {
            return Ok(args);
        }
        loop {
            self.cur.skip_blanks();
            let at = self.cur.pos;
            let arg = match self.primary()? {
                Prim::Literal(v) => Arg::Literal(v),
                Prim::Query { path, .. } => Arg::Query(path),
                Prim::Func(call) if call.func.is_logical() => {
                    return Err(ParseError::new(
                        at,
                        format!("{}() returns a logical value and cannot be a function argument", call.func.name()),
                    ));
                }
                Prim::Func(call) => Arg::Func(Box::new(call)),
            };
            if matches!(func, Func::Count | Func::Value) && !matches!(arg, Arg::Query(_)) {
                return Err(ParseError::new(at, format!("{}() takes a query argument", func.name())));
            }
            args.push(arg);
            self.cur.skip_blanks();
            if self.cur.eat(')') {
                return Ok(args);
            }
            if !self.cur.eat(',') {
                return Err(self.cur.error(format!(
                    "expected ',' or ')' in the arguments of {}(), found {}",
                    func.name(),
                    self.here()
                )));
            }
        }
    }
}

/// `['name']`, `["name"]` and `[3]` select at most one node; anything else may select more.
fn is_singular_selector(inner: &str) -> bool {
    let t = inner.trim_matches(is_blank);
    if let Some(q @ ('\'' | '"')) = t.chars().next() {
        let mut cur = Cursor::new(t, 0);
        return scan::backslash_string(&mut cur, q).is_ok() && cur.at_end();
    }
    let digits = t.strip_prefix('-').unwrap_or(t);
    !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
}

fn test(prim: Prim, at: usize) -> Result<LNode, ParseError> {
    match prim {
        Prim::Query { path, .. } => Ok(LNode::Exists(path)),
        Prim::Func(call) if call.func.is_logical() => Ok(LNode::Logical(call)),
        Prim::Func(call) => Err(ParseError::new(
            at,
            format!(
                "{name}() returns a value, not a condition; compare it, as in {name}(...) > 0",
                name = call.func.name()
            ),
        )),
        Prim::Literal(_) => Err(ParseError::new(
            at,
            "a literal on its own is not a condition; compare it with a query",
        )),
    }
}

fn comparable(prim: Prim, at: usize) -> Result<Comparable, ParseError> {
    match prim {
        Prim::Literal(v) => Ok(Comparable::Literal(v)),
        Prim::Query { path, singular: true, .. } => Ok(Comparable::Query(path)),
        Prim::Query { singular: false, .. } => Err(ParseError::new(
            at,
            "only singular queries (member names and array indices, like $.a[0].b) can be compared; use a filter such as $[?@.x == 1] to test many nodes",
        )),
        Prim::Func(call) if call.func.is_logical() => Err(ParseError::new(
            at,
            format!("{}() returns a logical value and cannot be compared", call.func.name()),
        )),
        Prim::Func(call) => Ok(Comparable::Func(call)),
    }
}

fn eval(node: &LNode, root: &Value) -> bool {
    match node {
        LNode::Or(items) => items.iter().any(|n| eval(n, root)),
        LNode::And(items) => items.iter().all(|n| eval(n, root)),
        LNode::Not(inner) => !eval(inner, root),
        LNode::Exists(path) => !path.query(root).is_empty(),
        LNode::Logical(call) => logical_call(call, root),
        LNode::Compare(a, op, b) => {
            let x = comparable_value(a, root);
            let y = comparable_value(b, root);
            let (x, y) = (x.as_deref(), y.as_deref());
            match op {
                ComparisonOp::Eq => compare::strict_eq(x, y),
                ComparisonOp::Ne => !compare::strict_eq(x, y),
                ComparisonOp::Lt => compare::strict_lt(x, y),
                ComparisonOp::Le => compare::strict_lt(x, y) || compare::strict_eq(x, y),
                ComparisonOp::Gt => compare::strict_lt(y, x),
                ComparisonOp::Ge => compare::strict_lt(y, x) || compare::strict_eq(x, y),
            }
        }
    }
}

/// A singular query's value, or Nothing (`None`) when it selects no node.
fn single<'a>(path: &JsonPath, root: &'a Value) -> Option<Cow<'a, Value>> {
    path.query(root).exactly_one().ok().map(Cow::Borrowed)
}

fn comparable_value<'a>(c: &'a Comparable, root: &'a Value) -> Option<Cow<'a, Value>> {
    match c {
        Comparable::Literal(v) => Some(Cow::Borrowed(v)),
        Comparable::Query(path) => single(path, root),
        Comparable::Length { path, parent } => match single(parent, root).as_deref() {
            Some(Value::Array(a)) => Some(Cow::Owned(Value::from(a.len()))),
            Some(Value::String(s)) => Some(Cow::Owned(Value::from(s.chars().count()))),
            _ => single(path, root),
        },
        Comparable::Func(call) => value_call(call, root),
    }
}

fn arg_value<'a>(arg: Option<&'a Arg>, root: &'a Value) -> Option<Cow<'a, Value>> {
    match arg? {
        Arg::Literal(v) => Some(Cow::Borrowed(v)),
        Arg::Query(path) => single(path, root),
        Arg::Func(call) => value_call(call, root),
    }
}

fn value_call<'a>(call: &'a FuncCall, root: &'a Value) -> Option<Cow<'a, Value>> {
    let first = call.args.first();
    match call.func {
        Func::Length => {
            let n = match arg_value(first, root)?.as_ref() {
                Value::String(s) => s.chars().count(),
                Value::Array(a) => a.len(),
                Value::Object(o) => o.len(),
                _ => return None,
            };
            Some(Cow::Owned(Value::from(n)))
        }
        Func::Count => match first? {
            Arg::Query(path) => Some(Cow::Owned(Value::from(path.query(root).len()))),
            _ => None,
        },
        Func::Value => match first? {
            Arg::Query(path) => single(path, root),
            _ => None,
        },
        Func::Match | Func::Search => None,
    }
}

fn logical_call(call: &FuncCall, root: &Value) -> bool {
    let subject = arg_value(call.args.first(), root);
    let pattern = arg_value(call.args.get(1), root);
    let (Some(Value::String(subject)), Some(Value::String(pattern))) = (subject.as_deref(), pattern.as_deref()) else {
        return false;
    };
    let build = |p: &str| regex::RegexBuilder::new(p).size_limit(1 << 20).build();
    // RFC 9535: an invalid pattern makes the function false rather than an error. The pattern
    // is checked on its own first so that wrapping it for `match` cannot change its meaning.
    let Ok(re) = build(pattern) else {
        return false;
    };
    if call.func == Func::Match {
        // I-Regexp `match` must cover the whole string.
        build(&format!(r"\A(?:{pattern})\z")).is_ok_and(|re| re.is_match(subject))
    } else {
        re.is_match(subject)
    }
}

/// Collapses a one-item `||`/`&&` list to the item itself so the tree has no trivial nodes.
fn single_or(mut items: Vec<LNode>, wrap: fn(Vec<LNode>) -> LNode) -> LNode {
    match (items.pop(), items.is_empty()) {
        (Some(only), true) => only,
        (Some(last), false) => {
            items.push(last);
            wrap(items)
        }
        (None, _) => wrap(items),
    }
}
