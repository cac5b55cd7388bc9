//! Slips of the Shift key: held one key too long (`THis`, `THe`), or a
//! capital typed after its own key or a neighbour's, or swapped with the
//! key before it (`uUnited`, `rThis`, `oYke`). The tokenizer keeps a word
//! with inner capitals as it is (`iPhone`, `eBay`, `McDonald`); one of
//! these shapes that hides a known word is read as that word, capitalised.

use crate::candidates::Knowledge;
use crate::case::capitalised;
use crate::error_model;
use crate::model::NAME_SLIP_RATIO;
use crate::tokenize::possessive_stem;

/// The word a kept token was meant to be, when it has one of the shapes
/// above and that word is known. A key before a capital that is neither
/// its own nor its neighbour is a name's (`iPhone`, `eBay`), as is a
/// neighbour's that the web writes (`vBulletin`), and is not read.
pub fn meant(known: &Knowledge<'_>, token: &str) -> Option<String> {
    // A possessive's `'s` goes with the word meant (`bNation's`).
    if let Some(stem) = possessive_stem(token) {
        let clitic = &token[stem.len()..];
        return meant(known, stem).map(|word| word + clitic);
    }
    let b = token.as_bytes();
    let tail = b.get(2..)?;
    if !b[..2].iter().all(u8::is_ascii_alphabetic)
        || !b[1].is_ascii_uppercase()
        || tail.is_empty()
        || !tail.iter().all(u8::is_ascii_lowercase)
    {
        return None;
    }
    let lower = token.to_ascii_lowercase();
    let (first, second) = (lower.as_bytes()[0], lower.as_bytes()[1]);
    let word = if b[0].is_ascii_uppercase() {
        // `THis`: Shift still down for the second key. Of three letters,
        // only into one of the commonest words (`THe`, `ANd`): others are
        // likelier units (`MHz`).
        (tail.len() >= 2 || known.lexicon.is_common(&lower)).then_some(lower)
    } else if tail.len() < 2 {
        // `pH`, `kWh`, `dBm`: units.
        None
    } else if first == second {
        // `uUnited`: the key typed, then typed again with Shift.
        Some(lower[1..].to_owned())
    } else {
        // `oYke`: the first two keys swapped; `rThis`, `sAmerican`: a
        // neighbouring key struck before the capital, unless the letters
        // as typed are written about as often as the word without it, a
        // name's (`vBulletin`); a rare word they spell is no such name
        // (`pOthers`, where `pothers` is `NAME_SLIP_RATIO` times rarer than
        // `others`). Where both make a word, the commoner.
        let swapped = format!("{}{}{}", second as char, first as char, &lower[2..]);
        let as_typed = known.lexicon.unigram_log_p(&lower);
        let without = known.lexicon.unigram_log_p(&lower[1..]);
        let much_commoner = match (as_typed, without) {
            (None, _) => true,
            (Some(typed), Some(word)) => word - typed >= (NAME_SLIP_RATIO as f32).log10(),
            (Some(_), None) => false,
        };
        let struck_before = (error_model::neighbours(first, second) && much_commoner)
            .then(|| lower[1..].to_owned());
        let count = |word: &String| {
            known
                .is_word(word)
                .then(|| known.lexicon.unigram_log_p(word))
                .flatten()
        };
        [Some(swapped), struck_before]
            .into_iter()
            .flatten()
            .filter_map(|word| count(&word).map(|log_p| (log_p, word)))
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, word)| word)
    };
    word.filter(|word| known.is_word(word))
        .map(|word| capitalised(&word))
}
