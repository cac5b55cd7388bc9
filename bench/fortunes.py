"""Debian's fortune files (`apt-get install -y fortunes fortunes-min`), read
as sentences: the ordinary English the fresh evaluation sets are made of
(fresh_sets.py, cased_set.py)."""
import os, re

ROOT = '/usr/share/games/fortunes'


def sentences(files):
    """Each sentence of these fortune files as written, its whitespace
    collapsed; attributions (`-- Author`) are left out, and files the
    machine lacks are skipped."""
    for name in files:
        path = os.path.join(ROOT, name)
        if not os.path.exists(path):
            continue
        for entry in open(path, encoding='latin-1').read().split('\n%\n'):
            body = ' '.join(l for l in entry.split('\n') if not l.strip().startswith('--'))
            yield from re.split(r'(?<=[.!?])\s+', re.sub(r'\s+', ' ', body).strip())
