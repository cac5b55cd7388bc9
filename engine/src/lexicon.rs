//! Word and word-pair probabilities for segmentation: a language model
//! small enough to query a few dozen times per character.

use rustc_hash::{FxHashMap, FxHashSet};
use spelling_index::{WordPairs, WordTriples};

use crate::letters::LetterModel;
use crate::model::{
    APOSTROPHE_LEFT_OUT, BEAM, COMMON_LOG_P, CUT_BY_THE_CORPUS, INFLECTIONS, LOG_COMPOUND_SHARE,
    LOG_P_SENTENCE_END, LOG_P_UNKNOWN_WORD, MAX_WORD_LEN, MIN_COMPOUND_PART, MIN_INFLECTED_STEM,
    MIN_POSSESSIVE_STEM, MIN_VOCABULARY_WORD_LEN, RAREST_FORM_SHARE,
};
use crate::word_forms;
use crate::word_table::WordTable;

pub struct Lexicon {
    words: WordTable,
    /// Ids below this are dictionary words and their forms: spelt right.
    /// Above it, the wider vocabulary: words for the odds only.
    dictionary_words: u32,
    /// log10 P(w), by id.
    unigram: Vec<f32>,
    /// Which word follows which, and how often.
    pairs: WordPairs,
    /// Which word follows which two, for the commonest two
    /// (`with_triples`; none unless given).
    triples: WordTriples,
    /// By index in `pairs`: log10 of the share of a word's single odds
    /// that a word the pairs do not list after it takes (`back_off`).
    back_off: Vec<f32>,
    /// Each word's index in `pairs`, by id; `NOT_PAIRED` for a word no
    /// pair holds.
    pair_index: Vec<u32>,
    /// What a word is to the pairs and the triples, by id (`ENDS_PAIRS`,
    /// `CUT`, `ENDS_TRIPLES`…): one byte read, as asking `pairs`, `cut` or
    /// `triples` costs a cache miss or a hash.
    marks: Vec<u8>,
    /// log10 of the corpus size.
    log_total: f64,
    /// log10 P(w) of the rarest word the corpus counts: the odds of a form
    /// it does not count (`colors`, `kayaked`).
    log_p_rarest: f64,
    /// The forms made of names only (`chanels` of `chanel`), by id: a
    /// right word, unless a slip of a much commoner one (`is_name_form`).
    name_forms: FxHashSet<u32>,
    /// The ids of `SENTENCE_START` and `SENTENCE_END`.
    sentence_start: u32,
    sentence_end: u32,
    /// Words the corpus counted as their first part (contractions,
    /// `CUT_BY_THE_CORPUS`), by id.
    cut: FxHashMap<u32, Cut>,
    /// The contraction whose letters each bare contraction is, by id: a
    /// word of the vocabulary (`dont` → `don't`), or one of the dictionary
    /// that the pairs never saw (`hes` → `he's`). The segmenter reads them
    /// as the contraction, as text with its punctuation taken out writes
    /// it.
    bare_contractions: FxHashMap<u32, u32>,
    /// The contractions whose bare letters are no word of the lexicon
    /// (`im` → `i'm`, too short for the vocabulary; `aint` → `ain't`, which
    /// the web's counts lack), by those letters, and for each first letter
    /// a bit for each last letter of those letters, so that most strings
    /// are ruled out without a lookup.
    unlisted_bare: FxHashMap<Box<str>, u32>,
    unlisted_bare_ends: [u32; 26],
    /// Every contraction whose bare letters are no dictionary word, with
    /// those letters (`doesnt`, `doesn't`), by their first letter: what a
    /// misspelt contraction typed bare is near (`typed_bare_near`).
    typed_bare: [Vec<(Box<str>, Box<str>)>; 26],
    /// log10 P(w) of the vocabulary's short words that the lexicon leaves
    /// out (`MIN_VOCABULARY_WORD_LEN`), so `mr` is known to be common.
    short: FxHashMap<Box<str>, f32>,
    /// How the words spelt right are spelt, for strings no list holds.
    letters: LetterModel,
}

/// The pairs' word for a sentence's start: what follows it is what starts
/// sentences (`<s> it's`). No text spells it, as `<` is no letter.
pub const SENTENCE_START: &str = "<s>";
/// The pairs' word for a sentence's end (`well </s>`).
pub const SENTENCE_END: &str = "</s>";

/// The two words on either side of a word, lowercase, for the triples
/// (`Lexicon::place`): a sentence's start and end count as words.
pub struct WordsAround<'a> {
    pub two_before: Option<&'a str>,
    pub before: Option<&'a str>,
    pub next: Option<&'a str>,
    pub two_after: Option<&'a str>,
}

/// The words around a place, looked up once for every word weighed in it
/// (`Lexicon::place`, `Lexicon::fit_in`), with what is the same whichever
/// word is weighed.
pub struct Place {
    before: Option<u32>,
    /// Where the pairs after the word before are (`pairs_after`).
    pairs_after_before: Option<u32>,
    /// Where the triples after the two words before are, if any start
    /// with them.
    after_two_before: Option<u32>,
    /// The next word, and its odds with no word before it.
    next: Option<(u32, f64)>,
    /// The word after that, and its odds after the next one by the pairs.
    two_after: Option<(u32, f64)>,
}

/// The words on either side of letters to segment, for the pairs: a
/// sentence's start before them (`SENTENCE_START`), its end after them
/// (`SENTENCE_END`), or none.
pub type Around<'a> = (Option<&'a str>, Option<&'a str>);

/// `Lexicon::marks`: some pair ends with the word.
const ENDS_PAIRS: u8 = 1;
/// `Lexicon::marks`: the word is scored through another (`Lexicon::cut`).
const CUT: u8 = 2;
/// `Lexicon::marks`: some triple ends with the word (14,953 words, one in
/// twenty of the vocabulary's); the others' odds after two words are read
/// from the pairs without a search of the triples.
const ENDS_TRIPLES: u8 = 4;
/// `Lexicon::marks`: some triple starts with the word (some 10,000
/// words): only a pair of such a word and a `SECOND_IN_TRIPLES` word is
/// searched for its triples.
const STARTS_TRIPLES: u8 = 8;
/// `Lexicon::marks`: some triple has the word second (some 10,000 words).
const SECOND_IN_TRIPLES: u8 = 16;
/// `Lexicon::marks`: a form the lexicon made by rule that no list holds
/// and the corpus does not count (`appropriatedly`, `explicits`).
const GUESSED: u8 = 32;
/// `Lexicon::marks`: a contraction's letters without its apostrophe
/// (`dont`; `Lexicon::bare_contractions`).
const BARE_CONTRACTION: u8 = 64;

/// log10 P of a word no text holds (the pairs' model's own figure for a
/// sentence's start).
const NEVER: f32 = -99.0;

/// `Lexicon::pair_index` of a word no pair holds.
const NOT_PAIRED: u32 = u32::MAX;

/// A word scored as the corpus counted it: its first part (`is` of
/// `isn't`, `can` of `cannot`), in that part's pairs, then its share of
/// that part's count.
struct Cut {
    first: u32,
    /// log10 of the word's share of its first part's count.
    log_p_share: f64,
}

/// The count, while the lexicon is built, of a word the corpus does not
/// count (a rare listed word, a form it lacks, a sentence's start or end):
/// weighed as the rarest word it counts.
const UNCOUNTED: i64 = 0;
/// The count of a form the lexicon made, until the corpus is read: below
/// `UNCOUNTED`, so that a form the rare list holds too is raised to it,
/// and one the corpus counts takes its count.
const UNREAD: i64 = -1;

impl Lexicon {
    /// `dictionary`: the curated words, spelt right; `names`: those of them
    /// that are names, whose forms are marked (`is_name_form`); `rare`:
    /// words spelt right that no one counts, as rare as the rarest word (no
    /// forms are made of them: their list has its own); `vocabulary`: every
    /// word with its count in the same corpus (a word in both keeps the
    /// vocabulary's count); `pairs`: which word follows which, of a
    /// language model.
    pub fn new<'a, 'r>(
        dictionary: &[(&str, i64)],
        names: &FxHashSet<&str>,
        rare: impl Iterator<Item = &'r str>,
        vocabulary: impl ExactSizeIterator<Item = (&'a str, i64)>,
        pairs: WordPairs,
    ) -> Self {
        let capacity = vocabulary.len() + dictionary.len() / 2;
        let mut words = WordTable::with_capacity(capacity);
        // Corpus counts by id: `UNCOUNTED` for a word the corpus does not
        // count, `UNREAD` for a form until the corpus is read.
        let mut counts: Vec<i64> = Vec::with_capacity(capacity);
        for &(word, count) in dictionary {
            if words.insert(word) == Some(counts.len() as u32) {
                counts.push(count);
            }
        }
        // Forms of the words (`colors`, `hazily`): as common as the corpus
        // says, or else as the rarest word it has. Until the corpus is read,
        // a form's count is `UNREAD`, and its word's is kept beside it.
        let mut forms = Vec::new();
        for &(word, count) in dictionary {
            let known = |w: &str| words.id(w).is_some();
            let of_name = names.contains(word);
            word_forms::forms_of(word, &known, &mut |form| forms.push((form, count, of_name)));
        }
        let mut made = Vec::new();
        // Whether each form made is made of names only (`chanels`), by id
        // from the first form's: not of another word as well.
        let first_form = counts.len() as u32;
        let mut of_names_only = Vec::new();
        for (form, of_word, of_name) in &forms {
            match words.insert(form) {
                Some(id) if id == counts.len() as u32 => {
                    made.push((id, form.as_str(), *of_word));
                    counts.push(UNREAD);
                    of_names_only.push(*of_name);
                }
                Some(id) if id >= first_form && !of_name => {
                    of_names_only[(id - first_form) as usize] = false;
                }
                _ => {}
            }
        }
        // Nor a word of a list (below).
        let mut name_forms: FxHashSet<u32> = (first_form..)
            .zip(of_names_only)
            .filter_map(|(id, of_names_only)| of_names_only.then_some(id))
            .collect();
        let mut uncounted = |word: &str| match words.insert(word) {
            Some(id) if id as usize == counts.len() => counts.push(UNCOUNTED),
            // A form the list has too is a word.
            Some(id) => {
                counts[id as usize] = counts[id as usize].max(UNCOUNTED);
                name_forms.remove(&id);
            }
            None => {}
        };
        let rare: Vec<&str> = rare.collect();
        rare.iter().for_each(|word| uncounted(word));
        // The rare listed words are plain lowercase: none is a contraction.
        let contractions: Vec<(u32, &str, String)> = dictionary
            .iter()
            .map(|&(word, _)| word)
            .filter(|word| word.contains('\''))
            .filter_map(|word| Some((words.id(word)?, word, word.replace('\'', ""))))
            .collect();
        let letters = LetterModel::new(dictionary.iter().map(|&(word, _)| word).chain(rare));
        let dictionary_words = counts.len() as u32;
        let mut short_counts = Vec::new();
        let mut rarest = None;
        // Short words the pairs know are neighbours worth their pairs
        // (`mr spock`, `dr jones`).
        let paired_short: FxHashSet<&str> = pairs
            .words()
            .filter(|word| word.len() < MIN_VOCABULARY_WORD_LEN)
            .collect();
        for (word, count) in vocabulary {
            rarest = Some(rarest.map_or(count, |rarest: i64| rarest.min(count)));
            if word.len() < MIN_VOCABULARY_WORD_LEN && !paired_short.contains(word) {
                // Only as a dictionary word: no pair vouches for it.
                match words.id(word) {
                    Some(id) => counts[id as usize] = count,
                    None => short_counts.push((word, count)),
                }
                continue;
            }
            match words.insert(word) {
                Some(id) if id as usize == counts.len() => counts.push(count),
                // The same corpus: a word in both keeps the vocabulary's count.
                Some(id) => counts[id as usize] = count,
                None => {}
            }
        }
        // A form the corpus counts less often than `RAREST_FORM_SHARE` of
        // its word, or not at all though it would have, is no word people
        // write: not `woulds`, `containings`, `thoses`, `entires`. One it
        // counts is still a word of the vocabulary: it takes a new id there.
        let mut guessed = Vec::new();
        for (id, form, of_word) in made {
            if counts[id as usize] == UNCOUNTED {
                continue; // the spell-checking list has it
            }
            let uncounted = counts[id as usize] == UNREAD;
            let count = counts[id as usize].max(UNCOUNTED);
            counts[id as usize] = count;
            let expected = of_word as f64 * RAREST_FORM_SHARE;
            if rarest.is_some_and(|rarest| expected >= rarest as f64) && (count as f64) < expected {
                words.remove(form);
                if count > 0 && words.insert(form) == Some(counts.len() as u32) {
                    counts.push(count);
                }
            } else if uncounted {
                guessed.push(id);
            }
        }
        // A sentence's start and end, as words of their own: the pairs hold
        // what starts and ends a sentence. Neither is counted by the corpus.
        let sentence_start = words.insert(SENTENCE_START).expect("no word has `<`");
        let sentence_end = words.insert(SENTENCE_END).expect("no word has `<`");
        counts.extend([UNCOUNTED, UNCOUNTED]);
        // The corpus's tokenizer cut contractions at the apostrophe, so it
        // never counted them; but every `dont`, `isnt`, `youre` it counted
        // is one meant, typed without its apostrophe, which the web leaves
        // out once in fifty (`APOSTROPHE_LEFT_OUT`). Not when the bare
        // letters are a word of their own (`cant`, `well`, `wed`). Each
        // such contraction was counted as its first part (`is` of `isn't`),
        // so it is no commoner than that, and takes its pairs.
        let mut contracted = Vec::new();
        let mut bare_contractions = FxHashMap::default();
        let mut unlisted_bare = FxHashMap::default();
        let mut unlisted_bare_ends = [0u32; 26];
        let mut typed_bare: [Vec<(Box<str>, Box<str>)>; 26] = Default::default();
        for (id, word, bare) in &contractions {
            if let Some(first @ b'a'..=b'z') = bare.bytes().next() {
                if words.id(bare).is_none_or(|b| b >= dictionary_words) {
                    typed_bare[usize::from(first - b'a')]
                        .push((bare.as_str().into(), (*word).into()));
                }
            }
            if let [first @ b'a'..=b'z', .., last @ b'a'..=b'z'] = bare.as_bytes() {
                if words.id(bare).is_none() {
                    unlisted_bare.insert(Box::<str>::from(bare.as_str()), *id);
                    unlisted_bare_ends[usize::from(first - b'a')] |= 1 << (last - b'a');
                }
            }
            let Some(bare) = words.id(bare).filter(|&b| b >= dictionary_words) else {
                continue;
            };
            bare_contractions.insert(bare, *id);
            let first = first_part(word).and_then(|first| words.id(first));
            let Some(first) = first.filter(|&first| counts[first as usize] > 0) else {
                continue;
            };
            let (first_count, typed) = (counts[first as usize], counts[bare as usize]);
            let count = (typed as f64 / APOSTROPHE_LEFT_OUT).min(first_count as f64);
            counts[*id as usize] = counts[*id as usize].max(count as i64);
            let scored = Cut {
                first,
                log_p_share: (counts[*id as usize] as f64 / first_count as f64).log10(),
            };
            contracted.push((*id, scored));
        }
        // A dictionary word's possessive that the pairs hold (`wife's`,
        // `else's`): the corpus's tokenizer cut it at the apostrophe, so no
        // count holds it; the pairs tell how often it follows the words
        // counted, as for a contraction (below), and where it stands
        // (`spell::bare_possessive`).
        let is_dictionary_word =
            |word: &str| words.id(word).is_some_and(|id| id < dictionary_words);
        // As `bare_possessive` reads one: a stem of a few letters, or a
        // plural already (`men's`, `women's`).
        let of_words: Vec<&str> = pairs
            .words()
            .filter(|word| {
                word.strip_suffix("'s").is_some_and(|stem| {
                    is_dictionary_word(stem)
                        && (stem.len() >= MIN_POSSESSIVE_STEM
                            || word_forms::is_irregular_plural(stem, is_dictionary_word))
                })
            })
            .filter(|word| words.id(word).is_none())
            .collect();
        // Each new word takes the next id, so theirs are a range.
        let first_possessive = counts.len() as u32;
        for word in of_words {
            if words.insert(word) == Some(counts.len() as u32) {
                counts.push(UNCOUNTED);
            }
        }
        let possessives = first_possessive..counts.len() as u32;
        // Each pair word's id, by its index in `pairs`.
        let ids: Vec<Option<u32>> = pairs.words().map(|word| words.id(word)).collect();
        // Contractions whose bare letters are a word of their own (`it's`,
        // `can't`, `we're`) the corpus could not count even bare, and the
        // curated list gives each the same stand-in count (300,000: `it's`
        // as rare as `armrest`); nor those whose bare letters it never
        // wrote, which the dictionary takes at its rarest count (`ain't`,
        // `there'd`: `saint` and `there` had been likelier). The pairs can
        // tell how often each follows the words the corpus counted.
        let bare_is_a_word = |bare: &str| words.id(bare).is_some_and(|b| b < dictionary_words);
        let bare_never_written = |bare: &str| words.id(bare).is_none();
        let mut uncounted: Vec<u32> = contractions
            .iter()
            .filter(|(_, _, bare)| bare_is_a_word(bare) || bare_never_written(bare))
            .map(|&(id, _, _)| id)
            .chain(possessives.clone())
            .collect();
        uncounted.sort_unstable();
        if !uncounted.is_empty() {
            let predicted = predicted_counts(&pairs, &ids, &counts);
            for (index, id) in ids.iter().enumerate() {
                if let Some(id) = id.filter(|id| uncounted.binary_search(id).is_ok()) {
                    counts[id as usize] = counts[id as usize].max(predicted[index] as i64);
                }
            }
        }
        words.shrink_to_fit();
        // The possessives' counts are the pairs' guesses, on top of the
        // corpus's words: not in its size, which every word's odds are of,
        // nor its rarest count, at which it weighs the words it never counted.
        let counted = || {
            (0u32..)
                .zip(&counts)
                .filter(|(id, _)| !possessives.contains(id))
                .map(|(_, &c)| c)
        };
        let total: f64 = counted().map(|c| c as f64).sum();
        let rarest = counted().filter(|&c| c > 0).min().unwrap_or(1);
        let short = short_counts
            .into_iter()
            .map(|(word, count)| (word.into(), (count as f64 / total).log10() as f32))
            .collect();
        let mut unigram: Vec<f32> = counts
            .iter()
            .map(|&c| (c.max(rarest) as f64 / total).log10() as f32)
            .collect();
        // A sentence never starts after a word; it ends as often as the
        // pairs' model says.
        unigram[sentence_start as usize] = NEVER;
        unigram[sentence_end as usize] = LOG_P_SENTENCE_END;
        let mut pair_index = vec![NOT_PAIRED; unigram.len()];
        for (index, id) in ids.iter().enumerate() {
            if let Some(id) = id {
                pair_index[*id as usize] = index as u32;
            }
        }
        // A dictionary word that is also a contraction's bare letters
        // (`whats`, `hes`) but that the pairs never saw is, in text with
        // its apostrophes taken out, that contraction.
        for (id, _, bare) in &contractions {
            let paired = |id: u32| pair_index[id as usize] != NOT_PAIRED;
            if let Some(bare) = words.id(bare).filter(|&b| b < dictionary_words) {
                if !paired(bare) && paired(*id) {
                    bare_contractions.insert(bare, *id);
                }
            }
        }
        let mut marks = vec![0u8; unigram.len()];
        // A word ends pairs when a pair from a word the lexicon knows (or
        // a sentence's start) ends in it.
        let known_firsts = (0..ids.len() as u32).filter(|&i| ids[i as usize].is_some());
        for first in known_firsts {
            for second in pairs.followers(first) {
                if let Some(id) = ids[second as usize] {
                    marks[id as usize] |= ENDS_PAIRS;
                }
            }
        }
        // Each pair word's single odds, found once rather than once a pair;
        // a possessive's are the pairs' guess, and take no share of another
        // word's back-off, whose weights are of the words the corpus counted.
        let alone: Vec<f64> = ids
            .iter()
            .map(|id| id.filter(|id| !possessives.contains(id)))
            .map(|id| id.map_or(0.0, |id| 10f64.powf(f64::from(unigram[id as usize]))))
            .collect();
        let back_off = (0..ids.len() as u32)
            .map(|first| back_off(&pairs, first, &alone))
            .collect();
        let mut cut: FxHashMap<u32, Cut> = contracted.into_iter().collect();
        for &(word, first, share) in CUT_BY_THE_CORPUS {
            if let (Some(id), Some(first)) = (words.id(word), words.id(first)) {
                let log_p_share = share.log10();
                cut.insert(id, Cut { first, log_p_share });
            }
        }
        for &id in cut.keys() {
            marks[id as usize] |= CUT;
        }
        for id in guessed {
            marks[id as usize] |= GUESSED;
        }
        for &id in bare_contractions.keys() {
            marks[id as usize] |= BARE_CONTRACTION;
        }
        Lexicon {
            words,
            dictionary_words,
            unigram,
            pairs,
            triples: WordTriples::default(),
            back_off,
            pair_index,
            marks,
            log_total: total.log10(),
            log_p_rarest: (rarest as f64 / total).log10(),
            name_forms,
            sentence_start,
            sentence_end,
            cut,
            bare_contractions,
            unlisted_bare,
            unlisted_bare_ends,
            typed_bare,
            short,
            letters,
        }
    }

    /// Whether the segmenter weighs the word `id` (spelt `string`) only
    /// where the pairs hold it beside both its neighbours: a short word of
    /// the web's that only the pairs brought in (`mr`, `tv`, `ok`, but also
    /// `un`, `na`), not a bare contraction (`im`). Cut anywhere, it split
    /// words (`un tanned`, `elephant na mouse`); cut nowhere, `mr smith`
    /// was `m r smith`.
    fn is_cut_only_where_paired(&self, id: u32, string: &str) -> bool {
        id >= self.dictionary_words
            && string.len() < MIN_VOCABULARY_WORD_LEN
            && self.marks[id as usize] & BARE_CONTRACTION == 0
    }

    /// The contractions whose bare letters are within `distance` edits of
    /// `typed` but not `typed` itself, with how far they are: `doesn't`
    /// for `dosent`, its letters swapped (`candidates::nearest`). Only
    /// those with its first letter, seldom the slip's (and every word the
    /// corrector weighs is asked: all of them cost a quarter more
    /// instructions correcting dev's sentences).
    pub fn typed_bare_near<'a>(
        &'a self,
        typed: &'a str,
        distance: usize,
    ) -> impl Iterator<Item = (&'a str, usize)> + 'a {
        let len = typed.len();
        let same_first = match typed.bytes().next() {
            Some(first @ b'a'..=b'z') => &self.typed_bare[usize::from(first - b'a')][..],
            _ => &[],
        };
        same_first
            .iter()
            .filter(move |(bare, _)| bare.len().abs_diff(len) <= distance)
            .filter_map(move |(bare, word)| {
                let edits = strsim::osa_distance(typed, bare);
                (1..=distance).contains(&edits).then_some((&**word, edits))
            })
    }

    /// The contraction a bare contraction is (`dont` → `don't`,
    /// `bare_contractions`), or the word itself.
    fn contraction_of_bare(&self, id: u32) -> u32 {
        if self.marks[id as usize] & BARE_CONTRACTION == 0 {
            return id;
        }
        self.bare_contractions.get(&id).copied().unwrap_or(id)
    }

    /// Whether the word of this id is a form the lexicon made by rule
    /// (`word_forms`) that no list holds and the corpus does not count: a
    /// guess, as a prefixed word is.
    pub fn is_guessed_form(&self, id: u32) -> bool {
        self.marks[id as usize] & GUESSED != 0
    }

    /// Whether the word of this id is a form the lexicon made of names
    /// only (`chanels`, `clarks`), which no list holds.
    pub fn is_name_form(&self, id: u32) -> bool {
        self.name_forms.contains(&id)
    }

    /// A dictionary word or one of its forms: spelt right.
    pub fn is_dictionary_word(&self, word: &str) -> bool {
        self.dictionary_id(word).is_some()
    }

    /// The id of a dictionary word or one of its forms.
    pub fn dictionary_id(&self, word: &str) -> Option<u32> {
        self.id(word).filter(|&id| id < self.dictionary_words)
    }

    /// Whether the pairs hold the pair of these ids.
    pub fn seen_pair(&self, first: u32, second: u32) -> bool {
        self.pairs_after(first)
            .and_then(|after| self.log_p_listed(after, second))
            .is_some()
    }

    /// Whether the pairs know the word `id` as one that others follow and
    /// one that follows others: only then does an unseen pair with it say
    /// something. A sentence's start only starts pairs, and its end only
    /// ends them.
    pub fn is_paired(&self, id: u32) -> bool {
        let starts = self.pairs_after(id).is_some() || id == self.sentence_end;
        let ends = self.marks[id as usize] & ENDS_PAIRS != 0 || id == self.sentence_start;
        starts && ends
    }

    /// Whether the pairs hold the word `id` at all, first or second: CMU's
    /// model of edited text knows it.
    pub fn in_pairs(&self, id: u32) -> bool {
        self.pairs_after(id).is_some() || self.marks[id as usize] & ENDS_PAIRS != 0
    }

    /// The word's index in the pairs, if some pair starts with it.
    fn pairs_after(&self, id: u32) -> Option<u32> {
        let index = self.pair_index[id as usize];
        (index != NOT_PAIRED && self.pairs.starts_pairs(index)).then_some(index)
    }

    /// log10 of the pairs' probability of word `id` after the word whose
    /// pairs are at `after` (`pairs_after`), if they hold the pair.
    fn log_p_listed(&self, after: u32, id: u32) -> Option<f64> {
        let second = self.pair_index[id as usize];
        if self.marks[id as usize] & ENDS_PAIRS == 0 || second == NOT_PAIRED {
            return None;
        }
        self.pairs.log_p(after, second)
    }

    /// The lexicon with the model's word triples (made with the same
    /// pairs), for the corrector to weigh words in one place (`fit_in`)
    /// and the segmenter to weigh each word after the two before it.
    pub fn with_triples(self, triples: WordTriples) -> Self {
        // What each pair word is to the triples, then to each id.
        let mut roles = vec![0u8; self.pairs.word_count()];
        for third in triples.thirds() {
            roles[third as usize] |= ENDS_TRIPLES;
        }
        for (first, second) in self.pairs.pairs_at(triples.contexts()) {
            roles[first as usize] |= STARTS_TRIPLES;
            roles[second as usize] |= SECOND_IN_TRIPLES;
        }
        let mut marks = self.marks;
        for (mark, &index) in marks.iter_mut().zip(&self.pair_index) {
            if index != NOT_PAIRED {
                *mark |= roles[index as usize];
            }
        }
        Lexicon {
            triples,
            marks,
            ..self
        }
    }

    /// log10 P(word `id` | `two_before` `before`): the triples' figure
    /// where one lists the three words, else the pairs' (`log_p`) times
    /// the back-off weight of the two words before, if triples start with
    /// them. A contraction, which the pairs score through its first part
    /// (`CUT`), takes the triple's own figure where one lists it.
    fn log_p3(&self, two_before: Option<u32>, before: Option<u32>, id: u32) -> f64 {
        let pairs = before.and_then(|b| self.pairs_after(b));
        self.log_p_given(self.triples_after(two_before, before), pairs, id)
    }

    /// As `log_p3`, given where the triples after the two words before are
    /// (`triples_after`) and where the pairs after the word before are
    /// (`pairs_after`), as the segmenter keeps them for each history and
    /// `Place` for each place.
    fn log_p_given(&self, after: Option<u32>, pairs: Option<u32>, id: u32) -> f64 {
        let Some(after) = after else {
            return self.log_p_after(pairs, id);
        };
        // The pair is asked only when no triple answers.
        let third = self.pair_index[id as usize];
        let listed = (self.marks[id as usize] & ENDS_TRIPLES != 0)
            .then(|| self.triples.log_p(after, third))
            .flatten();
        listed.unwrap_or_else(|| self.log_p_after(pairs, id) + self.triples.back_off(after))
    }

    /// Where the triples that start with the words `first` `second` are,
    /// if both are given and triples start with them.
    fn triples_after(&self, first: Option<u32>, second: Option<u32>) -> Option<u32> {
        let (first, second) = (first? as usize, second? as usize);
        // Marked words are in the pairs: the marks came from there.
        if self.marks[first] & STARTS_TRIPLES == 0 || self.marks[second] & SECOND_IN_TRIPLES == 0 {
            return None;
        }
        let (a, b) = (self.pair_index[first], self.pair_index[second]);
        self.triples.after(self.pairs.position(a, b)?)
    }

    /// The words `around` a place, looked up for `fit_in`.
    pub fn place(&self, around: &WordsAround<'_>) -> Place {
        let lookup = |w: Option<&str>| w.and_then(|w| self.id(w));
        let (two_before, before) = (lookup(around.two_before), lookup(around.before));
        let next = lookup(around.next);
        let two_after = next.and(lookup(around.two_after));
        Place {
            before,
            pairs_after_before: before.and_then(|b| self.pairs_after(b)),
            after_two_before: self.triples_after(two_before, before),
            next: next.map(|n| (n, self.log_p(None, n))),
            two_after: two_after.map(|a| (a, self.log_p(next, a))),
        }
    }

    /// How well the dictionary word `id` fits in `place`, by the triples
    /// where they list the words: as `phrase_score` reads one word on each
    /// side by the pairs, this reads two. log10 of the corpus size, plus
    /// the word's odds after the two before it, plus how much it lifts the
    /// odds of the next word and of the one after that. For weighing words
    /// in one place against each other: the terms no word changes are left
    /// as they are.
    pub fn fit_in(&self, place: &Place, id: u32) -> f64 {
        let before = place.before;
        let mut score =
            self.log_total + self.log_p_given(place.after_two_before, place.pairs_after_before, id);
        if let Some((next, alone)) = place.next {
            score += self.log_p3(before, Some(id), next) - alone;
            if let Some((after_next, after_next_alone)) = place.two_after {
                score += self.log_p3(Some(id), Some(next), after_next) - after_next_alone;
            }
        }
        score
    }

    /// How much likelier the pairs make the word `id` after `before`, and
    /// `after` after it, than each is anywhere, as log10: the pointwise
    /// mutual information of the two pairs. Below 0, the neighbours make
    /// the word less likely than it is anywhere.
    pub fn lift_by_pairs(&self, before: u32, id: u32, after: u32) -> f64 {
        self.log_p(Some(before), id) - self.log_p(None, id) + self.log_p(Some(id), after)
            - self.log_p(None, after)
    }

    /// Whether the triples hold these three words in a row.
    pub fn seen_triple(&self, first: u32, second: u32, third: u32) -> bool {
        self.triples_after(Some(first), Some(second))
            .is_some_and(|after| {
                self.marks[third as usize] & ENDS_TRIPLES != 0
                    && self
                        .triples
                        .log_p(after, self.pair_index[third as usize])
                        .is_some()
            })
    }

    /// Any word of the vocabulary, for its odds.
    pub fn id(&self, word: &str) -> Option<u32> {
        self.words.id(word)
    }

    /// log10 P(word | previous), by the pairs' model: the pair's
    /// probability, or for a pair it does not list, the word's own odds
    /// times the previous word's back-off weight (Katz's back-off, the
    /// model's own form).
    fn log_p(&self, previous: Option<u32>, id: u32) -> f64 {
        self.log_p_after(previous.and_then(|p| self.pairs_after(p)), id)
    }

    /// As `log_p`, given where the previous word's pairs are
    /// (`pairs_after`), which the segmenter finds once per history rather
    /// than once per word it weighs after it.
    fn log_p_after(&self, after: Option<u32>, id: u32) -> f64 {
        if self.marks[id as usize] & CUT != 0 {
            let cut = &self.cut[&id];
            return self.log_p_after(after, cut.first) + cut.log_p_share;
        }
        let Some(first) = after else {
            return f64::from(self.unigram[id as usize]);
        };
        self.log_p_listed(first, id)
            .unwrap_or_else(|| self.back_off_weight(after) + f64::from(self.unigram[id as usize]))
    }

    /// The odds of every word of the vocabulary after `previous`, summed:
    /// one, for a model whose back-off weights are right.
    #[cfg(test)]
    pub fn total_after(&self, previous: u32) -> f64 {
        (0..self.unigram.len() as u32)
            .map(|id| 10f64.powf(self.log_p(Some(previous), id)))
            .sum()
    }

    /// log10 of the back-off weight of the word whose pairs are at `after`
    /// (0 with no such word): what a word in a pair the model does not
    /// list pays on its own odds, and so also a string no pair holds.
    fn back_off_weight(&self, after: Option<u32>) -> f64 {
        after.map_or(0.0, |first| f64::from(self.back_off[first as usize]))
    }

    /// Which of a position's histories a string no pair holds best follows,
    /// as (score, index): after a word that pairs, such a string takes that
    /// word's back-off weight (`back_off_weight`), so the best history is
    /// not always the one with the best score. Once per position, as the
    /// pair lists are large and each look costs a cache miss.
    fn best_before_unpaired(&self, beam: &Beam) -> (f64, usize) {
        beam.states()
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.paired_only)
            .map(|(k, s)| {
                let back_off = s.triples.map_or(0.0, |t| self.triples.back_off(t));
                (s.score + back_off + self.back_off_weight(s.after), k)
            })
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .unwrap_or((f64::NEG_INFINITY, 0))
    }

    /// log10 P(word), if the vocabulary has it.
    pub fn unigram_log_p(&self, word: &str) -> Option<f32> {
        match self.id(word) {
            Some(id) => Some(self.unigram[id as usize]),
            None => self.short.get(word).copied(),
        }
    }

    /// log10 P of the rarest word the corpus counts: the odds of a word it
    /// does not count.
    pub fn log_p_rarest(&self) -> f64 {
        self.log_p_rarest
    }

    /// log10 of how often the web writes `joined` for each time the pair
    /// `first second` is written apart: the vocabulary's odds of the one,
    /// over the first word's odds times the pairs' odds of the second
    /// after it. `None` where the vocabulary lacks one of them or the pairs
    /// do not hold the pair.
    pub fn closed_over_apart(&self, joined: &str, first: &str, second: &str) -> Option<f64> {
        let (first, second) = (self.id(first)?, self.id(second)?);
        let pair = self.log_p_listed(self.pairs_after(first)?, second)?;
        let joined = self.unigram_log_p(joined)?;
        Some(f64::from(joined) - f64::from(self.unigram[first as usize]) - pair)
    }

    /// One of the 83 words that each make up at least 0.1% of the
    /// corpus's counts (`the`, `of`, `in`, `a`…).
    pub fn is_common(&self, word: &str) -> bool {
        self.id(word)
            .is_some_and(|id| self.unigram[id as usize] >= COMMON_LOG_P)
    }

    /// How likely `words` are, in a row, between `previous` and `next`:
    /// log10 of the corpus size plus the log10 odds of each word given the
    /// one before, plus how much the last lifts `next`. For one word with
    /// no neighbours that is its log10 count; readings of the same typed
    /// text (one word, or two) compare directly. `None` if one of `words`
    /// is not a dictionary word: a correction is never a word that is only
    /// in the wider vocabulary (`teh`, `alot`).
    pub fn phrase_score(
        &self,
        previous: Option<&str>,
        words: &[&str],
        next: Option<&str>,
    ) -> Option<f64> {
        let ids = words.iter().map(|word| self.dictionary_id(word));
        self.score_in_a_row(previous, ids, next)
    }

    /// `phrase_score` of words given by id, `None` if one of them is.
    fn score_in_a_row(
        &self,
        previous: Option<&str>,
        ids: impl IntoIterator<Item = Option<u32>>,
        next: Option<&str>,
    ) -> Option<f64> {
        let mut before = previous.and_then(|p| self.id(p));
        let mut score = self.log_total;
        for id in ids {
            let id = id?;
            score += self.log_p(before, id);
            before = Some(id);
        }
        if let Some(next) = next.and_then(|n| self.id(n)) {
            score += self.log_p(before, next) - self.log_p(None, next);
        }
        Some(score)
    }

    /// As `phrase_score` for a word that no list holds, read as meant
    /// (`yopp`, `farecard`) after `previous`: the odds of such a word,
    /// times how like a word it is spelt. `None` for a word with other
    /// than `a`–`z`.
    pub fn unknown_score(&self, previous: Option<&str>, word: &str) -> Option<f64> {
        if !word.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        let before = previous.and_then(|p| self.id(p));
        let spelt = self
            .letters
            .log_p(word.as_bytes())
            .max(self.compound_log_p(word));
        let after = before.and_then(|p| self.pairs_after(p));
        Some(self.log_total + self.back_off_weight(after) + self.log_p_unknown(spelt))
    }

    /// log10 odds of `word`, a string no list holds, as two dictionary
    /// words of `MIN_COMPOUND_PART` letters or more run together
    /// (`evergrowing`, `redtape`): the two words' odds, times the share of
    /// such strings that are compounds (`LOG_COMPOUND_SHARE`); minus
    /// infinity where it is none.
    fn compound_log_p(&self, word: &str) -> f32 {
        (MIN_COMPOUND_PART..=word.len().saturating_sub(MIN_COMPOUND_PART))
            .filter_map(|cut| {
                let (first, second) = word.split_at(cut);
                let odds = |part: &str| Some(self.unigram[self.dictionary_id(part)? as usize]);
                Some(odds(first)? + odds(second)?)
            })
            .fold(f32::NEG_INFINITY, f32::max)
            + LOG_COMPOUND_SHARE
    }

    /// As `phrase_score` for one word of the wider vocabulary too (`teh`,
    /// `tenafly`, `moines`): how well the word as typed fits in its
    /// place, to weigh against a correction's score. Its pairs count as a
    /// dictionary word's do: the model's text writes `alot` too, but
    /// that is what the vocabulary's discount is for
    /// (`UNVETTED_WORD_COST`), and without them `des moines` and `en
    /// masse` became `de mines` and `en mass`.
    pub fn typed_score(
        &self,
        previous: Option<&str>,
        word: &str,
        next: Option<&str>,
    ) -> Option<f64> {
        self.score_in_a_row(previous, [self.id(word)], next)
    }

    /// The odds of a string no list holds, as one word: the odds of such a
    /// word at all, times how like a word it is spelt (`spelt`, from
    /// `letters`), and never more than the rarest word the corpus counts.
    fn log_p_unknown(&self, spelt: f32) -> f64 {
        (LOG_P_UNKNOWN_WORD + f64::from(spelt)).min(self.log_p_rarest)
    }

    /// A regular inflection of a dictionary word (`lukewarmly`,
    /// `intentness`), as the corrector reads one: a stem of
    /// `MIN_INFLECTED_STEM` letters or more that is a dictionary word, and
    /// one of `INFLECTIONS` it may take, with no doubled consonant
    /// (`stoped`, `writting` are slips), unless the stem is inflected
    /// already in a way that does not take it (`NOT_AFTER_INFLECTED`:
    /// `guideded`, `usinging`).
    pub fn is_inflection(&self, word: &str) -> bool {
        let stems = Self::inflection_stems(word, word.len(), false);
        let known = |word: &str| self.is_dictionary_word(word);
        stems.ends[..stems.len].iter().any(|&e| {
            let stem = &word[..e];
            let not_after = word_forms::not_after_inflected(&word[e..]);
            e >= MIN_INFLECTED_STEM
                && known(stem)
                && !word_forms::is_inflected_with(stem, not_after, &known)
        })
    }

    /// Where the stem would end if `letters[..end]` ends in a regular
    /// inflection (`kayak|ed`, `tithe|d`; with `doubled`, `job|bed` too):
    /// the same for every start, so the segmenter works it out once per
    /// position.
    fn inflection_stems(letters: &str, end: usize, doubled: bool) -> Stems {
        let (head, bytes) = (&letters[..end], letters.as_bytes());
        let mut stems = Stems::default();
        // The segmenter asks at every position, and most end in a letter
        // no ending ends with: one comparison each, before any string's.
        let last = head.as_bytes().last();
        for &(suffix, after, not_after) in INFLECTIONS {
            if suffix.as_bytes().last() != last {
                continue;
            }
            let Some(stem) = head.strip_suffix(suffix) else {
                continue;
            };
            if word_forms::takes(stem, after, not_after) {
                stems.push(stem.len());
            }
            // jobbed, jobbing: the last consonant doubled
            let e = stem.len();
            let ends_doubled = e >= 2 && bytes[e - 1] == bytes[e - 2];
            if doubled && matches!(suffix, "ed" | "ing") && ends_doubled {
                stems.push(e - 1);
            }
        }
        stems
    }

    /// Whether `letters[start..end]` is a regular inflection of a dictionary
    /// word that the corpus does not count (`kayaked`, `jobbed`, `tithed`,
    /// `jimmied`, `sleekness`). `stems` are `inflection_stems` at `end`;
    /// `words_ending[e]` has bit `e - s - 1` set when `letters[s..e]` is a
    /// dictionary word, for every `e < end`: the search looked each stem up
    /// already, so this costs no lookup.
    fn is_inflected(
        &self,
        letters: &str,
        (start, end): (usize, usize),
        stems: &Stems,
        words_ending: &[u32],
    ) -> bool {
        stems.ends[..stems.len].iter().any(|&e| {
            e >= start + MIN_INFLECTED_STEM && words_ending[e] & (1 << (e - start - 1)) != 0
        }) || letters[start..end].strip_suffix("ied").is_some_and(|stem| {
            // jimmied, carried: `y` turned to `i` (the stem is no substring)
            stem.len() >= MIN_INFLECTED_STEM && self.is_dictionary_word(&format!("{stem}y"))
        })
    }

    /// Where to cut lowercase ASCII `letters` into words: the most likely
    /// sequence under the model, each word weighed after the two before it
    /// (Viterbi, keeping the best few histories per position), never at
    /// the offsets in `held` (where an apostrophe was taken out: `dont` is
    /// `don't`, one word; in order), between the words `around`
    /// (`SENTENCE_START`, `SENTENCE_END`, or none). Returns the end offset
    /// of each word.
    pub fn segment(&self, letters: &str, held: &[usize], around: Around<'_>) -> Vec<usize> {
        self.segment_scored(letters, held, around).1
    }

    /// As `segment`, with the log10 odds of the words it cuts (the word
    /// after included), to weigh one reading of a string against another's
    /// (a round number's plural, `segment::number_ending`; the words before
    /// a `g` left out, `segment::ends_before_dropped_g`); minus infinity
    /// where no cut is possible.
    pub fn segment_scored(
        &self,
        letters: &str,
        held: &[usize],
        around: Around<'_>,
    ) -> (f64, Vec<usize>) {
        let n = letters.len();
        let unknown = self.letters.each_string(letters.as_bytes(), MAX_WORD_LEN);
        let mut beams = vec![Beam::default(); n + 1];
        // For each position, the best history to follow with a string no
        // pair holds, and its score (`best_before_unpaired`).
        let mut unpaired = vec![(0.0, 0); n + 1];
        // Which strings ending at each position are dictionary words
        // (`is_inflected`).
        let mut words_ending = vec![0u32; n + 1];
        let (before, next) = (
            around.0.and_then(|w| self.id(w)),
            around.1.and_then(|w| self.id(w)),
        );
        beams[0].offer(State {
            score: 0.0,
            start: 0,
            word: before,
            after: before.and_then(|id| self.pairs_after(id)),
            triples: None,
            back: 0,
            paired_only: false,
        });
        for end in 1..=n {
            if end < n && held.binary_search(&end).is_ok() {
                // No word ends here, so none starts here either.
                continue;
            }
            let mut here = Beam::default();
            let stems = Self::inflection_stems(letters, end, true);
            // The last apostrophe taken out before `end`, if any: a string
            // that starts before it holds it.
            let apostrophe = held.iter().rev().copied().find(|&at| at < end);
            for start in end.saturating_sub(MAX_WORD_LEN)..end {
                let from = &beams[start];
                if from.states().is_empty() {
                    continue;
                }
                let string = &letters[start..end];
                let id = match apostrophe.filter(|&at| start < at) {
                    Some(at) => self.held_word(letters, (start, at, end)),
                    None => self
                        .id(string)
                        .or_else(|| self.unlisted_bare_contraction(string)),
                };
                match id {
                    Some(id) => {
                        if id < self.dictionary_words {
                            words_ending[end] |= 1 << (end - start - 1);
                        }
                        let paired_only = self.is_cut_only_where_paired(id, string);
                        // `dont` is `don't` with its apostrophe taken out,
                        // not `don t` as the model's text cut it.
                        let id = self.contraction_of_bare(id);
                        let after = self.pairs_after(id);
                        for (k, s) in from.states().iter().enumerate() {
                            if (paired_only || s.paired_only)
                                && s.after.and_then(|a| self.log_p_listed(a, id)).is_none()
                            {
                                continue;
                            }
                            here.offer(State {
                                paired_only,
                                score: s.score + self.log_p_given(s.triples, s.after, id),
                                start,
                                word: Some(id),
                                after,
                                triples: None,
                                back: k,
                            });
                        }
                    }
                    None => {
                        // An inflection the corpus does not count is as
                        // likely as the forms the lexicon makes: without
                        // it, `kayaked` was cut into `kayak ed`. So is a
                        // word made by `un` or `non` (`u n entitled`),
                        // asked only of strings that start as they do.
                        let made = self.is_inflected(letters, (start, end), &stems, &words_ending)
                            || (matches!(letters.as_bytes()[start], b'u' | b'n')
                                && word_forms::is_negated(&letters[start..end], |rest| {
                                    self.is_dictionary_word(rest)
                                }));
                        let log_p = if made {
                            self.log_p_rarest
                        } else {
                            self.log_p_unknown(unknown[start * MAX_WORD_LEN + end - start - 1])
                        };
                        let (score, back) = unpaired[start];
                        here.offer(State {
                            paired_only: false,
                            score: score + log_p,
                            start,
                            word: None,
                            after: None,
                            triples: None,
                            back,
                        })
                    }
                }
            }
            // The triples after each kept history's last two words: looked
            // up for the few kept, not for every one weighed.
            for state in &mut here.states[..here.len] {
                let previous = beams[state.start].states()[state.back].word;
                state.triples = self.triples_after(previous, state.word);
            }
            beams[end] = here;
            unpaired[end] = self.best_before_unpaired(&here);
        }
        if beams[n].states().is_empty() {
            // Apostrophes hold more letters together than a word has
            // (`MAX_WORD_LEN`): no cut is possible, so none is made.
            return (f64::NEG_INFINITY, vec![n]);
        }
        // The best history once the word after is weighed too.
        let (score, k) = beams[n]
            .states()
            .iter()
            .enumerate()
            .map(|(k, s)| {
                (
                    s.score + next.map_or(0.0, |id| self.log_p_given(s.triples, s.after, id)),
                    k,
                )
            })
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .unwrap_or((0.0, 0));
        let mut ends = Vec::new();
        let (mut end, mut k) = (n, k);
        while end > 0 {
            let state = beams[end].states()[k];
            ends.push(end);
            (end, k) = (state.start, state.back);
        }
        ends.reverse();
        let ends = self.spelt_out_joined(letters, held, ends);
        (score, self.clitics_joined(letters, ends))
    }

    /// The contraction `string` spells when it is no word of the lexicon
    /// (`im`, `aint`).
    #[inline]
    fn unlisted_bare_contraction(&self, string: &str) -> Option<u32> {
        let [first @ b'a'..=b'z', .., last @ b'a'..=b'z'] = string.as_bytes() else {
            return None;
        };
        if self.unlisted_bare_ends[usize::from(first - b'a')] & 1 << (last - b'a') == 0 {
            return None;
        }
        self.unlisted_bare.get(string).copied()
    }

    /// The word `letters[start..end]` is with an apostrophe taken out at
    /// `at`: the contraction it spells (`there's`, `ain't`), or, for a
    /// possessive or a contraction the dictionary lacks, its bare letters
    /// (`summers` of `summer's`) when a word comes before the apostrophe
    /// and an ending after it (not `the re's`, `a in't`, `cur s'd`).
    #[cold]
    fn held_word(&self, letters: &str, (start, at, end): (usize, usize, usize)) -> Option<u32> {
        let (before, after) = (&letters[start..at], &letters[at..end]);
        if let Some(id) = self.dictionary_id(&format!("{before}'{after}")) {
            return Some(id);
        }
        let ending = matches!(after, "s" | "d" | "ll" | "ve" | "re" | "m" | "t");
        let word_before = (before.len() >= 2 || before == "i") && self.id(before).is_some();
        (ending && word_before)
            .then(|| self.id(&letters[start..end]))
            .flatten()
    }

    /// `ends` with each run of two or more letters cut one by one joined,
    /// where the run is a word of the lexicon: the model's text spelt
    /// abbreviations out (`t v`, 10^−0.49; `m r`, `e s p`), so it reads
    /// `thetvisbroken` as `the t v is broken`, where text written without
    /// spaces wrote `tv`. `a` and `i` are words of their own and end a run;
    /// a run is one abbreviation or none (`i g m m l p t k` stays).
    fn spelt_out_joined(&self, letters: &str, held: &[usize], ends: Vec<usize>) -> Vec<usize> {
        let is_letter = |start: usize, end: usize| {
            end == start + 1 && !matches!(letters.as_bytes()[start], b'a' | b'i')
        };
        let mut joined: Vec<usize> = Vec::with_capacity(ends.len());
        let (mut start, mut k) = (0, 0);
        while k < ends.len() {
            // The words from the `k`th on that are single letters.
            let (mut run, mut end) = (k, start);
            while run < ends.len() && is_letter(end, ends[run]) {
                end = ends[run];
                run += 1;
            }
            let is_abbreviation = run >= k + 2
                && self.id(&letters[start..end]).is_some()
                && !held.iter().any(|&at| start < at && at < end);
            if is_abbreviation {
                joined.push(end);
            } else {
                run = run.max(k + 1);
                joined.extend_from_slice(&ends[k..run]);
                end = ends[run - 1];
            }
            (start, k) = (end, run);
        }
        joined
    }

    /// `ends` without the cut before a contraction's or a possessive's
    /// ending: the model's text cut them at the apostrophe (`don t`, `he
    /// s`, `you re`), and text with its apostrophes taken out writes them
    /// whole (`dont`, `hes`, `youre`). A lone `s` after a word of two
    /// letters or more is a possessive's; the other endings join a word
    /// they make a contraction with (`don't`, `i'm`; not `a t shirt`).
    fn clitics_joined(&self, letters: &str, ends: Vec<usize>) -> Vec<usize> {
        let mut joined: Vec<usize> = Vec::with_capacity(ends.len());
        for end in ends {
            let start = joined.last().copied().unwrap_or(0);
            let before = joined.len().checked_sub(2).map_or(0, |k| joined[k]);
            let (word, piece) = (&letters[before..start], &letters[start..end]);
            let contraction = || self.is_dictionary_word(&format!("{word}'{piece}"));
            let clitic = !word.is_empty()
                && match piece {
                    "s" => word.len() >= 2 || contraction(),
                    "t" | "m" | "d" | "re" | "ve" | "ll" => contraction(),
                    _ => false,
                };
            if clitic {
                joined.pop();
            }
            joined.push(end);
        }
        joined
    }
}

/// One way the letters up to a position could have been written: its
/// score, where its last word starts, that word (`None` for a string the
/// vocabulary lacks), where its pairs are and where the triples after it
/// and the word before it are (for the next word: `Lexicon::pairs_after`,
/// `Lexicon::triples_after`), and which of the previous position's states
/// it extends.
#[derive(Clone, Copy)]
struct State {
    score: f64,
    start: usize,
    word: Option<u32>,
    after: Option<u32>,
    triples: Option<u32>,
    back: usize,
    /// Its word stands only beside a word the pairs hold it with
    /// (`Lexicon::is_cut_only_where_paired`): the next must be one too.
    paired_only: bool,
}

/// The best `BEAM` states at a position, best first: kept by insertion, as
/// each position weighs dozens of states to keep four.
#[derive(Clone, Copy)]
struct Beam {
    states: [State; BEAM],
    len: usize,
}

impl Default for Beam {
    fn default() -> Self {
        let empty = State {
            score: f64::NEG_INFINITY,
            start: 0,
            word: None,
            after: None,
            triples: None,
            back: 0,
            paired_only: false,
        };
        Beam {
            states: [empty; BEAM],
            len: 0,
        }
    }
}

impl Beam {
    fn states(&self) -> &[State] {
        &self.states[..self.len]
    }

    fn offer(&mut self, state: State) {
        if self.len == BEAM && state.score <= self.states[BEAM - 1].score {
            return;
        }
        let mut at = self.len.min(BEAM - 1);
        while at > 0 && self.states[at - 1].score < state.score {
            self.states[at] = self.states[at - 1];
            at -= 1;
        }
        self.states[at] = state;
        self.len = (self.len + 1).min(BEAM);
    }
}

/// Where stems end before the inflections one position ends in: a few at
/// most (each ending once, and once more doubled), kept without allocating,
/// as the search asks at every letter.
#[derive(Default)]
struct Stems {
    ends: [usize; 2 * INFLECTIONS.len()],
    len: usize,
}

impl Stems {
    fn push(&mut self, end: usize) {
        self.ends[self.len] = end;
        self.len += 1;
    }
}

/// The word a contraction was counted as, the corpus's tokenizer having
/// cut it at the apostrophe (`is` of `isn't`, `that` of `that's`).
fn first_part(contraction: &str) -> Option<&str> {
    if let Some(first) = contraction.strip_suffix("n't") {
        return Some(first);
    }
    let (first, rest) = contraction.split_once('\'')?;
    ["s", "re", "ve", "ll", "d", "m"]
        .contains(&rest)
        .then_some(first)
}

/// How often the corpus would count each pair word (by index in `pairs`)
/// as the pairs predict it: the counts of the words before it, times its
/// probability after each. The listed pairs leave out the back-off's share
/// and the words that start a text, so the predictions are scaled to
/// match the counts of the words both know (the corpus counts 1.38 times
/// what the listed pairs predict).
fn predicted_counts(pairs: &WordPairs, ids: &[Option<u32>], counts: &[i64]) -> Vec<f64> {
    let count = |index: usize| ids[index].map_or(0.0, |id| counts[id as usize] as f64);
    let mut predicted = vec![0.0; ids.len()];
    for first in 0..ids.len() {
        let before = count(first);
        if before > 0.0 {
            for (second, p) in pairs.followers_with_probability(first as u32) {
                predicted[second as usize] += before * p;
            }
        }
    }
    let (counted, expected) = (0..ids.len())
        .filter(|&i| count(i) > 0.0 && predicted[i] > 0.0)
        .fold((0.0, 0.0), |(c, e), i| (c + count(i), e + predicted[i]));
    let scale = if expected > 0.0 {
        counted / expected
    } else {
        0.0
    };
    predicted.iter().map(|p| p * scale).collect()
}

/// log10 of the back-off weight of the word at `first` in `pairs`: the
/// odds the model leaves to the pairs it does not list after the word,
/// over the single odds of the words it does not list there, so that the
/// odds of what follows the word add up to one (Katz). `alone`: each pair
/// word's single odds, by index in `pairs` (0 for a word the lexicon
/// lacks).
fn back_off(pairs: &WordPairs, first: u32, alone: &[f64]) -> f32 {
    let (mut listed, mut listed_alone) = (0.0, 0.0);
    for (second, p) in pairs.followers_with_probability(first) {
        listed += p;
        listed_alone += alone[second as usize];
    }
    // A model that left nothing over would make every other pair
    // impossible; CMU's leaves at least 0.9 % after any word.
    let left = (1.0 - listed).max(f64::MIN_POSITIVE);
    (left / (1.0 - listed_alone).max(f64::EPSILON)).log10() as f32
}

#[cfg(test)]
mod tests {
    use rustc_hash::FxHashSet;
    use spelling_index::{WordPairs, WordTriples};

    use super::{Around, Lexicon, WordsAround, SENTENCE_END, SENTENCE_START};

    fn lexicon(unigrams: &[(&str, i64)], pairs: &[(&str, i64)]) -> Lexicon {
        Lexicon::new(
            unigrams,
            &FxHashSet::default(),
            [].into_iter(),
            [].into_iter(),
            counted(pairs),
        )
    }

    /// Pairs from `first second` counts, as a model that leaves a tenth of
    /// what follows a word to the pairs it does not list: each pair's
    /// probability is nine tenths of its count's share of those after its
    /// first word.
    fn counted(pairs: &[(&str, i64)]) -> WordPairs {
        let after = |word: &str| -> i64 {
            let listed = pairs
                .iter()
                .filter(|(pair, _)| pair.split(' ').next() == Some(word));
            listed.map(|&(_, count)| count).sum()
        };
        WordPairs::new(pairs.iter().map(|&(pair, count)| {
            let (first, second) = pair.split_once(' ').unwrap();
            (
                first,
                second,
                (0.9 * count as f64 / after(first) as f64).log10(),
            )
        }))
    }

    fn words<'a>(lexicon: &Lexicon, text: &'a str) -> Vec<&'a str> {
        words_around(lexicon, text, (None, None))
    }

    fn words_around<'a>(lexicon: &Lexicon, text: &'a str, around: Around<'_>) -> Vec<&'a str> {
        let mut start = 0;
        lexicon
            .segment(text, &[], around)
            .into_iter()
            .map(|end| {
                let word = &text[start..end];
                start = end;
                word
            })
            .collect()
    }

    /// The pairs predict a word's count from the words before it, scaled
    /// to the counts of the words the corpus and the pairs both know.
    #[test]
    fn the_pairs_predict_how_often_a_word_follows_others() {
        let unigrams = [("the", 600), ("cat", 300), ("sat", 100)];
        let lexicon = lexicon(&unigrams, &[("the cat", 3), ("the sat", 1), ("cat sat", 1)]);
        let ids: Vec<Option<u32>> = lexicon.pairs.words().map(|w| lexicon.id(w)).collect();
        let mut counts = vec![0; lexicon.unigram.len()];
        for (word, count) in unigrams {
            counts[lexicon.id(word).unwrap() as usize] = count;
        }
        let predicted = super::predicted_counts(&lexicon.pairs, &ids, &counts);
        let at = |word| predicted[lexicon.pairs.words().position(|w| w == word).unwrap()];
        // `cat`: 600 × 0.675 = 405; `sat`: 600 × 0.225 + 300 × 0.9 = 405;
        // scaled by what they are counted, 400 of 810.
        assert!((at("cat") - 200.0).abs() < 0.5, "{}", at("cat"));
        assert!((at("sat") - 200.0).abs() < 0.5, "{}", at("sat"));
        assert_eq!(at("the"), 0.0);
    }

    /// Katz's back-off: a listed pair at the model's probability, any
    /// other word at its own odds times what the listed pairs leave over,
    /// so that what may follow a word adds up to one.
    #[test]
    fn what_follows_a_word_adds_up_to_one() {
        let unigrams = [("of", 400), ("the", 300), ("cat", 200), ("sat", 100)];
        let lexicon = lexicon(&unigrams, &[("of the", 3), ("of cat", 1)]);
        let id = |word| lexicon.id(word).unwrap();
        let p = |word| 10f64.powf(lexicon.log_p(Some(id("of")), id(word)));
        assert!((p("the") - 0.675).abs() < 0.001, "{}", p("the"));
        // A tenth left over, shared by `of` and `sat` as their odds are.
        assert!(
            (p("sat") - 0.1 * 100.0 / 500.0).abs() < 0.001,
            "{}",
            p("sat")
        );
        let all: f64 = unigrams.iter().map(|(word, _)| p(word)).sum();
        assert!((all - 1.0).abs() < 0.002, "{all}");
        // After a word no pair starts with, a word's own odds.
        let after_sat = lexicon.log_p(Some(id("sat")), id("cat"));
        assert!((after_sat - 0.2f64.log10()).abs() < 1e-6);
    }

    #[test]
    fn the_likeliest_cut_wins_and_pairs_tip_the_balance() {
        let unigrams = [
            ("the", 1000),
            ("past", 50),
            ("pas", 60),
            ("t", 40),
            ("a", 500),
            ("st", 30),
        ];
        let plain = lexicon(&unigrams, &[]);
        assert_eq!(words(&plain, "thepast"), vec!["the", "past"]);
        // `now here` and `no where` are equally likely word by word; the
        // pair counts decide.
        let unigrams = [
            ("now", 100),
            ("here", 100),
            ("no", 100),
            ("where", 100),
            ("x", 100),
        ];
        let seen = |pair: &str| lexicon(&unigrams, &[("x now", 5), ("x no", 5), (pair, 1_000)]);
        assert_eq!(
            words(&seen("no where"), "xnowhere"),
            vec!["x", "no", "where"]
        );
        assert_eq!(
            words(&seen("now here"), "xnowhere"),
            vec!["x", "now", "here"]
        );
    }

    /// `now here` is a little likelier word by word, but what starts
    /// sentences, or what ends them, says `no where`.
    #[test]
    fn a_sentence_starts_and_ends_as_the_pairs_say() {
        let unigrams = [("now", 110), ("here", 100), ("no", 100), ("where", 100)];
        let plain = lexicon(&unigrams, &[]);
        assert_eq!(words(&plain, "nowhere"), vec!["now", "here"]);
        let starts = lexicon(&unigrams, &[("<s> no", 5), ("<s> now", 1)]);
        assert_eq!(words(&starts, "nowhere"), vec!["now", "here"]);
        let start = (Some(SENTENCE_START), None);
        assert_eq!(words_around(&starts, "nowhere", start), vec!["no", "where"]);
        // After `here`, which starts no pair, a sentence ends at the odds
        // the model gives an end alone (one in 13); after `where`, at 0.9.
        let ends = lexicon(&unigrams, &[("where </s>", 1)]);
        assert_eq!(words(&ends, "nowhere"), vec!["now", "here"]);
        let end = (None, Some(SENTENCE_END));
        assert_eq!(words_around(&ends, "nowhere", end), vec!["no", "where"]);
    }

    #[test]
    fn a_triple_overrules_the_pair_and_other_words_pay_its_back_off() {
        let unigrams = [
            ("in", 100),
            ("when", 100),
            ("doubt", 10),
            ("debt", 30),
            ("do", 50),
        ];
        let pairs = [("when in", 10), ("in debt", 3), ("in doubt", 1)];
        let plain = lexicon(&unigrams, &pairs);
        let triples = WordTriples::new(
            &counted(&pairs),
            [("when", "in", "doubt", 0.5f64.log10())],
            [("when", "in", -1.0)],
        )
        .unwrap();
        let with = lexicon(&unigrams, &pairs).with_triples(triples);
        let around = |two_before| WordsAround {
            two_before,
            before: Some("in"),
            next: None,
            two_after: None,
        };
        let fit = |l: &Lexicon, two_before, word| {
            l.fit_in(
                &l.place(&around(two_before)),
                l.dictionary_id(word).unwrap(),
            )
        };
        // One word before: the pairs, `in debt` the likelier.
        assert!(fit(&plain, Some("when"), "debt") > fit(&plain, Some("when"), "doubt"));
        assert!(fit(&with, None, "debt") > fit(&with, None, "doubt"));
        // Two: the triple lists `when in doubt` at a half, and `debt`
        // pays the back-off weight, a tenth, on its pair's odds.
        let log_total = fit(&with, None, "doubt")
            - plain.log_p(Some(plain.id("in").unwrap()), plain.id("doubt").unwrap());
        assert!((fit(&with, Some("when"), "doubt") - log_total - 0.5f64.log10()).abs() < 0.001);
        assert!((fit(&with, Some("when"), "debt") - fit(&with, None, "debt") + 1.0).abs() < 0.001);
        assert!(fit(&with, Some("when"), "doubt") > fit(&with, Some("when"), "debt"));
    }

    #[test]
    fn no_word_ends_where_a_cut_is_held() {
        let lexicon = lexicon(&[("don", 100), ("t", 100), ("dont", 1), ("stop", 100)], &[]);
        assert_eq!(
            lexicon.segment("dontstop", &[], (None, None)),
            vec![3, 4, 8]
        );
        assert_eq!(lexicon.segment("dontstop", &[3], (None, None)), vec![4, 8]);
        // Held together for longer than a word can be: left whole.
        let held: Vec<usize> = (1..40).collect();
        assert_eq!(
            lexicon.segment(&"don".repeat(20), &held, (None, None)),
            vec![60]
        );
    }

    #[test]
    fn unknown_letters_stay_one_word_rather_than_crumbs() {
        let lexicon = lexicon(&[("a", 100), ("the", 100)], &[]);
        assert_eq!(words(&lexicon, "xqzv"), vec!["xqzv"]);
        assert_eq!(words(&lexicon, "thexqzv"), vec!["the", "xqzv"]);
        assert!(words(&lexicon, "").is_empty());
    }

    #[test]
    fn a_word_the_corpus_cut_in_two_is_its_first_part_times_its_share() {
        let unigrams = [("can", 1000), ("cannot", 1), ("you", 1000), ("see", 1000)];
        let lexicon = lexicon(&unigrams, &[("you can", 500), ("you see", 500)]);
        let after_you = |word| lexicon.phrase_score(Some("you"), &[word], None).unwrap();
        let share = after_you("cannot") - after_you("can");
        assert!((share - 0.044f64.log10()).abs() < 1e-9, "{share}");
    }

    #[test]
    fn a_contraction_is_counted_by_its_bare_letters_and_paired_as_its_first_part() {
        let dictionary = [("think", 1000), ("that", 1000), ("that's", 1)];
        let pairs = [("think that", 600), ("think more", 400)];
        let typed_bare = |count| {
            let vocabulary = [("thats", count)];
            Lexicon::new(
                &dictionary,
                &FxHashSet::default(),
                [].into_iter(),
                vocabulary.into_iter(),
                counted(&pairs),
            )
        };
        // `thats` typed 10 times: `that's` written 10 / 0.02 = 500 times,
        // so after `think` half as likely as `that`, whose pair it takes.
        let lexicon = typed_bare(10);
        let after_think = |word| lexicon.phrase_score(Some("think"), &[word], None).unwrap();
        let halved = after_think("that's") - after_think("that");
        assert!((halved - 0.5f64.log10()).abs() < 1e-9, "{halved}");
        // Never commoner than its first part, which the corpus counted it as.
        let lexicon = typed_bare(100);
        let alone = |word| lexicon.phrase_score(None, &[word], None).unwrap();
        assert!((alone("that's") - alone("that")).abs() < 1e-9);
        // Bare letters that are a word of their own (`were`) say nothing.
        let dictionary = [("we", 1000), ("we're", 1), ("were", 800)];
        let lexicon = Lexicon::new(
            &dictionary,
            &FxHashSet::default(),
            [].into_iter(),
            [].into_iter(),
            counted(&[]),
        );
        let alone = |word| lexicon.phrase_score(None, &[word], None).unwrap();
        assert!(alone("we're") < alone("were") - 2.0);
    }

    #[test]
    fn a_form_no_list_holds_and_no_one_writes_is_a_guess() {
        // `explicit` makes `explicits`, `separated` makes `separatedly`;
        // the corpus counts `colors`, the word list has `hazards`.
        let dictionary = [
            ("explicit", 100),
            ("separated", 100),
            ("color", 100),
            ("hazard", 100),
        ];
        let vocabulary = [("colors", 50)];
        let lexicon = Lexicon::new(
            &dictionary,
            &FxHashSet::default(),
            ["hazards"].into_iter(),
            vocabulary.into_iter(),
            counted(&[]),
        );
        let guessed = |word| {
            let id = lexicon.dictionary_id(word).expect("a word");
            lexicon.is_guessed_form(id)
        };
        assert!(guessed("explicits") && guessed("separatedly"));
        assert!(!guessed("colors") && !guessed("hazards") && !guessed("explicit"));
    }

    #[test]
    fn vocabulary_words_are_for_odds_never_for_spelling() {
        let dictionary = [("i", 1000), ("love", 500), ("myth", 10)];
        let vocabulary = [("math", 100), ("teh", 50)];
        let lexicon = Lexicon::new(
            &dictionary,
            &FxHashSet::default(),
            [].into_iter(),
            vocabulary.into_iter(),
            counted(&[]),
        );
        assert_eq!(words(&lexicon, "ilovemath"), vec!["i", "love", "math"]);
        assert!(lexicon.is_dictionary_word("myth"));
        assert!(!lexicon.is_dictionary_word("math") && !lexicon.is_dictionary_word("teh"));
        assert!(lexicon.phrase_score(None, &["teh"], None).is_none());
        assert!(lexicon.phrase_score(Some("teh"), &["myth"], None).is_some());
    }
}
