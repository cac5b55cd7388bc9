//! How likely a run of letters is as a word that no list of ours holds
//! (`scapose`, `kubernetes`): a model of how English words are spelt, each
//! letter given the two before it, learnt from the words spelt right. The
//! segmenter weighs an unknown string with it, so a string spelt like a
//! word stays whole and one that is not (`xqzv`) costs more per letter.

/// `a`–`z`, and the edge of a word.
const SYMBOLS: usize = 27;
const EDGE: usize = 26;

/// Added to every count: the words spelt right leave few triples unseen,
/// and the figures did not move between 0.1 and 2.
const SMOOTHING: f64 = 0.5;

pub struct LetterModel {
    /// log10 P(c | a b), at `(a * SYMBOLS + b) * SYMBOLS + c`.
    log_p: Vec<f32>,
}

impl LetterModel {
    /// Learnt from `words`, each once: a word nobody listed is more like
    /// the rare words of a list than like its common ones. Words with
    /// other than `a`–`z` are skipped.
    pub fn new<'a>(words: impl Iterator<Item = &'a str>) -> Self {
        let mut counts = vec![0u32; SYMBOLS * SYMBOLS * SYMBOLS];
        for word in words.filter(|w| w.bytes().all(|b| b.is_ascii_lowercase())) {
            let (mut a, mut b) = (EDGE, EDGE);
            for c in word.bytes().map(symbol).chain([EDGE]) {
                counts[index(a, b, c)] += 1;
                (a, b) = (b, c);
            }
        }
        let log_p = counts
            .chunks(SYMBOLS)
            .flat_map(|row| {
                let total =
                    row.iter().map(|&n| f64::from(n)).sum::<f64>() + SMOOTHING * SYMBOLS as f64;
                row.iter()
                    .map(move |&n| ((f64::from(n) + SMOOTHING) / total).log10() as f32)
            })
            .collect();
        LetterModel { log_p }
    }

    /// log10 P(`letters` as a whole word, its edges included).
    pub fn log_p(&self, letters: &[u8]) -> f32 {
        let mut whole = self.log_p[index(EDGE, EDGE, EDGE)];
        self.each_prefix(letters, |_, log_p| whole = log_p);
        whole
    }

    /// log10 P(`letters[..len]` as a whole word, its edges included), for
    /// each `len` from 1 up, in one walk: the prefixes share their letters'
    /// odds and differ only in the edge after them.
    fn each_prefix(&self, letters: &[u8], mut each: impl FnMut(usize, f32)) {
        let (mut a, mut b) = (EDGE, EDGE);
        let mut sum = 0.0;
        for (k, &letter) in letters.iter().enumerate() {
            let c = symbol(letter);
            sum += self.log_p[index(a, b, c)];
            (a, b) = (b, c);
            each(k + 1, sum + self.log_p[index(a, b, EDGE)]);
        }
    }

    /// log10 P(`letters[start..start + len]` as a whole word, its edges
    /// included) for every start and every `len` up to `max_len`, at
    /// `start * max_len + len - 1`: one pass per start, as the segmenter
    /// asks for every string it considers.
    pub fn each_string(&self, letters: &[u8], max_len: usize) -> Vec<f32> {
        let n = letters.len();
        let mut out = vec![f32::NEG_INFINITY; n * max_len];
        for start in 0..n {
            let end = n.min(start + max_len);
            self.each_prefix(&letters[start..end], |len, log_p| {
                out[start * max_len + len - 1] = log_p;
            });
        }
        out
    }
}

/// A letter's place in the table; anything but `a`–`z` (which the callers
/// never pass) counts as a word's edge rather than panic.
fn symbol(letter: u8) -> usize {
    match letter {
        b'a'..=b'z' => usize::from(letter - b'a'),
        _ => EDGE,
    }
}

fn index(a: usize, b: usize, c: usize) -> usize {
    (a * SYMBOLS + b) * SYMBOLS + c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log_p(model: &LetterModel, word: &str) -> f32 {
        model.log_p(word.as_bytes())
    }

    #[test]
    fn strings_spelt_like_the_words_it_learnt_are_likelier() {
        let model = LetterModel::new(["station", "nation", "ration", "tonal", "atone"].into_iter());
        assert!(log_p(&model, "lation") > log_p(&model, "xqzvkj"));
        // Each string's odds are its own: a prefix is not the whole word.
        let all = model.each_string(b"nations", 7);
        assert!((all[5] - log_p(&model, "nation")).abs() < 1e-6);
        assert!((all[6] - log_p(&model, "nations")).abs() < 1e-6);
        assert!(
            all[5] > all[6],
            "`nation` is a word it learnt, `nations` not"
        );
        // The odds of every string of one letter sum to at most one.
        let one: f32 = (b'a'..=b'z')
            .map(|c| 10f32.powf(model.each_string(&[c], 1)[0]))
            .sum();
        assert!(one <= 1.0 + 1e-6);
    }
}
