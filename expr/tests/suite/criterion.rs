//! Criterion dispatch: type/version/context rules, regex matching, and field-tagged errors.

use arazzo_expr::{Criterion, CriterionField, CriterionType, EvalError, Expression, Source, XPathEngine, XPathVersion};
use serde_json::{Value, json};

fn parse(ty: Option<&str>, version: Option<&str>, context: Option<&str>, condition: &str) -> Criterion {
    Criterion::parse(ty, version, context, condition).unwrap_or_else(|e| panic!("{condition:?}: {e}"))
}

#[track_caller]
fn parse_err(
    ty: Option<&str>,
    version: Option<&str>,
    context: Option<&str>,
    condition: &str,
    field: CriterionField,
    offset: usize,
    part: &str,
) {
    let e = Criterion::parse(ty, version, context, condition).expect_err("should be rejected");
    assert_eq!(e.field, field, "{e}");
    assert_eq!(e.error.offset, offset, "{e}");
    assert!(e.error.message.contains(part), "{:?} lacks {part:?}", e.error.message);
}

/// Resolves `$response.body` to `body`, `$statusCode` to 200; `$inputs.boom` fails.
fn with_body(body: Option<Value>) -> impl Fn(&Expression) -> Result<Option<Value>, EvalError> {
    move |e: &Expression| match e {
        Expression::Response(Source::Body(p)) => Ok(match p {
            None => body.clone(),
            Some(p) => body.as_ref().and_then(|b| p.resolve(b)).cloned(),
        }),
        Expression::StatusCode => Ok(Some(json!(200))),
        Expression::Inputs { name, .. } if name == "boom" => Err(EvalError::new("boom")),
        _ => Ok(None),
    }
}

#[test]
fn simple_is_the_default() {
    let c = parse(None, None, None, "$statusCode == 200");
    assert_eq!(c.criterion_type(), CriterionType::Simple);
    assert_eq!(c.expressions(), [&Expression::StatusCode]);
    assert!(c.evaluate(&with_body(None)).unwrap());
    let c = parse(Some("simple"), None, Some("$response.body"), "$response.body#/ok == true");
    assert!(c.evaluate(&with_body(Some(json!({"ok": true})))).unwrap());
    assert!(!c.evaluate(&with_body(Some(json!({"ok": false})))).unwrap());
    assert!(matches!(c, Criterion::Simple(_)));
}

#[test]
fn regex_matches_unanchored() {
    let c = parse(Some("regex"), None, Some("$response.body"), "World");
    assert_eq!(c.criterion_type(), CriterionType::Regex);
    assert_eq!(c.expressions(), [&Expression::Response(Source::Body(None))]);
    assert!(c.evaluate(&with_body(Some(json!("Hello World!")))).unwrap());
    assert!(!c.evaluate(&with_body(Some(json!("hello world")))).unwrap());
    assert!(!c.evaluate(&with_body(None)).unwrap(), "a missing context fails");
    assert!(!c.evaluate(&with_body(Some(Value::Null))).unwrap(), "a null context fails");
    let status = parse(Some("regex"), None, Some("$statusCode"), "^2\\d\\d$");
    assert!(status.evaluate(&with_body(None)).unwrap(), "non-strings are matched as JSON text");
    let object = parse(Some("regex"), None, Some("$response.body"), r#"^\{"a":1\}$"#);
    assert!(object.evaluate(&with_body(Some(json!({"a": 1})))).unwrap());
    let err = parse(Some("regex"), None, Some("$inputs.boom"), "x");
    assert!(err.evaluate(&with_body(None)).is_err());
}

#[test]
fn regex_errors_are_located() {
    parse_err(
        Some("regex"),
        None,
        Some("$statusCode"),
        "(abc",
        CriterionField::Condition,
        0,
        "invalid regular expression: unclosed group",
    );
    parse_err(
        Some("regex"),
        None,
        Some("$statusCode"),
        "ab\\q",
        CriterionField::Condition,
        2,
        "invalid regular expression",
    );
    parse_err(
        Some("regex"),
        None,
        Some("$statusCode"),
        "a{2,1}",
        CriterionField::Condition,
        1,
        "invalid regular expression",
    );
    parse_err(
        Some("regex"),
        None,
        None,
        "x",
        CriterionField::Context,
        0,
        "a regex criterion needs a context",
    );
}

#[test]
fn jsonpath_criteria() {
    let c = parse(Some("jsonpath"), None, Some("$response.body"), "$.autofix.status == \"completed\"");
    assert_eq!(c.criterion_type(), CriterionType::JsonPath);
    assert!(c.evaluate(&with_body(Some(json!({"autofix": {"status": "completed"}})))).unwrap());
    assert!(!c.evaluate(&with_body(Some(json!({"autofix": {"status": "pending"}})))).unwrap());
    assert!(!c.evaluate(&with_body(None)).unwrap());
    assert!(!c.evaluate(&with_body(Some(Value::Null))).unwrap());
    assert_eq!(c.expressions(), [&Expression::Response(Source::Body(None))]);
    let q = parse(Some("jsonpath"), Some("rfc9535"), Some("$response.body"), "$[?@.access_token]");
    assert!(q.evaluate(&with_body(Some(json!([{"access_token": "t"}])))).unwrap());
    parse_err(
        Some("jsonpath"),
        None,
        Some("$response.body"),
        "$.a ==",
        CriterionField::Condition,
        6,
        "expected a value",
    );
}

#[test]
fn field_errors() {
    parse_err(
        Some("xpath"),
        Some("xpath-32"),
        Some("$response.body"),
        "//a",
        CriterionField::Version,
        0,
        "unknown XPath version 'xpath-32'; expected xpath-10, xpath-20, xpath-30, xpath-31",
    );
    parse_err(
        Some("xpath"),
        None,
        None,
        "//a",
        CriterionField::Context,
        0,
        "a xpath criterion needs a context",
    );
    parse_err(
        Some("xpath"),
        None,
        Some("$response.body"),
        "  ",
        CriterionField::Condition,
        0,
        "expected an XPath expression",
    );
    parse_err(
        Some("JSONPath"),
        None,
        Some("$response.body"),
        "$",
        CriterionField::Type,
        0,
        "unknown criterion type 'JSONPath'",
    );
    parse_err(
        Some("jsonpath"),
        Some("draft-goessner-dispatch-jsonpath-00"),
        Some("$response.body"),
        "$.a[?(@.b == 1)]",
        CriterionField::Condition,
        4,
        "unsupported: a filter expression (Goessner's JSONPath evaluates it as JavaScript)",
    );
    parse_err(
        Some("jsonpath"),
        Some("v2"),
        Some("$response.body"),
        "$.a",
        CriterionField::Version,
        0,
        "unknown JSONPath version 'v2'",
    );
    parse_err(
        Some("simple"),
        Some("1"),
        None,
        "true",
        CriterionField::Version,
        0,
        "only applies to jsonpath and xpath",
    );
    parse_err(
        Some("jsonpath"),
        None,
        None,
        "$.a",
        CriterionField::Context,
        0,
        "a jsonpath criterion needs a context",
    );
    parse_err(
        Some("jsonpath"),
        None,
        Some("$respose.body"),
        "$.a",
        CriterionField::Context,
        1,
        "did you mean $response?",
    );
    parse_err(
        None,
        None,
        Some("response.body"),
        "true",
        CriterionField::Context,
        0,
        "starting with '$'",
    );
    parse_err(
        None,
        None,
        None,
        "$statusCode == ",
        CriterionField::Condition,
        15,
        "expected an operand",
    );
    let e = Criterion::parse(Some("xpath"), Some("2.0"), None, "x").unwrap_err();
    assert_eq!(
        e.to_string(),
        "version: unknown XPath version '2.0'; expected xpath-10, xpath-20, xpath-30, xpath-31 (at byte 0)"
    );
}

/// A stand-in engine: arazzo-expr only routes the context to it, the runtime supplies the real one.
struct Contains;

impl XPathEngine for Contains {
    fn matches(&self, xml: &str, expression: &str) -> Result<bool, EvalError> {
        if !xml.starts_with('<') {
            return Err(EvalError::new("not XML"));
        }
        Ok(xml.contains(expression))
    }

    fn select(&self, xml: &str, expression: &str) -> Result<Option<String>, EvalError> {
        Ok(self.matches(xml, expression)?.then(|| expression.to_owned()))
    }
}

#[test]
fn xpath_routes_the_context_to_the_engine() {
    for version in [None, Some("xpath-10"), Some("xpath-20"), Some("xpath-30"), Some("xpath-31")] {
        let c = Criterion::parse(Some("xpath"), version, Some("$response.body"), "<a>").unwrap();
        assert_eq!(c.criterion_type(), CriterionType::XPath);
        let Criterion::XPath { version: v, .. } = &c else { panic!("{c:?}") };
        assert_eq!(v.map(XPathVersion::as_str), version);
        assert_eq!(c.expressions().len(), 1);
    }
    let c = Criterion::parse(Some("xpath"), None, Some("$response.body"), "<a>").unwrap();
    let body = |v: Option<serde_json::Value>| move |_: &Expression| Ok(v.clone());
    let eval = |v: Option<serde_json::Value>| c.evaluate_with(&body(v), Some(&Contains));
    assert_eq!(eval(Some(json!("<a>1</a>"))), Ok(true));
    assert_eq!(eval(Some(json!("<b/>"))), Ok(false));
    assert_eq!(eval(Some(json!("plain"))), Err(EvalError::new("not XML")));
    assert_eq!(
        eval(Some(json!({"a": 1}))),
        Err(EvalError::new("`$response.body` is JSON (an object), not XML text"))
    );
    assert_eq!(
        eval(None),
        Err(EvalError::new(
            "`$response.body` selected nothing, so there is no XML document to evaluate the XPath expression on"
        ))
    );
    // Without an engine the criterion is an error, never a pass.
    let e = c.evaluate(&body(Some(json!("<a/>")))).unwrap_err();
    assert!(e.message.contains("feature `xpath` of crate `arazzo`"), "{e}");
}

#[test]
fn type_names_round_trip() {
    for t in [
        CriterionType::Simple,
        CriterionType::Regex,
        CriterionType::JsonPath,
        CriterionType::XPath,
    ] {
        assert_eq!(CriterionType::from_name(t.as_str()), Some(t));
    }
    assert_eq!(CriterionType::from_name("Simple"), None);
}
