//! The main job: run the `seer-autofix-issue` workflow end to end.
//!
//! Two document pairs: the seed's (default) and, with `--live`, the live Sentry API's
//! (`specs/arazzo/seer-autofix-live.arazzo.yml`; README, "Running against sentry.io").
//! With no `--base-url`, an embedded fake is started on 127.0.0.1 (the seed fake, or with
//! `--live` the fake of the live API) and the workflow runs against it. With
//! `--base-url URL`, it runs against that server with the token from `SENTRY_AUTH_TOKEN`
//! (never printed); with `--live --region us|de` and no URL, against that regional
//! server of sentry.io.
//!
//! ```text
//! cargo run -p sentry-seer --example autofix -- [--live [--region us|de]] [--base-url URL]
//!     [--org SLUG] [--issue ID] [--instruction TEXT] [--json]
//! ```
//!
//! Flags are parsed by clap, like the `arazzo-codegen` CLI: `--opt value` and
//! `--opt=value` both work, and `--help` lists them.
//!
//! Exit status: 0 when the fix completed; 3 when the workflow finished with another
//! autofix status (`error`, `cancelled`, `awaiting_user_input`, ...; the outputs are still
//! printed); 1 when the run failed (the last line on stderr is then
//! `error: workflow `seer-autofix-issue`: ...`, naming for a refused step the status, the
//! method and URL, and what Sentry said, its `detail`, or "empty body"); 2 for a usage error
//! (a missing token included).

use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use arazzo::{Event, WorkflowError};
use arazzo_tests::fake_seer::{FakeSeer, Scenario};
use arazzo_tests::fake_sentry::{self, FakeSentry};
use sentry_seer::live::seer_live;
use sentry_seer::{SeerAutofixIssueInputs, Workflows, live, seer_api};

/// Runs the seer-autofix-issue workflow.
///
/// Without --base-url it starts an embedded fake server and runs against that;
/// with --base-url it uses the real server there and reads the token from
/// SENTRY_AUTH_TOKEN. --live runs the live Sentry API's workflow instead of the
/// seed's.
#[derive(Debug, clap::Parser)]
#[command(name = "autofix")]
struct Options {
    /// Run the live Sentry API's workflow (specs/arazzo/seer-autofix-live.arazzo.yml)
    #[arg(long)]
    live: bool,
    /// With --live and no --base-url: the sentry.io region to use
    #[arg(long, value_enum, requires = "live")]
    region: Option<Region>,
    /// API base URL: for the seed pair e.g. https://sentry.io/api/0, for --live the
    /// host, e.g. https://us.sentry.io (default: an embedded fake)
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

/// Sentry's data-storage regions, each its own API host.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Region {
    /// United States: https://us.sentry.io
    Us,
    /// European Union: https://de.sentry.io
    De,
}

impl Region {
    /// The live description's server with its `region` variable set.
    fn url(self) -> String {
        let region = match self {
            Region::Us => "us",
            Region::De => "de",
        };
        seer_live::ServerVariables { region: region.into() }.url()
    }
}

/// The workflow finished, but the autofix did not complete.
const EXIT_NOT_COMPLETED: u8 = 3;

/// The request a step sent last, so a refused step's error can name its URL.
type LastRequest = Arc<Mutex<Option<(String, String)>>>;

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

    if !(options.deadline.is_finite() && options.deadline > 0.0) {
        eprintln!("error: --deadline must be a positive number of seconds");
        return ExitCode::from(2);
    }
    let poll = arazzo::PollPolicy::default()
        .with_interval(Duration::from_millis(500), Duration::from_secs(30))
        .with_deadline(Duration::from_secs_f64(options.deadline));
    let last: LastRequest = Arc::default();
    let seen = last.clone();
    let observer = move |event: &Event<'_>| {
        if let Event::Exchange { method, url, .. } = event
            && let Ok(mut last) = seen.lock()
        {
            *last = Some(((*method).to_owned(), (*url).to_owned()));
        }
        if let Some(line) = sentry_seer::progress::describe(event) {
            say(line);
        }
    };
    let remote = match (&options.base_url, options.region) {
        (Some(url), _) => Some(url.clone()),
        (None, Some(region)) => Some(region.url()),
        (None, None) => None,
    };
    let token = match &remote {
        Some(url) => match std::env::var("SENTRY_AUTH_TOKEN") {
            Ok(token) => Some(token),
            Err(_) => {
                eprintln!("error: running against {url} needs a token in SENTRY_AUTH_TOKEN");
                return ExitCode::from(2);
            }
        },
        None => None,
    };

    // Keep the fake alive for the whole run.
    let result = if options.live {
        let (fake, base_url, token) = match (remote, token) {
            (Some(url), Some(token)) => (None, url, token),
            _ => match FakeSentry::start(fake_sentry::Scenario::agent()).await {
                Ok(fake) => {
                    let url = fake.base_url();
                    say(format!("embedded fake of the live Sentry API at {url}"));
                    (Some(fake), url, fake_sentry::DEFAULT_TOKEN.to_owned())
                }
                Err(e) => {
                    eprintln!("error: cannot start the fake Sentry server: {e}");
                    return ExitCode::FAILURE;
                }
            },
        };
        let client = seer_live::Client::new(base_url).with_bearer_token(token);
        let workflows = live::Workflows::new(client).with_poll_policy(poll).with_observer(observer);
        let inputs = live::SeerAutofixIssueInputs {
            organization_id_or_slug: options.org,
            issue_id: options.issue,
            instruction: options.instruction,
        };
        let result = workflows.seer_autofix_issue(inputs).await.map(|o| printed(&o, options.json));
        drop(fake);
        result
    } else {
        let (fake, base_url, token) = match (remote, token) {
            (Some(url), Some(token)) => (None, url, token),
            _ => {
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
        let workflows = Workflows::new(client).with_poll_policy(poll).with_observer(observer);
        let inputs = SeerAutofixIssueInputs {
            organization_id_or_slug: options.org,
            issue_id: options.issue,
            instruction: options.instruction,
        };
        let result = workflows.seer_autofix_issue(inputs).await.map(|o| printed(&o, options.json));
        drop(fake);
        result
    };
    let last = last.lock().ok().and_then(|l| l.clone());
    finish(result, last, options.json)
}

/// The outputs as printed (in declaration order: the typed struct, not a JSON map) and
/// their `status`.
fn printed<O: serde::Serialize>(outputs: &O, json: bool) -> serde_json::Result<(String, serde_json::Value)> {
    let text = if json {
        serde_json::to_string(outputs)?
    } else {
        serde_json::to_string_pretty(outputs)?
    };
    let status = serde_json::to_value(outputs)?.get("status").cloned().unwrap_or_default();
    Ok((text, status))
}

/// Prints the outputs (or the error, as one line) and picks the exit status.
fn finish(
    result: Result<serde_json::Result<(String, serde_json::Value)>, WorkflowError>,
    last: Option<(String, String)>,
    json: bool,
) -> ExitCode {
    match result {
        Ok(Ok((text, status))) => {
            if !json {
                println!("outputs:");
            }
            println!("{text}");
            // The live API's legacy runs say `COMPLETED`.
            if status.as_str().is_some_and(|s| s.eq_ignore_ascii_case("completed")) {
                ExitCode::SUCCESS
            } else {
                eprintln!("autofix ended with status {status}, not \"completed\"");
                ExitCode::from(EXIT_NOT_COMPLETED)
            }
        }
        Ok(Err(e)) => {
            eprintln!("error: cannot serialise the outputs: {e}");
            ExitCode::FAILURE
        }
        Err(e) => {
            // One line, whatever the quoted body holds: scripts read the last line.
            let text = explain(&e, last);
            let line: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
            eprintln!("error: {}", line.join(" "));
            ExitCode::FAILURE
        }
    }
}

/// A refused step names the request it sent and what the server said: Sentry's
/// `{"detail": ...}` as its words, an empty body as "empty body", anything else quoted.
fn explain(error: &WorkflowError, last: Option<(String, String)>) -> String {
    let text = error.to_string();
    let (
        WorkflowError::StepFailed {
            workflow,
            step,
            status,
            body,
            ..
        },
        Some((method, url)),
    ) = (error, last)
    else {
        return text;
    };
    let said = serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v.get("detail").and_then(|d| d.as_str()).map(str::to_owned));
    let head = format!("workflow `{workflow}`: step `{step}` failed: HTTP {status} from {method} {url}");
    if let Some(detail) = said {
        format!("{head}: Sentry said \"{detail}\"")
    } else if body.trim().is_empty() {
        format!("{head}: empty body")
    } else {
        text.replacen(&format!("HTTP {status} "), &format!("HTTP {status} from {method} {url} "), 1)
    }
}
