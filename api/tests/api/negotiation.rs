//! Browsers get redirects and pages; programs get JSON.

use testkit::{TestDb, BROWSER_ACCEPT};

use crate::support::{created, served, stored_count};

#[tokio::test]
async fn a_browser_form_post_is_redirected_home_with_a_notice() {
    let db = TestDb::sqlite();
    let server = served(&db).await;

    let response = server
        .post_form(
            "/api/spell",
            BROWSER_ACCEPT,
            &[("id", "browser"), ("text", "helo wrld")],
        )
        .await;

    assert_eq!(response.status(), 303);
    let conn = store::connect(&db.url).await.unwrap();
    let id = store::newest_id(&conn).await.unwrap().expect("the record");
    assert_eq!(
        response.headers()["location"],
        format!("/?stored={id}#record-{id}").as_str()
    );
    let cookie = response.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("_flash="), "{cookie}");
    assert!(cookie.contains("stored%20as%20record"), "{cookie}");
    assert_eq!(stored_count(&db).await, 1);
}

#[tokio::test]
async fn a_client_asking_for_json_gets_json_even_for_a_form() {
    let db = TestDb::sqlite();
    let server = served(&db).await;
    let response = server
        .post_form("/api/spell", "application/json", &[("text", "helo")])
        .await;
    let record = created(response).await;
    assert_eq!(record["tag"], api::input::DEFAULT_TAG);
}

#[tokio::test]
async fn a_browser_with_bad_input_gets_a_readable_page_and_nothing_is_stored() {
    let db = TestDb::sqlite();
    let server = served(&db).await;
    let response = server
        .post_form(
            "/api/space",
            BROWSER_ACCEPT,
            &[("id", "<b>me</b>"), ("text", "   ")],
        )
        .await;
    assert_eq!(response.status(), 422);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let page = response.text().await.unwrap();
    assert!(page.contains("the field `text` is empty"), "{page}");
    assert!(page.contains("href=\"/\""), "a way back: {page}");
    assert_eq!(stored_count(&db).await, 0);
}
