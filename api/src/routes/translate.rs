//! `POST /api/translate`: validated like the others; no backend yet, so a
//! valid request is refused with 503 and nothing is stored.

use crate::input::Submission;
use crate::ApiError;

#[rocket::post("/translate", data = "<input>")]
pub async fn translate(input: Result<Submission, ApiError>) -> Result<(), ApiError> {
    input?;
    Err(ApiError::TranslationNotConfigured)
}
