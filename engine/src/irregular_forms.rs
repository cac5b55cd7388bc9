//! A learner's regular form of an irregular word: the past of a verb
//! (`teached`, `buyed`, `splitted`, `broked`), the plural of a Greek or
//! Latin noun (`criterions`, `analysises`) or the degree of an adjective
//! (`gooder`, `goodest`) made by the rule of `-ed`, `-s` or `-er` where
//! English does not, a slip of the rule rather than of letters,
//! like a `y` kept before an ending (`model::Y_TO_I`). By letters,
//! `taught` is four edits from `teached`, beyond every search, and a word
//! one edit away won (`teaches`, `buyer`, `splitter`).

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// English verbs whose past and past participle are not made with `-ed`,
/// each with those forms: a closed list of the language, not a tuning.
/// Left out are verbs whose regular past is English too (`dreamed`,
/// `learned`, `proved`, `hanged`, `lighted`, `quitted`), and `put` and
/// `cost`, whose `putted` and `costed` are words of their own
/// (`inputted`). A compound takes its verb's forms (`rebuild`,
/// `understand`, `withhold`, `forget`: `rebuilt`, `understood`).
const VERBS: &[(&str, &[&str])] = &[
    ("arise", &["arose", "arisen"]),
    ("awake", &["awoke", "awoken"]),
    ("bear", &["bore", "borne", "born"]),
    ("beat", &["beat", "beaten"]),
    ("begin", &["began", "begun"]),
    ("bend", &["bent"]),
    ("bind", &["bound"]),
    ("bite", &["bit", "bitten"]),
    ("bleed", &["bled"]),
    ("blow", &["blew", "blown"]),
    ("break", &["broke", "broken"]),
    ("breed", &["bred"]),
    ("bring", &["brought"]),
    ("build", &["built"]),
    ("burst", &["burst"]),
    ("buy", &["bought"]),
    ("cast", &["cast"]),
    ("catch", &["caught"]),
    ("choose", &["chose", "chosen"]),
    ("cling", &["clung"]),
    ("come", &["came", "come"]),
    ("creep", &["crept"]),
    ("cut", &["cut"]),
    ("deal", &["dealt"]),
    ("dig", &["dug"]),
    ("do", &["did", "done"]),
    ("draw", &["drew", "drawn"]),
    ("drink", &["drank", "drunk"]),
    ("drive", &["drove", "driven"]),
    ("eat", &["ate", "eaten"]),
    ("fall", &["fell", "fallen"]),
    ("feed", &["fed"]),
    ("feel", &["felt"]),
    ("fight", &["fought"]),
    ("find", &["found"]),
    ("flee", &["fled"]),
    ("fling", &["flung"]),
    ("fly", &["flew", "flown"]),
    ("forbid", &["forbade", "forbidden"]),
    ("freeze", &["froze", "frozen"]),
    ("get", &["got", "gotten"]),
    ("give", &["gave", "given"]),
    ("go", &["went", "gone"]),
    ("grind", &["ground"]),
    ("grow", &["grew", "grown"]),
    ("have", &["had"]),
    ("hear", &["heard"]),
    ("hide", &["hid", "hidden"]),
    ("hit", &["hit"]),
    ("hold", &["held"]),
    ("hurt", &["hurt"]),
    ("keep", &["kept"]),
    ("know", &["knew", "known"]),
    ("lay", &["laid"]),
    ("lead", &["led"]),
    ("leave", &["left"]),
    ("lend", &["lent"]),
    ("let", &["let"]),
    ("lose", &["lost"]),
    ("make", &["made"]),
    ("mean", &["meant"]),
    ("meet", &["met"]),
    ("pay", &["paid"]),
    ("read", &["read"]),
    ("rid", &["rid"]),
    ("ride", &["rode", "ridden"]),
    ("ring", &["rang", "rung"]),
    ("rise", &["rose", "risen"]),
    ("run", &["ran", "run"]),
    ("say", &["said"]),
    ("see", &["saw", "seen"]),
    ("seek", &["sought"]),
    ("sell", &["sold"]),
    ("send", &["sent"]),
    ("set", &["set"]),
    ("shake", &["shook", "shaken"]),
    ("shed", &["shed"]),
    ("shoot", &["shot"]),
    ("shrink", &["shrank", "shrunk"]),
    ("shut", &["shut"]),
    ("sing", &["sang", "sung"]),
    ("sink", &["sank", "sunk"]),
    ("sit", &["sat"]),
    ("sleep", &["slept"]),
    ("slide", &["slid"]),
    ("sling", &["slung"]),
    ("speak", &["spoke", "spoken"]),
    ("spend", &["spent"]),
    ("spin", &["spun"]),
    ("split", &["split"]),
    ("spread", &["spread"]),
    ("spring", &["sprang", "sprung"]),
    ("stand", &["stood"]),
    ("steal", &["stole", "stolen"]),
    ("stick", &["stuck"]),
    ("sting", &["stung"]),
    ("stink", &["stank", "stunk"]),
    ("stride", &["strode"]),
    ("strike", &["struck"]),
    ("string", &["strung"]),
    ("swear", &["swore", "sworn"]),
    ("sweep", &["swept"]),
    ("swim", &["swam", "swum"]),
    ("swing", &["swung"]),
    ("take", &["took", "taken"]),
    ("teach", &["taught"]),
    ("tear", &["tore", "torn"]),
    ("tell", &["told"]),
    ("think", &["thought"]),
    ("throw", &["threw", "thrown"]),
    ("thrust", &["thrust"]),
    ("tread", &["trod", "trodden"]),
    ("wear", &["wore", "worn"]),
    ("weep", &["wept"]),
    ("win", &["won"]),
    ("wind", &["wound"]),
    ("wring", &["wrung"]),
    ("write", &["wrote", "written"]),
];

/// Forms that are the stems of regular verbs of their own (`found` →
/// `founded`, `wound` → `wounded`, `fell` → `felled`, `bore` → `bored`):
/// `-ed` after them is English, not a slip.
const REGULAR_TOO: [&str; 8] = [
    "bore", "bound", "fell", "felt", "found", "ground", "saw", "wound",
];

/// Each regular past a learner makes of a verb's forms (`teached`,
/// `taughted`, `splitted`, `broked`, `flyed`, `flied`), with the verb's
/// irregular forms.
static REGULARISED: LazyLock<FxHashMap<String, &'static [&'static str]>> = LazyLock::new(|| {
    let mut regularised = FxHashMap::default();
    for &(verb, forms) in VERBS {
        for form in std::iter::once(verb).chain(forms.iter().copied()) {
            if REGULAR_TOO.contains(&form) {
                continue;
            }
            for past in regular_pasts(form) {
                regularised.entry(past).or_insert(forms);
            }
        }
    }
    regularised
});

/// The ways a writer adds `-ed` to `form`: `d` after an `e` (`arised`),
/// `ed` (`teached`), with its last consonant doubled too (`splitted`; not
/// a `w`, which English never doubles), and with a `y` after a consonant
/// turned into `i` (`flied`).
fn regular_pasts(form: &str) -> Vec<String> {
    let Some(last) = form.bytes().last() else {
        return Vec::new();
    };
    if last == b'e' {
        return vec![format!("{form}d")];
    }
    let mut pasts = vec![format!("{form}ed")];
    let vowel = |b: u8| b"aeiou".contains(&b);
    if last == b'y' {
        let before = form.len().checked_sub(2).map(|i| form.as_bytes()[i]);
        if before.is_some_and(|b| !vowel(b)) {
            pasts.push(format!("{}ied", &form[..form.len() - 1]));
        }
    } else if !vowel(last) && last != b'w' {
        pasts.push(format!("{form}{}ed", char::from(last)));
    }
    pasts
}

/// The prefixes of English compound verbs (`rebuild`, `understand`,
/// `withhold`, `mislead`, `upset`), which keep the verb's forms. Only
/// these: the shortest forms end many words (`ate`: `created` is no
/// `cre` + `eat`).
const PREFIXES: [&str; 11] = [
    "be", "for", "fore", "mis", "off", "out", "over", "re", "un", "under", "up",
];

/// Calls `each` with every word `typed`, ending in `d`, may be a
/// learner's regular past of, as a prefix or nothing (`PREFIXES`) and one
/// of the verb's irregular forms (`teached` → `taught`; `rebuilded` →
/// `rebuilt`, `understanded` → `understood`). Not every one is a word
/// (`regetted`, `re` and `get`, → `regot`): the caller weighs only words.
fn each_past_meant(typed: &str, each: &mut impl FnMut(&str, &str)) {
    let prefixed = PREFIXES
        .into_iter()
        .filter(|prefix| typed.starts_with(prefix));
    for before in std::iter::once("").chain(prefixed) {
        if let Some(forms) = REGULARISED.get(&typed[before.len()..]) {
            for form in forms.iter() {
                each(before, form);
            }
        }
    }
}

/// Nouns English keeps the Greek or Latin plural of, each with that
/// plural: a closed list. Left out are those whose `-s` plural is English too
/// (`mediums`, `cactuses`, `indexes`), and English's own irregular nouns
/// (`child`, `woman`, `tooth`): their `-s` is as often a possessive typed
/// bare (`the childs toy`), which the model cannot yet weigh against a
/// learner's plural (`the childs are playing`), and `children toy` would
/// be worse than leaving it.
const NOUNS: [(&str, &str); 3] = [
    ("criterion", "criteria"),
    ("phenomenon", "phenomena"),
    ("bacterium", "bacteria"),
];

/// Whether `word` is a noun whose Greek or Latin plural English keeps
/// (`NOUNS`: `criterion`), so that its `-s` form is a learner's
/// (`word_forms::plural` makes none). Not `word_forms::is_irregular_plural`,
/// which asks whether a word is such a plural (`children`).
pub fn keeps_a_classical_plural(word: &str) -> bool {
    NOUNS.iter().any(|&(singular, _)| singular == word)
}

/// Calls `each` with every plural `typed`, ending in `s`, may be a
/// learner's regular plural of: of a noun of `NOUNS` (`criterions` →
/// `criteria`), and of a noun in `-is`, whose plural is in `-es`
/// (`analysises`, `crisises`, `axises` → `analyses`, `crises`, `axes`;
/// `-ises` after anything, as the caller weighs only words).
fn each_plural_meant(typed: &str, each: &mut impl FnMut(&str, &str)) {
    for (singular, plural) in NOUNS {
        if typed.strip_suffix('s') == Some(singular) {
            each("", plural);
        }
    }
    if let Some(before) = typed
        .strip_suffix("ises")
        .filter(|before| before.len() >= 2)
    {
        each(before, "es");
    }
}

/// Adjectives English compares by other words, each with its comparative
/// and superlative: a closed list. `badder` and `baddest` are words of
/// their own (slang), and the dictionary keeps them.
const ADJECTIVES: [(&str, &str, &str); 2] = [("good", "better", "best"), ("bad", "worse", "worst")];

/// Calls `each` with the comparative or superlative `typed`, ending in `r`
/// or `t`, may be a learner's regular one of (`gooder`, `goodest`,
/// `bader` → `better`, `best`, `worse`), its last consonant doubled or not.
fn each_degree_meant(typed: &str, each: &mut impl FnMut(&str, &str)) {
    for (adjective, comparative, superlative) in ADJECTIVES {
        for (ending, form) in [("er", comparative), ("est", superlative)] {
            let Some(stem) = typed.strip_suffix(ending) else {
                continue;
            };
            let doubled = stem
                .strip_suffix(|c| adjective.ends_with(c))
                .is_some_and(|undoubled| undoubled == adjective);
            if stem == adjective || doubled {
                each("", form);
            }
        }
    }
}

/// Calls `each` with every word `typed` may be a learner's regular form
/// of, as what comes before the irregular form and that form: a past
/// (`each_past_meant`), a plural (`each_plural_meant`) or a degree of an
/// adjective (`each_degree_meant`). Not every one is a word: the caller
/// weighs only words.
pub fn each_meant(typed: &str, mut each: impl FnMut(&str, &str)) {
    match typed.as_bytes().last() {
        Some(b'd') => each_past_meant(typed, &mut each),
        Some(b's') => each_plural_meant(typed, &mut each),
        Some(b'r' | b't') => each_degree_meant(typed, &mut each),
        _ => {}
    }
}

/// Whether `typed` is a learner's regular form of `word`
/// (`each_meant`).
pub fn is_regular_form_of(typed: &str, word: &str) -> bool {
    let mut found = false;
    each_meant(typed, |before, form| {
        found |= word.len() == before.len() + form.len()
            && word.starts_with(before)
            && word.ends_with(form);
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meant(typed: &str) -> Vec<String> {
        let mut words = Vec::new();
        each_meant(typed, |before, form| words.push(format!("{before}{form}")));
        words
    }

    #[test]
    fn a_regular_past_stands_for_the_verbs_irregular_forms() {
        assert_eq!(meant("teached"), ["taught"]);
        assert_eq!(meant("arised"), ["arose", "arisen"]);
        assert_eq!(meant("splitted"), ["split"]);
        assert_eq!(meant("hidded"), ["hid", "hidden"]);
        assert_eq!(meant("flyed"), ["flew", "flown"]);
        assert_eq!(meant("flied"), ["flew", "flown"]);
        assert_eq!(meant("layed"), ["laid"]);
        // Of a form already irregular, and after a prefix.
        assert_eq!(meant("broked"), ["broke", "broken"]);
        assert_eq!(meant("knowned"), ["knew", "known"]);
        assert_eq!(meant("rebuilded"), ["rebuilt"]);
        assert_eq!(meant("understanded"), ["understood"]);
        assert!(is_regular_form_of("teached", "taught"));
        assert!(is_regular_form_of("rebuilded", "rebuilt"));
        assert!(!is_regular_form_of("teached", "teaches"));
        assert!(!is_regular_form_of("rebuilded", "built"));
    }

    #[test]
    fn only_a_prefix_of_compound_verbs_comes_before_the_verb() {
        // `ate` and `eaten` after `cre`, `led` after `sca`.
        assert_eq!(meant("creeated"), Vec::<String>::new());
        assert_eq!(meant("scaleded"), Vec::<String>::new());
        assert_eq!(meant("mistaked"), ["mistook", "mistaken"]);
    }

    #[test]
    fn a_regular_past_that_is_english_stands_for_nothing() {
        // Regular verbs of their own, and verbs whose regular past is
        // English too.
        for typed in [
            "founded", "wounded", "felled", "bored", "dreamed", "inputted", "costed",
        ] {
            assert_eq!(meant(typed), Vec::<String>::new(), "{typed}");
        }
        // No `-ed` at all.
        assert_eq!(meant("teaches"), Vec::<String>::new());
    }

    #[test]
    fn a_regular_degree_stands_for_the_adjectives_irregular_one() {
        assert_eq!(meant("gooder"), ["better"]);
        assert_eq!(meant("goodest"), ["best"]);
        assert_eq!(meant("bader"), ["worse"]);
        assert_eq!(meant("baddest"), ["worst"]);
        assert_eq!(meant("goodyear"), Vec::<String>::new());
        assert_eq!(meant("boast"), Vec::<String>::new());
    }

    #[test]
    fn a_regular_plural_stands_for_the_nouns_irregular_plural() {
        assert_eq!(meant("criterions"), ["criteria"]);
        assert_eq!(meant("analysises"), ["analyses"]);
        assert_eq!(meant("axises"), ["axes"]);
        assert!(is_regular_form_of("phenomenons", "phenomena"));
        assert!(!is_regular_form_of("phenomenons", "phenomenon"));
        // English's own, whose `-s` is as often a possessive typed bare.
        assert_eq!(meant("childs"), Vec::<String>::new());
        assert_eq!(meant("persons"), Vec::<String>::new());
    }
}
