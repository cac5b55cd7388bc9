//! `home` serves the home page.

#[rocket::main]
async fn main() -> std::process::ExitCode {
    store::service::serve(home::rocket()).await
}
