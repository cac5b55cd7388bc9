//! Every dictionary word, grouped by its first letter and its length:
//! where a misspelt word sent alone is last sought, letter by letter, when
//! it is more than two edits from every word and sounds like none
//! (`candidates::far_words`). The words of a group have one length, so
//! they lie side by side in one string with nothing between them: one
//! allocation rather than one for each of some 83,000 words, and a group
//! is read without looking for where each word ends.

use std::ops::RangeInclusive;

pub struct ByFirstLetter {
    /// The words, in groups by first byte and then by length.
    text: String,
    /// Where each group starts in `text`, at `group(longest, first, len)`;
    /// and, last, where the last one ends.
    starts: Vec<usize>,
    /// The longest word's length.
    longest: usize,
}

impl ByFirstLetter {
    pub fn new(words: &[(&str, i64)]) -> Self {
        let longest = words.iter().map(|(word, _)| word.len()).max().unwrap_or(0);
        let group_of = |word: &str| Some(group(longest, *word.as_bytes().first()?, word.len()));
        // Sorted by counting (a sort took 18M instructions at start): each
        // group's size, then each word written at its group's next place.
        let mut starts = vec![0; 256 * (longest + 1) + 1];
        for (word, _) in words {
            if let Some(group) = group_of(word) {
                starts[group + 1] += word.len();
            }
        }
        for at in 1..starts.len() {
            starts[at] += starts[at - 1];
        }
        let mut text = vec![0; starts[starts.len() - 1]];
        let mut next = starts.clone();
        for (word, _) in words {
            if let Some(group) = group_of(word) {
                let at = next[group];
                text[at..at + word.len()].copy_from_slice(word.as_bytes());
                next[group] += word.len();
            }
        }
        let text = String::from_utf8(text).expect("whole words are UTF-8");
        ByFirstLetter {
            text,
            starts,
            longest,
        }
    }

    /// The longest word's length, in bytes.
    pub fn longest(&self) -> usize {
        self.longest
    }

    /// The words whose first byte is `first` and whose length (in bytes)
    /// is one of `lengths`.
    pub fn starting_with(
        &self,
        first: u8,
        lengths: RangeInclusive<usize>,
    ) -> impl Iterator<Item = &str> {
        let (shortest, longest) = (*lengths.start(), (*lengths.end()).min(self.longest));
        (shortest.max(1)..=longest).flat_map(move |len| {
            let group = group(self.longest, first, len);
            let (start, end) = (self.starts[group], self.starts[group + 1]);
            (start..end)
                .step_by(len)
                .map(move |at| &self.text[at..at + len])
        })
    }
}

/// Where the group of first byte `first` and length `len` is in `starts`,
/// when the longest word has `longest` bytes.
fn group(longest: usize, first: u8, len: usize) -> usize {
    usize::from(first) * (longest + 1) + len
}

#[cfg(test)]
mod tests {
    use super::ByFirstLetter;

    #[test]
    fn each_word_is_found_under_its_first_letter_and_length_once() {
        let words = [
            ("bee", 1),
            ("apple", 9),
            ("", 1),
            ("ant", 2),
            ("zoo", 1),
            ("axe", 1),
            ("ab", 1),
        ];
        let grouped = ByFirstLetter::new(&words);
        let under = |first, lengths| grouped.starting_with(first, lengths).collect::<Vec<_>>();
        assert_eq!(under(b'a', 0..=9), ["ab", "ant", "axe", "apple"]);
        assert_eq!(under(b'a', 3..=4), ["ant", "axe"]);
        assert_eq!(under(b'a', 5..=5), ["apple"]);
        assert_eq!(under(b'b', 1..=3), ["bee"]);
        assert_eq!(under(b'z', 3..=3), ["zoo"]);
        assert!(under(b'c', 0..=9).is_empty());
        assert!(under(u8::MAX, 0..=usize::MAX).is_empty());
    }
}
