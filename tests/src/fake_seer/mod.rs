//! An in-process fake of the Sentry Seer API.
//!
//! The generated client and the compiled `seer-autofix-issue` workflow are
//! exercised against this server on 127.0.0.1 instead of the real Sentry, so
//! tests are hermetic, deterministic and can assert the exact request
//! sequence the workflow produced. See [`Scenario`] for what can be scripted.

mod recorded;
mod routes;
mod scenario;
#[cfg(test)]
mod tests;
mod webhooks;

pub use recorded::RecordedRequest;
pub use routes::{COMPLETED_AT, CREATED_AT};
pub use scenario::{Answer, DEFAULT_FIX_TITLE, DEFAULT_PR_URL, DEFAULT_TOKEN, Injection, Route, Scenario, Webhooks, default_models};

use routes::Shared;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// A running fake; dropping it stops accepting connections and lets
/// in-flight requests finish in the background.
#[derive(Debug)]
pub struct FakeSeer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<std::io::Result<()>>>,
}

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shared").field("scenario", self.scenario()).finish_non_exhaustive()
    }
}

impl FakeSeer {
    /// Binds an ephemeral port on 127.0.0.1 and serves `scenario` on the
    /// current tokio runtime (multi-thread or current-thread).
    pub async fn start(scenario: Scenario) -> std::io::Result<FakeSeer> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared::new(scenario));
        let app = routes::router(shared.clone());
        let (shutdown, stop) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async move {
                    // A dropped sender means the same as an explicit stop.
                    let _ = stop.await;
                })
                .await
        });
        Ok(FakeSeer {
            addr,
            shared,
            shutdown: Some(shutdown),
            task: Some(task),
        })
    }

    /// Base URL including the API prefix, e.g. `http://127.0.0.1:PORT/api/0`.
    pub fn base_url(&self) -> String {
        format!("http://{}/api/0", self.addr)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The scenario being served.
    pub fn scenario(&self) -> &Scenario {
        self.shared.scenario()
    }

    /// Every request received so far, in arrival order, including rejected
    /// and unrouted ones.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.requests()
    }

    /// The webhooks posted so far: (event, the receiver's HTTP status, 0 when it could not
    /// be reached), in order.
    pub fn webhooks_sent(&self) -> Vec<(&'static str, u16)> {
        self.shared.webhooks_sent()
    }

    /// The recorded requests that addressed `route`.
    pub fn requests_to(&self, route: Route) -> Vec<RecordedRequest> {
        self.requests().into_iter().filter(|r| r.route() == Some(route)).collect()
    }

    /// Stops the server and waits until every connection has closed, for
    /// callers that need the port released before continuing.
    pub async fn shutdown(mut self) -> std::io::Result<()> {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        match self.task.take() {
            Some(task) => task.await.map_err(std::io::Error::other)?,
            None => Ok(()),
        }
    }
}

impl Drop for FakeSeer {
    fn drop(&mut self) {
        // Not aborting: connections with a request in flight get to answer
        // it, and idle keep-alive connections are closed by the graceful
        // shutdown, so no client is left hanging.
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}
