//! The state a compiled workflow carries from step to step.
//!
//! Generated code owns the control flow (an enum of steps and a `match`);
//! this type owns the data: inputs, the current exchange, step outputs, the
//! poll clock, and the evaluation of runtime expressions and criteria against
//! all of that. Criteria, expressions and templates arrive parsed (see
//! `parsed.rs`), each beside the text the spec wrote, for events and errors.
//! So do Selector Objects, a `receive` step's correlation id and its
//! message constants (Arazzo 1.1); only [`Run::value`], for callers outside
//! generated code, parses text.

use std::borrow::Cow;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use arazzo_expr::{Expression, JsonPointer, Resolve, Source, StringValue, WorkflowField};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use tracing::Instrument;

use crate::client::{Exchange, HttpClient, Request};
use crate::error::WorkflowError;
use crate::event::{ActionKind, Event, Observer, WaitReason};
use crate::executor::{Executor, within};
use crate::named::Named;
use crate::parsed::{Check, Correlation, Expr, Select, Template};
use crate::payload::Payload;
use crate::poll::PollPolicy;
use crate::style::ParamSpec;

/// How deep workflows may call workflows (`workflowId` steps, `goto` to a
/// workflow, `dependsOn`) before the run stops with [`WorkflowError::TooDeep`].
pub const MAX_DEPTH: u32 = 16;

/// The future of a nested workflow run: boxed, because a workflow may
/// (indirectly) call itself.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A workflow's outputs by name, as nested runs return them.
pub type Outputs = Map<String, Value>;

/// Fails when a nested run would pass [`MAX_DEPTH`].
///
/// # Errors
///
/// [`WorkflowError::TooDeep`] past [`MAX_DEPTH`].
pub fn check_depth(workflow: &str, depth: u32) -> Result<(), WorkflowError> {
    if depth > MAX_DEPTH {
        return Err(WorkflowError::TooDeep {
            workflow: workflow.to_owned(),
            depth,
        });
    }
    Ok(())
}

/// Converts a workflow output into its generated Rust type. An output typed
/// `Option<T>` accepts "selected nothing"; any other type does not.
///
/// # Errors
///
/// [`WorkflowError::MissingValue`] when a non-`Option` output selected nothing,
/// [`WorkflowError::InvalidValue`] when the value does not fit `T`.
pub fn output<T: DeserializeOwned>(workflow: &str, outputs: &Outputs, name: &str, expr: &str) -> Result<T, WorkflowError> {
    let value = outputs.get(name);
    // Deserialised from the value in place: no copy of it is made.
    T::deserialize(value.unwrap_or(&Value::Null)).map_err(|e| {
        if value.is_none_or(Value::is_null) {
            WorkflowError::MissingValue {
                workflow: workflow.to_owned(),
                step: None,
                name: name.to_owned(),
                expression: expr.to_owned(),
            }
        } else {
            WorkflowError::InvalidValue {
                workflow: workflow.to_owned(),
                step: None,
                name: name.to_owned(),
                expression: expr.to_owned(),
                message: e.to_string(),
            }
        }
    })
}

/// A `replacements` entry with Selector Objects in its value, for [`Run::replace_with`]: a
/// replacement (target, value, the value's Selector Objects at their pointers into it).
pub type Replacement = (JsonPointer, Template, Vec<(JsonPointer, Select)>);

/// A Selector Object (Arazzo 1.1) as written in the spec: `selector` applied to what
/// `context` selects. What it yields is `arazzo_expr::Selector`'s rule (one node for a
/// pointer or singular JSONPath query, a list for any other query).
#[derive(Debug, Clone, Copy)]
pub struct SelectorSpec {
    /// The `context` runtime expression.
    pub context: &'static str,
    /// The `selector`.
    pub selector: &'static str,
    /// `jsonpath`, `jsonpointer` or `xpath`.
    pub kind: &'static str,
    /// The `version` of an Expression Type Object given as `type`.
    pub version: Option<&'static str>,
}

impl SelectorSpec {
    /// How the selector shows in errors: `$.a (jsonpath) on $response.body`.
    pub(crate) fn shown(&self) -> String {
        format!("{} ({}) on {}", self.selector, self.kind, self.context)
    }
}

/// One workflow execution: the data generated control flow reads and writes.
pub struct Run<'a> {
    workflow: &'static str,
    policy: &'a PollPolicy,
    observer: Option<&'a Observer>,
    /// Everything not pure computation goes through it (see `executor.rs`).
    executor: Arc<dyn Executor>,
    /// When the run began, on the executor's clock.
    started: Duration,
    visits: Named<&'static str, u32>,
    steps_taken: u32,
    inputs: Value,
    steps: Named<&'static str, Map<String, Value>>,
    outputs: Map<String, Value>,
    sources: &'a [(&'static str, String)],
    current: Option<Box<Exchange>>,
    /// Retries used per (step, failure action), so `retryLimit` is counted
    /// per action site as the spec requires.
    retries: Named<(&'static str, &'static str), u64>,
    /// Set by [`Run::retry`] so the next [`Run::enter`] of that step does not
    /// also wait by the poll policy.
    retrying: Option<&'static str>,
    /// Inputs and outputs of the workflows this run called or depended on,
    /// for `$workflows.<id>.inputs|outputs`.
    workflows: Named<&'static str, (Value, Outputs)>,
    /// The outcome of the current step when it calls a workflow.
    call: Option<Result<Outputs, WorkflowError>>,
    /// The method of the request being built, for `$method` before the
    /// exchange exists (in its parameters and payload).
    pending_method: Option<crate::client::Method>,
    /// `tracing` span of this run (a child of whatever span is current when
    /// it starts: the calling step's, for a workflow another one calls).
    span: tracing::Span,
    /// Span of the step being run (the run's span before the first step);
    /// every event, the HTTP exchange and called workflows go under it.
    step_span: tracing::Span,
    /// The first criterion of the current step that could not be evaluated, and why: a
    /// criterion that fails that way is "not met", and [`WorkflowError::StepFailed`] says why
    /// instead of leaving the user to guess from the body.
    criterion_error: Option<String>,
    /// When the current step began: its first run, not a `retry` of it, since a step's
    /// `timeout` bounds the whole step, retries included.
    step_started: Duration,
    /// The current step's `timeout` (Arazzo 1.1), set by [`Run::limit`] after [`Run::enter`].
    step_timeout: Option<std::time::Duration>,
    /// Set when the current step ran out of its `timeout`: it has no answer, fails, and its
    /// failure actions decide what happens (`$statusCode == null` matches it).
    timed_out: bool,
    /// The document's `$self` (Arazzo 1.1), for `$self` expressions.
    self_uri: Option<&'static str>,
    /// The values of inputs that are credentials (`format: password`, or named like one):
    /// replaced by `***` in every body an error of this run quotes.
    secret_inputs: Vec<String>,
    /// The message the current `receive` step took, for `$message`.
    message: Option<crate::inbox::Message>,
}

/// What a `receive` step waits for (generated code builds it parsed, once per process).
#[derive(Debug)]
pub struct ReceiveSpec {
    /// The channel address.
    pub address: &'static str,
    /// The messages' correlation id location and the step's `correlationId`.
    pub correlation: Option<Correlation>,
    /// Per message the step accepts, constants (JSON pointer into the payload, value) that
    /// must all hold; no lists, or an empty one, accepts any message.
    pub kinds: Vec<Vec<(JsonPointer, Value)>>,
    /// The step's `timeout` in milliseconds; without one the run's deadline bounds the wait.
    pub timeout_ms: Option<u64>,
}

/// A value's text for comparing correlation ids: strings as they are, anything else as
/// JSON (so the number 42 in a payload matches the input `"42"`).
fn correlation_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn message_part(message: &crate::inbox::Message, part: &arazzo_expr::MessagePart) -> Option<Value> {
    match part {
        arazzo_expr::MessagePart::Header(name) => message.header(name).map(|v| Value::String(v.to_owned())),
        arazzo_expr::MessagePart::Payload(pointer) => pointer_into(Some(&message.payload), pointer.as_ref()).map(Cow::into_owned),
    }
}

/// The engine for `xpath` criteria. Without the feature generated code using one does not
/// compile (`__require_xpath!`), so `None` is only reached by hand-written calls.
#[cfg(feature = "xpath")]
const XPATH: Option<&dyn arazzo_expr::XPathEngine> = Some(&crate::xpath::Xee);
#[cfg(not(feature = "xpath"))]
const XPATH: Option<&dyn arazzo_expr::XPathEngine> = None;

impl<'a> Run<'a> {
    /// `sources`: each source description's name and the base URL its client uses.
    pub fn new(
        workflow: &'static str,
        policy: &'a PollPolicy,
        observer: Option<&'a Observer>,
        inputs: Value,
        sources: &'a [(&'static str, String)],
    ) -> Self {
        let span = tracing::info_span!("workflow", workflow);
        let executor = crate::executor::current_executor();
        span.in_scope(|| executor.emit(observer, &Event::WorkflowStarted { workflow }));
        let started = executor.now();
        Run {
            workflow,
            policy,
            observer,
            executor,
            started,
            visits: Named::new(),
            steps_taken: 0,
            inputs,
            steps: Named::new(),
            outputs: Map::new(),
            sources,
            current: None,
            retries: Named::new(),
            retrying: None,
            workflows: Named::new(),
            call: None,
            pending_method: None,
            criterion_error: None,
            step_started: started,
            step_timeout: None,
            timed_out: false,
            self_uri: None,
            secret_inputs: Vec::new(),
            message: None,
            step_span: span.clone(),
            span,
        }
    }

    /// The document's `$self` URI (Arazzo 1.1), which `$self` expressions read.
    #[must_use]
    pub fn with_self(mut self, uri: &'static str) -> Self {
        self.self_uri = Some(uri);
        self
    }

    /// Marks inputs as credentials: their values are replaced by `***` in every body an
    /// error or `Debug` output of this run quotes.
    #[must_use]
    pub fn with_secret_inputs(mut self, names: &[&str]) -> Self {
        for name in names {
            if let Some(Value::String(value)) = self.inputs.get(*name) {
                self.secret_inputs.push(value.clone());
            }
        }
        self
    }

    /// Sends an event to the observer and, inside the current step's span,
    /// to `tracing`.
    fn emit(&self, event: &Event<'_>) {
        self.step_span.in_scope(|| self.executor.emit(self.observer, event));
    }

    /// Runs `future` (a called workflow) inside the current step's span, so
    /// its own spans nest under the step that called it.
    pub async fn within<F: Future>(&self, future: F) -> F::Output {
        future.instrument(self.step_span.clone()).await
    }

    /// Time since the run began, on the executor's clock.
    fn elapsed(&self) -> Duration {
        self.since(self.started)
    }

    fn since(&self, then: Duration) -> Duration {
        self.executor.now().saturating_sub(then)
    }

    /// The run's inputs, as an object.
    #[must_use]
    pub fn inputs(&self) -> &Value {
        &self.inputs
    }

    /// Tells observers about a wait, then waits.
    async fn wait(&self, step: &str, delay: std::time::Duration, reason: WaitReason) {
        self.emit(&Event::Waiting {
            workflow: self.workflow,
            step,
            delay,
            reason,
        });
        if !delay.is_zero() {
            self.executor.sleep(delay).await;
        }
    }

    /// The running workflow's `workflowId`.
    #[must_use]
    pub fn workflow(&self) -> &'static str {
        self.workflow
    }

    /// Called as a step begins. A revisit waits by the poll policy first, and
    /// fails with [`WorkflowError::Timeout`] when that wait would pass the deadline.
    ///
    /// # Errors
    ///
    /// [`WorkflowError::StepLimit`] past the policy's step limit, [`WorkflowError::Timeout`]
    /// when the wait before a revisit would pass the deadline.
    pub async fn enter(&mut self, step: &'static str) -> Result<(), WorkflowError> {
        self.steps_taken += 1;
        self.criterion_error = None;
        if self.steps_taken > self.policy.max_steps {
            return Err(WorkflowError::StepLimit {
                workflow: self.workflow.to_owned(),
                limit: self.policy.max_steps,
            });
        }
        let visits = self.visits.get_or_insert(step, 0);
        *visits += 1;
        let run = *visits;
        self.step_span = tracing::info_span!(parent: &self.span, "step", workflow = self.workflow, step, run);
        // Only the retried step itself skips the poll wait; a step run
        // before the retry (`retry` with `stepId`) leaves the mark in place.
        let retrying = self.retrying == Some(step);
        if retrying {
            self.retrying = None;
        }
        // Before the poll wait: the last response (its headers slice hyper's read buffer) would
        // otherwise stay pinned by every waiting run.
        self.current = None;
        if run > 1 && !retrying {
            let delay = self.policy.delay(run - 1);
            let elapsed = self.elapsed();
            if elapsed + delay > self.policy.deadline {
                return Err(WorkflowError::Timeout {
                    workflow: self.workflow.to_owned(),
                    step: step.to_owned(),
                    elapsed,
                    deadline: self.policy.deadline,
                    source: None,
                });
            }
            self.wait(step, delay, WaitReason::Poll).await;
        }
        self.call = None;
        self.pending_method = None;
        self.timed_out = false;
        self.step_timeout = None;
        if !retrying {
            self.step_started = self.executor.now();
        }
        self.message = None;
        self.emit(&Event::StepStarted {
            workflow: self.workflow,
            step,
            run,
        });
        Ok(())
    }

    /// Checks a step's `dependsOn` (Arazzo 1.1) right after [`Run::enter`], before anything
    /// is built or sent. `dependsOn` is a prerequisite, not a trigger: the generator has
    /// checked that each dependency comes earlier in the steps array, so in array order it
    /// has run; a `goto` may still reach the step first, and then the run fails here.
    ///
    /// # Errors
    ///
    /// [`WorkflowError::DependencyNotCompleted`] naming the first dependency that has not
    /// completed (met its success criteria) in this run.
    pub fn depends_on(&self, step: &str, dependencies: &[&str]) -> Result<(), WorkflowError> {
        match dependencies.iter().find(|d| !self.steps.contains_key(**d)) {
            None => Ok(()),
            Some(missing) => Err(WorkflowError::DependencyNotCompleted {
                workflow: self.workflow.to_owned(),
                step: step.to_owned(),
                dependency: (*missing).to_owned(),
            }),
        }
    }

    /// Starts a step's request. From here on `$method` reads its method:
    /// the spec evaluates parameters and payload "prior to calling the
    /// referenced operation", and `$method` is "those for the HTTP operation".
    pub fn request(&mut self, method: crate::client::Method, path: &'static str) -> Request {
        self.pending_method = Some(method.clone());
        Request::new(method, path)
    }

    /// The step's `timeout` in milliseconds (Arazzo 1.1): from the step's first run, retries
    /// included, everything it sends or calls must finish within it. Called right after
    /// [`Run::enter`] for steps that declare one.
    pub fn limit(&mut self, millis: u64) {
        self.step_timeout = Some(std::time::Duration::from_millis(millis));
    }

    /// What is left of the current step's `timeout` (`None`: the step has none).
    fn remaining(&self) -> Option<std::time::Duration> {
        self.step_timeout.map(|t| t.saturating_sub(self.since(self.step_started)))
    }

    /// Runs `future` (a request, a called workflow) within what is left of the step's
    /// `timeout`; `None` when the time ran out, after which the step has timed out.
    pub async fn bounded<F: Future>(&mut self, step: &str, future: F) -> Option<F::Output> {
        let out = within(&*self.executor, self.remaining(), future).await;
        if out.is_none() {
            self.mark_timed_out(step);
        }
        out
    }

    fn mark_timed_out(&mut self, step: &str) {
        self.timed_out = true;
        let timeout = self.step_timeout.unwrap_or_default();
        tracing::warn!(workflow = self.workflow, step, timeout_ms = timeout.as_millis(), "step timed out");
        self.emit(&Event::StepTimedOut {
            workflow: self.workflow,
            step,
            timeout,
            elapsed: self.since(self.step_started),
        });
    }

    /// Runs a workflow the step calls within the step's `timeout` (and inside its span).
    ///
    /// # Errors
    ///
    /// The called workflow's error, or [`WorkflowError::StepTimeout`] when the call was still
    /// running as the step's time ran out (it is abandoned).
    pub async fn call_within<F: Future<Output = Result<Outputs, WorkflowError>>>(
        &mut self,
        step: &str,
        future: F,
    ) -> Result<Outputs, WorkflowError> {
        let span = self.step_span.clone();
        match self.bounded(step, future.instrument(span)).await {
            Some(result) => result,
            None => Err(self.timeout_error(step)),
        }
    }

    /// Whether the current step ran out of its `timeout` (then it fails, whatever its
    /// success criteria say).
    #[must_use]
    pub fn timed_out(&self) -> bool {
        self.timed_out
    }

    /// Sends a step's request; the answer becomes `$response` / `$statusCode`. Within a
    /// step `timeout`, a request still unanswered when it runs out leaves the step without
    /// an answer and [`Run::timed_out`].
    ///
    /// # Errors
    ///
    /// [`WorkflowError::Client`] when the request got no usable answer.
    pub async fn send(&mut self, step: &'static str, client: &HttpClient, request: Request) -> Result<(), WorkflowError> {
        let on_retry = |notice: &crate::client::RetryNotice<'_>| {
            self.emit(&Event::Retrying {
                workflow: self.workflow,
                step,
                method: notice.method,
                url: notice.url,
                attempt: notice.attempt,
                reason: notice.reason,
                delay: notice.delay,
            });
        };
        // The run's deadline bounds the request too, not only the waits between steps; a
        // step's `timeout` (1.1) bounds it as well.
        let deadline = Some(self.policy.deadline.saturating_sub(self.elapsed()));
        let responses = request.responses;
        let sent = self
            .executor
            .send(client, request, deadline, &on_retry, &self.secret_inputs)
            .instrument(self.step_span.clone());
        // Without a step `timeout` the send is awaited as it is: no timer, and no second
        // future to move it into.
        let result = match self.remaining() {
            None => sent.await,
            remaining => {
                let Some(result) = within(&*self.executor, remaining, sent).await else {
                    self.mark_timed_out(step);
                    return Ok(());
                };
                result
            }
        };
        let exchange = result.map_err(|source| match source {
            crate::ClientError::Timeout {
                kind: crate::TimeoutKind::Deadline | crate::TimeoutKind::Queued,
                ..
            } => WorkflowError::Timeout {
                workflow: self.workflow.to_owned(),
                step: step.to_owned(),
                elapsed: self.elapsed(),
                deadline: self.policy.deadline,
                source: Some(Box::new(source)),
            },
            source => WorkflowError::Client {
                workflow: self.workflow.to_owned(),
                step: step.to_owned(),
                source: Box::new(source),
            },
        })?;
        self.emit(&Event::Exchange {
            workflow: self.workflow,
            step,
            method: exchange.method.as_str(),
            url: &exchange.url,
            status: exchange.status,
            elapsed: exchange.elapsed,
            attempts: exchange.attempts,
        });
        // Checked before criteria and outputs see the answer: a success is never built from
        // a body that does not match its documented schema.
        // `Off` does not pay for the check (a tenth of a seed run's client instructions).
        let mismatch = match self.policy.schema_checks {
            crate::SchemaChecks::Off => None,
            _ => exchange.schema_error(responses),
        };
        if let Some(crate::ClientError::ResponseSchema(error)) = mismatch {
            match self.policy.schema_checks {
                crate::SchemaChecks::Strict => {
                    return Err(WorkflowError::Client {
                        workflow: self.workflow.to_owned(),
                        step: step.to_owned(),
                        source: Box::new(crate::ClientError::ResponseSchema(error)),
                    });
                }
                crate::SchemaChecks::Warn => self.emit(&Event::SchemaMismatch {
                    workflow: self.workflow,
                    step,
                    operation: &error.operation,
                    status: error.status,
                    path: &error.mismatch.path,
                    expected: &error.mismatch.expected,
                }),
                crate::SchemaChecks::Off => {}
            }
        }
        self.current = Some(Box::new(exchange));
        Ok(())
    }

    /// A `send` step's outcome once its message was posted: the channel took it (any
    /// status below 400). Otherwise the reason goes to [`WorkflowError::StepFailed`].
    pub fn delivered(&mut self) -> bool {
        let status = self.current.as_ref().map_or(0, |e| e.status);
        if status >= 400 {
            self.criterion_error
                .get_or_insert_with(|| format!("the channel refused the message with HTTP {status}"));
        }
        status < 400
    }

    /// A `receive` step: waits for a message on `spec.address` that is one of the step's
    /// messages and carries its correlation id, until the step's `timeout` or the run's
    /// deadline, whichever comes first, both on the executor's clock. The executor takes it
    /// ([`Executor::receive`]: from `inbox` in process, from the run's history on Temporal). `true` with the message (now `$message`);
    /// `false` when the timeout passed (the step fails, so its failure actions apply).
    ///
    /// # Errors
    ///
    /// [`WorkflowError::Timeout`] when the run's deadline ends the wait,
    /// [`WorkflowError::MissingValue`] when the `correlationId` selects nothing.
    pub async fn receive(&mut self, step: &'static str, inbox: &crate::inbox::Inbox, spec: &ReceiveSpec) -> Result<bool, WorkflowError> {
        let expected = match &spec.correlation {
            None => None,
            Some(Correlation { part, id, .. }) => {
                let Some(value) = self.eval(Some(step), id)? else {
                    return Err(WorkflowError::MissingValue {
                        workflow: self.workflow.to_owned(),
                        step: Some(step.to_owned()),
                        name: "correlationId".to_owned(),
                        expression: id.text.to_owned(),
                    });
                };
                Some((part, correlation_text(&value)))
            }
        };
        // On the executor's clock, so that a durable engine measures the step's timeout and
        // the run's deadline on its own (workflow) time. A bound too far to represent is no
        // bound (a century is as good).
        let century = std::time::Duration::from_secs(100 * 365 * 86_400);
        let left = self.policy.deadline.saturating_sub(self.elapsed()).min(century);
        let bound = spec.timeout_ms.map(std::time::Duration::from_millis);
        let wait = bound.map_or(left, |b| b.min(left));
        self.emit(&Event::Waiting {
            workflow: self.workflow,
            step,
            delay: wait,
            reason: WaitReason::Message,
        });
        let accept = |m: &crate::inbox::Message| {
            let kind = spec.kinds.is_empty()
                || spec
                    .kinds
                    .iter()
                    .any(|constants| constants.iter().all(|(pointer, want)| pointer.resolve(&m.payload) == Some(want)));
            let correlated = expected
                .as_ref()
                .is_none_or(|(part, want)| message_part(m, part).is_some_and(|v| correlation_text(&v) == *want));
            kind && correlated
        };
        let address = crate::inbox::normalize(spec.address);
        let received = self
            .executor
            .receive(inbox, &address, &accept, wait)
            .instrument(self.step_span.clone())
            .await;
        match received {
            Some(message) => {
                self.emit(&Event::MessageReceived {
                    workflow: self.workflow,
                    step,
                    address: &message.address,
                });
                self.message = Some(message);
                Ok(true)
            }
            None if bound.is_none_or(|b| left < b) => Err(WorkflowError::Timeout {
                workflow: self.workflow.to_owned(),
                step: step.to_owned(),
                elapsed: self.elapsed(),
                deadline: self.policy.deadline,
                source: None,
            }),
            None => {
                let ms = spec.timeout_ms.unwrap_or_default();
                self.criterion_error.get_or_insert_with(|| {
                    format!(
                        "no matching message arrived on `{}` within the step's timeout of {ms} ms",
                        spec.address
                    )
                });
                Ok(false)
            }
        }
    }

    /// The exchange of the step being run.
    #[must_use]
    pub fn exchange(&self) -> Option<&Exchange> {
        self.current.as_deref()
    }

    fn expression_error(&self, step: Option<&str>, expression: &str, message: impl Into<String>) -> WorkflowError {
        WorkflowError::Expression {
            workflow: self.workflow.to_owned(),
            step: step.map(str::to_owned),
            expression: expression.to_owned(),
            message: message.into(),
        }
    }

    /// Evaluates a spec value that may be a literal, a runtime expression or a
    /// `{$...}` template. `Ok(None)`: the expression selected nothing.
    ///
    /// # Errors
    ///
    /// [`WorkflowError::Expression`] for an expression that cannot be evaluated,
    /// [`WorkflowError::MissingValue`] for a template part that selects nothing.
    pub fn value(&self, step: Option<&str>, text: &str) -> Result<Option<Value>, WorkflowError> {
        let parsed = arazzo_expr::classify(text).map_err(|e| self.expression_error(step, text, e.to_string()))?;
        self.evaluate(step, text, &parsed)
    }

    /// [`Run::value`] for a value the generator parsed.
    ///
    /// # Errors
    ///
    /// As [`Run::value`].
    pub fn eval(&self, step: Option<&str>, expr: &Expr) -> Result<Option<Value>, WorkflowError> {
        self.evaluate(step, expr.text, &expr.value)
    }

    fn evaluate(&self, step: Option<&str>, text: &str, parsed: &StringValue) -> Result<Option<Value>, WorkflowError> {
        match parsed {
            StringValue::Literal(s) => Ok(Some(Value::String(s.clone()))),
            StringValue::Expression(expr) => self
                .resolve(expr)
                .map(|v| v.map(Cow::into_owned))
                .map_err(|e| self.expression_error(step, text, e.to_string())),
            StringValue::Template(template) => {
                let mut out = String::new();
                for segment in &template.segments {
                    match segment {
                        arazzo_expr::Segment::Literal(s) => out.push_str(s),
                        arazzo_expr::Segment::Expression(expr) => {
                            let value = self.resolve(expr).map_err(|e| self.expression_error(step, text, e.to_string()))?;
                            match value.as_deref() {
                                Some(Value::String(s)) => out.push_str(s),
                                Some(other) => out.push_str(&other.to_string()),
                                None => {
                                    return Err(WorkflowError::MissingValue {
                                        workflow: self.workflow.to_owned(),
                                        step: step.map(str::to_owned),
                                        name: text.to_owned(),
                                        expression: expr.to_string(),
                                    });
                                }
                            }
                        }
                    }
                }
                Ok(Some(Value::String(out)))
            }
        }
    }

    /// Evaluates a parameter's value (a literal, an expression, a template,
    /// or a structure holding them) and adds it to the request serialised by
    /// the operation's `style` and `explode`. An optional parameter that
    /// selects nothing is left out; a required one is an error.
    ///
    /// # Errors
    ///
    /// As [`Run::value`], and [`WorkflowError::MissingValue`] for a required parameter.
    pub fn param(&self, step: &str, request: Request, spec: &ParamSpec, template: &Template) -> Result<Request, WorkflowError> {
        match self.payload_value(step, template)?.map(Payload::into_value) {
            Some(Value::Null) | None if !spec.required => Ok(request),
            Some(Value::Null) | None => Err(WorkflowError::MissingValue {
                workflow: self.workflow.to_owned(),
                step: Some(step.to_owned()),
                name: spec.name.to_owned(),
                expression: template.shown(),
            }),
            Some(value) => self.apply_param(step, request, spec, value, || template.shown()),
        }
    }

    /// Adds a parameter's value; a `querystring` one must be a string, as Arazzo 1.1
    /// says ("the value MUST resolve to a string representing the complete query string").
    fn apply_param(
        &self,
        step: &str,
        request: Request,
        spec: &ParamSpec,
        value: Value,
        expression: impl FnOnce() -> String,
    ) -> Result<Request, WorkflowError> {
        if matches!(spec.location, crate::style::In::QueryString { .. }) && !value.is_string() {
            return Err(WorkflowError::InvalidValue {
                workflow: self.workflow.to_owned(),
                step: Some(step.to_owned()),
                name: spec.name.to_owned(),
                expression: expression(),
                message: format!(
                    "a `querystring` parameter's value must be a string (the whole query string), found a JSON {}",
                    crate::schema::type_name(&value)
                ),
            });
        }
        Ok(spec.apply(request, value))
    }

    /// [`Run::param`] for a value holding Selector Objects (1.1): each is evaluated and put
    /// at its pointer into the value (where the template holds `null`).
    ///
    /// # Errors
    ///
    /// As [`Run::param`] and [`Run::select`].
    pub fn param_with(
        &self,
        step: &str,
        request: Request,
        spec: &ParamSpec,
        template: &Template,
        selectors: &[(JsonPointer, Select)],
    ) -> Result<Request, WorkflowError> {
        let built = self
            .payload_value(step, template)?
            .map(|p| self.place(step, p, selectors))
            .transpose()?;
        match built.map(Payload::into_value) {
            Some(Value::Null) | None if !spec.required => Ok(request),
            Some(Value::Null) | None => Err(WorkflowError::MissingValue {
                workflow: self.workflow.to_owned(),
                step: Some(step.to_owned()),
                name: spec.name.to_owned(),
                expression: selectors.first().map_or_else(|| template.shown(), |(_, s)| s.spec.shown()),
            }),
            Some(value) => self.apply_param(step, request, spec, value, || {
                selectors.first().map_or_else(|| template.shown(), |(_, s)| s.spec.shown())
            }),
        }
    }

    /// [`Run::payload`] for a payload holding Selector Objects (1.1).
    ///
    /// # Errors
    ///
    /// As [`Run::payload`] and [`Run::select`].
    pub fn payload_with(&self, step: &str, template: &Template, selectors: &[(JsonPointer, Select)]) -> Result<Payload, WorkflowError> {
        let payload = self.payload(step, template)?;
        self.place(step, payload, selectors)
    }

    /// Puts each selector's value at its pointer; one that selects nothing leaves its
    /// member out, as an expression that selects nothing does.
    fn place(&self, step: &str, mut payload: Payload, selectors: &[(JsonPointer, Select)]) -> Result<Payload, WorkflowError> {
        for (pointer, select) in selectors {
            match self.select(Some(step), select)? {
                Some(value) => {
                    payload.set(pointer.tokens(), Payload::Value(value));
                }
                None => payload.remove(pointer.tokens()),
            }
        }
        Ok(payload)
    }

    /// Applies a request body's `replacements`, in order, after the payload
    /// is built: each `target` is a JSON pointer into the payload; the value
    /// is evaluated like a payload. A target whose parent does not exist is
    /// an error, not a silent no-op.
    ///
    /// # Errors
    ///
    /// As [`Run::value`], and [`WorkflowError::MissingValue`] for a target whose parent
    /// does not exist.
    pub fn replace(&self, step: &str, mut payload: Payload, replacements: &[(JsonPointer, Template)]) -> Result<Payload, WorkflowError> {
        for (target, template) in replacements {
            let value = self.payload(step, template)?;
            self.put(step, &mut payload, target, value)?;
        }
        Ok(payload)
    }

    fn put(&self, step: &str, payload: &mut Payload, target: &JsonPointer, value: Payload) -> Result<(), WorkflowError> {
        if payload.set(target.tokens(), value) {
            return Ok(());
        }
        Err(WorkflowError::MissingValue {
            workflow: self.workflow.to_owned(),
            step: Some(step.to_owned()),
            name: "replacements".to_owned(),
            expression: target.as_str().to_owned(),
        })
    }

    /// [`Run::replace`] for replacement values holding Selector Objects (1.1): each value's
    /// selectors are put in place as in [`Run::payload_with`] (a value that is itself a
    /// Selector Object has the pointer `""`; selecting nothing makes it `null`, as an
    /// expression value that selects nothing does).
    ///
    /// # Errors
    ///
    /// As [`Run::replace`] and [`Run::select`].
    pub fn replace_with(&self, step: &str, mut payload: Payload, replacements: &[Replacement]) -> Result<Payload, WorkflowError> {
        for (target, template, selectors) in replacements {
            let value = self.payload(step, template)?;
            let value = self.place(step, value, selectors)?;
            self.put(step, &mut payload, target, value)?;
        }
        Ok(payload)
    }

    /// Records the outcome of a workflow a step called (`workflowId`): its
    /// inputs and outputs become `$workflows.<id>...`; its outputs become the
    /// step's outputs, under any the step declares itself.
    pub fn called(&mut self, step: &'static str, workflow: &'static str, inputs: Value, result: Result<Outputs, WorkflowError>) {
        if let Ok(outputs) = &result {
            self.workflows.insert(workflow, (inputs, outputs.clone()));
        } else {
            tracing::info!(workflow = self.workflow, step, callee = workflow, "called workflow failed");
        }
        self.call = Some(result);
    }

    /// Whether the workflow the current step called succeeded (true for
    /// steps that call an operation).
    #[must_use]
    pub fn call_succeeded(&self) -> bool {
        !matches!(self.call, Some(Err(_)))
    }

    /// Records a workflow run through `dependsOn` or a `goto`/`retry` to a
    /// workflow, for `$workflows.<id>...`.
    pub fn workflow_finished(&mut self, workflow: &'static str, inputs: Value, outputs: Outputs) {
        self.workflows.insert(workflow, (inputs, outputs));
    }

    /// A literal parameter value that is not a string in the spec (a number, a boolean).
    #[must_use]
    pub fn literal_parameter(value: &Value) -> String {
        match value {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        }
    }

    /// Builds a request payload: every string leaf is evaluated; an object
    /// member whose expression selects nothing is left out (so an absent
    /// optional input sends no key at all), an array item becomes null.
    ///
    /// The template keeps the spec's member order (see [`Payload`]).
    ///
    /// # Errors
    ///
    /// As [`Run::value`].
    pub fn payload(&self, step: &str, template: &Template) -> Result<Payload, WorkflowError> {
        Ok(self.payload_value(step, template)?.unwrap_or(Payload::Value(Value::Null)))
    }

    /// A step's inputs for the workflow it calls: a payload, by name.
    ///
    /// # Errors
    ///
    /// As [`Run::value`].
    pub fn call_inputs(&self, step: &str, template: &Template) -> Result<Value, WorkflowError> {
        self.payload(step, template).map(Payload::into_value)
    }

    /// [`Run::call_inputs`] for inputs holding Selector Objects (1.1), placed as in
    /// [`Run::payload_with`] (their pointers start with the input's name).
    ///
    /// # Errors
    ///
    /// As [`Run::value`] and [`Run::select`].
    pub fn call_inputs_with(&self, step: &str, template: &Template, selectors: &[(JsonPointer, Select)]) -> Result<Value, WorkflowError> {
        self.payload_with(step, template, selectors).map(Payload::into_value)
    }

    fn payload_value(&self, step: &str, template: &Template) -> Result<Option<Payload>, WorkflowError> {
        match template {
            Template::Text(expr) => Ok(self.eval(Some(step), expr)?.map(Payload::Value)),
            Template::Scalar(value) => Ok(Some(Payload::Value(value.clone()))),
            Template::Array(items) => items
                .iter()
                .map(|item| Ok(self.payload_value(step, item)?.unwrap_or(Payload::Value(Value::Null))))
                .collect::<Result<Vec<_>, _>>()
                .map(|v| Some(Payload::Array(v))),
            Template::Object(members) => {
                let mut out = Vec::with_capacity(members.len());
                for (key, value) in members {
                    if let Some(v) = self.payload_value(step, value)? {
                        out.push(((*key).to_owned(), v));
                    }
                }
                Ok(Some(Payload::Object(out)))
            }
        }
    }

    /// All criteria must hold (Arazzo: logical AND). An empty list holds.
    ///
    /// # Errors
    ///
    /// As [`Run::criterion`].
    pub fn criteria(&mut self, step: &str, criteria: &[Check]) -> Result<bool, WorkflowError> {
        for spec in criteria {
            if !self.criterion(step, spec)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// One criterion. Evaluation problems (a value of the wrong type, a body
    /// that is not XML for an `xpath` criterion) make the criterion false, as
    /// Arazzo 1.1 clarifies; the reason goes to the event, to `tracing`, and
    /// to [`WorkflowError::StepFailed`] if the step fails for want of a failure action.
    ///
    /// # Errors
    ///
    /// [`WorkflowError::Expression`] for a `regex` or `jsonpath` criterion whose pattern or
    /// queries did not compile (a generator bug: the generator compiled the same text).
    pub fn criterion(&mut self, step: &str, spec: &Check) -> Result<bool, WorkflowError> {
        let criterion = spec.criterion().map_err(|e| self.expression_error(Some(step), spec.text, e))?;
        let (passed, error) = match criterion.evaluate_with(&*self, XPATH) {
            Ok(passed) => (passed, None),
            Err(e) => {
                tracing::warn!(workflow = self.workflow, step, condition = spec.text, error = %e, "criterion could not be evaluated; treating it as not met");
                (false, Some(e.message))
            }
        };
        self.emit(&Event::Criterion {
            workflow: self.workflow,
            step,
            condition: spec.text,
            passed,
            error: error.as_deref(),
        });
        if let Some(message) = error {
            self.criterion_error
                .get_or_insert_with(|| format!("`{}` could not be evaluated: {message}", spec.text));
        }
        Ok(passed)
    }

    /// Evaluates a Selector Object: `Ok(None)` when the context or the selector selects
    /// nothing (a non-singular JSONPath query always yields a list).
    ///
    /// # Errors
    ///
    /// As [`Run::value`] for the context; [`WorkflowError::Expression`] for an `xpath`
    /// selector that cannot be evaluated.
    pub fn select(&self, step: Option<&str>, select: &Select) -> Result<Option<Value>, WorkflowError> {
        let spec = &select.spec;
        let selector = &select.selector;
        let Some(context) = self.eval(step, &select.context)? else {
            return Ok(None);
        };
        // A context that is JSON text (a string body a server sent as text/plain) is read as
        // JSON; an XPath selector reads the text as XML.
        let context = match context {
            Value::String(text) if !selector.is_xpath() => serde_json::from_str(&text).unwrap_or(Value::String(text)),
            other => other,
        };
        selector
            .select(&context, XPATH)
            .map_err(|e| self.expression_error(step, &spec.shown(), e.message))
    }

    /// Evaluates and records a step's outputs after it succeeded.
    ///
    /// # Errors
    ///
    /// As [`Run::value`], for an output.
    pub fn step_succeeded(&mut self, step: &'static str, outputs: &[(&'static str, Expr)]) -> Result<(), WorkflowError> {
        self.step_succeeded_with(step, outputs, &[])
    }

    /// [`Run::step_succeeded`] for a step with outputs that are Selector Objects.
    ///
    /// # Errors
    ///
    /// As [`Run::value`] and [`Run::select`], for an output.
    pub fn step_succeeded_with(
        &mut self,
        step: &'static str,
        outputs: &[(&'static str, Expr)],
        selectors: &[(&'static str, Select)],
    ) -> Result<(), WorkflowError> {
        let mut values = match &self.call {
            Some(Ok(outputs)) => outputs.clone(),
            _ => Map::new(),
        };
        for (name, expr) in outputs {
            if let Some(v) = self.eval(Some(step), expr)? {
                values.insert((*name).to_owned(), v);
            }
        }
        for (name, spec) in selectors {
            if let Some(v) = self.select(Some(step), spec)? {
                values.insert((*name).to_owned(), v);
            }
        }
        self.emit(&Event::StepSucceeded {
            workflow: self.workflow,
            step,
            outputs: &values,
        });
        self.steps.insert(step, values);
        Ok(())
    }

    /// Reports an action taken (or the default one).
    pub fn action(&self, step: &str, name: Option<&str>, kind: ActionKind, target: Option<&str>) {
        self.emit(&Event::Action {
            workflow: self.workflow,
            step,
            name,
            kind,
            target,
        });
    }

    /// The error for a step whose success criteria failed with no failure
    /// action to handle it.
    #[must_use]
    pub fn step_failed(&self, step: &str) -> WorkflowError {
        if let Some(Err(error)) = &self.call {
            // The called workflow's own error says what went wrong, and where.
            return error.clone();
        }
        let (status, body) = self.current.as_ref().map_or((0, String::new()), |e| (e.status, e.quoted_text()));
        self.emit(&Event::StepFailed {
            workflow: self.workflow,
            step,
            status,
        });
        if self.timed_out {
            return self.timeout_error(step);
        }
        WorkflowError::StepFailed {
            workflow: self.workflow.to_owned(),
            step: step.to_owned(),
            reason: self.criterion_error.clone(),
            status,
            body,
        }
    }

    /// [`WorkflowError::StepTimeout`] for the current step.
    #[must_use]
    pub fn timeout_error(&self, step: &str) -> WorkflowError {
        WorkflowError::StepTimeout {
            workflow: self.workflow.to_owned(),
            step: step.to_owned(),
            timeout: self.step_timeout.unwrap_or_default(),
            elapsed: self.since(self.step_started),
        }
    }

    /// A failure action of type `retry`: returns `false` once its
    /// `retryLimit` is used up, or the step's `timeout` is (it bounds retries too),
    /// so later failure actions are considered; otherwise waits (`Retry-After` from
    /// the response takes precedence over `retryAfter`) and returns `true`.
    pub async fn retry(&mut self, step: &'static str, action: &'static str, limit: u64, retry_after: Option<f64>) -> bool {
        if self.remaining().is_some_and(|r| r.is_zero()) {
            return false;
        }
        let used = self.retries.get_or_insert((step, action), 0);
        if *used >= limit {
            return false;
        }
        *used += 1;
        let from_header = self
            .current
            .as_ref()
            .and_then(|e| e.header("retry-after"))
            .and_then(crate::retry::parse_retry_after);
        let delay = from_header
            .or_else(|| {
                retry_after
                    .filter(|s| s.is_finite() && *s >= 0.0)
                    .map(std::time::Duration::from_secs_f64)
            })
            .unwrap_or_default();
        let elapsed = self.elapsed();
        let delay = delay.min(self.policy.deadline.saturating_sub(elapsed));
        let delay = self.remaining().map_or(delay, |r| delay.min(r));
        self.action(step, Some(action), ActionKind::Retry, Some(step));
        // As before a poll wait: the response is read (`Retry-After`) and the step runs again
        // (its `enter` would drop it), so a run waiting to retry pins no read buffer.
        self.current = None;
        self.wait(step, delay, WaitReason::Retry).await;
        self.retrying = Some(step);
        true
    }

    /// The error for a failure action of type `end`.
    #[must_use]
    pub fn ended(&self, step: &str, action: &str, outputs: &[(&'static str, Expr)]) -> WorkflowError {
        let (status, body) = self.current.as_ref().map_or((0, String::new()), |e| (e.status, e.quoted_text()));
        // The outputs that apply: those that evaluate now (a later step's
        // output does not exist, and is left out rather than an error).
        let mut applicable = self.outputs.clone();
        for (name, expr) in outputs {
            if let Ok(Some(value)) = self.eval(None, expr) {
                applicable.insert((*name).to_owned(), value);
            }
        }
        WorkflowError::Ended {
            workflow: self.workflow.to_owned(),
            step: step.to_owned(),
            action: action.to_owned(),
            status,
            body,
            outputs: Box::new(applicable),
        }
    }

    /// A form payload (an object) as name/value pairs; nested values are sent
    /// as their JSON text.
    #[must_use]
    pub fn form_pairs(payload: Payload) -> Vec<(String, String)> {
        match payload {
            Payload::Object(members) => members
                .into_iter()
                .map(|(k, v)| {
                    let text = match v {
                        Payload::Value(v) => Run::literal_parameter(&v),
                        nested => nested.to_string(),
                    };
                    (k, text)
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// A text body from a payload: a string as it is, anything else as its JSON text.
    #[must_use]
    pub fn text_payload(payload: Payload) -> String {
        match payload {
            Payload::Value(Value::String(s)) => s,
            other => other.to_string(),
        }
    }

    /// Evaluates the workflow's outputs that are Selector Objects (an output that selects
    /// nothing is left out), before [`Run::finish`] or [`Run::ended`] evaluates the rest.
    /// `strict: false` (for [`Run::ended`]) leaves out an output that cannot be evaluated.
    ///
    /// # Errors
    ///
    /// As [`Run::select`], when `strict`.
    pub fn select_outputs(&mut self, selectors: &[(&'static str, Select)], strict: bool) -> Result<(), WorkflowError> {
        for (name, spec) in selectors {
            match self.select(None, spec) {
                Ok(Some(v)) => {
                    self.outputs.insert((*name).to_owned(), v);
                }
                Err(e) if strict => return Err(e),
                Ok(None) | Err(_) => {}
            }
        }
        Ok(())
    }

    /// Evaluates the workflow's outputs (an output that selects nothing is
    /// left out) and marks the end of the run.
    ///
    /// # Errors
    ///
    /// As [`Run::value`], for an output.
    pub fn finish(&mut self, outputs: &[(&'static str, Expr)]) -> Result<Outputs, WorkflowError> {
        self.call = None;
        for (name, expr) in outputs {
            if let Some(v) = self.eval(None, expr)? {
                self.outputs.insert((*name).to_owned(), v);
            }
        }
        // The run ends here: its outputs move to the caller instead of being copied.
        let outputs = std::mem::take(&mut self.outputs);
        self.emit(&Event::WorkflowFinished {
            workflow: self.workflow,
            outputs: &outputs,
        });
        Ok(outputs)
    }
}

fn pointer_into<'a>(value: Option<&'a Value>, pointer: Option<&JsonPointer>) -> Option<Cow<'a, Value>> {
    let value = value?;
    match pointer {
        Some(p) => p.resolve(value).map(Cow::Borrowed),
        None => Some(Cow::Borrowed(value)),
    }
}

/// `$inputs.customer.firstName`: the ABNF's `name` may contain `.` (1.1
/// reads `a.b` as one name), and documents use it to read into an object
/// input. A key named exactly so wins; otherwise the longest key that is a `.`-prefix of the
/// name is read and the rest navigated member by member (a number indexes
/// an array). The checker has already proved that such a key is declared.
fn named<'v>(map: Option<&'v Map<String, Value>>, name: &str) -> Option<&'v Value> {
    let map = map?;
    if let Some(value) = map.get(name) {
        return Some(value);
    }
    let (key, rest) = name
        .match_indices('.')
        .rev()
        .find_map(|(i, _)| map.get_key_value(&name[..i]).map(|(k, _)| (k, &name[i + 1..])))?;
    rest.split('.').try_fold(map.get(key)?, |value, member| match value {
        Value::Object(m) => m.get(member),
        Value::Array(items) => items.get(member.parse::<usize>().ok()?),
        _ => None,
    })
}

fn find_header<'h>(headers: impl Iterator<Item = (&'h str, &'h str)>, name: &str) -> Option<Value> {
    headers
        .into_iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| Value::String(v.to_owned()))
}

impl Resolve for Run<'_> {
    fn resolve<'a>(&'a self, expr: &Expression) -> Result<Option<Cow<'a, Value>>, arazzo_expr::EvalError> {
        let exchange = self.current.as_ref();
        Ok(match expr {
            Expression::Url => exchange.map(|e| Cow::Owned(Value::String(e.url.clone()))),
            Expression::Method => exchange
                .map(|e| &e.method)
                .or(self.pending_method.as_ref())
                .map(|m| Cow::Owned(Value::String(m.as_str().to_owned()))),
            Expression::StatusCode => exchange.map(|e| Cow::Owned(Value::from(e.status))),
            Expression::Request(source) => {
                let Some(request) = exchange.map(|e| &e.request) else {
                    return Ok(None);
                };
                match source {
                    Source::Header(name) => {
                        find_header(request.headers.iter().map(|(k, v)| (k.as_str(), v.as_str())), name).map(Cow::Owned)
                    }
                    Source::Query(name) => request
                        .query
                        .iter()
                        .find(|(k, _)| k == name)
                        .map(|(_, v)| Cow::Owned(Value::String(v.clone()))),
                    Source::Path(name) => request
                        .path
                        .iter()
                        .find(|(k, _)| k == name)
                        .map(|(_, v)| Cow::Owned(Value::String(v.clone()))),
                    Source::Body(pointer) => {
                        let body = request.body.as_ref().map(crate::client::Body::to_json);
                        pointer_into(body.as_ref(), pointer.as_ref()).map(|v| Cow::Owned(v.into_owned()))
                    }
                }
            }
            Expression::Response(source) => {
                let Some(exchange) = exchange else {
                    return Ok(None);
                };
                match source {
                    Source::Header(name) => find_header(
                        exchange.headers.iter().filter_map(|(k, v)| Some((k.as_str(), v.to_str().ok()?))),
                        name,
                    )
                    .map(Cow::Owned),
                    Source::Query(_) | Source::Path(_) => None,
                    Source::Body(pointer) => match exchange.json() {
                        Some(json) => pointer_into(Some(json), pointer.as_ref()),
                        None if pointer.is_none() && !exchange.body.is_empty() => Some(Cow::Owned(Value::String(exchange.text()))),
                        // "Selected nothing" would hide the cause: an HTML error page, a
                        // truncated or invalid JSON body.
                        None if !exchange.body.iter().all(u8::is_ascii_whitespace) => {
                            return Err(arazzo_expr::EvalError::new(exchange.not_json_reason()));
                        }
                        None => None,
                    },
                }
            }
            Expression::Inputs { name, pointer } => pointer_into(named(self.inputs.as_object(), name), pointer.as_ref()),
            // In a step that called a workflow, `$outputs` reads the callee's
            // outputs (as the spec's own oauth example does); elsewhere this
            // workflow's.
            Expression::Outputs { name, pointer } => {
                let outputs = match &self.call {
                    Some(Ok(callee)) => callee,
                    _ => &self.outputs,
                };
                pointer_into(named(Some(outputs), name), pointer.as_ref())
            }
            Expression::Steps { step_id, output, pointer } => {
                pointer_into(named(self.steps.get(step_id.as_str()), output), pointer.as_ref())
            }
            Expression::Workflows {
                workflow_id,
                field,
                name,
                pointer,
            } => {
                let ran = self.workflows.get(workflow_id.as_str());
                let value = match field {
                    WorkflowField::Inputs => named(ran.and_then(|(inputs, _)| inputs.as_object()), name),
                    WorkflowField::Outputs => named(ran.map(|(_, outputs)| outputs), name),
                };
                pointer_into(value, pointer.as_ref())
            }
            Expression::SourceDescriptions { name, field } => self
                .sources
                .iter()
                .find(|(n, _)| n == name)
                .filter(|_| field == "url")
                .map(|(_, url)| Cow::Owned(Value::String(url.clone()))),
            Expression::Message(part) => self.message.as_ref().and_then(|m| message_part(m, part)).map(Cow::Owned),
            Expression::Components { .. } => None,
            Expression::SelfUri => self.self_uri.map(|uri| Cow::Owned(Value::String(uri.to_owned()))),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn dotted_names_read_into_the_longest_declared_prefix() {
        let map = json!({"customer": {"name": "Ann", "tags": ["a", "b"]}, "a.b": 1, "a": {"b": 2}});
        let map = map.as_object();
        assert_eq!(named(map, "customer.name"), Some(&json!("Ann")));
        assert_eq!(named(map, "customer.tags.1"), Some(&json!("b")));
        assert_eq!(named(map, "a.b"), Some(&json!(1)), "an exact key wins");
        assert_eq!(named(map, "customer.missing"), None);
        assert_eq!(named(map, "customer.name.x"), None);
        assert_eq!(named(map, "nobody.name"), None);
    }

    /// A run with `current` set to a 503 answer (and its headers) the way `send` leaves it.
    fn with_answer<'a>(policy: &'a PollPolicy, sources: &'a [(&'static str, String)]) -> Run<'a> {
        let mut run = Run::new("w", policy, None, json!({}), sources);
        let client = crate::client::HttpClient::new("http://127.0.0.1:9");
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("x-big", reqwest::header::HeaderValue::from_static("pinned"));
        let recorded = crate::client::RecordedExchange {
            method: "GET".to_owned(),
            url: "http://127.0.0.1:9/x".to_owned(),
            status: 503,
            headers,
            body: bytes::Bytes::from_static(b"busy"),
            elapsed: Duration::ZERO,
            attempts: 1,
        };
        run.current = Some(Box::new(client.replayed(
            Request::new(crate::client::Method::GET, "/x"),
            recorded,
            &[],
        )));
        run
    }

    #[tokio::test]
    async fn a_run_waiting_to_retry_or_poll_holds_no_response() {
        let (policy, sources) = (PollPolicy::default(), Vec::new());
        let mut run = with_answer(&policy, &sources);
        assert!(run.retry("s", "again", 1, Some(0.0)).await, "the retry is taken");
        assert!(run.current.is_none(), "the answer is dropped before the retry's wait");
        let mut run = with_answer(&policy, &sources);
        run.enter("s").await.expect("entered");
        assert!(run.current.is_none(), "a step starts (and polls) without the last answer");
    }

    #[test]
    fn nesting_is_capped() {
        assert!(check_depth("w", MAX_DEPTH).is_ok());
        assert!(matches!(check_depth("w", MAX_DEPTH + 1), Err(WorkflowError::TooDeep { .. })));
    }
}
