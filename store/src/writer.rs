//! Group commit: the records of concurrent requests are stored together,
//! several to a transaction.
//!
//! A record and its words cost four statements when stored alone (BEGIN,
//! the record, its words, COMMIT) and a flush of the log at COMMIT. Under
//! load most of that is per transaction, not per record, so the api hands
//! its records to a `Writer`: a few tasks, each taking every record waiting
//! when it is free, storing them as one transaction (one insert each, all
//! their words in one statement, one COMMIT), and only then answering each.
//! Alone, a record waits for nothing: a batch of one is what `insert_record`
//! does. SQLite gets one such task, since it has one writer at a time
//! anyway; MySQL a few, so one batch's COMMIT overlaps the next's inserts.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use chrono::{SubsecRound, Utc};
use sea_orm::{DatabaseBackend, DatabaseConnection, EntityTrait, TransactionTrait};
use tokio::sync::{mpsc, oneshot, Mutex};
use tokio::time::{timeout_at, Instant};

use crate::entity::record::{Entity, Model as Record};
use crate::queries::{active_model, NewRecord, QUERY_DEADLINE};
use crate::{words, Error};

/// Most records in one transaction. Its inserts run one after another, so
/// the cap bounds the wait of a batch's last record; 16 and 64 served the
/// load benchmark alike (README, *Load*).
const MAX_BATCH: usize = 16;
/// Records that may wait for a writer; past that a request waits for room,
/// within its deadline.
const QUEUE: usize = 256;
/// Writer tasks on MySQL at most, so one batch's COMMIT overlaps the
/// others' inserts. On the 2-core machine with MariaDB beside the api, 2 to 4
/// served the load benchmark best (6 and 8 were slower); across a network
/// to RDS each round trip costs more, which more writers hide.
const MYSQL_WRITERS: usize = 4;

/// Stores records in shared transactions. Cheap to clone; the writer tasks
/// end when the last clone is dropped.
#[derive(Clone)]
pub struct Writer {
    queue: mpsc::Sender<Job>,
}

struct Job {
    new: NewRecord,
    /// When the request's answer is due; a batch must end by its earliest.
    deadline: Instant,
    answer: oneshot::Sender<Result<Record, Error>>,
}

impl Writer {
    /// Starts the writer tasks on `db` (on the current Tokio runtime).
    pub fn start(db: DatabaseConnection) -> Writer {
        let writers = match db.get_database_backend() {
            DatabaseBackend::MySql => {
                // Half the pool at most, so reads (a retry's first record,
                // health) find a connection while every writer holds one:
                // behind the ALB the pool is 4 (`ecs/`, `DbPoolSize`).
                (crate::max_connections(&db) as usize / 2).clamp(1, MYSQL_WRITERS)
            }
            _ => 1,
        };
        let (queue, jobs) = mpsc::channel(QUEUE);
        let jobs = Arc::new(Mutex::new(jobs));
        for _ in 0..writers {
            tokio::spawn(write_batches(db.clone(), Arc::clone(&jobs)));
        }
        Writer { queue }
    }

    /// Stores `new` and returns it as stored, with its id and UTC time; the
    /// outcomes are those of `insert_record`, within the same deadline.
    pub async fn insert(&self, new: NewRecord) -> Result<Record, Error> {
        let deadline = Instant::now() + QUERY_DEADLINE;
        let (answer, answered) = oneshot::channel();
        let job = Job {
            new,
            deadline,
            answer,
        };
        match timeout_at(deadline, self.queue.send(job)).await {
            Ok(Ok(())) => {}
            // Never handed to a writer: nothing was stored.
            Ok(Err(_)) => return Err(Error::Unavailable("the record writer has stopped".into())),
            Err(_) => return Err(no_writer_free()),
        }
        // A writer answers by the deadline; the margin only guards against
        // one that never does, whose batch may have been committed.
        let guard = deadline + std::time::Duration::from_secs(1);
        match timeout_at(guard, answered).await {
            Ok(Ok(outcome)) => outcome,
            Ok(Err(_)) | Err(_) => Err(Error::Unconfirmed(
                "the record writer stopped while storing it".into(),
            )),
        }
    }
}

/// A record that waited out its deadline for a writer: never written.
fn no_writer_free() -> Error {
    Error::Unavailable(format!("no writer free within {QUERY_DEADLINE:?}"))
}

/// One writer task: takes every waiting job (up to `MAX_BATCH`), stores
/// them, answers them, and again, until the queue closes.
async fn write_batches(db: DatabaseConnection, jobs: Arc<Mutex<mpsc::Receiver<Job>>>) {
    loop {
        let batch = {
            let mut jobs = jobs.lock().await;
            let Some(first) = jobs.recv().await else {
                return;
            };
            let mut batch = vec![first];
            while batch.len() < MAX_BATCH {
                match jobs.try_recv() {
                    Ok(job) => batch.push(job),
                    Err(_) => break,
                }
            }
            batch
        };
        // A job whose deadline passed while it waited is not stored, and
        // its request is told so at once.
        let now = Instant::now();
        let (due, batch): (Vec<Job>, Vec<Job>) = batch.into_iter().partition(|j| j.deadline <= now);
        for job in due {
            let _ = job.answer.send(Err(no_writer_free()));
        }
        let Some(deadline) = batch.iter().map(|j| j.deadline).min() else {
            continue;
        };
        let (news, answers): (Vec<NewRecord>, Vec<_>) =
            batch.into_iter().map(|j| (j.new, j.answer)).unzip();
        match store_batch(&db, news, deadline).await {
            Ok(outcomes) => {
                for (answer, outcome) in answers.into_iter().zip(outcomes) {
                    let _ = answer.send(outcome);
                }
            }
            Err(e) => {
                for answer in answers {
                    let _ = answer.send(Err(e.clone()));
                }
            }
        }
    }
}

/// Stores `news` in one transaction that must end by `deadline`, and
/// returns each record's outcome, in order.
///
/// A record refused by the idempotency key's unique index is that record's
/// `Duplicate` and the others go on (MySQL and SQLite undo only the
/// statement). Any other failure undoes the whole batch, and every record
/// gets it: after a deadlock MySQL has already rolled the transaction back,
/// so going on would store the rest one by one and claim the undone ones.
/// Until COMMIT is sent any failure, the deadline included, leaves nothing
/// stored; once it is, a lost connection or a missed deadline leaves the
/// outcome unknown, and is said so.
pub(crate) async fn store_batch(
    db: &DatabaseConnection,
    news: Vec<NewRecord>,
    deadline: Instant,
) -> Result<Vec<Result<Record, Error>>, Error> {
    // The column holds microseconds; truncating here makes the returned
    // record equal to what a later read gives back.
    let created_at = Utc::now().trunc_subsecs(6);
    let committing = AtomicBool::new(false);
    let write = async {
        let txn = db.begin().await.map_err(Error::from_db)?;
        let mut ids = Vec::with_capacity(news.len());
        for new in &news {
            let row = active_model(new, created_at, None);
            match Entity::insert(row).exec(&txn).await.map_err(Error::from_db) {
                Ok(inserted) => ids.push(Ok(inserted.last_insert_id)),
                Err(Error::Duplicate(e)) => ids.push(Err(Error::Duplicate(e))),
                Err(e) => return Err(e),
            }
        }
        let stored = news.iter().zip(&ids).filter_map(|(new, id)| {
            let id = *id.as_ref().ok()?;
            Some((id, new.original.as_str(), new.processed.as_str()))
        });
        words::index(&txn, stored).await.map_err(Error::from_db)?;
        committing.store(true, Ordering::SeqCst);
        txn.commit().await.map_err(Error::from_write)?;
        Ok(ids)
    };
    let ids = match timeout_at(deadline, write).await {
        Ok(result) => result?,
        Err(_) if committing.load(Ordering::SeqCst) => {
            return Err(Error::Unconfirmed(format!(
                "no answer to the commit within {QUERY_DEADLINE:?}"
            )))
        }
        // Dropping the transaction rolls it back.
        Err(_) => {
            return Err(Error::Unavailable(format!(
                "no answer within {QUERY_DEADLINE:?}"
            )))
        }
    };
    Ok(news
        .into_iter()
        .zip(ids)
        .map(|(new, id)| id.map(|id| Record::stored(id, new, created_at)))
        .collect())
}
