//! The embedded English dictionaries (see dictionaries/NOTICE): SymSpell's
//! curated words, wordsegment's wider vocabulary, the word pairs and
//! commonest word triples of CMU Sphinx's English language model, and the
//! given names many Americans have.

use rustc_hash::FxHashSet;
use spelling_index::{counted_words, WordPairs, WordTriples};

use crate::memory;

/// The curated words and their counts, as build.rs wrote them
/// (`spelling_index::counted_words`).
static CURATED_WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/curated-words.txt"));
static CURATED_COUNTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/curated-counts.bin"));
/// The vocabulary's words and counts, likewise.
static VOCABULARY_WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/vocabulary-words.txt"));
static VOCABULARY_COUNTS: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/vocabulary-counts.bin"));
/// The word pairs, as build.rs encoded them (`spelling_index::WordPairs`).
static WORD_PAIRS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/word-pairs.postcard"));
/// The word triples, as build.rs encoded them (`spelling_index::WordTriples`).
static WORD_TRIPLES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/word-triples.postcard"));

/// The given names of `ssa_given_names.py`, one a line, in lowercase.
static GIVEN_NAMES: &str = include_str!("../dictionaries/ssa_given_names.txt");

#[cfg(test)]
static WORD_LIST_GZ: &[u8] = include_bytes!("../dictionaries/scowl_en_us_hunspell.txt.gz");

/// Entries in the files as shipped (the first's name says 82,765).
const UNIGRAM_ENTRIES: usize = 82_834;
const PAIR_ENTRIES: usize = 2_045_800;
const TRIPLE_ENTRIES: usize = 800_000;
/// The vocabulary: the web's words of 2006, then the listed words only
/// today's English counts (`wordfreq_listed.py`).
const WEB_ENTRIES: usize = 333_213;
const TODAYS_ENTRIES: usize = 5_082;
const VOCABULARY_ENTRIES: usize = WEB_ENTRIES + TODAYS_ENTRIES;
const GIVEN_NAME_ENTRIES: usize = 6_792;
#[cfg(test)]
const WORD_LIST_ENTRIES: usize = 166_791;

/// The words build.rs took from the SCOWL list (`spelling_index::right_words`).
static LISTED: &str = include_str!(concat!(env!("OUT_DIR"), "/listed-words.txt"));
/// The curated names build.rs left out of the words spelt right.
static LEFT_OUT: &str = include_str!(concat!(env!("OUT_DIR"), "/left-out-words.txt"));
/// The words SCOWL writes only with capitals (`spelling_index::names`).
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

/// One counted dictionary, checked, as it lies in the executable.
#[derive(Debug)]
pub struct Dictionary {
    entries: Vec<(&'static str, i64)>,
}

impl Dictionary {
    /// `(key, count)` for every entry, in the file's order (commonest
    /// first).
    pub fn entries(&self) -> impl ExactSizeIterator<Item = (&str, i64)> {
        // Each word handed out as borrowed from `self`, not as `'static`,
        // so the entries mix with words that live shorter (`right_words`).
        self.entries.iter().map(|&(word, count)| (word, count))
    }
}

/// SymSpell's curated words with their counts, checked.
pub fn unigrams() -> Result<Dictionary, DictionaryError> {
    load(
        "word-frequency",
        CURATED_WORDS,
        CURATED_COUNTS,
        UNIGRAM_ENTRIES,
    )
}

/// wordsegment's 333,213 commonest words of the same corpus, with the
/// same counts: the words people write that the curated list lacks
/// (`math`, `fulfillment`, `zakopane`), and the typos they write most
/// (`teh`), so they are for the odds of a word, never for whether it is
/// spelt right. After them, the 5,082 words of SCOWL's list the web of
/// 2006 wrote too rarely to count, with today's counts on its scale
/// (`bitcoin`, `hashtag`, `emoji`; `wordfreq_listed.txt`).
pub fn vocabulary() -> Result<Dictionary, DictionaryError> {
    load(
        "vocabulary",
        VOCABULARY_WORDS,
        VOCABULARY_COUNTS,
        VOCABULARY_ENTRIES,
    )
}

impl Dictionary {
    /// Of the vocabulary's entries, those a correction may be, as build.rs
    /// chose them (`spelling_index::offered_vocabulary`).
    #[cfg(test)]
    pub fn offered(&self) -> Vec<(&str, i64)> {
        spelling_index::offered_vocabulary(&self.entries, WEB_ENTRIES)
    }
}

/// Hands back the pages of the counted dictionaries once the lexicon,
/// which copies their words, is built.
pub fn release_counted() {
    for data in [
        CURATED_WORDS.as_bytes(),
        CURATED_COUNTS,
        VOCABULARY_WORDS.as_bytes(),
        VOCABULARY_COUNTS,
    ] {
        memory::release(data);
    }
}

/// The curated words that SCOWL writes only with a capital (`mary`,
/// `chanel`, `nasa`), the acronyms build.rs added from SCOWL's list
/// (`cpu`, `html`), and every other name the list writes only with a
/// capital, counted or not (`hurd`, `ames`; `spelling_index::names`):
/// names, which the corrector leaves alone when they are written as names,
/// and whose forms the lexicon marks (`Lexicon::is_name_form`; only the
/// dictionary's words have forms). Those build.rs left out of the words
/// spelt right (`ned`, `thant`) are among them.
pub fn names() -> FxHashSet<&'static str> {
    NAMES.lines().collect()
}

/// The given names of the United States that 2,000 people or more have
/// (`jayden`, `gabe`, `everly`; `ssa_given_names.py`), checked: a
/// capitalised word among them is a name past a sentence's start, and
/// first in one where its place allows (SCOWL's names hold few of
/// today's).
pub fn given_names() -> Result<FxHashSet<&'static str>, DictionaryError> {
    let corrupt = |reason: String| DictionaryError {
        name: "given names",
        reason,
    };
    let names: FxHashSet<&str> = GIVEN_NAMES.lines().collect();
    if names.len() != GIVEN_NAME_ENTRIES {
        return Err(corrupt(format!(
            "{} names, expected {GIVEN_NAME_ENTRIES}",
            names.len()
        )));
    }
    if let Some(bad) = names
        .iter()
        .find(|n| !n.bytes().all(|b| b.is_ascii_lowercase()))
    {
        return Err(corrupt(format!("{bad:?} is not lowercase letters")));
    }
    Ok(names)
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
    let text = gunzip(WORD_LIST_GZ).map_err(|e| corrupt(format!("cannot decompress: {e}")))?;
    let lines = text.lines().count();
    if lines != WORD_LIST_ENTRIES {
        return Err(corrupt(format!(
            "{lines} entries, expected {WORD_LIST_ENTRIES}"
        )));
    }
    Ok(WordList { text })
}

#[cfg(test)]
fn gunzip(gz: &[u8]) -> std::io::Result<String> {
    let mut text = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(gz), &mut text)?;
    Ok(text)
}

/// A list of words, one a line.
#[cfg(test)]
pub struct WordList {
    text: String,
}

#[cfg(test)]
impl WordList {
    /// Every word, in the file's order, then the strong forms of its verbs
    /// and the contractions it lacks, as `build.rs` reads it
    /// (`spelling_index::with_strong_forms`, `with_contractions`).
    pub fn words(&self) -> impl Iterator<Item = &str> {
        let with_forms = spelling_index::with_strong_forms(self.text.lines());
        spelling_index::with_contractions(with_forms).into_iter()
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

/// One dictionary's entries, rejecting anything short of exactly
/// `expected` of them: a build whose files do not match the engine's must
/// stop the start, not leave a corrector that silently knows fewer words.
fn load(
    name: &'static str,
    words: &'static str,
    counts: &[u8],
    expected: usize,
) -> Result<Dictionary, DictionaryError> {
    let entries = counted_words::decode(words, counts, expected)
        .map_err(|reason| DictionaryError { name, reason })?;
    Ok(Dictionary { entries })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each contraction the word list gains is one the language model
    /// writes, as `spelling_index::with_contractions` says.
    #[test]
    fn the_contractions_added_to_the_list_are_the_pairs_words() {
        let pairs = word_pairs().expect("word pairs");
        let pair_words: std::collections::HashSet<&str> = pairs.words().collect();
        let added = spelling_index::with_contractions([]);
        assert!(added.contains(&"there'll"));
        for word in added {
            assert!(pair_words.contains(word), "{word}");
        }
    }

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
        // Today's counts come after the web's, each at least its rarest.
        let rarest = vocabulary[..WEB_ENTRIES].iter().map(|e| e.1).min();
        let today = &vocabulary[WEB_ENTRIES..];
        assert!(today.iter().all(|e| Some(e.1) >= rarest));
        assert!(today.iter().any(|&(word, _)| word == "hashtag"));
        let list = word_list().expect("word list");
        assert!(list.words().any(|w| w == "fulfillment"));
        // Today's given names, not the rarer spellings that are likelier
        // slips (`Thi` for `This`).
        let given = given_names().expect("given names");
        assert!(given.contains("jayden") && given.contains("gabe") && !given.contains("thi"));
    }

    /// What build.rs compiled in is each shipped file's every entry, in
    /// its order (`load` checks only how many there are): the vocabulary
    /// is two files, the web's counts, then today's.
    #[test]
    fn the_counted_dictionaries_are_the_files_shipped() {
        let curated = include_bytes!("../dictionaries/frequency_dictionary_en_82_765.txt.gz");
        let web = include_bytes!("../dictionaries/wordsegment_unigrams_333k.txt.gz");
        let today = include_bytes!("../dictionaries/wordfreq_listed.txt.gz");
        for (dictionary, files) in [
            (unigrams(), &[&curated[..]][..]),
            (vocabulary(), &[&web[..], &today[..]][..]),
        ] {
            let text: String = files.iter().map(|gz| gunzip(gz).unwrap()).collect();
            let shipped: Vec<(&str, i64)> = text
                .lines()
                .map(|line| line.rsplit_once(' ').unwrap())
                .map(|(word, count)| (word, count.parse().unwrap()))
                .collect();
            let dictionary = dictionary.unwrap();
            let compiled: Vec<_> = dictionary.entries().collect();
            assert!(
                compiled == shipped,
                "rebuild: the compiled words differ from the file"
            );
        }
    }

    #[test]
    fn a_truncated_dictionary_is_an_error() {
        let half = &CURATED_COUNTS[..CURATED_COUNTS.len() / 2];
        let err = load("word-frequency", CURATED_WORDS, half, UNIGRAM_ENTRIES)
            .expect_err("half the counts must not load");
        assert_eq!(err.name, "word-frequency");
        assert!(err.reason.contains("expected 82834"), "{err}");
        let err = load(
            "word-frequency",
            "the\nof\n",
            CURATED_COUNTS,
            UNIGRAM_ENTRIES,
        )
        .expect_err("two words for every count must not load");
        assert!(err.reason.contains("2 words, expected 82834"), "{err}");
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
}
