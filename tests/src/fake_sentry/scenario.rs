//! The script a [`FakeSentry`](super::FakeSentry) follows.
//!
//! Like the seed fake's scenario: everything a test varies (which status
//! vocabulary, how many polls find no run yet, a refused start, a rate limit)
//! is plain data declared before the server starts.

use serde_json::{Value, json};

/// Bearer token the default scenario expects.
pub const DEFAULT_TOKEN: &str = "sntrys_fake-live-token";

/// The repository the default fix opens its pull request in (`repo_pr_states` key).
pub const DEFAULT_REPO: &str = "acme/shop";

/// Title of the pull request the default scenario opens.
pub const DEFAULT_PR_TITLE: &str = "fix: Guard against a missing cart in checkout";

/// URL of the pull request the default scenario opens.
pub const DEFAULT_PR_URL: &str = "https://github.com/acme/shop/pull/42";

/// Sentry's 402 when the organization has no Seer budget.
pub const NO_BUDGET: &str = "No budget for Seer Autofix.";

/// Sentry's 403 when the project has Autofix turned off.
pub const AI_DISABLED: &str = "AI Autofix is not enabled for this project.";

/// Which `autofix` object the fake serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// The agent-based `SeerRunState` (2026-05-26 on): `blocks`, `pending_user_input`,
    /// `repo_pr_states` keyed by repository; lower-case statuses.
    Agent,
    /// The legacy `AutofixState`: `request`, `steps`, `codebases`, `coding_agents`,
    /// `repositories`; upper-case statuses. The pull request is reported by a coding agent
    /// (`coding_agents.*.results[].pr_url`).
    Legacy,
}

/// Everything that decides how the fake answers.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// Expected bearer token on the autofix routes (401 `{"detail":"Invalid token."}`
    /// otherwise); `None` disables the check. The models route checks none: Sentry's
    /// endpoint has no permission classes.
    pub token: Option<String>,
    /// The `GET /api/0/seer/models/` body, verbatim.
    pub models: Value,
    pub shape: Shape,
    /// Polls after a start that still answer `{"autofix": null}` (the run not recorded yet).
    pub null_polls: usize,
    /// Statuses of successive polls after those; the last repeats. Written as the
    /// server spells them, so either vocabulary (or a new word) can be scripted.
    pub statuses: Vec<String>,
    /// `(title, url)` of the pull request reported once the status is completed and the
    /// start asked for `stopping_point: open_pr`; `None`: no pull request.
    pub pr: Option<(String, String)>,
    /// Every start is refused with this status and `{"detail": message}` (402, 403).
    pub refuse_start: Option<(u16, String)>,
    /// Issue ids for which the autofix routes answer 404 `{"detail": ...}`.
    pub unknown_issues: Vec<String>,
    /// Scripted answers in front of the application, consumed in order.
    pub injections: Vec<Injection>,
    /// Also serve the same answers at the seed description's paths
    /// (`/api/0/organizations/{org}/seer/models/`, `/api/0/issues/{id}/seer/autofix/`).
    /// Sentry has no such routes (they answer its empty 404); this shows what the seed
    /// workflow makes of the live bodies.
    pub seed_paths: bool,
}

impl Default for Scenario {
    fn default() -> Self {
        Self::agent()
    }
}

impl Scenario {
    /// Agent-based answers: one `null` poll, `processing`, then `completed` with a PR.
    pub fn agent() -> Self {
        Scenario {
            token: Some(DEFAULT_TOKEN.to_owned()),
            models: default_models(),
            shape: Shape::Agent,
            null_polls: 1,
            statuses: vec!["processing".to_owned(), "completed".to_owned()],
            pr: Some((DEFAULT_PR_TITLE.to_owned(), DEFAULT_PR_URL.to_owned())),
            refuse_start: None,
            unknown_issues: Vec::new(),
            injections: Vec::new(),
            seed_paths: false,
        }
    }

    /// Legacy answers: `PROCESSING`, then `COMPLETED` with a coding agent's PR.
    pub fn legacy() -> Self {
        Scenario {
            shape: Shape::Legacy,
            null_polls: 0,
            statuses: vec!["PROCESSING".to_owned(), "COMPLETED".to_owned()],
            ..Self::agent()
        }
    }

    /// Starts are refused with 402 "No budget for Seer Autofix.".
    pub fn no_budget() -> Self {
        Self::agent().refusing_start(402, NO_BUDGET)
    }

    /// Starts are refused with 403 "AI Autofix is not enabled for this project.".
    pub fn ai_disabled() -> Self {
        Self::agent().refusing_start(403, AI_DISABLED)
    }

    pub fn refusing_start(mut self, status: u16, detail: impl Into<String>) -> Self {
        self.refuse_start = Some((status, detail.into()));
        self
    }

    pub fn with_statuses<S: Into<String>>(mut self, statuses: impl IntoIterator<Item = S>) -> Self {
        self.statuses = statuses.into_iter().map(Into::into).collect();
        self
    }

    pub fn with_null_polls(mut self, polls: usize) -> Self {
        self.null_polls = polls;
        self
    }

    pub fn with_token(mut self, token: Option<impl Into<String>>) -> Self {
        self.token = token.map(Into::into);
        self
    }

    pub fn with_pr(mut self, pr: Option<(String, String)>) -> Self {
        self.pr = pr;
        self
    }

    pub fn with_unknown_issue(mut self, issue_id: impl Into<String>) -> Self {
        self.unknown_issues.push(issue_id.into());
        self
    }

    /// See [`Scenario::seed_paths`].
    pub fn with_seed_paths(mut self) -> Self {
        self.seed_paths = true;
        self
    }

    pub fn with_injection(mut self, injection: Injection) -> Self {
        self.injections.push(injection);
        self
    }
}

/// The default models body: `{"models": [string]}`, as sentry.io answers.
pub fn default_models() -> Value {
    json!({ "models": ["claude-sonnet-4-5", "gemini-2.5-flash"] })
}

/// The three documented operations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Route {
    /// GET `/api/0/seer/models/`
    ListModels,
    /// POST `/api/0/organizations/{org}/issues/{issue_id}/autofix/`
    StartFix,
    /// GET `/api/0/organizations/{org}/issues/{issue_id}/autofix/`
    GetFixState,
}

impl Route {
    /// Sentry's rate limit for the route: (requests, window in seconds), per IP.
    pub fn limit(self) -> (u32, u64) {
        match self {
            Route::ListModels => (100, 60),
            Route::StartFix => (25, 60),
            Route::GetFixState => (1024, 60),
        }
    }
}

/// Replaces the answer of the next `times` requests to `route` (no side effects: an
/// injected start starts nothing, an injected poll does not advance the script).
#[derive(Debug, Clone)]
pub struct Injection {
    pub route: Route,
    pub times: usize,
    pub answer: Answer,
}

impl Injection {
    /// `status` with a JSON `body` (`Value::Null`: an empty body).
    pub fn status(route: Route, status: u16, body: Value) -> Self {
        Injection {
            route,
            times: 1,
            answer: Answer::Status { status, body },
        }
    }

    /// A 429 whose `X-Sentry-Rate-Limit-Reset` is `reset_in_secs` from now (epoch
    /// seconds, no `Retry-After`), with Sentry's `detail`.
    pub fn rate_limited(route: Route, reset_in_secs: u64) -> Self {
        Injection {
            route,
            times: 1,
            answer: Answer::RateLimited { reset_in_secs },
        }
    }

    pub fn times(mut self, times: usize) -> Self {
        self.times = times;
        self
    }
}

/// What an injection answers.
#[derive(Debug, Clone)]
pub enum Answer {
    Status { status: u16, body: Value },
    RateLimited { reset_in_secs: u64 },
}
