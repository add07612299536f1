//! The spec's criteria, expressions and templates in the form generated code hands over:
//! already parsed, each beside the text the spec wrote.
//!
//! The generator parses and checks every criterion, runtime expression and `{$...}` template at
//! build time, so generated code builds these values from constructors of the parsed forms
//! (`arazzo_expr`'s ASTs), once per process in a `static`, and the runtime evaluates them
//! without parsing any spec text. The text is kept for events, `tracing` and errors. A
//! `jsonpath` criterion's queries are built from `arazzo_expr::rfc9535`'s AST like the rest;
//! only a `regex` criterion's pattern has no constructors (the `regex` crate's compiled form):
//! it is compiled once per process when the `static` is first read, and the generator has
//! already compiled the same text with the same crate, so [`Check::criterion`] failing would
//! be a generator bug (reported as an error, never a panic).

use arazzo_expr::rfc9535::Query;
use arazzo_expr::{ConditionKind, Criterion, Expression, JsonPathCondition, SimpleCondition, StringValue, XPathVersion};
use serde_json::Value;

/// A criterion: parsed (or compiled) with the spec's condition text.
#[derive(Debug)]
pub struct Check {
    /// The `condition` as the spec wrote it.
    pub text: &'static str,
    criterion: Result<Criterion, String>,
}

impl Check {
    /// A `simple` condition, built from its AST.
    #[must_use]
    pub fn simple(text: &'static str, condition: SimpleCondition) -> Check {
        Check {
            text,
            criterion: Ok(Criterion::Simple(condition)),
        }
    }

    /// A `regex` criterion on its parsed `context`; `text` is the pattern, compiled here.
    #[must_use]
    pub fn regex(text: &'static str, context: Expression) -> Check {
        Check {
            text,
            criterion: Criterion::regex(context, text).map_err(|e| e.to_string()),
        }
    }

    /// A `jsonpath` criterion (RFC 9535) on its parsed `context`, from its parsed condition.
    #[must_use]
    pub fn jsonpath(text: &'static str, context: Expression, condition: ConditionKind) -> Check {
        Check {
            text,
            criterion: Ok(Criterion::JsonPath {
                context,
                path: JsonPathCondition::from_parsed(text, condition, None),
            }),
        }
    }

    /// A `jsonpath` criterion in `draft-goessner-dispatch-jsonpath-00`; `length` is the query
    /// before a trailing `.length` (read as JavaScript's).
    #[must_use]
    pub fn jsonpath_goessner(text: &'static str, context: Expression, condition: ConditionKind, length: Option<Query>) -> Check {
        Check {
            text,
            criterion: Ok(Criterion::JsonPath {
                context,
                path: JsonPathCondition::from_parsed(text, condition, length),
            }),
        }
    }

    /// An `xpath` criterion: the expression stays text, as only the XPath engine reads it.
    #[must_use]
    pub fn xpath(text: &'static str, context: Expression, version: Option<XPathVersion>) -> Check {
        Check {
            text,
            criterion: Ok(Criterion::XPath {
                context,
                expression: text.to_owned(),
                version,
            }),
        }
    }

    /// The criterion, or why its pattern or queries did not compile.
    pub(crate) fn criterion(&self) -> Result<&Criterion, &str> {
        self.criterion.as_ref().map_err(String::as_str)
    }
}

/// A string value of the spec (an output, a parameter's value, a payload leaf): a literal, one
/// runtime expression or a `{$...}` template, parsed, with the text the spec wrote.
#[derive(Debug, Clone)]
pub struct Expr {
    /// The value as the spec wrote it.
    pub text: &'static str,
    /// Its parsed form.
    pub value: StringValue,
}

impl Expr {
    /// One runtime expression (`$response.body#/id`).
    #[must_use]
    pub fn expression(text: &'static str, expression: Expression) -> Expr {
        Expr {
            text,
            value: StringValue::Expression(expression),
        }
    }

    /// Text with `{$...}` expressions embedded.
    #[must_use]
    pub fn template(text: &'static str, segments: Vec<arazzo_expr::Segment>) -> Expr {
        Expr {
            text,
            value: StringValue::Template(arazzo_expr::Template { segments }),
        }
    }

    /// Plain text.
    #[must_use]
    pub fn literal(text: &'static str) -> Expr {
        Expr {
            text,
            value: StringValue::Literal(text.to_owned()),
        }
    }
}

/// A structure of the spec holding expressions (a parameter's value, a payload, a replacement
/// value, a called workflow's inputs): object members in the order written (see
/// the runtime's `payload` module).
#[derive(Debug, Clone)]
pub enum Template {
    /// A string: evaluated.
    Text(Expr),
    /// A number, boolean or `null`: sent as it is.
    Scalar(Value),
    /// Items in order.
    Array(Vec<Template>),
    /// Members in document order.
    Object(Vec<(&'static str, Template)>),
}

impl Template {
    /// The template as the spec wrote it, for errors: a string as it is, a structure as JSON.
    pub(crate) fn shown(&self) -> String {
        match self {
            Template::Text(expr) => expr.text.to_owned(),
            other => other.to_string(),
        }
    }
}

/// Compact JSON, members in order.
impl std::fmt::Display for Template {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Template::Text(expr) => write!(f, "{}", Value::String(expr.text.to_owned())),
            Template::Scalar(v) => write!(f, "{v}"),
            Template::Array(items) => crate::payload::write_array(f, items),
            Template::Object(members) => crate::payload::write_object(f, members.iter().map(|(k, v)| (*k, v))),
        }
    }
}

/// A Selector Object (Arazzo 1.1), parsed: its `context` as an [`Expr`] and its selector (a
/// JSON pointer, an RFC 9535 query or an XPath expression) as `arazzo_expr::Selector`, both
/// built by generated code from the generator's parsed forms.
#[derive(Debug)]
pub struct Select {
    /// The Selector Object as the spec wrote it, for events and errors.
    pub spec: crate::run::SelectorSpec,
    /// The `context`, parsed.
    pub context: Expr,
    /// The `selector`, parsed.
    pub selector: arazzo_expr::Selector,
}

impl Select {
    /// A Selector Object from its parsed parts.
    #[must_use]
    pub fn new(spec: crate::run::SelectorSpec, context: Expr, selector: arazzo_expr::Selector) -> Select {
        Select { spec, context, selector }
    }
}

/// A `receive` step's correlation id (Arazzo 1.1), parsed: where the messages carry it and
/// the step's `correlationId`, whose value must match.
#[derive(Debug)]
pub struct Correlation {
    /// The location as the AsyncAPI document wrote it (`$message.header#/id`), for errors.
    pub location: &'static str,
    /// The part of a message it reads.
    pub part: arazzo_expr::MessagePart,
    /// The step's `correlationId`.
    pub id: Expr,
}

#[cfg(test)]
mod tests {
    use super::*;
    use arazzo_expr::{Resolve, Source};
    use serde_json::json;

    #[test]
    #[cfg(feature = "regex")]
    fn a_pattern_that_does_not_compile_is_an_error_not_a_panic() {
        let check = Check::regex("(", Expression::Response(Source::Body(None)));
        let error = check.criterion().expect_err("an unclosed group does not compile");
        assert!(error.contains("invalid regular expression"), "{error}");
        assert_eq!(check.text, "(");
    }

    #[test]
    fn compiled_criteria_evaluate_like_parsed_ones() {
        let body = json!({"autofix": {"status": "completed"}});
        let resolve = |e: &Expression| -> Result<Option<Value>, arazzo_expr::EvalError> {
            Ok(match e {
                Expression::Response(Source::Body(None)) => Some(body.clone()),
                _ => None,
            })
        };
        let text = "$.autofix.status == \"completed\"";
        let parsed = JsonPathCondition::parse(text).expect("parses");
        let check = Check::jsonpath(text, Expression::Response(Source::Body(None)), parsed.kind().clone());
        let criterion = check.criterion().expect("compiles");
        assert!(criterion.evaluate(&resolve as &dyn Resolve).expect("evaluates"));
        #[cfg(feature = "regex")]
        let check = Check::regex("^compl", Expression::Response(Source::Body(None)));
        #[cfg(feature = "regex")]
        assert!(
            !check.criterion().expect("compiles").evaluate(&resolve).expect("evaluates"),
            "the body is JSON, not the status"
        );
    }

    /// A Goessner `.length` criterion built from its parts reads JavaScript's `length` of an
    /// array, and the member named `length` of anything else.
    #[test]
    fn goessner_length_is_built_from_its_parts() {
        let text = "$.items.length";
        let parsed = JsonPathCondition::parse_goessner(text).expect("parses");
        let check = Check::jsonpath_goessner(
            text,
            Expression::Response(Source::Body(None)),
            parsed.kind().clone(),
            parsed.goessner_length().cloned(),
        );
        let passes = |body: Value| {
            let resolve = move |_: &Expression| -> Result<Option<Value>, arazzo_expr::EvalError> { Ok(Some(body.clone())) };
            check.criterion().expect("built").evaluate(&resolve).expect("evaluates")
        };
        assert!(passes(json!({"items": [1, 2]})));
        assert!(!passes(json!({"items": {"size": 2}})));
        assert!(passes(json!({"items": {"length": 0}})));
    }

    #[test]
    fn templates_show_as_the_spec_wrote_them() {
        let template = Template::Object(vec![
            ("b", Template::Text(Expr::literal("x\"y"))),
            (
                "a",
                Template::Array(vec![Template::Scalar(json!(1)), Template::Scalar(Value::Null)]),
            ),
        ]);
        assert_eq!(template.shown(), r#"{"b":"x\"y","a":[1,null]}"#, "members in the order written");
        assert_eq!(Template::Text(Expr::literal("$inputs.x")).shown(), "$inputs.x");
    }
}
