//! A client whose body never arrives: a 408 in the error shape once the
//! deadline passes, nothing stored, and the connection let go.

use std::time::{Duration, Instant};

use rocket::figment::providers::Serialized;
use serde_json::{json, Value};
use testkit::{TestDb, TestServer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::support::stored_count;

#[tokio::test]
async fn a_body_shorter_than_its_content_length_is_408_after_the_deadline() {
    let db = TestDb::sqlite();
    let figment =
        testkit::figment(&db).merge(Serialized::global("textproc_body_timeout_secs", 0.5));
    let server = TestServer::spawn(api::mount(rocket::custom(figment))).await;

    let mut stream = TcpStream::connect(server.base.trim_start_matches("http://"))
        .await
        .unwrap();
    let started = Instant::now();
    stream
        .write_all(
            b"POST /api/spell HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n\
              Content-Length: 100\r\n\r\n{\"text\": \"helo",
        )
        .await
        .unwrap();
    // The rest of the 100 bytes never comes; the server answers and closes.
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer))
        .await
        .expect("the server answers and closes the connection within 5 s")
        .unwrap();
    let took = started.elapsed();
    let answer = String::from_utf8_lossy(&answer);

    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(
        took >= Duration::from_millis(500),
        "not before the deadline: {took:?}"
    );
    let body: Value = serde_json::from_str(answer.split("\r\n\r\n").nth(1).unwrap()).unwrap();
    assert_eq!(body["error"]["code"], "body_timeout", "{body}");
    assert_eq!(stored_count(&db).await, 0);

    // The server is free for everyone else.
    let health = server.get("/api/health").await;
    assert_eq!(health.status(), 200);
}

#[tokio::test]
async fn a_body_deadline_that_is_no_number_of_seconds_stops_the_start() {
    let db = TestDb::sqlite();
    for bad in [json!(0), json!(-1), json!("forever")] {
        let figment =
            testkit::figment(&db).merge(Serialized::global("textproc_body_timeout_secs", &bad));
        let error = api::mount(rocket::custom(figment))
            .ignite()
            .await
            .expect_err("a launch error");
        // Marks the error handled (an unhandled rocket::Error panics on drop).
        let _ = error.pretty_print();
    }
}
