//! `GET /` (the records and the forms), `GET /healthz`, the stylesheet, and
//! the HTML catchers.

use chrono::SecondsFormat;
use rocket::http::{ContentType, Header, Status};
use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::response::{self, Responder};
use rocket::serde::json::Json;
use rocket::{Catcher, Request, Route, State};
use serde::Serialize;
use service::{Health, Lifecycle};
use store::{DatabaseConnection, Record};

use crate::error::error_page;
use crate::total::TotalCache;
use crate::{HomeError, Pages, PAGE_SIZE};

pub fn routes() -> Vec<Route> {
    rocket::routes![
        index,
        healthz,
        stylesheet,
        script,
        crate::export::records_csv
    ]
}

pub fn catchers() -> Vec<Catcher> {
    rocket::catchers![not_found, default]
}

#[derive(Serialize)]
struct IndexPage {
    forms: [TextForm; 3],
    rows: Vec<Row>,
    /// `1,234`, or `about 1.2 million` for a large table (`crate::total`).
    total: String,
    /// Where the next (older) page starts, if there is one.
    older_before: Option<i64>,
    /// Where the previous (newer) page starts, if there is one.
    newer_after: Option<i64>,
    /// Whether this is a later page (so a link back to the newest is shown).
    paged: bool,
    /// `&size=100` when the page size is not the default, for the links.
    size_query: String,
    sizes: Vec<SizeChoice>,
    flash: Option<Notice>,
    max_text_chars: usize,
    /// `10,000`: the same number, as people read it.
    max_text_chars_display: String,
    max_tag_chars: usize,
    /// Offered as the source of a translation (besides detection).
    source_languages: &'static [(&'static str, &'static str)],
}

/// Languages offered by name on the translate form; the api accepts any
/// code its backend knows.
const SOURCE_LANGUAGES: &[(&str, &str)] = &[
    ("ar", "Arabic"),
    ("zh-CN", "Chinese (Simplified)"),
    ("zh-TW", "Chinese (Traditional)"),
    ("nl", "Dutch"),
    ("fr", "French"),
    ("de", "German"),
    ("el", "Greek"),
    ("he", "Hebrew"),
    ("hi", "Hindi"),
    ("it", "Italian"),
    ("ja", "Japanese"),
    ("ko", "Korean"),
    ("pl", "Polish"),
    ("pt", "Portuguese"),
    ("ru", "Russian"),
    ("es", "Spanish"),
    ("sv", "Swedish"),
    ("tr", "Turkish"),
    ("uk", "Ukrainian"),
    ("vi", "Vietnamese"),
];

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

/// One of the page sizes offered, and whether it is the current one.
#[derive(Serialize)]
struct SizeChoice {
    size: u64,
    current: bool,
}

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

#[rocket::get("/?<before>&<after>&<size>")]
async fn index(
    before: Option<&str>,
    after: Option<&str>,
    size: Option<&str>,
    flash: Option<FlashMessage<'_>>,
    db: &State<DatabaseConnection>,
    pages: &State<Pages>,
    totals: &State<TotalCache>,
) -> Result<RawHtml<String>, HomeError> {
    let before = record_number("before", before)?;
    let after = record_number("after", after)?;
    let size = page_size(size)?;
    // Keyset pages: each is one index range scan, as fast at a million
    // rows as at a hundred, whatever page it is.
    let (records, older_before, newer_after) = match (before, after) {
        (Some(_), Some(_)) => {
            return Err(HomeError::BadQuery(
                "Give `before` or `after`, not both.".to_owned(),
            ))
        }
        (None, Some(after)) => {
            let (records, newer) = store::records_newer(db, after, size).await?;
            let older = records.last().map(|r| r.id);
            let newer = if newer {
                records.first().map(|r| r.id)
            } else {
                None
            };
            (records, older, newer)
        }
        (before, None) => {
            let page = store::records_page(db, before, size).await?;
            let newer = before.and(page.records.first().map(|r| r.id));
            (page.records, page.next_before, newer)
        }
    };
    let total = totals.total(db).await?;
    let view = IndexPage {
        forms: FORMS,
        rows: records.into_iter().map(Row::from).collect(),
        total: total.display(),
        older_before,
        newer_after,
        paged: before.is_some() || after.is_some(),
        size_query: if size == PAGE_SIZE {
            String::new()
        } else {
            format!("&size={size}")
        },
        sizes: PAGE_SIZES
            .iter()
            .map(|&choice| SizeChoice {
                size: choice,
                current: choice == size,
            })
            .collect(),
        flash: flash.map(|f| Notice {
            kind: f.kind().to_owned(),
            message: f.message().to_owned(),
        }),
        max_text_chars: store::MAX_TEXT_CHARS,
        max_text_chars_display: thousands(store::MAX_TEXT_CHARS),
        max_tag_chars: store::MAX_TAG_CHARS,
        source_languages: SOURCE_LANGUAGES,
    };
    pages.render("index.html", &view)
}

/// The page sizes offered; any other is refused rather than guessed.
const PAGE_SIZES: [u64; 4] = [25, 50, 100, 200];

fn page_size(size: Option<&str>) -> Result<u64, HomeError> {
    match size {
        None => Ok(PAGE_SIZE),
        Some(size) => size
            .parse()
            .ok()
            .filter(|size| PAGE_SIZES.contains(size))
            .ok_or_else(|| {
                HomeError::BadQuery(format!("`size` must be 25, 50, 100 or 200, not {size:?}."))
            }),
    }
}

fn record_number(name: &str, value: Option<&str>) -> Result<Option<i64>, HomeError> {
    value
        .map(|v| {
            v.parse::<i64>().map_err(|_| {
                HomeError::BadQuery(format!("`{name}` must be a record number, not {v:?}."))
            })
        })
        .transpose()
}

pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// For the load balancer's home target group.
#[rocket::get("/healthz")]
async fn healthz(
    db: &State<DatabaseConnection>,
    lifecycle: &State<Lifecycle>,
) -> (Status, Json<Health>) {
    let (status, health) = service::health(db, lifecycle).await;
    (status, Json(health))
}

/// A file compiled into home, served with a cache lifetime: the pages
/// need no CDN and the service no files beside it.
#[derive(rocket::Responder)]
struct Asset {
    body: (ContentType, &'static str),
    cache: Header<'static>,
}

impl Asset {
    fn new(content_type: ContentType, body: &'static str) -> Self {
        Asset {
            body: (content_type, body),
            cache: Header::new("Cache-Control", "public, max-age=3600"),
        }
    }
}

#[rocket::get("/static/style.css")]
fn stylesheet() -> Asset {
    Asset::new(ContentType::CSS, include_str!("../static/style.css"))
}

#[rocket::get("/static/app.js")]
fn script() -> Asset {
    Asset::new(ContentType::JavaScript, include_str!("../static/app.js"))
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

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_are_separated() {
        for (n, shown) in [
            (0, "0"),
            (999, "999"),
            (1_000, "1,000"),
            (10_000, "10,000"),
            (1_234_567, "1,234,567"),
        ] {
            assert_eq!(super::thousands(n), shown);
        }
    }
}
