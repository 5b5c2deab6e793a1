"""A patient's journal: one appended line per unit of work, folded into the hot file now
and then.

Rewriting a patient's whole hot file for every reply (about 17 KB, two fsyncs and a
rename) cost more than the rest of the reply's storage work. A reply appends one line
here instead and syncs once (``os.fdatasync``); the hot file stays the snapshot.

File format, ``users/<id>.journal``: lines ``<length>:<crc32 hex>:<json>\\n``. The first
line is the header ``{"g": n}``, the journal's generation; each later line is one unit of
work (``entry``). A line whose length, checksum or newline does not match is a write a
kill cut short: it and anything after it are dropped, the lines before it stay. Nothing
after a torn line was ever acknowledged, because each append is synced before the reply.

Folding writes the hot file atomically with ``"_journal": n`` (every line of generation
``n`` is in it), then empties the journal (the file stays: a new file would cost the
next append a sync of the folder). A crash between the two leaves a journal whose
generation the hot file already holds, so it is ignored: the old snapshot plus the whole
journal, or the new snapshot, never a mix. The next append starts generation ``n + 1``.

Entries are idempotent (whole documents, records by id, update ids added once), so
applying them to a state that already holds them changes nothing.
"""

from __future__ import annotations

import contextlib
import logging
import os
import zlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import orjson

from bot.storage.atomic import StorageError, fsync_dir

log = logging.getLogger(__name__)

#: The key in a hot file that names the last journal generation folded into it.
GEN_KEY = "_journal"
#: A journal longer than this is folded into the hot file at the next write.
FOLD_BYTES = 32 * 1024
#: The table of records (added and removed by document id); every other is one document.
RECORDS = "events"
SEEN = "seen"
SEEN_LIMIT = 200  # update ids kept per user for dedupe

#: Test hook: called with a step's name before each step of an append or a fold, so a
#: kill test can stop the process exactly there (``tests/storage/journal_writer.py``).
step_hook: Callable[[str], None] | None = None


def step(name: str) -> None:
    """A named step of a write (for ``step_hook``)."""
    if step_hook is not None:
        step_hook(name)


def frame(body: bytes) -> bytes:
    """One journal line: length, checksum, the JSON body, a newline."""
    return b"%d:%08x:%s\n" % (len(body), zlib.crc32(body), body)


def unframe(raw: bytes) -> tuple[list[bytes], int]:
    """The bodies of the intact lines at the start of ``raw``, and the byte they end at."""
    bodies: list[bytes] = []
    pos, size = 0, len(raw)
    while pos < size:
        colon = raw.find(b":", pos, pos + 12)
        if colon <= pos or not raw[pos:colon].isdigit():
            break
        crc_end = colon + 9
        if raw[crc_end:crc_end + 1] != b":":
            break
        start = crc_end + 1
        end = start + int(raw[pos:colon])
        if raw[end:end + 1] != b"\n":
            break
        body = raw[start:end]
        try:
            crc = int(raw[colon + 1:crc_end], 16)
        except ValueError:
            break
        if zlib.crc32(body) != crc:
            break
        bodies.append(body)
        pos = end + 1
    return bodies, pos


def add_seen(ids: list[int], update_id: int) -> list[int]:
    """The dedupe list with one more update id (kept once, the newest SEEN_LIMIT)."""
    if update_id in ids:
        return ids
    return [*ids, update_id][-SEEN_LIMIT:]


def apply_entry(data: dict[str, Any], entry: Mapping[str, Any]) -> None:
    """Apply one unit of work, as journalled, to a hot file's tables (in place).

    ``t``: whole single-document tables (None: dropped); ``d`` / ``a``: records removed
    and added, by document id; ``u``: the update id handled.
    """
    for name, doc in (entry.get("t") or {}).items():
        if doc is None:
            data.pop(name, None)
        else:
            data[name] = {"1": doc}
    removed = entry.get("d") or ()
    added = entry.get("a") or {}
    if removed or added:
        records = data.setdefault(RECORDS, {})
        for doc_id in removed:
            records.pop(str(doc_id), None)
        for doc_id, record in added.items():
            records[str(doc_id)] = record
    update_id = entry.get("u")
    if isinstance(update_id, int):
        note_seen(data, update_id)


def note_seen(data: dict[str, Any], update_id: int) -> None:
    """Add an update id to a hot file's dedupe table (in place), as a unit of work does."""
    seen = (data.get(SEEN) or {}).get("1") or {}
    data[SEEN] = {"1": {**seen, "ids": add_seen(list(seen.get("ids", [])), update_id)}}


def snapshot_gen(data: dict[str, Any]) -> int:
    """Take the folded generation out of a parsed hot file (TinyDB must not see it)."""
    gen = data.pop(GEN_KEY, 0)
    return gen if isinstance(gen, int) and gen >= 0 else 0


class Journal:
    """One patient's journal file and what this process knows of it.

    ``folded``: the generation the hot file holds; ``gen``: the journal's generation (0:
    no live journal); ``length``: the bytes of intact lines; ``disk``: the file's size as
    last seen (None: unknown after a failed write), so an append first cuts off a torn
    tail or a stale journal instead of writing after it.
    """

    def __init__(self, path: Path, folded: int = 0) -> None:
        self.path = path
        self.folded = folded
        self.gen = 0
        self.length = 0
        self.disk: int | None = None
        self.exists = False  # the file is there (its folder entry made durable)

    @property
    def live(self) -> bool:
        return self.length > 0

    def replay(self, data: dict[str, Any]) -> int:
        """Apply the journal's entries to ``data`` (the parsed hot file); how many."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            self.gen, self.length, self.disk, self.exists = 0, 0, 0, False
            return 0
        self.disk, self.exists = len(raw), True
        bodies, good = unframe(raw)
        self.gen, self.length = 0, 0
        if good < len(raw):
            log.warning("A journal ended in a line cut short (%d bytes): dropped; the "
                        "%d lines before it are kept", len(raw) - good, max(len(bodies) - 1, 0))
        if not bodies:
            return 0
        try:
            gen = orjson.loads(bodies[0]).get("g")
            entries = [orjson.loads(body) for body in bodies[1:]]
        except (ValueError, AttributeError):
            log.warning("A journal with an unreadable header or line: ignored")
            return 0
        if not isinstance(gen, int) or gen <= self.folded:
            return 0  # already folded into the hot file: a fold that a crash cut short
        for entry in entries:
            apply_entry(data, entry)
        self.gen, self.length = gen, good
        return len(entries)

    def append(self, body: bytes) -> None:
        """Append one entry and sync it; raises StorageError (nothing acknowledged)."""
        new = not self.live
        payload = frame(body)
        if new:
            payload = frame(b'{"g":%d}' % (self.folded + 1)) + payload
        try:
            step("append:open")
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600)
            try:
                if self.disk != self.length:
                    step("append:truncate")
                    os.ftruncate(fd, self.length)
                self.disk = None
                try:
                    step("append:write")
                    written = os.pwrite(fd, payload, self.length)
                    if written != len(payload):
                        raise OSError(28, "No space left on device (a short write)")
                    step("append:sync")
                    os.fdatasync(fd)
                except OSError:
                    # Not acknowledged, so it must not come back at the next read.
                    with contextlib.suppress(OSError):
                        os.ftruncate(fd, self.length)
                        self.disk = self.length
                    raise
            finally:
                os.close(fd)
            if not self.exists:  # a new file: its folder entry must last too
                step("append:sync-folder")
                fsync_dir(self.path.parent)
                self.exists = True
        except OSError as exc:
            raise StorageError(f"could not write {self.path.name}: "
                               f"{exc.strerror or exc}") from exc
        step("append:done")
        if new:
            self.gen = self.folded + 1
        self.length += len(payload)
        self.disk = self.length

    def folded_into_snapshot(self) -> None:
        """The hot file now holds every line: empty the journal (a crash before that
        leaves a journal of a folded generation, which is ignored). The file stays, so
        the next append needs no new file and no sync of the folder."""
        if self.gen:
            self.folded = self.gen
        self.gen, self.length = 0, 0
        if not self.exists or self.disk == 0:
            return
        step("fold:truncate")
        try:
            os.truncate(self.path, 0)
        except OSError as exc:
            log.warning("Could not empty a folded journal (%s); it is ignored", exc)
            self.disk = None  # cut to nothing before the next append
            return
        self.disk = 0


def read_tables(hot_file: Path, journal_file: Path) -> dict[str, Any] | None:
    """A patient's tables as stored (hot file, journal applied), read without changing
    anything on disk (None: no hot file). Raises on a damaged hot file; for tools and
    tests that look at another process's data."""
    try:
        data = orjson.loads(hot_file.read_bytes())
    except FileNotFoundError:
        return None
    if not isinstance(data, dict):
        raise ValueError("not a user file")
    Journal(journal_file, snapshot_gen(data)).replay(data)
    return data
