//! `GET /` (the records and the forms), `GET /healthz`, the stylesheet, and
//! the HTML catchers.

use chrono::{DateTime, Datelike, SecondsFormat, Timelike, Utc};
use rocket::http::{ContentType, Header, Status};
use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::response::{self, Responder};
use rocket::serde::json::Json;
use rocket::{Catcher, Request, Route, State};
use serde::Serialize;
use service::{Health, Lifecycle};
use store::{DatabaseConnection, Filter, Record};

use crate::error::error_page;
use crate::rows::RowCache;
use crate::total::TotalCache;
use crate::{HomeError, Pages, PAGE_SIZE};

pub fn routes() -> Vec<Route> {
    rocket::routes![
        index,
        healthz,
        stylesheet,
        script,
        favicon,
        crate::export::records_csv,
        crate::record_page::record_page
    ]
}

pub fn catchers() -> Vec<Catcher> {
    rocket::catchers![not_found, default]
}

#[derive(Serialize)]
struct IndexPage {
    forms: [TextForm; 3],
    /// The table's rows as HTML (`crate::rows`); empty when none match.
    rows: String,
    /// `1,234`, or `about 1.2 million` for a large table (`crate::total`);
    /// none for a filtered view.
    total: Option<String>,
    /// Where the next (older) page starts, if there is one.
    older_before: Option<i64>,
    /// Where the previous (newer) page starts, if there is one.
    newer_after: Option<i64>,
    /// Whether this is a later page (so a link back to the newest is shown).
    paged: bool,
    /// The page size, when not the default (the find form keeps it).
    size: Option<u64>,
    /// `&op=…&tag=…&q=…`: the filters, for the export links.
    filter_query: String,
    /// The page size and the filters, for the paging links.
    link_query: String,
    search: SearchForm,
    sizes: Vec<SizeChoice>,
    flash: Option<Notice>,
    max_text_chars: usize,
    /// `10,000`: the same number, as people read it.
    max_text_chars_display: String,
    max_tag_chars: usize,
    max_search_chars: usize,
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

/// The find form, filled with the filters in force.
#[derive(Serialize)]
struct SearchForm {
    op: &'static str,
    tag: String,
    q: String,
    filtered: bool,
}

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

/// When a record was stored: for `<time datetime>`, and as people read it.
#[derive(Serialize)]
pub(crate) struct Stamp {
    created_at: String,
    created_at_display: String,
}

impl Stamp {
    pub(crate) fn of(record: &Record) -> Self {
        Stamp {
            created_at: record
                .created_at
                .to_rfc3339_opts(SecondsFormat::Micros, true),
            created_at_display: display_time(&record.created_at),
        }
    }
}

/// `2026-12-03 17:05:09 UTC`. Written field by field: a `format` string
/// is parsed again for every call, 50 times a page.
fn display_time(at: &DateTime<Utc>) -> String {
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC",
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

#[rocket::get("/?<before>&<after>&<size>&<op>&<tag>&<q>&<stored>")]
#[allow(clippy::too_many_arguments)]
async fn index(
    before: Option<&str>,
    after: Option<&str>,
    size: Option<&str>,
    op: Option<&str>,
    tag: Option<&str>,
    q: Option<&str>,
    stored: Option<&str>,
    flash: Option<FlashMessage<'_>>,
    db: &State<DatabaseConnection>,
    pages: &State<Pages>,
    totals: &State<TotalCache>,
    row_cache: &State<RowCache>,
) -> Result<RawHtml<String>, HomeError> {
    let before = record_number("before", before)?;
    let after = record_number("after", after)?;
    let stored = record_number("stored", stored)?;
    let size = page_size(size)?;
    let filter = Filter::from_query(op, tag, q).map_err(HomeError::BadQuery)?;
    // Keyset pages: each is one range of the index that finds them, as
    // fast at a million rows as at a hundred, whatever page it is. Ids
    // only: most rows are kept rendered (`crate::rows`), and only the
    // others are read whole.
    let (ids, older_before, newer_after) = match (before, after) {
        (Some(_), Some(_)) => {
            return Err(HomeError::BadQuery(
                "Give `before` or `after`, not both.".to_owned(),
            ))
        }
        (None, Some(after)) => {
            let (ids, newer) = store::newer_ids(db, &filter, after, size).await?;
            let older = ids.last().copied();
            let newer = if newer { ids.first().copied() } else { None };
            (ids, older, newer)
        }
        (before, None) => {
            let page = store::page_ids(db, &filter, before, size).await?;
            let newer = before.and(page.records.first().copied());
            (page.records, page.next_before, newer)
        }
    };
    // A filtered view is not counted: a count of matches is a scan of
    // them, which is what keyset pages avoid.
    let total = if filter.is_empty() {
        Some(totals.total(db).await?.display())
    } else {
        None
    };
    let filter_query = filter.query();
    let size_query = if size == PAGE_SIZE {
        String::new()
    } else {
        format!("&size={size}")
    };
    let view = IndexPage {
        forms: FORMS,
        rows: row_cache.table_body(db, &ids, stored, pages).await?,
        total,
        older_before,
        newer_after,
        paged: before.is_some() || after.is_some(),
        size: (size != PAGE_SIZE).then_some(size),
        link_query: format!("{size_query}{filter_query}"),
        filter_query,
        search: SearchForm {
            op: filter.operation.map(store::Operation::as_str).unwrap_or(""),
            tag: filter.tag.clone().unwrap_or_default(),
            q: q.unwrap_or("").to_owned(),
            filtered: !filter.is_empty(),
        },
        sizes: PAGE_SIZES
            .iter()
            .map(|&choice| SizeChoice {
                size: choice,
                current: choice == size,
            })
            .collect(),
        // The api's notice after a form post; a post made by app.js has
        // none, and only the record number to say.
        flash: flash
            .map(|f| Notice {
                kind: f.kind().to_owned(),
                message: f.message().to_owned(),
            })
            .or_else(|| {
                stored.map(|id| Notice {
                    kind: "success".to_owned(),
                    message: format!("Your text was stored as record {id}."),
                })
            }),
        max_text_chars: store::MAX_TEXT_CHARS,
        max_text_chars_display: thousands(store::MAX_TEXT_CHARS),
        max_tag_chars: store::MAX_TAG_CHARS,
        max_search_chars: store::MAX_SEARCH_CHARS,
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

pub(crate) fn record_number(name: &str, value: Option<&str>) -> Result<Option<i64>, HomeError> {
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

#[rocket::get("/favicon.svg")]
fn favicon() -> Asset {
    Asset::new(ContentType::SVG, include_str!("../static/favicon.svg"))
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
    fn times_are_shown_as_chrono_formats_them() {
        use chrono::TimeZone;
        for (y, mo, d, h, mi, s) in [(2026, 12, 3, 17, 5, 9), (999, 1, 31, 0, 0, 59)] {
            let at = chrono::Utc.with_ymd_and_hms(y, mo, d, h, mi, s).unwrap();
            assert_eq!(
                super::display_time(&at),
                at.format("%Y-%m-%d %H:%M:%S UTC").to_string()
            );
        }
    }

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
