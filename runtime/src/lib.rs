//! `arazzo`: typed HTTP clients and compiled workflows from
//! [Arazzo](https://spec.openapis.org/arazzo/v1.0.1.html) and OpenAPI
//! descriptions, and what that generated code calls at run time.
//!
//! A user adds this one dependency. [`arazzo_workflow!`] reads the documents at
//! build time and expands to a client module per OpenAPI source (one async
//! method per operation) and a `Workflows` struct with one async method per
//! workflow; `serde`, `serde_json` and `reqwest` are re-exported because
//! generated code names them through `::arazzo::...` paths. Nothing here parses
//! YAML or depends on `syn`: the generator did that work at build time.
//!
//! ```no_run
//! mod seer {
//!     // The path is relative to the crate root (here, this workspace's `runtime/`).
//!     arazzo::arazzo_workflow!("../specs/arazzo/sentry-system-seer-autofix-issue-workflow.yml");
//! }
//!
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! let client = seer::seer_api::Client::new("https://sentry.io/api/0").with_bearer_token("token");
//!
//! // A typed operation: `?` stops on every status that is not a success; a
//! // documented error status is `ApiError::Documented` with its typed body.
//! let models = client.list_seer_models("acme").await?;
//! println!("HTTP {}: {} models", models.status(), models.len());
//!
//! // A workflow: every step, criterion and poll of the Arazzo document.
//! let outputs = seer::Workflows::new(client)
//!     .seer_autofix_issue(seer::SeerAutofixIssueInputs {
//!         organization_id_or_slug: "acme".into(),
//!         issue_id: "42".into(),
//!         instruction: None,
//!     })
//!     .await?;
//! println!("{} {:?}", outputs.status, outputs.pr_url);
//! # Ok(()) }
//! ```
//!
//! What the generated code returns and takes, all defined here:
//!
//! - operation results: [`ResponseValue`] (a success: the body, its status and
//!   headers), [`ApiError`] (a documented error status with its typed body, or
//!   a [`ClientError`]);
//! - workflow results: [`WorkflowError`], [`Outputs`];
//! - settings: [`RetryPolicy`] (transport retries, rate-limit resets), [`Limits`]
//!   (timeouts, body size, [`RedirectPolicy`]), [`PollPolicy`] (waits between polls,
//!   the run's deadline, which also bounds every request in flight), [`Auth`] and
//!   [`Secret`] (credentials that never print themselves);
//! - observing runs: [`Event`] (also sent to `tracing`);
//! - requests a description does not cover: [`HttpClient`], [`Request`],
//!   [`Exchange`]; uploads: [`FilePart`].
//!
//! # Cancellation
//!
//! Nothing here spawns a task: a workflow run and an operation call are plain futures
//! driven by the caller's executor. Dropping one at any await point (a `select!`, a
//! `tokio::time::timeout`) drops the request in flight with it: its connection is closed
//! (or, when the answer was complete, returned to the pool) and no retry or poll happens
//! afterwards. What a caller can assume of the server: a request whose future was dropped
//! may or may not have reached it. The transport itself never re-sends a `POST` or `PATCH`
//! after a timeout or a broken connection (only after a `429`, which says the server did not
//! act on it), so a retry never duplicates one that was half-sent.
//!
//! # Versions
//!
//! Generated code works with the `arazzo` release of the generator that
//! produced it, and only that one: it invokes a hidden macro of this crate with
//! the generator's version, which fails to compile, naming both versions, when
//! they differ. The generator (`arazzo-codegen`, `arazzo-macros`) and this
//! runtime are released together with the same version; while they are 0.x,
//! nothing else is promised about the code between them.
//!
//! # Features
//!
//! - `xpath` (off by default): evaluates `xpath` criteria and Selector Objects with `xee-xpath`.
//!   Without it, a document with either does not compile.
#![deny(missing_docs)]
#![warn(clippy::pedantic)]
#![allow(clippy::doc_markdown, reason = "the prose names OpenAPI, JSONPath and XPath as words")]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod client;
mod error;
mod event;
mod executor;
mod inbox;
mod limits;
mod multipart;
mod parsed;
mod payload;
mod poll;
mod response;
mod retry;
mod run;
mod secret;
mod style;
mod tls;
#[cfg(feature = "xpath")]
mod xpath;

pub use client::{ApiKeyLocation, Auth, Body, Exchange, HttpClient, Method, OnRetry, RawBody, RecordedExchange, Request, RetryNotice};
pub use error::{ApiError, ClientError, ResponseSchemaError, WorkflowError};
pub mod schema;
pub use event::{ActionKind, Event, Observer, WaitReason};
pub use executor::{Accept, Executor, InProcess, Scoped, current_executor, with_executor};
pub use inbox::{INBOX_CAPACITY, Inbox, MAX_MESSAGE_BYTES, Message, Rejected};
pub use schema::{SchemaChecks, SchemaMismatch};
/// The webhook receiver for `receive` steps (feature `webhook-server`).
#[cfg(feature = "webhook-server")]
#[cfg_attr(docsrs, doc(cfg(feature = "webhook-server")))]
pub mod webhook;
pub use limits::{Limits, OperationLimits, RedirectPolicy, TimeoutKind, is_credential_name};
pub use multipart::{FilePart, Part};
pub use poll::PollPolicy;
pub use response::ResponseValue;
pub use retry::RetryPolicy;
pub use run::{BoxFuture, MAX_DEPTH, Outputs};
pub use secret::Secret;
pub use tls::http_client_builder;

/// The expression and criterion language of Arazzo (crate `arazzo-expr`), for
/// evaluating runtime expressions outside a generated workflow.
pub use arazzo_expr as expr;
/// Compiles an Arazzo document (and the OpenAPI descriptions it names) into
/// typed clients and workflow functions at build time; see the crate's README.
pub use arazzo_macros::arazzo_workflow;
/// The HTTP client the transport uses; give a configured one to a generated
/// `Client::with_http_client`.
pub use reqwest;
/// The serialisation framework of the generated types.
pub use serde;
/// JSON values: workflow inputs and outputs by id (`run_by_id`), untyped
/// schemas, parameters taken as JSON.
pub use serde_json;

/// What generated code calls and nothing else should: the data side of a
/// workflow run and the parameter serialisation table. Not a stable API: it
/// changes with the generator, which is released with this crate (see
/// "Versions" in the crate documentation).
#[doc(hidden)]
pub mod __private {
    pub use crate::payload::Payload;
    /// The names generated code builds parsed criteria, expressions and templates from; each
    /// generated `static` glob-imports them in its initialiser only.
    pub mod parsed {
        pub use crate::parsed::{Check, Correlation, Expr, Select, Template};
        pub use crate::run::SelectorSpec;
        pub use arazzo_expr::condition::{Accessor, ComparisonOp, Literal, Node, Operand};
        pub use arazzo_expr::rfc9535::{Comparable, FnArg, FnCall, Func, Logical, PathSegment, PathSelector, Query};
        pub use arazzo_expr::{ConditionKind, Selector};
        pub use arazzo_expr::{Expression, JsonPointer, MessagePart, Segment, SimpleCondition, Source, WorkflowField, XPathVersion};
        pub use serde_json::{Map, Number, Value};
    }
    pub use crate::parsed::{Check, Correlation, Expr, Select, Template};
    pub use crate::run::{ReceiveSpec, Replacement, Run, SelectorSpec, check_depth, output};
    pub use crate::style::{In, ParamSpec, Style};
}

/// Generated code invokes this once per `xpath` criterion, with the step and condition, and
/// once per `xpath` Selector Object (`selector "..."`). With the `xpath` feature it expands to
/// nothing; without it, to a compile error naming the criterion or selector. The check is here, not in the generator, because only this crate knows whether
/// it was built with an XPath engine (the generator runs in a proc macro or build script whose
/// features need not match), and an `xpath` criterion must never pass or fail silently for
/// want of one.
#[cfg(feature = "xpath")]
#[cfg_attr(docsrs, doc(cfg(feature = "xpath")))]
#[doc(hidden)]
#[macro_export]
macro_rules! __require_xpath {
    (selector $selector:literal) => {};
    ($criterion:literal) => {};
}

/// See the other definition, with the `xpath` feature.
#[cfg(not(feature = "xpath"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __require_xpath {
    (selector $selector:literal) => {
        ::core::compile_error!(::core::concat!(
            $selector,
            " is an `xpath` selector, which needs feature `xpath` of crate `arazzo`: \
             add `features = [\"xpath\"]` to its dependency"
        ));
    };
    ($criterion:literal) => {
        ::core::compile_error!(::core::concat!(
            $criterion,
            " is an `xpath` criterion, which needs feature `xpath` of crate `arazzo`: \
             add `features = [\"xpath\"]` to its dependency"
        ));
    };
}

/// Generated code invokes this once, with the version of the generator that wrote it (the
/// `arazzo` version it was written for: both are released together). The exact version this
/// crate has expands to nothing; any other is a compile error naming both, because generated
/// code calls this crate's plumbing (`__private`), which changes between releases, and a
/// mismatch would otherwise surface as a confusing type error deep in generated code. Exact
/// match is the rule while the crates are 0.x. The accepted literal must be this crate's
/// `CARGO_PKG_VERSION`; a unit test below fails when a version bump forgets it.
#[doc(hidden)]
#[macro_export]
macro_rules! __require_runtime {
    ("0.1.0") => {};
    ($generator:literal) => {
        ::core::compile_error!(::core::concat!(
            "this code was generated by arazzo-codegen ",
            $generator,
            " for arazzo ",
            $generator,
            ", but this is arazzo 0.1.0: regenerate it with arazzo-codegen 0.1.0, or depend on arazzo ",
            $generator
        ));
    };
}

#[cfg(test)]
mod tests {
    /// The literal `__require_runtime!` accepts, and the version its error message names,
    /// are this crate's version.
    #[test]
    fn the_runtime_version_macro_names_this_version() {
        let source = include_str!("lib.rs");
        let start = source.find("macro_rules! __require_runtime").expect("the macro is defined here");
        let body = &source[start..];
        let body = &body[..body.find("\n}\n").expect("the macro ends")];
        let accepted: Vec<&str> = body
            .lines()
            .filter_map(|line| line.trim().strip_prefix("(\"")?.split_once("\") => {};").map(|(v, _)| v))
            .collect();
        let version = env!("CARGO_PKG_VERSION");
        assert_eq!(accepted, [version], "the accepted literal must be this crate's version");
        assert!(
            body.contains(&format!(
                "but this is arazzo {version}: regenerate it with arazzo-codegen {version}"
            )),
            "the mismatch message must name this version:\n{body}"
        );
    }

    #[test]
    fn the_runtime_version_macro_accepts_this_version() {
        // Compiles only while the accepted literal is "0.1.0"; the test above ties that to
        // CARGO_PKG_VERSION.
        crate::__require_runtime!("0.1.0");
    }
}
