//! Templates and string classification, especially literal JSON/XML braces around `{$...}`.

use crate::assert_error;
use arazzo_expr::{Expression, JsonPointer, Segment, Source, StringValue, Template, classify};

fn lit(s: &str) -> Segment {
    Segment::Literal(s.into())
}

fn ex(s: &str) -> Segment {
    Segment::Expression(Expression::parse(s).unwrap())
}

fn segments(s: &str) -> Vec<Segment> {
    Template::parse(s).unwrap_or_else(|e| panic!("{s:?}: {e}")).segments
}

#[test]
fn json_braces_stay_literal() {
    assert_eq!(
        segments(r#"{"id": "{$inputs.id}"}"#),
        vec![lit(r#"{"id": ""#), ex("$inputs.id"), lit(r#""}"#)]
    );
    let payload = "{\n  \"customer\": \"{$inputs.customer#/uri}\",\n  \"n\": {\"x\": 1}\n}";
    let t = Template::parse(payload).unwrap();
    assert_eq!(
        t.expressions().map(ToString::to_string).collect::<Vec<_>>(),
        ["$inputs.customer#/uri"]
    );
    assert_eq!(t.to_string(), payload);
}

#[test]
fn several_expressions_and_xml_and_form_data() {
    assert_eq!(
        segments("client_id={$inputs.clientId}&grant_type={$inputs.grantType}"),
        vec![
            lit("client_id="),
            ex("$inputs.clientId"),
            lit("&grant_type="),
            ex("$inputs.grantType")
        ]
    );
    assert_eq!(
        segments("<petId>{$inputs.pet_id}</petId>"),
        vec![lit("<petId>"), ex("$inputs.pet_id"), lit("</petId>")]
    );
    assert_eq!(
        segments("{$sourceDescriptions.petStoreDescription.url}#/paths/~1pet~1findByStatus/get"),
        vec![
            ex("$sourceDescriptions.petStoreDescription.url"),
            lit("#/paths/~1pet~1findByStatus/get")
        ]
    );
    assert_eq!(segments("{{$url}}"), vec![lit("{"), ex("$url"), lit("}")]);
    assert_eq!(segments("{$url}{$method}"), vec![ex("$url"), ex("$method")]);
    assert_eq!(segments("a|b{$statusCode}c|d"), vec![lit("a|b"), ex("$statusCode"), lit("c|d")]);
}

#[test]
fn literal_only_templates() {
    assert_eq!(segments(""), vec![]);
    assert_eq!(segments("text with } in it"), vec![lit("text with } in it")]);
    assert_eq!(segments("a { b $ c }"), vec![lit("a { b $ c }")]);
    assert!(Template::parse("plain").unwrap().is_literal());
    assert!(!Template::parse("{$url}").unwrap().is_literal());
}

#[test]
fn embedded_pointers_may_contain_blanks_but_not_braces() {
    assert_eq!(
        segments("{$response.body#/first name}!"),
        vec![
            Segment::Expression(Expression::Response(Source::Body(Some(JsonPointer::from_tokens(["first name"]))))),
            lit("!")
        ]
    );
    assert_error(
        Template::parse("{$response.body#/a{b}"),
        18,
        &["'{' is not allowed in a JSON pointer"],
    );
}

#[test]
fn bad_embedded_expressions_are_errors() {
    assert_error(Template::parse("{$url"), 5, &["unterminated embedded expression", "'{' at byte 0"]);
    assert_error(Template::parse("x {$inputs.x"), 12, &["unterminated"]);
    assert_error(Template::parse("{$inputs.x y}"), 10, &["' ' is not allowed in an input name"]);
    assert_error(Template::parse("a {$respose.body}"), 4, &["unknown runtime expression '$respose'"]);
    assert_error(Template::parse("{$url.x}"), 5, &["no further path"]);
    assert_error(Template::parse("{$}"), 2, &["expected a name after '$'"]);
    assert_error(Template::parse("é{$steps.a.b}"), 12, &["expected 'outputs'"]);
}

#[test]
fn display_round_trips() {
    for s in ["", "a{$url}b", "{\"k\": \"{$steps.s.outputs.o#/0}\"}", "{$inputs.a}{$inputs.b}"] {
        let t = Template::parse(s).unwrap();
        assert_eq!(t.to_string(), s);
        assert_eq!(Template::parse(&t.to_string()).unwrap(), t);
    }
}

#[test]
fn classification() {
    assert_eq!(
        classify("$inputs.x").unwrap(),
        StringValue::Expression(Expression::parse("$inputs.x").unwrap())
    );
    assert_eq!(classify("hello").unwrap(), StringValue::Literal("hello".into()));
    assert_eq!(classify("").unwrap(), StringValue::Literal(String::new()));
    assert_eq!(classify(r#"{"a": 1}"#).unwrap(), StringValue::Literal(r#"{"a": 1}"#.into()));
    assert_eq!(classify("cost: $5").unwrap(), StringValue::Literal("cost: $5".into()));
    match classify("Bearer {$steps.login.outputs.token}").unwrap() {
        StringValue::Template(t) => assert_eq!(t.segments, vec![lit("Bearer "), ex("$steps.login.outputs.token")]),
        other => panic!("expected a template, got {other:?}"),
    }
    // A leading '$' commits to a whole expression.
    assert_error(
        classify("$.foo"),
        1,
        &["expected a name after '$', found '.', which is JSONPath syntax"],
    );
    assert_error(classify("$5.00"), 1, &["unknown runtime expression '$5'"]);
    assert_error(classify("${$inputs.x}"), 1, &["expected a name after '$'"]);
    assert_error(classify("$inputs.x and more"), 9, &["not allowed in an input name"]);
    assert_error(classify("see {$inputs.x"), 14, &["unterminated"]);
}
