"""Right words that are a contraction's bare letters, for `evaluate`: every
sentence of Debian's fortune files, as written, that holds `its`, `were`,
`well`, `ill`, `hell`, `shell`, `wed`, `cant`, `wont`, `lets`, `id`, `shed`
or `hed` as a word, each expected to come back unchanged (a few are the
fortunes' own contractions typed bare, which the corrector puts right). The
bare-contraction set (bare_contractions_set.py) asks whether such letters
become the contraction where one was meant; this one whether they stay
where the word was. The single-word and segmentation sets are copied from
the fresh sets, so `evaluate` runs unchanged:

    python3 bench/fresh_sets.py /tmp/fresh
    python3 bench/bare_letters_set.py /tmp/fresh /tmp/bare-letters
    cargo run --release -p engine --example evaluate -- /tmp/bare-letters
"""
import os
import re
import sys

import fortunes

BARE = re.compile(r"\b(its|were|well|ill|hell|shell|wed|cant|wont|lets|id|shed|hed)\b", re.I)

fresh, out = sys.argv[1], sys.argv[2]
files = sorted(f for f in os.listdir(fortunes.ROOT) if '.' not in f)
found = fortunes.plain_sentences(fortunes.sentences(files), 4, 30)
fortunes.write_sentence_set(fresh, out, [(s, s) for s in found if BARE.search(s)])
