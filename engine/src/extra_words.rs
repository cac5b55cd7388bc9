//! Domain words (names, products, jargon; the api reads them from
//! `TEXTPROC_EXTRA_WORDS`): never
//! corrected, and offered as corrections. A small list beside the shared
//! dictionary index, so adding words never rebuilds it.

use std::collections::HashSet;

use crate::error_model;

use crate::model::EXTRA_WORD_COUNT;

/// A user's own words, for both operations; `ExtraWords::default()` is none.
#[derive(Debug, Default, Clone)]
pub struct ExtraWords {
    /// Lowercased, for lookups.
    known: HashSet<String>,
    /// As written in the file, for suggestions (`Kubernetes`).
    words: Vec<String>,
}

impl ExtraWords {
    /// One word per line; blank lines and `#` comments are skipped.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut extra = ExtraWords::default();
        for (n, line) in text.lines().enumerate() {
            let word = line.trim();
            if word.is_empty() || word.starts_with('#') {
                continue;
            }
            if word.contains(char::is_whitespace) || word.chars().count() > 64 {
                return Err(format!(
                    "line {}: one word per line, at most 64 characters: {word:?}",
                    n + 1
                ));
            }
            if extra.known.insert(word.to_lowercase()) {
                extra.words.push(word.to_owned());
            }
        }
        Ok(extra)
    }

    /// How many words (each counted once, whatever its case).
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// No words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether `lower` (lowercase) is one of them.
    pub fn contains(&self, lower: &str) -> bool {
        self.known.contains(lower)
    }

    /// The extra word that best explains `typed` (lowercase) within
    /// `max_cost`, scored like dictionary candidates: log10 count minus the
    /// weighted edit cost.
    pub fn best_match(
        &self,
        typed: &str,
        channel_weight: f64,
        max_cost: f64,
    ) -> Option<(f64, &str)> {
        let typed_len = typed.chars().count();
        self.words
            .iter()
            .filter(|word| word.chars().count().abs_diff(typed_len) <= 2)
            .filter_map(|word| {
                let cost = error_model::edit_cost(typed, &word.to_lowercase());
                (cost <= max_cost).then(|| {
                    (
                        EXTRA_WORD_COUNT.log10() - channel_weight * cost,
                        word.as_str(),
                    )
                })
            })
            .max_by(|a, b| a.0.total_cmp(&b.0))
    }
}

#[cfg(test)]
mod tests {
    use super::ExtraWords;

    #[test]
    fn parses_one_word_a_line_and_rejects_the_rest() {
        let extra =
            ExtraWords::parse("# products\nKubernetes\n\n  textproc \nkubernetes\n").unwrap();
        assert_eq!(extra.len(), 2);
        assert!(extra.contains("kubernetes") && extra.contains("textproc"));
        let error = ExtraWords::parse("fine\ntwo words\n").unwrap_err();
        assert!(error.contains("line 2"), "{error}");
    }

    #[test]
    fn a_close_slip_finds_the_extra_word() {
        let extra = ExtraWords::parse("Kubernetes\ntextproc\n").unwrap();
        assert_eq!(
            extra.best_match("kubernetse", 1.5, 4.0).map(|m| m.1),
            Some("Kubernetes")
        );
        assert_eq!(extra.best_match("banana", 1.5, 4.0), None);
    }
}
