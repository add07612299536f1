//! Every way a request or a workflow run can fail, as data.
//!
//! Callers match on these; nothing is hidden in a string. Messages name the
//! workflow, the step, the status and the body the server sent, and never a
//! credential (the transport redacts them before an error is built).

use std::fmt;
use std::time::Duration;

/// How much of a response body an error message quotes; the full body stays
/// in the error's `body` field.
const BODY_PREVIEW: usize = 512;

fn preview(body: &str) -> String {
    if body.chars().count() <= BODY_PREVIEW {
        body.to_owned()
    } else {
        let cut: String = body.chars().take(BODY_PREVIEW).collect();
        format!("{cut}… ({} bytes)", body.len())
    }
}

/// A failed call of a typed client operation.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ClientError {
    /// The base URL plus path did not form a valid URL.
    InvalidUrl { url: String, reason: String },
    /// The request could not be built (e.g. a body that does not serialise).
    InvalidRequest { message: String },
    /// No answer: connection refused, reset, timed out, TLS failure.
    Transport { method: String, url: String, message: String },
    /// The server answered a status the operation does not document.
    UnexpectedStatus {
        method: String,
        url: String,
        status: u16,
        body: String,
    },
    /// A documented status whose body did not match the documented schema.
    Decode {
        method: String,
        url: String,
        status: u16,
        body: String,
        message: String,
    },
    /// A documented response header that is required but absent (`value`
    /// is `None`), or whose value does not parse as its schema's type.
    /// (No method or URL, unlike its neighbours: `operation` says which call
    /// it was, and the variant must stay small enough for clippy's
    /// `result_large_err` in code that returns `ClientError`.)
    InvalidHeader {
        /// The operationId, or `METHOD /path` when there is none.
        operation: String,
        status: u16,
        header: String,
        value: Option<String>,
        message: String,
    },
}

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientError::InvalidUrl { url, reason } => write!(f, "invalid URL `{url}`: {reason}"),
            ClientError::InvalidRequest { message } => write!(f, "invalid request: {message}"),
            ClientError::Transport { method, url, message } => write!(f, "{method} {url}: no answer: {message}"),
            ClientError::UnexpectedStatus { method, url, status, body } => {
                write!(f, "{method} {url}: undocumented status {status}: {}", preview(body))
            }
            ClientError::Decode {
                method,
                url,
                status,
                body,
                message,
            } => write!(
                f,
                "{method} {url}: status {status} body does not match the spec ({message}): {}",
                preview(body)
            ),
            ClientError::InvalidHeader {
                operation,
                status,
                header,
                value,
                message,
            } => match value {
                Some(value) => write!(
                    f,
                    "`{operation}` status {status}: response header `{header}: {value}` does not match the spec: {message}"
                ),
                None => write!(f, "`{operation}` status {status}: response header `{header}` {message}"),
            },
        }
    }
}

impl std::error::Error for ClientError {}

/// A workflow run that did not reach its outputs.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum WorkflowError {
    /// A step's success criteria were not met and no failure action handled
    /// it (Arazzo's default: "break and return").
    StepFailed {
        workflow: String,
        step: String,
        status: u16,
        body: String,
        /// Set when a criterion could not be evaluated (a body that is not
        /// XML for an `xpath` criterion, ...) rather than evaluated to false.
        reason: Option<String>,
    },
    /// The step's request got no usable answer. (Boxed: it is large, and
    /// every `Result` in a run carries this type.)
    Client {
        workflow: String,
        step: String,
        source: Box<ClientError>,
    },
    /// Polling did not settle before the policy's deadline.
    Timeout {
        workflow: String,
        step: String,
        elapsed: Duration,
        deadline: Duration,
    },
    /// More steps ran than the policy allows (a `goto` cycle).
    StepLimit { workflow: String, limit: u32 },
    /// A required value (parameter, output) selected nothing.
    MissingValue {
        workflow: String,
        step: Option<String>,
        name: String,
        expression: String,
    },
    /// A value exists but does not have the type the spec promised.
    InvalidValue {
        workflow: String,
        step: Option<String>,
        name: String,
        expression: String,
        message: String,
    },
    /// A runtime expression or criterion could not be evaluated.
    Expression {
        workflow: String,
        step: Option<String>,
        expression: String,
        message: String,
    },
    /// Workflows calling workflows nested deeper than [`crate::MAX_DEPTH`]
    /// (a `workflowId` step or `goto` that recurses without end).
    TooDeep { workflow: String, depth: u32 },
    /// The run ended through a failure action of type `end`. `outputs`:
    /// the workflow outputs that could be evaluated at that point ("the
    /// workflow ends, and context returns to the caller with applicable
    /// outputs").
    Ended {
        workflow: String,
        step: String,
        action: String,
        status: u16,
        body: String,
        outputs: Box<crate::run::Outputs>,
    },
}

impl fmt::Display for WorkflowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = |step: &Option<String>| match step {
            Some(s) => format!(", step `{s}`"),
            None => String::new(),
        };
        match self {
            WorkflowError::StepFailed {
                workflow,
                step,
                status,
                body,
                reason,
            } => write!(
                f,
                "workflow `{workflow}`: step `{step}` failed: HTTP {status} did not meet its success criteria{}: {}",
                reason.as_ref().map(|r| format!(" ({r})")).unwrap_or_default(),
                preview(body)
            ),
            WorkflowError::Client { workflow, step, source } => write!(f, "workflow `{workflow}`: step `{step}`: {source}"),
            WorkflowError::Timeout {
                workflow,
                step,
                elapsed,
                deadline,
            } => write!(
                f,
                "workflow `{workflow}`: timed out polling step `{step}` after {:.1}s (deadline {:.1}s)",
                elapsed.as_secs_f64(),
                deadline.as_secs_f64()
            ),
            WorkflowError::StepLimit { workflow, limit } => write!(
                f,
                "workflow `{workflow}`: stopped after {limit} steps (a goto cycle that never ends?)"
            ),
            WorkflowError::MissingValue {
                workflow,
                step,
                name,
                expression,
            } => write!(
                f,
                "workflow `{workflow}`{}: `{name}` is required but `{expression}` selected nothing",
                at(step)
            ),
            WorkflowError::InvalidValue {
                workflow,
                step,
                name,
                expression,
                message,
            } => write!(
                f,
                "workflow `{workflow}`{}: `{name}` from `{expression}` has the wrong type: {message}",
                at(step)
            ),
            WorkflowError::Expression {
                workflow,
                step,
                expression,
                message,
            } => write!(f, "workflow `{workflow}`{}: cannot evaluate `{expression}`: {message}", at(step)),
            WorkflowError::TooDeep { workflow, depth } => write!(
                f,
                "workflow `{workflow}`: workflows call each other {depth} deep; stopped (a workflow that calls itself without end?)"
            ),
            WorkflowError::Ended {
                workflow,
                step,
                action,
                status,
                body,
                ..
            } => write!(
                f,
                "workflow `{workflow}`: step `{step}` failed (HTTP {status}) and failure action `{action}` ended the run: {}",
                preview(body)
            ),
        }
    }
}

impl std::error::Error for WorkflowError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WorkflowError::Client { source, .. } => Some(source.as_ref()),
            _ => None,
        }
    }
}

impl WorkflowError {
    /// The step the error happened in, when there is one.
    pub fn step(&self) -> Option<&str> {
        match self {
            WorkflowError::StepFailed { step, .. }
            | WorkflowError::Client { step, .. }
            | WorkflowError::Timeout { step, .. }
            | WorkflowError::Ended { step, .. } => Some(step),
            WorkflowError::MissingValue { step, .. }
            | WorkflowError::InvalidValue { step, .. }
            | WorkflowError::Expression { step, .. } => step.as_deref(),
            WorkflowError::StepLimit { .. } | WorkflowError::TooDeep { .. } => None,
        }
    }

    /// The HTTP status behind the error, when there is one.
    pub fn status(&self) -> Option<u16> {
        match self {
            WorkflowError::StepFailed { status, .. } | WorkflowError::Ended { status, .. } => Some(*status),
            WorkflowError::Client { source, .. } => match source.as_ref() {
                ClientError::UnexpectedStatus { status, .. }
                | ClientError::Decode { status, .. }
                | ClientError::InvalidHeader { status, .. } => Some(*status),
                _ => None,
            },
            _ => None,
        }
    }
}
