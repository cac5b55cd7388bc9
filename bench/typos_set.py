"""Single misspelt words of a second source, for `evaluate`: the misspellings
of the `typos` source-code checker's dictionary (the crate `typos-dict`
0.14.4 on crates.io, MIT or Apache-2.0; read here, never shipped), kept
where the misspelling and its one correction are plain lowercase words,
the correction is among the vocabulary's 30,000 commonest words of four
letters or more (ordinary English, as `misspellings_set.py` keeps), and
codespell's list does not hold the misspelling: a pool that shares none
of codespell's misspellings, from which the error model learns nothing
(`engine/dictionaries/codespell_slips.py` reads codespell's list only).
Every one of them (some 23,800), halved, as two sets in Norvig's layout;
the sentence and segmentation sets are copied from the fresh sets, so
`evaluate` runs unchanged:

    python3 bench/fresh_sets.py /tmp/fresh
    python3 bench/typos_set.py /tmp/fresh /tmp/typos
    cargo run --release -p engine --example evaluate -- /tmp/typos

The crate's dictionary is Rust source (`src/word_codegen.rs`): each entry
is a misspelling and its corrections, read here with a pattern.
"""
import hashlib, io, random, re, sys, tarfile, urllib.request

from misspelt_words import codespell_lines, is_ordinary, vocabulary_rank, write_sets

CRATE = 'https://static.crates.io/crates/typos-dict/typos-dict-0.14.4.crate'
CRATE_SHA256 = 'e51302bc48a926f153cf2ed09517d38595911918f0638492ffaac576fa829e20'
ENTRY = re.compile(r'InsensitiveStr::Ascii\("([a-z]+)"\),\s*&\[\s*"([a-z]+)"\s*,?\s*\]')

fresh, out = sys.argv[1], sys.argv[2]
rank = vocabulary_rank()
crate = urllib.request.urlopen(CRATE).read()
if hashlib.sha256(crate).hexdigest() != CRATE_SHA256:
    sys.exit('typos-dict crate: checksum differs from ' + CRATE_SHA256)
with tarfile.open(fileobj=io.BytesIO(crate)) as tar:
    source = tar.extractfile('typos-dict-0.14.4/src/word_codegen.rs').read().decode()
in_codespell = {line.split('->', 1)[0] for line in codespell_lines()}
pairs = sorted({(right, wrong) for wrong, right in ENTRY.findall(source)
                if wrong not in in_codespell and is_ordinary(right, rank)})
random.Random(7).shuffle(pairs)
size = len(pairs) // 2
write_sets(fresh, out, pairs[:size], pairs[size:2 * size])
print(len(pairs), 'misspellings;', 2 * size, 'written to', out)
