//! `api` serves the api; `api migrate` applies the migrations and exits;
//! `api reindex FROM_ID` adds records from that id on to the search index;
//! `api healthcheck` asks a running api whether it is healthy (the
//! container's health check).

use std::process::ExitCode;

/// The system's allocator, but the engine packs its spelling index into
/// one region (`engine::Allocator`): fewer instructions at start and less
/// memory.
#[global_allocator]
static ALLOCATOR: engine::Allocator = engine::Allocator;

#[rocket::main]
async fn main() -> ExitCode {
    service::init_logging();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] => service::serve(api::rocket()).await,
        ["healthcheck"] => service::probe("/api/health"),
        ["migrate"] => match api::migrate_only().await {
            Ok(()) => {
                println!("api migrate: the database is up to date");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("api migrate: {e}");
                ExitCode::FAILURE
            }
        },
        ["reindex", from_id] => {
            match from_id.parse::<i64>() {
                Ok(from_id) => match api::reindex_only(from_id).await {
                    Ok(read) => {
                        println!("api reindex: {read} records from id {from_id} on are in the search index");
                        ExitCode::SUCCESS
                    }
                    Err(e) => {
                        eprintln!("api reindex: {e}");
                        ExitCode::FAILURE
                    }
                },
                Err(_) => usage(),
            }
        }
        _ => usage(),
    }
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: api [migrate | reindex FROM_ID | healthcheck]\n  \
         (no argument) serve the api\n  \
         migrate       apply the database migrations and exit\n  \
         reindex ID    add the words of the records from ID on to the search index\n  \
         healthcheck   exit 0 when the api on ROCKET_PORT answers /api/health with 200"
    );
    ExitCode::from(2)
}
