//! The strong forms of English verbs whose regular forms are English too
//! (`shear`: `sheared` and `shorn`; `plead`: `pleaded` and `pled`). The
//! SCOWL list holds such a verb and its regular forms, but often not the
//! old participle still written beside them, and SymSpell's curated list
//! lacks it too: `the sheep were shorn` became `short`, `hand-hewn` `hen`,
//! `he pled guilty` `plead`, though the web counts each (`shorn` 142,311,
//! `pled` 303,410). A closed list of the language, not a tuning; the
//! verbs whose regular past is a learner's slip (`teached`) are the
//! engine's (`irregular_forms`), and their forms the list has.

/// Each verb with its strong or old forms still written, American
/// spellings only (`leant` is British). Not the forms only old books
/// write, where a slip is likelier: `chid` (of `chide`) is `child` with a
/// letter left out, and `turned to the Chid` kept it. Only a listed
/// verb's forms are added, and only those the web counts are taken as
/// words (`right_words`); the rest are rare listed words
/// (`rare_listed_words`).
const FORMS: &[(&str, &[&str])] = &[
    ("alight", &["alit"]),
    ("bereave", &["bereft"]),
    ("beseech", &["besought"]),
    ("cleave", &["clove", "cloven", "cleft"]),
    ("dive", &["dove"]),
    ("gild", &["gilt"]),
    ("gird", &["girt"]),
    ("heave", &["hove"]),
    ("hew", &["hewn"]),
    ("lade", &["laden"]),
    ("melt", &["molten"]),
    ("mow", &["mown"]),
    ("plead", &["pled"]),
    ("prove", &["proven"]),
    ("rive", &["riven"]),
    ("saw", &["sawn"]),
    ("sew", &["sewn"]),
    ("shave", &["shaven"]),
    ("shear", &["shorn"]),
    ("sow", &["sown"]),
    ("strew", &["strewn"]),
    ("swell", &["swollen"]),
    ("thrive", &["throve", "thriven"]),
];

/// The words of `list`, then each strong form (`FORMS`) whose verb it
/// holds and that it lacks.
pub fn with_strong_forms<'a>(list: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut words: Vec<&str> = list.into_iter().collect();
    let listed: rustc_hash::FxHashSet<&str> = words.iter().copied().collect();
    for &(verb, forms) in FORMS {
        if listed.contains(verb) {
            words.extend(forms.iter().filter(|form| !listed.contains(*form)));
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listed_verbs_missing_forms_follow_the_list() {
        let words = with_strong_forms(["shear", "sheared", "thrive", "throve", "hewn"]);
        assert_eq!(
            words,
            ["shear", "sheared", "thrive", "throve", "hewn", "shorn", "thriven"]
        );
    }

    #[test]
    fn no_form_of_a_verb_the_list_lacks() {
        assert_eq!(
            with_strong_forms(["sheared", "hewed"]),
            ["sheared", "hewed"]
        );
    }
}
