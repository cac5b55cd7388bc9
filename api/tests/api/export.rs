//! `GET /api/records?format=ndjson`: every record, one JSON object a line,
//! across the export's batches, text round-tripping exactly.

use serde_json::Value;
use store::Operation;
use testkit::{bulk, on_both_backends, TestDb};

use crate::support::served;

on_both_backends!(the_ndjson_export_holds_every_record_once_newest_first);

async fn the_ndjson_export_holds_every_record_once_newest_first(db: TestDb) {
    let server = served(&db).await;
    let conn = store::connect(&db.url).await.unwrap();
    let texts = [
        "a, comma",
        "a \"quote\"",
        "two\nlines",
        "naïve 日本語 🦀",
        "\u{0}nul",
    ];
    bulk::insert_bulk(&conn, 4_500, |n| {
        bulk::record(
            format!("t{n}"),
            Operation::Spell,
            texts[n % texts.len()],
            format!("p{n}"),
        )
    })
    .await;

    let response = server
        .http
        .get(server.url("/api/records?format=ndjson"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/x-ndjson");
    let body = response.text().await.unwrap();
    let lines: Vec<Value> = body
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 4_500, "every record, across three batches");
    let mut last_id = i64::MAX;
    for line in &lines {
        let id = line["id"].as_i64().unwrap();
        assert!(id < last_id, "newest first, each once");
        last_id = id;
        let n = (id - 1) as usize;
        assert_eq!(line["original"], texts[n % texts.len()]);
        assert_eq!(line["tag"], format!("t{n}"));
    }

    let wrong = server
        .http
        .get(server.url("/api/records?format=xml"))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 400);
}
