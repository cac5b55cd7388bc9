//! Words that sound like a misspelling too far off for the delete index
//! (more than two edits): `nessasary` → `necessary`, `imidatly` →
//! `immediately`. People spell by ear, so the consonants they hear survive
//! where the letters do not. Each word is keyed by its consonant skeleton
//! in Soundex's classes (letters that sound alike share a class, vowels
//! drop out, repeats fold), kept whole rather than cut to four.

use rustc_hash::FxHashMap;

use crate::model::MIN_SOUND_KEY as MIN_KEY;

pub struct SoundsLike {
    by_key: FxHashMap<Box<[u8]>, Vec<Box<str>>>,
}

impl SoundsLike {
    pub fn new(unigrams: &[(&str, i64)]) -> Self {
        let mut by_key: FxHashMap<Box<[u8]>, Vec<Box<str>>> = FxHashMap::default();
        for (word, _) in unigrams {
            let key = key(word);
            if key.len() >= MIN_KEY {
                by_key.entry(key.into()).or_default().push((*word).into());
            }
        }
        SoundsLike { by_key }
    }

    /// Dictionary words that sound like `typed` (lowercase): those with
    /// the same skeleton, and those one sound apart that `keep` keeps
    /// (`one_sound_apart`). The skeleton is worked out once for both.
    pub fn near(&self, typed: &str, keep: impl Fn(&str) -> bool) -> (&[Box<str>], Vec<&str>) {
        let key = key(typed);
        (self.with_key(&key), self.one_sound_apart(&key, keep))
    }

    /// Dictionary words with the same skeleton as `typed` (lowercase).
    pub fn same(&self, typed: &str) -> &[Box<str>] {
        self.with_key(&key(typed))
    }

    fn with_key(&self, key: &[u8]) -> &[Box<str>] {
        self.by_key.get(key).map_or(&[], Vec::as_slice)
    }

    /// Dictionary words whose skeleton is one sound from `key` (one
    /// consonant class more, fewer or another, after the first letter's)
    /// and that `keep` keeps: each once, though two edits of the skeleton
    /// may reach it. No edit gives the skeleton back: one is longer, one
    /// shorter, one puts another class in.
    fn one_sound_apart(&self, key: &[u8], keep: impl Fn(&str) -> bool) -> Vec<&str> {
        let mut words: Vec<&str> = Vec::new();
        let mut edited = Vec::with_capacity(key.len() + 1);
        let mut look_up = |edited: &[u8]| {
            if edited.len() >= MIN_KEY {
                if let Some(found) = self.by_key.get(edited) {
                    words.extend(found.iter().map(|word| &**word).filter(|word| keep(word)));
                }
            }
        };
        for at in 1..=key.len() {
            for class in CLASSES {
                edited.clear();
                edited.extend_from_slice(&key[..at]);
                edited.push(class);
                edited.extend_from_slice(&key[at..]);
                look_up(&edited);
                if at < key.len() && class != key[at] {
                    edited.clear();
                    edited.extend_from_slice(key);
                    edited[at] = class;
                    look_up(&edited);
                }
            }
            if at < key.len() {
                edited.clear();
                edited.extend_from_slice(&key[..at]);
                edited.extend_from_slice(&key[at + 1..]);
                look_up(&edited);
            }
        }
        words.sort_unstable();
        words.dedup();
        words
    }
}

/// The consonant classes (`class`).
const CLASSES: [u8; 6] = *b"123456";

/// Whether two words have one consonant skeleton: they sound alike.
pub fn sound_alike(a: &str, b: &str) -> bool {
    key(a) == key(b)
}

/// Whether two words have the same consonants in the same order, a letter
/// typed twice in a row counted once (`trubble`, `trouble`): they differ
/// only in their vowels (`y` among them), which the ear leaves the writer
/// to guess.
pub fn same_consonants(a: &str, b: &str) -> bool {
    fn consonants(word: &str) -> impl Iterator<Item = u8> + '_ {
        let bytes = word.as_bytes();
        (0..bytes.len())
            .filter(move |&i| {
                !b"aeiouy".contains(&bytes[i]) && (i == 0 || bytes[i - 1] != bytes[i])
            })
            .map(move |i| bytes[i])
    }
    consonants(a).eq(consonants(b))
}

/// The first letter's class (vowels as `0`), then each consonant class
/// that differs from the one before it.
fn key(word: &str) -> Vec<u8> {
    let mut key = Vec::with_capacity(word.len());
    let mut last = None;
    for (i, b) in word.bytes().enumerate() {
        let class = class(b);
        if i == 0 {
            key.push(class.unwrap_or(b'0'));
        } else if class.is_some() && class != last {
            key.push(class.unwrap_or_default());
        }
        // As in Soundex, `h`, `w` (and here `y`) do not part two letters of
        // one class, but a vowel does: `antrorse` keeps both its `r`s.
        if class.is_some() || is_vowel(b) {
            last = class;
        }
    }
    key
}

fn is_vowel(letter: u8) -> bool {
    matches!(letter, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn class(letter: u8) -> Option<u8> {
    match letter {
        b'b' | b'f' | b'p' | b'v' => Some(b'1'),
        b'c' | b'g' | b'j' | b'k' | b'q' | b's' | b'x' | b'z' => Some(b'2'),
        b'd' | b't' => Some(b'3'),
        b'l' => Some(b'4'),
        b'm' | b'n' => Some(b'5'),
        b'r' => Some(b'6'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{key, same_consonants, SoundsLike};

    #[test]
    fn words_one_sound_apart_are_found_once_and_the_same_sound_not() {
        let words = [
            ("maintenance", 1),
            ("maintain", 1),
            ("mountain", 1),
            ("necessary", 1),
        ];
        let sounds = SoundsLike::new(&words);
        // `maitainance` has one `n` fewer than `maintenance` to the ear.
        assert_eq!(
            sounds.near("maitainance", |_| true),
            (&[][..], vec!["maintenance"])
        );
        // `maintain`'s own skeleton is `mountain`'s: neither is one apart.
        let (same, apart) = sounds.near("maintain", |_| true);
        assert_eq!(same.len(), 2);
        assert!(apart.is_empty());
        // What `keep` leaves out is left out.
        assert!(sounds.near("maitainance", |w| w.len() < 9).1.is_empty());
    }

    #[test]
    fn spellings_by_ear_share_a_key() {
        for (typed, meant) in [
            ("nessasary", "necessary"),
            ("necasery", "necessary"),
            ("imidatly", "immediately"),
            ("aquantences", "acquaintances"),
        ] {
            assert_eq!(key(typed), key(meant), "{typed}");
        }
        assert_ne!(key("necessary"), key("nursery"));
        assert_ne!(key("antrorse"), key("antares"));
    }

    #[test]
    fn words_that_differ_only_in_vowels_have_the_same_consonants() {
        assert!(same_consonants("trubble", "trouble"));
        assert!(same_consonants("adres", "address"));
        assert!(!same_consonants("rythm", "rhythm"));
        assert!(!same_consonants("acres", "address"));
        assert!(!same_consonants("workns", "workings"));
    }
}
