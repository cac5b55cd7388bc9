//! `api` serves the api; `api migrate` applies the migrations and exits;
//! `api healthcheck` asks a running api whether it is healthy (the
//! container's health check).

use std::process::ExitCode;

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
        _ => {
            eprintln!(
                "usage: api [migrate | healthcheck]\n  \
                 (no argument) serve the api\n  \
                 migrate       apply the database migrations and exit\n  \
                 healthcheck   exit 0 when the api on ROCKET_PORT answers /api/health with 200"
            );
            ExitCode::from(2)
        }
    }
}
