//! Stopping the way ECS stops a task: SIGTERM, then at most `StopTimeout`
//! (15 s in `ecs/`) before SIGKILL. We promise an exit within 10 s, every
//! request answered, whatever the database does:
//!
//! 1. SIGTERM (or SIGINT): health answers 503 at once and every answer
//!    carries `Connection: close`, so the load balancer and keep-alive
//!    clients move elsewhere; new requests are still served for `DRAIN`.
//! 2. Rocket's graceful shutdown: no new connections; requests in flight
//!    have `GRACE_SECS`.
//! 3. Work still running `CUT_OFF_MARGIN` before the grace ends is cut off
//!    by its handler (`Lifecycle::before_cut_off`), which answers 503
//!    ("may or may not have been stored") rather than having its
//!    connection dropped without a word.
//! 4. The pool is closed within `POOL_CLOSE`, then the process exits.
//!
//! Worst case: 1 + 2 + 1 (mercy, for a client that will not read) + 1 s.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use rocket::fairing::{Fairing, Info, Kind};
use rocket::http::Header;
use rocket::{Build, Request, Response, Rocket};
use tokio::sync::watch;

/// How long new requests are still served after SIGTERM while health says
/// 503: long enough for a health check or a keep-alive client to notice.
pub const DRAIN: Duration = Duration::from_secs(1);
/// Rocket's grace period (`shutdown.grace`), set in `crate::figment`.
/// Rocket waits all of it whenever any connection is still open, idle
/// keep-alive ones included (a load balancer always has some), so it is
/// what nearly every stop costs: requests take milliseconds, and the few
/// stuck on a hung database or backend are cut off with an answer.
pub const GRACE_SECS: u32 = 2;
/// Rocket's extra time for connections whose clients do not cooperate.
pub const MERCY_SECS: u32 = 1;
/// Work is cut off this long before the grace ends, so its 503 is written
/// before Rocket stops the connection's I/O.
const CUT_OFF_MARGIN: Duration = Duration::from_millis(750);
/// Closing the pool politely must not hold the exit if the database hangs.
pub const POOL_CLOSE: Duration = Duration::from_secs(1);

/// Whether the service is stopping, shared by the health routes, the
/// handlers and the signal task. Cheap to clone.
#[derive(Clone)]
pub struct Lifecycle {
    inner: Arc<Inner>,
}

struct Inner {
    draining: watch::Sender<bool>,
    cut_off: watch::Sender<bool>,
}

impl Default for Lifecycle {
    fn default() -> Self {
        Lifecycle {
            inner: Arc::new(Inner {
                draining: watch::Sender::new(false),
                cut_off: watch::Sender::new(false),
            }),
        }
    }
}

impl Lifecycle {
    /// True from the stop signal on: health answers 503.
    pub fn is_draining(&self) -> bool {
        *self.inner.draining.borrow()
    }

    /// Runs `work` to its end, or until the stop signal: `None` then, and
    /// at once if the signal came before (`work` is not started). A health
    /// check waiting on a hung database answers "stopping" at the signal.
    pub async fn before_draining<T>(&self, work: impl Future<Output = T>) -> Option<T> {
        until_set(&self.inner.draining, work).await
    }

    /// Runs `work` to its end, or until the stop's cut-off: `None` then, and
    /// the caller answers 503 instead of leaving the client without one.
    pub async fn before_cut_off<T>(&self, work: impl Future<Output = T>) -> Option<T> {
        until_set(&self.inner.cut_off, work).await
    }

    /// The stop, step by step (the module comment): waits for SIGTERM or
    /// SIGINT, then drains, starts Rocket's shutdown and cuts off what is
    /// still running before its grace ends.
    /// Rocket's own signal handling is off (`crate::figment`), so this is
    /// the only way a signal stops the service.
    pub async fn stop_on_signal(self, shutdown: rocket::Shutdown, grace: Duration) {
        let signal = match wait_for_stop_signal().await {
            Ok(signal) => signal,
            Err(e) => {
                rocket::error!("cannot listen for stop signals: {e}");
                return;
            }
        };
        rocket::warn!("{signal}: stopping; health answers 503 from now on");
        self.inner.draining.send_replace(true);
        tokio::time::sleep(DRAIN).await;
        shutdown.notify();
        tokio::time::sleep(grace.saturating_sub(CUT_OFF_MARGIN)).await;
        self.inner.cut_off.send_replace(true);
    }
}

/// `work`'s output, or `None` once `flag` is set; the flag is looked at
/// first, so work that would start after it is never started.
async fn until_set<T>(flag: &watch::Sender<bool>, work: impl Future<Output = T>) -> Option<T> {
    let mut set = flag.subscribe();
    tokio::select! {
        biased;
        _ = set.wait_for(|set| *set) => None,
        done = work => Some(done),
    }
}

async fn wait_for_stop_signal() -> std::io::Result<&'static str> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut term = signal(SignalKind::terminate())?;
    let mut interrupt = signal(SignalKind::interrupt())?;
    Ok(tokio::select! {
        _ = term.recv() => "SIGTERM",
        _ = interrupt.recv() => "SIGINT",
    })
}

/// Manages the `Lifecycle` and, while stopping, asks every client to close
/// its connection after the answer. A singleton, so the all-in-one binary
/// has one lifecycle for both services.
pub struct Stopping;

#[rocket::async_trait]
impl Fairing for Stopping {
    fn info(&self) -> Info {
        Info {
            name: "Graceful stop",
            kind: Kind::Ignite | Kind::Response | Kind::Singleton,
        }
    }

    async fn on_ignite(&self, rocket: Rocket<Build>) -> rocket::fairing::Result {
        Ok(rocket.manage(Lifecycle::default()))
    }

    async fn on_response<'r>(&self, request: &'r Request<'_>, response: &mut Response<'r>) {
        let draining = request
            .rocket()
            .state::<Lifecycle>()
            .is_some_and(Lifecycle::is_draining);
        if draining {
            response.set_header(Header::new("Connection", "close"));
        }
    }
}
