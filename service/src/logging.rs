//! JSON lines on stdout, one object per event, for CloudWatch (awslogs) to
//! store and query as they are.
//!
//! What a line may hold is decided here and nowhere else. Users' text must
//! never reach a log, at any level: the libraries that would print it are
//! capped below the level where they do, whatever `TEXTPROC_LOG` asks.
//! - Rocket's warnings quote the body a data guard refused, and its debug
//!   lines every header: Rocket is capped at `error`.
//! - sea-orm and sqlx print statements with their values at `debug`.
//! - hyper and reqwest print bodies and headers at `trace`.

use tracing_subscriber::filter::{EnvFilter, LevelFilter, Targets};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::Layer;

/// The variable that sets the level (`info` by default): a level, or
/// `target=level` pairs as `RUST_LOG` takes them.
pub const LOG_ENV: &str = "TEXTPROC_LOG";

/// Starts the JSON logger; call it once, first thing in `main`. Rocket's
/// own logger then finds one in place and stays out (its lines and those
/// of our `rocket::info!` calls arrive here through `log`).
pub fn init_logging() {
    let wanted = EnvFilter::builder()
        .with_default_directive(LevelFilter::INFO.into())
        .with_env_var(LOG_ENV)
        .from_env_lossy();
    let caps = Targets::new()
        .with_default(LevelFilter::TRACE)
        .with_target("rocket", LevelFilter::ERROR)
        // Rocket's indented continuation lines.
        .with_target("_", LevelFilter::ERROR)
        .with_target("sea_orm", LevelFilter::WARN)
        .with_target("sea_orm_migration", LevelFilter::INFO)
        .with_target("sqlx", LevelFilter::WARN)
        .with_target("hyper", LevelFilter::WARN)
        .with_target("hyper_util", LevelFilter::WARN)
        .with_target("reqwest", LevelFilter::WARN)
        .with_target("rustls", LevelFilter::WARN)
        .with_target("h2", LevelFilter::WARN);
    let json = tracing_subscriber::fmt::layer()
        .json()
        .flatten_event(true)
        .with_current_span(false)
        .with_span_list(false)
        .with_writer(std::io::stdout)
        .with_filter(caps)
        .with_filter(wanted);
    if let Err(e) = tracing_subscriber::registry().with(json).try_init() {
        eprintln!("logging: {e}");
    }
}
