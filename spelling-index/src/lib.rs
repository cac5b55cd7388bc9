//! SymSpell's index of deletes, the language model's word pairs and
//! triples, and the counted dictionaries' words and counts, built when the
//! engine is compiled (by its `build.rs`) and decoded when it starts:
//! building the index takes ~0.75 s of one core, decoding it ~0.2 s. A
//! crate of its own so that the build script and the engine share one
//! definition.

mod contractions;
pub mod counted_words;
mod strong_forms;
mod word_pairs;
mod word_triples;

pub use contractions::with_contractions;
pub use strong_forms::with_strong_forms;
pub use word_pairs::WordPairs;
pub use word_triples::WordTriples;

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

/// How much commoner than a name a word one edit from it must be for the
/// name to be taken for a slip of it when written in lowercase (`thant`
/// and `that`, `beng` and `being`, `ceram` and `cream`). At 10, the ratio
/// of a misspelling to its word, common first names and places in
/// lowercase text became words (`mary` `many`, `tim` `time`, `chile`
/// `child`); at 100 they stay (README, *Text engine*).
pub const NAME_SLIP_RATIO: i64 = 100;

/// How many times the vocabulary's rarest count a listed word only
/// today's English counts (`engine/dictionaries/wordfreq_listed.py`) must
/// reach to be offered as a correction. The web of 2006 wrote it too
/// rarely to count, so at ten times that it has grown at least tenfold
/// since: a word of today (`bitcoin`, `hashtag`, `selfie`, `tweeted`: 46
/// words), which its misspellings mean (`selfy`, `tweeetd`). The rest are
/// mostly old words the books that share in today's counts hold
/// (`desiccate`, `appendant`, `conventual`), near the vocabulary's rarest,
/// kept out of the index as every rare listed word is
/// (`rare_listed_words`): offered too, codespell's pool of 42,106 lost 11
/// and typos' pool 12, to rare words one slip from a misspelling
/// (`appendent` → `appendant`, `convential` → `conventual`).
pub const TODAYS_WORD_OFFERED_GROWTH: i64 = 10;

/// Of the vocabulary's entries, the web's of 2006 (its first `web`) and
/// then the listed words only today's English counts, those a correction
/// may be: every one of the web's, and of today's those written
/// `TODAYS_WORD_OFFERED_GROWTH` times as often as the web's rarest. What
/// `right_words` and `rare_listed_words` are given as the vocabulary; the
/// lexicon weighs every entry by its count.
pub fn offered_vocabulary<'a>(entries: &[(&'a str, i64)], web: usize) -> Vec<(&'a str, i64)> {
    let rarest = entries[..web].iter().map(|&(_, count)| count).min();
    let bar = rarest
        .unwrap_or(0)
        .saturating_mul(TODAYS_WORD_OFFERED_GROWTH);
    let (web, today) = entries.split_at(web);
    web.iter()
        .chain(today.iter().filter(|&&(_, count)| count >= bar))
        .copied()
        .collect()
}

/// The words the corrector takes as spelt right, each with its corpus
/// count: SymSpell's curated list, then each lowercase word of a SCOWL
/// word list that it lacks and the corpus counts (`math`, `fulfillment`,
/// `plows`), the list's contractions it lacks (`ain't`, `y'all`), and the
/// list's acronyms it lacks that the corpus counts, in lowercase (`cpu`,
/// `html`, `usa`: people type them so, and the corpus's tokenizer wrote
/// them so). The index (at build time) and the engine's lexicon (at
/// start) are both made from this, so they agree.
///
/// The curated list also holds names in lowercase (`thant`, `fromm`,
/// `beng`): a curated word that the SCOWL list has only with capitals, and
/// that is `NAME_SLIP_RATIO` times rarer than a lowercase dictionary word
/// one edit away, is left out, and so is such an acronym (`nad`, `and`).
/// It stays in the vocabulary, where it is weighed as meant against its
/// correction, like any word no list vouches for.
pub fn right_words<'a>(
    curated: impl IntoIterator<Item = (&'a str, i64)>,
    word_list: impl IntoIterator<Item = &'a str>,
    vocabulary: impl IntoIterator<Item = (&'a str, i64)>,
) -> Vec<(&'a str, i64)> {
    let curated: Vec<_> = curated.into_iter().collect();
    let word_list: Vec<&str> = word_list.into_iter().collect();
    let listed: FxHashSet<&str> = word_list.iter().copied().collect();
    let counts: FxHashMap<&str, i64> = vocabulary.into_iter().collect();
    let curated_counts: FxHashMap<&str, i64> = curated.iter().copied().collect();
    let mut known: FxHashSet<&str> = curated.iter().map(|&(word, _)| word).collect();
    let mut words: Vec<_> = curated
        .iter()
        .copied()
        .filter(|&(word, count)| {
            !(is_name_only(word, &listed) && slip_of_a_word(word, count, &listed, &curated_counts))
        })
        .collect();
    // The corpus's tokenizer cut words at apostrophes, so it cannot count
    // `ain't`, `ma'am` or `y'all`: such a word is taken at the odds of the
    // rarest word it does count.
    let rarest = counts.values().copied().min().unwrap_or(1);
    for word in word_list.iter().copied() {
        let count = if is_lowercase(word) {
            counts.get(word).copied()
        } else if is_contraction(word) {
            Some(rarest)
        } else {
            None // names, abbreviations, possessives, accents
        };
        if let Some(count) = count {
            if known.insert(word) {
                words.push((word, count));
            }
        }
    }
    for acronym in word_list.iter().copied().filter(|word| is_acronym(word)) {
        // The corpus's own spelling of it, which outlives `lowercase`.
        let lowercase = acronym.to_ascii_lowercase();
        if let Some((&word, &count)) = counts.get_key_value(lowercase.as_str()) {
            if !slip_of_a_word(word, count, &listed, &curated_counts) && known.insert(word) {
                words.push((word, count));
            }
        }
    }
    words
}

/// Whether `word`, counted `count` times, is `NAME_SLIP_RATIO` times rarer
/// than a lowercase word of the list one edit away: in lowercase, likelier
/// a slip of that word (`thant` of `that`) than the name or acronym.
fn slip_of_a_word(
    word: &str,
    count: i64,
    listed: &FxHashSet<&str>,
    curated_counts: &FxHashMap<&str, i64>,
) -> bool {
    let mut found = false;
    each_one_edit_away(word, |edited| {
        found |= listed.contains(edited)
            && curated_counts
                .get(edited)
                .is_some_and(|&c| c >= count.saturating_mul(NAME_SLIP_RATIO));
    });
    found
}

/// Three capitals or more (`CPU`, `NASA`): an acronym. Two are too near
/// every pair of letters.
fn is_acronym(word: &str) -> bool {
    word.len() > 2 && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// Of `words`, those that the SCOWL word list has only with capitals
/// (`chanel`, `sartre`, `nasa`): names and acronyms, written in lowercase
/// by the corpus's tokenizer; then every other name the list writes only
/// with a capital, counted or not (`names_in`). The engine reads them
/// as names when they are written as names, and a regular form of one in
/// lowercase as a slip of a much commoner word one edit away (`chanels`
/// of `channels`).
pub fn names<'a>(
    words: impl IntoIterator<Item = (&'a str, i64)>,
    word_list: impl IntoIterator<Item = &'a str>,
) -> Vec<String> {
    let listed: FxHashSet<&str> = word_list.into_iter().collect();
    let mut names: Vec<String> = words
        .into_iter()
        .map(|(word, _)| word)
        .filter(|word| is_name_only(word, &listed))
        .map(str::to_owned)
        .collect();
    let known: FxHashSet<String> = names.iter().cloned().collect();
    names.extend(
        names_in(&listed)
            .into_iter()
            .filter(|name| !known.contains(name)),
    );
    names
}

/// Every name the SCOWL word list (`listed`) writes only with a capital
/// (`hurd`, `ames`, `almohad`), in lowercase, whether or not a count holds it:
/// a spell checker's list vouches for its names as for its words, and
/// holds no misspellings. The engine leaves such a name alone where it is
/// written as one, first in a sentence too (`Hurd beer`), where the web's
/// counts alone read it as a slip of a far commoner word (`Hard beer`).
fn names_in(listed: &FxHashSet<&str>) -> Vec<String> {
    let mut names: Vec<String> = listed
        .iter()
        .filter(|word| word.as_bytes().first().is_some_and(u8::is_ascii_uppercase))
        .map(|word| word.to_ascii_lowercase())
        .filter(|word| is_name_only(word, listed) && listed.contains(capitalised(word).as_str()))
        .collect();
    // `Hurd` and `HURD` are one name.
    names.sort_unstable();
    names.dedup();
    names
}

/// A lowercase word of three letters or more that `listed` has only with
/// a capital or in capitals.
fn is_name_only(word: &str, listed: &FxHashSet<&str>) -> bool {
    is_lowercase(word)
        && word.len() > 2
        && !listed.contains(word)
        && (listed.contains(capitalised(word).as_str())
            || listed.contains(word.to_ascii_uppercase().as_str()))
}

/// The lowercase words of the SCOWL word list that neither the curated
/// list nor the corpus has (`abstainer`, `topologists`, `untanned`): spelt
/// right, since a spell checker's list vouches for them, but too rare for
/// the corpus to count. (`vocabulary` is `offered_vocabulary`'s: a word
/// only today's counts hold below its bar is one, which the lexicon weighs
/// by that count.) They are not offered as corrections: the index
/// finds its nearest words first, and a rare word one slip away would hide
/// a common one two slips away.
pub fn rare_listed_words<'a>(
    curated: impl IntoIterator<Item = (&'a str, i64)>,
    word_list: impl IntoIterator<Item = &'a str>,
    vocabulary: impl IntoIterator<Item = (&'a str, i64)>,
) -> Vec<&'a str> {
    let mut known: FxHashSet<&str> = curated.into_iter().map(|(word, _)| word).collect();
    known.extend(vocabulary.into_iter().map(|(word, _)| word));
    word_list
        .into_iter()
        .filter(|word| is_lowercase(word))
        .filter(|word| known.insert(word))
        .collect()
}

/// ASCII lowercase letters only: not a name, an abbreviation, a
/// possessive or a word with accents.
fn is_lowercase(word: &str) -> bool {
    word.bytes().all(|b| b.is_ascii_lowercase())
}

/// Lowercase letters with an apostrophe inside, not a possessive: `ain't`,
/// `ma'am`, `o'er`.
fn is_contraction(word: &str) -> bool {
    let letters = word.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'');
    letters
        && word.contains('\'')
        && !word.starts_with('\'')
        && !word.ends_with('\'')
        && !word.ends_with("'s")
}

fn capitalised(word: &str) -> String {
    let mut out = word.to_owned();
    out[..1].make_ascii_uppercase();
    out
}

/// Calls `found` with every string one edit from `word`: a letter
/// dropped, two swapped, one replaced by a letter `a`–`z`, or one such
/// letter added, built in one buffer. Edits are of whole characters, so
/// every string is valid UTF-8 by construction and none is checked again
/// (some 300 strings for a word of five letters). Asking the engine's word
/// table for each (its filter turns most away at once) is cheaper than this
/// index's lookup, which scores every word within two edits of each of the
/// word's deletes.
pub fn each_one_edit_away(word: &str, mut found: impl FnMut(&str)) {
    let mut buffer = String::with_capacity(word.len() + 1);
    let mut chars = word.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        let (before, after) = (&word[..i], &word[i + ch.len_utf8()..]);
        buffer.clear();
        buffer.push_str(before);
        buffer.push_str(after);
        found(&buffer);
        if let Some(&(_, next)) = chars.peek() {
            if next != ch {
                buffer.clear();
                buffer.push_str(before);
                buffer.push(next);
                buffer.push(ch);
                buffer.push_str(&after[next.len_utf8()..]);
                found(&buffer);
            }
        }
        for letter in 'a'..='z' {
            if letter != ch {
                buffer.clear();
                buffer.push_str(before);
                buffer.push(letter);
                buffer.push_str(after);
                found(&buffer);
            }
        }
    }
    for i in (0..=word.len()).filter(|&i| word.is_char_boundary(i)) {
        for letter in 'a'..='z' {
            buffer.clear();
            buffer.push_str(&word[..i]);
            buffer.push(letter);
            buffer.push_str(&word[i..]);
            found(&buffer);
        }
    }
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
    use super::{names, names_in, right_words};

    #[test]
    fn a_listed_word_the_corpus_counts_is_added_once() {
        let words = right_words(
            [("the", 100), ("myth", 5)],
            ["math", "math", "the", "Boston", "cafe's", "zzyzx"],
            [("the", 100), ("math", 30), ("teh", 20), ("Boston", 9)],
        );
        assert_eq!(words, vec![("the", 100), ("myth", 5), ("math", 30)]);
    }

    #[test]
    fn one_edit_away_is_every_drop_swap_change_and_addition() {
        let mut edits = Vec::new();
        super::each_one_edit_away("ab", |edited| edits.push(edited.to_owned()));
        // 2 drops, 1 swap, 2 × 25 changes, 3 × 26 additions.
        assert_eq!(edits.len(), 2 + 1 + 50 + 78);
        for expected in ["b", "a", "ba", "zb", "az", "cab", "acb", "abc"] {
            assert!(edits.iter().any(|e| e == expected), "{expected}");
        }
        assert!(
            !edits.iter().any(|e| e == "ab"),
            "changing a letter to itself"
        );
        // A letter of two bytes is dropped, swapped or changed whole.
        let mut edits = Vec::new();
        super::each_one_edit_away("éa", |edited| edits.push(edited.to_owned()));
        for expected in ["a", "é", "aé", "ea", "éb", "éab"] {
            assert!(edits.iter().any(|e| e == expected), "{expected}");
        }
    }

    #[test]
    fn a_word_of_today_is_offered_at_ten_times_the_webs_rarest() {
        let entries = [
            ("the", 1000),
            ("myth", 50),
            ("selfie", 500),
            ("appendant", 60),
        ];
        let offered = super::offered_vocabulary(&entries, 2);
        assert_eq!(offered, [("the", 1000), ("myth", 50), ("selfie", 500)]);
        // With no word of today, the web's words as they are.
        assert_eq!(super::offered_vocabulary(&entries[..2], 2), entries[..2]);
    }

    #[test]
    fn a_listed_word_no_one_counts_is_rare_and_listed_once() {
        let rare = super::rare_listed_words(
            [("the", 100), ("myth", 5)],
            [
                "math", "untanned", "untanned", "the", "myth", "Boston", "ain't",
            ],
            [("the", 100), ("math", 30)],
        );
        assert_eq!(rare, ["untanned"]);
    }

    #[test]
    fn a_listed_contraction_is_added_at_the_rarest_count() {
        // The corpus cannot count it: its tokenizer cut at apostrophes.
        let words = right_words(
            [("the", 100), ("can't", 50)],
            ["ain't", "can't", "O'Neill", "cat's", "'tis", "y'all"],
            [("the", 100), ("teh", 20), ("ain", 7)],
        );
        assert_eq!(
            words,
            vec![("the", 100), ("can't", 50), ("ain't", 7), ("y'all", 7)]
        );
    }

    #[test]
    fn a_curated_name_a_hundred_times_rarer_than_a_word_one_edit_away_is_left_out() {
        let curated = [
            ("that", 1000),
            ("thant", 9),   // `Thant` in the list, 1/100 of `that` or less: out
            ("paris", 500), // commoner than `pairs`: stays
            ("pairs", 400),
            ("fromm", 11), // more than a hundredth of `from`: stays
            ("from", 1000),
            ("tob", 1), // no capitalised form listed: stays
            ("to", 5000),
        ];
        let list = ["that", "Thant", "Paris", "pairs", "Fromm", "from", "to"];
        let words = right_words(curated, list, []);
        let kept: Vec<_> = words.iter().map(|&(w, _)| w).collect();
        assert_eq!(
            kept,
            ["that", "paris", "pairs", "fromm", "from", "tob", "to"]
        );
    }

    #[test]
    fn an_acronym_the_corpus_counts_is_added_in_lowercase_unless_a_slip_of_a_word() {
        let curated = [("and", 10_000), ("cup", 300), ("that", 1000)];
        let list = [
            "and", "cup", "that", "CPU", "NAD", "HTML", "BBQ", "TV", "Cpu",
        ];
        let vocabulary = [("cpu", 100), ("nad", 20), ("html", 50), ("tv", 900)];
        let words = right_words(curated, list, vocabulary);
        // `nad` is 1/500 of `and`; `BBQ` is not counted; `TV` is two
        // letters; `Cpu` is no acronym (and `cpu` is added once).
        assert_eq!(
            words,
            [
                ("and", 10_000),
                ("cup", 300),
                ("that", 1000),
                ("cpu", 100),
                ("html", 50)
            ]
        );
        assert_eq!(names(words, list), ["cpu", "html"]);
    }

    #[test]
    fn names_are_the_curated_words_listed_only_with_capitals() {
        let curated = [
            ("thant", 9),
            ("paris", 500),
            ("nasa", 80),
            ("pairs", 400),
            ("tob", 1),
        ];
        let list = ["Thant", "Paris", "NASA", "pairs", "that"];
        assert_eq!(names(curated, list), ["thant", "paris", "nasa"]);
    }

    #[test]
    fn listed_names_are_every_word_listed_only_with_a_capital_counted_or_not() {
        // Not an acronym (`NASA`), a word also listed in lowercase
        // (`Bill`, `bill`), a possessive or a name with an inner capital.
        let list = [
            "Hurd", "HURD", "Ames", "NASA", "Bill", "bill", "Hurd's", "McCoy", "Al", "that",
        ];
        assert_eq!(names_in(&list.into_iter().collect()), ["ames", "hurd"]);
    }
}
