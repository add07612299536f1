//! What crosses between a workflow and its HTTP activity, and so is written to Temporal's
//! history: the request as the step built it (never the client's credentials, which the
//! transport adds inside the activity) and the answer. `arazzo`'s own types carry
//! `&'static str`s, a `HeaderMap` and redaction state that do not serialise; these do.

use std::collections::HashSet;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use arazzo::reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use arazzo::serde_json::Value;
use arazzo::{
    Body, ClientError, FilePart, Message, Method, Outputs, Part, RecordedExchange, Request, RetryNotice, TimeoutKind, WorkflowError,
};
use serde::{Deserialize, Serialize};

/// A step's request.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WireRequest {
    method: String,
    path_template: String,
    path: Vec<(String, String)>,
    encoded_path: Vec<String>,
    query: Vec<(String, String)>,
    /// OpenAPI 3.2's whole query string, already encoded; absent from histories written
    /// before it existed.
    #[serde(default)]
    querystring: Option<String>,
    headers: Vec<(String, String)>,
    cookies: Vec<(String, String)>,
    body: Option<WireBody>,
    timeout_ms: Option<u64>,
    max_body_size: Option<usize>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
enum WireBody {
    Json(String),
    Form(Vec<(String, String)>),
    Text {
        content_type: String,
        text: String,
    },
    Bytes {
        content_type: String,
        bytes: Vec<u8>,
    },
    /// `multipart/form-data`, part by part: the request is rebuilt, and encoded (with a
    /// fresh boundary) inside the activity, as in process.
    Multipart(Vec<(String, WirePart)>),
}

#[derive(Debug, Clone, Serialize, Deserialize)]
enum WirePart {
    Value(serde_json::Value),
    File {
        bytes: Vec<u8>,
        filename: Option<String>,
        content_type: Option<String>,
        /// Sent base64-encoded (`Part::Base64File`).
        base64: bool,
    },
}

impl WirePart {
    fn new(part: &Part) -> Option<Self> {
        let file = |f: &FilePart, base64: bool| WirePart::File {
            bytes: f.bytes.clone(),
            filename: f.filename.clone(),
            content_type: f.content_type.clone(),
            base64,
        };
        Some(match part {
            Part::Value(value) => WirePart::Value(value.clone()),
            Part::File(f) => file(f, false),
            Part::Base64File(f) => file(f, true),
            _ => return None,
        })
    }

    fn into_part(self) -> Part {
        match self {
            WirePart::Value(value) => Part::Value(value),
            WirePart::File {
                bytes,
                filename,
                content_type,
                base64,
            } => {
                let mut file = FilePart::new(bytes);
                file.filename = filename;
                file.content_type = content_type;
                if base64 { Part::Base64File(file) } else { Part::File(file) }
            }
        }
    }
}

/// A body or part of a kind newer than this crate: refused before anything is sent,
/// rather than sent differently from the run in process.
fn unrecordable(request: &Request, what: &str) -> ClientError {
    ClientError::invalid_request(format!(
        "{} {}: arazzo-temporal cannot record {what} in a workflow's history (a kind newer than this crate)",
        request.method, request.path_template
    ))
}

/// `Request::path_template` is `&'static str` (generated code passes literals): a template
/// read back from history is interned, once per distinct template, so a worker running
/// thousands of runs of a document keeps one copy of each of its templates.
fn intern(text: &str) -> &'static str {
    static SEEN: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut seen = SEEN
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(known) = seen.get(text) {
        return known;
    }
    let leaked: &'static str = Box::leak(text.to_owned().into_boxed_str());
    seen.insert(leaked);
    leaked
}

impl WireRequest {
    /// # Errors
    ///
    /// [`ClientError::InvalidRequest`] for a body (or multipart part) of a kind newer
    /// than this crate.
    pub fn from_request(request: &Request) -> Result<Self, ClientError> {
        let body = match &request.body {
            None => None,
            Some(Body::Json(text)) => Some(WireBody::Json(text.clone())),
            Some(Body::Form(pairs)) => Some(WireBody::Form(pairs.clone())),
            Some(Body::Text { content_type, text }) => Some(WireBody::Text {
                content_type: content_type.clone(),
                text: text.clone(),
            }),
            Some(Body::Bytes { content_type, bytes }) => Some(WireBody::Bytes {
                content_type: content_type.clone(),
                bytes: bytes.clone(),
            }),
            Some(Body::Multipart(parts)) => {
                let mut wire = Vec::with_capacity(parts.len());
                for (name, part) in parts {
                    wire.push((
                        name.clone(),
                        WirePart::new(part).ok_or_else(|| unrecordable(request, "this multipart part"))?,
                    ));
                }
                Some(WireBody::Multipart(wire))
            }
            Some(_) => return Err(unrecordable(request, "this body")),
        };
        Ok(WireRequest {
            method: request.method.as_str().to_owned(),
            path_template: request.path_template.to_owned(),
            path: request.path.clone(),
            encoded_path: request.encoded_path.clone(),
            query: request.query.clone(),
            querystring: request.querystring.clone(),
            headers: request.headers.clone(),
            cookies: request.cookies.clone(),
            body,
            timeout_ms: request.timeout.map(|t| u64::try_from(t.as_millis()).unwrap_or(u64::MAX)),
            max_body_size: request.max_body_size,
        })
    }

    /// # Errors
    ///
    /// [`ClientError::Remote`] for a method that is not one.
    pub fn into_request(self) -> Result<Request, ClientError> {
        let method = Method::from_bytes(self.method.as_bytes()).map_err(|e| {
            ClientError::remote(
                &self.method,
                &self.path_template,
                format!("invalid request: method `{}`: {e}", self.method),
            )
        })?;
        let mut request = Request::new(method, intern(&self.path_template));
        request.path = self.path;
        request.encoded_path = self.encoded_path;
        request.query = self.query;
        request.querystring = self.querystring;
        request.headers = self.headers;
        request.cookies = self.cookies;
        request.body = self.body.map(|b| match b {
            WireBody::Json(text) => Body::Json(text),
            WireBody::Form(pairs) => Body::Form(pairs),
            WireBody::Text { content_type, text } => Body::Text { content_type, text },
            WireBody::Bytes { content_type, bytes } => Body::Bytes { content_type, bytes },
            WireBody::Multipart(parts) => Body::Multipart(parts.into_iter().map(|(name, part)| (name, part.into_part())).collect()),
        });
        request.timeout = self.timeout_ms.map(Duration::from_millis);
        request.max_body_size = self.max_body_size;
        Ok(request)
    }

    /// The method, for errors about a request that got no answer.
    pub fn method(&self) -> &str {
        &self.method
    }

    /// The path template, for errors about a request that got no answer.
    pub fn path_template(&self) -> &str {
        &self.path_template
    }
}

/// An answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WireExchange {
    method: String,
    url: String,
    status: u16,
    headers: Vec<(String, Vec<u8>)>,
    body: Vec<u8>,
    elapsed_ms: u64,
    attempts: u32,
}

impl From<RecordedExchange> for WireExchange {
    fn from(e: RecordedExchange) -> Self {
        WireExchange {
            method: e.method,
            url: e.url,
            status: e.status,
            headers: e
                .headers
                .iter()
                .map(|(name, value)| (name.as_str().to_owned(), value.as_bytes().to_vec()))
                .collect(),
            body: e.body.to_vec(),
            elapsed_ms: u64::try_from(e.elapsed.as_millis()).unwrap_or(u64::MAX),
            attempts: e.attempts,
        }
    }
}

impl From<WireExchange> for RecordedExchange {
    fn from(e: WireExchange) -> Self {
        let mut headers = HeaderMap::new();
        for (name, value) in e.headers {
            // Both came from a `HeaderMap`, so both parse; a history edited by hand loses the header.
            if let (Ok(name), Ok(value)) = (HeaderName::from_bytes(name.as_bytes()), HeaderValue::from_bytes(&value)) {
                headers.append(name, value);
            }
        }
        RecordedExchange {
            method: e.method,
            url: e.url,
            status: e.status,
            headers,
            body: e.body.into(),
            elapsed: Duration::from_millis(e.elapsed_ms),
            attempts: e.attempts,
        }
    }
}

/// A message for a `receive` step, as the `arazzo-message` signal carries it (and history
/// records it). `Debug` shows the address and header names only, as [`arazzo::Message`]'s
/// does: payloads and header values may carry tokens.
#[derive(Clone, Serialize, Deserialize)]
pub struct WireMessage {
    address: String,
    headers: Vec<(String, String)>,
    payload: Value,
}

impl std::fmt::Debug for WireMessage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WireMessage")
            .field("address", &self.address)
            .field("headers", &self.headers.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}

impl From<Message> for WireMessage {
    fn from(m: Message) -> Self {
        WireMessage {
            address: m.address,
            headers: m.headers,
            payload: m.payload,
        }
    }
}

impl From<WireMessage> for Message {
    fn from(m: WireMessage) -> Self {
        // Through the constructor, which normalises the address as the run's steps compare
        // it (a signal sent by hand, `temporal workflow signal`, may not be).
        let mut message = Message::new(m.address, m.payload);
        message.headers = m.headers;
        message
    }
}

/// A transport retry the activity made, replayed to the run's observer.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WireRetry {
    method: String,
    url: String,
    attempt: u32,
    reason: String,
    delay_ms: u64,
}

impl WireRetry {
    pub fn new(notice: &RetryNotice<'_>) -> Self {
        WireRetry {
            method: notice.method.to_owned(),
            url: notice.url.to_owned(),
            attempt: notice.attempt,
            reason: notice.reason.to_owned(),
            delay_ms: u64::try_from(notice.delay.as_millis()).unwrap_or(u64::MAX),
        }
    }

    /// Calls `f` with the notice this retry was.
    pub fn replay(&self, f: &(dyn Fn(&RetryNotice<'_>) + Send + Sync)) {
        f(&RetryNotice {
            method: &self.method,
            url: &self.url,
            attempt: self.attempt,
            reason: &self.reason,
            delay: Duration::from_millis(self.delay_ms),
        });
    }
}

/// A request error, with its kind and fields, so the run (and the starter, for a failed
/// run) rebuilds the same [`ClientError`] variant: a timeout stays a timeout (the run turns
/// the deadline's into [`arazzo::WorkflowError::Timeout`]), a body over the limit stays
/// [`ClientError::TooLarge`]. The one kind that cannot cross is the `reqwest::Error` inside
/// [`ClientError::Transport`]: it arrives as [`ClientError::Remote`] with the same message
/// and the same [`ClientError::is_connect`] / [`ClientError::is_timeout`] answers.
///
/// Variants only grow (histories outlive workers), and `Other` is what a history written
/// before the kinds were recorded holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum WireError {
    Timeout {
        method: String,
        url: String,
        kind: String,
        limit_ms: u64,
        attempts: u32,
    },
    /// A transport error, an error already remote, or a kind newer than this crate.
    Other {
        method: String,
        url: String,
        message: String,
        #[serde(default)]
        connect: bool,
        #[serde(default)]
        timed_out: bool,
    },
    InvalidUrl {
        url: String,
        reason: String,
    },
    InvalidRequest {
        message: String,
    },
    UnexpectedStatus {
        method: String,
        url: String,
        status: u16,
        body: String,
    },
    Decode {
        method: String,
        url: String,
        status: u16,
        body: String,
        message: String,
    },
    ResponseSchema {
        operation: String,
        method: String,
        url: String,
        status: u16,
        path: String,
        expected: String,
    },
    InvalidHeader {
        operation: String,
        status: u16,
        header: String,
        value: Option<String>,
        message: String,
    },
    TooLarge {
        method: String,
        url: String,
        limit: usize,
    },
    Redirect {
        method: String,
        url: String,
        location: String,
        reason: String,
    },
    RateLimited {
        method: String,
        url: String,
        status: u16,
        header: String,
        reset_in_ms: u64,
        why: String,
    },
}

fn kind_name(kind: TimeoutKind) -> &'static str {
    match kind {
        TimeoutKind::Connect => "connect",
        TimeoutKind::Response => "response",
        TimeoutKind::Body => "body",
        TimeoutKind::Stalled => "stalled",
        TimeoutKind::Deadline => "deadline",
        TimeoutKind::Queued => "queued",
        // A kind newer than this crate: the closest one it knows.
        _ => "response",
    }
}

fn kind_of(name: &str) -> TimeoutKind {
    match name {
        "connect" => TimeoutKind::Connect,
        "body" => TimeoutKind::Body,
        "stalled" => TimeoutKind::Stalled,
        "deadline" => TimeoutKind::Deadline,
        "queued" => TimeoutKind::Queued,
        _ => TimeoutKind::Response,
    }
}

impl WireError {
    /// `method` and `url` name the request for a kind newer than this crate (recorded
    /// by its message); every kind this crate knows carries its own.
    pub fn new(error: &ClientError, method: &str, url: &str) -> Self {
        match error {
            ClientError::Timeout {
                method,
                url,
                kind,
                limit,
                attempts,
                ..
            } => WireError::Timeout {
                method: method.clone(),
                url: url.clone(),
                kind: kind_name(*kind).to_owned(),
                limit_ms: ms(*limit),
                attempts: *attempts,
            },
            ClientError::Transport { method, url, .. } | ClientError::Remote { method, url, .. } => WireError::Other {
                method: method.clone(),
                url: url.clone(),
                message: error.to_string(),
                connect: error.is_connect(),
                timed_out: error.is_timeout(),
            },
            ClientError::InvalidUrl { url, reason, .. } => WireError::InvalidUrl {
                url: url.clone(),
                reason: reason.clone(),
            },
            ClientError::InvalidRequest { message, .. } => WireError::InvalidRequest { message: message.clone() },
            ClientError::UnexpectedStatus {
                method, url, status, body, ..
            } => WireError::UnexpectedStatus {
                method: method.clone(),
                url: url.clone(),
                status: *status,
                body: body.clone(),
            },
            ClientError::Decode {
                method,
                url,
                status,
                body,
                message,
                ..
            } => WireError::Decode {
                method: method.clone(),
                url: url.clone(),
                status: *status,
                body: body.clone(),
                message: message.clone(),
            },
            ClientError::ResponseSchema(e) => WireError::ResponseSchema {
                operation: e.operation.clone(),
                method: e.method.clone(),
                url: e.url.clone(),
                status: e.status,
                path: e.mismatch.path.clone(),
                expected: e.mismatch.expected.clone(),
            },
            ClientError::InvalidHeader {
                operation,
                status,
                header,
                value,
                message,
                ..
            } => WireError::InvalidHeader {
                operation: operation.clone(),
                status: *status,
                header: header.clone(),
                value: value.clone(),
                message: message.clone(),
            },
            ClientError::TooLarge { method, url, limit, .. } => WireError::TooLarge {
                method: method.clone(),
                url: url.clone(),
                limit: *limit,
            },
            ClientError::Redirect {
                method,
                url,
                location,
                reason,
                ..
            } => WireError::Redirect {
                method: method.clone(),
                url: url.clone(),
                location: location.clone(),
                reason: reason.clone(),
            },
            ClientError::RateLimited {
                method,
                url,
                status,
                header,
                reset_in,
                why,
                ..
            } => WireError::RateLimited {
                method: method.clone(),
                url: url.clone(),
                status: *status,
                header: header.clone(),
                reset_in_ms: ms(*reset_in),
                why: why.clone(),
            },
            other => WireError::Other {
                method: method.to_owned(),
                url: url.to_owned(),
                message: other.to_string(),
                connect: other.is_connect(),
                timed_out: other.is_timeout(),
            },
        }
    }

    pub fn into_client_error(self) -> ClientError {
        match self {
            WireError::Timeout {
                method,
                url,
                kind,
                limit_ms,
                attempts,
            } => ClientError::timeout(method, url, kind_of(&kind), Duration::from_millis(limit_ms), attempts),
            WireError::Other {
                method,
                url,
                message,
                connect,
                timed_out,
            } => ClientError::remote_transport(method, url, message, connect, timed_out),
            WireError::InvalidUrl { url, reason } => ClientError::invalid_url(url, reason),
            WireError::InvalidRequest { message } => ClientError::invalid_request(message),
            WireError::UnexpectedStatus { method, url, status, body } => ClientError::unexpected_status(method, url, status, body),
            WireError::Decode {
                method,
                url,
                status,
                body,
                message,
            } => ClientError::decode(method, url, status, body, message),
            WireError::ResponseSchema {
                operation,
                method,
                url,
                status,
                path,
                expected,
            } => ClientError::response_schema(operation, method, url, status, path, expected),
            WireError::InvalidHeader {
                operation,
                status,
                header,
                value,
                message,
            } => ClientError::invalid_header(operation, status, header, value, message),
            WireError::TooLarge { method, url, limit } => ClientError::too_large(method, url, limit),
            WireError::Redirect {
                method,
                url,
                location,
                reason,
            } => ClientError::redirect(method, url, location, reason),
            WireError::RateLimited {
                method,
                url,
                status,
                header,
                reset_in_ms,
                why,
            } => ClientError::rate_limited(method, url, status, header, Duration::from_millis(reset_in_ms), why),
        }
    }
}

/// A run's [`WorkflowError`] as the Temporal failure's details carry it, so the starter
/// rebuilds the same variant with the same fields, a request error inside it too
/// ([`WireError`]).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum WireWorkflowError {
    StepFailed {
        workflow: String,
        step: String,
        status: u16,
        body: String,
        reason: Option<String>,
    },
    Client {
        workflow: String,
        step: String,
        error: WireError,
    },
    Timeout {
        workflow: String,
        step: String,
        elapsed_ms: u64,
        deadline_ms: u64,
        source: Option<WireError>,
    },
    StepTimeout {
        workflow: String,
        step: String,
        timeout_ms: u64,
        elapsed_ms: u64,
    },
    StepLimit {
        workflow: String,
        limit: u32,
    },
    MissingValue {
        workflow: String,
        step: Option<String>,
        name: String,
        expression: String,
    },
    InvalidValue {
        workflow: String,
        step: Option<String>,
        name: String,
        expression: String,
        message: String,
    },
    Expression {
        workflow: String,
        step: Option<String>,
        expression: String,
        message: String,
    },
    DependencyNotCompleted {
        workflow: String,
        step: String,
        dependency: String,
    },
    TooDeep {
        workflow: String,
        depth: u32,
    },
    Ended {
        workflow: String,
        step: String,
        action: String,
        status: u16,
        body: String,
        outputs: Outputs,
    },
}

fn ms(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// A run's request error: every kind this crate knows names its own request.
fn wire_client(error: &ClientError) -> WireError {
    WireError::new(error, "", "")
}

impl WireWorkflowError {
    /// `None` for a variant newer than this crate: the starter then gets its message.
    pub fn new(error: &WorkflowError) -> Option<Self> {
        Some(match error {
            WorkflowError::StepFailed {
                workflow,
                step,
                status,
                body,
                reason,
            } => WireWorkflowError::StepFailed {
                workflow: workflow.clone(),
                step: step.clone(),
                status: *status,
                body: body.clone(),
                reason: reason.clone(),
            },
            WorkflowError::Client { workflow, step, source } => WireWorkflowError::Client {
                workflow: workflow.clone(),
                step: step.clone(),
                error: wire_client(source),
            },
            WorkflowError::Timeout {
                workflow,
                step,
                elapsed,
                deadline,
                source,
            } => WireWorkflowError::Timeout {
                workflow: workflow.clone(),
                step: step.clone(),
                elapsed_ms: ms(*elapsed),
                deadline_ms: ms(*deadline),
                source: source.as_deref().map(wire_client),
            },
            WorkflowError::StepTimeout {
                workflow,
                step,
                timeout,
                elapsed,
            } => WireWorkflowError::StepTimeout {
                workflow: workflow.clone(),
                step: step.clone(),
                timeout_ms: ms(*timeout),
                elapsed_ms: ms(*elapsed),
            },
            WorkflowError::StepLimit { workflow, limit } => WireWorkflowError::StepLimit {
                workflow: workflow.clone(),
                limit: *limit,
            },
            WorkflowError::MissingValue {
                workflow,
                step,
                name,
                expression,
            } => WireWorkflowError::MissingValue {
                workflow: workflow.clone(),
                step: step.clone(),
                name: name.clone(),
                expression: expression.clone(),
            },
            WorkflowError::InvalidValue {
                workflow,
                step,
                name,
                expression,
                message,
            } => WireWorkflowError::InvalidValue {
                workflow: workflow.clone(),
                step: step.clone(),
                name: name.clone(),
                expression: expression.clone(),
                message: message.clone(),
            },
            WorkflowError::Expression {
                workflow,
                step,
                expression,
                message,
            } => WireWorkflowError::Expression {
                workflow: workflow.clone(),
                step: step.clone(),
                expression: expression.clone(),
                message: message.clone(),
            },
            WorkflowError::DependencyNotCompleted {
                workflow,
                step,
                dependency,
            } => WireWorkflowError::DependencyNotCompleted {
                workflow: workflow.clone(),
                step: step.clone(),
                dependency: dependency.clone(),
            },
            WorkflowError::TooDeep { workflow, depth } => WireWorkflowError::TooDeep {
                workflow: workflow.clone(),
                depth: *depth,
            },
            WorkflowError::Ended {
                workflow,
                step,
                action,
                status,
                body,
                outputs,
            } => WireWorkflowError::Ended {
                workflow: workflow.clone(),
                step: step.clone(),
                action: action.clone(),
                status: *status,
                body: body.clone(),
                outputs: (**outputs).clone(),
            },
            _ => return None,
        })
    }

    pub fn into_workflow_error(self) -> WorkflowError {
        match self {
            WireWorkflowError::StepFailed {
                workflow,
                step,
                status,
                body,
                reason,
            } => WorkflowError::StepFailed {
                workflow,
                step,
                status,
                body,
                reason,
            },
            WireWorkflowError::Client { workflow, step, error } => WorkflowError::Client {
                workflow,
                step,
                source: Box::new(error.into_client_error()),
            },
            WireWorkflowError::Timeout {
                workflow,
                step,
                elapsed_ms,
                deadline_ms,
                source,
            } => WorkflowError::Timeout {
                workflow,
                step,
                elapsed: Duration::from_millis(elapsed_ms),
                deadline: Duration::from_millis(deadline_ms),
                source: source.map(|e| Box::new(e.into_client_error())),
            },
            WireWorkflowError::StepTimeout {
                workflow,
                step,
                timeout_ms,
                elapsed_ms,
            } => WorkflowError::StepTimeout {
                workflow,
                step,
                timeout: Duration::from_millis(timeout_ms),
                elapsed: Duration::from_millis(elapsed_ms),
            },
            WireWorkflowError::StepLimit { workflow, limit } => WorkflowError::StepLimit { workflow, limit },
            WireWorkflowError::MissingValue {
                workflow,
                step,
                name,
                expression,
            } => WorkflowError::MissingValue {
                workflow,
                step,
                name,
                expression,
            },
            WireWorkflowError::InvalidValue {
                workflow,
                step,
                name,
                expression,
                message,
            } => WorkflowError::InvalidValue {
                workflow,
                step,
                name,
                expression,
                message,
            },
            WireWorkflowError::Expression {
                workflow,
                step,
                expression,
                message,
            } => WorkflowError::Expression {
                workflow,
                step,
                expression,
                message,
            },
            WireWorkflowError::DependencyNotCompleted {
                workflow,
                step,
                dependency,
            } => WorkflowError::DependencyNotCompleted {
                workflow,
                step,
                dependency,
            },
            WireWorkflowError::TooDeep { workflow, depth } => WorkflowError::TooDeep { workflow, depth },
            WireWorkflowError::Ended {
                workflow,
                step,
                action,
                status,
                body,
                outputs,
            } => WorkflowError::Ended {
                workflow,
                step,
                action,
                status,
                body,
                outputs: Box::new(outputs),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A message survives the signal's JSON whole, its address normalised on the way in,
    /// and its `Debug` does not show the payload or header values.
    #[test]
    fn a_message_round_trips_through_the_signal() {
        let message = Message::new("/hooks", serde_json::json!({"token": "sekrit", "n": 1})).with_header("X-Token", "sekrit");
        let text = serde_json::to_string(&WireMessage::from(message.clone())).expect("json");
        let back = Message::from(serde_json::from_str::<WireMessage>(&text).expect("read"));
        assert_eq!(back, message);
        let by_hand: WireMessage =
            serde_json::from_value(serde_json::json!({"address": "hooks/", "headers": [], "payload": null})).expect("read");
        assert!(!format!("{by_hand:?} {:?}", WireMessage::from(message)).contains("sekrit"));
        assert_eq!(Message::from(by_hand).address, "/hooks");
    }

    /// The whole query string (OpenAPI 3.2 `in: querystring`) survives the history, and a
    /// history written before the field existed reads as having none.
    #[test]
    fn querystring_round_trips_through_the_history() {
        let request = Request::new(Method::GET, "/search").querystring("q=a b&sort=desc", true);
        let text = serde_json::to_string(&WireRequest::from_request(&request).expect("wire")).expect("json");
        let back = serde_json::from_str::<WireRequest>(&text)
            .expect("read")
            .into_request()
            .expect("request");
        assert_eq!(back.querystring.as_deref(), Some("q=a%20b&sort=desc"));
        let mut old: serde_json::Value = serde_json::from_str(&text).expect("json");
        old.as_object_mut().expect("object").remove("querystring");
        let back = serde_json::from_value::<WireRequest>(old)
            .expect("read")
            .into_request()
            .expect("request");
        assert_eq!(back.querystring, None);
    }

    /// A multipart body keeps every part, file names, content types and the base64 flag
    /// through the history, so the activity sends what the run in process would.
    #[test]
    fn multipart_bodies_round_trip_through_the_history() {
        let parts = vec![
            ("note".to_owned(), Part::Value(serde_json::json!("for review"))),
            ("meta".to_owned(), Part::Value(serde_json::json!({"pages": 2}))),
            (
                "scan".to_owned(),
                Part::file(
                    FilePart::new(vec![0, 159, 255, 10]).with_filename("scan.bin"),
                    "application/octet-stream",
                    false,
                ),
            ),
            (
                "sig".to_owned(),
                Part::file(FilePart::new(b"\x01sig".to_vec()), "application/pkcs7-signature", true),
            ),
        ];
        let mut request = Request::new(Method::POST, "/uploads");
        request.body = Some(Body::Multipart(parts.clone()));
        let text = serde_json::to_string(&WireRequest::from_request(&request).expect("wire")).expect("json");
        let back = serde_json::from_str::<WireRequest>(&text)
            .expect("read")
            .into_request()
            .expect("request");
        assert_eq!(back.body, Some(Body::Multipart(parts)));
    }

    fn through_history(error: &ClientError) -> ClientError {
        let text = serde_json::to_string(&WireError::new(error, "", "")).expect("json");
        serde_json::from_str::<WireError>(&text).expect("read").into_client_error()
    }

    /// Every request error kind comes back as the same variant, with the same message and
    /// the same `status()`, `is_timeout()` and `is_connect()` answers.
    #[test]
    fn request_errors_keep_their_kind_through_the_history() {
        let url = "http://127.0.0.1:1/api/0/issues/1/";
        let errors = [
            ClientError::invalid_url("http://[::1/x", "invalid IPv6 address"),
            ClientError::invalid_request("multipart member `a` does not serialise"),
            ClientError::unexpected_status("GET", url, 418, "teapot"),
            ClientError::decode("GET", url, 200, "{}", "missing field `id`"),
            ClientError::response_schema("getIssue", "GET", url, 200, "$.id", "expected integer, got string"),
            ClientError::invalid_header("getIssue", 200, "X-Rate", Some("many".to_owned()), "expected integer"),
            ClientError::timeout("GET", url, TimeoutKind::Stalled, Duration::from_millis(1500), 3),
            ClientError::timeout("GET", url, TimeoutKind::Deadline, Duration::from_millis(700), 1),
            ClientError::timeout("GET", url, TimeoutKind::Queued, Duration::from_millis(300), 0),
            ClientError::too_large("GET", url, 1024),
            ClientError::redirect("GET", url, "http://elsewhere/", "another origin"),
            ClientError::rate_limited("GET", url, 429, "Retry-After", Duration::from_secs(90), "past the deadline"),
            ClientError::remote_transport("GET", url, "GET http://127.0.0.1:1/: no answer: connection refused", true, false),
            ClientError::remote_transport("GET", url, "GET http://127.0.0.1:1/: no answer: timed out", false, true),
        ];
        for error in &errors {
            let back = through_history(error);
            assert_eq!(
                std::mem::discriminant(&back),
                std::mem::discriminant(error),
                "{error:?} came back as {back:?}"
            );
            assert_eq!(back.to_string(), error.to_string());
            assert_eq!(format!("{back:?}"), format!("{error:?}"));
            assert_eq!(
                (back.status(), back.is_timeout(), back.is_connect()),
                (error.status(), error.is_timeout(), error.is_connect()),
                "{error}"
            );
        }
    }

    /// A history written when only timeouts kept their kind still reads.
    #[test]
    fn an_older_history_s_request_error_still_reads() {
        let old = serde_json::json!({"Other": {"method": "GET", "url": "http://x/", "message": "GET http://x/: no answer"}});
        let back = serde_json::from_value::<WireError>(old).expect("read").into_client_error();
        assert_eq!(back.to_string(), "GET http://x/: no answer");
        assert!(!back.is_connect());
    }
}
