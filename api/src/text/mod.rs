//! The text engine: plain Rust, no I/O, so it can be tested, fuzzed and
//! benchmarked without a server.

mod changes;
mod dictionary;
mod engine;
mod error_model;
mod extra_words;
mod lexicon;
mod memory;
#[cfg(test)]
mod properties;
mod segment;
mod sounds_like;
mod space_slips;
mod spell;
mod spelling_index;
mod tokenize;
mod word_forms;

pub use changes::{Change, Outcome};
pub use dictionary::DictionaryError;
pub use engine::Engine;
pub use extra_words::ExtraWords;
