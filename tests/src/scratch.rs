//! The scratch crate the run harnesses (`examples/jentic.rs`,
//! `examples/runs.rs`) write generated modules into, build and run.
//!
//! The point of those harnesses is to run *compiled* workflows, so each
//! writes the modules our macro would produce into a crate of its own under
//! the cargo target directory, with this workspace's runtime and this crate
//! as path dependencies and the workspace's lock file, and runs it on a
//! plan (JSON) of what to run.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use serde_json::Value;

pub struct Scratch {
    /// The crate's directory (`<target>/<name>`).
    pub dir: PathBuf,
    name: String,
    target: PathBuf,
    workspace: PathBuf,
}

impl Scratch {
    /// The crate `name` under the target directory of the workspace whose
    /// `tests/` crate has the manifest directory `tests_dir`.
    pub fn new(tests_dir: &Path, name: &str) -> Scratch {
        let workspace = tests_dir.join("..");
        let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| workspace.join("target"), PathBuf::from);
        Scratch {
            dir: target.join(name),
            name: name.to_owned(),
            target,
            workspace: workspace.canonicalize().unwrap_or(workspace),
        }
    }

    pub fn src(&self) -> PathBuf {
        self.dir.join("src")
    }

    /// Writes `files` (paths inside the crate) with the manifest and
    /// `plan.json`, then builds and runs the crate on the plan. Its own
    /// output is the harness's output.
    pub fn run(&self, files: Vec<(PathBuf, String)>, plan: &Value) -> ExitCode {
        let manifest = format!(
            "[package]\nname = {:?}\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[workspace]\n\n[dependencies]\narazzo = {{ path = {:?}, features = [\"regex\"] }}\narazzo-tests = {{ path = {:?} }}\nserde_json = \"1\"\ntokio = {{ version = \"1\", features = [\"rt-multi-thread\", \"macros\"] }}\n",
            self.name,
            self.workspace.join("arazzo"),
            self.workspace.join("tests")
        );
        let plan_path = self.dir.join("plan.json");
        let mut writes = files;
        writes.push((self.dir.join("Cargo.toml"), manifest));
        writes.push((plan_path.clone(), plan.to_string()));
        if !self.dir.join("Cargo.lock").exists() {
            let _ = std::fs::copy(self.workspace.join("Cargo.lock"), self.dir.join("Cargo.lock"));
        }
        for (path, text) in writes {
            if let Err(e) = std::fs::create_dir_all(path.parent().unwrap_or(Path::new("."))).and_then(|()| std::fs::write(&path, text)) {
                eprintln!("{}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
        let status = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
            .args(["run", "--quiet", "--manifest-path"])
            .arg(self.dir.join("Cargo.toml"))
            .arg("--")
            .arg(&plan_path)
            .env("CARGO_TARGET_DIR", &self.target)
            .status();
        match status {
            Ok(s) if s.success() => ExitCode::SUCCESS,
            Ok(_) => ExitCode::FAILURE,
            Err(e) => {
                eprintln!("running the scratch crate: {e}");
                ExitCode::FAILURE
            }
        }
    }
}
