//! The binaries as processes: configured by the environment only, ready to
//! serve, and gone promptly and cleanly on SIGTERM.

use testkit::{ServiceProcess, TestDb};

#[tokio::test]
async fn the_all_in_one_binary_serves_both_route_sets_and_stops_on_sigterm() {
    let db = TestDb::sqlite();
    let process = ServiceProcess::start(
        env!("CARGO_BIN_EXE_textproc"),
        &[("DATABASE_URL", db.url.as_str())],
        "/api/health",
    )
    .await;

    let home = reqwest::get(format!("{}/", process.base)).await.unwrap();
    assert_eq!(home.status(), 200);
    let created = reqwest::Client::new()
        .post(format!("{}/api/spell", process.base))
        .form(&[("text", "helo")])
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);

    let (status, took) = process.terminate();
    assert!(status.success(), "exit status after SIGTERM: {status}");
    assert!(took.as_secs() < 5, "took {took:?} to stop");

    // What was acknowledged is in the database file after the stop.
    let conn = store::connect(&db.url).await.unwrap();
    assert_eq!(store::record_count(&conn).await.unwrap(), 1);
}
