use rocket::figment::providers::Serialized;
use rocket::figment::Figment;
use rocket::{Build, Rocket, Shutdown};
use tokio::sync::oneshot;

use crate::TestDb;

/// The services' configuration pointed at `db`, on a port the OS picks,
/// quiet. Set as global values, so a `DATABASE_URL` or `ROCKET_PORT` in the
/// developer's environment can never send a test to another database.
pub fn figment(db: &TestDb) -> Figment {
    store::figment(&[])
        .merge(Serialized::global("database_url", &db.url))
        .merge(Serialized::global("port", 0))
        .merge(Serialized::global("address", "127.0.0.1"))
        .merge(Serialized::global("log_level", "critical"))
        .merge(Serialized::global("cli_colors", false))
}

/// A Rocket serving on 127.0.0.1 until this value is dropped.
pub struct TestServer {
    /// `http://127.0.0.1:PORT`
    pub base: String,
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
        TestServer {
            base: format!("http://127.0.0.1:{port}"),
            shutdown,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.shutdown.clone().notify();
    }
}
