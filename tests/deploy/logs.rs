//! The api's logs at their most verbose: JSON lines, one per request with
//! its id, and never the submitted text, the database password or the
//! translation key, whatever the request did.

use std::collections::HashMap;
use std::time::Duration;

use serde_json::{json, Value};
use testkit::fake_backends::{FakeBackend, Reply, GOOD_KEY};
use testkit::{PrivateMariaDb, ServiceProcess};

use crate::routing::client;
use crate::topology::binary;

const TEXT_MARKER: &str = "Qzvkxplumbrisk";
const PASSWORD: &str = "pw-Vt9#kQ2@log";
const TRACE_ID: &str = "Root=1-67891233-abcdef012345678912345678;Sampled=1";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logs_are_json_lines_with_request_ids_and_never_text_password_or_key() {
    let Some(mariadb) = PrivateMariaDb::start().await else {
        return;
    };
    let url = mariadb.user_with_password("logger", PASSWORD).await;
    // The second call gets a 200 that is not Google's contract, quoting the
    // text where a number belongs: serde's message would quote it back.
    let bad_answer = json!({"data": {"translations": format!("{TEXT_MARKER} traduit")}});
    let google = FakeBackend::start(vec![
        Reply::Translate,
        Reply::Status(200, bad_answer.to_string(), None),
    ])
    .await;
    let log = tempfile::NamedTempFile::new().unwrap();
    let mut api = ServiceProcess::start_logging(
        &binary("api"),
        &[
            ("DATABASE_URL", url.as_str()),
            ("GOOGLE_TRANSLATE_API_KEY", GOOD_KEY),
            ("GOOGLE_TRANSLATE_URL", google.server.base.as_str()),
            ("TRANSLATE_CACHE_SECS", "0"),
            ("TEXTPROC_LOG", "trace"),
        ],
        "/api/health",
        log.path(),
    )
    .await;
    let base = api.base.clone();
    let text = format!("{TEXT_MARKER} speling is esy");

    let traced = client()
        .post(format!("{base}/api/spell"))
        .header("X-Amzn-Trace-Id", TRACE_ID)
        .json(&json!({"id": "logs", "text": text}))
        .send()
        .await
        .unwrap();
    assert_eq!(traced.status(), 201);
    assert_eq!(traced.headers()["x-request-id"], TRACE_ID);
    let record_id = traced.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();

    let untraced = client()
        .post(format!("{base}/api/space"))
        .json(&json!({"id": "logs", "text": format!("{TEXT_MARKER}thequickfox")}))
        .send()
        .await
        .unwrap();
    assert_eq!(untraced.status(), 201);
    let generated = untraced.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        generated.len() == 32 && generated.bytes().all(|b| b.is_ascii_hexdigit()),
        "{generated}"
    );

    let mut statuses = Vec::new();
    for (path, content_type, body) in [
        (
            "/api/translate",
            "application/json",
            json!({"id": "logs", "text": text}).to_string(),
        ),
        (
            "/api/translate",
            "application/json",
            json!({"id": "logs", "text": text}).to_string(),
        ),
        (
            "/api/spell",
            "application/json",
            format!("{{\"id\": \"logs\", \"text\": \"{TEXT_MARKER}"),
        ),
        (
            "/api/spell",
            "application/json",
            json!({"id": "logs", "text": 7, "x": TEXT_MARKER}).to_string(),
        ),
        (
            "/api/space",
            "application/x-www-form-urlencoded",
            format!("id=logs&text={TEXT_MARKER}%FF"),
        ),
        (
            "/api/space",
            "application/x-www-form-urlencoded",
            format!("id=logs&text={TEXT_MARKER}"),
        ),
        ("/api/nowhere", "text/plain", TEXT_MARKER.to_owned()),
    ] {
        let response = client()
            .post(format!("{base}{path}"))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap();
        statuses.push(response.status().as_u16());
    }
    assert_eq!(statuses, [201, 502, 400, 422, 400, 201, 404]);

    // The exit flushes everything; the stop's own lines are logged too.
    api.send_sigterm();
    let exit = tokio::task::spawn_blocking(move || api.wait_for_exit())
        .await
        .unwrap();
    assert!(exit.success());
    tokio::time::sleep(Duration::from_millis(100)).await;
    let logged = std::fs::read_to_string(log.path()).unwrap();

    for secret in [
        TEXT_MARKER,
        &TEXT_MARKER.to_lowercase(),
        PASSWORD,
        "Vt9",
        GOOD_KEY,
    ] {
        assert!(
            !logged.contains(secret),
            "the log holds {secret:?}:\n{logged}"
        );
    }
    let lines: Vec<Value> = logged
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not a JSON line ({e}): {line}"))
        })
        .collect();
    let requests: HashMap<String, &Value> = lines
        .iter()
        .filter(|line| line["target"] == "request")
        .map(|line| (line["request_id"].as_str().unwrap().to_owned(), line))
        .collect();
    // Health polls, the two above, the seven in the table.
    assert!(requests.len() >= 9, "{} request lines", requests.len());
    let spell = requests[TRACE_ID];
    assert_eq!(spell["method"], "POST");
    assert_eq!(spell["route"], "/api/spell");
    assert_eq!(spell["status"], 201);
    assert_eq!(spell["record_id"], record_id);
    assert!(spell["latency_ms"].as_f64().unwrap() > 0.0, "{spell}");
    assert_eq!(requests[&generated]["route"], "/api/space");
    assert!(
        lines.iter().any(|line| line["level"] == "WARN"
            && line["message"].as_str().unwrap_or("").contains("SIGTERM")),
        "the stop is logged"
    );
}
