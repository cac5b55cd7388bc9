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
import collections, glob, gzip, os, random, re, shutil, subprocess, sys, tempfile, zipfile

every = '--all' in sys.argv[1:]
fresh, out = [a for a in sys.argv[1:] if a != '--all']
here = os.path.dirname(os.path.abspath(__file__))
vocabulary = os.path.join(here, '..', 'engine', 'dictionaries', 'wordsegment_unigrams_333k.txt.gz')
rank = {}
for line in gzip.open(vocabulary, 'rt'):
    rank[line.split()[0]] = len(rank)
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([sys.executable, '-m', 'pip', 'download', '-q', '--no-deps', '-d', tmp,
                    'codespell==2.4.3'], check=True)
    wheel = glob.glob(os.path.join(tmp, 'codespell-*.whl'))[0]
    lines = zipfile.ZipFile(wheel).read('codespell_lib/data/dictionary.txt').decode().splitlines()
pairs = []
for line in lines:
    wrong, right = line.strip().split('->', 1)
    if re.fullmatch('[a-z]+', wrong) and re.fullmatch('[a-z]{4,}', right) \
            and rank.get(right, 10**9) < 30000:
        pairs.append((right, wrong))
rng = random.Random(7)
rng.shuffle(pairs)
for kind in ('spell', 'space'):
    shutil.copytree(os.path.join(fresh, kind), os.path.join(out, kind), dirs_exist_ok=True)
size = len(pairs) // 2 if every else 1000
for name, chunk in (('spell-testset1.txt', pairs[:size]), ('spell-testset2.txt', pairs[size:2 * size])):
    by_word = collections.defaultdict(list)
    for right, wrong in chunk:
        by_word[right].append(wrong)
    with open(os.path.join(out, 'spell', name), 'w') as f:
        for right, wrongs in by_word.items():
            f.write(right + ': ' + ' '.join(wrongs) + '\n')
print(len(pairs), 'misspellings;', 2 * size, 'written to', out)
