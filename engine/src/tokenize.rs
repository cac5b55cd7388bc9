//! Splits text into tokens so that only plain words are ever corrected.
//!
//! Every byte of the input belongs to exactly one token, in order, so the
//! tokens joined give the text back; whatever is not a `Word` (spaces,
//! punctuation, numbers, URLs, e-mail addresses, @handles, #hashtags,
//! words with digits or inner capitals, other scripts) is kept verbatim.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Latin letters, maybe with inner apostrophes (`can't`, `Peter's`):
    /// a candidate for correction.
    Word,
    /// Something to keep exactly: a URL, an address, a number, `iPhone`…
    Kept,
    /// Whitespace and punctuation.
    Gap,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    /// Byte range in the input.
    pub span: Range<usize>,
    pub kind: Kind,
}

pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut pos = 0;
    // No e-mail address starts before this (`address_len`): a run of
    // punctuation is looked through once, not again at each character.
    let mut no_address_before = 0;
    while pos < text.len() {
        let rest = &text[pos..];
        let first = rest.chars().next().expect("pos is on a char boundary");
        let (len, kind) = if first.is_whitespace() {
            (run_len(rest, char::is_whitespace), Kind::Gap)
        } else if let Some(len) = url_len(rest).or_else(|| {
            if pos < no_address_before {
                return None;
            }
            address_len(rest)
                .map_err(|ruled_out| no_address_before = pos + ruled_out)
                .ok()
        }) {
            (len, Kind::Kept)
        } else if first.is_alphanumeric() {
            word_like(rest)
        } else if matches!(first, '@' | '#')
            && rest[1..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
        {
            (
                1 + run_len(&rest[1..], |c| c.is_alphanumeric() || c == '_'),
                Kind::Kept,
            )
        } else {
            (first.len_utf8(), Kind::Gap)
        };
        tokens.push(Token {
            text: &text[pos..pos + len],
            span: pos..pos + len,
            kind,
        });
        pos += len;
    }
    tokens
}

fn run_len(text: &str, keep: impl Fn(char) -> bool) -> usize {
    text.find(|c: char| !keep(c)).unwrap_or(text.len())
}

/// Trailing characters that end a sentence or a bracket rather than a URL.
const TRAILING: &[char] = &[
    '.', ',', ';', ':', '!', '?', ')', ']', '}', '"', '\'', '»', '”', '’',
];

/// A URL starting here: its length, without the punctuation that closes
/// the sentence around it. Only its start is read unless it is one.
fn url_len(text: &str) -> Option<usize> {
    let starts = |prefix: &str| {
        text.get(..prefix.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
    };
    (starts("http://") || starts("https://") || starts("www."))
        .then(|| {
            let chunk = &text[..run_len(text, |c| !c.is_whitespace())];
            chunk.trim_end_matches(TRAILING).len()
        })
        .filter(|&len| len > 0)
}

/// An e-mail address starting here: its length, without the punctuation
/// that closes the sentence around it; or, if none, how many bytes from
/// here none can start at either. An address's first part runs to its `@`,
/// so where that run meets no `@`, or a domain that is none, so does every
/// run that starts inside it; and only the address's own characters are
/// read: a text of punctuation (`.....`, `a@a.a@a.`) is read once, not
/// once a character (10,000 characters of it took 20 to 90 ms).
fn address_len(text: &str) -> Result<usize, usize> {
    let local = run_len(text, |c| c.is_alphanumeric() || "._%+-".contains(c));
    if local == 0 || !text[local..].starts_with('@') {
        return Err(local);
    }
    let at_domain = local + 1;
    let domain_run = run_len(&text[at_domain..], |c| {
        c.is_alphanumeric() || ".-".contains(c)
    });
    // Past the domain, only the punctuation that closes a sentence, to the
    // chunk's end.
    let after = at_domain + domain_run;
    let closing = run_len(&text[after..], |c| TRAILING.contains(&c));
    let chunk_ends = text[after + closing..]
        .chars()
        .next()
        .is_none_or(char::is_whitespace);
    let domain = text[at_domain..after].trim_end_matches(TRAILING);
    if chunk_ends && domain.contains('.') && !domain.starts_with('.') {
        Ok(at_domain + domain.len())
    } else {
        Err(local)
    }
}

/// A straight or a curly apostrophe (`can't`, `won’t`).
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// `word` without a possessive's `'s`, straight or curly (`Nation's` →
/// `Nation`), if it ends in one.
pub fn possessive_stem(word: &str) -> Option<&str> {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"))
}

/// Letters and digits, with apostrophes inside (`can't`, `rock'n'roll`):
/// a `Word` when it is plain Latin letters in ordinary case, else `Kept`.
fn word_like(text: &str) -> (usize, Kind) {
    let mut end = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            end = i + c.len_utf8();
        } else if is_apostrophe(c)
            && end == i
            && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric())
        {
            // An apostrophe between two letters belongs to the word.
        } else {
            break;
        }
    }
    // A number keeps its decimal point and the commas between its
    // thousands (`1,000.50`, `1.5`): one token to keep, and no full stop
    // that ends a sentence. Each run is read once (`1.1.1…` is linear).
    let digits = |run: &str| run.bytes().all(|b| b.is_ascii_digit());
    let mut in_number = digits(&text[..end]);
    while in_number
        && text[end..].starts_with(['.', ','])
        && text[end + 1..].starts_with(|c: char| c.is_ascii_digit())
    {
        let run = run_len(&text[end + 1..], char::is_alphanumeric);
        in_number = digits(&text[end + 1..end + 1 + run]);
        end += 1 + run;
    }
    let word = &text[..end];
    (
        end,
        if is_plain_word(word) {
            Kind::Word
        } else {
            Kind::Kept
        },
    )
}

/// ASCII letters (and inner apostrophes) in lower, Title or UPPER case.
/// Digits, other scripts and inner capitals (`iPhone`, `McDonald`) mean a
/// name, a code or another language: not ours to correct.
fn is_plain_word(word: &str) -> bool {
    let letters = || word.chars().filter(|c| c.is_alphabetic());
    if !word
        .chars()
        .all(|c| c.is_ascii_alphabetic() || is_apostrophe(c))
    {
        return false;
    }
    let all_upper = letters().all(|c| c.is_ascii_uppercase());
    let rest_lower = letters().skip(1).all(|c| c.is_ascii_lowercase());
    all_upper || rest_lower
}

/// Whether `gap`, the token after a word or before one, ends a sentence:
/// a full stop, `!`, `?` or a line break in it, or the text's edge.
pub fn ends_sentence(gap: Option<&Token<'_>>) -> bool {
    gap.is_none_or(|gap| gap.kind == Kind::Gap && gap.text.contains(['.', '!', '?', '\n']))
}

/// Whether the words on either side of `gap` are neighbours: spaces and
/// line breaks (a line may wrap inside a sentence), and punctuation a
/// sentence goes on across (`,` `;` `:`, dashes, double quotes,
/// brackets). The language model's text had no punctuation, so to it the
/// words on either side are neighbours (`you, its not` is `you its not`).
pub fn joins_words(gap: &Token<'_>) -> bool {
    const JOINING: &[char] = &[
        ' ', '\t', '\n', '\r', ',', ';', ':', '-', '–', '—', '"', '“', '”', '(', ')',
    ];
    gap.kind == Kind::Gap && gap.text.chars().all(|c| JOINING.contains(&c))
}

/// Whether a sentence ends after token `i`: at the text's end or a gap
/// that ends one (`ends_sentence`), past any marks that only join words
/// (`mat".`, `mat )`).
pub fn sentence_ends_after(tokens: &[Token<'_>], i: usize) -> bool {
    ends_sentence_first(tokens[i + 1..].iter())
}

/// Whether a sentence starts at token `i`, as `sentence_ends_after` looks
/// back (`. "Its`).
pub fn sentence_starts_before(tokens: &[Token<'_>], i: usize) -> bool {
    ends_sentence_first(tokens[..i].iter().rev())
}

/// Whether, past the marks that only join words, the first of `tokens`
/// ends a sentence (or there is none).
fn ends_sentence_first<'a, 't: 'a>(mut tokens: impl Iterator<Item = &'a Token<'t>>) -> bool {
    ends_sentence(tokens.find(|t| !joins_words(t) || ends_sentence(Some(t))))
}

/// The word after token `i` when only gaps that join words lie between
/// (`joins_words`; each mark is a gap token of its own, `,` then ` `).
pub fn word_after<'a>(tokens: &[Token<'a>], i: usize) -> Option<&'a str> {
    word_index_after(tokens, i).map(|j| tokens[j].text)
}

/// Where `word_after` finds its word.
pub fn word_index_after(tokens: &[Token<'_>], i: usize) -> Option<usize> {
    index_after(tokens, i, Kind::Word)
}

/// Where a token kept as it is (a number, a URL) is after token `i`, when
/// only gaps that join words lie between.
pub fn kept_index_after(tokens: &[Token<'_>], i: usize) -> Option<usize> {
    index_after(tokens, i, Kind::Kept)
}

fn index_after(tokens: &[Token<'_>], i: usize, kind: Kind) -> Option<usize> {
    let j = i
        + 1
        + tokens[i + 1..]
            .iter()
            .take_while(|t| joins_words(t))
            .count();
    let joined = j > i + 1;
    (joined && tokens.get(j)?.kind == kind).then_some(j)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&str, Kind)> {
        tokenize(text)
            .into_iter()
            .map(|t| (t.text, t.kind))
            .collect()
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .into_iter()
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn plain_words_and_the_gaps_between_them() {
        use Kind::*;
        assert_eq!(
            kinds("Hello, Wrold!"),
            vec![
                ("Hello", Word),
                (",", Gap),
                (" ", Gap),
                ("Wrold", Word),
                ("!", Gap)
            ]
        );
    }

    /// `address_len` reads only an address's own characters; it finds
    /// what the plain reading finds: the chunk of non-space characters,
    /// less the punctuation that closes it, split at its first `@`; and
    /// none of the plain reading's where it says none can start.
    #[test]
    fn an_address_is_found_as_the_plain_reading_finds_it() {
        fn plain(text: &str) -> Option<usize> {
            let chunk = &text[..run_len(text, |c| !c.is_whitespace())];
            let body = chunk.trim_end_matches(TRAILING);
            let (local, domain) = body.split_once('@')?;
            let is_address = !local.is_empty()
                && local
                    .chars()
                    .all(|c| c.is_alphanumeric() || "._%+-".contains(c))
                && domain.contains('.')
                && !domain.starts_with('.')
                && domain
                    .chars()
                    .all(|c| c.is_alphanumeric() || ".-".contains(c));
            is_address.then_some(body.len())
        }
        let agrees = |text: &str| {
            assert_eq!(address_len(text).ok(), plain(text), "{text:?}");
            if let Err(ruled_out) = address_len(text) {
                for at in (1..ruled_out).filter(|&at| text.is_char_boundary(at)) {
                    assert_eq!(plain(&text[at..]), None, "{text:?} at {at}");
                }
            }
        };
        for text in [
            "mail@example.com), then",
            "a@a.a@a.",
            "a@.b.c",
            "a.b@c.d.",
            "a@b.c)d",
            "a@b.c).",
            "-@x-y.z!",
            "a'b@c.d",
            "é@ü.de",
            "@a.b",
            "a@",
        ] {
            agrees(text);
        }
        proptest::proptest!(proptest::test_runner::Config::with_cases(4096), |(text in "([ab]{1,2}|[.@)!' -]){0,10}")| {
            agrees(&text);
        });
    }

    #[test]
    fn contractions_and_possessives_are_words() {
        assert_eq!(
            words("it's Peter's, can't won’t 'quoted'"),
            vec!["it's", "Peter's", "can't", "won’t", "quoted"]
        );
    }

    #[test]
    fn what_must_never_be_corrected_is_kept() {
        let kept = [
            "https://example.com/a?b=c",
            "www.example.org",
            "jane.doe+x@example.co.uk",
            "@handle_1",
            "#hashtag",
            "2024",
            "24th",
            "COVID19",
            "iPhone",
            "McDonald",
            "naïve",
            "Привет",
            "東京",
            "مرحبا",
        ];
        for text in kept {
            let tokens = tokenize(text);
            assert!(
                tokens.iter().all(|t| t.kind != Kind::Word),
                "{text} must not be a word: {tokens:?}"
            );
        }
        assert_eq!(words("TEH Teh teh"), vec!["TEH", "Teh", "teh"]);
    }

    /// Commas, dashes, quotes, brackets and line breaks leave two words
    /// neighbours; a sentence's end and other marks part them.
    #[test]
    fn words_across_a_comma_are_neighbours() {
        let after = |text| word_after(&tokenize(text), 0);
        for text in [
            "its, not",
            "its -- not",
            "its (not",
            "its \"not",
            "its\nnot",
        ] {
            assert_eq!(after(text), Some("not"), "{text:?}");
        }
        for text in ["its. not", "its? not", "its / not", "its 2 not"] {
            assert_eq!(after(text), None, "{text:?}");
        }
        let tokens = tokenize("\"Its mat\". (It) mat / it");
        let ends: Vec<bool> = (0..tokens.len())
            .filter(|&i| tokens[i].kind == Kind::Word)
            .map(|i| sentence_ends_after(&tokens, i))
            .collect();
        assert_eq!(ends, [false, true, false, false, true]);
        let starts: Vec<bool> = (0..tokens.len())
            .filter(|&i| tokens[i].kind == Kind::Word)
            .map(|i| sentence_starts_before(&tokens, i))
            .collect();
        assert_eq!(starts, [true, false, true, false, false]);
    }

    #[test]
    fn a_number_keeps_its_point_and_commas() {
        let tokens = kinds("it is 1,000.50 or 1.5. Then 5, 6 and 2.0.1.");
        for number in ["1,000.50", "1.5", "5", "6", "2.0.1"] {
            assert!(
                tokens.contains(&(number, Kind::Kept)),
                "{number}: {tokens:?}"
            );
        }
        let ends: Vec<bool> = {
            let tokens = tokenize("1.5 billon. Then");
            (0..tokens.len())
                .filter(|&i| tokens[i].kind == Kind::Word)
                .map(|i| sentence_starts_before(&tokens, i))
                .collect()
        };
        assert_eq!(ends, [false, true]);
    }

    #[test]
    fn a_url_does_not_swallow_the_sentence_end() {
        let tokens = kinds("see https://x.io/a. Then");
        assert!(
            tokens.contains(&("https://x.io/a", Kind::Kept)),
            "{tokens:?}"
        );
        assert!(tokens.contains(&(".", Kind::Gap)));
        assert!(tokens.contains(&("Then", Kind::Word)));
    }
}
