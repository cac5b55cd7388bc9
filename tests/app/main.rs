//! The whole app in one process, as `cargo run` starts it: home at `/`, the
//! api at `/api`, one database.

mod browser;
mod process;

use serde_json::json;
use testkit::{on_both_backends, TestDb, TestServer, BROWSER_ACCEPT};

on_both_backends!(a_browser_form_post_lands_on_the_home_page_with_its_row);

pub async fn serve(db: &TestDb) -> TestServer {
    TestServer::spawn(textproc::app().configure(testkit::figment(db))).await
}

/// Posts one of the home page's forms as a browser without JavaScript
/// does, and follows the redirect with the cookie it keeps: the page the
/// person lands on.
async fn post_form_as_a_browser(
    server: &TestServer,
    route: &str,
    fields: &[(&str, &str)],
) -> String {
    let response = server.post_form(route, BROWSER_ACCEPT, fields).await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let cookie = response.headers()["set-cookie"].to_str().unwrap();
    let cookie = cookie.split(';').next().unwrap().to_owned();
    let page = server
        .http
        .get(server.url(&location))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    page.text().await.unwrap()
}

async fn a_browser_form_post_lands_on_the_home_page_with_its_row(db: TestDb) {
    let server = serve(&db).await;

    let html = post_form_as_a_browser(
        &server,
        "/api/space",
        &[("id", "from-the-form"), ("text", "helloworld, it's me")],
    )
    .await;
    assert!(html.contains("from-the-form"), "{html}");
    // The inserted space is marked as the change.
    assert!(
        html.contains("hello<ins> </ins>world, it&#x27;s me"),
        "{html}"
    );
    assert!(
        html.contains("Spaces inserted and stored as record"),
        "the notice: {html}"
    );
}

#[tokio::test]
async fn a_form_posted_without_javascript_is_told_the_other_words_offered() {
    let db = TestDb::sqlite();
    let server = serve(&db).await;

    let html = post_form_as_a_browser(
        &server,
        "/api/spell",
        &[("id", "no-script"), ("text", "gaet")],
    )
    .await;
    assert!(
        html.contains("Spelling corrected and stored as record 1. Also possible: gaet → get."),
        "the notice: {html}"
    );
}

#[tokio::test]
async fn the_readme_example_corrects_and_the_home_page_shows_it() {
    let db = TestDb::sqlite();
    let server = serve(&db).await;

    let response = server
        .post_json("/api/spell", &json!({"id": "t1", "text": "speling is esy"}))
        .await;
    assert_eq!(response.status(), 201);
    let record: serde_json::Value = response.json().await.unwrap();
    assert_eq!(record["processed"], "spelling is easy");

    let html = server.get("/").await.text().await.unwrap();
    assert!(
        html.contains(&format!("id=\"record-{}\"", record["id"])),
        "{html}"
    );
    assert!(
        html.contains("<ins>spelling</ins> is <ins>easy</ins>"),
        "{html}"
    );

    for path in ["/healthz", "/api/health"] {
        let health = server.get(path).await;
        assert_eq!(health.status(), 200, "{path}");
    }
}
