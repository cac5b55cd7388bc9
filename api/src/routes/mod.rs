//! One file per resource. Each handler reads like the HTTP contract:
//! parse (the `Submission` guard) → validate → run the engine → store → answer.

mod health;
mod records;
mod text;
mod translate;

use std::future::Future;

use rocket::Route;
use service::Lifecycle;

use crate::same_origin::SameOrigin;
use crate::ApiError;
pub use translate::TranslationState;

/// Around the work of every POST route: a post from another site is
/// refused before anything runs, and the work must end before a stop's
/// cut-off, which answers 503 rather than leaving the client without one.
async fn guarded<T>(
    origin: Result<SameOrigin, ApiError>,
    lifecycle: &Lifecycle,
    work: impl Future<Output = Result<T, ApiError>>,
) -> Result<T, ApiError> {
    origin?;
    lifecycle
        .before_cut_off(work)
        .await
        .unwrap_or(Err(ApiError::Stopping))
}

pub fn routes() -> Vec<Route> {
    rocket::routes![
        text::spell,
        text::space,
        translate::translate,
        records::list,
        records::export,
        records::one,
        health::health,
    ]
}
