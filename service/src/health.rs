//! What `/api/health` and `/healthz` answer: whether the database answers
//! and holds the records table.

use rocket::http::Status;
use serde::Serialize;
use store::DatabaseConnection;

use crate::Lifecycle;

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
/// which of the two failed) otherwise, and 503 at once, without asking the
/// database, while the service is stopping (and as soon as it starts to,
/// for a check still waiting on the database). The detail goes to the log
/// only: hosts and SQL are not for an unauthenticated caller.
pub async fn health(db: &DatabaseConnection, lifecycle: &Lifecycle) -> (Status, Health) {
    let checked = tokio::time::timeout(HEALTH_TIMEOUT, store::check_health(db));
    let Some(checked) = lifecycle.before_draining(checked).await else {
        let health = Health {
            status: "stopping",
            database: DatabaseHealth {
                ok: false,
                backend: store::backend_name(db),
                error: Some("not checked: the service is stopping"),
            },
        };
        return (Status::ServiceUnavailable, health);
    };
    let error = match checked {
        Ok(Ok(())) => None,
        Ok(Err(e)) => {
            rocket::warn!("health check failed: {e}");
            Some(match e {
                store::Error::SchemaMissing(_) => "the records table is missing",
                _ => "the database does not answer",
            })
        }
        Err(_) => {
            rocket::warn!("health check failed: no answer within {HEALTH_TIMEOUT:?}");
            Some("the database does not answer")
        }
    };
    let status = if error.is_none() {
        Status::Ok
    } else {
        Status::ServiceUnavailable
    };
    let health = Health {
        status: if error.is_none() { "ok" } else { "unavailable" },
        database: DatabaseHealth {
            ok: error.is_none(),
            backend: store::backend_name(db),
            error,
        },
    };
    (status, health)
}
