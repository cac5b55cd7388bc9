//! The Rocket glue both textproc services share: their configuration, the
//! fairing that opens the database, the health answer, and launching with
//! a clear exit status. The store itself knows nothing of Rocket.

mod database_url;
mod headers;
mod health;
mod lifecycle;
mod logging;
mod probe;
mod request_log;

use rocket::data::{ByteUnit, Limits};
use rocket::fairing::AdHoc;
use rocket::figment::providers::{Env, Format, Serialized, Toml};
use rocket::figment::{Figment, Profile};
use rocket::{Build, Rocket};
use serde::Serialize;
use store::DatabaseConnection;

pub use database_url::{DatabaseUrlError, DEFAULT_DATABASE_URL};
pub use headers::{SecurityHeaders, CONTENT_SECURITY_POLICY};
pub use health::{health, DatabaseHealth, Health};
pub use lifecycle::{Lifecycle, Stopping};
pub use logging::init_logging;
pub use probe::probe;
pub use request_log::{note_record_id, RequestLog};

/// The largest request body either service reads.
///
/// A 10,000-character text must always fit: a browser percent-encodes a
/// form field, so one 4-byte character becomes 12 bytes on the wire, and
/// 10,000 of them need 120,000 bytes. 64 KiB would reject valid input.
pub const BODY_LIMIT: ByteUnit = ByteUnit::Kibibyte(128);

/// The settings we set on purpose rather than inherit from Rocket.
#[derive(Serialize)]
struct Defaults {
    address: &'static str,
    port: u16,
    limits: Limits,
    /// No `Server: Rocket` banner: it tells an attacker what to try.
    ident: bool,
    shutdown: rocket::config::Shutdown,
}

/// Rocket's configuration (defaults, `Rocket.toml`, `ROCKET_*`) with our
/// defaults beneath it and `DATABASE_URL` (plus `extra_keys`) from the
/// environment on top. The `DB_*` parts are read raw by `database_url`.
pub fn figment(extra_keys: &[&str]) -> Figment {
    let defaults = Defaults {
        // Rocket's default too, stated here: a laptop run stays private;
        // containers set ROCKET_ADDRESS=0.0.0.0.
        address: "127.0.0.1",
        port: 8000,
        limits: Limits::default()
            .limit("form", BODY_LIMIT)
            .limit("json", BODY_LIMIT)
            .limit("string", BODY_LIMIT)
            .limit("bytes", BODY_LIMIT),
        ident: false,
        shutdown: shutdown(),
    };
    let mut keys = vec!["DATABASE_URL", "DATABASE_POOL_SIZE"];
    keys.extend_from_slice(extra_keys);
    Figment::from(rocket::Config::default())
        .merge(Serialized::defaults(defaults))
        .merge(Toml::file(Env::var_or("ROCKET_CONFIG", "Rocket.toml")).nested())
        .merge(Env::prefixed("ROCKET_").ignore(&["PROFILE"]).global())
        .merge(Env::raw().only(&keys).global())
        .select(Profile::from_env_or(
            "ROCKET_PROFILE",
            rocket::Config::DEFAULT_PROFILE,
        ))
}

/// Rocket's graceful shutdown, with its signal handling off: `serve` owns
/// the signals, so health can turn 503 before Rocket stops accepting.
// Shutdown has private fields, so it cannot be built with a literal.
#[allow(clippy::field_reassign_with_default)]
fn shutdown() -> rocket::config::Shutdown {
    let mut shutdown = rocket::config::Shutdown::default();
    shutdown.ctrlc = false;
    shutdown.signals.clear();
    shutdown.grace = lifecycle::GRACE_SECS;
    shutdown.mercy = lifecycle::MERCY_SECS;
    shutdown
}

/// The one place the database's address is decided: `database_url` from
/// the configuration (`DATABASE_URL`, `Rocket.toml`, or a test's override)
/// or the `DB_*` parts from the environment, never both.
pub fn database_url(figment: &Figment) -> Result<String, DatabaseUrlError> {
    let url = figment.extract_inner::<String>("database_url").ok();
    database_url::resolve(url, |key| std::env::var(key).ok())
}

/// The resolved URL, kept as managed state so later fairings (the api's
/// migrations) use the very database the pool was opened on.
pub struct DatabaseUrl(pub String);

/// Opens the pool at launch, or fails the launch with one line saying why.
/// `default_size` is the service's pool size when `DATABASE_POOL_SIZE` is
/// not set. In the all-in-one binary both services attach this; the second
/// finds the pool already there and shares it.
pub fn database(default_size: u32) -> AdHoc {
    AdHoc::try_on_ignite("Database", move |rocket| async move {
        if rocket.state::<DatabaseConnection>().is_some() {
            return Ok(rocket);
        }
        // The api has read its settings already; home reads just this one.
        let known = rocket.state::<DatabaseUrl>().map(|known| known.0.clone());
        let (rocket, url) = match known {
            Some(url) => (rocket, url),
            None => match database_url(rocket.figment()) {
                Ok(url) => (rocket.manage(DatabaseUrl(url.clone())), url),
                Err(e) => {
                    rocket::error!("{e}");
                    return Err(rocket);
                }
            },
        };
        let size = match pool_size(rocket.figment(), default_size) {
            Ok(size) => size,
            Err(e) => {
                rocket::error!("{e}");
                return Err(rocket);
            }
        };
        match store::connect_with_pool_size(&url, size).await {
            Ok(db) => {
                rocket::info!("database: {}", store::redact_url(&url));
                Ok(rocket.manage(db))
            }
            Err(e) => {
                rocket::error!("{e}");
                Err(rocket)
            }
        }
    })
}

/// `DATABASE_POOL_SIZE`: connections each process opens at most. Behind a
/// load balancer, every task's pool counts against the database's
/// `max_connections`, so `ecs/` sets it from the instance size.
fn pool_size(figment: &Figment, default_size: u32) -> Result<u32, String> {
    if figment.find_value("database_pool_size").is_err() {
        return Ok(default_size);
    }
    figment
        .extract_inner::<u32>("database_pool_size")
        .ok()
        .filter(|size| (1..=1_000).contains(size))
        .ok_or_else(|| "DATABASE_POOL_SIZE must be a whole number from 1 to 1000".to_owned())
}

/// Launches `rocket`, stops it on SIGTERM or SIGINT as `lifecycle` says,
/// and turns the outcome into the process's exit status; a launch failure
/// has been reported (one line per cause) by then.
///
/// The pool is closed only once Rocket has finished serving: shutdown
/// fairings run as soon as the stop begins, while requests are still in
/// flight, and closing it there failed every one of them with 503.
pub async fn serve(rocket: Rocket<Build>) -> std::process::ExitCode {
    let rocket = rocket.attach(AdHoc::on_liftoff("Stop on signal", |rocket| {
        Box::pin(async move {
            rocket::info!(
                "serving on {}:{}",
                rocket.config().address,
                rocket.config().port
            );
            let Some(lifecycle) = rocket.state::<Lifecycle>().cloned() else {
                rocket::error!("the Stopping fairing is not attached; signals are ignored");
                return;
            };
            let grace = std::time::Duration::from_secs(rocket.config().shutdown.grace.into());
            tokio::spawn(lifecycle.stop_on_signal(rocket.shutdown(), grace));
        })
    }));
    match rocket.launch().await {
        Ok(rocket) => {
            if let Some(db) = rocket.state::<DatabaseConnection>() {
                match tokio::time::timeout(lifecycle::POOL_CLOSE, db.clone().close()).await {
                    Ok(Ok(())) => {}
                    Ok(Err(e)) => rocket::warn!("closing the database pool: {e}"),
                    Err(_) => rocket::warn!(
                        "the database did not answer within {:?}; exiting without closing the pool",
                        lifecycle::POOL_CLOSE
                    ),
                }
            }
            rocket::info!("stopped");
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            // pretty_print logs the cause and marks the error as handled,
            // which stops rocket::Error from panicking when dropped.
            eprintln!("launch failed: {}", e.pretty_print());
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use rocket::figment::providers::Serialized;
    use rocket::figment::value::Value;
    use rocket::figment::Figment;

    #[test]
    fn the_pool_size_is_checked() {
        // As the environment gives it: `DATABASE_POOL_SIZE=8` arrives as a number.
        let with = |value: Serialized<Value>| super::pool_size(&Figment::new().merge(value), 5);
        let number = |n: i64| with(Serialized::global("database_pool_size", Value::from(n)));
        let text = |t: &str| with(Serialized::global("database_pool_size", Value::from(t)));
        assert_eq!(super::pool_size(&Figment::new(), 5), Ok(5));
        assert_eq!(number(8), Ok(8));
        for bad in [number(0), number(-1), number(1001), text("ten"), text("")] {
            assert!(bad.unwrap_err().contains("DATABASE_POOL_SIZE"));
        }
    }
}
