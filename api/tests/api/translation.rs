//! `POST /api/translate` against the stand-in backends, over TCP: success,
//! long text, every failure the issue lists, retries, the cache, the key.

use rocket::figment::providers::Serialized;
use serde_json::{json, Value};
use testkit::{on_both_backends, ServiceProcess, TestDb, TestServer};

use crate::support::{created, error_code, stored_count};
use testkit::fake_backends::{google_error, invalid_key, FakeBackend, Reply, GOOD_KEY};

/// The api pointed at `fake` as its Google endpoint, with short timeouts
/// and waits so failure cases run fast.
async fn api_with_google(db: &TestDb, fake: &FakeBackend, extra: &[(&str, Value)]) -> TestServer {
    let mut figment = testkit::figment(db)
        .merge(Serialized::global("google_translate_api_key", GOOD_KEY))
        .merge(Serialized::global(
            "google_translate_url",
            &fake.server.base,
        ))
        .merge(Serialized::global("translate_timeout_secs", 0.5))
        .merge(Serialized::global("translate_backoff_ms", 10));
    for (key, value) in extra {
        figment = figment.merge(Serialized::global(key, value));
    }
    TestServer::spawn(api::mount(rocket::custom(figment))).await
}

async fn translate(server: &TestServer, body: Value) -> reqwest::Response {
    server.post_json("/api/translate", &body).await
}

/// Asserts a failure: its status and code, no row stored, and how many
/// calls reached the backend.
async fn assert_failed(
    db: &TestDb,
    fake: &FakeBackend,
    response: reqwest::Response,
    status: u16,
    code: &str,
    calls: usize,
) {
    assert_eq!(response.status(), status);
    let body: Value = response.json().await.unwrap();
    assert_eq!(error_code(&body), code, "{body}");
    assert!(
        !body.to_string().contains(GOOD_KEY),
        "the key leaked: {body}"
    );
    assert_eq!(stored_count(db).await, 0, "nothing stored on failure");
    assert_eq!(fake.calls().len(), calls, "calls that reached the backend");
}

#[tokio::test]
async fn french_is_translated_detected_and_stored() {
    let (db, fake) = (TestDb::sqlite(), FakeBackend::start(vec![]).await);
    let server = api_with_google(&db, &fake, &[]).await;

    let record =
        created(translate(&server, json!({"id": "fr1", "text": "Bonjour le monde"})).await).await;

    assert_eq!(record["processed"], "Hello world");
    assert_eq!(record["source_language"], "fr");
    assert_eq!(record["target_language"], "en");
    assert_eq!(record["translation"]["cached"], false);
    assert_eq!(record["translation"]["backend"], "google");
    assert_eq!(record["translation"]["characters_sent"], 16);
    let calls = fake.calls();
    assert_eq!(calls.len(), 1);
    assert_eq!(
        calls[0]["format"], "text",
        "html would escape quotes and drop newlines"
    );
    assert_eq!(calls[0]["target"], "en");
    assert!(
        calls[0].get("source").is_none(),
        "no source: Google detects"
    );
    assert_eq!(
        server
            .get_json(&format!("/api/records/{}", record["id"]))
            .await["processed"],
        "Hello world"
    );
}

on_both_backends!(a_detected_language_that_is_no_language_code_is_stored_as_unknown);

/// On MySQL a 40-character "language" used to be a 500 after the
/// translation was billed; the translation is kept, the code is not.
async fn a_detected_language_that_is_no_language_code_is_stored_as_unknown(db: TestDb) {
    let junk = "x".repeat(40);
    let fake = FakeBackend::start(vec![Reply::Detected(junk.clone())]).await;
    let server = api_with_google(&db, &fake, &[]).await;

    let response = translate(&server, json!({"id": "odd", "text": "Bonjour le monde"})).await;
    let record = created(response).await;

    assert_eq!(record["processed"], "Hello world");
    assert_eq!(record["source_language"], Value::Null);
    assert_eq!(stored_count(&db).await, 1);
    let stored = server
        .get_json(&format!("/api/records/{}", record["id"]))
        .await;
    assert_eq!(stored["source_language"], Value::Null, "{stored}");
}

#[tokio::test]
async fn a_given_source_is_sent_and_stored_without_detection() {
    let (db, fake) = (TestDb::sqlite(), FakeBackend::start(vec![]).await);
    let server = api_with_google(&db, &fake, &[]).await;

    let response = server
        .post_form(
            "/api/translate",
            "*/*",
            &[("text", "Je t'aime"), ("source", "fr")],
        )
        .await;

    let record = created(response).await;
    assert_eq!(record["processed"], "I love you");
    assert_eq!(record["source_language"], "fr");
    assert_eq!(fake.calls()[0]["source"], "fr");
}

#[tokio::test]
async fn quotes_and_markup_come_back_as_written_not_as_entities() {
    let (db, fake) = (TestDb::sqlite(), FakeBackend::start(vec![]).await);
    let server = api_with_google(&db, &fake, &[]).await;
    let record =
        created(translate(&server, json!({"text": "C'est \"super\" & <bon>"})).await).await;
    assert_eq!(record["processed"], "It's \"great\" & <good>");
}

#[tokio::test]
async fn long_text_goes_in_several_requests_and_comes_back_in_order() {
    let (db, fake) = (TestDb::sqlite(), FakeBackend::start(vec![]).await);
    let server = api_with_google(&db, &fake, &[]).await;
    let paragraphs: Vec<String> = (0..6)
        .map(|n| format!("Paragraphe {n} {}", "mot ".repeat(380).trim_end()))
        .collect();
    let text = paragraphs.join("\n\n");
    assert!(text.chars().count() > 9_000 && text.chars().count() <= 10_000);

    let record = created(translate(&server, json!({"text": text})).await).await;

    let expected: Vec<String> = paragraphs.iter().map(|p| format!("EN[{p}]")).collect();
    assert_eq!(record["processed"], expected.join("\n\n"));
    let calls = fake.calls();
    assert!(calls.len() >= 2, "{} requests", calls.len());
    for call in &calls {
        let segments = call["q"].as_array().unwrap();
        let chars: usize = segments
            .iter()
            .map(|s| s.as_str().unwrap().chars().count())
            .sum();
        assert!(
            segments.len() <= 128 && chars <= 5_000,
            "{} segments, {chars} chars",
            segments.len()
        );
    }
}

#[tokio::test]
async fn an_invalid_key_is_502_auth_failed_and_not_retried() {
    let (db, fake) = (
        TestDb::sqlite(),
        FakeBackend::start(vec![invalid_key()]).await,
    );
    let server = api_with_google(&db, &fake, &[]).await;
    let response = translate(&server, json!({"text": "Bonjour le monde"})).await;
    assert_failed(&db, &fake, response, 502, "translation_auth_failed", 1).await;
}

#[tokio::test]
async fn a_rate_limit_403_is_retried_and_then_succeeds() {
    let limited = google_error(403, "userRateLimitExceeded", "User Rate Limit Exceeded");
    let fake = FakeBackend::start(vec![Reply::Status(403, limited, None)]).await;
    let db = TestDb::sqlite();
    let server = api_with_google(&db, &fake, &[]).await;

    let record = created(translate(&server, json!({"text": "Bonjour le monde"})).await).await;

    assert_eq!(record["processed"], "Hello world");
    assert_eq!(fake.calls().len(), 2);
    assert_eq!(stored_count(&db).await, 1);
}

#[tokio::test]
async fn a_daily_limit_403_is_503_quota_exceeded_and_not_retried() {
    let daily = google_error(403, "dailyLimitExceeded", "Daily Limit Exceeded");
    let (db, fake) = (
        TestDb::sqlite(),
        FakeBackend::start(vec![Reply::Status(403, daily, None)]).await,
    );
    let server = api_with_google(&db, &fake, &[]).await;
    let response = translate(&server, json!({"text": "Bonjour le monde"})).await;
    assert_failed(&db, &fake, response, 503, "translation_quota_exceeded", 1).await;
}

#[tokio::test]
async fn a_persistent_429_is_retried_a_few_times_then_503_with_retry_after() {
    let too_many = || {
        Reply::Status(
            429,
            google_error(429, "rateLimitExceeded", "Too Many Requests"),
            Some(1),
        )
    };
    let fake = FakeBackend::start(vec![too_many(), too_many(), too_many(), too_many()]).await;
    let db = TestDb::sqlite();
    let server = api_with_google(&db, &fake, &[]).await;

    let response = translate(&server, json!({"text": "Bonjour le monde"})).await;

    assert_eq!(
        response
            .headers()
            .get("retry-after")
            .map(|v| v.to_str().unwrap()),
        Some("1")
    );
    assert_failed(&db, &fake, response, 503, "translation_rate_limited", 3).await;
}

#[tokio::test]
async fn a_500_is_retried_and_then_succeeds() {
    let fake = FakeBackend::start(vec![Reply::Status(500, "backend error".to_owned(), None)]).await;
    let db = TestDb::sqlite();
    let server = api_with_google(&db, &fake, &[]).await;
    let record = created(translate(&server, json!({"text": "Bonjour le monde"})).await).await;
    assert_eq!(record["processed"], "Hello world");
    assert_eq!(fake.calls().len(), 2);
}

#[tokio::test]
async fn persistent_500s_are_502_after_three_attempts() {
    let error = || Reply::Status(503, "unavailable".to_owned(), None);
    let fake = FakeBackend::start(vec![error(), error(), error(), error()]).await;
    let db = TestDb::sqlite();
    let server = api_with_google(&db, &fake, &[]).await;
    let response = translate(&server, json!({"text": "Bonjour le monde"})).await;
    assert_failed(&db, &fake, response, 502, "translation_failed", 3).await;
}

#[tokio::test]
async fn a_backend_slower_than_the_timeout_is_504_after_bounded_retries() {
    let slow = || Reply::Slow(std::time::Duration::from_millis(1_500));
    let fake = FakeBackend::start(vec![slow(), slow(), slow()]).await;
    let db = TestDb::sqlite();
    let server = api_with_google(&db, &fake, &[("translate_timeout_secs", json!(0.3))]).await;

    let started = std::time::Instant::now();
    let response = translate(&server, json!({"text": "Bonjour le monde"})).await;

    assert_failed(&db, &fake, response, 504, "translation_timeout", 3).await;
    assert!(
        started.elapsed().as_secs_f64() < 3.0,
        "bounded: {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_malformed_answer_is_502_and_not_retried() {
    let (db, fake) = (
        TestDb::sqlite(),
        FakeBackend::start(vec![Reply::Malformed]).await,
    );
    let server = api_with_google(&db, &fake, &[]).await;
    let response = translate(&server, json!({"text": "Bonjour le monde"})).await;
    assert_failed(&db, &fake, response, 502, "translation_bad_response", 1).await;
}

#[tokio::test]
async fn a_repeat_reuses_the_stored_translation_and_costs_no_call() {
    let (db, fake) = (TestDb::sqlite(), FakeBackend::start(vec![]).await);
    let server = api_with_google(&db, &fake, &[]).await;

    let first =
        created(translate(&server, json!({"id": "a", "text": "Bonjour le monde"})).await).await;
    let again =
        created(translate(&server, json!({"id": "b", "text": "Bonjour le monde"})).await).await;

    assert_eq!(fake.calls().len(), 1, "the repeat was free");
    assert_eq!(again["translation"]["cached"], true);
    assert_eq!(again["translation"]["cached_from"], first["id"]);
    assert_eq!(again["translation"]["characters_sent"], 0);
    assert_eq!(again["processed"], "Hello world");
    assert_eq!(again["source_language"], "fr");
    assert_eq!(
        again["tag"], "b",
        "the repeat is stored as the user's own record"
    );
    assert_eq!(stored_count(&db).await, 2);

    // Another target, or another text, is another request.
    created(translate(&server, json!({"text": "Bonjour le monde", "target": "de"})).await).await;
    created(translate(&server, json!({"text": "Bonjour le monde!"})).await).await;
    assert_eq!(fake.calls().len(), 3);
}

#[tokio::test]
async fn with_the_cache_off_every_request_calls_the_backend() {
    let (db, fake) = (TestDb::sqlite(), FakeBackend::start(vec![]).await);
    let server = api_with_google(&db, &fake, &[("translate_cache_secs", json!(0))]).await;
    for _ in 0..2 {
        let record = created(translate(&server, json!({"text": "Bonjour le monde"})).await).await;
        assert_eq!(record["translation"]["cached"], false);
    }
    assert_eq!(fake.calls().len(), 2);
}

#[tokio::test]
async fn text_already_in_the_target_language_is_stored_as_is() {
    let (db, fake) = (TestDb::sqlite(), FakeBackend::start(vec![]).await);
    let server = api_with_google(&db, &fake, &[]).await;
    let text = "Hello, this is  already English.\n";
    let record = created(translate(&server, json!({"text": text})).await).await;
    assert_eq!(record["processed"], text);
    assert_eq!(record["source_language"], "en");
    assert_eq!(record["translation"]["already_in_target"], true);
}

#[tokio::test]
async fn a_bad_language_code_is_422_and_never_reaches_the_backend() {
    let (db, fake) = (TestDb::sqlite(), FakeBackend::start(vec![]).await);
    let server = api_with_google(&db, &fake, &[]).await;
    let response = translate(&server, json!({"text": "Bonjour", "source": "french"})).await;
    assert_failed(&db, &fake, response, 422, "invalid_language", 0).await;
}

#[tokio::test]
async fn libretranslate_is_the_self_hosted_backend() {
    let fake = FakeBackend::start(vec![Reply::Status(
        403,
        json!({"error": "Invalid API key"}).to_string(),
        None,
    )])
    .await;
    let db = TestDb::sqlite();
    let figment = testkit::figment(&db)
        .merge(Serialized::global("translate_backend", "libretranslate"))
        .merge(Serialized::global("libretranslate_url", &fake.server.base))
        .merge(Serialized::global("libretranslate_api_key", GOOD_KEY));
    let server = TestServer::spawn(api::mount(rocket::custom(figment))).await;

    let refused = translate(&server, json!({"text": "Bonjour le monde"})).await;
    assert_eq!(refused.status(), 502);
    assert_eq!(
        error_code(&refused.json().await.unwrap()),
        "translation_auth_failed"
    );

    let record = created(translate(&server, json!({"text": "Bonjour le monde"})).await).await;
    assert_eq!(record["processed"], "Hello world");
    assert_eq!(record["source_language"], "fr");
    assert_eq!(record["translation"]["backend"], "libretranslate");
    let calls = fake.calls();
    assert_eq!(calls.len(), 2);
    assert_eq!(calls[1]["source"], "auto");
    assert_eq!(calls[1]["api_key"], GOOD_KEY);
}

#[tokio::test]
async fn health_says_whether_translation_is_offered() {
    let (db, fake) = (TestDb::sqlite(), FakeBackend::start(vec![]).await);
    let with = api_with_google(&db, &fake, &[]).await;
    let health = with.get_json("/api/health").await;
    assert_eq!(
        health["translation"],
        json!({"configured": true, "backend": "google"})
    );

    let without = TestServer::spawn(crate::support::api(&db)).await;
    let health = without.get_json("/api/health").await;
    assert_eq!(
        health["translation"],
        json!({"configured": false, "backend": null})
    );
    assert_eq!(
        health["status"], "ok",
        "translation being off is not an outage"
    );
}

/// The key must not reach logs, answers or panics. The api runs as its own
/// process at its most verbose, every line it prints is kept, and failing
/// calls (a refused key, then server errors) go through it.
#[tokio::test]
async fn the_key_never_appears_in_logs_or_answers() {
    const SECRET: &str = "AIzaSy-SECRET-never-print-me-4242";
    let db = TestDb::sqlite();
    let fake = FakeBackend::start(vec![
        invalid_key(),
        Reply::Status(500, "boom".to_owned(), None),
        Reply::Status(500, "boom".to_owned(), None),
        Reply::Status(500, "boom".to_owned(), None),
    ])
    .await;
    let logs = tempfile::NamedTempFile::new().unwrap();
    let process = ServiceProcess::start_logging(
        env!("CARGO_BIN_EXE_api"),
        &[
            ("DATABASE_URL", db.url.as_str()),
            ("GOOGLE_TRANSLATE_API_KEY", SECRET),
            ("GOOGLE_TRANSLATE_URL", fake.server.base.as_str()),
            ("TRANSLATE_BACKOFF_MS", "5"),
            ("TEXTPROC_LOG", "trace"),
        ],
        "/api/health",
        logs.path(),
    )
    .await;

    let http = reqwest::Client::new();
    let mut answers = String::new();
    for _ in 0..2 {
        let response = http
            .post(format!("{}/api/translate", process.base))
            .json(&json!({"text": "Bonjour le monde"}))
            .send()
            .await
            .unwrap();
        let headers = format!("{:?}", response.headers());
        answers.push_str(&format!("{headers}\n{}\n", response.text().await.unwrap()));
    }
    let (status, _) = process.terminate();
    assert!(status.success());

    let log = std::fs::read_to_string(logs.path()).unwrap();
    assert!(
        log.contains("rejected the API key"),
        "the refusal was logged:\n{log}"
    );
    assert!(log.contains("HTTP 500"), "the retries were logged:\n{log}");
    assert!(!log.contains(SECRET), "the key is in the logs:\n{log}");
    assert!(
        !answers.contains(SECRET),
        "the key is in an answer:\n{answers}"
    );
    assert!(
        answers.contains("translation_auth_failed") && answers.contains("translation_failed"),
        "{answers}"
    );
    assert_eq!(fake.calls().len(), 4);
}
