"""Single words with one random slip each, for `evaluate`: common words
(among the vocabulary's 20,000 commonest, four letters or more, in both the
curated list and the SCOWL list), each with one letter dropped, one added,
one put for another (any letter, not only a neighbouring key's) or two
swapped, a quarter each and anywhere in the word, kept where the slip
makes no word of ours. Such slips are how many spelling tests are made,
and the kind the error model knew least: no slip of the fingers struck a
key that is no neighbour of the one meant until the twenty-eighth session
(`model::OTHER_KEY_ALONE`). 4,000 of them, halved, as two sets in Norvig's
layout beside the fresh sets' sentences and segmentation, so `evaluate`
runs unchanged. It also prints what the plainest corrector puts right:
the word fewest edits away (two at most), the commonest by the curated
list's counts, as the `symspell` crate's lookup does.

    python3 bench/fresh_sets.py /tmp/fresh
    python3 bench/random_slips_set.py /tmp/fresh /tmp/random-slips
    cargo run --release -p engine --example evaluate -- /tmp/random-slips

Seeded: the same sets every run.
"""
import random
import string
import sys

from misspelt_words import dictionary_lines, vocabulary_rank, write_sets

SIZE = 4000


def one_slip(word, rnd):
    kind, i = rnd.choice('disT'), rnd.randrange(len(word))
    if kind == 'd':
        return word[:i] + word[i + 1:]
    if kind == 'i':
        return word[:i] + rnd.choice(string.ascii_lowercase) + word[i:]
    if kind == 's':
        return word[:i] + rnd.choice(string.ascii_lowercase.replace(word[i], '')) + word[i + 1:]
    i = min(i, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def one_edit(word):
    """Every string one edit from `word` (Norvig's `edits1`)."""
    cuts = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    letters = string.ascii_lowercase
    return ({a + b[1:] for a, b in cuts if b}
            | {a + c + b for a, b in cuts for c in letters}
            | {a + c + b[1:] for a, b in cuts if b for c in letters}
            | {a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1})


def plainest(typed, counts):
    """The word fewest edits from `typed`, the commonest of them."""
    near = [w for w in one_edit(typed) if w in counts]
    if not near:
        near = {w for e in one_edit(typed) for w in one_edit(e) if w in counts}
    return max(near, key=lambda w: (counts[w], w)) if near else typed


fresh, out = sys.argv[1], sys.argv[2]
rank = vocabulary_rank()
counts = {w: int(c) for w, c in dictionary_lines('frequency_dictionary_en_82_765.txt.gz')}
listed = {w for w, in dictionary_lines('scowl_en_us_hunspell.txt.gz')}
known = set(counts) | {w.lower() for w in listed} | set(rank)
words = [w for w, r in rank.items()
         if r < 20000 and len(w) >= 4 and w.isalpha() and w in counts and w in listed]
rnd = random.Random(7)
rnd.shuffle(words)
pairs = []
for word in words:
    typed = one_slip(word, rnd)
    if typed != word and typed not in known:
        pairs.append((word, typed))
    if len(pairs) == SIZE:
        break
write_sets(fresh, out, pairs[:SIZE // 2], pairs[SIZE // 2:])
right = sum(plainest(typed, counts) == word for word, typed in pairs)
print(f'{len(pairs)} slips written to {out}; the plainest corrector puts {right} right')
