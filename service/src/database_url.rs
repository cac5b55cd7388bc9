//! Where the database is: one `DATABASE_URL`, or its parts as ECS injects
//! them (`DB_HOST`, `DB_PORT`, `DB_USER`, `DB_NAME` as plain environment,
//! `DB_PASSWORD` from Secrets Manager). Exactly one of the two ways.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Where records live when nothing is configured: a file beside the process.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://textproc.db?mode=rwc";

/// The environment variables that give the database as parts.
pub const PART_KEYS: [&str; 5] = ["DB_HOST", "DB_PORT", "DB_USER", "DB_PASSWORD", "DB_NAME"];

/// MySQL's port, when `DB_PORT` is not set.
const DEFAULT_PORT: u16 = 3306;

/// Everything but RFC 3986's unreserved characters is escaped in the user,
/// password and database name, so a generated password holding `@`, `:`,
/// `/`, `#` or `%` cannot change where the URL points.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Why the database settings cannot be used; each says what to fix.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum DatabaseUrlError {
    #[error("the database is given twice: set DATABASE_URL or the DB_* parts ({given}), not both")]
    Both { given: String },
    #[error(
        "the database parts are incomplete: {missing} not set (set: {given}); \
         give DB_HOST, DB_USER and DB_NAME (DB_PORT defaults to 3306, DB_PASSWORD to none), \
         or DATABASE_URL instead"
    )]
    Incomplete { missing: String, given: String },
    #[error("DB_PORT must be a port number from 1 to 65535, not {0:?}")]
    Port(String),
}

/// The database URL from `url` (`DATABASE_URL`, if set) and `part`, which
/// reads one raw environment variable. The parts are read raw, never
/// through Figment: it would parse a password such as `0012` or `[x]` into
/// a number or an array. An empty value counts as not set.
pub fn resolve(
    url: Option<String>,
    part: impl Fn(&str) -> Option<String>,
) -> Result<String, DatabaseUrlError> {
    let url = url.filter(|u| !u.trim().is_empty());
    let value = |key: &str| part(key).filter(|v| !v.is_empty());
    let given: Vec<&str> = PART_KEYS
        .into_iter()
        .filter(|key| value(key).is_some())
        .collect();
    match (url, given.is_empty()) {
        (Some(url), true) => return Ok(url),
        (None, true) => return Ok(DEFAULT_DATABASE_URL.to_owned()),
        (Some(_), false) => {
            return Err(DatabaseUrlError::Both {
                given: given.join(", "),
            })
        }
        (None, false) => {}
    }
    let required = ["DB_HOST", "DB_USER", "DB_NAME"];
    let missing: Vec<&str> = required
        .into_iter()
        .filter(|key| value(key).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(DatabaseUrlError::Incomplete {
            missing: missing.join(", "),
            given: given.join(", "),
        });
    }
    let port = match value("DB_PORT") {
        None => DEFAULT_PORT,
        Some(port) => match port.trim().parse::<u16>() {
            Ok(port) if port > 0 => port,
            _ => return Err(DatabaseUrlError::Port(port)),
        },
    };
    let host = value("DB_HOST").unwrap_or_default();
    // An IPv6 literal needs brackets to be told from the port.
    let host = if host.contains(':') && !host.starts_with('[') {
        format!("[{host}]")
    } else {
        host
    };
    let encode =
        |key: &str| utf8_percent_encode(&value(key).unwrap_or_default(), COMPONENT).to_string();
    let credentials = match value("DB_PASSWORD") {
        Some(_) => format!("{}:{}", encode("DB_USER"), encode("DB_PASSWORD")),
        None => encode("DB_USER"),
    };
    Ok(format!(
        "mysql://{credentials}@{host}:{port}/{}",
        encode("DB_NAME")
    ))
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn resolve_with(url: Option<&str>, parts: &[(&str, &str)]) -> Result<String, DatabaseUrlError> {
        let parts: HashMap<String, String> = parts
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        resolve(url.map(str::to_owned), |key| parts.get(key).cloned())
    }

    #[test]
    fn nothing_set_is_the_local_sqlite_file() {
        assert_eq!(resolve_with(None, &[]).unwrap(), DEFAULT_DATABASE_URL);
        assert_eq!(
            resolve_with(Some("mysql://u@h/d"), &[]).unwrap(),
            "mysql://u@h/d"
        );
    }

    #[test]
    fn parts_build_a_mysql_url_with_the_password_percent_encoded() {
        let url = resolve_with(
            None,
            &[
                ("DB_HOST", "db.example.internal"),
                ("DB_PORT", "3307"),
                ("DB_USER", "textproc"),
                ("DB_PASSWORD", "p@ss:w/rd#%?[0]"),
                ("DB_NAME", "textproc"),
            ],
        )
        .unwrap();
        assert_eq!(
            url,
            "mysql://textproc:p%40ss%3Aw%2Frd%23%25%3F%5B0%5D@db.example.internal:3307/textproc"
        );
    }

    #[test]
    fn the_port_defaults_and_no_password_means_none() {
        let url = resolve_with(
            None,
            &[("DB_HOST", "::1"), ("DB_USER", "root"), ("DB_NAME", "test")],
        )
        .unwrap();
        assert_eq!(url, "mysql://root@[::1]:3306/test");
    }

    #[test]
    fn both_ways_at_once_is_an_error_naming_the_parts() {
        let error = resolve_with(Some("mysql://u@h/d"), &[("DB_HOST", "h")]).unwrap_err();
        assert_eq!(
            error,
            DatabaseUrlError::Both {
                given: "DB_HOST".into()
            }
        );
        assert!(error.to_string().contains("not both"), "{error}");
    }

    #[test]
    fn some_parts_without_the_rest_is_an_error_naming_what_is_missing() {
        let error = resolve_with(None, &[("DB_HOST", "h"), ("DB_PASSWORD", "x")]).unwrap_err();
        let message = error.to_string();
        assert!(message.contains("DB_USER, DB_NAME not set"), "{message}");
        assert!(
            !message.contains("x)"),
            "the password's value is never shown: {message}"
        );
    }

    #[test]
    fn a_port_that_is_not_a_port_is_an_error() {
        for port in ["0", "70000", "mysql"] {
            let error = resolve_with(
                None,
                &[
                    ("DB_HOST", "h"),
                    ("DB_USER", "u"),
                    ("DB_NAME", "d"),
                    ("DB_PORT", port),
                ],
            )
            .unwrap_err();
            assert_eq!(error, DatabaseUrlError::Port(port.into()));
        }
    }

    #[test]
    fn empty_values_count_as_not_set() {
        let url = resolve_with(
            Some("sqlite://x.db"),
            &[("DB_HOST", ""), ("DB_PASSWORD", "")],
        );
        assert_eq!(url.unwrap(), "sqlite://x.db");
    }
}
