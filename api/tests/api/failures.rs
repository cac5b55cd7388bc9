//! A failing dependency: a clear error with the error shape, never a
//! panic, and nothing half-stored.

use rocket::http::{ContentType, Status};
use sea_orm::{ConnectionTrait, Database};
use serde_json::Value;
use testkit::{on_both_backends, TestDb};

use crate::support::{error_code, local_client, served, stored_count};

on_both_backends!(losing_the_table_answers_503_and_health_says_why);

async fn losing_the_table_answers_503_and_health_says_why(db: TestDb) {
    let server = served(&db).await;
    let health = server.get("/api/health").await;
    assert_eq!(health.status(), 200);
    let health: Value = health.json().await.unwrap();
    assert_eq!(health["status"], "ok");
    assert_eq!(health["database"]["ok"], true);

    // The database loses its schema under the running api.
    let admin = Database::connect(&db.url).await.unwrap();
    admin
        .execute_unprepared("DROP TABLE records")
        .await
        .unwrap();

    let response = server
        .post_json("/api/spell", &serde_json::json!({"text": "helo"}))
        .await;
    assert_eq!(response.status(), 503);
    let body: Value = response.json().await.unwrap();
    assert_eq!(error_code(&body), "database_not_migrated");

    let health = server.get("/api/health").await;
    assert_eq!(health.status(), 503);
    let health: Value = health.json().await.unwrap();
    assert_eq!(health["status"], "unavailable");
    assert_eq!(health["database"]["error"], "the records table is missing");
}

#[tokio::test]
async fn an_unreachable_database_answers_503_with_retry_after() {
    let db = TestDb::sqlite();
    let client = local_client(&db).await;
    // Close the pool under the running api: every query now fails to connect.
    client
        .rocket()
        .state::<store::DatabaseConnection>()
        .unwrap()
        .clone()
        .close()
        .await
        .unwrap();

    let response = client
        .post("/api/spell")
        .header(ContentType::JSON)
        .body(r#"{"text": "helo"}"#)
        .dispatch()
        .await;
    assert_eq!(response.status(), Status::ServiceUnavailable);
    assert_eq!(response.headers().get_one("retry-after"), Some("5"));
    let body: Value = response.into_json().await.unwrap();
    assert_eq!(error_code(&body), "database_unavailable");
    assert!(
        !body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("sqlite"),
        "no internals: {body}"
    );

    let health = client.get("/api/health").dispatch().await;
    assert_eq!(health.status(), Status::ServiceUnavailable);
}

#[tokio::test]
async fn the_api_does_not_launch_when_the_database_cannot_be_reached() {
    let figment =
        testkit::figment(&TestDb::sqlite()).merge(rocket::figment::providers::Serialized::global(
            "database_url",
            "mysql://app:hunter2@127.0.0.1:1/none",
        ));
    let ignited = api::mount(rocket::custom(figment)).ignite().await;
    let error = ignited.expect_err("no database, no launch");
    assert!(
        matches!(error.kind(), rocket::error::ErrorKind::FailedFairings(_)),
        "{error:?}"
    );
}

#[tokio::test]
async fn translate_without_a_backend_answers_503_and_stores_nothing() {
    let db = TestDb::sqlite();
    let client = local_client(&db).await;
    let response = client
        .post("/api/translate")
        .header(ContentType::JSON)
        .body(r#"{"id": "fr", "text": "Bonjour le monde"}"#)
        .dispatch()
        .await;
    assert_eq!(response.status(), Status::ServiceUnavailable);
    assert_eq!(
        response.headers().get_one("retry-after"),
        None,
        "not a passing outage"
    );
    let body: Value = response.into_json().await.unwrap();
    assert_eq!(error_code(&body), "translation_not_configured");
    assert_eq!(stored_count(&db).await, 0);
}
