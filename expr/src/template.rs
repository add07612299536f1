//! Strings with embedded `{$...}` runtime expressions, and the rule deciding how any string
//! value found in an Arazzo document is to be read.
//!
//! The 1.1 ABNF treats every `{` and `}` in a template as structure, which rejects the spec's
//! own JSON payload examples (`{"id": "{$inputs.id}"}`). Following SPEC-NOTES §11 we instead
//! scan for the two-character opener `{$`, parse one expression there and require the `}` right
//! after it; every other brace is literal text.

use crate::ParseError;
use crate::expression::{self, Ctx, Expression};
use crate::scan::describe_at;
use std::fmt;

/// A piece of a template.
#[derive(Debug, Clone, PartialEq)]
pub enum Segment {
    /// Text copied as-is.
    Literal(String),
    /// An embedded `{$...}` expression (stored without its braces).
    Expression(Expression),
}

/// A string with embedded expressions, as alternating literal and expression segments.
///
/// Adjacent literal text is always merged into one segment and empty literals are omitted, so
/// the segment list of a given string is unique.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    /// The segments in source order.
    pub segments: Vec<Segment>,
}

impl Template {
    /// Splits `s` at every `{$...}`; a `{$` that does not start a valid expression closed by `}`
    /// is an error (a document would not write `{$` literally by accident).
    pub fn parse(s: &str) -> Result<Template, ParseError> {
        let mut segments = Vec::new();
        let mut pos = 0;
        while let Some(found) = s.get(pos..).and_then(|rest| rest.find("{$")) {
            let open = pos + found;
            if let Some(text) = s.get(pos..open).filter(|t| !t.is_empty()) {
                segments.push(Segment::Literal(text.to_string()));
            }
            let (expr, end) = expression::parse_in(s, open + 1, Ctx::Embedded)?;
            if s.get(end..).is_some_and(|rest| rest.starts_with('}')) {
                segments.push(Segment::Expression(expr));
                pos = end + 1;
            } else {
                let message = if end >= s.len() {
                    format!("unterminated embedded expression; expected '}}' to close the '{{' at byte {open}")
                } else {
                    format!(
                        "expected '}}' to close the embedded expression opened at byte {open}, found {}",
                        describe_at(s, end)
                    )
                };
                return Err(ParseError::new(end, message));
            }
        }
        if let Some(text) = s.get(pos..).filter(|t| !t.is_empty()) {
            segments.push(Segment::Literal(text.to_string()));
        }
        Ok(Template { segments })
    }

    /// The embedded expressions in source order.
    pub fn expressions(&self) -> impl Iterator<Item = &Expression> {
        self.segments.iter().filter_map(|s| match s {
            Segment::Expression(e) => Some(e),
            Segment::Literal(_) => None,
        })
    }

    /// True when the template embeds no expression at all.
    pub fn is_literal(&self) -> bool {
        self.expressions().next().is_none()
    }
}

/// Prints the template back with each expression in `{...}`; re-parses to the same value.
impl fmt::Display for Template {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for segment in &self.segments {
            match segment {
                Segment::Literal(text) => f.write_str(text)?,
                Segment::Expression(e) => write!(f, "{{{e}}}")?,
            }
        }
        Ok(())
    }
}

/// How a string value found in a spec (parameter value, payload leaf, output) is to be read.
#[derive(Debug, Clone, PartialEq)]
pub enum StringValue {
    /// Plain text.
    Literal(String),
    /// The whole string is one runtime expression; its value keeps its JSON type.
    Expression(Expression),
    /// Text with embedded `{$...}` expressions; always produces a string.
    Template(Template),
}

/// Classifies a string value from a document.
///
/// - A string starting with `$` must be exactly one runtime expression (the spec gives no way to
///   write a literal that starts with `$`, so anything else is reported as an error pointing at
///   the problem rather than silently sent as text).
/// - Otherwise a string containing `{$` is a [`Template`]; other braces (JSON, XML) stay literal.
/// - Anything else is a literal.
pub fn classify(s: &str) -> Result<StringValue, ParseError> {
    if s.starts_with('$') {
        Expression::parse(s).map(StringValue::Expression)
    } else if s.contains("{$") {
        Template::parse(s).map(StringValue::Template)
    } else {
        Ok(StringValue::Literal(s.to_string()))
    }
}
