// A per-minute cap on requests to providers (governor's GCRA limiter): a notebook that asks in
// a loop waits instead of being throttled by the provider. `rate_limit=0` turns it off.

use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};

pub struct RequestRateLimit {
    per_minute: u32,
    limiter: Option<DefaultDirectRateLimiter>,
    clock: DefaultClock,
}

impl RequestRateLimit {
    /// At most `per_minute` requests in any minute (spread evenly, bursts up to the whole
    /// minute's worth); 0 for no limit.
    pub fn per_minute(per_minute: u32) -> RequestRateLimit {
        let limiter = NonZeroU32::new(per_minute).map(|n| RateLimiter::direct(Quota::per_minute(n)));
        RequestRateLimit { per_minute, limiter, clock: DefaultClock::default() }
    }

    pub fn limit(&self) -> u32 {
        self.per_minute
    }

    /// Takes a slot now, or says how long to wait before asking again.
    pub fn try_acquire(&self) -> Result<(), Duration> {
        match &self.limiter {
            None => Ok(()),
            Some(limiter) => limiter.check().map_err(|not_until| not_until.wait_time_from(self.clock.now())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_minute_allows_its_quota_then_asks_to_wait() {
        let limit = RequestRateLimit::per_minute(3);
        for _ in 0..3 {
            assert!(limit.try_acquire().is_ok());
        }
        let wait = limit.try_acquire().unwrap_err();
        // One slot comes back every 60 s / 3 = 20 s.
        assert!(wait > Duration::from_secs(19) && wait <= Duration::from_secs(20), "{wait:?}");
        let unlimited = RequestRateLimit::per_minute(0);
        assert!((0..1000).all(|_| unlimited.try_acquire().is_ok()));
    }
}
