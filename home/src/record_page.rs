//! `GET /records/<id>`: one record whole, original and processed side by
//! side with the changes marked, and links to its neighbours.

use rocket::response::content::RawHtml;
use rocket::State;
use serde::Serialize;
use store::DatabaseConnection;

use crate::diff;
use crate::routes::Stamp;
use crate::{HomeError, Pages};

#[derive(Serialize)]
struct RecordView {
    id: i64,
    tag: String,
    operation: &'static str,
    source_language: Option<String>,
    target_language: Option<String>,
    #[serde(flatten)]
    stamp: Stamp,
    /// Escaped HTML, changes marked (`diff::to_html`).
    original: String,
    processed: String,
    changed: bool,
    newer: Option<i64>,
    older: Option<i64>,
}

/// A malformed id names no record either: both are the styled 404.
#[rocket::get("/records/<id>")]
pub async fn record_page(
    id: &str,
    db: &State<DatabaseConnection>,
    pages: &State<Pages>,
) -> Result<RawHtml<String>, HomeError> {
    let not_found = || HomeError::NotFound(format!("There is no record {id}."));
    let number: i64 = id.parse().map_err(|_| not_found())?;
    let record = store::record_by_id(db, number)
        .await?
        .ok_or_else(not_found)?;
    let (newer, older) = store::neighbours(db, number).await?;
    let sides = diff::sides(record.operation, &record.original, &record.processed);
    let view = RecordView {
        id: record.id,
        operation: record.operation.as_str(),
        stamp: Stamp::of(&record),
        changed: sides.processed.iter().any(|p| p.changed),
        original: diff::to_html(&sides.original, "del", usize::MAX).0,
        processed: diff::to_html(&sides.processed, "ins", usize::MAX).0,
        tag: record.tag,
        source_language: record.source_language,
        target_language: record.target_language,
        newer,
        older,
    };
    pages.render("record.html", &view)
}
