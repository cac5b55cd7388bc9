"""Writes the word pairs of CMU Sphinx's US English language model as
`first second log10-probability` lines, the way
cmusphinx_en_us_pairs.txt.gz was made (see NOTICE):

    python3 -m venv /tmp/sphinx && /tmp/sphinx/bin/pip install pocketsphinx==5.1.1
    /tmp/sphinx/bin/python engine/dictionaries/cmusphinx_pairs.py \
        | gzip -9 -n > engine/dictionaries/cmusphinx_en_us_pairs.txt.gz

Only pairs of two words of lowercase letters and apostrophes are kept
(no digits or dotted abbreviations), and the pairs that start or end a
sentence (`<s> it's`, `well </s>`), sorted bytewise.
"""

import math
import multiprocessing
import os
import re
import sys
import tempfile

# pocketsphinx's ARPA writer crashes at the end of the two-word section
# (Debian's sphinx_lm_convert stops there on an assertion: the model holds
# fewer pairs than its header's 2,051,547), losing the last pairs it had
# buffered, those whose second word comes last. The writer gives 2,051,511
# and the model, asked one by one, 30 more.
PAIRS = 2_051_541
WORD = re.compile(r"[a-z']+")
# The model's marks for a sentence's start and end.
START, END = "<s>", "</s>"
# log10 of one unit of pocketsphinx's log scale (base 1.0001).
LOG10_UNIT = math.log10(1.0001)


def model_path():
    import pocketsphinx

    return pocketsphinx.get_model_path("en-us/en-us.lm.bin")


def model():
    import pocketsphinx

    # A model read without its own Config and LogMath writes garbage odds.
    config, logmath = pocketsphinx.Config(), pocketsphinx.LogMath()
    return pocketsphinx.NGramModel(config, logmath, model_path()), (config, logmath)


def write_arpa(path):
    import pocketsphinx

    lm, _keep = model()
    lm.write(path, pocketsphinx.NGramModel.str_to_type("arpa"))


def lost_pairs(unigrams, pairs):
    """The pairs after the last one written, found as those whose odds are
    not the back-off's: P(b | a) = backoff(a) + P(b) for a pair not held."""
    lm, _keep = model()
    order = [word for word, _, _ in unigrams]
    last = order.index(pairs[-1][1])
    written = {(a, b) for a, b, _ in pairs}
    lost = []
    for second in order[last:]:
        alone = dict((w, p) for w, p, _ in unigrams)[second]
        for first, _, backoff in unigrams:
            if (first, second) in written or first == "</s>":
                continue
            log_p = lm.prob([second, first]) * LOG10_UNIT
            if abs(log_p - (backoff + alone)) > 0.0002:
                lost.append((first, second, f"{log_p:.4f}"))
    return lost


def main():
    with tempfile.TemporaryDirectory() as tmp:
        arpa = os.path.join(tmp, "en-us.arpa")
        child = multiprocessing.Process(target=write_arpa, args=(arpa,))
        child.start()
        child.join()
        section, unigrams, pairs = None, [], []
        with open(arpa, encoding="utf-8") as lines:
            for line in lines:
                line = line.rstrip("\n")
                if line.startswith("\\"):
                    section = line
                    continue
                fields = line.split("\t")
                if section == "\\1-grams:" and len(fields) >= 2:
                    backoff = float(fields[2]) if len(fields) > 2 else 0.0
                    unigrams.append((fields[1], float(fields[0]), backoff))
                if section == "\\2-grams:" and len(fields) >= 3:
                    pairs.append((fields[1], fields[2], fields[0]))
    pairs += lost_pairs(unigrams, pairs)
    if len(pairs) != PAIRS:
        sys.exit(f"{len(pairs)} pairs, expected {PAIRS}")
    kept = sorted(
        (a.encode(), b.encode(), p)
        for a, b, p in pairs
        if (WORD.fullmatch(a) or a == START) and (WORD.fullmatch(b) or b == END)
    )
    out = sys.stdout.buffer
    for a, b, p in kept:
        out.write(a + b" " + b + b" " + p.encode() + b"\n")


if __name__ == "__main__":
    main()
