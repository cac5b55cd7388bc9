//! The body of `POST /api/spell|space|translate`: JSON or an HTML form,
//! parsed and validated in one place before any handler sees it.

use rocket::data::{self, Data, FromData};
use rocket::form::{Form, FromForm};
use rocket::http::RawStr;
use rocket::outcome::Outcome;
use rocket::Request;
use serde::Deserialize;

use crate::ApiError;

pub use store::MAX_TEXT_CHARS;
/// The tag stored when the client sends none.
pub const DEFAULT_TAG: &str = "anonymous";

/// A valid request: a tag and a non-blank text within the limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    pub tag: String,
    pub text: String,
}

/// The fields as they arrive, before any rule is applied.
#[derive(Debug, Default, Deserialize, FromForm)]
struct Fields {
    id: Option<String>,
    text: Option<String>,
}

#[rocket::async_trait]
impl<'r> FromData<'r> for Submission {
    type Error = ApiError;

    async fn from_data(request: &'r Request<'_>, data: Data<'r>) -> data::Outcome<'r, Self> {
        match read_fields(request, data).await.and_then(validate) {
            Ok(submission) => Outcome::Success(submission),
            Err(error) => Outcome::Error((error.status_and_code().0, error)),
        }
    }
}

async fn read_fields(request: &Request<'_>, data: Data<'_>) -> Result<Fields, ApiError> {
    let content_type = request.content_type();
    let is_json = content_type.is_some_and(|ct| ct.is_json());
    let is_form = content_type.is_some_and(|ct| ct.is_form());
    if !is_json && !is_form {
        let got = content_type.map_or_else(|| "no content type".to_owned(), |ct| ct.to_string());
        return Err(ApiError::UnsupportedMediaType(got));
    }

    let limit = request
        .limits()
        .get(if is_json { "json" } else { "form" })
        .unwrap_or(store::BODY_LIMIT);
    let body = data
        .open(limit)
        .into_bytes()
        .await
        .map_err(|e| ApiError::MalformedBody {
            code: "unreadable_body",
            message: format!("the request body could not be read: {e}"),
        })?;
    if !body.is_complete() {
        return Err(ApiError::BodyTooLarge {
            limit: limit.to_string(),
        });
    }
    let body = body.into_inner();

    if is_json {
        parse_json(&body)
    } else {
        parse_form(&body)
    }
}

fn parse_json(body: &[u8]) -> Result<Fields, ApiError> {
    serde_json::from_slice(body).map_err(|e| {
        if e.is_data() {
            // Well-formed JSON of the wrong shape, e.g. `"text": 5`.
            ApiError::invalid(
                "invalid_field",
                format!("the JSON body does not fit {{\"id\": string, \"text\": string}}: {e}"),
            )
        } else {
            ApiError::MalformedBody {
                code: "malformed_json",
                message: format!("the body is not valid JSON: {e}"),
            }
        }
    })
}

fn parse_form(body: &[u8]) -> Result<Fields, ApiError> {
    let malformed = |message: String| ApiError::MalformedBody {
        code: "malformed_form",
        message,
    };
    let body = std::str::from_utf8(body)
        .map_err(|_| malformed("the form body is not UTF-8".to_owned()))?;
    // Percent-decoding happens field by field; a field that decodes to
    // invalid UTF-8 is an error, not a lossy replacement.
    Form::<Fields>::parse_encoded(RawStr::new(body))
        .map_err(|errors| malformed(format!("the form body could not be parsed: {errors}")))
}

/// The rules for every text endpoint; the only place they are written.
fn validate(fields: Fields) -> Result<Submission, ApiError> {
    let text = fields
        .text
        .ok_or_else(|| ApiError::invalid("text_required", "the field `text` is required"))?;
    if text.trim().is_empty() {
        return Err(ApiError::invalid(
            "text_required",
            "the field `text` is empty; send the text to process",
        ));
    }
    let chars = text.chars().count();
    if chars > MAX_TEXT_CHARS {
        return Err(ApiError::invalid(
            "text_too_long",
            format!("the text has {chars} characters; the limit is {MAX_TEXT_CHARS}"),
        ));
    }

    // Spaces around a tag are a slip of the keyboard, not part of it.
    let tag = fields.id.as_deref().map(str::trim).unwrap_or_default();
    let tag_chars = tag.chars().count();
    if tag_chars > store::MAX_TAG_CHARS {
        return Err(ApiError::invalid(
            "id_too_long",
            format!(
                "the id has {tag_chars} characters; the limit is {}",
                store::MAX_TAG_CHARS
            ),
        ));
    }
    let tag = if tag.is_empty() { DEFAULT_TAG } else { tag };

    Ok(Submission {
        tag: tag.to_owned(),
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(id: Option<&str>, text: Option<&str>) -> Fields {
        Fields {
            id: id.map(str::to_owned),
            text: text.map(str::to_owned),
        }
    }

    fn code(result: Result<Submission, ApiError>) -> &'static str {
        result.expect_err("must be rejected").status_and_code().1
    }

    #[test]
    fn validate_accepts_and_defaults() {
        let cases = [
            (Some("t1"), "helo", "t1"),
            (None, "helo", DEFAULT_TAG),
            (Some(""), "helo", DEFAULT_TAG),
            (Some("  t2 "), " keep my spaces ", "t2"),
        ];
        for (id, text, tag) in cases {
            let got = validate(fields(id, Some(text))).expect("valid");
            assert_eq!(
                got,
                Submission {
                    tag: tag.to_owned(),
                    text: text.to_owned()
                }
            );
        }
    }

    #[test]
    fn validate_rejects_with_a_code() {
        let long_text = "é".repeat(MAX_TEXT_CHARS + 1);
        let long_id = "x".repeat(store::MAX_TAG_CHARS + 1);
        let cases = [
            (fields(Some("a"), None), "text_required"),
            (fields(Some("a"), Some("")), "text_required"),
            (fields(Some("a"), Some(" \n\t ")), "text_required"),
            (fields(Some("a"), Some(&long_text)), "text_too_long"),
            (fields(Some(&long_id), Some("ok")), "id_too_long"),
        ];
        for (input, expected) in cases {
            assert_eq!(code(validate(input)), expected);
        }
    }

    #[test]
    fn limits_count_characters_not_bytes() {
        let at_limit = "😀".repeat(MAX_TEXT_CHARS);
        assert!(validate(fields(None, Some(&at_limit))).is_ok());
        let tag = "ü".repeat(store::MAX_TAG_CHARS);
        assert!(validate(fields(Some(&tag), Some("x"))).is_ok());
    }
}
