use store::{NewRecord, Operation};
use testkit::{on_both_backends, TestDb};

on_both_backends!(
    insert_returns_what_a_later_read_gives,
    pages_walk_newest_first_without_gaps_or_repeats,
    count_counts_every_record,
    awkward_text_round_trips_byte_for_byte,
    a_missing_record_is_none,
    a_cache_key_finds_the_newest_record_inside_the_window,
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
        target_language: None,
        cache_key: None,
        idempotency: None,
    }
}

async fn insert_returns_what_a_later_read_gives(db: TestDb) {
    let conn = migrated(&db).await;
    let mut translated = new_record("t1", "bonjour");
    translated.operation = Operation::Translate;
    translated.source_language = Some("fr".to_owned());
    translated.target_language = Some("en".to_owned());
    translated.cache_key = Some("k".repeat(64));

    let stored = store::insert_record(&conn, translated)
        .await
        .expect("insert");

    assert!(stored.id > 0);
    assert_eq!(stored.tag, "t1");
    assert_eq!(stored.source_language.as_deref(), Some("fr"));
    assert_eq!(stored.target_language.as_deref(), Some("en"));
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

async fn a_cache_key_finds_the_newest_record_inside_the_window(db: TestDb) {
    let conn = migrated(&db).await;
    let key = "a".repeat(64);
    let mut keyed = new_record("c", "Bonjour");
    keyed.cache_key = Some(key.clone());
    let older = store::insert_record(&conn, keyed.clone()).await.unwrap();
    let newer = store::insert_record(&conn, keyed).await.unwrap();
    store::insert_record(&conn, new_record("other", "Bonjour"))
        .await
        .unwrap();

    let hour_ago = chrono::Utc::now() - chrono::Duration::hours(1);
    let found = store::latest_with_cache_key(&conn, &key, hour_ago)
        .await
        .unwrap();
    assert_eq!(found.map(|r| r.id), Some(newer.id));
    assert!(older.id < newer.id);

    // Outside the window, or under another key: nothing.
    let later = chrono::Utc::now() + chrono::Duration::seconds(5);
    assert_eq!(
        store::latest_with_cache_key(&conn, &key, later)
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        store::latest_with_cache_key(&conn, &"b".repeat(64), hour_ago)
            .await
            .unwrap(),
        None
    );
}
