//! Property tests (proptest) over generated text: the tokenizer and both
//! operations, on arbitrary Unicode and on text built from the awkward
//! pieces real input has. They run with `cargo test`, so in CI; a failing
//! case is shrunk and saved under `proptest-regressions/`.

use proptest::prelude::*;

use crate::changes::Outcome;
use crate::tokenize::tokenize;
use crate::{Engine, ExtraWords};

/// Pieces that meet at awkward places: typos, contractions (bare too),
/// quotes and quotation marks, URLs, addresses, numbers, abbreviations,
/// emoji (with joiners), other scripts, control characters.
const PIECES: &[&str] = &[
    "a",
    "Teh",
    "teh",
    "TEH",
    "speling",
    "wrold",
    "ins",
    " pired",
    "thepast",
    "helloworld",
    "can't",
    "isn't",
    "Peter's",
    "'",
    "’",
    " ",
    "  ",
    "\n",
    "\t",
    ",",
    ".",
    "!",
    "?",
    ";",
    "@",
    "#",
    "x@y.z",
    "http://",
    "https://x.io/teh",
    "😀",
    "👨‍👩‍👧",
    "é",
    "naïve",
    "cafe\u{301}",
    "\u{301}",
    "Ñ",
    "東京",
    "مرحبا",
    "12",
    "24th",
    "1,000.5",
    "1960s",
    "$",
    "€",
    "£",
    "5.99",
    "%",
    "U.S.",
    "a.m.",
    ".,",
    "dosent",
    ":",
    "\"",
    "“",
    "”",
    "rThis",
    "mrsmith",
    "tv",
    "dont",
    "workin'",
    "hes",
    "im",
    "iPhone",
    "COVID19",
    "-",
    "\u{0}",
    "\u{200b}",
    "ß",
    "İ",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(prop::sample::select(PIECES), 0..24).prop_map(|p| p.concat()),
        "[a-zA-Z0-9'’ ,.!?\n]{0,60}",
    ]
}

fn engine() -> &'static Engine {
    Engine::english().expect("the embedded dictionaries load")
}

/// The input rebuilt from the output by undoing each change at its offset
/// (offsets are in the original, in characters).
fn undo(outcome: &Outcome) -> String {
    let output: Vec<char> = outcome.text.chars().collect();
    let mut input = String::new();
    let (mut at_output, mut at_input) = (0, 0);
    for change in &outcome.changes {
        let kept = change.offset - at_input;
        input.extend(&output[at_output..at_output + kept]);
        input.push_str(&change.original);
        at_output += kept + change.replacements[0].chars().count();
        at_input = change.offset + change.length;
    }
    input.extend(&output[at_output..]);
    input
}

/// What a change may touch: the letters and apostrophes of a word
/// (`did'nt` → `didn't`), and a space (`ins pired`, `thepast`).
fn without_letters(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_ascii_alphabetic() && !matches!(c, ' ' | '\'' | '’'))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    /// What the corrector relies on: the tokens cover the text exactly.
    #[test]
    fn tokens_rebuild_the_text(text in text()) {
        let tokens = tokenize(&text);
        let mut at = 0;
        for token in &tokens {
            prop_assert_eq!(token.span.start, at);
            prop_assert!(!token.text.is_empty());
            prop_assert_eq!(&text[token.span.clone()], token.text);
            at = token.span.end;
        }
        prop_assert_eq!(at, text.len());
    }

    /// Everything outside a change is kept in place, and a change only
    /// swaps letters (or moves a space): undoing the changes gives the
    /// input back. So do the words offered after a correction, each a
    /// word of its own.
    #[test]
    fn spelling_keeps_everything_but_its_changes(text in text()) {
        let outcome = engine().correct(&text, &ExtraWords::default());
        prop_assert_eq!(undo(&outcome), text.as_str());
        let chars: Vec<char> = text.chars().collect();
        for change in &outcome.changes {
            let original: String = chars[change.offset..change.offset + change.length].iter().collect();
            prop_assert_eq!(&original, &change.original);
            let offered = &change.replacements;
            prop_assert!(!offered.is_empty() && offered.len() <= crate::model::MAX_REPLACEMENTS);
            for (k, replacement) in offered.iter().enumerate() {
                prop_assert_eq!(without_letters(&change.original), without_letters(replacement));
                prop_assert!(replacement != &change.original && !offered[..k].contains(replacement));
            }
        }
    }

    /// Every slip the error model weighs costs a finite amount, never
    /// less than none, and a word typed as meant costs nothing: the
    /// learnt costs hold no NaN or infinity whatever the letters.
    #[test]
    fn every_slip_costs_a_finite_amount(typed in "[a-z'é]{0,12}", meant in "[a-z']{1,12}") {
        let cost = crate::error_model::edit_cost(&typed, &meant);
        prop_assert!(cost.is_finite() && cost >= 0.0, "{typed} for {meant}: {cost}");
        prop_assert_eq!(crate::error_model::edit_cost(&meant, &meant), 0.0);
    }

    /// Spacing only inserts spaces.
    #[test]
    fn spacing_only_inserts_spaces(text in text()) {
        let outcome = engine().segment(&text, &ExtraWords::default());
        prop_assert_eq!(undo(&outcome), text.as_str());
        prop_assert_eq!(outcome.text.replace(' ', ""), text.replace(' ', ""));
        for change in &outcome.changes {
            prop_assert_eq!(change.length, 0);
            prop_assert_eq!(change.replacements[0].as_str(), " ");
        }
    }
}
