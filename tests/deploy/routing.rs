//! What a client of the load balancer sees, whatever serves behind it
//! (processes or containers): the routing of the ALB's listener rule.

use reqwest::header::CONTENT_TYPE;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use testkit::BROWSER_ACCEPT;

/// A client that shows redirects instead of following them.
pub fn client() -> Client {
    Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

async fn get(base: &str, path: &str) -> (StatusCode, String, String) {
    let response = client()
        .get(format!("{base}{path}"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("GET {path}: {e}"));
    let status = response.status();
    let kind = response
        .headers()
        .get(CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, kind, response.text().await.unwrap())
}

/// Home answers with its HTML (the page, or its styled 404); the api with
/// JSON, its 404 included. So who answered shows in the content type.
fn answered_by_home(path: &str, kind: &str, body: &str) {
    assert!(
        kind.starts_with("text/html"),
        "{path}: home answers HTML, got {kind}: {body}"
    );
}

fn answered_by_api(path: &str, kind: &str, body: &str) {
    assert!(
        kind.starts_with("application/json"),
        "{path}: the api answers JSON, got {kind}: {body}"
    );
}

/// Every routing promise of `ecs/textproc.yaml`, checked through `base`.
pub async fn assert_routes_like_the_alb(base: &str) {
    // The default action: home.
    for path in ["/", "/?before=1000000"] {
        let (status, kind, body) = get(base, path).await;
        assert_eq!(status, 200, "{path}: {body}");
        answered_by_home(path, &kind, &body);
        assert!(
            body.contains(r#"action="/api/spell""#),
            "{path}: the forms: {body}"
        );
    }
    let (status, _, body) = get(base, "/healthz").await;
    assert_eq!(status, 200, "/healthz: {body}");
    let health: Value = serde_json::from_str(&body).unwrap();
    assert!(
        health.get("translation").is_none(),
        "home's health, not the api's: {body}"
    );

    // The listener rule: /api and /api/* to the api.
    let (status, kind, body) = get(base, "/api/health").await;
    assert_eq!(status, 200, "/api/health: {body}");
    answered_by_api("/api/health", &kind, &body);
    let health: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(health["database"]["backend"], "mysql", "{body}");
    assert!(
        health.get("translation").is_some(),
        "the api's own health: {body}"
    );

    let (status, kind, body) = get(base, "/api").await;
    assert_eq!(status, 404, "/api: {body}");
    answered_by_api("/api", &kind, &body);
    let error: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(error["error"]["code"], "not_found", "{body}");

    let created = client()
        .post(format!("{base}/api/spell"))
        .json(&json!({"id": "through-the-alb", "text": "speling is esy"}))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    let record: Value = created.json().await.unwrap();
    assert_eq!(record["processed"], "spelling is easy");

    // Patterns are case-sensitive, and /apifoo is not /api/*: home's 404.
    for path in ["/API/spell", "/apifoo", "/Api"] {
        let (status, kind, body) = get(base, path).await;
        assert_eq!(status, 404, "{path}: {body}");
        answered_by_home(path, &kind, &body);
        assert!(
            body.contains("There is no page at"),
            "{path}: home's 404 page: {body}"
        );
    }

    // A browser's form post: 303 back to home, which shows the api's row.
    let posted = client()
        .post(format!("{base}/api/spell"))
        .header("accept", BROWSER_ACCEPT)
        .form(&[
            ("id", "form-through-the-alb"),
            ("text", "a recieved letter"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(posted.status(), 303);
    let location = posted.headers()["location"].to_str().unwrap().to_owned();
    let (status, _, page) = get(base, &location).await;
    assert_eq!(status, 200, "{location}");
    assert!(
        page.contains("form-through-the-alb"),
        "the row on home's page: {page}"
    );
    assert!(
        page.contains("a <ins>received</ins> letter"),
        "the corrected text, its change marked: {page}"
    );
}
