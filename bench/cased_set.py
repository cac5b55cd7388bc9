"""Right words in ordinary, cased text, for `evaluate`: 3,000 sentences of
Debian's fortune files as written (capitals, names, punctuation), each
expected to come back unchanged, so "right words left alone" counts what
the corrector changes in text that was right (the fortunes hold a few
typos of their own, so 100 % is out of reach). The sets fresh_sets.py makes
are lowercase; this one is how people write, names first in a sentence
included. The single-word and segmentation sets are copied from the fresh
sets, so `evaluate` runs unchanged:

    python3 bench/fresh_sets.py /tmp/fresh
    python3 bench/cased_set.py /tmp/fresh /tmp/cased
    cargo run --release -p engine --example evaluate -- /tmp/cased
"""
import sys

import fortunes

fresh, out = sys.argv[1], sys.argv[2]
fortunes.write_sentence_set(fresh, out, [(s, s) for s in fortunes.cased_sentences()[:3000]])
