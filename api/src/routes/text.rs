//! `POST /api/spell` and `POST /api/space`: the same contract, a different
//! engine call.

use rocket::State;
use store::{DatabaseConnection, NewRecord, Operation, Record};

use crate::input::Submission;
use crate::stored::Stored;
use crate::text::Engine;
use crate::ApiError;

#[rocket::post("/spell", data = "<input>")]
pub async fn spell(
    input: Result<Submission, ApiError>,
    engine: &State<&'static Engine>,
    db: &State<DatabaseConnection>,
) -> Result<Stored<Record>, ApiError> {
    let input = input?;
    let engine: &'static Engine = engine.inner();
    let processed = off_the_executor(input.text.clone(), move |text| engine.correct(&text)).await?;
    store_result(db, input, Operation::Spell, processed, "Spelling corrected").await
}

#[rocket::post("/space", data = "<input>")]
pub async fn space(
    input: Result<Submission, ApiError>,
    engine: &State<&'static Engine>,
    db: &State<DatabaseConnection>,
) -> Result<Stored<Record>, ApiError> {
    let input = input?;
    let engine: &'static Engine = engine.inner();
    let processed = off_the_executor(input.text.clone(), move |text| engine.segment(&text)).await?;
    store_result(db, input, Operation::Space, processed, "Spaces inserted").await
}

/// Runs CPU-bound engine work on the blocking pool, so a 10,000-character
/// text never stalls the requests sharing its async worker.
async fn off_the_executor(
    text: String,
    work: impl FnOnce(String) -> String + Send + 'static,
) -> Result<String, ApiError> {
    tokio::task::spawn_blocking(move || work(text))
        .await
        .map_err(|e| ApiError::Engine(e.to_string()))
}

async fn store_result(
    db: &DatabaseConnection,
    input: Submission,
    operation: Operation,
    processed: String,
    done: &str,
) -> Result<Stored<Record>, ApiError> {
    let record = store::insert_record(
        db,
        NewRecord {
            tag: input.tag,
            operation,
            original: input.text,
            processed,
            source_language: None,
        },
    )
    .await?;
    let notice = format!("{done} and stored as record {}.", record.id);
    Ok(Stored::new(record.id, record, notice))
}
