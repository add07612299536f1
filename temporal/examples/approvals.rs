//! A workflow with a `receive` step (`temporal/tests/specs/approvals.arazzo.yaml`) as a
//! durable Temporal run: it places an order over HTTP, then waits for the reviewer's
//! approval message, which reaches the run as the `arazzo-message` signal
//! (`arazzo_temporal::Starter::deliver`).
//!
//! The receive tests (`temporal/tests/durable/receive.rs`) run it as a worker process they SIGKILL:
//!
//! - `approvals worker SERVER QUEUE ORDERS_URL`: a worker whose runs send to the orders
//!   server at `ORDERS_URL`, with the deadline `$APPROVALS_DEADLINE_S` (default 600).

use std::process::ExitCode;
use std::time::Duration;

use arazzo::PollPolicy;
use arazzo_temporal::{Document, connect, worker};

mod api {
    arazzo::arazzo_workflow!("tests/specs/approvals.arazzo.yaml");
}

fn document(orders_url: &str, deadline: Duration) -> Document {
    let workflows =
        api::Workflows::new(api::orders::Client::new(orders_url)).with_poll_policy(PollPolicy::default().with_deadline(deadline));
    let http = workflows.orders().http().clone();
    Document::new(move |id, inputs| {
        let workflows = workflows.clone();
        Box::pin(async move { workflows.run_by_id(&id, inputs).await })
    })
    .client(&http)
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let ["worker", server, queue, orders_url] = args.as_slice() else {
        eprintln!("usage: approvals worker SERVER QUEUE ORDERS_URL");
        return ExitCode::from(2);
    };
    let deadline = Duration::from_secs(
        std::env::var("APPROVALS_DEADLINE_S")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(600),
    );
    let client = match connect(server).await {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("worker on task queue {queue}");
    if let Err(e) = worker(client, queue, document(orders_url, deadline)).await {
        eprintln!("error: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
