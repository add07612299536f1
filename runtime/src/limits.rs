//! How long a request may take, how much it may bring back, and where it may be redirected.
//!
//! A client without limits hangs forever on a server that accepts and never answers, and
//! holds whatever a server sends in memory; these are the bounds every request runs under,
//! set per client ([`crate::HttpClient::with_limits`]) and narrowed per operation
//! ([`crate::Request::timeout`], [`crate::Request::max_body_size`]).

use std::time::Duration;

/// The bounds of every request a client sends.
///
/// Defaults: connect within 10 s, a whole attempt (headers and body) within 30 s, no gap
/// longer than 10 s between body chunks, bodies up to 32 MiB, redirects followed up to 10
/// hops with credentials dropped on a change of origin, at most 100 attempts in flight per
/// client.
///
/// `#[non_exhaustive]`: start from [`Limits::default`] and the `with_*` methods.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Limits {
    /// How long establishing a connection (TCP and TLS) may take.
    pub connect_timeout: Duration,
    /// How long one attempt may take, from sending to the last byte of the body.
    pub request_timeout: Duration,
    /// The longest gap between two chunks of a body.
    pub read_timeout: Duration,
    /// The largest body read; a longer one ends in [`crate::ClientError::TooLarge`].
    pub max_body_size: usize,
    /// How redirects are followed.
    pub redirects: RedirectPolicy,
    /// Narrower (or wider) limits for single operations, by method and path template.
    pub operations: Vec<OperationLimits>,
    /// How many attempts a client (with its clones) has in flight at once; more wait, first
    /// come first served, for one to end. Each attempt in flight holds a connection, and an
    /// idle connection stays in the pool, so this also bounds the connections (and their
    /// buffers) a burst of runs leaves behind. The wait is not part of an attempt's timeout
    /// (that starts once it has its turn), but the run's deadline bounds it
    /// ([`TimeoutKind::Queued`]). A request waiting between retries or polls holds no turn.
    /// Default 100, the connection limit httpx and aiohttp default to; `usize::MAX` for none.
    pub max_in_flight: usize,
}

/// The limits of one operation, found by its method and path template as the description
/// writes it (`GET /issues/{issue_id}/seer/autofix/`, as the generated method's doc shows it).
/// A limit set on the [`crate::Request`] itself wins over this.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct OperationLimits {
    /// The operation's method.
    pub method: reqwest::Method,
    /// The operation's path template.
    pub path: String,
    /// Its timeout per attempt, instead of [`Limits::request_timeout`].
    pub request_timeout: Option<Duration>,
    /// Its body limit, instead of [`Limits::max_body_size`].
    pub max_body_size: Option<usize>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            connect_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            read_timeout: Duration::from_secs(10),
            max_body_size: 32 * 1024 * 1024,
            redirects: RedirectPolicy::default(),
            operations: Vec::new(),
            max_in_flight: 100,
        }
    }
}

impl Limits {
    /// The connect timeout.
    #[must_use]
    pub fn with_connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The timeout of one attempt (headers and body).
    #[must_use]
    pub fn with_request_timeout(mut self, timeout: Duration) -> Self {
        self.request_timeout = timeout;
        self
    }

    /// The longest gap between body chunks.
    #[must_use]
    pub fn with_read_timeout(mut self, timeout: Duration) -> Self {
        self.read_timeout = timeout;
        self
    }

    /// The largest body read, in bytes.
    #[must_use]
    pub fn with_max_body_size(mut self, bytes: usize) -> Self {
        self.max_body_size = bytes;
        self
    }

    /// How redirects are followed.
    #[must_use]
    pub fn with_redirects(mut self, redirects: RedirectPolicy) -> Self {
        self.redirects = redirects;
        self
    }

    /// The attempts a client has in flight at once (at least 1; `usize::MAX` for no limit).
    #[must_use]
    pub fn with_max_in_flight(mut self, attempts: usize) -> Self {
        self.max_in_flight = attempts;
        self
    }

    /// The timeout per attempt of one operation (`method` and `path` template).
    #[must_use]
    pub fn with_operation_timeout(mut self, method: reqwest::Method, path: &str, timeout: Duration) -> Self {
        self.operation_mut(method, path).request_timeout = Some(timeout);
        self
    }

    /// The body limit of one operation (`method` and `path` template).
    #[must_use]
    pub fn with_operation_max_body_size(mut self, method: reqwest::Method, path: &str, bytes: usize) -> Self {
        self.operation_mut(method, path).max_body_size = Some(bytes);
        self
    }

    fn operation_mut(&mut self, method: reqwest::Method, path: &str) -> &mut OperationLimits {
        let at = if let Some(at) = self.operations.iter().position(|o| o.method == method && o.path == path) {
            at
        } else {
            self.operations.push(OperationLimits {
                method,
                path: path.to_owned(),
                request_timeout: None,
                max_body_size: None,
            });
            self.operations.len() - 1
        };
        &mut self.operations[at]
    }

    /// The limits set for this operation, if any.
    pub(crate) fn operation(&self, method: &reqwest::Method, path: &str) -> Option<&OperationLimits> {
        self.operations.iter().find(|o| o.method == *method && o.path == path)
    }
}

/// How the transport follows redirects (301, 302, 303, 307, 308 with a `Location`).
///
/// The transport follows them itself (the `reqwest` client never does), so that on a change
/// of origin (scheme, host or port) every credential the client added is dropped: the
/// [`crate::Auth`], the `Cookie` header, and request headers named like credentials
/// (`Authorization`, `*-Key`, `*token*`, ...). No `Referer` is ever sent.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RedirectPolicy {
    /// Hops followed before [`crate::ClientError::Redirect`] (0: none are followed; the
    /// 3xx answer is returned as it is).
    pub max_hops: u32,
    /// Whether a redirect to another origin is followed (without credentials) or refused
    /// with [`crate::ClientError::Redirect`].
    pub cross_origin: bool,
}

impl Default for RedirectPolicy {
    fn default() -> Self {
        RedirectPolicy {
            max_hops: 10,
            cross_origin: true,
        }
    }
}

impl RedirectPolicy {
    /// Redirects are not followed: a 3xx answer is returned as it is.
    #[must_use]
    pub fn none() -> Self {
        RedirectPolicy {
            max_hops: 0,
            cross_origin: false,
        }
    }

    /// Same-origin redirects only; another origin is refused.
    #[must_use]
    pub fn same_origin(max_hops: u32) -> Self {
        RedirectPolicy {
            max_hops,
            cross_origin: false,
        }
    }
}

/// What ran out of time, in a [`crate::ClientError::Timeout`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimeoutKind {
    /// No connection within [`Limits::connect_timeout`].
    Connect,
    /// No response headers within [`Limits::request_timeout`].
    Response,
    /// The body did not complete within [`Limits::request_timeout`].
    Body,
    /// No body data for [`Limits::read_timeout`].
    Stalled,
    /// The run's deadline ([`crate::PollPolicy::deadline`]) passed during the request.
    Deadline,
    /// The run's deadline passed while the request waited for its turn: the client had
    /// [`Limits::max_in_flight`] attempts in flight all that time. Nothing was sent.
    Queued,
}

impl TimeoutKind {
    pub(crate) fn describe(self) -> &'static str {
        match self {
            TimeoutKind::Connect => "no connection within the connect timeout",
            TimeoutKind::Response => "no response headers within the request timeout",
            TimeoutKind::Body => "the body did not complete within the request timeout",
            TimeoutKind::Stalled => "the body stalled (no data within the read timeout)",
            TimeoutKind::Deadline => "no answer before the run's deadline",
            TimeoutKind::Queued => {
                "the run's deadline passed while the request waited for a turn (the client's `max_in_flight` attempts were all in flight)"
            }
        }
    }
}

/// Whether a header, query parameter or cookie name is one a credential travels in (the
/// generator's rule too, so it lives in `arazzo-expr`): values under such names are redacted
/// wherever a request is shown, and such headers are dropped on a redirect to another origin.
pub use arazzo_expr::is_credential_name;

/// A byte count for messages: `32 MiB`, `1.5 KiB`, `12 bytes`.
pub(crate) fn bytes(n: usize) -> String {
    #[allow(clippy::cast_precision_loss, reason = "a message, not arithmetic")]
    let f = n as f64;
    if n >= 1 << 20 && n.is_multiple_of(1 << 20) {
        format!("{} MiB", n >> 20)
    } else if n >= 1 << 20 {
        format!("{:.1} MiB", f / f64::from(1u32 << 20))
    } else if n >= 1 << 10 {
        format!("{:.1} KiB", f / 1024.0)
    } else {
        format!("{n} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_counts() {
        assert_eq!(bytes(32 * 1024 * 1024), "32 MiB");
        assert_eq!(bytes(1536), "1.5 KiB");
        assert_eq!(bytes(12), "12 bytes");
    }
}
