"""Segmentation of text with contractions and possessives, for `evaluate`:
the fresh segmentation set keeps to sentences of plain words, so none of
its sentences holds `don't`, `he's` or `the cat's`, though ordinary English
is full of them. Here 2,000 sentences of the fortune files of 4 to 20
words, each with a word with an apostrophe, lowercase, with their spaces
and punctuation taken out as the fresh set's are: `dont`, `hes`, `cats`
(`idontknow` → `i dont know`). With `--apostrophes` the apostrophes stay
(`idon'tknow` → `i don't know`). Seeded: the same set every run. The
spelling sets are copied from the fresh sets, so `evaluate` runs unchanged:

    python3 bench/fresh_sets.py /tmp/fresh
    python3 bench/contracted_set.py /tmp/fresh /tmp/contracted
    cargo run --release -p engine --example evaluate -- /tmp/contracted
"""
import random, re, sys

import fortunes

args = [a for a in sys.argv[1:] if a != '--apostrophes']
fresh, out = args
keep = '--apostrophes' in sys.argv[1:]
found = set()
for s in fortunes.sentences(fortunes.FRESH_FILES):
    words = s.split()
    if not 4 <= len(words) <= 20:
        continue
    plain = [w.strip('.,;:!?"()') for w in words]
    if (all(re.fullmatch(r"[A-Za-z]+('[A-Za-z]+)?", w) for w in plain)
            and any("'" in w for w in plain)):
        found.add(' '.join(w.lower() for w in plain))
found = sorted(found)
random.Random(7).shuffle(found)
fortunes.write_segmentation_set(
    fresh, out, [s if keep else s.replace("'", '') for s in found[:2000]])
