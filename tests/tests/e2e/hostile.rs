//! The transport against a hostile server (`arazzo_tests::chaos`): every fault ends in
//! bounded time with a typed error, and no credential appears in any error, `Debug` output
//! or event. Times are measured here and asserted with generous margins (never a bound
//! below a second).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use arazzo::{
    ApiError, ApiKeyLocation, Auth, ClientError, HttpClient, Limits, Method, PollPolicy, RedirectPolicy, Request, RetryPolicy, TimeoutKind,
    WorkflowError,
};
use arazzo_tests::chaos::{Chaos, Fault};
use sentry_seer::{SeerAutofixIssueInputs, Workflows, seer_api};
use serde_json::json;

const TOKEN: &str = "tok-SECRET-3f9a77";
const KEY: &str = "key-SECRET-81c2d0";

fn models() -> Fault {
    Fault::json(200, &json!([{"id": "seer-1", "name": "Seer"}]))
}

fn started() -> Fault {
    Fault::json(202, &json!({"autofix": {"status": "pending", "createdAt": "2025-01-01T00:00:00Z"}}))
}

fn state(status: &str) -> Fault {
    Fault::json(200, &json!({"autofix": {"status": status, "createdAt": "2025-01-01T00:00:00Z"}}))
}

/// A server scripted for the seer workflow: the models and start steps answer, the poll
/// gets `poll`.
async fn seer(models_faults: Vec<Fault>, poll: Vec<Fault>) -> Chaos {
    let chaos = Chaos::start().await.expect("chaos server starts");
    chaos
        .on(Some("GET"), "/seer/models/", models_faults)
        .on(Some("POST"), "/seer/autofix/", vec![started()])
        .on(Some("GET"), "/seer/autofix/", poll);
    chaos
}

fn limits() -> Limits {
    Limits::default()
        .with_request_timeout(Duration::from_secs(2))
        .with_read_timeout(Duration::from_secs(1))
}

fn client(chaos: &Chaos) -> seer_api::Client {
    seer_api::Client::new(chaos.origin())
        .with_bearer_token(TOKEN)
        .with_limits(limits())
        .with_retry_policy(RetryPolicy::none())
}

fn inputs() -> SeerAutofixIssueInputs {
    SeerAutofixIssueInputs {
        organization_id_or_slug: "acme".into(),
        issue_id: "42".into(),
        instruction: None,
    }
}

/// A workflow run's result, every event (as `Debug`) and how long it took.
struct Run {
    result: Result<sentry_seer::SeerAutofixIssueOutputs, WorkflowError>,
    events: Vec<String>,
    elapsed: Duration,
}

async fn run(client: seer_api::Client, poll: PollPolicy) -> Run {
    let events = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&events);
    let workflows = Workflows::new(client)
        .with_poll_policy(poll)
        .with_observer(move |event| sink.lock().unwrap().push(format!("{event:?}")));
    let start = Instant::now();
    let result = workflows.seer_autofix_issue(inputs()).await;
    let elapsed = start.elapsed();
    let events = events.lock().unwrap().clone();
    Run { result, events, elapsed }
}

fn fast_poll(deadline: Duration) -> PollPolicy {
    PollPolicy::immediate().with_deadline(deadline)
}

/// No credential in any of `texts`.
fn assert_clean<'a>(texts: impl IntoIterator<Item = &'a String>) {
    for text in texts {
        for secret in [TOKEN, KEY] {
            assert!(!text.contains(secret), "a secret leaked: {text}");
        }
    }
}

fn error_texts<E: std::fmt::Debug + std::fmt::Display>(e: &E) -> Vec<String> {
    vec![e.to_string(), format!("{e:?}"), format!("{e:#?}")]
}

/// The workflow's client error, naming the step.
fn client_error(result: &Result<sentry_seer::SeerAutofixIssueOutputs, WorkflowError>, step: &str) -> ClientError {
    match result {
        Err(WorkflowError::Client { step: s, source, .. }) if s == step => (**source).clone(),
        other => panic!("expected a client error in step `{step}`, got {other:?}"),
    }
}

/// The request a workflow's deadline cut off in `step`.
fn deadline_error(result: &Result<sentry_seer::SeerAutofixIssueOutputs, WorkflowError>, step: &str) -> ClientError {
    match result {
        Err(WorkflowError::Timeout {
            step: s,
            source: Some(source),
            ..
        }) if s == step => (**source).clone(),
        other => panic!("expected the deadline to cut off a request in step `{step}`, got {other:?}"),
    }
}

fn timeout_kind(e: &ClientError) -> (TimeoutKind, u32) {
    match e {
        ClientError::Timeout { kind, attempts, .. } => (*kind, *attempts),
        other => panic!("expected a timeout, got {other}"),
    }
}

fn typed_error<E: std::fmt::Debug>(result: Result<impl std::fmt::Debug, ApiError<E>>) -> ClientError {
    match result {
        Err(ApiError::Client(e)) => e,
        other => panic!("expected a client error, got {other:?}"),
    }
}

// --- Runs that end -------------------------------------------------------------------

#[tokio::test]
async fn a_server_that_accepts_and_never_reads_times_out_and_gets_is_retried() {
    let chaos = Chaos::start().await.expect("chaos");
    chaos.always(Fault::StallAccept);
    let client = client(&chaos).with_retry_policy(RetryPolicy::immediate(2));
    let start = Instant::now();
    let e = typed_error(client.list_seer_models("acme").await);
    let elapsed = start.elapsed();
    assert_eq!(timeout_kind(&e), (TimeoutKind::Response, 3), "{e}");
    assert!(elapsed < Duration::from_secs(12), "{elapsed:?}");
    assert!(e.is_timeout());
    assert!(e.to_string().contains("no response headers within the request timeout"), "{e}");
    assert!(e.to_string().contains("/organizations/acme/seer/models/"), "{e}");
    assert_eq!(chaos.connections(), 3, "a timed-out GET is retried");
    assert_clean(&error_texts(&e));
}

/// A listener whose accept queue is full: the kernel drops further SYNs, so a new
/// connection stalls in the handshake, the one stall a server cannot cause by itself
/// once connected. The streams that fill the queue are returned to keep it full.
fn full_accept_queue() -> (std::net::TcpListener, Vec<std::net::TcpStream>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("address");
    let mut held = Vec::new();
    // Linux completes handshakes up to the backlog (std asks for 128) without accept();
    // the first connect that does not complete within 200 ms means the queue is full.
    for _ in 0..4096 {
        match std::net::TcpStream::connect_timeout(&addr, Duration::from_millis(200)) {
            Ok(stream) => held.push(stream),
            Err(_) => return (listener, held),
        }
    }
    panic!("the accept queue of {addr} never filled");
}

#[tokio::test]
async fn a_connection_that_never_completes_ends_at_the_connect_timeout() {
    let (listener, _held) = full_accept_queue();
    let origin = format!("http://{}", listener.local_addr().expect("address"));
    let client = seer_api::Client::new(&origin)
        .with_bearer_token(TOKEN)
        .with_limits(limits().with_connect_timeout(Duration::from_secs(1)))
        .with_retry_policy(RetryPolicy::none());
    let start = Instant::now();
    let e = typed_error(client.list_seer_models("acme").await);
    let elapsed = start.elapsed();
    assert_eq!(timeout_kind(&e), (TimeoutKind::Connect, 1), "{e}");
    assert!(e.is_timeout(), "{e}");
    assert!(elapsed < Duration::from_secs(8), "{elapsed:?}");
    assert!(e.to_string().contains("no connection within the connect timeout"), "{e}");
    assert_clean(&error_texts(&e));
}

#[tokio::test]
async fn a_timed_out_post_is_not_retried() {
    let chaos = Chaos::start().await.expect("chaos");
    chaos.always(Fault::StallHeaders);
    let client = client(&chaos).with_retry_policy(RetryPolicy::immediate(3));
    let start = Instant::now();
    let e = typed_error(client.start_seer_issue_fix("42", None).await);
    assert!(start.elapsed() < Duration::from_secs(8), "{:?}", start.elapsed());
    assert_eq!(timeout_kind(&e), (TimeoutKind::Response, 1), "{e}");
    let posts = chaos.seen().iter().filter(|s| s.request_line().starts_with("POST")).count();
    assert_eq!(posts, 1, "a POST that may have reached the server is sent once");
}

#[tokio::test]
async fn an_operation_timeout_narrows_the_client_s() {
    let chaos = Chaos::start().await.expect("chaos");
    chaos.always(Fault::StallHeaders);
    let limits = limits().with_request_timeout(Duration::from_secs(60)).with_operation_timeout(
        Method::GET,
        "/organizations/{organization_id_or_slug}/seer/models/",
        Duration::from_secs(1),
    );
    let start = Instant::now();
    let e = typed_error(client(&chaos).with_limits(limits).list_seer_models("acme").await);
    assert!(start.elapsed() < Duration::from_secs(5), "{:?}", start.elapsed());
    assert!(
        matches!(e, ClientError::Timeout { limit, .. } if limit == Duration::from_secs(1)),
        "{e}"
    );
}

#[tokio::test]
async fn a_body_that_stalls_ends_at_the_read_timeout() {
    let chaos = Chaos::start().await.expect("chaos");
    chaos.always(Fault::StallBody);
    let client = client(&chaos).with_limits(limits().with_request_timeout(Duration::from_secs(20)));
    let start = Instant::now();
    let e = typed_error(client.retrieve_seer_issue_fix_state("42").await);
    assert!(start.elapsed() < Duration::from_secs(8), "{:?}", start.elapsed());
    assert_eq!(timeout_kind(&e), (TimeoutKind::Stalled, 1), "{e}");
    assert!(e.to_string().contains("the body stalled"), "{e}");
}

#[tokio::test]
async fn headers_trickled_one_at_a_time_end_at_the_request_timeout() {
    let chaos = Chaos::start().await.expect("chaos");
    chaos.always(Fault::TrickleHeaders(Duration::from_millis(300)));
    let start = Instant::now();
    let e = typed_error(client(&chaos).list_seer_models("acme").await);
    assert!(start.elapsed() < Duration::from_secs(8), "{:?}", start.elapsed());
    assert_eq!(timeout_kind(&e), (TimeoutKind::Response, 1), "{e}");
}

#[tokio::test]
async fn a_body_trickled_byte_by_byte_ends_at_the_request_timeout() {
    let chaos = Chaos::start().await.expect("chaos");
    chaos.always(Fault::TrickleBody(Duration::from_millis(200)));
    let start = Instant::now();
    let e = typed_error(client(&chaos).list_seer_models("acme").await);
    assert!(start.elapsed() < Duration::from_secs(8), "{:?}", start.elapsed());
    assert_eq!(timeout_kind(&e), (TimeoutKind::Body, 1), "{e}");
}

#[tokio::test]
async fn the_run_deadline_bounds_a_request_in_flight() {
    // Default limits (30 s per attempt): only the run's 3 s deadline can end this.
    let chaos = seer(vec![models()], vec![Fault::StallHeaders]).await;
    let client = seer_api::Client::new(chaos.origin()).with_bearer_token(TOKEN);
    let run = run(client, fast_poll(Duration::from_secs(3))).await;
    assert!(run.elapsed < Duration::from_secs(5), "{:?}", run.elapsed);
    let e = deadline_error(&run.result, "pollFixState");
    assert_eq!(timeout_kind(&e).0, TimeoutKind::Deadline, "{e}");
    let shown = run.result.as_ref().expect_err("fails").to_string();
    assert!(
        shown.starts_with("workflow `seer-autofix-issue`: step `pollFixState`: the run's deadline (3.0s) passed after"),
        "{shown}"
    );
    assert!(shown.contains(": GET http://127.0.0.1:"), "{shown}");
    assert!(shown.contains("timed out: no answer before the run's deadline"), "{shown}");
    assert_clean(&run.events);
    assert_clean(&error_texts(run.result.as_ref().expect_err("fails")));
}

#[tokio::test]
async fn a_poll_answered_after_the_deadline_ends_at_the_deadline() {
    let chaos = seer(
        vec![models()],
        vec![Fault::Delay(Duration::from_secs(8), Box::new(state("completed")))],
    )
    .await;
    let client = seer_api::Client::new(chaos.origin()).with_bearer_token(TOKEN);
    let run = run(client, fast_poll(Duration::from_secs(3))).await;
    assert!(run.elapsed < Duration::from_secs(5), "{:?}", run.elapsed);
    assert_eq!(timeout_kind(&deadline_error(&run.result, "pollFixState")).0, TimeoutKind::Deadline);
}

#[tokio::test]
async fn the_run_deadline_bounds_the_first_step_too() {
    let chaos = seer(vec![Fault::StallAccept], vec![state("completed")]).await;
    let client = seer_api::Client::new(chaos.origin()).with_bearer_token(TOKEN);
    let run = run(client, fast_poll(Duration::from_secs(3))).await;
    assert!(run.elapsed < Duration::from_secs(5), "{:?}", run.elapsed);
    assert_eq!(timeout_kind(&deadline_error(&run.result, "listModels")).0, TimeoutKind::Deadline);
}

// --- Bounded memory ------------------------------------------------------------------

#[tokio::test]
async fn a_2_gb_answer_is_refused_by_its_announced_length() {
    let chaos = Chaos::start().await.expect("chaos");
    chaos.always(Fault::Huge(2 << 30));
    let start = Instant::now();
    let e = typed_error(client(&chaos).retrieve_seer_issue_fix_state("42").await);
    assert!(start.elapsed() < Duration::from_secs(5), "{:?}", start.elapsed());
    assert!(matches!(e, ClientError::TooLarge { limit, .. } if limit == 32 << 20), "{e}");
    assert!(e.to_string().contains("larger than the limit of 32 MiB"), "{e}");
}

/// Peak resident memory of this process (all tests in it), from /proc.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse::<u64>().ok().map(|kb| kb * 1024)
}

#[tokio::test]
async fn an_endless_body_stops_at_the_limit_with_bounded_memory() {
    let chaos = Chaos::start().await.expect("chaos");
    chaos.always(Fault::Endless);
    let limit = 8 << 20;
    let client = client(&chaos).with_limits(limits().with_max_body_size(limit).with_request_timeout(Duration::from_secs(20)));
    let start = Instant::now();
    let e = typed_error(client.retrieve_seer_issue_fix_state("42").await);
    assert!(start.elapsed() < Duration::from_secs(10), "{:?}", start.elapsed());
    assert!(matches!(e, ClientError::TooLarge { limit: l, .. } if l == limit), "{e}");
    assert!(e.to_string().contains("8 MiB"), "{e}");
    if let Some(peak) = peak_rss() {
        // The whole test binary, every test in it included: far below what an unbounded
        // read of an endless body would reach.
        assert!(peak < 1 << 30, "peak RSS {} MiB", peak >> 20);
    }
}

#[tokio::test]
async fn a_per_request_body_limit_narrows_the_client_s() {
    let chaos = Chaos::start().await.expect("chaos");
    chaos.always(Fault::text(200, "application/json", &format!("\"{}\"", "x".repeat(5000))));
    let http = HttpClient::new(chaos.origin());
    let e = http
        .send(Request::new(Method::GET, "/big").max_body_size(1000))
        .await
        .expect_err("too large");
    assert!(matches!(e, ClientError::TooLarge { limit: 1000, .. }), "{e}");
    let ok = http
        .send(Request::new(Method::GET, "/big"))
        .await
        .expect("within the client's limit");
    assert_eq!(ok.body.len(), 5002);
}

/// A body in several chunks (the client keeps a one-chunk body as that chunk) is joined into
/// one buffer, in order, and the limit counts every chunk, not only the last.
#[tokio::test]
async fn a_body_in_several_chunks_is_read_whole_and_within_the_limit() {
    let chaos = Chaos::start().await.expect("chaos");
    let pieces: Vec<Vec<u8>> = ["{\"id\": \"", &"x".repeat(3000), "\", \"n\": ", "7}"]
        .iter()
        .map(|p| p.as_bytes().to_vec())
        .collect();
    chaos.always(Fault::Chunks(pieces.clone()));
    let http = HttpClient::new(chaos.origin());
    let whole = http.send(Request::new(Method::GET, "/chunks")).await.expect("read whole");
    assert_eq!(whole.body, pieces.concat());
    assert_eq!(whole.json().and_then(|v| v["n"].as_i64()), Some(7));
    let raw = whole.into_raw();
    assert_eq!(raw.bytes.len(), pieces.concat().len());

    let e = http
        .send(Request::new(Method::GET, "/chunks").max_body_size(3010))
        .await
        .expect_err("the third chunk passes the limit");
    assert!(matches!(e, ClientError::TooLarge { limit: 3010, .. }), "{e}");
}

// --- Resets and garbage --------------------------------------------------------------

#[tokio::test]
async fn a_reset_is_a_transport_error_with_its_cause_and_gets_are_retried() {
    let chaos = Chaos::start().await.expect("chaos");
    chaos.always(Fault::Reset);
    let client = client(&chaos).with_retry_policy(RetryPolicy::immediate(2));
    let start = Instant::now();
    let e = typed_error(client.list_seer_models("acme").await);
    assert!(start.elapsed() < Duration::from_secs(5), "{:?}", start.elapsed());
    assert!(matches!(e, ClientError::Transport { .. }), "{e}");
    assert!(std::error::Error::source(&e).is_some(), "the cause chain is kept");
    assert_eq!(chaos.seen().len(), 3, "1 attempt + 2 retries");
}

#[tokio::test]
async fn garbage_is_a_transport_error_that_says_why() {
    let chaos = Chaos::start().await.expect("chaos");
    chaos.always(Fault::Garbage);
    let e = typed_error(client(&chaos).list_seer_models("acme").await);
    let shown = e.to_string();
    assert!(matches!(e, ClientError::Transport { .. }), "{shown}");
    assert!(
        shown.contains("no answer: error sending request: "),
        "the cause follows reqwest's summary: {shown}"
    );
}

// --- Credentials stay with their origin ----------------------------------------------

/// Origin A redirects (307) to origin B, which echoes the request.
async fn cross_origin_redirect(auth: Auth, request: Request) -> (Chaos, Chaos, Result<arazzo::Exchange, ClientError>) {
    let a = Chaos::start().await.expect("chaos a");
    let b = Chaos::start().await.expect("chaos b");
    a.always(Fault::redirect(307, &format!("{}/landed", b.origin())));
    b.always(Fault::Echo(200));
    let http = HttpClient::new(a.origin()).with_auth(auth);
    let result = http.send(request).await;
    (a, b, result)
}

#[tokio::test]
async fn a_redirect_to_another_origin_drops_every_credential() {
    let cases = [
        Auth::bearer(TOKEN),
        Auth::basic("ann", KEY),
        Auth::api_key(ApiKeyLocation::Header, "X-Api-Key", KEY),
        Auth::api_key(ApiKeyLocation::Cookie, "session", KEY),
        Auth::api_key(ApiKeyLocation::Query, "api_key", KEY),
    ];
    for auth in cases {
        let shown = format!("{auth:?}");
        let request = Request::new(Method::GET, "/start")
            .header("X-Auth-Token", TOKEN)
            .cookie("sid", TOKEN)
            .query("page", "2");
        let (a, b, result) = cross_origin_redirect(auth, request).await;
        let exchange = result.expect("the redirect is followed");
        assert_eq!(exchange.status, 200, "{shown}");
        let sent_a = &a.seen()[0];
        assert!(
            sent_a.head.contains(TOKEN) || sent_a.head.contains(KEY) || sent_a.head.contains("YW5u"),
            "origin A gets the credentials: {}",
            sent_a.head
        );
        let sent_b = &b.seen()[0];
        assert_eq!(sent_b.request_line(), "GET /landed HTTP/1.1");
        for name in ["authorization", "x-api-key", "cookie", "x-auth-token", "referer"] {
            assert_eq!(
                sent_b.header(name),
                None,
                "{shown}: `{name}` reached the other origin:\n{}",
                sent_b.head
            );
        }
        assert!(
            !sent_b.head.contains(TOKEN) && !sent_b.head.contains(KEY),
            "{shown}: {}",
            sent_b.head
        );
        assert!(exchange.url.starts_with(&b.origin()), "{}", exchange.url);
        assert_clean(&[format!("{exchange:?}")]);
    }
}

#[tokio::test]
async fn a_redirect_to_the_same_origin_keeps_the_credentials() {
    let a = Chaos::start().await.expect("chaos");
    a.on(None, "/start", vec![Fault::redirect(308, "/again")])
        .on(None, "/again", vec![Fault::Echo(200)]);
    let http = HttpClient::new(a.origin()).with_auth(Auth::bearer(TOKEN));
    let exchange = http.send(Request::new(Method::GET, "/start")).await.expect("followed");
    assert_eq!(a.seen()[1].header("authorization"), Some(format!("Bearer {TOKEN}").as_str()));
    // The echoed token is the server's body, kept as sent; errors and Debug quote it scrubbed.
    assert!(exchange.text().contains(TOKEN));
    assert_clean(&[format!("{exchange:?}"), exchange.quoted_text()]);
}

/// A URL the parser leaves as it was built is shown from that text: a credential in it (here
/// the client's token, passed as a path parameter) is still `***` in the exchange and its errors.
#[tokio::test]
async fn a_credential_in_the_path_is_not_shown_in_the_url() {
    let a = Chaos::start().await.expect("chaos");
    a.always(Fault::json(404, &json!({})));
    let http = HttpClient::new(a.origin()).with_auth(Auth::bearer(TOKEN));
    let exchange = http
        .send(Request::new(Method::GET, "/items/{id}").path("id", TOKEN))
        .await
        .expect("an answer");
    assert_eq!(a.seen()[0].request_line(), format!("GET /items/{TOKEN} HTTP/1.1"), "sent as asked");
    assert_eq!(exchange.url, format!("{}/items/***", a.origin()));
    assert_clean(&error_texts(&exchange.unexpected_status()));
    assert_clean(&[format!("{exchange:?}")]);
}

/// The first URL is moved into the first attempt and built again for a retry; after a
/// redirect, retries go where it led. Both keep the query, and the redirect still resolves
/// against the URL it came from.
#[tokio::test]
async fn retries_go_to_the_same_url_before_and_after_a_redirect() {
    let a = Chaos::start().await.expect("chaos");
    a.on(
        None,
        "/start",
        vec![Fault::json(503, &json!({})), Fault::redirect(307, "again?hop=1")],
    )
    .on(None, "/again", vec![Fault::json(503, &json!({})), Fault::Echo(200)]);
    let http = HttpClient::new(format!("{}/base/", a.origin())).with_retry_policy(RetryPolicy::immediate(2));
    let exchange = http
        .send(Request::new(Method::GET, "/start").query("page", "2"))
        .await
        .expect("retried, redirected, retried");
    assert_eq!(exchange.status, 200);
    assert_eq!(exchange.attempts, 3, "two retries; the redirect is not one");
    let lines: Vec<String> = a.seen().iter().map(|s| s.request_line().to_owned()).collect();
    assert_eq!(
        lines,
        [
            "GET /base/start?page=2 HTTP/1.1",
            "GET /base/start?page=2 HTTP/1.1",
            "GET /base/again?hop=1 HTTP/1.1",
            "GET /base/again?hop=1 HTTP/1.1",
        ]
    );
    assert_eq!(exchange.url, format!("{}/base/again?hop=1", a.origin()));
    assert_eq!(exchange.method, Method::GET);
}

#[tokio::test]
async fn a_cross_origin_redirect_is_refused_when_the_policy_says_so() {
    let a = Chaos::start().await.expect("chaos a");
    let b = Chaos::start().await.expect("chaos b");
    a.always(Fault::redirect(302, &format!("{}/landed?api_key={KEY}", b.origin())));
    b.always(Fault::Echo(200));
    let http = HttpClient::new(a.origin())
        .with_auth(Auth::api_key(ApiKeyLocation::Query, "api_key", KEY))
        .with_limits(Limits::default().with_redirects(RedirectPolicy::same_origin(5)));
    let e = http.send(Request::new(Method::GET, "/start")).await.expect_err("refused");
    assert!(matches!(e, ClientError::Redirect { .. }), "{e}");
    assert!(e.to_string().contains("another origin"), "{e}");
    assert_eq!(b.connections(), 0);
    assert_clean(&error_texts(&e));
}

#[tokio::test]
async fn a_redirect_loop_ends_with_a_typed_error() {
    let a = Chaos::start().await.expect("chaos");
    a.always(Fault::redirect(302, "/loop"));
    let e = HttpClient::new(a.origin())
        .send(Request::new(Method::GET, "/loop"))
        .await
        .expect_err("loop");
    assert!(e.to_string().contains("more than 10 redirects"), "{e}");
}

#[tokio::test]
async fn userinfo_in_the_base_url_is_refused_and_never_shown() {
    let chaos = Chaos::start().await.expect("chaos");
    chaos.always(models());
    let base = chaos.origin().replace("http://", &format!("http://ann:{TOKEN}@"));
    let client = seer_api::Client::new(base).with_bearer_token("other");
    let e = typed_error(client.list_seer_models("acme").await);
    assert!(matches!(e, ClientError::InvalidUrl { .. }), "{e}");
    assert!(e.to_string().contains("http://***@127.0.0.1"), "{e}");
    assert!(e.to_string().contains("user name or password"), "{e}");
    assert_eq!(chaos.connections(), 0, "nothing was sent");
    assert_clean(&error_texts(&e));
    assert_clean(&[format!("{client:?}")]);
}

// --- Secrets in output ---------------------------------------------------------------

#[tokio::test]
async fn a_401_that_echoes_the_request_never_shows_the_token() {
    let chaos = Chaos::start().await.expect("chaos");
    chaos.always(Fault::Echo(401));
    // Typed: a documented 401 with its raw body.
    let result = client(&chaos).list_seer_models("acme").await;
    let e = result.expect_err("401");
    assert_eq!(e.status(), Some(401));
    assert!(chaos.seen()[0].head.contains(TOKEN), "the server did get the token");
    assert_clean(&error_texts(&e));
    assert!(format!("{e}").contains("***"), "{e}");
    // Undocumented status through the workflow: the step failure quotes the scrubbed body.
    let run = run(client(&chaos), fast_poll(Duration::from_secs(10))).await;
    let e = run.result.as_ref().expect_err("fails");
    assert!(matches!(e, WorkflowError::StepFailed { status: 401, .. }), "{e}");
    assert_clean(&error_texts(e));
    assert_clean(&run.events);
}

#[tokio::test]
async fn credential_named_parameters_are_hidden_in_debug_and_quoted_bodies() {
    let chaos = Chaos::start().await.expect("chaos");
    chaos.always(Fault::Echo(500));
    let http = HttpClient::new(chaos.origin());
    let request = Request::new(Method::GET, "/x")
        .header("X-Api-Key", KEY)
        .header("Authorization", format!("Token {TOKEN}"))
        .query("access_token", TOKEN);
    assert_clean(&[format!("{request:?}")]);
    let exchange = http.send(request).await.expect("an answer");
    assert!(exchange.text().contains(KEY), "the server echoed the key");
    assert!(!exchange.url.contains(TOKEN), "{}", exchange.url);
    assert_clean(&[
        format!("{exchange:?}"),
        exchange.unexpected_status().to_string(),
        exchange.quoted_text(),
    ]);
}

// --- Clear failures ------------------------------------------------------------------

#[tokio::test]
async fn html_where_json_is_documented_says_so() {
    let chaos = Chaos::start().await.expect("chaos");
    chaos.always(Fault::text(200, "text/html; charset=utf-8", "<html>login</html>"));
    let e = typed_error(client(&chaos).retrieve_seer_issue_fix_state("42").await);
    assert!(e.to_string().contains("200 with `text/html`, expected `application/json`"), "{e}");
    // In a workflow: the output that reads the body says why it could not.
    let chaos = seer(vec![models()], vec![Fault::text(200, "text/html", "<html>login</html>")]).await;
    let run = run(client(&chaos), fast_poll(Duration::from_secs(10))).await;
    let shown = run.result.expect_err("fails").to_string();
    assert!(shown.contains("step `pollFixState`"), "{shown}");
    assert!(
        shown.contains("the response body is not JSON: HTTP 200 with `text/html`"),
        "{shown}"
    );
}

#[tokio::test]
async fn invalid_json_and_empty_bodies_say_so() {
    let chaos = Chaos::start().await.expect("chaos");
    chaos.always(Fault::text(200, "application/json", "{\"autofix\": {\"status\""));
    let e = typed_error(client(&chaos).retrieve_seer_issue_fix_state("42").await);
    assert!(e.to_string().contains("the body is not valid JSON"), "{e}");
    let chaos = Chaos::start().await.expect("chaos");
    chaos.always(Fault::Reply {
        status: 500,
        headers: Vec::new(),
        body: Vec::new(),
    });
    let e = typed_error(client(&chaos).list_seer_models("acme").await);
    assert!(e.to_string().ends_with("undocumented status 500: (empty body)"), "{e}");
}

#[tokio::test]
async fn a_bad_local_header_value_names_the_header() {
    let e = HttpClient::new("http://127.0.0.1:9")
        .send(Request::new(Method::GET, "/x").header("X-Trace", "a\nb"))
        .await
        .expect_err("invalid");
    assert!(matches!(e, ClientError::InvalidRequest { .. }), "{e}");
    assert!(e.to_string().contains("header `X-Trace`"), "{e}");
}

#[tokio::test]
async fn each_retry_is_an_event() {
    let unavailable = Fault::text(503, "text/plain", "busy");
    let chaos = seer(vec![unavailable.clone(), unavailable, models()], vec![state("completed")]).await;
    let client = client(&chaos).with_retry_policy(RetryPolicy::immediate(3));
    let run = run(client, fast_poll(Duration::from_secs(10))).await;
    run.result.as_ref().expect("completes after the retries");
    let retries: Vec<&String> = run.events.iter().filter(|e| e.starts_with("Retrying")).collect();
    assert_eq!(retries.len(), 2, "{retries:#?}");
    assert!(
        retries[0].contains("attempt: 1") && retries[0].contains("reason: \"HTTP 503\""),
        "{}",
        retries[0]
    );
    assert!(retries[1].contains("attempt: 2"), "{}", retries[1]);
    assert!(run.events.iter().any(|e| e.starts_with("Exchange") && e.contains("attempts: 3")));
}

// --- Rate limits ---------------------------------------------------------------------

fn epoch_in(secs: u64) -> String {
    let now = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).expect("clock").as_secs();
    (now + secs).to_string()
}

#[tokio::test]
async fn an_announced_rate_limit_reset_is_waited_for() {
    let cases = [
        ("X-Sentry-Rate-Limit-Reset", epoch_in(2)),
        ("RateLimit-Reset", "2".to_owned()),
        ("RateLimit", "\"default\";r=0;t=2".to_owned()),
        ("X-RateLimit-Reset", "2".to_owned()),
    ];
    for (header, value) in cases {
        let limited = Fault::text(429, "text/plain", "slow down").header(header, &value);
        let chaos = seer(vec![limited, models()], vec![state("completed")]).await;
        let client = client(&chaos).with_retry_policy(RetryPolicy::default().with_max_retries(1));
        let run = run(client, fast_poll(Duration::from_secs(20))).await;
        run.result.as_ref().unwrap_or_else(|e| panic!("{header}: {e}"));
        assert!(run.elapsed >= Duration::from_secs(1), "{header}: waited only {:?}", run.elapsed);
        assert!(run.elapsed < Duration::from_secs(6), "{header}: {:?}", run.elapsed);
        let retry = run.events.iter().find(|e| e.starts_with("Retrying")).expect("a retry event");
        assert!(retry.contains(header), "{retry}");
    }
}

#[tokio::test]
async fn a_reset_beyond_the_deadline_gives_up_at_once_saying_when() {
    let limited = Fault::text(429, "text/plain", "slow down").header("X-Sentry-Rate-Limit-Reset", &epoch_in(3600));
    let chaos = seer(vec![limited], vec![state("completed")]).await;
    let client = client(&chaos).with_retry_policy(RetryPolicy::default().with_max_retry_after(Duration::from_secs(7200)));
    let run = run(client, fast_poll(Duration::from_secs(30))).await;
    assert!(run.elapsed < Duration::from_secs(3), "{:?}", run.elapsed);
    let e = client_error(&run.result, "listModels");
    assert!(matches!(e, ClientError::RateLimited { status: 429, .. }), "{e}");
    let shown = e.to_string();
    assert!(
        shown.contains("X-Sentry-Rate-Limit-Reset") && shown.contains("past the run's deadline"),
        "{shown}"
    );
    assert!(shown.contains("reopens in 3600s") || shown.contains("reopens in 3599s"), "{shown}");
}

#[tokio::test]
async fn a_reset_beyond_the_cap_gives_up_at_once() {
    let limited = Fault::text(429, "text/plain", "slow down").header("RateLimit-Reset", "600");
    let chaos = Chaos::start().await.expect("chaos");
    chaos.always(limited);
    let start = Instant::now();
    let e = typed_error(
        client(&chaos)
            .with_retry_policy(RetryPolicy::default())
            .list_seer_models("acme")
            .await,
    );
    assert!(start.elapsed() < Duration::from_secs(3));
    assert!(e.to_string().contains("longer than the retry policy's cap of 60.0s"), "{e}");
}

// --- Secret inputs -------------------------------------------------------------------

mod login {
    arazzo::arazzo_workflow!("specs/semantics/secrets.arazzo.yaml");
}

#[tokio::test]
async fn password_and_credential_named_inputs_never_show() {
    let inputs = login::LogInInputs {
        user: "ann".into(),
        password: TOKEN.into(),
        api_key: KEY.into(),
    };
    let shown = format!("{inputs:?}");
    assert!(shown.contains("\"ann\""), "{shown}");
    assert_clean(&[shown, format!("{inputs:#?}")]);
    // A server that echoes the request (headers and body) in a 401.
    let chaos = Chaos::start().await.expect("chaos");
    chaos.always(Fault::Echo(401));
    let workflows = login::Workflows::new(login::login::Client::new(chaos.origin()));
    let e = workflows.log_in(inputs).await.expect_err("401");
    assert!(matches!(e, WorkflowError::StepFailed { status: 401, .. }), "{e}");
    let seen = &chaos.seen()[0];
    assert!(
        seen.head.contains(KEY) && String::from_utf8_lossy(&seen.body).contains(TOKEN),
        "both were sent"
    );
    assert_clean(&error_texts(&e));
}

// --- Cancellation ----------------------------------------------------------------------

/// A server on its own thread (so its work is not counted among the test runtime's
/// tasks) that reads each request and then holds the connection open without answering,
/// reporting every request it read and when the client closed the connection.
fn silent_server() -> (String, std::sync::mpsc::Receiver<&'static str>) {
    use std::io::Read;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let origin = format!("http://{}", listener.local_addr().expect("address"));
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let tx = tx.clone();
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                let mut seen = Vec::new();
                while let Ok(n) = stream.read(&mut buf) {
                    if n == 0 {
                        let _ = tx.send("closed");
                        return;
                    }
                    seen.extend_from_slice(&buf[..n]);
                    if seen.windows(4).any(|w| w == b"\r\n\r\n") {
                        let _ = tx.send("request");
                        seen.clear();
                    }
                }
            });
        }
    });
    (origin, rx)
}

/// The silent server's next report within `wait`, waiting without blocking the runtime
/// (the test's current-thread runtime must go on driving reqwest's connection task).
async fn next_report(reports: &std::sync::mpsc::Receiver<&'static str>, wait: Duration) -> Option<&'static str> {
    let start = Instant::now();
    while start.elapsed() < wait {
        if let Ok(report) = reports.try_recv() {
            return Some(report);
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    None
}

#[tokio::test]
async fn a_dropped_run_closes_its_connection_and_leaves_nothing_running() {
    let (origin, events) = silent_server();
    let metrics = tokio::runtime::Handle::current().metrics();
    let before = metrics.num_alive_tasks();
    let client = seer_api::Client::new(&origin)
        .with_bearer_token(TOKEN)
        .with_retry_policy(RetryPolicy::immediate(3));
    let workflows = Workflows::new(client).with_poll_policy(fast_poll(Duration::from_secs(60)));
    // The first step's GET is in flight (read by the server, never answered) when the
    // run's future is dropped by the timeout.
    let run = workflows.seer_autofix_issue(inputs());
    assert!(
        tokio::time::timeout(Duration::from_millis(500), run).await.is_err(),
        "the silent server answered"
    );
    let wait = Duration::from_secs(5);
    assert_eq!(next_report(&events, wait).await, Some("request"));
    assert_eq!(
        next_report(&events, wait).await,
        Some("closed"),
        "dropping the run closes its connection"
    );
    // Nothing the run started is still alive (reqwest's connection task ends with the
    // connection), and nothing is sent afterwards: no retry, no next step.
    let start = Instant::now();
    while metrics.num_alive_tasks() > before && start.elapsed() < wait {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(metrics.num_alive_tasks(), before, "a task outlived the dropped run");
    assert_eq!(
        next_report(&events, Duration::from_secs(1)).await,
        None,
        "something was sent after the drop"
    );
}

/// The client's bearer token is one `Authorization` header; a request that sets its own
/// (an operation's documented header parameter) sends that one instead, not both.
#[tokio::test]
async fn a_requests_own_authorization_header_replaces_the_clients_bearer_token() {
    let a = Chaos::start().await.expect("chaos");
    a.on(None, "/plain", vec![Fault::Echo(200)])
        .on(None, "/own", vec![Fault::Echo(200)]);
    let http = HttpClient::new(a.origin()).with_auth(Auth::bearer(TOKEN));
    http.send(Request::new(Method::GET, "/plain")).await.expect("plain");
    http.send(Request::new(Method::GET, "/own").header("Authorization", "Token other"))
        .await
        .expect("own");
    let seen = a.seen();
    assert_eq!(seen[0].header("authorization"), Some(format!("Bearer {TOKEN}").as_str()));
    assert_eq!(seen[1].header("authorization"), Some("Token other"));
    assert_eq!(
        seen[1].head.matches("authorization").count() + seen[1].head.matches("Authorization").count(),
        1,
        "{}",
        seen[1].head
    );
}

/// What the client adds replaces a request's header of the same name (its API key header, the
/// one `Cookie` header it joins from the request's cookies and its own), and a request's own
/// `Authorization` replaces the client's basic credentials; other headers keep every value.
#[tokio::test]
async fn the_clients_api_key_and_cookie_replace_same_named_request_headers_and_basic_yields_to_its_own_authorization() {
    let a = Chaos::start().await.expect("chaos");
    a.on(None, "/key", vec![Fault::Echo(200)])
        .on(None, "/cookie", vec![Fault::Echo(200)])
        .on(None, "/basic", vec![Fault::Echo(200)]);
    let count = |head: &str, name: &str| {
        head.lines()
            .filter(|l| l.split(':').next().is_some_and(|k| k.trim().eq_ignore_ascii_case(name)))
            .count()
    };
    let keyed = HttpClient::new(a.origin()).with_auth(Auth::api_key(ApiKeyLocation::Header, "X-Api-Key", KEY));
    keyed
        .send(
            Request::new(Method::GET, "/key")
                .header("x-api-key", "mine")
                .header("X-Trace", "1")
                .header("X-Trace", "2"),
        )
        .await
        .expect("key");
    let cookied = HttpClient::new(a.origin()).with_auth(Auth::api_key(ApiKeyLocation::Cookie, "session", KEY));
    cookied
        .send(
            Request::new(Method::GET, "/cookie")
                .header("Cookie", "stale=1")
                .cookie("theme", "dark"),
        )
        .await
        .expect("cookie");
    let basic = HttpClient::new(a.origin()).with_auth(Auth::basic("user", "pass"));
    basic
        .send(Request::new(Method::GET, "/basic").header("Authorization", "Token other"))
        .await
        .expect("basic");
    let seen = a.seen();
    assert_eq!(seen[0].header("x-api-key"), Some(KEY));
    assert_eq!(count(&seen[0].head, "x-api-key"), 1, "{}", seen[0].head);
    assert_eq!(count(&seen[0].head, "x-trace"), 2, "{}", seen[0].head);
    assert_eq!(seen[1].header("cookie"), Some(format!("theme=dark; session={KEY}").as_str()));
    assert_eq!(count(&seen[1].head, "cookie"), 1, "{}", seen[1].head);
    assert_eq!(seen[2].header("authorization"), Some("Token other"));
    assert_eq!(count(&seen[2].head, "authorization"), 1, "{}", seen[2].head);
}

// --- Attempts in flight ----------------------------------------------------------------

/// `n` GETs of `path` sent at once, each through its own clone of `client`.
async fn burst(client: &HttpClient, n: usize, path: &'static str) -> Vec<Result<arazzo::Exchange, ClientError>> {
    let mut sends = tokio::task::JoinSet::new();
    for _ in 0..n {
        let client = client.clone();
        sends.spawn(async move { client.send(Request::new(Method::GET, path)).await });
    }
    sends.join_all().await
}

/// Until the server has read `n` requests (at most 10 s).
async fn seen_at_least(chaos: &Chaos, n: usize) {
    let until = Instant::now() + Duration::from_secs(10);
    while chaos.seen().len() < n {
        assert!(Instant::now() < until, "the server saw {} requests, not {n}", chaos.seen().len());
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

#[tokio::test]
async fn a_burst_has_at_most_max_in_flight_attempts_at_the_server() {
    let chaos = Chaos::start().await.expect("bind");
    chaos.always(Fault::Delay(Duration::from_millis(400), Box::new(Fault::json(200, &json!({})))));
    let client = HttpClient::new(chaos.origin()).with_limits(limits().with_max_in_flight(3));
    let answers = burst(&client, 7, "/slow").await;
    assert!(answers.iter().all(Result::is_ok), "{answers:?}");
    assert_eq!(chaos.seen().len(), 7);
    // The clones share the client's turns: never more than 3, and 3 while the burst lasts.
    assert_eq!(chaos.most_at_once(), 3);
}

#[tokio::test]
async fn the_default_is_100_attempts_in_flight() {
    let chaos = Chaos::start().await.expect("bind");
    chaos.always(Fault::Delay(Duration::from_secs(1), Box::new(Fault::json(200, &json!({})))));
    assert_eq!(Limits::default().max_in_flight, 100);
    let answers = burst(&HttpClient::new(chaos.origin()), 101, "/slow").await;
    assert!(answers.iter().all(Result::is_ok), "{:?}", answers.iter().find(|a| a.is_err()));
    assert_eq!(chaos.most_at_once(), 100);
}

#[tokio::test]
async fn no_turn_and_every_turn_are_both_a_working_client() {
    let chaos = Chaos::start().await.expect("bind");
    chaos.always(Fault::json(200, &json!({})));
    for max in [0, 1, usize::MAX] {
        let client = HttpClient::new(chaos.origin()).with_limits(limits().with_max_in_flight(max));
        let answers = burst(&client, 3, "/x").await;
        assert!(answers.iter().all(Result::is_ok), "max_in_flight {max}: {answers:?}");
    }
}

#[tokio::test]
async fn waiting_for_a_turn_ends_at_the_deadline_and_sends_nothing() {
    let chaos = Chaos::start().await.expect("bind");
    chaos
        .on(None, "/stall", vec![Fault::StallHeaders])
        .on(None, "/next", vec![Fault::json(200, &json!({}))]);
    let client = HttpClient::new(chaos.origin())
        .with_limits(limits().with_request_timeout(Duration::from_secs(30)).with_max_in_flight(1))
        .with_retry_policy(RetryPolicy::none());
    let holder = client.clone();
    let stalled = tokio::spawn(async move { holder.send(Request::new(Method::GET, "/stall")).await });
    seen_at_least(&chaos, 1).await;
    let e = client
        .send_until(Request::new(Method::GET, "/next"), Instant::now() + Duration::from_millis(300))
        .await
        .expect_err("no turn before the deadline");
    let ClientError::Timeout { kind, attempts, limit, .. } = &e else {
        panic!("{e:?}")
    };
    assert_eq!((*kind, *attempts), (TimeoutKind::Queued, 0), "{e}");
    assert!(*limit <= Duration::from_millis(300), "{limit:?}");
    assert!(e.to_string().contains("waited for a turn"), "{e}");
    assert_eq!(chaos.seen().len(), 1, "the queued request was never sent");
    stalled.abort();
}

#[tokio::test]
async fn a_retry_s_pause_holds_no_turn() {
    let chaos = Chaos::start().await.expect("bind");
    let busy = Fault::text(503, "text/plain", "busy").header("Retry-After", "2");
    chaos
        .on(None, "/busy", vec![busy, Fault::json(200, &json!({}))])
        .on(None, "/quick", vec![Fault::json(200, &json!({}))]);
    let client = HttpClient::new(chaos.origin())
        .with_limits(limits().with_max_in_flight(1))
        .with_retry_policy(RetryPolicy::default().with_max_retries(1));
    let first = client.clone();
    let retried = tokio::spawn(async move { first.send(Request::new(Method::GET, "/busy")).await });
    seen_at_least(&chaos, 1).await;
    // Within the other request's 2 s pause: a turn held through it would end this at its
    // deadline, queued.
    client
        .send_until(Request::new(Method::GET, "/quick"), Instant::now() + Duration::from_secs(1))
        .await
        .expect("sent during the other's pause");
    let retried = retried.await.expect("task").expect("answered on the retry");
    assert_eq!(retried.attempts, 2);
    let paths: Vec<String> = chaos.seen().iter().map(|s| s.request_line().to_owned()).collect();
    assert!(
        paths[0].contains("/busy") && paths[1].contains("/quick") && paths[2].contains("/busy"),
        "{paths:#?}"
    );
}

#[tokio::test]
async fn a_step_that_waits_for_a_turn_past_the_deadline_is_the_run_s_timeout() {
    let chaos = seer(vec![models()], vec![state("completed")]).await;
    chaos.on(None, "/held", vec![Fault::StallHeaders]);
    let client = seer_api::Client::new(chaos.origin())
        .with_bearer_token(TOKEN)
        .with_limits(limits().with_request_timeout(Duration::from_secs(30)).with_max_in_flight(1));
    // Another request through the same client holds its only turn.
    let holder = client.http().clone();
    let held = tokio::spawn(async move { holder.send(Request::new(Method::GET, "/held")).await });
    seen_at_least(&chaos, 1).await;
    let run = run(client, fast_poll(Duration::from_secs(1))).await;
    let e = deadline_error(&run.result, "listModels");
    assert_eq!(timeout_kind(&e), (TimeoutKind::Queued, 0), "{e}");
    let shown = run.result.as_ref().expect_err("fails").to_string();
    assert!(shown.contains("waited for a turn"), "{shown}");
    assert_eq!(chaos.seen().len(), 1, "listModels was never sent");
    assert_clean(&error_texts(run.result.as_ref().expect_err("fails")));
    held.abort();
}

#[tokio::test]
async fn every_way_an_attempt_ends_gives_its_turn_back() {
    let chaos = Chaos::start().await.expect("bind");
    chaos
        .on(None, "/reset", vec![Fault::Reset])
        .on(None, "/garbage", vec![Fault::Garbage])
        .on(None, "/flood", vec![Fault::Huge(1 << 30)])
        .on(None, "/stalled-body", vec![Fault::StallBody])
        .on(None, "/ok", vec![Fault::json(200, &json!({}))]);
    // One turn: an attempt that kept it would leave every later request queued until its deadline.
    let client = HttpClient::new(chaos.origin())
        .with_limits(limits().with_max_body_size(1024).with_max_in_flight(1))
        .with_retry_policy(RetryPolicy::none());
    let send = |path: &'static str| client.send_until(Request::new(Method::GET, path), Instant::now() + Duration::from_secs(5));
    assert!(matches!(send("/reset").await, Err(ClientError::Transport { .. })));
    assert!(matches!(send("/garbage").await, Err(ClientError::Transport { .. })));
    assert!(matches!(send("/flood").await, Err(ClientError::TooLarge { .. })));
    let stalled = send("/stalled-body").await.expect_err("stalls");
    assert_eq!(timeout_kind(&stalled).0, TimeoutKind::Stalled, "{stalled}");
    send("/ok").await.expect("the turn came back after each failure");
}
