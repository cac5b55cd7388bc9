//! Retrying what passes by itself, and nothing else.

use std::future::Future;
use std::time::Duration;

use super::BackendError;

#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    /// Calls at most, the first included.
    pub max_attempts: u32,
    /// The first wait; it doubles each time, up to `max_delay`.
    pub base_delay: Duration,
    /// The longest wait; a `Retry-After` beyond it ends the retries.
    pub max_delay: Duration,
}

/// Calls `call` until it succeeds, fails for good, or the attempts run out.
/// Only transient failures (rate limits, 5xx, timeouts, unreachable) are
/// retried, after an exponential wait with jitter, or the upstream's own
/// `Retry-After` when it gives one.
pub async fn with_retries<T, F, Fut>(policy: RetryPolicy, mut call: F) -> Result<T, BackendError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, BackendError>>,
{
    let mut attempt = 1;
    loop {
        match call().await {
            Ok(value) => return Ok(value),
            Err(error) if error.is_transient() && attempt < policy.max_attempts => {
                let Some(wait) = delay(policy, attempt, error.retry_after()) else {
                    return Err(error);
                };
                rocket::warn!(
                    "translation attempt {attempt} failed ({error}); retrying in {wait:?}"
                );
                tokio::time::sleep(wait).await;
                attempt += 1;
            }
            Err(error) => return Err(error),
        }
    }
}

/// "Equal jitter": half the exponential step, plus a random part of the
/// other half, so retries from many tasks do not arrive together.
fn delay(policy: RetryPolicy, attempt: u32, retry_after: Option<Duration>) -> Option<Duration> {
    if let Some(asked) = retry_after {
        return (asked <= policy.max_delay).then_some(asked);
    }
    let step = policy
        .base_delay
        .saturating_mul(1 << (attempt - 1).min(16))
        .min(policy.max_delay);
    Some(step / 2 + step.mul_f64(fastrand::f64() / 2.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: RetryPolicy = RetryPolicy {
        max_attempts: 4,
        base_delay: Duration::from_millis(100),
        max_delay: Duration::from_millis(1_000),
    };

    #[test]
    fn delays_grow_with_jitter_and_stay_under_the_cap() {
        for attempt in 1..=10 {
            let step = (100u64 << (attempt - 1)).min(1_000);
            for _ in 0..50 {
                let wait = delay(POLICY, attempt, None).unwrap().as_millis() as u64;
                assert!(
                    wait >= step / 2 && wait <= step,
                    "attempt {attempt}: {wait} ms"
                );
            }
        }
    }

    #[test]
    fn retry_after_is_obeyed_up_to_the_cap() {
        let asked = Duration::from_millis(700);
        assert_eq!(delay(POLICY, 1, Some(asked)), Some(asked));
        assert_eq!(delay(POLICY, 1, Some(Duration::from_secs(30))), None);
    }

    #[tokio::test]
    async fn only_transient_failures_are_retried() {
        let policy = RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(2),
        };
        let mut calls = 0;
        let result: Result<(), _> = with_retries(policy, || {
            calls += 1;
            async { Err(BackendError::Upstream("500".into())) }
        })
        .await;
        assert!(matches!(result, Err(BackendError::Upstream(_))));
        assert_eq!(calls, 3);

        let mut calls = 0;
        let result: Result<(), _> = with_retries(policy, || {
            calls += 1;
            async { Err(BackendError::Auth("bad key".into())) }
        })
        .await;
        assert!(matches!(result, Err(BackendError::Auth(_))));
        assert_eq!(calls, 1);
    }
}
