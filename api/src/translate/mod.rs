//! Translation: the `Translator` trait, its backends (Google Cloud
//! Translation v2, LibreTranslate), and `Translation`, which cuts long text
//! into requests, retries what is transient and puts the result together.

mod google;
mod libretranslate;
mod retry;
mod secret;
pub mod split;

use std::sync::Arc;
use std::time::Duration;

pub use google::Google;
pub use libretranslate::LibreTranslate;
pub use retry::RetryPolicy;
pub use secret::Secret;

/// One translated segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translated {
    pub text: String,
    /// The backend's guess at the source language, when none was given.
    pub detected_source: Option<String>,
}

/// A translation backend: one HTTP call for a batch of segments.
#[rocket::async_trait]
pub trait Translator: Send + Sync {
    /// A short name for logs and answers (`google`, `libretranslate`).
    fn name(&self) -> &'static str;

    /// Translates `segments` (at most 128, 5,000 code points in all), in
    /// order, from `source` (`None`: detect) into `target`.
    async fn translate(
        &self,
        segments: &[&str],
        source: Option<&str>,
        target: &str,
    ) -> Result<Vec<Translated>, BackendError>;
}

/// Why a backend call failed, sorted by what to do about it.
#[derive(Debug, Clone, thiserror::Error)]
pub enum BackendError {
    #[error("the backend rejected the API key: {0}")]
    Auth(String),
    #[error("the backend's rate limit was hit")]
    RateLimited { retry_after: Option<Duration> },
    #[error("the backend's quota is used up")]
    QuotaExhausted { retry_after: Option<Duration> },
    #[error("the backend refused the request: {0}")]
    Rejected(String),
    #[error("the backend failed: {0}")]
    Upstream(String),
    #[error("the backend did not answer in time")]
    Timeout,
    #[error("the backend could not be reached: {0}")]
    Unreachable(String),
    #[error("the backend's answer made no sense: {0}")]
    BadResponse(String),
}

impl BackendError {
    /// What may succeed if tried again soon. A bad key, a used-up daily
    /// quota or a refused request will fail the same way every time.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            BackendError::RateLimited { .. }
                | BackendError::Upstream(_)
                | BackendError::Timeout
                | BackendError::Unreachable(_)
        )
    }

    /// An answer that is not the JSON expected. serde's message may quote
    /// the answer (which holds the user's text), so only its position is kept.
    pub fn bad_json(what: &str, error: &serde_json::Error) -> Self {
        BackendError::BadResponse(format!(
            "{what}: {:?} error at line {} column {}",
            error.classify(),
            error.line(),
            error.column()
        ))
    }

    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            BackendError::RateLimited { retry_after }
            | BackendError::QuotaExhausted { retry_after } => *retry_after,
            _ => None,
        }
    }

    /// Sorts a transport failure. The URL is dropped from the message: a
    /// private endpoint's URL may carry credentials.
    pub(crate) fn from_transport(error: reqwest::Error) -> Self {
        if error.is_timeout() {
            BackendError::Timeout
        } else if error.is_connect() {
            BackendError::Unreachable(error.without_url().to_string())
        } else if error.is_decode() {
            BackendError::BadResponse(error.without_url().to_string())
        } else {
            BackendError::Upstream(error.without_url().to_string())
        }
    }
}

/// A backend's answer, read whole: its status, any `Retry-After`, its body.
pub(crate) struct Reply {
    pub status: u16,
    pub retry_after: Option<Duration>,
    pub body: Vec<u8>,
}

/// Sends `request` and reads the answer, sorting transport failures.
pub(crate) async fn send(request: reqwest::RequestBuilder) -> Result<Reply, BackendError> {
    let response = request.send().await.map_err(BackendError::from_transport)?;
    let status = response.status().as_u16();
    let retry_after = retry_after(response.headers());
    let body = response
        .bytes()
        .await
        .map_err(BackendError::from_transport)?
        .to_vec();
    Ok(Reply {
        status,
        retry_after,
        body,
    })
}

/// `Retry-After` in seconds, as both backends may send it.
fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let seconds: u64 = headers
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()?;
    Some(Duration::from_secs(seconds))
}

/// A whole text translated.
#[derive(Debug, Clone)]
pub struct TextTranslation {
    pub text: String,
    /// The source the backend detected, weighted by how much text it saw.
    pub detected_source: Option<String>,
    /// Code points sent: what the backend bills.
    pub characters_sent: usize,
}

/// A backend with its retry policy: what the api's routes use.
#[derive(Clone)]
pub struct Translation {
    backend: Arc<dyn Translator>,
    retry: RetryPolicy,
}

impl Translation {
    pub fn new(backend: Arc<dyn Translator>, retry: RetryPolicy) -> Self {
        Translation { backend, retry }
    }

    pub fn backend_name(&self) -> &'static str {
        self.backend.name()
    }

    /// Translates `text` of any length: cut at paragraphs (and sentences
    /// when needed) into requests within Google's limits, each retried on
    /// its own, joined back in order with the original breaks.
    pub async fn translate_text(
        &self,
        text: &str,
        source: Option<&str>,
        target: &str,
    ) -> Result<TextTranslation, BackendError> {
        let parts = split::plan(text, split::MAX_REQUEST_CHARS);
        let pieces = split::pieces(&parts);
        let mut translated = Vec::with_capacity(pieces.len());
        let mut detected: Vec<(String, usize)> = Vec::new();
        for batch in split::batches(
            &pieces,
            split::MAX_REQUEST_CHARS,
            split::MAX_REQUEST_SEGMENTS,
        ) {
            let segments = &pieces[batch];
            let answer = retry::with_retries(self.retry, || {
                self.backend.translate(segments, source, target)
            })
            .await?;
            if answer.len() != segments.len() {
                return Err(BackendError::BadResponse(format!(
                    "{} translations for {} segments",
                    answer.len(),
                    segments.len()
                )));
            }
            for (segment, result) in segments.iter().zip(answer) {
                if let Some(language) = result.detected_source {
                    weigh(&mut detected, language, segment.chars().count());
                }
                translated.push(result.text);
            }
        }
        Ok(TextTranslation {
            text: split::join(&parts, &translated),
            detected_source: detected
                .into_iter()
                .max_by_key(|(_, weight)| *weight)
                .map(|(l, _)| l),
            characters_sent: pieces.iter().map(|p| p.chars().count()).sum(),
        })
    }
}

fn weigh(detected: &mut Vec<(String, usize)>, language: String, chars: usize) {
    match detected.iter_mut().find(|(l, _)| *l == language) {
        Some((_, weight)) => *weight += chars,
        None => detected.push((language, chars)),
    }
}
