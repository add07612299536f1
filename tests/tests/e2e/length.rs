//! `$.length == 0` in a `jsonpath` criterion (`specs/semantics/length.arazzo.yaml`) against
//! the scripted server on 127.0.0.1: the length of the array, as JavaScript evaluators read
//! it, so the "nobody found" `end` fires on an empty list and not on a full one (RFC 9535
//! alone would select nothing and never end there).

use arazzo::{PollPolicy, RetryPolicy};
use arazzo_tests::mock::{MockServer, Reply};
use serde_json::json;

mod api {
    // The document reads `.length` the JavaScript way on purpose; the lint says so.
    arazzo::arazzo_workflow!("specs/semantics/length.arazzo.yaml", allow(jsonpath_length));
}

fn calls(server: &MockServer) -> Vec<String> {
    server.requests().iter().map(|r| format!("{} {}", r.method, r.path)).collect()
}

async fn run(users: serde_json::Value) -> Vec<String> {
    let server = MockServer::start().await.expect("server");
    server.on("GET", "/users", vec![Reply::json(200, users)]);
    server.on("POST", "/users/{id}/suspend", vec![Reply::empty(204)]);
    let client = api::users::Client::new(server.base_url()).with_retry_policy(RetryPolicy::none());
    let workflows = api::Workflows::new(client).with_poll_policy(PollPolicy::immediate());
    workflows
        .suspend_user(api::SuspendUserInputs { id: "u1".into() })
        .await
        .expect("workflow succeeds");
    calls(&server)
}

#[tokio::test]
async fn an_empty_list_ends_the_workflow() {
    assert_eq!(run(json!([])).await, ["GET /users"]);
}

#[tokio::test]
async fn a_list_with_users_goes_on_to_the_next_step() {
    assert_eq!(run(json!([{"id": "u1"}])).await, ["GET /users", "POST /users/u1/suspend"]);
}
