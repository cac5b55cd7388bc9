//! Which word follows which two: the word triples of a language model,
//! kept under the pair they start with (`WordPairs::position`), each third
//! word in 4 bytes as a pair's follower is.

use serde::{Deserialize, Serialize};

use crate::word_pairs::{index_of, log_p_of, packed};
use crate::WordPairs;

/// Thousandths of a log10, for a back-off weight.
const BACK_OFF_STEP: f64 = 1000.0;

/// For each pair that starts a triple, its back-off weight and the words
/// the triples have after it, each with the model's probability of it
/// after the two.
#[derive(Serialize, Deserialize, Default)]
pub struct WordTriples {
    /// One bit for each pair, by its position among the pairs
    /// (`WordPairs::position`): set if triples start with it. The pairs
    /// that do are numbered in order: a bit and a count find a pair's
    /// number in two reads, where a search of their positions took 17 or
    /// 18 steps, the later ones likely cache misses.
    starts_triples: Vec<u64>,
    /// For each `starts_triples` word, the bits set in the words before it:
    /// worked out from them, not stored.
    #[serde(skip)]
    set_before: Vec<u32>,
    /// Each such pair's back-off weight, as log10 in thousandths: what a
    /// word no triple after the pair lists pays on its odds after the
    /// pair's second word.
    back_offs: Vec<i16>,
    /// Where each such pair's third words start in `thirds`, and, last,
    /// where the last pair's end.
    starts: Vec<u32>,
    /// By pair, sorted: the third word's index among the pairs' words, with
    /// its probability, as a pair's follower (`word_pairs::packed`).
    thirds: Vec<u32>,
}

impl WordTriples {
    /// The triples from `first second third log10-probability` lines and
    /// the back-off weights of the pairs they start with, from `first
    /// second log10-back-off` lines, the words indexed as in `pairs`. A
    /// pair that starts triples but has no back-off line backs off at no
    /// cost. An error names a triple whose first two words `pairs` does
    /// not pair, or whose third word it does not know: the triples belong
    /// to another model.
    pub fn new<'a>(
        pairs: &WordPairs,
        triples: impl IntoIterator<Item = (&'a str, &'a str, &'a str, f64)>,
        back_offs: impl IntoIterator<Item = (&'a str, &'a str, f64)>,
    ) -> Result<Self, String> {
        let words: Vec<&str> = pairs.words().collect();
        let index = |word: &str| words.binary_search(&word).ok().map(|i| i as u32);
        let pair = |first: &str, second: &str| pairs.position(index(first)?, index(second)?);
        let no_pair = |first: &str, second: &str| format!("`{first} {second}` is no pair");
        let mut listed = Vec::new();
        for (first, second, third, log_p) in triples {
            let at = pair(first, second).ok_or_else(|| no_pair(first, second))?;
            let third = index(third).ok_or_else(|| format!("`{third}` is no pair's word"))?;
            listed.push((at, packed(third, log_p)));
        }
        listed.sort_unstable();
        listed.dedup_by_key(|&mut (at, third)| (at, index_of(third)));
        let mut weights = Vec::new();
        for (first, second, back_off) in back_offs {
            let at = pair(first, second).ok_or_else(|| no_pair(first, second))?;
            weights.push((at, (back_off * BACK_OFF_STEP).round() as i16));
        }
        weights.sort_unstable();
        let mut triples = WordTriples {
            starts_triples: vec![0; pairs.len().div_ceil(64)],
            ..WordTriples::default()
        };
        for run in listed.chunk_by(|a, b| a.0 == b.0) {
            let context = run[0].0;
            triples.starts_triples[context as usize / 64] |= 1 << (context % 64);
            let weight = weights.binary_search_by_key(&context, |&(at, _)| at);
            triples.back_offs.push(weight.map_or(0, |k| weights[k].1));
            triples.starts.push(triples.thirds.len() as u32);
            triples.thirds.extend(run.iter().map(|&(_, third)| third));
        }
        triples.starts.push(triples.thirds.len() as u32);
        triples.set_before = set_before(&triples.starts_triples);
        Ok(triples)
    }

    /// The triples after the pair at `pair` (`WordPairs::position`), if
    /// any start with it.
    pub fn after(&self, pair: u32) -> Option<u32> {
        let (word, bit) = (pair as usize / 64, pair % 64);
        let bits = *self.starts_triples.get(word)?;
        (bits >> bit & 1 == 1)
            .then(|| self.set_before[word] + (bits & ((1 << bit) - 1)).count_ones())
    }

    /// log10 of the probability of the word at `third` after the pair
    /// whose triples are at `after` (`WordTriples::after`), if a triple
    /// lists it.
    pub fn log_p(&self, after: u32, third: u32) -> Option<f64> {
        let k = after as usize;
        let thirds = &self.thirds[self.starts[k] as usize..self.starts[k + 1] as usize];
        let found = thirds.binary_search_by_key(&third, |&t| index_of(t)).ok()?;
        Some(log_p_of(thirds[found]))
    }

    /// log10 of the back-off weight of the pair whose triples are at
    /// `after`: what a word no triple lists after it pays on its odds
    /// after the pair's second word.
    pub fn back_off(&self, after: u32) -> f64 {
        f64::from(self.back_offs[after as usize]) / BACK_OFF_STEP
    }

    /// Where the pairs that start triples are among the pairs
    /// (`WordPairs::position`), in order.
    pub fn contexts(&self) -> impl Iterator<Item = u32> + '_ {
        self.starts_triples
            .iter()
            .enumerate()
            .flat_map(|(k, &bits)| {
                // Each set bit, lowest first, clearing it as it goes.
                let first = (bits != 0).then_some(bits);
                std::iter::successors(first, |&rest| {
                    let rest = rest & (rest - 1);
                    (rest != 0).then_some(rest)
                })
                .map(move |rest| k as u32 * 64 + rest.trailing_zeros())
            })
    }

    /// The third words of the triples (their indexes among the pairs'
    /// words), once or more each.
    pub fn thirds(&self) -> impl Iterator<Item = u32> + '_ {
        self.thirds.iter().map(|&t| index_of(t))
    }

    /// Triples in all.
    pub fn len(&self) -> usize {
        self.thirds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.thirds.is_empty()
    }

    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("in-memory triples always serialize")
    }

    /// The triples `encode` wrote, checked to hang together with `pairs`:
    /// an index out of range would panic at the first lookup, so it fails
    /// here instead.
    pub fn decode(bytes: &[u8], pairs: &WordPairs) -> Result<Self, String> {
        let mut triples: WordTriples = postcard::from_bytes(bytes).map_err(|e| e.to_string())?;
        triples.set_before = set_before(&triples.starts_triples);
        let words = pairs.word_count();
        let contexts = triples
            .starts_triples
            .iter()
            .map(|b| b.count_ones() as usize)
            .sum::<usize>();
        let sorted = |v: &[u32]| v.windows(2).all(|w| w[0] <= w[1]);
        if triples.back_offs.len() != contexts
            || triples.starts.len() != contexts + 1
            || !sorted(&triples.starts)
            || triples.starts_triples.len() != pairs.len().div_ceil(64)
            || triples
                .starts_triples
                .last()
                .is_some_and(|&b| b >> (pairs.len() % 64) != 0 && !pairs.len().is_multiple_of(64))
            || triples.starts.last().map(|&end| end as usize) != Some(triples.thirds.len())
            || triples
                .thirds
                .iter()
                .any(|&t| index_of(t) as usize >= words)
        {
            return Err("its indexes do not hang together with the pairs'".into());
        }
        Ok(triples)
    }
}

/// For each word of `bits`, the bits set in the words before it.
fn set_before(bits: &[u64]) -> Vec<u32> {
    bits.iter()
        .scan(0, |before, b| {
            let here = *before;
            *before += b.count_ones();
            Some(here)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::WordTriples;
    use crate::word_pairs::index;
    use crate::WordPairs;

    fn pairs() -> WordPairs {
        WordPairs::new([
            ("of", "the", 0.5f64.log10()),
            ("the", "cat", 0.01f64.log10()),
            ("the", "dog", 0.02f64.log10()),
            ("a", "cat", 0.01f64.log10()),
        ])
    }

    #[test]
    fn a_triple_has_the_models_probability_of_its_third_word_after_its_pair() {
        let pairs = pairs();
        let triples = WordTriples::new(
            &pairs,
            [("of", "the", "cat", 0.2f64.log10())],
            [("of", "the", -0.3)],
        )
        .unwrap();
        let [of, the, a, cat, dog] = ["of", "the", "a", "cat", "dog"].map(|w| index(&pairs, w));
        let of_the = triples.after(pairs.position(of, the).unwrap()).unwrap();
        assert!((10f64.powf(triples.log_p(of_the, cat).unwrap()) - 0.2).abs() < 0.001);
        assert_eq!(triples.log_p(of_the, dog), None);
        assert!((triples.back_off(of_the) + 0.3).abs() < 1e-9);
        assert_eq!(triples.thirds().collect::<Vec<_>>(), [cat]);
        let contexts: Vec<u32> = triples.contexts().collect();
        assert_eq!(contexts, [pairs.position(of, the).unwrap()]);
        assert_eq!(pairs.pairs_at(contexts).collect::<Vec<_>>(), [(of, the)]);
        // A pair no triple starts with has none.
        assert_eq!(triples.after(pairs.position(a, cat).unwrap()), None);
        assert_eq!(triples.len(), 1);
        let decoded = WordTriples::decode(&triples.encode(), &pairs).unwrap();
        assert_eq!(decoded.log_p(of_the, cat), triples.log_p(of_the, cat));
    }

    #[test]
    fn triples_of_another_model_are_refused() {
        let pairs = pairs();
        let no_pair = WordTriples::new(&pairs, [("a", "the", "cat", -1.0)], []);
        assert!(no_pair.is_err_and(|e| e.contains("a the")));
        let no_word = WordTriples::new(&pairs, [("of", "the", "mouse", -1.0)], []);
        assert!(no_word.is_err_and(|e| e.contains("mouse")));
        // Decoded against smaller pairs, the indexes are out of range.
        let triples = WordTriples::new(&pairs, [("the", "dog", "cat", -1.0)], []).unwrap();
        let fewer = WordPairs::new([("of", "the", -0.3)]);
        assert!(WordTriples::decode(&triples.encode(), &fewer).is_err());
    }
}
