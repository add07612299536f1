//! Many durable runs at once: 1,000 seed runs started together on one dev server and one
//! worker all complete with their outputs, each having sent `startFix` exactly once.
//!
//! The worker runs in this process (its future is `!Send`: it is polled beside the starter,
//! as in the `seed` example). Each run has its own issue id, so the fake's per-issue poll
//! script (processing, then completed) applies to each.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use arazzo::PollPolicy;
use arazzo_temporal::dev_server::DevServer;
use arazzo_temporal::{Document, Starter, connect, worker};
use arazzo_tests::fake_seer::{DEFAULT_PR_URL, DEFAULT_TOKEN, FakeSeer, Route, Scenario};
use futures::StreamExt;
use sentry_seer::{Workflows, seer_api};

const RUNS: usize = 1000;

fn document(seer_url: &str) -> Document {
    let client = seer_api::Client::new(seer_url).with_bearer_token(DEFAULT_TOKEN);
    let poll = PollPolicy::default()
        .with_interval(Duration::from_millis(200), Duration::from_millis(200))
        .with_factor(1)
        .with_deadline(Duration::from_secs(600));
    let workflows = Workflows::new(client).with_poll_policy(poll);
    let http = workflows.seer_api().http().clone();
    Document::new(move |id, inputs| {
        let workflows = workflows.clone();
        Box::pin(async move { workflows.run_by_id(&id, inputs).await })
    })
    .client(&http)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_thousand_concurrent_durable_runs_all_complete() {
    let dir = std::env::temp_dir().join(format!("arazzo-temporal-scale-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let server = DevServer::start(&dir.join("temporal.db")).unwrap_or_else(|e| panic!("{e}"));
    let fake = FakeSeer::start(Scenario::default()).await.expect("fake Seer");
    let client = connect(&server.address()).await.expect("connect");
    let queue = "scale-test";
    let starter = Starter::new(client.clone(), queue);

    let started = Instant::now();
    let runs = async {
        // All started before any result is awaited: 1,000 runs in flight at once.
        let handles: Vec<_> = futures::stream::iter(0..RUNS)
            .map(|i| {
                let starter = starter.clone();
                async move {
                    let inputs = serde_json::json!({"organizationIdOrSlug": "acme", "issueId": format!("issue-{i}")});
                    starter
                        .start(&format!("scale-{i}"), "seer-autofix-issue", &inputs, Duration::from_secs(600))
                        .await
                        .unwrap_or_else(|e| panic!("start run {i}: {e}"))
                }
            })
            .buffer_unordered(64)
            .collect()
            .await;
        let all_started = started.elapsed();
        let outcomes: Vec<_> = futures::stream::iter(handles)
            .map(|handle| async move { (handle.run_id().to_owned(), handle.outputs().await) })
            .buffer_unordered(RUNS)
            .collect()
            .await;
        (all_started, outcomes)
    };
    let (all_started, outcomes) = tokio::select! {
        done = runs => done,
        stopped = worker(client, queue, document(&fake.base_url())) => panic!("the worker stopped: {stopped:?}"),
    };
    let elapsed = started.elapsed();
    eprintln!(
        "{RUNS} durable runs: all started after {:.1}s, all complete after {:.1}s ({:.1} runs/s)",
        all_started.as_secs_f64(),
        elapsed.as_secs_f64(),
        RUNS as f64 / elapsed.as_secs_f64()
    );

    assert_eq!(outcomes.len(), RUNS);
    for (run_id, outcome) in &outcomes {
        let outputs = outcome.as_ref().unwrap_or_else(|e| panic!("{run_id}: {e}"));
        assert_eq!(outputs["status"], "completed", "{run_id}");
        assert_eq!(outputs["prUrl"], DEFAULT_PR_URL, "{run_id}");
    }
    // Every run sent startFix once, for its own issue.
    let mut starts: HashMap<String, usize> = HashMap::new();
    for request in fake.requests_to(Route::StartFix) {
        *starts.entry(request.decoded_segment(3).expect("issue id")).or_default() += 1;
    }
    assert_eq!(starts.len(), RUNS, "one issue per run");
    assert!(starts.values().all(|&n| n == 1), "startFix sent once per run");
    assert_eq!(fake.requests_to(Route::GetFixState).len(), 2 * RUNS, "two polls per run");
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}
