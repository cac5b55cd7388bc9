//! The embedded English dictionaries (see dictionaries/NOTICE): SymSpell's
//! curated words, wordsegment's wider vocabulary, and the word pairs and
//! commonest word triples of CMU Sphinx's English language model.

use std::io::Read;

use flate2::read::GzDecoder;
use rustc_hash::FxHashSet;
use spelling_index::{WordPairs, WordTriples};

use crate::memory;

static UNIGRAMS_GZ: &[u8] = include_bytes!("../dictionaries/frequency_dictionary_en_82_765.txt.gz");
/// The word pairs, as build.rs encoded them (`spelling_index::WordPairs`).
static WORD_PAIRS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/word-pairs.postcard"));
/// The word triples, as build.rs encoded them (`spelling_index::WordTriples`).
static WORD_TRIPLES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/word-triples.postcard"));

#[cfg(test)]
static WORD_LIST_GZ: &[u8] = include_bytes!("../dictionaries/scowl_en_us_hunspell.txt.gz");
static VOCABULARY_GZ: &[u8] = include_bytes!("../dictionaries/wordsegment_unigrams_333k.txt.gz");

/// Entries in the files as shipped (the first's name says 82,765).
const UNIGRAM_ENTRIES: usize = 82_834;
const PAIR_ENTRIES: usize = 2_045_800;
const TRIPLE_ENTRIES: usize = 800_000;
const VOCABULARY_ENTRIES: usize = 333_213;
#[cfg(test)]
const WORD_LIST_ENTRIES: usize = 166_791;

/// The words build.rs took from the SCOWL list (`spelling_index::right_words`).
static LISTED: &str = include_str!(concat!(env!("OUT_DIR"), "/listed-words.txt"));
/// The curated names build.rs left out of the words spelt right.
static LEFT_OUT: &str = include_str!(concat!(env!("OUT_DIR"), "/left-out-words.txt"));
/// The curated words SCOWL writes only with capitals (`spelling_index::names`).
static NAMES: &str = include_str!(concat!(env!("OUT_DIR"), "/names.txt"));
/// The SCOWL list's words too rare to count (`spelling_index::rare_listed_words`).
static RARE_LISTED: &str = include_str!(concat!(env!("OUT_DIR"), "/rare-listed-words.txt"));

/// An embedded dictionary (or the index built from one) that does not
/// load exactly: the engine refuses to start rather than know fewer words.
#[derive(Debug, Clone, thiserror::Error)]
#[error("the {name} dictionary is corrupt: {reason}")]
pub struct DictionaryError {
    /// Which one (`word-frequency`, `word pairs`, `vocabulary`, `spelling index`).
    pub name: &'static str,
    /// What is wrong with it.
    pub reason: String,
}

/// One decompressed dictionary, checked; its entries borrow from its
/// text, so parsing allocates nothing per entry.
#[derive(Debug)]
pub struct Dictionary {
    text: String,
    /// Byte offset and length of each key, and its count.
    entries: Vec<(usize, usize, i64)>,
}

impl Dictionary {
    /// `(key, count)` for every entry, in the file's order (commonest
    /// first).
    pub fn entries(&self) -> impl ExactSizeIterator<Item = (&str, i64)> {
        self.entries
            .iter()
            .map(|&(at, len, count)| (&self.text[at..at + len], count))
    }
}

/// `word count` lines, checked.
pub fn unigrams() -> Result<Dictionary, DictionaryError> {
    let parsed = parse("word-frequency", UNIGRAMS_GZ, 1, UNIGRAM_ENTRIES);
    memory::release(UNIGRAMS_GZ);
    parsed
}

/// wordsegment's 333,213 commonest words of the same corpus, with the
/// same counts: the words people write that the curated list lacks
/// (`math`, `fulfillment`, `zakopane`), and the typos they write most
/// (`teh`), so they are for the odds of a word, never for whether it is
/// spelt right.
pub fn vocabulary() -> Result<Dictionary, DictionaryError> {
    let parsed = parse("vocabulary", VOCABULARY_GZ, 1, VOCABULARY_ENTRIES);
    memory::release(VOCABULARY_GZ);
    parsed
}

/// The curated words that SCOWL writes only with a capital (`mary`,
/// `chanel`, `nasa`): names, which the corrector leaves alone when they are
/// written as names, and whose forms the lexicon marks
/// (`Lexicon::is_name_form`). Those build.rs left out of the words spelt
/// right (`ned`, `thant`) are among them.
pub fn names() -> FxHashSet<&'static str> {
    NAMES.lines().collect()
}

/// The SCOWL list's words that no one counts (`abstainer`, `untanned`):
/// spelt right, never offered as a correction.
pub fn rare_listed_words() -> impl Iterator<Item = &'static str> {
    RARE_LISTED.lines()
}

/// The curated words but the names build.rs left out, then the words it
/// added from SCOWL's list with their vocabulary counts: every word spelt
/// right (`spelling_index::right_words`).
pub fn with_listed_words(unigrams: &Dictionary) -> Result<Vec<(&str, i64)>, DictionaryError> {
    let left_out: FxHashSet<&str> = LEFT_OUT.lines().collect();
    let mut words: Vec<_> = unigrams
        .entries()
        .filter(|(word, _)| !left_out.contains(word))
        .collect();
    for line in LISTED.lines() {
        let listed = line
            .rsplit_once(' ')
            .and_then(|(word, count)| Some((word, count.parse().ok()?)));
        words.push(listed.ok_or_else(|| DictionaryError {
            name: "listed words",
            reason: format!("bad line {line:?}; rebuild the api"),
        })?);
    }
    Ok(words)
}

/// SCOWL's American English spell-checking dictionary (Debian's
/// `hunspell-en-us`, expanded; no variant spellings): words spelt right,
/// without counts. Only the tests
/// read it: build.rs takes what it adds (`right_words`).
#[cfg(test)]
pub fn word_list() -> Result<WordList, DictionaryError> {
    let name = "word list";
    let corrupt = |reason: String| DictionaryError { name, reason };
    let mut text = String::new();
    GzDecoder::new(WORD_LIST_GZ)
        .read_to_string(&mut text)
        .map_err(|e| corrupt(format!("cannot decompress: {e}")))?;
    memory::release(WORD_LIST_GZ);
    let lines = text.lines().count();
    if lines != WORD_LIST_ENTRIES {
        return Err(corrupt(format!(
            "{lines} entries, expected {WORD_LIST_ENTRIES}"
        )));
    }
    Ok(WordList { text })
}

/// A list of words, one a line.
#[cfg(test)]
pub struct WordList {
    text: String,
}

#[cfg(test)]
impl WordList {
    /// Every word, in the file's order.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.text.lines()
    }
}

/// The language model's word pairs, checked.
pub fn word_pairs() -> Result<WordPairs, DictionaryError> {
    let decoded = decode_pairs(WORD_PAIRS);
    memory::release(WORD_PAIRS);
    decoded
}

/// The language model's word triples, checked against its pairs.
pub fn word_triples(pairs: &WordPairs) -> Result<WordTriples, DictionaryError> {
    let decoded = decode_triples(WORD_TRIPLES, pairs);
    memory::release(WORD_TRIPLES);
    decoded
}

fn decode_triples(bytes: &[u8], pairs: &WordPairs) -> Result<WordTriples, DictionaryError> {
    let corrupt = |reason: String| DictionaryError {
        name: "word triples",
        reason,
    };
    let triples =
        WordTriples::decode(bytes, pairs).map_err(|e| corrupt(format!("cannot decode: {e}")))?;
    if triples.len() != TRIPLE_ENTRIES {
        return Err(corrupt(format!(
            "{} triples, expected {TRIPLE_ENTRIES}",
            triples.len()
        )));
    }
    Ok(triples)
}

fn decode_pairs(bytes: &[u8]) -> Result<WordPairs, DictionaryError> {
    let corrupt = |reason: String| DictionaryError {
        name: "word pairs",
        reason,
    };
    let pairs = WordPairs::decode(bytes).map_err(|e| corrupt(format!("cannot decode: {e}")))?;
    if pairs.len() != PAIR_ENTRIES {
        return Err(corrupt(format!(
            "{} pairs, expected {PAIR_ENTRIES}",
            pairs.len()
        )));
    }
    Ok(pairs)
}

/// Decompresses and parses one dictionary, rejecting anything short of
/// exactly `expected` well-formed lines: a truncated or damaged file must
/// stop the start, not leave a corrector that silently knows fewer words.
fn parse(
    name: &'static str,
    gz: &[u8],
    words_per_line: usize,
    expected: usize,
) -> Result<Dictionary, DictionaryError> {
    let corrupt = |reason: String| DictionaryError { name, reason };
    let mut text = String::new();
    GzDecoder::new(gz)
        .read_to_string(&mut text)
        .map_err(|e| corrupt(format!("cannot decompress: {e}")))?;
    let mut entries = Vec::with_capacity(expected);
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.is_empty()) {
        let bad = || corrupt(format!("line {}: {line:?}", n + 1));
        let (key, count) = line.rsplit_once(' ').ok_or_else(bad)?;
        let count: i64 = count.parse().map_err(|_| bad())?;
        if key.split(' ').count() != words_per_line || count <= 0 {
            return Err(bad());
        }
        let at = key.as_ptr() as usize - text.as_ptr() as usize;
        entries.push((at, key.len(), count));
    }
    if entries.len() != expected {
        return Err(corrupt(format!(
            "{} entries, expected {expected}",
            entries.len()
        )));
    }
    Ok(Dictionary { text, entries })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_dictionaries_have_every_entry() {
        let unigrams = unigrams().expect("unigrams");
        let unigrams: Vec<_> = unigrams.entries().collect();
        assert_eq!(unigrams.len(), UNIGRAM_ENTRIES);
        assert_eq!(unigrams[0], ("the", 23_135_851_162));
        let pairs = word_pairs().expect("word pairs");
        let index = |word| pairs.words().position(|w| w == word).unwrap() as u32;
        assert!(pairs.log_p(index("math"), index("is")).is_some());
        let triples = word_triples(&pairs).expect("word triples");
        let of_the = triples.after(pairs.position(index("one"), index("of")).unwrap());
        assert!(triples.log_p(of_the.unwrap(), index("the")).is_some());
        let vocabulary = vocabulary().expect("vocabulary");
        let vocabulary: Vec<_> = vocabulary.entries().collect();
        assert_eq!(vocabulary.len(), VOCABULARY_ENTRIES);
        assert_eq!(vocabulary[0], ("the", 23_135_851_162));
        let list = word_list().expect("word list");
        assert!(list.words().any(|w| w == "fulfillment"));
    }

    #[test]
    fn a_truncated_dictionary_is_an_error() {
        let err = parse(
            "word-frequency",
            &UNIGRAMS_GZ[..UNIGRAMS_GZ.len() / 2],
            1,
            UNIGRAM_ENTRIES,
        )
        .expect_err("half a gzip stream must not load");
        assert_eq!(err.name, "word-frequency");
    }

    #[test]
    fn damaged_word_pairs_are_an_error() {
        let err = decode_pairs(&WORD_PAIRS[..WORD_PAIRS.len() / 2])
            .err()
            .expect("half the pairs must not load");
        assert_eq!(err.name, "word pairs");
        let other = WordPairs::new([("of", "the", -0.5)]).encode();
        let err = decode_pairs(&other)
            .err()
            .expect("one pair is not the model's");
        assert!(err.reason.contains("1 pairs, expected"), "{err}");
    }

    #[test]
    fn damaged_word_triples_are_an_error() {
        let pairs = decode_pairs(WORD_PAIRS).unwrap();
        let err = decode_triples(&WORD_TRIPLES[..WORD_TRIPLES.len() / 2], &pairs)
            .err()
            .expect("half the triples must not load");
        assert_eq!(err.name, "word triples");
        let none = WordTriples::new(&pairs, [], []).unwrap().encode();
        let err = decode_triples(&none, &pairs)
            .err()
            .expect("no triples are not the model's");
        assert!(err.reason.contains("0 triples, expected"), "{err}");
    }

    fn gzip(text: &[u8]) -> Vec<u8> {
        let mut gz = Vec::new();
        let mut encoder = flate2::write::GzEncoder::new(&mut gz, flate2::Compression::fast());
        std::io::Write::write_all(&mut encoder, text).unwrap();
        encoder.finish().unwrap();
        gz
    }

    #[test]
    fn a_short_dictionary_is_an_error() {
        let err = parse("word-frequency", &gzip(b"the 10\nof 5\n"), 1, 3)
            .expect_err("two lines are not three");
        assert!(err.reason.contains("2 entries, expected 3"), "{err}");
    }

    #[test]
    fn a_malformed_line_is_an_error() {
        let err = parse("word-frequency", &gzip(b"the 10\nof five\n"), 1, 2)
            .expect_err("a count must be a number");
        assert!(err.reason.contains("line 2"), "{err}");
    }
}
