//! textproc's text engine: spelling correction and word segmentation of
//! English, over dictionaries compiled into the binary.
//!
//! Plain Rust with no I/O (the crate's `clippy.toml` refuses file, network
//! and environment access, and CI runs clippy with `-D warnings`), so it can
//! be tested, fuzzed and benchmarked without a server. The whole API:
//!
//! ```
//! use engine::{Engine, ExtraWords};
//!
//! let engine = Engine::english()?; // built once per process, under a second
//! let none = ExtraWords::default();
//! assert_eq!(engine.correct("teh wrold", &none).text, "the world");
//! let spaced = engine.segment("thequickbrownfox", &none);
//! assert_eq!(spaced.text, "the quick brown fox");
//! assert_eq!(spaced.changes.len(), 3); // one `Change` per space put in
//! # Ok::<(), engine::DictionaryError>(())
//! ```
//!
//! A binary may also make [`Allocator`] its global allocator, as the api
//! does: the spelling index is then packed into one region, which takes
//! 42 MiB less memory and starts faster.
//!
//! The model's tuning constants, each with the reason for its value, are
//! in [`model`].

#![warn(missing_docs)]

mod accents;
mod american_spelling;
mod arena;
mod by_first_letter;
mod candidates;
mod case;
mod changes;
mod decided;
mod dictionary;
mod engine;
mod error_model;
mod extra_words;
mod irregular_forms;
mod letters;
mod lexicon;
mod lost_capital;
mod memory;
pub mod model;
mod near_words;
mod numbers;
#[cfg(test)]
mod properties;
mod roman_numerals;
mod segment;
mod shift_slips;
mod sounds_like;
mod space_slips;
mod spell;
mod tokenize;
mod word_forms;
mod word_table;

pub use arena::Allocator;
pub use changes::{Change, Outcome};
pub use dictionary::DictionaryError;
pub use engine::Engine;
pub use extra_words::ExtraWords;
