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
import os, random, re, shutil, sys

import fortunes

fresh, out = sys.argv[1], sys.argv[2]
files = ['fortunes', 'literature', 'people', 'wisdom', 'work', 'science', 'education', 'love',
         'politics', 'humorists', 'miscellaneous', 'platitudes', 'men-women', 'computers', 'law',
         'medicine', 'sports', 'art', 'food', 'pets']
contraction = re.compile(r"\b([A-Za-z]+)'(t|s|re|ve|ll|d|m)\b")
sentences = {s for s in fortunes.sentences(files)
             if 5 <= len(s.split()) <= 25 and re.fullmatch(r"[A-Za-z ,.;:!?'\"-]+", s)
             and contraction.search(s)}
sentences = sorted(sentences)
random.Random(5).shuffle(sentences)
for kind in ('spell', 'space'):
    shutil.copytree(os.path.join(fresh, kind), os.path.join(out, kind), dirs_exist_ok=True)
with open(os.path.join(out, 'spell', 'wordnet-sentences-dev.tsv'), 'w') as f:
    for s in sentences[:1000]:
        f.write(contraction.sub(r'\1\2', s) + '\t' + s + '\n')
print(min(1000, len(sentences)), 'sentences written to', out)
