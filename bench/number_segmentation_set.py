"""Segmentation of text that holds numbers, for `evaluate`: the sentences
of the fortunes and of the State of the Union addresses (fortunes.py,
addresses.py) that hold a digit, of 5 to 30 words, as written (capitals,
punctuation, prices, percentages, years), their spaces taken out
(`Itcost$5.99in1990.` for `It cost $5.99 in 1990.`); each is expected back
as written. The other segmentation sets keep to sentences without a
digit, so none asks where a space goes beside a number. As in
cased_segmentation_set.py, a sentence with a dash set off by spaces or an
ellipsis after one is left out (whether a space goes there is the
writer's style). The single-word and sentence sets are copied from the
fresh sets, so `evaluate` runs unchanged:

    python3 bench/fresh_sets.py /tmp/fresh
    python3 bench/number_segmentation_set.py /tmp/fresh /tmp/number-space
    cargo run --release -p engine --example evaluate -- /tmp/number-space
"""
import re, sys

import addresses
import fortunes


def main():
    fresh, out = sys.argv[1], sys.argv[2]
    found = list(fortunes.sentences(fortunes.CASED_FILES)) + list(addresses.sentences())
    sentences = sorted({s for s in fortunes.without_spaced_dashes(found)
                        if re.search(r'\d', s) and 5 <= len(s.split()) <= 30})
    fortunes.write_segmentation_set(fresh, out, sentences)


main()
