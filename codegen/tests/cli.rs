//! The `arazzo-codegen` binary as a user runs it: exit codes, rustc-style
//! and JSON diagnostics, `--source` mappings, `generate --out`, `--help`.
//! Each test writes its own small files to a fresh temporary directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const API: &str = r##"openapi: 3.1.0
info:
  title: Pets
  version: "1"
paths:
  /pets/{petId}:
    get:
      operationId: getPet
      parameters:
        - name: petId
          in: path
          required: true
          schema:
            type: string
      responses:
        "200":
          description: the pet
          content:
            application/json:
              schema:
                type: object
                properties:
                  status:
                    type: string
"##;

fn workflow(source_url: &str, operation_id: &str) -> String {
    format!(
        r##"arazzo: 1.0.1
info:
  title: Pets
  version: 1.0.0
sourceDescriptions:
  - name: pets
    url: {source_url}
    type: openapi
workflows:
  - workflowId: look
    steps:
      - stepId: fetch
        operationId: {operation_id}
        parameters:
          - name: petId
            in: path
            value: "42"
        successCriteria:
          - condition: $statusCode == 200
        outputs:
          status: $response.body#/status
"##
    )
}

/// A fresh directory holding `files`.
fn scratch(test: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("arazzo-cli-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create the scratch directory");
    for (name, text) in files {
        std::fs::write(dir.join(name), text).expect("write a scratch file");
    }
    dir
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_arazzo-codegen"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run arazzo-codegen")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_clean_document_exits_zero() {
    let dir = scratch("clean", &[("api.yaml", API), ("wf.yaml", &workflow("./api.yaml", "getPet"))]);
    let out = run(&dir, &["check", "wf.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "wf.yaml: ok\n");
}

#[test]
fn check_broken_document_exits_one_with_rustc_style_output() {
    let dir = scratch("broken", &[("api.yaml", API), ("wf.yaml", &workflow("./api.yaml", "getpet"))]);
    let out = run(&dir, &["check", "wf.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "error: unknown operationId `getpet`\n  --> wf.yaml:13:22\n   |\n13 |         operationId: getpet\n   |                      ^^^^^^\n  = help: did you mean `getPet`?\n\nwf.yaml: 1 error\n"
    );
}

#[test]
fn check_reports_every_document_and_fails_if_any_fails() {
    let dir = scratch(
        "several",
        &[
            ("api.yaml", API),
            ("good.yaml", &workflow("./api.yaml", "getPet")),
            ("bad.yaml", &workflow("./api.yaml", "getPets")),
        ],
    );
    let out = run(&dir, &["check", "good.yaml", "bad.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with("good.yaml: ok\n"), "{stderr}");
    assert!(stderr.ends_with("checked 2 documents: 1 clean, 1 with errors\n"), "{stderr}");
}

#[test]
fn check_json_format_prints_one_object_per_diagnostic() {
    let dir = scratch("json", &[("api.yaml", API), ("wf.yaml", &workflow("./api.yaml", "getpet"))]);
    let out = run(&dir, &["check", "--format", "json", "wf.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let objects: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is a JSON object"))
        .collect();
    assert_eq!(objects.len(), 1, "{stdout}");
    let d = objects.first().expect("one diagnostic");
    assert_eq!(d["document"], "wf.yaml");
    assert_eq!(d["code"], "unknown-operation");
    assert_eq!(d["file"], "wf.yaml");
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(13), Some(22)));
    assert_eq!(d["help"], "did you mean `getPet`?");
}

#[test]
fn remote_source_needs_a_mapping_and_source_flag_provides_it() {
    let remote = workflow("https://example.com/pets.yaml", "getPet");
    let dir = scratch("remote", &[("local-api.yaml", API), ("wf.yaml", &remote)]);
    let out = run(&dir, &["check", "wf.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("`--source pets=PATH` on the command line"),
        "{}",
        text(&out.stderr)
    );
    let out = run(&dir, &["check", "--source", "pets=local-api.yaml", "wf.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = run(&dir, &["check", "--source=https://example.com/pets.yaml=local-api.yaml", "wf.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn generate_writes_formatted_code() {
    let dir = scratch("generate", &[("api.yaml", API), ("wf.yaml", &workflow("./api.yaml", "getPet"))]);
    let out = run(&dir, &["generate", "wf.yaml", "--out", "out.rs"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let code = std::fs::read_to_string(dir.join("out.rs")).expect("--out was written");
    assert!(code.contains("pub mod pets"), "{code}");
    assert!(code.contains("pub struct LookOutputs"), "{code}");
    let to_stdout = run(&dir, &["generate", "wf.yaml"]);
    assert_eq!(text(&to_stdout.stdout), code);
}

#[test]
fn generate_refuses_a_broken_document() {
    let dir = scratch(
        "generate-broken",
        &[("api.yaml", API), ("wf.yaml", &workflow("./api.yaml", "getpet"))],
    );
    let out = run(&dir, &["generate", "wf.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).contains("error: unknown operationId `getpet`"));
}

#[test]
fn help_and_usage_errors() {
    let dir = scratch("help", &[]);
    let out = run(&dir, &["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = text(&out.stdout);
    assert!(help.contains("arazzo-codegen check [OPTIONS] FILE..."), "{help}");
    assert!(help.contains("--source NAME=PATH"), "{help}");
    for (args, message) in [
        (&["frobnicate"][..], "error: unknown command `frobnicate`"),
        (&["check"][..], "error: `check` needs a FILE"),
        (&["check", "--colour", "x.yaml"][..], "error: unknown option `--colour` for `check`"),
        (
            &["check", "--source", "nopath", "x.yaml"][..],
            "error: `--source nopath` must be NAME=PATH",
        ),
        (&["check", "--format", "xml", "x.yaml"][..], "error: unknown format `xml`"),
        (&["generate", "a.yaml", "b.yaml"][..], "error: `generate` takes one FILE"),
    ] {
        let out = run(&dir, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stderr).starts_with(message), "{args:?}: {}", text(&out.stderr));
    }
}
