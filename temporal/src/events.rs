//! A run's events as Temporal shows them: the workflow keeps each [`arazzo::Event`] as a
//! [`StepEvent`] in its state, answers the `events` query with them (so a starter, the CLI
//! or the UI sees how far a run is while it waits), and sets the run's "current details" to
//! the latest one.
//!
//! The events are rebuilt on replay (a new worker that takes over a run answers the same
//! query with the same events), and none of them is written to history: queries and current
//! details are answered by a worker from its state, so they cost no history events.

use std::time::Duration;

use arazzo::{ActionKind, Event, WaitReason};
use serde::{Deserialize, Serialize};

/// One event of a run, as the `events` query returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StepEvent {
    /// What happened: `workflow_started`, `step_started`, `waiting`, `exchange`, `retrying`,
    /// `criterion`, `step_succeeded`, `step_failed`, `step_timed_out`, `action`,
    /// `message_received`, `schema_mismatch`, `workflow_finished` (or `other`, for an event
    /// newer than this crate).
    pub kind: String,
    /// The Arazzo `workflowId`.
    pub workflow: String,
    /// The step, when the event belongs to one.
    pub step: Option<String>,
    /// The HTTP status, for an exchange or a failed step.
    pub status: Option<u16>,
    /// The rest, as one line (`GET http://.../ 200 in 3 ms`, `poll in 3000 ms`, ...).
    pub detail: String,
}

fn ms(d: Duration) -> u128 {
    d.as_millis()
}

impl StepEvent {
    /// The event as kept and queried.
    #[must_use]
    pub fn of(event: &Event<'_>) -> StepEvent {
        let (kind, workflow, step, status, detail): (&str, &str, Option<&str>, Option<u16>, String) = match event {
            Event::WorkflowStarted { workflow, .. } => ("workflow_started", workflow, None, None, String::new()),
            Event::StepStarted { workflow, step, run, .. } => ("step_started", workflow, Some(step), None, format!("run {run}")),
            Event::Waiting {
                workflow,
                step,
                delay,
                reason,
                ..
            } => {
                let why = match reason {
                    WaitReason::Poll => "poll",
                    WaitReason::Retry => "retry",
                    WaitReason::Message => "message",
                    _ => "wait",
                };
                ("waiting", workflow, Some(step), None, format!("{why} in {} ms", ms(*delay)))
            }
            Event::Exchange {
                workflow,
                step,
                method,
                url,
                status,
                elapsed,
                attempts,
                ..
            } => (
                "exchange",
                workflow,
                Some(step),
                Some(*status),
                format!("{method} {url} {status} in {} ms, {attempts} attempt(s)", ms(*elapsed)),
            ),
            Event::Retrying {
                workflow,
                step,
                method,
                url,
                attempt,
                reason,
                delay,
                ..
            } => (
                "retrying",
                workflow,
                Some(step),
                None,
                format!("{method} {url} attempt {attempt}: {reason}; next in {} ms", ms(*delay)),
            ),
            Event::Criterion {
                workflow,
                step,
                condition,
                passed,
                error,
                ..
            } => (
                "criterion",
                workflow,
                Some(step),
                None,
                match error {
                    Some(e) => format!("{condition}: {passed} ({e})"),
                    None => format!("{condition}: {passed}"),
                },
            ),
            Event::StepSucceeded {
                workflow, step, outputs, ..
            } => (
                "step_succeeded",
                workflow,
                Some(step),
                None,
                outputs.keys().cloned().collect::<Vec<_>>().join(", "),
            ),
            Event::StepFailed {
                workflow, step, status, ..
            } => ("step_failed", workflow, Some(step), Some(*status), String::new()),
            Event::StepTimedOut {
                workflow,
                step,
                timeout,
                elapsed,
                ..
            } => (
                "step_timed_out",
                workflow,
                Some(step),
                None,
                format!("timeout {} ms, ran {} ms", ms(*timeout), ms(*elapsed)),
            ),
            Event::Action {
                workflow,
                step,
                name,
                kind,
                target,
                ..
            } => {
                let kind = match kind {
                    ActionKind::End => "end",
                    ActionKind::Goto => "goto",
                    ActionKind::Retry => "retry",
                    ActionKind::Next => "next",
                    _ => "action",
                };
                let mut detail = kind.to_owned();
                if let Some(name) = name {
                    detail = format!("{detail} `{name}`");
                }
                if let Some(target) = target {
                    detail = format!("{detail} -> {target}");
                }
                ("action", workflow, Some(step), None, detail)
            }
            Event::MessageReceived {
                workflow, step, address, ..
            } => ("message_received", workflow, Some(step), None, (*address).to_owned()),
            Event::SchemaMismatch {
                workflow,
                step,
                operation,
                status,
                path,
                expected,
                ..
            } => (
                "schema_mismatch",
                workflow,
                Some(step),
                Some(*status),
                format!("{operation}: {path}: expected {expected}"),
            ),
            Event::WorkflowFinished { workflow, .. } => ("workflow_finished", workflow, None, None, String::new()),
            other => ("other", "", None, None, format!("{other:?}")),
        };
        StepEvent {
            kind: kind.to_owned(),
            workflow: workflow.to_owned(),
            step: step.map(str::to_owned),
            status,
            detail,
        }
    }

    /// One line, for the run's current details.
    #[must_use]
    pub fn line(&self) -> String {
        let mut line = self.kind.clone();
        if let Some(step) = &self.step {
            line = format!("{line} {step}");
        }
        if !self.detail.is_empty() {
            line = format!("{line}: {}", self.detail);
        }
        line
    }
}
