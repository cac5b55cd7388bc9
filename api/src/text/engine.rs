use std::sync::OnceLock;

use symspell::{AsciiStringStrategy, SymSpell, SymSpellBuilder};

use super::dictionary::{self, DictionaryError};

/// Spelling correction and word segmentation over the embedded English
/// dictionaries.
pub struct Engine {
    symspell: SymSpell<AsciiStringStrategy>,
}

/// Edits a word may be away from its correction.
const MAX_EDIT_DISTANCE: i64 = 2;

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
        let mut symspell: SymSpell<AsciiStringStrategy> = SymSpellBuilder::default()
            .max_dictionary_edit_distance(MAX_EDIT_DISTANCE)
            .prefix_length(7)
            .count_threshold(1)
            .build()
            .expect("every SymSpell builder field has a default");
        for (word, count) in dictionary::unigrams()? {
            symspell.load_dictionary_line(&format!("{word} {count}"), 0, 1, " ");
        }
        for (pair, count) in dictionary::bigrams()? {
            symspell.load_bigram_dictionary_line(&format!("{pair} {count}"), 0, 2, " ");
        }
        Ok(Engine { symspell })
    }

    /// The text with its misspellings corrected.
    pub fn correct(&self, text: &str) -> String {
        self.symspell
            .lookup_compound(text, MAX_EDIT_DISTANCE)
            .into_iter()
            .next()
            .map(|best| best.term)
            .unwrap_or_else(|| text.to_owned())
    }

    /// The text with spaces put between run-together words; no letter changes.
    ///
    /// Only runs of ASCII letters are segmented; every other character stays
    /// where it was. (The crate's segmentation panics on input it
    /// transliterates to nothing, such as an emoji alone.)
    pub fn segment(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + text.len() / 4);
        let mut rest = text;
        while let Some(start) = rest.find(|c: char| c.is_ascii_alphabetic()) {
            out.push_str(&rest[..start]);
            let run = &rest[start..];
            let end = run
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(run.len());
            out.push_str(
                &self
                    .symspell
                    .word_segmentation(&run[..end], 0)
                    .segmented_string,
            );
            rest = &run[end..];
        }
        out.push_str(rest);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::Engine;

    fn engine() -> &'static Engine {
        Engine::english().expect("the embedded dictionaries load")
    }

    #[test]
    fn corrects_common_misspellings() {
        assert_eq!(engine().correct("speling is esy"), "spelling is easy");
    }

    #[test]
    fn segments_run_together_words() {
        assert_eq!(engine().segment("thequickbrownfox"), "the quick brown fox");
        assert_eq!(
            engine().segment("😀 helloworld, 42!"),
            "😀 hello world, 42!"
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
            let _ = engine().correct(input);
            let segmented = engine().segment(input);
            assert_eq!(
                segmented.replace(' ', ""),
                input.replace(' ', ""),
                "segmentation only adds spaces: {input:?}"
            );
        }
    }
}
