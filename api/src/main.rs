//! `api` serves the api; `api migrate` applies the migrations and exits.

use std::process::ExitCode;

#[rocket::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] => store::service::serve(api::rocket()).await,
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
            eprintln!("usage: api [migrate]\n  (no argument) serve the api\n  migrate       apply the database migrations and exit");
            ExitCode::from(2)
        }
    }
}
