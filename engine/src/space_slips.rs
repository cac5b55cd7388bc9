//! A space typed in the wrong place: left out between two words
//! (`thepast`) or put inside one (`ins pired`). Either reading is scored
//! like any other correction (word and pair odds from the lexicon, minus
//! the cost of the slip) and wins only where it explains the typed text
//! better than correcting each word on its own.

use crate::candidates::{most_likely, Candidate, Context, Knowledge};
use crate::case::{is_all_capitals, is_name, with_case_of};
use crate::error_model::space_slip_cost;
use crate::lexicon::Lexicon;
use crate::model::{CHANNEL_WEIGHT, LOG_COMPOUND_CLOSED_SHARE, MAX_WORD_LEN, MIN_SPLIT_LEN};
use crate::tokenize::{word_after, Kind, Token};

/// `typed` (lowercase, not a known word) as two known words, and how well
/// they explain it, when that is better than `best`, its best one-word
/// correction (`alot` is `a lot`, though `slot` is a key away). Only after
/// a common word (`thepast`, `alot`, `infact`): a dictionary word and a
/// suffix or another word (`prisonlike`, `effortlessness`, `heartburning`)
/// is more often a right word the dictionary lacks than a slip. Not two
/// words the web writes closed as a compound of its own, a quarter as
/// often as apart or more (`LOG_COMPOUND_CLOSED_SHARE`: `homeownership`,
/// `timesharing`): the lists lack many such words, and their count is
/// far beyond the spaces people leave out of the pair.
pub fn split(
    lexicon: &Lexicon,
    typed: &str,
    best: Option<&Candidate>,
    context: &Context<'_>,
) -> Option<(f64, String)> {
    if typed.len() < MIN_SPLIT_LEN || !typed.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let slip = CHANNEL_WEIGHT * space_slip_cost();
    // A common word is short (`information`, of eleven letters, is the
    // longest): cuts after `MAX_WORD_LEN` letters would look a long
    // string's prefixes up for nothing, in time growing with the square
    // of its length.
    let cuts = 1..typed.len().min(MAX_WORD_LEN + 1);
    let (score, first, second) = cuts
        .filter_map(|cut| {
            let (first, second) = typed.split_at(cut);
            if !lexicon.is_common(first) || !whole_word(second) {
                return None;
            }
            let fit = lexicon.phrase_score(
                context.previous,
                &[first, second],
                context.next.as_deref(),
            )?;
            Some((fit - slip, first, second))
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))?;
    let compound = lexicon
        .closed_over_apart(typed, first, second)
        .is_some_and(|share| share >= LOG_COMPOUND_CLOSED_SHARE);
    (!compound && best.is_none_or(|b| score > b.score))
        .then(|| (score, format!("{first} {second}")))
}

/// The dictionary knows most single letters as words; a run-together
/// word does not end in one.
fn whole_word(part: &str) -> bool {
    part.len() >= 2
}

/// The word at `i` joined with the next (one space between them), when at
/// least one of the two is not a word and the joined word explains both
/// better than correcting each on its own. Two known words stay two.
pub fn merge(
    known: &Knowledge<'_>,
    tokens: &[Token<'_>],
    i: usize,
    previous: Option<&str>,
    sentence_start: bool,
) -> Option<String> {
    let (first, gap, second) = (&tokens[i], tokens.get(i + 1)?, tokens.get(i + 2)?);
    if gap.kind != Kind::Gap || gap.text != " " || second.kind != Kind::Word {
        return None;
    }
    // Letters only, and not an acronym.
    let plain =
        |word: &str| word.bytes().all(|b| b.is_ascii_alphabetic()) && !is_all_capitals(word);
    if !plain(first.text) || !plain(second.text) {
        return None;
    }
    let (a, b) = (
        first.text.to_ascii_lowercase(),
        second.text.to_ascii_lowercase(),
    );
    let (a_known, b_known) = (known.is_word(&a), known.is_word(&b));
    if (a_known && b_known)
        || known.extra.contains(&a)
        || known.extra.contains(&b)
        || (!a_known && is_name(first.text, sentence_start))
        || (!b_known && is_name(second.text, false))
    {
        return None;
    }
    let joined = format!("{a}{b}");
    let after = word_after(tokens, i + 2).map(str::to_ascii_lowercase);
    let together = known
        .lexicon
        .phrase_score(previous, &[&joined], after.as_deref())?
        - CHANNEL_WEIGHT * space_slip_cost();
    // The two words as typed, each corrected if it is not a word.
    let reading = |word: &str, is_known: bool, context: Context<'_>| {
        if is_known {
            Some((word.to_owned(), 0.0))
        } else {
            most_likely(known, word, &context).map(|c| (c.term, c.cost))
        }
    };
    let apart = reading(
        &a,
        a_known,
        Context::new((None, previous), (Some(b.clone()), None)),
    )
    .and_then(|(a, a_cost)| {
        let (b, b_cost) = reading(
            &b,
            b_known,
            Context::new((None, Some(&a)), (after.clone(), None)),
        )?;
        let fit = known
            .lexicon
            .phrase_score(previous, &[&a, &b], after.as_deref())?;
        Some(fit - CHANNEL_WEIGHT * (a_cost + b_cost))
    });
    apart
        .is_none_or(|apart| together > apart)
        .then(|| with_case_of(first.text, &joined))
}
