//! Support code shared by the workspace's integration tests and examples.
//!
//! The generated Sentry Seer client and the compiled Arazzo workflow need a
//! server to talk to that is deterministic, runs in-process and remembers
//! exactly what it was sent. Talking to the real Sentry would make the tests
//! slow, flaky and dependent on credentials, so this crate provides a fake
//! that is written independently of the generated code: if both were derived
//! from the same types, a misreading of the OpenAPI description would be
//! invisible to the tests.

pub mod chaos;
pub mod conform;
pub mod fake_process;
pub mod fake_seer;
pub mod fake_sentry;
pub mod httpbin;
pub mod jentic;
pub mod mock;
pub mod runs;
pub mod scratch;

#[cfg(test)]
mod readme;
