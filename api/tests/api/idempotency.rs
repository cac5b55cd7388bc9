//! `Idempotency-Key`: a retry stores nothing new and answers the first
//! record; a key reused for another request is refused; concurrent retries
//! store one row. Over TCP, on both databases.

use serde_json::{json, Value};
use testkit::fake_backends::{FakeBackend, GOOD_KEY};
use testkit::{on_both_backends, TestDb, TestServer};

use crate::support::{error_code, served, stored_count};

on_both_backends!(
    a_retry_with_the_same_key_answers_the_first_record_and_stores_nothing,
    a_key_reused_for_another_request_is_422_and_stores_nothing,
    concurrent_retries_with_one_key_store_one_row,
    a_translation_retry_is_not_sent_to_the_backend_again,
);

async fn post(server: &TestServer, path: &str, key: &str, body: &Value) -> reqwest::Response {
    server
        .http
        .post(server.url(path))
        .header("idempotency-key", key)
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn a_retry_with_the_same_key_answers_the_first_record_and_stores_nothing(db: TestDb) {
    let server = served(&db).await;
    let body = json!({"id": "retry", "text": "speling is esy"});

    let first = post(&server, "/api/spell", "key-1", &body).await;
    assert_eq!(first.status(), 201);
    assert!(first.headers().get("idempotent-replayed").is_none());
    let first: Value = first.json().await.unwrap();

    let retry = post(&server, "/api/spell", "key-1", &body).await;
    assert_eq!(retry.status(), 200);
    assert_eq!(retry.headers()["idempotent-replayed"], "true");
    assert_eq!(
        retry.headers()["location"],
        format!("/api/records/{}", first["id"]).as_str()
    );
    let retry: Value = retry.json().await.unwrap();
    assert_eq!(retry["id"], first["id"]);
    assert_eq!(retry["processed"], "spelling is easy");
    assert_eq!(retry["created_at"], first["created_at"]);
    assert_eq!(stored_count(&db).await, 1);

    // Another key (or none) is another request.
    assert_eq!(
        post(&server, "/api/spell", "key-2", &body).await.status(),
        201
    );
    assert_eq!(server.post_json("/api/spell", &body).await.status(), 201);
    assert_eq!(stored_count(&db).await, 3);
}

async fn a_key_reused_for_another_request_is_422_and_stores_nothing(db: TestDb) {
    let server = served(&db).await;
    let first = json!({"id": "a", "text": "helo"});
    assert_eq!(post(&server, "/api/spell", "k", &first).await.status(), 201);

    for (path, body) in [
        ("/api/spell", json!({"id": "a", "text": "helo wrld"})),
        ("/api/spell", json!({"id": "b", "text": "helo"})),
        ("/api/space", first.clone()),
    ] {
        let reused = post(&server, path, "k", &body).await;
        assert_eq!(reused.status(), 422, "{path} {body}");
        let error: Value = reused.json().await.unwrap();
        assert_eq!(error_code(&error), "idempotency_key_reused", "{error}");
    }
    assert_eq!(stored_count(&db).await, 1);

    for bad in ["", &"k".repeat(256), "two words"] {
        let refused = post(&server, "/api/spell", bad, &first).await;
        assert_eq!(refused.status(), 400, "{bad:?}");
        let error: Value = refused.json().await.unwrap();
        assert_eq!(error_code(&error), "invalid_idempotency_key", "{error}");
    }
    assert_eq!(stored_count(&db).await, 1);
}

async fn concurrent_retries_with_one_key_store_one_row(db: TestDb) {
    let server = served(&db).await;
    let body = json!({"id": "race", "text": "thequickbrownfox"});
    let attempts: Vec<_> = (0..8)
        .map(|_| {
            let request = server
                .http
                .post(server.url("/api/space"))
                .header("idempotency-key", "race-key")
                .json(&body);
            tokio::spawn(async move { request.send().await })
        })
        .collect();
    let mut ids = Vec::new();
    for attempt in attempts {
        let response = attempt.await.unwrap().unwrap();
        assert!(
            [200, 201].contains(&response.status().as_u16()),
            "{:?}",
            response.text().await
        );
        let record: Value = response.json().await.unwrap();
        ids.push(record["id"].clone());
    }
    ids.dedup();
    assert_eq!(ids.len(), 1, "every answer names the one record: {ids:?}");
    assert_eq!(stored_count(&db).await, 1);
}

async fn a_translation_retry_is_not_sent_to_the_backend_again(db: TestDb) {
    let fake = FakeBackend::start(vec![]).await;
    let figment = testkit::figment(&db)
        .merge(rocket::figment::providers::Serialized::global(
            "google_translate_api_key",
            GOOD_KEY,
        ))
        .merge(rocket::figment::providers::Serialized::global(
            "google_translate_url",
            &fake.server.base,
        ))
        .merge(rocket::figment::providers::Serialized::global(
            "translate_cache_secs",
            0,
        ));
    let server = TestServer::spawn(api::mount(rocket::custom(figment))).await;
    let body = json!({"id": "fr", "text": "Bonjour le monde"});

    let first = post(&server, "/api/translate", "t-1", &body).await;
    assert_eq!(first.status(), 201);
    let retry = post(&server, "/api/translate", "t-1", &body).await;
    assert_eq!(retry.status(), 200);
    let retry: Value = retry.json().await.unwrap();
    assert_eq!(retry["processed"], "Hello world");
    assert_eq!(fake.calls().len(), 1, "the retry cost no second call");
    assert_eq!(stored_count(&db).await, 1);
}
