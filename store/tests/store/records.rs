use store::{NewRecord, Operation};
use testkit::{on_both_backends, TestDb};

on_both_backends!(
    insert_returns_what_a_later_read_gives,
    pages_walk_newest_first_without_gaps_or_repeats,
    count_counts_every_record,
    awkward_text_round_trips_byte_for_byte,
    a_missing_record_is_none,
    a_cache_key_finds_the_newest_record_inside_the_window,
    filters_find_records_by_operation_tag_and_words,
    a_search_finds_rare_words_beyond_the_newest_records,
    a_record_whose_words_cannot_be_indexed_is_not_stored,
    reindex_adds_the_words_of_records_stored_without_them,
    a_writer_stores_concurrent_records_each_once,
    a_writer_stores_nothing_of_a_batch_whose_words_cannot_be_written,
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
        let page = store::records_page(&conn, &store::Filter::default(), before, 3)
            .await
            .expect("page");
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
    let all_seven = store::records_page(&conn, &store::Filter::default(), None, 7)
        .await
        .unwrap();
    assert_eq!(all_seven.records.len(), 7);
    assert_eq!(all_seven.next_before, None);
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

async fn filters_find_records_by_operation_tag_and_words(db: TestDb) {
    let conn = migrated(&db).await;
    let texts = [
        (
            "anna",
            Operation::Spell,
            "The quick brown fox",
            "the quick brown fox",
        ),
        (
            "Anna",
            Operation::Space,
            "wevisitedkrakow",
            "we visited Krakow",
        ),
        ("anna", Operation::Space, "thebrownbear", "the brown bear"),
        ("ben", Operation::Spell, "100% of it", "100% of it"),
        ("ben", Operation::Spell, "1000 of it", "1000 of it"),
        (
            "ben",
            Operation::Translate,
            "le renard brun",
            "the brown fox",
        ),
    ];
    let mut ids = Vec::new();
    for (tag, operation, original, processed) in texts {
        let mut record = new_record(tag, original);
        record.operation = operation;
        record.processed = processed.to_owned();
        ids.push(store::insert_record(&conn, record).await.unwrap().id);
    }
    let found = |op: Option<&'static str>, tag: Option<&'static str>, q: Option<&'static str>| {
        let conn = conn.clone();
        async move {
            let filter = store::Filter::from_query(op, tag, q).expect("a valid filter");
            let page = store::records_page(&conn, &filter, None, 50).await.unwrap();
            let ids = page.records.iter().map(|r| r.id).collect::<Vec<_>>();
            // The ids alone (home's pages) are the same page, and read
            // back by id, the same records.
            let id_page = store::page_ids(&conn, &filter, None, 50).await.unwrap();
            assert_eq!(id_page.records, ids, "{filter:?}");
            assert_eq!(id_page.next_before, page.next_before);
            let by_ids = store::records_by_ids(&conn, &ids).await.unwrap();
            assert_eq!(by_ids, page.records, "{filter:?}");
            ids
        }
    };
    let [fox, krakow, bear, percent, thousand, renard] = ids[..] else {
        unreachable!()
    };
    assert_eq!(found(Some("space"), None, None).await, [bear, krakow]);
    // Tags are exact, case included, on both backends.
    assert_eq!(found(None, Some("anna"), None).await, [bear, fox]);
    assert_eq!(found(None, Some("ann"), None).await, Vec::<i64>::new());
    // Words: whole words, in either text, any case, every word required.
    assert_eq!(found(None, None, Some("BROWN")).await, [renard, bear, fox]);
    assert_eq!(found(None, None, Some("brown fox")).await, [renard, fox]);
    assert_eq!(found(None, None, Some("krakow")).await, [krakow]);
    assert_eq!(found(Some("spell"), Some("anna"), Some("fox")).await, [fox]);
    assert_eq!(found(None, None, Some("the bear")).await, [bear]);
    assert_eq!(found(None, None, Some("of")).await, [thousand, percent]);
    assert_eq!(found(None, None, Some("bro")).await, Vec::<i64>::new());
    // Digits are words too.
    assert_eq!(found(None, None, Some("100")).await, [percent]);
    assert_eq!(
        found(Some("translate"), None, Some("brown")).await,
        [renard]
    );
    assert_eq!(found(None, Some("ben"), Some("it 1000")).await, [thousand]);
    assert_eq!(found(None, None, Some("zakopane")).await, Vec::<i64>::new());

    // Keyset paging keeps the filter, both ways.
    let spells = store::Filter::from_query(Some("spell"), None, None).unwrap();
    let first = store::records_page(&conn, &spells, None, 2).await.unwrap();
    assert_eq!(
        first.records.iter().map(|r| r.id).collect::<Vec<_>>(),
        [thousand, percent]
    );
    let second = store::records_page(&conn, &spells, first.next_before, 2)
        .await
        .unwrap();
    assert_eq!(
        second.records.iter().map(|r| r.id).collect::<Vec<_>>(),
        [fox]
    );
    assert_eq!(second.next_before, None);
    let (newer, more) = store::records_newer(&conn, &spells, fox, 1).await.unwrap();
    assert_eq!(newer.iter().map(|r| r.id).collect::<Vec<_>>(), [percent]);
    assert!(more);
    assert_eq!(
        store::newer_ids(&conn, &spells, fox, 1).await.unwrap(),
        (vec![percent], true)
    );
    assert_eq!(
        store::page_ids(&conn, &spells, first.next_before, 2)
            .await
            .unwrap()
            .records,
        [fox]
    );
    assert!(store::records_by_ids(&conn, &[]).await.unwrap().is_empty());

    assert_eq!(
        store::neighbours(&conn, bear).await.unwrap(),
        (Some(percent), Some(krakow))
    );
    assert_eq!(
        store::neighbours(&conn, fox).await.unwrap(),
        (Some(krakow), None)
    );
    assert_eq!(
        store::neighbours(&conn, renard).await.unwrap(),
        (None, Some(thousand))
    );
}

/// The search index finds a rare word however old, and pages through a
/// common one both ways.
async fn a_search_finds_rare_words_beyond_the_newest_records(db: TestDb) {
    let conn = migrated(&db).await;
    testkit::bulk::insert_bulk(&conn, 7_000, |n| {
        let text = match n {
            9 | 19 => format!("a zebra crossing {n}"),
            _ => format!("plain words {n}"),
        };
        testkit::bulk::record("t".to_owned(), Operation::Spell, &text, text.clone())
    })
    .await;
    let search = |q: &'static str, before: Option<i64>| {
        let conn = conn.clone();
        async move {
            let filter = store::Filter::from_query(None, None, Some(q)).unwrap();
            store::records_page(&conn, &filter, before, 3)
                .await
                .unwrap()
        }
    };
    let rare = search("zebra", None).await;
    assert_eq!(
        rare.records.iter().map(|r| r.id).collect::<Vec<_>>(),
        [20, 10]
    );
    assert_eq!(rare.next_before, None);
    let common = search("plain", None).await;
    assert_eq!(
        common.records.iter().map(|r| r.id).collect::<Vec<_>>(),
        [7_000, 6_999, 6_998]
    );
    assert_eq!(common.next_before, Some(6_998));
    let older = search("plain", Some(15)).await;
    assert_eq!(
        older.records.iter().map(|r| r.id).collect::<Vec<_>>(),
        [14, 13, 12]
    );
    let (newer, more) = store::records_newer(
        &conn,
        &store::Filter::from_query(None, None, Some("zebra")).unwrap(),
        10,
        3,
    )
    .await
    .unwrap();
    assert_eq!(newer.iter().map(|r| r.id).collect::<Vec<_>>(), [20]);
    assert!(!more);
}

/// The record and its words are one transaction: with the search index
/// gone, the insert fails and leaves no record behind, found by no search.
async fn a_record_whose_words_cannot_be_indexed_is_not_stored(db: TestDb) {
    use sea_orm::ConnectionTrait;
    let conn = migrated(&db).await;
    store::insert_record(&conn, new_record("kept", "first words"))
        .await
        .expect("insert");
    conn.execute_unprepared("DROP TABLE record_words")
        .await
        .expect("dropping the index");

    let failed = store::insert_record(&conn, new_record("lost", "second words")).await;

    assert!(
        matches!(failed, Err(store::Error::SchemaMissing(_))),
        "{failed:?}"
    );
    assert_eq!(store::record_count(&conn).await.unwrap(), 1);
    let page = store::records_page(&conn, &store::Filter::default(), None, 10)
        .await
        .unwrap();
    assert_eq!(
        page.records
            .iter()
            .map(|r| r.tag.as_str())
            .collect::<Vec<_>>(),
        ["kept"]
    );
}

/// Records an api of a version before the search index stored (no words)
/// are found once `reindex` has read them; it starts where it is told,
/// and running it again over indexed records changes nothing.
async fn reindex_adds_the_words_of_records_stored_without_them(db: TestDb) {
    let conn = migrated(&db).await;
    let kept = store::insert_record(&conn, new_record("kept", "first words"))
        .await
        .expect("insert");
    testkit::bulk::insert_without_words(&conn, &["a zebra 0", "a zebra 1", "a zebra 2"]).await;
    let zebras = || testkit::bulk::search(&conn, "zebra");
    assert!(zebras().await.is_empty());
    let first = kept.id;

    assert_eq!(store::reindex(&db.url, first + 2).await.unwrap(), 2);
    assert_eq!(zebras().await, [first + 3, first + 2]);

    assert_eq!(store::reindex(&db.url, 0).await.unwrap(), 4);
    assert_eq!(zebras().await, [first + 3, first + 2, first + 1]);
    assert_eq!(testkit::bulk::search(&conn, "first").await, [first]);
}

/// Many records at once through a `Writer`, which stores them several to a
/// transaction: each is stored once, with its own id and words, exactly as
/// it is answered; of two that share an idempotency key (the same request
/// sent twice at once, likely in one batch) one is stored and the other
/// told `Duplicate`, and the rest of its batch is stored all the same.
async fn a_writer_stores_concurrent_records_each_once(db: TestDb) {
    let conn = migrated(&db).await;
    let writer = store::Writer::start(conn.clone());
    let mut inserts = tokio::task::JoinSet::new();
    for i in 0..120 {
        let mut new = new_record(&format!("w{i}"), &format!("batched word{i}"));
        if i == 30 || i == 31 {
            new.idempotency = Some(store::Idempotency {
                key: "same-key".to_owned(),
                request_digest: "d".repeat(64),
            });
        }
        let writer = writer.clone();
        inserts.spawn(async move { (i, writer.insert(new).await) });
    }
    let mut stored = Vec::new();
    let mut duplicates = Vec::new();
    while let Some(joined) = inserts.join_next().await {
        match joined.expect("an insert task") {
            (_, Ok(record)) => stored.push(record),
            (i, Err(store::Error::Duplicate(_))) => duplicates.push(i),
            (i, Err(e)) => panic!("record {i}: {e}"),
        }
    }

    assert_eq!(stored.len(), 119);
    assert_eq!(duplicates.len(), 1);
    assert!(duplicates[0] == 30 || duplicates[0] == 31);
    assert_eq!(store::record_count(&conn).await.unwrap(), 119);
    let mut ids: Vec<i64> = stored.iter().map(|r| r.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 119, "every record has an id of its own");
    for record in &stored {
        let read = store::record_by_id(&conn, record.id).await.unwrap();
        assert_eq!(read.as_ref(), Some(record), "read back as answered");
        let word = record.original.rsplit(' ').next().unwrap();
        assert_eq!(testkit::bulk::search(&conn, word).await, [record.id]);
    }
}

/// A batch is one transaction: when its words cannot be written (the index
/// table dropped), none of its records is stored and each is told so.
async fn a_writer_stores_nothing_of_a_batch_whose_words_cannot_be_written(db: TestDb) {
    use sea_orm::ConnectionTrait;
    let conn = migrated(&db).await;
    conn.execute_unprepared("DROP TABLE record_words")
        .await
        .expect("dropping the index");
    let writer = store::Writer::start(conn.clone());
    let mut inserts = tokio::task::JoinSet::new();
    for i in 0..40 {
        let writer = writer.clone();
        inserts.spawn(async move {
            writer
                .insert(new_record("lost", &format!("text {i}")))
                .await
        });
    }
    while let Some(joined) = inserts.join_next().await {
        let outcome = joined.expect("an insert task");
        assert!(
            matches!(outcome, Err(store::Error::SchemaMissing(_))),
            "{outcome:?}"
        );
    }
    assert_eq!(store::record_count(&conn).await.unwrap(), 0);
}
