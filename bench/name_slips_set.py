"""Misspelt names in running text, for `evaluate`: in the cased sentences
(cased_set.py: the fortunes as written, and with `--addresses` the State of
the Union addresses), each sentence with a capitalised word past its first
(`December`, `America`, `English`, `John`) that codespell's list misspells
(the pool real_slips_set.py draws from, of which the error model learns
nothing) has that word replaced by one of its misspellings, capitalised
(`Decemeber`); the word and the misspelling are seeded choices. Sentences
with no such word are left out. Names are where the corrector is most
careful (a capitalised word people write is left as a name: README), so
this set shows what that care costs. The single-word and segmentation
sets are copied from the fresh sets, so `evaluate` runs unchanged:

    python3 bench/fresh_sets.py /tmp/fresh
    python3 bench/name_slips_set.py /tmp/fresh /tmp/name-slips
    cargo run --release -p engine --example evaluate -- /tmp/name-slips
"""
import re, sys

import addresses
import fortunes
from misspelt_words import misspellings_by_word, one_word_misspelt, vocabulary_rank

fresh, out = [a for a in sys.argv[1:] if a != '--addresses']
source = addresses.sentences() if '--addresses' in sys.argv[1:] else None
NAME = re.compile(r"^([A-Z][a-z]+)([,.;:!?\"]*)$")
misspelt = misspellings_by_word(vocabulary_rank())


def typings(k, words):
    """Past a sentence's first word, a capitalised word's misspellings,
    capitalised."""
    m = k > 0 and NAME.match(words[k])
    return m and [wrong.capitalize() + m.group(2) for wrong in misspelt.get(m.group(1).lower(), [])]


fortunes.write_sentence_set(fresh, out, one_word_misspelt(fortunes.cased_sentences(source), 17, typings))
