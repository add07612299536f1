//! A typed client for the Sentry Seer API and its `seer-autofix-issue` workflow, generated at
//! build time from the Arazzo and OpenAPI documents in `specs/` (see `build.rs`).
//!
//! ```no_run
//! # async fn run() -> Result<(), arazzo::WorkflowError> {
//! let client = seer_sdk::seer_api::Client::new(seer_sdk::seer_api::DEFAULT_BASE_URL).with_bearer_token("sntrys_...");
//! let outputs = seer_sdk::Workflows::new(client)
//!     .seer_autofix_issue(seer_sdk::SeerAutofixIssueInputs {
//!         organization_id_or_slug: "acme".into(),
//!         issue_id: "42".into(),
//!         instruction: None,
//!     })
//!     .await?;
//! println!("{} {:?}", outputs.status, outputs.pr_url);
//! # Ok(())
//! # }
//! ```

include!(concat!(env!("OUT_DIR"), "/seer.rs"));
