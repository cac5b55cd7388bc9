//! SymSpell's index of deletes, built when the engine is compiled (by its
//! `build.rs`) and decoded when it starts: building it takes ~0.75 s of one
//! core, decoding it ~0.2 s. A crate of its own so that the build script
//! and the engine share one definition.

use rustc_hash::{FxHashMap, FxHashSet};
use symspell::{AsciiStringStrategy, SymSpell, SymSpellBuilder};

pub type Index = SymSpell<AsciiStringStrategy>;

/// Edits a word may be away from its correction.
pub const MAX_EDIT_DISTANCE: i64 = 2;

/// A prefix of 6 letters (SymSpell's default is 7) finds the same
/// candidates, since every one is checked against the whole word, and
/// stores fewer deletes: measured when the index was still built at start,
/// 145 instead of 202 MiB for the process, at 335k instead of 474k words/s.
const PREFIX_LENGTH: i64 = 6;

/// The words the corrector takes as spelt right, each with its corpus
/// count: SymSpell's curated list, then each lowercase word of a SCOWL
/// word list that it lacks and the corpus counts (`math`, `fulfillment`,
/// `plows`). The index (at build time) and the engine's lexicon (at start)
/// are both made from this, so they agree.
pub fn right_words<'a>(
    curated: impl IntoIterator<Item = (&'a str, i64)>,
    word_list: impl IntoIterator<Item = &'a str>,
    vocabulary: impl IntoIterator<Item = (&'a str, i64)>,
) -> Vec<(&'a str, i64)> {
    let mut words: Vec<_> = curated.into_iter().collect();
    let mut known: FxHashSet<&str> = words.iter().map(|&(word, _)| word).collect();
    let counts: FxHashMap<&str, i64> = vocabulary.into_iter().collect();
    for word in word_list {
        if !word.bytes().all(|b| b.is_ascii_lowercase()) {
            continue; // names, abbreviations, possessives, accents
        }
        if let Some(&count) = counts.get(word) {
            if known.insert(word) {
                words.push((word, count));
            }
        }
    }
    words
}

/// The index of `word count` entries.
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

pub fn encode(index: &Index) -> Vec<u8> {
    postcard::to_allocvec(index).expect("an in-memory index always serializes")
}

pub fn decode(bytes: &[u8]) -> Result<Index, postcard::Error> {
    postcard::from_bytes(bytes)
}

#[cfg(test)]
mod tests {
    use super::right_words;

    #[test]
    fn a_listed_word_the_corpus_counts_is_added_once() {
        let words = right_words(
            [("the", 100), ("myth", 5)],
            ["math", "math", "the", "Boston", "cafe's", "zzyzx"],
            [("the", 100), ("math", 30), ("teh", 20), ("Boston", 9)],
        );
        assert_eq!(words, vec![("the", 100), ("myth", 5), ("math", 30)]);
    }
}
