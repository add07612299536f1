//! Arazzo 1.0.1 runtime expressions, embedded `{$...}` templates and Criterion conditions.
//!
//! This crate exists so that the code generator and the runtime agree, byte for byte, on what an
//! Arazzo expression means: the generator parses everything at build time (and reports errors
//! with byte offsets it can turn into `file:line:column`), the runtime evaluates the same ASTs.
//!
//! Ground rules every module follows: no input string can make a parser panic, every
//! [`ParseError`] carries the byte offset of the problem in the string that was handed to the
//! parser, and evaluation never panics either (problems become [`EvalError`]s).
//!
//! Module map:
//! - [`pointer`](mod@pointer): RFC 6901 JSON pointers (the `#/...` suffix of expressions).
//! - [`expression`]: runtime expressions such as `$response.body#/id`.
//! - [`template`]: strings with embedded `{$...}` expressions and the literal/expression/template
//!   classification of string values found in a document.
//! - [`condition`]: `simple` Criterion conditions (`$statusCode == 200 && ...`).
//! - [`rfc9535`]: RFC 9535 JSONPath queries: AST, parser, evaluator ([`iregexp`] for `match`/`search`).
//! - [`jsonpath`]: `jsonpath` Criterion conditions (RFC 9535 queries and logical expressions).
//! - [`criterion`]: the Criterion Object as a whole (type dispatch, context, regex).
//! - [`did_you_mean`]: the one "did you mean" rule, shared with the generator's checker.
//!
//! Feature `regex` (on by default): `regex` criteria and JSONPath's `match()`/`search()`, with
//! the `regex` crate. Without it the parsers refuse both with an error that names the feature
//! ([`ParseError::feature`]), so nothing that needs a regular expression ever evaluates without one.
//!
//! Parse once, evaluate against anything that can [`Resolve`] an expression:
//!
//! ```
//! use arazzo_expr::{EvalError, Expression, Source, SimpleCondition};
//! use serde_json::{Value, json};
//!
//! let condition = SimpleCondition::parse("$statusCode == 200 && $response.body#/status == 'completed'")?;
//!
//! // A resolver answers each expression the condition names; here, a fixed response.
//! let body = json!({"status": "completed"});
//! let resolve = |expr: &Expression| -> Result<Option<Value>, EvalError> {
//!     Ok(match expr {
//!         Expression::StatusCode => Some(json!(200)),
//!         Expression::Response(Source::Body(pointer)) => {
//!             pointer.as_ref().map_or(Some(&body), |p| p.resolve(&body)).cloned()
//!         }
//!         _ => None,
//!     })
//! };
//! assert!(condition.evaluate(&resolve)?);
//!
//! // Errors carry the byte offset of the problem (here the name after `$`), for
//! // `file:line:column` diagnostics.
//! let error = Expression::parse("$respose.body").unwrap_err();
//! assert_eq!(error.offset, 1);
//! assert!(error.message.contains("did you mean $response?"), "{}", error.message);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod compare;
pub mod condition;
pub mod credential;
pub mod criterion;
pub mod expression;
pub mod goessner;
#[cfg(feature = "regex")]
#[cfg_attr(docsrs, doc(cfg(feature = "regex")))]
pub mod iregexp;
pub mod jsonpath;
pub mod pointer;
pub mod rfc9535;
mod scan;
pub mod selector;
mod suggest;
pub mod template;

pub use condition::SimpleCondition;
pub use credential::is_credential_name;
pub use criterion::*;
pub use expression::{Expression, MessagePart, Source, WorkflowField};
pub use jsonpath::{ConditionKind, JsonPathCondition, LiteralComparison, QuerySegment, SingularQuery};
pub use pointer::JsonPointer;
pub use selector::{Selector, SelectorError};
pub use suggest::did_you_mean;
pub use template::*;

use std::borrow::Cow;
use std::fmt;

/// Supplies values for runtime expressions during evaluation.
///
/// `Ok(None)` means the expression selects nothing (an absent header, a missing output, a pointer
/// that does not resolve); conditions treat that like `null`. `Err` means the value could not be
/// produced at all, and the condition evaluating it fails with that error.
///
/// A value the resolver already holds (a parsed response body, a step's outputs) is lent, not
/// copied: a criterion on `$response.body` reads the body in place.
pub trait Resolve {
    /// Returns the current value of `expr`.
    fn resolve<'a>(&'a self, expr: &expression::Expression) -> Result<Option<Cow<'a, serde_json::Value>>, EvalError>;
}

/// Closures make ad-hoc resolvers (tests, one-off evaluations) cheap to write.
impl<F> Resolve for F
where
    F: Fn(&expression::Expression) -> Result<Option<serde_json::Value>, EvalError>,
{
    fn resolve<'a>(&'a self, expr: &expression::Expression) -> Result<Option<Cow<'a, serde_json::Value>>, EvalError> {
        self(expr).map(|v| v.map(Cow::Owned))
    }
}

/// A syntax error: where it is (a byte offset into the parsed string) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// Byte offset into the string given to the parser; may equal its length ("at end of input").
    pub offset: usize,
    /// One sentence, no trailing period, describing the problem.
    pub message: String,
    /// The feature of crate `arazzo` (forwarded to this crate) whose absence is the whole problem:
    /// the text is well-formed, but this build cannot evaluate it. `None` for syntax errors.
    pub feature: Option<&'static str>,
}

impl ParseError {
    /// Builds an error at `offset`.
    pub fn new(offset: usize, message: impl Into<String>) -> ParseError {
        ParseError {
            offset,
            message: message.into(),
            feature: None,
        }
    }

    /// `what` (e.g. "a regex criterion") needs `feature`, which this build was compiled without.
    pub fn needs_feature(offset: usize, what: &str, feature: &'static str) -> ParseError {
        ParseError {
            offset,
            message: format!("{what} needs feature `{feature}` of crate `arazzo`: add `features = [\"{feature}\"]` to its dependency"),
            feature: Some(feature),
        }
    }

    /// Moves the error by `base` bytes, for errors found in a substring of a larger text.
    pub fn shifted(mut self, base: usize) -> ParseError {
        self.offset = self.offset.saturating_add(base);
        self
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at byte {})", self.message, self.offset)
    }
}

impl std::error::Error for ParseError {}

/// A failure while evaluating a condition; the caller should treat the condition as failed.
#[derive(Debug, Clone, PartialEq)]
pub struct EvalError {
    /// What went wrong, one sentence.
    pub message: String,
}

impl EvalError {
    /// Builds an error from a message.
    pub fn new(message: impl Into<String>) -> EvalError {
        EvalError { message: message.into() }
    }
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for EvalError {}
