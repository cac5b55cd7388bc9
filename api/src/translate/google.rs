//! Google Cloud Translation, basic edition (v2):
//! `POST {base}/language/translate/v2` with the key in `X-Goog-Api-Key`.

use serde::Deserialize;
use serde_json::json;

use super::{send, BackendError, Secret, Translated, Translator};

pub struct Google {
    http: reqwest::Client,
    endpoint: String,
    key: Secret,
}

impl Google {
    /// `base` is `https://translation.googleapis.com` or a stand-in.
    pub fn new(http: reqwest::Client, base: &str, key: Secret) -> Self {
        Google {
            http,
            endpoint: format!("{}/language/translate/v2", base.trim_end_matches('/')),
            key,
        }
    }
}

#[derive(Deserialize)]
struct Success {
    data: Data,
}

#[derive(Deserialize)]
struct Data {
    translations: Vec<Item>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Item {
    translated_text: String,
    detected_source_language: Option<String>,
}

/// Google's error envelope: `{"error": {"code", "message", "errors": [{"reason"}], "details": [{"reason"}]}}`.
#[derive(Deserialize, Default)]
struct Envelope {
    #[serde(default)]
    error: ErrorBody,
}

#[derive(Deserialize, Default)]
struct ErrorBody {
    #[serde(default)]
    message: String,
    #[serde(default)]
    errors: Vec<Reason>,
    #[serde(default)]
    details: Vec<Reason>,
}

#[derive(Deserialize)]
struct Reason {
    #[serde(default)]
    reason: String,
}

#[rocket::async_trait]
impl Translator for Google {
    fn name(&self) -> &'static str {
        "google"
    }

    async fn translate(
        &self,
        segments: &[&str],
        source: Option<&str>,
        target: &str,
    ) -> Result<Vec<Translated>, BackendError> {
        // `format: text`: the default, html, escapes quotes and drops newlines.
        let mut body = json!({ "q": segments, "target": target, "format": "text" });
        if let Some(source) = source {
            body["source"] = json!(source);
        }
        let reply = send(
            self.http
                .post(&self.endpoint)
                // A header, not `?key=`: URLs end up in error messages and logs.
                .header("X-Goog-Api-Key", self.key.expose())
                .json(&body),
        )
        .await?;
        if !(200..300).contains(&reply.status) {
            return Err(classify(reply.status, &reply.body, reply.retry_after));
        }
        let success: Success = serde_json::from_slice(&reply.body)
            .map_err(|e| BackendError::bad_json("not a v2 translation", &e))?;
        Ok(success
            .data
            .translations
            .into_iter()
            .map(|item| Translated {
                text: item.translated_text,
                detected_source: item.detected_source_language,
            })
            .collect())
    }
}

/// Sorts Google's error answers by their status and `reason`s.
fn classify(status: u16, body: &[u8], retry_after: Option<std::time::Duration>) -> BackendError {
    let envelope: Envelope = serde_json::from_slice(body).unwrap_or_default();
    let error = envelope.error;
    let has = |wanted: &[&str]| {
        error
            .errors
            .iter()
            .chain(&error.details)
            .any(|r| wanted.contains(&r.reason.as_str()))
    };
    let message = if error.message.is_empty() {
        format!("HTTP {status}")
    } else {
        error.message.clone()
    };
    match status {
        400 if has(&["keyInvalid", "API_KEY_INVALID"]) || message.contains("API key") => {
            BackendError::Auth(message)
        }
        400 => BackendError::Rejected(message),
        401 => BackendError::Auth(message),
        403 if has(&[
            "userRateLimitExceeded",
            "rateLimitExceeded",
            "RATE_LIMIT_EXCEEDED",
        ]) =>
        {
            BackendError::RateLimited { retry_after }
        }
        403 if has(&[
            "dailyLimitExceeded",
            "quotaExceeded",
            "dailyLimitExceededUnreg",
        ]) =>
        {
            BackendError::QuotaExhausted { retry_after }
        }
        403 => BackendError::Auth(message),
        429 => BackendError::RateLimited { retry_after },
        _ if error.message.is_empty() => BackendError::Upstream(message),
        _ => BackendError::Upstream(format!("HTTP {status}: {message}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn envelope(code: u16, reason: &str, message: &str) -> Vec<u8> {
        json!({"error": {"code": code, "message": message, "errors": [{"message": message, "domain": "usageLimits", "reason": reason}]}})
            .to_string()
            .into_bytes()
    }

    #[test]
    fn google_errors_are_sorted_by_reason() {
        let invalid_key = envelope(
            400,
            "badRequest",
            "API key not valid. Please pass a valid API key.",
        );
        assert!(matches!(
            classify(400, &invalid_key, None),
            BackendError::Auth(_)
        ));
        let bad_target = envelope(400, "invalid", "Invalid Value");
        assert!(matches!(
            classify(400, &bad_target, None),
            BackendError::Rejected(_)
        ));
        let rate = envelope(403, "userRateLimitExceeded", "User Rate Limit Exceeded");
        assert!(classify(403, &rate, None).is_transient());
        let daily = envelope(403, "dailyLimitExceeded", "Daily Limit Exceeded");
        let daily = classify(403, &daily, None);
        assert!(matches!(daily, BackendError::QuotaExhausted { .. }) && !daily.is_transient());
        assert!(classify(500, b"oops", None).is_transient());
        assert!(classify(429, b"", None).is_transient());
    }
}
