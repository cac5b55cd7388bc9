//! The corrections a typed word could be, each scored by how well it
//! explains what was typed (the error model) and how well it fits between
//! its neighbours (the lexicon): shared by the word corrector (`spell`)
//! and the space-slip reader (`space_slips`).

use std::cell::OnceCell;

use rustc_hash::FxHashSet;
use symspell::{Suggestion, Verbosity};

use crate::by_first_letter::ByFirstLetter;
use crate::error_model::{self, edit_cost, SentAlone};
use crate::extra_words::ExtraWords;
use crate::irregular_forms;

use crate::lexicon::{Lexicon, Place, WordsAround};
use crate::model::{
    ALONE_TWO_EDITS_MARGIN, ALTERNATIVE_MARGIN, CHANNEL_WEIGHT, MAX_EDIT_DISTANCE,
    MAX_REPLACEMENTS, MAX_SOUND_COST, MAX_SOUND_EDITS, MAX_STRETCHES, MAX_WORD_LEN,
    MIN_SOUND_WORD_LEN, MIN_STRETCH, NAME_SLIP_RATIO,
};
use crate::near_words::NearWords;
use crate::sounds_like::{self, SoundsLike};
use crate::word_forms;
use spelling_index::Index;

/// What the corrector knows: the candidate index (SymSpell, for words near
/// a typo), the lexicon (whether a word is known, and word-pair odds for
/// context), and the user's extra words.
pub struct Knowledge<'a> {
    pub index: &'a Index,
    pub lexicon: &'a Lexicon,
    pub sounds_like: &'a SoundsLike,
    /// Every dictionary word by its first letter and length (`far_words`).
    pub by_first_letter: &'a ByFirstLetter,
    /// Words SCOWL writes only with a capital (`dictionary::names`).
    pub names: &'a FxHashSet<&'static str>,
    /// Today's given names (`dictionary::given_names`).
    pub given_names: &'a FxHashSet<&'static str>,
    /// The dictionary words one slip from each (`near_words`).
    pub near_words: &'a NearWords,
    pub extra: &'a ExtraWords,
}

/// The words around the one being corrected: one on each side for the
/// pairs, lowercase, and two on each side for the triples.
pub struct Context<'a> {
    two_before: Option<&'a str>,
    pub previous: Option<&'a str>,
    pub next: Option<String>,
    /// As typed: made lowercase only if a candidate is weighed (`place`).
    two_after: Option<&'a str>,
    /// The words around, looked up (`Lexicon::place`) when the first
    /// candidate is weighed: most words are right and have none.
    place: OnceCell<Place>,
    /// The word was typed without a capital in running text, where a name
    /// is an unlikely correction (`name_cost`).
    lowercase_in_text: bool,
}

impl<'a> Context<'a> {
    pub fn new(
        (two_before, previous): (Option<&'a str>, Option<&'a str>),
        (next, two_after): (Option<String>, Option<&'a str>),
    ) -> Self {
        Context {
            two_before,
            previous,
            next,
            two_after,
            place: OnceCell::new(),
            lowercase_in_text: false,
        }
    }

    /// The context of a word typed without a capital in running text
    /// (`name_cost`).
    pub fn lowercase_in_text(self, lowercase_in_text: bool) -> Self {
        Context {
            lowercase_in_text,
            ..self
        }
    }

    pub fn place(&self, lexicon: &Lexicon) -> &Place {
        self.place.get_or_init(|| {
            let two_after = self.two_after.map(str::to_ascii_lowercase);
            lexicon.place(&WordsAround {
                two_before: self.two_before,
                before: self.previous,
                next: self.next.as_deref(),
                two_after: two_after.as_deref(),
            })
        })
    }
}

/// A dictionary word one to two edits from a typed word, and how well it
/// explains it.
pub struct Candidate {
    pub term: String,
    /// Edits from the typed word (the index's nearest words share it; a
    /// word a stutter or a kept `y` explains has its own).
    pub distance: i64,
    /// The error model's cost of the slip.
    pub cost: f64,
    /// `Lexicon::phrase_score` of the word in its place, minus the weighted
    /// slip cost and a name's (`name_cost`): what the word is weighed by
    /// against other readings (the word as typed, two words, an extra
    /// word). The candidates themselves are ranked with two words on each
    /// side (`best_of`).
    pub score: f64,
    /// The other words of the same search nearly as likely in its place,
    /// likeliest first (`model::ALTERNATIVE_MARGIN`): what the writer may
    /// have meant instead.
    pub others: Vec<String>,
}

/// The dictionary word that best explains a misspelt `typed`, sought
/// nearest first: within two edits (`most_likely`; for a word sent alone,
/// `most_likely_alone`), then by ear, then among the rare words one edit
/// away, and last, for a word sent alone, three edits away by its letters
/// (`far_words`). A word sent alone is asked about because it may be
/// misspelt, and has no neighbours to weigh its corrections.
pub fn best_correction(
    known: &Knowledge<'_>,
    typed: &str,
    context: &Context<'_>,
    alone: bool,
) -> Option<Candidate> {
    near_correction(known, typed, context, alone)
        .or_else(|| alone.then(|| far_words(known, typed, context))?)
}

/// A word stretched for emphasis (`soooo`, `noooo`, `pleeeease`): a letter
/// four times or more in a row, which no English word has and no slip of
/// the fingers makes, so the word meant is the typed one with each such
/// run cut to one letter or two (`so`, `no`, `please`), whichever
/// dictionary word with a vowel, and no name, best fits its place, at no
/// cost of a slip: the stretch is meant (letter by letter, `sooooo` sent
/// alone was `sokoto`). Three letters are left to the error model, as a key
/// struck once too often on a doubled letter makes them too (`commmet`,
/// `theee` for `there`; cut short, `comet` and `the`). A stretched sound
/// (`brrrr`, `zzzz`, `aaaa`) stays: cut short, it is no word, or only an
/// abbreviation (`br`, `aa`). None for a word of more than
/// `MAX_STRETCHES` such runs, as each doubles the words to weigh.
pub fn unstretched(known: &Knowledge<'_>, typed: &str, context: &Context<'_>) -> Option<Candidate> {
    let mut runs = Vec::new();
    let mut start = 0;
    for run in typed.as_bytes().chunk_by(|a, b| a == b) {
        if run.len() >= MIN_STRETCH && run[0].is_ascii_alphabetic() {
            runs.push(start..start + run.len());
        }
        start += run.len();
    }
    let stretched: usize = runs.iter().map(ExactSizeIterator::len).sum();
    if runs.is_empty() || runs.len() > MAX_STRETCHES || stretched == typed.len() {
        return None;
    }
    // Each run cut to one letter (bit clear) or two (bit set).
    let words = (0..1u32 << runs.len()).filter_map(|kept_two| {
        let mut word = String::with_capacity(typed.len());
        let mut from = 0;
        for (k, run) in runs.iter().enumerate() {
            word.push_str(&typed[from..run.start]);
            let kept = if kept_two & (1 << k) == 0 { 1 } else { 2 };
            word.push_str(&typed[run.start..run.start + kept]);
            from = run.end;
        }
        word.push_str(&typed[from..]);
        let cut = (typed.len() - word.len()) as i64;
        let vowel = word.bytes().any(|b| b"aeiouy".contains(&b));
        (vowel && !known.names.contains(word.as_str())).then_some((word, cut))
    });
    best_of(known, context, words, |_| 0.0, f64::INFINITY)
}

/// `best_correction` short of the last resort, the words three edits
/// away by their letters (`far_words`, which may weigh thousands of words:
/// some 2 ms for a word shaped like many others, `colorectal`).
pub fn near_correction(
    known: &Knowledge<'_>,
    typed: &str,
    context: &Context<'_>,
    alone: bool,
) -> Option<Candidate> {
    let nearest = if alone {
        most_likely_alone(known, typed, context)
    } else {
        most_likely_in_text(known, typed, context)
    };
    nearest
        .or_else(|| by_ear(known, typed, context))
        .or_else(|| among_rare_words(known, typed, context))
}

/// Among the nearest dictionary words (within two edits), the one that best
/// explains the typed word: how common it is, times how likely this slip is
/// for it (the error model), times how well it fits among the two words on
/// each side (word triples, backing off to pairs), all as log10. Ranking
/// only the nearest keeps lookups fast, and measured better in running
/// text than ranking every word within two edits (a word sent alone:
/// `most_likely_alone`). A dictionary word the typed one is with a
/// few letters typed twice is weighed too, however far (`dependendents`,
/// three edits from `dependents`), one whose `y` the typed one kept
/// before its ending (`copys` for `copies`, two edits, where `copy` is
/// one), and one with two letters swapped over one between (`recude` for
/// `reduce`, two edits, where `recuse` is one): the error model knows
/// those slips.
pub fn most_likely(known: &Knowledge<'_>, typed: &str, context: &Context<'_>) -> Option<Candidate> {
    let slip = |term: &str| edit_cost(typed, term);
    best_of_nearest(known, typed, context, nearest(known, typed), slip)
}

/// `most_likely` with the words two edits away that keep the typed
/// word's consonants (`add_vowels_guessed`: `got in trubble` → `trouble`,
/// where `rubble` is one edit): the corrector's search in running text.
/// The other askers of `most_likely` want a word one slip away.
fn most_likely_in_text(
    known: &Knowledge<'_>,
    typed: &str,
    context: &Context<'_>,
) -> Option<Candidate> {
    let mut found = nearest(known, typed);
    add_vowels_guessed(known, typed, &mut found);
    best_of_nearest(known, typed, context, found, |term| edit_cost(typed, term))
}

/// The index's nearest dictionary words to `typed`, within two edits, and
/// the contractions whose letters typed bare are as near: an apostrophe
/// left out is a habit the error model prices on its own
/// (`APOSTROPHE_HABIT`), not an edit, so `dosent` is as near `doesn't`,
/// its letters swapped, as `docent` (it became `docent`).
fn nearest(known: &Knowledge<'_>, typed: &str) -> Vec<Suggestion> {
    let mut found = known
        .index
        .lookup(typed, Verbosity::Closest, MAX_EDIT_DISTANCE);
    let distance = found
        .first()
        .map_or(MAX_EDIT_DISTANCE, |nearest| nearest.distance);
    add_typed_bare(known, typed, distance, &mut found);
    found
}

/// Adds to `found` the contractions whose letters typed bare are within
/// `distance` edits of `typed` (`nearest`), each once.
fn add_typed_bare(known: &Knowledge<'_>, typed: &str, distance: i64, found: &mut Vec<Suggestion>) {
    if typed.contains('\'') {
        return;
    }
    for (contraction, edits) in known.lexicon.typed_bare_near(typed, distance as usize) {
        if !found.iter().any(|f| *f.term == *contraction) {
            found.push(Suggestion::new(contraction, edits as i64, 0));
        }
    }
}

/// `most_likely` for a word sent alone, which has no neighbours to weigh
/// it: the words two edits away are weighed too when their two slips cost
/// `ALONE_TWO_EDITS_MARGIN` less than the cheapest slip to a word one edit
/// away (`containg` → `containing`, two letters left out, where `contain`
/// is one edit; `consdired` → `considered`, not `conspired`). Not in
/// running text, where the farther word won too often where the nearer
/// was meant (fresh sentences 833 → 829: `workns` → `workings`, `sovns`
/// → `sevens`, for `works` and `sons`). They are ranked with the slips of
/// a word sent alone, which favour a word that sounds like the typed one
/// and let any key be struck for another (`error_model::SentAlone`).
/// A typed word of `MIN_SOUND_WORD_LEN` letters or more is also weighed
/// against the words it is with two letters in a row left out, whatever
/// the margin says (`fertily` → `fertility`, `declation` →
/// `declaration`, where `fertile` and `deflation` are one edit): people
/// drop a syllable of a long word (346 of codespell's misspellings of
/// rarer words, against 4,395 with one letter left out), and the error
/// model already prices such a slip as two letters left out.
fn most_likely_alone(
    known: &Knowledge<'_>,
    typed: &str,
    context: &Context<'_>,
) -> Option<Candidate> {
    let mut found = known.index.lookup(typed, Verbosity::All, MAX_EDIT_DISTANCE);
    add_typed_bare(known, typed, MAX_EDIT_DISTANCE, &mut found);
    let nearest = found.iter().map(|found| found.distance).min();
    let slip = |term: &str| edit_cost(typed, term);
    let cheapest = found
        .iter()
        .filter(|found| Some(found.distance) == nearest)
        .map(|found| slip(&found.term))
        .fold(f64::INFINITY, f64::min);
    let syllable_dropped =
        |term: &str| typed.len() >= MIN_SOUND_WORD_LEN && two_letters_left_out(typed, term);
    found.retain(|found| {
        Some(found.distance) == nearest
            || slip(&found.term) + ALONE_TWO_EDITS_MARGIN < cheapest
            || syllable_dropped(&found.term)
    });
    add_vowels_guessed(known, typed, &mut found);
    let alone = SentAlone::new(typed);
    best_of_nearest(known, typed, context, found, |term| alone.cost(term))
}

/// The dictionary words within two edits of `typed` that keep its
/// consonants and differ only in vowels or a letter typed twice
/// (`adres` → `address`, `structer` → `structure`, `prepair` → `prepare`):
/// a misspelling made by ear, where the consonants are heard and the
/// vowels guessed. They are weighed beside the nearest words, in running
/// text as for a word sent alone, however cheap a slip to a word one edit
/// away is: such a word is two edits away only by letters. They are added
/// to `found`, each once.
fn add_vowels_guessed(known: &Knowledge<'_>, typed: &str, found: &mut Vec<Suggestion>) {
    if typed.len() < MIN_SOUND_WORD_LEN {
        return;
    }
    for word in known.sounds_like.same(typed) {
        if !sounds_like::same_consonants(typed, word) || found.iter().any(|f| *f.term == **word) {
            continue;
        }
        let distance = strsim::osa_distance(typed, word);
        if (1..=MAX_EDIT_DISTANCE as usize).contains(&distance) {
            found.push(Suggestion::new(&**word, distance as i64, 0));
        }
    }
}

/// Of the words the index found near `typed`, and those the typed one is
/// with a stutter undone, an ending put back (`ending_put_back`), a
/// learner's regular form undone (`irregular_forms_meant`) or two letters
/// swapped back over one, the one that best explains `typed` (`best_of`).
fn best_of_nearest(
    known: &Knowledge<'_>,
    typed: &str,
    context: &Context<'_>,
    found: Vec<Suggestion>,
    slip: impl Fn(&str) -> f64,
) -> Option<Candidate> {
    let nearest = found.into_iter().map(|found| (found.term, found.distance));
    let longest = known.by_first_letter.longest();
    // A swap for each letter, and seldom a word: only the words are made
    // into strings (`best_of` weighs only the dictionary words among the
    // others).
    let mut swapped = Vec::new();
    error_model::each_swap_over_undone(typed, longest, |word| {
        if known.lexicon.is_dictionary_word(word) {
            swapped.push((word.to_owned(), 2));
        }
    });
    let slipped = error_model::stutters_undone(typed, longest)
        .into_iter()
        .chain(ending_put_back(known, typed))
        .chain(irregular_forms_meant(known, typed))
        .map(|(word, edits)| (word, edits as i64))
        .chain(swapped);
    let words = nearest.chain(slipped);
    best_of(known, context, words, slip, f64::INFINITY)
}

/// The words `typed` is with the ending English spells put back
/// (`copys` → `copies`), and, where that is no word, the index's words
/// one edit from it (`propetrys` → `properties`, `memmorys` →
/// `memories`): a writer who keeps the stem's `y` or `f` may slip in the
/// stem too, and the word meant is then three edits or more from the
/// typed one by its letters, beyond the index's search, while the stem
/// without its ending is near (`property`). The error model weighs each
/// by keeping the stem (`error_model::edit_cost`).
fn ending_put_back(known: &Knowledge<'_>, typed: &str) -> Vec<(String, usize)> {
    let mut words = Vec::new();
    for (word, edits) in error_model::stem_change_put_back(typed) {
        if !known.lexicon.is_dictionary_word(&word) {
            for near in known.index.lookup(&word, Verbosity::All, 1) {
                words.push((near.term.to_string(), edits + near.distance as usize));
            }
        }
        words.push((word, edits));
    }
    words
}

/// The irregular forms a learner's regular past or plural stands for
/// (`teached` → `taught`, `broked` → `broke`, `broken`; `criterions`
/// → `criteria`; `irregular_forms`), each one slip of a rule away: the
/// words around choose between a past and a participle. Not for a word
/// the dictionary has (`founded`, `dreamed`, `phenomenons`).
fn irregular_forms_meant(known: &Knowledge<'_>, typed: &str) -> Vec<(String, usize)> {
    let mut words = Vec::new();
    if !known.lexicon.is_dictionary_word(typed) {
        irregular_forms::each_meant(typed, |before, form| {
            words.push((format!("{before}{form}"), 1));
        });
    }
    words
}

/// Beyond two edits, the word that sounds like the typed one and best
/// explains it, within three ordinary edits (`nessasary` → `necessary`):
/// one with the same consonant skeleton, or one consonant sound more,
/// fewer or another (`maitainance` → `maintenance`, `avaiblity` →
/// `availability`). It must begin with the same letter, as people seldom
/// get the first one wrong (and a right word the dictionary lacks,
/// `antrorse`, must not become a word that merely sounds like it,
/// `endorse`). Short words are left alone: too many words sound alike.
fn by_ear(known: &Knowledge<'_>, typed: &str, context: &Context<'_>) -> Option<Candidate> {
    // No word is within `MAX_SOUND_EDITS` of a string that many letters
    // longer than every word, and its skeleton's edits, each looked up,
    // grow with the square of its length.
    let too_long = known.by_first_letter.longest() + MAX_SOUND_EDITS;
    if typed.len() < MIN_SOUND_WORD_LEN || typed.len() > too_long {
        return None;
    }
    let same_first = |word: &&str| word.as_bytes().first() == typed.as_bytes().first();
    // Words one sound apart are many: those more than three edits away
    // by their letters alone are left out before the error model weighs
    // them.
    let near = |word: &str| same_first(&word) && within_sound_edits(typed, word);
    let (same_sounds, one_sound_apart) = known.sounds_like.near(typed, near);
    let words = same_sounds
        .iter()
        .map(|word| &**word)
        .filter(same_first)
        .chain(one_sound_apart)
        .map(|word| (word.to_owned(), MAX_EDIT_DISTANCE + 1));
    let slip = |term: &str| edit_cost(typed, term);
    best_of(known, context, words, slip, MAX_SOUND_COST)
}

/// For a word sent alone, when no word is within two edits, none sounds
/// alike and no rare word is one edit away: the dictionary word that best
/// explains it within `MAX_SOUND_EDITS` edits by its letters and the cost
/// of a word found by ear, beginning with the same letter
/// (`sophicated` → `sophisticated`, `accodomation` → `accommodation`:
/// letters left out that the ear misses too). Every word of that letter
/// and a near length is looked at: 0.12 ms for a string of six to
/// fourteen random letters, twice what the other searches take. Only
/// for a word sent alone, which is asked about because it may be
/// misspelt: in running text, where a string this far from every word is
/// as often a coinage, it fixed no sentence of ours and changed a right
/// word (a fortune's lisped `lithtth` became `lith`), and a text of such
/// strings would pay the 0.12 ms for each.
fn far_words(known: &Knowledge<'_>, typed: &str, context: &Context<'_>) -> Option<Candidate> {
    if typed.len() < MIN_SOUND_WORD_LEN {
        return None;
    }
    let lengths = typed.len().saturating_sub(MAX_SOUND_EDITS)..=typed.len() + MAX_SOUND_EDITS;
    let typed_letters = letter_set(typed);
    let words = known
        .by_first_letter
        .starting_with(typed.as_bytes()[0], lengths)
        // A letter one word has and the other lacks is one letter apart at
        // least: most words are ruled out by that alone, without counting.
        // Their lengths are near enough already (`lengths`).
        .filter(|word| {
            (letter_set(word) ^ typed_letters).count_ones() as usize <= 2 * MAX_SOUND_EDITS
                && letters_apart(typed, word) <= 2 * MAX_SOUND_EDITS
        })
        .map(|word| (word.to_owned(), MAX_EDIT_DISTANCE + 1));
    let slip = |term: &str| edit_cost(typed, term);
    best_of(known, context, words, slip, MAX_SOUND_COST)
}

/// The last resort, when the index holds no word within two edits and
/// none sounds alike: the likeliest dictionary word one edit away, the
/// rare listed words included (`geneakogically` → `genealogically`).
/// They are kept out of the index, where a rare word one slip away would
/// hide a common word two slips away; here there is none to hide. Only
/// for words of up to `MAX_WORD_LEN` letters and one more: the strings one
/// edit away grow with the square of the length (a 10,000-letter word
/// took 0.4 s).
fn among_rare_words(
    known: &Knowledge<'_>,
    typed: &str,
    context: &Context<'_>,
) -> Option<Candidate> {
    if typed.len() > MAX_WORD_LEN + 1 {
        return None;
    }
    let mut words = Vec::new();
    spelling_index::each_one_edit_away(typed, |edited| {
        if known.lexicon.is_dictionary_word(edited) {
            words.push((edited.to_owned(), 1));
        }
    });
    let slip = |term: &str| edit_cost(typed, term);
    best_of(known, context, words, slip, f64::INFINITY)
}

/// Of `words` (each with its edits from the typed word), the dictionary
/// word that best explains the typed one in its place, its slip (as
/// `slip` costs the typed word as a slip for it) costing no more than
/// `max_cost`: ranked with two words on each side
/// (`Lexicon::fit_in`), less the weighted slip and, for a name, its cost
/// (`name_cost`). Only the one ranked first is also scored by the pairs
/// (`Candidate::score`); those ranked nearly as high are offered after it
/// (`Candidate::others`).
fn best_of(
    known: &Knowledge<'_>,
    context: &Context<'_>,
    words: impl IntoIterator<Item = (String, i64)>,
    slip: impl Fn(&str) -> f64,
    max_cost: f64,
) -> Option<Candidate> {
    let lexicon = known.lexicon;
    let place = context.place(lexicon);
    // The slip is the dearest part to reckon, and it only lowers a word's
    // rank (it costs nought or more): the words are taken from the best
    // fit down, and once a word's fit falls short of the best rank so far
    // by more than `ALTERNATIVE_MARGIN`, neither it nor any after it can
    // be the best or be offered. In the words' own order again after.
    let mut fits: Vec<Unranked> = words
        .into_iter()
        .enumerate()
        .filter_map(|(at, (term, distance))| {
            let id = lexicon.dictionary_id(&term)?;
            Some(Unranked {
                at,
                fit: lexicon.fit_in(place, id),
                name: name_cost(known, context, &term),
                term,
                distance,
            })
        })
        .collect();
    fits.sort_by(|a, b| b.highest_rank().total_cmp(&a.highest_rank()));
    let mut best = f64::NEG_INFINITY;
    let mut ranked: Vec<(usize, Ranked)> = Vec::new();
    for word in fits {
        if word.highest_rank() < best - ALTERNATIVE_MARGIN {
            break;
        }
        let cost = slip(&word.term);
        if cost <= max_cost {
            let rank = word.fit - CHANNEL_WEIGHT * cost - word.name;
            best = best.max(rank);
            let ranked_word = Ranked {
                rank,
                term: word.term,
                distance: word.distance,
                cost,
                name: word.name,
            };
            ranked.push((word.at, ranked_word));
        }
    }
    ranked.sort_unstable_by_key(|&(at, _)| at);
    let mut ranked: Vec<Ranked> = ranked.into_iter().map(|(_, word)| word).collect();
    // `max_by`, as before the others were offered: of words ranked alike,
    // the last.
    let (at, _) = ranked
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.rank.total_cmp(&b.1.rank))?;
    let best = ranked.swap_remove(at);
    let fit = lexicon.phrase_score(context.previous, &[&best.term], context.next.as_deref())?;
    Some(Candidate {
        score: fit - CHANNEL_WEIGHT * best.cost - best.name,
        others: runners_up(ranked, best.rank),
        term: best.term,
        distance: best.distance,
        cost: best.cost,
    })
}

/// A word `best_of` weighs, before its slip is costed.
struct Unranked {
    /// Where it came among the words given.
    at: usize,
    term: String,
    distance: i64,
    /// `Lexicon::fit_in` in its place.
    fit: f64,
    /// `name_cost`.
    name: f64,
}

impl Unranked {
    /// Its rank were its slip free: no slip can raise it.
    fn highest_rank(&self) -> f64 {
        self.fit - self.name
    }
}

/// A word `best_of` weighed, and what it was weighed by.
struct Ranked {
    rank: f64,
    term: String,
    distance: i64,
    cost: f64,
    name: f64,
}

/// The words of `ranked` (the best taken out) within `ALTERNATIVE_MARGIN`
/// of the best's rank, likeliest first, as many as `MAX_REPLACEMENTS`
/// leaves room for.
fn runners_up(mut ranked: Vec<Ranked>, best: f64) -> Vec<String> {
    ranked.retain(|r| r.rank >= best - ALTERNATIVE_MARGIN);
    ranked.sort_by(|a, b| b.rank.total_cmp(&a.rank));
    ranked
        .into_iter()
        .take(MAX_REPLACEMENTS - 1)
        .map(|r| r.term)
        .collect()
}

/// What a name (`dictionary::names`) pays, as log10, as the correction of
/// a word typed without a capital in running text: it is weighed
/// `NAME_SLIP_RATIO` times less likely than its count says, as a name in
/// lowercase is everywhere else (`spelling_index::right_words`,
/// `spell::slip_of_a_much_commoner`). Most names are in no list, so
/// a lowercase string in a text a slip from a listed name is as likely
/// another name (`barada` stays, not `baroda`) or a slip of a word
/// (`royle` → `role`, not `doyle`). Written with a capital, a name is what
/// it likely is (`the Patis of the North` → `Paris`). Not for a word sent
/// alone, which is asked about by someone unsure how it is spelt, names as
/// much as words (`hungray` → `hungary`): there the cost gained 17 of
/// codespell's misspellings and lost 19 of typos' (README).
fn name_cost(known: &Knowledge<'_>, context: &Context<'_>, term: &str) -> f64 {
    if context.lowercase_in_text && known.names.contains(term) {
        (NAME_SLIP_RATIO as f64).log10()
    } else {
        0.0
    }
}

/// Whether `word` may be `MAX_SOUND_EDITS` edits from `typed`, by their
/// letters alone: an edit changes the length by one at most, and at most
/// two of the letters.
fn within_sound_edits(typed: &str, word: &str) -> bool {
    word.len().abs_diff(typed.len()) <= MAX_SOUND_EDITS
        && letters_apart(typed, word) <= 2 * MAX_SOUND_EDITS
}

/// Whether `typed` is `word` with two letters in a row left out after its
/// first (`declation` of `declaration`).
fn two_letters_left_out(typed: &str, word: &str) -> bool {
    let (t, w) = (typed.as_bytes(), word.as_bytes());
    w.len() == t.len() + 2 && (1..=t.len()).any(|i| t[..i] == w[..i] && t[i..] == w[i + 2..])
}

/// The letters (bytes, as `letters_apart` counts them) a word has.
fn letter_set(word: &str) -> u128 {
    word.bytes().fold(0, |set, c| set | 1 << (c & 127))
}

/// How many letters one word has that the other lacks, counted with
/// their repeats.
fn letters_apart(a: &str, b: &str) -> usize {
    let mut count = [0i32; 128];
    let at = |c: u8| usize::from(c & 127);
    a.bytes().for_each(|c| count[at(c)] += 1);
    b.bytes().for_each(|c| count[at(c)] -= 1);
    // Each letter's difference once: taken as it is counted.
    a.bytes()
        .chain(b.bytes())
        .map(|c| std::mem::take(&mut count[at(c)]).unsigned_abs() as usize)
        .sum()
}

impl Knowledge<'_> {
    /// In the dictionary or among the extra words, or a dictionary word
    /// behind a prefix: a word.
    pub fn is_word(&self, lower: &str) -> bool {
        self.is_listed(lower) || self.is_prefixed(lower)
    }

    /// In the dictionary or among the extra words: spelt right (a
    /// dictionary word is corrected only as a slip for another,
    /// `spell::real_word_slip` and `real_word_slip_alone`; an extra word
    /// never).
    pub fn is_listed(&self, lower: &str) -> bool {
        self.lexicon.is_dictionary_word(lower) || self.extra.contains(lower)
    }

    /// A dictionary word behind a prefix (`unimpressively`): a word made by
    /// rule, which no list vouches for.
    pub fn is_prefixed(&self, lower: &str) -> bool {
        word_forms::is_prefixed(lower, |rest| self.lexicon.is_dictionary_word(rest))
    }
}

#[cfg(test)]
mod tests {
    use super::two_letters_left_out;

    #[test]
    fn two_letters_in_a_row_left_out_after_the_first() {
        assert!(two_letters_left_out("declation", "declaration"));
        assert!(two_letters_left_out("declarati", "declaration"));
        // Not the first letter, not apart, not one or three, not added.
        assert!(!two_letters_left_out("claration", "declaration"));
        assert!(!two_letters_left_out("delaraion", "declaration"));
        assert!(!two_letters_left_out("declaratio", "declaration"));
        assert!(!two_letters_left_out("documation", "documentation"));
        assert!(!two_letters_left_out("declaration", "declation"));
    }
}
