//! The `arazzo-codegen` binary as a user runs it: exit codes, rustc-style
//! and JSON diagnostics, `--source` mappings, `generate --out`, `--help`,
//! `--version` and usage errors.
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

/// Without `NO_COLOR` in the environment, as a user runs it.
fn run_plain_env(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_arazzo-codegen"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
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
        "error: unknown operationId `getpet`\n  --> wf.yaml:13:22\n   |\n13 |         operationId: getpet\n   |                      ^^^^^^\n   |\n   = help: did you mean `getPet`?\n\nwf.yaml: 1 error\n"
    );
}

/// Warnings of a clean document are shown like errors (a block, or a JSON
/// line), and do not fail the check.
#[test]
fn warnings_render_like_errors() {
    let wf = workflow("./api.yaml", "getPet").replace("$response.body#/status", "$response.body#/statuss");
    let dir = scratch("warnings", &[("api.yaml", API), ("wf.yaml", &wf)]);
    let out = run(&dir, &["check", "wf.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("warning: `$response.body#/statuss` reads `statuss`, which the response body of `getPet` does not declare; it is typed as JSON\n  --> wf.yaml:21:35\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("21 |           status: $response.body#/statuss\n   |                                   ^^^^^^^\n"),
        "{stderr}"
    );
    assert!(stderr.ends_with("wf.yaml: ok\n"), "{stderr}");

    let out = run(&dir, &["check", "--format=json", "wf.yaml"]);
    assert_eq!(out.status.code(), Some(0));
    let warning: serde_json::Value = serde_json::from_str(text(&out.stdout).trim()).expect("one JSON line");
    assert_eq!(
        (warning["severity"].as_str(), warning["code"].as_str()),
        (Some("warning"), Some("response-pointer"))
    );

    // `generate` writes code to stdout, so its warnings stay on stderr.
    let out = run(&dir, &["generate", "--format=json", "wf.yaml"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("pub mod pets"));
    assert!(
        text(&out.stderr).starts_with("warning: `$response.body#/statuss`"),
        "{}",
        text(&out.stderr)
    );
}

/// Colour is for terminals: piped stderr gets none even without `NO_COLOR`.
#[test]
fn no_colour_when_stderr_is_not_a_terminal() {
    let dir = scratch("colour", &[("api.yaml", API), ("wf.yaml", &workflow("./api.yaml", "getpet"))]);
    let out = run_plain_env(&dir, &["check", "wf.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with("error: unknown operationId `getpet`\n"), "{stderr}");
    assert!(!stderr.contains('\x1b'), "{stderr:?}");
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
fn help_and_version() {
    let dir = scratch("help", &[]);
    for args in [&["--help"][..], &[][..], &["help"][..]] {
        let out = run(&dir, args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let help = text(&out.stdout);
        assert!(help.contains("Usage: arazzo-codegen [COMMAND]"), "{args:?}: {help}");
        assert!(help.contains("check ") && help.contains("generate "), "{args:?}: {help}");
    }
    let out = run(&dir, &["check", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = text(&out.stdout);
    assert!(help.contains("Usage: arazzo-codegen check [OPTIONS] <FILE>..."), "{help}");
    assert!(help.contains("--source <NAME=PATH>"), "{help}");
    assert!(help.contains("EXIT STATUS:"), "{help}");
    let out = run(&dir, &["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), format!("arazzo-codegen {}\n", env!("CARGO_PKG_VERSION")));
}

/// Every usage error exits 2 with `error: ...` first and a pointer to `--help` last.
#[test]
fn usage_errors_exit_two() {
    let dir = scratch("usage", &[]);
    for (args, message) in [
        (&["frobnicate"][..], "error: unrecognized subcommand 'frobnicate'"),
        (&["check"][..], "error: the following required arguments were not provided"),
        (&["check", "--colour", "x.yaml"][..], "error: unexpected argument '--colour' found"),
        (
            &["check", "--colour=always", "x.yaml"][..],
            "error: unexpected argument '--colour' found",
        ),
        (
            &["check", "--out", "o.rs", "x.yaml"][..],
            "error: unexpected argument '--out' found",
        ),
        (
            &["check", "--source", "nopath", "x.yaml"][..],
            "error: invalid value 'nopath' for '--source <NAME=PATH>': must be NAME=PATH",
        ),
        (
            &["check", "--format", "xml", "x.yaml"][..],
            "error: invalid value 'xml' for '--format <FORMAT>'",
        ),
        (
            &["check", "--format=xml", "x.yaml"][..],
            "error: invalid value 'xml' for '--format <FORMAT>'",
        ),
        (
            &["check", "x.yaml", "--format"][..],
            "error: a value is required for '--format <FORMAT>'",
        ),
        (&["generate", "a.yaml", "b.yaml"][..], "error: unexpected argument 'b.yaml' found"),
        (
            &["generate", "--all-operations=yes", "a.yaml"][..],
            "error: unexpected value 'yes' for '--all-operations'",
        ),
    ] {
        let out = run(&dir, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(stderr.starts_with(message), "{args:?}: {stderr}");
        assert!(stderr.ends_with("For more information, try '--help'.\n"), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

/// `--opt=value` and `--opt value` mean the same, for every option that takes a value.
#[test]
fn options_take_their_value_inline_or_separately() {
    let dir = scratch("inline", &[("api.yaml", API), ("wf.yaml", &workflow("./api.yaml", "getpet"))]);
    let separate = run(&dir, &["check", "--format", "json", "wf.yaml"]);
    let inline = run(&dir, &["check", "--format=json", "wf.yaml"]);
    assert_eq!(inline.status.code(), Some(1));
    assert_eq!(text(&inline.stdout), text(&separate.stdout));
    assert!(
        text(&inline.stdout).contains("\"code\":\"unknown-operation\""),
        "{}",
        text(&inline.stdout)
    );

    let dir = scratch("inline-out", &[("api.yaml", API), ("wf.yaml", &workflow("./api.yaml", "getPet"))]);
    let out = run(&dir, &["generate", "--out=a.rs", "wf.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = run(&dir, &["generate", "--out", "b.rs", "--all-operations", "wf.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let a = std::fs::read_to_string(dir.join("a.rs")).expect("--out=a.rs was written");
    let b = std::fs::read_to_string(dir.join("b.rs")).expect("--out b.rs was written");
    assert!(a.contains("pub mod pets") && b.contains("pub mod pets"));
    // A file named like a flag still gets through after `--`.
    std::fs::copy(dir.join("wf.yaml"), dir.join("-wf.yaml")).expect("copy");
    let out = run(&dir, &["check", "--", "-wf.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}
