//! Hostile clients of the home page over TCP, byte by byte: every answer
//! is home's styled HTML page (or its health JSON), markup in a path or
//! query never comes back as markup, and nothing is written.

use std::time::Duration;

use testkit::raw_http::{self, request};
use testkit::{on_both_backends, TestDb};

use super::{insert, migrated, serve};

on_both_backends!(hostile_requests_get_home_s_pages_and_change_nothing);

fn get(path: &str) -> Vec<u8> {
    request("GET", path, &[], b"")
}

async fn hostile_requests_get_home_s_pages_and_change_nothing(db: TestDb) {
    let conn = migrated(&db).await;
    insert(&conn, "only", "the one record").await;
    let server = serve(&db).await;
    let padding = "p".repeat(64 * 1024);
    let form = [("Content-Type", "application/x-www-form-urlencoded")];
    let cases: Vec<(&str, Vec<u8>, u16)> = vec![
        ("a cursor that is not a number", get("/?before=abc"), 400),
        (
            "a cursor out of range",
            get("/?before=99999999999999999999999"),
            400,
        ),
        ("SQL in the cursor", get("/?before=1%20OR%201=1"), 400),
        (
            "markup in the cursor",
            get("/?before=%3Cscript%3Ealert(1)%3C/script%3E"),
            400,
        ),
        ("a negative cursor", get("/?before=-1"), 200),
        ("an unknown parameter", get("/?admin=1&debug=true"), 200),
        ("path traversal", get("/../../etc/passwd"), 404),
        ("traversal into static", get("/static/../Cargo.toml"), 404),
        (
            "encoded traversal",
            get("/static/%2e%2e/%2e%2e/Cargo.toml"),
            404,
        ),
        (
            "markup in the path",
            get("/%3Cscript%3Ealert(1)%3C/script%3E"),
            404,
        ),
        (
            "a form posted to home",
            request("POST", "/", &form, b"text=hi"),
            404,
        ),
        ("DELETE", request("DELETE", "/", &[], b""), 404),
        ("an unknown method", request("BREW", "/", &[], b""), 400),
        (
            "a 64 KiB header",
            request("GET", "/", &[("X-Padding", &padding)], b""),
            200,
        ),
    ];
    let mut failures = Vec::new();
    for (name, bytes, status) in cases {
        let response = raw_http::send(&server.base, &bytes, Duration::from_secs(10)).await;
        let html = String::from_utf8_lossy(&response.body);
        let is_html = response
            .header("content-type")
            .is_some_and(|kind| kind.starts_with("text/html"));
        if response.status != Some(status) || !is_html || !html.contains("</html>") {
            failures.push(format!("{name}: {:?} {response:?}", response.status));
        } else if html.contains("<script>alert") {
            failures.push(format!("{name}: markup came back as markup"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    let health = raw_http::send(
        &server.base,
        &get("/healthz?x=%27%20OR%201=1"),
        Duration::from_secs(10),
    )
    .await;
    assert_eq!(health.status, Some(200), "{health:?}");
    assert_eq!(store::record_count(&conn).await.unwrap(), 1);
}
