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

/// A test's scratch directory, removed when the test ends (as the panic of a failing test
/// unwinds, too).
struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A fresh directory holding `files`.
fn scratch(test: &str, files: &[(&str, &str)]) -> Scratch {
    let dir = std::env::temp_dir().join(format!("arazzo-cli-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create the scratch directory");
    for (name, text) in files {
        std::fs::write(dir.join(name), text).expect("write a scratch file");
    }
    Scratch(dir)
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
        (Some("warning"), Some("undeclared-member"))
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

/// `generate --check`: what CI runs over checked-in generated code. Nothing is written in
/// any case; a stale or missing file fails with the diff, a fresh one passes.
#[test]
fn generate_check_compares_without_writing() {
    let dir = scratch(
        "generate-check",
        &[("api.yaml", API), ("wf.yaml", &workflow("./api.yaml", "getPet"))],
    );
    let missing = run(&dir, &["generate", "wf.yaml", "--out", "out.rs", "--check"]);
    assert_eq!(missing.status.code(), Some(1), "{}", text(&missing.stderr));
    assert!(!dir.join("out.rs").exists(), "--check wrote the file");
    assert!(text(&missing.stderr).contains("is missing or empty"), "{}", text(&missing.stderr));

    assert_eq!(run(&dir, &["generate", "wf.yaml", "--out", "out.rs"]).status.code(), Some(0));
    let fresh = run(&dir, &["generate", "--check", "wf.yaml", "--out=out.rs"]);
    assert_eq!(fresh.status.code(), Some(0), "{}", text(&fresh.stderr));
    assert!(fresh.stdout.is_empty());
    assert_eq!(text(&fresh.stderr), "out.rs: up to date\n");

    // The API gains a response property, the checked-in file does not.
    let before = std::fs::read_to_string(dir.join("out.rs")).expect("written above");
    let api = API.replace(
        "                  status:\n",
        "                  nickname:\n                    type: string\n                  status:\n",
    );
    assert_ne!(api, API);
    std::fs::write(dir.join("api.yaml"), api).expect("rewrite the API");
    let stale = run(&dir, &["generate", "wf.yaml", "--out", "out.rs", "--check"]);
    assert_eq!(stale.status.code(), Some(1), "{}", text(&stale.stderr));
    let diff = text(&stale.stdout);
    assert!(diff.starts_with("--- a/out.rs\n+++ b/out.rs\n"), "{diff}");
    assert!(diff.lines().any(|l| l.starts_with('+') && l.contains("nickname")), "{diff}");
    assert!(
        text(&stale.stderr).contains(
            "error: `out.rs` is not what `wf.yaml` generates (the diff is on stdout); run the same command without `--check` to rewrite it"
        ),
        "{}",
        text(&stale.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("out.rs")).expect("still there"),
        before,
        "--check wrote the file"
    );

    // A broken document is its errors, as without `--check`.
    std::fs::write(dir.join("wf.yaml"), workflow("./api.yaml", "getpet")).expect("rewrite the document");
    let broken = run(&dir, &["generate", "wf.yaml", "--out", "out.rs", "--check"]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(
        text(&broken.stderr).contains("error: unknown operationId `getpet`"),
        "{}",
        text(&broken.stderr)
    );
    assert!(broken.stdout.is_empty());
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
            &["generate", "--check", "a.yaml"][..],
            "error: the following required arguments were not provided:\n  --out <FILE>",
        ),
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

const USERS: &str = r##"openapi: 3.1.0
info: {title: Users, version: "1"}
paths:
  /users:
    get:
      operationId: listUsers
      responses:
        "200": {description: ok}
"##;

/// Two sources, bare operationIds, unbraced expressions (plain, quoted, in a
/// flow mapping), and comments that `fix` must keep.
const FIXABLE: &str = r##"arazzo: 1.0.1
info: {title: t, version: 1.0.0}
sourceDescriptions:
  - {name: pets, url: ./api.yaml, type: openapi}
  - {name: users, url: ./users.yaml, type: openapi}
workflows:
  - workflowId: look
    inputs: {type: object, properties: {token: {type: string}}}
    steps:
      # first the users
      - stepId: list
        operationId: listUsers   # bare
        parameters:
          - name: Authorization
            in: header
            value: Bearer $inputs.token
          - {name: X-Trace, in: header, value: 'id $inputs.token'}
      - stepId: fetch
        operationId: "getPet"
        parameters:
          - {name: petId, in: path, value: Bearer $inputs.token}
"##;

const FIXED: &str = r##"arazzo: 1.0.1
info: {title: t, version: 1.0.0}
sourceDescriptions:
  - {name: pets, url: ./api.yaml, type: openapi}
  - {name: users, url: ./users.yaml, type: openapi}
workflows:
  - workflowId: look
    inputs: {type: object, properties: {token: {type: string}}}
    steps:
      # first the users
      - stepId: list
        operationId: $sourceDescriptions.users.listUsers   # bare
        parameters:
          - name: Authorization
            in: header
            value: "Bearer {$inputs.token}"
          - {name: X-Trace, in: header, value: 'id {$inputs.token}'}
      - stepId: fetch
        operationId: "$sourceDescriptions.pets.getPet"
        parameters:
          - {name: petId, in: path, value: "Bearer {$inputs.token}"}
"##;

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn fix_applies_every_suggestion_and_changes_nothing_else() {
    let dir = scratch("fix", &[("api.yaml", API), ("users.yaml", USERS), ("wf.arazzo.yaml", FIXABLE)]);
    let before = run(&dir, &["check", "wf.arazzo.yaml"]);
    assert_eq!(before.status.code(), Some(1), "{}", stderr(&before));
    let output = run(&dir, &["fix", "wf.arazzo.yaml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "wf.arazzo.yaml: applied 5 fixes\n");
    assert_eq!(std::fs::read_to_string(dir.join("wf.arazzo.yaml")).expect("read"), FIXED);
    // Fixed documents check clean (the undeclared X-Trace header is a warning).
    let after = run(&dir, &["check", "wf.arazzo.yaml"]);
    assert_eq!(after.status.code(), Some(0), "{}", stderr(&after));
    // A second run has nothing to do.
    let again = run(&dir, &["fix", "wf.arazzo.yaml"]);
    assert_eq!(stderr(&again), "wf.arazzo.yaml: applied 0 fixes\n");
}

#[test]
fn fix_dry_run_prints_a_diff_and_writes_nothing() {
    let dir = scratch("fix-dry", &[("api.yaml", API), ("users.yaml", USERS), ("wf.arazzo.yaml", FIXABLE)]);
    let output = run(&dir, &["fix", "--dry-run", "-A", "unqualified-operation-id", "wf.arazzo.yaml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(dir.join("wf.arazzo.yaml")).expect("read"), FIXABLE);
    // Allowed lints are not fixed: only the three unbraced expressions.
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "\
--- a/wf.arazzo.yaml
+++ b/wf.arazzo.yaml
@@ -14,8 +14,8 @@
           - name: Authorization
             in: header
-            value: Bearer $inputs.token
-          - {name: X-Trace, in: header, value: 'id $inputs.token'}
+            value: \"Bearer {$inputs.token}\"
+          - {name: X-Trace, in: header, value: 'id {$inputs.token}'}
       - stepId: fetch
         operationId: \"getPet\"
         parameters:
-          - {name: petId, in: path, value: Bearer $inputs.token}
+          - {name: petId, in: path, value: \"Bearer {$inputs.token}\"}
"
    );
    assert_eq!(stderr(&output), "wf.arazzo.yaml: would apply 3 fixes\n");
}

#[test]
fn fix_reports_errors_no_fix_resolves() {
    let doc = FIXABLE.replace("stepId: fetch", "stepId: fetch\n        dependsOn: [nope]");
    let dir = scratch("fix-left", &[("api.yaml", API), ("users.yaml", USERS), ("wf.arazzo.yaml", &doc)]);
    let output = run(&dir, &["fix", "wf.arazzo.yaml"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).ends_with("wf.arazzo.yaml: 1 error left that no fix resolves\n"),
        "{}",
        stderr(&output)
    );
}

/// Warnings are JSON lines too, also when there is no error, each with its fix.
#[test]
fn json_reports_warnings_with_their_replacement() {
    let dir = scratch("json-warn", &[("api.yaml", API), ("users.yaml", USERS), ("wf.arazzo.yaml", FIXED)]);
    let doc = FIXED.replace("$sourceDescriptions.users.listUsers", "listUsers");
    std::fs::write(dir.join("wf.arazzo.yaml"), &doc).expect("write");
    let output = run(&dir, &["check", "--format", "json", "wf.arazzo.yaml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    let codes: Vec<&str> = lines.iter().filter_map(|l| l["code"].as_str()).collect();
    assert_eq!(codes, ["unqualified-operation-id", "undeclared-parameter"]);
    assert_eq!(lines[0]["severity"], "warning");
    assert_eq!(
        lines[0]["replacement"],
        serde_json::json!({
            "text": "$sourceDescriptions.users.listUsers",
            "file": "wf.arazzo.yaml", "line": 12, "column": 22, "end_line": 12, "end_column": 31,
            "byte_start": 341, "byte_end": 350,
        })
    );
    assert_eq!(&doc[341..350], "listUsers");
    assert_eq!(lines[1]["replacement"], serde_json::Value::Null);
}

/// `-A/-W/-D` set levels in command-line order; unknown codes are usage errors.
#[test]
fn lint_level_flags() {
    let dir = scratch("levels", &[("api.yaml", API), ("users.yaml", USERS), ("wf.arazzo.yaml", FIXED)]);
    let denied = run(&dir, &["check", "-D", "undeclared-parameter", "wf.arazzo.yaml"]);
    assert_eq!(denied.status.code(), Some(1), "{}", stderr(&denied));
    assert!(
        stderr(&denied).starts_with("error: operation `listUsers` has no header parameter `X-Trace`"),
        "{}",
        stderr(&denied)
    );
    let last_wins = run(
        &dir,
        &[
            "check",
            "--deny",
            "undeclared-parameter",
            "-A",
            "undeclared_parameter",
            "wf.arazzo.yaml",
        ],
    );
    assert_eq!(stderr(&last_wins), "wf.arazzo.yaml: ok\n");
    let warned = run(
        &dir,
        &[
            "check",
            "-A",
            "undeclared-parameter",
            "-W",
            "undeclared-parameter",
            "wf.arazzo.yaml",
        ],
    );
    assert!(stderr(&warned).starts_with("warning: operation `listUsers`"), "{}", stderr(&warned));
    let unknown = run(&dir, &["check", "-A", "undeclared-parameters", "wf.arazzo.yaml"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).contains("unknown lint `undeclared-parameters`; did you mean `undeclared-parameter`?"),
        "{}",
        stderr(&unknown)
    );
    let hard = run(&dir, &["check", "-W", "unknown-step", "wf.arazzo.yaml"]);
    assert_eq!(hard.status.code(), Some(2));
    assert!(
        stderr(&hard).contains("`unknown-step` is a hard error and cannot be set to warn"),
        "{}",
        stderr(&hard)
    );
}
