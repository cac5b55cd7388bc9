//! `GET /api/health`, for the load balancer's api target group, and for
//! the home page to learn whether translation is offered.

use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::State;
use serde::Serialize;
use service::{Health, Lifecycle};
use store::DatabaseConnection;

use super::TranslationState;

#[derive(Serialize)]
pub struct ApiHealth {
    #[serde(flatten)]
    health: Health,
    translation: TranslationHealth,
}

#[derive(Serialize)]
struct TranslationHealth {
    configured: bool,
    backend: Option<&'static str>,
}

/// 200 when the database answers; translation being off is reported, not
/// an outage (the api still corrects and spaces).
#[rocket::get("/health")]
pub async fn health(
    db: &State<DatabaseConnection>,
    lifecycle: &State<Lifecycle>,
    translation: &State<TranslationState>,
) -> (Status, Json<ApiHealth>) {
    let (status, health) = service::health(db, lifecycle).await;
    let backend = translation.service.as_ref().map(|s| s.backend_name());
    let translation = TranslationHealth {
        configured: backend.is_some(),
        backend,
    };
    (
        status,
        Json(ApiHealth {
            health,
            translation,
        }),
    )
}
