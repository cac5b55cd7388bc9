"""Misspelt words beside a number, for `evaluate`: `10 yeasr`, `$4
billon`, `in 1990 the wal fell`. The sentences of the fortunes and of the
State of the Union addresses (fortunes.py, addresses.py) that hold a digit,
of 5 to 30 words as written, each with a lowercase word right before or
after a number replaced by one of its misspellings in codespell's list (the
pool real_slips_set.py draws from, of which the error model learns
nothing); the word and the misspelling are seeded choices. Sentences with
no such word are left out. The other sets keep to letters (their sentences
hold no digit), so none has a slip beside a number. The single-word and
segmentation sets are copied from the fresh sets, so `evaluate` runs
unchanged:

    python3 bench/fresh_sets.py /tmp/fresh
    python3 bench/number_slips_set.py /tmp/fresh /tmp/numbers
    cargo run --release -p engine --example evaluate -- /tmp/numbers
"""
import re, sys

import addresses
import fortunes
from misspelt_words import misspellings_by_word, one_word_misspelt, vocabulary_rank

fresh, out = sys.argv[1], sys.argv[2]
NUMBER = re.compile(r'^\$?\d[\d,.]*%?[,.;:!?]*$')
WORD = re.compile(r'^([a-z]+)([,.;:!?"]*)$')
misspelt = misspellings_by_word(vocabulary_rank())


def typings(k, words):
    """The misspellings of a lowercase word beside a number."""
    m = WORD.match(words[k])
    beside = [words[j] for j in (k - 1, k + 1) if 0 <= j < len(words)]
    return m and any(NUMBER.match(w) for w in beside) and [
        wrong + m.group(2) for wrong in misspelt.get(m.group(1), [])]


found = list(fortunes.sentences(fortunes.CASED_FILES)) + list(addresses.sentences())
with_digits = sorted({s for s in found if re.search(r'\d', s) and 5 <= len(s.split()) <= 30})
fortunes.write_sentence_set(fresh, out, one_word_misspelt(with_digits, 19, typings))
