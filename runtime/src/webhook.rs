//! A small webhook receiver (feature `webhook-server`): an HTTP/1 server on a local
//! address that delivers every `POST` to an [`Inbox`], for `receive` steps.
//!
//! For users whose program has no HTTP server of its own. It answers `202 Accepted` to a
//! delivered message, `405` to other methods and `413` to bodies over
//! [`crate::MAX_MESSAGE_BYTES`]; it does not verify signatures (a receiver that must, such
//! as one for Sentry's `Sentry-Hook-Signature`, mounts [`Inbox::deliver_http`] in its own
//! server after checking). It stops when dropped.

use std::convert::Infallible;
use std::net::SocketAddr;

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

use crate::inbox::{Inbox, MAX_MESSAGE_BYTES};

/// A running receiver; dropping it stops accepting connections.
#[derive(Debug)]
pub struct WebhookServer {
    addr: SocketAddr,
    accepting: JoinHandle<()>,
}

impl WebhookServer {
    /// Binds `addr` (`127.0.0.1:0` for an ephemeral port) and serves on the current tokio
    /// runtime, delivering each posted message to `inbox`.
    ///
    /// # Errors
    ///
    /// The bind error.
    pub async fn start(addr: impl tokio::net::ToSocketAddrs, inbox: Inbox) -> std::io::Result<WebhookServer> {
        let listener = TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let accepting = tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    // Out of file descriptors and the like: back off instead of spinning.
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                };
                let inbox = inbox.clone();
                tokio::spawn(async move {
                    let service = hyper::service::service_fn(move |request| {
                        let inbox = inbox.clone();
                        async move { Ok::<_, Infallible>(handle(&inbox, request).await) }
                    });
                    // A client that breaks off mid-request only ends its own connection.
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        Ok(WebhookServer { addr, accepting })
    }

    /// The address it listens on.
    #[must_use]
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://<addr>`: where senders post; a channel's address is the path under it.
    #[must_use]
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for WebhookServer {
    fn drop(&mut self) {
        // Connections already accepted finish their request on their own tasks.
        self.accepting.abort();
    }
}

fn answer(status: StatusCode, text: &str) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(text.to_owned())));
    *response.status_mut() = status;
    response
}

async fn handle(inbox: &Inbox, request: Request<Incoming>) -> Response<Full<Bytes>> {
    if request.method() != hyper::Method::POST {
        return answer(StatusCode::METHOD_NOT_ALLOWED, "messages are delivered with POST\n");
    }
    let path = request.uri().path().to_owned();
    let headers: Vec<(String, String)> = request
        .headers()
        .iter()
        .filter_map(|(k, v)| Some((k.as_str().to_owned(), v.to_str().ok()?.to_owned())))
        .collect();
    let body = match Limited::new(request.into_body(), MAX_MESSAGE_BYTES).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(_) => return answer(StatusCode::PAYLOAD_TOO_LARGE, "message too large or cut off\n"),
    };
    match inbox.deliver_http("POST", &path, headers.iter().map(|(k, v)| (k.as_str(), v.as_str())), &body) {
        Ok(()) => answer(StatusCode::ACCEPTED, ""),
        Err(e) => answer(StatusCode::BAD_REQUEST, &format!("{e}\n")),
    }
}
