//! A database that hangs, on a MariaDB server of the test's own: answers
//! come within the deadline and say truthfully whether anything was
//! stored, and a retry with the same `Idempotency-Key` stores the text once.

use std::time::{Duration, Instant};

use serde_json::{json, Value};
use testkit::{PrivateMariaDb, TestServer};

use crate::support::error_code;

async fn count(url: &str) -> u64 {
    let conn = store::connect(url).await.unwrap();
    store::record_count(&conn).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_frozen_database_answers_503_within_the_deadline_and_a_keyed_retry_stores_once() {
    let Some(mariadb) = PrivateMariaDb::start().await else {
        return;
    };
    let server = TestServer::spawn(api::mount(rocket::custom(testkit::figment_for_url(
        &mariadb.url,
    ))))
    .await;
    let body = json!({"id": "frozen", "text": "speling is esy"});
    let post = |key: &'static str| {
        server
            .http
            .post(server.url("/api/spell"))
            .header("idempotency-key", key)
            .json(&body)
            .send()
    };
    assert_eq!(post("warm-up").await.unwrap().status(), 201);

    mariadb.freeze();
    let started = Instant::now();
    let answer = tokio::time::timeout(store::QUERY_DEADLINE * 3, post("while-frozen"))
        .await
        .expect("an answer, not a request hanging with the database")
        .unwrap();
    let took = started.elapsed();
    assert_eq!(answer.status(), 503);
    assert!(answer.headers().contains_key("retry-after"));
    let error: Value = answer.json().await.unwrap();
    // The statement may have reached the server before it froze, so the
    // answer may not say "nothing was stored".
    assert!(
        ["database_unconfirmed", "database_unavailable"].contains(&error_code(&error)),
        "{error}"
    );
    if error_code(&error) == "database_unconfirmed" {
        assert!(error["error"]["message"]
            .as_str()
            .unwrap()
            .contains("may or may not"));
    }
    let deadline = store::QUERY_DEADLINE;
    assert!(
        took < deadline + Duration::from_secs(2),
        "answered after {took:?}"
    );

    let started = Instant::now();
    let health = server.get("/api/health").await;
    assert_eq!(health.status(), 503, "health reports the outage");
    assert!(started.elapsed() < Duration::from_secs(5));

    mariadb.thaw();
    // The same request, retried with its key: stored exactly once, whatever
    // became of the first attempt.
    let retry = post("while-frozen").await.unwrap();
    assert!([200, 201].contains(&retry.status().as_u16()), "{retry:?}");
    let again = post("while-frozen").await.unwrap();
    assert_eq!(again.status(), 200);
    assert_eq!(
        count(&mariadb.url).await,
        2,
        "the warm-up and the retried text, once each"
    );
    assert_eq!(
        server.get("/api/health").await.status(),
        200,
        "recovered by itself"
    );
}
