//! Where messages for `receive` steps arrive: an [`Inbox`] that webhook handlers deliver
//! to and running workflows wait on.
//!
//! A `receive` step of an Arazzo 1.1 workflow waits for a message on an AsyncAPI channel.
//! Over HTTP that message is a request someone else sends (Sentry posting a webhook), so
//! something must listen: either the user's own server (axum, actix, ...) hands each
//! request to [`Inbox::deliver_http`], or the small server behind the `webhook-server`
//! feature (`arazzo::webhook`) does. The inbox itself needs no server, no socket and no
//! extra dependency, so the runtime stays light for users who never receive.

use std::collections::VecDeque;
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

use serde_json::Value;
use tokio::sync::Notify;
use tokio::time::Instant;

/// How many undelivered messages an inbox keeps; past it the oldest is dropped, so a
/// sender flooding a channel nobody waits on cannot grow memory without bound.
pub const INBOX_CAPACITY: usize = 1024;

/// The largest webhook body [`Inbox::deliver_http`] accepts.
pub const MAX_MESSAGE_BYTES: usize = 1024 * 1024;

/// A message delivered to a channel: its address (the HTTP path it was posted to),
/// headers and JSON payload.
#[derive(Clone, PartialEq)]
pub struct Message {
    /// The channel address, as a path (`/sentry/webhooks`).
    pub address: String,
    /// Header names and values, in arrival order.
    pub headers: Vec<(String, String)>,
    /// The payload (a body that is not JSON is held as a JSON string).
    pub payload: Value,
}

impl Message {
    /// A message for the channel at `address` with `payload` and no headers.
    pub fn new(address: impl Into<String>, payload: Value) -> Self {
        Message {
            address: normalize(&address.into()),
            headers: Vec::new(),
            payload,
        }
    }

    /// Adds a header.
    #[must_use]
    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// An HTTP request as a message: `path` is the request path (the channel address), the
    /// body is parsed as JSON (text that is not JSON becomes a JSON string). What
    /// [`Inbox::deliver_http`] delivers; a handler that hands messages to another engine
    /// (a durable run) builds them with this.
    ///
    /// # Errors
    ///
    /// [`Rejected`] for a method other than `POST` or a body over [`MAX_MESSAGE_BYTES`].
    pub fn from_http<'h>(
        method: &str,
        path: &str,
        headers: impl IntoIterator<Item = (&'h str, &'h str)>,
        body: &[u8],
    ) -> Result<Message, Rejected> {
        if !method.eq_ignore_ascii_case("POST") {
            return Err(Rejected::Method(method.to_owned()));
        }
        if body.len() > MAX_MESSAGE_BYTES {
            return Err(Rejected::TooLarge);
        }
        let payload = serde_json::from_slice(body).unwrap_or_else(|_| Value::String(String::from_utf8_lossy(body).into_owned()));
        let mut message = Message::new(path, payload);
        message.headers = headers.into_iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect();
        Ok(message)
    }

    /// The value of header `name` (case-insensitive), if present.
    #[must_use]
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Payloads and header values may carry tokens: `Debug` shows the address and header
/// names only.
impl fmt::Debug for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Message")
            .field("address", &self.address)
            .field("headers", &self.headers.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}

/// `/a/b` for `a/b`, `/a/b/` and `/a/b`: channel addresses and request paths compare so.
pub(crate) fn normalize(address: &str) -> String {
    let path = address.split(['?', '#']).next().unwrap_or_default().trim_end_matches('/');
    if path.starts_with('/') {
        path.to_owned()
    } else {
        format!("/{path}")
    }
}

/// Why [`Inbox::deliver_http`] refused a request.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rejected {
    /// Only `POST` delivers a message.
    Method(String),
    /// The body is larger than [`MAX_MESSAGE_BYTES`].
    TooLarge,
}

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejected::Method(m) => write!(f, "messages are delivered with POST, not {m}"),
            Rejected::TooLarge => write!(f, "the message is larger than {MAX_MESSAGE_BYTES} bytes"),
        }
    }
}

impl std::error::Error for Rejected {}

/// Messages waiting for a `receive` step. Cheap to clone: clones share the messages, so
/// the webhook handler and the generated `Workflows` hold the same inbox.
#[derive(Clone, Default)]
pub struct Inbox {
    inner: Arc<Inner>,
}

#[derive(Default)]
struct Inner {
    queue: Mutex<VecDeque<Message>>,
    arrived: Notify,
}

impl fmt::Debug for Inbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Inbox").field("pending", &self.pending()).finish()
    }
}

impl Inbox {
    /// An empty inbox.
    #[must_use]
    pub fn new() -> Self {
        Inbox::default()
    }

    /// Hands a message to the waiting `receive` steps (or keeps it for the next one).
    pub fn deliver(&self, message: Message) {
        {
            let mut queue = self.inner.queue.lock().unwrap_or_else(PoisonError::into_inner);
            if queue.len() >= INBOX_CAPACITY {
                queue.pop_front();
            }
            queue.push_back(message);
        }
        self.inner.arrived.notify_waiters();
    }

    /// Delivers an HTTP request as a message, for a user's own server: `path` is the
    /// request path (the channel address), the body is parsed as JSON (text that is not
    /// JSON becomes a JSON string). Answer the request with 202 on `Ok`.
    ///
    /// # Errors
    ///
    /// [`Rejected`] for a method other than `POST` or a body over [`MAX_MESSAGE_BYTES`].
    pub fn deliver_http<'h>(
        &self,
        method: &str,
        path: &str,
        headers: impl IntoIterator<Item = (&'h str, &'h str)>,
        body: &[u8],
    ) -> Result<(), Rejected> {
        self.deliver(Message::from_http(method, path, headers, body)?);
        Ok(())
    }

    /// How many messages no step has taken yet.
    #[must_use]
    pub fn pending(&self) -> usize {
        self.inner.queue.lock().unwrap_or_else(PoisonError::into_inner).len()
    }

    /// Takes the oldest message at `address` that `accept` accepts, waiting for one until
    /// `until`. Messages it does not accept stay for other steps.
    pub(crate) async fn take(&self, address: &str, accept: impl Fn(&Message) -> bool, until: Instant) -> Option<Message> {
        let address = normalize(address);
        loop {
            // Registered before looking, so a delivery between the look and the wait wakes us.
            let notified = self.inner.arrived.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            {
                let mut queue = self.inner.queue.lock().unwrap_or_else(PoisonError::into_inner);
                if let Some(i) = queue.iter().position(|m| m.address == address && accept(m)) {
                    return queue.remove(i);
                }
            }
            if tokio::time::timeout_at(until, notified).await.is_err() {
                return None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::time::Duration;

    #[tokio::test]
    async fn a_waiting_step_takes_the_first_accepted_message_and_leaves_the_rest() {
        let inbox = Inbox::new();
        inbox.deliver(Message::new("hooks/", json!({"action": "root_cause_completed"})));
        let later = inbox.clone();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(20)).await;
            later.deliver(Message::new("/other", json!({"action": "pr_created"})));
            later.deliver(Message::new("/hooks", json!({"action": "pr_created"})));
        });
        let until = Instant::now() + Duration::from_secs(10);
        let got = inbox.take("/hooks", |m| m.payload["action"] == "pr_created", until).await;
        assert_eq!(got.map(|m| m.payload), Some(json!({"action": "pr_created"})));
        assert_eq!(inbox.pending(), 2, "the unaccepted message and the other channel's stay");
    }

    #[tokio::test]
    async fn waiting_ends_at_the_deadline_with_nothing() {
        let inbox = Inbox::new();
        let got = inbox.take("/hooks", |_| true, Instant::now() + Duration::from_millis(10)).await;
        assert!(got.is_none());
    }

    #[test]
    fn http_deliveries_are_posts_of_bounded_json_and_debug_hides_payloads() {
        let inbox = Inbox::new();
        assert_eq!(inbox.deliver_http("GET", "/h", [], b"{}"), Err(Rejected::Method("GET".into())));
        assert_eq!(
            inbox.deliver_http("POST", "/h", [], &vec![b' '; MAX_MESSAGE_BYTES + 1]),
            Err(Rejected::TooLarge)
        );
        inbox
            .deliver_http("POST", "/h?x=1", [("X-Token", "sekrit")], br#"{"token":"sekrit"}"#)
            .unwrap();
        let queue = inbox.inner.queue.lock().unwrap();
        let m = queue.front().unwrap();
        assert_eq!((m.address.as_str(), m.header("x-token")), ("/h", Some("sekrit")));
        assert!(!format!("{m:?}").contains("sekrit"));
    }
}
