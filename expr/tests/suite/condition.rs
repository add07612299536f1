//! Simple conditions: grammar, precedence, error offsets and the loose evaluation rules.

use crate::assert_error;
use arazzo_expr::condition::{Accessor, ComparisonOp, Literal, Node, Operand, SimpleCondition};
use arazzo_expr::{EvalError, Expression, Source};
use serde_json::{Value, json};

/// A resolver over a small fake exchange, resolving pointers itself like the runtime would.
fn resolve(e: &Expression) -> Result<Option<Value>, EvalError> {
    let body = json!({
        "status": "Available",
        "data": [{"id": 42}],
        "count": 0,
        "active": false,
        "empty": "",
        "nothing": null,
        "big": 9007199254740993u64,
        "price": "19.50",
        "flag": "TRUE",
        "a.b": [7]
    });
    Ok(match e {
        Expression::StatusCode => Some(json!(200)),
        Expression::Method => Some(json!("GET")),
        Expression::Response(Source::Body(p)) => match p {
            None => Some(body),
            Some(p) => p.resolve(&body).cloned(),
        },
        Expression::Response(Source::Header(h)) if h.eq_ignore_ascii_case("content-type") => Some(json!("Application/JSON")),
        Expression::Inputs { name, .. } if name == "name" => Some(json!("Fluffy")),
        Expression::Inputs { name, .. } if name == "age" => Some(json!("30")),
        Expression::Inputs { name, .. } if name == "boom" => return Err(EvalError::new("input boom is broken")),
        Expression::Steps { output, .. } if output == "list" => Some(json!([{"n": 1}, {"n": 2}])),
        _ => None,
    })
}

fn eval(s: &str) -> bool {
    let c = SimpleCondition::parse(s).unwrap_or_else(|e| panic!("{s:?}: {e}"));
    c.evaluate(&resolve).unwrap_or_else(|e| panic!("{s:?}: {e}"))
}

#[test]
fn parses_the_grammar() {
    for s in [
        "true",
        "false",
        "null",
        "42",
        "'available'",
        "\"available\"",
        "$statusCode",
        "$response.body.active",
        "$steps.foo.outputs.flag",
        "$statusCode == 200",
        "$statusCode!=200",
        "  $statusCode==200  ",
        "$statusCode >= 200 && $statusCode < 300",
        "$response.body.data[0].id > 10",
        "$response.body#/data/0/id > 10",
        "$inputs.name == 'it''s ok'",
        "!$response.body.active",
        "!($statusCode == 200)",
        "! ( $statusCode == 200 )",
        "($statusCode == 200 || $statusCode == 201) && $response.body != null",
        "$response.body.amount == -3.14",
        "$response.body.amount == 1.5e3",
        "$response.body.amount == -0",
        "$request.header.content-type == null",
        "$request.query.limit == 10",
        "$workflows.foo.outputs.bar == null",
        "$sourceDescriptions.pet.getPet == null",
        "$components.parameters.foo == null",
        "$url == \"http://test.com\"",
        "$response.body#/body == \"line\\nnext \\\"q\\\" \\u00e9\"",
        "{$statusCode == 201 || $statusCode != 200}",
        " { $response.header.accept } ",
        "$steps.a.outputs.list[1].n == 2",
        "$inputs.events.some-event.id == 42",
        "$statusCode==200&&$method=='GET'||!($url)",
        "{$url == '{not a brace}'}",
        "{$url == \"}\\\"{\"}",
    ] {
        SimpleCondition::parse(s).unwrap_or_else(|e| panic!("{s:?} should parse: {e}"));
    }
}

#[test]
fn builds_the_expected_tree() {
    let c = SimpleCondition::parse("$a.b").err();
    assert!(c.is_some(), "'$a' is not a root");
    let c = SimpleCondition::parse("!$response.body.data[0] || $statusCode == 200 && true").unwrap();
    let Node::Or(items) = c.root() else {
        panic!("|| must be the root: {:?}", c.root())
    };
    assert_eq!(items.len(), 2);
    assert_eq!(
        items[0],
        Node::Not(Box::new(Node::Test(Operand::Expression {
            expression: Expression::Response(Source::Body(None)),
            accessors: vec![Accessor::Member("data".into()), Accessor::Index(0)],
            span: 1..15,
        })))
    );
    let Node::And(and) = &items[1] else {
        panic!("&& binds tighter than ||")
    };
    assert_eq!(
        and[0],
        Node::Comparison {
            left: Operand::Expression {
                expression: Expression::StatusCode,
                accessors: vec![],
                span: 27..38
            },
            op: ComparisonOp::Eq,
            right: Operand::Literal(Literal::Number(200.into())),
        }
    );
    assert_eq!(and[1], Node::Test(Operand::Literal(Literal::Bool(true))));
    let c = SimpleCondition::parse("'it''s' == \"a\\\"b\"").unwrap();
    assert_eq!(
        c.root(),
        &Node::Comparison {
            left: Operand::Literal(Literal::String("it's".into())),
            op: ComparisonOp::Eq,
            right: Operand::Literal(Literal::String("a\"b".into())),
        }
    );
}

#[test]
fn expressions_report_byte_ranges() {
    let s = "$statusCode == 200 && $response.body#/a.b[0] != $inputs.x";
    let c = SimpleCondition::parse(s).unwrap();
    let found: Vec<(String, &str)> = c.expressions().into_iter().map(|(e, r)| (e.to_string(), &s[r])).collect();
    assert_eq!(
        found,
        [
            ("$statusCode".to_string(), "$statusCode"),
            ("$response.body#/a.b".to_string(), "$response.body#/a.b"),
            ("$inputs.x".to_string(), "$inputs.x"),
        ]
    );
    let s = "  { $statusCode == 401 }";
    let c = SimpleCondition::parse(s).unwrap();
    assert_eq!(c.expressions()[0].1, 4..15);
    let s = "é == $url";
    assert!(SimpleCondition::parse(s).is_err());
    let s = "'é' == $url";
    assert_eq!(SimpleCondition::parse(s).unwrap().expressions()[0].1, 8..12);
}

#[test]
fn rejects_malformed_conditions() {
    assert_error(SimpleCondition::parse(""), 0, &["empty condition"]);
    assert_error(SimpleCondition::parse("   "), 0, &["empty condition"]);
    assert_error(SimpleCondition::parse("{}"), 1, &["empty condition"]);
    assert_error(SimpleCondition::parse("=="), 0, &["expected an operand, '!' or '(', found '=='"]);
    assert_error(
        SimpleCondition::parse("$statusCode =="),
        14,
        &["expected an operand after '=='", "end of the condition"],
    );
    assert_error(SimpleCondition::parse("$statusCode === 200"), 12, &["'===' is not an operator"]);
    assert_error(
        SimpleCondition::parse("$statusCode != = 1"),
        15,
        &["'=' is not an operator; use '=='"],
    );
    assert_error(
        SimpleCondition::parse("$statusCode = 200"),
        12,
        &["'=' is not an operator; use '=='"],
    );
    assert_error(
        SimpleCondition::parse("$statusCode < 200 < 300"),
        18,
        &["comparisons cannot be chained"],
    );
    assert_error(
        SimpleCondition::parse("$statusCode == == 200"),
        15,
        &["expected an operand after '=='", "'=='"],
    );
    assert_error(
        SimpleCondition::parse("($statusCode == 200"),
        19,
        &["expected ')' to close the '(' at byte 0"],
    );
    assert_error(SimpleCondition::parse("$statusCode == 200)"), 18, &["unmatched ')'"]);
    assert_error(SimpleCondition::parse("()"), 1, &["expected an operand, '!' or '('", "')'"]);
    assert_error(
        SimpleCondition::parse("nonsensical string"),
        0,
        &["unexpected 'nonsensical'", "must be quoted"],
    );
    assert_error(SimpleCondition::parse("foo bar"), 0, &["'foo'"]);
    assert_error(SimpleCondition::parse("TRUE"), 0, &["lowercase"]);
    assert_error(
        SimpleCondition::parse("$response.header.Content-Type == application/json"),
        33,
        &["unexpected 'application/json'", "'application/json'"],
    );
    assert_error(
        SimpleCondition::parse("$response.body.url contains 'x'"),
        19,
        &["unexpected 'contains'; expected an operator"],
    );
    assert_error(SimpleCondition::parse("$[?@.x]"), 1, &["JSONPath syntax"]);
    assert_error(SimpleCondition::parse("$statusCode == 500%s"), 18, &["unexpected '%s' after '500'"]);
    assert_error(SimpleCondition::parse("$statusCode == 007"), 16, &["leading zeros"]);
    assert_error(SimpleCondition::parse("1e999 == 1"), 0, &["out of range"]);
    assert_error(SimpleCondition::parse("$statusCode == 2."), 17, &["digit after the decimal point"]);
    assert_error(SimpleCondition::parse("- 1 == 1"), 1, &["expected a digit"]);
    assert_error(
        SimpleCondition::parse("$url.body.name == 'x'"),
        4,
        &["$url is a plain value with no members"],
    );
    assert_error(SimpleCondition::parse("$statusCode[0] == 1"), 11, &["no members"]);
    assert_error(
        SimpleCondition::parse("!$statusCode == 200"),
        13,
        &["'!' applies only to the operand", "!(a == b)"],
    );
    assert_error(SimpleCondition::parse("!!true"), 1, &["expected '(' or an operand after '!'"]);
    assert_error(SimpleCondition::parse("$statusCode == 200 & true"), 19, &["a single '&'"]);
    assert_error(SimpleCondition::parse("$statusCode == 200 | true"), 19, &["a single '|'"]);
    assert_error(
        SimpleCondition::parse("{$statusCode == 200} == true"),
        0,
        &["braces may only wrap the whole condition"],
    );
    assert_error(
        SimpleCondition::parse("$a == 'unterminated"),
        1,
        &["unknown runtime expression '$a'"],
    );
    assert_error(SimpleCondition::parse("$url == 'unterminated"), 8, &["unterminated string literal"]);
    assert_error(SimpleCondition::parse("$url == \"bad \\q\""), 13, &["invalid escape '\\q'"]);
    assert_error(SimpleCondition::parse("$url == \"\\u12\""), 9, &["four hexadecimal digits"]);
    assert_error(
        SimpleCondition::parse("$response.body#/items[x] == 1"),
        22,
        &["expected an array index"],
    );
    assert_error(SimpleCondition::parse("$response.body#/items[1 == 1"), 23, &["expected ']'"]);
    assert_error(
        SimpleCondition::parse("$response.body. == 1"),
        15,
        &["expected a member name after '.'"],
    );
    assert_error(SimpleCondition::parse("$steps.someStep.pets == 'x'"), 16, &["expected 'outputs'"]);
    assert_error(
        SimpleCondition::parse("$request == 'x'"),
        8,
        &["expected '.' followed by header, query, path or body"],
    );
    assert_error(SimpleCondition::parse("$outputs#/name == 'x'"), 8, &["an output name"]);
    assert_error(
        SimpleCondition::parse("$statusCode == 200 $statusCode"),
        19,
        &["expected '&&', '||' or the end of the condition, found '$statusCode'"],
    );
    assert_error(SimpleCondition::parse("true (false)"), 5, &["expected '&&' or '||' before '('"]);
    assert_error(SimpleCondition::parse("$response.body#/items == []"), 25, &["unexpected '[]'"]);
    assert_error(
        SimpleCondition::parse("{$statusCode == 200} && {$method == 'GET'}"),
        0,
        &["braces may only wrap the whole condition"],
    );
    assert_error(
        SimpleCondition::parse("$statusCode == 200}"),
        18,
        &["braces may only wrap the whole condition"],
    );
    let deep = format!("{}true{}", "(".repeat(100), ")".repeat(100));
    assert_error(SimpleCondition::parse(&deep), 64, &["nested more than 64 levels"]);
}

#[test]
fn evaluates_comparisons_loosely() {
    assert!(eval("$statusCode == 200"));
    assert!(!eval("$statusCode == 201"));
    assert!(eval("$statusCode != 201"));
    assert!(eval("$statusCode == 200.0"));
    assert!(eval("$statusCode == 2e2"));
    assert!(eval("$statusCode >= 200 && $statusCode < 300"));
    assert!(eval("$statusCode > 199"));
    assert!(!eval("$statusCode < 200"));
    assert!(eval("$statusCode <= 200"));
    // Case-insensitive strings.
    assert!(eval("$response.body.status == 'available'"));
    assert!(eval("$response.body.status == \"AVAILABLE\""));
    assert!(eval("$inputs.name == 'FLUFFY'"));
    assert!(!eval("$inputs.name == 'rex'"));
    assert!(eval("$inputs.name != 'rex'"));
    assert!(eval("$response.header.Content-Type == 'application/json'"));
    assert!(eval("$method == 'get'"));
    assert!(eval("'abc' < 'ABD'"));
    assert!(eval("'B' > 'a'"));
    // Numeric strings are coerced against numbers.
    assert!(eval("$statusCode == '200'"));
    assert!(eval("$inputs.age == 30"));
    assert!(eval("$inputs.age > 29.5"));
    assert!(eval("$response.body.price < 20"));
    assert!(!eval("$inputs.name == 0"));
    assert!(!eval("$inputs.name > 0"));
    // Booleans and their textual form.
    assert!(eval("$response.body.flag == true"));
    assert!(eval("$response.body.active == false"));
    assert!(!eval("$response.body.active == 0"));
    // Big integers are compared exactly.
    assert!(eval("$response.body.big == 9007199254740993"));
    assert!(!eval("$response.body.big == 9007199254740992"));
}

#[test]
fn evaluates_null_and_missing() {
    assert!(eval("$response.body.missing == null"));
    assert!(eval("$response.body.nothing == null"));
    assert!(eval("null == null"));
    assert!(!eval("$statusCode == null"));
    assert!(eval("$statusCode != null"));
    assert!(eval("$response.body.data != null"));
    assert!(!eval("$response.body.missing > 0"));
    assert!(!eval("$response.body.missing < 0"));
    assert!(!eval("$response.body.nothing <= 0"));
    assert!(!eval("null >= null"));
    assert!(eval("$response.body#/missing == $inputs.unknown"));
    assert!(!eval("$response.body.nope.deep"));
    assert!(!eval("$response.body.data[5]"));
    assert!(!eval("$response.body.status[0]"));
}

#[test]
fn evaluates_truthiness_and_logic() {
    assert!(eval("true"));
    assert!(!eval("false"));
    assert!(!eval("null"));
    assert!(eval("0"));
    assert!(eval("''"));
    assert!(eval("$statusCode"));
    assert!(!eval("$response.body.active"));
    assert!(eval("!$response.body.active"));
    assert!(!eval("$response.body.nothing"));
    assert!(eval("$response.body.count"));
    assert!(eval("$response.body.empty"));
    assert!(!eval("!($statusCode == 200)"));
    assert!(eval("$response.body.data[0].id == 42"));
    assert!(eval("$response.body#/data/0/id == 42"));
    assert!(eval("$response.body#/a.b[0] == 7"));
    assert!(eval("$steps.s.outputs.list[1].n == 2"));
    // Precedence: && binds tighter than ||.
    assert!(eval("false && false || true"));
    assert!(eval("true || false && false"));
    assert!(!eval("(true || false) && false"));
    assert!(!eval("!false && false"));
    assert!(!eval("!(true || false)"));
    assert!(eval("$statusCode == 500 || $statusCode == 200"));
    assert!(eval("{$statusCode == 200}"));
    assert!(!eval("{$statusCode == 401}"));
    assert!(eval("$statusCode==200&&$method=='GET'"));
}

#[test]
fn resolver_errors_fail_evaluation_but_short_circuit_skips_them() {
    let c = SimpleCondition::parse("$inputs.boom == 1").unwrap();
    assert_eq!(c.evaluate(&resolve).unwrap_err().message, "input boom is broken");
    assert!(
        SimpleCondition::parse("true || $inputs.boom == 1")
            .unwrap()
            .evaluate(&resolve)
            .unwrap()
    );
    assert!(!SimpleCondition::parse("false && $inputs.boom").unwrap().evaluate(&resolve).unwrap());
    assert!(SimpleCondition::parse("true && $inputs.boom").unwrap().evaluate(&resolve).is_err());
}
