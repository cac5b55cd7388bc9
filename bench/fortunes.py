"""Debian's fortune files (`apt-get install -y fortunes fortunes-min`), read
as sentences: the ordinary English the fresh evaluation sets are made of
(fresh_sets.py, cased_set.py)."""
import os, random, re, shutil

ROOT = '/usr/share/games/fortunes'

# The prose files of the cased sets (cased_set.py, bare_contractions_set.py).
CASED_FILES = ['fortunes', 'literature', 'people', 'wisdom', 'work', 'science', 'education',
               'love', 'politics', 'humorists', 'miscellaneous', 'platitudes', 'men-women',
               'computers', 'law', 'medicine', 'sports', 'art', 'food', 'pets']


# The files of the fresh sets (fresh_sets.py, contracted_set.py).
FRESH_FILES = ['fortunes', 'literature', 'people', 'wisdom', 'work', 'science',
               'education', 'food', 'love', 'men-women', 'pets', 'platitudes',
               'humorists', 'politics', 'miscellaneous', 'medicine', 'sports',
               'songs-poems', 'law', 'computers', 'kids', 'family', 'news',
               'zippy', 'goedel', 'startrek', 'riddles', 'linux', 'magic',
               'paradoxum', 'translate-me', 'ethnic', 'drugs', 'cookie',
               'definitions', 'art']


def sentences(files):
    """Each sentence of these fortune files as written, its whitespace
    collapsed; attributions (`-- Author`) are left out, and files the
    machine lacks are skipped."""
    for name in files:
        path = os.path.join(ROOT, name)
        if not os.path.exists(path):
            continue
        for entry in open(path, encoding='latin-1').read().split('\n%\n'):
            body = ' '.join(l for l in entry.split('\n') if not l.strip().startswith('--'))
            yield from re.split(r'(?<=[.!?])\s+', re.sub(r'\s+', ' ', body).strip())


def plain_sentences(found, shortest, longest):
    """The distinct sentences of `found` as written, of `shortest` to
    `longest` words of letters and punctuation, sorted."""
    return sorted({s for s in found
                   if shortest <= len(s.split()) <= longest
                   and re.fullmatch(r"[A-Za-z ,.;:!?'\"-]+", s)})


def cased_sentences(source=None):
    """The sentences of CASED_FILES (or of `source`, sentences from
    elsewhere) as written, of 5 to 25 words of letters and punctuation, in
    a seeded shuffle."""
    found = plain_sentences(sentences(CASED_FILES) if source is None else source, 5, 25)
    random.Random(5).shuffle(found)
    return found


def without_spaced_dashes(sentences):
    """The sentences with no dash set off by spaces and no ellipsis after
    one (`well -- no`, `and ...`): their spaces are not the words' own."""
    return [s for s in sentences if ' --' not in s and '-- ' not in s and ' ...' not in s]


def write_segmentation_set(fresh, out, sentences):
    """A set for `evaluate` whose segmentation inputs are `sentences` with
    their spaces taken out, each expected back as given, with the
    single-word and sentence sets copied from the fresh sets."""
    shutil.copytree(os.path.join(fresh, 'spell'), os.path.join(out, 'spell'), dirs_exist_ok=True)
    os.makedirs(os.path.join(out, 'space'), exist_ok=True)
    with open(os.path.join(out, 'space', 'wordnet-dev.tsv'), 'w') as f:
        for s in sentences:
            f.write(s.replace(' ', '') + '\t' + s + '\n')
    print(len(sentences), 'sentences written to', out)


def write_sentence_set(fresh, out, pairs):
    """A set for `evaluate` whose sentences are `pairs` (typed, expected),
    with the single-word and segmentation sets copied from the fresh sets."""
    for kind in ('spell', 'space'):
        shutil.copytree(os.path.join(fresh, kind), os.path.join(out, kind), dirs_exist_ok=True)
    with open(os.path.join(out, 'spell', 'wordnet-sentences-dev.tsv'), 'w') as f:
        for typed, expected in pairs:
            f.write(typed + '\t' + expected + '\n')
    print(len(pairs), 'sentences written to', out)
