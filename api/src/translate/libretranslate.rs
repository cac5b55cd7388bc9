//! LibreTranslate, the self-hosted choice: `POST {base}/translate`, with an
//! optional API key in the body.

use serde::Deserialize;
use serde_json::json;

use super::{send, BackendError, Secret, Translated, Translator};

pub struct LibreTranslate {
    http: reqwest::Client,
    endpoint: String,
    key: Option<Secret>,
}

impl LibreTranslate {
    pub fn new(http: reqwest::Client, base: &str, key: Option<Secret>) -> Self {
        LibreTranslate {
            http,
            endpoint: format!("{}/translate", base.trim_end_matches('/')),
            key,
        }
    }
}

/// With a list for `q`, both fields are lists, one entry per segment.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Success {
    translated_text: Vec<String>,
    #[serde(default)]
    detected_language: Vec<Detected>,
}

#[derive(Deserialize)]
struct Detected {
    language: String,
}

#[derive(Deserialize, Default)]
struct Failure {
    #[serde(default)]
    error: String,
}

#[rocket::async_trait]
impl Translator for LibreTranslate {
    fn name(&self) -> &'static str {
        "libretranslate"
    }

    async fn translate(
        &self,
        segments: &[&str],
        source: Option<&str>,
        target: &str,
    ) -> Result<Vec<Translated>, BackendError> {
        let mut body = json!({
            "q": segments,
            "source": source.unwrap_or("auto"),
            "target": target,
            "format": "text",
        });
        if let Some(key) = &self.key {
            body["api_key"] = json!(key.expose());
        }
        let reply = send(self.http.post(&self.endpoint).json(&body)).await?;
        let (status, wait) = (reply.status, reply.retry_after);
        if !(200..300).contains(&status) {
            let failure: Failure = serde_json::from_slice(&reply.body).unwrap_or_default();
            let message = if failure.error.is_empty() {
                format!("HTTP {status}")
            } else {
                format!("HTTP {status}: {}", failure.error)
            };
            return Err(match status {
                400 => BackendError::Rejected(message),
                401 | 403 => BackendError::Auth(message),
                429 => BackendError::RateLimited { retry_after: wait },
                _ => BackendError::Upstream(message),
            });
        }
        let success: Success = serde_json::from_slice(&reply.body)
            .map_err(|e| BackendError::bad_json("not a LibreTranslate answer", &e))?;
        let mut detected = success.detected_language.into_iter().map(|d| d.language);
        Ok(success
            .translated_text
            .into_iter()
            .map(|text| Translated {
                text,
                detected_source: detected.next(),
            })
            .collect())
    }
}
