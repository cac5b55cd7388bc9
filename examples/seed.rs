//! Fills a database with realistic records for the home page's benchmarks:
//! `cargo run --release --example seed -- DATABASE_URL [COUNT]` (a million
//! by default). Migrates first; adds to what is there.
//!
//! The records mix the three operations with texts and tags of ordinary
//! lengths, spread over the past year, inserted 5,000 to a transaction over
//! four connections; then their search index, in its key order
//! (`store::IndexBacklog`). Their words are drawn from the engine's English
//! dictionary (82,765 words) by their real frequencies, so a word is as
//! common among the records as in English: `the` in most, `library` in
//! about one in 200, `kubrick` in one in 50,000. Searches cost what they
//! would on real text. (Until 2026-12-04 the words came from a list of 40,
//! each in a third of the records, every search word a common one.)

use std::io::{BufRead, BufReader};
use std::time::Instant;

use chrono::{Duration, Utc};
use store::{NewRecord, Operation};

const BATCH: usize = 5_000;
const CONNECTIONS: usize = 4;

const TAGS: &[&str] = &[
    "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
];

/// The engine's word list: one `word count` a line.
const DICTIONARY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/engine/dictionaries/frequency_dictionary_en_82_765.txt.gz"
);

/// English words with their running total of counts, to draw a word as
/// often as English uses it.
struct Vocabulary {
    words: Vec<String>,
    cumulative: Vec<u64>,
}

impl Vocabulary {
    fn english() -> Self {
        let file = std::fs::File::open(DICTIONARY).expect("the engine's dictionary");
        let mut vocabulary = Vocabulary {
            words: Vec::new(),
            cumulative: Vec::new(),
        };
        let mut total = 0u64;
        for line in BufReader::new(flate2::read::GzDecoder::new(file)).lines() {
            let line = line.expect("reading the dictionary");
            let mut fields = line.split_whitespace();
            let (Some(word), Some(count)) = (fields.next(), fields.next()) else {
                continue;
            };
            total += count.parse::<u64>().expect("a count");
            vocabulary.words.push(word.to_owned());
            vocabulary.cumulative.push(total);
        }
        vocabulary
    }

    /// The word at `draw`, any number, as a share of all counts.
    fn word(&self, draw: u64) -> &str {
        let total = *self.cumulative.last().expect("a word");
        let at = draw % total;
        let index = self.cumulative.partition_point(|&c| c <= at);
        &self.words[index]
    }
}

/// A typing slip in `word`: two letters swapped, or one dropped.
fn slip(word: &str, draw: usize) -> String {
    let mut letters: Vec<char> = word.chars().collect();
    let at = draw / 2 % (letters.len() - 1);
    if draw.is_multiple_of(2) {
        letters.swap(at, at + 1);
    } else {
        letters.remove(at + 1);
    }
    letters.into_iter().collect()
}

/// Record `n`, the same for the same `n`: a sentence of 6 to 25 words.
fn record(vocabulary: &Vocabulary, n: usize) -> (NewRecord, chrono::DateTime<Utc>) {
    let mut state = (n as u64)
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = || {
        state ^= state >> 33;
        state = state.wrapping_mul(0xff51afd7ed558ccd);
        state ^= state >> 33;
        state as usize
    };
    let length = 6 + next() % 20;
    let words: Vec<&str> = (0..length)
        .map(|_| vocabulary.word(next() as u64))
        .collect();
    let sentence = words.join(" ");
    // Spacing stores the run-together text as the original; the speller's
    // originals have a slip in about one word of eight.
    let (operation, original, processed, source) = match n % 3 {
        0 => {
            let typed: Vec<String> = words
                .iter()
                .map(|&w| {
                    let draw = next();
                    if w.chars().count() >= 4 && draw.is_multiple_of(8) {
                        slip(w, draw / 8)
                    } else {
                        w.to_owned()
                    }
                })
                .collect();
            (Operation::Spell, typed.join(" "), sentence, None)
        }
        1 => (Operation::Space, words.concat(), sentence, None),
        _ => (
            Operation::Translate,
            sentence.clone(),
            sentence,
            Some("fr".to_owned()),
        ),
    };
    let tag = format!("{}{}", TAGS[next() % TAGS.len()], next() % 100);
    let at = Utc::now() - Duration::seconds((next() % (365 * 24 * 3600)) as i64);
    let new = NewRecord {
        tag,
        operation,
        original,
        processed,
        target_language: source.as_ref().map(|_| "en".to_owned()),
        source_language: source,
        cache_key: None,
        idempotency: None,
    };
    (new, at)
}

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let Some(url) = args.next() else {
        eprintln!("usage: seed DATABASE_URL [COUNT]");
        std::process::exit(2);
    };
    let count: usize = args.next().map_or(1_000_000, |c| c.parse().expect("COUNT"));
    store::migrate(&url).await.expect("migrating");
    let db = store::connect(&url).await.expect("connecting");
    let vocabulary = std::sync::Arc::new(Vocabulary::english());
    let started = Instant::now();
    let batches = count.div_ceil(BATCH);
    // Each batch takes its own ids after the highest one, so the four
    // connections never contend for one.
    let first_id = store::newest_id(&db)
        .await
        .expect("reading the highest id")
        .unwrap_or(0)
        + 1;
    // The records first, with no words; their words wait in the backlog
    // and go into the search index at the end, in its key order.
    let backlog = std::sync::Arc::new(std::sync::Mutex::new(store::IndexBacklog::new(first_id)));
    let mut workers = Vec::new();
    for worker in 0..CONNECTIONS {
        let db = db.clone();
        let vocabulary = std::sync::Arc::clone(&vocabulary);
        let backlog = std::sync::Arc::clone(&backlog);
        workers.push(tokio::spawn(async move {
            for batch in (worker..batches).step_by(CONNECTIONS) {
                let end = ((batch + 1) * BATCH).min(count);
                let records: Vec<_> = (batch * BATCH..end)
                    .map(|n| record(&vocabulary, n))
                    .collect();
                let batch_id = first_id + (batch * BATCH) as i64;
                store::insert_records_unindexed(&db, batch_id, &records)
                    .await
                    .expect("inserting");
                let mut backlog = backlog.lock().expect("the backlog");
                for ((new, _), id) in records.iter().zip(batch_id..) {
                    backlog.add(id, &new.original, &new.processed);
                }
            }
        }));
    }
    for worker in workers {
        worker.await.expect("a seeding task");
    }
    let stored = started.elapsed();
    let backlog = std::sync::Arc::into_inner(backlog)
        .expect("every worker done")
        .into_inner()
        .expect("the backlog");
    let index_rows = backlog.len();
    backlog
        .write(&db, CONNECTIONS)
        .await
        .expect("writing the search index (`api reindex` finishes it)");
    let took = started.elapsed();
    println!(
        "seed: {count} records in {:.1} s ({:.0} records/s): the records in {:.1} s, \
         then {index_rows} search index rows in {:.1} s; the highest id is now {}",
        took.as_secs_f64(),
        count as f64 / took.as_secs_f64(),
        stored.as_secs_f64(),
        (took - stored).as_secs_f64(),
        // Not a count, which reads the whole table (0.3 s at a million).
        store::newest_id(&db)
            .await
            .expect("reading the highest id")
            .unwrap_or(0)
    );
}
