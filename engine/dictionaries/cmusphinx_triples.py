"""Writes the commonest word triples of CMU Sphinx's US English language
model, the way cmusphinx_en_us_triples.txt.gz was made (see NOTICE):

    python3 -m venv /tmp/sphinx && /tmp/sphinx/bin/pip install pocketsphinx==5.1.1
    /tmp/sphinx/bin/python engine/dictionaries/cmusphinx_triples.py \\
        | gzip -9 -n > engine/dictionaries/cmusphinx_en_us_triples.txt.gz

pocketsphinx's ARPA writer dies before the three-word section, so the
model's binary file is read here as its own reader lays it out (sphinxbase
`lm_trie.c`, `lm_trie_quant.c`), and a sample of what is read is checked
against the model's own odds. Of its 1,669,625 triples, those of words of
lowercase letters and apostrophes (a sentence's start first, its end last,
as in the pairs) are ranked by how often the model expects them,
P(a) P(b | a) P(c | a b), and the commonest `KEPT` are written, each as

    a b c log10-P(c | a b)

with, for each pair a triple starts with, its back-off weight worked out
again for the triples kept (Katz: the odds the model's own pairs give the
words no kept triple lists, so they sum to one), as

    a b log10-back-off

sorted bytewise.
"""

import math
import random
import struct
import sys

from cmusphinx_pairs import END, LOG10_UNIT, START, WORD, model, model_path

# Triples kept: about 5 MiB more for the engine (4 bytes each). With the
# model's own back-off weights, the commonest 800,000 corrected 909, 828
# and 830 of the dev, fresh and typing sets' 1,000 sentences; all
# 1,669,625, 910, 828 and 829; 400,000, 909, 824 and 827.
KEPT = 800_000
HEADER = b"Trie Language Model"
# Quantised odds: 2^16 bins of 4-byte floats each.
BINS = 1 << 16


def bits_for(count):
    """Bits for an index up to `count` (`required_bits`)."""
    return max(count, 1).bit_length()


def packed(blob, entries, width, fields):
    """The bit-packed records of `blob` (`width` bits each, little-endian),
    each as a tuple of its `fields` (a list of bit widths)."""
    out = []
    for i in range(entries):
        at, record = i * width, []
        for bits in fields:
            byte, shift = at >> 3, at & 7
            word = int.from_bytes(blob[byte:byte + 8], "little")
            record.append((word >> shift) & ((1 << bits) - 1))
            at += bits
        out.append(record)
    return out


def read(path):
    """The model's words, unigrams and its two- and three-word trie levels,
    as (words, unigrams, middle, longest). A middle record is (word, prob,
    back-off, next); the trie is keyed last word first, so the unigram is the
    predicted word, a middle record the word before it, a longest record
    the word before that."""
    data = open(path, "rb").read()
    assert data.startswith(HEADER)
    at = len(HEADER)
    order = data[at]
    counts = struct.unpack_from("<3I", data, at + 1)
    quant = struct.unpack_from("<i", data, at + 13)[0]
    assert order == 3 and quant == 1, "a trigram model quantised to 16 bits"
    at += 17
    tables = [struct.unpack_from(f"<{BINS}f", data, at + 4 * BINS * k) for k in range(3)]
    middle_prob, middle_backoff, longest_prob = tables
    at += 12 * BINS
    unigrams = [struct.unpack_from("<ffI", data, at + 12 * i) for i in range(counts[0] + 1)]
    at += 12 * (counts[0] + 1)
    word_bits, next_bits = bits_for(counts[0]), bits_for(counts[2])
    middle_width, longest_width = word_bits + 32 + next_bits, word_bits + 16
    middle_size = ((1 + counts[1]) * middle_width + 7) // 8 + 8
    longest_size = ((1 + counts[2]) * longest_width + 7) // 8 + 8
    # The header counts six pairs more than the trie holds; the unigrams'
    # last `next` says how many it does.
    pairs = unigrams[-1][2]
    # A pair's record: its word, its quantised back-off in the low 16 bits
    # and its probability above them (`lm_trie_quant_mwrite`), then where
    # its triples start.
    middle = packed(data[at:at + middle_size], pairs + 1, middle_width,
                    [word_bits, 16, 16, next_bits])
    at += middle_size
    triples = middle[-1][3]
    longest = packed(data[at:at + longest_size], triples, longest_width, [word_bits, 16])
    at += longest_size
    size = struct.unpack_from("<I", data, at)[0]
    words = data[at + 4:at + 4 + size].decode().split("\0")[:counts[0]]
    middle = [(w, middle_prob[p] * LOG10_UNIT, middle_backoff[b] * LOG10_UNIT, n)
              for w, b, p, n in middle]
    longest = [(w, longest_prob[p] * LOG10_UNIT) for w, p in longest]
    return words, unigrams, middle, longest


def main():
    lm, _keep = model()
    words, unigrams, middle, longest = read(model_path())
    pair_p, triples = {}, []
    for c, (_, _, first) in enumerate(unigrams[:-1]):
        for j in range(first, unigrams[c + 1][2]):
            b, p_bc, _, start = middle[j]
            pair_p[b, c] = p_bc
            for a, p_abc in longest[start:middle[j + 1][3]]:
                triples.append((a, b, c, p_abc))
    assert len(triples) == 1_669_625, len(triples)
    # What is read is what the model says (it asks words latest first).
    for a, b, c, p in random.Random(1).sample(triples, 2000):
        asked = lm.prob([words[c], words[b], words[a]]) * LOG10_UNIT
        assert abs(asked - p) < 1e-4, (words[a], words[b], words[c], asked, p)

    def plain(k, first, last):
        w = words[k]
        return WORD.fullmatch(w) or (w == START and first) or (w == END and last)

    def expected(t):
        a, b, _, p = t
        return unigrams[a][0] * LOG10_UNIT + pair_p[a, b] + p

    kept = [t for t in triples if plain(t[0], True, False) and plain(t[1], False, False)
            and plain(t[2], False, True)]
    kept = sorted(kept, key=expected, reverse=True)[:KEPT]
    listed_triples, listed_pairs = {}, {}
    for a, b, c, p in kept:
        listed_triples[a, b] = listed_triples.get((a, b), 0.0) + 10 ** p
        listed_pairs[a, b] = listed_pairs.get((a, b), 0.0) + 10 ** pair_p[b, c]
    lines = [f"{words[a]} {words[b]} {words[c]} {p:.4f}" for a, b, c, p in kept]
    for (a, b), mass in listed_triples.items():
        backoff = math.log10((1 - mass) / (1 - listed_pairs[a, b]))
        lines.append(f"{words[a]} {words[b]} {backoff:.4f}")
    out = sys.stdout.buffer
    for line in sorted(line.encode() for line in lines):
        out.write(line + b"\n")
    print(f"{len(kept)} triples, {len(listed_triples)} back-offs", file=sys.stderr)


if __name__ == "__main__":
    main()
