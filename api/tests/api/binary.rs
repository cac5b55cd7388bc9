//! The `api` binary as a process: `api migrate`, serving, and SIGTERM.

use std::process::Command;

use testkit::{ServiceProcess, TestDb};

#[tokio::test]
async fn api_migrate_creates_the_schema_and_exits() {
    let db = TestDb::sqlite();
    let output = Command::new(env!("CARGO_BIN_EXE_api"))
        .arg("migrate")
        .env("DATABASE_URL", &db.url)
        .output()
        .expect("running api migrate");
    assert!(output.status.success(), "{output:?}");
    let conn = store::connect(&db.url).await.unwrap();
    store::check_health(&conn)
        .await
        .expect("the records table exists");
}

#[tokio::test]
async fn api_migrate_fails_loudly_without_a_database() {
    let output = Command::new(env!("CARGO_BIN_EXE_api"))
        .arg("migrate")
        .env("DATABASE_URL", "mysql://app:hunter2@127.0.0.1:1/none")
        .output()
        .expect("running api migrate");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("127.0.0.1:1"),
        "says where it looked: {stderr}"
    );
    assert!(
        !stderr.contains("hunter2"),
        "never prints the password: {stderr}"
    );
}

#[tokio::test]
async fn an_unknown_subcommand_is_a_usage_error() {
    let output = Command::new(env!("CARGO_BIN_EXE_api"))
        .arg("migrat")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("usage: api"));
}

#[tokio::test]
async fn the_api_binary_serves_from_its_environment_and_stops_on_sigterm() {
    let db = TestDb::sqlite();
    let process = ServiceProcess::start(
        env!("CARGO_BIN_EXE_api"),
        &[("DATABASE_URL", db.url.as_str())],
        "/api/health",
    )
    .await;
    let (status, took) = process.terminate();
    assert!(status.success(), "exit status after SIGTERM: {status}");
    assert!(took.as_secs() < 5, "took {took:?} to stop");
}
