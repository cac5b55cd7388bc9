use store::{NewRecord, Operation};
use testkit::{on_both_backends, TestDb};

on_both_backends!(
    insert_returns_what_a_later_read_gives,
    pages_walk_newest_first_without_gaps_or_repeats,
    count_counts_every_record,
    awkward_text_round_trips_byte_for_byte,
    a_missing_record_is_none,
);

async fn migrated(db: &TestDb) -> store::DatabaseConnection {
    store::migrate(&db.url).await.expect("migrate");
    store::connect(&db.url).await.expect("connect")
}

fn new_record(tag: &str, original: &str) -> NewRecord {
    NewRecord {
        tag: tag.to_owned(),
        operation: Operation::Space,
        original: original.to_owned(),
        processed: format!("{original} (processed)"),
        source_language: None,
    }
}

async fn insert_returns_what_a_later_read_gives(db: TestDb) {
    let conn = migrated(&db).await;
    let mut translated = new_record("t1", "bonjour");
    translated.operation = Operation::Translate;
    translated.source_language = Some("fr".to_owned());

    let stored = store::insert_record(&conn, translated)
        .await
        .expect("insert");

    assert!(stored.id > 0);
    assert_eq!(stored.tag, "t1");
    assert_eq!(stored.source_language.as_deref(), Some("fr"));
    // Equality includes created_at to the microsecond: the column keeps them.
    let read = store::record_by_id(&conn, stored.id)
        .await
        .unwrap()
        .expect("stored");
    assert_eq!(read, stored);
    assert_eq!(read.created_at.timestamp_subsec_nanos() % 1_000, 0);
    let age = chrono::Utc::now() - read.created_at;
    assert!(
        age.num_seconds().abs() < 60,
        "created_at is now, in UTC: {}",
        read.created_at
    );
}

async fn pages_walk_newest_first_without_gaps_or_repeats(db: TestDb) {
    let conn = migrated(&db).await;
    let mut ids = Vec::new();
    for n in 0..7 {
        ids.push(
            store::insert_record(&conn, new_record("p", &format!("text {n}")))
                .await
                .unwrap()
                .id,
        );
    }
    ids.reverse(); // newest first

    let mut seen = Vec::new();
    let mut before = None;
    let mut pages = 0;
    loop {
        let page = store::records_page(&conn, before, 3).await.expect("page");
        assert!(page.records.len() <= 3);
        seen.extend(page.records.iter().map(|r| r.id));
        pages += 1;
        match page.next_before {
            Some(next) => before = Some(next),
            None => break,
        }
    }
    assert_eq!(seen, ids);
    assert_eq!(pages, 3);

    // A page that ends exactly at the last record says there is no next one.
    let first_six = store::records_page(&conn, None, 7).await.unwrap();
    assert_eq!(first_six.records.len(), 7);
    assert_eq!(first_six.next_before, None);
}

async fn count_counts_every_record(db: TestDb) {
    let conn = migrated(&db).await;
    assert_eq!(store::record_count(&conn).await.unwrap(), 0);
    for n in 0..5 {
        store::insert_record(&conn, new_record("c", &n.to_string()))
            .await
            .unwrap();
    }
    assert_eq!(store::record_count(&conn).await.unwrap(), 5);
}

async fn awkward_text_round_trips_byte_for_byte(db: TestDb) {
    let conn = migrated(&db).await;
    let texts = [
        "it's \"quoted\" and 'single' and `back`",
        r"back\slash \\ \n (not a newline) \0",
        "'; DROP TABLE records; --",
        "emoji 😀👍🏽 and a ZWJ family 👨‍👩‍👧",
        "line one\nline two\r\n\ttabbed",
        "مرحبا بالعالم · שלום · 日本語のテキスト",
        "   leading and trailing spaces   ",
        &"𝕏".repeat(10_000),
    ];
    for text in texts {
        let stored = store::insert_record(&conn, new_record("awkward 'tag' 😀", text))
            .await
            .unwrap();
        let read = store::record_by_id(&conn, stored.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(read.original.as_bytes(), text.as_bytes());
        assert_eq!(read.processed, format!("{text} (processed)"));
        assert_eq!(read.tag, "awkward 'tag' 😀");
    }
    assert_eq!(
        store::record_count(&conn).await.unwrap(),
        texts.len() as u64
    );
}

async fn a_missing_record_is_none(db: TestDb) {
    let conn = migrated(&db).await;
    assert_eq!(store::record_by_id(&conn, 12345).await.unwrap(), None);
}
