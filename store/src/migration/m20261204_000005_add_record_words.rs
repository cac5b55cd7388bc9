use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend, Statement};

use crate::words;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Records read at a time while the existing ones are indexed.
const BATCH: u64 = 1_000;

/// The search index (`crate::words`) replaces MySQL's FULLTEXT index and
/// SQLite's `LIKE`: the table, then the words of every record stored so
/// far, then (MySQL) the FULLTEXT index is dropped, which also stops its
/// upkeep on every insert.
///
/// It starts by dropping any table a run that stopped halfway left, so a
/// second run starts again rather than failing: the migration is recorded
/// as applied only once it has finished.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let backend = manager.get_database_backend();
        let table = words::TABLE;
        db.execute_unprepared(&format!("DROP TABLE IF EXISTS {table}"))
            .await?;
        // The primary key is the index: SQLite keeps such a table as that
        // one B-tree (WITHOUT ROWID), InnoDB always does. Words are stored
        // lowercased and compared byte for byte.
        let create = match backend {
            DatabaseBackend::MySql => format!(
                "CREATE TABLE {table} (\
                 word VARCHAR({width}) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, \
                 record_id BIGINT NOT NULL, \
                 PRIMARY KEY (word, record_id))",
                width = words::MAX_WORD_CHARS
            ),
            _ => format!(
                "CREATE TABLE {table} (\
                 word TEXT NOT NULL, \
                 record_id INTEGER NOT NULL, \
                 PRIMARY KEY (word, record_id)) WITHOUT ROWID"
            ),
        };
        db.execute_unprepared(&create).await?;

        let mut last = 0i64;
        loop {
            let rows = db
                .query_all_raw(Statement::from_sql_and_values(
                    backend,
                    format!(
                        "SELECT id, original, processed FROM records \
                         WHERE id > ? ORDER BY id LIMIT {BATCH}"
                    ),
                    [last.into()],
                ))
                .await?;
            let mut batch = Vec::with_capacity(rows.len());
            for row in &rows {
                batch.push((
                    row.try_get_by_index::<i64>(0)?,
                    row.try_get_by_index::<String>(1)?,
                    row.try_get_by_index::<String>(2)?,
                ));
            }
            let Some(&(newest, _, _)) = batch.last() else {
                break;
            };
            words::index(
                db,
                batch
                    .iter()
                    .map(|(id, original, processed)| (*id, original.as_str(), processed.as_str())),
            )
            .await?;
            last = newest;
        }

        if backend == DatabaseBackend::MySql {
            db.execute_unprepared("ALTER TABLE `records` DROP INDEX `ft_records_text`")
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if manager.get_database_backend() == DatabaseBackend::MySql {
            db.execute_unprepared(
                "ALTER TABLE `records` ADD FULLTEXT INDEX `ft_records_text` (`original`, `processed`)",
            )
            .await?;
        }
        db.execute_unprepared(&format!("DROP TABLE {}", words::TABLE))
            .await?;
        Ok(())
    }
}
