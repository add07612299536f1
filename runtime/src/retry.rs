//! How the transport retries an answer that is worth retrying.
//!
//! Retries happen inside [`crate::HttpClient::send`], before a workflow step
//! sees the answer, so a transient 503 never reaches a step's criteria. Only
//! what is safe is retried: 429 always (the server did not act on the
//! request), 502/503/504 and connection failures only for idempotent methods.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::time::{Duration, SystemTime};

/// Transport retry policy. The default retries up to 3 times with full-jitter
/// exponential backoff starting at 200 ms and capped at 10 s; a `Retry-After`
/// header is honoured (up to `max_retry_after`).
///
/// `#[non_exhaustive]`: build one from [`RetryPolicy::default`],
/// [`RetryPolicy::none`] or [`RetryPolicy::immediate`] and the `with_*`
/// methods (or assign the fields).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct RetryPolicy {
    /// Retries after the first attempt (0: none).
    pub max_retries: u32,
    /// The upper bound of the first backoff; it doubles per retry.
    pub initial_backoff: Duration,
    /// The largest backoff.
    pub max_backoff: Duration,
    /// Longest `Retry-After` we are willing to wait; a longer one ends the
    /// retries and hands the 429/503 to the caller.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 3,
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(10),
            max_retry_after: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// No retries at all: every answer goes straight to the caller.
    #[must_use]
    pub fn none() -> Self {
        RetryPolicy {
            max_retries: 0,
            ..RetryPolicy::default()
        }
    }

    /// Retries with no waiting (tests). `Retry-After` is still read but
    /// capped at zero.
    #[must_use]
    pub fn immediate(max_retries: u32) -> Self {
        RetryPolicy {
            max_retries,
            initial_backoff: Duration::ZERO,
            max_backoff: Duration::ZERO,
            max_retry_after: Duration::ZERO,
        }
    }

    /// At most `n` retries.
    #[must_use]
    pub fn with_max_retries(mut self, n: u32) -> Self {
        self.max_retries = n;
        self
    }

    /// The first backoff bound and the largest backoff.
    #[must_use]
    pub fn with_backoff(mut self, initial: Duration, max: Duration) -> Self {
        self.initial_backoff = initial;
        self.max_backoff = max;
        self
    }

    /// The longest `Retry-After` worth waiting for.
    #[must_use]
    pub fn with_max_retry_after(mut self, max: Duration) -> Self {
        self.max_retry_after = max;
        self
    }

    /// Whether an answer with this status should be retried.
    #[must_use]
    pub fn retries_status(status: u16, idempotent: bool) -> bool {
        status == 429 || (idempotent && matches!(status, 502..=504))
    }

    /// Delay before retry number `retry` (0-based): the server's
    /// `Retry-After` if it gave one (capped), else full jitter in
    /// `[0, min(max, initial * 2^retry)]`.
    #[must_use]
    pub fn delay(&self, retry: u32, retry_after: Option<Duration>) -> Duration {
        if let Some(after) = retry_after {
            return after.min(self.max_retry_after);
        }
        let exp = self
            .initial_backoff
            .saturating_mul(2u32.saturating_pow(retry.min(20)))
            .min(self.max_backoff);
        let nanos = u64::try_from(exp.as_nanos()).unwrap_or(u64::MAX);
        if nanos == 0 {
            return Duration::ZERO;
        }
        Duration::from_nanos(random_u64() % (nanos + 1))
    }
}

/// Reads `Retry-After` as delta-seconds or an HTTP date.
pub(crate) fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(when.duration_since(SystemTime::now()).unwrap_or(Duration::ZERO))
}

/// Jitter only needs to spread clients apart, not be unpredictable, so the
/// std hasher's per-process random keys are enough (no `rand` dependency).
fn random_u64() -> u64 {
    let mut h = RandomState::new().build_hasher();
    h.write_u128(SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_nanos()));
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_retried() {
        assert!(RetryPolicy::retries_status(429, false));
        assert!(RetryPolicy::retries_status(503, true));
        assert!(!RetryPolicy::retries_status(503, false));
        assert!(!RetryPolicy::retries_status(500, true));
        assert!(!RetryPolicy::retries_status(404, true));
    }

    #[test]
    fn backoff_is_bounded_and_retry_after_wins() {
        let p = RetryPolicy::default();
        for retry in 0..30 {
            assert!(p.delay(retry, None) <= p.max_backoff);
        }
        assert_eq!(p.delay(0, Some(Duration::from_secs(7))), Duration::from_secs(7));
        assert_eq!(p.delay(0, Some(Duration::from_secs(700))), p.max_retry_after);
        assert_eq!(RetryPolicy::immediate(3).delay(2, Some(Duration::from_secs(5))), Duration::ZERO);
    }

    #[test]
    fn retry_after_forms() {
        assert_eq!(parse_retry_after(" 3 "), Some(Duration::from_secs(3)));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("soon"), None);
    }
}
