//! `cargo run --release`: the whole app on http://127.0.0.1:8000, storing
//! records in `textproc.db` unless `DATABASE_URL` says otherwise.

/// The system's allocator, but the engine packs its spelling index into
/// one region (`engine::Allocator`): fewer instructions at start and less
/// memory.
#[global_allocator]
static ALLOCATOR: engine::Allocator = engine::Allocator;

#[rocket::main]
async fn main() -> std::process::ExitCode {
    service::init_logging();
    service::serve(textproc::app()).await
}
