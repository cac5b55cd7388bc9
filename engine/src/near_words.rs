//! The dictionary words one slip from a dictionary word, found the first
//! time the corrector asks and kept for the life of the engine. Weighing a
//! known word as a slip for another (`spell::real_word_slip`) looks up
//! some 300 strings for a word of five letters; the answer depends on the
//! word alone, and the same words come back in text after text.

use std::sync::{Arc, PoisonError, RwLock};

use rustc_hash::FxHashMap;

use crate::lexicon::Lexicon;
use crate::model::MAX_REAL_WORD_SLIP_LEN;

/// Only the words asked about are kept (a slot for every dictionary word
/// cost 4 MiB at start), each as its near words, each followed by a space.
#[derive(Default)]
pub struct NearWords {
    found: RwLock<FxHashMap<u32, Arc<str>>>,
}

impl NearWords {
    /// The dictionary words one edit from `word` (lowercase, a dictionary
    /// word whose id is `id`), or one apostrophe (`hes`: `he's`), in the
    /// order they are found, each followed by a space.
    /// Only words of up to `MAX_REAL_WORD_SLIP_LEN` letters are kept, the
    /// ones running text asks about: a longer word is asked about only
    /// sent alone (`spell::real_word_slip_alone`), and is looked up each
    /// time, so that no client can fill the map with the whole dictionary.
    pub fn of(&self, lexicon: &Lexicon, word: &str, id: u32) -> Arc<str> {
        if word.len() > MAX_REAL_WORD_SLIP_LEN {
            return find(lexicon, word);
        }
        // Nothing panics while the lock is held, so a poisoned map is whole.
        let kept = self.found.read().unwrap_or_else(PoisonError::into_inner);
        if let Some(near) = kept.get(&id) {
            return Arc::clone(near);
        }
        drop(kept);
        let near = find(lexicon, word);
        let mut kept = self.found.write().unwrap_or_else(PoisonError::into_inner);
        Arc::clone(kept.entry(id).or_insert(near))
    }
}

fn find(lexicon: &Lexicon, word: &str) -> Arc<str> {
    let mut found = String::new();
    let mut keep = |near: &str| {
        if lexicon.is_dictionary_word(near) {
            found.push_str(near);
            found.push(' ');
        }
    };
    spelling_index::each_one_edit_away(word, &mut keep);
    each_apostrophe_put_in(word, keep);
    found.into()
}

/// Calls `found` with `word` and an apostrophe put in after each of its
/// letters but the last (`hes`: `h'es`, `he's`), in one buffer.
pub fn each_apostrophe_put_in(word: &str, mut found: impl FnMut(&str)) {
    let mut buffer = String::with_capacity(word.len() + 1);
    for i in (1..word.len()).filter(|&i| word.is_char_boundary(i)) {
        buffer.clear();
        buffer.push_str(&word[..i]);
        buffer.push('\'');
        buffer.push_str(&word[i..]);
        found(&buffer);
    }
}

#[cfg(test)]
mod tests {
    use rustc_hash::FxHashSet;
    use spelling_index::WordPairs;

    use super::NearWords;
    use crate::lexicon::Lexicon;

    #[test]
    fn only_short_words_are_kept() {
        let dictionary = [
            ("cat", 100),
            ("cart", 50),
            ("relation", 20),
            ("relations", 10),
        ];
        let lexicon = Lexicon::new(
            &dictionary,
            &FxHashSet::default(),
            [].into_iter(),
            [].into_iter(),
            WordPairs::new(std::iter::empty()),
        );
        let near = NearWords::default();
        let kept = || near.found.read().unwrap().len();
        let id = |word| lexicon.dictionary_id(word).unwrap();
        assert_eq!(&*near.of(&lexicon, "cat", id("cat")), "cart ");
        assert_eq!(kept(), 1);
        // Longer than any word running text weighs as a slip: found, not kept.
        let relation = near.of(&lexicon, "relation", id("relation"));
        assert_eq!(&*relation, "relations ");
        assert_eq!(kept(), 1);
    }
}
