//! The `api` binary as a process: `api migrate`, `api reindex`, `api healthcheck`,
//! serving, where the database is, and SIGTERM.

use std::process::{Command, Output};

use sea_orm::ConnectionTrait;
use testkit::{ServiceProcess, TestDb};

/// Runs `api ARGS` to its end with `env` only (no inherited `DATABASE_URL`).
fn api(args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_api"))
        .args(args)
        .env_remove("DATABASE_URL")
        .envs(env.iter().copied())
        .output()
        .unwrap_or_else(|e| panic!("running api {args:?}: {e}"))
}

/// The api serving on `db`, configured by its environment only.
async fn serving_api(db: &TestDb) -> ServiceProcess {
    ServiceProcess::start(
        env!("CARGO_BIN_EXE_api"),
        &[("DATABASE_URL", db.url.as_str())],
        "/api/health",
    )
    .await
}

async fn assert_the_schema_is_there(url: &str) {
    let conn = store::connect(url).await.unwrap();
    store::check_health(&conn)
        .await
        .expect("the records table exists");
}

#[tokio::test]
async fn api_migrate_creates_the_schema_and_exits() {
    let db = TestDb::sqlite();
    let output = api(&["migrate"], &[("DATABASE_URL", &db.url)]);
    assert!(output.status.success(), "{output:?}");
    assert_the_schema_is_there(&db.url).await;
}

/// `api reindex ID` indexes records stored without their words (as an api
/// of the version before the index stored them) from that id on; a bad
/// id is a usage error.
#[tokio::test]
async fn api_reindex_makes_records_stored_without_words_searchable() {
    let db = TestDb::sqlite();
    assert!(api(&["migrate"], &[("DATABASE_URL", &db.url)])
        .status
        .success());
    let conn = store::connect(&db.url).await.unwrap();
    testkit::bulk::insert_without_words(&conn, &["a zebra"]).await;
    let zebras = || testkit::bulk::search(&conn, "zebra");
    assert!(zebras().await.is_empty());

    let output = api(&["reindex", "0"], &[("DATABASE_URL", &db.url)]);

    assert!(output.status.success(), "{output:?}");
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("1 records from id 0"),
        "{output:?}"
    );
    assert_eq!(zebras().await, [1]);
    let bad = api(&["reindex", "first"], &[("DATABASE_URL", &db.url)]);
    assert_eq!(bad.status.code(), Some(2));
}

#[tokio::test]
async fn api_migrate_fails_loudly_without_a_database() {
    let output = api(
        &["migrate"],
        &[("DATABASE_URL", "mysql://app:hunter2@127.0.0.1:1/none")],
    );
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
    let output = api(&["migrat"], &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("usage: api"));
}

#[tokio::test]
async fn the_api_binary_serves_from_its_environment_and_stops_on_sigterm() {
    let db = TestDb::sqlite();
    let process = serving_api(&db).await;
    let (status, took) = process.terminate();
    assert!(status.success(), "exit status after SIGTERM: {status}");
    assert!(took.as_secs() < 5, "took {took:?} to stop");
}

/// As ECS gives it: host, port, user and name as plain environment, the
/// password from Secrets Manager. RDS-generated passwords hold characters
/// that mean something in a URL, and some look like numbers or arrays.
#[tokio::test]
async fn the_database_given_as_parts_with_an_awkward_password_is_reached() {
    let Some(db) = TestDb::mysql("parts").await else {
        return;
    };
    let admin = sea_orm::Database::connect(testkit::mysql_admin_url())
        .await
        .unwrap();
    let name = db.url.rsplit('/').next().unwrap().to_owned();
    let user = format!("tp_parts_{}", std::process::id());
    let password = "p@ss:w/rd#%?[0]&x=1";
    for host in ["%", "localhost"] {
        admin
            .execute_unprepared(&format!(
                "CREATE USER '{user}'@'{host}' IDENTIFIED BY '{password}'; \
                 GRANT ALL ON `{name}`.* TO '{user}'@'{host}'"
            ))
            .await
            .unwrap();
    }
    let output = api(
        &["migrate"],
        &[
            ("DB_HOST", "127.0.0.1"),
            ("DB_PORT", "3306"),
            ("DB_USER", &user),
            ("DB_PASSWORD", password),
            ("DB_NAME", &name),
        ],
    );
    for host in ["%", "localhost"] {
        admin
            .execute_unprepared(&format!("DROP USER '{user}'@'{host}'"))
            .await
            .unwrap();
    }
    assert!(output.status.success(), "{output:?}");
    assert_the_schema_is_there(&db.url).await;
}

#[tokio::test]
async fn the_database_given_twice_or_in_part_stops_the_start_saying_what_to_fix() {
    let cases: [(&[(&str, &str)], &str); 2] = [
        (
            &[("DATABASE_URL", "sqlite://x.db"), ("DB_HOST", "db")],
            "not both",
        ),
        (
            &[("DB_HOST", "db"), ("DB_PASSWORD", "hunter2")],
            "DB_USER, DB_NAME not set",
        ),
    ];
    for (env, expected) in cases {
        let env = [env, &[("ROCKET_PORT", "0"), ("ROCKET_CLI_COLORS", "false")]].concat();
        let output = api(&[], &env);
        assert_eq!(output.status.code(), Some(1), "{env:?}: {output:?}");
        let printed = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(printed.contains(expected), "{env:?}: {printed}");
        assert!(
            !printed.contains("hunter2"),
            "never the password: {printed}"
        );
    }
}

#[tokio::test]
async fn api_healthcheck_exits_0_only_while_the_api_is_healthy() {
    let db = TestDb::sqlite();
    let process = serving_api(&db).await;
    let port = process.base.rsplit(':').next().unwrap().to_owned();
    let probe = |port: &str| {
        api(
            &["healthcheck"],
            &[("ROCKET_ADDRESS", "0.0.0.0"), ("ROCKET_PORT", port)],
        )
    };
    assert!(probe(&port).status.success());
    drop(process);
    let after = probe(&port);
    assert_eq!(after.status.code(), Some(1), "{after:?}");
    assert!(String::from_utf8_lossy(&after.stderr).contains("healthcheck"));
}
