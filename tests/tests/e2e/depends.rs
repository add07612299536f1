//! Arazzo 1.1 `in: querystring` parameters and step `dependsOn`
//! (`specs/v11/depends.arazzo.yaml` over the OpenAPI 3.2 `specs/v11/search.openapi.yaml`)
//! against the scripted server on 127.0.0.1: the query string that arrives for each kind
//! of value (and from the typed client), a valid `dependsOn` run, and a `goto` that
//! reaches a step before its dependency failing with the typed error before it sends.

use arazzo::{PollPolicy, RetryPolicy, WorkflowError};
use arazzo_tests::mock::{MockServer, Reply};
use serde_json::json;

mod api {
    // The description is OpenAPI 3.2 on purpose (its `in: querystring`); the warning that 3.2
    // is read as 3.1 plus querystring parameters is `codegen/tests/generator/v11.rs`'s to prove.
    arazzo::arazzo_workflow!("specs/v11/depends.arazzo.yaml", allow(openapi_version));
}

fn workflows(server: &MockServer) -> api::Workflows {
    let client = api::search::Client::new(server.base_url()).with_retry_policy(RetryPolicy::none());
    api::Workflows::new(client).with_poll_policy(PollPolicy::immediate())
}

/// What arrived, as `path?query` (the query string exactly as sent).
fn arrived(server: &MockServer) -> Vec<String> {
    server
        .requests()
        .iter()
        .map(|r| format!("{}?{}", r.path, r.query.as_deref().unwrap_or("")))
        .collect()
}

fn next_page(next: &str) -> Vec<Reply> {
    vec![Reply::json(200, json!({ "next": next })); 8]
}

#[tokio::test]
async fn querystring_values_arrive_as_the_whole_query_string() {
    let server = MockServer::start().await.expect("server");
    server.on("GET", "/search", next_page("page=2&cursor=a+b%2Fc"));
    server.on("GET", "/find", vec![Reply::empty(200)]);
    workflows(&server)
        .query(api::QueryInputs {
            term: Some("rust lang é#1".to_owned()),
            raw: Some("a=1&b=two%20words".to_owned()),
        })
        .await
        .expect("workflow succeeds");
    assert_eq!(
        arrived(&server),
        [
            // A template: pre-formatted form text, so `&` and `=` stay; what a query cannot
            // hold (the space, `é`, `#`) is percent-encoded.
            "/search?q=rust%20lang%20%C3%A9%231&sort=desc",
            // JSON content: the text is one value, percent-encoded whole.
            "/find?%7B%22filter%22%3A%22active%22%2C%22limit%22%3A50%7D",
            // An expression, its escapes kept as written.
            "/search?a=1&b=two%20words",
            // A Selector Object over the first step's body.
            "/search?page=2&cursor=a+b%2Fc",
        ]
    );
}

#[tokio::test]
async fn a_querystring_value_that_is_not_a_string_fails_the_step() {
    let server = MockServer::start().await.expect("server");
    // `$inputs.raw` is a number here (inputs given as JSON), and a query string must be a string.
    server.on("GET", "/search", vec![Reply::json(200, json!({ "next": "x=1" }))]);
    server.on("GET", "/find", vec![Reply::empty(200)]);
    let error = workflows(&server)
        .run_by_id("query", json!({ "term": "a", "raw": 5 }))
        .await
        .expect_err("a number is not a query string");
    let WorkflowError::InvalidValue { step, name, message, .. } = &error else {
        panic!("expected InvalidValue, got {error:?}");
    };
    assert_eq!((step.as_deref(), name.as_str()), (Some("raw"), "criteria"));
    assert_eq!(
        message,
        "a `querystring` parameter's value must be a string (the whole query string), found a JSON integer"
    );
    // Nothing was sent for `raw`: the form and JSON steps only.
    assert_eq!(arrived(&server).len(), 2, "{:?}", arrived(&server));
}

#[tokio::test]
async fn the_typed_client_sends_the_querystring() {
    let server = MockServer::start().await.expect("server");
    server.on("GET", "/search", next_page("n=1"));
    server.on("GET", "/find", vec![Reply::empty(200), Reply::empty(200)]);
    let client = api::search::Client::new(server.base_url()).with_retry_policy(RetryPolicy::none());
    let page = client.search("q=a b&sort=asc").await.expect("search answers");
    assert_eq!(page.next, "n=1");
    client.find(Some(r#"{"q":"a&b"}"#)).await.expect("find answers");
    client.find(None).await.expect("find answers without a query string");
    assert_eq!(
        arrived(&server),
        ["/search?q=a%20b&sort=asc", "/find?%7B%22q%22%3A%22a%26b%22%7D", "/find?"]
    );
}

#[tokio::test]
async fn a_step_runs_after_the_step_it_depends_on() {
    let server = MockServer::start().await.expect("server");
    server.on("GET", "/search", next_page("done=1"));
    let out = workflows(&server).ordered(api::OrderedInputs {}).await.expect("workflow succeeds");
    assert_eq!(out.next, "done=1");
    assert_eq!(arrived(&server), ["/search?step=login", "/search?step=fetch"]);
}

#[tokio::test]
async fn a_goto_past_a_dependency_fails_before_the_step_sends() {
    let server = MockServer::start().await.expect("server");
    server.on("GET", "/search", next_page("x=1"));
    let error = workflows(&server)
        .jumped(api::JumpedInputs { jump: Some(true) })
        .await
        .expect_err("`use` is reached before `prepare` completed");
    let WorkflowError::DependencyNotCompleted {
        workflow,
        step,
        dependency,
    } = &error
    else {
        panic!("expected DependencyNotCompleted, got {error:?}");
    };
    assert_eq!(
        (workflow.as_str(), step.as_str(), dependency.as_str()),
        ("jumped", "use", "prepare")
    );
    assert_eq!(error.step(), Some("use"));
    assert_eq!(
        error.to_string(),
        "workflow `jumped`: step `use` was reached before step `prepare`, which it depends on (`dependsOn`), had completed; nothing was sent"
    );
    // `start` only: `use` sent nothing.
    assert_eq!(arrived(&server), ["/search?step=start"]);

    // Without the jump, `prepare` completes first and `use` runs.
    let server = MockServer::start().await.expect("server");
    server.on("GET", "/search", next_page("x=1"));
    workflows(&server)
        .jumped(api::JumpedInputs { jump: Some(false) })
        .await
        .expect("workflow succeeds");
    assert_eq!(arrived(&server), ["/search?step=start", "/search?step=prepare", "/search?step=use"]);
}
