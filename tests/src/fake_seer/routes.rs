//! Request handling: the router, the recording middleware and the per-issue
//! autofix state machine.
//!
//! Written against plain axum and `serde_json::Value` on purpose: the fake
//! must not share types with the generated client, otherwise both sides
//! would agree on any mistake in the generated code.

use super::recorded::RecordedRequest;
use super::scenario::{Answer, Injection, Route, Scenario};
use axum::Router;
use axum::body::{Body, Bytes, to_bytes};
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

/// Larger than anything the real API accepts for these operations, small
/// enough that a runaway client cannot exhaust memory in a test.
const MAX_BODY_BYTES: usize = 1024 * 1024;

/// Fixed so that outputs (and snapshots of them) never depend on the clock.
pub const CREATED_AT: &str = "2026-01-01T00:00:00Z";
/// Reported as `completedAt` once a fix is completed or errored.
pub const COMPLETED_AT: &str = "2026-01-01T00:05:00Z";

const MODELS_PATH: &str = "/api/0/organizations/{organization_id_or_slug}/seer/models/";
const AUTOFIX_PATH: &str = "/api/0/issues/{issue_id}/seer/autofix/";

pub(crate) struct Shared {
    scenario: Scenario,
    state: Mutex<Mutable>,
}

#[derive(Default)]
struct Mutable {
    requests: Vec<RecordedRequest>,
    /// Remaining injections, in scenario order; exhausted ones are removed.
    injections: Vec<Injection>,
    /// Polls served per started issue (decoded id); restarting resets it.
    polls: HashMap<String, usize>,
    /// Webhooks posted: (event, receiver's status).
    pub(crate) webhooks: Vec<(&'static str, u16)>,
}

impl Shared {
    pub(crate) fn new(scenario: Scenario) -> Self {
        let injections = scenario.injections.iter().filter(|i| i.times > 0).cloned().collect();
        Self {
            scenario,
            state: Mutex::new(Mutable {
                injections,
                ..Mutable::default()
            }),
        }
    }

    pub(crate) fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// A panicking test thread must not turn every later assertion into a
    /// poison error; the data is still consistent because no invariant spans
    /// an unlock.
    fn lock(&self) -> MutexGuard<'_, Mutable> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn webhooks_sent(&self) -> Vec<(&'static str, u16)> {
        self.lock().webhooks.clone()
    }

    /// The run of `issue` is over: later polls read the scenario's last status.
    pub(crate) fn finish_run(&self, issue: &str) {
        let last = self.scenario.statuses.len().saturating_sub(1);
        if let Some(count) = self.lock().polls.get_mut(issue) {
            *count = (*count).max(last);
        }
    }

    pub(crate) fn record_webhook(&self, event: &'static str, status: u16) {
        self.lock().webhooks.push((event, status));
    }

    pub(crate) fn requests(&self) -> Vec<RecordedRequest> {
        self.lock().requests.clone()
    }

    fn take_injection(&self, route: Route) -> Option<Answer> {
        let mut state = self.lock();
        let index = state.injections.iter().position(|i| i.route == route)?;
        let injection = &mut state.injections[index];
        let answer = injection.answer.clone();
        injection.times -= 1;
        if injection.times == 0 {
            state.injections.remove(index);
        }
        Some(answer)
    }
}

pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(MODELS_PATH, get(list_models).fallback(|| async { method_not_allowed("GET, HEAD") }))
        .route(
            AUTOFIX_PATH,
            get(get_fix_state)
                .post(start_fix)
                .fallback(|| async { method_not_allowed("GET, HEAD, POST") }),
        )
        .fallback(not_found)
        // Applied last so that it also wraps the fallbacks: rejected and
        // unrouted requests must be recorded too.
        .layer(middleware::from_fn_with_state(shared.clone(), record))
        .with_state(shared)
}

/// Buffers the body so it can be both recorded and handed to the handler,
/// and records the request before handling so the log keeps arrival order
/// even when requests overlap.
async fn record(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let mut recorded = RecordedRequest {
        method: parts.method.as_str().to_owned(),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().map(str::to_owned),
        headers: parts
            .headers
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_ascii_lowercase(),
                    String::from_utf8_lossy(value.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body: Vec::new(),
        status: 0,
    };

    let declared_too_large = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok())
        .is_some_and(|len| len > MAX_BODY_BYTES);
    let bytes = if declared_too_large {
        Err(detail(StatusCode::PAYLOAD_TOO_LARGE, "Request body is too large."))
    } else {
        to_bytes(body, MAX_BODY_BYTES).await.map_err(|e| {
            if is_length_limit(&e) {
                detail(StatusCode::PAYLOAD_TOO_LARGE, "Request body is too large.")
            } else {
                detail(StatusCode::BAD_REQUEST, &format!("Could not read request body: {e}"))
            }
        })
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(response) => {
            recorded.status = response.status().as_u16();
            shared.lock().requests.push(recorded);
            return response;
        }
    };

    recorded.body = bytes.to_vec();
    let index = {
        let mut state = shared.lock();
        state.requests.push(recorded);
        state.requests.len() - 1
    };
    let response = next.run(Request::from_parts(parts, Body::from(bytes))).await;
    if let Some(entry) = shared.lock().requests.get_mut(index) {
        entry.status = response.status().as_u16();
    }
    response
}

/// `to_bytes` reports the limit only as an opaque error whose source is
/// http-body-util's `LengthLimitError`; matching its message avoids a direct
/// dependency on that crate just to downcast.
pub(crate) fn is_length_limit(error: &axum::Error) -> bool {
    let mut current: Option<&dyn std::error::Error> = Some(error);
    while let Some(e) = current {
        if e.to_string().contains("length limit exceeded") {
            return true;
        }
        current = e.source();
    }
    false
}

async fn list_models(State(shared): State<Arc<Shared>>, headers: HeaderMap, org: Result<Path<String>, PathRejection>) -> Response {
    if let Some(response) = preamble(&shared, Route::ListModels, &headers) {
        return response;
    }
    if let Err(rejection) = org {
        return bad_path(rejection);
    }
    (StatusCode::OK, axum::Json(shared.scenario.models.clone())).into_response()
}

async fn start_fix(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    issue: Result<Path<String>, PathRejection>,
    body: Bytes,
) -> Response {
    if let Some(response) = preamble(&shared, Route::StartFix, &headers) {
        return response;
    }
    let issue_id = match issue {
        Ok(Path(id)) => id,
        Err(rejection) => return bad_path(rejection),
    };
    if let Err(message) = validate_start_body(&body) {
        return detail(StatusCode::BAD_REQUEST, &message);
    }
    if shared.scenario.unknown_issues.contains(&issue_id) {
        return detail(StatusCode::NOT_FOUND, "The requested resource does not exist");
    }
    shared.lock().polls.insert(issue_id.clone(), 0);
    if let Some(hooks) = shared.scenario.webhooks.clone() {
        tokio::spawn(super::webhooks::send(shared.clone(), hooks, issue_id));
    }
    let state = fix_state("pending", shared.scenario.fix.as_ref());
    (StatusCode::ACCEPTED, axum::Json(json!({ "autofix": state }))).into_response()
}

async fn get_fix_state(State(shared): State<Arc<Shared>>, headers: HeaderMap, issue: Result<Path<String>, PathRejection>) -> Response {
    if let Some(response) = preamble(&shared, Route::GetFixState, &headers) {
        return response;
    }
    let issue_id = match issue {
        Ok(Path(id)) => id,
        Err(rejection) => return bad_path(rejection),
    };
    let poll = shared.lock().polls.get_mut(&issue_id).map(|count| {
        let poll = *count;
        *count = count.saturating_add(1);
        poll
    });
    let Some(poll) = poll else {
        return detail(StatusCode::NOT_FOUND, "No Seer autofix has been started for this issue.");
    };
    let statuses = &shared.scenario.statuses;
    let status = statuses.get(poll).or(statuses.last()).copied().unwrap_or("pending");
    let state = fix_state(status, shared.scenario.fix.as_ref());
    (StatusCode::OK, axum::Json(json!({ "autofix": state }))).into_response()
}

/// Injection first, then authentication: see [`Injection`] for why.
fn preamble(shared: &Shared, route: Route, headers: &HeaderMap) -> Option<Response> {
    if let Some(answer) = shared.take_injection(route) {
        return Some(injected(answer));
    }
    let expected = shared.scenario.token.as_deref()?;
    if bearer_token(headers) == Some(expected) {
        None
    } else {
        Some(detail(StatusCode::UNAUTHORIZED, "Invalid token."))
    }
}

/// The auth scheme is case-insensitive per RFC 9110; the token is not.
fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then_some(token)
}

/// Accepts what the real endpoint accepts: no body, or an object whose
/// optional `instruction` is a string (or null, which some serializers emit
/// for absent options). Unknown fields are ignored like the real API does.
fn validate_start_body(body: &[u8]) -> Result<(), String> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(());
    }
    let value: Value = serde_json::from_slice(body).map_err(|e| format!("Malformed JSON body: {e}"))?;
    let Value::Object(fields) = value else {
        return Err("Request body must be a JSON object.".to_owned());
    };
    match fields.get("instruction") {
        None | Some(Value::Null) | Some(Value::String(_)) => Ok(()),
        Some(_) => Err("instruction: Not a valid string.".to_owned()),
    }
}

/// Builds the STATE object for a status. Steps mirror the two phases Seer
/// reports (root cause, then solution) so clients that walk `steps` see
/// realistic progress.
pub(crate) fn fix_state(status: &str, fix: Option<&(String, Option<String>)>) -> Value {
    let completed = status == "completed";
    let solution_message = if fix.is_some() {
        "Proposed a code change that fixes the issue."
    } else {
        "Seer did not propose a code change."
    };
    let root_cause_message = "Identified the root cause of the issue.";
    let (root_cause, solution) = match status {
        "pending" => (("pending", None), ("pending", None)),
        "processing" => (("processing", None), ("pending", None)),
        "completed" => (("completed", Some(root_cause_message)), ("completed", Some(solution_message))),
        "error" => (("completed", Some(root_cause_message)), ("error", None)),
        other => ((other, None), ("pending", None)),
    };
    let step = |id: &str, title: &str, (status, message): (&str, Option<&str>)| json!({ "id": id, "title": title, "status": status, "completedMessage": message });
    let fix = match fix {
        Some((title, pr_url)) if completed => json!({
            "title": title,
            "description": "Guard against a missing cart before reading its total.",
            "pr_url": pr_url,
        }),
        _ => Value::Null,
    };
    let completed_at = if completed || status == "error" {
        Value::from(COMPLETED_AT)
    } else {
        Value::Null
    };
    json!({
        "status": status,
        "createdAt": CREATED_AT,
        "completedAt": completed_at,
        "steps": [
            step("root_cause_analysis", "Root Cause Analysis", root_cause),
            step("solution", "Solution", solution),
        ],
        "fix": fix,
    })
}

fn injected(answer: Answer) -> Response {
    match answer {
        Answer::Status { status, body } => {
            // An out-of-range status in a scenario is a test bug; make it loud
            // with a 500 rather than panicking inside the server.
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            if body.is_null() {
                status.into_response()
            } else {
                (status, axum::Json(body)).into_response()
            }
        }
        Answer::RateLimited { retry_after_secs } => {
            let mut response = detail(
                StatusCode::TOO_MANY_REQUESTS,
                &format!("Request was throttled. Expected available in {retry_after_secs} seconds."),
            );
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
            response
        }
    }
}

fn bad_path(rejection: PathRejection) -> Response {
    detail(
        StatusCode::BAD_REQUEST,
        &format!("Invalid path parameter: {}", rejection.body_text()),
    )
}

fn method_not_allowed(allow: &'static str) -> Response {
    let mut response = detail(StatusCode::METHOD_NOT_ALLOWED, "Method not allowed.");
    response.headers_mut().insert(header::ALLOW, HeaderValue::from_static(allow));
    response
}

async fn not_found() -> Response {
    detail(StatusCode::NOT_FOUND, "The requested resource does not exist")
}

/// Sentry (Django REST framework) reports errors as `{"detail": "..."}`.
fn detail(status: StatusCode, message: &str) -> Response {
    (status, axum::Json(json!({ "detail": message }))).into_response()
}
