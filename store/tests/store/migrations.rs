use sea_orm::{ConnectionTrait, Statement};
use store::Error;
use testkit::{on_both_backends, Backend, TestDb};

on_both_backends!(
    health_reports_the_missing_table_until_migrated,
    migrating_twice_changes_nothing,
);

async fn health_reports_the_missing_table_until_migrated(db: TestDb) {
    let conn = store::connect(&db.url).await.expect("connect");
    let before = store::check_health(&conn).await;
    assert!(matches!(before, Err(Error::SchemaMissing(_))), "{before:?}");

    store::migrate(&db.url).await.expect("migrate");
    store::check_health(&conn)
        .await
        .expect("healthy once migrated");
}

async fn migrating_twice_changes_nothing(db: TestDb) {
    store::migrate(&db.url).await.expect("first migration");
    let conn = store::connect(&db.url).await.expect("connect");
    let record = store::insert_record(&conn, testkit_record("kept"))
        .await
        .expect("insert");

    store::migrate(&db.url)
        .await
        .expect("second migration is a no-op");

    assert_eq!(applied_migrations(&conn).await, store::migration_names());
    assert_eq!(
        store::record_by_id(&conn, record.id).await.unwrap(),
        Some(record)
    );
}

/// Two api tasks starting together: both migrations succeed, and the
/// schema is applied once. Several at once make the race likely.
#[tokio::test]
async fn concurrent_migrators_on_mysql_both_succeed_and_apply_once() {
    let Some(db) = TestDb::mysql("concurrent_migrators").await else {
        return;
    };
    assert_eq!(db.backend, Backend::MySql);
    let migrators: Vec<_> = (0..4)
        .map(|_| {
            let url = db.url.clone();
            tokio::spawn(async move { store::migrate(&url).await })
        })
        .collect();
    for (n, migrator) in migrators.into_iter().enumerate() {
        let result = migrator.await.expect("migrator task panicked");
        result.unwrap_or_else(|e| panic!("migrator {n} failed: {e}"));
    }
    let conn = store::connect(&db.url).await.expect("connect");
    assert_eq!(applied_migrations(&conn).await, store::migration_names());
    let tables = scalar(
        &conn,
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'records'",
    )
    .await;
    assert_eq!(tables, 1);
    store::check_health(&conn).await.expect("the schema works");
}

#[tokio::test]
async fn an_unreachable_database_is_reported_unavailable() {
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    let result = store::connect("mysql://root@127.0.0.1:1/none").await;
    match result {
        Err(Error::Unavailable(message)) => assert!(message.contains("127.0.0.1:1"), "{message}"),
        other => panic!("expected Unavailable, got {:?}", other.map(|_| ())),
    }
    let migration = store::migrate("mysql://app:hunter2@127.0.0.1:1/none").await;
    let message = migration
        .expect_err("nothing to migrate against")
        .to_string();
    assert!(
        !message.contains("hunter2"),
        "the password leaked: {message}"
    );
}

/// Every row of `seaql_migrations`, oldest first: a migration applied twice
/// shows twice.
async fn applied_migrations(conn: &store::DatabaseConnection) -> Vec<String> {
    let sql = "SELECT version FROM seaql_migrations ORDER BY version";
    let rows = conn
        .query_all_raw(Statement::from_string(conn.get_database_backend(), sql))
        .await
        .expect(sql);
    rows.iter()
        .map(|row| row.try_get_by_index::<String>(0).expect("a version"))
        .collect()
}

async fn scalar(conn: &store::DatabaseConnection, sql: &str) -> i64 {
    let row = conn
        .query_one_raw(Statement::from_string(conn.get_database_backend(), sql))
        .await
        .expect(sql)
        .expect("one row");
    row.try_get_by_index::<i64>(0).expect("an integer")
}

fn testkit_record(tag: &str) -> store::NewRecord {
    store::NewRecord {
        tag: tag.to_owned(),
        operation: store::Operation::Spell,
        original: "helo".to_owned(),
        processed: "hello".to_owned(),
        source_language: None,
        target_language: None,
        cache_key: None,
        idempotency: None,
    }
}
