"""Counts the single slips in real misspellings, for the spelling half of
the error model (error_model.rs), the way codespell_slips.txt was made
(see NOTICE):

    python3 engine/dictionaries/codespell_slips.py > engine/dictionaries/codespell_slips.txt

The misspellings are codespell's (PyPI `codespell` 2.4.3,
codespell_lib/data/dictionary.txt, CC BY-SA 3.0): those one edit from
their one correction, those that are their correction with two to
four letters typed again (`stutter`), and those that swap two of its
letters with one between (`swap_over`), all plain lowercase words. Those
of ordinary English are left out (a correction of four letters or more
among the vocabulary's 30,000 commonest words): they are the pool
`bench/misspellings_set.py` draws its test sets from, and a model must
not learn from what it is judged on. What is left are 11,747 slips in
rarer and technical words, 108 stutters, 84 swaps over a letter, and 19
misspellings that keep a `y` English turns into `i` before their ending
(`y_kept`), of the 447 whose correction has such an ending. Those 19 are
counted as such, not as the letter for a letter some of them also are
(`applyed`).

Each line is a count, as Kernighan, Church and Gale (1990) counted them:

    sub X Y n    X typed for Y
    del P Y n    Y left out after P
    ins P X n    X typed extra after P
    swap X Y n   YX typed for XY
    stutter n    two to four letters typed again after themselves
                 (`authethentication`, `dependendents`)
    swap_over n  two letters with one between typed in each other's place
                 (`recude` for `reduce`, `anectode` for `anecdote`)
    y_kept n     a y kept before an ending that turns it into i (`copys`)
    y_endings n  the misspellings whose correction has such an ending
    one Y n      Y in the corrections of one edit (`^`: the corrections)
    two P Y n    PY in the corrections of one edit

A stutter's rate, and a swap over a letter's, is taken over the letters
of the corrections of one edit too, as every other kind's is: counting
the stutters' own 108 words in as well would move every rate by under
1 %.

`^` is the start of a word.
"""

import collections
import glob
import gzip
import os
import re
import subprocess
import sys
import tempfile
import zipfile

here = os.path.dirname(os.path.abspath(__file__))
WORD = re.compile("[a-z]+")


def codespell_pairs():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, '-m', 'pip', 'download', '-q', '--no-deps', '-d', tmp,
                        'codespell==2.4.3'], check=True)
        wheel = glob.glob(os.path.join(tmp, 'codespell-*.whl'))[0]
        text = zipfile.ZipFile(wheel).read('codespell_lib/data/dictionary.txt').decode()
    for line in text.splitlines():
        wrong, right = line.strip().split('->', 1)
        rights = [r.strip() for r in right.split(',') if r.strip()]
        if len(rights) == 1 and WORD.fullmatch(wrong) and WORD.fullmatch(rights[0]):
            yield wrong, rights[0]


def one_slip(typed, meant):
    """The one edit that makes `typed` of `meant`, or None."""
    n, m = len(typed), len(meant)
    k = 0
    while k < min(n, m) and typed[k] == meant[k]:
        k += 1
    before = '^' if k == 0 else meant[k - 1]
    if n == m:
        if typed[k + 1:] == meant[k + 1:]:
            return ('sub', typed[k], meant[k])
        if k + 1 < n and typed[k] == meant[k + 1] and typed[k + 1] == meant[k] \
                and typed[k + 2:] == meant[k + 2:]:
            return ('swap', meant[k], meant[k + 1])
    elif n + 1 == m and typed[k:] == meant[k + 1:]:
        # After the letters both share, so a letter of a double left out
        # is the second, after the first (`localy`: `l` after `l`).
        return ('del', before, meant[k])
    elif n == m + 1 and typed[k + 1:] == meant[k:]:
        return ('ins', before, typed[k])
    return None


def is_stutter(typed, meant):
    """Whether `typed` is `meant` with two to four of its letters typed
    again right after themselves, after its first letter, as the error
    model reads a stutter: a word's start typed twice is how English makes
    words (`yoyo`, `byebye`)."""
    k = len(typed) - len(meant)
    return 2 <= k <= 4 and any(
        typed == meant[:i + k] + meant[i:i + k] + meant[i + k:]
        for i in range(1, len(meant) - k + 1))


def is_swap_over(typed, meant):
    """Whether `typed` is `meant` with two letters that have one between
    them in each other's place (`recude`, `anectode`)."""
    if len(typed) != len(meant):
        return False
    at = [i for i, (a, b) in enumerate(zip(typed, meant)) if a != b]
    return len(at) == 2 and at[1] - at[0] == 2 \
        and typed[at[0]] == meant[at[1]] and typed[at[1]] == meant[at[0]]


# Where English turns a word's last y, after a consonant, into i before an
# ending (`copy` → `copies`, `easy` → `easily`), and how a writer who keeps
# the y spells it (`copys`, `copyes`, `easyly`): model.rs's `Y_TO_I`.
Y_TO_I = {
    'ies': ('ys', 'yes'), 'ied': ('yed', 'yd'), 'ier': ('yer',), 'iest': ('yest',),
    'ily': ('yly',), 'iness': ('yness',), 'iful': ('yful',), 'iless': ('yless',),
    'iment': ('yment',),
}


def y_ending(meant):
    """The ending of `Y_TO_I` that `meant` has after a consonant, or None."""
    for ending in Y_TO_I:
        stem = meant[:-len(ending)]
        if meant.endswith(ending) and len(stem) >= 2 and stem[-1] not in 'aeiou':
            return ending
    return None


def pairs_to_learn_from():
    """codespell's pairs less those of ordinary English (a correction of
    four letters or more among the vocabulary's 30,000 commonest words):
    they are the pool the test sets are drawn from, and a model must not
    learn from what it is judged on."""
    rank = {}
    with gzip.open(os.path.join(here, 'wordsegment_unigrams_333k.txt.gz'), 'rt') as f:
        for line in f:
            rank[line.split()[0]] = len(rank)
    for typed, meant in codespell_pairs():
        if not (len(meant) >= 4 and rank.get(meant, 10**9) < 30000):
            yield typed, meant


def main():
    counts = collections.Counter()
    for typed, meant in pairs_to_learn_from():
        ending = y_ending(meant)
        if ending:
            counts[('y_endings',)] += 1
            if any(typed == meant[:-len(ending)] + kept for kept in Y_TO_I[ending]):
                counts[('y_kept',)] += 1
                continue
        if is_stutter(typed, meant):
            counts[('stutter',)] += 1
            continue
        if is_swap_over(typed, meant):
            counts[('swap_over',)] += 1
            continue
        slip = one_slip(typed, meant)
        if slip is None:
            continue
        counts[slip] += 1
        counts[('one', '^')] += 1
        for p, y in zip('^' + meant, meant):
            counts[('one', y)] += 1
            counts[('two', p, y)] += 1
    for key, n in sorted(counts.items()):
        print(*key, n)


if __name__ == '__main__':
    main()
