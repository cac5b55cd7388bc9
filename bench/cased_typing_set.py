"""Sentences with typing slips as written, capitals and punctuation kept, for
`evaluate`: 1,000 sentences of Debian's fortune files (or, with
`--addresses`, of the State of the Union addresses), with slips made as the
development sentences' README says theirs were: in about one word in five
of four letters or more, one slip, a letter left out, a neighbouring key
typed beside a letter or for it, or two letters swapped, anywhere in the
word, the first letter included. A key typed for or beside a capital is
typed in lowercase (`wtain` for `Stain`, `rThis` for `This`), and a capital
left out leaves the word in lowercase (`ome` for `Some`), as in the
development sentences. The other sets fresh_sets.py makes are lowercase, so
they never ask what such a slip does to a sentence's first word or a name:

    python3 bench/fresh_sets.py /tmp/fresh
    python3 bench/cased_typing_set.py /tmp/fresh /tmp/cased-typing
    cargo run --release -p engine --example evaluate -- /tmp/cased-typing

The single-word and segmentation sets are copied from the fresh sets.
Seeded: the same set every run.
"""
import random, re, sys

import addresses
import fortunes

ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm']


def neighbours(c):
    """The keys beside `c` on its row, in lowercase."""
    c = c.lower()
    for row in ROWS:
        i = row.find(c)
        if i >= 0:
            return [row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)]
    return []


def slip(word, rng):
    """`word` with one typing slip, or as it was where the slip drawn
    cannot be made there."""
    i = rng.randrange(len(word))
    kind = rng.choice(['delete', 'insert', 'neighbour', 'transpose'])
    if kind == 'insert' and neighbours(word[i]):
        return word[:i] + rng.choice(neighbours(word[i])) + word[i:]
    if kind == 'neighbour' and neighbours(word[i]):
        return word[:i] + rng.choice(neighbours(word[i])) + word[i + 1:]
    if kind == 'transpose' and i < len(word) - 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + word[i + 1:]


def main():
    args = [a for a in sys.argv[1:] if a != '--addresses']
    fresh, out = args
    source = addresses.sentences() if '--addresses' in sys.argv[1:] else None
    rng = random.Random(20261207)
    pairs = []
    for sentence in fortunes.cased_sentences(source)[3000:4000]:
        # Words as the tokens between spaces, their punctuation kept apart.
        parts = re.split(r'([A-Za-z]+)', sentence)
        for k in range(1, len(parts), 2):
            if len(parts[k]) >= 4 and rng.random() < 0.2:
                parts[k] = slip(parts[k], rng)
        pairs.append((''.join(parts), sentence))
    fortunes.write_sentence_set(fresh, out, pairs)


main()
