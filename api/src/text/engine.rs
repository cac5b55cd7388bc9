use std::sync::OnceLock;

use symspell::{AsciiStringStrategy, SymSpell, SymSpellBuilder};

use super::changes::Outcome;
use super::dictionary::{self, DictionaryError};
use super::extra_words::ExtraWords;
use super::lexicon::Lexicon;
use super::{segment, spell};

/// Spelling correction and word segmentation over the embedded English
/// dictionaries.
pub struct Engine {
    symspell: SymSpell<AsciiStringStrategy>,
    lexicon: Lexicon,
}

use spell::MAX_EDIT_DISTANCE;

/// SymSpell's index of deletes. A prefix of 6 letters (SymSpell's default
/// is 7) finds the same candidates, since every one is checked against the
/// whole word; it stores fewer deletes: 145 MiB and 0.9 s to build instead
/// of 202 MiB and 1.3 s, at 335k instead of 474k words/s (README, figures).
fn spelling_index(unigrams: &[(String, i64)]) -> SymSpell<AsciiStringStrategy> {
    let mut symspell: SymSpell<AsciiStringStrategy> = SymSpellBuilder::default()
        .max_dictionary_edit_distance(MAX_EDIT_DISTANCE)
        .prefix_length(6)
        .count_threshold(1)
        .build()
        .expect("every SymSpell builder field has a default");
    for (word, count) in unigrams {
        symspell.load_dictionary_line(&format!("{word} {count}"), 0, 1, " ");
    }
    symspell
}

impl Engine {
    /// The English engine, built once per process: building the index is
    /// the expensive part, and every request (and every test) shares it.
    pub fn english() -> Result<&'static Engine, DictionaryError> {
        static ENGINE: OnceLock<Result<Engine, DictionaryError>> = OnceLock::new();
        ENGINE
            .get_or_init(Engine::build)
            .as_ref()
            .map_err(Clone::clone)
    }

    fn build() -> Result<Engine, DictionaryError> {
        let unigrams = dictionary::unigrams()?;
        // The spelling index and the segmentation model are independent:
        // built side by side, start-up takes the longer of the two.
        std::thread::scope(|scope| {
            let lexicon = scope
                .spawn(|| dictionary::bigrams().map(|bigrams| Lexicon::new(&unigrams, &bigrams)));
            let symspell = spelling_index(&unigrams);
            let lexicon = lexicon
                .join()
                .expect("building the lexicon does not panic")?;
            Ok(Engine { symspell, lexicon })
        })
    }

    /// The text with its misspellings corrected, and what changed.
    pub fn correct(&self, text: &str, extra: &ExtraWords) -> Outcome {
        let known = spell::Knowledge {
            index: &self.symspell,
            lexicon: &self.lexicon,
            extra,
        };
        spell::correct(&known, text)
    }

    /// The text with spaces put between run-together words (no other
    /// change), and where they went.
    pub fn segment(&self, text: &str, extra: &ExtraWords) -> Outcome {
        segment::segment(&self.lexicon, extra, text)
    }
}

#[cfg(test)]
mod tests {
    use super::{Engine, ExtraWords};

    static NONE: std::sync::LazyLock<ExtraWords> = std::sync::LazyLock::new(ExtraWords::default);

    fn engine() -> &'static Engine {
        Engine::english().expect("the embedded dictionaries load")
    }

    #[test]
    fn corrects_misspelt_words_and_nothing_else() {
        let cases = [
            ("speling is esy", "spelling is easy"),
            ("Hello, wrold!", "Hello, world!"),
            // Capitalised, unknown and mid-sentence: taken for a name.
            ("Hello, Wrold!", "Hello, Wrold!"),
            ("Teh cat. TEH DOG. teh end", "The cat. THE DOG. the end"),
            (
                "It isn't 24th or 2024: see https://tips.example/x, mail a@b.co",
                "It isn't 24th or 2024: see https://tips.example/x, mail a@b.co",
            ),
            (
                "my iPhone and COVID19 and @jonh #speling",
                "my iPhone and COVID19 and @jonh #speling",
            ),
            ("I met Jonh yesterday", "I met Jonh yesterday"),
            ("Peter's dog's bone", "Peter's dog's bone"),
            // Plain edit distance picks the commoner word at the same
            // distance (`local`, `head`); the error model the likelier slip.
            ("localy", "locally"),
            ("speling is hrad", "spelling is hard"),
        ];
        for (input, expected) in cases {
            assert_eq!(engine().correct(input, &NONE).text, expected, "{input}");
        }
    }

    #[test]
    fn the_words_around_a_typo_choose_its_correction() {
        // `frm` is one edit from `from`, `form` and `firm`; the pairs decide.
        assert_eq!(
            engine().correct("a letter frm her", &NONE).text,
            "a letter from her"
        );
        assert_eq!(
            engine().correct("fill in the frm below", &NONE).text,
            "fill in the form below"
        );
    }

    #[test]
    fn changes_say_where_and_what() {
        let outcome = engine().correct("Teh 😀 speling", &NONE);
        let changes: Vec<_> = outcome
            .changes
            .iter()
            .map(|c| {
                (
                    c.offset,
                    c.length,
                    c.original.as_str(),
                    c.replacements[0].as_str(),
                )
            })
            .collect();
        assert_eq!(
            changes,
            vec![(0, 3, "Teh", "The"), (6, 7, "speling", "spelling")]
        );
    }

    #[test]
    fn segments_run_together_words_keeping_case_and_punctuation() {
        let cases = [
            ("thequickbrownfox", "the quick brown fox"),
            ("TheQuickBrownFox", "The Quick Brown Fox"),
            ("😀 helloworld, 42!", "😀 hello world, 42!"),
            ("hello,world!", "hello, world!"),
            ("TheQuickBrownFox,jumped", "The Quick Brown Fox, jumped"),
            ("my iPhone at McDonald", "my iPhone at McDonald"),
            (
                "see https://thequickfox.example/helloworld or mail jane@helloworld.org",
                "see https://thequickfox.example/helloworld or mail jane@helloworld.org",
            ),
            (
                "in2024 #helloworld @thequickfox",
                "in2024 #helloworld @thequickfox",
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(engine().segment(input, &NONE).text, expected, "{input}");
        }
        let inserted = engine().segment("helloworld", &NONE).changes;
        assert_eq!(inserted.len(), 1);
        assert_eq!(
            (
                inserted[0].offset,
                inserted[0].length,
                inserted[0].replacements[0].as_str()
            ),
            (5, 0, " ")
        );
    }

    #[test]
    fn awkward_input_never_panics() {
        let long_word = "a".repeat(10_000);
        let inputs = [
            "",
            " ",
            "😀",
            "😀😀😀",
            "a😀b",
            "!!!",
            "...?!",
            "مرحبا بالعالم",
            "日本語",
            "\u{0}\n\t",
            "ÀÉÎÕÜ",
            "x",
            &long_word,
        ];
        for input in inputs {
            let _ = engine().correct(input, &NONE);
            let segmented = engine().segment(input, &NONE).text;
            assert_eq!(
                segmented.replace(' ', ""),
                input.replace(' ', ""),
                "segmentation only adds spaces: {input:?}"
            );
            assert_eq!(
                engine()
                    .correct(input, &NONE)
                    .text
                    .chars()
                    .filter(|c| !c.is_ascii_alphabetic())
                    .collect::<String>(),
                input
                    .chars()
                    .filter(|c| !c.is_ascii_alphabetic())
                    .collect::<String>(),
                "correction changes only letters: {input:?}"
            );
        }
    }

    /// Every character outside a corrected word stays where it was: with
    /// the corrections undone (by their offsets), the input comes back.
    #[test]
    fn undoing_the_changes_gives_the_input_back() {
        let mut rng = super::super::tokenize::tests::Rng(0x2545_F491_4F6C_DD1D);
        let pieces = [
            "teh",
            "Teh",
            "speling",
            "wrold",
            "isn't",
            " ",
            ", ",
            ". ",
            "\n",
            "😀",
            "https://x.io/teh",
            "24th",
            "iPhone",
            "naïve",
            "東京",
            "'",
            "helloworld",
        ];
        for _ in 0..300 {
            let text = rng.text(&pieces, 10);
            for outcome in [
                engine().correct(&text, &NONE),
                engine().segment(&text, &NONE),
            ] {
                assert_eq!(undo(&outcome), text);
            }
        }
    }

    fn undo(outcome: &super::Outcome) -> String {
        let mut chars: Vec<char> = outcome.text.chars().collect();
        // Back to front, so earlier offsets stay valid; offsets are in the
        // original, so track how much each change shifted the output.
        let mut shift: isize = 0;
        let mut edits = Vec::new();
        for change in &outcome.changes {
            let at = (change.offset as isize + shift) as usize;
            let new_len = change.replacements[0].chars().count();
            edits.push((at, new_len, change.original.clone()));
            shift += new_len as isize - change.length as isize;
        }
        for (at, new_len, original) in edits.into_iter().rev() {
            chars.splice(at..at + new_len, original.chars());
        }
        chars.into_iter().collect()
    }
}

#[cfg(test)]
mod extra_word_tests {
    use super::{Engine, ExtraWords};

    #[test]
    fn extra_words_are_never_corrected_and_can_be_suggested() {
        let engine = Engine::english().unwrap();
        let extra = ExtraWords::parse("Kubernetes\ntextproc\nthw\n").unwrap();
        let none = ExtraWords::default();
        // One slip from `the` for the dictionary; a name for this user.
        assert_eq!(engine.correct("call thw now", &none).text, "call the now");
        assert_eq!(engine.correct("call thw now", &extra).text, "call thw now");
        assert_eq!(
            engine.correct("deploy on kubernetse", &extra).text,
            "deploy on Kubernetes"
        );
        assert_eq!(engine.segment("textproc", &extra).text, "textproc");
    }
}
