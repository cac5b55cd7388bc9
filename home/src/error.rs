//! `HomeError`: what can go wrong rendering a page, and the one place that
//! picks its status. Browsers get a readable page, never a stack trace.

use rocket::http::{ContentType, Status};
use rocket::response::{self, Responder, Response};
use rocket::Request;

use crate::Pages;

#[derive(Debug, thiserror::Error)]
pub enum HomeError {
    #[error(transparent)]
    Store(#[from] store::Error),
    #[error("{0}")]
    BadQuery(String),
    #[error("{0}")]
    NotFound(String),
    #[error("rendering the page: {0}")]
    Render(String),
}

impl HomeError {
    fn status_and_message(&self) -> (Status, String) {
        match self {
            HomeError::Store(store::Error::Unavailable(_)) => (
                Status::ServiceUnavailable,
                "The database is unavailable right now. Please try again in a moment.".to_owned(),
            ),
            HomeError::Store(store::Error::SchemaMissing(_)) => (
                Status::ServiceUnavailable,
                "The database has no records table yet: the api creates it when it starts."
                    .to_owned(),
            ),
            HomeError::BadQuery(message) => (Status::BadRequest, message.clone()),
            HomeError::NotFound(message) => (Status::NotFound, message.clone()),
            HomeError::Store(_) | HomeError::Render(_) => (
                Status::InternalServerError,
                "Something went wrong on our side; it has been logged.".to_owned(),
            ),
        }
    }
}

impl<'r> Responder<'r, 'static> for HomeError {
    fn respond_to(self, request: &'r Request<'_>) -> response::Result<'static> {
        let (status, message) = self.status_and_message();
        if status.code >= 500 {
            rocket::error!("{} {}: {self}", request.method(), request.uri());
        }
        error_page(request, status, &message)
    }
}

/// The HTML error page, for `HomeError` and the catchers alike.
pub fn error_page(
    request: &Request<'_>,
    status: Status,
    message: &str,
) -> response::Result<'static> {
    let body = match request.rocket().state::<Pages>() {
        Some(pages) => pages.error_page(status.code, status.reason_lossy(), message),
        None => format!("{} {}", status.code, status.reason_lossy()),
    };
    Response::build()
        .status(status)
        .header(ContentType::HTML)
        .sized_body(body.len(), std::io::Cursor::new(body))
        .ok()
}
