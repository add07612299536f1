//! Runs Jentic arazzo-engine test fixtures (`test_config.yaml`, already
//! converted to JSON) against workflows compiled by our generator.
//!
//! The `jentic` example generates one Rust module per fixture into a
//! scratch crate; that crate's `main` implements [`Runner`] for each module
//! and hands it here. Keeping the mock set-up and the comparison in this
//! library (rather than in generated text) keeps them compiled and tested
//! once. A fixture's mocks are served by [`MockServer`]; a case passes when
//! success, every expected output and the number of API calls agree.

use std::future::Future;
use std::pin::Pin;

use serde_json::{Map, Value};

use crate::mock::{MockServer, Reply};

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// What one run produced: the workflow's outputs (or its error) and the
/// outputs of every step of that workflow that succeeded, keyed
/// `stepId.name` (the last run of a step wins), as seen through the
/// runtime's `StepSucceeded` events.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub outputs: Result<Map<String, Value>, String>,
    pub steps: Map<String, Value>,
}

/// Runs one workflow of one compiled fixture: `bases` holds one base URL per
/// source description, in document order.
pub trait Runner: Sync {
    fn run<'a>(&'a self, bases: &'a [String], workflow_id: &'a str, inputs: Value) -> BoxFuture<'a, Outcome>;
}

/// One row of the result table.
#[derive(Debug, Clone)]
pub struct Row {
    pub fixture: String,
    pub workflow: String,
    pub passed: bool,
    /// False for a case Jentic's own runner would not run either (a
    /// fixture without an Arazzo or OpenAPI document, a `mode: real` case).
    pub runnable: bool,
    /// What disagreed, or why the case did not run.
    pub detail: String,
}

/// Numbers compare by value (`750.0` equals `750`); everything else exactly.
pub fn same(expected: &Value, actual: &Value) -> bool {
    match (expected, actual) {
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        (Value::Array(a), Value::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y)),
        (Value::Object(a), Value::Object(b)) => a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w))),
        _ => expected == actual,
    }
}

fn reply(mock: &Value) -> Reply {
    let status = mock.get("status_code").and_then(Value::as_u64).unwrap_or(200) as u16;
    let mut reply = match (mock.get("response"), mock.get("text")) {
        (Some(body), _) => Reply::json(status, body.clone()),
        (None, Some(Value::String(text))) => Reply::text(status, "text/plain", text),
        _ => Reply::empty(status),
    };
    if let Some(Value::Object(headers)) = mock.get("headers") {
        for (k, v) in headers {
            reply = reply.header(k, &text(v));
        }
    }
    reply
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Enough percent-encoding for query values in mock routes
/// (`MockServer::on` decodes them again).
fn encode(s: &str) -> String {
    // RFC 3986 unreserved characters stay as they are.
    const QUERY_VALUE: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~');
    percent_encoding::utf8_percent_encode(s, QUERY_VALUE).to_string()
}

/// A mock's path without scheme and host (`https://host/a/b` -> `/a/b`).
fn local_path(path: &str) -> String {
    match path.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or_else(|| "/".to_owned(), |i| rest[i..].to_owned()),
        None => path.to_owned(),
    }
}

fn script(server: &MockServer, mocks: &[Value], base_paths: &[String]) {
    for mock in mocks {
        // `path` (or a full `url`), and `request_params` the query must hold.
        let Some(path) = mock.get("path").or_else(|| mock.get("url")).and_then(Value::as_str) else {
            continue;
        };
        let method = mock.get("method").and_then(Value::as_str).unwrap_or("get").to_ascii_uppercase();
        let mut path = local_path(path);
        if let Some(Value::Object(params)) = mock.get("request_params") {
            let query: Vec<String> = params.iter().map(|(k, v)| format!("{}={}", encode(k), encode(&text(v)))).collect();
            path = format!("{path}?{}", query.join("&"));
        }
        server.on(&method, &path, vec![reply(mock)]);
        // Fixtures give paths with or without the server's base path.
        for base in base_paths.iter().filter(|b| !b.is_empty() && !path.starts_with(b.as_str())) {
            server.on(&method, &format!("{base}{path}"), vec![reply(mock)]);
        }
    }
}

/// Runs every workflow case of a fixture. `config` is `test_config.yaml` as
/// JSON; `sources` holds each source description's name and server base
/// path (from the OpenAPI `servers`), in document order.
pub async fn run_fixture(fixture: &str, config: &Value, sources: &[(String, String)], runner: &dyn Runner) -> Vec<Row> {
    let mut rows = Vec::new();
    let cases = config.get("workflows").and_then(Value::as_array).cloned().unwrap_or_default();
    let base_paths: Vec<String> = sources.iter().map(|(_, p)| p.clone()).collect();
    for case in cases {
        let workflow = case.get("id").and_then(Value::as_str).unwrap_or("?").to_owned();
        if case.get("mode").and_then(Value::as_str) == Some("real") {
            rows.push(Row {
                fixture: fixture.to_owned(),
                workflow,
                passed: false,
                runnable: false,
                detail: "not run: `mode: real` (needs the live API)".to_owned(),
            });
            continue;
        }
        let server = match MockServer::start().await {
            Ok(s) => s,
            Err(e) => {
                rows.push(Row {
                    fixture: fixture.to_owned(),
                    workflow,
                    passed: false,
                    runnable: true,
                    detail: format!("mock server: {e}"),
                });
                continue;
            }
        };
        // The case's own mocks win over the fixture-wide ones.
        let own: Vec<Value> = case.get("custom_mocks").and_then(Value::as_array).cloned().unwrap_or_default();
        script(&server, &own, &base_paths);
        if let Some(Value::Object(global)) = config.get("custom_mocks") {
            for mocks in global.values() {
                script(&server, mocks.as_array().map(Vec::as_slice).unwrap_or_default(), &base_paths);
            }
        }
        let bases: Vec<String> = sources.iter().map(|(_, p)| format!("{}{p}", server.base_url())).collect();
        // Jentic's configs name the inputs `inputs` or `params`.
        let inputs = case
            .get("inputs")
            .or_else(|| case.get("params"))
            .cloned()
            .unwrap_or_else(|| Value::Object(Map::new()));
        let Outcome { outputs: result, steps } = runner.run(&bases, &workflow, inputs).await;
        let mut problems = Vec::new();
        let expect_success = case.get("expect_success").and_then(Value::as_bool).unwrap_or(true);
        match (&result, expect_success) {
            (Ok(_), false) => problems.push("succeeded, expected failure".to_owned()),
            (Err(e), true) => problems.push(format!("failed: {e}")),
            _ => {}
        }
        if let (Ok(outputs), Some(Value::Object(expected))) = (&result, case.get("expected_outputs")) {
            // Jentic's runner compares against the workflow outputs merged
            // with every step output flattened to `stepId.name`.
            for (name, want) in expected {
                match outputs.get(name).or_else(|| steps.get(name)) {
                    Some(got) if same(want, got) => {}
                    Some(got) => problems.push(format!("output `{name}`: expected {want}, got {got}")),
                    None => problems.push(format!("output `{name}`: expected {want}, got nothing")),
                }
            }
        }
        let calls = server.requests().len() as u64;
        if let Some(want) = case.get("expected_api_calls").and_then(Value::as_u64)
            && want != calls
        {
            let seen: Vec<String> = server.requests().iter().map(|r| format!("{} {}", r.method, r.path)).collect();
            problems.push(format!("API calls: expected {want}, made {calls} ({})", seen.join(", ")));
        }
        rows.push(Row {
            fixture: fixture.to_owned(),
            workflow,
            passed: problems.is_empty(),
            runnable: true,
            detail: problems.join("; "),
        });
    }
    rows
}

/// Rows for a fixture that did not compile (`runnable`) or that is not a
/// fixture at all (no Arazzo or OpenAPI document: Jentic's discovery skips
/// such a directory too).
pub fn not_run(fixture: &str, config: &Value, why: &str, runnable: bool) -> Vec<Row> {
    config
        .get("workflows")
        .and_then(Value::as_array)
        .map(|cases| {
            cases
                .iter()
                .map(|case| Row {
                    fixture: fixture.to_owned(),
                    workflow: case.get("id").and_then(Value::as_str).unwrap_or("?").to_owned(),
                    passed: false,
                    runnable,
                    detail: why.to_owned(),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The table, Markdown.
pub fn table(rows: &[Row]) -> String {
    let mut out = String::from("| fixture | workflow | result | detail |\n|---|---|---|---|\n");
    for r in rows {
        let detail = r.detail.replace('|', "\\|").replace('\n', " ");
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            r.fixture,
            r.workflow,
            match (r.passed, r.runnable) {
                (true, _) => "agree",
                (false, true) => "DIFFER",
                (false, false) => "n/a",
            },
            detail
        ));
    }
    let passed = rows.iter().filter(|r| r.passed).count();
    let runnable = rows.iter().filter(|r| r.runnable).count();
    out.push_str(&format!(
        "\n{passed} of {runnable} runnable cases agree ({} cases in all; {} not runnable by any runner)\n",
        rows.len(),
        rows.len() - runnable
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbers_compare_by_value() {
        assert!(same(&json!({"a": [750.0]}), &json!({"a": [750]})));
        assert!(!same(&json!("1"), &json!(1)));
    }

    #[test]
    fn mock_paths_lose_scheme_and_host() {
        assert_eq!(local_path("https://x.example/a/b"), "/a/b");
        assert_eq!(local_path("/a"), "/a");
        assert_eq!(local_path("https://x.example"), "/");
    }
}
