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
#[non_exhaustive]
pub enum WaitReason {
    /// A `goto` back to a step that already ran.
    Poll,
    /// A failure action of type `retry`.
    Retry,
    /// A `receive` step waiting for its message (`delay`: at most this long).
    Message,
}

/// The kind of a success or failure action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ActionKind {
    /// `type: end`: the workflow ends.
    End,
    /// `type: goto`: to a step or a workflow.
    Goto,
    /// `type: retry`: the step runs again.
    Retry,
    /// No action matched: the default (next step after success).
    Next,
}

/// One thing that happened during a run. Borrowed data: copy what you keep.
///
/// The enum and its variants are `#[non_exhaustive]` (new events, new fields):
/// match with `..` and a wildcard arm.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Event<'a> {
    /// A run began.
    #[non_exhaustive]
    WorkflowStarted {
        /// The workflow's `workflowId`.
        workflow: &'a str,
    },
    /// A step began (after any wait).
    #[non_exhaustive]
    StepStarted {
        /// The workflow's `workflowId`.
        workflow: &'a str,
        /// The step's `stepId`.
        step: &'a str,
        /// 1 the first time a step runs, 2 on its first revisit, ...
        run: u32,
    },
    /// The run waits before running a step (again).
    #[non_exhaustive]
    Waiting {
        /// The workflow's `workflowId`.
        workflow: &'a str,
        /// The step that runs after the wait.
        step: &'a str,
        /// How long.
        delay: Duration,
        /// Why.
        reason: WaitReason,
    },
    /// A step's request got its answer (after any transport retries).
    #[non_exhaustive]
    Exchange {
        /// The workflow's `workflowId`.
        workflow: &'a str,
        /// The step's `stepId`.
        step: &'a str,
        /// The request method.
        method: &'a str,
        /// The URL, with any credential in the query shown as `***`.
        url: &'a str,
        /// The answer's status.
        status: u16,
        /// From the first attempt to the last answer.
        elapsed: Duration,
        /// 1 + the transport's retries.
        attempts: u32,
    },
    /// The transport is about to retry a step's request: the attempt that failed, why, and
    /// the wait before the next one.
    #[non_exhaustive]
    Retrying {
        /// The workflow's `workflowId`.
        workflow: &'a str,
        /// The step's `stepId`.
        step: &'a str,
        /// The request method.
        method: &'a str,
        /// The URL, credentials shown as `***`.
        url: &'a str,
        /// The attempt that failed (1 for the first).
        attempt: u32,
        /// Why it is retried (`HTTP 503`, `timed out: ...`, the transport error).
        reason: &'a str,
        /// The wait before the next attempt.
        delay: Duration,
    },
    /// A criterion was evaluated.
    #[non_exhaustive]
    Criterion {
        /// The workflow's `workflowId`.
        workflow: &'a str,
        /// The step's `stepId`.
        step: &'a str,
        /// The condition as written.
        condition: &'a str,
        /// Whether it holds.
        passed: bool,
        /// Why the criterion could not be evaluated (it then did not pass): a value of the
        /// wrong type, a body that is not XML for an `xpath` criterion, ...
        error: Option<&'a str>,
    },
    /// A step met its success criteria; its outputs are recorded.
    #[non_exhaustive]
    StepSucceeded {
        /// The workflow's `workflowId`.
        workflow: &'a str,
        /// The step's `stepId`.
        step: &'a str,
        /// The step's outputs by name.
        outputs: &'a serde_json::Map<String, serde_json::Value>,
    },
    /// A step did not meet its success criteria and no failure action handled it.
    #[non_exhaustive]
    StepFailed {
        /// The workflow's `workflowId`.
        workflow: &'a str,
        /// The step's `stepId`.
        step: &'a str,
        /// The answer's status.
        status: u16,
    },
    /// A step's `timeout` (Arazzo 1.1) ran out: its request or called workflow is abandoned
    /// and the step fails (its failure actions may still handle it; otherwise the run ends
    /// with [`WorkflowError::StepTimeout`](crate::WorkflowError::StepTimeout)).
    #[non_exhaustive]
    StepTimedOut {
        /// The workflow's `workflowId`.
        workflow: &'a str,
        /// The step's `stepId`.
        step: &'a str,
        /// The step's `timeout`.
        timeout: Duration,
        /// Since the step's first run (retries included).
        elapsed: Duration,
    },
    /// A success or failure action was taken (or the default one).
    #[non_exhaustive]
    Action {
        /// The workflow's `workflowId`.
        workflow: &'a str,
        /// The step's `stepId`.
        step: &'a str,
        /// The action's `name` (`None` for the default).
        name: Option<&'a str>,
        /// Its type.
        kind: ActionKind,
        /// The step or workflow it goes to, if any.
        target: Option<&'a str>,
    },
    /// A `receive` step took a message from the inbox.
    #[non_exhaustive]
    MessageReceived {
        /// The workflow's `workflowId`.
        workflow: &'a str,
        /// The step's `stepId`.
        step: &'a str,
        /// The channel address it arrived on.
        address: &'a str,
    },
    /// In lenient mode ([`crate::SchemaChecks::Warn`]), a step's answer did not match the
    /// schema its operation documents for the status; the step went on with it.
    #[non_exhaustive]
    SchemaMismatch {
        /// The workflow's `workflowId`.
        workflow: &'a str,
        /// The step's `stepId`.
        step: &'a str,
        /// The operationId, or `METHOD /path`.
        operation: &'a str,
        /// The answer's status.
        status: u16,
        /// Where the body departs from the schema (`$.models`).
        path: &'a str,
        /// What was expected there.
        expected: &'a str,
    },
    /// A run reached its outputs.
    #[non_exhaustive]
    WorkflowFinished {
        /// The workflow's `workflowId`.
        workflow: &'a str,
        /// The outputs, by name.
        outputs: &'a crate::run::Outputs,
    },
}

/// A callback that receives every [`Event`] of a run (a generated
/// `Workflows::with_observer` takes any such closure).
pub type Observer = Arc<dyn Fn(&Event<'_>) + Send + Sync>;

/// Sends an event to the observer, if any, and to `tracing`.
pub(crate) fn emit(observer: Option<&Observer>, event: &Event<'_>) {
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
            elapsed_ms = crate::client::millis(*elapsed),
            attempts,
            "http exchange"
        ),
        Event::Waiting {
            workflow,
            step,
            delay,
            reason,
        } => tracing::info!(workflow, step, delay_ms = crate::client::millis(*delay), ?reason, "waiting"),
        Event::Retrying {
            workflow,
            step,
            attempt,
            reason,
            delay,
            ..
        } => tracing::info!(
            workflow,
            step,
            attempt,
            reason,
            delay_ms = crate::client::millis(*delay),
            "retrying"
        ),
        Event::SchemaMismatch {
            workflow,
            step,
            operation,
            status,
            path,
            expected,
        } => tracing::warn!(
            workflow,
            step,
            operation,
            status,
            path,
            expected,
            "response does not match its schema"
        ),
        other => tracing::debug!(event = ?other, "workflow event"),
    }
    if let Some(observer) = observer {
        observer(event);
    }
}
