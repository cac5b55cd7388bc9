//! Stopping as ECS stops a task (SIGTERM, SIGKILL 15 s later), when what
//! the api waits for does not answer: health turns 503 at once (a check
//! already waiting on the database included), every
//! request in flight gets an answer that tells the truth, and the process
//! exits within 10 s.

use std::time::{Duration, Instant};

use serde_json::{json, Value};
use testkit::fake_backends::{FakeBackend, Reply, GOOD_KEY};
use testkit::{PrivateMariaDb, ServiceProcess};

use crate::routing::client;
use crate::topology::binary;

/// ECS's `StopTimeout` in `ecs/` is 15 s; we promise 10.
const EXIT_WITHIN: Duration = Duration::from_secs(10);

async fn post(base: &str, path: &str, body: Value) -> reqwest::Response {
    client()
        .post(format!("{base}{path}"))
        .json(&body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("POST {path}: no answer: {e}"))
}

async fn code_of(response: reqwest::Response) -> (u16, String) {
    let status = response.status().as_u16();
    let body: Value = response.json().await.unwrap();
    (
        status,
        body["error"]["code"].as_str().unwrap_or("").to_owned(),
    )
}

/// The api binary on a MariaDB server of the test's own, which it may
/// freeze; `None` where MariaDB is not installed (as `PrivateMariaDb`).
async fn api_on_a_private_mariadb() -> Option<(PrivateMariaDb, ServiceProcess)> {
    let mariadb = PrivateMariaDb::start().await?;
    let api = ServiceProcess::start(
        &binary("api"),
        &[("DATABASE_URL", mariadb.url.as_str())],
        "/api/health",
    )
    .await;
    Some((mariadb, api))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_with_a_frozen_database_answers_everyone_and_exits_within_10_s() {
    let Some((mariadb, mut api)) = api_on_a_private_mariadb().await else {
        return;
    };
    let base = api.base.clone();
    let warm = post(&base, "/api/spell", json!({"id": "warm", "text": "teh"})).await;
    assert_eq!(warm.status(), 201);

    mariadb.freeze();
    const IN_FLIGHT: usize = 6;
    let requests: Vec<_> = (0..IN_FLIGHT)
        .map(|i| {
            let base = base.clone();
            tokio::spawn(async move {
                let body = json!({"id": format!("frozen-{i}"), "text": format!("speling {i}")});
                let started = Instant::now();
                let answer = post(&base, "/api/spell", body).await;
                (code_of(answer).await, started.elapsed())
            })
        })
        .collect();
    // Long enough for every request to be in flight on a busy machine, and
    // well inside the 5 s database deadline. With 300 ms, one CI run that
    // shared both cores with other work sent some only after the listener
    // had closed (1 s after SIGTERM): they found no server, and one was
    // answered 201, most likely by another test's api that had been given
    // the freed port (its database was not frozen).
    tokio::time::sleep(Duration::from_millis(1000)).await;
    let sent = api.send_sigterm();

    // Health says so at once, without asking the (frozen) database.
    let health = client()
        .get(format!("{base}/api/health"))
        .send()
        .await
        .expect("health answers while the api drains");
    let asked = sent.elapsed();
    assert_eq!(health.status(), 503);
    assert_eq!(
        health.headers().get("connection").unwrap(),
        "close",
        "keep-alive clients are told to go"
    );
    let health: Value = health.json().await.unwrap();
    assert_eq!(health["status"], "stopping", "{health}");
    assert!(asked < Duration::from_millis(500), "health took {asked:?}");

    let mut said_not_stored = Vec::new();
    for (i, request) in requests.into_iter().enumerate() {
        let ((status, code), took) = request.await.unwrap();
        assert_eq!(status, 503, "{code}");
        assert!(
            [
                "database_unconfirmed",
                "database_unavailable",
                "shutting_down"
            ]
            .contains(&code.as_str()),
            "{code}"
        );
        if code == "database_unavailable" {
            said_not_stored.push(format!("frozen-{i}"));
        }
        assert!(took < EXIT_WITHIN, "answered after {took:?}");
    }
    let status = tokio::task::spawn_blocking(move || api.wait_for_exit())
        .await
        .unwrap();
    let took = sent.elapsed();
    assert!(status.success(), "exit status after SIGTERM: {status}");
    assert!(took < EXIT_WITHIN, "exited {took:?} after SIGTERM");
    println!("stopping: frozen database, {IN_FLIGHT} in flight: exit {took:?} after SIGTERM");

    // Whatever reached the server before it froze is committed once it
    // thaws; "nothing was stored" must still be true then.
    mariadb.thaw();
    let stored = testkit::bulk::stored_tags(&mariadb.url).await;
    for tag in said_not_stored {
        assert!(
            !stored.contains(&tag),
            "{tag} was answered 'not stored' but is stored"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_health_check_waiting_on_a_frozen_database_says_stopping_at_the_signal() {
    let Some((mariadb, mut api)) = api_on_a_private_mariadb().await else {
        return;
    };
    mariadb.freeze();
    let url = format!("{}/api/health", api.base);
    let check = tokio::spawn(async move { client().get(url).send().await });
    // The check is now waiting on the database (3 s before it gives up).
    tokio::time::sleep(Duration::from_millis(500)).await;
    let sent = api.send_sigterm();
    let health = check.await.unwrap().expect("health answers");
    let took = sent.elapsed();
    assert_eq!(health.status(), 503);
    let health: Value = health.json().await.unwrap();
    assert_eq!(health["status"], "stopping", "{health}");
    assert!(
        took < Duration::from_secs(1),
        "answered {took:?} after SIGTERM"
    );
    let exit = tokio::task::spawn_blocking(move || api.wait_for_exit())
        .await
        .unwrap();
    assert!(exit.success(), "{exit}");
    mariadb.thaw();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_translation_still_running_at_the_cut_off_is_answered_503_before_the_exit() {
    let Some(mariadb) = PrivateMariaDb::start().await else {
        return;
    };
    let google = FakeBackend::start(vec![Reply::Slow(Duration::from_secs(30))]).await;
    let mut api = ServiceProcess::start(
        &binary("api"),
        &[
            ("DATABASE_URL", mariadb.url.as_str()),
            ("GOOGLE_TRANSLATE_API_KEY", GOOD_KEY),
            ("GOOGLE_TRANSLATE_URL", google.server.base.as_str()),
            ("TRANSLATE_TIMEOUT_SECS", "60"),
            ("TRANSLATE_CACHE_SECS", "0"),
        ],
        "/api/health",
    )
    .await;
    let base = api.base.clone();
    let request = tokio::spawn(async move {
        let answer = post(
            &base,
            "/api/translate",
            json!({"id": "slow", "text": "Bonjour"}),
        )
        .await;
        let retry_after = answer.headers().get("retry-after").cloned();
        (code_of(answer).await, retry_after)
    });
    let deadline = Instant::now() + Duration::from_secs(10);
    while google.calls().is_empty() {
        assert!(
            Instant::now() < deadline,
            "the call never reached the backend"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let sent = api.send_sigterm();
    let ((status, code), retry_after) = request.await.unwrap();
    assert_eq!((status, code.as_str()), (503, "shutting_down"));
    assert_eq!(retry_after.unwrap(), "1");
    let exit = tokio::task::spawn_blocking(move || api.wait_for_exit())
        .await
        .unwrap();
    let took = sent.elapsed();
    assert!(exit.success(), "{exit}");
    assert!(took < EXIT_WITHIN, "exited {took:?} after SIGTERM");

    let conn = store::connect(&mariadb.url).await.unwrap();
    assert_eq!(store::record_count(&conn).await.unwrap(), 0);
}
