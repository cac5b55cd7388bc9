//! Which word follows which: the word pairs of a language model, made when
//! the engine is compiled and decoded when it starts. Two million pairs in
//! 4 bytes each, where a hash map of them would take some 70 MB.

use serde::{Deserialize, Serialize};

/// Bits of a follower that hold its share (`-log10`, in thousandths).
const SHARE_BITS: u32 = 14;
const SHARE_MASK: u32 = (1 << SHARE_BITS) - 1;
/// Thousandths of a log10: a share is kept to within 0.12 %.
const SHARE_STEP: f64 = 1000.0;

/// For each word, the words the pairs have after it, each with its share
/// of what the pairs have after that word.
#[derive(Serialize, Deserialize)]
pub struct WordPairs {
    /// The words, sorted, each ended by a newline.
    words: String,
    /// Where each word's followers start in `followers`, and, last, where
    /// the last word's end.
    starts: Vec<u32>,
    /// By first word, sorted: the second word's index, shifted left by
    /// `SHARE_BITS`, with its share as `-log10` in thousandths below.
    followers: Vec<u32>,
    /// Each share a follower can hold, as a probability: asked many times
    /// a letter, where `powf` would cost a third of segmentation's time.
    #[serde(skip)]
    shares: Vec<f32>,
}

fn shares() -> Vec<f32> {
    (0..=SHARE_MASK)
        .map(|q| 10f64.powf(-f64::from(q) / SHARE_STEP) as f32)
        .collect()
}

impl WordPairs {
    /// The pairs from `first second log10-probability` triples: the
    /// probability of `second` after `first` in the model, of which only
    /// its share among the pairs listed after `first` is kept. A pair
    /// given twice keeps the first.
    pub fn new<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str, f64)>) -> Self {
        let mut pairs: Vec<(&str, &str, f64)> = pairs.into_iter().collect();
        pairs.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        pairs.dedup_by(|b, a| (a.0, a.1) == (b.0, b.1));
        let mut words: Vec<&str> = pairs.iter().flat_map(|&(a, b, _)| [a, b]).collect();
        words.sort_unstable();
        words.dedup();
        assert!(
            words.len() < 1 << (32 - SHARE_BITS),
            "{} words do not fit a follower's index",
            words.len()
        );
        let index = |word: &str| words.binary_search(&word).expect("listed") as u32;
        let mut starts = vec![0u32; words.len() + 1];
        let mut followers = Vec::with_capacity(pairs.len());
        for run in pairs.chunk_by(|a, b| a.0 == b.0) {
            let total: f64 = run.iter().map(|&(_, _, lp)| 10f64.powf(lp)).sum();
            for &(_, second, lp) in run {
                let share = -(lp - total.log10()) * SHARE_STEP;
                let share = (share.round().max(0.0) as u32).min(SHARE_MASK);
                followers.push(index(second) << SHARE_BITS | share);
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
            shares: shares(),
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
        self.after(first).iter().map(|f| f >> SHARE_BITS)
    }

    /// The share of `second` among the pairs after `first`, if the pairs
    /// have it.
    pub fn share(&self, first: u32, second: u32) -> Option<f64> {
        let after = self.after(first);
        let found = after
            .binary_search_by_key(&second, |f| f >> SHARE_BITS)
            .ok()?;
        Some(f64::from(self.shares[(after[found] & SHARE_MASK) as usize]))
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
        pairs.shares = shares();
        let words = pairs.words().count();
        let ordered = pairs.starts.windows(2).all(|w| w[0] <= w[1]);
        if pairs.starts.len() != words + 1
            || !ordered
            || pairs.starts.last().map(|&end| end as usize) != Some(pairs.followers.len())
            || pairs
                .followers
                .iter()
                .any(|f| (f >> SHARE_BITS) as usize >= words)
        {
            return Err("its word indexes do not hang together".into());
        }
        Ok(pairs)
    }
}

#[cfg(test)]
mod tests {
    use super::WordPairs;

    fn pairs() -> WordPairs {
        WordPairs::new([
            ("of", "the", 0.5f64.log10()),
            ("of", "a", 0.25f64.log10()),
            ("a", "cat", 0.01f64.log10()),
            ("of", "the", 0.9f64.log10()),
        ])
    }

    fn index(pairs: &WordPairs, word: &str) -> u32 {
        pairs.words().position(|w| w == word).unwrap() as u32
    }

    #[test]
    fn a_pair_has_its_share_of_what_follows_its_first_word() {
        let pairs = pairs();
        let (of, the, a, cat) = (
            index(&pairs, "of"),
            index(&pairs, "the"),
            index(&pairs, "a"),
            index(&pairs, "cat"),
        );
        let share = |first, second| pairs.share(first, second);
        // 0.5 and 0.25 listed after `of`: two thirds and one third.
        assert!((share(of, the).unwrap() - 2.0 / 3.0).abs() < 0.002);
        assert!((share(of, a).unwrap() - 1.0 / 3.0).abs() < 0.001);
        assert!((share(a, cat).unwrap() - 1.0).abs() < 0.001);
        assert_eq!(share(the, of), None);
        assert_eq!(share(of, cat), None);
        assert!(pairs.starts_pairs(of) && pairs.starts_pairs(a));
        assert!(!pairs.starts_pairs(the) && !pairs.starts_pairs(cat));
        assert_eq!(pairs.followers(of).collect::<Vec<_>>(), vec![a, the]);
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
        bad.followers[0] = 9 << super::SHARE_BITS;
        assert!(WordPairs::decode(&bad.encode()).is_err());
    }
}
