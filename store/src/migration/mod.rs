//! Schema migrations, and how they run safely when several api tasks start
//! at once against one MySQL database.

mod m20261122_000001_create_records;
mod m20261122_000002_add_translation_columns;
mod m20261202_000003_add_idempotency_key;
mod m20261203_000004_add_search_indexes;
mod m20261204_000005_add_record_words;

pub(crate) use m20261203_000004_add_search_indexes::OPERATION_INDEX;

use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, Statement};
use sea_orm_migration::{MigrationTrait, MigratorTrait};

use crate::connect::connect_with_pool_size;
use crate::Error;

struct Migrator;

impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_create_records::Migration),
            Box::new(m20261122_000002_add_translation_columns::Migration),
            Box::new(m20261202_000003_add_idempotency_key::Migration),
            Box::new(m20261203_000004_add_search_indexes::Migration),
            Box::new(m20261204_000005_add_record_words::Migration),
        ]
    }
}

/// The names of every migration, oldest first, as `seaql_migrations` records them.
pub fn migration_names() -> Vec<String> {
    Migrator::migrations()
        .iter()
        .map(|m| m.name().to_owned())
        .collect()
}

/// How long a starting api waits for another one's migration to finish.
const LOCK_WAIT_SECONDS: u32 = 120;

/// Applies every pending migration to the database at `url`.
///
/// sea-orm has no migration lock, so on MySQL this takes a named lock
/// (`GET_LOCK`) first: of two api tasks starting together, one migrates and
/// the other waits, then finds nothing left to do. A named lock belongs to a
/// session, so everything runs on one dedicated connection.
pub async fn migrate(url: &str) -> Result<(), Error> {
    let db = connect_with_pool_size(url, 1).await?;
    let result = match db.get_database_backend() {
        DatabaseBackend::MySql => migrate_under_lock(&db).await,
        _ => apply(&db).await,
    };
    db.close()
        .await
        .map_err(|e| Error::Migration(format!("closing the migration connection: {e}")))?;
    result
}

/// Adds to the search index the words of every record with an id from
/// `from_id` on, skipping those already there, and returns how many
/// records it read (`api reindex`). For records that api tasks of a version
/// before the index stored while a deploy rolled; running it twice is
/// harmless.
pub async fn reindex(url: &str, from_id: i64) -> Result<u64, Error> {
    let db = connect_with_pool_size(url, 1).await?;
    let result = crate::words::index_stored(&db, from_id)
        .await
        .map_err(Error::from_db);
    db.close()
        .await
        .map_err(|e| Error::Unavailable(format!("closing the connection: {e}")))?;
    result
}

async fn apply(db: &DatabaseConnection) -> Result<(), Error> {
    Migrator::up(db, None)
        .await
        .map_err(|e| Error::Migration(e.to_string()))
}

async fn migrate_under_lock(db: &DatabaseConnection) -> Result<(), Error> {
    // Lock names are server-wide: scope it to this database so tests (or
    // other apps) migrating other databases on the same server never wait.
    let acquired = scalar(
        db,
        &format!(
            "SELECT GET_LOCK(CONCAT('textproc.migrate.', SHA1(DATABASE())), {LOCK_WAIT_SECONDS})"
        ),
    )
    .await?;
    if acquired != Some(1) {
        return Err(Error::Migration(format!(
            "another process held the migration lock for {LOCK_WAIT_SECONDS} s; is a migration stuck?"
        )));
    }
    let result = apply(db).await;
    scalar(
        db,
        "SELECT RELEASE_LOCK(CONCAT('textproc.migrate.', SHA1(DATABASE())))",
    )
    .await?;
    result
}

async fn scalar(db: &DatabaseConnection, sql: &str) -> Result<Option<i64>, Error> {
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .map_err(Error::from_db)?
        .ok_or_else(|| Error::Migration(format!("no row from `{sql}`")))?;
    row.try_get_by_index::<Option<i64>>(0)
        .map_err(|e| Error::Migration(format!("reading `{sql}`: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    testkit::on_both_backends!(records_stored_before_the_search_index_are_indexed);

    /// Records an earlier version stored, with no words indexed, are found
    /// by a search once the search index's migration (SQLite) or `reindex`
    /// (MySQL) has read them: more than one batch of them.
    async fn records_stored_before_the_search_index_are_indexed(db: testkit::TestDb) {
        let conn = connect_with_pool_size(&db.url, 1).await.expect("connect");
        let before_the_index = Migrator::migrations().len() as u32 - 1;
        Migrator::up(&conn, Some(before_the_index))
            .await
            .expect("migrating to the version before the index");
        let texts: Vec<String> = (0..2_500)
            .map(|n| match n {
                7 | 2_400 => format!("a Zebra crossing {n}"),
                _ => format!("plain words {n}"),
            })
            .collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        testkit::bulk::insert_without_words(&conn, &texts).await;

        Migrator::up(&conn, None)
            .await
            .expect("the index's migration");

        // MySQL's are indexed by `reindex`, run after a deploy; SQLite's
        // by the migration itself.
        let found = |q| testkit::bulk::search(&conn, q);
        if db.backend == testkit::Backend::MySql {
            assert!(found("zebra").await.is_empty());
            assert_eq!(reindex(&db.url, 0).await.unwrap(), 2_500);
        }
        assert_eq!(found("zebra").await, [2_401, 8]);
        assert_eq!(found("plain 2399").await, [2_400]);
    }
}
