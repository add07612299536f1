//! `arazzo`: what code generated from Arazzo workflows and OpenAPI
//! descriptions calls at run time, and the `arazzo_workflow!` macro.
//!
//! A user adds this one dependency: the macro is re-exported here, and so are
//! `serde`, `serde_json` and `reqwest`, which generated code names through
//! `::arazzo::...` paths. Nothing here parses YAML or depends on `syn`; the
//! generator did that work at build time.

mod client;
mod error;
mod event;
mod multipart;
mod payload;
mod poll;
mod retry;
mod run;
mod secret;
mod style;
mod tls;
#[cfg(feature = "xpath")]
mod xpath;

pub use client::{ApiKeyLocation, Auth, Body, Exchange, HttpClient, Method, RawBody, Request};
pub use error::{ClientError, WorkflowError};
pub use event::{ActionKind, Event, Observer, WaitReason, emit};
pub use multipart::{FilePart, Part};
pub use payload::Payload;
pub use poll::PollPolicy;
pub use retry::{RetryPolicy, parse_retry_after};
pub use run::{BoxFuture, CriterionSpec, MAX_DEPTH, Outputs, Run, check_depth, output};
pub use secret::Secret;
pub use style::{In, ParamSpec, Style};
pub use tls::http_client_builder;

pub use arazzo_expr as expr;
pub use arazzo_macros::arazzo_workflow;
pub use reqwest;
pub use serde;
pub use serde_json;

/// Generated code invokes this once per `xpath` criterion, with the step and condition. With
/// the `xpath` feature it expands to nothing; without it, to a compile error naming the
/// criterion. The check is here, not in the generator, because only this crate knows whether
/// it was built with an XPath engine (the generator runs in a proc macro or build script whose
/// features need not match), and an `xpath` criterion must never pass or fail silently for
/// want of one.
#[cfg(feature = "xpath")]
#[doc(hidden)]
#[macro_export]
macro_rules! __require_xpath {
    ($criterion:literal) => {};
}

/// See the other definition, with the `xpath` feature.
#[cfg(not(feature = "xpath"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __require_xpath {
    ($criterion:literal) => {
        ::core::compile_error!(::core::concat!(
            $criterion,
            " is an `xpath` criterion, which needs feature `xpath` of crate `arazzo`: \
             add `features = [\"xpath\"]` to its dependency"
        ));
    };
}
