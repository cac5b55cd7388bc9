//! `POST /api/translate`: any language into English (or the `target` asked
//! for), through the configured backend, with repeats served from storage.

use std::time::Duration;

use chrono::Utc;
use rocket::State;
use serde::Serialize;
use service::Lifecycle;
use sha2::{Digest, Sha256};
use store::{NewRecord, Operation, Record};

use crate::idempotency::{self, IdempotencyKey, Inserted};
use crate::input::{self, Languages, Submission};
use crate::same_origin::SameOrigin;
use crate::storage::Storage;
use crate::stored::Stored;
use crate::translate::Translation;
use crate::ApiError;

/// What the api knows about translation, managed at launch.
pub struct TranslationState {
    /// `None` when no backend is configured.
    pub service: Option<Translation>,
    pub cache_window: Option<Duration>,
}

/// The stored record, and how its translation was obtained.
#[derive(Serialize)]
pub struct Answer {
    #[serde(flatten)]
    record: Record,
    translation: Provenance,
}

#[derive(Serialize)]
struct Provenance {
    backend: &'static str,
    /// True when an identical earlier request's translation was reused
    /// and the backend was not called (nothing billed).
    cached: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    cached_from: Option<i64>,
    /// Code points sent to the backend for this request.
    characters_sent: usize,
    /// True when the text was already in the target language and is
    /// stored as it was.
    already_in_target: bool,
}

#[rocket::post("/translate", data = "<input>")]
pub async fn translate(
    input: Result<Submission, ApiError>,
    key: Result<IdempotencyKey, ApiError>,
    origin: Result<SameOrigin, ApiError>,
    translation: &State<TranslationState>,
    storage: Storage<'_>,
    lifecycle: &State<Lifecycle>,
) -> Result<Stored<Answer>, ApiError> {
    let work = async { run(input?, key?, translation, &storage).await };
    super::guarded(origin, lifecycle, work).await
}

async fn run(
    input: Submission,
    key: IdempotencyKey,
    translation: &TranslationState,
    storage: &Storage<'_>,
) -> Result<Stored<Answer>, ApiError> {
    let db = storage.db;
    let languages = input::languages(&input)?;
    let idempotency = key.for_request(Operation::Translate, &input);
    // Before the backend is called: a retry is not billed twice.
    if let Some(record) = idempotency::earlier(db, idempotency.as_ref()).await? {
        return Ok(Stored::replayed(record));
    }
    let Some(service) = &translation.service else {
        return Err(ApiError::TranslationNotConfigured);
    };
    let cache_key = cache_key(&input.text, &languages);

    let reused = match translation.cache_window {
        Some(window) => {
            let since = Utc::now() - window;
            store::latest_with_cache_key(db, &cache_key, since)
                .await?
                // A digest match is checked against the text itself.
                .filter(|earlier| earlier.original == input.text)
        }
        None => None,
    };

    // What comes back either way: the text, its source, which record it
    // was reused from (if any), what was sent, and whether it was English already.
    let (processed, source_language, cached_from, characters_sent, already_in_target) = match reused
    {
        Some(earlier) => {
            let already_in_target = earlier.processed == earlier.original;
            (
                earlier.processed,
                earlier.source_language,
                Some(earlier.id),
                0,
                already_in_target,
            )
        }
        None => {
            let result = service
                .translate_text(&input.text, languages.source.as_deref(), &languages.target)
                .await?;
            let source = languages
                .source
                .clone()
                .or_else(|| detected_language(result.detected_source));
            // Already in the target language: keep the user's text exactly.
            let already_in_target = source.as_deref().is_some_and(|s| languages.is_target(s));
            let processed = if already_in_target {
                input.text.clone()
            } else {
                result.text
            };
            (
                processed,
                source,
                None,
                result.characters_sent,
                already_in_target,
            )
        }
    };
    let provenance = Provenance {
        backend: service.backend_name(),
        cached: cached_from.is_some(),
        cached_from,
        characters_sent,
        already_in_target,
    };

    let inserted = idempotency::insert(
        storage,
        NewRecord {
            tag: input.tag,
            operation: Operation::Translate,
            original: input.text,
            processed,
            source_language,
            target_language: Some(languages.target),
            cache_key: Some(cache_key),
            idempotency,
        },
    )
    .await?;
    let record = match inserted {
        Inserted::Fresh(record) => record,
        Inserted::Earlier(record) => return Ok(Stored::replayed(record)),
    };
    let notice = match provenance.cached_from {
        Some(earlier) => format!(
            "Translation reused from record {earlier} and stored as record {}.",
            record.id
        ),
        None => format!("Translated and stored as record {}.", record.id),
    };
    Ok(Stored::new(
        record.id,
        Answer {
            record,
            translation: provenance,
        },
        notice,
    ))
}

/// A digest of what makes two requests identical: text, source (or
/// detection) and target. Versioned, so a change of rule never matches old rows.
fn cache_key(text: &str, languages: &Languages) -> String {
    let mut digest = Sha256::new();
    digest.update(b"translate/v1\0");
    digest.update(languages.source.as_deref().unwrap_or("auto").as_bytes());
    digest.update(b"\0");
    digest.update(languages.target.as_bytes());
    digest.update(b"\0");
    digest.update(text.as_bytes());
    crate::digest::hex(&digest.finalize())
}

/// What a backend says it detected is checked like what a client sends: a
/// language code, or nothing. The translation itself is good (and billed),
/// so an unusable code is stored as unknown rather than failing the request.
fn detected_language(detected: Option<String>) -> Option<String> {
    let detected = detected?;
    match crate::input::language_code("detected source", &detected) {
        Ok(code) => Some(code),
        Err(_) => {
            rocket::warn!(
                "the translation backend reported a detected language that is not a language code \
                 ({} characters); stored as unknown",
                detected.chars().count()
            );
            None
        }
    }
}
