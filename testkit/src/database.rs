use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::Once;
use std::time::Duration;

use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbErr};

/// Where the MySQL tests find a server they may create databases on.
pub const DEFAULT_MYSQL_URL: &str = "mysql://root@127.0.0.1:3306";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    MySql,
}

/// A database for one test, gone when the value is dropped: a SQLite file
/// in a temporary directory, or a MySQL database created for the test.
pub struct TestDb {
    pub url: String,
    pub backend: Backend,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    MySql { admin_url: String, name: String },
}

/// `TEST_MYSQL_URL`, or the local default.
pub fn mysql_admin_url() -> String {
    std::env::var("TEST_MYSQL_URL").unwrap_or_else(|_| DEFAULT_MYSQL_URL.to_owned())
}

impl TestDb {
    pub fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().expect("a temporary directory for the test database");
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("test.db").display());
        TestDb {
            url,
            backend: Backend::Sqlite,
            cleanup: Cleanup::Sqlite(dir),
        }
    }

    /// A fresh, empty MySQL database named after the test.
    ///
    /// When no server answers: if `TEST_MYSQL_URL` is set (as CI sets it),
    /// the test fails saying how to point it at a server; otherwise it
    /// returns `None` after a loud notice that the MySQL tests did not run.
    pub async fn mysql(test_name: &str) -> Option<TestDb> {
        // Once one test found no server, the others skip without waiting.
        static UNREACHABLE: AtomicBool = AtomicBool::new(false);
        let required = std::env::var_os("TEST_MYSQL_URL").is_some();
        if UNREACHABLE.load(Ordering::Relaxed) && !required {
            return None;
        }
        let admin_url = mysql_admin_url();
        let admin = match connect_admin(&admin_url).await {
            Ok(admin) => admin,
            Err(e) if !required => {
                UNREACHABLE.store(true, Ordering::Relaxed);
                announce_skipped_mysql(&admin_url, &e.to_string());
                return None;
            }
            Err(e) => panic!(
                "no MySQL answers at TEST_MYSQL_URL={admin_url}: {e}\n\
                 Point TEST_MYSQL_URL at a server where this user may create databases \
                 (e.g. mysql://root@127.0.0.1:3306), or unset it to skip the MySQL tests."
            ),
        };
        let name = unique_name(test_name);
        admin
            .execute_unprepared(&format!(
                "CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
            ))
            .await
            .unwrap_or_else(|e| panic!("creating database {name} at {admin_url}: {e}"));
        admin.close().await.ok();
        Some(TestDb {
            url: format!("{}/{name}", admin_url.trim_end_matches('/')),
            backend: Backend::MySql,
            cleanup: Cleanup::MySql { admin_url, name },
        })
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Cleanup::MySql { admin_url, name } = &self.cleanup else {
            return; // the TempDir removes the SQLite file
        };
        let (admin_url, name) = (admin_url.clone(), name.clone());
        // Drop runs inside the test's runtime, which cannot be blocked on:
        // the DROP DATABASE gets a thread and a runtime of its own.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a runtime to drop the test database");
            runtime.block_on(async {
                let admin = connect_admin(&admin_url).await?;
                admin
                    .execute_unprepared(&format!("DROP DATABASE IF EXISTS `{name}`"))
                    .await?;
                admin.close().await
            })
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) && !std::thread::panicking() {
            panic!("dropping test database {}: {dropped:?}", self.url);
        }
    }
}

/// A short wait: a local server answers at once or is not there.
async fn connect_admin(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url);
    options
        .max_connections(1)
        .connect_timeout(Duration::from_secs(3))
        .acquire_timeout(Duration::from_secs(3))
        .sqlx_logging(false);
    Database::connect(options).await
}

/// `tp_<test>_<pid>_<n>`: unique across concurrent tests and test binaries,
/// within MySQL's 64-character limit.
fn unique_name(test_name: &str) -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let test: String = test_name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .take(40)
        .collect();
    format!(
        "tp_{test}_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// Once per test binary, straight to the terminal: libtest captures the
/// output of passing tests, and a skipped suite must not pass silently.
fn announce_skipped_mysql(url: &str, error: &str) {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let _ = writeln!(
            std::io::stderr(),
            "\n\
             ****************************************************************\n\
             * MySQL TESTS NOT RUN: no server answers at {url}\n\
             *   ({error})\n\
             * Start MariaDB/MySQL there, or set TEST_MYSQL_URL to one;\n\
             * with TEST_MYSQL_URL set, an absent server fails the tests.\n\
             ****************************************************************\n"
        );
    });
}
