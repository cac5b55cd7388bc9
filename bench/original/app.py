"""The original design, rebuilt for issue 11's side-by-side load figures:
Flask under gunicorn, symspellpy, PyMySQL, requests. Not part of the
product; `examples/load.rs` runs it when ORIGINAL_PYTHON names a Python
that has `requirements.txt` installed.

The same HTTP contract as the api's POST routes (JSON `{"id", "text"}`,
201 with the stored record), the same table shape, the same Google
Translate v2 call; none of the api's safeguards.
"""

import datetime
import os
import threading
from importlib import resources

import pymysql
import requests
from flask import Flask, jsonify, request
from symspellpy import SymSpell

app = Flask(__name__)

# symspellpy's own English dictionaries, as its documentation loads them.
sym_spell = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
_dictionaries = resources.files("symspellpy")
sym_spell.load_dictionary(
    str(_dictionaries / "frequency_dictionary_en_82_765.txt"), term_index=0, count_index=1
)
sym_spell.load_bigram_dictionary(
    str(_dictionaries / "frequency_bigramdictionary_en_243_342.txt"),
    term_index=0,
    count_index=2,
)

_local = threading.local()


def db():
    """One connection per worker, opened on first use."""
    if getattr(_local, "conn", None) is None:
        _local.conn = pymysql.connect(
            host=os.environ.get("DB_HOST", "127.0.0.1"),
            port=int(os.environ.get("DB_PORT", "3306")),
            user=os.environ.get("DB_USER", "root"),
            password=os.environ.get("DB_PASSWORD", ""),
            database=os.environ["DB_NAME"],
            autocommit=True,
            charset="utf8mb4",
        )
    return _local.conn


def store(tag, operation, original, processed, source=None):
    at = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
    with db().cursor() as cursor:
        cursor.execute(
            "INSERT INTO records (tag, operation, original, processed, source_language, created_at)"
            " VALUES (%s, %s, %s, %s, %s, %s)",
            (tag, operation, original, processed, source, at),
        )
        record_id = cursor.lastrowid
    return (
        jsonify(
            id=record_id,
            tag=tag,
            operation=operation,
            original=original,
            processed=processed,
            source_language=source,
            created_at=at.isoformat() + "Z",
        ),
        201,
    )


@app.post("/api/spell")
def spell():
    body = request.get_json()
    corrected = sym_spell.lookup_compound(body["text"], max_edit_distance=2)[0].term
    return store(body["id"], "spell", body["text"], corrected)


@app.post("/api/space")
def space():
    body = request.get_json()
    # Spaces only, as the product's `space` does: with the default edit
    # distance (2) symspellpy also corrects each piece, 37 times slower.
    spaced = sym_spell.word_segmentation(body["text"], max_edit_distance=0).corrected_string
    return store(body["id"], "space", body["text"], spaced)


@app.post("/api/translate")
def translate():
    body = request.get_json()
    answer = requests.post(
        os.environ["GOOGLE_TRANSLATE_URL"].rstrip("/") + "/language/translate/v2",
        headers={"X-Goog-Api-Key": os.environ["GOOGLE_TRANSLATE_API_KEY"]},
        json={"q": [body["text"]], "target": "en", "format": "text"},
        timeout=10,
    ).json()
    translation = answer["data"]["translations"][0]
    return store(
        body["id"],
        "translate",
        body["text"],
        translation["translatedText"],
        translation.get("detectedSourceLanguage"),
    )


@app.get("/api/health")
def health():
    with db().cursor() as cursor:
        cursor.execute("SELECT 1")
    return jsonify(status="ok")
