//! The fake's Seer webhooks: after an autofix starts, it posts Sentry's `seer.*` events
//! to the URL a scenario names, over plain HTTP/1.1 on a raw socket (the fake has no
//! HTTP client, and a webhook is one request).

use std::sync::Arc;

use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use super::routes::Shared;
use super::scenario::{DEFAULT_PR_URL, Webhooks};

/// A `group_id` is a number in Sentry's payloads; an issue id that is not one stays text.
fn group_id(issue: &str) -> Value {
    issue.parse::<u64>().map_or_else(|_| json!(issue), |n| json!(n))
}

fn body(event: &str, issue: &str, pr_url: &str) -> Value {
    let mut data = json!({"run_id": 4242, "group_id": group_id(issue)});
    if event == "pr_created" {
        data["pull_requests"] = json!([{
            "repo_name": "acme/shop",
            "pull_request": {"pr_number": 42, "pr_url": pr_url}
        }]);
    }
    json!({
        "action": event,
        "installation": {"uuid": "7a485448-a9e2-4c85-8a3c-4f44175783c9"},
        "data": data,
        "actor": {"type": "application", "id": "sentry", "name": "Sentry"}
    })
}

pub(crate) async fn send(shared: Arc<Shared>, hooks: Webhooks, issue: String) {
    let group = hooks.group_id.clone().unwrap_or_else(|| issue.clone());
    let pr_url = shared
        .scenario()
        .fix
        .as_ref()
        .and_then(|(_, url)| url.clone())
        .unwrap_or_else(|| DEFAULT_PR_URL.to_owned());
    for event in hooks.events {
        tokio::time::sleep(hooks.delay).await;
        if event == "pr_created" {
            shared.finish_run(&issue);
        }
        let status = post(&hooks.url, &body(event, &group, &pr_url)).await.unwrap_or(0);
        shared.record_webhook(event, status);
    }
}

/// POSTs `body` to `url` (`http://host:port/path`) and returns the status.
async fn post(url: &str, body: &Value) -> Option<u16> {
    let rest = url.strip_prefix("http://")?;
    let (host, path) = rest.split_once('/').map_or((rest, "/".to_owned()), |(h, p)| (h, format!("/{p}")));
    let mut stream = TcpStream::connect(host).await.ok()?;
    let body = body.to_string();
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nSentry-Hook-Resource: seer\r\nSentry-Hook-Timestamp: 1767225600\r\nRequest-ID: 0b7e2a1c\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.ok()?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.ok()?;
    let line = String::from_utf8_lossy(&answer);
    line.split_whitespace().nth(1)?.parse().ok()
}
