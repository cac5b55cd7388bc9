"""Sentences with misspellings people really wrote, for `evaluate`: the
typo sets' slips are made at random (`fresh_sets.py`), so none of them
shows how a rule treats a real misspelling in running text. Here each
sentence of the fresh set, as it should read, has one word replaced by one
of its misspellings in codespell's list (PyPI `codespell` 2.4.3, CC BY-SA
3.0; the pool `misspellings_set.py` draws from, of which the error model
learns nothing), where it has a word of ordinary English that the list
misspells; the word and the misspelling are seeded choices. Sentences with
no such word are left out. The single-word and segmentation sets are
copied from the fresh sets, so `evaluate` runs unchanged:

    python3 bench/fresh_sets.py /tmp/fresh
    python3 bench/real_slips_set.py /tmp/fresh /tmp/real-slips
    cargo run --release -p engine --example evaluate -- /tmp/real-slips
"""
import os, sys

import fortunes
from misspelt_words import misspellings_by_word, one_word_misspelt, vocabulary_rank

fresh, out = sys.argv[1], sys.argv[2]
misspelt = misspellings_by_word(vocabulary_rank())
with open(os.path.join(fresh, 'spell', 'wordnet-sentences-dev.tsv')) as f:
    expected = [line.rstrip('\n').split('\t')[1] for line in f]
fortunes.write_sentence_set(fresh, out, one_word_misspelt(expected, 11, lambda k, words: misspelt.get(words[k])))
