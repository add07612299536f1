//! Checks of event steps (Arazzo 1.1 steps on AsyncAPI 3.0 sources), each one edit away
//! from a valid document, with its exact one-line diagnostics (as `checks.rs` does).

use std::path::Path;

use arazzo_codegen::Generator;

const EVENTS: &str = r##"asyncapi: 3.0.0
info:
  title: Orders
  version: "1"
servers:
  hooks:
    host: localhost:8080
    protocol: http
channels:
  orders:
    address: /orders
    messages:
      placed:
        $ref: '#/components/messages/Placed'
operations:
  orderPlaced:
    action: send
    channel:
      $ref: '#/channels/orders'
    messages:
      - $ref: '#/channels/orders/messages/placed'
components:
  messages:
    Placed:
      correlationId:
        location: $message.payload#/orderId
      payload:
        type: object
        required: [kind, orderId]
        additionalProperties: false
        properties:
          kind:
            const: placed
          orderId:
            type: string
          total:
            type: number
"##;

const VALID: &str = r##"arazzo: 1.1.0
info:
  title: Orders
  version: "1"
sourceDescriptions:
  - name: events
    url: ./events.yaml
    type: asyncapi
workflows:
  - workflowId: await-order
    inputs:
      type: object
      properties:
        orderId:
          type: string
    steps:
      - stepId: announce
        channelPath: '{$sourceDescriptions.events.url}#/channels/orders'
        action: send
        parameters:
          - name: X-Order
            in: header
            value: $inputs.orderId
        requestBody:
          payload:
            kind: placed
            orderId: $inputs.orderId
      - stepId: wait
        operationId: $sourceDescriptions.events.orderPlaced
        action: receive
        correlationId: $inputs.orderId
        timeout: 5000
        outputs:
          total: $message.payload#/total
    outputs:
      total: $steps.wait.outputs.total
"##;

fn edit(doc: &str, edits: &[(&str, &str)]) -> String {
    edits.iter().fold(doc.to_owned(), |doc, (from, to)| {
        assert!(doc.contains(from), "edit target not found: {from:?}");
        doc.replacen(from, to, 1)
    })
}

fn check_with(events: &str, doc: &str) -> Vec<String> {
    let generator = Generator::new()
        .memory_only(true)
        .file("events.yaml", events)
        .file("wf.arazzo.yaml", doc);
    match generator.check(Path::new("wf.arazzo.yaml")) {
        Ok(checked) => checked.warnings,
        Err(failure) => failure.lines(),
    }
}

fn assert_errors(edits: &[(&str, &str)], expected: &[&str]) {
    assert_eq!(check_with(EVENTS, &edit(VALID, edits)), expected);
}

fn assert_events_errors(edits: &[(&str, &str)], expected: &[&str]) {
    assert_eq!(check_with(&edit(EVENTS, edits), VALID), expected);
}

#[test]
fn the_base_document_is_clean_and_generates() {
    assert_eq!(check_with(EVENTS, VALID), Vec::<String>::new());
    let generated = Generator::new()
        .memory_only(true)
        .file("events.yaml", EVENTS)
        .file("wf.arazzo.yaml", VALID)
        .generate(Path::new("wf.arazzo.yaml"))
        .unwrap_or_else(|f| panic!("{:?}", f.lines()));
    let code = generated.to_formatted_string();
    assert!(code.contains("pub fn new(events: ::arazzo::HttpClient)"), "{code}");
    let flat: String = code.split_whitespace().collect();
    assert!(code.contains(r#"pub const DEFAULT_BASE_URL: &str = "http://localhost:8080";"#));
    assert!(
        flat.contains(r#"kinds:vec![vec![(JsonPointer::from_tokens(["kind"]),Value::String("placed".to_owned()))]]"#),
        "the message's constant tells it apart, parsed: {flat}"
    );
    assert!(
        flat.contains(r#"correlation:Some(Correlation{location:"$message.payload#/orderId",part:MessagePart::Payload(Some(JsonPointer::from_tokens(["orderId"])),),id:Expr::expression("$inputs.orderId","#),
        "the correlation id is parsed: {flat}"
    );
    // `total` is an optional number in the payload schema.
    assert!(code.contains("pub total: ::std::option::Option<f64>"), "{code}");
}

#[test]
fn unknown_channel_suggests_the_known_one() {
    assert_errors(
        &[("#/channels/orders'", "#/channels/order'")],
        &[
            "wf.arazzo.yaml:18:56: channelPath `/channels/order` does not point at a channel of AsyncAPI source `events`; note: its channels are: orders; help: did you mean `/channels/orders`?",
        ],
    );
}

#[test]
fn unknown_asyncapi_operation_suggests_the_known_one() {
    assert_errors(
        &[("events.orderPlaced", "events.orderPlace")],
        &[
            "wf.arazzo.yaml:29:49: unknown operationId `orderPlace`; note: the operations of `events` are: orderPlaced; help: did you mean `orderPlaced`?",
        ],
    );
}

#[test]
fn an_operation_message_that_is_not_on_its_channel() {
    assert_events_errors(
        &[("#/channels/orders/messages/placed'", "#/channels/orders/messages/place'")],
        &[
            "events.yaml:21:15: operation message reference (a message of the operation's channel) `#/channels/orders/messages/place` does not resolve in this AsyncAPI document",
        ],
    );
}

#[test]
fn correlation_id_without_one_in_the_messages() {
    assert_events_errors(
        &[("      correlationId:\n        location: $message.payload#/orderId\n", "")],
        &[
            "wf.arazzo.yaml:31:24: step `wait` sets `correlationId`, but messages `placed` of channel `orders` define no `correlationId`; help: add `correlationId: { location: '$message.payload#/...' }` to each message in the AsyncAPI description, or remove `correlationId` from the step",
        ],
    );
}

#[test]
fn other_protocols_are_unsupported_and_named() {
    assert_events_errors(
        &[("    protocol: http", "    protocol: kafka")],
        &[
            "wf.arazzo.yaml:18:22: step `announce` uses channel `orders`, whose server `hooks` speaks `kafka`; this generator compiles event steps over HTTP only; note: protocol `kafka` is declared here at events.yaml:8:15; help: describe the channel on a server with `protocol: http` or `https` (a webhook)",
            "wf.arazzo.yaml:29:22: step `wait` uses channel `orders`, whose server `hooks` speaks `kafka`; this generator compiles event steps over HTTP only; note: protocol `kafka` is declared here at events.yaml:8:15; help: describe the channel on a server with `protocol: http` or `https` (a webhook)",
        ],
    );
}

#[test]
fn message_expressions_outside_a_receive_step() {
    assert_errors(
        &[(
            "            orderId: $inputs.orderId\n",
            "            orderId: $message.payload#/orderId\n",
        )],
        &["wf.arazzo.yaml:27:22: `$message.payload#/orderId` only has a value in a step with `action: receive`"],
    );
}

#[test]
fn a_payload_pointer_the_schema_cannot_hold() {
    assert_errors(
        &[("$message.payload#/total", "$message.payload#/totl")],
        &[
            "wf.arazzo.yaml:34:36: `$message.payload#/totl` cannot select anything: no message of channel `orders` this step receives has `totl` there; help: did you mean `total`?",
        ],
    );
}

#[test]
fn action_and_its_companions() {
    assert_errors(
        &[("        action: receive\n", "        action: recieve\n")],
        &[
            "wf.arazzo.yaml:30:17: unknown step action `recieve`; note: the action of a step on an AsyncAPI source is `send` or `receive`; help: did you mean `receive`?",
        ],
    );
    assert_errors(
        &[("        action: send\n", "")],
        &["wf.arazzo.yaml:17:17: step `announce` uses an AsyncAPI source and needs `action: send` or `action: receive`"],
    );
    assert_errors(
        &[("            in: header\n", "            in: query\n")],
        &[
            "wf.arazzo.yaml:22:17: parameter `X-Order` of event step `announce` is `in: query`; a message takes only `in: header` parameters",
        ],
    );
}

/// AsyncAPI writes header locations `$message.header#/<name>`; they are read as
/// Arazzo's `$message.header.<name>`.
#[test]
fn header_correlation_locations_in_asyncapi_form() {
    let events = edit(
        EVENTS,
        &[("location: $message.payload#/orderId", "location: $message.header#/X-Order")],
    );
    assert_eq!(check_with(&events, VALID), Vec::<String>::new());
    let generated = Generator::new()
        .memory_only(true)
        .file("events.yaml", &events)
        .file("wf.arazzo.yaml", VALID)
        .generate(Path::new("wf.arazzo.yaml"))
        .unwrap_or_else(|f| panic!("{:?}", f.lines()));
    let flat: String = generated.to_formatted_string().split_whitespace().collect();
    assert!(
        flat.contains(r#"location:"$message.header.X-Order",part:MessagePart::Header("X-Order".to_owned()"#)
            && flat.contains(r#"id:Expr::expression("$inputs.orderId","#),
        "{flat}"
    );
    let broken = edit(
        EVENTS,
        &[("location: $message.payload#/orderId", "location: $message.body#/orderId")],
    );
    assert_eq!(
        check_with(&broken, VALID),
        [
            "events.yaml:26:19: correlation id location `$message.body#/orderId` is not a `$message.header.<name>` or `$message.payload#/...` expression"
        ]
    );
}

#[test]
fn an_asyncapi_source_in_a_1_0_document_is_a_version_error() {
    // 1.0.1, Source Description `type`: "Possible values are `openapi` or `arazzo`".
    let found = check_with(EVENTS, &edit(VALID, &[("arazzo: 1.1.0", "arazzo: 1.0.1")]));
    assert!(
        found
            .iter()
            .any(|l| l.starts_with("wf.arazzo.yaml:8:11: a source of type `asyncapi` is Arazzo 1.1; this document declares Arazzo 1.0")),
        "{found:#?}"
    );
}
