//! The textproc api: spelling correction, word segmentation and translation
//! over HTTP, every result stored. Mounted at `/api`, as the ALB routes it.

mod catchers;
mod error;
pub mod input;
mod negotiate;
mod routes;
mod stored;
pub mod text;

use rocket::fairing::AdHoc;
use rocket::figment::Figment;
use rocket::{Build, Rocket};

pub use error::ApiError;
use text::Engine;

/// Where the api's routes live, on its own and in the all-in-one binary.
pub const BASE: &str = "/api";

/// The api's configuration: Rocket's, plus `DATABASE_URL`.
pub fn figment() -> Figment {
    store::figment(&[])
}

/// The api on its own, as its container runs it.
pub fn rocket() -> Rocket<Build> {
    mount(rocket::custom(figment()))
}

/// Adds the api to `rocket`: migrations, the database, the text engine,
/// the routes under `/api` and their JSON catchers.
pub fn mount(rocket: Rocket<Build>) -> Rocket<Build> {
    rocket
        .attach(migrations())
        .attach(store::service::database())
        .attach(text_engine())
        .mount(BASE, routes::routes())
        .register(BASE, catchers::catchers())
}

/// Runs the migrations alone (`api migrate`), for a one-off deploy task.
pub async fn migrate_only() -> Result<(), String> {
    let url: String = figment()
        .extract_inner("database_url")
        .map_err(|e| format!("reading DATABASE_URL: {e}"))?;
    store::migrate(&url).await.map_err(|e| e.to_string())
}

/// Migrations run before anything is served; a failure stops the launch
/// with the reason rather than leaving an api that fails every request.
fn migrations() -> AdHoc {
    AdHoc::try_on_ignite("Migrations", |rocket| async move {
        let url = store::service::database_url(&rocket);
        match store::migrate(&url).await {
            Ok(()) => Ok(rocket),
            Err(e) => {
                rocket::error!("{e}");
                Err(rocket)
            }
        }
    })
}

/// Builds (or finds, if built already in this process) the English engine;
/// a corrupt dictionary stops the launch.
fn text_engine() -> AdHoc {
    AdHoc::try_on_ignite("Text engine", |rocket| async move {
        match tokio::task::spawn_blocking(Engine::english).await {
            Ok(Ok(engine)) => Ok(rocket.manage(engine)),
            Ok(Err(e)) => {
                rocket::error!("{e}");
                Err(rocket)
            }
            Err(e) => {
                rocket::error!("building the text engine panicked: {e}");
                Err(rocket)
            }
        }
    })
}
