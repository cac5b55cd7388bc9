//! `GET /api/records` and `GET /api/records/<id>`.

use rocket::http::{ContentType, Status};
use serde_json::Value;
use testkit::{on_both_backends, TestDb};

use crate::support::{created, error_code, local_client, served};

on_both_backends!(records_list_pages_newest_first_by_next_link);

async fn records_list_pages_newest_first_by_next_link(db: TestDb) {
    let server = served(&db).await;
    let mut ids = Vec::new();
    for n in 0..5 {
        let tag = format!("p{n}");
        let fields = [("id", tag.as_str()), ("text", "helloworld")];
        let record = created(server.post_form("/api/space", "*/*", &fields).await).await;
        ids.push(record["id"].as_i64().unwrap());
    }
    ids.reverse();

    let mut seen = Vec::new();
    let mut next = Some("/api/records?limit=2".to_owned());
    while let Some(path) = next {
        let page = server.get_json(&path).await;
        let records = page["records"].as_array().unwrap();
        assert!(records.len() <= 2);
        seen.extend(records.iter().map(|r| r["id"].as_i64().unwrap()));
        next = page["next"].as_str().map(str::to_owned);
    }
    assert_eq!(seen, ids);
}

#[tokio::test]
async fn one_record_by_id_or_a_json_404() {
    let db = testkit::TestDb::sqlite();
    let client = local_client(&db).await;
    let created = client
        .post("/api/spell")
        .header(ContentType::JSON)
        .body(r#"{"id": "one", "text": "helo"}"#)
        .dispatch()
        .await;
    let mut record: Value = created.into_json().await.unwrap();
    record.as_object_mut().unwrap().remove("changes");

    let found = client
        .get(format!("/api/records/{}", record["id"]))
        .dispatch()
        .await;
    assert_eq!(found.status(), Status::Ok);
    assert_eq!(found.into_json::<Value>().await.unwrap(), record);

    let missing = client.get("/api/records/999999").dispatch().await;
    assert_eq!(missing.status(), Status::NotFound);
    assert_eq!(error_code(&missing.into_json().await.unwrap()), "not_found");
}

#[tokio::test]
async fn bad_paging_parameters_are_a_400() {
    let db = testkit::TestDb::sqlite();
    let client = local_client(&db).await;
    for query in ["limit=0", "limit=201", "limit=ten", "before=yesterday"] {
        let response = client.get(format!("/api/records?{query}")).dispatch().await;
        assert_eq!(response.status(), Status::BadRequest, "{query}");
        assert_eq!(
            error_code(&response.into_json().await.unwrap()),
            "invalid_query",
            "{query}"
        );
    }
}

#[tokio::test]
async fn unknown_api_paths_answer_a_json_404() {
    let db = testkit::TestDb::sqlite();
    let client = local_client(&db).await;
    for path in ["/api/nope", "/api/records/not-a-number", "/api/spell"] {
        let response = client.get(path).dispatch().await;
        assert_eq!(response.status(), Status::NotFound, "{path}");
        assert_eq!(response.content_type(), Some(ContentType::JSON), "{path}");
        assert_eq!(
            error_code(&response.into_json().await.unwrap()),
            "not_found",
            "{path}"
        );
    }
}
