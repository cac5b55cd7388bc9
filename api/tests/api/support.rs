use rocket::local::asynchronous::Client;
use serde_json::Value;
use testkit::{TestDb, TestServer};

pub fn api(db: &TestDb) -> rocket::Rocket<rocket::Build> {
    api::mount(rocket::custom(testkit::figment(db)))
}

/// The api in process: no socket, full request handling.
pub async fn local_client(db: &TestDb) -> Client {
    Client::tracked(api(db)).await.expect("the api launches")
}

/// The api on a real port.
pub async fn served(db: &TestDb) -> TestServer {
    TestServer::spawn(api(db)).await
}

/// Records in the database, read directly rather than through the api.
pub async fn stored_count(db: &TestDb) -> u64 {
    let conn = store::connect(&db.url).await.expect("connect");
    store::record_count(&conn).await.expect("count")
}

/// `{"error": {"code": …}}` → the code.
pub fn error_code(body: &Value) -> &str {
    body["error"]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("not the error shape: {body}"))
}

/// Asserts a 201 and returns the record it carries.
pub async fn created(response: reqwest::Response) -> Value {
    assert_eq!(response.status(), 201, "{:?}", response.headers());
    response.json().await.expect("a JSON record")
}
