//! The answer to a successful text request: `201 Created` with the record
//! as JSON for programs, `303 See Other` to the home page for browsers.

use rocket::http::{ContentType, Header, Status};
use rocket::response::{self, Flash, Redirect, Responder, Response};
use rocket::Request;
use serde::Serialize;

use crate::negotiate::prefers_html;

pub struct Stored<T> {
    record_id: i64,
    body: T,
    /// What a browser user reads on the home page after the redirect.
    notice: String,
}

impl<T: Serialize> Stored<T> {
    pub fn new(record_id: i64, body: T, notice: String) -> Self {
        Stored {
            record_id,
            body,
            notice,
        }
    }
}

impl<'r, T: Serialize> Responder<'r, 'static> for Stored<T> {
    fn respond_to(self, request: &'r Request<'_>) -> response::Result<'static> {
        if prefers_html(request) {
            // Post/Redirect/Get: a reload of the page that follows does not
            // post the text again.
            return Flash::success(Redirect::to("/"), self.notice).respond_to(request);
        }
        let body = serde_json::to_string(&self.body).map_err(|e| {
            rocket::error!("serialising record {}: {e}", self.record_id);
            Status::InternalServerError
        })?;
        Response::build()
            .status(Status::Created)
            .header(ContentType::JSON)
            .header(Header::new(
                "Location",
                format!("/api/records/{}", self.record_id),
            ))
            .sized_body(body.len(), std::io::Cursor::new(body))
            .ok()
    }
}
