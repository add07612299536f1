//! Request handling for the live fake: real routes, Sentry's answers and headers.
//!
//! Plain axum over `serde_json::Value`, never the generated types, so a misreading of
//! the live description cannot be shared by client and fake.

use super::scenario::{Answer, Injection, Route, Scenario, Shape};
use crate::fake_seer::RecordedRequest;
use axum::Router;
use axum::body::{Body, Bytes, to_bytes};
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

const MAX_BODY_BYTES: usize = 1024 * 1024;
const MODELS_PATH: &str = "/api/0/seer/models/";
const AUTOFIX_PATH: &str = "/api/0/organizations/{organization_id_or_slug}/issues/{issue_id}/autofix/";
/// The seed description's paths, served only with [`Scenario::seed_paths`].
const SEED_MODELS_PATH: &str = "/api/0/organizations/{organization_id_or_slug}/seer/models/";
const SEED_AUTOFIX_PATH: &str = "/api/0/issues/{issue_id}/seer/autofix/";
/// Concurrent requests Sentry's middleware allows per endpoint in this fake.
const CONCURRENT_LIMIT: u32 = 15;
/// Fixed so outputs never depend on the clock.
pub const UPDATED_AT: &str = "2026-08-16T10:00:00.000000";
/// The numeric run id a start reports (the first; later starts count up).
pub const FIRST_RUN_ID: u64 = 812_345;

pub(crate) struct Shared {
    pub(crate) scenario: Scenario,
    state: Mutex<Mutable>,
}

#[derive(Default)]
struct Mutable {
    requests: Vec<RecordedRequest>,
    injections: Vec<Injection>,
    /// Per started issue: (run id, polls served, asked for an open PR).
    runs: HashMap<String, (u64, usize, bool)>,
    next_run: u64,
    /// Per route: (window start, epoch seconds; requests in the window).
    windows: HashMap<Route, (u64, u32)>,
    in_flight: u32,
}

impl Shared {
    pub(crate) fn new(scenario: Scenario) -> Self {
        let injections = scenario.injections.iter().filter(|i| i.times > 0).cloned().collect();
        Shared {
            scenario,
            state: Mutex::new(Mutable {
                injections,
                next_run: FIRST_RUN_ID,
                ..Mutable::default()
            }),
        }
    }

    /// A panicking test must not poison every later assertion; no invariant spans an unlock.
    fn lock(&self) -> MutexGuard<'_, Mutable> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
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
    let mut router = Router::new()
        .route(MODELS_PATH, get(list_models).fallback(method_not_allowed))
        .route(AUTOFIX_PATH, get(get_fix_state).post(start_fix).fallback(method_not_allowed));
    if shared.scenario.seed_paths {
        router = router.route(SEED_MODELS_PATH, get(list_models).fallback(method_not_allowed)).route(
            SEED_AUTOFIX_PATH,
            get(|state, headers, Path(issue): Path<String>| get_fix_state(state, headers, Path((String::new(), issue))))
                .post(|state, headers, Path(issue): Path<String>, body| start_fix(state, headers, Path((String::new(), issue)), body))
                .fallback(method_not_allowed),
        );
    }
    router
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(shared.clone(), around))
        .with_state(shared)
}

fn now_epoch() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// The route a method and raw path address, as the router matches them (the seed's
/// paths only when the scenario serves them).
pub(crate) fn route_of(method: &str, path: &str, seed_paths: bool) -> Option<Route> {
    let segments: Vec<&str> = path.strip_prefix('/')?.split('/').collect();
    match (method, segments.as_slice()) {
        ("GET" | "HEAD", ["api", "0", "seer", "models", ""]) => Some(Route::ListModels),
        ("GET" | "HEAD", ["api", "0", "organizations", org, "seer", "models", ""]) if seed_paths && !org.is_empty() => {
            Some(Route::ListModels)
        }
        ("POST", ["api", "0", "issues", issue, "seer", "autofix", ""]) if seed_paths && !issue.is_empty() => Some(Route::StartFix),
        ("GET" | "HEAD", ["api", "0", "issues", issue, "seer", "autofix", ""]) if seed_paths && !issue.is_empty() => {
            Some(Route::GetFixState)
        }
        ("POST", ["api", "0", "organizations", org, "issues", issue, "autofix", ""]) if !org.is_empty() && !issue.is_empty() => {
            Some(Route::StartFix)
        }
        ("GET" | "HEAD", ["api", "0", "organizations", org, "issues", issue, "autofix", ""]) if !org.is_empty() && !issue.is_empty() => {
            Some(Route::GetFixState)
        }
        _ => None,
    }
}

/// Records every request (unrouted ones too), answers injections and Sentry's own rate
/// limit before the handler, and puts the rate-limit headers on every routed answer, as
/// Sentry's middleware does.
async fn around(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let mut recorded = RecordedRequest {
        method: parts.method.as_str().to_owned(),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().map(str::to_owned),
        headers: parts
            .headers
            .iter()
            .map(|(n, v)| (n.as_str().to_ascii_lowercase(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
            .collect(),
        body: Vec::new(),
        status: 0,
    };
    let bytes = match to_bytes(body, MAX_BODY_BYTES).await {
        Ok(bytes) => bytes,
        Err(_) => {
            let response = detail(StatusCode::PAYLOAD_TOO_LARGE, "Request body is too large.");
            recorded.status = response.status().as_u16();
            shared.lock().requests.push(recorded);
            return response;
        }
    };
    recorded.body = bytes.to_vec();
    let route = route_of(parts.method.as_str(), parts.uri.path(), shared.scenario.seed_paths);
    let (index, window) = {
        let mut state = shared.lock();
        state.requests.push(recorded);
        let index = state.requests.len() - 1;
        let window = route.map(|route| {
            let (limit, seconds) = route.limit();
            let now = now_epoch();
            let entry = state.windows.entry(route).or_insert((now, 0));
            if now >= entry.0 + seconds {
                *entry = (now, 0);
            }
            entry.1 = entry.1.saturating_add(1);
            let (start, count) = *entry;
            state.in_flight += 1;
            let concurrent_remaining = CONCURRENT_LIMIT.saturating_sub(state.in_flight);
            (limit, seconds, start + seconds, count, concurrent_remaining)
        });
        (index, window)
    };
    let Some((route, (limit, seconds, reset, count, concurrent_remaining))) = route.zip(window) else {
        // Unrouted: Sentry's catch-all answers 404 with an empty body.
        let response = next.run(Request::from_parts(parts, Body::from(bytes))).await;
        return finish(&shared, index, response);
    };
    let (mut response, remaining, reset) = match shared.take_injection(route) {
        Some(Answer::Status { status, body }) => (status_answer(status, body), limit.saturating_sub(count), reset),
        Some(Answer::RateLimited { reset_in_secs }) => (too_many(limit, seconds), 0, now_epoch() + reset_in_secs),
        None if count > limit => (too_many(limit, seconds), 0, reset),
        None => (
            next.run(Request::from_parts(parts, Body::from(bytes))).await,
            limit.saturating_sub(count),
            reset,
        ),
    };
    shared.lock().in_flight -= 1;
    let headers = response.headers_mut();
    for (name, value) in [
        ("x-sentry-rate-limit-limit", u64::from(limit)),
        ("x-sentry-rate-limit-remaining", u64::from(remaining)),
        ("x-sentry-rate-limit-reset", reset),
        ("x-sentry-rate-limit-concurrentlimit", u64::from(CONCURRENT_LIMIT)),
        ("x-sentry-rate-limit-concurrentremaining", u64::from(concurrent_remaining)),
    ] {
        headers.insert(HeaderName::from_static(name), HeaderValue::from(value));
    }
    finish(&shared, index, response)
}

fn finish(shared: &Shared, index: usize, response: Response) -> Response {
    if let Some(entry) = shared.lock().requests.get_mut(index) {
        entry.status = response.status().as_u16();
    }
    response
}

/// Sentry's 429: `detail` naming the limit, and no `Retry-After`.
fn too_many(limit: u32, seconds: u64) -> Response {
    detail(
        StatusCode::TOO_MANY_REQUESTS,
        &format!("You are attempting to use this endpoint too frequently. Limit is {limit} requests in {seconds} seconds"),
    )
}

fn status_answer(status: u16, body: Value) -> Response {
    // An out-of-range status in a scenario is a test bug: a loud 500, not a panic.
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    if body.is_null() {
        status.into_response()
    } else {
        (status, axum::Json(body)).into_response()
    }
}

async fn list_models(State(shared): State<Arc<Shared>>) -> Response {
    (StatusCode::OK, axum::Json(shared.scenario.models.clone())).into_response()
}

/// Token, then the issue: Sentry authenticates before it looks anything up.
fn admit(shared: &Shared, headers: &HeaderMap, issue: &str) -> Option<Response> {
    if let Some(expected) = shared.scenario.token.as_deref()
        && bearer_token(headers) != Some(expected)
    {
        return Some(detail(StatusCode::UNAUTHORIZED, "Invalid token."));
    }
    if shared.scenario.unknown_issues.iter().any(|u| u == issue) {
        return Some(detail(StatusCode::NOT_FOUND, "The requested resource does not exist"));
    }
    None
}

fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then_some(token)
}

async fn start_fix(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Path((_org, issue)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    if let Some(refused) = admit(&shared, &headers, &issue) {
        return refused;
    }
    let open_pr = match read_start_body(&body) {
        Ok(open_pr) => open_pr,
        Err(errors) => return (StatusCode::BAD_REQUEST, axum::Json(errors)).into_response(),
    };
    if let Some((status, message)) = &shared.scenario.refuse_start {
        let status = StatusCode::from_u16(*status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        return detail(status, message);
    }
    let run_id = {
        let mut state = shared.lock();
        let run_id = state.next_run;
        state.next_run += 1;
        state.runs.insert(issue, (run_id, 0, open_pr));
        run_id
    };
    let sentry_run_id = format!("f47ac10b-58cc-4372-a567-{run_id:012x}");
    (
        StatusCode::ACCEPTED,
        axum::Json(json!({ "run_id": run_id, "sentry_run_id": sentry_run_id })),
    )
        .into_response()
}

/// The agent-era serializer: unknown fields ignored, choices and types checked, errors
/// as DRF's `{field: [message]}`. Returns whether the run goes on to open a PR.
fn read_start_body(body: &[u8]) -> Result<bool, Value> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(false);
    }
    let value: Value = serde_json::from_slice(body).map_err(|e| json!({ "detail": format!("JSON parse error - {e}") }))?;
    let Value::Object(fields) = value else {
        return Err(json!({ "non_field_errors": ["Invalid data. Expected a dictionary, but got list."] }));
    };
    let mut errors = serde_json::Map::new();
    let choice = |name: &str, choices: &[&str], errors: &mut serde_json::Map<String, Value>| match fields.get(name) {
        None => None,
        Some(Value::String(s)) if choices.contains(&s.as_str()) => Some(s.clone()),
        Some(other) => {
            errors.insert(name.to_owned(), json!([format!("{other} is not a valid choice.")]));
            None
        }
    };
    let stopping_point = choice(
        "stopping_point",
        &["root_cause", "solution", "code_changes", "open_pr"],
        &mut errors,
    );
    choice(
        "step",
        &[
            "root_cause",
            "solution",
            "code_changes",
            "pr_iteration",
            "open_pr",
            "coding_agent_handoff",
        ],
        &mut errors,
    );
    match fields.get("user_context") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if s.chars().count() <= 1000 => {}
        Some(Value::String(_)) => {
            errors.insert(
                "user_context".to_owned(),
                json!(["Ensure this field has no more than 1000 characters."]),
            );
        }
        Some(_) => {
            errors.insert("user_context".to_owned(), json!(["Not a valid string."]));
        }
    }
    if errors.is_empty() {
        Ok(stopping_point.as_deref() == Some("open_pr"))
    } else {
        Err(Value::Object(errors))
    }
}

async fn get_fix_state(State(shared): State<Arc<Shared>>, headers: HeaderMap, Path((_org, issue)): Path<(String, String)>) -> Response {
    if let Some(refused) = admit(&shared, &headers, &issue) {
        return refused;
    }
    let run = shared.lock().runs.get_mut(&issue).map(|(run_id, polls, open_pr)| {
        let poll = *polls;
        *polls = polls.saturating_add(1);
        (*run_id, poll, *open_pr)
    });
    let scenario = &shared.scenario;
    let state = match run {
        // Before any start, and while the run is not recorded yet: `{"autofix": null}`.
        None => Value::Null,
        Some((_, poll, _)) if poll < scenario.null_polls => Value::Null,
        Some((run_id, poll, open_pr)) => {
            let index = poll - scenario.null_polls;
            let status = scenario
                .statuses
                .get(index)
                .or(scenario.statuses.last())
                .map_or("processing", String::as_str);
            let pr = if open_pr && status.eq_ignore_ascii_case("completed") {
                scenario.pr.as_ref()
            } else {
                None
            };
            match scenario.shape {
                Shape::Agent => agent_state(run_id, status, pr),
                Shape::Legacy => legacy_state(run_id, status, pr),
            }
        }
    };
    (StatusCode::OK, axum::Json(json!({ "autofix": state }))).into_response()
}

/// The agent-based `SeerRunState`.
pub(crate) fn agent_state(run_id: u64, status: &str, pr: Option<&(String, String)>) -> Value {
    let mut repo_pr_states = serde_json::Map::new();
    if let Some((title, url)) = pr {
        repo_pr_states.insert(
            super::scenario::DEFAULT_REPO.to_owned(),
            json!({
                "repo_name": super::scenario::DEFAULT_REPO,
                "branch_name": "seer/fix-missing-cart",
                "pr_number": 42,
                "pr_url": url,
                "pr_id": 2_468_013_579_u64,
                "commit_sha": "4ebb4f342e308fda87d6ccb3cced25f2701bd60c",
                "pr_creation_status": "completed",
                "title": title,
                "description": "Guard against a missing cart before reading its total.",
            }),
        );
    }
    let pending_user_input = if status == "awaiting_user_input" {
        json!({ "question": "Which repository should the fix go to?" })
    } else {
        Value::Null
    };
    json!({
        "run_id": run_id,
        "status": status,
        "blocks": [
            { "id": "b-0", "type": "root_cause", "message": { "role": "assistant", "content": "Identified the root cause." } }
        ],
        "updated_at": UPDATED_AT,
        "pending_user_input": pending_user_input,
        "repo_pr_states": repo_pr_states,
        "coding_agents": {},
    })
}

/// The legacy `AutofixState`; a PR comes from a coding agent's results.
pub(crate) fn legacy_state(run_id: u64, status: &str, pr: Option<&(String, String)>) -> Value {
    let mut coding_agents = serde_json::Map::new();
    if let Some((title, url)) = pr {
        coding_agents.insert(
            "agent-1".to_owned(),
            json!({
                "id": "agent-1",
                "status": "completed",
                "name": "Seer",
                "provider": "github",
                "results": [{
                    "description": title,
                    "repo_full_name": super::scenario::DEFAULT_REPO,
                    "branch_name": "seer/fix-missing-cart",
                    "pr_url": url,
                }],
            }),
        );
    }
    let done = matches!(status, "COMPLETED" | "ERROR" | "CANCELLED");
    json!({
        "run_id": run_id,
        "request": { "organization_id": 1, "project_id": 2, "repos": [] },
        "updated_at": UPDATED_AT,
        "status": status,
        "codebases": {},
        "steps": [{
            "id": "0872381c-7d71-46cd-a62b-fbc196846965",
            "index": 0,
            "key": "root_cause_analysis_processing",
            "status": if done { "COMPLETED" } else { "PROCESSING" },
            "title": "Analyzing the Issue",
            "progress": [],
        }],
        "coding_agents": coding_agents,
        "last_triggered_at": UPDATED_AT,
        "completed_at": if done { Value::from(UPDATED_AT) } else { Value::Null },
        "repositories": [],
    })
}

/// DRF's answer to a method the route does not have.
async fn method_not_allowed(method: Method) -> Response {
    detail(StatusCode::METHOD_NOT_ALLOWED, &format!("Method \"{method}\" not allowed."))
}

/// Sentry's catch-all for unknown API routes: 404 with an empty body.
async fn not_found() -> Response {
    StatusCode::NOT_FOUND.into_response()
}

/// Sentry (Django REST framework) reports errors as `{"detail": "..."}`.
fn detail(status: StatusCode, message: &str) -> Response {
    (status, axum::Json(json!({ "detail": message }))).into_response()
}
