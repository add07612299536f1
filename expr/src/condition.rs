//! `simple` Criterion conditions: `$statusCode == 200 && $response.body#/ok == true`.
//!
//! Arazzo 1.0.1 lists the literals and operators but gives no grammar (OAI#518), so this module
//! follows the community grammar recorded in SPEC-NOTES §9 (swaggerexpert's RFC 9535-style
//! spine): `||` binds looser than `&&`, `!` applies to one operand or a parenthesised group,
//! comparisons do not chain, and an operand is a runtime expression optionally followed by
//! `.member` / `[n]` accessors that navigate into its value.
//!
//! Leniencies, because real documents rely on them:
//! - strings may also be double-quoted, with JSON backslash escapes (`"a\"b"`); single-quoted
//!   strings follow the spec and escape a quote by doubling it (`'it''s'`);
//! - a condition wrapped entirely in braces, `{$statusCode == 401}` (the 1.0.1 example's form),
//!   is read as the condition inside the braces.
//!
//! Evaluation uses the loose rules of the 1.1 clarifications, see [`SimpleCondition::evaluate`].

use crate::expression::{self, Ctx, Expression};
use crate::scan::{self, Cursor, describe_at, describe_word, is_blank};
use crate::{EvalError, ParseError, Resolve, compare};
use serde_json::Value;
use std::borrow::Cow;
use std::ops::Range;

/// Deeper nesting than this is rejected so recursion can never exhaust the stack.
const MAX_DEPTH: usize = 64;

/// A parsed `simple` condition.
#[derive(Debug, Clone, PartialEq)]
pub struct SimpleCondition {
    root: Node,
}

/// A node of the condition AST.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// `a || b || ...` (at least two items).
    Or(Vec<Node>),
    /// `a && b && ...` (at least two items).
    And(Vec<Node>),
    /// `!operand` or `!( ... )`.
    Not(Box<Node>),
    /// `left op right`.
    Comparison {
        /// Left operand.
        left: Operand,
        /// The operator.
        op: ComparisonOp,
        /// Right operand.
        right: Operand,
    },
    /// A bare operand, tested for truthiness.
    Test(Operand),
}

/// A comparison operator (shared with the `jsonpath` logical form).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComparisonOp {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl ComparisonOp {
    /// The operator's source text.
    pub fn as_str(self) -> &'static str {
        match self {
            ComparisonOp::Eq => "==",
            ComparisonOp::Ne => "!=",
            ComparisonOp::Lt => "<",
            ComparisonOp::Le => "<=",
            ComparisonOp::Gt => ">",
            ComparisonOp::Ge => ">=",
        }
    }

    /// Lexes an operator at the cursor (shared by both condition languages so `===` and a lone
    /// `=` get the same helpful errors everywhere).
    pub(crate) fn lex(cur: &mut Cursor<'_>) -> Result<Option<ComparisonOp>, ParseError> {
        let start = cur.pos;
        let op = if cur.eat_str("==") {
            ComparisonOp::Eq
        } else if cur.eat_str("!=") {
            ComparisonOp::Ne
        } else if cur.eat_str("<=") {
            ComparisonOp::Le
        } else if cur.eat_str(">=") {
            ComparisonOp::Ge
        } else if cur.eat('<') {
            ComparisonOp::Lt
        } else if cur.eat('>') {
            ComparisonOp::Gt
        } else if cur.starts_with("=") {
            return Err(cur.error("'=' is not an operator; use '==' to compare"));
        } else {
            return Ok(None);
        };
        if cur.peek() == Some('=') {
            let text = format!("{}=", op.as_str());
            return Err(ParseError::new(
                start,
                format!("'{text}' is not an operator; use one of ==, !=, <, <=, >, >="),
            ));
        }
        Ok(Some(op))
    }
}

/// A comparison operand.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    /// A literal value.
    Literal(Literal),
    /// A runtime expression with optional navigation into its value.
    Expression {
        /// The runtime expression.
        expression: Expression,
        /// `.member` / `[n]` steps applied to the expression's value, in order.
        accessors: Vec<Accessor>,
        /// Byte range of the runtime expression (without accessors) in the condition string.
        span: Range<usize>,
    },
}

/// A literal in a condition.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A number such as `200`, `-3.14`, `1.5e3`.
    Number(serde_json::Number),
    /// A quoted string.
    String(String),
}

impl Literal {
    /// A number literal that is not an integer, as generated code writes one; a value JSON
    /// cannot hold (NaN, infinities: the parser never yields one) is `null`.
    pub fn float(value: f64) -> Literal {
        serde_json::Number::from_f64(value).map_or(Literal::Null, Literal::Number)
    }

    /// The literal as a JSON value.
    pub fn to_value(&self) -> Value {
        match self {
            Literal::Null => Value::Null,
            Literal::Bool(b) => Value::Bool(*b),
            Literal::Number(n) => Value::Number(n.clone()),
            Literal::String(s) => Value::String(s.clone()),
        }
    }
}

/// One navigation step after a runtime expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Accessor {
    /// `.name`: an object member.
    Member(String),
    /// `[n]`: an array element (0-based).
    Index(usize),
}

impl SimpleCondition {
    /// Parses a `simple` condition; error offsets are byte offsets into `s`.
    pub fn parse(s: &str) -> Result<SimpleCondition, ParseError> {
        let (lo, hi) = braces_stripped(s);
        let text = s.get(..hi).unwrap_or(s);
        let tokens = lex(text, lo)?;
        if tokens.is_empty() {
            return Err(ParseError::new(lo, "empty condition"));
        }
        let mut p = Parser {
            src: text,
            tokens,
            i: 0,
            end: hi,
            depth: 0,
        };
        let root = p.or()?;
        if let Some(t) = p.tokens.get(p.i) {
            let message = match t.tok {
                Tok::RParen => "unmatched ')'".to_string(),
                Tok::LParen => format!("expected '&&' or '||' before '(', found {}", p.describe(t)),
                _ => format!("expected '&&', '||' or the end of the condition, found {}", p.describe(t)),
            };
            return Err(ParseError::new(t.span.start, message));
        }
        Ok(SimpleCondition { root })
    }

    /// A condition from its AST, as generated code builds one (the generator parsed and checked
    /// the text; nothing is parsed at run time).
    pub fn from_root(root: Node) -> SimpleCondition {
        SimpleCondition { root }
    }

    /// The condition's AST.
    pub fn root(&self) -> &Node {
        &self.root
    }

    /// Every runtime expression used, with its byte range in the source string.
    pub fn expressions(&self) -> Vec<(&Expression, Range<usize>)> {
        let mut out = Vec::new();
        collect(&self.root, &mut out);
        out
    }

    /// Evaluates the condition.
    ///
    /// Rules (Arazzo 1.1 §Condition Evaluation, applied to 1.0.1):
    /// - string comparisons ignore case (`'Available' == 'available'`);
    /// - a string that reads as a number is compared numerically with a number (`'30' == 30`),
    ///   and `'true'`/`'false'` (any case) equal the booleans;
    /// - numbers compare numerically (`200 == 200.0`);
    /// - a missing value behaves like `null`; `null == null` is true, `null` equals nothing else,
    ///   and `<`, `<=`, `>`, `>=` involving `null` (or incomparable types) are false;
    /// - a bare operand is true unless it is missing, `null` or `false` (`0` and `''` are true);
    /// - `&&`/`||` short-circuit, so a right-hand side may not be resolved at all.
    ///
    /// A resolver error aborts evaluation and is returned; the caller treats the condition as failed.
    pub fn evaluate(&self, r: &dyn Resolve) -> Result<bool, EvalError> {
        eval(&self.root, r)
    }
}

fn collect<'a>(node: &'a Node, out: &mut Vec<(&'a Expression, Range<usize>)>) {
    let operand = |o: &'a Operand, out: &mut Vec<(&'a Expression, Range<usize>)>| {
        if let Operand::Expression { expression, span, .. } = o {
            out.push((expression, span.clone()));
        }
    };
    match node {
        Node::Or(items) | Node::And(items) => items.iter().for_each(|n| collect(n, out)),
        Node::Not(inner) => collect(inner, out),
        Node::Comparison { left, right, .. } => {
            operand(left, out);
            operand(right, out);
        }
        Node::Test(o) => operand(o, out),
    }
}

/// Finds the part of `s` to parse: all of it, or what lies inside braces wrapping all of it.
fn braces_stripped(s: &str) -> (usize, usize) {
    let start = s.len() - s.trim_start_matches(is_blank).len();
    let end = s.trim_end_matches(is_blank).len();
    let inner = s.get(start..end).unwrap_or("");
    let wrapped = inner.len() >= 2
        && inner.starts_with('{')
        && inner.ends_with('}')
        && inner.get(1..inner.len() - 1).is_some_and(|body| !has_unquoted_brace(body));
    if wrapped { (start + 1, end - 1) } else { (0, s.len()) }
}

/// True if `s` has a `{` or `}` outside string literals, i.e. the outer braces of
/// `{$a == 1} && {$b == 2}` do not wrap the whole condition.
fn has_unquoted_brace(s: &str) -> bool {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in s.chars() {
        match quote {
            // A doubled '' closes and reopens, which this toggle handles without special casing.
            Some('"') if escaped => escaped = false,
            Some('"') if c == '\\' => escaped = true,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '\'' || c == '"' => quote = Some(c),
            None if c == '{' || c == '}' => return true,
            None => {}
        }
    }
    false
}

#[derive(Debug)]
enum Tok {
    LParen,
    RParen,
    Not,
    And,
    Or,
    Cmp(ComparisonOp),
    Operand(Operand),
}

#[derive(Debug)]
struct Token {
    tok: Tok,
    span: Range<usize>,
}

/// Characters that may directly follow an operand or literal.
fn ends_operand(c: char) -> bool {
    is_blank(c) || matches!(c, '(' | ')' | '!' | '&' | '|' | '<' | '=' | '>')
}

fn lex(text: &str, start: usize) -> Result<Vec<Token>, ParseError> {
    let mut cur = Cursor::new(text, start);
    let mut tokens = Vec::new();
    loop {
        cur.skip_blanks();
        let begin = cur.pos;
        let Some(c) = cur.peek() else { break };
        let tok = match c {
            '(' => {
                cur.bump();
                Tok::LParen
            }
            ')' => {
                cur.bump();
                Tok::RParen
            }
            '&' => {
                if !cur.eat_str("&&") {
                    return Err(cur.error("a single '&' is not an operator; use '&&'"));
                }
                Tok::And
            }
            '|' => {
                if !cur.eat_str("||") {
                    return Err(cur.error("a single '|' is not an operator; use '||'"));
                }
                Tok::Or
            }
            '!' if cur.peek_second() != Some('=') => {
                cur.bump();
                Tok::Not
            }
            '=' | '!' | '<' | '>' => match ComparisonOp::lex(&mut cur)? {
                Some(op) => Tok::Cmp(op),
                None => return Err(cur.error(format!("unexpected {}", describe_at(text, begin)))),
            },
            '$' => Tok::Operand(expression_operand(&mut cur)?),
            '\'' => Tok::Operand(Operand::Literal(Literal::String(single_quoted(&mut cur)?))),
            '"' => Tok::Operand(Operand::Literal(Literal::String(scan::backslash_string(&mut cur, '"')?))),
            '-' | '0'..='9' => Tok::Operand(Operand::Literal(Literal::Number(scan::number(&mut cur)?))),
            '{' | '}' => {
                return Err(cur.error(format!(
                    "unexpected '{c}'; braces may only wrap the whole condition, as in {{$statusCode == 200}}"
                )));
            }
            c if c.is_alphabetic() || c == '_' => {
                let after_operand = matches!(
                    tokens.last(),
                    Some(Token {
                        tok: Tok::Operand(_) | Tok::RParen,
                        ..
                    })
                );
                Tok::Operand(Operand::Literal(keyword(&mut cur, after_operand)?))
            }
            _ => {
                let word = cur.take_while(|c| !ends_operand(c));
                let word = if word.is_empty() {
                    cur.slice(begin, begin + c.len_utf8())
                } else {
                    word
                };
                return Err(ParseError::new(
                    begin,
                    format!(
                        "unexpected {}; expected a runtime expression, a literal, '!' or '('",
                        describe_word(word)
                    ),
                ));
            }
        };
        if let (Tok::Operand(_), Some(next)) = (&tok, cur.peek().filter(|&c| !ends_operand(c))) {
            let at = cur.pos;
            if next == '{' || next == '}' {
                return Err(cur.error(format!(
                    "unexpected '{next}'; braces may only wrap the whole condition, as in {{$statusCode == 200}}"
                )));
            }
            let word = cur.take_while(|c| !ends_operand(c));
            let what = if next == '.' || next == '[' {
                format!("unexpected {} after {}", describe_word(word), describe_word(cur.slice(begin, at)))
            } else {
                format!(
                    "unexpected {} after {}; operands must be separated by an operator",
                    describe_word(word),
                    describe_word(cur.slice(begin, at))
                )
            };
            return Err(ParseError::new(at, what));
        }
        tokens.push(Token { tok, span: begin..cur.pos });
    }
    Ok(tokens)
}

fn expression_operand(cur: &mut Cursor<'_>) -> Result<Operand, ParseError> {
    let start = cur.pos;
    let (expression, end) = expression::parse_in(cur.src(), start, Ctx::Condition)?;
    cur.pos = end;
    let mut accessors = Vec::new();
    while let Some(c @ ('.' | '[')) = cur.peek() {
        if !expression.is_navigable() {
            return Err(cur.error(format!("{expression} is a plain value with no members; '{c}' cannot follow it")));
        }
        cur.bump();
        if c == '.' {
            let name = cur.take_while(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
            if name.is_empty() {
                return Err(cur.error(format!(
                    "expected a member name after '.', found {}",
                    describe_at(cur.src(), cur.pos)
                )));
            }
            accessors.push(Accessor::Member(name.to_string()));
        } else {
            let digits_at = cur.pos;
            let digits = cur.take_while(|c| c.is_ascii_digit());
            if digits.is_empty() {
                return Err(cur.error(format!(
                    "expected an array index (digits) after '[', found {}",
                    describe_at(cur.src(), cur.pos)
                )));
            }
            let index = digits
                .parse::<usize>()
                .map_err(|_| ParseError::new(digits_at, "array index is too large"))?;
            if !cur.eat(']') {
                return Err(cur.error(format!(
                    "expected ']' after the array index, found {}",
                    describe_at(cur.src(), cur.pos)
                )));
            }
            accessors.push(Accessor::Index(index));
        }
    }
    Ok(Operand::Expression {
        expression,
        accessors,
        span: start..end,
    })
}

fn single_quoted(cur: &mut Cursor<'_>) -> Result<String, ParseError> {
    let open = cur.pos;
    cur.bump();
    let mut out = String::new();
    loop {
        match cur.bump() {
            None => return Err(ParseError::new(open, "unterminated string literal; add a closing '")),
            Some('\'') => {
                if cur.eat('\'') {
                    out.push('\'');
                } else {
                    return Ok(out);
                }
            }
            Some(c) => out.push(c),
        }
    }
}

/// Lexes `true`/`false`/`null`; any other bare word is an error whose hint depends on whether
/// an operator (`after_operand`) or an operand was expected there.
fn keyword(cur: &mut Cursor<'_>, after_operand: bool) -> Result<Literal, ParseError> {
    let start = cur.pos;
    let word = cur.take_while(|c| !ends_operand(c) && !matches!(c, '\'' | '"' | '{' | '}'));
    match word {
        "true" => Ok(Literal::Bool(true)),
        "false" => Ok(Literal::Bool(false)),
        "null" => Ok(Literal::Null),
        _ => {
            let hint = if after_operand {
                "; expected an operator (==, !=, <, <=, >, >=, && or ||)".to_string()
            } else if word.eq_ignore_ascii_case("true") || word.eq_ignore_ascii_case("false") || word.eq_ignore_ascii_case("null") {
                format!("; literals are lowercase, write {}", word.to_ascii_lowercase())
            } else {
                format!("; string literals must be quoted, as in '{word}'")
            };
            Err(ParseError::new(start, format!("unexpected {}{hint}", describe_word(word))))
        }
    }
}

struct Parser<'a> {
    src: &'a str,
    tokens: Vec<Token>,
    i: usize,
    /// Offset reported for "end of condition" errors.
    end: usize,
    depth: usize,
}

impl Parser<'_> {
    fn describe(&self, t: &Token) -> String {
        describe_word(self.src.get(t.span.clone()).unwrap_or(""))
    }

    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.i).map(|t| &t.tok)
    }

    fn here(&self) -> (usize, String) {
        match self.tokens.get(self.i) {
            Some(t) => (t.span.start, self.describe(t)),
            None => (self.end, "the end of the condition".to_string()),
        }
    }

    fn take(&mut self) -> Option<Token> {
        let t = self.tokens.get_mut(self.i)?;
        let tok = std::mem::replace(&mut t.tok, Tok::LParen);
        let span = t.span.clone();
        self.i += 1;
        Some(Token { tok, span })
    }

    fn or(&mut self) -> Result<Node, ParseError> {
        let mut items = vec![self.and()?];
        while matches!(self.peek(), Some(Tok::Or)) {
            self.i += 1;
            items.push(self.and()?);
        }
        Ok(single_or(items, Node::Or))
    }

    fn and(&mut self) -> Result<Node, ParseError> {
        let mut items = vec![self.basic()?];
        while matches!(self.peek(), Some(Tok::And)) {
            self.i += 1;
            items.push(self.basic()?);
        }
        Ok(single_or(items, Node::And))
    }

    fn basic(&mut self) -> Result<Node, ParseError> {
        let (at, _) = self.here();
        if self.depth >= MAX_DEPTH {
            return Err(ParseError::new(
                at,
                format!("condition is nested more than {MAX_DEPTH} levels deep"),
            ));
        }
        self.depth += 1;
        let node = self.basic_inner();
        self.depth -= 1;
        node
    }

    fn basic_inner(&mut self) -> Result<Node, ParseError> {
        match self.peek() {
            Some(Tok::Not) => {
                self.i += 1;
                match self.peek() {
                    Some(Tok::LParen) => Ok(Node::Not(Box::new(self.group()?))),
                    Some(Tok::Operand(_)) => {
                        let operand = self.operand()?;
                        if let Some(Tok::Cmp(op)) = self.peek() {
                            let (at, _) = self.here();
                            return Err(ParseError::new(
                                at,
                                format!(
                                    "'!' applies only to the operand right after it; write !(a {} b) to negate a comparison",
                                    op.as_str()
                                ),
                            ));
                        }
                        Ok(Node::Not(Box::new(Node::Test(operand))))
                    }
                    _ => {
                        let (at, found) = self.here();
                        Err(ParseError::new(at, format!("expected '(' or an operand after '!', found {found}")))
                    }
                }
            }
            Some(Tok::LParen) => self.group(),
            Some(Tok::Operand(_)) => {
                let left = self.operand()?;
                let Some(Tok::Cmp(op)) = self.peek() else {
                    return Ok(Node::Test(left));
                };
                let op = *op;
                self.i += 1;
                if !matches!(self.peek(), Some(Tok::Operand(_))) {
                    let (at, found) = self.here();
                    return Err(ParseError::new(
                        at,
                        format!("expected an operand after '{}', found {found}", op.as_str()),
                    ));
                }
                let right = self.operand()?;
                if let Some(Tok::Cmp(_)) = self.peek() {
                    let (at, _) = self.here();
                    return Err(ParseError::new(at, "comparisons cannot be chained; combine them with '&&'"));
                }
                Ok(Node::Comparison { left, op, right })
            }
            _ => {
                let (at, found) = self.here();
                Err(ParseError::new(at, format!("expected an operand, '!' or '(', found {found}")))
            }
        }
    }

    fn operand(&mut self) -> Result<Operand, ParseError> {
        match self.take() {
            Some(Token { tok: Tok::Operand(o), .. }) => Ok(o),
            _ => {
                let (at, found) = self.here();
                Err(ParseError::new(at, format!("expected an operand, found {found}")))
            }
        }
    }

    fn group(&mut self) -> Result<Node, ParseError> {
        let open = self.tokens.get(self.i).map_or(self.end, |t| t.span.start);
        self.i += 1;
        let inner = self.or()?;
        if matches!(self.peek(), Some(Tok::RParen)) {
            self.i += 1;
            Ok(inner)
        } else {
            let (at, found) = self.here();
            Err(ParseError::new(
                at,
                format!("expected ')' to close the '(' at byte {open}, found {found}"),
            ))
        }
    }
}

fn operand_value<'r>(o: &Operand, r: &'r dyn Resolve) -> Result<Option<Cow<'r, Value>>, EvalError> {
    match o {
        Operand::Literal(l) => Ok(Some(Cow::Owned(l.to_value()))),
        Operand::Expression { expression, accessors, .. } => Ok(match r.resolve(expression)? {
            None => None,
            // A lent value stays lent: the accessors walk into the resolver's own value.
            Some(Cow::Borrowed(v)) => walk(v, accessors).map(Cow::Borrowed),
            Some(Cow::Owned(v)) => walk(&v, accessors).cloned().map(Cow::Owned),
        }),
    }
}

fn walk<'v>(value: &'v Value, accessors: &[Accessor]) -> Option<&'v Value> {
    accessors.iter().try_fold(value, |cur, a| match (cur, a) {
        (Value::Object(map), Accessor::Member(k)) => map.get(k),
        (Value::Array(items), Accessor::Index(n)) => items.get(*n),
        _ => None,
    })
}

fn truthy(v: Option<&Value>) -> bool {
    !matches!(v, None | Some(Value::Null) | Some(Value::Bool(false)))
}

fn eval(node: &Node, r: &dyn Resolve) -> Result<bool, EvalError> {
    Ok(match node {
        Node::Or(items) => {
            for n in items {
                if eval(n, r)? {
                    return Ok(true);
                }
            }
            false
        }
        Node::And(items) => {
            for n in items {
                if !eval(n, r)? {
                    return Ok(false);
                }
            }
            true
        }
        Node::Not(inner) => !eval(inner, r)?,
        Node::Test(o) => truthy(operand_value(o, r)?.as_deref()),
        Node::Comparison { left, op, right } => {
            let a = operand_value(left, r)?;
            let b = operand_value(right, r)?;
            let (a, b) = (a.as_deref(), b.as_deref());
            use std::cmp::Ordering::{Equal, Greater, Less};
            match op {
                ComparisonOp::Eq => compare::loose_eq(a, b),
                ComparisonOp::Ne => !compare::loose_eq(a, b),
                ComparisonOp::Lt => compare::loose_cmp(a, b) == Some(Less),
                ComparisonOp::Le => matches!(compare::loose_cmp(a, b), Some(Less | Equal)),
                ComparisonOp::Gt => compare::loose_cmp(a, b) == Some(Greater),
                ComparisonOp::Ge => matches!(compare::loose_cmp(a, b), Some(Greater | Equal)),
            }
        }
    })
}

/// Collapses a one-item `||`/`&&` list to the item itself so the tree has no trivial nodes.
fn single_or(mut items: Vec<Node>, wrap: fn(Vec<Node>) -> Node) -> Node {
    match (items.pop(), items.is_empty()) {
        (Some(only), true) => only,
        (Some(last), false) => {
            items.push(last);
            wrap(items)
        }
        (None, _) => wrap(items),
    }
}
