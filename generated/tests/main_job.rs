//! The main job (`examples/autofix.rs`) as a user runs it, against the hostile server
//! (`arazzo_tests::chaos`) on 127.0.0.1: its exit status (0 completed, 3 another autofix
//! status, 1 a failure), its last stderr line on a failure, its progress lines for retries,
//! and no token in anything it prints; and with `--live`, against the embedded fake of the
//! live Sentry API and `arazzo_tests::fake_sentry` at `--base-url`: the PR URL, Sentry's
//! `detail` with status and URL, "empty body", and `--region`'s choice of host.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use arazzo_tests::chaos::{Chaos, Fault};
use serde_json::json;

const TOKEN: &str = "tok-SECRET-main-job-5e1";

/// The example's binary, built (or found fresh) by cargo first: `cargo test` builds examples
/// along with the tests, but `--test main_job` alone does not, and a binary left by an
/// earlier build would be stale. `--workspace` resolves features as `cargo test --workspace`
/// does (every member's, dev-dependencies included), so under the README's test command this
/// build finds the dependencies already built; `-p sentry-seer` alone resolved a narrower
/// feature set and rebuilt about a hundred of them (4.5 minutes of a loaded 2-core run).
fn autofix() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    let profile_dir = exe.parent().and_then(|deps| deps.parent()).expect("target/<profile>");
    let bin = profile_dir
        .join("examples")
        .join(format!("autofix{}", std::env::consts::EXE_SUFFIX));
    static BUILT: std::sync::Once = std::sync::Once::new();
    BUILT.call_once(|| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        let status = Command::new(cargo)
            .args(["build", "--workspace", "--example", "autofix"])
            .status()
            .expect("cargo runs");
        assert!(status.success(), "building the autofix example failed");
    });
    assert!(bin.exists(), "no example binary at {}", bin.display());
    bin
}

fn models() -> Fault {
    Fault::json(200, &json!([{"id": "seer-1", "name": "Seer"}]))
}

fn state(status: &str) -> Fault {
    Fault::json(
        200,
        &json!({"autofix": {"status": status, "createdAt": "2025-01-01T00:00:00Z",
            "fix": {"title": "Guard against None", "pr_url": "https://example.test/pr/1"}}}),
    )
}

async fn seer(models_faults: Vec<Fault>, poll: Vec<Fault>) -> Chaos {
    let chaos = Chaos::start().await.expect("chaos server starts");
    chaos
        .on(Some("GET"), "/seer/models/", models_faults)
        .on(
            Some("POST"),
            "/seer/autofix/",
            vec![Fault::json(
                202,
                &json!({"autofix": {"status": "pending", "createdAt": "2025-01-01T00:00:00Z"}}),
            )],
        )
        .on(Some("GET"), "/seer/autofix/", poll);
    chaos
}

struct Ran {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

async fn main_job(base_url: String, extra: &[&str]) -> Ran {
    let bin = autofix();
    let mut command = Command::new(bin);
    command
        .args(["--base-url", &base_url, "--org", "acme", "--issue", "42"])
        .args(extra)
        .env("SENTRY_AUTH_TOKEN", TOKEN);
    let start = Instant::now();
    let output: Output = tokio::task::spawn_blocking(move || command.output())
        .await
        .expect("joins")
        .expect("the main job runs");
    let ran = Ran {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        elapsed: start.elapsed(),
    };
    assert!(
        !ran.stdout.contains(TOKEN) && !ran.stderr.contains(TOKEN),
        "the token was printed:\n{}\n{}",
        ran.stdout,
        ran.stderr
    );
    ran
}

fn last_line(text: &str) -> &str {
    text.lines().last().unwrap_or("")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_completed_fix_exits_0() {
    let chaos = seer(vec![models()], vec![state("processing"), state("completed")]).await;
    let ran = main_job(format!("{}/", chaos.origin()), &[]).await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    assert!(ran.stdout.contains("\"status\": \"completed\""), "{}", ran.stdout);
}

#[tokio::test(flavor = "multi_thread")]
async fn another_final_status_exits_3() {
    let chaos = seer(vec![models()], vec![state("error")]).await;
    let ran = main_job(chaos.origin(), &[]).await;
    assert_eq!(ran.code, Some(3), "{}\n{}", ran.stdout, ran.stderr);
    assert!(ran.stdout.contains("\"status\": \"error\""), "{}", ran.stdout);
    assert_eq!(last_line(&ran.stderr), "autofix ended with status \"error\", not \"completed\"");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failure_exits_1_with_the_error_last_and_no_token() {
    let chaos = Chaos::start().await.expect("chaos");
    chaos.always(Fault::Echo(401));
    let ran = main_job(chaos.origin(), &[]).await;
    assert_eq!(ran.code, Some(1), "{}\n{}", ran.stdout, ran.stderr);
    let last = last_line(&ran.stderr);
    assert!(
        last.starts_with("error: workflow `seer-autofix-issue`: step `listModels` failed: HTTP 401"),
        "{last}"
    );
    assert!(
        last.contains("Bearer ***"),
        "the echoed header is quoted with the token scrubbed: {last}"
    );
    assert!(chaos.seen()[0].head.contains(TOKEN), "the server did get the token");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stalled_server_ends_at_the_deadline() {
    let chaos = seer(vec![models()], vec![Fault::StallHeaders]).await;
    let ran = main_job(chaos.origin(), &["--deadline", "3"]).await;
    assert_eq!(ran.code, Some(1), "{}\n{}", ran.stdout, ran.stderr);
    assert!(ran.elapsed < Duration::from_secs(8), "{:?}", ran.elapsed);
    let last = last_line(&ran.stderr);
    assert!(
        last.starts_with("error: workflow `seer-autofix-issue`: step `pollFixState`: the run's deadline (3.0s) passed"),
        "{last}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn retries_show_in_the_progress_output() {
    let busy = Fault::text(503, "text/plain", "busy");
    let chaos = seer(vec![busy, models()], vec![state("completed")]).await;
    let ran = main_job(chaos.origin(), &[]).await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    assert!(
        ran.stdout
            .contains("/organizations/acme/seer/models/: attempt 1 failed (HTTP 503); retrying in"),
        "{}",
        ran.stdout
    );
    assert!(
        ran.stdout.contains("-> HTTP 200") && ran.stdout.contains(", 2 attempts)"),
        "{}",
        ran.stdout
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn credentials_in_the_base_url_are_refused() {
    let chaos = seer(vec![models()], vec![state("completed")]).await;
    let base = chaos.origin().replace("http://", &format!("http://user:{TOKEN}@"));
    let ran = main_job(base, &[]).await;
    assert_eq!(ran.code, Some(1), "{}\n{}", ran.stdout, ran.stderr);
    let last = last_line(&ran.stderr);
    assert!(last.contains("invalid URL `http://***@127.0.0.1:"), "{last}");
    assert_eq!(chaos.connections(), 0);
}

// --- `--live`: the live Sentry API's workflow -------------------------------------------

use arazzo_tests::fake_sentry::{DEFAULT_PR_URL, DEFAULT_TOKEN, FakeSentry, NO_BUDGET, Scenario};

/// Runs the example with `args` (no `--base-url` added) and `token` in the environment.
async fn live_job(args: &[&str], token: Option<&str>) -> Ran {
    let mut command = Command::new(autofix());
    command.args(args).env_remove("SENTRY_AUTH_TOKEN");
    if let Some(token) = token {
        command.env("SENTRY_AUTH_TOKEN", token);
    }
    let start = Instant::now();
    let output: Output = tokio::task::spawn_blocking(move || command.output())
        .await
        .expect("joins")
        .expect("the main job runs");
    Ran {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        elapsed: start.elapsed(),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn live_against_the_embedded_fake_ends_with_the_pr_url() {
    let ran = live_job(&["--live"], None).await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    assert!(
        ran.stdout.starts_with("embedded fake of the live Sentry API at http://127.0.0.1:"),
        "{}",
        ran.stdout
    );
    for line in [
        "GET http://127.0.0.1:",
        "/api/0/seer/models/ -> HTTP 200",
        "action notStartedYet: goto pollFixState",
        "autofix status: processing",
        "action completed: end",
    ] {
        assert!(ran.stdout.contains(line), "missing {line:?}:\n{}", ran.stdout);
    }
    let outputs = ran.stdout.split("outputs:\n").nth(1).expect("outputs printed");
    let outputs: serde_json::Value = serde_json::from_str(outputs).expect("JSON outputs");
    assert_eq!(outputs["status"], "completed");
    assert_eq!(outputs["prUrl"], DEFAULT_PR_URL);
    assert!(outputs["fixTitle"].is_string(), "{outputs}");
}

#[tokio::test(flavor = "multi_thread")]
async fn live_json_prints_only_the_outputs_on_stdout() {
    let ran = live_job(&["--live", "--json"], None).await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    let outputs: serde_json::Value = serde_json::from_str(ran.stdout.trim()).expect("one JSON object");
    assert_eq!(outputs["prUrl"], DEFAULT_PR_URL);
    assert!(
        ran.stderr.contains("step pollFixState (poll 3)"),
        "progress on stderr: {}",
        ran.stderr
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn live_base_url_says_what_sentry_said_with_status_and_url() {
    let fake = FakeSentry::start(Scenario::no_budget()).await.expect("fake");
    let base = fake.base_url();
    let ran = live_job(&["--live", "--base-url", &base, "--issue", "42"], Some(DEFAULT_TOKEN)).await;
    assert_eq!(ran.code, Some(1), "{}\n{}", ran.stdout, ran.stderr);
    assert_eq!(
        last_line(&ran.stderr),
        format!(
            "error: workflow `seer-autofix-issue`: step `startFix` failed: HTTP 402 from POST {base}/api/0/organizations/acme/issues/42/autofix/: Sentry said \"{NO_BUDGET}\""
        )
    );
    assert!(!ran.stdout.contains(DEFAULT_TOKEN) && !ran.stderr.contains(DEFAULT_TOKEN));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_empty_404_says_empty_body() {
    // The seed pair at the live API's host: Sentry's catch-all 404 has no body.
    let fake = FakeSentry::start(Scenario::agent()).await.expect("fake");
    let base = format!("{}/api/0", fake.base_url());
    let ran = live_job(&["--base-url", &base], Some(DEFAULT_TOKEN)).await;
    assert_eq!(ran.code, Some(1), "{}\n{}", ran.stdout, ran.stderr);
    assert_eq!(
        last_line(&ran.stderr),
        format!(
            "error: workflow `seer-autofix-issue`: step `listModels` failed: HTTP 404 from GET {base}/organizations/acme/seer/models/: empty body"
        )
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_seed_pair_against_the_live_bodies_stops_at_list_models_naming_the_mismatch() {
    // Live bodies at the seed's paths: `{"models": [...]}` where the seed documents an array.
    // The answer is checked against its schema, so the run stops there instead of succeeding
    // with null outputs.
    let fake = FakeSentry::start(Scenario::agent().with_seed_paths()).await.expect("fake");
    let base = format!("{}/api/0", fake.base_url());
    let ran = live_job(&["--base-url", &base], Some(DEFAULT_TOKEN)).await;
    assert_eq!(ran.code, Some(1), "{}\n{}", ran.stdout, ran.stderr);
    assert_eq!(
        last_line(&ran.stderr),
        format!(
            "error: workflow `seer-autofix-issue`: step `listModels`: `listSeerModels` (GET {base}/organizations/acme/seer/models/): HTTP 200 body does not match its schema at `$`: expected array, got object"
        )
    );
    assert_eq!(fake.requests().len(), 1, "nothing is sent after the mismatch");
}

#[tokio::test(flavor = "multi_thread")]
async fn live_legacy_statuses_other_than_completed_exit_3() {
    let fake = FakeSentry::start(Scenario::legacy().with_statuses(["PROCESSING", "CANCELLED"]))
        .await
        .expect("fake");
    let ran = live_job(&["--live", "--base-url", &fake.base_url()], Some(DEFAULT_TOKEN)).await;
    assert_eq!(ran.code, Some(3), "{}\n{}", ran.stdout, ran.stderr);
    assert_eq!(last_line(&ran.stderr), "autofix ended with status \"CANCELLED\", not \"completed\"");
}

#[tokio::test(flavor = "multi_thread")]
async fn region_picks_the_regional_host_without_a_url() {
    // No token: the example names the server it would contact and stops before connecting.
    for (region, host) in [("us", "https://us.sentry.io"), ("de", "https://de.sentry.io")] {
        let ran = live_job(&["--live", "--region", region], None).await;
        assert_eq!(ran.code, Some(2), "{}\n{}", ran.stdout, ran.stderr);
        assert_eq!(
            last_line(&ran.stderr),
            format!("error: running against {host} needs a token in SENTRY_AUTH_TOKEN")
        );
        assert!(ran.elapsed < Duration::from_secs(5));
    }
    // A URL wins over the region; a region needs --live; unknown regions are usage errors.
    let fake = FakeSentry::start(Scenario::agent()).await.expect("fake");
    let ran = live_job(&["--live", "--region", "de", "--base-url", &fake.base_url()], Some(DEFAULT_TOKEN)).await;
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    assert!(
        ran.stdout.contains(&format!("GET {}/api/0/seer/models/", fake.base_url())),
        "{}",
        ran.stdout
    );
    assert_eq!(live_job(&["--region", "us"], Some("t")).await.code, Some(2));
    let ran = live_job(&["--live", "--region", "eu"], Some("t")).await;
    assert_eq!(ran.code, Some(2));
    assert!(ran.stderr.contains("invalid value 'eu'"), "{}", ran.stderr);
}

#[test]
fn the_live_description_names_both_regional_servers() {
    use sentry_seer::live::seer_live;
    assert_eq!(seer_live::DEFAULT_BASE_URL, "https://us.sentry.io");
    let de = seer_live::ServerVariables { region: "de".into() };
    assert_eq!(de.url(), "https://de.sentry.io");
    assert_eq!(seer_live::Client::for_server(&de).http().base_url(), "https://de.sentry.io");
}
