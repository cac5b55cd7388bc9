//! Builds the spelling index from the embedded dictionaries, so the engine
//! decodes it at start instead of building it (see the `spelling-index`
//! crate, which both use), and writes what the engine would otherwise
//! parse at each start: the two counted dictionaries as words and counts
//! (`counted_words`), the vocabulary followed by the listed words only
//! today's English counts (`wordfreq_listed.py`); the words the SCOWL list adds to the curated
//! dictionary, its words too rare to count, the curated names it leaves
//! out and every curated word the list has only with capitals, so the
//! engine need not read the list; the language model's word pairs and
//! triples, nearly three million lines; and the counts of real
//! misspellings' slips, as arrays the error model learns its costs from,
//! and of their slips of a few letters, as a list.

#![allow(clippy::disallowed_methods)] // the build step reads the dictionaries (clippy.toml keeps the engine itself off I/O)

use std::io::Read;
use std::path::PathBuf;

const CURATED: &str = "dictionaries/frequency_dictionary_en_82_765.txt.gz";
const WORD_LIST: &str = "dictionaries/scowl_en_us_hunspell.txt.gz";
const VOCABULARY: &str = "dictionaries/wordsegment_unigrams_333k.txt.gz";
const LISTED_COUNTS: &str = "dictionaries/wordfreq_listed.txt.gz";
const PAIRS: &str = "dictionaries/cmusphinx_en_us_pairs.txt.gz";
const TRIPLES: &str = "dictionaries/cmusphinx_en_us_triples.txt.gz";
const SLIPS: &str = "dictionaries/codespell_slips.txt";
const RULES: &str = "dictionaries/codespell_rules.txt";

fn main() {
    for file in [
        CURATED,
        WORD_LIST,
        VOCABULARY,
        LISTED_COUNTS,
        PAIRS,
        TRIPLES,
        SLIPS,
        RULES,
    ] {
        println!("cargo::rerun-if-changed={file}");
    }
    // The list, with the strong forms of its verbs it lacks (`shorn`, `pled`)
    // and the contractions of `there` and the question words (`what'd`).
    let scowl = read(WORD_LIST);
    let word_list =
        spelling_index::with_contractions(spelling_index::with_strong_forms(scowl.lines()));
    // The two counted dictionaries go to the engine as words and counts it
    // reads without parsing (`spelling_index::counted_words`), checked here.
    let (curated_words, curated_counts) = counted(CURATED);
    // The web's vocabulary, and after it the listed words it never
    // counted, with today's counts on its scale (`wordfreq_listed.py`).
    let web = read(VOCABULARY);
    let web_entries = web.lines().count();
    let vocabulary = web + &read(LISTED_COUNTS);
    let (vocabulary_words, vocabulary_counts) = spelling_index::counted_words::encode(&vocabulary)
        .unwrap_or_else(|e| panic!("{VOCABULARY} and {LISTED_COUNTS}: {e}"));
    let entries = |words, counts: &[u8]| {
        spelling_index::counted_words::decode(words, counts, counts.len() / 8)
            .expect("entries as encoded")
    };
    let curated_entries = entries(&curated_words, &curated_counts);
    let vocabulary_entries = spelling_index::offered_vocabulary(
        &entries(&vocabulary_words, &vocabulary_counts),
        web_entries,
    );
    let words = spelling_index::right_words(
        curated_entries.iter().copied(),
        word_list.iter().copied(),
        vocabulary_entries.iter().copied(),
    );
    let rare: String = spelling_index::rare_listed_words(
        curated_entries.iter().copied(),
        word_list.iter().copied(),
        vocabulary_entries.iter().copied(),
    )
    .iter()
    .map(|word| format!("{word}\n"))
    .collect();
    // `right_words` keeps the curated words it takes, in order, then adds
    // the list's: what it left out is what the curated list has beyond them.
    let right: std::collections::HashSet<&str> = words.iter().map(|&(word, _)| word).collect();
    let left_out: Vec<&str> = curated_entries
        .iter()
        .map(|&(word, _)| word)
        .filter(|word| !right.contains(word))
        .collect();
    let added = &words[curated_entries.len() - left_out.len()..];
    let listed: String = added
        .iter()
        .map(|(word, count)| format!("{word} {count}\n"))
        .collect();
    let left_out: String = left_out.iter().map(|word| format!("{word}\n")).collect();
    // The curated names, those `right_words` left out among them, the
    // acronyms it added, and every other name the list writes with a
    // capital, which no count need hold (`spelling_index::names`).
    let names: String = spelling_index::names(
        curated_entries.iter().copied().chain(added.iter().copied()),
        word_list.iter().copied(),
    )
    .iter()
    .map(|word| format!("{word}\n"))
    .collect();
    let index = spelling_index::build(words);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(out.join(name), bytes).expect("OUT_DIR is writable");
    };
    write("spelling-index.postcard", &spelling_index::encode(&index));
    write("curated-words.txt", curated_words.as_bytes());
    write("curated-counts.bin", &curated_counts);
    write("vocabulary-words.txt", vocabulary_words.as_bytes());
    write("vocabulary-counts.bin", &vocabulary_counts);
    write("listed-words.txt", listed.as_bytes());
    write("left-out-words.txt", left_out.as_bytes());
    write("names.txt", names.as_bytes());
    write("rare-listed-words.txt", rare.as_bytes());
    let pairs = spelling_index::WordPairs::new(pair_lines(PAIRS, &read(PAIRS)));
    write("word-pairs.postcard", &pairs.encode());
    let text = read(TRIPLES);
    // `first second third log10-probability` lines, and `first second
    // log10-back-off` lines for the pairs they start with.
    let lines: Vec<Vec<&str>> = text.lines().map(|l| l.split(' ').collect()).collect();
    if let Some(bad) = lines.iter().find(|l| l.len() != 3 && l.len() != 4) {
        panic!("{TRIPLES}: bad line {bad:?}");
    }
    let number = |line: &[&str]| -> f64 {
        let last = line.last().copied().unwrap_or_default();
        last.parse()
            .unwrap_or_else(|_| panic!("{TRIPLES}: bad number in {line:?}"))
    };
    let triples = lines
        .iter()
        .filter(|l| l.len() == 4)
        .map(|l| (l[0], l[1], l[2], number(l)));
    let back_offs = lines
        .iter()
        .filter(|l| l.len() == 3)
        .map(|l| (l[0], l[1], number(l)));
    let triples = spelling_index::WordTriples::new(&pairs, triples, back_offs)
        .unwrap_or_else(|e| panic!("{TRIPLES}: {e}"));
    write("word-triples.postcard", &triples.encode());
    let slips = std::fs::read_to_string(SLIPS).expect(SLIPS);
    write("slip-counts.rs", slip_counts(&slips).as_bytes());
    let rules = std::fs::read_to_string(RULES).expect(RULES);
    write("slip-rules.rs", slip_rules(&rules).as_bytes());
}

/// `codespell_rules.py`'s lines (`meant typed n seen`) as a Rust array of
/// `(typed, meant, n, seen)`, the counts in hundredths (they are weighed
/// to two places).
fn slip_rules(text: &str) -> String {
    let rules: Vec<String> = text
        .lines()
        .map(|line| match line.split(' ').collect::<Vec<_>>()[..] {
            [meant, typed, n, seen]
                if [meant, typed].iter().all(|part| {
                    !part.is_empty() && part.bytes().all(|c| c.is_ascii_lowercase())
                }) =>
            {
                let count = |field: &str| -> f64 {
                    field
                        .parse()
                        .unwrap_or_else(|_| panic!("{RULES}: bad count in {line:?}"))
                };
                let (n, seen) = (count(n), count(seen));
                assert!(
                    0.0 < n && n <= seen,
                    "{RULES}: counts out of order in {line:?}"
                );
                let hundredths = |count: f64| (count * 100.0).round() as u32;
                format!(
                    "({typed:?}, {meant:?}, {}, {})",
                    hundredths(n),
                    hundredths(seen)
                )
            }
            _ => panic!("{RULES}: bad line {line:?}"),
        })
        .collect();
    format!(
        "pub static RULES: [(&str, &str, u32, u32); {}] = [{}];\n",
        rules.len(),
        rules.join(", ")
    )
}

/// The counts of `codespell_slips.py`'s lines as Rust arrays, one per
/// kind, indexed by letter (`a`–`z`, then `^` for a word's start): a
/// letter's for `one`, none for `stutter`, `swap_over` and the `y_`
/// counts, a pair's (`first * 27 + second`) for the rest.
fn slip_counts(text: &str) -> String {
    const KINDS: [(&str, usize); 10] = [
        ("sub", 2),
        ("del", 2),
        ("ins", 2),
        ("swap", 2),
        ("stutter", 0),
        ("swap_over", 0),
        ("y_kept", 0),
        ("y_endings", 0),
        ("one", 1),
        ("two", 2),
    ];
    let symbol = |key: &str| match key.as_bytes() {
        [c @ b'a'..=b'z'] => usize::from(c - b'a'),
        b"^" => 26,
        _ => panic!("{SLIPS}: bad letter {key:?}"),
    };
    let mut tables: Vec<Vec<u32>> = KINDS
        .iter()
        .map(|&(_, keys)| vec![0; 27usize.pow(keys as u32)])
        .collect();
    for line in text.lines() {
        let fields: Vec<&str> = line.split(' ').collect();
        let kind = KINDS
            .iter()
            .position(|&(kind, keys)| kind == fields[0] && fields.len() == keys + 2)
            .unwrap_or_else(|| panic!("{SLIPS}: bad line {line:?}"));
        let at = fields[1..fields.len() - 1]
            .iter()
            .fold(0, |at, key| at * 27 + symbol(key));
        tables[kind][at] = fields[fields.len() - 1]
            .parse()
            .unwrap_or_else(|_| panic!("{SLIPS}: bad count in {line:?}"));
    }
    // The error model divides by how often each letter was meant.
    let one = KINDS.iter().position(|&(kind, _)| kind == "one");
    if one.is_some_and(|one| tables[one][..26].contains(&0)) {
        panic!("{SLIPS}: a letter no correction holds");
    }
    KINDS
        .iter()
        .zip(&tables)
        .map(|((kind, _), counts)| {
            format!(
                "pub const {}: [u32; {}] = {counts:?};\n",
                kind.to_uppercase(),
                counts.len()
            )
        })
        .collect()
}

fn read(path: &str) -> String {
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path).expect(path))
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    text
}

/// The `word count` lines of a gzipped dictionary, as words and counts.
fn counted(path: &str) -> (String, Vec<u8>) {
    spelling_index::counted_words::encode(&read(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `first second log10-probability` lines.
fn pair_lines<'a>(
    path: &'a str,
    text: &'a str,
) -> impl Iterator<Item = (&'a str, &'a str, f64)> + 'a {
    text.lines().filter(|l| !l.is_empty()).map(move |line| {
        let mut fields = line.split(' ');
        let mut next = || {
            fields
                .next()
                .unwrap_or_else(|| panic!("{path}: bad line {line:?}"))
        };
        let (first, second, log_p) = (next(), next(), next());
        let log_p = log_p
            .parse()
            .unwrap_or_else(|_| panic!("{path}: bad probability in {line:?}"));
        (first, second, log_p)
    })
}
