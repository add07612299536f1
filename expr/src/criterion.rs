//! The Criterion Object as a whole: picks the condition language from `type`/`version`,
//! validates `context`, and evaluates.
//!
//! It exists so the generator and the runtime apply the same rules about which combinations
//! are allowed (SPEC-NOTES §9): `simple` is the default and may have a context, `regex`,
//! `jsonpath` and `xpath` need one, and JSONPath means RFC 9535 only.
//!
//! XPath is parsed and evaluated by an engine this crate does not link (see [`XPathEngine`]):
//! the only maintained one is heavy, so the runtime and the generator add it behind a feature.

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
        regex: Pattern,
    },
    /// An RFC 9535 JSONPath condition evaluated against the context value.
    JsonPath {
        /// The value `$` is bound to.
        context: Expression,
        /// The query or logical expression.
        path: JsonPathCondition,
    },
    /// An XPath expression evaluated over the context value, which must be XML text; it holds
    /// when its effective boolean value is true. The expression is kept as text: only an
    /// [`XPathEngine`] can parse it.
    XPath {
        /// The XML document (usually `$response.body`).
        context: Expression,
        /// The XPath expression as written.
        expression: String,
        /// The Criterion Expression Type Object's `version`, if one was given.
        version: Option<XPathVersion>,
    },
}

/// A compiled `regex` criterion pattern. Without the `regex` feature none can be made
/// ([`Pattern::new`] says which feature is missing), so a [`Criterion::Regex`] cannot exist.
#[derive(Debug, Clone)]
pub struct Pattern {
    #[cfg(feature = "regex")]
    regex: regex::Regex,
    #[cfg(not(feature = "regex"))]
    never: std::convert::Infallible,
}

impl Pattern {
    /// Compiles `pattern`; syntax errors are located with `regex-syntax`, which the `regex`
    /// crate itself only reports as preformatted text.
    ///
    /// # Errors
    ///
    /// A pattern the `regex` crate does not accept, at the offset of the problem; without the
    /// `regex` feature, every pattern (at offset 0, naming the feature).
    pub fn new(pattern: &str) -> Result<Pattern, ParseError> {
        #[cfg(feature = "regex")]
        return compile_regex(pattern).map(|regex| Pattern { regex });
        #[cfg(not(feature = "regex"))]
        {
            let _ = pattern;
            Err(ParseError::needs_feature(0, "a regex criterion", "regex"))
        }
    }

    /// Whether the pattern matches anywhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        #[cfg(feature = "regex")]
        return self.regex.is_match(text);
        #[cfg(not(feature = "regex"))]
        {
            let _ = text;
            match self.never {}
        }
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        #[cfg(feature = "regex")]
        return self.regex.as_str();
        #[cfg(not(feature = "regex"))]
        match self.never {}
    }
}

/// The XPath versions Arazzo names in an Expression Type Object (`xpath-31`, the default, since 1.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XPathVersion {
    /// `xpath-10`
    V10,
    /// `xpath-20`
    V20,
    /// `xpath-30`
    V30,
    /// `xpath-31`
    V31,
}

impl XPathVersion {
    /// Every version, as written in a document (for messages and suggestions).
    pub const NAMES: [&'static str; 4] = ["xpath-10", "xpath-20", "xpath-30", "xpath-31"];

    /// Reads a `version` value.
    pub fn from_name(name: &str) -> Option<XPathVersion> {
        match name {
            "xpath-10" => Some(XPathVersion::V10),
            "xpath-20" => Some(XPathVersion::V20),
            "xpath-30" => Some(XPathVersion::V30),
            "xpath-31" => Some(XPathVersion::V31),
            _ => None,
        }
    }

    /// The `version` value as written in a document.
    pub fn as_str(self) -> &'static str {
        match self {
            XPathVersion::V10 => "xpath-10",
            XPathVersion::V20 => "xpath-20",
            XPathVersion::V30 => "xpath-30",
            XPathVersion::V31 => "xpath-31",
        }
    }
}

/// Parses and evaluates XPath. This crate has no XPath engine of its own: the maintained one
/// (`xee-xpath`) costs hundreds of crates, so the runtime provides one only behind its `xpath`
/// feature and passes it to [`Criterion::evaluate_with`].
pub trait XPathEngine {
    /// The effective boolean value of `expression` with the document `xml` as context item.
    /// XML that does not parse and expressions that fail are errors, never `false`, so the
    /// caller can say why the criterion failed.
    fn matches(&self, xml: &str, expression: &str) -> Result<bool, EvalError>;

    /// What an `xpath` Selector Object selects: the string value of the first item of
    /// `expression`'s result with the document `xml` as context item (a path expression's
    /// nodes are in document order, so this is XPath 1.0's `string()` of a node-set), or
    /// `None` when the result is empty. Errors as for [`XPathEngine::matches`].
    fn select(&self, xml: &str, expression: &str) -> Result<Option<String>, EvalError>;
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
        if let Some(v) = version {
            let problem = match ty {
                CriterionType::XPath if XPathVersion::from_name(v).is_some() => None,
                CriterionType::XPath => Some(format!("unknown XPath version '{v}'; expected {}", XPathVersion::NAMES.join(", "))),
                CriterionType::JsonPath if v == "rfc9535" => None,
                CriterionType::JsonPath if v == GOESSNER => None,
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
                let regex = Pattern::new(condition).map_err(condition_error)?;
                Ok(Criterion::Regex { context, regex })
            }
            (CriterionType::JsonPath, Some(context)) => {
                let path = if version == Some(GOESSNER) {
                    JsonPathCondition::parse_goessner(condition)
                } else {
                    JsonPathCondition::parse(condition)
                }
                .map_err(condition_error)?;
                Ok(Criterion::JsonPath { context, path })
            }
            (CriterionType::XPath, Some(context)) => {
                if condition.trim().is_empty() {
                    return Err(condition_error(ParseError::new(0, "expected an XPath expression")));
                }
                Ok(Criterion::XPath {
                    context,
                    expression: condition.to_owned(),
                    version: version.and_then(XPathVersion::from_name),
                })
            }
            _ => Ok(Criterion::Simple(SimpleCondition::parse(condition).map_err(condition_error)?)),
        }
    }

    /// A `regex` criterion from its parsed context: the pattern is compiled here, as only the
    /// `regex` crate can build its compiled form (generated code does it once per process).
    ///
    /// # Errors
    ///
    /// A pattern the `regex` crate does not accept, located as [`Criterion::parse`] locates it;
    /// without the `regex` feature, any pattern ([`Pattern::new`]).
    pub fn regex(context: Expression, pattern: &str) -> Result<Criterion, ParseError> {
        Ok(Criterion::Regex {
            context,
            regex: Pattern::new(pattern)?,
        })
    }

    /// A `jsonpath` criterion from its parsed context, parsing the condition text (generated
    /// code does not: it builds [`JsonPathCondition::from_parsed`]). `goessner` selects
    /// `draft-goessner-dispatch-jsonpath-00`.
    ///
    /// # Errors
    ///
    /// A condition [`JsonPathCondition::parse`] (or `parse_goessner`) rejects.
    pub fn jsonpath(context: Expression, condition: &str, goessner: bool) -> Result<Criterion, ParseError> {
        let path = if goessner {
            JsonPathCondition::parse_goessner(condition)?
        } else {
            JsonPathCondition::parse(condition)?
        };
        Ok(Criterion::JsonPath { context, path })
    }

    /// Whether a `jsonpath` criterion's `version` selects Goessner's dialect.
    pub fn is_goessner(version: Option<&str>) -> bool {
        version == Some(GOESSNER)
    }

    /// The criterion's type.
    pub fn criterion_type(&self) -> CriterionType {
        match self {
            Criterion::Simple(_) => CriterionType::Simple,
            Criterion::Regex { .. } => CriterionType::Regex,
            Criterion::JsonPath { .. } => CriterionType::JsonPath,
            Criterion::XPath { .. } => CriterionType::XPath,
        }
    }

    /// Every runtime expression the criterion reads: the context of a regex/jsonpath criterion,
    /// or the operands of a simple condition (whose optional context is never read).
    pub fn expressions(&self) -> Vec<&Expression> {
        match self {
            Criterion::Simple(c) => c.expressions().into_iter().map(|(e, _)| e).collect(),
            Criterion::Regex { context, .. } | Criterion::JsonPath { context, .. } | Criterion::XPath { context, .. } => {
                vec![context]
            }
        }
    }

    /// Evaluates the criterion.
    ///
    /// - `simple`: see [`SimpleCondition::evaluate`].
    /// - `regex`: the context value, if a string, is matched as-is, otherwise its compact JSON
    ///   text is; the criterion passes when the pattern matches *anywhere* (`Regex::is_match`,
    ///   unanchored — write `^...$` to match the whole value).
    /// - `jsonpath`: see [`JsonPathCondition::evaluate`].
    /// - `xpath`: always an error here, as there is no engine; see [`Criterion::evaluate_with`].
    ///
    /// For `regex` and `jsonpath` a missing or `null` context makes the criterion fail
    /// (`Ok(false)`); resolver errors are returned as `Err`.
    pub fn evaluate(&self, r: &dyn Resolve) -> Result<bool, EvalError> {
        self.evaluate_with(r, None)
    }

    /// [`Criterion::evaluate`], with an engine for `xpath` criteria. An `xpath` criterion whose
    /// context is not XML text (it selected nothing, or JSON), or that the engine cannot
    /// evaluate, is an `Err` saying so: a caller treating errors as "not met" then still has a
    /// reason to show, where a bare `false` would hide a wrong `context` or a malformed body.
    pub fn evaluate_with(&self, r: &dyn Resolve, xpath: Option<&dyn XPathEngine>) -> Result<bool, EvalError> {
        match self {
            Criterion::Simple(c) => c.evaluate(r),
            Criterion::Regex { context, regex } => Ok(match r.resolve(context)?.as_deref() {
                None | Some(Value::Null) => false,
                Some(Value::String(s)) => regex.is_match(s),
                Some(other) => regex.is_match(&other.to_string()),
            }),
            Criterion::JsonPath { context, path } => Ok(match r.resolve(context)?.as_deref() {
                None | Some(Value::Null) => false,
                Some(v) => path.evaluate(v),
            }),
            Criterion::XPath { context, expression, .. } => {
                let Some(engine) = xpath else {
                    return Err(EvalError::new(
                        "xpath criteria need an XPath engine (feature `xpath` of crate `arazzo`)",
                    ));
                };
                match r.resolve(context)?.as_deref() {
                    Some(Value::String(xml)) => engine.matches(xml, expression),
                    None | Some(Value::Null) => Err(EvalError::new(format!(
                        "`{}` selected nothing, so there is no XML document to evaluate the XPath expression on",
                        context
                    ))),
                    Some(other) => Err(EvalError::new(format!(
                        "`{}` is JSON ({}), not XML text",
                        context,
                        json_kind(other)
                    ))),
                }
            }
        }
    }
}

/// Compiles a `regex` criterion (see [`Pattern::new`]).
#[cfg(feature = "regex")]
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

pub(crate) fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Without the `regex` feature a `regex` criterion is refused on its condition, naming the
    /// feature; the other types still parse.
    #[test]
    #[cfg(not(feature = "regex"))]
    fn without_regex_a_regex_criterion_is_refused_naming_the_feature() {
        let e = Criterion::parse(Some("regex"), None, Some("$statusCode"), "^2").unwrap_err();
        assert_eq!(e.field, CriterionField::Condition);
        assert_eq!(e.error.feature, Some("regex"), "{}", e.error.message);
        assert!(
            e.error.message.contains("needs feature `regex` of crate `arazzo`"),
            "{}",
            e.error.message
        );
        assert!(Pattern::new("a").is_err());
        assert!(Criterion::parse(Some("jsonpath"), None, Some("$response.body"), "$.a").is_ok());
        assert!(Criterion::parse(None, None, None, "$statusCode == 200").is_ok());
    }

    #[test]
    #[cfg(feature = "regex")]
    fn a_regex_criterion_matches_anywhere_in_its_context() {
        let c = Criterion::parse(Some("regex"), None, Some("$statusCode"), "^2").unwrap();
        let status = |code: u16| move |_: &Expression| -> Result<Option<Value>, EvalError> { Ok(Some(Value::from(code))) };
        assert!(c.evaluate(&status(204)).unwrap());
        assert!(!c.evaluate(&status(404)).unwrap());
        let Criterion::Regex { regex, .. } = &c else { panic!("{c:?}") };
        assert_eq!(regex.as_str(), "^2");
    }
}
