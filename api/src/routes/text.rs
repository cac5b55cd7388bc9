//! `POST /api/spell` and `POST /api/space`: one contract, a different
//! engine call.

use rocket::State;
use store::{DatabaseConnection, NewRecord, Operation, Record};

use crate::input::Submission;
use crate::stored::Stored;
use crate::text::Engine;
use crate::ApiError;

type Db = State<DatabaseConnection>;
type EngineState = State<&'static Engine>;

#[rocket::post("/spell", data = "<input>")]
pub async fn spell(
    input: Result<Submission, ApiError>,
    engine: &EngineState,
    db: &Db,
) -> Result<Stored<Record>, ApiError> {
    let work = Work {
        operation: Operation::Spell,
        run: Engine::correct,
        done: "Spelling corrected",
    };
    process(input?, work, engine, db).await
}

#[rocket::post("/space", data = "<input>")]
pub async fn space(
    input: Result<Submission, ApiError>,
    engine: &EngineState,
    db: &Db,
) -> Result<Stored<Record>, ApiError> {
    let work = Work {
        operation: Operation::Space,
        run: Engine::segment,
        done: "Spaces inserted",
    };
    process(input?, work, engine, db).await
}

/// What one route does to the text, and how it says so to a browser user.
struct Work {
    operation: Operation,
    run: fn(&Engine, &str) -> String,
    done: &'static str,
}

/// Runs the engine, stores the result, and answers with the stored record.
async fn process(
    input: Submission,
    work: Work,
    engine: &EngineState,
    db: &Db,
) -> Result<Stored<Record>, ApiError> {
    let engine: &'static Engine = engine.inner();
    let text = input.text.clone();
    // CPU-bound work goes to the blocking pool, so a 10,000-character text
    // never stalls the other requests sharing this async worker.
    let processed = tokio::task::spawn_blocking(move || (work.run)(engine, &text))
        .await
        .map_err(|e| ApiError::Engine(e.to_string()))?;
    let record = store::insert_record(
        db,
        NewRecord {
            tag: input.tag,
            operation: work.operation,
            original: input.text,
            processed,
            source_language: None,
            target_language: None,
            cache_key: None,
        },
    )
    .await?;
    let notice = format!("{} and stored as record {}.", work.done, record.id);
    Ok(Stored::new(record.id, record, notice))
}
