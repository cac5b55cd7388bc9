//! The queries both services need, as plain async functions.

use std::future::Future;
use std::time::Duration;

use chrono::{DateTime, SubsecRound, Utc};
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityName, EntityTrait,
    FromQueryResult, Iterable, PaginatorTrait, QueryFilter, QueryOrder, QueryResult, QuerySelect,
    Select, Statement, TransactionTrait,
};

use crate::entity::record::{ActiveModel, Column, Entity, Model as Record, Operation};
use crate::filter::Bound;
use crate::{words, writer, Error, Filter};

/// How long one statement may take before the caller is answered: longer
/// than any query here needs on a healthy database, shorter than a load
/// balancer's patience (the ALB's idle timeout is 60 s, a client's less).
pub const QUERY_DEADLINE: Duration = Duration::from_secs(5);

/// A read with the deadline: past it, the database counts as unavailable
/// (a read changes nothing, so nothing is in doubt).
async fn read<T>(query: impl Future<Output = Result<T, DbErr>>) -> Result<T, Error> {
    match tokio::time::timeout(QUERY_DEADLINE, query).await {
        Ok(result) => result.map_err(Error::from_db),
        Err(_) => Err(Error::Unavailable(format!(
            "no answer within {QUERY_DEADLINE:?}"
        ))),
    }
}

/// A record before it is stored: the store adds its id and time.
#[derive(Clone, Debug)]
pub struct NewRecord {
    pub tag: String,
    pub operation: Operation,
    pub original: String,
    pub processed: String,
    pub source_language: Option<String>,
    pub target_language: Option<String>,
    pub cache_key: Option<String>,
    /// The client's `Idempotency-Key` and the digest of its request.
    pub idempotency: Option<Idempotency>,
}

/// What makes a retried request find its first record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Idempotency {
    pub key: String,
    pub request_digest: String,
}

/// One page of records (or of their ids, `page_ids`), newest first, and
/// where the next (older) one starts.
#[derive(Clone, Debug)]
pub struct Page<T = Record> {
    pub records: Vec<T>,
    /// Pass as `before` to get the next page; `None` on the last page.
    pub next_before: Option<i64>,
}

/// Stores `new` and returns it as stored, with its id and UTC time: a
/// transaction of its own, with its words in the search index, and the
/// outcomes `writer::store_batch` gives. The record is built from the
/// insert id rather than read back, so an acknowledged insert is never
/// reported as failed. The api stores through a `crate::Writer`, which
/// shares transactions between requests.
pub async fn insert_record(db: &DatabaseConnection, new: NewRecord) -> Result<Record, Error> {
    let deadline = tokio::time::Instant::now() + QUERY_DEADLINE;
    let mut outcomes = writer::store_batch(db, vec![new], deadline).await?;
    outcomes.pop().expect("one outcome for one record")
}

impl Record {
    /// `new` as stored with `id` at `created_at`.
    pub(crate) fn stored(id: i64, new: NewRecord, created_at: DateTime<Utc>) -> Record {
        Record {
            id,
            tag: new.tag,
            operation: new.operation,
            original: new.original,
            processed: new.processed,
            source_language: new.source_language,
            target_language: new.target_language,
            created_at,
            cache_key: new.cache_key,
            idempotency_key: new.idempotency.as_ref().map(|i| i.key.clone()),
            request_digest: new.idempotency.map(|i| i.request_digest),
        }
    }
}

pub(crate) fn active_model(
    new: &NewRecord,
    created_at: DateTime<Utc>,
    id: Option<i64>,
) -> ActiveModel {
    ActiveModel {
        id: id.map_or(NotSet, Set),
        tag: Set(new.tag.clone()),
        operation: Set(new.operation),
        original: Set(new.original.clone()),
        processed: Set(new.processed.clone()),
        source_language: Set(new.source_language.clone()),
        target_language: Set(new.target_language.clone()),
        created_at: Set(created_at),
        cache_key: Set(new.cache_key.clone()),
        idempotency_key: Set(new.idempotency.as_ref().map(|i| i.key.clone())),
        request_digest: Set(new.idempotency.as_ref().map(|i| i.request_digest.clone())),
    }
}

/// Stores `records` with the ids `first_id`, `first_id + 1`, … and each
/// its own time, with their words, in one transaction: for filling a
/// database (tests; the seeding command uses `crate::bulk`). The caller
/// picks ids no other writer uses; a taken one fails the whole batch as
/// `Duplicate`.
pub async fn insert_records(
    db: &DatabaseConnection,
    first_id: i64,
    records: &[(NewRecord, DateTime<Utc>)],
) -> Result<(), Error> {
    insert_batch(db, first_id, records, true).await
}

/// `insert_records`, with the words in the search index or (`indexed`
/// false) left to a `crate::bulk::IndexBacklog`.
pub(crate) async fn insert_batch(
    db: &DatabaseConnection,
    first_id: i64,
    records: &[(NewRecord, DateTime<Utc>)],
    indexed: bool,
) -> Result<(), Error> {
    if records.is_empty() {
        return Ok(());
    }
    let rows = records
        .iter()
        .zip(first_id..)
        .map(|((new, at), id)| active_model(new, at.trunc_subsecs(6), Some(id)));
    let texts = records
        .iter()
        .zip(first_id..)
        .map(|((new, _), id)| (id, new.original.as_str(), new.processed.as_str()));
    let write = async {
        let txn = db.begin().await?;
        Entity::insert_many(rows)
            .exec_without_returning(&txn)
            .await?;
        if indexed {
            words::index(&txn, texts).await?;
        }
        txn.commit().await
    };
    match tokio::time::timeout(QUERY_DEADLINE, write).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(e)) => Err(Error::from_write(e)),
        Err(_) => Err(Error::Unconfirmed(format!(
            "no answer to the insert within {QUERY_DEADLINE:?}"
        ))),
    }
}

/// The highest record id: an index lookup, so instant at any size. With
/// ids that only grow and records never deleted, it is also the count.
pub async fn newest_id(db: &DatabaseConnection) -> Result<Option<i64>, Error> {
    read(
        Entity::find()
            .select_only()
            .column_as(Column::Id.max(), "max_id")
            .into_tuple::<Option<i64>>()
            .one(db),
    )
    .await
    .map(Option::flatten)
}

/// The lowest and the highest record id (none in an empty table): what
/// an export by ranges of ids covers. Two index lookups, one round trip.
pub async fn id_bounds(db: &DatabaseConnection) -> Result<Option<(i64, i64)>, Error> {
    let bounds = read(
        Entity::find()
            .select_only()
            .column_as(Column::Id.min(), "min_id")
            .column_as(Column::Id.max(), "max_id")
            .into_tuple::<(Option<i64>, Option<i64>)>()
            .one(db),
    )
    .await?;
    Ok(match bounds {
        Some((Some(oldest), Some(newest))) => Some((oldest, newest)),
        _ => None,
    })
}

/// Every record with an id from `lower` up to but not including `upper`,
/// newest first: one primary-key range, so several can be read at once.
/// A range may hold fewer records than its width: an insert that failed
/// still used up its id.
pub async fn records_between(
    db: &DatabaseConnection,
    lower: i64,
    upper: i64,
) -> Result<Vec<Record>, Error> {
    let query = Entity::find()
        .filter(Column::Id.gte(lower))
        .filter(Column::Id.lt(upper))
        .order_by_desc(Column::Id);
    read(all_records(db, query)).await
}

/// The record first stored under an `Idempotency-Key`, if any.
pub async fn record_by_idempotency_key(
    db: &DatabaseConnection,
    key: &str,
) -> Result<Option<Record>, Error> {
    read(
        Entity::find()
            .filter(Column::IdempotencyKey.eq(key))
            .one(db),
    )
    .await
}

/// Up to `limit` of the records `filter` shows that are older than `before`
/// (all, without it), newest first.
pub async fn records_page(
    db: &DatabaseConnection,
    filter: &Filter,
    before: Option<i64>,
    limit: u64,
) -> Result<Page, Error> {
    page(db, filter, before, limit).await
}

/// `records_page`'s ids alone: read from the index that finds them (the
/// primary key, or a filter's own index), with no record's row touched,
/// for a caller that holds most records already (`records_by_ids`).
pub async fn page_ids(
    db: &DatabaseConnection,
    filter: &Filter,
    before: Option<i64>,
    limit: u64,
) -> Result<Page<i64>, Error> {
    page(db, filter, before, limit).await
}

async fn page<T: Selected>(
    db: &DatabaseConnection,
    filter: &Filter,
    before: Option<i64>,
    limit: u64,
) -> Result<Page<T>, Error> {
    let backend = db.get_database_backend();
    if !filter.words.is_empty() {
        let ids = search(db, filter, Bound::Before(before), limit + 1).await?;
        return Ok(page_of(T::load(db, ids).await?, limit));
    }
    let mut query = filter
        .apply(Entity::find(), backend)
        .order_by_desc(Column::Id)
        .limit(limit + 1);
    if let Some(before) = before {
        query = query.filter(Column::Id.lt(before));
    }
    let rows = read(T::select(db, query)).await?;
    Ok(page_of(rows, limit))
}

/// The ids the search index finds for `filter`'s words (`Filter::search_ids`).
async fn search(
    db: &DatabaseConnection,
    filter: &Filter,
    bound: Bound,
    limit: u64,
) -> Result<Vec<i64>, Error> {
    let statement = filter.search_ids(db.get_database_backend(), bound, limit);
    let rows = read(db.query_all_raw(statement)).await?;
    rows.iter()
        .map(|row| row.try_get_by_index::<i64>(0).map_err(Error::from_db))
        .collect()
}

/// The records with these ids, newest first (ids of no record are left out).
pub async fn records_by_ids(db: &DatabaseConnection, ids: &[i64]) -> Result<Vec<Record>, Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let query = Entity::find()
        .filter(Column::Id.is_in(ids.iter().copied()))
        .order_by_desc(Column::Id);
    read(all_records(db, query)).await
}

/// Every record `query` selects, its columns read by position. sea-orm's
/// `Model` looks each column up by name, which was a third of home's CPU
/// in the CSV export; the export and the pages read records in bulk.
async fn all_records(db: &DatabaseConnection, query: Select<Entity>) -> Result<Vec<Record>, DbErr> {
    let rows = query
        .select_only()
        .columns(Column::iter())
        .into_model::<ByPosition>()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|row| row.0).collect())
}

/// What a page query reads of each record: the whole record, or its id.
trait Selected: Sized {
    fn select(
        db: &DatabaseConnection,
        query: Select<Entity>,
    ) -> impl Future<Output = Result<Vec<Self>, DbErr>>;
    /// The records with these ids (newest first, as given).
    fn load(
        db: &DatabaseConnection,
        ids: Vec<i64>,
    ) -> impl Future<Output = Result<Vec<Self>, Error>>;
    fn id(&self) -> i64;
}

impl Selected for Record {
    fn select(
        db: &DatabaseConnection,
        query: Select<Entity>,
    ) -> impl Future<Output = Result<Vec<Self>, DbErr>> {
        all_records(db, query)
    }

    async fn load(db: &DatabaseConnection, ids: Vec<i64>) -> Result<Vec<Self>, Error> {
        let mut records = records_by_ids(db, &ids).await?;
        // `records_by_ids` is newest first; a page of newer records is
        // read oldest first, and turned round by its caller.
        if ids.first() < ids.last() {
            records.reverse();
        }
        Ok(records)
    }

    fn id(&self) -> i64 {
        self.id
    }
}

impl Selected for i64 {
    fn select(
        db: &DatabaseConnection,
        query: Select<Entity>,
    ) -> impl Future<Output = Result<Vec<Self>, DbErr>> {
        query
            .select_only()
            .column(Column::Id)
            .into_tuple::<i64>()
            .all(db)
    }

    async fn load(_db: &DatabaseConnection, ids: Vec<i64>) -> Result<Vec<Self>, Error> {
        Ok(ids)
    }

    fn id(&self) -> i64 {
        *self
    }
}

/// A record read from a row holding every column in `Column::iter()`'s
/// order, the order the enum declares, so `Column::Tag as usize` is its
/// position.
struct ByPosition(Record);

impl FromQueryResult for ByPosition {
    fn from_query_result(row: &QueryResult, _prefix: &str) -> Result<Self, DbErr> {
        let at = |column: Column| column as usize;
        Ok(ByPosition(Record {
            id: row.try_get_by_index(at(Column::Id))?,
            tag: row.try_get_by_index(at(Column::Tag))?,
            operation: row.try_get_by_index(at(Column::Operation))?,
            original: row.try_get_by_index(at(Column::Original))?,
            processed: row.try_get_by_index(at(Column::Processed))?,
            source_language: row.try_get_by_index(at(Column::SourceLanguage))?,
            target_language: row.try_get_by_index(at(Column::TargetLanguage))?,
            created_at: row.try_get_by_index(at(Column::CreatedAt))?,
            cache_key: row.try_get_by_index(at(Column::CacheKey))?,
            idempotency_key: row.try_get_by_index(at(Column::IdempotencyKey))?,
            request_digest: row.try_get_by_index(at(Column::RequestDigest))?,
        }))
    }
}

/// `records` (up to `limit + 1`, newest first) as a page: the one past the
/// page says whether an older page exists.
fn page_of<T: Selected>(mut records: Vec<T>, limit: u64) -> Page<T> {
    let next_before = if records.len() as u64 > limit {
        records.truncate(limit as usize);
        records.last().map(T::id)
    } else {
        None
    };
    Page {
        records,
        next_before,
    }
}

/// Up to `limit` of the records `filter` shows that are newer than
/// `after`, newest first, and whether there are newer ones still: the page
/// before, for a "Newer" link.
pub async fn records_newer(
    db: &DatabaseConnection,
    filter: &Filter,
    after: i64,
    limit: u64,
) -> Result<(Vec<Record>, bool), Error> {
    newer(db, filter, after, limit).await
}

/// `records_newer`'s ids alone, as `page_ids` is `records_page`'s.
pub async fn newer_ids(
    db: &DatabaseConnection,
    filter: &Filter,
    after: i64,
    limit: u64,
) -> Result<(Vec<i64>, bool), Error> {
    newer(db, filter, after, limit).await
}

async fn newer<T: Selected>(
    db: &DatabaseConnection,
    filter: &Filter,
    after: i64,
    limit: u64,
) -> Result<(Vec<T>, bool), Error> {
    let mut rows = if filter.words.is_empty() {
        let query = filter
            .apply(Entity::find(), db.get_database_backend())
            .filter(Column::Id.gt(after))
            .order_by_asc(Column::Id)
            .limit(limit + 1);
        read(T::select(db, query)).await?
    } else {
        let ids = search(db, filter, Bound::After(after), limit + 1).await?;
        T::load(db, ids).await?
    };
    let more = rows.len() as u64 > limit;
    rows.truncate(limit as usize);
    rows.reverse();
    Ok((rows, more))
}

pub async fn record_by_id(db: &DatabaseConnection, id: i64) -> Result<Option<Record>, Error> {
    read(Entity::find_by_id(id).one(db)).await
}

/// The ids of the records just newer and just older than `id`: two
/// primary-key lookups in one round trip (the record page's third query).
pub async fn neighbours(
    db: &DatabaseConnection,
    id: i64,
) -> Result<(Option<i64>, Option<i64>), Error> {
    let table = Entity.table_name();
    let statement = Statement::from_sql_and_values(
        db.get_database_backend(),
        format!(
            "SELECT (SELECT MIN(id) FROM {table} WHERE id > ?), \
             (SELECT MAX(id) FROM {table} WHERE id < ?)"
        ),
        [id.into(), id.into()],
    );
    let Some(row) = read(db.query_one_raw(statement)).await? else {
        return Ok((None, None));
    };
    let at = |index| row.try_get_by_index::<Option<i64>>(index);
    Ok((
        at(0).map_err(Error::from_db)?,
        at(1).map_err(Error::from_db)?,
    ))
}

/// The newest record stored under `cache_key` since `since`, if any.
pub async fn latest_with_cache_key(
    db: &DatabaseConnection,
    cache_key: &str,
    since: DateTime<Utc>,
) -> Result<Option<Record>, Error> {
    read(
        Entity::find()
            .filter(Column::CacheKey.eq(cache_key))
            .filter(Column::CreatedAt.gte(since))
            .order_by_desc(Column::Id)
            .one(db),
    )
    .await
}

pub async fn record_count(db: &DatabaseConnection) -> Result<u64, Error> {
    read(Entity::find().count(db)).await
}

/// Whether the database answers and the records table can be read.
pub async fn check_health(db: &DatabaseConnection) -> Result<(), Error> {
    db.ping()
        .await
        .map_err(|e| Error::Unavailable(e.to_string()))?;
    Entity::find()
        .select_only()
        .column(Column::Id)
        .limit(1)
        .into_tuple::<i64>()
        .one(db)
        .await
        .map_err(|e| Error::SchemaMissing(e.to_string()))?;
    Ok(())
}

/// The backend behind a connection, for messages ("sqlite", "mysql").
pub fn backend_name(db: &DatabaseConnection) -> &'static str {
    match db.get_database_backend() {
        sea_orm::DatabaseBackend::MySql => "mysql",
        sea_orm::DatabaseBackend::Sqlite => "sqlite",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use sea_orm::Iterable;

    use crate::entity::record::Column;

    /// `ByPosition` reads `Column::X as usize`: that must be where
    /// `Column::iter()` selects it.
    #[test]
    fn each_column_is_selected_at_its_own_position() {
        for (position, column) in Column::iter().enumerate() {
            assert_eq!(column as usize, position, "{column:?}");
        }
    }
}
