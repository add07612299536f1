//! Event steps (Arazzo 1.1, AsyncAPI sources) end to end: the Seer webhook workflow
//! (`specs/arazzo/seer-autofix-webhook.arazzo.yml`) against the fake Seer server, which
//! posts Sentry's `seer.*` webhooks to the runtime's receiver (`arazzo::webhook`), and a
//! `send` step posting a message to a channel of `tests/specs/events/`.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use arazzo::webhook::WebhookServer;
use arazzo::{Event, Inbox, PollPolicy, WaitReason, WorkflowError};
use arazzo_tests::fake_seer::{DEFAULT_PR_URL, FakeSeer, Route, Scenario, Webhooks};
use arazzo_tests::mock::{MockServer, Reply};

mod seer {
    arazzo::arazzo_workflow!("../specs/arazzo/seer-autofix-webhook.arazzo.yml");
}

mod orders {
    arazzo::arazzo_workflow!("specs/events/orders.arazzo.yaml");
}

use seer::seer_api::types::SeerAutofixStateStatus;

/// What the observer saw, as text: the event kinds and the fields the tests look at.
fn recorder() -> (Arc<Mutex<Vec<String>>>, impl Fn(&Event<'_>) + Send + Sync + 'static) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = seen.clone();
    let observe = move |event: &Event<'_>| {
        let line = match event {
            Event::MessageReceived { step, address, .. } => format!("received {step} {address}"),
            Event::Waiting {
                step,
                delay,
                reason: WaitReason::Message,
                ..
            } => format!("waiting for a message {step} {}s", delay.as_secs()),
            Event::Action {
                step, name: Some(name), ..
            } => format!("action {step} {name}"),
            _ => return,
        };
        sink.lock().unwrap().push(line);
    };
    (seen, observe)
}

async fn workflows(fake: &FakeSeer, inbox: Inbox, observe: impl Fn(&Event<'_>) + Send + Sync + 'static) -> seer::Workflows {
    let client = seer::seer_api::Client::new(fake.base_url()).with_bearer_token("test-token");
    seer::Workflows::new(client)
        .with_inbox(inbox)
        .with_poll_policy(PollPolicy::immediate())
        .with_observer(observe)
}

fn inputs(issue: &str) -> seer::SeerAutofixWebhookInputs {
    seer::SeerAutofixWebhookInputs {
        issue_id: issue.to_owned(),
        instruction: Some("keep the diff small".to_owned()),
    }
}

#[tokio::test]
async fn the_pr_created_webhook_ends_the_wait_and_one_read_gives_the_outcome() {
    let inbox = Inbox::new();
    let receiver = WebhookServer::start("127.0.0.1:0", inbox.clone()).await.expect("receiver starts");
    // The run would poll `processing` many times before `completed`; the webhook makes it moot.
    let scenario = Scenario::completed()
        .with_statuses(["processing", "processing", "processing", "completed"])
        .with_webhooks(Webhooks::to(format!("{}/sentry/webhooks", receiver.url())));
    let fake = FakeSeer::start(scenario).await.expect("fake starts");
    let (seen, observe) = recorder();
    let out = workflows(&fake, inbox.clone(), observe)
        .await
        .seer_autofix_webhook(inputs("42"))
        .await
        .expect("workflow succeeds");

    assert_eq!(out.status, SeerAutofixStateStatus::Completed);
    assert_eq!(
        out.notified_pr_url.as_deref(),
        Some(DEFAULT_PR_URL),
        "read from the webhook's payload"
    );
    assert_eq!(out.pr_url.as_deref(), Some(DEFAULT_PR_URL));
    assert_eq!(
        fake.requests_to(Route::GetFixState).len(),
        1,
        "no polling: one read after the webhook"
    );
    assert_eq!(
        fake.webhooks_sent(),
        [
            ("root_cause_completed", 202),
            ("solution_completed", 202),
            ("coding_completed", 202),
            ("pr_created", 202)
        ]
    );
    // The three earlier Seer events are other messages of the channel: left in the inbox.
    assert_eq!(inbox.pending(), 3);
    let seen = seen.lock().unwrap().clone();
    assert_eq!(
        seen,
        [
            "waiting for a message waitForPullRequest 3s",
            "received waitForPullRequest /sentry/webhooks",
            "action pollFixState fixCompleted"
        ]
    );
}

#[tokio::test]
async fn without_a_webhook_the_wait_times_out_and_the_workflow_polls() {
    let inbox = Inbox::new();
    let fake = FakeSeer::start(Scenario::completed()).await.expect("fake starts");
    let (seen, observe) = recorder();
    let started = Instant::now();
    let out = workflows(&fake, inbox, observe)
        .await
        .seer_autofix_webhook(inputs("42"))
        .await
        .expect("workflow succeeds by polling");
    assert!(started.elapsed() >= Duration::from_secs(3), "the step waited its whole timeout");
    assert_eq!(out.status, SeerAutofixStateStatus::Completed);
    assert_eq!(out.notified_pr_url, None, "the webhook step failed, so it has no outputs");
    assert_eq!(out.pr_url.as_deref(), Some(DEFAULT_PR_URL));
    assert_eq!(fake.requests_to(Route::GetFixState).len(), 2, "processing, then completed");
    let seen = seen.lock().unwrap().clone();
    assert_eq!(
        seen,
        [
            "waiting for a message waitForPullRequest 3s",
            "action waitForPullRequest pollInstead",
            "action pollFixState keepPolling",
            "action pollFixState fixCompleted"
        ]
    );
}

#[tokio::test]
async fn a_webhook_about_another_issue_is_not_this_runs_message() {
    let inbox = Inbox::new();
    let receiver = WebhookServer::start("127.0.0.1:0", inbox.clone()).await.expect("receiver starts");
    let hooks = Webhooks::to(format!("{}/sentry/webhooks", receiver.url())).for_issue("7");
    let fake = FakeSeer::start(Scenario::completed().with_webhooks(hooks))
        .await
        .expect("fake starts");
    let (seen, observe) = recorder();
    let out = workflows(&fake, inbox.clone(), observe)
        .await
        .seer_autofix_webhook(inputs("42"))
        .await
        .expect("workflow succeeds by polling");
    assert_eq!(out.notified_pr_url, None);
    assert_eq!(inbox.pending(), 4, "every webhook names issue 7, so none is taken");
    assert!(seen.lock().unwrap().contains(&"action waitForPullRequest pollInstead".to_owned()));
}

#[tokio::test]
async fn the_runs_deadline_ends_a_wait_before_the_steps_timeout() {
    let fake = FakeSeer::start(Scenario::completed()).await.expect("fake starts");
    let client = seer::seer_api::Client::new(fake.base_url()).with_bearer_token("test-token");
    let workflows = seer::Workflows::new(client).with_poll_policy(PollPolicy::immediate().with_deadline(Duration::from_secs(1)));
    let started = Instant::now();
    let error = workflows.seer_autofix_webhook(inputs("42")).await.expect_err("the deadline passes");
    assert!(started.elapsed() < Duration::from_secs(3), "not the step's 3 s timeout");
    match &error {
        WorkflowError::Timeout { step, deadline, .. } => {
            assert_eq!((step.as_str(), *deadline), ("waitForPullRequest", Duration::from_secs(1)));
        }
        other => panic!("expected a timeout, got {other:?}"),
    }
}

#[tokio::test]
async fn the_receiver_answers_202_to_posts_and_refuses_other_methods() {
    let inbox = Inbox::new();
    let receiver = WebhookServer::start("127.0.0.1:0", inbox.clone()).await.expect("receiver starts");
    let http = arazzo::http_client_builder().build().expect("client builds");
    let posted = http
        .post(format!("{}/sentry/webhooks/", receiver.url()))
        .header("Sentry-Hook-Resource", "seer")
        .body(r#"{"action":"pr_created"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(posted.status().as_u16(), 202);
    let got = http.get(format!("{}/sentry/webhooks", receiver.url())).send().await.unwrap();
    assert_eq!(got.status().as_u16(), 405);
    assert_eq!(inbox.pending(), 1);
}

#[tokio::test]
async fn a_send_step_posts_its_message_to_the_channel_address_with_its_headers() {
    let mock = MockServer::start().await.expect("mock starts");
    mock.on("POST", "/orders/placed", vec![Reply::empty(202)]);
    mock.on(
        "POST",
        "/orders/refused",
        vec![Reply::json(503, serde_json::json!({"detail": "down"}))],
    );
    let workflows = orders::Workflows::new(arazzo::HttpClient::new(mock.base_url()));
    let out = workflows
        .place_order(orders::PlaceOrderInputs {
            order_id: "o-1".to_owned(),
            pet_id: 7,
        })
        .await
        .expect("the channel accepted the message");
    assert_eq!(out.status, 202);
    let requests = mock.requests();
    assert_eq!(requests.len(), 1);
    let sent = &requests[0];
    assert_eq!(sent.header("order-request-id"), Some("o-1"));
    assert_eq!(sent.body_json(), Some(serde_json::json!({"petId": 7, "note": "order o-1"})));
    assert_eq!(orders::order_events::DEFAULT_BASE_URL, "http://localhost:9000/events");

    let error = workflows
        .refuse_order(orders::RefuseOrderInputs {})
        .await
        .expect_err("a 503 fails the send step");
    match error {
        WorkflowError::StepFailed { step, status, reason, .. } => {
            assert_eq!((step.as_str(), status), ("refuse", 503));
            assert_eq!(reason.as_deref(), Some("the channel refused the message with HTTP 503"));
        }
        other => panic!("expected StepFailed, got {other:?}"),
    }
}

/// Selector Objects in a `send` step's header and payload are evaluated, not sent as objects.
#[tokio::test]
async fn a_send_steps_selectors_fill_its_header_and_payload() {
    let mock = MockServer::start().await.expect("mock starts");
    mock.on("POST", "/orders/placed", vec![Reply::empty(202)]);
    let workflows = orders::Workflows::new(arazzo::HttpClient::new(mock.base_url()));
    workflows
        .forward_order(orders::ForwardOrderInputs {
            order: serde_json::json!({"id": "o-2", "pets": [{"id": 9}, {"id": 10}]}),
        })
        .await
        .expect("the channel accepted the message");
    let requests = mock.requests();
    assert_eq!(requests[0].header("order-request-id"), Some("o-2"));
    assert_eq!(requests[0].body_text(), r#"{"petId":9,"note":"forwarded"}"#);
}

/// A send step's `timeout` bounds its post: a channel that does not answer fails the step
/// with the typed timeout, and observers hear of it, long before the answer would come.
#[tokio::test]
async fn a_send_steps_timeout_bounds_its_post() {
    let mock = MockServer::start().await.expect("mock starts");
    mock.on("POST", "/orders/placed", vec![Reply::empty(202).delayed(Duration::from_secs(10))]);
    let timed_out: Arc<Mutex<Vec<String>>> = Arc::default();
    let seen = timed_out.clone();
    let started = Instant::now();
    let error = orders::Workflows::new(arazzo::HttpClient::new(mock.base_url()))
        .with_observer(move |event| {
            if let Event::StepTimedOut { step, timeout, .. } = event {
                seen.lock().unwrap().push(format!("{step} {timeout:?}"));
            }
        })
        .place_order_in_time(orders::PlaceOrderInTimeInputs {})
        .await
        .expect_err("the stalled channel times the step out");
    assert!(started.elapsed() < Duration::from_secs(5), "the run waited for the stalled answer");
    let WorkflowError::StepTimeout { step, timeout, .. } = &error else {
        panic!("expected a step timeout, got {error:?}");
    };
    assert_eq!((step.as_str(), *timeout), ("place", Duration::from_millis(300)));
    assert_eq!(*timed_out.lock().unwrap(), vec!["place 300ms".to_owned()]);
}
