//! Corrections spelt as American English spells them, unless the writer
//! spells the British way. The dictionary holds British spellings too,
//! which are right words where they are typed (`colour`, `organisation`);
//! but the engine's English is American (its word list is SCOWL's
//! `en_US`), and a misspelling as near both spellings got the one whose
//! slip the error model finds likelier, often the British (`customie` →
//! `customise`: a left-out `s` is commoner than a left-out `z`).

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
        let as_near = edits_apart(typed, &spelling) <= edits_apart(typed, &term);
        if log_p > count && as_near && american.as_ref().is_none_or(|(best, _)| log_p > *best) {
            american = Some((log_p, spelling));
        }
    });
    american.map_or(term, |(_, spelling)| spelling)
}

/// Edits between two words, as the index counts them: a letter typed,
/// left out or changed, or two side by side swapped (Damerau's optimal
/// string alignment).
fn edits_apart(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    // Three rows of the table, the last the latest: each turn makes the
    // oldest the new one.
    let mut rows = [
        vec![0; b.len() + 1],
        vec![0; b.len() + 1],
        (0..=b.len()).collect::<Vec<_>>(),
    ];
    for i in 1..=a.len() {
        rows.rotate_left(1);
        let [two_back, one_back, row] = &mut rows;
        row[0] = i;
        for j in 1..=b.len() {
            let changed = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (one_back[j] + 1)
                .min(row[j - 1] + 1)
                .min(one_back[j - 1] + changed);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(two_back[j - 2] + 1);
            }
        }
    }
    rows[2][b.len()]
}

#[cfg(test)]
mod tests {
    use super::edits_apart;

    #[test]
    fn edits_apart_counts_as_the_index_does() {
        assert_eq!(edits_apart("", ""), 0);
        assert_eq!(edits_apart("", "abc"), 3);
        assert_eq!(edits_apart("customie", "customise"), 1);
        assert_eq!(edits_apart("customie", "customize"), 1);
        assert_eq!(edits_apart("analised", "analysed"), 1);
        assert_eq!(edits_apart("analised", "analyzed"), 2);
        // Two side by side swapped is one edit; `ca` to `abc` is three
        // (no letters are put between two swapped).
        assert_eq!(edits_apart("teh", "the"), 1);
        assert_eq!(edits_apart("ca", "abc"), 3);
        assert_eq!(edits_apart("kitten", "sitting"), 3);
    }
}
