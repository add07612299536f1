//! Arazzo 1.1 (`specs/v11/v11.arazzo.yaml`) against the scripted server on 127.0.0.1:
//! Selector Objects as step and workflow outputs (typed from the response schema), in
//! parameters, payloads, replacement values and the inputs a step passes to a workflow, and a
//! step's `timeout` (the typed error and its event, retries bounded by it, a failure action
//! matching it).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use arazzo::{Event, PollPolicy, RetryPolicy, WorkflowError};
use arazzo_tests::mock::{MockServer, Reply};
use serde_json::json;

mod api {
    arazzo::arazzo_workflow!("specs/v11/v11.arazzo.yaml");
}

fn calls(server: &MockServer) -> Vec<String> {
    server.requests().iter().map(|r| format!("{} {}", r.method, r.path)).collect()
}

fn workflows(server: &MockServer) -> api::Workflows {
    let client = api::people::Client::new(server.base_url()).with_retry_policy(RetryPolicy::none());
    api::Workflows::new(client).with_poll_policy(PollPolicy::immediate())
}

#[tokio::test]
async fn selector_outputs_are_typed_by_the_response_schema() {
    let server = MockServer::start().await.expect("server");
    let body = json!({"total": 2, "people": [
        {"id": "p1", "name": "Ada", "email": "ada@example.test"},
        {"id": "p2", "name": "Grace"},
    ]});
    server.on("GET", "/people", vec![Reply::json(200, body)]);
    let out = workflows(&server)
        .summarise(api::SummariseInputs {})
        .await
        .expect("workflow succeeds");
    // The types are the point: a pointer to a required integer is an `i64`, a singular
    // query a `String`, `$.people[*]` a `Vec` of the item type, `$..email` a list of JSON.
    let total: i64 = out.total;
    let first: String = out.first_name;
    let names: Vec<api::people::types::Person> = out.names;
    let emails: Vec<serde_json::Value> = out.emails;
    assert_eq!(total, 2);
    assert_eq!(first, "Ada");
    assert_eq!(names.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["p1", "p2"]);
    assert_eq!(emails, [json!("ada@example.test")]);
    // Followed through the step output `$response.body#/people`: `/1/id` is a `Person`'s
    // required `id`, so a `String` (an index past the end is a `MissingValue` error, as for
    // `$response.body#/1/id`).
    let second: String = out.second_id;
    assert_eq!(second, "p2");
    let me: String = out.me;
    assert_eq!(me, "https://example.test/specs/v11.arazzo.yaml");
}

#[tokio::test]
async fn selectors_fill_parameters_and_payload_members() {
    let server = MockServer::start().await.expect("server");
    let body = json!({"total": 2, "people": [{"id": "p1", "name": "Ada"}, {"id": "p2", "name": "Grace"}]});
    server.on("GET", "/people", vec![Reply::json(200, body)]);
    server.on("POST", "/people/{id}/notify", vec![Reply::empty(204)]);
    workflows(&server)
        .notify_first(api::NotifyFirstInputs {})
        .await
        .expect("workflow succeeds");
    let requests = server.requests();
    assert_eq!(requests[1].path, "/people/p1/notify");
    // Members in document order; the selector that selected nothing left its member out.
    assert_eq!(requests[1].body_text(), r#"{"names":["Ada","Grace"],"total":2,"note":"literal"}"#);
}

#[tokio::test]
async fn selectors_fill_replacement_values_and_workflow_inputs() {
    let server = MockServer::start().await.expect("server");
    let body = json!({"total": 2, "people": [
        {"id": "p1", "name": "Ada", "email": "ada@example.test"},
        {"id": "p2", "name": "Grace"},
    ]});
    server.on("GET", "/people", vec![Reply::json(200, body)]);
    server.on("POST", "/people/{id}/notify", vec![Reply::empty(204)]);
    workflows(&server)
        .forward_first(api::ForwardFirstInputs {})
        .await
        .expect("workflow succeeds");
    let requests = server.requests();
    assert_eq!(calls(&server), ["GET /people", "POST /people/p0/notify", "POST /people/p2/notify"]);
    // A replacement value that is a Selector Object, and one holding them in an object.
    assert_eq!(
        requests[1].body_text(),
        r#"{"first":"Ada","all":{"ids":["p1","p2"],"count":2,"email":"ada@example.test"}}"#
    );
    // The callee received `id` (a reusable parameter's selector), `names` (a list) and
    // `extra`, whose selector that selected nothing (Grace has no email) left its member out.
    assert_eq!(requests[2].body_text(), r#"{"names":["Ada","Grace"],"extra":{"fixed":true}}"#);
}

#[tokio::test]
async fn a_stalled_step_fails_with_its_timeout() {
    let server = MockServer::start().await.expect("server");
    server.on(
        "GET",
        "/status",
        vec![Reply::json(200, json!({"ok": true})).delayed(Duration::from_secs(10))],
    );
    let started = Instant::now();
    let timeouts: Arc<Mutex<Vec<(String, Duration, Duration)>>> = Arc::default();
    let seen = timeouts.clone();
    let error = workflows(&server)
        .with_observer(move |event| {
            if let Event::StepTimedOut {
                step, timeout, elapsed, ..
            } = event
            {
                seen.lock().unwrap().push(((*step).to_owned(), *timeout, *elapsed));
            }
        })
        .stalled(api::StalledInputs {})
        .await
        .expect_err("the step times out");
    // One event when the timeout fired, with the step, its timeout and the time spent.
    let timeouts = timeouts.lock().unwrap().clone();
    assert_eq!(timeouts.len(), 1, "{timeouts:?}");
    let (event_step, event_timeout, elapsed) = &timeouts[0];
    assert_eq!((event_step.as_str(), *event_timeout), ("status", Duration::from_millis(300)));
    assert!(
        *elapsed >= Duration::from_millis(300) && *elapsed < Duration::from_secs(5),
        "{elapsed:?}"
    );
    let WorkflowError::StepTimeout { step, timeout, .. } = &error else {
        panic!("expected a step timeout, got {error:?}");
    };
    assert_eq!((step.as_str(), *timeout), ("status", Duration::from_millis(300)));
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the run did not wait for the stalled answer"
    );
    assert_eq!(
        error.to_string().split(", and it had").next(),
        Some("workflow `stalled`: step `status` timed out: its timeout is 300 ms")
    );
}

#[tokio::test]
async fn the_timeout_bounds_the_retries_too() {
    let server = MockServer::start().await.expect("server");
    server.on("GET", "/status", vec![Reply::empty(503)]);
    let error = workflows(&server)
        .retried(api::RetriedInputs {})
        .await
        .expect_err("the retries run out of time");
    assert!(matches!(error, WorkflowError::StepTimeout { .. }), "{error:?}");
    // Every 400 ms within 1 s: three requests, far from the retry limit of 20.
    let n = calls(&server).len();
    assert!((2..=4).contains(&n), "{n} requests");
}

#[tokio::test]
async fn a_failure_action_can_match_the_timeout() {
    let server = MockServer::start().await.expect("server");
    server.on(
        "GET",
        "/status",
        vec![Reply::json(200, json!({"ok": true})).delayed(Duration::from_secs(10))],
    );
    server.on("POST", "/people/{id}/notify", vec![Reply::empty(204)]);
    workflows(&server)
        .fallback(api::FallbackInputs { id: "p1".into() })
        .await
        .expect("the fallback step runs");
    assert_eq!(calls(&server), ["GET /status", "POST /people/p1/notify"]);
}

#[tokio::test]
async fn a_fast_answer_is_not_affected_by_the_timeout() {
    let server = MockServer::start().await.expect("server");
    server.on("GET", "/status", vec![Reply::json(200, json!({"ok": true}))]);
    let fired = Arc::new(Mutex::new(0));
    let count = fired.clone();
    workflows(&server)
        .with_observer(move |event| {
            if matches!(event, Event::StepTimedOut { .. }) {
                *count.lock().unwrap() += 1;
            }
        })
        .stalled(api::StalledInputs {})
        .await
        .expect("answered in time");
    assert_eq!(*fired.lock().unwrap(), 0, "no timeout event when the answer came in time");
}

#[tokio::test]
async fn a_called_workflow_is_bounded_by_the_calling_step() {
    let server = MockServer::start().await.expect("server");
    server.on(
        "GET",
        "/status",
        vec![Reply::json(200, json!({"ok": true})).delayed(Duration::from_secs(10))],
    );
    let error = workflows(&server)
        .calls_stalled(api::CallsStalledInputs {})
        .await
        .expect_err("times out");
    let WorkflowError::StepTimeout {
        workflow, step, timeout, ..
    } = &error
    else {
        panic!("expected a step timeout, got {error:?}");
    };
    // The caller's 150 ms ran out before the callee's own 300 ms.
    assert_eq!(
        (workflow.as_str(), step.as_str(), *timeout),
        ("callsStalled", "call", Duration::from_millis(150))
    );
}
