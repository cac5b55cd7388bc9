//! Builds the spelling index from the embedded word-frequency dictionary,
//! so the api decodes it at start instead of building it (see
//! src/text/spelling_index.rs).

use std::io::Read;
use std::path::PathBuf;

#[allow(dead_code)] // `decode` is for the api, not for this script.
#[path = "src/text/spelling_index.rs"]
mod spelling_index;

const DICTIONARY: &str = "dictionaries/frequency_dictionary_en_82_765.txt.gz";

fn main() {
    println!("cargo::rerun-if-changed={DICTIONARY}");
    println!("cargo::rerun-if-changed=src/text/spelling_index.rs");
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(DICTIONARY).expect(DICTIONARY))
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("{DICTIONARY}: {e}"));
    // The api checks the dictionary again at start (every entry, exactly);
    // here a bad line only has to stop the build.
    let entries = text.lines().filter(|l| !l.is_empty()).map(|line| {
        let (word, count) = line
            .rsplit_once(' ')
            .unwrap_or_else(|| panic!("{DICTIONARY}: bad line {line:?}"));
        let count = count
            .parse()
            .unwrap_or_else(|_| panic!("{DICTIONARY}: bad count in {line:?}"));
        (word, count)
    });
    let index = spelling_index::build(entries);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(
        out.join("spelling-index.postcard"),
        spelling_index::encode(&index),
    )
    .expect("OUT_DIR is writable");
}
