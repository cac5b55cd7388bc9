//! Every setting of the api, read and checked once at start into one typed
//! `Config`: where the database is (decided by `service::database_url`, as
//! for home), the translation backend with its keys, timeouts, retries and
//! cache window, the extra words, and the request-body deadline. Rocket's
//! own settings (address, port, limits) stay Rocket's.

use std::path::PathBuf;
use std::time::Duration;

use rocket::figment::Figment;
use serde::Deserialize;

use crate::input::DEFAULT_BODY_DEADLINE;
use crate::translate::{RetryPolicy, Secret};

/// Environment variables the api reads besides `DATABASE_URL` and `ROCKET_*`.
pub const ENV_KEYS: [&str; 12] = [
    "TEXTPROC_EXTRA_WORDS",
    "TEXTPROC_BODY_TIMEOUT_SECS",
    "TRANSLATE_BACKEND",
    "GOOGLE_TRANSLATE_API_KEY",
    "GOOGLE_TRANSLATE_URL",
    "LIBRETRANSLATE_URL",
    "LIBRETRANSLATE_API_KEY",
    "TRANSLATE_CONNECT_TIMEOUT_SECS",
    "TRANSLATE_TIMEOUT_SECS",
    "TRANSLATE_MAX_ATTEMPTS",
    "TRANSLATE_BACKOFF_MS",
    "TRANSLATE_CACHE_SECS",
];

pub const DEFAULT_GOOGLE_URL: &str = "https://translation.googleapis.com";
/// The longest wait between two attempts; a longer `Retry-After` from the
/// backend is passed on to the client instead of waited out.
const MAX_RETRY_WAIT: Duration = Duration::from_secs(2);

/// The api's settings, as the fairings and routes use them.
#[derive(Debug)]
pub struct Config {
    pub database_url: String,
    pub translate: TranslateConfig,
    pub extra_words: Option<PathBuf>,
    /// How long a request body may take to arrive.
    pub body_deadline: Duration,
}

impl Config {
    /// Reads everything; the error is one line saying what to fix.
    pub fn from_figment(figment: &Figment) -> Result<Config, String> {
        Ok(Config {
            database_url: service::database_url(figment).map_err(|e| e.to_string())?,
            translate: TranslateConfig::from_figment(figment)?,
            extra_words: extra_words_path(figment),
            body_deadline: body_deadline(figment)?,
        })
    }
}

/// `TEXTPROC_EXTRA_WORDS`: the file of domain words, if one is set.
fn extra_words_path(figment: &Figment) -> Option<PathBuf> {
    figment
        .extract_inner::<String>("textproc_extra_words")
        .ok()
        .map(|path| path.trim().to_owned())
        .filter(|path| !path.is_empty())
        .map(PathBuf::from)
}

/// `TEXTPROC_BODY_TIMEOUT_SECS`: how long a request body may take to
/// arrive; the error is one line saying what to fix.
fn body_deadline(figment: &Figment) -> Result<Duration, String> {
    match figment.extract_inner::<f64>("textproc_body_timeout_secs") {
        Err(e) if e.missing() => Ok(DEFAULT_BODY_DEADLINE),
        Ok(secs) if secs.is_finite() && secs > 0.0 && secs <= 300.0 => {
            Ok(Duration::from_secs_f64(secs))
        }
        Ok(secs) => Err(format!(
            "TEXTPROC_BODY_TIMEOUT_SECS must be a number of seconds above 0 and at most 300, not {secs}"
        )),
        Err(e) => Err(format!("TEXTPROC_BODY_TIMEOUT_SECS: {e}")),
    }
}

/// The settings as they arrive; `Debug` shows no key (see `Secret`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Raw {
    translate_backend: Option<String>,
    google_translate_api_key: Option<Secret>,
    google_translate_url: Option<String>,
    libretranslate_url: Option<String>,
    libretranslate_api_key: Option<Secret>,
    translate_connect_timeout_secs: Option<f64>,
    translate_timeout_secs: Option<f64>,
    translate_max_attempts: Option<u32>,
    translate_backoff_ms: Option<u64>,
    translate_cache_secs: Option<u64>,
}

#[derive(Clone, Debug)]
pub enum Backend {
    None,
    Google { url: String, key: Secret },
    LibreTranslate { url: String, key: Option<Secret> },
}

#[derive(Clone, Debug)]
pub struct TranslateConfig {
    pub backend: Backend,
    pub connect_timeout: Duration,
    /// For one whole call, connection included.
    pub timeout: Duration,
    pub retry: RetryPolicy,
    /// How long a stored translation is reused for an identical request;
    /// `None` when `TRANSLATE_CACHE_SECS=0`.
    pub cache_window: Option<Duration>,
}

impl TranslateConfig {
    /// Reads and checks the settings; the error is one line saying what to fix.
    pub fn from_figment(figment: &Figment) -> Result<Self, String> {
        let raw: Raw = figment
            .extract()
            .map_err(|e| format!("translation settings: {e}"))?;
        let text = |value: Option<String>| value.filter(|v| !v.trim().is_empty());
        let secret = |value: Option<Secret>| value.filter(|v| !v.expose().trim().is_empty());
        let google_key = secret(raw.google_translate_api_key);
        let libre_url = text(raw.libretranslate_url);
        let google_url =
            text(raw.google_translate_url).unwrap_or_else(|| DEFAULT_GOOGLE_URL.to_owned());

        let choice = text(raw.translate_backend).map(|b| b.trim().to_ascii_lowercase());
        let backend = match (choice.as_deref(), google_key, libre_url) {
            (Some("none"), _, _) | (None, None, None) => Backend::None,
            (Some("google") | None, Some(key), _) => Backend::Google {
                url: google_url,
                key,
            },
            (Some("google"), None, _) => {
                return Err("TRANSLATE_BACKEND=google needs GOOGLE_TRANSLATE_API_KEY".to_owned())
            }
            (Some("libretranslate") | None, _, Some(url)) => Backend::LibreTranslate {
                url,
                key: secret(raw.libretranslate_api_key),
            },
            (Some("libretranslate"), _, None) => {
                return Err("TRANSLATE_BACKEND=libretranslate needs LIBRETRANSLATE_URL".to_owned())
            }
            (Some(other), _, _) => {
                return Err(format!(
                    "TRANSLATE_BACKEND must be google, libretranslate or none, not {other:?}"
                ))
            }
        };

        let seconds = |name: &str, value: Option<f64>, default: f64| match value.unwrap_or(default)
        {
            s if s.is_finite() && s > 0.0 => Ok(Duration::from_secs_f64(s)),
            s => Err(format!(
                "{name} must be a positive number of seconds, not {s}"
            )),
        };
        let max_attempts = raw.translate_max_attempts.unwrap_or(3);
        if !(1..=10).contains(&max_attempts) {
            return Err(format!(
                "TRANSLATE_MAX_ATTEMPTS must be 1 to 10, not {max_attempts}"
            ));
        }
        Ok(TranslateConfig {
            backend,
            connect_timeout: seconds(
                "TRANSLATE_CONNECT_TIMEOUT_SECS",
                raw.translate_connect_timeout_secs,
                3.0,
            )?,
            timeout: seconds("TRANSLATE_TIMEOUT_SECS", raw.translate_timeout_secs, 10.0)?,
            retry: RetryPolicy {
                max_attempts,
                base_delay: Duration::from_millis(raw.translate_backoff_ms.unwrap_or(250)),
                max_delay: MAX_RETRY_WAIT,
            },
            cache_window: match raw.translate_cache_secs.unwrap_or(86_400) {
                0 => None,
                secs => Some(Duration::from_secs(secs)),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use rocket::figment::providers::Serialized;

    use super::*;

    fn config(pairs: &[(&str, &str)]) -> Result<TranslateConfig, String> {
        let mut figment = Figment::new();
        for (key, value) in pairs {
            figment = figment.merge(Serialized::default(key, value));
        }
        TranslateConfig::from_figment(&figment)
    }

    #[test]
    fn the_backend_follows_what_is_configured() {
        assert!(matches!(config(&[]).unwrap().backend, Backend::None));
        assert!(matches!(
            config(&[("google_translate_api_key", "k")])
                .unwrap()
                .backend,
            Backend::Google { .. }
        ));
        assert!(matches!(
            config(&[("libretranslate_url", "http://lt")])
                .unwrap()
                .backend,
            Backend::LibreTranslate { .. }
        ));
        assert!(matches!(
            config(&[
                ("translate_backend", "none"),
                ("google_translate_api_key", "k")
            ])
            .unwrap()
            .backend,
            Backend::None
        ));
        assert!(matches!(
            config(&[("google_translate_api_key", " ")])
                .unwrap()
                .backend,
            Backend::None
        ));
    }

    #[test]
    fn a_backend_without_what_it_needs_is_a_start_error() {
        let error = config(&[("translate_backend", "google")]).unwrap_err();
        assert!(error.contains("GOOGLE_TRANSLATE_API_KEY"), "{error}");
        let error = config(&[("translate_backend", "deepl")]).unwrap_err();
        assert!(error.contains("deepl"), "{error}");
    }

    #[test]
    fn debug_output_never_shows_the_key() {
        let config = config(&[("google_translate_api_key", "AIza-secret-value")]).unwrap();
        assert!(!format!("{config:?}").contains("AIza-secret-value"));
    }
}
