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
    match err {
        DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => true,
        DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e)) => matches!(
            e.as_ref(),
            Sqlx::Io(_)
                | Sqlx::Tls(_)
                | Sqlx::Protocol(_)
                | Sqlx::PoolTimedOut
                | Sqlx::PoolClosed
                | Sqlx::WorkerCrashed
        ),
        _ => false,
    }
}

/// The connection failed while a statement was on it (rather than while
/// one was being fetched from the pool): the server may have run it.
fn is_lost_mid_statement(err: &DbErr) -> bool {
    use sea_orm::sqlx::Error as Sqlx;
    let (DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e))) = err
    else {
        return false;
    };
    matches!(
        e.as_ref(),
        Sqlx::Io(_) | Sqlx::Tls(_) | Sqlx::Protocol(_) | Sqlx::WorkerCrashed
    )
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

/// The database's own error, when the statement reached it and was refused.
fn database_error(err: &DbErr) -> Option<&dyn sea_orm::sqlx::error::DatabaseError> {
    let (DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e))) = err
    else {
        return None;
    };
    match e.as_ref() {
        sea_orm::sqlx::Error::Database(db_err) => Some(db_err.as_ref()),
        _ => None,
    }
}
