//! The success path of `/api/spell` and `/api/space`, over TCP.

use serde_json::json;
use testkit::{on_both_backends, TestDb};

use crate::support::{created, served, stored_count};

on_both_backends!(
    spell_json_answers_201_with_the_stored_record,
    spell_offers_the_words_nearly_as_likely_after_its_correction,
    space_form_from_curl_answers_201_json,
    space_keeps_an_apostrophe_in_its_word_and_counts_characters,
    awkward_text_is_stored_and_returned_byte_for_byte,
);

async fn spell_json_answers_201_with_the_stored_record(db: TestDb) {
    let server = served(&db).await;

    let response = server
        .post_json("/api/spell", &json!({"id": "t1", "text": "speling is esy"}))
        .await;

    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let record = created(response).await;
    assert_eq!(record["tag"], "t1");
    assert_eq!(record["operation"], "spell");
    assert_eq!(record["original"], "speling is esy");
    assert_eq!(record["processed"], "spelling is easy");
    let created_at = record["created_at"].as_str().unwrap();
    assert!(
        chrono::DateTime::parse_from_rfc3339(created_at).is_ok() && created_at.ends_with('Z'),
        "RFC 3339 in UTC: {created_at}"
    );
    assert_eq!(location, format!("/api/records/{}", record["id"]));
    // What changed, LanguageTool-style: offsets and lengths in characters.
    assert_eq!(
        record["changes"],
        json!([
            {"offset": 0, "length": 7, "original": "speling", "replacements": ["spelling"]},
            {"offset": 11, "length": 3, "original": "esy", "replacements": ["easy"]},
        ])
    );
    // The stored record is the answer without its changes.
    let mut stored = record.clone();
    stored.as_object_mut().unwrap().remove("changes");
    assert_eq!(server.get_json(&location).await, stored);
    assert_eq!(stored_count(&db).await, 1);
}

async fn spell_offers_the_words_nearly_as_likely_after_its_correction(db: TestDb) {
    let server = served(&db).await;

    let response = server
        .post_json("/api/spell", &json!({"id": "t2", "text": "Sory"}))
        .await;

    let record = created(response).await;
    // The correction first, then what the writer may have meant instead,
    // in the case it was typed in; the record stores the correction.
    assert_eq!(record["processed"], "Story");
    assert_eq!(
        record["changes"],
        json!([{"offset": 0, "length": 4, "original": "Sory", "replacements": ["Story", "Sorry"]}])
    );
    assert_eq!(stored_count(&db).await, 1);
}

async fn space_form_from_curl_answers_201_json(db: TestDb) {
    let server = served(&db).await;

    // What `curl -d 'id=a&text=…'` sends: a form body and `Accept: */*`.
    let response = server
        .post_form(
            "/api/space",
            "*/*",
            &[("id", "a"), ("text", "thequickbrownfox")],
        )
        .await;

    assert_eq!(response.headers()["content-type"], "application/json");
    let record = created(response).await;
    assert_eq!(record["operation"], "space");
    assert_eq!(record["processed"], "the quick brown fox");
    let inserted = offsets(&record);
    assert_eq!(
        inserted,
        vec![3, 8, 13],
        "a space before quick, brown and fox"
    );
    assert_eq!(stored_count(&db).await, 1);
}

async fn space_keeps_an_apostrophe_in_its_word_and_counts_characters(db: TestDb) {
    let server = served(&db).await;

    let text = "Don’tstop.I'm25yearsold";
    let response = server
        .post_json("/api/space", &json!({"id": "a", "text": text}))
        .await;

    let record = created(response).await;
    assert_eq!(record["processed"], "Don’t stop. I'm 25 years old");
    let inserted = offsets(&record);
    // Characters, not bytes: the curly apostrophe is three bytes.
    assert_eq!(inserted, vec![5, 10, 13, 15, 20]);
}

async fn awkward_text_is_stored_and_returned_byte_for_byte(db: TestDb) {
    let server = served(&db).await;
    let texts = [
        "it's \"quoted\" \\ back\\slash",
        "'; DROP TABLE records; --",
        "emoji 😀👍🏽 👨‍👩‍👧",
        "multi\nline\ttext",
    ];
    for (n, text) in texts.iter().enumerate() {
        // Once as JSON, once as a form: both encodings must arrive intact.
        let response = if n % 2 == 0 {
            server
                .post_json("/api/space", &json!({"id": "awk'ward", "text": text}))
                .await
        } else {
            server
                .post_form("/api/space", "*/*", &[("id", "awk'ward"), ("text", text)])
                .await
        };
        let record = created(response).await;
        assert_eq!(
            record["original"].as_str().unwrap().as_bytes(),
            text.as_bytes()
        );
        assert_eq!(record["tag"], "awk'ward");

        let fetched = server
            .get_json(&format!("/api/records/{}", record["id"]))
            .await;
        assert_eq!(
            fetched["original"].as_str().unwrap().as_bytes(),
            text.as_bytes()
        );
    }
    // The injection attempt was data: the table is there, holding every row.
    assert_eq!(stored_count(&db).await, texts.len() as u64);
}

#[tokio::test]
async fn extra_words_from_the_configured_file_are_kept_and_suggested() {
    let db = TestDb::sqlite();
    let words = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(words.path(), "# our products\nKubernetes\nthw\n").unwrap();
    let figment = testkit::figment(&db).merge(rocket::figment::providers::Serialized::global(
        "textproc_extra_words",
        words.path().display().to_string(),
    ));
    let server = testkit::TestServer::spawn(api::mount(rocket::custom(figment))).await;

    let record = created(
        server
            .post_json("/api/spell", &json!({"text": "ask thw about kubernetse"}))
            .await,
    )
    .await;

    assert_eq!(record["processed"], "ask thw about Kubernetes");
}

#[tokio::test]
async fn an_unreadable_extra_words_file_stops_the_launch() {
    let db = TestDb::sqlite();
    let figment = testkit::figment(&db).merge(rocket::figment::providers::Serialized::global(
        "textproc_extra_words",
        "/nonexistent/words.txt",
    ));
    let error = api::mount(rocket::custom(figment))
        .ignite()
        .await
        .expect_err("a missing word list must not be ignored");
    assert!(
        matches!(error.kind(), rocket::error::ErrorKind::FailedFairings(_)),
        "{error:?}"
    );
}

/// Where each change of a record's answer is, in characters.
fn offsets(record: &serde_json::Value) -> Vec<u64> {
    record["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["offset"].as_u64().unwrap())
        .collect()
}
