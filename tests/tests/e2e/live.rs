//! The live Sentry API's workflow (`sentry_seer::live`, from
//! `specs/arazzo/seer-autofix-live.arazzo.yml`) against the fake of the live API
//! (`arazzo_tests::fake_sentry`) on 127.0.0.1, and the seed workflow against the same
//! fake: what happens to each outcome sentry.io can give.

use std::time::{Duration, Instant};

use arazzo::{ClientError, PollPolicy, RetryPolicy, WorkflowError};
use arazzo_tests::fake_sentry::{
    AI_DISABLED, DEFAULT_PR_TITLE, DEFAULT_PR_URL, DEFAULT_TOKEN, FIRST_RUN_ID, FakeSentry, Injection, NO_BUDGET, Route, Scenario,
};
use sentry_seer::live::seer_live::types::AutofixStatus;
use sentry_seer::live::{SeerAutofixIssueInputs, SeerAutofixIssueOutputs, Workflows, seer_live};
use serde_json::json;

fn inputs(instruction: Option<&str>) -> SeerAutofixIssueInputs {
    SeerAutofixIssueInputs {
        organization_id_or_slug: "acme".into(),
        issue_id: "4711".into(),
        instruction: instruction.map(str::to_owned),
    }
}

async fn run_with(
    scenario: Scenario,
    retry: RetryPolicy,
    poll: PollPolicy,
) -> (FakeSentry, Result<SeerAutofixIssueOutputs, WorkflowError>) {
    let fake = FakeSentry::start(scenario).await.expect("fake starts");
    let client = seer_live::Client::new(fake.base_url())
        .with_bearer_token(DEFAULT_TOKEN)
        .with_retry_policy(retry);
    let result = Workflows::new(client)
        .with_poll_policy(poll)
        .seer_autofix_issue(inputs(Some("look at checkout")))
        .await;
    (fake, result)
}

async fn run(scenario: Scenario) -> (FakeSentry, Result<SeerAutofixIssueOutputs, WorkflowError>) {
    run_with(scenario, RetryPolicy::immediate(3), PollPolicy::immediate()).await
}

#[tokio::test]
async fn the_agent_shape_ends_with_the_pull_request() {
    let (fake, result) = run(Scenario::agent()).await;
    let outputs = result.expect("the run completes");
    assert_eq!(outputs.status, Some(AutofixStatus::Completed));
    assert_eq!(outputs.pr_url, Some(json!(DEFAULT_PR_URL)));
    assert_eq!(outputs.fix_title, Some(json!(DEFAULT_PR_TITLE)));
    assert_eq!(outputs.run_id, i64::try_from(FIRST_RUN_ID).expect("fits"));
    // The real routes, in order: models, start, then polls (null, processing, completed).
    let seen: Vec<(String, String, u16)> = fake
        .requests()
        .iter()
        .map(|r| (r.method.clone(), r.path.clone(), r.status))
        .collect();
    let autofix = "/api/0/organizations/acme/issues/4711/autofix/";
    assert_eq!(
        seen,
        [
            ("GET", "/api/0/seer/models/", 200),
            ("POST", autofix, 202),
            ("GET", autofix, 200),
            ("GET", autofix, 200),
            ("GET", autofix, 200),
        ]
        .map(|(m, p, s)| (m.to_owned(), p.to_owned(), s))
    );
    // The start asks for a PR and passes the instruction as the agent-era `user_context`.
    let start = &fake.requests_to(Route::StartFix)[0];
    assert_eq!(
        start.json(),
        Some(json!({"stopping_point": "open_pr", "user_context": "look at checkout"}))
    );
    assert_eq!(start.header("authorization"), Some(format!("Bearer {DEFAULT_TOKEN}").as_str()));
}

#[tokio::test]
async fn the_legacy_shape_and_its_upper_case_statuses() {
    let (fake, result) = run(Scenario::legacy()).await;
    let outputs = result.expect("the run completes");
    // `PROCESSING` polled again (case-insensitive comparison), `COMPLETED` ended the run.
    assert_eq!(outputs.status, Some(AutofixStatus::Completed2));
    assert_eq!(serde_json::to_value(&outputs).expect("serialises")["status"], "COMPLETED");
    // The legacy state has no repo_pr_states; the PR comes from the coding agent's results.
    assert_eq!(outputs.pr_url, Some(json!(DEFAULT_PR_URL)));
    assert_eq!(outputs.fix_title, None);
    assert_eq!(fake.requests_to(Route::GetFixState).len(), 2);
}

#[tokio::test]
async fn every_terminal_status_ends_the_run_with_that_status() {
    for (status, expected) in [
        ("error", AutofixStatus::Error),
        ("awaiting_user_input", AutofixStatus::AwaitingUserInput),
        ("CANCELLED", AutofixStatus::Cancelled),
        ("ERROR", AutofixStatus::Error2),
        ("NEED_MORE_INFORMATION", AutofixStatus::NeedMoreInformation),
        ("WAITING_FOR_USER_RESPONSE", AutofixStatus::WaitingForUserResponse),
    ] {
        let (fake, result) = run(Scenario::agent().with_null_polls(0).with_statuses(["processing", status])).await;
        let outputs = result.unwrap_or_else(|e| panic!("{status}: {e}"));
        assert_eq!(outputs.status, Some(expected), "{status}");
        assert_eq!(outputs.pr_url, None, "{status}: no PR without completing");
        assert_eq!(fake.requests_to(Route::GetFixState).len(), 2, "{status}");
    }
}

#[tokio::test]
async fn a_null_autofix_is_polled_until_the_run_exists() {
    let (fake, result) = run(Scenario::agent().with_null_polls(3).with_statuses(["completed"])).await;
    let outputs = result.expect("the run completes");
    assert_eq!(outputs.status, Some(AutofixStatus::Completed));
    let polls = fake.requests_to(Route::GetFixState);
    assert_eq!(polls.len(), 4, "three null answers, then the state");
    assert_eq!(polls[0].status, 200);
}

fn step_failed(error: &WorkflowError) -> (&str, u16, &str) {
    match error {
        WorkflowError::StepFailed { step, status, body, .. } => (step.as_str(), *status, body.as_str()),
        other => panic!("expected StepFailed, got {other:?}"),
    }
}

#[tokio::test]
async fn no_budget_is_a_402_with_sentrys_detail() {
    let (fake, result) = run(Scenario::no_budget()).await;
    let error = result.expect_err("the start is refused");
    let (step, status, body) = step_failed(&error);
    assert_eq!((step, status), ("startFix", 402));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(body).expect("JSON"),
        json!({"detail": NO_BUDGET})
    );
    assert!(error.to_string().contains(NO_BUDGET), "{error}");
    assert!(
        fake.requests_to(Route::GetFixState).is_empty(),
        "nothing polled after a refused start"
    );
}

#[tokio::test]
async fn ai_disabled_is_a_403_with_sentrys_detail() {
    let (_fake, result) = run(Scenario::ai_disabled()).await;
    let error = result.expect_err("the start is refused");
    let (step, status, body) = step_failed(&error);
    assert_eq!((step, status), ("startFix", 403));
    assert!(body.contains(AI_DISABLED), "{body}");
}

#[tokio::test]
async fn a_wrong_token_is_a_401_at_the_start() {
    let (fake, result) = run(Scenario::agent().with_token(Some("another-token"))).await;
    let error = result.expect_err("refused");
    let (step, status, body) = step_failed(&error);
    assert_eq!(
        (step, status),
        ("startFix", 401),
        "the models route checks no token, as Sentry's has no permission classes"
    );
    assert!(body.contains("Invalid token."), "{body}");
    assert_eq!(fake.requests()[0].status, 200);
}

#[tokio::test]
async fn every_routed_answer_carries_the_rate_limit_headers() {
    let fake = FakeSentry::start(Scenario::no_budget()).await.expect("fake starts");
    let client = seer_live::Client::new(fake.base_url()).with_bearer_token(DEFAULT_TOKEN);
    let _ = Workflows::new(client)
        .with_poll_policy(PollPolicy::immediate())
        .seer_autofix_issue(inputs(None))
        .await;
    let http = arazzo::http_client_builder().build().expect("client");
    for (method, path, status) in [
        ("GET", "/api/0/seer/models/", 200),
        ("POST", "/api/0/organizations/acme/issues/4711/autofix/", 402),
    ] {
        let response = http
            .request(method.parse().expect("method"), format!("{}{path}", fake.base_url()))
            .bearer_auth(DEFAULT_TOKEN)
            .send()
            .await
            .expect("answers");
        assert_eq!(response.status().as_u16(), status);
        let headers = response.headers();
        let number = |name: &str| -> u64 {
            headers
                .get(name)
                .unwrap_or_else(|| panic!("{path}: no {name}"))
                .to_str()
                .expect("text")
                .parse()
                .expect("a number")
        };
        let limit = if path.ends_with("models/") { 100 } else { 25 };
        assert_eq!(number("x-sentry-rate-limit-limit"), limit);
        // Two requests to each route so far (the workflow's and this one).
        assert_eq!(number("x-sentry-rate-limit-remaining"), limit - 2);
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .expect("clock")
            .as_secs();
        let reset = number("x-sentry-rate-limit-reset");
        assert!(
            reset > now && reset <= now + 61,
            "epoch seconds within the window: {reset} vs {now}"
        );
        assert!(number("x-sentry-rate-limit-concurrentlimit") >= number("x-sentry-rate-limit-concurrentremaining"));
        assert!(headers.get("retry-after").is_none());
    }
}

#[tokio::test]
async fn a_429_waits_for_the_announced_reset_within_the_deadline() {
    let scenario = Scenario::agent().with_injection(Injection::rate_limited(Route::StartFix, 2));
    let started = Instant::now();
    let retry = RetryPolicy::default().with_backoff(Duration::ZERO, Duration::ZERO);
    let poll = PollPolicy::immediate().with_deadline(Duration::from_secs(10));
    let (fake, result) = run_with(scenario, retry, poll).await;
    let outputs = result.expect("the start succeeds once the window reopens");
    assert_eq!(outputs.pr_url, Some(json!(DEFAULT_PR_URL)));
    let starts: Vec<u16> = fake.requests_to(Route::StartFix).iter().map(|r| r.status).collect();
    assert_eq!(starts, [429, 202], "one wait, not a burst of retries");
    let elapsed = started.elapsed();
    // The reset is 2 s away in whole epoch seconds: at least 1 s is left when the client reads it.
    assert!(elapsed >= Duration::from_millis(900), "waited for the reset: {elapsed:?}");
    assert!(elapsed < Duration::from_secs(8), "{elapsed:?}");
}

#[tokio::test]
async fn a_reset_past_the_deadline_fails_at_once_saying_when() {
    let scenario = Scenario::agent().with_injection(Injection::rate_limited(Route::StartFix, 40));
    let started = Instant::now();
    let retry = RetryPolicy::default().with_backoff(Duration::ZERO, Duration::ZERO);
    let poll = PollPolicy::immediate().with_deadline(Duration::from_secs(3));
    let (fake, result) = run_with(scenario, retry, poll).await;
    let error = result.expect_err("the window reopens after the deadline");
    assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
    match &error {
        WorkflowError::Client { step, source, .. } => {
            assert_eq!(step, "startFix");
            assert!(
                matches!(source.as_ref(), ClientError::RateLimited { status: 429, header, .. } if header == "X-Sentry-Rate-Limit-Reset"),
                "{source:?}"
            );
        }
        other => panic!("expected a rate-limit error, got {other:?}"),
    }
    assert_eq!(fake.requests_to(Route::StartFix).len(), 1);
}

#[tokio::test]
async fn sentrys_own_limit_of_25_starts_per_minute_answers_429() {
    let fake = FakeSentry::start(Scenario::agent()).await.expect("fake starts");
    let http = arazzo::http_client_builder().build().expect("client");
    let url = format!("{}/api/0/organizations/acme/issues/4711/autofix/", fake.base_url());
    let mut statuses = Vec::new();
    for _ in 0..26 {
        let response = http
            .post(&url)
            .bearer_auth(DEFAULT_TOKEN)
            .json(&json!({}))
            .send()
            .await
            .expect("answers");
        statuses.push(response.status().as_u16());
        if response.status() == 429 {
            let body: serde_json::Value = response.json().await.expect("JSON");
            assert_eq!(
                body["detail"],
                "You are attempting to use this endpoint too frequently. Limit is 25 requests in 60 seconds"
            );
        }
    }
    assert!(statuses[..25].iter().all(|s| *s == 202), "{statuses:?}");
    assert_eq!(statuses[25], 429);
}

// --- The seed pair against the live API ----------------------------------------------

fn seed_workflows(fake: &FakeSentry) -> sentry_seer::Workflows {
    let client = sentry_seer::seer_api::Client::new(format!("{}/api/0", fake.base_url()))
        .with_bearer_token(DEFAULT_TOKEN)
        .with_retry_policy(RetryPolicy::immediate(3));
    sentry_seer::Workflows::new(client).with_poll_policy(PollPolicy::immediate())
}

fn seed_inputs() -> sentry_seer::SeerAutofixIssueInputs {
    sentry_seer::SeerAutofixIssueInputs {
        organization_id_or_slug: "acme".into(),
        issue_id: "4711".into(),
        instruction: None,
    }
}

#[tokio::test]
async fn the_seed_routes_are_sentrys_empty_404() {
    let fake = FakeSentry::start(Scenario::agent()).await.expect("fake starts");
    let error = seed_workflows(&fake)
        .seer_autofix_issue(seed_inputs())
        .await
        .expect_err("no such route");
    let (step, status, body) = step_failed(&error);
    assert_eq!((step, status, body), ("listModels", 404, ""));
    let message = error.to_string();
    assert!(message.contains("HTTP 404") && message.contains("empty body"), "{message}");
    assert_eq!(fake.requests()[0].path, "/api/0/organizations/acme/seer/models/");
    assert_eq!(fake.requests()[0].status, 404);
}

/// Passes once response-schema validation is in (the `validate` branch): the live
/// `{"models": [...]}` against the seed's documented array fails the first step.
#[tokio::test]
async fn the_seed_pair_against_the_live_bodies_fails_at_list_models_naming_the_mismatch() {
    let fake = FakeSentry::start(Scenario::agent().with_seed_paths()).await.expect("fake starts");
    let result = seed_workflows(&fake).seer_autofix_issue(seed_inputs()).await;
    let error = match result {
        Ok(outputs) => panic!("the seed workflow accepted the live answers: {outputs:?}"),
        Err(error) => error,
    };
    assert_eq!(error.step(), Some("listModels"), "{error}");
    let message = error.to_string();
    assert!(message.contains("listModels"), "{message}");
    assert!(message.contains('$'), "names the JSON path: {message}");
    assert!(message.contains("expected"), "says what was expected: {message}");
    assert_eq!(fake.requests().len(), 1, "nothing after the first answer");
}

#[tokio::test]
async fn a_502_is_retried_by_backoff_not_held_to_the_rate_limit_reset() {
    // Sentry sends `X-Sentry-Rate-Limit-Reset` on every answer, also on the models route's
    // 502 ("Failed to fetch models from Seer") with most of the window's quota left: that
    // reset says when the quota window reopens, not when Seer is back.
    let scenario = Scenario::agent().with_injection(Injection::status(
        Route::ListModels,
        502,
        json!({"detail": "Failed to fetch models from Seer"}),
    ));
    let started = Instant::now();
    let retry = RetryPolicy::default().with_backoff(Duration::from_millis(10), Duration::from_millis(50));
    let poll = PollPolicy::immediate().with_deadline(Duration::from_secs(10));
    let (fake, result) = run_with(scenario, retry, poll).await;
    let outputs = result.expect("the retry gets the models");
    assert_eq!(outputs.status, Some(AutofixStatus::Completed));
    let models: Vec<u16> = fake.requests_to(Route::ListModels).iter().map(|r| r.status).collect();
    assert_eq!(models, [502, 200]);
    assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
}
