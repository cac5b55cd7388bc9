//! What a correction changed: the two texts split into runs, each marked
//! changed or not, computed from the texts themselves (nothing extra is
//! stored). Spelling corrections are compared word by word; segmentation,
//! which only adds spaces, character by character; a translation shares
//! no words with its source, so it is shown without marks.

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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sides {
    pub original: Vec<Part>,
    pub processed: Vec<Part>,
}

pub fn sides(operation: Operation, original: &str, processed: &str) -> Sides {
    let mut config = TextDiff::configure();
    config.algorithm(Algorithm::Myers).timeout(DIFF_DEADLINE);
    let diff = match operation {
        Operation::Spell => config.diff_words(original, processed),
        Operation::Space => config.diff_chars(original, processed),
        Operation::Translate => {
            return Sides {
                original: unchanged(original),
                processed: unchanged(processed),
            }
        }
    };
    let mut sides = Sides {
        original: Vec::new(),
        processed: Vec::new(),
    };
    for change in diff.iter_all_changes() {
        let text = change.value();
        match change.tag() {
            ChangeTag::Equal => {
                push(&mut sides.original, text, false);
                push(&mut sides.processed, text, false);
            }
            ChangeTag::Delete => push(&mut sides.original, text, !text.trim().is_empty()),
            ChangeTag::Insert => push(&mut sides.processed, text, true),
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

/// `parts` as escaped HTML, each changed run in `<ins>` or `<del>`
/// (`mark`). Rendered here rather than by a template loop: Tera's loop over
/// hundreds of small runs a page cost more than the rest of the page.
pub fn to_html(parts: &[Part], mark: &str) -> String {
    let mut html = String::new();
    for part in parts {
        let text = tera::escape_html(&part.text);
        if part.changed {
            html.push_str(&format!("<{mark}>{text}</{mark}>"));
        } else {
            html.push_str(&text);
        }
    }
    html
}

/// The first `max_chars` characters of `parts`, and whether anything was
/// cut: the table shows a short form, the record page the whole.
pub fn shorten(parts: &[Part], max_chars: usize) -> (Vec<Part>, bool) {
    let mut left = max_chars;
    let mut short = Vec::new();
    for part in parts {
        let chars = part.text.chars().count();
        if chars <= left {
            short.push(part.clone());
            left -= chars;
            continue;
        }
        let cut: String = part.text.chars().take(left).collect();
        if !cut.is_empty() {
            short.push(Part {
                text: cut,
                changed: part.changed,
            });
        }
        return (short, true);
    }
    (short, false)
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
            to_html(&sides.processed, "ins"),
            "<ins>&lt;b&gt;hello&lt;&#x2F;b&gt;</ins> &amp; &#x27;x&#x27;"
        );
        assert_eq!(
            to_html(&sides.original, "del"),
            "<del>&lt;b&gt;helo&lt;&#x2F;b&gt;</del> &amp; &#x27;x&#x27;"
        );
    }

    #[test]
    fn shorten_cuts_at_a_character_count_and_says_so() {
        let parts = sides(Operation::Spell, "ä speling", "ä spelling").processed;
        assert_eq!(shorten(&parts, 100), (parts.clone(), false));
        let (short, cut) = shorten(&parts, 5);
        assert!(cut);
        assert_eq!(whole(&short), "ä spe");
        assert_eq!(marked(&short), ["spe"]);
    }
}
