//! The HTTP transport every generated client wraps.
//!
//! Generated operation methods describe a request ([`Request`]: method, path
//! template, parameters, body) and hand it to [`HttpClient::send`], which
//! builds the URL, adds credentials, retries by the [`RetryPolicy`] and
//! returns the whole [`Exchange`]. Keeping this out of generated code keeps
//! the generated code small and puts the tricky parts (encoding, redaction,
//! retries) in one tested place.

use std::borrow::Cow;
use std::fmt;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, OnceLock};
use std::task::Poll;
use std::time::{Duration, Instant};

use bytes::{Bytes, BytesMut};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{ClientError, error_chain};
use crate::limits::{Limits, TimeoutKind, is_credential_name};
use crate::multipart::Part;
use crate::response::ResponseValue;
use crate::retry::{RetryPolicy, parse_retry_after};
use crate::secret::{Secret, scrub, scrub_bytes, scrub_owned};

pub use reqwest::Method;

/// Everything but RFC 3986 unreserved characters is encoded, so a value such
/// as `a/b?c` stays one path segment (`a%2Fb%3Fc`).
pub(crate) const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');
/// What a pre-formatted query string must still encode: controls, space and the
/// characters RFC 3986 allows neither in a query nor as delimiters there (`"`, `#`, `<`, `>`,
/// `\`, `^`, a backtick, `{`, `|`, `}`).
const QUERY_TEXT: &AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'<')
    .add(b'>')
    .add(b'\\')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// Where an API key goes (OpenAPI's `in` of an `apiKey` security scheme).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiKeyLocation {
    /// A request header named by the scheme.
    Header,
    /// A query parameter named by the scheme; redacted (`***`) in every URL
    /// shown in errors and events.
    Query,
    /// A cookie named by the scheme.
    Cookie,
}

/// Credentials added to every request. Values are [`Secret`]s.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Auth {
    /// `Authorization: Bearer <token>` (http bearer, OAuth2, OpenID Connect).
    Bearer(Secret),
    /// HTTP basic authentication.
    Basic {
        /// The user name, sent as is.
        username: String,
        /// The password.
        password: Secret,
    },
    /// An API key in a header, the query or a cookie.
    ApiKey {
        /// Where the key goes.
        location: ApiKeyLocation,
        /// The header, query parameter or cookie name.
        name: String,
        /// The key.
        value: Secret,
    },
}

impl Auth {
    /// A bearer token.
    pub fn bearer(token: impl Into<String>) -> Self {
        Auth::Bearer(Secret::new(token))
    }

    /// HTTP basic credentials.
    pub fn basic(username: impl Into<String>, password: impl Into<String>) -> Self {
        Auth::Basic {
            username: username.into(),
            password: Secret::new(password),
        }
    }

    /// An API key sent as `name` in `location`.
    pub fn api_key(location: ApiKeyLocation, name: impl Into<String>, value: impl Into<String>) -> Self {
        Auth::ApiKey {
            location,
            name: name.into(),
            value: Secret::new(value),
        }
    }
}

/// A request body.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Body {
    /// JSON text, serialised when the request was built: a `serde_json::Value` would sort
    /// the members of structs and payloads (see `Payload`).
    Json(String),
    /// `application/x-www-form-urlencoded` name/value pairs.
    Form(Vec<(String, String)>),
    /// Text with its media type.
    Text {
        /// The `Content-Type` sent.
        content_type: String,
        /// The text.
        text: String,
    },
    /// Raw bytes with their media type.
    Bytes {
        /// The `Content-Type` sent.
        content_type: String,
        /// The bytes.
        bytes: Vec<u8>,
    },
    /// `multipart/form-data`: one part per member (see [`Part`]).
    Multipart(Vec<(String, Part)>),
}

impl Body {
    /// The body as JSON, for `$request.body` expressions.
    #[must_use]
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Body::Json(text) => serde_json::from_str(text).unwrap_or(serde_json::Value::Null),
            Body::Form(pairs) => serde_json::Value::Object(
                pairs
                    .iter()
                    .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
                    .collect(),
            ),
            Body::Text { text, .. } => serde_json::Value::String(text.clone()),
            Body::Bytes { bytes, .. } => serde_json::Value::String(String::from_utf8_lossy(bytes).into_owned()),
            Body::Multipart(parts) => serde_json::Value::Object(parts.iter().map(|(k, p)| (k.clone(), p.to_json())).collect()),
        }
    }

    /// The multipart encoding (RFC 7578) and its content type. The boundary
    /// is chosen so it occurs in no part.
    #[must_use]
    pub fn multipart_bytes(parts: &[(String, Part)]) -> (String, Vec<u8>) {
        crate::multipart::encode(parts)
    }
}

/// One operation call, described: what [`HttpClient::send`] sends. Parameter
/// values are raw; the transport encodes them. Built with [`Request::new`] and
/// the builder methods; generated operation methods do it for you, and it is
/// there for requests a description does not cover.
///
/// `Debug` shows the values of credential-named headers and query parameters
/// (`Authorization`, `*-Key`, `*token*`, ...) and of every cookie as `***`.
#[derive(Clone, PartialEq)]
#[non_exhaustive]
pub struct Request {
    /// The HTTP method.
    pub method: Method,
    /// The path as the description writes it, `{name}` placeholders and all.
    pub path_template: &'static str,
    /// Path parameter values by placeholder name.
    pub path: Vec<(String, String)>,
    /// Path parameters whose value is already encoded (styled arrays and
    /// objects, `label` and `matrix`): their separators must stay literal.
    pub encoded_path: Vec<String>,
    /// Query pairs, in order, not yet encoded.
    pub query: Vec<(String, String)>,
    /// The whole query string, already encoded (OpenAPI 3.2 `in: querystring`), sent before
    /// any pairs (an operation with one has no `in: query` parameters).
    pub querystring: Option<String>,
    /// Request headers (credentials are added by the transport, not here).
    pub headers: Vec<(String, String)>,
    /// Cookies, sent in one `Cookie` header.
    pub cookies: Vec<(String, String)>,
    /// The body, if any.
    pub body: Option<Body>,
    /// This request's timeout per attempt, instead of the client's
    /// [`Limits::request_timeout`].
    pub timeout: Option<Duration>,
    /// This request's body limit, instead of the client's [`Limits::max_body_size`].
    pub max_body_size: Option<usize>,
    /// The operation's documented response shapes: the answer is checked against the one
    /// for its status ([`crate::schema`]).
    pub responses: Option<&'static crate::schema::Responses>,
}

impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        /// Pairs with credential values hidden (every value when `.1`: cookies).
        struct Pairs<'a>(&'a [(String, String)], bool);
        impl fmt::Debug for Pairs<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_list()
                    .entries(
                        self.0
                            .iter()
                            .map(|(k, v)| (k, if self.1 || is_credential_name(k) { "***" } else { v.as_str() })),
                    )
                    .finish()
            }
        }
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("path_template", &self.path_template)
            .field("path", &self.path)
            .field("query", &Pairs(&self.query, false))
            .field("querystring", &self.querystring)
            .field("headers", &Pairs(&self.headers, false))
            .field("cookies", &Pairs(&self.cookies, true))
            .field("body", &self.body)
            .field("timeout", &self.timeout)
            .field("max_body_size", &self.max_body_size)
            .finish_non_exhaustive()
    }
}

impl Request {
    /// A request with no parameters and no body.
    #[must_use]
    pub fn new(method: Method, path_template: &'static str) -> Self {
        Request {
            method,
            path_template,
            path: Vec::new(),
            encoded_path: Vec::new(),
            query: Vec::new(),
            querystring: None,
            headers: Vec::new(),
            cookies: Vec::new(),
            body: None,
            timeout: None,
            max_body_size: None,
            responses: None,
        }
    }

    /// Checks the answer against the operation's documented response shapes.
    #[must_use]
    pub fn responses(mut self, responses: Option<&'static crate::schema::Responses>) -> Self {
        self.responses = responses;
        self
    }

    /// The timeout of each attempt of this request (the client's [`Limits`] otherwise).
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// The largest body this request reads (the client's [`Limits`] otherwise).
    #[must_use]
    pub fn max_body_size(mut self, bytes: usize) -> Self {
        self.max_body_size = Some(bytes);
        self
    }

    /// A path parameter, encoded as one segment when sent.
    #[must_use]
    pub fn path(mut self, name: &str, value: impl Into<String>) -> Self {
        self.path.push((name.to_owned(), value.into()));
        self
    }

    /// A path parameter already serialised by its style (generated code uses the
    /// runtime's style table for `label`, `matrix` and structured values), inserted as is.
    #[must_use]
    pub fn path_encoded(mut self, name: &str, encoded: impl Into<String>) -> Self {
        self.path.push((name.to_owned(), encoded.into()));
        self.encoded_path.push(name.to_owned());
        self
    }

    /// A query pair (repeat the call for repeated names).
    #[must_use]
    pub fn query(mut self, name: &str, value: impl Into<String>) -> Self {
        self.query.push((name.to_owned(), value.into()));
        self
    }

    /// The whole query string (OpenAPI 3.2's `in: querystring` parameter), from the text the
    /// parameter's media type gives. `preformatted` (`application/x-www-form-urlencoded`):
    /// the text is the query string as written (`key1=value1&key2=value2`), so only
    /// characters a query cannot hold (spaces, `#`, controls, non-ASCII) are encoded and
    /// `&`, `=`, `+` and existing `%XX` escapes stay as they are. Otherwise (`application/json`,
    /// `text/plain`, ...) the text is one value and is percent-encoded whole, as OpenAPI 3.2
    /// shows for a JSON querystring (`?%7B%22a%22%3A1%7D`).
    #[must_use]
    pub fn querystring(mut self, text: &str, preformatted: bool) -> Self {
        let encoded: String = if preformatted {
            utf8_percent_encode(text, QUERY_TEXT).collect()
        } else {
            utf8_percent_encode(text, SEGMENT).collect()
        };
        self.querystring = Some(encoded);
        self
    }

    /// A request header.
    #[must_use]
    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_owned(), value.into()));
        self
    }

    /// A cookie; its value is percent-encoded when sent.
    #[must_use]
    pub fn cookie(mut self, name: &str, value: impl Into<String>) -> Self {
        self.cookies.push((name.to_owned(), value.into()));
        self
    }

    /// A JSON body from any serialisable value.
    ///
    /// # Errors
    ///
    /// [`ClientError::InvalidRequest`] when the value does not serialise to JSON.
    pub fn json<T: Serialize + ?Sized>(mut self, body: &T) -> Result<Self, ClientError> {
        let text = serde_json::to_string(body).map_err(|e| ClientError::InvalidRequest {
            message: format!("request body does not serialise to JSON: {e}"),
        })?;
        self.body = Some(Body::Json(text));
        Ok(self)
    }

    /// A JSON body.
    #[must_use]
    pub fn json_value(mut self, body: &serde_json::Value) -> Self {
        self.body = Some(Body::Json(body.to_string()));
        self
    }

    /// A JSON body from a workflow's payload, members in the spec's order.
    #[must_use]
    pub fn json_payload(mut self, payload: &crate::payload::Payload) -> Self {
        self.body = Some(Body::Json(payload.to_string()));
        self
    }

    /// A form body (`application/x-www-form-urlencoded`).
    #[must_use]
    pub fn form(mut self, pairs: Vec<(String, String)>) -> Self {
        self.body = Some(Body::Form(pairs));
        self
    }

    /// A text body of the given media type.
    #[must_use]
    pub fn text(mut self, content_type: impl Into<String>, text: impl Into<String>) -> Self {
        self.body = Some(Body::Text {
            content_type: content_type.into(),
            text: text.into(),
        });
        self
    }

    /// A `multipart/form-data` body from an object: one part per member, in the object's
    /// (serde_json's) member order.
    #[must_use]
    pub fn multipart(mut self, payload: serde_json::Value) -> Self {
        let parts = match payload {
            serde_json::Value::Object(members) => members.into_iter().map(|(k, v)| (k, Part::Value(v))).collect(),
            _ => Vec::new(),
        };
        self.body = Some(Body::Multipart(parts));
        self
    }

    /// A `multipart/form-data` body from a workflow's payload: one part per member, in the
    /// spec's order.
    #[must_use]
    pub fn multipart_payload(mut self, payload: crate::payload::Payload) -> Self {
        let parts = match payload {
            crate::payload::Payload::Object(members) => members.into_iter().map(|(k, v)| (k, Part::Value(v.into_value()))).collect(),
            _ => Vec::new(),
        };
        self.body = Some(Body::Multipart(parts));
        self
    }

    /// Like [`Request::multipart`], from any value that serialises to a JSON object.
    ///
    /// # Errors
    ///
    /// [`ClientError::InvalidRequest`] when the value does not serialise to JSON.
    /// Parts follow the struct's field order (through JSON text, not a `serde_json::Value`,
    /// which would sort them).
    pub fn multipart_from<T: Serialize + ?Sized>(self, body: &T) -> Result<Self, ClientError> {
        let payload = serde_json::to_string(body)
            .and_then(|text| crate::payload::Payload::parse(&text))
            .map_err(|e| ClientError::InvalidRequest {
                message: format!("request body does not serialise: {e}"),
            })?;
        Ok(self.multipart_payload(payload))
    }

    /// A `multipart/form-data` body from parts built one by one (files
    /// included), in the order given.
    #[must_use]
    pub fn multipart_parts(mut self, parts: Vec<(String, Part)>) -> Self {
        self.body = Some(Body::Multipart(parts));
        self
    }

    /// A body of raw bytes of the given media type.
    #[must_use]
    pub fn bytes(mut self, content_type: impl Into<String>, bytes: Vec<u8>) -> Self {
        self.body = Some(Body::Bytes {
            content_type: content_type.into(),
            bytes,
        });
        self
    }

    /// The path with parameters substituted, each encoded as one segment.
    /// A placeholder with no value is left as is; generated code always fills
    /// required path parameters, so this only happens with hand-built requests.
    #[must_use]
    pub fn expand_path(&self) -> String {
        let mut out = String::with_capacity(self.path_template.len());
        self.expand_path_into(&mut out);
        out
    }

    /// [`Request::expand_path`], appended to `out` (the client writes it after its base URL,
    /// in one buffer).
    fn expand_path_into(&self, out: &mut String) {
        // `memchr` jumps from brace to brace (a byte loop costs a few instructions per byte of
        // the template, `str::find` a searcher per call). `{` and `}` are ASCII, so every
        // index here is a char boundary.
        let template = self.path_template;
        let bytes = template.as_bytes();
        let (mut literal, mut at) = (0, 0);
        while let Some(open) = memchr::memchr(b'{', &bytes[at..]).map(|o| at + o) {
            at = open;
            let Some(close) = memchr::memchr(b'}', &bytes[at..]).map(|c| at + c) else {
                break;
            };
            out.push_str(&template[literal..at]);
            let name = &template[at + 1..close];
            match self.path.iter().find(|(n, _)| n == name) {
                Some((_, value)) if self.encoded_path.iter().any(|n| n == name) => out.push_str(value),
                Some((_, value)) => out.extend(utf8_percent_encode(value, SEGMENT)),
                None => out.push_str(&template[at..=close]),
            }
            at = close + 1;
            literal = at;
        }
        out.push_str(&template[literal..]);
    }

    /// Whether sending it twice is as good as once (not `POST` or `PATCH`): the transport
    /// retries only these after a request may have reached the server, and so may a durable
    /// executor.
    #[must_use]
    pub fn is_idempotent(&self) -> bool {
        !matches!(self.method, Method::POST | Method::PATCH)
    }
}

/// A response body kept as bytes: the body of a documented status that has no
/// JSON schema (no content, text, images, ...), kept whole so nothing the
/// server sent is lost.
#[derive(Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct RawBody {
    /// The answer's `Content-Type`, if it had one.
    pub content_type: Option<String>,
    /// The body; empty for `204 No Content` and friends.
    pub bytes: Bytes,
}

impl RawBody {
    /// A raw body from its parts.
    #[must_use]
    pub fn new(content_type: Option<String>, bytes: impl Into<Bytes>) -> Self {
        RawBody {
            content_type,
            bytes: bytes.into(),
        }
    }

    /// The body as (lossy) UTF-8 text.
    #[must_use]
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }

    /// The body parsed as JSON, if it is JSON.
    #[must_use]
    pub fn json(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(&self.bytes).ok()
    }
}

#[allow(clippy::missing_fields_in_debug, reason = "the bytes are shown as (lossy) text")]
impl fmt::Debug for RawBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RawBody")
            .field("content_type", &self.content_type)
            .field("text", &self.text())
            .finish()
    }
}

/// A request and the answer it got, after any transport retries: what
/// [`HttpClient::send`] returns, whatever the status.
///
/// `Debug` shows the headers with credential values (`Set-Cookie`, ...) as `***`.
#[derive(Clone)]
pub struct Exchange {
    /// The request as described (credentials are not in it).
    pub request: Request,
    /// The method of the (last) request: a redirect with `303` turns it into `GET`.
    pub method: Method,
    /// The URL with any credential in the query replaced by `***`.
    pub url: String,
    /// The status of the (last) answer.
    pub status: u16,
    /// The answer's headers.
    pub headers: HeaderMap,
    /// The answer's body: the buffer the transport read it into, shared, not copied, by
    /// [`Exchange::into_raw`] and [`RecordedExchange`].
    pub body: Bytes,
    /// From the first attempt to the last answer's body, retries included.
    pub elapsed: Duration,
    /// 1 + the retries the transport made.
    pub attempts: u32,
    /// What the body must not show in errors and `Debug`: the client's credentials and
    /// the values of the request's credential-named parameters.
    secrets: Arc<[String]>,
    json: OnceLock<Option<serde_json::Value>>,
}

impl fmt::Debug for Exchange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Exchange")
            // A credential may be any parameter's value (a token as a path segment), not only
            // a credential-named one's.
            .field("request", &crate::response::Scrubbed(&self.request, &self.secrets))
            .field("method", &self.method)
            .field("url", &self.url)
            .field("status", &self.status)
            .field("headers", &crate::response::Redacted(&self.headers))
            .field("body", &self.quoted_text())
            .field("elapsed", &self.elapsed)
            .field("attempts", &self.attempts)
            .finish_non_exhaustive()
    }
}

impl Exchange {
    /// The status of the answer.
    #[must_use]
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The value of header `name` (any case) when it is present and text.
    #[must_use]
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The mismatch between a JSON body and the shape `responses` documents for its status:
    /// `None` when there is none, no shape, or the body is not JSON (decoding says why).
    pub(crate) fn schema_error(&self, responses: Option<&'static crate::schema::Responses>) -> Option<ClientError> {
        let responses = responses?;
        let shape = responses.for_status(self.status)?;
        if self.media_type().is_some_and(|m| !is_json_media(m)) {
            return None;
        }
        let mismatch = crate::schema::validate(shape, self.json()?).err()?;
        Some(ClientError::ResponseSchema(Box::new(crate::error::ResponseSchemaError {
            operation: responses.operation.to_owned(),
            method: self.method.as_str().to_owned(),
            url: self.url.clone(),
            status: self.status,
            mismatch,
        })))
    }

    /// The body parsed as JSON, if it is JSON. Parsed once.
    pub fn json(&self) -> Option<&serde_json::Value> {
        self.json.get_or_init(|| serde_json::from_slice(&self.body).ok()).as_ref()
    }

    /// The body as (lossy) UTF-8 text.
    #[must_use]
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The body decoded from JSON into `T`, with the answer's status and headers.
    ///
    /// # Errors
    ///
    /// [`ClientError::Decode`] when the body is not JSON of that shape.
    pub fn into_json<T: DeserializeOwned>(self) -> Result<ResponseValue<T>, ClientError> {
        let body: T = self.decode_json()?;
        Ok(ResponseValue::new(body, self.status, self.headers).with_secrets(self.secrets))
    }

    /// The body as bytes, with the answer's status and headers.
    #[must_use]
    pub fn into_raw(self) -> ResponseValue<RawBody> {
        let content_type = self.header("content-type").map(str::to_owned);
        ResponseValue::new(RawBody::new(content_type, self.body), self.status, self.headers).with_secrets(self.secrets)
    }

    /// The body as (lossy) text with the request's credentials replaced by `***`: what
    /// errors quote (a server may echo the request's headers).
    #[must_use]
    pub fn quoted_text(&self) -> String {
        scrub(&String::from_utf8_lossy(&self.body), &self.secrets)
    }

    /// The `Content-Type`'s media type, without parameters, as the server cased it.
    fn media_type(&self) -> Option<&str> {
        // By the header's constant: a `&str` name would be parsed and checked on every call.
        self.headers
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|c| c.as_bytes().iter().position(|b| *b == b';').map_or(c, |end| &c[..end]).trim())
    }

    /// Why a non-empty body that [`Exchange::json`] could not read is not JSON.
    pub(crate) fn not_json_reason(&self) -> String {
        match self.media_type() {
            Some(media) if !is_json_media(media) => {
                let media = media.to_ascii_lowercase();
                format!("the response body is not JSON: HTTP {} with `{media}`", self.status)
            }
            _ => match serde_json::from_slice::<serde::de::IgnoredAny>(&self.body) {
                Err(e) => format!("the response body is not valid JSON (HTTP {}): {e}", self.status),
                Ok(_) => format!("the response body is not JSON (HTTP {})", self.status),
            },
        }
    }

    /// The body decoded from JSON into `T`.
    ///
    /// # Errors
    ///
    /// [`ClientError::Decode`] when the body is not JSON of that shape: its message says
    /// when the answer is not JSON at all (`200 with `text/html`, expected
    /// `application/json``), is empty, or is invalid JSON.
    pub fn decode_json<T: DeserializeOwned>(&self) -> Result<T, ClientError> {
        let decode = |message: String| ClientError::Decode {
            method: self.method.as_str().to_owned(),
            url: self.url.clone(),
            status: self.status,
            body: self.quoted_text(),
            message,
        };
        if let Some(media) = self.media_type().filter(|m| !is_json_media(m)) {
            let media = media.to_ascii_lowercase();
            return Err(decode(format!("{} with `{media}`, expected `application/json`", self.status)));
        }
        if self.body.iter().all(u8::is_ascii_whitespace) {
            // `()` and `Option` bodies decode from `null`, so an empty body is one.
            return serde_json::from_slice(b"null").map_err(|_| decode(format!("{} with an empty body, expected JSON", self.status)));
        }
        serde_json::from_slice(&self.body).map_err(|e| {
            let message = if serde_json::from_slice::<serde::de::IgnoredAny>(&self.body).is_err() {
                format!("the body is not valid JSON: {e}")
            } else {
                e.to_string()
            };
            decode(message)
        })
    }

    /// A documented response header decoded into its schema's type, `None`
    /// when absent. Repeated fields are combined with `, ` (RFC 9110 5.3).
    /// Text is tried as a JSON string first, so `String` and string enums take
    /// it as is, then as JSON text, so numbers and booleans parse from their
    /// usual spelling.
    ///
    /// # Errors
    ///
    /// [`ClientError::InvalidHeader`] when the value is not UTF-8 or does not parse as `T`.
    pub fn header_value<T: DeserializeOwned>(&self, operation: &str, name: &str) -> Result<Option<T>, ClientError> {
        let Some(text) = self.header_text(operation, name)? else {
            return Ok(None);
        };
        header_scalar(&text)
            .map(Some)
            .map_err(|message| self.invalid_header(operation, name, Some(text.clone()), message))
    }

    /// Like [`Exchange::header_value`] for an array header: `simple` style,
    /// items separated by commas (an empty value is an empty list).
    ///
    /// # Errors
    ///
    /// [`ClientError::InvalidHeader`] when the value is not UTF-8 or an item does not parse as `T`.
    pub fn header_list<T: DeserializeOwned>(&self, operation: &str, name: &str) -> Result<Option<Vec<T>>, ClientError> {
        let Some(text) = self.header_text(operation, name)? else {
            return Ok(None);
        };
        if text.trim().is_empty() {
            return Ok(Some(Vec::new()));
        }
        text.split(',')
            .map(|item| header_scalar(item.trim()).map_err(|message| format!("item `{}`: {message}", item.trim())))
            .collect::<Result<Vec<T>, String>>()
            .map(Some)
            .map_err(|message| self.invalid_header(operation, name, Some(text.clone()), message))
    }

    /// The error for a required response header the server left out.
    #[must_use]
    pub fn missing_header(&self, operation: &str, name: &str) -> ClientError {
        self.invalid_header(operation, name, None, "is required but absent".to_owned())
    }

    fn header_text(&self, operation: &str, name: &str) -> Result<Option<String>, ClientError> {
        let mut values = Vec::new();
        for value in self.headers.get_all(name) {
            let Ok(text) = std::str::from_utf8(value.as_bytes()) else {
                let lossy = String::from_utf8_lossy(value.as_bytes()).into_owned();
                return Err(self.invalid_header(operation, name, Some(lossy), "not UTF-8 text".to_owned()));
            };
            values.push(text.trim());
        }
        Ok((!values.is_empty()).then(|| values.join(", ")))
    }

    fn invalid_header(&self, operation: &str, name: &str, value: Option<String>, message: String) -> ClientError {
        ClientError::InvalidHeader {
            operation: operation.to_owned(),
            status: self.status,
            header: name.to_owned(),
            value,
            message,
        }
    }

    /// The error for a status the operation does not document.
    #[must_use]
    pub fn unexpected_status(&self) -> ClientError {
        ClientError::UnexpectedStatus {
            method: self.method.as_str().to_owned(),
            url: self.url.clone(),
            status: self.status,
            body: self.quoted_text(),
        }
    }
}

/// `application/json`, `application/problem+json`, `text/json`, ...: media types whose
/// body is JSON.
/// `application/json`, `application/problem+json`, ... in any case.
fn is_json_media(media: &str) -> bool {
    let ends_with = |suffix: &str| {
        media.len() >= suffix.len() && media.as_bytes()[media.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    };
    ends_with("/json") || ends_with("+json")
}

/// One header value (or list item) as `T`: a JSON string first, then JSON text.
fn header_scalar<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(text.to_owned()))
        .or_else(|_| serde_json::from_str(text))
        .map_err(|e: serde_json::Error| e.to_string())
}

/// The transport every generated client wraps: base URL, `reqwest` client,
/// credentials, limits and retry policy. Cheap to clone (the connection pool and the turns
/// of [`Limits::max_in_flight`] are shared).
///
/// Every request runs under [`Limits`] (by default: connect 10 s, 30 s per attempt, 10 s
/// between body chunks, 32 MiB bodies, redirects followed by the transport itself with
/// credentials dropped on a change of origin, at most 100 attempts in flight at once).
///
/// A generated `Client::http()` returns its `HttpClient`, so a request the
/// description does not cover can be sent with the same settings:
///
/// ```no_run
/// # async fn demo() -> Result<(), arazzo::ClientError> {
/// let http = arazzo::HttpClient::new("https://api.example.com/v1").with_auth(arazzo::Auth::bearer("token"));
/// let request = arazzo::Request::new(arazzo::Method::GET, "/users/{id}").path("id", "me");
/// let exchange = http.send(request).await?;
/// println!("{} {}", exchange.status(), exchange.text());
/// # Ok(()) }
/// ```
///
/// # Cancellation
///
/// [`HttpClient::send`] spawns nothing: dropping its future at any await point closes the
/// request's connection (or leaves it to the pool when the answer was complete) and nothing
/// keeps running. A request whose future was dropped may have reached the server; the
/// transport itself only ever re-sends a `POST` or `PATCH` after a `429` (which says the
/// server did not act on it), never after a timeout or a broken connection.
#[derive(Clone)]
pub struct HttpClient {
    base_url: String,
    /// `base_url` parsed once, when a URL parsed from it and a path is the same URL as this
    /// one with that path set (see [`parsed_base`]): a request then reuses its scheme, host
    /// and port rather than parsing them again (host parsing is most of the cost of parsing a
    /// URL). `None` sends every request through the full parse, which reports a bad base.
    parsed_base: Option<reqwest::Url>,
    http: reqwest::Client,
    /// Whether `http` was given by the user: then its own connect and read timeouts apply and
    /// [`HttpClient::with_limits`] does not rebuild it.
    custom_http: bool,
    auth: Option<Auth>,
    /// A bearer token's `Authorization` value, built once (marked sensitive) rather than
    /// formatted for every request; `None` for other schemes, or a token that is not valid
    /// header text (the request builder then reports it, as before).
    authorization: Option<HeaderValue>,
    /// The forms `auth` takes on the wire, replaced by `***` in every body an error quotes.
    secrets: Arc<[String]>,
    retry: RetryPolicy,
    limits: Limits,
    /// The turns of [`Limits::max_in_flight`], shared by clones (as the pool is): an attempt
    /// holds one from sending to the last byte of its answer.
    turns: Arc<tokio::sync::Semaphore>,
    schema_checks: crate::schema::SchemaChecks,
}

impl fmt::Debug for HttpClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpClient")
            .field("base_url", &redact_userinfo(&self.base_url))
            .field("auth", &self.auth)
            .field("retry", &self.retry)
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

/// An exchange as a durable executor records it (an activity's result): the answer and
/// its facts, never the client's credentials. A server that echoes one (in a header or the
/// body) has it recorded as `***`, as errors and logs show it: history is stored where the
/// credentials are not. [`HttpClient::replayed`] turns it back into the [`Exchange`] a run
/// reads.
#[derive(Debug, Clone)]
pub struct RecordedExchange {
    /// The request method.
    pub method: String,
    /// The URL, credentials shown as `***`.
    pub url: String,
    /// The status of the (last) answer.
    pub status: u16,
    /// The answer's headers.
    pub headers: HeaderMap,
    /// The answer's body, credentials replaced by `***`.
    pub body: Bytes,
    /// From the first attempt to the last answer's body, retries included.
    pub elapsed: Duration,
    /// 1 + the retries the transport made.
    pub attempts: u32,
}

impl From<&Exchange> for RecordedExchange {
    fn from(e: &Exchange) -> Self {
        RecordedExchange {
            method: e.method.as_str().to_owned(),
            url: e.url.clone(),
            status: e.status,
            headers: e
                .headers
                .iter()
                .map(|(name, value)| {
                    let value = match scrub_bytes(value.as_bytes(), &e.secrets) {
                        Cow::Borrowed(_) => value.clone(),
                        Cow::Owned(scrubbed) => HeaderValue::from_bytes(&scrubbed).unwrap_or_else(|_| value.clone()),
                    };
                    (name.clone(), value)
                })
                .collect(),
            body: match scrub_bytes(&e.body, &e.secrets) {
                Cow::Borrowed(_) => e.body.clone(),
                Cow::Owned(scrubbed) => scrubbed.into(),
            },
            elapsed: e.elapsed,
            attempts: e.attempts,
        }
    }
}

/// What an attempt ended in, short of a whole answer.
enum AttemptError {
    Transport(reqwest::Error),
    Body(reqwest::Error),
    Stalled,
    TooLarge,
}

/// Where an attempt is, so that a timeout can say what it was waiting for.
const PHASE_RESPONSE: u8 = 0;
const PHASE_BODY: u8 = 1;

/// A retry the transport is about to make; [`crate::Event::Retrying`] carries it to a
/// workflow's observer.
#[derive(Debug, Clone, Copy)]
pub struct RetryNotice<'a> {
    /// The request method.
    pub method: &'a str,
    /// The URL, credentials shown as `***`.
    pub url: &'a str,
    /// The attempt that failed (1 for the first).
    pub attempt: u32,
    /// Why it is retried.
    pub reason: &'a str,
    /// The wait before the next attempt.
    pub delay: Duration,
}

/// `base_url` (without trailing slashes) parsed, when setting a path on it gives the URL a
/// full parse of the base and that path would: the base is an `http` or `https` URL with no
/// user name, password, query or fragment, written as the parser writes it (so its path is
/// the text that followed its authority, and a path set on it is parsed from the same
/// characters as in the joined text). Any other base takes the full parse per request,
/// which is where its errors are reported.
fn parsed_base(base_url: &str) -> Option<reqwest::Url> {
    let raw = base_url.trim_end_matches('/');
    let url = reqwest::Url::parse(raw).ok()?;
    let plain = matches!(url.scheme(), "http" | "https")
        && url.username().is_empty()
        && url.password().is_none()
        && url.query().is_none()
        && url.fragment().is_none();
    // Without a path of its own the parser writes `/` after the authority.
    let as_written = url.as_str() == raw || (url.path() == "/" && url.as_str().strip_suffix('/') == Some(raw));
    (plain && as_written).then_some(url)
}

/// Whether `path` set on a parsed base reads as it would at the end of the joined text.
/// A full parse ends the path at `?` or `#` (`set_path` encodes them), trims trailing spaces
/// and control characters off the whole text, and reads a path that does not begin with
/// `/` as more of the authority; those paths take the full parse.
fn sets_as_parsed(path: &str) -> bool {
    (path.is_empty() || path.starts_with('/'))
        && memchr::memchr2(b'?', b'#', path.as_bytes()).is_none()
        && !path.ends_with(|c: char| c <= ' ')
}

/// `limits.max_in_flight` turns (tokio's semaphore holds at most `MAX_PERMITS`).
fn turns(limits: &Limits) -> Arc<tokio::sync::Semaphore> {
    let permits = limits.max_in_flight.clamp(1, tokio::sync::Semaphore::MAX_PERMITS);
    Arc::new(tokio::sync::Semaphore::new(permits))
}

/// What receives [`RetryNotice`]s.
pub type OnRetry<'a> = &'a (dyn Fn(&RetryNotice<'_>) + Send + Sync);

impl HttpClient {
    /// A client for the API at `base_url`, with the default [`Limits`]. Never fails on a
    /// malformed base URL: that is reported by the first request (as is a base URL with a
    /// user name or password in it, which is refused rather than sent as credentials).
    ///
    /// # Panics
    ///
    /// Like `reqwest::Client::new`, if the TLS backend cannot be initialised (see
    /// [`http_client_builder`](crate::http_client_builder)).
    pub fn new(base_url: impl Into<String>) -> Self {
        let limits = Limits::default();
        let base_url = base_url.into();
        HttpClient {
            parsed_base: parsed_base(&base_url),
            base_url,
            http: build_http(&limits),
            custom_http: false,
            auth: None,
            authorization: None,
            secrets: Arc::from(Vec::new()),
            retry: RetryPolicy::default(),
            turns: turns(&limits),
            limits,
            schema_checks: crate::schema::SchemaChecks::Strict,
        }
    }

    /// What a response body that does not match its documented schema does in calls of
    /// [`HttpClient::send`] (the typed client's): [`SchemaChecks::Strict`](crate::SchemaChecks)
    /// (the default) makes it [`ClientError::ResponseSchema`], `Warn` a `tracing` warning.
    /// Workflow steps follow their [`crate::PollPolicy::schema_checks`] instead.
    #[must_use]
    pub fn with_schema_checks(mut self, checks: crate::schema::SchemaChecks) -> Self {
        self.schema_checks = checks;
        self
    }

    /// Sends `auth` with every request (to the base URL's origin: see [`RedirectPolicy`](crate::RedirectPolicy)).
    #[must_use]
    pub fn with_auth(mut self, auth: Auth) -> Self {
        self.secrets = Arc::from(auth_secrets(&auth));
        self.authorization = match &auth {
            Auth::Bearer(token) => HeaderValue::try_from(format!("Bearer {}", token.expose())).ok().map(|mut value| {
                value.set_sensitive(true);
                value
            }),
            _ => None,
        };
        self.auth = Some(auth);
        self
    }

    /// Sends requests through `http` (proxies, TLS roots). Its own connect and read timeouts
    /// and redirect policy then apply; the per-attempt timeout, the body limit, the attempts in
    /// flight and the run's deadline still do. Give it `redirect(reqwest::redirect::Policy::none())` (as
    /// [`http_client_builder`](crate::http_client_builder) users should) so that redirects
    /// stay with the transport, which drops credentials on a change of origin.
    #[must_use]
    pub fn with_http_client(mut self, http: reqwest::Client) -> Self {
        self.http = http;
        self.custom_http = true;
        self
    }

    /// Retries transient failures by `retry` (the default: [`RetryPolicy::default`]).
    #[must_use]
    pub fn with_retry_policy(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Runs every request under `limits` (the default: [`Limits::default`]). The client then
    /// counts its attempts in flight afresh: clones made before share their own count.
    ///
    /// # Panics
    ///
    /// As [`HttpClient::new`], when the HTTP client is rebuilt for a new connect timeout.
    #[must_use]
    pub fn with_limits(mut self, limits: Limits) -> Self {
        if !self.custom_http {
            self.http = build_http(&limits);
        }
        self.turns = turns(&limits);
        self.limits = limits;
        self
    }

    /// The base URL paths are appended to.
    #[must_use]
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The retry policy in use.
    #[must_use]
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.retry
    }

    /// The limits in use.
    #[must_use]
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    fn url(&self, request: &Request) -> Result<(reqwest::Url, String), ClientError> {
        let (mut url, text) = self.url_without_query(request)?;
        self.add_query(request, &mut url);
        // Most URLs come out as the text already built (no query, nothing normalised): then
        // that text is the display URL, and no second copy is made.
        let display = if url.query().is_none() && url.as_str() == text {
            scrub_owned(text, &self.secrets)
        } else {
            self.display_url(&url)
        };
        Ok((url, display))
    }

    /// The request's URL before its query, and a text buffer holding what it was built from
    /// (the URL itself, when the parser did not change it).
    fn url_without_query(&self, request: &Request) -> Result<(reqwest::Url, String), ClientError> {
        if let Some(base) = &self.parsed_base {
            // The path as the full parse would read it: the base's own path, then the request's.
            let mut path = String::with_capacity(base.as_str().len() + request.path_template.len() + 16);
            path.push_str(base.path().trim_end_matches('/'));
            request.expand_path_into(&mut path);
            if sets_as_parsed(&path) {
                let mut url = base.clone();
                url.set_path(&path);
                // The buffer is big enough for the whole URL: it becomes the display text.
                path.clear();
                path.push_str(url.as_str());
                return Ok((url, path));
            }
        }
        let base = self.base_url.trim_end_matches('/');
        let mut joined = String::with_capacity(base.len() + request.path_template.len() + 16);
        joined.push_str(base);
        request.expand_path_into(&mut joined);
        let url = reqwest::Url::parse(&joined).map_err(|e| ClientError::InvalidUrl {
            url: redact_userinfo(&joined),
            reason: e.to_string(),
        })?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(ClientError::InvalidUrl {
                url: redact_userinfo(&joined),
                reason: format!("unsupported scheme `{}`", url.scheme()),
            });
        }
        // reqwest would turn `user:password@` into Basic auth, silently replacing the
        // client's own credentials, and the URL would carry the password into every message.
        if !url.username().is_empty() || url.password().is_some() {
            return Err(ClientError::InvalidUrl {
                url: redact_userinfo(&joined),
                reason: "the base URL has a user name or password in it; pass credentials with the client's \
                         auth methods (e.g. `with_bearer_token`) instead"
                    .to_owned(),
            });
        }
        Ok((url, joined))
    }

    /// The request's query string and parameters, and an API key sent in the query.
    fn add_query(&self, request: &Request, url: &mut reqwest::Url) {
        if let Some(querystring) = &request.querystring {
            url.set_query(Some(querystring));
        }
        let key = self.query_key();
        if !request.query.is_empty() || key.is_some() {
            let mut pairs = url.query_pairs_mut();
            for (k, v) in &request.query {
                pairs.append_pair(k, v);
            }
            if let Some((name, value)) = key {
                pairs.append_pair(name, value.expose());
            }
        }
    }

    fn query_key(&self) -> Option<(&str, &Secret)> {
        match &self.auth {
            Some(Auth::ApiKey {
                location: ApiKeyLocation::Query,
                name,
                value,
            }) => Some((name.as_str(), value)),
            _ => None,
        }
    }

    /// A URL as errors and events show it: credential-named query values and the client's
    /// secrets as `***`.
    fn display_url(&self, url: &reqwest::Url) -> String {
        // `url` has no user name or password (`HttpClient::url` refuses them): without a
        // query there is nothing to redact but the secrets.
        if url.query().is_none() && url.username().is_empty() && url.password().is_none() {
            return scrub(url.as_str(), &self.secrets);
        }
        let mut display = url.clone();
        if display.query().is_some() {
            let key = self.query_key().map(|(name, _)| name);
            let redacted: Vec<(String, String)> = url
                .query_pairs()
                .map(|(k, v)| {
                    let v = if Some(k.as_ref()) == key || is_credential_name(&k) {
                        "***".into()
                    } else {
                        v.into_owned()
                    };
                    (k.into_owned(), v)
                })
                .collect();
            display.query_pairs_mut().clear().extend_pairs(redacted);
        }
        let _ = display.set_password(None);
        let _ = display.set_username("");
        scrub(display.as_str(), &self.secrets)
    }

    /// The one `Cookie` header: the request's cookies, then the client's API key cookie (none
    /// of them when `credentials` is false).
    fn cookie_header(&self, request: &Request, credentials: bool) -> Result<Option<HeaderValue>, ClientError> {
        if !credentials {
            return Ok(None);
        }
        let mut cookies: Vec<String> = request
            .cookies
            .iter()
            .map(|(k, v)| format!("{k}={}", utf8_percent_encode(v, SEGMENT)))
            .collect();
        if let Some(Auth::ApiKey {
            location: ApiKeyLocation::Cookie,
            name,
            value,
        }) = &self.auth
        {
            cookies.push(format!("{name}={}", value.expose()));
        }
        if cookies.is_empty() {
            return Ok(None);
        }
        let mut value = HeaderValue::from_str(&cookies.join("; ")).map_err(|_| ClientError::InvalidRequest {
            message: "cookie values are not valid header text".into(),
        })?;
        value.set_sensitive(true);
        Ok(Some(value))
    }

    /// The request as sent to `url`. `credentials`: whether the client's credentials (and the
    /// request's credential-named headers and cookies) go with it, false after a redirect to
    /// another origin. `body`: false after a redirect that turns the request into a `GET`.
    fn build(
        &self,
        request: &Request,
        method: &Method,
        url: reqwest::Url,
        credentials: bool,
        body: bool,
    ) -> Result<reqwest::RequestBuilder, ClientError> {
        let cookie = self.cookie_header(request, credentials)?;
        // Headers go straight into the request, not through a map of their own that reqwest
        // would merge in again. What the client adds replaces a request header of the same
        // name (its API key header, the one `Cookie` header), except `Authorization`: the
        // request's own wins over the client's bearer or basic credentials.
        let api_key_header = match &self.auth {
            Some(Auth::ApiKey {
                location: ApiKeyLocation::Header,
                name,
                ..
            }) if credentials => Some(name.as_str()),
            _ => None,
        };
        let mut builder = self.http.request(method.clone(), url);
        let mut own_authorization = false;
        for (name, value) in &request.headers {
            if !credentials && is_credential_name(name)
                || api_key_header.is_some_and(|key| key.eq_ignore_ascii_case(name))
                || cookie.is_some() && name.eq_ignore_ascii_case("cookie")
            {
                continue;
            }
            let header = HeaderName::from_bytes(name.as_bytes()).map_err(|e| ClientError::InvalidRequest {
                message: format!("header name `{name}` is not a valid header name: {e}"),
            })?;
            let mut value = HeaderValue::from_str(value).map_err(|_| ClientError::InvalidRequest {
                message: format!("the value of header `{name}` is not valid header text (control characters or line breaks)"),
            })?;
            if is_credential_name(name) {
                value.set_sensitive(true);
            }
            own_authorization |= header == reqwest::header::AUTHORIZATION;
            builder = builder.header(header, value);
        }
        match &self.auth {
            _ if !credentials => {}
            Some(Auth::Bearer(_) | Auth::Basic { .. }) if own_authorization => {}
            Some(Auth::Bearer(token)) => {
                builder = match &self.authorization {
                    Some(value) => builder.header(reqwest::header::AUTHORIZATION, value.clone()),
                    // Not valid header text: the builder reports it when the request is built.
                    None => builder.bearer_auth(token.expose()),
                };
            }
            Some(Auth::Basic { username, password }) => {
                builder = builder.basic_auth(username, Some(password.expose()));
            }
            Some(Auth::ApiKey {
                location: ApiKeyLocation::Header,
                name,
                value,
            }) => {
                let name = HeaderName::from_bytes(name.as_bytes()).map_err(|e| ClientError::InvalidRequest {
                    message: format!("API key header name `{name}`: {e}"),
                })?;
                let mut value = HeaderValue::from_str(value.expose()).map_err(|_| ClientError::InvalidRequest {
                    message: format!("API key for header `{name}` is not a valid header value"),
                })?;
                value.set_sensitive(true);
                builder = builder.header(name, value);
            }
            Some(Auth::ApiKey {
                location: ApiKeyLocation::Cookie | ApiKeyLocation::Query,
                ..
            })
            | None => {}
        }
        if let Some(value) = cookie {
            builder = builder.header(reqwest::header::COOKIE, value);
        }
        if !body {
            return Ok(builder);
        }
        builder = match &request.body {
            None => builder,
            Some(Body::Json(text)) => builder.header(reqwest::header::CONTENT_TYPE, "application/json").body(text.clone()),
            Some(Body::Form(pairs)) => builder.form(pairs),
            Some(Body::Text { content_type, text }) => builder
                .header(reqwest::header::CONTENT_TYPE, content_type.as_str())
                .body(text.clone()),
            Some(Body::Bytes { content_type, bytes }) => builder
                .header(reqwest::header::CONTENT_TYPE, content_type.as_str())
                .body(bytes.clone()),
            Some(Body::Multipart(parts)) => {
                let (content_type, bytes) = Body::multipart_bytes(parts);
                builder.header(reqwest::header::CONTENT_TYPE, content_type).body(bytes)
            }
        };
        Ok(builder)
    }

    /// Sends the request, following redirects and retrying by the policy, and returns the
    /// last answer, whatever its status.
    ///
    /// # Errors
    ///
    /// [`ClientError::InvalidUrl`] and [`ClientError::InvalidRequest`] before anything is
    /// sent; [`ClientError::Timeout`], [`ClientError::TooLarge`], [`ClientError::Redirect`],
    /// [`ClientError::RateLimited`] and [`ClientError::Transport`] when no usable answer came
    /// (after the retries the policy allows).
    pub async fn send(&self, request: Request) -> Result<Exchange, ClientError> {
        let responses = request.responses;
        let exchange = self.send_inner(request, None, None, &[]).await?;
        if let Some(error) = exchange.schema_error(responses) {
            match self.schema_checks {
                crate::schema::SchemaChecks::Strict => return Err(error),
                crate::schema::SchemaChecks::Warn => tracing::warn!("{error}"),
                crate::schema::SchemaChecks::Off => {}
            }
        }
        Ok(exchange)
    }

    /// Like [`HttpClient::send`], ending by `deadline` whatever the server does: every
    /// attempt and every wait between attempts is cut off there
    /// ([`ClientError::Timeout`] of kind [`TimeoutKind::Deadline`], or [`TimeoutKind::Queued`]
    /// when it was still waiting for a turn among [`Limits::max_in_flight`]).
    ///
    /// # Errors
    ///
    /// As [`HttpClient::send`].
    pub async fn send_until(&self, request: Request, deadline: Instant) -> Result<Exchange, ClientError> {
        self.send_inner(request, Some(deadline), None, &[]).await
    }

    #[allow(clippy::too_many_lines, reason = "one loop: attempts, redirects and retries share its state")]
    #[allow(
        clippy::manual_async_fn,
        reason = "an `async fn` stores its arguments twice in its future (as arguments and as locals), and this future is boxed and moved per request"
    )]
    pub(crate) fn send_inner(
        &self,
        request: Request,
        deadline: Option<Instant>,
        on_retry: Option<OnRetry<'_>>,
        extra_secrets: &[String],
    ) -> impl Future<Output = Result<Exchange, ClientError>> {
        async move {
            let (url, mut display_url) = self.url(&request)?;
            // The URL of the first attempt, moved into its request; a retry or a redirect makes
            // the URL it needs again (`current_url`), so a request sent once is not cloned.
            let mut first_url = Some(url);
            // Where the last redirect led: the URL of every attempt after it.
            let mut redirected: Option<reqwest::Url> = None;
            let secrets = self.request_secrets(&request, extra_secrets);
            // The method as asked (a redirect may change `method`); owned only for an error.
            let first_method = request.method.as_str();
            let mut method = request.method.clone();
            let idempotent = request.is_idempotent();
            // The first URL's origin, taken at the first redirect (until then the URL is that one):
            // most requests are never redirected, and an origin owns its host as a `String`.
            let mut origin = None;
            let mut credentials = true;
            let mut with_body = true;
            let operation = self.limits.operation(&request.method, request.path_template);
            let request_timeout = request
                .timeout
                .or(operation.and_then(|o| o.request_timeout))
                .unwrap_or(self.limits.request_timeout);
            let max_body = request
                .max_body_size
                .or(operation.and_then(|o| o.max_body_size))
                .unwrap_or(self.limits.max_body_size);
            let read_timeout = self.limits.read_timeout;
            let started = Instant::now();
            let mut retry = 0u32;
            let mut hops = 0u32;
            loop {
                let url = match first_url.take() {
                    Some(url) => url,
                    None => self.current_url(&request, redirected.as_ref())?,
                };
                let builder = self.build(&request, &method, url, credentials, with_body)?;
                let can_retry = retry < self.retry.max_retries;
                let timeout_error = |kind: TimeoutKind, limit: Duration, attempts: u32| ClientError::Timeout {
                    method: first_method.to_owned(),
                    url: display_url.clone(),
                    kind,
                    limit,
                    attempts,
                };
                // A burst of runs queues here instead of opening a connection per run, which
                // the pool would then keep. Waiting is not the attempt's time (its timeout
                // starts once it has a turn); the run's deadline bounds it.
                let turn = if let Ok(turn) = self.turns.try_acquire() {
                    Some(turn)
                } else {
                    let queued = Instant::now();
                    let Ok(turn) = self.wait_for_turn(deadline).await else {
                        let waited = deadline.map_or(Duration::ZERO, |d| d.saturating_duration_since(queued));
                        return Err(timeout_error(TimeoutKind::Queued, waited, retry));
                    };
                    turn
                };
                let attempt_started = Instant::now();
                let own_end = attempt_started + request_timeout;
                let (end, by_deadline) = match deadline {
                    Some(d) if d <= own_end => (d, true),
                    _ => (own_end, false),
                };
                if by_deadline && end <= attempt_started {
                    return Err(timeout_error(TimeoutKind::Deadline, Duration::ZERO, retry));
                }
                let phase = AtomicU8::new(PHASE_RESPONSE);
                let attempt = Self::attempt(builder, max_body, read_timeout, &phase);
                let outcome = tokio::time::timeout_at(tokio::time::Instant::from_std(end), attempt).await;
                // The answer is read whole (or the attempt is over): the connection is back in
                // the pool or closed, and a retry's pause holds no turn.
                drop(turn);
                let (status, headers, body) = match outcome {
                    Err(_) => {
                        let kind = if by_deadline {
                            TimeoutKind::Deadline
                        } else if phase.load(Ordering::Relaxed) == PHASE_BODY {
                            TimeoutKind::Body
                        } else {
                            TimeoutKind::Response
                        };
                        let limit = if by_deadline { end - attempt_started } else { request_timeout };
                        if !by_deadline && can_retry && idempotent {
                            let why = format!("timed out: {}", kind.describe());
                            if self.pause(retry, None, first_method, &display_url, &why, deadline, on_retry).await {
                                retry += 1;
                                continue;
                            }
                        }
                        return Err(timeout_error(kind, limit, retry + 1));
                    }
                    Ok(Err(AttemptError::Stalled)) => {
                        if can_retry && idempotent {
                            let why = format!("timed out: {}", TimeoutKind::Stalled.describe());
                            if self.pause(retry, None, first_method, &display_url, &why, deadline, on_retry).await {
                                retry += 1;
                                continue;
                            }
                        }
                        return Err(timeout_error(TimeoutKind::Stalled, read_timeout, retry + 1));
                    }
                    Ok(Err(AttemptError::TooLarge)) => {
                        return Err(ClientError::TooLarge {
                            method: first_method.to_owned(),
                            url: display_url,
                            limit: max_body,
                        });
                    }
                    Ok(Err(AttemptError::Transport(e) | AttemptError::Body(e))) => {
                        let e = e.without_url();
                        // reqwest's connect timeout (the one it is given by `HttpClient::new`) is typed
                        // like the transport's own timeouts. Other reqwest timeouts come from a client
                        // given to `with_http_client` and stay `Transport` errors with their source.
                        if e.is_timeout() && e.is_connect() {
                            let (kind, limit) = (TimeoutKind::Connect, self.limits.connect_timeout);
                            if can_retry && idempotent {
                                let why = format!("timed out: {}", kind.describe());
                                if self.pause(retry, None, first_method, &display_url, &why, deadline, on_retry).await {
                                    retry += 1;
                                    continue;
                                }
                            }
                            return Err(timeout_error(kind, limit, retry + 1));
                        }
                        let transient = e.is_connect() || e.is_timeout() || e.is_request() || e.is_body() || e.is_decode();
                        if can_retry && idempotent && transient {
                            let why = error_chain(&e);
                            if self.pause(retry, None, first_method, &display_url, &why, deadline, on_retry).await {
                                retry += 1;
                                continue;
                            }
                        }
                        return Err(ClientError::Transport {
                            method: first_method.to_owned(),
                            url: display_url,
                            source: Arc::new(e),
                        });
                    }
                    Ok(Ok(answer)) => answer,
                };
                if let Some((here, next)) = self.redirect(
                    status,
                    &headers,
                    || self.current_url(&request, redirected.as_ref()),
                    &display_url,
                    first_method,
                    hops,
                )? {
                    hops += 1;
                    if next.origin() != *origin.get_or_insert_with(|| here.origin()) {
                        if !self.limits.redirects.cross_origin {
                            return Err(ClientError::Redirect {
                                method: first_method.to_owned(),
                                url: display_url,
                                location: self.display_url(&next),
                                reason: "it leads to another origin, and the redirect policy refuses that".to_owned(),
                            });
                        }
                        credentials = false;
                    }
                    // 303, and 301/302 after a POST, are followed with a GET and no body (RFC 9110
                    // 15.4); 307 and 308 repeat the request as it was.
                    if status == 303 && method != Method::HEAD || matches!(status, 301 | 302) && method == Method::POST {
                        method = Method::GET;
                        with_body = false;
                    }
                    display_url = self.display_url(&next);
                    redirected = Some(next);
                    continue;
                }
                if can_retry && RetryPolicy::retries_status(status, idempotent) {
                    let after = headers
                        .get(reqwest::header::RETRY_AFTER)
                        .and_then(|v| v.to_str().ok())
                        .and_then(parse_retry_after);
                    // Only a 429 or 503 is held to the window's reset (see `rate_limit_headers`):
                    // Sentry announces it on every answer, and on a 502 or 504 it says when the
                    // quota reopens, not when the server is back.
                    let reset = if after.is_none() && matches!(status, 429 | 503) {
                        self.retry.rate_limit_reset(&headers)
                    } else {
                        None
                    };
                    let remaining = deadline.map(|d| d.saturating_duration_since(Instant::now()));
                    if let Some((header, wait)) = reset {
                        // The server said when its window reopens: wait for it when the run can,
                        // or say at once when that is, rather than burn the retries early.
                        // A zero cap (`RetryPolicy::immediate`) retries at once, as it does for
                        // `Retry-After`.
                        let cap = self.retry.max_retry_after;
                        if (!cap.is_zero() && wait > cap) || remaining.is_some_and(|r| wait > r && !cap.is_zero()) {
                            return Err(ClientError::RateLimited {
                                method: first_method.to_owned(),
                                url: display_url,
                                status,
                                header,
                                reset_in: wait,
                                why: if wait > cap {
                                    format!("longer than the retry policy's cap of {:.1}s", cap.as_secs_f64())
                                } else {
                                    "past the run's deadline".to_owned()
                                },
                            });
                        }
                        let why = format!("HTTP {status}, rate limited until the window reopens ({header})");
                        if self
                            .pause(retry, Some(wait), first_method, &display_url, &why, deadline, on_retry)
                            .await
                        {
                            retry += 1;
                            continue;
                        }
                    }
                    // A server asking for a longer pause than we accept
                    // gets its answer passed up rather than a silent wait.
                    else if after.is_none_or(|a| a <= self.retry.max_retry_after || self.retry.max_retry_after.is_zero()) {
                        let why = format!("HTTP {status}");
                        if self.pause(retry, after, first_method, &display_url, &why, deadline, on_retry).await {
                            retry += 1;
                            continue;
                        }
                    }
                }
                return Ok(Exchange {
                    request,
                    method,
                    url: display_url,
                    status,
                    headers,
                    body,
                    elapsed: started.elapsed(),
                    attempts: retry + 1,
                    secrets,
                    json: OnceLock::new(),
                });
            }
        }
    }

    /// The URL an attempt after the first goes to: where the last redirect led, or the
    /// request's own (built again: it was moved into the first attempt).
    fn current_url(&self, request: &Request, redirected: Option<&reqwest::Url>) -> Result<reqwest::Url, ClientError> {
        match redirected {
            Some(url) => Ok(url.clone()),
            None => self.url(request).map(|(url, _)| url),
        }
    }

    /// When the answer is a redirect to follow: the URL it answered (made again only now, see
    /// [`HttpClient::current_url`]) and the next one.
    fn redirect(
        &self,
        status: u16,
        headers: &HeaderMap,
        here: impl FnOnce() -> Result<reqwest::Url, ClientError>,
        display_url: &str,
        method: &str,
        hops: u32,
    ) -> Result<Option<(reqwest::Url, reqwest::Url)>, ClientError> {
        if !matches!(status, 301 | 302 | 303 | 307 | 308) || self.limits.redirects.max_hops == 0 {
            return Ok(None);
        }
        let Some(location) = headers.get(reqwest::header::LOCATION) else {
            return Ok(None);
        };
        let refuse = |location: String, reason: String| ClientError::Redirect {
            method: method.to_owned(),
            url: display_url.to_owned(),
            location,
            reason,
        };
        let text = location.to_str().map_err(|_| {
            refuse(
                String::from_utf8_lossy(location.as_bytes()).into_owned(),
                "the Location is not text".into(),
            )
        })?;
        let url = here()?;
        let next = url
            .join(text)
            .map_err(|e| refuse(scrub(text, &self.secrets), format!("the Location is not a URL: {e}")))?;
        if !matches!(next.scheme(), "http" | "https") {
            return Err(refuse(self.display_url(&next), format!("unsupported scheme `{}`", next.scheme())));
        }
        if hops >= self.limits.redirects.max_hops {
            return Err(refuse(
                self.display_url(&next),
                format!("more than {} redirects", self.limits.redirects.max_hops),
            ));
        }
        Ok(Some((url, next)))
    }

    /// One attempt: send, then read the body, never past `max_body`. A body that arrives
    /// as one chunk (most of them) is kept as that chunk; only one in several chunks is
    /// copied, into one buffer.
    // Not an `async fn`: the builder is turned into reqwest's pending request here, so the
    // future holds that alone rather than both.
    fn attempt(
        builder: reqwest::RequestBuilder,
        max_body: usize,
        read_timeout: Duration,
        phase: &AtomicU8,
    ) -> impl Future<Output = Result<(u16, HeaderMap, Bytes), AttemptError>> {
        let pending = builder.send();
        async move {
            let mut response = pending.await.map_err(AttemptError::Transport)?;
            phase.store(PHASE_BODY, Ordering::Relaxed);
            let status = response.status().as_u16();
            let headers = std::mem::take(response.headers_mut());
            let announced = response.content_length();
            if announced.is_some_and(|n| n > max_body as u64) {
                return Err(AttemptError::TooLarge);
            }
            // The first chunk is kept as it is; a second one starts one buffer, sized for what
            // the server announced (within the limit) and grown by doubling, never past it.
            let mut only: Option<Bytes> = None;
            let mut joined = BytesMut::new();
            loop {
                let next = {
                    let mut next = std::pin::pin!(response.chunk());
                    // What hyper has already read is taken without arming a timer (most
                    // chunks of a small answer are); only a wait for the network is bounded.
                    match std::future::poll_fn(|cx| Poll::Ready(next.as_mut().poll(cx))).await {
                        Poll::Ready(next) => Ok(next),
                        Poll::Pending => tokio::time::timeout(read_timeout, next).await,
                    }
                };
                let chunk = match next {
                    Err(_) => return Err(AttemptError::Stalled),
                    Ok(Err(e)) => return Err(AttemptError::Body(e)),
                    Ok(Ok(None)) => break,
                    Ok(Ok(Some(chunk))) => chunk,
                };
                let needed = only.as_ref().map_or(joined.len(), Bytes::len) + chunk.len();
                if needed > max_body {
                    return Err(AttemptError::TooLarge);
                }
                if let Some(head) = only.take() {
                    let announced = announced.map_or(0, |n| usize::try_from(n).unwrap_or(max_body));
                    joined.reserve(announced.max(needed).min(max_body));
                    joined.extend_from_slice(&head);
                } else if joined.is_empty() {
                    only = Some(chunk);
                    continue;
                } else if needed > joined.capacity() {
                    let target = needed.max(joined.capacity() * 2).min(max_body);
                    joined.reserve(target - joined.len());
                }
                joined.extend_from_slice(&chunk);
            }
            let body = only.unwrap_or_else(|| joined.freeze());
            Ok((status, headers, body))
        }
    }

    /// The client's secrets and the values of the request's credential-named parameters:
    /// what bodies quoted in errors must not show.
    /// The [`Exchange`] of `request` whose answer `recorded` holds (sent by another process:
    /// a durable executor's activity), redacting this client's credentials and `extra_secrets`
    /// in what its errors quote, as if this client had sent it.
    #[must_use]
    pub fn replayed(&self, request: Request, recorded: RecordedExchange, extra_secrets: &[String]) -> Exchange {
        let secrets = self.request_secrets(&request, extra_secrets);
        // The recorded method is an `Exchange`'s, so it parses; a history edited by hand into
        // something that is not a method token is taken as the request's own method.
        let method = Method::from_bytes(recorded.method.as_bytes()).unwrap_or_else(|_| request.method.clone());
        Exchange {
            request,
            method,
            url: recorded.url,
            status: recorded.status,
            headers: recorded.headers,
            body: recorded.body,
            elapsed: recorded.elapsed,
            attempts: recorded.attempts,
            secrets,
            json: OnceLock::new(),
        }
    }

    fn request_secrets(&self, request: &Request, extra: &[String]) -> Arc<[String]> {
        let named = || {
            request
                .headers
                .iter()
                .chain(&request.query)
                .filter(|(name, _)| is_credential_name(name))
                .chain(&request.cookies)
                .filter(|(_, value)| !value.is_empty())
                .map(|(_, value)| value)
        };
        let extra = || extra.iter().filter(|v| !v.is_empty());
        // The common case, nothing beyond the client's own: share its list, copy nothing.
        if named().next().is_none() && extra().next().is_none() {
            return Arc::clone(&self.secrets);
        }
        self.secrets.iter().chain(named()).chain(extra()).cloned().collect()
    }

    /// A turn among the client's `max_in_flight`, waited for in order until `deadline`.
    /// `Ok(None)` only if the semaphore were closed, which nothing does: the attempt then goes
    /// without a turn rather than fail.
    async fn wait_for_turn(
        &self,
        deadline: Option<Instant>,
    ) -> Result<Option<tokio::sync::SemaphorePermit<'_>>, tokio::time::error::Elapsed> {
        let wait = self.turns.acquire();
        match deadline {
            Some(d) => tokio::time::timeout_at(tokio::time::Instant::from_std(d), wait)
                .await
                .map(Result::ok),
            None => Ok(wait.await.ok()),
        }
    }

    /// Waits before a retry; `false` when the wait would pass the deadline (the caller then
    /// ends with what it has).
    #[allow(clippy::too_many_arguments, reason = "what a retry notice and its log line say")]
    async fn pause(
        &self,
        retry: u32,
        after: Option<Duration>,
        method: &str,
        url: &str,
        why: &str,
        deadline: Option<Instant>,
        on_retry: Option<OnRetry<'_>>,
    ) -> bool {
        let delay = if after.is_some() && self.retry.max_retry_after.is_zero() {
            Duration::ZERO
        } else {
            after.unwrap_or_else(|| self.retry.delay(retry, None))
        };
        if deadline.is_some_and(|d| Instant::now() + delay >= d) {
            return false;
        }
        tracing::info!(%method, %url, why, attempt = retry + 1, delay_ms = millis(delay), "retrying request");
        if let Some(on_retry) = on_retry {
            on_retry(&RetryNotice {
                method,
                url,
                attempt: retry + 1,
                reason: why,
                delay,
            });
        }
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
        true
    }
}

/// The reqwest client of [`HttpClient::new`]: this crate's TLS, the connect timeout, no
/// redirects of its own and no `Referer`. The other timeouts are the transport's own (see
/// [`HttpClient::send`]), so that each says which limit passed.
fn build_http(limits: &Limits) -> reqwest::Client {
    crate::tls::http_client_builder()
        .connect_timeout(limits.connect_timeout)
        .redirect(reqwest::redirect::Policy::none())
        .referer(false)
        .build()
        .unwrap_or_else(|e| panic!("arazzo: the HTTP client cannot be initialised: {e}"))
}

/// The forms a credential takes on the wire.
fn auth_secrets(auth: &Auth) -> Vec<String> {
    use base64::Engine as _;
    let mut out = Vec::new();
    match auth {
        Auth::Bearer(token) => out.push(token.expose().to_owned()),
        Auth::Basic { username, password } => {
            out.push(password.expose().to_owned());
            out.push(base64::engine::general_purpose::STANDARD.encode(format!("{username}:{}", password.expose())));
        }
        Auth::ApiKey { value, .. } => {
            out.push(value.expose().to_owned());
            let encoded: String = utf8_percent_encode(value.expose(), SEGMENT).collect();
            out.push(encoded);
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

/// A URL with any `user:password@` shown as `***@`.
pub(crate) fn redact_userinfo(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{scheme}://***@{}", &rest[at + 1..]),
        None => url.to_owned(),
    }
}

/// Milliseconds for logs, saturating (a `Duration` holds more than a `u64` of them).
pub(crate) fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_parameters_are_single_segments() {
        let r = Request::new(Method::GET, "/issues/{issue_id}/seer/autofix/").path("issue_id", "a/b?c d");
        assert_eq!(r.expand_path(), "/issues/a%2Fb%3Fc%20d/seer/autofix/");
    }

    #[test]
    fn query_api_keys_are_redacted_in_the_display_url() {
        let c = HttpClient::new("http://localhost/api/").with_auth(Auth::api_key(ApiKeyLocation::Query, "key", "s3cret"));
        let (url, display) = c.url(&Request::new(Method::GET, "/x").query("q", "1")).expect("url");
        assert!(url.as_str().contains("key=s3cret"));
        assert_eq!(display, "http://localhost/api/x?q=1&key=***");
        assert!(!format!("{c:?}").contains("s3cret"));
    }

    #[test]
    fn multipart_boundaries_never_occur_in_a_part() {
        let parts = vec![("f".to_owned(), Part::Value(serde_json::json!("x --arazzo-boundary y")))];
        let (content_type, bytes) = Body::multipart_bytes(&parts);
        assert_eq!(content_type, "multipart/form-data; boundary=arazzo-boundary-1");
        let text = String::from_utf8(bytes).expect("utf-8");
        assert!(text.starts_with("--arazzo-boundary-1\r\n"));
        assert!(text.ends_with("--arazzo-boundary-1--\r\n"));
    }

    #[test]
    fn path_templates_keep_what_is_not_a_known_parameter() {
        let r = Request::new(Method::GET, "/ä/{a}{b}/{unknown}/x{y").path("a", "1").path("b", "é");
        assert_eq!(r.expand_path(), "/ä/1%C3%A9/{unknown}/x{y");
        assert_eq!(Request::new(Method::GET, "").expand_path(), "");
        assert_eq!(Request::new(Method::GET, "{a}").path("a", "v").expand_path(), "v");
        assert_eq!(Request::new(Method::GET, "/{}/}{").expand_path(), "/{}/}{");
    }

    #[test]
    fn media_types_are_matched_without_parameters_or_case() {
        assert!(is_json_media("application/json"));
        assert!(is_json_media("Application/Problem+JSON"));
        assert!(!is_json_media("text/plain") && !is_json_media("json") && !is_json_media(""));
    }

    #[test]
    fn encoded_path_values_keep_their_separators() {
        let r = Request::new(Method::GET, "/items/{ids}").path_encoded("ids", ".a.b%2Fc");
        assert_eq!(r.expand_path(), "/items/.a.b%2Fc");
    }

    /// A path set on the parsed base is the URL the full parse of base and path gives, for
    /// every base and path either way takes: dot segments (plain and percent-encoded),
    /// backslashes, encoded and raw separators, non-ASCII text, ports, IPv6 hosts, bases
    /// with and without a path or trailing slashes; those the fast way does not take
    /// (`?` or `#` in an encoded value, a base with a query) come out as the full parse says.
    #[test]
    fn a_path_set_on_the_parsed_base_is_the_fully_parsed_url() {
        let bases = [
            "http://127.0.0.1:8080",
            "http://127.0.0.1:8080/",
            "https://sentry.io/api/0",
            "https://sentry.io/api/0///",
            "https://SENTRY.io:443/api/0/",
            "http://[::1]:3000/v1",
            "http://h/a/.",
            "http://h/a/..",
            "http://h/a/%2e%2E/b",
            "http://h/ä b/",
            "http://h/a\\b",
            "http://h/api?x=1",
            "http://h/api#frag",
            "http://h:80/x",
            "HTTP://h/x",
            "http://münchen.de/x",
            " http://h/x",
            "http://h/x\t",
            "ftp://h/x",
            "http://user:pw@h/x",
            "not a url",
            "",
        ];
        let requests = || {
            [
                Request::new(Method::GET, "/issues/{id}/seer/autofix/").path("id", "a/b?c d"),
                Request::new(Method::GET, "/x/{p}").path_encoded("p", "../../etc"),
                Request::new(Method::GET, "/x/{p}").path_encoded("p", "%2e%2e/%2E./y"),
                Request::new(Method::GET, "/x/{p}").path_encoded("p", "a?b=c"),
                Request::new(Method::GET, "/x/{p}").path_encoded("p", "a#b"),
                Request::new(Method::GET, "/x/{p}").path_encoded("p", "a b "),
                Request::new(Method::GET, "/x/{p}").path_encoded("p", "a\tb\nc"),
                Request::new(Method::GET, "/x/{p}").path_encoded("p", "\\evil.com\\y"),
                Request::new(Method::GET, "//evil.com/x"),
                Request::new(Method::GET, "/ä/é/{p}").path("p", "ü"),
                Request::new(Method::GET, "/x").query("q", "1 2"),
                Request::new(Method::GET, "x/y"),
                Request::new(Method::GET, ""),
                Request::new(Method::GET, "/"),
                Request::new(Method::GET, "/a/./b/../c/%7e"),
            ]
        };
        for base in bases {
            let fast = HttpClient::new(base).with_auth(Auth::bearer("t0ken"));
            let mut full = fast.clone();
            full.parsed_base = None;
            for request in requests() {
                let show = |r: Result<(reqwest::Url, String), ClientError>| r.map(|(u, d)| (u.to_string(), d)).map_err(|e| e.to_string());
                assert_eq!(
                    show(fast.url(&request)),
                    show(full.url(&request)),
                    "base {base:?}, path {:?}",
                    request.expand_path()
                );
            }
        }
        assert!(parsed_base("https://sentry.io/api/0/").is_some() && parsed_base("http://127.0.0.1:1").is_some());
        assert!(parsed_base("http://h/api?x=1").is_none() && parsed_base("http://h/ä").is_none());
    }

    #[test]
    fn bad_base_urls_fail_at_the_request() {
        let c = HttpClient::new("not a url");
        assert!(matches!(
            c.url(&Request::new(Method::GET, "/x")),
            Err(ClientError::InvalidUrl { .. })
        ));
    }
}
