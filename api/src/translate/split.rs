//! Long text into pieces a translation backend accepts, and back.
//!
//! Google recommends at most 5,000 code points and 128 segments per request.
//! The text is cut at paragraph breaks (blank lines), and a paragraph only
//! at sentence ends when it alone is too long, so each piece keeps as much
//! context as fits. Breaks and surrounding whitespace are kept verbatim and
//! put back between the translated pieces.

use std::ops::Range;

/// Google's recommended maximum code points in one request.
pub const MAX_REQUEST_CHARS: usize = 5_000;
/// Google's maximum segments (`q` values) in one request.
pub const MAX_REQUEST_SEGMENTS: usize = 128;

/// The text as a sequence of pieces: sent for translation, or kept as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part<'a> {
    Translate(&'a str),
    Keep(&'a str),
}

/// Cuts `text` into parts whose `Translate` pieces are at most `max_chars`
/// code points. Concatenating every part gives `text` back exactly.
pub fn plan(text: &str, max_chars: usize) -> Vec<Part<'_>> {
    let mut parts = Vec::new();
    for (chunk, is_break) in paragraphs(text) {
        if is_break {
            parts.push(Part::Keep(chunk));
        } else {
            split_paragraph(chunk, max_chars, &mut parts);
        }
    }
    parts
}

/// Groups the `Translate` pieces of `parts` (by their index among those
/// pieces) into requests within both limits.
pub fn batches(pieces: &[&str], max_chars: usize, max_segments: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut chars) = (0, 0);
    for (i, piece) in pieces.iter().enumerate() {
        let len = piece.chars().count();
        if i > start && (chars + len > max_chars || i - start == max_segments) {
            out.push(start..i);
            (start, chars) = (i, 0);
        }
        chars += len;
    }
    if start < pieces.len() {
        out.push(start..pieces.len());
    }
    out
}

/// The pieces to translate, in order.
pub fn pieces<'a>(parts: &[Part<'a>]) -> Vec<&'a str> {
    parts
        .iter()
        .filter_map(|p| match p {
            Part::Translate(t) => Some(*t),
            Part::Keep(_) => None,
        })
        .collect()
}

/// `parts` with each `Translate` piece replaced, in order, by its translation.
pub fn join(parts: &[Part<'_>], translations: &[String]) -> String {
    let mut translated = translations.iter();
    let mut out = String::new();
    for part in parts {
        match part {
            Part::Keep(kept) => out.push_str(kept),
            Part::Translate(_) => {
                out.push_str(translated.next().expect("one translation per piece"))
            }
        }
    }
    out
}

/// Paragraphs and the breaks between them: a break is a whitespace run
/// holding two or more newlines, or whitespace at either end of the text.
fn paragraphs(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut last = 0;
    for run in whitespace_runs(text) {
        let ws = &text[run.clone()];
        let at_edge = run.start == 0 || run.end == text.len();
        if at_edge || ws.matches('\n').count() >= 2 {
            if run.start > last {
                out.push((&text[last..run.start], false));
            }
            out.push((ws, true));
            last = run.end;
        }
    }
    if last < text.len() {
        out.push((&text[last..], false));
    }
    out
}

fn whitespace_runs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.find(|(_, c)| c.is_whitespace())?;
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_whitespace() {
                end = i;
                break;
            }
            chars.next();
        }
        Some(start..end)
    })
}

/// A paragraph within the limit goes whole; a longer one is packed into
/// pieces of whole sentences, then of whole words, then cut by character.
fn split_paragraph<'a>(paragraph: &'a str, max_chars: usize, parts: &mut Vec<Part<'a>>) {
    if paragraph.chars().count() <= max_chars {
        parts.push(Part::Translate(paragraph));
        return;
    }
    let units = units(paragraph, is_sentence_gap);
    pack(paragraph, &units, max_chars, parts);
}

/// Packs consecutive units (separated by kept gaps) into pieces of at most
/// `max_chars`; a unit too long alone is split further.
fn pack<'a>(text: &'a str, units: &[Range<usize>], max_chars: usize, parts: &mut Vec<Part<'a>>) {
    let mut i = 0;
    while i < units.len() {
        let start = units[i].start;
        let mut end = units[i].end;
        let mut j = i + 1;
        while j < units.len() && text[start..units[j].end].chars().count() <= max_chars {
            end = units[j].end;
            j += 1;
        }
        let piece = &text[start..end];
        if piece.chars().count() <= max_chars {
            parts.push(Part::Translate(piece));
        } else {
            // One unit over the limit: pack its words, or cut a lone word.
            let words = words_in(text, start..end);
            if words.len() > 1 {
                pack(text, &words, max_chars, parts);
            } else {
                cut(piece, max_chars, parts);
            }
        }
        if j < units.len() {
            parts.push(Part::Keep(&text[end..units[j].start]));
        }
        i = j;
    }
}

/// A single word longer than the limit: cut at character boundaries.
fn cut<'a>(word: &'a str, max_chars: usize, parts: &mut Vec<Part<'a>>) {
    let mut rest = word;
    while !rest.is_empty() {
        let end = rest
            .char_indices()
            .nth(max_chars)
            .map_or(rest.len(), |(i, _)| i);
        parts.push(Part::Translate(&rest[..end]));
        rest = &rest[end..];
    }
}

/// The gap after a sentence: whitespace that follows `.`, `!`, `?` or
/// their full-width forms.
fn is_sentence_gap(before: &str) -> bool {
    before.ends_with(['.', '!', '?', '。', '！', '？', '…'])
}

fn units(text: &str, gap_after: fn(&str) -> bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for run in whitespace_runs(text) {
        if run.start > start && gap_after(&text[..run.start]) {
            out.push(start..run.start);
            start = run.end;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    if out.is_empty() {
        out.push(0..text.len());
    }
    out
}

/// Words of `text[range]`, as ranges into `text`.
fn words_in(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let inner = &text[range.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    for run in whitespace_runs(inner) {
        if run.start > start {
            out.push(range.start + start..range.start + run.start);
        }
        start = run.end;
    }
    if start < inner.len() {
        out.push(range.start + start..range.end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str, max: usize) -> Vec<Part<'_>> {
        let parts = plan(text, max);
        let rebuilt: String = parts
            .iter()
            .map(|p| match p {
                Part::Translate(t) | Part::Keep(t) => *t,
            })
            .collect();
        assert_eq!(rebuilt, text, "parts must rebuild the text");
        for piece in pieces(&parts) {
            assert!(piece.chars().count() <= max, "piece over {max}: {piece:?}");
            assert!(!piece.trim().is_empty(), "an empty piece is never sent");
            assert_eq!(piece.trim(), piece, "edges stay out of pieces: {piece:?}");
        }
        parts
    }

    #[test]
    fn short_text_is_one_piece_with_its_edges_kept() {
        let parts = round_trip("  Bonjour le monde.\n", 100);
        assert_eq!(
            parts,
            vec![
                Part::Keep("  "),
                Part::Translate("Bonjour le monde."),
                Part::Keep("\n")
            ]
        );
    }

    #[test]
    fn paragraphs_are_pieces_and_their_breaks_are_kept() {
        let parts = round_trip("Un.\n\nDeux\nlignes.\n \n\nTrois.", 100);
        assert_eq!(
            parts,
            vec![
                Part::Translate("Un."),
                Part::Keep("\n\n"),
                Part::Translate("Deux\nlignes."),
                Part::Keep("\n \n\n"),
                Part::Translate("Trois."),
            ]
        );
    }

    #[test]
    fn a_long_paragraph_is_cut_between_sentences() {
        let text = "Première phrase ici. Deuxième phrase là! Troisième? Fin.";
        let parts = round_trip(text, 25);
        assert_eq!(
            pieces(&parts),
            vec![
                "Première phrase ici.",
                "Deuxième phrase là!",
                "Troisième? Fin."
            ]
        );
    }

    #[test]
    fn a_long_sentence_is_cut_between_words_and_a_long_word_anywhere() {
        round_trip("mot mot mot mot mot mot mot mot mot mot", 12);
        let long_word = "x".repeat(25);
        let parts = round_trip(&long_word, 10);
        assert_eq!(pieces(&parts).len(), 3);
        round_trip(&"😀".repeat(23), 5);
    }

    #[test]
    fn awkward_text_rebuilds_exactly() {
        for text in [
            "",
            " ",
            "\n\n\n",
            "a",
            "a\n\nb",
            "。。。 ！",
            "\t x \r\n\r\n y \t",
        ] {
            round_trip(text, 3);
            round_trip(text, 5_000);
        }
    }

    #[test]
    fn batches_respect_both_limits_and_keep_order() {
        let pieces: Vec<String> = (0..300).map(|i| "x".repeat(10 + i % 7)).collect();
        let refs: Vec<&str> = pieces.iter().map(String::as_str).collect();
        let batches = batches(&refs, 200, 128);
        let mut next = 0;
        for batch in &batches {
            assert_eq!(batch.start, next, "contiguous, in order");
            next = batch.end;
            assert!(batch.len() <= 128);
            let chars: usize = refs[batch.clone()].iter().map(|p| p.chars().count()).sum();
            assert!(chars <= 200, "{chars}");
        }
        assert_eq!(next, refs.len());
        let by_count = super::batches(&vec!["a"; 300], 5_000, 128);
        assert_eq!(
            by_count.iter().map(|b| b.len()).collect::<Vec<_>>(),
            vec![128, 128, 44]
        );
    }

    #[test]
    fn join_puts_translations_between_the_kept_parts() {
        let parts = plan("Un.\n\nDeux.", 100);
        assert_eq!(
            join(&parts, &["One.".to_owned(), "Two.".to_owned()]),
            "One.\n\nTwo."
        );
    }
}
