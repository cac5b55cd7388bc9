//! The lexicon's words and their ids, compactly: every word in one buffer
//! and a hash table of (where the word is, its id), instead of a
//! `HashMap<Box<str>, u32>` with a heap block per key. With the 415,000
//! words of the vocabulary, the evaluation's resident memory went from
//! 148.6 to 134.1 MiB. A lookup that finds its word reads the table and the
//! buffer once.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

/// Longest word kept: the length is packed into 6 bits of an entry.
const MAX_LEN: usize = 63;

/// Bits in the filter (512 KiB, so it stays in a core's cache): with
/// 415,000 words, about one string in ten that is no word passes it.
const FILTER_BITS: u64 = 1 << 22;

pub struct WordTable {
    /// Every word, one after another.
    text: String,
    entries: HashTable<Entry>,
    /// One bit per hash value (a one-hash Bloom filter): the segmenter
    /// asks for two dozen strings per letter, nearly all no word, and a
    /// clear bit answers without touching the table, which does not fit in
    /// the cache.
    filter: Vec<u64>,
    next_id: u32,
}

/// A word's place in `text` (offset << 6 | length) and its id.
#[derive(Clone, Copy)]
struct Entry {
    at: u32,
    id: u32,
}

impl Entry {
    fn word<'a>(&self, text: &'a str) -> &'a str {
        let start = (self.at >> 6) as usize;
        &text[start..start + (self.at & 63) as usize]
    }

    fn is(&self, text: &str, word: &str) -> bool {
        (self.at & 63) as usize == word.len() && self.word(text) == word
    }
}

impl WordTable {
    pub fn with_capacity(words: usize) -> Self {
        WordTable {
            text: String::with_capacity(words * 8),
            entries: HashTable::with_capacity(words),
            filter: vec![0; (FILTER_BITS / 64) as usize],
            next_id: 0,
        }
    }

    // Inlined: the segmenter asks two dozen strings a letter, nearly all
    // turned away by the filter, and a call for each cost 5 % of its time.
    #[inline]
    pub fn id(&self, word: &str) -> Option<u32> {
        let hash = hash(word);
        if !self.may_hold(hash) {
            return None;
        }
        self.entries
            .find(hash, |entry| entry.is(&self.text, word))
            .map(|entry| entry.id)
    }

    /// Forgets `word` (its id is never given again); its bit in the
    /// filter stays, as other words may share it.
    pub fn remove(&mut self, word: &str) {
        if let Ok(entry) = self
            .entries
            .find_entry(hash(word), |entry| entry.is(&self.text, word))
        {
            entry.remove();
        }
    }

    /// The filter's bit for a hash: bits the hash table does not use for
    /// its buckets or tags.
    fn bit(hash: u64) -> (usize, u64) {
        let bit = (hash >> 24) % FILTER_BITS;
        ((bit / 64) as usize, 1 << (bit % 64))
    }

    fn may_hold(&self, hash: u64) -> bool {
        let (word, mask) = Self::bit(hash);
        self.filter[word] & mask != 0
    }

    /// The word's id, giving it the next one if it is new; `None` for a
    /// word longer than any the lexicon keeps (no segmentation or
    /// correction looks one up).
    pub fn insert(&mut self, word: &str) -> Option<u32> {
        if word.is_empty() || word.len() > MAX_LEN {
            return None;
        }
        let hash = hash(word);
        let text = &self.text;
        if let Some(entry) = self.entries.find(hash, |entry| entry.is(text, word)) {
            return Some(entry.id);
        }
        let start = u32::try_from(self.text.len())
            .ok()
            .filter(|&start| start < 1 << 26)
            .expect("under 64 MiB of words");
        self.text.push_str(word);
        let entry = Entry {
            at: start << 6 | word.len() as u32,
            id: self.next_id,
        };
        self.next_id += 1;
        let (slot, mask) = Self::bit(hash);
        self.filter[slot] |= mask;
        let text = &self.text;
        self.entries
            .insert_unique(hash, entry, |entry| self::hash(entry.word(text)));
        Some(entry.id)
    }

    /// Gives back what the build reserved beyond what the words need.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        let text = &self.text;
        self.entries.shrink_to_fit(|entry| hash(entry.word(text)));
    }
}

/// Fx: short keys hashed many times per character; no DoS concern for a
/// table built from our own dictionaries.
fn hash(word: &str) -> u64 {
    FxBuildHasher.hash_one(word)
}

#[cfg(test)]
mod tests {
    use super::WordTable;

    #[test]
    fn words_keep_their_ids() {
        let mut table = WordTable::with_capacity(0);
        assert_eq!(table.insert("the"), Some(0));
        assert_eq!(table.insert("of"), Some(1));
        assert_eq!(table.insert("the"), Some(0));
        assert_eq!(table.insert(&"x".repeat(64)), None);
        assert_eq!(table.insert(""), None);
        table.shrink_to_fit();
        assert_eq!(table.id("of"), Some(1));
        assert_eq!(table.id("th"), None);
        assert_eq!(table.id(""), None);
        assert_eq!(table.insert("off"), Some(2));
        // A word forgotten is no word; put back, it is a new one.
        table.remove("of");
        assert_eq!(table.id("of"), None);
        assert_eq!(table.id("off"), Some(2));
        assert_eq!(table.insert("of"), Some(3));
    }
}
