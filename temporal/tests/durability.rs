//! Durability of seed runs on Temporal: a worker SIGKILLed while the run waits between polls
//! is replaced, and the run completes without sending `startFix` again.
//!
//! The tests start their own dev server (`$TEMPORAL_BIN` or `temporal` on `PATH`; `.ci/run`
//! installs it) and fail, saying how to get it, when there is none.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use arazzo_temporal::dev_server::DevServer;
use arazzo_temporal::{Starter, connect};
use arazzo_tests::fake_seer::{FakeSeer, Route, Scenario};

/// The `seed` example, which `cargo test` builds next to this test's binary.
fn seed_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    let dir = exe.parent().and_then(|deps| deps.parent()).expect("target directory");
    dir.join("examples").join(format!("seed{}", std::env::consts::EXE_SUFFIX))
}

fn spawn_worker(server: &str, queue: &str, seer: &str, poll_ms: u64) -> Child {
    Command::new(seed_binary())
        .args(["worker", server, queue, seer, &poll_ms.to_string()])
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
