"""Right words sent alone, for `evaluate`: each distinct lowercase word of
three letters or more in the fresh segmentation set's text (set 1, the
fortunes' words) and in the development sentences as meant (set 2), in
Norvig's layout as its own correction (`word: word`), so that top-1 is the
share each sent alone comes back unchanged. A word sent alone is asked
about because it may be misspelt, and the engine weighs more corrections
for it than in running text (`candidates::most_likely_alone`,
`far_words`): this is what that costs right words. The sentence and
segmentation sets are copied from the fresh sets, so `evaluate` runs
unchanged:

    python3 bench/fresh_sets.py /tmp/fresh
    python3 bench/alone_right_set.py /tmp/fresh ../shared/data /tmp/alone-right
    cargo run --release -p engine --example evaluate -- /tmp/alone-right
"""
import os
import re
import sys

from misspelt_words import write_sets

WORD = re.compile('[a-z]{3,}')

fresh, data, out = sys.argv[1], sys.argv[2], sys.argv[3]


def words(path):
    """The distinct words of the second column of a tab-separated set, each
    as its own correction."""
    found = set()
    with open(path) as f:
        for line in f:
            found.update(w for w in line.rstrip('\n').split('\t')[1].split(' ') if WORD.fullmatch(w))
    return [(word, word) for word in sorted(found)]


first = words(os.path.join(fresh, 'space', 'wordnet-dev.tsv'))
second = words(os.path.join(data, 'spell', 'wordnet-sentences-dev.tsv'))
write_sets(fresh, out, first, second)
print(len(first), 'and', len(second), 'words written to', out)
