//! Bad input: a 4xx with the error shape, and nothing stored. In process,
//! since each case is one request.

use rocket::http::{ContentType, Status};
use rocket::local::asynchronous::Client;
use serde_json::Value;
use testkit::{on_both_backends, TestDb};

use crate::support::{error_code, local_client, stored_count};

on_both_backends!(every_bad_input_is_refused_and_nothing_is_stored);

struct Case {
    name: &'static str,
    content_type: Option<ContentType>,
    body: Vec<u8>,
    status: Status,
    code: &'static str,
}

fn json(name: &'static str, body: &str, status: Status, code: &'static str) -> Case {
    Case {
        name,
        content_type: Some(ContentType::JSON),
        body: body.as_bytes().to_vec(),
        status,
        code,
    }
}

fn form(name: &'static str, body: &str, status: Status, code: &'static str) -> Case {
    Case {
        name,
        content_type: Some(ContentType::Form),
        body: body.as_bytes().to_vec(),
        status,
        code,
    }
}

fn cases() -> Vec<Case> {
    let too_long = "a".repeat(store::MAX_TEXT_CHARS + 1);
    let long_tag = "t".repeat(store::MAX_TAG_CHARS + 1);
    vec![
        json(
            "missing text",
            r#"{"id": "a"}"#,
            Status::UnprocessableEntity,
            "text_required",
        ),
        json(
            "empty text",
            r#"{"id": "a", "text": ""}"#,
            Status::UnprocessableEntity,
            "text_required",
        ),
        json(
            "blank text",
            r#"{"text": "  \n\t "}"#,
            Status::UnprocessableEntity,
            "text_required",
        ),
        json(
            "text too long",
            &format!(r#"{{"text": "{too_long}"}}"#),
            Status::UnprocessableEntity,
            "text_too_long",
        ),
        json(
            "id too long",
            &format!(r#"{{"id": "{long_tag}", "text": "x"}}"#),
            Status::UnprocessableEntity,
            "id_too_long",
        ),
        json(
            "text not a string",
            r#"{"text": 5}"#,
            Status::UnprocessableEntity,
            "invalid_field",
        ),
        json(
            "malformed JSON",
            r#"{"text": "unterminated"#,
            Status::BadRequest,
            "malformed_json",
        ),
        json(
            "not an object",
            r#"["text"]"#,
            Status::UnprocessableEntity,
            "invalid_field",
        ),
        form(
            "form without text",
            "id=a",
            Status::UnprocessableEntity,
            "text_required",
        ),
        form(
            "form with empty text",
            "id=a&text=",
            Status::UnprocessableEntity,
            "text_required",
        ),
        form(
            "form text too long",
            &format!("text={too_long}"),
            Status::UnprocessableEntity,
            "text_too_long",
        ),
        Case {
            name: "form not UTF-8",
            content_type: Some(ContentType::Form),
            body: b"text=\xff\xfe".to_vec(),
            status: Status::BadRequest,
            code: "malformed_form",
        },
        // Rocket's own parser would store these as U+FFFD.
        form(
            "form text percent-encoding invalid UTF-8",
            "id=x&text=ab%FF%FE",
            Status::BadRequest,
            "malformed_form",
        ),
        form(
            "form tag percent-encoding a lone continuation byte",
            "id=%80&text=hello",
            Status::BadRequest,
            "malformed_form",
        ),
        Case {
            name: "plain text body",
            content_type: Some(ContentType::Plain),
            body: b"helo".to_vec(),
            status: Status::UnsupportedMediaType,
            code: "unsupported_media_type",
        },
        Case {
            name: "no content type",
            content_type: None,
            body: br#"{"text": "helo"}"#.to_vec(),
            status: Status::UnsupportedMediaType,
            code: "unsupported_media_type",
        },
        Case {
            name: "body over the limit",
            content_type: Some(ContentType::JSON),
            body: format!(r#"{{"text": "{}"}}"#, "a".repeat(200 * 1024)).into_bytes(),
            status: Status::PayloadTooLarge,
            code: "body_too_large",
        },
    ]
}

async fn post(client: &Client, path: &str, case: &Case) -> (Status, Value) {
    let mut request = client.post(path).body(&case.body);
    if let Some(content_type) = &case.content_type {
        request = request.header(content_type.clone());
    }
    let response = request.dispatch().await;
    let status = response.status();
    let body = response
        .into_json::<Value>()
        .await
        .unwrap_or_else(|| panic!("{}: no JSON body", case.name));
    (status, body)
}

async fn every_bad_input_is_refused_and_nothing_is_stored(db: TestDb) {
    let client = local_client(&db).await;
    for path in ["/api/spell", "/api/space", "/api/translate"] {
        for case in cases() {
            let (status, body) = post(&client, path, &case).await;
            assert_eq!(status, case.status, "{path}, {}: {body}", case.name);
            assert_eq!(error_code(&body), case.code, "{path}, {}", case.name);
            assert!(
                !body["error"]["message"]
                    .as_str()
                    .unwrap_or_default()
                    .is_empty(),
                "{path}, {}: a message says what to fix",
                case.name
            );
        }
    }
    assert_eq!(stored_count(&db).await, 0);
}

#[tokio::test]
async fn the_largest_valid_text_fits_the_body_limit_even_percent_encoded() {
    let db = TestDb::sqlite();
    let client = local_client(&db).await;
    // 10,000 four-byte characters, percent-encoded as a browser sends them:
    // 120,000 bytes on the wire, and still a valid request.
    let text = "😀".repeat(store::MAX_TEXT_CHARS);
    let encoded: String = text.bytes().map(|b| format!("%{b:02X}")).collect();
    let response = client
        .post("/api/space")
        .header(ContentType::Form)
        .body(format!("id=big&text={encoded}"))
        .dispatch()
        .await;
    assert_eq!(response.status(), Status::Created);
    let record: Value = response.into_json().await.unwrap();
    assert_eq!(record["original"].as_str().unwrap(), text);
}
