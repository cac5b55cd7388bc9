use sea_orm::DatabaseBackend;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Records {
    Table,
    Id,
    Tag,
    Operation,
    Original,
    Processed,
    SourceLanguage,
    CreatedAt,
}

/// MySQL's TEXT holds 64 KiB, less than 10,000 four-byte characters with
/// the spaces or translation added; LONGTEXT has room. SQLite's TEXT is unbounded.
fn long_text(column: Records, mysql: bool) -> ColumnDef {
    let mut def = ColumnDef::new(column);
    if mysql {
        def.custom(Alias::new("LONGTEXT"));
    } else {
        def.text();
    }
    def
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mysql = manager.get_database_backend() == DatabaseBackend::MySql;

        let mut created_at = ColumnDef::new(Records::CreatedAt);
        if mysql {
            // DATETIME(6): microseconds, no time-zone conversion by the
            // session (values are always UTC), and no 2038 limit.
            created_at.custom(Alias::new("DATETIME(6)"));
        } else {
            created_at.timestamp_with_time_zone();
        }

        let mut table = Table::create();
        table
            .table(Records::Table)
            .if_not_exists()
            .col(
                ColumnDef::new(Records::Id)
                    .big_integer()
                    .not_null()
                    .auto_increment()
                    .primary_key(),
            )
            .col(ColumnDef::new(Records::Tag).string_len(100).not_null())
            .col(ColumnDef::new(Records::Operation).string_len(16).not_null())
            .col(long_text(Records::Original, mysql).not_null())
            .col(long_text(Records::Processed, mysql).not_null())
            .col(
                ColumnDef::new(Records::SourceLanguage)
                    .string_len(16)
                    .null(),
            )
            .col(created_at.not_null());
        if mysql {
            // Emoji need utf8mb4; a binary collation keeps tags exact.
            table.character_set("utf8mb4").collate("utf8mb4_bin");
        }
        manager.create_table(table).await?;

        // Newest-first paging walks the primary key (`id < before ORDER BY
        // id DESC`); a tag's records are found, newest first, through this one.
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("idx_records_tag_id")
                    .table(Records::Table)
                    .col(Records::Tag)
                    .col(Records::Id)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Records::Table).to_owned())
            .await
    }
}
