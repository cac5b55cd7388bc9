//! Stand-ins for the paid translation services: real HTTP servers on
//! 127.0.0.1 that speak Google Cloud Translation v2's contract (and
//! LibreTranslate's), answer from a script, and count the calls that reach them.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::TestServer;
use rocket::http::{Header, Status};
use rocket::serde::json::Json;
use rocket::{Responder, State};
use serde_json::{json, Value};

/// The key the stand-in accepts.
pub const GOOD_KEY: &str = "AIzaSy-test-key-0123456789";

/// What the next call gets; once the script is used up, calls translate.
#[derive(Clone, Debug)]
pub enum Reply {
    Translate,
    /// Translate, but only after this long.
    Slow(Duration),
    /// A status with a body (and a `Retry-After`, if given).
    Status(u16, String, Option<u64>),
    /// 200 with a body that is not the contract's.
    Malformed,
    /// Translate, reporting this as the detected source language.
    Detected(String),
}

#[derive(Default)]
pub struct Script {
    replies: Mutex<VecDeque<Reply>>,
    /// The JSON body of every call that reached the server.
    calls: Mutex<Vec<Value>>,
}

pub struct FakeBackend {
    pub server: TestServer,
    script: Arc<Script>,
}

impl FakeBackend {
    pub async fn start(replies: Vec<Reply>) -> FakeBackend {
        let script = Arc::new(Script {
            replies: Mutex::new(replies.into()),
            calls: Mutex::default(),
        });
        let figment = rocket::Config::figment()
            .merge(("port", 0))
            .merge(("address", "127.0.0.1"))
            .merge(("log_level", "critical"));
        let rocket = rocket::custom(figment)
            .manage(script.clone())
            .mount("/", rocket::routes![google_v2, libretranslate]);
        FakeBackend {
            server: TestServer::spawn(rocket).await,
            script,
        }
    }

    pub fn calls(&self) -> Vec<Value> {
        self.script.calls.lock().unwrap().clone()
    }
}

/// Google's error envelope, as the v2 API sends it.
pub fn google_error(code: u16, reason: &str, message: &str) -> String {
    json!({"error": {
        "code": code,
        "message": message,
        "errors": [{"message": message, "domain": "usageLimits", "reason": reason}],
        "status": if code == 400 { "INVALID_ARGUMENT" } else { "PERMISSION_DENIED" },
    }})
    .to_string()
}

pub fn invalid_key() -> Reply {
    Reply::Status(
        400,
        google_error(
            400,
            "badRequest",
            "API key not valid. Please pass a valid API key.",
        ),
        None,
    )
}

#[derive(Responder)]
enum Answer {
    Json(Json<Value>),
    Raw((Status, String)),
    Limited((Status, String), Header<'static>),
}

/// A deterministic "translation": a few known French phrases, otherwise the
/// text marked as translated. English (by a crude guess) is detected as such.
fn translate(text: &str) -> (String, &'static str) {
    let known = [
        ("Bonjour le monde", "Hello world"),
        ("Je t'aime", "I love you"),
        ("C'est \"super\" & <bon>", "It's \"great\" & <good>"),
    ];
    if let Some((_, english)) = known.iter().find(|(french, _)| *french == text) {
        return ((*english).to_owned(), "fr");
    }
    let english_words = ["the", "is", "and", "hello", "this"];
    if text
        .split_whitespace()
        .any(|w| english_words.contains(&w.to_lowercase().as_str()))
    {
        return (format!("{text} (as English)"), "en");
    }
    (format!("EN[{text}]"), "fr")
}

/// What Google does with `format: html` (its default): escape markup.
fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

async fn next_reply(script: &Script, body: &Value) -> Reply {
    script.calls.lock().unwrap().push(body.clone());
    let reply = script
        .replies
        .lock()
        .unwrap()
        .pop_front()
        .unwrap_or(Reply::Translate);
    if let Reply::Slow(wait) = reply {
        tokio::time::sleep(wait).await;
        return Reply::Translate;
    }
    reply
}

fn scripted(reply: Reply) -> Option<Answer> {
    match reply {
        Reply::Translate | Reply::Slow(_) | Reply::Detected(_) => None,
        Reply::Malformed => Some(Answer::Raw((
            Status::Ok,
            "{\"data\": \"surprise\"}".to_owned(),
        ))),
        Reply::Status(code, body, retry_after) => {
            let status = Status::from_code(code).expect("a known status");
            Some(match retry_after {
                Some(seconds) => Answer::Limited(
                    (status, body),
                    Header::new("Retry-After", seconds.to_string()),
                ),
                None => Answer::Raw((status, body)),
            })
        }
    }
}

/// `POST /language/translate/v2`: `q` (string or list), `target`,
/// `source`, `format`; the key in `X-Goog-Api-Key` (or `?key=`).
#[rocket::post("/language/translate/v2?<key>", data = "<body>")]
async fn google_v2(
    key: Option<&str>,
    header_key: ApiKeyHeader,
    body: Json<Value>,
    script: &State<Arc<Script>>,
) -> Answer {
    let reply = next_reply(script, &body).await;
    let detected_override = match &reply {
        Reply::Detected(language) => Some(language.clone()),
        _ => None,
    };
    if let Some(answer) = scripted(reply) {
        return answer;
    }
    if key.or(header_key.0.as_deref()) != Some(GOOD_KEY) {
        return scripted(invalid_key()).expect("an error reply");
    }
    let texts: Vec<String> = match &body["q"] {
        Value::String(one) => vec![one.clone()],
        Value::Array(many) => many
            .iter()
            .map(|v| v.as_str().unwrap_or_default().to_owned())
            .collect(),
        _ => {
            return Answer::Raw((
                Status::BadRequest,
                google_error(400, "required", "Required Text"),
            ))
        }
    };
    let html = body["format"].as_str() != Some("text");
    let source = body["source"].as_str();
    let translations: Vec<Value> = texts
        .iter()
        .map(|text| {
            let (english, detected) = translate(text);
            let detected = detected_override.clone().unwrap_or(detected.to_owned());
            let english = if html { html_escape(&english) } else { english };
            match source {
                Some(_) => json!({ "translatedText": english }),
                None => json!({ "translatedText": english, "detectedSourceLanguage": detected }),
            }
        })
        .collect();
    Answer::Json(Json(json!({ "data": { "translations": translations } })))
}

/// `POST /translate`: LibreTranslate's contract for a list of texts.
#[rocket::post("/translate", data = "<body>")]
async fn libretranslate(body: Json<Value>, script: &State<Arc<Script>>) -> Answer {
    let reply = next_reply(script, &body).await;
    if let Some(answer) = scripted(reply) {
        return answer;
    }
    if body["api_key"].as_str().is_some_and(|k| k != GOOD_KEY) {
        return Answer::Raw((
            Status::Forbidden,
            json!({"error": "Invalid API key"}).to_string(),
        ));
    }
    let texts: Vec<String> = body["q"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|v| v.as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default();
    let (translated, detected): (Vec<String>, Vec<Value>) = texts
        .iter()
        .map(|text| {
            let (english, language) = translate(text);
            (english, json!({ "confidence": 90.0, "language": language }))
        })
        .unzip();
    if body["source"] == "auto" {
        Answer::Json(Json(
            json!({ "translatedText": translated, "detectedLanguage": detected }),
        ))
    } else {
        Answer::Json(Json(json!({ "translatedText": translated })))
    }
}

pub struct ApiKeyHeader(Option<String>);

#[rocket::async_trait]
impl<'r> rocket::request::FromRequest<'r> for ApiKeyHeader {
    type Error = ();

    async fn from_request(request: &'r rocket::Request<'_>) -> rocket::request::Outcome<Self, ()> {
        let key = request
            .headers()
            .get_one("x-goog-api-key")
            .map(str::to_owned);
        rocket::request::Outcome::Success(ApiKeyHeader(key))
    }
}
