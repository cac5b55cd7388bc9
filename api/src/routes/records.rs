//! `GET /api/records` (newest first, keyset pages) and `GET /api/records/<id>`.

use rocket::http::ContentType;
use rocket::response::stream::ByteStream;
use rocket::serde::json::Json;
use rocket::State;
use serde::Serialize;
use store::{DatabaseConnection, Filter, Record};

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
#[rocket::get("/records?<before>&<limit>&<format>&<op>&<tag>&<q>", rank = 2)]
#[allow(clippy::too_many_arguments)]
pub async fn list(
    before: Option<&str>,
    limit: Option<&str>,
    format: Option<&str>,
    op: Option<&str>,
    tag: Option<&str>,
    q: Option<&str>,
    db: &State<DatabaseConnection>,
) -> Result<Json<RecordsPage>, ApiError> {
    if let Some(format) = format {
        // `ndjson` is served by `export`, ranked first.
        return Err(ApiError::BadQuery(format!(
            "format must be ndjson (or absent, for pages of JSON), not {format:?}"
        )));
    }
    let before = before.map(|b| parse_query("before", b)).transpose()?;
    let limit = limit
        .map(|l| parse_query("limit", l))
        .transpose()?
        .unwrap_or(DEFAULT_LIMIT as i64);
    let limit = u64::try_from(limit)
        .ok()
        .filter(|l| (1..=MAX_LIMIT).contains(l))
        .ok_or_else(|| ApiError::BadQuery(format!("limit must be between 1 and {MAX_LIMIT}")))?;
    let filter = Filter::from_query(op, tag, q).map_err(ApiError::BadQuery)?;
    let page = store::records_page(db, &filter, before, limit).await?;
    let filters = filter.query();
    Ok(Json(RecordsPage {
        records: page.records,
        next: page
            .next_before
            .map(|before| format!("/api/records?before={before}&limit={limit}{filters}")),
    }))
}

/// Rows read per query while streaming every record.
const BATCH: u64 = 2_000;

/// `GET /api/records?format=ndjson`: every record, newest first, one JSON
/// object a line, streamed in keyset batches: flat memory at any row
/// count, and the first line leaves at once. A database failure midway
/// ends the stream with a last line `{"error": ...}` in the usual shape.
#[rocket::get("/records?format=ndjson&<op>&<tag>&<q>", rank = 1)]
pub fn export(
    op: Option<&str>,
    tag: Option<&str>,
    q: Option<&str>,
    db: &State<DatabaseConnection>,
) -> Result<
    (
        ContentType,
        ByteStream<impl rocket::futures::Stream<Item = Vec<u8>>>,
    ),
    ApiError,
> {
    let filter = Filter::from_query(op, tag, q).map_err(ApiError::BadQuery)?;
    let db = db.inner().clone();
    let stream = ByteStream! {
        let mut before = None;
        loop {
            let page = match store::records_page(&db, &filter, before, BATCH).await {
                Ok(page) => page,
                Err(e) => {
                    rocket::error!("the NDJSON export stopped: {e}");
                    let error = serde_json::json!({"error": {
                        "code": "export_interrupted",
                        "message": "the database failed during the export; the lines above are complete",
                    }});
                    yield format!("{error}\n").into_bytes();
                    break;
                }
            };
            let mut lines = Vec::with_capacity(page.records.len() * 256);
            for record in &page.records {
                match serde_json::to_writer(&mut lines, record) {
                    Ok(()) => lines.push(b'\n'),
                    Err(e) => rocket::error!("record {} left out of the export: {e}", record.id),
                }
            }
            yield lines;
            match page.next_before {
                Some(next) => before = Some(next),
                None => break,
            }
        }
    };
    Ok((ContentType::new("application", "x-ndjson"), stream))
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
