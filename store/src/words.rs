//! The search index: every distinct word of a record's two texts, as one
//! `record_words (word, record_id)` row each, written in the transaction
//! that stores the record.
//!
//! Its primary key is (word, record_id), so the newest records holding a
//! word are one index range read backwards, whatever the table's size, and
//! a search stops as soon as it has a page. MySQL's FULLTEXT index, used
//! before, reads and sorts every match first: 0.3 s for a word in one
//! record of 200 at a million records.

use sea_orm::sea_query::{Alias, OnConflict, Query};
use sea_orm::{ConnectionTrait, DbErr, Statement};

use crate::bulk::IndexBacklog;

/// The index's table.
pub(crate) const TABLE: &str = "record_words";

/// Words are cut to this many characters (the column's width): a longer one
/// is found by any search word that shares its first 64 characters.
pub(crate) const MAX_WORD_CHARS: usize = 64;

/// The words of `text` as the index holds them: runs of letters and digits,
/// lowercased, cut to `MAX_WORD_CHARS`. A search's words go through the
/// same function, so both sides agree on what a word is.
pub(crate) fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().chars().take(MAX_WORD_CHARS).collect())
}

/// Each word of both texts once, in the order first seen.
pub(crate) fn record_words(original: &str, processed: &str) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    words(original)
        .chain(words(processed))
        .filter(|w| seen.insert(w.clone()))
        .collect()
}

/// Adds the words of each `(id, original, processed)` to the index, on
/// `db` (a transaction, so they land with their records or not at all).
pub(crate) async fn index<C: ConnectionTrait>(
    db: &C,
    records: impl IntoIterator<Item = (i64, &str, &str)>,
) -> Result<(), DbErr> {
    let words: Vec<(i64, Vec<String>)> = records
        .into_iter()
        .map(|(id, original, processed)| (id, record_words(original, processed)))
        .collect();
    let mut rows: Vec<(&str, i64)> = words
        .iter()
        .flat_map(|(id, words)| words.iter().map(|word| (word.as_str(), *id)))
        .collect();
    // In key order, each statement appends to fewer index pages.
    rows.sort_unstable();
    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
        insert_rows(db, chunk, false).await?;
    }
    Ok(())
}

/// Rows `index_stored` gathers into one sorted write: some 200,000
/// records' words, 50 MB.
const ROWS_PER_SORTED_WRITE: usize = 3_000_000;

/// Indexes every stored record with an id from `from_id` on, skipping
/// words already there, and returns how many it read: the migration's
/// first pass over the records, and `api reindex` for those an earlier
/// version stored after it. Records are read 1,000 at a time and their
/// rows written `ROWS_PER_SORTED_WRITE` at a time in the index's key order
/// (`crate::bulk`): one pass along the index per write rather than rows
/// all over it. A million records: 106 s, against 358 s with each 1,000
/// records' rows written as read.
pub(crate) async fn index_stored<C: ConnectionTrait>(db: &C, from_id: i64) -> Result<u64, DbErr> {
    index_stored_in(db, from_id, ROWS_PER_SORTED_WRITE).await
}

/// `index_stored`, writing once `per_write` rows are waiting.
pub(crate) async fn index_stored_in<C: ConnectionTrait>(
    db: &C,
    from_id: i64,
    per_write: usize,
) -> Result<u64, DbErr> {
    let backend = db.get_database_backend();
    let (mut next, mut read) = (from_id, 0u64);
    let mut backlog: Option<IndexBacklog> = None;
    loop {
        let rows = db
            .query_all_raw(Statement::from_sql_and_values(
                backend,
                "SELECT id, original, processed FROM records WHERE id >= ? ORDER BY id LIMIT 1000",
                [next.into()],
            ))
            .await?;
        if rows.is_empty() {
            write_backlog(db, backlog.take()).await?;
            return Ok(read);
        }
        for row in &rows {
            let id = row.try_get_by_index::<i64>(0)?;
            let (original, processed): (String, String) =
                (row.try_get_by_index(1)?, row.try_get_by_index(2)?);
            if backlog
                .as_ref()
                .is_some_and(|waiting| waiting.len() >= per_write || !waiting.fits(id))
            {
                write_backlog(db, backlog.take()).await?;
            }
            backlog
                .get_or_insert_with(|| IndexBacklog::new(id))
                .add(id, &original, &processed);
            next = id + 1;
        }
        read += rows.len() as u64;
    }
}

async fn write_backlog<C: ConnectionTrait>(
    db: &C,
    backlog: Option<IndexBacklog>,
) -> Result<(), DbErr> {
    match backlog {
        Some(waiting) => waiting.write_skipping_existing(db).await,
        None => Ok(()),
    }
}

/// Rows per insert statement: two values a row keeps a statement far
/// under both backends' limits on bound values.
pub(crate) const ROWS_PER_STATEMENT: usize = 2_000;

/// Inserts `rows` of (word, record id) in one statement.
pub(crate) async fn insert_rows<C: ConnectionTrait>(
    db: &C,
    rows: &[(&str, i64)],
    skip_existing: bool,
) -> Result<(), DbErr> {
    let mut insert = Query::insert();
    insert
        .into_table(Alias::new(TABLE))
        .columns([Alias::new("word"), Alias::new("record_id")]);
    for (word, id) in rows {
        insert.values_panic([(*word).into(), (*id).into()]);
    }
    if skip_existing {
        // MySQL: ON DUPLICATE KEY UPDATE word = word; SQLite: ON
        // CONFLICT DO NOTHING.
        insert.on_conflict(
            OnConflict::columns([Alias::new("word"), Alias::new("record_id")])
                .do_nothing_on([Alias::new("word")])
                .to_owned(),
        );
    }
    // Sent with its values written into the SQL, not prepared: the row
    // count, so the SQL, differs from one batch to the next, and a
    // prepared statement used once costs a round trip and evicts from
    // sqlx's cache (100 a connection) a statement the other queries
    // reuse. The values are words, letters and digits only, and
    // sea-query quotes them all the same.
    let sql = db.get_database_backend().build(&insert).to_string();
    db.execute_unprepared(&sql).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lowercased_runs_of_letters_and_digits() {
        let found: Vec<String> = words(r#"  Hello, +WORLD* "x" -- 100% Größe café "#).collect();
        assert_eq!(found, ["hello", "world", "x", "100", "größe", "café"]);
        assert_eq!(words(" +-*~\"<>()@ ").count(), 0);
    }

    #[test]
    fn long_words_are_cut_to_the_column() {
        let long = "ab".repeat(100);
        let found: Vec<String> = words(&long).collect();
        assert_eq!(found, ["ab".repeat(32)]);
        // Cut by characters, not bytes.
        let wide: Vec<String> = words(&"ż".repeat(70)).collect();
        assert_eq!(wide[0].chars().count(), MAX_WORD_CHARS);
    }

    #[test]
    fn a_record_lists_each_word_of_both_texts_once() {
        assert_eq!(
            record_words("Teh quick fox, the FOX", "The quick fox, the fox"),
            ["teh", "quick", "fox", "the"]
        );
        assert!(record_words("!!!", "...").is_empty());
    }
}
