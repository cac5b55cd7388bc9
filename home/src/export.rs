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
    // Each batch is read while the one before is turned into CSV and sent:
    // the query, the encoding and the socket no longer wait on each other.
    let fetch = move |before: Option<i64>| {
        let (db, filter) = (db.clone(), filter.clone());
        rocket::tokio::spawn(async move { store::records_page(&db, &filter, before, BATCH).await })
    };
    let stream = ByteStream! {
        let mut next = Some(fetch(None));
        let mut first = true;
        while let Some(reading) = next.take() {
            let page = match reading.await {
                Ok(Ok(page)) => page,
                // The status is sent; a cut file is all we can say.
                Ok(Err(e)) => {
                    rocket::error!("records.csv stopped: {e}");
                    break;
                }
                Err(e) => {
                    rocket::error!("records.csv stopped: reading a batch failed: {e}");
                    break;
                }
            };
            next = page.next_before.map(|before| fetch(Some(before)));
            match csv_bytes(&page.records, first) {
                Ok(bytes) => yield bytes,
                Err(e) => {
                    rocket::error!("records.csv stopped: {e}");
                    break;
                }
            }
            first = false;
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
