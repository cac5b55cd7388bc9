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

use rocket::fairing::AdHoc;
use rocket::{Build, Rocket};

pub use error::HomeError;
pub use pages::Pages;

/// Database connections home opens at most unless `DATABASE_POOL_SIZE`
/// says otherwise (the api's default is larger, for its commits). Home only
/// reads, and its reads are CPU work for the database: more connections
/// than the database has cores to run them make every query share the
/// cores, so a search that needs more work than a page waits that much
/// longer again. With few connections the requests queue here in order and each
/// runs at full speed. At a million records on the 2-core machine, 32
/// connections gave search a p99 of 57–82 ms, 2 to 6 gave 25–34 ms, at about
/// the same rate (README, *Home page at a million records*). 4 is also what
/// `ecs/` gives each task.
pub const POOL_SIZE: u32 = 4;

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
        .attach(service::database(POOL_SIZE))
        .attach(service::SecurityHeaders)
        .attach(service::Stopping)
        .attach(service::RequestLog)
        .manage(pages)
        .manage(total::TotalCache::default())
        .manage(rows::RowCache::default())
        .attach(AdHoc::on_ignite("Export reads", |rocket| async {
            // After `service::database`: the share follows the pool's size.
            let connections = rocket
                .state::<store::DatabaseConnection>()
                .map_or(POOL_SIZE, store::max_connections);
            rocket.manage(export::ExportReads::for_pool(connections))
        }))
        .mount("/", routes::routes())
        .register("/", routes::catchers())
}
