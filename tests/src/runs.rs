//! Runs other tools' example workflows, compiled by our generator, against
//! local fakes of the APIs they call (the `runs` example).
//!
//! The `runs` example plans each document (sources, fakes, inputs) and
//! generates one Rust module per document into a scratch crate; that crate's
//! `main` implements [`Runner`] for each module and hands the plan here.
//! Keeping the fakes and the verdicts in this library keeps them compiled
//! and tested once. Two kinds of fake: [`Httpbin`] for httpbin.org, which
//! computes its echo answers as the real service does, and a [`MockServer`]
//! scripted from the OpenAPI description (one plausible answer per
//! operation, planned by [`plausible`]) for anything else.

use serde_json::{Map, Value, json};

use crate::httpbin::Httpbin;
pub use crate::jentic::{BoxFuture, Outcome, Runner, same};
use crate::mock::{MockServer, Reply};

/// One row of the result table.
#[derive(Debug, Clone)]
pub struct Row {
    pub document: String,
    pub workflow: String,
    /// `ran ok`, `failed at step X`, `not compiled`, `not run: ...`.
    pub result: String,
    pub detail: String,
}

/// A value that fits `schema` (its `const`, `example`, `default` or first
/// `enum` value where it has one, else one built from its type, format and
/// bounds), for answering from an OpenAPI description, or giving a workflow
/// an input its document has no example for. `root` resolves local `$ref`s.
pub fn plausible(schema: &Value, root: &Value) -> Value {
    plausible_at(schema, root, 0)
}

fn plausible_at(schema: &Value, root: &Value, depth: usize) -> Value {
    if depth > 8 {
        return Value::Null;
    }
    if let Some(target) = schema.get("$ref").and_then(Value::as_str) {
        let target = target.strip_prefix('#').and_then(|p| root.pointer(p)).unwrap_or(&Value::Null);
        return plausible_at(target, root, depth + 1);
    }
    for key in ["const", "example", "default"] {
        if let Some(v) = schema.get(key) {
            return v.clone();
        }
    }
    if let Some(v) = schema.get("examples").and_then(Value::as_array).and_then(|e| e.first()) {
        return v.clone();
    }
    if let Some(v) = schema.get("enum").and_then(Value::as_array).and_then(|e| e.first()) {
        return v.clone();
    }
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        let mut out = Map::new();
        for part in all {
            if let Value::Object(m) = plausible_at(part, root, depth + 1) {
                out.extend(m);
            }
        }
        return Value::Object(out);
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(first) = schema.get(key).and_then(Value::as_array).and_then(|a| a.first()) {
            return plausible_at(first, root, depth + 1);
        }
    }
    let kind = match schema.get("type") {
        Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).find(|k| *k != "null").unwrap_or("null"),
        Some(Value::String(k)) => k.as_str(),
        _ if schema.get("properties").is_some() => "object",
        _ => "",
    };
    match kind {
        "object" => {
            let mut out = Map::new();
            for (name, property) in schema.get("properties").and_then(Value::as_object).into_iter().flatten() {
                out.insert(name.clone(), plausible_at(property, root, depth + 1));
            }
            Value::Object(out)
        }
        "array" => {
            let item = plausible_at(schema.get("items").unwrap_or(&Value::Null), root, depth + 1);
            let count = bound(schema, "minItems").unwrap_or(1).max(1);
            Value::Array(vec![item; usize::try_from(count).unwrap_or(1).min(16)])
        }
        "integer" => json!(integer_in(schema)),
        "number" => json!(number_in(schema)),
        "boolean" => json!(true),
        "string" => {
            let text = match schema.get("format").and_then(Value::as_str) {
                Some("date-time") => "2024-01-01T00:00:00Z",
                Some("date") => "2024-01-01",
                Some("uuid") => "00000000-0000-4000-8000-000000000001",
                Some("email") => "someone@example.com",
                Some("uri") | Some("url") => "https://example.com/",
                _ => "string",
            };
            Value::String(sized(text, schema))
        }
        _ => Value::Null,
    }
}

fn bound(schema: &Value, key: &str) -> Option<u64> {
    schema.get(key).and_then(Value::as_u64)
}

/// 1, moved into `[minimum, maximum]` (either bound may be exclusive, in the
/// 3.0 boolean or the 3.1 numeric form).
#[allow(clippy::cast_possible_truncation)] // schema bounds of an input: small numbers
fn integer_in(schema: &Value) -> i64 {
    let number = |key: &str| schema.get(key).and_then(Value::as_f64);
    let flag = |key: &str| schema.get(key).and_then(Value::as_bool).unwrap_or(false);
    let low = match (number("exclusiveMinimum"), number("minimum")) {
        (Some(n), _) => Some(n.floor() as i64 + 1),
        (None, Some(n)) if flag("exclusiveMinimum") => Some(n.floor() as i64 + 1),
        (None, Some(n)) => Some(n.ceil() as i64),
        (None, None) => None,
    };
    let high = match (number("exclusiveMaximum"), number("maximum")) {
        (Some(n), _) => Some(n.ceil() as i64 - 1),
        (None, Some(n)) if flag("exclusiveMaximum") => Some(n.ceil() as i64 - 1),
        (None, Some(n)) => Some(n.floor() as i64),
        (None, None) => None,
    };
    let value = low.map_or(1, |l| l.max(1));
    high.map_or(value, |h| value.min(h))
}

fn number_in(schema: &Value) -> f64 {
    let low = schema
        .get("minimum")
        .or_else(|| schema.get("exclusiveMinimum"))
        .and_then(Value::as_f64);
    let high = schema
        .get("maximum")
        .or_else(|| schema.get("exclusiveMaximum"))
        .and_then(Value::as_f64);
    match (low, high) {
        (Some(l), Some(h)) => (l + h) / 2.0,
        (Some(l), None) => l + 1.5,
        (None, Some(h)) => h - 1.5,
        (None, None) => 1.5,
    }
}

/// `text` padded with `x` to `minLength` and cut to `maxLength` (lengths in
/// characters, as JSON Schema counts them).
fn sized(text: &str, schema: &Value) -> String {
    let min = bound(schema, "minLength").map_or(0, |n| usize::try_from(n).unwrap_or(0).min(4096));
    let max = bound(schema, "maxLength").map_or(usize::MAX, |n| usize::try_from(n).unwrap_or(usize::MAX));
    let mut out: String = text.chars().take(max).collect();
    while out.chars().count() < min {
        out.push('x');
    }
    out
}

/// Values for the inputs a run needs (`needed`) that `inputs` lacks, synthesised from their
/// schemas in the workflow's input schema (`plausible`: example, default, first enum value,
/// else a value of the declared type and format), so a document that gives no example still
/// runs. `root` is the Arazzo document, for `$ref`s into its `components`. Returns the names
/// synthesised; a needed input the schema does not declare stays missing.
pub fn synthesise_inputs(schema: &Value, root: &Value, needed: &[String], inputs: &mut Map<String, Value>) -> Vec<String> {
    let mut made = Vec::new();
    for name in needed {
        if inputs.contains_key(name) {
            continue;
        }
        let Some(property) = schema.get("properties").and_then(|p| p.get(name)) else {
            continue;
        };
        let value = plausible(property, root);
        if value.is_null() && !allows_null(property) {
            continue;
        }
        inputs.insert(name.clone(), value);
        made.push(name.clone());
    }
    made
}

fn allows_null(schema: &Value) -> bool {
    match schema.get("type") {
        Some(Value::String(t)) => t == "null",
        Some(Value::Array(types)) => types.iter().any(|t| t == "null"),
        _ => schema.get("nullable").and_then(Value::as_bool).unwrap_or(false),
    }
}

/// The scripted routes for an OpenAPI description: `[method, path,
/// status, body]` per operation, answering its first 2xx response with a
/// [`plausible`] body (a `scripted` override wins, keyed by operationId).
pub fn routes(api: &Value, base_path: &str, scripted: &dyn Fn(&str) -> Option<Value>) -> Vec<Value> {
    let mut out = Vec::new();
    for (path, item) in api.get("paths").and_then(Value::as_object).into_iter().flatten() {
        for (method, op) in item.as_object().into_iter().flatten() {
            if !["get", "put", "post", "delete", "patch", "head", "options", "trace"].contains(&method.as_str()) {
                continue;
            }
            let responses = op.get("responses").and_then(Value::as_object);
            let (status, response) = responses
                .into_iter()
                .flatten()
                .filter(|(code, _)| code.starts_with('2'))
                .min_by_key(|(code, _)| code.as_str())
                .map_or((200, &Value::Null), |(code, r)| (code.parse().unwrap_or(200), r));
            let response = match response.get("$ref").and_then(Value::as_str) {
                Some(r) => r.strip_prefix('#').and_then(|p| api.pointer(p)).unwrap_or(&Value::Null),
                None => response,
            };
            let media = response.get("content").and_then(Value::as_object).and_then(|c| {
                c.iter()
                    .find(|(k, _)| k.contains("json"))
                    .or_else(|| c.iter().next())
                    .map(|(_, m)| m)
            });
            let id = op.get("operationId").and_then(Value::as_str).unwrap_or("");
            let body = scripted(id).or_else(|| {
                media.map(|m| {
                    m.get("example")
                        .cloned()
                        .unwrap_or_else(|| plausible(m.get("schema").unwrap_or(&Value::Null), api))
                })
            });
            out.push(json!([method.to_ascii_uppercase(), format!("{base_path}{path}"), status, body]));
        }
    }
    out
}

/// A fake, started for one run: scripted routes or httpbin.
enum Fake {
    Httpbin(Httpbin),
    Script(MockServer),
}

impl Fake {
    fn base_url(&self) -> String {
        match self {
            Fake::Httpbin(h) => h.base_url(),
            Fake::Script(m) => m.base_url(),
        }
    }

    fn requests(&self) -> Vec<String> {
        match self {
            Fake::Httpbin(h) => h.requests(),
            Fake::Script(m) => m
                .requests()
                .iter()
                .map(|r| match &r.query {
                    Some(q) => format!("{} {}?{q}", r.method, r.path),
                    None => format!("{} {}", r.method, r.path),
                })
                .collect(),
        }
    }
}

async fn start(source: &Value) -> Result<Fake, String> {
    match source["fake"].as_str() {
        Some("httpbin") => Httpbin::start().await.map(Fake::Httpbin).map_err(|e| e.to_string()),
        Some("script") => {
            let server = MockServer::start().await.map_err(|e| e.to_string())?;
            for r in source["routes"].as_array().into_iter().flatten() {
                let status = r[2].as_u64().unwrap_or(200) as u16;
                let reply = match &r[3] {
                    Value::Null => Reply::empty(status),
                    body => Reply::json(status, body.clone()),
                };
                server.on(r[0].as_str().unwrap_or("GET"), r[1].as_str().unwrap_or("/"), vec![reply]);
            }
            Ok(Fake::Script(server))
        }
        _ => Err(format!("no fake for {}", source["url"].as_str().unwrap_or("?"))),
    }
}

/// The step a runtime error names (`... step `x` ...`).
fn failed_step(error: &str) -> Option<&str> {
    let rest = &error[error.find("step `")? + 6..];
    Some(&rest[..rest.find('`')?])
}

fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    format!("{cut}…")
}

/// Runs every workflow of one compiled document. `plan` is what the
/// `runs` example wrote for it: `sources` (module, base path, fake, routes),
/// `workflows` (id, inputs, which inputs were synthesised, missing inputs,
/// expected outputs).
pub async fn run_document(plan: &Value, runner: &dyn Runner) -> Vec<Row> {
    let document = plan["document"].as_str().unwrap_or("?").to_owned();
    let mut rows = Vec::new();
    let sources: Vec<Value> = plan["sources"].as_array().cloned().unwrap_or_default();
    for case in plan["workflows"].as_array().into_iter().flatten() {
        let workflow = case["id"].as_str().unwrap_or("?").to_owned();
        let mut row = Row {
            document: document.clone(),
            workflow: workflow.clone(),
            result: String::new(),
            detail: String::new(),
        };
        let missing: Vec<&str> = case["missing"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
        if !missing.is_empty() {
            row.result = format!("not run: needs inputs {}", missing.join(", "));
            rows.push(row);
            continue;
        }
        let mut fakes = Vec::new();
        for source in &sources {
            match start(source).await {
                Ok(f) => fakes.push((f, source["base_path"].as_str().unwrap_or("").to_owned())),
                Err(e) => {
                    row.result = format!("not run: {e}");
                    break;
                }
            }
        }
        if !row.result.is_empty() {
            rows.push(row);
            continue;
        }
        let synthesised: Vec<&str> = case["synthesised"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let made_up = if synthesised.is_empty() {
            String::new()
        } else {
            format!("inputs synthesised from their schemas: {}; ", synthesised.join(", "))
        };
        let bases: Vec<String> = fakes.iter().map(|(f, path)| format!("{}{path}", f.base_url())).collect();
        let inputs = case.get("inputs").cloned().unwrap_or_else(|| json!({}));
        let result = runner.run(&bases, &workflow, inputs).await.outputs;
        let calls: Vec<String> = fakes.iter().flat_map(|(f, _)| f.requests()).collect();
        let calls = format!("{made_up}calls: {}", clip(&calls.join(", "), 300));
        let expect_failure = case["expect_failure"].as_bool().unwrap_or(false);
        match result {
            Ok(outputs) if expect_failure => {
                row.result = "succeeded, expected to fail".to_owned();
                row.detail = format!("outputs: {}; {calls}", clip(&Value::Object(outputs).to_string(), 400));
            }
            Ok(outputs) => {
                let mut problems = Vec::new();
                for (name, want) in case["expected"].as_object().into_iter().flatten() {
                    match outputs.get(name) {
                        Some(got) if same(want, got) => {}
                        Some(got) => problems.push(format!("output `{name}`: expected {want}, got {got}")),
                        None => problems.push(format!("output `{name}`: expected {want}, got nothing")),
                    }
                }
                row.result = if problems.is_empty() {
                    "ran ok".to_owned()
                } else {
                    "outputs differ".to_owned()
                };
                problems.push(format!("outputs: {}", clip(&Value::Object(outputs).to_string(), 400)));
                problems.push(calls);
                row.detail = problems.join("; ");
            }
            Err(e) => {
                let step = failed_step(&e).map(|s| format!(" at step {s}")).unwrap_or_default();
                // Our runtime reports a failure action `end` as an error
                // (`WorkflowError::Ended`); kept apart so it is not read as a
                // crash.
                let how = if e.contains("ended the run") {
                    "ended by a failure action"
                } else {
                    "failed"
                };
                row.result = if expect_failure {
                    format!("{how}{step}, as the document expects")
                } else {
                    format!("{how}{step}")
                };
                row.detail = format!("{}; {calls}", clip(&e, 400));
            }
        }
        rows.push(row);
    }
    rows
}

/// Rows for a document that did not compile (or has no workflows to run).
pub fn not_compiled(plan: &Value, error: &str) -> Vec<Row> {
    let document = plan["document"].as_str().unwrap_or("?");
    let mut rows: Vec<Row> = plan["workflows"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|case| Row {
            document: document.to_owned(),
            workflow: case["id"].as_str().unwrap_or("?").to_owned(),
            result: "not compiled".to_owned(),
            detail: clip(error, 400),
        })
        .collect();
    if rows.is_empty() {
        rows.push(Row {
            document: document.to_owned(),
            workflow: "-".to_owned(),
            result: "not compiled".to_owned(),
            detail: clip(error, 400),
        });
    }
    rows
}

/// The table, Markdown, with a count per kind of result.
pub fn table(rows: &[Row]) -> String {
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut out = String::from("| document | workflow | result | detail |\n|---|---|---|---|\n");
    for r in rows {
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            cell(&r.document),
            cell(&r.workflow),
            cell(&r.result),
            cell(&r.detail)
        ));
    }
    let bucket = |r: &Row| {
        let kinds = ["ran ok", "failed", "ended", "not compiled", "not run"];
        if r.result.ends_with("as the document expects") {
            "failed as the document expects"
        } else {
            kinds.into_iter().find(|k| r.result.starts_with(k)).unwrap_or("other")
        }
    };
    let counts: Vec<String> = [
        "ran ok",
        "failed as the document expects",
        "failed",
        "ended",
        "other",
        "not compiled",
        "not run",
    ]
    .into_iter()
    .map(|k| (k, rows.iter().filter(|r| bucket(r) == k).count()))
    .filter(|(_, n)| *n > 0)
    .map(|(k, n)| format!("{n} {k}"))
    .collect();
    out.push_str(&format!("\n{} workflows: {}\n", rows.len(), counts.join(", ")));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plausible_values_follow_the_schema() {
        let api = json!({"components": {"schemas": {"Pet": {"type": "object", "properties": {
            "id": {"type": "integer", "example": 10}, "name": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}},
            "status": {"type": "string", "enum": ["available", "sold"]}}}}}});
        assert_eq!(
            plausible(&json!({"$ref": "#/components/schemas/Pet"}), &api),
            json!({"id": 10, "name": "string", "tags": ["string"], "status": "available"})
        );
    }

    #[test]
    fn plausible_values_meet_bounds_and_constants() {
        let none = Value::Null;
        assert_eq!(plausible(&json!({"type": "integer", "minimum": 5}), &none), json!(5));
        assert_eq!(plausible(&json!({"type": "integer", "exclusiveMinimum": 5}), &none), json!(6));
        assert_eq!(
            plausible(&json!({"type": "integer", "minimum": 5, "exclusiveMinimum": true}), &none),
            json!(6)
        );
        assert_eq!(plausible(&json!({"type": "integer", "maximum": 0}), &none), json!(0));
        assert_eq!(plausible(&json!({"type": "integer", "minimum": 1.5}), &none), json!(2));
        assert_eq!(plausible(&json!({"type": "number", "minimum": 2, "maximum": 4}), &none), json!(3.0));
        assert_eq!(plausible(&json!({"type": "string", "minLength": 8}), &none), json!("stringxx"));
        assert_eq!(plausible(&json!({"type": "string", "maxLength": 3}), &none), json!("str"));
        assert_eq!(
            plausible(&json!({"type": "array", "minItems": 2, "items": {"type": "boolean"}}), &none),
            json!([true, true])
        );
        assert_eq!(plausible(&json!({"type": "string", "const": "v2"}), &none), json!("v2"));
        // An Arazzo document's reusable inputs resolve through the document itself.
        let doc =
            json!({"components": {"inputs": {"Ids": {"type": "object", "properties": {"id": {"type": "string", "format": "uuid"}}}}}});
        assert_eq!(
            plausible(&json!({"$ref": "#/components/inputs/Ids"}), &doc),
            json!({"id": "00000000-0000-4000-8000-000000000001"})
        );
    }

    #[test]
    fn inputs_without_examples_are_synthesised_from_their_schemas() {
        let doc = json!({"components": {"schemas": {"Id": {"type": "string", "format": "uuid"}}}});
        let schema = json!({"type": "object", "required": ["id", "count"], "properties": {
            "id": {"$ref": "#/components/schemas/Id"},
            "count": {"type": "integer"},
            "mode": {"type": "string", "enum": ["fast", "slow"]},
            "when": {"type": "string", "format": "date-time"},
            "given": {"type": "string"},
            "anything": {},
            "unread": {"type": "boolean"}}});
        let mut inputs = Map::new();
        inputs.insert("given".to_owned(), json!("from an example"));
        let needed: Vec<String> = ["id", "count", "mode", "when", "given", "anything", "undeclared"]
            .map(str::to_owned)
            .into();
        let made = synthesise_inputs(&schema, &doc, &needed, &mut inputs);
        assert_eq!(made, ["id", "count", "mode", "when"]);
        assert_eq!(
            Value::Object(inputs),
            json!({"id": "00000000-0000-4000-8000-000000000001", "count": 1, "mode": "fast",
                   "when": "2024-01-01T00:00:00Z", "given": "from an example"})
        );
    }

    #[test]
    fn routes_answer_the_first_success() {
        let api = json!({"paths": {"/pets/{id}": {"get": {"operationId": "getPet", "responses": {
            "404": {"description": "no"}, "200": {"description": "ok", "content": {"application/json": {"schema": {"type": "boolean"}}}}}}}}});
        assert_eq!(routes(&api, "/v1", &|_| None), [json!(["GET", "/v1/pets/{id}", 200, true])]);
        assert_eq!(routes(&api, "", &|id| (id == "getPet").then(|| json!(1)))[0][3], json!(1));
    }

    #[test]
    fn step_names_come_from_errors() {
        assert_eq!(failed_step("workflow `w`: step `s-1` failed: HTTP 500"), Some("s-1"));
        assert_eq!(failed_step("workflow `w`: stopped"), None);
    }
}
