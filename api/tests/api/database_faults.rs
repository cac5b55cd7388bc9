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

/// How the database goes away under load.
#[derive(Clone, Copy, Debug)]
enum Fault {
    /// SIGTERM: MariaDB closes its connections and exits.
    CleanStop,
    /// SIGKILL: gone mid-statement; it recovers its log on restart.
    Kill,
}

/// One request of the load: its tag, what it was answered, how long it took.
struct Outcome {
    tag: String,
    status: u16,
    code: String,
    took: Duration,
    answered: Instant,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_stopped_cleanly_under_load_loses_nothing_and_recovers() {
    outage_under_load(Fault::CleanStop).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_killed_under_load_loses_nothing_and_recovers() {
    outage_under_load(Fault::Kill).await;
}

/// Eight clients post without pause while the database goes away for two
/// seconds and comes back. Every 201 is in the table, no answer says "not
/// stored" of a stored row, none outlives its deadline, health reports the
/// outage and the recovery, and the api recovers by itself.
async fn outage_under_load(fault: Fault) {
    const CLIENTS: usize = 8;
    let Some(mut mariadb) = PrivateMariaDb::start().await else {
        return;
    };
    let server = TestServer::spawn(api::mount(rocket::custom(testkit::figment_for_url(
        &mariadb.url,
    ))))
    .await;
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let clients: Vec<_> = (0..CLIENTS)
        .map(|client| {
            let (http, url, stop) = (server.http.clone(), server.url("/api/spell"), stop.clone());
            tokio::spawn(async move {
                let mut outcomes = Vec::new();
                for n in 0.. {
                    if stop.load(std::sync::atomic::Ordering::Relaxed) {
                        break;
                    }
                    let tag = format!("c{client}-{n}");
                    let started = Instant::now();
                    let response = http
                        .post(&url)
                        .json(&json!({"id": tag, "text": "speling is esy"}))
                        .send()
                        .await
                        .expect("an answer, not a dropped connection");
                    let status = response.status().as_u16();
                    let body: Value = response.json().await.expect("a JSON answer");
                    let code = body["error"]["code"].as_str().unwrap_or("").to_owned();
                    let took = started.elapsed();
                    if status != 201 {
                        // A failing client backs off a little, as any would.
                        tokio::time::sleep(Duration::from_millis(20)).await;
                    }
                    outcomes.push(Outcome {
                        tag,
                        status,
                        code,
                        took,
                        answered: Instant::now(),
                    });
                }
                outcomes
            })
        })
        .collect();

    tokio::time::sleep(Duration::from_secs(1)).await;
    let failed_at = Instant::now();
    match fault {
        Fault::CleanStop => mariadb.stop_cleanly(),
        Fault::Kill => mariadb.kill(),
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let health = server.get("/api/health").await;
    assert_eq!(health.status(), 503, "health reports the outage");

    mariadb.restart().await;
    let restarted = Instant::now();
    // Recovery needs nobody: health and writes come back on their own.
    let recovered = loop {
        if server.get("/api/health").await.status() == 200 {
            break restarted.elapsed();
        }
        assert!(
            restarted.elapsed() < Duration::from_secs(15),
            "not recovered 15 s after the database came back"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    tokio::time::sleep(Duration::from_secs(1)).await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let mut outcomes = Vec::new();
    for client in clients {
        outcomes.extend(client.await.unwrap());
    }

    let stored = testkit::bulk::stored_tags(&mariadb.url).await;
    let (mut created, mut not_stored, mut unconfirmed) = (0, 0, 0);
    let deadline = store::QUERY_DEADLINE + Duration::from_secs(1);
    let mut slowest = Duration::ZERO;
    for outcome in &outcomes {
        slowest = slowest.max(outcome.took);
        assert!(
            outcome.took < deadline,
            "{} took {:?}",
            outcome.tag,
            outcome.took
        );
        match (outcome.status, outcome.code.as_str()) {
            (201, _) => {
                created += 1;
                assert!(
                    stored.contains(&outcome.tag),
                    "{} acknowledged, lost",
                    outcome.tag
                );
            }
            (503, "database_unavailable") => {
                not_stored += 1;
                assert!(
                    !stored.contains(&outcome.tag),
                    "{} was answered 'nothing was stored' but is stored",
                    outcome.tag
                );
            }
            (503, "database_unconfirmed") => unconfirmed += 1,
            other => panic!("{}: unexpected answer {other:?}", outcome.tag),
        }
    }
    assert!(not_stored + unconfirmed > 0, "the outage was felt");
    assert!(
        outcomes
            .iter()
            .any(|o| o.status == 201 && o.answered > restarted + recovered),
        "writes resumed after the recovery"
    );
    println!(
        "database fault {fault:?}: {} requests, {created} stored (all found), \
         {not_stored} 'not stored' (none found), {unconfirmed} 'may or may not'; \
         slowest {slowest:?}; health 200 {recovered:?} after restart, \
         {:?} after the fault",
        outcomes.len(),
        failed_at.elapsed()
    );
}
