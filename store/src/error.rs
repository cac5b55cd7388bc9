use sea_orm::{DbErr, RuntimeErr};

/// What can go wrong in the store, sorted by what a caller should tell its
/// user: the database is away (retry later), the schema is not there yet
/// (run the migrations), or anything else (a bug or a broken database).
#[derive(Clone, Debug, thiserror::Error)]
pub enum Error {
    #[error("the database is unavailable: {0}")]
    Unavailable(String),
    #[error("the records table is not there yet (start the api or run `api migrate`): {0}")]
    SchemaMissing(String),
    #[error("the database migration failed: {0}")]
    Migration(String),
    /// A write whose outcome is unknown: the statement may have reached the
    /// database before the connection was lost or the deadline passed.
    #[error("the database did not confirm the write: {0}")]
    Unconfirmed(String),
    /// A unique index refused the row: another request stored it first.
    #[error("a record with this key exists already: {0}")]
    Duplicate(String),
    #[error("database error: {0}")]
    Query(String),
}

impl Error {
    /// Sorts the failure of a write: as `from_db`, except that a connection
    /// lost mid-statement leaves the outcome unknown. Only a failure to get
    /// a connection at all proves that nothing was written.
    pub(crate) fn from_write(err: DbErr) -> Self {
        if is_lost_mid_statement(&err) {
            Error::Unconfirmed(err.to_string())
        } else {
            Error::from_db(err)
        }
    }

    /// Sorts a sea-orm error: connection-level failures are `Unavailable`,
    /// so callers answer 503 rather than 500 while the database is away.
    pub(crate) fn from_db(err: DbErr) -> Self {
        if is_connection_failure(&err) || is_lock_conflict(&err) {
            Error::Unavailable(err.to_string())
        } else if is_missing_table(&err) {
            Error::SchemaMissing(err.to_string())
        } else if matches!(
            err.sql_err(),
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
        ) {
            Error::Duplicate(err.to_string())
        } else {
            Error::Query(err.to_string())
        }
    }
}

fn is_connection_failure(err: &DbErr) -> bool {
    use sea_orm::sqlx::Error as Sqlx;
    matches!(err, DbErr::ConnectionAcquire(_) | DbErr::Conn(_))
        || sqlx_error(err).is_some_and(|e| {
            matches!(
                e,
                Sqlx::Io(_)
                    | Sqlx::Tls(_)
                    | Sqlx::Protocol(_)
                    | Sqlx::PoolTimedOut
                    | Sqlx::PoolClosed
                    | Sqlx::WorkerCrashed
            )
        })
}

/// The connection failed while a statement was on it (rather than while
/// one was being fetched from the pool): the server may have run it.
fn is_lost_mid_statement(err: &DbErr) -> bool {
    use sea_orm::sqlx::Error as Sqlx;
    sqlx_error(err).is_some_and(|e| {
        matches!(
            e,
            Sqlx::Io(_) | Sqlx::Tls(_) | Sqlx::Protocol(_) | Sqlx::WorkerCrashed
        )
    })
}

/// "no such table" (SQLite) or SQLSTATE 42S02 (MySQL): the schema is not
/// there, which the operator fixes by migrating, not the user by retrying.
fn is_missing_table(err: &DbErr) -> bool {
    database_error(err).is_some_and(|db_err| {
        db_err.code().as_deref() == Some("42S02") || db_err.message().starts_with("no such table")
    })
}

/// A deadlock or a lock wait that timed out (MySQL), or a database locked
/// by another writer past the busy timeout (SQLite): the transaction was
/// undone and the same write may succeed a moment later, so the caller is
/// told to retry, not that something is broken.
fn is_lock_conflict(err: &DbErr) -> bool {
    // SQLSTATE 40001 is MySQL's deadlock; 1205, its lock wait timeout,
    // has the generic HY000, so its message tells; so do SQLite's
    // SQLITE_BUSY and SQLITE_LOCKED.
    database_error(err).is_some_and(|db_err| {
        let message = db_err.message();
        db_err.code().as_deref() == Some("40001")
            || message.starts_with("Lock wait timeout exceeded")
            || message.starts_with("database is locked")
            || message.starts_with("database table is locked")
    })
}

/// The driver's error under a failed statement.
fn sqlx_error(err: &DbErr) -> Option<&sea_orm::sqlx::Error> {
    match err {
        DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e)) => {
            Some(e.as_ref())
        }
        _ => None,
    }
}

/// The database's own error, when the statement reached it and was refused.
fn database_error(err: &DbErr) -> Option<&dyn sea_orm::sqlx::error::DatabaseError> {
    match sqlx_error(err)? {
        sea_orm::sqlx::Error::Database(db_err) => Some(db_err.as_ref()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use sea_orm::{ConnectionTrait, DbErr};

    use super::Error;
    use crate::connect::connect_with_pool_size;

    testkit::on_both_backends!(a_write_that_waits_on_another_transactions_lock_is_unavailable);

    /// A lock held by another transaction past the wait limit (SQLite's
    /// busy timeout, InnoDB's lock wait timeout) undoes the statement: the
    /// write may succeed on a retry, so it is `Unavailable` (503), not a
    /// query error (500).
    async fn a_write_that_waits_on_another_transactions_lock_is_unavailable(db: testkit::TestDb) {
        crate::migrate(&db.url).await.expect("migrate");
        // One connection each, so a session's settings and open
        // transaction stay with the statements that follow.
        let holder = connect_with_pool_size(&db.url, 1).await.unwrap();
        let waiter = connect_with_pool_size(&db.url, 1).await.unwrap();
        let run = |conn: &sea_orm::DatabaseConnection, sql: &'static str| {
            let conn = conn.clone();
            async move { conn.execute_unprepared(sql).await.map(|_| ()) }
        };
        let failed: DbErr = if db.url.starts_with("sqlite:") {
            run(&waiter, "PRAGMA busy_timeout = 50").await.unwrap();
            run(&holder, "BEGIN EXCLUSIVE").await.unwrap();
            run(&waiter, "UPDATE records SET tag = tag")
                .await
                .expect_err("the database is locked")
        } else {
            run(&waiter, "SET SESSION innodb_lock_wait_timeout = 1")
                .await
                .unwrap();
            run(&holder, "CREATE TABLE locked (id INT PRIMARY KEY)")
                .await
                .unwrap();
            run(&holder, "INSERT INTO locked VALUES (1)").await.unwrap();
            run(&holder, "BEGIN").await.unwrap();
            run(&holder, "SELECT id FROM locked WHERE id = 1 FOR UPDATE")
                .await
                .unwrap();
            run(&waiter, "UPDATE locked SET id = 2 WHERE id = 1")
                .await
                .expect_err("the lock wait times out")
        };
        let sorted = Error::from_db(failed);
        assert!(matches!(sorted, Error::Unavailable(_)), "{sorted:?}");
        run(&holder, "ROLLBACK").await.unwrap();
    }
}
