// When to try a provider again: exponential backoff with jitter (backon's schedule), raised to
// the provider's Retry-After when it names a longer wait, for 429, 5xx, timeouts and resets.

use std::time::Duration;

use backon::{BackoffBuilder, ExponentialBackoff, ExponentialBuilder};

/// The first wait; each later one doubles (plus up to 100 % jitter), up to `MAX_DELAY`.
pub const FIRST_DELAY: Duration = Duration::from_millis(500);
pub const MAX_DELAY: Duration = Duration::from_secs(20);
/// The longest Retry-After honoured; a provider asking for more fails the call at once.
pub const LONGEST_RETRY_AFTER: Duration = Duration::from_secs(120);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts after the first.
    pub retries: u32,
}

impl RetryPolicy {
    /// The waits before each retry, in order (`retries` of them).
    pub fn schedule(&self) -> ExponentialBackoff {
        self.builder().build()
    }

    /// The same schedule with a fixed jitter seed (tests).
    #[cfg(test)]
    pub fn seeded_schedule(&self, seed: u64) -> ExponentialBackoff {
        self.builder().with_jitter_seed(seed).build()
    }

    fn builder(&self) -> ExponentialBuilder {
        ExponentialBuilder::default()
            .with_min_delay(FIRST_DELAY)
            .with_max_delay(MAX_DELAY)
            .with_factor(2.0)
            .with_jitter()
            .with_max_times(self.retries as usize)
    }
}

/// The wait before the next attempt: the backoff, or the provider's Retry-After if longer.
pub fn next_wait(backoff: Duration, retry_after: Option<Duration>) -> Duration {
    retry_after.map_or(backoff, |asked| asked.max(backoff))
}

/// A Retry-After value: whole seconds, or an HTTP date (RFC 7231) measured from `now`.
pub fn parse_retry_after(value: &str, now: chrono::DateTime<chrono::Utc>) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<f64>() {
        return (seconds.is_finite() && seconds >= 0.0).then(|| Duration::from_secs_f64(seconds));
    }
    let at = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    Some((at.with_timezone(&chrono::Utc) - now).to_std().unwrap_or(Duration::ZERO))
}

/// OpenAI's `retry-after-ms`: milliseconds.
pub fn parse_retry_after_ms(value: &str) -> Option<Duration> {
    value.trim().parse::<u64>().ok().map(Duration::from_millis)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schedule_doubles_with_jitter_and_stops_after_the_retries() {
        let waits: Vec<Duration> = RetryPolicy { retries: 7 }.seeded_schedule(7).collect();
        assert_eq!(waits.len(), 7);
        // Without jitter the waits are 0.5, 1, 2, 4, 8, 16, 20 s; jitter adds up to as much again.
        let base = [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 20.0];
        for (wait, base) in waits.iter().zip(base) {
            let secs = wait.as_secs_f64();
            assert!(secs >= base && secs < 2.0 * base + 1e-6, "{secs} not in [{base}, {})", 2.0 * base);
        }
        let other: Vec<Duration> = RetryPolicy { retries: 7 }.seeded_schedule(8).collect();
        assert_ne!(waits, other, "the jitter depends on the seed");
        assert_eq!(RetryPolicy { retries: 0 }.schedule().count(), 0);
    }

    #[test]
    fn retry_after_raises_the_wait_but_never_shortens_it() {
        let backoff = Duration::from_millis(600);
        assert_eq!(next_wait(backoff, Some(Duration::from_secs(2))), Duration::from_secs(2));
        assert_eq!(next_wait(backoff, Some(Duration::from_millis(10))), backoff);
        assert_eq!(next_wait(backoff, None), backoff);
    }

    #[test]
    fn retry_after_is_read_as_seconds_or_as_an_http_date() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-03T10:00:00Z").unwrap().with_timezone(&chrono::Utc);
        assert_eq!(parse_retry_after("3", now), Some(Duration::from_secs(3)));
        assert_eq!(parse_retry_after(" 1.5 ", now), Some(Duration::from_millis(1500)));
        assert_eq!(parse_retry_after("Tue, 03 Nov 2026 10:00:30 GMT", now), Some(Duration::from_secs(30)));
        assert_eq!(parse_retry_after("Tue, 03 Nov 2026 09:00:00 GMT", now), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-1", now), None);
        assert_eq!(parse_retry_after_ms("250"), Some(Duration::from_millis(250)));
    }
}
