//! The runtime behind the [`arazzo`](https://docs.rs/arazzo) crate: what the code
//! `arazzo_workflow!`, a build script or the `arazzo-codegen` CLI generates calls at run
//! time (HTTP transport, retries, polling, criteria evaluation, errors, events).
//!
//! Depend on `arazzo`, which re-exports all of this and adds the macro; generated code
//! names everything through `::arazzo::...`. This crate is separate only so that it
//! compiles while the generator inside the macro does, instead of after it. Its items
//! are documented where users read them, in `arazzo`.
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
mod named;
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
/// The buffer response bodies are kept in ([`Exchange::body`], [`RawBody::bytes`]): the
/// chunk reqwest read, not a copy of it.
pub use bytes::Bytes;
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

/// Generated code wraps each `regex` criterion and each JSONPath `match()` / `search()` call in
/// this: `__require_regex!("what", expression)`. With the `regex` feature it is the expression;
/// without it, a compile error naming what needs the feature. As with `xpath`, only this crate
/// knows whether it was built with a regex engine: a build script's generator has its own
/// features, and the macro's generator refuses such a document itself when `regex` is off.
#[cfg(feature = "regex")]
#[cfg_attr(docsrs, doc(cfg(feature = "regex")))]
#[doc(hidden)]
#[macro_export]
macro_rules! __require_regex {
    ($what:literal, $e:expr) => {
        $e
    };
}

/// See the other definition, with the `regex` feature.
#[cfg(not(feature = "regex"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __require_regex {
    ($what:literal, $e:expr) => {
        ::core::compile_error!(::core::concat!(
            $what,
            " needs feature `regex` of crate `arazzo`: add `features = [\"regex\"]` to its dependency"
        ))
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
