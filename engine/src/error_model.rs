//! How likely a typed word is as a slip for a dictionary word: the
//! channel half of a noisy-channel corrector. Each edit costs −log10 of its
//! probability, so a cheap edit is a likely slip: neighbouring keys, a
//! doubled or undoubled letter, two letters swapped, one vowel for another.
//! Plain edit distance treats all of these like any other edit, which is
//! why it prefers a frequent word at the same distance (`localy` → `local`).

use crate::model::{
    DOUBLED, FIRST_LETTER, NEIGHBOUR_INSERTION, NEIGHBOUR_KEY, OTHER_DELETION, OTHER_INSERTION,
    OTHER_SUBSTITUTION, SOUND_ALIKE, TRANSPOSITION, VOWEL_DELETION, VOWEL_FOR_VOWEL,
};

/// The cost (−log10 probability) of the cheapest way `typed` came from
/// `intended`, by optimal string alignment with the costs in `model`.
pub fn edit_cost(typed: &str, intended: &str) -> f64 {
    edit_cost_with(typed, intended, FIRST_LETTER)
}

/// `edit_cost` with `first_letter` as the extra for a wrong first letter.
pub fn edit_cost_with(typed: &str, intended: &str, first_letter: f64) -> f64 {
    let t: Vec<u8> = typed.bytes().collect();
    let w: Vec<u8> = intended.bytes().collect();
    let (n, m) = (t.len(), w.len());
    // d[i][j]: cost of typing t[..i] when meaning w[..j].
    let mut d = vec![vec![0.0f64; m + 1]; n + 1];
    for i in 1..=n {
        d[i][0] = d[i - 1][0] + insertion(&t, i - 1);
    }
    for j in 1..=m {
        d[0][j] = d[0][j - 1] + deletion(&w, j - 1);
    }
    for i in 1..=n {
        for j in 1..=m {
            let substitute = d[i - 1][j - 1] + substitution(t[i - 1], w[j - 1]);
            let insert = d[i - 1][j] + insertion(&t, i - 1);
            let delete = d[i][j - 1] + deletion(&w, j - 1);
            let mut best = substitute.min(insert).min(delete);
            if i > 1
                && j > 1
                && t[i - 1] == w[j - 2]
                && t[i - 2] == w[j - 1]
                && t[i - 1] != t[i - 2]
            {
                best = best.min(d[i - 2][j - 2] + TRANSPOSITION);
            }
            d[i][j] = best;
        }
    }
    d[n][m] + first_letter_slip(&t, &w, first_letter)
}

/// Extra for a word whose first letter is wrong (`model::FIRST_LETTER`).
/// Two first letters swapped (`hte`) is an ordinary slip.
fn first_letter_slip(typed: &[u8], intended: &[u8], extra: f64) -> f64 {
    match (typed, intended) {
        ([a, b, ..], [c, d, ..]) if a == d && b == c => 0.0,
        ([a, ..], [c, ..]) if a != c => extra,
        _ => 0.0,
    }
}

fn substitution(typed: u8, intended: u8) -> f64 {
    if typed == intended {
        0.0
    } else if is_vowel(typed) && is_vowel(intended) {
        VOWEL_FOR_VOWEL
    } else if sound_alike(typed, intended) {
        SOUND_ALIKE
    } else if neighbours(typed, intended) {
        NEIGHBOUR_KEY
    } else {
        OTHER_SUBSTITUTION
    }
}

/// `typed[i]` is extra.
fn insertion(typed: &[u8], i: usize) -> f64 {
    let before = i.checked_sub(1).map(|k| typed[k]);
    let after = typed.get(i + 1).copied();
    if before == Some(typed[i]) || after == Some(typed[i]) {
        DOUBLED
    } else if before.is_some_and(|b| neighbours(b, typed[i]))
        || after.is_some_and(|a| neighbours(a, typed[i]))
    {
        NEIGHBOUR_INSERTION
    } else {
        OTHER_INSERTION
    }
}

/// `intended[j]` was left out.
fn deletion(intended: &[u8], j: usize) -> f64 {
    let doubled = j.checked_sub(1).is_some_and(|k| intended[k] == intended[j])
        || intended.get(j + 1) == Some(&intended[j]);
    if doubled {
        DOUBLED
    } else if is_vowel(intended[j]) {
        VOWEL_DELETION
    } else {
        OTHER_DELETION
    }
}

/// Letters English spells one sound with (`deside` for `decide`, `realize`
/// and `realise`, `kar` for `car`, `jem` for `gem`): people who spell by ear
/// swap them.
fn sound_alike(a: u8, b: u8) -> bool {
    let pair = if a < b { (a, b) } else { (b, a) };
    matches!(
        pair,
        (b'c', b's') | (b'c', b'k') | (b's', b'z') | (b'g', b'j')
    )
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Keys next to each other on a QWERTY keyboard.
fn neighbours(a: u8, b: u8) -> bool {
    match (position(a), position(b)) {
        (Some((ra, xa)), Some((rb, xb))) => {
            a != b && ra.abs_diff(rb) <= 1 && (xa - xb).abs() <= 1.0
        }
        _ => false,
    }
}

/// Row and horizontal position (rows are staggered by a quarter and a half key).
fn position(c: u8) -> Option<(usize, f64)> {
    const ROWS: [(&[u8], f64); 3] = [
        (b"qwertyuiop", 0.0),
        (b"asdfghjkl", 0.25),
        (b"zxcvbnm", 0.75),
    ];
    ROWS.iter().enumerate().find_map(|(row, (keys, offset))| {
        keys.iter()
            .position(|&k| k == c)
            .map(|col| (row, col as f64 + offset))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn likely_slips_cost_less_than_other_edits() {
        // A swap is likelier than two substitutions.
        assert!(edit_cost("hrad", "hard") < edit_cost("hrad", "head"));
        // A dropped double letter is likelier than a different dropped letter.
        assert!(edit_cost("localy", "locally") < edit_cost("localy", "local"));
        // A neighbouring key is likelier than a far one.
        assert!(edit_cost("tge", "the") < edit_cost("tze", "the"));
        // One vowel for another is a common slip.
        assert!(edit_cost("problam", "problem") < edit_cost("problam", "probcem"));
        assert_eq!(edit_cost("same", "same"), 0.0);
        // Letters that spell one sound are swapped by ear.
        assert!(edit_cost("realise", "realize") < edit_cost("realise", "realine"));
        assert!(edit_cost("deside", "decide") < edit_cost("deside", "desire"));
        // The first letter is seldom the wrong one; swapped with the
        // second, it is an ordinary slip.
        assert!(edit_cost("exstacy", "ecstasy") < edit_cost("exstacy", "stacy"));
        assert_eq!(edit_cost("hte", "the"), edit_cost("teh", "the"));
        // In running text, less so.
        let in_text = edit_cost_with("nown", "known", crate::model::FIRST_LETTER_IN_TEXT);
        assert!(in_text < edit_cost("nown", "known"));
    }

    #[test]
    fn keyboard_neighbours() {
        assert!(neighbours(b'g', b'h') && neighbours(b'g', b't') && neighbours(b'g', b'b'));
        assert!(!neighbours(b'q', b'p') && !neighbours(b'a', b'a') && !neighbours(b'a', b'1'));
    }
}
