"""Segmentation of ordinary, cased text, for `evaluate`: 2,000 sentences of
Debian's fortune files as written (capitals, punctuation, quotations),
their spaces taken out (`He said"no."` for `He said "no."`); each is
expected back as written. The fresh segmentation set keeps to lowercase
letters, so it never asks where a space goes beside a quotation mark or
after a clause's punctuation. The single-word and sentence sets are copied
from the fresh sets, so `evaluate` runs unchanged:

    python3 bench/fresh_sets.py /tmp/fresh
    python3 bench/cased_segmentation_set.py /tmp/fresh /tmp/cased-space
    cargo run --release -p engine --example evaluate -- /tmp/cased-space

With `--addresses`, the sentences are those of the State of the Union
addresses from 1961 on (addresses.py). A sentence with a dash set off by
spaces (` -- `) or an ellipsis after one (` ...`) is left out: whether a
space goes there is the writer's style, which no text without spaces
tells.
"""
import sys

import addresses
import fortunes


def main():
    args = [a for a in sys.argv[1:] if a != '--addresses']
    fresh, out = args
    source = addresses.sentences() if '--addresses' in sys.argv[1:] else None
    sentences = fortunes.without_spaced_dashes(fortunes.cased_sentences(source))[:2000]
    fortunes.write_segmentation_set(fresh, out, sentences)


main()
