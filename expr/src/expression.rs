//! Arazzo runtime expressions (`$url`, `$response.body#/id`, `$steps.s.outputs.x`, ...).
//!
//! The grammar is the Arazzo 1.0.1 ABNF tightened by the 1.1 refinements that 1.0.1 documents
//! already follow in practice (SPEC-NOTES §11): steps and workflows references have a fixed
//! `<id>.outputs.<name>` / `<id>.inputs|outputs.<name>` shape, inputs and outputs may carry a
//! `#` JSON pointer, names are the 1.1 `identifier` (letters, digits, `.`, `-`, `_`) and JSON
//! pointers may not contain `{`/`}` so that embedded `{$...}` expressions are unambiguous.
//! Empty names are rejected (1.0.1's `*CHAR` would allow them, but they are always mistakes).
//!
//! The same parser serves three callers that differ only in what may *follow* an expression:
//! a whole string (nothing), an embedded `{$...}` (a `}`), and a condition operand (whitespace,
//! operators, accessors). A private `Ctx` carries that difference; everything else is shared so the
//! three can never drift apart.

use crate::ParseError;
use crate::pointer::{self, JsonPointer};
use crate::scan::{Cursor, describe_at};
use crate::suggest::did_you_mean;
use std::fmt;

/// A parsed runtime expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expression {
    /// `$url`
    Url,
    /// `$method`
    Method,
    /// `$statusCode`
    StatusCode,
    /// `$request.<source>`
    Request(Source),
    /// `$response.<source>`
    Response(Source),
    /// `$message.header.<token>` or `$message.payload[#pointer]` (Arazzo 1.1): the message an
    /// AsyncAPI `receive` step received.
    Message(MessagePart),
    /// `$inputs.<name>[#pointer]`
    Inputs {
        /// The input name (may contain `.`).
        name: String,
        /// Optional pointer into the input's value.
        pointer: Option<JsonPointer>,
    },
    /// `$outputs.<name>[#pointer]`
    Outputs {
        /// The output name (may contain `.`).
        name: String,
        /// Optional pointer into the output's value.
        pointer: Option<JsonPointer>,
    },
    /// `$steps.<stepId>.outputs.<name>[#pointer]`
    Steps {
        /// The step id.
        step_id: String,
        /// Everything after `.outputs.` up to `#`; output names may contain `.`.
        output: String,
        /// Optional pointer into the output's value.
        pointer: Option<JsonPointer>,
    },
    /// `$workflows.<workflowId>.inputs|outputs.<name>[#pointer]`
    Workflows {
        /// The workflow id.
        workflow_id: String,
        /// Whether an input or an output of that workflow is meant.
        field: WorkflowField,
        /// The input or output name.
        name: String,
        /// Optional pointer into the value.
        pointer: Option<JsonPointer>,
    },
    /// `$sourceDescriptions.<name>.<field-or-operationId-or-workflowId>`
    SourceDescriptions {
        /// The source description name.
        name: String,
        /// A Source Description field (`url`, `type`), an operationId or a workflowId.
        field: String,
    },
    /// `$components.<kind>.<name>`
    Components {
        /// `parameters`, `successActions`, `failureActions` or `inputs`.
        kind: String,
        /// The component key.
        name: String,
    },
    /// `$self` (Arazzo 1.1): the document's `$self` URI.
    SelfUri,
}

/// Which side of a workflow a `$workflows...` expression reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkflowField {
    /// `.inputs.`
    Inputs,
    /// `.outputs.`
    Outputs,
}

/// The part of a request or response a `$request.`/`$response.` expression reads.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// `header.<token>`; header names are case-insensitive when resolved.
    Header(String),
    /// `query.<name>`
    Query(String),
    /// `path.<name>`
    Path(String),
    /// `body[#pointer]`
    Body(Option<JsonPointer>),
}

/// The part of a received message a `$message.` expression reads.
#[derive(Debug, Clone, PartialEq)]
pub enum MessagePart {
    /// `header.<token>`; header names are case-insensitive when resolved.
    Header(String),
    /// `payload[#pointer]`
    Payload(Option<JsonPointer>),
}

/// The roots after `$`, in the order error messages list them.
const ROOTS: [&str; 13] = [
    "url",
    "method",
    "statusCode",
    "request",
    "response",
    "message",
    "inputs",
    "outputs",
    "steps",
    "workflows",
    "sourceDescriptions",
    "components",
    "self",
];

const SOURCES: [&str; 4] = ["header", "query", "path", "body"];

/// Component kinds `$components.` can name (`inputs` is listed for JSON-Schema-style reuse).
const COMPONENT_KINDS: [&str; 4] = ["parameters", "successActions", "failureActions", "inputs"];

impl Expression {
    /// Parses a string that must be exactly one runtime expression (no surrounding braces or blanks).
    pub fn parse(s: &str) -> Result<Expression, ParseError> {
        let (expr, end) = parse_in(s, 0, Ctx::Whole)?;
        if end < s.len() {
            // Every grammar branch already rejects trailing text with a precise message;
            // this only guards against a branch forgetting to.
            return Err(ParseError::new(
                end,
                format!("unexpected {} after the runtime expression", describe_at(s, end)),
            ));
        }
        Ok(expr)
    }

    /// The JSON pointer suffix, if the expression has one.
    pub fn pointer(&self) -> Option<&JsonPointer> {
        match self {
            Expression::Request(Source::Body(p)) | Expression::Response(Source::Body(p)) | Expression::Message(MessagePart::Payload(p)) => {
                p.as_ref()
            }
            Expression::Inputs { pointer, .. }
            | Expression::Outputs { pointer, .. }
            | Expression::Steps { pointer, .. }
            | Expression::Workflows { pointer, .. } => pointer.as_ref(),
            _ => None,
        }
    }

    /// True for expressions whose value can be a JSON structure a condition may navigate into
    /// with `.member`/`[n]` (bodies, inputs, outputs); `$url`, `$method` and `$statusCode` are scalars.
    pub fn is_navigable(&self) -> bool {
        !matches!(
            self,
            Expression::Url | Expression::Method | Expression::StatusCode | Expression::SelfUri
        )
    }
}

/// Parses the runtime expression at the start of `s` and returns it with the number of bytes it
/// spans.
///
/// Meant for text where an expression is followed by something else: the expression ends at
/// the first character that cannot belong to it there — whitespace, a comparison or logical
/// operator character, a bracket, brace, parenthesis or quote. Errors inside the expression
/// are reported; what follows it is the caller's business.
pub fn parse_prefix(s: &str) -> Result<(Expression, usize), ParseError> {
    parse_in(s, 0, Ctx::Condition)
}

/// Where an expression is being parsed, which decides what may follow it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ctx {
    /// The expression is the entire string: nothing may follow.
    Whole,
    /// Inside `{...}` of a template: a `}` must follow, and pointers may contain blanks.
    Embedded,
    /// A condition operand: the expression stops at blanks and condition punctuation.
    Condition,
}

/// Characters that end an expression inside a simple condition (swaggerexpert's operand
/// boundary set, plus brackets so `[n]` accessors and quotes so adjacent literals are seen).
pub(crate) fn is_condition_delim(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '!' | '&' | '(' | ')' | '<' | '=' | '>' | '|' | '{' | '}' | '[' | ']' | '\'' | '"'
        )
}

fn is_identifier(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')
}

fn is_identifier_strict(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_')
}

/// RFC 7230 `tchar`.
fn is_tchar(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c)
}

/// Query/path parameter names and operationIds are unconstrained in OpenAPI; this keeps out
/// only what would make the surrounding text ambiguous.
fn is_free_name(c: char) -> bool {
    !c.is_control() && !c.is_whitespace() && !matches!(c, '{' | '}' | '#' | '"' | '\\')
}

const IDENTIFIER_RULE: &str = "names may contain only ASCII letters, digits, '.', '-' and '_'";
const STRICT_RULE: &str = "ids may contain only ASCII letters, digits, '-' and '_'";

/// Parses an expression starting at byte `start` of `src`; returns it and the end offset.
/// All error offsets are absolute offsets into `src`.
pub(crate) fn parse_in(src: &str, start: usize, ctx: Ctx) -> Result<(Expression, usize), ParseError> {
    let mut p = Parser {
        cur: Cursor::new(src, start),
        ctx,
        start,
    };
    let expr = p.expression()?;
    Ok((expr, p.cur.pos))
}

struct Parser<'a> {
    cur: Cursor<'a>,
    ctx: Ctx,
    start: usize,
}

fn quote(c: char) -> String {
    if c.is_control() {
        format!("character U+{:04X}", c as u32)
    } else {
        format!("'{c}'")
    }
}

impl<'a> Parser<'a> {
    fn so_far(&self) -> &'a str {
        self.cur.slice(self.start, self.cur.pos)
    }

    fn here(&self) -> String {
        describe_at(self.cur.src(), self.cur.pos)
    }

    fn expression(&mut self) -> Result<Expression, ParseError> {
        if !self.cur.eat('$') {
            let msg = if self.cur.starts_with("{$") {
                "a runtime expression starts with '$'; braces only embed an expression in a longer string".to_string()
            } else {
                format!("expected a runtime expression starting with '$', found {}", self.here())
            };
            return Err(self.cur.error(msg));
        }
        let root_start = self.cur.pos;
        let root = self.cur.take_while(|c| c.is_ascii_alphanumeric() || c == '_');
        let expr = match root {
            "url" => self.simple(Expression::Url)?,
            "method" => self.simple(Expression::Method)?,
            "statusCode" => self.simple(Expression::StatusCode)?,
            "request" => Expression::Request(self.source()?),
            "response" => Expression::Response(self.source()?),
            "message" => Expression::Message(self.message()?),
            "inputs" => {
                let (name, pointer) = self.named_with_pointer("an input name")?;
                Expression::Inputs { name, pointer }
            }
            "outputs" => {
                let (name, pointer) = self.named_with_pointer("an output name")?;
                Expression::Outputs { name, pointer }
            }
            "steps" => self.steps()?,
            "workflows" => self.workflows()?,
            "sourceDescriptions" => self.source_descriptions()?,
            "components" => self.components()?,
            "self" => self.simple(Expression::SelfUri)?,
            _ => return Err(self.unknown_root(root_start, root)),
        };
        Ok(expr)
    }

    fn unknown_root(&self, at: usize, root: &str) -> ParseError {
        let list = "$url, $method, $statusCode, $request, $response, $message, $inputs, $outputs, $steps, $workflows, $sourceDescriptions, $components or $self";
        let message = if root.is_empty() {
            let found = describe_at(self.cur.src(), at);
            let jsonpath = matches!(self.cur.src().get(at..at + 1), Some("." | "["));
            if jsonpath {
                format!("expected a name after '$', found {found}, which is JSONPath syntax; runtime expressions are {list}")
            } else {
                format!("expected a name after '$', found {found}; runtime expressions are {list}")
            }
        } else {
            let hint = match did_you_mean(root, ROOTS) {
                Some(s) => format!(" (did you mean ${s}?)"),
                None => String::new(),
            };
            format!("unknown runtime expression '${root}'{hint}; expected one of {list}")
        };
        ParseError::new(at, message)
    }

    /// `$url`, `$method`, `$statusCode`: nothing may follow.
    fn simple(&mut self, e: Expression) -> Result<Expression, ParseError> {
        let so_far = self.so_far().to_string();
        self.finish(|c| format!("unexpected {} after {so_far}, which takes no further path", quote(c)))?;
        Ok(e)
    }

    /// Rejects what follows a complete expression when the context says nothing (whole string)
    /// or only `}` (embedded) may follow; `message` explains the offending character.
    fn finish(&self, message: impl FnOnce(char) -> String) -> Result<(), ParseError> {
        let Some(c) = self.cur.peek() else {
            return Ok(());
        };
        let bad = match self.ctx {
            Ctx::Whole => true,
            Ctx::Embedded => c != '}',
            Ctx::Condition => false,
        };
        if bad { Err(self.cur.error(message(c))) } else { Ok(()) }
    }

    fn expect_dot(&mut self, what_next: &str) -> Result<(), ParseError> {
        if self.cur.eat('.') {
            Ok(())
        } else {
            Err(self.cur.error(format!(
                "expected '.' followed by {what_next} after '{}', found {}",
                self.so_far(),
                self.here()
            )))
        }
    }

    fn name(&mut self, allowed: fn(char) -> bool, what: &str) -> Result<String, ParseError> {
        let ctx = self.ctx;
        let before = self.so_far();
        let n = self
            .cur
            .take_while(|c| allowed(c) && !(ctx == Ctx::Condition && is_condition_delim(c)));
        if n.is_empty() {
            Err(self.cur.error(format!("expected {what} after '{before}', found {}", self.here())))
        } else {
            Ok(n.to_string())
        }
    }

    fn pointer(&mut self) -> Result<Option<JsonPointer>, ParseError> {
        if !self.cur.eat('#') {
            return Ok(None);
        }
        let start = self.cur.pos;
        let ctx = self.ctx;
        let text = self
            .cur
            .take_while(|c| !(matches!(c, '{' | '}') || ctx == Ctx::Condition && is_condition_delim(c)));
        if text.is_empty() && ctx == Ctx::Condition && !self.cur.at_end() {
            // In a condition a bare '#' followed by an operator is almost surely a typo.
            return Err(self.cur.error(format!("expected a JSON pointer after '#', found {}", self.here())));
        }
        pointer::parse_at(text, start).map(Some)
    }

    /// Error text for whatever stops a name that was followed by an optional pointer.
    fn after_name_message(c: char, had_pointer: bool, what: &str, rule: &str) -> String {
        if had_pointer {
            format!("{} is not allowed in a JSON pointer inside a runtime expression", quote(c))
        } else if c == '#' {
            format!("a JSON pointer ('#') cannot follow {what}; only body, inputs, outputs, steps and workflows references take one")
        } else {
            format!("{} is not allowed in {what}; {rule}", quote(c))
        }
    }

    fn named_with_pointer(&mut self, what: &str) -> Result<(String, Option<JsonPointer>), ParseError> {
        self.expect_dot(what)?;
        let name = self.name(is_identifier, what)?;
        let pointer = self.pointer()?;
        let had = pointer.is_some();
        self.finish(|c| Self::after_name_message(c, had, what, IDENTIFIER_RULE))?;
        Ok((name, pointer))
    }

    fn source(&mut self) -> Result<Source, ParseError> {
        self.expect_dot("header, query, path or body")?;
        let kw_start = self.cur.pos;
        let kw = self.cur.take_while(|c| c.is_ascii_alphabetic());
        match kw {
            "header" => Ok(Source::Header(self.header_suffix()?)),
            "query" | "path" => {
                let what = if kw == "query" {
                    "a query parameter name"
                } else {
                    "a path parameter name"
                };
                self.expect_dot(what)?;
                let n = self.name(is_free_name, what)?;
                self.finish(|c| {
                    Self::after_name_message(
                        c,
                        false,
                        what,
                        "only body, inputs, outputs, steps and workflows references take a JSON pointer",
                    )
                })?;
                Ok(if kw == "query" { Source::Query(n) } else { Source::Path(n) })
            }
            "body" => Ok(Source::Body(self.pointer_suffix()?)),
            _ => {
                let root = self.cur.slice(self.start, kw_start);
                let message = if kw.is_empty() {
                    format!(
                        "expected header, query, path or body after '{root}', found {}",
                        describe_at(self.cur.src(), kw_start)
                    )
                } else {
                    let hint = match did_you_mean(kw, SOURCES) {
                        Some(s) => format!(" (did you mean '{s}'?)"),
                        None => String::new(),
                    };
                    format!("unknown source '{kw}' after '{root}'{hint}; expected header, query, path or body")
                };
                Err(ParseError::new(kw_start, message))
            }
        }
    }

    /// The `.<token>` that ends a `header` reference (of a request, response or message).
    fn header_suffix(&mut self) -> Result<String, ParseError> {
        self.expect_dot("a header name")?;
        let n = self.name(is_tchar, "a header name")?;
        self.finish(|c| format!("{} is not allowed in a header name; header names are RFC 7230 tokens", quote(c)))?;
        Ok(n)
    }

    /// The optional `#json-pointer` that ends a `body` or `payload` reference, and nothing
    /// after it (a `.member` there gets the JSON-pointer spelling as its fix).
    fn pointer_suffix(&mut self) -> Result<Option<JsonPointer>, ParseError> {
        let before = self.so_far().to_string();
        let p = self.pointer()?;
        let had = p.is_some();
        self.finish(|c| {
            if had {
                format!("{} is not allowed in a JSON pointer inside a runtime expression", quote(c))
            } else if c == '.' {
                format!("'.' cannot follow {before}; select a member with a JSON pointer such as '{before}#/name'")
            } else {
                format!("unexpected {} after {before}; only a JSON pointer ('#/...') may follow", quote(c))
            }
        })?;
        Ok(p)
    }

    /// `$message.` is followed by `header.<token>` or `payload[#pointer]` (the 1.1 ABNF's
    /// `header-reference` / `payload-reference`).
    fn message(&mut self) -> Result<MessagePart, ParseError> {
        self.expect_dot("header or payload")?;
        let kw_start = self.cur.pos;
        let kw = self.cur.take_while(|c| c.is_ascii_alphabetic());
        match kw {
            "header" => Ok(MessagePart::Header(self.header_suffix()?)),
            "payload" => Ok(MessagePart::Payload(self.pointer_suffix()?)),
            _ => {
                let found = if kw.is_empty() {
                    describe_at(self.cur.src(), kw_start)
                } else {
                    format!("'{kw}'")
                };
                let hint = match did_you_mean(kw, ["header", "payload"]) {
                    Some(s) if !kw.is_empty() => format!(" (did you mean '{s}'?)"),
                    _ => String::new(),
                };
                Err(ParseError::new(
                    kw_start,
                    format!("expected header or payload after '$message.', found {found}{hint}"),
                ))
            }
        }
    }

    /// After an id that must be followed by `.`: explains a bad id character or a missing part.
    fn id_then_dot(&mut self, id_what: &str, expected: &str) -> Result<(), ParseError> {
        if self.cur.eat('.') {
            return Ok(());
        }
        let message = match self.cur.peek() {
            Some(c) if !is_condition_delim(c) && c != '}' => {
                format!("{} is not allowed in a {id_what}; {STRICT_RULE}", quote(c))
            }
            _ => format!("expected {expected} after '{}', found {}", self.so_far(), self.here()),
        };
        Err(self.cur.error(message))
    }

    fn steps(&mut self) -> Result<Expression, ParseError> {
        const SHAPE: &str = "step references have the form $steps.<stepId>.outputs.<name>";
        self.expect_dot("a step id")?;
        let step_id = self.name(is_identifier_strict, "a step id")?;
        self.id_then_dot("step id", &format!("'.outputs.<name>' ({SHAPE})"))?;
        let kw_start = self.cur.pos;
        let kw = self.cur.take_while(is_identifier_strict);
        if kw != "outputs" {
            let found = if kw.is_empty() {
                describe_at(self.cur.src(), kw_start)
            } else {
                format!("'{kw}'")
            };
            return Err(ParseError::new(
                kw_start,
                format!("expected 'outputs' after '$steps.{step_id}.', found {found}; {SHAPE}"),
            ));
        }
        let (output, pointer) = self.named_with_pointer("an output name")?;
        Ok(Expression::Steps { step_id, output, pointer })
    }

    fn workflows(&mut self) -> Result<Expression, ParseError> {
        const SHAPE: &str =
            "workflow references have the form $workflows.<workflowId>.inputs.<name> or $workflows.<workflowId>.outputs.<name>";
        self.expect_dot("a workflow id")?;
        let workflow_id = self.name(is_identifier_strict, "a workflow id")?;
        self.id_then_dot("workflow id", &format!("'.inputs.<name>' or '.outputs.<name>' ({SHAPE})"))?;
        let kw_start = self.cur.pos;
        let kw = self.cur.take_while(is_identifier_strict);
        let field = match kw {
            "inputs" => WorkflowField::Inputs,
            "outputs" => WorkflowField::Outputs,
            _ => {
                let found = if kw.is_empty() {
                    describe_at(self.cur.src(), kw_start)
                } else {
                    format!("'{kw}'")
                };
                return Err(ParseError::new(
                    kw_start,
                    format!("expected 'inputs' or 'outputs' after '$workflows.{workflow_id}.', found {found}; {SHAPE}"),
                ));
            }
        };
        let what = match field {
            WorkflowField::Inputs => "an input name",
            WorkflowField::Outputs => "an output name",
        };
        let (name, pointer) = self.named_with_pointer(what)?;
        Ok(Expression::Workflows {
            workflow_id,
            field,
            name,
            pointer,
        })
    }

    fn source_descriptions(&mut self) -> Result<Expression, ParseError> {
        self.expect_dot("a source description name")?;
        let name = self.name(is_identifier_strict, "a source description name")?;
        self.id_then_dot("source description name", "'.' and an operationId, workflowId or field name")?;
        let field = self.name(is_free_name, "an operationId, workflowId or source description field")?;
        self.finish(|c| {
            if c == '#' {
                "a JSON pointer cannot follow a source description reference; to point into the source document write '{$sourceDescriptions.<name>.url}#/...'".to_string()
            } else {
                format!("{} is not allowed in a source description reference", quote(c))
            }
        })?;
        Ok(Expression::SourceDescriptions { name, field })
    }

    fn components(&mut self) -> Result<Expression, ParseError> {
        self.expect_dot("a component type")?;
        let kind_start = self.cur.pos;
        let kind = self.cur.take_while(|c| c.is_ascii_alphabetic());
        if !COMPONENT_KINDS.contains(&kind) {
            let message = if kind.is_empty() {
                format!(
                    "expected a component type (parameters, successActions, failureActions or inputs) after '$components.', found {}",
                    describe_at(self.cur.src(), kind_start)
                )
            } else {
                let hint = match did_you_mean(kind, COMPONENT_KINDS) {
                    Some(s) => format!(" (did you mean '{s}'?)"),
                    None => String::new(),
                };
                format!("unknown component type '{kind}'{hint}; expected parameters, successActions, failureActions or inputs")
            };
            return Err(ParseError::new(kind_start, message));
        }
        let kind = kind.to_string();
        self.expect_dot("a component name")?;
        let name = self.name(is_identifier, "a component name")?;
        self.finish(|c| Self::after_name_message(c, false, "a component name", IDENTIFIER_RULE))?;
        Ok(Expression::Components { kind, name })
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Header(n) => write!(f, "header.{n}"),
            Source::Query(n) => write!(f, "query.{n}"),
            Source::Path(n) => write!(f, "path.{n}"),
            Source::Body(p) => {
                f.write_str("body")?;
                write_pointer(f, p.as_ref())
            }
        }
    }
}

fn write_pointer(f: &mut fmt::Formatter<'_>, p: Option<&JsonPointer>) -> fmt::Result {
    match p {
        Some(p) => write!(f, "#{p}"),
        None => Ok(()),
    }
}

impl fmt::Display for WorkflowField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            WorkflowField::Inputs => "inputs",
            WorkflowField::Outputs => "outputs",
        })
    }
}

impl fmt::Display for Expression {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expression::Url => f.write_str("$url"),
            Expression::Method => f.write_str("$method"),
            Expression::StatusCode => f.write_str("$statusCode"),
            Expression::Request(s) => write!(f, "$request.{s}"),
            Expression::Response(s) => write!(f, "$response.{s}"),
            Expression::Message(MessagePart::Header(h)) => write!(f, "$message.header.{h}"),
            Expression::Message(MessagePart::Payload(p)) => {
                f.write_str("$message.payload")?;
                write_pointer(f, p.as_ref())
            }
            Expression::Inputs { name, pointer } => {
                write!(f, "$inputs.{name}")?;
                write_pointer(f, pointer.as_ref())
            }
            Expression::Outputs { name, pointer } => {
                write!(f, "$outputs.{name}")?;
                write_pointer(f, pointer.as_ref())
            }
            Expression::Steps { step_id, output, pointer } => {
                write!(f, "$steps.{step_id}.outputs.{output}")?;
                write_pointer(f, pointer.as_ref())
            }
            Expression::Workflows {
                workflow_id,
                field,
                name,
                pointer,
            } => {
                write!(f, "$workflows.{workflow_id}.{field}.{name}")?;
                write_pointer(f, pointer.as_ref())
            }
            Expression::SourceDescriptions { name, field } => write!(f, "$sourceDescriptions.{name}.{field}"),
            Expression::Components { kind, name } => write!(f, "$components.{kind}.{name}"),
            Expression::SelfUri => f.write_str("$self"),
        }
    }
}
