//! Runs a directory of Jentic arazzo-engine fixtures through our generator.
//!
//! `cargo run -p arazzo-tests --example jentic -- DIR [--conform]`
//!
//! Each fixture directory holds an Arazzo document, its OpenAPI
//! descriptions and a `test_config.yaml` (mocked answers, inputs, expected
//! outputs, success and API call count). The point is to test the compiled
//! code, not an interpreter, so for every fixture this generates the Rust
//! module our macro would, writes them all into one scratch crate (under the
//! cargo target directory), builds and runs it once; that crate serves each
//! case's mocks from a local server, runs the workflow and prints the table
//! (see `arazzo_tests::jentic`). A document that does not compile is a row
//! with the first compile error. With `--conform`, each document first gets
//! the mechanical rewrites in [`conform`] (named in the table) where it
//! breaks the spec's expression grammar, so its run can still be compared.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use arazzo_codegen::Generator;
use arazzo_codegen::harness::{snake, yaml_to_json};
use arazzo_tests::conform;
use arazzo_tests::scratch::Scratch;
use serde_json::{Value, json};

fn read_json(path: &Path) -> Option<Value> {
    let text = std::fs::read_to_string(path).ok()?;
    yaml_to_json(&text)
}

/// The path part of an OpenAPI description's first server URL, without a
/// trailing slash (`https://x/bnpl/v1/` -> `/bnpl/v1`).
fn base_path(api: &Value) -> String {
    let url = api.pointer("/servers/0/url").and_then(Value::as_str).unwrap_or("");
    let path = match url.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("", |i| &rest[i..]),
        None => url,
    };
    path.trim_end_matches('/').to_owned()
}

/// Jentic's fixture discovery (`test_fixture_discovery.py`) only runs a
/// directory holding an Arazzo and an OpenAPI document; we say why we do not.
const NOT_A_FIXTURE: &str = "not run: no Arazzo or OpenAPI document in the directory (Jentic's own discovery skips it too)";

struct Prepared {
    fixture: String,
    config: Value,
    /// (module name, server base path) per OpenAPI source, in document order.
    clients: Vec<(String, String)>,
    code: Result<String, String>,
}

fn prepare(dir: &Path, conform_into: Option<&Path>) -> Option<Prepared> {
    let mut fixture = dir.file_name()?.to_string_lossy().into_owned();
    let config = read_json(&dir.join("test_config.yaml"))?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml" || e == "json"))
        .filter(|p| p.file_name().is_none_or(|n| n != "test_config.yaml"))
        .collect();
    files.sort();
    let parsed: Vec<(PathBuf, Value)> = files.into_iter().filter_map(|p| Some((p.clone(), read_json(&p)?))).collect();
    let Some((doc_path, doc)) = parsed.iter().find(|(_, v)| v.get("arazzo").is_some()).cloned() else {
        return Some(Prepared {
            fixture,
            config,
            clients: Vec::new(),
            code: Err(NOT_A_FIXTURE.to_owned()),
        });
    };
    let apis: Vec<&(PathBuf, Value)> = parsed.iter().filter(|(_, v)| v.get("openapi").is_some()).collect();
    let mut generator = Generator::new();
    let mut clients = Vec::new();
    let mut api_texts = Vec::new();
    for source in doc.get("sourceDescriptions").and_then(Value::as_array).into_iter().flatten() {
        let name = source.get("name").and_then(Value::as_str).unwrap_or_default();
        let url = source.get("url").and_then(Value::as_str).unwrap_or_default();
        let file_name = url.rsplit('/').next().unwrap_or(url);
        let local = apis
            .iter()
            .find(|(p, _)| p.file_name().is_some_and(|n| n.to_string_lossy() == file_name))
            .or_else(|| if apis.len() == 1 { apis.first() } else { None });
        if let Some((path, api)) = local {
            generator = generator.map_source(name, path.clone());
            api_texts.push((name.to_owned(), std::fs::read_to_string(path).unwrap_or_default()));
            clients.push((snake(name), base_path(api)));
        }
    }
    let mut doc_path = doc_path;
    if let Some(into) = conform_into {
        let text = std::fs::read_to_string(&doc_path).unwrap_or_default();
        let (text, applied) = conform::document(&text, &api_texts);
        let copy = into.join(format!("{fixture}.arazzo.yaml"));
        if std::fs::create_dir_all(into).and_then(|()| std::fs::write(&copy, text)).is_ok() {
            doc_path = copy;
            if !applied.is_empty() {
                fixture = format!("{fixture} (conformed: {})", applied.join(", "));
            }
        }
    }
    let code = generator.generate(&doc_path).map(|g| g.to_formatted_string()).map_err(|f| {
        let text = f.render(false);
        if std::env::var_os("JENTIC_VERBOSE").is_some() {
            eprintln!("== {}\n{text}", doc_path.display());
        }
        let errors: Vec<&str> = text.lines().filter(|l| l.starts_with("error")).collect();
        let first = errors.first().copied().unwrap_or("does not compile");
        match errors.len() {
            0 | 1 => first.to_owned(),
            n => format!("{first} (and {} more)", n - 1),
        }
    });
    Some(Prepared {
        fixture,
        config,
        clients,
        code,
    })
}

fn main_rs(prepared: &[Prepared]) -> String {
    let mut out = String::from(
        "#![allow(warnings, clippy::all)]\n\
         use arazzo_tests::jentic::{BoxFuture, Outcome, Runner};\n\
         use serde_json::{Map, Value};\n\
         use std::sync::{Arc, Mutex};\n\n",
    );
    for (i, p) in prepared.iter().enumerate() {
        if p.code.is_err() {
            continue;
        }
        let clients: String = p
            .clients
            .iter()
            .enumerate()
            .map(|(n, (module, _))| {
                format!(
                    "f_{i}::{module}::Client::new(bases.get({n}).cloned().unwrap_or_default()).with_retry_policy(arazzo::RetryPolicy::none()), "
                )
            })
            .collect();
        let _ = write!(
            out,
            "mod f_{i};\nstruct R{i};\nimpl Runner for R{i} {{\n    fn run<'a>(&'a self, bases: &'a [String], id: &'a str, inputs: Value) -> BoxFuture<'a, Outcome> {{\n        Box::pin(async move {{\n            let steps = Arc::new(Mutex::new(Map::new()));\n            let seen = Arc::clone(&steps);\n            let workflow = id.to_owned();\n            let w = f_{i}::Workflows::new({clients}).with_poll_policy(arazzo::PollPolicy::immediate()).with_observer(move |e| {{\n                if let arazzo::Event::StepSucceeded {{ workflow: wf, step, outputs, .. }} = e {{\n                    if *wf == workflow {{\n                        let mut seen = seen.lock().unwrap();\n                        for (k, v) in outputs.iter() {{ seen.insert(format!(\"{{step}}.{{k}}\"), v.clone()); }}\n                    }}\n                }}\n            }});\n            let outputs = w.run_by_id(id, inputs).await.map_err(|e| e.to_string());\n            let steps = steps.lock().unwrap().clone();\n            Outcome {{ outputs, steps }}\n        }})\n    }}\n}}\n\n"
        );
    }
    out.push_str(
        "#[tokio::main]\nasync fn main() {\n    let plan: Value = std::env::args().nth(1).and_then(|p| std::fs::read_to_string(p).ok()).and_then(|t| serde_json::from_str(&t).ok()).unwrap_or(Value::Null);\n    let mut rows = Vec::new();\n    for f in plan.as_array().into_iter().flatten() {\n        let name = f[\"fixture\"].as_str().unwrap_or(\"?\");\n        let config = &f[\"config\"];\n        if let Some(e) = f[\"error\"].as_str() {\n            rows.extend(arazzo_tests::jentic::not_run(name, config, e, f[\"runnable\"].as_bool().unwrap_or(true)));\n            continue;\n        }\n        let sources: Vec<(String, String)> = f[\"sources\"].as_array().into_iter().flatten().map(|s| (s[0].as_str().unwrap_or(\"\").to_owned(), s[1].as_str().unwrap_or(\"\").to_owned())).collect();\n        let runner: &dyn Runner = match f[\"index\"].as_u64() {\n",
    );
    for (i, p) in prepared.iter().enumerate() {
        if p.code.is_ok() {
            let _ = writeln!(out, "            Some({i}) => &R{i},");
        }
    }
    out.push_str(
        "            _ => continue,\n        };\n        rows.extend(arazzo_tests::jentic::run_fixture(name, config, &sources, runner).await);\n    }\n    print!(\"{}\", arazzo_tests::jentic::table(&rows));\n}\n",
    );
    out
}

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: jentic FIXTURES_DIR");
        return ExitCode::from(2);
    };
    let crate_ = Scratch::new(Path::new(env!("CARGO_MANIFEST_DIR")), "jentic-scratch");
    let scratch = crate_.dir.clone();
    let mut dirs: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries.flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect(),
        Err(e) => {
            eprintln!("{}: {e}", dir.display());
            return ExitCode::from(2);
        }
    };
    dirs.sort();
    let conform_into = std::env::args().any(|a| a == "--conform").then(|| scratch.join("conformed"));
    let prepared: Vec<Prepared> = dirs.iter().filter_map(|d| prepare(d, conform_into.as_deref())).collect();
    let src = scratch.join("src");
    if let Err(e) = std::fs::remove_dir_all(&src)
        .or(Ok::<(), std::io::Error>(()))
        .and_then(|()| std::fs::create_dir_all(&src))
    {
        eprintln!("{}: {e}", src.display());
        return ExitCode::FAILURE;
    }
    let mut plan = Vec::new();
    let mut writes = vec![(src.join("main.rs"), main_rs(&prepared))];
    for (i, p) in prepared.iter().enumerate() {
        let sources: Vec<Value> = p.clients.iter().map(|(m, b)| json!([m, b])).collect();
        match &p.code {
            Ok(code) => {
                writes.push((src.join(format!("f_{i}.rs")), code.clone()));
                plan.push(json!({"fixture": p.fixture, "config": p.config, "sources": sources, "index": i}));
            }
            Err(e) if e == NOT_A_FIXTURE => plan.push(json!({"fixture": p.fixture, "config": p.config, "error": e, "runnable": false})),
            Err(e) => {
                plan.push(json!({"fixture": p.fixture, "config": p.config, "error": format!("compile error: {e}"), "runnable": true}))
            }
        }
    }
    crate_.run(writes, &Value::Array(plan))
}
