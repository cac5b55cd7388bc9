"""Counts the slips of a few letters in real misspellings, for the error
model's rules of letters (error_model.rs, `Rules`), the way
codespell_rules.txt was made (see NOTICE):

    python3 engine/dictionaries/codespell_rules.py > engine/dictionaries/codespell_rules.txt

A letter model counts one letter at a time (codespell_slips.py); people
misspell by sounds and by letters in their places: `ib` typed `ab`
(`possable`), `ce` typed `se`, `ou` typed `o`. Brill and Moore (2000) learn such slips
of up to a few letters, each in the letters around it. Here, from the same
misspellings as codespell_slips.py learns from (codespell 2.4.3's, less
those of ordinary English, which are the test sets' pool): each
misspelling up to three edits from its correction is aligned with it
letter by letter, each run of letters it gets wrong is taken with none or
one letter of either side around it, and each such pair of up to three
letters meant and three typed is counted, if it holds three letters or
more in all (one letter for one is the letter model's). Two letters of
context made 1,686 rules, which put a few words fewer right (README).

codespell lists many forms of one word, each misspelt the same way
(`syncronize`, `syncronized`, `syncronizing`): each word's family (its
first five letters) counts as one misspelling in all, shared among its
forms, so that no one word's slip passes for a habit.

Each line is a rule and its counts:

    MEANT TYPED n seen   MEANT typed as TYPED n times, of the `seen`
                         times MEANT stands in the corrections

with n at least 1.5 and both counts weighed by family, rounded to two
places.
"""

import collections

from codespell_slips import pairs_to_learn_from

# Letters meant and typed a rule holds at most, and letters of context it
# takes on either side.
MAX_LETTERS = 3
CONTEXT = 1
# Misspellings farther than this from their correction say little about
# how each letter went.
MAX_EDITS = 3
FAMILY = 5
MIN_COUNT = 1.5


def alignment(typed, meant):
    """The edit distance of `typed` from `meant` and the runs of letters it
    gets wrong, as (typed start, typed end, meant start, meant end)."""
    n, m = len(typed), len(meant)
    d = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        d[i][0] = i
    for j in range(m + 1):
        d[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            d[i][j] = min(d[i - 1][j - 1] + (typed[i - 1] != meant[j - 1]),
                          d[i - 1][j] + 1, d[i][j - 1] + 1)
    steps = []
    i, j = n, m
    while i > 0 or j > 0:
        if i > 0 and j > 0 and d[i][j] == d[i - 1][j - 1] + (typed[i - 1] != meant[j - 1]):
            steps.append((i - 1, j - 1, typed[i - 1] == meant[j - 1], 'both'))
            i, j = i - 1, j - 1
        elif i > 0 and d[i][j] == d[i - 1][j] + 1:
            steps.append((i - 1, j, False, 'typed'))
            i -= 1
        else:
            steps.append((i, j - 1, False, 'meant'))
            j -= 1
    steps.reverse()
    runs, run, ti, wi = [], None, 0, 0
    for i, j, same, kind in steps:
        if same:
            if run:
                runs.append(run)
                run = None
            ti, wi = i + 1, j + 1
            continue
        if run is None:
            run = [ti, ti, wi, wi]
        if kind in ('both', 'typed'):
            run[1] = ti = i + 1
        if kind in ('both', 'meant'):
            run[3] = wi = j + 1
    if run:
        runs.append(run)
    return d[n][m], runs


def rules(typed, meant, runs):
    """Each rule of `runs`, in each context, once."""
    found = set()
    for a, b, c, e in runs:
        for left in range(CONTEXT + 1):
            for right in range(CONTEXT + 1):
                if min(a, c) < left or b + right > len(typed) or e + right > len(meant):
                    continue
                typed_part, meant_part = typed[a - left:b + right], meant[c - left:e + right]
                if meant_part and typed_part and len(meant_part) <= MAX_LETTERS \
                        and len(typed_part) <= MAX_LETTERS \
                        and len(meant_part) + len(typed_part) >= 3:
                    found.add((meant_part, typed_part))
    return found


def main():
    learnt = []
    for typed, meant in pairs_to_learn_from():
        edits, runs = alignment(typed, meant)
        if edits <= MAX_EDITS:
            learnt.append((typed, meant, runs))
    family = collections.Counter(meant[:FAMILY] for _, meant, _ in learnt)
    counts, seen = collections.Counter(), collections.Counter()
    for typed, meant, runs in learnt:
        weight = 1.0 / family[meant[:FAMILY]]
        for k in range(1, MAX_LETTERS + 1):
            for s in range(len(meant) - k + 1):
                seen[meant[s:s + k]] += weight
        for rule in rules(typed, meant, runs):
            counts[rule] += weight
    for (meant, typed), n in sorted(counts.items(), key=lambda rule: (-rule[1], rule[0])):
        if n >= MIN_COUNT:
            print(meant, typed, round(n, 2), round(seen[meant], 2))


if __name__ == '__main__':
    main()
