//! `xpath` criteria end to end (`specs/semantics/xpath.arazzo.yaml`): XML answers from the
//! scripted server on 127.0.0.1 route a step through success and failure actions, and a body
//! that is not XML fails the criterion with a reason instead of passing or panicking.
//! Needs `arazzo/xpath`, which this crate's dev-dependency enables.

use std::sync::{Arc, Mutex};

use arazzo::{Event, PollPolicy, RetryPolicy, WorkflowError};
use arazzo_tests::mock::{MockServer, Reply};
use serde_json::json;

mod api {
    arazzo::arazzo_workflow!("specs/semantics/xpath.arazzo.yaml");
}

/// `xpath` Selector Objects (Arazzo 1.1).
mod selectors {
    arazzo::arazzo_workflow!("specs/v11/xpath.arazzo.yaml");
}

/// Each criterion's outcome, as `condition -> passed` or `condition -> error`.
type Outcomes = Arc<Mutex<Vec<String>>>;

fn workflows(server: &MockServer) -> (api::Workflows, Outcomes) {
    let orders = api::orders::Client::new(server.base_url()).with_retry_policy(RetryPolicy::none());
    let outcomes = Outcomes::default();
    let seen = outcomes.clone();
    let workflows = api::Workflows::new(orders)
        .with_poll_policy(PollPolicy::immediate())
        .with_observer(move |event| {
            if let Event::Criterion {
                condition, passed, error, ..
            } = event
            {
                let outcome = match error {
                    Some(e) => format!("{condition} -> error: {e}"),
                    None => format!("{condition} -> {passed}"),
                };
                seen.lock().unwrap().push(outcome);
            }
        });
    (workflows, outcomes)
}

fn xml(status: &str, items: usize) -> Reply {
    let items = "<item/>".repeat(items);
    Reply::text(200, "application/xml", &format!("<order><status>{status}</status>{items}</order>"))
}

fn inputs() -> api::ShipOrderInputs {
    api::ShipOrderInputs { id: "7".into() }
}

fn calls(server: &MockServer) -> Vec<String> {
    server.requests().iter().map(|r| format!("{} {}", r.method, r.path)).collect()
}

#[tokio::test]
async fn a_passing_xpath_criterion_routes_to_success_and_a_versioned_one_picks_the_action() {
    let server = MockServer::start().await.expect("server");
    server.on("GET", "/orders/{id}", vec![xml("shipped", 2)]);
    server.on("POST", "/notify", vec![Reply::empty(204)]);
    let (workflows, outcomes) = workflows(&server);
    let out = workflows.ship_order(inputs()).await.expect("workflow succeeds");
    assert_eq!(out.order, Some(json!("<order><status>shipped</status><item/><item/></order>")));
    // `version: xpath-10` (the Criterion Expression Type Object) chose `bigOrder`: notify ran.
    assert_eq!(calls(&server), ["GET /orders/7", "POST /notify"]);
    assert_eq!(
        *outcomes.lock().unwrap(),
        [
            "$statusCode == 200 -> true",
            "/order/status = 'shipped' -> true",
            "count(/order/item) >= 2 -> true",
            "$statusCode == 204 -> true",
        ]
    );
}

#[tokio::test]
async fn a_false_xpath_criterion_runs_the_failure_action_whose_xpath_criterion_holds() {
    let server = MockServer::start().await.expect("server");
    server.on("GET", "/orders/{id}", vec![xml("pending", 1), xml("shipped", 1)]);
    let (workflows, outcomes) = workflows(&server);
    let out = workflows.ship_order(inputs()).await.expect("workflow succeeds");
    // pending -> `stillPending` retried the step; shipped with one item -> `smallOrder` ended it.
    assert_eq!(calls(&server), ["GET /orders/7", "GET /orders/7"]);
    assert_eq!(out.order, Some(json!("<order><status>shipped</status><item/></order>")));
    assert_eq!(
        *outcomes.lock().unwrap(),
        [
            "$statusCode == 200 -> true",
            "/order/status = 'shipped' -> false",
            "/order/status = 'pending' -> true",
            "$statusCode == 200 -> true",
            "/order/status = 'shipped' -> true",
            "count(/order/item) >= 2 -> false",
        ]
    );
}

#[tokio::test]
async fn a_false_xpath_criterion_with_no_matching_failure_action_fails_the_step() {
    let server = MockServer::start().await.expect("server");
    server.on("GET", "/orders/{id}", vec![xml("cancelled", 1)]);
    let (workflows, _) = workflows(&server);
    let error = workflows.ship_order(inputs()).await.expect_err("step fails");
    match &error {
        WorkflowError::StepFailed { step, status, reason, .. } => {
            assert_eq!((step.as_str(), *status), ("fetch", 200));
            // Evaluated to false: nothing to explain beyond the body.
            assert_eq!(reason, &None);
        }
        other => panic!("expected StepFailed, got {other:?}"),
    }
}

#[tokio::test]
async fn a_body_that_is_not_xml_fails_the_criterion_with_a_reason() {
    let server = MockServer::start().await.expect("server");
    server.on(
        "GET",
        "/orders/{id}",
        vec![
            Reply::text(200, "application/xml", "shipped, honest"),
            Reply::json(200, json!({"status": "shipped"})),
        ],
    );
    let (workflows, outcomes) = workflows(&server);
    for expected in [
        "`/order/status = 'shipped'` could not be evaluated: the context is not well-formed XML",
        "`/order/status = 'shipped'` could not be evaluated: `$response.body` is JSON (an object), not XML text",
    ] {
        let error = workflows.ship_order(inputs()).await.expect_err("not XML never passes");
        let WorkflowError::StepFailed { step, reason, .. } = &error else {
            panic!("expected StepFailed, got {error:?}");
        };
        assert_eq!(step, "fetch");
        let reason = reason.as_deref().expect("a reason");
        assert!(reason.starts_with(expected), "{reason}");
        assert!(error.to_string().contains(expected), "{error}");
    }
    let outcomes = outcomes.lock().unwrap();
    assert_eq!(outcomes.len(), 6, "{outcomes:?}");
    assert!(
        outcomes[1].starts_with("/order/status = 'shipped' -> error: the context is not well-formed XML: "),
        "{outcomes:?}"
    );
    // The failure action's criterion could not be evaluated either, so it did not match.
    assert!(
        outcomes[2].starts_with("/order/status = 'pending' -> error: the context is not well-formed XML: "),
        "{outcomes:?}"
    );
    assert_eq!(
        outcomes[4],
        "/order/status = 'shipped' -> error: `$response.body` is JSON (an object), not XML text"
    );
}

const INVOICE: &str = "<Invoice><Header><InvoiceNumber>INV-9</InvoiceNumber></Header>\
    <Customer id='c42'/><Line amount='10'>pens</Line><Line amount='2.5'>ink</Line></Invoice>";

/// An `xpath` selector's value is the string value of the first item it selects (an
/// element's text, an attribute's value, a number's canonical form), typed `Option<String>`,
/// in outputs, a path parameter and payload members; one that selects nothing is left out.
#[tokio::test]
async fn xpath_selectors_select_string_values_from_xml() {
    let server = MockServer::start().await.expect("server");
    server.on("GET", "/invoices/{id}", vec![Reply::text(200, "application/xml", INVOICE)]);
    server.on("POST", "/payments/{number}", vec![Reply::empty(204)]);
    let client = selectors::invoices::Client::new(server.base_url()).with_retry_policy(RetryPolicy::none());
    let out = selectors::Workflows::new(client)
        .with_poll_policy(PollPolicy::immediate())
        .pay_invoice(selectors::PayInvoiceInputs { id: "9".into() })
        .await
        .expect("workflow succeeds");
    let number: Option<String> = out.number;
    assert_eq!(number.as_deref(), Some("INV-9"));
    assert_eq!(out.total.as_deref(), Some("12.5"));
    assert_eq!(out.missing, None);
    assert_eq!(out.customer.as_deref(), Some("c42"));
    assert_eq!(calls(&server), ["GET /invoices/9", "POST /payments/INV-9"]);
    assert_eq!(server.requests()[1].body_text(), r#"{"customer":"c42","firstLine":"pens"}"#);
}

/// A JSON answer where an `xpath` selector expects XML is an error naming the selector, not a
/// silent nothing.
#[tokio::test]
async fn an_xpath_selector_over_json_is_an_error() {
    let server = MockServer::start().await.expect("server");
    server.on("GET", "/invoices/{id}", vec![Reply::json(200, json!({"number": "INV-9"}))]);
    let client = selectors::invoices::Client::new(server.base_url()).with_retry_policy(RetryPolicy::none());
    let error = selectors::Workflows::new(client)
        .with_poll_policy(PollPolicy::immediate())
        .pay_invoice(selectors::PayInvoiceInputs { id: "9".into() })
        .await
        .expect_err("the selector cannot be evaluated");
    let WorkflowError::Expression {
        step, expression, message, ..
    } = &error
    else {
        panic!("expected an expression error, got {error:?}");
    };
    assert_eq!(step.as_deref(), Some("fetch"));
    assert_eq!(expression, "/Invoice/Header/InvoiceNumber (xpath) on $response.body");
    assert_eq!(
        message,
        "an xpath selector needs XML text as its context, and the context is JSON (an object)"
    );
}
