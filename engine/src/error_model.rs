//! How likely a typed word is as a slip for a dictionary word: the
//! channel half of a noisy-channel corrector. Each edit costs −log10 of its
//! probability, so a cheap edit is a likely slip: neighbouring keys, a
//! doubled or undoubled letter, two letters swapped, one vowel for another.
//! Plain edit distance treats all of these like any other edit, which is
//! why it prefers a frequent word at the same distance (`localy` → `local`).
//! Two kinds of slip are modelled, people's misspellings (`Spelling`,
//! learnt from real ones) and typing slips (`Typing`, by the keyboard),
//! which fall anywhere; a typed word is weighed as either, as nothing tells
//! which it is.

use std::f64::consts::LOG10_2;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::irregular_forms;
use crate::model::{
    ANOTHER_TYPING_SLIP, APOSTROPHE_HABIT, FIRST_LETTER, F_TO_V, IE_TO_Y, KEY_ADDED_AT_END,
    LAST_LETTER, MAX_SLIP_COST, MIN_SOUND_WORD_LEN, OTHER_DELETION, OTHER_INSERTION,
    OTHER_KEY_ALONE, OTHER_SUBSTITUTION, O_TO_OE, RULE_PRIOR_WEIGHT, SAME_SOUND_ALONE,
    SLIP_COST_OFFSET, SLIP_PRIOR_WEIGHT, SPACE_SLIP, STUTTER_LETTERS, TRANSPOSITION, TYPING_SHARE,
    TYPING_SLIP, TYPING_WAYS, Y_TO_I,
};
use crate::sounds_like::sound_alike;

/// The cost (−log10 probability) of `typed` as a slip for `intended`: a
/// spelling slip or a typing slip, half and half (`TYPING_SHARE`). A
/// typing slip is a neighbouring key typed for a letter or beside it, two
/// letters swapped, or a letter dropped, each alike and anywhere in the
/// word, the first letter included (a fifth of the development sentences'
/// typos are at the first letter, against 1–2 % of real misspellings).
pub fn edit_cost(typed: &str, intended: &str) -> f64 {
    edit_cost_with(typed, intended, &TYPING, None)
}

/// `edit_cost` with the typing half's costs given, and the rules of
/// letters that end in `typed`, if the spelling half weighs them.
fn edit_cost_with(typed: &str, intended: &str, typing: &Typing, endings: Option<&Endings>) -> f64 {
    let (t, w) = (typed.as_bytes(), intended.as_bytes());
    let mut spelling = spelling_cost(t, w, endings);
    // `teached` for `taught`, `criterions` for `criteria`: the rule of `-ed`
    // or `-s` applied where English does not, a slip of a rule as a `y`
    // kept is, and costed the same.
    if irregular_forms::is_regular_form_of(typed, intended) {
        spelling = spelling.min(SPELLING.stem_kept);
    }
    either_slip(spelling, typing_cost(t, w, typing))
}

/// A word sent alone, weighed as a slip for dictionary words
/// (`SentAlone::cost`): as by `edit_cost`, but a key that is no neighbour
/// of the one meant may have been struck too (`model::OTHER_KEY_ALONE`:
/// `entensions` → `extensions`, not `intensions`); and which is asked about
/// because its writer is unsure how it is spelt, so its slip is likelier
/// one made by ear: a misspelling's slips of a few letters in their places
/// count as one slip each (`Rules`: `carrer` → `career`, not `carrier`),
/// and a slip that keeps the word's consonant sounds
/// (`sounds_like::sound_alike`) is `SAME_SOUND_ALONE` likelier (`peice` →
/// `piece`, not `price`; `poket` → `pocket`, not `poker`), as a
/// pronunciation model beside a letter model put more misspellings right
/// (Toutanova and Moore, 2002). It weighs words against each other, and
/// only those that sound alike gain: words shorter than
/// `MIN_SOUND_WORD_LEN` sound like too many others (`thi` like `the`).
pub struct SentAlone<'a> {
    typed: &'a str,
    /// The rules of letters that end at each end of `typed`, found once
    /// for all the words it is weighed against.
    endings: Endings,
}

impl<'a> SentAlone<'a> {
    pub fn new(typed: &'a str) -> Self {
        SentAlone {
            typed,
            endings: RULES.endings(typed.as_bytes()),
        }
    }

    /// The cost of the word sent alone as a slip for `intended`.
    pub fn cost(&self, intended: &str) -> f64 {
        let typed = self.typed;
        let cost = edit_cost_with(typed, intended, &TYPING_ALONE, Some(&self.endings));
        if typed.len() >= MIN_SOUND_WORD_LEN && typed != intended && sound_alike(typed, intended) {
            (cost - SAME_SOUND_ALONE).max(0.0)
        } else {
            cost
        }
    }
}

/// The cost of `t` typed for `w` by slips of the fingers. Each slip's
/// cost is its odds once a slip is made; the keys are struck one by one,
/// so each slip after the first is also a slip made at all
/// (`ANOTHER_TYPING_SLIP`): every edit pays both, and the first is
/// refunded one. A misspelling's slips are not so: a word spelt by ear
/// is often wrong twice (`spelling_cost`).
fn typing_cost(t: &[u8], w: &[u8], typing: &Typing) -> f64 {
    (align(t, w, typing, None) - ANOTHER_TYPING_SLIP).max(0.0)
}

/// The cost of a space left out or typed inside a word: rare as a
/// misspelling (`SPACE_SLIP`), but as a typing slip the space bar missed
/// or hit is one key like any other.
pub fn space_slip_cost() -> f64 {
    either_slip(SPACE_SLIP, TYPING_SLIP)
}

/// A slip that costs `spelling` as a misspelling and `typing` as a slip
/// of the fingers, half and half (`TYPING_SHARE`).
fn either_slip(spelling: f64, typing: f64) -> f64 {
    let p = (1.0 - TYPING_SHARE) * 10f64.powf(-spelling) + TYPING_SHARE * 10f64.powf(-typing);
    -p.log10()
}

/// The cost of the cheapest way `t` came from `w` when spelling it, by
/// optimal string alignment with the learnt costs (`Spelling`) and the
/// rules of letters, if given, or, for a word whose stem English changes
/// before its ending, by keeping the stem (`copys` for `copies`, `halfs`
/// for `halves`) and aligning what comes before.
fn spelling_cost(t: &[u8], w: &[u8], endings: Option<&Endings>) -> f64 {
    let spelling = &*SPELLING;
    let letters = align(t, w, spelling, endings);
    // What comes before the ending is the start of `t`: the rules that
    // end in it are the same.
    let stem_kept =
        stem_kept(t, w).map(|(t, w)| align(t, w, spelling, endings) + spelling.stem_kept);
    stem_kept.map_or(letters, |stem_kept| stem_kept.min(letters)) + first_letter_slip(t, w)
}

/// What comes before the ending of `w` whose `y` English turns into `i`
/// (`Y_TO_I`: `cop|ies`) or whose `f` into `ve` (`F_TO_V`: `hal|ves`), and
/// before the same ending in `t` with the stem kept (`cop|ys`, `hal|fs`),
/// if both have one.
fn stem_kept<'a>(t: &'a [u8], w: &'a [u8]) -> Option<(&'a [u8], &'a [u8])> {
    let (ending, kept, after_consonant) =
        stem_changes().find(|(ending, _, _)| w.ends_with(ending.as_bytes()))?;
    let w_stem = changing_stem(&w[..w.len() - ending.len()], after_consonant)?;
    let kept = kept.iter().find(|kept| t.ends_with(kept.as_bytes()))?;
    Some((&t[..t.len() - kept.len()], w_stem))
}

/// The endings before which English changes a stem (`Y_TO_I`, `F_TO_V`,
/// `IE_TO_Y`), each with how a writer who keeps the stem spells it, and
/// whether the stem changes only after a consonant (a `y` does: `boys`,
/// `keyed`); and the singular a writer spells with its plural's stem
/// (`O_TO_OE`: `potatoe`), after a consonant too (`radios`, `zoos`).
fn stem_changes() -> impl Iterator<Item = (&'static str, &'static [&'static str], bool)> {
    let y_to_i = Y_TO_I.iter().map(|&(ending, kept)| (ending, kept, true));
    let f_to_v = F_TO_V.iter().map(|&(ending, kept)| (ending, kept, false));
    let ie_to_y = IE_TO_Y.iter().map(|&(ending, kept)| (ending, kept, false));
    let o_to_oe = O_TO_OE.iter().map(|&(ending, kept)| (ending, kept, true));
    y_to_i.chain(f_to_v).chain(ie_to_y).chain(o_to_oe)
}

/// `stem`, if English changes it before the ending: after a consonant
/// only if it must be (`after_a_consonant`).
fn changing_stem(stem: &[u8], after_consonant: bool) -> Option<&[u8]> {
    if after_consonant {
        after_a_consonant(stem)
    } else {
        Some(stem)
    }
}

/// `stem`, if it ends in a consonant and is long enough to be a word's
/// (`cop` of `copies`; not `d` of `dies`).
fn after_a_consonant(stem: &[u8]) -> Option<&[u8]> {
    let last = *stem.last()?;
    (stem.len() >= 2 && last.is_ascii_lowercase() && !b"aeiou".contains(&last)).then_some(stem)
}

/// `typed`, if it ends with a stem kept before an ending that changes it
/// (`copys`, `halfs`), with the ending as English spells it (`copies`,
/// `halves`), and the edits between them.
pub fn stem_change_put_back(typed: &str) -> Vec<(String, usize)> {
    let mut put_back = Vec::new();
    for (ending, kept, after_consonant) in stem_changes() {
        for kept in kept.iter().filter(|kept| typed.ends_with(*kept)) {
            let stem = &typed[..typed.len() - kept.len()];
            if changing_stem(stem.as_bytes(), after_consonant).is_some() {
                // `ys` → `ies`: the `y` for an `i`, and the `e` put in;
                // `fs` → `ves` the same, `ieing` → `ying` the other way,
                // and `oe` → `o` the `e` taken out.
                let edits = strsim::osa_distance(kept, ending);
                put_back.push((format!("{stem}{ending}"), edits));
            }
        }
    }
    put_back
}

/// What each single edit costs.
trait Slips {
    fn substitution(&self, typed: u8, intended: u8) -> f64;
    /// `typed[i]` is extra.
    fn insertion(&self, typed: &[u8], i: usize) -> f64;
    /// `intended[j]` was left out.
    fn deletion(&self, intended: &[u8], j: usize) -> f64;
    /// `first` and `second`, meant in that order, were swapped.
    fn transposition(&self, first: u8, second: u8) -> f64;
    /// A few letters were typed again right after themselves
    /// (`authethentication`, `dependendents`), if that is a slip of this
    /// kind.
    fn stutter(&self) -> Option<f64>;
    /// Two letters with one between were typed in each other's place
    /// (`recude` for `reduce`), if that is a slip of this kind.
    fn swap_over(&self) -> Option<f64>;
    /// Extra for a letter typed for another as a word's last, if that is
    /// rarer than elsewhere for a slip of this kind.
    fn last_letter(&self) -> f64 {
        0.0
    }

    /// `intended[j]` was left out, an apostrophe being left out by habit
    /// rather than by a slip of either kind (`APOSTROPHE_HABIT`).
    fn left_out(&self, intended: &[u8], j: usize) -> f64 {
        if intended[j] == b'\'' {
            APOSTROPHE_HABIT
        } else {
            self.deletion(intended, j)
        }
    }
}

/// The cheapest way to type `t` when meaning `w`, by optimal string
/// alignment (edits, swaps of two neighbouring letters or of two with one
/// between, a few letters typed twice, and a rule's letters for its
/// letters, if the rules that end in `t` are given).
fn align(t: &[u8], w: &[u8], slips: &impl Slips, endings: Option<&Endings>) -> f64 {
    let (n, m) = (t.len(), w.len());
    let stutter = slips.stutter().zip(repeats(t));
    let swap_over = slips.swap_over();
    // d[i * width + j]: cost of typing t[..i] when meaning w[..j]; one
    // buffer, as this runs for every candidate of every typo.
    let width = m + 1;
    let mut d = vec![0.0f64; (n + 1) * width];
    // A letter's cost typed extra or left out depends on its place alone,
    // not on the cell: reckoned once a letter, not once a cell.
    let extra: Vec<f64> = (0..n).map(|i| slips.insertion(t, i)).collect();
    let left_out: Vec<f64> = (0..m).map(|j| slips.left_out(w, j)).collect();
    for i in 1..=n {
        d[i * width] = d[(i - 1) * width] + extra[i - 1];
    }
    for j in 1..=m {
        d[j] = d[j - 1] + left_out[j - 1];
    }
    for i in 1..=n {
        // The letters typed twice that end at `i`, as bits (`repeats`).
        let (repeated, stutter_cost) = match &stutter {
            Some((cost, repeats)) => (repeats[i], *cost),
            None => (0, 0.0),
        };
        for j in 1..=m {
            let mut substitute =
                d[(i - 1) * width + j - 1] + slips.substitution(t[i - 1], w[j - 1]);
            if i == n && j == m && t[i - 1] != w[j - 1] {
                substitute += slips.last_letter();
            }
            let insert = d[(i - 1) * width + j] + extra[i - 1];
            let delete = d[i * width + j - 1] + left_out[j - 1];
            let mut best = substitute.min(insert).min(delete);
            if i > 1
                && j > 1
                && t[i - 1] == w[j - 2]
                && t[i - 2] == w[j - 1]
                && t[i - 1] != t[i - 2]
            {
                best =
                    best.min(d[(i - 2) * width + j - 2] + slips.transposition(w[j - 2], w[j - 1]));
            }
            if let Some(cost) = swap_over {
                if i > 2
                    && j > 2
                    && t[i - 1] == w[j - 3]
                    && t[i - 3] == w[j - 1]
                    && t[i - 2] == w[j - 2]
                    && t[i - 1] != t[i - 3]
                {
                    best = best.min(d[(i - 3) * width + j - 3] + cost);
                }
            }
            for &(meant, typed_len, cost) in endings.map_or(&[][..], |e| e.at(i)) {
                // A few letters: byte by byte, the last first, is quicker
                // than a comparison of slices.
                if meant.len() <= j
                    && meant
                        .iter()
                        .rev()
                        .zip(w[..j].iter().rev())
                        .all(|(a, b)| a == b)
                {
                    best = best.min(d[(i - typed_len) * width + j - meant.len()] + cost);
                }
            }
            if repeated != 0 {
                for k in STUTTER_LETTERS
                    .into_iter()
                    .filter(|k| repeated & (1 << k) != 0)
                {
                    best = best.min(d[(i - k) * width + j] + stutter_cost);
                }
            }
            d[i * width + j] = best;
        }
    }
    d[n * width + m]
}

/// `typed` with each stutter taken out (`authethentication` →
/// `authentication`), and how many letters each took out; none if what
/// is left would be longer than `longest`, the longest word: a stutter
/// takes out four letters at most, and a long run of one letter repeats
/// at every letter (10,000 `a`s made 30,000 strings of 10,000 letters,
/// 375 MB).
pub fn stutters_undone(typed: &str, longest: usize) -> Vec<(String, usize)> {
    let t = typed.as_bytes();
    let mut undone = Vec::new();
    let most_taken_out = STUTTER_LETTERS.into_iter().max().unwrap_or(0);
    if t.len() > longest + most_taken_out {
        return undone;
    }
    for (i, bits) in repeats(t).unwrap_or_default().into_iter().enumerate() {
        for k in STUTTER_LETTERS.into_iter().filter(|k| bits & (1 << k) != 0) {
            // The repeats are of bytes: text that is no plain word may
            // repeat part of a letter.
            if let (Some(before), Some(after)) = (typed.get(..i - k), typed.get(i..)) {
                undone.push((format!("{before}{after}"), k));
            }
        }
    }
    // `deleteted`: `et` or `te` typed twice, the same word either way.
    undone.sort_unstable();
    undone.dedup();
    undone
}

/// `typed` with each two letters that have one between them put back in
/// each other's place (`recude` → `reduce`, `rudece`, `recedu`), each
/// given to `each` in turn from one buffer: few of them are words. None if
/// `typed` is longer than `longest`, the longest word: a swap keeps the
/// length, and each string would be a lookup of the whole of it.
pub fn each_swap_over_undone(typed: &str, longest: usize, mut each: impl FnMut(&str)) {
    if typed.len() > longest {
        return;
    }
    let mut swapped = typed.as_bytes().to_vec();
    for i in 2..swapped.len() {
        // Two bytes of other text swapped would be no text.
        if swapped[i] == swapped[i - 2] || !swapped[i].is_ascii() || !swapped[i - 2].is_ascii() {
            continue;
        }
        swapped.swap(i - 2, i);
        each(std::str::from_utf8(&swapped).expect("ASCII letters swapped"));
        swapped.swap(i - 2, i);
    }
}

/// For each end `i` of `t`'s letters, bit `k` set when the `k` letters
/// before it repeat the `k` before them (`STUTTER_LETTERS`): found once,
/// as the alignment asks at every cell. `None` when no letters repeat,
/// as in nearly every word.
fn repeats(t: &[u8]) -> Option<Vec<u8>> {
    let mut bits: Option<Vec<u8>> = None;
    for k in STUTTER_LETTERS {
        // After the first letter: a word's start typed twice is how
        // English makes words (`yoyo`, `byebye`, `tomtoms`), and none of
        // the 108 stutters learnt from needs to be one.
        for i in 2 * k + 1..=t.len() {
            // The last letters first: they differ in nearly every word.
            if t[i - 1] == t[i - 1 - k] && t[i - k..i] == t[i - 2 * k..i - k] {
                bits.get_or_insert_with(|| vec![0; t.len() + 1])[i] |= 1 << k;
            }
        }
    }
    bits
}

/// Extra for a word whose first letter is wrong (`model::FIRST_LETTER`).
/// Two first letters swapped (`hte`) is an ordinary slip.
fn first_letter_slip(typed: &[u8], intended: &[u8]) -> f64 {
    match (typed, intended) {
        ([a, b, ..], [c, d, ..]) if a == d && b == c => 0.0,
        ([a, ..], [c, ..]) if a != c => FIRST_LETTER,
        _ => 0.0,
    }
}

/// People's misspellings, learnt from real ones: how often each letter
/// was typed for each, left out or typed extra after each, and each two
/// swapped, against how often the letters stand in the words meant
/// (Kernighan, Church and Gale, 1990). The keyboard is the typing half's,
/// as the misspellings are mostly spelt by ear.
struct Spelling {
    /// At `typed * SYMBOLS + intended`.
    substitution: [f64; SYMBOLS * SYMBOLS],
    /// At `before * SYMBOLS + left_out`.
    deletion: [f64; SYMBOLS * SYMBOLS],
    /// At `before * SYMBOLS + extra`.
    insertion: [f64; SYMBOLS * SYMBOLS],
    /// At `first * SYMBOLS + second` of the letters meant.
    transposition: [f64; SYMBOLS * SYMBOLS],
    /// Letters typed twice, anywhere.
    stutter: f64,
    /// Two letters with one between swapped, anywhere.
    swap_over: f64,
    /// A stem kept before an ending that changes it: a `y` (`Y_TO_I`),
    /// whose rate is learnt, or an `f` (`F_TO_V`), costed the same.
    stem_kept: f64,
}

/// The counts build.rs took from dictionaries/codespell_slips.txt.
mod counts {
    include!(concat!(env!("OUT_DIR"), "/slip-counts.rs"));
}

/// `a`–`z`, and a word's start.
const SYMBOLS: usize = 27;
const START: usize = 26;

static SPELLING: LazyLock<Spelling> = LazyLock::new(Spelling::learnt);

impl Spelling {
    /// The costs, from the counts. A slip's rate is how often it was made
    /// over how often its context stood in the words meant; where that
    /// context was seldom seen, it leans on the letter's rate in any
    /// context (`SLIP_PRIOR_WEIGHT`), and half a slip more keeps a rate no
    /// one showed above nought.
    fn learnt() -> Spelling {
        use counts::{DEL, INS, ONE, STUTTER, SUB, SWAP, SWAP_OVER, TWO, Y_ENDINGS, Y_KEPT};
        let sum = |counts: &[u32]| counts.iter().map(|&n| f64::from(n)).sum::<f64>();
        let one = |y: usize| f64::from(ONE[y]);
        let letters_meant = sum(&ONE[..START]);
        let swap_rate = (sum(&SWAP) + 0.5) / sum(&TWO);
        let cost = |n: u32, seen: f64, overall: f64| {
            let p = (f64::from(n) + SLIP_PRIOR_WEIGHT * overall) / (seen + SLIP_PRIOR_WEIGHT);
            (-p.log10() - SLIP_COST_OFFSET).clamp(0.0, MAX_SLIP_COST)
        };
        let mut table = Spelling {
            substitution: [MAX_SLIP_COST; SYMBOLS * SYMBOLS],
            deletion: [MAX_SLIP_COST; SYMBOLS * SYMBOLS],
            insertion: [MAX_SLIP_COST; SYMBOLS * SYMBOLS],
            transposition: [MAX_SLIP_COST; SYMBOLS * SYMBOLS],
            // As often as the letters it may end at stood in the words.
            stutter: cost(STUTTER[0], letters_meant, 0.0),
            swap_over: cost(SWAP_OVER[0], letters_meant, 0.0),
            // As often as the words meant had such an ending.
            stem_kept: cost(Y_KEPT[0], f64::from(Y_ENDINGS[0]), 0.0),
        };
        for y in 0..START {
            // How often another letter was typed for `y`, `y` left out,
            // or `y` typed extra, after whatever letter.
            let made = |counts: &[u32; SYMBOLS * SYMBOLS]| {
                (0..SYMBOLS)
                    .map(|p| f64::from(counts[p * SYMBOLS + y]))
                    .sum::<f64>()
                    + 0.5
            };
            let as_another = made(&SUB) / one(y) / 25.0;
            let left_out = made(&DEL) / one(y);
            let extra = made(&INS) / letters_meant;
            for p in 0..SYMBOLS {
                let at = p * SYMBOLS + y;
                table.deletion[at] = cost(DEL[at], f64::from(TWO[at]), left_out);
                table.insertion[at] = cost(INS[at], one(p), extra);
                if p != START {
                    table.substitution[at] = cost(SUB[at], one(y), as_another);
                    table.transposition[at] = cost(SWAP[at], f64::from(TWO[at]), swap_rate);
                }
            }
        }
        table
    }
}

/// A misspelling's slips of a few letters, each in the letters around it
/// (Brill and Moore, 2000): `ib` typed `ab`, `ea` typed `ee`, `ce`
/// typed `se`, learnt from real misspellings (`codespell_rules.py`). A
/// letter model counts one letter at a time, each after the letter before;
/// it cannot tell that `possable` is likelier `possible` than `passable`,
/// or that `carrer` is `career`. Each rule costs its own rate, as the
/// letters' slips do, and the alignment takes it where it is cheaper than
/// the letters' slips that make it. Weighed only for a word sent alone,
/// whose writer spells it as best they can: in running text most slips
/// are the fingers' (the typed sets lost sentences with them: README).
struct Rules {
    /// By the letters typed: the letters meant, and the cost.
    by_typed: FxHashMap<&'static [u8], Vec<(&'static [u8], f64)>>,
    /// Most letters typed in one rule.
    longest: usize,
}

/// The rules build.rs took from dictionaries/codespell_rules.txt.
mod rule_counts {
    include!(concat!(env!("OUT_DIR"), "/slip-rules.rs"));
}

static RULES: LazyLock<Rules> = LazyLock::new(Rules::learnt);

impl Rules {
    /// The costs, from the counts: a rule's rate is how often its letters
    /// were misspelt so over how often they stood in the words meant,
    /// with `RULE_PRIOR_WEIGHT` more sightings and no more slips, so that
    /// letters seldom seen say little; less `SLIP_COST_OFFSET`, as the
    /// letters' slips.
    fn learnt() -> Rules {
        let mut by_typed: FxHashMap<&'static [u8], Vec<(&'static [u8], f64)>> =
            FxHashMap::default();
        let hundredths = |count: u32| f64::from(count) / 100.0;
        for &(typed, meant, n, seen) in &rule_counts::RULES {
            let p = hundredths(n) / (hundredths(seen) + RULE_PRIOR_WEIGHT);
            let cost = (-p.log10() - SLIP_COST_OFFSET).clamp(0.0, MAX_SLIP_COST);
            by_typed
                .entry(typed.as_bytes())
                .or_default()
                .push((meant.as_bytes(), cost));
        }
        let longest = by_typed.keys().map(|typed| typed.len()).max().unwrap_or(0);
        Rules { by_typed, longest }
    }

    /// The rules that end at each end of `t`, from its start to its end
    /// (`SentAlone` finds them once per word).
    fn endings(&self, t: &[u8]) -> Endings {
        let mut endings = Endings {
            starts: Vec::with_capacity(t.len() + 2),
            rules: Vec::new(),
        };
        for i in 0..=t.len() {
            endings.starts.push(endings.rules.len());
            for k in 1..=self.longest.min(i) {
                for &(meant, cost) in self.by_typed.get(&t[i - k..i]).into_iter().flatten() {
                    endings.rules.push((meant, k, cost));
                }
            }
        }
        endings.starts.push(endings.rules.len());
        endings
    }
}

/// The rules whose typed letters end at each end `i` of a typed word: the
/// letters meant, how many letters were typed, and the cost.
struct Endings {
    /// Where each end's rules start in `rules`, and one past the last.
    starts: Vec<usize>,
    rules: Vec<(&'static [u8], usize, f64)>,
}

impl Endings {
    fn at(&self, i: usize) -> &[(&'static [u8], usize, f64)] {
        &self.rules[self.starts[i]..self.starts[i + 1]]
    }
}

/// Where a letter stands in the tables, if it is one.
fn symbol(c: u8) -> Option<usize> {
    c.is_ascii_lowercase().then(|| usize::from(c - b'a'))
}

/// The letter before `k`, or a word's start.
fn before(word: &[u8], k: usize) -> Option<usize> {
    match k.checked_sub(1) {
        Some(b) => symbol(word[b]),
        None => Some(START),
    }
}

impl Slips for Spelling {
    fn substitution(&self, typed: u8, intended: u8) -> f64 {
        if typed == intended {
            return 0.0;
        }
        match (symbol(typed), symbol(intended)) {
            (Some(x), Some(y)) => self.substitution[x * SYMBOLS + y],
            _ => OTHER_SUBSTITUTION,
        }
    }

    fn insertion(&self, typed: &[u8], i: usize) -> f64 {
        match (before(typed, i), symbol(typed[i])) {
            (Some(p), Some(x)) => self.insertion[p * SYMBOLS + x],
            _ => OTHER_INSERTION,
        }
    }

    fn deletion(&self, intended: &[u8], j: usize) -> f64 {
        match (before(intended, j), symbol(intended[j])) {
            (Some(p), Some(y)) => self.deletion[p * SYMBOLS + y],
            _ => OTHER_DELETION,
        }
    }

    fn transposition(&self, first: u8, second: u8) -> f64 {
        match (symbol(first), symbol(second)) {
            (Some(x), Some(y)) => self.transposition[x * SYMBOLS + y],
            _ => TRANSPOSITION,
        }
    }

    fn stutter(&self) -> Option<f64> {
        Some(self.stutter)
    }

    fn swap_over(&self) -> Option<f64> {
        Some(self.swap_over)
    }

    fn last_letter(&self) -> f64 {
        LAST_LETTER
    }
}

/// Slips of the fingers: a neighbouring key, two keys swapped, a key
/// missed or struck beside its neighbours, each kind alike
/// (`TYPING_SLIP`) and each way of making a kind alike (`TYPING_WAYS`),
/// each one more slip made (`typing_cost`); another key struck costs
/// `other_key`.
struct Typing {
    /// A key struck that is no neighbour of the one meant, or, put in,
    /// of the keys beside it.
    other_key: f64,
}

/// What one slip of the fingers costs in `Typing`'s alignment.
const ONE_TYPING_SLIP: f64 = TYPING_SLIP + ANOTHER_TYPING_SLIP;

/// Slips of the fingers in running text: neighbouring keys only.
const TYPING: Typing = Typing {
    other_key: NOT_A_TYPING_SLIP,
};

/// Slips of the fingers in a word sent alone: any key
/// (`model::OTHER_KEY_ALONE`).
const TYPING_ALONE: Typing = Typing {
    other_key: ONE_TYPING_SLIP + OTHER_KEY_ALONE,
};

impl Slips for Typing {
    fn substitution(&self, typed: u8, intended: u8) -> f64 {
        if typed == intended {
            return 0.0;
        }
        let near = KEYS.near(intended);
        match symbol(typed) {
            Some(x) if near & (1 << x) != 0 => ONE_WAY + KEYS.ways(near),
            _ => self.other_key,
        }
    }

    fn insertion(&self, typed: &[u8], i: usize) -> f64 {
        // The keys that are a letter beside it or a neighbour of one.
        let before = i
            .checked_sub(1)
            .map_or(0, |k| KEYS.near_or_itself(typed[k]));
        let after = typed.get(i + 1).map_or(0, |&c| KEYS.near_or_itself(c));
        let around = before | after;
        // A key struck twice (`hellp`) is struck again at either of two
        // places for the same letters, a mark (`''`) as a letter.
        let doubles = doubles_a_neighbour(typed, i);
        let key = match symbol(typed[i]) {
            Some(x) if around & (1 << x) != 0 => ONE_WAY + KEYS.ways(around),
            None if doubles => ONE_WAY,
            _ => self.other_key,
        };
        let key = if doubles { key - LOG10_2 } else { key };
        if i + 1 == typed.len() {
            key + KEY_ADDED_AT_END
        } else {
            key
        }
    }

    /// Either letter of a double left out leaves the same letters.
    fn deletion(&self, intended: &[u8], j: usize) -> f64 {
        if doubles_a_neighbour(intended, j) {
            ONE_WAY - LOG10_2
        } else {
            ONE_WAY
        }
    }

    fn transposition(&self, _first: u8, _second: u8) -> f64 {
        ONE_WAY
    }

    /// Not one of the slips of the fingers measured (`TYPING_SLIP`).
    fn stutter(&self) -> Option<f64> {
        None
    }

    /// Nor this.
    fn swap_over(&self) -> Option<f64> {
        None
    }
}

/// Whether `word[k]` is the letter before or after it too.
fn doubles_a_neighbour(word: &[u8], k: usize) -> bool {
    (k > 0 && word[k - 1] == word[k]) || word.get(k + 1) == Some(&word[k])
}

/// What one way of making a typing slip costs, before the ways of its
/// kind are counted (`TYPING_WAYS`).
const ONE_WAY: f64 = ONE_TYPING_SLIP - TYPING_WAYS;

/// Each letter's neighbouring keys, as bits (`a` the lowest), for the
/// ways a typing slip is made.
struct Keys {
    near: [u32; 26],
    /// log10 of each count of keys, 1 to 26 (and 0 as 1).
    log10: [f64; 27],
}

static KEYS: LazyLock<Keys> = LazyLock::new(|| {
    let log10 = std::array::from_fn(|n| (n.max(1) as f64).log10());
    let mut near = [0; 26];
    for (a, bits) in (b'a'..=b'z').zip(near.iter_mut()) {
        for (k, b) in (b'a'..=b'z').enumerate() {
            if neighbours(a, b) {
                *bits |= 1 << k;
            }
        }
    }
    Keys { near, log10 }
});

impl Keys {
    /// The keys next to `c`; none if `c` is no letter.
    fn near(&self, c: u8) -> u32 {
        symbol(c).map_or(0, |x| self.near[x])
    }

    /// `c`'s key and the keys next to it; none if `c` is no letter.
    fn near_or_itself(&self, c: u8) -> u32 {
        symbol(c).map_or(0, |x| self.near[x] | 1 << x)
    }

    /// What it costs that a slip is one of `keys`: log10 of how many.
    fn ways(&self, keys: u32) -> f64 {
        self.log10[keys.count_ones() as usize]
    }
}

/// Cost of an edit no typing slip makes in running text: out of reach, so
/// the spelling half of `edit_cost` decides alone.
const NOT_A_TYPING_SLIP: f64 = 20.0;

/// Where `a` and `b` first differ: the shorter one's length if one starts
/// the other.
fn first_difference(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// Whether `a` is `b` with two letters side by side swapped.
pub fn are_swapped(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let k = first_difference(a, b);
    a.len() == b.len()
        && k + 1 < a.len()
        && a[k] == b[k + 1]
        && a[k + 1] == b[k]
        && a[k + 2..] == b[k + 2..]
}

/// Whether `typed` is `word` with a neighbouring key struck for one of its
/// letters (not a vowel for a vowel, as names differ from words and from
/// each other: `Glive`, `Ymor`) or beside one.
pub fn is_neighbouring_key(typed: &str, word: &str) -> bool {
    let (t, w) = (typed.as_bytes(), word.as_bytes());
    let k = first_difference(t, w);
    let vowel = |c: u8| b"aeiouy".contains(&c);
    if t.len() == w.len() {
        return k < t.len()
            && t[k + 1..] == w[k + 1..]
            && neighbours(t[k], w[k])
            && !(vowel(t[k]) && vowel(w[k]));
    }
    if t.len() != w.len() + 1 || t[k + 1..] != w[k..] {
        return false;
    }
    // The key struck beside the letter after it or the one before.
    let beside = |c: Option<&u8>| c.is_some_and(|&c| neighbours(t[k], c));
    beside(w.get(k)) || beside(k.checked_sub(1).and_then(|j| w.get(j)))
}

/// Whether `typed` is `word` with one letter left out, but not its plural's
/// `s` (`Britisher` is no slip of `Britishers`; `Congres` is of `Congress`).
pub fn is_letter_left_out(typed: &str, word: &str) -> bool {
    let (t, w) = (typed.as_bytes(), word.as_bytes());
    if w.len() != t.len() + 1 || (w.ends_with(b"s") && w[..t.len()] == *t && !t.ends_with(b"s")) {
        return false;
    }
    let k = first_difference(t, w);
    t[k..] == w[k + 1..]
}

/// Keys next to each other on a QWERTY keyboard.
pub fn neighbours(a: u8, b: u8) -> bool {
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

    /// The spelling half's cost of `t` typed for `w`, with no rules of letters.
    fn spelling(t: &str, w: &str) -> f64 {
        spelling_cost(t.as_bytes(), w.as_bytes(), None)
    }

    /// The longest word, as the tests take it.
    const LONGEST: usize = 20;

    #[test]
    fn likely_slips_cost_less_than_other_edits() {
        // A swap is likelier than two substitutions.
        assert!(spelling("hrad", "hard") < spelling("hrad", "head"));
        // A dropped double letter is likelier than a different dropped letter.
        assert!(spelling("localy", "locally") < spelling("localy", "local"));
        // The slips are learnt from real misspellings: people take a vowel
        // for a vowel (`devided`) more often than a consonant for another
        // (`decided`), and leave the `c` of `sc` out (`asending`) far more
        // often than a letter that spells a sound of its own.
        assert!(spelling("devided", "divided") < spelling("devided", "decided"));
        assert!(spelling("asending", "ascending") < spelling("asending", "amending"));
        assert!(spelling("sene", "scene") < spelling("sene", "seine"));
        // A slip no misspelling showed still costs no more than
        // `MAX_SLIP_COST`.
        assert_eq!(spelling("qat", "mat") - FIRST_LETTER, MAX_SLIP_COST);
        // One vowel for another is a common slip.
        assert!(spelling("problam", "problem") < spelling("problam", "probcem"));
        assert_eq!(spelling("same", "same"), 0.0);
        // Letters that spell one sound are swapped by ear.
        assert!(spelling("deside", "decide") < spelling("deside", "desire"));
        // The first letter is seldom the wrong one; swapped with the
        // second, it is an ordinary slip.
        assert!(spelling("exstacy", "ecstasy") < spelling("exstacy", "stacy"));
        assert_eq!(spelling("hte", "the"), SPELLING.transposition(b't', b'h'));
        // A slip is a spelling slip or a typing slip, which falls anywhere:
        // a missed first key is likelier than a misspelling could make it.
        assert!(edit_cost("nown", "known") < spelling("nown", "known"));
        assert_eq!(edit_cost("same", "same"), 0.0);
        // A neighbouring key is likelier than a far one.
        assert!(edit_cost("tge", "the") < edit_cost("tze", "the"));
    }

    #[test]
    fn a_letter_for_a_letter_costs_more_at_the_end() {
        // The same slip, `d` for `e`, last and inside the word.
        let last = spelling("therd", "there");
        let inside = spelling("thdre", "there");
        assert!(last > inside && (last - inside - LAST_LETTER).abs() < 1e-9);
        // A letter added or left out at the end costs what it costs inside.
        assert_eq!(
            spelling("hazard", "hazards"),
            spelling("hazardx", "hazardsx")
        );
        assert_eq!(
            spelling("hazards", "hazard"),
            spelling("hazardsx", "hazardx")
        );
        // A typing slip falls anywhere: `r` for the first `t` of `that`
        // or for its last.
        let typing = |t: &str, w: &str| typing_cost(t.as_bytes(), w.as_bytes(), &TYPING);
        assert_eq!(typing("rhat", "that"), typing("thar", "that"));
    }

    #[test]
    fn a_word_sent_alone_is_likelier_spelt_by_ear() {
        // `piece` keeps `peice`'s consonants, `price` puts an `r` in: only
        // the slip that keeps the sound is likelier for a word sent alone.
        let gain = |typed, meant| {
            let alone = SentAlone::new(typed);
            edit_cost_with(typed, meant, &TYPING_ALONE, Some(&alone.endings)) - alone.cost(meant)
        };
        assert!(gain("peice", "piece") > 0.0);
        assert_eq!(gain("peice", "price"), 0.0);
        // Short words sound like too many others; a word is no slip of itself.
        assert_eq!(gain("thi", "the"), 0.0);
        assert_eq!(SentAlone::new("piece").cost("piece"), 0.0);
    }

    #[test]
    fn a_word_sent_alone_is_misspelt_a_few_letters_at_a_time() {
        let spelling = |t: &str, w: &str, endings: Option<&Endings>| {
            spelling_cost(t.as_bytes(), w.as_bytes(), endings)
        };
        let by_rules = |t: &str, w| spelling(t, w, Some(&RULES.endings(t.as_bytes())));
        // Letter by letter, `possable` is about as far from `passable` as
        // from `possible`; people write `able` for `ible`, not `o` for `a`.
        assert!(by_rules("possable", "possible") < by_rules("possable", "passable"));
        assert!(by_rules("possable", "possible") < spelling("possable", "possible", None));
        // `contuned`: letter by letter an `a` left out and a `u` for an
        // `i` (`contained`) are likelier than the two slips in
        // `continued`'s `inu`; as people misspell `inu`, the other way
        // round.
        assert!(spelling("contuned", "continued", None) > spelling("contuned", "contained", None));
        assert!(by_rules("contuned", "continued") < by_rules("contuned", "contained"));
        // A rule only ever makes a slip cheaper, and a word is no slip of
        // itself.
        for (t, w) in [
            ("possable", "passable"),
            ("contuned", "contained"),
            ("teh", "the"),
        ] {
            assert!(by_rules(t, w) <= spelling(t, w, None));
        }
        assert_eq!(by_rules("career", "career"), 0.0);
        // Only a word sent alone weighs them: in running text `possable`
        // is about as near `passable` as `possible`.
        let alone = SentAlone::new("contuned");
        assert!(alone.cost("continued") < alone.cost("contained"));
        let alone = SentAlone::new("possable");
        let by_letters = edit_cost("possable", "passable") - edit_cost("possable", "possible");
        let by_rules = alone.cost("passable") - alone.cost("possible");
        assert!(by_letters.abs() < 0.1 && by_rules > 1.0);
    }

    #[test]
    fn a_word_sent_alone_may_have_a_key_struck_that_is_no_neighbour() {
        let alone = |typed: &str, meant: &str| edit_cost_with(typed, meant, &TYPING_ALONE, None);
        // `f` is no neighbour of `p`: out of the fingers' reach in running
        // text, a rare slip of them in a word sent alone.
        assert!(alone("fixels", "pixels") < edit_cost("fixels", "pixels"));
        assert!(alone("fixels", "pixels") > alone("oixels", "pixels"));
        // A neighbouring key costs what it costs in running text.
        assert_eq!(alone("oixels", "pixels"), edit_cost("oixels", "pixels"));
    }

    #[test]
    fn each_way_of_making_a_typing_slip_is_alike() {
        let typing = |t: &str, w: &str| typing_cost(t.as_bytes(), w.as_bytes(), &TYPING);
        // Two keys swapped, or one left out: one way at a place.
        assert_eq!(typing("stgae", "stage"), typing("stge", "stage"));
        // A neighbour of `a` struck for it: one of its four (`q`, `w`,
        // `s`, `z`); of `g`, one of six.
        let one_way = typing("stge", "stage");
        assert!((typing("stsge", "stage") - one_way - 4f64.log10()).abs() < 1e-9);
        assert!((typing("stafe", "stage") - one_way - 6f64.log10()).abs() < 1e-9);
        // So `stagde` is likelier `staged` swapped than `stage` with a
        // `d` struck between `g` and `e`, one of their twelve keys.
        assert!(typing("stagde", "staged") < typing("stagde", "stage"));
        assert!((typing("stagde", "stage") - one_way - 12f64.log10()).abs() < 1e-9);
    }

    #[test]
    fn a_double_is_made_two_ways() {
        let typing = |t: &str, w: &str| typing_cost(t.as_bytes(), w.as_bytes(), &TYPING);
        // Either `l` of `fall` left out makes `fal`: twice as likely as
        // its `a` left out.
        assert!((typing("fal", "fall") - typing("fll", "fall") + LOG10_2).abs() < 1e-9);
        // A second `l` struck before or after the last makes `falll`:
        // twice as likely as a `k` beside it, one of the same keys.
        let struck_again = TYPING.insertion(b"falll", 4) - TYPING.insertion(b"fallk", 4);
        assert!((struck_again + LOG10_2).abs() < 1e-9);
    }

    #[test]
    fn a_second_slip_of_the_fingers_is_a_slip_made_again() {
        let typing = |t: &str, w: &str| typing_cost(t.as_bytes(), w.as_bytes(), &TYPING);
        assert_eq!(typing("fall", "fall"), 0.0);
        // A letter left out, made one way; a `d` struck before the `f`,
        // one of the seven keys that are the `f` or beside it.
        let left_out = typing("fll", "fall");
        let struck = typing("dfall", "fall");
        assert!((left_out - (TYPING_SLIP - TYPING_WAYS)).abs() < 1e-9);
        assert!((struck - left_out - 7f64.log10()).abs() < 1e-9);
        // Both: each a slip, and the second a slip made again.
        let both = left_out + struck + ANOTHER_TYPING_SLIP;
        assert!((typing("dfll", "fall") - both).abs() < 1e-9);
        // A misspelling's second slip pays no such odds.
        assert_eq!(
            spelling("awfal", "awful") + spelling("awfull", "awful"),
            spelling("awfall", "awful")
        );
        assert!(edit_cost("awfall", "awful") < edit_cost("awfall", "fall"));
    }

    #[test]
    fn letters_typed_twice_are_one_slip() {
        // Three letters typed again cost one stutter, far less than three
        // letters typed extra, and less than taking the word for another.
        assert_eq!(spelling("dependendents", "dependents"), SPELLING.stutter);
        assert!(SPELLING.stutter < MAX_SLIP_COST);
        assert!(edit_cost("deleteted", "deleted") < edit_cost("deleteted", "delegated"));
        // Two to four letters (`STUTTER_LETTERS`): one letter typed twice
        // is an insertion, and five are no stutter.
        assert_eq!(
            stutters_undone("deleteted", LONGEST),
            [("deleted".to_owned(), 2)]
        );
        assert_eq!(
            stutters_undone("usinging", LONGEST),
            [("using".to_owned(), 3)]
        );
        assert!(stutters_undone("speed", LONGEST).is_empty());
        assert!(stutters_undone("xabcdeabcde", LONGEST).is_empty());
        assert_eq!(
            stutters_undone("xabcdabcd", LONGEST),
            [("xabcd".to_owned(), 4)]
        );
        // Not at the start: `yoyo` is no `yo` typed twice.
        assert!(stutters_undone("abcdabcd", LONGEST).is_empty());
        assert!(stutters_undone("yoyo", LONGEST).is_empty());
        // Bytes that repeat inside letters of more than one byte are no
        // letters typed twice, and never cut a letter.
        assert!(stutters_undone("xééé", LONGEST)
            .iter()
            .all(|(w, _)| w == "xéé"));
        // Nothing longer than a word and a stutter is a word with a
        // stutter: a long run of one letter makes no strings.
        assert!(stutters_undone(&"a".repeat(10_000), LONGEST).is_empty());
        let longest: String = ('a'..='z').take(LONGEST).collect();
        let four_again = format!("{longest}{}", &longest[LONGEST - 4..]);
        assert_eq!(stutters_undone(&four_again, LONGEST), [(longest, 4)]);
        assert!(stutters_undone(&format!("a{four_again}"), LONGEST).is_empty());
    }

    #[test]
    fn two_letters_swapped_over_one_are_one_slip() {
        // One slip, cheaper than the two letters for letters it also is.
        assert_eq!(spelling("recude", "reduce"), SPELLING.swap_over);
        let two_letters = SPELLING.substitution(b'c', b'd') + SPELLING.substitution(b'd', b'c');
        assert!(SPELLING.swap_over < two_letters);
        // Anywhere in the word.
        assert_eq!(spelling("momery", "memory"), SPELLING.swap_over);
        assert_eq!(spelling("aneroxic", "anorexic"), SPELLING.swap_over);
        // Not one of the slips of the fingers measured.
        assert!(TYPING.swap_over().is_none());
        // Each pair with one between, once; none of equal letters, and
        // none that would cut a letter of more than one byte.
        let undone = |typed: &str| {
            let mut words = Vec::new();
            each_swap_over_undone(typed, LONGEST, |word| words.push(word.to_owned()));
            words
        };
        assert_eq!(undone("recude"), ["cerude", "rucede", "reduce", "recedu"]);
        assert!(undone("aba").is_empty());
        assert!(undone("éxa").is_empty());
        // As long as the longest word, a swap at each letter but the first
        // two; one letter longer, none, as no swap makes a word.
        let longest = "abc".repeat(LONGEST).split_off(LONGEST * 2);
        assert_eq!(undone(&longest).len(), LONGEST - 2);
        assert!(undone(&format!("{longest}a")).is_empty());
    }

    #[test]
    fn an_f_kept_before_the_plural_is_one_slip() {
        // The spelling rule's slip, as a kept `y`, not two of letters.
        assert_eq!(spelling("halfs", "halves"), SPELLING.stem_kept);
        assert_eq!(spelling("knifes", "knives"), SPELLING.stem_kept);
        assert!(edit_cost("halfs", "halves") < edit_cost("halfs", "halts"));
        assert_eq!(
            stem_change_put_back("ourselfs"),
            [("ourselves".to_owned(), 2)]
        );
        assert_eq!(stem_change_put_back("wifes"), [("wives".to_owned(), 1)]);
        assert!(stem_change_put_back("halves").is_empty());
    }

    #[test]
    fn a_singular_with_its_plurals_stem_is_one_slip() {
        assert_eq!(spelling("potatoe", "potato"), SPELLING.stem_kept);
        assert_eq!(stem_change_put_back("heroe"), [("hero".to_owned(), 1)]);
        // After a vowel the plural takes no `e` (`radios`, `zoos`).
        assert!(stem_change_put_back("radioe").is_empty());
    }

    #[test]
    fn an_ie_kept_before_ing_is_one_slip() {
        assert_eq!(spelling("dieing", "dying"), SPELLING.stem_kept);
        assert_eq!(stem_change_put_back("tieing"), [("tying".to_owned(), 2)]);
        assert!(stem_change_put_back("dyeing").is_empty());
    }

    #[test]
    fn a_y_kept_before_an_ending_is_one_slip() {
        // The spelling rule's slip, not two of letters.
        assert_eq!(spelling("copys", "copies"), SPELLING.stem_kept);
        assert!(spelling("copys", "copies") < spelling("copys", "copy"));
        assert!(spelling("tryes", "tries") < spelling("tryes", "tyres"));
        // With another slip before the ending, both are paid.
        assert!(spelling("coppys", "copies") > SPELLING.stem_kept);
        // After a vowel the `y` stays (`boys`, `keyed`), so no `i` is put
        // back; nor after a single letter.
        assert_eq!(stem_change_put_back("copys"), [("copies".to_owned(), 2)]);
        assert_eq!(stem_change_put_back("applyed"), [("applied".to_owned(), 1)]);
        assert!(stem_change_put_back("boys").is_empty());
        assert!(stem_change_put_back("keyed").is_empty());
        assert!(stem_change_put_back("dyed").is_empty());
        assert_eq!(
            spelling("boys", "boies"),
            align(b"boys", b"boies", &*SPELLING, None)
        );
    }

    #[test]
    fn the_script_that_counts_kept_ys_reads_the_same_endings() {
        // `codespell_slips.py` counts the kept `y`s the error model costs:
        // its `Y_TO_I` must be this one, entry for entry.
        let script = include_str!("../dictionaries/codespell_slips.py");
        let start = script.find("Y_TO_I = {").expect("the script has Y_TO_I");
        let table = &script[start..start + script[start..].find('}').unwrap()];
        for (ending, kept) in Y_TO_I {
            let kept: Vec<String> = kept.iter().map(|k| format!("'{k}'")).collect();
            let entry = match kept.as_slice() {
                [one] => format!("'{ending}': ({one},)"),
                many => format!("'{ending}': ({})", many.join(", ")),
            };
            assert!(table.contains(&entry), "{entry}");
        }
        assert_eq!(table.matches("': (").count(), Y_TO_I.len());
    }

    #[test]
    fn the_shapes_of_a_slip_of_the_fingers_are_told_apart() {
        assert!(are_swapped("miarcle", "miracle"));
        assert!(!are_swapped("miracle", "miracle"));
        assert!(!are_swapped("mirclae", "miracle"));
        // A neighbouring key for a letter, or struck beside one.
        assert!(is_neighbouring_key("founsers", "founders"));
        assert!(is_neighbouring_key("bkless", "bless"));
        assert!(is_neighbouring_key("blessa", "bless"));
        assert!(is_neighbouring_key("vbless", "bless"));
        // Not a key that is no neighbour, nor a vowel for a vowel.
        assert!(!is_neighbouring_key("gibaud", "giraud"));
        assert!(!is_neighbouring_key("glive", "glove"));
        assert!(!is_neighbouring_key("bzless", "bless"));
        // Nor a letter left out, which is a shape of its own; but not a
        // plural's `s`.
        assert!(!is_neighbouring_key("bess", "bless"));
        assert!(is_letter_left_out("bess", "bless"));
        assert!(is_letter_left_out("byro", "byron"));
        assert!(is_letter_left_out("congres", "congress"));
        assert!(!is_letter_left_out("britisher", "britishers"));
        assert!(!is_letter_left_out("bless", "bless"));
    }

    #[test]
    fn keyboard_neighbours() {
        assert!(neighbours(b'g', b'h') && neighbours(b'g', b't') && neighbours(b'g', b'b'));
        assert!(!neighbours(b'q', b'p') && !neighbours(b'a', b'a') && !neighbours(b'a', b'1'));
    }
}
