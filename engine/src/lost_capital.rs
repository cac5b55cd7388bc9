//! The case of a first letter a slip took away. A key struck for a
//! capital, or before it, is typed in lowercase, and a capital left out
//! leaves the word in lowercase (`wtain` for `Stain`, `ome` for `Some`,
//! `wurope` for `Europe`): where the slip was the word's first letter, the
//! typed case says nothing of the case meant. A writer who writes with
//! capitals gives one to a sentence's first word and to a name, and one who
//! writes in lowercase gives none; the rest of the text tells which.

use crate::tokenize::{sentence_starts_before, Kind, Token};

/// What a text's other words tell of how its writer writes.
pub struct Casing {
    /// Sentences whose first word is in lowercase.
    lowercase_starts: usize,
    /// Words with a capital letter.
    capitalised_words: usize,
    /// `i` written for `I`: a writer in lowercase.
    lowercase_i: bool,
}

impl Casing {
    pub fn of(tokens: &[Token<'_>]) -> Self {
        let mut casing = Casing {
            lowercase_starts: 0,
            capitalised_words: 0,
            lowercase_i: false,
        };
        for (i, token) in tokens.iter().enumerate() {
            if token.kind != Kind::Word {
                continue;
            }
            casing.capitalised_words +=
                usize::from(token.text.bytes().any(|b| b.is_ascii_uppercase()));
            casing.lowercase_i |= token.text == "i";
            if sentence_starts_before(tokens, i)
                && token.text.starts_with(|c: char| c.is_ascii_lowercase())
            {
                casing.lowercase_starts += 1;
            }
        }
        casing
    }

    /// Whether the correction of a lowercase word whose slip was its first
    /// letter takes a capital: where other words of the text have capitals
    /// and the writer writes no `i`, a sentence's first word
    /// (`sentence_start`), unless another sentence starts in lowercase, and
    /// a name (`is_name`). A sentence's end says too little: of the
    /// fortunes' sentences with typing slips, `htey're gonna lock me up and
    /// throw away the key!` was written in lowercase.
    pub fn capitalises(&self, sentence_start: bool, is_name: bool) -> bool {
        if self.lowercase_i || self.capitalised_words == 0 {
            return false;
        }
        // This word is one of the lowercase starts.
        let other_lowercase_starts = self.lowercase_starts.saturating_sub(1);
        (sentence_start && other_lowercase_starts == 0) || is_name
    }
}
