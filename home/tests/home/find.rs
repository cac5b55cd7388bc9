//! Finding records: by operation, tag and words, on both backends, with
//! the filters kept in every link and in the exports.

use store::{NewRecord, Operation};
use testkit::{bulk, on_both_backends, TestDb};

use crate::{get, link, migrated, row_ids, serve};

on_both_backends!(
    filters_narrow_the_table_and_stay_in_its_links,
    a_filtered_csv_holds_only_the_matching_records,
);

/// 60 records: operations in turn, four tags, and a few words to find.
async fn fill(conn: &store::DatabaseConnection) -> Vec<NewRecord> {
    let operations = [Operation::Spell, Operation::Space, Operation::Translate];
    let make = |n: usize| {
        let words = if n.is_multiple_of(10) {
            "zebra crossing"
        } else {
            "plain words"
        };
        bulk::record(
            format!("person-{}", n % 4),
            operations[n % 3],
            &format!("{words} {n}"),
            format!("{words} {n}"),
        )
    };
    bulk::insert_bulk(conn, 60, make).await;
    (0..60).map(make).collect()
}

/// The ids (n + 1 in a fresh table) of the records `keep` selects, newest first.
fn expected(records: &[NewRecord], keep: impl Fn(&NewRecord) -> bool) -> Vec<i64> {
    let mut ids: Vec<i64> = (0..records.len())
        .filter(|&n| keep(&records[n]))
        .map(|n| n as i64 + 1)
        .collect();
    ids.reverse();
    ids
}

async fn filters_narrow_the_table_and_stay_in_its_links(db: TestDb) {
    let conn = migrated(&db).await;
    let records = fill(&conn).await;
    let server = serve(&db).await;

    let (status, html) = get(&server, "/?op=space&size=200").await;
    assert_eq!(status, 200);
    assert_eq!(
        row_ids(&html),
        expected(&records, |r| r.operation == Operation::Space)
    );
    assert!(html.contains("(filtered)"), "a filtered view says so");
    assert!(html.contains("<option value=\"space\" selected>"));

    let (_, html) = get(&server, "/?tag=person-2&size=200").await;
    assert_eq!(row_ids(&html), expected(&records, |r| r.tag == "person-2"));
    // Tags are exact.
    let (_, html) = get(&server, "/?tag=person").await;
    assert!(row_ids(&html).is_empty());
    assert!(html.contains("No records match."));

    // Words, any case, in either text; combined with the other filters.
    let zebra = |r: &NewRecord| r.original.starts_with("zebra");
    let (_, html) = get(&server, "/?q=ZEBRA&size=200").await;
    assert_eq!(row_ids(&html), expected(&records, zebra));
    let (_, html) = get(&server, "/?q=zebra+crossing&op=spell&tag=person-0").await;
    assert_eq!(
        row_ids(&html),
        expected(&records, |r| zebra(r)
            && r.operation == Operation::Spell
            && r.tag == "person-0")
    );

    // Paging a filtered view, older then newer, keeps the filter.
    let all_spell = expected(&records, |r| r.operation == Operation::Spell);
    let (_, first) = get(&server, "/?op=spell&size=25").await;
    assert_eq!(row_ids(&first), all_spell);
    let older = link(&first, "next");
    assert_eq!(older, None, "20 spell records fit one page of 25");
    let (_, first) = get(&server, "/?q=plain&size=25").await;
    let plain = expected(&records, |r| !zebra(r));
    assert_eq!(row_ids(&first), plain[..25]);
    let older = link(&first, "next").expect("an older page");
    assert!(
        older.contains("q=plain") && older.contains("size=25"),
        "{older}"
    );
    let (_, second) = get(&server, &older).await;
    assert_eq!(row_ids(&second), plain[25..50]);
    let newer = link(&second, "prev").expect("a newer page");
    assert!(newer.contains("q=plain"), "{newer}");
    let (_, back) = get(&server, &newer).await;
    assert_eq!(row_ids(&back), plain[..25]);
    // The export links carry the filter too.
    assert!(
        second.contains("href=\"/records.csv?&amp;q=plain\""),
        "{second}"
    );

    // A bad filter is the styled 400, and says why.
    let (status, html) = get(&server, "/?op=delete").await;
    assert_eq!(status, 400);
    assert!(html.contains("spell, space or translate"), "{html}");
    let nine: Vec<String> = (0..9).map(|n| format!("w{n}")).collect();
    let (status, _) = get(&server, &format!("/?q={}", nine.join("+"))).await;
    assert_eq!(status, 400);
}

async fn a_filtered_csv_holds_only_the_matching_records(db: TestDb) {
    let conn = migrated(&db).await;
    let records = fill(&conn).await;
    let server = serve(&db).await;

    let response = reqwest::get(server.url("/records.csv?op=translate&q=zebra"))
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body = response.bytes().await.unwrap();
    let mut reader = csv::Reader::from_reader(body.as_ref());
    let ids: Vec<i64> = reader
        .records()
        .map(|row| row.unwrap()[0].parse().unwrap())
        .collect();
    assert_eq!(
        ids,
        expected(&records, |r| r.operation == Operation::Translate
            && r.original.starts_with("zebra"))
    );
    let refused = reqwest::get(server.url("/records.csv?op=nope"))
        .await
        .unwrap();
    assert_eq!(refused.status(), 400);
}
