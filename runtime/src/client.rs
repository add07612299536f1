//! The HTTP transport every generated client wraps.
//!
//! Generated operation methods describe a request ([`Request`]: method, path
//! template, parameters, body) and hand it to [`HttpClient::send`], which
//! builds the URL, adds credentials, retries by the [`RetryPolicy`] and
//! returns the whole [`Exchange`]. Keeping this out of generated code keeps
//! the generated code small and puts the tricky parts (encoding, redaction,
//! retries) in one tested place.

use std::fmt;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{ClientError, error_chain};
use crate::multipart::Part;
use crate::response::ResponseValue;
use crate::retry::{RetryPolicy, parse_retry_after};
use crate::secret::Secret;

pub use reqwest::Method;

/// Everything but RFC 3986 unreserved characters is encoded, so a value such
/// as `a/b?c` stays one path segment (`a%2Fb%3Fc`).
pub(crate) const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

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
#[derive(Debug, Clone, PartialEq)]
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
    /// Request headers (credentials are added by the transport, not here).
    pub headers: Vec<(String, String)>,
    /// Cookies, sent in one `Cookie` header.
    pub cookies: Vec<(String, String)>,
    /// The body, if any.
    pub body: Option<Body>,
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
            headers: Vec::new(),
            cookies: Vec::new(),
            body: None,
        }
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
        let mut rest = self.path_template;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}').map(|c| open + c) else {
                break;
            };
            out.push_str(&rest[..open]);
            let name = &rest[open + 1..close];
            match self.path.iter().find(|(n, _)| n == name) {
                Some((_, value)) if self.encoded_path.iter().any(|n| n == name) => out.push_str(value),
                Some((_, value)) => out.extend(utf8_percent_encode(value, SEGMENT)),
                None => out.push_str(&rest[open..=close]),
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }

    fn is_idempotent(&self) -> bool {
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
    pub bytes: Vec<u8>,
}

impl RawBody {
    /// A raw body from its parts.
    #[must_use]
    pub fn new(content_type: Option<String>, bytes: Vec<u8>) -> Self {
        RawBody { content_type, bytes }
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
    /// The request method.
    pub method: String,
    /// The URL with any credential in the query replaced by `***`.
    pub url: String,
    /// The status of the (last) answer.
    pub status: u16,
    /// The answer's headers.
    pub headers: HeaderMap,
    /// The answer's body.
    pub body: Vec<u8>,
    /// From the first attempt to the last answer's body, retries included.
    pub elapsed: Duration,
    /// 1 + the retries the transport made.
    pub attempts: u32,
    json: OnceLock<Option<serde_json::Value>>,
}

impl fmt::Debug for Exchange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Exchange")
            .field("request", &self.request)
            .field("method", &self.method)
            .field("url", &self.url)
            .field("status", &self.status)
            .field("headers", &crate::response::Redacted(&self.headers))
            .field("body", &String::from_utf8_lossy(&self.body))
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
        let body = self.decode_json()?;
        Ok(ResponseValue::new(body, self.status, self.headers))
    }

    /// The body as bytes, with the answer's status and headers.
    #[must_use]
    pub fn into_raw(self) -> ResponseValue<RawBody> {
        let content_type = self.header("content-type").map(str::to_owned);
        ResponseValue::new(RawBody::new(content_type, self.body), self.status, self.headers)
    }

    /// The body decoded from JSON into `T`.
    ///
    /// # Errors
    ///
    /// [`ClientError::Decode`] when the body is not JSON of that shape.
    pub fn decode_json<T: DeserializeOwned>(&self) -> Result<T, ClientError> {
        serde_json::from_slice(&self.body).map_err(|e| ClientError::Decode {
            method: self.method.clone(),
            url: self.url.clone(),
            status: self.status,
            body: self.text(),
            message: e.to_string(),
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
            method: self.method.clone(),
            url: self.url.clone(),
            status: self.status,
            body: self.text(),
        }
    }
}

/// One header value (or list item) as `T`: a JSON string first, then JSON text.
fn header_scalar<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(text.to_owned()))
        .or_else(|_| serde_json::from_str(text))
        .map_err(|e: serde_json::Error| e.to_string())
}

/// The transport every generated client wraps: base URL, `reqwest` client,
/// credentials and retry policy. Cheap to clone (the connection pool is shared).
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
#[derive(Clone)]
pub struct HttpClient {
    base_url: String,
    http: reqwest::Client,
    auth: Option<Auth>,
    retry: RetryPolicy,
}

impl fmt::Debug for HttpClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpClient")
            .field("base_url", &self.base_url)
            .field("auth", &self.auth)
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

impl HttpClient {
    /// A client for the API at `base_url`. Never fails on a malformed base URL: that is
    /// reported by the first request.
    ///
    /// # Panics
    ///
    /// Like `reqwest::Client::new`, if the TLS backend cannot be initialised (see
    /// [`http_client_builder`](crate::http_client_builder)).
    pub fn new(base_url: impl Into<String>) -> Self {
        let http = crate::tls::http_client_builder()
            .build()
            .unwrap_or_else(|e| panic!("arazzo: the HTTP client cannot be initialised: {e}"));
        HttpClient {
            base_url: base_url.into(),
            http,
            auth: None,
            retry: RetryPolicy::default(),
        }
    }

    /// Sends `auth` with every request.
    #[must_use]
    pub fn with_auth(mut self, auth: Auth) -> Self {
        self.auth = Some(auth);
        self
    }

    /// Sends requests through `http` (proxies, TLS roots, timeouts, redirects).
    #[must_use]
    pub fn with_http_client(mut self, http: reqwest::Client) -> Self {
        self.http = http;
        self
    }

    /// Retries transient failures by `retry` (the default: [`RetryPolicy::default`]).
    #[must_use]
    pub fn with_retry_policy(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
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

    fn url(&self, request: &Request) -> Result<(reqwest::Url, String), ClientError> {
        let joined = format!("{}{}", self.base_url.trim_end_matches('/'), request.expand_path());
        let mut url = reqwest::Url::parse(&joined).map_err(|e| ClientError::InvalidUrl {
            url: joined.clone(),
            reason: e.to_string(),
        })?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(ClientError::InvalidUrl {
                url: joined,
                reason: format!("unsupported scheme `{}`", url.scheme()),
            });
        }
        let key_in_query = match &self.auth {
            Some(Auth::ApiKey {
                location: ApiKeyLocation::Query,
                name,
                value,
            }) => Some((name.as_str(), value)),
            _ => None,
        };
        if !request.query.is_empty() || key_in_query.is_some() {
            let mut pairs = url.query_pairs_mut();
            for (k, v) in &request.query {
                pairs.append_pair(k, v);
            }
            if let Some((name, value)) = key_in_query {
                pairs.append_pair(name, value.expose());
            }
        }
        let mut display = url.clone();
        if let Some((name, _)) = key_in_query {
            let redacted: Vec<(String, String)> = url
                .query_pairs()
                .map(|(k, v)| {
                    let v = if k == name { "***".into() } else { v.into_owned() };
                    (k.into_owned(), v)
                })
                .collect();
            display.query_pairs_mut().clear().extend_pairs(redacted);
        }
        Ok((url, display.to_string()))
    }

    fn build(&self, request: &Request, url: reqwest::Url) -> Result<reqwest::RequestBuilder, ClientError> {
        let mut headers = HeaderMap::new();
        for (name, value) in &request.headers {
            let name = HeaderName::from_bytes(name.as_bytes()).map_err(|e| ClientError::InvalidRequest {
                message: format!("header name `{name}`: {e}"),
            })?;
            let value = HeaderValue::from_str(value).map_err(|e| ClientError::InvalidRequest {
                message: format!("header `{name}`: {e}"),
            })?;
            headers.append(name, value);
        }
        let mut cookies: Vec<String> = request
            .cookies
            .iter()
            .map(|(k, v)| format!("{k}={}", utf8_percent_encode(v, SEGMENT)))
            .collect();
        let mut builder = self.http.request(request.method.clone(), url);
        match &self.auth {
            Some(Auth::Bearer(token)) => builder = builder.bearer_auth(token.expose()),
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
                headers.insert(name, value);
            }
            Some(Auth::ApiKey {
                location: ApiKeyLocation::Cookie,
                name,
                value,
            }) => cookies.push(format!("{name}={}", value.expose())),
            Some(Auth::ApiKey {
                location: ApiKeyLocation::Query,
                ..
            })
            | None => {}
        }
        if !cookies.is_empty() {
            let mut value = HeaderValue::from_str(&cookies.join("; ")).map_err(|_| ClientError::InvalidRequest {
                message: "cookie values are not valid header text".into(),
            })?;
            value.set_sensitive(true);
            headers.insert(reqwest::header::COOKIE, value);
        }
        builder = builder.headers(headers);
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

    /// Sends the request, retrying by the policy, and returns the last answer,
    /// whatever its status.
    ///
    /// # Errors
    ///
    /// [`ClientError::InvalidUrl`] and [`ClientError::InvalidRequest`] before
    /// anything is sent; [`ClientError::Transport`] when no answer came (after
    /// the retries the policy allows).
    pub async fn send(&self, request: Request) -> Result<Exchange, ClientError> {
        let (url, display_url) = self.url(&request)?;
        let method = request.method.to_string();
        let idempotent = request.is_idempotent();
        let started = Instant::now();
        let mut retry = 0u32;
        loop {
            let builder = self.build(&request, url.clone())?;
            let can_retry = retry < self.retry.max_retries;
            match builder.send().await {
                Ok(response) => {
                    let status = response.status().as_u16();
                    let headers = response.headers().clone();
                    let body = match response.bytes().await {
                        Ok(b) => b.to_vec(),
                        Err(e) if can_retry && idempotent => {
                            self.pause(retry, None, &method, &display_url, &error_chain(&e.without_url())).await;
                            retry += 1;
                            continue;
                        }
                        Err(e) => {
                            return Err(ClientError::Transport {
                                method,
                                url: display_url,
                                source: Arc::new(e.without_url()),
                            });
                        }
                    };
                    if can_retry && RetryPolicy::retries_status(status, idempotent) {
                        let after = headers
                            .get(reqwest::header::RETRY_AFTER)
                            .and_then(|v| v.to_str().ok())
                            .and_then(parse_retry_after);
                        // A server asking for a longer pause than we accept
                        // gets its answer passed up rather than a silent wait.
                        if after.is_none_or(|a| a <= self.retry.max_retry_after || self.retry.max_retry_after.is_zero()) {
                            self.pause(retry, after, &method, &display_url, &format!("HTTP {status}")).await;
                            retry += 1;
                            continue;
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
                        json: OnceLock::new(),
                    });
                }
                Err(e) => {
                    let transient = e.is_connect() || e.is_timeout() || e.is_request();
                    let e = e.without_url();
                    if can_retry && idempotent && transient {
                        self.pause(retry, None, &method, &display_url, &error_chain(&e)).await;
                        retry += 1;
                        continue;
                    }
                    return Err(ClientError::Transport {
                        method,
                        url: display_url,
                        source: Arc::new(e),
                    });
                }
            }
        }
    }

    async fn pause(&self, retry: u32, after: Option<Duration>, method: &str, url: &str, why: &str) {
        let delay = self.retry.delay(retry, after);
        tracing::debug!(%method, %url, why, retry = retry + 1, delay_ms = millis(delay), "retrying request");
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
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
    fn encoded_path_values_keep_their_separators() {
        let r = Request::new(Method::GET, "/items/{ids}").path_encoded("ids", ".a.b%2Fc");
        assert_eq!(r.expand_path(), "/items/.a.b%2Fc");
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
