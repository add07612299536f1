//! The Arazzo 1.1 ABNF's changes to runtime expressions (`versions/1.1.0.md`, "Runtime
//! Expressions"), each against the parser: `$self`, pointers after `$inputs`/`$outputs`/
//! `$steps`/`$workflows` references, dotted output and input names (`identifier`), `{`/`}`
//! ending a pointer inside an embedded expression, several embedded expressions in one string,
//! and the `$sourceDescriptions.<name>.<x>` form whose resolution order the text fixes.

use arazzo_expr::{Expression, JsonPointer, Segment, Source, Template, WorkflowField, classify};

fn parse(s: &str) -> Expression {
    Expression::parse(s).unwrap_or_else(|e| panic!("{s:?} should parse: {e}"))
}

fn ptr(s: &str) -> Option<JsonPointer> {
    Some(JsonPointer::parse(s).unwrap())
}

/// `expression = ... / "$self"`: nothing follows it.
#[test]
fn self_is_an_expression_of_its_own() {
    assert_eq!(parse("$self"), Expression::SelfUri);
    assert_eq!(parse("$self").to_string(), "$self");
    let e = Expression::parse("$self.url").unwrap_err();
    assert_eq!(
        (e.offset, e.message.as_str()),
        (5, "unexpected '.' after $self, which takes no further path")
    );
    assert_eq!(
        Template::parse("{$self}#/workflows").unwrap().segments,
        vec![Segment::Expression(Expression::SelfUri), Segment::Literal("#/workflows".into())]
    );
}

/// `inputs-reference = input-name ["#" json-pointer]`, likewise outputs, steps, workflows.
#[test]
fn references_take_a_pointer() {
    assert_eq!(
        parse("$inputs.customer#/address/0"),
        Expression::Inputs {
            name: "customer".into(),
            pointer: ptr("/address/0")
        }
    );
    assert_eq!(
        parse("$outputs.bar#/name"),
        Expression::Outputs {
            name: "bar".into(),
            pointer: ptr("/name")
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

/// `output-name = identifier` allows `.`: the whole `a.b` is the name.
#[test]
fn dotted_names_are_one_name() {
    assert_eq!(
        parse("$steps.s.outputs.user.email#/0"),
        Expression::Steps {
            step_id: "s".into(),
            output: "user.email".into(),
            pointer: ptr("/0")
        }
    );
    assert_eq!(
        parse("$workflows.w.inputs.a.b"),
        Expression::Workflows {
            workflow_id: "w".into(),
            field: WorkflowField::Inputs,
            name: "a.b".into(),
            pointer: None
        }
    );
}

/// `unescaped` excludes `{` and `}` in 1.1, so an embedded expression's pointer ends at `}`,
/// and `expression-string` holds any number of embedded expressions.
#[test]
fn braces_end_an_embedded_pointer() {
    assert_eq!(
        Template::parse("{$response.body#/a/b}/c").unwrap().segments,
        vec![
            Segment::Expression(Expression::Response(Source::Body(ptr("/a/b")))),
            Segment::Literal("/c".into())
        ]
    );
    let t = Template::parse("https://{$inputs.host}/api/{$steps.create.outputs.id}/status").unwrap();
    assert_eq!(t.expressions().count(), 2);
    assert!(matches!(
        classify("https://{$inputs.host}/api").unwrap(),
        arazzo_expr::StringValue::Template(_)
    ));
}

/// `source-reference = source-name "." source-reference-id`, `source-reference-id = 1*CHAR`:
/// an operationId, a workflowId or a field name, one token (the checker resolves it in the
/// text's order: operation or workflow first, then the Source Description field).
#[test]
fn source_description_references() {
    assert_eq!(
        parse("$sourceDescriptions.petstore.getPetById"),
        Expression::SourceDescriptions {
            name: "petstore".into(),
            field: "getPetById".into()
        }
    );
    assert_eq!(
        parse("$sourceDescriptions.petstore.url"),
        Expression::SourceDescriptions {
            name: "petstore".into(),
            field: "url".into()
        }
    );
}

/// Expression Type Object `draft-goessner-dispatch-jsonpath-00`: `.length` is JavaScript's
/// (an array's item count, a string's UTF-16 length), not a member; queries select what
/// RFC 9535 selects; filters and script expressions are refused, at their offset.
#[test]
fn goessner_jsonpath_has_its_own_length() {
    use arazzo_expr::Criterion;
    let goessner = Some("draft-goessner-dispatch-jsonpath-00");
    let body = serde_json::json!({"items": [1, 2], "empty": [], "obj": {"length": 0}});
    let holds = |condition: &str, version: Option<&str>| {
        let c = Criterion::parse(Some("jsonpath"), version, Some("$response.body"), condition).unwrap();
        let resolve = |e: &Expression| Ok(matches!(e, Expression::Response(Source::Body(None))).then(|| body.clone()));
        c.evaluate_with(&resolve, None).unwrap()
    };
    assert!(holds("$.items.length", goessner), "JavaScript reads the length: a node exists");
    assert!(holds("$.empty.length", goessner), "even 0 is a value");
    assert!(
        !holds("$.items.length", None),
        "RFC 9535 selects a member `length`, which is not there"
    );
    assert!(holds("$.obj.length", goessner), "an object's member `length` is still a member");
    assert!(holds("$..items[0]", goessner));
    let e = Criterion::parse(Some("jsonpath"), goessner, Some("$response.body"), "$.items[(@.length-1)]").unwrap_err();
    assert_eq!(e.error.offset, 8, "{e}");
    assert!(e.error.message.starts_with("unsupported: a script expression"), "{e}");
    let e = Criterion::parse(Some("jsonpath"), goessner, Some("$response.body"), "$.a == 1").unwrap_err();
    assert!(e.error.message.starts_with("unsupported: a comparison outside a filter"), "{e}");
}
