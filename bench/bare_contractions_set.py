"""Contractions typed without their apostrophe, for `evaluate`: the
sentences of Debian's fortune files (as cased_set.py reads them) that hold
a contraction or a possessive, each typed with every such apostrophe left
out (`thats`, `isnt`, `Ive`, `mens`) and expected back as written. "Typos
fixed" counts the apostrophes put back; many bare letters are words of
their own (`its`, `cant`, `well`, `lets`, possessives such as `mans`), which
the engine leaves, so 100 % is out of reach. "Right words left alone"
counts the rest of each sentence. The single-word and segmentation sets
are copied from the fresh sets, so `evaluate` runs unchanged:

    python3 bench/fresh_sets.py /tmp/fresh
    python3 bench/bare_contractions_set.py /tmp/fresh /tmp/bare
    cargo run --release -p engine --example evaluate -- /tmp/bare
"""
import re, sys

import fortunes

fresh, out = sys.argv[1], sys.argv[2]
contraction = re.compile(r"\b([A-Za-z]+)'(t|s|re|ve|ll|d|m)\b")
chosen = [s for s in fortunes.cased_sentences() if contraction.search(s)][:1000]
fortunes.write_sentence_set(fresh, out, [(contraction.sub(r'\1\2', s), s) for s in chosen])
