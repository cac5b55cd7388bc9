use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Records {
    Table,
    IdempotencyKey,
    RequestDigest,
}

/// The client's `Idempotency-Key` and a digest of what it asked for, so a
/// retried request finds its first record instead of storing a second. The
/// unique index is what makes two concurrent retries store one row.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one thing at a time.
        manager
            .alter_table(
                Table::alter()
                    .table(Records::Table)
                    .add_column(
                        ColumnDef::new(Records::IdempotencyKey)
                            .string_len(255)
                            .null(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Records::Table)
                    .add_column(ColumnDef::new(Records::RequestDigest).string_len(64).null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_records_idempotency_key")
                    .table(Records::Table)
                    .col(Records::IdempotencyKey)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_records_idempotency_key")
                    .table(Records::Table)
                    .to_owned(),
            )
            .await?;
        for column in [Records::RequestDigest, Records::IdempotencyKey] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Records::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
