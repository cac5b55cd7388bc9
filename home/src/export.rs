//! `GET /records.csv`: every record, newest first, as CSV with a header,
//! streamed in batches so memory stays flat at any row count and the first
//! bytes leave at once.

use std::collections::VecDeque;
use std::sync::Arc;

use rocket::http::{ContentType, Header};
use rocket::response::stream::ByteStream;
use rocket::tokio::sync::Semaphore;
use rocket::tokio::task::JoinHandle;
use rocket::State;
use store::{DatabaseConnection, Filter, Page};

use crate::HomeError;

/// Rows read per query: large enough that a million rows take few round
/// trips, small enough to keep each batch's memory modest.
pub const BATCH: u64 = 2_000;

/// Batches of the whole table read and encoded at once. One at a time,
/// each side waited on the other (home at 60 % of a core, MariaDB at
/// 40 %); four took home to 95 % and MariaDB to 60 %, holding four batches.
const IN_FLIGHT: usize = 4;

/// The database reads all exports together may have at once: half of
/// home's connections (at least one), so the pages always find the other
/// half free, however many exports run. With two whole-table exports
/// running and no such limit, `/` fell from 1,631 req/s with 32
/// connections to 1,097 with 4; with it, 2,326.
#[derive(Clone)]
pub struct ExportReads(Arc<Semaphore>);

impl ExportReads {
    /// The share of a pool of `connections`.
    pub fn for_pool(connections: u32) -> Self {
        let share = (connections as usize / 2).max(1);
        ExportReads(Arc::new(Semaphore::new(share)))
    }

    /// Runs `read` once a permit is free; the permit is held for the read
    /// alone, not while its rows are encoded or sent.
    async fn run<T>(&self, read: impl std::future::Future<Output = T>) -> T {
        // The semaphore is never closed, so acquiring cannot fail.
        let _permit = self
            .0
            .acquire()
            .await
            .expect("the export semaphore stays open");
        read.await
    }
}

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
    reads: &State<ExportReads>,
) -> Result<Download<ByteStream<impl rocket::futures::Stream<Item = Vec<u8>>>>, HomeError> {
    let filter = Filter::from_query(op, tag, q).map_err(HomeError::BadQuery)?;
    let (db, reads) = (db.inner().clone(), reads.inner().clone());
    let stream = ByteStream! {
        // Written here, not derived by `serialize`, so an empty export has one too.
        yield format!("{}\n", COLUMNS.join(",")).into_bytes();
        let mut batches = Batches::new(db, reads, filter);
        loop {
            match batches.next().await {
                Ok(Some(bytes)) => yield bytes,
                Ok(None) => break,
                // The status is sent; a cut file is all we can say.
                Err(e) => {
                    rocket::error!("records.csv stopped: {e}");
                    break;
                }
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

/// The export's batches as CSV, in order, each read in a task of its own
/// so that the database, home's decoding and the socket overlap.
enum Batches {
    /// The whole table by ranges of ids: their bounds are known in
    /// advance, so `IN_FLIGHT` ranges are read and encoded side by side.
    Ranges {
        db: DatabaseConnection,
        reads: ExportReads,
        /// `None` until the first batch asks for the table's ids.
        ranges: Option<std::vec::IntoIter<(i64, i64)>>,
        reading: VecDeque<JoinHandle<Result<Vec<u8>, HomeError>>>,
    },
    /// A filtered export follows the filter's own index by keyset, each
    /// batch read while the one before is encoded and sent (a range of
    /// ids would read every record to find a tag's few).
    Keyset {
        db: DatabaseConnection,
        reads: ExportReads,
        filter: Filter,
        reading: Option<JoinHandle<Result<Page, HomeError>>>,
    },
}

impl Batches {
    fn new(db: DatabaseConnection, reads: ExportReads, filter: Filter) -> Self {
        if filter.is_empty() {
            Batches::Ranges {
                db,
                reads,
                ranges: None,
                reading: VecDeque::new(),
            }
        } else {
            let reading = Some(read_page(&db, &reads, &filter, None));
            Batches::Keyset {
                db,
                reads,
                filter,
                reading,
            }
        }
    }

    /// The next batch as CSV lines; `None` once every record is out.
    async fn next(&mut self) -> Result<Option<Vec<u8>>, HomeError> {
        match self {
            Batches::Ranges {
                db,
                reads,
                ranges,
                reading,
            } => {
                let ranges = match ranges {
                    Some(ranges) => ranges,
                    None => ranges.insert(id_ranges(db).await?.into_iter()),
                };
                while reading.len() < IN_FLIGHT {
                    let Some((lower, upper)) = ranges.next() else {
                        break;
                    };
                    let (db, reads) = (db.clone(), reads.clone());
                    reading.push_back(rocket::tokio::spawn(async move {
                        let records = reads.run(store::records_between(&db, lower, upper)).await?;
                        csv_bytes(&records)
                    }));
                }
                match reading.pop_front() {
                    Some(batch) => finished(batch).await.map(Some),
                    None => Ok(None),
                }
            }
            Batches::Keyset {
                db,
                reads,
                filter,
                reading,
            } => {
                let Some(batch) = reading.take() else {
                    return Ok(None);
                };
                let page = finished(batch).await?;
                *reading = page
                    .next_before
                    .map(|before| read_page(db, reads, filter, Some(before)));
                csv_bytes(&page.records).map(Some)
            }
        }
    }
}

fn read_page(
    db: &DatabaseConnection,
    reads: &ExportReads,
    filter: &Filter,
    before: Option<i64>,
) -> JoinHandle<Result<Page, HomeError>> {
    let (db, reads, filter) = (db.clone(), reads.clone(), filter.clone());
    rocket::tokio::spawn(async move {
        Ok(reads
            .run(store::records_page(&db, &filter, before, BATCH))
            .await?)
    })
}

async fn finished<T>(task: JoinHandle<Result<T, HomeError>>) -> Result<T, HomeError> {
    task.await
        .map_err(|e| HomeError::Render(format!("reading a batch failed: {e}")))?
}

/// The ids from the oldest to the newest in ranges of `BATCH`, newest
/// first, as `[lower, upper)`.
async fn id_ranges(db: &DatabaseConnection) -> Result<Vec<(i64, i64)>, HomeError> {
    Ok(match store::id_bounds(db).await? {
        Some((oldest, newest)) => ranges_down(oldest, newest, BATCH as i64),
        None => Vec::new(),
    })
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
fn csv_bytes(records: &[store::Record]) -> Result<Vec<u8>, HomeError> {
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::with_capacity(records.len() * 256));
    let encoding = |e: csv::Error| HomeError::Render(format!("writing CSV: {e}"));
    for record in records {
        writer.serialize(record).map_err(encoding)?;
    }
    writer
        .into_inner()
        .map_err(|e| encoding(e.into_error().into()))
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
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::time::Duration;

    use super::{ranges_down, ExportReads};

    #[rocket::tokio::test]
    async fn exports_together_hold_no_more_reads_than_their_share() {
        // Home's 4 connections: 2 for the exports.
        let reads = ExportReads::for_pool(4);
        let (running, most) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let tasks: Vec<_> = (0..6)
            .map(|_| {
                let (reads, running, most) = (reads.clone(), running.clone(), most.clone());
                rocket::tokio::spawn(async move {
                    reads
                        .run(async {
                            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                            most.fetch_max(now, Ordering::SeqCst);
                            rocket::tokio::time::sleep(Duration::from_millis(20)).await;
                            running.fetch_sub(1, Ordering::SeqCst);
                        })
                        .await
                })
            })
            .collect();
        for task in tasks {
            task.await.expect("a read task does not panic");
        }
        // As many as the share at once, never more.
        assert_eq!(most.load(Ordering::SeqCst), 2);
        // A pool of one still lets an export read.
        assert_eq!(ExportReads::for_pool(1).0.available_permits(), 1);
    }

    #[test]
    fn id_ranges_cover_every_id_once_newest_first() {
        assert_eq!(ranges_down(1, 5, 2), [(4, 6), (2, 4), (1, 2)]);
        assert_eq!(ranges_down(3, 3, 2000), [(3, 4)]);
        assert_eq!(ranges_down(1, 4000, 2000), [(2001, 4001), (1, 2001)]);
    }
}
