//! `cargo run --release -p arazzo-codegen --example bench -- <command>`: the
//! measuring tool behind `scripts/bench.sh`.
//!
//! It exists so that generation speed is measured on the real entry point
//! (`Generator::generate` + formatting, exactly what the macro and build
//! scripts run) without timing assertions in tests, and so that the script can
//! turn any OpenAPI file into a standalone crate for `cargo check` / `clippy`
//! and for the example round-trip test.
//!
//! Commands:
//! - `gen SPEC CRATE_DIR [REPS]`: generates the full client REPS times (default
//!   3), writes `CRATE_DIR/{Cargo.toml,src/lib.rs,src/examples.rs}` and prints
//!   one line `generate_ms format_ms lines bytes examples` (best of REPS).
//! - `emit SPEC OUT.rs`: generates and formats once and writes the file; the
//!   script times this whole process, like it times `cargo progenitor`.
//! - `synth FACTOR OUT.json`: writes a synthetic OpenAPI 3.0 spec whose size is
//!   FACTOR times a fixed unit (40 resources, 200 operations), for the
//!   linear-growth measurement.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use arazzo_codegen::Generator;
use arazzo_codegen::harness::{arazzo_path, example_test};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("gen") => generate(&args[1..]),
        Some("emit") => emit(&args[1..]),
        Some("synth") => synth(&args[1..]),
        _ => Err("usage: bench gen SPEC CRATE_DIR [REPS] | bench emit SPEC OUT.rs | bench synth FACTOR OUT.json".to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn generate(args: &[String]) -> Result<(), String> {
    let [spec, dir, rest @ ..] = args else {
        return Err("usage: bench gen SPEC CRATE_DIR [REPS]".to_owned());
    };
    let reps: usize = rest.first().and_then(|r| r.parse().ok()).unwrap_or(3).max(1);
    let spec = PathBuf::from(spec);
    let mut best_generate = f64::MAX;
    let mut best_format = f64::MAX;
    let mut code = String::new();
    for _ in 0..reps {
        let started = Instant::now();
        let generated = Generator::new().generate(&spec).map_err(|f| f.render(false))?;
        let generated_at = Instant::now();
        code = generated.to_formatted_string();
        let formatted_at = Instant::now();
        best_generate = best_generate.min((generated_at - started).as_secs_f64() * 1000.0);
        best_format = best_format.min((formatted_at - generated_at).as_secs_f64() * 1000.0);
    }
    let test = example_test(&spec).map_err(|f| f.render(false))?;
    write_crate(Path::new(dir), &code, &test.code)?;
    println!(
        "{best_generate:.1} {best_format:.1} {} {} {}",
        code.lines().count(),
        code.len(),
        test.count
    );
    Ok(())
}

fn emit(args: &[String]) -> Result<(), String> {
    let [spec, out, ..] = args else {
        return Err("usage: bench emit SPEC OUT.rs".to_owned());
    };
    let generated = Generator::new().generate(Path::new(spec)).map_err(|f| f.render(false))?;
    std::fs::write(out, generated.to_formatted_string()).map_err(|e| format!("{out}: {e}"))
}

fn write_crate(dir: &Path, code: &str, test: &str) -> Result<(), String> {
    let io = |e: std::io::Error| format!("{}: {e}", dir.display());
    std::fs::create_dir_all(dir.join("src")).map_err(io)?;
    let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or("generated");
    let manifest = format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\narazzo = {{ path = \"{}\" }}\n\n[workspace]\n",
        arazzo_path().display()
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).map_err(io)?;
    std::fs::write(dir.join("src/lib.rs"), format!("{code}\n#[cfg(test)]\nmod examples;\n")).map_err(io)?;
    std::fs::write(dir.join("src/examples.rs"), test).map_err(io)?;
    Ok(())
}

/// One unit is 40 resources with list/create/get/update/delete each, and for
/// each resource a struct with nested object, enum, array, map, nullable and
/// `oneOf` members, so that growth exercises every code path, not just one.
fn synth(args: &[String]) -> Result<(), String> {
    let [factor, out, ..] = args else {
        return Err("usage: bench synth FACTOR OUT.json".to_owned());
    };
    let factor: usize = factor.parse().map_err(|_| format!("`{factor}` is not a number"))?;
    let resources = 40 * factor;
    let mut paths = serde_json::Map::new();
    let mut schemas = serde_json::Map::new();
    for i in 0..resources {
        let name = format!("Thing{i}");
        let schema_ref = serde_json::json!({"$ref": format!("#/components/schemas/{name}")});
        let error = serde_json::json!({"description": "error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}});
        paths.insert(
            format!("/things{i}"),
            serde_json::json!({
                "get": {
                    "operationId": format!("list_things{i}"),
                    "summary": format!("List thing {i}"),
                    "parameters": [
                        {"name": "limit", "in": "query", "schema": {"type": "integer", "format": "int32"}},
                        {"name": "cursor", "in": "query", "schema": {"type": "string"}},
                        {"name": "state", "in": "query", "schema": {"$ref": format!("#/components/schemas/{name}State")}}
                    ],
                    "responses": {
                        "200": {"description": "page", "content": {"application/json": {"schema": {
                            "type": "object", "required": ["items"],
                            "properties": {"items": {"type": "array", "items": schema_ref}, "next": {"type": "string", "nullable": true}}
                        }}}},
                        "400": error
                    }
                },
                "post": {
                    "operationId": format!("create_thing{i}"),
                    "requestBody": {"required": true, "content": {"application/json": {"schema": schema_ref}}},
                    "responses": {"201": {"description": "created", "content": {"application/json": {"schema": schema_ref}}}, "400": error}
                }
            }),
        );
        paths.insert(
            format!("/things{i}/{{id}}"),
            serde_json::json!({
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
                "get": {"operationId": format!("get_thing{i}"), "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": schema_ref}}}, "404": error}},
                "put": {
                    "operationId": format!("update_thing{i}"),
                    "requestBody": {"required": true, "content": {"application/json": {"schema": schema_ref}}},
                    "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": schema_ref}}}, "400": error}
                },
                "delete": {"operationId": format!("delete_thing{i}"), "responses": {"204": {"description": "gone"}, "404": error}}
            }),
        );
        schemas.insert(
            format!("{name}State"),
            serde_json::json!({"type": "string", "enum": ["active", "paused", "archived"]}),
        );
        schemas.insert(
            name.clone(),
            serde_json::json!({
                "type": "object",
                "description": format!("Thing number {i}."),
                "required": ["id", "name", "state"],
                "properties": {
                    "id": {"type": "string", "format": "uuid"},
                    "name": {"type": "string"},
                    "state": {"$ref": format!("#/components/schemas/{name}State")},
                    "count": {"type": "integer", "format": "int64"},
                    "ratio": {"type": "number", "nullable": true},
                    "created_at": {"type": "string", "format": "date-time"},
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "labels": {"type": "object", "additionalProperties": {"type": "string"}},
                    "owner": {"type": "object", "required": ["login"], "properties": {"login": {"type": "string"}, "site_admin": {"type": "boolean"}}},
                    "target": {"oneOf": [{"$ref": "#/components/schemas/Error"}, {"type": "object", "properties": {"url": {"type": "string"}}}]}
                }
            }),
        );
    }
    schemas.insert(
        "Error".to_owned(),
        serde_json::json!({"type": "object", "required": ["message"], "properties": {"message": {"type": "string"}, "code": {"type": "string"}}}),
    );
    let spec = serde_json::json!({
        "openapi": "3.0.3",
        "info": {"title": format!("Synthetic {factor}x"), "version": "1.0.0"},
        "servers": [{"url": "https://api.example.com"}],
        "paths": paths,
        "components": {"schemas": schemas}
    });
    let text = serde_json::to_string_pretty(&spec).map_err(|e| e.to_string())?;
    std::fs::write(out, text).map_err(|e| format!("{out}: {e}"))
}
