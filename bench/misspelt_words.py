"""What the sets of single words share (`misspellings_set.py`,
`typos_set.py`, `alone_right_set.py`, `random_slips_set.py`, and
`name_forms_set.py` for the dictionaries; `real_slips_set.py`,
`possessive_slips_set.py`, `name_slips_set.py` and `number_slips_set.py`
for the misspellings): the engine's dictionaries read, the vocabulary's
ranks, codespell's list and its misspellings of ordinary English, the rule
for a word of ordinary English, sentences with one word misspelt, and the
sets written in Norvig's layout."""
import collections, glob, gzip, os, random, re, shutil, subprocess, sys, tempfile, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
DICTIONARIES = os.path.join(HERE, '..', 'engine', 'dictionaries')


def dictionary_lines(name):
    """The lines of one of the engine's gzipped dictionaries, each split
    into its fields; blank lines left out."""
    with gzip.open(os.path.join(DICTIONARIES, name), 'rt') as f:
        return [line.split() for line in f if line.strip()]


def vocabulary_rank():
    """Each word of the vocabulary by its rank, the commonest first."""
    rank = {}
    for fields in dictionary_lines('wordsegment_unigrams_333k.txt.gz'):
        rank[fields[0]] = len(rank)
    return rank


def is_ordinary(word, rank):
    """A word of four letters or more among the vocabulary's 30,000
    commonest: ordinary English, not code."""
    return len(word) >= 4 and rank.get(word, 10**9) < 30000


def codespell_lines():
    """The lines `wrong->right[, right…]` of codespell 2.4.3's dictionary
    (PyPI, CC BY-SA 3.0)."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, '-m', 'pip', 'download', '-q', '--no-deps', '-d', tmp,
                        'codespell==2.4.3'], check=True)
        wheel = glob.glob(os.path.join(tmp, 'codespell-*.whl'))[0]
        text = zipfile.ZipFile(wheel).read('codespell_lib/data/dictionary.txt').decode()
    return text.splitlines()


def ordinary_misspellings(rank):
    """codespell's misspellings as (wrong, right), in its list's order,
    where the misspelling and its one correction are plain lowercase words
    and the correction is ordinary English (`is_ordinary`): the pool the
    test sets draw from, of which the error model learns nothing."""
    for line in codespell_lines():
        wrong, right = line.strip().split('->', 1)
        if re.fullmatch('[a-z]+', wrong) and re.fullmatch('[a-z]+', right) and is_ordinary(right, rank):
            yield wrong, right


def misspellings_by_word(rank):
    """Each word of ordinary English codespell's list misspells, and its
    misspellings there, sorted (`ordinary_misspellings`)."""
    misspelt = collections.defaultdict(list)
    for wrong, right in ordinary_misspellings(rank):
        misspelt[right].append(wrong)
    return {right: sorted(wrongs) for right, wrongs in misspelt.items()}


def one_word_misspelt(sentences, seed, typings_of):
    """Each of `sentences` with one of its words misspelt, as (typed,
    sentence) pairs: `typings_of(k, words)` gives the ways the word at
    place `k` of the sentence's `words` may be typed misspelt (none: not
    that word); the word and the way are seeded choices. A sentence with no
    such word is left out."""
    rng = random.Random(seed)
    pairs = []
    for sentence in sentences:
        words = sentence.split(' ')
        found = [(k, typings) for k in range(len(words)) if (typings := typings_of(k, words))]
        if not found:
            continue
        k, typings = rng.choice(found)
        typed = words[:k] + [rng.choice(typings)] + words[k + 1:]
        pairs.append((' '.join(typed), sentence))
    return pairs


def write_sets(fresh, out, first, second):
    """The (right, wrong) pairs `first` as set 1 and `second` as set 2, in
    Norvig's layout (`right: wrong wrong…`), beside the fresh sets'
    sentences and segmentation, so `evaluate` runs unchanged."""
    for kind in ('spell', 'space'):
        shutil.copytree(os.path.join(fresh, kind), os.path.join(out, kind), dirs_exist_ok=True)
    for name, chunk in (('spell-testset1.txt', first), ('spell-testset2.txt', second)):
        by_word = collections.defaultdict(list)
        for right, wrong in chunk:
            by_word[right].append(wrong)
        with open(os.path.join(out, 'spell', name), 'w') as f:
            for right, wrongs in by_word.items():
                f.write(right + ': ' + ' '.join(wrongs) + '\n')
