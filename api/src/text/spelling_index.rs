//! SymSpell's index of deletes, built when the api is compiled (by
//! `build.rs`, which includes this file) and decoded at start: building it
//! takes ~0.75 s of one core, decoding it ~0.2 s.
//!
//! Only `std`, `symspell` and `postcard` may be used here, since the build
//! script compiles this file on its own.

use symspell::{AsciiStringStrategy, SymSpell, SymSpellBuilder};

pub type Index = SymSpell<AsciiStringStrategy>;

/// Edits a word may be away from its correction.
pub const MAX_EDIT_DISTANCE: i64 = 2;

/// A prefix of 6 letters (SymSpell's default is 7) finds the same
/// candidates, since every one is checked against the whole word, and
/// stores fewer deletes: measured when the index was still built at start,
/// 145 instead of 202 MiB for the process, at 335k instead of 474k words/s.
#[cfg_attr(not(test), allow(dead_code))] // build.rs's
const PREFIX_LENGTH: i64 = 6;

/// The index of `word count` entries.
#[cfg_attr(not(test), allow(dead_code))] // build.rs's; the api's tests rebuild it
pub fn build<'a>(entries: impl IntoIterator<Item = (&'a str, i64)>) -> Index {
    let mut index: Index = SymSpellBuilder::default()
        .max_dictionary_edit_distance(MAX_EDIT_DISTANCE)
        .prefix_length(PREFIX_LENGTH)
        .count_threshold(1)
        .build()
        .expect("every SymSpell builder field has a default");
    for (word, count) in entries {
        index.load_dictionary_line(&format!("{word} {count}"), 0, 1, " ");
    }
    index
}

#[allow(dead_code)] // build.rs's
pub fn encode(index: &Index) -> Vec<u8> {
    postcard::to_allocvec(index).expect("an in-memory index always serializes")
}

pub fn decode(bytes: &[u8]) -> Result<Index, postcard::Error> {
    postcard::from_bytes(bytes)
}
