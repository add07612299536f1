//! Runtime-expression parsing: valid shapes, canonical display, and exact error offsets.

use crate::assert_error;
use arazzo_expr::expression::parse_prefix;
use arazzo_expr::{Expression, JsonPointer, MessagePart, Source, WorkflowField};

fn ptr(s: &str) -> Option<JsonPointer> {
    Some(JsonPointer::parse(s).unwrap())
}

fn parse(s: &str) -> Expression {
    Expression::parse(s).unwrap_or_else(|e| panic!("{s:?} should parse: {e}"))
}

#[test]
fn simple_roots() {
    assert_eq!(parse("$url"), Expression::Url);
    assert_eq!(parse("$method"), Expression::Method);
    assert_eq!(parse("$statusCode"), Expression::StatusCode);
}

#[test]
fn request_and_response_sources() {
    assert_eq!(
        parse("$request.header.X-Custom-Header"),
        Expression::Request(Source::Header("X-Custom-Header".into()))
    );
    assert_eq!(
        parse("$response.header.a!#$%&'*+-.^_`|~z"),
        Expression::Response(Source::Header("a!#$%&'*+-.^_`|~z".into()))
    );
    assert_eq!(parse("$request.query.page"), Expression::Request(Source::Query("page".into())));
    assert_eq!(
        parse("$request.query.filter[name]"),
        Expression::Request(Source::Query("filter[name]".into()))
    );
    assert_eq!(parse("$request.path.id"), Expression::Request(Source::Path("id".into())));
    assert_eq!(parse("$request.body"), Expression::Request(Source::Body(None)));
    assert_eq!(
        parse("$request.body#/user/uuid"),
        Expression::Request(Source::Body(ptr("/user/uuid")))
    );
    assert_eq!(parse("$response.body#"), Expression::Response(Source::Body(ptr(""))));
    let e = parse("$response.body#/a~1b~0c/0");
    assert_eq!(e.pointer().unwrap().tokens(), ["a/b~c", "0"]);
    // A whole-string expression may address keys containing blanks.
    assert_eq!(parse("$response.body#/first name").pointer().unwrap().tokens(), ["first name"]);
}

#[test]
fn inputs_outputs_steps_workflows() {
    assert_eq!(
        parse("$inputs.username"),
        Expression::Inputs {
            name: "username".into(),
            pointer: None
        }
    );
    assert_eq!(
        parse("$inputs.my.nested.name"),
        Expression::Inputs {
            name: "my.nested.name".into(),
            pointer: None
        }
    );
    assert_eq!(
        parse("$inputs.customer#/address/city"),
        Expression::Inputs {
            name: "customer".into(),
            pointer: ptr("/address/city")
        }
    );
    assert_eq!(
        parse("$outputs.result#/items/0/name"),
        Expression::Outputs {
            name: "result".into(),
            pointer: ptr("/items/0/name")
        }
    );
    assert_eq!(
        parse("$steps.someStepId.outputs.pets#/0/id"),
        Expression::Steps {
            step_id: "someStepId".into(),
            output: "pets".into(),
            pointer: ptr("/0/id")
        }
    );
    // Output names may contain '.', so everything up to '#' is the name.
    assert_eq!(
        parse("$steps.browser-authorize.outputs.x.y.z"),
        Expression::Steps {
            step_id: "browser-authorize".into(),
            output: "x.y.z".into(),
            pointer: None
        }
    );
    assert_eq!(
        parse("$workflows.foo.inputs.username"),
        Expression::Workflows {
            workflow_id: "foo".into(),
            field: WorkflowField::Inputs,
            name: "username".into(),
            pointer: None
        }
    );
    assert_eq!(
        parse("$workflows.foo.outputs.mappedResponse#/name"),
        Expression::Workflows {
            workflow_id: "foo".into(),
            field: WorkflowField::Outputs,
            name: "mappedResponse".into(),
            pointer: ptr("/name")
        }
    );
}

#[test]
fn source_descriptions_and_components() {
    assert_eq!(
        parse("$sourceDescriptions.petStore.getPets"),
        Expression::SourceDescriptions {
            name: "petStore".into(),
            field: "getPets".into()
        }
    );
    assert_eq!(
        parse("$sourceDescriptions.museum-api.url"),
        Expression::SourceDescriptions {
            name: "museum-api".into(),
            field: "url".into()
        }
    );
    // operationIds are unconstrained in OpenAPI.
    assert_eq!(
        parse("$sourceDescriptions.api.pets:list.v2"),
        Expression::SourceDescriptions {
            name: "api".into(),
            field: "pets:list.v2".into()
        }
    );
    for kind in ["parameters", "successActions", "failureActions", "inputs"] {
        assert_eq!(
            parse(&format!("$components.{kind}.foo")),
            Expression::Components {
                kind: kind.into(),
                name: "foo".into()
            }
        );
    }
}

#[test]
fn display_round_trips() {
    for s in [
        "$url",
        "$method",
        "$statusCode",
        "$request.header.accept",
        "$response.header.X-Rate-Limit",
        "$request.query.page",
        "$request.path.id",
        "$request.body",
        "$response.body#",
        "$response.body#/a~1b/~0/0",
        "$inputs.a.b",
        "$inputs.x#/y",
        "$outputs.o#/p/q",
        "$steps.s-1.outputs.out.put#/0",
        "$workflows.w_1.inputs.i",
        "$workflows.w.outputs.o#/x",
        "$sourceDescriptions.src.op",
        "$components.parameters.page",
    ] {
        let e = parse(s);
        assert_eq!(e.to_string(), s);
        assert_eq!(parse(&e.to_string()), e);
    }
}

#[test]
fn rejects_non_expressions() {
    assert_error(
        Expression::parse(""),
        0,
        &["expected a runtime expression starting with '$'", "end of input"],
    );
    assert_error(Expression::parse("1"), 0, &["starting with '$'"]);
    assert_error(Expression::parse("nonsensical string"), 0, &["starting with '$'"]);
    assert_error(Expression::parse(" $url"), 0, &["starting with '$'"]);
    assert_error(Expression::parse("{$url}"), 0, &["braces"]);
    assert_error(Expression::parse("$"), 1, &["expected a name after '$'", "$sourceDescriptions"]);
}

#[test]
fn unknown_roots_list_the_valid_ones() {
    assert_error(
        Expression::parse("$respose.body"),
        1,
        &[
            "unknown runtime expression '$respose'",
            "did you mean $response?",
            "$url, $method, $statusCode, $request, $response, $message, $inputs, $outputs, $steps, $workflows, $sourceDescriptions, $components or $self",
        ],
    );
    assert_error(Expression::parse("$workflow.foo.inputs.x"), 1, &["did you mean $workflows?"]);
    assert_error(Expression::parse("$StatusCode"), 1, &["did you mean $statusCode?"]);
    assert_error(Expression::parse("$faker.number"), 1, &["unknown runtime expression '$faker'"]);
}

#[test]
fn rejects_bad_sources() {
    assert_error(Expression::parse("$url.something"), 4, &["after $url", "no further path"]);
    assert_error(Expression::parse("$statusCode "), 11, &["no further path"]);
    assert_error(
        Expression::parse("$request"),
        8,
        &["expected '.' followed by header, query, path or body after '$request'"],
    );
    assert_error(Expression::parse("$request.something"), 9, &["unknown source 'something'"]);
    assert_error(
        Expression::parse("$response.headers.Location"),
        10,
        &["unknown source 'headers'", "did you mean 'header'?"],
    );
    assert_error(Expression::parse("$response."), 10, &["expected header, query, path or body"]);
    assert_error(Expression::parse("$request.header"), 15, &["a header name"]);
    assert_error(Expression::parse("$request.header."), 16, &["expected a header name"]);
    assert_error(
        Expression::parse("$request.header.some@header"),
        20,
        &["'@' is not allowed in a header name"],
    );
    assert_error(Expression::parse("$request.query."), 15, &["expected a query parameter name"]);
    assert_error(
        Expression::parse("$request.path.a b"),
        15,
        &["' ' is not allowed in a path parameter name"],
    );
    assert_error(
        Expression::parse("$request.query.a#/b"),
        16,
        &["a JSON pointer ('#') cannot follow a query parameter name"],
    );
}

#[test]
fn rejects_bad_pointers() {
    assert_error(
        Expression::parse("$request.body.something"),
        13,
        &["'.' cannot follow $request.body", "$request.body#/name"],
    );
    assert_error(
        Expression::parse("$request.body#some/path"),
        14,
        &["must be empty or start with '/'"],
    );
    assert_error(Expression::parse("$response.body#foo"), 15, &["start with '/'"]);
    assert_error(Expression::parse("$response.body#/a~2"), 17, &["invalid escape '~2'"]);
    assert_error(Expression::parse("$response.body#/a~"), 17, &["'~'"]);
    assert_error(Expression::parse("$inputs.x#/é~x"), 13, &["'~x'"]);
    assert_error(
        Expression::parse("$request.body#/{foo}"),
        15,
        &["'{' is not allowed in a JSON pointer"],
    );
    assert_error(
        Expression::parse("$request.body#/foo}"),
        18,
        &["'}' is not allowed in a JSON pointer"],
    );
    assert_error(Expression::parse("$request.body2"), 13, &["unexpected '2' after $request.body"]);
}

#[test]
fn rejects_bad_names() {
    assert_error(
        Expression::parse("$inputs"),
        7,
        &["expected '.' followed by an input name after '$inputs'"],
    );
    assert_error(Expression::parse("$inputs."), 8, &["expected an input name"]);
    assert_error(Expression::parse("$inputs.foo}"), 11, &["'}' is not allowed in an input name"]);
    assert_error(Expression::parse("$inputs.{foo}"), 8, &["expected an input name", "'{'"]);
    assert_error(
        Expression::parse("$inputs.foo bar"),
        11,
        &["' ' is not allowed in an input name", "letters, digits"],
    );
    assert_error(Expression::parse("$outputs#/name"), 8, &["an output name"]);
    assert_error(
        Expression::parse("$components.parameters.a b"),
        24,
        &["not allowed in a component name"],
    );
}

#[test]
fn rejects_malformed_steps_and_workflows() {
    assert_error(
        Expression::parse("$steps.x.y"),
        9,
        &["expected 'outputs' after '$steps.x.', found 'y'", "$steps.<stepId>.outputs.<name>"],
    );
    assert_error(
        Expression::parse("$steps.retrieveFinalizedPaymentPlan.finalizedPaymentPlan"),
        36,
        &["expected 'outputs'"],
    );
    assert_error(Expression::parse("$steps.someStep"), 15, &["expected '.outputs.<name>'"]);
    assert_error(Expression::parse("$steps.a b"), 8, &["expected '.outputs.<name>'"]);
    assert_error(Expression::parse("$steps.a@b.outputs.c"), 8, &["'@' is not allowed in a step id"]);
    assert_error(Expression::parse("$steps."), 7, &["expected a step id"]);
    assert_error(Expression::parse("$steps.a.outputs"), 16, &["an output name"]);
    assert_error(Expression::parse("$steps.a.outputs."), 17, &["expected an output name"]);
    assert_error(
        Expression::parse("$workflows.somé-name"),
        14,
        &["'é' is not allowed in a workflow id"],
    );
    assert_error(
        Expression::parse("$workflows.w.params.x"),
        13,
        &["expected 'inputs' or 'outputs'", "found 'params'"],
    );
    assert_error(Expression::parse("$workflows.w"), 12, &["'.inputs.<name>' or '.outputs.<name>'"]);
    assert_error(
        Expression::parse("$sourceDescriptions.x"),
        21,
        &["operationId, workflowId or field name"],
    );
    assert_error(
        Expression::parse("$sourceDescriptions.x.url#/paths"),
        25,
        &[
            "a JSON pointer cannot follow a source description reference",
            "{$sourceDescriptions.<name>.url}#/",
        ],
    );
    assert_error(
        Expression::parse("$components.parameter.x"),
        12,
        &["unknown component type 'parameter'", "did you mean 'parameters'?"],
    );
    assert_error(Expression::parse("$components.parameters"), 22, &["a component name"]);
    assert_error(Expression::parse("$components."), 12, &["expected a component type"]);
}

#[test]
fn prefix_parsing_stops_at_delimiters() {
    assert_eq!(parse_prefix("$statusCode==200").unwrap(), (Expression::StatusCode, 11));
    assert_eq!(parse_prefix("$inputs.x)").unwrap().1, 9);
    assert_eq!(parse_prefix("$response.body#/a b").unwrap().1, 17);
    assert_eq!(parse_prefix("$response.header.X!=1").unwrap().1, 18);
    assert_eq!(parse_prefix("$steps.a.outputs.list[0]").unwrap().1, 21);
    assert_eq!(
        parse_prefix("$response.body.name").unwrap(),
        (Expression::Response(Source::Body(None)), 14)
    );
    assert_eq!(parse_prefix("$url}").unwrap().1, 4);
    assert_error(parse_prefix("$steps.a.b == 1"), 9, &["expected 'outputs'"]);
    assert_error(parse_prefix("$response.body# == 1"), 15, &["expected a JSON pointer after '#'"]);
}

#[test]
fn pointer_accessor_and_navigability() {
    assert!(parse("$response.body").is_navigable());
    assert!(!parse("$statusCode").is_navigable());
    assert_eq!(parse("$inputs.a").pointer(), None);
}

/// Arazzo 1.1's `$message.` root: `header.<token>` and `payload[#pointer]` of a received message.
#[test]
fn message_references() {
    assert_eq!(
        parse("$message.header.Sentry-Hook-Resource"),
        Expression::Message(MessagePart::Header("Sentry-Hook-Resource".into()))
    );
    assert_eq!(parse("$message.payload"), Expression::Message(MessagePart::Payload(None)));
    let e = parse("$message.payload#/data/pull_requests/0/pull_request/pr_url");
    assert_eq!(e.pointer(), ptr("/data/pull_requests/0/pull_request/pr_url").as_ref());
    assert_eq!(e.to_string(), "$message.payload#/data/pull_requests/0/pull_request/pr_url");
    assert_eq!(parse("$message.header.X-Id").to_string(), "$message.header.X-Id");
    let (e, end) = parse_prefix("$message.payload#/action == 'pr_created'").unwrap();
    assert_eq!((e, end), (Expression::Message(MessagePart::Payload(ptr("/action"))), 24));
    assert_error(
        Expression::parse("$message.payload.orderId"),
        16,
        &["'.' cannot follow $message.payload", "'$message.payload#/name'"],
    );
    assert_error(Expression::parse("$message.body"), 9, &["expected header or payload", "'body'"]);
    assert_error(Expression::parse("$message.paylod"), 9, &["did you mean 'payload'?"]);
    assert_error(Expression::parse("$message"), 8, &["expected '.' followed by header or payload"]);
    assert_error(Expression::parse("$mesage.payload"), 1, &["did you mean $message?"]);
}
