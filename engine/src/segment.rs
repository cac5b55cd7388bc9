//! Word segmentation that only ever adds spaces. The text is tokenized
//! first: URLs, addresses, handles, numbers and other scripts are kept as
//! they are; plain and CamelCase words are segmented (lowercased for the
//! dictionary) and the spaces found are put into the original letters; and
//! a space goes after `,` `;` `:` `!` `?` glued to the next word.

use crate::changes::{Builder, Outcome};
use crate::extra_words::ExtraWords;
use crate::lexicon::Lexicon;
use crate::tokenize::{tokenize, Kind, Token};

pub fn segment(lexicon: &Lexicon, extra: &ExtraWords, text: &str) -> Outcome {
    let mut out = Builder::with_capacity(text.len() + text.len() / 4);
    let tokens = tokenize(text);
    for (i, token) in tokens.iter().enumerate() {
        if is_letters(token) {
            for (n, word) in words_of(lexicon, extra, token.text).into_iter().enumerate() {
                if n > 0 {
                    out.replace("", " ");
                }
                out.keep(word);
            }
        } else {
            out.keep(token.text);
        }
        if needs_space_after(&tokens, i) {
            out.replace("", " ");
        }
    }
    out.finish()
}

/// Plain ASCII letters (a `Word`, or kept only for its inner capitals).
fn is_letters(token: &Token<'_>) -> bool {
    matches!(token.kind, Kind::Word | Kind::Kept)
        && token.text.bytes().all(|b| b.is_ascii_alphabetic())
}

/// Punctuation that ends a clause, between two words with no space.
fn needs_space_after(tokens: &[Token<'_>], i: usize) -> bool {
    let token = &tokens[i];
    let before = i.checked_sub(1).map(|k| &tokens[k]);
    let after = tokens.get(i + 1);
    token.kind == Kind::Gap
        && matches!(token.text, "," | ";" | ":" | "!" | "?")
        && before.is_some_and(is_letters)
        && after.is_some_and(is_letters)
}

/// A known or extra word stays whole (`iPhone`, `McDonald`); CamelCase is cut at its
/// capitals first; each part is then segmented by the language model.
fn words_of<'a>(lexicon: &Lexicon, extra: &ExtraWords, letters: &'a str) -> Vec<&'a str> {
    let lower = letters.to_ascii_lowercase();
    if lexicon.is_dictionary_word(&lower) || extra.contains(&lower) {
        return vec![letters];
    }
    let mut words = Vec::new();
    for part in camel_parts(letters) {
        let mut start = 0;
        for end in lexicon.segment(&part.to_ascii_lowercase()) {
            words.push(&part[start..end]);
            start = end;
        }
    }
    words
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
