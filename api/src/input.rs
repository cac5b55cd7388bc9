//! The body of `POST /api/spell|space|translate`: JSON or an HTML form,
//! parsed and validated in one place before any handler sees it.

use rocket::data::{self, Data, FromData};
use rocket::form::{Form, FromForm};
use rocket::http::RawStr;
use rocket::outcome::Outcome;
use rocket::Request;
use serde::Deserialize;

use crate::negotiate::prefers_html;
use crate::ApiError;

pub use store::MAX_TEXT_CHARS;
/// How long a request body may take to arrive, from the first byte the
/// handler asks for to the last, unless `TEXTPROC_BODY_TIMEOUT_SECS` says
/// otherwise. 128 KiB, the largest body, takes well under a second even at mobile
/// speeds; ten leaves room for a slow link and none for a stalled client.
pub const DEFAULT_BODY_DEADLINE: std::time::Duration = std::time::Duration::from_secs(10);

/// The tag stored when the client sends none.
pub const DEFAULT_TAG: &str = "anonymous";

/// A valid request: a tag and a non-blank text within the limits, and the
/// languages a translation asks for (checked by `languages`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    pub tag: String,
    pub text: String,
    pub(crate) source: Option<String>,
    pub(crate) target: Option<String>,
}

/// What a person typed into one of the home page's forms, kept for the
/// error page of a browser's post (in the request's local cache).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Typed {
    pub id: String,
    pub text: String,
    pub source: String,
}

/// The fields as they arrive, before any rule is applied.
#[derive(Debug, Default, Deserialize, FromForm)]
struct Fields {
    id: Option<String>,
    text: Option<String>,
    source: Option<String>,
    target: Option<String>,
}

impl Fields {
    fn kept(&self) -> Typed {
        let field = |value: &Option<String>| value.clone().unwrap_or_default();
        Typed {
            id: field(&self.id),
            text: field(&self.text),
            source: field(&self.source),
        }
    }
}

/// The language a translation goes into when the request names none.
pub const DEFAULT_TARGET: &str = "en";

/// What a translation request asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Languages {
    /// `None`: let the backend detect it.
    pub source: Option<String>,
    pub target: String,
}

impl Languages {
    /// Whether text in `language` is already in the target language
    /// (`en-GB` is English enough for `en`).
    pub fn is_target(&self, language: &str) -> bool {
        primary(language) == primary(&self.target)
    }
}

fn primary(code: &str) -> String {
    code.split('-').next().unwrap_or(code).to_ascii_lowercase()
}

/// The source and target of a translation request, checked: BCP 47-style
/// codes such as `fr`, `pt-BR` or `zh-TW`; an empty source, `auto` or
/// `detect` asks the backend to detect it.
pub fn languages(submission: &Submission) -> Result<Languages, ApiError> {
    let source = match submission.source.as_deref() {
        None | Some("auto") | Some("detect") => None,
        Some(code) => Some(language_code("source", code)?),
    };
    let target = match submission.target.as_deref() {
        None => DEFAULT_TARGET.to_owned(),
        Some(code) => language_code("target", code)?,
    };
    Ok(Languages { source, target })
}

/// `code` checked and normalised (`PT-br` → `pt-br`), or why it is not one.
pub(crate) fn language_code(field: &str, code: &str) -> Result<String, ApiError> {
    let mut subtags = code.split('-');
    let primary = subtags.next().unwrap_or_default();
    let valid = code.len() <= 16
        && (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && subtags
            .all(|t| (1..=8).contains(&t.len()) && t.chars().all(|c| c.is_ascii_alphanumeric()));
    if !valid {
        return Err(ApiError::invalid(
            "invalid_language",
            format!("{field} must be a language code such as fr, pt-BR or zh-TW, not {code:?}"),
        ));
    }
    Ok(match code.split_once('-') {
        Some((primary, rest)) => format!("{}-{rest}", primary.to_ascii_lowercase()),
        None => code.to_ascii_lowercase(),
    })
}

#[rocket::async_trait]
impl<'r> FromData<'r> for Submission {
    type Error = ApiError;

    async fn from_data(request: &'r Request<'_>, data: Data<'r>) -> data::Outcome<'r, Self> {
        let fields = read_fields(request, data).await.inspect(|fields| {
            // A browser's form post keeps what was typed, so an error page
            // (`crate::error`) can give it back in a form to send again.
            if request.content_type().is_some_and(|ct| ct.is_form()) && prefers_html(request) {
                request.local_cache(|| Some(fields.kept()));
            }
        });
        match fields.and_then(validate) {
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
        .unwrap_or(service::BODY_LIMIT);
    // A body that never arrives must not hold a handler (and its memory)
    // forever: past the deadline the client gets 408 and the connection
    // is closed with the rest unread.
    let deadline = request
        .rocket()
        .state::<crate::config::Config>()
        .map_or(DEFAULT_BODY_DEADLINE, |config| config.body_deadline);
    let body = tokio::time::timeout(deadline, data.open(limit).into_bytes())
        .await
        .map_err(|_| ApiError::BodyTimeout(deadline))?
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
    // Rocket's form parser decodes `%FF` into U+FFFD without a word; a
    // field that does not percent-decode to UTF-8 is refused instead, so
    // what is stored is what was sent.
    for field in body.split('&') {
        let (name, value) = field.split_once('=').unwrap_or((field, ""));
        let decodes = |part: &str| {
            percent_encoding::percent_decode_str(&part.replace('+', " "))
                .decode_utf8()
                .is_ok()
        };
        if !decodes(name) || !decodes(value) {
            return Err(malformed(format!(
                "the form field {:?} is not UTF-8 once percent-decoded",
                String::from_utf8_lossy(
                    &percent_encoding::percent_decode_str(name).collect::<Vec<u8>>()
                )
            )));
        }
    }
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
    let optional =
        |value: Option<String>| value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());

    Ok(Submission {
        tag: tag.to_owned(),
        text,
        source: optional(fields.source),
        target: optional(fields.target),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(id: Option<&str>, text: Option<&str>) -> Fields {
        Fields {
            id: id.map(str::to_owned),
            text: text.map(str::to_owned),
            ..<Fields as Default>::default()
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
            assert_eq!((got.tag.as_str(), got.text.as_str()), (tag, text));
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

    fn languages_of(source: Option<&str>, target: Option<&str>) -> Result<Languages, ApiError> {
        let mut raw = fields(None, Some("x"));
        raw.source = source.map(str::to_owned);
        raw.target = target.map(str::to_owned);
        languages(&validate(raw).expect("valid"))
    }

    #[test]
    fn languages_default_to_detect_into_english() {
        let cases = [
            (None, None, None, "en"),
            (Some(""), Some(" "), None, "en"),
            (Some("auto"), None, None, "en"),
            (Some("FR"), Some("de"), Some("fr"), "de"),
            (Some("pt-BR"), Some("zh-TW"), Some("pt-BR"), "zh-TW"),
        ];
        for (source, target, want_source, want_target) in cases {
            let got = languages_of(source, target).expect("valid");
            assert_eq!(got.source.as_deref(), want_source, "{source:?}");
            assert_eq!(got.target, want_target);
        }
        for (source, target) in [
            (Some("french"), None),
            (Some("f"), None),
            (None, Some("e n")),
            (Some("fr;--"), None),
        ] {
            let error = languages_of(source, target).expect_err("not a language code");
            assert_eq!(error.status_and_code().1, "invalid_language");
        }
        let en = languages_of(None, None).unwrap();
        assert!(en.is_target("en") && en.is_target("en-GB") && !en.is_target("fr"));
    }

    #[test]
    fn limits_count_characters_not_bytes() {
        let at_limit = "😀".repeat(MAX_TEXT_CHARS);
        assert!(validate(fields(None, Some(&at_limit))).is_ok());
        let tag = "ü".repeat(store::MAX_TAG_CHARS);
        assert!(validate(fields(Some(&tag), Some("x"))).is_ok());
    }

    /// The two parsers over generated input: whatever the bytes, an answer
    /// and no panic; whatever the strings, exactly them back.
    mod parser_properties {
        use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
        use proptest::prelude::*;

        use super::super::{parse_form, parse_json};

        /// Any Unicode, with the characters that break naive parsers
        /// (NUL, controls, quotes, `&`, `=`, `%`, `+`) made common.
        fn text() -> impl Strategy<Value = String> {
            prop::collection::vec(
                prop_oneof![
                    any::<char>(),
                    prop::sample::select(vec![
                        '\0', '\u{7}', '\n', '\r', '"', '\\', '&', '=', '%', '+', ' ', '\u{FFFD}',
                        'é', '🦀',
                    ]),
                ],
                0..64,
            )
            .prop_map(|chars| chars.into_iter().collect())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]

            #[test]
            fn json_gives_back_exactly_what_was_encoded(id in text(), body in text()) {
                let encoded = serde_json::json!({"id": id, "text": body}).to_string();
                let fields = parse_json(encoded.as_bytes()).unwrap();
                prop_assert_eq!(fields.id.as_deref(), Some(id.as_str()));
                prop_assert_eq!(fields.text.as_deref(), Some(body.as_str()));
            }

            #[test]
            fn a_form_gives_back_exactly_what_was_encoded(id in text(), body in text()) {
                let encode = |s: &str| utf8_percent_encode(s, NON_ALPHANUMERIC).to_string();
                let encoded = format!("id={}&text={}", encode(&id), encode(&body));
                let fields = parse_form(encoded.as_bytes()).unwrap();
                prop_assert_eq!(fields.id.as_deref(), Some(id.as_str()));
                prop_assert_eq!(fields.text.as_deref(), Some(body.as_str()));
            }

            #[test]
            fn any_bytes_get_an_answer_never_a_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
                let _ = parse_json(&bytes);
                let _ = parse_form(&bytes);
            }

            #[test]
            fn a_form_never_stores_a_replacement_character_it_was_not_sent(
                bytes in prop::collection::vec(prop_oneof![any::<u8>(), Just(b'%'), Just(b'=')], 0..64)
            ) {
                let body = [b"text=".as_slice(), &bytes].concat();
                if let Ok(fields) = parse_form(&body) {
                    let decoded = percent_encoding::percent_decode(&bytes).collect::<Vec<u8>>();
                    let sent = String::from_utf8_lossy(&decoded).contains('\u{FFFD}')
                        && std::str::from_utf8(&decoded).is_ok();
                    let text = fields.text.unwrap_or_default();
                    prop_assert!(!text.contains('\u{FFFD}') || sent, "{:?} -> {:?}", bytes, text);
                }
            }
        }
    }
}
