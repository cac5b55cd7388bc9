//! Word and word-pair probabilities for segmentation: a language model
//! small enough to query a few dozen times per character.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::word_forms;

/// Longest word considered (the dictionary's longest common words fit).
pub const MAX_WORD_LEN: usize = 24;
/// How much a seen word pair counts against the single word's own odds.
const BIGRAM_WEIGHT: f64 = 0.7;

/// log10 P(w) of a common word: one in a thousand.
const COMMON_LOG_P: f32 = -3.0;

pub struct Lexicon {
    ids: HashMap<Box<str>, u32, Fnv>,
    /// log10 P(w), by id.
    unigram: Vec<f32>,
    /// Pair counts by `(previous id << 32) | id`.
    pairs: HashMap<u64, u64, Fnv>,
    /// All pair counts that start with a word, by id.
    pairs_from: Vec<u64>,
    /// log10 of the corpus size, for unknown strings.
    log_total: f64,
}

impl Lexicon {
    pub fn new(unigrams: &[(&str, i64)], bigrams: &[(&str, i64)]) -> Self {
        let total: f64 = unigrams.iter().map(|(_, c)| *c as f64).sum();
        let mut ids = HashMap::with_capacity_and_hasher(unigrams.len(), Fnv::default());
        let mut unigram = Vec::with_capacity(unigrams.len());
        for (word, count) in unigrams {
            ids.insert((*word).into(), unigram.len() as u32);
            unigram.push((*count as f64 / total).log10() as f32);
        }
        // Forms of the words (`colors`, `hazily`), each as likely as the
        // rarest word the dictionary has.
        let rarest = unigram.iter().copied().fold(0.0, f32::min);
        let mut forms = Vec::new();
        for (word, _) in unigrams {
            let known = |w: &str| ids.contains_key(w);
            word_forms::forms_of(word, &known, &mut |form| forms.push(form));
        }
        for form in forms {
            if !ids.contains_key(form.as_str()) {
                ids.insert(form.into(), unigram.len() as u32);
                unigram.push(rarest);
            }
        }
        let mut pairs = HashMap::with_capacity_and_hasher(bigrams.len(), Fnv::default());
        let mut pairs_from = vec![0u64; unigram.len()];
        for (pair, count) in bigrams {
            let Some((first, second)) = pair.split_once(' ') else {
                continue;
            };
            if let (Some(&a), Some(&b)) = (ids.get(first), ids.get(second)) {
                pairs.insert(key(a, b), *count as u64);
                pairs_from[a as usize] += *count as u64;
            }
        }
        Lexicon {
            ids,
            unigram,
            pairs,
            pairs_from,
            log_total: total.log10(),
        }
    }

    pub fn id(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    /// log10 P(word | previous): the pair's share of what follows
    /// `previous`, mixed with the word's own odds.
    fn log_p(&self, previous: Option<u32>, id: u32) -> f64 {
        let alone = 10f64.powf(f64::from(self.unigram[id as usize]));
        let paired = previous
            .and_then(|p| {
                let count = *self.pairs.get(&key(p, id))?;
                Some(count as f64 / self.pairs_from[p as usize] as f64)
            })
            .unwrap_or(0.0);
        if previous.is_some_and(|p| self.pairs_from[p as usize] > 0) {
            (BIGRAM_WEIGHT * paired + (1.0 - BIGRAM_WEIGHT) * alone).log10()
        } else {
            alone.log10()
        }
    }

    /// One of the 89 words that each make up at least 0.1% of the
    /// dictionary's counts (`the`, `of`, `in`, `a`…).
    pub fn is_common(&self, word: &str) -> bool {
        self.id(word)
            .is_some_and(|id| self.unigram[id as usize] >= COMMON_LOG_P)
    }

    /// How likely `words` are, in a row, between `previous` and `next`:
    /// log10 of the corpus size plus the log10 odds of each word given the
    /// one before, plus how much the last lifts `next`. For one word with
    /// no neighbours that is its log10 count; readings of the same typed
    /// text (one word, or two) compare directly. `None` if a word is unknown.
    pub fn phrase_score(
        &self,
        previous: Option<&str>,
        words: &[&str],
        next: Option<&str>,
    ) -> Option<f64> {
        let mut before = previous.and_then(|p| self.id(p));
        let mut score = self.log_total;
        for word in words {
            let id = self.id(word)?;
            score += self.log_p(before, id);
            before = Some(id);
        }
        if let Some(next) = next.and_then(|n| self.id(n)) {
            score += self.log_p(before, next) - self.log_p(None, next);
        }
        Some(score)
    }

    /// Norvig's odds for a string the dictionary does not know: the longer,
    /// the less likely it is one word.
    fn log_p_unknown(&self, len: usize) -> f64 {
        1.0 - self.log_total - len as f64
    }

    /// Where to cut lowercase ASCII `letters` into words: the most likely
    /// sequence under the model (Viterbi, keeping the best few histories
    /// per position). Returns the end offset of each word.
    pub fn segment(&self, letters: &str) -> Vec<usize> {
        const BEAM: usize = 4;
        #[derive(Clone, Copy)]
        struct State {
            score: f64,
            start: usize,
            id: Option<u32>,
            back: usize,
        }
        let n = letters.len();
        let mut states: Vec<Vec<State>> = vec![Vec::new(); n + 1];
        states[0].push(State {
            score: 0.0,
            start: 0,
            id: None,
            back: 0,
        });
        for end in 1..=n {
            let mut here: Vec<State> = Vec::with_capacity(BEAM * 4);
            for start in end.saturating_sub(MAX_WORD_LEN)..end {
                if states[start].is_empty() {
                    continue;
                }
                match self.id(&letters[start..end]) {
                    Some(id) => {
                        for (k, s) in states[start].iter().enumerate() {
                            here.push(State {
                                score: s.score + self.log_p(s.id, id),
                                start,
                                id: Some(id),
                                back: k,
                            });
                        }
                    }
                    None => {
                        let s = states[start][0];
                        here.push(State {
                            score: s.score + self.log_p_unknown(end - start),
                            start,
                            id: None,
                            back: 0,
                        });
                    }
                }
            }
            here.sort_by(|a, b| b.score.total_cmp(&a.score));
            here.truncate(BEAM);
            states[end] = here;
        }
        let mut ends = Vec::new();
        let (mut end, mut k) = (n, 0);
        while end > 0 {
            let state = states[end][k];
            ends.push(end);
            (end, k) = (state.start, state.back);
        }
        ends.reverse();
        ends
    }
}

fn key(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// FNV-1a: short keys hashed many times per character; no DoS concern for
/// a table built from our own dictionary.
#[derive(Default)]
pub struct FnvHasher(u64);

impl Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

type Fnv = BuildHasherDefault<FnvHasher>;

#[cfg(test)]
mod tests {
    use super::Lexicon;

    fn lexicon(unigrams: &[(&str, i64)], bigrams: &[(&str, i64)]) -> Lexicon {
        Lexicon::new(unigrams, bigrams)
    }

    fn words<'a>(lexicon: &Lexicon, text: &'a str) -> Vec<&'a str> {
        let mut start = 0;
        lexicon
            .segment(text)
            .into_iter()
            .map(|end| {
                let word = &text[start..end];
                start = end;
                word
            })
            .collect()
    }

    #[test]
    fn the_likeliest_cut_wins_and_pairs_tip_the_balance() {
        let unigrams = [
            ("the", 1000),
            ("past", 50),
            ("pas", 60),
            ("t", 40),
            ("a", 500),
            ("st", 30),
        ];
        let plain = lexicon(&unigrams, &[]);
        assert_eq!(words(&plain, "thepast"), vec!["the", "past"]);
        // `now here` and `no where` are equally likely word by word; the
        // pair counts decide.
        let unigrams = [
            ("now", 100),
            ("here", 100),
            ("no", 100),
            ("where", 100),
            ("x", 100),
        ];
        let seen = |pair: &str| lexicon(&unigrams, &[("x now", 5), ("x no", 5), (pair, 1_000)]);
        assert_eq!(
            words(&seen("no where"), "xnowhere"),
            vec!["x", "no", "where"]
        );
        assert_eq!(
            words(&seen("now here"), "xnowhere"),
            vec!["x", "now", "here"]
        );
    }

    #[test]
    fn unknown_letters_stay_one_word_rather_than_crumbs() {
        let lexicon = lexicon(&[("a", 100), ("the", 100)], &[]);
        assert_eq!(words(&lexicon, "xqzv"), vec!["xqzv"]);
        assert_eq!(words(&lexicon, "thexqzv"), vec!["the", "xqzv"]);
        assert!(words(&lexicon, "").is_empty());
    }
}
