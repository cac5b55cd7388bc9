//! Word segmentation that only ever adds spaces. The text is tokenized
//! first: URLs, addresses, handles and other scripts are kept as they are;
//! runs of letters are segmented (lowercased for the dictionary), keeping
//! CamelCase cuts, apostrophes inside their words (`don't`, `John's`) and
//! numbers apart from the words run into them (`in 2024`, `25 years old`);
//! and a space goes after `,` `;` `:` `!` `?` glued to the next word, after
//! a full stop glued to the next sentence, and outside a quotation's marks
//! glued to the words beside them, and around prices and percentages
//! (`for$5.99today` → `for $5.99 today`). Accented letters count as their
//! plain ones (`accents`). The words beside a run,
//! or a sentence's start and end, are its neighbours to the word pairs.

use std::ops::Range;

use crate::accents;
use crate::case::{dictionary_form, is_all_capitals};
use crate::changes::{Builder, Outcome};
use crate::extra_words::ExtraWords;
use crate::lexicon::{Around, Lexicon, SENTENCE_END, SENTENCE_START};
use crate::model::{MIN_DROPPED_G_STEM, NUMBER_PLURAL_COST};
use crate::tokenize::{
    is_apostrophe, joins_words, sentence_ends_after, sentence_starts_before, tokenize, word_after,
    Kind, Token,
};
use crate::word_forms;

pub fn segment(lexicon: &Lexicon, extra: &ExtraWords, text: &str) -> Outcome {
    // Accented letters are read as their plain ones, which the dictionary
    // knows (`itwasnaïve` as `itwasnaive`), and stay as typed.
    match accents::fold(text) {
        Some(folded) => folded.unfold(text, segment_plain(lexicon, extra, &folded.text)),
        None => segment_plain(lexicon, extra, text),
    }
}

fn segment_plain(lexicon: &Lexicon, extra: &ExtraWords, text: &str) -> Outcome {
    let mut out = Builder::with_capacity(text.len() + text.len() / 4);
    let tokens = tokenize(text);
    let quotes = Quotes::of(&tokens);
    // The last word of the token before, as segmented (and as typed), when
    // a gap inside the sentence separates the two (`joins_words`).
    let mut previous: Option<&str> = None;
    for (i, token) in tokens.iter().enumerate() {
        let mut start = 0;
        // A word the dictionary has is left whole, as `word_ends` would;
        // checked first, so that most words of spaced text cost one lookup
        // and none of the context below.
        let whole = |text: &str| {
            !text.bytes().any(|b| b.is_ascii_digit()) && is_whole_word(lexicon, extra, text)
        };
        if is_segmentable(token) && !whole(token.text) {
            let previous = previous.map(str::to_ascii_lowercase);
            let next = word_after(&tokens, i).map(str::to_ascii_lowercase);
            let next = next.filter(|word| lexicon.is_dictionary_word(word));
            let (start_mark, end_mark) = sentence_edges(&tokens, i);
            let around = (
                previous.as_deref().or(start_mark),
                next.as_deref().or(end_mark),
            );
            let beside = Beside {
                quantity: is_quantity(&tokens, i),
                apostrophe_after: tokens
                    .get(i + 1)
                    .is_some_and(|t| t.kind == Kind::Gap && t.text.chars().all(is_apostrophe)),
                hour_before: is_hour_before(&tokens, i),
            };
            for cut in cuts(lexicon, extra, token.text, around, beside) {
                out.keep(&token.text[start..cut]);
                out.replace("", " ");
                start = cut;
            }
        }
        previous = match token.kind {
            Kind::Word => Some(&token.text[start..]),
            Kind::Gap if joins_words(token) => previous,
            _ => None,
        };
        out.keep(&token.text[start..]);
        if needs_space_after(&tokens, &quotes, i) {
            out.replace("", " ");
        }
    }
    out.finish()
}

/// Whether the token starts a sentence and whether it ends one, as the
/// words around it to the language model: the text's start and end, and
/// the ends of sentences, count as such. A word beside it, across gaps
/// that join words, comes first (`segment`).
fn sentence_edges(tokens: &[Token<'_>], i: usize) -> Around<'static> {
    (
        sentence_starts_before(tokens, i).then_some(SENTENCE_START),
        sentence_ends_after(tokens, i).then_some(SENTENCE_END),
    )
}

/// ASCII letters, digits and inner apostrophes, with a letter among them
/// (a `Word`, or one kept for its capitals or digits: `iPhone`, `win10`),
/// and a number's point and commas (`5.99yesterday`). URLs, addresses,
/// handles and other scripts have other characters.
fn is_segmentable(token: &Token<'_>) -> bool {
    let bytes = token.text.as_bytes();
    matches!(token.kind, Kind::Word | Kind::Kept)
        && token
            .text
            .char_indices()
            .all(|(i, c)| c.is_ascii_alphanumeric() || is_apostrophe(c) || is_in_a_number(bytes, i))
        && bytes.iter().any(u8::is_ascii_alphabetic)
}

/// A point or a comma between two digits (`5.99`, `1,000`).
fn is_in_a_number(bytes: &[u8], i: usize) -> bool {
    matches!(bytes[i], b'.' | b',')
        && i.checked_sub(1).is_some_and(|k| bytes[k].is_ascii_digit())
        && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
}

/// Punctuation that ends a clause, between two words with no space. A
/// full stop only before a capitalised word and after a word of two
/// letters or more (`great.It was`, `Dr.Smith`): not in initials
/// (`J.R.R.Tolkien` keeps its last), abbreviations (`e.g.`) or names
/// (`example.com`, `ASP.NET`); or one that ends an abbreviation, before a
/// lowercase word (`ends_abbreviation`: `the U.S.economy`, `e.g.apples`,
/// `etc.and`). And around a quotation glued to the words
/// beside it: before its opening mark, after its closing one (`say"no"in`
/// → `say "no" in`); before a price (`for$5`) and after a percentage
/// (`10%off`).
fn needs_space_after(tokens: &[Token<'_>], quotes: &Quotes, i: usize) -> bool {
    if !quotes.is_empty() {
        let opening = |k: usize| quotes.side(k) == Some(Side::Opening);
        let closing = |k: usize| quotes.side(k) == Some(Side::Closing);
        // A word, a clause's end or a quotation's close, then a quotation's
        // opening mark glued to a word: `called"sucking`, `said,"one`.
        let ends = is_spaced(&tokens[i])
            || closing(i)
            || matches!(tokens[i].text, "," | ":" | ";" | "." | "!" | "?");
        if ends && opening(i + 1) && tokens.get(i + 2).is_some_and(is_spaced) {
            return true;
        }
        // A closing mark glued to what it closes, then a word: `"no"in`.
        let glued = i
            .checked_sub(1)
            .is_some_and(|k| !tokens[k].text.chars().all(char::is_whitespace));
        if closing(i) && glued && tokens.get(i + 1).is_some_and(is_spaced) {
            return true;
        }
    }
    // A word glued to a price: `for$5` → `for $5`; not a currency's
    // name in capitals (`US$5`).
    if tokens
        .get(i + 1)
        .is_some_and(|t| CURRENCY_SIGNS.contains(&t.text))
        && tokens
            .get(i + 2)
            .is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_digit()))
        && is_segmentable(&tokens[i])
        && !is_all_capitals(tokens[i].text)
    {
        return true;
    }
    // A bracket's close glued to the word after (`(6)Don't`), and a word
    // of two letters or more glued to a bracket it opens (`popular(in his
    // time)`; not `f(x)`, `401(k)`).
    let starts_with_letter = |t: Option<&Token<'_>>| {
        t.is_some_and(|t| {
            is_segmentable(t) && t.text.starts_with(|c: char| c.is_ascii_alphabetic())
        })
    };
    if matches!(tokens[i].text, ")" | "]") {
        return starts_with_letter(tokens.get(i + 1));
    }
    if tokens
        .get(i + 1)
        .is_some_and(|t| matches!(t.text, "(" | "["))
    {
        let word = tokens[i].text;
        return starts_with_letter(Some(&tokens[i]))
            && word.len() >= 2
            && word.bytes().all(|b| b.is_ascii_alphabetic());
    }
    let (Some(before), Some(after)) = (i.checked_sub(1).map(|k| &tokens[k]), tokens.get(i + 1))
    else {
        return false;
    };
    // A percentage glued to the word after: `10%off` → `10% off`.
    if tokens[i].text == "%" {
        return is_percentage(tokens, i) && starts_with_letter(Some(after));
    }
    // `It`, `Smith`, `I'm`; not `I`, `NET`.
    let capitalised = |word: &str| {
        let mut chars = word.chars();
        chars.next().is_some_and(|c| c.is_ascii_uppercase())
            && chars
                .next()
                .is_some_and(|c| c.is_ascii_lowercase() || is_apostrophe(c))
    };
    // The punctuation first: most gaps are spaces, and the words on both
    // sides are read only for the few that are not.
    // Not a comma or colon between digits: a number's thousands
    // (`was1,000`), a time or a ratio (`at8:30`, `3:1`).
    let in_a_number = before.text.ends_with(|c: char| c.is_ascii_digit())
        && after.text.starts_with(|c: char| c.is_ascii_digit());
    let ends_clause = tokens[i].kind == Kind::Gap
        && match tokens[i].text {
            "," | ":" => !in_a_number,
            ";" | "!" | "?" => true,
            "." => {
                ((before.text.len() >= 2 || is_percentage(tokens, i - 1))
                    && capitalised(after.text))
                    || (ends_abbreviation(tokens, i)
                        && is_spaced(after)
                        && (after.text.starts_with(|c: char| c.is_ascii_digit())
                            || (after.text.len() >= 2
                                && after.text.starts_with(|c: char| c.is_ascii_lowercase()))))
            }
            _ => false,
        };
    // Words, or a number on either side (`1,000, then`); before it, a
    // quotation's close (`?",the`).
    ends_clause
        && (is_spaced(before)
            || quotes.side(i - 1) == Some(Side::Closing)
            || matches!(before.text, ")" | "]")
            // A full stop then a comma ends an abbreviation, whichever
            // (`Atlanta, Ga.,where`).
            || (before.text == "." && (tokens[i].text == "," || ends_abbreviation(tokens, i - 1)))
            || is_percentage(tokens, i - 1))
        && is_spaced(after)
}

/// Whether token `i` ends in an hour run into the first letter of `a.m.`
/// or `p.m.` (`at10a.m.`, `3:15p.m.`), which the tokens after it finish.
fn is_hour_before(tokens: &[Token<'_>], i: usize) -> bool {
    let text = |k: usize| tokens.get(k).map(|t| t.text);
    matches!(
        tokens[i].text.as_bytes(),
        [.., b'0'..=b'9', b'a' | b'p' | b'A' | b'P']
    ) && text(i + 1) == Some(".")
        && matches!(text(i + 2), Some("m" | "M"))
        && text(i + 3) == Some(".")
}

/// Whether the `%` at token `i` ends a percentage (`10%`): what a clause's
/// punctuation after it is spaced from, as after a word (`10%,the`).
fn is_percentage(tokens: &[Token<'_>], i: usize) -> bool {
    tokens[i].text == "%"
        && i.checked_sub(1)
            .is_some_and(|k| tokens[k].text.ends_with(|c: char| c.is_ascii_digit()))
}

/// Abbreviations written with a full stop that a lowercase word may
/// follow, as typed: titles, a company's, and Latin's `etc.` and `vs.`
/// (not `co`, a domain's part in lowercase: `bbc.co.uk`).
const ABBREVIATIONS: [&str; 19] = [
    "etc", "vs", "Mr", "Mrs", "Ms", "Dr", "Jr", "Sr", "St", "Gen", "Sen", "Rep", "Gov", "Rev",
    "Prof", "Inc", "Ltd", "Co", "Corp",
];

/// Initials in lowercase whose first letter is often run into the word
/// before when spaces are left out (`onea.m.`, `threep.m.`, `suche.g.`),
/// where a letter and initials cannot be told apart by shape.
const LOWERCASE_INITIALS: [[u8; 2]; 4] = [*b"am", *b"pm", *b"eg", *b"ie"];

/// Whether the full stop at token `i` ends an abbreviation: one of
/// `ABBREVIATIONS`, or the last of the initials of two letters or more
/// (`U.S.`, `e.g.`, `a.m.`). Before a lowercase word of two letters or
/// more, or a number, as `needs_space_after` asks, it is no name's
/// (`example.com`) and no initials' inside (`a.b.c`): `H.R.1` → `H.R. 1`,
/// `e.g.20%` → `e.g. 20%`; before a comma or the like, it ends a word
/// (`3p.m.,i.e.` → `3 p.m., i.e.`).
fn ends_abbreviation(tokens: &[Token<'_>], i: usize) -> bool {
    let Some(before) = i.checked_sub(1) else {
        return false;
    };
    let initials = is_one_letter(tokens[before].text)
        && before >= 2
        && tokens[before - 1].text == "."
        && (ends_in_one_letter(tokens[before - 2].text)
            || tokens[before - 2].text.bytes().last().is_some_and(|first| {
                LOWERCASE_INITIALS.contains(&[first, tokens[before].text.as_bytes()[0]])
            }));
    // The first of the initials, or the abbreviation, may end a run the
    // segmenter cuts (`theU.S.`, `at10a.m.`, `inMr.`).
    initials
        || ABBREVIATIONS
            .iter()
            .any(|abbreviation| ends_with_word(tokens[before].text, abbreviation))
}

fn is_one_letter(text: &str) -> bool {
    text.len() == 1 && text.as_bytes()[0].is_ascii_alphabetic()
}

/// Whether `text` ends in a letter that is a run's own: after no letter
/// (`a`, `10a`), or a capital after a lowercase letter (`theU`).
fn ends_in_one_letter(text: &str) -> bool {
    match text.as_bytes() {
        [.., before, last] if last.is_ascii_alphabetic() => {
            !before.is_ascii_alphabetic()
                || (before.is_ascii_lowercase() && last.is_ascii_uppercase())
        }
        [last] => last.is_ascii_alphabetic(),
        _ => false,
    }
}

/// Whether `text` is `word`, or ends in it after a lowercase letter where
/// `word` is capitalised (`inMr`).
fn ends_with_word(text: &str, word: &str) -> bool {
    text == word
        || (word.starts_with(|c: char| c.is_ascii_uppercase())
            && text
                .strip_suffix(word)
                .is_some_and(|rest| rest.ends_with(|c: char| c.is_ascii_lowercase())))
}

/// A word, or a number kept as it is (digits, with a point or commas):
/// what punctuation glued to it is spaced from.
fn is_spaced(token: &Token<'_>) -> bool {
    is_segmentable(token)
        || (token.kind == Kind::Kept
            && token
                .text
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b','))
}

/// Which side of a quotation each quotation mark of a text is on: `“` opens
/// and `”` closes; a straight `"` opens where no quotation is open, and
/// closes one that is. In a text with capitals, a straight mark after a
/// sentence's end and before a word in lowercase closes, open or not: the
/// quotation began before the text (`Is this true?"his fellow students
/// inquired`, from a text cut out of a longer one). Not after a comma,
/// where a quotation broken by `he said,` goes on in lowercase. Found
/// once for the text, and none where it has no marks.
struct Quotes {
    sides: Vec<Option<Side>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Opening,
    Closing,
}

impl Quotes {
    fn of(tokens: &[Token<'_>]) -> Self {
        let marked = |t: &Token<'_>| t.kind == Kind::Gap && t.text.contains(['"', '“', '”']);
        if !tokens.iter().any(marked) {
            return Quotes { sides: Vec::new() };
        }
        // A writer in lowercase starts a quotation in lowercase too.
        let capitals = tokens
            .iter()
            .any(|t| t.text.bytes().any(|b| b.is_ascii_uppercase()));
        let ends_a_sentence = |k: usize| {
            k.checked_sub(1)
                .is_some_and(|k| matches!(tokens[k].text, "." | "!" | "?"))
        };
        let lowercase_after = |k: usize| {
            tokens.get(k + 1).is_some_and(|t| {
                t.kind == Kind::Word && t.text.starts_with(|c: char| c.is_ascii_lowercase())
            })
        };
        let mut open = false;
        let sides = tokens
            .iter()
            .enumerate()
            .map(|(k, token)| match token.text {
                _ if token.kind != Kind::Gap => None,
                "“" => Some(Side::Opening),
                "”" => Some(Side::Closing),
                "\"" => {
                    let closes = open || (capitals && ends_a_sentence(k) && lowercase_after(k));
                    open = !closes;
                    Some(if closes { Side::Closing } else { Side::Opening })
                }
                _ => None,
            })
            .collect();
        Quotes { sides }
    }

    fn is_empty(&self) -> bool {
        self.sides.is_empty()
    }

    /// The side of the mark that token `k` is, if it is one.
    fn side(&self, k: usize) -> Option<Side> {
        self.sides.get(k).copied().flatten()
    }
}

/// Byte offsets in `token` where a space goes: between the words of each
/// run of letters, and, when there are two words or more, between words
/// and numbers too (`Ilovenewyorkin2024` → `I love new york in 2024`,
/// `the24thofmay` → `the 24th of may`: an ordinal keeps its ending, and a
/// round number its plural, `the1990swere` → `the 1990s were`). A word
/// with a number and no other word is a code or a name, left as it is
/// (`mp3`, `COVID19`, `h2o`), unless the number is a `quantity`
/// (`is_quantity`: `5.99yesterday`, `$5now`), counts a plural (`3cats`),
/// follows one of the commonest words (`in2024`) or is a year after a
/// word (`Since1997`).
/// A word that ends in `in` and an apostrophe is a verb's `-ing` with
/// its `g` left out (`ends_before_dropped_g`).
fn cuts(
    lexicon: &Lexicon,
    extra: &ExtraWords,
    token: &str,
    around: Around<'_>,
    beside: Beside,
) -> Vec<usize> {
    let Some(runs) = runs(token) else {
        return Vec::new();
    };
    let is_number = |run: &str| run.starts_with(|c: char| c.is_ascii_digit());
    let numbers = || {
        runs.iter()
            .map(|run| &token[run.clone()])
            .filter(|run| is_number(run))
    };
    // A number and a word, in either order (not a code like `v2rc1`).
    let two = || {
        let [first, second] = runs.as_slice() else {
            return None;
        };
        Some((&token[first.clone()], &token[second.clone()]))
    };
    // Asked only of a token with a number: whether that number is no
    // code's, so that one word beside it is cut from it. A decade with its
    // `'s` is none, whatever it meets (`the1980's`, `80'sand90's`). Nor is a
    // number with a point or commas (`5.99yesterday`, `1,000people`), nor
    // one before a plural, which counts things (`3cats`, `100points`), nor
    // one after a word of two letters or more (not a single letter's code,
    // `A4`) that is one of the commonest, after which a space left out is
    // the likeliest slip, as the corrector reads `thepast` (`in1974`,
    // `By1943`), nor a year after any dictionary word (`Since1997`,
    // `June1982`), as a code's number is seldom one (`win10`, `mp3`).
    let quantity = || {
        let year = |number: &str| {
            number.len() == 4
                && matches!(number.as_bytes()[0], b'1' | b'2')
                && number.bytes().all(|b| b.is_ascii_digit())
        };
        let follows_a_word = |word: &str, number: &str| {
            let lower = word.to_ascii_lowercase();
            word.len() >= 2
                && (lexicon.is_common(&lower)
                    || (year(number) && lexicon.is_dictionary_word(&lower)))
        };
        numbers().any(|number| number.contains(['\'', '’']))
            || two().is_some_and(|(first, second)| {
                beside.quantity
                    || beside.hour_before
                    || numbers().any(|number| number.contains(['.', ',']))
                    || (is_number(first) && is_plural(lexicon, second))
                    || (is_number(second) && follows_a_word(first, second))
            })
    };
    // Each run of letters without an ordinal's ending, and its word ends.
    let mut words = Vec::new();
    let (mut number, mut digits) = (None, false);
    // A number with its ordinal's or its plural's ending is no code's
    // (`80speople` is `80s people`, `4thfloor` `4th floor`).
    let mut ended = false;
    for run in runs.iter().cloned() {
        let text = &token[run.clone()];
        if text.starts_with(|c: char| c.is_ascii_digit()) {
            (number, digits) = (Some(text), true);
            continue;
        }
        let next = around.1.filter(|_| run.end == token.len());
        let ending = number.map_or(0, |number| number_ending(lexicon, number, text, next));
        ended |= ending > 0;
        number = None;
        let letters = run.start + ending..run.end;
        if !letters.is_empty() {
            // Only the token's edges are the sentence's.
            let around = (
                around.0.filter(|_| letters.start == 0),
                around.1.filter(|_| letters.end == token.len()),
            );
            let text = &token[letters.clone()];
            let apostrophe_after = beside.apostrophe_after && letters.end == token.len();
            let ends = ends_before_dropped_g(lexicon, text, around.0, apostrophe_after)
                .unwrap_or_else(|| word_ends(lexicon, extra, text, around));
            words.push((letters, ends));
        }
    }
    // Words of two letters or more: two with a number, as single letters
    // by a number are codes too (`h2o`, `b2b`, `A4`); one in letters alone
    // (`afarmer`, `iam`; not `ok`, `tv`).
    let longer_words: usize = words
        .iter()
        .map(|(_, ends)| {
            let starts = std::iter::once(&0).chain(ends);
            starts
                .zip(ends)
                .filter(|&(start, end)| end - start > 1)
                .count()
        })
        .sum();
    // The letter before `.m.` is a word (`at10a.m.` → `at 10 a.m.`).
    let longer_words = longer_words + usize::from(beside.hour_before);
    let needed = if digits && !ended && !quantity() {
        2
    } else {
        1
    };
    if longer_words < needed {
        return Vec::new();
    }
    let mut cuts = Vec::new();
    for (letters, ends) in words {
        cuts.push(letters.start);
        cuts.extend(ends.iter().map(|end| letters.start + end));
    }
    cuts.retain(|&cut| 0 < cut && cut < token.len());
    cuts.dedup();
    cuts
}

/// `token` as runs of digits and runs of letters (an apostrophe between two
/// letters belongs to their run, a point or a comma between two digits to
/// theirs, and a decade's `'s` to its number, `1980's`); `None` when any
/// other apostrophe touches a digit, which is left as it is.
fn runs(token: &str) -> Option<Vec<Range<usize>>> {
    let bytes = token.as_bytes();
    let mut runs: Vec<Range<usize>> = Vec::new();
    let mut digits = None;
    // The `s` of a decade's `'s`, read with it.
    let mut taken = 0;
    for (i, c) in token.char_indices() {
        if i < taken {
            continue;
        }
        if !c.is_ascii_alphanumeric() && is_in_a_number(bytes, i) {
            runs.last_mut().expect("a digit came before").end = i + 1;
            continue;
        }
        if is_apostrophe(c) {
            let end = i + c.len_utf8();
            // A decade's `'s` belongs to its number (`the1980'swere`).
            if digits == Some(true) && matches!(bytes.get(end), Some(b's' | b'S')) {
                taken = end + 1;
                runs.last_mut().expect("a digit came before").end = taken;
                continue;
            }
            let letter = |at: Option<&u8>| at.is_some_and(u8::is_ascii_alphabetic);
            if !letter(i.checked_sub(1).and_then(|k| bytes.get(k))) || !letter(bytes.get(end)) {
                return None;
            }
            runs.last_mut().expect("a letter came before").end = end;
            // A `g` left out, or a plural's possessive, and a word after
            // that is no clitic (`workin'order`, `kids'night`): the
            // apostrophe ends its word's run.
            if ends_its_word(&token[..i], &token[end..]) {
                digits = None;
            }
            continue;
        }
        let is_digit = c.is_ascii_digit();
        match runs.last_mut() {
            Some(run) if digits == Some(is_digit) => run.end = i + 1,
            _ => runs.push(i..i + 1),
        }
        digits = Some(is_digit);
    }
    Some(runs)
}

/// Whether an apostrophe between `before` and `after` ends a word: it
/// marks a `g` left out (`before` ends in `in`: `workin'order`), and
/// `after` starts with nothing English joins to a word by an apostrophe
/// (`nothin's`, `we'd`, `it'll`, `you're`, `I've`), nor with the `t` of
/// `ain't` (but `talkin'to`); or it marks a plural's possessive (`before`
/// ends in `s`: `kids'night`, `schools'diplomas`), and `after` starts
/// with no `s`, the only clitic a noun takes (`boss's`).
fn ends_its_word(before: &str, after: &str) -> bool {
    let ends = |ending: &str| {
        before.len() >= ending.len()
            && before.as_bytes()[before.len() - ending.len()..]
                .eq_ignore_ascii_case(ending.as_bytes())
    };
    let starts = |clitic: &str| {
        after.len() >= clitic.len()
            && after.as_bytes()[..clitic.len()].eq_ignore_ascii_case(clitic.as_bytes())
    };
    let g_left_out = ends("in")
        && !["s", "d", "ll", "re", "ve"].into_iter().any(starts)
        && !(ends("ain") && starts("t"));
    g_left_out || (ends("s") && !starts("s"))
}

/// How many of the letters `text` after `number` are its own ending: an
/// ordinal's (`24th`), where the words after read at least as well
/// without it, by the language model (`the24thofmay`, but `all113thatwe`
/// is `all 113 that we`); or the plural `s` of a round number (`the
/// 1990s`, `100s of`) where they read better without it by more than the
/// odds that a round number is written as a plural (`NUMBER_PLURAL_COST`):
/// `80sand90s` is `80s and 90s`, `10sheep` `10 sheep`.
fn number_ending(lexicon: &Lexicon, number: &str, text: &str, next: Option<&str>) -> usize {
    // `5.99` and `1980's` take neither.
    if number.contains(['.', '\'', '’']) {
        return 0;
    }
    // How much better the words after read without the first `len`
    // letters, in lowercase; letters with an apostrophe are not weighed.
    let lower = text.bytes().all(|b| b.is_ascii_lowercase());
    let better_without = |len: usize| {
        let text = text.to_ascii_lowercase();
        let around = (None, next);
        let (apart, _) = lexicon.segment_scored(&text, &[], around);
        let (without, _) = lexicon.segment_scored(&text[len..], &[], around);
        without - apart
    };
    let ordinal = ordinal_ending(number);
    if text
        .get(..ordinal.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(ordinal))
    {
        // Weighed where lowercase letters follow it (`1980theAdministration`
        // is `1980 the Administration`); in capitals it is an ordinal's
        // (`20TH CENTURY`).
        let weighed = text.bytes().any(|b| b.is_ascii_lowercase())
            && text.bytes().all(|b| b.is_ascii_alphabetic());
        let taken = text.len() == ordinal.len() || !weighed || better_without(ordinal.len()) >= 0.0;
        return if taken { ordinal.len() } else { 0 };
    }
    let plural = text.starts_with('s')
        && number.ends_with('0')
        && lower
        && (text.len() == 1 || better_without(1) > NUMBER_PLURAL_COST);
    usize::from(plural)
}

/// What the tokens beside a token tell of it.
#[derive(Clone, Copy)]
struct Beside {
    /// Its number is a quantity (`is_quantity`).
    quantity: bool,
    /// An apostrophe follows it (`rockin' and`).
    apostrophe_after: bool,
    /// It ends in a number and the first letter of `a.m.` or `p.m.`
    /// (`at10a.m.`): the hour, and its letter a word of its own.
    hour_before: bool,
}

/// Where each word of a run of letters ends when its last word is a
/// verb's `-ing` with the `g` left out and marked by an apostrophe, in the
/// run (`workin'order`) or after it (`rockin' and`): to the language
/// model that word is the `-ing` word, which the words before it are cut
/// to lead into (`hewastalkin'` is `he was talkin'`, not `he wa
/// stalkin'`). It had become `rock in'`. `None` where no such word ends
/// the run.
fn ends_before_dropped_g(
    lexicon: &Lexicon,
    letters: &str,
    before: Option<&str>,
    apostrophe_after: bool,
) -> Option<Vec<usize>> {
    let marked = letters.ends_with(is_apostrophe);
    if !(marked || apostrophe_after) {
        return None;
    }
    let bare = Bare::of(letters);
    let lower = &bare.letters;
    if !lower.ends_with("in") || !lower.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    // The word's own apostrophe, if it has one in the run, is the last.
    let inside = bare.held.len() - usize::from(marked);
    let mut best: Option<(f64, Vec<usize>)> = None;
    for start in 0..lower.len().saturating_sub(MIN_DROPPED_G_STEM + 1) {
        // No word starts at an apostrophe taken out, and the word has none.
        if bare.held[..inside].iter().any(|&at| at >= start) {
            continue;
        }
        let word = format!("{}g", &lower[start..]);
        if !lexicon.is_dictionary_word(&word) {
            continue;
        }
        let (score, ends) =
            lexicon.segment_scored(&lower[..start], &bare.held[..inside], (before, Some(&word)));
        if best.as_ref().is_none_or(|(best, _)| score > *best) {
            let mut ends: Vec<usize> = ends.into_iter().map(|end| bare.original(end)).collect();
            ends.push(letters.len());
            best = Some((score, ends));
        }
    }
    best.map(|(_, ends)| ends)
}

/// A dictionary word that is a plural of another (`cats`, `boxes`,
/// `babies`): one `word_forms::is_plural` makes by rule, one that is the
/// other with an `s`, where the dictionary holds both (`days`, which the
/// rule leaves to the lists), or one made by no rule (`people`,
/// `grandchildren`: `word_forms::is_irregular_plural`).
fn is_plural(lexicon: &Lexicon, word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    let known = |w: &str| lexicon.is_dictionary_word(w);
    known(&lower)
        && (word_forms::is_plural(&lower, &known)
            || lower
                .strip_suffix('s')
                .is_some_and(|stem| stem.len() >= 3 && known(stem))
            || word_forms::is_irregular_plural(&lower, known))
}

/// A run of digits glued to a word that is a quantity, not a code: the
/// number has a decimal point or thousands before the word
/// (`5.99yesterday`, `1,000people`, `3.14is`), thousands after it
/// (`about1,000`), or a currency sign (`$5now`, `€20today`). Codes carry
/// no such marks (`mp3`, `win10`); a version's point comes after its
/// name (`python3.9`), which is left as it is.
fn is_quantity(tokens: &[Token<'_>], i: usize) -> bool {
    let digit = |c: char| c.is_ascii_digit();
    let is = |k: Option<usize>, marks: &[&str]| {
        k.and_then(|k| tokens.get(k))
            .is_some_and(|t| marks.contains(&t.text))
    };
    let ends_in_digit = |k: Option<usize>| {
        k.and_then(|k| tokens.get(k))
            .is_some_and(|t| t.text.ends_with(digit))
    };
    let text = tokens[i].text;
    let (before, after) = (i.checked_sub(1), i.checked_add(1));
    (text.starts_with(digit)
        && ((is(before, &[".", ","]) && ends_in_digit(i.checked_sub(2)))
            || is(before, CURRENCY_SIGNS)))
        || (text.ends_with(digit)
            && is(after, &[","])
            && tokens.get(i + 2).is_some_and(|t| t.text.starts_with(digit)))
}

/// Signs written before a price, glued to it (`$5`, `€20`, `£3`).
const CURRENCY_SIGNS: &[&str] = &["$", "€", "£"];

/// The ending an ordinal number takes: `1st`, `2nd`, `3rd`, `11th`, `24th`.
fn ordinal_ending(number: &str) -> &'static str {
    let last_two = number.len().saturating_sub(2);
    match (
        number.as_bytes()[last_two..].first(),
        number.as_bytes().last(),
    ) {
        (Some(b'1'), _) if number.len() >= 2 => "th",
        (_, Some(b'1')) => "st",
        (_, Some(b'2')) => "nd",
        (_, Some(b'3')) => "rd",
        _ => "th",
    }
}

/// Where each word of a run of letters ends (offsets in `letters`). A known
/// or extra word stays whole (`McDonald`, `don't`); CamelCase is cut at its
/// capitals first; each part is then segmented by the language model, with
/// its apostrophes taken out and no cut where one was (`dont` is one word,
/// `don't`).
fn word_ends(
    lexicon: &Lexicon,
    extra: &ExtraWords,
    letters: &str,
    around: Around<'_>,
) -> Vec<usize> {
    if is_whole_word(lexicon, extra, letters) {
        return vec![letters.len()];
    }
    let mut ends = Vec::new();
    let mut start = 0;
    let parts = camel_parts(letters);
    for (k, part) in parts.iter().enumerate() {
        let bare = Bare::of(part);
        ends.extend(
            lexicon
                .segment(
                    &bare.letters,
                    &bare.held,
                    (
                        around.0.filter(|_| k == 0),
                        around.1.filter(|_| k + 1 == parts.len()),
                    ),
                )
                .into_iter()
                .map(|end| start + bare.original(end)),
        );
        start += part.len();
    }
    ends
}

/// A run of letters lowercase and without its apostrophes, as the
/// language model reads it.
struct Bare {
    letters: String,
    /// Offsets in `letters` where an apostrophe was (no cut goes there).
    held: Vec<usize>,
    /// By offset in `letters`, how many bytes of apostrophes came before.
    shift: Vec<usize>,
}

impl Bare {
    fn of(run: &str) -> Self {
        let mut bare = Bare {
            letters: String::with_capacity(run.len()),
            held: Vec::new(),
            shift: Vec::with_capacity(run.len() + 1),
        };
        bare.shift.push(0);
        for c in run.chars() {
            if is_apostrophe(c) {
                bare.held.push(bare.letters.len());
                *bare.shift.last_mut().expect("never empty") += c.len_utf8();
            } else {
                bare.letters.push(c.to_ascii_lowercase());
                bare.shift.push(*bare.shift.last().expect("never empty"));
            }
        }
        bare
    }

    /// The offset in the run of `end`, an offset in `letters`.
    fn original(&self, end: usize) -> usize {
        end + self.shift[end]
    }
}

/// A dictionary or extra word, in any case and with either apostrophe
/// (`McDonald`, `don’t`): kept whole.
fn is_whole_word(lexicon: &Lexicon, extra: &ExtraWords, letters: &str) -> bool {
    let lower = dictionary_form(letters);
    lexicon.is_dictionary_word(&lower) || extra.contains(&lower)
}

/// `TheQuickBrownFox` → `The`, `Quick`, `Brown`, `Fox`; other words whole.
fn camel_parts(letters: &str) -> Vec<&str> {
    let bytes = letters.as_bytes();
    let mut parts = Vec::new();
    let mut start = 0;
    for i in 1..bytes.len() {
        if bytes[i].is_ascii_uppercase() && bytes[i - 1].is_ascii_lowercase() {
            parts.push(&letters[start..i]);
            start = i;
        }
    }
    parts.push(&letters[start..]);
    parts
}
