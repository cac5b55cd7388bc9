"""Misspelt words with a clitic, for `evaluate`: a possessive (`freind's`
for `friend's`) or a shortened verb (`somone'll`). In the cased sentences
(cased_set.py: the fortunes as written, and with `--addresses` the State of
the Union addresses), each sentence with a lowercase word and a clitic
(`'s`, `'d`, `'ll`, `'ve`, `'re`) whose word codespell's list misspells
(the pool real_slips_set.py draws from, of which the error model learns
nothing) has that word replaced by one of its misspellings, the clitic
kept; the word and the misspelling are seeded choices. Sentences with no
such word are left out. No other set has a slip beside an apostrophe:
the fresh sets have none, the cased sets no slips. The single-word and
segmentation sets are copied from the fresh sets, so `evaluate` runs
unchanged:

    python3 bench/fresh_sets.py /tmp/fresh
    python3 bench/possessive_slips_set.py /tmp/fresh /tmp/possessives
    cargo run --release -p engine --example evaluate -- /tmp/possessives
"""
import re, sys

import addresses
import fortunes
from misspelt_words import misspellings_by_word, one_word_misspelt, vocabulary_rank

fresh, out = [a for a in sys.argv[1:] if a != '--addresses']
source = addresses.sentences() if '--addresses' in sys.argv[1:] else None
CLITIC = re.compile(r"^([a-z]+)('s|'d|'ll|'ve|'re)([,.;:!?\"]*)$")
misspelt = misspellings_by_word(vocabulary_rank())


def typings(k, words):
    """The misspellings of the word before a clitic, the clitic kept."""
    m = CLITIC.match(words[k])
    return m and [wrong + m.group(2) + m.group(3) for wrong in misspelt.get(m.group(1), [])]


fortunes.write_sentence_set(fresh, out, one_word_misspelt(fortunes.cased_sentences(source), 13, typings))
