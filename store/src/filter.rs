//! Which records a page or an export shows: by operation, by tag, and by
//! words in the original or processed text (whole words, any case, every
//! one required), which the search index answers (`crate::words`).

use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
use sea_orm::sea_query::extension::mysql::{IndexHintScope, MySqlSelectStatementExt};
use sea_orm::sea_query::Alias;
use sea_orm::{
    ColumnTrait, Condition, DatabaseBackend, Iterable, QueryFilter, QueryTrait, Select, Statement,
    Value,
};

use crate::entity::record::{Column, Entity, Operation};
use crate::migration::OPERATION_INDEX;
use crate::words;

/// The most words one search takes; more say nothing a person means.
const MAX_SEARCH_WORDS: usize = 8;

/// The longest search text accepted, in characters.
pub const MAX_SEARCH_CHARS: usize = 200;

/// No filter shows every record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub operation: Option<Operation>,
    /// Exactly this tag (tags are exact on both backends).
    pub tag: Option<String>,
    /// Lowercased words that must all appear in the original or the
    /// processed text.
    pub words: Vec<String>,
}

impl Filter {
    /// The filter for the query parameters `op`, `tag` and `q`, as both
    /// services take them; empty values mean "any". The error says what is
    /// wrong, for a 400.
    pub fn from_query(
        operation: Option<&str>,
        tag: Option<&str>,
        search: Option<&str>,
    ) -> Result<Filter, String> {
        let operation =
            match operation.map(str::trim).filter(|o| !o.is_empty()) {
                None => None,
                Some(name) => Some(Operation::iter().find(|o| o.as_str() == name).ok_or_else(
                    || format!("`op` must be spell, space or translate, not {name:?}."),
                )?),
            };
        let tag = tag.filter(|t| !t.is_empty()).map(str::to_owned);
        if tag
            .as_ref()
            .is_some_and(|t| t.chars().count() > crate::MAX_TAG_CHARS)
        {
            return Err(format!(
                "`tag` is at most {} characters.",
                crate::MAX_TAG_CHARS
            ));
        }
        let search = search.unwrap_or("");
        if search.chars().count() > MAX_SEARCH_CHARS {
            return Err(format!("`q` is at most {MAX_SEARCH_CHARS} characters."));
        }
        let words = search_words(search);
        if words.len() > MAX_SEARCH_WORDS {
            return Err(format!("`q` takes at most {MAX_SEARCH_WORDS} words."));
        }
        Ok(Filter {
            operation,
            tag,
            words,
        })
    }

    /// `&op=…&tag=…&q=…` for what is set, percent-encoded: what a link to
    /// another page of the same filtered records appends.
    pub fn query(&self) -> String {
        let words = self.words.join(" ");
        let mut query = String::new();
        for (name, value) in [
            ("op", self.operation.map(Operation::as_str)),
            ("tag", self.tag.as_deref()),
            ("q", Some(words.as_str()).filter(|w| !w.is_empty())),
        ] {
            if let Some(value) = value {
                query.push('&');
                query.push_str(name);
                query.push('=');
                query.extend(utf8_percent_encode(value, NON_ALPHANUMERIC));
            }
        }
        query
    }

    pub fn is_empty(&self) -> bool {
        self == &Filter::default()
    }

    /// `query` narrowed to the records of this filter's operation and tag;
    /// its words are the search index's (`search_ids`).
    pub(crate) fn apply(&self, query: Select<Entity>, backend: DatabaseBackend) -> Select<Entity> {
        let mut condition = Condition::all();
        if let Some(operation) = self.operation {
            condition = condition.add(Column::Operation.eq(operation));
        }
        if let Some(tag) = &self.tag {
            condition = condition.add(Column::Tag.eq(tag.as_str()));
        }
        let mut query = query.filter(condition);
        if backend == DatabaseBackend::MySql && self.operation.is_some() && self.tag.is_none() {
            // MariaDB reads `operation = ? AND id < ?` as a lookup of the
            // operation alone, then skips each newer record of it: 1.6 s
            // for a page deep in a million records, 10 ms with the hint,
            // which makes it a range over (operation, id).
            QueryTrait::query(&mut query)
                .force_index(Alias::new(OPERATION_INDEX), IndexHintScope::All);
        }
        query
    }

    /// The ids of up to `limit` records this filter shows beyond `bound`,
    /// nearest first, for a filter with words. The longest word leads (in
    /// English, the longer a word, the rarer): its entries are read from
    /// the bound on, newest or oldest first, and each is kept if every
    /// other word has an entry for the same record (a primary-key lookup),
    /// and its record the operation and tag. Reading stops at `limit`.
    pub(crate) fn search_ids(
        &self,
        backend: DatabaseBackend,
        bound: Bound,
        limit: u64,
    ) -> Statement {
        let mut words: Vec<&String> = self.words.iter().collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        let table = words::TABLE;
        let mut sql = format!("SELECT w0.record_id FROM {table} w0");
        let mut values: Vec<Value> = Vec::new();
        for (n, word) in words.iter().enumerate().skip(1) {
            sql.push_str(&format!(
                " JOIN {table} w{n} ON w{n}.word = ? AND w{n}.record_id = w0.record_id"
            ));
            values.push(word.as_str().into());
        }
        if self.operation.is_some() || self.tag.is_some() {
            sql.push_str(" JOIN records r ON r.id = w0.record_id");
        }
        sql.push_str(" WHERE w0.word = ?");
        values.push(words.first().map_or("", |w| w.as_str()).into());
        if let Some(operation) = self.operation {
            sql.push_str(" AND r.operation = ?");
            values.push(operation.as_str().into());
        }
        if let Some(tag) = &self.tag {
            sql.push_str(" AND r.tag = ?");
            values.push(tag.as_str().into());
        }
        let order = match bound {
            Bound::Before(Some(before)) => {
                values.push(before.into());
                " AND w0.record_id < ? ORDER BY w0.record_id DESC"
            }
            Bound::Before(None) => " ORDER BY w0.record_id DESC",
            Bound::After(after) => {
                values.push(after.into());
                " AND w0.record_id > ? ORDER BY w0.record_id ASC"
            }
        };
        sql.push_str(order);
        sql.push_str(&format!(" LIMIT {limit}"));
        Statement::from_sql_and_values(backend, sql, values)
    }
}

/// Where a page starts: older than an id (or the newest), or newer than one.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Bound {
    Before(Option<i64>),
    After(i64),
}

/// The words of a search, each once, as the index holds them. Nothing
/// but letters and digits survives, so no operator reaches the database.
fn search_words(search: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for word in words::words(search) {
        if !found.contains(&word) {
            found.push(word);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::EntityTrait;

    /// The SQL `filter` gives a keyset page on `backend`.
    fn page_sql(filter: &Filter, backend: DatabaseBackend) -> String {
        filter
            .apply(Entity::find(), backend)
            .filter(Column::Id.lt(500_000))
            .build(backend)
            .to_string()
    }

    #[test]
    fn mysql_pages_of_one_operation_use_its_index_as_a_range() {
        let hint = "FORCE INDEX (`idx_records_operation_id`)";
        let op = |op, tag: Option<&str>| Filter::from_query(Some(op), tag, None).unwrap();
        assert!(page_sql(&op("spell", None), DatabaseBackend::MySql).contains(hint));
        // A tag's own index is the better guide.
        for filter in [op("spell", Some("alice")), Filter::default()] {
            assert!(
                !page_sql(&filter, DatabaseBackend::MySql).contains("FORCE"),
                "{filter:?}"
            );
        }
        // SQLite has no such hint, and needs none.
        assert!(!page_sql(&op("spell", None), DatabaseBackend::Sqlite).contains("FORCE"));
    }

    #[test]
    fn a_search_leads_with_its_longest_word_and_binds_every_value() {
        let filter = Filter::from_query(Some("spell"), Some("a'b"), Some("fox library")).unwrap();
        let statement = filter.search_ids(DatabaseBackend::MySql, Bound::Before(Some(9)), 51);
        assert_eq!(
            statement.sql,
            "SELECT w0.record_id FROM record_words w0 \
             JOIN record_words w1 ON w1.word = ? AND w1.record_id = w0.record_id \
             JOIN records r ON r.id = w0.record_id \
             WHERE w0.word = ? AND r.operation = ? AND r.tag = ? \
             AND w0.record_id < ? ORDER BY w0.record_id DESC LIMIT 51"
        );
        let values = statement.values.expect("bound values").0;
        let expected: Vec<Value> = vec![
            "fox".into(),
            "library".into(),
            "spell".into(),
            "a'b".into(),
            9i64.into(),
        ];
        assert_eq!(values, expected);
        let newer = Filter::from_query(None, None, Some("fox"))
            .unwrap()
            .search_ids(DatabaseBackend::Sqlite, Bound::After(3), 5);
        assert_eq!(
            newer.sql,
            "SELECT w0.record_id FROM record_words w0 WHERE w0.word = ? \
             AND w0.record_id > ? ORDER BY w0.record_id ASC LIMIT 5"
        );
    }

    #[test]
    fn search_words_keep_only_letters_and_digits() {
        assert_eq!(
            search_words(r#"  Hello, +WORLD* "x" -- 100% "#),
            ["hello", "world", "x", "100"]
        );
        assert_eq!(search_words("Zakopane zakopane"), ["zakopane"]);
        assert_eq!(search_words("brown fox BROWN"), ["brown", "fox"]);
        assert!(search_words(" +-*~\"<>()@ ").is_empty());
        assert_eq!(search_words("Größe café"), ["größe", "café"]);
    }

    #[test]
    fn the_query_is_checked() {
        assert_eq!(Filter::from_query(None, None, None), Ok(Filter::default()));
        assert_eq!(
            Filter::from_query(Some(""), Some(""), Some("  ")),
            Ok(Filter::default())
        );
        let filter = Filter::from_query(Some("space"), Some("me"), Some("Brown fox")).unwrap();
        assert_eq!(filter.operation, Some(Operation::Space));
        assert_eq!(filter.tag.as_deref(), Some("me"));
        assert_eq!(filter.words, ["brown", "fox"]);
        assert_eq!(filter.query(), "&op=space&tag=me&q=brown%20fox");
        assert_eq!(Filter::default().query(), "");
        assert!(Filter::from_query(Some("delete"), None, None)
            .unwrap_err()
            .contains("spell, space or translate"));
        assert!(Filter::from_query(None, Some(&"x".repeat(101)), None).is_err());
        let nine: Vec<String> = (0..9).map(|n| format!("w{n}")).collect();
        assert!(Filter::from_query(None, None, Some(&nine.join(" "))).is_err());
        assert!(Filter::from_query(None, None, Some(&nine[..8].join(" "))).is_ok());
        assert!(Filter::from_query(None, None, Some(&"a".repeat(201))).is_err());
    }
}
