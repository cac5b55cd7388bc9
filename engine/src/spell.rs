//! Spelling correction that touches nothing but misspelt words: the text
//! is tokenized first, each plain word is checked (and each kept one for
//! a slip of the Shift key, `shift_slips`), and a correction takes the
//! case of the word it replaces.

use std::borrow::Cow;
use std::cell::OnceCell;

use crate::american_spelling;
use crate::candidates::{
    best_correction, most_likely, near_correction, unstretched, Candidate, Context, Knowledge,
};
use crate::case::{
    capitalised, dictionary_form, is_all_capitals, is_capitalised, is_name, with_case_of,
};
use crate::changes::{Builder, Outcome};
use crate::decided::Decided;
use crate::error_model::{self, SentAlone};
use crate::lexicon::{SENTENCE_END, SENTENCE_START};
use crate::lost_capital::Casing;
use crate::model::{
    APOSTROPHE_HABIT, APOSTROPHE_LEFT_OUT, CHANNEL_WEIGHT, MAX_EXTRA_COST, MAX_REAL_WORD_SLIP_LEN,
    MAX_WORD_LEN, MIN_LEFT_OUT_NAME_SLIP, MIN_POSSESSIVE_STEM, MIN_REAL_WORD_SLIP_LEN,
    NAME_SLIP_MIN_LOG_P, NAME_SLIP_RATIO, REAL_WORD_SLIP_COST, UNVETTED_WORD_COST,
    VOCABULARY_WORD_MIN_LOG_P, WRITTEN_FOR_THE_BARE_WORD,
};
use crate::near_words::each_apostrophe_put_in;
use crate::numbers;
use crate::roman_numerals;
use crate::shift_slips;
use crate::space_slips;
use crate::tokenize::{
    ends_sentence, is_apostrophe, joins_words, kept_index_after, possessive_stem,
    sentence_ends_after, tokenize, word_index_after, Kind, Token,
};
use crate::word_forms;

/// `text` with its misspelt words corrected, in two passes. A word is
/// weighed among the words before it as corrected and the words after it
/// as typed; where the first pass corrected one of the words after it
/// (`in this wold tere are`), the second weighs it again among their
/// corrections (`world`, with `there`). A word whose neighbours are the
/// same keeps the first pass's decision: the second weighs only the words
/// near a correction again (on dev's sentences, 18.6 % more instructions
/// than one pass).
pub fn correct(known: &Knowledge<'_>, text: &str) -> Outcome {
    let tokens = tokenize(text);
    let mut pass = Pass::new(&tokens);
    let first = pass.run(known, text, &tokens, &[]);
    // Words sent alone have no neighbours to change.
    let outcome = if first.changes.is_empty() || pass.alone {
        first
    } else {
        let ahead = std::mem::replace(&mut pass.written, vec![None; tokens.len()]);
        pass.run(known, text, &tokens, &ahead)
    };
    in_writers_apostrophes(text, outcome)
}

/// The apostrophes the corrector put in (`dont` → `don't`) as the writer
/// types them: curly where the text has curly ones and no straight one
/// (`I don’t know, I dont care` → `don’t`), as a phone's keyboard and a
/// word processor write them. Every straight one in such an outcome is
/// the corrector's.
fn in_writers_apostrophes(text: &str, mut outcome: Outcome) -> Outcome {
    if !outcome.text.contains('\'') || text.contains('\'') || !text.contains('’') {
        return outcome;
    }
    outcome.text = outcome.text.replace('\'', "’");
    for change in &mut outcome.changes {
        for replacement in &mut change.replacements {
            *replacement = replacement.replace('\'', "’");
        }
    }
    outcome
}

/// A pass of the corrector over a text's tokens, and what it decided.
struct Pass {
    /// The text has more than one word or token kept as it is (a number,
    /// a URL): a word alone is no sentence, and its odds are its own, not
    /// those of a word that starts and ends one.
    in_sentences: bool,
    /// Its words are weighed as if each were sent alone, with no
    /// neighbours: one word, or a list of them, one a line.
    alone: bool,
    /// For each word, the one word it makes with the next, if they were
    /// typed apart (`ins pired`: `space_slips::merge`).
    merges: Decided<Option<String>>,
    /// For each word, its correction, if any (`correct_word`).
    words: Decided<Option<Correction>>,
    /// For each word changed, the first word of what was written for it,
    /// read by the next pass as the word after the ones before it.
    written: Vec<Option<String>>,
    /// How the text's writer writes capitals, for a first letter a slip
    /// took away: read only once a correction needs it, as most texts
    /// have none that changes a first letter.
    casing: OnceCell<Casing>,
}

impl Pass {
    fn new(tokens: &[Token<'_>]) -> Self {
        let in_sentences = tokens.iter().filter(|t| t.kind != Kind::Gap).count() > 1;
        Pass {
            in_sentences,
            alone: !in_sentences || is_word_list(tokens),
            merges: Decided::new(tokens.len()),
            words: Decided::new(tokens.len()),
            written: vec![None; tokens.len()],
            casing: OnceCell::new(),
        }
    }

    /// The text corrected, each word weighed among the words before it as
    /// this pass corrected them and the words after it as `ahead` has them
    /// (the last pass's corrections), or as typed.
    fn run(
        &mut self,
        known: &Knowledge<'_>,
        text: &str,
        tokens: &[Token<'_>],
        ahead: &[Option<String>],
    ) -> Outcome {
        let mut out = Builder::with_capacity(text.len());
        let mut at = Cursor {
            i: 0,
            sentence_start: true,
            previous: None,
            two_before: None,
        };
        while at.i < tokens.len() {
            let token = &tokens[at.i];
            at.i += match token.kind {
                Kind::Word => self.word(known, (text, tokens, ahead), &mut at, &mut out),
                Kind::Kept => {
                    match shift_slips::meant(known, token.text) {
                        Some(word) => {
                            out.replace(token.text, &word);
                            at.previous = Some(word.to_ascii_lowercase());
                            at.two_before = None;
                        }
                        None => {
                            out.keep(token.text);
                            // A number is the words it is said with.
                            let said = numbers::spoken(token.text).unwrap_or_default();
                            let mut last = said.iter().rev().map(|&w| w.to_owned());
                            at.previous = last.next();
                            at.two_before = last.next();
                        }
                    }
                    at.sentence_start = false;
                    1
                }
                Kind::Gap => {
                    out.keep(token.text);
                    if !joins_words(token) {
                        at.previous = None;
                    }
                    if ends_sentence(Some(token)) {
                        at.sentence_start = true;
                    }
                    1
                }
            };
        }
        out.finish()
    }

    /// The word at `at.i`, corrected into `out`, or with the next word if
    /// they were one typed apart; how many tokens it took (3 for a merge:
    /// the word, the space and the next word).
    fn word(
        &mut self,
        known: &Knowledge<'_>,
        (text, tokens, ahead): (&str, &[Token<'_>], &[Option<String>]),
        at: &mut Cursor,
        out: &mut Builder,
    ) -> usize {
        let (in_sentences, alone) = (self.in_sentences, self.alone);
        let (i, token, sentence_start) = (at.i, &tokens[at.i], at.sentence_start);
        let before = at
            .previous
            .as_deref()
            .or_else(|| (in_sentences && sentence_start).then_some(SENTENCE_START));
        let merged = self.merges.get_or_decide(i, (before, sentence_start), || {
            space_slips::merge(known, tokens, i, before, sentence_start)
        });
        if let Some(joined) = merged {
            // `ins pired`: the word, its space and the next word.
            let span = token.span.start..tokens[i + 2].span.end;
            out.replace(&text[span], &joined);
            self.written[i] = Some(joined.clone());
            at.previous = Some(joined.to_ascii_lowercase());
            at.two_before = None;
            at.sentence_start = false;
            return 3;
        }
        let typed = Typed {
            word: token.text,
            sentence_start,
            acronym: is_acronym(tokens, i),
            apostrophe_before: i.checked_sub(1).is_some_and(|before| {
                let before = &tokens[before];
                before.kind == Kind::Gap && before.text.ends_with(is_apostrophe)
            }),
            apostrophe_after: tokens
                .get(i + 1)
                .is_some_and(|next| next.kind == Kind::Gap && next.text.starts_with(is_apostrophe)),
            alone,
        };
        // The word after `i`, as the last pass wrote it.
        let word_or_end = |i| {
            word_index_after(tokens, i)
                .map(|j| {
                    ahead
                        .get(j)
                        .and_then(Option::as_deref)
                        .unwrap_or(tokens[j].text)
                })
                .or_else(|| {
                    (in_sentences && sentence_ends_after(tokens, i)).then_some(SENTENCE_END)
                })
        };
        // The two words after it, or the words a number after it is said
        // with (`in 1990`); not sought for a word sent alone.
        let words_after = || {
            let said = kept_index_after(tokens, i)
                .and_then(|j| Some((j, numbers::spoken(tokens[j].text)?)));
            match said {
                Some((j, said)) => (
                    Some(said[0]),
                    said.get(1).copied().or_else(|| word_or_end(j)),
                ),
                None => (
                    word_or_end(i),
                    word_index_after(tokens, i).and_then(word_or_end),
                ),
            }
        };
        let (neighbours, beyond) = if alone {
            ((None, None), (None, None))
        } else {
            let (next, two_after) = words_after();
            (
                (before, next),
                (
                    at.previous.as_ref().and(at.two_before.as_deref()),
                    two_after,
                ),
            )
        };
        let corrected = self
            .words
            .get_or_decide(i, (neighbours, beyond), || {
                if hyphen_vouches_for(known, tokens, i) {
                    return None;
                }
                correct_word(known, &typed, neighbours, beyond)
            })
            .filter(|correction| keeps_apostrophes(token.text, &correction.text))
            .map(|correction| self.with_lost_capital(known, tokens, i, sentence_start, correction));
        let (written, others) = match corrected {
            Some(Correction { text, others }) => (Cow::Owned(text), others),
            None => (Cow::Borrowed(token.text), Vec::new()),
        };
        let others = others
            .into_iter()
            .filter(|other| keeps_apostrophes(token.text, other))
            .collect();
        if written != token.text {
            self.written[i] = written.split(' ').next().map(str::to_owned);
        }
        out.replace_offering(token.text, &written, others);
        let written = &*written;
        // After a split (`the past`), the last of the two words, and the
        // first before it; else the word before this one, or a sentence's
        // start.
        let mut words = written.rsplit(' ');
        let last = words.next().unwrap_or(written);
        let split_first = words.next().map(str::to_ascii_lowercase);
        let at_start = at.previous.is_none() && before.is_some();
        let was = at.previous.replace(last.to_ascii_lowercase());
        at.two_before = split_first
            .or(was)
            .or_else(|| at_start.then(|| SENTENCE_START.to_owned()));
        at.sentence_start = false;
        1
    }

    /// `correction` of the lowercase word at token `i`, capitalised where
    /// its slip was the first letter and the writer would have given that
    /// letter a capital (`lost_capital`): `ome parents.` → `Some`, `flew to
    /// wurope` → `Europe` in a text with capitals.
    fn with_lost_capital(
        &self,
        known: &Knowledge<'_>,
        tokens: &[Token<'_>],
        i: usize,
        sentence_start: bool,
        correction: Correction,
    ) -> Correction {
        let typed = tokens[i].text;
        let first_slipped = typed.as_bytes()[0].is_ascii_lowercase()
            && !typed.bytes().any(|b| b.is_ascii_uppercase())
            && correction.text.as_bytes().first() != typed.as_bytes().first();
        if !first_slipped {
            return correction;
        }
        // A name's possessive is a name's (`merica's` → `America's`).
        let word = correction.text.as_str();
        let stem = possessive_stem(word);
        let is_name = known.names.contains(stem.unwrap_or(word));
        let casing = self.casing.get_or_init(|| Casing::of(tokens));
        if !casing.capitalises(sentence_start, is_name) {
            return correction;
        }
        Correction {
            text: capitalised(&correction.text),
            others: correction.others.iter().map(|o| capitalised(o)).collect(),
        }
    }
}

/// Whether a hyphen vouches for the word at token `i`, right as it is:
/// it joins the word to the one beside it into a dictionary word
/// (`co-ordinated`, `neo-liberal`: a prefix the writer set off, each part
/// right though one is no word alone; they had become `co-ordinate`,
/// `no-liberal`), or the word, after a hyphen, is a dictionary word and
/// `s`, the plural of the compound it ends: English adds the `-s` to the
/// last part, though that part takes none alone (`eleven-year-olds`, `the
/// have-nots`, `know-it-alls`; they had become `eleven-year-old` and
/// `have-notes`).
fn hyphen_vouches_for(known: &Knowledge<'_>, tokens: &[Token<'_>], i: usize) -> bool {
    let hyphen = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.kind == Kind::Gap && t.text == "-")
    };
    let word = |k: usize| {
        tokens
            .get(k)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.text)
    };
    let is_word = |letters: &str| known.lexicon.is_dictionary_word(&dictionary_form(letters));
    let joined = |first: &str, second: &str| is_word(&format!("{first}{second}"));
    let typed = tokens[i].text;
    let first = i.checked_sub(2).filter(|_| hyphen(i - 1)).and_then(word);
    let ends_a_plural = || {
        typed
            .strip_suffix(['s', 'S'])
            .is_some_and(|stem| stem.len() >= 2 && is_word(stem))
    };
    first.is_some_and(|first| joined(first, typed) || ends_a_plural())
        || (hyphen(i + 1) && word(i + 2).is_some_and(|second| joined(typed, second)))
}

/// Where a pass is in a text's tokens, and what it wrote just before.
struct Cursor {
    /// The token weighed now.
    i: usize,
    sentence_start: bool,
    /// The word before, as corrected, when a gap inside the sentence
    /// separates them (`joins_words`), and the word before that one.
    previous: Option<String>,
    two_before: Option<String>,
}

/// Whether the text is a list of words, one a line (`hungray\npeice`):
/// more than one line, and no line with more than one word or anything
/// kept as it is (a number, a URL). Lines of running text hold a single
/// word too (`-- Amiel` under a quotation, `cetera` wrapped from `et`),
/// so a word alone on its line in other text is no word of a list: of
/// 10,912 fortunes of more than one line, 14 more words changed that way
/// (`Amiel` → `Mail`, `cetera` → `center`), and none as a list.
fn is_word_list(tokens: &[Token<'_>]) -> bool {
    let line_break = |t: &Token<'_>| t.kind == Kind::Gap && t.text.contains('\n');
    let mut words_on_the_line = 0;
    for token in tokens {
        match token.kind {
            Kind::Word => words_on_the_line += 1,
            Kind::Kept => return false,
            Kind::Gap if line_break(token) => words_on_the_line = 0,
            Kind::Gap => {}
        }
        if words_on_the_line > 1 {
            return false;
        }
    }
    tokens.iter().any(line_break)
}

/// A plain word as typed, and where.
struct Typed<'a> {
    word: &'a str,
    sentence_start: bool,
    /// Capitals among lowercase words (`is_acronym`).
    acronym: bool,
    /// An apostrophe right before it (`'Tis`).
    apostrophe_before: bool,
    /// An apostrophe right after it (`workin'`).
    apostrophe_after: bool,
    /// The text's only word, or a word of a list (`is_word_list`).
    alone: bool,
}

/// A word's correction, and the other words it may have been meant as,
/// likeliest first (`Candidate::others`), each in the case it was typed in.
#[derive(Clone)]
struct Correction {
    text: String,
    others: Vec<String>,
}

impl From<String> for Correction {
    fn from(text: String) -> Self {
        Correction {
            text,
            others: Vec::new(),
        }
    }
}

/// The correction of a word typed with `clitic` (`freind's`), as the
/// correction of the word without it (`freind`) after the same words, the
/// clitic kept as typed (a curly apostrophe, capitals).
fn stem_corrected(
    known: &Knowledge<'_>,
    typed: &Typed<'_>,
    clitic: &str,
    (previous, two_before): (Option<&str>, Option<&str>),
) -> Option<Correction> {
    // The clitic's letters are ASCII, but its apostrophe may be curly:
    // counted in characters.
    let (at, _) = typed.word.char_indices().nth_back(clitic.len() - 1)?;
    let (stem, ending) = typed.word.split_at(at);
    // The apostrophe after the stem is the clitic's: no g left out.
    let stem = Typed {
        word: stem,
        apostrophe_after: false,
        ..*typed
    };
    // Weighed with the words before only: the word after follows the
    // clitic, not the stem (`the companie's policy` is no `companies
    // policy`).
    let Correction { text, others } =
        correct_word(known, &stem, (previous, None), (two_before, None))?;
    let is_plural = |word: &str| {
        let last = word.rsplit(' ').next().unwrap_or(word).to_ascii_lowercase();
        word_forms::is_plural(&last, &|w| known.lexicon.is_dictionary_word(w))
    };
    let mut words: Vec<String> = std::iter::once(text).chain(others).collect();
    // A stem read as a possessive typed bare has its clitic already
    // (`todays's` → `today's`, not `today's's`).
    let has_clitic = |word: &str| word.contains(is_apostrophe);
    match ending.strip_suffix(['s', 'S']) {
        // `'s` makes a singular's possessive: where a plural's own
        // singular is nearly as likely, the singular is meant (`freedome's`
        // is `freedom's`, not `freedoms'`); a plural's possessive is its
        // apostrophe alone (`the familie's house` → `families'`, not
        // `families's`).
        Some(apostrophe) => {
            let first = words[0].to_ascii_lowercase();
            let singular_of_first =
                |word: &String| word_forms::is_plural(&first, &|w| w.eq_ignore_ascii_case(word));
            if let Some(singular) = words.iter().position(singular_of_first) {
                words[..=singular].rotate_right(1);
            }
            for word in words.iter_mut().filter(|word| !has_clitic(word)) {
                word.push_str(if is_plural(word) { apostrophe } else { ending });
            }
        }
        None => words
            .iter_mut()
            .filter(|word| !has_clitic(word))
            .for_each(|word| word.push_str(ending)),
    }
    let mut words = words.into_iter();
    Some(Correction {
        text: words.next()?,
        others: words.collect(),
    })
}

/// The correction of one plain word, or `None` to leave it as it is.
/// `neighbours`: the word before, as corrected and lowercase, and the word
/// after, as typed or as the first pass corrected it (`Pass::word`);
/// `beyond`: the word before that one, and the word after the next, for
/// the triples.
fn correct_word(
    known: &Knowledge<'_>,
    typed: &Typed<'_>,
    (previous, next): (Option<&str>, Option<&str>),
    (two_before, two_after): (Option<&str>, Option<&str>),
) -> Option<Correction> {
    let (word, extra) = (typed.word, known.extra);
    let lower = dictionary_form(word);
    if lower.chars().filter(char::is_ascii_alphabetic).count() < 2 {
        return None;
    }
    let context = &Context::new(
        (two_before, previous),
        (next.map(str::to_ascii_lowercase), two_after),
    )
    .lowercase_in_text(!typed.alone && !word.bytes().any(|b| b.is_ascii_uppercase()));
    // A name written as one (`Mary went home`, `Ned`), or a plural of one
    // (`the Wagners`), is left alone, even first in a sentence, though no
    // count holds it (`Hurd beer`, not `Hard`); only in lowercase is it
    // read as a slip (`ned`, `chanels`). So is one of today's given names
    // past a sentence's start (`I met Jaxon`, not `Jason`); first, its
    // place decides (below). A given name's `s` is likelier a possessive
    // typed bare (`Johnnys car`).
    let name = |lower: &str| known.names.contains(lower);
    let given_name = is_capitalised(word) && known.given_names.contains(lower.as_str());
    if is_capitalised(word)
        && (name(&lower)
            || (given_name && !typed.sentence_start)
            || lower.strip_suffix('s').is_some_and(name))
    {
        return None;
    }
    // `'tis`, `'gainst`: an old elision, marked.
    if typed.apostrophe_before && word_forms::is_elision(&lower) {
        return None;
    }
    // `workin'`, `fishin'`: a g dropped on purpose, and marked.
    if typed.apostrophe_after && lower.ends_with("in") && known.is_word(&format!("{lower}g")) {
        return None;
    }
    // Lowercase, or capitalised only as a sentence's first word: a word
    // that may be a slip of another, not a name.
    let plain = word.bytes().all(|b| b.is_ascii_lowercase())
        || (typed.sentence_start && is_capitalised(word));
    // Looked up once, here: most words are dictionary words.
    let id = known.lexicon.dictionary_id(&lower);
    let listed = id.is_some() || known.extra.contains(&lower);
    let guessed = id.is_some_and(|id| known.lexicon.is_guessed_form(id));
    if guessed || (!listed && known.is_prefixed(&lower)) {
        // A word made by rule (`under` + `sanding`, `separated` + `ly`,
        // `explicit` + `s`) that no list holds and no one writes is a
        // guess: one slip from a dictionary word (`understanding`,
        // `separately`, `explicit`), it is likelier that slip, unless
        // people write it as typed more than that word in its place.
        if !plain {
            return None;
        }
        return most_likely(known, &lower, context)
            .filter(|best| best.distance <= 1)
            .filter(|best| !meant_as_typed(known, &lower, best.score, context))
            .filter(|best| !written_more_often(known, &lower, &best.term))
            .map(|best| with_case_of(word, &best.term).into());
    }
    if listed {
        if plain && id.is_some_and(|id| known.lexicon.is_name_form(id)) {
            if let Some(slip) = slip_of_a_much_commoner(known, &lower, context, VouchedBy::Rule) {
                return Some(with_case_of(word, &slip).into());
            }
        }
        // `Id`, `Ill`: the capital may be the pronoun's (`I'd`, `I'll`), so
        // mid-sentence too such a word may be a contraction typed bare.
        // An extra word (no dictionary id) is never weighed as a slip.
        let pronoun = !plain && is_capitalised(word) && word.starts_with('I');
        if typed.alone {
            return id
                .filter(|_| plain)
                .and_then(|id| real_word_slip_alone(known, &lower, id))
                .map(|term| with_case_of(word, &term).into());
        }
        return id
            .filter(|_| plain || pronoun)
            .and_then(|id| real_word_slip(known, (&lower, id), context, pronoun))
            .map(|term| with_case_of(word, &term).into());
    }
    // `soooo good`: a word stretched for emphasis.
    if let Some(word_meant) = unstretched(known, &lower, context) {
        return Some(with_case_of(word, &word_meant.term).into());
    }
    // A possessive of a known word (`dog's`, `Peter's`), or a known word
    // and a shortened `would`, `will`, `have` or `are` (`there'd`,
    // `this'll`, `ye've`) is right, as is the possessive of a capitalised
    // word the web writes, even first in a sentence (`Fuch's Warning`):
    // likelier a name's. Of any other word, the word is weighed without
    // the ending, and the ending kept (`freind's` → `friend's`, `somone'll`
    // → `someone'll`), a capitalised one as a name is (`Amreica's` →
    // `America's`, `Thwre's` → `There's` first in a sentence).
    for clitic in ["'s", "'d", "'ll", "'ve", "'re"] {
        if let Some(stem) = lower.strip_suffix(clitic) {
            // `belov'd`, `imagin'd`: verse's `-ed` with its `e` left out.
            let old_past = || {
                clitic == "'d"
                    && [format!("{stem}ed"), format!("{stem}d")]
                        .iter()
                        .any(|past| known.is_word(past))
            };
            let written_name =
                || clitic == "'s" && is_capitalised(word) && known.lexicon.id(stem).is_some();
            if known.is_word(stem) || written_name() || old_past() {
                return None;
            }
            return stem_corrected(known, typed, clitic, (previous, two_before));
        }
    }
    // A number (`louis xlv`, `MCMXC`): the dictionary lists only the
    // common ones. Not where it is likelier a slip of a much commoner word
    // (`liv`, `dii`, `cix` for `live`, `did`, `six`). Two letters are left
    // to the rule below (`ix`, `mi`).
    if lower.len() > 2
        && roman_numerals::is_roman_numeral(&lower)
        && slip_of_a_much_commoner(known, &lower, context, VouchedBy::Rule).is_none()
    {
        return None;
    }
    // `my cup runneth over`, `he that asketh`: an old verb form, not a slip
    // (`cometh` had become `comet`, `heareth` `hearth`). One the corpus
    // never counted is one still where no word is a slip from it
    // (`directeth`, `crosseth`: two edits from `directed`, `crossed`); a
    // slip is one from its word (`beneth`, `trueth`).
    let is_word = |w: &str| known.lexicon.is_dictionary_word(w);
    let vouched =
        |w: &str| known.lexicon.unigram_log_p(w).is_some() || !is_one_slip_from_a_word(known, w);
    if word_forms::is_archaic_verb(&lower, is_word, vouched) {
        return None;
    }
    // `garbagemen`: the plural of a word's compound with `man`, not a slip
    // of its singular.
    if word_forms::is_plural_of_a_man_compound(&lower, is_word) {
        return None;
    }
    // Two letters the dictionary lacks are far more often an abbreviation
    // or a foreign word (`ex officio`, `en masse`, `et al`, `ye`; with
    // capitals `TV`, `Mr`, `Ga`) than a slip; only two letters swapped into
    // a common word (`ot` → `to`) is corrected.
    if lower.len() == 2 {
        if let Some(contraction) = apostrophe_put_back(known, word, &lower) {
            return Some(with_case_of(word, &contraction).into());
        }
        let swapped: String = lower.chars().rev().collect();
        return (plain && known.lexicon.is_common(&swapped))
            .then(|| with_case_of(word, &swapped).into());
    }
    // A name or an acronym by its shape (`Kubrick`, `LSU`) is left alone
    // when people write it (the vocabulary counts it). One that no one
    // writes (`Wrold`, `QUIKC`) is a slip, but only a very common word
    // (`NAME_SLIP_MIN_LOG_P`) one edit away, with the same capital letter,
    // may replace it: a rare name stays rather than become a rare word.
    // Any word two letters swapped away may (`Miarcle`, `Trudaeu`), or a
    // neighbouring key or a letter left out away (`Bkless`, `Founsers`,
    // `Byro`), but not in capitals: a slip of the fingers, where a name is
    // seldom another word's letters swapped or a key's neighbour, and
    // seldom a word less a letter (`Lieman`, `Lineman` is one).
    // Capitals never become another acronym (`CSSG`, not `CSS`): acronyms
    // are too many for any list, and one no list holds is likelier
    // another than a slip.
    if typed.acronym || is_name(word, typed.sentence_start) {
        if known.lexicon.id(&lower).is_some() {
            // But the web writes its misspellings too: a word one slip
            // away and far commoner is what it is (`in Decemeber`, `the
            // Post Offic`), where a name of its own stays (`Coody`,
            // `Smyth`). Not one CMU's model of edited text knows, which
            // holds few misspellings and many names (`Senators Frist and
            // Breaux`, `a Lawrence Welk museum`); not an acronym's (`CSSG`),
            // nor after an apostrophe, likelier an old elision's (`'Tis`).
            let slip = || {
                let edited_text_knows_it = known
                    .lexicon
                    .id(&lower)
                    .is_some_and(|id| known.lexicon.in_pairs(id));
                let weighed = !typed.acronym && !typed.apostrophe_before && !edited_text_knows_it;
                weighed
                    .then(|| slip_of_a_much_commoner(known, &lower, context, VouchedBy::Web))
                    .flatten()
            };
            return apostrophe_put_back(known, word, &lower)
                .or_else(slip)
                .map(|term| with_case_of(word, &term).into());
        }
        return most_likely(known, &lower, context)
            .filter(|best| best.distance <= 1 && best.term.as_bytes()[0] == lower.as_bytes()[0])
            .filter(|best| !(typed.acronym && known.names.contains(best.term.as_str())))
            .filter(|best| {
                let p = known.lexicon.unigram_log_p(&best.term);
                p.is_some_and(|p| p >= NAME_SLIP_MIN_LOG_P)
                    || error_model::are_swapped(&lower, &best.term)
                    || (!typed.acronym && error_model::is_neighbouring_key(&lower, &best.term))
                    || (!typed.acronym
                        && lower.len() >= MIN_LEFT_OUT_NAME_SLIP
                        && error_model::is_letter_left_out(&lower, &best.term))
            })
            .map(|best| with_case_of(word, &best.term).into());
    }
    let from_dictionary = best_correction(known, &lower, context, typed.alone);
    if let Some((extra_score, term)) = extra.best_match(&lower, CHANNEL_WEIGHT, MAX_EXTRA_COST) {
        if from_dictionary
            .as_ref()
            .is_none_or(|best| extra_score > best.score)
        {
            return Some(with_case_of_extra(word, term).into());
        }
    }
    // A regular inflection of a dictionary word that the web does not
    // count (`lukewarmly`, `intentness`) is, in running text, a rare right
    // word more likely than two slips of another; its common misspellings
    // (`basicly`, `stoped`) the vocabulary counts, so they are weighed as
    // meant below. A word sent alone is asked about because it may be
    // misspelt, and a form no one writes is likelier a slip (`continuesly`,
    // `anonymsly`, `renderered`).
    if from_dictionary
        .as_ref()
        .is_some_and(|best| best.distance > 1)
        && !typed.alone
        && known.lexicon.id(&lower).is_none()
        && known.lexicon.is_inflection(&lower)
    {
        return None;
    }
    // `wifes`, `elses`, `todays`: a possessive typed bare. The web's
    // tokenizer cut `wife's` at its apostrophe, so the corpus counts such
    // a string only where it was typed bare, once in fifty
    // (`APOSTROPHE_LEFT_OUT`): its count is the odds of the possessive
    // typed so, undiscounted, against the best reading's.
    let possessive = (plain && !typed.alone)
        .then(|| bare_possessive(known, &lower, context))
        .flatten();
    // The best reading, weighed against the word as typed.
    let Some((score, term, others)) = best_reading(known, &lower, from_dictionary, context) else {
        if let Some((_, possessive)) = possessive {
            return Some(with_case_of(word, &possessive).into());
        }
        // Not a given name, which its list vouches for.
        return (known.lexicon.id(&lower).is_none() && !given_name)
            .then(|| vocabulary_word(known, &lower, typed.alone))?
            .map(|term| with_case_of(word, &term).into());
    };
    if let Some((_, possessive)) = possessive.filter(|&(fit, _)| fit >= score) {
        return Some(with_case_of(word, &possessive).into());
    }
    // A word sent alone is no word of running text: the odds that it is
    // one no list holds (a name, a coinage) are running text's
    // (`LOG_P_UNKNOWN_WORD`), and a word asked about alone is asked
    // because it may be misspelt. Its likeliest word answers it
    // (`faymus` → `famous`), as a checker's suggestion does.
    if meant_rather_than(known, &lower, (score, &term), context, typed.alone) {
        return None;
    }
    // A given name first in a sentence, where its capital says nothing, is
    // weighed as meant by its odds in place, without the discount of a
    // string only the web writes: the names' list vouches for it, and its
    // place decides (`Gabe went home`, but `Tye cat sat` is `The`).
    if given_name && fits_in_place(known, &lower, 0.0, score, context) {
        return None;
    }
    let american = |term| american_spelling::of_correction(known.lexicon, &lower, term);
    let term = american(term);
    let mut respelt: Vec<String> = Vec::with_capacity(others.len());
    for other in others.into_iter().map(american) {
        if other != term && !respelt.contains(&other) {
            respelt.push(other);
        }
    }
    Some(Correction {
        text: with_case_of(word, &term),
        others: respelt
            .iter()
            .map(|other| with_case_of(word, other))
            .collect(),
    })
}

/// Whether `lower` is likelier meant as typed than its best reading
/// (`score`, `term`): people write it so in its place (`meant_as_typed`),
/// it is a word no list holds that is likelier a word of its own, in
/// running text (`unknown_word_meant`; a word sent alone is asked about),
/// or it is written at least as often as `term`.
fn meant_rather_than(
    known: &Knowledge<'_>,
    lower: &str,
    (score, term): (f64, &str),
    context: &Context<'_>,
    alone: bool,
) -> bool {
    meant_as_typed(known, lower, score, context)
        || (!alone && unknown_word_meant(known, lower, context, score))
        || written_more_often(known, lower, term)
}

/// The noisy channel's other reading for a word no list holds (`yopp`,
/// `farecard`, `subvented`): meant as typed, a word of the few in running
/// text that no list has, at odds that depend on how like a word it is
/// spelt (`Lexicon::unknown_score`). It stays when that beats `score`, its
/// best correction's odds less the slip: `sleapy` is no likely word, and
/// far likelier `sleepy` mistyped; `crosoffs` is likelier a word than
/// `crisps` with two letters changed. Not asked of a word sent alone
/// (`correct_word`).
fn unknown_word_meant(
    known: &Knowledge<'_>,
    typed: &str,
    context: &Context<'_>,
    score: f64,
) -> bool {
    known.lexicon.id(typed).is_none()
        && known
            .lexicon
            .unknown_score(context.previous, typed)
            .is_some_and(|meant| meant >= score)
}

/// For a word that no list holds and no dictionary word explains
/// (`drawdocwn`, `filesstem`, `a lightbelb`): the likeliest word of the
/// wider vocabulary one edit away (`drawdown`, `filesystem`, `lightbulb`),
/// by its count and its slip (a word sent `alone` is weighed by the slips
/// of one, `error_model::SentAlone`), as a checker's suggestion would be.
/// The curated dictionary lacks many words of trades and the day (`hostname`,
/// `antiretroviral`); the web writes them. Not one the engine would
/// correct itself, asked about alone: the web's words hold its
/// misspellings (`requried`).
fn vocabulary_word(known: &Knowledge<'_>, typed: &str, alone: bool) -> Option<String> {
    if typed.len() > MAX_WORD_LEN + 1 {
        return None;
    }
    let lexicon = known.lexicon;
    let alone = alone.then(|| SentAlone::new(typed));
    let slip = |word: &str| match &alone {
        Some(alone) => alone.cost(word),
        None => error_model::edit_cost(typed, word),
    };
    let mut best: Option<(f64, String)> = None;
    spelling_index::each_one_edit_away(typed, |word| {
        let Some(log_p) = lexicon
            .unigram_log_p(word)
            .filter(|&log_p| log_p >= VOCABULARY_WORD_MIN_LOG_P)
        else {
            return;
        };
        let score = f64::from(log_p) - CHANNEL_WEIGHT * slip(word);
        if best.as_ref().is_none_or(|(best, _)| score > *best) {
            best = Some((score, word.to_owned()));
        }
    });
    let (_, word) = best?;
    kept_alone(known, &word).then_some(word)
}

/// Whether `word`, sent alone, would be left as typed, as `correct_word`
/// weighs it, short of its last resort (`candidates::near_correction`):
/// a word the web writes often enough to be asked about here
/// (`VOCABULARY_WORD_MIN_LOG_P`) is no slip of one three edits away, and
/// that search would cost each such word of a text milliseconds.
fn kept_alone(known: &Knowledge<'_>, word: &str) -> bool {
    let context = Context::new((None, None), (None, None));
    let best = near_correction(known, word, &context, true);
    best_reading(known, word, best, &context).is_none_or(|(score, term, _)| {
        meant_rather_than(known, word, (score, &term), &context, true)
    })
}

/// The best reading of `lower` other than as typed, with its score: one
/// word or two (`alot`: `a lot`); a word's others are offered after it.
fn best_reading(
    known: &Knowledge<'_>,
    lower: &str,
    from_dictionary: Option<Candidate>,
    context: &Context<'_>,
) -> Option<(f64, String, Vec<String>)> {
    let split = space_slips::split(known.lexicon, lower, from_dictionary.as_ref(), context);
    match (split, from_dictionary) {
        (Some((score, term)), _) => Some((score, term, Vec::new())),
        (None, Some(best)) => Some((best.score, best.term, best.others)),
        (None, None) => None,
    }
}

/// What alone vouches for a word weighed as a slip of a much commoner one
/// (`slip_of_a_much_commoner`).
#[derive(Clone, Copy)]
enum VouchedBy {
    /// A rule: a form made of a name (`chanels`), a Roman numeral (`liv`).
    Rule,
    /// The web's vocabulary, for a capitalised word past a sentence's
    /// start (`Decemeber`, `the Post Offic`).
    Web,
}

/// The word `typed`, which only `vouched` vouches for, is a slip of: one
/// edit away and much commoner. A word only a rule vouches for is a slip of
/// a word that is no name and `NAME_SLIP_RATIO` times commoner, as a name
/// written in lowercase is a slip of such a word
/// (`spelling_index::right_words`): `johnsons` is no slip of `johnson`;
/// `clarks` is as common as `clerks`, and `xlv` as `xv`: they stay. A
/// capitalised word only the web writes, taken for a name, is a slip of a
/// word or name with its first letter that the web writes
/// `UNVETTED_WORD_COST` (10^2.5) times as often, the discount of every
/// string no list holds: the web writes names of their own a hundred-odd
/// times rarer than a word a letter away (`Coody`, `Safia`, `Emmanual`
/// beside `Cody`, `Sofia`, `Emmanuel`: 102 to 130 times), and most
/// misspellings rarer still (`Chrismas`, 699 times; `Decemeber`, 7,395);
/// some names too (`Harary`, `Froot`: 1,600 and 800 times).
fn slip_of_a_much_commoner(
    known: &Knowledge<'_>,
    typed: &str,
    context: &Context<'_>,
    vouched: VouchedBy,
) -> Option<String> {
    let lexicon = known.lexicon;
    let as_typed = lexicon
        .unigram_log_p(typed)
        .map_or(lexicon.log_p_rarest(), f64::from);
    let ratio = match vouched {
        VouchedBy::Rule => (NAME_SLIP_RATIO as f64).log10(),
        VouchedBy::Web => UNVETTED_WORD_COST,
    };
    most_likely(known, typed, context)
        .filter(|best| best.distance == 1)
        .filter(|best| match vouched {
            VouchedBy::Rule => !known.names.contains(best.term.as_str()),
            VouchedBy::Web => best.term.as_bytes()[0] == typed.as_bytes()[0],
        })
        .filter(|best| {
            lexicon
                .unigram_log_p(&best.term)
                .is_some_and(|p| f64::from(p) - as_typed >= ratio)
        })
        .map(|best| best.term)
}

/// A known word typed for another (`stand luke a rock`, `i have dome it`),
/// or a contraction typed bare that spells another word (`its` for `it's`,
/// `cant` for `can't`). A word that misses a neighbour (the pairs lack it
/// with the word before or the one after; a sentence's start and end count
/// as words, a comma parts no neighbours, and beside a word kept as it is a
/// word has only one), or one seen with both that they make less likely
/// than it is anywhere with no triple to vouch for it (`the point were
/// it`), is weighed against the dictionary words one edit or one apostrophe
/// away; any other word, only against its contractions. Of those, the ones
/// that meet a neighbour in a seen pair replace it when their odds in place
/// (two words on each side, by the triples), less their slip and
/// `REAL_WORD_SLIP_COST` (a contraction: the odds of typing it bare,
/// `APOSTROPHE_LEFT_OUT`), still beat the typed word's. `word` is `typed`'s
/// dictionary id.
fn real_word_slip(
    known: &Knowledge<'_>,
    (typed, word): (&str, u32),
    context: &Context<'_>,
    only_contractions: bool,
) -> Option<String> {
    let lexicon = known.lexicon;
    let (previous, next) = (context.previous, context.next.as_deref());
    if (previous.is_none() && next.is_none())
        || typed.len() > MAX_REAL_WORD_SLIP_LEN
        || !typed.bytes().all(|b| b.is_ascii_lowercase())
        || known.extra.contains(typed)
    {
        return None;
    }
    // Beside a word kept as it is (a URL, a number) the word has one
    // neighbour, and is weighed against that one. A neighbour the
    // pairs do not know says nothing: then the word is not weighed.
    let neighbour = |word: Option<&str>| match word {
        Some(word) => lexicon
            .id(word)
            .filter(|&id| lexicon.is_paired(id))
            .map(Some),
        None => Some(None),
    };
    let (Some(before), Some(after)) = (neighbour(previous), neighbour(next)) else {
        return None;
    };
    let seen_before = |id| before.is_some_and(|b| lexicon.seen_pair(b, id));
    let seen_after = |id| after.is_some_and(|a| lexicon.seen_pair(id, a));
    // A word shorter than `MIN_REAL_WORD_SLIP_LEN` is one slip from dozens
    // of words, but has few contractions (`id`, `i'd`).
    let near_words = !only_contractions && typed.len() >= MIN_REAL_WORD_SLIP_LEN;
    // Weighed against the words one slip away: a word that misses a
    // neighbour pair, or one whose two pairs are seen but make it less
    // likely than it is anywhere, with no triple to vouch for it (`the
    // point were it`, `do not five up`: CMU's pairs hold most pairs of
    // common words, slips included). The pairs' lift is asked first: it
    // rules out most words, with lookups cheaper than the triples' (asked
    // second, the same answers cost the cased set 15 % of its spelling
    // speed, against 10 %).
    let suspect = near_words
        && ((before.is_some() && !seen_before(word))
            || (after.is_some() && !seen_after(word))
            || before.zip(after).is_some_and(|(b, a)| {
                lexicon.lift_by_pairs(b, word, a) < 0.0 && !lexicon.seen_triple(b, word, a)
            }));
    // A word that fits its neighbours is weighed only against itself with
    // an apostrophe put back (`think its not` for `it's`): people type
    // a contraction bare far more often than they slip into another word,
    // and these few lookups cost little where every word's near words
    // would cost much.
    let (kept, mut contractions);
    let near: &str = if suspect {
        kept = known.near_words.of(lexicon, typed, word);
        &kept
    } else {
        contractions = String::new();
        each_apostrophe_put_in(typed, |contraction| {
            if lexicon.is_dictionary_word(contraction) {
                contractions.push_str(contraction);
                contractions.push(' ');
            }
        });
        if contractions.is_empty() {
            return None;
        }
        &contractions
    };
    // Whether to weigh the word was asked of the pairs (a neighbour
    // missed); the readings are weighed with two words on each side, by
    // the triples (`Lexicon::fit_in`).
    let place = context.place(lexicon);
    // `typed` has no apostrophe and an edit adds none, so a near word with
    // one is `typed` with it put back: a contraction typed bare. Most
    // words have none, which one look through `near` tells.
    let with_apostrophe = if near.contains('\'') { near } else { "" };
    let contractions: Vec<(&str, u32, f64)> = with_apostrophe
        .split_terminator(' ')
        .filter(|term| term.contains('\''))
        .filter_map(|term| Some((term, lexicon.dictionary_id(term)?)))
        .map(|(term, id)| (term, id, lexicon.fit_in(place, id)))
        .collect();
    let typed_bare = contractions
        .iter()
        .filter(|(term, ..)| !WRITTEN_FOR_THE_BARE_WORD.contains(term))
        .map(|&(_, _, fit)| fit);
    let as_typed = own_odds(lexicon.fit_in(place, word), typed_bare);
    // The best reading so far: the typed word's, until a slip beats it.
    let mut best = (as_typed, None);
    for term in near.split_terminator(' ') {
        let Some(id) = lexicon.dictionary_id(term) else {
            continue;
        };
        if !(seen_before(id) || seen_after(id)) {
            continue;
        }
        let fit = contractions
            .iter()
            .find(|&&(_, contraction, _)| contraction == id)
            .map_or_else(|| lexicon.fit_in(place, id), |&(.., fit)| fit);
        // A contraction typed bare is a habit of one in fifty, not a slip
        // into another word.
        let against = if term.contains('\'') {
            -APOSTROPHE_LEFT_OUT.log10()
        } else {
            REAL_WORD_SLIP_COST
        };
        // The slip's cost only lowers the odds: most words one slip away
        // are out before it is reckoned.
        let odds = fit - against;
        if odds < best.0 {
            continue;
        }
        let odds = odds - CHANNEL_WEIGHT * error_model::edit_cost(typed, term);
        if odds >= best.0 {
            best = (odds, Some(term));
        }
    }
    best.1.map(str::to_owned)
}

/// A known word sent alone typed for another (`alow` for `allow`, `curch`
/// for `church`, `corelation`): with no neighbours to tell, the word one
/// slip away that is likeliest by its own odds, less its slip (a word sent
/// alone's, `error_model::SentAlone`) and `REAL_WORD_SLIP_COST` (the odds,
/// as in running text, that a known word is a slip for another), if that still
/// beats the typed word's own odds. A rare word stays unless a word one
/// slip from it is some thousand times commoner (`thees` → `these`; but
/// `thee`, `wit`, `paged` stay). Not a name or a contraction: the word
/// typed is a word.
fn real_word_slip_alone(known: &Knowledge<'_>, typed: &str, word: u32) -> Option<String> {
    let lexicon = known.lexicon;
    if typed.len() < MIN_REAL_WORD_SLIP_LEN || known.extra.contains(typed) {
        return None;
    }
    let as_typed = f64::from(lexicon.unigram_log_p(typed)?);
    let near = known.near_words.of(lexicon, typed, word);
    let mut best = (as_typed, None);
    // Its rules of letters are found only if a word gets as far as its slip.
    let mut alone = None;
    for term in near.split_terminator(' ') {
        if term.contains('\'') || known.names.contains(term) {
            continue;
        }
        let Some(odds) = lexicon.unigram_log_p(term) else {
            continue;
        };
        // The slip's cost only lowers the odds: most words one slip away
        // are out before it is reckoned.
        let odds = f64::from(odds) - REAL_WORD_SLIP_COST;
        if odds <= best.0 {
            continue;
        }
        let alone = alone.get_or_insert_with(|| SentAlone::new(typed));
        let odds = odds - CHANNEL_WEIGHT * alone.cost(term);
        if odds > best.0 {
            best = (odds, Some(term));
        }
    }
    best.1.map(str::to_owned)
}

/// The odds of a word in its place as the word it spells (`cant`, the
/// jargon), not as a contraction typed bare, from the language model's
/// odds of its letters there, `as_typed`, and of the contractions they
/// are with the apostrophe put back (`can't`), `contractions`. The
/// model's text types contractions bare too, so its odds of the letters
/// hold the contraction's bare typings, one in fifty of its uses
/// (`APOSTROPHE_LEFT_OUT`): they are taken out. Where they are all of it
/// (`you cant be`), the word as it spells has no odds left. Until the
/// twenty-second session the bare typings counted twice, in the model's
/// odds and in the habit's, and `luck cant last` stayed.
fn own_odds(as_typed: f64, contractions: impl Iterator<Item = f64>) -> f64 {
    // Of all a contraction's uses, those typed bare against those with
    // the apostrophe, which are what the model counts as the contraction.
    let bare_share = APOSTROPHE_LEFT_OUT / (1.0 - APOSTROPHE_LEFT_OUT);
    let typed_bare: f64 = contractions.map(|fit| bare_share * 10f64.powf(fit)).sum();
    if typed_bare == 0.0 {
        return as_typed;
    }
    let own = 10f64.powf(as_typed) - typed_bare;
    if own > 0.0 {
        own.log10()
    } else {
        f64::NEG_INFINITY
    }
}

/// The noisy channel's other reading: the typed string was meant. A word
/// of the wider vocabulary (`tenafly`, `mahwah`, `vogons`) is left when its
/// odds in place, less `UNVETTED_WORD_COST` (the vocabulary holds the web's
/// misspellings too), beat `score`, the best correction's odds less its
/// slip.
fn meant_as_typed(known: &Knowledge<'_>, typed: &str, score: f64, context: &Context<'_>) -> bool {
    fits_in_place(known, typed, UNVETTED_WORD_COST, score, context)
}

/// Whether `typed`'s odds in place, less `discount`, beat `score`.
fn fits_in_place(
    known: &Knowledge<'_>,
    typed: &str,
    discount: f64,
    score: f64,
    context: &Context<'_>,
) -> bool {
    known
        .lexicon
        .typed_score(context.previous, typed, context.next.as_deref())
        .is_some_and(|fit| fit - discount >= score)
}

/// The dictionary word that is `lower` with its apostrophe put back
/// (`im` → `i'm`, `Ive` → `I've`): the web types a contraction bare once in
/// fifty (`model::APOSTROPHE_LEFT_OUT`), so such letters are that word
/// even where their shape says a name or an abbreviation; not in capitals
/// (`IM` is an instant message).
fn apostrophe_put_back(known: &Knowledge<'_>, word: &str, lower: &str) -> Option<String> {
    if is_all_capitals(word) {
        return None;
    }
    let mut first = None;
    each_apostrophe_put_in(lower, |contraction| {
        if first.is_none() && known.lexicon.is_dictionary_word(contraction) {
            first = Some(contraction.to_owned());
        }
    });
    first
}

/// `lower`, a string no list holds that the web writes, as the possessive
/// of a dictionary word with its apostrophe left out (`wifes` →
/// `wife's`), where the word is of `MIN_POSSESSIVE_STEM` letters or more
/// or a plural already (`mens` → `men's`, `womens` → `women's`) and has
/// a plural in `-s` (the web's `informations` and `aircrafts` are a
/// learner's plurals: `word_forms::takes_no_plural`); and its odds in its
/// place: the likelier of the string's, as the web counts it typed bare,
/// and the possessive's in the model's pairs (`my wife's`, `wife's first`)
/// less the habit of leaving its apostrophe out (`APOSTROPHE_HABIT`), as a
/// contraction's letters typed bare pay: the readings it is weighed
/// against pay their slip's odds once a slip is made, and people leave an
/// apostrophe out about as often as they slip at all. Charged the whole
/// one in fifty (`APOSTROPHE_LEFT_OUT`), the habit was counted twice, and
/// `gave me mens shirts` read `means`, `lifes bowling alley` `life`.
fn bare_possessive(
    known: &Knowledge<'_>,
    lower: &str,
    context: &Context<'_>,
) -> Option<(f64, String)> {
    let stem = lower.strip_suffix('s')?;
    let plural_already =
        || word_forms::is_irregular_plural(stem, |w| known.lexicon.is_dictionary_word(w));
    if (stem.len() < MIN_POSSESSIVE_STEM && !plural_already())
        || known.lexicon.dictionary_id(lower).is_some()
        || !known.lexicon.is_dictionary_word(stem)
        || word_forms::takes_no_plural(stem)
    {
        return None;
    }
    let possessive = format!("{stem}'s");
    let (previous, next) = (context.previous, context.next.as_deref());
    let as_typed = known.lexicon.typed_score(previous, lower, next);
    let as_possessive = known
        .lexicon
        .typed_score(previous, &possessive, next)
        .map(|fit| fit - CHANNEL_WEIGHT * APOSTROPHE_HABIT);
    let fit = as_typed.into_iter().chain(as_possessive).reduce(f64::max)?;
    Some((fit, possessive))
}

/// An apostrophe is typed on purpose: a slip may move one (`did'nt` →
/// `didn't`) or leave one out (`dont` → `don't`), but a correction that
/// drops one reads a mark as a slip: `c'est` had become `chest`, `hors
/// d'oeuvre` `hors oeuvre`, `y'know` `know`, `goto's` `gators`.
fn keeps_apostrophes(typed: &str, correction: &str) -> bool {
    let apostrophes = |word: &str| word.chars().filter(|&c| is_apostrophe(c)).count();
    apostrophes(correction) >= apostrophes(typed)
}

/// A word people write at least as often as the correction found for it
/// is no slip of it (`mr`, not `rm`; `ibm`, not `bim`): a misspelling is
/// rarer than the word it misspells, in the corpus ten times or more
/// (`definately`, `recieve`, `teh`).
fn written_more_often(known: &Knowledge<'_>, typed: &str, correction: &str) -> bool {
    let lexicon = known.lexicon;
    match (
        lexicon.unigram_log_p(typed),
        lexicon.unigram_log_p(correction),
    ) {
        (Some(typed), Some(correction)) => typed >= correction,
        _ => false,
    }
}

/// Whether a dictionary word is one edit from `typed`.
fn is_one_slip_from_a_word(known: &Knowledge<'_>, typed: &str) -> bool {
    let mut found = false;
    spelling_index::each_one_edit_away(typed, |word| {
        found |= known.lexicon.is_dictionary_word(word);
    });
    found
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

#[cfg(test)]
mod tests {
    use super::own_odds;

    #[test]
    fn a_contractions_bare_typings_are_not_the_words_own_odds() {
        // No contraction: the model's odds as they are.
        assert_eq!(own_odds(-3.0, [].into_iter()), -3.0);
        // `cant` at a tenth of `can't`: of that tenth, one part in fifty
        // of `can't`'s uses is `can't` typed bare.
        let own = own_odds(-4.0, [-3.0].into_iter());
        assert!((own - (1e-4f64 - 1e-3 * 0.02 / 0.98).log10()).abs() < 1e-9);
        // At a fiftieth or less, the letters are all bare typings.
        assert_eq!(own_odds(-5.0, [-3.0].into_iter()), f64::NEG_INFINITY);
    }
}
