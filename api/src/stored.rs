//! The answer to a successful text request: `201 Created` with the record
//! as JSON for programs, `303 See Other` to the home page (its row
//! highlighted) for browsers. A
//! retry with the same `Idempotency-Key` gets `200 OK` and the record first
//! stored, marked `Idempotent-Replayed: true`.

use rocket::http::{ContentType, Header, Status};
use rocket::response::{self, Flash, Redirect, Responder, Response};
use rocket::Request;
use serde::Serialize;
use store::Record;

use crate::negotiate::prefers_html;

pub struct Stored<T> {
    record_id: i64,
    body: Body<T>,
    /// What a browser user reads on the home page after the redirect.
    notice: String,
}

enum Body<T> {
    Created(T),
    /// What a retry gets: the record as `/api/records/<id>` shows it.
    Replayed(Box<Record>),
}

impl<T: Serialize> Stored<T> {
    pub fn new(record_id: i64, body: T, notice: String) -> Self {
        Stored {
            record_id,
            body: Body::Created(body),
            notice,
        }
    }

    pub fn replayed(record: Record) -> Self {
        Stored {
            record_id: record.id,
            notice: format!(
                "Already stored as record {}; nothing new was stored.",
                record.id
            ),
            body: Body::Replayed(Box::new(record)),
        }
    }
}

impl<'r, T: Serialize> Responder<'r, 'static> for Stored<T> {
    fn respond_to(self, request: &'r Request<'_>) -> response::Result<'static> {
        service::note_record_id(request, self.record_id);
        if prefers_html(request) {
            // Post/Redirect/Get: a reload of the page that follows does not
            // post the text again. Home highlights the new row and scrolls to it.
            let home = format!("/?stored={id}#record-{id}", id = self.record_id);
            return Flash::success(Redirect::to(home), self.notice).respond_to(request);
        }
        let (status, body) = match &self.body {
            Body::Created(body) => (Status::Created, serde_json::to_string(body)),
            Body::Replayed(record) => (Status::Ok, serde_json::to_string(record)),
        };
        let body = body.map_err(|e| {
            rocket::error!("serialising record {}: {e}", self.record_id);
            Status::InternalServerError
        })?;
        let mut response = Response::build();
        response
            .status(status)
            .header(ContentType::JSON)
            .header(Header::new(
                "Location",
                format!("/api/records/{}", self.record_id),
            ))
            .sized_body(body.len(), std::io::Cursor::new(body));
        if matches!(self.body, Body::Replayed(_)) {
            response.header(Header::new("Idempotent-Replayed", "true"));
        }
        response.ok()
    }
}
