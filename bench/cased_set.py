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

With `--addresses`, the sentences are those of the State of the Union
addresses from 1961 on (addresses.py): formal prose, with the names of
people, places, laws and programmes a speech to Congress holds.
"""
import sys

import addresses
import fortunes

fresh, out = [a for a in sys.argv[1:] if a != '--addresses']
source = addresses.sentences() if '--addresses' in sys.argv[1:] else None
fortunes.write_sentence_set(fresh, out, [(s, s) for s in fortunes.cased_sentences(source)[:3000]])
