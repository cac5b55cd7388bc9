//! `home` serves the home page; `home healthcheck` asks a running home
//! whether it is healthy (the container's health check).

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
        [] => service::serve(home::rocket()).await,
        ["healthcheck"] => service::probe("/healthz"),
        _ => {
            eprintln!(
                "usage: home [healthcheck]\n  \
                 (no argument) serve the home page\n  \
                 healthcheck   exit 0 when the home on ROCKET_PORT answers /healthz with 200"
            );
            ExitCode::from(2)
        }
    }
}
