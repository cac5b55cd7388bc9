//! The contractions of `there`, `this`, `that` and the question words
//! that the SCOWL list lacks, though it holds the pronouns' (`they'll`,
//! `who'd`, `you've`) and some of these (`that'll`, `how'd`, `why'd`):
//! `therell be a rest` became `there be`, `whatll we do` `what we do`, as
//! no word had those letters. English contracts `will`, `would` or `had`,
//! `have` and `are` onto these words as onto a pronoun. A closed list of
//! the language, not a tuning: the forms CMU's language model writes
//! (the engine's pairs hold each), none it does not (`when'll`, `how've`).
//! Its `ya'll` (`y'all` misspelt), `everybody'd` and `nobody'd` are left
//! out: no question word or `there` is their host.

/// The contractions: a host word, its apostrophe, and what English
/// contracts onto it.
const FORMS: &[&str] = &[
    "there'll", "there'd", "there've", "there're", "this'll", "that've", "what'll", "what'd",
    "what've", "what're", "where'd", "where've", "where're", "why're",
];

/// The words of `list`, then each contraction of `FORMS` it lacks. The
/// dictionary takes such a word at the odds of the rarest word the
/// corpus counts, as its tokenizer cut words at apostrophes
/// (`right_words`).
pub fn with_contractions<'a>(list: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut words: Vec<&str> = list.into_iter().collect();
    let listed: rustc_hash::FxHashSet<&str> = words.iter().copied().collect();
    words.extend(FORMS.iter().filter(|form| !listed.contains(*form)));
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contractions_the_list_lacks_follow_it() {
        let words = with_contractions(["there", "there'll", "what"]);
        assert_eq!(&words[..3], ["there", "there'll", "what"]);
        assert!(words[3..].contains(&"what'd"));
        assert!(words[3..].contains(&"where're"));
        assert_eq!(words.iter().filter(|w| **w == "there'll").count(), 1);
        assert_eq!(words.len(), 3 + FORMS.len() - 1);
    }

    #[test]
    fn each_form_is_a_contraction_the_list_would_add() {
        for form in FORMS {
            assert!(crate::is_contraction(form), "{form}");
        }
    }
}
