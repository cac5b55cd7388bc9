use rocket::figment::providers::Serialized;
use rocket::figment::Figment;
use rocket::{Build, Rocket, Shutdown};
use serde_json::Value;
use tokio::sync::oneshot;

use crate::TestDb;

/// The services' configuration pointed at `db`, on a port the OS picks,
/// quiet. Set as global values, so a `DATABASE_URL` or `ROCKET_PORT` in the
/// developer's environment can never send a test to another database.
pub fn figment(db: &TestDb) -> Figment {
    figment_for_url(&db.url)
}

/// As `figment`, for a database that is not a `TestDb` (a private server).
pub fn figment_for_url(url: &str) -> Figment {
    service::figment(&[])
        .merge(Serialized::global("database_url", url))
        .merge(Serialized::global("port", 0))
        .merge(Serialized::global("address", "127.0.0.1"))
        .merge(Serialized::global("log_level", "critical"))
        .merge(Serialized::global("cli_colors", false))
}

/// A Rocket serving on 127.0.0.1 until this value is dropped, with an HTTP
/// client that shows redirects as they are instead of following them.
pub struct TestServer {
    /// `http://127.0.0.1:PORT`
    pub base: String,
    pub http: reqwest::Client,
    shutdown: Shutdown,
}

impl TestServer {
    /// Launches `rocket` and returns once it accepts connections.
    pub async fn spawn(rocket: Rocket<Build>) -> TestServer {
        let (port_tx, port_rx) = oneshot::channel();
        let rocket = rocket.attach(rocket::fairing::AdHoc::on_liftoff(
            "Report port",
            |rocket| {
                Box::pin(async move {
                    // Rocket writes the port it bound back into its config.
                    let _ = port_tx.send((rocket.config().port, rocket.shutdown()));
                })
            },
        ));
        let server = tokio::spawn(rocket.launch());
        let (port, shutdown) = match port_rx.await {
            Ok(ready) => ready,
            Err(_) => match server.await {
                Ok(Err(e)) => panic!("the test server did not launch: {}", e.pretty_print()),
                other => panic!("the test server did not launch: {other:?}"),
            },
        };
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("an HTTP client");
        TestServer {
            base: format!("http://127.0.0.1:{port}"),
            http,
            shutdown,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.http
            .get(self.url(path))
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {path}: {e}"))
    }

    /// GET, expecting a JSON body.
    pub async fn get_json(&self, path: &str) -> Value {
        self.get(path)
            .await
            .json()
            .await
            .unwrap_or_else(|e| panic!("GET {path}: not JSON: {e}"))
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> reqwest::Response {
        self.http
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("POST {path}: {e}"))
    }

    /// A form post as curl sends it (`Accept: */*`), or as a browser does
    /// when `accept` says so.
    pub async fn post_form(
        &self,
        path: &str,
        accept: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        self.http
            .post(self.url(path))
            .header("accept", accept)
            .form(fields)
            .send()
            .await
            .unwrap_or_else(|e| panic!("POST {path}: {e}"))
    }
}

/// What a browser sends as `Accept` with a form post.
pub const BROWSER_ACCEPT: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

impl Drop for TestServer {
    fn drop(&mut self) {
        self.shutdown.clone().notify();
    }
}
