//! The seed workflow end to end: the generated `sentry-seer` crate against
//! the fake Seer server on 127.0.0.1.

use std::time::Duration;

use arazzo::{PollPolicy, RetryPolicy, WorkflowError};
use arazzo_tests::fake_seer::{DEFAULT_PR_URL, FakeSeer, Injection, Route, Scenario};
use sentry_seer::seer_api::types::SeerAutofixStateStatus;
use sentry_seer::{SeerAutofixIssueInputs, SeerAutofixIssueOutputs, Workflows, seer_api};

const TOKEN: &str = "test-token";

fn inputs(issue: &str, instruction: Option<&str>) -> SeerAutofixIssueInputs {
    SeerAutofixIssueInputs {
        organization_id_or_slug: "acme".into(),
        issue_id: issue.into(),
        instruction: instruction.map(str::to_owned),
    }
}

fn workflows(fake: &FakeSeer) -> Workflows {
    let client = seer_api::Client::new(fake.base_url())
        .with_bearer_token(TOKEN)
        .with_retry_policy(RetryPolicy::immediate(3));
    Workflows::new(client).with_poll_policy(PollPolicy::immediate())
}

async fn run(scenario: Scenario, issue: &str, instruction: Option<&str>) -> (FakeSeer, Result<SeerAutofixIssueOutputs, WorkflowError>) {
    let fake = FakeSeer::start(scenario).await.expect("fake server starts");
    let result = workflows(&fake).seer_autofix_issue(inputs(issue, instruction)).await;
    (fake, result)
}

#[tokio::test]
async fn completed_fix_returns_title_and_pr_url() {
    let (fake, result) = run(Scenario::completed(), "42", Some("check the null case")).await;
    let outputs = result.expect("workflow succeeds");
    assert_eq!(outputs.status, SeerAutofixStateStatus::Completed);
    assert_eq!(outputs.fix_title.as_deref(), Some("Fix null deref in checkout"));
    assert_eq!(outputs.pr_url.as_deref(), Some(DEFAULT_PR_URL));
    let json = serde_json::to_value(&outputs).expect("outputs serialise");
    assert_eq!(
        json,
        serde_json::json!({"status": "completed", "fixTitle": "Fix null deref in checkout", "prUrl": DEFAULT_PR_URL})
    );
    // list, start, then one poll per scripted status: processing, completed.
    assert_eq!(fake.requests().len(), 4);
}

#[tokio::test]
async fn errored_fix_ends_with_status_error_and_no_fix() {
    let (_fake, result) = run(Scenario::errored(), "42", None).await;
    let outputs = result.expect("an errored autofix is still a finished workflow");
    assert_eq!(outputs.status, SeerAutofixStateStatus::Error);
    assert_eq!(outputs.fix_title, None);
    assert_eq!(outputs.pr_url, None);
}

#[tokio::test]
async fn start_answering_404_fails_naming_the_step() {
    let (fake, result) = run(Scenario::default().with_unknown_issue("404404"), "404404", None).await;
    let error = result.expect_err("start fails");
    assert_eq!(error.step(), Some("startFix"));
    assert_eq!(error.status(), Some(404));
    match &error {
        WorkflowError::StepFailed {
            workflow,
            step,
            status,
            body,
            reason: None,
        } => {
            assert_eq!((workflow.as_str(), step.as_str(), *status), ("seer-autofix-issue", "startFix", 404));
            assert!(body.contains("does not exist"), "body kept: {body}");
        }
        other => panic!("expected StepFailed, got {other:?}"),
    }
    let message = error.to_string();
    assert!(message.contains("startFix") && message.contains("404"), "{message}");
    // Nothing is polled after a failed start.
    assert_eq!(fake.requests().len(), 2);
}

#[tokio::test]
async fn no_instruction_sends_no_instruction_key() {
    let (fake, result) = run(Scenario::completed(), "42", None).await;
    result.expect("workflow succeeds");
    let start = fake.requests().into_iter().find(|r| r.method == "POST").expect("a start request");
    assert_eq!(start.json(), Some(serde_json::json!({})));

    let (fake, result) = run(Scenario::completed(), "42", Some("be brief")).await;
    result.expect("workflow succeeds");
    let start = fake.requests().into_iter().find(|r| r.method == "POST").expect("a start request");
    assert_eq!(start.json(), Some(serde_json::json!({"instruction": "be brief"})));
    assert_eq!(start.header("content-type"), Some("application/json"));
}

#[tokio::test]
async fn exact_request_sequence_with_an_encoded_issue_id() {
    let scenario = Scenario::default().with_statuses(["pending", "processing", "completed"]);
    let (fake, result) = run(scenario, "a/b?c", None).await;
    result.expect("workflow succeeds");
    let seen: Vec<(String, String)> = fake.requests().into_iter().map(|r| (r.method, r.path)).collect();
    let fix = "/api/0/issues/a%2Fb%3Fc/seer/autofix/";
    let expected = [
        ("GET", "/api/0/organizations/acme/seer/models/"),
        ("POST", fix),
        ("GET", fix),
        ("GET", fix),
        ("GET", fix),
    ];
    let expected: Vec<(String, String)> = expected.iter().map(|(m, p)| ((*m).to_owned(), (*p).to_owned())).collect();
    assert_eq!(seen, expected);
    let requests = fake.requests();
    assert_eq!(requests[1].decoded_segment(3).as_deref(), Some("a/b?c"));
    assert!(requests.iter().all(|r| r.query.is_none()));
}

#[tokio::test]
async fn bearer_token_is_sent_and_never_shown() {
    let secret = "sntrys_very_secret_token_value";
    let fake = FakeSeer::start(Scenario::default().with_token(Some(secret)).with_unknown_issue("7"))
        .await
        .expect("fake starts");
    let client = seer_api::Client::new(fake.base_url())
        .with_bearer_token(secret)
        .with_retry_policy(RetryPolicy::none());
    assert!(!format!("{client:?}").contains(secret), "client Debug leaks the token");
    let workflows = Workflows::new(client).with_poll_policy(PollPolicy::immediate());
    assert!(!format!("{workflows:?}").contains(secret), "Workflows Debug leaks the token");
    let error = workflows.seer_autofix_issue(inputs("7", None)).await.expect_err("unknown issue");
    for request in fake.requests() {
        assert_eq!(request.header("authorization"), Some(format!("Bearer {secret}").as_str()));
    }
    assert!(!error.to_string().contains(secret));
    assert!(!format!("{error:?}").contains(secret));

    // A wrong token: the 401 error shows neither token.
    let client = seer_api::Client::new(fake.base_url()).with_bearer_token("wrong-token");
    let error = Workflows::new(client)
        .seer_autofix_issue(inputs("42", None))
        .await
        .expect_err("401");
    assert_eq!((error.step(), error.status()), (Some("listModels"), Some(401)));
    for shown in [error.to_string(), format!("{error:?}")] {
        assert!(!shown.contains(secret) && !shown.contains("wrong-token"), "{shown}");
    }
    // The typed call's documented 401 (status, headers and body) shows neither either.
    let client = seer_api::Client::new(fake.base_url()).with_bearer_token("wrong-token");
    let error = client.list_seer_models("acme").await.expect_err("401");
    assert_eq!(error.status(), Some(401));
    for shown in [error.to_string(), format!("{error:?}")] {
        assert!(!shown.contains(secret) && !shown.contains("wrong-token"), "{shown}");
    }
}

#[tokio::test]
async fn polling_stops_at_the_deadline() {
    let scenario = Scenario::default().with_statuses(["processing"]);
    let fake = FakeSeer::start(scenario).await.expect("fake starts");
    let poll = PollPolicy::immediate()
        .with_interval(Duration::from_millis(5), Duration::from_millis(5))
        .with_deadline(Duration::from_millis(150));
    let error = workflows(&fake)
        .with_poll_policy(poll)
        .seer_autofix_issue(inputs("42", None))
        .await
        .expect_err("never completes");
    match &error {
        WorkflowError::Timeout { step, deadline, .. } => {
            assert_eq!(step, "pollFixState");
            assert_eq!(*deadline, Duration::from_millis(150));
        }
        other => panic!("expected Timeout, got {other:?}"),
    }
    // Between polls, or with a poll in flight (then the error also names its URL).
    let shown = error.to_string();
    assert!(
        shown.contains("timed out polling step `pollFixState`")
            || shown.contains("step `pollFixState`: the run's deadline (0.1s) passed after"),
        "{shown}"
    );
    let polls = fake
        .requests()
        .iter()
        .filter(|r| r.method == "GET" && r.path.contains("autofix"))
        .count();
    assert!(polls >= 2, "it polled ({polls} times) before giving up");
}

#[tokio::test]
async fn transient_failures_are_retried_by_the_transport() {
    let scenario = Scenario::completed()
        .with_injection(Injection::status(Route::ListModels, 503, serde_json::json!({"detail": "busy"})))
        .with_injection(Injection::rate_limited(Route::StartFix, 0))
        .with_injection(Injection::status(
            Route::GetFixState,
            502,
            serde_json::json!({"detail": "bad gateway"}),
        ));
    let (fake, result) = run(scenario, "42", None).await;
    assert_eq!(
        result.expect("retries hide transient failures").status,
        SeerAutofixStateStatus::Completed
    );
    let statuses: Vec<u16> = fake.requests().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [503, 200, 429, 202, 502, 200, 200]);
}

#[tokio::test]
async fn a_post_is_not_retried_on_503() {
    let scenario = Scenario::completed().with_injection(Injection::status(Route::StartFix, 503, serde_json::json!({"detail": "down"})));
    let (fake, result) = run(scenario, "42", None).await;
    let error = result.expect_err("503 on start");
    assert_eq!((error.step(), error.status()), (Some("startFix"), Some(503)));
    assert_eq!(fake.requests().iter().filter(|r| r.method == "POST").count(), 1);
}

#[tokio::test]
async fn server_errors_while_polling_fail_with_the_body() {
    let scenario = Scenario::completed().with_injection(Injection::status(Route::GetFixState, 500, serde_json::json!({"detail": "boom"})));
    let (_fake, result) = run(scenario, "42", None).await;
    match result.expect_err("500 on poll") {
        WorkflowError::StepFailed { step, status, body, .. } => {
            assert_eq!((step.as_str(), status), ("pollFixState", 500));
            assert_eq!(body, r#"{"detail":"boom"}"#);
        }
        other => panic!("expected StepFailed, got {other:?}"),
    }
}

#[tokio::test]
async fn observer_sees_every_step_exchange_and_wait() {
    let fake = FakeSeer::start(Scenario::completed()).await.expect("fake starts");
    let log = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let sink = log.clone();
    let outputs = workflows(&fake)
        .with_observer(move |event| {
            let line = match event {
                arazzo::Event::StepStarted { step, run, .. } => format!("start {step} {run}"),
                arazzo::Event::Exchange { method, status, .. } => format!("http {method} {status}"),
                arazzo::Event::Waiting { step, .. } => format!("wait {step}"),
                arazzo::Event::Action { name: Some(name), .. } => format!("action {name}"),
                _ => return,
            };
            sink.lock().unwrap_or_else(|e| e.into_inner()).push(line);
        })
        .seer_autofix_issue(inputs("42", None))
        .await
        .expect("workflow succeeds");
    assert_eq!(outputs.status, SeerAutofixStateStatus::Completed);
    let log = log.lock().unwrap_or_else(|e| e.into_inner()).clone();
    assert_eq!(
        log,
        [
            "start listModels 1",
            "http GET 200",
            "start startFix 1",
            "http POST 202",
            "start pollFixState 1",
            "http GET 200",
            "action keepPolling",
            "wait pollFixState",
            "start pollFixState 2",
            "http GET 200",
            "action fixCompleted",
        ]
    );
}

#[tokio::test]
async fn a_bad_base_url_is_an_error_at_the_first_request() {
    let client = seer_api::Client::new("not a url");
    let error = Workflows::new(client)
        .seer_autofix_issue(inputs("42", None))
        .await
        .expect_err("bad URL");
    assert!(
        matches!(&error, WorkflowError::Client { step, source, .. }
            if step == "listModels" && matches!(**source, arazzo::ClientError::InvalidUrl { .. })),
        "{error:?}"
    );
}

#[tokio::test]
async fn typed_client_methods_decode_documented_statuses() {
    let fake = FakeSeer::start(Scenario::completed()).await.expect("fake starts");
    let client = seer_api::Client::new(fake.base_url()).with_bearer_token(TOKEN);
    let models = client.list_seer_models("acme").await.expect("answer");
    assert_eq!(models.status(), 200);
    assert!(!models.is_empty());
    assert!(models.iter().all(|m| !m.id.is_empty()));
    // A documented 401 is an error carrying its (raw) body, so `?` stops on it.
    let unauthorized = seer_api::Client::new(fake.base_url()).with_bearer_token("nope");
    let error = unauthorized.list_seer_models("acme").await.expect_err("401");
    assert_eq!(error.status(), Some(401));
    assert!(
        matches!(
            error.as_documented().map(|a| &**a),
            Some(seer_api::ListSeerModelsError::Unauthorized(_))
        ),
        "{error:?}"
    );
}

#[tokio::test]
async fn the_transport_waits_as_long_as_retry_after_says() {
    let scenario = Scenario::completed().with_injection(Injection::rate_limited(Route::ListModels, 1));
    let fake = FakeSeer::start(scenario).await.expect("fake starts");
    let policy = RetryPolicy::default()
        .with_max_retries(2)
        .with_backoff(Duration::ZERO, Duration::ZERO)
        .with_max_retry_after(Duration::from_secs(5));
    let client = seer_api::Client::new(fake.base_url())
        .with_bearer_token(TOKEN)
        .with_retry_policy(policy);
    let started = std::time::Instant::now();
    let outputs = Workflows::new(client)
        .with_poll_policy(PollPolicy::immediate())
        .seer_autofix_issue(inputs("42", None))
        .await
        .expect("the retry succeeds");
    assert_eq!(outputs.status, SeerAutofixStateStatus::Completed);
    // A lower bound only: the wait is behaviour, not a speed target.
    assert!(started.elapsed() >= Duration::from_secs(1), "waited {:?}", started.elapsed());
    let statuses: Vec<u16> = fake.requests().iter().take(2).map(|r| r.status).collect();
    assert_eq!(statuses, [429, 200]);
}

#[tokio::test]
async fn a_retry_after_longer_than_the_policy_allows_reaches_the_step() {
    let scenario = Scenario::completed().with_injection(Injection::rate_limited(Route::ListModels, 3600));
    let fake = FakeSeer::start(scenario).await.expect("fake starts");
    let policy = RetryPolicy::default().with_max_retry_after(Duration::from_secs(5));
    let client = seer_api::Client::new(fake.base_url())
        .with_bearer_token(TOKEN)
        .with_retry_policy(policy);
    let error = Workflows::new(client)
        .seer_autofix_issue(inputs("42", None))
        .await
        .expect_err("429 is handed to the step");
    assert_eq!((error.step(), error.status()), (Some("listModels"), Some(429)));
    assert_eq!(fake.requests().len(), 1);
}
