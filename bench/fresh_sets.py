"""Fresh evaluation sets, of text the engine was never tuned on, from
Debian's fortune files (ordinary English: quotes, jokes, definitions), in
the layout of ../shared/data so that `evaluate` scores them unchanged:

    apt-get install -y fortunes fortunes-min
    python3 bench/fresh_sets.py /tmp/fresh
    cargo run --release -p engine --example evaluate -- /tmp/fresh

Segmentation: 2,000 sentences, spaces and punctuation taken out. Sentences
with typos: 1,000 other sentences with one or two slips each, of the kinds
people make (a letter dropped, doubled, swapped, a neighbouring key, another
vowel, an extra letter; never the first letter). Single words: 670 other
words of five letters or more, one slip each. Seeded: the same sets every
run.

With `--typing`, the slips are typing slips as in the development sentences
instead: a neighbouring key typed for a letter or beside it, two letters
swapped, a letter dropped, a quarter each, anywhere in the word, the first
letter included (a fifth of the development set's typos are there).

With `--addresses`, the sentences are those of the State of the Union
addresses from 1961 on (addresses.py) instead of the fortunes': formal
English, as edited text is, where the fortunes hold jokes, verse and
jargon. Slips and sizes are the same.

The typos are made by rule, so they say less about the error model than
real misspellings do; the segmentation set is real text throughout.
"""
import os, random, re, sys

import addresses
import fortunes

args = [a for a in sys.argv[1:] if a not in ('--typing', '--addresses')]
typing = '--typing' in sys.argv[1:]
out = args[0] if args else '/tmp/fresh'
rng = random.Random(20261203)
files = fortunes.FRESH_FILES
sentences = set()
source = addresses.sentences() if '--addresses' in sys.argv[1:] else fortunes.sentences(files)
for s in source:
    words = s.split()
    if not 4 <= len(words) <= 20:
        continue
    plain = [w.strip('.,;:!?"()') for w in words]
    if all(re.fullmatch(r'[A-Za-z]+', w) for w in plain):
        sentences.add(' '.join(w.lower() for w in plain))
sentences = sorted(sentences)
rng.shuffle(sentences)
print(len(sentences), 'sentences')
space, spell = sentences[:2000], sentences[2000:3000]
os.makedirs(out + '/space', exist_ok=True)
os.makedirs(out + '/spell', exist_ok=True)
with open(out + '/space/wordnet-dev.tsv', 'w') as f:
    for s in space:
        f.write(s.replace(' ', '') + '\t' + s + '\n')
rows = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm']
def neighbours(c):
    for r in rows:
        i = r.find(c)
        if i >= 0:
            return [r[j] for j in (i - 1, i + 1) if 0 <= j < len(r)]
    return []
vowels = 'aeiou'
def typing_slip(w):
    i = rng.randrange(len(w))
    kind = rng.choice(['neighbour', 'transpose', 'insert', 'delete'])
    if kind == 'neighbour' and neighbours(w[i]):
        return w[:i] + rng.choice(neighbours(w[i])) + w[i + 1:]
    if kind == 'transpose' and i < len(w) - 1:
        return w[:i] + w[i + 1] + w[i] + w[i + 2:]
    if kind == 'insert' and neighbours(w[i]):
        return w[:i] + rng.choice(neighbours(w[i])) + w[i:]
    return w[:i] + w[i + 1:]
def slip(w):
    if typing:
        return typing_slip(w)
    i = rng.randrange(1, len(w))  # people seldom miss the first letter
    kind = rng.choice(['delete', 'delete', 'transpose', 'neighbour', 'vowel', 'double', 'insert'])
    if kind == 'delete':
        return w[:i] + w[i + 1:]
    if kind == 'transpose' and i < len(w) - 1:
        return w[:i] + w[i + 1] + w[i] + w[i + 2:]
    if kind == 'neighbour' and neighbours(w[i]):
        return w[:i] + rng.choice(neighbours(w[i])) + w[i + 1:]
    if kind == 'vowel' and w[i] in vowels:
        return w[:i] + rng.choice([v for v in vowels if v != w[i]]) + w[i + 1:]
    if kind == 'double':
        return w[:i] + w[i] + w[i:]
    return w[:i] + rng.choice('abcdefghijklmnopqrstuvwxyz') + w[i:]
with open(out + '/spell/wordnet-sentences-dev.tsv', 'w') as f:
    for s in spell:
        words = s.split()
        long = [k for k, w in enumerate(words) if len(w) >= 4]
        for k in rng.sample(long, min(len(long), rng.choice([1, 1, 2]))):
            words[k] = slip(words[k])
        f.write(' '.join(words) + '\t' + s + '\n')
# single words: the rarer words of the fresh sentences, one slip each
vocab = sorted({w for s in sentences[3000:] for w in s.split() if len(w) >= 5})
rng.shuffle(vocab)
for name, n in [('spell-testset1.txt', 270), ('spell-testset2.txt', 400)]:
    with open(out + '/spell/' + name, 'w') as f:
        for w in vocab[:n]:
            typo = slip(w)
            if typo != w:
                f.write(f'{w}: {typo}\n')
        vocab = vocab[n:]
