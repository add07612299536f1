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
    /// retries and hands the 429/503 to the caller. Also the longest wait for an
    /// announced rate-limit reset (see `rate_limit_headers`).
    pub max_retry_after: Duration,
    /// Headers that announce when a rate-limit window reopens, read (in this order) when
    /// a 429 or 503 has no `Retry-After`. A value is delta-seconds, or epoch seconds when it
    /// is past 10^9 (`X-Sentry-Rate-Limit-Reset`, GitHub's `X-RateLimit-Reset`), or an IETF
    /// `RateLimit` field (`"default";r=0;t=30` or `limit=10, remaining=0, reset=30`).
    /// Default: `X-Sentry-Rate-Limit-Reset`, `RateLimit-Reset`, `RateLimit`,
    /// `X-RateLimit-Reset`.
    pub rate_limit_headers: Vec<String>,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 3,
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(10),
            max_retry_after: Duration::from_secs(60),
            rate_limit_headers: ["X-Sentry-Rate-Limit-Reset", "RateLimit-Reset", "RateLimit", "X-RateLimit-Reset"]
                .map(str::to_owned)
                .to_vec(),
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
            ..RetryPolicy::default()
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

    /// The headers that announce a rate-limit reset (replacing the default list).
    #[must_use]
    pub fn with_rate_limit_headers<S: Into<String>>(mut self, names: impl IntoIterator<Item = S>) -> Self {
        self.rate_limit_headers = names.into_iter().map(Into::into).collect();
        self
    }

    /// The first announced rate-limit reset in `headers`: the header's name and the wait.
    #[must_use]
    pub fn rate_limit_reset(&self, headers: &reqwest::header::HeaderMap) -> Option<(String, Duration)> {
        let now = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).ok()?.as_secs();
        self.rate_limit_headers.iter().find_map(|name| {
            let value = headers.get(name.as_str())?.to_str().ok()?;
            parse_reset(value, now).map(|wait| (name.clone(), wait))
        })
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

/// A rate-limit reset value: delta-seconds, epoch seconds (past 10^9), or a structured
/// `RateLimit` field with a `t=` or `reset=` member.
pub(crate) fn parse_reset(value: &str, now_epoch: u64) -> Option<Duration> {
    let number = |text: &str| -> Option<Duration> {
        let secs: f64 = text.trim().trim_matches('"').parse().ok()?;
        if !secs.is_finite() || secs < 0.0 {
            return None;
        }
        #[allow(clippy::cast_precision_loss, reason = "epoch seconds fit an f64 exactly")]
        let now = now_epoch as f64;
        let delta = if secs > 1e9 { (secs - now).max(0.0) } else { secs };
        Some(Duration::from_secs_f64(delta))
    };
    if let Some(d) = number(value) {
        return Some(d);
    }
    value
        .split([';', ','])
        .filter_map(|member| member.split_once('='))
        .find(|(key, _)| matches!(key.trim(), "t" | "reset"))
        .and_then(|(_, v)| number(v))
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
    fn rate_limit_reset_forms() {
        let now = 1_700_000_000;
        assert_eq!(parse_reset("30", now), Some(Duration::from_secs(30)));
        assert_eq!(parse_reset("1700000042", now), Some(Duration::from_secs(42)));
        assert_eq!(parse_reset("1600000000", now), Some(Duration::ZERO));
        assert_eq!(parse_reset("\"default\";r=0;t=17", now), Some(Duration::from_secs(17)));
        assert_eq!(parse_reset("limit=10, remaining=0, reset=5", now), Some(Duration::from_secs(5)));
        assert_eq!(parse_reset("soon", now), None);
    }

    #[test]
    fn retry_after_forms() {
        assert_eq!(parse_retry_after(" 3 "), Some(Duration::from_secs(3)));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("soon"), None);
    }
}
