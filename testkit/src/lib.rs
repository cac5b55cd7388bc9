//! Helpers for the workspace's tests: a fresh database per test, SQLite or
//! MySQL, dropped afterwards; any Rocket served on a real TCP port; the
//! binaries as processes; and stand-ins for the paid translation backends.

pub mod bulk;
mod database;
pub mod fake_backends;
mod mariadb;
mod process;
pub mod raw_http;
mod server;

pub use database::{mysql_admin_url, Backend, TestDb};
pub use mariadb::PrivateMariaDb;
pub use process::{free_port, release_binary, ServiceProcess};
pub use server::{figment, figment_for_url, TestServer, BROWSER_ACCEPT};

/// Writes `test_name::sqlite` and `test_name::mysql` tests that each call
/// `test_name(db: TestDb)` with a fresh database of that kind. Without a
/// MySQL server the MySQL half says so loudly and returns (see `TestDb`).
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[::tokio::test]
            async fn sqlite() {
                super::$name($crate::TestDb::sqlite()).await;
            }

            #[::tokio::test]
            async fn mysql() {
                if let Some(db) = $crate::TestDb::mysql(stringify!($name)).await {
                    super::$name(db).await;
                }
            }
        }
    )*};
}

/// Whether the program at `path` is installed. When it is not, a test that
/// needs it fails if `required_by` is set in the environment (as CI sets
/// it), and otherwise says loudly, straight to the terminal, that `tests`
/// did not run: a skipped suite must not pass silently.
pub fn installed(path: &str, required_by: &str, install: &str, tests: &str) -> bool {
    if std::path::Path::new(path).exists() {
        return true;
    }
    assert!(
        std::env::var_os(required_by).is_none(),
        "{required_by} is set but {path} is missing: {install}"
    );
    let _ = std::io::Write::write_all(
        &mut std::io::stderr(),
        format!("\n*** {tests} NOT RUN: {path} is missing ({install}) ***\n\n").as_bytes(),
    );
    false
}
