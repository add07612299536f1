//! A generic scripted HTTP server for workflow tests.
//!
//! The fake Seer server knows one API; workflow semantics (calls, retries,
//! parameter styles, body encodings) need many small APIs, each scripted by
//! the test that uses it. Routes match by method and path (with `{name}`
//! placeholders matching one segment) and optionally by query pairs; each
//! route answers from a queue whose last answer repeats. Every request is
//! recorded as it arrived, so tests assert on what went over the wire.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard};

use axum::body::Bytes;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::Response;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// One scripted answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// How long the server stalls before answering (a slow upstream, for step timeouts).
    pub delay: Option<std::time::Duration>,
}

impl Reply {
    pub fn json(status: u16, body: serde_json::Value) -> Reply {
        Reply {
            status,
            headers: vec![("content-type".into(), "application/json".into())],
            body: body.to_string().into_bytes(),
            delay: None,
        }
    }

    pub fn text(status: u16, content_type: &str, body: &str) -> Reply {
        Reply {
            status,
            headers: vec![("content-type".into(), content_type.into())],
            body: body.as_bytes().to_vec(),
            delay: None,
        }
    }

    pub fn empty(status: u16) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: Vec::new(),
            delay: None,
        }
    }

    /// This answer after `delay` (the request is recorded when it arrives).
    #[must_use]
    pub fn delayed(mut self, delay: std::time::Duration) -> Reply {
        self.delay = Some(delay);
        self
    }

    #[must_use]
    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }
}

/// A request as the server received it.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    /// The raw query string, if any.
    pub query: Option<String>,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn body_json(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(&self.body).ok()
    }

    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The query pairs, percent-decoded.
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        self.query.as_deref().map(decode_form).unwrap_or_default()
    }
}

#[derive(Debug)]
struct Route {
    method: String,
    segments: Vec<String>,
    query: Vec<(String, String)>,
    replies: Vec<Reply>,
    served: usize,
}

impl Route {
    fn matches(&self, method: &str, path: &str, query: &[(String, String)]) -> bool {
        let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
        self.method.eq_ignore_ascii_case(method)
            && segments.len() == self.segments.len()
            && self
                .segments
                .iter()
                .zip(&segments)
                .all(|(want, got)| (want.starts_with('{') && want.ends_with('}')) || want == got)
            && self.query.iter().all(|pair| query.contains(pair))
    }
}

#[derive(Debug, Default)]
struct State {
    routes: Vec<Route>,
    requests: Vec<Recorded>,
}

/// A running scripted server on 127.0.0.1; stops when dropped.
#[derive(Debug)]
pub struct MockServer {
    serving: Serving,
    state: Arc<Mutex<State>>,
}

/// An axum app served on 127.0.0.1 (a free port) until dropped; the
/// scripted server here and the fake httpbin both run on one.
#[derive(Debug)]
pub struct Serving {
    pub addr: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
}

impl Serving {
    pub async fn start(app: axum::Router) -> std::io::Result<Serving> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
        let addr = listener.local_addr()?;
        let (shutdown, stop) = oneshot::channel::<()>();
        tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async move {
                    let _ = stop.await;
                })
                .await
        });
        Ok(Serving {
            addr,
            shutdown: Some(shutdown),
        })
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}

fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    // A test that panicked while holding the lock leaves data that is
    // still fine to read.
    state.lock().unwrap_or_else(|e| e.into_inner())
}

/// `application/x-www-form-urlencoded` text: `+` is a space, `%XX` a byte
/// (malformed escapes kept as written), invalid UTF-8 replaced.
fn decode(s: &str) -> String {
    let plus_as_space = s.replace('+', " ");
    percent_encoding::percent_decode_str(&plus_as_space)
        .decode_utf8_lossy()
        .into_owned()
}

/// `a=1&b=x%20y` as decoded pairs.
pub fn decode_form(s: &str) -> Vec<(String, String)> {
    s.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(p), String::new()),
        })
        .collect()
}

async fn serve(state: axum::extract::State<Arc<Mutex<State>>>, method: Method, uri: Uri, headers: HeaderMap, body: Bytes) -> Response {
    let reply = scripted(&state, &method, &uri, &headers, &body);
    if let Some(delay) = reply.delay {
        tokio::time::sleep(delay).await;
    }
    answer(reply)
}

/// Records the request and picks its scripted reply (the lock is not held while a reply stalls).
fn scripted(state: &Mutex<State>, method: &Method, uri: &Uri, headers: &HeaderMap, body: &Bytes) -> Reply {
    let query = uri.query().map(str::to_owned);
    let pairs = query.as_deref().map(decode_form).unwrap_or_default();
    let mut state = lock(state);
    state.requests.push(Recorded {
        method: method.to_string(),
        path: uri.path().to_owned(),
        query,
        headers: headers
            .iter()
            .map(|(k, v)| (k.to_string(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
            .collect(),
        body: body.to_vec(),
    });
    let route = state.routes.iter_mut().find(|r| r.matches(method.as_str(), uri.path(), &pairs));
    let Some(route) = route else {
        let message = serde_json::json!({"error": format!("no scripted route for {method} {}", uri.path())});
        return Reply::json(404, message);
    };
    let index = route.served.min(route.replies.len().saturating_sub(1));
    route.served += 1;
    route.replies.get(index).cloned().unwrap_or_else(|| Reply::empty(500))
}

fn answer(reply: Reply) -> Response {
    let mut response = Response::new(axum::body::Body::from(reply.body));
    *response.status_mut() = StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    for (k, v) in reply.headers {
        if let (Ok(name), Ok(value)) = (
            axum::http::HeaderName::from_bytes(k.as_bytes()),
            axum::http::HeaderValue::from_str(&v),
        ) {
            response.headers_mut().append(name, value);
        }
    }
    response
}

impl MockServer {
    pub async fn start() -> std::io::Result<MockServer> {
        let state = Arc::new(Mutex::new(State::default()));
        let serving = Serving::start(axum::Router::new().fallback(serve).with_state(state.clone())).await?;
        Ok(MockServer { serving, state })
    }

    pub fn base_url(&self) -> String {
        format!("http://{}", self.serving.addr)
    }

    /// Scripts `method path[?query]`: `{x}` in the path matches any one
    /// segment; query pairs must all be present. Answers are served in
    /// order, the last one repeating. Routes are tried in the order added.
    pub fn on(&self, method: &str, path: &str, replies: Vec<Reply>) -> &Self {
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        lock(&self.state).routes.push(Route {
            method: method.to_owned(),
            segments: path.trim_matches('/').split('/').map(str::to_owned).collect(),
            query: decode_form(query),
            replies,
            served: 0,
        });
        self
    }

    pub fn requests(&self) -> Vec<Recorded> {
        lock(&self.state).requests.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_decoding() {
        assert_eq!(
            decode_form("a=1&b=x%20y+z&c"),
            [("a".into(), "1".into()), ("b".into(), "x y z".into()), ("c".into(), String::new())]
        );
        assert_eq!(decode("%zz%4"), "%zz%4");
    }
}
