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

/// Without JavaScript, a refused text comes back in a form beside the
/// reason, exactly as typed and escaped, ready to correct and send again.
#[tokio::test]
async fn a_refused_browser_post_gives_back_what_was_typed() {
    let db = TestDb::sqlite();
    let server = served(&db).await;
    let text = format!("\n<script>alert('x')</script> & {}", "a".repeat(10_000));
    let response = server
        .post_form(
            "/api/translate",
            BROWSER_ACCEPT,
            &[("id", "\"><b>me</b>"), ("text", &text), ("source", "fr")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    let reason = format!(
        "role=\"alert\" id=\"refused-reason\">the text has {} characters",
        text.chars().count()
    );
    assert!(page.contains(&reason), "{page}");
    assert!(
        page.contains("<form method=\"post\" action=\"/api/translate\""),
        "{page}"
    );
    // A textarea drops one newline after its tag: the page adds one.
    let escaped = format!(
        "name=\"text\" rows=\"6\">\n\n&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; {}</textarea>",
        "a".repeat(10_000)
    );
    assert!(page.contains(&escaped), "the text, escaped");
    assert!(
        page.contains("value=\"&quot;&gt;&lt;b&gt;me&lt;/b&gt;\""),
        "the id, escaped"
    );
    assert!(page.contains("name=\"source\" value=\"fr\""));
    assert!(!page.contains("<script>") && !page.contains("<b>me"));
    assert_eq!(stored_count(&db).await, 0);

    // JSON clients get the error shape, with nothing of their text.
    let json = server
        .post_form("/api/spell", "application/json", &[("text", "   ")])
        .await;
    assert_eq!(json.status(), 422);
    assert!(!json.text().await.unwrap().contains("<form"));
}
