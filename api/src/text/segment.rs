//! Word segmentation that only ever adds spaces: runs of ASCII letters are
//! segmented (lowercased for the dictionary), and the spaces found are put
//! into the original letters, so case and every other character stay.

use symspell::{AsciiStringStrategy, SymSpell};

use super::changes::{Builder, Outcome};

pub fn segment(index: &SymSpell<AsciiStringStrategy>, text: &str) -> Outcome {
    let mut out = Builder::with_capacity(text.len() + text.len() / 4);
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_ascii_alphabetic()) {
        out.keep(&rest[..start]);
        let run = &rest[start..];
        let end = run
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(run.len());
        let letters = &run[..end];
        let segmented = index
            .word_segmentation(&letters.to_ascii_lowercase(), 0)
            .segmented_string;
        for (n, word) in space_positions(letters, &segmented).into_iter().enumerate() {
            if n > 0 {
                out.replace("", " ");
            }
            out.keep(word);
        }
        rest = &run[end..];
    }
    out.keep(rest);
    out.finish()
}

/// `letters` cut where `segmented` (the same letters, lowercased, with
/// spaces) has its spaces; `letters` whole if they differ otherwise.
fn space_positions<'a>(letters: &'a str, segmented: &str) -> Vec<&'a str> {
    if segmented.replace(' ', "") != letters.to_ascii_lowercase() {
        return vec![letters];
    }
    let mut words = Vec::new();
    let mut start = 0;
    for word in segmented.split(' ').filter(|w| !w.is_empty()) {
        words.push(&letters[start..start + word.len()]);
        start += word.len();
    }
    words
}
