use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Records of one operation, newest first (the queries name it in a hint).
pub(crate) const OPERATION_INDEX: &str = "idx_records_operation_id";

#[derive(DeriveIden)]
enum Records {
    Table,
    Id,
    Operation,
}

/// What the home page's filters need to stay index range scans: records
/// of one operation newest first, and (MySQL) a FULLTEXT index over both
/// texts for searching by words. SQLite searches with `LIKE` instead
/// (`crate::filter`). Tags already have `idx_records_tag_id`.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name(OPERATION_INDEX)
                    .table(Records::Table)
                    .col(Records::Operation)
                    .col(Records::Id)
                    .to_owned(),
            )
            .await?;
        if manager.get_database_backend() == DatabaseBackend::MySql {
            // The texts get a case-insensitive collation first: InnoDB's
            // FULLTEXT over the table's binary collation matched `krakow`
            // to some rows' `Krakow` and not to others'. The bytes stored
            // are unchanged; nothing compares these columns for equality.
            // sea-query has no FULLTEXT index statement.
            manager
                .get_connection()
                .execute_unprepared(
                    "ALTER TABLE `records` \
                     MODIFY `original` LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL, \
                     MODIFY `processed` LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL, \
                     ADD FULLTEXT INDEX `ft_records_text` (`original`, `processed`)",
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DatabaseBackend::MySql {
            manager
                .get_connection()
                .execute_unprepared(
                    "ALTER TABLE `records` DROP INDEX `ft_records_text`, \
                     MODIFY `original` LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, \
                     MODIFY `processed` LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL",
                )
                .await?;
        }
        manager
            .drop_index(
                Index::drop()
                    .name(OPERATION_INDEX)
                    .table(Records::Table)
                    .to_owned(),
            )
            .await
    }
}
