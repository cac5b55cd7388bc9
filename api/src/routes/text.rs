//! `POST /api/spell` and `POST /api/space`: one contract, a different
//! engine call.

use std::sync::Arc;

use rocket::State;
use serde::Serialize;
use service::Lifecycle;
use store::{NewRecord, Operation, Record};

use crate::idempotency::{self, IdempotencyKey, Inserted};
use crate::input::Submission;
use crate::same_origin::SameOrigin;
use crate::storage::Storage;
use crate::stored::Stored;
use crate::ApiError;
use engine::{Change, Engine, ExtraWords, Outcome};

type EngineState = State<&'static Engine>;
type Extra = State<Arc<ExtraWords>>;

#[rocket::post("/spell", data = "<input>")]
pub async fn spell(
    input: Result<Submission, ApiError>,
    key: Result<IdempotencyKey, ApiError>,
    origin: Result<SameOrigin, ApiError>,
    engine: &EngineState,
    extra: &Extra,
    storage: Storage<'_>,
    lifecycle: &State<Lifecycle>,
) -> Result<Stored<Answer>, ApiError> {
    let work = Work {
        operation: Operation::Spell,
        run: Engine::correct,
        done: "Spelling corrected",
    };
    let work = async { process(input?, key?, work, engine, extra, &storage).await };
    super::guarded(origin, lifecycle, work).await
}

#[rocket::post("/space", data = "<input>")]
pub async fn space(
    input: Result<Submission, ApiError>,
    key: Result<IdempotencyKey, ApiError>,
    origin: Result<SameOrigin, ApiError>,
    engine: &EngineState,
    extra: &Extra,
    storage: Storage<'_>,
    lifecycle: &State<Lifecycle>,
) -> Result<Stored<Answer>, ApiError> {
    let work = Work {
        operation: Operation::Space,
        run: Engine::segment,
        done: "Spaces inserted",
    };
    let work = async { process(input?, key?, work, engine, extra, &storage).await };
    super::guarded(origin, lifecycle, work).await
}

/// Texts up to this many bytes (a sentence or two) are processed on the
/// request's own task. At 280k words/s the engine needs under 0.2 ms for
/// them, less than a round trip through the blocking pool costs in thread
/// switches and wake-ups (README, *Load*, has the figures).
const INLINE_BYTES: usize = 256;

/// What one route does to the text, and how it says so to a browser user.
struct Work {
    operation: Operation,
    run: fn(&Engine, &str, &ExtraWords) -> Outcome,
    done: &'static str,
}

/// The stored record, and what the engine changed to make it: answered,
/// not stored, as the record keeps the text (the words offered after a
/// correction, `Change::replacements`, are this answer's alone).
#[derive(Serialize)]
pub struct Answer {
    #[serde(flatten)]
    record: Record,
    changes: Vec<Change>,
}

/// Runs the engine, stores the result, and answers with the stored record.
async fn process(
    input: Submission,
    key: IdempotencyKey,
    work: Work,
    engine: &EngineState,
    extra: &Extra,
    storage: &Storage<'_>,
) -> Result<Stored<Answer>, ApiError> {
    let idempotency = key.for_request(work.operation, &input);
    if let Some(record) = idempotency::earlier(storage.db, idempotency.as_ref()).await? {
        return Ok(Stored::replayed(record));
    }
    let engine: &'static Engine = engine.inner();
    let outcome = if input.text.len() <= INLINE_BYTES {
        (work.run)(engine, &input.text, extra.inner())
    } else {
        // A long text goes to the blocking pool, so a 10,000-character one
        // never stalls the other requests sharing this async worker.
        let extra = Arc::clone(extra.inner());
        let text = input.text.clone();
        tokio::task::spawn_blocking(move || (work.run)(engine, &text, &extra))
            .await
            .map_err(|e| ApiError::Engine(e.to_string()))?
    };
    let inserted = idempotency::insert(
        storage,
        NewRecord {
            tag: input.tag,
            operation: work.operation,
            original: input.text,
            processed: outcome.text,
            source_language: None,
            target_language: None,
            cache_key: None,
            idempotency,
        },
    )
    .await?;
    let record = match inserted {
        Inserted::Fresh(record) => record,
        Inserted::Earlier(record) => return Ok(Stored::replayed(record)),
    };
    let notice = format!(
        "{} and stored as record {}.{}",
        work.done,
        record.id,
        also_possible(&outcome.changes)
    );
    let answer = Answer {
        record,
        changes: outcome.changes,
    };
    Ok(Stored::new(answer.record.id, answer, notice))
}

/// Most corrections whose other words a browser user is told of: the
/// notice travels in a cookie.
const ALSO_POSSIBLE_IN_NOTICE: usize = 5;

/// For a browser user, who sees the corrected text and not its `changes`:
/// the other words offered after each correction (` Also possible: alon →
/// alone.`), or nothing. `home/static/app.js` writes the same for a post
/// made in the background.
fn also_possible(changes: &[Change]) -> String {
    let offered: Vec<String> = changes
        .iter()
        .filter(|change| change.replacements.len() > 1)
        .take(ALSO_POSSIBLE_IN_NOTICE)
        .map(|change| {
            let others = change.replacements[1..].join(" or ");
            format!("{} → {others}", change.original)
        })
        .collect();
    if offered.is_empty() {
        String::new()
    } else {
        format!(" Also possible: {}.", offered.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::also_possible;
    use engine::Change;

    fn change(original: &str, replacements: &[&str]) -> Change {
        Change {
            offset: 0,
            length: original.chars().count(),
            original: original.to_owned(),
            replacements: replacements.iter().map(|r| r.to_string()).collect(),
        }
    }

    #[test]
    fn a_browser_user_is_told_the_other_words_offered() {
        let changes = [
            change("alon", &["along", "alone"]),
            change("speling", &["spelling"]),
            change("rach", &["each", "reach", "ranch"]),
        ];
        assert_eq!(
            also_possible(&changes),
            " Also possible: alon → alone; rach → reach or ranch."
        );
        assert_eq!(also_possible(&changes[1..2]), "");
        // A few at most: the notice travels in a cookie.
        let many = vec![change("alon", &["along", "alone"]); 9];
        assert_eq!(also_possible(&many).matches('→').count(), 5);
    }
}
