//! Every way a request or a workflow run can fail, as data.
//!
//! Callers match on these; nothing is hidden in a string. Three types, for
//! three callers: [`ApiError`] for typed operation calls (a documented error
//! status with its typed body, or a [`ClientError`]), [`ClientError`] for
//! everything that is not a documented answer, and [`WorkflowError`] for
//! workflow runs. Messages name the workflow, the step, the status and the body
//! the server sent, and never a credential (the transport redacts them before
//! an error is built, and strips the URL from the `reqwest::Error` it keeps).

use std::fmt;
use std::time::Duration;

use crate::response::ResponseValue;

/// How much of a response body an error message quotes; the full body stays
/// in the error's `body` field.
const BODY_PREVIEW: usize = 512;

fn preview(body: &str) -> String {
    if body.trim().is_empty() {
        "(empty body)".to_owned()
    } else if body.chars().count() <= BODY_PREVIEW {
        body.to_owned()
    } else {
        let cut: String = body.chars().take(BODY_PREVIEW).collect();
        format!("{cut}… ({} bytes)", body.len())
    }
}

/// Everything but a documented answer that can end a call of a typed client
/// operation (or of [`crate::HttpClient::send`]).
///
/// Both the enum and each variant are `#[non_exhaustive]`: new failure kinds
/// (time and size limits, say) become new variants and variants may gain
/// fields, so match with a wildcard arm and `..`. Use [`ClientError::status`],
/// [`ClientError::is_timeout`] and [`ClientError::is_connect`] for the common
/// questions.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum ClientError {
    /// The base URL plus path did not form a valid URL.
    #[non_exhaustive]
    InvalidUrl {
        /// The URL as joined (base URL + expanded path).
        url: String,
        /// Why it is not a usable URL.
        reason: String,
    },
    /// The request could not be built (e.g. a body that does not serialise).
    #[non_exhaustive]
    InvalidRequest {
        /// What was wrong with it.
        message: String,
    },
    /// No answer: connection refused or reset, timed out, TLS failure, or the
    /// body could not be read. Transport retries (see [`crate::RetryPolicy`])
    /// have already been made.
    #[non_exhaustive]
    Transport {
        /// The request method.
        method: String,
        /// The request URL, with any credential in the query shown as `***`.
        url: String,
        /// The underlying error, with its URL removed
        /// ([`reqwest::Error::without_url`]) so that no credential in a query
        /// string survives in it. Also [`std::error::Error::source`].
        source: std::sync::Arc<reqwest::Error>,
    },
    /// The server answered a status the operation does not document.
    #[non_exhaustive]
    UnexpectedStatus {
        /// The request method.
        method: String,
        /// The request URL, with any credential in the query shown as `***`.
        url: String,
        /// The status the server answered.
        status: u16,
        /// The body the server sent, as (lossy) text.
        body: String,
    },
    /// A documented status whose body did not match the documented schema.
    #[non_exhaustive]
    Decode {
        /// The request method.
        method: String,
        /// The request URL, with any credential in the query shown as `***`.
        url: String,
        /// The status the server answered.
        status: u16,
        /// The body the server sent, as (lossy) text.
        body: String,
        /// What did not match, as the JSON decoder put it.
        message: String,
    },
    /// A JSON body that does not match the schema its operation documents for the
    /// status (checked before decoding or selecting anything from it; see
    /// [`crate::schema`]). Boxed to keep `ClientError` small.
    ResponseSchema(Box<ResponseSchemaError>),
    /// A documented response header that is required but absent (`value`
    /// is `None`), or whose value does not parse as its schema's type.
    /// (No method or URL, unlike its neighbours: `operation` says which call
    /// it was, and the variant must stay small enough for clippy's
    /// `result_large_err` in code that returns `ClientError`.)
    #[non_exhaustive]
    InvalidHeader {
        /// The operationId, or `METHOD /path` when there is none.
        operation: String,
        /// The status of the answer that carried the header.
        status: u16,
        /// The header's name as the description spells it.
        header: String,
        /// The value sent (repeated fields joined with `, `), `None` when absent.
        value: Option<String>,
        /// Why it does not fit.
        message: String,
    },
    /// The request ran out of time: see [`crate::TimeoutKind`] for what timed out. A `GET`
    /// (any idempotent method) that timed out was retried by the [`crate::RetryPolicy`]
    /// first; a `POST` or `PATCH` never is (the server may have acted on it).
    #[non_exhaustive]
    Timeout {
        /// The request method.
        method: String,
        /// The request URL, credentials shown as `***`.
        url: String,
        /// What timed out.
        kind: crate::TimeoutKind,
        /// The limit that passed (for [`crate::TimeoutKind::Deadline`]: the time the
        /// attempt had left of the run).
        limit: Duration,
        /// The attempts made (0: the deadline had passed before the first).
        attempts: u32,
    },
    /// The body was longer than the limit ([`crate::Limits::max_body_size`] or the
    /// request's own); reading stopped there.
    #[non_exhaustive]
    TooLarge {
        /// The request method.
        method: String,
        /// The request URL, credentials shown as `***`.
        url: String,
        /// The limit, in bytes.
        limit: usize,
    },
    /// A redirect that was not followed: too many hops, a `Location` that is not a usable
    /// URL, or another origin when the [`crate::RedirectPolicy`] refuses that.
    #[non_exhaustive]
    Redirect {
        /// The request method.
        method: String,
        /// The URL that answered with the redirect, credentials shown as `***`.
        url: String,
        /// Where it pointed, credentials shown as `***`.
        location: String,
        /// Why it was not followed.
        reason: String,
    },
    /// The server rate-limited the request and announced a reset further away than the
    /// retry policy's cap or the run's deadline allow: the transport gave up at once.
    #[non_exhaustive]
    RateLimited {
        /// The request method.
        method: String,
        /// The request URL, credentials shown as `***`.
        url: String,
        /// The status (429, or 503).
        status: u16,
        /// The header that announced the reset.
        header: String,
        /// When the window reopens, from the answer.
        reset_in: Duration,
        /// Why that was not waited for.
        why: String,
    },
    /// The exchange ran in another process (a durable executor's activity, see
    /// [`crate::Executor`]) and failed there; `message` is that error as it showed it
    /// (already redacted: no credential in it).
    #[non_exhaustive]
    Remote {
        /// The request method.
        method: String,
        /// The request URL, credentials shown as `***`.
        url: String,
        /// The error, as the process that ran the exchange displayed it.
        message: String,
        /// It was a [`ClientError::Transport`] error there whose cause was no connection
        /// ([`ClientError::is_connect`] answers the same here).
        connect: bool,
        /// It was a [`ClientError::Transport`] error there that timed out (a timeout set
        /// on the user's own `reqwest::Client`; [`ClientError::is_timeout`] answers the same here).
        timed_out: bool,
    },
}

/// The details of [`ClientError::ResponseSchema`]. The body is not quoted (it
/// may carry anything); the path says where to look.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ResponseSchemaError {
    /// The operationId, or `METHOD /path` when there is none.
    pub operation: String,
    /// The request method.
    pub method: String,
    /// The request URL, credentials shown as `***`.
    pub url: String,
    /// The status the server answered.
    pub status: u16,
    /// Where and how the body departs from the schema.
    pub mismatch: crate::schema::SchemaMismatch,
}

impl fmt::Display for ResponseSchemaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` ({} {}): HTTP {} body does not match its schema {}",
            self.operation, self.method, self.url, self.status, self.mismatch
        )
    }
}

impl ClientError {
    /// [`ClientError::Remote`]: an exchange that failed in the process that ran it.
    #[must_use]
    pub fn remote(method: impl Into<String>, url: impl Into<String>, message: impl Into<String>) -> Self {
        ClientError::Remote {
            method: method.into(),
            url: url.into(),
            message: message.into(),
            connect: false,
            timed_out: false,
        }
    }

    /// [`ClientError::Remote`] for a [`ClientError::Transport`] error in the process that
    /// ran the exchange (its `reqwest::Error` does not cross processes): the message, and
    /// what [`ClientError::is_connect`] and [`ClientError::is_timeout`] said there.
    #[must_use]
    pub fn remote_transport(
        method: impl Into<String>,
        url: impl Into<String>,
        message: impl Into<String>,
        connect: bool,
        timed_out: bool,
    ) -> Self {
        ClientError::Remote {
            method: method.into(),
            url: url.into(),
            message: message.into(),
            connect,
            timed_out,
        }
    }

    // The constructors below rebuild an error another process reported (a durable
    // executor's activity): the variants are `#[non_exhaustive]`, so without them only
    // this crate could, and a durable run would lose the error's kind.

    /// [`ClientError::InvalidUrl`].
    #[must_use]
    pub fn invalid_url(url: impl Into<String>, reason: impl Into<String>) -> Self {
        ClientError::InvalidUrl {
            url: url.into(),
            reason: reason.into(),
        }
    }

    /// [`ClientError::InvalidRequest`].
    #[must_use]
    pub fn invalid_request(message: impl Into<String>) -> Self {
        ClientError::InvalidRequest { message: message.into() }
    }

    /// [`ClientError::UnexpectedStatus`].
    #[must_use]
    pub fn unexpected_status(method: impl Into<String>, url: impl Into<String>, status: u16, body: impl Into<String>) -> Self {
        ClientError::UnexpectedStatus {
            method: method.into(),
            url: url.into(),
            status,
            body: body.into(),
        }
    }

    /// [`ClientError::Decode`].
    #[must_use]
    pub fn decode(
        method: impl Into<String>,
        url: impl Into<String>,
        status: u16,
        body: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        ClientError::Decode {
            method: method.into(),
            url: url.into(),
            status,
            body: body.into(),
            message: message.into(),
        }
    }

    /// [`ClientError::ResponseSchema`]: the body's first departure from its schema is at
    /// `path` (`$`-notation), where `expected` (beginning with `expected`) was not met.
    #[must_use]
    pub fn response_schema(
        operation: impl Into<String>,
        method: impl Into<String>,
        url: impl Into<String>,
        status: u16,
        path: impl Into<String>,
        expected: impl Into<String>,
    ) -> Self {
        ClientError::ResponseSchema(Box::new(ResponseSchemaError {
            operation: operation.into(),
            method: method.into(),
            url: url.into(),
            status,
            mismatch: crate::schema::SchemaMismatch {
                path: path.into(),
                expected: expected.into(),
            },
        }))
    }

    /// [`ClientError::InvalidHeader`].
    #[must_use]
    pub fn invalid_header(
        operation: impl Into<String>,
        status: u16,
        header: impl Into<String>,
        value: Option<String>,
        message: impl Into<String>,
    ) -> Self {
        ClientError::InvalidHeader {
            operation: operation.into(),
            status,
            header: header.into(),
            value,
            message: message.into(),
        }
    }

    /// [`ClientError::TooLarge`].
    #[must_use]
    pub fn too_large(method: impl Into<String>, url: impl Into<String>, limit: usize) -> Self {
        ClientError::TooLarge {
            method: method.into(),
            url: url.into(),
            limit,
        }
    }

    /// [`ClientError::Redirect`].
    #[must_use]
    pub fn redirect(method: impl Into<String>, url: impl Into<String>, location: impl Into<String>, reason: impl Into<String>) -> Self {
        ClientError::Redirect {
            method: method.into(),
            url: url.into(),
            location: location.into(),
            reason: reason.into(),
        }
    }

    /// [`ClientError::RateLimited`].
    #[must_use]
    pub fn rate_limited(
        method: impl Into<String>,
        url: impl Into<String>,
        status: u16,
        header: impl Into<String>,
        reset_in: Duration,
        why: impl Into<String>,
    ) -> Self {
        ClientError::RateLimited {
            method: method.into(),
            url: url.into(),
            status,
            header: header.into(),
            reset_in,
            why: why.into(),
        }
    }

    /// [`ClientError::Timeout`], as the process that ran the exchange reported it.
    #[must_use]
    pub fn timeout(method: impl Into<String>, url: impl Into<String>, kind: crate::TimeoutKind, limit: Duration, attempts: u32) -> Self {
        ClientError::Timeout {
            method: method.into(),
            url: url.into(),
            kind,
            limit,
            attempts,
        }
    }

    /// The HTTP status behind the error, when the server answered.
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        match self {
            ClientError::UnexpectedStatus { status, .. }
            | ClientError::Decode { status, .. }
            | ClientError::InvalidHeader { status, .. }
            | ClientError::RateLimited { status, .. } => Some(*status),
            ClientError::ResponseSchema(e) => Some(e.status),
            ClientError::InvalidUrl { .. }
            | ClientError::InvalidRequest { .. }
            | ClientError::Transport { .. }
            | ClientError::Timeout { .. }
            | ClientError::TooLarge { .. }
            | ClientError::Redirect { .. }
            | ClientError::Remote { .. } => None,
        }
    }

    /// Whether the call got no answer because a timeout passed: [`ClientError::Timeout`],
    /// or one set on the `reqwest::Client` given to `with_http_client`.
    #[must_use]
    pub fn is_timeout(&self) -> bool {
        match self {
            ClientError::Timeout { .. } => true,
            ClientError::Transport { source, .. } => source.is_timeout(),
            ClientError::Remote { timed_out, .. } => *timed_out,
            _ => false,
        }
    }

    /// Whether the call got no answer because no connection could be made
    /// (refused, unreachable, DNS failure, TLS handshake).
    #[must_use]
    pub fn is_connect(&self) -> bool {
        match self {
            ClientError::Transport { source, .. } => source.is_connect(),
            ClientError::Remote { connect, .. } => *connect,
            _ => false,
        }
    }
}

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientError::InvalidUrl { url, reason } => write!(f, "invalid URL `{url}`: {reason}"),
            ClientError::InvalidRequest { message } => write!(f, "invalid request: {message}"),
            ClientError::Remote { message, .. } => f.write_str(message),
            // The cause is spelled out here as well as returned by `source()`:
            // most callers print only the top error, and "no answer" alone
            // says nothing.
            ClientError::Transport { method, url, source } => write!(f, "{method} {url}: no answer: {}", error_chain(source.as_ref())),
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
            ClientError::ResponseSchema(e) => e.fmt(f),
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
            ClientError::Timeout {
                method,
                url,
                kind,
                limit,
                attempts,
            } => {
                write!(f, "{method} {url}: timed out: {} ({:.1}s", kind.describe(), limit.as_secs_f64())?;
                if *attempts > 1 {
                    write!(f, ", {attempts} attempts")?;
                }
                f.write_str(")")
            }
            ClientError::TooLarge { method, url, limit } => write!(
                f,
                "{method} {url}: the response body is larger than the limit of {}; raise it with `Limits::with_max_body_size`",
                crate::limits::bytes(*limit)
            ),
            ClientError::Redirect {
                method,
                url,
                location,
                reason,
            } => write!(f, "{method} {url}: redirect to {location} not followed: {reason}"),
            ClientError::RateLimited {
                method,
                url,
                status,
                header,
                reset_in,
                why,
            } => write!(
                f,
                "{method} {url}: rate limited (HTTP {status}); the window reopens in {:.0}s ({header}), {why}",
                reset_in.as_secs_f64().ceil()
            ),
        }
    }
}

impl std::error::Error for ClientError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ClientError::Transport { source, .. } => Some(source.as_ref()),
            _ => None,
        }
    }
}

/// reqwest's own message ("error sending request") hides the cause
/// ("connection refused"); the chain of sources says what happened.
pub(crate) fn error_chain(e: &reqwest::Error) -> String {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        let text = cause.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = cause.source();
    }
    message
}

/// The error of a typed client operation: a documented error status with its
/// typed body, or anything else as a [`ClientError`].
///
/// Generated methods return `Result<ResponseValue<T>, ApiError<E>>`, where `E`
/// is the body type of the operation's documented error statuses (an enum
/// `<Op>Error` with one variant per status when there are several), and
/// [`std::convert::Infallible`] when it documents none. So `?` stops on every
/// status that is not a success, and a documented one keeps its typed body:
///
/// ```no_run
/// # mod pets { pub struct Client; pub struct Pet { pub name: String }
/// #   pub enum GetPetError { NotFound(String) }
/// #   impl Client { pub async fn get_pet(&self, _: i64) -> Result<arazzo::ResponseValue<Pet>, arazzo::ApiError<GetPetError>> { unimplemented!() } } }
/// # async fn demo(client: pets::Client) -> Result<(), arazzo::ApiError<pets::GetPetError>> {
/// match client.get_pet(7).await {
///     Ok(pet) => println!("{} (HTTP {})", pet.name, pet.status()),
///     Err(arazzo::ApiError::Documented(answer)) => match answer.into_inner() {
///         pets::GetPetError::NotFound(message) => println!("no such pet: {message}"),
///     },
///     Err(other) => return Err(other), // no answer, an undocumented status, a body that does not decode
/// }
/// # Ok(()) }
/// ```
///
/// This enum is deliberately exhaustive: an answer is documented or it is not,
/// and new kinds of failure are added to [`ClientError`] instead. The documented
/// answer is boxed so that the error stays small (clippy's `result_large_err`
/// in code returning it) whatever the size of `E`.
#[derive(Debug, Clone)]
pub enum ApiError<E> {
    /// The server answered one of the error statuses the operation documents
    /// (a `4XX` or `5XX` code or range, or `default`); the body is decoded.
    Documented(Box<ResponseValue<E>>),
    /// Anything else: no answer, an undocumented status, a body or header that
    /// does not match the description, a request that could not be built.
    Client(ClientError),
}

impl<E> ApiError<E> {
    /// The documented error answer as an `ApiError` (boxing it).
    #[must_use]
    pub fn documented(answer: ResponseValue<E>) -> Self {
        ApiError::Documented(Box::new(answer))
    }

    /// The HTTP status behind the error, when the server answered.
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Documented(answer) => Some(answer.status()),
            ApiError::Client(error) => error.status(),
        }
    }

    /// The documented error answer, if that is what this is.
    #[must_use]
    pub fn as_documented(&self) -> Option<&ResponseValue<E>> {
        match self {
            ApiError::Documented(answer) => Some(answer),
            ApiError::Client(_) => None,
        }
    }

    /// The documented error answer, or the other error: `Err(client_error)`
    /// lets `?` pass every undocumented failure on while the caller handles
    /// the documented ones.
    ///
    /// # Errors
    ///
    /// The [`ClientError`] when this is not a documented answer.
    pub fn into_documented(self) -> Result<ResponseValue<E>, ClientError> {
        match self {
            ApiError::Documented(answer) => Ok(*answer),
            ApiError::Client(error) => Err(error),
        }
    }

    /// The [`ClientError`], if that is what this is.
    #[must_use]
    pub fn as_client_error(&self) -> Option<&ClientError> {
        match self {
            ApiError::Documented(_) => None,
            ApiError::Client(error) => Some(error),
        }
    }

    /// See [`ClientError::is_timeout`].
    #[must_use]
    pub fn is_timeout(&self) -> bool {
        self.as_client_error().is_some_and(ClientError::is_timeout)
    }

    /// See [`ClientError::is_connect`].
    #[must_use]
    pub fn is_connect(&self) -> bool {
        self.as_client_error().is_some_and(ClientError::is_connect)
    }
}

impl<E> From<ClientError> for ApiError<E> {
    fn from(error: ClientError) -> Self {
        ApiError::Client(error)
    }
}

/// An operation that documents no error status can only fail with a
/// [`ClientError`]; this drops the impossible case.
impl From<ApiError<std::convert::Infallible>> for ClientError {
    fn from(error: ApiError<std::convert::Infallible>) -> Self {
        match error {
            ApiError::Client(error) => error,
            ApiError::Documented(answer) => match answer.inner {},
        }
    }
}

impl<E: fmt::Debug> fmt::Display for ApiError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Documented(answer) => write!(
                f,
                "documented error status {}: {}",
                answer.status(),
                preview(&answer.scrub(&format!("{:?}", &**answer as &E)))
            ),
            ApiError::Client(error) => fmt::Display::fmt(error, f),
        }
    }
}

/// `Client` is transparent: its `Display` is the [`ClientError`]'s, and so is
/// its `source()` (the transport's error, for a call that got no answer).
impl<E: fmt::Debug> std::error::Error for ApiError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ApiError::Documented(_) => None,
            ApiError::Client(error) => std::error::Error::source(error),
        }
    }
}

/// A workflow run that did not reach its outputs.
///
/// Every variant names the workflow (its `workflowId`); [`WorkflowError::step`]
/// and [`WorkflowError::status`] answer the common questions without a match.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum WorkflowError {
    /// A step's success criteria were not met and no failure action handled
    /// it (Arazzo's default: "break and return").
    StepFailed {
        /// The workflow's `workflowId`.
        workflow: String,
        /// The step's `stepId`.
        step: String,
        /// The status of the step's answer (0 for a step that called a workflow).
        status: u16,
        /// The body of the step's answer, as (lossy) text.
        body: String,
        /// Set when a criterion could not be evaluated (a body that is not
        /// XML for an `xpath` criterion, ...) rather than evaluated to false.
        reason: Option<String>,
    },
    /// The step's request got no usable answer. (Boxed: it is large, and
    /// every `Result` in a run carries this type.)
    Client {
        /// The workflow's `workflowId`.
        workflow: String,
        /// The step's `stepId`.
        step: String,
        /// What went wrong with the request; also [`std::error::Error::source`].
        source: Box<ClientError>,
    },
    /// The run's deadline ([`crate::PollPolicy::deadline`]) passed: while polling had not
    /// settled, or while a step's request was in flight (then `source` is that request's
    /// [`ClientError::Timeout`], with its URL).
    Timeout {
        /// The workflow's `workflowId`.
        workflow: String,
        /// The step that was about to run again.
        step: String,
        /// How long the run had taken.
        elapsed: Duration,
        /// The [`crate::PollPolicy`] deadline.
        deadline: Duration,
        /// The request the deadline cut off, if one was in flight; also
        /// [`std::error::Error::source`].
        source: Option<Box<ClientError>>,
    },
    /// A step ran out of its `timeout` (Arazzo 1.1; retries included) and no failure action
    /// handled it. Failure actions see the step without an answer: `$statusCode == null`
    /// matches a timed-out step.
    StepTimeout {
        /// The workflow's `workflowId`.
        workflow: String,
        /// The step's `stepId`.
        step: String,
        /// The step's `timeout`.
        timeout: Duration,
        /// How long the step had run, from its first attempt.
        elapsed: Duration,
    },
    /// More steps ran than the policy allows (a `goto` cycle).
    StepLimit {
        /// The workflow's `workflowId`.
        workflow: String,
        /// The [`crate::PollPolicy`] `max_steps`.
        limit: u32,
    },
    /// A required value (parameter, output) selected nothing.
    MissingValue {
        /// The workflow's `workflowId`.
        workflow: String,
        /// The step, when the value belongs to one.
        step: Option<String>,
        /// The parameter, output or input that needed the value.
        name: String,
        /// The runtime expression that selected nothing.
        expression: String,
    },
    /// A value exists but does not have the type the spec promised.
    InvalidValue {
        /// The workflow's `workflowId`.
        workflow: String,
        /// The step, when the value belongs to one.
        step: Option<String>,
        /// The parameter, output or input the value is for.
        name: String,
        /// The runtime expression that produced it.
        expression: String,
        /// Why it does not fit, as the JSON decoder put it.
        message: String,
    },
    /// A runtime expression or criterion could not be evaluated.
    Expression {
        /// The workflow's `workflowId`.
        workflow: String,
        /// The step, when the expression belongs to one.
        step: Option<String>,
        /// The expression or condition as written.
        expression: String,
        /// Why it could not be evaluated.
        message: String,
    },
    /// A step was reached (by a `goto`, say) before a step it lists in `dependsOn` (Arazzo
    /// 1.1) had completed in this run; nothing of the step was sent. "Completed" means its
    /// success criteria held at least once in this run (a step that failed, even one whose
    /// failure actions carried on, did not complete).
    DependencyNotCompleted {
        /// The workflow's `workflowId`.
        workflow: String,
        /// The step that was reached.
        step: String,
        /// The `stepId` it depends on, which had not completed.
        dependency: String,
    },
    /// Workflows calling workflows nested deeper than [`crate::MAX_DEPTH`]
    /// (a `workflowId` step or `goto` that recurses without end).
    TooDeep {
        /// The workflow that would have run one level too deep.
        workflow: String,
        /// The depth it would have run at.
        depth: u32,
    },
    /// The run ended through a failure action of type `end`. `outputs`:
    /// the workflow outputs that could be evaluated at that point ("the
    /// workflow ends, and context returns to the caller with applicable
    /// outputs").
    Ended {
        /// The workflow's `workflowId`.
        workflow: String,
        /// The step whose failure action ended the run.
        step: String,
        /// The failure action's `name`.
        action: String,
        /// The status of the step's answer.
        status: u16,
        /// The body of the step's answer, as (lossy) text.
        body: String,
        /// The outputs that could be evaluated when the run ended.
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
                source: None,
            } => write!(
                f,
                "workflow `{workflow}`: timed out polling step `{step}` after {:.1}s (deadline {:.1}s)",
                elapsed.as_secs_f64(),
                deadline.as_secs_f64()
            ),
            WorkflowError::Timeout {
                workflow,
                step,
                elapsed,
                deadline,
                source: Some(source),
            } => write!(
                f,
                "workflow `{workflow}`: step `{step}`: the run's deadline ({:.1}s) passed after {:.1}s: {source}",
                deadline.as_secs_f64(),
                elapsed.as_secs_f64()
            ),
            WorkflowError::StepTimeout { .. } => self.fmt_step_timeout(f),
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
            WorkflowError::DependencyNotCompleted {
                workflow,
                step,
                dependency,
            } => write!(
                f,
                "workflow `{workflow}`: step `{step}` was reached before step `{dependency}`, which it depends on (`dependsOn`), had completed; nothing was sent"
            ),
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

impl WorkflowError {
    /// [`WorkflowError::StepTimeout`]'s message (its own function: `fmt` is long enough).
    fn fmt_step_timeout(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let WorkflowError::StepTimeout {
            workflow,
            step,
            timeout,
            elapsed,
        } = self
        else {
            return Ok(());
        };
        write!(
            f,
            "workflow `{workflow}`: step `{step}` timed out: its timeout is {} ms, and it had run {} ms",
            timeout.as_millis(),
            elapsed.as_millis()
        )
    }
}

impl std::error::Error for WorkflowError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WorkflowError::Client { source, .. } | WorkflowError::Timeout { source: Some(source), .. } => Some(source.as_ref()),
            _ => None,
        }
    }
}

impl WorkflowError {
    /// The step the error happened in, when there is one.
    #[must_use]
    pub fn step(&self) -> Option<&str> {
        match self {
            WorkflowError::StepFailed { step, .. }
            | WorkflowError::Client { step, .. }
            | WorkflowError::Timeout { step, .. }
            | WorkflowError::StepTimeout { step, .. }
            | WorkflowError::Ended { step, .. }
            | WorkflowError::DependencyNotCompleted { step, .. } => Some(step),
            WorkflowError::MissingValue { step, .. }
            | WorkflowError::InvalidValue { step, .. }
            | WorkflowError::Expression { step, .. } => step.as_deref(),
            WorkflowError::StepLimit { .. } | WorkflowError::TooDeep { .. } => None,
        }
    }

    /// The HTTP status behind the error, when there is one.
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        match self {
            WorkflowError::StepFailed { status, .. } | WorkflowError::Ended { status, .. } => Some(*status),
            WorkflowError::Client { source, .. } => source.status(),
            _ => None,
        }
    }
}
