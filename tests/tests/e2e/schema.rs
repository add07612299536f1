//! Every answer checked against the schema its operation documents
//! (`specs/schema/catalog.*.yaml`), for the typed client and for workflow steps, against the
//! scripted server on 127.0.0.1: a mismatch is `ClientError::ResponseSchema` naming the
//! operation, the status, the `$`-path and what was expected; lenient mode
//! (`SchemaChecks::Warn`) lets the answer through and, in a workflow, emits
//! `Event::SchemaMismatch`.

use std::sync::{Arc, Mutex};

use arazzo::{ApiError, ClientError, Event, PollPolicy, RetryPolicy, SchemaChecks, WorkflowError};
use arazzo_tests::mock::{MockServer, Reply};
use serde_json::{Value, json};

mod api {
    arazzo::arazzo_workflow!("specs/schema/catalog.arazzo.yaml");
}

async fn serving(path: &str, status: u16, body: Value) -> MockServer {
    let server = MockServer::start().await.expect("server");
    server.on("GET", path, vec![Reply::json(status, body)]);
    server
}

fn client(server: &MockServer) -> api::catalog::Client {
    api::catalog::Client::new(server.base_url()).with_retry_policy(RetryPolicy::none())
}

/// The typed client's `(path, expected)` for an item body, or `None` when it was accepted.
async fn item_mismatch(body: Value) -> Option<(String, String)> {
    let server = serving("/items/{id}", 200, body).await;
    match client(&server).get_item("i1").await {
        Ok(_) => None,
        Err(ApiError::Client(ClientError::ResponseSchema(e))) => {
            assert_eq!((e.operation.as_str(), e.status), ("getItem", 200));
            let text = ClientError::ResponseSchema(e.clone()).to_string();
            assert!(
                text.contains("HTTP 200") && text.contains(&e.mismatch.path) && text.contains("expected"),
                "{text}"
            );
            Some((e.mismatch.path.clone(), e.mismatch.expected.clone()))
        }
        Err(other) => panic!("not a schema mismatch: {other}"),
    }
}

fn pair(path: &str, expected: &str) -> Option<(String, String)> {
    Some((path.to_owned(), expected.to_owned()))
}

#[tokio::test]
async fn a_wrong_top_level_type_is_named_at_the_root() {
    assert_eq!(item_mismatch(json!(["book"])).await, pair("$", "expected object, got array"));
}

#[tokio::test]
async fn a_missing_required_property_is_named() {
    assert_eq!(
        item_mismatch(json!({"id": "i1"})).await,
        pair("$", "expected required property `kind`, got none")
    );
}

#[tokio::test]
async fn a_wrong_array_item_has_its_index_in_the_path() {
    assert_eq!(
        item_mismatch(json!({"id": "i1", "kind": "book", "tags": ["a", 7]})).await,
        pair("$.tags[1]", "expected string, got integer")
    );
}

#[tokio::test]
async fn open_enums_keep_unknown_values_but_not_other_types() {
    assert_eq!(item_mismatch(json!({"id": "i1", "kind": "podcast"})).await, None);
    assert_eq!(
        item_mismatch(json!({"id": "i1", "kind": 3})).await,
        pair("$.kind", "expected string, got integer")
    );
}

#[tokio::test]
async fn null_is_accepted_where_the_type_array_or_a_null_branch_allows_it() {
    assert_eq!(
        item_mismatch(json!({"id": "i1", "kind": "book", "note": null, "size": null})).await,
        None
    );
    assert_eq!(
        item_mismatch(json!({"id": null, "kind": "book"})).await,
        pair("$.id", "expected string, got null")
    );
    let size = item_mismatch(json!({"id": "i1", "kind": "book", "size": "big"}))
        .await
        .expect("a mismatch");
    assert_eq!(size.0, "$.size");
    assert!(size.1.contains("expected integer, got string"), "{}", size.1);
}

#[tokio::test]
async fn a_documented_error_range_is_checked_too() {
    let server = serving("/items/{id}", 404, json!({"message": "gone"})).await;
    let Err(ApiError::Client(ClientError::ResponseSchema(e))) = client(&server).get_item("i1").await else {
        panic!("a 404 without `detail` is a mismatch of the 4XX schema");
    };
    assert_eq!(
        (e.status, e.mismatch.expected.as_str()),
        (404, "expected required property `detail`, got none")
    );
}

#[tokio::test]
async fn recursive_references_are_checked_at_every_level() {
    let server = serving(
        "/tree",
        200,
        json!({"name": "root", "children": [{"name": "a", "children": [{"name": "b", "colour": "red"}]}]}),
    )
    .await;
    let Err(ApiError::Client(ClientError::ResponseSchema(e))) = client(&server).get_tree().await else {
        panic!("an undocumented property under additionalProperties: false is a mismatch");
    };
    assert_eq!(e.mismatch.path, "$.children[0].children[0]");
    assert_eq!(e.mismatch.expected, "expected no property `colour` (additionalProperties is false)");
    let server = serving("/tree", 200, json!({"name": "root", "children": [{"name": "a", "children": []}]})).await;
    assert_eq!(client(&server).get_tree().await.expect("a valid tree").name, "root");
}

#[tokio::test]
async fn a_lenient_client_decodes_what_serde_accepts() {
    let server = serving("/items/{id}", 200, json!({"id": "i1", "kind": "book", "tags": "oops"})).await;
    let strict = client(&server).get_item("i1").await;
    assert!(matches!(strict, Err(ApiError::Client(ClientError::ResponseSchema(_)))));
    let lenient = api::catalog::Client::new(server.base_url())
        .with_retry_policy(RetryPolicy::none())
        .with_schema_checks(SchemaChecks::Warn);
    // The shape check only warns; serde still refuses a string for `Vec<String>`.
    assert!(matches!(
        lenient.get_item("i1").await,
        Err(ApiError::Client(ClientError::Decode { .. }))
    ));
}

fn workflows(server: &MockServer, policy: PollPolicy, seen: &Arc<Mutex<Vec<String>>>) -> api::Workflows {
    let seen = Arc::clone(seen);
    api::Workflows::new(client(server))
        .with_poll_policy(policy)
        .with_observer(move |event: &Event<'_>| {
            if let Event::SchemaMismatch {
                step,
                operation,
                status,
                path,
                expected,
                ..
            } = event
            {
                seen.lock().unwrap().push(format!("{step} {operation} {status} {path}: {expected}"));
            }
        })
}

#[tokio::test]
async fn a_step_whose_answer_mismatches_fails_naming_step_status_and_path() {
    let server = serving("/items/{id}", 200, json!({"id": "i1", "kind": ["book"]})).await;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let error = workflows(&server, PollPolicy::immediate(), &seen)
        .read_item(api::ReadItemInputs { id: "i1".into() })
        .await
        .expect_err("the answer does not match its schema");
    let WorkflowError::Client { step, source, .. } = &error else {
        panic!("not a client error: {error}");
    };
    assert_eq!(step, "fetchItem");
    assert!(matches!(source.as_ref(), ClientError::ResponseSchema(e) if e.mismatch.path == "$.kind"));
    let text = error.to_string();
    assert!(
        text.contains("step `fetchItem`") && text.contains("HTTP 200") && text.contains("at `$.kind`: expected string, got array"),
        "{text}"
    );
    assert!(seen.lock().unwrap().is_empty());
}

#[tokio::test]
async fn a_lenient_workflow_warns_and_goes_on() {
    let server = serving("/items/{id}", 200, json!({"id": 1, "kind": "film"})).await;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let outputs = workflows(&server, PollPolicy::immediate().with_schema_checks(SchemaChecks::Warn), &seen)
        .read_item(api::ReadItemInputs { id: "i1".into() })
        .await
        .expect("lenient mode lets the answer through");
    assert_eq!(outputs.kind.as_str(), "film");
    assert_eq!(*seen.lock().unwrap(), ["fetchItem getItem 200 $.id: expected string, got integer"]);
}

/// The seed pair against an answer shaped as live sentry.io sends it (`{"models": [...]}`
/// where the seed documents an array): the run fails at its first step, saying why, instead
/// of succeeding with null outputs.
#[tokio::test]
async fn the_seed_workflow_fails_at_list_models_on_a_live_shaped_answer() {
    let server = serving(
        "/organizations/{organization_id_or_slug}/seer/models/",
        200,
        json!({"models": ["claude-sonnet"]}),
    )
    .await;
    let client = sentry_seer::seer_api::Client::new(server.base_url()).with_retry_policy(RetryPolicy::none());
    let error = sentry_seer::Workflows::new(client)
        .with_poll_policy(PollPolicy::immediate())
        .seer_autofix_issue(sentry_seer::SeerAutofixIssueInputs {
            organization_id_or_slug: "acme".into(),
            issue_id: "42".into(),
            instruction: None,
        })
        .await
        .expect_err("the models answer does not match the seed's schema");
    assert_eq!((error.step(), error.status()), (Some("listModels"), Some(200)));
    let text = error.to_string();
    assert!(
        text.contains("step `listModels`") && text.ends_with("HTTP 200 body does not match its schema at `$`: expected array, got object"),
        "{text}"
    );
    assert_eq!(server.requests().len(), 1, "nothing after the first step ran");
}
