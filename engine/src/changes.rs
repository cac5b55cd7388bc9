//! What an operation changed, in the shape LanguageTool's users know.

use serde::Serialize;

/// One edit: `length` characters at `offset` in the original (both in
/// Unicode scalar values) were `original` and became `replacements[0]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Where the edit starts in the original, in characters.
    pub offset: usize,
    /// How many characters of the original it replaces (0: an insertion).
    pub length: usize,
    /// Those characters.
    pub original: String,
    /// The replacement first; more may follow as alternatives.
    pub replacements: Vec<String>,
}

/// A processed text and the edits that made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The processed text.
    pub text: String,
    /// The edits, in the order of the text.
    pub changes: Vec<Change>,
}

/// Builds an `Outcome` piece by piece, counting character offsets.
#[derive(Default)]
pub struct Builder {
    text: String,
    changes: Vec<Change>,
    offset: usize,
}

impl Builder {
    pub fn with_capacity(bytes: usize) -> Self {
        Builder {
            text: String::with_capacity(bytes),
            ..Builder::default()
        }
    }

    /// Original text, unchanged.
    pub fn keep(&mut self, original: &str) {
        self.text.push_str(original);
        self.offset += original.chars().count();
    }

    /// `original` replaced by `replacement` (no change recorded if equal).
    pub fn replace(&mut self, original: &str, replacement: &str) {
        self.replace_offering(original, replacement, Vec::new());
    }

    /// As `replace`, with `others` offered after the replacement.
    pub fn replace_offering(&mut self, original: &str, replacement: &str, others: Vec<String>) {
        if original == replacement {
            return self.keep(original);
        }
        let length = original.chars().count();
        let mut replacements = Vec::with_capacity(1 + others.len());
        replacements.push(replacement.to_owned());
        replacements.extend(others);
        self.changes.push(Change {
            offset: self.offset,
            length,
            original: original.to_owned(),
            replacements,
        });
        self.text.push_str(replacement);
        self.offset += length;
    }

    pub fn finish(self) -> Outcome {
        Outcome {
            text: self.text,
            changes: self.changes,
        }
    }
}
