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

async fn a_browser_form_post_lands_on_the_home_page_with_its_row(db: TestDb) {
    let server = serve(&db).await;

    let response = server
        .post_form(
            "/api/space",
            BROWSER_ACCEPT,
            &[("id", "from-the-form"), ("text", "helloworld, it's me")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let cookie = response.headers()["set-cookie"].to_str().unwrap();
    let cookie = cookie.split(';').next().unwrap().to_owned();

    // Following the redirect, as the browser does, with the cookie it keeps.
    let page = server
        .http
        .get(server.url(&location))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
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

    let response = server
        .post_form(
            "/api/spell",
            BROWSER_ACCEPT,
            &[("id", "no-script"), ("text", "alon")],
        )
        .await;
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
    let html = page.text().await.unwrap();
    assert!(
        html.contains("Spelling corrected and stored as record 1. Also possible: alon → alone."),
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
