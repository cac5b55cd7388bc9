//! What a correction changed: the two texts split into runs, each marked
//! changed or not, computed from the texts themselves (nothing extra is
//! stored). Spelling corrections are compared word by word; segmentation,
//! which only adds spaces, character by character; a translation shares
//! no words with its source, so it is shown without marks.
//!
//! Both engines' outputs have a shape that a single pass can align: the
//! speller replaces words in place and segmentation only inserts spaces.
//! Those passes come first, since a general diff of every row was a
//! quarter of the home page's time at 50 rows; any other pair of texts
//! (a space slip joining two words, a record from an older engine) gets
//! `similar`'s Myers diff.

use std::time::Duration;

use similar::{Algorithm, ChangeTag, TextDiff};
use store::Operation;

/// A diff of two 10,000-character texts finishes well inside this; the
/// bound keeps a pathological pair from holding a page (past it, `similar`
/// returns a coarser but still correct diff).
const DIFF_DEADLINE: Duration = Duration::from_millis(20);

/// A run of text, marked when the other side does not have it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub text: String,
    pub changed: bool,
}

/// Both sides of a record, ready to show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sides {
    pub original: Vec<Part>,
    pub processed: Vec<Part>,
}

impl Sides {
    /// A run both texts share.
    fn same(&mut self, text: &str) {
        push(&mut self.original, text, false);
        push(&mut self.processed, text, false);
    }

    /// A run only the original has: marked unless it is only whitespace.
    fn removed(&mut self, text: &str) {
        push(&mut self.original, text, !text.trim().is_empty());
    }

    /// A run only the processed text has.
    fn added(&mut self, text: &str) {
        push(&mut self.processed, text, true);
    }
}

pub fn sides(operation: Operation, original: &str, processed: &str) -> Sides {
    let aligned = match operation {
        Operation::Spell => words_replaced(original, processed),
        Operation::Space => spaces_added(original, processed),
        Operation::Translate => {
            return Sides {
                original: unchanged(original),
                processed: unchanged(processed),
            }
        }
    };
    aligned.unwrap_or_else(|| myers(operation, original, processed))
}

/// The texts as runs of words and of whitespace, compared pair by pair,
/// when they have the same runs of whitespace: a speller's output, which
/// changes words but not the spaces between them.
fn words_replaced(original: &str, processed: &str) -> Option<Sides> {
    let mut sides = Sides::default();
    let mut before = runs(original);
    let mut after = runs(processed);
    loop {
        match (before.next(), after.next()) {
            (None, None) => return Some(sides),
            (Some(a), Some(b)) if a == b => sides.same(a),
            (Some(a), Some(b)) if !is_space(a) && !is_space(b) => {
                sides.removed(a);
                sides.added(b);
            }
            _ => return None,
        }
    }
}

/// The texts aligned character by character when `processed` is
/// `original` with whitespace inserted: segmentation's output. Taking each
/// character of `original` at its first chance is enough, because an
/// inserted space that matches the original's next character can trade
/// places with the later one it would otherwise match.
fn spaces_added(original: &str, processed: &str) -> Option<Sides> {
    let mut sides = Sides::default();
    let mut rest = original.chars().peekable();
    for (at, c) in processed.char_indices() {
        let text = &processed[at..at + c.len_utf8()];
        if rest.peek() == Some(&c) {
            rest.next();
            sides.same(text);
        } else if c.is_whitespace() {
            sides.added(text);
        } else {
            return None;
        }
    }
    rest.next().is_none().then_some(sides)
}

/// `text` as alternating runs of whitespace and of everything else, the
/// words `similar` compares.
fn runs(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let end = rest
            .find(|c: char| c.is_whitespace() != first.is_whitespace())
            .unwrap_or(rest.len());
        let (run, after) = rest.split_at(end);
        rest = after;
        Some(run)
    })
}

fn is_space(run: &str) -> bool {
    run.starts_with(char::is_whitespace)
}

/// The general diff, for texts the one-pass alignments do not fit.
fn myers(operation: Operation, original: &str, processed: &str) -> Sides {
    let mut config = TextDiff::configure();
    config.algorithm(Algorithm::Myers).timeout(DIFF_DEADLINE);
    let diff = match operation {
        Operation::Space => config.diff_chars(original, processed),
        _ => config.diff_words(original, processed),
    };
    let mut sides = Sides::default();
    for change in diff.iter_all_changes() {
        match change.tag() {
            ChangeTag::Equal => sides.same(change.value()),
            ChangeTag::Delete => sides.removed(change.value()),
            ChangeTag::Insert => sides.added(change.value()),
        }
    }
    sides
}

fn unchanged(text: &str) -> Vec<Part> {
    vec![Part {
        text: text.to_owned(),
        changed: false,
    }]
}

/// Appends `text`, joining it to the last run when that is marked alike.
fn push(parts: &mut Vec<Part>, text: &str, changed: bool) {
    match parts.last_mut() {
        Some(last) if last.changed == changed => last.text.push_str(text),
        _ => parts.push(Part {
            text: text.to_owned(),
            changed,
        }),
    }
}

/// The first `max_chars` characters of `parts` as escaped HTML, each
/// changed run in `<ins>` or `<del>` (`mark`), and whether anything was
/// cut (the table shows a short form, the record page the whole).
/// Rendered here rather than by a template loop: Tera's loop over hundreds
/// of small runs a page cost more than the rest of the page.
pub fn to_html(parts: &[Part], mark: &str, max_chars: usize) -> (String, bool) {
    let mut html = String::new();
    let mut left = max_chars;
    for part in parts {
        let chars = part.text.chars().count();
        let (text, cut) = if chars <= left {
            left -= chars;
            (part.text.as_str(), false)
        } else {
            let end = part.text.char_indices().nth(left).map_or(0, |(end, _)| end);
            (&part.text[..end], true)
        };
        if !text.is_empty() {
            let escaped = tera::escape_html(text);
            if part.changed {
                for piece in ["<", mark, ">", &escaped, "</", mark, ">"] {
                    html.push_str(piece);
                }
            } else {
                html.push_str(&escaped);
            }
        }
        if cut {
            return (html, true);
        }
    }
    (html, false)
}
#[cfg(test)]
mod tests {
    use super::*;

    fn marked(parts: &[Part]) -> Vec<&str> {
        parts
            .iter()
            .filter(|p| p.changed)
            .map(|p| p.text.as_str())
            .collect()
    }

    fn whole(parts: &[Part]) -> String {
        parts.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn a_spelling_correction_marks_the_words_it_changed() {
        let sides = sides(Operation::Spell, "speling is esy", "spelling is easy");
        assert_eq!(marked(&sides.original), ["speling", "esy"]);
        assert_eq!(marked(&sides.processed), ["spelling", "easy"]);
        assert_eq!(whole(&sides.original), "speling is esy");
        assert_eq!(whole(&sides.processed), "spelling is easy");
    }

    #[test]
    fn an_unchanged_text_has_no_marks() {
        let sides = sides(Operation::Spell, "all is well", "all is well");
        assert!(marked(&sides.original).is_empty());
        assert!(marked(&sides.processed).is_empty());
    }

    #[test]
    fn segmentation_marks_the_spaces_it_inserted() {
        let sides = sides(Operation::Space, "thequickfox", "the quick fox");
        assert!(marked(&sides.original).is_empty());
        assert_eq!(marked(&sides.processed), [" ", " "]);
        assert_eq!(whole(&sides.processed), "the quick fox");
    }

    #[test]
    fn a_translation_is_shown_without_marks() {
        let sides = sides(Operation::Translate, "le renard", "the fox");
        assert_eq!(whole(&sides.original), "le renard");
        assert!(marked(&sides.processed).is_empty());
    }

    #[test]
    fn html_is_escaped_and_changes_are_marked() {
        let sides = sides(Operation::Spell, "<b>helo</b> & 'x'", "<b>hello</b> & 'x'");
        assert_eq!(
            to_html(&sides.processed, "ins", usize::MAX),
            (
                "<ins>&lt;b&gt;hello&lt;&#x2F;b&gt;</ins> &amp; &#x27;x&#x27;".to_owned(),
                false
            )
        );
        assert_eq!(
            to_html(&sides.original, "del", usize::MAX),
            (
                "<del>&lt;b&gt;helo&lt;&#x2F;b&gt;</del> &amp; &#x27;x&#x27;".to_owned(),
                false
            )
        );
    }

    #[test]
    fn html_is_cut_at_a_character_count_and_says_so() {
        let parts = sides(Operation::Spell, "ä speling", "ä spelling").processed;
        let whole_html = ("ä <ins>spelling</ins>".to_owned(), false);
        assert_eq!(to_html(&parts, "ins", 100), whole_html);
        assert_eq!(to_html(&parts, "ins", 10), whole_html);
        assert_eq!(
            to_html(&parts, "ins", 5),
            ("ä <ins>spe</ins>".to_owned(), true)
        );
        assert_eq!(to_html(&parts, "ins", 2), ("ä ".to_owned(), true));
        assert_eq!(to_html(&parts, "ins", 0), (String::new(), true));
    }

    /// Pairs the engines produce: the one-pass alignments must mark what
    /// the general diff marks.
    #[test]
    fn the_one_pass_alignments_agree_with_the_general_diff() {
        let spelled = [
            ("speling is esy", "spelling is easy"),
            (
                "Teh  QUIKC brown fox,\nhello Wrold!",
                "The  QUICK brown fox,\nhello World!",
            ),
            ("all is well", "all is well"),
            ("  leading and trailing  ", "  leading and trailing  "),
            ("", ""),
            ("naïve cafe", "naïve café"),
        ];
        let spaced = [
            ("thequickbrownfox", "the quick brown fox"),
            ("i  lovemath,youknow", "i  love math, you know"),
            ("already spaced", "already spaced"),
            ("ünïcodeworks", "ünïcode works"),
            ("", ""),
        ];
        let one_pass = |operation, original, processed| match operation {
            Operation::Space => spaces_added(original, processed),
            _ => words_replaced(original, processed),
        };
        for (operation, pairs) in [
            (Operation::Spell, &spelled[..]),
            (Operation::Space, &spaced),
        ] {
            for &(original, processed) in pairs {
                assert_eq!(
                    one_pass(operation, original, processed).expect(original),
                    myers(operation, original, processed),
                    "{original}"
                );
            }
        }
    }

    #[test]
    fn other_changes_fall_back_to_the_general_diff() {
        // A space slip joins two words: the runs no longer pair up.
        assert_eq!(
            words_replaced("she was ins pired", "she was inspired"),
            None
        );
        let slip = sides(Operation::Spell, "she was ins pired", "she was inspired");
        assert_eq!(marked(&slip.original), ["ins", "pired"]);
        assert_eq!(marked(&slip.processed), ["inspired"]);
        // Segmentation that changed a letter is not spaces added.
        assert_eq!(spaces_added("thecat", "the bat"), None);
        assert_eq!(spaces_added("thecats", "the cat"), None);
        let changed = sides(Operation::Space, "thecat", "the bat");
        assert_eq!(whole(&changed.processed), "the bat");
        assert_eq!(marked(&changed.original), ["c"]);
    }
}
