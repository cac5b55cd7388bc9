//! Case: how a correction takes the case of the word it replaces, and
//! what capitals say about a word (a name, an acronym, shouting).

/// All capitals (`LSU`, `TEH`): two letters or more, none lowercase.
pub fn is_all_capitals(word: &str) -> bool {
    word.chars().filter(char::is_ascii_alphabetic).count() > 1
        && !word.chars().any(|c| c.is_ascii_lowercase())
}

/// Capitalised mid-sentence: a name, when it is not a known word.
pub fn is_name(word: &str, sentence_start: bool) -> bool {
    is_capitalised(word) && !sentence_start
}

/// `Kubrick`: an initial capital, the rest lowercase.
pub fn is_capitalised(word: &str) -> bool {
    let mut letters = word.chars().filter(char::is_ascii_alphabetic);
    letters.next().is_some_and(|c| c.is_ascii_uppercase())
        && letters.all(|c| c.is_ascii_lowercase())
}

/// `word` as the dictionary spells words: ASCII letters in lowercase and a
/// curly apostrophe straight (`Don’t` → `don't`), in one allocation, as
/// every word of a text is looked up so.
pub fn dictionary_form(word: &str) -> String {
    let mut form = String::with_capacity(word.len());
    form.extend(word.chars().map(|c| match c {
        '’' => '\'',
        c => c.to_ascii_lowercase(),
    }));
    form
}

/// `teh`→`the`, `Teh`→`The`, `TEH`→`THE`.
pub fn with_case_of(original: &str, lower: &str) -> String {
    if is_all_capitals(original) {
        return lower.to_ascii_uppercase();
    }
    let first_letter = original.chars().find(char::is_ascii_alphabetic);
    if first_letter.is_some_and(|c| c.is_ascii_uppercase()) {
        return capitalised(lower);
    }
    lower.to_owned()
}

/// `the` → `The`.
pub fn capitalised(lower: &str) -> String {
    let mut chars = lower.chars();
    chars
        .next()
        .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::with_case_of;

    #[test]
    fn corrections_take_the_case_of_the_word() {
        for (original, corrected) in [("teh", "the"), ("Teh", "The"), ("TEH", "THE")] {
            assert_eq!(with_case_of(original, "the"), corrected);
        }
    }
}
