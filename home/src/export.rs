//! `GET /records.csv`: every record, newest first, as CSV with a header,
//! streamed in batches so memory stays flat at any row count and the first
//! bytes leave at once.

use std::collections::VecDeque;

use rocket::http::{ContentType, Header};
use rocket::response::stream::ByteStream;
use rocket::tokio::task::JoinHandle;
use rocket::State;
use store::{DatabaseConnection, Filter};

use crate::HomeError;

/// Rows read per query: large enough that a million rows take few round
/// trips, small enough to keep each batch's memory modest.
pub const BATCH: u64 = 2_000;

/// Batches of the whole table read and encoded at once. One at a time,
/// neither the database nor home kept a core busy (each waited on the
/// other); four keep both cores at work and hold four batches in memory.
const IN_FLIGHT: usize = 4;

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
        // Written here, not derived by `serialize`, so an empty export has one too.
        yield format!("{}\n", COLUMNS.join(",")).into_bytes();
        if filter.is_empty() {
            // The whole table by ranges of ids: their bounds are known in
            // advance, so several are read and encoded side by side.
            let ranges = match id_ranges(&db).await {
                Ok(ranges) => ranges,
                Err(e) => {
                    rocket::error!("records.csv stopped: {e}");
                    return;
                }
            };
            let mut ranges = ranges.into_iter();
            let mut batches: VecDeque<JoinHandle<_>> = VecDeque::new();
            loop {
                while batches.len() < IN_FLIGHT {
                    let Some((lower, upper)) = ranges.next() else { break };
                    let db = db.clone();
                    batches.push_back(rocket::tokio::spawn(async move {
                        Ok(csv_bytes(&store::records_between(&db, lower, upper).await?)?)
                    }));
                }
                let Some(batch) = batches.pop_front() else { break };
                match finished(batch).await {
                    Ok(bytes) => yield bytes,
                    Err(e) => {
                        rocket::error!("records.csv stopped: {e}");
                        break;
                    }
                }
            }
        } else {
            // A filtered export follows the filter's own index by keyset,
            // each batch read while the one before is encoded and sent.
            let fetch = |before: Option<i64>| {
                let (db, filter) = (db.clone(), filter.clone());
                rocket::tokio::spawn(async move {
                    Ok(store::records_page(&db, &filter, before, BATCH).await?)
                })
            };
            let mut next = Some(fetch(None));
            while let Some(reading) = next.take() {
                let page = match finished(reading).await {
                    Ok(page) => page,
                    Err(e) => {
                        rocket::error!("records.csv stopped: {e}");
                        break;
                    }
                };
                next = page.next_before.map(|before| fetch(Some(before)));
                match csv_bytes(&page.records) {
                    Ok(bytes) => yield bytes,
                    Err(e) => {
                        rocket::error!("records.csv stopped: {e}");
                        break;
                    }
                }
            }
        }
        // Past a failure the status is sent; a cut file is all we can say.
    };
    Ok(Download {
        body: (ContentType::CSV, stream),
        disposition: Header::new(
            "Content-Disposition",
            "attachment; filename=\"textproc-records.csv\"",
        ),
    })
}

/// Why an export stopped midway (logged; the client sees a cut file).
#[derive(Debug, thiserror::Error)]
enum Stop {
    #[error(transparent)]
    Database(#[from] store::Error),
    #[error("writing CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("reading a batch failed: {0}")]
    Task(#[from] rocket::tokio::task::JoinError),
}

async fn finished<T>(task: JoinHandle<Result<T, Stop>>) -> Result<T, Stop> {
    task.await?
}

/// The ids from the newest down to the oldest in ranges of `BATCH`,
/// newest first, as `[lower, upper)`.
async fn id_ranges(db: &DatabaseConnection) -> Result<Vec<(i64, i64)>, Stop> {
    let (Some(oldest), Some(newest)) = (store::oldest_id(db).await?, store::newest_id(db).await?)
    else {
        return Ok(Vec::new());
    };
    Ok(ranges_down(oldest, newest, BATCH as i64))
}

fn ranges_down(oldest: i64, newest: i64, width: i64) -> Vec<(i64, i64)> {
    let mut ranges = Vec::new();
    let mut upper = newest.saturating_add(1);
    while upper > oldest {
        let lower = upper.saturating_sub(width).max(oldest);
        ranges.push((lower, upper));
        upper = lower;
    }
    ranges
}

/// One batch as CSV lines: the `csv` crate quotes commas, quotes and
/// newlines as RFC 4180 says.
fn csv_bytes(records: &[store::Record]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::with_capacity(records.len() * 256));
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

#[cfg(test)]
mod tests {
    use super::ranges_down;

    #[test]
    fn id_ranges_cover_every_id_once_newest_first() {
        assert_eq!(ranges_down(1, 5, 2), [(4, 6), (2, 4), (1, 2)]);
        assert_eq!(ranges_down(3, 3, 2000), [(3, 4)]);
        assert_eq!(ranges_down(1, 4000, 2000), [(2001, 4001), (1, 2001)]);
    }
}
