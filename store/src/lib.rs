//! The record store both services share: the `records` entity, its
//! migrations, and the few queries the api and the home page need.
//!
//! SQLite (a file) locally and in most tests, MySQL in production; every
//! function here works on both.

mod bulk;
mod connect;
pub mod entity;
mod error;
mod filter;
mod migration;
mod queries;
mod words;
mod writer;

pub use bulk::{insert_records_unindexed, IndexBacklog};
pub use connect::{
    connect, connect_with_pool_size, max_connections, redact_url, DEFAULT_POOL_SIZE,
};
pub use entity::record::{Model as Record, Operation};
pub use error::Error;
pub use filter::{Filter, MAX_SEARCH_CHARS};
pub use migration::{migrate, migration_names, reindex};
pub use queries::{
    backend_name, check_health, id_bounds, insert_record, insert_records, latest_with_cache_key,
    neighbours, newer_ids, newest_id, page_ids, record_by_id, record_by_idempotency_key,
    record_count, records_between, records_by_ids, records_newer, records_page, Idempotency,
    NewRecord, Page, QUERY_DEADLINE,
};
pub use sea_orm::DatabaseConnection;
pub use writer::Writer;

/// The longest tag (the user's id for a text) the `records` table holds.
pub const MAX_TAG_CHARS: usize = 100;

/// The longest text the services accept, in characters (Unicode scalar
/// values): the api enforces it, the home page's forms announce it.
pub const MAX_TEXT_CHARS: usize = 10_000;
