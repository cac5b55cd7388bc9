//! Spelling correction that touches nothing but misspelt words: the text
//! is tokenized first, each plain word is checked, and a correction takes
//! the case of the word it replaces.

use symspell::{AsciiStringStrategy, SymSpell, Verbosity};

use super::changes::{Builder, Outcome};
use super::error_model;
use super::extra_words::ExtraWords;
use super::lexicon::Lexicon;
use super::tokenize::{tokenize, Kind, Token};

/// What the corrector knows: the candidate index (SymSpell, for words near
/// a typo), the lexicon (whether a word is known, and word-pair odds for
/// context), and the user's extra words.
pub struct Knowledge<'a> {
    pub index: &'a SymSpell<AsciiStringStrategy>,
    pub lexicon: &'a Lexicon,
    pub extra: &'a ExtraWords,
}

/// Edits a word may be away from its correction.
pub const MAX_EDIT_DISTANCE: i64 = 2;

pub fn correct(known: &Knowledge<'_>, text: &str) -> Outcome {
    let mut out = Builder::with_capacity(text.len());
    let tokens = tokenize(text);
    let mut sentence_start = true;
    // The word before, as corrected, when only spaces separate them.
    let mut previous: Option<String> = None;
    for (i, token) in tokens.iter().enumerate() {
        match token.kind {
            Kind::Word => {
                let context = Context {
                    previous: previous.as_deref(),
                    next: next_word(&tokens, i),
                };
                let corrected = correct_word(known, token.text, sentence_start, &context);
                let written = corrected.as_deref().unwrap_or(token.text);
                out.replace(token.text, written);
                previous = Some(written.to_ascii_lowercase());
                sentence_start = false;
            }
            Kind::Kept => {
                out.keep(token.text);
                previous = None;
                sentence_start = false;
            }
            Kind::Gap => {
                out.keep(token.text);
                if !token.text.chars().all(char::is_whitespace) {
                    previous = None;
                }
                if token.text.contains(['.', '!', '?', '\n']) {
                    sentence_start = true;
                }
            }
        }
    }
    out.finish()
}

/// The words around the one being corrected, lowercase.
struct Context<'a> {
    previous: Option<&'a str>,
    next: Option<&'a str>,
}

/// The next token when it is a word after nothing but spaces.
fn next_word<'a>(tokens: &[Token<'a>], i: usize) -> Option<&'a str> {
    match (tokens.get(i + 1), tokens.get(i + 2)) {
        (Some(gap), Some(word))
            if gap.kind == Kind::Gap
                && gap.text.chars().all(char::is_whitespace)
                && word.kind == Kind::Word =>
        {
            Some(word.text)
        }
        _ => None,
    }
}

/// The correction of one plain word, or `None` to leave it as it is.
fn correct_word(
    known: &Knowledge<'_>,
    word: &str,
    sentence_start: bool,
    context: &Context<'_>,
) -> Option<String> {
    let is_known = |lower: &str| known.lexicon.id(lower).is_some();
    let extra = known.extra;
    let lower = word.to_ascii_lowercase().replace('’', "'");
    if lower.chars().filter(char::is_ascii_alphabetic).count() < 2
        || extra.contains(&lower)
        || is_known(&lower)
    {
        return None;
    }
    // A possessive of a known word (`dog's`, `Peter's`) is right.
    if let Some(stem) = lower.strip_suffix("'s") {
        if is_known(stem) || is_capitalised(word) {
            return None;
        }
    }
    // Capitalised mid-sentence and unknown: a name, not a typo.
    if is_capitalised(word) && !sentence_start {
        return None;
    }
    let from_dictionary = most_likely(known, &lower, context);
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
/// explains the typed word: how common it is, times how likely this slip is
/// for it (the error model), times how well it fits between its neighbours
/// (word pairs), all as log10. Ranking only the nearest keeps lookups fast,
/// and measured better than ranking every word within two edits.
fn most_likely(known: &Knowledge<'_>, typed: &str, context: &Context<'_>) -> Option<(f64, String)> {
    let next = context.next.map(str::to_ascii_lowercase);
    known
        .index
        .lookup(typed, Verbosity::Closest, MAX_EDIT_DISTANCE)
        .into_iter()
        .map(|candidate| {
            // In a word-pair model, comparing candidates between two words
            // comes down to each one's odds plus how much each pair lifts them.
            let lift = context
                .previous
                .map_or(0.0, |p| known.lexicon.pair_lift(p, &candidate.term))
                + next
                    .as_deref()
                    .map_or(0.0, |n| known.lexicon.pair_lift(&candidate.term, n));
            let score = (candidate.count as f64).log10()
                - CHANNEL_WEIGHT * error_model::edit_cost(typed, &candidate.term)
                + lift;
            (score, candidate.term)
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))
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
