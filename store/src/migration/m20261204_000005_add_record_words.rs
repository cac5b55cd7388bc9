use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend};

use crate::words;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The search index (`crate::words`) replaces MySQL's FULLTEXT index and
/// SQLite's `LIKE`: the table, then (SQLite) the words of every record
/// stored so far, then (MySQL) the FULLTEXT index is dropped, which also
/// stops its upkeep on every insert.
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

        if backend == DatabaseBackend::MySql {
            db.execute_unprepared("ALTER TABLE `records` DROP INDEX `ft_records_text`")
                .await?;
        } else {
            // A local SQLite file is indexed here: small, with no deploy to
            // hold up. On MySQL the api runs this migration as it starts,
            // with 60 s to become healthy behind the ALB, and a million
            // records take some two minutes: `api reindex 0`, run once the new
            // version is out, indexes them instead (README, ecs/README.md),
            // with what older tasks stored while it rolled out.
            words::index_stored(db, 0).await?;
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
