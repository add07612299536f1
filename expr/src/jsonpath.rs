//! `jsonpath` Criterion conditions (RFC 9535), evaluated against the criterion's context value.
//!
//! Arazzo says a jsonpath criterion passes when the query's nodelist is non-empty, so the
//! canonical form is a node-selecting query such as `$[?count(@.pets) > 0]`. Real documents,
//! however, mostly write a *logical expression over queries* — `$.autofix.status == "completed"`
//! — which is not an RFC 9535 query at all. Rejecting those would reject the documents this
//! project exists to run, so both forms are accepted:
//!
//! 1. anything that parses as an RFC 9535 query ([`crate::rfc9535`]) is a query (pass =
//!    non-empty nodelist);
//! 2. otherwise the text is read as an RFC 9535 *filter expression* in which `$` is the context
//!    value: `||`, `&&`, `!`, parentheses, comparisons between literals, singular queries and
//!    the standard functions (`length`, `count`, `value`, `match`, `search`), and bare queries as
//!    existence tests. Comparison follows RFC 9535 exactly (case-sensitive strings, no type
//!    coercion, a query selecting nothing is "Nothing", equal only to Nothing).
//!
//! Each query inside a logical expression is parsed by the RFC 9535 parser where it starts, and
//! the expression is built from the same AST ([`Logical`]), so the two forms share one
//! evaluator; generated code builds that AST directly ([`JsonPathCondition::from_parsed`]).
//!
//! One JavaScript reading is kept, because documents rely on it and RFC 9535 would make it
//! silently false: a compared singular query ending in `.length` (`$.result.length == 0`)
//! is the length of the array or string before it, as in JavaScript evaluators; when that
//! value is anything else the query is read as RFC 9535 reads it (a member named `length`).
//! The generator warns about it and shows the RFC form, `length($.result) == 0`.

use crate::ParseError;
use crate::condition::ComparisonOp;
use crate::rfc9535::{Comparable, FnArg, FnCall, Func, Logical, PathSegment, PathSelector, Query};
use crate::scan::{self, Cursor, describe_at, describe_word, is_blank};
use serde_json::Value;

/// Nesting beyond this (brackets, parentheses) is rejected up front so no recursive parser
/// can exhaust the stack.
const MAX_DEPTH: usize = crate::rfc9535::MAX_NESTING;

/// A parsed `jsonpath` condition.
#[derive(Debug, Clone)]
pub struct JsonPathCondition {
    source: String,
    kind: ConditionKind,
    /// Goessner's dialect: a query ending in `.length`, read as JavaScript reads it.
    goessner_length: Option<Query>,
    comparisons: Vec<LiteralComparison>,
    queries: Vec<SingularQuery>,
}

/// What a `jsonpath` condition is, parsed: generated code builds it from these constructors.
#[derive(Debug, Clone, PartialEq)]
pub enum ConditionKind {
    /// An RFC 9535 query: passes when it selects a node.
    Query(Query),
    /// A logical expression over queries, with `$` bound to the context value.
    Logical(Logical),
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

impl JsonPathCondition {
    /// Parses `s` as an RFC 9535 query, or failing that as a logical expression over queries.
    pub fn parse(s: &str) -> Result<JsonPathCondition, ParseError> {
        let lead = s.len() - s.trim_start_matches(is_blank).len();
        let trimmed = s.trim_matches(is_blank);
        if trimmed.is_empty() {
            return Err(ParseError::new(lead, "empty JSONPath condition"));
        }
        let (kind, comparisons, queries) = match Query::parse(trimmed) {
            Ok(path) => {
                let queries = singular_segments(trimmed, lead)
                    .map(|segments| SingularQuery {
                        segments,
                        range: lead..lead + trimmed.len(),
                        length_read: false,
                    })
                    .into_iter()
                    .collect();
                (ConditionKind::Query(path), Vec::new(), queries)
            }
            Err(_) => {
                let (node, comparisons, queries) = parse_logical(s)?;
                (ConditionKind::Logical(node), comparisons, queries)
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
    pub fn goessner_length(&self) -> Option<&Query> {
        self.goessner_length.as_ref()
    }

    /// The parsed condition.
    pub fn kind(&self) -> &ConditionKind {
        &self.kind
    }

    /// A condition from its parsed form (what generated code builds): `source` is the text it
    /// was parsed from, `goessner_length` the query before a Goessner `.length`. It carries no
    /// [`literal_comparisons`](Self::literal_comparisons) or
    /// [`singular_queries`](Self::singular_queries): those serve the generator's checks only.
    pub fn from_parsed(source: impl Into<String>, kind: ConditionKind, goessner_length: Option<Query>) -> JsonPathCondition {
        JsonPathCondition {
            source: source.into(),
            kind,
            goessner_length,
            comparisons: Vec::new(),
            queries: Vec::new(),
        }
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
        matches!(self.kind, ConditionKind::Logical(_))
    }

    /// Evaluates against `context` (bound to `$`): a query passes when it selects at least one
    /// node, a logical expression when it is true.
    pub fn evaluate(&self, context: &Value) -> bool {
        match &self.kind {
            ConditionKind::Query(_)
                if self
                    .goessner_length
                    .as_ref()
                    .is_some_and(|p| crate::goessner::length_of(p, context).is_some()) =>
            {
                true
            }
            ConditionKind::Query(path) => !path.select(context).is_empty(),
            ConditionKind::Logical(node) => node.holds(context, context),
        }
    }
}

fn parse_logical(s: &str) -> Result<(Logical, Vec<LiteralComparison>, Vec<SingularQuery>), ParseError> {
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
    Query { path: Query, singular: bool, text: (usize, usize) },
    Func(FnCall),
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

    fn or(&mut self) -> Result<Logical, ParseError> {
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
        Ok(single_or(items, Logical::Or))
    }

    fn and(&mut self) -> Result<Logical, ParseError> {
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
        Ok(single_or(items, Logical::And))
    }

    fn basic(&mut self) -> Result<Logical, ParseError> {
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

    fn basic_inner(&mut self) -> Result<Logical, ParseError> {
        self.cur.skip_blanks();
        if self.cur.peek() == Some('!') && self.cur.peek_second() != Some('=') {
            self.cur.bump();
            self.cur.skip_blanks();
            if self.cur.peek() == Some('(') {
                return Ok(Logical::Not(Box::new(self.group()?)));
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
            return Ok(Logical::Not(Box::new(test(prim, start)?)));
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
        Ok(Logical::Compare(left, op, right))
    }

    /// [`comparable`], reading a trailing `.length` the JavaScript way.
    fn comparable(&mut self, prim: Prim, at: usize) -> Result<Comparable, ParseError> {
        match prim {
            Prim::Query {
                path,
                singular: true,
                text: (start, end),
            } => {
                let written_dot_length = self.cur.slice(start, end).trim_end().ends_with(".length");
                if let Some(parent) = length_parent_of(&path).filter(|_| written_dot_length) {
                    if let Some(query) = self.queries.iter_mut().rev().find(|q| q.range.start == start) {
                        query.length_read = true;
                    }
                    return Ok(Comparable::JsLength { query: path, parent });
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

    fn group(&mut self) -> Result<Logical, ParseError> {
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

    /// An RFC 9535 query, parsed where it starts by the query parser itself (which stops at
    /// the first character that cannot continue it); also whether it is a singular query.
    fn query(&mut self) -> Result<(Query, bool), ParseError> {
        let mut parser = crate::rfc9535::Parser::new(self.cur.src());
        parser.pos = self.cur.pos;
        let parsed = parser.query_with()?;
        self.cur.pos = parser.pos;
        Ok(parsed)
    }

    fn call(&mut self, name: &str, start: usize) -> Result<FnCall, ParseError> {
        let Some(func) = Func::from_name(name) else {
            return Err(ParseError::new(
                start,
                format!("unknown function '{name}'; RFC 9535 defines length, count, value, match and search"),
            ));
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
        let arity = if func.is_logical() { 2 } else { 1 };
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
        Ok(FnCall::new(func, args))
    }

    /// The arguments, each well-typed for its parameter (RFC 9535 §2.4.3): `count` and `value`
    /// take any query (a nodelist), the others a value (a literal, a singular query or a
    /// function of value type).
    fn args(&mut self, func: Func) -> Result<Vec<FnArg>, ParseError> {
        self.cur.bump();
        let mut args = Vec::new();
        self.cur.skip_blanks();
        if self.cur.eat(')') {
            return Ok(args);
        }
        let nodes = matches!(func, Func::Count | Func::Value);
        loop {
            self.cur.skip_blanks();
            let at = self.cur.pos;
            let arg = match self.primary()? {
                Prim::Query { path, .. } if nodes => FnArg::Query(path),
                _ if nodes => return Err(ParseError::new(at, format!("{}() takes a query argument", func.name()))),
                Prim::Literal(v) => FnArg::Literal(v),
                Prim::Query { path, singular: true, .. } => FnArg::Query(path),
                Prim::Query { .. } => {
                    return Err(ParseError::new(
                        at,
                        format!(
                            "{}() takes a value: a literal, a singular query (names and indices only, like $.a[0]) or a function such as value($..a)",
                            func.name()
                        ),
                    ));
                }
                Prim::Func(call) if call.func.is_logical() => {
                    return Err(ParseError::new(
                        at,
                        format!("{}() returns a logical value and cannot be a function argument", call.func.name()),
                    ));
                }
                Prim::Func(call) => FnArg::Fn(call),
            };
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

/// For `$.a.length` (a query whose last segment is the member `length`): `$.a`.
fn length_parent_of(query: &Query) -> Option<Query> {
    let (last, rest) = query.segments.split_last()?;
    match last {
        PathSegment::Child(selectors) if matches!(selectors.as_slice(), [PathSelector::Name(n)] if n == "length") => Some(Query {
            absolute: query.absolute,
            segments: rest.to_vec(),
        }),
        _ => None,
    }
}

fn test(prim: Prim, at: usize) -> Result<Logical, ParseError> {
    match prim {
        Prim::Query { path, .. } => Ok(Logical::Exists(path)),
        Prim::Func(call) if call.func.is_logical() => Ok(Logical::Test(call)),
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
        Prim::Func(call) => Ok(Comparable::Fn(call)),
    }
}

/// Collapses a one-item `||`/`&&` list to the item itself so the tree has no trivial nodes.
fn single_or(mut items: Vec<Logical>, wrap: fn(Vec<Logical>) -> Logical) -> Logical {
    match (items.pop(), items.is_empty()) {
        (Some(only), true) => only,
        (Some(last), false) => {
            items.push(last);
            wrap(items)
        }
        (None, _) => wrap(items),
    }
}
