//! `GET /` (the records and the forms), `GET /healthz`, the stylesheet, and
//! the HTML catchers.

use chrono::SecondsFormat;
use rocket::http::{Header, Status};
use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::response::{self, Responder};
use rocket::serde::json::Json;
use rocket::{Catcher, Request, Route, State};
use serde::Serialize;
use store::service::Health;
use store::{DatabaseConnection, Record};

use crate::error::error_page;
use crate::{HomeError, Pages, PAGE_SIZE};

pub fn routes() -> Vec<Route> {
    rocket::routes![index, healthz, stylesheet]
}

pub fn catchers() -> Vec<Catcher> {
    rocket::catchers![not_found, default]
}

#[derive(Serialize)]
struct IndexPage {
    forms: [TextForm; 3],
    rows: Vec<Row>,
    total: u64,
    /// Where the next (older) page starts, if there is one.
    older_before: Option<i64>,
    /// Whether this is a later page (so a link back to the newest is shown).
    paged: bool,
    flash: Option<Notice>,
    max_text_chars: usize,
    max_tag_chars: usize,
}

/// One of the forms that post to the api.
#[derive(Serialize)]
struct TextForm {
    /// The api route it posts to: `/api/{operation}`.
    operation: &'static str,
    title: &'static str,
    example: &'static str,
    button: &'static str,
}

const FORMS: [TextForm; 3] = [
    TextForm {
        operation: "spell",
        title: "Correct spelling",
        example: "speling is esy",
        button: "Correct",
    },
    TextForm {
        operation: "space",
        title: "Insert spaces",
        example: "thequickbrownfox",
        button: "Insert spaces",
    },
    TextForm {
        operation: "translate",
        title: "Translate to English",
        example: "Le renard brun est rapide",
        button: "Translate",
    },
];

#[derive(Serialize)]
struct Notice {
    kind: String,
    message: String,
}

/// One table row: the record with its time ready to show.
#[derive(Serialize)]
struct Row {
    id: i64,
    tag: String,
    operation: &'static str,
    original: String,
    processed: String,
    source_language: Option<String>,
    created_at: String,
    created_at_display: String,
}

impl From<Record> for Row {
    fn from(record: Record) -> Self {
        Row {
            id: record.id,
            operation: record.operation.as_str(),
            created_at: record
                .created_at
                .to_rfc3339_opts(SecondsFormat::Micros, true),
            created_at_display: record
                .created_at
                .format("%Y-%m-%d %H:%M:%S UTC")
                .to_string(),
            tag: record.tag,
            original: record.original,
            processed: record.processed,
            source_language: record.source_language,
        }
    }
}

#[rocket::get("/?<before>")]
async fn index(
    before: Option<&str>,
    flash: Option<FlashMessage<'_>>,
    db: &State<DatabaseConnection>,
    pages: &State<Pages>,
) -> Result<RawHtml<String>, HomeError> {
    let before = before
        .map(|b| {
            b.parse::<i64>().map_err(|_| {
                HomeError::BadQuery(format!("`before` must be a record number, not {b:?}."))
            })
        })
        .transpose()?;
    let page = store::records_page(db, before, PAGE_SIZE).await?;
    let total = store::record_count(db).await?;
    let view = IndexPage {
        forms: FORMS,
        rows: page.records.into_iter().map(Row::from).collect(),
        total,
        older_before: page.next_before,
        paged: before.is_some(),
        flash: flash.map(|f| Notice {
            kind: f.kind().to_owned(),
            message: f.message().to_owned(),
        }),
        max_text_chars: store::MAX_TEXT_CHARS,
        max_tag_chars: store::MAX_TAG_CHARS,
    };
    pages.render("index.html", &view)
}

/// For the load balancer's home target group.
#[rocket::get("/healthz")]
async fn healthz(db: &State<DatabaseConnection>) -> (Status, Json<Health>) {
    let (status, health) = store::service::health(db).await;
    (status, Json(health))
}

#[derive(rocket::Responder)]
#[response(content_type = "css")]
struct Stylesheet {
    body: &'static str,
    cache: Header<'static>,
}

#[rocket::get("/static/style.css")]
fn stylesheet() -> Stylesheet {
    Stylesheet {
        body: include_str!("../static/style.css"),
        cache: Header::new("Cache-Control", "public, max-age=3600"),
    }
}

struct Caught(Status, String);

impl<'r> Responder<'r, 'static> for Caught {
    fn respond_to(self, request: &'r Request<'_>) -> response::Result<'static> {
        error_page(request, self.0, &self.1)
    }
}

#[rocket::catch(404)]
fn not_found(request: &Request<'_>) -> Caught {
    Caught(
        Status::NotFound,
        format!("There is no page at {}.", request.uri().path()),
    )
}

#[rocket::catch(default)]
fn default(status: Status, _request: &Request<'_>) -> Caught {
    Caught(status, status.reason_lossy().to_owned())
}
