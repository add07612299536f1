//! A typed client for the Sentry Seer API and the `seer-autofix-issue`
//! workflow, generated at build time by `arazzo-codegen` from
//! `specs/arazzo/sentry-system-seer-autofix-issue-workflow.yml` and the
//! `OpenAPI` description it names.
//!
//! ```no_run
//! # async fn demo() -> Result<(), arazzo::WorkflowError> {
//! use sentry_seer::{seer_api, SeerAutofixIssueInputs, Workflows};
//!
//! let client = seer_api::Client::new("https://sentry.io/api/0").with_bearer_token("sntrys_...");
//! let outputs = Workflows::new(client)
//!     .seer_autofix_issue(SeerAutofixIssueInputs {
//!         organization_id_or_slug: "acme".into(),
//!         issue_id: "42".into(),
//!         instruction: None,
//!     })
//!     .await?;
//! println!("{:?} {:?}", outputs.status, outputs.pr_url);
//! # Ok(())
//! # }
//! ```
//!
//! The generated source is checked in at `golden/sentry_seer.rs` so that
//! reviewers see every change; `tests/golden.rs` fails when it is stale.

// Generated code is held to clippy's pedantic lints: the generator writes its own
// allow-list (each lint with its reason) at the top of every module it emits, and CI's
// `cargo clippy --workspace --all-targets -- -D warnings` fails on anything else. Set here,
// not in the workspace's lints, so only the crates holding generated code opt in.
#![warn(clippy::pedantic)]

include!(concat!(env!("OUT_DIR"), "/sentry_seer.rs"));

pub mod progress;

/// The same workflow (`seer-autofix-issue`) for the live Sentry API, generated from
/// `specs/arazzo/seer-autofix-live.arazzo.yml` and `specs/openapi/sentry-seer-live.openapi.yml`:
/// the routes, bodies and both status vocabularies sentry.io has (README, "Running against
/// sentry.io"). Its checked-in copy is `golden/sentry_seer_live.rs`.
///
/// ```no_run
/// # async fn demo() -> Result<(), arazzo::WorkflowError> {
/// use sentry_seer::live::{seer_live, SeerAutofixIssueInputs, Workflows};
///
/// let client = seer_live::Client::new("https://us.sentry.io").with_bearer_token("sntrys_...");
/// let outputs = Workflows::new(client)
///     .seer_autofix_issue(SeerAutofixIssueInputs {
///         organization_id_or_slug: "acme".into(),
///         issue_id: "42".into(),
///         instruction: None,
///     })
///     .await?;
/// println!("{:?} {:?}", outputs.status, outputs.pr_url);
/// # Ok(())
/// # }
/// ```
pub mod live {
    include!(concat!(env!("OUT_DIR"), "/sentry_seer_live.rs"));
}
