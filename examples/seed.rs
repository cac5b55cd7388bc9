//! Fills a database with realistic records for the home page's benchmarks:
//! `cargo run --release --example seed -- DATABASE_URL [COUNT]` (a million
//! by default). Migrates first; adds to what is there.
//!
//! The records mix the three operations with texts and tags of ordinary
//! lengths, spread over the past year, inserted 1,000 to a statement over
//! four connections.

use std::time::Instant;

use chrono::{Duration, Utc};
use store::{NewRecord, Operation};

const BATCH: usize = 1_000;
const CONNECTIONS: usize = 4;

const WORDS: &[&str] = &[
    "the",
    "report",
    "was",
    "recieved",
    "yesterday",
    "and",
    "teh",
    "team",
    "agreed",
    "to",
    "accommodate",
    "every",
    "request",
    "before",
    "meeting",
    "garden",
    "quickly",
    "library",
    "weather",
    "government",
    "policy",
    "restaurant",
    "closed",
    "until",
    "further",
    "notice",
    "train",
    "station",
    "morning",
    "budget",
    "necessary",
    "maintain",
    "equipment",
    "bread",
    "market",
    "window",
    "wonderful",
    "collection",
    "argument",
    "committee",
];
const TAGS: &[&str] = &[
    "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
];

/// Record `n`, the same for the same `n`: a sentence of 6 to 25 words.
fn record(n: usize) -> (NewRecord, chrono::DateTime<Utc>) {
    let mut state = (n as u64)
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = || {
        state ^= state >> 33;
        state = state.wrapping_mul(0xff51afd7ed558ccd);
        state ^= state >> 33;
        state as usize
    };
    let words = 6 + next() % 20;
    let original: Vec<&str> = (0..words).map(|_| WORDS[next() % WORDS.len()]).collect();
    let sentence = original.join(" ");
    // Spacing stores the run-together text as the original.
    let (operation, original, processed, source) = match n % 3 {
        0 => (
            Operation::Spell,
            sentence.clone(),
            sentence.replace("teh", "the"),
            None,
        ),
        1 => (Operation::Space, sentence.replace(' ', ""), sentence, None),
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
    let started = Instant::now();
    let batches = count.div_ceil(BATCH);
    let mut workers = Vec::new();
    for worker in 0..CONNECTIONS {
        let db = db.clone();
        workers.push(tokio::spawn(async move {
            for batch in (worker..batches).step_by(CONNECTIONS) {
                let end = ((batch + 1) * BATCH).min(count);
                let records: Vec<_> = (batch * BATCH..end).map(record).collect();
                store::insert_records(&db, &records)
                    .await
                    .expect("inserting");
            }
        }));
    }
    for worker in workers {
        worker.await.expect("a seeding task");
    }
    let took = started.elapsed();
    println!(
        "seed: {count} records in {:.1} s ({:.0} records/s); the table holds {}",
        took.as_secs_f64(),
        count as f64 / took.as_secs_f64(),
        store::record_count(&db).await.expect("counting")
    );
}
