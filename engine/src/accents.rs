//! Letters with accents read as their plain letters, for the segmenter:
//! its dictionary and its tokens are ASCII, so a run with one accented
//! letter (`itwasnaïve`, `thecafé`) was left as typed, however long. The
//! run is segmented as `itwasnaive`, and its spaces put back into the text
//! as typed (`it was naïve`).

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use crate::changes::{Builder, Outcome};

/// A text with each accented Latin letter as its plain one (`é`, and `e`
/// followed by a combining accent, both `e`), and where each of its
/// characters came from.
pub struct Folded {
    pub text: String,
    /// For each character of `text`, the index of the character of the
    /// original it stands for.
    origin: Vec<usize>,
    /// The original's length, in characters.
    original_len: usize,
}

/// `text` folded, or `None` where it holds no accented Latin letter (all
/// but a few texts, which cost one pass over their bytes, and a text with
/// other characters past ASCII, curly quotes or dashes, one over its
/// characters, and no copy).
pub fn fold(text: &str) -> Option<Folded> {
    let accented = |c: char| !c.is_ascii() && (is_combining_mark(c) || plain_letter(c) != c);
    if text.is_ascii() || !text.chars().any(accented) {
        return None;
    }
    let mut folded = Folded {
        text: String::with_capacity(text.len()),
        origin: Vec::with_capacity(text.len()),
        original_len: 0,
    };
    let mut changed = false;
    for (k, c) in text.chars().enumerate() {
        folded.original_len = k + 1;
        let after_letter = folded.text.ends_with(|c: char| c.is_ascii_alphabetic());
        if !c.is_ascii() && is_combining_mark(c) && after_letter {
            // An accent typed after its letter: the letter stands for both.
            changed = true;
            continue;
        }
        let plain = plain_letter(c);
        changed |= plain != c;
        folded.text.push(plain);
        folded.origin.push(k);
    }
    changed.then_some(folded)
}

/// The ASCII letter `c` is with its accents taken off (`é` → `e`, `Ñ` →
/// `N`); `c` itself where it is none (`ß`, `ø`, other scripts).
fn plain_letter(c: char) -> char {
    if c.is_ascii() || !c.is_alphabetic() {
        return c;
    }
    let (mut base, mut marks_only) = (None, true);
    decompose_canonical(c, |part| match base {
        None => base = Some(part),
        Some(_) => marks_only &= is_combining_mark(part),
    });
    match base {
        Some(base) if base.is_ascii_alphabetic() && marks_only => base,
        _ => c,
    }
}

impl Folded {
    /// `outcome`, worked out on the folded text, as it reads on
    /// `original`, the text that was folded: each change at the same
    /// place, the characters around it as typed.
    pub fn unfold(&self, original: &str, outcome: Outcome) -> Outcome {
        let chars: Vec<char> = original.chars().collect();
        let at = |k: usize| self.origin.get(k).copied().unwrap_or(self.original_len);
        let mut out = Builder::with_capacity(original.len() + outcome.text.len());
        let mut kept = 0;
        for change in outcome.changes {
            let (start, end) = (at(change.offset), at(change.offset + change.length));
            out.keep(&chars[kept..start].iter().collect::<String>());
            let typed: String = chars[start..end].iter().collect();
            let mut replacements = change.replacements.into_iter();
            let first = replacements.next().unwrap_or_default();
            out.replace_offering(&typed, &first, replacements.collect());
            kept = end;
        }
        out.keep(&chars[kept..].iter().collect::<String>());
        out.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accented_latin_letters_fold_to_their_plain_letters() {
        let folded = |text: &str| fold(text).map(|f| f.text);
        assert_eq!(folded("thecafé").as_deref(), Some("thecafe"));
        assert_eq!(folded("NAÏVE Ñ").as_deref(), Some("NAIVE N"));
        // A combining accent goes with its letter.
        assert_eq!(folded("cafe\u{301}bar").as_deref(), Some("cafebar"));
        // Nothing to fold: ASCII, dashes and quotes, other scripts, and
        // letters that are no accented ASCII letter.
        for text in ["the cafe", "a—b “c” it’s", "東京", "straße", "ø", "\u{301}"] {
            assert_eq!(folded(text), None, "{text}");
        }
    }

    #[test]
    fn a_change_on_the_folded_text_lands_in_the_same_place_on_the_original() {
        let original = "nai\u{308}vecafébar";
        let folded = fold(original).expect("accents");
        assert_eq!(folded.text, "naivecafebar");
        let mut spaced = Builder::default();
        spaced.keep("naive");
        spaced.replace("", " ");
        spaced.keep("cafe");
        spaced.replace("", " ");
        spaced.keep("bar");
        let outcome = folded.unfold(original, spaced.finish());
        assert_eq!(outcome.text, "nai\u{308}ve café bar");
        let offsets: Vec<usize> = outcome.changes.iter().map(|c| c.offset).collect();
        // In the original's characters: the combining mark counts.
        assert_eq!(offsets, [6, 10]);
    }
}
