//! A hostile HTTP server on raw sockets, for the transport's fault tests.
//!
//! The fake Seer server and `MockServer` are well-behaved axum servers: they cannot stall
//! between two headers, trickle a body, announce 2 GB and keep sending, reset a connection
//! or answer with bytes that are not HTTP. This one writes every byte itself on a tokio
//! `TcpListener`, so each phase of an exchange (accept, headers, body) can misbehave.
//! Behaviour is chosen per request by the first rule whose method and path fragment match;
//! every request is recorded (request line and headers as they arrived) so tests can assert
//! what reached which origin.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// What the server does with a request.
#[derive(Debug, Clone)]
pub enum Fault {
    /// A well-formed answer.
    Reply {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// The connection is accepted and never read or answered.
    StallAccept,
    /// The request is read and never answered.
    StallHeaders,
    /// The status line and headers (announcing 1000 bytes), 10 bytes of body, then nothing.
    StallBody,
    /// The status line, then one header every interval, without end.
    TrickleHeaders(Duration),
    /// Headers, then one body byte every interval (chunked), without end.
    TrickleBody(Duration),
    /// A well-formed answer sent after a delay.
    Delay(Duration, Box<Fault>),
    /// `Content-Length: n` and n bytes of `a` (never held in memory: written in chunks).
    Huge(u64),
    /// A chunked `application/json` body sent in these pieces, each flushed and followed by
    /// a pause, so the client reads it as several chunks.
    Chunks(Vec<Vec<u8>>),
    /// A chunked body that never ends.
    Endless,
    /// The request is read, then the connection is reset (RST).
    Reset,
    /// Bytes that are not HTTP, then close.
    Garbage,
    /// An `application/json` answer of this status whose body is the request (header block
    /// and body, verbatim) as a JSON string in `{"echo": ...}`: a server that echoes what it
    /// was sent.
    Echo(u16),
}

impl Fault {
    pub fn json(status: u16, body: &serde_json::Value) -> Fault {
        Fault::Reply {
            status,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: body.to_string().into_bytes(),
        }
    }

    pub fn text(status: u16, content_type: &str, body: &str) -> Fault {
        Fault::Reply {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.as_bytes().to_vec(),
        }
    }

    pub fn redirect(status: u16, location: &str) -> Fault {
        Fault::Reply {
            status,
            headers: vec![("Location".into(), location.into())],
            body: Vec::new(),
        }
    }

    /// Adds a header to a `Reply` (other faults are returned unchanged).
    #[must_use]
    pub fn header(self, name: &str, value: &str) -> Fault {
        match self {
            Fault::Reply { status, mut headers, body } => {
                headers.push((name.into(), value.into()));
                Fault::Reply { status, headers, body }
            }
            other => other,
        }
    }
}

/// A request as it arrived: the request line and header block, and the body.
#[derive(Debug, Clone)]
pub struct Seen {
    pub head: String,
    pub body: Vec<u8>,
}

impl Seen {
    pub fn request_line(&self) -> &str {
        self.head.lines().next().unwrap_or("")
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|line| {
            let (k, v) = line.split_once(':')?;
            k.trim().eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }
}

struct Rule {
    method: Option<String>,
    path: String,
    faults: Vec<Fault>,
}

#[derive(Default)]
struct State {
    rules: Vec<Rule>,
    seen: Vec<Seen>,
    connections: usize,
    /// Requests read whose answer has not begun (a `Delay` still waiting, a stall).
    waiting: usize,
    most_waiting: usize,
}

/// One request counted in `State::waiting` until dropped: when its answer begins, or with its
/// connection (a stalled request counts until then).
struct Waiting(Arc<Mutex<State>>);

impl Waiting {
    fn enter(state: &Arc<Mutex<State>>) -> Waiting {
        let mut s = state.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        s.waiting += 1;
        s.most_waiting = s.most_waiting.max(s.waiting);
        Waiting(Arc::clone(state))
    }
}

impl Drop for Waiting {
    fn drop(&mut self) {
        self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner).waiting -= 1;
    }
}

/// The server; stops (and drops every stalled connection) when dropped.
pub struct Chaos {
    addr: SocketAddr,
    state: Arc<Mutex<State>>,
    task: JoinHandle<()>,
}

impl Drop for Chaos {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Chaos {
    /// Listens on 127.0.0.1 on a free port.
    ///
    /// # Errors
    ///
    /// When the socket cannot be bound.
    pub async fn start() -> std::io::Result<Chaos> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
        let addr = listener.local_addr()?;
        let state = Arc::new(Mutex::new(State::default()));
        let shared = Arc::clone(&state);
        let task = tokio::spawn(async move {
            let mut connections = tokio::task::JoinSet::new();
            while let Ok((stream, _)) = listener.accept().await {
                let state = Arc::clone(&shared);
                // Connections live in the set, so aborting the server aborts them too.
                connections.spawn(serve(stream, state));
            }
        });
        Ok(Chaos { addr, state, task })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Requests whose method is `method` (any, when `None`) and whose path contains `path`
    /// get `faults` in turn, the last repeating. Rules are tried in the order added.
    pub fn on(&self, method: Option<&str>, path: &str, faults: Vec<Fault>) -> &Self {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .rules
            .push(Rule {
                method: method.map(str::to_owned),
                path: path.to_owned(),
                faults,
            });
        self
    }

    /// Every request, for any path.
    pub fn always(&self, fault: Fault) -> &Self {
        self.on(None, "", vec![fault])
    }

    /// The requests received so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner).seen.clone()
    }

    /// Connections accepted so far.
    pub fn connections(&self) -> usize {
        self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner).connections
    }

    /// The most requests the server held at one time: read, and their answer not yet begun
    /// (a [`Fault::Delay`] waiting, a stall). A client that keeps at most N attempts in flight
    /// never makes this more than N, however its connections are reused, because an attempt
    /// ends only after its answer began.
    pub fn most_at_once(&self) -> usize {
        self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner).most_waiting
    }
}

fn pick(state: &Mutex<State>, method: &str, path: &str) -> Fault {
    let mut state = state.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let rule = state
        .rules
        .iter_mut()
        .find(|r| r.method.as_deref().is_none_or(|m| m.eq_ignore_ascii_case(method)) && path.contains(&r.path));
    match rule {
        Some(rule) if rule.faults.len() > 1 => rule.faults.remove(0),
        Some(rule) => rule.faults.first().cloned().unwrap_or(Fault::StallHeaders),
        None => Fault::text(404, "text/plain", "no rule"),
    }
}

async fn serve(mut stream: TcpStream, state: Arc<Mutex<State>>) {
    state.lock().unwrap_or_else(std::sync::PoisonError::into_inner).connections += 1;
    // Keep-alive: one connection may carry several requests.
    loop {
        // A rule for accept stalls must be chosen before reading: peek at the request line.
        let mut peek = [0u8; 512];
        let Ok(n) = stream.peek(&mut peek).await else { return };
        if n == 0 {
            return;
        }
        let line = String::from_utf8_lossy(&peek[..n]).lines().next().unwrap_or("").to_owned();
        let mut parts = line.split(' ');
        let (method, path) = (parts.next().unwrap_or("").to_owned(), parts.next().unwrap_or("").to_owned());
        let fault = pick(&state, &method, &path);
        if matches!(fault, Fault::StallAccept) {
            std::future::pending::<()>().await;
        }
        let Some(seen) = read_request(&mut stream).await else { return };
        // What an echo sends back: the header block and the body, as received.
        let head = format!("{}{}", seen.head, String::from_utf8_lossy(&seen.body));
        state.lock().unwrap_or_else(std::sync::PoisonError::into_inner).seen.push(seen);
        if act(&mut stream, fault, &head, Some(Waiting::enter(&state))).await.is_err() {
            return;
        }
    }
}

async fn read_request(stream: &mut TcpStream) -> Option<Seen> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 || buf.len() > 1 << 20 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..end]).into_owned();
    let length: usize = head
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim().eq_ignore_ascii_case("content-length").then(|| v.trim().parse().ok())?
        })
        .unwrap_or(0);
    let mut body = buf[end..].to_vec();
    while body.len() < length {
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    Some(Seen { head, body })
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        202 => "Accepted",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        401 => "Unauthorized",
        429 => "Too Many Requests",
        503 => "Service Unavailable",
        _ => "Whatever",
    }
}

/// Does `fault`; `waiting` counts the request until its answer begins (never, for a stall).
fn act<'a>(
    stream: &'a mut TcpStream,
    fault: Fault,
    head: &'a str,
    waiting: Option<Waiting>,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = std::io::Result<()>> + Send + 'a>> {
    Box::pin(async move {
        let waiting = if matches!(fault, Fault::Delay(..) | Fault::Echo(_) | Fault::StallAccept | Fault::StallHeaders) {
            waiting
        } else {
            drop(waiting);
            None
        };
        match fault {
            Fault::Reply { status, headers, body } => {
                let mut out = format!("HTTP/1.1 {status} {}\r\nContent-Length: {}\r\n", reason(status), body.len());
                for (k, v) in headers {
                    out.push_str(&format!("{k}: {v}\r\n"));
                }
                out.push_str("\r\n");
                stream.write_all(out.as_bytes()).await?;
                stream.write_all(&body).await?;
                stream.flush().await
            }
            Fault::Echo(status) => act(stream, Fault::json(status, &serde_json::json!({ "echo": head })), head, waiting).await,
            Fault::StallAccept | Fault::StallHeaders => {
                let _never_answered = waiting;
                std::future::pending().await
            }
            Fault::StallBody => {
                stream
                    .write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"autofix\":")
                    .await?;
                stream.flush().await?;
                std::future::pending().await
            }
            Fault::TrickleHeaders(every) => {
                stream.write_all(b"HTTP/1.1 200 OK\r\n").await?;
                for i in 0u64.. {
                    tokio::time::sleep(every).await;
                    stream.write_all(format!("X-Trickle-{i}: x\r\n").as_bytes()).await?;
                    stream.flush().await?;
                }
                Ok(())
            }
            Fault::TrickleBody(every) => {
                stream
                    .write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .await?;
                loop {
                    stream.write_all(b"1\r\n \r\n").await?;
                    stream.flush().await?;
                    tokio::time::sleep(every).await;
                }
            }
            Fault::Delay(d, then) => {
                tokio::time::sleep(d).await;
                act(stream, *then, head, waiting).await
            }
            Fault::Huge(n) => {
                stream
                    .write_all(format!("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {n}\r\n\r\n").as_bytes())
                    .await?;
                let block = vec![b'a'; 64 * 1024];
                let mut left = n;
                while left > 0 {
                    let k = usize::try_from(left.min(block.len() as u64)).unwrap_or(block.len());
                    stream.write_all(&block[..k]).await?;
                    left -= k as u64;
                }
                stream.flush().await
            }
            Fault::Chunks(pieces) => {
                stream
                    .write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .await?;
                for piece in pieces {
                    stream.write_all(format!("{:x}\r\n", piece.len()).as_bytes()).await?;
                    stream.write_all(&piece).await?;
                    stream.write_all(b"\r\n").await?;
                    stream.flush().await?;
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
                stream.write_all(b"0\r\n\r\n").await?;
                stream.flush().await
            }
            Fault::Endless => {
                stream
                    .write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .await?;
                let block = format!("10000\r\n{}\r\n", "a".repeat(0x10000));
                loop {
                    stream.write_all(block.as_bytes()).await?;
                }
            }
            Fault::Reset => {
                stream.set_zero_linger()?;
                Err(std::io::Error::other("reset"))
            }
            Fault::Garbage => {
                stream.write_all(b"\x16\x03\x01banana split\r\n\x00\xff\r\n\r\n").await?;
                stream.shutdown().await?;
                Err(std::io::Error::other("garbage sent"))
            }
        }
    })
}
