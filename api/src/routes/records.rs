//! `GET /api/records` (newest first, keyset pages) and `GET /api/records/<id>`.

use rocket::form::Errors;
use rocket::serde::json::Json;
use rocket::{FromForm, State};
use serde::Serialize;
use store::{DatabaseConnection, Record};

use crate::ApiError;

const DEFAULT_LIMIT: u64 = 50;
const MAX_LIMIT: u64 = 200;

#[derive(FromForm)]
pub struct PageQuery {
    before: Option<i64>,
    limit: Option<u64>,
}

#[derive(Serialize)]
pub struct RecordsPage {
    records: Vec<Record>,
    /// The URL of the next (older) page; `null` on the last one.
    next: Option<String>,
}

#[rocket::get("/records?<query..>")]
pub async fn list(
    query: Result<PageQuery, Errors<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<Json<RecordsPage>, ApiError> {
    let query = query.map_err(|e| ApiError::BadQuery(format!("before and limit must be whole numbers: {e}")))?;
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::BadQuery(format!("limit must be between 1 and {MAX_LIMIT}")));
    }
    let page = store::records_page(db, query.before, limit).await?;
    Ok(Json(RecordsPage {
        records: page.records,
        next: page
            .next_before
            .map(|before| format!("/api/records?before={before}&limit={limit}")),
    }))
}

#[rocket::get("/records/<id>")]
pub async fn one(id: i64, db: &State<DatabaseConnection>) -> Result<Json<Record>, ApiError> {
    store::record_by_id(db, id)
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::NotFound(format!("there is no record {id}")))
}
