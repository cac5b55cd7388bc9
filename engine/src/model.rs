//! Every tuning constant of the model, with the reason for its value.
//! Costs are −log10 of a probability, so a cost of 1 is a one-in-ten
//! event; scores are log10 odds, so a point is a factor of ten. Each value
//! was judged on the development sets (`../shared/data`) and on prose of
//! our own, never kept for a gain on one set alone.

// ---- The language model (lexicon.rs, segment.rs) -----------------------

/// Longest word the segmenter considers: the dictionary's longest common
/// words fit, and each extra letter is one more lookup per position.
pub const MAX_WORD_LEN: usize = 24;

/// Shortest word taken from the wider vocabulary (the curated dictionary's
/// short words are all kept, and those the pairs know are kept as
/// neighbours, and as words the segmenter cuts where the pairs hold them:
/// `mr`, `ok`). The web's short strings are mostly
/// abbreviations and fragments (`th`, `nd`, `eq`, `ny`), and a short word
/// is a candidate at nearly every position of every run of letters.
pub const MIN_VOCABULARY_WORD_LEN: usize = 3;

/// log10 P(w) at or above which a word is "common" (one in a thousand):
/// the 83 words such as `the`, `of`, `a` after which a missing space is
/// the likeliest slip.
pub const COMMON_LOG_P: f32 = -3.0;

/// Regular inflections and derivations of a dictionary word: the ending, the endings a
/// stem must have to take it (none: any) and those it must not have. The
/// segmenter keeps such a word whole when the corpus does not count it
/// (`kayaked`, not `kayak ed`); the corrector leaves it when no word is
/// one slip from it (`lukewarmly`, `intentness`). An `-ic` word takes
/// `-ically` (`basicly`, `academicly` are slips), and a doubled consonant
/// is read by the segmenter only: `stoped` and `writting` are slips too.
pub const INFLECTIONS: &[(&str, &[&str], &[&str])] = &[
    ("ed", &[], &[]),
    ("d", &["e"], &[]),
    ("ing", &[], &[]),
    (
        "s",
        &[
            "a", "b", "d", "e", "g", "k", "l", "m", "n", "p", "r", "t", "w",
        ],
        &[],
    ),
    ("es", &["s", "x", "z", "ch", "sh"], &[]),
    ("ly", &[], &["ic", "ble"]),
    ("ness", &[], &[]),
    ("able", &[], &["ble"]),
];

/// Inflections a word already inflected does not take, as the corrector
/// reads them (`Lexicon::is_inflection`) and as the lexicon makes its
/// forms (`word_forms::is_inflected_with`): a past tense or participle takes
/// no other verb ending and no plural, a present participle no verb
/// ending, an adverb no second `-ly` (`guideded`, `usinging`, `fileds`,
/// `immediatelyly` are slips; `buildings`, `reportedly`, `preparedness`
/// are words). Each ending, and the endings it does not follow.
pub const NOT_AFTER_INFLECTED: &[(&str, &[&str])] = &[
    ("ed", &["ed", "d", "ing"]),
    ("ing", &["ed", "d", "ing"]),
    ("able", &["ed", "d", "ing", "able"]),
    ("s", &["ed", "d"]),
    ("ly", &["ly"]),
    ("ness", &["ness"]),
];

/// Least share of its word's uses a regular form has (`payables` of
/// `payable`), by the corpus's counts: about one form in a hundred of
/// those the corpus counts is rarer than a thousandth of its word. A form
/// of a word so common that this share would reach the corpus's rarest
/// count, and that the corpus does not count, or counts less often, is
/// no word people write (`woulds`, `containings`, `beautily`; counted,
/// `thoses`, `entires`, `anothers`); before the twentieth session every
/// such form was spelt right. One the corpus counts stays a word of the
/// vocabulary, weighed as any other.
pub const RAREST_FORM_SHARE: f64 = 0.001;

/// Shortest stem an inflection is read after: short stems meet an ending
/// by chance (`be` + `d`, `he` + `s`).
pub const MIN_INFLECTED_STEM: usize = 4;

/// log10 of the odds that a word of running text is one that no list of
/// ours holds (a name, a coinage, a rare word): about one in 300. Measured
/// against the lexicon, 0.51 % of the fortunes' 378,271 words (the prose
/// of `bench/fresh_sets.py`) and 0.30 % of the development segmentation
/// set's; the GPL, 0.02 %. The segmenter weighs such a string by this
/// times how like a word it is spelt (`letters`), and so does the
/// corrector when it asks whether a word of running text no list holds
/// was meant (`farecard`, not `farmyard`); a word sent alone is no such
/// word. Norvig's odds, by length alone, used until the ninth session,
/// cut `scapose` into `sca pose`.
pub const LOG_P_UNKNOWN_WORD: f64 = -2.5;

/// log10 of the share of such words that are two dictionary words run
/// together (`coalminers`, `garbagemen`, `fairminded`, `powerfail`): one in
/// five. Of the fortunes' 1,928 words that neither the dictionaries nor the
/// web's vocabulary hold, 391 (20.3 %) are two dictionary words of
/// `MIN_COMPOUND_PART` letters or more. The corrector weighs such a word
/// meant by the likelier of how like a word it is spelt and this share
/// times its two words' odds (`Lexicon::compound_log_p`).
pub const LOG_COMPOUND_SHARE: f32 = -0.7;

/// Shortest part of a compound read so: shorter ones meet by chance
/// (`a`+`lot`, `be`+`leive`).
pub const MIN_COMPOUND_PART: usize = 3;

/// log10 of the odds that a sentence ends after a word, where the pairs
/// list no figure for the word before: the odds CMU's model gives it
/// alone (one word in 13 ends a sentence), which a word's back-off weight
/// scales like any other word's.
pub const LOG_P_SENTENCE_END: f32 = -1.1261;

/// The odds against an `s` after a round number being its plural
/// (`the 1990s`, `100s of`) rather than the first letter of the word after
/// it (`10 sheep`): one in ten. Neither the corpus nor the pairs count
/// numbers, so this is a judgement, not a measure: the words after must
/// read ten times likelier without the `s` (`80sand90s` is `80s and
/// 90s`, where `and` is a hundred times commoner than `sand`; `30stone`
/// stays `30 stone`). No set of ours holds a number run into words.
pub const NUMBER_PLURAL_COST: f64 = 1.0;

/// Fewest letters a word with its `g` dropped has before its `in`
/// (`doin'`, `goin'`): `kin'` and `din'` are no such words.
pub const MIN_DROPPED_G_STEM: usize = 2;

/// Histories the segmenter's Viterbi search keeps per position: enough
/// to let the words after a cut overturn one the words before preferred,
/// at a fraction of the cost of keeping all. Four until the eighteenth
/// session; once each word was weighed after the two before it (word
/// triples), three cut every set as four, six and eight did (two lost a
/// sentence on dev and on fresh), in 11 % fewer instructions.
pub const BEAM: usize = 3;

/// Words the corpus's tokenizer cut in two, each with its first part and
/// its share of that part's count. The counts come from the Google Web
/// Trillion Word Corpus, tokenized Penn Treebank style, which writes
/// `cannot` as `can not` (it counts `cannot` 88,737 times and `can`
/// 400 million). The word is scored as its first part, in that part's
/// pairs, times its share, so `youcannotbeserious` is `you cannot be
/// serious`; the word pairs (CMU's model) keep `cannot` whole, so the
/// pairs after it are its own. The share is CMU's model's own: its
/// unigram odds of `cannot` over those of `can`, 10^(-3.8987 + 2.5397).
pub const CUT_BY_THE_CORPUS: &[(&str, &str, f64)] = &[("cannot", "can", 0.044)];

/// Share of a contraction's uses that the web types without its
/// apostrophe (`dont` for `don't`): the corpus counted only those, as its
/// tokenizer cut the rest at the apostrophe, so a contraction is its bare
/// letters' count over this share. About one in fifty: the median is 0.019
/// over the curated list's 38 contractions whose bare letters are no
/// dictionary word, measured in wordfreq 3's frequencies (`didnt` against
/// `didn't` 0.032, `youre` against `you're` 0.010, all between 0.005 and
/// 0.046); only that one ratio is taken from it, no data.
pub const APOSTROPHE_LEFT_OUT: f64 = 0.02;
/// Contractions the web also writes for their bare letters' word
/// (`reared it's ugly head`), so the pairs' odds of the contraction hold
/// that word's misuse too, and the bare typings are not taken out of the
/// word's odds (`spell::own_odds`): taking them out of `its` made four
/// possessives of 1,008 fortune sentences `it's` (`feel it's chill`,
/// `bench/bare_letters_set.py`), for five of a thousand bare `it's` put
/// right. No other contraction lost a right word there.
pub const WRITTEN_FOR_THE_BARE_WORD: &[&str] = &["it's"];

// ---- The error model (error_model.rs) ----------------------------------
// A misspelling's slips are learnt from real ones (codespell's, see
// dictionaries/NOTICE): how often people typed each letter for each, left
// one out or typed one extra after each, or swapped two. Until the
// nineteenth session they were hand-set by kind (a vowel for a vowel 1.0,
// a doubled letter 0.8, any other letter 2.0, ...); the learnt ones tell
// `divided` (`devided`) from `decided`, and that `sc` loses its `c`
// (`asending`) where few other pairs lose a letter (README).

/// An apostrophe left out (`dont`, `theyre`): no slip but a habit, which
/// the web has once in fifty contractions (`APOSTROPHE_LEFT_OUT`), about
/// as often as people slip in a word at all (some 25 in 1,000, Mitton
/// 1987). A slip's costs here are its odds once a slip is made, so against
/// them a left-out apostrophe costs nothing; `theyre` is `they're`, not
/// `there` with a letter too many.
pub const APOSTROPHE_HABIT: f64 = 0.0;

/// How many times a letter's context (the letter before it, or the
/// letter itself for a substitution) must be seen before its own rate
/// counts as much as the letter's rate anywhere: a pair seen a few times
/// says little. 3, 10, 30 and 100 measured alike (no figure moved by more
/// than two); 300 lost a few sentences (typing 844 → 842).
pub const SLIP_PRIOR_WEIGHT: f64 = 10.0;
/// What each learnt slip's cost loses: learnt in words with one slip
/// each, a slip's odds are its share among the word's letters, and this
/// scales them to odds once a slip is made, like the typing half's and
/// the odds the rest of the model weighs them against. 0.48 gives the
/// learnt slips the mean cost the hand-set kinds had; 0.7 measured best
/// over all the sets together (0.3 lost sentences and single words,
/// 0.9 and 1.1 gained single words and lost sentences and right words).
pub const SLIP_COST_OFFSET: f64 = 0.7;
/// Most a learnt slip costs: one no misspelling showed (`q` typed for
/// `m`, 4.9 by the counts alone) is rare, not impossible. 3.0 lost right
/// words, for a few more typos fixed.
pub const MAX_SLIP_COST: f64 = 4.0;
/// How many letters a stutter types again (`authethentication`: `the`;
/// `deleteted`: `te`): two to four, as `codespell_slips.py` counts them.
/// One letter typed twice is an insertion after itself. Of the 108
/// stutters learnt from, 66 repeat two letters, 41 three, one four, and
/// none five.
pub const STUTTER_LETTERS: [usize; 3] = [2, 3, 4];
/// Where English turns a word's last `y`, after a consonant, into `i`
/// before an ending (`copy` → `copies`, `easy` → `easily`), and how a
/// writer who keeps the `y` spells it (`copys`, `copyes`, `easyly`): a
/// slip of the spelling rule, not of letters, which the error model
/// costs as one, at its rate among the misspellings it learns from whose
/// word has such an ending (19 in 447). As `codespell_slips.py` counts
/// them: its copy of this table is held to this one by a test.
pub const Y_TO_I: &[(&str, &[&str])] = &[
    ("ies", &["ys", "yes"]),
    ("ied", &["yed", "yd"]),
    ("ier", &["yer"]),
    ("iest", &["yest"]),
    ("ily", &["yly"]),
    ("iness", &["yness"]),
    ("iful", &["yful"]),
    ("iless", &["yless"]),
    ("iment", &["yment"]),
];
/// Where English turns a word's last `f` or `fe` into `ve` before the
/// plural's `s` (`half` → `halves`, `knife` → `knives`, `self` →
/// `selves`), and how a writer who keeps it spells the plural (`halfs`,
/// `knifes`, `ourselfs`): the same slip of a spelling rule as a `y` kept
/// (`Y_TO_I`), costed at that rate, as the rarer words the error model
/// learns from hold too few such plurals to count (codespell's and typos'
/// pools, which it does not learn from, hold 19).
pub const F_TO_V: &[(&str, &[&str])] = &[("ves", &["fs", "fes"])];
/// Where English turns a verb's last `ie` into `y` before `-ing` (`die`
/// → `dying`, `tie` → `tying`, `lie` → `lying`), and how a writer who
/// keeps it spells it (`dieing`, `tieing`): the same slip of a spelling
/// rule, costed the same. By letters, `dieing` is one edit from `dieting`
/// and two from `dying`, and became `dieting`.
pub const IE_TO_Y: &[(&str, &[&str])] = &[("ying", &["ieing"])];
/// Where English puts an `e` after a word's last `o`, after a consonant,
/// before the plural's `s` (`potato` → `potatoes`, `hero` → `heroes`),
/// and how a writer who carries the plural's stem into the singular spells
/// it (`potatoe`, `heroe`): the same slip of a spelling rule, the other
/// way, costed the same. By letters, `potatoe` is one edit from `potato`
/// and from `potatoes`, and the plural, commoner or a cheaper slip (an `s`
/// left out), won (codespell's pool holds five such, `tomatoe`,
/// `tornadoe`, `volcanoe` among them).
pub const O_TO_OE: &[(&str, &[&str])] = &[("o", &["oe"])];
/// How many more times a rule's letters (`error_model::Rules`: `ib`
/// typed `ab`) are taken to have been seen, none of them misspelt: a
/// rule seen in a few words says little, and the alignment takes each
/// rule wherever it is cheaper, so a rate chance made high would count
/// wherever the letters stand. By `evaluate`, at 0, 10, 30 and 100:
/// Norvig's sets 238 and 344, 237 and 344, 238 and 344, 237 and 343;
/// codespell's pool 39,876, 39,880, 39,877, 39,854; typos' 21,148,
/// 21,144, 21,157, 21,155; fresh's single words 230 and 342, 230 and 342,
/// 232 and 343, 231 and 343; the random slips 3,583, 3,590, 3,592, 3,593.
pub const RULE_PRIOR_WEIGHT: f64 = 30.0;
/// A slip with an apostrophe, which the learnt misspellings do not hold
/// (`did'nt`): two neighbours swapped.
pub const TRANSPOSITION: f64 = 0.9;
/// An apostrophe typed for a letter, extra, or one that is not left out
/// by habit: as any other letter was before the slips were learnt.
pub const OTHER_SUBSTITUTION: f64 = 2.0;
/// See `OTHER_SUBSTITUTION`.
pub const OTHER_INSERTION: f64 = 1.9;
/// See `OTHER_SUBSTITUTION`.
pub const OTHER_DELETION: f64 = 1.6;
/// Extra for a wrong first letter: people seldom get it wrong (a few
/// percent of errors), so a candidate that keeps it is likelier: to the
/// spelling half, `exstacy` is `ecstasy`, not `stacy`.
pub const FIRST_LETTER: f64 = 1.0;
/// Extra for a letter typed for another as a word's last (`calculatd` is
/// `calculated` with its `e` left out, likelier than `calculate` with a
/// `d` for its `e`), in the spelling half: misspellings change a word's
/// end less than its middle (Brill and Moore, 2000, condition their edits
/// on the place in the word). Norvig's sets hold 8 such among 137 letters
/// for letters, where the last letters are 12.3 % of the words' (0.47 of
/// the rate: 0.33 as log10); codespell's misspellings of rarer words 39
/// among 2,363, against 9.5 % (0.17: 0.76), but at 0.6 its own pool lost
/// two. A letter added at the end is as common as elsewhere in Norvig's
/// sets; one left out there is rarer in theirs (0.48) but not in
/// codespell's (0.78), and costing it lost sentences (typing's, the
/// addresses', the real misspellings').
pub const LAST_LETTER: f64 = 0.3;
/// Extra for a key added after a word's last letter, in the typing half
/// (`filterd` is `filtered` with its `e` left out, likelier than `filter`
/// with a `d` struck after it; `correcty` is `correctly`): the word is
/// done and the thumb goes to the space bar. Of the 2,968 misspellings
/// with one letter extra that the error model learns from (codespell's
/// rarer words, `codespell_slips.py`), 65 have it after the last letter,
/// 2.2 %, where the places a letter may be put in would give 9.5 %; of
/// the 1,309 whose extra letter is a neighbouring key or a double, 37,
/// 2.8 %: a quarter to a third as often, about 0.5 as log10.
pub const KEY_ADDED_AT_END: f64 = 0.5;
/// Share of slips that are typing slips rather than spelling slips
/// (`error_model::edit_cost`): half, for a word in running text and a word
/// sent alone alike. Weighing a word alone as a spelling slip only, as
/// before, got 19 fewer of 666 single words with typing slips right
/// (`theoy`, `mainl`, `ello`) and one more of 2,000 real misspellings.
pub const TYPING_SHARE: f64 = 0.5;
/// A typing slip (a neighbouring key, two keys swapped, a key missed or
/// added beside its neighbour): each kind a quarter of the development
/// sentences' typos, none likelier than another; as likely as a vowel for
/// a vowel among spelling slips.
pub const TYPING_SLIP: f64 = 1.0;
/// How much less each way of making a typing slip costs than
/// `TYPING_SLIP`, as the ways are many: each kind of slip is a quarter
/// of all, and within a kind each way of making it at a place alike. A
/// key left out, or two swapped, is made one way at a place; a
/// neighbouring key struck for a letter, one way for each of the
/// letter's neighbours (2 to 6, 4.3 on average over the letters of
/// English's 20,000 commonest words, by their counts); a key struck
/// beside the keys around it, one way for each of them or their
/// neighbours (7.9 on average). So a given neighbour costs log10 of its
/// letter's neighbours more and a given key added log10 of the keys it
/// may be (`error_model::Typing`); a double's letter left out, or struck
/// again beside it, is made two ways (either letter, either side), so
/// costs log10 2 less. Every way is lowered by log10 of the ways a kind
/// has on average, (1 + 1 + 4.28 + 7.87) / 4, so the four kinds together
/// are as likely as before. Until the forty-second session each way cost
/// alike, so a key added, with eight ways, stood for eight times the
/// slips a key left out did: `isolatde` was `isolate`, not `isolated`
/// swapped; `servicse` `service`.
pub const TYPING_WAYS: f64 = 0.55;
/// What a typing slip after the first in one word costs on top of
/// `TYPING_SLIP`: the odds of a slip at all, as the keys are struck one
/// by one. About 25 words in 1,000 hold a slip (Mitton, 1987), so 1.6.
/// Until the seventeenth session a second typing slip cost what the first
/// did, and `awfall` was `fall` with two stray keys before it, not `awful`
/// misspelt; `exstacy` was `stacy`. A misspelling's second slip
/// pays no such odds: people who spell by ear are often wrong twice
/// (`conceed`, `seperate`), and the ninth session's trial of that cost
/// for both kinds lost real misspellings (README).
pub const ANOTHER_TYPING_SLIP: f64 = 1.6;
/// A space left out or typed inside a word, as a misspelling (`to tal`):
/// far rarer in collections of real misspellings than a dropped or extra
/// letter; about ten times rarer than `OTHER_DELETION`, so `to tal` is
/// `to talk`, not `total`. As a typing slip the space bar is a key like
/// any other (`TYPING_SLIP`), and `error_model::space_slip_cost` mixes the
/// two like every slip (`alot` is `a lot`, not `slot`).
pub const SPACE_SLIP: f64 = 2.6;

// ---- Choosing a correction (spell.rs) ----------------------------------

/// How much one unit of edit cost outweighs a tenfold difference in
/// frequency: above 1, a closer slip beats a commoner word (`localy` →
/// `locally`, not `local`).
pub const CHANNEL_WEIGHT: f64 = 1.5;

/// What a string only the wider vocabulary holds (not the curated
/// dictionary) pays as the reading "meant as typed", against a correction:
/// the web's counts include its misspellings (`teh`, `definately`), so its
/// odds are discounted 300-fold. Lower values kept more real words of the
/// fresh prose but lost Norvig's misspellings that the web writes often;
/// 2.5 is the least that lost none on the development sets.
pub const UNVETTED_WORD_COST: f64 = 2.5;

/// The odds, as log10, against a known word being a slip for another
/// known word (`stand luke a rock`, `more complex tan most`): one typed
/// word in about 300. Students' unedited essays hold some 25 slips in
/// 1,000 words (Mitton, 1987), and with a word list as large as ours about
/// one typing slip in six makes another word (Peterson, 1986: 2–16 %, more
/// with a larger list): some 4 in 1,000. One in 1,000, the first value,
/// suits edited text and left most of them (README). A word is only
/// weighed as such a slip when it misses a neighbour (the pairs lack it
/// with the word before or the one after; a sentence's start and end
/// count as words, a comma parts no neighbours, and beside a word kept as
/// it is, a URL say, it has only one) and the word one edit away meets
/// one; it is corrected when that word's odds in place (with two words
/// on each side, by the triples, since the seventeenth session), less its
/// slip and these odds, still beat the typed word's. A bare contraction
/// that spells a word (`hes`, `its`, `cant`) is no slip but a habit: it
/// pays the odds of that habit instead, one in fifty
/// (`APOSTROPHE_LEFT_OUT`), and is weighed even where the typed word fits
/// both neighbours (`i think its not`).
pub const REAL_WORD_SLIP_COST: f64 = 2.5;

/// Shortest known word weighed as a slip for another: shorter ones are one
/// edit from dozens of words (`in`, `on`, `an`, `as`). Their contractions
/// are few, and weighed (`id` for `i'd`).
pub const MIN_REAL_WORD_SLIP_LEN: usize = 3;

/// Longest known word weighed as a slip for another: one edit from a
/// long word is seldom another word, and looking up every string one edit
/// away costs some 54 lookups a letter. On the development and fresh sets
/// this limit changed no accuracy figure.
pub const MAX_REAL_WORD_SLIP_LEN: usize = 6;

/// Shortest capitalised string no one writes read as a word with a letter
/// left out, however rare the word: shorter, it is as likely a name (`Ins
/// Pired` is no `Paired`).
pub const MIN_LEFT_OUT_NAME_SLIP: usize = 6;

/// Shortest word whose possessive typed bare is read so: shorter ones
/// meet an `s` struck after them by chance (`thes`, `ands`).
pub const MIN_POSSESSIVE_STEM: usize = 4;

/// Edits a word may be away from its correction in the delete index;
/// three would triple the index for words better found by ear.
pub use spelling_index::MAX_EDIT_DISTANCE;

/// Most a correction found by ear (`nessasary` → `necessary`), or by its
/// letters for a word sent alone (`candidates::far_words`), may cost:
/// about three ordinary edits. Found by its letters, among codespell's
/// 42,106 misspellings of ordinary English (`bench/misspellings_set.py
/// --all`), 4.0 corrected 39 left as typed and made 6 another wrong word;
/// 5.0, 74 and 14; 6.0, 229 and 77 (`hotname`, for `hostname`, became
/// `hootenanny`).
pub const MAX_SOUND_COST: f64 = 5.0;
/// Edits a word one consonant sound from the typed one, or one found by its
/// letters alone, may be away (`candidates::by_ear`, `far_words`): the
/// three of `MAX_SOUND_COST`. Such words are many, and weighing each by the
/// error model cost 16 % more instructions spent correcting dev; ruling out
/// those farther by their letters first, 3.7 %, with the same corrections.
pub const MAX_SOUND_EDITS: usize = 3;

/// How much less than the cheapest slip to a word one edit away the two
/// slips to a word two edits away must cost for a word sent alone to weigh
/// that word too (`candidates::most_likely_alone`): ten times as likely,
/// before the channel's weight. By `evaluate`, at 0 (any cheaper), 0.5, 1.0
/// and 1.5: codespell's single words 940 and 936, 940 and 935, 939 and 934,
/// 938 and 932 (939 and 931 without); Norvig's 225 and 336, 222 and 336,
/// 222 and 336, 222 and 333 (221 and 333); the fresh set 2's, whose every
/// slip is one edit, 335, 338, 340, 341 (342); the pool +64, +64, +63, +37.
pub const ALONE_TWO_EDITS_MARGIN: f64 = 1.0;

/// How much less likely, as log10, another word may be than the correction
/// and still be offered after it (`Change::replacements`): a tenth as
/// likely, or likelier. Where two words explain a misspelling about as
/// well, the likelier (by its odds and its slip) wins, and the other is
/// what the writer may have meant: `sory` is `story`, then `sorry`;
/// `gaet` `gate`, then `get`; `atain` `attain`, then `again`. A clear
/// misspelling gets its one word: `speling` only `spelling` (`spewing` ten
/// million times less likely), `teh` only `the` (`tech` 190 times less).
/// Only for words the noisy channel ranked, not for the other readings (a
/// split, a real word's slip, a name's).
pub const ALTERNATIVE_MARGIN: f64 = 1.0;

/// Most words offered for one misspelling, the correction included: as
/// LanguageTool's clients show them, a short list to choose from.
pub const MAX_REPLACEMENTS: usize = 3;

/// How much likelier a slip that keeps a word's consonant sounds is, for
/// the nearest words to a word sent alone (`error_model::SentAlone`):
/// twice. By `evaluate`, against none, at 0.3 and 0.5: codespell's pool of
/// 42,106 real misspellings +103 and +125; Norvig's single words +4 and
/// +2, +6 and +3; codespell's sets +3 and +4, +3 and +3; fresh +1 and +3,
/// +2 and +2; typing, whose slips are the fingers', 0 and 0, −1 and −1.
/// At 0.5 `eithers` became `withers`. Taken off the spelling slip's cost
/// instead of the whole (0.8: pool +214), it also moved the balance of
/// spelling and typing slips, and `personel` became `personal`.
pub const SAME_SOUND_ALONE: f64 = 0.3;

/// How much rarer, as log10, a slip of the fingers onto a key that is no
/// neighbour of the one meant (`fixels` for `pixels`, `entensions` for
/// `extensions`), or beside the keys typed, is than onto a neighbour, for
/// a word sent alone (`error_model::SentAlone`): 300 times, so that
/// about one key in a hundred struck for another is no neighbour of it
/// (twenty keys against five). Until the twenty-eighth session no slip of
/// the fingers struck another key, and of 4,000 common words with one
/// random slip each (`bench/random_slips_set.py`) the engine put right
/// 3,555, the plainest corrector (fewest edits, then the commonest word)
/// 3,550. By `evaluate`, against 3db85fb: those 4,000 +49, codespell's
/// pool of 42,106 +24, typos' pool of 23,808 +9, codespell's sets +1 and
/// +2, fresh's set 1 +1, and nothing lost on any set. The commoner the
/// other key, the more it gained and the more it lost: at 2.0 (a hundred
/// times) +78 and the pools +26 and +13, but typing's set 2, whose slips
/// are all neighbouring keys, −1 (`sove` → `save`) and `wholey` →
/// `whole`; at 1.5, typing's sets −2 and −1 and the right words sent
/// alone −3 and −1; at 3.0, about half the gains of 2.5. In running text
/// the same cost made names and coinages slips (`yacob` → `jacob`,
/// `depree` → `decree`, `the suttons` → `buttons`: fresh's typos fixed +5
/// but its right words −2, name-forms −1, typing's sentences −1): the
/// odds that such a word is meant were weighed against the slips as they
/// were. In every search of a word sent alone, not only its nearest
/// words', the pools gained 10 and 7 fewer.
pub const OTHER_KEY_ALONE: f64 = 2.5;

/// log10 P(w) a word must reach to replace a capitalised word that no one
/// writes (`Wrold` → `World`, `QUIKC` → `QUICK`): one in 100,000 words
/// or commoner, the 8,858 commonest of the vocabulary. A rare name one slip from a
/// rare word (`Avertin`, `averting`) is likelier a name than a slip.
pub const NAME_SLIP_MIN_LOG_P: f32 = -5.0;

/// log10 P(w) a word only the wider vocabulary holds must reach to be
/// offered for a word that no dictionary word explains
/// (`spell::vocabulary_word`, `drawdocwn` → `drawdown`): one in ten
/// million words, some 100,000 of the web's trillion. The rarer words are
/// its misspellings and foreign words as often as not: over every set of
/// single words, of the words such a last resort offered, the 23 that
/// were wrong were all rarer than that (`nessecary`, `fotografi`,
/// `techniek`), and 181 of the 185 right ones commoner (`filesystem`,
/// `antiretroviral`, `hostname`).
pub const VOCABULARY_WORD_MIN_LOG_P: f32 = -7.0;

/// How much rarer a name written in lowercase is than its count says: the
/// index build leaves out a curated name that a word one edit away is this
/// many times commoner than (`spelling_index::right_words`), a form of a
/// name or a numeral is a slip of such a word
/// (`spell::slip_of_a_much_commoner`), and a name pays it as the
/// correction of a lowercase word in running text (`candidates::name_cost`).
/// Defined with the index build, which uses it too.
pub use spelling_index::NAME_SLIP_RATIO;

/// Shortest typed word looked up by ear, three edits away by its letters,
/// or among the words with its consonants and other vowels
/// (`candidates::add_vowels_guessed`), or, sent alone, among the words it
/// is with two letters in a row left out (`candidates::most_likely_alone`),
/// or favoured for a word that sounds like it: too many short words sound
/// alike, or are that near.
pub const MIN_SOUND_WORD_LEN: usize = 5;

/// Fewest letters in a row of a word stretched for emphasis
/// (`candidates::unstretched`: `soooo` → `so`). At three, a key struck once
/// too often on a doubled letter was taken for a stretch: codespell's pool
/// −9 (`commmet` → `comet`, `fillled` → `filed`), typing's sentences −2
/// (`theee` → `the`, for `there`).
pub const MIN_STRETCH: usize = 4;

/// Most stretched runs a word is weighed with (`candidates::unstretched`):
/// each run is cut two ways, so 16 words at most; `soooo` and `pleeeease`
/// have one.
pub const MAX_STRETCHES: usize = 4;

/// Shortest typed word read as two words run together (`alot`, `thepast`).
pub const MIN_SPLIT_LEN: usize = 4;

/// log10 of the share of a pair's uses written apart at or above which
/// the web's writing the two words closed is a compound of its own, not a
/// space left out (`space_slips::split`): `homeownership` is written 0.71
/// times as often as `home ownership`, `homebuilders` 0.92, `timesharing`
/// 1.8, `homecare` 0.34; the run-togethers people write by habit stay far
/// below, however often the web writes them (`everytime` 0.11, `alright`
/// 0.05, `inbetween` 0.02, `alot` and `noone` 0.01, `eachother` 0.004).
/// A quarter, between the two.
pub const LOG_COMPOUND_CLOSED_SHARE: f64 = -0.6;

/// Shortest word taken as a known word behind a prefix (`unimpressive`),
/// and shortest known word left behind it: shorter, and a prefix meets a
/// short word by chance (`re` + `ching`).
pub const MIN_PREFIXED_LEN: usize = 8;
/// See `MIN_PREFIXED_LEN`.
pub const MIN_PREFIXED_REST: usize = 6;

/// Consonant skeletons shorter than this match too many words to tell
/// anything by ear.
pub const MIN_SOUND_KEY: usize = 3;

/// How common a user's extra word is taken to be (as a corpus count): as
/// common as a fairly frequent English word, so a close slip of it is
/// corrected to it.
pub const EXTRA_WORD_COUNT: f64 = 1e7;

/// Extra words are suggested up to two ordinary edits away.
pub const MAX_EXTRA_COST: f64 = 4.0;
