"""The bytes on disk: a user's hot file (head first) and the gzip monthly archives.

A hot file is written with its ``profile`` and ``state`` tables first. Start-up
(rebuilding every reminder) and the bot-wide lists need only those two, so they read a
few hundred bytes per user (``read_head``) instead of parsing every file in full.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import orjson

SINGLE_DOC_TABLES = ("profile", "session", "state")
HEAD_TABLES = ("profile", "state")  # written first; all start-up needs
HEAD_READ = 2048  # bytes read to find the head of a hot file (more if it is longer)
_HEAD_START = '{"profile":'
_STATE_KEY = ',"state":'


def dumps(data: object) -> bytes:
    """Compact UTF-8 JSON. orjson: a reply re-serialises the whole hot file, and the
    standard library took about ten times as long for it."""
    return orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS)


def encode_head(data: Mapping[str, Any]) -> bytes:
    """The head of a hot file: the prefix holding the profile and state tables."""
    return (b'{"profile":' + dumps(data.get("profile") or {})
            + b',"state":' + dumps(data.get("state") or {}))


def encode_user_file(data: Mapping[str, Any], *, extra: Mapping[str, Any] | None = None
                     ) -> tuple[bytes, bytes]:
    """A hot file's bytes, and its head: the prefix holding the profile and state tables.

    Both head tables are always written, first and in this order (empty when the user
    has none), so a file that starts otherwise was written before heads existed.
    ``extra``: top-level keys that are not tables (the journal generation folded in).
    """
    head = encode_head(data)
    rest = {k: v for k, v in data.items() if k not in HEAD_TABLES}
    if extra:
        rest.update(extra)
    if not rest:
        return head + b"}", head
    return head + b"," + dumps(rest)[1:], head


def parse_head(raw: bytes) -> tuple[dict[str, Any], int] | None:
    """The head tables at the start of a hot file, and the byte where they end.

    ``raw`` may be only the first bytes of the file. None when it does not start
    with a complete head (too short, or a file written before heads existed).
    """
    text = raw.decode("utf-8", errors="replace")
    if not text.startswith(_HEAD_START):
        return None
    decoder = json.JSONDecoder()
    try:
        profile, pos = decoder.raw_decode(text, len(_HEAD_START))
        if not text.startswith(_STATE_KEY, pos):
            return None
        state, pos = decoder.raw_decode(text, pos + len(_STATE_KEY))
    except ValueError:
        return None
    if pos >= len(text) or not isinstance(profile, dict) or not isinstance(state, dict):
        return None  # at the end of a prefix we cannot tell whether the value ended
    return {"profile": profile, "state": state}, len(text[:pos].encode("utf-8"))


def read_head(path: Path) -> tuple[bytes, dict[str, Any]] | None:
    """The head of a hot file on disk, as bytes and parsed (None: no file or head)."""
    try:
        with path.open("rb") as fh:
            raw = fh.read(HEAD_READ)
            parsed = parse_head(raw)
            if parsed is None and len(raw) == HEAD_READ:
                raw += fh.read()
                parsed = parse_head(raw)
    except FileNotFoundError:
        return None
    if parsed is None:
        return None
    return raw[: parsed[1]], parsed[0]


def single_doc(tables: Mapping[str, Any], name: str) -> dict[str, Any]:
    """A copy of the one document of a single-document table (empty dict if none)."""
    doc = (tables.get(name) or {}).get("1")
    return dict(doc) if isinstance(doc, dict) else {}


def encode_archive(records: Iterable[Mapping[str, Any]]) -> bytes:
    """One month of records, as stored: gzip-compressed JSON (repetitive, so ~15x smaller)."""
    return gzip.compress(dumps({"records": list(records)}), compresslevel=6, mtime=0)


def read_archive(path: Path) -> list[dict[str, Any]]:
    """The records of one archive file (gzip, or the plain JSON of older versions).

    A damaged file raises (gzip's EOFError, a JSON error, or ValueError for the wrong
    shape): every record must be an object with an id, or merging by id would fail later.
    """
    raw = path.read_bytes()
    if path.name.endswith(".gz"):
        raw = gzip.decompress(raw)
    data = orjson.loads(raw)
    records = data.get("records", []) if isinstance(data, dict) else None
    if not isinstance(records, list) or not all(
        isinstance(rec, dict) and "id" in rec for rec in records
    ):
        raise ValueError("not an archive of records")
    return records
