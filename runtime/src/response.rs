//! What a typed operation returns when the server answered a documented status:
//! the decoded body together with the status and headers it came with.
//!
//! Typed client methods return `Result<ResponseValue<T>, ApiError<E>>`. Wrapping
//! the body (rather than returning `T` alone) keeps the status and every header
//! reachable on a success even when the description documents none, and the same
//! wrapper carries the typed body of a documented error status inside
//! [`crate::ApiError::Documented`]. It dereferences to `T`, so `resp.field` and
//! `resp.iter()` work as on the body itself.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use reqwest::header::HeaderMap;

/// A decoded response body with its HTTP status and headers.
///
/// Dereferences to the body: `client.get_pet(7).await?.name` reads the body's
/// field. [`ResponseValue::into_inner`] takes the body out.
///
/// `Debug` prints the status, the body and the headers, with the values of
/// `Authorization`, `Proxy-Authorization`, `Cookie` and `Set-Cookie` (and of
/// any header marked sensitive) shown as `***`, and the request's credentials replaced
/// by `***` wherever the body quotes them (a server may echo what it was sent).
#[derive(Clone)]
pub struct ResponseValue<T> {
    pub(crate) inner: T,
    status: u16,
    headers: HeaderMap,
    /// What `Debug` (and `ApiError`'s `Display`) must not show; not part of equality.
    secrets: Arc<[String]>,
}

impl<T: PartialEq> PartialEq for ResponseValue<T> {
    fn eq(&self, other: &Self) -> bool {
        self.inner == other.inner && self.status == other.status && self.headers == other.headers
    }
}

impl<T> ResponseValue<T> {
    /// A response value from its parts (for tests and hand-written clients;
    /// generated clients build them from the [`crate::Exchange`]).
    pub fn new(inner: T, status: u16, headers: HeaderMap) -> Self {
        ResponseValue {
            inner,
            status,
            headers,
            secrets: Arc::from(Vec::new()),
        }
    }

    pub(crate) fn with_secrets(mut self, secrets: Arc<[String]>) -> Self {
        self.secrets = secrets;
        self
    }

    /// `text` with this answer's request credentials replaced by `***`.
    pub(crate) fn scrub(&self, text: &str) -> String {
        crate::secret::scrub(text, &self.secrets)
    }

    /// The HTTP status the server answered.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// Every header of the answer, documented or not.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The value of header `name` (any case) when it is present and text;
    /// repeated fields give the first one.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The decoded body.
    pub fn into_inner(self) -> T {
        self.inner
    }

    /// The body, the status and the headers.
    pub fn into_parts(self) -> (T, u16, HeaderMap) {
        (self.inner, self.status, self.headers)
    }

    /// The same status and headers around `f(body)`.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> ResponseValue<U> {
        ResponseValue {
            inner: f(self.inner),
            status: self.status,
            headers: self.headers,
            secrets: self.secrets,
        }
    }
}

impl<T> Deref for ResponseValue<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.inner
    }
}

impl<T> DerefMut for ResponseValue<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.inner
    }
}

impl<T: fmt::Debug> fmt::Debug for ResponseValue<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponseValue")
            .field("status", &self.status)
            .field("inner", &Scrubbed(&self.inner, &self.secrets))
            .field("headers", &Redacted(&self.headers))
            .finish()
    }
}

/// `Debug` of a value with the given secrets replaced by `***`.
pub(crate) struct Scrubbed<'a, T>(pub(crate) &'a T, pub(crate) &'a [String]);

impl<T: fmt::Debug> fmt::Debug for Scrubbed<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.1.is_empty() {
            return fmt::Debug::fmt(self.0, f);
        }
        let text = if f.alternate() {
            format!("{:#?}", self.0)
        } else {
            format!("{:?}", self.0)
        };
        f.write_str(&crate::secret::scrub(&text, self.1))
    }
}

/// Header names whose values are credentials or session state.
const SENSITIVE: &[&str] = &["authorization", "proxy-authorization", "cookie", "set-cookie"];

/// `Debug` of a header map that hides credential values, so a response (or an
/// exchange) printed in a log cannot leak a session cookie the server set.
pub(crate) struct Redacted<'a>(pub(crate) &'a HeaderMap);

impl fmt::Debug for Redacted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        for (name, value) in self.0 {
            if value.is_sensitive() || SENSITIVE.contains(&name.as_str()) {
                map.entry(&name.as_str(), &"***");
            } else {
                map.entry(&name.as_str(), &String::from_utf8_lossy(value.as_bytes()));
            }
        }
        map.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers() -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("x-total-count", HeaderValue::from_static("3"));
        headers.insert("set-cookie", HeaderValue::from_static("session=s3cret"));
        headers
    }

    #[test]
    fn derefs_to_the_body_and_keeps_status_and_headers() {
        let mut value = ResponseValue::new(vec![1, 2, 3], 200, headers());
        assert_eq!(value.len(), 3);
        value.push(4);
        assert_eq!((value.status(), value.header("X-Total-Count")), (200, Some("3")));
        let value = value.map(|v| v.len());
        assert_eq!(*value, 4);
        let (body, status, headers) = value.into_parts();
        assert_eq!((body, status, headers.len()), (4, 200, 2));
    }

    #[test]
    fn debug_hides_cookies() {
        let shown = format!("{:?}", ResponseValue::new("body", 201, headers()));
        assert!(shown.contains("\"x-total-count\": \"3\"") && shown.contains("201"), "{shown}");
        assert!(!shown.contains("s3cret"), "{shown}");
    }
}
