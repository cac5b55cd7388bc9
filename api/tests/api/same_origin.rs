//! A form on another site must not store text through a visitor's
//! browser; our own pages and programs without a page keep working.

use testkit::{on_both_backends, TestDb};

use crate::support::{served, stored_count};

on_both_backends!(posts_from_another_site_are_refused_and_store_nothing);

async fn posts_from_another_site_are_refused_and_store_nothing(db: TestDb) {
    let server = served(&db).await;
    let own = server.base.clone();
    let post = |route: &str, headers: &[(&str, &str)]| {
        let mut request = server
            .http
            .post(server.url(&format!("/api/{route}")))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("id=csrf&text=Bonjour");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.send()
    };

    let mut expected = 0;
    for (headers, status) in [
        (vec![("Origin", "https://evil.example")], 403),
        (vec![("Referer", "https://evil.example/page")], 403),
        (vec![("Origin", "null")], 403),
        // A look-alike host is another site.
        (vec![("Origin", "http://127.0.0.1.evil.example")], 403),
        // Origin decides when both are sent.
        (
            vec![
                ("Origin", "https://evil.example"),
                ("Referer", &format!("{own}/")),
            ],
            403,
        ),
        (vec![("Origin", own.as_str())], 201),
        (vec![("Referer", &format!("{own}/?before=3"))], 201),
        // curl and other programs send neither.
        (vec![], 201),
    ] {
        for route in ["spell", "space"] {
            let response = post(route, &headers).await.unwrap();
            assert_eq!(response.status(), status, "{route} with {headers:?}");
            if status == 201 {
                expected += 1;
            } else {
                let body: serde_json::Value = response.json().await.unwrap();
                assert_eq!(body["error"]["code"], "cross_site_request", "{body}");
            }
            assert_eq!(
                stored_count(&db).await,
                expected,
                "{route} with {headers:?}"
            );
        }
    }
    // Translation is refused before its backend is asked (none is set up
    // here: a 503 would mean the origin was not checked first).
    let response = post("translate", &[("Origin", "https://evil.example")])
        .await
        .unwrap();
    assert_eq!(response.status(), 403);

    // A browser sent from another site gets a page, but never a form
    // refilled with that site's text for one click to send.
    let response = post(
        "spell",
        &[
            ("Origin", "https://evil.example"),
            ("Accept", testkit::BROWSER_ACCEPT),
        ],
    )
    .await
    .unwrap();
    assert_eq!(response.status(), 403);
    let page = response.text().await.unwrap();
    assert!(page.contains("another site"), "{page}");
    assert!(
        !page.contains("<form") && !page.contains("Bonjour"),
        "{page}"
    );
}
