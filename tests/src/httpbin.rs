//! A local stand-in for httpbin.org, for running other tools' example
//! workflows (`examples/runs.rs`) without the network.
//!
//! Most of strefethen's arazzo-cli examples call httpbin.org and read fields
//! of its echo answers (`args`, `headers`, `json`, `cookies`, ...). A scripted
//! mock would have to guess those answers per document; an echo server
//! computes them from the request exactly as httpbin does, so a workflow that
//! passes here would read the same values from the real service (apart from
//! the host name and client address, which are this server's). Behaviour
//! follows httpbin 0.9 (Flask/werkzeug): header names are title-cased, a query
//! key given once is a string and given several times a list, a method the
//! endpoint does not serve is `405`.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use crate::mock::{Serving, decode_form};

/// A running fake httpbin on 127.0.0.1; stops when dropped.
#[derive(Debug)]
pub struct Httpbin {
    serving: Serving,
    log: Arc<Mutex<Vec<String>>>,
}

impl Httpbin {
    pub async fn start() -> std::io::Result<Httpbin> {
        let log = Arc::new(Mutex::new(Vec::new()));
        let serving = Serving::start(axum::Router::new().fallback(serve).with_state(log.clone())).await?;
        Ok(Httpbin { serving, log })
    }

    pub fn base_url(&self) -> String {
        format!("http://{}", self.serving.addr)
    }

    /// Every request served so far, as `METHOD /path?query`, so a run's
    /// report can show retries and routing.
    pub fn requests(&self) -> Vec<String> {
        self.log.lock().map(|l| l.clone()).unwrap_or_default()
    }
}

/// werkzeug's header keys: `x-api-key` -> `X-Api-Key` (Python's
/// `str.title()`: a letter after a non-letter is upper case, others lower).
pub fn title_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut after_letter = false;
    for c in name.chars() {
        if c.is_alphabetic() {
            if after_letter {
                out.extend(c.to_lowercase());
            } else {
                out.extend(c.to_uppercase());
            }
            after_letter = true;
        } else {
            out.push(c);
            after_letter = false;
        }
    }
    out
}

/// Query or form pairs as httpbin shows them: one value a string, several
/// a list, keys in first-seen order.
fn multi(pairs: Vec<(String, String)>) -> Value {
    let mut out = Map::new();
    for (k, v) in pairs {
        match out.get_mut(&k) {
            Some(Value::Array(list)) => list.push(Value::String(v)),
            Some(one) => {
                let first = one.take();
                *one = Value::Array(vec![first, Value::String(v)]);
            }
            None => {
                out.insert(k, Value::String(v));
            }
        }
    }
    Value::Object(out)
}

struct Req {
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
}

impl Req {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    fn args(&self) -> Value {
        multi(self.uri.query().map(decode_form).unwrap_or_default())
    }

    fn headers_json(&self) -> Value {
        let mut out = Map::new();
        for name in self.headers.keys() {
            let values: Vec<&str> = self.headers.get_all(name).iter().filter_map(|v| v.to_str().ok()).collect();
            out.insert(title_case(name.as_str()), Value::String(values.join(",")));
        }
        Value::Object(out)
    }

    fn url(&self) -> String {
        let host = self.header("host").unwrap_or("127.0.0.1");
        let query = self.uri.query().map(|q| format!("?{q}")).unwrap_or_default();
        format!("http://{host}{}{query}", self.uri.path())
    }

    fn cookies(&self) -> Value {
        let mut out = Map::new();
        for header in self.headers.get_all("cookie").iter().filter_map(|v| v.to_str().ok()) {
            for pair in header.split(';') {
                if let Some((k, v)) = pair.trim().split_once('=') {
                    out.insert(k.to_owned(), Value::String(v.to_owned()));
                }
            }
        }
        Value::Object(out)
    }

    /// The `/get` shape.
    fn echo(&self) -> Map<String, Value> {
        let mut out = Map::new();
        out.insert("args".into(), self.args());
        out.insert("headers".into(), self.headers_json());
        out.insert("origin".into(), json!("127.0.0.1"));
        out.insert("url".into(), json!(self.url()));
        out
    }

    /// The `/post` shape: the body as `data`, and also as `json` or `form`
    /// when its content type says so (httpbin leaves `data` empty for forms).
    fn echo_body(&self) -> Map<String, Value> {
        let mut out = self.echo();
        let content_type = self.header("content-type").unwrap_or("");
        let text = String::from_utf8_lossy(&self.body).into_owned();
        let (data, form) = if content_type.starts_with("application/x-www-form-urlencoded") {
            (String::new(), multi(decode_form(&text)))
        } else {
            (text.clone(), json!({}))
        };
        out.insert("data".into(), json!(data));
        out.insert("files".into(), json!({}));
        out.insert("form".into(), form);
        out.insert("json".into(), serde_json::from_str(&text).unwrap_or(Value::Null));
        out
    }
}

fn json_reply(status: StatusCode, body: &Value) -> Response {
    let mut text = serde_json::to_string_pretty(body).unwrap_or_default();
    text.push('\n');
    (status, [("content-type", "application/json")], text).into_response()
}

fn empty(status: StatusCode) -> Response {
    (status, [("content-type", "text/html; charset=utf-8")], "").into_response()
}

fn redirect(to: &str) -> Response {
    (
        StatusCode::FOUND,
        [("location", to), ("content-type", "text/html; charset=utf-8")],
        "",
    )
        .into_response()
}

/// Standard base64 (the `Authorization: Basic` payload).
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.decode(text).ok()
}

static UUIDS: AtomicU64 = AtomicU64::new(1);

fn only(req: &Req, methods: &[Method], answer: impl FnOnce() -> Response) -> Response {
    if methods.contains(&req.method) || (req.method == Method::HEAD && methods.contains(&Method::GET)) {
        answer()
    } else if req.method == Method::OPTIONS {
        empty(StatusCode::OK)
    } else {
        empty(StatusCode::METHOD_NOT_ALLOWED).into_response_with_html()
    }
}

trait Html {
    fn into_response_with_html(self) -> Response;
}

impl Html for Response {
    /// httpbin's 405 and 404 are Flask's HTML pages, not JSON.
    fn into_response_with_html(self) -> Response {
        let status = self.status();
        let reason = status.canonical_reason().unwrap_or("");
        let page = format!(
            "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 3.2 Final//EN\">\n<title>{} {reason}</title>\n<h1>{reason}</h1>\n",
            status.as_u16()
        );
        (status, [("content-type", "text/html")], page).into_response()
    }
}

async fn route(req: Req) -> Response {
    let path = req.uri.path().to_owned();
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let get = [Method::GET];
    match segments.as_slice() {
        ["get"] => only(&req, &get, || json_reply(StatusCode::OK, &Value::Object(req.echo()))),
        ["post"] => only(&req, &[Method::POST], || {
            json_reply(StatusCode::OK, &Value::Object(req.echo_body()))
        }),
        ["put"] => only(&req, &[Method::PUT], || json_reply(StatusCode::OK, &Value::Object(req.echo_body()))),
        ["patch"] => only(&req, &[Method::PATCH], || {
            json_reply(StatusCode::OK, &Value::Object(req.echo_body()))
        }),
        ["delete"] => only(&req, &[Method::DELETE], || {
            json_reply(StatusCode::OK, &Value::Object(req.echo_body()))
        }),
        ["anything", ..] => {
            let mut body = req.echo_body();
            body.insert("method".into(), json!(req.method.as_str()));
            json_reply(StatusCode::OK, &Value::Object(body))
        }
        ["headers"] => only(&req, &get, || json_reply(StatusCode::OK, &json!({"headers": req.headers_json()}))),
        ["ip"] => only(&req, &get, || json_reply(StatusCode::OK, &json!({"origin": "127.0.0.1"}))),
        ["user-agent"] => only(&req, &get, || {
            json_reply(StatusCode::OK, &json!({"user-agent": req.header("user-agent")}))
        }),
        ["cookies"] => only(&req, &get, || json_reply(StatusCode::OK, &json!({"cookies": req.cookies()}))),
        ["uuid"] => only(&req, &get, || {
            let n = UUIDS.fetch_add(1, Ordering::Relaxed);
            json_reply(StatusCode::OK, &json!({"uuid": format!("00000000-0000-4000-8000-{n:012x}")}))
        }),
        ["json"] => only(&req, &get, || json_reply(StatusCode::OK, &slideshow())),
        ["status", codes] => {
            // httpbin picks at random among comma-separated codes; the first
            // keeps runs reproducible.
            let first = codes.split(',').next().unwrap_or("");
            match first.parse::<u16>().ok().and_then(|c| StatusCode::from_u16(c).ok()) {
                Some(code) if code.is_redirection() => {
                    let mut r = redirect("/redirect/1");
                    *r.status_mut() = code;
                    r
                }
                Some(code) => empty(code),
                None => (StatusCode::BAD_REQUEST, "Invalid status code").into_response(),
            }
        }
        ["response-headers"] => only(&req, &[Method::GET, Method::POST], || {
            let pairs = req.uri.query().map(decode_form).unwrap_or_default();
            let mut body = match multi(pairs.clone()) {
                Value::Object(m) => m,
                _ => Map::new(),
            };
            body.insert("Content-Type".into(), json!("application/json"));
            let mut response = json_reply(StatusCode::OK, &Value::Object(body));
            for (k, v) in pairs {
                if let (Ok(name), Ok(value)) = (
                    axum::http::HeaderName::from_bytes(k.as_bytes()),
                    axum::http::HeaderValue::from_str(&v),
                ) {
                    response.headers_mut().append(name, value);
                }
            }
            response
        }),
        ["basic-auth", user, passwd] => only(&req, &get, || {
            let given = req
                .header("authorization")
                .and_then(|a| a.strip_prefix("Basic "))
                .and_then(|b| base64_decode(b.trim()))
                .map(|b| String::from_utf8_lossy(&b).into_owned());
            if given.as_deref() == Some(&format!("{user}:{passwd}")) {
                json_reply(StatusCode::OK, &json!({"authenticated": true, "user": user}))
            } else {
                (StatusCode::UNAUTHORIZED, [("www-authenticate", "Basic realm=\"Fake Realm\"")], "").into_response()
            }
        }),
        ["bearer"] => only(&req, &get, || {
            match req.header("authorization").and_then(|a| a.strip_prefix("Bearer ")) {
                Some(token) => json_reply(StatusCode::OK, &json!({"authenticated": true, "token": token})),
                None => (StatusCode::UNAUTHORIZED, [("www-authenticate", "Bearer")], "").into_response(),
            }
        }),
        ["delay", n] => {
            // httpbin waits n seconds (at most 10); milliseconds keep the
            // order of events without slowing the runs down.
            let n: u64 = n.parse().unwrap_or(0).min(10);
            tokio::time::sleep(Duration::from_millis(n)).await;
            json_reply(StatusCode::OK, &Value::Object(req.echo_body()))
        }
        ["redirect", n] | ["relative-redirect", n] => match n.parse::<u32>() {
            Ok(1) => redirect("/get"),
            Ok(n) if n > 1 => redirect(&format!("/relative-redirect/{}", n - 1)),
            _ => empty(StatusCode::NOT_FOUND).into_response_with_html(),
        },
        ["redirect-to"] => {
            let args: HashMap<String, String> = req.uri.query().map(decode_form).unwrap_or_default().into_iter().collect();
            let mut r = redirect(args.get("url").map_or("/get", String::as_str));
            if let Some(code) = args
                .get("status_code")
                .and_then(|c| c.parse().ok())
                .and_then(|c| StatusCode::from_u16(c).ok())
            {
                *r.status_mut() = code;
            }
            r
        }
        _ => empty(StatusCode::NOT_FOUND).into_response_with_html(),
    }
}

fn slideshow() -> Value {
    json!({"slideshow": {
        "author": "Yours Truly",
        "date": "date of publication",
        "slides": [
            {"title": "Wake up to WonderWidgets!", "type": "all"},
            {"items": ["Why <em>WonderWidgets</em> are great", "Who <em>buys</em> WonderWidgets"], "title": "Overview", "type": "all"}
        ],
        "title": "Sample Slide Show"
    }})
}

async fn serve(
    axum::extract::State(log): axum::extract::State<Arc<Mutex<Vec<String>>>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Ok(mut log) = log.lock() {
        log.push(format!("{method} {uri}"));
    }
    let origin = headers.get("origin").cloned();
    let mut response = route(Req {
        method,
        uri,
        headers,
        body,
    })
    .await;
    // The headers every httpbin answer carries (gunicorn behind its proxy).
    let h = response.headers_mut();
    h.insert("server", axum::http::HeaderValue::from_static("gunicorn/19.9.0"));
    h.insert(
        "access-control-allow-origin",
        origin.unwrap_or(axum::http::HeaderValue::from_static("*")),
    );
    h.insert("access-control-allow-credentials", axum::http::HeaderValue::from_static("true"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    /// One raw HTTP/1.1 exchange: (status, headers lower-cased, body).
    async fn call(bin: &Httpbin, request: &str) -> (u16, Vec<(String, String)>, String) {
        let mut stream = tokio::net::TcpStream::connect(bin.serving.addr).await.unwrap();
        stream.write_all(request.as_bytes()).await.unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).await.unwrap();
        let raw = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = raw.split_once("\r\n\r\n").unwrap();
        let mut lines = head.lines();
        let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
        let headers = lines
            .filter_map(|l| l.split_once(": "))
            .map(|(k, v)| (k.to_ascii_lowercase(), v.to_owned()))
            .collect();
        (status, headers, body.to_owned())
    }

    fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
        headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    #[tokio::test]
    async fn get_echoes_args_and_title_cased_headers() {
        let bin = Httpbin::start().await.unwrap();
        let (status, headers, body) = call(
            &bin,
            "GET /get?fruit=apple&n=1&n=2 HTTP/1.1\r\nHost: h\r\nx-custom-header: v\r\nConnection: close\r\n\r\n",
        )
        .await;
        assert_eq!(status, 200);
        assert_eq!(header(&headers, "server"), Some("gunicorn/19.9.0"));
        assert_eq!(header(&headers, "access-control-allow-origin"), Some("*"));
        let body: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(body["args"], json!({"fruit": "apple", "n": ["1", "2"]}));
        assert_eq!(body["headers"]["X-Custom-Header"], "v");
        assert_eq!(body["url"], "http://h/get?fruit=apple&n=1&n=2");
    }

    #[tokio::test]
    async fn post_echoes_json_and_form_and_refuses_other_methods() {
        let bin = Httpbin::start().await.unwrap();
        let json_body = r#"{"name":"x","version":1}"#;
        let (status, _, body) = call(
            &bin,
            &format!(
                "POST /post HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{json_body}",
                json_body.len()
            ),
        )
        .await;
        assert_eq!(status, 200);
        let body: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(body["json"], json!({"name": "x", "version": 1}));
        assert_eq!(body["data"], json_body);
        let (_, _, body) = call(
            &bin,
            "PUT /put HTTP/1.1\r\nHost: h\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 7\r\nConnection: close\r\n\r\na=1&b=2",
        )
        .await;
        let body: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(
            (body["form"].clone(), body["data"].clone(), body["json"].clone()),
            (json!({"a": "1", "b": "2"}), json!(""), Value::Null)
        );
        let (status, _, _) = call(&bin, "GET /post HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n").await;
        assert_eq!(status, 405);
        let (_, _, body) = call(
            &bin,
            "PATCH /anything/x HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        )
        .await;
        assert_eq!(serde_json::from_str::<Value>(&body).unwrap()["method"], "PATCH");
    }

    #[tokio::test]
    async fn status_auth_cookies_and_response_headers() {
        let bin = Httpbin::start().await.unwrap();
        let (status, _, body) = call(&bin, "GET /status/503 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n").await;
        assert_eq!((status, body.as_str()), (503, ""));
        assert_eq!(bin.requests(), ["GET /status/503"]);
        let (status, _, body) = call(
            &bin,
            "GET /basic-auth/testuser/testpass HTTP/1.1\r\nHost: h\r\nAuthorization: Basic dGVzdHVzZXI6dGVzdHBhc3M=\r\nConnection: close\r\n\r\n",
        )
        .await;
        assert_eq!(status, 200);
        assert_eq!(
            serde_json::from_str::<Value>(&body).unwrap(),
            json!({"authenticated": true, "user": "testuser"})
        );
        let (status, headers, _) = call(
            &bin,
            "GET /basic-auth/testuser/testpass HTTP/1.1\r\nHost: h\r\nAuthorization: Basic d3Jvbmc6Y3JlZHM=\r\nConnection: close\r\n\r\n",
        )
        .await;
        assert_eq!(
            (status, header(&headers, "www-authenticate")),
            (401, Some("Basic realm=\"Fake Realm\""))
        );
        let (status, _, _) = call(&bin, "GET /bearer HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n").await;
        assert_eq!(status, 401);
        let (_, _, body) = call(
            &bin,
            "GET /cookies HTTP/1.1\r\nHost: h\r\nCookie: a=1; theme=dark\r\nConnection: close\r\n\r\n",
        )
        .await;
        assert_eq!(
            serde_json::from_str::<Value>(&body).unwrap(),
            json!({"cookies": {"a": "1", "theme": "dark"}})
        );
        let (_, headers, body) = call(
            &bin,
            "GET /response-headers?X-Trace-Id=t-1 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n",
        )
        .await;
        assert_eq!(header(&headers, "x-trace-id"), Some("t-1"));
        assert_eq!(serde_json::from_str::<Value>(&body).unwrap()["X-Trace-Id"], "t-1");
    }

    #[test]
    fn helpers() {
        assert_eq!(title_case("x-api-key"), "X-Api-Key");
        assert_eq!(title_case("user-agent"), "User-Agent");
        assert_eq!(base64_decode("dGVzdHVzZXI6dGVzdHBhc3M=").unwrap(), b"testuser:testpass");
    }
}
