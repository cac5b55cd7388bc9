//! `GET /records.csv`: every record, newest first, as CSV with a header,
//! streamed in keyset batches so memory stays flat at any row count and
//! the first bytes leave at once.

use rocket::http::{ContentType, Header};
use rocket::response::stream::ByteStream;
use rocket::State;
use store::{DatabaseConnection, Filter};

use crate::HomeError;

/// Rows read per query: large enough that a million rows take few round
/// trips, small enough to keep each batch's memory modest.
pub const BATCH: u64 = 2_000;

/// The CSV, with a file name for the browser's download.
#[derive(rocket::Responder)]
pub struct Download<R> {
    body: (ContentType, R),
    disposition: Header<'static>,
}

/// Every record, or those the filters show (as on the home page).
#[rocket::get("/records.csv?<op>&<tag>&<q>")]
pub fn records_csv(
    op: Option<&str>,
    tag: Option<&str>,
    q: Option<&str>,
    db: &State<DatabaseConnection>,
) -> Result<Download<ByteStream<impl rocket::futures::Stream<Item = Vec<u8>>>>, HomeError> {
    let filter = Filter::from_query(op, tag, q).map_err(HomeError::BadQuery)?;
    let db = db.inner().clone();
    let stream = ByteStream! {
        let mut before = None;
        let mut first = true;
        loop {
            let page = match store::records_page(&db, &filter, before, BATCH).await {
                Ok(page) => page,
                Err(e) => {
                    // The status is sent; a cut file is all we can say.
                    rocket::error!("records.csv stopped: {e}");
                    break;
                }
            };
            match csv_bytes(&page.records, first) {
                Ok(bytes) => yield bytes,
                Err(e) => {
                    rocket::error!("records.csv stopped: {e}");
                    break;
                }
            }
            first = false;
            match page.next_before {
                Some(next) => before = Some(next),
                None => break,
            }
        }
    };
    Ok(Download {
        body: (ContentType::CSV, stream),
        disposition: Header::new(
            "Content-Disposition",
            "attachment; filename=\"textproc-records.csv\"",
        ),
    })
}

/// One batch as CSV (with the header line when `header`): the `csv` crate
/// quotes commas, quotes and newlines as RFC 4180 says.
fn csv_bytes(records: &[store::Record], header: bool) -> Result<Vec<u8>, csv::Error> {
    // The header is written here, not derived by `serialize`, so an empty
    // export has one too.
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    if header {
        writer.write_record(COLUMNS)?;
    }
    for record in records {
        writer.serialize(record)?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

/// The header: `Record`'s serialised fields, in their order.
const COLUMNS: [&str; 8] = [
    "id",
    "tag",
    "operation",
    "original",
    "processed",
    "source_language",
    "target_language",
    "created_at",
];
