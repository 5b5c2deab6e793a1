"""The TinyDB storage under a unit of work: the hot file and its journal, read once,
written once.

TinyDB writes after every operation; this storage keeps those writes in memory until
``flush``, so every change of a unit of work lands on disk in one write: one line
appended to the patient's journal (``journal.py``), or, now and then, the whole hot
file written atomically with the journal folded into it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from bot.storage.atomic import atomic_write_bytes
from bot.storage.codec import encode_user_file
from bot.storage.journal import FOLD_BYTES, GEN_KEY, Journal, snapshot_gen, step


class AtomicStorage(Storage):
    """A TinyDB storage that reads a hot file (and its journal) once and writes on ``flush``.

    TinyDB calls ``write`` after every operation; inside a unit of work those writes
    stay in memory until ``flush`` so that several changes land as one.
    """

    def __init__(self, path: Path, journal: Journal, *,
                 cache: dict[str, Any] | None = None,
                 on_load: Callable[[dict[str, Any]], None] | None = None,
                 on_damaged: Callable[[Exception], None] | None = None,
                 on_orphan: Callable[[], None] | None = None) -> None:
        self.path = path
        self.journal = journal
        self._data: dict[str, Any] | None = cache
        self._on_load = on_load
        self._on_damaged = on_damaged
        self._on_orphan = on_orphan
        self.dirty = False
        self.head = b""
        self.folded = False  # the last flush wrote the hot file (not a journal line)
        self.on_disk = cache is not None  # the hot file exists (a journal needs one)

    @property
    def loaded(self) -> bool:
        return self._data is not None

    def read(self) -> dict[str, Any] | None:
        if self._data is None:
            try:
                raw = self.path.read_bytes()
            except FileNotFoundError:
                if self._on_orphan is not None and self.journal.path.exists():
                    self._on_orphan()  # a journal without its hot file (see there)
                return None
            try:
                data = orjson.loads(raw) if raw.strip() else {}
                if not isinstance(data, dict):
                    raise ValueError("not a user file")
            except ValueError as exc:
                # Damaged: ``on_damaged`` moves it aside, and the user reads as new.
                if self._on_damaged is None:
                    raise
                self._on_damaged(exc)
                return None
            self.journal.folded = snapshot_gen(data)
            self.journal.replay(data)
            self._data = data
            self.on_disk = True
            if self._on_load is not None:
                self._on_load(self._data)
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        if self._data is None:
            # TinyDB may write without reading (``drop_tables``): the file is read
            # first anyway, so that the write knows the journal it replaces.
            self.read()
        self._data = data
        self.dirty = True

    def flush(self, entry: bytes | None = None) -> None:
        """Land the changes: ``entry`` appended to the journal, or (no entry, a new hot
        file, a long journal) the whole hot file written with the journal folded in."""
        if not self.dirty or self._data is None:
            return
        journal = self.journal
        if (entry is None or not self.on_disk
                or journal.length + len(entry) > FOLD_BYTES):
            self.fold()
        else:
            journal.append(entry)
            self.folded = False
        self.dirty = False

    def fold(self) -> None:
        """Write the whole hot file atomically, then empty the journal it now holds."""
        if self._data is None:
            return
        journal = self.journal
        gen = journal.gen if journal.live else journal.folded
        raw, self.head = encode_user_file(self._data, extra={GEN_KEY: gen} if gen else None)
        step("fold:write")
        atomic_write_bytes(self.path, raw)
        step("fold:written")
        self.on_disk = True
        journal.folded_into_snapshot()
        self.folded = True

    def close(self) -> None:
        self.flush()
