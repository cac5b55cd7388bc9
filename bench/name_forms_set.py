"""Plurals of names in lowercase text, for `evaluate`: the 400 the web
counts most of the plain plurals the lexicon makes of names (`clarks`,
`johnsons`: a curated word that the SCOWL list has only with capitals, as
`spelling_index::names` takes them, with `s`, where the plural rule of
`word_forms` makes one and no list holds it), each in `we talked about
the … all day`, expected to come back unchanged: the lowercase text of
the fresh sets names people so. The single-word and segmentation sets are
copied from the fresh sets, so `evaluate` runs unchanged:

    python3 bench/fresh_sets.py /tmp/fresh
    python3 bench/name_forms_set.py /tmp/fresh /tmp/name-forms
    cargo run --release -p engine --example evaluate -- /tmp/name-forms
"""
import sys

import fortunes
from misspelt_words import dictionary_lines


fresh, out = sys.argv[1], sys.argv[2]
curated = {w for w, _ in dictionary_lines('frequency_dictionary_en_82_765.txt.gz')}
listed = {w for w, in dictionary_lines('scowl_en_us_hunspell.txt.gz')}
counts = {w: int(c) for w, c in dictionary_lines('wordsegment_unigrams_333k.txt.gz')}
names = {w for w in curated if len(w) > 2 and w.isalpha() and w.islower() and w not in listed
         and (w.capitalize() in listed or w.upper() in listed)}
plurals = [w + 's' for w in names
           if len(w) >= 5 and not w.endswith(('s', 'x', 'z', 'y', 'ch', 'sh'))]
plurals = [w for w in plurals if w not in curated and w not in listed and w in counts]
plurals.sort(key=lambda w: (-counts[w], w))
sentences = [f'we talked about the {w} all day' for w in plurals[:400]]
fortunes.write_sentence_set(fresh, out, [(s, s) for s in sentences])
