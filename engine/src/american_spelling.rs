//! Corrections spelt as American English spells them, unless the writer
//! spells the British way. The dictionary holds British spellings too,
//! which are right words where they are typed (`colour`, `organisation`);
//! but the engine's English is American (its word list is SCOWL's
//! `en_US`), and a misspelling as near both spellings got the one whose
//! slip the error model finds likelier, often the British (`customie` →
//! `customise`: a left-out `s` is commoner than a left-out `z`).

use strsim::osa_distance;

use crate::lexicon::Lexicon;
use crate::word_forms;

/// `term`, the correction of `typed`, or its American spelling where that
/// is a dictionary word the corpus counts more often and `typed` is no
/// nearer the British one: `customie` → `customize`, `neighbur` →
/// `neighbor`; but `analised` → `analysed`, typed with the British
/// letters. The counts leave a spelling the web seldom writes; the stem's
/// length keeps `prise` from `prize` (`word_forms::american_respellings`).
pub fn of_correction(lexicon: &Lexicon, typed: &str, term: String) -> String {
    let is_word = |word: &str| lexicon.is_dictionary_word(word);
    let Some(count) = lexicon.unigram_log_p(&term) else {
        return term;
    };
    let mut american: Option<(f32, String)> = None;
    word_forms::american_respellings(&term, &is_word, &mut |spelling| {
        let Some(log_p) = lexicon
            .unigram_log_p(&spelling)
            .filter(|_| is_word(&spelling))
        else {
            return;
        };
        // Edits as the index counts them: a letter typed, left out or
        // changed, or two side by side swapped.
        let as_near = osa_distance(typed, &spelling) <= osa_distance(typed, &term);
        if log_p > count && as_near && american.as_ref().is_none_or(|(best, _)| log_p > *best) {
            american = Some((log_p, spelling));
        }
    });
    american.map_or(term, |(_, spelling)| spelling)
}

#[cfg(test)]
mod tests {
    use strsim::osa_distance;

    #[test]
    fn the_nearness_of_british_and_american_spellings_is_counted_as_the_index_does() {
        // As near both: the slip was the letter that tells them apart.
        assert_eq!(osa_distance("customie", "customise"), 1);
        assert_eq!(osa_distance("customie", "customize"), 1);
        // Typed with the British letter: nearer the British spelling.
        assert_eq!(osa_distance("analised", "analysed"), 1);
        assert_eq!(osa_distance("analised", "analyzed"), 2);
        // Two side by side swapped is one edit; `ca` to `abc` is three
        // (no letters are put between two swapped).
        assert_eq!(osa_distance("teh", "the"), 1);
        assert_eq!(osa_distance("ca", "abc"), 3);
    }
}
