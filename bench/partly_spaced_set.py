"""Segmentation of text typed with some spaces and not others, for
`evaluate`: each sentence of the fresh set's segmentation file and of the
development one, with a space kept at every third word break (starting at
the first or second, at random with a fixed seed) and the rest taken out
(`pullone ofthesehorses outofthe setsothat`), expected back fully spaced.
Sentences of fewer than four words are left out. The spelling sets are
copied from the fresh set, so `evaluate` runs unchanged:

    python3 bench/fresh_sets.py /tmp/fresh
    python3 bench/partly_spaced_set.py /tmp/fresh ../shared/data /tmp/partly
    cargo run --release -p engine --example evaluate -- /tmp/partly
"""
import os
import random
import shutil
import sys

fresh, dev, out = sys.argv[1], sys.argv[2], sys.argv[3]
random.seed(7)
os.makedirs(os.path.join(out, 'space'), exist_ok=True)
shutil.copytree(os.path.join(fresh, 'spell'), os.path.join(out, 'spell'), dirs_exist_ok=True)
with open(os.path.join(out, 'space', 'wordnet-dev.tsv'), 'w') as tsv:
    for source in (fresh, dev):
        for line in open(os.path.join(source, 'space', 'wordnet-dev.tsv')):
            words = line.rstrip('\n').split('\t')[1].split(' ')
            if len(words) < 4:
                continue
            keep = random.randrange(1, 3)
            typed = ''.join(
                word + (' ' if (i + 1) % 3 == keep and i < len(words) - 1 else '')
                for i, word in enumerate(words)
            )
            tsv.write(typed + '\t' + ' '.join(words) + '\n')
