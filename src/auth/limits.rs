//! Rate limits for the endpoints people guess at: sign-in now; registration, password reset and
//! business applications use the same limiters as they land. Kept in memory per process (one
//! server); a refused request gets 429 with `Retry-After` and a friendly themed page.

use crate::error::AppError;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::num::NonZeroU32;

/// One keyed limiter: `burst` attempts, refilled evenly over a minute.
pub struct Limiter {
    inner: DefaultKeyedRateLimiter<String>,
    clock: DefaultClock,
}

impl Limiter {
    pub fn per_minute(burst: u32) -> Limiter {
        let burst = NonZeroU32::new(burst.max(1)).unwrap_or(NonZeroU32::MIN);
        Limiter {
            inner: RateLimiter::keyed(Quota::per_minute(burst)),
            clock: DefaultClock::default(),
        }
    }

    /// Counts one attempt for `key`; refuses with the seconds to wait when the quota is spent.
    pub fn check(&self, key: &str) -> Result<(), AppError> {
        // Forget idle keys now and then so the map does not grow without bound.
        if self.inner.len() > 10_000 {
            self.inner.retain_recent();
        }
        self.inner.check_key(&key.to_string()).map_err(|not_until| {
            let wait = not_until.wait_time_from(self.clock.now()).as_secs() + 1;
            AppError::TooManyRequests(wait)
        })
    }
}

/// The shop's limiters.
pub struct RateLimits {
    /// Sign-in attempts per client address.
    pub sign_in_ip: Limiter,
    /// Sign-in attempts per e-mail address (known or not, so the limit reveals nothing).
    pub sign_in_account: Limiter,
    /// Registrations per client address.
    pub register_ip: Limiter,
    /// Password-reset requests per client address and per e-mail address.
    pub reset_ip: Limiter,
    pub reset_account: Limiter,
    /// "Notify me when back" sign-ups and review posts per client address.
    pub storefront_forms_ip: Limiter,
    /// Live chats started per client address (`support.chat_starts_per_minute`).
    pub chat_start_ip: Limiter,
    /// Messages per chat conversation (a customer cannot flood the agents).
    pub chat_messages: Limiter,
}

impl Default for RateLimits {
    fn default() -> Self {
        RateLimits {
            sign_in_ip: Limiter::per_minute(30),
            sign_in_account: Limiter::per_minute(5),
            register_ip: Limiter::per_minute(10),
            reset_ip: Limiter::per_minute(10),
            reset_account: Limiter::per_minute(3),
            storefront_forms_ip: Limiter::per_minute(10),
            chat_start_ip: Limiter::per_minute(10),
            chat_messages: Limiter::per_minute(30),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sixth_attempt_in_a_minute_is_refused_per_key() {
        let limiter = Limiter::per_minute(5);
        for _ in 0..5 {
            assert!(limiter.check("a@example.com").is_ok());
        }
        match limiter.check("a@example.com") {
            Err(AppError::TooManyRequests(wait)) => assert!((1..=61).contains(&wait), "{wait}"),
            other => panic!("expected 429, got {other:?}"),
        }
        assert!(
            limiter.check("b@example.com").is_ok(),
            "other keys are not affected"
        );
    }
}
