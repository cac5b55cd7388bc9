//! `/records/<id>`: one record whole, its changes marked, its neighbours
//! linked; any id that names no record is the styled 404.

use store::{NewRecord, Operation};
use testkit::{bulk, on_both_backends, TestDb};

use crate::{get, link, migrated, row_ids, serve};

on_both_backends!(the_record_page_shows_what_changed_and_its_neighbours);

fn spelling(original: &str, processed: &str) -> NewRecord {
    bulk::record(
        "<b>me</b>".to_owned(),
        Operation::Spell,
        original,
        processed.to_owned(),
    )
}

async fn the_record_page_shows_what_changed_and_its_neighbours(db: TestDb) {
    let conn = migrated(&db).await;
    let first = store::insert_record(&conn, spelling("all is well", "all is well"))
        .await
        .unwrap();
    let middle = store::insert_record(&conn, spelling("speling is <esy>", "spelling is <easy>"))
        .await
        .unwrap();
    let last = store::insert_record(&conn, spelling("x", "x"))
        .await
        .unwrap();
    let server = serve(&db).await;

    let (status, html) = get(&server, &format!("/records/{}", middle.id)).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("<del>speling</del> is <del>&lt;esy&gt;</del>"),
        "{html}"
    );
    assert!(
        html.contains("<ins>spelling</ins> is <ins>&lt;easy&gt;</ins>"),
        "{html}"
    );
    assert!(
        html.contains("&lt;b&gt;me&lt;&#x2F;b&gt;"),
        "the tag, escaped: {html}"
    );
    assert!(html.contains(">spell<"), "the operation");
    let time = middle
        .created_at
        .format("%Y-%m-%d %H:%M:%S UTC")
        .to_string();
    assert!(html.contains(&time), "{time}");
    assert_eq!(link(&html, "prev"), Some(format!("/records/{}", last.id)));
    assert_eq!(link(&html, "next"), Some(format!("/records/{}", first.id)));

    let (_, html) = get(&server, &format!("/records/{}", first.id)).await;
    assert!(html.contains("Nothing was changed."));
    assert!(!html.contains("<del>") && !html.contains("<ins>"));
    assert_eq!(link(&html, "next"), None, "the oldest has no older record");

    for missing in [
        "999999",
        "0",
        "-1",
        "abc",
        "1.5",
        "%2e%2e%2fetc",
        "99999999999999999999",
    ] {
        let (status, html) = get(&server, &format!("/records/{missing}")).await;
        assert_eq!(status, 404, "/records/{missing}");
        assert!(html.contains("<link rel=\"stylesheet\""), "the styled page");
        assert!(html.contains("There is no record"), "{html}");
    }
}

#[tokio::test]
async fn the_table_shortens_long_texts_and_highlights_the_new_record() {
    let db = TestDb::sqlite();
    let conn = migrated(&db).await;
    let long = "word ".repeat(100);
    let short = store::insert_record(&conn, spelling("helo", "hello"))
        .await
        .unwrap();
    let stored = store::insert_record(&conn, spelling(&long, &long))
        .await
        .unwrap();
    let server = serve(&db).await;

    let (_, html) = get(&server, &format!("/?stored={}", stored.id)).await;
    assert_eq!(row_ids(&html), [stored.id, short.id]);
    assert!(html.contains(&format!("<tr id=\"record-{}\" class=\"new\">", stored.id)));
    assert!(html.contains(&format!("<tr id=\"record-{}\">", short.id)));
    assert!(
        html.contains(&format!("stored as record {}.", stored.id)),
        "the notice"
    );
    // 240 of the 500 characters, then a link to the whole text.
    assert!(
        html.contains(&format!(
            "{}… <a class=\"more\" href=\"/records/{}\">whole text</a>",
            "word ".repeat(48),
            stored.id
        )),
        "{html}"
    );
    assert!(!html.contains(&long));
    let (status, _) = get(&server, "/?stored=x").await;
    assert_eq!(status, 400);
}
