//! How long a workflow waits before it runs a step again.
//!
//! A `goto` back to a step that already ran is a poll (the seed polls the
//! autofix state until it settles). Hammering the server in a tight loop is
//! never what the author meant, so revisits wait by this policy, and the whole
//! run has a deadline so a state that never settles ends with a clear error.

use std::time::Duration;

/// Waits before revisiting a step: `initial`, then multiplied by `factor` on
/// each further revisit of the same step, capped at `max_interval`; the run
/// fails with [`crate::WorkflowError::Timeout`] once `deadline` has passed.
///
/// `#[non_exhaustive]`: build one from [`PollPolicy::default`] or
/// [`PollPolicy::immediate`] and the `with_*` methods (or assign the fields).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct PollPolicy {
    /// The wait before the first revisit of a step.
    pub initial: Duration,
    /// What each further revisit multiplies the wait by.
    pub factor: u32,
    /// The longest wait.
    pub max_interval: Duration,
    /// How long a run may take, waits included.
    pub deadline: Duration,
    /// Upper bound on steps executed in one run, a guard against `goto`
    /// cycles that never wait (e.g. between two different steps).
    pub max_steps: u32,
    /// What a step's answer that does not match its documented schema does:
    /// [`SchemaChecks::Strict`](crate::SchemaChecks) (the default) fails the run with
    /// [`crate::WorkflowError::Client`] carrying [`crate::ClientError::ResponseSchema`];
    /// `Warn` emits [`crate::Event::SchemaMismatch`] and the step goes on as before.
    pub schema_checks: crate::schema::SchemaChecks,
}

impl Default for PollPolicy {
    fn default() -> Self {
        PollPolicy {
            initial: Duration::from_secs(1),
            factor: 2,
            max_interval: Duration::from_secs(30),
            deadline: Duration::from_secs(600),
            max_steps: 10_000,
            schema_checks: crate::schema::SchemaChecks::Strict,
        }
    }
}

impl PollPolicy {
    /// No waiting between polls; the default deadline still applies. For tests.
    #[must_use]
    pub fn immediate() -> Self {
        PollPolicy {
            initial: Duration::ZERO,
            max_interval: Duration::ZERO,
            ..PollPolicy::default()
        }
    }

    /// How steps treat answers that do not match their schema (see [`PollPolicy::schema_checks`]).
    #[must_use]
    pub fn with_schema_checks(mut self, checks: crate::schema::SchemaChecks) -> Self {
        self.schema_checks = checks;
        self
    }

    /// The run's deadline.
    #[must_use]
    pub fn with_deadline(mut self, deadline: Duration) -> Self {
        self.deadline = deadline;
        self
    }

    /// The first wait and the longest one.
    #[must_use]
    pub fn with_interval(mut self, initial: Duration, max_interval: Duration) -> Self {
        self.initial = initial;
        self.max_interval = max_interval;
        self
    }

    /// What each further revisit multiplies the wait by (1: a constant interval).
    #[must_use]
    pub fn with_factor(mut self, factor: u32) -> Self {
        self.factor = factor;
        self
    }

    /// The most steps one run may execute.
    #[must_use]
    pub fn with_max_steps(mut self, max_steps: u32) -> Self {
        self.max_steps = max_steps;
        self
    }

    /// Wait before revisit number `revisit` (1 = first time the step runs again).
    #[must_use]
    pub fn delay(&self, revisit: u32) -> Duration {
        let exponent = revisit.saturating_sub(1).min(30);
        self.initial
            .saturating_mul(self.factor.max(1).saturating_pow(exponent))
            .min(self.max_interval)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_up_to_the_cap() {
        let p = PollPolicy::default();
        let delays: Vec<u64> = (1..=7).map(|n| p.delay(n).as_secs()).collect();
        assert_eq!(delays, [1, 2, 4, 8, 16, 30, 30]);
        assert_eq!(PollPolicy::immediate().delay(5), Duration::ZERO);
    }
}
