//! The main job's progress lines, one per event a person watching a seed run cares about.
//!
//! Shared by `cargo run -p sentry-seer --example autofix` and the durable run of the same
//! workflow (`cargo run -p arazzo-temporal --example seed`), so both print the same lines.

use arazzo::{ActionKind, Event, WaitReason};

/// The line for `event`, or `None` for an event the progress output leaves out.
#[must_use]
pub fn describe(event: &Event<'_>) -> Option<String> {
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
                format!(", {attempts} attempts")
            } else {
                String::new()
            };
            Some(format!("  {method} {url} -> HTTP {status} ({} ms{retries})", elapsed.as_millis()))
        }
        Event::StepSucceeded { outputs, .. } => {
            if let Some(run) = outputs.get("runId") {
                return Some(format!("  autofix run {run} started"));
            }
            let status = outputs.get("status").or_else(|| outputs.get("startedStatus"))?;
            Some(format!("  autofix status: {}", status.as_str().unwrap_or("none yet")))
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
