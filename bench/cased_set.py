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
import os, random, re, shutil, sys

import fortunes

fresh, out = sys.argv[1], sys.argv[2]
files = ['fortunes', 'literature', 'people', 'wisdom', 'work', 'science', 'education', 'love',
         'politics', 'humorists', 'miscellaneous', 'platitudes', 'men-women', 'computers', 'law',
         'medicine', 'sports', 'art', 'food', 'pets']
sentences = {s for s in fortunes.sentences(files)
             if 5 <= len(s.split()) <= 25 and re.fullmatch(r"[A-Za-z ,.;:!?'\"-]+", s)}
sentences = sorted(sentences)
random.Random(5).shuffle(sentences)
for kind in ('spell', 'space'):
    shutil.copytree(os.path.join(fresh, kind), os.path.join(out, kind), dirs_exist_ok=True)
with open(os.path.join(out, 'spell', 'wordnet-sentences-dev.tsv'), 'w') as f:
    for s in sentences[:3000]:
        f.write(s + '\t' + s + '\n')
print(min(3000, len(sentences)), 'sentences written to', out)
