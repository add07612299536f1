//! The one seam between a run and the world outside it.
//!
//! Everything a [`Run`](crate::__private::Run) does that is not pure computation goes
//! through an [`Executor`]: sending an HTTP exchange, waiting, waiting for a message, reading
//! the clock, emitting an event. [`InProcess`] is what a run always did (reqwest, tokio's
//! timer, the [`Inbox`], the monotonic clock, the observer). A durable engine (the
//! `arazzo-temporal` crate) implements the same trait so that the same generated code records
//! each exchange as an activity, waits on a durable timer, takes messages from its own
//! history and reads workflow time, without a second emitter.
//!
//! Generated code does not name the executor: [`with_executor`] installs one for a future
//! (a run and the runs it calls), and [`Run`](crate::__private::Run) picks it up when it is
//! created. Without one, runs use [`InProcess`].

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, OnceLock};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use crate::client::{Exchange, HttpClient, OnRetry, Request};
use crate::error::ClientError;
use crate::event::{Event, Observer};
use crate::inbox::{Inbox, Message};
use crate::run::BoxFuture;

/// Which messages a `receive` step takes: the step's message kinds and correlation id,
/// decided by [`Run`](crate::__private::Run) so that every executor filters alike.
pub type Accept<'a> = &'a (dyn Fn(&Message) -> bool + Send + Sync);

/// What a run does that is not pure computation.
///
/// Implementations must be usable from the run's future, which is `Send`; one whose
/// engine context is `!Send` but polls every workflow on one thread can wrap it (e.g. in
/// `send_wrapper::SendWrapper`).
pub trait Executor: Send + Sync {
    /// Sends `request` with `client` (its retry policy, limits and credentials), ending by
    /// `deadline`: the time left, on this executor's clock, before the run's deadline
    /// (`None`: no deadline). `on_retry` hears of each transport retry; `secrets` are the
    /// run's credential inputs, redacted in what errors quote.
    fn send<'a>(
        &'a self,
        client: &'a HttpClient,
        request: Request,
        deadline: Option<Duration>,
        on_retry: OnRetry<'a>,
        secrets: &'a [String],
    ) -> BoxFuture<'a, Result<Exchange, ClientError>>;

    /// Waits for `delay`.
    fn sleep(&self, delay: Duration) -> BoxFuture<'_, ()>;

    /// A `receive` step's wait: takes the oldest message at `address` (normalised as
    /// [`Message::new`] normalises a message's) that `accept` accepts, leaving the others,
    /// waiting for one for at most `within` on this executor's clock. `None` when the time
    /// ran out first. `inbox` is the run's in-process inbox (`Workflows::with_inbox`); an
    /// engine that receives messages another way ignores it.
    ///
    /// The default waits on `inbox` ([`InProcess`]'s behaviour).
    fn receive<'a>(&'a self, inbox: &'a Inbox, address: &'a str, accept: Accept<'a>, within: Duration) -> BoxFuture<'a, Option<Message>> {
        // A bound too far to represent is no bound (a century is as good).
        let now = tokio::time::Instant::now();
        let until = now
            .checked_add(within)
            .unwrap_or_else(|| now + Duration::from_secs(100 * 365 * 86_400));
        Box::pin(inbox.take(address, accept, until))
    }

    /// The time on this executor's clock, from an arbitrary origin that does not change
    /// during a run: only differences are meaningful.
    fn now(&self) -> Duration;

    /// Tells the observer (and `tracing`) about an event. A replaying engine suppresses the
    /// events of the part of a run it replays.
    fn emit(&self, observer: Option<&Observer>, event: &Event<'_>);
}

/// Today's behaviour: reqwest, tokio's timer, [`Instant`], the observer.
#[derive(Debug, Clone, Copy, Default)]
pub struct InProcess;

fn origin() -> Instant {
    static ORIGIN: OnceLock<Instant> = OnceLock::new();
    *ORIGIN.get_or_init(Instant::now)
}

impl Executor for InProcess {
    fn send<'a>(
        &'a self,
        client: &'a HttpClient,
        request: Request,
        deadline: Option<Duration>,
        on_retry: OnRetry<'a>,
        secrets: &'a [String],
    ) -> BoxFuture<'a, Result<Exchange, ClientError>> {
        let deadline = deadline.and_then(|left| Instant::now().checked_add(left));
        Box::pin(client.send_inner(request, deadline, Some(on_retry), secrets))
    }

    fn sleep(&self, delay: Duration) -> BoxFuture<'_, ()> {
        Box::pin(tokio::time::sleep(delay))
    }

    fn now(&self) -> Duration {
        origin().elapsed()
    }

    fn emit(&self, observer: Option<&Observer>, event: &Event<'_>) {
        crate::event::emit(observer, event);
    }
}

thread_local! {
    /// The executor of the future being polled on this thread, set by [`Scoped`] around
    /// each poll (so a multi-threaded runtime moving the task between threads is fine).
    static CURRENT: RefCell<Option<Arc<dyn Executor>>> = const { RefCell::new(None) };
}

/// The executor runs created now use: the one [`with_executor`] installed, or [`InProcess`].
#[must_use]
pub fn current_executor() -> Arc<dyn Executor> {
    static DEFAULT: OnceLock<Arc<dyn Executor>> = OnceLock::new();
    CURRENT
        .with(|c| c.borrow().clone())
        .unwrap_or_else(|| Arc::clone(DEFAULT.get_or_init(|| Arc::new(InProcess))))
}

/// Runs `future` (a workflow run) with `executor`: every run it creates, the runs those
/// call included, goes through it.
pub fn with_executor<F: Future>(executor: Arc<dyn Executor>, future: F) -> Scoped<F> {
    Scoped {
        executor,
        future: Box::pin(future),
    }
}

/// The future [`with_executor`] returns.
pub struct Scoped<F> {
    executor: Arc<dyn Executor>,
    future: Pin<Box<F>>,
}

impl<F> std::fmt::Debug for Scoped<F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scoped").finish_non_exhaustive()
    }
}

/// Restores the previous executor when a poll ends, a panicking one included.
struct Restore(Option<Arc<dyn Executor>>);

impl Drop for Restore {
    fn drop(&mut self) {
        let previous = self.0.take();
        CURRENT.with(|c| *c.borrow_mut() = previous);
    }
}

impl<F: Future> Future for Scoped<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let executor = Arc::clone(&self.executor);
        let _restore = Restore(CURRENT.with(|c| c.borrow_mut().replace(executor)));
        self.future.as_mut().poll(cx)
    }
}

/// `future` within `remaining` on `executor`'s clock (`None`: no limit); `None` when the
/// time ran out first.
pub(crate) async fn within<F: Future>(executor: &dyn Executor, remaining: Option<Duration>, future: F) -> Option<F::Output> {
    match remaining {
        None => Some(future.await),
        Some(r) if r.is_zero() => None,
        Some(r) => {
            let mut future = std::pin::pin!(future);
            let mut timer = executor.sleep(r);
            std::future::poll_fn(|cx| {
                if let Poll::Ready(value) = future.as_mut().poll(cx) {
                    return Poll::Ready(Some(value));
                }
                if timer.as_mut().poll(cx).is_ready() {
                    return Poll::Ready(None);
                }
                Poll::Pending
            })
            .await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    struct Counting(AtomicU32);

    impl Executor for Counting {
        fn send<'a>(
            &'a self,
            client: &'a HttpClient,
            request: Request,
            deadline: Option<Duration>,
            on_retry: OnRetry<'a>,
            secrets: &'a [String],
        ) -> BoxFuture<'a, Result<Exchange, ClientError>> {
            InProcess.send(client, request, deadline, on_retry, secrets)
        }
        fn sleep(&self, _delay: Duration) -> BoxFuture<'_, ()> {
            Box::pin(async {})
        }
        fn now(&self) -> Duration {
            Duration::from_secs(u64::from(self.0.fetch_add(1, Ordering::SeqCst)))
        }
        fn emit(&self, _observer: Option<&Observer>, _event: &Event<'_>) {}
    }

    #[tokio::test]
    async fn the_installed_executor_is_current_inside_only() {
        let counting = Arc::new(Counting(AtomicU32::new(7)));
        let inside = with_executor(counting.clone(), async { current_executor().now() }).await;
        assert_eq!(inside, Duration::from_secs(7));
        assert_eq!(counting.0.load(Ordering::SeqCst), 8);
        // Outside the scope, the in-process clock (not the counter) answers.
        let _ = current_executor().now();
        assert_eq!(counting.0.load(Ordering::SeqCst), 8);
    }

    /// An executor that does not override `receive` waits on the inbox, as runs always did.
    #[tokio::test]
    async fn the_default_receive_takes_the_oldest_accepted_message_from_the_inbox_within_its_bound() {
        let inbox = Inbox::new();
        inbox.deliver(Message::new("/a", serde_json::json!(1)));
        inbox.deliver(Message::new("/a", serde_json::json!(2)));
        inbox.deliver(Message::new("/a", serde_json::json!(3)));
        let accept = |m: &Message| m.payload != serde_json::json!(1);
        let counting = Counting(AtomicU32::new(0));
        let got = counting.receive(&inbox, "/a", &accept, Duration::from_secs(5)).await;
        assert_eq!(got.map(|m| m.payload), Some(serde_json::json!(2)));
        assert_eq!(inbox.pending(), 2, "the unaccepted and the newer message stay");
        let none = counting.receive(&inbox, "/b", &accept, Duration::from_millis(10)).await;
        assert!(none.is_none(), "nothing on /b within the bound");
    }

    #[tokio::test]
    async fn within_ends_on_the_executors_timer() {
        let counting = Counting(AtomicU32::new(0));
        let never = std::future::pending::<()>();
        assert_eq!(within(&counting, Some(Duration::from_secs(3600)), never).await, None);
        assert_eq!(within(&counting, Some(Duration::from_secs(1)), async { 5 }).await, Some(5));
    }
}
