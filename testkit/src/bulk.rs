//! Records in bulk, straight through the store: thousands stored at once
//! for tests of pages and exports, and every tag read back for tests of
//! outages.

use store::{DatabaseConnection, NewRecord, Operation};

/// A record with no languages, key or cache entry.
pub fn record(tag: String, operation: Operation, original: &str, processed: String) -> NewRecord {
    NewRecord {
        tag,
        operation,
        original: original.to_owned(),
        processed,
        source_language: None,
        target_language: None,
        cache_key: None,
        idempotency: None,
    }
}

/// Stores `count` records made by `make(n)` for n = 0.., in batches of
/// 500, all with the present time, with the ids after the highest one
/// (so record n has id n + 1 in a fresh table).
pub async fn insert_bulk(db: &DatabaseConnection, count: usize, make: impl Fn(usize) -> NewRecord) {
    let at = chrono::Utc::now();
    let mut next_id = store::newest_id(db)
        .await
        .expect("reading the highest id")
        .unwrap_or(0)
        + 1;
    let records: Vec<_> = (0..count).map(|n| (make(n), at)).collect();
    for chunk in records.chunks(500) {
        store::insert_records(db, next_id, chunk)
            .await
            .expect("inserting a batch of records");
        next_id += chunk.len() as i64;
    }
}

/// The tags of every record in the database at `url`, read on a connection
/// of its own (tests of outages compare them with what clients were told).
pub async fn stored_tags(url: &str) -> std::collections::HashSet<String> {
    let db = store::connect(url).await.expect("connecting");
    let page = store::records_page(&db, &store::Filter::default(), None, 1_000_000)
        .await
        .expect("reading the records");
    db.close().await.ok();
    page.records.into_iter().map(|record| record.tag).collect()
}

/// Stores a spell record for each text as an api of the version before
/// the search index did: the row alone, no words indexed.
pub async fn insert_without_words(db: &DatabaseConnection, texts: &[&str]) {
    use sea_orm::ConnectionTrait;
    for text in texts {
        db.execute_raw(sea_orm::Statement::from_sql_and_values(
            db.get_database_backend(),
            "INSERT INTO records (tag, operation, original, processed, created_at) \
             VALUES ('old', 'spell', ?, ?, '2026-12-01 00:00:00')",
            [(*text).into(), (*text).into()],
        ))
        .await
        .expect("storing a record without its words");
    }
}

/// The ids of the newest 50 records a search for `q` finds.
pub async fn search(db: &DatabaseConnection, q: &str) -> Vec<i64> {
    let filter = store::Filter::from_query(None, None, Some(q)).expect("a valid search");
    store::page_ids(db, &filter, None, 50)
        .await
        .expect("searching")
        .records
}
