//! Roman numerals are numbers, not words: `louis xlv`, `chapter lxx`,
//! `mcmlxxxiv`. The dictionary lists the common ones (`xiv`, `viii`), so
//! the rest looked like slips of them (`xlv` had become `xv`, `lxx` `lx`).

const NUMERALS: [(&str, u32); 13] = [
    ("m", 1000),
    ("cm", 900),
    ("d", 500),
    ("cd", 400),
    ("c", 100),
    ("xc", 90),
    ("l", 50),
    ("xl", 40),
    ("x", 10),
    ("ix", 9),
    ("v", 5),
    ("iv", 4),
    ("i", 1),
];

/// Whether `lower` is a number from 1 to 3999 written as Roman numerals
/// are, in their one standard form: `xlv`, not `vl` or `xxxxv`, which are
/// no numbers and may well be slips.
pub fn is_roman_numeral(lower: &str) -> bool {
    let mut rest = lower;
    let mut value = 0;
    for (numeral, worth) in NUMERALS {
        while let Some(after) = rest.strip_prefix(numeral) {
            rest = after;
            value += worth;
        }
    }
    !lower.is_empty() && rest.is_empty() && value < 4000 && standard_form(value) == lower
}

fn standard_form(mut value: u32) -> String {
    let mut form = String::new();
    for (numeral, worth) in NUMERALS {
        while value >= worth {
            form.push_str(numeral);
            value -= worth;
        }
    }
    form
}

#[cfg(test)]
mod tests {
    use super::is_roman_numeral;

    #[test]
    fn numbers_in_their_standard_form_are_numerals() {
        for numeral in [
            "i",
            "iv",
            "xlv",
            "lxx",
            "xcix",
            "cdxliv",
            "mcmlxxxiv",
            "mmmcmxcix",
        ] {
            assert!(is_roman_numeral(numeral), "{numeral}");
        }
    }

    #[test]
    fn other_strings_of_their_letters_are_not() {
        // Out of order, repeated beyond three, too large, or a word.
        for text in [
            "", "vl", "iiii", "xxxxv", "ic", "vx", "mmmm", "dd", "mild", "civil", "xlvx",
        ] {
            assert!(!is_roman_numeral(text), "{text}");
        }
    }
}
