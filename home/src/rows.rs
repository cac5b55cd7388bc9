//! The records table's rows as HTML, each rendered once per process.
//!
//! A record never changes once stored (the api only inserts), so its row
//! (escaped, shortened, its changes marked) is the same on every page that
//! shows it. Rendering a row, a diff and a template, was half of home's
//! CPU on a page of 50 at a million records; the newest pages are the ones
//! read most, so their rows are kept in memory, a bounded number of them.

use std::collections::HashMap;
use std::mem;
use std::sync::{Arc, Mutex};

use serde::Serialize;
use store::{DatabaseConnection, Record};

use crate::diff;
use crate::routes::Stamp;
use crate::{HomeError, Pages};

/// Characters of each text the table shows; the record page has the rest.
const SHORT_TEXT_CHARS: usize = 240;

/// Rows kept: 80 pages of 50. A row is at most a few KB (each text is cut
/// to `SHORT_TEXT_CHARS`), so this holds home's memory to some MB.
const CAPACITY: usize = 4_096;

/// One table row: the record with its time ready to show, and each text
/// shortened, with the changed words marked.
#[derive(Serialize)]
struct Row {
    id: i64,
    tag: String,
    operation: &'static str,
    /// Escaped HTML, changes marked (`diff::to_html`).
    original: String,
    processed: String,
    /// Whether either text was cut (the record page shows it whole).
    shortened: bool,
    /// The record just stored, shown highlighted.
    new: bool,
    source_language: Option<String>,
    #[serde(flatten)]
    stamp: Stamp,
}

impl Row {
    fn new(record: &Record, new: bool) -> Self {
        let sides = diff::sides(record.operation, &record.original, &record.processed);
        let (original, original_cut) = diff::to_html(&sides.original, "del", SHORT_TEXT_CHARS);
        let (processed, processed_cut) = diff::to_html(&sides.processed, "ins", SHORT_TEXT_CHARS);
        Row {
            id: record.id,
            operation: record.operation.as_str(),
            stamp: Stamp::of(record),
            tag: record.tag.clone(),
            original,
            processed,
            shortened: original_cut || processed_cut,
            new,
            source_language: record.source_language.clone(),
        }
    }
}

/// Rendered rows by record id, shared by every request of the process.
#[derive(Default)]
pub struct RowCache {
    generations: Mutex<Generations>,
}

/// The rows used lately in two maps: a row is found in either, and moved
/// to `young` when found in `old`; when `young` is full, `old` (what was
/// not used since) is dropped and `young` takes its place. Close to
/// least-recently-used, with no list to keep in order.
#[derive(Default)]
struct Generations {
    young: HashMap<i64, Arc<str>>,
    old: HashMap<i64, Arc<str>>,
}

impl Generations {
    fn get(&mut self, id: i64) -> Option<Arc<str>> {
        if let Some(html) = self.young.get(&id) {
            return Some(Arc::clone(html));
        }
        let html = self.old.remove(&id)?;
        self.insert(id, Arc::clone(&html));
        Some(html)
    }

    fn insert(&mut self, id: i64, html: Arc<str>) {
        if self.young.len() >= CAPACITY / 2 {
            self.old = mem::take(&mut self.young);
        }
        self.young.insert(id, html);
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.young.len() + self.old.len()
    }
}

impl RowCache {
    /// The table body for the records `ids` (a page, newest first), in
    /// their order: rows kept from earlier pages, and the rest read in one
    /// query and rendered. The row of `stored` (the record a form just
    /// posted) is highlighted, so it is rendered for this page alone.
    pub async fn table_body(
        &self,
        db: &DatabaseConnection,
        ids: &[i64],
        stored: Option<i64>,
        pages: &Pages,
    ) -> Result<String, HomeError> {
        let mut rows: Vec<Option<Arc<str>>> = {
            let mut generations = self.generations.lock().expect("the rows' lock");
            ids.iter()
                .map(|&id| generations.get(id).filter(|_| stored != Some(id)))
                .collect()
        };
        let missing: Vec<i64> = ids
            .iter()
            .zip(&rows)
            .filter(|(_, row)| row.is_none())
            .map(|(&id, _)| id)
            .collect();
        let mut rendered = Vec::new();
        for record in store::records_by_ids(db, &missing).await? {
            let new = stored == Some(record.id);
            let html: Arc<str> = Arc::from(pages.render("row.html", &Row::new(&record, new))?.0);
            if let Some(at) = ids.iter().position(|&id| id == record.id) {
                rows[at] = Some(Arc::clone(&html));
            }
            if !new {
                rendered.push((record.id, html));
            }
        }
        if !rendered.is_empty() {
            let mut generations = self.generations.lock().expect("the rows' lock");
            for (id, html) in rendered {
                generations.insert(id, html);
            }
        }
        Ok(rows.iter().flatten().map(|row| &**row).collect())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use store::{DatabaseConnection, Operation};
    use testkit::bulk::{insert_bulk, record};
    use testkit::TestDb;

    use super::{Generations, RowCache, CAPACITY};
    use crate::Pages;

    /// A SQLite file holding a record (1) and a correction after it (2).
    async fn two_records() -> (TestDb, DatabaseConnection) {
        let test_db = TestDb::sqlite();
        store::migrate(&test_db.url).await.unwrap();
        let db = store::connect(&test_db.url).await.unwrap();
        let texts = [("ok", "ok"), ("speling is esy", "spelling is easy")];
        insert_bulk(&db, texts.len(), |n| {
            let (original, processed) = texts[n];
            record(
                "<b>tag</b>".to_owned(),
                Operation::Spell,
                original,
                processed.to_owned(),
            )
        })
        .await;
        (test_db, db)
    }

    async fn body(cache: &RowCache, db: &DatabaseConnection, stored: Option<i64>) -> String {
        let pages = Pages::new().unwrap();
        cache.table_body(db, &[2, 1], stored, &pages).await.unwrap()
    }

    #[tokio::test]
    async fn a_kept_row_is_the_row_rendered_afresh_and_never_keeps_a_highlight() {
        let (_dir, db) = two_records().await;
        let fresh = body(&RowCache::default(), &db, None).await;
        assert!(fresh.contains("<del>speling</del>"), "{fresh}");
        assert!(fresh.contains("&lt;b&gt;tag"), "escaped: {fresh}");
        assert!(fresh.find("record-2") < fresh.find("record-1"), "in order");
        assert!(!fresh.contains(r#"class="new""#), "{fresh}");

        let cache = RowCache::default();
        assert_eq!(body(&cache, &db, None).await, fresh);
        // The record just stored is highlighted on the page that says so.
        let stored = body(&cache, &db, Some(2)).await;
        assert!(
            stored.contains(r#"<tr id="record-2" class="new">"#),
            "{stored}"
        );
        // Later views come from memory (the database is closed), as
        // rendered afresh, unhighlighted.
        db.clone().close().await.unwrap();
        assert!(store::records_by_ids(&db, &[1]).await.is_err(), "closed");
        for _ in 0..2 {
            assert_eq!(body(&cache, &db, None).await, fresh);
        }
    }

    #[test]
    fn rows_used_lately_stay_and_the_cache_stays_bounded() {
        let mut cache = Generations::default();
        let html: Arc<str> = Arc::from("<tr></tr>");
        // Row 0 is read after every insert, so it is never the oldest.
        for id in 0..(3 * CAPACITY as i64) {
            cache.insert(id, Arc::clone(&html));
            assert!(cache.get(0).is_some(), "row 0 lost after inserting {id}");
            assert!(cache.len() <= CAPACITY);
        }
        // Rows not read since go, the newest stay.
        assert!(cache.get(1).is_none());
        let newest = 3 * CAPACITY as i64 - 1;
        assert!(cache.get(newest).is_some());
    }
}
