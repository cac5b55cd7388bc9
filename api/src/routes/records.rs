//! `GET /api/records` (newest first, keyset pages) and `GET /api/records/<id>`.

use rocket::serde::json::Json;
use rocket::State;
use serde::Serialize;
use store::{DatabaseConnection, Record};

use crate::ApiError;

const DEFAULT_LIMIT: u64 = 50;
const MAX_LIMIT: u64 = 200;

#[derive(Serialize)]
pub struct RecordsPage {
    records: Vec<Record>,
    /// The URL of the next (older) page; `null` on the last one.
    next: Option<String>,
}

/// Query values are taken as text and parsed here: Rocket's lenient parsing
/// would quietly turn `limit=ten` into "no limit".
#[rocket::get("/records?<before>&<limit>")]
pub async fn list(
    before: Option<&str>,
    limit: Option<&str>,
    db: &State<DatabaseConnection>,
) -> Result<Json<RecordsPage>, ApiError> {
    let before = before.map(|b| parse_query("before", b)).transpose()?;
    let limit = limit
        .map(|l| parse_query("limit", l))
        .transpose()?
        .unwrap_or(DEFAULT_LIMIT as i64);
    let limit = u64::try_from(limit)
        .ok()
        .filter(|l| (1..=MAX_LIMIT).contains(l))
        .ok_or_else(|| ApiError::BadQuery(format!("limit must be between 1 and {MAX_LIMIT}")))?;
    let page = store::records_page(db, before, limit).await?;
    Ok(Json(RecordsPage {
        records: page.records,
        next: page
            .next_before
            .map(|before| format!("/api/records?before={before}&limit={limit}")),
    }))
}

/// Any id that names no record, a number or not, is a 404.
#[rocket::get("/records/<id>")]
pub async fn one(id: &str, db: &State<DatabaseConnection>) -> Result<Json<Record>, ApiError> {
    let not_found = || ApiError::NotFound(format!("there is no record {id}"));
    let id: i64 = id.parse().map_err(|_| not_found())?;
    store::record_by_id(db, id)
        .await?
        .map(Json)
        .ok_or_else(not_found)
}

fn parse_query(name: &str, value: &str) -> Result<i64, ApiError> {
    value
        .parse()
        .map_err(|_| ApiError::BadQuery(format!("{name} must be a whole number, not {value:?}")))
}
