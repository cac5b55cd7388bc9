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
        // Number the words in their byte order (the column's collation is
        // utf8mb4_bin; SQLite compares bytes too), then sort the rows as
        // one number each: word's rank, then record.
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
        let sorted: Vec<String> = by_text
            .iter()
            .map(|&w| std::mem::take(&mut words[w as usize]))
            .collect();
        let shared = Arc::new((sorted, keys, self.first_id));
        let share = shared.1.len().div_ceil(connections.max(1)).max(1);
        let mut tasks = Vec::new();
        for start in (0..shared.1.len()).step_by(share) {
            let (db, shared) = (db.clone(), Arc::clone(&shared));
            tasks.push(tokio::spawn(async move {
                let (words, keys, first_id) = &*shared;
                let end = (start + share).min(keys.len());
                for chunk in keys[start..end].chunks(words::ROWS_PER_STATEMENT) {
                    let rows: Vec<(&str, i64)> = chunk
                        .iter()
                        .map(|key| {
                            let word = &words[(key >> 32) as usize];
                            (word.as_str(), first_id + (key & u64::from(u32::MAX)) as i64)
                        })
                        .collect();
                    words::insert_rows(&db, &rows, false)
                        .await
                        .map_err(Error::from_write)?;
                }
                Ok::<(), Error>(())
            }));
        }
        for task in tasks {
            task.await
                .map_err(|e| Error::Query(format!("an index writer failed: {e}")))??;
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
    use crate::{connect_with_pool_size, migrate, reindex, Operation};

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
    /// over three connections, give the very rows that indexing them one by
    /// one (`reindex`) gives; and until it is written, no search finds them.
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
        assert_eq!(reindex(&db.url, 0).await.expect("reindexing"), 900);
        assert_eq!(written, index_rows(&conn).await);
    }
}
