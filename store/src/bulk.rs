//! Filling a database fast (the seeding command): records are stored in id
//! order with no words, then the search index's rows of them all are
//! written sorted by the index's key, `(word, record_id)`.
//!
//! Written with their records, batch by batch, the index's rows land all
//! over its B-tree, which at a million records (some 15 million rows) is
//! far larger than InnoDB's default 128 MiB buffer pool; in key order,
//! each connection appends to one place. A million records took 109 s the
//! first way and 43 s this way (README, the seed).
//! Until the index is written the records are stored but not found by a
//! search; `api reindex FROM_ID` indexes them if the filling stops halfway.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbErr};

use crate::{words, Error, NewRecord};

/// The search index's rows of records stored with `insert_records_unindexed`,
/// kept small (each word once, each row two numbers) until `write`.
pub struct IndexBacklog {
    first_id: i64,
    word_ids: HashMap<String, u32>,
    words: Vec<String>,
    /// (word's number, record id − `first_id`).
    rows: Vec<(u32, u32)>,
}

impl IndexBacklog {
    /// A backlog for records with ids from `first_id` on.
    pub fn new(first_id: i64) -> Self {
        IndexBacklog {
            first_id,
            word_ids: HashMap::new(),
            words: Vec::new(),
            rows: Vec::new(),
        }
    }

    /// Adds the words of record `id` (at least `first_id`) with these texts.
    pub fn add(&mut self, id: i64, original: &str, processed: &str) {
        let offset = u32::try_from(id - self.first_id).expect("an id within 2^32 of the first");
        for word in words::record_words(original, processed) {
            let next = self.words.len() as u32;
            let number = *self.word_ids.entry(word).or_insert_with_key(|word| {
                self.words.push(word.clone());
                next
            });
            self.rows.push((number, offset));
        }
    }

    /// Whether record `id` can join this backlog (rows keep ids as 32-bit
    /// offsets from the first).
    pub(crate) fn fits(&self, id: i64) -> bool {
        (self.first_id..=self.first_id + i64::from(u32::MAX)).contains(&id)
    }

    /// How many index rows are waiting.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Writes every row in key order over `connections` connections of
    /// `db`'s pool, each appending its own contiguous share.
    pub async fn write(
        self,
        db: &sea_orm::DatabaseConnection,
        connections: usize,
    ) -> Result<(), Error> {
        let sorted = Arc::new(self.into_sorted());
        let share = sorted.keys.len().div_ceil(connections.max(1)).max(1);
        let mut tasks = Vec::new();
        for start in (0..sorted.keys.len()).step_by(share) {
            let (db, sorted) = (db.clone(), Arc::clone(&sorted));
            tasks.push(tokio::spawn(async move {
                let end = (start + share).min(sorted.keys.len());
                sorted
                    .insert(&db, start..end, false)
                    .await
                    .map_err(Error::from_write)
            }));
        }
        for task in tasks {
            task.await
                .map_err(|e| Error::Query(format!("an index writer failed: {e}")))??;
        }
        Ok(())
    }

    /// Writes every row in key order on `db`, skipping rows already there.
    pub(crate) async fn write_skipping_existing<C: ConnectionTrait>(
        self,
        db: &C,
    ) -> Result<(), DbErr> {
        let sorted = self.into_sorted();
        sorted.insert(db, 0..sorted.keys.len(), true).await
    }

    /// The rows in the index's key order. The words are numbered in their
    /// byte order (the column's collation is utf8mb4_bin; SQLite compares
    /// bytes too), and each row is one number: word's rank, then record.
    fn into_sorted(self) -> SortedRows {
        let mut by_text: Vec<u32> = (0..self.words.len() as u32).collect();
        by_text.sort_unstable_by(|&a, &b| self.words[a as usize].cmp(&self.words[b as usize]));
        let mut rank = vec![0u32; self.words.len()];
        for (r, &word) in by_text.iter().enumerate() {
            rank[word as usize] = r as u32;
        }
        let mut keys: Vec<u64> = self
            .rows
            .iter()
            .map(|&(word, offset)| (u64::from(rank[word as usize]) << 32) | u64::from(offset))
            .collect();
        drop(self.rows);
        keys.sort_unstable();
        let mut words = self.words;
        let words = by_text
            .iter()
            .map(|&w| std::mem::take(&mut words[w as usize]))
            .collect();
        SortedRows {
            words,
            keys,
            first_id: self.first_id,
        }
    }
}

/// An `IndexBacklog`'s rows in key order.
struct SortedRows {
    /// The words in byte order: a row's rank is its place here.
    words: Vec<String>,
    /// (rank << 32) | (record id − `first_id`), sorted.
    keys: Vec<u64>,
    first_id: i64,
}

impl SortedRows {
    /// Inserts the rows `range` of `keys`, a statement at a time.
    async fn insert<C: ConnectionTrait>(
        &self,
        db: &C,
        range: std::ops::Range<usize>,
        skip_existing: bool,
    ) -> Result<(), DbErr> {
        for chunk in self.keys[range].chunks(words::ROWS_PER_STATEMENT) {
            let rows: Vec<(&str, i64)> = chunk
                .iter()
                .map(|key| {
                    let word = &self.words[(key >> 32) as usize];
                    (
                        word.as_str(),
                        self.first_id + (key & u64::from(u32::MAX)) as i64,
                    )
                })
                .collect();
            words::insert_rows(db, &rows, skip_existing).await?;
        }
        Ok(())
    }
}

/// Stores `records` with the ids `first_id`, `first_id + 1`, … and each its
/// own time, in one transaction, without their words: add them to an
/// `IndexBacklog` and write it once every record is in.
pub async fn insert_records_unindexed(
    db: &sea_orm::DatabaseConnection,
    first_id: i64,
    records: &[(NewRecord, DateTime<Utc>)],
) -> Result<(), Error> {
    crate::queries::insert_batch(db, first_id, records, false).await
}

#[cfg(test)]
mod tests {
    use sea_orm::{ConnectionTrait, Statement};

    use super::*;
    use crate::{connect_with_pool_size, migrate, Operation};

    testkit::on_both_backends!(a_backlog_writes_the_index_records_stored_one_by_one_would_have);

    /// Every (word, record) row of the search index, in key order.
    async fn index_rows(db: &sea_orm::DatabaseConnection) -> Vec<(String, i64)> {
        let statement = Statement::from_string(
            db.get_database_backend(),
            "SELECT word, record_id FROM record_words ORDER BY word, record_id",
        );
        let rows = db
            .query_all_raw(statement)
            .await
            .expect("reading the index");
        rows.iter()
            .map(|row| {
                (
                    row.try_get_by_index(0).unwrap(),
                    row.try_get_by_index(1).unwrap(),
                )
            })
            .collect()
    }

    /// Records stored in batches with no words, then their backlog written
    /// over three connections, give the very rows that storing each batch
    /// with its words gives, and so does indexing stored records 1,000 rows
    /// to a sorted write (`reindex`'s way); until the backlog is
    /// written, no search finds them.
    async fn a_backlog_writes_the_index_records_stored_one_by_one_would_have(db: testkit::TestDb) {
        migrate(&db.url).await.expect("migrating");
        let conn = connect_with_pool_size(&db.url, 3).await.expect("connect");
        let at = Utc::now();
        let record = |n: usize| {
            let original = match n % 4 {
                0 => format!("Teh Größe {n} café"),
                1 => format!("thequickbrownfox{n}"),
                2 => format!("Zebra crossing {} again", n / 7),
                _ => "the the THE".to_owned(),
            };
            let new = NewRecord {
                tag: format!("tag{n}"),
                operation: Operation::Spell,
                processed: original.to_lowercase(),
                original,
                source_language: None,
                target_language: None,
                cache_key: None,
                idempotency: None,
            };
            (new, at)
        };
        let records: Vec<_> = (0..900).map(record).collect();
        let mut backlog = IndexBacklog::new(1);
        for (batch, chunk) in records.chunks(400).enumerate() {
            let first_id = 1 + (batch * 400) as i64;
            insert_records_unindexed(&conn, first_id, chunk)
                .await
                .expect("storing a batch");
            for ((new, _), id) in chunk.iter().zip(first_id..) {
                backlog.add(id, &new.original, &new.processed);
            }
        }
        assert!(testkit::bulk::search(&conn, "zebra").await.is_empty());
        assert!(backlog.len() > 900);

        backlog.write(&conn, 3).await.expect("writing the backlog");
        let written = index_rows(&conn).await;
        assert_eq!(
            testkit::bulk::search(&conn, "zebra crossing 128").await,
            [899]
        );
        assert_eq!(testkit::bulk::search(&conn, "Größe 4").await, [5]);

        conn.execute_unprepared("DELETE FROM record_words")
            .await
            .expect("emptying the index");
        let read = crate::words::index_stored_in(&conn, 0, 1_000)
            .await
            .expect("reindexing");
        assert_eq!(read, 900);
        assert_eq!(written, index_rows(&conn).await);

        // As the api stores them: each batch with its words.
        conn.execute_unprepared("DELETE FROM record_words")
            .await
            .expect("emptying the index");
        conn.execute_unprepared("DELETE FROM records")
            .await
            .expect("emptying the records");
        for (batch, chunk) in records.chunks(400).enumerate() {
            crate::insert_records(&conn, 1 + (batch * 400) as i64, chunk)
                .await
                .expect("storing a batch with its words");
        }
        assert_eq!(written, index_rows(&conn).await);
    }
}
