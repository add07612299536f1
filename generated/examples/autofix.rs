//! The main job: run the `seer-autofix-issue` workflow end to end.
//!
//! With no `--base-url`, an embedded fake Seer server is started on
//! 127.0.0.1 and the workflow runs against it. With `--base-url URL`, it runs
//! against that server with the token from `SENTRY_AUTH_TOKEN` (never printed).
//!
//! ```text
//! cargo run -p sentry-seer --example autofix -- [--base-url URL] [--org SLUG]
//!     [--issue ID] [--instruction TEXT] [--json]
//! ```
//!
//! Flags are parsed by clap, like the `arazzo-codegen` CLI: `--opt value` and
//! `--opt=value` both work, and `--help` lists them.
//!
//! Exit status: 0 when the fix completed; 3 when the workflow finished with another
//! autofix status (`error`, `cancelled`, ...; the outputs are still printed); 1 when the run
//! failed (the last line on stderr is then `error: workflow `seer-autofix-issue`: ...`);
//! 2 for a usage error.

use std::process::ExitCode;
use std::time::Duration;

use sentry_seer::seer_api::types::SeerAutofixStateStatus;

use arazzo::{ActionKind, Event, WaitReason};
use arazzo_tests::fake_seer::{FakeSeer, Scenario};
use sentry_seer::{SeerAutofixIssueInputs, Workflows, seer_api};

/// Runs the seer-autofix-issue workflow.
///
/// Without --base-url it starts an embedded fake Seer server and runs against
/// that; with --base-url it uses the real server there and reads the token from
/// SENTRY_AUTH_TOKEN.
#[derive(Debug, clap::Parser)]
#[command(name = "autofix")]
struct Options {
    /// API base URL, e.g. https://sentry.io/api/0 (default: embedded fake)
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// Organization id or slug
    #[arg(long, value_name = "SLUG", default_value = "acme")]
    org: String,
    /// Issue id
    #[arg(long, value_name = "ID", default_value = "4711")]
    issue: String,
    /// Guidance for the AI fix (default: none)
    #[arg(long, value_name = "TEXT")]
    instruction: Option<String>,
    /// Print only the outputs, as one JSON object on stdout
    #[arg(long)]
    json: bool,
    /// The run's deadline in seconds: every request and wait ends by then
    #[arg(long, value_name = "SECS", default_value_t = 600.0)]
    deadline: f64,
}

/// The workflow finished, but the autofix did not complete.
const EXIT_NOT_COMPLETED: u8 = 3;

/// One line per event that a person watching the run cares about.
fn describe(event: &Event<'_>) -> Option<String> {
    match event {
        Event::StepStarted { step, run, .. } if *run > 1 => Some(format!("step {step} (poll {run})")),
        Event::StepStarted { step, .. } => Some(format!("step {step}")),
        Event::Exchange {
            method,
            url,
            status,
            elapsed,
            attempts,
            ..
        } => {
            let retries = if *attempts > 1 {
                format!(", {} attempts", attempts)
            } else {
                String::new()
            };
            Some(format!("  {method} {url} -> HTTP {status} ({} ms{retries})", elapsed.as_millis()))
        }
        Event::StepSucceeded { outputs, .. } => {
            let status = outputs.get("status").or_else(|| outputs.get("startedStatus"))?;
            Some(format!("  autofix status: {}", status.as_str().unwrap_or("?")))
        }
        Event::Waiting { step, delay, reason, .. } => {
            let why = match reason {
                WaitReason::Poll => "polling",
                WaitReason::Retry => "retrying",
                _ => "running",
            };
            Some(format!("  waiting {:.1}s before {why} {step} again", delay.as_secs_f64()))
        }
        Event::Action {
            name: Some(name),
            kind,
            target,
            ..
        } => Some(match (kind, target) {
            (ActionKind::Goto, Some(t)) => format!("  action {name}: goto {t}"),
            (ActionKind::Retry, _) => format!("  action {name}: retry"),
            _ => format!("  action {name}: end"),
        }),
        Event::StepFailed { step, status, .. } => Some(format!("  step {step} failed with HTTP {status}")),
        Event::Retrying {
            method,
            url,
            attempt,
            reason,
            delay,
            ..
        } => Some(format!(
            "  {method} {url}: attempt {attempt} failed ({reason}); retrying in {:.1}s",
            delay.as_secs_f64()
        )),
        _ => None,
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    // A usage error exits 2, --help 0, as clap does for every command.
    let options = <Options as clap::Parser>::parse();
    let json = options.json;
    let say = move |line: String| {
        if json {
            eprintln!("{line}");
        } else {
            println!("{line}");
        }
    };

    // Keep the fake alive for the whole run.
    let (fake, base_url, token) = match &options.base_url {
        Some(url) => {
            let Ok(token) = std::env::var("SENTRY_AUTH_TOKEN") else {
                eprintln!("error: --base-url needs a token in SENTRY_AUTH_TOKEN");
                return ExitCode::from(2);
            };
            (None, url.clone(), token)
        }
        None => {
            let scenario = Scenario::default();
            let token = scenario.token.clone().unwrap_or_default();
            match FakeSeer::start(scenario).await {
                Ok(fake) => {
                    let url = fake.base_url();
                    say(format!("embedded fake Seer server at {url}"));
                    (Some(fake), url, token)
                }
                Err(e) => {
                    eprintln!("error: cannot start the fake Seer server: {e}");
                    return ExitCode::FAILURE;
                }
            }
        }
    };

    let client = seer_api::Client::new(base_url).with_bearer_token(token);
    if !(options.deadline.is_finite() && options.deadline > 0.0) {
        eprintln!("error: --deadline must be a positive number of seconds");
        return ExitCode::from(2);
    }
    let poll = arazzo::PollPolicy::default()
        .with_interval(Duration::from_millis(500), Duration::from_secs(30))
        .with_deadline(Duration::from_secs_f64(options.deadline));
    let workflows = Workflows::new(client).with_poll_policy(poll).with_observer(move |event| {
        if let Some(line) = describe(event) {
            say(line);
        }
    });
    let inputs = SeerAutofixIssueInputs {
        organization_id_or_slug: options.org,
        issue_id: options.issue,
        instruction: options.instruction,
    };
    let result = workflows.seer_autofix_issue(inputs).await;
    drop(fake);
    match result {
        Ok(outputs) => {
            let text = if options.json {
                serde_json::to_string(&outputs)
            } else {
                serde_json::to_string_pretty(&outputs)
            };
            match text {
                Ok(text) => {
                    if !options.json {
                        println!("outputs:");
                    }
                    println!("{text}");
                    if outputs.status == SeerAutofixStateStatus::Completed {
                        ExitCode::SUCCESS
                    } else {
                        let status = serde_json::to_value(&outputs.status).unwrap_or_default();
                        eprintln!("autofix ended with status {status}, not \"completed\"");
                        ExitCode::from(EXIT_NOT_COMPLETED)
                    }
                }
                Err(e) => {
                    eprintln!("error: cannot serialise the outputs: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(e) => {
            // One line, whatever the quoted body holds: scripts read the last line.
            let text = e.to_string();
            let line: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
            eprintln!("error: {}", line.join(" "));
            ExitCode::FAILURE
        }
    }
}
