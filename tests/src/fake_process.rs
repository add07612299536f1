//! The fake Seer server in a child process, for the benches: a bench measures its own CPU
//! time and allocations, so the server's work must not happen in its process. The child is
//! the bench binary itself, re-executed with `--fake`: [`FakeProcess::spawn`] starts it,
//! and the child calls [`serve_until_stdin_closes`].

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};

use crate::fake_seer::{FakeSeer, Scenario};

/// The child's side: serves `scenario`, prints the base URL on stdout, and returns when the
/// parent closes stdin (or dies).
///
/// # Panics
///
/// When the runtime or the server cannot start: a bench cannot measure without them.
pub fn serve_until_stdin_closes(scenario: Scenario) {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    runtime.block_on(async {
        let fake = FakeSeer::start(scenario).await.expect("fake starts");
        println!("{}", fake.base_url());
        std::io::stdout().flush().expect("stdout");
        tokio::task::spawn_blocking(|| {
            let mut line = String::new();
            while std::io::stdin().read_line(&mut line).is_ok_and(|n| n > 0) {}
        })
        .await
        .expect("stdin reader");
        drop(fake);
    });
}

/// The parent's side: the child process and the base URL it printed. Dropping it closes the
/// child's stdin and waits for it to end.
#[derive(Debug)]
pub struct FakeProcess {
    child: Child,
    /// The fake's base URL (`http://127.0.0.1:PORT/api/0`).
    pub base_url: String,
}

impl FakeProcess {
    /// Runs this executable with `--fake` and reads the URL it prints.
    ///
    /// # Panics
    ///
    /// When the child cannot start or prints nothing.
    #[must_use]
    pub fn spawn() -> FakeProcess {
        let mut child = Command::new(std::env::current_exe().expect("current exe"))
            .arg("--fake")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("fake process starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("fake prints its URL");
        FakeProcess {
            child,
            base_url: line.trim().to_owned(),
        }
    }
}

impl Drop for FakeProcess {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.wait();
    }
}
