//! What a POST route stores through: the pool (for reads such as an
//! idempotent retry's first record) and the writer that shares
//! transactions between requests (`store::Writer`), as one request guard.

use rocket::http::Status;
use rocket::request::{FromRequest, Outcome, Request};
use store::{DatabaseConnection, Writer};

pub struct Storage<'r> {
    pub db: &'r DatabaseConnection,
    pub writer: &'r Writer,
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Storage<'r> {
    type Error = ();

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, ()> {
        let rocket = request.rocket();
        match (
            rocket.state::<DatabaseConnection>(),
            rocket.state::<Writer>(),
        ) {
            (Some(db), Some(writer)) => Outcome::Success(Storage { db, writer }),
            // The fairings that manage both stop the launch when they fail.
            _ => Outcome::Error((Status::InternalServerError, ())),
        }
    }
}
