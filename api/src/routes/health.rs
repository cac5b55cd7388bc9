//! `GET /api/health`, for the load balancer's api target group.

use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::State;
use store::service::Health;
use store::DatabaseConnection;

#[rocket::get("/health")]
pub async fn health(db: &State<DatabaseConnection>) -> (Status, Json<Health>) {
    store::service::health(db).await
}
