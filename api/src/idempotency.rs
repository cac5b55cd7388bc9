//! `Idempotency-Key` on the three POST routes: a client may retry any
//! failure safely. The same key with the same request answers the record
//! first stored for it (200, `Idempotent-Replayed: true`) and stores
//! nothing new; the same key with another request is refused (422). A
//! unique index on the key makes two concurrent retries store one row.

use rocket::http::Status;
use rocket::request::{FromRequest, Outcome, Request};
use sha2::{Digest, Sha256};
use store::{DatabaseConnection, Idempotency, NewRecord, Operation, Record};

use crate::input::Submission;
use crate::storage::Storage;
use crate::ApiError;

/// The header, as Stripe and the IETF draft name it.
pub const HEADER: &str = "Idempotency-Key";
/// Room for a UUID, a ULID or a client's own scheme.
pub const MAX_KEY_CHARS: usize = 255;

/// The client's key, if it sent one, checked: 1 to 255 visible ASCII
/// characters.
pub struct IdempotencyKey(pub Option<String>);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for IdempotencyKey {
    type Error = ApiError;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, ApiError> {
        let Some(key) = request.headers().get_one(HEADER) else {
            return Outcome::Success(IdempotencyKey(None));
        };
        let visible_ascii = key.bytes().all(|b| b.is_ascii_graphic());
        if key.is_empty() || key.len() > MAX_KEY_CHARS || !visible_ascii {
            let error = ApiError::InvalidIdempotencyKey(format!(
                "the {HEADER} header must be 1 to {MAX_KEY_CHARS} visible ASCII characters \
                 (a UUID, for example)"
            ));
            return Outcome::Error((Status::BadRequest, error));
        }
        Outcome::Success(IdempotencyKey(Some(key.to_owned())))
    }
}

impl IdempotencyKey {
    /// The key with a digest of everything the request asks for, so a
    /// reuse of the key for another request can be told from a retry.
    pub fn for_request(self, operation: Operation, input: &Submission) -> Option<Idempotency> {
        let key = self.0?;
        let fields = [
            Some(operation.as_str()),
            Some(input.tag.as_str()),
            Some(input.text.as_str()),
            input.source.as_deref(),
            input.target.as_deref(),
        ];
        // JSON of the list: unambiguous wherever a field ends.
        let request = serde_json::to_vec(&fields).expect("a list of strings serialises");
        let request_digest = crate::digest::hex(&Sha256::digest(&request));
        Some(Idempotency {
            key,
            request_digest,
        })
    }
}

/// The record this request stored before, when it is a retry.
pub async fn earlier(
    db: &DatabaseConnection,
    idempotency: Option<&Idempotency>,
) -> Result<Option<Record>, ApiError> {
    let Some(idempotency) = idempotency else {
        return Ok(None);
    };
    match store::record_by_idempotency_key(db, &idempotency.key).await? {
        None => Ok(None),
        Some(record) if record.request_digest.as_ref() == Some(&idempotency.request_digest) => {
            Ok(Some(record))
        }
        Some(_) => Err(ApiError::IdempotencyKeyReused),
    }
}

/// What storing a request's result came to.
pub enum Inserted {
    Fresh(Record),
    /// A concurrent retry with the same key stored it first.
    Earlier(Record),
}

/// Stores `new`; when a concurrent request with the same key won the race
/// to the unique index, answers its record instead of a second row.
pub async fn insert(storage: &Storage<'_>, new: NewRecord) -> Result<Inserted, ApiError> {
    let idempotency = new.idempotency.clone();
    match storage.writer.insert(new).await {
        Ok(record) => Ok(Inserted::Fresh(record)),
        Err(store::Error::Duplicate(detail)) => {
            match earlier(storage.db, idempotency.as_ref()).await? {
                Some(record) => Ok(Inserted::Earlier(record)),
                None => Err(ApiError::Store(store::Error::Duplicate(detail))),
            }
        }
        Err(e) => Err(e.into()),
    }
}
