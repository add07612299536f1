//! Tests of the fake itself.
//!
//! The fake is the yardstick for the generated client, so it gets its own
//! tests through a deliberately dumb HTTP/1.1 client: no HTTP library on the
//! client side means nothing normalises paths, headers or bodies on the way
//! out, and the bytes the fake sees are exactly the bytes written here.

use std::collections::BTreeSet;

use super::*;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

type Headers<'a> = &'a [(&'a str, &'a str)];

const AUTH: (&str, &str) = ("Authorization", "Bearer test-token");
const MODELS: &str = "/api/0/organizations/acme/seer/models/";

struct RawResponse {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl RawResponse {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "status {} body is not JSON ({e}): {:?}",
                self.status,
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One request per connection with `Connection: close`, so the response is
/// simply everything until EOF.
async fn send(fake: &FakeSeer, method: &str, target: &str, headers: Headers<'_>, body: &[u8]) -> RawResponse {
    let mut stream = TcpStream::connect(fake.addr()).await.expect("connect");
    let mut request = format!("{method} {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n", fake.addr());
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    if !body.is_empty() || method == "POST" {
        request.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    request.push_str("\r\n");
    let mut bytes = request.into_bytes();
    bytes.extend_from_slice(body);
    stream.write_all(&bytes).await.expect("write request");

    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.expect("read response");
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("end of response head");
    let head = String::from_utf8(raw[..split].to_vec()).expect("UTF-8 head");
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    let length = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse::<usize>().ok());
    if let Some(length) = length {
        body.truncate(length);
    }
    RawResponse { status, headers, body }
}

async fn get(fake: &FakeSeer, target: &str) -> RawResponse {
    send(fake, "GET", target, &[AUTH], b"").await
}

async fn post(fake: &FakeSeer, target: &str, body: &[u8]) -> RawResponse {
    send(fake, "POST", target, &[AUTH, ("Content-Type", "application/json")], body).await
}

fn autofix(issue: &str) -> String {
    format!("/api/0/issues/{issue}/seer/autofix/")
}

fn statuses_of(requests: &[RecordedRequest]) -> Vec<u16> {
    requests.iter().map(|r| r.status).collect()
}

#[tokio::test]
async fn base_url_points_at_the_api_prefix() {
    let fake = FakeSeer::start(Scenario::default()).await.unwrap();
    assert!(fake.addr().ip().is_loopback());
    assert_eq!(fake.base_url(), format!("http://127.0.0.1:{}/api/0", fake.addr().port()));
}

#[tokio::test]
async fn valid_bearer_token_is_accepted() {
    let fake = FakeSeer::start(Scenario::default()).await.unwrap();
    let response = get(&fake, MODELS).await;
    assert_eq!(response.status, 200);
    assert_eq!(response.header("content-type"), Some("application/json"));
    assert_eq!(response.json(), default_models());

    // The scheme is case-insensitive, as HTTP says.
    let response = send(&fake, "GET", MODELS, &[("authorization", "bearer test-token")], b"").await;
    assert_eq!(response.status, 200);
}

#[tokio::test]
async fn missing_or_wrong_token_is_rejected_on_every_route() {
    let fake = FakeSeer::start(Scenario::default()).await.unwrap();
    let cases: [(&str, String, Headers); 4] = [
        ("GET", MODELS.to_owned(), &[]),
        ("GET", MODELS.to_owned(), &[("Authorization", "Bearer nope")]),
        ("POST", autofix("1"), &[("Authorization", "test-token")]),
        ("GET", autofix("1"), &[("Authorization", "Basic dGVzdC10b2tlbg==")]),
    ];
    for (method, target, headers) in cases {
        let response = send(&fake, method, &target, headers, b"").await;
        assert_eq!(response.status, 401, "{method} {target} {headers:?}");
        assert_eq!(response.json(), json!({"detail": "Invalid token."}));
    }
    // A rejected start must not have started anything.
    assert_eq!(get(&fake, &autofix("1")).await.status, 404);
    assert_eq!(statuses_of(&fake.requests()), [401, 401, 401, 401, 404]);
}

#[tokio::test]
async fn no_token_means_no_auth_check() {
    let fake = FakeSeer::start(Scenario::default().without_auth()).await.unwrap();
    let response = send(&fake, "GET", MODELS, &[], b"").await;
    assert_eq!(response.status, 200);
    let response = send(&fake, "GET", MODELS, &[("Authorization", "Bearer x")], b"").await;
    assert_eq!(response.status, 200);
}

#[tokio::test]
async fn custom_models_are_returned_verbatim() {
    let models = json!([{"id": "m", "name": "M", "description": "d", "isAvailable": false}]);
    let fake = FakeSeer::start(Scenario::default().with_models(models.clone()).with_token(Some("other")))
        .await
        .unwrap();
    let response = send(&fake, "GET", MODELS, &[("Authorization", "Bearer other")], b"").await;
    assert_eq!(response.json(), models);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn polls_follow_the_script_and_the_last_status_repeats() {
    let fake = FakeSeer::start(Scenario::default().with_statuses(["processing", "processing", "completed"]))
        .await
        .unwrap();

    let started = post(&fake, &autofix("123"), b"").await;
    assert_eq!(started.status, 202);
    let state = &started.json()["autofix"];
    assert_eq!(state["status"], "pending");
    assert_eq!(state["createdAt"], "2026-01-01T00:00:00Z");
    assert_eq!(state["completedAt"], Value::Null);
    assert_eq!(state["fix"], Value::Null);

    let mut seen = Vec::new();
    for _ in 0..5 {
        let response = get(&fake, &autofix("123")).await;
        assert_eq!(response.status, 200);
        seen.push(response.json()["autofix"]["status"].clone());
    }
    assert_eq!(seen, ["processing", "processing", "completed", "completed", "completed"]);
}

#[tokio::test]
async fn fix_appears_only_once_completed() {
    let fake = FakeSeer::start(Scenario::completed()).await.unwrap();
    let started = post(&fake, &autofix("7"), br#"{"instruction":"be careful"}"#).await;
    assert_eq!(started.json()["autofix"]["fix"], Value::Null);

    let processing = get(&fake, &autofix("7")).await.json();
    assert_eq!(processing["autofix"]["status"], "processing");
    assert_eq!(processing["autofix"]["fix"], Value::Null);
    assert_eq!(processing["autofix"]["completedAt"], Value::Null);

    let completed = get(&fake, &autofix("7")).await.json();
    let state = &completed["autofix"];
    assert_eq!(state["status"], "completed");
    assert_eq!(state["completedAt"], "2026-01-01T00:05:00Z");
    assert_eq!(state["fix"]["title"], "Fix null deref in checkout");
    assert_eq!(state["fix"]["pr_url"], "https://github.com/acme/shop/pull/42");
    assert!(state["fix"]["description"].is_string());
    let steps = state["steps"].as_array().expect("steps array");
    assert!(!steps.is_empty());
    for step in steps {
        assert_eq!(step["status"], "completed");
        assert!(step["id"].is_string() && step["title"].is_string());
        assert!(step["completedMessage"].is_string());
    }
}

#[tokio::test]
async fn completed_without_fix_or_pr_url() {
    let fake = FakeSeer::start(Scenario::default().with_statuses(["completed"]).with_fix(None))
        .await
        .unwrap();
    post(&fake, &autofix("1"), b"").await;
    let state = get(&fake, &autofix("1")).await.json();
    assert_eq!(state["autofix"]["status"], "completed");
    assert_eq!(state["autofix"]["fix"], Value::Null);

    let fake = FakeSeer::start(Scenario::default().with_statuses(["completed"]).with_fix(Some(("t".into(), None))))
        .await
        .unwrap();
    post(&fake, &autofix("1"), b"").await;
    let state = get(&fake, &autofix("1")).await.json();
    assert_eq!(
        state["autofix"]["fix"],
        json!({"title": "t", "description": state["autofix"]["fix"]["description"], "pr_url": null})
    );
}

#[tokio::test]
async fn errored_scenario_ends_in_error_without_fix() {
    let fake = FakeSeer::start(Scenario::errored()).await.unwrap();
    post(&fake, &autofix("9"), b"").await;
    let states: Vec<Value> = [
        get(&fake, &autofix("9")).await.json(),
        get(&fake, &autofix("9")).await.json(),
        get(&fake, &autofix("9")).await.json(),
    ]
    .into_iter()
    .map(|v| v["autofix"].clone())
    .collect();
    let statuses: Vec<&Value> = states.iter().map(|s| &s["status"]).collect();
    assert_eq!(statuses, ["processing", "error", "error"]);
    assert!(states.iter().all(|s| s["fix"].is_null()));
    assert_eq!(states[1]["completedAt"], "2026-01-01T00:05:00Z");
}

#[tokio::test]
async fn empty_script_stays_pending() {
    let fake = FakeSeer::start(Scenario::default().with_statuses([])).await.unwrap();
    post(&fake, &autofix("1"), b"").await;
    for _ in 0..3 {
        assert_eq!(get(&fake, &autofix("1")).await.json()["autofix"]["status"], "pending");
    }
}

#[tokio::test]
async fn restarting_a_fix_restarts_the_sequence_per_issue() {
    let fake = FakeSeer::start(Scenario::default()).await.unwrap();
    let status = |r: RawResponse| r.json()["autofix"]["status"].clone();
    post(&fake, &autofix("1"), b"").await;
    assert_eq!(status(get(&fake, &autofix("1")).await), "processing");
    assert_eq!(status(get(&fake, &autofix("1")).await), "completed");

    // Another issue has its own counter.
    post(&fake, &autofix("2"), b"").await;
    assert_eq!(status(get(&fake, &autofix("2")).await), "processing");
    assert_eq!(status(get(&fake, &autofix("1")).await), "completed");

    post(&fake, &autofix("1"), b"").await;
    assert_eq!(status(get(&fake, &autofix("1")).await), "processing");
    assert_eq!(status(get(&fake, &autofix("2")).await), "completed");
}

#[tokio::test]
async fn state_of_a_never_started_issue_is_404() {
    let fake = FakeSeer::start(Scenario::default()).await.unwrap();
    let response = get(&fake, &autofix("555")).await;
    assert_eq!(response.status, 404);
    assert!(response.json()["detail"].is_string());
}

#[tokio::test]
async fn unknown_issue_cannot_be_started() {
    let fake = FakeSeer::start(Scenario::default().with_unknown_issue("404404")).await.unwrap();
    let response = post(&fake, &autofix("404404"), b"").await;
    assert_eq!(response.status, 404);
    assert_eq!(response.json(), json!({"detail": "The requested resource does not exist"}));
    assert_eq!(get(&fake, &autofix("404404")).await.status, 404);
    assert_eq!(post(&fake, &autofix("1"), b"").await.status, 202);
}

#[tokio::test]
async fn injections_fire_in_order_then_normal_answers_resume() {
    let fake = FakeSeer::start(
        Scenario::default()
            .with_injection(Injection::status(Route::ListModels, 503, json!({"detail": "upstream unavailable"})))
            .with_injection(Injection::rate_limited(Route::ListModels, 7))
            .with_injection(Injection::status(Route::StartFix, 500, Value::Null).times(2)),
    )
    .await
    .unwrap();

    let first = get(&fake, MODELS).await;
    assert_eq!(first.status, 503);
    assert_eq!(first.json(), json!({"detail": "upstream unavailable"}));

    let second = get(&fake, MODELS).await;
    assert_eq!(second.status, 429);
    assert_eq!(second.header("retry-after"), Some("7"));
    assert!(second.json()["detail"].is_string());

    let third = get(&fake, MODELS).await;
    assert_eq!(third.status, 200);
    assert_eq!(third.json(), default_models());

    // Injected starts answer with no body and start nothing.
    for _ in 0..2 {
        let response = post(&fake, &autofix("1"), b"").await;
        assert_eq!(response.status, 500);
        assert!(response.body.is_empty());
        assert_eq!(get(&fake, &autofix("1")).await.status, 404);
    }
    assert_eq!(post(&fake, &autofix("1"), b"").await.status, 202);
    assert_eq!(statuses_of(&fake.requests()), [503, 429, 200, 500, 404, 500, 404, 202]);
}

#[tokio::test]
async fn injected_poll_does_not_advance_the_script_and_precedes_auth() {
    let fake = FakeSeer::start(Scenario::default().with_injection(Injection::rate_limited(Route::GetFixState, 1)))
        .await
        .unwrap();
    post(&fake, &autofix("1"), b"").await;
    // Injections model failures in front of the app, so even a tokenless
    // request gets the injected answer.
    let throttled = send(&fake, "GET", &autofix("1"), &[], b"").await;
    assert_eq!(throttled.status, 429);
    assert_eq!(throttled.header("Retry-After"), Some("1"));
    assert_eq!(get(&fake, &autofix("1")).await.json()["autofix"]["status"], "processing");
}

#[tokio::test]
async fn zero_times_injection_never_fires() {
    let fake = FakeSeer::start(Scenario::default().with_injection(Injection::rate_limited(Route::ListModels, 1).times(0)))
        .await
        .unwrap();
    assert_eq!(get(&fake, MODELS).await.status, 200);
}

#[tokio::test]
async fn requests_are_recorded_raw_and_in_order() {
    let fake = FakeSeer::start(Scenario::default()).await.unwrap();
    let body = br#"{"instruction":"only touch checkout"}"#;
    send(
        &fake,
        "POST",
        &autofix("a%2Fb%3Fc"),
        &[AUTH, ("Content-Type", "application/json"), ("X-Trace-ID", "Abc")],
        body,
    )
    .await;
    send(&fake, "GET", "/api/0/organizations/acme/seer/models/?x=1&y=%20", &[], b"").await;
    send(&fake, "GET", "/nowhere", &[AUTH], b"").await;

    let requests = fake.requests();
    assert_eq!(requests.len(), 3);

    let start = &requests[0];
    assert_eq!(start.method, "POST");
    assert_eq!(start.path, "/api/0/issues/a%2Fb%3Fc/seer/autofix/");
    assert_eq!(start.query, None);
    assert_eq!(start.body, body);
    assert_eq!(start.json(), Some(json!({"instruction": "only touch checkout"})));
    assert_eq!(start.status, 202);
    assert_eq!(start.header("authorization"), Some("Bearer test-token"));
    assert_eq!(start.header("X-TRACE-ID"), Some("Abc"));
    assert!(start.headers.iter().all(|(name, _)| *name == name.to_ascii_lowercase()));
    assert!(start.headers.contains(&("x-trace-id".to_owned(), "Abc".to_owned())));
    assert_eq!(start.route(), Some(Route::StartFix));

    let rejected = &requests[1];
    assert_eq!(rejected.method, "GET");
    assert_eq!(rejected.path, "/api/0/organizations/acme/seer/models/");
    assert_eq!(rejected.query.as_deref(), Some("x=1&y=%20"));
    assert_eq!(rejected.status, 401);
    assert!(rejected.body.is_empty());
    assert_eq!(rejected.json(), None);
    assert_eq!(rejected.route(), Some(Route::ListModels));

    assert_eq!(requests[2].status, 404);
    assert_eq!(requests[2].route(), None);

    assert_eq!(fake.requests_to(Route::StartFix).len(), 1);
    assert_eq!(fake.requests_to(Route::GetFixState).len(), 0);
}

#[tokio::test]
async fn encoded_slash_and_question_mark_stay_in_one_segment() {
    // Axum routes on the raw path, so %2F cannot split the segment, and its
    // Path extractor then decodes the segment; the unknown-issue check below
    // proves the handler sees the decoded id.
    let fake = FakeSeer::start(Scenario::default().with_unknown_issue("x/y")).await.unwrap();
    let started = post(&fake, &autofix("a%2Fb%3Fc"), b"").await;
    assert_eq!(started.status, 202);
    let polled = get(&fake, &autofix("a%2Fb%3Fc")).await;
    assert_eq!(polled.status, 200);
    assert_eq!(polled.json()["autofix"]["status"], "processing");

    // Same id, different (but equivalent) encoding: same issue.
    let polled = get(&fake, &autofix("a%2fb%3fc")).await;
    assert_eq!(polled.json()["autofix"]["status"], "completed");

    // Unencoded, the slash really is a separator and nothing matches.
    assert_eq!(get(&fake, "/api/0/issues/a/b/seer/autofix/").await.status, 404);

    assert_eq!(post(&fake, &autofix("x%2Fy"), b"").await.status, 404);

    let requests = fake.requests();
    assert_eq!(requests[0].path, "/api/0/issues/a%2Fb%3Fc/seer/autofix/");
    assert_eq!(requests[0].query, None);
    assert_eq!(requests[0].decoded_segment(3).as_deref(), Some("a/b?c"));
    assert_eq!(requests[0].decoded_segment(0).as_deref(), Some("api"));
    assert_eq!(requests[0].decoded_segment(6).as_deref(), Some(""));
    assert_eq!(requests[0].decoded_segment(7), None);
    assert_eq!(requests[2].decoded_segment(3).as_deref(), Some("a/b?c"));
}

#[tokio::test]
async fn unicode_and_space_ids_are_decoded() {
    let fake = FakeSeer::start(Scenario::default().with_unknown_issue("é 1")).await.unwrap();
    assert_eq!(post(&fake, &autofix("%C3%A9%201"), b"").await.status, 404);
    assert_eq!(fake.requests()[0].decoded_segment(3).as_deref(), Some("é 1"));
}

#[tokio::test]
async fn invalid_utf8_in_path_is_a_json_400() {
    let fake = FakeSeer::start(Scenario::default()).await.unwrap();
    let response = post(&fake, &autofix("%FF"), b"").await;
    assert_eq!(response.status, 400);
    assert!(response.json()["detail"].is_string());
    assert_eq!(fake.requests()[0].decoded_segment(3), None);
}

#[tokio::test]
async fn start_body_is_validated() {
    let fake = FakeSeer::start(Scenario::default()).await.unwrap();
    for bad in [&b"{not json"[..], b"[]", b"\"text\"", br#"{"instruction": 5}"#] {
        let response = post(&fake, &autofix("1"), bad).await;
        assert_eq!(response.status, 400, "{}", String::from_utf8_lossy(bad));
        assert!(response.json()["detail"].is_string());
    }
    assert_eq!(get(&fake, &autofix("1")).await.status, 404);
    for good in [
        &b""[..],
        b"{}",
        br#"{"instruction": null}"#,
        br#"{"instruction": "x", "extra": true}"#,
    ] {
        let response = post(&fake, &autofix("1"), good).await;
        assert_eq!(response.status, 202, "{}", String::from_utf8_lossy(good));
    }
}

#[tokio::test]
async fn unknown_routes_and_wrong_methods_answer_json() {
    let fake = FakeSeer::start(Scenario::default()).await.unwrap();
    for target in [
        "/",
        "/api/0/organizations/acme/seer/models",
        "/api/0/issues//seer/autofix/",
        "/api/1/issues/1/seer/autofix/",
    ] {
        let response = get(&fake, target).await;
        assert_eq!(response.status, 404, "{target}");
        assert!(response.json()["detail"].is_string());
    }

    let response = post(&fake, MODELS, b"{}").await;
    assert_eq!(response.status, 405);
    assert_eq!(response.header("allow"), Some("GET, HEAD"));
    assert!(response.json()["detail"].is_string());

    let response = send(&fake, "DELETE", &autofix("1"), &[AUTH], b"").await;
    assert_eq!(response.status, 405);
    assert_eq!(response.header("allow"), Some("GET, HEAD, POST"));

    let recorded = fake.requests();
    assert_eq!(statuses_of(&recorded), [404, 404, 404, 404, 405, 405]);
    assert_eq!(recorded[4].body, b"{}");
}

#[tokio::test]
async fn oversized_body_is_rejected_and_recorded() {
    let fake = FakeSeer::start(Scenario::default()).await.unwrap();
    // Only announce the size: writing megabytes the server refuses to read
    // would race the server closing the socket and fail with EPIPE.
    let mut stream = TcpStream::connect(fake.addr()).await.unwrap();
    let head = format!(
        "POST {} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{{",
        autofix("1"),
        64 * 1024 * 1024
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.unwrap();
    assert!(raw.starts_with(b"HTTP/1.1 413 "), "{}", String::from_utf8_lossy(&raw));
    assert_eq!(statuses_of(&fake.requests()), [413]);
}

/// Without a Content-Length the limit is only hit while reading; checked
/// here rather than over a socket, where the server closing early would race
/// the client still writing.
#[tokio::test]
async fn length_limit_error_is_recognised() {
    let body = axum::body::Body::from(vec![b' '; 2048]);
    let error = axum::body::to_bytes(body, 1024).await.unwrap_err();
    assert!(routes::is_length_limit(&error));
    let io = axum::Error::new(std::io::Error::other("connection reset"));
    assert!(!routes::is_length_limit(&io));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_releases_the_port_and_drop_stops_serving() {
    let fake = FakeSeer::start(Scenario::default()).await.unwrap();
    let addr = fake.addr();
    assert_eq!(get(&fake, MODELS).await.status, 200);
    fake.shutdown().await.unwrap();
    assert!(TcpStream::connect(addr).await.is_err());

    let fake = FakeSeer::start(Scenario::default()).await.unwrap();
    let addr = fake.addr();
    drop(fake);
    let mut refused = false;
    for _ in 0..100 {
        if TcpStream::connect(addr).await.is_err() {
            refused = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert!(refused, "server still accepting after drop");
}

#[test]
fn state_shape_matches_the_api() {
    let fix = ("t".to_owned(), Some("u".to_owned()));
    for status in ["pending", "processing", "completed", "error"] {
        let state = routes::fix_state(status, Some(&fix));
        let object = state.as_object().expect("object");
        // The member set (a JSON object's order is serde_json's `Map` order).
        let keys: BTreeSet<&str> = object.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            BTreeSet::from(["status", "createdAt", "completedAt", "steps", "fix"]),
            "{status}"
        );
        assert_eq!(state["status"], status);
        assert_eq!(state["fix"].is_null(), status != "completed");
        for step in state["steps"].as_array().expect("steps") {
            let keys: BTreeSet<&str> = step.as_object().expect("step object").keys().map(String::as_str).collect();
            assert_eq!(keys, BTreeSet::from(["id", "title", "status", "completedMessage"]));
        }
    }
}

#[test]
fn decoded_segment_handles_malformed_escapes() {
    let request = RecordedRequest {
        method: "GET".into(),
        path: "/a%2/%zz/%41%62/%".into(),
        query: None,
        headers: Vec::new(),
        body: Vec::new(),
        status: 200,
    };
    assert_eq!(request.decoded_segment(0).as_deref(), Some("a%2"));
    assert_eq!(request.decoded_segment(1).as_deref(), Some("%zz"));
    assert_eq!(request.decoded_segment(2).as_deref(), Some("Ab"));
    assert_eq!(request.decoded_segment(3).as_deref(), Some("%"));
    assert_eq!(request.route(), None);
}
