//! `receive` steps on Temporal (`tests/specs/approvals.arazzo.yaml`, run by the `approvals`
//! example as a worker process): the message reaches the run as its `arazzo-message` signal
//! (`RunHandle::deliver`), is kept in history, and is taken by the step as from an `Inbox`
//! (its address, message kind and correlation id; the oldest first); a worker SIGKILLed while
//! the run waits is replaced and the run completes without placing the order again; the
//! step's `timeout` is a durable timer on workflow time, and the run's deadline ends the wait
//! with the typed timeout.
//!
//! Like `seed.rs`, the tests start their own dev server (`$TEMPORAL_BIN` or `temporal`
//! on `PATH`).

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use arazzo::{Message, WorkflowError};
use arazzo_temporal::dev_server::DevServer;
use arazzo_temporal::{RunError, RunHandle, Starter, StepEvent, connect, temporalio_client};
use arazzo_tests::mock::{MockServer, Reply};
use serde_json::json;

mod api {
    arazzo::arazzo_workflow!("tests/specs/approvals.arazzo.yaml");
}

const CHANNEL: &str = "/hooks/approvals";

/// The `approvals` example, which `cargo test` builds next to this test's binary.
fn approvals_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    let dir = exe.parent().and_then(|deps| deps.parent()).expect("target directory");
    dir.join("examples").join(format!("approvals{}", std::env::consts::EXE_SUFFIX))
}

/// A worker process, SIGKILLed when dropped (a failing test leaves none behind).
struct Worker(Child);

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn spawn_worker(server: &str, queue: &str, orders: &str) -> Worker {
    spawn_worker_with_deadline(server, queue, orders, Duration::from_secs(600))
}

/// A worker whose runs have `deadline` (the poll policy's, on workflow time).
fn spawn_worker_with_deadline(server: &str, queue: &str, orders: &str, deadline: Duration) -> Worker {
    let child = Command::new(approvals_binary())
        .args(["worker", server, queue, orders])
        .env("APPROVALS_DEADLINE_S", deadline.as_secs().to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::inherit())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run the approvals example {}: {e}", approvals_binary().display()));
    Worker(child)
}

fn stop(worker: Worker) {
    drop(worker);
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("arazzo-temporal-receive-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A client of the dev server once its frontend answers (it listens a moment before it is
/// healthy); workers are spawned after, so they connect at once too.
async fn connected(server: &DevServer) -> temporalio_client::Client {
    let until = Instant::now() + Duration::from_secs(30);
    loop {
        match connect(&server.address()).await {
            Ok(client) => return client,
            Err(e) => assert!(Instant::now() < until, "the dev server never became healthy: {e}"),
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The orders server: every order placed gets ticket `T-1`.
async fn orders(delay: Duration) -> MockServer {
    let server = MockServer::start().await.expect("orders server");
    server.on("POST", "/orders", vec![Reply::json(201, json!({"ticket": "T-1"})).delayed(delay)]);
    server
}

fn placed(server: &MockServer) -> usize {
    server
        .requests()
        .iter()
        .filter(|r| r.method == "POST" && r.path == "/orders")
        .count()
}

fn approval(order: &str, approver: &str) -> Message {
    Message::new(CHANNEL, json!({"decision": "approved", "orderId": order, "approver": approver}))
}

/// Returns once the run announced its wait for a message (the `events` query) and a moment
/// more, for the workflow task that started the step's timer to be committed.
async fn wait_for_the_wait(handle: &RunHandle) -> Vec<StepEvent> {
    let until = Instant::now() + Duration::from_secs(60);
    loop {
        let events = handle.events().await.expect("query the run's events");
        if events.iter().any(|e| e.kind == "waiting") {
            tokio::time::sleep(Duration::from_millis(500)).await;
            return events;
        }
        assert!(Instant::now() < until, "the run never announced its wait: {events:#?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn outcome(handle: &RunHandle, limit: Duration) -> Result<arazzo::Outputs, RunError> {
    tokio::time::timeout(limit, handle.outputs()).await.expect("the run ends in time")
}

/// (a) Messages the step does not take (another channel, another kind, another order) stay;
/// the approval of this order ends the wait, and the outputs come from it (its payload and a
/// header of the HTTP request it was built from).
#[tokio::test(flavor = "multi_thread")]
async fn a_delivered_message_ends_the_wait_and_fills_the_outputs() {
    let dir = temp_dir("deliver");
    let server = DevServer::start(&dir.join("temporal.db")).unwrap_or_else(|e| panic!("{e}"));
    let orders = orders(Duration::ZERO).await;
    let queue = "receive-deliver";
    let starter = Starter::new(connected(&server).await, queue);
    let worker = spawn_worker(&server.address(), queue, &orders.base_url());
    let handle = starter
        .start(
            "approve-deliver-1",
            "approve-order",
            &json!({"orderId": "o-1"}),
            Duration::from_secs(120),
        )
        .await
        .expect("start");

    let before = wait_for_the_wait(&handle).await;
    let waiting = before.iter().find(|e| e.kind == "waiting").expect("waiting");
    assert_eq!(waiting.step.as_deref(), Some("awaitApproval"));
    assert_eq!(waiting.detail, "message in 300000 ms", "the step's timeout bounds the wait");

    handle
        .deliver(Message::new(
            "/hooks/other",
            json!({"decision": "approved", "orderId": "o-1", "approver": "mallory"}),
        ))
        .await
        .expect("deliver to another channel");
    handle
        .deliver(Message::new(CHANNEL, json!({"decision": "rejected", "orderId": "o-1"})))
        .await
        .expect("deliver another kind");
    // By id, as a webhook handler that knows only the run's id does.
    starter
        .deliver("approve-deliver-1", approval("o-2", "eve"))
        .await
        .expect("deliver another order's");
    let from_http = Message::from_http(
        "POST",
        "/hooks/approvals/",
        [("X-Reviewer-Note", "ship it")],
        br#"{"decision":"approved","orderId":"o-1","approver":"ada"}"#,
    )
    .expect("a POST of JSON");
    starter.deliver("approve-deliver-1", from_http).await.expect("deliver the approval");

    let outputs = outcome(&handle, Duration::from_secs(60)).await.expect("outputs");
    let events = handle.events().await.expect("query the finished run");
    stop(worker);
    assert_eq!(outputs["ticket"], "T-1");
    assert_eq!(outputs["approver"], "ada", "the approval of this order, not eve's");
    assert_eq!(outputs["note"], "ship it");
    let received: Vec<_> = events.iter().filter(|e| e.kind == "message_received").collect();
    assert_eq!(received.len(), 1, "{events:#?}");
    assert_eq!(received[0].step.as_deref(), Some("awaitApproval"));
    assert_eq!(received[0].detail, CHANNEL);
    assert_eq!(placed(&orders), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A message delivered while the run is still placing the order is kept for the step, and
/// of two approvals the oldest is taken.
#[tokio::test(flavor = "multi_thread")]
async fn a_message_delivered_before_the_step_waits_is_kept_for_it() {
    let dir = temp_dir("early");
    let server = DevServer::start(&dir.join("temporal.db")).unwrap_or_else(|e| panic!("{e}"));
    // The order takes 3 s to place: both messages arrive during its activity.
    let orders = orders(Duration::from_secs(3)).await;
    let queue = "receive-early";
    let starter = Starter::new(connected(&server).await, queue);
    let worker = spawn_worker(&server.address(), queue, &orders.base_url());
    let handle = starter
        .start(
            "approve-early-1",
            "approve-order",
            &json!({"orderId": "o-1"}),
            Duration::from_secs(120),
        )
        .await
        .expect("start");
    let until = Instant::now() + Duration::from_secs(60);
    while orders.requests().is_empty() {
        assert!(Instant::now() < until, "the order was never placed");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    handle.deliver(approval("o-1", "ada")).await.expect("deliver");
    handle.deliver(approval("o-1", "grace")).await.expect("deliver");
    assert!(placed(&orders) == 1 && handle.events().await.expect("events").iter().all(|e| e.kind != "waiting"));

    let outputs = outcome(&handle, Duration::from_secs(60)).await.expect("outputs");
    stop(worker);
    assert_eq!(outputs["approver"], "ada", "the oldest approval");
    let _ = std::fs::remove_dir_all(&dir);
}

/// (b) The worker is SIGKILLed while the run waits for its message; a message that is not
/// the run's arrives while no worker runs; a new worker takes over and the approval it is
/// then given completes the run, without the order being placed again.
#[tokio::test(flavor = "multi_thread")]
async fn a_run_waiting_for_its_message_survives_its_worker_being_killed() {
    let dir = temp_dir("kill");
    let server = DevServer::start(&dir.join("temporal.db")).unwrap_or_else(|e| panic!("{e}"));
    let orders = orders(Duration::ZERO).await;
    let queue = "receive-kill";
    let starter = Starter::new(connected(&server).await, queue);
    let mut first = spawn_worker(&server.address(), queue, &orders.base_url());
    let handle = starter
        .start(
            "approve-kill-1",
            "approve-order",
            &json!({"orderId": "o-7"}),
            Duration::from_secs(300),
        )
        .await
        .expect("start");
    wait_for_the_wait(&handle).await;
    first.0.kill().expect("SIGKILL the worker");
    first.0.wait().expect("reap the worker");
    eprintln!("worker killed while the run waits for its message");

    // No worker: Temporal keeps the signal in the run's history.
    handle.deliver(approval("o-8", "eve")).await.expect("deliver while no worker runs");
    let second = spawn_worker(&server.address(), queue, &orders.base_url());
    tokio::time::sleep(Duration::from_secs(1)).await;
    handle.deliver(approval("o-7", "ada")).await.expect("deliver the approval");

    let outputs = outcome(&handle, Duration::from_secs(90)).await.expect("outputs");
    let events = handle.events().await.expect("query the new worker");
    stop(second);
    assert_eq!(outputs["ticket"], "T-1", "the first worker's exchange, read from history");
    assert_eq!(outputs["approver"], "ada");
    assert_eq!(placed(&orders), 1, "the order is placed exactly once");
    let count = |kind: &str| events.iter().filter(|e| e.kind == kind).count();
    assert_eq!((count("waiting"), count("message_received")), (1, 1), "{events:#?}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// (c) The step's timeout is a durable timer: it passes while no worker runs, and the worker
/// that comes back afterwards fails the step at once (not after waiting the timeout again),
/// with the same typed error as the run in process.
#[tokio::test(flavor = "multi_thread")]
async fn a_receive_steps_timeout_passes_on_workflow_time() {
    let orders = orders(Duration::ZERO).await;
    let local = tokio::spawn({
        let workflows = api::Workflows::new(api::orders::Client::new(orders.base_url()));
        async move { workflows.run_by_id("approve-order-briefly", json!({"orderId": "o-3"})).await }
    });

    let dir = temp_dir("timeout");
    let server = DevServer::start(&dir.join("temporal.db")).unwrap_or_else(|e| panic!("{e}"));
    let queue = "receive-timeout";
    let starter = Starter::new(connected(&server).await, queue);
    let first = spawn_worker(&server.address(), queue, &orders.base_url());
    let handle = starter
        .start(
            "approve-timeout-1",
            "approve-order-briefly",
            &json!({"orderId": "o-3"}),
            Duration::from_secs(120),
        )
        .await
        .expect("start");
    let events = wait_for_the_wait(&handle).await;
    let waited = Instant::now();
    assert!(
        events.iter().any(|e| e.kind == "waiting" && e.detail == "message in 6000 ms"),
        "{events:#?}"
    );
    stop(first);
    // Past the 6 s timeout, and past the 10 s the timer's workflow task may sit on the dead
    // worker's sticky queue before any worker may take it.
    tokio::time::sleep(Duration::from_secs(18).saturating_sub(waited.elapsed())).await;
    let back = Instant::now();
    let second = spawn_worker(&server.address(), queue, &orders.base_url());
    let error = outcome(&handle, Duration::from_secs(60)).await.expect_err("no approval came");
    let after = back.elapsed();
    stop(second);
    eprintln!(
        "the new worker failed the step {:.1}s after it started: {error}",
        after.as_secs_f64()
    );
    assert!(
        after < Duration::from_secs(5),
        "the timeout had passed on workflow time: the step must not wait it again ({after:?})"
    );
    let RunError::Workflow(durable) = error else {
        panic!("expected RunError::Workflow, got {error:?}");
    };
    match &durable {
        WorkflowError::StepFailed { step, reason, .. } => {
            assert_eq!(step, "awaitApproval");
            assert_eq!(
                reason.as_deref(),
                Some("no matching message arrived on `/hooks/approvals` within the step's timeout of 6000 ms")
            );
        }
        other => panic!("expected WorkflowError::StepFailed, got {other:?}"),
    }
    let local = local.await.expect("join").expect_err("no approval came in process either");
    assert_eq!(format!("{durable:?}"), format!("{local:?}"));
    assert_eq!(placed(&orders), 2, "once in process, once durably");
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The run's deadline, on workflow time, ends a wait before the step's timeout: the typed
/// timeout naming the step, as in process.
#[tokio::test(flavor = "multi_thread")]
async fn the_runs_deadline_ends_the_wait_with_the_typed_timeout() {
    let dir = temp_dir("deadline");
    let server = DevServer::start(&dir.join("temporal.db")).unwrap_or_else(|e| panic!("{e}"));
    let orders = orders(Duration::ZERO).await;
    let queue = "receive-deadline";
    let deadline = Duration::from_secs(3);
    let starter = Starter::new(connected(&server).await, queue);
    let worker = spawn_worker_with_deadline(&server.address(), queue, &orders.base_url(), deadline);
    let started = Instant::now();
    let handle = starter
        .start("approve-deadline-1", "approve-order", &json!({"orderId": "o-4"}), deadline)
        .await
        .expect("start");
    let error = outcome(&handle, Duration::from_secs(60)).await.expect_err("no approval came");
    stop(worker);
    assert!(started.elapsed() < Duration::from_secs(60), "not the step's 300 s timeout");
    match error {
        RunError::Workflow(WorkflowError::Timeout {
            workflow,
            step,
            deadline: d,
            elapsed,
            ..
        }) => {
            assert_eq!((workflow.as_str(), step.as_str(), d), ("approve-order", "awaitApproval", deadline));
            assert!(elapsed >= deadline, "{elapsed:?}");
        }
        other => panic!("expected WorkflowError::Timeout, got {other:?}"),
    }
    let _ = std::fs::remove_dir_all(&dir);
}
