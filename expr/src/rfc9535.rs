//! RFC 9535 JSONPath: the query AST, its parser and its evaluator over `serde_json::Value`.
//!
//! It is this crate's own because the generator must hand queries to generated code already
//! parsed (issue #14: nothing parsed at run time), and no JSONPath crate offers a form that can
//! be built from constructors; the one used before (`serde_json_path`) also brought nine
//! packages and a second `syn` major into every user's build (see ARCHITECTURE.md). Every type
//! here is public and constructible, so generated code builds a [`Query`] directly.
//!
//! The grammar, the well-typedness rules of the function extensions (`length`, `count`,
//! `match`, `search`, `value`) and the evaluation semantics (nodelists in document order,
//! Nothing, comparison rules, normalized paths) are those of RFC 9535; patterns of `match` and
//! `search` are I-Regexp (RFC 9485, see [`crate::iregexp`]). The parser never panics and
//! reports the byte offset of the first problem; nesting is bounded so no input can exhaust
//! the stack.

use crate::condition::ComparisonOp;
use crate::{ParseError, compare};
use serde_json::Value;
use std::borrow::Cow;
use std::fmt;
#[cfg(feature = "regex")]
use std::sync::OnceLock;

/// Brackets and parentheses nested deeper than this are refused, so neither the recursive
/// parser nor the evaluator can exhaust the stack.
pub const MAX_NESTING: usize = 64;

/// The largest integer an index or slice bound may be (I-JSON's exact range).
const MAX_INT: i64 = (1 << 53) - 1;

/// A JSONPath query: `$` (the root) or `@` (the current node, inside filters) followed by
/// segments.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    /// `true` for `$`, `false` for `@`.
    pub absolute: bool,
    /// The segments, applied in order.
    pub segments: Vec<PathSegment>,
}

/// One segment of a [`Query`].
#[derive(Debug, Clone, PartialEq)]
pub enum PathSegment {
    /// `[...]`, `.name`, `.*`: the selectors applied to each input node.
    Child(Vec<PathSelector>),
    /// `..[...]`, `..name`, `..*`: the selectors applied to each input node and all its
    /// descendants.
    Descendant(Vec<PathSelector>),
}

impl PathSegment {
    /// `['name']`: a child segment with one name selector.
    pub fn name(name: impl Into<String>) -> PathSegment {
        PathSegment::Child(vec![PathSelector::Name(name.into())])
    }

    /// `[i]`: a child segment with one index selector.
    pub fn index(i: i64) -> PathSegment {
        PathSegment::Child(vec![PathSelector::Index(i)])
    }
}

/// One selector of a [`PathSegment`].
#[derive(Debug, Clone, PartialEq)]
pub enum PathSelector {
    /// `'name'`, `.name`: the member of that name.
    Name(String),
    /// `*`: every member value or element.
    Wildcard,
    /// `3`, `-1`: the array element at that index (negative from the end).
    Index(i64),
    /// `start:end:step`.
    Slice {
        /// The first index (default by the step's sign).
        start: Option<i64>,
        /// The bound (default by the step's sign).
        end: Option<i64>,
        /// The step (default 1).
        step: Option<i64>,
    },
    /// `?expr`: the children for which `expr` holds.
    Filter(Logical),
}

/// A logical expression of a filter.
#[derive(Debug, Clone, PartialEq)]
pub enum Logical {
    /// `a || b || ...`
    Or(Vec<Logical>),
    /// `a && b && ...`
    And(Vec<Logical>),
    /// `!a`
    Not(Box<Logical>),
    /// A comparison.
    Compare(Comparable, ComparisonOp, Comparable),
    /// A query as an existence test (true when it selects a node).
    Exists(Query),
    /// A function of logical or nodes type as a test.
    Test(FnCall),
}

/// One side of a comparison.
#[derive(Debug, Clone, PartialEq)]
pub enum Comparable {
    /// A JSON literal (`1`, `"a"`, `true`, `null`).
    Literal(Value),
    /// A singular query (names and indices only): its node, or Nothing.
    Query(Query),
    /// A function of value type.
    Fn(FnCall),
    /// Not RFC 9535: the JavaScript `length` of what the query selects when that is an array
    /// or a string (in Unicode scalar values), otherwise the query's own value. Only
    /// [`crate::JsonPathCondition`] builds it, for `$.x.length == 0` in Arazzo documents;
    /// `query` is the whole query and `parent` the query without its last `.length`.
    JsLength {
        /// The query as written, ending in `.length`.
        query: Query,
        /// The query without `.length`.
        parent: Query,
    },
}

/// A function extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    /// `length(value)`: a string's, an array's or an object's length.
    Length,
    /// `count(nodes)`: how many nodes.
    Count,
    /// `match(value, value)`: the whole string matches the I-Regexp.
    Match,
    /// `search(value, value)`: some substring matches the I-Regexp.
    Search,
    /// `value(nodes)`: the only node's value, or Nothing.
    Value,
}

impl Func {
    /// The function's name.
    pub fn name(self) -> &'static str {
        match self {
            Func::Length => "length",
            Func::Count => "count",
            Func::Match => "match",
            Func::Search => "search",
            Func::Value => "value",
        }
    }

    /// The function of that name.
    pub fn from_name(name: &str) -> Option<Func> {
        Some(match name {
            "length" => Func::Length,
            "count" => Func::Count,
            "match" => Func::Match,
            "search" => Func::Search,
            "value" => Func::Value,
            _ => return None,
        })
    }

    /// Whether it returns LogicalType (`match`, `search`) rather than ValueType.
    pub fn is_logical(self) -> bool {
        matches!(self, Func::Match | Func::Search)
    }

    fn params(self) -> &'static [ParamType] {
        match self {
            Func::Length => &[ParamType::Value],
            Func::Count | Func::Value => &[ParamType::Nodes],
            Func::Match | Func::Search => &[ParamType::Value, ParamType::Value],
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ParamType {
    Value,
    Nodes,
}

/// A function call; a literal pattern of `match`/`search` is compiled the first time it is
/// evaluated and kept. Without the `regex` feature [`Query::parse`] refuses `match` and
/// `search`, and a call built by hand to either is false.
#[derive(Debug, Clone)]
pub struct FnCall {
    /// The function.
    pub func: Func,
    /// Its arguments, as many as it takes.
    pub args: Vec<FnArg>,
    #[cfg(feature = "regex")]
    regex: OnceLock<Option<regex::Regex>>,
}

impl PartialEq for FnCall {
    fn eq(&self, other: &FnCall) -> bool {
        self.func == other.func && self.args == other.args
    }
}

impl FnCall {
    /// A call; [`Query::parse`] checks the arity and argument types, this does not.
    pub fn new(func: Func, args: Vec<FnArg>) -> FnCall {
        FnCall {
            func,
            args,
            #[cfg(feature = "regex")]
            regex: OnceLock::new(),
        }
    }
}

/// A function argument.
#[derive(Debug, Clone, PartialEq)]
pub enum FnArg {
    /// A JSON literal.
    Literal(Value),
    /// A query: its nodelist (for `count`, `value`) or its single value.
    Query(Query),
    /// A nested function call.
    Fn(FnCall),
}

/// One step of a normalized path: a member name or an array index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathElement<'a> {
    /// A member name.
    Name(&'a str),
    /// An array index.
    Index(usize),
}

/// A node's location as an RFC 9535 normalized path (`$['a'][0]` when displayed).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NormalizedPath<'a>(pub Vec<PathElement<'a>>);

impl fmt::Display for NormalizedPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("$")?;
        for e in &self.0 {
            match e {
                PathElement::Name(n) => {
                    f.write_str("['")?;
                    write_name(f, n)?;
                    f.write_str("']")?;
                }
                PathElement::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}

/// A member name in a single-quoted string, escaped as normalized paths escape it.
fn write_name(f: &mut fmt::Formatter<'_>, name: &str) -> fmt::Result {
    for c in name.chars() {
        match c {
            '\'' => f.write_str("\\'")?,
            '\\' => f.write_str("\\\\")?,
            '\u{8}' => f.write_str("\\b")?,
            '\u{c}' => f.write_str("\\f")?,
            '\n' => f.write_str("\\n")?,
            '\r' => f.write_str("\\r")?,
            '\t' => f.write_str("\\t")?,
            c if (c as u32) < 0x20 => write!(f, "\\u{:04x}", c as u32)?,
            c => write!(f, "{c}")?,
        }
    }
    Ok(())
}

impl Query {
    /// `$` followed by `segments`.
    pub fn absolute(segments: Vec<PathSegment>) -> Query {
        Query { absolute: true, segments }
    }

    /// `@` followed by `segments`.
    pub fn relative(segments: Vec<PathSegment>) -> Query {
        Query { absolute: false, segments }
    }

    /// Parses an RFC 9535 query; the whole text must be the query (no surrounding blanks).
    ///
    /// # Errors
    ///
    /// The first syntax or well-typedness problem, at its byte offset.
    pub fn parse(text: &str) -> Result<Query, ParseError> {
        let mut p = Parser::new(text);
        if p.peek() != Some(b'$') {
            return Err(p.error("a JSONPath query starts with '$'"));
        }
        let query = p.query()?;
        if !p.at_end() {
            return Err(p.error(format!("unexpected {} after the query", p.describe())));
        }
        Ok(query)
    }

    /// Whether it is a singular query: only child segments of one name or index each.
    pub fn is_singular(&self) -> bool {
        self.segments.iter().all(|s| match s {
            PathSegment::Child(sel) => matches!(sel.as_slice(), [PathSelector::Name(_) | PathSelector::Index(_)]),
            PathSegment::Descendant(_) => false,
        })
    }

    /// The nodes the query selects from `root`, in nodelist order.
    pub fn select<'a>(&self, root: &'a Value) -> Vec<&'a Value> {
        let mut out = Vec::new();
        select(&self.segments, root, root, NoPath, &mut |v, _| out.push(v));
        out
    }

    /// The nodes with their normalized paths.
    pub fn select_located<'a>(&self, root: &'a Value) -> Vec<(NormalizedPath<'a>, &'a Value)> {
        let mut out = Vec::new();
        select(&self.segments, root, root, Located(Vec::new()), &mut |v, p: Located<'a>| {
            out.push((NormalizedPath(p.0), v));
        });
        out
    }

    /// For a singular query (or any query selecting exactly one node): that node.
    pub fn select_one<'a>(&self, root: &'a Value) -> Option<&'a Value> {
        match self.select(root).as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }

    fn eval<'a>(&self, root: &'a Value, current: &'a Value) -> Vec<&'a Value> {
        let mut out = Vec::new();
        let start = if self.absolute { root } else { current };
        select(&self.segments, root, start, NoPath, &mut |v, _| out.push(v));
        out
    }

    fn eval_one<'a>(&self, root: &'a Value, current: &'a Value) -> Option<&'a Value> {
        let start = if self.absolute { root } else { current };
        // A singular query (the common `$.a.b` of a comparison) walked directly: no node list.
        let mut node = start;
        for segment in &self.segments {
            node = match segment {
                PathSegment::Child(selectors) => match (selectors.as_slice(), node) {
                    ([PathSelector::Name(name)], Value::Object(members)) => members.get(name.as_str())?,
                    ([PathSelector::Index(i)], Value::Array(items)) => items.get(normalize_index(*i, items.len())?)?,
                    ([PathSelector::Name(_) | PathSelector::Index(_)], _) => return None,
                    _ => return self.eval_one_of_many(root, current),
                },
                PathSegment::Descendant(_) => return self.eval_one_of_many(root, current),
            };
        }
        Some(node)
    }

    fn eval_one_of_many<'a>(&self, root: &'a Value, current: &'a Value) -> Option<&'a Value> {
        match self.eval(root, current).as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }
}

/// Writes the query in bracket notation (`$['a'][*]`), which parses back to the same AST.
impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.absolute { "$" } else { "@" })?;
        for s in &self.segments {
            let (prefix, selectors) = match s {
                PathSegment::Child(s) => ("[", s),
                PathSegment::Descendant(s) => ("..[", s),
            };
            f.write_str(prefix)?;
            for (i, sel) in selectors.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{sel}")?;
            }
            f.write_str("]")?;
        }
        Ok(())
    }
}

impl fmt::Display for PathSelector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PathSelector::Name(n) => {
                f.write_str("'")?;
                write_name(f, n)?;
                f.write_str("'")
            }
            PathSelector::Wildcard => f.write_str("*"),
            PathSelector::Index(i) => write!(f, "{i}"),
            PathSelector::Slice { start, end, step } => {
                if let Some(s) = start {
                    write!(f, "{s}")?;
                }
                f.write_str(":")?;
                if let Some(e) = end {
                    write!(f, "{e}")?;
                }
                if let Some(s) = step {
                    write!(f, ":{s}")?;
                }
                Ok(())
            }
            PathSelector::Filter(l) => write!(f, "?{l}"),
        }
    }
}

impl fmt::Display for Logical {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |f: &mut fmt::Formatter<'_>, items: &[Logical], op: &str| {
            f.write_str("(")?;
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    write!(f, " {op} ")?;
                }
                write!(f, "{item}")?;
            }
            f.write_str(")")
        };
        match self {
            Logical::Or(items) => list(f, items, "||"),
            Logical::And(items) => list(f, items, "&&"),
            Logical::Not(inner) => write!(f, "!({inner})"),
            Logical::Compare(a, op, b) => write!(f, "{a} {} {b}", op.as_str()),
            Logical::Exists(q) => write!(f, "{q}"),
            Logical::Test(call) => write!(f, "{call}"),
        }
    }
}

impl fmt::Display for Comparable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Comparable::Literal(v) => write!(f, "{v}"),
            Comparable::Query(q) | Comparable::JsLength { query: q, .. } => write!(f, "{q}"),
            Comparable::Fn(call) => write!(f, "{call}"),
        }
    }
}

impl fmt::Display for FnCall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}(", self.func.name())?;
        for (i, arg) in self.args.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            match arg {
                FnArg::Literal(v) => write!(f, "{v}")?,
                FnArg::Query(q) => write!(f, "{q}")?,
                FnArg::Fn(c) => write!(f, "{c}")?,
            }
        }
        f.write_str(")")
    }
}

// ---------------------------------------------------------------------------------------
// Evaluation

/// How a node's location is carried: not at all, or as a normalized path.
trait Loc<'a>: Clone {
    fn name(&self, n: &'a str) -> Self;
    fn index(&self, i: usize) -> Self;
}

#[derive(Clone, Copy)]
struct NoPath;

impl<'a> Loc<'a> for NoPath {
    fn name(&self, _: &'a str) -> NoPath {
        NoPath
    }
    fn index(&self, _: usize) -> NoPath {
        NoPath
    }
}

#[derive(Clone)]
struct Located<'a>(Vec<PathElement<'a>>);

impl<'a> Loc<'a> for Located<'a> {
    fn name(&self, n: &'a str) -> Located<'a> {
        let mut v = self.0.clone();
        v.push(PathElement::Name(n));
        Located(v)
    }
    fn index(&self, i: usize) -> Located<'a> {
        let mut v = self.0.clone();
        v.push(PathElement::Index(i));
        Located(v)
    }
}

fn select<'a, L: Loc<'a>>(segments: &[PathSegment], root: &'a Value, node: &'a Value, loc: L, out: &mut dyn FnMut(&'a Value, L)) {
    let Some((first, rest)) = segments.split_first() else {
        out(node, loc);
        return;
    };
    let mut next = |v: &'a Value, l: L| select(rest, root, v, l, out);
    match first {
        PathSegment::Child(selectors) => {
            for s in selectors {
                apply(s, root, node, &loc, &mut next);
            }
        }
        PathSegment::Descendant(selectors) => descend(selectors, root, node, loc, &mut next),
    }
}

fn descend<'a, L: Loc<'a>>(selectors: &[PathSelector], root: &'a Value, node: &'a Value, loc: L, out: &mut dyn FnMut(&'a Value, L)) {
    for s in selectors {
        apply(s, root, node, &loc, out);
    }
    match node {
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                descend(selectors, root, v, loc.index(i), out);
            }
        }
        Value::Object(members) => {
            for (k, v) in members {
                descend(selectors, root, v, loc.name(k), out);
            }
        }
        _ => {}
    }
}

fn apply<'a, L: Loc<'a>>(selector: &PathSelector, root: &'a Value, node: &'a Value, loc: &L, out: &mut dyn FnMut(&'a Value, L)) {
    match (selector, node) {
        (PathSelector::Name(name), Value::Object(members)) => {
            if let Some((k, v)) = members.get_key_value(name.as_str()) {
                out(v, loc.name(k));
            }
        }
        (PathSelector::Wildcard, Value::Array(items)) => {
            for (i, v) in items.iter().enumerate() {
                out(v, loc.index(i));
            }
        }
        (PathSelector::Wildcard, Value::Object(members)) => {
            for (k, v) in members {
                out(v, loc.name(k));
            }
        }
        (PathSelector::Index(i), Value::Array(items)) => {
            if let Some(at) = normalize_index(*i, items.len())
                && let Some(v) = items.get(at)
            {
                out(v, loc.index(at));
            }
        }
        (PathSelector::Slice { start, end, step }, Value::Array(items)) => {
            for at in slice_indices(*start, *end, *step, items.len()) {
                out(&items[at], loc.index(at));
            }
        }
        (PathSelector::Filter(logical), Value::Array(items)) => {
            for (i, v) in items.iter().enumerate() {
                if logical.holds(root, v) {
                    out(v, loc.index(i));
                }
            }
        }
        (PathSelector::Filter(logical), Value::Object(members)) => {
            for (k, v) in members {
                if logical.holds(root, v) {
                    out(v, loc.name(k));
                }
            }
        }
        _ => {}
    }
}

fn normalize_index(i: i64, len: usize) -> Option<usize> {
    let len = i64::try_from(len).ok()?;
    let at = if i < 0 { len + i } else { i };
    (0..len).contains(&at).then(|| usize::try_from(at).ok()).flatten()
}

/// RFC 9535 §2.3.4.2.2: the indices a slice selects, in order.
fn slice_indices(start: Option<i64>, end: Option<i64>, step: Option<i64>, len: usize) -> Vec<usize> {
    let step = step.unwrap_or(1);
    let len = i64::try_from(len).unwrap_or(i64::MAX);
    let norm = |i: i64| if i >= 0 { i } else { len + i };
    let mut out = Vec::new();
    if step > 0 {
        let lower = norm(start.unwrap_or(0)).clamp(0, len);
        let upper = norm(end.unwrap_or(len)).clamp(0, len);
        let mut i = lower;
        while i < upper {
            out.extend(usize::try_from(i).ok());
            i = i.saturating_add(step);
        }
    } else if step < 0 {
        let upper = norm(start.unwrap_or(len - 1)).clamp(-1, len - 1);
        let lower = norm(end.unwrap_or(-len - 1)).clamp(-1, len - 1);
        let mut i = upper;
        while lower < i {
            out.extend(usize::try_from(i).ok());
            i = i.saturating_add(step);
        }
    }
    out
}

impl Logical {
    /// Whether the expression holds with `root` as `$` and `current` as `@`.
    pub fn holds(&self, root: &Value, current: &Value) -> bool {
        match self {
            Logical::Or(items) => items.iter().any(|l| l.holds(root, current)),
            Logical::And(items) => items.iter().all(|l| l.holds(root, current)),
            Logical::Not(inner) => !inner.holds(root, current),
            Logical::Exists(q) => !q.eval(root, current).is_empty(),
            Logical::Test(call) => call.logical(root, current),
            Logical::Compare(a, op, b) => {
                let x = a.value(root, current);
                let y = b.value(root, current);
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
}

impl Comparable {
    fn value<'a>(&'a self, root: &'a Value, current: &'a Value) -> Option<Cow<'a, Value>> {
        match self {
            Comparable::Literal(v) => Some(Cow::Borrowed(v)),
            Comparable::Query(q) => q.eval_one(root, current).map(Cow::Borrowed),
            Comparable::Fn(call) => call.value(root, current),
            Comparable::JsLength { query, parent } => match parent.eval_one(root, current) {
                Some(Value::Array(a)) => Some(Cow::Owned(Value::from(a.len()))),
                Some(Value::String(s)) => Some(Cow::Owned(Value::from(s.chars().count()))),
                _ => query.eval_one(root, current).map(Cow::Borrowed),
            },
        }
    }
}

impl FnCall {
    fn arg_value<'a>(&'a self, at: usize, root: &'a Value, current: &'a Value) -> Option<Cow<'a, Value>> {
        match self.args.get(at)? {
            FnArg::Literal(v) => Some(Cow::Borrowed(v)),
            FnArg::Query(q) => q.eval_one(root, current).map(Cow::Borrowed),
            FnArg::Fn(call) => call.value(root, current),
        }
    }

    fn arg_nodes<'a>(&'a self, root: &'a Value, current: &'a Value) -> Vec<&'a Value> {
        match self.args.first() {
            Some(FnArg::Query(q)) => q.eval(root, current),
            _ => Vec::new(),
        }
    }

    /// A ValueType result (Nothing is `None`).
    fn value<'a>(&'a self, root: &'a Value, current: &'a Value) -> Option<Cow<'a, Value>> {
        match self.func {
            Func::Length => {
                let n = match self.arg_value(0, root, current)?.as_ref() {
                    Value::String(s) => s.chars().count(),
                    Value::Array(a) => a.len(),
                    Value::Object(o) => o.len(),
                    _ => return None,
                };
                Some(Cow::Owned(Value::from(n)))
            }
            Func::Count => Some(Cow::Owned(Value::from(self.arg_nodes(root, current).len()))),
            Func::Value => match self.arg_nodes(root, current).as_slice() {
                [one] => Some(Cow::Borrowed(*one)),
                _ => None,
            },
            Func::Match | Func::Search => None,
        }
    }

    /// A LogicalType result.
    #[cfg(not(feature = "regex"))]
    fn logical(&self, _root: &Value, _current: &Value) -> bool {
        false
    }

    /// A LogicalType result.
    #[cfg(feature = "regex")]
    fn logical(&self, root: &Value, current: &Value) -> bool {
        let subject = self.arg_value(0, root, current);
        let Some(Value::String(subject)) = subject.as_deref() else {
            return false;
        };
        let whole = self.func == Func::Match;
        if let Some(FnArg::Literal(Value::String(pattern))) = self.args.get(1) {
            let regex = self.regex.get_or_init(|| crate::iregexp::compile(pattern, whole));
            return regex.as_ref().is_some_and(|re| re.is_match(subject));
        }
        match self.arg_value(1, root, current).as_deref() {
            Some(Value::String(pattern)) => crate::iregexp::compile(pattern, whole).is_some_and(|re| re.is_match(subject)),
            _ => false,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Parsing

/// What an expression inside a filter turned out to be, before its context says whether
/// that is allowed.
enum Expr {
    Logical(Logical),
    Literal(Value),
    Query { query: Query, singular: bool },
    Fn(FnCall),
}

pub(crate) struct Parser<'a> {
    src: &'a str,
    pub(crate) pos: usize,
    depth: usize,
    /// Inside a filter, where `@` has a meaning.
    in_filter: usize,
}

fn is_blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

fn is_name_first(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || !c.is_ascii()
}

impl<'a> Parser<'a> {
    pub(crate) fn new(src: &'a str) -> Parser<'a> {
        Parser {
            src,
            pos: 0,
            depth: 0,
            in_filter: 0,
        }
    }

    fn rest(&self) -> &'a str {
        self.src.get(self.pos..).unwrap_or("")
    }

    fn peek(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    fn peek_at(&self, n: usize) -> Option<u8> {
        self.src.as_bytes().get(self.pos + n).copied()
    }

    fn at_end(&self) -> bool {
        self.pos >= self.src.len()
    }

    fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn eat_str(&mut self, s: &str) -> bool {
        if self.rest().starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    fn skip_blanks(&mut self) -> bool {
        let start = self.pos;
        while self.peek().is_some_and(is_blank) {
            self.pos += 1;
        }
        self.pos > start
    }

    fn describe(&self) -> String {
        match self.rest().chars().next() {
            None => "the end of the query".to_owned(),
            Some(c) => format!("'{}'", c.escape_debug()),
        }
    }

    fn error(&self, message: impl Into<String>) -> ParseError {
        ParseError::new(self.pos.min(self.src.len()), message)
    }

    fn error_at(&self, at: usize, message: impl Into<String>) -> ParseError {
        ParseError::new(at.min(self.src.len()), message)
    }

    fn nest(&mut self) -> Result<(), ParseError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(self.error(format!("JSONPath nested more than {MAX_NESTING} levels deep")));
        }
        Ok(())
    }

    /// `$` or `@` and the segments after it; the cursor is on the identifier.
    fn query(&mut self) -> Result<Query, ParseError> {
        self.query_with().map(|(q, _)| q)
    }

    /// A query and whether it is written as a singular query (no blanks inside its
    /// brackets, as the grammar's `singular-query` has none).
    pub(crate) fn query_with(&mut self) -> Result<(Query, bool), ParseError> {
        let absolute = match self.peek() {
            Some(b'$') => true,
            Some(b'@') => false,
            _ => return Err(self.error("expected '$' or '@'")),
        };
        self.pos += 1;
        let mut segments = Vec::new();
        let mut tight = true;
        loop {
            let save = self.pos;
            self.skip_blanks();
            match (self.peek(), self.peek_at(1)) {
                (Some(b'.'), Some(b'.')) => {
                    self.pos += 2;
                    let selectors = if self.peek() == Some(b'[') {
                        self.bracket()?.0
                    } else if self.eat(b'*') {
                        vec![PathSelector::Wildcard]
                    } else {
                        vec![PathSelector::Name(self.shorthand()?)]
                    };
                    segments.push(PathSegment::Descendant(selectors));
                }
                (Some(b'.'), _) => {
                    self.pos += 1;
                    let selector = if self.eat(b'*') {
                        PathSelector::Wildcard
                    } else {
                        PathSelector::Name(self.shorthand()?)
                    };
                    segments.push(PathSegment::Child(vec![selector]));
                }
                (Some(b'['), _) => {
                    let (selectors, blanks) = self.bracket()?;
                    tight &= !blanks;
                    segments.push(PathSegment::Child(selectors));
                }
                _ => {
                    self.pos = save;
                    break;
                }
            }
        }
        let query = Query { absolute, segments };
        let singular = tight && query.is_singular();
        Ok((query, singular))
    }

    /// A member-name-shorthand after `.` or `..`.
    fn shorthand(&mut self) -> Result<String, ParseError> {
        let start = self.pos;
        let mut end = start;
        for (i, c) in self.rest().char_indices() {
            let ok = if i == 0 {
                is_name_first(c)
            } else {
                is_name_first(c) || c.is_ascii_digit()
            };
            if !ok {
                break;
            }
            end = start + i + c.len_utf8();
        }
        if end == start {
            return Err(self.error(format!("expected a member name, '*' or '[' after '.', found {}", self.describe())));
        }
        self.pos = end;
        Ok(self.src[start..end].to_owned())
    }

    /// `[selector, ...]`; the cursor is on `[`. Also says whether blanks were inside.
    fn bracket(&mut self) -> Result<(Vec<PathSelector>, bool), ParseError> {
        let open = self.pos;
        if !self.rest().contains(']') {
            return Err(self.error("unclosed '[' in JSONPath query"));
        }
        self.nest()?;
        self.pos += 1;
        let mut blanks = self.skip_blanks();
        let mut selectors = Vec::new();
        loop {
            selectors.push(self.selector()?);
            blanks |= self.skip_blanks();
            if self.eat(b']') {
                break;
            }
            if !self.eat(b',') {
                if self.at_end() {
                    return Err(self.error_at(open, "unclosed '[' in JSONPath query"));
                }
                return Err(self.error(format!("expected ',' or ']' in a bracketed selection, found {}", self.describe())));
            }
            self.skip_blanks();
            blanks = true;
        }
        self.depth -= 1;
        Ok((selectors, blanks))
    }

    fn selector(&mut self) -> Result<PathSelector, ParseError> {
        match self.peek() {
            Some(q @ (b'\'' | b'"')) => Ok(PathSelector::Name(self.string(q)?)),
            Some(b'*') => {
                self.pos += 1;
                Ok(PathSelector::Wildcard)
            }
            Some(b'?') => {
                self.pos += 1;
                self.skip_blanks();
                self.in_filter += 1;
                let expr = self.logical();
                self.in_filter -= 1;
                Ok(PathSelector::Filter(expr?))
            }
            Some(b'-' | b'0'..=b'9' | b':') => self.index_or_slice(),
            _ => Err(self.error(format!(
                "expected a name in quotes, '*', an index, a slice or a filter '?...', found {}",
                self.describe()
            ))),
        }
    }

    fn index_or_slice(&mut self) -> Result<PathSelector, ParseError> {
        let start = if self.peek() == Some(b':') { None } else { Some(self.int()?) };
        self.skip_blanks_if_colon_follows();
        if !self.eat(b':') {
            return Ok(PathSelector::Index(start.unwrap_or(0)));
        }
        self.skip_blanks();
        let end = if matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            Some(self.int()?)
        } else {
            None
        };
        self.skip_blanks_if_colon_follows();
        let mut step = None;
        if self.eat(b':') {
            self.skip_blanks();
            if matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
                step = Some(self.int()?);
            }
        }
        Ok(PathSelector::Slice { start, end, step })
    }

    fn skip_blanks_if_colon_follows(&mut self) {
        let save = self.pos;
        self.skip_blanks();
        if self.peek() != Some(b':') {
            self.pos = save;
        }
    }

    /// An index or slice bound: no leading zeros, no `-0`, within ±(2^53 - 1).
    fn int(&mut self) -> Result<i64, ParseError> {
        let start = self.pos;
        let negative = self.eat(b'-');
        let digits_at = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        let digits = &self.src[digits_at..self.pos];
        if digits.is_empty() {
            return Err(self.error("expected digits"));
        }
        if digits.len() > 1 && digits.starts_with('0') || negative && digits == "0" {
            return Err(self.error_at(start, "an index has no leading zeros and is not -0"));
        }
        let value = digits
            .parse::<i64>()
            .ok()
            .filter(|v| *v <= MAX_INT)
            .ok_or_else(|| self.error_at(start, format!("an index must be between -{MAX_INT} and {MAX_INT}")))?;
        Ok(if negative { -value } else { value })
    }

    /// A quoted string; the cursor is on the quote.
    fn string(&mut self, quote: u8) -> Result<String, ParseError> {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let Some(c) = self.rest().chars().next() else {
                return Err(self.error_at(open, "unclosed string"));
            };
            let at = self.pos;
            self.pos += c.len_utf8();
            match c {
                c if c as u32 == u32::from(quote) => return Ok(out),
                '\\' => {
                    let Some(e) = self.peek() else {
                        return Err(self.error_at(open, "unclosed string"));
                    };
                    self.pos += 1;
                    match e {
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'/' => out.push('/'),
                        b'\\' => out.push('\\'),
                        b'\'' if quote == b'\'' => out.push('\''),
                        b'"' if quote == b'"' => out.push('"'),
                        b'u' => out.push(self.unicode_escape(at)?),
                        _ => {
                            return Err(self.error_at(
                                at,
                                "invalid escape; strings allow \\b \\f \\n \\r \\t \\/ \\\\ \\uXXXX and the quote",
                            ));
                        }
                    }
                }
                c if (c as u32) < 0x20 => {
                    return Err(self.error_at(at, "a control character must be escaped in a string (\\n, \\u0001)"));
                }
                c => out.push(c),
            }
        }
    }

    fn hex4(&mut self, at: usize) -> Result<u32, ParseError> {
        let hex = self
            .src
            .get(self.pos..self.pos + 4)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        let Some(hex) = hex else {
            return Err(self.error_at(at, "incomplete \\u escape: expected four hex digits, as in \\u00e9"));
        };
        self.pos += 4;
        u32::from_str_radix(hex, 16).map_err(|_| self.error_at(at, "invalid \\u escape"))
    }

    fn unicode_escape(&mut self, at: usize) -> Result<char, ParseError> {
        let first = self.hex4(at)?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.eat_str("\\u") {
                    return Err(self.error_at(
                        at,
                        "a \\u escape of a high surrogate (D800-DBFF) must be followed by a \\u escape of a low one",
                    ));
                }
                let low = self.hex4(at)?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.error_at(at, "a high surrogate must be followed by a low surrogate (DC00-DFFF)"));
                }
                0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.error_at(at, "a low surrogate (DC00-DFFF) cannot stand alone")),
            c => c,
        };
        char::from_u32(code).ok_or_else(|| self.error_at(at, "invalid \\u escape"))
    }

    // Filter expressions.

    fn logical(&mut self) -> Result<Logical, ParseError> {
        let at = self.pos;
        let expr = self.or()?;
        self.as_test(expr, at)
    }

    fn as_test(&self, expr: Expr, at: usize) -> Result<Logical, ParseError> {
        match expr {
            Expr::Logical(l) => Ok(l),
            Expr::Query { query, .. } => Ok(Logical::Exists(query)),
            Expr::Fn(call) if call.func.is_logical() => Ok(Logical::Test(call)),
            Expr::Fn(call) => Err(self.error_at(
                at,
                format!(
                    "{name}() returns a value, not a condition; compare it, as in {name}(...) > 0",
                    name = call.func.name()
                ),
            )),
            Expr::Literal(_) => Err(self.error_at(at, "a literal on its own is not a condition; compare it with a query")),
        }
    }

    fn or(&mut self) -> Result<Expr, ParseError> {
        let at = self.pos;
        let first = self.and()?;
        let mut items = Vec::new();
        loop {
            let save = self.pos;
            self.skip_blanks();
            if !self.eat_str("||") {
                self.pos = save;
                break;
            }
            self.skip_blanks();
            let next_at = self.pos;
            let next = self.and()?;
            items.push(self.as_test(next, next_at)?);
        }
        if items.is_empty() {
            return Ok(first);
        }
        items.insert(0, self.as_test(first, at)?);
        Ok(Expr::Logical(Logical::Or(items)))
    }

    fn and(&mut self) -> Result<Expr, ParseError> {
        let at = self.pos;
        let first = self.basic()?;
        let mut items = Vec::new();
        loop {
            let save = self.pos;
            self.skip_blanks();
            if !self.eat_str("&&") {
                self.pos = save;
                break;
            }
            self.skip_blanks();
            let next_at = self.pos;
            let next = self.basic()?;
            items.push(self.as_test(next, next_at)?);
        }
        if items.is_empty() {
            return Ok(first);
        }
        items.insert(0, self.as_test(first, at)?);
        Ok(Expr::Logical(Logical::And(items)))
    }

    fn basic(&mut self) -> Result<Expr, ParseError> {
        self.nest()?;
        let r = self.basic_inner();
        self.depth -= 1;
        r
    }

    fn basic_inner(&mut self) -> Result<Expr, ParseError> {
        if self.peek() == Some(b'!') && self.peek_at(1) != Some(b'=') {
            self.pos += 1;
            self.skip_blanks();
            let at = self.pos;
            let operand = if self.peek() == Some(b'(') {
                self.group()?
            } else {
                let p = self.primary()?;
                if matches!(p, Expr::Literal(_)) {
                    return Err(self.error_at(at, "'!' applies to a query, a function or a parenthesised condition"));
                }
                p
            };
            let save = self.pos;
            self.skip_blanks();
            if self.comparison_op().is_some() {
                return Err(self.error_at(save, "'!' applies only to what follows it; write !(a == b) to negate a comparison"));
            }
            self.pos = save;
            return Ok(Expr::Logical(Logical::Not(Box::new(self.as_test(operand, at)?))));
        }
        if self.peek() == Some(b'(') {
            return self.group().map(|e| match e {
                // A parenthesised query or function is a test, never a comparable.
                Expr::Logical(l) => Expr::Logical(l),
                other => other,
            });
        }
        let left_at = self.pos;
        let left = self.primary()?;
        let save = self.pos;
        self.skip_blanks();
        let Some(op) = self.comparison_op() else {
            self.pos = save;
            return Ok(left);
        };
        self.skip_blanks();
        let right_at = self.pos;
        let right = self.primary()?;
        let left = self.comparable(left, left_at)?;
        let right = self.comparable(right, right_at)?;
        let save = self.pos;
        self.skip_blanks();
        let chain_at = self.pos;
        if self.comparison_op().is_some() {
            return Err(self.error_at(chain_at, "comparisons cannot be chained; combine them with '&&'"));
        }
        self.pos = save;
        Ok(Expr::Logical(Logical::Compare(left, op, right)))
    }

    fn group(&mut self) -> Result<Expr, ParseError> {
        let open = self.pos;
        self.pos += 1;
        self.skip_blanks();
        let at = self.pos;
        let inner = self.or()?;
        let inner = self.as_test(inner, at)?;
        self.skip_blanks();
        if !self.eat(b')') {
            return Err(self.error(format!("expected ')' to close the '(' at byte {open}, found {}", self.describe())));
        }
        Ok(Expr::Logical(inner))
    }

    fn comparison_op(&mut self) -> Option<ComparisonOp> {
        let ops = [
            ("==", ComparisonOp::Eq),
            ("!=", ComparisonOp::Ne),
            ("<=", ComparisonOp::Le),
            (">=", ComparisonOp::Ge),
            ("<", ComparisonOp::Lt),
            (">", ComparisonOp::Gt),
        ];
        ops.into_iter().find(|(s, _)| self.eat_str(s)).map(|(_, op)| op)
    }

    fn comparable(&self, expr: Expr, at: usize) -> Result<Comparable, ParseError> {
        match expr {
            Expr::Literal(v) => Ok(Comparable::Literal(v)),
            Expr::Query { query, singular: true } => Ok(Comparable::Query(query)),
            Expr::Query { singular: false, .. } => Err(self.error_at(
                at,
                "only singular queries (member names and array indices, like @.a[0].b) can be compared; use count() or value() for others",
            )),
            Expr::Fn(call) if call.func.is_logical() => {
                Err(self.error_at(at, format!("{}() returns a logical value and cannot be compared", call.func.name())))
            }
            Expr::Fn(call) => Ok(Comparable::Fn(call)),
            Expr::Logical(_) => Err(self.error_at(at, "a condition cannot be compared; compare a query, a literal or a function")),
        }
    }

    fn primary(&mut self) -> Result<Expr, ParseError> {
        let start = self.pos;
        match self.peek() {
            Some(b'$') => {
                let (query, singular) = self.query_with()?;
                Ok(Expr::Query { query, singular })
            }
            Some(b'@') if self.in_filter > 0 => {
                let (query, singular) = self.query_with()?;
                Ok(Expr::Query { query, singular })
            }
            Some(b'@') => Err(self.error("'@' (the current node) only has a meaning inside a filter '[?...]'; use '$'")),
            Some(q @ (b'"' | b'\'')) => Ok(Expr::Literal(Value::String(self.string(q)?))),
            Some(b'-' | b'0'..=b'9') => self.number().map(Expr::Literal),
            Some(b'a'..=b'z') => {
                let word_end = self
                    .rest()
                    .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
                    .map_or(self.src.len(), |i| self.pos + i);
                let word = &self.src[start..word_end];
                self.pos = word_end;
                match word {
                    "true" if self.peek() != Some(b'(') => Ok(Expr::Literal(Value::Bool(true))),
                    "false" if self.peek() != Some(b'(') => Ok(Expr::Literal(Value::Bool(false))),
                    "null" if self.peek() != Some(b'(') => Ok(Expr::Literal(Value::Null)),
                    _ if self.peek() == Some(b'(') => self.call(word, start).map(Expr::Fn),
                    _ => Err(self.error_at(start, format!("unexpected '{word}'; strings must be quoted, as in \"{word}\""))),
                }
            }
            _ => Err(self.error(format!(
                "expected a query, a literal, a function call or '(', found {}",
                self.describe()
            ))),
        }
    }

    /// A JSON number as RFC 9535 writes it (`-0` allowed, no leading zeros, no `+`).
    fn number(&mut self) -> Result<Value, ParseError> {
        let start = self.pos;
        self.eat(b'-');
        let int_at = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        let int = &self.src[int_at..self.pos];
        if int.is_empty() || int.len() > 1 && int.starts_with('0') {
            return Err(self.error_at(start, "invalid number"));
        }
        let mut float = false;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            let at = self.pos;
            while self.peek().is_some_and(|b| b.is_ascii_digit()) {
                self.pos += 1;
            }
            if self.pos == at {
                return Err(self.error_at(start, "invalid number: digits must follow '.'"));
            }
            float = true;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if !self.eat(b'-') {
                self.eat(b'+');
            }
            let at = self.pos;
            while self.peek().is_some_and(|b| b.is_ascii_digit()) {
                self.pos += 1;
            }
            if self.pos == at {
                return Err(self.error_at(start, "invalid number: digits must follow the exponent"));
            }
            float = true;
        }
        let text = &self.src[start..self.pos];
        if !float && let Ok(i) = text.parse::<i64>() {
            return Ok(Value::from(i));
        }
        text.parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number)
            .ok_or_else(|| self.error_at(start, "number out of range"))
    }

    fn call(&mut self, name: &str, start: usize) -> Result<FnCall, ParseError> {
        let Some(func) = Func::from_name(name) else {
            let known = ["length", "count", "match", "search", "value"];
            let hint = crate::did_you_mean(name, known.iter().copied())
                .map(|s| format!("did you mean {s}()? "))
                .unwrap_or_default();
            return Err(self.error_at(
                start,
                format!("unknown function '{name}'; {hint}RFC 9535 defines length, count, match, search and value"),
            ));
        };
        if cfg!(not(feature = "regex")) && func.is_logical() {
            return Err(ParseError::needs_feature(
                start.min(self.src.len()),
                &format!("JSONPath `{name}()`"),
                "regex",
            ));
        }
        self.nest()?;
        self.pos += 1;
        self.skip_blanks();
        let mut args = Vec::new();
        let mut at_args = Vec::new();
        if !self.eat(b')') {
            loop {
                self.skip_blanks();
                at_args.push(self.pos);
                args.push(self.or()?);
                self.skip_blanks();
                if self.eat(b')') {
                    break;
                }
                if !self.eat(b',') {
                    return Err(self.error(format!(
                        "expected ',' or ')' in the arguments of {}(), found {}",
                        func.name(),
                        self.describe()
                    )));
                }
            }
        }
        self.depth -= 1;
        let params = func.params();
        if args.len() != params.len() {
            return Err(self.error_at(
                start,
                format!(
                    "{name}() takes {} argument{}, found {}",
                    params.len(),
                    if params.len() == 1 { "" } else { "s" },
                    args.len()
                ),
            ));
        }
        let mut typed = Vec::new();
        for ((arg, param), at) in args.into_iter().zip(params).zip(at_args) {
            typed.push(self.argument(func, arg, *param, at)?);
        }
        Ok(FnCall::new(func, typed))
    }

    /// RFC 9535 §2.4.3: an argument must be well-typed for its parameter.
    fn argument(&self, func: Func, arg: Expr, param: ParamType, at: usize) -> Result<FnArg, ParseError> {
        let name = func.name();
        match (param, arg) {
            (ParamType::Value, Expr::Literal(v)) => Ok(FnArg::Literal(v)),
            (ParamType::Value, Expr::Query { query, singular: true }) => Ok(FnArg::Query(query)),
            (ParamType::Value, Expr::Fn(call)) if !call.func.is_logical() => Ok(FnArg::Fn(call)),
            (ParamType::Nodes, Expr::Query { query, .. }) => Ok(FnArg::Query(query)),
            (ParamType::Value, Expr::Query { .. }) => Err(self.error_at(
                at,
                format!("{name}() takes a value: a literal, a singular query (names and indices only) or a function of value type"),
            )),
            (ParamType::Value, _) => Err(self.error_at(
                at,
                format!("{name}() takes a value: a literal, a singular query or a function of value type, not a condition"),
            )),
            (ParamType::Nodes, _) => Err(self.error_at(at, format!("{name}() takes a query"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn paths(query: &str, doc: &Value) -> Vec<String> {
        Query::parse(query)
            .unwrap_or_else(|e| panic!("{query}: {e}"))
            .select_located(doc)
            .into_iter()
            .map(|(p, _)| p.to_string())
            .collect()
    }

    fn values(query: &str, doc: &Value) -> Vec<Value> {
        Query::parse(query)
            .unwrap_or_else(|e| panic!("{query}: {e}"))
            .select(doc)
            .into_iter()
            .cloned()
            .collect()
    }

    /// RFC 9535 §1.5, Figure 1: the bookstore.
    fn store() -> Value {
        json!({ "store": {
            "book": [
              { "category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century", "price": 8.95 },
              { "category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour", "price": 12.99 },
              { "category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553-21311-3", "price": 8.99 },
              { "category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings", "isbn": "0-395-19395-8", "price": 22.99 }
            ],
            "bicycle": { "color": "red", "price": 399 }
        }})
    }

    /// RFC 9535 Table 2 (§1.5).
    #[test]
    fn rfc_table_2_bookstore() {
        let s = store();
        assert_eq!(
            values("$.store.book[*].author", &s),
            json!(["Nigel Rees", "Evelyn Waugh", "Herman Melville", "J. R. R. Tolkien"])
                .as_array()
                .unwrap()
                .clone()
        );
        assert_eq!(values("$..author", &s).len(), 4);
        assert_eq!(values("$.store.*", &s).len(), 2);
        assert_eq!(values("$.store..price", &s).len(), 5);
        assert_eq!(values("$..book[2]", &s)[0]["title"], "Moby Dick");
        assert_eq!(values("$..book[2].author", &s), vec![json!("Herman Melville")]);
        assert!(values("$..book[2].publisher", &s).is_empty());
        assert_eq!(values("$..book[-1]", &s)[0]["title"], "The Lord of the Rings");
        assert_eq!(paths("$..book[0,1]", &s), ["$['store']['book'][0]", "$['store']['book'][1]"]);
        assert_eq!(paths("$..book[:2]", &s), ["$['store']['book'][0]", "$['store']['book'][1]"]);
        assert_eq!(paths("$..book[?@.isbn]", &s), ["$['store']['book'][2]", "$['store']['book'][3]"]);
        assert_eq!(
            paths("$..book[?@.price<10]", &s),
            ["$['store']['book'][0]", "$['store']['book'][2]"]
        );
        assert!(values("$..*", &s).len() > 20);
    }

    /// RFC 9535 Table 5 (§2.3.1.3): name selectors.
    #[test]
    fn rfc_table_5_names() {
        let doc = json!({"o": {"j j": {"k.k": 3}}, "'": {"@": 2}});
        assert_eq!(paths("$.o['j j']", &doc), ["$['o']['j j']"]);
        assert_eq!(paths("$.o['j j']['k.k']", &doc), ["$['o']['j j']['k.k']"]);
        assert_eq!(paths(r#"$.o["j j"]["k.k"]"#, &doc), ["$['o']['j j']['k.k']"]);
        assert_eq!(paths(r#"$["'"]["@"]"#, &doc), [r"$['\'']['@']"]);
    }

    /// RFC 9535 Table 6 (§2.3.2.3): wildcards.
    #[test]
    fn rfc_table_6_wildcards() {
        let doc = json!({"o": {"j": 1, "k": 2}, "a": [5, 3]});
        assert_eq!(values("$[*]", &doc).len(), 2);
        assert_eq!(paths("$.o[*]", &doc), ["$['o']['j']", "$['o']['k']"]);
        assert_eq!(paths("$.o[*, *]", &doc).len(), 4);
        assert_eq!(paths("$.a[*]", &doc), ["$['a'][0]", "$['a'][1]"]);
    }

    /// RFC 9535 Tables 7 and 9 (§2.3.3.3, §2.3.4.3): indices and slices.
    #[test]
    fn rfc_tables_7_and_9_indices_and_slices() {
        let doc = json!(["a", "b"]);
        assert_eq!(values("$[1]", &doc), vec![json!("b")]);
        assert_eq!(values("$[-2]", &doc), vec![json!("a")]);
        let doc = json!(["a", "b", "c", "d", "e", "f", "g"]);
        let v = |q| values(q, &doc);
        assert_eq!(v("$[1:3]"), vec![json!("b"), json!("c")]);
        assert_eq!(v("$[5:]"), vec![json!("f"), json!("g")]);
        assert_eq!(v("$[1:5:2]"), vec![json!("b"), json!("d")]);
        assert_eq!(v("$[5:1:-2]"), vec![json!("f"), json!("d")]);
        assert_eq!(v("$[::-1]"), ["g", "f", "e", "d", "c", "b", "a"].map(Value::from).to_vec());
        assert!(v("$[1:5:0]").is_empty());
    }

    /// RFC 9535 Table 12 (§2.3.5.3): filters, comparisons and functions.
    #[test]
    fn rfc_table_12_filters() {
        let doc = json!({
          "a": [3, 5, 1, 2, 4, 6, {"b": "j"}, {"b": "k"}, {"b": {}}, {"b": "kilo"}],
          "o": {"p": 1, "q": 2, "r": 3, "s": 5, "t": {"u": 6}},
          "e": "f"
        });
        let p = |q| paths(q, &doc);
        assert_eq!(p("$.a[?@.b == 'kilo']"), ["$['a'][9]"]);
        assert_eq!(p("$.a[?(@.b == 'kilo')]"), ["$['a'][9]"]);
        assert_eq!(p("$.a[?@>3.5]"), ["$['a'][1]", "$['a'][4]", "$['a'][5]"]);
        assert_eq!(p("$.a[?@.b]"), ["$['a'][6]", "$['a'][7]", "$['a'][8]", "$['a'][9]"]);
        assert_eq!(p("$[?@.*]"), ["$['a']", "$['o']"]);
        assert_eq!(p("$[?@[?@.b]]"), ["$['a']"]);
        assert_eq!(p("$.o[?@<3, ?@<3]"), ["$['o']['p']", "$['o']['q']", "$['o']['p']", "$['o']['q']"]);
        assert_eq!(p("$.a[?@<2 || @.b == \"k\"]"), ["$['a'][2]", "$['a'][7]"]);
        #[cfg(feature = "regex")]
        assert_eq!(p("$.a[?match(@.b, \"[jk]\")]"), ["$['a'][6]", "$['a'][7]"]);
        #[cfg(feature = "regex")]
        assert_eq!(p("$.a[?search(@.b, \"[jk]\")]"), ["$['a'][6]", "$['a'][7]", "$['a'][9]"]);
        assert_eq!(p("$.o[?@>1 && @<4]"), ["$['o']['q']", "$['o']['r']"]);
        assert_eq!(p("$.o[?@.u || @.x]"), ["$['o']['t']"]);
        assert_eq!(
            p("$.a[?@.b == $.x]"),
            ["$['a'][0]", "$['a'][1]", "$['a'][2]", "$['a'][3]", "$['a'][4]", "$['a'][5]"]
        );
        assert_eq!(p("$.a[?@ == @]").len(), 10);
    }

    /// RFC 9535 Table 14 (§2.4.9): well-typedness of function expressions.
    #[test]
    fn rfc_table_14_well_typedness() {
        for ok in [
            "$[?length(@) < 3]",
            "$[?count(@.*) == 1]",
            #[cfg(feature = "regex")]
            "$[?match(@.timezone, 'Europe/.*')]",
            "$[?value(@..color) == \"red\"]",
            "$[?length(value(@.a)) > 0]",
        ] {
            assert!(Query::parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            "$[?length(@.*) < 3]",
            "$[?count(1) == 1]",
            "$[?count(foo(@.*)) == 1]",
            #[cfg(feature = "regex")]
            "$[?match(@.timezone, 'Europe/.*') == true]",
            "$[?value(@..color)]",
        ] {
            assert!(Query::parse(bad).is_err(), "{bad}");
        }
    }

    /// RFC 9535 Tables 15-17 (§2.5): child and descendant segments, and `null`.
    #[test]
    fn rfc_tables_15_to_17_segments() {
        let doc = json!(["a", "b", "c", "d", "e", "f", "g"]);
        assert_eq!(values("$[0, 3]", &doc), vec![json!("a"), json!("d")]);
        assert_eq!(values("$[0:2, 5]", &doc), vec![json!("a"), json!("b"), json!("f")]);
        assert_eq!(values("$[0, 0]", &doc), vec![json!("a"), json!("a")]);
        let doc = json!({"o": {"j": 1, "k": 2}, "a": [5, 3, [{"j": 4}, {"k": 6}]]});
        assert_eq!(paths("$..j", &doc), ["$['a'][2][0]['j']", "$['o']['j']"]);
        assert_eq!(paths("$..[0]", &doc), ["$['a'][0]", "$['a'][2][0]"]);
        assert_eq!(values("$..[*]", &doc).len(), 11);
        assert_eq!(values("$..*", &doc).len(), 11);
        let doc = json!({"a": null, "b": [null], "c": [{}], "null": 1});
        assert_eq!(values("$.a", &doc), vec![Value::Null]);
        assert!(values("$.a[0]", &doc).is_empty());
        assert!(values("$.a.d", &doc).is_empty());
        assert_eq!(values("$.b[0]", &doc), vec![Value::Null]);
        assert_eq!(values("$.b[*]", &doc), vec![Value::Null]);
        assert_eq!(paths("$.b[?@]", &doc), ["$['b'][0]"]);
        assert_eq!(paths("$.b[?@==null]", &doc), ["$['b'][0]"]);
        assert!(values("$.c[?@.d==null]", &doc).is_empty());
        assert_eq!(values("$.null", &doc), vec![json!(1)]);
    }

    /// RFC 9535 Table 18 (§2.7): normalized paths escape names.
    #[test]
    fn rfc_table_18_normalized_paths() {
        let doc = json!({"a": 1, "b": [0, 1, 2, 3, 4], "\u{b}": 2, "'": 3});
        assert_eq!(paths("$.a", &doc), ["$['a']"]);
        assert_eq!(paths("$.b[4]", &doc), ["$['b'][4]"]);
        assert_eq!(paths("$['\\u000b']", &doc), ["$['\\u000b']"]);
        assert_eq!(paths("$[\"'\"]", &doc), ["$['\\'']"]);
    }

    #[test]
    fn syntax_errors_are_located_and_never_panic() {
        for (bad, at) in [
            ("$.", 2),
            ("$[", 1),
            ("$['a'", 1),
            ("$[01]", 2),
            ("$[-0]", 2),
            ("$[?@.a == ]", 10),
            (" $", 0),
            ("$ ", 1),
        ] {
            let e = Query::parse(bad).expect_err(bad);
            assert_eq!(e.offset, at, "{bad}: {e}");
        }
        let deep = format!("$[?{}@{}]", "(".repeat(200), ")".repeat(200));
        assert!(Query::parse(&deep).unwrap_err().message.contains("nested"));
        assert!(Query::parse("$[9007199254740992]").is_err());
        assert!(
            Query::parse("$[?lenght(@) == 1]")
                .unwrap_err()
                .message
                .contains("did you mean length()")
        );
    }

    #[test]
    fn display_parses_back_to_the_same_query() {
        for q in [
            "$.a['b c'][0][1:2:-1][*]..x",
            "$[?@.a == 'x' && !(@.b < 2) || count(@..c) > 1]",
            #[cfg(feature = "regex")]
            "$[?match(@, 'a.b')]",
        ] {
            let parsed = Query::parse(q).unwrap();
            assert_eq!(Query::parse(&parsed.to_string()).unwrap(), parsed, "{q} -> {parsed}");
        }
    }

    #[test]
    fn a_singular_query_walked_directly_selects_what_the_node_list_does() {
        let doc = json!({"a": {"b": [10, {"c": null}], "": 1, "k'": 2}, "n": [], "s": "x"});
        let queries = [
            "$",
            "$.a",
            "$.a.b",
            "$.a.b[0]",
            "$.a.b[-1]",
            "$.a.b[-2]",
            "$.a.b[-3]",
            "$.a.b[2]",
            "$.a.b[1].c",
            "$.a.b[1].c.d",
            "$.a['']",
            "$.a['k\\'']",
            "$.missing",
            "$.s.x",
            "$.s[0]",
            "$.n[0]",
            "$.a[0]",
            "$.a.b.x",
            "$.a.*",
            "$..c",
            "$.a.b[0:1]",
            "$.a['b','x']",
            "$.a.b[?@ == 10]",
        ];
        for text in queries {
            let query = Query::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            let direct = query.eval_one(&doc, &doc);
            let listed = query.eval_one_of_many(&doc, &doc);
            assert_eq!(direct, listed, "{text}");
        }
        let relative = Query::parse("$.a").expect("query");
        let current = Query {
            absolute: false,
            ..relative
        };
        assert_eq!(current.eval_one(&doc, &doc["a"]["b"][1]), None);
        let at_c = Query::parse("$.c").expect("query");
        let at_c = Query { absolute: false, ..at_c };
        assert_eq!(at_c.eval_one(&doc, &doc["a"]["b"][1]), Some(&Value::Null));
    }

    /// Without the `regex` feature (`cargo test -p arazzo-expr --no-default-features`, run by
    /// .ci/run) `match` and `search` are refused at their name, saying which feature they need;
    /// the other functions still parse.
    #[test]
    #[cfg(not(feature = "regex"))]
    fn without_regex_match_and_search_are_refused_at_their_name() {
        for (q, name) in [("$[?match(@.a, 'x.*')]", "match"), ("$[?@.b && search(@.a, 'x')]", "search")] {
            let e = Query::parse(q).unwrap_err();
            assert_eq!(&q[e.offset..e.offset + name.len()], name, "{q}: {e:?}");
            assert_eq!(e.feature, Some("regex"), "{q}: {}", e.message);
            assert!(e.message.contains("needs feature `regex` of crate `arazzo`"), "{q}: {}", e.message);
        }
        assert!(Query::parse("$[?length(@.a) > 1 && count(@.*) == 2]").is_ok());
    }
}
