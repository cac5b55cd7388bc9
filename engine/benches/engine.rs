//! Engine speed on one core, on text the project ships (no outside data):
//!
//!     cargo bench -p engine --bench engine
//!
//! Throughput is reported per word (spelling) and per byte (segmentation,
//! ASCII: a byte is a character). `evaluate` measures the same on the
//! development sets.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use engine::{Engine, ExtraWords};

/// Prose with about one typo in five words, punctuation and capitals kept.
const WITH_TYPOS: &str =
    "Teh quick brown fox jumpd over the lazy dog, and then it ran of into teh \
    forest. Sometimes people make speling mistakes when they are in a hurry; it is esy to mistype \
    a word, and a good corector should fix it without touching anything else. The weather was \
    realy nice yesterday, so we went for a long walk along the river and talked about our plans \
    for the next few monthes. She recieved a letter from her freind who lives in another contry.";

/// The same sentences with their spaces taken out, as segmentation input.
fn run_together() -> String {
    WITH_TYPOS
        .replace("Teh", "The")
        .replace("teh", "the")
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_lowercase()
}

/// Words of `len` letters from a fixed generator, spaced, up to `total`
/// characters: strings no dictionary word is near.
fn nonsense_words(len: usize, total: usize) -> String {
    let mut state: u32 = 12_345;
    let mut text = String::with_capacity(total);
    while text.len() + len < total {
        for _ in 0..len {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            text.push(char::from(b'a' + ((state >> 16) % 26) as u8));
        }
        text.push(' ');
    }
    text
}

fn engine(c: &mut Criterion) {
    let engine = Engine::english().expect("the embedded dictionaries load");
    let extra = ExtraWords::default();

    let mut spelling = c.benchmark_group("spelling");
    spelling.throughput(Throughput::Elements(
        WITH_TYPOS.split_whitespace().count() as u64
    ));
    spelling.bench_function("prose with typos", |b| {
        b.iter(|| engine.correct(black_box(WITH_TYPOS), &extra))
    });
    spelling.finish();

    // The worst texts the api takes (10,000 characters, its limit): one
    // word, and words of eight letters, none near a dictionary word. Any
    // search that grows with the square of a word's length shows in the
    // first (the last-resort search among rare words once took 0.4 s on
    // it); the second has the most words with no candidate.
    let one_word: String = "qwertzuiop".chars().cycle().take(10_000).collect();
    let nonsense = nonsense_words(8, 10_000);
    let mut worst = c.benchmark_group("worst case");
    worst.throughput(Throughput::Bytes(10_000));
    worst.bench_function("spelling one word", |b| {
        b.iter(|| engine.correct(black_box(&one_word), &extra))
    });
    // One letter 10,000 times: letters typed again at every letter.
    let one_letter = "a".repeat(10_000);
    worst.bench_function("spelling one letter", |b| {
        b.iter(|| engine.correct(black_box(&one_letter), &extra))
    });
    // Punctuation only, each mark a token: an address or a URL was sought
    // again through the rest at each mark (`tokenize::address_len`).
    let punctuation: String = "a@a.".chars().cycle().take(10_000).collect();
    worst.bench_function("spelling punctuation", |b| {
        b.iter(|| engine.correct(black_box(&punctuation), &extra))
    });
    // One number of 10,000 characters, its points and commas kept in
    // its token (`tokenize::word_like`): each run read once.
    let number: String = "1.".chars().cycle().take(10_000).collect();
    worst.bench_function("spelling a number", |b| {
        b.iter(|| engine.correct(black_box(&number), &extra))
    });
    worst.bench_function("spelling nonsense words", |b| {
        b.iter(|| engine.correct(black_box(&nonsense), &extra))
    });
    worst.bench_function("segmentation one word", |b| {
        b.iter(|| engine.segment(black_box(&one_word), &extra))
    });
    // An apostrophe every few letters (no cut beside any), and a word
    // run into a number 2,000 times.
    let held: String = "qwer'tzui'op".chars().cycle().take(10_000).collect();
    let with_digits: String = "word1".chars().cycle().take(10_000).collect();
    worst.bench_function("segmentation apostrophes", |b| {
        b.iter(|| engine.segment(black_box(&held), &extra))
    });
    worst.bench_function("segmentation words and numbers", |b| {
        b.iter(|| engine.segment(black_box(&with_digits), &extra))
    });
    worst.finish();

    let joined = run_together();
    let mut segmentation = c.benchmark_group("segmentation");
    segmentation.throughput(Throughput::Bytes(joined.len() as u64));
    segmentation.bench_function("run-together prose", |b| {
        b.iter(|| engine.segment(black_box(&joined), &extra))
    });
    segmentation.finish();
}

criterion_group!(benches, engine);
criterion_main!(benches);
