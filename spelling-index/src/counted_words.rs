//! A dictionary of `word count` lines as build.rs hands it to the engine:
//! the words, one a line, and beside them their counts as little-endian
//! `u64`s. The engine reads it as it lies in the executable, without
//! decompressing or parsing text: those took 433M of the 2.26G
//! instructions the engine's start spent, and most of them on the longer
//! of its two threads.

/// The words and counts of `text`'s `word count` lines, or the first line
/// that is not one word and a positive count.
pub fn encode(text: &str) -> Result<(String, Vec<u8>), String> {
    let mut words = String::with_capacity(text.len());
    let mut counts = Vec::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.is_empty()) {
        let bad = || format!("line {}: {line:?}", n + 1);
        let (word, count) = line.rsplit_once(' ').ok_or_else(bad)?;
        let count: u64 = count.parse().map_err(|_| bad())?;
        if word.is_empty() || word.contains(' ') || count == 0 || i64::try_from(count).is_err() {
            return Err(bad());
        }
        words.push_str(word);
        words.push('\n');
        counts.extend_from_slice(&count.to_le_bytes());
    }
    Ok((words, counts))
}

/// `(word, count)` for each of `encode`'s entries, in order, if there are
/// `expected` of them, as many words as counts.
pub fn decode<'a>(
    words: &'a str,
    counts: &[u8],
    expected: usize,
) -> Result<Vec<(&'a str, i64)>, String> {
    if counts.len() != expected * 8 {
        return Err(format!("{} counts, expected {expected}", counts.len() / 8));
    }
    let mut entries = Vec::with_capacity(expected);
    // Each word up to its newline, by a plain loop over its few bytes: a
    // search per line (`str::lines`) cost more than the rest of the read.
    let text = words.as_bytes();
    let mut start = 0;
    for count in counts.chunks_exact(8) {
        let count = u64::from_le_bytes(count.try_into().expect("chunks of 8"));
        let end = text[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map(|len| start + len)
            .ok_or_else(|| format!("{} words, expected {expected}", entries.len()))?;
        // Cut at a newline, a whole character.
        let word = &words[start..end];
        start = end + 1;
        let count = i64::try_from(count)
            .ok()
            .filter(|&count| count > 0 && !word.is_empty())
            .ok_or_else(|| format!("entry {}: {word:?} {count}", entries.len() + 1))?;
        entries.push((word, count));
    }
    if start < text.len() {
        return Err(format!("more words than {expected}"));
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::{decode, encode};

    #[test]
    fn entries_come_back_as_they_went_in() {
        let (words, counts) = encode("the 23135851162\nof 13151942776\n\nteh 1\n").unwrap();
        assert_eq!(
            decode(&words, &counts, 3).unwrap(),
            [("the", 23_135_851_162), ("of", 13_151_942_776), ("teh", 1)]
        );
    }

    #[test]
    fn a_line_that_is_not_a_word_and_a_count_is_refused() {
        for (text, line) in [
            ("the 10\nof five\n", "line 2"),
            ("the 10\nof\n", "line 2"),
            ("two words 3\n", "line 1"),
            ("the 0\n", "line 1"),
            (" 4\n", "line 1"),
            ("the -2\n", "line 1"),
        ] {
            let error = encode(text).expect_err(text);
            assert!(error.starts_with(line), "{text:?}: {error}");
        }
    }

    #[test]
    fn too_few_or_too_many_entries_are_refused() {
        let (words, counts) = encode("the 10\nof 5\n").unwrap();
        let error = decode(&words, &counts, 3).unwrap_err();
        assert!(error.contains("2 counts, expected 3"), "{error}");
        // A count cut short, or a word too many or too few.
        assert!(decode(&words, &counts[..12], 2).is_err());
        assert!(decode(&format!("{words}a\n"), &counts, 2).is_err());
        assert!(decode("the\n", &counts, 2).is_err());
        // A count no file holds.
        let zero = [counts[..8].to_vec(), vec![0; 8]].concat();
        assert!(decode(&words, &zero, 2).unwrap_err().contains("entry 2"));
    }
}
