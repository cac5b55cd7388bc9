//! What every service built on the store shares: configuration, the fairing
//! that opens the database, and launching with a clear exit status.

use rocket::data::{ByteUnit, Limits};
use rocket::fairing::AdHoc;
use rocket::figment::providers::{Env, Format, Serialized, Toml};
use rocket::figment::{Figment, Profile};
use rocket::{Build, Rocket};
use sea_orm::DatabaseConnection;
use serde::Serialize;

use crate::{connect, redact_url};

/// Where records live when nothing is configured: a file beside the process.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://textproc.db?mode=rwc";

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
    database_url: &'static str,
}

/// Rocket's configuration (defaults, `Rocket.toml`, `ROCKET_*`) with our
/// defaults beneath it and `DATABASE_URL` (plus `extra_keys`) from the
/// environment on top.
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
        database_url: DEFAULT_DATABASE_URL,
    };
    let mut keys = vec!["DATABASE_URL"];
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

/// The configured database URL.
pub fn database_url(rocket: &Rocket<Build>) -> String {
    rocket
        .figment()
        .extract_inner::<String>("database_url")
        .unwrap_or_else(|_| DEFAULT_DATABASE_URL.to_owned())
}

/// Opens the pool at launch, or fails the launch with one line saying why.
/// In the all-in-one binary both services attach this; the second finds the
/// pool already there and shares it.
pub fn database() -> AdHoc {
    AdHoc::try_on_ignite("Database", |rocket| async move {
        if rocket.state::<DatabaseConnection>().is_some() {
            return Ok(rocket);
        }
        let url = database_url(&rocket);
        match connect(&url).await {
            Ok(db) => {
                rocket::info!("database: {}", redact_url(&url));
                Ok(rocket
                    .manage(db)
                    .attach(AdHoc::on_shutdown("Close database", |rocket| {
                        Box::pin(async move {
                            if let Some(db) = rocket.state::<DatabaseConnection>() {
                                if let Err(e) = db.clone().close().await {
                                    rocket::warn!("closing the database pool: {e}");
                                }
                            }
                        })
                    })))
            }
            Err(e) => {
                rocket::error!("{e}");
                Err(rocket)
            }
        }
    })
}

/// Launches `rocket` and turns the outcome into the process's exit status;
/// a launch failure has been reported (one line per cause) by then.
pub async fn serve(rocket: Rocket<Build>) -> std::process::ExitCode {
    match rocket.launch().await {
        Ok(_) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            // pretty_print logs the cause and marks the error as handled,
            // which stops rocket::Error from panicking when dropped.
            eprintln!("launch failed: {}", e.pretty_print());
            std::process::ExitCode::FAILURE
        }
    }
}

/// Below the ALB's default 5 s health-check timeout, so a hung database
/// reads as unhealthy rather than as a timeout.
const HEALTH_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(3);

/// What `/api/health` and `/healthz` answer.
#[derive(Debug, Serialize)]
pub struct Health {
    pub status: &'static str,
    pub database: DatabaseHealth,
}

#[derive(Debug, Serialize)]
pub struct DatabaseHealth {
    pub ok: bool,
    pub backend: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<&'static str>,
}

/// 200 when the database answers and holds the records table, 503 (with
/// which of the two failed) otherwise. The detail goes to the log only:
/// hosts and SQL are not for an unauthenticated caller.
pub async fn health(db: &DatabaseConnection) -> (rocket::http::Status, Health) {
    let error = match tokio::time::timeout(HEALTH_TIMEOUT, crate::check_health(db)).await {
        Ok(Ok(())) => None,
        Ok(Err(e)) => {
            rocket::warn!("health check failed: {e}");
            Some(match e {
                crate::Error::SchemaMissing(_) => "the records table is missing",
                _ => "the database does not answer",
            })
        }
        Err(_) => {
            rocket::warn!("health check failed: no answer within {HEALTH_TIMEOUT:?}");
            Some("the database does not answer")
        }
    };
    let status = if error.is_none() {
        rocket::http::Status::Ok
    } else {
        rocket::http::Status::ServiceUnavailable
    };
    let health = Health {
        status: if error.is_none() { "ok" } else { "unavailable" },
        database: DatabaseHealth {
            ok: error.is_none(),
            backend: crate::backend_name(db),
            error,
        },
    };
    (status, health)
}
