//! Runs other tools' example workflows, compiled by our generator, against
//! local fakes of the APIs they call.
//!
//! `cargo run -p arazzo-tests --example runs -- DIR [--conform] [--source NAME=PATH]...`
//!
//! Every Arazzo document under DIR (recursively) gets the Rust module our
//! macro would generate; all of them go into one scratch crate (under the
//! cargo target directory, `runs-scratch`), which is built and run once and
//! prints a Markdown table (see `arazzo_tests::runs`). Sources: `--source`
//! maps a source description (by name or url) to a file; otherwise a
//! relative url is the file beside the document. A source whose url is
//! httpbin.org is served by the fake httpbin; since no corpus ships an
//! OpenAPI description of it, one is written from the calls the document
//! makes (so the parameter checks against it are vacuous, by design). Any
//! other OpenAPI source is faked from its own description, one plausible
//! answer per operation. Inputs come from the input schema's `default` or
//! `example`, else from `--input name=value` in the document's own usage
//! comments, else are synthesised from the input's schema (its type, format
//! and first enum value; the table says which). With `--conform`, documents first get the named rewrites of
//! `arazzo_tests::conform`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use arazzo_codegen::Generator;
use arazzo_codegen::harness::{snake, yaml_to_json};
use arazzo_tests::conform;
use arazzo_tests::runs::routes;
use arazzo_tests::scratch::Scratch;
use serde_json::{Map, Value, json};

fn read_json(path: &Path) -> Option<Value> {
    let text = std::fs::read_to_string(path).ok()?;
    yaml_to_json(&text)
}

/// The path part of an OpenAPI description's first server URL, without a
/// trailing slash (`https://x/api/v3/` -> `/api/v3`).
fn base_path(api: &Value) -> String {
    let url = api.pointer("/servers/0/url").and_then(Value::as_str).unwrap_or("");
    let path = match url.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("", |i| &rest[i..]),
        None => url,
    };
    path.trim_end_matches('/').to_owned()
}

fn documents(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            documents(&p, out);
        } else if p.extension().is_some_and(|e| e == "yaml" || e == "yml" || e == "json")
            && read_json(&p).is_some_and(|v| v.get("arazzo").is_some() && v.get("workflows").is_some())
        {
            out.push(p);
        }
    }
}

fn is_httpbin(url: &str) -> bool {
    let host = url.split_once("://").map_or(url, |(_, r)| r).split('/').next().unwrap_or("");
    host == "httpbin.org" || host == "www.httpbin.org"
}

/// strefethen's `[METHOD ]path` / `[METHOD ]{source}./path`: (source named
/// or not, method, path). Also what a 1.0.1 pointer names, so a conformed
/// document and the description agree.
fn call_of(operation_path: &str, has_body: bool) -> Option<(Option<String>, String, String)> {
    let value = operation_path.trim();
    if let Some((source, pointer)) = value.strip_prefix("{$sourceDescriptions.").and_then(|v| v.split_once(".url}#")) {
        let rest = pointer.strip_prefix("/paths/")?;
        let (path, method) = rest.rsplit_once('/')?;
        return Some((
            Some(source.to_owned()),
            method.to_owned(),
            path.replace("~1", "/").replace("~0", "~"),
        ));
    }
    let (method, target) = match value.split_once(' ') {
        Some((m, t)) => (m.to_ascii_lowercase(), t.trim()),
        None if has_body => return None,
        None => ("get".to_owned(), value),
    };
    match target.strip_prefix('{').and_then(|t| t.split_once("}.")) {
        Some((source, path)) => Some((Some(source.to_owned()), method, path.to_owned())),
        None => Some((None, method, target.to_owned())),
    }
}

/// An OpenAPI 3.0 description of httpbin as far as `doc` uses it: every
/// operation a step of `doc` calls on `source`, with the parameters it sends
/// and the body media types it uses, answering anything as JSON.
fn httpbin_description(doc: &Value, source: &str, only_source: bool) -> Value {
    let mut paths: BTreeMap<String, Map<String, Value>> = BTreeMap::new();
    let components = doc.pointer("/components/parameters").cloned().unwrap_or(Value::Null);
    for workflow in doc["workflows"].as_array().into_iter().flatten() {
        let shared: Vec<Value> = workflow["parameters"].as_array().cloned().unwrap_or_default();
        for step in workflow["steps"].as_array().into_iter().flatten() {
            let Some(op_path) = step["operationPath"].as_str() else { continue };
            let Some((named, method, path)) = call_of(op_path, step.get("requestBody").is_some()) else {
                continue;
            };
            if named.as_deref().map_or(!only_source, |n| n != source) {
                continue;
            }
            let op = paths
                .entry(path.clone())
                .or_default()
                .entry(method.clone())
                .or_insert_with(|| {
                    json!({"operationId": snake(&format!("{method} {path}")), "parameters": [],
                        "responses": {"default": {"description": "whatever httpbin answers", "content": {"application/json": {"schema": {}}}}}})
                });
            let mut declared: Vec<(String, String)> = op["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|p| {
                    (
                        p["name"].as_str().unwrap_or("").to_owned(),
                        p["in"].as_str().unwrap_or("").to_owned(),
                    )
                })
                .collect();
            let mut wanted: Vec<(String, String)> = path
                .split('/')
                .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
                .map(|n| (n.to_owned(), "path".to_owned()))
                .collect();
            for p in step["parameters"].as_array().into_iter().flatten().chain(&shared) {
                let p = match p["reference"].as_str().and_then(|r| r.strip_prefix("$components.parameters.")) {
                    Some(name) => &components[name],
                    None => p,
                };
                if let (Some(name), Some(location)) = (p["name"].as_str(), p["in"].as_str()) {
                    wanted.push((name.to_owned(), location.to_owned()));
                }
            }
            for (name, location) in wanted {
                if declared.iter().any(|d| d.0.eq_ignore_ascii_case(&name) && d.1 == location) {
                    continue;
                }
                if let Some(list) = op["parameters"].as_array_mut() {
                    list.push(json!({"name": name, "in": location, "required": location == "path", "schema": {}}));
                }
                declared.push((name, location));
            }
            if let Some(body) = step.get("requestBody") {
                let media = body["contentType"].as_str().unwrap_or("application/json").to_owned();
                op["requestBody"]["content"][media] = json!({"schema": {}});
            }
        }
    }
    let paths: Map<String, Value> = paths.into_iter().map(|(k, v)| (k, Value::Object(v))).collect();
    json!({"openapi": "3.0.3", "info": {"title": "httpbin (as used by this document)", "version": "0.9.2"},
        "servers": [{"url": "https://httpbin.org"}], "paths": paths})
}

/// `-i name=value` / `--input name=value` in a usage comment of `text` that
/// runs `workflow`.
fn comment_inputs(text: &str, workflow: &str) -> Map<String, Value> {
    let mut out = Map::new();
    for line in text.lines().filter(|l| l.trim_start().starts_with('#')) {
        let words: Vec<&str> = line.split_whitespace().collect();
        if !words.contains(&workflow) || !words.contains(&"run") {
            continue;
        }
        for pair in words.windows(2) {
            if (pair[0] == "-i" || pair[0] == "--input")
                && let Some((k, v)) = pair[1].split_once('=')
            {
                out.insert(k.to_owned(), Value::String(v.to_owned()));
            }
        }
    }
    out
}

/// The value an input gets, typed by its schema (comment values are text).
fn typed(value: Value, schema: &Value) -> Value {
    let Value::String(text) = &value else { return value };
    match schema["type"].as_str() {
        Some("integer" | "number" | "boolean") => serde_json::from_str(text).unwrap_or(value),
        _ => value,
    }
}

/// (inputs, required inputs that have no value, inputs synthesised from their schemas)
/// for one workflow.
fn inputs_for(doc: &Value, workflow: &Value, text: &str) -> (Value, Vec<String>, Vec<String>) {
    let mut schema = workflow["inputs"].clone();
    if let Some(name) = schema["$ref"].as_str().and_then(|r| r.strip_prefix("#/components/inputs/")) {
        schema = doc["components"]["inputs"][name].clone();
    }
    let from_comments = comment_inputs(text, workflow["workflowId"].as_str().unwrap_or(""));
    let mut inputs = Map::new();
    for (name, property) in schema["properties"].as_object().into_iter().flatten() {
        let value = property
            .get("default")
            .or_else(|| property.get("example"))
            .or_else(|| property.get("examples").and_then(|e| e.get(0)))
            .cloned()
            .or_else(|| from_comments.get(name).cloned());
        if let Some(v) = value {
            inputs.insert(name.clone(), typed(v, property));
        }
    }
    // Needed: required, or read by the workflow (an optional input the
    // steps read is as good as required for a meaningful run).
    let body = workflow.to_string();
    let reads = |name: &str| {
        let needle = format!("$inputs.{name}");
        body.match_indices(&needle).any(|(i, _)| {
            body[i + needle.len()..]
                .chars()
                .next()
                .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.'))
        })
    };
    let required: Vec<&str> = schema["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let missing = schema["properties"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, _)| k.as_str())
        .chain(required.iter().copied())
        .filter(|n| !inputs.contains_key(*n) && (required.contains(n) || reads(n)))
        .fold(Vec::<String>::new(), |mut acc, n| {
            if !acc.iter().any(|a| a == n) {
                acc.push(n.to_owned());
            }
            acc
        });
    // No example, default or usage comment: a value of the input's own schema, so every
    // workflow that compiles also runs.
    let synthesised = arazzo_tests::runs::synthesise_inputs(&schema, doc, &missing, &mut inputs);
    let missing = missing.into_iter().filter(|n| !synthesised.contains(n)).collect();
    (Value::Object(inputs), missing, synthesised)
}

/// Answers no description can give: an OAuth server's tokens.
fn scripted(operation_id: &str) -> Option<Value> {
    match operation_id {
        "get-token" => Some(json!({"access_token": "at-1", "token_type": "Bearer", "expires_in": 3600, "refresh_token": "rt-1"})),
        "authorize" => Some(json!({"code": "code-1"})),
        _ => None,
    }
}

struct Prepared {
    plan: Value,
    code: Result<String, String>,
}

fn prepare(doc_path: &Path, root: &Path, mapped: &[(String, PathBuf)], scratch: &Path, conform_on: bool) -> Prepared {
    let mut document = doc_path.strip_prefix(root).unwrap_or(doc_path).display().to_string();
    let text = std::fs::read_to_string(doc_path).unwrap_or_default();
    let doc = read_json(doc_path).unwrap_or(Value::Null);
    let dir = doc_path.parent().unwrap_or(Path::new("."));
    let stem = snake(&document);
    let mut generator = Generator::new();
    let mut sources = Vec::new();
    let mut api_texts = Vec::new();
    let openapi: Vec<&Value> = doc["sourceDescriptions"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|s| s["type"].as_str().unwrap_or("openapi") == "openapi")
        .collect();
    for source in &openapi {
        let name = source["name"].as_str().unwrap_or_default();
        let url = source["url"].as_str().unwrap_or_default();
        let given = mapped.iter().find(|(k, _)| k == name || k == url).map(|(_, p)| p.clone());
        // A relative url is the file beside the document (named even when
        // missing, so the error says where it was looked for); a remote url
        // whose file name is beside the document is that copy.
        let beside = if url.contains("://") {
            url.rsplit('/').next().map(|f| dir.join(f)).filter(|p| p.is_file())
        } else {
            Some(dir.join(url.trim_start_matches("./")))
        };
        let (file, fake) = match given.or(beside) {
            Some(file) => (Some(file), "script"),
            None if is_httpbin(url) => {
                let api = httpbin_description(&doc, name, openapi.len() == 1);
                let file = scratch.join("sources").join(format!("{stem}-{name}.openapi.json"));
                let written = std::fs::create_dir_all(scratch.join("sources")).and_then(|()| std::fs::write(&file, api.to_string()));
                (written.is_ok().then_some(file), "httpbin")
            }
            None => (None, "none"),
        };
        let api = file.as_deref().and_then(read_json).unwrap_or(Value::Null);
        let base = base_path(&api);
        let planned_routes = if fake == "script" {
            routes(&api, &base, &scripted)
        } else {
            Vec::new()
        };
        if let Some(file) = &file {
            generator = generator.map_source(name, file.clone());
            api_texts.push((name.to_owned(), std::fs::read_to_string(file).unwrap_or_default()));
        }
        sources.push(json!({"module": snake(name), "url": url, "base_path": base,
            "fake": if file.is_some() { fake } else { "none" }, "routes": planned_routes}));
    }
    let mut path = doc_path.to_owned();
    if conform_on {
        let (conformed, applied) = conform::document(&text, &api_texts);
        let copy = scratch.join("conformed").join(format!("{stem}.arazzo.yaml"));
        if std::fs::create_dir_all(scratch.join("conformed"))
            .and_then(|()| std::fs::write(&copy, conformed))
            .is_ok()
        {
            path = copy;
            if !applied.is_empty() {
                document = format!("{document} (conformed: {})", applied.join(", "));
            }
        }
    }
    let workflows: Vec<Value> = doc["workflows"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|w| {
            let (inputs, missing, synthesised) = inputs_for(&doc, w, &text);
            // The corpus states an expected outcome only in prose.
            let prose = format!(
                "{} {}",
                w["summary"].as_str().unwrap_or(""),
                w["description"].as_str().unwrap_or("")
            );
            let expect_failure = prose.to_ascii_lowercase().contains("expected to fail");
            json!({"id": w["workflowId"], "inputs": inputs, "missing": missing, "synthesised": synthesised, "expect_failure": expect_failure})
        })
        .collect();
    let code = generator.generate(&path).map(|g| g.to_formatted_string()).map_err(|f| {
        let text = f.render(false);
        if std::env::var_os("RUNS_VERBOSE").is_some() {
            eprintln!("== {}\n{text}", path.display());
        }
        let errors: Vec<&str> = text.lines().filter(|l| l.starts_with("error")).collect();
        let first = errors.first().copied().unwrap_or("does not compile");
        match errors.len() {
            0 | 1 => first.to_owned(),
            n => format!("{first} (and {} more)", n - 1),
        }
    });
    Prepared {
        plan: json!({"document": document, "sources": sources, "workflows": workflows}),
        code,
    }
}

fn main_rs(prepared: &[Prepared]) -> String {
    let mut out = String::from(
        "#![allow(warnings, clippy::all)]\n\
         use arazzo_tests::runs::{BoxFuture, Outcome, Runner};\n\
         use serde_json::{Map, Value};\n\n",
    );
    for (i, p) in prepared.iter().enumerate() {
        if p.code.is_err() {
            continue;
        }
        let clients: String = p.plan["sources"]
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
            .map(|(n, s)| {
                format!(
                    "f_{i}::{}::Client::new(bases.get({n}).cloned().unwrap_or_default()).with_retry_policy(arazzo::RetryPolicy::none()), ",
                    s["module"].as_str().unwrap_or("")
                )
            })
            .collect();
        let _ = write!(
            out,
            "mod f_{i};\nstruct R{i};\nimpl Runner for R{i} {{\n    fn run<'a>(&'a self, bases: &'a [String], id: &'a str, inputs: Value) -> BoxFuture<'a, Outcome> {{\n        Box::pin(async move {{\n            let w = f_{i}::Workflows::new({clients}).with_poll_policy(arazzo::PollPolicy::immediate());\n            let outputs = w.run_by_id(id, inputs).await.map_err(|e| e.to_string());\n            Outcome {{ outputs, steps: Map::new() }}\n        }})\n    }}\n}}\n\n"
        );
    }
    out.push_str(
        "#[tokio::main]\nasync fn main() {\n    let plan: Value = std::env::args().nth(1).and_then(|p| std::fs::read_to_string(p).ok()).and_then(|t| serde_json::from_str(&t).ok()).unwrap_or(Value::Null);\n    let mut rows = Vec::new();\n    for d in plan.as_array().into_iter().flatten() {\n        if let Some(e) = d[\"error\"].as_str() {\n            rows.extend(arazzo_tests::runs::not_compiled(d, e));\n            continue;\n        }\n        let runner: &dyn Runner = match d[\"index\"].as_u64() {\n",
    );
    for (i, p) in prepared.iter().enumerate() {
        if p.code.is_ok() {
            let _ = writeln!(out, "            Some({i}) => &R{i},");
        }
    }
    out.push_str(
        "            _ => continue,\n        };\n        rows.extend(arazzo_tests::runs::run_document(d, runner).await);\n    }\n    print!(\"{}\", arazzo_tests::runs::table(&rows));\n}\n",
    );
    out
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut dir = None;
    let mut mapped = Vec::new();
    let mut conform_on = false;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--conform" => conform_on = true,
            "--source" => {
                i += 1;
                match args.get(i).and_then(|a| a.split_once('=')) {
                    Some((k, v)) => mapped.push((k.to_owned(), PathBuf::from(v).canonicalize().unwrap_or_else(|_| PathBuf::from(v)))),
                    None => {
                        eprintln!("--source needs NAME=PATH");
                        return ExitCode::from(2);
                    }
                }
            }
            other => dir = Some(PathBuf::from(other)),
        }
        i += 1;
    }
    let Some(dir) = dir else {
        eprintln!("usage: runs DIR [--conform] [--source NAME=PATH]...");
        return ExitCode::from(2);
    };
    let crate_ = Scratch::new(Path::new(env!("CARGO_MANIFEST_DIR")), "runs-scratch");
    let scratch = crate_.dir.clone();
    let mut docs = Vec::new();
    documents(&dir, &mut docs);
    if docs.is_empty() {
        eprintln!("{}: no Arazzo documents", dir.display());
        return ExitCode::from(2);
    }
    let src = scratch.join("src");
    for d in [&src, &scratch.join("conformed"), &scratch.join("sources")] {
        let _ = std::fs::remove_dir_all(d);
    }
    if let Err(e) = std::fs::create_dir_all(&src) {
        eprintln!("{}: {e}", src.display());
        return ExitCode::FAILURE;
    }
    let prepared: Vec<Prepared> = docs.iter().map(|d| prepare(d, &dir, &mapped, &scratch, conform_on)).collect();
    let mut plan = Vec::new();
    let mut writes = vec![(src.join("main.rs"), main_rs(&prepared))];
    for (i, p) in prepared.iter().enumerate() {
        let mut entry = p.plan.clone();
        match &p.code {
            Ok(code) => {
                writes.push((src.join(format!("f_{i}.rs")), code.clone()));
                entry["index"] = json!(i);
            }
            Err(e) => entry["error"] = json!(e),
        }
        plan.push(entry);
    }
    crate_.run(writes, &Value::Array(plan))
}
