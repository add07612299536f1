//! arazzo-temporal's durability tests, in one test binary: each test binary links the
//! Temporal SDK again (about 110 MB in a debug build), so the suites are modules of one.
//!
//! - `seed`: the seed workflow run by the `seed` example as a worker process (kill and
//!   resume, server restart, timeouts, typed errors, events) and, with an in-process worker,
//!   multipart bodies and request error kinds.
//! - `connect`: connecting through a server that resets the first connections.
//! - `receive`: `receive` steps run by the `approvals` example (messages as signals, kill and
//!   resume while waiting, step timeouts on workflow time).
//!
//! The tests start their own dev server (`$TEMPORAL_BIN` or `temporal` on `PATH`; `.ci/run`
//! installs it) and fail, saying how to get it, when there is none.

mod connect;
mod receive;
mod seed;
