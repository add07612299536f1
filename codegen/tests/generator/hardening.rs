//! Hostile or mistaken inputs to the loader: each is a short, located error, never a
//! hang, an abort or a diagnostic that quotes a file that is not a description.

use std::path::{Path, PathBuf};

use arazzo_codegen::Generator;

const API: &str = r#"openapi: 3.1.0
info: {title: Pets, version: "1"}
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        "200": {description: ok}
"#;

/// A workflow whose one source has `url: {url}`.
fn workflow(url: &str) -> String {
    format!(
        r#"arazzo: 1.0.1
info: {{title: t, version: "1"}}
sourceDescriptions:
  - name: api
    url: {url}
    type: openapi
workflows:
  - workflowId: w
    steps:
      - stepId: s
        operationId: listPets
"#
    )
}

/// A fresh directory for one test's files.
fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("hardening").join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn errors_of(generator: &Generator, path: &Path) -> Vec<String> {
    match generator.check(path) {
        Ok(_) => panic!("expected errors"),
        Err(failure) => failure.lines(),
    }
}

#[test]
fn deeply_nested_document_is_a_located_error() {
    let deep = format!("{}x\n", "- ".repeat(3_000));
    let generator = Generator::new().memory_only(true).file("deep.arazzo.yaml", deep);
    let errors = errors_of(&generator, Path::new("deep.arazzo.yaml"));
    assert_eq!(
        errors,
        [
            "deep.arazzo.yaml:1:513: nesting deeper than 256 levels of lists and mappings; help: flatten the document, or move the nested part into a named component and `$ref` it"
        ]
    );
}

#[test]
fn nesting_within_the_limit_goes_through_every_stage() {
    // A response schema 123 objects deep (two YAML levels each, 254 levels in all): bundling, schema lowering and type emission all
    // recurse per level, on a test thread's small (2 MiB) stack.
    let mut schema = String::from("{type: string}");
    for _ in 0..123 {
        schema = format!("{{type: object, properties: {{inner: {schema}}}}}");
    }
    let api = API.replace(
        r#""200": {description: ok}"#,
        &format!(r#""200": {{description: ok, content: {{application/json: {{schema: {schema}}}}}}}"#),
    );
    let generator = Generator::new()
        .memory_only(true)
        .file("api.yaml", api)
        .file("wf.arazzo.yaml", workflow("./api.yaml"));
    let generated = generator.generate(Path::new("wf.arazzo.yaml")).map_err(|f| f.lines());
    assert!(generated.is_ok(), "{generated:?}");
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_opening_it() {
    let dir = scratch("fifo");
    let fifo = dir.join("api.yaml");
    let status = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(status.success());
    std::fs::write(dir.join("wf.arazzo.yaml"), workflow("./api.yaml")).expect("write");
    // Opening a FIFO for reading blocks until a writer comes: this test hanging is the failure.
    let errors = errors_of(&Generator::new().display_root(&dir), &dir.join("wf.arazzo.yaml"));
    assert_eq!(
        errors,
        ["wf.arazzo.yaml:5:10: cannot read `api.yaml`: it is not a regular file (a pipe, socket or device)"]
    );
}

#[cfg(unix)]
#[test]
fn a_device_is_refused() {
    let generator = Generator::new().file("wf.arazzo.yaml", workflow("/dev/zero"));
    let errors = errors_of(&generator, Path::new("wf.arazzo.yaml"));
    assert_eq!(
        errors,
        ["wf.arazzo.yaml:5:10: cannot read `/dev/zero`: it is not a regular file (a pipe, socket or device)"]
    );
}

#[test]
fn a_directory_is_refused() {
    let dir = scratch("directory");
    std::fs::create_dir(dir.join("api.yaml")).expect("mkdir");
    std::fs::write(dir.join("wf.arazzo.yaml"), workflow("./api.yaml")).expect("write");
    let errors = errors_of(&Generator::new().display_root(&dir), &dir.join("wf.arazzo.yaml"));
    assert_eq!(errors, ["wf.arazzo.yaml:5:10: cannot read `api.yaml`: it is a directory"]);
}

#[test]
fn a_file_over_the_size_cap_is_refused_before_reading() {
    let dir = scratch("size");
    // Sparse: 65 MiB long, nothing written.
    let file = std::fs::File::create(dir.join("api.yaml")).expect("create");
    file.set_len(65 << 20).expect("set_len");
    std::fs::write(dir.join("wf.arazzo.yaml"), workflow("./api.yaml")).expect("write");
    let errors = errors_of(&Generator::new().display_root(&dir), &dir.join("wf.arazzo.yaml"));
    assert_eq!(
        errors,
        ["wf.arazzo.yaml:5:10: cannot read `api.yaml`: it is 65 MiB, more than the 64 MiB a description may be"]
    );
}

#[test]
fn a_file_that_is_not_a_description_is_not_quoted() {
    let dir = scratch("credentials");
    let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    std::fs::write(
        dir.join("credentials"),
        format!("[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = \"{secret}\"\n"),
    )
    .expect("write");
    std::fs::write(dir.join("wf.arazzo.yaml"), workflow("./credentials")).expect("write");
    let failure = Generator::new()
        .display_root(&dir)
        .check(&dir.join("wf.arazzo.yaml"))
        .expect_err("not a description");
    assert_eq!(
        failure.lines(),
        [
            "wf.arazzo.yaml:5:10: `credentials` is not YAML or JSON (syntax error at line 2, column 1), so neither an OpenAPI description nor an Arazzo document; note: its lines are not shown: a file that is not a description may hold secrets; help: name the OpenAPI or Arazzo file here (`.yaml`, `.yml` or `.json`)"
        ]
    );
    let shown = failure.render(false);
    assert!(!shown.contains(secret) && !shown.contains("AKIA"), "{shown}");
    let json = failure
        .diagnostics
        .iter()
        .map(|d| d.to_json(&failure.sources).to_string())
        .collect::<String>();
    assert!(!json.contains(secret) && !json.contains("AKIA"), "{json}");
}

#[test]
fn a_yaml_file_with_a_syntax_error_is_still_shown() {
    let generator = Generator::new()
        .memory_only(true)
        .file("api.yaml", "openapi: 3.1.0\ninfo: {title: [}\n")
        .file("wf.arazzo.yaml", workflow("./api.yaml"));
    let failure = generator.check(Path::new("wf.arazzo.yaml")).expect_err("syntax error");
    assert!(failure.render(false).contains("2 | info: {title: [}"), "{}", failure.render(false));
}

#[test]
fn a_long_line_gives_a_short_diagnostic() {
    // 10 MB on one line, one error at its end, one value quoted in the message.
    let description = "x".repeat(10_000_000);
    let condition = format!("$statusCode == 200 && $foo{} == 1", "o".repeat(10_000_000));
    let doc = format!(
        r#"{{"arazzo": "1.0.1", "info": {{"title": "t", "version": "1", "description": "{description}"}}, "sourceDescriptions": [{{"name": "api", "url": "./api.yaml", "type": "openapi"}}], "workflows": [{{"workflowId": "w", "steps": [{{"stepId": "s", "operationId": "listPets", "successCriteria": [{{"condition": "{condition}"}}]}}]}}]}}"#
    );
    let generator = Generator::new()
        .memory_only(true)
        .file("api.yaml", API)
        .file("long.arazzo.json", doc);
    let failure = generator.check(Path::new("long.arazzo.json")).expect_err("one error");
    assert_eq!(failure.diagnostics.len(), 1);
    let rendered = failure.render(false);
    assert!(rendered.len() < 2_000, "{} bytes", rendered.len());
    assert!(rendered.contains("--> long.arazzo.json:1:10000306"), "{rendered}");
    let one_line = failure.lines().concat();
    assert!(one_line.len() < 2_000, "{} bytes", one_line.len());
    let json = failure.diagnostics[0].to_json(&failure.sources).to_string();
    assert!(json.len() < 2_000, "{} bytes", json.len());
}

#[cfg(unix)]
#[test]
fn a_ref_to_a_device_is_refused() {
    let api = API.replace(r#""200": {description: ok}"#, r#""200": {$ref: "/dev/zero#/responses/Ok"}"#);
    let generator = Generator::new()
        .file("api.yaml", api)
        .file("wf.arazzo.yaml", workflow("./api.yaml"));
    let errors = errors_of(&generator, Path::new("wf.arazzo.yaml"));
    assert_eq!(
        errors,
        ["api.yaml:8:23: cannot read `/dev/zero`: it is not a regular file (a pipe, socket or device)"]
    );
}
