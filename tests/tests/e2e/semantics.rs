//! Workflow semantics end to end: a small document (`specs/semantics/`) that
//! exercises parameter styles, body encodings, replacements, workflow calls,
//! `dependsOn`, `goto` to a workflow, retries and action precedence, compiled
//! by the macro and run against the scripted server on 127.0.0.1.

use std::time::Duration;

use arazzo::{PollPolicy, RetryPolicy, WorkflowError};
use arazzo_tests::mock::{MockServer, Reply};
use serde_json::json;

mod api {
    arazzo::arazzo_workflow!("specs/semantics/semantics.arazzo.yaml");
}

fn workflows(server: &MockServer) -> api::Workflows {
    let shop = api::shop::Client::new(server.base_url()).with_retry_policy(RetryPolicy::none());
    let auth = api::auth::Client::new(server.base_url()).with_retry_policy(RetryPolicy::none());
    // The `warehouse` source of `library.arazzo.yaml` (an `arazzo` source).
    let warehouse = api::library_warehouse::Client::new(format!("{}/wh", server.base_url())).with_retry_policy(RetryPolicy::none());
    api::Workflows::new(shop, auth, warehouse).with_poll_policy(PollPolicy::immediate())
}

fn calls(server: &MockServer) -> Vec<String> {
    server.requests().iter().map(|r| format!("{} {}", r.method, r.path)).collect()
}

#[tokio::test]
async fn parameters_follow_style_and_explode_and_depends_on_runs_first() {
    let server = MockServer::start().await.expect("server");
    server.on("POST", "/token", vec![Reply::json(200, json!({"token": "t-1"}))]);
    server.on(
        "GET",
        "/items/{ids}",
        vec![Reply::json(
            200,
            json!({"count": 2, "items": [{"id": "a", "price": 5}, {"id": "b", "price": 12}]}),
        )],
    );
    let out = workflows(&server)
        .params(api::ParamsInputs {
            ids: Some(vec!["a".into(), "b/c".into()]),
            tags: Some(vec!["x".into(), "y".into()]),
            user: Some("bo".into()),
        })
        .await
        .expect("workflow succeeds");
    assert_eq!(calls(&server), ["POST /token", "GET /items/.a.b%2Fc"]);
    let request = &server.requests()[1];
    assert_eq!(
        request.query_pairs(),
        [
            ("tags".to_owned(), "x".to_owned()),
            ("tags".to_owned(), "y".to_owned()),
            ("filter[color]".to_owned(), "red".to_owned()),
            ("filter[size]".to_owned(), "bo-L".to_owned()),
            ("fields".to_owned(), "id|price".to_owned()),
        ]
    );
    assert_eq!(request.header("x-trace"), Some("a,b"));
    // The workflow-level parameter's `value` overrides the component's "1".
    assert_eq!(request.header("x-api-version"), Some("2"));
    // A `dependsOn` workflow's outputs are readable through `$workflows`.
    assert_eq!(request.header("cookie"), Some("session=t-1"));
    assert_eq!(out.count, Some(2));
    assert_eq!(out.method, "GET");
    assert!(
        out.url
            .ends_with("/items/.a.b%2Fc?tags=x&tags=y&filter%5Bcolor%5D=red&filter%5Bsize%5D=bo-L&fields=id%7Cprice"),
        "{}",
        out.url
    );
    assert_eq!(out.token, Some(json!("t-1")));
    // dependsOn passes the workflow's own inputs to the dependency.
    assert_eq!(out.login_user, Some(json!("bo")));
    // `$statusCode`, `$request.header|query|path`, `$response.header|body#ptr`, in an embedded template.
    assert_eq!(out.echoes, "200 a,b x .a.b%2Fc application/json a");
}

#[tokio::test]
async fn a_failed_jsonpath_criterion_fails_the_step() {
    let server = MockServer::start().await.expect("server");
    server.on("POST", "/token", vec![Reply::json(200, json!({"token": "t-1"}))]);
    server.on(
        "GET",
        "/items/{ids}",
        vec![Reply::json(200, json!({"count": 1, "items": [{"id": "a", "price": 5}]}))],
    );
    let error = workflows(&server)
        .params(api::ParamsInputs {
            ids: Some(vec!["a".into()]),
            tags: None,
            user: Some("x".into()),
        })
        .await
        .expect_err("no item over 10");
    assert!(
        matches!(&error, WorkflowError::StepFailed { step, .. } if step == "items"),
        "{error:?}"
    );
    // An absent optional input sends no parameter at all.
    assert!(server.requests()[1].query_pairs().iter().all(|(k, _)| k != "tags"));
}

#[tokio::test]
async fn form_multipart_text_and_replacements() {
    let server = MockServer::start().await.expect("server");
    server.on("POST", "/forms", vec![Reply::empty(200)]);
    server.on("POST", "/uploads", vec![Reply::empty(200)]);
    server.on("POST", "/notes", vec![Reply::text(200, "text/plain", "n-7")]);
    server.on("POST", "/orders", vec![Reply::json(201, json!({"id": "o-9", "status": "new"}))]);
    let out = workflows(&server)
        .bodies(api::BodiesInputs {
            note: Some("hello".into()),
            qty: Some(3),
            buyer: Some(json!({"name": "Ann", "tags": ["vip", "eu"]})),
        })
        .await
        .expect("workflow succeeds");
    let requests = server.requests();
    assert_eq!(requests[0].header("content-type"), Some("application/x-www-form-urlencoded"));
    assert_eq!(requests[0].body_text(), "name=widget+%26+co&qty=3");
    let multipart = &requests[1];
    let content_type = multipart.header("content-type").unwrap_or_default().to_owned();
    let boundary = content_type
        .strip_prefix("multipart/form-data; boundary=")
        .expect("multipart content type");
    let body = multipart.body_text();
    assert!(
        body.starts_with(&format!("--{boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n")),
        "{body}"
    );
    assert!(body.contains("\r\n\r\nreport\r\n"), "{body}");
    assert!(
        body.contains("name=\"meta\"\r\nContent-Type: application/json\r\n\r\n{\"qty\":3}\r\n"),
        "{body}"
    );
    assert!(body.ends_with(&format!("--{boundary}--\r\n")), "{body}");
    assert_eq!(requests[2].header("content-type"), Some("text/plain"));
    assert_eq!(requests[2].body_text(), "note: hello for Ann");
    assert_eq!(
        requests[3].body_json(),
        // `$sourceDescriptions.shop.url` is the description's `url`, as written.
        Some(json!({"item": {"id": "n-7", "qty": 3}, "source": "./shop.openapi.yaml", "via": "POST"}))
    );
    assert_eq!(out.echo, Some(json!("n-7")));
    assert_eq!(out.sent, Some(json!("note: hello for Ann")));
    assert_eq!(out.order_status, Some(json!("new")));
    assert_eq!(out.buyer_tag, Some(json!("eu")));
    assert_eq!(out.order_id.as_deref(), Some("o-9"));
}

#[tokio::test]
async fn a_step_calls_a_workflow_and_goto_passes_control_to_another() {
    let server = MockServer::start().await.expect("server");
    server.on("POST", "/token", vec![Reply::json(200, json!({"token": "t-2"}))]);
    server.on(
        "POST",
        "/orders",
        vec![Reply::json(201, json!({"id": "o-1", "status": "deferred"}))],
    );
    server.on("POST", "/notes", vec![Reply::text(200, "text/plain", "audited")]);
    let out = workflows(&server)
        .orchestrate(api::OrchestrateInputs { user: Some("ann".into()) })
        .await
        .expect("workflow succeeds");
    assert_eq!(calls(&server), ["POST /token", "POST /orders", "POST /notes"]);
    assert_eq!(server.requests()[1].body_json(), Some(json!({"token": "t-2"})));
    assert_eq!(out.token, Some(json!("t-2")));
    // The step's parameters became the callee's inputs.
    assert_eq!(out.user, Some(json!("ann!")));
    assert_eq!(out.status.as_deref(), Some("deferred"));
    assert_eq!(out.audit, Some(json!("audited")));
    assert_eq!(out.via_outputs, Some(json!("t-2")));
}

#[tokio::test]
async fn goto_to_a_workflow_only_when_its_criteria_hold() {
    let server = MockServer::start().await.expect("server");
    server.on("POST", "/token", vec![Reply::json(200, json!({"token": "t-2"}))]);
    server.on("POST", "/orders", vec![Reply::json(201, json!({"id": "o-1", "status": "placed"}))]);
    let out = workflows(&server)
        .orchestrate(api::OrchestrateInputs { user: Some("x".into()) })
        .await
        .expect("workflow succeeds");
    assert_eq!(calls(&server), ["POST /token", "POST /orders"]);
    assert_eq!(out.audit, None);
}

#[tokio::test]
async fn retries_are_counted_fall_through_and_run_a_step_first() {
    let server = MockServer::start().await.expect("server");
    server.on("POST", "/orders", vec![Reply::empty(503)]);
    server.on(
        "GET",
        "/orders/o-1",
        vec![
            Reply::empty(429).header("Retry-After", "0"),
            Reply::json(200, json!({"id": "o-1", "status": "ready"})),
        ],
    );
    server.on("POST", "/token", vec![Reply::json(200, json!({"token": "t"}))]);
    let events = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = events.clone();
    let out = workflows(&server)
        .with_observer(move |event| {
            if let arazzo::Event::Waiting { step, delay, .. } = event {
                sink.lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((step.to_string(), delay.to_owned()));
            }
        })
        .retries(api::RetriesInputs {})
        .await
        .expect("workflow succeeds");
    // retryLimit 2: three attempts, then the next failure action (goto poll);
    // the 429's Retry-After: 0 wins over retryAfter: 5; `refresh` runs before the retry.
    assert_eq!(
        calls(&server),
        [
            "POST /orders",
            "POST /orders",
            "POST /orders",
            "GET /orders/o-1",
            "POST /token",
            "GET /orders/o-1"
        ]
    );
    assert_eq!(out.status.as_deref(), Some("ready"));
    let waits = events.lock().unwrap_or_else(|e| e.into_inner()).clone();
    assert_eq!(
        waits,
        [
            ("create".to_owned(), Duration::ZERO),
            ("create".to_owned(), Duration::ZERO),
            ("poll".to_owned(), Duration::ZERO)
        ]
    );
}

#[tokio::test]
async fn a_step_list_replaces_the_workflow_list() {
    let server = MockServer::start().await.expect("server");
    server.on("POST", "/token", vec![Reply::json(200, json!({"token": "t"}))]);
    server.on("GET", "/orders/x", vec![Reply::empty(500), Reply::json(200, json!({"id": "x"}))]);
    let out = workflows(&server)
        .overrides(api::OverridesInputs { note: None })
        .await
        .expect("workflow succeeds");
    // `first` has no onSuccess, so the workflow's `skip` applies; `third`'s
    // own onFailure (retry once, the default limit) replaces `giveUp`.
    assert_eq!(calls(&server), ["POST /token", "GET /orders/x", "GET /orders/x"]);
    // `second` (skipped by the goto) may not run, so its output is an
    // `Option<i64>` (not an error at the end of a successful run).
    let second: Option<i64> = out.second;
    assert_eq!(second, None);

    let server = MockServer::start().await.expect("server");
    server.on("POST", "/token", vec![Reply::json(200, json!({"token": "t"}))]);
    server.on("GET", "/orders/x", vec![Reply::empty(500)]);
    let error = workflows(&server)
        .overrides(api::OverridesInputs { note: None })
        .await
        .expect_err("fails");
    assert!(
        matches!(&error, WorkflowError::StepFailed { step, status: 500, .. } if step == "third"),
        "{error:?}"
    );
    assert_eq!(calls(&server).len(), 3);

    // `first` has no onFailure: the workflow's `giveUp` (type end) ends the
    // run, which returns the outputs that apply at that point.
    let server = MockServer::start().await.expect("server");
    server.on("POST", "/token", vec![Reply::json(500, json!({"error": "down"}))]);
    let error = workflows(&server)
        .overrides(api::OverridesInputs { note: Some("n-1".into()) })
        .await
        .expect_err("ends");
    match &error {
        WorkflowError::Ended {
            step,
            action,
            status,
            outputs,
            ..
        } => {
            assert_eq!((step.as_str(), action.as_str(), *status), ("first", "giveUp", 500));
            // `second` never ran, so its output is not among them.
            assert_eq!(&**outputs, json!({"note": "n-1"}).as_object().expect("object"));
        }
        other => panic!("expected Ended, got {other:?}"),
    }
}

#[tokio::test]
async fn a_retry_runs_a_workflow_first() {
    let server = MockServer::start().await.expect("server");
    server.on(
        "GET",
        "/orders/r-1",
        vec![Reply::empty(401), Reply::json(200, json!({"id": "r-1", "status": "ok"}))],
    );
    server.on("POST", "/token", vec![Reply::json(200, json!({"token": "t-5"}))]);
    let out = workflows(&server)
        .refreshing(api::RefreshingInputs {})
        .await
        .expect("workflow succeeds");
    assert_eq!(calls(&server), ["GET /orders/r-1", "POST /token", "GET /orders/r-1"]);
    assert_eq!(out.status.as_deref(), Some("ok"));
    assert_eq!(out.token, Some(json!("t-5")));
}

#[tokio::test]
async fn recursion_stops_with_an_error() {
    let server = MockServer::start().await.expect("server");
    let error = workflows(&server)
        .forever(api::ForeverInputs {})
        .await
        .expect_err("recursion stops");
    assert!(matches!(error, WorkflowError::TooDeep { .. }), "{error:?}");
}

#[tokio::test]
async fn workflows_run_by_id_with_json() {
    let server = MockServer::start().await.expect("server");
    server.on("POST", "/token", vec![Reply::json(200, json!({"token": "t-3"}))]);
    let out = workflows(&server).run_by_id("login", json!({"user": "cy"})).await.expect("runs");
    assert_eq!(serde_json::Value::Object(out), json!({"token": "t-3", "user": "cy"}));
    assert!(workflows(&server).run_by_id("nope", json!({})).await.is_err());
}

/// A step calls a workflow of another Arazzo document (a source of type
/// `arazzo`): it runs with that document's own client, its parameters
/// become the callee's inputs and `$outputs` reads the callee's outputs.
#[tokio::test]
async fn a_step_calls_a_workflow_of_another_arazzo_document() {
    let server = MockServer::start().await.expect("server");
    server.on("POST", "/wh/orders", vec![Reply::json(201, json!({"id": "o-42", "status": "new"}))]);
    server.on(
        "GET",
        "/orders/o-42",
        vec![Reply::json(200, json!({"id": "o-42", "status": "packed"}))],
    );
    let out = workflows(&server)
        .cross_document(api::CrossDocumentInputs { item: Some("lamp".into()) })
        .await
        .expect("workflow succeeds");
    assert_eq!(calls(&server), ["POST /wh/orders", "GET /orders/o-42"]);
    assert_eq!(
        server.requests()[0].body_json(),
        Some(json!({"item": {"id": "lamp", "qty": 1}, "source": "./warehouse.openapi.yaml"}))
    );
    assert_eq!(out.order_id, Some(json!("o-42")));
    assert_eq!(out.status.as_deref(), Some("packed"));
    // The other document's workflow is a method too, and runs by reference.
    let direct = workflows(&server)
        .run_by_id("$sourceDescriptions.library.placeOrder", json!({"item": "desk"}))
        .await
        .expect("runs by reference");
    assert_eq!(direct.get("orderId"), Some(&json!("o-42")));
}
