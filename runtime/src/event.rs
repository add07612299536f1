//! What a workflow run tells its observers as it goes.
//!
//! Long polls are opaque without progress; every step start, HTTP exchange,
//! criterion outcome, action and wait is an [`Event`], delivered to a user
//! callback (the example's progress printing is one) and logged through
//! `tracing` so a service gets it in its usual logs.

use std::sync::Arc;
use std::time::Duration;

/// Why a run is waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitReason {
    /// A `goto` back to a step that already ran.
    Poll,
    /// A failure action of type `retry`.
    Retry,
}

/// The kind of a success or failure action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionKind {
    End,
    Goto,
    Retry,
    /// No action matched: the default (next step after success).
    Next,
}

/// One thing that happened during a run. Borrowed data: copy what you keep.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Event<'a> {
    WorkflowStarted {
        workflow: &'a str,
    },
    /// `run` is 1 the first time a step runs, 2 on its first revisit, ...
    StepStarted {
        workflow: &'a str,
        step: &'a str,
        run: u32,
    },
    Waiting {
        workflow: &'a str,
        step: &'a str,
        delay: Duration,
        reason: WaitReason,
    },
    Exchange {
        workflow: &'a str,
        step: &'a str,
        method: &'a str,
        url: &'a str,
        status: u16,
        elapsed: Duration,
        attempts: u32,
    },
    Criterion {
        workflow: &'a str,
        step: &'a str,
        condition: &'a str,
        passed: bool,
        /// Why the criterion could not be evaluated (it then did not pass): a value of the
        /// wrong type, a body that is not XML for an `xpath` criterion, ...
        error: Option<&'a str>,
    },
    StepSucceeded {
        workflow: &'a str,
        step: &'a str,
        outputs: &'a serde_json::Map<String, serde_json::Value>,
    },
    StepFailed {
        workflow: &'a str,
        step: &'a str,
        status: u16,
    },
    Action {
        workflow: &'a str,
        step: &'a str,
        name: Option<&'a str>,
        kind: ActionKind,
        target: Option<&'a str>,
    },
    WorkflowFinished {
        workflow: &'a str,
        outputs: &'a serde_json::Value,
    },
}

/// A callback that receives every [`Event`] of a run.
pub type Observer = Arc<dyn Fn(&Event<'_>) + Send + Sync>;

/// Sends an event to the observer, if any, and to `tracing`.
pub fn emit(observer: Option<&Observer>, event: &Event<'_>) {
    match event {
        Event::Exchange {
            workflow,
            step,
            method,
            url,
            status,
            elapsed,
            attempts,
        } => tracing::info!(
            workflow,
            step,
            method,
            url,
            status,
            elapsed_ms = elapsed.as_millis() as u64,
            attempts,
            "http exchange"
        ),
        Event::Waiting {
            workflow,
            step,
            delay,
            reason,
        } => tracing::info!(workflow, step, delay_ms = delay.as_millis() as u64, ?reason, "waiting"),
        other => tracing::debug!(event = ?other, "workflow event"),
    }
    if let Some(observer) = observer {
        observer(event);
    }
}
