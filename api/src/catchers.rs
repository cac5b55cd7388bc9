//! What `/api/...` answers when no route did: the same error shape as
//! everything else, never Rocket's default HTML page.

use rocket::http::Status;
use rocket::response::{self, Responder};
use rocket::{Catcher, Request};

use crate::error::error_response;

pub fn catchers() -> Vec<Catcher> {
    rocket::catchers![not_found, default]
}

struct Caught(Status, String);

impl<'r> Responder<'r, 'static> for Caught {
    fn respond_to(self, request: &'r Request<'_>) -> response::Result<'static> {
        let code = match self.0.code {
            404 => "not_found",
            400..=499 => "bad_request",
            _ => "internal_error",
        };
        error_response(request, self.0, code, &self.1, None)
    }
}

#[rocket::catch(404)]
fn not_found(request: &Request<'_>) -> Caught {
    Caught(
        Status::NotFound,
        format!(
            "no such endpoint: {} {}",
            request.method(),
            request.uri().path()
        ),
    )
}

#[rocket::catch(default)]
fn default(status: Status, _request: &Request<'_>) -> Caught {
    Caught(status, status.reason_lossy().to_owned())
}
