//! A number written in digits, read as the words it is said with: the
//! language model's text spells numbers out (`ten years`, `four billion`,
//! `nineteen ninety`), so to the corrector a number's neighbours are the
//! words it is said with, not nothing (`5 mins`, `$4 billon`, `10 yeasr`).

/// The words a number is said with (`1,250` → `one thousand two hundred
/// fifty`; `1990` → `nineteen ninety`; `1.5` → `one point five`; `4th` →
/// `fourth`; `1960s` → `nineteen sixties`), or `None` for what is no
/// number people say (a code, a phone number, a version `2.0.1`).
pub fn spoken(token: &str) -> Option<Vec<&'static str>> {
    let (digits, suffix) = token.split_at(
        token
            .find(|c: char| c.is_ascii_alphabetic())
            .unwrap_or(token.len()),
    );
    let (whole, fraction) = match digits.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (digits, None),
    };
    if whole.is_empty()
        || fraction.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let value = thousands(whole)?;
    let mut words = Vec::new();
    match (fraction, suffix) {
        (Some(fraction), "") => {
            say(value, &mut words);
            words.push("point");
            words.extend(fraction.bytes().map(|d| ONES[usize::from(d - b'0')]));
        }
        (Some(_), _) => return None,
        (None, suffix) => {
            // A year is said in hundreds (`nineteen ninety`, `eighteen oh
            // five`), as is a decade (`the 1960s`).
            if whole.len() == 4 && (1100..2000).contains(&value) && value % 100 != 0 {
                say(value / 100, &mut words);
                if value % 100 < 10 {
                    words.push("oh");
                }
                say(value % 100, &mut words);
            } else {
                say(value, &mut words);
            }
            let last = words.last_mut()?;
            match suffix.to_ascii_lowercase().as_str() {
                "" => {}
                "st" | "nd" | "rd" | "th" => *last = ordinal(last)?,
                "s" => *last = plural(last)?,
                _ => return None,
            }
        }
    }
    Some(words)
}

/// The value of digits, with or without commas between thousands
/// (`1,000`); `None` for other commas (`1,2,3`) or a number too long to be
/// said (a code).
fn thousands(whole: &str) -> Option<u64> {
    let mut groups = whole.split(',');
    let first = groups.next()?;
    let mut digits = String::from(first);
    let commas = whole.contains(',');
    if first.is_empty() || (commas && first.len() > 3) {
        return None;
    }
    for group in groups {
        if group.len() != 3 {
            return None;
        }
        digits.push_str(group);
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 12 {
        return None;
    }
    // A number with a leading zero is a code (`007`), said digit by digit.
    if digits.len() > 1 && digits.starts_with('0') {
        return None;
    }
    digits.parse().ok()
}

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const SCALES: [(u64, &str); 3] = [
    (1_000_000_000, "billion"),
    (1_000_000, "million"),
    (1_000, "thousand"),
];

/// `n` said as American English says it, with no `and`.
fn say(n: u64, words: &mut Vec<&'static str>) {
    if n == 0 {
        words.push(ONES[0]);
        return;
    }
    let mut rest = n;
    for (scale, name) in SCALES {
        if rest >= scale {
            say(rest / scale, words);
            words.push(name);
            rest %= scale;
        }
    }
    if rest >= 100 {
        words.push(ONES[(rest / 100) as usize]);
        words.push("hundred");
        rest %= 100;
    }
    if rest >= 20 {
        words.push(TENS[(rest / 10) as usize]);
        rest %= 10;
        if rest > 0 {
            words.push(ONES[rest as usize]);
        }
    } else if rest > 0 {
        words.push(ONES[rest as usize]);
    }
}

/// The ordinal of a number's last word (`four` → `fourth`).
fn ordinal(word: &str) -> Option<&'static str> {
    const ORDINALS: &[(&str, &str)] = &[
        ("zero", "zeroth"),
        ("one", "first"),
        ("two", "second"),
        ("three", "third"),
        ("four", "fourth"),
        ("five", "fifth"),
        ("six", "sixth"),
        ("seven", "seventh"),
        ("eight", "eighth"),
        ("nine", "ninth"),
        ("ten", "tenth"),
        ("eleven", "eleventh"),
        ("twelve", "twelfth"),
        ("thirteen", "thirteenth"),
        ("fourteen", "fourteenth"),
        ("fifteen", "fifteenth"),
        ("sixteen", "sixteenth"),
        ("seventeen", "seventeenth"),
        ("eighteen", "eighteenth"),
        ("nineteen", "nineteenth"),
        ("twenty", "twentieth"),
        ("thirty", "thirtieth"),
        ("forty", "fortieth"),
        ("fifty", "fiftieth"),
        ("sixty", "sixtieth"),
        ("seventy", "seventieth"),
        ("eighty", "eightieth"),
        ("ninety", "ninetieth"),
        ("hundred", "hundredth"),
        ("thousand", "thousandth"),
        ("million", "millionth"),
        ("billion", "billionth"),
    ];
    ORDINALS.iter().find(|(n, _)| *n == word).map(|&(_, o)| o)
}

/// The plural of a number's last word, as a decade is said (`sixty` →
/// `sixties`).
fn plural(word: &str) -> Option<&'static str> {
    const PLURALS: &[(&str, &str)] = &[
        ("ten", "tens"),
        ("twenty", "twenties"),
        ("thirty", "thirties"),
        ("forty", "forties"),
        ("fifty", "fifties"),
        ("sixty", "sixties"),
        ("seventy", "seventies"),
        ("eighty", "eighties"),
        ("ninety", "nineties"),
        ("hundred", "hundreds"),
        ("thousand", "thousands"),
    ];
    PLURALS.iter().find(|(n, _)| *n == word).map(|&(_, p)| p)
}

#[cfg(test)]
mod tests {
    use super::spoken;

    fn said(token: &str) -> Option<String> {
        spoken(token).map(|words| words.join(" "))
    }

    #[test]
    fn a_number_is_read_as_it_is_said() {
        for (token, words) in [
            ("0", "zero"),
            ("5", "five"),
            ("17", "seventeen"),
            ("25", "twenty five"),
            ("100", "one hundred"),
            ("1,250", "one thousand two hundred fifty"),
            ("2000", "two thousand"),
            ("1990", "nineteen ninety"),
            ("1905", "nineteen oh five"),
            ("1900", "one thousand nine hundred"),
            ("4,000,000", "four million"),
            ("1.5", "one point five"),
            ("4th", "fourth"),
            ("21st", "twenty first"),
            ("1960s", "nineteen sixties"),
            ("80s", "eighties"),
        ] {
            assert_eq!(said(token).as_deref(), Some(words), "{token}");
        }
    }

    #[test]
    fn what_no_one_says_as_a_number_is_none() {
        for token in [
            "007",
            "1,2,3",
            "12,34",
            "2.0.1",
            "1.",
            "5kg",
            "4x4",
            "1234567890123",
            "9th8",
        ] {
            assert_eq!(said(token), None, "{token}");
        }
    }
}
