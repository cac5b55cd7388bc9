//! Which word follows which: the word pairs of a language model, made when
//! the engine is compiled and decoded when it starts. Two million pairs in
//! 4 bytes each, where a hash map of them would take some 70 MB.

use serde::{Deserialize, Serialize};

/// Bits of a follower that hold its probability (`-log10`, in
/// thousandths).
const LOG_P_BITS: u32 = 14;
const LOG_P_MASK: u32 = (1 << LOG_P_BITS) - 1;
/// Thousandths of a log10: a probability is kept to within 0.12 %.
const LOG_P_STEP: f64 = 1000.0;

/// For each word, the words the pairs have after it, each with the
/// model's probability of it after that word.
#[derive(Serialize, Deserialize)]
pub struct WordPairs {
    /// The words, sorted, each ended by a newline.
    words: String,
    /// Where each word's followers start in `followers`, and, last, where
    /// the last word's end.
    starts: Vec<u32>,
    /// By first word, sorted: the second word's index, shifted left by
    /// `LOG_P_BITS`, with its probability as `-log10` in thousandths below.
    followers: Vec<u32>,
    /// Each probability a follower can hold, for sums over a word's
    /// followers, which `powf` would make slow.
    #[serde(skip)]
    probabilities: Vec<f32>,
}

/// A word's index and its probability (`-log10`, in thousandths) in one
/// `u32`, as pairs and triples keep them.
pub(crate) fn packed(index: u32, log_p: f64) -> u32 {
    let log_p = (-log_p * LOG_P_STEP).round().max(0.0) as u32;
    index << LOG_P_BITS | log_p.min(LOG_P_MASK)
}

/// The word index of a `packed` word.
pub(crate) fn index_of(packed: u32) -> u32 {
    packed >> LOG_P_BITS
}

/// The log10 probability of a `packed` word.
pub(crate) fn log_p_of(packed: u32) -> f64 {
    -f64::from(packed & LOG_P_MASK) / LOG_P_STEP
}

fn probabilities() -> Vec<f32> {
    (0..=LOG_P_MASK)
        .map(|q| 10f64.powf(-f64::from(q) / LOG_P_STEP) as f32)
        .collect()
}

impl WordPairs {
    /// The pairs from `first second log10-probability` triples: the
    /// probability of `second` after `first` in the model, kept as the
    /// model gives it. Not as a share of the pairs listed after `first`:
    /// the model lists few pairs after a rare word, and their shares would
    /// make each of them near certain (`allowable limit` then beat
    /// `allowable limits`, and `limits` was cut into `limit s`). A pair
    /// given twice keeps the first.
    pub fn new<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str, f64)>) -> Self {
        let mut pairs: Vec<(&str, &str, f64)> = pairs.into_iter().collect();
        pairs.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        pairs.dedup_by(|b, a| (a.0, a.1) == (b.0, b.1));
        let mut words: Vec<&str> = pairs.iter().flat_map(|&(a, b, _)| [a, b]).collect();
        words.sort_unstable();
        words.dedup();
        assert!(
            words.len() < 1 << (32 - LOG_P_BITS),
            "{} words do not fit a follower's index",
            words.len()
        );
        let index = |word: &str| words.binary_search(&word).expect("listed") as u32;
        let mut starts = vec![0u32; words.len() + 1];
        let mut followers = Vec::with_capacity(pairs.len());
        for run in pairs.chunk_by(|a, b| a.0 == b.0) {
            for &(_, second, lp) in run {
                followers.push(packed(index(second), lp));
            }
            starts[index(run[0].0) as usize + 1] = followers.len() as u32;
        }
        // A word no pair starts with ends where the word before it does.
        for i in 1..starts.len() {
            starts[i] = starts[i].max(starts[i - 1]);
        }
        let words = words.iter().map(|word| format!("{word}\n")).collect();
        WordPairs {
            words,
            starts,
            followers,
            probabilities: probabilities(),
        }
    }

    /// The words, in the order of their indexes.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.words.lines()
    }

    /// Whether any pair starts with the word at `first`.
    pub fn starts_pairs(&self, first: u32) -> bool {
        let i = first as usize;
        self.starts[i] < self.starts[i + 1]
    }

    /// The indexes of the words that follow the word at `first`.
    pub fn followers(&self, first: u32) -> impl Iterator<Item = u32> + '_ {
        self.after(first).iter().map(|&f| index_of(f))
    }

    /// The indexes of the words that follow the word at `first`, each with
    /// its probability after it.
    pub fn followers_with_probability(&self, first: u32) -> impl Iterator<Item = (u32, f64)> + '_ {
        self.after(first).iter().map(|f| {
            let p = self.probabilities[(f & LOG_P_MASK) as usize];
            (index_of(*f), f64::from(p))
        })
    }

    /// log10 of the probability of `second` after `first`, if the pairs
    /// have it.
    pub fn log_p(&self, first: u32, second: u32) -> Option<f64> {
        // A search of its own rather than `position`'s: reading the pair
        // back from its position cost the segmenter, which asks this six
        // times a letter, 0.6 % more instructions.
        let after = self.after(first);
        let found = after.binary_search_by_key(&second, |&f| index_of(f)).ok()?;
        Some(log_p_of(after[found]))
    }

    /// Where the pair of the words at `first` and `second` is among all
    /// the pairs (`0..len()`), if the pairs have it: the key word triples
    /// are kept under (`WordTriples`).
    pub fn position(&self, first: u32, second: u32) -> Option<u32> {
        let found = self
            .after(first)
            .binary_search_by_key(&second, |&f| index_of(f))
            .ok()?;
        Some(self.starts[first as usize] + found as u32)
    }

    /// The words (their indexes) of the pairs at `positions` (`position`),
    /// which come in ascending order: one walk through the pairs.
    pub fn pairs_at<'a, I>(&'a self, positions: I) -> impl Iterator<Item = (u32, u32)> + 'a
    where
        I: IntoIterator<Item = u32>,
        I::IntoIter: 'a,
    {
        let mut first = 0;
        positions.into_iter().map(move |position| {
            while self.starts[first + 1] <= position {
                first += 1;
            }
            (first as u32, index_of(self.followers[position as usize]))
        })
    }

    /// Words in all: those of `words`.
    pub fn word_count(&self) -> usize {
        self.starts.len() - 1
    }

    /// Pairs in all.
    pub fn len(&self) -> usize {
        self.followers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.followers.is_empty()
    }

    fn after(&self, first: u32) -> &[u32] {
        let i = first as usize;
        &self.followers[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("in-memory pairs always serialize")
    }

    /// The pairs `encode` wrote, checked to hang together: an index out of
    /// range would panic at the first lookup, so it fails here instead.
    pub fn decode(bytes: &[u8]) -> Result<Self, String> {
        let mut pairs: WordPairs = postcard::from_bytes(bytes).map_err(|e| e.to_string())?;
        pairs.probabilities = probabilities();
        let words = pairs.words().count();
        let ordered = pairs.starts.windows(2).all(|w| w[0] <= w[1]);
        if pairs.starts.len() != words + 1
            || !ordered
            || pairs.starts.last().map(|&end| end as usize) != Some(pairs.followers.len())
            || pairs
                .followers
                .iter()
                .any(|&f| index_of(f) as usize >= words)
        {
            return Err("its word indexes do not hang together".into());
        }
        Ok(pairs)
    }
}

/// The index of `word` among the pairs' words, for tests.
#[cfg(test)]
pub(crate) fn index(pairs: &WordPairs, word: &str) -> u32 {
    pairs.words().position(|w| w == word).unwrap() as u32
}

#[cfg(test)]
mod tests {
    use super::{index, WordPairs};

    fn pairs() -> WordPairs {
        WordPairs::new([
            ("of", "the", 0.5f64.log10()),
            ("of", "a", 0.25f64.log10()),
            ("a", "cat", 0.01f64.log10()),
            ("of", "the", 0.9f64.log10()),
        ])
    }

    #[test]
    fn a_pair_has_the_models_probability_of_its_second_word_after_its_first() {
        let pairs = pairs();
        let [of, the, a, cat] = ["of", "the", "a", "cat"].map(|w| index(&pairs, w));
        let p = |first, second| pairs.log_p(first, second).map(|lp| 10f64.powf(lp));
        // As given, the first of a pair given twice: not scaled up to what
        // the pairs list after `of` (0.75), nor `cat` to all that follows `a`.
        assert!((p(of, the).unwrap() - 0.5).abs() < 0.001);
        assert!((p(of, a).unwrap() - 0.25).abs() < 0.001);
        assert!((p(a, cat).unwrap() - 0.01).abs() < 0.0001);
        assert_eq!(p(the, of), None);
        assert_eq!(p(of, cat), None);
        assert!(pairs.starts_pairs(of) && pairs.starts_pairs(a));
        assert!(!pairs.starts_pairs(the) && !pairs.starts_pairs(cat));
        assert_eq!(pairs.followers(of).collect::<Vec<_>>(), vec![a, the]);
        // Every pair found again from its place, past `cat`, which starts
        // none.
        let places = [(a, cat), (of, a), (of, the)].map(|(f, s)| pairs.position(f, s).unwrap());
        assert_eq!(places, [0, 1, 2]);
        assert_eq!(
            pairs.pairs_at(places).collect::<Vec<_>>(),
            [(a, cat), (of, a), (of, the)]
        );
        assert_eq!(pairs.word_count(), 4);
        let listed: f64 = pairs.followers_with_probability(of).map(|(_, p)| p).sum();
        assert!((listed - 0.75).abs() < 0.001);
        assert_eq!(pairs.len(), 3);
    }

    #[test]
    fn decoded_pairs_are_the_encoded_ones_and_damaged_ones_fail() {
        let pairs = pairs();
        let bytes = pairs.encode();
        let decoded = WordPairs::decode(&bytes).unwrap();
        assert_eq!(decoded.words, pairs.words);
        assert_eq!(decoded.starts, pairs.starts);
        assert_eq!(decoded.followers, pairs.followers);
        assert!(WordPairs::decode(&bytes[..bytes.len() / 2]).is_err());
        let mut bad = WordPairs::new([("a", "b", -1.0)]);
        bad.followers[0] = 9 << super::LOG_P_BITS;
        assert!(WordPairs::decode(&bad.encode()).is_err());
    }
}
