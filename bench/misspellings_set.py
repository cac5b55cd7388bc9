"""Single misspelt words people really wrote, for `evaluate`: the
misspellings codespell corrects (PyPI `codespell` 2.4.3, its
codespell_lib/data/dictionary.txt, CC BY-SA 3.0; read here, never shipped),
kept where the misspelling and its one correction are plain lowercase words
and the correction is among the vocabulary's 30,000 commonest words of four
letters or more: ordinary English, not code. 2,000 of them, seeded, as two
sets in Norvig's layout; the sentence and segmentation sets are copied from
the fresh sets, so `evaluate` runs unchanged:

    python3 bench/fresh_sets.py /tmp/fresh
    python3 bench/misspellings_set.py /tmp/fresh /tmp/misspellings
    cargo run --release -p engine --example evaluate -- /tmp/misspellings

With `--all`, every one of the misspellings (some 42,000), halved, instead
of 2,000: the whole pool the sets are drawn from, to see what a change does
to rare kinds of misspelling (`guideded`, `retrieveds`).
"""
import random, sys

from misspelt_words import ordinary_misspellings, vocabulary_rank, write_sets

every = '--all' in sys.argv[1:]
fresh, out = [a for a in sys.argv[1:] if a != '--all']
pairs = [(right, wrong) for wrong, right in ordinary_misspellings(vocabulary_rank())]
rng = random.Random(7)
rng.shuffle(pairs)
size = len(pairs) // 2 if every else 1000
write_sets(fresh, out, pairs[:size], pairs[size:2 * size])
print(len(pairs), 'misspellings;', 2 * size, 'written to', out)
