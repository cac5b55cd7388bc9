//! Which records a page or an export shows: by operation, by tag, and by
//! words in the original or processed text.
//!
//! On MySQL the words go through the FULLTEXT index over both texts (added
//! by a migration); words that index skips (shorter than three letters, or
//! on InnoDB's stopword list) are matched with `LIKE` among what it found.
//! A search tries a scan of the newest ids first (`crate::queries`), where
//! every word goes through `LIKE`.
//! SQLite has no such index here: it matches every word with `LIKE`, which
//! is fine at the sizes a local file holds.

use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
use sea_orm::sea_query::extension::mysql::{IndexHintScope, MySqlSelectStatementExt};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, LikeExpr, SimpleExpr};
use sea_orm::{ColumnTrait, Condition, DatabaseBackend, Iterable, QueryFilter, QueryTrait, Select};

use crate::entity::record::{Column, Entity, Operation};
use crate::migration::OPERATION_INDEX;

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

    /// Whether a search would use MySQL's FULLTEXT index: fast for a rare
    /// word, but slow for a common one (its every match is read and sorted
    /// before the newest are taken), where scanning the newest records by
    /// primary key finds a page at once. `crate::queries` tries the scan
    /// over a window of ids first.
    pub(crate) fn uses_fulltext(&self, backend: DatabaseBackend) -> bool {
        backend == DatabaseBackend::MySql && self.words.iter().any(|w| fulltext_indexes(w))
    }

    /// `query` narrowed to the records this filter shows; with `scan`, its
    /// words are matched by `LIKE` only, for a primary-key range scan.
    pub(crate) fn apply(
        &self,
        query: Select<Entity>,
        backend: DatabaseBackend,
        scan: bool,
    ) -> Select<Entity> {
        let mut condition = Condition::all();
        if let Some(operation) = self.operation {
            condition = condition.add(Column::Operation.eq(operation));
        }
        if let Some(tag) = &self.tag {
            condition = condition.add(Column::Tag.eq(tag.as_str()));
        }
        let (indexed, unindexed): (Vec<&String>, Vec<&String>) = match backend {
            DatabaseBackend::MySql if !scan => self.words.iter().partition(|w| fulltext_indexes(w)),
            _ => (Vec::new(), self.words.iter().collect()),
        };
        if !indexed.is_empty() {
            // Each word is required, and matches words starting with it.
            let terms: Vec<String> = indexed.iter().map(|w| format!("+{w}*")).collect();
            condition = condition.add(Expr::cust_with_values(
                "MATCH(`original`, `processed`) AGAINST (? IN BOOLEAN MODE)",
                [terms.join(" ")],
            ));
        }
        for word in unindexed {
            // Both backends compare these case-insensitively: SQLite's LIKE
            // for ASCII, MySQL through the texts' collation.
            let contains = |column: Column| -> SimpleExpr {
                Expr::col(column)
                    .like(LikeExpr::new(format!("%{}%", escape_like(word))).escape('\\'))
            };
            condition = condition.add(
                Condition::any()
                    .add(contains(Column::Original))
                    .add(contains(Column::Processed)),
            );
        }
        let by_operation_alone = self.operation.is_some() && self.tag.is_none();
        let mut query = query.filter(condition);
        if backend == DatabaseBackend::MySql && !scan && by_operation_alone && indexed.is_empty() {
            // MariaDB reads `operation = ? AND id < ?` as a lookup of the
            // operation alone, then skips each newer record of it: 1.6 s
            // for a page deep in a million records, 10 ms with the hint,
            // which makes it a range over (operation, id).
            QueryTrait::query(&mut query)
                .force_index(Alias::new(OPERATION_INDEX), IndexHintScope::All);
        }
        query
    }
}

/// The words of a search, each once: runs of letters and digits,
/// lowercased. Nothing else survives, so no search operator or wildcard
/// reaches the database.
fn search_words(search: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in search
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word = word.to_lowercase();
        if !words.contains(&word) {
            words.push(word);
        }
    }
    words
}

/// Whether InnoDB's FULLTEXT index holds `word`: at least
/// `innodb_ft_min_token_size` (3) characters and not on its default
/// stopword list, which a `+word` term would otherwise turn into "no match".
fn fulltext_indexes(word: &str) -> bool {
    word.chars().count() >= 3 && !INNODB_STOPWORDS.contains(&word)
}

/// InnoDB's default FULLTEXT stopwords (`INFORMATION_SCHEMA.INNODB_FT_DEFAULT_STOPWORD`).
const INNODB_STOPWORDS: [&str; 35] = [
    "a", "about", "an", "are", "as", "at", "be", "by", "com", "de", "en", "for", "from", "how",
    "i", "in", "is", "it", "la", "of", "on", "or", "that", "the", "this", "to", "und", "was",
    "what", "when", "where", "who", "will", "with", "www",
];

/// `word` with `LIKE`'s wildcards and the escape character made literal.
fn escape_like(word: &str) -> String {
    let mut escaped = String::with_capacity(word.len());
    for c in word.chars() {
        if matches!(c, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::EntityTrait;

    /// The SQL `filter` gives a keyset page on `backend`.
    fn page_sql(filter: &Filter, backend: DatabaseBackend) -> String {
        filter
            .apply(Entity::find(), backend, false)
            .filter(Column::Id.lt(500_000))
            .build(backend)
            .to_string()
    }

    #[test]
    fn mysql_pages_of_one_operation_use_its_index_as_a_range() {
        let hint = "FORCE INDEX (`idx_records_operation_id`)";
        let op =
            |op, tag: Option<&str>, q: Option<&str>| Filter::from_query(Some(op), tag, q).unwrap();
        assert!(page_sql(&op("spell", None, None), DatabaseBackend::MySql).contains(hint));
        // A short word is matched with LIKE among the operation's records.
        assert!(page_sql(&op("spell", None, Some("ab")), DatabaseBackend::MySql).contains(hint));
        // A tag's own index, or the FULLTEXT index, is the better guide.
        for filter in [
            op("spell", Some("alice"), None),
            op("spell", None, Some("library")),
            Filter::default(),
        ] {
            assert!(
                !page_sql(&filter, DatabaseBackend::MySql).contains("FORCE"),
                "{filter:?}"
            );
        }
        // SQLite has no such hint, and needs none.
        assert!(!page_sql(&op("spell", None, None), DatabaseBackend::Sqlite).contains("FORCE"));
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
    fn short_words_and_stopwords_are_left_to_like() {
        assert!(fulltext_indexes("fox"));
        assert!(fulltext_indexes("zakopane"));
        assert!(!fulltext_indexes("ox"));
        assert!(!fulltext_indexes("the"));
        assert!(!fulltext_indexes("with"));
    }

    #[test]
    fn like_wildcards_are_literal() {
        assert_eq!(escape_like(r"100%_a\b"), r"100\%\_a\\b");
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
