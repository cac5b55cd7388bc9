//! The home page served over TCP against a real database, records put
//! there through the store as the api would.

mod find;
mod hostile;
mod record_page;

use sea_orm::ConnectionTrait;
use store::{NewRecord, Operation};
use testkit::{bulk, on_both_backends, TestDb, TestServer};

on_both_backends!(
    the_table_lists_records_newest_first,
    stored_markup_is_shown_as_text,
    newer_and_older_pages_of_every_size_walk_the_same_records,
    a_large_table_says_its_total_roughly,
);

pub(crate) async fn serve(db: &TestDb) -> TestServer {
    TestServer::spawn(home::mount(rocket::custom(testkit::figment(db)))).await
}

pub(crate) async fn migrated(db: &TestDb) -> store::DatabaseConnection {
    store::migrate(&db.url).await.expect("migrate");
    store::connect(&db.url).await.expect("connect")
}

async fn insert(conn: &store::DatabaseConnection, tag: &str, original: &str) -> store::Record {
    let new = NewRecord {
        tag: tag.to_owned(),
        operation: Operation::Spell,
        original: original.to_owned(),
        processed: original.to_uppercase(),
        source_language: None,
        target_language: None,
        cache_key: None,
        idempotency: None,
    };
    store::insert_record(conn, new).await.expect("insert")
}

pub(crate) async fn get(server: &TestServer, path: &str) -> (u16, String) {
    let response = reqwest::get(server.url(path)).await.expect("GET");
    (
        response.status().as_u16(),
        response.text().await.expect("body"),
    )
}

/// The record ids in the table, in page order.
pub(crate) fn row_ids(html: &str) -> Vec<i64> {
    html.match_indices("<tr id=\"record-")
        .map(|(at, m)| {
            let rest = &html[at + m.len()..];
            rest[..rest.find('"').unwrap()].parse().unwrap()
        })
        .collect()
}

async fn the_table_lists_records_newest_first(db: TestDb) {
    let conn = migrated(&db).await;
    let first = insert(&conn, "first-tag", "older text").await;
    let second = insert(&conn, "second-tag", "newer text").await;
    let server = serve(&db).await;

    let (status, html) = get(&server, "/").await;

    assert_eq!(status, 200);
    assert_eq!(row_ids(&html), vec![second.id, first.id]);
    // The tag is shown with the date and time of the action.
    let display = second
        .created_at
        .format("%Y-%m-%d %H:%M:%S UTC")
        .to_string();
    assert!(html.contains("second-tag"), "{html}");
    assert!(html.contains(&display), "{display} in {html}");
    // The processed text, each changed word marked.
    assert!(html.contains("<ins>NEWER</ins> <ins>TEXT</ins>"), "{html}");
    assert!(html.contains("(2 stored)"));
    // The three forms post to the api routes the ALB sends to the api.
    for operation in ["spell", "space", "translate"] {
        assert!(
            html.contains(&format!("action=\"/api/{operation}\"")),
            "{operation} form"
        );
    }
}

async fn stored_markup_is_shown_as_text(db: TestDb) {
    let conn = migrated(&db).await;
    insert(
        &conn,
        "<img src=x onerror=alert(1)>",
        "<script>alert('x')</script> & \"quotes\"",
    )
    .await;
    let server = serve(&db).await;

    let (_, html) = get(&server, "/").await;

    assert!(
        !html.contains("<script>alert"),
        "stored text became markup: {html}"
    );
    assert!(!html.contains("<img src=x"), "a stored tag became markup");
    for escaped in [
        "&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2F;script&gt;",
        " &amp; ",
        "&quot;quotes&quot;",
    ] {
        assert!(html.contains(escaped), "{escaped} in {html}");
    }
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
}

#[tokio::test]
async fn healthz_says_the_table_is_missing_until_the_api_has_migrated() {
    let db = TestDb::sqlite();
    let server = serve(&db).await;

    let response = reqwest::get(server.url("/healthz")).await.unwrap();
    assert_eq!(response.status(), 503);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["database"]["error"], "the records table is missing");

    // The page says so too, rather than failing obscurely.
    let (status, html) = get(&server, "/").await;
    assert_eq!(status, 503);
    assert!(html.contains("no records table yet"), "{html}");

    store::migrate(&db.url).await.unwrap();
    let response = reqwest::get(server.url("/healthz")).await.unwrap();
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn unknown_pages_and_bad_cursors_get_readable_errors() {
    let db = TestDb::sqlite();
    migrated(&db).await;
    let server = serve(&db).await;

    let (status, html) = get(&server, "/no/such/page").await;
    assert_eq!(status, 404);
    assert!(
        html.contains("There is no page at &#x2F;no&#x2F;such&#x2F;page."),
        "{html}"
    );

    let (status, html) = get(&server, "/?before=yesterday").await;
    assert_eq!(status, 400);
    assert!(html.contains("must be a record number"), "{html}");
}

#[tokio::test]
async fn the_stylesheet_and_icon_are_served_by_home_itself() {
    let db = TestDb::sqlite();
    migrated(&db).await;
    let server = serve(&db).await;
    let response = reqwest::get(server.url("/static/style.css")).await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/css; charset=utf-8"
    );
    let icon = reqwest::get(server.url("/favicon.svg")).await.unwrap();
    assert_eq!(icon.status(), 200);
    assert_eq!(icon.headers()["content-type"], "image/svg+xml");
    assert!(icon.text().await.unwrap().starts_with("<svg"));
    let (_, html) = get(&server, "/").await;
    assert!(html.contains("<link rel=\"icon\" href=\"/favicon.svg\""));
    assert!(
        !html.contains("https://") && !html.contains("src=\"//") && !html.contains("href=\"//"),
        "no external CDN, font or icon on the page"
    );
}

#[tokio::test]
async fn the_home_binary_serves_from_its_environment_and_stops_on_sigterm() {
    let db = TestDb::sqlite();
    migrated(&db).await;
    let process = testkit::ServiceProcess::start(
        env!("CARGO_BIN_EXE_home"),
        &[("DATABASE_URL", db.url.as_str())],
        "/healthz",
    )
    .await;
    let (status, took) = process.terminate();
    assert!(status.success(), "exit status after SIGTERM: {status}");
    assert!(took.as_secs() < 5, "took {took:?} to stop");
}

/// The `href` of the link marked `rel`, if the page has one.
pub(crate) fn link(html: &str, rel: &str) -> Option<String> {
    let marker = format!("rel=\"{rel}\"");
    let at = html.find(&marker)?;
    let start = html[..at].rfind("href=\"")? + 6;
    let rest = &html[start..];
    Some(rest[..rest.find('"').unwrap()].replace("&amp;", "&"))
}

async fn newer_and_older_pages_of_every_size_walk_the_same_records(db: TestDb) {
    let conn = migrated(&db).await;
    let mut ids = Vec::new();
    for n in 0..120 {
        ids.push(insert(&conn, &format!("tag{n}"), "text").await.id);
    }
    ids.reverse();
    let server = serve(&db).await;

    for (size, sizes) in [
        (25, vec![25, 25, 25, 25, 20]),
        (50, vec![50, 50, 20]),
        (100, vec![100, 20]),
        (200, vec![120]),
    ] {
        // Back through the older pages...
        let mut path = format!("/?size={size}");
        let mut seen = Vec::new();
        let mut shown = Vec::new();
        loop {
            let (status, html) = get(&server, &path).await;
            assert_eq!(status, 200, "{path}");
            assert!(html.contains(&format!("<strong aria-current=\"true\">{size}</strong>")));
            let page = row_ids(&html);
            shown.push(page.len());
            seen.extend(page);
            if path != format!("/?size={size}") {
                assert!(
                    link(&html, "first").is_some(),
                    "a later page links back to the newest"
                );
            }
            match link(&html, "next") {
                Some(older) => path = older,
                None => break,
            }
        }
        assert_eq!(shown, sizes, "size {size}");
        assert_eq!(seen, ids, "size {size}");
        // ...and forward again through the newer ones, to the newest.
        let mut forward = Vec::new();
        loop {
            let (_, html) = get(&server, &path).await;
            let mut page = row_ids(&html);
            page.reverse();
            forward.extend(page);
            match link(&html, "prev") {
                Some(newer) => {
                    assert!(
                        newer.contains(&format!("size={size}")) || size == 50,
                        "{newer}"
                    );
                    path = newer;
                }
                None => break,
            }
        }
        let mut expected = ids.clone();
        expected.reverse();
        assert_eq!(forward, expected, "size {size}, walking forward");
    }

    for bad in [
        "/?size=7",
        "/?size=1000",
        "/?size=all",
        "/?before=5&after=3",
        "/?after=x",
    ] {
        let (status, html) = get(&server, bad).await;
        assert_eq!(status, 400, "{bad}");
        assert!(html.contains("</html>"), "{bad}: the styled page");
    }
}

async fn a_large_table_says_its_total_roughly(db: TestDb) {
    let conn = migrated(&db).await;
    let server = serve(&db).await;
    insert(&conn, "one", "text").await;
    insert(&conn, "two", "text").await;
    assert!(get(&server, "/").await.1.contains("(2 stored)"));

    bulk::insert_bulk(&conn, 11_000, |n| {
        bulk::record(
            format!("bulk{n}"),
            Operation::Space,
            "abc",
            "a b c".to_owned(),
        )
    })
    .await;
    // 11,002 rows: past the exact-count threshold, the page says "about"
    // (first from the highest id, then from a background count).
    let (status, html) = get(&server, "/").await;
    assert_eq!(status, 200);
    assert!(html.contains("(about 11,000 stored)"), "{html}");
    assert_eq!(row_ids(&html).len(), 50);
}

on_both_backends!(the_csv_export_holds_every_record_byte_for_byte);

/// Texts a naive CSV writer would break.
const AWKWARD: [&str; 5] = [
    "a, comma",
    "a \"quoted\" word",
    "two\nlines\r\nand a return",
    "naïve café 日本語 🦀",
    "=SUM(A1:A2)",
];

async fn the_csv_export_holds_every_record_byte_for_byte(db: TestDb) {
    let conn = migrated(&db).await;
    let server = serve(&db).await;

    // An empty table: the header alone.
    let empty = reqwest::get(server.url("/records.csv")).await.unwrap();
    assert_eq!(empty.status(), 200);
    let empty = empty.text().await.unwrap();
    assert_eq!(
        empty.trim_end(),
        "id,tag,operation,original,processed,source_language,target_language,created_at"
    );

    bulk::insert_bulk(&conn, 2_100, |n| {
        let text = AWKWARD[n % AWKWARD.len()];
        NewRecord {
            source_language: Some("fr".to_owned()),
            target_language: Some("en".to_owned()),
            ..bulk::record(
                format!("tag, \"{n}\""),
                Operation::Translate,
                text,
                format!("{text} ({n})"),
            )
        }
    })
    .await;

    let response = reqwest::get(server.url("/records.csv")).await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    assert!(response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    let body = response.bytes().await.unwrap();
    let mut reader = csv::Reader::from_reader(body.as_ref());
    let header = reader.headers().unwrap().clone();
    assert_eq!(header.len(), 8);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2_100, "every record, across batches");
    let mut last_id = i64::MAX;
    for row in &rows {
        let id: i64 = row[0].parse().unwrap();
        assert!(id < last_id, "newest first, each once");
        last_id = id;
        // Ids start at 1 in a fresh table, in insertion order.
        let n = (id - 1) as usize;
        let text = AWKWARD[n % AWKWARD.len()];
        assert_eq!(&row[1], format!("tag, \"{n}\""));
        assert_eq!(&row[2], "translate");
        assert_eq!(&row[3], text);
        assert_eq!(&row[4], format!("{text} ({n})"));
        assert_eq!((&row[5], &row[6]), ("fr", "en"));
    }

    // Ids with gaps, and none at 1 (an insert that failed uses one up; an
    // operator may prune): the whole-table export reads ranges of ids, and
    // still writes each record once.
    conn.execute_unprepared("DELETE FROM records WHERE id % 7 = 0 OR id < 10 OR id > 2050")
        .await
        .unwrap();
    let body = reqwest::get(server.url("/records.csv"))
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let ids: Vec<i64> = csv::Reader::from_reader(body.as_ref())
        .records()
        .map(|row| row.unwrap()[0].parse().unwrap())
        .collect();
    let kept: Vec<i64> = (10..=2050).rev().filter(|id| id % 7 != 0).collect();
    assert_eq!(ids, kept);
}
