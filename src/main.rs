//! `cargo run --release`: the whole app on http://127.0.0.1:8000, storing
//! records in `textproc.db` unless `DATABASE_URL` says otherwise.

#[rocket::main]
async fn main() -> std::process::ExitCode {
    service::init_logging();
    service::serve(textproc::app()).await
}
