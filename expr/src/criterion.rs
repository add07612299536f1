//! The Criterion Object as a whole: picks the condition language from `type`/`version`,
//! validates `context`, and evaluates.
//!
//! It exists so the generator and the runtime apply the same rules about which combinations
//! are allowed (SPEC-NOTES §9): `simple` is the default and may have a context, `regex` and
//! `jsonpath` need one, `xpath` is not supported, and JSONPath means RFC 9535 only.

use crate::condition::SimpleCondition;
use crate::expression::Expression;
use crate::jsonpath::JsonPathCondition;
use crate::{EvalError, ParseError, Resolve};
use serde_json::Value;

/// The `type` of a Criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CriterionType {
    /// `simple` (the default).
    Simple,
    /// `regex`
    Regex,
    /// `jsonpath`
    JsonPath,
    /// `xpath`
    XPath,
}

impl CriterionType {
    /// Reads a `type` value; names are case-sensitive like every Arazzo field value.
    pub fn from_name(name: &str) -> Option<CriterionType> {
        match name {
            "simple" => Some(CriterionType::Simple),
            "regex" => Some(CriterionType::Regex),
            "jsonpath" => Some(CriterionType::JsonPath),
            "xpath" => Some(CriterionType::XPath),
            _ => None,
        }
    }

    /// The `type` value as written in a document.
    pub fn as_str(self) -> &'static str {
        match self {
            CriterionType::Simple => "simple",
            CriterionType::Regex => "regex",
            CriterionType::JsonPath => "jsonpath",
            CriterionType::XPath => "xpath",
        }
    }
}

/// A parsed Criterion.
#[derive(Debug, Clone)]
pub enum Criterion {
    /// A `simple` condition (its optional context is validated but not kept: simple conditions
    /// name their own operands).
    Simple(SimpleCondition),
    /// A regular expression (`regex` crate syntax) matched against the context value.
    Regex {
        /// The value to match.
        context: Expression,
        /// The compiled pattern.
        regex: regex::Regex,
    },
    /// An RFC 9535 JSONPath condition evaluated against the context value.
    JsonPath {
        /// The value `$` is bound to.
        context: Expression,
        /// The query or logical expression.
        path: JsonPathCondition,
    },
}

/// Which Criterion field a [`CriterionError`] is about (so the caller can point at its line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CriterionField {
    /// `context`
    Context,
    /// `condition`
    Condition,
    /// `type`
    Type,
    /// `version` of a Criterion Expression Type Object.
    Version,
}

/// A problem with one field of a Criterion; `error.offset` is a byte offset into that field's
/// string (0 for problems with the field as a whole, such as a missing `context`).
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionError {
    /// The field the error is about.
    pub field: CriterionField,
    /// The problem.
    pub error: ParseError,
}

impl std::fmt::Display for CriterionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let field = match self.field {
            CriterionField::Context => "context",
            CriterionField::Condition => "condition",
            CriterionField::Type => "type",
            CriterionField::Version => "version",
        };
        write!(f, "{field}: {}", self.error)
    }
}

impl std::error::Error for CriterionError {}

fn err(field: CriterionField, error: ParseError) -> CriterionError {
    CriterionError { field, error }
}

/// The only JSONPath dialect named in Arazzo besides RFC 9535; we do not implement it.
const GOESSNER: &str = "draft-goessner-dispatch-jsonpath-00";

impl Criterion {
    /// Parses a Criterion from its fields.
    ///
    /// `type_name` is `None` or `simple` | `regex` | `jsonpath` | `xpath`; `version` is the
    /// Criterion Expression Type Object's version, if any. Checks run in field order
    /// type → version → context → condition, so the first error reported is the most basic.
    ///
    /// - `xpath` is rejected (on `Type`): not supported yet.
    /// - `jsonpath` accepts no version or `rfc9535`; `draft-goessner-dispatch-jsonpath-00` and
    ///   anything else are rejected on `Version`. Other types reject any version.
    /// - `regex` and `jsonpath` need a `context` (error on `Context` when missing); for `simple`
    ///   a context is optional but must parse when present.
    pub fn parse(
        type_name: Option<&str>,
        version: Option<&str>,
        context: Option<&str>,
        condition: &str,
    ) -> Result<Criterion, CriterionError> {
        let ty = match type_name {
            None => CriterionType::Simple,
            Some(name) => CriterionType::from_name(name).ok_or_else(|| {
                err(
                    CriterionField::Type,
                    ParseError::new(
                        0,
                        format!("unknown criterion type '{name}'; expected simple, regex, jsonpath or xpath"),
                    ),
                )
            })?,
        };
        if ty == CriterionType::XPath {
            return Err(err(
                CriterionField::Type,
                ParseError::new(0, "xpath criteria are not supported yet"),
            ));
        }
        if let Some(v) = version {
            let problem = match ty {
                CriterionType::JsonPath if v == "rfc9535" => None,
                CriterionType::JsonPath if v == GOESSNER => Some(format!(
                    "JSONPath version '{GOESSNER}' is not supported; only RFC 9535 JSONPath (no version) is"
                )),
                CriterionType::JsonPath => Some(format!(
                    "unknown JSONPath version '{v}'; only RFC 9535 JSONPath (no version) is supported"
                )),
                _ => Some(format!(
                    "a version only applies to jsonpath and xpath criteria, not to {}",
                    ty.as_str()
                )),
            };
            if let Some(message) = problem {
                return Err(err(CriterionField::Version, ParseError::new(0, message)));
            }
        }
        let context = match context {
            Some(c) => Some(Expression::parse(c).map_err(|e| err(CriterionField::Context, e))?),
            None if ty == CriterionType::Simple => None,
            None => {
                return Err(err(
                    CriterionField::Context,
                    ParseError::new(
                        0,
                        format!("a {} criterion needs a context expression such as $response.body", ty.as_str()),
                    ),
                ));
            }
        };
        let condition_error = |e| err(CriterionField::Condition, e);
        match (ty, context) {
            (CriterionType::Regex, Some(context)) => {
                let regex = compile_regex(condition).map_err(condition_error)?;
                Ok(Criterion::Regex { context, regex })
            }
            (CriterionType::JsonPath, Some(context)) => {
                let path = JsonPathCondition::parse(condition).map_err(condition_error)?;
                Ok(Criterion::JsonPath { context, path })
            }
            _ => Ok(Criterion::Simple(SimpleCondition::parse(condition).map_err(condition_error)?)),
        }
    }

    /// The criterion's type.
    pub fn criterion_type(&self) -> CriterionType {
        match self {
            Criterion::Simple(_) => CriterionType::Simple,
            Criterion::Regex { .. } => CriterionType::Regex,
            Criterion::JsonPath { .. } => CriterionType::JsonPath,
        }
    }

    /// Every runtime expression the criterion reads: the context of a regex/jsonpath criterion,
    /// or the operands of a simple condition (whose optional context is never read).
    pub fn expressions(&self) -> Vec<&Expression> {
        match self {
            Criterion::Simple(c) => c.expressions().into_iter().map(|(e, _)| e).collect(),
            Criterion::Regex { context, .. } | Criterion::JsonPath { context, .. } => vec![context],
        }
    }

    /// Evaluates the criterion.
    ///
    /// - `simple`: see [`SimpleCondition::evaluate`].
    /// - `regex`: the context value, if a string, is matched as-is, otherwise its compact JSON
    ///   text is; the criterion passes when the pattern matches *anywhere* (`Regex::is_match`,
    ///   unanchored — write `^...$` to match the whole value).
    /// - `jsonpath`: see [`JsonPathCondition::evaluate`].
    ///
    /// For `regex` and `jsonpath` a missing or `null` context makes the criterion fail
    /// (`Ok(false)`); resolver errors are returned as `Err`.
    pub fn evaluate(&self, r: &dyn Resolve) -> Result<bool, EvalError> {
        match self {
            Criterion::Simple(c) => c.evaluate(r),
            Criterion::Regex { context, regex } => Ok(match r.resolve(context)? {
                None | Some(Value::Null) => false,
                Some(Value::String(s)) => regex.is_match(&s),
                Some(other) => regex.is_match(&other.to_string()),
            }),
            Criterion::JsonPath { context, path } => Ok(match r.resolve(context)? {
                None | Some(Value::Null) => false,
                Some(v) => path.evaluate(&v),
            }),
        }
    }
}

/// Compiles a `regex` criterion; syntax errors are located with `regex-syntax`, which the
/// `regex` crate itself only reports as preformatted text.
fn compile_regex(pattern: &str) -> Result<regex::Regex, ParseError> {
    match regex::Regex::new(pattern) {
        Ok(re) => Ok(re),
        Err(compile_error) => {
            let located = match regex_syntax::Parser::new().parse(pattern) {
                Err(regex_syntax::Error::Parse(e)) => Some((e.span().start.offset, e.kind().to_string())),
                Err(regex_syntax::Error::Translate(e)) => Some((e.span().start.offset, e.kind().to_string())),
                _ => None,
            };
            Err(match located {
                Some((offset, kind)) => ParseError::new(offset.min(pattern.len()), format!("invalid regular expression: {kind}")),
                None => {
                    let detail = match compile_error {
                        regex::Error::CompiledTooBig(limit) => format!("it compiles to more than {limit} bytes"),
                        other => other.to_string().lines().last().unwrap_or("").trim().to_string(),
                    };
                    ParseError::new(0, format!("invalid regular expression: {detail}"))
                }
            })
        }
    }
}
