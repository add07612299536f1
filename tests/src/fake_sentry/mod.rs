//! An in-process fake of the live Sentry Seer API, separate from the seed's fake.
//!
//! The seed fake (`fake_seer`) answers as the seed's description says; sentry.io
//! answers otherwise (README, "Running against sentry.io"). This one answers as
//! sentry.io does, so the live workflow is tested against the real shapes and the seed
//! workflow can be shown failing against them: the real routes (`/api/0/seer/models/`,
//! `/api/0/organizations/{org}/issues/{id}/autofix/`), Sentry's catch-all 404 with an
//! empty body, `{"autofix": null}` before a run exists, both status vocabularies
//! ([`Shape`]), 402/403 refusals with `detail`, Sentry's rate limits with a 429 that
//! carries `X-Sentry-Rate-Limit-Reset` (epoch seconds, no `Retry-After`) and the
//! `X-Sentry-Rate-Limit-*` headers on every routed answer, and a token check (401).

mod routes;
mod scenario;

pub use crate::fake_seer::RecordedRequest;
pub use routes::{FIRST_RUN_ID, UPDATED_AT};
pub use scenario::{
    AI_DISABLED, Answer, DEFAULT_PR_TITLE, DEFAULT_PR_URL, DEFAULT_REPO, DEFAULT_TOKEN, Injection, NO_BUDGET, Route, Scenario, Shape,
    default_models,
};

use routes::Shared;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// A running fake; dropping it stops accepting connections.
pub struct FakeSentry {
    addr: SocketAddr,
    shared: Arc<Shared>,
    shutdown: Option<oneshot::Sender<()>>,
}

impl std::fmt::Debug for FakeSentry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeSentry")
            .field("addr", &self.addr)
            .field("scenario", &self.shared.scenario)
            .finish()
    }
}

impl FakeSentry {
    /// Binds an ephemeral port on 127.0.0.1 and serves `scenario` on the current runtime.
    pub async fn start(scenario: Scenario) -> std::io::Result<FakeSentry> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared::new(scenario));
        let app = routes::router(shared.clone());
        let (shutdown, stop) = oneshot::channel::<()>();
        tokio::spawn(async move {
            axum::serve(listener, app)
                .with_graceful_shutdown(async move {
                    let _ = stop.await;
                })
                .await
        });
        Ok(FakeSentry {
            addr,
            shared,
            shutdown: Some(shutdown),
        })
    }

    /// The origin, `http://127.0.0.1:PORT`: the live description's server is the
    /// regional host and its paths carry `/api/0`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn scenario(&self) -> &Scenario {
        &self.shared.scenario
    }

    /// Every request received so far, in arrival order, unrouted ones included.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.requests()
    }

    /// The recorded requests that addressed `route`.
    pub fn requests_to(&self, route: Route) -> Vec<RecordedRequest> {
        self.requests()
            .into_iter()
            .filter(|r| routes::route_of(&r.method, &r.path, self.shared.scenario.seed_paths) == Some(route))
            .collect()
    }
}

impl Drop for FakeSentry {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}
