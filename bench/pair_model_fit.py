"""How well the engine's word-pair model predicts text, and which mix of it
with the single words' odds predicts it best, by likelihood rather than by
any task's score: for each pair of words in the text (within a paragraph,
both in the vocabulary),

    P(w2 | w1) = lam * P_katz(w2 | w1) + (1 - lam) * P(w2)

where P_katz is the engine's reading of CMU's pairs (`Lexicon::log_p_after`:
a listed pair at the model's probability, any other word at its own odds
times w1's back-off weight) and P(w2) is the vocabulary's. It prints the
weight that makes the text likeliest (by expectation-maximisation) and the
mean log10 probability a word at a few weights. The engine uses lam = 1.

    python3 bench/pair_model_fit.py /usr/share/games/fortunes/fortunes ...
    python3 bench/pair_model_fit.py --fortunes      # every fortune file

Reads the engine's own dictionaries (engine/dictionaries); takes a few
seconds and about 1 GB.
"""
import gzip, math, os, re, sys

DICTIONARIES = os.path.join(os.path.dirname(__file__), '..', 'engine', 'dictionaries')
FORTUNES = '/usr/share/games/fortunes'


def lines(name):
    return gzip.open(os.path.join(DICTIONARIES, name), 'rt')


def model():
    """Single odds by word; listed pair probabilities; back-off weights."""
    counts = {w: int(c) for w, c in (l.split() for l in lines('wordsegment_unigrams_333k.txt.gz'))}
    total = sum(counts.values())
    alone = {w: c / total for w, c in counts.items()}
    # A sentence's end, as the pairs' model gives it alone
    # (LOG_P_SENTENCE_END in engine/src/model.rs).
    alone['</s>'] = 10 ** -1.1261
    pairs, listed, listed_alone = {}, {}, {}
    for line in lines('cmusphinx_en_us_pairs.txt.gz'):
        first, second, log_p = line.split()
        p = 10 ** float(log_p)
        pairs[first, second] = p
        listed[first] = listed.get(first, 0.0) + p
        listed_alone[first] = listed_alone.get(first, 0.0) + alone.get(second, 0.0)
    # What the listed pairs leave over, over the single odds of the words
    # not listed (engine/src/lexicon.rs, `back_off`).
    back_off = {w: max(1 - listed[w], 1e-300) / max(1 - listed_alone[w], 1e-12) for w in listed}
    return alone, pairs, back_off


def word_pairs(paths):
    for path in paths:
        text = open(path, encoding='latin-1').read().lower()
        for paragraph in re.split(r'\n\s*\n|\n%\n', text):
            words = re.findall(r"[a-z]+(?:'[a-z]+)?", paragraph)
            yield from zip(words, words[1:])


def main(paths):
    alone, pairs, back_off = model()
    odds = []  # (P_katz, P) for each pair of words in the text
    for first, second in word_pairs(paths):
        if first not in alone or second not in alone:
            continue
        single = alone[second]
        katz = pairs.get((first, second), back_off.get(first, 1.0) * single)
        odds.append((katz, single))
    lam = 0.5
    for _ in range(200):
        lam = sum(lam * k / (lam * k + (1 - lam) * s) for k, s in odds) / len(odds)

    def mean_log10(weight):
        return sum(math.log10(weight * k + (1 - weight) * s) for k, s in odds) / len(odds)

    print(f'{len(odds)} pairs of words; likeliest weight of the pairs {lam:.3f}')
    for weight in sorted({0.5, 0.7, 0.9, round(lam, 3), 1.0}):
        print(f'  weight {weight:.3f}: mean log10 P a word {mean_log10(weight):.4f}')


if __name__ == '__main__':
    args = sys.argv[1:]
    if args == ['--fortunes']:
        args = [os.path.join(FORTUNES, f) for f in sorted(os.listdir(FORTUNES))
                if '.' not in f and os.path.isfile(os.path.join(FORTUNES, f))]
    if not args:
        sys.exit(__doc__)
    main(args)
