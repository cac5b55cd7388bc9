"""Counts, for the words a spell checker's list vouches for but the 2006
web's vocabulary never counted, how often today's English writes them,
the way wordfreq_listed.txt was made (see NOTICE):

    pip download --no-deps wordfreq==3.1.1 && pip install msgpack
    python3 engine/dictionaries/wordfreq_listed.py wordfreq-3.1.1-py3-none-any.whl \\
        > engine/dictionaries/wordfreq_listed.txt

The vocabulary (wordsegment's, from Google's trillion-word web corpus of
2006) counts no word coined since: `selfie`, `hashtag`, `emoji`,
`bitcoin`, `blockchain`, even `tweeted`. SCOWL's list (2020) has them, but
without a count the engine weighed each as the rarest word, so the
segmenter cut `hashtag` into `hash tag` and `emoji` into `e mojito`.

wordfreq (PyPI `wordfreq` 3.1.1, its data CC BY-SA 4.0) measures how often
words are written in text of the 2010s (Wikipedia, subtitles, news,
books, the web, Twitter and Reddit). Its frequencies are put on the
vocabulary's scale by the median ratio of the vocabulary's count to
wordfreq's frequency over the words both hold with a frequency from one in
a million to one in ten thousand (some 26,000 words). A word is written
here when SCOWL's list has it in lowercase, neither the vocabulary nor the
curated list counts it, and its count so scaled reaches the vocabulary's
rarest: had the 2006 web written it as often, the vocabulary would hold
it. wordfreq alone vouches for no word, as it counts misspellings too
(`teh`, `recieve`); the list vouches for the spelling, wordfreq for the
count.

Each line is `word count`, commonest first.
"""
import gzip, io, os, statistics, sys, zipfile

import msgpack

HERE = os.path.dirname(os.path.abspath(__file__))


def counted(name):
    with gzip.open(os.path.join(HERE, name), 'rt') as f:
        return {word: int(count) for word, count in (line.split() for line in f)}


def frequencies(wheel):
    """wordfreq's English frequencies, from its `large_en` list: bins of
    words by their frequency in centibels (bin i holds the words of
    frequency 10^(-i/100)), after a header."""
    with zipfile.ZipFile(wheel) as z:
        packed = gzip.decompress(z.read('wordfreq/data/large_en.msgpack.gz'))
    header, *bins = msgpack.unpackb(packed, raw=False)
    assert header == {'format': 'cB', 'version': 1}, header
    return {word: 10 ** (-i / 100) for i, words in enumerate(bins, 1) for word in words}


def main():
    freq = frequencies(sys.argv[1])
    vocabulary = counted('wordsegment_unigrams_333k.txt.gz')
    curated = counted('frequency_dictionary_en_82_765.txt.gz')
    with gzip.open(os.path.join(HERE, 'scowl_en_us_hunspell.txt.gz'), 'rt') as f:
        listed = [line.strip() for line in f]
    scale = statistics.median(count / freq[word] for word, count in vocabulary.items()
                              if 1e-6 <= freq.get(word, 0) <= 1e-4)
    rarest = min(vocabulary.values())
    found = {}
    for word in listed:
        if (word.isascii() and word.isalpha() and word.islower()
                and word not in vocabulary and word not in curated and word in freq):
            count = round(freq[word] * scale)
            if count >= rarest:
                found[word] = count
    out = io.StringIO()
    for word, count in sorted(found.items(), key=lambda item: (-item[1], item[0])):
        out.write(f'{word} {count}\n')
    sys.stdout.write(out.getvalue())
    print(f'{len(found)} words; scale {scale:.4g}, rarest {rarest}', file=sys.stderr)


main()
