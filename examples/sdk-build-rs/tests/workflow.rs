//! The generated workflow against a stand-in Seer server on 127.0.0.1: models listed, a fix started
//! with the instruction, polled while `processing`, outputs read from the `completed` state.

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

use seer_sdk as seer;

/// One request as the server saw it: method, path, `Authorization` header, body.
type Seen = (String, String, Option<String>, String);

/// Answers the three Seer calls; the fix state is `processing` on the first poll.
async fn serve(listener: TcpListener, seen: Arc<Mutex<Vec<Seen>>>) {
    let mut polls = 0;
    loop {
        let Ok((mut socket, _)) = listener.accept().await else { return };
        let mut buffer = Vec::new();
        let mut chunk = [0; 4096];
        // Read the head, then as much body as Content-Length says.
        let (head, body) = loop {
            let Ok(n) = socket.read(&mut chunk).await else { return };
            if n == 0 {
                return;
            }
            buffer.extend_from_slice(&chunk[..n]);
            let text = String::from_utf8_lossy(&buffer).into_owned();
            if let Some((head, body)) = text.split_once("\r\n\r\n") {
                let length = head
                    .lines()
                    .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().to_owned()))
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(0);
                if body.len() >= length {
                    break (head.to_owned(), body.to_owned());
                }
            }
        };
        let mut request_line = head.lines().next().unwrap_or_default().split(' ');
        let method = request_line.next().unwrap_or_default().to_owned();
        let path = request_line.next().unwrap_or_default().to_owned();
        let authorization = head
            .lines()
            .find_map(|l| l.split_once(':').filter(|(k, _)| k.eq_ignore_ascii_case("authorization")))
            .map(|(_, v)| v.trim().to_owned());
        seen.lock().unwrap().push((method.clone(), path.clone(), authorization, body));
        let (status, json) = match (method.as_str(), path.as_str()) {
            ("GET", "/organizations/acme/seer/models/") => ("200 OK", r#"[{"id": "seer-1", "name": "Seer"}]"#.to_owned()),
            ("POST", "/issues/42/seer/autofix/") => (
                "202 Accepted",
                r#"{"autofix": {"status": "pending", "createdAt": "2025-01-01T00:00:00Z"}}"#.to_owned(),
            ),
            ("GET", "/issues/42/seer/autofix/") => {
                polls += 1;
                let state = if polls == 1 {
                    r#"{"status": "processing", "createdAt": "2025-01-01T00:00:00Z"}"#
                } else {
                    r#"{"status": "completed", "createdAt": "2025-01-01T00:00:00Z",
                        "fix": {"title": "Guard against None", "pr_url": "https://example.test/pr/1"}}"#
                };
                ("200 OK", format!(r#"{{"autofix": {state}}}"#))
            }
            _ => ("404 Not Found", "{}".to_owned()),
        };
        let response = format!(
            "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{json}",
            json.len()
        );
        let _ = socket.write_all(response.as_bytes()).await;
    }
}

#[tokio::test]
async fn the_workflow_runs_to_a_completed_fix() {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let base_url = format!("http://{}", listener.local_addr().expect("address"));
    let seen = Arc::new(Mutex::new(Vec::new()));
    tokio::spawn(serve(listener, seen.clone()));

    let client = seer::seer_api::Client::new(base_url).with_bearer_token("test-token");
    let outputs = seer::Workflows::new(client)
        .with_poll_policy(arazzo::PollPolicy::immediate())
        .seer_autofix_issue(seer::SeerAutofixIssueInputs {
            organization_id_or_slug: "acme".into(),
            issue_id: "42".into(),
            instruction: Some("be brief".into()),
        })
        .await
        .expect("workflow succeeds");

    assert_eq!(outputs.status, seer::seer_api::types::SeerAutofixStateStatus::Completed);
    assert_eq!(outputs.fix_title.as_deref(), Some("Guard against None"));
    assert_eq!(outputs.pr_url.as_deref(), Some("https://example.test/pr/1"));
    let seen = seen.lock().unwrap().clone();
    let calls: Vec<(&str, &str)> = seen.iter().map(|(m, p, _, _)| (m.as_str(), p.as_str())).collect();
    assert_eq!(
        calls,
        [
            ("GET", "/organizations/acme/seer/models/"),
            ("POST", "/issues/42/seer/autofix/"),
            ("GET", "/issues/42/seer/autofix/"),
            ("GET", "/issues/42/seer/autofix/"),
        ]
    );
    assert!(seen.iter().all(|(_, _, auth, _)| auth.as_deref() == Some("Bearer test-token")));
    assert_eq!(seen[1].3, r#"{"instruction":"be brief"}"#);
}
