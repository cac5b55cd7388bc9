"""Segmentation of text with abbreviations, for `evaluate`: the sentences
of the fortunes and of the State of the Union addresses (fortunes.py,
addresses.py) that hold initials or a titled name's abbreviation before
another word (`the U.S. economy`, `at 3 p.m. the`, `e.g. apples`, `Mr.
Smith`), of 5 to 30 words, as written, their spaces taken out; each is
expected back as written.

The other sets split their texts into sentences at every full stop before
a space, so `the U.S. economy` became two sentences, `the U.S.` and
`economy ...`, and no set asked where a space goes after an abbreviation.
Here a sentence that ends in initials or an abbreviation is joined again
to the next where the next goes on in lowercase (`economy grew`), and
where the abbreviation is a title, which never ends a sentence (`Mr.`,
`Dr.`, `St.`). Initials before a capital (`the U.S. Army`, `in the U.S.
The`) are left where the splitter cut them: what follows may be a new
sentence. As in cased_segmentation_set.py, a sentence with a dash set off
by spaces or an ellipsis after one is left out. The single-word and
sentence sets are copied from the fresh sets, so `evaluate` runs
unchanged:

    python3 bench/fresh_sets.py /tmp/fresh
    python3 bench/abbreviation_segmentation_set.py /tmp/fresh /tmp/abbreviation-space
    cargo run --release -p engine --example evaluate -- /tmp/abbreviation-space
"""
import re, sys

import addresses
import fortunes

INITIALS = r'(?:[A-Za-z]\.){2,}'
TITLES = r'(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Rev|Prof)\.'
ANY = '(?:' + INITIALS + '|' + TITLES + r'|etc\.|vs\.)'
ABBREVIATION = re.compile(r'(?:^|\s|\()' + ANY)
ENDS_IN_ONE = re.compile(r'(?:^|\s)' + ANY + '$')
ENDS_IN_TITLE = re.compile(r'(?:^|\s)' + TITLES + '$')


def joined(sentences):
    """The sentences, each that the splitter cut after initials or an
    abbreviation joined again to the next where it goes on."""
    held = None
    for sentence in sentences:
        if held is not None:
            goes_on = sentence[:1].islower() or sentence[:1].isdigit()
            if goes_on or ENDS_IN_TITLE.search(held):
                held = held + ' ' + sentence
                continue
            yield held
        held = sentence
        if not ENDS_IN_ONE.search(held):
            yield held
            held = None
    if held is not None:
        yield held


def main():
    fresh, out = sys.argv[1], sys.argv[2]
    found = list(joined(fortunes.sentences(fortunes.CASED_FILES)))
    found += list(joined(addresses.sentences()))
    sentences = sorted({s for s in fortunes.without_spaced_dashes(found)
                        if ABBREVIATION.search(s[:-1]) and 5 <= len(s.split()) <= 30})
    fortunes.write_segmentation_set(fresh, out, sentences)


main()
