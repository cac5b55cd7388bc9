//! The textproc home page: every stored record, newest first, and the forms
//! that post text to the api. Mounted at `/`, as the ALB routes it.

mod diff;
mod error;
mod export;
mod pages;
mod record_page;
mod routes;
mod rows;
mod total;

use rocket::{Build, Rocket};

pub use error::HomeError;
pub use pages::Pages;

/// Rows on one page of the records table.
pub const PAGE_SIZE: u64 = 50;

/// The home page on its own, as its container runs it.
pub fn rocket() -> Rocket<Build> {
    mount(rocket::custom(service::figment(&[])))
}

/// Adds the home page to `rocket`: the database (shared if the api opened
/// it already), the templates, the routes and HTML catchers under `/`.
/// Home never migrates: until the api has, `/healthz` says so.
pub fn mount(rocket: Rocket<Build>) -> Rocket<Build> {
    let pages = Pages::new().expect("the embedded templates parse (checked by the home tests)");
    rocket
        .attach(service::database())
        .attach(service::SecurityHeaders)
        .attach(service::Stopping)
        .attach(service::RequestLog)
        .manage(pages)
        .manage(total::TotalCache::default())
        .manage(rows::RowCache::default())
        .mount("/", routes::routes())
        .register("/", routes::catchers())
}
