//! Spelling correction that touches nothing but misspelt words: the text
//! is tokenized first, each plain word is checked, and a correction takes
//! the case of the word it replaces.

use symspell::Verbosity;

use super::changes::{Builder, Outcome};
use super::error_model;
use super::extra_words::ExtraWords;
use super::lexicon::Lexicon;
use super::sounds_like::SoundsLike;
use super::space_slips;
use super::spelling_index::{Index, MAX_EDIT_DISTANCE};
use super::tokenize::{tokenize, Kind, Token};
use super::word_forms;

/// What the corrector knows: the candidate index (SymSpell, for words near
/// a typo), the lexicon (whether a word is known, and word-pair odds for
/// context), and the user's extra words.
pub struct Knowledge<'a> {
    pub index: &'a Index,
    pub lexicon: &'a Lexicon,
    pub sounds_like: &'a SoundsLike,
    pub extra: &'a ExtraWords,
}

pub fn correct(known: &Knowledge<'_>, text: &str) -> Outcome {
    let mut out = Builder::with_capacity(text.len());
    let tokens = tokenize(text);
    let mut sentence_start = true;
    // The word before, as corrected, when only spaces separate them.
    let mut previous: Option<String> = None;
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        match token.kind {
            Kind::Word => {
                if let Some(joined) =
                    space_slips::merge(known, &tokens, i, previous.as_deref(), sentence_start)
                {
                    // `ins pired`: the word, its space and the next word.
                    let span = token.span.start..tokens[i + 2].span.end;
                    out.replace(&text[span], &joined);
                    previous = Some(joined.to_ascii_lowercase());
                    sentence_start = false;
                    i += 3;
                    continue;
                }
                let corrected = if is_acronym(&tokens, i) {
                    None
                } else {
                    let neighbours = (previous.as_deref(), next_word(&tokens, i));
                    correct_word(known, token.text, sentence_start, neighbours)
                };
                let written = corrected.as_deref().unwrap_or(token.text);
                out.replace(token.text, written);
                // After a split (`the past`), the last of the two words.
                let last = written.rsplit(' ').next().unwrap_or(written);
                previous = Some(last.to_ascii_lowercase());
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
        i += 1;
    }
    out.finish()
}

/// The words around the one being corrected, lowercase.
pub struct Context<'a> {
    pub previous: Option<&'a str>,
    pub next: Option<String>,
}

/// The next token when it is a word after nothing but spaces.
pub fn next_word<'a>(tokens: &[Token<'a>], i: usize) -> Option<&'a str> {
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
/// `neighbours`: the word before, as corrected and lowercase, and the word
/// after, as typed.
fn correct_word(
    known: &Knowledge<'_>,
    word: &str,
    sentence_start: bool,
    (previous, next): (Option<&str>, Option<&str>),
) -> Option<String> {
    let extra = known.extra;
    let lower = word.to_ascii_lowercase().replace('’', "'");
    if lower.chars().filter(char::is_ascii_alphabetic).count() < 2 || known.is_word(&lower) {
        return None;
    }
    // A possessive of a known word (`dog's`, `Peter's`) is right.
    if let Some(stem) = lower.strip_suffix("'s") {
        if known.is_word(stem) || is_capitalised(word) {
            return None;
        }
    }
    if is_name(word, sentence_start) {
        return None;
    }
    // Two letters the dictionary lacks are far more often an abbreviation
    // or a foreign word (`ex officio`, `en masse`, `et al`, `ye`) than a
    // slip; only two letters swapped (`ot` → `to`) is corrected.
    if lower.len() == 2 {
        let swapped: String = lower.chars().rev().collect();
        return known
            .is_word(&swapped)
            .then(|| with_case_of(word, &swapped));
    }
    // Only now, for a word that needs it, the context.
    let context = &Context {
        previous,
        next: next.map(str::to_ascii_lowercase),
    };
    let from_dictionary =
        most_likely(known, &lower, context).or_else(|| by_ear(known, &lower, context));
    if let Some((extra_score, term)) = extra.best_match(&lower, CHANNEL_WEIGHT, MAX_EXTRA_COST) {
        if from_dictionary
            .as_ref()
            .is_none_or(|best| extra_score > best.score)
        {
            return Some(with_case_of_extra(word, term));
        }
    }
    space_slips::split(known.lexicon, &lower, from_dictionary.as_ref(), context)
        .or(from_dictionary.map(|best| best.term))
        .map(|term| with_case_of(word, &term))
}

/// A dictionary word one to two edits from a typed word, and how well it
/// explains it.
pub struct Candidate {
    pub term: String,
    /// Edits from the typed word (all candidates of one lookup share it).
    pub distance: i64,
    /// The error model's cost of the slip.
    pub cost: f64,
    /// `Lexicon::phrase_score` of the word in its place, minus the weighted
    /// slip cost.
    pub score: f64,
}

/// Among the nearest dictionary words (within two edits), the one that best
/// explains the typed word: how common it is, times how likely this slip is
/// for it (the error model), times how well it fits between its neighbours
/// (word pairs), all as log10. Ranking only the nearest keeps lookups fast,
/// and measured better than ranking every word within two edits.
pub fn most_likely(known: &Knowledge<'_>, typed: &str, context: &Context<'_>) -> Option<Candidate> {
    known
        .index
        .lookup(typed, Verbosity::Closest, MAX_EDIT_DISTANCE)
        .into_iter()
        .filter_map(|found| Candidate::scored(known, typed, found.term, found.distance, context))
        .max_by(|a, b| a.score.total_cmp(&b.score))
}

/// Beyond two edits, the word that sounds like the typed one and best
/// explains it, within three ordinary edits (`nessasary` → `necessary`).
/// It must begin with the same letter, as people seldom get the first
/// one wrong (and a right word the dictionary lacks, `antrorse`, must not
/// become a word that merely sounds like it, `endorse`). Short words are
/// left alone: too many words sound alike.
fn by_ear(known: &Knowledge<'_>, typed: &str, context: &Context<'_>) -> Option<Candidate> {
    const MAX_COST: f64 = 5.0;
    if typed.len() < 5 {
        return None;
    }
    known
        .sounds_like
        .words(typed)
        .iter()
        .filter(|word| word.as_bytes().first() == typed.as_bytes().first())
        .filter_map(|word| {
            Candidate::scored(
                known,
                typed,
                word.to_string(),
                MAX_EDIT_DISTANCE + 1,
                context,
            )
        })
        .filter(|candidate| candidate.cost <= MAX_COST)
        .max_by(|a, b| a.score.total_cmp(&b.score))
}

impl Candidate {
    /// `term` as the correction of `typed` in its place.
    fn scored(
        known: &Knowledge<'_>,
        typed: &str,
        term: String,
        distance: i64,
        context: &Context<'_>,
    ) -> Option<Candidate> {
        let cost = error_model::edit_cost(typed, &term);
        let fit =
            known
                .lexicon
                .phrase_score(context.previous, &[&term], context.next.as_deref())?;
        Some(Candidate {
            score: fit - CHANNEL_WEIGHT * cost,
            distance,
            cost,
            term,
        })
    }
}

impl Knowledge<'_> {
    /// In the dictionary or among the extra words: never corrected.
    pub fn is_word(&self, lower: &str) -> bool {
        self.lexicon.id(lower).is_some()
            || self.extra.contains(lower)
            || word_forms::is_prefixed(self.lexicon, lower)
    }
}

/// All capitals (`LSU`, `UN`) among words that are not: an acronym, not a
/// word typed with Caps Lock on. A word alone, or among other capitals
/// (`TEH DOG`), is shouted, and corrected.
fn is_acronym(tokens: &[Token<'_>], i: usize) -> bool {
    let capitals = |token: Option<&Token<'_>>| token.map(|t| is_all_capitals(t.text));
    let before = capitals(tokens[..i].iter().rev().find(|t| t.kind == Kind::Word));
    let after = capitals(tokens[i + 1..].iter().find(|t| t.kind == Kind::Word));
    is_all_capitals(tokens[i].text)
        && (before.is_some() || after.is_some())
        && before != Some(true)
        && after != Some(true)
}

pub fn is_all_capitals(word: &str) -> bool {
    word.chars().filter(char::is_ascii_alphabetic).count() > 1
        && !word.chars().any(|c| c.is_ascii_lowercase())
}

/// Capitalised mid-sentence: a name, when it is not a known word.
pub fn is_name(word: &str, sentence_start: bool) -> bool {
    is_capitalised(word) && !sentence_start
}

/// Extra words are suggested up to two ordinary edits away.
const MAX_EXTRA_COST: f64 = 4.0;

/// An extra word written with capitals (`Kubernetes`) keeps them, unless
/// the typed word was all capitals.
fn with_case_of_extra(original: &str, extra: &str) -> String {
    if is_all_capitals(original) {
        extra.to_uppercase()
    } else if extra.chars().any(|c| c.is_uppercase()) {
        extra.to_owned()
    } else {
        with_case_of(original, extra)
    }
}

/// How much one unit of edit cost outweighs a tenfold difference in
/// frequency.
pub const CHANNEL_WEIGHT: f64 = 1.5;

fn is_capitalised(word: &str) -> bool {
    let mut letters = word.chars().filter(char::is_ascii_alphabetic);
    letters.next().is_some_and(|c| c.is_ascii_uppercase())
        && letters.all(|c| c.is_ascii_lowercase())
}

/// `teh`→`the`, `Teh`→`The`, `TEH`→`THE`.
pub fn with_case_of(original: &str, lower: &str) -> String {
    if is_all_capitals(original) {
        return lower.to_ascii_uppercase();
    }
    let first_letter = original.chars().find(char::is_ascii_alphabetic);
    if first_letter.is_some_and(|c| c.is_ascii_uppercase()) {
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
