//! Durability of seed runs on Temporal: a worker SIGKILLed while the run waits between polls
//! is replaced, and the run completes without sending `startFix` again; the same with the
//! Temporal server SIGKILLed and restarted on its SQLite file; a run whose worker is gone past
//! its deadline ends with the typed timeout at the starter.
//!
//! The tests start their own dev server (`$TEMPORAL_BIN` or `temporal` on `PATH`; `.ci/run`
//! installs it) and fail, saying how to get it, when there is none.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use arazzo::WorkflowError;
use arazzo_temporal::dev_server::DevServer;
use arazzo_temporal::{RunError, Starter, connect};
use arazzo_tests::fake_seer::{FakeSeer, Route, Scenario};

/// The `seed` example, which `cargo test` builds next to this test's binary.
fn seed_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    let dir = exe.parent().and_then(|deps| deps.parent()).expect("target directory");
    dir.join("examples").join(format!("seed{}", std::env::consts::EXE_SUFFIX))
}

fn spawn_worker(server: &str, queue: &str, seer: &str, poll_ms: u64) -> Child {
    spawn_worker_with_deadline(server, queue, seer, poll_ms, Duration::from_secs(600))
}

/// A worker whose runs have `deadline` (the poll policy's, on workflow time).
fn spawn_worker_with_deadline(server: &str, queue: &str, seer: &str, poll_ms: u64, deadline: Duration) -> Child {
    Command::new(seed_binary())
        .args(["worker", server, queue, seer, &poll_ms.to_string()])
        .env("SEED_DEADLINE_S", deadline.as_secs().to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::inherit())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run the seed example {}: {e}", seed_binary().display()))
}

async fn wait_for(what: &str, limit: Duration, mut done: impl FnMut() -> bool) {
    let until = Instant::now() + limit;
    while !done() {
        assert!(Instant::now() < until, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Returns inside the run's first wait between polls: once the worker has announced it (the
/// `events` query), and a moment more for the workflow task that started the timer to be
/// committed, so a kill lands while the run waits on its durable timer.
async fn wait_for_the_wait(handle: &arazzo_temporal::RunHandle) {
    let until = Instant::now() + Duration::from_secs(20);
    while !handle
        .events()
        .await
        .expect("query the run's events")
        .iter()
        .any(|e| e.kind == "waiting")
    {
        assert!(Instant::now() < until, "the run never announced its wait");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("arazzo-temporal-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[tokio::test(flavor = "multi_thread")]
async fn a_run_survives_its_worker_being_killed_between_polls() {
    let dir = temp_dir("kill");
    let server = DevServer::start(&dir.join("temporal.db")).unwrap_or_else(|e| panic!("{e}"));
    let fake = FakeSeer::start(Scenario::default().with_statuses(["processing", "processing", "completed"]))
        .await
        .expect("fake Seer");
    let queue = "kill-test";
    // Long waits between polls, so the kill lands inside one.
    let poll_ms = 3000;
    let mut first = spawn_worker(&server.address(), queue, &fake.base_url(), poll_ms);

    let client = connect(&server.address()).await.expect("connect");
    let starter = Starter::new(client, queue);
    let handle = starter
        .start(
            "seed-kill-1",
            "seer-autofix-issue",
            &serde_json::json!({"organizationIdOrSlug": "acme", "issueId": "4242"}),
            Duration::from_secs(120),
        )
        .await
        .expect("start");
    let outcome = tokio::spawn({
        let handle = handle.clone();
        async move { handle.outputs().await }
    });

    wait_for("the first poll", Duration::from_secs(60), || {
        !fake.requests_to(Route::GetFixState).is_empty()
    })
    .await;
    wait_for_the_wait(&handle).await;
    first.kill().expect("SIGKILL the worker");
    first.wait().expect("reap the worker");
    eprintln!("worker killed after {} poll(s)", fake.requests_to(Route::GetFixState).len());

    // Starting the same id again starts nothing: it attaches to the running run.
    let again = starter
        .start(
            "seed-kill-1",
            "seer-autofix-issue",
            &serde_json::json!({"organizationIdOrSlug": "acme", "issueId": "4242"}),
            Duration::from_secs(120),
        )
        .await
        .expect("start the same id again");
    assert_eq!(again.run_id(), "seed-kill-1");

    let mut second = spawn_worker(&server.address(), queue, &fake.base_url(), poll_ms);
    let outputs = tokio::time::timeout(Duration::from_secs(90), outcome)
        .await
        .expect("the run completes after the new worker starts")
        .expect("join")
        .expect("outputs");
    let _ = second.kill();
    let _ = second.wait();

    assert_eq!(outputs["status"], "completed");
    assert_eq!(outputs["prUrl"], arazzo_tests::fake_seer::DEFAULT_PR_URL);
    assert_eq!(fake.requests_to(Route::StartFix).len(), 1, "startFix is sent exactly once");
    assert_eq!(
        fake.requests_to(Route::ListModels).len(),
        1,
        "a recorded exchange is not sent again"
    );
    assert_eq!(fake.requests_to(Route::GetFixState).len(), 3);
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

fn seed_inputs() -> serde_json::Value {
    serde_json::json!({"organizationIdOrSlug": "acme", "issueId": "4242"})
}

fn stop(mut worker: Child) {
    let _ = worker.kill();
    let _ = worker.wait();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_run_survives_the_temporal_server_being_killed_and_restarted_between_polls() {
    let dir = temp_dir("restart");
    let db = dir.join("temporal.db");
    let server = DevServer::start(&db).unwrap_or_else(|e| panic!("{e}"));
    let port = server.port();
    let address = server.address();
    let fake = FakeSeer::start(Scenario::default().with_statuses(["processing", "processing", "completed"]))
        .await
        .expect("fake Seer");
    let queue = "restart-test";
    let poll_ms = 3000;
    let mut worker = spawn_worker(&address, queue, &fake.base_url(), poll_ms);

    let starter = Starter::new(connect(&address).await.expect("connect"), queue);
    let first_handle = starter
        .start("seed-restart-1", "seer-autofix-issue", &seed_inputs(), Duration::from_secs(120))
        .await
        .expect("start");

    wait_for("the first poll", Duration::from_secs(60), || {
        !fake.requests_to(Route::GetFixState).is_empty()
    })
    .await;
    wait_for_the_wait(&first_handle).await;
    // SIGKILL: the server flushes nothing; what survives is what SQLite had committed.
    server.kill();
    eprintln!(
        "server killed after {} poll(s); the run's timer is pending in its database {}",
        fake.requests_to(Route::GetFixState).len(),
        db.display()
    );
    tokio::time::sleep(Duration::from_secs(2)).await;
    let server = DevServer::start_on(&db, port).unwrap_or_else(|e| panic!("restart: {e}"));
    eprintln!("server restarted on {} with the same database", server.address());

    // The worker was not restarted: it reconnects by itself, or, if the outage ended it,
    // a new one takes over (either way the run must complete without resending).
    let mut replaced = false;
    let client = connect(&address).await.expect("connect after the restart");
    let handle = Starter::new(client, queue)
        .start("seed-restart-1", "seer-autofix-issue", &seed_inputs(), Duration::from_secs(120))
        .await
        .expect("attach after the restart");
    let outcome = tokio::spawn(async move { handle.outputs().await });
    let until = Instant::now() + Duration::from_secs(120);
    while !outcome.is_finished() {
        assert!(Instant::now() < until, "the run did not complete within 120 s of the restart");
        if !replaced && worker.try_wait().expect("worker status").is_some() {
            eprintln!("the worker exited during the outage; starting a new one");
            worker = spawn_worker(&address, queue, &fake.base_url(), poll_ms);
            replaced = true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let outputs = outcome.await.expect("join").expect("outputs");
    eprintln!(
        "run completed ({}): {outputs:?}",
        if replaced {
            "by a new worker"
        } else {
            "by the same worker, reconnected"
        }
    );
    stop(worker);

    assert_eq!(outputs["status"], "completed");
    assert_eq!(outputs["prUrl"], arazzo_tests::fake_seer::DEFAULT_PR_URL);
    assert_eq!(fake.requests_to(Route::StartFix).len(), 1, "startFix is sent exactly once");
    assert_eq!(
        fake.requests_to(Route::ListModels).len(),
        1,
        "a recorded exchange is not sent again"
    );
    assert_eq!(fake.requests_to(Route::GetFixState).len(), 3);
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

/// No worker comes back: Temporal ends the run at its execution timeout (the deadline plus
/// the starter's grace), and the starter reports the run's typed timeout.
#[tokio::test(flavor = "multi_thread")]
async fn a_run_whose_worker_never_returns_ends_with_the_typed_timeout() {
    let dir = temp_dir("lost");
    let server = DevServer::start(&dir.join("temporal.db")).unwrap_or_else(|e| panic!("{e}"));
    // Never completes: the run polls until its deadline.
    let fake = FakeSeer::start(Scenario::default().with_statuses(["processing"]))
        .await
        .expect("fake Seer");
    let queue = "lost-test";
    let deadline = Duration::from_secs(4);
    let worker = spawn_worker_with_deadline(&server.address(), queue, &fake.base_url(), 1000, deadline);
    let starter = Starter::new(connect(&server.address()).await.expect("connect"), queue).with_grace(Duration::from_secs(2));
    let started = Instant::now();
    let handle = starter
        .start("seed-lost-1", "seer-autofix-issue", &seed_inputs(), deadline)
        .await
        .expect("start");
    wait_for("the first poll", Duration::from_secs(60), || {
        !fake.requests_to(Route::GetFixState).is_empty()
    })
    .await;
    stop(worker);
    let polls = fake.requests_to(Route::GetFixState).len();
    eprintln!("worker killed after {polls} poll(s); no worker will run the rest");

    let error = tokio::time::timeout(Duration::from_secs(60), handle.outputs())
        .await
        .expect("Temporal ends the run")
        .expect_err("the run cannot finish");
    eprintln!("after {:.1}s: {error}", started.elapsed().as_secs_f64());
    match error {
        RunError::Workflow(WorkflowError::Timeout {
            workflow,
            step,
            elapsed,
            deadline: d,
            ..
        }) => {
            assert_eq!(workflow, "seer-autofix-issue");
            // From its history (the last timer's summary): no worker was left to say it.
            assert_eq!(step, "pollFixState");
            assert_eq!(d, deadline);
            assert!(elapsed >= deadline, "elapsed {elapsed:?} is past the deadline");
        }
        other => panic!("expected WorkflowError::Timeout, got {other:?}"),
    }
    assert!(started.elapsed() >= deadline);
    assert_eq!(fake.requests_to(Route::GetFixState).len(), polls, "nothing ran after the kill");
    assert_eq!(fake.requests_to(Route::StartFix).len(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A worker comes back after the deadline but before Temporal's execution timeout: the
/// replayed run reads workflow time, finds its deadline passed, and ends with the same
/// typed timeout the in-process run would (naming the polling step).
#[tokio::test(flavor = "multi_thread")]
async fn a_run_resumed_past_its_deadline_times_out_on_workflow_time() {
    let dir = temp_dir("late");
    let server = DevServer::start(&dir.join("temporal.db")).unwrap_or_else(|e| panic!("{e}"));
    let fake = FakeSeer::start(Scenario::default().with_statuses(["processing"]))
        .await
        .expect("fake Seer");
    let queue = "late-test";
    let deadline = Duration::from_secs(4);
    let poll_ms = 1000;
    let first = spawn_worker_with_deadline(&server.address(), queue, &fake.base_url(), poll_ms, deadline);
    let starter = Starter::new(connect(&server.address()).await.expect("connect"), queue).with_grace(Duration::from_secs(60));
    let handle = starter
        .start("seed-late-1", "seer-autofix-issue", &seed_inputs(), deadline)
        .await
        .expect("start");
    wait_for("the first poll", Duration::from_secs(60), || {
        !fake.requests_to(Route::GetFixState).is_empty()
    })
    .await;
    stop(first);
    let polls = fake.requests_to(Route::GetFixState).len();
    eprintln!("worker killed after {polls} poll(s)");
    tokio::time::sleep(deadline + Duration::from_secs(1)).await;
    eprintln!("past the deadline; starting a new worker");
    let second = spawn_worker_with_deadline(&server.address(), queue, &fake.base_url(), poll_ms, deadline);
    let error = tokio::time::timeout(Duration::from_secs(60), handle.outputs())
        .await
        .expect("the run ends")
        .expect_err("the run is past its deadline");
    stop(second);
    eprintln!("{error}");
    match error {
        RunError::Workflow(WorkflowError::Timeout {
            workflow,
            step,
            elapsed,
            deadline: d,
            ..
        }) => {
            assert_eq!(workflow, "seer-autofix-issue");
            assert_eq!(step, "pollFixState", "the step that was polling");
            assert_eq!(d, deadline);
            assert!(elapsed >= deadline);
        }
        other => panic!("expected WorkflowError::Timeout, got {other:?}"),
    }
    assert_eq!(fake.requests_to(Route::StartFix).len(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A run that fails (startFix answered 403) fails the same way durably as in process: the
/// starter gets the same `WorkflowError` variant with the same fields, rebuilt from the
/// Temporal failure's details.
#[tokio::test(flavor = "multi_thread")]
async fn a_failed_run_reaches_the_starter_as_the_same_typed_error() {
    use arazzo_tests::fake_seer::Injection;
    let forbidden = || {
        Scenario::default().with_injection(Injection::status(
            Route::StartFix,
            403,
            serde_json::json!({"detail": "You do not have permission to perform this action."}),
        ))
    };
    let local_fake = FakeSeer::start(forbidden()).await.expect("fake Seer");
    let workflows = sentry_seer::Workflows::new(
        sentry_seer::seer_api::Client::new(local_fake.base_url()).with_bearer_token(arazzo_tests::fake_seer::DEFAULT_TOKEN),
    );
    let local = workflows
        .run_by_id("seer-autofix-issue", seed_inputs())
        .await
        .expect_err("startFix is forbidden");

    let dir = temp_dir("typed");
    let server = DevServer::start(&dir.join("temporal.db")).unwrap_or_else(|e| panic!("{e}"));
    let fake = FakeSeer::start(forbidden()).await.expect("fake Seer");
    let queue = "typed-test";
    let worker = spawn_worker(&server.address(), queue, &fake.base_url(), 100);
    let starter = Starter::new(connect(&server.address()).await.expect("connect"), queue);
    let handle = starter
        .start("seed-typed-1", "seer-autofix-issue", &seed_inputs(), Duration::from_secs(120))
        .await
        .expect("start");
    let error = tokio::time::timeout(Duration::from_secs(60), handle.outputs())
        .await
        .expect("the run ends")
        .expect_err("startFix is forbidden");
    stop(worker);
    eprintln!("in process: {local}\ndurable:    {error}");
    let RunError::Workflow(durable) = error else {
        panic!("expected RunError::Workflow, got {error:?}");
    };
    match &durable {
        WorkflowError::StepFailed {
            workflow, step, status, ..
        } => {
            assert_eq!((workflow.as_str(), step.as_str(), *status), ("seer-autofix-issue", "startFix", 403));
        }
        other => panic!("expected WorkflowError::StepFailed, got {other:?}"),
    }
    assert!(matches!(local, WorkflowError::StepFailed { .. }), "{local:?}");
    // Every field the same (`Debug` shows them all), the message too.
    assert_eq!(format!("{durable:?}"), format!("{local:?}"));
    assert_eq!(durable.to_string(), local.to_string());
    assert_eq!(durable.status(), Some(403));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Step events are visible in Temporal while the run waits between polls (the `events`
/// query, answered by the worker from the workflow's state), and a worker that takes over
/// the run answers with the same events, rebuilt by replay.
#[tokio::test(flavor = "multi_thread")]
async fn the_runs_events_are_queryable_while_it_waits_and_survive_its_worker() {
    let dir = temp_dir("events");
    let server = DevServer::start(&dir.join("temporal.db")).unwrap_or_else(|e| panic!("{e}"));
    let fake = FakeSeer::start(Scenario::default().with_statuses(["processing", "processing", "completed"]))
        .await
        .expect("fake Seer");
    let queue = "events-test";
    let poll_ms = 3000;
    let first = spawn_worker(&server.address(), queue, &fake.base_url(), poll_ms);
    let starter = Starter::new(connect(&server.address()).await.expect("connect"), queue);
    let handle = starter
        .start("seed-events-1", "seer-autofix-issue", &seed_inputs(), Duration::from_secs(120))
        .await
        .expect("start");
    wait_for("the first poll", Duration::from_secs(60), || {
        !fake.requests_to(Route::GetFixState).is_empty()
    })
    .await;
    // The wait after the first poll is announced in the same workflow task as the poll's
    // answer; query until it is there.
    let until = Instant::now() + Duration::from_secs(20);
    let before = loop {
        let events = handle.events().await.expect("query the run's events");
        if events.iter().any(|e| e.kind == "waiting") {
            break events;
        }
        assert!(Instant::now() < until, "no waiting event in {events:#?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    for event in &before {
        eprintln!("  {}", event.line());
    }
    let has = |kind: &str, step: Option<&str>, status: Option<u16>| {
        before
            .iter()
            .any(|e| e.kind == kind && e.step.as_deref() == step && (status.is_none() || e.status == status))
    };
    assert_eq!(before[0].kind, "workflow_started");
    assert!(has("step_started", Some("listModels"), None));
    assert!(has("exchange", Some("listModels"), Some(200)));
    assert!(has("exchange", Some("startFix"), Some(202)));
    assert!(has("exchange", Some("pollFixState"), Some(200)));
    let waiting = before.iter().find(|e| e.kind == "waiting").expect("waiting");
    assert_eq!(waiting.step.as_deref(), Some("pollFixState"));
    assert_eq!(waiting.detail, format!("poll in {poll_ms} ms"));
    assert!(!has("workflow_finished", None, None));
    assert_eq!(fake.requests_to(Route::GetFixState).len(), 1, "the run is still waiting");

    stop(first);
    let second = spawn_worker(&server.address(), queue, &fake.base_url(), poll_ms);
    // The query waits on the server for a worker to answer it; one sent while the new worker
    // is still starting (and the old one's sticky queue is still tried first) can fail with
    // the server's own timeout or cancellation. Ask again, as a caller would, for a while.
    let until = Instant::now() + Duration::from_secs(60);
    let after = loop {
        match handle.events().await {
            Ok(events) => break events,
            Err(e) => {
                assert!(Instant::now() < until, "the new worker never answered the query: {e}");
                eprintln!("  query before the new worker answered: {e}");
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
        }
    };
    assert!(
        after.len() >= before.len() && after[..before.len()] == before[..],
        "the new worker's events start with the old one's:\n{after:#?}"
    );
    let outputs = tokio::time::timeout(Duration::from_secs(90), handle.outputs())
        .await
        .expect("the run completes")
        .expect("outputs");
    assert_eq!(outputs["status"], "completed");
    let last = handle.events().await.expect("query the finished run");
    stop(second);
    assert_eq!(last.last().map(|e| e.kind.as_str()), Some("workflow_finished"), "{last:#?}");
    assert_eq!(
        last.iter()
            .filter(|e| e.kind == "exchange" && e.step.as_deref() == Some("pollFixState"))
            .count(),
        3
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The multipart document's generated workflows (`tests/specs/uploads.*.yaml`).
mod uploads {
    arazzo::arazzo_workflow!("tests/specs/uploads.arazzo.yaml");
}

fn upload_document(workflows: uploads::Workflows) -> arazzo_temporal::Document {
    let http = workflows.uploads().http().clone();
    arazzo_temporal::Document::new(move |id, inputs| {
        let workflows = workflows.clone();
        Box::pin(async move { workflows.run_by_id(&id, inputs).await })
    })
    .client(&http)
}

/// Runs `upload-report` once in process and once durably (an in-process worker on its own
/// task queue of `server`), both with clients from `client`.
async fn upload_both_ways(
    server: &DevServer,
    queue: &str,
    client: impl Fn() -> uploads::uploads::Client,
) -> (Result<arazzo::Outputs, WorkflowError>, Result<arazzo::Outputs, RunError>) {
    let inputs = serde_json::json!({"title": "Q3 report", "pages": 2});
    let local = uploads::Workflows::new(client()).run_by_id("upload-report", inputs.clone()).await;
    let temporal = connect(&server.address()).await.expect("connect");
    let starter = Starter::new(temporal.clone(), queue);
    let durable = async {
        let handle = starter
            .start(&format!("{queue}-1"), "upload-report", &inputs, Duration::from_secs(60))
            .await
            .expect("start");
        tokio::time::timeout(Duration::from_secs(60), handle.outputs())
            .await
            .expect("the run ends")
    };
    let durable = tokio::select! {
        outcome = durable => outcome,
        stopped = arazzo_temporal::worker(temporal, queue, upload_document(uploads::Workflows::new(client()))) => {
            panic!("the worker stopped: {stopped:?}")
        }
    };
    (local, durable)
}

/// A multipart body as the server saw it, with its boundary (chosen per request) replaced.
fn multipart_seen(request: &arazzo_tests::mock::Recorded) -> String {
    let content_type = request.header("content-type").expect("a content type").to_owned();
    let boundary = content_type
        .split_once("boundary=")
        .map(|(_, b)| b.trim_matches('"').to_owned())
        .expect("a multipart boundary");
    format!("{content_type}\n{}", request.body_text()).replace(&boundary, "BOUNDARY")
}

/// A multipart step runs inside a Temporal workflow (its parts are recorded in history and
/// encoded by the activity) and sends the same body as the run in process.
#[tokio::test(flavor = "multi_thread")]
async fn a_multipart_step_runs_durably_and_sends_the_same_body() {
    use arazzo_tests::mock::{MockServer, Reply};
    let dir = temp_dir("multipart");
    let server = DevServer::start(&dir.join("temporal.db")).unwrap_or_else(|e| panic!("{e}"));
    let mock = MockServer::start().await.expect("mock server");
    mock.on("POST", "/api/uploads", vec![Reply::json(200, serde_json::json!({"id": "u-1"}))]);
    let base = format!("{}/api", mock.base_url());
    let (local, durable) = upload_both_ways(&server, "multipart-test", || uploads::uploads::Client::new(base.clone())).await;
    let local = local.expect("the run in process");
    let durable = durable.unwrap_or_else(|e| panic!("the durable run: {e}"));
    assert_eq!(durable, local);
    assert_eq!(durable.get("id"), Some(&serde_json::json!("u-1")));
    let requests = mock.requests();
    assert_eq!(requests.len(), 2, "one upload each way: {requests:?}");
    let (in_process, from_activity) = (multipart_seen(&requests[0]), multipart_seen(&requests[1]));
    eprintln!("{from_activity}");
    assert!(from_activity.starts_with("multipart/form-data"), "{from_activity}");
    assert!(
        from_activity.contains("name=\"title\"") && from_activity.contains("Q3 report"),
        "{from_activity}"
    );
    assert!(from_activity.contains(r#"{"pages":2}"#), "{from_activity}");
    assert_eq!(from_activity, in_process);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A request error keeps its kind across the durable boundary: a body over the client's
/// limit is `ClientError::TooLarge` at the starter as in process, a refused connection
/// answers `is_connect()` there (its `reqwest::Error` stays in the worker: it arrives as
/// `ClientError::Remote` with the same message), a stalling server is the same
/// `ClientError::Timeout`, and a body that does not match its schema the same error.
#[tokio::test(flavor = "multi_thread")]
async fn request_errors_reach_the_starter_with_their_kind() {
    use arazzo::{ClientError, Limits, RetryPolicy};
    use arazzo_tests::mock::{MockServer, Reply};
    let dir = temp_dir("kinds");
    let server = DevServer::start(&dir.join("temporal.db")).unwrap_or_else(|e| panic!("{e}"));

    let mock = MockServer::start().await.expect("mock server");
    let big = serde_json::json!({"id": "u-1", "padding": "x".repeat(4096)});
    mock.on("POST", "/api/uploads", vec![Reply::json(200, big)]);
    let base = format!("{}/api", mock.base_url());
    let limited = || uploads::uploads::Client::new(base.clone()).with_limits(Limits::default().with_max_body_size(1024));
    let (local, durable) = upload_both_ways(&server, "too-large-test", limited).await;
    let local = local.expect_err("the body is over the limit");
    let Err(RunError::Workflow(durable)) = durable else {
        panic!("expected RunError::Workflow, got {durable:?}");
    };
    eprintln!("too large, in process: {local}\ntoo large, durable:    {durable}");
    let WorkflowError::Client { source, .. } = &durable else {
        panic!("expected WorkflowError::Client, got {durable:?}");
    };
    assert!(matches!(**source, ClientError::TooLarge { limit: 1024, .. }), "{source:?}");
    assert_eq!(format!("{durable:?}"), format!("{local:?}"));
    assert_eq!(durable.to_string(), local.to_string());

    // A port that was just free: nothing listens there.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr");
    let refused = || uploads::uploads::Client::new(format!("http://{closed}/api")).with_retry_policy(RetryPolicy::none());
    let (local, durable) = upload_both_ways(&server, "refused-test", refused).await;
    let local = local.expect_err("nothing listens");
    let Err(RunError::Workflow(durable)) = durable else {
        panic!("expected RunError::Workflow, got {durable:?}");
    };
    eprintln!("refused, in process: {local}\nrefused, durable:    {durable}");
    let (WorkflowError::Client { source: here, .. }, WorkflowError::Client { source: there, .. }) = (&local, &durable) else {
        panic!("expected WorkflowError::Client both ways, got {local:?} and {durable:?}");
    };
    assert!(here.is_connect(), "{here:?}");
    assert!(there.is_connect(), "{there:?}");
    assert!(matches!(**there, ClientError::Remote { .. }), "{there:?}");
    assert_eq!(durable.to_string(), local.to_string());

    // A server that stalls: the client's request timeout ends the exchange inside the
    // activity, and the starter gets the same typed timeout as the run in process.
    let stalling = MockServer::start().await.expect("mock server");
    stalling.on(
        "POST",
        "/api/uploads",
        vec![Reply::json(200, serde_json::json!({"id": "late"})).delayed(Duration::from_secs(30))],
    );
    let base = format!("{}/api", stalling.base_url());
    let stalled = || {
        uploads::uploads::Client::new(base.clone())
            .with_limits(Limits::default().with_request_timeout(Duration::from_millis(500)))
            .with_retry_policy(RetryPolicy::none())
    };
    let (local, durable) = upload_both_ways(&server, "stall-test", stalled).await;
    let local = local.expect_err("the server stalls");
    let Err(RunError::Workflow(durable)) = durable else {
        panic!("expected RunError::Workflow, got {durable:?}");
    };
    eprintln!("stalled, in process: {local}\nstalled, durable:    {durable}");
    let WorkflowError::Client { source, .. } = &durable else {
        panic!("expected WorkflowError::Client, got {durable:?}");
    };
    assert!(source.is_timeout() && matches!(**source, ClientError::Timeout { .. }), "{source:?}");
    assert_eq!(format!("{durable:?}"), format!("{local:?}"));

    // A server that lies: a 200 whose body does not match its schema (`id` is a string).
    let lying = MockServer::start().await.expect("mock server");
    lying.on("POST", "/api/uploads", vec![Reply::json(200, serde_json::json!({"id": 7}))]);
    let base = format!("{}/api", lying.base_url());
    let (local, durable) = upload_both_ways(&server, "lie-test", || uploads::uploads::Client::new(base.clone())).await;
    let local = local.expect_err("the body does not match its schema");
    let Err(RunError::Workflow(durable)) = durable else {
        panic!("expected RunError::Workflow, got {durable:?}");
    };
    eprintln!("lied, in process: {local}\nlied, durable:    {durable}");
    assert_eq!(format!("{durable:?}"), format!("{local:?}"));
    assert_eq!(durable.to_string(), local.to_string());
    let _ = std::fs::remove_dir_all(&dir);
}

/// A server that echoes the client's token (in a header and in the body) does not get it
/// into the run's history: the activity records the answer with the token as `***`, as
/// errors show it. The history is read back as the `temporal` CLI shows it.
#[tokio::test(flavor = "multi_thread")]
async fn an_echoed_credential_is_not_recorded_in_history() {
    use arazzo_tests::mock::{MockServer, Reply};
    const TOKEN: &str = "sk-echoed-7c1f0e";
    let dir = temp_dir("echo");
    let server = DevServer::start(&dir.join("temporal.db")).unwrap_or_else(|e| panic!("{e}"));
    let mock = MockServer::start().await.expect("mock server");
    let echo = Reply::json(200, serde_json::json!({"id": "u-1", "seen": format!("Bearer {TOKEN}")})).header("x-echo", TOKEN);
    mock.on("POST", "/api/uploads", vec![echo]);
    let base = format!("{}/api", mock.base_url());
    let (_, durable) = upload_both_ways(&server, "echo-test", || {
        uploads::uploads::Client::new(base.clone()).with_bearer_token(TOKEN)
    })
    .await;
    assert_eq!(durable.expect("the durable run").get("id"), Some(&serde_json::json!("u-1")));
    assert!(
        mock.requests()
            .iter()
            .all(|r| r.header("authorization") == Some(&format!("Bearer {TOKEN}"))),
        "the token was sent both ways"
    );
    let history = Command::new(arazzo_temporal::dev_server::binary())
        .args([
            "workflow",
            "show",
            "--address",
            &server.address(),
            "--workflow-id",
            "echo-test-1",
            "--output",
            "json",
        ])
        .output()
        .expect("temporal workflow show");
    let history: serde_json::Value = serde_json::from_slice(&history.stdout).expect("the history as JSON");
    let mut seen = Vec::new();
    texts(&history, &mut seen);
    assert!(seen.iter().any(|t| t.contains("ACTIVITY_TASK_COMPLETED")), "the history was read");
    assert!(seen.iter().all(|t| !t.contains(TOKEN)), "the token is in the history");
    // The recorded answer is there, the token in it as `***`: the body and the header.
    assert!(seen.iter().any(|t| t.contains(r#""seen":"Bearer ***""#)), "{seen:?}");
    assert!(seen.iter().any(|t| t == "***"), "the echoing header");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every text in a history as the CLI prints it: its strings, the payloads inside them
/// (base64 JSON), and the byte arrays in those (bodies and header values are recorded as bytes).
fn texts(value: &serde_json::Value, out: &mut Vec<String>) {
    use base64::Engine as _;
    match value {
        serde_json::Value::String(s) => {
            out.push(s.clone());
            if let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(s)
                && let Ok(inner) = serde_json::from_slice::<serde_json::Value>(&bytes)
            {
                texts(&inner, out);
            }
        }
        serde_json::Value::Array(items) => {
            let bytes: Option<Vec<u8>> = items.iter().map(|i| i.as_u64().and_then(|n| u8::try_from(n).ok())).collect();
            match bytes {
                Some(bytes) if !bytes.is_empty() => out.push(String::from_utf8_lossy(&bytes).into_owned()),
                _ => items.iter().for_each(|i| texts(i, out)),
            }
        }
        serde_json::Value::Object(map) => map.values().for_each(|v| texts(v, out)),
        _ => {}
    }
}
