//! Runs are visible as `tracing` spans: one `workflow` span per run, a
//! `step` span per step under it, and a called workflow's span under the
//! step that called it, with the runtime's events inside the step spans.
//! A small recording layer stands in for a real subscriber.

use std::cell::Cell;
use std::sync::{Arc, Mutex, OnceLock};

use arazzo::{PollPolicy, RetryPolicy};
use arazzo_tests::mock::{MockServer, Reply};
use serde_json::json;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id};
use tracing::{Event, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::registry::{LookupSpan, Registry};

mod api {
    arazzo::arazzo_workflow!("specs/semantics/semantics.arazzo.yaml");
}

/// `name{workflow,step}`: enough to tell spans apart.
#[derive(Default)]
struct Label(String);

impl Visit for Label {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if matches!(field.name(), "workflow" | "step") {
            self.0.push_str(&format!("{}={:?} ", field.name(), value).replace('"', ""));
        }
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        if matches!(field.name(), "workflow" | "step") {
            self.0.push_str(&format!("{}={value} ", field.name()));
        }
    }
}

#[derive(Clone, Default)]
struct Recorder {
    /// (span, its parent span), as labels.
    spans: Arc<Mutex<Vec<(String, String)>>>,
    /// (event message, the span it happened in).
    events: Arc<Mutex<Vec<(String, String)>>>,
}

thread_local! {
    /// Set on the thread of the test that records; other tests in this binary run the
    /// runtime on their own threads at the same time, and their spans are not recorded.
    static RECORDING: Cell<bool> = const { Cell::new(false) };
}

/// The recorder, installed once as the process's global subscriber. Not `set_default`: with
/// other tests of this binary hitting the runtime's callsites concurrently, a thread-scoped
/// subscriber missed every span (tracing caches each callsite's interest process-wide).
fn recorder() -> Recorder {
    static RECORDER: OnceLock<Recorder> = OnceLock::new();
    RECORDER
        .get_or_init(|| {
            let recorder = Recorder::default();
            tracing::subscriber::set_global_default(Registry::default().with(recorder.clone()))
                .expect("no other global subscriber in this binary");
            recorder
        })
        .clone()
}

fn label_of<S: Subscriber + for<'a> LookupSpan<'a>>(ctx: &Context<'_, S>, id: &Id) -> String {
    ctx.span(id)
        .and_then(|s| s.extensions().get::<String>().cloned())
        .unwrap_or_default()
}

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for Recorder {
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        if !RECORDING.with(Cell::get) {
            return;
        }
        let mut label = Label::default();
        attrs.record(&mut label);
        let label = format!("{} {}", attrs.metadata().name(), label.0.trim());
        let parent = ctx
            .span(id)
            .and_then(|s| s.parent())
            .map(|p| label_of(&ctx, &p.id()))
            .unwrap_or_default();
        if let Some(span) = ctx.span(id) {
            span.extensions_mut().insert(label.clone());
        }
        if attrs.metadata().target().starts_with("arazzo") {
            self.spans.lock().unwrap().push((label, parent));
        }
    }

    fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
        struct Message(String);
        impl Visit for Message {
            fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
                if field.name() == "message" {
                    self.0 = format!("{value:?}");
                }
            }
        }
        if !RECORDING.with(Cell::get) || !event.metadata().target().starts_with("arazzo") {
            return;
        }
        let mut message = Message(String::new());
        event.record(&mut message);
        let within = ctx.event_span(event).map(|s| label_of(&ctx, &s.id())).unwrap_or_default();
        self.events.lock().unwrap().push((message.0, within));
    }
}

#[tokio::test]
async fn workflows_and_steps_are_spans_and_a_called_workflow_nests_under_its_step() {
    let recorder = recorder();
    RECORDING.with(|r| r.set(true));
    let server = MockServer::start().await.expect("server");
    server.on("POST", "/wh/orders", vec![Reply::json(201, json!({"id": "o-1", "status": "new"}))]);
    server.on(
        "GET",
        "/orders/o-1",
        vec![Reply::json(200, json!({"id": "o-1", "status": "packed"}))],
    );
    let base = server.base_url();
    let shop = api::shop::Client::new(base.clone()).with_retry_policy(RetryPolicy::none());
    let auth = api::auth::Client::new(base.clone()).with_retry_policy(RetryPolicy::none());
    let warehouse = api::library_warehouse::Client::new(format!("{base}/wh")).with_retry_policy(RetryPolicy::none());
    api::Workflows::new(shop, auth, warehouse)
        .with_poll_policy(PollPolicy::immediate())
        .cross_document(api::CrossDocumentInputs { item: Some("lamp".into()) })
        .await
        .expect("workflow succeeds");

    let spans = recorder.spans.lock().unwrap().clone();
    let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
    assert_eq!(
        spans,
        [
            pair("workflow workflow=crossDocument", ""),
            pair("step workflow=crossDocument step=delegate", "workflow workflow=crossDocument"),
            pair("workflow workflow=placeOrder", "step workflow=crossDocument step=delegate"),
            pair("step workflow=placeOrder step=order", "workflow workflow=placeOrder"),
            pair("step workflow=crossDocument step=check", "workflow workflow=crossDocument"),
        ]
    );
    let events = recorder.events.lock().unwrap().clone();
    let exchanges: Vec<&str> = events
        .iter()
        .filter(|(m, _)| m == "http exchange")
        .map(|(_, s)| s.as_str())
        .collect();
    assert_eq!(
        exchanges,
        ["step workflow=placeOrder step=order", "step workflow=crossDocument step=check"]
    );
}
