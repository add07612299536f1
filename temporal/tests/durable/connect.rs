//! [`connect`] gets through a server that is busy or starting: a connection reset during the
//! first call is tried again, as "not healthy yet" is, within `CONNECT_PATIENCE`. (CI once
//! lost a worker to one reset, and with it the run's events query.)

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use arazzo_temporal::connect;
use arazzo_temporal::dev_server::DevServer;
use tokio::io::AsyncReadExt;
use tokio::net::{TcpListener, TcpStream};

/// A proxy to `upstream` that resets its first `resets` connections once the client has sent
/// something (the HTTP/2 preface and the first call), and forwards the rest.
async fn resetting_proxy(upstream: String, resets: usize) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind the proxy");
    let address = listener.local_addr().expect("proxy address").to_string();
    let accepted = Arc::new(AtomicUsize::new(0));
    let count = accepted.clone();
    tokio::spawn(async move {
        while let Ok((mut client, _)) = listener.accept().await {
            let n = count.fetch_add(1, Ordering::SeqCst);
            let upstream = upstream.clone();
            tokio::spawn(async move {
                if n < resets {
                    let mut first = [0u8; 64];
                    let _ = client.read(&mut first).await;
                    let _ = client.set_zero_linger();
                    drop(client);
                    return;
                }
                if let Ok(mut server) = TcpStream::connect(&upstream).await {
                    let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                }
            });
        }
    });
    (address, accepted)
}

#[tokio::test(flavor = "multi_thread")]
async fn connect_tries_again_after_a_connection_reset_during_the_first_call() {
    let dir = std::env::temp_dir().join(format!("arazzo-temporal-connect-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let server = DevServer::start(&dir.join("temporal.db")).unwrap_or_else(|e| panic!("{e}"));
    let (proxy, accepted) = resetting_proxy(server.address(), 2).await;
    let started = Instant::now();
    let client = connect(&proxy).await.unwrap_or_else(|e| panic!("connect through resets: {e}"));
    eprintln!(
        "connected after {} connection(s) in {:.1}s",
        accepted.load(Ordering::SeqCst),
        started.elapsed().as_secs_f64()
    );
    assert!(accepted.load(Ordering::SeqCst) >= 3, "two were reset, a third got through");
    // The client works: the server answers a call through it.
    let handle = arazzo_temporal::Starter::new(client, "connect-test")
        .start("connect-1", "seer-autofix-issue", &serde_json::json!({}), Duration::from_secs(5))
        .await;
    assert!(handle.is_ok(), "starting a run through the proxy: {:?}", handle.err());
    let _ = std::fs::remove_dir_all(&dir);
}
