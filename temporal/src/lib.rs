//! Runs compiled Arazzo workflows as durable Temporal workflows.
//!
//! A generated `Workflows` value runs the same way in process and here: this crate installs
//! an [`arazzo::Executor`] (with [`arazzo::with_executor`]) whose HTTP exchanges are Temporal
//! activities (their results recorded in history, so a replay after a crash reads them
//! instead of sending again), whose waits are durable timers and whose clock is workflow
//! time (so the run's deadline survives restarts). A `receive` step takes its message from
//! the run's own `arazzo-message` signals ([`RunHandle::deliver`], [`Starter::deliver`]),
//! recorded in history like everything else, and waits for it on a durable timer. No second
//! code generator: the generated state machine is unchanged and deterministic given those.
//!
//! - [`Document`]: what a worker runs (the generated `run_by_id`, and the HTTP clients
//!   whose credentials stay in the worker process).
//! - [`worker`]: a Temporal worker for a task queue that runs any workflow of the document.
//! - [`Starter`]: starts a run under a caller-chosen id (starting the same id again attaches
//!   to the existing run) and returns its typed outputs or the [`arazzo::WorkflowError`];
//!   delivers messages to runs waiting in `receive` steps (a webhook handler's job).

pub mod dev_server;
mod events;
mod wire;

pub use events::StepEvent;

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::task::Poll;
use std::time::{Duration, UNIX_EPOCH};

use arazzo::serde_json::Value;
use arazzo::{
    Accept, BoxFuture, ClientError, Event, Exchange, Executor, HttpClient, Inbox, Message, Observer, OnRetry, Outputs, Request,
    WorkflowError,
};
use send_wrapper::SendWrapper;
use serde::{Deserialize, Serialize};
use temporalio_client::errors::{WorkflowGetResultError, WorkflowStartError};
use temporalio_client::{
    Client, WorkflowGetResultOptions, WorkflowIdConflictPolicy, WorkflowIdReusePolicy, WorkflowQueryOptions, WorkflowSignalOptions,
    WorkflowStartOptions,
};
use temporalio_common::RetryPolicy;
use temporalio_common::error::IncomingError;
use temporalio_macros::{activities, workflow, workflow_methods};
use temporalio_sdk::activities::{ActivityContext, ActivityError};
use temporalio_sdk::{
    ActivityOptions, ApplicationFailure, CancellableFuture, SyncWorkflowContext, TimerOptions, WorkflowContext, WorkflowContextView,
    WorkflowResult,
};

pub use temporalio_client;
pub use temporalio_sdk;

use wire::{WireError, WireExchange, WireMessage, WireRequest, WireRetry, WireWorkflowError};

/// Runs one workflow of a document by its `workflowId` on JSON inputs: the generated
/// `Workflows::run_by_id`.
pub type RunById = Arc<dyn Fn(String, Value) -> BoxFuture<'static, Result<Outputs, WorkflowError>> + Send + Sync>;

/// What a worker runs: a document's workflows and the clients they send with.
#[derive(Clone)]
pub struct Document {
    run: RunById,
    clients: HashMap<String, HttpClient>,
    activity_timeout: Duration,
}

impl std::fmt::Debug for Document {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Document")
            .field("clients", &self.clients)
            .field("activity_timeout", &self.activity_timeout)
            .finish_non_exhaustive()
    }
}

impl Document {
    /// `run`: the generated `run_by_id`, e.g.
    /// `move |id, inputs| { let w = workflows.clone(); Box::pin(async move { w.run_by_id(&id, inputs).await }) }`.
    pub fn new(run: impl Fn(String, Value) -> BoxFuture<'static, Result<Outputs, WorkflowError>> + Send + Sync + 'static) -> Self {
        Document {
            run: Arc::new(run),
            clients: HashMap::new(),
            activity_timeout: Duration::from_secs(60),
        }
    }

    /// A client the workflows send with (each source description's, e.g.
    /// `workflows.seer_api().http()`). Activities find it by its base URL; its credentials
    /// never leave this process.
    #[must_use]
    pub fn client(mut self, client: &HttpClient) -> Self {
        self.clients.insert(client.base_url().to_owned(), client.clone());
        self
    }

    /// How long one HTTP activity (the transport's own retries included) may run before
    /// Temporal gives it to another worker (for idempotent requests) or fails it. Default 60 s.
    #[must_use]
    pub fn activity_timeout(mut self, timeout: Duration) -> Self {
        self.activity_timeout = timeout;
        self
    }
}

/// A run's input as recorded in history.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RunInput {
    /// The Arazzo `workflowId`.
    pub workflow: String,
    /// Its inputs.
    pub inputs: Value,
}

/// The Temporal failure type of a failed Arazzo run; its details are the
/// [`WorkflowError`]'s variant and fields, which the starter rebuilds.
pub const FAILURE_TYPE: &str = "arazzo.WorkflowError";

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// A failed run as the Temporal workflow's failure: non-retryable (running it again would
/// send its requests again), typed [`FAILURE_TYPE`], the error's message, and the error as
/// details (none for a variant newer than this crate: the starter then gets the message).
fn failure(error: &WorkflowError) -> ApplicationFailure {
    ApplicationFailure::builder(error.to_string())
        .type_name(FAILURE_TYPE.to_owned())
        .non_retryable(true)
        .maybe_details(WireWorkflowError::new(error))
        .build()
}

/// The Temporal workflow every Arazzo run is: one type, whatever the document.
///
/// The SDK builds workflow values with `Default` as well as with the worker's factory;
/// only the factory's has a document.
#[workflow]
#[derive(Default)]
pub struct ArazzoWorkflow {
    document: Option<Document>,
    /// The run's events so far, for the `events` query (rebuilt on replay).
    events: Vec<StepEvent>,
    /// Messages signalled to the run that no `receive` step took yet, oldest first (rebuilt
    /// on replay from the signals in history).
    messages: VecDeque<Message>,
}

/// The signal that hands a run a message for its `receive` steps ([`RunHandle::deliver`]).
pub const MESSAGE_SIGNAL: &str = "arazzo-message";

#[workflow_methods]
impl ArazzoWorkflow {
    /// Runs `input.workflow` of the worker's document with its executor.
    #[run(name = "arazzo")]
    pub async fn run(ctx: &mut WorkflowContext<Self>, input: RunInput) -> WorkflowResult<Outputs> {
        let Some(document) = ctx.state(|w| w.document.clone()) else {
            return Err(ApplicationFailure::builder(format!(
                "workflow `{}`: this worker was not built by arazzo_temporal::worker (no document)",
                input.workflow
            ))
            .non_retryable(true)
            .build()
            .into());
        };
        let executor = Arc::new(TemporalExecutor {
            ctx: SendWrapper::new(ctx.clone()),
            activity_timeout: document.activity_timeout,
            workflow: input.workflow.clone(),
            step: std::sync::Mutex::new(None),
        });
        let RunInput { workflow, inputs } = input;
        match arazzo::with_executor(executor, (document.run)(workflow, inputs)).await {
            Ok(outputs) => Ok(outputs),
            Err(error) => Err(failure(&error).into()),
        }
    }

    /// A message for the run's `receive` steps ([`RunHandle::deliver`]): kept until a step
    /// takes it, as an [`Inbox`] keeps it (the oldest dropped past [`arazzo::INBOX_CAPACITY`]).
    #[signal(name = "arazzo-message")]
    pub fn message(&mut self, _ctx: &mut SyncWorkflowContext<Self>, message: WireMessage) {
        if self.messages.len() >= arazzo::INBOX_CAPACITY {
            self.messages.pop_front();
        }
        self.messages.push_back(message.into());
    }

    /// The run's events so far ([`RunHandle::events`]).
    #[query(name = "events")]
    pub fn events(&self, _ctx: &WorkflowContextView) -> Vec<StepEvent> {
        self.events.clone()
    }
}

/// The executor inside a Temporal workflow. The context is `!Send` (`Rc`s); the SDK polls a
/// workflow on one thread, which is what `SendWrapper` requires.
struct TemporalExecutor {
    ctx: SendWrapper<WorkflowContext<ArazzoWorkflow>>,
    activity_timeout: Duration,
    /// The run's Arazzo `workflowId` (steps of workflows it calls are not its steps).
    workflow: String,
    /// The run's step now, for the summaries of its activities and timers.
    step: std::sync::Mutex<Option<String>>,
}

/// The step a run's activities and timers belong to is the start of their summary
/// (`pollFixState: GET /...`, `pollFixState: wait`): the summary is in history (the UI
/// shows it), so a starter learns where a run was when no worker is left to say, at no
/// cost of its own (a memo per step was one more history event and visibility update each:
/// 30 % of the dev server's throughput, measured). A stepId has no `:` in it.
const STEP_SEPARATOR: &str = ": ";

impl TemporalExecutor {
    /// `what`, prefixed with the run's current step.
    fn summary(&self, what: &str) -> String {
        match self.step.lock().unwrap_or_else(std::sync::PoisonError::into_inner).as_deref() {
            Some(step) => format!("{step}{STEP_SEPARATOR}{what}"),
            None => what.to_owned(),
        }
    }
}

/// An HTTP activity's input: the request, which client sends it, and the time left before
/// the run's deadline.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ExchangeInput {
    base_url: String,
    request: WireRequest,
    deadline_ms: Option<u64>,
}

/// An HTTP activity's result. A request without a usable answer is a result too (the
/// transport already retried it by the client's policy): only a lost worker makes Temporal
/// retry the activity.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum ExchangeOutcome {
    /// The answer, and the transport retries made on the way.
    Answered {
        /// The answer.
        exchange: WireExchange,
        /// The transport's retries.
        retries: Vec<WireRetry>,
    },
    /// No usable answer.
    Failed {
        /// Why.
        error: WireError,
        /// The transport's retries.
        retries: Vec<WireRetry>,
    },
}

impl Executor for TemporalExecutor {
    fn send<'a>(
        &'a self,
        client: &'a HttpClient,
        request: Request,
        deadline: Option<Duration>,
        on_retry: OnRetry<'a>,
        secrets: &'a [String],
    ) -> BoxFuture<'a, Result<Exchange, ClientError>> {
        let ctx = (*self.ctx).clone();
        let activity_timeout = deadline.map_or(self.activity_timeout, |d| d.min(self.activity_timeout).max(Duration::from_secs(1)));
        Box::pin(SendWrapper::new(async move {
            let wire = WireRequest::from_request(&request)?;
            let method = wire.method().to_owned();
            let shown = format!("{}{}", client.base_url(), wire.path_template());
            // A request that may have reached the server is not sent twice: Temporal
            // retries the activity (on another worker) only for idempotent methods.
            let attempts = if request.is_idempotent() { 0 } else { 1 };
            let options = ActivityOptions::with_start_to_close_timeout(activity_timeout)
                .retry_policy(RetryPolicy::builder().maximum_attempts(attempts).build())
                .summary(self.summary(&format!("{method} {}", wire.path_template())))
                .build();
            let input = ExchangeInput {
                base_url: client.base_url().to_owned(),
                request: wire,
                deadline_ms: deadline.map(millis),
            };
            match ctx.execute_activity(HttpActivities::exchange, input, options).await {
                Ok(ExchangeOutcome::Answered { exchange, retries }) => {
                    for retry in &retries {
                        retry.replay(on_retry);
                    }
                    Ok(client.replayed(request, exchange.into(), secrets))
                }
                Ok(ExchangeOutcome::Failed { error, retries }) => {
                    for retry in &retries {
                        retry.replay(on_retry);
                    }
                    Err(error.into_client_error())
                }
                Err(e) => Err(ClientError::remote(
                    method.clone(),
                    shown.clone(),
                    format!("{method} {shown}: the HTTP activity failed: {e}"),
                )),
            }
        }))
    }

    fn sleep(&self, delay: Duration) -> BoxFuture<'_, ()> {
        let ctx = (*self.ctx).clone();
        let summary = self.summary("wait");
        Box::pin(SendWrapper::new(async move {
            let _ = ctx.timer(TimerOptions::builder(delay).summary(summary).build()).await;
        }))
    }

    fn receive<'a>(&'a self, _inbox: &'a Inbox, address: &'a str, accept: Accept<'a>, within: Duration) -> BoxFuture<'a, Option<Message>> {
        let ctx = (*self.ctx).clone();
        let summary = self.summary(&format!("message on {address}"));
        let find = move |w: &ArazzoWorkflow| w.messages.iter().position(|m| m.address == address && accept(m));
        Box::pin(SendWrapper::new(async move {
            if ctx.state(find).is_none() {
                if within.is_zero() {
                    return None;
                }
                // Both in history: which of the signal and the timer came first decides, on
                // every replay alike.
                let mut timer = std::pin::pin!(ctx.timer(TimerOptions::builder(within).summary(summary).build()));
                let mut arrived = std::pin::pin!(ctx.wait_condition(|w| find(w).is_some()));
                // The condition first: when the signal and the timer's firing reach the
                // workflow in one task (no worker was there when either happened), the
                // message that is there is taken.
                let taken = std::future::poll_fn(|cx| {
                    if arrived.as_mut().poll(cx).is_ready() {
                        return Poll::Ready(true);
                    }
                    if timer.as_mut().poll(cx).is_ready() {
                        return Poll::Ready(false);
                    }
                    Poll::Pending
                })
                .await;
                if !taken {
                    return None;
                }
                // Not left to fire later in a run that goes on.
                timer.cancel();
            }
            ctx.state_mut(|w| find(w).and_then(|i| w.messages.remove(i)))
        }))
    }

    fn now(&self) -> Duration {
        self.ctx
            .workflow_time()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .unwrap_or_default()
    }

    fn emit(&self, observer: Option<&Observer>, event: &Event<'_>) {
        // Kept on replay too: a worker that takes over a run answers the query with all of
        // its events. Neither the state nor the current details are written to history.
        if let Event::StepStarted { workflow, step, .. } = event
            && *workflow == self.workflow
        {
            *self.step.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some((*step).to_owned());
        }
        let event_kept = StepEvent::of(event);
        self.ctx.set_current_details(event_kept.line());
        self.ctx.state_mut(|w| w.events.push(event_kept));
        // A replay re-runs the workflow from its history: its events were told already.
        if !self.ctx.is_replaying() {
            arazzo::InProcess.emit(observer, event);
        }
    }
}

/// The HTTP activity: sends with the worker's client for the base URL.
pub struct HttpActivities {
    clients: HashMap<String, HttpClient>,
}

#[activities]
impl HttpActivities {
    /// Sends one step's request (transport retries included) and records the answer.
    #[activity(name = "arazzo-http")]
    pub async fn exchange(self: Arc<Self>, _ctx: ActivityContext, input: ExchangeInput) -> Result<ExchangeOutcome, ActivityError> {
        let Some(client) = self.clients.get(&input.base_url) else {
            return Err(ActivityError::from(anyhow_like(format!(
                "this worker has no client for base URL `{}` (Document::client)",
                input.base_url
            ))));
        };
        let method = input.request.method().to_owned();
        let shown = format!("{}{}", client.base_url(), input.request.path_template());
        let request = match input.request.into_request() {
            Ok(request) => request,
            Err(e) => {
                return Ok(ExchangeOutcome::Failed {
                    error: WireError::new(&e, &method, &shown),
                    retries: Vec::new(),
                });
            }
        };
        let retries = std::sync::Mutex::new(Vec::new());
        let on_retry = |notice: &arazzo::RetryNotice<'_>| {
            retries
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(WireRetry::new(notice));
        };
        let deadline = input.deadline_ms.map(Duration::from_millis);
        let result = arazzo::InProcess.send(client, request, deadline, &on_retry, &[]).await;
        let retries = retries.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
        Ok(match result {
            Ok(exchange) => ExchangeOutcome::Answered {
                exchange: arazzo::RecordedExchange::from(&exchange).into(),
                retries,
            },
            Err(e) => ExchangeOutcome::Failed {
                error: WireError::new(&e, &method, &shown),
                retries,
            },
        })
    }
}

/// An error type for [`ActivityError`]'s `From` (it takes anything `Into<anyhow::Error>`).
#[derive(Debug)]
struct Refusal(String);

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refusal {}

fn anyhow_like(message: String) -> Refusal {
    Refusal(message)
}

/// A worker's failure to start or run.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Runs a worker for `task_queue` until it fails: every run started there by a [`Starter`]
/// runs `document`'s workflows.
///
/// # Errors
///
/// When the worker cannot be created or stops with an error.
pub async fn worker(client: Client, task_queue: &str, document: Document) -> Result<(), BoxError> {
    let runtime = temporalio_sdk::Runtime::from_current_tokio(Default::default())?;
    let activities = HttpActivities {
        clients: document.clients.clone(),
    };
    let options = temporalio_sdk::WorkerOptions::new(task_queue)
        .register_workflow_with_factory::<ArazzoWorkflow, _>(move || ArazzoWorkflow {
            document: Some(document.clone()),
            events: Vec::new(),
            messages: VecDeque::new(),
        })?
        .register_activities(activities)
        .build();
    let mut worker = temporalio_sdk::Worker::new(&runtime, client, options)?;
    worker.run().await?;
    Ok(())
}

/// Connects to a Temporal server (`host:port`, the dev server's `127.0.0.1:7233`) in the
/// `default` namespace. A server that is not ready yet is asked again for up to
/// [`CONNECT_PATIENCE`]: one that says so (gRPC `Unavailable`: "Frontend is not healthy
/// yet", just after it started), and one whose connection failed on the way (refused, or
/// reset during the first call, as a busy server's can be).
///
/// # Errors
///
/// When the address is not a URL, the server does not answer, or it is still not ready
/// after [`CONNECT_PATIENCE`].
pub async fn connect(address: &str) -> Result<Client, BoxError> {
    let url = temporalio_client::Url::parse(&format!("http://{address}"))?;
    let until = tokio::time::Instant::now() + CONNECT_PATIENCE;
    let connection = loop {
        match temporalio_client::Connection::connect(temporalio_client::ConnectionOptions::new(url.clone()).build()).await {
            Err(error) if is_transient(&error) && tokio::time::Instant::now() < until => {
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            outcome => break outcome?,
        }
    };
    Ok(Client::new(connection, temporalio_client::ClientOptions::new("default").build())?)
}

/// Whether a failed connection is worth trying again: the connection itself failed
/// (refused while the server starts), the server said it is not ready, or the first call
/// never reached it (tonic reports a connection reset as `Unknown` with the transport error
/// as its source, so the code alone does not tell). Configuration errors are not.
fn is_transient(error: &temporalio_client::errors::ClientConnectError) -> bool {
    use temporalio_client::errors::ClientConnectError;
    use temporalio_client::tonic::Code;
    match error {
        ClientConnectError::TonicTransportError(_) => true,
        ClientConnectError::SystemInfoCallError(status) => {
            status.code() == Code::Unavailable
                || std::error::Error::source(status).is_some_and(|source| source.is::<temporalio_client::tonic::transport::Error>())
        }
        _ => false,
    }
}

/// How long [`connect`] waits for a server that is starting.
pub const CONNECT_PATIENCE: Duration = Duration::from_secs(10);

/// What a [`Starter`] can fail with.
#[derive(Debug)]
#[non_exhaustive]
pub enum RunError {
    /// The run failed: the same [`WorkflowError`] variant, with the same fields, as the
    /// run in process would have returned. A request error inside it
    /// ([`WorkflowError::Client`], a timeout's `source`) is the same [`ClientError`] variant
    /// too, except [`ClientError::Transport`] (its `reqwest::Error` stays in the worker):
    /// that arrives as [`ClientError::Remote`] with the same message and the same
    /// `is_connect()` / `is_timeout()`.
    Workflow(WorkflowError),
    /// The run failed without a typed error (a worker without a document, a
    /// [`WorkflowError`] variant newer than this crate); the failure's message.
    Failed {
        /// The Arazzo `workflowId`.
        workflow: String,
        /// The step that failed, if one did.
        step: Option<String>,
        /// The error as the worker showed it.
        message: String,
    },
    /// The outputs did not fit the requested type.
    Outputs(String),
    /// Temporal refused or lost the run (not started, terminated, cancelled, ...).
    Temporal(BoxError),
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::Workflow(e) => e.fmt(f),
            RunError::Failed { message, .. } => f.write_str(message),
            RunError::Outputs(m) => write!(f, "outputs: {m}"),
            RunError::Temporal(e) => write!(f, "temporal: {e}"),
        }
    }
}

impl std::error::Error for RunError {}

/// Starts runs on a task queue and waits for their outcomes.
#[derive(Clone)]
pub struct Starter {
    client: Client,
    task_queue: String,
    grace: Duration,
}

impl std::fmt::Debug for Starter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Starter")
            .field("task_queue", &self.task_queue)
            .finish_non_exhaustive()
    }
}

impl Starter {
    /// Runs start on `task_queue`, where a [`worker`] with the document listens.
    pub fn new(client: Client, task_queue: impl Into<String>) -> Self {
        Starter {
            client,
            task_queue: task_queue.into(),
            grace: Duration::from_secs(60),
        }
    }

    /// How long past a run's deadline Temporal lets it go on before ending it as timed out
    /// (its execution timeout is the deadline plus this). A run whose workers are all gone
    /// ends then; a worker that comes back earlier ends the run itself, on workflow time.
    /// Default 60 s: room for the last request the deadline cut off to report.
    #[must_use]
    pub fn with_grace(mut self, grace: Duration) -> Self {
        self.grace = grace;
        self
    }

    /// Starts Arazzo workflow `workflow` with `inputs` as Temporal workflow `run_id`, unless
    /// a run with that id exists (running or finished): then nothing starts and this
    /// attaches to it. `deadline` is the document's poll-policy deadline: Temporal ends a
    /// run no worker finished by [`Starter::with_grace`] past it (timed out, as a lost run would be).
    ///
    /// # Errors
    ///
    /// [`RunError::Temporal`] when the server refuses the start; [`RunError::Outputs`] when
    /// the inputs do not serialise.
    pub async fn start(&self, run_id: &str, workflow: &str, inputs: &impl Serialize, deadline: Duration) -> Result<RunHandle, RunError> {
        let inputs = arazzo::serde_json::to_value(inputs).map_err(|e| RunError::Outputs(format!("inputs: {e}")))?;
        let options = WorkflowStartOptions::new(self.task_queue.clone(), run_id.to_owned())
            .id_conflict_policy(WorkflowIdConflictPolicy::UseExisting)
            .id_reuse_policy(WorkflowIdReusePolicy::RejectDuplicate)
            .execution_timeout(deadline + self.grace)
            .build();
        let input = RunInput {
            workflow: workflow.to_owned(),
            inputs,
        };
        match self.client.start_workflow(ArazzoWorkflow::run, input, options).await {
            Ok(_) | Err(WorkflowStartError::AlreadyStarted { .. }) => {}
            Err(e) => return Err(RunError::Temporal(Box::new(e))),
        }
        Ok(RunHandle {
            client: self.client.clone(),
            run_id: run_id.to_owned(),
            workflow: workflow.to_owned(),
            deadline,
            grace: self.grace,
        })
    }

    /// Hands `message` to run `run_id` (its Temporal workflow id, the one [`Starter::start`]
    /// was given) for its `receive` steps: the `arazzo-message` signal, which Temporal records
    /// in the run's history. This is how a webhook handler delivers to a durable run: it
    /// builds the message from the request ([`Message::from_http`]), finds the run's id from
    /// the request (a path segment, a header, a correlation id it knows), delivers, and answers
    /// 202. The message waits in the run until a step takes it (the oldest accepted first, as
    /// an [`Inbox`]), whether or not a worker is running or the run has reached the step yet.
    ///
    /// # Errors
    ///
    /// [`RunError::Temporal`] when the signal is refused (no running run with that id: it
    /// has not started, or has already ended).
    pub async fn deliver(&self, run_id: &str, message: Message) -> Result<(), RunError> {
        deliver(&self.client, run_id, message).await
    }
}

async fn deliver(client: &Client, run_id: &str, message: Message) -> Result<(), RunError> {
    let handle = client.get_workflow_handle::<ArazzoWorkflow>(run_id.to_owned());
    handle
        .signal(
            ArazzoWorkflow::message,
            WireMessage::from(message),
            WorkflowSignalOptions::default(),
        )
        .await
        .map_err(|e| RunError::Temporal(Box::new(e)))
}

/// A started (or attached-to) run.
#[derive(Clone)]
pub struct RunHandle {
    client: Client,
    run_id: String,
    workflow: String,
    deadline: Duration,
    grace: Duration,
}

impl std::fmt::Debug for RunHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RunHandle").field("run_id", &self.run_id).finish_non_exhaustive()
    }
}

impl RunHandle {
    /// The Temporal workflow id.
    pub fn run_id(&self) -> &str {
        &self.run_id
    }

    /// Hands `message` to this run's `receive` steps ([`Starter::deliver`]).
    ///
    /// # Errors
    ///
    /// [`RunError::Temporal`] when the signal is refused (the run has ended).
    pub async fn deliver(&self, message: Message) -> Result<(), RunError> {
        deliver(&self.client, &self.run_id, message).await
    }

    /// Waits for the run's outcome: its outputs as JSON.
    ///
    /// # Errors
    ///
    /// [`RunError::Workflow`] with [`WorkflowError::Timeout`] for a run past its deadline
    /// (also when no worker was there to see it pass); see [`RunError`] for the rest.
    pub async fn outputs(&self) -> Result<Outputs, RunError> {
        let handle = self.client.get_workflow_handle::<ArazzoWorkflow>(self.run_id.clone());
        match handle.get_result(WorkflowGetResultOptions::default()).await {
            Ok(outputs) => Ok(outputs),
            Err(WorkflowGetResultError::Failed(incoming)) => Err(self.failed(*incoming)),
            Err(WorkflowGetResultError::TimedOut) => Err(RunError::Workflow(WorkflowError::Timeout {
                workflow: self.workflow.clone(),
                step: self.last_step().await.unwrap_or_default(),
                elapsed: self.deadline + self.grace,
                deadline: self.deadline,
                source: None,
            })),
            Err(e) => Err(RunError::Temporal(Box::new(e))),
        }
    }

    /// The step the run was last in: the start of the summary of the last activity or timer
    /// in its history ([`STEP_SEPARATOR`]). `None` when the server cannot say (a run that
    /// never got to a step, a server that does not answer).
    async fn last_step(&self) -> Option<String> {
        let handle = self.client.get_workflow_handle::<ArazzoWorkflow>(self.run_id.clone());
        let events = handle
            .fetch_history(temporalio_client::WorkflowFetchHistoryOptions::default())
            .into_events()
            .await
            .ok()?;
        events.iter().rev().find_map(|event| {
            let summary = event.user_metadata.as_ref()?.summary.as_ref()?;
            let text: String = arazzo::serde_json::from_slice(&summary.data).ok()?;
            text.split_once(STEP_SEPARATOR).map(|(step, _)| step.to_owned())
        })
    }

    fn failed(&self, incoming: IncomingError) -> RunError {
        let IncomingError::Application(failure) = incoming else {
            return RunError::Temporal(Box::new(incoming));
        };
        let details = if failure.type_name() == Some(FAILURE_TYPE) {
            failure.details::<WireWorkflowError>().ok().flatten()
        } else {
            None
        };
        match details {
            Some(error) => RunError::Workflow(error.into_workflow_error()),
            None => RunError::Failed {
                workflow: self.workflow.clone(),
                step: None,
                message: failure.to_string(),
            },
        }
    }

    /// The run's events so far (the workflow's `events` query; `temporal workflow query
    /// --name events` shows the same). A worker answers it: one must be running.
    ///
    /// # Errors
    ///
    /// [`RunError::Temporal`] when the query fails (no such run, no worker answered).
    pub async fn events(&self) -> Result<Vec<StepEvent>, RunError> {
        let handle = self.client.get_workflow_handle::<ArazzoWorkflow>(self.run_id.clone());
        handle
            .query(ArazzoWorkflow::events, (), WorkflowQueryOptions::default())
            .await
            .map_err(|e| RunError::Temporal(Box::new(e)))
    }

    /// Waits for the run's outcome as the generated outputs type.
    ///
    /// # Errors
    ///
    /// As [`RunHandle::outputs`], and [`RunError::Outputs`] when they do not fit `O`.
    pub async fn typed<O: serde::de::DeserializeOwned>(&self) -> Result<O, RunError> {
        let outputs = self.outputs().await?;
        arazzo::serde_json::from_value(Value::Object(outputs)).map_err(|e| RunError::Outputs(e.to_string()))
    }
}
