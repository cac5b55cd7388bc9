//! `ApiError`: every way a request can fail, and the one place that picks
//! its HTTP status and renders it, as JSON for programs and as a short page
//! for browsers.

use rocket::http::{ContentType, Header, Status};
use rocket::response::{self, Responder, Response};
use rocket::serde::json::json;
use rocket::Request;

use crate::input::Typed;
use crate::negotiate::prefers_html;
use crate::translate::BackendError;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("send the body as application/json or application/x-www-form-urlencoded (got {0})")]
    UnsupportedMediaType(String),
    #[error("the request body is larger than {limit}")]
    BodyTooLarge { limit: String },
    #[error("the request body did not arrive within {} s; nothing was stored", .0.as_secs_f64())]
    BodyTimeout(std::time::Duration),
    #[error("{message}")]
    MalformedBody { code: &'static str, message: String },
    /// The body parsed, but a field breaks a rule (see `input::validate`).
    #[error("{message}")]
    Invalid { code: &'static str, message: String },
    #[error("{0}")]
    BadQuery(String),
    #[error("{0}")]
    InvalidIdempotencyKey(String),
    #[error("this Idempotency-Key was used before for another request; nothing was stored (use a new key for a new request)")]
    IdempotencyKeyReused,
    #[error("{0}")]
    NotFound(String),
    #[error("translation is not configured on this server")]
    TranslationNotConfigured,
    #[error(transparent)]
    Translation(#[from] BackendError),
    #[error(transparent)]
    Store(#[from] store::Error),
    #[error("the text engine failed: {0}")]
    Engine(String),
    #[error("this post came from another site; nothing was stored")]
    CrossSite,
    /// The service stopped before this request's work was done
    /// (`service::Lifecycle::before_cut_off`).
    #[error("stopped before the request was done")]
    Stopping,
}

impl ApiError {
    pub fn invalid(code: &'static str, message: impl Into<String>) -> Self {
        ApiError::Invalid {
            code,
            message: message.into(),
        }
    }

    /// The status and the stable, machine-readable code.
    pub fn status_and_code(&self) -> (Status, &'static str) {
        match self {
            ApiError::UnsupportedMediaType(_) => {
                (Status::UnsupportedMediaType, "unsupported_media_type")
            }
            ApiError::BodyTooLarge { .. } => (Status::PayloadTooLarge, "body_too_large"),
            ApiError::BodyTimeout(_) => (Status::RequestTimeout, "body_timeout"),
            ApiError::MalformedBody { code, .. } => (Status::BadRequest, code),
            ApiError::Invalid { code, .. } => (Status::UnprocessableEntity, code),
            ApiError::BadQuery(_) => (Status::BadRequest, "invalid_query"),
            ApiError::InvalidIdempotencyKey(_) => (Status::BadRequest, "invalid_idempotency_key"),
            ApiError::IdempotencyKeyReused => {
                (Status::UnprocessableEntity, "idempotency_key_reused")
            }
            ApiError::NotFound(_) => (Status::NotFound, "not_found"),
            ApiError::TranslationNotConfigured => {
                (Status::ServiceUnavailable, "translation_not_configured")
            }
            ApiError::Translation(error) => match error {
                BackendError::Auth(_) => (Status::BadGateway, "translation_auth_failed"),
                BackendError::RateLimited { .. } => {
                    (Status::ServiceUnavailable, "translation_rate_limited")
                }
                BackendError::QuotaExhausted { .. } => {
                    (Status::ServiceUnavailable, "translation_quota_exceeded")
                }
                BackendError::Rejected(_) => (Status::UnprocessableEntity, "translation_rejected"),
                BackendError::Upstream(_) => (Status::BadGateway, "translation_failed"),
                BackendError::Unreachable(_) => (Status::BadGateway, "translation_unreachable"),
                BackendError::BadResponse(_) => (Status::BadGateway, "translation_bad_response"),
                BackendError::Timeout => (Status::GatewayTimeout, "translation_timeout"),
            },
            ApiError::Store(store::Error::Unavailable(_)) => {
                (Status::ServiceUnavailable, "database_unavailable")
            }
            ApiError::Store(store::Error::SchemaMissing(_)) => {
                (Status::ServiceUnavailable, "database_not_migrated")
            }
            ApiError::Store(store::Error::Unconfirmed(_)) => {
                (Status::ServiceUnavailable, "database_unconfirmed")
            }
            ApiError::Stopping => (Status::ServiceUnavailable, "shutting_down"),
            ApiError::CrossSite => (Status::Forbidden, "cross_site_request"),
            ApiError::Store(_) | ApiError::Engine(_) => {
                (Status::InternalServerError, "internal_error")
            }
        }
    }

    /// When to try again, if that is known: a database outage passes by
    /// itself; a backend may say how long its limit lasts.
    fn retry_after_seconds(&self) -> Option<u64> {
        match self {
            ApiError::Store(store::Error::Unavailable(_) | store::Error::Unconfirmed(_)) => Some(5),
            // Another task behind the load balancer takes the retry.
            ApiError::Stopping => Some(1),
            ApiError::Translation(error) => error.retry_after().map(|d| d.as_secs().max(1)),
            _ => None,
        }
    }

    /// What the client is told. Server-side failures are logged in full and
    /// summarised here: their details (SQL, hosts) are not the client's.
    fn public_message(&self) -> String {
        match self {
            ApiError::Store(store::Error::Unavailable(_)) => {
                "the database is unavailable; nothing was stored, try again shortly".to_owned()
            }
            ApiError::Store(store::Error::SchemaMissing(_)) => {
                "the database has no records table yet; nothing was stored".to_owned()
            }
            ApiError::Store(store::Error::Unconfirmed(_)) => {
                "the database did not confirm the write, so the record may or may not have \
                 been stored; retry with the same Idempotency-Key to be sure it is stored once"
                    .to_owned()
            }
            ApiError::Store(_) | ApiError::Engine(_) => {
                "internal error; nothing was stored".to_owned()
            }
            ApiError::TranslationNotConfigured => {
                "translation is not configured on this server; nothing was stored".to_owned()
            }
            ApiError::Stopping => {
                "the api stopped before it finished this request, so the record may or may not \
                 have been stored; retry with the same Idempotency-Key to be sure it is stored once"
                    .to_owned()
            }
            // The backend's own words stay in our log: they may name our
            // account, project or key, and they are not a contract.
            ApiError::Translation(error) => format!(
                "{}; nothing was stored",
                match error {
                    BackendError::Auth(_) =>
                        "the translation service refused this server's API key",
                    BackendError::RateLimited { .. } =>
                        "the translation service's rate limit was hit; try again shortly",
                    BackendError::QuotaExhausted { .. } =>
                        "the translation service's quota is used up",
                    BackendError::Rejected(_) =>
                        "the translation service refused this text or language pair",
                    BackendError::Upstream(_) => "the translation service failed",
                    BackendError::Timeout => "the translation service did not answer in time",
                    BackendError::Unreachable(_) => "the translation service could not be reached",
                    BackendError::BadResponse(_) =>
                        "the translation service's answer made no sense",
                }
            ),
            other => other.to_string(),
        }
    }
}

impl<'r> Responder<'r, 'static> for ApiError {
    fn respond_to(self, request: &'r Request<'_>) -> response::Result<'static> {
        let (status, code) = self.status_and_code();
        // A missing backend is configuration, said once at start, not a
        // fault to log on every request.
        if status.code >= 500 && !matches!(self, ApiError::TranslationNotConfigured) {
            rocket::error!("{} {}: {self}", request.method(), request.uri());
        }
        error_response(
            request,
            status,
            code,
            &self.public_message(),
            self.retry_after_seconds(),
        )
    }
}

/// The error shape: `{"error": {"code", "message"}}` for programs, a small
/// readable page for browsers. Catchers use it too.
pub fn error_response(
    request: &Request<'_>,
    status: Status,
    code: &str,
    message: &str,
    retry_after_seconds: Option<u64>,
) -> response::Result<'static> {
    let (content_type, body) = if prefers_html(request) {
        // Never for a post from another site: its text is not the person's.
        let typed = request
            .local_cache(|| None::<Typed>)
            .as_ref()
            .filter(|_| code != "cross_site_request");
        let page = match typed {
            Some(typed) => {
                error_page_with_form(status, message, request.uri().path().as_str(), typed)
            }
            None => error_page(status, message),
        };
        (ContentType::HTML, page)
    } else {
        let body = json!({ "error": { "code": code, "message": message } });
        (ContentType::JSON, body.to_string())
    };
    let mut response = Response::build();
    response
        .status(status)
        .header(content_type)
        .sized_body(body.len(), std::io::Cursor::new(body));
    if let Some(seconds) = retry_after_seconds {
        response.header(Header::new("Retry-After", seconds.to_string()));
    }
    response.ok()
}

/// A short page in the home page's style: the status as title and heading
/// above `body` (already HTML), and a way back.
fn page(status: Status, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{code} {reason}</title><link rel=\"stylesheet\" href=\"/static/style.css\"></head>\
         <body><main><h1>{reason}</h1>{body}<p><a href=\"/\">Back to textproc</a></p>\
         </main></body></html>",
        code = status.code,
        reason = escape_html(status.reason_lossy()),
    )
}

fn error_page(status: Status, message: &str) -> String {
    page(
        status,
        &format!("<p class=\"error\">{}</p>", escape_html(message)),
    )
}

/// The error beside the form it refused, filled with what was typed, so a
/// person without JavaScript loses nothing and can correct and send again.
fn error_page_with_form(status: Status, message: &str, action: &str, typed: &Typed) -> String {
    let source = if typed.source.is_empty() {
        String::new()
    } else {
        format!(
            "<input type=\"hidden\" name=\"source\" value=\"{}\">",
            escape_html(&typed.source)
        )
    };
    // A textarea drops one newline right after its tag: the added one keeps
    // a text that starts with a newline whole.
    let form = format!(
        "<form method=\"post\" action=\"{action}\" accept-charset=\"utf-8\" id=\"refused\" class=\"refused\">\
         <p class=\"notice error\" role=\"alert\" id=\"refused-reason\">{message}</p>\
         <label for=\"refused-id\">Your id for the text</label>\
         <input id=\"refused-id\" name=\"id\" type=\"text\" value=\"{id}\" autocomplete=\"off\">{source}\
         <label for=\"refused-text\">Text</label>\
         <textarea id=\"refused-text\" name=\"text\" rows=\"6\">\n{text}</textarea>\
         <button type=\"submit\">Send again</button></form>",
        message = escape_html(message),
        action = escape_html(action),
        id = escape_html(&typed.id),
        text = escape_html(&typed.text),
    );
    page(status, &form)
}

fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape_html;

    #[test]
    fn escape_html_neutralises_markup() {
        assert_eq!(
            escape_html(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
    }
}
