use std::time::Duration;

use sea_orm::sqlx::sqlite::SqliteJournalMode;
use sea_orm::{ConnectOptions, Database, DatabaseBackend, DatabaseConnection};

use crate::Error;

/// How long a request waits for the database before it gives up with 503:
/// long enough for a busy pool, short enough for an ALB health check.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);

/// Connections the api's pool opens at most, unless told otherwise (home
/// opens fewer: `home::POOL_SIZE`), and `connect`'s. With one
/// transaction per record, 32 (one per client of the load benchmark) served
/// spell at 3,100 req/s where 10 served 2,000 (README, *Load*); the api's
/// writers (`crate::Writer`) now take 4 of them, the reads the rest.
pub const DEFAULT_POOL_SIZE: u32 = 32;

/// Opens a connection pool for `url` (`sqlite://…` or `mysql://…`).
pub async fn connect(url: &str) -> Result<DatabaseConnection, Error> {
    connect_with_pool_size(url, DEFAULT_POOL_SIZE).await
}

/// Opens connections lazily, up to `max_connections`.
pub async fn connect_with_pool_size(
    url: &str,
    max_connections: u32,
) -> Result<DatabaseConnection, Error> {
    let mut options = ConnectOptions::new(url);
    options
        .max_connections(max_connections)
        .min_connections(0)
        .connect_timeout(ACQUIRE_TIMEOUT)
        .acquire_timeout(ACQUIRE_TIMEOUT)
        // Statements are not logged: they carry users' text.
        .sqlx_logging(false)
        // SQLite's default rollback journal makes every reader block the
        // writer's commit and every commit flush three times; with a
        // write-ahead log readers never wait and a commit is one flush.
        // `synchronous` stays FULL: an acknowledged record survives a power
        // loss too.
        .map_sqlx_sqlite_opts(|options| options.journal_mode(SqliteJournalMode::Wal));
    Database::connect(options)
        .await
        .map_err(|e| Error::Unavailable(format!("cannot open {}: {e}", redact_url(url))))
}

/// Connections `db`'s pool opens at most, as `connect_with_pool_size` set
/// them: what a service shares out between kinds of work.
pub fn max_connections(db: &DatabaseConnection) -> u32 {
    match db.get_database_backend() {
        DatabaseBackend::MySql => db
            .get_mysql_connection_pool()
            .options()
            .get_max_connections(),
        DatabaseBackend::Sqlite => db
            .get_sqlite_connection_pool()
            .options()
            .get_max_connections(),
        // Only MySQL and SQLite are connected (`connect_with_pool_size`).
        _ => DEFAULT_POOL_SIZE,
    }
}

/// The URL with any password replaced by `***`, for messages and logs.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    // The credentials end at the last '@' before the first '/'.
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let Some(at) = rest[..authority_end].rfind('@') else {
        return url.to_owned();
    };
    match rest[..at].split_once(':') {
        Some((user, _password)) => format!("{scheme}://{user}:***{}", &rest[at..]),
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact_url;

    #[test]
    fn redact_url_hides_only_the_password() {
        let cases = [
            (
                "mysql://app:s3cr%40t@db:3306/textproc",
                "mysql://app:***@db:3306/textproc",
            ),
            (
                "mysql://root@127.0.0.1:3306/test",
                "mysql://root@127.0.0.1:3306/test",
            ),
            (
                "sqlite://textproc.db?mode=rwc",
                "sqlite://textproc.db?mode=rwc",
            ),
            ("mysql://u:p@w@host/db", "mysql://u:***@host/db"),
            ("not a url", "not a url"),
        ];
        for (url, expected) in cases {
            assert_eq!(redact_url(url), expected, "for {url}");
        }
    }
}
