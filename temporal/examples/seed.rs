//! The seed workflow (Seer autofix) as a durable Temporal run against the embedded fake.
//!
//! `cargo run -p arazzo-temporal --example seed` starts a local dev server (the `temporal`
//! binary: `$TEMPORAL_BIN` or on `PATH`), the fake Seer server, a worker and the run, and
//! prints the progress the main job prints, then the outputs. The durability tests run its
//! parts as separate processes:
//!
//! - `seed worker SERVER QUEUE SEER_URL POLL_MS`: a worker (SIGKILL it to lose it);
//! - `seed start SERVER QUEUE RUN_ID DEADLINE_S`: starts (or attaches to) run `RUN_ID`, prints
//!   its outputs as one JSON line, or `error: ...` and exits 1.

use std::process::ExitCode;
use std::time::Duration;

use arazzo::PollPolicy;
use arazzo_temporal::{Document, Starter, connect, dev_server::DevServer, worker};
use arazzo_tests::fake_seer::{FakeSeer, Scenario};
use sentry_seer::{SeerAutofixIssueInputs, SeerAutofixIssueOutputs, Workflows, seer_api};

const WORKFLOW: &str = "seer-autofix-issue";

fn document(seer_url: &str, token: &str, poll: PollPolicy) -> Document {
    let client = seer_api::Client::new(seer_url).with_bearer_token(token);
    let workflows = Workflows::new(client).with_poll_policy(poll).with_observer(|event| {
        if let Some(line) = sentry_seer::progress::describe(event) {
            println!("{line}");
        }
    });
    let http = workflows.seer_api().http().clone();
    Document::new(move |id, inputs| {
        let workflows = workflows.clone();
        Box::pin(async move { workflows.run_by_id(&id, inputs).await })
    })
    .client(&http)
}

fn inputs() -> SeerAutofixIssueInputs {
    SeerAutofixIssueInputs {
        organization_id_or_slug: "acme".to_owned(),
        issue_id: "4242".to_owned(),
        instruction: None,
    }
}

fn poll(poll_ms: u64, deadline: Duration) -> PollPolicy {
    PollPolicy::default()
        .with_interval(Duration::from_millis(poll_ms), Duration::from_millis(poll_ms))
        .with_factor(1)
        .with_deadline(deadline)
}

async fn start(server: &str, queue: &str, run_id: &str, deadline: Duration) -> Result<SeerAutofixIssueOutputs, String> {
    let client = connect(server).await.map_err(|e| e.to_string())?;
    let starter = Starter::new(client, queue);
    let handle = starter
        .start(run_id, WORKFLOW, &inputs(), deadline)
        .await
        .map_err(|e| e.to_string())?;
    handle.typed::<SeerAutofixIssueOutputs>().await.map_err(|e| e.to_string())
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["worker", server, queue, seer_url, poll_ms] => {
            let Ok(poll_ms) = poll_ms.parse::<u64>() else {
                eprintln!("error: POLL_MS is a number of milliseconds");
                return ExitCode::from(2);
            };
            let token = Scenario::default().token.unwrap_or_default();
            let client = match connect(server).await {
                Ok(c) => c,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::FAILURE;
                }
            };
            println!("worker on task queue {queue}");
            let deadline = Duration::from_secs(std::env::var("SEED_DEADLINE_S").ok().and_then(|s| s.parse().ok()).unwrap_or(600));
            if let Err(e) = worker(client, queue, document(seer_url, &token, poll(poll_ms, deadline))).await {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        ["start", server, queue, run_id, deadline_s] => {
            let Ok(deadline) = deadline_s.parse::<u64>() else {
                eprintln!("error: DEADLINE_S is a number of seconds");
                return ExitCode::from(2);
            };
            match start(server, queue, run_id, Duration::from_secs(deadline)).await {
                Ok(outputs) => {
                    println!("{}", serde_json::to_string(&outputs).unwrap_or_default());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        [] => {
            let dir = std::env::temp_dir().join(format!("arazzo-temporal-seed-{}", std::process::id()));
            if let Err(e) = std::fs::create_dir_all(&dir) {
                eprintln!("error: {}: {e}", dir.display());
                return ExitCode::FAILURE;
            }
            let server = match DevServer::start(&dir.join("temporal.db")) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::FAILURE;
                }
            };
            println!("Temporal dev server at {}", server.address());
            let scenario = Scenario::default();
            let token = scenario.token.clone().unwrap_or_default();
            let fake = match FakeSeer::start(scenario).await {
                Ok(f) => f,
                Err(e) => {
                    eprintln!("error: cannot start the fake Seer server: {e}");
                    return ExitCode::FAILURE;
                }
            };
            println!("embedded fake Seer server at {}", fake.base_url());
            let deadline = Duration::from_secs(600);
            let document = document(&fake.base_url(), &token, poll(1000, deadline));
            let client = match connect(&server.address()).await {
                Ok(c) => c,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::FAILURE;
                }
            };
            let queue = "arazzo-seed";
            let run_id = format!("seed-{}", std::process::id());
            println!("run {run_id} on task queue {queue}");
            // The worker's future is !Send (the SDK's workflow executor): it runs in this task,
            // beside the starter, and is dropped when the run's outcome is in.
            let address = server.address();
            let result = tokio::select! {
                outcome = start(&address, queue, &run_id, deadline) => outcome,
                stopped = worker(client, queue, document) => Err(format!("the worker stopped: {stopped:?}")),
            };
            drop(server);
            let _ = std::fs::remove_dir_all(&dir);
            match result {
                Ok(outputs) => {
                    println!("outputs:");
                    println!("{}", serde_json::to_string_pretty(&outputs).unwrap_or_default());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        _ => {
            eprintln!("usage: seed | seed worker SERVER QUEUE SEER_URL POLL_MS | seed start SERVER QUEUE RUN_ID DEADLINE_S");
            ExitCode::from(2)
        }
    }
}
