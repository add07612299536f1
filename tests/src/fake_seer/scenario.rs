//! The script a [`FakeSeer`](super::FakeSeer) follows.
//!
//! Tests need to steer the fake into specific situations (a fix that errors,
//! a flaky gateway, a rate limit, an issue that does not exist) without
//! touching the server's internals, so everything that varies between tests
//! is plain data declared up front.

use serde_json::{Value, json};

/// Bearer token the default scenario expects, so tests and examples can share it.
pub const DEFAULT_TOKEN: &str = "test-token";

/// Title of the fix the default scenario reports once an autofix completes.
pub const DEFAULT_FIX_TITLE: &str = "Fix null deref in checkout";

/// Pull-request URL of the fix the default scenario reports.
pub const DEFAULT_PR_URL: &str = "https://github.com/acme/shop/pull/42";

/// Everything that decides how the fake answers.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// Expected bearer token. `Some(t)`: every request without
    /// `Authorization: Bearer t` is answered 401 `{"detail":"Invalid token."}`.
    /// `None`: authentication is not checked at all.
    pub token: Option<String>,
    /// Body returned verbatim by listSeerModels.
    pub models: Value,
    /// Statuses returned by successive polls of an issue's fix state after a
    /// start; the last one repeats forever. An empty list means the fix stays
    /// `"pending"`.
    pub statuses: Vec<&'static str>,
    /// `(title, pr_url)` reported once a fix reaches `"completed"`; `None`
    /// means the fix completes without proposing a change.
    pub fix: Option<(String, Option<String>)>,
    /// Scripted misbehaviour, consumed in order; see [`Injection`].
    pub injections: Vec<Injection>,
    /// Issue ids (decoded) for which starting a fix answers 404.
    pub unknown_issues: Vec<String>,
    /// Where to post Seer webhooks after an autofix starts (see [`Webhooks`]); `None`: none.
    pub webhooks: Option<Webhooks>,
}

/// Seer webhooks the fake posts, as Sentry does to an integration's webhook URL, after an
/// autofix starts: each event of `events` in order, `delay` apart, each a POST of
/// `{action, installation, data: {run_id, group_id, ...}, actor}` with
/// `Sentry-Hook-Resource: seer`. Once `pr_created` is posted the fix state reads as the
/// scenario's last status (the run is done), so one poll afterwards sees it.
#[derive(Debug, Clone)]
pub struct Webhooks {
    /// The receiver's URL (`http://127.0.0.1:PORT/sentry/webhooks`): plain HTTP only.
    pub url: String,
    pub delay: std::time::Duration,
    /// Event names without the `seer.` prefix (`root_cause_completed`, `pr_created`).
    pub events: Vec<&'static str>,
    /// The issue id the webhooks name as `data.group_id`; `None`: the started issue's.
    pub group_id: Option<String>,
}

impl Webhooks {
    /// All four Seer events a finished run sends, 50 ms apart.
    pub fn to(url: impl Into<String>) -> Self {
        Webhooks {
            url: url.into(),
            delay: std::time::Duration::from_millis(50),
            events: vec!["root_cause_completed", "solution_completed", "coding_completed", "pr_created"],
            group_id: None,
        }
    }

    /// Names another issue in `data.group_id` (a webhook of somebody else's run).
    pub fn for_issue(mut self, group_id: impl Into<String>) -> Self {
        self.group_id = Some(group_id.into());
        self
    }
}

impl Default for Scenario {
    fn default() -> Self {
        Self {
            token: Some(DEFAULT_TOKEN.to_owned()),
            models: default_models(),
            statuses: vec!["processing", "completed"],
            fix: Some((DEFAULT_FIX_TITLE.to_owned(), Some(DEFAULT_PR_URL.to_owned()))),
            injections: Vec::new(),
            unknown_issues: Vec::new(),
            webhooks: None,
        }
    }
}

impl Scenario {
    /// A run that processes once and then completes with the default fix.
    pub fn completed() -> Self {
        Self::default()
    }

    /// A run that processes once and then fails without a fix.
    pub fn errored() -> Self {
        Self {
            statuses: vec!["processing", "error"],
            fix: None,
            ..Self::default()
        }
    }

    /// Appends an injection; injections for the same route fire in the order added.
    pub fn with_injection(mut self, injection: Injection) -> Self {
        self.injections.push(injection);
        self
    }

    /// Replaces the scripted poll statuses.
    pub fn with_statuses(mut self, statuses: impl IntoIterator<Item = &'static str>) -> Self {
        self.statuses = statuses.into_iter().collect();
        self
    }

    /// Replaces the expected bearer token (`None` disables the check).
    pub fn with_token(mut self, token: Option<impl Into<String>>) -> Self {
        self.token = token.map(Into::into);
        self
    }

    /// Disables the authentication check.
    pub fn without_auth(mut self) -> Self {
        self.token = None;
        self
    }

    /// Replaces the listSeerModels body.
    pub fn with_models(mut self, models: Value) -> Self {
        self.models = models;
        self
    }

    /// Replaces the fix reported on completion.
    pub fn with_fix(mut self, fix: Option<(String, Option<String>)>) -> Self {
        self.fix = fix;
        self
    }

    /// Marks an issue id (decoded form) as non-existent.
    pub fn with_webhooks(mut self, webhooks: Webhooks) -> Self {
        self.webhooks = Some(webhooks);
        self
    }

    pub fn with_unknown_issue(mut self, issue_id: impl Into<String>) -> Self {
        self.unknown_issues.push(issue_id.into());
        self
    }
}

/// The models the default scenario lists: one available, one not, so
/// workflows that filter on `isAvailable` have something to filter.
pub fn default_models() -> Value {
    json!([
        {
            "id": "seer-default",
            "name": "Seer Default",
            "description": "General-purpose model used for root cause analysis and fixes.",
            "isAvailable": true
        },
        {
            "id": "seer-large",
            "name": "Seer Large",
            "description": "Larger model for complex codebases; not enabled for this organization.",
            "isAvailable": false
        }
    ])
}

/// The three operations the fake serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Route {
    /// GET `/api/0/organizations/{organization_id_or_slug}/seer/models/`
    ListModels,
    /// POST `/api/0/issues/{issue_id}/seer/autofix/`
    StartFix,
    /// GET `/api/0/issues/{issue_id}/seer/autofix/`
    GetFixState,
}

impl Route {
    /// The OpenAPI operationId, handy in assertion messages.
    pub fn operation_id(self) -> &'static str {
        match self {
            Route::ListModels => "listSeerModels",
            Route::StartFix => "startSeerIssueFix",
            Route::GetFixState => "retrieveSeerIssueFixState",
        }
    }
}

/// Replaces the normal answer of the next `times` requests to `route`.
///
/// Injections win over everything else, including the authentication check,
/// because they model failures in front of the application (gateways, rate
/// limiters). An injected answer has no side effects: an injected StartFix
/// starts nothing and an injected GetFixState does not advance the poll
/// sequence, so retries observe the script exactly as if the failure had not
/// happened.
#[derive(Debug, Clone)]
pub struct Injection {
    pub route: Route,
    pub times: usize,
    pub answer: Answer,
}

impl Injection {
    /// Answers the next request to `route` with `status` and a JSON `body`.
    pub fn status(route: Route, status: u16, body: Value) -> Self {
        Self {
            route,
            times: 1,
            answer: Answer::Status { status, body },
        }
    }

    /// Answers the next request to `route` with a 429 and `Retry-After`.
    pub fn rate_limited(route: Route, retry_after_secs: u64) -> Self {
        Self {
            route,
            times: 1,
            answer: Answer::RateLimited { retry_after_secs },
        }
    }

    /// Repeats the injection for `times` consecutive matching requests.
    pub fn times(mut self, times: usize) -> Self {
        self.times = times;
        self
    }
}

/// What an injection answers.
#[derive(Debug, Clone)]
pub enum Answer {
    /// `status` with `body` as JSON; a `Value::Null` body sends no body at
    /// all, so empty error responses can be simulated too.
    Status { status: u16, body: Value },
    /// 429 with a `Retry-After: <secs>` header and a `{"detail": ...}` body.
    RateLimited { retry_after_secs: u64 },
}
