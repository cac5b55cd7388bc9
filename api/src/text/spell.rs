//! Spelling correction that touches nothing but misspelt words: the text
//! is tokenized first, each plain word is checked, and a correction takes
//! the case of the word it replaces.

use symspell::{AsciiStringStrategy, SymSpell, Verbosity};

use super::changes::{Builder, Outcome};
use super::error_model;
use super::extra_words::ExtraWords;
use super::tokenize::{tokenize, Kind};

/// Edits a word may be away from its correction.
pub const MAX_EDIT_DISTANCE: i64 = 2;

pub fn correct(index: &SymSpell<AsciiStringStrategy>, extra: &ExtraWords, text: &str) -> Outcome {
    let mut out = Builder::with_capacity(text.len());
    let mut sentence_start = true;
    for token in tokenize(text) {
        match token.kind {
            Kind::Word => {
                let corrected = correct_word(index, extra, token.text, sentence_start);
                out.replace(token.text, corrected.as_deref().unwrap_or(token.text));
                sentence_start = false;
            }
            Kind::Kept => {
                out.keep(token.text);
                sentence_start = false;
            }
            Kind::Gap => {
                out.keep(token.text);
                if token.text.contains(['.', '!', '?', '\n']) {
                    sentence_start = true;
                }
            }
        }
    }
    out.finish()
}

/// The correction of one plain word, or `None` to leave it as it is.
fn correct_word(
    index: &SymSpell<AsciiStringStrategy>,
    extra: &ExtraWords,
    word: &str,
    sentence_start: bool,
) -> Option<String> {
    let lower = word.to_ascii_lowercase().replace('’', "'");
    if lower.chars().filter(char::is_ascii_alphabetic).count() < 2
        || extra.contains(&lower)
        || is_known(index, &lower)
    {
        return None;
    }
    // A possessive of a known word (`dog's`, `Peter's`) is right.
    if let Some(stem) = lower.strip_suffix("'s") {
        if is_known(index, stem) || is_capitalised(word) {
            return None;
        }
    }
    // Capitalised mid-sentence and unknown: a name, not a typo.
    if is_capitalised(word) && !sentence_start {
        return None;
    }
    let from_dictionary = most_likely(index, &lower);
    let from_extra = extra.best_match(&lower, CHANNEL_WEIGHT, MAX_EXTRA_COST);
    match (from_dictionary, from_extra) {
        (Some((score, _)), Some((extra_score, term))) if extra_score > score => {
            Some(with_case_of_extra(word, term))
        }
        (None, Some((_, term))) => Some(with_case_of_extra(word, term)),
        (Some((_, term)), _) => Some(with_case_of(word, &term)),
        (None, None) => None,
    }
}

/// Among the nearest dictionary words (within two edits), the one that best
/// explains the typed word: how common it is (its frequency), times how
/// likely this slip is for it (the error model), both as log10. Ranking
/// only the nearest keeps lookups fast, and measured better than ranking
/// every word within two edits (README, "Text engine figures").
fn most_likely(index: &SymSpell<AsciiStringStrategy>, typed: &str) -> Option<(f64, String)> {
    // No edit costs less than `CHEAPEST_EDIT`, so a candidate's score is at
    // most this bound; scoring in bound order stops at the first that cannot win.
    let bound = |count: i64, distance: i64| {
        (count as f64).log10() - CHANNEL_WEIGHT * error_model::CHEAPEST_EDIT * distance as f64
    };
    let mut candidates = index.lookup(typed, Verbosity::Closest, MAX_EDIT_DISTANCE);
    candidates.sort_by(|a, b| bound(b.count, b.distance).total_cmp(&bound(a.count, a.distance)));
    let mut best: Option<(f64, String)> = None;
    for candidate in candidates {
        if best
            .as_ref()
            .is_some_and(|(score, _)| bound(candidate.count, candidate.distance) <= *score)
        {
            break;
        }
        let score = (candidate.count as f64).log10()
            - CHANNEL_WEIGHT * error_model::edit_cost(typed, &candidate.term);
        if best.as_ref().is_none_or(|(top, _)| score > *top) {
            best = Some((score, candidate.term));
        }
    }
    best
}

/// Extra words are suggested up to two ordinary edits away.
const MAX_EXTRA_COST: f64 = 4.0;

/// An extra word written with capitals (`Kubernetes`) keeps them, unless
/// the typed word was all capitals.
fn with_case_of_extra(original: &str, extra: &str) -> String {
    let shouting = original.len() > 1 && original.chars().all(|c| !c.is_ascii_lowercase());
    if shouting {
        extra.to_uppercase()
    } else if extra.chars().any(|c| c.is_uppercase()) {
        extra.to_owned()
    } else {
        with_case_of(original, extra)
    }
}

/// How much one unit of edit cost outweighs a tenfold difference in
/// frequency.
const CHANNEL_WEIGHT: f64 = 1.5;

fn is_known(index: &SymSpell<AsciiStringStrategy>, lower: &str) -> bool {
    index
        .lookup(lower, Verbosity::Top, 0)
        .first()
        .is_some_and(|s| s.term == lower)
}

fn is_capitalised(word: &str) -> bool {
    let mut letters = word.chars().filter(char::is_ascii_alphabetic);
    letters.next().is_some_and(|c| c.is_ascii_uppercase())
        && letters.all(|c| c.is_ascii_lowercase())
}

/// `teh`→`the`, `Teh`→`The`, `TEH`→`THE`.
fn with_case_of(original: &str, lower: &str) -> String {
    let letters: Vec<char> = original.chars().filter(char::is_ascii_alphabetic).collect();
    if letters.len() > 1 && letters.iter().all(char::is_ascii_uppercase) {
        return lower.to_ascii_uppercase();
    }
    if letters.first().is_some_and(char::is_ascii_uppercase) {
        let mut chars = lower.chars();
        return chars
            .next()
            .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
            .unwrap_or_default();
    }
    lower.to_owned()
}

#[cfg(test)]
mod tests {
    use super::with_case_of;

    #[test]
    fn corrections_take_the_case_of_the_word() {
        for (original, corrected) in [("teh", "the"), ("Teh", "The"), ("TEH", "THE")] {
            assert_eq!(with_case_of(original, "the"), corrected);
        }
    }
}
